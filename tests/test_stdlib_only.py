"""The checker runs on the standard library alone, as it must in Pyodide."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "checker").glob("*.py"))


def imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_every_import_is_the_standard_library_or_the_checker():
    # Only the CPython-only modules (the CLI and the translation report) read the YAML source, through the
    # project's own coverage_data; the browser never gets them (they are left out of the shipped archive).
    from hooks.runtime import CPYTHON_ONLY

    for path in MODULES:
        outside = imported_names(path) - set(sys.stdlib_module_names) - {"checker"}
        assert outside <= ({"coverage_data"} if path.name in CPYTHON_ONLY else set()), (path.name, outside)


def test_the_shipped_archive_holds_the_browser_modules_only(data):
    import io
    import zipfile

    from hooks.runtime import CPYTHON_ONLY, checker_archive

    names = set(zipfile.ZipFile(io.BytesIO(checker_archive(data))).namelist())
    assert "checker/coverage.json" in names and "checker/browser.py" in names
    assert not {f"checker/{name}" for name in CPYTHON_ONLY} & names


def test_the_checker_imports_and_answers_with_no_site_packages(tmp_path, data):
    """-I -S: no site-packages at all, only the repository on the path."""
    (tmp_path / "data.json").write_text(json.dumps(data), encoding="utf-8")
    names = ", ".join(f"checker.{p.stem}" for p in MODULES if p.stem not in ("__main__",))
    code = (
        f"import sys, json; sys.path.insert(0, {str(ROOT)!r}); import {names};"
        "from checker.service import respond;"
        f"data = json.load(open({str(tmp_path / 'data.json')!r}));"
        "print(respond(data, {'market': 'ca', 'contract': 'standard-sla', 'zone': '1'}, 'fr')['answer']['response']['hours'])"
    )
    result = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "8"
