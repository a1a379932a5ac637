// The types the checker's scripts share, for `tsc --checkJs` (make lint; never shipped: mkdocs.yml
// excludes *.d.ts). The answer's shape is checker/model.py's, as hooks/model_types.py writes it at each
// lint ("#model", tsconfig.json): the page reads what the Python checker makes, key for key.
import type { LinkReading, Reply } from "#model";

export type { Answer, DistancePart, LinkReading, Reply } from "#model";

/** A question as a share link asks it: field -> value, as typed (checker/query.py reads it). */
export type Params = Record<string, string>;

/** The page's configuration, written by the build (hooks/render.py, `checker_config`). */
export interface Config {
  lang: string;
  /** where each script and runtime file is, relative to the page */
  app: string;
  worker: string;
  runtime: string;
  pyodide: string;
  archive: string;
  stdlib: string;
  snapshot: string;
  /** the bytes of each file the worker downloads, by file name */
  sizes: Record<string, number>;
  /** the folder of the build's answers in the page's language */
  answers: string;
  /** the build's answers: market -> contract -> guarantee -> zone -> file ("": the field left out) */
  files: Record<string, Record<string, Record<string, Record<string, string>>>>;
  /** market -> the file of what each distance changes in its zone's answer */
  distances: Record<string, string>;
  /** the checker's own reading of the fields the build answers, as tables (checker.link_tables.link_reading) */
  reading: LinkReading;
  /** every field of a question (checker.query.FIELDS), in a share link's order */
  fields: string[];
  /** the source's words the scripts show */
  text: Record<string, string>;
}

/** What the page's first lines find for a question in the build's answers. */
export interface Reading {
  /** the build's answer to the question's finite part */
  file: string;
  /** a distance, answered as its zone's answer plus what the distances file says of it */
  km: string | null;
  distances: string | null;
  /** the fields with a value that only the runtime answers (a dispatch time, a region, a comparison) */
  live: string[];
}

/** The runtime's files, as the worker is told where they are (absolute URLs). */
export interface RuntimeURLs {
  runtime: string;
  pyodide: string;
  archive: string;
  stdlib: string;
  snapshot: string;
}

/** Every message the page sends the worker. */
export type ToWorker =
  | { type: "start"; urls: RuntimeURLs; sizes: Record<string, number> }
  | { type: "ask"; id: number; params: Params; lang: string };

/** Every message the worker sends the page: `failed` once, when the runtime cannot start (`detail` says
 * why, for the console); an answer is the checker's JSON text, or the error the checker raised. */
export type FromWorker =
  | { type: "progress"; percent: number }
  | { type: "ready" }
  | { type: "failed"; detail: string }
  | { type: "answer"; id: number; response: string }
  | { type: "answer"; id: number; error: string }
  | { type: "kept" };

/** An answer the page shows: a reply of the checker, or the error the runtime raised instead. */
export type Shown = Reply | { ok: false; failed: string };

/** The page's first lines (boot.js), as app.js uses them: `window.stChecker`. */
export interface Boot {
  config: Config;
  supported: boolean;
  worker: Worker | null;
  /** the worker's messages that arrived before app.js listened */
  messages: FromWorker[];
  onmessage: (message: FromWorker) => void;
  /** the link's question, read once */
  asked: Params;
  /** app.js has taken over; the page's first lines fell back to the static goals */
  started: boolean;
  failed: boolean;
  start(): void;
  read(params: Params): Reading | null;
  built(reading: Reading): Promise<Reply | null>;
  fallBack(sentence: string, retry: boolean): void;
}

declare global {
  interface Window {
    stChecker: Boot;
  }
}
