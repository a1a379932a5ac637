"""Build the real site with `mkdocs build`, and serve a built folder on localhost, for the tests."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path
from typing import ClassVar

from hooks import headers

ROOT = Path(__file__).resolve().parent.parent


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


class Paced:
    """A file served in `slices` parts: the first at once, each next one once the test lets it go
    (`release`), so that a test sees what the page does with each part as it arrives, on events."""

    def __init__(self, name: str, slices: int) -> None:
        self.name, self.slices = name, slices
        self._gate = threading.Semaphore(0)

    def release(self) -> None:
        self._gate.release()

    def send(self, body: bytes, output) -> None:
        size = -(-len(body) // self.slices)
        for start in range(0, len(body), size):
            if start and not self._gate.acquire(timeout=120):
                return  # the test ended without letting the rest go
            output.write(body[start : start + size])
            output.flush()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    rules: ClassVar[list[headers.Rule]] = []
    requested: ClassVar[list[str]] = []  # the paths asked for, in order
    paced: ClassVar[list[Paced]] = []

    def copyfile(self, source, outputfile):
        name = self.path.split("?")[0].rsplit("/", 1)[-1]
        for paced in self.paced:
            if paced.name == name:
                return paced.send(source.read(), outputfile)
        return super().copyfile(source, outputfile)

    def log_message(self, format, *args):
        pass

    def send_head(self):
        self.requested.append(self.path.split("?")[0])
        return super().send_head()

    def end_headers(self):
        for name, value in headers.for_path(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        """A lost address gets the nearest 404.html above it, with status 404, as a host serves it
        (Cloudflare Pages by itself; README, Hosting)."""
        page = self._nearest_not_found() if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _nearest_not_found(self) -> Path | None:
        root = Path(self.directory)
        folder = Path(self.translate_path(self.path))
        for candidate in (folder, *folder.parents):
            if candidate.is_relative_to(root) and (candidate / "404.html").is_file():
                return candidate / "404.html"
        return None


@contextmanager
def serve(
    folder: Path,
    rules: list[headers.Rule] | None = None,
    requested: list[str] | None = None,
    paced: list[Paced] | None = None,
) -> Iterator[str]:
    """Serve `folder` on a free localhost port, with the headers of `rules` (a host's _headers), noting
    each path asked for in `requested`, sending the files of `paced` part by part; yields the base URL."""
    handler = type(
        "Handler",
        (_QuietHandler,),
        {"rules": rules or [], "requested": [] if requested is None else requested, "paced": paced or []},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
