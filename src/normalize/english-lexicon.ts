/**
 * The English lexicon (an-array-of-english-words, ~275,000 words) used to tell foreign words
 * from English ones.
 *
 * Kept packed rather than as a Set of 275,000 strings: the words' UTF-16 code units back to back,
 * their start offsets, and an open-addressing hash table of word numbers, all in one
 * (Shared)ArrayBuffer. Packing it takes one pass over the package's JSON file with no string made
 * per word; a worker pool packs it once on the main thread and every worker reads the same memory
 * (useEnglishLexicon), so a worker starts without parsing 3 MB of JSON or building a Set, and the
 * lexicon's memory is paid once, not once per worker. A lookup hashes a range of any string, so
 * the stem and compound checks below slice nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BoundedMemo } from '../util/memo.js';

/** The packed lexicon: header [words, code units, table size], offsets, table, code units. */
export type PackedLexicon = SharedArrayBuffer | ArrayBuffer;

interface Views {
  /** Where each word starts in `units` (and, at the end, where the last one ends). */
  offsets: Uint32Array;
  /** Word number + 1 by hash slot; 0 is an empty slot. */
  table: Int32Array;
  units: Uint16Array;
  mask: number;
}

function views(buffer: PackedLexicon): Views {
  const [count, length, size] = new Uint32Array(buffer, 0, 3);
  const offsets = new Uint32Array(buffer, 12, count + 1);
  const table = new Int32Array(buffer, offsets.byteOffset + offsets.byteLength, size);
  const units = new Uint16Array(buffer, table.byteOffset + table.byteLength, length);
  return { offsets, table, units, mask: size - 1 };
}

class Lexicon {
  private readonly v: Views;

  constructor(buffer: PackedLexicon) {
    this.v = views(buffer);
  }

  /** Whether `s.slice(start, end)` is a word of the lexicon (without making that slice). With
   * `fold`, A–Z in `s` count as a–z: `s.slice(start, end).toLowerCase()` for ASCII text. */
  has(s: string, start = 0, end = s.length, fold = false): boolean {
    const { offsets, table, units, mask } = this.v;
    const n = end - start;
    // FNV-1a over UTF-16 code units, as the table was filled.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      h = Math.imul(h ^ (fold && c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
    }
    for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot];
      if (entry === 0) return false;
      const from = offsets[entry - 1];
      if (offsets[entry] - from !== n) continue;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(start + i);
        if (units[from + i] !== (fold && c >= 65 && c <= 90 ? c + 32 : c)) break;
      }
      if (i === n) return true;
    }
  }
}

/** Packs the package's word list into shared memory (once per pool; see useEnglishLexicon). */
export function packEnglishLexicon(): SharedArrayBuffer {
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
  const json = readFileSync(file);
  // The list is a JSON array of plain ASCII strings: read them straight from the bytes. Anything
  // else (an escape, a non-ASCII byte) goes the general way, through JSON.parse.
  const spans = asciiStrings(json);
  const words = spans ? null : (JSON.parse(json.toString('utf8')) as string[]);
  const count = spans ? spans.length / 2 : words!.length;
  let length = 0;
  for (let w = 0; w < count; w++) length += spans ? spans[2 * w + 1] - spans[2 * w] : words![w].length;
  let size = 1;
  while (size < count * 1.8) size *= 2; // load factor under 0.56: short probe runs
  const buffer = new SharedArrayBuffer(12 + 4 * (count + 1) + 4 * size + 2 * length);
  new Uint32Array(buffer, 0, 3).set([count, length, size]);
  const packed = views(buffer);
  let at = 0;
  for (let w = 0; w < count; w++) {
    packed.offsets[w] = at;
    if (spans) for (let b = spans[2 * w]; b < spans[2 * w + 1]; b++) packed.units[at++] = json[b];
    else for (let i = 0; i < words![w].length; i++) packed.units[at++] = words![w].charCodeAt(i);
  }
  packed.offsets[count] = at;
  for (let w = 0; w < count; w++) {
    // The same hash as Lexicon.has, over the packed code units.
    let h = 0x811c9dc5;
    for (let i = packed.offsets[w]; i < packed.offsets[w + 1]; i++) h = Math.imul(h ^ packed.units[i], 0x01000193);
    let slot = (h >>> 0) & packed.mask;
    while (packed.table[slot] !== 0) slot = (slot + 1) & packed.mask;
    packed.table[slot] = w + 1;
  }
  return buffer;
}

/** Start and end byte of each string of a JSON array of ASCII strings without escapes, or null. */
function asciiStrings(json: Uint8Array): Uint32Array | null {
  const out: number[] = [];
  let i = 0;
  const skipSpace = () => { while (i < json.length && (json[i] === 0x20 || json[i] === 0x0a || json[i] === 0x0d || json[i] === 0x09)) i++; };
  skipSpace();
  if (json[i++] !== 0x5b) return null; // [
  skipSpace();
  if (json[i] === 0x5d) return new Uint32Array(0);
  for (;;) {
    if (json[i++] !== 0x22) return null; // "
    const start = i;
    while (i < json.length && json[i] !== 0x22) {
      if (json[i] === 0x5c || json[i] >= 0x80 || json[i] < 0x20) return null; // \ or non-ASCII
      i++;
    }
    out.push(start, i++);
    skipSpace();
    const c = json[i++];
    if (c === 0x5d) break; // ]
    if (c !== 0x2c) return null; // ,
    skipSpace();
  }
  return Uint32Array.from(out);
}

let lexicon: Lexicon | null = null;

/** Uses a lexicon packed elsewhere (by the main thread, for a worker) instead of packing one. */
export function useEnglishLexicon(buffer: PackedLexicon): void {
  lexicon = new Lexicon(buffer);
}

function words(): Lexicon {
  return (lexicon ??= new Lexicon(packEnglishLexicon()));
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'ers', 'ness', 'ment', 'ation', 'ization', 'ize', 'ized', 'al'];

const memo = new BoundedMemo<string, boolean>();

/** True when the word, or its stem after a common English suffix, is in the lexicon. */
export function isEnglishWord(word: string): boolean {
  // Most words are in the lexicon as written, give or take capitals and a possessive "'s": those
  // are answered from the table without making a lower-case copy. The rest take the long way.
  if (listedAsWritten(word)) return true;
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return memo.get(w) ?? memo.set(w, lookUp(w));
}

/** Whether the word itself (any case, a possessive "'s" aside) is in the lexicon: no stem, no
 * compound ("separately" is, "streamly" is not, though "stream" + "-ly" would pass isEnglishWord). */
export function isListedWord(word: string): boolean {
  if (listedAsWritten(word)) return true;
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return words().has(w);
}

/** `words().has(word.toLowerCase().replace(/['’]s$/, ''))` for a word of ASCII letters and
 * apostrophes (whose lower case is A–Z → a–z); false for any other word. */
function listedAsWritten(word: string): boolean {
  let end = word.length;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128 && c !== 0x2019) return false;
  }
  const apostrophe = word.charCodeAt(end - 2);
  if ((apostrophe === 39 || apostrophe === 0x2019) && (word.charCodeAt(end - 1) | 32) === 115) end -= 2;
  return words().has(word, 0, end, true);
}

function lookUp(w: string): boolean {
  const set = words();
  if (set.has(w)) return true;
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 3 && set.has(w, 0, w.length - s.length)) return true;
  // Compounds written with a hyphen are English when each part is.
  if (w.includes('-')) return w.split('-').every((p) => p.length === 0 || set.has(p) || /^\d+$/.test(p));
  // Closed compounds ("roadmap", "microtip"): English when it splits into two English words.
  for (let i = 3; i <= w.length - 3; i++) if (set.has(w, 0, i) && set.has(w, i)) return true;
  return false;
}
