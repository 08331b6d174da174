/**
 * Lines of a file, read synchronously in blocks. Reconciliation's temp files are read back line
 * by line millions of times; a block read and one split per block costs a fraction of an
 * async iterator step per line. Splitting UTF-8 bytes at "\n" is safe: that byte never occurs
 * inside a multi-byte character.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export function* readLines(file: string, blockSize = 1 << 16): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.allocUnsafe(blockSize);
    let carry: Buffer | null = null;
    for (;;) {
      const n = readSync(fd, block, 0, blockSize, null);
      if (n === 0) break;
      const bytes: Buffer = carry ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
      const last = bytes.lastIndexOf(10);
      if (last < 0) {
        carry = Buffer.from(bytes); // a copy: the block is reused
        continue;
      }
      carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : null;
      const lines = bytes.toString('utf8', 0, last).split('\n');
      for (const line of lines) yield line;
    }
    if (carry && carry.length > 0) yield carry.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
