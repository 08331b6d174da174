/**
 * Where the CPU work runs: a piscina worker pool when more than one worker is asked for (both
 * cores busy), else inline. p-queue bounds how many articles are in flight, so memory does not
 * grow with the corpus. Worker threads need the compiled JavaScript (dist/), so a run from the
 * TypeScript sources (tests) always runs inline.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { TaskInput, TaskOutput } from './task.js';
import type { LoadedRules } from '../rules/load.js';
import type { CompiledRules } from './rules.js';
import { oneLine } from '../util/message.js';

export interface Executor {
  run(input: TaskInput): Promise<TaskOutput>;
  /** Waits until fewer than the in-flight limit are pending (back-pressure for the producer). */
  ready(): Promise<void>;
  close(): Promise<void>;
  readonly workers: number;
}

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

/** Old-generation heap of one worker. V8 grows a heap lazily while it allocates, so without a cap
 * a worker's memory creeps up with the corpus; its live set (lexicons, compromise) is ~100 MB. */
export const WORKER_HEAP_MB = 256;

/** True when running from compiled JavaScript, where worker threads can load the worker file. */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(workerFile);
}

/** A pool worker past its time budget by this factor is stopped (the article fails by name): the
 * pipeline checks its budget itself, so this only catches what never reaches a check. */
const HARD_LIMIT = 2;

export async function createExecutor(workers: number, rules: LoadedRules, compiled: CompiledRules, budgetMs = 0): Promise<Executor> {
  const usePool = workers > 1 && canUseWorkers();
  // The processing code (compromise, the lexicons) loads only where it runs: in the workers, or
  // here when running inline. The main thread of a pooled run never pays for it.
  const runTask = usePool ? null : (await import('./worker.js')).runTask;
  const pool = usePool ? new Piscina({ filename: workerFile, minThreads: workers, maxThreads: workers, workerData: { rules }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) : null;
  const inFlight = usePool ? workers * 4 : 2;
  const queue = new PQueue({ concurrency: inFlight });
  return {
    workers: usePool ? workers : 1,
    run: (input) => queue.add(async (): Promise<TaskOutput> => {
      if (!pool) return runTask!(input, compiled);
      // A worker that dies (out of memory, or stopped past its budget) fails that article only; it
      // is tried once more in a fresh worker (piscina replaces a dead one), so one unlucky
      // neighbour in the same worker's heap does not cost it.
      let last = '';
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const signal = budgetMs ? AbortSignal.timeout(budgetMs * HARD_LIMIT) : undefined;
          return (await pool.run(input, signal ? { signal } : {})) as TaskOutput;
        } catch (err) {
          const e = err as Error;
          if (e.name === 'AbortError' || e.name === 'TimeoutError') return { ok: false, path: input.path, reason: `took longer than the ${budgetMs / 1000} s time budget per article (--time-budget); its worker was stopped` };
          last = /memory/i.test(e.message) ? `worker ran out of memory (${WORKER_HEAP_MB} MB heap), twice` : `worker failed twice: ${oneLine(e.message)}`;
        }
      }
      return { ok: false, path: input.path, reason: last };
    }) as Promise<TaskOutput>,
    ready: () => queue.onSizeLessThan(inFlight),
    close: async () => {
      await queue.onIdle();
      await pool?.destroy();
    },
  };
}
