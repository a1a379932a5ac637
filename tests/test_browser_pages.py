"""The pages in a visitor's hand (issue 20 §2–4), in real headless Chromium on the built site, on two
phones (390×844, 360×740) and a desk (1280×900): the home page leads to the checker from its first
screen, every target a thumb needs is at least 44×44 CSS px, the zone table fits a small phone, marks
that do not apply look it, a printed answer fits a page and says the day of its terms, and a lost link
finds a 404 page in its edition's language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.helpers import answered

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DEVICES = pytest.mark.parametrize("device", [PHONE, SMALL_PHONE, DESKTOP], ids=["phone", "small-phone", "desktop"])
EDITIONS = {"en": "/", "fr": "/fr/"}
TARGET = 44  # CSS px, WCAG 2.5.5


def boxes(page, selector: str) -> list[dict]:
    """The text and box of every element matching `selector` that is laid out on the page."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(element => element.getClientRects().length)
            .map(element => {
              const box = element.getBoundingClientRect();
              return { text: element.textContent.trim(), width: box.width, height: box.height, top: box.top,
                       bottom: box.bottom, right: box.right };
            })""",
        selector,
    )


@DEVICES
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_home_page_leads_to_the_checker_from_its_first_screen(open_page, data, device, lang):
    page = open_page(device)
    page.goto(EDITIONS[lang])
    (link,) = boxes(page, ".st-cta a")
    assert link["text"] == data["ui"]["arrival_question"][lang]
    assert link["top"] >= 0 and link["bottom"] <= device["viewport"]["height"]
    assert link["width"] >= TARGET and link["height"] >= TARGET
    assert follow(page, page.locator(".st-cta a")) == f"{EDITIONS[lang]}checker/"
    assert page.errors == []


def follow(page, link) -> str:
    """Go where `link` leads (as a click does, without racing a page still settling under load); the
    path it lands on, answered with a 200."""
    target = link.evaluate("a => a.href")
    assert page.goto(target).status == 200
    return urlsplit(page.url).path


# Per page, the targets a thumb needs there: support numbers, the home page's contact links and market
# tabs, the header's buttons; on an answered checker page, the answer's links and the form.
HEADER = ".md-header__button.md-icon"
TARGETS = {
    "/": [".st-cta a", ".st-phones a", ".tabbed-labels > label", HEADER],
    "/fr/": [".st-cta a", ".st-phones a", ".tabbed-labels > label", HEADER],
    "/fr/remote-support/": ['a[href^="tel:"]', ".tabbed-labels > label"],
    "/fr/no-such-page/": [".st-not-found a", HEADER],
    "/checker/?market=us&contract=standard-sla&zone=2": [
        '#st-answer a[href^="tel:"]',
        "#st-answer-body a",
        "#st-answer .md-button",
        ".st-field select",
        ".st-field input",
        "#st-checker-form button",
    ],
}


@DEVICES
@pytest.mark.parametrize("path", list(TARGETS))
def test_every_target_a_thumb_needs_is_44_px_or_more(open_page, device, path):
    page = open_page(device)
    page.goto(path)
    if "/checker/" in path:
        assert answered(page) == "ready"
    small = []
    for selector in TARGETS[path]:
        found = boxes(page, selector)
        assert found, f"nothing laid out matches {selector}"
        small += [(selector, b["text"][:30], round(b["width"]), round(b["height"])) for b in found]
    assert [target for target in small if min(target[2:]) < TARGET] == []


def test_support_numbers_are_call_buttons(open_page, data):
    page = open_page(PHONE)
    page.goto("/fr/")
    page.get_by_text("Canada", exact=True).first.click()
    number = page.locator('.st-phones[data-market="ca"] a[href^="tel:"]')
    assert number.get_attribute("href") == "tel:+18006726937"
    style = number.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.textDecorationLine] }")
    assert style == ["solid", "none"]  # framed as a button, not an underlined word


@pytest.mark.parametrize("path", ["/onsite-support/", "/fr/onsite-support/"])
def test_the_zone_table_shows_every_column_at_360_px(open_page, path):
    """The same table is the checker page's answer without its script (hooks/templates/zones.html)."""
    page = open_page(SMALL_PHONE)
    page.goto(path)
    region = page.locator(".st-table-wrap:has(table.st-zones)")
    scroll = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll[0] <= scroll[1], "the zone table needs a sideways swipe"
    assert max(b["right"] for b in boxes(page, "table.st-zones th, table.st-zones td")) <= 360


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "Zone distances are not published in the United States."),
        ("fr", "Les distances des zones ne sont pas publiées aux États-Unis."),
    ],
)
def test_a_market_without_distances_is_said_once_not_in_every_row(page, lang, note):
    page.goto(f"{EDITIONS[lang]}onsite-support/")
    table = page.locator("table.st-zones")
    assert table.locator('[data-market="us"]').count() == 0
    assert table.locator('td[data-market="ca"]').count() == 3
    assert page.locator(".st-table-note").all_inner_texts() == [note]


def test_marks_under_an_offering_the_market_does_not_sell_look_as_not_applying(open_page):
    page = open_page(DESKTOP)
    page.goto("/fr/compare/")
    page.get_by_text("Canada", exact=True).first.click()
    style = """cell => { const s = getComputedStyle(cell); return [s.color, s.backgroundImage !== 'none'] }"""
    canada = page.locator('table.st-coverage[data-market="ca"]')
    sold = canada.locator('tr[data-row="self-help"] td[data-offering="sma-tier-1"]').evaluate(style)
    for oid in ("sma-tier-2", "premier-support"):
        cell = canada.locator(f'tr[data-row="self-help"] td[data-offering="{oid}"]')
        assert cell.locator('[aria-hidden="true"]').inner_text() == "✓"  # as the Canadian page publishes it
        muted, hatched = cell.evaluate(style)
        assert hatched and muted != sold[0]
    assert sold[1] is False
    # Both offerings are sold in the United States: nothing there is shown as not applying.
    page.get_by_text("États-Unis", exact=True).first.click()
    assert page.locator('table.st-coverage[data-market="us"] .st-not-sold').count() == 0


def pages_printed(page, paper: str) -> int:
    """The printed answer (as its print button prints it) on `paper`, in pages."""
    page.evaluate("document.body.classList.add('st-print-answer')")  # what the print button sets
    pdf = page.pdf(format=paper)
    page.evaluate("document.body.classList.remove('st-print-answer')")
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize(
    "path",
    [
        "/checker/?market=us&contract=standard-sla&zone=2",
        "/fr/checker/?market=ca&contract=performance-sla&guarantee=4&zone=1&dispatched=2026-12-24T16:30&region=QC",
        "/checker/?market=us&contract=sma-tier-2&dispatched=2026-12-24T16:30&region=NY&compare=premier-support",
    ],
)
def test_a_printed_answer_fits_one_page(open_page, path):
    page = open_page(DESKTOP)
    page.goto(path)
    assert answered(page) == "ready"
    assert {paper: pages_printed(page, paper) for paper in ("Letter", "A4")} == {"Letter": 1, "A4": 1}


@pytest.mark.parametrize(
    ("lang", "terms"),
    [("en", "Terms as of Sunday, November 22, 2026"), ("fr", "Modalités en date du dimanche 22 novembre 2026")],
)
def test_a_printed_answer_says_the_day_of_its_terms(open_page, lang, terms):
    """The build's day (COVERAGE_BUILD_DAY, 2026-11-22 in the tests): the last day the site knows its terms."""
    page = open_page(PHONE)
    page.goto(f"{EDITIONS[lang]}checker/?market=ca&contract=standard-sla&zone=2")
    assert answered(page) == "ready"
    line = page.locator(".st-terms-as-of")
    assert not line.is_visible()
    page.emulate_media(media="print")
    assert line.inner_text() == terms


LOST = {"en": ["/no-such-page/", "/offerings/gold/"], "fr": ["/fr/no-such-page/", "/fr/offerings/or/"]}
NOT_FOUND = {"en": "Page not found", "fr": "Page introuvable"}
OTHER = {"en": "fr", "fr": "en"}


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_lost_link_finds_its_editions_404_page(open_page, data, device, lang):
    page = open_page(device)
    failed = []  # what the page asks for and does not get (the lost address itself aside)
    page.on("response", lambda r: r.status >= 400 and not r.request.is_navigation_request() and failed.append(r.url))
    for path in LOST[lang]:
        response = page.goto(path)
        assert response.status == 404
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").inner_text() == NOT_FOUND[lang]
        assert page.title().startswith(NOT_FOUND[lang])
    # Its own navigation: the edition's pages, in its language.
    remote = {"en": "Remote support", "fr": "Soutien à distance"}[lang]
    assert page.locator(f'nav.md-nav--primary a[href="{EDITIONS[lang]}remote-support/"]').first.inner_text() == remote
    # Its language switch, opened as a visitor opens it, leads to the other edition's home.
    other = OTHER[lang]
    switch = page.locator(f'a.md-select__link[hreflang="{other}"]')
    assert switch.get_attribute("href") == EDITIONS[other]
    if device is DESKTOP:
        page.locator(".md-header__option .md-select").hover()
    else:
        page.locator(".md-header__option .md-select button").click()
    switch.wait_for(state="visible")
    # Its links lead on, whatever the address it is served at.
    checker = page.get_by_role("link", name=data["ui"]["arrival_question"][lang])
    assert follow(page, checker) == f"{EDITIONS[lang]}checker/"
    page.goto(LOST[lang][-1])
    assert follow(page, page.locator(f'a.md-select__link[hreflang="{other}"]')) == EDITIONS[other]
    assert page.locator("html").get_attribute("lang") == other
    assert failed == []
    # The console's only complaint is the lost address's own status.
    assert set(page.errors) <= {"Failed to load resource: the server responded with a status of 404 (Not Found)"}
