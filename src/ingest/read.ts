/**
 * Reads each article. A file that can't be read or decoded becomes a failure with its reason; the
 * others go on.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Article } from '../types.js';
import { sha256 } from '../util/hash.js';
import { decodeArticle, IngestError, DEFAULT_MAX_BYTES } from './decode.js';

export interface IngestFailure {
  path: string;
  reason: string;
}

// Which files are read lives in walk.ts; re-exported for the library's callers.
export { findArticles, ARTICLE_EXTENSIONS, UsageError, type Found, type Skipped } from './walk.js';

/** Reads and decodes one article; throws IngestError with the reason. */
export async function readArticle(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Article> {
  return articleFromBytes(path, await readBytes(path, maxBytes), maxBytes);
}

/** An article file's bytes; refuses an oversize file before reading it. Throws IngestError. */
export async function readBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.size > maxBytes) throw new IngestError(path, `file is ${info.size} bytes, over the ${maxBytes}-byte limit`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** Builds an Article from bytes already in memory (tests, workers). */
export function articleFromBytes(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES, knownSha256?: string): Article {
  const { text, encoding } = decodeArticle(path, bytes, maxBytes);
  const hash = knownSha256 ?? sha256(bytes);
  return { path: displayPath(path), sha256: hash, id: hash.slice(0, 16), text, encoding };
}

/** Paths in records are relative to the working directory with forward slashes, so output is
 * the same bytes on every machine. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path) || path;
  return rel.split(sep).join('/');
}
