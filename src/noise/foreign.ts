/**
 * Foreign text inside English articles. Two general methods, no word lists of the sample:
 * - runs of letters in a non-Latin script (Arabic, Devanagari, …) inside Latin-script text;
 * - Latin-script words that the English lexicon does not know and that a language identifier
 *   (franc, over the word and its unknown neighbours) places in another language.
 * Proper nouns (capitalized inside a sentence), acronyms and mixed-case brand names are left
 * alone: they are names, not foreign words.
 */
import { francAll } from 'franc-min';
import type { RuleData } from '../rules/schema.js';
import type { NoiseFlag } from '../types.js';
import { isEnglishWord } from '../normalize/english-lexicon.js';
import { BoundedMemo } from '../util/memo.js';

export interface ForeignRules {
  scriptRun: RegExp;
  languages: string[];
  maxEnglishScore: number;
  minLength: number;
  /** What the verdict memo's keys start with: the settings a verdict depends on. */
  verdictKey: string;
}

export function compileForeign(data: RuleData['noise.foreign']): ForeignRules {
  const cls = data.scripts.map((s) => `\\p{Script=${s}}`).join('');
  return {
    // A run of foreign-script letters, with marks and joiners, possibly several words long.
    scriptRun: new RegExp(`[${cls}][${cls}\\p{M}\\u200c\\u200d]*(?:[ '-]+[${cls}][${cls}\\p{M}\\u200c\\u200d]*)*`, 'gu'),
    languages: data.languages,
    maxEnglishScore: data.maxEnglishScore,
    minLength: data.minLength,
    verdictKey: `${data.languages.join(',')}:${data.maxEnglishScore}:`,
  };
}

/** Flags foreign-script runs and foreign words in `text`; `known` says whether a word is a known
 * entity name (never foreign). */
export function findForeign(text: string, rules: ForeignRules, known: (word: string) => boolean): NoiseFlag[] {
  const flags: NoiseFlag[] = [];
  if (latinShare(text) < 0.5) return flags; // not an English article: nothing is "foreign" in it
  rules.scriptRun.lastIndex = 0;
  for (let m = rules.scriptRun.exec(text); m; m = rules.scriptRun.exec(text)) {
    // One letter is a symbol ("μg", "100元"), and a currency sign written in a script is money.
    if ([...m[0]].length < 2 || known(m[0])) continue;
    flags.push({ start: m.index, end: m.index + m[0].length, reason: 'foreign-script', rule: 'noise/foreign#script', quote: m[0] });
  }
  const wordRe = LATIN_WORD;
  wordRe.lastIndex = 0;
  for (let m = wordRe.exec(text); m; m = wordRe.exec(text)) {
    const word = m[0];
    if (word.length < rules.minLength || !isCandidate(text, m.index, word, known)) continue;
    if (!isForeign(word, rules)) continue;
    flags.push({ start: m.index, end: m.index + word.length, reason: 'foreign-word', rule: 'noise/foreign#word', quote: word });
  }
  return flags;
}

const LATIN_CHARS = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
const LATIN = `[${LATIN_CHARS}]`;
/** A Latin-script word. Latin letters spelled out as ranges (Basic, Latin-1, Extended-A/B):
 * several times faster than \p{Script=Latin} on every word of every article. */
const LATIN_WORD = new RegExp(`${LATIN}(?:[${LATIN_CHARS}\\u0300-\\u036f'-]*${LATIN})?`, 'g');

function isCandidate(text: string, at: number, word: string, known: (w: string) => boolean): boolean {
  // One pass over the letters instead of a regular expression per test (this runs on every word
  // of every article): capitals after the first letter, and a capital right after a small letter.
  const c0 = word.charCodeAt(0);
  const firstUpper = c0 >= 65 && c0 <= 90;
  let upperAfter = 0;
  let allUpper = firstUpper;
  let previousLower = c0 >= 97 && c0 <= 122;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    if (upper) {
      if (previousLower) return false; // "iPhone", "eBay": a brand
      upperAfter++;
    } else allUpper = false;
    previousLower = c >= 97 && c <= 122;
  }
  if (c0 < 97 || c0 > 122) {
    if (upperAfter >= 2 || allUpper) return false; // acronym, CamelCase brand
    if (firstUpper && !startsSentence(text, at)) return false; // a proper noun
  }
  // The lexicon lookup is memoized and answers most words; entity names after it.
  return !isEnglishWord(word) && !known(word);
}

function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(^|[.!?:"“(\n]\s*|\n\s*)$/.test(before);
}

const verdicts = new BoundedMemo<string, boolean>();

function isForeign(word: string, rules: ForeignRules): boolean {
  const key = rules.verdictKey + word;
  return verdicts.get(key) ?? verdicts.set(key, identify(word, rules));
}

function identify(word: string, rules: ForeignRules): boolean {
  const scores = francAll(word, { minLength: 3, only: rules.languages });
  if (scores.length === 0 || scores[0][0] === 'eng' || scores[0][0] === 'und') return false;
  const english = scores.find(([lang]) => lang === 'eng')?.[1] ?? 0;
  return english < rules.maxEnglishScore;
}

function latinShare(text: string): number {
  let letters = 0, latin = 0;
  const n = Math.min(text.length, 8000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) { letters++; latin++; }
    else if (c >= 0xc0 && /\p{L}/u.test(text[i])) { letters++; if (/\p{Script=Latin}/u.test(text[i])) latin++; }
  }
  return letters ? latin / letters : 1;
}
