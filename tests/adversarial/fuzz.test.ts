/**
 * Fuzzing the per-article function with the shapes of issue 16: markdown structure of every kind
 * cut at random, numbers past double range, rule-like words, control characters. An article
 * never throws (one bad figure never costs it), every value is a finite number or null with a
 * reason, and the same text gives the same result twice.
 *
 * CI-sized by default (300 texts); CLAIMS_FUZZ_RUNS=10000 for a long run, which also prints
 * texts per second.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { getRules } from '../../src/pipeline/rules.js';
import { articleFromBytes } from '../../src/ingest/read.js';
import type { IngestError } from '../../src/ingest/decode.js';
import { processArticle } from '../../src/pipeline/article.js';

const rules = getRules();
const runs = Number(process.env.CLAIMS_FUZZ_RUNS ?? 300);

const piece = fc.constantFrom(
  '# ', '## Heading\n', '- ', '* ', '1. ', '1990. ', '12) ', '> ', '>>>>>> ', '    ', '\t', '```\n', '~~~', '| a | b |\n', '|---|---|\n', '| 1 | $2 |\n', '|', '\n', '\n\n',
  '$', '$5 ', '€123bn', '5 billion', '1e308', '9'.repeat(320), `$${'9'.repeat(309)}`, '-3.2%', '0.5x', 'twice', 'hundreds of millions of',
  'Acme Corp. said', 'revenue rose 10%', 'according to the firm', 'If you save', 'a third of', 'per month', '2024', 'Inc.', ': ', '. ', '? ',
  '\u0000', '\u001b[31m', '\u00ad', '\u200b', '\u2028', '\ufeff', '😀', 'שלום', 'http://example.com/x', 'www.x.org',
);
const text = fc.array(piece, { minLength: 1, maxLength: 60 }).map((p) => p.join(''));

describe('fuzz: an article never throws, values are finite or null with a reason, results repeat', () => {
  test(`property: ${runs} texts of markdown, numerals and control characters`, () => {
    const t0 = performance.now();
    fc.assert(fc.property(text, (t) => {
      let art;
      try {
        art = articleFromBytes('fuzz.md', Buffer.from(t, 'utf8'));
      } catch (err) {
        // Refused at ingest (empty, binary): with a one-line reason.
        expect((err as IngestError).reason).toMatch(/^[^\n]+$/);
        return;
      }
      const first = processArticle(art, rules);
      for (const c of first.claims) {
        const q = c.quantity;
        if (!q) continue;
        for (const v of [q.value, q.low, q.high]) expect(v === null || Number.isFinite(v)).toBe(true);
        if (q.reason) expect([q.value, q.low, q.high]).toEqual([null, null, null]);
      }
      expect(first.report.rejected.every((r) => !r.reason.includes('\n'))).toBe(true);
      expect(JSON.stringify(processArticle(art, rules))).toBe(JSON.stringify(first));
    }), { numRuns: runs, seed: 20261202 });
    if (process.env.CLAIMS_FUZZ_RUNS) process.stdout.write(`fuzz: ${runs} texts, ${(runs / ((performance.now() - t0) / 1000)).toFixed(0)} texts/s, 0 failures\n`);
  }, 600_000);
});
