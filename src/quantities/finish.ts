/** The last step of reading a quantity: bounds, rates, counted nouns, ratios and the final kind. */
import type { Bound } from '../types.js';
import type { QuantityRules } from './compile.js';
import { boundAfter, boundBefore, countNounAfter, countNounBefore, perAfter } from './context.js';
import { tidy, type Draft, type SentenceQuantity } from './draft.js';
import { findNumbers } from './numbers.js';

/** Bounds, rates, counted nouns and the final kind. */
export function finish(s: string, d: Draft, r: QuantityRules): SentenceQuantity | null {
  let bound: Bound = d.bound;
  const before = boundBefore(s, d.start, r);
  if (before && bound !== 'range') {
    if (bound !== 'at_least') bound = before.value;
    d.start = before.at;
  }
  // "tops $1 million", "Forex reserves cross $45 bn": a verb sets the bound, outside the quote.
  const verb = !before && bound === 'exact' && r.boundVerb ? r.boundVerb.exec(s.slice(Math.max(0, d.start - 16), d.start)) : null;
  if (verb) bound = r.boundVerbBound.get(verb[1].toLowerCase()) ?? bound;
  const after = bound === 'range' ? null : boundAfter(s, d.end, r);
  if (after && after.value !== 'approx') {
    bound = after.value;
    d.end = after.at;
  } else if (after && bound === 'exact') {
    bound = 'approx';
    d.end = after.at;
  }
  const per = d.kind === 'money' || d.kind === null || d.kind === 'count' || d.kind === 'measure' ? perAfter(s, d.end, r) : null;
  if (per) {
    d.per = per.value;
    d.end = per.at;
  }
  let kind = d.kind;
  let unit = d.unit;
  let implied = false;
  if (kind === null) {
    const noun = countNounAfter(s, d.end, d.scaled || d.vague, r);
    if (noun) {
      kind = 'count';
      unit = noun.value.noun;
      d.modifiers = noun.value.modifiers;
      d.end = noun.at;
      // "200 engineers or more": the bound phrase may follow the noun.
      const late = bound === 'exact' ? boundAfter(s, d.end, r) : null;
      if (late && late.value !== 'approx' && !/^\+/.test(s.slice(d.end))) {
        bound = late.value;
        d.end = late.at;
      }
    } else if (d.scaled && d.low >= 1e6 && r.moneyCue.test(moneyWindow(s, d.start, d.end)) && !/^\s+\p{Lu}/u.test(s.slice(d.end))) {
      // (A name right after it is what is counted, "5 million Galaxy phones", never money.)
      kind = 'money';
      unit = /€/.test(s) ? 'EUR' : /£/.test(s) ? 'GBP' : 'USD';
      implied = true;
    } else {
      kind = 'count';
      // "the number of grants … was 154,700": the clause names what a bare count counts.
      unit = countNounBefore(s, d.start, r) ?? unit;
    }
  }
  if (kind === 'money' && d.per === null) {
    const per2 = perAfter(s, d.end, r);
    if (per2) { d.per = per2.value; d.end = per2.at; }
  }
  // "207.1 robberies per 100,000 people": a rate per a count; its number is part of this figure.
  if (d.per === null) {
    const m = r.perCountAfter.exec(s.slice(d.end));
    if (m) {
      const words = m[2].split(/\s+/);
      // (The counted noun is one plural, or an adjective and one: "per 1,000 live births".)
      const n = words.length === 2 && !/[a-z]s$/i.test(words[0]) && /[a-z]s$|people$/i.test(words[1]) ? 2 : 1;
      const noun = words.slice(0, n).join(' ');
      d.per = `${m[1]} ${noun}`;
      d.end += m[0].length - (m[2].length - noun.length);
    }
  }
  // Ratios: "four dollars in infrastructure for every dollar (of revenue)".
  let ratio: { value: number; end: number } | null = null;
  if ((kind === 'money' || kind === 'count') && bound === 'exact') {
    const m = /^([^.;:!?]{0,50}?)\bfor (?:every|each)\s+(?:(one|a|an|\d+(?:\.\d+)?)\s+)?([A-Za-z$€£]+)/i.exec(s.slice(d.end));
    if (m) {
      const den = !m[2] || /^(one|a|an)$/i.test(m[2]) ? 1 : Number(m[2]);
      if (den > 0) ratio = { value: d.low / den, end: d.end + m[0].length };
    }
  }
  // Shares written as two counts: "9 out of 10 small businesses", "one in five adults".
  const share = !ratio && kind === 'count' && !unit && (bound === 'exact' || bound === 'approx') ? shareAfter(s, d.end, d.low, r) : null;
  if (share) ratio = share;
  const isYear = kind === 'date';
  const value = bound === 'range' ? null : d.low;
  const q: SentenceQuantity = {
    kind: ratio ? 'ratio' : kind,
    span: { start: d.start, end: ratio ? ratio.end : d.end },
    value: ratio ? ratio.value : value,
    low: bound === 'range' ? d.low : bound === 'at_least' || bound === 'exact' ? d.low : null,
    high: bound === 'range' ? d.high : bound === 'at_most' || bound === 'exact' ? d.high : null,
    bound,
    unit: ratio ? 'ratio' : unit,
    per: d.per,
    rule: share ? 'quantities/numbers#share' : ratio ? 'quantities/numbers#ratio' : d.rule,
    modifiers: d.modifiers,
    yearLike: isYear,
    ...(implied ? { implied: true } : {}),
  };
  if (ratio) { q.low = q.high = ratio.value; }
  if (q.bound === 'approx') { q.low = null; q.high = null; }
  // 16.4 × 1e6 is 16399999.999999998 in binary floating point: round to what was written.
  q.value = tidy(q.value);
  q.low = tidy(q.low);
  q.high = tidy(q.high);
  // A number past the range of a double ("$" and 309 nines) is kept as written, without a value.
  if (![q.value, q.low, q.high].every((v) => v === null || Number.isFinite(v))) {
    q.value = q.low = q.high = null;
    q.reason = 'too large to hold as a number: kept as written, without a value';
  }
  return q;
}

/** "out of 10", "in five" right after a count: the share it is of a whole, unless the second
 * number is no whole of the first (a year, a length of time: "3 in 2020", "5 in 10 days"). */
function shareAfter(s: string, at: number, numerator: number, r: QuantityRules): { value: number; end: number } | null {
  const m = /^\s+(?:out\s+of|in)\s+/i.exec(s.slice(at, at + 12));
  if (!m) return null;
  const from = at + m[0].length;
  const whole = findNumbers(s.slice(from, from + 24))[0];
  if (!whole || whole.start !== 0 || whole.value < 2 || whole.value > 1000 || numerator >= whole.value) return null;
  const end = from + whole.end;
  if (/^\s*(?:%|percent|per\s*cent)/i.test(s.slice(end, end + 10)) || r.durationAfter.test(s.slice(end, end + 30))) return null;
  return { value: numerator / whole.value, end };
}

/** The words around a scaled number that may make it money: up to 60 characters before and 30
 * after, within its clause and not past another number ("added 12 million paid subscribers,
 * bringing its total to 301 million": "paid" belongs to the first figure). */
function moneyWindow(s: string, start: number, end: number): string {
  const before = s.slice(Math.max(0, start - 60), start).replace(/^[^]*[\d,;:]/, '');
  const after = s.slice(end, end + 30).replace(/[\d,;:][^]*$/, '');
  return `${before} ${after}`;
}
