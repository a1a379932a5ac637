"""A first set-up says nothing a writer must decipher (issue 19 §3): setuptools' large "Package would
be ignored" warning came from a folder of templates the package configuration left out."""

from __future__ import annotations

import subprocess
import sys

from tests.site_build import ROOT


def test_the_project_builds_without_setuptools_warnings(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path),
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stdout + result.stderr.replace("WARNING: Location", "")
    [wheel] = tmp_path.glob("*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "hooks/templates/zones.html" in names and "coverage_data/language/same-in-both.txt" in names
