"""The MkDocs hook: the source's facts become pages, tables and the checker, in both editions.

mkdocs-static-i18n runs the build once per edition in this process (and `mkdocs serve` rebuilds in it):
what the events share lives in one `Build` object, and the source is loaded once (again only when its
file changes). What the build relies on in mkdocs-static-i18n is in hooks/i18n.py; how a build
publishes the whole site or nothing, in hooks/publish.py.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

import coverage_data
from checker import days_off
from checker.model import Data
from coverage_data import interface, typography
from hooks import calendars, csp, fingerprint, headers, holiday_page, i18n, markup, precompress, publish, runtime
from hooks.render import PageRenderer, not_found
from hooks.view import View


@dataclass(frozen=True)
class Loaded:
    """The compiled source and the runtime it ships, for one version of the source file."""

    key: tuple[str, float]  # the file's path and modification time
    data: Data
    runtime: runtime.Runtime


@dataclass
class Build:
    """What the events share, as a plugin keeps its state on itself."""

    loaded: Loaded | None = None
    docs: Path | None = None  # the writer's docs/, before config.docs_dir points at the assembled copy
    assembled: Path | None = None  # the docs folder MkDocs reads (hooks/i18n.py, point 3)
    asset_names: dict[str, str] = field(default_factory=dict)  # fingerprinted assets: docs path -> site path
    renderers: dict[str, PageRenderer] = field(default_factory=dict)  # page -> its renderer, Markdown to HTML
    staging: publish.Staging | None = None  # where the build in progress writes the site
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its 404 page (hooks/i18n.py, point 6)


_build = Build()


def source_data() -> Data:
    """The compiled source, or a build error listing every `file:line: message`."""
    return _loaded().data


def checker_runtime() -> runtime.Runtime:
    return _loaded().runtime


def _loaded() -> Loaded:
    path = coverage_data.source_path()
    key = (str(path), path.stat().st_mtime)
    if _build.loaded is None or _build.loaded.key != key:
        try:
            data = coverage_data.load(path)
            shipped = runtime.runtime(data)
        except coverage_data.SourceError as error:
            raise PluginError(f"the coverage source is broken:\n{error}") from None
        except runtime.RuntimeMissing as error:
            raise PluginError(str(error)) from None
        _build.loaded = Loaded(key, data, shipped)
    return _build.loaded


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Site names and navigation titles of each edition come from the source's texts. A build of the
    whole site (not an edition built by mkdocs-static-i18n) needs its address, and writes into a
    staging folder."""
    if not i18n.inner_build(config):
        publish.check_site_url(config)
        _date_pages_on_the_build_day()
    data = source_data()
    i18n.translate_nav(config, data["ui"]["offerings"])
    lang = i18n.current_language(config) or data["languages"][0]
    # Markup: the theme prints site_name unescaped in places; the source's title is plain text.
    config.site_name = escape(data["site"]["title"][lang])
    _chrome_words(config, data, lang)
    _offering_nav(config, data)
    _assemble_docs(config, data)
    config.extra_css = [_build.asset_names.get(path, path) for path in config.extra_css]
    if not i18n.inner_build(config):
        _build.staging = publish.stage(config)
        _build.not_found = {}
    return config


def _date_pages_on_the_build_day() -> None:
    """A build for a named day (COVERAGE_BUILD_DAY) dates its pages on that day too: MkDocs writes
    the build's date into every sitemap entry, unless SOURCE_DATE_EPOCH names it. The same source on
    the same day then gives the same bytes, whenever it is built."""
    if coverage_data.BUILD_DAY_VARIABLE in os.environ and "SOURCE_DATE_EPOCH" not in os.environ:
        midnight = dt.datetime.combine(coverage_data.build_day(), dt.time(), dt.UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))


def _chrome_words(config: MkDocsConfig, data: Data, lang: str) -> None:
    """The theme's words that mkdocs.yml would give in one language only (the colour toggles, the
    headings' permalink title), in the edition's language, from the source."""
    for palette in config.theme["palette"]:
        palette["toggle"]["name"] = data["ui"][interface.TOGGLES[palette["scheme"]]][lang]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = data["ui"]["permalink"][lang]


def _assemble_docs(config: MkDocsConfig, data: Data) -> None:
    """Point MkDocs at docs/ (our scripts and stylesheet fingerprinted) plus one generated page per
    offering (and the offerings overview)."""
    if _build.docs is None or _build.assembled is None:
        _build.docs, _build.assembled = Path(config.docs_dir), i18n.assembled_folder()
    _build.asset_names = fingerprint.names(_build.docs)
    pages = {"offerings/index": "{{ h.page('offerings_index.md') }}"}
    pages |= {f"offerings/{oid}": f"{{{{ h.page('offering.md', oid={oid!r}) }}}}" for oid in data["offerings"]}
    generated = {
        i18n.page_name(stem, lang, data["languages"][0]): content
        for stem, content in pages.items()
        for lang in data["languages"]
    }
    i18n.assemble(_build.docs, _build.assembled, generated, _build.asset_names)
    config.docs_dir = str(_build.assembled)


def _offering_nav(config: MkDocsConfig, data: Data) -> None:
    """One navigation entry per offering of the source, in the section named by `ui.offerings` (written
    in mkdocs.yml in the default language)."""
    title = data["ui"]["offerings"][data["languages"][0]]
    for item in config.nav or []:
        if isinstance(item, dict) and title in item:
            item[title] = ["offerings/index.md", *(f"offerings/{oid}.md" for oid in data["offerings"])]
            return
    raise PluginError(f"mkdocs.yml: the navigation needs a section named {title!r} for the offering pages")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Refuse a page that exists in one language only: a missing translation is an error, not a fallback."""
    _check_translations(files, source_data()["languages"])
    return files


def _check_translations(files: Files, languages: list[str]) -> None:
    """Each page exists as name.md (English) and name.fr.md; a missing one is an error, not a fallback."""
    stems: dict[str, set[str]] = {}
    for file in files.documentation_pages():
        stem, lang = i18n.page_language(file.src_uri, languages)
        stems.setdefault(stem, set()).add(lang)
    missing = [
        f"docs/{i18n.page_name(stem, lang, languages[0])}"
        for stem, have in sorted(stems.items())
        for lang in languages
        if lang not in have
    ]
    if missing:
        raise PluginError("missing translation(s): " + ", ".join(missing))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the page's {{ ... }} with the source's facts, in the page's language."""
    edition = i18n.page_edition(page, config)
    renderer = PageRenderer(
        View(source_data(), edition.lang),
        page.url.removeprefix(edition.folder),
        edition.folder,
        checker_runtime(),
        _build.asset_names,
    )
    _build.renderers[page.file.src_uri] = renderer
    if edition.lang == typography.LANGUAGE:
        markdown = typography.typeset(markdown)  # the hand-written French gets the typography the source's texts get
    rendered = renderer.render(markdown)
    page.meta.update(renderer.head)
    return rendered


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the generated HTML where Markdown saw only placeholders; the source's "excluding holidays"
    words link to the holidays page (every page but that one)."""
    renderer = _build.renderers.pop(page.file.src_uri)
    html = renderer.fill(html)
    if renderer.page_path == days_off.PAGE:
        return html
    words = source_data()["holidays"]["link_words"][renderer.view.lang]
    return holiday_page.linked(html, words, renderer.link(days_off.PAGE))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """`mkdocs serve` rebuilds when the source changes, wherever COVERAGE_SOURCE puts it."""
    server.watch(str(coverage_data.source_path().parent))
    return server


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    """The theme's 404 page, in the edition's words, its selector leading to the editions' homes."""
    if template_name == i18n.NOT_FOUND:
        lang = i18n.current_language(config) or source_data()["languages"][0]
        i18n.not_found_selector(config)
        view = View(source_data(), lang)
        words = cast("dict[str, object]", context)  # our names beside the theme's (overrides/404.html)
        words["st_not_found_title"] = view.ui("not_found")
        words["st_not_found"] = not_found(view, i18n.edition_root(config, lang))
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Each edition's 404 page is kept, to be written in its folder once every edition is built."""
    if template_name == i18n.NOT_FOUND:
        lang = i18n.current_language(config) or source_data()["languages"][0]
        _build.not_found[lang] = i18n.not_found_page(markup.repair(output), config)
    return markup.repair(output) if template_name.endswith(".html") else output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = markup.repair(output)
    edition = i18n.page_edition(page, config)
    return i18n.edition_base(output, page.url.removeprefix(edition.folder)) if edition.folder else output


@event_priority(i18n.AFTER_EDITIONS)
def on_post_build(config: MkDocsConfig) -> None:
    """The default edition's build finishes the site (the editions' search indexes and sitemaps, the
    checker's runtime and answers, _headers last) and publishes it."""
    if i18n.inner_build(config):
        return
    assert _build.staging is not None  # the default edition's on_config staged this build
    site = _build.staging.folder
    languages = i18n.editions(config)
    i18n.finish_editions(site, languages)
    i18n.write_not_found_pages(site, _build.not_found, languages)
    runtime.write(checker_runtime(), site)
    precompress.write(site / checker_runtime().pyodide_dir)
    runtime.write_answers(source_data(), site)
    folders = {lang: i18n.edition_folder(lang, languages[0]) for lang in languages}
    calendars.write(source_data(), site, folders, config.site_url or "", coverage_data.build_day())
    try:
        policy = csp.policy(site, config.theme.dirs)
    except csp.UnknownInlineScript as error:
        raise PluginError(str(error)) from None
    headers.write(site, headers.rules(site, policy, versioned=[checker_runtime().pyodide_dir]))
    staging, _build.staging = _build.staging, None
    publish.publish(staging, config.strict)


def on_build_error(error: Exception) -> None:
    """A failed build (or edition) leaves the last good site: its staging folder goes."""
    if _build.staging is not None:
        staging, _build.staging = _build.staging, None
        publish.discard(staging)
