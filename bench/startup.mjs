#!/usr/bin/env node
// Worker start-up benchmark (a script, not a test): `npm run bench:startup -- --workers 2`.
// Starts the executor a run starts (rules loaded and the lexicon packed on the main thread, handed
// to the pool threads) and times how long until every thread has answered one small article:
// module loading, rule compilation, the warm-up and that article. Repeats --repeat times and
// prints every figure and the best. Beside the wall time it prints the CPU time the whole process
// spent (all threads, the main thread's packing included) divided by the workers: on a shared
// machine, where wall time also counts waiting for a core, that is the steadier figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRules } from '../dist/rules/load.js';
import { compileRules } from '../dist/pipeline/rules.js';
import { createExecutor } from '../dist/pipeline/pool.js';
import { sha256 } from '../dist/util/hash.js';

const { values } = parseArgs({ options: { workers: { type: 'string', default: '2' }, repeat: { type: 'string', default: '5' } } });
const workers = Number(values.workers);
if (!(workers >= 2)) {
  console.error('--workers must be 2 or more (1 runs inline, with no pool to start)');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'claims-startup-'));
const loaded = loadRules();
const compiled = compileRules(loaded);
const bytes = Buffer.from('Acme Corp. said its revenue rose 10% to $5 million in May.\n');
const times = [], cpus = [];
for (let r = 0; r < Number(values.repeat); r++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const executor = await createExecutor(workers, loaded, compiled);
  // One task per thread, all at once: the last answer comes when every thread has started.
  await Promise.all(Array.from({ length: workers }, (_, i) =>
    executor.run({ path: `a${i}.txt`, bytes, sha256: sha256(bytes), maxBytes: 1 << 20, store: join(work, `r${r}-${i}.jsonl`) }).then((out) => {
      if (!out.ok) throw new Error(out.reason);
    })));
  times.push((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  cpus.push((used.user + used.system) / 1e6 / workers);
  await executor.close();
  console.log(`run ${r + 1}: ${workers} workers ready in ${times.at(-1).toFixed(3)} s (CPU ${cpus.at(-1).toFixed(3)} s per worker)`);
}
console.log(`worker start-up, best of ${times.length}: ${Math.min(...times).toFixed(3)} s wall, ${Math.min(...cpus).toFixed(3)} s CPU per worker`);
rmSync(work, { recursive: true, force: true });
