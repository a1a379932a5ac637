// Starting the Python checker in Pyodide from the build's memory snapshot. Shared by the page's Web
// Worker (worker.js), the build (hooks/make_snapshot.mjs) and the Node parity test
// (tests/pyodide_run.mjs), so that the test runs the very start-up the page runs.
//
// The snapshot is Pyodide's memory with the checker already imported: no interpreter start-up, no
// imports. Half of that memory is zero, so the file holds only the rest: a header of little-endian
// u32s (MAGIC, the memory's length, the number of runs, then each run's offset and length), then the
// runs' bytes in order; all of it gzipped, because hosts do not compress binary files themselves
// (15 MB becomes 6 MB). The browser's own DecompressionStream unzips it as it streams in.

const MAGIC = 0x31534d53; // "SMS1"
const BLOCK = 4096; // runs are whole blocks that are not all zero

/** The snapshot file's content for a memory, before gzip (build time: hooks/make_snapshot.mjs). */
export function packMemory(memory) {
  const runs = [];
  for (let start = 0; start < memory.length; start += BLOCK) {
    const block = memory.subarray(start, start + BLOCK);
    if (block.every((byte) => byte === 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === start) last[1] += block.length;
    else runs.push([start, block.length]);
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
 * zero) memory as soon as the header has arrived, so that Pyodide can start while the rest streams. */
async function readMemory(stream, sized) {
  const reader = stream.getReader();
  let header = new Uint8Array(0);
  let memory = null;
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
    while (chunk.length && run < runs.length) {
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

function parseHeader(bytes) {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("not a memory snapshot of this format");
  const count = view.getUint32(8, true);
  const length = 12 + 8 * count;
  if (bytes.length < length) return null;
  const runs = Array.from({ length: count }, (_, i) => [view.getUint32(12 + 8 * i, true), view.getUint32(16 + 8 * i, true)]);
  return { memory: new Uint8Array(view.getUint32(4, true)), runs, length };
}

function concat(a, b) {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Pyodide with the checker ready to answer: `ask({params, lang})` returns the checker's JSON text.
 * `snapshot` is the snapshot file's (gzipped) ReadableStream, `archive` a promise of the checker archive's bytes
 * (its modules and the compiled data), `indexURL` where Pyodide's core files are (none under Node).
 */
export async function startChecker({ loadPyodide, indexURL, snapshot, archive, progress = () => {} }) {
  let sized;
  const memoryFilled = readMemory(snapshot.pipeThrough(new DecompressionStream("gzip")), (memory) => sized(memory));
  const memorySized = new Promise((resolve, reject) => {
    sized = resolve;
    memoryFilled.catch(reject);
  });
  // Pyodide compiles its WebAssembly while the memory streams in; its file-system hook holds the
  // start-up until the memory is whole, and only then is the memory restored.
  const [pyodide] = await Promise.all([
    loadPyodide({ indexURL, packages: [], _loadSnapshot: memorySized, fsInit: () => memoryFilled }),
    memoryFilled,
  ]);
  progress(80);
  pyodide.unpackArchive(await archive, "zip", { extractDir: "/home/pyodide/app" });
  progress(90);
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')");
  const browser = pyodide.pyimport("checker.browser");
  browser.load("/home/pyodide/app/checker/coverage.json");
  return { pyodide, ask: (request) => browser.handle(JSON.stringify(request)) };
}
