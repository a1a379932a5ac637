"""Deadline arithmetic at its edges: business hours Mon–Fri 8:00–17:00, weekends and holidays skipped."""

from __future__ import annotations

import datetime as dt

import pytest

import coverage_data
from checker.days_off import known_range
from checker.service import respond
from checker.text import format_date, format_time
from coverage_data.typography import NBSP
from tests.conftest import BUILD_DAY
from tests.helpers import edited_source


def deadline(data, dispatched, contract="standard-sla", zone="1", region=None, market="ca", guarantee=None, lang="en"):
    params = {"market": market, "contract": contract, "zone": zone, "dispatched": dispatched}
    params |= {"region": region} if region else {}
    params |= {"guarantee": guarantee} if guarantee else {}
    response = respond(data, params, lang)
    assert response["ok"], response
    return response["answer"]["deadline"]


@pytest.mark.parametrize(
    ("dispatched", "zone", "expected"),
    [
        ("2026-11-18T07:15", "1", "2026-11-18T16:00"),  # before 8:00: the count starts at 8:00
        ("2026-11-18T08:00", "1", "2026-11-18T16:00"),
        ("2026-11-18T09:00", "1", "2026-11-18T17:00"),  # ends exactly at closing: that day, not the next morning
        ("2026-11-18T17:30", "1", "2026-11-19T16:00"),  # after 17:00: next business morning
        ("2026-11-20T15:00", "1", "2026-11-23T14:00"),  # Friday afternoon: 2 h Friday, 6 h Monday
        ("2026-11-21T10:00", "2", "2026-11-24T11:00"),  # Saturday: Monday 8:00 + 12 h
        ("2026-11-22T23:59", "3", "2026-11-25T14:00"),  # Sunday night: Monday 8:00 + 24 h
    ],
)
def test_business_hours(data, dispatched, zone, expected):
    assert deadline(data, dispatched, zone=zone)["arrivals"][0]["at"] == expected


def test_count_outside_business_hours_says_when_it_starts(data):
    found = deadline(data, "2026-11-21T10:00", lang="fr")
    assert "le décompte commence le lundi 23 novembre 2026 à 8\u00a0h" in found["notes"][1]["text"]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("dispatched", ["2026-11-20T15:00", "2026-11-18T08:00", "2026-11-19T16:59"])
def test_a_dispatch_in_business_hours_is_never_said_to_be_outside_them(data, lang, dispatched):
    """Issue 22 §7: a mutant printed "Dispatched outside business hours" for an in-hours dispatch whose
    count runs into another day; no test looked at the notes of such a dispatch."""
    notes = " ".join(note["text"] for note in deadline(data, dispatched, zone="3", lang=lang)["notes"])
    assert "outside business hours" not in notes and "en dehors des heures ouvrables" not in notes


@pytest.mark.parametrize("region", ["on", "On", " ON "])
def test_a_region_code_in_lower_case_is_the_region(data, region):
    """Issue 22 §7: a mutant refused "on" (a share link typed by hand); Ontario's Family Day is skipped
    whatever the case of its code."""
    found = deadline(data, "2027-02-12T15:00", zone="1", region=region)
    assert (found["arrivals"][0]["at"], [day["date"] for day in found["holidays"]]) == (
        "2027-02-16T14:00",
        ["2027-02-15"],
    )


def test_four_hour_guarantee_dispatched_at_half_past_four(data):
    found = deadline(data, "2026-11-18T16:30", contract="performance-sla", guarantee="4")
    assert found["arrivals"][0]["at"] == "2026-11-19T11:30"
    assert found["arrivals"][0]["text"] == "Thursday, November 19, 2026, 11:30 AM (local time at the site)"


def test_day_before_a_statutory_holiday_skips_it_and_names_it(data):
    # Ontario, Family Day is Monday 2027-02-15: a Friday dispatch lands on Tuesday.
    found = deadline(data, "2027-02-12T15:00", zone="1", region="ON")
    assert found["arrivals"][0]["at"] == "2027-02-16T14:00"
    assert found["holidays"] == [{"date": "2027-02-15", "text": "Monday, February 15, 2027 — Family Day"}]


@pytest.mark.parametrize("time", ["07:00", "10:00", "16:59"])
def test_a_dispatch_on_a_holiday_names_the_holiday_it_waits_out(data, time):
    """Issue 13 §7: a holiday reached during (or before) its business hours delays the count: it is named,
    whether the count steps onto it from the day before (above) or is dispatched on it."""
    found = deadline(data, f"2027-02-15T{time}", zone="1", region="ON")  # Family Day, a Monday
    assert found["arrivals"][0]["at"] == "2027-02-16T16:00"
    assert found["holidays"] == [{"date": "2027-02-15", "text": "Monday, February 15, 2027 — Family Day"}]
    assert found["no_holidays"] == ""


def test_a_dispatch_after_a_holidays_closing_time_names_no_holiday(data):
    found = deadline(data, "2027-02-15T17:00", zone="1", region="ON")
    assert (found["arrivals"][0]["at"], found["holidays"], found["no_holidays"]) == (
        "2027-02-16T16:00",
        [],
        "No holiday falls in this period.",
    )


def test_holiday_names_in_french(data):
    found = deadline(data, "2026-06-23T16:00", zone="1", region="QC", lang="fr")
    assert found["holidays"] == [{"date": "2026-06-24", "text": "mercredi 24 juin 2026 — Fête nationale du Québec"}]
    us = deadline(data, "2026-11-25T16:00", zone="1", market="us", region="NY", lang="fr")
    assert us["holidays"] == [
        {"date": "2026-11-26", "text": "jeudi 26 novembre 2026 — Thanksgiving (Action de grâce américaine)"}
    ]


def test_without_a_region_only_national_holidays_count(data):
    # Quebec's Fête nationale is not a national holiday of Canada.
    assert deadline(data, "2026-06-23T16:00", zone="1")["arrivals"][0]["at"] == "2026-06-24T15:00"
    assert deadline(data, "2026-06-23T16:00", zone="1", region="QC")["arrivals"][0]["at"] == "2026-06-25T15:00"


def test_across_a_year_end(data):
    # Thu 2026-12-31 16:00 + 24 h: 1 h Thursday, New Year's Day skipped, 9 h Monday, 9 h Tuesday, 5 h Wednesday.
    found = deadline(data, "2026-12-31T16:00", zone="3", region="ON")
    assert found["arrivals"][0]["at"] == "2027-01-06T13:00"
    assert [h["date"] for h in found["holidays"]] == ["2027-01-01"]


def test_christmas_and_boxing_day_observed(data):
    # 2027-12-25 and 26 fall on a weekend: Ontario observes them on Monday 27 and Tuesday 28.
    found = deadline(data, "2027-12-24T09:00", zone="2", region="ON")
    assert [h["date"] for h in found["holidays"]] == ["2027-12-27", "2027-12-28"]
    assert found["arrivals"][0]["at"] == "2027-12-29T12:00"


@pytest.mark.parametrize(
    ("clock", "english", "french"),
    [
        ((0, 0), "12 AM", "0 h"),  # midnight
        ((0, 5), "12:05 AM", "0 h 05"),
        ((11, 59), "11:59 AM", "11 h 59"),
        ((12, 0), "noon", "12 h"),  # noon
        ((12, 30), "12:30 PM", "12 h 30"),
        ((13, 0), "1 PM", "13 h"),
        ((23, 59), "11:59 PM", "23 h 59"),
    ],
)
def test_noon_and_midnight_in_each_language(data, clock, english, french):
    """Issue 13 §7: noon once printed as '0 PM' passed the whole suite. A 12-hour clock in English (12,
    never 0), a 24-hour clock in French (0 h to 23 h), with its non-breaking spaces."""
    moment = dt.time(*clock)
    assert format_time(data, moment, "en") == english
    assert format_time(data, moment, "fr") == french.replace(" ", NBSP)


def test_a_deadline_at_noon(data):
    # Wednesday 13:00 + 8 h: 4 h Wednesday, 4 h Thursday morning.
    assert (
        deadline(data, "2026-11-18T13:00")["arrivals"][0]["text"]
        == "Thursday, November 19, 2026, noon (local time at the site)"
    )
    french = deadline(data, "2026-11-18T13:00", lang="fr")["arrivals"][0]["text"]
    assert french == f"jeudi 19 novembre 2026 à 12{NBSP}h (heure locale du site)"


def test_no_deadline_is_promised_for_an_average_or_billed_onsite(data):
    found = deadline(data, "2026-11-18T09:00", contract="sma-tier-2", market="us")
    assert found["arrivals"] == []
    assert (
        found["text"]
        == "In this case, the published terms give no on-site response time to count from a dispatch time."
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30T10:00", "is not a date and time"),
        ("2026-11-20 10:00", "is not a date and time"),
        ("tomorrow", "is not a date and time"),
        ("2031-01-05T10:00", "Holidays are known from Wednesday, January 1, 2025 to Monday, December 31, 2029"),
        ("2029-12-31T16:30", "Holidays are known from"),  # the count would run into 2030
    ],
)
def test_bad_or_unknown_dates_get_a_clear_message(data, value, message):
    response = respond(data, {"market": "ca", "contract": "standard-sla", "zone": "3", "dispatched": value}, "en")
    assert not response["ok"]
    assert message in response["errors"]["dispatched"]


@pytest.fixture(scope="module", params=[BUILD_DAY, dt.date(2027, 6, 1)], ids=str)
def built_on(request) -> tuple[dt.date, dict]:
    """A build day and the data a build on that day compiles (its holiday table spans the years around it)."""
    return request.param, coverage_data.load(today=request.param)


def test_no_deadline_lands_past_the_last_day_whose_holidays_are_known(built_on):
    """Issue 13 §7: a count allowed one day past the table's last day (December 31) lands on New Year's
    Day as if it were a working day. A count that needs that day is refused; one that ends on the last
    day is answered, and the last year's holidays are skipped like any other's."""
    day, data = built_on
    first, last = known_range(data)
    assert (first, last) == (dt.date(day.year - 1, 1, 1), dt.date(day.year + 3, 12, 31))  # README: the range
    assert last.weekday() < 5  # a business day: the count runs on it
    ask = {"market": "ca", "contract": "standard-sla", "zone": "1", "region": "ON"}
    ends_on_last = respond(data, {**ask, "dispatched": f"{last}T08:00"}, "en")
    assert ends_on_last["answer"]["deadline"]["arrivals"][0]["at"] == f"{last}T16:00"
    runs_past = respond(data, {**ask, "dispatched": f"{last}T16:00"}, "en")
    assert not runs_past["ok"]
    known = f"Holidays are known from {format_date(data, first, 'en')} to {format_date(data, last, 'en')}"
    assert runs_past["errors"]["dispatched"].startswith(known)
    christmas = respond(data, {**ask, "dispatched": f"{last.year}-12-24T16:00"}, "en")["answer"]["deadline"]
    assert [h["date"] for h in christmas["holidays"]] == [f"{last.year}-12-25", f"{last.year}-12-26"]


def test_writers_add_and_remove_observed_days(tmp_path):
    path = edited_source(
        tmp_path,
        (
            "  add: []\n  remove: []\n",
            "  add:\n    - {market: ca, region: ON, date: 2026-11-23, name: {en: Company Day, fr: Journée de l'entreprise}}\n"
            "  remove:\n    - {market: ca, date: 2026-12-25}\n",
        ),
    )
    adjusted = coverage_data.load(path, today=BUILD_DAY)
    found = respond(
        adjusted,
        {"market": "ca", "contract": "standard-sla", "zone": "1", "dispatched": "2026-11-20T16:00", "region": "ON"},
        "fr",
    )
    assert found["answer"]["deadline"]["holidays"] == [
        {"date": "2026-11-23", "text": "lundi 23 novembre 2026 — Journée de l'entreprise"}
    ]
    assert found["answer"]["deadline"]["arrivals"][0]["at"] == "2026-11-24T15:00"
    christmas = respond(
        adjusted,
        {"market": "ca", "contract": "standard-sla", "zone": "1", "dispatched": "2026-12-24T16:00", "region": "QC"},
        "en",
    )
    assert christmas["answer"]["deadline"]["arrivals"][0]["at"] == "2026-12-25T15:00"  # removed for the whole market
