"""The checker page in real headless Chromium, on the real runtime: the same answers as the CLI."""

from __future__ import annotations

import datetime as dt
import json
import time
from urllib.parse import parse_qsl

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from checker.query import contracts, guarantee_options
from checker.service import respond, to_json
from hooks import headers
from tests.helpers import RUNTIME_WAIT, Held, answered, cli_answer
from tests.site_build import Paced, serve


def test_fill_the_form_by_its_labels_and_get_the_cli_answer(page):
    page.goto("/checker/")
    assert answered(page) == "ready"
    page.get_by_label("Market").select_option("ca")
    page.get_by_label("Contract").select_option("standard-sla")
    page.get_by_label("Zone", exact=True).select_option("3")
    page.get_by_label("Point of dispatch").fill("2026-12-24T15:00")
    page.get_by_label("Province or territory").select_option("ON")
    page.get_by_label("Compare with").select_option("performance-sla")
    expected = cli_answer(
        "--market",
        "ca",
        "--contract",
        "standard-sla",
        "--zone",
        "3",
        "--dispatched-at",
        "2026-12-24T15:00",
        "--region",
        "ON",
        "--compare",
        "performance-sla",
    )
    page.get_by_role("button", name="Show coverage").click()
    at = expected["deadline"]["arrivals"][0]["at"]
    page.wait_for_function(
        f"document.querySelector('#st-answer .st-deadline')?.dataset.at === '{at}'", timeout=RUNTIME_WAIT
    )
    assert [h["date"] for h in expected["deadline"]["holidays"]] == ["2026-12-25", "2026-12-28"]
    answer = page.locator("#st-answer")
    assert answer.locator("#st-answer-title").inner_text() == expected["title"]
    assert answer.locator(".st-response").inner_text() == expected["response"]["text"]
    assert answer.locator(".st-deadline").inner_text() == expected["deadline"]["arrivals"][0]["text"]
    assert answer.locator(".st-holidays li").all_inner_texts() == [h["text"] for h in expected["deadline"]["holidays"]]
    for group in expected["coverage"]:
        shown = answer.locator(f'ul.st-group[data-mark="{group["mark"]}"] .st-attr-label').all_inner_texts()
        assert shown == [item["title_colon"] if item["detail"] else item["title"] for item in group["items"]]
    assert answer.locator(".st-gains .st-attr-label").all_inner_texts() == [
        item["title_colon"] for item in expected["compare"]["gains"]
    ]
    assert "market=ca" in page.url and "dispatched=2026-12-24T15%3A00" in page.url
    assert page.console_errors == [] and page.outside_requests == []


def test_a_share_link_reproduces_the_answer_and_the_language_switch_keeps_it(page):
    link = "/fr/checker/?market=ca&contract=performance-sla&guarantee=4&zone=2&dispatched=2026-11-20T16:30&region=QC"
    page.goto(link)
    assert answered(page) == "ready"
    expected = cli_answer(
        "--market",
        "ca",
        "--contract",
        "performance-sla",
        "--guarantee",
        "4",
        "--zone",
        "2",
        "--dispatched-at",
        "2026-11-20T16:30",
        "--region",
        "QC",
        "--lang",
        "fr",
    )
    assert (
        page.locator(".st-deadline").inner_text()
        == expected["deadline"]["arrivals"][0]["text"]
        == "lundi 23 novembre 2026 à 11\u00a0h\u00a030 (heure locale du site)"
    )
    assert page.get_by_label("Garantie").input_value() == "4"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    assert answered(page) == "ready"
    assert page.url.endswith(
        "/checker/?market=ca&contract=performance-sla&guarantee=4&zone=2&dispatched=2026-11-20T16%3A30&region=QC"
    )
    assert page.locator(".st-deadline").inner_text() == "Monday, November 23, 2026, 11:30 AM (local time at the site)"
    assert page.locator(".st-deadline").get_attribute("data-at") == "2026-11-23T11:30"
    assert page.console_errors == [] and page.outside_requests == []


def test_bad_input_in_a_link_is_explained_next_to_its_field_and_the_form_still_works(page):
    page.goto("/fr/checker/?market=ca&contract=standard-sla&km=-5&dispatched=2026-02-30T10:00")
    assert answered(page) == "error"
    km_error = page.locator("#st-error-km")
    assert km_error.is_visible()
    assert (
        km_error.inner_text()
        == "«\u00a0-5\u00a0» n'est pas une distance\u00a0: indiquez un nombre de kilomètres, 0 ou plus."
    )
    assert page.locator("#st-field-km").get_attribute("aria-invalid") == "true"
    assert "n'est pas une date et une heure" in page.locator("#st-error-dispatched").inner_text()
    page.get_by_label("Distance de la base régionale (km)").fill("85")
    page.get_by_role("button", name="Afficher la couverture").click()
    page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
    assert (
        page.locator(".st-zone").inner_text()
        == "Une distance de 85\u00a0km de la base régionale correspond à la zone 3 (rurale)."
    )
    assert not km_error.is_visible()
    assert page.console_errors == []


def test_a_blocked_runtime_leaves_the_static_goals_and_says_why(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    status = page.locator("#st-checker-status")
    unavailable = (
        "Le vérificateur interactif n'est pas disponible\u00a0: son environnement d'exécution n'a pas pu être chargé."
    )
    # A question only the runtime can answer: the page says why there is no answer.
    page.goto("/fr/checker/?market=ca&contract=standard-sla&zone=1&dispatched=2026-11-20T15:00")
    assert answered(page) == "error"
    page.wait_for_function(
        "document.querySelector('#st-checker-status').innerText.includes('disponible')", timeout=RUNTIME_WAIT
    )
    assert unavailable in status.inner_text()
    assert page.locator("table.st-zones").is_visible()
    assert not page.locator("#st-checker-form").is_visible()
    # A question the build answered: its answer is shown without the runtime; when the visitor steps
    # toward a field only the runtime answers, the page says the checker is unavailable, and the
    # prebuilt answer stays (it is right).
    page.goto("/fr/checker/?market=ca&contract=standard-sla&zone=1")
    page.wait_for_selector('#st-answer[data-state="ready"]', timeout=RUNTIME_WAIT)
    assert page.locator("#st-answer").get_attribute("data-source") == "prebuilt"
    page.get_by_label("Point d'envoi").focus()
    page.wait_for_function(
        "document.querySelector('#st-checker-status').innerText.includes('disponible')", timeout=RUNTIME_WAIT
    )
    assert page.locator("#st-answer").get_attribute("data-state") == "ready"
    assert (
        page.locator(".st-response")
        .inner_text()
        .startswith("Objectif\u00a0: un technicien sur place dans les 8\u00a0heures")
    )
    assert unavailable in status.inner_text()
    assert page.locator("table.st-zones").is_visible()  # the static goals come back
    assert errors == []
    context.close()


def test_a_cut_off_standard_library_says_the_checker_is_unavailable(browser, base_url, site):
    """A runtime file that arrives incomplete must not leave the page waiting: the page says so."""
    (stdlib,) = (site / "assets" / "checker").glob("stdlib-*.zip")
    whole = stdlib.read_bytes()
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.route("**/stdlib-*.zip", lambda route: route.fulfill(body=whole[: len(whole) // 2]))
    page.goto("/checker/?market=ca&contract=standard-sla&zone=1&dispatched=2026-11-20T15:00")
    page.wait_for_function(
        "document.querySelector('#st-checker-status').innerText.includes('unavailable')", timeout=RUNTIME_WAIT
    )
    assert page.locator("#st-answer").get_attribute("data-state") == "error"
    assert not page.locator("#st-checker-form").is_visible()
    context.close()


KEPT_LIVE = "/checker/?market=ca&contract=standard-sla&zone=1&dispatched=2026-11-20T15:00"
LIVE = KEPT_LIVE
# Whether the worker has kept its memory snapshot (stored whole: Cache Storage lists an entry still being written)
KEPT = "caches.open('checker-memory').then(async cache => { const [key] = await cache.keys(); return Boolean(key && await cache.match(key)); })"


def until(page, predicate: str, seconds: float = 60) -> None:
    """Poll an async predicate (wait_for_function takes a returned Promise as a truthy value)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, predicate
        time.sleep(0.1)


def test_a_kept_memory_snapshot_cut_off_is_not_restored_and_the_checker_still_answers(browser, base_url):
    """The worker keeps Pyodide's memory in Cache Storage once it has answered; a kept snapshot that is
    incomplete must not be restored: the worker starts afresh, answers, and keeps a whole one."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(KEPT_LIVE)
    page.wait_for_selector('#st-answer[data-source="pyodide"][data-state="ready"]', timeout=RUNTIME_WAIT)
    until(page, KEPT)
    whole = page.evaluate(
        """async () => {
          const cache = await caches.open('checker-memory');
          const [key] = await cache.keys();
          const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
          await cache.put(key, new Response(bytes.slice(0, bytes.length >> 1)));
          return bytes.length;
        }"""
    )
    page.goto(KEPT_LIVE)
    page.wait_for_selector('#st-answer[data-source="pyodide"][data-state="ready"]', timeout=RUNTIME_WAIT)
    assert page.locator("#st-answer .st-response").count() == 1
    size = """caches.open('checker-memory').then(async cache => {
        const [key] = await cache.keys(); const kept = key && await cache.match(key);
        return kept ? (await kept.arrayBuffer()).byteLength : 0; })"""
    until(page, f"{size}.then(n => n > {whole} * 0.9)")
    context.close()


def test_without_javascript_the_page_says_so_and_keeps_the_goals(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/checker/")
    assert "JavaScript is turned off in this browser" in page.locator("article").inner_text()
    assert page.locator("table.st-zones").is_visible()
    assert not page.locator("#st-checker-form").is_visible()  # a form that cannot answer is not offered
    context.close()


def test_the_runtime_loads_only_on_the_checker_page(page):
    for path in ("/", "/compare/", "/fr/onsite-support/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert not [url for url in page.requested if "/assets/pyodide/" in url or "/assets/checker/" in url]


def test_a_second_visit_asks_the_host_for_nothing_named_by_content_or_version(browser, site, tmp_path):
    """Served with the headers the site's _headers asks for, the runtime, the scripts and the stylesheets
    come from the browser's cache on a second visit: no revalidation before the answer. (A profile on
    disk, as a browser has: an in-memory cache does not keep a 10 MB file.)"""
    rules = headers.read(site)
    requested: list[str] = []
    visits = []
    with serve(site, rules, requested) as url:
        context = browser.browser_type.launch_persistent_context(
            tmp_path, executable_path=CHROMIUM, args=CHROMIUM_ARGS, base_url=url
        )
        page = context.new_page()
        for _ in range(2):
            requested.clear()
            page.goto("/checker/?market=ca&contract=standard-sla&zone=2&dispatched=2026-11-20T15:00")
            page.wait_for_selector('#st-answer[data-source="pyodide"][data-state="ready"]', timeout=RUNTIME_WAIT)
            page.wait_for_load_state("networkidle")
            visits.append([path for path in requested if "Cache-Control" in headers.for_path(rules, path)])
        context.close()
    first, second = visits
    assert {"pyodide.asm.wasm", "pyodide.asm.mjs"} <= {path.split("/")[-1] for path in first}
    assert any("/stdlib-" in path for path in first) and any("/worker." in path for path in first)
    assert not any("snapshot" in path or "python_stdlib" in path for path in first)  # the worker makes its own
    assert second == []


def test_a_prebuilt_answer_is_shown_at_once_and_equals_the_live_one(page):
    """The build's answer, and then the runtime's to the same question with a region added (a field only
    the runtime answers, which changes nothing below the restated question without a dispatch time)."""
    page.goto("/checker/?market=ca&contract=performance-sla&guarantee=8&zone=1")
    page.wait_for_selector('#st-answer[data-state="ready"][data-source="prebuilt"]', timeout=RUNTIME_WAIT)
    prebuilt = page.locator("#st-answer-body").inner_html()
    page.get_by_label("Province or territory").select_option("QC")
    page.wait_for_selector('#st-answer[data-state="ready"][data-source="pyodide"]', timeout=RUNTIME_WAIT)
    assert "region=QC" in page.url
    assert page.locator("#st-answer-body").inner_html() == prebuilt
    # With the runtime ready, a question the build answered is still answered by the build, at once.
    page.get_by_label("Province or territory").select_option("")
    page.wait_for_selector('#st-answer[data-state="ready"][data-source="prebuilt"]', timeout=RUNTIME_WAIT)
    assert page.console_errors == []


def test_an_older_answer_arriving_last_never_replaces_the_newer_one(page):
    """Issue 13 §7: two questions in flight, the first one's answer held back until the second one's is on
    screen (as a slow network does). The page shows the newer question's answer, its URL and its form;
    the older answer, different, arrives and is dropped (app.js: "overtaken by a newer question")."""
    page.goto("/checker/?market=us&contract=standard-sla&zone=1")
    assert answered(page) == "ready"
    held = Held(page, "**/answers/en/us.standard-sla.-.2.json")
    zone = page.get_by_label("Zone", exact=True)
    with page.expect_request(held.pattern):
        zone.select_option("2")  # the older question: its answer is held
    held.wait()
    zone.select_option("3")  # the newer one, answered at once
    page.wait_for_function("location.search.includes('zone=3')", timeout=RUNTIME_WAIT)
    summary = page.locator("#st-answer-summary").inner_text()
    assert "24 business hours" in summary
    assert page.locator("#st-answer").get_attribute("data-state") == "ready"
    held.release()
    # The page's own promise of that answer (the one app.js awaits) settles, then a turn of the event loop.
    older = page.evaluate(
        """() => window.stChecker.built(window.stChecker.read({ market: "us", contract: "standard-sla", zone: "2" }))
             .then((response) => new Promise((resolve) => setTimeout(() => resolve(response), 100)))"""
    )
    assert older["ok"] and older["answer"]["summary"] != summary  # it arrived, and it says something else
    assert page.locator("#st-answer-summary").inner_text() == summary
    assert page.locator("#st-answer").get_attribute("data-state") == "ready"
    assert "zone=3" in page.url and zone.input_value() == "3"
    assert page.console_errors == []


def test_an_answer_that_counted_holidays_links_to_the_places_list(page):
    """Issue 18 §5: every answer that skipped a day links to the holidays page, at the place's list."""
    page.goto("/fr/checker/?market=ca&contract=standard-sla&zone=1&dispatched=2026-06-23T16:00&region=QC")
    assert answered(page) == "ready"
    link = page.locator("#st-answer-body a.st-holidays-page")
    assert link.inner_text() == "Tous les jours fériés exclus du calcul, année par année"
    assert page.evaluate("new URL(document.querySelector('a.st-holidays-page').href).pathname") == "/fr/holidays/"
    link.click()
    page.wait_for_url("**/fr/holidays/#holidays-ca-qc")
    assert page.locator("#holidays-ca-qc").count() == 1
    assert page.console_errors == []


# Waits until the worker has replied to every question the page sent it before now: a probe goes
# through the worker's queue, behind them (the worker answers in order), and comes back after them.
WORKER_ROUND_TRIP = """() => new Promise((resolve) => {
  const worker = window.stChecker.worker;
  const probe = ({ data }) => {
    if (data.id !== -1) return;
    worker.removeEventListener("message", probe);
    resolve();
  };
  worker.addEventListener("message", probe);
  worker.postMessage({ type: "ask", id: -1, params: {}, lang: "en" });
})"""


def test_a_live_question_overtaken_by_a_prebuilt_one_is_never_shown_when_the_runtime_arrives(page):
    """Issue 21: a live link waits for the runtime; the reader changes the form to a question the build
    answers (clears the date, picks zone 3) and sees its answer; when the runtime arrives, the older
    question must not be answered over it, nor its zone, date and link put back."""
    held = Held(page, "**/pyodide.asm.wasm")
    with page.expect_request(held.pattern, timeout=RUNTIME_WAIT):
        page.goto("/checker/?market=ca&contract=standard-sla&zone=1&dispatched=2026-11-20T15:00")
    held.wait()
    page.wait_for_selector("#st-checker-form:not([hidden])")
    assert page.locator("#st-answer").get_attribute("data-state") in ("loading", "partial")
    page.get_by_label("Point of dispatch").fill("")
    zone = page.get_by_label("Zone", exact=True)
    zone.select_option("3")
    page.wait_for_function("document.querySelector('.st-zone')?.innerText.startsWith('Zone 3')")
    summary = page.locator("#st-answer-summary").inner_text()
    assert "24 business hours" in summary
    held.release()
    page.wait_for_selector('#st-answer[data-runtime="ready"]', state="attached", timeout=RUNTIME_WAIT)
    page.evaluate(WORKER_ROUND_TRIP)  # any answer the page asked the worker for has arrived by now
    assert page.locator("#st-answer-summary").inner_text() == summary
    assert page.locator("#st-answer").get_attribute("data-source") == "prebuilt"
    assert "zone=3" in page.url and "dispatched" not in page.url
    assert zone.input_value() == "3" and page.get_by_label("Point of dispatch").input_value() == ""
    assert page.console_errors == []


def loads_a_runtime(requested: list[str]) -> list[str]:
    return [url for url in requested if "/assets/pyodide/" in url or "/worker." in url]


@pytest.mark.parametrize(
    ("link", "lang", "canonical"),
    [
        ("market=ca&contract=standard-sla&zone=metro", "en", "market=ca&contract=standard-sla&zone=1"),
        ("market=ca&contract=standard-sla&zone=Urbaine", "fr", "market=ca&contract=standard-sla&zone=2"),
        (
            "market=us&contract=performance-sla&guarantee=004&zone=RURAL",
            "en",
            "market=us&contract=performance-sla&guarantee=4&zone=3",
        ),
        ("market=us&contract=standard-sla&guarantee=4&zone=3", "en", "market=us&contract=standard-sla&zone=3"),
        ("contract=standard-sla&zone=2", "fr", "market=ca&contract=standard-sla&zone=2"),
        ("zone=2", "en", "market=us&contract=standard-sla&zone=2"),
        ("market=ca&contract=sma-tier-1&zone=&km=", "en", "market=ca&contract=sma-tier-1"),
        (
            "market=ca&contract=performance-sla&guarantee=8&km=81",
            "fr",
            "market=ca&contract=performance-sla&guarantee=8&km=81",
        ),
    ],
    ids=["alias", "name", "padding", "stray", "no-market", "no-contract", "blanks", "distance"],
)
def test_a_link_the_build_answers_in_other_words_is_served_by_the_build(page, data, link, lang, canonical):
    """Issue 21 §3: aliases, padding, fields that do not apply and missing fields are read by the
    checker's own tables (config.reading): no 404, no runtime, the checker's answer, the canonical link."""
    page.goto(f"{'/fr' if lang == 'fr' else ''}/checker/?{link}")
    assert answered(page) == "ready"
    assert page.locator("#st-answer").get_attribute("data-source") == "prebuilt"
    expected = respond(data, dict(parse_qsl(link)), lang)
    assert page.locator("#st-answer-summary").inner_text() == expected["answer"]["summary"]
    assert page.url.endswith(f"/checker/?{canonical}")
    assert loads_a_runtime(page.requested) == [] and page.console_errors == []


def test_a_distance_typed_in_the_form_loads_no_runtime_and_a_decimal_one_does(page, data):
    """Issue 20 §1: a whole distance within the published bands is answered by the build (the page
    never reads a distance itself: a typed '60,5' is the runtime's to read)."""
    page.goto("/fr/checker/?market=ca&contract=standard-sla&zone=1")
    assert answered(page) == "ready"
    page.get_by_label("Distance de la base régionale (km)").press_sequentially("240")
    page.wait_for_function("document.querySelector('.st-zone')?.innerText.includes('240')")
    expected = respond(data, {"market": "ca", "contract": "standard-sla", "km": "240"}, "fr")["answer"]
    assert page.locator(".st-zone").inner_text() == expected["zone"]["text"]
    assert page.locator("#st-answer-summary").inner_text() == expected["summary"]
    assert page.locator("#st-answer").get_attribute("data-source") == "prebuilt"
    assert page.url.endswith("?market=ca&contract=standard-sla&km=240")
    assert loads_a_runtime(page.requested) == []
    page.get_by_label("Distance de la base régionale (km)").fill("60,5")
    page.wait_for_selector('#st-answer[data-state="ready"][data-source="pyodide"]', timeout=RUNTIME_WAIT)
    assert "60,5" in page.locator(".st-zone").inner_text()
    assert page.console_errors == []


def test_the_pages_distance_answers_are_the_checkers(page, data):
    """The page's answer to a distance is its zone's answer changed as the build's distances file says
    (boot.js, atDistance): every whole kilometre of every band for one contract, and the band edges for
    every contract and guarantee, in both languages, against CPython's answer."""
    questions = [{"market": "ca", "contract": "standard-sla", "km": str(km)} for km in range(0, 241)]
    for contract in contracts(data):
        for guarantee in [None, *guarantee_options(data, contract, "ca")]:
            for km in (0, 40, 41, 80, 81, 240):
                params = {"market": "ca", "contract": contract, "km": str(km)}
                questions.append(params | ({"guarantee": str(guarantee)} if guarantee else {}))
    for lang, start in (("en", "/checker/"), ("fr", "/fr/checker/")):
        page.goto(start)
        assert answered(page) == "ready"
        replies = page.evaluate(
            "(questions) => Promise.all(questions.map((q) => window.stChecker.built(window.stChecker.read(q))))",
            questions,
        )
        for params, reply in zip(questions, replies, strict=True):
            assert reply == json.loads(to_json(respond(data, params, lang))), (lang, params)


def test_print_waits_for_the_whole_answer(page):
    """A progressive answer (the arrival time still being computed) prints once the runtime filled it in."""
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    held = Held(page, "**/pyodide.asm.wasm")
    with page.expect_request(held.pattern, timeout=RUNTIME_WAIT):
        page.goto("/checker/?market=ca&contract=standard-sla&zone=2&dispatched=2026-11-20T15:00")
    held.wait()
    page.wait_for_selector('#st-answer[data-state="partial"]')
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.__printed") is None
    held.release()
    page.wait_for_function("window.__printed === 1", timeout=RUNTIME_WAIT)
    assert page.locator(".st-deadline").get_attribute("data-at") == "2026-11-24T09:00"


def test_the_progress_bar_follows_the_bytes_received(browser, site):
    """Issue 20 §1: the bar moves as the runtime's files arrive (the WebAssembly's 9.6 MB in many
    steps), not in a few fixed jumps. The WebAssembly is served in parts, each sent once the bar has
    shown the one before: on a fast machine the bytes would otherwise arrive in a few large reads."""
    wasm = Paced("pyodide.asm.wasm", slices=24)
    with serve(site, paced=[wasm]) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.add_init_script(
            """document.addEventListener('DOMContentLoaded', () => {
                 window.__progress = [];
                 const bar = document.getElementById('st-checker-progress');
                 const read = () => window.__progress.push(Number(bar.getAttribute('value')));
                 new MutationObserver(read).observe(bar, { attributes: true, attributeFilter: ['value'] });
               })"""
        )
        page.goto(LIVE)
        shown = "(before) => Math.max(0, ...(window.__progress || [])) > before"
        for _ in range(wasm.slices - 1):
            before = page.evaluate("Math.max(0, ...(window.__progress || []))")
            wasm.release()
            page.wait_for_function(shown, arg=before, timeout=RUNTIME_WAIT)
        page.wait_for_selector('#st-answer[data-state="ready"][data-source="pyodide"]', timeout=RUNTIME_WAIT)
        seen = page.evaluate("window.__progress")
        context.close()
    downloading = [value for value in seen if 0 < value < 90]
    assert len(set(downloading)) >= 10, seen
    assert seen == sorted(seen)


def test_share_is_offered_where_the_device_has_a_share_sheet(page):
    page.goto("/checker/?market=ca&contract=standard-sla&zone=2")
    assert answered(page) == "ready"
    assert not page.get_by_role("button", name="Share").is_visible()  # no share sheet here
    page.add_init_script("navigator.share = async (data) => { window.__shared = data; };")
    page.reload()
    assert answered(page) == "ready"
    page.get_by_role("button", name="Share").click()
    shared = page.wait_for_function("window.__shared").json_value()
    assert shared["url"] == page.url
    assert shared["text"] == page.locator("#st-answer-summary").inner_text()


def test_now_fills_in_this_devices_date_and_time(browser, base_url):
    context = browser.new_context(base_url=base_url, timezone_id="America/Toronto")
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 11, 20, 20, 0, tzinfo=dt.UTC))  # 3 PM in Toronto
    page.goto("/checker/?market=ca&contract=standard-sla&zone=2")
    assert answered(page) == "ready"
    page.get_by_role("button", name="Now").click()
    assert page.get_by_label("Point of dispatch").input_value() == "2026-11-20T15:00"
    page.wait_for_selector('#st-answer[data-state="ready"] .st-deadline', timeout=RUNTIME_WAIT)
    assert page.locator(".st-deadline").get_attribute("data-at") == "2026-11-24T09:00"
    assert "dispatched=2026-11-20T15%3A00" in page.url
    context.close()
