/**
 * The per-article front half: normalize, parse, flag noise, segment. Pure: text and compiled
 * rules in, positions and flags out.
 */
import type { Article, Block, NoiseFlag, Sentence, Span } from '../types.js';
import type { CompiledRules } from '../rules/compile.js';
import { normalizeUnicode } from '../normalize/unicode.js';
import { toNormalized, type NormalizedText } from '../normalize/normalized-text.js';
import { findBoilerplate } from '../normalize/boilerplate.js';
import { findForeign } from '../normalize/foreign.js';
import { parseBlocks } from '../parse/blocks.js';
import { splitSentences } from '../segment/sentences.js';

export interface Analysis {
  article: Article;
  norm: NormalizedText;
  blocks: Block[];
  sentences: Sentence[];
  /** Noise flags, in source offsets, sorted. */
  noise: NoiseFlag[];
}

export function analyze(article: Article, rules: CompiledRules): Analysis {
  const text = article.text;
  const norm = normalizeUnicode(text, rules.unicode);
  const { blocks, markdown } = parseBlocks(text);
  const noise: NoiseFlag[] = [
    ...findBoilerplate(text, rules.boilerplate),
    ...findForeign(text, rules.foreign, (w) => rules.entities.known.has(w.toLowerCase().replace(/'s$/, '')) || rules.quantities.suffixIso.has(w) || rules.quantities.prefixIso.has(w.toLowerCase())),
    ...markdown.listMarkers.map((m): NoiseFlag => ({ ...m, reason: 'list-marker', rule: 'parse.list-marker', quote: text.slice(m.start, m.end) })),
    ...plainListMarkers(text, blocks),
    ...urls(text),
  ].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    if (block.kind === 'code') continue;
    const range: Span = toNormalized(norm, block);
    for (const s of splitSentences(norm.text, range.start, range.end, rules.segment)) {
      sentences.push({ ...s, block, index: sentences.length });
    }
  }
  return { article, norm, blocks, sentences, noise: dedupe(noise) };
}

/** "1) Intro" or "2. Comparison" at a line start that markdown did not read as a list (it
 * follows a paragraph line, for instance): list numbering too. */
function plainListMarkers(text: string, blocks: Block[]): NoiseFlag[] {
  const out: NoiseFlag[] = [];
  for (const b of blocks) {
    if (b.kind === 'table-cell') continue;
    const m = /^(\d{1,2})[.)]\s+(?=\p{Lu}|\p{L})/u.exec(text.slice(b.start, b.start + 8));
    if (m) out.push({ start: b.start, end: b.start + m[1].length, reason: 'list-marker', rule: 'parse.list-marker', quote: m[1] });
  }
  return out;
}

function urls(text: string): NoiseFlag[] {
  const out: NoiseFlag[] = [];
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s|)\]>"']+|\bwww\.[^\s|)\]>"']+/g)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, reason: 'url', rule: 'normalize.url', quote: m[0] });
  }
  return out;
}

function dedupe(flags: NoiseFlag[]): NoiseFlag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.start}:${f.end}:${f.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
