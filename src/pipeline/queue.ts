/**
 * The distributed executor: the same `Executor` the local pool is (pool.ts), with BullMQ on Redis
 * between the run and the per-article function. `claims run … --queue redis://…` puts one job per
 * article to process on the queue and waits; `claims worker --queue redis://…` (any number, on any
 * machine) takes jobs and runs them through a local executor (the same `runTask` the pool runs).
 * The article's bytes travel in the job, its stored result comes back as the job's return value
 * (both gzipped), and the run writes that result into its own result cache, so everything after
 * the barrier (reconcile, graph, report) runs unchanged.
 *
 * Job id = the article's cache key (its content hash, path, rules hash and code version, hashed):
 * a job already on the queue is not added twice, and one already completed is taken as it is.
 * An input the pipeline refuses (binary, invalid UTF-8, over the time budget) fails once with its
 * reason (UnrecoverableError, no retry); anything else (a worker's file system, a lost
 * connection) gets a few attempts. A worker killed mid-job leaves a stalled job that BullMQ gives
 * to another worker after the stall interval.
 *
 * Loaded only when --queue is given (run.ts imports it lazily), so local runs never load BullMQ.
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker, UnrecoverableError, type Job, type ConnectionOptions } from 'bullmq';
import type { Executor } from './pool.js';
import { createExecutor } from './pool.js';
import type { ArticleDone, TaskInput, TaskOutput } from './task.js';
import { tempPath } from '../output/atomic.js';
import { loadRules } from '../rules/load.js';
import { compileRules } from './rules.js';
import { codeVersion } from './version.js';
import { oneLine } from '../util/message.js';

export const QUEUE_NAME = 'claims-articles';

/** Jobs the run keeps on the queue at once: Redis holds at most this many articles' texts and
 * results of one run (see the README's scale note). */
export const IN_FLIGHT = 1000;

/** Finished jobs kept in Redis (so a re-run or a second run finds a result instead of redoing
 * it), and events kept in the event stream (each completed event carries its result). */
const KEEP = { age: 24 * 3600, count: 2000 };
const EVENTS_KEPT = 2000;

/** How often the run looks up the jobs it waits for, in case an event was missed (a reconnect). */
const SWEEP_MS = 5000;

/** What a job carries: the article and what the result must be made with. */
export interface JobData {
  path: string;
  sha256: string;
  maxBytes: number;
  budgetMs?: number;
  /** The run's rules hash and code version: a worker with other rules or code refuses the job. */
  rules: string;
  code: string;
  /** The article's bytes, gzipped, base64. */
  text: string;
  /** Its metadata sidecar, when it has one. */
  sidecar?: { path: string; text: string };
}

/** What a job returns: the run summary of the article and its stored result (gzipped, base64). */
export interface JobResult {
  done: Omit<ArticleDone, 'summaries'>;
  result: string;
}

const pack = (bytes: Uint8Array) => gzipSync(bytes, { level: 1 }).toString('base64');
const unpack = (text: string) => gunzipSync(Buffer.from(text, 'base64'));

/** BullMQ's connection options for a redis:// URL (a worker's blocking connection must never
 * give up a command, hence maxRetriesPerRequest: null). */
export function connection(url: string): ConnectionOptions {
  if (!/^rediss?:\/\//.test(url)) throw new Error(`--queue wants a redis://host:port URL, not ${url}`);
  return { url, maxRetriesPerRequest: null };
}

export interface QueueRunOptions {
  url: string;
  /** The run's rules hash and code version, checked by every worker. */
  rules: string;
  code: string;
  /** Progress lines (jobs done, rate, failures), e.g. to stderr. */
  onStatus?: (line: string) => void;
  statusEveryMs?: number;
}

interface Waiting {
  input: TaskInput;
  resolve: (out: TaskOutput) => void;
  settling: boolean;
}

/** The run's side: enqueue, wait, and store each result where the local pool would have. */
export async function createQueueExecutor(options: QueueRunOptions): Promise<Executor> {
  const conn = connection(options.url);
  const queue = new Queue<JobData, JobResult>(QUEUE_NAME, { connection: conn, streams: { events: { maxLen: EVENTS_KEPT } } });
  const events = new QueueEvents(QUEUE_NAME, { connection: conn });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const waiting = new Map<string, Waiting>();
  const slots: (() => void)[] = [];
  const started = Date.now();
  let done = 0, failed = 0, found = 0, added = 0;

  const status = (final = false) => {
    const secs = Math.max(0.001, (Date.now() - started) / 1000);
    options.onStatus?.(`queue: ${done + failed}/${added} jobs done${found ? ` (${found} already done on the queue)` : ''}, ${((done + failed) / secs).toFixed(1)}/s, ${failed} failed${final ? '' : `, ${waiting.size} waiting`}`);
  };
  const ticker = options.onStatus ? setInterval(() => added && status(), options.statusEveryMs ?? 2000).unref() : null;

  const finish = (id: string, out: TaskOutput) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    if (out.ok) done++;
    else failed++;
    w.resolve(out);
    slots.shift()?.();
  };

  /** Looks the job up and settles it when it has finished (a result is stored before the run is
   * told, so a crash in between only means the job is looked up again). */
  const settle = async (id: string) => {
    const w = waiting.get(id);
    if (!w || w.settling) return;
    w.settling = true;
    try {
      // The state first, then the job: a job read first may be read before it finished and come
      // without its return value.
      const state = await queue.getJobState(id);
      const job = state === 'completed' || state === 'failed' ? await queue.getJob(id) : null;
      if (state === 'completed' && !job?.returnvalue) {
        // Removed in between (or not written yet): looked up again at the next sweep.
      } else if (state === 'completed') {
        const { done: info, result } = job!.returnvalue;
        const tmp = tempPath(w.input.store);
        await writeFile(tmp, unpack(result), { flag: 'wx' });
        await rename(tmp, w.input.store);
        finish(id, { ok: true, done: { ...info, summaries: null } });
      } else if (state === 'failed') {
        finish(id, { ok: false, path: w.input.path, reason: oneLine(job?.failedReason || 'failed on the queue') });
      } else if (state === 'unknown') {
        // Gone from Redis (a restart without persistence, or trimmed): put it on again.
        await enqueue(id, w.input);
      }
    } catch (err) {
      finish(id, { ok: false, path: w.input.path, reason: `queue error: ${oneLine((err as Error).message)}` });
    } finally {
      const still = waiting.get(id);
      if (still) still.settling = false;
    }
  };

  const enqueue = (id: string, input: TaskInput) => queue.add('article', {
    path: input.path, sha256: input.sha256, maxBytes: input.maxBytes, budgetMs: input.budgetMs, rules: options.rules, code: options.code, text: pack(input.bytes),
    ...(input.sidecar ? { sidecar: input.sidecar } : {}),
  }, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: KEEP, removeOnFail: KEEP });

  events.on('completed', ({ jobId }) => void settle(jobId));
  events.on('failed', ({ jobId }) => void settle(jobId));
  const sweep = setInterval(() => { for (const id of waiting.keys()) void settle(id); }, SWEEP_MS).unref();

  return {
    workers: 0,
    run: async (input) => {
      const id = input.key;
      if (!id) throw new Error('a queued article needs its cache key');
      const result = new Promise<TaskOutput>((resolve) => waiting.set(id, { input, resolve, settling: false }));
      added++;
      const state = await queue.getJobState(id);
      // A failure of an earlier run is tried again, as a local run would; a completed job is
      // taken as it is, and a waiting or active one is waited for.
      if (state === 'failed') await queue.remove(id);
      if (state === 'completed') found++;
      else if (state === 'unknown' || state === 'failed') await enqueue(id, input);
      void settle(id);
      return result;
    },
    ready: () => (waiting.size < IN_FLIGHT ? Promise.resolve() : new Promise<void>((r) => slots.push(r))),
    close: async () => {
      clearInterval(sweep);
      if (ticker) clearInterval(ticker);
      if (added) status(true);
      await events.close();
      await queue.close();
    },
  };
}

export interface WorkerOptions {
  url: string;
  rulesDir?: string;
  /** Threads of the local pool the jobs run in. */
  workers: number;
  budgetMs: number;
  /** Lock duration and stalled-job check interval, in ms (BullMQ's default is 30 s): a job whose
   * worker died is given to another worker after about this long. */
  stallMs?: number;
  onStatus?: (line: string) => void;
}

/** The worker's side: takes jobs until closed and runs them in a local pool. */
export async function startQueueWorker(options: WorkerOptions): Promise<{ close(): Promise<void> }> {
  const loaded = loadRules(options.rulesDir);
  const rules = compileRules(loaded);
  const code = codeVersion();
  // Always a pool, even of one thread: an article processed inline would block the event loop
  // and with it the renewal of the job's lock.
  const executor = await createExecutor(options.workers, loaded, rules, options.budgetMs, { alwaysPool: true });
  const spool = mkdtempSync(join(tmpdir(), 'claims-worker-'));
  const handle = async (job: Job<JobData, JobResult>): Promise<JobResult> => {
    const d = job.data;
    if (d.rules !== rules.hash || d.code !== code) {
      throw new UnrecoverableError(`the worker runs other ${d.rules !== rules.hash ? `rules (${rules.hash.slice(0, 16)}, the run has ${d.rules.slice(0, 16)})` : `code (${code}, the run has ${d.code})`}: start workers from the same version and rules as the run`);
    }
    const store = join(spool, `${job.id}.jsonl`);
    const out = await executor.run({ path: d.path, bytes: unpack(d.text), sha256: d.sha256, maxBytes: d.maxBytes, store, budgetMs: d.budgetMs, sidecar: d.sidecar });
    if (!out.ok) throw new UnrecoverableError(out.reason);
    try {
      const { summaries: _, ...done } = out.done;
      return { done, result: pack(await readFile(store)) };
    } finally {
      rmSync(store, { force: true });
    }
  };
  const stall = options.stallMs ? { lockDuration: options.stallMs, stalledInterval: options.stallMs } : {};
  const worker = new Worker<JobData, JobResult>(QUEUE_NAME, handle, { connection: connection(options.url), concurrency: executor.workers * 2, ...stall });
  worker.on('failed', (job, err) => options.onStatus?.(`worker: ${job?.data.path ?? job?.id}: ${oneLine(err.message)}`));
  worker.on('error', (err) => options.onStatus?.(`worker: ${oneLine(err.message)}`));
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      await executor.close();
      rmSync(spool, { recursive: true, force: true });
    },
  };
}
