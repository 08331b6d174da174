/**
 * Number anchors in a sentence: digits (thousands separators, decimal points or commas, Indian
 * grouping, PTB-spaced "80 , 000"), fractions ("10 1/2", "½"), and number words ("four",
 * "forty-five", "a dozen", "two-thirds"). Values of number words come from compromise, cached.
 */
import { compromise } from '../util/compromise.js';
import { BoundedMemo } from '../util/memo.js';

export interface NumberAnchor {
  start: number;
  end: number;
  value: number;
  /** Written in digits (vs words). */
  digits: boolean;
  /** The digits as written, for year and identifier checks. */
  raw: string;
}

const DIGITS = String.raw`(?:\d+(?:\.\d+)?[eE][+-]?\d{1,3}(?![\p{L}\d])` + // scientific notation 3.2e6
  String.raw`|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?` + // Indian grouping 12,34,567.89
  String.raw`|\d{1,3}(?:,\d{3})+(?:\.\d+)?` + // 1,234,567.89
  String.raw`|\d{1,3}(?: , \d{3})+(?: \. \d+)?` + // PTB tokenised "80 , 000"
  String.raw`|\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d)` + // European 1.234,56
  String.raw`|\d+,\d{1,2}(?=\s*(?:million|billion|trillion|mn|bn|m|b)\b)` + // decimal comma "3,5 million"
  String.raw`|\d+(?:\.\d+)?|\.\d+)`;
// (A decimal over a whole is a score, "2.5/5": read whole so it can be told apart as a rating.)
const FRACTION = String.raw`(?:(\d+)\s+)?(\d+(?:\.\d+)?)/(\d+)`;
const VULGAR: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125 };

const ONES = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SMALL = `(?:(?:${TENS})(?:[- ](?:${ONES}))?|${ONES})`;
const BIG = 'hundred|thousand|million|billion|trillion';
/** "three hundred and forty-five thousand", "a hundred", "one dozen". */
const WORDS = `(?:(?:${SMALL})[- ](?:halves|thirds|quarters|fifths|tenths|half|third|quarter|fifth|tenth)|three quarters|a dozen|a half|a quarter|quarter(?= (?:thousand|million|billion|trillion))|${SMALL}(?:[- ](?:${BIG})(?:(?: and)? ${SMALL})?)*|a (?:${BIG})(?:[- ](?:${BIG}))*(?:(?: and)? ${SMALL})?|dozen|half)`;
const FRACTION_WORDS: Record<string, number> = { half: 0.5, halves: 0.5, third: 1 / 3, thirds: 1 / 3, quarter: 0.25, quarters: 0.25, fifth: 0.2, fifths: 0.2, tenth: 0.1, tenths: 0.1 };

const ANCHOR = new RegExp(String.raw`(?<![\d.,_])(?:(?<frac>${FRACTION})|(?<num>${DIGITS})|(?<vulgar>[½¼¾⅓⅔⅛]))|(?<![\w-])(?<words>${WORDS})(?![\w])`, 'giu');

const wordCache = new BoundedMemo<string, number | null>();

/** Words any number-in-words anchor starts with or contains: a sentence without a digit and
 * without any of these has no number anchor, and the big regex is not run on it. */
export const NUMBER_WORD_HINT = new RegExp(`(?<![\\p{L}])(?:${ONES}|${TENS}|${BIG}|dozen|half|quarters?|halves|thirds|fifths|tenths)(?![\\p{L}])`, 'iu');

/** Every number anchor in `text`, left to right, with offsets into `text`. */
export function findNumbers(text: string): NumberAnchor[] {
  const out: NumberAnchor[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (g.frac) {
      const whole = m[2] ? Number(m[2]) : 0;
      const den = Number(m[4]);
      if (den === 0) continue;
      // "9/11", "7/14": a month and a day, not a fraction (a sixteenth, "3/16 inch", is one).
      if (!m[2] && /^\d{1,2}$/.test(m[3]) && Number(m[3]) >= 1 && Number(m[3]) <= 12 && den > 10 && den <= 31 && den !== 16) continue;
      out.push({ start, end, value: whole + Number(m[3]) / den, digits: true, raw: m[0] });
    } else if (g.num) {
      const value = digitValue(g.num);
      let vEnd = end;
      let v = value;
      // A vulgar fraction glued to digits: "5½".
      const glued = VULGAR[text[end]];
      if (glued !== undefined) {
        v += glued;
        vEnd++;
      }
      // A minus sign right before the digits, not after a digit or letter ("10-20", "COVID-19"):
      // "-3.2%", "−0.4 points". A minus is never dropped.
      const minus = (text[start - 1] === '-' || text[start - 1] === '\u2212') && !/[\p{L}\p{N}]/u.test(text[start - 2] ?? ' ');
      if (minus) out.push({ start: start - 1, end: vEnd, value: -v, digits: true, raw: text.slice(start - 1, start) + g.num });
      else out.push({ start, end: vEnd, value: v, digits: true, raw: g.num });
    } else if (g.vulgar) out.push({ start, end, value: VULGAR[g.vulgar], digits: true, raw: g.vulgar });
    else if (g.words) {
      const value = wordValue(g.words);
      if (value !== null) out.push({ start, end, value, digits: false, raw: g.words });
    }
  }
  return out;
}

/** The value of digits as written, reading separators by their pattern. */
export function digitValue(raw: string): number {
  const s = raw.replace(/ /g, '');
  if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return Number(s.replace(/,/g, ''));
}

/** The value of a number phrase in words, or null when it is not one ("a" alone). */
export function wordValue(phrase: string): number | null {
  const key = phrase.toLowerCase().replace(/\s+/g, ' ');
  const known = wordCache.get(key);
  if (known !== undefined) return known;
  let value: number | null = null;
  const frac = /^(.+)[- ](halves|thirds|quarters|fifths|tenths|half|third|quarter|fifth|tenth)$/.exec(key);
  if (key === 'a' || key === 'dozen') value = key === 'dozen' ? 12 : null;
  else if (key === 'a dozen') value = 12;
  else if (key === 'half' || key === 'a half') value = 0.5;
  else if (key === 'a quarter' || key === 'quarter') value = 0.25;
  else if (key === 'three quarters') value = 0.75;
  else if (frac && !/(hundred|thousand|million|billion|trillion)$/.test(key)) {
    const n = wordValue(frac[1]);
    value = n === null ? null : n * FRACTION_WORDS[frac[2]];
  } else {
    // compromise reads "a hundred", "forty-five", "three hundred and two" reliably.
    const got = compromise()(key.replace(/^a /, 'one ')).numbers().get() as number[];
    value = got.length === 1 && Number.isFinite(got[0]) ? got[0] : null;
  }
  return wordCache.set(key, value);
}
