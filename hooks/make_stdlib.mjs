// The standard library the browser gets: only the modules that Pyodide's start-up and the checker
// import, compiled to bytecode here (the browser compiles no source). Run by hooks/runtime.py at build
// time (cached in .cache/):
//   node hooks/make_stdlib.mjs CHECKER_ARCHIVE QUESTIONS.json STDLIB_OUTPUT.zip ARCHIVE_OUTPUT.zip
// It starts Pyodide (the whole standard library of the pinned npm package), starts the checker as the
// page does, answers every question of QUESTIONS.json ({params, lang} each) and one broken request (so
// that what formats a Python error is there too), and keeps what sys.modules then holds from the
// standard library's zip, but for the modules frozen into the interpreter (os, io, site…). Bytecode
// is compiled with -OO (no docstrings, no asserts) and without line tables (a traceback in the
// standard library names no line). The checker's modules come back too, with their bytecode beside
// them (in __pycache__, unchecked; the source stays for tracebacks), without the data.
// tests/pyodide_run.mjs starts Pyodide on this zip and answers over a thousand questions: an import it
// misses fails the tests.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { startChecker } from "../docs/assets/checker/runtime.mjs";

const [archivePath, questionsPath, stdlibPath, compiledPath] = process.argv.slice(2);
const archive = readFileSync(archivePath);
const { pyodide, ask } = await startChecker({
  loadPyodide,
  archive: Promise.resolve(new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength)),
});
JSON.parse(readFileSync(questionsPath, "utf-8")).forEach(ask);
pyodide.FS.writeFile("/tmp/archive.zip", archive);
try {
  pyodide.runPython("import checker.browser; checker.browser.handle('{')");
} catch {
  // the error's text was formatted by Python: its modules are imported now
}
pyodide.runPython(`
import importlib.util, io, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"

def without_lines(code):
    consts = tuple(without_lines(c) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

imported = sorted(
    path.removeprefix(ZIP + "/")
    for module in list(sys.modules.values())
    if (path := getattr(module, "__file__", None) or "").startswith(ZIP + "/") and path.endswith(".py")
    and getattr(module.__spec__, "origin", None) != "frozen"  # inside the interpreter already (os, io, site…)
)
with zipfile.ZipFile(ZIP) as whole, zipfile.ZipFile("/tmp/stdlib.zip", "w") as trimmed:
    for name in imported:
        source = whole.read(name)
        code = without_lines(compile(source, f"{ZIP}/{name}", "exec", dont_inherit=True, optimize=2))
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), False)
        info = zipfile.ZipInfo(name.removesuffix(".py") + ".pyc", (2020, 1, 1, 0, 0, 0))
        trimmed.writestr(info, bytes(pyc), zipfile.ZIP_DEFLATED, compresslevel=9)

with zipfile.ZipFile("/tmp/archive.zip") as source, zipfile.ZipFile("/tmp/compiled.zip", "w") as compiled:
    for info in source.infolist():
        folder, _, name = info.filename.rpartition("/")
        if name.endswith(".py"):
            data = source.read(info)
            compiled.writestr(info, data, zipfile.ZIP_DEFLATED, compresslevel=9)
            code = compile(data, f"/home/pyodide/app/{info.filename}", "exec", dont_inherit=True)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), False)
            cached = f"{folder}/__pycache__/{name.removesuffix('.py')}.{sys.implementation.cache_tag}.pyc"
            compiled.writestr(zipfile.ZipInfo(cached, info.date_time), bytes(pyc), zipfile.ZIP_DEFLATED, compresslevel=9)
`);
writeFileSync(stdlibPath, pyodide.FS.readFile("/tmp/stdlib.zip"));
writeFileSync(compiledPath, pyodide.FS.readFile("/tmp/compiled.zip"));
