"""A build publishes the whole site or leaves the last good one, named for the address the deployment
gives (hooks/publish.py)."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hooks import publish
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


# Issue 22 §5: a build killed in its second half. The build runs in a process of its own that stops at
# one point of on_post_build or of the publishing (it says "paused" and waits); the test then kills it,
# as a deployment's timeout or an operator would. Before: SIGKILL or SIGTERM left staging folders
# (atexit runs on neither), and a kill between the publish's two renames left no site/ at all.
PAUSED_BUILD = """
import os, runpy, sys
import hooks.headers, hooks.i18n, hooks.publish

def wait():
    print("paused", flush=True)
    sys.stdin.read()  # until the test kills this build

module, name, when = {
    "editions": (hooks.i18n, "finish_editions", "before"),  # on_post_build's first step
    "headers": (hooks.headers, "write", "before"),  # everything but _headers written
    "exchange": (hooks.publish, "_exchange", "before"),  # the whole site staged
    "exchanged": (hooks.publish, "_exchange", "after"),  # published, the old site not yet removed
}[os.environ["PAUSE_AT"]]
real = getattr(module, name)

def paused(*args, **kwargs):
    if when == "before":
        wait()
    result = real(*args, **kwargs)
    if when == "after":
        wait()
    return result

setattr(module, name, paused)
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
runpy.run_module("mkdocs", run_name="__main__")
"""
POINTS = ["editions", "headers", "exchange", "exchanged"]


def killed_build(project: Path, point: str, kill: signal.Signals, log: Path) -> None:
    """A build of `project` into its site/, killed with `kill` once it has paused at `point`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAUSE_AT": point}
    with log.open("w") as stderr:
        build = subprocess.Popen(
            [sys.executable, "-c", PAUSED_BUILD, str(project / "site")],
            cwd=project, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True,
            start_new_session=True,
        )  # fmt: skip
        try:
            assert build.stdout is not None
            lines = iter(build.stdout.readline, "")
            assert "paused\n" in lines, log.read_text()  # read until the build says it has paused
            build.send_signal(kill)
            assert build.wait() == -kill
        finally:
            if build.poll() is None:
                build.kill()
                build.wait()


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_in_its_second_half_leaves_a_whole_site(project: Path, tmp_path: Path, point, kill) -> None:
    """The site folder is the last good site, or the new one, whole, at every point; what the killed build
    left beside it goes at the next build (here, the first thing the next build does)."""
    site = project / "site"
    good = snapshot(site)
    killed_build(project, point, kill, tmp_path / "build.log")
    assert snapshot(site) == good  # the same source builds the same bytes: old or new, the site is whole
    if point != "editions":
        assert leftovers(project) != []  # what atexit would have removed, had it run
    publish.remove_stale(site)
    assert leftovers(project) == []


def test_the_next_build_removes_what_a_killed_build_left(project: Path, tmp_path: Path) -> None:
    killed_build(project, "headers", signal.SIGKILL, tmp_path / "build.log")
    assert leftovers(project) != []
    result = mkdocs_build(project / "site", project=project)
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []


def test_a_running_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    """Two builds at once (a preview and a build): neither removes the other's folder."""
    site = tmp_path / "site"
    running = tmp_path / f".site.building-{os.getpid()}-0a1b"
    gone = tmp_path / f".site.building-{_dead_pid()}-2c3d"
    for folder in (site, running, gone):
        folder.mkdir()
    publish.remove_stale(site)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["site", running.name])


def _dead_pid() -> int:
    """The id of a process that has ended."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(ended.stdout)


def test_two_folders_are_exchanged_in_one_step(tmp_path: Path) -> None:
    old, new = tmp_path / "site", tmp_path / ".site.building-1-ab"
    for folder, page in ((old, "old"), (new, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(page, encoding="utf-8")
    publish._exchange(new, old)
    assert (old / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"
