/**
 * Unicode clean-up: NFC on each non-ASCII run plus the targeted edits of
 * rules/normalize/unicode.yml (dashes, quotes, spaces, invisible marks, foreign digits). Never
 * NFKC: it rewrites "5½" as "51⁄2". CRLF becomes LF so lines split the same everywhere.
 */
import type { RuleData } from '../rules/schema.js';
import { NormalizedTextBuilder, type NormalizedText } from './normalized-text.js';

export interface UnicodeRules {
  replace: Map<string, { to: string; id: string }>;
  digitZeros: number[];
}

export function compileUnicodeRules(data: RuleData['normalize.unicode']): UnicodeRules {
  const replace = new Map<string, { to: string; id: string }>();
  for (const r of data.replace) for (const ch of r.from) replace.set(ch, { to: r.to, id: r.id });
  return { replace, digitZeros: data.digits.map((d) => d.zero.charCodeAt(0)) };
}

/** Normalizes `source`, returning the text and its offset map. Pure and deterministic. */
export function normalizeUnicode(source: string, rules: UnicodeRules): NormalizedText {
  const out = new NormalizedTextBuilder(source);
  let i = 0;
  let asciiStart = 0;
  const flushAscii = (end: number) => {
    if (end > asciiStart) pushAscii(out, source, asciiStart, end);
  };
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c < 0x80 && c !== 13) {
      i++;
      continue;
    }
    flushAscii(i);
    if (c === 13) {
      // CR or CRLF: one line break, mapped to the CR (and LF) it came from.
      const end = source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      out.push('\n', i, end);
      i = end;
      asciiStart = i;
      continue;
    }
    // A run of non-ASCII characters, handled one code point at a time after NFC.
    let j = i;
    while (j < source.length && source.charCodeAt(j) >= 0x80) j++;
    pushRun(out, source, i, j, rules);
    i = j;
    asciiStart = i;
  }
  flushAscii(source.length);
  return out.build();
}

function pushAscii(out: NormalizedTextBuilder, _source: string, start: number, end: number): void {
  out.copy(start, end);
}

function pushRun(out: NormalizedTextBuilder, source: string, start: number, end: number, rules: UnicodeRules): void {
  let k = start;
  while (k < end) {
    const cp = source.codePointAt(k)!;
    let next = k + (cp > 0xffff ? 2 : 1);
    // Keep combining marks with their base so NFC can compose them.
    while (next < end && /\p{M}/u.test(String.fromCodePoint(source.codePointAt(next)!))) {
      next += source.codePointAt(next)! > 0xffff ? 2 : 1;
    }
    const piece = source.slice(k, next);
    const edit = piece.length === 1 ? rules.replace.get(piece) : undefined;
    if (edit) out.push(edit.to, k, next);
    else {
      const digit = digitValue(cp, rules.digitZeros);
      out.push(digit >= 0 ? String(digit) : piece.normalize('NFC'), k, next);
    }
    k = next;
  }
}

function digitValue(cp: number, zeros: number[]): number {
  for (const z of zeros) if (cp >= z && cp <= z + 9) return cp - z;
  return -1;
}
