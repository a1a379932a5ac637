"""A value that differs by market is written per market (issue 19 §4): a zone's response time is one
number for every market, or one per market, {us: 12, ca: 6}; the checker and the pages read the
market's own time, and a wrong value is told with the per-market form."""

from __future__ import annotations

import pytest

import coverage_data
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
