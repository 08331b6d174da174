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

/** remark's syntax tree costs 1–3.5 KB of heap per input byte (lists and tables the most), so a
 * text longer than this is parsed piece by piece and no tree of more than this many characters is
 * ever held: a worker's memory stays bounded by the text, not by its markdown shape. */
export const MAX_MARKDOWN_CHUNK = 16 * 1024;

/** A piece of the text for remark: [start, end), and for a piece cut inside a table the table's
 * header and delimiter rows, parsed before it so its rows are still table rows. */
interface Piece extends Span {
  prefix: string;
}

/** Parses the markdown structure of `text`. Offsets are source offsets (remark's). `check` is
 * called before each piece (the article's time budget). `plainLists` false: remark reads every
 * piece, plain lists too (what a test compares plainListPiece with). */
export function parseMarkdown(text: string, check: () => void = () => undefined, plainLists = true): MarkdownStructure {
  const out: MarkdownStructure = { tables: [], listMarkers: [], listItems: [], headings: [], code: [] };
  // Most web text has none of what we read from markdown; remark is skipped for it.
  if (!MARKDOWN_SIGNAL.test(text)) return out;
  for (const piece of pieces(text)) {
    check();
    if (plainLists && !piece.prefix && plainListPiece(text, piece, out)) continue;
    const parsed = piece.prefix + guardedText(text.slice(piece.start, piece.end));
    const tree = processor.parse(parsed) as Root;
    walk(tree.children, parsed, out, 0, piece.start - piece.prefix.length, piece.prefix.length);
  }
  return out;
}

/**
 * One line of a list whose item is one line of plain text ("12. Item twelve", "- item"): nothing
 * after the marker that could open a block of its own (a heading, quote, nested list, code, HTML,
 * a table, a link definition) and no trailing space. remark makes each such line one list item
 * spanning the line, and nothing else.
 */
const PLAIN_ITEM = /^(?:(\d{1,9})[.)]|[-*+]) (?![\s#>\-+*=`~|<_[\d])[^\n\r]*[^\s]$/;

/**
 * A piece made only of plain item lines (and blank lines) is read without remark — what a 1 MB
 * numbered list is — with the spans remark would give (a property test compares the two): remark
 * spends ~5 µs and several KB of short-lived heap per byte of list. False, with nothing added,
 * for any other piece.
 */
function plainListPiece(text: string, piece: Span, out: MarkdownStructure): boolean {
  const items: { start: number; end: number; marker: number }[] = [];
  let kind = ''; // the marker kind of the line before ('' after a blank line)
  for (let at = piece.start; at < piece.end;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > piece.end) eol = piece.end;
    const line = text.slice(at, eol);
    // (Blank for markdown is spaces and tabs only: a line of no-break spaces is text.)
    if (/[^ \t]/.test(line)) {
      const m = line.length < MAX_MARKDOWN_LINE ? PLAIN_ITEM.exec(line) : null;
      if (!m) return false;
      // Right under an item, a marker of another kind may not start a list ("- a" then "5. b"
      // is one item of two lines): left to remark.
      const lineKind = m[1] === undefined ? line[0] : line[m[1].length];
      if (kind && lineKind !== kind) return false;
      kind = lineKind;
      items.push({ start: at, end: eol, marker: m[1] === undefined ? 0 : m[1].length });
    } else kind = '';
    at = eol + 1;
  }
  for (const item of items) {
    out.listItems.push({ start: item.start, end: item.end });
    // As listItems() below: a year-sized number ("1990. The year…") is text, not a marker.
    if (item.marker && Number(text.slice(item.start, item.start + item.marker)) < 1000) out.listMarkers.push({ start: item.start, end: item.start + item.marker });
  }
  return true;
}

const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^ {0,3}(?:```|~~~)/;

/**
 * The whole text, or pieces of at most about MAX_MARKDOWN_CHUNK characters. A piece ends at a blank
 * line outside a fenced block where it can; a block longer than a piece (one huge list or table)
 * is cut at the start of an unindented line, and a cut inside a table carries the table's header.
 */
export function pieces(text: string): Piece[] {
  if (text.length <= MAX_MARKDOWN_CHUNK) return [{ start: 0, end: text.length, prefix: '' }];
  const out: Piece[] = [];
  let piece: Piece = { start: 0, end: 0, prefix: '' };
  let blankCut = -1; // last line start after a blank line, outside a fence
  let lineCut: Piece | null = null; // last unindented line start, with its table header if any
  let fenced = false, header = '', prevLine = '', prevBlank = true;
  for (let at = 0; at < text.length;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const line = text.slice(at, Math.min(eol, at + MAX_MARKDOWN_LINE));
    if (at > piece.start && !fenced) {
      if (prevBlank) blankCut = at;
      else if (/^[^\s]/.test(line) && !DELIMITER_ROW.test(line)) lineCut = { start: at, end: 0, prefix: header };
    }
    if (eol + 1 - piece.start > MAX_MARKDOWN_CHUNK && at > piece.start) {
      const next = blankCut > piece.start ? { start: blankCut, end: 0, prefix: '' } : lineCut && lineCut.start > piece.start ? lineCut : { start: at, end: 0, prefix: header };
      out.push({ ...piece, end: next.start });
      piece = next;
      blankCut = -1;
      lineCut = null;
    }
    const blank = line.trim() === '';
    if (FENCE.test(line)) fenced = !fenced;
    if (blank) header = '';
    else if (DELIMITER_ROW.test(line) && prevLine.includes('|')) header = `${prevLine}\n${line}\n`;
    prevLine = line;
    prevBlank = blank;
    at = eol + 1;
  }
  out.push({ ...piece, end: text.length });
  return out;
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
// `text` is what remark parsed; `base` is the article offset of its first character; the first
// `prefix` characters are a table header carried over from the piece before (see pieces()).
function walk(nodes: RootContent[], text: string, out: MarkdownStructure, depth: number, base: number, prefix = 0): void {
  if (depth > MAX_MARKDOWN_DEPTH) return;
  for (const node of nodes) {
    const at = span(node, base);
    if (!at) continue;
    if (at.start - base < prefix) {
      // The carried-over header: its rows continue the table the piece before began.
      if (node.type === 'table') continueTable(out, tableCells(node, text, base).filter((c) => c.row > 0));
      continue;
    }
    if (node.type === 'table') out.tables.push({ cells: tableCells(node, text, base) });
    else if (node.type === 'list') listItems(node, text, out, depth, base);
    else if (node.type === 'heading') {
      // Only ATX headings ("# Title"): a setext underline in web text is usually a rule line.
      if (text[at.start - base] === '#') out.headings.push(at);
    } else if (node.type === 'code') out.code.push(at);
    else if ('children' in node && Array.isArray(node.children)) walk(node.children as RootContent[], text, out, depth + 1, base);
  }
}

/** Appends the rows of a table's continuation to the table, numbering them on. */
function continueTable(out: MarkdownStructure, cells: TableCell[]): void {
  const last = out.tables[out.tables.length - 1];
  if (!last) return;
  const rows = last.cells.length ? last.cells[last.cells.length - 1].row : 0;
  for (const c of cells) last.cells.push({ ...c, row: rows + c.row });
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
