/**
 * The claims table of the review page as columns: one array per field, one entry per line of
 * claims.jsonl, in its order. Fields with few distinct values (kind, unit, subject, metric…) are
 * stored as indexes into a dictionary. At 100,000 claims this is what lets Chromium parse the
 * page's data and paint the table in under a second (bench/review-perf.mjs): arrays of numbers
 * and strings parse several times faster than 100,000 objects, and the filters count by
 * dictionary index instead of comparing strings. The sentences, the largest column by far, are in
 * details.js, which the page loads right after its first paint. The full records stay in
 * records/<key>.js.
 */
import type { ClaimRecord } from '../records.js';

/** Repeated values, dictionary-coded (null is a value like any other). */
export const CODED = ['kind', 'bound', 'unit', 'per', 'subject', 'via', 'metric', 'time', 'period', 'modality', 'review', 'group'] as const;
/** One value per claim, as is. */
export const PLAIN = ['id', 'article', 'line', 'column', 'figure', 'value', 'low', 'high', 'figureStart', 'figureEnd'] as const;
type Field = (typeof CODED)[number] | (typeof PLAIN)[number] | 'sentence';

/** A claim's table fields: what the table, its filters and the flag cards show without the record.
 * `group` is the status of the claim's reconciliation group in graph.json (single, corroborated,
 * restated, consistent, in tension, conflicting), null for claims in none (dates, qualitative). */
export function claimFields(c: ClaimRecord, article: number, group: string | null = null): Record<Field, string | number | null> {
  const q = c.quantity;
  return {
    id: c.id, article, line: c.provenance.line, column: c.provenance.column,
    kind: q?.kind ?? 'qualitative', figure: q?.quote ?? null, // a qualitative claim is shown by its sentence
    value: q?.value ?? null, low: q?.low ?? null, high: q?.high ?? null,
    bound: q?.bound ?? null, unit: q?.unit ?? null, per: q?.per ?? null,
    subject: c.subject?.name ?? null, via: c.subject?.via ?? null, metric: c.metric, time: c.time, period: c.period, modality: c.modality,
    // The figure's place in the sentence, so a card can mark it without the record.
    sentence: c.quote, figureStart: q ? q.span.start - c.span.start : null, figureEnd: q ? q.span.end - c.span.start : null,
    review: c.provenance.review?.decision ?? null,
    group,
  };
}

export class ClaimColumns {
  private readonly plain = Object.fromEntries(PLAIN.map((f) => [f, [] as unknown[]])) as Record<(typeof PLAIN)[number], unknown[]>;
  private readonly coded = Object.fromEntries(CODED.map((f) => [f, [] as number[]])) as Record<(typeof CODED)[number], number[]>;
  private readonly dict = Object.fromEntries(CODED.map((f) => [f, new Map<string | number | null, number>()])) as Record<(typeof CODED)[number], Map<string | number | null, number>>;
  private readonly sentences: string[] = [];
  private readonly ids = new Map<string, number>();
  count = 0;

  /** The index of a claim id (its line in claims.jsonl, from 0). */
  indexOf(id: string): number | undefined {
    return this.ids.get(id);
  }

  add(c: ClaimRecord, article: number, group: string | null = null): void {
    const v = claimFields(c, article, group);
    for (const f of PLAIN) this.plain[f].push(v[f]);
    this.sentences.push(v.sentence as string);
    this.ids.set(c.id, this.count);
    for (const f of CODED) {
      const d = this.dict[f];
      let k = d.get(v[f]);
      if (k === undefined) d.set(v[f], (k = d.size));
      this.coded[f].push(k);
    }
    this.count++;
  }

  /** {"count", "dict": {field: [values]}, "columns": {field: [per claim]}}, a column a line. */
  toJson(): string {
    const dict = CODED.map((f) => `${JSON.stringify(f)}:${JSON.stringify([...this.dict[f].keys()])}`).join(',\n');
    const columns = [...PLAIN.map((f) => `${JSON.stringify(f)}:${JSON.stringify(this.plain[f])}`), ...CODED.map((f) => `${JSON.stringify(f)}:${JSON.stringify(this.coded[f])}`)].join(',\n');
    return `{"count":${this.count},\n"dict":{\n${dict}\n},\n"columns":{\n${columns}\n}}`;
  }

  /** The sentence of each claim, in the same order. */
  sentencesJson(): string {
    return JSON.stringify(this.sentences);
  }
}
