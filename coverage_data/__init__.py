"""The single source of coverage facts, and the build-time code that reads it.

`coverage.yml` holds every fact; `load()` turns it into the plain dict that the checker reads (in
CPython and in Pyodide), or raises `SourceError` listing every problem as `file:line: message`.
This package uses PyYAML, jsonschema and holidays; the checker itself never imports it at run time.
"""

from coverage_data.problems import Problem, SourceError
from coverage_data.source import BUILD_DAY_VARIABLE, SCHEMA, SOURCE, build_day, load, source_path

__all__ = ["BUILD_DAY_VARIABLE", "SCHEMA", "SOURCE", "Problem", "SourceError", "build_day", "load", "source_path"]
