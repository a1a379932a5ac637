// The coverage checker page. It moves values between the form, the URL and the Python checker (the
// build's answers, or the checker in a Web Worker, on Pyodide), and renders the checker's answer. It
// decides nothing: every rule, check and sentence comes from the Python checker's JSON (or the tables the
// build wrote from it); every other word from the page's config. Nothing is ever inserted as HTML: text
// goes in with textContent.
// @ts-check
/** @typedef {import("./types").Params} Params */
/** @typedef {import("./types").Reading} Reading */
/** @typedef {import("./types").Shown} Shown */
/** @typedef {import("./types").FromWorker} FromWorker */
/** @typedef {import("./types").Answer} Answer */
/** @typedef {import("#model").Item} Item */

// ---- The page's first lines (boot.js) read the config, hold the runtime's worker (they may already have
// started it: its messages wait in `checker.messages` until this script listens) and the build's answers.
const checker = window.stChecker;
const config = checker.config;
// The page is parsed ("interactive"): the form is there. No need to wait for Material's deferred bundle.
if (document.readyState === "loading") {
  await new Promise((resolve) => document.addEventListener("readystatechange", resolve, { once: true }));
}

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (byId("st-checker-form"));
const statusArea = byId("st-checker-status");
const statusText = byId("st-checker-status-text");
const progressBar = /** @type {HTMLProgressElement} */ (byId("st-checker-progress"));
const answer = byId("st-answer");
const summary = byId("st-answer-summary");
const asked = byId("st-answer-asked");
const question = byId("st-answer-question");
const next = byId("st-answer-next");
const body = byId("st-answer-body");
const actionStatus = byId("st-action-status");
const FIELDS = config.fields;

/** A field of the form, by its name (a share-link parameter). */
const field = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (form.elements.namedItem(name));

// ---- Words of the config: "{name}" placeholders, as in the source.
/** @param {string} key @param {Record<string, string | number>} [values] */
const say = (key, values = {}) => config.text[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));

// ---- The reader's market, kept across pages and visits. Material's linked content tabs remember the
// label of the tab a reader chose (its `__tabs` list, in its own storage: third-party.d.ts); the form reads
// and writes the same list, so that the market tabs of every page and the checker follow one choice.
const remembered = () => (typeof __md_get === "function" && /** @type {string[] | null} */ (__md_get("__tabs"))) || [];

function rememberedMarket() {
  const options = [.../** @type {HTMLSelectElement} */ (field("market")).options];
  for (const label of remembered()) {
    const option = options.find((candidate) => candidate.textContent?.trim() === label);
    if (option) return option.value;
  }
  return null;
}

function rememberMarket() {
  if (typeof __md_set !== "function") return;
  const label = /** @type {HTMLSelectElement} */ (field("market")).selectedOptions[0].textContent?.trim() ?? "";
  __md_set("__tabs", [...new Set([label, ...remembered()])]);
}

// ---- The form and the URL.
/** @returns {Params} */
function paramsFromForm() {
  /** @type {Params} */
  const params = {};
  for (const name of FIELDS) {
    const element = field(name);
    if (element.value && !element.closest(".st-field")?.hasAttribute("hidden")) params[name] = element.value; // a field not shown is not asked
  }
  return params;
}

/** @param {Params} params */
function fillForm(params) {
  for (const [name, value] of Object.entries(params)) {
    const element = field(name);
    if (element instanceof HTMLSelectElement) {
      if ([...element.options].some((option) => option.value === value)) element.value = value;
    } else {
      element.value = value;
    }
  }
  showRelevantFields();
}

// Only the guarantee of a market and contract that has one, and only its options (the build wrote the
// market:contract pairs each is a choice of), only the regions of the chosen market, and each contract
// named as the chosen market sells it (the build wrote each market's name in data-labels).
function showRelevantFields() {
  const contract = field("contract").value;
  const market = field("market").value;
  for (const element of form.querySelectorAll("[data-for-choice], [data-for-market]")) {
    const { forChoice, forMarket } = /** @type {HTMLElement} */ (element).dataset;
    const hidden =
      (forChoice !== undefined && !forChoice.split(" ").includes(`${market}:${contract}`)) ||
      (forMarket !== undefined && !forMarket.split(" ").includes(market));
    /** @type {HTMLElement} */ (element).hidden = hidden;
    if (element instanceof HTMLOptionElement) element.disabled = hidden;
  }
  const guarantee = /** @type {HTMLSelectElement} */ (field("guarantee"));
  if (guarantee.selectedOptions[0]?.disabled) guarantee.value = "";
  const region = /** @type {HTMLSelectElement} */ (field("region"));
  for (const group of region.querySelectorAll("optgroup")) {
    group.hidden = group.disabled = group.dataset.market !== market;
  }
  if (/** @type {HTMLOptGroupElement | null} */ (region.selectedOptions[0]?.parentElement)?.disabled) region.value = "";
  for (const option of form.querySelectorAll("option[data-labels]")) {
    option.textContent = JSON.parse(/** @type {HTMLElement} */ (option).dataset.labels ?? "{}")[market];
  }
}

/** @param {Params} query */
function shareURL(query) {
  const url = new URL(location.href);
  url.search = new URLSearchParams(FIELDS.filter((name) => name in query).map((name) => [name, query[name]])).toString();
  return url;
}

// The language switcher leads to the same answer in the other language.
function keepStateInLanguageLinks() {
  for (const link of document.querySelectorAll("a[hreflang]")) {
    const url = new URL(/** @type {HTMLAnchorElement} */ (link).href);
    url.search = location.search;
    /** @type {HTMLAnchorElement} */ (link).href = url.toString();
  }
}

// ---- The runtime: Pyodide and the checker in the page's Web Worker (boot.js starts it). It is loaded
// only when a question needs it, or when the visitor steps toward a field only it can answer (not on a
// Save-Data connection: there, only an asked question loads it).
const saveData = /** @type {{ connection?: { saveData?: boolean } }} */ (navigator).connection?.saveData === true;
// A runtime that never arrives (a file that stalls, a host gone) must not leave "computing" for ever:
// after a bounded time the page says so, with a way to try again. A file that certainly failed (its
// status, content type or length) is said at once (worker.js).
const LOAD_TIMEOUT = 60_000;

const runtime = {
  ready: false,
  failed: false, // it may fail before a question needs it: that question then waits for nothing
  watching: false,
  sent: 0,
  /** @type {Map<number, (shown: Shown) => void>} */
  waiting: new Map(),

  start() {
    checker.start();
    if (!checker.worker || runtime.watching) return;
    runtime.watching = true;
    setTimeout(() => runtime.ready || runtime.failed || unavailable(why(config.text.unavailable_timeout)), LOAD_TIMEOUT);
  },

  /** The checker's reply, or the error it raised (every question gets a reply: worker.js).
   * @param {Params} params @returns {Promise<Shown>} */
  ask(params) {
    const id = ++runtime.sent;
    return new Promise((resolve) => {
      runtime.waiting.set(id, resolve);
      /** @type {import("./types").ToWorker} */
      const message = { type: "ask", id, params, lang: config.lang };
      checker.worker?.postMessage(message);
    });
  },

  /** @param {FromWorker} message */
  heard(message) {
    // A runtime that failed is stopped; a message it sent before (its progress, as other files still
    // arrived after the one that failed) is no longer news, and would write over why it failed.
    if (runtime.failed) return;
    switch (message.type) {
      case "progress":
        progressBar.value = message.percent;
        statusText.textContent = say("computing_progress", { percent: message.percent });
        break;
      case "ready":
        runtime.ready = true;
        answer.dataset.runtime = "ready";
        questions.runtimeReady();
        break;
      case "failed":
        console.error(`checker: the runtime did not start: ${message.detail}`);
        unavailable(why(config.text.unavailable_load));
        break;
      case "answer": {
        const resolve = runtime.waiting.get(message.id);
        runtime.waiting.delete(message.id);
        if ("error" in message) console.error(`checker: the checker raised: ${message.error}`);
        resolve?.("error" in message ? { ok: false, failed: message.error } : JSON.parse(message.response));
        break;
      }
      case "kept":
        break;
    }
  },
};

// Offline explains any failure to load; otherwise the failure's own reason.
const why = (/** @type {string} */ reason) => (navigator.onLine === false ? config.text.unavailable_offline : reason);

/** The runtime cannot answer: the page says why (boot.js, fallBack) and offers no form that needs it. */
function unavailable(/** @type {string} */ reason) {
  if (runtime.failed) return;
  runtime.failed = true;
  checker.worker?.terminate();
  questions.runtimeFailed();
  checker.fallBack(say("unavailable", { reason }), reason !== config.text.unavailable_browser);
}

// ---- One state for the questions: the question asked last, and where its answer stands. An answer to
// any other question is dropped, whichever path it comes by (the build, the runtime, an error), and the
// form and the URL are only ever written from the latest question's whole answer.
/**
 * @typedef {object} Question
 * @property {Params} params
 * @property {Reading | null} reading the build's answer to its finite part, if it has one
 * @property {boolean} focus sent with the form's button: its answer takes the focus and is scrolled to
 * @property {boolean} waits it waits for the runtime to start
 * @property {boolean} print print its whole answer when it comes
 * @property {boolean} partial on screen, only the parts the build knows: the runtime computes the rest
 * @property {Shown | null} known what the build answered of it, shown while the runtime computes the rest
 */
const questions = {
  /** @type {Question | null} */
  latest: null,

  /** @param {Params} params @param {{ focus?: boolean }} [options] */
  ask(params, { focus = false } = {}) {
    /** @type {Question} */
    const asked = { params, reading: checker.read(params), focus, waits: false, print: false, partial: false, known: null };
    questions.latest = asked;
    questions.answer(asked);
  },

  /** The question is changing (the reader is typing): no answer in flight may land any more. */
  changing() {
    questions.latest = null;
  },

  /** @param {Question} asked */
  async answer(asked) {
    const { reading } = asked;
    const built = reading ? await checker.built(reading) : null;
    if (questions.latest !== asked) return;
    if (built && reading && !reading.live.length) return questions.show(asked, built, "prebuilt");
    if (built?.ok) asked.known = built; // the parts the build knows, shown at once; the runtime fills in the rest
    if (runtime.failed) return questions.knownOnly(asked);
    if (asked.known) {
      questions.show(asked, asked.known, "prebuilt", true);
    } else {
      computing();
      shown(asked, false);
    }
    questions.fromRuntime(asked);
  },

  /** @param {Question} asked */
  async fromRuntime(asked) {
    if (runtime.failed) return;
    if (!runtime.ready) {
      asked.waits = true;
      runtime.start();
      return;
    }
    const reply = await runtime.ask(asked.params);
    if (questions.latest === asked) questions.show(asked, reply, "pyodide");
  },

  runtimeReady() {
    const asked = questions.latest;
    if (asked?.waits) {
      asked.waits = false;
      questions.fromRuntime(asked);
    }
  },

  runtimeFailed() {
    const asked = questions.latest;
    if (asked?.partial) questions.knownOnly(asked);
  },

  /** The runtime will not answer: what the build knows of the question stays, without the part only the
   * runtime computes, and not as a whole answer (the page says why, boot.js fallBack). */
  knownOnly(/** @type {Question} */ asked) {
    if (asked.known) render(asked.known, "prebuilt", false);
    answer.dataset.state = "error";
  },

  /**
   * @param {Question} asked
   * @param {Shown} reply
   * @param {"prebuilt" | "pyodide"} source
   * @param {boolean} [partial] only the parts the build knows: the rest is being computed
   */
  show(asked, reply, source, partial = false) {
    render(reply, source, partial, asked.reading?.live.includes("dispatched") ?? false);
    asked.partial = partial;
    if (!partial) settle(reply);
    shown(asked, reply.ok);
    if (!partial && asked.print) {
      asked.print = false;
      printAnswer();
    }
  },
};

/** Once a question shows anything, the form is there (below a link's answer, in the same frame); a
 * question sent with the form's button takes the reader to its answer once there is one (an error is
 * said under its field, where the reader is). */
function shown(/** @type {Question} */ asked, /** @type {boolean} */ answered) {
  if (!runtime.failed && !checker.failed) form.hidden = false;
  if (asked.focus && answered) {
    asked.focus = false;
    answer.scrollIntoView({ block: "start" });
    byId("st-answer-heading").focus({ preventScroll: true });
  }
}

// ---- The answer area. `computing` and `render` write the answer area only; `settle` writes what a
// whole answer changes outside it (the URL, the form, the language links), for the latest question only.

// A question waits for the runtime: the answer area says so, with the runtime's progress.
function computing() {
  answer.dataset.state = "loading";
  answer.hidden = false;
  summary.textContent = "";
  asked.hidden = true;
  body.replaceChildren();
  statusArea.hidden = false;
  statusText.textContent = config.text.computing;
}

// ---- The one renderer: the checker's JSON becomes elements, text by text.
/** @typedef {Node | string | null | undefined} Child */
/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== "") element.append(child);
  }
  return element;
}

/** @param {(string | null | undefined)[]} lines @param {Record<string, string>} [attributes] */
const paragraphs = (lines, attributes = {}) => lines.filter(Boolean).map((line) => el("p", attributes, line));

// A coverage row: its title (the checker words "label (at Pitney Bowes discretion):" per language),
// then what changes, then its detail.
/** @param {Item} item @param {string} [extra] */
function attributeItem(item, extra = "") {
  return el(
    "li",
    { "data-attribute": item.id },
    el("span", { class: "st-attr-label" }, extra || item.detail ? item.title_colon : item.title),
    extra ? ` ${extra}` : "",
    item.detail ? el("span", { class: "st-detail" }, item.detail) : "",
    item.note ? el("span", { class: "st-detail st-row-note" }, item.note) : "",
  );
}

// A part of a comparison: its heading and its rows, only when it has rows.
/** @template {Item} T @param {string} title @param {T[]} items @param {string} className @param {(item: T) => HTMLElement} line */
function changes(title, items, className, line) {
  return items.length ? [el("h5", {}, title), el("ul", { class: className }, items.map(line))] : [];
}

/**
 * The next step, right under the summary (on the first screen): call, with the lines as buttons, create a
 * case, and whom to ask where the zone or the eligibility is open.
 * @param {Answer["next_step"]} n
 */
function renderNextStep(n) {
  return [
    el("h3", {}, n.title),
    el("p", {}, n.text),
    el("ul", { class: "st-phones st-call" }, n.phones.map((p) => el("li", {}, el("a", { class: "md-button", href: `tel:${p.tel}` }, p.label_text, " ", p.number_text)))),
    ...paragraphs([n.sales]),
  ];
}

/** @param {Answer} a @param {boolean} [pendingDeadline] the arrival time is being computed (a progressive answer) */
function renderAnswer(a, pendingDeadline = false) {
  const parts = [el("h3", { id: "st-answer-title" }, a.title), ...paragraphs(a.status, { class: "st-status" })];
  if (a.zone) parts.push(el("p", { class: "st-zone" }, a.zone.text));
  if (a.response) {
    parts.push(el("h4", {}, a.labels.response), el("p", { class: "st-response", "data-kind": a.response.kind }, a.response.text));
  }
  parts.push(...paragraphs(a.notes.map((n) => n.text), { class: "st-note" }));
  if (a.deadline) {
    const d = a.deadline;
    parts.push(
      ...(d.arrivals.length
        ? [el("h4", {}, d.title), ...d.arrivals.map((x) => el("p", { class: "st-deadline", "data-at": x.at }, el("strong", {}, x.text)))]
        : [el("p", { class: "st-deadline", "data-at": "" }, d.text)]),
      ...paragraphs(d.notes.map((n) => n.text)),
    );
    if (d.holidays.length) {
      parts.push(
        el("p", {}, a.labels.holidays_skipped),
        el("ul", { class: "st-holidays" }, d.holidays.map((h) => el("li", { "data-date": h.date }, h.text))),
      );
    } else if (d.no_holidays) {
      parts.push(el("p", { class: "st-holidays-none" }, d.no_holidays));
    }
    // Every holiday of the place, year by year (a link relative to this page, as the checker writes it).
    if (d.holidays_page) parts.push(el("p", {}, el("a", { class: "st-holidays-page", href: d.holidays_page.href }, d.holidays_page.text)));
  } else if (pendingDeadline) {
    parts.push(el("p", { class: "st-deadline-pending" }, config.text.computing_deadline));
  }
  if (a.compare) {
    // The comparison the question asked for comes before the whole coverage list it is drawn from.
    const c = a.compare;
    parts.push(
      el("h4", { class: "st-compare-title" }, c.title),
      ...paragraphs([c.status]), // its difference is the summary's sentence, said once at the top
      ...changes(c.gains_title, c.gains, "st-gains", (item) => attributeItem(item, item.change)),
      ...changes(c.replaced_title, c.replaced, "st-replaced", (item) => el("li", { "data-attribute": item.id }, item.change)),
      ...changes(c.losses_title, c.losses, "st-losses", (item) => attributeItem(item, item.change)),
    );
    if (c.nothing) parts.push(el("p", {}, c.nothing));
  }
  if (a.coverage.length) {
    parts.push(el("h4", {}, a.labels.coverage));
    for (const group of a.coverage) {
      parts.push(
        el("h5", {}, group.label),
        el("ul", { class: "st-group", "data-mark": group.mark }, group.items.map((item) => attributeItem(item))),
      );
    }
  }
  // The numbers and the hours are the next step's (under the summary); the contacts add the goals, chat and the case.
  const k = a.contacts;
  parts.push(
    el("h4", {}, a.labels.contacts),
    ...paragraphs([k.phone.goal, k.chat.live, k.chat.goal, k.case.callback]),
    el("p", {}, el("a", { href: k.support_url }, k.support_url)),
  );
  return parts;
}

/**
 * The answer area for a reply, and nothing else.
 * @param {Shown} reply
 * @param {"prebuilt" | "pyodide"} source
 * @param {boolean} partial only what the build knows: the runtime is computing the rest
 * @param {boolean} [pendingDeadline] of which the arrival time
 */
function render(reply, source, partial, pendingDeadline = false) {
  answer.dataset.source = source;
  answer.hidden = false;
  if (!checker.failed) statusArea.hidden = !partial; // a partial answer keeps the runtime's progress in view
  if (partial) statusText.textContent = config.text.computing;
  actionStatus.textContent = "";
  if (!reply.ok) {
    // The runtime raised instead of answering: say so plainly, never an old answer under the error.
    // A question the checker refused: each message is said once here, and under its field (settle).
    summary.textContent = "failed" in reply ? config.text.answer_failed : Object.values(reply.errors).join(" ");
    asked.hidden = true;
    next.replaceChildren();
    body.replaceChildren();
    answer.dataset.state = "error";
    return;
  }
  const a = reply.answer;
  summary.textContent = a.summary;
  question.replaceChildren(...a.question.flatMap((q) => [el("dt", {}, q.label), el("dd", { "data-field": q.field }, q.value)]));
  asked.hidden = false;
  next.replaceChildren(...renderNextStep(a.next_step));
  body.replaceChildren(...renderAnswer(a, partial && pendingDeadline));
  answer.dataset.state = partial ? "partial" : "ready";
}

/** What the latest question's whole answer writes outside the answer area: the messages under the
 * form's fields, or the link (address bar, print, language switcher) and the form, in the checker's ids. */
function settle(/** @type {Shown} */ reply) {
  for (const name of FIELDS) {
    field(name).removeAttribute("aria-invalid");
    const message = byId(`st-error-${name}`);
    message.hidden = true;
    message.textContent = "";
  }
  if (!reply.ok) {
    for (const [name, text] of "errors" in reply ? Object.entries(reply.errors) : []) {
      const message = document.getElementById(`st-error-${name}`);
      field(name)?.setAttribute("aria-invalid", "true");
      if (message) {
        message.textContent = text;
        message.hidden = false;
      }
    }
    return;
  }
  history.replaceState(null, "", shareURL(reply.answer.query));
  byId("st-print-url").textContent = location.href; // a printed answer says where it is from
  fillForm(reply.answer.query);
  keepStateInLanguageLinks();
}

function printAnswer() {
  document.body.classList.add("st-print-answer");
  window.print();
  document.body.classList.remove("st-print-answer");
}

/** The device's date and time to the minute, as the dispatch field takes it ("YYYY-MM-DDTHH:MM"). */
function now() {
  const at = new Date();
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset());
  return at.toISOString().slice(0, 16);
}

// ---- Events.
/** @type {ReturnType<typeof setTimeout> | undefined} */
let typing;
form.addEventListener("change", (event) => {
  const changed = /** @type {HTMLInputElement | HTMLSelectElement} */ (event.target);
  // A zone and a distance say the same thing: the one changed last wins, and the other is emptied.
  if (changed.name === "zone" && changed.value) field("km").value = "";
  if (changed.name === "market") rememberMarket();
  showRelevantFields();
  questions.ask(paramsFromForm());
});
form.addEventListener("input", (event) => {
  const changed = /** @type {HTMLInputElement} */ (event.target);
  if (changed.name !== "km") return;
  if (changed.value) field("zone").value = "";
  questions.changing(); // no answer to what was there a keystroke ago may land, nor rewrite the field
  clearTimeout(typing);
  typing = setTimeout(() => questions.ask(paramsFromForm()), 200);
});
// The first step toward a field only the runtime answers starts loading it, so that it is ready sooner.
for (const type of ["focusin", "pointerdown"]) {
  form.addEventListener(type, (event) => {
    if (!saveData && /** @type {Element} */ (event.target).closest?.("[data-live]")) runtime.start();
  });
}
form.addEventListener("submit", (event) => {
  event.preventDefault();
  questions.ask(paramsFromForm(), { focus: true });
});
byId("st-now").addEventListener("click", () => {
  field("dispatched").value = now();
  questions.ask(paramsFromForm());
});
byId("st-change").addEventListener("click", (event) => {
  event.preventDefault();
  form.scrollIntoView({ block: "start" });
  field("contract").focus({ preventScroll: true });
});
byId("st-copy-link").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    actionStatus.textContent = config.text.link_copied;
  } catch {
    window.prompt("", location.href);
  }
});
const share = byId("st-share");
share.hidden = typeof navigator.share !== "function"; // a phone's own share sheet, where there is one
share.addEventListener("click", () =>
  navigator.share({ title: document.title, text: summary.textContent ?? "", url: location.href }).catch((error) => {
    if (error.name !== "AbortError") console.error(`checker: sharing failed: ${error}`);
  }),
);
// Print waits for the whole answer: a progressive one prints once the runtime has filled it in.
byId("st-print").addEventListener("click", () => {
  if (questions.latest?.partial) questions.latest.print = true;
  else printAnswer();
});

// ---- Start: show the form as the link asks (or as the reader last chose the market) and answer it. A
// visit with no question reads the form first, at once, its answer below it; a link lands on its answer,
// the form below to change it, shown with the answer in one frame (nothing on screen moves).
function start() {
  if (checker.failed) return; // the page's first lines gave up waiting for this script
  checker.started = true;
  const fromURL = checker.asked; // the link's question, as the page's first lines read it
  const fresh = !Object.keys(fromURL).length;
  if (fresh) {
    form.after(answer);
    const market = rememberedMarket();
    if (market) field("market").value = market;
  }
  fillForm(fromURL);
  keepStateInLanguageLinks(); // the other language asks the same question, answered or not yet
  if (!checker.supported) unavailable(config.text.unavailable_browser);
  checker.onmessage = runtime.heard;
  checker.messages.splice(0).forEach(runtime.heard);
  if (checker.worker) runtime.start();
  if (fresh && !runtime.failed) form.hidden = false;
  questions.ask(fresh ? paramsFromForm() : fromURL);
}

try {
  start();
} catch (error) {
  console.error(error);
  checker.fallBack(say("unavailable", { reason: config.text.unavailable_load }), true);
}

export {}; // a module (loaded as one: its top level awaits the parsed page)
