/**
 * Lines and columns (both from 1) of offsets, for messages in `file:line:col` form. The line
 * starts are found once per text; each lookup is a binary search, so an article with tens of
 * thousands of figures on one long line stays linear.
 */
import type { Span } from '../types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineCol(offset: number): { line: number; column: number } {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/** Cuts [start, end) of `text` into pieces of at most `max` characters, at spaces where it can,
 * without the spaces between pieces. */
export function cutAtSpaces(text: string, start: number, end: number, max: number): Span[] {
  const out: Span[] = [];
  while (end - start > max) {
    let cut = text.lastIndexOf(' ', start + max);
    if (cut <= start) cut = start + max;
    out.push({ start, end: cut });
    start = cut;
    while (start < end && text[start] === ' ') start++;
  }
  if (end > start) out.push({ start, end });
  return out;
}

/** The items whose `key` was not seen before, in order. */
export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The word (letters) right before offset `at` of `text`, as written, read from at most `window`
 * characters back; null when a letter does not end right before the spaces there. */
export function wordBefore(text: string, at: number, window = 24): string | null {
  return /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, at - window), at))?.[1] ?? null;
}
