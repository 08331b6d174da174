/** Ranges: two ends read as one quantity. */
import type { QuantityRules } from './compile.js';
import { findNumbers } from './numbers.js';
import { currencyBefore } from './context.js';
import { readNumber } from './read-number.js';
import type { Draft } from './draft.js';

/** "$13-15", "$125-$250", "between 25% and 40%", "10 to 20 million": two ends, one quantity. */
export function readRange(s: string, first: Draft, r: QuantityRules): Draft | null {
  if (first.vague || first.kind === 'multiplier') return null;
  // "and" joins two ends only after "between" ("between 25% and 40%"), else it joins two figures.
  const between = /\b(between|from)\s+\S*$/i.test(s.slice(Math.max(0, first.start - 14), first.start));
  const joint = /^\s*(?:-|to|and|through)\s*/i.exec(s.slice(first.end));
  if (!joint) return null;
  if (/and/i.test(joint[0]) && !between) return null;
  const nextStart = first.end + joint[0].length;
  const nums = findNumbers(s.slice(nextStart, nextStart + 40));
  const n = nums[0];
  const cur = currencyBefore(s, nextStart + (n?.start ?? 0), r);
  if (!n || n.start > (cur ? 6 : 0)) return null;
  const second = readNumber(s, { ...n, start: nextStart + n.start, end: nextStart + n.end }, r, true);
  if (!second) return null;
  if (first.kind === 'date' || second.kind === 'date') return null;
  if (first.kind && second.kind && (first.kind !== second.kind || first.unit !== second.unit)) return null;
  // "10 to 20 million": the second end's scale applies to a bare first end.
  const low = first.scale !== 1 ? first.low : first.low * second.scale;
  if (!(low <= second.high)) return null;
  const merged: Draft = { ...second, start: first.start, low, high: second.high, bound: 'range' };
  merged.kind = second.kind ?? first.kind;
  merged.unit = second.unit || first.unit;
  // The range reader joins two ends; the rule that read the second end (its currency or unit) names it.
  merged.rule = second.rule;
  return merged;
}

