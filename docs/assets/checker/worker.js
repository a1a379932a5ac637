// The coverage checker's Web Worker: Pyodide and the Python checker run here, never on the page's
// main thread. It answers one kind of message: {id, params, lang} -> {id, response: <JSON text>}.
// It knows no rule of its own: every answer is the Python checker's `checker.browser.handle`.
//
// A first visit starts Pyodide itself (runtime.mjs); once it has answered and the page has been quiet
// for a moment, the worker keeps Pyodide's memory in Cache Storage under the build's snapshot name, and
// later visits start from it, with nothing from the network.

const SNAPSHOTS = "checker-memory"; // the Cache Storage that holds the one snapshot of the current build
const QUIET = 1000; // ms without a question before the snapshot is made

let ask = null;
let keep = null; // makes and stores the snapshot, once; null when there is nothing to keep
let quiet = null;

function fetched(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response;
  });
}

async function saved(snapshotURL) {
  try {
    return (await (await caches.open(SNAPSHOTS)).match(snapshotURL)) ?? null;
  } catch {
    return null; // no Cache Storage here (or it is refused): start as on a first visit
  }
}

async function store(snapshotURL, memory) {
  const cache = await caches.open(SNAPSHOTS);
  await cache.put(snapshotURL, new Response(memory(), { headers: { "Content-Type": "application/octet-stream" } }));
  for (const request of await cache.keys()) if (request.url !== snapshotURL) await cache.delete(request);
}

async function start({ runtime: runtimeURL, pyodide: pyodideURL, archive: archiveURL, stdlib, snapshot: snapshotURL }) {
  const progress = (percent) => self.postMessage({ type: "progress", percent });
  progress(5);
  const archive = fetched(archiveURL).then(async (response) => new Uint8Array(await response.arrayBuffer()));
  const memory = saved(snapshotURL);
  const [{ startChecker }, { loadPyodide }] = await Promise.all([import(runtimeURL), import(`${pyodideURL}pyodide.mjs`)]);
  progress(20);
  const options = { loadPyodide, indexURL: pyodideURL, stdLibURL: stdlib, archive, progress };
  let checker = null;
  const kept = await memory;
  if (kept) {
    try {
      checker = await startChecker({ ...options, snapshot: kept.body });
    } catch {
      caches.open(SNAPSHOTS).then((cache) => cache.delete(snapshotURL)); // unusable: start afresh, keep a new one
    }
  }
  checker ??= await startChecker(options);
  ({ ask } = checker);
  if (checker.memory) keep = () => store(snapshotURL, checker.memory).catch(() => {});
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
    // Every question gets a reply, an error too (as Pyodide's own worker example does): the page then
    // says so instead of waiting for ever.
    try {
      if (!ask) throw new Error("the checker has not started");
      self.postMessage({ type: "answer", id: message.id, response: ask(message) });
    } catch (error) {
      self.postMessage({ type: "answer", id: message.id, error: String(error) });
      return;
    }
    if (keep) {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        const once = keep;
        keep = null;
        once().then(() => self.postMessage({ type: "kept" }));
      }, QUIET);
    }
  }
};
