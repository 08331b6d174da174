/**
 * The text around a claim, for the W3C TextQuoteSelector's prefix and suffix in the JSON-LD and
 * N-Quads exports. claims.jsonl holds the claim's sentence (`quote`) but not the text before and
 * after it, so the article is read again: first the copy the run kept in <out>/.store/ (named by
 * its sha256; it is there for stdin and for files that moved since), then `source.path` relative
 * to the working directory, as the run recorded it. Either is used only when its sha256 is the
 * claim's `source.sha256`, so an article edited since the run never gives wrong context.
 *
 * When neither can be read, the sentence stands in for the article: a figure's prefix and suffix
 * are then cut from its sentence (shorter, but still the text next to it), and a sentence claim
 * gets none, as nothing around it is known.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeArticle } from '../ingest/decode.js';
import { sha256 } from '../util/hash.js';
import type { ClaimRecord } from '../records.js';

/** The run's copy of every article, by sha256: pipeline/cache.ts's STORE_DIR, repeated because
 * exports sit below the pipeline and may not import it (tests/export.test.ts checks they agree). */
export const ARTICLE_STORE = '.store';

/** Characters of prefix and suffix, as claims.jsonl's TextQuoteSelector had them. */
export const CONTEXT_CHARS = 32;

/** Articles kept decoded at once. claims.jsonl lists an article's claims together, so one would
 * do; a few more cover claims interleaved by hand, and the bound keeps memory flat (an article is
 * at most a few MB). */
const CACHED_ARTICLES = 8;

/** A stretch of the article's text and where it starts in the article. */
interface Known {
  text: string;
  start: number;
}

export interface QuoteContext {
  exact: string;
  /** Absent when nothing before (after) the quote is known, or the quote starts (ends) the article. */
  prefix?: string;
  suffix?: string;
}

export class ArticleTexts {
  private readonly texts = new Map<string, string | null>();

  constructor(private readonly out: string) {}

  /** The article's decoded text, or null when no copy with its sha256 can be read. */
  text(source: ClaimRecord['source']): string | null {
    const cached = this.texts.get(source.sha256);
    if (cached !== undefined) {
      // Refreshed as most recently used.
      this.texts.delete(source.sha256);
      this.texts.set(source.sha256, cached);
      return cached;
    }
    const text = this.read(join(this.out, ARTICLE_STORE, source.sha256), source.sha256) ?? this.read(source.path, source.sha256);
    if (this.texts.size >= CACHED_ARTICLES) this.texts.delete(this.texts.keys().next().value as string);
    this.texts.set(source.sha256, text);
    return text;
  }

  private read(file: string, expectedSha256: string): string | null {
    try {
      const bytes = readFileSync(file);
      if (sha256(bytes) !== expectedSha256) return null;
      // No size limit here: the run already accepted this article, perhaps with a larger --max-bytes.
      return decodeArticle(file, bytes, Number.MAX_SAFE_INTEGER).text;
    } catch {
      return null; // gone, unreadable, or not text: the context falls back to the sentence
    }
  }

  /**
   * The TextQuoteSelector for `span` of the claim's article: the exact text and up to
   * CONTEXT_CHARS of context either side, from the article when it can be read, else from the
   * claim's sentence (`quote` at `span`), which holds every figure of the claim.
   */
  quoteContext(claim: ClaimRecord, span: { start: number; end: number }): QuoteContext {
    const article = this.text(claim.source);
    const known: Known = article !== null ? { text: article, start: 0 } : { text: claim.quote, start: claim.span.start };
    const from = span.start - known.start, to = span.end - known.start;
    // A span outside what is known cannot happen for a well-formed record (the figure lies in its
    // sentence); quantity.quote is then the best exact text there is.
    if (from < 0 || to > known.text.length) return { exact: claim.quantity?.quote ?? claim.quote };
    const prefix = known.text.slice(Math.max(0, from - CONTEXT_CHARS), from);
    const suffix = known.text.slice(to, to + CONTEXT_CHARS);
    return { exact: known.text.slice(from, to), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
  }
}
