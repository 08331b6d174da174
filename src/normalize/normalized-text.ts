/**
 * Normalized text with an exact map back to the source. Built from edits: every normalized code
 * unit records the source range it came from, so any normalized span converts to the source
 * characters that produced it (the one function every stage reports positions through).
 */
import type { Span } from '../types.js';

export interface NormalizedText {
  /** The normalized text the later stages read. */
  text: string;
  /** Source start of normalized code unit i (length text.length + 1; last = source length). */
  srcStart: Int32Array;
  /** Source end of normalized code unit i. */
  srcEnd: Int32Array;
  /** Normalized offset of source code unit j (length source.length + 1). */
  normOf: Int32Array;
}

/** Collects output pieces and their source ranges while a normalizer walks the source. */
export class NormalizedTextBuilder {
  private parts: string[] = [];
  /** Per piece: source start, source end, and whether it is an unchanged copy (1:1 map). */
  private pieces: number[] = [];
  private length = 0;

  constructor(private readonly source: string) {}

  /** Appends source[start, end) unchanged. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.source.slice(start, end));
    this.pieces.push(start, end, 1);
    this.length += end - start;
  }

  /** Appends `text` as the normalized form of source[start, end). */
  push(text: string, start: number, end: number): void {
    this.parts.push(text);
    this.pieces.push(start, end, 0);
    this.length += text.length;
  }

  build(): NormalizedText {
    const n = this.length;
    const srcStart = new Int32Array(n + 1);
    const srcEnd = new Int32Array(n + 1);
    let at = 0;
    for (let p = 0; p < this.parts.length; p++) {
      const start = this.pieces[3 * p], end = this.pieces[3 * p + 1], identity = this.pieces[3 * p + 2];
      const len = this.parts[p].length;
      for (let k = 0; k < len; k++) {
        srcStart[at + k] = identity ? start + k : start;
        srcEnd[at + k] = identity ? start + k + 1 : end;
      }
      at += len;
    }
    srcStart[n] = srcEnd[n] = this.source.length;
    // normOf[j]: the first normalized unit whose source range ends after j, so a removed source
    // character maps to the next kept one and a source span maps to the units it produced.
    const normOf = new Int32Array(this.source.length + 1);
    let i = 0;
    for (let j = 0; j <= this.source.length; j++) {
      while (i < n && srcEnd[i] <= j) i++;
      normOf[j] = i;
    }
    return { text: this.parts.join(''), srcStart, srcEnd, normOf };
  }
}

/** The source span that a normalized span came from. */
export function toSource(norm: NormalizedText, span: Span): Span {
  if (span.end <= span.start) {
    const at = norm.srcStart[span.start];
    return { start: at, end: at };
  }
  return { start: norm.srcStart[span.start], end: norm.srcEnd[span.end - 1] };
}

/** The normalized span covering a source span. */
export function toNormalized(norm: NormalizedText, span: Span): Span {
  return { start: norm.normOf[span.start], end: norm.normOf[span.end] };
}
