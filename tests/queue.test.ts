/**
 * The distributed runner (issue 14) against a real redis-server on a free loopback port, started
 * here without persistence. Runs and workers are the built CLI (dist/) in their own processes:
 * the run and its workers must run the same code (the job carries the code version).
 */
import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { root, corpusDir, tempDir, snapshot } from './helpers.js';
import { QUEUE_NAME } from '../src/pipeline/queue.js';
// @ts-expect-error: a plain .mjs module without types
import { buildCorpus } from '../bench/corpus.mjs';

/** CLAIMS_REDIS_SERVER names the binary (empty: none, the tests skip). */
const redisBin = process.env.CLAIMS_REDIS_SERVER !== undefined ? process.env.CLAIMS_REDIS_SERVER || null : (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();
const skip = !redisBin;
if (skip) console.warn('queue.test.ts: SKIPPED — redis-server not found on PATH or CLAIMS_REDIS_SERVER (Debian: apt-get install redis-server; .ci/run installs it)');

const cli = join(root, 'dist', 'cli.js');
let redis: ChildProcess | null = null;
let port = 0;
let db = 0;
/** A database of its own for each test, so their queues never meet. */
const nextUrl = () => `redis://127.0.0.1:${port}/${++db}`;
const started: ChildProcess[] = [];

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  }).on('error', reject);
});

const pong = () => new Promise<boolean>((resolve) => {
  const c = connect(port, '127.0.0.1', () => c.write('PING\r\n'));
  c.on('data', (d) => { resolve(d.toString().startsWith('+PONG')); c.destroy(); });
  c.on('error', () => resolve(false));
});

/** redis-server on `port`, without persistence: a restart starts empty. */
async function startRedis(): Promise<void> {
  redis = spawn(redisBin!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tempDir('redis-'), '--databases', '32'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await pong()); i++) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  if (skip) return;
  port = await freePort();
  await startRedis();
});

afterAll(async () => {
  for (const p of started) p.kill('SIGKILL');
  redis?.kill('SIGKILL');
});

/** A `claims worker` process (one pool thread). */
function worker(url: string, ...extra: string[]): ChildProcess {
  const p = spawn(process.execPath, [cli, 'worker', '--queue', url, '--workers', '1', '-q', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(p);
  return p;
}

const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));

async function stop(...workers: ChildProcess[]): Promise<void> {
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map(exited));
}

/** `claims run` in its own process: its exit code and stderr. */
function claims(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, 'run', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr!.on('data', (d) => (stderr += d));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** The outputs of a local run (2 pool threads) and of a queued run over the same inputs. */
async function bothRuns(inputs: string, url: string, during?: (queued: Promise<unknown>) => Promise<void>) {
  const local = tempDir('local-'), queued = tempDir('queued-');
  const l = await claims(inputs, '--out', local, '--workers', '2', '-q');
  const run = claims(inputs, '--out', queued, '--queue', url);
  await during?.(run);
  const q = await run;
  return { local, queued, l, q };
}

/** A queued run with `n` worker processes must exit 0 with the bytes of the local run. */
async function sameAsLocal(inputs: string, n: number, during?: (url: string) => Promise<void>) {
  const url = nextUrl();
  const workers = Array.from({ length: n }, () => worker(url));
  try {
    const runs = await bothRuns(inputs, url, during && (() => during(url)));
    expect(runs.q.code, runs.q.stderr).toBe(0);
    expect(snapshot(runs.queued)).toEqual(snapshot(runs.local));
    return runs;
  } finally {
    await stop(...workers);
  }
}

describe('queue: claims run --queue with claims worker (BullMQ, redis-server)', () => {
  test.skipIf(skip)('outputs byte for byte those of a local run on the sample corpus, with 2 worker processes', async () => {
    // One article with a metadata sidecar: the job carries it to the worker.
    const inputs = tempDir('corpus-');
    cpSync(corpusDir, inputs, { recursive: true });
    writeFileSync(join(inputs, '000_9d0cdbc362e20dad.meta.json'), '{"url": "https://news.example/000", "published": "2025-11-20"}');
    const { local, queued, l, q } = await sameAsLocal(inputs, 2);
    expect(readFileSync(join(queued, 'claims.jsonl'), 'utf8')).toContain('"url":"https://news.example/000","published":"2025-11-20"');
    expect(l.code).toBe(0);
    expect(q.stderr).toMatch(/queue: 5\/5 jobs done, [\d.]+\/s, 0 failed/);
    const a = snapshot(local), b = snapshot(queued);
    for (const name of ['claims.jsonl', 'graph.json', 'noise.jsonl', 'run.json', 'report.md']) expect(b.get(name), name).toBe(a.get(name));
  });

  // ~1 minute on 2 cores: CLAIMS_QUEUE_FULL=1 npx vitest run tests/queue.test.ts
  test.skipIf(skip || !process.env.CLAIMS_QUEUE_FULL)('2,000 nlp-corpus articles with 3 worker processes: the bytes of the local run (CLAIMS_QUEUE_FULL=1)', async () => {
    const inputs = tempDir('nlp-');
    expect((buildCorpus(inputs, 2000 * 4200 / 2 ** 20) as { articles: number }).articles).toBeGreaterThanOrEqual(2000);
    await sameAsLocal(inputs, 3);
  }, 300_000);

  test.skipIf(skip)('a poisoned article (invalid UTF-8, binary) fails once with its reason and is named in run.json like a local failure', async () => {
    const url = nextUrl();
    const inputs = tempDir('poisoned-');
    cpSync(corpusDir, inputs, { recursive: true });
    writeFileSync(join(inputs, 'bad-utf8.txt'), Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x20, 0x62, 0x61, 0x64]));
    writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]));
    const w = worker(url);
    try {
      const { local, queued, l, q } = await bothRuns(inputs, url);
      expect(l.code).toBe(1);
      expect(q.code).toBe(1);
      expect(snapshot(queued)).toEqual(snapshot(local));
      const failed = (JSON.parse(readFileSync(join(queued, 'run.json'), 'utf8')) as { failed: { path: string; reason: string }[] }).failed;
      expect(failed.map((f) => f.path.replace(/^.*\//, ''))).toEqual(['bad-utf8.txt', 'binary.txt']);
      const queue = new Queue(QUEUE_NAME, { connection: { url } });
      try {
        const jobs = await queue.getFailed();
        expect(jobs.map((j) => [j.data.path.replace(/^.*\//, ''), j.attemptsMade, j.failedReason]).sort()).toEqual(
          failed.map((f) => [f.path.replace(/^.*\//, ''), 1, f.reason]));
      } finally {
        await queue.close();
      }
    } finally {
      await stop(w);
    }
  });

  test.skipIf(skip)('Redis killed mid-run and started again, empty: the run puts the lost jobs on again and gives the local run\'s bytes', async () => {
    const inputs = tempDir('restart-');
    buildCorpus(inputs, 1.2);
    await sameAsLocal(inputs, 2, async (url) => {
      const queue = new Queue(QUEUE_NAME, { connection: { url } });
      for (let i = 0; i < 600 && (await queue.getCompletedCount()) < 50; i++) await new Promise((r) => setTimeout(r, 50));
      await queue.close();
      redis!.kill('SIGKILL');
      await exited(redis!);
      await new Promise((r) => setTimeout(r, 500));
      await startRedis();
    });
  }, 120_000);

  test.skipIf(skip)('a worker killed (SIGKILL) mid-job: another worker takes the job after the stall interval, nothing lost or doubled', async () => {
    const url = nextUrl();
    const inputs = tempDir('killed-');
    cpSync(corpusDir, inputs, { recursive: true });
    // An article that takes a pool thread a few seconds.
    const text = readFileSync(join(corpusDir, '000_9d0cdbc362e20dad.txt'), 'utf8');
    writeFileSync(join(inputs, 'zz-long.txt'), Array.from({ length: 300 }, (_, i) => `${text}\n\nParagraph ${i}: Acme Corp. said revenue rose ${i}% to $${i} million in May.\n`).join('\n'));
    const a = worker(url, '--stall-ms', '1000');
    let b: ChildProcess | null = null;
    const queue = new Queue(QUEUE_NAME, { connection: { url } });
    try {
      const { local, queued, q } = await bothRuns(inputs, url, async () => {
        // Wait until the long article is in worker a's hands, then kill a.
        for (let i = 0; i < 600; i++) {
          const active = await queue.getActive();
          if (active.some((j) => j.data.path.endsWith('zz-long.txt'))) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await new Promise((r) => setTimeout(r, 300));
        a.kill('SIGKILL');
        await exited(a);
        b = worker(url, '--stall-ms', '1000');
      });
      expect(q.code, q.stderr).toBe(0);
      expect(snapshot(queued)).toEqual(snapshot(local));
      const long = (await queue.getCompleted()).find((j) => j.data.path.endsWith('zz-long.txt'))!;
      expect(long.stalledCounter).toBe(1);
    } finally {
      await queue.close();
      await stop(...(b ? [b] : []));
    }
  }, 120_000);
});
