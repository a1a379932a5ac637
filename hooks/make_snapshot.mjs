// Make Pyodide's memory snapshot with the checker's modules already imported, so that the browser
// skips the interpreter's start-up and the imports. Run by hooks/runtime.py at build time (cached):
//   node hooks/make_snapshot.mjs CODE_ARCHIVE OUTPUT
// The snapshot holds no data and no file: the page still unpacks the checker archive and loads the data.
// Its file format is in docs/assets/checker/runtime.mjs, with the code that reads it.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";
import { packMemory } from "../docs/assets/checker/runtime.mjs";

const [archivePath, outputPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, packages: [] });
const archive = readFileSync(archivePath);
pyodide.unpackArchive(new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength), "zip", {
  extractDir: "/tmp/snapshot-code",
});
pyodide.runPython(
  "import sys; sys.path.insert(0, '/tmp/snapshot-code'); import checker.browser; sys.path.remove('/tmp/snapshot-code')",
);
writeFileSync(outputPath, gzipSync(packMemory(pyodide.makeMemorySnapshot()), { level: 9 }));
