/** Regular expressions built from word lists of rules/ files. */

/** A literal string as a regex source. */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A phrase as a regex source whose spaces match any run of white space ("per user"). */
export const phraseSource = (phrase: string): string => escapeRegex(phrase).replace(/ /g, '\\s+');

/** Any of `words`, as whole words (no letter on either side), case-insensitive. */
export const wordsRegex = (words: string[], flags = 'iu'): RegExp =>
  new RegExp(`(?<![\\p{L}])(?:${words.map(phraseSource).join('|')})(?![\\p{L}])`, flags);
