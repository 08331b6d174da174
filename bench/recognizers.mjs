#!/usr/bin/env node
// Scores the pipeline on the Recognizers-Text English specs (../shared/benchmarks) and prints the
// scorer's figures for each: `npm run bench:recognizers`. Needs ../shared beside the checkout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
if (!existsSync(join(shared, 'tools', 'score.mjs'))) {
  console.error('bench:recognizers needs ../shared (benchmarks and tools) beside the checkout');
  process.exit(2);
}
const node = (args) => execFileSync(process.execPath, args, { encoding: 'utf8', cwd: root });
for (const [spec, kind] of [['currency', 'money'], ['percent', 'percent'], ['dimension', 'measure'], ['number', 'count']]) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${spec}-`));
  const made = node([join(shared, 'tools', 'benchmark-corpus.mjs'), '--spec', join(shared, 'benchmarks', 'recognizers-text', `${spec}.jsonl`), '--out', dir]).trim();
  try {
    node([join(root, 'dist', 'cli.js'), 'run', join(dir, 'articles'), '--out', join(dir, 'output'), '--quiet']);
  } catch { /* exit 1 when an article fails: still scored */ }
  console.log(`== ${spec} (${made}; --only-kind ${kind})`);
  console.log(node([join(shared, 'tools', 'score.mjs'), '--gold', join(dir, 'gold.jsonl'), '--claims', join(dir, 'output', 'claims.jsonl'), '--only-kind', kind]).trim());
}
