/**
 * The text-only entry point: one text in, its claims out, with no files, no output folder and no
 * worker pool. It runs the very stages a `claims run` runs on one article (processArticle), so a
 * text gives the same records here as in claims.jsonl when it is given the same path.
 */
import { decodeArticle } from '../ingest/decode.js';
import { withMetadata } from '../ingest/meta.js';
import { sha256 } from '../util/hash.js';
import { processArticle } from './article.js';
import { getRules } from './rules.js';
import type { ArticleMeta, ArticleReport, ClaimRecord } from '../records.js';
import type { Article } from '../types.js';

export interface ExtractOptions {
  /** Where the text came from; it becomes the records' source.path as given (a URL is kept
   * whole, where a file path would be made relative to the working directory), and, when it is a
   * URL (scheme://…), their source.url too. Default path "text". */
  url?: string;
  /** Publication date (ISO 8601, "2025-02-01"): on every claim's source, and what relative times
   * ("last year") resolve against. */
  published?: string;
  /** Headline, on every claim's source. */
  title?: string;
  /** The publication, on every claim's source. */
  outlet?: string;
  /** The text's language as given ("en"), on every claim's source. */
  language?: string;
  /** A rules folder other than the shipped rules/ (compiled once per process and folder). */
  rulesDir?: string;
}

export interface Extraction {
  /** The article's identity as every record carries it, plus its metadata: the options given,
   * over what the text's own front matter says (null where neither says). */
  source: { path: string; sha256: string; id: string; url: string | null; published: string | null; title: string | null; outlet: string | null; language: string | null };
  claims: ClaimRecord[];
  /** Noise and figures read but not claimed, as noise.jsonl lists them; its `warnings` say what
   * metadata was ignored and why. */
  report: ArticleReport;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Extracts the claims of one text. Throws IngestError on a text that is empty or too large. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const path = options.url ?? 'text';
  const bytes = Buffer.from(text, 'utf8');
  // decodeArticle refuses what a run would refuse (empty, binary, too large) with the same words.
  const decoded = decodeArticle(path, bytes);
  const hash = sha256(bytes);
  const article: Article = { path, sha256: hash, id: hash.slice(0, 16), text: decoded.text, encoding: decoded.encoding };
  // A `url` that is a URL is also the source's url; one that is a file path ("corpus/a.txt", as a
  // run would name it) is only the path, so the records are those a run makes of that file.
  const given: ArticleMeta = Object.fromEntries((['url', 'outlet', 'published', 'language', 'title'] as const)
    .filter((k) => options[k] !== undefined && (k !== 'url' || URL_LIKE.test(options.url!))).map((k) => [k, options[k]]));
  const { claims, report } = processArticle(article, getRules(options.rulesDir), { meta: given });
  const meta = withMetadata(article, { meta: given }).article.meta ?? {};
  return {
    source: { path, sha256: hash, id: article.id, url: meta.url ?? null, published: meta.published ?? null, title: meta.title ?? null, outlet: meta.outlet ?? null, language: meta.language ?? null },
    claims,
    report,
  };
}
