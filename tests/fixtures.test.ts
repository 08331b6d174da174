/**
 * Fixture articles written for the tests (coreference, tables, hedges, attribution, questions and
 * boilerplate, list lead-ins, an earnings report), each beside the claims it must yield. Every
 * expected claim was read against its article by hand: it holds the right answer, and where the
 * pipeline still gets one wrong the claim carries `known: "<what is wrong>"` and its test is a
 * `test.fails`, so the miss stays visible and the test flips when it is fixed.
 *
 * `UPDATE_FIXTURES=1 npx vitest run tests/fixtures.test.ts` writes what the pipeline says now into
 * a missing expected.json (never over one that exists: answers are judged, not frozen). Without
 * it a missing expected.json fails.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRules } from '../src/pipeline/rules.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { processArticle } from '../src/pipeline/article.js';
import { root } from './helpers.js';

const dir = join(root, 'tests', 'fixtures');
const rules = getRules();

interface Projected {
  figure: string; kind: string; value: number | null; low: number | null; high: number | null; bound: string; unit: string; per: string | null;
  subject: string | null; metric: string | null; time: string | null; modality: string; attribution: string | null;
}
type Expected = Projected & { known?: string };

function project(path: string): { claims: Projected[]; notClaims: string[] } {
  const art = articleFromBytes(path, readFileSync(path));
  const { claims, report } = processArticle(art, rules);
  return {
    claims: claims.filter((c) => c.quantity).map((c) => ({
      figure: c.quantity!.quote, kind: c.quantity!.kind, value: c.quantity!.value, low: c.quantity!.low, high: c.quantity!.high,
      bound: c.quantity!.bound, unit: c.quantity!.unit, per: c.quantity!.per,
      subject: c.subject ? `${c.subject.name} (${c.subject.via})` : null, metric: c.metric, time: c.time, modality: c.modality, attribution: c.attribution,
    })),
    notClaims: report.rejected.map((r) => `${r.quote}: ${r.reason}`),
  };
}

describe('fixtures', () => {
  for (const name of readdirSync(dir).sort()) {
    const file = readdirSync(join(dir, name)).find((f) => f.startsWith('article.'))!;
    const expectedFile = join(dir, name, 'expected.json');
    const got = project(join(dir, name, file));
    if (!existsSync(expectedFile)) {
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, JSON.stringify(got, null, 2) + '\n');
      test(`${name}: has a reviewed expected.json`, () => expect.fail(`${expectedFile} is missing: write it with UPDATE_FIXTURES=1, then review every claim by hand`));
      continue;
    }
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as { claims: Expected[]; notClaims: string[] };
    describe(name, () => {
      test('the same figures, in order', () => expect(got.claims.map((c) => c.figure)).toEqual(expected.claims.map((c) => c.figure)));
      test('the same figures are not claims, with their reasons', () => expect(got.notClaims).toEqual(expected.notClaims));
      expected.claims.forEach((want, i) => {
        const { known, ...right } = want;
        const check = () => expect(got.claims[i]).toEqual(right);
        if (known) test.fails(`${want.figure} (known miss: ${known})`, check);
        else test(want.figure, check);
      });
    });
  }
});
