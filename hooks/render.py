"""Render a page's Markdown as a Jinja template whose helpers insert the source's facts as HTML.

The helpers' HTML (autoescaped: a text of the source is never markup) does not go through Markdown,
which gains nothing from it and slows down on large raw HTML: Markdown sees a small placeholder, and
`fill` puts the HTML in its place once Markdown is done. Tab sets are written in the markup of
pymdownx.tabbed, so that Material's linked content tabs ("United States / Canada") work across the page.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from checker.link_tables import link_reading
from checker.query import FIELDS
from checker.text import ui
from coverage_data import interface
from hooks.runtime import ANSWERS, Runtime, answer_files, boot_script, distances_file
from hooks.view import View

TEMPLATES = Path(__file__).with_name("templates")
# Markdown's own punctuation (Python-Markdown's backslash escapes): a source text put into a page's
# Markdown is escaped, so that `[x](javascript:…)` in a name stays text. Our HTML blocks (Markup) pass.
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()>#+\-.!|]")


def _as_markdown_text(value: object) -> object:
    return value if isinstance(value, Markup) else _MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", str(value))


def _environment(finalize: Callable[[object], object] | None = None) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # a source text is never HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )


ENV = _environment()  # HTML templates
MARKDOWN = _environment(finalize=_as_markdown_text)  # pages' Markdown


class PageRenderer:
    """The helpers of one page; tab sets are numbered per page, as pymdownx.tabbed numbers them."""

    def __init__(self, view: View, page_path: str, edition: str, runtime: Runtime, names: dict[str, str]) -> None:
        self.view = view
        self.page_path = page_path  # the page's URL inside its language edition, e.g. "offerings/standard-sla/"
        self.edition = edition  # "" for the default edition, "fr/" for French
        self.runtime = runtime
        self.names = names  # fingerprinted assets: docs path -> site path (hooks/fingerprint.py)
        self._tab_sets = itertools.count(1)
        self._depth = 0  # > 0 while a template renders: its partials are plain HTML inside it
        self.blocks: dict[str, str] = {}  # placeholder -> HTML, for `fill`
        self.head: dict[str, object] = {}  # what the page's template puts in <head> (page.meta)

    def asset(self, path: str) -> str:
        """A file at the site's root (assets exist once, for both editions), relative to this page."""
        return _relative(self.names.get(path, path), self.edition + self.page_path)

    def link(self, target: str) -> str:
        """A URL of the same edition, relative to this page (raw HTML links are not rewritten by MkDocs)."""
        return _relative(target, self.page_path)

    def share(self, contract: str) -> str:
        """The checker's share-link query for an offering, in the first market that sells it."""
        return urlencode(self.view.share_params(contract))

    def partial(self, name: str, **values: object) -> Markup:
        """A template's HTML: in place inside another template, as a placeholder in the page's Markdown."""
        return self._place(self._render(name, **values))

    def _render(self, name: str, **values: object) -> str:
        self._depth += 1
        try:
            return ENV.get_template(name).render(v=self.view, h=self, **values)
        finally:
            self._depth -= 1

    def _place(self, html: str) -> Markup:
        if self._depth:
            return Markup(html)
        placeholder = f'<div data-st-block="{len(self.blocks)}"></div>'
        self.blocks[placeholder] = html
        return Markup(f"\n{placeholder}\n")

    def fill(self, html: str) -> str:
        """The page's HTML with each placeholder replaced by its block."""
        for placeholder, block in self.blocks.items():
            html = html.replace(placeholder, block, 1)
        return html

    def checker_config_to_head(self) -> str:
        """The page's template writes the checker's config into <head>, followed by its first lines (inline:
        they decide, before anything else loads, what to fetch and whether to start the runtime; see
        overrides/checker.html)."""
        self.head["checker_config"] = self.checker_config()
        self.head["checker_script"] = self.asset("assets/checker/app.js")
        self.head["checker_boot"] = f"<script>{boot_script()}</script>"
        return ""

    def checker_config(self) -> dict[str, object]:
        """What the checker's scripts need (the page's first lines, app.js, the worker): where the runtime
        is and what its files weigh, the build's answers and the checker's reading of a link's finite part
        (as tables: the page looks values up, it never reads them another way), and the words it shows."""
        lang, data = self.view.lang, self.view.data
        text = {key: data["ui"][key][lang] for key in interface.SCRIPT}
        # Said by the page's first lines when the page's own script could not be loaded.
        text["unavailable_script"] = ui(data, "unavailable", lang, reason=data["ui"]["unavailable_load"][lang])
        reading = link_reading(data, lang)
        return {
            "lang": lang,
            "app": self.asset("assets/checker/app.js"),
            "pyodide": self.asset(self.runtime.pyodide_dir),
            "archive": self.asset(self.runtime.archive_path),
            "snapshot": self.asset(self.runtime.snapshot_path),
            "stdlib": self.asset(self.runtime.stdlib_path),
            "worker": self.asset("assets/checker/worker.js"),
            "runtime": self.asset("assets/checker/runtime.mjs"),
            "sizes": self.runtime.sizes(),
            "answers": self.asset(f"{ANSWERS}/{lang}/"),
            "files": answer_files(data),
            "distances": {market: distances_file(market) for market in reading["km"]},
            "reading": reading,
            "fields": list(FIELDS),
            "text": text,
        }

    def page(self, name: str, **values: object) -> Markup:
        """A generated page's Markdown, from a template of its own."""
        return Markup(MARKDOWN.get_template(name).render(v=self.view, h=self, **values))

    def per_market(self, name: str, **values: object) -> Markup:
        """The partial once per market, in tabs labelled with the markets' names."""
        panels = [(self.view.market_name(m), Markup(self._render(name, market=m, **values))) for m in self.view.markets]
        opens = self.view.markets.index(self.view.home_market)
        return self._place(self._render("tabs.html", set_id=next(self._tab_sets), panels=panels, opens=opens))

    def render(self, markdown: str) -> str:
        return MARKDOWN.from_string(markdown).render(v=self.view, h=self)


def not_found(view: View, home: str) -> Markup:
    """The body of an edition's 404 page; `home` is the edition's root from the host's root (the page is
    served at any address, so its links are absolute)."""
    return Markup(ENV.get_template("not_found.html").render(v=view, home=home))


def _relative(target: str, start: str) -> str:
    """`target` (a path from a site or edition root) relative to the page at `start`; a folder keeps its /."""
    relative = posixpath.relpath(target or ".", start or ".")
    return "./" if relative == "." else relative + ("/" if target.endswith("/") else "")
