"""Issue 18: an answer is a whole a sales rep forwards as is. It applies the terms' conditions (each in
one home: checker/conditions.py), answers what is known instead of refusing, ends with its next step,
and says a comparison's difference in one sentence. Each test names the row of the decision table it
holds to (SOURCE-NOTES 1–20, WRITING.md 21 on)."""

from __future__ import annotations

import re

import pytest

from checker.service import respond
from coverage_data import provenance
from coverage_data.typography import NBSP
from hooks.view import View

ELIGIBILITY = "The Performance SLA is offered for select products and select geographic locations, in zones 1"
ONSITE = {"onsite-support", "next-business-day-onsite", "guaranteed-response-onsite", "parts-and-labor"}


def ask(data, lang="en", **params):
    response = respond(data, params, lang)
    assert response["ok"], response
    return response["answer"]


def included(answer) -> set[str]:
    return {item["id"] for group in answer["coverage"] if group["mark"] == "included" for item in group["items"]}


def notes(answer) -> list[str]:
    return [note["text"] for note in answer["notes"]]


# ---- §1 The terms' conditions, applied once


@pytest.mark.parametrize(
    "params",
    [
        {"zone": "1", "guarantee": "4"},
        {"zone": "3", "guarantee": "8"},
        {"km": "300"},
        {},
        {"zone": "2", "compare": "standard-sla"},
    ],
)
def test_every_performance_sla_answer_states_its_eligibility_once(data, params):
    """SOURCE-NOTES row 19: select products and locations, zones 1 and 2, postal code, the sales rep."""
    for market in ("us", "ca"):
        if market == "us" and "km" in params:
            continue
        answer = ask(data, market=market, contract="performance-sla", **params)
        assert [text for text in notes(answer) if text.startswith(ELIGIBILITY)] == [
            data["offerings"]["performance-sla"]["eligibility"]["en"]
        ]


def test_a_comparison_with_the_performance_sla_states_its_eligibility(data):
    answer = ask(data, market="us", contract="standard-sla", zone="1", compare="performance-sla")
    assert any(text.startswith(ELIGIBILITY) for text in notes(answer))
    assert not any(text.startswith(ELIGIBILITY) for text in notes(ask(data, market="us", contract="standard-sla")))


@pytest.mark.parametrize("where", [{"zone": "3"}, {"km": "120"}])
def test_outside_its_zones_the_performance_sla_includes_nothing_on_site_and_says_whom_to_ask(data, where):
    """SOURCE-NOTES row 19, WRITING.md row 37: zone 3 once said 'not covered' and listed on-site support
    as included."""
    answer = ask(data, market="ca", contract="performance-sla", guarantee="4", dispatched="2026-11-20T15:00", **where)
    assert not included(answer) & ONSITE
    assert answer["response"]["kind"] == "outside-zones" and answer["response"]["times"] == []
    assert answer["deadline"]["arrivals"] == []
    assert answer["next_step"]["sales"] == data["ui"]["next_sales_offer"]["en"]


def test_beyond_the_last_published_zone_nothing_on_site_is_included(data):
    """WRITING.md rows 28 and 37: a Standard SLA at 300 km once listed on-site support as included."""
    answer = ask(data, market="ca", contract="standard-sla", km="300")
    assert not included(answer) & ONSITE
    apart = next(group for group in answer["coverage"] if group["mark"] == "not-for-site")
    assert {item["id"] for item in apart["items"]} == {"onsite-support", "next-business-day-onsite", "parts-and-labor"}
    assert apart["label"] == "Not published for a site at this distance"


@pytest.mark.parametrize("where", [{"zone": "3"}, {"km": "300"}])
@pytest.mark.parametrize(
    ("contract", "other"), [("standard-sla", "performance-sla"), ("performance-sla", "standard-sla")]
)
def test_a_comparison_follows_the_site_and_replaces_nothing_the_guarantee_does_not_reach(data, where, contract, other):
    compare = ask(data, market="ca", contract=contract, compare=other, **where)["compare"]
    assert compare["replaced"] == []
    said = " ".join(change["change"] for change in compare["gains"] + compare["losses"])
    assert "Guaranteed Response" not in said  # not offered here, so neither gained nor lost
    inside = ask(data, market="ca", contract=contract, compare=other, zone="1")["compare"]
    assert len(inside["replaced"]) == 1


def test_a_comparison_from_an_offering_the_market_does_not_sell_stops_at_not_sold(data):
    answer = ask(data, market="ca", contract="sma-tier-2", compare="sma-tier-1")
    compare = answer["compare"]
    assert compare["status"] == "SMA Tier 2 is not sold in Canada."
    assert (compare["gains"], compare["losses"], compare["replaced"], compare["difference"]) == ([], [], [], "")
    assert answer["summary"].count("SMA Tier 2 is not sold in Canada.") == 1


def test_the_point_of_dispatch_is_what_the_terms_define(data):
    """Both pages: the end of the initial contact with remote support, when on-site support is found
    necessary. The English field once asked when 'a technician was dispatched'."""
    assert data["ui"]["dispatched"]["en"].startswith("Point of dispatch")
    assert data["ui"]["dispatched_hint"]["en"].startswith("The end of your first contact with the remote support")
    assert data["ui"]["dispatched"]["fr"].startswith("Point d'envoi")


def test_canadian_on_site_hours_say_what_the_canadian_table_says(data):
    """WRITING.md row 39: the Canadian table gives hours, no days and no holidays; the counting rule is a
    decision, said in the deadline's note, and its grounds are the Canadian page's own."""
    row = next(row for row in data["attributes"] if row["id"] == "onsite-support")
    ca = ask(data, "fr", market="ca", contract="standard-sla", zone="1", dispatched="2026-11-20T15:00")
    detail = next(item["detail"] for group in ca["coverage"] for item in group["items"] if item["id"] == row["id"])
    assert detail == f"de 8{NBSP}h à 17{NBSP}h heure locale"
    assert "La page canadienne ne précise pas les jours" in ca["deadline"]["notes"][0]["text"]
    us = ask(data, market="us", contract="standard-sla", zone="1")
    detail = next(item["detail"] for group in us["coverage"] for item in group["items"] if item["id"] == row["id"])
    assert detail == "Monday to Friday, 8 AM to 5 PM local time, excluding holidays"
    facts = provenance.load()[0].facts
    tier_2 = "ce soutien sera fourni du lundi au vendredi"  # SMA Tier 2's section: a product sold in the US only
    assert not [key for key, grounds in facts.items() if tier_2 in str(grounds.get("ca", ""))]


def test_standard_sla_in_zone_3_states_what_each_page_part_says(data):
    """SOURCE-NOTES row 20: the table's next-business-day beside the text's 24 business hours."""
    (said,) = [
        text
        for text in notes(ask(data, market="us", contract="standard-sla", zone="3"))
        if "two different indications" in text
    ]
    assert said == (
        "The published pages give two different indications for zone 3 (Rural): the coverage table marks “Next "
        "Business Day Onsite Support (at Pitney Bowes discretion)” for the Standard SLA, while the text sets a goal "
        "of 24 business hours from the point of dispatch; an arrival time is counted from the text's goal."
    )
    assert not [
        text
        for text in notes(ask(data, market="us", contract="standard-sla", zone="1"))
        if "two different indications" in text
    ]


def test_premier_support_says_once_that_sma_tier_1_bills_on_site_support(data):
    """WRITING.md row 27: the US table's on-site mark, and SMA Tier 1's own terms."""
    billed = "SMA Tier 1, under its own terms, does not offer on-site support"
    answer = ask(data, market="us", contract="premier-support")
    assert sum(billed in text for text in notes(answer)) == 1
    assert "On-Site Support (at Pitney Bowes discretion): included" in answer["response"]["text"]
    compare = ask(data, market="us", contract="sma-tier-1", compare="premier-support")
    assert sum(billed in text for text in notes(compare)) == 1


def test_canada_without_a_contract_is_never_best_effort(data):
    """SOURCE-NOTES row 18, WRITING.md row 36: 'best effort' is on the US page only."""
    for lang, words in (("en", "best effort"), ("fr", "faire de notre mieux")):
        ca = ask(data, lang, market="ca", contract="none", zone="2", compare="standard-sla")
        assert words not in str(ca).replace("best-effort", "")
        us = ask(data, lang, market="us", contract="none")
        assert words in us["response"]["text"]
    assert ask(data, market="ca", contract="none")["response"]["kind"] == "quote"


def test_the_us_live_chat_shortcut_keeps_select_products(data):
    view = View(data, "en")
    assert "select products" in view.contacts("us")["chat"]["goal_short"]
    assert "select products" not in view.contacts("ca")["chat"]["goal_short"]


# ---- §2 Answer what is known; never a dead end


def test_performance_sla_without_a_guarantee_gives_both_arrival_times(data):
    answer = ask(data, market="us", contract="performance-sla", zone="1", dispatched="2026-11-20T15:00")
    assert answer["response"]["text"] == (
        "Guaranteed: a technician on site within 4 or 8 business hours of the point of dispatch. Which of the two "
        "applies is set by your contract."
    )
    assert [(a["label"], a["at"]) for a in answer["deadline"]["arrivals"]] == [
        ("4 hours", "2026-11-23T10:00"),
        ("8 hours", "2026-11-23T14:00"),
    ]
    assert "4 hours: Monday, November 23, 2026, 10 AM" in answer["summary"]


def test_performance_sla_without_a_zone_gives_its_time_with_the_zones_condition(data):
    answer = ask(data, market="us", contract="performance-sla", guarantee="4", dispatched="2026-11-20T15:00")
    assert answer["response"]["text"].startswith("Guaranteed in zones 1 and 2 (Metro and Urban): a technician on site")
    assert [a["at"] for a in answer["deadline"]["arrivals"]] == ["2026-11-23T10:00"]
    assert answer["next_step"]["sales"] == data["ui"]["next_sales_zone"]["en"]


def test_standard_sla_without_a_zone_gives_every_zones_goal_and_arrival(data):
    answer = ask(data, "fr", market="ca", contract="standard-sla", dispatched="2026-11-20T15:00")
    assert [a["label"] for a in answer["deadline"]["arrivals"]] == [
        "Zone 1 (métropolitaine)",
        "Zone 2 (urbaine)",
        "Zone 3 (rurale)",
    ]
    assert "dans les 24" in answer["response"]["text"] and answer["response"]["kind"] == "goal"


def test_a_zone_and_a_distance_both_given_are_answered_and_the_zone_wins(data):
    """WRITING.md row 50: the zone is the one the contract sets; once, an error alone."""
    answer = ask(data, market="ca", contract="standard-sla", zone="1", km="85")
    assert answer["zone"]["id"] == "1" and answer["response"]["hours"] == 8
    assert "The distance given, 85 km, is in zone 3 (Rural); this answer uses zone 1 (Metro)" in notes(answer)[0]
    agreeing = ask(data, market="ca", contract="standard-sla", zone="3", km="85")
    assert not [text for text in notes(agreeing) if "distance given" in text]


def test_a_rounded_distance_says_how_it_was_read(data):
    """WRITING.md row 35 is now cited where it applies."""
    answer = ask(data, market="ca", contract="standard-sla", km="40.5")
    assert answer["notes"][0] == {
        "text": "40.5 km is rounded to 41 km: the zones are published in whole kilometers.",
        "source": "ui.zone_rounded",
    }
    assert not [
        note for note in ask(data, market="ca", contract="standard-sla", km="41")["notes"] if "read as" in note["text"]
    ]


@pytest.mark.parametrize("contract", ["standard-sla", "performance-sla"])
def test_the_us_answers_never_offer_a_distance(data, contract):
    """The US publishes no distances (SOURCE-NOTES row 4): no 'or give a distance' there."""
    answer = ask(data, market="us", contract=contract, dispatched="2026-11-20T15:00")
    assert "distance" not in str(answer).lower()


@pytest.mark.parametrize(
    ("market", "contract", "lines"),
    [
        ("us", "standard-sla", ["+18442566444"]),
        ("us", "sma-tier-1", ["+18008880286"]),
        ("us", "premier-support", ["+18008880286"]),
        ("us", "none", ["+18442566444", "+18008880286"]),
        ("ca", "performance-sla", ["+18006726937"]),
        ("ca", "sma-tier-2", ["+18006726937"]),
    ],
)
def test_every_answer_ends_with_its_next_step_and_the_right_number(data, market, contract, lines):
    """WRITING.md row 38: the lines that serve the contract's family."""
    step = ask(data, market=market, contract=contract)["next_step"]
    assert [phone["tel"] for phone in step["phones"]] == lines
    assert step["text"].startswith("Call support Monday to Friday, 8 AM to 8 PM ET") and "Create a Case" in step["text"]


# ---- §3 Comparisons say the difference


def test_a_comparison_says_the_difference_in_one_sentence_in_the_summary(data):
    answer = ask(data, market="us", contract="standard-sla", zone="2", compare="performance-sla")
    difference = (
        "The Standard SLA: a goal of 12 business hours; the Performance SLA: a guarantee of 4 or 8 business hours."
    )
    assert answer["compare"]["difference"] == difference
    assert answer["summary"] == f"Standard SLA — United States — Zone 2 (Urban). {difference}"


def test_a_comparison_with_a_dispatch_time_gives_both_arrival_times(data):
    answer = ask(
        data, market="us", contract="performance-sla", zone="2", compare="standard-sla", guarantee="4",
        dispatched="2026-11-20T15:00",
    )  # fmt: skip
    assert answer["compare"]["difference"] == (
        "The Performance SLA: a guarantee of 4 business hours, on site by Monday, November 23, 2026, 10 AM (local "
        "time at the site); the Standard SLA: a goal of 12 business hours, on site by Tuesday, November 24, 2026, "
        "9 AM (local time at the site)."
    )


def test_no_generated_heading_for_no_contract(data):
    for lang, words in (("en", "What no contract"), ("fr", "Ce qu'ajoute l'absence de contrat")):
        compare = ask(data, lang, market="ca", contract="standard-sla", zone="1", compare="none")["compare"]
        assert words not in str(compare)
    compare = ask(data, market="ca", contract="standard-sla", zone="1", compare="none")["compare"]
    assert compare["losses_title"] == "What you would not have without a contract"


def test_the_account_manager_correction_is_said_in_the_answers_it_changes(data):
    """SOURCE-NOTES row 11: the Canadian table marks the row under Standard SLA; the answers it changes
    say so beside the row (a client reads it where the row is, not among the response's notes)."""

    def row_note(answer):
        return {item["id"]: item["note"] for group in answer["coverage"] for item in group["items"]}

    ca = row_note(ask(data, "fr", market="ca", contract="standard-sla", zone="1"))
    assert ca["account-support-manager"] == (
        f"Le tableau publié au Canada coche cette ligne dans la colonne CNS standard, mais les deux pages publiées la "
        f"décrivent comme un avantage offert avec le soutien premium (Premier Support){NBSP}: elle n'est pas comprise "
        f"dans le CNS standard."
    )
    assert not [note for note in ca.values() if note and note != ca["account-support-manager"]]
    assert not any(row_note(ask(data, market="us", contract="standard-sla", zone="1")).values())
    assert not any(row_note(ask(data, market="ca", contract="performance-sla", zone="1")).values())
    assert not [n for n in notes(ask(data, market="ca", contract="standard-sla", zone="1")) if "Account" in n]


def test_a_link_typed_in_capitals_means_the_same(data):
    """The reviewer's 'market=CA' was refused as an unknown market."""
    assert ask(data, market="CA", contract="Standard-SLA", compare="NONE")["query"]["market"] == "ca"


# ---- §6 Words


def _texts(data, lang):
    def walk(value):
        if isinstance(value, dict) and lang in value and isinstance(value[lang], str):
            yield value[lang]
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    return list(walk({key: value for key, value in data.items() if key != "holidays"}))


def test_one_name_per_feature(data):
    french = " ".join(_texts(data, "fr"))
    assert "acheminement prioritaire" not in french and "Priorité dans la file" not in french
    assert "acheminement premier en ligne" in french
    assert "professionnels du service sur place" not in french and "technicien de service sur place" not in french
    own = [text for key, text in data["ui"].items() if isinstance(text["en"], str)]
    titles = [benefit["title"] for benefits in data["benefits"].values() for benefit in benefits]
    assert not [t["en"] for t in own + titles if re.search(r"\bonsite\b", t["en"], re.I)]


def test_french_where_the_terms_give_no_time_asks_to_learn_more(data):
    for key in ("onsite_included", "beyond_response"):
        assert "pour vous renseigner" in data["ui"][key]["fr"] and "pour le connaître" not in data["ui"][key]["fr"]


def test_one_market_is_a_marche(data):
    view = View(data, "fr")
    assert (view.sold_in(["us"]), view.sold_in(["us", "ca"])) == ("Marché", "Marchés")


@pytest.mark.parametrize(
    "params",
    [
        {"market": "us", "contract": "standard-sla"},
        {"market": "ca", "contract": "performance-sla", "zone": "3", "dispatched": "2026-11-20T15:00"},
        {"market": "ca", "contract": "sma-tier-2", "compare": "standard-sla"},
        {"market": "us", "contract": "none", "compare": "premier-support", "dispatched": "2026-11-20T15:00"},
        {"market": "ca", "contract": "standard-sla", "km": "300", "compare": "performance-sla"},
        {"market": "us", "contract": "performance-sla", "dispatched": "2026-11-20T15:00"},
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_sentence_is_said_twice_in_a_summary(data, params, lang):
    summary = ask(data, lang, **params)["summary"]
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", summary) if s]
    assert len(sentences) == len(set(sentences)), summary


def test_a_contract_compared_with_itself_is_no_comparison(data):
    """The Québec editor's reading: « Le CNS standard et le CNS standard offrent… »."""
    answer = ask(data, "fr", market="ca", contract="standard-sla", zone="1", compare="standard-sla")
    assert answer["compare"] is None and "compare" not in answer["query"]


def test_an_offering_that_depends_on_no_zone_states_no_zone(data):
    """A zone beside 'zones apply to the hardware service level agreements only' contradicted it."""
    answer = ask(data, "fr", market="ca", contract="sma-tier-1", zone="2")
    assert answer["zone"] is None
    assert answer["status"][-1] == data["ui"]["zones_not_zoned"]["fr"]
    assert "Zone 2" not in answer["summary"]
