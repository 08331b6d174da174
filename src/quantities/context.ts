/**
 * What stands around a number: currency and bound words before it; scale, currency, percent,
 * unit, rate and counted noun after it. Each reader takes the sentence and a position and
 * returns what it found with the position after it, or null.
 */
import type { Bound } from '../types.js';
import type { CurrencyInfo, QuantityRules, UnitInfo } from './compile.js';
import { wordBefore } from '../util/position.js';

export interface Found<T> {
  value: T;
  /** Offset in the sentence: start of the find (left readers) or end of it (right readers). */
  at: number;
}

/** A currency written before the number: "$", "US$", "c $", "EUR ", "MUSD " (M = million). */
export function currencyBefore(s: string, start: number, r: QuantityRules): Found<CurrencyInfo & { scale: number }> | null {
  const before = s.slice(Math.max(0, start - 12), start);
  const trimmed = before.replace(/ ?$/, '');
  const m = r.currencyPrefix.exec(trimmed);
  if (m) {
    const info = r.prefixIso.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    // "sen 100" needs a word boundary before the prefix word.
    const prevChar = trimmed[m.index - 1] ?? ' ';
    if (info && !(/\p{L}$/u.test(m[0]) && /\p{L}/u.test(prevChar))) return { value: { ...info, scale: 1 }, at: start - (before.length - m.index) };
  }
  const code = /(?:^|[^\p{L}])(M?)([A-Z]{3})\s?$/u.exec(before);
  if (code) {
    // Before a number only capitals count: "pen 7 times" is no Peruvian money.
    const iso = code[2];
    if (r.codes.has(iso) || r.isoCode(iso)) {
      const text = code[1] + code[2];
      return { value: { iso: iso === 'RMB' ? 'CNY' : iso, minor: false, ambiguous: false, scale: code[1] ? 1e6 : 1 }, at: start - (before.length - before.lastIndexOf(text)) };
    }
  }
  return null;
}

/** A bound phrase before the quantity ("up to", "roughly", "~", "more than"). */
export function boundBefore(s: string, start: number, r: QuantityRules): Found<Bound> | null {
  const before = s.slice(Math.max(0, start - 30), start);
  const m = r.before.exec(before);
  if (!m) return null;
  const bound = r.beforeBound.get(m[1].toLowerCase().replace(/\s+/g, ' '));
  const at = start - (before.length - before.lastIndexOf(m[1]));
  // ("Airbus handed over 61 jets": the verb's particle, not a bound.)
  const verb = wordBefore(s, at)?.toLowerCase();
  if (verb && r.particleVerbs.has(verb) && !/\s/.test(m[1])) return null;
  return bound ? { value: bound, at } : null;
}

/** A scale after the number: glued ("1.5bn", "5M") or a word ("600 billion"). */
export function scaleAfter(s: string, end: number, r: QuantityRules): Found<number> | null {
  const glued = /^(\p{L}{1,4})(?![\p{L}\d])/u.exec(s.slice(end, end + 6));
  if (glued) {
    const v = r.scaleCaseSensitive.get(glued[1]) ?? r.scaleSuffixes.get(glued[1].toLowerCase());
    if (v) return { value: v, at: end + glued[1].length };
  }
  // (A word, not the start of a code: "300 B2B customers" has no billion in it.)
  const word = /^[\s-]+(\p{L}+)(?![\p{L}\d])/u.exec(s.slice(end, end + 16));
  if (word) {
    const lower = word[1].toLowerCase();
    const v = r.scaleWords.get(lower) ?? (word[1] === 'M' || word[1] === 'B' || lower === 'bn' || lower === 'mn' ? r.scaleCaseSensitive.get(word[1]) ?? r.scaleSuffixes.get(lower) : undefined);
    // "5 millions of" is a vague magnitude handled elsewhere; plain plural scale words still scale.
    if (v) return { value: v, at: end + word[0].length };
  }
  return null;
}

/** A currency after the number: a word ("dollars", "finnish markka"), a code ("USD", "MUSD"),
 * a symbol ("10 $", "100元"). */
export function currencyAfter(s: string, end: number, r: QuantityRules): Found<CurrencyInfo & { scale: number }> | null {
  const rest = s.slice(end, end + 40);
  const sym = /^\s?([$€£¥])/u.exec(rest);
  if (sym) {
    const info = r.prefixIso.get(sym[1]);
    if (info) return { value: { ...info, scale: 1 }, at: end + sym[0].length };
  }
  const suffix = r.currencySuffix.exec(rest.replace(/^ /, ''));
  if (suffix && suffix[0]) {
    const info = r.suffixIso.get(suffix[0])!;
    return { value: { ...info, scale: 1 }, at: end + (rest.startsWith(' ') ? 1 : 0) + suffix[0].length };
  }
  const sep = /^(\s+|-)/.exec(rest)?.[0] ?? '';
  const word = r.currencyWord.exec(rest.slice(sep.length));
  if (word && (sep.length > 0 || word[0].startsWith('-'))) {
    const info = r.wordIso.get(word[0].toLowerCase().replace(/\s+/g, ' '));
    // Hyphenated, a currency word is an adjective: "12-cent stamp", "one-yen coin".
    if (info) return { value: { ...info, scale: 1 }, at: end + sep.length + word[0].length };
  }
  const code = /^\s?(M?)([A-Za-z]{3})(?![\p{L}])/u.exec(rest);
  if (code) {
    const iso = code[2].toUpperCase();
    // The rules' common codes may be written in lower case ("500 usd"); any other ISO code only in
    // capitals, since many are words too ("5 cup", "all", "top").
    const known = r.codes.has(iso) && (code[2] === iso || code[2] === code[2].toLowerCase());
    if ((known || (code[2] === iso && r.isoCode(iso))) && !(code[1] && code[2] !== iso)) {
      return { value: { iso: iso === 'RMB' ? 'CNY' : iso, minor: false, ambiguous: false, scale: code[1] ? 1e6 : 1 }, at: end + code[0].length };
    }
  }
  return null;
}

/** "%", "percent", "per cent", "percentage points", "basis points", "8pc" (words from
 * quantities/context.yml). */
export function percentAfter(s: string, end: number, r: QuantityRules): Found<string> | null {
  const m = r.percentAfter.exec(s.slice(end, end + 24));
  if (m) return { value: m[1] ? 'percentage point' : m[2] ? 'basis point' : 'percent', at: end + m[0].length };
  const glued = r.gluedPercentAfter.exec(s.slice(end, end + 8));
  return glued ? { value: 'percent', at: end + glued[0].length } : null;
}

/** A unit of measure: glued symbol ("75ml"), spaced symbol ("1.6 km"), word ("ten miles"),
 * hyphenated adjective ("3-inch", "185-hp"), or bracketed ("20 (kg)"). */
export function unitAfter(s: string, end: number, r: QuantityRules): Found<UnitInfo> | null {
  const rest = s.slice(end, end + 40);
  const bracket = /^\s?[([{<]\s*([^\s)\]}>]{1,12})\s*[)\]}>]/u.exec(rest);
  if (bracket) {
    const info = r.unitSymbols.get(bracket[1]) ?? r.unitWords.get(bracket[1].toLowerCase());
    if (info) return { value: info, at: end + bracket[0].length };
  }
  const fits = (info: UnitInfo, at: number) => !r.unitNotAfter.test(s.slice(at)) && !info.notInSentence?.test(s);
  // Glued, after one space, or after a hyphen as an adjective ("a 185-hp engine"); a one-letter
  // symbol after a hyphen is too often something else ("10-t shirts", "3-L").
  const gap = rest[0] === ' ' || rest[0] === '-' ? 1 : 0;
  const sym = r.unitSymbol.exec(rest.slice(gap));
  if (sym && !(rest[0] === '-' && sym[0].length < 2)) {
    const info = r.unitSymbols.get(sym[0])!;
    const at = end + gap + sym[0].length;
    if (fits(info, at)) return { value: info, at };
  }
  const sep = /^(\s+|-)/.exec(rest)?.[0];
  if (sep) {
    const word = r.unitWord.exec(rest.slice(sep.length));
    if (word) {
      const at = end + sep.length + word[0].length;
      const info = r.unitWords.get(word[0].toLowerCase().replace(/\s+/g, ' '))!;
      if (fits(info, at)) return { value: info, at };
    }
  }
  return null;
}

/** A bound phrase after the quantity: "+", "or more", "or less". */
export function boundAfter(s: string, end: number, r: QuantityRules): Found<Bound> | null {
  if (s[end] === '+') return { value: 'at_least', at: end + 1 };
  const rest = s.slice(end);
  const sep = /^\s+/.exec(rest)?.[0] ?? '';
  const m = r.after.exec(rest.slice(sep.length));
  // ("the 737 MAX": a word in capitals after a number is a name, not "max".)
  if (m && m[0].length > 2 && m[0] === m[0].toUpperCase() && /\p{Lu}/u.test(m[0])) return null;
  if (m && sep) return { value: r.afterBound.get(m[0].toLowerCase().replace(/\s+/g, ' '))!, at: end + sep.length + m[0].length };
  return null;
}

/** A rate: "per month", "a year", "/night", "each month" (units from quantities/context.yml). */
export function perAfter(s: string, end: number, r: QuantityRules): Found<string> | null {
  const m = r.rateAfter.exec(s.slice(end, end + 30));
  if (!m) return null;
  const unit = m[1].toLowerCase();
  return { value: unit === 'annum' ? 'year' : unit, at: end + m[0].length };
}

/** The counted noun after a number ("750 million users", "of high-end GPUs"): up to three words,
 * the last one the head. Returns the head, any modifiers and the end offset. */
/** What a bare count counts when its clause says so before it (within COUNTED_BEFORE characters
 * and no ";", ":" or parenthesis between): "the number of grants of settlement … was 154,700" →
 * grants, "the population … was 10,000 to 15,000" → people, "British Jews numbered fewer than
 * 10,000" → Jews, "users rose 26% to 574 million" → users. The nearest statement wins. */
export function countNounBefore(s: string, start: number, r: QuantityRules): string | null {
  // "people aged 100 or over", "under age 18": an age says which people, it counts nothing.
  if (/\b(?:age|aged|ages)\s+$/i.test(s.slice(Math.max(0, start - 8), start))) return null;
  const clause = s.slice(Math.max(0, start - COUNTED_BEFORE), start).split(/[;:()]/).pop() ?? '';
  let best: { at: number; noun: string } | null = null;
  const consider = (at: number, noun: string) => { if (!best || at > best.at) best = { at, noun }; };
  let measured = -1;
  for (const m of clause.matchAll(r.countedMeasure)) {
    // (The first plural noun: not an adjective in "-less", "the number of homeless families".)
    const noun = m[1].split(/\s+/).find((w) => /[a-z](?<!s)s$/.test(w) || r.irregularPlural.has(w.toLowerCase()));
    if (noun) consider(m.index, noun), (measured = m.index);
  }
  for (const m of clause.matchAll(r.peopleMeasure)) consider(m.index, 'people');
  if (r.nounMeasure) for (const m of clause.matchAll(r.nounMeasure)) consider(m.index, r.nounMeasureUnits[m.slice(1).findIndex((g) => g !== undefined)]);
  for (const m of clause.matchAll(r.countVerb)) consider(m.index, m[1]);
  // "monthly users rose 26% to 574 million": the level a plural reached counts it (not a sum: "revenues
  // rose to 4 million" says no currency, and stays a bare number).
  // ("The number of migrants crossing in small boats rose to 45,774": a plural inside the "number
  // of" phrase whose change it is counts nothing of its own.)
  const changed = r.countChangedTo.exec(clause);
  const ofMeasured = changed && measured >= 0 && measured < changed.index && !/[,.]/.test(clause.slice(measured, changed.index));
  if (changed && !ofMeasured && !r.moneyCue.test(changed[1]) && !r.notCountedNoun.has(changed[1].toLowerCase())) consider(changed.index, changed[1]);
  return (best as { at: number; noun: string } | null)?.noun ?? null;
}
const COUNTED_BEFORE = 200;


export function countNounAfter(s: string, end: number, allowOf: boolean, r: QuantityRules): Found<{ noun: string; modifiers: string[] }> | null {
  let rest = s.slice(end, end + 80);
  let skip = 0;
  // ("5m of the phones": a determiner after "of" comes before the noun.)
  const of = allowOf ? /^\s+of\s+(?:(?:the|its|their|these|those|his|her|our)\s+)?/i.exec(rest) : /^\s+of\s+/i.exec(rest);
  if (of) {
    if (!allowOf) return null;
    skip = of[0].length;
    rest = rest.slice(skip);
  } else {
    const space = /^\s+/.exec(rest);
    if (!space) return null;
    skip = space[0].length;
    rest = rest.slice(skip);
  }
  // "4.5 million PlayStation 5 consoles", "735 A320 jets": a product name with its number (or a
  // model code), then what is counted.
  const product = /^((?:(?:\p{Lu}[\p{L}-]*\s+){1,3}\d+[A-Za-z]?|\p{Lu}{1,3}-?\d{2,4}[A-Za-z]{0,3})\s+)([a-z][a-z-]*[a-z]s)\b/u.exec(rest);
  if (product) return { value: { noun: product[2], modifiers: product[1].trim().split(/\s+/) }, at: end + skip + product[0].length };
  // "40 more parks", "300 fewer jobs": a comparison word before the plural counted.
  const more = /^(?:more|fewer|less|additional|extra|other)\s+(?=[a-z][a-z-]*s\b)/i.exec(rest);
  if (more) {
    skip += more[0].length;
    rest = rest.slice(more[0].length);
  }
  const words: { w: string; end: number }[] = [];
  const re = /([A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z])(\s+|$|(?=[,.;:!?)"]))/y;
  let pos = 0;
  while (words.length < 3) {
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) break;
    const w = m[1];
    if (r.notCountedNoun.has(w.toLowerCase()) || /ing$|ed$|ly$/.test(w) && words.length > 0) break;
    words.push({ w, end: pos + m[1].length });
    pos = m.index + m[0].length;
    // "40,000 people sleep outdoors": a plural without "-s" ends the noun (what follows is a verb).
    // ("150 police officers", "300 staff members": a plural after it is the head, the first a modifier.)
    if (m[2] === '' || !/\s/.test(m[2]) || (r.irregularPlural.has(w.toLowerCase()) && !/^[a-z][a-z-]*[a-z]s\b/.test(rest.slice(pos)))) break;
  }
  // The head is the last plural-looking word, or the first word when none is plural.
  let head = -1;
  for (let i = words.length - 1; i >= 0; i--) if (/[a-z]s$|[A-Z]s$/.test(words[i].w) || r.irregularPlural.has(words[i].w.toLowerCase())) { head = i; break; }
  if (head < 0) {
    if (words.length === 0 || r.notCountedNoun.has(words[0].w.toLowerCase()) || /ing$|ed$|ly$/.test(words[0].w)) return null;
    head = 0;
  }
  if (/ing$|ly$/.test(words[head].w)) return null;
  // A capitalized singular after a number is a name or a date ("3 March", "221 Baker Street", "5
  // million Galaxy S23 phones"), not what is counted; a plural is ("young Americans", "GPUs").
  if (/^\p{Lu}/u.test(words[head].w) && !/[a-zA-Z]s$/.test(words[head].w)) return null;
  return { value: { noun: words[head].w, modifiers: words.slice(0, head).map((x) => x.w) }, at: end + skip + words[head].end };
}
