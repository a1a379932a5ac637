"""`make serve`: MkDocs' preview, which says in the browser what is wrong with the source.

`mkdocs serve` stops at once when the first build fails, and while it runs a failed rebuild leaves every
page loading: its server waits for a build that never succeeds, and the reason is only in the terminal.
Here the same MkDocs server builds the same site, but a build that fails (a broken source, a missing
translation, a strict warning) puts an error page in the site's place: every URL answers it, with each
`file:line: message`, and it reloads itself (MkDocs' own live-reload script) after the next build, into
the site once a save has fixed the source. A port already in use is said in one line, with how to
choose another. Verified with MkDocs 1.6.1 (it reads LiveReloadServer's epochs; see hooks/i18n.py for
the rest of what the build relies on).

    python -m hooks.preview [--port 8000]     # what `make serve` runs (`make serve PORT=8001`)
"""

from __future__ import annotations

import argparse
import errno
import logging
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from hooks.render import TEMPLATES

HOST = "127.0.0.1"
_LOG = logging.getLogger("mkdocs")
_PAGE = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True).get_template("preview.html")


class _Problems(logging.Handler):
    """MkDocs' warnings and errors during one build: what the error page shows."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class Outcome:
    """How the last build went: the error page while it failed, None once it succeeded."""

    error_page: bytes | None = None


class Preview(LiveReloadServer):
    """MkDocs' live-reload server; while the last build failed, every page is the error page."""

    outcome = Outcome()

    def _serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        failed = self.outcome.error_page
        if failed is None or str(environ["PATH_INFO"]).startswith("/livereload/"):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:  # the page reloads once a build newer than this one is done
            page: bytes = self._inject_js_into_html(failed, self._visible_epoch)  # type: ignore[no-untyped-call]
        start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8")])
        return [page]


def error_page(messages: list[str]) -> bytes:
    """The page, from the messages of a failed build (each may hold several `file:line: …` lines, under
    a line that ends with a colon)."""
    lines = [line for message in messages for line in message.splitlines() if line.strip()]
    return _PAGE.render(lines=lines).encode("utf-8")


def port_in_use(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def serve(port: int) -> int:
    if port_in_use(HOST, port):
        print(
            f"make serve: port {port} is in use (another `make serve`, or another program): stop it, or choose "
            f"another port: make serve PORT={port + 1}",
            file=sys.stderr,
        )
        return 1
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    url = f"http://{HOST}:{port}/"

    def configured() -> MkDocsConfig:
        config = load_config(site_dir=site_dir, dev_addr=f"{HOST}:{port}")
        config.site_url = url
        return config

    outcome = Outcome()

    def builder(config: MkDocsConfig | None = None) -> None:
        """A build; one that fails leaves the error page in the site's place, never an exception (the
        server would then wait for a build that never succeeds)."""
        problems = _Problems()
        _LOG.addHandler(problems)
        try:
            build(config or configured(), serve_url=url)
            outcome.error_page = None
        except Exception as error:  # whatever stops a build is shown in the browser
            outcome.error_page = error_page(problems.messages or [f"{type(error).__name__}: {error}"])
            _LOG.error("The site cannot be built: the browser shows why, and reloads once a save fixes it.")
        finally:
            _LOG.removeHandler(problems)

    config = configured()
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        builder(config)
        server = Preview(builder=builder, host=HOST, port=port, root=site_dir)
        server.outcome = outcome
        # Not config.docs_dir, which the hook points at the folder it assembles (each build would then
        # start another); mkdocs.yml's `watch` names docs/ itself.
        if config.config_file_path:
            server.watch(config.config_file_path)
        config.plugins.on_serve(server, config=config, builder=builder)
        for path in config.watch:
            server.watch(path)
        try:
            server.serve()  # type: ignore[no-untyped-call]  # untyped in MkDocs
        except KeyboardInterrupt:
            _LOG.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make serve", description="Preview the site; say in the browser what breaks it."
    )
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s")
    _LOG.setLevel(logging.INFO)
    # The server's log of requests (a 404 or an error page is a WARNING there) is not the build's: in
    # MkDocs' logger, a strict build would count it as a warning of its own, and abort.
    requests = logging.getLogger("mkdocs.livereload")
    requests.propagate = False
    requests.addHandler(logging.getLogger().handlers[0])
    return serve(args.port)


if __name__ == "__main__":
    sys.exit(main())
