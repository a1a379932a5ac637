"""What many tests do, written once: edit a copy of the real source, run the command line, and wait
for the checker page's answer in the browser.

A test that breaks the source starts from the real `coverage_data/coverage.yml` and changes a few
exact strings, so that it keeps testing the source as it is; an edit whose string is no longer there
fails loudly instead of testing the unchanged file.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import coverage_data
from tests.site_build import ROOT

SOURCE_TEXT = coverage_data.SOURCE.read_text(encoding="utf-8")  # the real source, as committed


def edit(text: str, *changes: tuple[str, str], count: int = -1) -> str:
    """`text` with each `(old, new)` replaced in turn (every occurrence, or the first `count`); each
    `old` must be there."""
    for old, new in changes:
        assert old in text, f"not in the text: {old!r}"
        text = text.replace(old, new, count)
    return text


def write_source(folder: Path, text: str, name: str = "coverage.yml") -> Path:
    """`text` written as `folder/name`; returns its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def edited_source(folder: Path, *changes: tuple[str, str], count: int = -1) -> Path:
    """A copy of the real source in `folder`, with each `(old, new)` replaced (see `edit`)."""
    return write_source(folder, edit(SOURCE_TEXT, *changes, count=count))


def line_of(old: str, text: str = SOURCE_TEXT) -> int:
    """The line (from 1) on which `old` first starts in `text` (the real source by default): where a
    problem with an edit of it is reported."""
    assert old in text, f"not in the text: {old!r}"
    return text[: text.index(old)].count("\n") + 1


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m checker ARGS` as a rep or a writer runs it, in a real subprocess from the project's
    folder; `env` adds to (or overrides) the environment."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def cli_answer(*args: str) -> dict:
    """The answer the command line gives with `--json` (it must succeed)."""
    result = run_cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["answer"]


@contextmanager
def running(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A server a test starts (`make serve`'s, say), from the project's folder, its output in `log`: in a
    process group of its own, stopped with SIGINT (what Ctrl-C sends: MkDocs then removes its temporary
    folder), killed if it does not stop, and reaped, whatever the test did (STACK-NOTES)."""
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield process
        finally:
            for sent, wait in ((signal.SIGINT, 30), (signal.SIGKILL, 10)):
                if process.poll() is None:
                    os.killpg(process.pid, sent)
                    try:
                        process.wait(timeout=wait)
                    except subprocess.TimeoutExpired:
                        continue


def answers(url: str, status: int | None = None) -> str | None:
    """The body `url` answers (with `status`, if given), or None: the server is not up yet, or answers
    something else."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            code, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        code, body = error.code, error.read().decode("utf-8")
    except OSError:
        return None
    return body if status is None or code == status else None


def served(url: str, text: str, status: int | None = None, seconds: float = 180, log: Path | None = None) -> str:
    """The body `url` answers (with `status`, if given) once it holds `text`: a server a test started
    (`running`) is polled, within a bound, never timed; past it, the assertion shows the server's log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = answers(url, status)
        if body is not None and text in body:
            return body
        time.sleep(0.5)
    said = log.read_text(errors="replace")[-2000:] if log else ""
    raise AssertionError(f"{url} never answered {status or 'anything'} with {text!r}\n{said}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


RUNTIME_WAIT = 60_000  # ms; a correctness test, not a timing one: the runtime may take its time here


class Held:
    """Requests matching a pattern, held back (a Playwright route) until the test lets them go.

    A route's handler runs only once the request is made and its event has reached the test: a test
    that asserts a request is held must wait for it (`wait`), or it races the worker that makes it
    (issue 21 §5). Waiting is on events, never on time."""

    def __init__(self, page, pattern: str) -> None:
        self.page, self.pattern, self.routes = page, pattern, []
        page.route(pattern, lambda route: self.routes.append(route))

    def wait(self) -> None:
        """Once the request has been seen (`page.expect_request` around what makes it), until its route
        event, which follows it on the same connection, has reached the handler."""
        for _ in range(10_000):
            if self.routes:
                return
            self.page.evaluate("0")  # a round trip: the route event, sent before its reply, is handled
        raise AssertionError(f"{self.pattern} was requested but never reached its route")

    def release(self) -> None:
        for route in self.routes:
            route.continue_()
        self.routes.clear()


def finished(page, fragment: str) -> None:
    """Until a request whose URL holds `fragment` has finished (a page of the `open_page` fixture, which
    records them): one already finished counts, and one still to come is waited for, on its event."""
    while not any(fragment in url for url in page.finished):
        page.wait_for_event("requestfinished", timeout=RUNTIME_WAIT)


def answered(page) -> str:
    """Wait until the checker page has settled its question; its state: "ready" or "error"."""
    page.wait_for_selector('#st-answer[data-state="ready"], #st-answer[data-state="error"]', timeout=RUNTIME_WAIT)
    return page.locator("#st-answer").get_attribute("data-state")


SEARCH_TRIES = 15


def search(page, start: str, query: str) -> list[str]:
    """Type the query; Material ignores what is typed before its index is ready, so type again until
    it answers (a bounded number of times)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(start)
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(SEARCH_TRIES):
        box.fill("")
        box.press_sequentially(query)
        try:
            page.wait_for_selector(".md-search-result__item a", timeout=1_000)
            break
        except PlaywrightTimeout:
            continue
    # In one call: Material re-renders the list as the query settles, so links read one by one could be
    # gone by the time each is read.
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")
