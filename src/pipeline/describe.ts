import type { ArticleResult } from './article.js';
import type { ArticleDone } from './task.js';
import { summarizeClaim } from '../reconcile/summary.js';

/** The summary of a result that the main thread keeps (see task.ts). */
export function describeResult(result: ArticleResult): ArticleDone {
  const r = result.report;
  return {
    path: r.path, sha256: r.sha256, id: r.id, claims: result.claims.length, noise: r.noise.length, rejected: r.rejected.length,
    summaries: result.claims.map(summarizeClaim),
  };
}
