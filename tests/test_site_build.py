"""The built site, read as HTML: every page in both editions, every fact on the right page and language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import PurePosixPath
from urllib.parse import urljoin

import brotli
import pytest
from bs4 import BeautifulSoup

from hooks import fingerprint, headers
from tests.helpers import edited_source, line_of
from tests.seed_pages import coverage_table, normalized
from tests.site_build import ROOT, mkdocs_build

EDITIONS = {"en": "", "fr": "fr/"}
HAND_WRITTEN = [
    "",
    "remote-support/",
    "onsite-support/",
    "compare/",
    "software-maintenance/",
    "escalation/",
    "checker/",
    "holidays/",
]


def pages(data) -> list[str]:
    return [*HAND_WRITTEN, "offerings/", *(f"offerings/{oid}/" for oid in data["offerings"])]


def html(site, lang: str, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / EDITIONS[lang] / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(site, lang, path) -> str:
    return " ".join(html(site, lang, path).select_one("article").get_text(" ").split())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_exists_in_both_editions_with_its_language(site, data, lang):
    for path in pages(data):
        doc = html(site, lang, path)
        assert doc.html["lang"] == lang, path
        alternates = {link["hreflang"]: link["href"] for link in doc.select('link[rel~="alternate"][hreflang]')}
        assert set(alternates) == {"en", "fr"}, path
        here = f"/{EDITIONS[lang]}{path}"
        assert urljoin(here, alternates["en"]) == f"/{path}", (path, alternates)
        assert urljoin(here, alternates["fr"]) == f"/fr/{path}", (path, alternates)


def test_sitemap_lists_both_editions(site, data):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in pages(data):
        assert f"/{path}</loc>" in sitemap
        assert f"/fr/{path}</loc>" in sitemap
    assert (site / "fr" / "sitemap.xml").read_text(encoding="utf-8") == sitemap


def test_no_page_waits_for_a_script_before_it_paints(site):
    """Every script file is deferred, async or a module: the parser never stops to fetch and run one."""
    blocking = [
        f"{path.relative_to(site)}: {script['src']}"
        for path in site.rglob("*.html")
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("script[src]")
        if not ({"defer", "async"} & set(script.attrs) or script.get("type") == "module")
    ]
    assert blocking == []


def test_our_scripts_and_stylesheet_are_named_by_their_content(site):
    pages = [(site / page / "index.html").read_text(encoding="utf-8") for page in ("", "fr/compare", "fr/checker")]
    for path in fingerprint.FINGERPRINTED:
        content = (ROOT / "docs" / path).read_bytes()
        named = fingerprint.fingerprinted(path, content)
        assert (site / named).read_bytes() == content
        assert not (site / path).exists()
        if path.endswith(".css"):
            assert all(PurePosixPath(named).name in page for page in pages)
        else:
            assert PurePosixPath(named).name in pages[2]


def test_the_host_may_keep_for_a_year_only_what_is_named_by_content_or_version(site):
    rules = headers.read(site)
    kept = [rule.path for rule in rules if ("Cache-Control", headers.FOREVER) in rule.headers]
    assert all((site / path.strip("/*")).exists() for path in kept)
    for asset in ("assets/pyodide/314.0.7/pyodide.asm.wasm", "assets/javascripts/bundle.a5f9d56c.min.js"):
        assert headers.for_path(rules, "/" + asset)["Cache-Control"] == headers.FOREVER
    for path in (*site.glob("assets/checker/*"), *site.glob("assets/site.*")):
        if path.is_file():
            assert headers.for_path(rules, "/" + path.relative_to(site).as_posix())["Cache-Control"] == headers.FOREVER
    # Pages, prebuilt answers, the search index and the sitemap change under the same name.
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"} and "pyodide" not in path.parts:
            assert "Cache-Control" not in headers.for_path(rules, "/" + path.relative_to(site).as_posix()), path
    assert "default-src 'self'" in headers.for_path(rules, "/fr/compare/")["Content-Security-Policy"]


def test_the_runtimes_large_files_have_a_copy_at_brotlis_highest_level(site):
    """For a host that serves precompressed files (README, Hosting): the same bytes, at level 11, which
    is smaller than a host compressing as it sends gets them (level 9 at that size)."""
    folder = site / "assets" / "pyodide" / "314.0.7"
    copies = sorted(path.name for path in folder.glob("*.br"))
    assert copies == ["pyodide.asm.mjs.br", "pyodide.asm.wasm.br"]
    for name in copies:
        original = (folder / name.removesuffix(".br")).read_bytes()
        copy = (folder / name).read_bytes()
        assert brotli.decompress(copy) == original
        assert len(copy) < 0.95 * len(brotli.compress(original, quality=9))


def test_no_generated_markdown_is_committed_under_docs():
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert tracked, "git sees no docs"
    assert not [path for path in tracked if path.startswith("docs/offerings")]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_phones_per_market_on_home_and_remote_support(site, lang):
    for path in ("", "remote-support/"):
        doc = html(site, lang, path)
        for market, numbers in {"us": ["844 256 6444", "800 888 0286"], "ca": ["1 800 672 6937"]}.items():
            block = doc.select_one(f'[data-market="{market}"]')
            assert [a.get_text().replace("\u00a0", " ") for a in block.select("a.st-phone")] == numbers


@pytest.mark.parametrize(
    ("lang", "goals", "guarantee", "bands"),
    [
        (
            "en",
            ["8 business hours", "12 business hours", "24 business hours"],
            "4 or 8 hours guaranteed",
            ["up to 40 km", "41 to 80 km", "81 to 240 km"],
        ),
        (
            "fr",
            ["8\u00a0heures ouvrables", "12\u00a0heures ouvrables", "24\u00a0heures ouvrables"],
            "4 ou 8\u00a0heures garanties",
            ["jusqu'à 40\u00a0km", "41 à 80\u00a0km", "81 à 240\u00a0km"],
        ),
    ],
)
def test_zone_table_goals_and_distance_bands(site, lang, goals, guarantee, bands):
    for path in ("onsite-support/", "checker/"):
        rows = html(site, lang, path).select("table.st-zones tbody tr")
        assert [row.select_one('[data-offering="standard-sla"]').get_text() for row in rows] == goals
        assert [row.select_one('[data-offering="performance-sla"]').get_text() for row in rows] == [
            guarantee,
            guarantee,
            "—",
        ]
        assert [row.select_one('[data-market="ca"]').get_text() for row in rows] == bands
        # The US publishes no distances: said once under the table, not in each row.
        assert not html(site, lang, path).select('table.st-zones [data-market="us"]')
        assert html(site, lang, path).select_one('.st-table-note[data-markets="us"]') is not None


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("market", ["us", "ca"])
def test_compare_table_equals_the_source_cell_by_cell(site, data, lang, market):
    table = html(site, lang, "compare/").select_one(f'table.st-coverage[data-market="{market}"]')
    rows = table.select("tbody tr")
    expected_rows = [row for row in data["attributes"] if market in row["markets"]]
    assert [tr["data-row"] for tr in rows] == [row["id"] for row in expected_rows]
    for tr, row in zip(rows, expected_rows, strict=True):
        assert tr.th.get_text(" ").startswith(row["label"][lang])
        assert ("*" in tr.th.get_text()) == (market in row["discretion"])
        for td in tr.select("td"):
            mark = row["marks"][td["data-offering"]][market]
            assert td["data-mark"] == mark
            assert (
                td.select_one('[aria-hidden="true"]').get_text()
                == {"included": "✓", "add-on": "A", "not-included": ""}[mark]
            )


@pytest.mark.parametrize("market", ["us", "ca"])
def test_compare_table_shows_every_mark_of_the_published_table(site, market):
    """Against the seed page itself, in its own language (SOURCE-NOTES row 11 is the one correction)."""
    lang = {"us": "en", "ca": "fr"}[market]
    table = html(site, lang, "compare/").select_one(f'table.st-coverage[data-market="{market}"]')
    shown = {
        normalized(tr.th.contents[0]): {td["data-offering"]: td["data-mark"] for td in tr.select("td")}
        for tr in table.select("tbody tr")
    }
    for seed_row in coverage_table(market):
        marks = dict(seed_row.marks)
        if seed_row.label.startswith("Responsable de soutien"):
            marks |= {"standard-sla": "not-included", "premier-support": "included"}
        assert shown[normalized(seed_row.label)] == marks, seed_row.label


def test_offering_pages_show_their_column_and_where_sold(site, data):
    for lang in ("en", "fr"):
        for oid, offering in data["offerings"].items():
            doc = html(site, lang, f"offerings/{oid}/")
            assert doc.h1.get_text().strip().startswith(offering["name"][lang])
            for market in data["markets"]:
                columns = {td["data-offering"] for td in doc.select(f'table.st-coverage[data-market="{market}"] td')}
                assert columns == {oid}
            link = doc.select_one("a.md-button")["href"]
            assert link.startswith("../../checker/?") and f"contract={oid}" in link


PAGE_FACTS = {
    ("escalation/", "en"): ["Office of the President", "applies to the United States"],
    ("escalation/", "fr"): ["Bureau du président", "s'applique aux États-Unis"],
    ("onsite-support/", "en"): [
        "Point of dispatch", "end of the initial contact", "exceed 60 minutes", "replacement unit overnight",
        "replacement unit to resolve", "best effort", "postal-code-based eligibility",
    ],
    ("onsite-support/", "fr"): [
        "Point d'envoi", "fin du contact initial", "dépassent 60 minutes", "appareil de remplacement pendant la nuit",
        "notre engagement se limite alors à faire de notre mieux", "basée sur le code postal",
    ],
    ("software-maintenance/", "en"): [
        "do not include professional services", "single UPS custom rate change", "Cut Sheet",
        "Premier Support is available", "United States only",
    ],
    ("software-maintenance/", "fr"): [
        "n'incluent pas les services professionnels", "un seul changement de tarif UPS", "Fiche descriptive",
        "États-Unis seulement",
    ],
}  # fmt: skip


@pytest.mark.parametrize(("path", "lang"), PAGE_FACTS)
def test_facts_on_their_page(site, path, lang):
    content = text(site, lang, path)
    assert [fact for fact in PAGE_FACTS[path, lang] if fact not in content] == []


def test_market_specific_benefits_are_labelled(site):
    assert "Canada only" in text(site, "en", "offerings/performance-sla/")
    assert "Mail management seminar" in text(site, "en", "offerings/performance-sla/")
    assert "États-Unis seulement" in text(site, "fr", "offerings/standard-sla/")


def test_source_text_is_escaped_not_rendered(tmp_path):
    source = edited_source(
        tmp_path,
        (
            "      Pitney Bowes dispose d'un processus",
            "      <script>alert(1)</script> <b>Pitney</b> Bowes dispose d'un processus",
        ),
    )
    result = mkdocs_build(tmp_path / "site", source)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "fr" / "escalation" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Pitney&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page


def test_a_broken_source_fails_the_build_with_file_and_line_and_writes_no_site(tmp_path):
    source = edited_source(tmp_path, ('hours: {"1": 8,', 'hours: {"1": eight,'))
    line = line_of('hours: {"1": 8,')
    result = mkdocs_build(tmp_path / "site", source)
    assert result.returncode != 0
    assert (
        f"{source}:{line}: offerings.standard-sla.response.hours.1: 'eight' is not a whole number of business hours, or one per market, e.g. {{us: 12, ca: 6}}"
        in result.stderr
    )
    assert not (tmp_path / "site").exists()


def test_a_missing_translation_fails_the_build(tmp_path):
    """A copy of the project whose docs/ lacks one French page."""
    for name in ("mkdocs.yml", "hooks", "overrides", "coverage_data", "checker"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "escalation.fr.md").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert "missing translation(s): docs/escalation.fr.md" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_build_for_a_named_day_gives_the_same_bytes_whenever_it_is_built(tmp_path):
    """Issue 13 §7: the same source for the same day is the same site, next week or next year. MkDocs
    dated every sitemap entry on the day the build ran; the named day now dates them."""
    day = "2027-03-15"
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        result = mkdocs_build(site, env={"COVERAGE_BUILD_DAY": day, "SOURCE_DATE_EPOCH": None})
        assert result.returncode == 0, result.stderr
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert [name for name in files if (first / name).read_bytes() != (second / name).read_bytes()] == []
    for sitemap in (first / "sitemap.xml", first / "fr" / "sitemap.xml"):
        assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap.read_text(encoding="utf-8"))) == {day}


def test_the_checker_pages_first_lines_are_inlined_valid_and_without_their_comments(site, tmp_path):
    """boot.js goes into the checker page without its whole-line comments (hooks/runtime.boot_script),
    as a script Node parses; the page holds it whole, and the policy allows it by its hash."""

    from hooks.runtime import BOOT_SCRIPT, boot_script

    inlined = boot_script()
    assert "// The checker page's first lines" in BOOT_SCRIPT.read_text(encoding="utf-8")
    assert "// The checker page's first lines" not in inlined and "@typedef" not in inlined
    for page in ("checker/index.html", "fr/checker/index.html"):
        assert f"<script>{inlined}</script>" in (site / page).read_text(encoding="utf-8")
    (tmp_path / "boot.js").write_text(inlined, encoding="utf-8")
    checked = subprocess.run(["node", "--check", str(tmp_path / "boot.js")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
