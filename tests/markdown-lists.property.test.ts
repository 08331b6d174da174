/** Plain lists read without remark (parse/markdown.ts plainListPiece) give exactly remark's spans. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseMarkdown, MAX_MARKDOWN_CHUNK } from '../src/parse/markdown.js';

const marker = fc.constantFrom('1.', '2.', '9.', '10.', '0.', '999.', '1000.', '1990.', '123456789.', '1234567890.', '1)', '7)', '-', '*', '+', '1.  ', '-\t', '#', '>', '');
const content = fc.constantFrom('Item', 'Item two', 'a', 'Revenue rose 10%', '# heading', '- nested', '2. nested', '> quote', '`code`', '```', '| a | b |', 'a | b', '[x]: /y', '[ ] task',
  '<b>x</b>', 'Item  ', 'Item\t', ' Item', '\u00a0Item', 'Item\u00a0', '***', '---', '===', '_ _ _', 'x\r', 'http://example.com', 'Ünïcode ✓', '');
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(marker, content).map(([m, c]) => (m.endsWith(' ') || m.endsWith('\t') || m === '' ? `${m}${c}` : `${m} ${c}`)) },
  { weight: 2, arbitrary: fc.constantFrom('', '  ', '\t', '\u00a0', 'A paragraph line.', '    indented', '  1. indented item', '| --- | --- |', '\r') },
);
/** Lists the plain path reads itself: items with markers of one family, blank lines, now and then
 * an item of another family. */
const plainContent = fc.constantFrom('Item', 'a', 'Revenue rose 10%', 'a | b', 'Ünïcode ✓', 'x *y* `z`');
const families = [['1.', '2.', '10.', '0.', '999.', '1000.', '123456789.'], ['1)', '3)'], ['-'], ['*'], ['+']];
const plainList = fc.constantFrom(...families).chain((family) => fc.array(fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...family), plainContent).map(([m, c]) => `${m} ${c}`) },
  { weight: 2, arbitrary: fc.constantFrom('', '  ', '\t') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...families.flat()), plainContent).map(([m, c]) => `${m} ${c}`) },
), { minLength: 1, maxLength: 30 }));
const list = fc.oneof(fc.array(line, { minLength: 1, maxLength: 30 }), plainList).map((lines) => lines.join('\n'));

describe('plain lists without remark', () => {
  test('the same list items and markers as remark, for any mix of item and other lines', () => {
    fc.assert(fc.property(list, fc.boolean(), (text, trailing) => {
      const t = trailing ? `${text}\n` : text;
      expect(parseMarkdown(t)).toEqual(parseMarkdown(t, undefined, false));
    }), { numRuns: 1500 });
  });

  test('a 1 MB numbered list: remark\'s spans, in a fraction of its time', () => {
    let text = 'Acme Corp. said its revenue rose 10% to $5 million in May.\n\n';
    for (let i = 0; text.length < 1 << 20; i++) text += `${i + 1}. Item\n`;
    const t0 = performance.now();
    const fast = parseMarkdown(text);
    const t1 = performance.now();
    const slow = parseMarkdown(text, undefined, false);
    const t2 = performance.now();
    expect(fast).toEqual(slow);
    expect(fast.listItems.length).toBeGreaterThan(80_000);
    expect(text.length).toBeGreaterThan(MAX_MARKDOWN_CHUNK * 60);
    expect(t1 - t0).toBeLessThan((t2 - t1) / 5);
  }, 120_000);
});
