// Everything the site's scripts and templates rely on in Pyodide and Material for MkDocs that their
// documentation does not promise, in one place (as hooks/i18n.py is for mkdocs-static-i18n), with the
// versions it was checked on: Pyodide 314.0.7 (npm), Material for MkDocs 9.8.1. After an upgrade of
// either, re-check this list point by point (tests/test_third_party.py fails until the versions here are
// the installed ones); `make test` exercises every point.
//
// Pyodide (node_modules/pyodide: pyodide.mjs, pyodide.d.ts)
//  1. `loadPyodide({ _makeSnapshot: true })` and `pyodide.makeMemorySnapshot()` make a memory snapshot,
//     and `loadPyodide({ _loadSnapshot })` starts from one (both `@ignore`, `makeMemorySnapshot`
//     `@private`): runtime.mjs, the snapshot the worker keeps in Cache Storage.
//  2. `fsInit` (`@experimental`) holds the start-up until the promise it returns settles: runtime.mjs
//     restores a snapshot only once the whole memory has streamed in.
//  3. Pyodide fetches pyodide.asm.wasm, pyodide-lock.json and the standard library with the global
//     `fetch` of the scope it runs in (`browser_getBinaryResponse`, `loadBinaryFile`): worker.js watches
//     that `fetch` (status, content type, length, progress).
//  4. A WebAssembly that cannot be compiled or instantiated is only `console.warn`ed ("wasm instantiation
//     failed!", `getInstantiateWasmFunc`): `loadPyodide` then never settles, so worker.js reports a
//     failed file itself, at once.
//  5. Its standard library is the zip at /lib/python3XY.zip, and the modules frozen into the interpreter
//     have `__spec__.origin == "frozen"`; `importlib._bootstrap_external._code_to_hash_pyc` (CPython's,
//     private) writes a pyc: hooks/make_stdlib.py, which trims and compiles the library at build time.
//
// Material for MkDocs (its templates and bundle)
//  6. `__md_get(key)` and `__md_set(key, value)` (globals of its inline script) read and write its own
//     storage, and the linked content tabs keep the labels of the reader's chosen tabs under "__tabs":
//     app.js reads and writes the same list, so the checker's market follows the tabs and back.
//  7. overrides/main.html edits two blocks' rendered text: `<link rel="alternate" href=` in `site_meta`
//     (its script fetches a sitemap beside each such link), and the first `"></script>` of `scripts`,
//     which is its bundle's tag (deferred).
//  8. Its inline scripts contain no template expression but its base URL (`..`): hooks/csp.py hashes
//     them by their content.

/** Material's storage (point 6): its own key, in its own scope. */
declare function __md_get(key: string): unknown;
declare function __md_set(key: string, value: unknown): void;
