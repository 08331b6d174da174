/**
 * Fixture articles written for the tests (coreference, tables, hedges, attribution, questions and
 * boilerplate, list lead-ins), each beside the claims it must yield. Regenerate with
 * UPDATE_FIXTURES=1 and review the diff of expected.json like code.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRules } from '../src/rules/compiled.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { processArticle } from '../src/pipeline/article.js';
import { root } from './helpers.js';

const dir = join(root, 'tests', 'fixtures');
const rules = getRules();

function project(path: string) {
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
    test(name, () => {
      const got = project(join(dir, name, file));
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
