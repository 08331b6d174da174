/**
 * The per-article result store. Each article's result is kept under a key made of its content
 * hash, path, the rules hash and the pipeline version and code hash. It is both the incremental cache (a run
 * reuses a result whose key matches, so one new article is the only one processed) and the spool
 * that claims.jsonl and noise.jsonl are streamed from, so a run never holds every record in memory.
 *
 * A stored result is JSON lines: the article's report first, then one claim per line, exactly as
 * they are written to the outputs. Files are written whole (temp file + rename) by whoever made
 * the result, a worker or the main thread.
 */
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { sha256 } from '../util/hash.js';
import type { ArticleResult } from './article.js';
import type { ArticleReport, ClaimRecord } from '../records.js';

export const CACHE_DIR = '.cache';

/** Stored form of a result: report line, then claim lines. */
export function serializeResult(result: ArticleResult): string {
  return [JSON.stringify(result.report), ...result.claims.map((c) => JSON.stringify(c))].join('\n') + '\n';
}

/** The lines of a stored result: the report line and the claim lines, unparsed. */
export function splitStored(text: string): { report: string; claims: string[] } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [report, ...claims] = lines;
  if (!report) throw new Error('empty stored result');
  return { report, claims };
}

export function parseStored(text: string): ArticleResult {
  const { report, claims } = splitStored(text);
  return { report: JSON.parse(report) as ArticleReport, claims: claims.map((c) => JSON.parse(c) as ClaimRecord) };
}

/** Writes a stored result whole: temp file beside it, then rename. Synchronous: workers call it. */
export function storeResult(file: string, result: ArticleResult): void {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${threadId}`);
  writeFileSync(tmp, serializeResult(result));
  renameSync(tmp, file);
}

export class ResultCache {
  readonly dir: string;
  private readonly used = new Set<string>();
  private present: Set<string> | null = null;

  constructor(out: string, private readonly rulesHash: string, private readonly version: string) {
    this.dir = join(out, CACHE_DIR);
  }

  /** Creates the folder and lists what is stored, once, instead of a failed read per article. */
  open(): void {
    mkdirSync(this.dir, { recursive: true });
    this.present = new Set(readdirSync(this.dir).filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -6)));
  }

  key(contentSha: string, path: string): string {
    // The path is part of the key: records carry it, so a moved file is a new result.
    return sha256(`${contentSha}\0${path}\0${this.rulesHash}\0${this.version}`).slice(0, 32);
  }

  file(key: string): string {
    return join(this.dir, `${key}.jsonl`);
  }

  /** A stored result, or null when there is none or it is unreadable (then it is recomputed). */
  async get(key: string): Promise<ArticleResult | null> {
    if (this.present && !this.present.has(key)) return null;
    try {
      const result = parseStored(await readFile(this.file(key), 'utf8'));
      this.used.add(key);
      return result;
    } catch {
      return null;
    }
  }

  markUsed(key: string): void {
    this.used.add(key);
  }

  /** Drops stored results this run did not use, so the store does not grow without bound. */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const n of names) if (!n.startsWith('.') && !this.used.has(n.replace(/\.jsonl?$/, ''))) await rm(join(this.dir, n), { force: true });
  }
}

export const STORE_DIR = '.store';

/**
 * The texts of every article the output folder holds, by content hash. Outputs are rebuilt over
 * the whole manifest on every run, and a stored result stops matching when the rules or the code
 * change; the store lets a rebuild reprocess an article whose original file has since moved or
 * gone. Identical texts at several paths are stored once.
 */
export class ArticleStore {
  readonly dir: string;

  constructor(out: string) {
    this.dir = join(out, STORE_DIR);
  }

  file(contentSha: string): string {
    return join(this.dir, contentSha);
  }

  /** Keeps a copy of the bytes unless one is already there. Written whole (temp + rename); the
   * same text at two paths read at once is written once. */
  put(contentSha: string, bytes: Uint8Array): Promise<void> {
    let pending = this.writing.get(contentSha);
    if (!pending) {
      pending = this.write(contentSha, bytes);
      this.writing.set(contentSha, pending);
    }
    return pending;
  }

  private readonly writing = new Map<string, Promise<void>>();
  private made = false;

  private async write(contentSha: string, bytes: Uint8Array): Promise<void> {
    if (!this.made) { mkdirSync(this.dir, { recursive: true }); this.made = true; }
    const file = this.file(contentSha);
    if (existsSync(file)) return;
    const tmp = join(this.dir, `.${contentSha}.tmp-${process.pid}-${threadId}`);
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  }

  /** The stored bytes, or else the file at `path` if its content still has this hash; null if neither. */
  async get(contentSha: string, path: string): Promise<Uint8Array | null> {
    for (const file of [this.file(contentSha), path]) {
      const bytes = await readFile(file).catch(() => null);
      if (bytes && sha256(bytes) === contentSha) return bytes;
    }
    return null;
  }

  /** Removes the texts no manifest entry refers to any more. */
  async prune(keep: Set<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const n of names) if (!n.startsWith('.') && !keep.has(n)) await rm(join(this.dir, n), { force: true });
  }
}
