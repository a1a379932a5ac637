"""The site under its Content-Security-Policy, and hostile input through share links and the form."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from hooks import headers
from tests.site_build import serve

RUNTIME_WAIT = 60_000
HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "&lt;b&gt;bold&lt;/b&gt; &amp;",
    "x" * 5000,
    "zoné ⚡ مرحبا 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "javascript:window.__pwned=1",
]


def test_the_checker_works_under_the_sites_content_security_policy(browser, site):
    rules = headers.read(site)
    policy = headers.for_path(rules, "/checker/")["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" in policy and "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert "default-src 'self'" in policy and "worker-src 'self'" in policy
    with serve(site, rules) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto("/checker/?market=ca&contract=standard-sla&zone=2&dispatched=2026-11-20T15:00")
        page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
        assert page.locator(".st-deadline").get_attribute("data-at") == "2026-11-24T09:00"
        for path in ("/", "/fr/compare/", "/offerings/performance-sla/"):
            page.goto(path)
            page.wait_for_load_state("networkidle")
        context.close()
    assert errors == []


def assert_nothing_ran_or_was_inserted(page):
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#st-answer img, #st-answer script, .st-field-error img, .st-field-error script").count() == 0


@pytest.mark.parametrize("value", HOSTILE, ids=["script", "attribute", "entities", "long", "unicode", "javascript-url"])
def test_hostile_values_in_every_field_of_a_share_link_are_shown_as_text(page, value):
    """Every field at once (each is checked on its own): nothing runs, nothing becomes markup, and each
    field says what was wrong, with the value shown as text (cut short when long)."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fields = ["market", "contract", "zone", "km", "dispatched", "region", "compare"]
    page.goto("/fr/checker/?" + urlencode(dict.fromkeys(fields, value)))
    page.wait_for_selector('#st-answer[data-state="error"]', timeout=RUNTIME_WAIT)
    assert_nothing_ran_or_was_inserted(page)
    for field in ("market", "contract", "zone", "km", "dispatched", "compare"):
        shown = page.locator(f"#st-error-{field}").inner_text()
        assert (value[:40] if len(value) <= 40 else value[:40] + "…") in shown, (field, shown)
        assert len(shown) < 400
    assert dialogs == []
    assert page.console_errors == []


def test_hostile_values_typed_into_the_form(page):
    page.goto("/checker/?market=ca&contract=standard-sla")
    page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
    page.get_by_label("Distance from the regional base (km)").fill('<img src=x onerror="window.__pwned=1">')
    page.get_by_role("button", name="Show coverage").click()
    page.wait_for_selector('#st-answer[data-state="error"]', timeout=RUNTIME_WAIT)
    assert (
        page.locator("#st-error-km").inner_text()
        == '“<img src=x onerror="window.__pwned=1">” is not a distance: give a number of kilometres, 0 or more.'
    )
    assert_nothing_ran_or_was_inserted(page)
    page.get_by_label("Distance from the regional base (km)").fill("12")
    page.get_by_role("button", name="Show coverage").click()
    page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
    assert page.console_errors == []
