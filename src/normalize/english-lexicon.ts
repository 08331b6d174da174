/**
 * The English lexicon (an-array-of-english-words, ~275,000 words) used to tell foreign words
 * from English ones. Loaded once per process, on first use.
 */
import { createRequire } from 'node:module';

let lexicon: Set<string> | null = null;

function words(): Set<string> {
  if (!lexicon) {
    const require = createRequire(import.meta.url);
    lexicon = new Set(require('an-array-of-english-words/index.json') as string[]);
  }
  return lexicon;
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'ers', 'ness', 'ment', 'ation', 'ization', 'ize', 'ized', 'al'];

const memo = new Map<string, boolean>();

/** True when the word, or its stem after a common English suffix, is in the lexicon. */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  let known = memo.get(w);
  if (known === undefined) {
    known = lookUp(w);
    if (memo.size > 100_000) memo.clear();
    memo.set(w, known);
  }
  return known;
}

function lookUp(w: string): boolean {
  const set = words();
  if (set.has(w)) return true;
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 3 && set.has(w.slice(0, -s.length))) return true;
  // Compounds written with a hyphen are English when each part is.
  if (w.includes('-')) return w.split('-').every((p) => p.length === 0 || set.has(p) || /^\d+$/.test(p));
  // Closed compounds ("roadmap", "microtip"): English when it splits into two English words.
  for (let i = 3; i <= w.length - 3; i++) if (set.has(w.slice(0, i)) && set.has(w.slice(i))) return true;
  return false;
}
