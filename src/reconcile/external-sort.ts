/**
 * Sorting more lines than memory should hold: entries are sorted in fixed-size chunks, each chunk
 * goes to a temp file, and the files are merged through a small heap, at most MERGE_WIDTH at a
 * time (more files are first merged in rounds, so open files and the heap stay bounded). Memory is
 * one chunk plus one read block per merged file, whatever the number of entries; time is
 * n log(chunk) + n log(files).
 *
 * Keys compare as JavaScript strings (UTF-16 code units), the same on every machine; ties are
 * broken by the value, so the order is a function of the entries alone, never of arrival order.
 */
import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readLines } from './line-reader.js';

/** Entries sorted in memory at once (a few hundred bytes each). */
export const SORT_CHUNK = 20_000;
/** Files merged at once. */
export const MERGE_WIDTH = 64;

export interface Entry {
  key: string;
  value: string;
}

const SEP = '\t';
const cmp = (a: Entry, b: Entry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

let counter = 0;

export class ExternalSorter {
  private chunk: Entry[] = [];
  private readonly files: string[] = [];

  /** Keys must contain neither "\t" nor "\n", values no "\n" (JSON.stringify output is safe). */
  constructor(private readonly dir: string, private readonly chunkSize = SORT_CHUNK) {}

  add(key: string, value: string): void {
    this.chunk.push({ key, value });
    if (this.chunk.length >= this.chunkSize) this.spill();
  }

  private spill(): void {
    this.chunk.sort(cmp);
    const file = join(this.dir, `sort-${process.pid}-${counter++}.lines`);
    // Joined per chunk, not per line: one write, and no string as large as the whole corpus.
    writeFileSync(file, this.chunk.map((e) => e.key + SEP + e.value).join('\n') + '\n');
    this.files.push(file);
    this.chunk = [];
  }

  /** Every entry in key order. Call once; the temp files are removed as they are used up. */
  *sorted(): Generator<Entry> {
    if (this.files.length === 0) {
      // Everything fits in one chunk: no disk at all.
      const chunk = this.chunk.sort(cmp);
      this.chunk = [];
      yield* chunk;
      return;
    }
    if (this.chunk.length) this.spill();
    try {
      while (this.files.length > MERGE_WIDTH) {
        // A round: the oldest MERGE_WIDTH files become one.
        const round = this.files.splice(0, MERGE_WIDTH);
        const file = join(this.dir, `sort-${process.pid}-${counter++}.lines`);
        const fd = openSync(file, 'w');
        try {
          let buffer: string[] = [];
          for (const e of merge(round)) {
            buffer.push(e.key + SEP + e.value);
            if (buffer.length >= 4096) {
              writeSync(fd, buffer.join('\n') + '\n');
              buffer = [];
            }
          }
          if (buffer.length) writeSync(fd, buffer.join('\n') + '\n');
        } finally {
          closeSync(fd);
        }
        for (const f of round) rmSync(f, { force: true });
        this.files.push(file);
      }
      yield* merge(this.files);
    } finally {
      for (const f of this.files) rmSync(f, { force: true });
      this.files.length = 0;
    }
  }
}

/** The entries of sorted files, in order. */
function* merge(files: string[]): Generator<Entry> {
  const readers = files.map((f) => readLines(f));
  try {
    const heap = new MinHeap();
    for (let i = 0; i < readers.length; i++) pull(readers[i], i, heap);
    while (heap.size > 0) {
      const top = heap.pop()!;
      yield top.entry;
      pull(readers[top.source], top.source, heap);
    }
  } finally {
    for (const r of readers) r.return(undefined);
  }
}

function pull(reader: Generator<string>, source: number, heap: MinHeap): void {
  const next = reader.next();
  if (next.done) return;
  const line = next.value;
  const at = line.indexOf(SEP);
  heap.push({ entry: { key: line.slice(0, at), value: line.slice(at + 1) }, source });
}

interface Head {
  entry: Entry;
  source: number;
}

/** A binary min-heap of the current line of each chunk file. */
class MinHeap {
  private readonly items: Head[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(i: number, j: number): boolean {
    const c = cmp(this.items[i].entry, this.items[j].entry);
    return c < 0 || (c === 0 && this.items[i].source < this.items[j].source);
  }
  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j], this.items[i]];
  }
  push(item: Head): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): Head | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && this.less(l, m)) m = l;
        if (r < a.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** A number as a fixed-width string that sorts like the number (IEEE 754 bits, sign-adjusted). */
const view = new DataView(new ArrayBuffer(8));
export function sortableNumber(n: number): string {
  view.setFloat64(0, n === 0 ? 0 : n); // -0 and 0 sort together
  let hi = view.getUint32(0), lo = view.getUint32(4);
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else hi = (hi | 0x80000000) >>> 0;
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
