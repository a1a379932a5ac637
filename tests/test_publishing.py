"""A build publishes the whole site or leaves the last good one, named for the address the deployment
gives (hooks/publish.py)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from hooks.publish import SITE_URL
from tests.site_build import ROOT, mkdocs_build

# Writers' mistakes in docs/ that a build finds only late, each at another stage. (A wrong placeholder
# in the source, e.g. {contrat} in a French text, is refused when the source is loaded: test_source_errors.)
LATE_ERRORS = {
    # an inline script nobody ships: refused by the policy in on_post_build, before _headers is written
    "inline-script": ("escalation.fr.md", "<script>alert(1)</script>", "an inline script that neither"),
    # a helper that does not exist: the French edition fails while its pages render
    "unknown-helper": ("escalation.fr.md", "{{ h.nope() }}", "has no attribute 'nope'"),
    # a link to no page: MkDocs aborts the strict build after every on_post_build has run
    "broken-link": ("escalation.md", "[see](nowhere.md)", "Aborted with 1 warnings in strict mode"),
}


def snapshot(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    """Staging folders left beside the site."""
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(".site."))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project (its docs/ copied, the rest linked) with a good site built in site/."""
    copy: Path = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "hooks", "overrides", "coverage_data", "checker"):
        (copy / name).symlink_to(ROOT / name)
    (copy / "docs").mkdir()
    for path in (ROOT / "docs").rglob("*"):
        if path.is_file():
            target = copy / "docs" / path.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    result = mkdocs_build(copy / "site", project=copy)
    assert result.returncode == 0, result.stderr
    return copy


@pytest.mark.parametrize("page, line, message", LATE_ERRORS.values(), ids=LATE_ERRORS.keys())
def test_a_build_that_fails_late_leaves_the_last_good_site_whole(
    project: Path, page: str, line: str, message: str
) -> None:
    site = project / "site"
    good = snapshot(site)
    assert "_headers" in good
    path = project / "docs" / page
    original = path.read_text(encoding="utf-8")
    path.write_text(f"{original}\n{line}\n", encoding="utf-8")
    try:
        result = mkdocs_build(site, project=project)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert snapshot(site) == good
    assert leftovers(project) == []


def test_a_good_build_replaces_the_site_whole(project: Path) -> None:
    """What a previous build left and this one does not write is gone, and no staging folder stays."""
    stale = project / "site" / "stale.html"
    stale.write_text("from an old build", encoding="utf-8")
    result = mkdocs_build(project / "site", project=project)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert (project / "site" / "_headers").is_file()
    assert leftovers(project) == []


def test_a_build_without_its_address_stops_with_what_to_set(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", env={SITE_URL: None})
    assert result.returncode != 0
    assert f"{SITE_URL} is not set: set it to the address the site is published at" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_canonical_links_and_sitemaps_name_the_address_of_the_deployment(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, env={SITE_URL: "https://example.test/"})
    assert result.returncode == 0, result.stderr
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        path = page.parent.relative_to(site).as_posix()
        canonical = re.search(r'<link rel="canonical" href="([^"]*)"', page.read_text(encoding="utf-8"))
        assert canonical is not None, page
        assert canonical[1] == ("https://example.test/" if path == "." else f"https://example.test/{path}/")
    for sitemap in (site / "sitemap.xml", site / "fr" / "sitemap.xml"):
        locations = re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text(encoding="utf-8"))
        assert locations, sitemap
        assert all(location.startswith("https://example.test/") for location in locations)
    assert [
        path for path in site.rglob("*") if path.suffix in {".html", ".xml"} and "localhost" in path.read_text()
    ] == []
