"""Every sentence the checker writes is one the published terms support (issue: the words).

Each test names the rule of reading or the decision row (SOURCE-NOTES 1–20, WRITING.md 21 on) it holds to.
"""

from __future__ import annotations

import re

import pytest

import coverage_data
from checker.service import respond
from coverage_data import provenance
from coverage_data.typography import NBSP
from coverage_data.yaml_lines import parse
from tests.helpers import edit, write_source


def ask(data, lang="en", **params):
    response = respond(data, params, lang)
    assert response["ok"], response
    return response["answer"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_goal_gets_a_target_time_and_only_a_guarantee_a_latest_time(data, lang):
    """Row 6 and 27: the Standard SLA strives for a time; the Performance SLA guarantees one."""
    goal = ask(data, lang, market="ca", contract="standard-sla", zone="1", dispatched="2026-11-20T15:00")["deadline"]
    sure = ask(
        data, lang, market="ca", contract="performance-sla", guarantee="4", zone="1", dispatched="2026-11-20T15:00"
    )["deadline"]
    assert goal["title"] == {"en": "Target on-site arrival (goal)", "fr": "Arrivée sur place visée (objectif)"}[lang]
    assert (
        sure["title"]
        == {
            "en": "Latest on-site arrival (guaranteed)",
            "fr": "Arrivée sur place au plus tard (garantie)",
        }[lang]
    )
    assert "Latest" not in goal["title"] and "plus tard" not in goal["title"]


def test_no_page_says_a_technician_must_be_on_site(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "must be on site" not in text and "doit être sur place" not in text, page


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_beyond_the_published_zones_says_so_and_whom_to_call_and_invents_no_rule(data, lang):
    """Row 25: past 240 km the pages are silent; the contract's client is not a no-contract client."""
    answer = ask(data, lang, market="ca", contract="standard-sla", km="300")
    assert answer["response"]["kind"] == "unpublished"
    assert "1\u00a0800\u00a0672\u00a06937" in answer["response"]["text"]
    for words in ("best effort", "au mieux", "time and materials", "temps et les matériaux", "devis"):
        assert words not in answer["response"]["text"]


def test_premier_support_follows_the_table_not_an_invented_tier_rule(data):
    """Row 24: the US table marks On-Site Support included under Premier Support; no time is published."""
    answer = ask(data, "en", market="us", contract="premier-support")
    assert answer["response"]["kind"] == "included"
    # with the table's own qualifier (SOURCE-NOTES row 12: "* = at Pitney Bowes discretion", US page)
    assert answer["response"]["text"].startswith("On-Site Support (at Pitney Bowes discretion): included, Monday")
    assert "tier" not in answer["response"]["text"].lower()
    included = next(group for group in answer["coverage"] if group["mark"] == "included")
    assert "onsite-support" in [item["id"] for item in included["items"]]


@pytest.mark.parametrize("market", ["us", "ca"])
def test_no_contract_has_self_help_and_is_never_sold(data, market):
    """Row 26: self help "with or without a service contract"; nothing else is claimed."""
    answer = ask(data, "en", market=market, contract="none")
    assert answer["status"] == []
    assert [(group["mark"], [item["id"] for item in group["items"]]) for group in answer["coverage"]] == [
        ("included", ["self-help"])
    ]


def test_markets_are_not_merged(data):
    """Rows 8, 18, 20, 23 and 2: each market's page, as published."""
    us, ca = data["markets"]["us"], data["markets"]["ca"]
    assert "nearly every serialized piece of hardware" in us["hardware_offer"]["en"]
    assert "certains équipements sérialisés" in ca["hardware_offer"]["fr"]
    assert "nearly every serialized" not in ca["hardware_offer"]["en"]
    benefits = data["benefits"]["standard-sla"]

    def text(title: str, market: str, lang: str) -> str:
        return next(b for b in benefits if b["title"]["en"] == title and market in b["markets"])["text"][lang]

    assert "up to {pm_calls}" in text("Preventive maintenance", "us", "en")
    assert "up to" not in text("Preventive maintenance", "ca", "en")
    assert "except for excluded circumstances" in text("On-site repair (travel and labor)", "us", "en")
    assert "excluded" not in text("On-site repair (travel and labor)", "ca", "en")
    assert "contract terms" in text("Parts", "ca", "en") and "contract terms" not in text("Parts", "us", "en")
    chat = ask(data, "fr", market="ca", contract="none")["contacts"]["chat"]
    assert chat["chatbot"] == ""
    assert not any("conversationnel" in line for line in chat.values())


def test_a_misquote_and_a_fact_without_provenance_are_refused(tmp_path):
    broken = edit(
        provenance.PROVENANCE.read_text(encoding="utf-8"),
        (
            '"For a client in Rural area, with a Standard SLA contract, we will strive',
            '"For a client in Rural area, we guarantee',
        ),
        ("  texts.escalation:", "  texts.escalation_gone:"),
    )
    path = write_source(tmp_path, broken, name="provenance.yml")
    messages = [problem.message for problem in provenance.problems(path=path)]
    assert (
        "offerings.standard-sla.response: not word for word in the us page: 'For a client in Rural area, we guarantee "
        "to have a service technician onsite within {hours.3} business hours'"
    ) in messages
    assert "texts.escalation: no provenance (quote a published page, or name a decision)" in messages
    assert "texts.escalation_gone: no such fact in the source" in messages


# ---- French as the Canadian page writes it


def test_offering_names_take_their_article_and_a_sentence_opens_with_a_capital(data):
    answer = ask(data, "fr", market="ca", contract="sma-tier-2")
    assert answer["status"] == ["Le CEL de niveau 2 n'est pas offert au Canada."]
    compare = ask(data, "fr", market="ca", contract="standard-sla", compare="performance-sla")["compare"]
    assert compare["gains_title"] == "Ce qu'ajoute le CNS de performance"


def test_typography_dates_and_numbers_in_french(data):
    answer = ask(data, "fr", market="ca", contract="standard-sla", km="40,5", dispatched="2026-12-31T16:00")
    assert (
        answer["zone"]["text"] == f"Une distance de 40,5{NBSP}km de la base régionale correspond à la zone 2 (urbaine)."
    )
    assert answer["response"]["text"].startswith(f"Objectif{NBSP}: un technicien sur place dans les 12{NBSP}heures")
    assert [h["text"] for h in answer["deadline"]["holidays"]] == ["vendredi 1er janvier 2027 — Jour de l'An"]
    assert answer["deadline"]["arrivals"][0]["text"].startswith(f"mardi 5 janvier 2027 à 10{NBSP}h")


def test_errors_list_choices_with_or_and_name_them_in_the_readers_language(data):
    errors = respond(data, {"market": "ca", "contract": "standard-sla", "zone": "9"}, "fr")["errors"]
    assert errors["zone"] == (
        f"Zone inconnue «{NBSP}9{NBSP}». Choisissez la zone 1 (métropolitaine), 2 (urbaine) ou 3 (rurale)."
    )
    errors = respond(data, {"market": "xx"}, "fr")["errors"]
    # Issue 18 §6: the names take their articles in a French sentence.
    assert errors["market"] == f"Marché inconnu «{NBSP}xx{NBSP}». Choisissez les États-Unis (us) ou le Canada (ca)."
    errors = respond(data, {"contract": "gold"}, "fr")["errors"]
    assert errors["contract"].startswith(
        f"Contrat inconnu «{NBSP}gold{NBSP}». Choisissez le CNS standard (standard-sla), le CNS"
    )
    assert errors["contract"].endswith(" ou l'absence de contrat (none).")


def test_no_zone_is_named_metro_in_french(data):
    assert [zone["name"]["fr"] for zone in data["zones"].values()] == ["métropolitaine", "urbaine", "rurale"]


def _holiday_names(market):
    source = parse(coverage_data.SOURCE, "coverage.yml")[0]["holidays"]
    return [day["name"] for day in source["markets"][market]["days"]]


def test_a_us_holiday_never_takes_a_canadian_holidays_french_name():
    canadian = {name["fr"] for name in _holiday_names("ca")}
    shared = {"Noël", "Jour de l'An", "Vendredi saint"}  # the same day and name in both countries
    for name in _holiday_names("us"):
        assert name["fr"] not in canadian - shared, name
    for name in [*_holiday_names("us"), *_holiday_names("ca")]:
        assert "(observé)" not in name["fr"] and "(observed)" not in name["en"]


# Words every holiday's name may hold, which tell no two holidays apart.
_GENERIC = {"jour", "journée", "fête", "national", "nationale", "anniversaire", "day"}


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w-]+", name.lower().replace("'", " ")) if len(w) > 3 and w not in _GENERIC}


def test_a_us_holiday_and_a_canadian_one_never_nearly_share_a_french_name():
    """Issue 18 §6: the US 'Jour des patriotes' beside Québec's 'Journée nationale des patriotes'. Where
    a US holiday's French name holds a Canadian one's words (Labor Day and la fête du Travail), it says
    that it is the American one."""
    shared = {"Noël", "Jour de l'An", "Vendredi saint"}
    for us in _holiday_names("us"):
        for ca in _holiday_names("ca"):
            if us["fr"] in shared:  # the same holiday, on the same day, in both countries
                continue
            ours, theirs = _words(us["fr"]), _words(ca["fr"])
            near = bool(ours and theirs) and (ours <= theirs or theirs <= ours)
            assert not near or re.search(r"\baméricaine?\b", us["fr"]), (us["fr"], ca["fr"])


def test_canadian_holidays_have_canadian_english_names(data):
    """ "Labour Day", not the library's US "Labor Day"; and an answer says so."""
    for name in _holiday_names("ca"):
        assert not re.search(r"\b(Labor|Honor|Center|Favor)\b", name["en"]), name
    answer = ask(data, "en", market="ca", contract="standard-sla", zone="1", dispatched="2026-09-04T16:00", region="ON")
    assert [h["text"] for h in answer["deadline"]["holidays"]] == ["Monday, September 7, 2026 — Labour Day"]


def test_phone_links_dial_from_anywhere(data):
    phones = ask(data, "en", market="ca", contract="none")["contacts"]["phones"]
    assert [phone["tel"] for phone in phones] == ["+18006726937"]
    us = ask(data, "en", market="us", contract="none")["contacts"]["phones"]
    assert [phone["tel"] for phone in us] == ["+18442566444", "+18008880286"]


@pytest.mark.parametrize(
    ("where", "label"),
    [
        ({"zone": "3"}, "Not for this site (zones 1 and 2 only)"),
        ({"km": "300"}, "Not published for a site at this distance"),
    ],
)
def test_outside_zones_1_and_2_nothing_on_site_is_included_for_the_site(data, where, label):
    """SOURCE-NOTES row 19, WRITING.md rows 33 and 37: outside the guarantee's zones (or beyond the last
    published zone) no row that happens at the site is 'included' for that site."""
    a = ask(data, market="ca", contract="performance-sla", guarantee="4", **where)
    groups = {group["mark"]: [item["id"] for item in group["items"]] for group in a["coverage"]}
    onsite = ["onsite-support", "guaranteed-response-onsite", "parts-and-labor"]
    assert not set(onsite) & set(groups["included"])
    assert groups["not-for-site"] == onsite
    assert a["coverage"][-1]["label"] == label
    inside = ask(data, market="ca", contract="performance-sla", guarantee="4", zone="1")
    assert set(onsite) <= {item["id"] for item in inside["coverage"][0]["items"]}


@pytest.mark.parametrize(
    ("contract", "other"), [("standard-sla", "performance-sla"), ("performance-sla", "standard-sla")]
)
def test_a_comparison_frames_the_guarantee_as_a_replacement_in_both_directions(data, contract, other):
    a = ask(data, "fr", market="us", contract=contract, guarantee="8", zone="1", compare=other)
    (replacement,) = a["compare"]["replaced"]
    lost, gained = (
        ("next-business-day-onsite", "guaranteed-response-onsite")
        if contract == "standard-sla"
        else ("guaranteed-response-onsite", "next-business-day-onsite")
    )
    assert (replacement["id"], replacement["replaces"]) == (gained, lost)
    assert f"{NBSP}: remplacé par le soutien sur place " in replacement["change"]  # issue 18 §6
    changed = {item["id"] for item in a["compare"]["gains"] + a["compare"]["losses"]}
    assert not changed & {lost, gained}


def test_the_answer_restates_the_question_and_its_summary_holds_the_arrival_time(data):
    a = ask(data, "fr", market="ca", contract="standard-sla", km="40.5", dispatched="2026-12-03T15:00", region="QC")
    assert [(q["label"], q["value"]) for q in a["question"]] == [
        ("Marché", "Canada"),
        ("Contrat", "CNS standard"),
        ("Distance de la base régionale (km)", f"40,5{NBSP}km"),
        ("Point d'envoi (date et heure locales du site)", f"jeudi 3 décembre 2026 à 15{NBSP}h"),
        ("Province ou territoire", "Québec (QC)"),
    ]
    assert a["summary"].startswith("CNS standard — Canada. Objectif")
    assert f"Arrivée sur place visée (objectif){NBSP}: {a['deadline']['arrivals'][0]['text']}" in a["summary"]


@pytest.mark.parametrize(("lang", "market"), [("en", "us"), ("fr", "ca")])
def test_each_edition_opens_on_its_pages_market(data, lang, market):
    """WRITING.md row 34: a question without a market is asked of the edition's own market."""
    assert ask(data, lang, contract="standard-sla")["market"]["id"] == market


def test_every_distance_falls_in_the_band_the_tables_print(data):
    """WRITING.md row 35 (issue 12): 40.5 km once fell between 'up to 40 km' and '41 to 80 km'."""
    from hooks.view import View

    view = View(data, "en")
    assert [view.zone_distance(zone, "ca") for zone in ("1", "2", "3")] == [
        "up to 40 km",
        "41 to 80 km",
        "81 to 240 km",
    ]
    for km, zone in [("40", "1"), ("40.4", "1"), ("40.5", "2"), ("41", "2"), ("80.49", "2"), ("80.5", "3")]:
        assert ask(data, market="ca", contract="standard-sla", km=km)["zone"]["id"] == zone, km
    assert ask(data, market="ca", contract="standard-sla", km="240.5")["response"]["kind"] == "unpublished"
