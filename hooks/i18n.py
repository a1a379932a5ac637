"""Everything the build relies on in mkdocs-static-i18n, and each way it works around it, in one file.

Verified with mkdocs-static-i18n 1.3.1, mkdocs-material 9.8.1 and MkDocs 1.6.1; ProperDocs 1.6.7 (the
continuation of MkDocs 1.6) builds the site unchanged with them (but for its generator tag), and a
failed build leaves the last good site under it too (hooks/publish.py counts a strict build's warnings
on the running tool's own logger). After an upgrade of any of them, or a move to ProperDocs, re-check
this file point by point (and `diff -r` a build before and after):

1. The plugin builds one edition per language in the same process, on the same config: the default
   language's build, then each other one from the plugin's own `on_post_build` (priority -100), with its
   `building` flag set. So every hook event fires once per edition (`inner_build`), and what finishes the
   whole site runs after it, in the default build (`AFTER_EDITIONS`).
2. Its language is `current_language` (None before its own `on_config`, which runs after ours), a page's
   is its file's `locale`; an edition's pages live under `<lang>/` except the default's, and
   `config.site_dir` stays the site's root for every edition.
3. It reads each edition's files again from the docs folder on disk, so pages a hook adds in memory are
   lost: the build reads a folder assembled from docs/ and the generated pages (`assemble`), and those
   follow its suffix naming (`page.fr.md`, `page_name`).
4. It translates navigation titles through each language's `nav_translations`.
5. It merges every edition's search entries into one index at the site root, and Material finds the
   index and the sitemap from `__config.base`, the site root on every page, so a French search would
   look through English pages: the index is split per edition, each edition gets the sitemap
   (`finish_editions`), and a page names its edition's root as `base` (`edition_base`).
6. Each edition renders the theme's 404.html into the site's root, over the one before, and without a
   page: its language selector keeps the links of the last page built, its `base` is the site's root.
   Each edition's 404 page is kept (`not_found_page`: its selector leads to the editions' homes, its
   `base` is its edition's root) and written to its edition's folder once all are built
   (`write_not_found_pages`): /404.html and /fr/404.html, which a host serves for a lost address under
   it (README, Hosting). Its links are absolute (`edition_root`): it is served at any address.
"""

from __future__ import annotations

import atexit
import json
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.plugin import I18n

AFTER_EDITIONS = -200  # an on_post_build priority: after the plugin (-100) has built the other editions
NOT_FOUND = "404.html"  # the theme's page for a lost address (point 6)


@dataclass(frozen=True)
class Edition:
    lang: str
    folder: str  # "" for the default language, "fr/" for French


def plugin(config: MkDocsConfig) -> I18n:
    found = config.plugins["i18n"]
    assert isinstance(found, I18n)
    return found


def inner_build(config: MkDocsConfig) -> bool:
    """True while the plugin builds a non-default edition (from the default build's on_post_build)."""
    return bool(plugin(config).building)


def editions(config: MkDocsConfig) -> list[str]:
    """The languages built, the default first."""
    i18n = plugin(config)
    return [i18n.default_language, *(lang.locale for lang in i18n.config.languages if not lang.default)]


def current_language(config: MkDocsConfig) -> str | None:
    """The edition being built, or None before the plugin's on_config has run for the first time."""
    lang = plugin(config).current_language
    return str(lang) if lang else None


def edition_folder(lang: str, default: str) -> str:
    """An edition's folder in the site: '' for the default language's, 'fr/' for French."""
    return "" if lang == default else f"{lang}/"


def page_edition(page: Page, config: MkDocsConfig) -> Edition:
    i18n = plugin(config)
    lang = str(getattr(page.file, "locale", None) or i18n.current_language or i18n.default_language)
    return Edition(lang, edition_folder(lang, i18n.default_language))


def translate_nav(config: MkDocsConfig, titles: dict[str, str]) -> None:
    """`titles`: language -> a navigation title, written in mkdocs.yml in the default language."""
    i18n = plugin(config)
    for language in i18n.config.languages:
        language.nav_translations = {titles[i18n.default_language]: titles[language.locale]}


def page_name(stem: str, lang: str, default: str) -> str:
    """offerings/x (fr) -> offerings/x.fr.md: the plugin's suffix naming."""
    return f"{stem}{'' if lang == default else '.' + lang}.md"


def page_language(src_uri: str, languages: list[str]) -> tuple[str, str]:
    """A docs page's stem and language from its name: escalation.fr.md -> ("escalation", "fr")."""
    path = PurePosixPath(src_uri)
    parts = path.name.split(".")
    lang = parts[-2] if len(parts) > 2 and parts[-2] in languages else languages[0]
    return str(path.parent / parts[0]), lang


def assembled_folder() -> Path:
    """The docs folder MkDocs reads (never docs/ itself, so nothing generated is ever committed): one
    per process, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix="support-terms-docs-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def assemble(docs: Path, target: Path, generated: dict[str, str], renamed: dict[str, str]) -> None:
    """Make `target` hold exactly docs/'s files, some under other names (`renamed`: path inside docs ->
    its name in target), plus `generated` (path inside docs -> content). Files are written only when
    their content changes, so that `mkdocs serve` does not loop."""
    wanted: dict[str, bytes] = {}
    for path in docs.rglob("*"):
        if path.is_file():
            relative = path.relative_to(docs).as_posix()
            wanted[renamed.get(relative, relative)] = path.read_bytes()
    for relative, text in generated.items():
        if relative in wanted:
            raise ValueError(f"docs/{relative} would hide a generated page of the same name")
        wanted[relative] = text.encode("utf-8")
    for relative, content in wanted.items():
        path = target / relative
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target).as_posix()
        if path.is_file() and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


_BASE = re.compile(r'("base": )"[^"]*"')


def edition_base(output: str, path_in_edition: str) -> str:
    """Point the page's `__config.base` at its edition's root (e.g. '..' on /fr/compare/)."""
    return _with_base(output, posixpath.relpath(".", path_in_edition or "."))


def _with_base(output: str, base: str) -> str:
    return _BASE.sub(lambda match: f'{match.group(1)}"{base}"', output, count=1)


def edition_root(config: MkDocsConfig, lang: str) -> str:
    """An edition's home as a path from the host's root: '/' and '/fr/' for a site at a host's root."""
    site = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return site if lang == plugin(config).default_language else f"{site}{lang}/"


def not_found_selector(config: MkDocsConfig) -> None:
    """Before the edition's 404 page is rendered: its language selector leads to each edition's home.
    (The plugin sets the selector's links as an attribute of `extra`, which hides its item of the same
    name from the theme: so is this.)"""
    homes = [
        {"name": language.name, "link": edition_root(config, language.locale), "lang": language.locale}
        for language in plugin(config).config.languages
    ]
    setattr(config.extra, "alternate", homes)  # noqa: B010 (an attribute MkDocsConfig does not declare)


def not_found_page(output: str, config: MkDocsConfig) -> str:
    """The edition's 404 page as rendered, its `base` its edition's root (search looks in its index)."""
    return _with_base(output, edition_root(config, current_language(config) or plugin(config).default_language))


def write_not_found_pages(site: Path, pages: dict[str, str], languages: list[str]) -> None:
    """Each edition's 404 page in its folder: `pages` maps a language to its page."""
    for lang, output in pages.items():
        target = site / edition_folder(lang, languages[0]) / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")


def finish_editions(site: Path, languages: list[str]) -> None:
    """Each edition gets its own search index and the sitemap (the default language first)."""
    _split_search_index(site, languages)
    if (site / "sitemap.xml").is_file():
        for lang in languages[1:]:
            shutil.copyfile(site / "sitemap.xml", site / lang / "sitemap.xml")


def _split_search_index(site: Path, languages: list[str]) -> None:
    """One index per edition: the default at the root, each other in its folder, with its own locations."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default, others = languages[0], languages[1:]
    for lang in languages:
        prefix = edition_folder(lang, default)
        if lang == default:
            docs = [doc for doc in merged["docs"] if not any(doc["location"].startswith(f"{o}/") for o in others)]
        else:
            docs = [
                {**doc, "location": doc["location"][len(prefix) :]}
                for doc in merged["docs"]
                if doc["location"].startswith(prefix)
            ]
        index = {**merged, "config": {**merged["config"], "lang": [lang]}, "docs": docs}
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
