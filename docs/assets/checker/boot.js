// The checker page's first lines, inlined at the top of <head> before the stylesheets and Material's
// scripts (hooks/render.py puts this file into the page; the CSP knows it by its content, hooks/csp.py).
//
// The build ran the same checker on every market × contract × guarantee × zone and wrote its answers
// (config.files), and wrote the checker's own reading of those fields as tables (config.reading: every
// value a link may carry there, and what the checker reads it as; checker/query.py). A question is looked
// up in them, never read another way: a value they do not list goes to the runtime. A link the build
// answers is fetched here, so that its answer is ready when the page is parsed, and the runtime (a Web
// Worker: Pyodide and the checker) is not loaded until the visitor steps toward a field only it answers
// (app.js). A link asking anything else starts the runtime here, while the page is parsed. A link that
// asks anything marks the page `st-asked`, before it is drawn: it opens on its answer. This decides only
// *when* things load, never what an answer says.
//
// app.js (an async module) then takes over the worker's messages. Every path ends: a build's answer that
// does not come within PREBUILT_WAIT is left to the runtime; if app.js cannot be loaded or started, or has
// not started within APP_WAIT of the page being parsed, the page falls back to its static goals, saying so.
// @ts-check
(() => {
  /** @typedef {import("./types").Config} Config */
  /** @typedef {import("./types").Boot} Boot */
  /** @typedef {import("./types").Params} Params */
  /** @typedef {import("./types").Reading} Reading */
  /** @typedef {import("./types").Reply} Reply */
  /** @typedef {import("./types").DistancePart} DistancePart */
  /** @typedef {import("./types").Answer} Answer */

  const PREBUILT_WAIT = 5_000; // ms: a build's answer is a few kilobytes; one that stalls is left to the runtime
  const APP_WAIT = 20_000; // ms after the page is parsed: app.js that has not started by then is not coming

  const config = /** @type {Config} */ (JSON.parse(document.getElementById("st-checker-config")?.textContent ?? ""));
  const root = document.documentElement;
  root.classList.add("st-live"); // the interactive checker answers: the static goals are its fallback (site.css)
  const absolute = (/** @type {string} */ path) => new URL(path, document.baseURI).toString();

  /** A table's own entry (a link's value is any string: "constructor" is no key of the table).
   * @template T
   * @param {Record<string, T> | undefined} table
   * @param {string} key */
  const own = (table, key) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

  /** @type {Map<string, Promise<unknown>>} */
  const fetches = new Map();
  /** A file of the build's answers, or null if it does not come, whole and in time. */
  function fetched(/** @type {string} */ name) {
    const url = new URL(name, absolute(config.answers)).toString();
    let pending = fetches.get(url);
    if (!pending) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), PREBUILT_WAIT);
      pending = fetch(url, { signal: abort.signal })
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null)
        .then((file) => {
          clearTimeout(timer);
          if (file === null) fetches.delete(url); // asked again later, it is fetched again
          return file;
        });
      fetches.set(url, pending);
    }
    return pending;
  }

  /** The build's answer a question is found under, by the checker's reading of its fields
   * (config.reading), or null when only the runtime can read it.
   * @param {Params} params
   * @returns {Reading | null} */
  function read(params) {
    const reading = config.reading;
    const given = (/** @type {string} */ field) => params[field] ?? "";
    const market = given("market") === "" ? reading.defaults.market : own(reading.market, given("market"));
    const contract = given("contract") === "" ? reading.defaults.contract : own(reading.contract, given("contract"));
    if (market === undefined || contract === undefined) return null;
    const guarantees = own(own(reading.guarantee, market), contract); // none: no guarantee there, a stray one is ignored
    const guarantee = guarantees === undefined || given("guarantee") === "" ? "" : own(guarantees, given("guarantee"));
    const km = given("km") === "" ? null : given("km");
    let zone = given("zone") === "" ? "" : own(reading.zone, given("zone"));
    // A distance is answered as the zone it falls in; with a zone too, the runtime says which to drop.
    if (km !== null) zone = zone === "" ? own(own(reading.km, market), km) : undefined;
    if (guarantee === undefined || zone === undefined) return null;
    const file = own(own(own(own(config.files, market), contract), guarantee), zone);
    if (file === undefined) return null;
    const live = config.fields.filter((field) => !reading.fields.includes(field) && given(field) !== "");
    return { file, km, distances: km === null ? null : (own(config.distances, market) ?? null), live };
  }

  /** The build's reply to a question's finite part (its whole reply when `live` is empty), or null.
   * @param {Reading} reading
   * @returns {Promise<Reply | null>} */
  async function built(reading) {
    const [reply, parts] = await Promise.all([
      /** @type {Promise<Reply | null>} */ (fetched(reading.file)),
      /** @type {Promise<Record<string, DistancePart> | null>} */ (reading.distances ? fetched(reading.distances) : null),
    ]);
    if (!reply || !reply.ok || reading.km === null) return reply;
    const part = own(parts ?? undefined, reading.km);
    return part ? { ...reply, answer: atDistance(reply.answer, part) } : null;
  }

  /** A zone's answer, as the build says a distance in that zone changes it (hooks/runtime.py, distance_part).
   * @param {Answer} answer
   * @param {DistancePart} part
   * @returns {Answer} */
  function atDistance(answer, part) {
    const query = Object.entries({ ...answer.query, ...part.query }).filter(([, value]) => value !== null);
    return {
      ...answer,
      zone: answer.zone && part.zone, // an offering that depends on no zone states none (checker/answer.py)
      question: answer.question.map((line) => own(part.question, line.field) ?? line),
      query: Object.fromEntries(/** @type {[string, string][]} */ (query)),
    };
  }

  const whenParsed = (/** @type {() => void} */ then) =>
    document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", then, { once: true }) : then();

  /** The page without its interactive checker: the intro and the static goals, and why (with a way to
   * try again), but an answer already on screen stays: it is right. */
  function fallBack(/** @type {string} */ sentence, /** @type {boolean} */ retry) {
    if (checker.failed) return;
    checker.failed = true;
    console.error(`checker: ${sentence}`);
    whenParsed(() => {
      root.classList.remove("st-live", "st-asked");
      const answer = /** @type {HTMLElement} */ (document.getElementById("st-answer"));
      const status = /** @type {HTMLElement} */ (document.getElementById("st-checker-status"));
      /** @type {HTMLElement} */ (document.getElementById("st-checker-form")).hidden = true; // it could not answer
      /** @type {HTMLElement} */ (document.getElementById("st-checker-progress")).hidden = true;
      /** @type {HTMLElement} */ (document.getElementById("st-checker-status-text")).textContent = sentence;
      status.classList.add("st-unavailable");
      status.hidden = answer.hidden = false;
      answer.dataset.runtime = "failed";
      if (answer.dataset.state !== "ready") answer.dataset.state = "error";
      if (retry) {
        const again = document.createElement("button");
        Object.assign(again, { type: "button", className: "md-button", textContent: config.text.retry });
        again.addEventListener("click", () => location.reload()); // the question is in the URL
        status.append(" ", again);
      }
    });
  }

  /** @type {Boot} */
  const checker = {
    config,
    supported: typeof Worker === "function" && typeof WebAssembly === "object",
    worker: null,
    messages: [],
    onmessage: (message) => checker.messages.push(message),
    asked: {},
    started: false,
    failed: false,
    start() {
      if (checker.worker || !checker.supported || checker.failed) return;
      checker.worker = new Worker(absolute(config.worker), { type: "module" });
      checker.worker.onmessage = ({ data }) => checker.onmessage(data);
      checker.worker.onerror = (event) => {
        event.preventDefault();
        checker.onmessage({ type: "failed", detail: `the worker could not run: ${event.message}` });
      };
      const { runtime, pyodide, archive, stdlib, snapshot } = config;
      /** @type {import("./types").ToWorker} */
      const start = {
        type: "start",
        urls: { runtime: absolute(runtime), pyodide: absolute(pyodide), archive: absolute(archive), stdlib: absolute(stdlib), snapshot: absolute(snapshot) },
        sizes: config.sizes,
      };
      checker.worker.postMessage(start);
    },
    read,
    built,
    fallBack,
  };
  window.stChecker = checker;

  const query = new URLSearchParams(location.search);
  checker.asked = Object.fromEntries(
    config.fields.filter((name) => query.has(name)).map((name) => [name, query.get(name) ?? ""]),
  );
  if (Object.keys(checker.asked).length) root.classList.add("st-asked"); // lands on its answer (site.css)
  const reading = read(checker.asked);
  if (reading) built(reading); // fetched now, ready when app.js asks for it
  if (!reading || reading.live.length) checker.start();

  // app.js that cannot be loaded (a 404, a wrong content type, no network) or that does not start.
  const app = absolute(config.app);
  const unavailable = () => fallBack(config.text.unavailable_script, true);
  window.addEventListener("error", (event) => event.target instanceof HTMLScriptElement && event.target.src === app && unavailable(), true);
  whenParsed(() => setTimeout(() => checker.started || unavailable(), APP_WAIT));
})();
