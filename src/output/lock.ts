/**
 * One run at a time per output folder: `<out>/.lock`, created exclusively, holds the pid and host
 * of the run that owns the folder. A second run is refused by name; a lock whose process is gone
 * (same host, pid not alive) is stale and taken over.
 */
import { closeSync, statSync, mkdirSync, openSync, readFileSync, rmSync, rmdirSync, writeSync, existsSync } from 'node:fs';
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

export function lockOutput(out: string): Lock {
  const created = !existsSync(out);
  if (!created && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder; nothing was written`);
  makeFolder(out);
  const file = join(out, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }) + '\n');
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8'));
      } catch { /* being written, or not ours: treated as held */ }
      const stale = attempt === 0 && typeof owner.pid === 'number' && owner.host === hostname() && !alive(owner.pid);
      if (!stale) throw new UsageError(`${out} is in use by another run (pid ${owner.pid ?? '?'}${owner.host && owner.host !== hostname() ? ` on ${owner.host}` : ''}); if none is running, remove ${file}`);
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
