import type { ClaimSummary } from '../reconcile/summary.js';
import type { LoadedRules } from '../rules/load.js';
import type { PackedLexicon } from '../normalize/english-lexicon.js';

/** What every pool thread is started with: the loaded rule data (it compiles them itself) and
 * the English lexicon packed in shared memory by the main thread. */
export interface WorkerData {
  rules: LoadedRules;
  lexicon: PackedLexicon | null;
}

/** One unit of work for the pool: an article's bytes to decode, process and store. */
export interface TaskInput {
  path: string;
  bytes: Uint8Array;
  /** Already computed by the main thread for the cache key. */
  sha256: string;
  maxBytes: number;
  /** Where to store the full result (see pipeline/cache.ts). */
  store: string;
  /** The result's cache key (content hash, path, rules, code version): the queue's job id. */
  key?: string;
  /** The article's metadata sidecar (`<name>.meta.json`), when it has one: path and text. */
  sidecar?: { path: string; text: string };
  /** Time an article may take, in ms (checked between stages and every few hundred sentences). */
  budgetMs?: number;
  /** Pool only: the worker writes Date.now() here when it starts the task (shared memory), so the
   * main thread's watchdog measures the task's own time, not its wait in the queue. */
  started?: Float64Array;
}

/** What comes back to the main thread: only what reconciliation and the run summary need; the
 * full records stay in the stored result. */
export interface ArticleDone {
  path: string;
  sha256: string;
  id: string;
  claims: number;
  noise: number;
  rejected: number;
  /** What was wrong with its metadata and ignored (front matter, sidecar). */
  warnings: string[];
  /** null when the article has more claims than a worker sends back (read them from the store). */
  summaries: ClaimSummary[] | null;
}

export type TaskOutput =
  | { ok: true; done: ArticleDone }
  | { ok: false; path: string; reason: string; diskFull?: true };
