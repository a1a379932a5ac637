"""What a writer is told when the source is wrong: a file, a line and a sentence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Path_ = tuple[str | int, ...]  # where in a YAML file: ('offerings', 'standard-sla', 'response')


def display_path(path: Path) -> str:
    """A path as a writer would type it: relative to where they are, when it is below."""
    path = path.resolve()
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a source file, printed as `file:line: message` like a compiler's error."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class SourceError(Exception):
    """The source cannot be used; `problems` holds every problem found, sorted by line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
