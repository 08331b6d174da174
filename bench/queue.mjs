#!/usr/bin/env node
// Queue benchmark (a script, not a test): `npm run bench:queue -- --mb 5 --procs 1,2,4`.
// Builds ~4 KB articles from nlp-corpus, starts redis-server on a free loopback port (no
// persistence), and times `claims run` (the built CLI) with the local pool (--workers 2) and with
// --queue and 1, 2, 4 `claims worker` processes of one pool thread each (started and warm before
// the run). Prints MB/s, articles/s and the queue's overhead per article against the local pool.
import { execFileSync, spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './corpus.mjs';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '5' }, procs: { type: 'string', default: '1,2,4' } } });
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'claims-bench-queue-'));
const dir = join(work, 'articles');
const built = buildCorpus(dir, Number(values.mb));
const MB = 1024 * 1024;

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work], { stdio: 'ignore' });
const pong = () => new Promise((resolve) => {
  const c = connect(port, '127.0.0.1', () => c.write('PING\r\n'));
  c.on('data', (d) => { resolve(d.toString().startsWith('+PONG')); c.destroy(); });
  c.on('error', () => resolve(false));
});
while (!(await pong())) await new Promise((r) => setTimeout(r, 50));

const timed = (args) => {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [cli, 'run', dir, '-q', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    // Exit 1: some article failed (named on stderr); the run still went through.
    if (err.status !== 1) throw err;
    process.stderr.write(String(err.stderr).split('\n').slice(0, 3).join('\n') + '\n');
  }
  return (performance.now() - t) / 1000;
};
const line = (name, s) => `${name.padEnd(30)} ${(built.bytes / MB / s).toFixed(3).padStart(7)} MB/s ${(built.articles / s).toFixed(1).padStart(8)} articles/s ${s.toFixed(2).padStart(7)} s`;

console.log(`corpus: ${built.articles} articles, ${(built.bytes / MB).toFixed(2)} MB`);
try {
  const local = timed(['--out', join(work, 'local'), '--workers', '2']);
  console.log(line('local pool, 2 threads', local));
  let db = 0;
  for (const n of values.procs.split(',').map(Number)) {
    const url = `redis://127.0.0.1:${port}/${++db}`;
    const workers = Array.from({ length: n }, () => spawn(process.execPath, [cli, 'worker', '--queue', url, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] }));
    // Ready when each has said it takes jobs (its pool thread has started and warmed up).
    await Promise.all(workers.map((w) => new Promise((r) => w.stderr.on('data', (d) => /taking jobs/.test(String(d)) && r()))));
    await new Promise((r) => setTimeout(r, 1500));
    const s = timed(['--out', join(work, `queue-${db}`), '--queue', url]);
    console.log(`${line(`queue, ${n} worker process${n > 1 ? 'es' : ''}`, s)}  overhead vs local ${(((s - local) / built.articles) * 1000).toFixed(2)} ms/article`);
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  }
} finally {
  redis.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
