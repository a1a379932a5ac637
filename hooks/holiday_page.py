"""The holidays page and its iCalendar files (hooks/calendars.py): every day the checker skips, per
market and region, from the checker's own table (checker.days_off), for the years it covers. Shaping
only: which days are holidays is decided in the source and coverage_data/holiday_table.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from checker.days_off import Holiday, anchor, days, known_range
from checker.model import Data
from checker.text import format_date, ui


@dataclass(frozen=True)
class Place:
    """A list of the page: a market's one list, the days common to every region, or a region's."""

    market: str
    region: str  # "" for the market as a whole (its one list, or the days common to every region)

    @property
    def anchor(self) -> str:
        """Its id on the page, which an answer's link names (checker.days_off.page_link)."""
        return anchor(self.market, self.region or None)

    @property
    def file(self) -> str:
        """Its iCalendar file, beside the page: us.ics, ca.ics, ca-qc.ics."""
        return f"{self.anchor.removeprefix('holidays-')}.ics"


@dataclass(frozen=True)
class Row:
    """A holiday of a list: its name, and per year the days it is counted on."""

    name: str
    years: list[list[str]]


def places(data: Data, market: str) -> list[Place]:
    """The market's lists: its one list, or the days common to every region followed by each region's."""
    return [Place(market, region) for region in sorted(data["holidays"]["days"][market], key=bool)]  # "" first


def heading(data: Data, place: Place, lang: str) -> str:
    """A list's heading under its market: the region's name, or what the days common to all are called;
    none for a market's one list."""
    if place.region:
        return data["markets"][place.market]["regions"][place.region][lang]
    rule = data["holidays"]["markets"][place.market]
    return rule["without_region"][lang] if "without_region" in rule and len(places(data, place.market)) > 1 else ""


def title(data: Data, place: Place, lang: str) -> str:
    """'Holidays counted — Canada — Quebec': a list's caption."""
    parts = [ui(data, "holidays_title", lang), data["markets"][place.market]["name"][lang], heading(data, place, lang)]
    return " — ".join(part for part in parts if part)


def calendar_name(data: Data, place: Place, lang: str) -> str:
    """'Pitney Bowes — Holidays counted — Canada — Quebec': how a calendar application lists it."""
    return f"{data['site']['company']} — {title(data, place, lang)}"


def years(data: Data) -> list[int]:
    first, last = known_range(data)
    return list(range(first.year, last.year + 1))


def rows(data: Data, place: Place, lang: str) -> list[Row]:
    """One row per holiday, in the order of the year (its own date's month and day), with the days it
    is counted on each year: its own date, and the day it is observed on when that is another."""
    found: dict[int, list[Holiday]] = {}
    for holiday in days(data, place.market, place.region or None):
        found.setdefault(holiday.name, []).append(holiday)

    def when(held: list[Holiday]) -> tuple[int, int]:
        own = [h.date for h in held if not h.observed] or [h.date for h in held]
        return min((day.month, day.day) for day in own)

    span = years(data)
    return [
        Row(
            data["holidays"]["names"][name][data["languages"].index(lang)],
            [[_day(data, h, lang) for h in held if h.date.year == year] for year in span],
        )
        for name, held in sorted(found.items(), key=lambda item: when(item[1]))
    ]


def _day(data: Data, holiday: Holiday, lang: str) -> str:
    """'Monday, December 27', with '(observed)' on the day a holiday is observed on."""
    day = format_date(data, holiday.date, lang, "day_format")
    return f"{day} ({ui(data, 'observed', lang)})" if holiday.observed else day


# ---- The pages' "excluding holidays" link to the holidays page.

_UNLINKED = frozenset(
    {"a", "button", "code", "label", "option", "pre", "script", "select", "style", "textarea", "title"}
)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)


def linked(html: str, words: list[str], href: str) -> str:
    """The page's HTML with each of the source's `words` ("excluding holidays", longest first) in its text
    made a link to the holidays page; never inside a link, a form control or a script."""
    if not words:
        return html
    pattern = re.compile("|".join(_as_html(word) for word in words), re.IGNORECASE)
    link = f'<a class="st-holidays-link" href="{escape(href)}">'
    found, unlinked, last = [], 0, 0
    for tag in _TAG.finditer(html):
        text = html[last : tag.start()]
        found.append(text if unlinked else pattern.sub(lambda match: f"{link}{match.group(0)}</a>", text))
        found.append(tag.group(0))
        if (tag.group(2) or "").lower() in _UNLINKED:
            unlinked = max(0, unlinked - 1) if tag.group(1) else unlinked + 1
        last = tag.end()
    found.append(html[last:] if unlinked else pattern.sub(lambda match: f"{link}{match.group(0)}</a>", html[last:]))
    return "".join(found)


def _as_html(word: str) -> str:
    """A pattern for the words as the page's HTML writes them: escaped, any space breakable or not."""
    parts = [re.escape(str(escape(part))) for part in word.split()]
    return r"(?:\s|&nbsp;|\u00a0)+".join(parts).replace(re.escape("&#39;"), "(?:'|&#39;|&#x27;|’)")
