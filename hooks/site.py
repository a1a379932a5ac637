"""The MkDocs hook: the source's facts become pages, tables and the checker, in both editions.

mkdocs-static-i18n runs the whole build once per language and keeps this module between the two runs,
so the source is loaded once (and again only when the file changes, under `mkdocs serve`).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import coverage_data
from coverage_data import typography
from hooks import csp, fingerprint, headers, markup, runtime
from hooks.assemble import assemble, assembled_folder
from hooks.editions import copy_sitemap, edition_base, split_search_index
from hooks.render import PageRenderer
from hooks.view import View

_cache: dict[tuple[str, float], tuple[dict, runtime.Runtime]] = {}


def source_path() -> Path:
    """The YAML source: coverage_data/coverage.yml, or the file named by COVERAGE_SOURCE (a preview)."""
    return Path(os.environ.get("COVERAGE_SOURCE") or coverage_data.SOURCE).resolve()


def source_data() -> dict:
    """The compiled source, or a build error listing every `file:line: message`."""
    return _loaded()[0]


def checker_runtime() -> runtime.Runtime:
    return _loaded()[1]


def _loaded() -> tuple[dict, runtime.Runtime]:
    path = source_path()
    key = (str(path), path.stat().st_mtime)
    if key not in _cache:
        try:
            data = coverage_data.load(path)
            shipped = runtime.runtime(data)
        except coverage_data.SourceError as error:
            raise PluginError(f"the coverage source is broken:\n{error}") from None
        except runtime.RuntimeMissing as error:
            raise PluginError(str(error)) from None
        _cache.clear()
        _cache[key] = (data, shipped)
    return _cache[key]


def _i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def _edition(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    """The page's language, and its edition's folder: "" for the default language, "fr/" for French."""
    plugin = _i18n(config)
    lang = getattr(page.file, "locale", None) or plugin.current_language or plugin.default_language
    return lang, "" if lang == plugin.default_language else f"{lang}/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Site names and navigation titles of each edition come from the source's texts."""
    data = source_data()
    for language in _i18n(config).config.languages:
        language.nav_translations = {data["ui"]["offerings"]["en"]: data["ui"]["offerings"][language.locale]}
    lang = _i18n(config).current_language or data["languages"][0]
    # Markup: the theme prints site_name unescaped in places; the source's title is plain text.
    config.site_name = escape(data["site"]["title"][lang])
    _chrome_words(config, data, lang)
    _offering_nav(config, data)
    _assemble_docs(config, data)
    names = _asset_names[config.config_file_path or ""]
    config.extra_css = [names.get(path, path) for path in config.extra_css]
    return config


def _chrome_words(config: MkDocsConfig, data: dict, lang: str) -> None:
    """The theme's words that mkdocs.yml would give in one language only (the colour toggles, the
    headings' permalink title), in the edition's language, from the source."""
    names = {"default": "dark_mode", "slate": "light_mode"}  # a toggle is named for the scheme it leads to
    for palette in config.theme["palette"]:
        palette["toggle"]["name"] = data["ui"][names[palette["scheme"]]][lang]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = data["ui"]["permalink"][lang]


_docs_folders: dict[str, tuple[Path, Path]] = {}  # mkdocs.yml -> (docs/, the assembled folder)
_asset_names: dict[str, dict[str, str]] = {}  # mkdocs.yml -> fingerprinted assets (docs path -> site path)
_site_roots: dict[str, Path] = {}  # mkdocs.yml -> the site folder of the default edition
_renderers: dict[str, PageRenderer] = {}  # a page's renderer, from its Markdown to its HTML


def _assemble_docs(config: MkDocsConfig, data: dict) -> None:
    """Point MkDocs at docs/ (our scripts and stylesheet fingerprinted) plus one generated page per
    offering (and the offerings overview)."""
    key = config.config_file_path or ""
    _site_roots.setdefault(key, Path(config.site_dir))  # before mkdocs-static-i18n moves it per edition
    if key not in _docs_folders:
        _docs_folders[key] = (Path(config.docs_dir), assembled_folder())
    docs, target = _docs_folders[key]
    _asset_names[key] = fingerprint.names(docs)
    pages = {"offerings/index": "{{ h.page('offerings_index.md') }}"}
    pages |= {f"offerings/{oid}": f"{{{{ h.page('offering.md', oid={oid!r}) }}}}" for oid in data["offerings"]}
    generated = {
        f"{stem}{'' if lang == data['languages'][0] else '.' + lang}.md": content
        for stem, content in pages.items()
        for lang in data["languages"]
    }
    assemble(docs, target, generated, _asset_names[key])
    config.docs_dir = str(target)


def _offering_nav(config: MkDocsConfig, data: dict) -> None:
    """One navigation entry per offering of the source, in the section named by `ui.offerings`."""
    title = data["ui"]["offerings"]["en"]
    for item in config.nav:
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
        path = PurePosixPath(file.src_uri)
        parts = path.name.split(".")
        lang = parts[-2] if len(parts) > 2 and parts[-2] in languages else languages[0]
        stem = str(path.parent / parts[0])
        stems.setdefault(stem, set()).add(lang)
    missing = [
        f"docs/{stem}.{'' if lang == languages[0] else lang + '.'}md"
        for stem, have in sorted(stems.items())
        for lang in languages
        if lang not in have
    ]
    if missing:
        raise PluginError("missing translation(s): " + ", ".join(missing))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the page's {{ ... }} with the source's facts, in the page's language."""
    lang, prefix = _edition(page, config)
    names = _asset_names[config.config_file_path or ""]
    renderer = PageRenderer(View(source_data(), lang), page.url.removeprefix(prefix), prefix, checker_runtime(), names)
    _renderers[page.file.src_uri] = renderer
    if lang == typography.LANGUAGE:
        markdown = typography.typeset(markdown)  # the hand-written French gets the typography the source's texts get
    rendered = renderer.render(markdown)
    page.meta.update(renderer.head)
    return rendered


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the generated HTML where Markdown saw only placeholders."""
    return _renderers.pop(page.file.src_uri).fill(html)


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when the source changes, wherever COVERAGE_SOURCE puts it."""
    server.watch(str(source_path().parent))
    return server


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return markup.repair(output) if template_name.endswith(".html") else output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = markup.repair(output)
    _, prefix = _edition(page, config)
    return edition_base(output, page.url.removeprefix(prefix)) if prefix else output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other editions and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    plugin = _i18n(config)
    if plugin.building:
        return  # an inner build of one edition; the default edition's build finishes the site
    editions = [plugin.default_language, *(lang.locale for lang in plugin.config.languages if not lang.default)]
    site = _site_roots[config.config_file_path or ""]
    split_search_index(site, editions)
    copy_sitemap(site, editions)
    runtime.write(checker_runtime(), site)
    runtime.write_answers(source_data(), site)
    try:
        policy = csp.policy(site, config.theme.dirs)
    except csp.UnknownInlineScript as error:
        raise PluginError(str(error)) from None
    headers.write(site, headers.rules(site, policy, versioned=[checker_runtime().pyodide_dir]))
