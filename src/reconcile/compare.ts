/**
 * What reconciliation knows about one claim, and the comparison of two claims of one group.
 * Kept apart from the streaming code so the interval rules can be tested on their own.
 */
import type { ClaimSummary } from './summary.js';
import type { UnitScale } from '../util/units.js';
import { tidy } from '../quantities/draft.js';
import { figureOf, formatInterval, formatNumber, intervalOf, overlap, type Interval } from './interval.js';

export type PairRelation = 'corroborates' | 'consistent-with' | 'in-tension-with' | 'conflicts-with';

export interface Relation {
  type: PairRelation;
  from: string;
  to: string;
  reason: string;
  /** Set on relations a reviewer should look at (tensions, conflicts). */
  review: boolean;
  /** On a tension or conflict between two articles with different published dates: the id of the
   * claim from the newer one (a later figure may update an earlier one rather than contradict it). */
  newer?: string;
}

/** The fields of a claim reconciliation reads; what travels through the external sort. A measure
 * whose unit has a known scale travels in its dimension's base unit, with `base` set (inBaseUnits). */
export type Quantified = Pick<ClaimSummary, 'id' | 'subject' | 'metric' | 'time' | 'period' | 'source'> & {
  quantity: NonNullable<ClaimSummary['quantity']> & { base?: { dimension: string; unit: string } };
};

/** A unit's dimension and factor by the name a claim gives it (QuantityRules.unitScale). */
export type UnitScaleOf = (unit: string) => UnitScale | undefined;

/** Two disjoint intervals closer than this (relative gap) are in tension, farther apart conflict. */
export const TENSION_GAP = 0.25;
/** Figures equal within this share are "the same figure". */
export const SAME_FIGURE = 0.005;

export function isQuantified(c: ClaimSummary): c is ClaimSummary & Quantified {
  return c.quantity !== null && c.quantity.kind !== 'date';
}

/** Only the fields reconciliation reads, so the sorted entries stay small. */
export function slim(c: Quantified): Quantified {
  return { id: c.id, source: { path: c.source.path, article: c.source.article, ...(c.source.published ? { published: c.source.published } : {}) }, subject: c.subject, metric: c.metric, time: c.time, period: c.period, quantity: c.quantity };
}

/** A measure in its dimension's base unit: "22 miles" as 35,405.568 m, comparable with "35 km" as
 * 35,000 m. The quote keeps what was written; a unit with no known scale stays as it is. */
export function inBaseUnits(c: Quantified, scaleOf: UnitScaleOf | undefined): Quantified {
  const q = c.quantity;
  const scale = q.kind === 'measure' ? scaleOf?.(q.unit) : undefined;
  if (!scale) return c;
  const times = (x: number | null) => (x === null ? null : tidy(x * scale.factor));
  return { ...c, quantity: { ...q, value: times(q.value), low: times(q.low), high: times(q.high), base: { dimension: scale.dimension, unit: scale.base } } };
}

export function unitFamily(q: Quantified['quantity']): string {
  if (q.base) return `measure:${q.base.dimension}${q.per ? `/${q.per}` : ''}`;
  if (q.kind === 'money') return `money:${q.unit}${q.per ? `/${q.per}` : ''}`;
  if (q.kind === 'count') return `count:${q.unit.toLowerCase().replace(/(ies)$/, 'y').replace(/s$/, '')}`;
  return `${q.kind}:${q.unit}${q.per ? `/${q.per}` : ''}`;
}

export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_FIGURE * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** " m" after a measure's figures in base units, else nothing. */
const baseUnit = (c: Quantified) => (c.quantity.base?.unit ? ` ${c.quantity.base.unit}` : '');

function describe(c: Quantified, i: Interval | null): string {
  return `"${c.quantity.quote}" (${c.quantity.bound}${i ? `, ${formatInterval(i)}${baseUnit(c)}` : ''}; ${c.source.path})`;
}

/** One line for the report: quote, subject, metric, time, source (and its date, when known). */
export function label(c: Quantified): string {
  return `"${c.quantity.quote}" — ${c.subject?.name ?? 'no subject'}, ${c.metric ?? 'no metric'}${c.time ? `, ${c.time}` : ''} (${c.source.path}${c.source.published ? `, published ${c.source.published}` : ''})`;
}

/** The day an article was published ("2025-02-10"), or null. Days, not instants: two stories of
 * one day are not ordered by the hour their sites stamped on them. */
export const publishedDay = (c: Quantified): string | null => c.source.published?.slice(0, 10) ?? null;

/** Which of two disagreeing claims is newer, when both articles are dated: its id and a clause for
 * the reason. Nothing when either is undated; "published the same day" when they are not ordered. */
export function newerOf(a: Quantified, b: Quantified): { newer?: string; words: string } {
  const da = publishedDay(a), db = publishedDay(b);
  if (da === null || db === null) return { words: '' };
  if (da === db) return { words: `; both published ${da}` };
  const [newer, older, dn, dold] = da > db ? [a, b, da, db] : [b, a, db, da];
  return { newer: newer.id, words: `; the newer is "${newer.quantity.quote}" (published ${dn}, the other ${dold})` };
}

/** Compares two claims of one group; `from` is always the smaller id, so an edge has one form. */
export function compare(x: Quantified, y: Quantified): Relation {
  const [a, b] = x.id <= y.id ? [x, y] : [y, x];
  const ia = intervalOf(a.quantity);
  const ib = intervalOf(b.quantity);
  const base = { from: a.id, to: b.id };
  if (!ia || !ib) return { ...base, type: 'consistent-with', reason: `${describe(a, ia)} and ${describe(b, ib)}: no interval to compare`, review: false };
  const both = `${describe(a, ia)} and ${describe(b, ib)}`;
  const fa = figureOf(a.quantity)!, fb = figureOf(b.quantity)!;
  if (a.quantity.bound === b.quantity.bound && close(fa, fb)) {
    // Two statements in one article agree by construction: said so, and not counted as an
    // independent source by the group (see groups.ts).
    const where = a.source.article === b.source.article ? ', restated in one article' : '';
    return { ...base, type: 'corroborates', reason: `${both}: same figure, same bound${where}`, review: false };
  }
  const common = overlap(ia, ib);
  if (common) return { ...base, type: 'consistent-with', reason: `${both}: overlap on ${formatInterval(common)}`, review: false };
  const gap = ia.high < ib.low ? { low: ia.high, high: ib.low } : { low: ib.high, high: ia.low };
  const relative = (gap.high - gap.low) / Math.max(Math.abs(gap.high), 1e-12);
  // A disagreement between dated articles says which is newer: a reader decides whether the
  // later figure updates the earlier one or contradicts it.
  const { newer, words } = newerOf(a, b);
  const dated = newer ? { newer } : {};
  if (relative <= TENSION_GAP) {
    return { ...base, type: 'in-tension-with', reason: `${both}: disjoint, ${formatNumber(gap.low)} to ${formatNumber(gap.high)}${baseUnit(a)} apart (${(100 * relative).toFixed(1)}%)${words}`, review: true, ...dated };
  }
  return { ...base, type: 'conflicts-with', reason: `${both}: disjoint, gap ${formatNumber(gap.low)}–${formatNumber(gap.high)}${baseUnit(a)} (${(100 * relative).toFixed(1)}%)${words}`, review: true, ...dated };
}
