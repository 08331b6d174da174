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
  summaries: ClaimSummary[];
}

export type TaskOutput =
  | { ok: true; done: ArticleDone }
  | { ok: false; path: string; reason: string };
