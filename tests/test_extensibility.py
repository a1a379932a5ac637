"""A third market and a new offering, added in the source alone, appear everywhere: no code changes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import coverage_data
from checker.service import respond
from coverage_data.yaml_lines import dump, parse
from tests.conftest import BUILD_DAY
from tests.helpers import RUNTIME_WAIT, write_source
from tests.site_build import mkdocs_build, serve

NEW_MARKET, NEW_OFFERING = "mx", "field-plus"


def extended_source() -> dict:
    """The real source, plus Mexico and a new hardware offering sold in Canada and Mexico."""
    source, _, problems = parse(coverage_data.SOURCE, "coverage.yml")  # keys as written: ON stays ON
    assert problems == []
    source["markets"][NEW_MARKET] = {
        **source["markets"]["ca"],
        "name": {"en": "Mexico", "fr": "Mexique"},
        "where": {"en": "in Mexico", "fr": "au Mexique"},
        "holidays_country": "MX",
        "regions": {},
        "phones": [{"label": {"en": "Support", "fr": "Soutien"}, "number": "800 000 1234"}],
        "support_url": "https://www.example.com/mx/support.html",
    }
    source["holidays"]["markets"][NEW_MARKET] = {
        "counts": "statutory",
        "about": {"en": "The national statutory holidays.", "fr": "Les jours fériés nationaux."},
        "counted": {"en": "Holidays counted: the national ones.", "fr": "Jours fériés comptés : les jours nationaux."},
        "days": [
            {"holiday": name, "name": {"en": name, "fr": fr}}
            for name, fr in {
                "New Year's Day": "Jour de l'An",
                "Constitution Day": "Jour de la Constitution",
                "Benito Juárez's birthday": "Anniversaire de Benito Juárez",
                "Labor Day": "Fête du Travail",
                "Independence Day": "Jour de l'Indépendance",
                "Revolution Day": "Jour de la Révolution",
                "Change of Federal Government": "Changement de gouvernement fédéral",
                "Christmas Day": "Noël",
            }.items()
        ],
    }
    for zone, km in {"1": 25, "2": 60, "3": 200}.items():
        source["zones"][zone]["max_km"][NEW_MARKET] = km
    source["offerings"]["standard-sla"]["markets"].append(NEW_MARKET)
    source["offerings"][NEW_OFFERING] = {
        "family": "hardware",
        "markets": ["ca", NEW_MARKET],
        "name": {"en": "Field Plus", "fr": "Terrain Plus"},
        "in_sentence": {"en": "Field Plus", "fr": "le contrat Terrain Plus"},
        "long_name": {"en": "Field Plus Agreement", "fr": "Contrat Terrain Plus"},
        "summary": {
            "en": "A technician within 6 business hours in every zone.",
            "fr": "Un technicien en 6 heures ouvrables dans toutes les zones.",
        },
        "response": {"basis": "zone", "promise": "goal", "business_hours": True, "hours": {"1": 6, "2": 6, "3": 6}},
    }
    for row in source["attributes"]:
        row["marks"][NEW_OFFERING] = "included" if row["id"] in ("self-help", "onsite-support") else "add-on"
    source["benefits"][NEW_OFFERING] = [
        {"title": {"en": "Speed", "fr": "Rapidité"}, "text": {"en": "Six hours.", "fr": "Six heures."}}
    ]
    return source


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extended")
    source = write_source(folder, dump(extended_source()))
    result = mkdocs_build(folder / "site", source)
    assert result.returncode == 0, result.stderr
    return source, folder / "site"


def read(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_checker_answers_for_the_new_market_and_offering(extended):
    data = coverage_data.load(extended[0], today=BUILD_DAY)
    answer = respond(
        data, {"market": NEW_MARKET, "contract": NEW_OFFERING, "km": "20", "dispatched": "2026-09-15T16:00"}, "fr"
    )["answer"]
    assert answer["title"] == "Terrain Plus — Mexique"
    assert answer["response"]["hours"] == 6
    assert answer["deadline"]["holidays"] == [
        {"date": "2026-09-16", "text": "mercredi 16 septembre 2026 — Jour de l'Indépendance"}
    ]
    assert respond(data, {"market": "us", "contract": NEW_OFFERING}, "en")["answer"]["status"] == [
        "Field Plus is not sold in the United States."
    ]


def test_every_table_and_page_shows_them(extended):
    _, site = extended
    for edition, lang in (("", "en"), ("fr/", "fr")):
        compare = read(site, f"{edition}compare")
        assert {t["data-market"] for t in compare.select("table.st-coverage")} == {"us", "ca", NEW_MARKET}
        for table in compare.select("table.st-coverage"):
            assert table.select_one(f'th[data-offering="{NEW_OFFERING}"]') is not None
            assert len(table.select(f'td[data-offering="{NEW_OFFERING}"]')) == len(table.select("tbody tr"))
        zones = read(site, f"{edition}onsite-support").select_one("table.st-zones")
        assert [td.get_text() for td in zones.select(f'td[data-offering="{NEW_OFFERING}"]')] == [
            {"en": "6 business hours", "fr": "6\u00a0heures ouvrables"}[lang]
        ] * 3
        assert (
            zones.select_one(f'td[data-market="{NEW_MARKET}"]').get_text()
            == {"en": "up to 25 km", "fr": "jusqu'à 25\u00a0km"}[lang]
        )
        page = read(site, f"{edition}offerings/{NEW_OFFERING}")
        assert page.h1.contents[0].strip() == {"en": "Field Plus", "fr": "Terrain Plus"}[lang]
        assert page.select_one(f'nav a[href$="offerings/{NEW_OFFERING}/"]') is not None
        home = read(site, edition)
        assert [a.get_text() for a in home.select(f'[data-market="{NEW_MARKET}"] a.st-phone')] == [
            "800\u00a0000\u00a01234"
        ]
        form = read(site, f"{edition}checker").select_one("#st-checker-form")
        assert form.select_one(f'#st-field-market option[value="{NEW_MARKET}"]') is not None
        assert form.select_one(f'#st-field-contract option[value="{NEW_OFFERING}"]') is not None


def test_the_browser_checker_answers_for_them(extended, browser):
    _, site = extended
    with serve(site) as url:
        page = browser.new_page()
        page.goto(f"{url}/checker/?market={NEW_MARKET}&contract={NEW_OFFERING}&zone=2")
        page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
        assert page.locator("#st-answer-title").inner_text() == "Field Plus — Mexico"
        assert (
            page.locator(".st-response").inner_text()
            == "Goal: a technician on site within 6 business hours of the point of dispatch."
        )
        page.close()
