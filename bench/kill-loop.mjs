#!/usr/bin/env node
// The kill -9 loop of issue 16 as a script that prints its figures (a script, not a test):
//   npm run bench:kill -- --mb 20 --kills 20
// Builds a corpus of --mb MB, runs it once to know the finished output set, then --kills times:
// copies a folder holding an older set (the sample corpus), starts a run of the corpus into it with
// 2 workers, kills it with SIGKILL at a moment spread over the run, checks that the folder holds the
// old set or the new one whole (never a mix), runs again to completion and checks that the result
// is the finished set with every article (none lost) and no file a run leaves only while it runs.
// Then two runs into one folder at once: one is refused by name, the other completes.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './corpus.mjs';
import { strays } from './strays.mjs';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '20' }, kills: { type: 'string', default: '20' } } });
const mb = Number(values.mb), kills = Number(values.kills);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'claims-kill-'));
const articles = join(work, 'articles');
const built = buildCorpus(articles, mb);
const OUTPUTS = ['claims.jsonl', 'noise.jsonl', 'graph.json', 'run.json', 'report.md'];

const run = (out, workers = 2) => spawnSync(process.execPath, [cli, 'run', articles, '--out', out, '-q', '--workers', String(workers)], { encoding: 'utf8' });
/** The output set a reader of `out` sees: a hash of each file, read through `current` once, and
 * the articles the manifest holds (its time stamps aside: they are the one thing that differs). */
const outputSet = (out) => {
  const at = existsSync(join(out, 'current')) ? join(out, readlinkSync(join(out, 'current'))) : out;
  const held = existsSync(join(at, 'manifest.json')) ? JSON.parse(readFileSync(join(at, 'manifest.json'), 'utf8')).articles.map((a) => `${a.path} ${a.sha256}`).join('\n') : '-';
  return [held, ...OUTPUTS.map((f) => (existsSync(join(at, f)) ? createHash('sha256').update(readFileSync(join(at, f))).digest('hex') : '-'))].join(' ');
};
const heldArticles = (out) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).articles.length;
const base = join(work, 'base');
if (spawnSync(process.execPath, [cli, 'run', join(root, 'corpus'), '--out', base, '-q'], { encoding: 'utf8' }).status !== 0) throw new Error('the sample run failed');
const full = join(work, 'full');
cpSync(base, full, { recursive: true, verbatimSymlinks: true });
let t = Date.now();
const first = run(full);
if (first.status !== 0) throw new Error(`the full run failed: ${first.stderr}`);
const duration = Date.now() - t;
const before = outputSet(base), after = outputSet(full), expected = heldArticles(full);
console.log(`corpus: ${built.articles} articles, ${(built.bytes / 2 ** 20).toFixed(2)} MB; a whole run takes ${(duration / 1000).toFixed(1)} s and holds ${expected} articles`);

let torn = 0, lost = 0, stray = 0, killedOld = 0, killedNew = 0;
for (let i = 0; i < kills; i++) {
  const out = join(work, `trial${i}`);
  cpSync(base, out, { recursive: true, verbatimSymlinks: true });
  const child = spawn(process.execPath, [cli, 'run', articles, '--out', out, '-q', '--workers', '2'], { stdio: 'ignore' });
  const exited = new Promise((res) => child.on('exit', res));
  // Spread over the whole run, the last ones late, where the write phase is.
  const at = ((i + 1) / kills) * duration * 1.1;
  await new Promise((res) => setTimeout(res, at));
  child.kill('SIGKILL');
  await exited;
  const now = outputSet(out);
  if (now === before) killedOld++;
  else if (now === after) killedNew++;
  else torn++;
  t = Date.now();
  const again = run(out);
  const missing = again.status === 0 ? expected - heldArticles(out) : expected;
  if (outputSet(out) !== after) lost += Math.max(1, missing);
  const left = strays(out).length;
  stray += left;
  console.log(`kill ${String(i + 1).padStart(2)} at ${(at / 1000).toFixed(1).padStart(5)} s: ${now === before ? 'old set' : now === after ? 'new set' : 'TORN'}; next run ${((Date.now() - t) / 1000).toFixed(1)} s, ${missing} articles missing, ${left} stray files`);
  rmSync(out, { recursive: true, force: true });
}
console.log(`kills: ${kills} (old set whole ${killedOld}, new set whole ${killedNew}); torn output sets: ${torn}; articles lost: ${lost}; stray files: ${stray}`);

// Two runs into one folder at once: one takes the lock, the other is refused by name.
const both = join(work, 'both');
const start = () => new Promise((res) => {
  const c = spawn(process.execPath, [cli, 'run', articles, '--out', both, '-q', '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  c.stderr.on('data', (d) => (err += d));
  c.on('exit', (code) => res({ code, err: err.trim() }));
});
const results = await Promise.all([start(), start()]);
const done = results.filter((r) => r.code === 0).length;
const refused = results.filter((r) => r.code === 2 && /locked|another run|in use/i.test(r.err));
console.log(`two runs at once: ${done} completed, ${refused.length} refused (${refused.map((r) => JSON.stringify(r.err)).join('; ')}); the folder then holds ${existsSync(join(both, 'manifest.json')) ? heldArticles(both) : 0} of ${built.articles} articles, ${strays(both).length} stray files`);
rmSync(work, { recursive: true, force: true });
