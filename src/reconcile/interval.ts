/**
 * Every hedge as an interval (DESIGN.md "Reconciliation"): exact = [v, v]; "roughly v" = v ± a
 * tolerance; "more than v" = [v, ∞); "up to v" = [0, v]; a range = [low, high).
 */
import type { ClaimSummary } from './summary.js';

export interface Interval {
  low: number;
  high: number;
}

/** How far "roughly", "about", "around" reach on either side. */
export const APPROX_TOLERANCE = 0.1;

export function intervalOf(q: NonNullable<ClaimSummary['quantity']>): Interval | null {
  const v = q.value;
  switch (q.bound) {
    case 'exact': return v === null ? null : { low: v, high: v };
    case 'approx': return v === null ? null : { low: v * (1 - APPROX_TOLERANCE), high: v * (1 + APPROX_TOLERANCE) };
    case 'at_least': return q.low ?? v ?? null ? { low: (q.low ?? v)!, high: Infinity } : null;
    case 'at_most': return q.high ?? v ?? null ? { low: 0, high: (q.high ?? v)! } : null;
    case 'range': return q.low !== null && q.high !== null ? { low: q.low, high: q.high } : null;
  }
}

/** The overlap of two intervals, or null when they are disjoint. */
export function overlap(a: Interval, b: Interval): Interval | null {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  return low <= high ? { low, high } : null;
}

/** A representative figure: the value, else the interval's finite end. */
export function figureOf(q: NonNullable<ClaimSummary['quantity']>): number | null {
  return q.value ?? q.low ?? q.high ?? null;
}

/** "600B", "1.1B", "900M", "∞": short, exact enough for a reason string. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  const abs = Math.abs(n);
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [scale, suffix] of units) if (abs >= scale) return `${+(n / scale).toPrecision(4)}${suffix}`;
  return String(+n.toPrecision(6));
}

export function formatInterval(i: Interval): string {
  return i.low === i.high ? formatNumber(i.low) : `${formatNumber(i.low)}–${formatNumber(i.high)}`;
}
