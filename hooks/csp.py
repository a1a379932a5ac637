"""The site's Content-Security-Policy: its own origin only, plus what Pyodide needs.

Inline scripts are allowed by hash, and only those the project and Material ship, known by their
content: the `<script>` blocks of the theme's templates (Material's and ours in `overrides/`), where a
template expression may stand only for the page's relative base URL (`..`, `../..`), and the checker
page's first lines (docs/assets/checker/boot.js, put into the page whole). An inline script
of any other content in a built page is never hashed: the build fails naming the page, so a script
that reached a page through the source cannot be allowed by accident. WebAssembly needs
'wasm-unsafe-eval' (not 'unsafe-eval'); the checker's worker comes from the site itself. The policy
goes into site/_headers (hooks/headers.py) for whoever hosts the site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from hooks.runtime import boot_script

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_BASE_URL = r"[./]*"  # what a template expression in a shipped script renders to: the base URL


class UnknownInlineScript(ValueError):
    """A built page holds an inline script that neither the project nor Material ships."""


def known_scripts(theme_dirs: Iterable[str | Path]) -> list[re.Pattern[str]]:
    """The inline scripts of the theme's templates, as patterns of the text they render to, and the
    project's own inline script (the checker page's first lines, put into the page whole)."""
    patterns = [re.compile(re.escape(boot_script()))]
    for folder in theme_dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            for body in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                if "{%" in body:
                    continue  # a script built by template logic is not a known content
                literal = _EXPRESSION.split(body)
                patterns.append(re.compile(_BASE_URL.join(re.escape(part) for part in literal), re.DOTALL))
    return patterns


def inline_script_hashes(site: Path, known: list[re.Pattern[str]]) -> list[str]:
    hashes = set()
    for page in sorted(site.rglob("*.html")):
        for body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if not any(pattern.fullmatch(body) for pattern in known):
                raise UnknownInlineScript(
                    f"{page.relative_to(site)}: an inline script that neither the project nor Material ships: "
                    f"{body[:80]!r}"
                )
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(site: Path, theme_dirs: Iterable[str | Path]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(site, known_scripts(theme_dirs))],
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
