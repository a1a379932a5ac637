"""What a build publishes: the whole site or nothing, named for the address it is served from.

MkDocs empties the site folder and writes into it as it goes, so a build that fails late (a page that
does not render, an inline script the policy refuses in on_post_build) would leave a partial site
without its _headers, hence without its Content-Security-Policy. Instead each build writes into a
staging folder beside the site folder (`-d`, or `site_dir`), and only a build that has written
everything, _headers included, takes the site folder's place, by two renames on the same file system;
a failed build removes its staging folder and the last good site stays. `mkdocs serve` builds into its
own temporary folder the same way. A `--dirty` build is a whole build too: its staging folder is new.

The address comes from the deployment: mkdocs.yml reads `site_url` from the environment variable
SITE_URL, and a build without it stops before anything is built (every canonical link and the sitemap
would name another address). `mkdocs serve` needs none: MkDocs sets `site_url` to its own address.
"""

from __future__ import annotations

import atexit
import logging
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

SITE_URL = "SITE_URL"  # the variable mkdocs.yml reads `site_url` from
# The logger the running MkDocs counts a strict build's warnings on: "mkdocs", or "properdocs" under
# ProperDocs (which runs this hook with every `mkdocs.*` import aliased to its own modules).
_LOG = logging.getLogger(MkDocsConfig.__module__.partition(".")[0])


def check_site_url(config: MkDocsConfig) -> None:
    if not config.site_url:
        raise PluginError(
            f"{SITE_URL} is not set: set it to the address the site is published at, "
            f"e.g. {SITE_URL}=https://support.example.com/ make build"
        )


@dataclass(frozen=True)
class Staging:
    site: Path  # the site folder, as configured
    folder: Path  # where this build writes the site
    warnings: CountHandler  # MkDocs' warnings during this build: a strict build aborts on any, after on_post_build


def stage(config: MkDocsConfig) -> Staging:
    """Point the build at a new staging folder beside the site folder."""
    site = Path(config.site_dir)
    site.parent.mkdir(parents=True, exist_ok=True)
    folder = site.with_name(f".{site.name}.building-{secrets.token_hex(4)}")
    folder.mkdir()  # the permissions a site folder made by MkDocs would have
    atexit.register(shutil.rmtree, folder, True)  # an interrupted build leaves nothing behind
    warnings = CountHandler()
    warnings.setLevel(logging.WARNING)
    _LOG.addHandler(warnings)
    config.site_dir = str(folder)
    return Staging(site, folder, warnings)


def publish(staging: Staging, strict: bool) -> None:
    """Put the staged site in the site folder's place (the old site is renamed away, then removed),
    unless MkDocs is about to abort this strict build for its warnings."""
    _LOG.removeHandler(staging.warnings)
    if strict and staging.warnings.get_counts():
        discard(staging)
        return
    old = staging.folder.with_name(staging.folder.name.replace(".building-", ".old-"))
    if staging.site.exists():
        staging.site.rename(old)
    staging.folder.rename(staging.site)
    shutil.rmtree(old, ignore_errors=True)
    _LOG.info(f"Site published to {staging.site}")


def discard(staging: Staging) -> None:
    """A failed build: its staging folder goes, the site folder is left as it was."""
    _LOG.removeHandler(staging.warnings)
    shutil.rmtree(staging.folder, ignore_errors=True)
