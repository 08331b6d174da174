/**
 * `claims worker --queue redis://host:port`: takes article jobs from the queue a
 * `claims run … --queue` fills and runs them with the same per-article function as the local
 * pool, until stopped (SIGINT/SIGTERM finish the jobs in hand first; a second signal stops at once). BullMQ loads only here.
 */
import type { Command } from 'commander';
import { cpus } from 'node:os';
import { DEFAULT_TIME_BUDGET } from './run.js';

/** `positiveInt` is the CLI's parser of whole numbers ≥ 1. */
export function addWorkerCommand(program: Command, positiveInt: (v: string) => number): void {
  program
    .command('worker')
    .description('take articles from a BullMQ queue (filled by `claims run … --queue`) and process them, until stopped')
    .requiredOption('--queue <url>', 'Redis of the queue, redis://host:port')
    .option('--rules <dir>', 'rules folder (must be the run\'s: a job with other rules is refused)')
    .option('-w, --workers <n>', 'worker threads (default: cores, at most 4)', positiveInt)
    .option('--time-budget <seconds>', 'hard stop for one article (default 300)', positiveInt)
    .option('--stall-ms <ms>', 'lock duration and stalled-job check interval: a job whose worker died goes to another after about this long (default 30000)', positiveInt)
    .option('-q, --quiet', 'no status lines on stderr')
    .action(async (opts: { queue: string; rules?: string; workers?: number; timeBudget?: number; stallMs?: number; quiet?: boolean }) => {
      const { startQueueWorker } = await import('./queue.js');
      const say = opts.quiet ? undefined : (line: string) => void process.stderr.write(`claims ${line}\n`);
      const worker = await startQueueWorker({
        url: opts.queue, rulesDir: opts.rules, workers: opts.workers ?? Math.min(4, cpus().length),
        budgetMs: (opts.timeBudget ?? DEFAULT_TIME_BUDGET) * 1000, stallMs: opts.stallMs, onStatus: say,
      });
      say?.(`worker: taking jobs from ${opts.queue}`);
      // The first signal finishes the jobs in hand; a second one (or Redis gone, where closing
      // waits for it) stops at once, and the jobs in hand go to another worker once they stall.
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(1);
        stopping = true;
        say?.('worker: finishing the jobs in hand (signal again to stop at once)');
        void worker.close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
