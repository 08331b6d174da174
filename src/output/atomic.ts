/**
 * Files written whole or not at all, and sets of files that switch as a whole.
 *
 * A file is written to a temp file beside it, created exclusively (O_EXCL) under an unguessable
 * name, then renamed into place (atomic on one file system): a planted symbolic link is never
 * followed, and a killed run leaves only temp files, which the next run removes.
 *
 * An output set (claims.jsonl, noise.jsonl, graph.json, report.md, run.json, schema/, manifest.json)
 * is staged as temp files first; then one small commit record listing them is written atomically
 * — the point where the new set becomes the current one — and the temps are renamed into place.
 * A run killed before the record leaves the old set whole; one killed after it is finished by
 * the next command that opens the folder (`finishCommit`), before it reads anything.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile, open, lstat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename, relative, sep } from 'node:path';

const TEMP = /^\..+\.tmp-[0-9a-f]{16}$/;

/** An unguessable temp name beside `path` (hidden, so folder walks skip it). */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${randomBytes(8).toString('hex')}`);
}

/** True for a name tempPath made. */
export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** Writes `data` to `path` atomically. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A file written line by line to an exclusive temp file; renamed into place on `commit()`, or,
 * when it belongs to an OutputSet, when the set commits. */
export class AtomicLineWriter {
  private readonly tmp: string;
  private handle: Awaited<ReturnType<typeof open>> | null = null;
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly path: string, private readonly set?: OutputSet) {
    this.tmp = tempPath(path);
  }

  private async opened(): Promise<Awaited<ReturnType<typeof open>>> {
    if (!this.handle) {
      await mkdir(dirname(this.path), { recursive: true });
      this.handle = await open(this.tmp, 'wx');
    }
    return this.handle;
  }

  /** Appends `line` and then `end` (a newline unless told otherwise). Gives a promise only when
   * it has to wait (opening the file, writing a full buffer): a caller writing many lines awaits
   * what needs it, not every line. */
  write(line: string, end = '\n'): Promise<void> | undefined {
    if (!this.handle) return this.opened().then(() => this.write(line, end));
    this.buffer.push(line, end);
    this.size += line.length + end.length;
    return this.size > 1 << 20 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length && this.handle) await this.handle.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  /** Where the written lines are to be read: the temp file until its set commits. */
  get file(): string {
    return this.set ? this.tmp : this.path;
  }

  async commit(): Promise<void> {
    await this.opened();
    await this.flush();
    await this.handle!.close();
    if (this.set) this.set.staged(this.tmp, this.path);
    else await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}

const COMMIT = '.commit.json';

/** Files staged as temps that become current together (see the top of this file). */
export class OutputSet {
  private readonly files: { tmp: string; path: string }[] = [];

  constructor(private readonly out: string) {}

  staged(tmp: string, path: string): void {
    this.files.push({ tmp, path });
  }

  lines(path: string): AtomicLineWriter {
    return new AtomicLineWriter(path, this);
  }

  async write(path: string, data: string): Promise<void> {
    const w = this.lines(path);
    try {
      await w.write(data, '');
      await w.commit();
    } catch (err) {
      await w.abort();
      throw err;
    }
  }

  /** Makes the staged files current: the commit record, then the renames. */
  async commit(): Promise<void> {
    await this.record();
    await finishCommit(this.out);
  }

  /** Writes the commit record: from here on the staged set is the current one. */
  async record(): Promise<void> {
    const rel = (p: string) => relative(this.out, p).split(sep).join('/');
    await writeAtomic(join(this.out, COMMIT), JSON.stringify({ about: 'claims: an output set being switched in; any claims command finishes it', files: this.files.map((f) => [rel(f.tmp), rel(f.path)]) }) + '\n');
  }

  /** Removes the staged temps (a run that failed before its commit). */
  async abort(): Promise<void> {
    for (const f of this.files) await rm(f.tmp, { force: true });
  }
}

/** Finishes a commit a killed run left: renames the temps it lists that are still there. */
export async function finishCommit(out: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(join(out, COMMIT), 'utf8');
  } catch {
    return;
  }
  let files: [string, string][] = [];
  try {
    files = (JSON.parse(text) as { files: [string, string][] }).files;
  } catch {
    // A record is written atomically, so it is whole or absent; anything else is not ours to act on.
    return;
  }
  for (const [tmp, path] of files) {
    const from = join(out, tmp);
    // Only our own temp names, inside the folder.
    if (!isTempName(basename(tmp)) || tmp.split('/').includes('..') || path.split('/').includes('..')) continue;
    if (await lstat(from).then((s) => s.isFile(), () => false)) await rename(from, join(out, path));
  }
  await rm(join(out, COMMIT), { force: true });
}

/** Removes temp files a killed run left in `dir` (one level, plus the given sub-folders). Only
 * regular files with the names tempPath makes are touched. Call finishCommit first. */
export async function removeStaleTemps(dir: string, subdirs: string[] = []): Promise<void> {
  for (const d of [dir, ...subdirs.map((s) => join(dir, s))]) {
    let names: string[];
    try {
      names = await readdir(d);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!TEMP.test(name)) continue;
      const file = join(d, name);
      if ((await lstat(file).catch(() => null))?.isFile()) await rm(file, { force: true });
    }
  }
}
