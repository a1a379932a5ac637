"""site/_headers: what the site asks of its host, in the format of common static hosts (Netlify,
Cloudflare Pages). Every path gets the Content-Security-Policy (hooks/csp.py); every file whose name
changes with its content gets a year of caching, so that a second visit asks the host for nothing but
the page. Anything else (pages, prebuilt answers, the search index) is revalidated on each visit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FOREVER = "public, max-age=31536000, immutable"
# Names that carry a content hash: Material's (bundle.a5f9d56c.min.js), ours (app.3f2a…9c.js,
# checker-56e626b7222a.zip). Pyodide's files carry their version in their folder instead.
_HASHED = re.compile(r"[.-][0-9a-f]{8,}\.[a-z]+(\.[a-z]+)?$")


@dataclass(frozen=True)
class Rule:
    path: str  # an exact path, or a prefix ending in "*"
    headers: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        return path.startswith(self.path[:-1]) if self.path.endswith("*") else path == self.path


def rules(site: Path, policy: str, versioned: list[str]) -> list[Rule]:
    """`versioned`: folders (from the site's root) whose files never change under the same path."""
    hashed = sorted(
        "/" + path.relative_to(site).as_posix()
        for path in (site / "assets").rglob("*")
        if path.is_file() and _HASHED.search(path.name)
    )
    cached = [*(f"/{folder.strip('/')}/*" for folder in versioned), *hashed]
    return [
        Rule("/*", (("Content-Security-Policy", policy),)),
        *(Rule(path, (("Cache-Control", FOREVER),)) for path in cached),
    ]


def write(site: Path, rules_: list[Rule]) -> None:
    blocks = [rule.path + "".join(f"\n  {name}: {value}" for name, value in rule.headers) for rule in rules_]
    (site / "_headers").write_text("\n".join(blocks) + "\n", encoding="utf-8")


def read(site: Path) -> list[Rule]:
    """The rules back from site/_headers (for a server that applies them: the tests', the benchmark's)."""
    parsed: list[Rule] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            parsed.append(Rule(line.strip(), ()))
        elif line.strip():
            name, _, value = line.strip().partition(": ")
            parsed[-1] = Rule(parsed[-1].path, (*parsed[-1].headers, (name, value)))
    return parsed


def for_path(rules_: list[Rule], path: str) -> dict[str, str]:
    """The headers a host sends for `path`: those of every matching rule."""
    return {name: value for rule in rules_ if rule.matches(path) for name, value in rule.headers}
