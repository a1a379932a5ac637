"""Load the source: parse with line numbers, check against the schema and across ids, then compile.

The compiled dict is what the checker reads, in CPython and (as JSON) in Pyodide: the YAML's facts with
defaults filled in (every row's markets, every mark per market) and the holiday table built.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import jsonschema

from checker.model import Data, HolidayTable
from coverage_data import checks, exercise, holiday_table
from coverage_data.messages import schema_problems
from coverage_data.problems import Path_, Problem, SourceError, display_path
from coverage_data.typography import LANGUAGE, typeset, typeset_texts
from coverage_data.yaml_lines import Source, line_of, parse

SOURCE = Path(__file__).with_name("coverage.yml")
SCHEMA = Path(__file__).with_name("schema.json")


BUILD_DAY_VARIABLE = "COVERAGE_BUILD_DAY"


def build_day() -> dt.date:
    """The day a build is made for: the holiday table spans the years around it. Today, unless
    COVERAGE_BUILD_DAY (YYYY-MM-DD) names another day, as the tests do, so that they pass whatever day
    they run on."""
    named = os.environ.get(BUILD_DAY_VARIABLE)
    return dt.date.fromisoformat(named) if named else dt.date.today()


def load(path: Path = SOURCE, today: dt.date | None = None) -> Data:
    """The compiled data of the source at `path`, or SourceError with every problem found."""
    file = display_path(path)
    data, lines, problems = parse(path, file)

    def at(found: list[tuple[Path_, str]]) -> list[Problem]:
        return [Problem(file, line_of(lines, where), message) for where, message in found]

    if data is not None and not isinstance(data, dict):
        problems.append(Problem(file, 1, "the source must be a mapping of sections"))
    elif data is not None:
        # The checks across the file read its shape as the schema has it: after a refusal of the
        # schema they would only repeat it, or loop over a list it refused for its length.
        problems += at(list(_schema_problems(data))) or at(list(checks.problems(data)))
    if problems or not isinstance(data, dict):  # parse gives no mapping only with a problem
        raise SourceError(problems)
    holidays, found = holiday_table.build(data, today or build_day())
    if found:
        raise SourceError(at(found))
    compiled = compile_data(data, holidays)
    if found := exercise.problems(compiled):
        raise SourceError(at(found))
    return compiled


# More problems than this with the file's shape are something pasted by mistake, not slips to list
# one by one (and listing 40,000 would take the writer's time for nothing).
MAX_SCHEMA_PROBLEMS = 100


def _schema_problems(data: Source) -> Iterator[tuple[Path_, str]]:
    """The schema's problems, at most MAX_SCHEMA_PROBLEMS of them; a list or mapping longer than its
    bound stops the count (its items would each be reported, to no use)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    count = 0
    for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
        for where, message in schema_problems(error):
            if count == MAX_SCHEMA_PROBLEMS:
                yield (
                    where,
                    f"more than {MAX_SCHEMA_PROBLEMS} problems from here on: fix those above, then run validate again",
                )
                return
            count += 1
            yield where, message
        if error.validator in ("maxItems", "maxProperties"):  # the schema lists these bounds first
            return


def _per_market(text: Any, markets: list[str], languages: list[str]) -> dict[str, Any]:
    """A text written once for every market, or per market, as one text (or None) per market."""
    if text is None or set(text) == set(languages):
        return dict.fromkeys(markets, text)
    return {market: text.get(market) for market in markets}


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
