"""Debian's Chromium as the benchmark and the tests launch it (never a browser Playwright downloads).

Its home is the benchmark, a tool of the project: the tests import it from here, and the benchmark
imports nothing from the tests.
"""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Headless, as root, reaching nothing but localhost (without the background-networking flags it tries
# outside hosts).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
