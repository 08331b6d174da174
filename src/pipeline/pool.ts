/**
 * Where the CPU work runs: a piscina worker pool when more than one worker is asked for (both
 * cores busy), else inline. p-queue bounds how many articles are in flight, so memory does not
 * grow with the corpus. Worker threads need the compiled JavaScript (dist/), so a run from the
 * TypeScript sources (tests) always runs inline.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { TaskInput, TaskOutput, WorkerData } from './task.js';
import type { LoadedRules } from '../rules/load.js';
import type { CompiledRules } from './rules.js';
import { oneLine } from '../util/message.js';
import { packEnglishLexicon } from '../normalize/english-lexicon.js';

export interface Executor {
  run(input: TaskInput): Promise<TaskOutput>;
  /** Waits until fewer than the in-flight limit are pending (back-pressure for the producer). */
  ready(): Promise<void>;
  close(): Promise<void>;
  readonly workers: number;
}

/** What a pool thread runs: worker.js bundled with everything it imports into one file (see
 * bundle-worker.mjs), so a thread starts without resolving hundreds of modules; worker.js itself
 * when there is no bundle (a build by tsc alone). */
const bundled = fileURLToPath(new URL('./worker.bundle.js', import.meta.url));
const workerFile = existsSync(bundled) ? bundled : fileURLToPath(new URL('./worker.js', import.meta.url));

/** Old-generation heap of one worker. V8 grows a heap lazily while it allocates, so without a cap
 * a worker's memory creeps up with the corpus; its live set (lexicons, compromise) is ~100 MB. */
export const WORKER_HEAP_MB = 256;

/**
 * How much bytecode a function runs before V8 considers optimizing it: 8× V8's default (67,584).
 * Each worker is its own V8 isolate and compiles its own hot code on V8's background threads; at
 * the default, V8 optimizes (and after a deopt, re-optimizes) hundreds of lukewarm functions, and
 * on a 5 MB run that compiling took a third of all CPU time — a core's worth beside two workers.
 * With the higher budget only the really hot code is optimized: background CPU fell from ~5 s to
 * ~2 s and the workers' own time did not grow (5 MB, 2 workers). It changes when code is
 * compiled, never what it computes. The flag is process-wide and is read as functions run, so it
 * is set here, before any worker starts.
 */
export const JIT_INTERRUPT_BUDGET = 8 * 67_584;

/** True when running from compiled JavaScript, where worker threads can load the worker file. */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(workerFile);
}

/** A pool worker past its time budget by this factor is stopped (the article fails by name): the
 * pipeline checks its budget itself, so this only catches what never reaches a check. */
const HARD_LIMIT = 2;

/** An article's stages hold up to ~150 bytes of heap per byte of text (a table of a million
 * cells); a pool worker has room for about a megabyte of that. Larger articles, and any article
 * whose worker died, run in a worker of their own with a heap sized to their text. */
export const OWN_WORKER_BYTES = 512 * 1024;
const HEAP_PER_BYTE = 160;
export const ownHeapMb = (bytes: number) => Math.min(8192, Math.max(1024, WORKER_HEAP_MB + Math.ceil((bytes * HEAP_PER_BYTE) / 2 ** 20)));

/** `alwaysPool`: a pool even of one thread (a queue worker, whose event loop must stay free). */
export async function createExecutor(workers: number, rules: LoadedRules, compiled: CompiledRules, budgetMs = 0, { alwaysPool = false } = {}): Promise<Executor> {
  setFlagsFromString(`--interrupt-budget=${JIT_INTERRUPT_BUDGET}`);
  const usePool = (workers > 1 || alwaysPool) && canUseWorkers();
  // The processing code (compromise, the lexicons) loads only where it runs: in the workers, or
  // here when running inline. The main thread of a pooled run never pays for it.
  const runTask = usePool ? null : (await import('./worker.js')).runTask;
  // The English lexicon is packed once, here, into shared memory that every worker reads (the
  // pool's and any worker of its own an article gets).
  const workerData: WorkerData = { rules, lexicon: usePool ? packEnglishLexicon() : null };
  const options = { filename: workerFile, workerData };
  const pool = usePool ? new Piscina({ ...options, minThreads: workers, maxThreads: workers, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) : null;
  const inFlight = usePool ? workers * 4 : 2;
  const queue = new PQueue({ concurrency: inFlight });
  const timedOut = (input: TaskInput): TaskOutput => ({ ok: false, path: input.path, reason: `took longer than the ${budgetMs / 1000} s time budget per article (--time-budget); its worker was stopped` });
  // The watchdog: a task whose worker started it more than HARD_LIMIT budgets ago is aborted
  // (piscina then stops its worker and starts a fresh one).
  const running = new Set<{ started: Float64Array; abort: AbortController }>();
  const watchdog = budgetMs && pool ? setInterval(() => {
    for (const t of running) if (t.started[0] > 0 && Date.now() - t.started[0] > budgetMs * HARD_LIMIT) t.abort.abort();
  }, Math.min(1000, budgetMs)).unref() : null;
  /** Runs `input` in `p`; a worker that dies comes back as its error message. */
  const attempt = async (p: Piscina, input: TaskInput): Promise<TaskOutput | { died: string }> => {
    const task = { started: new Float64Array(new SharedArrayBuffer(8)), abort: new AbortController() };
    running.add(task);
    try {
      return (await p.run({ ...input, started: task.started }, { signal: task.abort.signal })) as TaskOutput;
    } catch (err) {
      const e = err as Error;
      if (e.name === 'AbortError' || e.name === 'TimeoutError') return timedOut(input);
      return { died: /memory/i.test(e.message) ? 'out of memory' : oneLine(e.message) };
    } finally {
      running.delete(task);
    }
  };
  /** A fresh worker of its own, with a heap sized to the article's text. */
  const alone = async (input: TaskInput): Promise<TaskOutput | { died: string }> => {
    const heap = ownHeapMb(input.bytes.length);
    const own = new Piscina({ ...options, minThreads: 1, maxThreads: 1, resourceLimits: { maxOldGenerationSizeMb: heap } });
    try {
      const out = await attempt(own, input);
      return 'died' in out ? { died: `${out.died} (${heap} MB heap)` } : out;
    } finally {
      await own.destroy();
    }
  };
  return {
    workers: usePool ? workers : 1,
    run: (input) => queue.add(async (): Promise<TaskOutput> => {
      if (!pool) return runTask!(input, compiled);
      // A worker that dies fails that article only, and only after a second try in a fresh worker
      // of its own: one death may be a neighbour's garbage in the same heap, or an article larger
      // than a pool worker's heap.
      const first = input.bytes.length > OWN_WORKER_BYTES ? null : await attempt(pool, input);
      if (first && !('died' in first)) return first;
      const second = await alone(input);
      if (!('died' in second)) return second;
      return { ok: false, path: input.path, reason: `its worker died${first ? ` (${first.died})` : ''}, and again in a worker of its own: ${second.died}` };
    }) as Promise<TaskOutput>,
    ready: () => queue.onSizeLessThan(inFlight),
    close: async () => {
      await queue.onIdle();
      if (watchdog) clearInterval(watchdog);
      await pool?.destroy();
    },
  };
}
