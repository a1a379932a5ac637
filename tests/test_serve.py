"""A writer's preview: `mkdocs serve` rebuilds when the coverage source changes."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from hooks.publish import SITE_URL
from tests.helpers import SOURCE_TEXT, edit, free_port, running, served, write_source

pytestmark = pytest.mark.build  # it builds the site, in `mkdocs serve`: not part of `make test-fast`

WAIT_SECONDS = 90  # bounded polling, not a timing assertion


def test_serve_rebuilds_when_the_source_changes(tmp_path):
    source = write_source(tmp_path, SOURCE_TEXT)
    port = free_port()
    temporary = tmp_path / "tmp"  # the server's temporary folders, all of them here
    temporary.mkdir()
    env = {**os.environ, "COVERAGE_SOURCE": str(source), "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)}
    env.pop(SITE_URL)  # a preview needs no address: `mkdocs serve` uses its own
    log = tmp_path / "serve.log"
    try:
        with running([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], env, log):
            url = f"http://127.0.0.1:{port}/fr/remote-support/"
            served(url, "1\u00a0800\u00a0672\u00a06937", 200, WAIT_SECONDS, log)
            write_source(tmp_path, edit(SOURCE_TEXT, ("number: 1 800 672 6937", "number: 1 800 555 0199")))
            served(url, "1\u00a0800\u00a0555\u00a00199", 200, WAIT_SECONDS, log)
        assert [path.name for path in temporary.iterdir()] == []  # stopped cleanly: nothing left behind
    finally:
        shutil.rmtree(temporary, ignore_errors=True)  # and if it was killed, nothing left either
