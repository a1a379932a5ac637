"""Indentation, the commonest slip in a YAML file, named as such, at its line.

A line indented two spaces too few (or one too many) either breaks the YAML, or parses into another
shape: a key of the mapping above it, a text that runs on. PyYAML then speaks of tokens, and the schema
of a key missing in one place and unexpected in another: symptoms, when the cause is one line's
indentation. So when the source has problems, each line near the first of them is tried at the
indentations of the lines around it. A line whose re-indentation leaves the file without those problems
and brings no other is the slip: it is reported instead of its symptoms, with the line it should align
with. Nothing is guessed: the advice is a change that was tried and that works.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from coverage_data.problems import Problem

# The problems of a variant of the file (its line count unchanged), or None where it does not parse.
Check = Callable[[str], "list[Problem] | None"]

MAX_SHIFT = 4  # a slip is a few spaces; beyond that a line is elsewhere on purpose, or missing
_STARTS = 6  # problems whose lines are tried, the first in the file first
_SUSPECTS = 16  # lines tried, likeliest first
_BLOCK = 12  # lines looked at below a problem's line for a key that strayed into its block
_ABOVE = 6  # lines tried above a problem's line
_KEY = re.compile(r"[\w\"'-]+:( |$)")  # a line that starts with a key


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _significant(line: str) -> bool:
    """A line YAML reads: not blank, not a comment."""
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _opens(line: str) -> bool:
    """A line whose value is on the lines below: `key:`, `key: >-`, or a list item `- key: value`."""
    stripped = line.strip()
    return stripped.endswith((":", ">-", ">", "|", "|-")) or stripped.startswith("- ")


def _levels(lines: list[str], index: int) -> list[int]:
    """The indentations line `index` could mean, from the lines above it: the nearest line's, its
    children's (if it opens a block), and each enclosing block's."""
    levels: list[int] = []
    floor: int | None = None
    for above in reversed(lines[:index]):
        if not _significant(above):
            continue
        indent = _indent(above)
        if floor is None:
            levels.append(indent + (2 if above.lstrip().startswith("- ") else 0))
            if _opens(above):
                levels.append(indent + 2)
        if floor is None or indent < floor:
            levels.append(indent)
            floor = indent
        if indent == 0:
            break
    levels.append(0)
    have = _indent(lines[index])
    return sorted({level for level in levels if level != have and abs(level - have) <= MAX_SHIFT},
                  key=lambda level: (abs(level - have), level))  # fmt: skip


def _suspects(lines: list[str], problem_lines: list[int]) -> list[int]:
    """Indexes of the lines to try, likeliest first: the early problems' lines; the first line of the
    block such a line could not join (a block started too deep or too shallow); a key inside a text or
    mapping that starts there (a `fr:` indented into the `en:` text above it); the lines just above;
    and the line that ends the block (where a key indented too little left its mapping)."""
    starts = [number - 1 for number in sorted(set(problem_lines))[:_STARTS] if 0 < number <= len(lines)]
    near, keys, far, ends = [], [], [], []
    for index in reversed(starts):  # a parser stops below the slip: the last line first
        indent = _indent(lines[index])
        above = _nearby(lines, index, -1, _ABOVE)
        near += [*_block_start(lines, index), *above[:2]]
        far += above[2:]
        below = _nearby(lines, index, 1, _BLOCK)
        block = below[: next((n for n, i in enumerate(below) if _indent(lines[i]) <= indent), None)]
        keys += [i for i in block if _KEY.match(lines[i].lstrip(" "))]
        ends += [i for i in below if _indent(lines[i]) <= indent][:1]
    found: list[int] = []
    for index in [*starts, *near, *keys, *far, *ends]:
        if _significant(lines[index]) and index not in found:
            found.append(index)
    return found[:_SUSPECTS]


def _block_start(lines: list[str], index: int) -> list[int]:
    """The first line of the run of deeper lines right above line `index` (where a block began that
    this line does not line up with), and the line that block hangs from."""
    indent = _indent(lines[index])
    above = _nearby(lines, index, -1, 1)
    if not above or _indent(lines[above[0]]) <= indent:
        return []
    run = _run_above(lines, index, indent)
    level = min(_indent(lines[i]) for i in run)
    first = [i for i in run if _indent(lines[i]) == level][-1]
    return [first, *_nearby(lines, run[-1], -1, 1)]  # and the line it hangs from


def _run_above(lines: list[str], index: int, indent: int) -> list[int]:
    """The significant lines right above `index` that are deeper than `indent`, nearest first."""
    found: list[int] = []
    for i in range(index - 1, -1, -1):
        if not _significant(lines[i]):
            continue
        if _indent(lines[i]) <= indent:
            break
        found.append(i)
    return found


def _nearby(lines: list[str], index: int, step: int, count: int) -> list[int]:
    """The indexes of up to `count` significant lines from `index` on, one way (`step`), excluded."""
    found: list[int] = []
    index += step
    while 0 <= index < len(lines) and len(found) < count:
        if _significant(lines[index]):
            found.append(index)
        index += step
    return found


def slip(text: str, problems: list[Problem], parsed: bool, check: Check) -> tuple[int, int, int] | None:
    """(line, its indentation, the indentation it should have) of the one line whose re-indentation
    clears the problems, or None. A file that does not parse must parse, without a problem, once the
    line is moved; one that parsed must lose problems and gain none."""
    lines = text.split("\n")
    before = {(problem.line, problem.message) for problem in problems}
    best: tuple[int, int, int, int] | None = None  # (problems left, line, have, want)
    for index in _suspects(lines, [problem.line for problem in problems]):
        have = _indent(lines[index])
        for want in _levels(lines, index):
            variant = lines.copy()
            variant[index] = " " * want + lines[index].lstrip(" ")
            after = check("\n".join(variant))
            if after is None:
                continue
            left = {(problem.line, problem.message) for problem in after}
            if (not parsed and left) or (parsed and not (left < before)):
                continue
            if best is None or len(left) < best[0]:
                best = (len(left), index + 1, have, want)
            if not left:
                return best[1:]
    return best[1:] if best else None


def message(text: str, line: int, have: int, want: int) -> str:
    """What to do, with the line to align with: the nearest line above at that indentation in the
    same block, or else the line the block belongs to."""
    lines = text.split("\n")
    for number in range(line - 1, 0, -1):
        above = lines[number - 1]
        if not _significant(above):
            continue
        if _indent(above) == want:
            return f"indentation: this line is indented {_spaces(have)}: indent it {want}, as line {number} is ({_shown(above)})"
        if _indent(above) < want:
            return (
                f"indentation: this line is indented {_spaces(have)}: indent it {want}, {want - _indent(above)} more "
                f"than line {number} ({_shown(above)}), which it belongs to"
            )
    return f"indentation: this line is indented {_spaces(have)}: indent it {want}"


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _shown(line: str) -> str:
    stripped = line.strip()
    return repr(stripped if len(stripped) <= 32 else stripped[:31] + "…")
