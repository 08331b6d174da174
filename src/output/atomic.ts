/**
 * Files written whole or not at all, and sets of files that switch as a whole.
 *
 * A file is written to a temp file beside it, created exclusively (O_EXCL) under an unguessable
 * name, then renamed into place (atomic on one file system): a planted symbolic link is never
 * followed, and a killed run leaves only temp files, which the next run removes.
 *
 * Sets of files that switch as a whole (a run's outputs) are generations.ts'.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile, lstat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';

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

/** The commit record of the layout before output generations (see generations.ts). */
const COMMIT = '.commit.json';

/** Finishes a commit that a run of an older version (which renamed staged temps one by one after
 * writing `.commit.json`) left when it was killed: renames the temps it lists that are still there.
 * Kept so such a folder is completed, not torn, before this version adopts it. */
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
