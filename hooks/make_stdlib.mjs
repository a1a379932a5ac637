// The standard library the browser gets: only the modules that Pyodide's start-up and the checker
// import, compiled to bytecode here (the browser compiles no source). Run by hooks/runtime.py at build
// time (cached in .cache/):
//   node hooks/make_stdlib.mjs CHECKER_ARCHIVE QUESTIONS.json STDLIB_OUTPUT.zip ARCHIVE_OUTPUT.zip
// It starts Pyodide (the whole standard library of the pinned npm package), starts the checker as the
// page does, answers every question of QUESTIONS.json ({params, lang} each) and one broken request (so
// that what formats a Python error is there too), and keeps what sys.modules then holds from the
// standard library's zip, but for the modules frozen into the interpreter (os, io, site…), compiled to
// bytecode; the checker's modules come back too, with their bytecode beside them, without the data
// (hooks/make_stdlib.py does both, inside Pyodide).
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
// The Python half (hooks/make_stdlib.py) runs in Pyodide, as its main module.
pyodide.runPython(readFileSync(new URL("./make_stdlib.py", import.meta.url), "utf-8"));
writeFileSync(stdlibPath, pyodide.FS.readFile("/tmp/stdlib.zip"));
writeFileSync(compiledPath, pyodide.FS.readFile("/tmp/compiled.zip"));
