import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { getRules } from '../src/pipeline/rules.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { processArticle } from '../src/pipeline/article.js';

const rules = getRules();

/** Pieces of news-like text with the characters that break offset maps: emoji (surrogate
 * pairs), RTL script, CRLF, combining marks, NBSP, soft hyphens, typographic dashes. */
const piece = fc.constantFrom(
  'OpenAI', 'reached', 'roughly 1 billion weekly users', 'up to $600 billion', '€123bn', '~$600+ billion', 'the firm',
  'hundreds of millions of users', '20%', 'GLP-1', '😀', '👩‍💻', 'حول', 'שלום', 'निर्णायक', '\r\n', '\n', '\n\n', ' ', '. ', '? ',
  '\u00a0', '\u00ad', '\u2014', '\u2011', 'e\u0301', '5½', '\u0661\u0662', '| a | b |\n|---|---|\n| Spend | $5bn |\n', '1. ', '$', 'tens of thousands of GPUs',
);
const text = fc.oneof(fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }));

describe('every emitted span slices the source to exactly its quote', () => {
  test('property: random text with emoji, RTL and CRLF', () => {
    fc.assert(fc.property(text, (t) => {
      if (!t.trim()) return;
      const art = articleFromBytes('random.txt', Buffer.from(t, 'utf8'));
      const { claims, report } = processArticle(art, rules);
      for (const c of claims) {
        expect(art.text.slice(c.span.start, c.span.end)).toBe(c.quote);
        if (c.quantity) expect(art.text.slice(c.quantity.span.start, c.quantity.span.end)).toBe(c.quantity.quote);
      }
      for (const n of report.noise) expect(art.text.slice(n.span.start, n.span.end)).toBe(n.quote);
      for (const r of report.rejected) expect(art.text.slice(r.span.start, r.span.end)).toBe(r.quote);
    }), { numRuns: 300, seed: 20261123 });
  });
});
