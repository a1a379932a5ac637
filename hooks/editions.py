"""Make each language edition self-contained for Material's scripts: its own search index and sitemap.

mkdocs-static-i18n merges both editions' search entries into one index at the site root, and Material
finds the index (and the sitemap) from `__config.base`, the site root on every page. So a French search
would also look through English pages. Here the merged index is split per edition, each edition gets
its sitemap, and the pages of a non-default edition name their edition's root as `base`.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

_BASE = re.compile(r'("base": )"[^"]*"')


def edition_base(output: str, path_in_edition: str) -> str:
    """Point the page's `__config.base` at its edition's root (e.g. '..' on /fr/compare/)."""
    base = posixpath.relpath(".", path_in_edition or ".")
    return _BASE.sub(lambda match: f'{match.group(1)}"{base}"', output, count=1)


def split_search_index(site: Path, editions: list[str]) -> None:
    """One index per edition: the default at the root, each other in its folder, with its own locations."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default, others = editions[0], editions[1:]
    for edition in editions:
        prefix = "" if edition == default else f"{edition}/"
        if edition == default:
            docs = [doc for doc in merged["docs"] if not any(doc["location"].startswith(f"{o}/") for o in others)]
        else:
            docs = [
                {**doc, "location": doc["location"][len(prefix) :]}
                for doc in merged["docs"]
                if doc["location"].startswith(prefix)
            ]
        index = {**merged, "config": {**merged["config"], "lang": [edition]}, "docs": docs}
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def copy_sitemap(site: Path, editions: list[str]) -> None:
    if (site / "sitemap.xml").is_file():
        for edition in editions[1:]:
            shutil.copyfile(site / "sitemap.xml", site / edition / "sitemap.xml")
