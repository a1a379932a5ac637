"""Every page of both editions in real headless Chromium: no console error, no request leaving the site,
the language switch lands on the counterpart, search stays in its language, tables fit a phone, print."""

from __future__ import annotations

import pytest

from tests.helpers import search
from tests.test_site_build import EDITIONS, pages


def test_every_page_loads_clean_and_only_from_the_site(page, data):
    for lang in ("en", "fr"):
        for path in pages(data):
            if path == "checker/":
                continue  # its own tests wait for the checker; here it would only race the runtime
            page.goto(f"/{EDITIONS[lang]}{path}")
            page.wait_for_load_state("networkidle")
    assert page.console_errors == []
    assert page.outside_requests == []


@pytest.mark.parametrize(
    ("start", "other", "expected"),
    [("/compare/", "fr", "/fr/compare/"), ("/fr/offerings/sma-tier-1/", "en", "/offerings/sma-tier-1/")],
)
def test_language_switch_lands_on_the_counterpart_page(page, start, other, expected):
    page.goto(start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{other}"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(expected)
    assert page.locator("html").get_attribute("lang") == other
    assert page.console_errors == []


def test_french_search_finds_french_pages_only(page, base_url):
    links = search(page, "/fr/", "entretien préventif")
    assert links, "no result"
    assert all(link.startswith(f"{base_url}/fr/") for link in links), links
    assert page.console_errors == []


def test_english_search_finds_english_pages_only(page, base_url):
    links = search(page, "/", "preventive maintenance")
    assert links
    assert not [link for link in links if link.startswith(f"{base_url}/fr/")], links


def test_compare_tables_fit_a_phone_without_page_wide_scroll(page):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/compare/", "/fr/compare/", "/fr/onsite-support/", "/offerings/performance-sla/"):
        page.goto(path)
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], (path, width)


def test_linked_market_tabs_switch_together(page):
    page.goto("/compare/")
    page.get_by_text("Canada", exact=True).first.click()
    assert page.locator('table.st-coverage[data-market="ca"]').is_visible()
    assert not page.locator('table.st-coverage[data-market="us"]').is_visible()


def test_print_shows_every_table_whole_without_navigation(page):
    page.goto("/fr/compare/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    for market in ("us", "ca"):
        table = page.locator(f'table.st-coverage[data-market="{market}"]')
        assert table.is_visible()
        assert table.locator("tbody tr").count() == {"us": 15, "ca": 16}[market]
    wrapper = page.locator(".st-table-wrap").first
    assert wrapper.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert page.pdf()[:4] == b"%PDF"
