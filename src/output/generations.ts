/**
 * An output folder's layout: every run writes its whole output set into a generation folder of its
 * own, and one rename of one symbolic link makes it current.
 *
 *   out/.generations/<id>/          a run's set: claims.jsonl, noise.jsonl, graph.json, report.md,
 *                                   run.json, manifest.json, schema/ (id: 16 hex digits of the
 *                                   sha256 of the set's bytes, so the same outputs give the same name)
 *   out/current -> .generations/<id>   the set that is current; replaced by rename(2), atomically
 *   out/claims.jsonl -> current/claims.jsonl   …one stable link per name of the set, made once, so
 *                                   tools keep reading output/claims.jsonl where they always did
 *
 * Why links and not renames of the files themselves: renaming seven names one by one lets a
 * reader (or a kill between two renames) see new claims beside an old run.json. Here the set is
 * written where no reader looks (`.generations/.staging-<random>`), renamed to its id, and then
 * the `current` link is swapped: before that rename every name reads the old set, after it every
 * name reads the new one. A run killed at any point leaves either set whole; what it left half
 * made (a staging folder, a temp link, a generation never switched in) is removed by the next run.
 *
 * A reader that wants several files of one set resolves `current` once (realpath) and reads them
 * from the generation folder it names; each file read through the links is always whole.
 */
import { lstat, mkdir, readdir, readlink, rename, rm, symlink, link, copyFile, open } from 'node:fs/promises';
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { UsageError } from '../ingest/walk.js';
import { isTempName, tempPath } from './atomic.js';
import { checkedWrite } from './fault.js';

export const GENERATIONS = '.generations';
export const CURRENT = 'current';
/** The names of an output set, each a link `<name> -> current/<name>` in the output folder. */
export const SET_NAMES = ['claims.jsonl', 'noise.jsonl', 'graph.json', 'report.md', 'run.json', 'manifest.json', 'schema'] as const;

/** What the pipeline makes in .generations/: generations, a run's staging folder, a plain folder
 * of an older layout moved aside. Nothing else there is touched. */
const OURS = /^(?:[0-9a-f]{16}|\.staging-[0-9a-f]{16}|\.retired-[0-9a-f]{16})$/;

const hex = () => randomBytes(8).toString('hex');
const kind = (path: string) => lstat(path).then((s) => (s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other'), () => null);

/** The id of the current generation, or null when there is none (a new folder, an older layout). */
export async function currentGeneration(out: string): Promise<string | null> {
  const target = await readlink(join(out, CURRENT)).catch(() => null);
  const m = target === null ? null : /(?:^|\/)\.generations\/([0-9a-f]{16})$/.exec(target);
  if (!m || (await kind(join(out, GENERATIONS, m[1]))) !== 'dir') return null;
  return m[1];
}

/** Points `out/<name>` at `target` in one step: a temp link, renamed over whatever is there. */
async function placeLink(out: string, name: string, target: string): Promise<void> {
  const tmp = tempPath(join(out, name));
  await symlink(target, tmp);
  try {
    await rename(tmp, join(out, name));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Makes generation `id` the current one: the single step at which the output set switches. */
async function switchTo(out: string, id: string): Promise<void> {
  await placeLink(out, CURRENT, `${GENERATIONS}/${id}`);
}

/** Every name of the set as a link into current/ (made once; a plain file of an older layout was
 * adopted before, see adoptPlainSet). */
async function ensureLinks(out: string): Promise<void> {
  for (const name of SET_NAMES) {
    const path = join(out, name);
    const k = await kind(path);
    if (k === 'link' && (await readlink(path)) === `${CURRENT}/${name}`) continue;
    // A plain folder cannot be renamed over: moved aside first (an older layout's schema/).
    if (k === 'dir') await rename(path, join(out, GENERATIONS, `.retired-${hex()}`));
    await placeLink(out, name, `${CURRENT}/${name}`);
  }
}

/** Removes what the pipeline made in .generations/ other than `keep`. */
async function prune(out: string, keep: string | null): Promise<void> {
  const names = await readdir(join(out, GENERATIONS)).catch(() => [] as string[]);
  for (const name of names) if (OURS.test(name) && name !== keep) await rm(join(out, GENERATIONS, name), { recursive: true, force: true });
}

/**
 * Readies an output folder for a run (under its lock): refuses a `current` that is not the
 * pipeline's, removes what a killed run left half made, and moves the plain files of an older
 * layout into a generation of their own (adoptPlainSet).
 */
export async function prepareOutputFolder(out: string): Promise<void> {
  const k = await kind(join(out, CURRENT));
  if (k !== null && (k !== 'link' || !/(?:^|\/)\.generations\/[0-9a-f]{16}$/.test(await readlink(join(out, CURRENT))))) {
    throw new UsageError(`${join(out, CURRENT)} is in the way: the pipeline keeps a link of that name to the current output set; move it away; nothing was written`);
  }
  // Temp links of a run killed between making and renaming one (temp files are removeStaleTemps').
  for (const name of await readdir(out)) {
    if (isTempName(name) && (await kind(join(out, name))) === 'link') await rm(join(out, name), { force: true });
  }
  await prune(out, await currentGeneration(out));
  await adoptPlainSet(out);
}

/** A file or a folder of files, hard-linked (copied where links are not possible) to `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  const k = await kind(from);
  if (k === 'dir') {
    await mkdir(to, { recursive: true });
    for (const name of await readdir(from)) await linkTree(join(from, name), join(to, name));
  } else if (k === 'file') {
    await link(from, to).catch(() => copyFile(from, to));
  }
}

/**
 * The first run over a folder an older version wrote (plain claims.jsonl …) or a folder copied
 * with its links dereferenced: the plain files become a generation of their own — hard links, so
 * nothing is copied — that is made current, and then each plain name is replaced by its link,
 * which reads the same bytes. A reader sees the old set throughout; only a plain schema/ folder is
 * briefly absent while it is swapped for its link (a folder cannot be renamed over). Killed midway,
 * the next run does it again from where it stopped.
 */
async function adoptPlainSet(out: string): Promise<void> {
  const plain: string[] = [];
  for (const name of SET_NAMES) if (['file', 'dir'].includes((await kind(join(out, name))) ?? '')) plain.push(name);
  if (plain.length === 0) return;
  const current = await currentGeneration(out);
  const id = hex();
  const staging = join(out, GENERATIONS, `.staging-${id}`);
  await mkdir(staging, { recursive: true });
  for (const name of SET_NAMES) {
    const from = plain.includes(name) ? join(out, name) : current ? join(out, GENERATIONS, current, name) : null;
    if (from) await linkTree(from, join(staging, name));
  }
  await rename(staging, join(out, GENERATIONS, id));
  await switchTo(out, id);
  await ensureLinks(out);
  await prune(out, id);
}

/** One file of a set being written: buffered, hashed as written (the set's id is a hash of its bytes). */
export class SetFile {
  private handle: Awaited<ReturnType<typeof open>> | null = null;
  private buffer: string[] = [];
  private size = 0;
  readonly hash: Hash = createHash('sha256');

  constructor(readonly file: string) {}

  /** Appends `line` and then `end` (a newline unless told otherwise). Gives a promise only when
   * it has to wait (opening the file, writing a full buffer): a caller writing many lines awaits
   * what needs it, not every line. The buffer is small (64 KB) so the lines it holds die young
   * instead of filling the old generation of a long run's heap. */
  write(line: string, end = '\n'): Promise<void> | undefined {
    if (!this.handle) return mkdir(dirname(this.file), { recursive: true }).then(() => open(this.file, 'wx')).then((h) => { this.handle ??= h; return this.write(line, end); });
    this.buffer.push(line, end);
    this.size += line.length + end.length;
    return this.size > 1 << 16 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length && this.handle) {
      const text = this.buffer.join('');
      this.hash.update(text);
      await checkedWrite(this.file, text.length, () => this.handle!.write(text));
    }
    this.buffer = [];
    this.size = 0;
  }

  /** Writes what is buffered and closes the file (empty files are made too). */
  async commit(): Promise<void> {
    this.handle ??= await mkdir(dirname(this.file), { recursive: true }).then(() => open(this.file, 'wx'));
    await this.flush();
    await this.handle!.close();
  }

  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
  }
}

/** An output set written into a staging folder, switched in as a whole by `commit` (see the top of this file). */
export class OutputSet {
  private readonly staging: string;
  private readonly files = new Map<string, SetFile>();

  constructor(private readonly out: string) {
    this.staging = join(out, GENERATIONS, `.staging-${hex()}`);
  }

  /** A file of the set by its name in the set ('claims.jsonl', 'schema/claim.schema.json'). */
  lines(name: string): SetFile {
    const f = new SetFile(join(this.staging, name));
    this.files.set(name, f);
    return f;
  }

  async write(name: string, data: string): Promise<void> {
    const f = this.lines(name);
    try {
      await f.write(data, '');
      await f.commit();
    } catch (err) {
      await f.abort();
      throw err;
    }
  }

  /** The set's id: a hash of every file's name and bytes, in name order. */
  private id(): string {
    const h = createHash('sha256');
    for (const name of [...this.files.keys()].sort()) h.update(name).update('\0').update(this.files.get(name)!.hash.digest('hex')).update('\0');
    return h.digest('hex').slice(0, 16);
  }

  /** Makes the written set the current one, then removes the one it replaced. */
  async commit(): Promise<void> {
    const id = this.id();
    const generations = join(this.out, GENERATIONS);
    if ((await currentGeneration(this.out)) === id) {
      // The same bytes as the current set (an unchanged rerun): nothing to switch.
      await rm(this.staging, { recursive: true, force: true });
    } else {
      await rm(join(generations, id), { recursive: true, force: true });
      await rename(this.staging, join(generations, id));
      await switchTo(this.out, id);
    }
    await ensureLinks(this.out);
    await prune(this.out, id);
  }

  /** Removes the staging folder (a run that failed before its switch). */
  async abort(): Promise<void> {
    for (const f of this.files.values()) await f.abort();
    await rm(this.staging, { recursive: true, force: true });
  }
}

