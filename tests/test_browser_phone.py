"""What a client found trying the site on a phone (390 px, touch) and with the keyboard, in real
headless Chromium on the built site: the form says what it asks, an error is said once, the keyboard is
visible, a printed answer says where it is from, and a comparison comes first when it was asked."""

from __future__ import annotations

import pytest

from tests.helpers import answered
from tests.test_browser_answer_first import PHONE, WORD_BREAKS


@pytest.fixture
def phone(open_page):
    return open_page(PHONE)


def test_a_performance_link_without_its_guarantee_answers_both_and_the_form_asks_for_one(phone):
    """The form showed '4 hours' chosen while the answer said to choose a guarantee; now the answer gives
    both guarantees and says the contract sets which (issue 18 §2), and the form shows none chosen."""
    phone.goto("/checker/?market=us&contract=performance-sla&zone=2")
    assert answered(phone) == "ready"
    guarantee = phone.locator("#st-field-guarantee")
    assert guarantee.input_value() == ""
    assert guarantee.locator("option:checked").inner_text() == "Choose a guarantee"
    assert "Which of the two applies is set by your contract." in phone.locator(".st-response").inner_text()
    assert phone.errors == []


def test_an_error_is_said_once_and_offers_nothing_to_share(phone):
    phone.goto("/checker/?market=ca&contract=standard-sla&km=abc")
    assert answered(phone) == "error"
    # Said once in the answer area and once under its field, not a third time in a list.
    message = phone.locator("#st-error-km").inner_text()
    assert message and phone.locator("#st-answer-summary").inner_text() == message
    assert phone.locator("#st-answer-body").inner_text().strip() == ""
    assert phone.locator("#st-answer-next").inner_text().strip() == ""
    # An error is nothing to share or print; changing the question is.
    assert not phone.locator("#st-copy-link").is_visible()
    assert not phone.locator("#st-print").is_visible()
    assert phone.locator("#st-change").is_visible()
    assert phone.errors == []


def test_the_next_step_is_on_the_first_screen_with_its_number_to_call(phone):
    """Issue 18 §2: every answer ends with its next step on the first screen: call (the line for the
    contract's family, a button), create a case, and ask the sales representative where the zone is open."""
    phone.goto("/checker/?market=us&contract=standard-sla")
    assert answered(phone) == "ready"
    step = phone.locator("#st-answer-next")
    box = step.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["viewport"]["height"]
    call = step.get_by_role("link", name="Hardware Support: 844 256 6444")
    assert call.get_attribute("href") == "tel:+18442566444"
    assert "To learn your zone, contact your local Pitney Bowes Sales Representative." in step.inner_text()
    assert phone.errors == []


def test_a_distance_is_asked_only_of_a_market_that_publishes_distances(phone):
    phone.goto("/checker/?market=us&contract=standard-sla&zone=1")
    assert answered(phone) == "ready"
    distance = phone.locator("#st-field-km")
    assert not distance.is_visible()
    phone.select_option("#st-field-market", "ca")
    assert distance.is_visible()


@pytest.mark.parametrize("field", ["km", "dispatched", "zone"])
def test_a_form_field_shows_where_the_keyboard_is(phone, field):
    phone.goto("/fr/checker/?market=ca&contract=standard-sla&zone=2")
    assert answered(phone) == "ready"
    element = phone.locator(f"#st-field-{field}")
    element.scroll_into_view_if_needed()
    # Reach the field with the keyboard, as a keyboard user does: Shift+Tab from the next field.
    element.focus()
    phone.keyboard.press("Tab")
    phone.keyboard.press("Shift+Tab")
    style = element.evaluate("e => [document.activeElement === e, getComputedStyle(e).outlineStyle]")
    assert style == [True, "solid"]


def test_a_printed_answer_names_the_site_and_its_link(phone):
    phone.goto("/fr/checker/?market=ca&contract=standard-sla&zone=2")
    assert answered(phone) == "ready"
    source = phone.locator(".st-print-only")
    assert not source.is_visible()
    phone.emulate_media(media="print")
    assert source.is_visible()
    assert source.inner_text().splitlines()[0] == f"Service de soutien à la clientèle Pitney Bowes — {phone.url}"


def test_a_comparison_asked_for_comes_before_the_whole_coverage_list(phone):
    phone.goto("/fr/checker/?market=ca&contract=standard-sla&zone=1&compare=performance-sla")
    assert answered(phone) == "ready"
    headings = phone.locator("#st-answer-body h4").all_inner_texts()
    assert headings.index("Comparaison avec le CNS de performance") < headings.index("Couverture")


@pytest.mark.parametrize("path", ["/onsite-support/", "/fr/onsite-support/"])
def test_no_header_of_the_zone_table_breaks_inside_a_word_at_360_px(open_page, path):
    page = open_page({"viewport": {"width": 360, "height": 740}, "is_mobile": True})
    page.goto(path)
    # A compound may break at its hyphen (États-|Unis), as French typesetting allows; never inside a word.
    words_of_the_zone_table = WORD_BREAKS.replace("table.st-coverage", "table.st-zones").replace("\\S+", "[^\\s-]+")
    assert page.evaluate(words_of_the_zone_table) == []


@pytest.mark.parametrize("path", ["/fr/checker/?market=us&contract=none", "/checker/?market=us&contract=sma-tier-1"])
def test_a_long_line_name_wraps_inside_its_call_button_on_a_small_phone(open_page, path):
    """A phone reviewer found the software line's button past the screen's edge (the page 580 px wide at
    360 px): its label wraps inside the button, the number never breaks, and nothing scrolls sideways."""
    page = open_page({"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True})
    page.goto(path)
    assert answered(page) == "ready"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for box in page.locator("#st-answer-next a[href^='tel:']").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().toJSON())"
    ):
        assert box["left"] >= 0 and box["right"] <= 360, box
    numbers = page.locator("#st-answer-next a[href^='tel:']").all_inner_texts()
    assert any("800\u00a0888\u00a00286" in number for number in numbers)
    assert page.errors == []
