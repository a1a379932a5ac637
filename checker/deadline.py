"""Business-hours arithmetic: when a technician must be on site, given when the call was dispatched.

Only local wall-clock times are involved (the site's own time), so no time zone is needed. The count
runs through business hours only (the source's `hours.onsite`), skipping weekends and holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.text import WEEKDAY_IDS, parse_clock

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Hours


@dataclass(frozen=True)
class Schedule:
    """The business hours of the site: which weekdays, from when to when."""

    weekdays: frozenset[int]
    opens: dt.time
    closes: dt.time

    @classmethod
    def from_source(cls, hours: Hours) -> Schedule:
        return cls(
            weekdays=frozenset(WEEKDAY_IDS.index(day) for day in hours["weekdays"]),
            opens=parse_clock(hours["start"]),
            closes=parse_clock(hours["end"]),
        )


@dataclass(frozen=True)
class Deadline:
    """When the count started (the first business moment at or after dispatch), when it ends, and
    the holidays it stepped over (date and name)."""

    starts: dt.datetime
    ends: dt.datetime
    skipped: tuple[tuple[dt.date, str], ...]


class OutsideKnownDays(ValueError):
    """The count reaches a day whose holidays are not known."""


def add_business_hours(
    dispatched: dt.datetime,
    hours: int,
    schedule: Schedule,
    holidays: Mapping[dt.date, str],
    last_known: dt.date,
) -> Deadline:
    """The moment `hours` business hours after `dispatched`; a count that ends exactly at closing
    time ends that day, not the next morning."""
    remaining = dt.timedelta(hours=hours)
    moment = dispatched
    starts: dt.datetime | None = None
    skipped: list[tuple[dt.date, str]] = []
    while True:
        day = moment.date()
        if day > last_known:
            raise OutsideKnownDays(day)
        opens = dt.datetime.combine(day, schedule.opens)
        closes = dt.datetime.combine(day, schedule.closes)
        is_workday = day.weekday() in schedule.weekdays
        if is_workday and day in holidays:
            if moment < closes:
                skipped.append((day, holidays[day]))
        elif is_workday and moment < closes:
            moment = max(moment, opens)
            starts = starts or moment
            if remaining <= closes - moment:
                return Deadline(starts, moment + remaining, tuple(skipped))
            remaining -= closes - moment
        moment = dt.datetime.combine(day + dt.timedelta(days=1), schedule.opens)
