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
  const before = s.slice(Math.max(0, first.start - 24), first.start);
  const between = /\b(between|from)\s+\S*$/i.test(before.slice(-14));
  const joint = /^\s*(?:-|to|and|through|or)\s*/i.exec(s.slice(first.end));
  if (!joint) return null;
  const word = joint[0].trim().toLowerCase();
  if (word === 'and' && !between) return null;
  // "rose 3% to 7,100", "fell 3p to 164p": a change written in full, then the level it reached,
  // are two figures ("rose 10 to 20 million dollars" is one range: its first end borrows the rest).
  const complete = first.kind !== null || !!first.unit || first.scale !== 1;
  const changed = word === 'to' && !between && complete && r.changeBefore.test(before);
  if (changed && first.kind !== 'percent') return null;
  // "eight or nine euros": "or" joins two ends only when the first is bare and the second says
  // what both are.
  if (word === 'or' && (first.kind !== null || first.unit)) return null;
  const nextStart = first.end + joint[0].length;
  const nums = findNumbers(s.slice(nextStart, nextStart + 40));
  const n = nums[0];
  const cur = currencyBefore(s, nextStart + (n?.start ?? 0), r);
  if (!n || n.start > (cur ? 6 : 0)) return null;
  const second = readNumber(s, { ...n, start: nextStart + n.start, end: nextStart + n.end }, r, true);
  if (!second) return null;
  if (first.kind === 'date' || second.kind === 'date') return null;
  // ("expects sales to grow 6% to 8%" is a range; "fell 0.2% to 4.1%" a change and the level: two
  // percents after a change verb are one range only when the ends are near each other.)
  if (changed && !(second.kind === 'percent' && second.high <= 3 * first.low)) return null;
  if (first.kind && second.kind && (first.kind !== second.kind || first.unit !== second.unit)) return null;
  if (word === 'or' && second.kind === null && !second.unit) return null;
  // "0.4% to 13,176": a percent never runs to a bare number; "$13-15" shares its currency, but
  // "$2 to 13,176" is a change and a level unless the ends are near each other.
  if (first.kind && !second.kind && !second.unit && (first.kind === 'percent' || (word !== '-' && second.high > 10 * first.low))) return null;
  // "10 to 20 million", "four to five thousand": the second end's scale applies to a bare first end.
  const scale = second.scale !== 1 ? second.scale : wordScale(s.slice(first.end + joint[0].length, second.end), r);
  const low = first.scale !== 1 ? first.low : first.low * scale;
  if (!(low <= second.high)) return null;
  const merged: Draft = { ...second, start: first.start, low, high: second.high, bound: 'range' };
  merged.kind = second.kind ?? first.kind;
  merged.unit = second.unit || first.unit;
  // The range reader joins two ends; the rule that read the second end (its currency or unit) names it.
  merged.rule = second.rule;
  return merged;
}

/** The scale word that ends a number written in words ("five thousand" → 1000), or 1. */
function wordScale(text: string, r: QuantityRules): number {
  const last = /(\p{L}+)\s*$/u.exec(text.replace(/\s+\p{L}+s?$/u, (m) => (r.scaleWords.has(m.trim().toLowerCase()) ? m : '')))?.[1]?.toLowerCase();
  return (last && r.scaleWords.get(last)) || 1;
}
