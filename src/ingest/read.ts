/**
 * Finds the articles under the given files and folders and reads each one. A file that can't be
 * read or decoded becomes a failure with its reason; the others go on.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Article } from '../types.js';
import { sha256 } from '../util/hash.js';
import { decodeArticle, IngestError, DEFAULT_MAX_BYTES } from './decode.js';

/** File endings read as articles when a folder is given. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

export interface IngestFailure {
  path: string;
  reason: string;
}

/** Expands files and folders into a sorted, de-duplicated list of article paths. */
export async function findArticles(inputs: string[]): Promise<{ paths: string[]; failures: IngestFailure[] }> {
  const found = new Set<string>();
  const failures: IngestFailure[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      failures.push({ path: input, reason: 'no such file or folder' });
      continue;
    }
    if (info.isDirectory()) {
      for (const entry of await readdir(input, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        if (!ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
        found.add(join(entry.parentPath ?? input, entry.name));
      }
    } else found.add(input);
  }
  return { paths: [...found].map(displayPath).sort(), failures };
}

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
