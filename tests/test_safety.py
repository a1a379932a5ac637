"""The site under its Content-Security-Policy, and hostile input through share links and the form."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlencode

import pytest

from hooks import headers
from tests.helpers import RUNTIME_WAIT, SOURCE_TEXT, edit, write_source
from tests.site_build import serve

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "&lt;b&gt;bold&lt;/b&gt; &amp;",
    "x" * 5000,
    "zoné ⚡ مرحبا 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "javascript:window.__pwned=1",
]


# The whole policy (README, "Content-Security-Policy"), every directive pinned: a policy that loses
# frame-ancestors 'none' or widens connect-src to https: passed every test (issue 22 §7). Only the
# hashes of the inline scripts the project and Material ship vary with the build.
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; worker-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def test_the_policy_is_the_one_documented_directive_by_directive(tmp_path):
    from hooks import csp

    (tmp_path / "index.html").write_text("<html><p>No script.</p></html>", encoding="utf-8")
    assert csp.policy(tmp_path, [tmp_path / "no-templates"]) == POLICY.format(hashes="")


def test_every_page_of_the_built_site_gets_the_documented_policy(site):
    policy = headers.for_path(headers.read(site), "/checker/")["Content-Security-Policy"]
    hashes = re.findall(r" 'sha256-[A-Za-z0-9+/]{43}='", policy)
    assert hashes and policy == POLICY.format(hashes="".join(hashes))
    assert {rule.path for rule in headers.read(site) if dict(rule.headers).get("Content-Security-Policy")} == {"/*"}


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
        == '“<img src=x onerror="window.__pwned=1">” is not a distance: give a number of kilometers, 0 or more.'
    )
    assert_nothing_ran_or_was_inserted(page)
    page.get_by_label("Distance from the regional base (km)").fill("12")
    page.get_by_role("button", name="Show coverage").click()
    page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
    assert page.console_errors == []


@pytest.mark.build
def test_a_script_planted_in_the_source_is_text_and_never_allowed_by_the_policy(tmp_path):
    """Source text is plain text everywhere: a title that closes <title> and an offering name that is a
    Markdown link stay text, and the policy hashes only the scripts the project and Material ship."""
    from tests.site_build import mkdocs_build

    planted = edit(
        SOURCE_TEXT,
        ("title: {en: Pitney Bowes Customer Technical Support,", 'title: {en: "</title><script>alert(1)</script>",'),
        (
            "    name: {en: Standard SLA, fr: CNS standard}",
            '    name: {en: "[x](javascript:alert(1))", fr: CNS standard}',
        ),
    )
    assert planted.count("alert(1)") == 2
    path = write_source(tmp_path, planted)
    site = tmp_path / "site"
    result = mkdocs_build(site, path)
    assert result.returncode == 0, result.stderr
    pages = list(site.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert 'href="javascript:' not in html, page
    offering = (site / "offerings" / "standard-sla" / "index.html").read_text(encoding="utf-8")
    assert "[x](javascript:alert(1))" in offering  # shown as typed
    policy = (site / "_headers").read_text(encoding="utf-8")
    planted_hash = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert planted_hash not in policy


def test_an_inline_script_nobody_ships_fails_the_policy(tmp_path):
    from hooks import csp

    (tmp_path / "index.html").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    with pytest.raises(csp.UnknownInlineScript, match=r"index\.html: an inline script"):
        csp.policy(tmp_path, [tmp_path / "no-templates"])
