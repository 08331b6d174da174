/**
 * The one place compromise is loaded (its world is global, so every caller must share one copy).
 *
 * It is loaded on first use, not at import: an article with no figure to read never needs the
 * tagger, and a worker thread that has not yet met one has not paid for it. It is loaded as the
 * package's single-file CommonJS build (what `require('compromise')` resolves to) rather than its
 * ES module sources: the same code (version 14.17, the same tags on every nlp-corpus sentence),
 * but one file to read and compile instead of about 200 modules to resolve, which halves the time
 * a worker spends loading it.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

export type Nlp = typeof nlpType;

let loaded: Nlp | null = null;

/** compromise's `nlp`, loaded on the first call. */
export function compromise(): Nlp {
  return (loaded ??= createRequire(import.meta.url)('compromise') as Nlp);
}
