"""What a build publishes: the whole site or nothing, named for the address it is served from.

MkDocs empties the site folder and writes into it as it goes, so a build that fails late (a page that
does not render, an inline script the policy refuses in on_post_build) would leave a partial site
without its _headers, hence without its Content-Security-Policy. Instead each build writes into a
staging folder beside the site folder (`-d`, or `site_dir`), and only a build that has written
everything, _headers included, takes the site folder's place: the two folders are exchanged in one
step (Linux's renameat2 with RENAME_EXCHANGE), so that a server reading the site folder, or a build
killed at any point, never finds it missing or half-replaced; the old site, now in the staging
folder's place, is then removed. A failed build removes its staging folder and the last good site
stays. A build killed outright (SIGKILL, or SIGTERM, which no `atexit` survives) cannot clean up after
itself: a staging folder is named for the process that made it, and the next build removes those
whose process is gone. `mkdocs serve` builds into its own temporary folder the same way. A `--dirty`
build is a whole build too: its staging folder is new.

The address comes from the deployment: mkdocs.yml reads `site_url` from the environment variable
SITE_URL, and a build without it stops before anything is built (every canonical link and the sitemap
would name another address). `mkdocs serve` needs none: MkDocs sets `site_url` to its own address.
"""

from __future__ import annotations

import atexit
import ctypes
import errno
import logging
import os
import re
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
    """Point the build at a new staging folder beside the site folder, once those of builds that were
    killed are gone."""
    site = Path(config.site_dir)
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site)
    folder = site.with_name(f".{site.name}.building-{os.getpid()}-{secrets.token_hex(4)}")
    folder.mkdir()  # the permissions a site folder made by MkDocs would have
    atexit.register(shutil.rmtree, folder, True)  # a build that stops on an error leaves nothing behind
    warnings = CountHandler()
    warnings.setLevel(logging.WARNING)
    _LOG.addHandler(warnings)
    config.site_dir = str(folder)
    return Staging(site, folder, warnings)


def remove_stale(site: Path) -> None:
    """Remove the staging folders beside `site` whose build is no longer running (killed before it
    could clean up), and the old sites an earlier version of this module renamed away."""
    for folder in site.parent.glob(f".{site.name}.*"):
        building = re.fullmatch(rf"\.{re.escape(site.name)}\.building-(\d+)-.+", folder.name)
        if (building and not _running(int(building.group(1)))) or folder.name.startswith(f".{site.name}.old-"):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True


def publish(staging: Staging, strict: bool) -> None:
    """Put the staged site in the site folder's place in one step, then remove the old site, unless
    MkDocs is about to abort this strict build for its warnings."""
    _LOG.removeHandler(staging.warnings)
    if strict and staging.warnings.get_counts():
        discard(staging)
        return
    if staging.site.exists():
        _exchange(staging.folder, staging.site)
        _remove(staging.folder)  # the old site, now where the staging folder was
    else:
        staging.folder.rename(staging.site)
    _LOG.info(f"Site published to {staging.site}")


def discard(staging: Staging) -> None:
    """A failed build: its staging folder goes, the site folder is left as it was."""
    _LOG.removeHandler(staging.warnings)
    _remove(staging.folder)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


_AT_FDCWD = -100  # paths relative to the working directory (fcntl.h)
_RENAME_EXCHANGE = 2  # renameat2's flag: swap the two paths, both of which must exist (linux/fs.h)


def _exchange(first: Path, second: Path) -> None:
    """Swap two folders in one step, so that neither path is ever missing: renameat2(RENAME_EXCHANGE),
    which Linux has had since 3.15 (glibc's wrapper since 2.28). Where it is missing (another system),
    two renames, with an instant between them where `second` does not exist."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL):  # not unsupported: a real failure
            raise OSError(code, os.strerror(code), str(second))
    aside = first.with_name(first.name + "-old")
    second.rename(aside)
    first.rename(second)
    aside.rename(first)
