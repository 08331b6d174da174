import type { ArticleResult } from './article.js';

/** One unit of work for the pool: an article's bytes to decode and process. */
export interface TaskInput {
  path: string;
  bytes: Uint8Array;
  rulesDir?: string;
  maxBytes: number;
}

export type TaskOutput =
  | { ok: true; result: ArticleResult }
  | { ok: false; path: string; reason: string };
