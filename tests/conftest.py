"""Shared fixtures: the real source, compiled once; a built site once per session (see test_site*)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import coverage_data
from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from coverage_data.source import BUILD_DAY_VARIABLE
from hooks.publish import SITE_URL
from tests.site_build import WITHOUT_BUILDS, mkdocs_build, serve

# A fixed build day, so that the holiday table (build year -1 .. +3) is the same whatever day tests run:
# for the data loaded here, and for every build, CLI run and Pyodide run a test starts (they read it).
BUILD_DAY = dt.date(2026, 11, 22)
os.environ[BUILD_DAY_VARIABLE] = BUILD_DAY.isoformat()
# The address every build a test starts is published at (a build without one stops: hooks/publish.py).
os.environ[SITE_URL] = "http://localhost:8000/"


@pytest.fixture(scope="session")
def data() -> dict:
    return coverage_data.load(today=BUILD_DAY)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per session with `mkdocs build --strict`."""
    folder = tmp_path_factory.mktemp("site")
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records console errors, page errors, every request (`requested`) and those
    leaving the site."""
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    tab.console_errors = []
    tab.requested = []
    tab.outside_requests = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.on(
        "request",
        lambda request: (
            not request.url.startswith((base_url, "data:", "blob:")) and tab.outside_requests.append(request.url)
        ),
    )
    yield tab
    context.close()


@pytest.fixture
def open_page(browser, base_url):
    """A page in a new context with the given device (viewport, is_mobile…), recording its errors and
    requests; every context is closed at the end."""
    contexts = []

    def opened(device: dict, **options):
        context = browser.new_context(base_url=base_url, **device, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.errors = []
        tab.requested = []
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
        tab.on("request", lambda request: tab.requested.append(request.url))
        tab.finished = []
        tab.on("requestfinished", lambda request: tab.finished.append(request.url))
        return tab

    yield opened
    for context in contexts:
        context.close()


# Markers, from what a test uses (see pyproject.toml): `make test-fast` runs the tests that need none.
_MARKED_BY_FIXTURE = {
    "browser": "browser",
    "page": "browser",
    "open_page": "browser",
    "site": "build",
    "base_url": "build",
}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture in item.fixturenames:
            if fixture in _MARKED_BY_FIXTURE:
                item.add_marker(_MARKED_BY_FIXTURE[fixture])
        if item.module.__name__.endswith("test_pyodide_parity"):
            item.add_marker("pyodide")
        if "mkdocs_build" in {*vars(item.module), *item.function.__code__.co_names} or "pre_commit" in item.name:
            item.add_marker("build")  # builds the site (or runs every hook) in a subprocess


def pytest_configure(config):
    """A run without the builds (`make test-fast`) refuses a build a test would start unmarked, so that a
    marker that misses one fails loudly instead of making the fast loop slow (tests/site_build.py)."""
    if "not build" in (config.option.markexpr or ""):
        os.environ[WITHOUT_BUILDS] = "1"
