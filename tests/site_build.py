"""Build the real site with `mkdocs build`, and serve a built folder on localhost, for the tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from hooks import headers

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's, never a downloaded one
# Debian's Chromium, headless, as root, reaching nothing but localhost (without the background-networking
# flags it tries outside hosts). Used by the tests and by the benchmark.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


WITHOUT_BUILDS = "TESTS_WITHOUT_BUILDS"  # set by tests/conftest.py for a run that leaves out `build` tests


def mkdocs_build(
    site: Path, source: Path | None = None, project: Path = ROOT, env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` (this one, or a copy) into `site`; `env` sets (or, with None, unsets)
    environment variables."""
    if os.environ.get(WITHOUT_BUILDS):
        raise AssertionError("this test builds the site: mark it `build` (tests/conftest.py)")
    variables = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if source is not None:
        variables["COVERAGE_SOURCE"] = str(source)
    for name, value in (env or {}).items():
        if value is None:
            variables.pop(name, None)
        else:
            variables[name] = value
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(command, cwd=project, env=variables, capture_output=True, text=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    rules: ClassVar[list[headers.Rule]] = []
    requested: ClassVar[list[str]] = []  # the paths asked for, in order

    def log_message(self, format, *args):
        pass

    def send_head(self):
        self.requested.append(self.path.split("?")[0])
        return super().send_head()

    def end_headers(self):
        for name, value in headers.for_path(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve(folder: Path, rules: list[headers.Rule] | None = None, requested: list[str] | None = None) -> Iterator[str]:
    """Serve `folder` on a free localhost port, with the headers of `rules` (a host's _headers), noting
    each path asked for in `requested`; yields the base URL."""
    handler = type(
        "Handler", (_QuietHandler,), {"rules": rules or [], "requested": [] if requested is None else requested}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
