"""A guarantee and an average written per market (issue 19 §4), through a real build and the browser:
the form offers the chosen market's guarantees, a link is read by its market's, and the build's answers
and pages are each market's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import answered, edited_source
from tests.site_build import mkdocs_build, serve
from tests.test_per_market import DAYS, OPTIONS, SMA_TIER_2_MARKETS


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site built from a source whose guarantees and SMA Tier 2's average (sold in Canada too) differ
    by market."""
    folder = tmp_path_factory.mktemp("per-market")
    source = edited_source(
        folder,
        (OPTIONS, "options: {us: [4, 8], ca: [8]}"),
        (SMA_TIER_2_MARKETS, SMA_TIER_2_MARKETS.replace("[us]", "[us, ca]")),
        (DAYS, "business_days: {us: 1, ca: 2}"),
    )
    result = mkdocs_build(folder / "site", source)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def read(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def built_answer(site: Path, lang: str, name: str) -> dict:
    return json.loads((site / "assets/checker/answers" / lang / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("edition", "lang"), [("", "en"), ("fr/", "fr")])
def test_the_form_the_link_reading_and_the_prebuilt_answers_are_each_markets(site, edition, lang):
    checker = read(site, f"{edition}checker")
    field = checker.select_one("#st-field-guarantee").find_parent(class_="st-field")
    assert field["data-for-choice"] == "us:performance-sla ca:performance-sla"
    options = {option["value"]: option.get("data-for-choice") for option in field.select("option")}
    assert options == {"": None, "4": "us:performance-sla", "8": "us:performance-sla ca:performance-sla"}
    config = json.loads(checker.select_one("#st-checker-config").string)
    assert config["reading"]["guarantee"]["ca"] == {"performance-sla": {"8": "8", "08": "8", "008": "8"}}
    assert set(config["reading"]["guarantee"]["us"]["performance-sla"].values()) == {"4", "8"}
    assert set(config["files"]["ca"]["performance-sla"]) == {"", "8"}
    assert set(config["files"]["us"]["performance-sla"]) == {"", "4", "8"}
    assert not (site / "assets/checker/answers" / lang / "ca.performance-sla.4.1.json").exists()
    ca = built_answer(site, lang, "ca.performance-sla.8.1")["answer"]["response"]
    assert [time["hours"] for time in ca["times"]] == [8]
    us = built_answer(site, lang, "us.performance-sla.-.1")["answer"]["response"]
    assert [time["hours"] for time in us["times"]] == [4, 8]
    days = {m: built_answer(site, lang, f"{m}.sma-tier-2.-.-")["answer"]["response"]["text"] for m in ("us", "ca")}
    assert "2" not in days["us"] and {"en": "within 2 business days", "fr": "moins de 2\u00a0jours"}[lang] in days["ca"]


def test_the_pages_say_each_markets_guarantees_and_average(site):
    performance = read(site, "offerings/performance-sla").select(".st-response p")
    assert [p.get_text().split(":")[0] for p in performance] == ["United States", "Canada"]
    assert "within 4 or 8 business hours" in performance[0].get_text()
    assert "within 8 business hours" in performance[1].get_text()
    average = read(site, "fr/offerings/sma-tier-2").select(".st-response p")
    assert [p.get_text().split("\u00a0:")[0] for p in average] == ["États-Unis", "Canada"]
    assert "moins de 2\u00a0jours ouvrables" in average[1].get_text()
    cell = read(site, "onsite-support").select_one('table.st-zones td[data-offering="performance-sla"]')
    assert cell.get_text() == "4 or 8 hours guaranteed in the United States and 8 hours guaranteed in Canada"


def test_the_form_offers_the_chosen_markets_guarantees_and_a_link_is_read_by_its_markets(site, browser):
    with serve(site) as url:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}/checker/?market=us&contract=performance-sla&guarantee=4&zone=1")
        assert answered(page) == "ready"
        assert page.locator("#st-answer").get_attribute("data-source") == "prebuilt"
        guarantee = page.get_by_label("Guarantee", exact=True)
        shown = "[...document.querySelectorAll('#st-field-guarantee option[value]:not([value=\"\"])')].filter((o) => !o.hidden && !o.disabled).map((o) => o.value)"
        assert page.evaluate(shown) == ["4", "8"] and guarantee.input_value() == "4"
        page.get_by_label("Market").select_option("ca")
        assert page.evaluate(shown) == ["8"] and guarantee.input_value() == ""  # 4 is no choice in Canada
        reads = "(params) => window.stChecker.read(params)?.file ?? null"
        asked = {"market": "ca", "contract": "performance-sla", "zone": "1"}
        assert page.evaluate(reads, asked | {"guarantee": "08"}) == "ca.performance-sla.8.1.json"
        assert page.evaluate(reads, asked | {"guarantee": "4"}) is None  # the runtime refuses it, by query.py
        assert page.evaluate(reads, asked | {"market": "us", "guarantee": "4"}) == "us.performance-sla.4.1.json"
        assert errors == []
        page.close()
