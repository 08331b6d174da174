/**
 * Readers that turn an anchor into a draft quantity: a number with its currency, scale, percent
 * or unit ("US$ 150 million", "75 USD million", "3-inch", "30 MUSD"), a vague magnitude with its
 * noun, and the compound forms ("3 dollars 50 cents", "5 feet 2 inches").
 */
import type { QuantityRules } from './compile.js';
import { findNumbers, type NumberAnchor } from './numbers.js';
import { currencyAfter, currencyBefore, percentAfter, scaleAfter, unitAfter } from './context.js';
import { blank, multiplierDraft, type Draft } from './draft.js';
import { isEnglishWord } from '../normalize/english-lexicon.js';

const YEAR = /^(1[89]\d\d|20\d\d|2100)$/;

/** "the FTSE 100 index", "the S&P 500 rose", "a Boeing 737", "the Nasdaq 100": a small whole
 * number written right after a name is part of the name, not a count. The name is a word with
 * capitals inside or an "&" ("FTSE", "S&P", "iPhone"), or a capitalized word that is no English
 * word and does not open the sentence ("In 2020", "March 5", "Page 3" are not names); and no
 * currency stands before the number ("Rs 9 crore") and no plural after it, which the number would
 * count ("in Texas 400 people"). Four-digit numbers are left to the year checks. */
function partOfName(s: string, n: NumberAnchor, r: QuantityRules): boolean {
  // "Section 8 housing vouchers", "Phase 3 trials", "No. 1 player": a label's number.
  const label = /(?:^|[\s(])(\p{Lu}\p{L}*\.?) $/u.exec(s.slice(Math.max(0, n.start - 20), n.start))?.[1];
  if (label && r.identifierWord.has(label) && /^\d{1,4}$/.test(n.raw) && !currencyAfter(s, n.end, r) && !r.percentAfter.test(s.slice(n.end, n.end + 40))) return true;
  if (!/^\d{1,4}$/.test(n.raw) || /^1\d{3}$|^2[01]\d{2}$/.test(n.raw) || currencyBefore(s, n.start, r)) return false;
  const name = /(?:^|[\s(])([\p{L}&.-]*\p{Lu}[\p{L}&.-]*[\p{L}]) $/u.exec(s.slice(Math.max(0, n.start - 40), n.start));
  if (!name) return false;
  const word = name[1];
  const inner = /.\p{Lu}|&/u.test(word);
  const opensSentence = n.start - word.length - 1 <= (/^[\s"'“(]*/.exec(s)![0].length);
  if (!inner && (!/^\p{Lu}\p{Ll}+$/u.test(word) || opensSentence || isEnglishWord(word))) return false;
  // Nothing glued to the number ("20%", "5km", "3.5"), and no word after it that makes it a figure.
  const after = s.slice(n.end, n.end + 40);
  if (/^[^\s,;:.!?)"”'’]/u.test(after) || /^\.\d/.test(after)) return false;
  const next = (/^\s+([\p{L}'’-]+)/u.exec(after)?.[1] ?? '').toLowerCase();
  if (/[a-z]s$/.test(next) || r.irregularPlural.has(next) || r.scaleWords.has(next)) return false;
  // ("Apple 5 percent", "Acme 20 dollars", "Acme 3 years": words that make it a figure.)
  return !(r.percentAfter.test(after) || r.durationAfter.test(after) || currencyAfter(s, n.end, r));
}

/** A number in digits or words, with everything that may stand around it. */
export function readNumber(s: string, n: NumberAnchor, r: QuantityRules, inRange = false): Draft | null {
  const before = s[n.start - 1] ?? ' ';
  // Part of an identifier: "GLP-1", "GPT-4", "scp2-173", "A320"; but "USD50" is money.
  if (n.digits && !inRange && before === '-' && /[\p{L}\d]/u.test(s[n.start - 2] ?? '')) return null;
  if (n.digits && /[\p{L}_]/u.test(before) && !currencyBefore(s, n.start, r)) return null;
  if (n.digits && /^\d+\.\d+\.\d+/.test(s.slice(n.start))) return null; // version numbers
  if (n.digits && partOfName(s, n, r)) return null;
  const d = blank(n.start, n.end, 'quantities/numbers');
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
    d.rule = 'quantities/numbers#percent';
    return d;
  }
  const pre = currencyBefore(s, d.start, r);
  if (pre) {
    d.start = pre.at;
    // "-$3 million", "−€2bn": a minus before the currency sign is the figure's (never dropped).
    if ((s[pre.at - 1] === '-' || s[pre.at - 1] === '\u2212') && !/[\p{L}\p{N}]/u.test(s[pre.at - 2] ?? ' ') && d.low > 0) {
      d.low = d.high = -d.low;
      d.start = pre.at - 1;
    }
    d.kind = 'money';
    d.unit = pre.value.iso;
    d.low *= pre.value.scale;
    d.high *= pre.value.scale;
    d.scale *= pre.value.scale;
    d.rule = `quantities/currencies#${pre.value.iso}`;
    if (pre.value.minorName) { d.minor = true; d.unit = pre.value.minorName; }
  }
  let plus = false;
  let hasCurrency = !!pre;
  if (s[pos] === '+') { plus = true; pos++; }
  const multiplierX = /^[x×](?![\p{L}\d])/u.exec(s.slice(pos));
  if (multiplierX && !pre) return multiplierDraft(d.start, pos + 1, d.low, 'quantities/numbers#x-multiplier');
  const fold = r.foldAfter.exec(s.slice(pos));
  if (fold && !pre) return multiplierDraft(d.start, pos + (fold[0].startsWith('-') ? fold[0].length : fold[0].trimEnd().length - 0), d.low, 'quantities/numbers#times-multiplier');
  // Scale, currency and unit may come in either order ("75 USD million", "5 million dollars").
  for (let step = 0; step < 3; step++) {
    // ("4 hundred million": a hundred or thousand may take a larger scale after it.)
    const scale = !d.scaled || d.scale === 100 || d.scale === 1000 ? scaleAfter(s, pos, r) : null;
    if (scale && d.scaled && scale.value <= d.scale) break;
    if (scale && !(d.kind === 'measure')) {
      // Letters that are both a scale and a unit ("300mm", "100t", "48m") are a unit unless money
      // is in play or a counted noun follows ("1.8m users", "$5m").
      const letters = s.slice(pos, scale.at).trim();
      const alsoUnit = r.unitSymbols.has(letters);
      // ("5m of the phones", "between 3m and 4m units": "of" and a determiner, or a second end
      // with a counted noun, make it millions too.)
      const counted = /^\s+(?:[a-z]+s\b|of\s+(?:the|its|their|these|those|his|her|our)\b)|^\s*(?:and|to|or|-)\s*\d[\d.,]*\s?m\s+[a-z]+s\b/.test(s.slice(scale.at, scale.at + 40));
      if (alsoUnit && d.kind !== 'money' && !counted && !currencyAfter(s, scale.at, r)) {
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
      if (cur && !(cur.value.ambiguous && !d.scaled && !r.moneyCue.test(s))) {
        hasCurrency = true;
        d.kind = 'money';
        d.unit = cur.value.minorName ?? cur.value.iso;
        d.minor = cur.value.minor;
        d.low *= cur.value.scale;
        d.high *= cur.value.scale;
        d.scale *= cur.value.scale;
        d.rule = `quantities/currencies#${cur.value.iso}`;
        pos = cur.at;
        continue;
      }
    }
    if (d.kind === null) {
      const pct = percentAfter(s, pos, r);
      if (pct) {
        d.kind = 'percent';
        d.unit = pct.value;
        d.rule = 'quantities/numbers#percent';
        pos = pct.at;
        break;
      }
      // "14 days", "97 years old", "a 45-year-old": a length of time, or an age.
      const time = r.durationAfter.exec(s.slice(pos, pos + 30));
      if (time && !d.scaled) {
        d.kind = time[2] ? 'age' : 'duration';
        d.unit = r.durationUnit.get(time[1].toLowerCase())!;
        d.rule = `quantities/context#${d.kind}`;
        pos += time[0].length;
        break;
      }
      const unit = unitAfter(s, pos, r);
      if (unit) {
        d.kind = 'measure';
        d.unit = unit.value.unit;
        d.rule = `quantities/units#${unit.value.unit}`;
        pos = unit.at;
        pos = compoundMeasure(s, pos, d);
        continue;
      }
    }
    break;
  }
  if (glued && pos === n.end && !plus) {
    // letters glued to digits that no reader took: an identifier or a code ("24703L202")
    return null;
  }
  if (d.kind === 'money' && !d.minor) pos = compoundMoney(s, pos, d, r);
  if (plus) d.bound = 'at_least';
  d.end = pos;
  if (d.kind === null && n.digits && YEAR.test(n.raw) && !d.scaled && !pre) {
    d.kind = 'date';
    d.unit = 'year';
    d.rule = 'quantities/numbers#year';
  }
  return d;
}

/** "tens of thousands", "hundreds of millions", "billions": an interval, then its noun. */
export function readVague(s: string, start: number, end: number, low: number, high: number, r: QuantityRules): Draft {
  const d = blank(start, end, `quantities/vague#${s.slice(start, end).toLowerCase().replace(/\s+/g, ' ')}`);
  d.low = low;
  d.high = high;
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
function compoundMoney(s: string, pos: number, d: Draft, r: QuantityRules): number {
  const m = new RegExp(`^\\s+(?:and\\s+)?(\\d{1,2}|[a-z]+(?:[- ][a-z]+)?)(?:\\s+(?:${r.compoundMinor.source})(?:\\s+\\w+)?)?(?![\\p{L}\\d])`, 'iu').exec(s.slice(pos));
  if (!m) return pos;
  const part = /^\d+$/.test(m[1]) ? Number(m[1]) : findNumbers(m[1]).find((a) => a.start === 0 && a.end === m[1].length)?.value;
  if (part === undefined || part >= 100 || !Number.isInteger(part)) return pos;
  // "10 $ 30 $": the second number has a currency of its own, so it is a second amount.
  if (!r.compoundMinor.test(m[0]) && /^\s*(?:[$€£¥]|dollars?|euros?|usd|eur)/i.test(s.slice(pos + m[0].length))) return pos;
  // Only when a currency word or symbol came right before the minor part, not "$5 and 10 more".
  if (!r.compoundMajor.test(s.slice(d.start, pos))) return pos;
  if (/^\s+(?:and\s+)?\S+\s+(?!cents?|pence)\p{L}/u.test(s.slice(pos)) && !r.compoundMinor.test(m[0])) {
    // "15 dollars 50" ends the sentence or the clause; "$20 and 30 users" does not join.
    const after = s.slice(pos + m[0].length);
    if (/^\s*\p{L}/u.test(after)) return pos;
  }
  d.low += part / 100;
  d.high += part / 100;
  return pos + m[0].length;
}

/** "5 feet 2 inches", "12 ft 2 in": the smaller unit added to the larger one. */
function compoundMeasure(s: string, pos: number, d: Draft): number {
  if (d.unit !== 'foot') return pos;
  const m = /^\s+(?:and\s+)?(\d{1,2})\s*(inches|inch|in)(?![\p{L}])/iu.exec(s.slice(pos));
  if (!m) return pos;
  d.low += Number(m[1]) / 12;
  d.high += Number(m[1]) / 12;
  return pos + m[0].length;
}

