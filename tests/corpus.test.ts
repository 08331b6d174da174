/**
 * The sample corpus end to end: scores against the hand-made gold, boilerplate and list numbering
 * never leak, every record is traceable to its source characters. (Record shapes are zod's job:
 * claims.jsonl is validated against its schema when it is written.)
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, readClaims, runPipeline, score, tempDir } from './helpers.js';
import type { ClaimRecord } from '../src/records.js';

let out: string;
let claims: ClaimRecord[];
let s: ReturnType<typeof score>;
beforeAll(async () => {
  out = tempDir();
  const summary = await runPipeline([corpusDir], out);
  expect(summary.exitCode).toBe(0);
  claims = readClaims(out);
  s = score(join(out, 'claims.jsonl'));
});

describe('sample corpus scores (tests/gold = ../shared/gold)', () => {
  test('figures are found and read: F1 ≥ 97%, value/unit/bound ≥ 95%, no noise leaks', () => {
    expect(s.f1).toBeGreaterThanOrEqual(97);
    expect(s.f1).toBeGreaterThanOrEqual(95);
    expect(s.valueAccuracy).toBeGreaterThanOrEqual(95);
    expect(s.unitAccuracy).toBeGreaterThanOrEqual(95);
    expect(s.boundAccuracy).toBeGreaterThanOrEqual(95);
    expect(s.noiseLeaks).toBe(0);
  });

  test('figures get their subject: subject accuracy ≥ 95%, strict recall ≥ 85%', () => {
    expect(s.subjectAccuracy).toBeGreaterThanOrEqual(95);
    expect(s.strictRecall).toBeGreaterThanOrEqual(85);
  });
});

describe('claim records', () => {
  test('a claim without a subject says why', () => {
    for (const c of claims) expect(c.subject !== null || c.subjectReason !== null).toBe(true);
  });

  test('quotes slice the source exactly', () => {
    const texts = new Map<string, string>();
    for (const c of claims) {
      const text = texts.get(c.source.path) ?? readFileSync(c.source.path, 'utf8');
      texts.set(c.source.path, text);
      expect(text.slice(c.span.start, c.span.end)).toBe(c.quote);
      if (c.quantity) expect(text.slice(c.quantity.span.start, c.quantity.span.end)).toBe(c.quantity.quote);
    }
  });

  test('qualitative entity–claim pairs are emitted', () => {
    const q = claims.find((c) => !c.quantity && c.subject?.id === 'anthropic' && /strong revenue growth/.test(c.predicate ?? ''));
    expect(q).toBeDefined();
  });

  test('the table row gives metric, subject, time and modality', () => {
    const row = claims.find((c) => c.quantity?.quote === '~$600+ billion')!;
    expect(row.subject?.name).toBe('Big Tech');
    expect(row.metric).toBe('spending');
    expect(row.time).toBe('2026');
    expect(row.modality).toBe('projected');
  });
});

describe('noise report', () => {
  const report = (name: string) => readFileSync(join(out, 'noise.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((r) => r.path.endsWith(name));

  test('flags foreign-script runs in 000 and says why', () => {
    const r = report('000_9d0cdbc362e20dad.txt');
    const scripts = r.noise.filter((n: { reason: string }) => n.reason === 'foreign-script').map((n: { quote: string }) => n.quote);
    expect(scripts).toEqual(['حول', 'निर्णायक']);
  });

  test('flags the foreign word in 003 by lexicon + language identification', () => {
    const r = report('003_f00e832c4f30b292.txt');
    expect(r.noise.some((n: { reason: string; quote: string }) => n.reason === 'foreign-word' && n.quote === 'Lagerung')).toBe(true);
  });

  test('boilerplate figures are kept as rejected with their reason, not silently dropped', () => {
    const r = report('003_f00e832c4f30b292.txt');
    const rejected = Object.fromEntries(r.rejected.map((x: { quote: string; reason: string }) => [x.quote, x.reason]));
    expect(rejected['20%']).toMatch(/boilerplate/);
    expect(rejected['8']).toMatch(/boilerplate/);
    expect(rejected['100x']).toBe('question');
  });

  test('list numbering is flagged, never a quantity', () => {
    const r = report('004_6b0bd724af3104f2.txt');
    expect(r.noise.filter((n: { reason: string }) => n.reason === 'list-marker').map((n: { quote: string }) => n.quote)).toEqual(['1', '2', '3', '4']);
  });
});
