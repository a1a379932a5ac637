// The coverage checker's Web Worker: Pyodide and the Python checker run here, never on the page's
// main thread. Its messages, both ways, are one typed union each (types.d.ts: ToWorker, FromWorker).
// It knows no rule of its own: every answer is the Python checker's `checker.browser.handle`.
//
// A first visit starts Pyodide itself (runtime.mjs); once it has answered and the page has been quiet
// for a moment, the worker keeps Pyodide's memory in Cache Storage under the build's snapshot name, and
// later visits start from it, with nothing from the network.
//
// Every runtime file is watched as it arrives (`watched`), the ones Pyodide fetches itself included: its
// status, the WebAssembly's content type, and its length against the build's (config.sizes). A file
// that certainly failed is reported at once, as `failed`: Pyodide itself never settles when its
// WebAssembly cannot be compiled (third-party.d.ts). The bytes received are the progress the page shows.
// @ts-check
/** @typedef {import("./types").ToWorker} ToWorker */
/** @typedef {import("./types").FromWorker} FromWorker */
/** @typedef {import("./types").RuntimeURLs} RuntimeURLs */

const SNAPSHOTS = "checker-memory"; // the Cache Storage that holds the one snapshot of the current build
const QUIET = 1000; // ms without a question before the snapshot is made
const DOWNLOADED = 90; // the percent of the progress bar the downloads fill; starting Pyodide fills the rest

const worker = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const post = (/** @type {FromWorker} */ message) => worker.postMessage(message);

/** @type {((request: { params: import("./types").Params, lang: string }) => string) | null} */
let ask = null;
/** @type {(() => Promise<void>) | null} makes and stores the snapshot, once; null when there is nothing to keep */
let keep = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let quiet;

// ---- Progress and failure, from the files as they arrive.
/** @type {Record<string, number>} */
let sizes = {};
let received = 0;
let shown = 0;
let failed = false;

function progress(/** @type {number} */ percent) {
  if (failed || percent <= shown) return; // a failed start has nothing more to show: the page says why
  shown = percent;
  post({ type: "progress", percent });
}

function fail(/** @type {string} */ detail) {
  if (failed) return;
  failed = true;
  post({ type: "failed", detail });
}

const total = () => Object.values(sizes).reduce((sum, size) => sum + size, 0);

/** The response, watched: a runtime file (one of `sizes`) that fails its status, its content type (the
 * WebAssembly's, which the browser compiles only as application/wasm) or its length is reported at once.
 * @param {Response} response
 * @param {string} url */
function watched(response, url) {
  const name = new URL(url, worker.location.href).pathname.split("/").pop() ?? "";
  const size = sizes[name];
  if (size === undefined) return response;
  const type = response.headers.get("Content-Type") ?? "";
  const wrong = !response.ok
    ? `status ${response.status}`
    : name.endsWith(".wasm") && !type.startsWith("application/wasm")
      ? `content type ${type || "none"}`
      : null;
  if (wrong || !response.body) {
    fail(`${name}: ${wrong ?? "no body"}`);
    return response;
  }
  let count = 0;
  const counted = new TransformStream({
    transform(chunk, stream) {
      count += chunk.byteLength;
      received += chunk.byteLength;
      progress(Math.floor((DOWNLOADED * received) / total()));
      stream.enqueue(chunk);
    },
    flush(stream) {
      if (count === size) return;
      fail(`${name}: ${count} bytes of ${size}`);
      stream.error(new Error(`${name} is incomplete`));
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counted), { status, statusText, headers });
}

// Pyodide fetches its WebAssembly, its lock file and the standard library with the global fetch of the
// scope it runs in (third-party.d.ts): this one is the worker's, watched.
const fetchOriginal = worker.fetch.bind(worker);
worker.fetch = async (input, init) => {
  const response = await fetchOriginal(input, init).catch((error) => {
    fail(`${input instanceof Request ? input.url : input}: ${error}`);
    throw error;
  });
  return watched(response, input instanceof Request ? input.url : String(input));
};

async function saved(/** @type {string} */ snapshotURL) {
  try {
    return (await (await caches.open(SNAPSHOTS)).match(snapshotURL)) ?? null;
  } catch {
    return null; // no Cache Storage here (or it is refused): start as on a first visit
  }
}

async function store(/** @type {string} */ snapshotURL, /** @type {() => ReadableStream<Uint8Array>} */ memory) {
  const cache = await caches.open(SNAPSHOTS);
  await cache.put(snapshotURL, new Response(memory(), { headers: { "Content-Type": "application/octet-stream" } }));
  for (const request of await cache.keys()) if (request.url !== snapshotURL) await cache.delete(request);
}

/** @param {RuntimeURLs} urls */
async function start({ runtime: runtimeURL, pyodide: pyodideURL, archive: archiveURL, stdlib, snapshot: snapshotURL }) {
  progress(1);
  const archive = fetch(archiveURL).then(async (response) => {
    if (!response.ok) throw new Error(`${archiveURL}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  archive.catch(() => {}); // its failure is the start's, below (and already reported as it arrived)
  const memory = saved(snapshotURL);
  /** @type {[typeof import("./runtime.mjs"), typeof import("pyodide")]} */
  const [{ startChecker }, { loadPyodide }] = await Promise.all([import(runtimeURL), import(`${pyodideURL}pyodide.mjs`)]);
  const started = () => progress(Math.max(shown, DOWNLOADED) + 5);
  const options = { loadPyodide, indexURL: pyodideURL, stdLibURL: stdlib, archive, progress: started };
  let checker = null;
  const kept = await memory;
  if (kept?.body) {
    try {
      checker = await startChecker({ ...options, snapshot: kept.body });
    } catch (error) {
      console.error(`checker: the kept memory could not be restored, starting afresh: ${error}`);
      caches.open(SNAPSHOTS).then((cache) => cache.delete(snapshotURL)); // unusable: keep a new one
    }
  }
  checker ??= await startChecker(options);
  ({ ask } = checker);
  const { memory: made } = checker;
  if (made) keep = () => store(snapshotURL, made).catch((error) => console.error(`checker: the memory was not kept: ${error}`));
  progress(100);
}

worker.onmessage = async ({ data }) => {
  const message = /** @type {ToWorker} */ (data);
  if (message.type === "start") {
    sizes = message.sizes;
    try {
      await start(message.urls);
      post({ type: "ready" });
    } catch (error) {
      fail(String(error));
    }
  } else if (message.type === "ask") {
    // Every question gets a reply, an error too (as Pyodide's own worker example does): the page then
    // says so instead of waiting for ever.
    try {
      if (!ask) throw new Error("the checker has not started");
      post({ type: "answer", id: message.id, response: ask(message) });
    } catch (error) {
      post({ type: "answer", id: message.id, error: String(error) });
      return;
    }
    if (keep) {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        const once = keep;
        keep = null;
        once?.().then(() => post({ type: "kept" }));
      }, QUIET);
    }
  }
};
