"""Load the source: parse with line numbers, check against the schema and across ids, then compile.

The compiled dict is what the checker reads, in CPython and (as JSON) in Pyodide: the YAML's facts with
defaults filled in (every row's markets, every mark per market) and the holiday table built.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import jsonschema

from checker.model import Data, HolidayTable
from coverage_data import checks, exercise, holiday_table, indentation
from coverage_data.messages import schema_problems
from coverage_data.problems import Path_, Problem, SourceError, display_path
from coverage_data.typography import LANGUAGE, typeset, typeset_texts
from coverage_data.yaml_lines import SYNTAX_ERROR, Source, line_of, parse_text, read, syntax_error_lines

SOURCE = Path(__file__).with_name("coverage.yml")
SCHEMA = Path(__file__).with_name("schema.json")


BUILD_DAY_VARIABLE = "COVERAGE_BUILD_DAY"
SOURCE_VARIABLE = "COVERAGE_SOURCE"


def source_path() -> Path:
    """The source the build, the preview and the command line read: coverage_data/coverage.yml, or the
    file COVERAGE_SOURCE names (a copy to try a change on; WRITING.md's worked tasks are tested so)."""
    return Path(os.environ.get(SOURCE_VARIABLE) or SOURCE).resolve()


def build_day() -> dt.date:
    """The day a build is made for: the holiday table spans the years around it. Today, unless
    COVERAGE_BUILD_DAY (YYYY-MM-DD) names another day, as the tests do, so that they pass whatever day
    they run on."""
    named = os.environ.get(BUILD_DAY_VARIABLE)
    return dt.date.fromisoformat(named) if named else dt.date.today()


def load(path: Path = SOURCE, today: dt.date | None = None) -> Data:
    """The compiled data of the source at `path`, or SourceError with every problem found."""
    file = display_path(path)
    text, problems = read(path, file)
    if text is None:
        raise SourceError(problems)
    if problems := shape_problems(text, file):
        raise SourceError(problems)
    data, lines, _ = parse_text(text, file)
    assert isinstance(data, dict)  # shape_problems() reports anything else

    def at(found: list[tuple[Path_, str]]) -> list[Problem]:
        return [Problem(file, line_of(lines, where), message) for where, message in found]

    holidays, found = holiday_table.build(data, today or build_day())
    if found:
        raise SourceError(at(found))
    compiled = compile_data(data, holidays)
    if found := exercise.problems(compiled):
        raise SourceError(at(found))
    return compiled


def shape_problems(text: str, file: str) -> list[Problem]:
    """Every problem of the source's shape (YAML syntax, the schema, the cross-references of checks.py),
    as a writer is told them: a slip of one line's indentation is named as such, at that line
    (coverage_data/indentation.py); a syntax error otherwise in a writer's words (messages.py)."""
    found, parsed = _problems(text, file)
    if not found:
        return []

    def check(variant: str) -> list[Problem] | None:
        problems, parsed = _problems(variant, file)
        return problems if parsed else None

    search = indentation.slip(text, found, parsed, check)
    if not search:
        return found if parsed else parse_text(text, file)[2]  # the syntax error, in a writer's words
    line, have, want = search
    variant = text.split("\n")
    variant[line - 1] = " " * want + variant[line - 1].lstrip(" ")
    left = check("\n".join(variant)) or []  # the problems the slip did not cause
    return [Problem(file, line, indentation.message(text, line, have, want)), *left]


# ---- The shape's problems, section by section: the indentation search checks many variants of the file,
# each one line different, so each top-level section is parsed and checked once per version of its text.

_TOP_KEY = re.compile(r"""[\w"'-][^:#]*:(\s|$)""")  # a line that starts a top-level section


def _problems(text: str, file: str) -> tuple[list[Problem], bool]:
    """The problems of the text's shape, unexplained, and whether it parses (if not, the problems
    are SYNTAX_ERROR at the lines where the parser stopped)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line[:1] not in ("", " ", "#")]
    if not starts or not all(_TOP_KEY.match(lines[i]) for i in starts):
        return _whole(text, file)  # a line only the whole file explains
    starts[0] = 0  # the comments above the first section go with it
    ends = [*starts[1:], len(lines)]
    chunks = ["\n" * start + "\n".join(lines[start:end]) for start, end in zip(starts, ends, strict=True)]
    sections = [_section(chunk, file) for chunk in chunks]
    data: Source = {}
    where: dict[str, dict[Path_, int]] = {}  # each section's lines
    kept: list[str] = []  # the chunk of each section (not a duplicate)
    problems: list[Problem] = []
    for chunk, section in zip(chunks, sections, strict=True):
        if section is None:  # a slip in this section, or a flow collection that runs on into the next one
            lines_at = syntax_error_lines(text)
            return ([Problem(file, line, SYNTAX_ERROR) for line in lines_at], False) if lines_at else _whole(text, file)
        key, value, section_lines, found = section
        if key in data:
            first = where[key][(key,)]
            problems.append(
                Problem(file, section_lines[(key,)], f"duplicate key {key!r} (first given on line {first})")
            )
            continue
        data[key], where[key] = value, section_lines
        kept.append(chunk)
        problems += found
    for chunk in kept:
        problems += _section_texts(chunk, file, checks.languages_of(data))
    root = where[next(iter(where))] if where else {}

    def line(path: Path_) -> int:
        return line_of(where.get(str(path[0]), root) if path else root, path)

    found_here = [*_root_problems(tuple(data)), *checks.references(data)]
    return problems + [Problem(file, line(path), message) for path, message in found_here], True


def _whole(text: str, file: str) -> tuple[list[Problem], bool]:
    """`_problems` of the file read as one document."""
    data, lines, problems = parse_text(text, file, explain=False)
    if data is None:
        return problems, False
    if not isinstance(data, dict):
        return [*problems, Problem(file, 1, "the source must be a mapping of sections")], True
    found = [*_schema_problems(data), *checks.problems(data)]
    return problems + [Problem(file, line_of(lines, where), message) for where, message in found], True


@functools.lru_cache(maxsize=64)
def _section(text: str, file: str) -> tuple[str, object, dict[Path_, int], list[Problem]] | None:
    """One top-level section (the lines above it blank): its key, value, lines and the problems inside
    it, or None where it does not parse on its own. Shared by the calls: never changed."""
    data, lines, problems = parse_text(text, file, explain=False)
    if not isinstance(data, dict) or len(data) != 1:
        return None
    [(key, value)] = data.items()
    inside = [
        (path, message)
        for error in _validator().iter_errors(data)
        if error.absolute_path
        for path, message in schema_problems(error)
    ]
    return key, value, lines, problems + [Problem(file, line_of(lines, path), message) for path, message in inside]


@functools.lru_cache(maxsize=64)
def _section_texts(text: str, file: str, languages: tuple[str, ...]) -> list[Problem]:
    """The problems of the texts of one section (checks.section_texts)."""
    section = _section(text, file)
    assert section is not None  # asked only of a section that parses
    key, value, lines, _ = section
    return [
        Problem(file, line_of(lines, path), message) for path, message in checks.section_texts(key, value, languages)
    ]


@functools.cache
def _root_problems(keys: tuple[str, ...]) -> list[tuple[Path_, str]]:
    """The schema's problems with the source's sections themselves (missing, unexpected)."""
    return [
        found
        for error in _validator().iter_errors(dict.fromkeys(keys))
        if not error.absolute_path  # the sections' own values are checked in _section
        for found in schema_problems(error)
    ]


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _schema_problems(data: Source) -> Iterator[tuple[Path_, str]]:
    for error in _validator().iter_errors(data):
        yield from schema_problems(error)


def _per_market_response(offering: dict[str, Any]) -> dict[str, Any]:
    """The offering with each zone's hours per market: a time written once holds in every market the
    offering is sold in (checker/zones.py reads the hours of a zone in a market)."""
    response = offering["response"]
    if "hours" not in response:
        return offering
    hours = {
        zone: value if isinstance(value, dict) else dict.fromkeys(offering["markets"], value)
        for zone, value in response["hours"].items()
    }
    return {**offering, "response": {**response, "hours": hours}}


def compile_data(data: Source, holidays: HolidayTable) -> Data:
    """Fill in what the source leaves implicit, so that the checker never guesses a default."""
    markets = list(data["markets"])
    compiled: dict[str, Any] = {key: value for key, value in data.items() if key != "holidays"}
    compiled["attributes"] = [
        {
            "id": row["id"],
            "label": row["label"],
            "detail": row.get("detail"),
            "markets": row.get("markets", markets),
            "discretion": row.get("discretion", []),
            "no_contract": row.get("no_contract"),
            "replaces": row.get("replaces"),
            "marks": {
                oid: mark if isinstance(mark, dict) else dict.fromkeys(markets, mark)
                for oid, mark in row["marks"].items()
            },
        }
        for row in data["attributes"]
    ]
    compiled["offerings"] = {oid: _per_market_response(offering) for oid, offering in data["offerings"].items()}
    compiled["benefits"] = {
        oid: [{**item, "markets": item.get("markets", markets)} for item in items]
        for oid, items in data["benefits"].items()
    }
    compiled = cast("dict[str, Any]", typeset_texts(compiled))  # the same shape, French typeset
    french = data["languages"].index(LANGUAGE) if LANGUAGE in data["languages"] else None
    names = [[typeset(name) if i == french else name for i, name in enumerate(pair)] for pair in holidays["names"]]
    compiled["holidays"] = {**holidays, "names": names}
    # The schema and checks.py have checked the source's shape, and the defaults are filled in: from
    # here on it is the model the checker reads (checker/model.py).
    return cast(Data, compiled)
