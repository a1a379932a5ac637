"""Our own scripts and stylesheet under names that change with their content, as Material names its own.

A host may then keep them for a year (hooks/headers.py says so in site/_headers), and a second visit
asks for none of them again: no revalidation before the page paints, nor before the checker's worker
and its start-up module load, one after the other.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

FINGERPRINTED = ("assets/site.css", "assets/checker/app.js", "assets/checker/worker.js", "assets/checker/runtime.mjs")


def fingerprinted(path: str, content: bytes) -> str:
    """assets/site.css -> assets/site.<12 hex digits of its SHA-256>.css"""
    name = PurePosixPath(path)
    return str(name.with_name(f"{name.stem}.{hashlib.sha256(content).hexdigest()[:12]}{name.suffix}"))


def names(docs: Path) -> dict[str, str]:
    """Each fingerprinted file's path in docs/ -> its name in the site."""
    return {path: fingerprinted(path, (docs / path).read_bytes()) for path in FINGERPRINTED}
