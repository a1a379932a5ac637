"""The coverage checker: what a support contract gives, where, and how fast.

Pure standard library, so that the same files run in CPython (the build, the CLI, the tests) and in
Pyodide (the browser). It reads the plain dict that `coverage_data.load()` compiles from the YAML
source, and answers with plain, JSON-ready dicts whose sentences are already in the asked language.
"""

from checker.service import respond

__all__ = ["respond"]
