"""Brotli copies, at its highest level, of the runtime's large files, beside them: `x.wasm` gets `x.wasm.br`.

A host that serves precompressed files (nginx's `brotli_static on`, Caddy's `precompressed br`) sends
the copy to a browser that accepts brotli; one that compresses as it sends does so at a lower level on
files this size (level 11 takes 20 s on Pyodide's 9.6 MB WebAssembly). At level 11 the WebAssembly
is 2.74 MB instead of 3.10 MB at level 9 (a host's best on the fly): 0.3 s less at 9 Mbit/s, 1.8 s at
1.6 Mbit/s, on every first live answer (the benchmark measures it, README "The benchmark"). Smaller
files gain little and hosts compress them well enough; a zip (the standard library, the checker's
archive) does not compress further. Each copy is made once per content and kept in .cache/.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "brotli"
SMALLEST = 1_000_000  # bytes: a file at least this big gets a copy
COMPRESSIBLE = (".wasm", ".mjs", ".js")  # what a host compresses (a zip is compressed already)
SUFFIX = ".br"


def copy_of(content: bytes) -> bytes:
    """The content at brotli's highest level, made once (the level costs seconds per megabyte)."""
    cached = CACHE / f"{hashlib.sha256(content).hexdigest()}{SUFFIX}"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        compressed: bytes = brotli.compress(content, quality=11)
        partial.write_bytes(compressed)
        partial.replace(cached)  # whole or not at all: a build never reads half a copy
    return cached.read_bytes()


def write(folder: Path) -> list[Path]:
    """A brotli copy beside each large compressible file under `folder`; the copies written."""
    written = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size >= SMALLEST:
            target = path.with_name(path.name + SUFFIX)
            target.write_bytes(copy_of(path.read_bytes()))
            written.append(target)
    return written
