"""`make serve` says in the browser why the site cannot be built (issue 19 §3): while the source is broken
every URL answers an error page with its `file:line` messages, which reloads into the site once a save
fixes it; a busy port is said in one line. A real preview (hooks/preview.py, MkDocs' own server and
build) and Debian's Chromium."""

from __future__ import annotations

import os
import subprocess
import sys

from hooks.publish import SITE_URL
from tests.helpers import SOURCE_TEXT, edit, free_port, line_of, running, served, write_source
from tests.site_build import ROOT

BUILD_WAIT = 180  # s: a bound on polling a server that builds the site, not a timing assertion
ZONE_HOURS = '      hours: {"1": 8, "2": 12, "3": 24}'
SLIPPED = edit(SOURCE_TEXT, (ZONE_HOURS, ZONE_HOURS[2:]))  # indented 4 spaces instead of 6


def _preview(tmp_path, port: int):
    env = {**os.environ, "COVERAGE_SOURCE": str(tmp_path / "coverage.yml"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop(SITE_URL, None)  # a preview needs no address
    return running([sys.executable, "-m", "hooks.preview", "--port", str(port)], env, tmp_path / "serve.log")


def test_a_broken_source_is_an_error_page_at_every_url_that_reloads_into_the_site(tmp_path, browser):
    source = write_source(tmp_path, SLIPPED)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    message = f"{source}:{line_of(ZONE_HOURS)}: indentation: this line is indented 4 spaces: indent it 6"
    with _preview(tmp_path, port) as server:
        for path in ("/", "/fr/checker/", "/no/such/page/"):
            assert message in served(base + path, "The site cannot be built", 503, BUILD_WAIT)
        page = browser.new_page()
        try:
            page.goto(base + "/fr/checker/")
            assert message in page.locator("main").inner_text()
            write_source(tmp_path, SOURCE_TEXT)  # the writer fixes it and saves
            page.wait_for_selector("#st-checker-form-title", timeout=BUILD_WAIT * 1000)  # reloaded into the site
            assert page.locator("html").get_attribute("lang") == "fr"
            write_source(tmp_path, SLIPPED.replace(ZONE_HOURS[2:], ZONE_HOURS[1:]))  # broken again: 5 spaces
            page.wait_for_selector("#st-preview-error", timeout=BUILD_WAIT * 1000)
            assert "this line is indented 5 spaces: indent it 6" in page.locator("main").inner_text()
        finally:
            page.close()
        assert server.poll() is None  # the preview runs on through every failed build


def test_a_busy_port_is_said_with_how_to_choose_another(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "hooks.preview", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"make serve: port {port} is in use (another `make serve`, or another program): stop it, or choose "
        f"another port: make serve PORT={port + 1}"
    )
    assert "Traceback" not in result.stderr
