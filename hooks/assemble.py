"""The docs folder MkDocs reads: the hand-written pages of docs/ plus the generated pages, on disk.

mkdocs-static-i18n rebuilds every file from the docs folder on disk, so in-memory generated files are
lost; instead the build reads a folder assembled here (never docs/ itself, so nothing generated is ever
committed). Files are written only when their content changes, so `mkdocs serve` does not loop.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path


def assembled_folder() -> Path:
    """One folder per process, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix="support-terms-docs-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def assemble(docs: Path, target: Path, generated: dict[str, str], renamed: dict[str, str]) -> None:
    """Make `target` hold exactly docs/'s files, some under other names (`renamed`: path inside docs ->
    its name in target), plus `generated` (path inside docs -> content)."""
    wanted: dict[str, bytes] = {}
    for path in docs.rglob("*"):
        if path.is_file():
            relative = path.relative_to(docs).as_posix()
            wanted[renamed.get(relative, relative)] = path.read_bytes()
    for relative, content in generated.items():
        if relative in wanted:
            raise ValueError(f"docs/{relative} would hide a generated page of the same name")
        wanted[relative] = content.encode("utf-8")
    for relative, content in wanted.items():
        path = target / relative
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target).as_posix()
        if path.is_file() and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
