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

export type { SentenceQuantity } from './draft.js';

/** The figures of one sentence of a block. In a table a bare count takes its noun from the row
 * label ("Weekly users | 800 million"); such a figure is marked `unitFromLabel`. */
export function sentenceFigures(s: string, r: QuantityRules, rowLabel?: string): SentenceQuantity[] {
  const figures = extractQuantities(s, r);
  const labelNoun = rowLabel ? /([A-Za-z][\w-]*s)\s*$/.exec(rowLabel)?.[1] : undefined;
  if (labelNoun) for (const q of figures) if (q.kind === 'count' && !q.unit) Object.assign(q, { unit: labelNoun, unitFromLabel: true });
  return figures;
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
    const value = r.fractionValue.get(m[1].toLowerCase().replace(/\s+/g, ' '))!;
    const start = m.index, end = m.index + m[1].length;
    const phrase = m[1].toLowerCase();
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
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Phone numbers, clock times, URLs: digits that are never quantities. Every alternative starts
 * with a digit, "+", "(", "±" or the first letter of "http", "www" or "plus or minus". */
const BLOCKED = new StartScanner(new RegExp([
  /\+?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/.source, // phone numbers
  /\+\d{1,3}[\s.-]\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{0,4}/.source,
  /\b\d{1,2}(?::\d{2})+\s*(?:[ap]\.?m\.?)?(?![\w])/.source, // 2:00 pm
  /\b\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])/u.source, // 6pm
  /\bhttps?:\/\/\S+|\bwww\.\S+/.source, // URLs
  /(?:\bplus or minus|±)\s*\d[\d.,]*\s*%?/.source, // a tolerance on another figure, not a figure
  /\b\d+(?:st|nd|rd|th)\b/.source, // ordinals
  /\(\d{1,2}\s?[MFmf]\)/.source, // an age and sex tag after a person: "I (25m)", "my wife (31F)"
].join('|'), 'giu'), ['+', '(', '±', 'h', 'w', 'p', ...'0123456789']);

function blockedRanges(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  BLOCKED.lastIndex = 0;
  for (let m = BLOCKED.exec(s); m; m = BLOCKED.exec(s)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

