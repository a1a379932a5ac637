"""When the technician is to be on site: each time the response promises, counted in business hours
from the point of dispatch (a target for a goal, a latest time for a guarantee)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from checker.days_off import holidays_counted, holidays_of, known_range, page_link
from checker.deadline import Schedule, add_business_hours
from checker.text import fill, format_date, format_datetime, ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Arrival, Data, DeadlinePart, Note, ResponsePart
    from checker.query import Query


def deadline(data: Data, query: Query, response: ResponsePart, lang: str) -> DeadlinePart:
    """The arrival for each of the response's times, from `query.dispatched`. Raises OutsideKnownDays
    when a count runs past the holidays the data knows."""
    assert query.dispatched is not None
    if not response["times"]:
        text = ui(data, "no_deadline", lang)
        return {"kind": None, "title": "", "arrivals": [], "text": text, "notes": [], "holidays": [], "no_holidays": ""}
    holidays = holidays_of(data, query.market, query.region, lang)
    schedule = Schedule.from_source(data["hours"]["onsite"])
    last_known = known_range(data)[1]
    counts = [
        (time, add_business_hours(query.dispatched, time["hours"], schedule, holidays, last_known))
        for time in response["times"]
    ]
    arrivals = [_arrival(data, time["label"], found.ends, lang) for time, found in counts]
    longest = max(
        (found for _, found in counts), key=lambda found: found.ends
    )  # it steps over every holiday the others do
    market = data["markets"][query.market]
    notes: list[Note] = [
        {"text": fill(data, market["counted"][lang], lang), "source": f"markets.{query.market}.counted"}
    ]
    if longest.starts != query.dispatched:
        start = format_datetime(data, longest.starts, lang)
        notes.append({"text": ui(data, "deadline_from_next", lang, start=start), "source": "ui.deadline_from_next"})
    # Which holidays were counted, in the market's words (WRITING.md row 45).
    counted = holidays_counted(data, query.market, query.region, lang)
    notes.append({"text": counted, "source": f"holidays.markets.{query.market}"})
    return {
        "kind": response["kind"],
        "title": ui(data, "deadline_guarantee" if response["kind"] == "guarantee" else "deadline_goal", lang),
        "arrivals": arrivals,
        "text": "",
        "notes": notes,
        "holidays": [
            {"date": day.isoformat(), "text": f"{format_date(data, day, lang)} — {name}"}
            for day, name in longest.skipped
        ],
        "no_holidays": "" if longest.skipped else ui(data, "no_holidays_skipped", lang),
        # The holidays page, at the place's list (a link relative to the checker page).
        "holidays_page": {
            "text": ui(data, "holidays_page_link", lang),
            "href": page_link(data, query.market, query.region),
        },
    }


def _arrival(data: Data, label: str, ends: dt.datetime, lang: str) -> Arrival:
    when = ui(data, "deadline_value", lang, when=format_datetime(data, ends, lang))
    text = ui(data, "arrival_at", lang, label=label, when=when) if label else when
    return {"label": label, "at": ends.strftime("%Y-%m-%dT%H:%M"), "when": when, "text": text}


def arrival_text(data: Data, part: DeadlinePart, lang: str) -> str:
    """The arrivals in one sentence: 'Target on-site arrival (goal): …', each with what it depends on."""
    values = "; ".join(arrival["text"] for arrival in part["arrivals"])
    return f"{ui(data, 'label_colon', lang, label=part['title'])} {values}"
