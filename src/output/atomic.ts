/**
 * Files written whole or not at all: write to a temp file beside the target, then rename (atomic
 * on one file system). A run killed midway leaves only temp files, which the next run removes.
 */
import { mkdir, readdir, rename, rm, writeFile, open } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

const TEMP = /\.tmp-\d+-\d+$/;
let counter = 0;

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter++}`);
}

/** Writes `data` to `path` atomically. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A file written line by line, renamed into place only on `commit()`. */
export class AtomicLineWriter {
  private readonly tmp: string;
  private handle: Awaited<ReturnType<typeof open>> | null = null;
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly path: string) {
    this.tmp = tempPath(path);
  }

  /** Appends `line` and then `end` (a newline unless told otherwise). */
  async write(line: string, end = '\n'): Promise<void> {
    if (!this.handle) {
      await mkdir(dirname(this.path), { recursive: true });
      this.handle = await open(this.tmp, 'w');
    }
    this.buffer.push(line, end);
    this.size += line.length + end.length;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length && this.handle) await this.handle.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  async commit(): Promise<void> {
    if (!this.handle) {
      await mkdir(dirname(this.path), { recursive: true });
      this.handle = await open(this.tmp, 'w');
    }
    await this.flush();
    await this.handle.close();
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}

/** Removes temp files a killed run left in `dir` (one level, plus the given sub-folders). */
export async function removeStaleTemps(dir: string, subdirs: string[] = []): Promise<void> {
  for (const d of [dir, ...subdirs.map((s) => join(dir, s))]) {
    let names: string[];
    try {
      names = await readdir(d);
    } catch {
      continue;
    }
    for (const name of names) if (TEMP.test(name)) await rm(join(d, name), { force: true });
  }
}
