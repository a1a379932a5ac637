"""Statutory holidays per market and region, taken from the `holidays` library when the data is built.

The browser gets a finished table, so it needs no extra package. The table covers whole years, from
`years_before` before the build year to `years_after` after it; writers add or remove days in the
source. Names come from the source's reviewed table (`holidays.names`, per market, keyed by the
library's English name), never from the library's own translations: a holiday the table lacks is a
build error, so no name reaches a page unreviewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import holidays as holidays_lib

from checker.model import HolidayTable, Text
from coverage_data.problems import Path_
from coverage_data.yaml_lines import Source

OBSERVED_SUFFIX = " (observed)"
Problems = list[tuple[Path_, str]]

# The language of the library's names, the keys of `holidays.names`. Named, because the library
# otherwise follows the environment's locale: with LANG unset, Quebec's 24 June is "Saint Jean Baptiste
# Day" instead of "Saint John the Baptist Day", and a build on another machine failed on it.
LIBRARY_LANGUAGE = "en_US"


def years(spec: dict[str, Any], today: dt.date) -> range:
    return range(today.year - spec["years_before"], today.year + spec["years_after"] + 1)


def build(data: Source, today: dt.date) -> tuple[HolidayTable, list[tuple[Path_, str]]]:
    """The compiled holiday table, and the problems (unknown region, untranslated name) found."""
    spec = data["holidays"]
    span = years(spec, today)
    names: dict[tuple[str, str], int] = {}
    days: dict[str, dict[str, list[str]]] = {}
    problems: Problems = []
    observed = data["ui"].get("observed")
    if observed is None:  # the same words as the checker's texts (coverage_data/exercise.py)
        empty: HolidayTable = {"first": "", "last": "", "names": [], "days": {}}
        return empty, [(("ui",), "ui.observed: the holiday table uses this text; write it (in every language)")]
    for mid, market in data["markets"].items():
        country = market["holidays_country"]
        try:
            subdivisions = set(holidays_lib.country_holidays(country).subdivisions)
        except NotImplementedError:
            problems.append(
                (("markets", mid, "holidays_country"), f"the holidays library knows no country {country!r}")
            )
            continue
        days[mid] = {}
        for region in ["", *market["regions"]]:
            if region and region not in subdivisions:
                problems.append((("markets", mid, "regions", region), f"{region!r} is not a subdivision of {country}"))
                continue
            table: dict[str, tuple[str, str]] = {}
            for day, en, fr in _library_days(
                country, mid, region, span, spec["names"].get(mid, {}), observed, problems
            ):
                table[day] = (en, fr)
            _apply_changes(table, spec, mid, region, problems)
            days[mid][region] = [f"{day} {names.setdefault(pair, len(names))}" for day, pair in sorted(table.items())]
    compiled: HolidayTable = {
        "first": dt.date(span.start, 1, 1).isoformat(),
        "last": dt.date(span.stop - 1, 12, 31).isoformat(),
        "names": [list(pair) for pair in names],
        "days": days,
    }
    return compiled, problems


def _library_days(
    country: str, market: str, region: str, span: range, names: dict[str, Text], observed: Text, problems: Problems
) -> Iterator[tuple[str, str, str]]:
    """(ISO date, English name, French name) of every holiday of the library for that place."""
    days = holidays_lib.country_holidays(country, subdiv=region or None, years=span, language=LIBRARY_LANGUAGE)
    for day in sorted(days):
        pairs = [_named(name, market, names, observed, problems) for name in days.get_list(day)]
        yield day.isoformat(), "; ".join(en for en, _ in pairs), "; ".join(fr for _, fr in pairs)


def _named(name: str, market: str, names: dict[str, Text], observed: Text, problems: Problems) -> tuple[str, str]:
    """The reviewed (English, French) name of a holiday of the library; an observed day says so."""
    base = name.removesuffix(OBSERVED_SUFFIX)
    if base not in names:
        problem = (
            ("holidays", "names", market),
            f"the holiday {base!r} has no reviewed name (add it under holidays.names.{market})",
        )
        if problem not in problems:
            problems.append(problem)
        return base, base
    en, fr = names[base]["en"], names[base]["fr"]
    if base != name:
        return f"{en} ({observed['en']})", f"{fr} ({observed['fr']})"
    return en, fr


def _apply_changes(
    table: dict[str, tuple[str, str]], spec: dict[str, Any], market: str, region: str, problems: Problems
) -> None:
    """A writer's change with no region applies to the whole market; with one, to that region only. A
    removal of a day that is no holiday there is a mistake (a wrong date or market), not a no-op."""
    for i, item in enumerate(spec["remove"]):
        applies = item["market"] == market and item.get("region", region) == region
        if applies and table.pop(str(item["date"]), None) is None and region == item.get("region", ""):
            where = f"{market}-{region}" if region else market
            problems.append(
                (("holidays", "remove", i, "date"), f"{item['date']} is no holiday of {where}: nothing to remove")
            )
    for item in spec["add"]:
        if item["market"] == market and item.get("region", region) == region:
            table[item["date"]] = (item["name"]["en"], item["name"]["fr"])
