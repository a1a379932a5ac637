// Starting the Python checker in Pyodide. Shared by the page's Web Worker (worker.js) and the Node parity
// test (tests/pyodide_run.mjs), so that the test runs the very start-up the page runs.
//
// A first start is Pyodide's own, on the build's trimmed standard library (stdlib-<hash>.zip: only the
// modules Pyodide and the checker import, compiled to bytecode: no source is compiled in the browser).
// Once it has answered, the worker keeps Pyodide's memory (the checker imported, the data loaded) in
// the browser's Cache Storage; the next visit starts from it: no interpreter start-up, no imports.
//
// A memory snapshot's format: Pyodide's memory is half zeros, so the file holds only the rest: a header
// of little-endian u32s (MAGIC, the memory's length, the number of runs, then each run's offset and
// length), then the runs' bytes in order; all of it gzipped (15 MB becomes 6 MB).
//
// Pyodide's own options used here are not all documented (`_makeSnapshot`, `_loadSnapshot`, `fsInit`'s
// hold on the start-up, `makeMemorySnapshot`): third-party.d.ts lists them with the version checked.
// @ts-check

const MAGIC = 0x31534d53; // "SMS1"
const BLOCK = 4096; // runs are whole blocks that are not all zero

/** The snapshot file's content for a memory, before gzip.
 * @param {Uint8Array} memory */
export function packMemory(memory) {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, memory.byteLength >>> 2);
  const zero = (/** @type {number} */ start) => {
    for (let i = start >>> 2, end = Math.min(words.length, (start + BLOCK) >>> 2); i < end; i++) if (words[i]) return false;
    return true;
  };
  /** @type {[number, number][]} */
  const runs = [];
  for (let start = 0; start < memory.length; start += BLOCK) {
    if (zero(start)) continue;
    const length = Math.min(BLOCK, memory.length - start);
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === start) last[1] += length;
    else runs.push([start, length]);
  }
  const header = new Uint32Array([MAGIC, memory.length, runs.length, ...runs.flat()]);
  const size = runs.reduce((total, [, length]) => total + length, header.byteLength);
  const file = new Uint8Array(size);
  file.set(new Uint8Array(header.buffer));
  let at = header.byteLength;
  for (const [offset, length] of runs) {
    file.set(memory.subarray(offset, offset + length), at);
    at += length;
  }
  return file;
}

/** The memory, read from the snapshot file's stream straight into place. `sized` gets the (still
 * zero) memory as soon as the header has arrived, so that Pyodide can start while the rest streams.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {(memory: Uint8Array) => void} sized */
async function readMemory(stream, sized) {
  const reader = stream.getReader();
  let header = new Uint8Array(0);
  /** @type {Uint8Array | null} */
  let memory = null;
  /** @type {[number, number][] | null} */
  let runs = null;
  let run = 0;
  let filled = 0; // bytes of the current run
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let chunk = value;
    if (!runs) {
      header = concat(header, chunk);
      const parsed = parseHeader(header);
      if (!parsed) continue;
      ({ memory, runs } = parsed);
      sized(memory);
      chunk = header.subarray(parsed.length);
    }
    while (memory && chunk.length && run < runs.length) {
      const [offset, length] = runs[run];
      const count = Math.min(length - filled, chunk.length);
      memory.set(chunk.subarray(0, count), offset + filled);
      chunk = chunk.subarray(count);
      filled += count;
      if (filled === length) [run, filled] = [run + 1, 0];
    }
  }
  if (!runs || run < runs.length) throw new Error("the memory snapshot is incomplete");
  return memory;
}

/** @param {Uint8Array} bytes */
function parseHeader(bytes) {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("not a memory snapshot of this format");
  const count = view.getUint32(8, true);
  const length = 12 + 8 * count;
  if (bytes.length < length) return null;
  /** @type {[number, number][]} */
  const runs = Array.from({ length: count }, (_, i) => [view.getUint32(12 + 8 * i, true), view.getUint32(16 + 8 * i, true)]);
  return { memory: new Uint8Array(view.getUint32(4, true)), runs, length };
}

/** @param {Uint8Array} a @param {Uint8Array} b */
function concat(a, b) {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Options of loadPyodide that start from a snapshot's (gzipped) stream: Pyodide compiles its
 * WebAssembly while the memory streams in; its file-system hook holds the start-up until the memory
 * is whole, and only then is the memory restored.
 * @param {ReadableStream<Uint8Array>} stream */
function fromSnapshot(stream) {
  /** @type {(memory: Uint8Array) => void} */
  let sized = () => {};
  const gunzip = /** @type {ReadableWritablePair<Uint8Array, Uint8Array>} */ (/** @type {unknown} */ (new DecompressionStream("gzip")));
  const memoryFilled = readMemory(stream.pipeThrough(gunzip), (memory) => sized(memory));
  /** @type {Promise<Uint8Array>} */
  const memorySized = new Promise((resolve, reject) => {
    sized = resolve;
    memoryFilled.catch(reject);
  });
  const fsInit = async () => {
    await memoryFilled;
  };
  return { options: { _loadSnapshot: memorySized, fsInit }, memoryFilled };
}

const APP = "/home/pyodide/app";

/**
 * Pyodide with the checker ready to answer: `ask({params, lang})` returns the checker's JSON text.
 * `indexURL`: Pyodide's core files (the build's folder); `stdLibURL`: the build's trimmed standard
 * library; `archive`: a promise of the checker archive's bytes (its modules and the compiled data);
 * `snapshot`: a stream of a snapshot made by `memory()` for this very build, or nothing. Without a
 * snapshot, the returned `memory()` makes one (a gzipped stream) for the next start.
 * @param {object} options
 * @param {typeof import("pyodide").loadPyodide} options.loadPyodide
 * @param {string} [options.indexURL]
 * @param {string} [options.stdLibURL]
 * @param {Promise<Uint8Array>} options.archive
 * @param {ReadableStream<Uint8Array> | null} [options.snapshot]
 * @param {(percent: number) => void} [options.progress]
 */
export async function startChecker({ loadPyodide, indexURL, stdLibURL, archive, snapshot = null, progress = () => {} }) {
  const restore = snapshot ? fromSnapshot(snapshot) : null;
  const [pyodide] = await Promise.all([
    loadPyodide({ indexURL, stdLibURL, packages: [], ...(restore ? restore.options : { _makeSnapshot: true }) }),
    restore?.memoryFilled,
  ]);
  progress(80);
  pyodide.unpackArchive(await archive, "zip", { extractDir: APP });
  progress(90);
  pyodide.runPython(`import sys\nif ${JSON.stringify(APP)} not in sys.path: sys.path.insert(0, ${JSON.stringify(APP)})`);
  const browser = pyodide.pyimport("checker.browser");
  browser.load(`${APP}/checker/coverage.json`);
  const ask = (/** @type {{ params: Record<string, string>, lang: string }} */ request) =>
    /** @type {string} */ (browser.handle(JSON.stringify(request)));
  const memory = restore
    ? null
    : () => {
        const packed = /** @type {ReadableStream<Uint8Array>} */ (new Response(packMemory(pyodide.makeMemorySnapshot())).body);
        return packed.pipeThrough(/** @type {ReadableWritablePair<Uint8Array, Uint8Array>} */ (new CompressionStream("gzip")));
      };
  return { pyodide, ask, memory };
}
