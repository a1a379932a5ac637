"""Two versions of the source, to compare: at a revision of git, and in the working copy (or at a second
revision). `python -m checker changes` and `report` read them. CPython only: it runs git."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORKING_COPY = "the working copy"


class RevisionError(Exception):
    """No such revision, no git repository, or a file git does not know: said in one line."""


@dataclass(frozen=True)
class Versions:
    before: str  # the source's text at the first revision ("" where the file did not exist yet)
    after: str
    before_name: str  # "HEAD", "main", "abc123"
    after_name: str  # a revision, or WORKING_COPY


def versions(file: Path, revisions: str | None) -> Versions:
    """`revisions`: None (HEAD against the working copy), "REV" (REV against the working copy), or
    "REV..OTHER" (two revisions)."""
    first, _, second = (revisions or "HEAD").partition("..")
    first = first or "HEAD"
    before = _at(file, first)
    if second:
        return Versions(before, _at(file, second), first, second)
    return Versions(before, file.read_text(encoding="utf-8"), first, WORKING_COPY)


def printed(prog: str, report: Callable[[], list[str]]) -> int:
    """Print a report's lines (exit 0), or why the revisions cannot be read, in one line (exit 2)."""
    try:
        print("\n".join(report()))
    except RevisionError as error:
        print(f"{prog}: error: {error}", file=sys.stderr)
        return 2
    return 0


def _at(file: Path, revision: str) -> str:
    """The file's text at `revision` ("" where the file did not exist there)."""
    folder = file.resolve().parent
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is None:
        raise RevisionError(f"{revision!r} is no revision of the git repository of {file}")
    text = _git(folder, "show", f"{revision}:./{file.name}")
    return text if text is not None else ""


def _git(folder: Path, *args: str) -> str | None:
    """git's output, or None where it fails (no such revision, or no such file in it)."""
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise RevisionError("git is not installed") from error
    if result.returncode != 0 and "not a git repository" in result.stderr:
        raise RevisionError(f"{folder} is not in a git repository")
    return result.stdout if result.returncode == 0 else None
