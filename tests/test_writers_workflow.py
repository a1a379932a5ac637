"""What a writer runs before committing: `python -m checker validate`, through pre-commit with ruff."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

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
    result = subprocess.run([sys.executable, "-m", "checker", "validate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith(" s).")
