"""The holidays page's iCalendar files (RFC 5545), one per list of the page, made with `icalendar` at
build time: a calendar application subscribes to one and sees every day the checker skips there.

Subscribable: each file is named (NAME, X-WR-CALNAME) and says how often to look again
(REFRESH-INTERVAL, X-PUBLISHED-TTL); each day's UID is made of its date, list and language, so that the
same day keeps its UID from one build to the next, and a day taken out of the source leaves the
calendar. DTSTAMP is the build's day: the same source on the same day gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import icalendar

from checker.days_off import PAGE, holidays_of
from checker.model import Data
from hooks.holiday_page import Place, calendar_name, places

REFRESH = dt.timedelta(days=7)  # the source changes rarely; a week keeps a subscriber up to date


def calendar(data: Data, place: Place, lang: str, site_url: str, build_day: dt.date) -> icalendar.Calendar:
    """The list's calendar in `lang`: one all-day event per day the checker skips (two holidays on one
    day are one event, named as an answer names it)."""
    host = urlsplit(site_url).hostname or "localhost"
    about = data["holidays"]["markets"][place.market]["about"][lang]
    stamp = dt.datetime.combine(build_day, dt.time(), dt.UTC)
    calendar = icalendar.Calendar.new(
        prodid=f"-//{data['site']['company']}//{data['site']['title']['en']}//{lang.upper()}",
        uid=f"{place.anchor}-{lang}@{host}",
        name=calendar_name(data, place, lang),
        description=about,
        refresh_interval=REFRESH,
        calscale="GREGORIAN",
        method="PUBLISH",
    )
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 asks for it
    calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(REFRESH))  # the same, as Outlook and Google read it
    for day, name in sorted(holidays_of(data, place.market, place.region or None, lang).items()):
        calendar.add_component(
            icalendar.Event.new(
                uid=f"{day:%Y%m%d}-{place.anchor}-{lang}@{host}",
                stamp=stamp,
                start=day,
                end=day + dt.timedelta(days=1),
                summary=name,
                transparency=icalendar.TRANSP.TRANSPARENT,  # a holiday blocks no one's time
            )
        )
    return calendar


def write(data: Data, site: Path, editions: dict[str, str], site_url: str, build_day: dt.date) -> list[Path]:
    """Every list's file in each edition's holidays folder (editions: language -> its folder, "" or
    "fr/"), beside the page that links to them."""
    written = []
    for lang, folder in editions.items():
        for market in data["markets"]:
            for place in places(data, market):
                path = site / folder / PAGE / place.file
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(calendar(data, place, lang, site_url, build_day).to_ical())
                written.append(path)
    return written
