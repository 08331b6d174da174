/**
 * A memo of answers by key that starts over when it is full. The word tests every sentence asks
 * (is it an English word, a name, what compromise's lexicon says of it) meet the same words in
 * every article, so a memo answers most of them; starting over at a bound keeps a long run's
 * memory flat, where a memo that only grows would creep with the corpus (a worker of a 50 MB run
 * grew by tens of MB). Starting over costs re-reading the frequent words, which come back at once.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit = MEMO_LIMIT) {}

  /** The answer kept for `key`, or undefined (answers are never undefined). */
  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(typeof key === 'string' ? (detached(key) as K) : key, value);
    return value;
  }
}

/**
 * A copy of `s` that holds on to nothing else. A word cut out of an article is, for V8, often a
 * view into the whole article's text (a "sliced string"), and a memo that keeps the word as a key
 * keeps the article with it: a worker's live heap grew by 20 MB over 4,000 articles of the
 * 50 MB benchmark, every memo key holding its article. Prepending a character makes a new string
 * the size of the word; slicing that character off again leaves a view into that small string.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** Entries a word memo holds before it starts over: the words of a few hundred articles. */
export const MEMO_LIMIT = 20_000;
