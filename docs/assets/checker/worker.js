// The coverage checker's Web Worker: Pyodide and the Python checker run here, never on the page's
// main thread. It answers one kind of message: {id, params, lang} -> {id, response: <JSON text>}.
// It knows no rule of its own: every answer is the Python checker's `checker.browser.handle`.

let ask = null;

function fetched(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response;
  });
}

async function start({ runtime: runtimeURL, pyodide: pyodideURL, archive: archiveURL, snapshot: snapshotURL }) {
  const progress = (percent) => self.postMessage({ type: "progress", percent });
  progress(5);
  const archive = fetched(archiveURL).then(async (response) => new Uint8Array(await response.arrayBuffer()));
  const snapshot = fetched(snapshotURL);
  const [{ startChecker }, { loadPyodide }] = await Promise.all([import(runtimeURL), import(`${pyodideURL}pyodide.mjs`)]);
  progress(20);
  ({ ask } = await startChecker({ loadPyodide, indexURL: pyodideURL, snapshot: (await snapshot).body, archive, progress }));
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
