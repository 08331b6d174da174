/**
 * Reads each article. A file that can't be read or decoded becomes a failure with its reason; the
 * others go on.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
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
import { kindOf } from './walk.js';

/** Reads and decodes one article; throws IngestError with the reason. */
export async function readArticle(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Article> {
  return articleFromBytes(path, await readBytes(path, maxBytes), maxBytes);
}

/** An article file's bytes; refuses an oversize file before reading it, and anything that is not
 * a regular file (a FIFO would block, a device never end) by what it is. Throws IngestError.
 * The calls are synchronous: an article is a small file, and a run reads thousands of them one
 * after another on a thread with nothing else to do; the thread pool's round trip per call (open,
 * stat, read, close) cost more than the reading. */
export async function readBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let fd: number | null = null;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once; then fstat says what it is.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) throw new IngestError(path, `not a regular file (${kindOf(info)}): only files are read`);
    if (info.size > maxBytes) throw new IngestError(path, `file is ${info.size} bytes, over the ${maxBytes}-byte limit`);
    const bytes = readFileSync(fd);
    // A file that grew while it was read is held to the same limit.
    if (bytes.length > maxBytes) throw new IngestError(path, `file is over the ${maxBytes}-byte limit`);
    return bytes;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Builds an Article from bytes already in memory (tests, workers). */
export function articleFromBytes(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES, knownSha256?: string): Article {
  const { text, encoding } = decodeArticle(path, bytes, maxBytes);
  const hash = knownSha256 ?? sha256(bytes);
  return { path: displayPath(path), sha256: hash, id: hash.slice(0, 16), text, encoding };
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Paths in records are relative to the working directory with forward slashes, so output is
 * the same bytes on every machine. */
export function displayPath(path: string): string {
  // A URL given as a name (`--stdin-name https://…`) is no file path: kept verbatim (path.relative
  // would fold its "//" and make it relative to the working directory).
  if (URL_LIKE.test(path)) return path;
  const rel = relative(process.cwd(), path) || path;
  return rel.split(sep).join('/');
}
