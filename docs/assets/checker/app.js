// The coverage checker page. It moves values between the form, the URL and the Python checker (in a
// Web Worker, on Pyodide), and renders the checker's answer. It decides nothing: every rule, check and
// sentence comes from the Python checker's JSON; every other word from the page's config. Nothing is
// ever inserted as HTML: text goes in with textContent.

const config = JSON.parse(document.getElementById("st-checker-config").textContent);

// ---- The runtime's worker belongs to the page's first lines (overrides/partials/checker-boot.html),
// which may already have started it; its messages wait in `checker.messages` until this script listens.
const checker = window.stChecker;
// The page is parsed ("interactive"): the form is there. No need to wait for Material's deferred bundle.
if (document.readyState === "loading") {
  await new Promise((resolve) => document.addEventListener("readystatechange", resolve, { once: true }));
}

const form = document.getElementById("st-checker-form");
const status = document.getElementById("st-checker-status");
const statusText = document.getElementById("st-checker-status-text");
const progressBar = document.getElementById("st-checker-progress");
const answer = document.getElementById("st-answer");
const summary = document.getElementById("st-answer-summary");
const asked = document.getElementById("st-answer-asked");
const question = document.getElementById("st-answer-question");
const next = document.getElementById("st-answer-next");
const body = document.getElementById("st-answer-body");
const actionStatus = document.getElementById("st-action-status");
const FIELDS = config.fields;

// ---- Words of the config: "{name}" placeholders, as in the source.
const say = (key, values = {}) => config.text[key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

// ---- The reader's market, kept across pages and visits. Material's linked content tabs remember the
// label of the tab a reader chose (its `__tabs` list, in its own storage); the form reads and writes the
// same list, so that the market tabs of every page and the checker follow one choice.
const remembered = () => (typeof __md_get === "function" && __md_get("__tabs")) || [];

function rememberedMarket() {
  const options = [...form.elements.namedItem("market").options];
  for (const label of remembered()) {
    const option = options.find((candidate) => candidate.textContent.trim() === label);
    if (option) return option.value;
  }
  return null;
}

function rememberMarket() {
  if (typeof __md_set !== "function") return;
  const select = form.elements.namedItem("market");
  const label = select.selectedOptions[0].textContent.trim();
  __md_set("__tabs", [...new Set([label, ...remembered()])]);
}

// ---- The form and the URL.
function paramsFromForm() {
  const params = {};
  for (const field of FIELDS) {
    const element = form.elements.namedItem(field);
    if (element.value && !element.closest(".st-field").hidden) params[field] = element.value; // a field not shown is not asked
  }
  return params;
}

function fillForm(params) {
  for (const [field, value] of Object.entries(params)) {
    const element = form.elements.namedItem(field);
    if (element.tagName === "SELECT") {
      if ([...element.options].some((option) => option.value === value)) element.value = value;
    } else {
      element.value = value;
    }
  }
  showRelevantFields();
}

// Only the guarantee of a contract that has one, only the regions of the chosen market, and each
// contract named as the chosen market sells it (the build wrote each market's name in data-labels).
function showRelevantFields() {
  const contract = form.elements.namedItem("contract").value;
  const market = form.elements.namedItem("market").value;
  for (const wrapper of form.querySelectorAll("[data-for-contract], [data-for-market]")) {
    const { forContract, forMarket } = wrapper.dataset;
    wrapper.hidden =
      (forContract !== undefined && !forContract.split(" ").includes(contract)) ||
      (forMarket !== undefined && !forMarket.split(" ").includes(market));
  }
  const region = form.elements.namedItem("region");
  for (const group of region.querySelectorAll("optgroup")) {
    group.hidden = group.disabled = group.dataset.market !== market;
  }
  if (region.selectedOptions[0]?.parentElement.disabled) region.value = "";
  for (const option of form.querySelectorAll("option[data-labels]")) {
    option.textContent = JSON.parse(option.dataset.labels)[market];
  }
}

function shareURL(query) {
  const url = new URL(location.href);
  url.search = new URLSearchParams(FIELDS.filter((field) => field in query).map((field) => [field, query[field]])).toString();
  return url;
}

// The language switcher leads to the same answer in the other language.
function keepStateInLanguageLinks() {
  for (const link of document.querySelectorAll("a[hreflang]")) {
    const url = new URL(link.href);
    url.search = location.search;
    link.href = url.toString();
  }
}

// ---- Answers: prebuilt by the build for the finite part of the input, Pyodide for everything else.
// The runtime is loaded only when a question needs it, or when the visitor steps toward a field only it
// can answer (not on a Save-Data connection: there, only an asked question loads it).
let runtimeReady = false;
let runtimeFailed = false; // it may fail before the first question is asked: that question then waits for nothing
let pending = null; // a question waiting for the runtime
let latest = 0;
let sent = 0;
const waiting = new Map();
const saveData = navigator.connection?.saveData === true;

function listenToWorker() {
  if (!checker.supported) return unavailable(config.text.unavailable_browser);
  checker.onmessage = (message) => {
    if (message.type === "progress") showProgress(message.percent);
    else if (message.type === "ready") ready();
    else if (message.type === "failed") unavailable(why(config.text.unavailable_load));
    else if (message.type === "answer") {
      waiting.get(message.id)?.(message.error ? { ok: false, failed: message.error } : JSON.parse(message.response));
      waiting.delete(message.id);
    }
  };
  checker.messages.splice(0).forEach(checker.onmessage);
  if (checker.worker) watchLoading();
}

// A runtime that never arrives (a file that stalls, a host gone) must not leave "computing" for ever:
// after a bounded time the page says so, with a way to try again.
const LOAD_TIMEOUT = 60_000;
let watching = false;
function watchLoading() {
  if (watching) return;
  watching = true;
  setTimeout(() => {
    if (runtimeReady || runtimeFailed) return;
    unavailable(why(config.text.unavailable_timeout));
  }, LOAD_TIMEOUT);
}

// Offline explains any failure to load; otherwise the failure's own reason.
const why = (reason) => (navigator.onLine === false ? config.text.unavailable_offline : reason);

function startRuntime() {
  checker.start();
  if (checker.worker) watchLoading();
}

function askWorker(params) {
  const id = ++sent;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    checker.worker.postMessage({ type: "ask", id, params, lang: config.lang });
  });
}

async function answerFor(params) {
  const id = ++latest;
  const response = runtimeReady ? await askWorker(params) : await checker.prebuilt(params);
  if (id !== latest) return; // overtaken by a newer question
  if (response) {
    render(response, runtimeReady ? "pyodide" : "prebuilt");
  } else if (runtimeFailed) {
    answer.dataset.state = "error";
  } else {
    pending = params;
    computing();
    startRuntime();
  }
}

// A question waits for the runtime: the answer area says so, with the runtime's progress.
function computing() {
  answer.dataset.state = "loading";
  answer.hidden = false;
  summary.textContent = "";
  asked.hidden = true;
  body.replaceChildren();
  status.hidden = false;
  statusText.textContent = config.text.computing;
}

function showProgress(percent) {
  progressBar.value = percent;
  statusText.textContent = say("computing_progress", { percent });
}

function ready() {
  runtimeReady = true;
  answer.dataset.runtime = "ready";
  status.hidden = true;
  if (pending) {
    const question = pending;
    pending = null;
    answerFor(question);
  }
}

function unavailable(reason) {
  runtimeFailed = true;
  answer.dataset.runtime = "failed";
  progressBar.hidden = true;
  status.hidden = false;
  statusText.textContent = say("unavailable", { reason });
  status.classList.add("st-unavailable");
  if (reason !== config.text.unavailable_browser && !status.querySelector("button")) {
    const retry = el("button", { type: "button", class: "md-button" }, config.text.retry);
    retry.addEventListener("click", () => location.reload()); // the question is in the URL
    status.append(" ", retry);
  }
  form.hidden = true; // a form that cannot answer is not offered
  document.documentElement.classList.remove("st-asked"); // the intro and the static goals come back
  answer.hidden = false;
  if (answer.dataset.state !== "ready") answer.dataset.state = "error"; // a prebuilt answer shown stays: it is right
  checker.worker?.terminate();
}

// ---- The one renderer: the checker's JSON becomes elements, text by text.
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== "") element.append(child);
  }
  return element;
}

const paragraphs = (lines, attributes = {}) => lines.filter(Boolean).map((line) => el("p", attributes, line));

// A coverage row: its title (the checker words "label (at Pitney Bowes discretion):" per language),
// then what changes, then its detail.
function attributeItem(item, extra = "") {
  return el(
    "li",
    { "data-attribute": item.id },
    el("span", { class: "st-attr-label" }, extra || item.detail ? item.title_colon : item.title),
    extra ? ` ${extra}` : "",
    item.detail ? el("span", { class: "st-detail" }, item.detail) : "",
  );
}

// A part of a comparison: its heading and its rows, only when it has rows.
function changes(title, items, className, line) {
  return items.length ? [el("h5", {}, title), el("ul", { class: className }, items.map(line))] : [];
}

// The next step, right under the summary (on the first screen): call, with the lines as buttons,
// create a case, and whom to ask where the zone or the eligibility is open.
function renderNextStep(n) {
  return [
    el("h3", {}, n.title),
    el("p", {}, n.text),
    el("ul", { class: "st-phones st-call" }, n.phones.map((p) => el("li", {}, el("a", { class: "md-button", href: `tel:${p.tel}` }, p.label_text, " ", p.number_text)))),
    ...paragraphs([n.sales]),
  ];
}

function renderAnswer(a) {
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
  }
  if (a.compare) {
    // The comparison the question asked for comes before the whole coverage list it is drawn from.
    const c = a.compare;
    parts.push(
      el("h4", { class: "st-compare-title" }, c.title),
      ...paragraphs([c.status, c.difference]),
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
  const k = a.contacts;
  parts.push(
    el("h4", {}, a.labels.contacts),
    el("ul", { class: "st-phones" }, k.phones.map((p) => el("li", {}, p.label_text, " ", el("a", { href: `tel:${p.tel}` }, p.number_text)))),
    ...paragraphs([k.phone.hours, k.phone.goal, k.chat.live, k.chat.goal, k.case.callback, k.hours]),
    el("p", {}, el("a", { href: k.support_url }, k.support_url)),
  );
  return parts;
}

function clearErrors() {
  for (const field of FIELDS) {
    const element = form.elements.namedItem(field);
    element.removeAttribute("aria-invalid");
    const message = document.getElementById(`st-error-${field}`);
    message.hidden = true;
    message.textContent = "";
  }
}

function render(response, source) {
  answer.dataset.source = source;
  clearErrors();
  answer.hidden = false;
  status.hidden = true;
  actionStatus.textContent = "";
  if (response.failed) {
    // The runtime raised instead of answering: say so plainly, never an old answer under the error.
    summary.textContent = config.text.answer_failed;
    asked.hidden = true;
    next.replaceChildren();
    body.replaceChildren();
    answer.dataset.state = "error";
    return;
  }
  if (!response.ok) {
    const messages = Object.entries(response.errors).map(([field, text]) => {
      const element = form.elements.namedItem(field);
      const message = document.getElementById(`st-error-${field}`);
      element?.setAttribute("aria-invalid", "true");
      if (message) {
        message.textContent = text;
        message.hidden = false;
      }
      return text;
    });
    summary.textContent = messages.join(" "); // said once here, and under its field in the form
    asked.hidden = true;
    next.replaceChildren();
    body.replaceChildren();
    answer.dataset.state = "error";
    focusOnAnswer = false;
    return;
  }
  const a = response.answer;
  summary.textContent = a.summary;
  question.replaceChildren(...a.question.flatMap((q) => [el("dt", {}, q.label), el("dd", { "data-field": q.field }, q.value)]));
  asked.hidden = false;
  next.replaceChildren(...renderNextStep(a.next_step));
  body.replaceChildren(...renderAnswer(a));
  answer.dataset.state = "ready";
  history.replaceState(null, "", shareURL(a.query));
  document.getElementById("st-print-url").textContent = location.href; // a printed answer says where it is from
  fillForm(a.query);
  keepStateInLanguageLinks();
  if (focusOnAnswer) {
    focusOnAnswer = false;
    document.getElementById("st-answer-heading").focus();
  }
}

// ---- Events.
let typing = 0;
form.addEventListener("change", (event) => {
  const changed = event.target.name;
  // A zone and a distance say the same thing: the one changed last wins, and the other is emptied.
  if (changed === "zone" && event.target.value) form.elements.namedItem("km").value = "";
  if (changed === "market") rememberMarket();
  showRelevantFields();
  answerFor(paramsFromForm());
});
form.addEventListener("input", (event) => {
  if (event.target.name !== "km") return;
  if (event.target.value) form.elements.namedItem("zone").value = "";
  clearTimeout(typing);
  typing = setTimeout(() => answerFor(paramsFromForm()), 200);
});
// The first step toward a field only the runtime answers starts loading it, so that it is ready sooner.
for (const type of ["focusin", "pointerdown"]) {
  form.addEventListener(type, (event) => {
    if (!saveData && event.target.closest?.("[data-live]")) startRuntime();
  });
}
let focusOnAnswer = false; // a submitted form takes the reader to its answer when the answer is on screen
form.addEventListener("submit", (event) => {
  event.preventDefault();
  focusOnAnswer = true;
  answerFor(paramsFromForm());
});
document.getElementById("st-change").addEventListener("click", (event) => {
  event.preventDefault();
  form.scrollIntoView({ block: "start" });
  form.elements.namedItem("contract").focus({ preventScroll: true });
});
document.getElementById("st-copy-link").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    actionStatus.textContent = config.text.link_copied;
  } catch {
    window.prompt("", location.href);
  }
});
document.getElementById("st-print").addEventListener("click", () => {
  document.body.classList.add("st-print-answer");
  window.print();
  document.body.classList.remove("st-print-answer");
});

// ---- Start: show the form as the link asks (or as the reader last chose the market) and answer it. A
// visit with no question reads the form first, its answer below it; a link lands on its answer, the form
// below to change it.
const fromURL = checker.asked; // the link's question, as the page's first lines read it
if (!Object.keys(fromURL).length) {
  form.after(answer);
  const market = rememberedMarket();
  if (market) form.elements.namedItem("market").value = market;
}
fillForm(fromURL);
listenToWorker();
// The form is shown with the first answer, in one frame: nothing on screen moves when the answer arrives.
answerFor(Object.keys(fromURL).length ? fromURL : paramsFromForm()).finally(() => {
  if (!runtimeFailed) form.hidden = false;
});
