#!/usr/bin/env node
// Worker start-up benchmark (a script, not a test): `npm run -s build && node bench/startup.mjs`.
// Starts a pool of --workers threads the way a run does (rules loaded on the main thread, handed
// over as workerData) and times, for each thread, how long until it has answered one small
// article: module loading, rule compilation and the warm-up. Repeats --repeat times and prints
// every figure and the best, since the machine may be shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { loadRules } from '../dist/rules/load.js';
import { WORKER_HEAP_MB } from '../dist/pipeline/pool.js';
import { sha256 } from '../dist/util/hash.js';

const { values } = parseArgs({ options: { workers: { type: 'string', default: '1' }, repeat: { type: 'string', default: '3' } } });
const workers = Number(values.workers);
const workerFile = new URL('../dist/pipeline/worker.js', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'claims-startup-'));
const rules = loadRules();
const times = [];
for (let r = 0; r < Number(values.repeat); r++) {
  const started = performance.now();
  const pool = new Piscina({ filename: workerFile.href, minThreads: workers, maxThreads: workers, workerData: { rules }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const bytes = Buffer.from('Acme Corp. said its revenue rose 10% to $5 million in May.\n');
  // One task per thread, all at once: each thread's first answer is its start-up.
  const ends = await Promise.all(Array.from({ length: workers }, (_, i) =>
    pool.run({ path: `a${i}.txt`, bytes, sha256: sha256(bytes), maxBytes: 1 << 20, store: join(work, `r${r}-${i}.jsonl`) }).then((out) => {
      if (!out.ok) throw new Error(out.reason);
      return performance.now() - started;
    })));
  await pool.destroy();
  times.push(Math.max(...ends) / 1000);
  console.log(`run ${r + 1}: ${workers} worker(s) ready in ${times.at(-1).toFixed(3)} s`);
}
console.log(`worker start-up, best of ${times.length}: ${Math.min(...times).toFixed(3)} s`);
rmSync(work, { recursive: true, force: true });
