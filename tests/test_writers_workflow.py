"""What a writer runs before committing: `python -m checker validate`, through pre-commit with ruff."""

from __future__ import annotations

import shutil
import subprocess
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.helpers import run_cli
from tests.site_build import ROOT


def test_pre_commit_runs_the_source_check_and_ruff():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["coverage-source"]["entry"] == "make --no-print-directory validate"
    assert hooks["ruff"]["entry"] == "make --no-print-directory lint"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(PY) -m checker validate" in makefile and "$(PY) -m ruff check ." in makefile


@pytest.mark.skipif(
    not (ROOT / ".venv").is_dir(), reason="`make` targets run in the project's .venv (make test sets it up)"
)
def test_pre_commit_passes_on_the_repository():
    pre_commit = shutil.which("pre-commit") or str(ROOT / ".venv" / "bin" / "pre-commit")
    result = subprocess.run([pre_commit, "run", "--all-files"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "coverage source (python -m checker validate)" in result.stdout and "Passed" in result.stdout


def test_validate_names_its_time_for_the_benchmark():
    result = run_cli("validate")
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith(" s).")


def test_every_python_package_is_installed_from_the_lock_with_its_hashes():
    """Issue 13 §7: the holiday data (and every other package) changes only when the lock does. Each
    requirement of pyproject.toml is pinned in requirements.lock at a version it allows, every pin carries
    its hashes, and `make` installs from the lock alone (again whenever it changes)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(text) for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins: dict[str, str] = {}
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if line and not line.startswith((" ", "#")):
            assert line.endswith(" \\") and following.startswith("    --hash=sha256:"), line
            name, version = line.removesuffix(" \\").split("==")
            pins[canonicalize_name(name)] = version
    for requirement in wanted:
        version = pins.get(canonicalize_name(requirement.name))
        assert version is not None and requirement.specifier.contains(version), (requirement, version)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ".venv/.installed: pyproject.toml requirements.lock" in makefile
    assert "--require-hashes -r requirements.lock" in makefile and "--no-deps --no-build-isolation -e ." in makefile
