"""The benchmark is a tool of the project, not of its tests (issue 22 §7): it imports nothing from
`tests/` (the tests may import its Chromium settings, bench/chromium.py)."""

from __future__ import annotations

import ast

from tests.site_build import ROOT


def test_the_benchmark_imports_nothing_from_the_tests():
    imported = set()
    for path in sorted((ROOT / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add((path.name, node.module.split(".")[0]))
            elif isinstance(node, ast.Import):
                imported |= {(path.name, alias.name.split(".")[0]) for alias in node.names}
    assert {(name, module) for name, module in imported if module == "tests"} == set()
    assert ("run.py", "bench") in imported  # the test reads the benchmark's real imports
