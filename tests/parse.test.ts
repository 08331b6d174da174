/** Block structure: tables with cell positions, hard line boundaries, list markers, big inputs. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlocks } from '../src/parse/blocks.js';
import { MAX_MARKDOWN_CHUNK, parseMarkdown } from '../src/parse/markdown.js';
import { getRules } from '../src/pipeline/rules.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { prepareArticle } from '../src/pipeline/article.js';
import { corpusDir } from './helpers.js';

const rules = getRules();

describe('blocks', () => {
  test('the GFM table in 001 becomes cells with positions and row labels', () => {
    const text = readFileSync(join(corpusDir, '001_98d1cb4f1e7969b4.txt'), 'utf8');
    const cells = parseBlocks(text).blocks.filter((b) => b.kind === 'table-cell');
    const spending = cells.find((c) => text.slice(c.start, c.end).includes('~$600+ billion'))!;
    expect(text.slice(spending.start, spending.end)).toBe('~$600+ billion (Big Tech, 2026 projection)');
    expect(spending.table).toMatchObject({ rowLabel: 'Estimated AI Spending', header: 'Details', column: 1 });
    // The prose after the table (no blank line between) is prose, not more table rows.
    expect(cells.some((c) => text.slice(c.start, c.end).startsWith('For many years'))).toBe(false);
  });

  test('a headline with no full stop does not run into the next line', () => {
    const text = 'OpenAI Raises $40 Billion\nThe round values the firm at $300 billion.\n';
    const a = prepareArticle(articleFromBytes('h.txt', Buffer.from(text)), rules);
    expect(a.sentences.map((s) => a.norm.text.slice(s.start, s.end))).toEqual(['OpenAI Raises $40 Billion', 'The round values the firm at $300 billion.']);
  });

  test('list numbering is a marker; a year at a line start is not', () => {
    const text = 'Intro.\n\n1. Comparison with Google\n2. Comparison with xAI\n\n1990. The year the web began.\n';
    const markers = parseMarkdown(text).listMarkers.map((m) => text.slice(m.start, m.end));
    expect(markers).toEqual(['1', '2']);
  });

  test('a text over the markdown chunk size is parsed in chunks with offsets kept', () => {
    const filler = 'Plain paragraph of prose with no figures at all.\n\n'.repeat(Math.ceil((MAX_MARKDOWN_CHUNK * 1.5) / 50));
    const text = `${filler}| Metric | Value |\n|---|---|\n| Revenue | $5 billion |\n`;
    const cells = parseMarkdown(text).tables.flatMap((t) => t.cells);
    expect(cells.map((c) => text.slice(c.start, c.end).replace(/^\|?\s*|\s*\|?$/g, ''))).toEqual(['Metric', 'Value', 'Revenue', '$5 billion']);
  });

  test('a single table over the chunk size is parsed in pieces, each carrying its header', () => {
    const rows = Array.from({ length: 12000 }, (_, i) => `| row ${i} | $${i + 1} million |`).join('\n');
    const text = `| a | b |\n|---|---|\n${rows}\n`;
    expect(text.length).toBeGreaterThan(MAX_MARKDOWN_CHUNK * 10);
    const { blocks } = parseBlocks(text);
    const cell = blocks.find((b) => text.slice(b.start, b.end) === '$12000 million')!;
    // Row 0 is the header: the last row is row 12000, labelled by its first cell, under column "b".
    expect(cell.table).toEqual({ row: 12000, column: 1, rowLabel: 'row 11999', header: 'b' });
    expect(blocks.filter((b) => b.kind === 'table-cell')).toHaveLength(2 * 12001);
  });

  test('a huge list is parsed in pieces: every item is a list item, every marker a marker', () => {
    const text = Array.from({ length: 6000 }, (_, i) => `${i + 1}. Item ${i}`).join('\n') + '\n';
    expect(text.length).toBeGreaterThan(MAX_MARKDOWN_CHUNK * 4);
    const md = parseMarkdown(text);
    expect(md.listItems).toHaveLength(6000);
    // Numbers under 1000 are list numbering; "1990." at a line start may be a year.
    expect(md.listMarkers).toHaveLength(999);
  });
});
