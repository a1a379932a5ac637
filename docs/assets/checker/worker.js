// The coverage checker's Web Worker: Pyodide and the Python checker run here, never on the page's
// main thread. It answers one kind of message: {id, params, lang} -> {id, response: <JSON text>}.
// It knows no rule of its own: every answer is the Python checker's `checker.browser.handle`.

let ask = null;

async function start({ pyodide: pyodideURL, archive: archiveURL, snapshot: snapshotURL }) {
  const progress = (percent) => self.postMessage({ type: "progress", percent });
  progress(5);
  const archiveBytes = fetch(archiveURL).then((response) => {
    if (!response.ok) throw new Error(`${archiveURL}: ${response.status}`);
    return response.arrayBuffer();
  });
  // Pyodide's memory with the checker already imported, made at build time: no start-up, no imports.
  const snapshot = fetch(snapshotURL).then((response) => {
    if (!response.ok) throw new Error(`${snapshotURL}: ${response.status}`);
    return response.arrayBuffer();
  });
  const { loadPyodide } = await import(`${pyodideURL}pyodide.mjs`);
  progress(20);
  const pyodide = await loadPyodide({ indexURL: pyodideURL, packages: [], _loadSnapshot: snapshot });
  progress(80);
  pyodide.unpackArchive(new Uint8Array(await archiveBytes), "zip", { extractDir: "/home/pyodide/app" });
  progress(90);
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')");
  const browser = pyodide.pyimport("checker.browser");
  browser.load("/home/pyodide/app/checker/coverage.json");
  ask = (request) => browser.handle(JSON.stringify(request));
  progress(100);
}

self.onmessage = async ({ data: message }) => {
  if (message.type === "start") {
    try {
      await start(message);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", reason: String(error) });
    }
  } else if (message.type === "ask") {
    self.postMessage({ type: "answer", id: message.id, response: ask(message) });
  }
};
