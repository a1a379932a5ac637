"""The days an on-site count skips, per market and region, compiled from the source's named rules.

The source says, per market (`holidays.markets`), how its holidays are counted (WRITING.md row 45) and
names each holiday it counts: a `holiday:` of the `holidays` library, which says on which day it falls
each year and on which day it is observed when it falls on a weekend. Two ways of counting:

- `listed`: only the days listed, the same in every region (the US: "PB observed holidays", one company
  list starting from the federal holidays of the library's US calendar, never a state's own days);
- `statutory`: the statutory holidays of the site's region, as the library lists them for it, every one
  of which the source names (Canada: « jours fériés reconnus localement »); without a region, only the
  days common to every region.

Writers' one-off changes (`holidays.add`, `holidays.remove`) apply to their region, or without one to
the whole market. The browser gets the finished table, so it needs no extra package. It covers whole
years, from `years_before` before the build year to `years_after` after it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any, cast

import holidays as holidays_lib

from checker.days_off import OBSERVED
from checker.model import HolidayRule, HolidayTable, Text
from coverage_data.problems import Path_
from coverage_data.yaml_lines import Source

OBSERVED_SUFFIX = " (observed)"  # how the library marks an observed day, in LIBRARY_LANGUAGE
Problems = list[tuple[Path_, str]]

# The language of the library's names, the source's `holiday:` keys. Named, because the library
# otherwise follows the environment's locale: with LANG unset, Quebec's 24 June is "Saint Jean Baptiste
# Day" instead of "Saint John the Baptist Day", and a build on another machine failed on it.
LIBRARY_LANGUAGE = "en_US"
# A listed holiday that falls in none of the table's years is looked for this many years around them
# before it is refused: some are held every few years only (Mexico's change of federal government).
LOOK_WIDER = 12


@dataclass(frozen=True, order=True)
class Day:
    """One day of a place's table: when, which named holiday (an index into the table's names), and
    whether it is the day a holiday is observed on rather than its own date."""

    date: str  # ISO
    name: int
    observed: bool = False

    def entry(self) -> str:
        """As the compiled table stores it: checker.days_off reads it back."""
        return f"{self.date} {self.name}{' ' + OBSERVED if self.observed else ''}"


def years(spec: dict[str, Any], today: dt.date) -> range:
    return range(today.year - spec["years_before"], today.year + spec["years_after"] + 1)


class _Names:
    """The table's names, each once, one column per language of the source (`languages`)."""

    def __init__(self, languages: list[str]) -> None:
        self.languages = languages
        self.rows: list[list[str]] = []
        self._index: dict[tuple[str, ...], int] = {}

    def index(self, name: Text) -> int:
        row = tuple(name[lang] for lang in self.languages)
        if row not in self._index:
            self._index[row] = len(self.rows)
            self.rows.append(list(row))
        return self._index[row]


def build(data: Source, today: dt.date) -> tuple[HolidayTable, Problems]:
    """The compiled holiday table, and the problems (an unknown holiday, region or country, a statutory
    holiday the source does not name, a removal of no holiday) found, each at its path."""
    spec = data["holidays"]
    span = years(spec, today)
    names = _Names(data["languages"])
    problems: Problems = []
    days: dict[str, dict[str, list[str]]] = {}
    for mid, market in data["markets"].items():
        rule = spec["markets"].get(mid)
        if rule is None:  # checks.py reports a market without its holidays
            continue
        tables = _market_tables(mid, market, rule, span, names, problems)
        if tables is None:
            continue
        _apply_changes(tables, spec, mid, names, problems)
        if rule["counts"] == "statutory" and market.get("regions"):
            regions = [table for region, table in tables.items() if region]
            tables[""] = set.intersection(*regions)  # without a region: the days common to every region
        days[mid] = {region: [day.entry() for day in sorted(table)] for region, table in tables.items()}
    compiled: HolidayTable = {
        "first": dt.date(span.start, 1, 1).isoformat(),
        "last": dt.date(span.stop - 1, 12, 31).isoformat(),
        "names": names.rows,
        "days": days,
        "markets": {
            mid: cast(HolidayRule, {key: value for key, value in rule.items() if key != "days"})
            for mid, rule in spec["markets"].items()
            if mid in days
        },
        "link_words": spec["link_words"],
    }
    return compiled, problems


def _market_tables(
    mid: str, market: dict[str, Any], rule: dict[str, Any], span: range, names: _Names, problems: Problems
) -> dict[str, set[Day]] | None:
    """Region ("" for the market as a whole) -> its days, from the library's calendars by the rule."""
    country = market["holidays_country"]
    try:
        subdivisions = set(holidays_lib.country_holidays(country).subdivisions)
    except NotImplementedError:
        problems.append((("markets", mid, "holidays_country"), f"the holidays library knows no country {country!r}"))
        return None
    regions = [*market.get("regions", {})] if rule["counts"] == "statutory" else []
    for region in regions:
        if region not in subdivisions:
            problems.append((("markets", mid, "regions", region), f"{region!r} is not a subdivision of {country}"))
    places = [region for region in regions if region in subdivisions] or [""]
    calendars = {place: _library(country, place, span) for place in places}
    listed = {item["holiday"]: i for i, item in enumerate(rule["days"])}
    where = ("holidays", "markets", mid, "days")
    known = {name for calendar in calendars.values() for _, _, name in calendar}
    named = known
    if {item["holiday"] for item in rule["days"]} - known:  # one of some years only (a change of
        wider = range(span.start - LOOK_WIDER, span.stop + LOOK_WIDER)  # government) may fall outside them
        named = known | {name for place in places for _, _, name in _library(country, place, wider)}
    for i, item in enumerate(rule["days"]):
        if item["holiday"] not in named:
            problems.append(((*where, i, "holiday"), _unknown(item["holiday"], country, regions, named)))
    if rule["counts"] == "statutory":
        for name in sorted(known - set(listed)):
            found_in = [place for place, calendar in calendars.items() if name in {n for *_, n in calendar}]
            calendar = f"{country}: {', '.join(found_in)}" if any(found_in) else country
            problems.append(
                (
                    where,
                    f"the holiday {name!r} of the holidays library ({calendar}) is not named here: add "
                    f"{{holiday: {name}, name: {{en: …, fr: …}}}} to this list",
                )
            )
    indexes = [names.index(item["name"]) for item in rule["days"]]  # in the source's order: the same every build
    return {
        place: {
            Day(date.isoformat(), indexes[listed[name]], observed)
            for date, observed, name in calendar
            if name in listed
        }
        for place, calendar in calendars.items()
    }


def _library(country: str, region: str, span: range) -> set[tuple[dt.date, bool, str]]:
    """(day, observed, the library's name) of every holiday of the country (or of its region)."""
    calendar = holidays_lib.country_holidays(country, subdiv=region or None, years=span, language=LIBRARY_LANGUAGE)
    return {
        (date, name.endswith(OBSERVED_SUFFIX), name.removesuffix(OBSERVED_SUFFIX))
        for date in calendar
        for name in calendar.get_list(date)
    }


def _unknown(name: str, country: str, regions: list[str], known: set[str]) -> str:
    """A `holiday:` the library does not name in that calendar: say so, with the nearest names."""
    calendar = f"{country} calendar" if not regions else f"{country} calendars of {', '.join(regions)}"
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"its names: {', '.join(sorted(known))}"
    return f"{name!r} is no holiday of the holidays library's {calendar}: write its name as the library does; {hint}"


def _apply_changes(
    tables: dict[str, set[Day]], spec: dict[str, Any], market: str, names: _Names, problems: Problems
) -> None:
    """A writer's change with no region applies to every table of the market; with one, to that
    region's only. A removal of a day that is no holiday where it applies is a mistake (a wrong date or
    region), not a no-op."""
    for i, item in enumerate(spec["remove"]):
        if item["market"] != market:
            continue
        removed = False
        for region in _applies_to(tables, item):
            before = len(tables[region])
            tables[region] = {day for day in tables[region] if day.date != str(item["date"])}
            removed = removed or len(tables[region]) < before
        if not removed:
            where = f"{market}-{item['region']}" if item.get("region") else market
            problems.append(
                (("holidays", "remove", i, "date"), f"{item['date']} is no holiday of {where}: nothing to remove")
            )
    for item in spec["add"]:
        if item["market"] == market:
            for region in _applies_to(tables, item):
                tables[region].add(Day(str(item["date"]), names.index(item["name"])))


def _applies_to(tables: dict[str, set[Day]], item: dict[str, Any]) -> list[str]:
    """The tables a change applies to: its region's, or every one of the market's."""
    if "region" in item:
        return [item["region"]] if item["region"] in tables else []
    return list(tables)
