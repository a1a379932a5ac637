// Run the checker inside real Pyodide under Node, on the site's own files (Pyodide's folder with its
// trimmed lock file, the trimmed standard library, the checker archive), started by the same code as
// the page's worker: a first start, then a second one from the memory snapshot the first one made, as
// a browser's second visit does. Each start answers every request.
// Usage: node pyodide_run.mjs PYODIDE_DIR STDLIB ARCHIVE REQUESTS.json ANSWERS.json
// Each request is {params, lang}; each answer is the JSON text `checker.browser.handle` returns.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { startChecker } from "../docs/assets/checker/runtime.mjs";

const [indexURL, stdLibURL, archivePath, requestsPath, answersPath] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(requestsPath, "utf-8"));
const options = { loadPyodide, indexURL, stdLibURL, archive: Promise.resolve(new Uint8Array(readFileSync(archivePath))) };

const first = await startChecker(options);
const answers = requests.map(first.ask);
const version = first.pyodide.runPython("import sys; sys.version.split()[0]");
const snapshot = new Uint8Array(await new Response(first.memory()).arrayBuffer());
const after = requests.map(first.ask); // making a snapshot leaves Pyodide as it was
const second = await startChecker({ ...options, snapshot: new Response(snapshot).body });
const restored = requests.map(second.ask);
writeFileSync(answersPath, JSON.stringify({ python: version, answers, after, restored, snapshot: snapshot.length }));
