"""A writer's preview: `mkdocs serve` rebuilds when the coverage source changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from hooks.publish import SITE_URL
from tests.helpers import SOURCE_TEXT, edit, write_source
from tests.site_build import ROOT

pytestmark = pytest.mark.build  # it builds the site, in `mkdocs serve`: not part of `make test-fast`

WAIT_SECONDS = 90  # bounded polling, not a timing assertion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_the_source_changes(tmp_path):
    source = write_source(tmp_path, SOURCE_TEXT)
    port = free_port()
    env = {**os.environ, "COVERAGE_SOURCE": str(source), "NO_MKDOCS_2_WARNING": "1"}
    env.pop(SITE_URL)  # a preview needs no address: `mkdocs serve` uses its own
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/fr/remote-support/"
        assert wait_for(url, "1\u00a0800\u00a0672\u00a06937")
        write_source(tmp_path, edit(SOURCE_TEXT, ("number: 1 800 672 6937", "number: 1 800 555 0199")))
        assert wait_for(url, "1\u00a0800\u00a0555\u00a00199")
    finally:
        server.send_signal(signal.SIGINT)  # SIGTERM would leave a /tmp/mkdocs_* folder behind
        server.wait(timeout=30)
