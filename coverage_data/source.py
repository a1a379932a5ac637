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
from dataclasses import dataclass
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
    shape = _problems(text, file)
    found, parsed = shape.problems, shape.parsed
    if not found:
        return []
    if not shape.slip:
        return found

    def check(variant: str) -> list[Problem] | None:
        shape = _problems(variant, file)
        return shape.problems if shape.parsed else None

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


# More problems than this with the file's shape are something pasted by mistake, not slips to list
# one by one (and listing 40,000 would take the writer's time for nothing).
MAX_SCHEMA_PROBLEMS = 100
# The source has a dozen sections (schema.json); a file with more is read as one document.
_MAX_SECTIONS = 64


@dataclass(frozen=True)
class _Shape:
    """The problems of a text's shape, unexplained; whether it parses (if not, the problems are
    SYNTAX_ERROR at the lines where the parser stopped, or what the composer refused); and whether one
    line's indentation could cause them: not a refusal of the composer (an alias, too many values), a
    list or mapping beyond its bound, or more problems than are listed (something pasted by mistake)."""

    problems: list[Problem]
    parsed: bool
    slip: bool = True


def _problems(text: str, file: str) -> _Shape:
    """The problems of the text's shape. The checks across the file (checks.py) read its shape as the
    schema has it: after a refusal of the schema they would only repeat it, or loop over a list it
    refused for its length."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line[:1] not in ("", " ", "#")]
    if not starts or len(starts) > _MAX_SECTIONS or not all(_TOP_KEY.match(lines[i]) for i in starts):
        return _whole(text, file)  # a line only the whole file explains
    starts[0] = 0  # the comments above the first section go with it
    ends = [*starts[1:], len(lines)]
    chunks = ["\n" * start + "\n".join(lines[start:end]) for start, end in zip(starts, ends, strict=True)]
    sections = [_section(chunk, file) for chunk in chunks]
    data: Source = {}
    where: dict[str, dict[Path_, int]] = {}  # each section's lines
    kept: list[str] = []  # the chunk of each section (not a duplicate)
    problems: list[Problem] = []  # the parser's and the composer's
    shape: list[Problem] = []  # the schema's
    bounded = False  # a list or mapping beyond its bound
    for chunk, section in zip(chunks, sections, strict=True):
        if section is None:  # a slip in this section, or a flow collection that runs on into the next one
            lines_at = syntax_error_lines(text)
            return (
                _Shape([Problem(file, line, SYNTAX_ERROR) for line in lines_at], False)
                if lines_at
                else _whole(text, file)
            )
        if section.key in data:
            first = where[section.key][(section.key,)]
            problems.append(
                Problem(
                    file, section.lines[(section.key,)], f"duplicate key {section.key!r} (first given on line {first})"
                )
            )
            continue
        data[section.key], where[section.key] = section.value, section.lines
        kept.append(chunk)
        problems += section.parsed
        shape += section.schema
        bounded |= section.bounded
    root = where[next(iter(where))] if where else {}

    def line(path: Path_) -> int:
        return line_of(where.get(str(path[0]), root) if path else root, path)

    sections_found, sections_bounded = _root_problems(tuple(data))
    shape += [Problem(file, line(path), message) for path, message in sections_found]
    if shape:
        slip = not (bounded or sections_bounded or len(shape) > MAX_SCHEMA_PROBLEMS)
        return _Shape(problems + _capped(shape), True, slip)
    for chunk in kept:
        problems += _section_texts(chunk, file, checks.languages_of(data))
    return _Shape(problems + [Problem(file, line(path), message) for path, message in checks.references(data)], True)


def _whole(text: str, file: str) -> _Shape:
    """`_problems` of the file read as one document."""
    data, lines, problems = parse_text(text, file, explain=False)
    if data is None:  # a syntax error, or a refusal of the composer
        return _Shape(problems, False, all(problem.message == SYNTAX_ERROR for problem in problems))
    if not isinstance(data, dict):
        return _Shape([*problems, Problem(file, 1, "the source must be a mapping of sections")], True)

    def at(found: list[tuple[Path_, str]]) -> list[Problem]:
        return [Problem(file, line_of(lines, where), message) for where, message in found]

    found, bounded = _schema_found(_validator().iter_errors(data))
    if found:
        return _Shape(problems + _capped(at(found)), True, not (bounded or len(found) > MAX_SCHEMA_PROBLEMS))
    return _Shape(problems + at(list(checks.problems(data))), True)


@dataclass(frozen=True)
class _Section:
    """One top-level section of the source, parsed on its own: its key, value and lines, the parser's
    problems inside it, and the schema's."""

    key: str
    value: object
    lines: dict[Path_, int]
    parsed: list[Problem]
    schema: list[Problem]
    bounded: bool  # a list or mapping beyond its bound


@functools.lru_cache(maxsize=_MAX_SECTIONS)
def _section(text: str, file: str) -> _Section | None:
    """One top-level section (the lines above it blank), or None where it does not parse on its own.
    Shared by the calls: never changed."""
    data, lines, problems = parse_text(text, file, explain=False)
    if not isinstance(data, dict) or len(data) != 1:
        return None
    [(key, value)] = data.items()
    inside, bounded = _schema_found(error for error in _validator().iter_errors(data) if error.absolute_path)
    schema = [Problem(file, line_of(lines, path), message) for path, message in inside]
    return _Section(key, value, lines, problems, schema, bounded)


@functools.lru_cache(maxsize=_MAX_SECTIONS)
def _section_texts(text: str, file: str, languages: tuple[str, ...]) -> list[Problem]:
    """The problems of the texts of one section (checks.section_texts)."""
    section = _section(text, file)
    assert section is not None  # asked only of a section that parses
    return [
        Problem(file, line_of(section.lines, path), message)
        for path, message in checks.section_texts(section.key, section.value, languages)
    ]


@functools.cache
def _root_problems(keys: tuple[str, ...]) -> tuple[list[tuple[Path_, str]], bool]:
    """The schema's problems with the source's sections themselves (missing, unexpected)."""
    return _schema_found(
        error
        for error in _validator().iter_errors(dict.fromkeys(keys))
        if not error.absolute_path  # the sections' own values are checked in _section
    )


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _schema_found(errors: Iterator[jsonschema.ValidationError]) -> tuple[list[tuple[Path_, str]], bool]:
    """The schema's problems in a writer's words, read no further than _capped needs, and whether a list
    or mapping is longer than its bound: that ends them (its items would each be reported, to no use;
    the schema lists these bounds first)."""
    found: list[tuple[Path_, str]] = []
    for error in errors:
        found += schema_problems(error)
        if error.validator in ("maxItems", "maxProperties"):
            return found, True
        if len(found) > MAX_SCHEMA_PROBLEMS:
            break
    return found[: MAX_SCHEMA_PROBLEMS + 1], False


def _capped(found: list[Problem]) -> list[Problem]:
    """At most MAX_SCHEMA_PROBLEMS problems, and where more follow, a last one that says so."""
    if len(found) <= MAX_SCHEMA_PROBLEMS:
        return found
    cut = found[MAX_SCHEMA_PROBLEMS]
    flood = f"more than {MAX_SCHEMA_PROBLEMS} problems from here on: fix those above, then run validate again"
    return [*found[:MAX_SCHEMA_PROBLEMS], Problem(cut.file, cut.line, flood)]


def _per_market(text: Any, markets: list[str], languages: list[str]) -> dict[str, Any]:
    """A text written once for every market, or per market, as one text (or None) per market."""
    if text is None or set(text) == set(languages):
        return dict.fromkeys(markets, text)
    return {market: text.get(market) for market in markets}


def _per_market_response(offering: dict[str, Any]) -> dict[str, Any]:
    """The offering with each number of its response per market (each zone's hours, the guarantee's
    options, the average's business days): a value written once holds in every market the offering is
    sold in (checker/zones.py reads the market's)."""
    response, markets = offering["response"], offering["markets"]

    def each(value: object) -> object:
        return value if isinstance(value, dict) else dict.fromkeys(markets, value)

    compiled = {key: each(response[key]) for key in ("options", "business_days") if key in response}
    if "hours" in response:
        compiled["hours"] = {zone: each(value) for zone, value in response["hours"].items()}
    return {**offering, "response": {**response, **compiled}}


def compile_data(data: Source, holidays: HolidayTable) -> Data:
    """Fill in what the source leaves implicit, so that the checker never guesses a default."""
    markets = list(data["markets"])
    compiled: dict[str, Any] = {key: value for key, value in data.items() if key != "holidays"}
    # A market that counts one list of holidays everywhere has no regions (WRITING.md row 45).
    compiled["markets"] = {mid: {"regions": {}, **market} for mid, market in data["markets"].items()}
    compiled["attributes"] = [
        {
            "id": row["id"],
            "label": row["label"],
            "detail": _per_market(row.get("detail"), markets, data["languages"]),
            "markets": row.get("markets", markets),
            "discretion": row.get("discretion", []),
            "no_contract": row.get("no_contract"),
            "replaces": row.get("replaces"),
            "in_sentence": row.get("in_sentence"),
            "onsite": row.get("onsite", False),
            "corrected": row.get("corrected", {}),
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
    compiled["holidays"] = {**holidays, "names": names, "markets": typeset_texts(holidays["markets"])}
    # The schema and checks.py have checked the source's shape, and the defaults are filled in: from
    # here on it is the model the checker reads (checker/model.py).
    return cast(Data, compiled)
