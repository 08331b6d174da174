/**
 * The same figure pinned on different subjects: a possible misattribution for a reviewer, never a
 * merge. Each such figure becomes one hub ("figure" node) with a same-figure-as edge from each of
 * its claims — n edges, never the n² of linking every pair.
 *
 * Only informative figures get a hub: a coincidence has to be unlikely for a shared figure to
 * suggest a copied or misattributed number. Two rules decide (see README "Reconciliation"):
 *  - specific: a percentage with a fraction (12.5%), or a money amount or count of at least 1,000
 *    with two or more significant digits ($4.7 million, 1,250 jobs) or of a billion and more. Whole
 *    percentages, round small amounts ("10%", "$1 million") and small counts ("two years") are
 *    stated by unrelated subjects all the time.
 *  - rare: stated for at most MAX_HUB_SUBJECTS different subjects. A figure many subjects share
 *    is, by that fact, common in this corpus; it is counted in the report, not linked.
 *
 * Claims stream past in (unit family, figure, id) order; a hub is a run of figures within
 * SAME_FIGURE of its first one. Members wait in a spool (memory, then disk) until the hub is
 * decided, and a hub that turns out common stops collecting at once.
 */
import type { Quantified } from './compare.js';
import { close, label } from './compare.js';
import { SAMPLE } from './groups.js';
import { figureOf, formatNumber } from './interval.js';
import { stableId } from '../util/hash.js';
import { Spool } from './spool.js';

/** More different subjects than this on one figure: too common to suggest a misattribution. */
export const MAX_HUB_SUBJECTS = 5;
/** Smallest money amount or count considered. */
export const MIN_FIGURE = 1000;
/** Round money amounts and counts from here up are still specific. */
export const LARGE_FIGURE = 1e9;

export interface FigureHub {
  id: string;
  kind: string;
  unit: string;
  value: number;
  subjects: number;
  claims: number;
  reason: string;
  /** Report lines of the first members; only on the hubs the report shows, not in the spool. */
  sample?: string[];
}

export interface FigureLink {
  from: string;
  to: string;
  reason: string;
}

export interface CommonFigure {
  unit: string;
  value: number;
  claims: number;
}

export interface FigureSink {
  /** A hub; `sample()` makes the report lines of its first members, when wanted. */
  hub(h: FigureHub, sample: () => string[]): void;
  link(l: FigureLink): void;
  common(f: CommonFigure): void;
}

/** Significant digits of a figure as written: 600e9 → 1, 4.7e6 → 2, 1250 → 3. */
export function significantDigits(n: number): number {
  const mantissa = Math.abs(Number(n.toPrecision(12))).toExponential().split('e')[0];
  return mantissa.replace('.', '').length;
}

/** Whether a claim's figure is specific enough that sharing it is worth a look. */
export function isSpecificFigure(c: Quantified): boolean {
  const q = c.quantity;
  if (!c.subject || q.bound === 'range') return false;
  const f = figureOf(q);
  if (f === null || !Number.isFinite(f)) return false;
  const abs = Math.abs(f);
  if (q.kind === 'percent') return !Number.isInteger(Number(abs.toPrecision(12)));
  if (q.kind === 'money' || q.kind === 'count') return abs >= MIN_FIGURE && (significantDigits(abs) >= 2 || abs >= LARGE_FIGURE);
  return false;
}

class OpenHub {
  private readonly subjects = new Map<string, string>();
  private readonly first: Quantified[] = [];
  private claims = 0;
  private tooCommon = false;
  private readonly pending: Spool;

  constructor(readonly unit: string, readonly figure: number, private readonly leader: Quantified, dir: string) {
    this.pending = new Spool(dir, 'hub');
  }

  accepts(unit: string, figure: number): boolean {
    return unit === this.unit && close(this.figure, figure);
  }

  add(c: Quantified): void {
    this.claims++;
    if (this.tooCommon) return;
    this.subjects.set(c.subject!.id, c.subject!.name);
    if (this.subjects.size > MAX_HUB_SUBJECTS) {
      this.tooCommon = true;
      this.pending.clear();
      return;
    }
    if (this.first.length < SAMPLE) this.first.push(c);
    this.pending.append(JSON.stringify([c.id, `${c.subject!.name}: "${c.quantity.quote}" (${c.metric ?? 'no metric'}, ${c.source.path})`]));
  }

  finish(sink: FigureSink): void {
    try {
      if (this.tooCommon) {
        sink.common({ unit: this.unit, value: this.figure, claims: this.claims });
        return;
      }
      if (this.subjects.size < 2) return;
      const q = this.leader.quantity;
      const id = stableId('figure', this.unit, this.leader.id);
      const names = [...this.subjects.values()].sort();
      sink.hub({
        id, kind: q.kind, unit: this.unit, value: this.figure, subjects: names.length, claims: this.claims,
        reason: `${formatNumber(this.figure)} ${q.unit} is attributed to ${names.length} different subjects (${names.join(', ')}) in ${this.claims} claims: possible misattribution, check the sources`,
      }, () => this.first.map(label));
      for (const line of this.pending.lines()) {
        const [from, reason] = JSON.parse(line) as [string, string];
        sink.link({ from, to: id, reason });
      }
    } finally {
      this.pending.clear();
    }
  }
}

/** Feeds specific claims sorted by (unit family, figure, id); call finish() after the last one. */
export class FigureStream {
  private open: OpenHub | null = null;

  constructor(private readonly dir: string, private readonly sink: FigureSink) {}

  add(c: Quantified, unit: string): void {
    const f = figureOf(c.quantity)!;
    if (!this.open?.accepts(unit, f)) {
      this.open?.finish(this.sink);
      this.open = new OpenHub(unit, f, c, this.dir);
    }
    this.open.add(c);
  }

  finish(): void {
    this.open?.finish(this.sink);
    this.open = null;
  }
}
