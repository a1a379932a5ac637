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


def checker_imports(path: Path) -> set[str]:
    """The checker's own modules a module imports ('answer' for `from checker.answer import …`)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module.startswith("checker."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("checker.")}
    return names


def test_the_browser_modules_are_the_standard_library_only_and_closed_under_imports():
    """The allow-list of what ships (hooks/runtime.BROWSER_MODULES): each of its modules imports only the
    standard library and other modules of the list, so nothing the browser runs is left behind."""
    from hooks.runtime import BROWSER_MODULES

    assert "browser" in BROWSER_MODULES
    for name in BROWSER_MODULES:
        path = ROOT / "checker" / f"{name}.py"
        assert imported_names(path) - set(sys.stdlib_module_names) <= {"checker"}, name
        assert checker_imports(path) <= set(BROWSER_MODULES), (name, checker_imports(path) - set(BROWSER_MODULES))


def test_only_the_command_line_reaches_beyond_the_standard_library():
    """What does not ship (the CLI, its text renderer) may read the YAML source through coverage_data, and
    the CLI's `changes` renders the pages as the build does (hooks)."""
    from hooks.runtime import BROWSER_MODULES

    for path in MODULES:
        if path.stem not in BROWSER_MODULES:
            allowed = {"checker", "coverage_data", *(["hooks"] if path.stem == "cli" else [])}
            assert imported_names(path) - set(sys.stdlib_module_names) <= allowed, path.name


def test_the_shipped_archive_holds_the_browser_modules_only(data):
    import io
    import zipfile

    from hooks.runtime import BROWSER_MODULES, checker_archive

    names = set(zipfile.ZipFile(io.BytesIO(checker_archive(data))).namelist())
    shipped = {name.removeprefix("checker/").removesuffix(".py") for name in names if name.endswith(".py")}
    assert shipped == set(BROWSER_MODULES)
    assert "checker/coverage.json" in names


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
