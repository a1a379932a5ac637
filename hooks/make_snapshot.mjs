// Make Pyodide's memory snapshot with the checker's modules already imported, so that the browser
// skips the interpreter's start-up and the imports. Run by hooks/runtime.py at build time (cached):
//   node hooks/make_snapshot.mjs CODE_ARCHIVE OUTPUT
// The snapshot holds no data and no file: the page still unpacks the checker archive and loads the data.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [archivePath, outputPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, packages: [] });
const archive = readFileSync(archivePath);
pyodide.unpackArchive(new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength), "zip", {
  extractDir: "/tmp/snapshot-code",
});
pyodide.runPython(
  "import sys; sys.path.insert(0, '/tmp/snapshot-code'); import checker.browser; sys.path.remove('/tmp/snapshot-code')",
);
writeFileSync(outputPath, pyodide.makeMemorySnapshot());
