"""A value that differs by market is written per market (issue 19 §4): a zone's response time is one
number for every market, or one per market, {us: 12, ca: 6}; the checker and the pages read the
market's own time, and a wrong value is told with the per-market form."""

from __future__ import annotations

from pathlib import Path

import pytest

import coverage_data
from checker.link_tables import link_reading
from checker.samples import sample_questions
from hooks.runtime import answer_files, prebuilt_questions
from hooks.view import View
from tests.conftest import BUILD_DAY
from tests.helpers import edited_source, line_of, run_cli

HOURS = 'hours: {"1": 8, "2": 12, "3": 24}'


def per_market(tmp_path, zone_2: str):
    return edited_source(tmp_path, (HOURS, HOURS.replace('"2": 12', f'"2": {zone_2}')), count=1)


def test_a_zone_time_written_per_market_is_each_markets_own(tmp_path):
    """Before, `{us: 12, ca: 6}` was refused ('is a mapping, where a whole number goes'): a writer who
    changed Canada's time changed the United States' too."""
    path = per_market(tmp_path, "{us: 12, ca: 6}")
    data = coverage_data.load(path, today=BUILD_DAY)
    assert data["offerings"]["standard-sla"]["response"]["hours"]["2"] == {"us": 12, "ca": 6}
    assert data["offerings"]["standard-sla"]["response"]["hours"]["1"] == {"us": 8, "ca": 8}  # written once
    from checker.service import respond

    for market, hours in (("us", 12), ("ca", 6)):
        reply = respond(data, {"market": market, "contract": "standard-sla", "zone": "2"}, "en")
        assert reply["answer"]["response"]["hours"] == hours
        assert f"within {hours} business hours" in reply["answer"]["response"]["text"]


def test_the_pages_say_each_markets_time_where_they_differ(tmp_path):
    data = coverage_data.load(per_market(tmp_path, "{us: 12, ca: 6}"), today=BUILD_DAY)
    en, fr = View(data, "en"), View(data, "fr")
    assert en.zone_goal("standard-sla", "1") == "8 business hours"
    assert en.zone_goal("standard-sla", "2") == (
        "12 business hours in the United States and 6 business hours in Canada"
    )
    assert (
        fr.zone_goal("standard-sla", "2")
        == "12\u00a0heures ouvrables aux États-Unis et 6\u00a0heures ouvrables au Canada"
    )
    first, second = en.zone_sentences("standard-sla", "2")
    assert first.startswith("United States: For a client in zone 2 (Urban)") and "within 12 business hours" in first
    assert second.startswith("Canada: For a client in zone 2 (Urban)") and "within 6 business hours" in second
    assert len(en.zone_sentences("standard-sla", "1")) == 1


@pytest.mark.parametrize(
    ("zone_2", "message"),
    [
        (
            "twelve",
            "offerings.standard-sla.response.hours.2: 'twelve' is not a whole number of business hours, or one "
            "per market, e.g. {us: 12, ca: 6}",
        ),
        (
            "{us: 12}",
            "offerings.standard-sla.response.hours.2: no value for ca: a value per market names every market the "
            "offering is sold in, e.g. {us: …, ca: …}",
        ),
        ("{us: 12, ca: six}", "offerings.standard-sla.response.hours.2.ca: 'six' is a text, where a whole number goes"),
        ("{us: 12, ca: 6, mx: 4}", "unknown market 'mx' (known: ca, us)"),
        ("0", "offerings.standard-sla.response.hours.2: 0 is out of range: write at least 1"),
    ],
)
def test_a_wrong_time_is_told_with_the_per_market_form(tmp_path, zone_2, message):
    path = per_market(tmp_path, zone_2)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{path}:{line_of(HOURS)}: {message}", "1 problem(s) found."]


def _answer(data, **params):
    from checker.service import respond

    reply = respond(data, {"contract": "standard-sla", **params}, "en")
    assert reply["ok"], reply
    return reply["answer"]


def test_a_per_market_time_reaches_every_part_of_an_answer(tmp_path):
    """The answers' modules (checker/response.py without a zone, checker/conditions.py's note beside zone
    3's time) read the market's own time through checker/zones.py, as the answer with a zone does."""
    path = edited_source(tmp_path, (HOURS, HOURS.replace('"3": 24', '"3": {us: 24, ca: 20}')), count=1)
    data = coverage_data.load(path, today=BUILD_DAY)
    for market, hours in (("us", 24), ("ca", 20)):
        every_zone = _answer(data, market=market)["response"]
        assert [time["hours"] for time in every_zone["times"]] == [8, 12, hours]
        assert f"{hours} business hours in zone 3 (Rural)" in every_zone["text"]
        notes = [note["text"] for note in _answer(data, market=market, zone="3")["notes"]]
        assert any(f"sets a goal of {hours} business hours" in note for note in notes), notes


def test_a_per_market_time_is_proven_by_each_markets_own_quotes(tmp_path):
    """The provenance value check reads a value written per market as one value per market: each is
    named by its market's quotes ({hours.2}), and only the market whose page says otherwise is told."""
    from coverage_data import provenance

    agreed = provenance.problems(per_market(tmp_path, "{us: 12, ca: 12}"))
    assert agreed == []
    path = per_market(tmp_path, "{us: 12, ca: 6}")
    told = [problem.message for problem in provenance.problems(path) if problem.file == str(path)]
    assert len(told) == 1 and "the us page" not in told[0]
    assert told[0].startswith(
        "offerings.standard-sla.response.hours.2: 6 is not what the published pages say: the ca page reads '12' there"
    )


# The two other numbers of a response rule, written once or per market in the same way: the Performance
# SLA's guarantees (`options`) and SMA Tier 2's average (`business_days`).
OPTIONS, DAYS = "options: [4, 8]", "business_days: 1"
SMA_TIER_2_MARKETS = "    markets: [us]\n    name: {en: SMA Tier 2"


def options_per_market(tmp_path, options: str = "{us: [4, 8], ca: [8]}") -> Path:
    return edited_source(tmp_path, (OPTIONS, f"options: {options}"))


def days_per_market(tmp_path, days: str = "{us: 1, ca: 2}", sold: str = "[us, ca]") -> Path:
    """SMA Tier 2 sold in Canada too (by default), its average per market: a source whose markets differ."""
    return edited_source(
        tmp_path, (SMA_TIER_2_MARKETS, SMA_TIER_2_MARKETS.replace("[us]", sold)), (DAYS, f"business_days: {days}")
    )


def test_guarantees_written_per_market_are_each_markets_own_in_every_answer(tmp_path):
    """Before, `options: {us: [4, 8], ca: [8]}` was refused ('is a mapping, where a list goes'), and the
    checker read one list for every market."""
    data = coverage_data.load(options_per_market(tmp_path), today=BUILD_DAY)
    assert data["offerings"]["performance-sla"]["response"]["options"] == {"us": [4, 8], "ca": [8]}
    written_once = coverage_data.load(edited_source(tmp_path), today=BUILD_DAY)
    assert written_once["offerings"]["performance-sla"]["response"]["options"] == {"us": [4, 8], "ca": [4, 8]}
    us = _answer(data, market="us", contract="performance-sla", zone="1")["response"]
    assert [time["hours"] for time in us["times"]] == [4, 8]
    ca = _answer(data, market="ca", contract="performance-sla", zone="1")["response"]
    assert [time["hours"] for time in ca["times"]] == [8] and ca["hours"] == 8
    assert ca["text"] == "Guaranteed: a technician on site within 8 business hours of the point of dispatch."
    every_zone = _answer(data, market="ca", contract="performance-sla")["response"]  # the zone left open
    assert "within 8 business hours" in every_zone["text"] and "4" not in every_zone["text"]
    assert _answer(data, market="us", contract="performance-sla", guarantee="4")["response"]["hours"] == 4
    from checker.service import respond

    refused = respond(data, {"market": "ca", "contract": "performance-sla", "guarantee": "4"}, "en")
    assert not refused["ok"] and refused["errors"] == {"guarantee": "Unknown guarantee “4”. Choose 8 hours."}
    # A comparison reads the other contract's guarantees in the question's market too.
    compared = _answer(data, market="ca", contract="standard-sla", zone="1", compare="performance-sla")
    assert "8 business hours" in compared["compare"]["difference"] and "4 or 8" not in compared["compare"]["difference"]


def test_a_links_reading_the_prebuilt_answers_and_the_forms_choices_are_each_markets_guarantees(tmp_path):
    data = coverage_data.load(options_per_market(tmp_path), today=BUILD_DAY)
    for lang in data["languages"]:
        guarantees = link_reading(data, lang)["guarantee"]
        assert guarantees["us"]["performance-sla"] == {"4": "4", "04": "4", "004": "4", "8": "8", "08": "8", "008": "8"}
        assert guarantees["ca"]["performance-sla"] == {
            "8": "8",
            "08": "8",
            "008": "8",
        }  # a link's 4 goes to the runtime
    asked = {name for name in prebuilt_questions(data) if ".performance-sla." in name and name.endswith(".1")}
    assert asked == {f"us.performance-sla.{g}.1" for g in "-48"} | {f"ca.performance-sla.{g}.1" for g in "-8"}
    files = answer_files(data)
    assert set(files["us"]["performance-sla"]) == {"", "4", "8"} and set(files["ca"]["performance-sla"]) == {"", "8"}
    asked_by_samples = {
        (q["params"]["market"], q["params"].get("guarantee"))
        for q in sample_questions(data)
        if q["params"].get("contract") == "performance-sla"
    }
    assert asked_by_samples == {("us", None), ("us", "4"), ("us", "8"), ("ca", None), ("ca", "8")}
    view = View(data, "en")  # the form: each guarantee with the market:contract pairs it is a choice of
    assert view.guarantee_options() == {4: "us:performance-sla", 8: "us:performance-sla ca:performance-sla"}
    assert view.guaranteed_choices() == ["us:performance-sla", "ca:performance-sla"]
    assert view.share_params("performance-sla") == {"market": "us", "contract": "performance-sla", "guarantee": "4"}


def test_the_pages_say_each_markets_guarantees_and_average_where_they_differ(tmp_path):
    data = coverage_data.load(options_per_market(tmp_path), today=BUILD_DAY)
    en, fr = View(data, "en"), View(data, "fr")
    assert en.zone_goal("performance-sla", "1") == (
        "4 or 8 hours guaranteed in the United States and 8 hours guaranteed in Canada"
    )
    assert fr.zone_goal("performance-sla", "2") == (
        "4 ou 8\u00a0heures garanties aux États-Unis et 8\u00a0heures garanties au Canada"
    )
    first, second = en.guarantee_sentences("performance-sla")
    assert first.startswith("United States: For a client with a Performance SLA contract") and "4 or 8" in first
    assert second.startswith("Canada: For a client with a Performance SLA contract") and "within 8 business" in second
    assert (
        len(
            View(coverage_data.load(edited_source(tmp_path), today=BUILD_DAY), "en").guarantee_sentences(
                "performance-sla"
            )
        )
        == 1
    )  # the same in both markets: said once, as before
    data = coverage_data.load(days_per_market(tmp_path), today=BUILD_DAY)
    us, ca = View(data, "en").response_texts("sma-tier-2")
    assert us == (
        "United States: Average response time: within one (1) business day of Pitney Bowes determining that "
        "on-site support is required."
    )
    assert ca.startswith("Canada: Average response time: within 2 business days")
    assert (
        View(data, "fr")
        .response_texts("sma-tier-2")[1]
        .startswith("Canada\u00a0: Délai de réponse moyen\u00a0: moins de 2\u00a0jours ouvrables")
    )


def test_an_average_written_per_market_is_each_markets_own(tmp_path):
    """Before, `business_days: {us: 1, ca: 2}` was refused ('is a mapping, where a whole number goes')."""
    data = coverage_data.load(days_per_market(tmp_path), today=BUILD_DAY)
    assert data["offerings"]["sma-tier-2"]["response"]["business_days"] == {"us": 1, "ca": 2}
    for market, said in (("us", "within one (1) business day"), ("ca", "within 2 business days")):
        assert said in _answer(data, market=market, contract="sma-tier-2")["response"]["text"]
    compared = _answer(data, market="ca", contract="sma-tier-1", compare="sma-tier-2")
    assert "2 business days" in compared["compare"]["difference"]
    written_once = coverage_data.load(edited_source(tmp_path), today=BUILD_DAY)
    assert written_once["offerings"]["sma-tier-2"]["response"]["business_days"] == {"us": 1}  # where it is sold


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            (OPTIONS, "options: four"),
            "offerings.performance-sla.response.options: 'four' is not a list of the business hours a client "
            "chooses the guarantee among ([4, 8]), or one list per market, e.g. {us: [4, 8], ca: [8]}",
        ),
        (
            (OPTIONS, "options: 8"),
            "offerings.performance-sla.response.options: 8 is not a list of the business hours a client chooses "
            "the guarantee among ([4, 8]), or one list per market, e.g. {us: [4, 8], ca: [8]}",
        ),
        (
            (OPTIONS, "options: {us: [4, 8]}"),
            "offerings.performance-sla.response.options: no value for ca: a value per market names every market "
            "the offering is sold in, e.g. {us: …, ca: …}",
        ),
        (
            (OPTIONS, "options: {us: [4, 8], ca: 8}"),
            "offerings.performance-sla.response.options.ca: 8 is a whole number, where a list ([a, b]) goes, "
            "e.g. [4, 8]",
        ),
        (
            (OPTIONS, "options: {us: [4, 8], ca: [eight]}"),
            "offerings.performance-sla.response.options.ca.0: 'eight' is a text, where a whole number goes",
        ),
        (
            (OPTIONS, "options: {us: [4, 8], ca: [8, 8]}"),
            "offerings.performance-sla.response.options.ca: 8 is listed twice: keep one",
        ),
        ((OPTIONS, "options: {us: [4, 8], ca: [8], mx: [4]}"), "unknown market 'mx' (known: ca, us)"),
        (
            (OPTIONS, "options: {us: [4, 8], ca: [2000]}"),
            "2,000 business hours is not a response time: at most 1,000 (about half a year)",
        ),
        (
            (DAYS, "business_days: one"),
            "offerings.sma-tier-2.response.business_days: 'one' is not a whole number of business days, or one "
            "per market, e.g. {us: 1, ca: 2}",
        ),
        (
            (DAYS, "business_days: {ca: 2}"),  # SMA Tier 2 is sold in the United States only
            "offerings.sma-tier-2.response.business_days: no value for us: a value per market names every market "
            "the offering is sold in, e.g. {us: …}",
        ),
        (
            (DAYS, "business_days: {us: 0}"),
            "offerings.sma-tier-2.response.business_days.us: 0 is out of range: write at least 1",
        ),
    ],
)
def test_a_wrong_guarantee_or_average_is_told_with_the_per_market_form(tmp_path, edit, message):
    path = edited_source(tmp_path, edit)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{path}:{line_of(edit[0])}: {message}", "1 problem(s) found."]


def test_per_market_guarantees_and_averages_are_proven_by_each_markets_own_quotes(tmp_path):
    """{options.1} in a Canadian quote is Canada's second option, {business_days} Canada's days (the
    Canadian page states SMA Tier 2's day, though Tier 2 is sold in the United States only)."""
    from coverage_data import provenance

    assert provenance.problems(options_per_market(tmp_path, "{us: [4, 8], ca: [4, 8]}")) == []
    assert provenance.problems(days_per_market(tmp_path, "{us: 1, ca: 1}", sold="[us]")) == []
    path = options_per_market(tmp_path, "{us: [4, 8], ca: [4, 6]}")
    told = [problem.message for problem in provenance.problems(path) if problem.file == str(path)]
    assert len(told) == 1 and "the us page" not in told[0]
    assert told[0].startswith(
        "offerings.performance-sla.response.options.1: 6 is not what the published pages say: the ca page reads "
        "'8' there"
    )
    path = days_per_market(tmp_path, "{us: 1, ca: 2}", sold="[us]")
    told = [problem.message for problem in provenance.problems(path) if problem.file == str(path)]
    assert len(told) == 1 and "the us page" not in told[0]
    assert told[0].startswith(
        "offerings.sma-tier-2.response.business_days: 2 is not what the published pages say: the ca page reads '1'"
    )
