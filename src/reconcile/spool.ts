/**
 * A list of text lines that lives in memory while it is small and moves to a temp file once it
 * grows: reconciliation's outputs (edges, group nodes) and pending hub members are as long as the
 * corpus, and holding them would make memory grow with it. Lines must not contain "\n" (they are
 * JSON.stringify output or keys built from it).
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readLines } from './line-reader.js';

/** Lines kept in memory before a spool moves to disk. Small enough that a few dozen open spools
 * stay in the low megabytes, large enough that small corpora never touch the disk. */
export const SPOOL_MEMORY_LINES = 4096;

let counter = 0;

export class Spool {
  private memory: string[] = [];
  private file: string | null = null;
  private fd: number | null = null;
  private pending: string[] = [];
  /** Lines appended so far. */
  count = 0;

  constructor(private readonly dir: string, private readonly name = 'spool') {}

  append(line: string): void {
    this.count++;
    if (this.fd === null && this.memory.length < SPOOL_MEMORY_LINES) {
      this.memory.push(line);
      return;
    }
    if (this.fd === null) {
      this.file = join(this.dir, `${this.name}-${process.pid}-${counter++}.lines`);
      this.fd = openSync(this.file, 'w');
      this.pending = this.memory;
      this.memory = [];
    }
    this.pending.push(line);
    if (this.pending.length >= SPOOL_MEMORY_LINES) this.flush();
  }

  private flush(): void {
    if (this.fd !== null && this.pending.length) writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
  }

  /** Every line in the order appended. The spool stays usable (it can be read again). */
  *lines(): Generator<string> {
    if (this.fd === null) {
      yield* this.memory;
      return;
    }
    this.flush();
    yield* readLines(this.file!);
  }

  /** Empties the spool and removes its file. */
  clear(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.file) rmSync(this.file, { force: true });
    this.memory = [];
    this.pending = [];
    this.file = null;
    this.fd = null;
    this.count = 0;
  }
}
