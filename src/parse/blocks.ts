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

export function parseBlocks(text: string, check?: () => void): ParsedArticle {
  const markdown = parseMarkdown(text, check);
  const blocks: Block[] = [];
  const inTable = coverage(markdown.tables.filter((t) => t.cells.length > 0)
    .map((t) => ({ start: t.cells[0].start, end: t.cells[t.cells.length - 1].end })));
  const inList = coverage(markdown.listItems);
  const inHeading = coverage(markdown.headings);
  const inCode = coverage(markdown.code);
  // One push per cell: a spread of a 100,000-cell table overflows the stack.
  for (const table of markdown.tables) for (const cell of tableBlocks(text, table.cells)) blocks.push(cell);
  let leadIn: Span | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const trimmed = trim(text, lineStart, lineEnd);
    if (trimmed && !inTable(trimmed.start)) {
      const line = text.slice(trimmed.start, trimmed.end);
      const isList = inList(trimmed.start) || /^[*•·\-–—]\s/.test(line);
      const heading = inHeading(trimmed.start);
      const code = inCode(trimmed.start);
      // A short line with no closing punctuation under a lead-in is a list entry of that lead-in.
      const entryLike = !/[.!?]["')\]]?$/.test(line) && line.split(/\s+/).length <= 14;
      if (leadIn && !(isList || entryLike)) leadIn = undefined;
      const kind = code ? 'code' : heading ? 'heading' : isList || (leadIn && entryLike) ? 'list-item' : 'paragraph';
      // An ATX heading's words start after its "#" marks (and end before closing ones): "#" is no
      // word of the sentence.
      const words = heading ? headingWords(line, trimmed) : trimmed;
      for (const piece of cutAtSpaces(text, words.start, words.end, MAX_BLOCK_LENGTH)) blocks.push({ ...piece, kind, ...(kind === 'list-item' && leadIn ? { leadIn } : {}) });
      if (/:\s*$/.test(line)) leadIn = trimmed;
    }
    lineStart = lineEnd + 1;
  }
  blocks.sort((a, b) => a.start - b.start || a.end - b.end);
  return { blocks, markdown };
}

/** The words of an ATX heading line at `at`: "## Title ##" → "Title"; the whole line when only marks. */
function headingWords(line: string, at: Span): Span {
  const open = /^#{1,6}[ \t]+/.exec(line)?.[0].length ?? 0;
  const close = /[ \t]+#+$/.exec(line.slice(open))?.[0].length ?? 0;
  return open + close < line.length ? { start: at.start + open, end: at.end - close } : at;
}

/**
 * "Is this offset inside one of these spans?" for offsets asked in increasing order: the spans are
 * merged into sorted disjoint runs once and a cursor moves along them, so a text with tens of
 * thousands of list items or headings is read in linear time.
 */
function coverage(spans: Span[]): (pos: number) => boolean {
  const runs: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else runs.push({ start: s.start, end: s.end });
  }
  let i = 0;
  return (pos) => {
    while (i < runs.length && runs[i].end <= pos) i++;
    return i < runs.length && runs[i].start <= pos;
  };
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

