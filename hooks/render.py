"""Render a page's Markdown as a Jinja template whose helpers insert the source's facts as HTML.

Every helper returns one HTML block (autoescaped: a text of the source is never markup), which
Markdown passes through untouched. Tab sets are written in the markup of pymdownx.tabbed, so that
Material's linked content tabs ("United States / Canada") work across the page.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from hooks.runtime import ANSWERS, Runtime
from hooks.view import View

TEMPLATES = Path(__file__).with_name("templates")
ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_BLANK_LINES = re.compile(r"\n\s*\n")


def block(html: str) -> Markup:
    """An HTML block that Markdown keeps whole: no blank line inside, one around it."""
    return Markup("\n" + _BLANK_LINES.sub("\n", html.strip()) + "\n")


class PageRenderer:
    """The helpers of one page; tab sets are numbered per page, as pymdownx.tabbed numbers them."""

    def __init__(self, view: View, page_path: str, edition: str, runtime: Runtime) -> None:
        self.view = view
        self.page_path = page_path  # the page's URL inside its language edition, e.g. "offerings/standard-sla/"
        self.edition = edition  # "" for the default edition, "fr/" for French
        self.runtime = runtime
        self._tab_sets = itertools.count(1)

    def asset(self, path: str) -> str:
        """A file at the site's root (assets exist once, for both editions), relative to this page."""
        relative = posixpath.relpath(path, self.edition + self.page_path or ".")
        return relative + ("/" if path.endswith("/") else "")

    def link(self, target: str) -> str:
        """A URL of the same edition, relative to this page (raw HTML links are not rewritten by MkDocs)."""
        relative = posixpath.relpath(target or ".", self.page_path or ".")
        return "./" if relative == "." else relative + ("/" if target.endswith("/") else "")

    def share(self, contract: str) -> str:
        """The checker's share-link query for an offering, in the first market that sells it."""
        return urlencode(self.view.share_params(contract))

    def partial(self, name: str, **values: object) -> Markup:
        return block(ENV.get_template(name).render(v=self.view, h=self, **values))

    def checker_config(self) -> dict:
        """What the checker's script needs: where the runtime is, and the words it shows while loading."""
        words = (
            "loading",
            "loading_progress",
            "ready",
            "unavailable",
            "unavailable_load",
            "unavailable_browser",
            "link_copied",
        )
        return {
            "lang": self.view.lang,
            "pyodide": self.asset(self.runtime.pyodide_dir),
            "archive": self.asset(self.runtime.archive_path),
            "snapshot": self.asset(self.runtime.snapshot_path),
            "worker": self.asset("assets/checker/worker.js"),
            "answers": self.asset(f"{ANSWERS}/{self.view.lang}/"),
            "text": {key: self.view.data["ui"][key][self.view.lang] for key in words},
        }

    def page(self, name: str, **values: object) -> Markup:
        """A generated page's Markdown, from a template of its own."""
        return Markup(ENV.get_template(name).render(v=self.view, h=self, **values))

    def per_market(self, name: str, **values: object) -> Markup:
        """The partial once per market, in tabs labelled with the markets' names."""
        panels = [(self.view.market_name(m), self.partial(name, market=m, **values)) for m in self.view.markets]
        return self.partial("tabs.html", set_id=next(self._tab_sets), panels=panels)

    def render(self, markdown: str) -> str:
        return ENV.from_string(markdown).render(v=self.view, h=self)
