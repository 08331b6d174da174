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
import { isEnglishWord } from './english-lexicon.js';

export interface ForeignRules {
  scriptRun: RegExp;
  languages: string[];
  maxEnglishScore: number;
  minLength: number;
}

export function compileForeign(data: RuleData['normalize.foreign']): ForeignRules {
  const cls = data.scripts.map((s) => `\\p{Script=${s}}`).join('');
  return {
    // A run of foreign-script letters, with marks and joiners, possibly several words long.
    scriptRun: new RegExp(`[${cls}][${cls}\\p{M}\\u200c\\u200d]*(?:[ '-]+[${cls}][${cls}\\p{M}\\u200c\\u200d]*)*`, 'gu'),
    languages: data.languages,
    maxEnglishScore: data.maxEnglishScore,
    minLength: data.minLength,
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
    flags.push({ start: m.index, end: m.index + m[0].length, reason: 'foreign-script', rule: 'normalize.foreign.script', quote: m[0] });
  }
  const wordRe = /\p{Script=Latin}[\p{Script=Latin}\p{M}'-]*\p{Script=Latin}|\p{Script=Latin}/gu;
  for (let m = wordRe.exec(text); m; m = wordRe.exec(text)) {
    const word = m[0];
    if (word.length < rules.minLength || !isCandidate(text, m.index, word, known)) continue;
    if (!isForeign(word, rules)) continue;
    flags.push({ start: m.index, end: m.index + word.length, reason: 'foreign-word', rule: 'normalize.foreign.word', quote: word });
  }
  return flags;
}

function isCandidate(text: string, at: number, word: string, known: (w: string) => boolean): boolean {
  if (/[A-Z].*[A-Z]/.test(word.slice(1)) || /^[A-Z]+$/.test(word)) return false; // acronym, CamelCase brand
  if (/[a-z][A-Z]/.test(word)) return false;
  if (/^[A-Z]/.test(word) && !startsSentence(text, at)) return false; // a proper noun
  if (known(word)) return false;
  return !isEnglishWord(word);
}

function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(^|[.!?:"“(\n]\s*|\n\s*)$/.test(before);
}

function isForeign(word: string, rules: ForeignRules): boolean {
  const scores = francAll(word, { minLength: 3, only: rules.languages });
  if (scores.length === 0 || scores[0][0] === 'eng' || scores[0][0] === 'und') return false;
  const english = scores.find(([lang]) => lang === 'eng')?.[1] ?? 0;
  return english < rules.maxEnglishScore;
}

function latinShare(text: string): number {
  const sample = text.slice(0, 20000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters ? latin / letters : 1;
}
