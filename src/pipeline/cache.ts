/**
 * The per-article result store. Each article's result is kept under a key made of its content
 * hash, path, the rules hash and the pipeline version and code hash. It is both the incremental cache (a run
 * reuses a result whose key matches, so one new article is the only one processed) and the spool
 * that claims.jsonl and noise.jsonl are streamed from, so a run never holds every record in memory.
 *
 * A stored result is JSON lines: one claim per line, exactly as they are written to the outputs,
 * then the article's report, then a trailer with the claim count and a checksum (a bad entry is
 * recomputed, never trusted). Files are written whole (exclusive temp file + rename) by whoever
 * made the result, a worker or the main thread.
 */
import { readdir, rm, lstat } from 'node:fs/promises';
import { closeSync, createReadStream, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { sha256 } from '../util/hash.js';
import { tempPath, isTempName } from '../output/atomic.js';
import { summarizeClaim, type ClaimSummary } from '../reconcile/summary.js';
import type { ArticleDone } from './task.js';
import type { ArticleReport, ClaimRecord } from '../records.js';

export const CACHE_DIR = '.cache';

/** The name of a result file: a key (32 hex digits), once with "-1" when the plain name is taken
 * by something that is not a file. Pruning touches these names and temp files only. */
const ENTRY = /^[0-9a-f]{32}(?:-1)?\.jsonl$/;

/** An article with more claims than this sends none back from the worker: the main thread reads
 * their summaries from the stored result instead, so a worker's memory stays bounded. */
export const SUMMARIES_SENT = 20_000;

/**
 * Writes a stored result as it is made: claim lines, then the report line, then a trailer with
 * the number of claims and the sha256 of everything before it, so a cut, emptied or altered entry
 * is recognized and recomputed. Written to an exclusive temp file and renamed into place on
 * `commit`. Synchronous: workers call it between claims.
 */
export class ResultWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private buffer = '';
  private count = 0;

  constructor(private readonly file: string) {
    this.tmp = tempPath(file);
    this.fd = openSync(this.tmp, 'wx');
  }

  claim(c: ClaimRecord): void {
    this.add(JSON.stringify(c) + '\n');
    this.count++;
  }

  private add(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    this.hash.update(this.buffer);
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  commit(report: ArticleReport): void {
    this.add(JSON.stringify(report) + '\n');
    this.flush();
    writeSync(this.fd, trailer(this.count, this.hash.digest('hex')));
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
  }

  abort(): void {
    try { closeSync(this.fd); } catch { /* closed */ }
    rmSync(this.tmp, { force: true });
  }
}

const trailer = (claims: number, sum: string) => `${JSON.stringify({ end: 'claims result', claims, sha256: sum })}\n`;

/** A stored result that fails its check. */
export class BadEntry extends Error {}

/**
 * The lines of a stored result, checked: `onClaim` gets each claim line, and the report line is
 * returned. Throws BadEntry when the trailer is missing or its count or checksum does not match.
 * Small files are read at once, large ones streamed, so a result of any size is read in bounded
 * memory.
 */
export async function readStored(file: string, onClaim: (line: string) => void | Promise<void>): Promise<string> {
  const hash = createHash('sha256');
  let previous: string | null = null;
  let before: string | null = null;
  let claims = 0;
  // Lines go through a sliding pair (the last two are the report and the trailer); a claim line
  // is handed on only once two more lines are known. onClaim's promise is awaited only when it
  // gives one (a writer flushing), not once per line.
  const line = (l: string): void | Promise<void> => {
    const claim = before;
    before = previous;
    previous = l;
    if (claim === null) return;
    claims++;
    hash.update(claim + '\n');
    return onClaim(claim);
  };
  if (lstatSync(file).size < 1 << 23) {
    // Read at once, synchronously: one small file costs less read directly than through the
    // thread pool's open, stat, read and close, and a run reads one per article.
    const text = readFileSync(file, 'utf8');
    if (!text.endsWith('\n')) throw new BadEntry('cut short');
    for (let at = 0; at < text.length;) {
      const eol = text.indexOf('\n', at);
      const pending = line(text.slice(at, eol));
      if (pending) await pending;
      at = eol + 1;
    }
  } else {
    let rest = '';
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const p of parts) {
        const pending = line(p);
        if (pending) await pending;
      }
    }
    if (rest !== '') throw new BadEntry('cut short');
  }
  // `previous` is the trailer, `before` the report line.
  if (previous === null || before === null) throw new BadEntry('no report');
  const report: string = before;
  hash.update(report + '\n');
  if (previous !== trailer(claims, hash.digest('hex')).slice(0, -1)) throw new BadEntry('checksum or count does not match');
  return report;
}

/** The summary of a stored result that the main thread keeps, read from the file (checked). */
export type Described = ArticleDone & { summaries: ClaimSummary[] };

export async function describeStored(file: string): Promise<Described> {
  const summaries: ClaimSummary[] = [];
  const report = JSON.parse(await readStored(file, (l) => void summaries.push(summarizeClaim(JSON.parse(l) as ClaimRecord)))) as ArticleReport;
  return { path: report.path, sha256: report.sha256, id: report.id, claims: summaries.length, noise: report.noise.length, rejected: report.rejected.length, warnings: report.warnings ?? [], summaries };
}

export class ResultCache {
  readonly dir: string;
  private readonly used = new Set<string>();
  private present: Set<string> | null = null;
  /** Keys whose plain entry name is taken by something that is not a file (a folder). */
  private readonly blocked = new Set<string>();

  constructor(out: string, private readonly rulesHash: string, private readonly version: string) {
    this.dir = join(out, CACHE_DIR);
  }

  /** Creates the folder and lists what is stored, once, instead of a failed read per article. */
  open(): void {
    mkdirSync(this.dir, { recursive: true });
    const files = new Set<string>();
    for (const d of readdirSync(this.dir, { withFileTypes: true })) {
      if (!ENTRY.test(d.name)) continue;
      if (d.isFile()) files.add(d.name);
      else if (!d.name.includes('-')) this.blocked.add(d.name.slice(0, 32));
    }
    this.present = new Set([...files].map((n) => n.slice(0, 32)).filter((k) => files.has(basename(this.file(k)))));
  }

  key(contentSha: string, path: string, metaSha?: string): string {
    // The path is part of the key: records carry it, so a moved file is a new result. So is the
    // metadata sidecar's content: its fields are on every record.
    return sha256(`${contentSha}\0${path}\0${this.rulesHash}\0${this.version}${metaSha ? `\0${metaSha}` : ''}`).slice(0, 32);
  }

  file(key: string): string {
    return join(this.dir, `${key}${this.blocked.has(key) ? '-1' : ''}.jsonl`);
  }

  /** A stored result's summary, or null when there is none or it fails its check (then the
   * article is processed again and the entry rewritten). */
  async get(key: string): Promise<Described | null> {
    if (this.present && !this.present.has(key)) return null;
    try {
      const done = await describeStored(this.file(key));
      this.used.add(key);
      return done;
    } catch {
      return null;
    }
  }

  markUsed(key: string): void {
    this.used.add(key);
  }

  /** Drops stored results this run did not use, so the store does not grow without bound. Only
   * files named as results or as temp files are touched: anything else in the folder stays. */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const n of names) {
      const entry = ENTRY.test(n);
      if (!entry && !isTempName(n)) continue;
      if (entry && this.used.has(n.slice(0, 32))) continue;
      const file = join(this.dir, n);
      if ((await lstat(file).catch(() => null))?.isFile()) await rm(file, { force: true });
    }
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

  // The store's files are small and written or read one per article by the main thread, which has
  // nothing else to do meanwhile: done synchronously, without a round trip through the thread pool
  // per call (on 12,000 articles that round trip was seconds of a run).
  private async write(contentSha: string, bytes: Uint8Array): Promise<void> {
    if (!this.made) { mkdirSync(this.dir, { recursive: true }); this.made = true; }
    const file = this.file(contentSha);
    if (existsSync(file)) return;
    const tmp = tempPath(file);
    try {
      writeFileSync(tmp, bytes, { flag: 'wx' });
      renameSync(tmp, file);
    } catch (err) {
      // (A full disk: no half copy is left behind.)
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** The stored bytes, or else the file at `path` if its content still has this hash; null if neither. */
  async get(contentSha: string, path: string): Promise<Uint8Array | null> {
    for (const file of [this.file(contentSha), path]) {
      let bytes: Buffer | null = null;
      try { bytes = readFileSync(file); } catch { /* not there */ }
      if (bytes && sha256(bytes) === contentSha) return bytes;
    }
    return null;
  }

  /** Removes the texts no manifest entry refers to any more. */
  async prune(keep: Set<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const n of names) if (/^[0-9a-f]{64}$/.test(n) && !keep.has(n)) await rm(join(this.dir, n), { force: true });
  }
}
