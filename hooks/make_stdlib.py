"""The Python half of hooks/make_stdlib.mjs, run inside Pyodide under Node at build time (never imported
by the build): after the checker has answered every sample question, keep the standard library's
modules then imported, compiled, and compile the checker's own modules too.

Paths are Pyodide's file system's: make_stdlib.mjs wrote the checker archive to /tmp/archive.zip and
reads /tmp/stdlib.zip and /tmp/compiled.zip back. Bytecode is compiled with -OO (no docstrings, no
asserts) and without line tables (a traceback in the standard library names no line); the checker's
modules keep their source beside their bytecode (in __pycache__, unchecked) for tracebacks. What this
relies on in Pyodide and CPython is listed in docs/assets/checker/third-party.d.ts (point 5).
"""

from __future__ import annotations

import importlib.util
import sys
import types
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]

ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"  # Pyodide's whole standard library
EPOCH = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: the same modules give the same zip


def without_lines(code: types.CodeType) -> types.CodeType:
    consts = tuple(without_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)


def imported() -> list[str]:
    """The standard library's modules imported now, as paths in its zip, but those frozen into the
    interpreter (os, io, site…), which need no file."""
    return sorted(
        path.removeprefix(ZIP + "/")
        for module in list(sys.modules.values())
        if (path := getattr(module, "__file__", None) or "").startswith(ZIP + "/")
        and path.endswith(".py")
        and getattr(module.__spec__, "origin", None) != "frozen"
    )


def trimmed_library(target: str) -> None:
    with zipfile.ZipFile(ZIP) as whole, zipfile.ZipFile(target, "w") as trimmed:
        for name in imported():
            source = whole.read(name)
            code = without_lines(compile(source, f"{ZIP}/{name}", "exec", dont_inherit=True, optimize=2))
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), False)
            info = zipfile.ZipInfo(name.removesuffix(".py") + ".pyc", EPOCH)
            trimmed.writestr(info, bytes(pyc), zipfile.ZIP_DEFLATED, compresslevel=9)


def compiled_checker(archive: str, target: str) -> None:
    """The checker archive's modules (without its data), each with its bytecode beside it."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as compiled:
        for info in source.infolist():
            folder, _, name = info.filename.rpartition("/")
            if name.endswith(".py"):
                data = source.read(info)
                compiled.writestr(info, data, zipfile.ZIP_DEFLATED, compresslevel=9)
                code = compile(data, f"/home/pyodide/app/{info.filename}", "exec", dont_inherit=True)
                pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), False)
                cached = f"{folder}/__pycache__/{name.removesuffix('.py')}.{sys.implementation.cache_tag}.pyc"
                info = zipfile.ZipInfo(cached, info.date_time)
                compiled.writestr(info, bytes(pyc), zipfile.ZIP_DEFLATED, compresslevel=9)


if __name__ == "__main__":  # as make_stdlib.mjs runs it in Pyodide
    trimmed_library("/tmp/stdlib.zip")
    compiled_checker("/tmp/archive.zip", "/tmp/compiled.zip")
