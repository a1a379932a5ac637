"""Gates: axe-core finds no WCAG 2.1 A/AA violation, the Nu HTML Checker no error, no link is broken,
and the checker can be used with the keyboard alone."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from tests.helpers import RUNTIME_WAIT, Held
from tests.site_build import ROOT
from tests.test_site_build import EDITIONS, pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # read by the browser tests only: `make test-fast` needs no npm
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ANSWERED = "/fr/checker/?market=ca&contract=performance-sla&guarantee=4&zone=2&dispatched=2026-12-24T15:00&region=QC&compare=standard-sla"


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)["violations"]
    return [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, base_url, data, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for lang in ("en", "fr"):
        for path in pages(data):
            page.goto(f"/{EDITIONS[lang]}{path}")
            if path == "checker/":
                page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
            if problems := violations(page):
                found[f"/{EDITIONS[lang]}{path}"] = problems
    page.goto(ANSWERED)
    page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
    if problems := violations(page):
        found[ANSWERED] = problems
    context.close()
    assert found == {}


def test_nu_html_checker_finds_no_error(site):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu", str(site)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


def test_no_broken_link_or_anchor(site):
    documents = {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")}
    ids = {path: {tag["id"] for tag in doc.select("[id]")} for path, doc in documents.items()}
    broken = []
    for path, doc in documents.items():
        here = "/" + path.relative_to(site).as_posix()
        for tag in doc.select("a[href], link[href], script[src], img[src]"):
            target = tag.get("href") or tag.get("src")
            url = urlparse(urljoin(here, target))
            if url.scheme or url.netloc or target.startswith(("tel:", "mailto:")):
                continue
            file = site / unquote(url.path).lstrip("/")
            if url.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{here}: {target}")
            elif url.fragment and file.suffix == ".html" and unquote(url.fragment) not in ids[file]:
                broken.append(f"{here}: {target} (no such anchor)")
    assert broken == []
    assert len(documents) >= 2 * 12


def test_the_checker_with_the_keyboard_only(page):
    """While the runtime is still loading (held back until the form is sent): the prebuilt answer is
    there at once, and the answer to the sent form takes the focus when it arrives."""
    held = Held(page, "**/assets/checker/stdlib-*.zip")
    page.goto("/checker/")
    page.wait_for_selector('#st-answer[data-state="ready"][data-source="prebuilt"]', timeout=RUNTIME_WAIT)
    market = page.locator("#st-field-market")
    for _ in range(200):  # Tab through the page until the form's first field has the focus
        page.keyboard.press("Tab")
        if market.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the market field was never reached with Tab")
    page.keyboard.press("ArrowDown")  # United States -> Canada
    page.keyboard.press("Tab")  # contract: Standard SLA
    page.keyboard.press("Tab")  # zone
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # zone 2
    with page.expect_request(held.pattern, timeout=RUNTIME_WAIT):
        page.keyboard.press("Tab")  # distance: the first step toward a live field starts the runtime
    page.keyboard.press("Tab")  # dispatch date and time
    page.keyboard.type("11202026")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("0300P")
    assert page.locator("#st-field-dispatched").input_value() == "2026-11-20T15:00"
    passed = []
    for _ in range(12):  # on through the date's own segments, region and compare, to the submit button
        page.keyboard.press("Tab")
        passed.append(page.evaluate("document.activeElement.name || document.activeElement.type"))
        if passed[-1] == "submit":
            break
    assert passed[-1] == "submit"
    assert {"region", "compare"} <= set(passed)
    held.wait()  # the runtime is held back: the answer below can only come once it is let go
    page.keyboard.press("Enter")
    held.release()
    page.wait_for_function(
        "document.querySelector('.st-deadline')?.dataset.at === '2026-11-24T09:00'", timeout=RUNTIME_WAIT
    )
    assert page.evaluate("document.activeElement.id") == "st-answer-heading"  # the answer is reached
    assert page.locator("#st-answer-summary").get_attribute("aria-live") == "polite"
    assert page.locator("#st-answer-summary").inner_text().startswith("Standard SLA — Canada")
    assert page.console_errors == []


def test_every_built_page_is_checked(site, data):
    built = {str(p.relative_to(site).parent) + "/" for p in Path(site).rglob("index.html")}
    expected = {f"{EDITIONS[lang]}{path}" or "./" for lang in ("en", "fr") for path in pages(data)}
    assert {p.replace("./", "") or "./" for p in built} >= {p.replace("./", "") or "./" for p in expected}
