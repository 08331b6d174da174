/**
 * What markdown structure tells us about raw article text: GFM tables with cell positions,
 * ordered-list markers, ATX headings and code blocks. Parsed with unified + remark-parse +
 * remark-gfm. Everything else (paragraphs) is left to the line parser, because remark joins
 * single-newline lines into one paragraph, which raw web text does not mean.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Table, List } from 'mdast';
import type { Span } from '../types.js';

export interface TableCell extends Span {
  row: number;
  column: number;
}

export interface MarkdownStructure {
  tables: { cells: TableCell[] }[];
  /** The number of an ordered list item ("1" of "1. Comparison"), never a quantity. */
  listMarkers: Span[];
  /** Source spans of list items (ordered or bulleted). */
  listItems: Span[];
  headings: Span[];
  code: Span[];
}

/** Lines longer than this are blanked before remark sees them: remark is quadratic on a long line
 * of repeated list markers, and no table row or list marker is that long. */
export const MAX_MARKDOWN_LINE = 4000;
/** Deeper block nesting than this is blanked too (unist-util-visit overflows near 7,000 levels). */
export const MAX_MARKDOWN_DEPTH = 40;

/** A line that could start a table, list, heading, quote or code block. */
const MARKDOWN_SIGNAL = /^(?: {0,3}(?:\||#|\d{1,9}[.)](?:\s|$)|[-*+](?:\s|$)|```|~~~|>)| {4}|\t)/m;

const processor = unified().use(remarkParse).use(remarkGfm);

/** remark's syntax tree takes ~30 KB a table row: a text larger than this is parsed in chunks cut
 * at blank lines, and a single block larger than it is left to the line parser. */
export const MAX_MARKDOWN_CHUNK = 256 * 1024;

/** Parses the markdown structure of `text`. Offsets are source offsets (remark's). */
export function parseMarkdown(text: string): MarkdownStructure {
  const out: MarkdownStructure = { tables: [], listMarkers: [], listItems: [], headings: [], code: [] };
  // Most web text has none of what we read from markdown; remark is skipped for it.
  if (!MARKDOWN_SIGNAL.test(text)) return out;
  for (const chunk of chunks(text)) {
    const tree = processor.parse(guardedText(text.slice(chunk.start, chunk.end))) as Root;
    walk(tree.children, text.slice(chunk.start, chunk.end), out, 0, chunk.start);
  }
  return out;
}

/** The whole text, or pieces of it cut at blank lines, none over MAX_MARKDOWN_CHUNK. */
function chunks(text: string): Span[] {
  if (text.length <= MAX_MARKDOWN_CHUNK) return [{ start: 0, end: text.length }];
  const out: Span[] = [];
  let start = 0;
  let last = 0;
  const blank = /\n[ \t]*\n/g;
  for (let m = blank.exec(text); ; m = blank.exec(text)) {
    const cut = m ? m.index + 1 : text.length;
    if (cut - start > MAX_MARKDOWN_CHUNK) {
      if (last > start) out.push({ start, end: last });
      start = last;
      // One block alone over the cap: skipped (the line parser still reads its lines).
      if (cut - start > MAX_MARKDOWN_CHUNK) start = cut;
    }
    last = cut;
    if (!m) break;
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out.filter((c) => c.end - c.start <= MAX_MARKDOWN_CHUNK);
}

/** Same length and offsets as `text`, with pathological lines replaced by spaces. */
function guardedText(text: string): string {
  return text.replace(/[^\n]+/g, (line) => {
    if (line.length > MAX_MARKDOWN_LINE) return ' '.repeat(line.length);
    const nesting = /^[\s>*+\-\d.)]*/.exec(line)![0].replace(/\s/g, '').length;
    return nesting > MAX_MARKDOWN_DEPTH ? ' '.repeat(line.length) : line;
  });
}

function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, base = 0): Span | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : { start: base + s, end: base + e };
}

// Iterative over siblings, recursive over depth; depth is bounded by guardedText.
// `text` is the chunk remark parsed; `base` is where it starts in the article.
function walk(nodes: RootContent[], text: string, out: MarkdownStructure, depth: number, base: number): void {
  if (depth > MAX_MARKDOWN_DEPTH) return;
  for (const node of nodes) {
    const at = span(node, base);
    if (!at) continue;
    if (node.type === 'table') out.tables.push({ cells: tableCells(node, text, base) });
    else if (node.type === 'list') listItems(node, text, out, depth, base);
    else if (node.type === 'heading') {
      // Only ATX headings ("# Title"): a setext underline in web text is usually a rule line.
      if (text[at.start - base] === '#') out.headings.push(at);
    } else if (node.type === 'code') out.code.push(at);
    else if ('children' in node && Array.isArray(node.children)) walk(node.children as RootContent[], text, out, depth + 1, base);
  }
}

function tableCells(table: Table, text: string, base: number): TableCell[] {
  const cells: TableCell[] = [];
  // GFM runs a table on until a blank line, so raw web text after a table (no blank line) turns
  // into one-cell rows: a row counts only while its line has a pipe.
  const rows = [];
  for (const row of table.children) {
    const at = span(row);
    if (!at || !text.slice(at.start, at.end).includes('|')) break;
    rows.push(row);
  }
  rows.forEach((row, r) => {
    row.children.forEach((cell, c) => {
      const at = span(cell, base);
      if (!at) return;
      cells.push({ ...at, row: r, column: c });
    });
  });
  return cells;
}

function listItems(list: List, text: string, out: MarkdownStructure, depth: number, base: number): void {
  for (const item of list.children) {
    const at = span(item, base);
    if (!at) continue;
    out.listItems.push(at);
    if (list.ordered) {
      const m = /^\d{1,9}(?=[.)])/.exec(text.slice(at.start - base, at.start - base + 10));
      // "1990. The year…" parses as a list starting at 1990; a year-sized number is text.
      if (m && Number(m[0]) < 1000) out.listMarkers.push({ start: at.start, end: at.start + m[0].length });
    }
    walk(item.children as RootContent[], text, out, depth + 1, base);
  }
}
