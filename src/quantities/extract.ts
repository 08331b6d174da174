/**
 * The quantity stage: every figure in a sentence with its value, bound, unit and rate.
 * Anchors (numbers in digits or words, vague magnitudes, multiplier words) are extended left and
 * right by the readers of context.ts; what a rule file lists (scales, currencies, bound words,
 * units) is data, the order of reading is here.
 */
import type { QuantityRules } from './compile.js';
import { findNumbers, NUMBER_WORD_HINT } from './numbers.js';
import { multiplierDraft, type Draft, type SentenceQuantity } from './draft.js';
import { readNumber, readVague } from './read-number.js';
import { readRange } from './range.js';
import { finish } from './finish.js';
import { StartScanner } from '../util/regex.js';
import { wordBefore } from '../util/position.js';

export type { SentenceQuantity } from './draft.js';

/** The figures of one sentence of a block. In a table a bare number takes what its column header
 * says of it ("Subscribers (millions) | 89" is 89 million subscribers, "Revenue ($bn) | 4.2" is
 * $4.2 billion, "Share (%) | 31" is 31%), else a bare count its noun from the row label ("Weekly
 * users | 800 million"); such a figure is marked `unitFromLabel`. */
export function sentenceFigures(s: string, r: QuantityRules, rowLabel?: string, header?: string): SentenceQuantity[] {
  const figures = extractQuantities(s, r);
  const column = header ? headerUnit(header, r) : null;
  if (column) {
    for (const q of figures) {
      if (q.kind !== 'count' || q.unit || q.value === null && q.low === null) continue;
      const scaled = (v: number | null) => (v === null ? null : v * column.scale);
      Object.assign(q, { kind: column.kind, unit: column.unit, value: scaled(q.value), low: scaled(q.low), high: scaled(q.high), unitFromLabel: true });
    }
  }
  const labelNoun = rowLabel ? /([A-Za-z][\w-]*s)\s*$/.exec(rowLabel)?.[1] : undefined;
  if (labelNoun) for (const q of figures) if (q.kind === 'count' && !q.unit) Object.assign(q, { unit: labelNoun, unitFromLabel: true });
  return figures;
}

/** What a column header says of the bare numbers under it: a parenthesis (or a trailing "in …")
 * with a scale, a currency or a percent sign, read by the same readers as a figure ("$bn" is read
 * as "$1bn"); the counted noun is the header's plural before it. Null when it says none. */
function headerUnit(header: string, r: QuantityRules): { scale: number; kind: 'count' | 'money' | 'percent'; unit: string } | null {
  const m = /^(.*?)\s*\(\s*(?:in\s+)?([^()]{1,24}?)\s*\)\s*$/i.exec(header) ?? /^(.*?),?\s+in\s+([^\s].{0,23})$/i.exec(header);
  if (!m) return null;
  const said = m[2].replace(/\b(thousand|million|billion|trillion)s\b/gi, '$1');
  if (/^(?:%|per ?cent|percent)$/i.test(said)) return { scale: 1, kind: 'percent', unit: 'percent' };
  // The currency before the number, the scale after it: "$bn" → "$1bn", "US$ million" → "US$1 million".
  const cur = /^(?:[A-Z]{3}\s|[^\sA-Za-z\d]{1,3}|[A-Z]{1,2}\$)/.exec(said)?.[0] ?? '';
  const rest = said.slice(cur.length).trim();
  const probe = `${cur}1${rest ? (rest.length <= 2 ? rest : ` ${rest}`) : ''}`;
  const q = extractQuantities(probe, r);
  if (q.length !== 1 || q[0].value === null || q[0].span.start !== 0 || q[0].span.end !== probe.length) return null;
  if (q[0].kind === 'money') return { scale: q[0].value, kind: 'money', unit: q[0].unit };
  const noun = /([A-Za-z][\w-]*s)\s*$/.exec(m[1])?.[1];
  return q[0].kind === 'count' && !q[0].unit && noun && q[0].value > 1 ? { scale: q[0].value, kind: 'count', unit: noun.toLowerCase() } : null;
}

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
    if (r.multiplierNotBefore.test(s.slice(end, end + 16))) continue;
    if (r.multiplierAdjectiveAfter.test(s.slice(Math.max(0, start - 8), start)) && r.multiplierNoun.test(s.slice(end, end + 16))) continue;
    anchors.push({ start, end, read: () => multiplierDraft(start, end, value, `quantities/multipliers#${m[1].toLowerCase()}`) });
  }
  r.fraction.lastIndex = 0;
  for (let m = wordAnchors ? r.fraction.exec(s) : null; m; m = r.fraction.exec(s)) {
    // (Group 1: a share, before "of"; group 2: a change, after "fell by".)
    const word = m[1] ?? m[2];
    const value = r.fractionValue.get(word.toLowerCase().replace(/\s+/g, ' '))!;
    const start = m.index, end = m.index + word.length;
    const phrase = word.toLowerCase();
    anchors.push({ start, end, read: () => ({ ...multiplierDraft(start, end, value, `quantities/multipliers#${phrase}`), kind: 'ratio', unit: 'ratio' }) });
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
  out.sort((a, b) => a.span.start - b.span.start);
  // "killed 2,000 people and injured 10,000 more": a bare count counts what the count before it
  // does; "won 411 of the 650 seats": what the count after it, of which it is a part, does.
  for (const [i, q] of out.entries()) {
    // "The company sold 10.5 million vehicles, while Volkswagen sold 9.2 million": a bare scaled
    // number after the same verb as a count before it counts the same (no sum is implied).
    if ((q.kind === 'count' && !q.unit) || q.implied) {
      // (A verb, not a function word, "the 2 whose titles", "of 120 members", nor a name, "The
      // Sims 2": a word in lower case.)
      const before = wordBefore(s, q.span.start);
      const verb = before && /^\p{Ll}/u.test(before) && !r.notCountedNoun.has(before) ? before : null;
      const same = verb ? out.slice(0, i).reverse().find((p) => p.kind === 'count' && p.unit && wordBefore(s, p.span.start) === verb) : undefined;
      if (same) {
        Object.assign(q, { kind: 'count', unit: same.unit });
        delete q.implied;
        continue;
      }
    }
    if (q.kind !== 'count' || q.unit) continue;
    if (r.sameCountedAfter.test(s.slice(q.span.end, q.span.end + 16))) {
      const before = out.slice(0, i).reverse().find((p) => p.kind === 'count' && p.unit);
      if (before) q.unit = before.unit;
      continue;
    }
    // "Romania reported the most cases, with 12,100, followed by Kazakhstan with 9,800": a bare
    // count right after "with" counts the plural just before it, or what the count before it does.
    const withAt = /(?:\b(\p{Ll}+(?<!s)s),)?\s+with\s+$/u.exec(s.slice(Math.max(0, q.span.start - 40), q.span.start));
    // (Only a count that ends its phrase: "with 3 or 4 other previews" counts what follows.)
    if (withAt && /^\s*(?:[,.;:)]|$|and\b|followed\b)/.test(s.slice(q.span.end))) {
      const before = out.slice(0, i).reverse().find((p) => p.kind === 'count' && p.unit);
      const unit = withAt[1] && !r.notCountedNoun.has(withAt[1]) ? withAt[1] : before?.unit;
      if (unit) q.unit = unit;
      continue;
    }
    const of = /^\s+of\s+(?:the\s+)?$/i;
    const whole = out[i + 1];
    // ("1 of the 3 …" singles one out: it counts nothing.)
    if (whole && whole.kind === 'count' && whole.unit && (q.value ?? 0) > 1 && of.test(s.slice(q.span.end, whole.span.start))) q.unit = whole.unit;
  }
  return out;
}

/** Phone numbers, clock times, URLs: digits that are never quantities. Every alternative starts
 * with a digit, "+", "(", "±" or the first letter of "http", "www" or "plus or minus" (the
 * emergency-number one starts at its digits, after a lookbehind). */
const BLOCKED = new StartScanner(new RegExp([
  /\+?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/.source, // phone numbers
  /\+\d{1,3}[\s.-]\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{0,4}/.source,
  /\b\d{1,2}(?::\d{2})+\s*(?:[ap]\.?m\.?)?(?![\w])/.source, // 2:00 pm
  /\b\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])/u.source, // 6pm
  /\bhttps?:\/\/\S+|\bwww\.\S+/.source, // URLs
  /(?:\bplus or minus|±)\s*\d[\d.,]*\s*%?/.source, // a tolerance on another figure, not a figure
  /\b\d+(?:st|nd|rd|th)\b/.source, // ordinals
  /\(\d{1,2}\s?[MFmf]\)/.source, // an age and sex tag after a person: "I (25m)", "my wife (31F)"
  /(?<=\b(?:[Cc]all|[Dd]ial|dialled|dialed|[Rr]ing|phoned|called)\s+)\d{2,4}\b/.source, // "call 911", "dial 999"
].join('|'), 'giu'), ['+', '(', '±', 'h', 'w', 'p', ...'0123456789']);

/** A ZIP code after a state code, a comma or "to/at/in/from", before a place name or the end:
 * "CA 90210", "to 90210 Beverly Hills" (case matters here, so it is not one of BLOCKED). */
const ZIP = /(?<=(?:\b[A-Z]{2}|,|\b(?:to|at|in|from))\s)\d{5}(?:-\d{4})?(?=\s+\p{Lu}\p{Ll}|\s*$|[,.])/gu;

function blockedRanges(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of s.matchAll(ZIP)) out.push({ start: m.index!, end: m.index! + m[0].length });
  BLOCKED.lastIndex = 0;
  for (let m = BLOCKED.exec(s); m; m = BLOCKED.exec(s)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

