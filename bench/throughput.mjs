#!/usr/bin/env node
// Throughput benchmark (a script, not a test): `npm run bench -- --mb 5 --workers 2`.
// Builds a corpus of ~4 KB articles from nlp-corpus, runs the full pipeline on it, and in the
// same run measures compromise's full nlp() on the same articles on one core (capped by
// --baseline-mb, since it runs under 0.1 MB/s). Prints MB/s, articles/s and peak RSS of each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '5' },
    workers: { type: 'string', default: '2' },
    'baseline-mb': { type: 'string', default: '1' },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const mb = Number(values.mb);
if (!(mb >= 1 && mb <= 50)) {
  console.error('--mb must be between 1 and 50');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'claims-bench-'));
const dir = join(work, 'articles');
const built = buildCorpus(dir, mb);
const child = (...args) => JSON.parse(execFileSync(process.execPath, [join(here, 'child.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
const MB = 1024 * 1024;
const line = (name, r) => `${name.padEnd(28)} ${(r.bytes / MB).toFixed(2).padStart(7)} MB  ${(r.bytes / MB / r.seconds).toFixed(3).padStart(8)} MB/s  ${(r.articles / r.seconds).toFixed(1).padStart(8)} articles/s  ${r.seconds.toFixed(2).padStart(7)} s  peak RSS ${r.maxRssMB.toFixed(0).padStart(5)} MB`;

console.log(`corpus: ${built.articles} articles, ${(built.bytes / MB).toFixed(2)} MB (nlp-corpus sentences in ~4 KB articles)`);
const pipeline = child('pipeline', dir, join(work, 'out'), values.workers);
console.log(line(`pipeline, ${values.workers} worker(s)`, pipeline));
if (!values['no-baseline']) {
  const baseline = child('baseline', dir, String(Number(values['baseline-mb']) * MB));
  console.log(line('compromise nlp(), 1 core', baseline));
  console.log(`speed-up: ${((pipeline.bytes / pipeline.seconds) / (baseline.bytes / baseline.seconds)).toFixed(1)}x the baseline's MB/s`);
}
rmSync(work, { recursive: true, force: true });
