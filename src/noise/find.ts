/**
 * The noise stage: every stretch of an article that must not produce claims, with why —
 * boilerplate lines by rule, foreign scripts and words, list numbering, URLs — and an index that
 * answers "does this span touch noise?" in logarithmic time, so an article with thousands of flags
 * and figures stays linear.
 */
import type { Block, NoiseFlag, Span } from '../types.js';
import { findBoilerplate, type BoilerplateRules } from './boilerplate.js';
import { findForeign, type ForeignRules } from './foreign.js';
import { uniqueBy } from '../util/position.js';

export interface NoiseRules {
  boilerplate: BoilerplateRules;
  foreign: ForeignRules;
  /** Words that are names or codes, never foreign words ("OpenAI", "EUR"). */
  known: (word: string) => boolean;
}

/** Noise flags of one article, in source offsets, sorted and without duplicates. */
export function findNoise(text: string, blocks: Block[], listMarkers: Span[], rules: NoiseRules): NoiseFlag[] {
  const flags: NoiseFlag[] = [
    ...findBoilerplate(text, rules.boilerplate),
    ...findForeign(text, rules.foreign, rules.known),
    ...listMarkers.map((m): NoiseFlag => ({ ...m, reason: 'list-marker', rule: 'parse/list-marker', quote: text.slice(m.start, m.end) })),
    ...plainListMarkers(text, blocks),
    ...urls(text),
  ].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
  return uniqueBy(flags, (f) => `${f.start}:${f.end}:${f.reason}`);
}

/** "1) Intro" or "2. Comparison" at a line start that markdown did not read as a list (it
 * follows a paragraph line, for instance): list numbering too. */
function plainListMarkers(text: string, blocks: Block[]): NoiseFlag[] {
  const out: NoiseFlag[] = [];
  for (const b of blocks) {
    if (b.kind === 'table-cell') continue;
    const m = /^(\d{1,2})[.)]\s+(?=\p{Lu}|\p{L})/u.exec(text.slice(b.start, b.start + 8));
    if (m) out.push({ start: b.start, end: b.start + m[1].length, reason: 'list-marker', rule: 'parse/list-marker', quote: m[1] });
  }
  return out;
}

function urls(text: string): NoiseFlag[] {
  const out: NoiseFlag[] = [];
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s|)\]>"']+|\bwww\.[^\s|)\]>"']+/g)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, reason: 'url', rule: 'noise/url', quote: m[0] });
  }
  return out;
}

/** Overlap queries over sorted flags: binary search for the flags starting before the span's end,
 * then a second binary search over the running maximum of their ends for the first flag that
 * reaches into the span. Two binary searches whatever the flags' lengths: one long flag early in
 * an article does not make every later query walk back to it. */
export class NoiseIndex {
  private readonly flags: NoiseFlag[];
  private readonly maxEnd: number[];

  constructor(flags: NoiseFlag[], keep: (f: NoiseFlag) => boolean = () => true) {
    this.flags = flags.filter(keep);
    this.maxEnd = [];
    let max = -1;
    for (const f of this.flags) this.maxEnd.push((max = Math.max(max, f.end)));
  }

  /** The first flag (in source order) that overlaps `span`, if any. */
  at(span: Span): NoiseFlag | undefined {
    let lo = 0, hi = this.flags.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.flags[mid].start < span.end) lo = mid + 1;
      else hi = mid;
    }
    // The first index whose running maximum end passes span.start is the first flag that does:
    // the maximum only rises where a flag's own end sets it.
    const before = lo;
    lo = 0;
    hi = before;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxEnd[mid] > span.start) hi = mid;
      else lo = mid + 1;
    }
    return lo < before ? this.flags[lo] : undefined;
  }
}
