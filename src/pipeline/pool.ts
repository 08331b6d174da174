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

export async function createExecutor(workers: number, rules: LoadedRules, compiled: CompiledRules): Promise<Executor> {
  setFlagsFromString(`--interrupt-budget=${JIT_INTERRUPT_BUDGET}`);
  const usePool = workers > 1 && canUseWorkers();
  // The processing code (compromise, the lexicons) loads only where it runs: in the workers, or
  // here when running inline. The main thread of a pooled run never pays for it.
  const runTask = usePool ? null : (await import('./worker.js')).runTask;
  // The English lexicon is packed once, here, into shared memory that every worker reads.
  const workerData: WorkerData = { rules, lexicon: usePool ? packEnglishLexicon() : null };
  const pool = usePool ? new Piscina({ filename: workerFile, minThreads: workers, maxThreads: workers, workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) : null;
  const inFlight = usePool ? workers * 4 : 2;
  const queue = new PQueue({ concurrency: inFlight });
  return {
    workers: usePool ? workers : 1,
    run: (input) => queue.add(async (): Promise<TaskOutput> => {
      if (!pool) return runTask!(input, compiled);
      try {
        return (await pool.run(input)) as TaskOutput;
      } catch (err) {
        // A worker that dies (out of memory on a pathological article) fails that article only.
        return { ok: false, path: input.path, reason: `worker failed: ${(err as Error).message}` };
      }
    }) as Promise<TaskOutput>,
    ready: () => queue.onSizeLessThan(inFlight),
    close: async () => {
      await queue.onIdle();
      await pool?.destroy();
    },
  };
}
