/**
 * The incremental cache: each article's result stored under a key made of its content hash, the
 * rules hash and the pipeline version. A run reuses a stored result when the key matches, so a
 * corpus with one new article reprocesses only that one. Results are stored whole (atomic).
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../util/hash.js';
import { writeAtomic } from '../output/atomic.js';
import type { ArticleResult } from './article.js';

export const CACHE_DIR = '.cache';

export class ResultCache {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(out: string, private readonly rulesHash: string, private readonly version: string) {
    this.dir = join(out, CACHE_DIR);
  }

  key(contentSha: string, path: string): string {
    // The path is part of the key: records carry it, so a moved file is a new result.
    return sha256(`${contentSha}\0${path}\0${this.rulesHash}\0${this.version}`).slice(0, 32);
  }

  file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  async get(key: string): Promise<ArticleResult | null> {
    try {
      const result = JSON.parse(await readFile(this.file(key), 'utf8')) as ArticleResult;
      this.used.add(key);
      return result;
    } catch {
      return null;
    }
  }

  async put(key: string, result: ArticleResult): Promise<void> {
    await writeAtomic(this.file(key), JSON.stringify(result));
    this.used.add(key);
  }

  /** Drops stored results this run did not use, so the cache does not grow without bound. */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const n of names) if (n.endsWith('.json') && !this.used.has(n.slice(0, -5))) await rm(join(this.dir, n), { force: true });
  }
}
