/**
 * Splits an article into hard-bounded blocks. A line is a hard boundary in raw web text (a
 * headline with no full stop must not run into the next sentence), and so is a table cell.
 * Lines under a lead-in ending with ":" that read as list entries remember that lead-in.
 */
import type { Block, Span } from '../types.js';
import { cutAtSpaces } from '../util/position.js';
import { parseMarkdown, type MarkdownStructure } from './markdown.js';

export interface ParsedArticle {
  blocks: Block[];
  markdown: MarkdownStructure;
}

/** Longest line that one block may hold; longer lines are cut at spaces (bounds NLP cost). */
export const MAX_BLOCK_LENGTH = 5000;

export function parseBlocks(text: string): ParsedArticle {
  const markdown = parseMarkdown(text);
  const blocks: Block[] = [];
  const tableRanges = markdown.tables.filter((t) => t.cells.length > 0)
    .map((t) => ({ start: t.cells[0].start, end: t.cells[t.cells.length - 1].end }));
  const inTable = (pos: number) => tableRanges.some((t) => t.start <= pos && pos < t.end);
  for (const table of markdown.tables) blocks.push(...tableBlocks(text, table.cells));
  let leadIn: Span | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const trimmed = trim(text, lineStart, lineEnd);
    if (trimmed && !inTable(trimmed.start)) {
      const line = text.slice(trimmed.start, trimmed.end);
      const isList = markdown.listItems.some((l) => l.start <= trimmed.start && trimmed.start < l.end) || /^[*•·\-–—]\s/.test(line);
      const heading = markdown.headings.some((h) => h.start <= trimmed.start && trimmed.start < h.end);
      const code = markdown.code.some((c) => c.start <= trimmed.start && trimmed.start < c.end);
      // A short line with no closing punctuation under a lead-in is a list entry of that lead-in.
      const entryLike = !/[.!?]["')\]]?$/.test(line) && line.split(/\s+/).length <= 14;
      if (leadIn && !(isList || entryLike)) leadIn = undefined;
      const kind = code ? 'code' : heading ? 'heading' : isList || (leadIn && entryLike) ? 'list-item' : 'paragraph';
      for (const piece of cutAtSpaces(text, trimmed.start, trimmed.end, MAX_BLOCK_LENGTH)) blocks.push({ ...piece, kind, ...(kind === 'list-item' && leadIn ? { leadIn } : {}) });
      if (/:\s*$/.test(line)) leadIn = trimmed;
    }
    lineStart = lineEnd + 1;
  }
  blocks.sort((a, b) => a.start - b.start || a.end - b.end);
  return { blocks, markdown };
}

function tableBlocks(text: string, cells: { start: number; end: number; row: number; column: number }[]): Block[] {
  const cellText = (c: Span) => text.slice(c.start, c.end).replace(/^\|?\s*|\s*\|?$/g, '').trim();
  const header = new Map(cells.filter((c) => c.row === 0).map((c) => [c.column, cellText(c)]));
  const rowLabel = new Map(cells.filter((c) => c.column === 0).map((c) => [c.row, cellText(c)]));
  const blocks: Block[] = [];
  for (const c of cells) {
    const inner = trim(text, c.start, c.end, /[\s|]/);
    if (!inner) continue;
    blocks.push({
      ...inner,
      kind: 'table-cell',
      table: { row: c.row, column: c.column, rowLabel: rowLabel.get(c.row) ?? '', header: header.get(c.column) ?? '' },
    });
  }
  return blocks;
}

function trim(text: string, start: number, end: number, space = /\s/): Span | null {
  while (start < end && space.test(text[start])) start++;
  while (end > start && space.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

