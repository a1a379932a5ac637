// Run the checker inside real Pyodide under Node (the same npm package the site ships), on the same
// archive and memory snapshot the site ships, started by the same code as the page's worker.
// Usage: node pyodide_run.mjs ARCHIVE REQUESTS.json ANSWERS.json SNAPSHOT
// Each request is {params, lang}; each answer is the JSON text `checker.browser.handle` returns.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { startChecker } from "../docs/assets/checker/runtime.mjs";

const [archivePath, requestsPath, answersPath, snapshotPath] = process.argv.slice(2);
const { pyodide, ask } = await startChecker({
  loadPyodide,
  snapshot: new Response(readFileSync(snapshotPath)).body,
  archive: Promise.resolve(new Uint8Array(readFileSync(archivePath))),
});
const requests = JSON.parse(readFileSync(requestsPath, "utf-8"));
const answers = requests.map(ask);
const version = pyodide.runPython("import sys; sys.version.split()[0]");
writeFileSync(answersPath, JSON.stringify({ python: version, answers }));
