/**
 * One run at a time per output folder: `<out>/.lock`, linked into place whole, holds the pid and host
 * of the run that owns the folder. A second run is refused by name; a lock whose process is gone
 * (same host, pid not alive) is stale and taken over.
 */
import { closeSync, statSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, rmdirSync, writeSync, existsSync, linkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../ingest/walk.js';

export const LOCK_FILE = '.lock';

export interface Lock {
  /** Removes the lock, and the folder too when the lock created it and nothing else was written. */
  release(options?: { nothingWritten?: boolean }): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** mkdir -p one level at a time: Node's recursive mkdir spins forever under /proc (Node 20). */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
}

/** Lock temps of runs that died before linking theirs (`.lock.<pid>.<hex>`, pid not alive). */
function clearDeadTemps(out: string): void {
  for (const name of readdirSync(out)) {
    const m = /^\.lock\.(\d+)\.[0-9a-f]{12}$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(out, name), { force: true });
  }
}

export function lockOutput(out: string): Lock {
  const created = !existsSync(out);
  if (!created && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder; nothing was written`);
  makeFolder(out);
  const file = join(out, LOCK_FILE);
  clearDeadTemps(out);
  // The lock appears whole or not at all: written to a file of our own, then linked into place
  // (a link fails if the lock exists). A run killed between the two leaves only its own temp,
  // which the next lock clears; a lock file is never seen empty.
  const temp = join(out, `${LOCK_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  const owner = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }) + '\n';
  const fd = openSync(temp, 'wx');
  writeSync(fd, owner);
  closeSync(fd);
  for (let attempt = 0; ; attempt++) {
    try {
      linkSync(temp, file);
      rmSync(temp, { force: true });
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // (A file system without hard links: the lock is created in place, as exclusively.)
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
        rmSync(temp, { force: true });
        const lock = openSync(file, 'wx');
        writeSync(lock, owner);
        closeSync(lock);
        break;
      }
      if (code !== 'EEXIST') { rmSync(temp, { force: true }); throw err; }
      let held: { pid?: number; host?: string } = {};
      try {
        held = JSON.parse(readFileSync(file, 'utf8'));
      } catch { /* not ours: treated as held */ }
      const stale = attempt === 0 && typeof held.pid === 'number' && held.host === hostname() && !alive(held.pid);
      if (!stale) {
        rmSync(temp, { force: true });
        throw new UsageError(`${out} is in use by another run (pid ${held.pid ?? '?'}${held.host && held.host !== hostname() ? ` on ${held.host}` : ''}); if none is running, remove ${file}`);
      }
      rmSync(file, { force: true });
    }
  }
  return {
    release({ nothingWritten = false } = {}) {
      rmSync(file, { force: true });
      if (created && nothingWritten) try { rmdirSync(out); } catch { /* not empty */ }
    },
  };
}
