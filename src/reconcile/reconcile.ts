/**
 * Reconciliation across articles. Claims are grouped by (subject, metric, unit family, period);
 * within a group each pair of intervals is compared; across groups the same figure pinned on
 * different subjects is flagged for review, never merged. Every decision carries its reason.
 */
import type { ClaimSummary } from './summary.js';
import { stableId } from '../util/hash.js';
import { figureOf, formatInterval, formatNumber, intervalOf, overlap, type Interval } from './interval.js';

export type PairRelation = 'corroborates' | 'consistent-with' | 'in-tension-with' | 'conflicts-with';
export type GroupStatus = 'single' | 'corroborated' | 'consistent' | 'in tension' | 'conflicting';

export interface Group {
  id: string;
  key: { subject: string; metric: string; unit: string; period: string };
  members: string[];
  status: GroupStatus;
  reason: string;
}

export interface Relation {
  type: PairRelation | 'same-figure-as';
  from: string;
  to: string;
  reason: string;
  /** Set on relations a reviewer should look at (possible misattribution, conflicts). */
  review: boolean;
}

export interface Reconciliation {
  groups: Group[];
  relations: Relation[];
}

/** Two disjoint intervals closer than this (relative gap) are in tension, farther apart conflict. */
export const TENSION_GAP = 0.25;
/** Figures equal within this share are "the same figure". */
export const SAME_FIGURE = 0.005;
/** Groups up to this size compare every pair; larger ones compare neighbours by figure. */
export const MAX_ALL_PAIRS = 30;

type Quantified = ClaimSummary & { quantity: NonNullable<ClaimSummary['quantity']> };

export function unitFamily(q: NonNullable<ClaimSummary['quantity']>): string {
  if (q.kind === 'money') return `money:${q.unit}${q.per ? `/${q.per}` : ''}`;
  if (q.kind === 'count') return `count:${q.unit.toLowerCase().replace(/(ies)$/, 'y').replace(/s$/, '')}`;
  return `${q.kind}:${q.unit}${q.per ? `/${q.per}` : ''}`;
}

/** Reconciles all quantity claims of a corpus. Order of input does not matter. */
export function reconcile(claims: ClaimSummary[]): Reconciliation {
  const quantified = claims.filter((c): c is Quantified => c.quantity !== null && c.quantity.kind !== 'date')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byKey = new Map<string, Quantified[]>();
  for (const c of quantified) {
    const key = groupKey(c);
    const k = JSON.stringify(key);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(c);
  }
  const groups: Group[] = [];
  const relations: Relation[] = [];
  for (const [k, members] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = JSON.parse(k) as Group['key'];
    const pairs: Relation[] = [];
    if (members.length <= MAX_ALL_PAIRS) {
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) pairs.push(compare(members[i], members[j]));
    } else {
      // A large group: neighbours by figure only, so the relations stay linear in its size.
      const byFigure = [...members].sort((x, y) => figureOf(x.quantity)! - figureOf(y.quantity)! || (x.id < y.id ? -1 : 1));
      for (let i = 1; i < byFigure.length; i++) pairs.push(compare(byFigure[i - 1], byFigure[i]));
    }
    relations.push(...pairs);
    const { status, reason } = summarize(members, pairs);
    groups.push({ id: stableId('group', k), key, members: members.map((m) => m.id), status, reason });
  }
  relations.push(...sameFigures(quantified));
  relations.sort((a, b) => (a.from + a.to + a.type < b.from + b.to + b.type ? -1 : 1));
  return { groups, relations };
}

function groupKey(c: Quantified): Group['key'] {
  return {
    // A claim with no subject is compared with nothing: it stands in a group of its own.
    subject: c.subject?.id ?? `(none:${c.id})`,
    metric: c.metric ?? '(none)',
    unit: unitFamily(c.quantity),
    period: c.time ?? c.period ?? '(unstated)',
  };
}

function describe(c: Quantified, i: Interval | null): string {
  return `"${c.quantity.quote}" (${c.quantity.bound}${i ? `, ${formatInterval(i)}` : ''}; ${c.source.path})`;
}

/** Compares two claims of one group. */
export function compare(a: Quantified, b: Quantified): Relation {
  const ia = intervalOf(a.quantity);
  const ib = intervalOf(b.quantity);
  const base = { from: a.id, to: b.id };
  if (!ia || !ib) return { ...base, type: 'consistent-with', reason: `${describe(a, ia)} and ${describe(b, ib)}: no interval to compare`, review: false };
  const both = `${describe(a, ia)} and ${describe(b, ib)}`;
  const fa = figureOf(a.quantity)!, fb = figureOf(b.quantity)!;
  if (a.quantity.bound === b.quantity.bound && close(fa, fb)) {
    return { ...base, type: 'corroborates', reason: `${both}: same figure, same bound`, review: false };
  }
  const common = overlap(ia, ib);
  if (common) return { ...base, type: 'consistent-with', reason: `${both}: overlap on ${formatInterval(common)}`, review: false };
  const gap = ia.high < ib.low ? { low: ia.high, high: ib.low } : { low: ib.high, high: ia.low };
  const relative = (gap.high - gap.low) / Math.max(Math.abs(gap.high), 1e-12);
  if (relative <= TENSION_GAP) {
    return { ...base, type: 'in-tension-with', reason: `${both}: disjoint, ${formatNumber(gap.low)} to ${formatNumber(gap.high)} apart (${(100 * relative).toFixed(1)}%)`, review: true };
  }
  return { ...base, type: 'conflicts-with', reason: `${both}: disjoint, gap ${formatNumber(gap.low)}–${formatNumber(gap.high)} (${(100 * relative).toFixed(1)}%)`, review: true };
}

function summarize(members: Quantified[], pairs: Relation[]): { status: GroupStatus; reason: string } {
  if (members.length === 1) return { status: 'single', reason: 'one claim' };
  const count = (t: PairRelation) => pairs.filter((p) => p.type === t).length;
  const n = pairs.length;
  if (count('conflicts-with') > 0) return { status: 'conflicting', reason: `${count('conflicts-with')} of ${n} pairs conflict: ${pairs.find((p) => p.type === 'conflicts-with')!.reason}` };
  if (count('in-tension-with') > 0) return { status: 'in tension', reason: `${count('in-tension-with')} of ${n} pairs in tension: ${pairs.find((p) => p.type === 'in-tension-with')!.reason}` };
  if (count('corroborates') === n) return { status: 'corroborated', reason: `all ${n} pairs state the same figure: ${pairs[0].reason}` };
  return { status: 'consistent', reason: `${count('consistent-with')} of ${n} pairs overlap: ${pairs.find((p) => p.type === 'consistent-with')?.reason ?? ''}` };
}

/** The same figure, unit and kind on claims about different subjects: a possible
 * misattribution for a reviewer, never a merge. Years and small numbers are too common to flag. */
function sameFigures(claims: Quantified[]): Relation[] {
  const out: Relation[] = [];
  const candidates = claims.filter((c) => c.subject && (c.quantity.kind === 'money' || c.quantity.kind === 'count' || c.quantity.kind === 'percent'))
    .filter((c) => Math.abs(figureOf(c.quantity) ?? 0) >= (c.quantity.kind === 'percent' ? 1 : 1000));
  // Sorted by unit family and figure, equal figures sit next to each other: a sliding window
  // keeps this O(n log n) on a year of news instead of comparing every pair.
  const sorted = candidates.map((c) => ({ c, unit: unitFamily(c.quantity), f: figureOf(c.quantity)! }))
    .sort((x, y) => (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : x.f - y.f || (x.c.id < y.c.id ? -1 : 1)));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].unit === sorted[i].unit && close(sorted[i].f, sorted[j].f); j++) {
      const [a, b] = sorted[i].c.id < sorted[j].c.id ? [sorted[i].c, sorted[j].c] : [sorted[j].c, sorted[i].c];
      if (a.subject!.id === b.subject!.id) continue;
      if (a.quantity.bound === 'range' || b.quantity.bound === 'range') continue;
      const fa = figureOf(a.quantity)!;
      out.push({
        type: 'same-figure-as', from: a.id, to: b.id, review: true,
        reason: `${formatNumber(fa)} ${a.quantity.unit} is attributed to ${a.subject!.name} ("${a.quantity.quote}", ${a.metric ?? 'no metric'}, ${a.source.path}) and to ${b.subject!.name} ("${b.quantity.quote}", ${b.metric ?? 'no metric'}, ${b.source.path}): possible misattribution, check the sources`,
      });
    }
  }
  return out;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_FIGURE * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}
