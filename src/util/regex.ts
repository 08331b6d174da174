/** Regular expressions built from word lists of rules/ files. */

/** A literal string as a regex source. */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A phrase as a regex source whose spaces match any run of white space ("per user"). */
export const phraseSource = (phrase: string): string => escapeRegex(phrase).replace(/ /g, '\\s+');

/** Any of `words`, as whole words (no letter on either side), case-insensitive. */
export const wordsRegex = (words: string[], flags = 'iu'): RegExp =>
  new RegExp(`(?<![\\p{L}])(?:${words.map(phraseSource).join('|')})(?![\\p{L}])`, flags);

/**
 * A regex searched only where one of its matches can start. V8 tries a big alternation of words
 * ("it|its|they|…", every entity alias) at every position of the text; most positions cannot
 * start any of them. This scanner steps over the text with two table look-ups per character —
 * can this character begin a match (`starts`: the first characters of every alternative), and
 * can a match begin right after the one before it (`notAfter`: the class the regex's leading
 * lookbehind or \b excludes) — and runs the regex, anchored (sticky), only where both allow.
 *
 * It finds exactly what `re.exec` in a loop (global) finds, provided every match of `re` begins
 * with one of `starts`' first characters and never follows a `notAfter` character. Only ASCII is
 * tabled exactly: a non-ASCII character is a candidate whenever it could be (always, for a
 * case-insensitive regex), so the tables can only let through more positions, never fewer.
 */
export class StartScanner {
  /** Where the next exec() searches from, as on a global RegExp. */
  lastIndex = 0;
  private readonly sticky: RegExp;
  private readonly ascii = new Uint8Array(128);
  /** Non-ASCII code units that may start a match; null: any may. */
  private readonly others: Set<number> | null;
  private readonly after = new Uint8Array(128);

  constructor(readonly re: RegExp, starts: Iterable<string>, notAfter: RegExp | null = null) {
    const flags = re.flags.replace(/[gy]/g, '');
    this.sticky = new RegExp(re.source, `${flags}y`);
    this.others = re.ignoreCase ? null : new Set();
    const asciiChars = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    for (const s of starts) {
      const c = s.charCodeAt(0);
      if (Number.isNaN(c)) throw new Error('StartScanner: an empty alternative can start anywhere');
      this.others?.add(c);
      // The ASCII characters the regex itself would take for this one (case-insensitively too).
      const same = new RegExp(`^[${s[0].replace(/[\\\][^-]/g, '\\$&')}]$`, flags);
      for (let a = 0; a < 128; a++) if (a === c || same.test(asciiChars[a])) this.ascii[a] = 1;
    }
    if (notAfter) for (let a = 0; a < 128; a++) if (notAfter.test(asciiChars[a])) this.after[a] = 1;
  }

  /** The first position from `from` where a match may start (text.length when there is none). */
  private next(text: string, from: number): number {
    const { ascii, others, after } = this;
    const unicode = this.re.unicode;
    for (let p = from; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c < 128 ? ascii[c] === 0 : others !== null && !others.has(c)) continue;
      if (p === 0) return p;
      const b = text.charCodeAt(p - 1);
      if (b < 128) {
        if (after[b] === 0) return p;
      } else if (!(unicode && c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff)) {
        // (A unicode regex never starts a match between the two halves of a surrogate pair.)
        return p;
      }
    }
    return text.length;
  }

  /** The next match from lastIndex, as exec() on a global RegExp (lastIndex back to 0 at the end). */
  exec(text: string): RegExpExecArray | null {
    for (let p = this.next(text, this.lastIndex); p < text.length; p = this.next(text, p + 1)) {
      this.sticky.lastIndex = p;
      const m = this.sticky.exec(text);
      if (m) {
        this.lastIndex = this.sticky.lastIndex;
        return m;
      }
    }
    this.lastIndex = 0;
    return null;
  }

  /** Whether `text` holds a match anywhere (lastIndex untouched), as test() on a non-global RegExp. */
  test(text: string): boolean {
    for (let p = this.next(text, 0); p < text.length; p = this.next(text, p + 1)) {
      this.sticky.lastIndex = p;
      if (this.sticky.test(text)) return true;
    }
    return false;
  }
}

/** Letters: what `(?<![\p{L}])` keeps from right before a word of wordsRegex. */
export const LETTER = /\p{L}/u;

/** wordsRegex(words, flags) as a StartScanner (the same matches, searched only at word starts). */
export const wordsScanner = (words: string[], flags = 'iu'): StartScanner => new StartScanner(wordsRegex(words, flags), words, LETTER);
