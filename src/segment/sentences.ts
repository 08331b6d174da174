/**
 * Sentences within a block, from the Unicode sentence-break rules (Intl.Segmenter, built into
 * Node), then re-joined where a break follows a known abbreviation ("Inc.", "vs.").
 * Blocks are hard boundaries: a sentence never crosses a line or a table cell.
 */
import type { RuleData } from '../rules/schema.js';
import type { Block, Sentence, Span } from '../types.js';
import { toNormalized, type NormalizedText } from '../normalize/normalized-text.js';
import { cutAtSpaces } from '../util/position.js';

export interface SegmentRules {
  abbreviation: RegExp;
}

export function compileSegmentRules(data: RuleData['segment.abbreviations']): SegmentRules {
  const alts = data.abbreviations.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return { abbreviation: new RegExp(`(?:^|[\\s(])(?:${alts})\\.\\s*$`) };
}

/** Longest sentence handed on; longer runs (unpunctuated dumps) are cut at spaces. */
export const MAX_SENTENCE_LENGTH = 1500;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans (offsets into `text`) within text[start, end), trimmed. */
export function splitSentences(text: string, start: number, end: number, rules: SegmentRules): Span[] {
  const slice = text.slice(start, end);
  const raw: Span[] = [];
  for (const seg of segmenter.segment(slice)) raw.push({ start: start + seg.index, end: start + seg.index + seg.segment.length });
  const merged: Span[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    if (prev && rules.abbreviation.test(text.slice(prev.start, prev.end))) prev.end = s.end;
    else merged.push({ ...s });
  }
  const out: Span[] = [];
  for (const s of merged) {
    let a = s.start, b = s.end;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push(...cutAtSpaces(text, a, b, MAX_SENTENCE_LENGTH));
  }
  return out;
}

/** The sentences of an article's blocks (code blocks have none), in the normalized text's offsets,
 * each with its block and its index in the article. */
export function sentencesOf(norm: NormalizedText, blocks: Block[], rules: SegmentRules): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    if (block.kind === 'code') continue;
    const range = toNormalized(norm, block);
    for (const s of splitSentences(norm.text, range.start, range.end, rules)) sentences.push({ ...s, block, index: sentences.length });
  }
  return sentences;
}
