/**
 * The part of a claim that reconciliation and the graph need. A run keeps only these in memory
 * (the full records stream from the per-article cache to claims.jsonl), so memory stays flat.
 */
import type { ClaimRecord } from '../records.js';

export type ClaimSummary = Pick<ClaimRecord, 'id' | 'subject' | 'metric' | 'time' | 'period' | 'modality' | 'rule' | 'predicate'> & {
  /** `published` when the article has a date: reconciliation tells newer from older by it. */
  source: { path: string; article: string; published?: string };
  quantity: Omit<NonNullable<ClaimRecord['quantity']>, 'span' | 'rule' | 'implied'> | null;
};

export function summarizeClaim(c: ClaimRecord): ClaimSummary {
  const q = c.quantity;
  return {
    id: c.id,
    source: { path: c.source.path, article: c.source.article, ...(c.source.published ? { published: c.source.published } : {}) },
    subject: c.subject,
    metric: c.metric,
    time: c.time,
    period: c.period,
    modality: c.modality,
    rule: c.rule,
    predicate: c.predicate,
    quantity: q ? { kind: q.kind, quote: q.quote, value: q.value, low: q.low, high: q.high, bound: q.bound, unit: q.unit, per: q.per } : null,
  };
}
