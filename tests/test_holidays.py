"""The holidays a count skips, as the terms count them (WRITING.md row 45), and where a reader sees them:
the answers, the holidays page of each edition, its iCalendar files, and the pages' "excluding holidays"."""

from __future__ import annotations

import copy
import datetime as dt
import re
from urllib.parse import urljoin, urlsplit

import icalendar
import pytest
from bs4 import BeautifulSoup

import coverage_data
from checker.days_off import PAGE, holidays_of
from checker.service import respond
from coverage_data import holiday_table
from coverage_data.yaml_lines import parse
from hooks import calendars
from hooks.holiday_page import Place, places
from tests.conftest import BUILD_DAY
from tests.helpers import answered, edited_source, line_of, search
from tests.test_site_build import EDITIONS

COMMON = (
    "Holidays counted: only those common to every province and territory, since no province or territory was "
    "given. Give the site's province or territory to count its own holidays too."
)


def deadline(data, lang="en", **params):
    response = respond(data, {"contract": "standard-sla", "zone": "1", **params}, lang)
    assert response["ok"], response
    return response["answer"]["deadline"]


# ---- The US: one company list, the same in every state


@pytest.mark.parametrize("region", ["TX", None])
def test_a_guaranteed_us_time_in_texas_no_longer_moves_for_san_jacinto_day(data, region):
    """Issue 18 §1: San Jacinto Day (21 April, a Texas state holiday) moved a *guaranteed* time by a day
    and was named to a client. PB observed holidays are one company list, never a state's own days."""
    asked = {"market": "us", "contract": "performance-sla", "guarantee": "4", "dispatched": "2027-04-20T15:00"}
    found = deadline(data, **asked, **({"region": region} if region else {}))
    assert (found["arrivals"][0]["at"], found["holidays"]) == ("2027-04-21T10:00", [])
    assert "Holidays counted: Pitney Bowes observed holidays, one list for every state." in [
        note["text"] for note in found["notes"]
    ]
    texts = " ".join(str(value) for value in found.values())
    assert "San Jacinto" not in texts


def test_a_us_question_asks_no_state_and_an_older_links_state_changes_nothing(data):
    """The region no longer changes US holidays: a share link that carries one gets the answer without
    it (its link, question and deadline), never an error."""
    asked = {"market": "us", "contract": "standard-sla", "zone": "1", "dispatched": "2026-11-25T16:00"}
    with_state = respond(data, {**asked, "region": "NY"}, "en")["answer"]
    assert with_state == respond(data, asked, "en")["answer"]
    assert "region" not in with_state["query"]
    assert [h["text"] for h in with_state["deadline"]["holidays"]] == ["Thursday, November 26, 2026 — Thanksgiving Day"]


def test_the_us_list_is_the_federal_holidays_in_every_state(data):
    """The US table has one list (no state's), and it holds no state government's day."""
    assert list(data["holidays"]["days"]["us"]) == [""]
    names = set(holidays_of(data, "us", None, "en").values())
    assert {"San Jacinto Day", "Confederate Memorial Day", "Patriots' Day", "Day After Thanksgiving"}.isdisjoint(names)
    assert {"Memorial Day", "Thanksgiving Day", "Juneteenth National Independence Day"} <= names


# ---- Canada: the province's statutory holidays, or only those common to every province


def test_a_canadian_answer_without_a_province_counts_only_common_days_and_says_so(data):
    """Ontario's Family Day (15 February 2027) is no holiday of every province: without a province it is
    not skipped, and the answer says which days it counted and asks for the province."""
    without = deadline(data, market="ca", dispatched="2027-02-12T15:00")
    assert (without["arrivals"][0]["at"], without["holidays"]) == ("2027-02-15T14:00", [])
    assert COMMON in [note["text"] for note in without["notes"]]
    french = deadline(data, "fr", market="ca", dispatched="2027-02-12T15:00")
    assert any(
        note.startswith("Jours fériés comptés\u00a0: seulement ceux qui sont communs")
        for note in [n["text"] for n in french["notes"]]
    )
    ontario = deadline(data, market="ca", dispatched="2027-02-12T15:00", region="ON")
    assert ontario["arrivals"][0]["at"] == "2027-02-16T14:00"
    assert "Holidays counted: the statutory holidays of the site's province or territory (Ontario)." in [
        note["text"] for note in ontario["notes"]
    ]


def test_the_days_common_to_every_province_are_those_of_every_provinces_list(data):
    tables = data["holidays"]["days"]["ca"]
    provinces = [set(days) for region, days in tables.items() if region]
    assert len(provinces) == len(data["markets"]["ca"]["regions"])
    assert set(tables[""]) == set.intersection(*provinces)
    common = set(holidays_of(data, "ca", None, "en").values())
    assert common >= {"New Year's Day", "Good Friday", "Canada Day", "Labour Day", "Christmas Day"}


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "Saint-Jean-Baptiste Day (Quebec's National Holiday)"), ("fr", "Fête nationale du Québec")],
)
def test_quebecs_24_june_is_counted_with_qc_only(data, lang, name):
    quebec = deadline(data, lang, market="ca", dispatched="2026-06-23T16:00", region="QC")
    assert quebec["arrivals"][0]["at"] == "2026-06-25T15:00"
    assert [h["text"].split(" — ")[1] for h in quebec["holidays"]] == [name]
    assert deadline(data, lang, market="ca", dispatched="2026-06-23T16:00")["arrivals"][0]["at"] == "2026-06-24T15:00"
    assert (
        deadline(data, lang, market="ca", dispatched="2026-06-23T16:00", region="ON")["arrivals"][0]["at"]
        == "2026-06-24T15:00"
    )


# ---- Names (issue 22 §7: the tests checked dates, not names)


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        (
            "en",
            [
                "Monday, December 27, 2027 — Christmas Day (observed)",
                "Tuesday, December 28, 2027 — Boxing Day (observed)",
            ],
        ),
        (
            "fr",
            [
                "lundi 27 décembre 2027 — Noël (congé reporté)",
                "mardi 28 décembre 2027 — Lendemain de Noël (congé reporté)",
            ],
        ),
    ],
)
def test_an_observed_holiday_is_named_observed(data, lang, names):
    found = deadline(data, lang, market="ca", dispatched="2027-12-24T09:00", region="ON", zone="2")
    assert [h["text"] for h in found["holidays"]] == names
    us = deadline(data, lang, market="us", dispatched="2027-12-23T15:00", contract="performance-sla", guarantee="4")
    assert [h["text"].split(" — ")[1] for h in us["holidays"]] == [names[0].split(" — ")[1]]


# ---- Writers' changes and mistakes


ADD = "  add: []\n"


def test_a_holiday_added_for_one_province_counts_there_only(tmp_path):
    """Issue 22 §7: a day a writer adds for Ontario must not reach Quebec, nor the days common to every
    province; one added for the whole market reaches every list."""
    path = edited_source(
        tmp_path,
        (
            ADD,
            "  add:\n"
            "    - {market: ca, region: ON, date: 2026-11-23, name: {en: Company Day, fr: Journée de l'entreprise}}\n"
            "    - {market: ca, date: 2026-11-24, name: {en: Company Day Two, fr: Deuxième journée de l'entreprise}}\n",
        ),
    )
    data = coverage_data.load(path, today=BUILD_DAY)
    day, whole = dt.date(2026, 11, 23), dt.date(2026, 11, 24)
    assert holidays_of(data, "ca", "ON", "en")[day] == "Company Day"
    assert day not in holidays_of(data, "ca", "QC", "en")
    assert day not in holidays_of(data, "ca", None, "en")
    for region in [None, *data["markets"]["ca"]["regions"]]:
        assert holidays_of(data, "ca", region, "fr")[whole] == "Deuxième journée de l'entreprise", region


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "{holiday: Thanksgiving Day, name: {en: Thanksgiving Day,",
            "{holiday: Thanksgivng Day, name: {en: Thanksgiving Day,",
            "{holiday: Thanksgivng Day",
            "'Thanksgivng Day' is no holiday of the holidays library's US calendar: write its name "
            "as the library does; did you mean 'Thanksgiving Day'?",
        ),
        (
            "        - {holiday: Veterans Day, name: {en: Veterans Day, fr: Jour des anciens combattants}}\n",
            "        - {holiday: Veterans Day, name: {en: Veterans Day, fr: Jour des anciens combattants}}\n"
            "        - {holiday: Veterans Day, name: {en: Veterans' Day, fr: Jour des anciens combattants}}\n",
            "        - {holiday: Veterans Day, name: {en: Veterans' Day",
            "'Veterans Day' is listed twice (first as item 9): keep one",
        ),
        (
            ADD,
            "  add: [{market: us, region: TX, date: 2027-04-21, name: {en: San Jacinto Day, fr: Jour de San Jacinto}}]\n",
            "  add: [{market: us, region: TX",
            "us counts one list of holidays in every region: write no region",
        ),
        (
            "    holidays_country: US\n",
            "    holidays_country: US\n    regions: {TX: {en: Texas, fr: Texas}}\n",
            "    regions: {TX:",
            "us counts one list of holidays in every region (holidays.markets.us.counts: listed): remove its "
            "regions, or count per region (counts: statutory)",
        ),
    ],
    ids=["a-misspelt-holiday", "a-holiday-twice", "a-state-for-the-us", "regions-for-a-listed-market"],
)
def test_a_writers_holiday_mistake_is_refused_at_its_line(tmp_path, old, new, where, message):
    path = edited_source(tmp_path, (old, new), count=1)
    with pytest.raises(coverage_data.SourceError) as refused:
        coverage_data.load(path, today=BUILD_DAY)
    text = path.read_text(encoding="utf-8")
    assert [(p.line, p.message) for p in refused.value.problems] == [(line_of(where, text), message)]


def test_a_misspelt_provincial_holiday_is_both_unknown_and_missing_and_nothing_else(tmp_path):
    """Looking around the covered years for a holiday of some years only must not make the days of other
    years (a state funeral in 2022) statutory holidays the list lacks."""
    path = edited_source(tmp_path, ("{holiday: Boxing Day,", "{holiday: Boxng Day,"))
    with pytest.raises(coverage_data.SourceError) as refused:
        coverage_data.load(path, today=BUILD_DAY)
    assert [p.message.split(":")[0] for p in refused.value.problems] == [
        "the holiday 'Boxing Day' of the holidays library (CA",
        "'Boxng Day' is no holiday of the holidays library's CA calendars of AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, "
        "QC, SK, YT",
    ]


def test_the_holiday_table_follows_the_sources_languages():
    """Issue 22 §7: holiday_table named 'en' and 'fr' itself; its names follow `languages`, whatever
    their order (the schema pins them today; the table must not)."""
    source = parse(coverage_data.SOURCE, "coverage.yml")[0]
    reordered = copy.deepcopy(source)
    reordered["languages"] = ["fr", "en"]
    table, problems = holiday_table.build(reordered, BUILD_DAY)
    assert problems == []
    assert ["Fête nationale du Québec", "Saint-Jean-Baptiste Day (Quebec's National Holiday)"] in table["names"]
    assert ["Saint-Jean-Baptiste Day (Quebec's National Holiday)", "Fête nationale du Québec"] not in table["names"]


# ---- The answer links to the holidays page


def test_a_counted_deadline_links_to_its_places_list(data):
    quebec = deadline(data, "fr", market="ca", dispatched="2026-06-23T16:00", region="QC")
    assert quebec["holidays_page"] == {
        "text": "Tous les jours fériés comptés, année par année",
        "href": f"../{PAGE}#holidays-ca-qc",
    }
    assert deadline(data, market="ca", dispatched="2026-06-23T16:00")["holidays_page"]["href"].endswith("#holidays-ca")
    assert deadline(data, market="us", dispatched="2026-06-23T16:00")["holidays_page"]["href"].endswith("#holidays-us")


def test_the_command_line_prints_the_holidays_link(tmp_path):
    from tests.helpers import run_cli

    asked = ("--market", "ca", "--contract", "standard-sla", "--zone", "1", "--dispatched-at", "2026-06-23T16:00")
    english = run_cli(*asked, "--region", "QC", env={"SITE_URL": "https://support.example.com/"})
    assert (
        "Every holiday counted, year by year (https://support.example.com/holidays/#holidays-ca-qc)" in english.stdout
    )
    french = run_cli(*asked, "--lang", "fr", env={"SITE_URL": ""})
    assert "Tous les jours fériés comptés, année par année (/fr/holidays/#holidays-ca)" in french.stdout
    assert "Jours fériés comptés\u00a0: seulement ceux qui sont communs" in french.stdout


# ---- The form asks a region only where it matters


@pytest.mark.parametrize(("lang", "label"), [("en", "Province or territory"), ("fr", "Province ou territoire")])
def test_the_form_asks_a_region_only_for_a_market_that_counts_per_region(site, lang, label):
    """The US counts one list in every state: the region field is Canada's only, and says so."""
    form = BeautifulSoup(
        (site / EDITIONS[lang] / "checker" / "index.html").read_text(encoding="utf-8"), "html.parser"
    ).select_one("#st-checker-form")
    field = form.select_one("#st-field-region").find_parent(class_="st-field")
    assert field["data-for-market"] == "ca"
    assert field.label.get_text() == label
    assert [group["data-market"] for group in field.select("optgroup")] == ["ca"]


def test_choosing_the_us_hides_the_region_field(page):
    page.goto("/checker/")
    assert answered(page) == "ready"
    region = page.get_by_label("Province or territory")
    page.get_by_label("Market").select_option("ca")
    assert region.is_visible()
    page.get_by_label("Market").select_option("us")
    assert region.is_hidden()


# ---- The holidays page, built in both editions


def holidays_page(site, lang) -> BeautifulSoup:
    return BeautifulSoup((site / EDITIONS[lang] / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")


def every_place(data) -> list[Place]:
    return [place for market in data["markets"] for place in places(data, market)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_holidays_page_lists_every_day_the_checker_skips(site, data, lang):
    """One table per list (the US's; Canada's common days and each province's), whose cells hold every
    day of the checker's own table, each year the checker covers; each list has its anchor and file."""
    page = holidays_page(site, lang)
    tables = page.select("table.st-holiday-table")
    assert [(t["data-market"], t["data-region"]) for t in tables] == [(p.market, p.region) for p in every_place(data)]
    first, last = data["holidays"]["first"][:4], data["holidays"]["last"][:4]
    for place, table in zip(every_place(data), tables, strict=True):
        assert [th.get_text() for th in table.select("thead th")][1:] == [
            str(year) for year in range(int(first), int(last) + 1)
        ]
        shown = table.get_text(" ")
        for day, name in holidays_of(data, place.market, place.region or None, lang).items():
            assert f"{data['ui']['months'][lang][day.month - 1]} " in shown
            for one in name.split("; "):
                assert one.split(" (")[0] in shown, (place, day, one)
        assert page.find(id=place.anchor) is not None, place.anchor
        link = table.find_parent("div").find_next_sibling("p").a
        assert urljoin(f"/{EDITIONS[lang]}{PAGE}", link["href"]) == f"/{EDITIONS[lang]}{PAGE}{place.file}"
    assert data["holidays"]["markets"]["us"]["about"][lang] in page.get_text(" ")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_answers_holidays_link_lands_on_its_list(site, data, lang):
    for params in ({"market": "ca", "region": "QC"}, {"market": "ca"}, {"market": "us"}):
        href = deadline(data, lang, dispatched="2026-06-23T16:00", **params)["holidays_page"]["href"]
        target = urljoin(f"/{EDITIONS[lang]}checker/", href)
        path, anchor = target.split("#")
        assert path == f"/{EDITIONS[lang]}{PAGE}"
        assert holidays_page(site, lang).find(id=anchor) is not None, anchor


LINKED = re.compile(r"excluding (PB observed )?holidays|sauf les jours fériés|exclusion des jours fériés", re.I)


def test_every_excluding_holidays_on_the_pages_links_to_the_holidays_page(site):
    """Issue 18 §5: every "excluding holidays" of both editions links to its edition's holidays page."""
    found = 0
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for text in soup.find_all(string=LINKED):
            if text.find_parent(["script", "template", "noscript"]):
                continue
            link = text.find_parent("a")
            assert link is not None, (page, str(text)[:80])
            here = "/" + page.relative_to(site).parent.as_posix() + "/"
            edition = "fr/" if here.startswith("/fr/") else ""
            assert urljoin(here, link["href"]) == f"/{edition}{PAGE}", (page, link["href"])
            found += 1
    assert found > 20


@pytest.mark.parametrize(("start", "query"), [("/", "Thanksgiving"), ("/", "Memorial Day"), ("/fr/", "Fête nationale")])
def test_the_site_search_finds_the_holidays(page, base_url, start, query):
    links = search(page, start, query)
    assert any(urlsplit(link).path == f"{start}{PAGE}" and link.startswith(base_url) for link in links), links


# ---- The iCalendar files


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_ics_files_parse_and_match_the_checkers_table(site, data, lang):
    """Each list's file, parsed back with icalendar: named, refreshed, one all-day event per day the
    checker skips there, named as an answer names it, each with its own UID."""
    uids: set[str] = set()
    for place in every_place(data):
        calendar = icalendar.Calendar.from_ical((site / EDITIONS[lang] / PAGE / place.file).read_bytes())
        assert calendar["X-WR-CALNAME"] == calendar["NAME"]
        assert data["markets"][place.market]["name"][lang] in str(calendar["NAME"])
        assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
        events = {event.start: str(event["SUMMARY"]) for event in calendar.events}
        assert events == holidays_of(data, place.market, place.region or None, lang), place
        for event in calendar.events:
            assert event.end - event.start == dt.timedelta(days=1)
            assert str(event["UID"]) not in uids
            uids.add(str(event["UID"]))


def test_a_days_uid_is_the_same_from_one_build_to_the_next(data):
    """Subscribable: a calendar application matches a day by its UID; a later build (another build day,
    the same source) keeps it, and the calendar's own UID."""
    place = Place("ca", "QC")
    today = calendars.calendar(data, place, "fr", "https://support.example.com/", BUILD_DAY)
    later = calendars.calendar(data, place, "fr", "https://support.example.com/", BUILD_DAY + dt.timedelta(days=30))
    assert [str(e["UID"]) for e in today.events] == [str(e["UID"]) for e in later.events]
    assert today["UID"] == later["UID"] == "holidays-ca-qc-fr@support.example.com"
    assert str(today.events[0]["UID"]).startswith("20250101-holidays-ca-qc-fr@")
