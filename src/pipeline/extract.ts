/**
 * The text-only entry point: one text in, its claims out, with no files, no output folder and no
 * worker pool. It runs the very stages a `claims run` runs on one article (processArticle), so a
 * text gives the same records here as in claims.jsonl when it is given the same path.
 */
import { decodeArticle } from '../ingest/decode.js';
import { sha256 } from '../util/hash.js';
import { processArticle } from './article.js';
import { getRules } from './rules.js';
import type { ArticleReport, ClaimRecord } from '../records.js';
import type { Article } from '../types.js';

export interface ExtractOptions {
  /** Where the text came from; it becomes the records' source.path as given (a URL is kept
   * whole, where a file path would be made relative to the working directory). Default "text". */
  url?: string;
  /** Publication date (ISO 8601), handed back on `source`. */
  published?: string;
  /** Headline, handed back on `source`. */
  title?: string;
  /** A rules folder other than the shipped rules/ (compiled once per process and folder). */
  rulesDir?: string;
}

export interface Extraction {
  /** The article's identity as every record carries it, plus the metadata given. The claim
   * record has no field for published or title (its schema is the scoring tools' contract), so
   * they come back here rather than on each claim. */
  source: { path: string; sha256: string; id: string; url: string | null; published: string | null; title: string | null };
  claims: ClaimRecord[];
  /** Noise and figures read but not claimed, as noise.jsonl lists them. */
  report: ArticleReport;
}

/** Extracts the claims of one text. Throws IngestError on a text that is empty or too large. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const path = options.url ?? 'text';
  const bytes = Buffer.from(text, 'utf8');
  // decodeArticle refuses what a run would refuse (empty, binary, too large) with the same words.
  const decoded = decodeArticle(path, bytes);
  const hash = sha256(bytes);
  const article: Article = { path, sha256: hash, id: hash.slice(0, 16), text: decoded.text, encoding: decoded.encoding };
  const { claims, report } = processArticle(article, getRules(options.rulesDir));
  return {
    source: { path, sha256: hash, id: article.id, url: options.url ?? null, published: options.published ?? null, title: options.title ?? null },
    claims,
    report,
  };
}
