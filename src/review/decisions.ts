/**
 * Applies a reviewer's decisions (decisions.jsonl, written by the review page) to a run: a
 * rejected claim is dropped, a corrected one carries the correction and `provenance.review`, an
 * accepted one only the latter. It works on both forms a run holds: the full record lines streamed
 * to claims.jsonl and the summaries that reconciliation and the graph use, so a correction reaches
 * all three outputs. Decisions whose claim id no longer exists are counted, never dropped silently.
 */
import { readFile } from 'node:fs/promises';
import { claimSchema, type ClaimRecord } from '../records.js';
import type { ClaimSummary } from '../reconcile/summary.js';
import { decisionSchema, type Decision, type DecisionsReport, type ReviewProvenance } from './schema.js';

/** A lexicon entity as far as a subject correction needs it (rules/claims/entities.yml). */
export interface KnownEntity {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  parent?: string;
}

export class DecisionsError extends Error {
  /** `line` 0: the file as a whole (missing, unreadable). */
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(line > 0 ? `${file}:${line}: ${reason}` : `${file}: ${reason}`);
    this.name = 'DecisionsError';
  }
}

/** Parses decisions.jsonl; blank lines are skipped; the last decision for a claim id wins. */
export function parseDecisions(text: string, file: string): Map<string, Decision> {
  const out = new Map<string, Decision>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new DecisionsError(file, i + 1, `not JSON: ${(err as Error).message}`);
    }
    const parsed = decisionSchema.safeParse(json);
    if (!parsed.success) throw new DecisionsError(file, i + 1, parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; '));
    out.set(parsed.data.claim, parsed.data);
  });
  return out;
}

type Subject = NonNullable<ClaimRecord['subject']>;
type Quantity = NonNullable<ClaimSummary['quantity']>;

const slug = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'subject';

export class Decisions {
  private readonly seen = new Set<string>();
  private readonly byName = new Map<string, KnownEntity>();

  constructor(readonly file: string, private readonly decisions: Map<string, Decision>, entities: KnownEntity[] = []) {
    // A corrected subject that names a lexicon entity becomes that entity, so it groups with
    // every other claim about it; anything else gets an id made from the name.
    for (const e of entities) for (const n of [e.name, ...e.aliases]) if (!this.byName.has(n.toLowerCase())) this.byName.set(n.toLowerCase(), e);
  }

  static async load(file: string, entities: KnownEntity[] = []): Promise<Decisions> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new DecisionsError(file, 0, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    return new Decisions(file, parseDecisions(text, file), entities);
  }

  get size(): number {
    return this.decisions.size;
  }

  private subject(name: string, before: Subject | null): Subject {
    const known = this.byName.get(name.trim().toLowerCase());
    if (known) return { id: known.id, name: known.name, kind: known.kind as Subject['kind'], mention: before?.mention ?? name, via: 'review', parent: known.parent ?? null };
    return { id: slug(name), name: name.trim(), kind: before?.kind ?? 'thing', mention: before?.mention ?? name, via: 'review', parent: null };
  }

  /** The corrected figure. The value becomes the figure; a bound that held it in low or high
   * keeps it there; a range cannot be one number, so it becomes exact. */
  private static quantity<Q extends Quantity>(q: Q, value: number | undefined, unit: string | undefined): Q {
    const next = { ...q };
    if (unit !== undefined) next.unit = unit;
    if (value === undefined) return next;
    if (q.bound === 'range') return { ...next, bound: 'exact', value, low: null, high: null };
    next.value = q.bound === 'at_least' || q.bound === 'at_most' ? (q.value === null ? null : value) : value;
    if (q.bound === 'at_least') next.low = value;
    if (q.bound === 'at_most') next.high = value;
    return next;
  }

  /** Applies the decision for `c` (if any) to the fields a summary and a record share. */
  private correct<C extends ClaimSummary | ClaimRecord>(c: C, d: Decision): C {
    const fix = d.correction ?? {};
    const next = { ...c };
    if (fix.subject !== undefined) next.subject = this.subject(fix.subject, c.subject);
    if (c.quantity && (fix.value !== undefined || fix.unit !== undefined)) next.quantity = Decisions.quantity(c.quantity, fix.value, fix.unit) as C['quantity'];
    return next;
  }

  /** A summary after its decision: null when rejected. Marks the id as seen. */
  applySummary(s: ClaimSummary): ClaimSummary | null {
    const d = this.decisions.get(s.id);
    if (!d) return s;
    this.seen.add(s.id);
    if (d.decision === 'reject') return null;
    return d.decision === 'correct' ? this.correct(s, d) : s;
  }

  /** A claims.jsonl line after its decision: null when rejected, the line untouched when there
   * is none (only lines with a decision are parsed). */
  applyLine(line: string): string | null {
    const id = /^\{"id":"([^"]*)"/.exec(line)?.[1] ?? (JSON.parse(line) as ClaimRecord).id;
    const d = this.decisions.get(id);
    if (!d) return line;
    if (d.decision === 'reject') return null;
    const record = JSON.parse(line) as ClaimRecord;
    const review: ReviewProvenance = {
      decision: d.decision, by: d.by ?? null, at: d.at ?? null, note: d.note ?? null,
      original: d.decision === 'correct' ? { subject: record.subject?.name ?? null, value: record.quantity?.value ?? null, unit: record.quantity?.unit ?? null } : null,
    };
    const fixed = d.decision === 'correct' ? this.correct(record, d) : record;
    if (fixed.subject && record.subject !== fixed.subject) fixed.subjectReason = null;
    // Validated like every record the pipeline writes: a correction cannot break the contract.
    return JSON.stringify(claimSchema.parse({ ...fixed, provenance: { ...record.provenance, review } }));
  }

  /** Counts of what was applied, and the ids no claim of this run has (sorted). */
  report(): DecisionsReport {
    const count = (kind: Decision['decision']) => [...this.seen].filter((id) => this.decisions.get(id)!.decision === kind).length;
    return {
      file: this.file,
      accepted: count('accept'), rejected: count('reject'), corrected: count('correct'),
      unknown: [...this.decisions.keys()].filter((id) => !this.seen.has(id)).sort(),
    };
  }
}

/** Applies decisions to a run's summaries in place and lowers the per-article claim counts by the
 * rejected claims, so graph.json and run.json agree with claims.jsonl. */
export function applyToSummaries(decisions: Decisions, summaries: Map<string, ClaimSummary>, articles: { path: string; claims: number }[]): void {
  const byPath = new Map(articles.map((a) => [a.path, a]));
  for (const [id, s] of summaries) {
    const next = decisions.applySummary(s);
    if (next === s) continue;
    if (next) summaries.set(id, next);
    else {
      summaries.delete(id);
      const a = byPath.get(s.source.path);
      if (a) a.claims--;
    }
  }
}
