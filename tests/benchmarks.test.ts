/**
 * The Recognizers-Text English specs (../shared/benchmarks, MIT) as an external suite.
 * Needs ../shared beside the checkout (CI has it); skipped, visibly, without it.
 */
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root, runPipeline, score, tempDir } from './helpers.js';

const shared = join(root, '..', 'shared');
const specs = join(shared, 'benchmarks', 'recognizers-text');
const haveShared = existsSync(join(specs, 'currency.jsonl')) && existsSync(join(shared, 'tools', 'benchmark-corpus.mjs'));

async function runSpec(name: string, kind: string) {
  const dir = tempDir(`bench-${name}-`);
  execFileSync(process.execPath, [join(shared, 'tools', 'benchmark-corpus.mjs'), '--spec', join(specs, `${name}.jsonl`), '--out', dir]);
  await runPipeline([join(dir, 'articles')], join(dir, 'output'));
  return score(join(dir, 'output', 'claims.jsonl'), join(dir, 'gold.jsonl'), kind);
}

describe.skipIf(!haveShared)('Recognizers-Text specs', () => {
  test('currency: strict ≥ 80% of gold', async () => {
    expect((await runSpec('currency', 'money')).strictRecall).toBeGreaterThanOrEqual(80);
  });
  test('percent: strict ≥ 85% of gold', async () => {
    expect((await runSpec('percent', 'percent')).strictRecall).toBeGreaterThanOrEqual(85);
  });
  test('dimension: F1 ≥ 70%', async () => {
    expect((await runSpec('dimension', 'measure')).f1).toBeGreaterThanOrEqual(70);
  });
});
