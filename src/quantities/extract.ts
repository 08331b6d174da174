/**
 * The quantity stage: every figure in a sentence with its value, bound, unit and rate.
 * Anchors (numbers in digits or words, vague magnitudes, multiplier words) are extended left and
 * right by the readers of context.ts; what a rule file lists (scales, currencies, bound words,
 * units) is data, the order of reading is here.
 */
import type { Bound, Quantity, QuantityKind } from '../types.js';
import type { QuantityRules } from './compile.js';
import { findNumbers, NUMBER_WORD_HINT, type NumberAnchor } from './numbers.js';
import {
  boundAfter, boundBefore, countNounAfter, currencyAfter, currencyBefore, percentAfter, perAfter, scaleAfter, unitAfter,
} from './context.js';

/** A quantity found in a sentence, with offsets into the sentence and extra reading aids. */
export interface SentenceQuantity extends Omit<Quantity, 'rule'> {
  rule: string;
  /** Words between the number and its counted noun ("weekly" of "1 billion weekly users"). */
  modifiers: string[];
  /** A bare year ("in 2015"): a claim of its own only when nothing else in the sentence is. */
  yearLike: boolean;
}

interface Draft {
  start: number;
  end: number;
  low: number;
  high: number;
  exact: boolean;
  kind: QuantityKind | null;
  unit: string;
  currencyImplied?: boolean;
  bound: Bound;
  per: string | null;
  modifiers: string[];
  rule: string;
  scaled: boolean;
  /** The product of the scales applied ("million", the M of "MUSD"). */
  scale: number;
  vague: boolean;
  minor: boolean;
}

/** Money words in a sentence that make a bare "tens of billions" an amount of money. */
const MONEY_CUE = /\b(sold|sells?|selling|bought|buys?|charged?|fees?|fines?|salary|salaries|wages?|worth|valu(e|ed|ation)s?|revenues?|sales|raised?|raising|fund(s|ing|ed)?|spend(s|ing)?|spent|costs?|invest(s|ed|ing|ment)?|capital|profits?|earn(s|ed|ings)?|paid|pay|price[sd]?|budget|debt|loans?|deals?|market cap)\b/i;
const YEAR = /^(1[89]\d\d|20\d\d|2100)$/;

/** Extracts quantities from one sentence. Offsets are relative to `s`. */
export function extractQuantities(s: string, r: QuantityRules): SentenceQuantity[] {
  // Most sentences have no figure: one cheap test before the anchor regexes.
  if (!/[\d½¼¾⅓⅔⅛]/.test(s) && !NUMBER_WORD_HINT.test(s) && !r.anyWordAnchor.test(s)) return [];
  const taken: { start: number; end: number }[] = [];
  const isTaken = (a: number, b: number) => taken.some((t) => a < t.end && t.start < b);
  const out: SentenceQuantity[] = [];
  const blocked = blockedRanges(s);

  const anchors: { start: number; end: number; read: () => Draft | null }[] = [];
  const wordAnchors = r.anyWordAnchor.test(s);
  r.vagueLead.lastIndex = 0;
  for (let m = wordAnchors ? r.vagueLead.exec(s) : null; m; m = r.vagueLead.exec(s)) {
    const lead = r.vague.get(m[1].toLowerCase().replace(/\s+/g, ' '))!;
    const scale = m[2] ? r.vagueScaled.get(m[2].toLowerCase())! : 1;
    const start = m.index, end = m.index + m[0].length;
    anchors.push({ start, end, read: () => readVague(s, start, end, lead.low * scale, lead.high * scale, r) });
  }
  r.multiplier.lastIndex = 0;
  for (let m = wordAnchors ? r.multiplier.exec(s) : null; m; m = r.multiplier.exec(s)) {
    const value = r.multiplierValue.get(m[1].toLowerCase().replace(/\s+/g, ' '))!;
    const start = m.index, end = m.index + m[0].length;
    anchors.push({ start, end, read: () => multiplierDraft(start, end, value, 'quantities.multiplier.word') });
  }
  for (const n of findNumbers(s)) anchors.push({ start: n.start, end: n.end, read: () => readNumber(s, n, r) });
  // Longer anchors first at the same place, then left to right.
  anchors.sort((a, b) => a.start - b.start || b.end - a.end);

  for (const anchor of anchors) {
    if (isTaken(anchor.start, anchor.end) || blocked.some((b) => anchor.start < b.end && b.start < anchor.end)) continue;
    const d = anchor.read();
    if (!d || isTaken(d.start, d.end)) continue;
    const range = readRange(s, d, r);
    const q = finish(s, range ?? d, r);
    if (!q) continue;
    taken.push({ start: q.span.start, end: q.span.end });
    out.push(q);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Phone numbers, clock times, URLs: digits that are never quantities. */
const BLOCKED = new RegExp([
  /\+?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/.source, // phone numbers
  /\+\d{1,3}[\s.-]\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{0,4}/.source,
  /\b\d{1,2}(?::\d{2})+\s*(?:[ap]\.?m\.?)?(?![\w])/.source, // 2:00 pm
  /\b\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])/u.source, // 6pm
  /\bhttps?:\/\/\S+|\bwww\.\S+/.source, // URLs
  /\b\d+(?:st|nd|rd|th)\b/.source, // ordinals
].join('|'), 'giu');

function blockedRanges(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of s.matchAll(BLOCKED)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function blank(start: number, end: number, rule: string): Draft {
  return { start, end, low: NaN, high: NaN, exact: true, kind: null, unit: '', bound: 'exact', per: null, modifiers: [], rule, scaled: false, scale: 1, vague: false, minor: false };
}

function multiplierDraft(start: number, end: number, value: number, rule: string): Draft {
  return { ...blank(start, end, rule), low: value, high: value, kind: 'multiplier', unit: 'times' };
}

/** A number in digits or words, with everything that may stand around it. */
function readNumber(s: string, n: NumberAnchor, r: QuantityRules, inRange = false): Draft | null {
  const before = s[n.start - 1] ?? ' ';
  // Part of an identifier: "GLP-1", "GPT-4", "scp2-173", "A320"; but "USD50" is money.
  if (n.digits && !inRange && before === '-' && /[\p{L}\d]/u.test(s[n.start - 2] ?? '')) return null;
  if (n.digits && /[\p{L}_]/u.test(before) && !currencyBefore(s, n.start, r)) return null;
  if (n.digits && /^\d+\.\d+\.\d+/.test(s.slice(n.start))) return null; // version numbers
  const d = blank(n.start, n.end, 'quantities.number');
  d.low = d.high = n.value;
  if (/\b(minus|negative)\s+$/i.test(s.slice(Math.max(0, n.start - 10), n.start))) {
    d.low = d.high = -n.value;
    d.start = s.slice(0, n.start).search(/(minus|negative)\s+$/i);
  }
  let pos = n.end;
  // Letters glued to digits must be something we read (scale, unit, currency, "x"), else it is a code.
  const glued = /^\p{L}+\d*/u.exec(s.slice(pos));
  // "percent of 10", "per cent of twenty-two": the figure after is the percentage.
  const pctOf = /(?:^|[^\p{L}])((?:percents?|per cent|percentage)\s+of\s+)$/iu.exec(s.slice(Math.max(0, n.start - 24), n.start));
  if (pctOf) {
    d.start = n.start - pctOf[1].length;
    d.kind = 'percent';
    d.unit = 'percent';
    d.rule = 'quantities.percent';
    return d;
  }
  const pre = currencyBefore(s, d.start, r);
  if (pre) {
    d.start = pre.at;
    d.kind = 'money';
    d.unit = pre.value.iso;
    d.low *= pre.value.scale;
    d.high *= pre.value.scale;
    d.scale *= pre.value.scale;
    d.rule = 'quantities.money';
    if (pre.value.minorName) { d.minor = true; d.unit = pre.value.minorName; }
  }
  let plus = false;
  let hasCurrency = !!pre;
  if (s[pos] === '+') { plus = true; pos++; }
  const multiplierX = /^[x×](?![\p{L}\d])/u.exec(s.slice(pos));
  if (multiplierX && !pre) return multiplierDraft(d.start, pos + 1, d.low, 'quantities.multiplier.x');
  const fold = /^(?:-fold|\s+times\s+(?=(?:more|larger|bigger|higher|greater|faster|as|the|over|smaller|less|fewer|cheaper)\b))/i.exec(s.slice(pos));
  if (fold && !pre) return multiplierDraft(d.start, pos + (fold[0].startsWith('-') ? fold[0].length : fold[0].trimEnd().length - 0), d.low, 'quantities.multiplier.times');
  // Scale, currency and unit may come in either order ("75 USD million", "5 million dollars").
  for (let step = 0; step < 3; step++) {
    const scale = !d.scaled ? scaleAfter(s, pos, r) : null;
    if (scale && !(d.kind === 'measure')) {
      // Letters that are both a scale and a unit ("300mm", "100t", "48m") are a unit unless money
      // is in play or a counted noun follows ("1.8m users", "$5m").
      const letters = s.slice(pos, scale.at).trim();
      const alsoUnit = r.unitSymbols.has(letters);
      if (alsoUnit && d.kind !== 'money' && !/^\s+[a-z]+s\b/.test(s.slice(scale.at)) && !currencyAfter(s, scale.at, r)) {
        // leave it to the unit reader
      } else {
        d.low *= scale.value;
        d.high *= scale.value;
        d.scale *= scale.value;
        d.scaled = true;
        pos = scale.at;
        if (s[pos] === '+') { plus = true; pos++; }
        continue;
      }
    }
    if (!hasCurrency && (d.kind === null || d.kind === 'money')) {
      const cur = currencyAfter(s, pos, r);
      // "25 pounds" is a weight unless money is in play ("£", a scale, a money word).
      if (cur && !(cur.value.ambiguous && cur.value.iso === 'GBP' && !d.scaled && !MONEY_CUE.test(s) && !/£/.test(s))) {
        hasCurrency = true;
        d.kind = 'money';
        d.unit = cur.value.minorName ?? cur.value.iso;
        d.minor = cur.value.minor;
        d.low *= cur.value.scale;
        d.high *= cur.value.scale;
        d.scale *= cur.value.scale;
        d.rule = 'quantities.money';
        pos = cur.at;
        continue;
      }
    }
    if (d.kind === null) {
      const pct = percentAfter(s, pos);
      if (pct) {
        d.kind = 'percent';
        d.unit = pct.value;
        d.rule = 'quantities.percent';
        pos = pct.at;
        break;
      }
      const unit = unitAfter(s, pos, r);
      if (unit) {
        d.kind = 'measure';
        d.unit = unit.value.unit;
        d.rule = 'quantities.measure';
        pos = unit.at;
        pos = compoundMeasure(s, pos, d, r);
        continue;
      }
    }
    break;
  }
  if (glued && pos === n.end && !plus) {
    // letters glued to digits that no reader took: an identifier or a code ("24703L202")
    return null;
  }
  if (d.kind === 'money' && !d.minor) pos = compoundMoney(s, pos, d);
  if (plus) d.bound = 'at_least';
  d.end = pos;
  if (d.kind === null && n.digits && YEAR.test(n.raw) && !d.scaled && !pre) {
    d.kind = 'date';
    d.unit = 'year';
    d.rule = 'quantities.year';
  }
  return d;
}

/** "tens of thousands", "hundreds of millions", "billions": an interval, then its noun. */
function readVague(s: string, start: number, end: number, low: number, high: number, r: QuantityRules): Draft {
  const d = blank(start, end, 'quantities.vague');
  d.low = low;
  d.high = high;
  d.exact = false;
  d.vague = true;
  d.scaled = true;
  d.bound = 'range';
  const of = /^\s+of\s+/i.exec(s.slice(end));
  if (of) {
    const cur = currencyAfter(s, end + of[0].length - 1, r);
    if (cur) {
      d.kind = 'money';
      d.unit = cur.value.iso;
      d.end = cur.at;
    }
  }
  return d;
}

/** "3 dollars 50 cents", "15 dollars and 15": the minor part added to the major one. */
function compoundMoney(s: string, pos: number, d: Draft): number {
  const m = /^\s+(?:and\s+)?(\d{1,2}|[a-z]+(?:[- ][a-z]+)?)(?:\s+(?:cents?|pence|mao(?:\s+\w+)?))?(?![\p{L}\d])/iu.exec(s.slice(pos));
  if (!m) return pos;
  const part = /^\d+$/.test(m[1]) ? Number(m[1]) : findNumbers(m[1]).find((a) => a.start === 0 && a.end === m[1].length)?.value;
  if (part === undefined || part >= 100 || !Number.isInteger(part)) return pos;
  // "10 $ 30 $": the second number has a currency of its own, so it is a second amount.
  if (!/cents?|pence|mao/i.test(m[0]) && /^\s*(?:[$€£¥]|dollars?|euros?|usd|eur)/i.test(s.slice(pos + m[0].length))) return pos;
  // Only when a currency word or symbol came right before the minor part, not "$5 and 10 more".
  if (!/(dollars?|\$|euros?|€|pounds?|£|usd|yuan|kuai|cad|us dollars?)\s*$/i.test(s.slice(d.start, pos))) return pos;
  if (/^\s+(?:and\s+)?\S+\s+(?!cents?|pence)\p{L}/u.test(s.slice(pos)) && !/cents?|pence/.test(m[0])) {
    // "15 dollars 50" ends the sentence or the clause; "$20 and 30 users" does not join.
    const after = s.slice(pos + m[0].length);
    if (/^\s*\p{L}/u.test(after)) return pos;
  }
  d.low += part / 100;
  d.high += part / 100;
  return pos + m[0].length;
}

/** "5 feet 2 inches", "12 ft 2 in": the smaller unit added to the larger one. */
function compoundMeasure(s: string, pos: number, d: Draft, r: QuantityRules): number {
  if (d.unit !== 'foot') return pos;
  const m = /^\s+(?:and\s+)?(\d{1,2})\s*(inches|inch|in)(?![\p{L}])/iu.exec(s.slice(pos));
  if (!m) return pos;
  void r;
  d.low += Number(m[1]) / 12;
  d.high += Number(m[1]) / 12;
  return pos + m[0].length;
}

/** "$13-15", "$125-$250", "between 25% and 40%", "10 to 20 million": two ends, one quantity. */
function readRange(s: string, first: Draft, r: QuantityRules): Draft | null {
  if (first.vague || first.kind === 'multiplier') return null;
  const between = /\b(between|from)\s+$/i.test(s.slice(Math.max(0, first.start - 12), first.start)) ||
    /\b(between|from)\s+\S*$/i.test(s.slice(Math.max(0, first.start - 14), first.start));
  const joint = /^\s*(?:-|to|and|through|or)\s*/i.exec(s.slice(first.end));
  if (!joint) return null;
  if (/and|or/i.test(joint[0]) && !between) return null;
  if (/^\s*-\s*$/.test(joint[0]) === false && /-/.test(joint[0]) === false && /to/i.test(joint[0]) && !between && first.kind === null) {
    // "one to one", "2 to 1": a ratio or idiom unless money/percent ends it
  }
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
  const merged: Draft = { ...second, start: first.start, low, high: second.high, bound: 'range', exact: false };
  merged.kind = second.kind ?? first.kind;
  merged.unit = second.unit || first.unit;
  merged.rule = (merged.kind === 'money' ? 'quantities.money' : merged.kind === 'percent' ? 'quantities.percent' : 'quantities.number') + '.range';
  return merged;
}

function tidy(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}


/** Bounds, rates, counted nouns and the final kind. */
function finish(s: string, d: Draft, r: QuantityRules): SentenceQuantity | null {
  let bound: Bound = d.bound;
  const before = boundBefore(s, d.start, r);
  if (before && bound !== 'range') {
    if (bound !== 'at_least') bound = before.value;
    d.start = before.at;
  }
  const after = bound === 'range' ? null : boundAfter(s, d.end, r);
  if (after && after.value !== 'approx') {
    bound = after.value;
    d.end = after.at;
  } else if (after && bound === 'exact') {
    bound = 'approx';
    d.end = after.at;
  }
  const per = d.kind === 'money' || d.kind === null || d.kind === 'count' ? perAfter(s, d.end) : null;
  if (per) {
    d.per = per.value;
    d.end = per.at;
  }
  let kind = d.kind;
  let unit = d.unit;
  let implied = false;
  if (kind === null) {
    const noun = countNounAfter(s, d.end, d.scaled || d.vague);
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
    } else if (d.scaled && d.low >= 1e6 && MONEY_CUE.test(s)) {
      kind = 'money';
      unit = /€/.test(s) ? 'EUR' : /£/.test(s) ? 'GBP' : 'USD';
      implied = true;
    } else kind = 'count';
  }
  if (kind === 'money' && d.per === null) {
    const per2 = perAfter(s, d.end);
    if (per2) { d.per = per2.value; d.end = per2.at; }
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
    rule: ratio ? 'quantities.ratio' : d.rule + (implied ? '.implied' : ''),
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
  return q;
}
