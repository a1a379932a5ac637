"""The benchmark of issue 5, in one run: `make bench` (documented in the README).

It builds the site; builds a *reference page* that loads the same pinned Pyodide the textbook way (a
script tag, `loadPyodide()` on the main thread) and computes the same answer through the same checker;
serves both from one localhost server that behaves like a static host (brotli or gzip as the browser
asks, a precompressed `.br` copy where the build wrote one, the headers the site's _headers asks for:
long caching for versioned and content-hashed files), which counts the bytes it sends, and from two
more behind a phone's link (one downlink shared by all requests, and a delay added to each: 9 Mbit/s
and 40 ms, and a slow phone's 1.6 Mbit/s and 150 ms; throttled at the host, since a page's DevTools
throttling does not see a Web Worker's requests); measures both alternately in Debian's Chromium
through Playwright (cold: a new browser profile; warm: the same profile again), and for a live link
the first useful content (the part the build knows, on screen) beside the whole answer; runs
Lighthouse (mobile preset) on the checker page, a plain page and the reference; times `mkdocs build`
on the real source and on synthetic sources 10x and 100x larger; prints one table and writes
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import brotli

# The project's packages: run as `python -m bench.run` from the root.
from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from coverage_data import SOURCE
from coverage_data.yaml_lines import dump, parse
from hooks import headers
from hooks.runtime import PYODIDE, checker_archive

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

ARGS = CHROMIUM_ARGS
SHARE = "market=ca&contract=performance-sla&guarantee=4&zone=2"
SHARE_DISPATCHED = SHARE + "&dispatched=2026-11-20T16:30&region=ON"
SHARE_DISTANCE = "market=ca&contract=performance-sla&guarantee=4&km=55"  # zone 2, given as a distance
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm", ".txt", ".map"}
# The reference page's Pyodide, cached as a CDN's versioned folder would be; the site says in its own
# _headers what a host may cache (hooks/headers.py), and this host does as it says.
REFERENCE_RULE = headers.Rule("/reference/pyodide/*", (("Cache-Control", headers.FOREVER),))

# What the page and the reference mark when an answer is on screen, with the time since navigation: a
# whole answer (data-state "ready"), or the part of a live answer the build knows while the runtime
# computes the rest ("partial": its coverage, zone, response and contacts, the first useful content).
OBSERVER = """
(() => {
  window.__answers = [];
  const seen = () => {
    const ours = document.querySelector('#st-answer[data-state="ready"], #st-answer[data-state="partial"]');
    const reference = document.querySelector('#answer[data-state="ready"]');
    const element = ours || reference;
    if (!element) return;
    const source = element.dataset.source || 'pyodide';
    const state = element.dataset.state;
    const key = source + ':' + state + ':' + element.textContent.length + ':' + (element.querySelector('.st-zone, pre') || {}).textContent;
    if (!window.__answers.length || window.__answers[window.__answers.length - 1].key !== key) {
      window.__answers.push({ source, state, at: performance.now(), key });
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
"""


# ---- A static host on localhost.
class Link:
    """What a host's responses go through: counts the bytes sent (compressed, headers included) and,
    for a phone, holds them to one downlink of `rate` bytes a second shared by every connection."""

    CHUNK = 16 * 1024  # what one connection sends before another may

    def __init__(self, rate: float | None = None, latency: float = 0.0):
        self.rate, self.latency = rate, latency
        self.sent = 0
        self._free_at = 0.0
        self._lock = threading.Lock()

    def send(self, out, data: bytes) -> None:
        for start in range(0, len(data), self.CHUNK):
            chunk = data[start : start + self.CHUNK]
            if self.rate:
                with self._lock:
                    self._free_at = max(time.perf_counter(), self._free_at) + len(chunk) / self.rate
                    done = self._free_at
                time.sleep(max(0.0, done - time.perf_counter()))
            out.write(chunk)
            with self._lock:
                self.sent += len(chunk)


class _Sent:
    """The handler's output stream, through its host's link."""

    def __init__(self, out, link: Link):
        self._out, self._link = out, link

    def write(self, data: bytes) -> int:
        self._link.send(self._out, bytes(data))
        return len(data)

    def flush(self) -> None:
        self._out.flush()

    @property
    def closed(self) -> bool:
        return self._out.closed

    def close(self) -> None:
        self._out.close()


class Host(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any real host (Python's default, HTTP/1.0, is not)
    cache: ClassVar[dict[tuple[str, str], bytes]] = {}  # shared by the server's threads on purpose
    rules: ClassVar[list[headers.Rule]] = []  # the site's _headers
    link: ClassVar[Link]

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def setup(self):
        super().setup()
        self.wfile = _Sent(self.wfile, self.link)

    def log_message(self, format, *args):
        pass

    def send_head(self):
        time.sleep(self.link.latency)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        accepted = self.headers.get("Accept-Encoding", "")
        encoding = "br" if "br" in accepted else "gzip" if "gzip" in accepted else ""
        body = path.read_bytes()
        precompressed = path.with_name(path.name + ".br")
        if encoding == "br" and precompressed.is_file():  # as nginx's brotli_static, Caddy's precompressed
            body = precompressed.read_bytes()
        elif encoding and path.suffix in COMPRESSIBLE and len(body) > 1024:
            body = compressed(path, encoding)
        else:
            encoding = ""
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        # The caching the site asks for (not its CSP, which Playwright's waits would break: tests cover it).
        asked = headers.for_path(self.rules, self.path.split("?")[0])
        self.send_header("Cache-Control", asked.get("Cache-Control", "no-cache"))
        self.end_headers()
        return io.BytesIO(body)


class HostServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser closing its connection is no error
            super().handle_error(request, client_address)


def compressed(path: Path, encoding: str) -> bytes:
    """What a host compressing as it sends (from a warm cache) sends: brotli at 11 (9 for a file of a
    megabyte or more, which level 11 takes seconds to compress), or gzip at 9."""
    key = (str(path), encoding)
    if key not in Host.cache:
        body = path.read_bytes()
        quality = 9 if len(body) > 1_000_000 else 11
        Host.cache[key] = brotli.compress(body, quality=quality) if encoding == "br" else gzip.compress(body, 9)
    return Host.cache[key]


def warm(folder: Path) -> None:
    """Compress every file before measuring, as a host serves from a warm cache (or precompressed files)."""
    for path in folder.rglob("*"):
        precompressed = path.with_name(path.name + ".br").is_file()
        if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size > 1024 and not precompressed:
            for encoding in ("br", "gzip"):
                compressed(path, encoding)


PHONE = Link(rate=9_000_000 / 8, latency=0.040)  # 9 Mbit/s shared, 40 ms per request
SLOW = Link(rate=1_600_000 / 8, latency=0.150)  # a slow phone's link: 1.6 Mbit/s shared, 150 ms per request


@contextmanager
def host(folder: Path, link: Link):
    warm(folder)
    handler = type("SiteHost", (Host,), {"rules": [*headers.read(folder), REFERENCE_RULE], "link": link})
    server = HostServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


# ---- Building.
def build(site: Path, source: Path | None = None) -> float:
    env = {"SITE_URL": "http://localhost:8000/", **os.environ, "NO_MKDOCS_2_WARNING": "1"}  # served on localhost
    env |= {"COVERAGE_SOURCE": str(source)} if source else {}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True
    )
    return time.perf_counter() - started


def reference_page(site: Path, data: dict) -> None:
    """The textbook way, on the same Pyodide and the same checker: script tag, main thread."""
    folder = site / "reference"
    (folder / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in ("pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(PYODIDE / name, folder / "pyodide" / name)
    (folder / "checker.zip").write_bytes(checker_archive(data))
    (folder / "index.html").write_text(
        """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Coverage checker (reference)</title><script src="pyodide/pyodide.js"></script></head>
<body><h1>Coverage checker (reference)</h1><pre id="answer" data-state="loading">Loading…</pre>
<script>
(async () => {
  const pyodide = await loadPyodide();
  const archive = await (await fetch("checker.zip")).arrayBuffer();
  pyodide.unpackArchive(new Uint8Array(archive), "zip", { extractDir: "/home/pyodide/app" });
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')");
  const browser = pyodide.pyimport("checker.browser");
  browser.load("/home/pyodide/app/checker/coverage.json");
  const params = Object.fromEntries(new URLSearchParams(location.search));
  const response = JSON.parse(browser.handle(JSON.stringify({ params, lang: "en" })));
  const a = response.answer;
  const out = document.getElementById("answer");
  out.textContent = [a.title, a.zone && a.zone.text, a.response && a.response.text, a.deadline && a.deadline.text].filter(Boolean).join("\\n");
  out.dataset.state = "ready";
})();
</script></body></html>
""",
        encoding="utf-8",
    )


def synthetic_source(factor: int, target: Path) -> int:
    """The real source with `factor` times its coverage rows (each row marked for every offering, in
    every table, page and prebuilt answer). Rows, not offerings: each offering adds a page, and Material
    writes the whole navigation into every page, which grows as pages² whatever this project does."""
    data, _, _ = parse(SOURCE, "coverage.yml")
    rows = list(data["attributes"])
    for copy in range(1, factor):
        for row in rows:
            label = {lang: f"{text} {copy}" for lang, text in row["label"].items()}
            data["attributes"].append({**row, "id": f"{row['id']}-{copy}", "label": label})
    text = dump(data)
    target.write_text(text, encoding="utf-8")
    return len(text.encode())


# ---- Measuring in the browser.
SNAPSHOT_KEPT = "caches.open('checker-memory').then(cache => cache.keys()).then(keys => keys.length > 0)"


def first_answers(
    browser_type, url: str, profile: Path, visits: int = 1, live: bool = True, link: Link | None = None
) -> list[Visit]:
    """For each visit in one profile: the answers in order, each with its time since navigation, once
    a whole live answer (from Pyodide) is on screen, or any whole answer when `live` is false; and what
    the host sent until then. Between two visits, the page stays open until the worker has kept its memory
    snapshot (a visitor reads an answer for longer than that)."""
    context = browser_type.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=ARGS, headless=True)
    context.add_init_script(OBSERVER)
    results = []
    for visit in range(visits):
        page = context.new_page()
        before = link.sent if link else 0
        page.goto(url)
        wanted = "a.state === 'ready'" + (" && a.source === 'pyodide'" if live else "")
        page.wait_for_function(f"window.__answers && window.__answers.some(a => {wanted})", timeout=180_000)
        results.append(Visit(page.evaluate("window.__answers"), (link.sent - before) if link else 0))
        if visit + 1 < visits and "/checker/" in url:
            for _ in range(100):
                if page.evaluate(SNAPSHOT_KEPT):
                    break
                time.sleep(0.1)
        page.close()
    context.close()
    return results


def idle_bytes(browser_type, url: str, link: Link, idle: float = 10.0) -> int:
    """What the host sends for a visit, cold, from navigation to `idle` seconds after the first answer."""
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True)
        context.add_init_script(OBSERVER)
        page = context.new_page()
        before = link.sent
        page.goto(url)
        page.wait_for_function("window.__answers && window.__answers.some(a => a.state === 'ready')", timeout=120_000)
        time.sleep(idle)
        sent = link.sent - before
        context.close()
    return sent


def change_time(browser_type, url: str) -> float:
    """Milliseconds from changing one field to the new answer on screen, runtime ready."""
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True)
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector('#st-answer[data-source="pyodide"][data-state="ready"]', timeout=120_000)
        times = []
        for zone in ("3", "1", "2", "3", "1", "2", "1"):
            elapsed = page.evaluate(
                """zone => new Promise(resolve => {
                    const select = document.getElementById('st-field-zone');
                    const answer = document.getElementById('st-answer');
                    const start = performance.now();
                    new MutationObserver((_, observer) => {
                      if (answer.dataset.source === 'pyodide' && document.querySelector('.st-zone')?.textContent.startsWith('Zone ' + zone)) {
                        observer.disconnect(); resolve(performance.now() - start);
                      }
                    }).observe(answer, { subtree: true, childList: true, attributes: true });
                    select.value = zone; select.dispatchEvent(new Event('change', { bubbles: true }));
                })""",
                zone,
            )
            times.append(elapsed)
        context.close()
    return statistics.median(times)


def pyodide_bytes_elsewhere(browser_type, base: str) -> int:
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True)
        page = context.new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request))
        for path in ("/", "/compare/", "/fr/onsite-support/", "/offerings/performance-sla/", "/fr/remote-support/"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        total = sum(
            r.sizes()["responseBodySize"] for r in fetched if "/assets/pyodide/" in r.url or "/assets/checker/" in r.url
        )
        context.close()
    return total


def lighthouse(url: str, runs: int = 3) -> dict:
    """Lighthouse's mobile preset, the median of `runs` runs (its own advice against run-to-run noise)."""
    results = [_lighthouse_once(url) for _ in range(runs)]
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def _lighthouse_once(url: str) -> dict:
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(binary), url, "--only-categories=performance", "--output=json", f"--output-path={report}", "--quiet",
             "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True,
        )  # fmt: skip
        audits = json.loads(report.read_text())
    return {
        "score": audits["categories"]["performance"]["score"],
        "tbt": audits["audits"]["total-blocking-time"]["numericValue"],
        "lcp": audits["audits"]["largest-contentful-paint"]["numericValue"],
    }


# ---- Reporting.
@dataclass(frozen=True)
class Visit:
    answers: list[dict]  # each {source, state, at (ms since navigation), key}
    sent: int  # bytes the host sent for the visit until its answer

    def useful(self) -> float:
        """The first useful content: the first answer on screen, whole or the part the build knows."""
        return self.answers[0]["at"]

    def whole(self, source: str | None = None) -> float:
        """The first whole answer (from `source`, if given)."""
        return next(a["at"] for a in self.answers if a["state"] == "ready" and source in (None, a["source"]))


@dataclass(frozen=True)
class Row:
    figure: str
    reference: str = ""
    ours: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None

    def line(self) -> str:
        met = "" if self.met is None else "yes" if self.met else "**no**"
        return f"| {self.figure} | {self.reference} | {self.ours} | {self.ratio} | {self.target} | {met} |"


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):,.0f} ms ({min(values):,.0f}–{max(values):,.0f})"


def megabytes(values: list[int]) -> str:
    return f"{statistics.median(values) / 1e6:.2f} MB"


def compared(figure: str, ours: list[float], ref: list[float], limit: float | None, shown=summary) -> Row:
    """A figure of ours against the reference's, met when the ratio of the medians is at most `limit`
    (None: no target, the ratio only)."""
    ratio = statistics.median(ours) / statistics.median(ref)
    if limit is None:
        return Row(figure, shown(ref), shown(ours), f"{ratio:.0%}")
    target = "≤ the reference" if limit == 1 else f"≤ {limit:.0%}"
    return Row(figure, shown(ref), shown(ours), f"{ratio:.0%}", target, ratio <= limit)


@dataclass
class Measured:
    """Everything a run measures, each figure as the list of its runs."""

    runs: int
    times: dict[str, list[float]]  # "<who>_<figure>" -> ms, who: ours or ref
    sent: dict[str, list[int]]  # "<who>_<figure>" -> bytes
    change: float = 0.0
    idle_sent: int = 0
    elsewhere: int = 0
    lighthouse: dict[str, dict] | None = None
    validate: list[float] | None = None
    build_times: list[float] | None = None
    scaling: dict[int, tuple[int, float]] | None = None
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the machine's load average when the run started


SLOW_RUNS = 3  # through the slow link, each run takes about a minute (the reference's 6 MB alone, 30 s)


def measure(runs: int) -> Measured:
    from playwright.sync_api import sync_playwright

    from coverage_data import load

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    site = OUT / "site"
    measured = Measured(runs, times={}, sent={}, load=os.getloadavg())
    measured.build_times = [build(site) for _ in range(3)]
    reference_page(site, load())
    local = Link()
    add = lambda table, key, value: table.setdefault(key, []).append(value)  # noqa: E731
    with (
        host(site, local) as base,
        host(site, PHONE) as phone,
        host(site, SLOW) as slow,
        sync_playwright() as playwright,
    ):
        chromium = playwright.chromium
        pages = {"ours": "checker", "ref": "reference"}

        def live_through(link: Link, origin: str, figure: str, who: str, run: int) -> None:
            """A cold live link through a phone's link: its first useful content and its whole answer."""
            url = f"{origin}/{pages[who]}/?{SHARE_DISPATCHED}"
            (visit,) = first_answers(chromium, url, OUT / f"{who}-{figure}-{run}", link=link)
            add(measured.times, f"{who}_{figure}", visit.whole("pyodide"))
            add(measured.times, f"{who}_{figure}_useful", visit.useful())

        def distance_through(link: Link, origin: str, figure: str, run: int) -> None:
            """A cold distance link through a phone's link: its answer."""
            url = f"{origin}/checker/?{SHARE_DISTANCE}"
            (visit,) = first_answers(chromium, url, OUT / f"distance-{figure}-{run}", live=False, link=link)
            add(measured.times, f"ours_{figure}_distance", visit.whole())

        first_answers(chromium, f"{base}/checker/?{SHARE_DISPATCHED}", OUT / "warm-up")  # the browser's first start
        first_answers(chromium, f"{base}/reference/?{SHARE}", OUT / "warm-up-ref")
        for run in range(runs):  # alternately, each in a new profile
            for who, page in pages.items():
                plain = f"{base}/{page}/?{SHARE}"
                first = first_answers(chromium, plain, OUT / f"{who}-first-{run}", live=False, link=local)
                add(measured.times, f"{who}_first", first[0].whole())
                dispatched = f"{base}/{page}/?{SHARE_DISPATCHED}"
                cold, warm = first_answers(chromium, dispatched, OUT / f"{who}-live-{run}", visits=2, link=local)
                add(measured.times, f"{who}_live", cold.whole("pyodide"))
                add(measured.sent, f"{who}_live", cold.sent)
                add(measured.times, f"{who}_warm", warm.whole("pyodide"))
                add(measured.sent, f"{who}_warm", warm.sent)
                live_through(PHONE, phone, "phone", who, run)
            distance_through(PHONE, phone, "phone", run)
        for run in range(min(runs, SLOW_RUNS)):  # the slow phone's link: a live link, and a distance link
            for who in pages:
                live_through(SLOW, slow, "slow", who, run)
            distance_through(SLOW, slow, "slow", run)
        measured.idle_sent = idle_bytes(chromium, f"{base}/checker/?{SHARE}", local)
        measured.change = change_time(chromium, f"{base}/checker/?{SHARE_DISPATCHED}")
        measured.elsewhere = pyodide_bytes_elsewhere(chromium, base)
        measured.lighthouse = {
            "checker": lighthouse(f"{base}/checker/?{SHARE}"),
            "plain": lighthouse(f"{base}/compare/"),
            "home": lighthouse(f"{base}/fr/"),
            "reference": lighthouse(f"{base}/reference/?{SHARE}"),
        }
    measured.validate = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", "validate"], cwd=ROOT, check=True, capture_output=True)
        measured.validate.append(time.perf_counter() - started)
    measured.scaling = {}
    for factor in (1, 10, 100):
        source = OUT / f"source-{factor}x.yml"
        measured.scaling[factor] = (synthetic_source(factor, source), build(OUT / f"site-{factor}x", source))
    return measured


def rows(m: Measured) -> list[Row]:
    t, sent, lh = m.times, m.sent, m.lighthouse
    (s1, t1), (s10, t10), (s100, t100) = m.scaling[1], m.scaling[10], m.scaling[100]
    marginal = ((t10 - t1) / (s10 - s1) * 1024 * 1000, (t100 - t10) / (s100 - s10) * 1024 * 1000)
    scaling = (
        f"{t1:.2f} s, {t10:.2f} s, {t100:.2f} s for {s1 // 1024}, {s10 // 1024}, {s100 // 1024} KB; "
        f"each added KB costs {marginal[0]:.0f} ms (1×→10×) and {marginal[1]:.0f} ms (10×→100×)"
    )
    build_time, validate = statistics.median(m.build_times), statistics.median(m.validate)
    return [
        compared("first answer, share link, cold", t["ours_first"], t["ref_first"], 0.15),
        compared("live answer from Pyodide (with dispatch), cold", t["ours_live"], t["ref_live"], 0.60),
        compared("live answer from Pyodide (with dispatch), warm", t["ours_warm"], t["ref_warm"], 0.50),
        compared("live answer, cold, through a phone's link (9 Mbit/s shared, 40 ms a request)", t["ours_phone"], t["ref_phone"], 0.60),
        compared("live link, first useful content (what the build knows), cold, 9 Mbit/s link", t["ours_phone_useful"], t["ref_phone"], 0.15),
        compared("distance link (km=55), answer, cold, 9 Mbit/s link", t["ours_phone_distance"], t["ref_phone"], 0.15),
        compared("live answer, cold, through a slow phone's link (1.6 Mbit/s shared, 150 ms a request)", t["ours_slow"], t["ref_slow"], None),
        compared("live link, first useful content (what the build knows), cold, 1.6 Mbit/s link", t["ours_slow_useful"], t["ref_slow"], 0.15),
        compared("distance link (km=55), answer, cold, 1.6 Mbit/s link", t["ours_slow_distance"], t["ref_slow"], 0.15),
        compared("bytes sent for a first live answer (with dispatch), cold", sent["ours_live"], sent["ref_live"], 1.0, megabytes),
        Row("bytes sent for a live answer, warm", megabytes(sent["ref_warm"]), megabytes(sent["ours_warm"])),
        Row("bytes sent for a checker visit the build answers (share link, then 10 s idle), cold", "",
            f"{m.idle_sent / 1000:,.0f} KB", "", "≤ 300 KB", m.idle_sent <= 300_000),
        Row("main thread blocked (Lighthouse TBT, mobile, median of 3)", f"{lh['reference']['tbt']:,.0f} ms",
            f"{lh['checker']['tbt']:,.0f} ms", "", "< 200 ms", lh["checker"]["tbt"] < 200),
        Row("Lighthouse performance, checker page (median of 3)", f"{lh['reference']['score']:.2f}",
            f"{lh['checker']['score']:.2f}", "", "≥ 0.95", lh["checker"]["score"] >= 0.95),
        Row("Lighthouse performance, /compare/ and /fr/ (median of 3)", "",
            f"{lh['plain']['score']:.2f} and {lh['home']['score']:.2f}", "", "1.00",
            lh["plain"]["score"] >= 1 and lh["home"]["score"] >= 1),
        Row("answer after changing one field, runtime ready", "", f"{m.change:.0f} ms", "", "< 50 ms", m.change < 50),
        Row("bytes of Pyodide on five other pages", "", f"{m.elsewhere}", "", "0", m.elsewhere == 0),
        Row("`python -m checker validate` (whole command, median of 3)", "", f"{validate:.2f} s", "", "< 1 s", validate < 1),
        Row("`mkdocs build`, both editions (median of 3)", "", f"{build_time:.2f} s", "", "< 3 s", build_time < 3),
        Row("`mkdocs build` on 1×, 10×, 100× the coverage rows", "", scaling, "", "linear"),
    ]  # fmt: skip


def report(m: Measured, table: list[Row]) -> str:
    versions = {
        "python": platform.python_version(),
        "chromium": subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip(),
        "pyodide": json.loads((PYODIDE / "package.json").read_text())["version"],
        "lighthouse": json.loads((ROOT / "bench" / "node_modules" / "lighthouse" / "package.json").read_text())[
            "version"
        ],
    }
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    # Other work on the machine slows every time measured (and Lighthouse's blocking time most): said.
    machine += f"; load average {m.load[0]:.1f} when the run started, {os.getloadavg()[0]:.1f} when it ended"
    return "\n".join(
        [
            "# Benchmark results",
            "",
            f"Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `make bench` ({m.runs} runs each, medians with min–max).",
            f"Machine: {machine}. Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".",
            "Served from localhost by bench/run.py's static host (brotli/gzip as asked; the caching the site's _headers asks for),",
            "which counts the bytes it sends (compressed, headers included; a precompressed `.br` copy where the build wrote one);",
            "a phone's link is another such host that sends through one downlink shared by all requests and adds a delay to each:",
            f"9 Mbit/s and 40 ms, or a slow phone's 1.6 Mbit/s and 150 ms ({SLOW_RUNS} runs: each takes about a minute).",
            "Cold: a new browser profile; warm: a second visit in the same profile. Times are from navigation start.",
            "A live link's first useful content: the part of its answer the build knows (coverage, zone, response, contacts),",
            "on screen while the runtime computes the arrival time; the reference shows nothing before its whole answer, so its",
            "figure is its first answer. A distance link's reference is the reference's first answer on the same link.",
            "",
            "| figure | textbook reference | this site | ratio | target | met |",
            "| --- | --- | --- | --- | --- | --- |",
            *(row.line() for row in table),
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print the table, leave bench/RESULTS.md as it is")
    args = parser.parse_args()
    measured = measure(args.runs)
    text = report(measured, rows(measured))
    print(text)
    if not args.no_write:
        (ROOT / "bench" / "RESULTS.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
