"""The undocumented interfaces of Pyodide and Material the site relies on are listed in one place
(docs/assets/checker/third-party.d.ts), with the versions they were checked on: an upgrade fails here
until that list has been re-checked and its versions changed."""

from __future__ import annotations

import importlib.metadata
import json

from tests.site_build import ROOT

LIST = ROOT / "docs" / "assets" / "checker" / "third-party.d.ts"


def test_the_list_names_the_installed_versions():
    header = LIST.read_text(encoding="utf-8")
    pyodide = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))["version"]
    material = importlib.metadata.version("mkdocs-material")
    assert f"Pyodide {pyodide} (npm)" in header
    assert f"Material for MkDocs {material}" in header


def test_every_file_that_relies_on_them_points_to_the_list():
    for path in ("docs/assets/checker/runtime.mjs", "docs/assets/checker/worker.js", "docs/assets/checker/app.js",
                 "hooks/make_stdlib.py", "overrides/main.html"):  # fmt: skip
        assert "third-party.d.ts" in (ROOT / path).read_text(encoding="utf-8"), path
