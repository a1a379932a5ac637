// Run the checker inside real Pyodide under Node (the same npm package the site ships), on the same
// archive and memory snapshot the site ships. Usage: node pyodide_run.mjs ARCHIVE REQUESTS.json ANSWERS.json SNAPSHOT
// Each request is {params, lang}; each answer is the JSON text `checker.browser.handle` returns.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [archivePath, requestsPath, answersPath, snapshotPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ packages: [], _loadSnapshot: readFileSync(snapshotPath) });
const archive = readFileSync(archivePath);
pyodide.unpackArchive(new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength), "zip", {
  extractDir: "/home/pyodide/app",
});
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')");
const browser = pyodide.pyimport("checker.browser");
browser.load("/home/pyodide/app/checker/coverage.json");
const requests = JSON.parse(readFileSync(requestsPath, "utf-8"));
const answers = requests.map((request) => browser.handle(JSON.stringify(request)));
const version = pyodide.runPython("import sys; sys.version.split()[0]");
writeFileSync(answersPath, JSON.stringify({ python: version, answers }));
