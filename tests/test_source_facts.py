"""Every fact of both seed pages is in the source, as SOURCE-NOTES decides, and reachable by the checker."""

from __future__ import annotations

import pytest

from checker.service import respond
from tests.seed_pages import LANG, PAGES, coverage_table, normalized

# SOURCE-NOTES row 11: the Canadian table's mark under Standard SLA is a copy error; Premier Support holds it.
CORRECTED = {("ca", "account-support-manager")}


def row_by_label(data: dict, market: str, label: str) -> dict:
    lang = LANG[market]
    return next(row for row in data["attributes"] if normalized(row["label"][lang]) == normalized(label))


@pytest.mark.parametrize("market", ["us", "ca"])
def test_every_mark_of_each_published_table_is_in_the_source(data, market):
    seed = coverage_table(market)
    assert len(seed) == {"us": 15, "ca": 16}[market]
    shown = [row for row in data["attributes"] if market in row["markets"]]
    assert len(shown) == len(seed)
    for seed_row in seed:
        row = row_by_label(data, market, seed_row.label)
        assert (market in row["discretion"]) == seed_row.discretion, seed_row.label
        marks = {oid: row["marks"][oid][market] for oid in seed_row.marks}
        if (market, row["id"]) in CORRECTED:
            assert seed_row.marks["standard-sla"] == "included"
            assert marks == {**seed_row.marks, "standard-sla": "not-included", "premier-support": "included"}
        else:
            assert marks == seed_row.marks, seed_row.label


def test_union_of_both_tables_has_sixteen_rows_and_the_seminar_is_canadian(data):
    assert len(data["attributes"]) == 16
    seminar = next(row for row in data["attributes"] if row["id"] == "mail-seminar")
    assert seminar["markets"] == ["ca"]


@pytest.mark.parametrize(
    ("market", "numbers"),
    [("us", ["844 256 6444", "800 888 0286"]), ("ca", ["1 800 672 6937"])],
)
def test_phone_numbers_are_the_published_ones_and_on_the_page(data, market, numbers):
    assert [phone["number"] for phone in data["markets"][market]["phones"]] == numbers
    page = PAGES[market].read_text(encoding="utf-8")
    assert all(number in page for number in numbers)
    for lang in ("en", "fr"):
        answer = respond(data, {"market": market, "contract": "none"}, lang)["answer"]
        assert [phone["number"] for phone in answer["contacts"]["phones"]] == numbers


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("zone", "hours"), [("1", 8), ("2", 12), ("3", 24)])
@pytest.mark.parametrize("market", ["us", "ca"])
def test_standard_sla_goals_per_zone(data, market, zone, hours, lang):
    answer = respond(data, {"market": market, "contract": "standard-sla", "zone": zone}, lang)["answer"]
    assert answer["response"]["kind"] == "goal"
    assert answer["response"]["hours"] == hours
    assert str(hours) in answer["response"]["text"]
    assert ("Goal" if lang == "en" else "Objectif") in answer["response"]["text"]


@pytest.mark.parametrize("guarantee", ["4", "8"])
@pytest.mark.parametrize(("zone", "covered"), [("1", True), ("metro", True), ("urbaine", True), ("3", False)])
def test_performance_sla_is_guaranteed_in_zones_one_and_two_only(data, guarantee, zone, covered):
    params = {"market": "ca", "contract": "performance-sla", "guarantee": guarantee, "zone": zone}
    response = respond(data, params, "en")["answer"]["response"]
    if covered:
        assert (response["kind"], response["hours"]) == ("guarantee", int(guarantee))
        assert response["text"].startswith("Guaranteed")
    else:
        assert (response["kind"], response["times"]) == ("outside-zones", [])
        assert response["text"].startswith("A site in zone 3 (Rural) is outside the zones where the Performance SLA")


@pytest.mark.parametrize(
    ("km", "zone"),
    [("0", "1"), ("40", "1"), ("40.5", "2"), ("41", "2"), ("80", "2"), ("81", "3"), ("240", "3"), ("241", None)],
)
def test_canadian_distance_bands_at_their_edges(data, km, zone):
    answer = respond(data, {"market": "ca", "contract": "standard-sla", "km": km}, "fr")["answer"]
    if zone is None:
        assert answer["zone"]["id"] is None
        assert answer["response"]["kind"] == "unpublished"
        assert "240\u00a0km" in answer["zone"]["text"]
    else:
        assert answer["zone"]["id"] == zone
        assert answer["response"]["hours"] == {"1": 8, "2": 12, "3": 24}[zone]


def test_a_distance_in_the_united_states_says_it_is_not_published(data):
    response = respond(data, {"market": "us", "contract": "standard-sla", "km": "30"}, "en")
    assert response["errors"] == {"km": "Zone distances are not published in the United States: choose a zone instead."}


@pytest.mark.parametrize(("market", "sold"), [("us", True), ("ca", False)])
@pytest.mark.parametrize("contract", ["sma-tier-2", "premier-support"])
def test_tier_two_and_premier_are_sold_in_the_united_states_only(data, market, sold, contract):
    answer = respond(data, {"market": market, "contract": contract}, "fr")["answer"]
    assert answer["sold"] is sold
    assert answer["coverage"] == [] if not sold else answer["coverage"]
    if not sold:
        article = data["offerings"][contract]["in_sentence"]["fr"]
        assert answer["status"][0] == f"{article[0].upper()}{article[1:]} n'est pas offert au Canada."


def test_no_contract_is_best_effort_time_and_materials(data):
    answer = respond(data, {"market": "us", "contract": "none", "zone": "1"}, "en")["answer"]
    assert answer["response"]["kind"] == "best-effort"
    assert "best effort" in answer["response"]["text"]
    assert "time (labor) and materials (parts)" in answer["response"]["text"]
    fr = respond(data, {"market": "ca", "contract": "none", "zone": "1"}, "fr")["answer"]["response"]["text"]
    assert "le temps (main-d'œuvre) et les matériaux (pièces)" in fr


@pytest.mark.parametrize(
    ("market", "lang", "expected"),
    [
        ("us", "en", "replacement unit to resolve"),
        ("ca", "fr", "appareil de remplacement pendant la nuit"),
        ("ca", "en", "replacement unit overnight"),
        ("us", "fr", "appareil de remplacement pour résoudre"),
    ],
)
def test_service_by_replacement_per_market(data, market, lang, expected):
    assert expected in data["markets"][market]["replacement"][lang]


def test_chat_differs_per_market(data):
    us = respond(data, {"market": "us", "contract": "none"}, "en")["answer"]["contacts"]["chat"]
    ca = respond(data, {"market": "ca", "contract": "none"}, "fr")["answer"]["contacts"]["chat"]
    assert "chatbot service" in us["chatbot"] and "select products" in us["live"]
    assert ca["chatbot"] == "" and "Le clavardage en direct est offert du lundi" in ca["live"]
    assert "30 seconds" in us["goal"] and "30\u00a0secondes" in ca["goal"]


def test_case_callback_differs_per_market(data):
    assert "within 60 seconds" not in data["markets"]["us"]["case_callback"]["en"]
    assert "dans les 60\u00a0secondes" in data["markets"]["ca"]["case_callback"]["fr"]


def test_hours_and_goals_in_both_languages(data):
    en = respond(data, {"market": "us", "contract": "none"}, "en")["answer"]["contacts"]
    fr = respond(data, {"market": "us", "contract": "none"}, "fr")["answer"]["contacts"]
    assert "Monday to Friday, 8 AM to 8 PM ET" in en["hours"]
    assert "du lundi au vendredi, de 8\u00a0h à 20\u00a0h HE" in fr["hours"]
    assert "60 seconds" in en["phone"]["goal"] and "60\u00a0secondes" in fr["phone"]["goal"]
    assert "24 hours a day" in en["voice"] and "24\u00a0heures par jour" in fr["voice"]


def test_preventive_maintenance_extras_apply_to_the_united_states_only(data):
    items = data["benefits"]["standard-sla"]
    extra = next(item for item in items if "beyond" in item["text"]["en"] and "billed" in item["text"]["en"])
    assert extra["markets"] == ["us"]
    assert "2 per calendar year" in extra["text"]["en"].replace("{pm_calls}", str(data["preventive_maintenance_calls"]))


def test_mail_seminar_benefit_is_canadian(data):
    seminar = next(item for item in data["benefits"]["performance-sla"] if "séminaire" in item["text"]["fr"].casefold())
    assert seminar["markets"] == ["ca"]


def test_escalation_steps_in_both_languages(data):
    assert "Office of the President" in data["texts"]["escalation"]["en"]
    assert "Bureau du président" in data["texts"]["escalation"]["fr"]


def test_links_per_market(data):
    assert len(data["markets"]["us"]["links"]) == 3
    assert len(data["markets"]["ca"]["links"]) == 2
    for market in ("us", "ca"):
        page = PAGES[market].read_text(encoding="utf-8")
        assert all(link["url"] in page for link in data["markets"][market]["links"])


def test_a_zone_given_for_software_says_zones_are_for_hardware(data):
    answer = respond(data, {"market": "us", "contract": "sma-tier-2", "zone": "3"}, "fr")["answer"]
    assert (
        answer["status"][-1] == "Les zones s'appliquent seulement aux contrats de niveau de service pour l'équipement."
    )
    assert answer["response"]["kind"] == "average"
    hardware = respond(data, {"market": "us", "contract": "standard-sla", "zone": "3"}, "en")["answer"]
    assert hardware["status"] == ["Sold in the United States."]
