"""The site's Content-Security-Policy: its own origin only, plus what Pyodide needs.

Material writes a few small inline scripts; their hashes are allowed, nothing else inline. WebAssembly
needs 'wasm-unsafe-eval' (not 'unsafe-eval'); the checker's worker comes from the site itself. The
policy goes into site/_headers (hooks/headers.py) for whoever hosts the site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(site: Path) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(site)],
        "worker-src": ["'self'"],
        "connect-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],  # Material sets style attributes from its scripts
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
