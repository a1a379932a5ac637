"""The holidays of a place, read from the table the build compiled from the source's named rules
(coverage_data/holiday_table.py), and the words that say which ones an answer counted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.text import text_of, ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data

# The mark of a day a holiday is observed on (a weekend holiday's weekday), in the compiled table.
OBSERVED = "observed"
# The holidays page (docs/holidays.md), beside the checker page: an answer links to it as ../PAGE.
PAGE = "holidays/"


@dataclass(frozen=True)
class Holiday:
    """A day of a place's table: its date, its name's row in the table, and whether it is the day the
    holiday is observed on rather than its own date."""

    date: dt.date
    name: int
    observed: bool


def known_range(data: Data) -> tuple[dt.date, dt.date]:
    """The first and last day the holiday table covers: deadlines outside it cannot be computed."""
    table = data["holidays"]
    return dt.date.fromisoformat(table["first"]), dt.date.fromisoformat(table["last"])


def region_of(data: Data, market: str, region: str | None) -> str:
    """The table's key for a question's region: the region where the market counts per region and the
    question gives one, "" otherwise (a market's one list, or the days common to every region)."""
    return region if region and region in data["holidays"]["days"][market] else ""


def days(data: Data, market: str, region: str | None) -> list[Holiday]:
    """Each holiday of the market (and of its region, where it counts per region), in date order."""
    found = []
    for entry in data["holidays"]["days"][market][region_of(data, market, region)]:
        day, name, *mark = entry.split(" ")
        found.append(Holiday(dt.date.fromisoformat(day), int(name), mark == [OBSERVED]))
    return found


def name_of(data: Data, holiday: Holiday, lang: str) -> str:
    """'Christmas Day', or 'Christmas Day (observed)' on the day it is observed."""
    name = data["holidays"]["names"][holiday.name][data["languages"].index(lang)]
    return f"{name} ({ui(data, 'observed', lang)})" if holiday.observed else name


def holidays_of(data: Data, market: str, region: str | None, lang: str) -> dict[dt.date, str]:
    """Each day a count skips in the market (and its region), named in `lang`; two holidays on one day
    are both named."""
    result: dict[dt.date, str] = {}
    for holiday in days(data, market, region):
        name = name_of(data, holiday, lang)
        result[holiday.date] = f"{result[holiday.date]}; {name}" if holiday.date in result else name
    return result


def holidays_counted(data: Data, market: str, region: str | None, lang: str) -> str:
    """Which holidays a count skips, in the source's words: the market's one list, the region's, or
    (no region given where the market counts per region) only those common to every region, asking
    for it."""
    rule = data["holidays"]["markets"][market]
    key = region_of(data, market, region)
    where = ("holidays", "markets", market)
    if not key and data["markets"][market]["regions"]:  # the days common to every region: say so, and ask
        return text_of(rule["counted_without_region"], (*where, "counted_without_region"), lang)
    name = data["markets"][market]["regions"][key][lang] if key else ""
    return text_of(rule["counted"], (*where, "counted"), lang, region=name)


def anchor(market: str, region: str | None) -> str:
    """The id of a place's list on the holidays page: holidays-us, holidays-ca, holidays-ca-qc."""
    return f"holidays-{market}-{region.lower()}" if region else f"holidays-{market}"


def page_link(data: Data, market: str, region: str | None) -> str:
    """The holidays page at the place's list, relative to the checker page."""
    return f"../{PAGE}#{anchor(market, region_of(data, market, region) or None)}"
