#!/usr/bin/env node
/**
 * Command line: `claims run <files or folders…> --out <dir>`. Exit codes: 0 every article went
 * through; 1 some article failed (named on stderr with its reason); 2 bad usage or bad rules.
 */
import { Command, InvalidArgumentError } from 'commander';
import { run, type Progress } from './pipeline/run.js';
import { RuleError } from './rules/load.js';
import { PIPELINE_VERSION } from './pipeline/version.js';
import { addReviewCommand, reportDecisions, reviewCommand, DecisionsError } from './review/cli.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};

const program = new Command()
  .name('claims')
  .description('Turn news articles into a provenance-tracked graph of the claims they make.')
  .version(PIPELINE_VERSION)
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program
  .command('run')
  .description('extract claims from articles (.txt, .md) and write claims.jsonl, noise.jsonl, graph.json, report.md, run.json and schema/')
  .argument('<inputs...>', 'article files or folders')
  .option('-o, --out <dir>', 'output folder', 'output')
  .option('--rules <dir>', 'rules folder (default: the shipped rules/)')
  .option('-w, --workers <n>', 'worker threads (1 = inline)', positiveInt)
  .option('--max-bytes <n>', 'largest article accepted, in bytes', positiveInt)
  .option('--no-incremental', 'reprocess every article, ignoring stored results')
  .option('-q, --quiet', 'no progress or summary on stderr')
  .option('--decisions <file>', 'apply a reviewer\'s decisions.jsonl (from the review site) before reconciliation')
  .option('--review', 'also write the review site into <out>/review/')
  .action(async (inputs: string[], opts: { out: string; rules?: string; workers?: number; maxBytes?: number; incremental: boolean; quiet?: boolean; decisions?: string; review?: boolean }) => {
    const tty = process.stderr.isTTY && !opts.quiet;
    const started = Date.now();
    const onProgress = tty ? (p: Progress) => {
      const rate = p.done / Math.max(0.001, (Date.now() - started) / 1000);
      process.stderr.write(`\r${p.done}/${p.total} articles, ${p.failed} failed, ${rate.toFixed(1)}/s `);
    } : undefined;
    try {
      const summary = await run({ inputs, out: opts.out, rulesDir: opts.rules, workers: opts.workers, maxBytes: opts.maxBytes, incremental: opts.incremental, onProgress, decisions: opts.decisions });
      if (tty) process.stderr.write('\n');
      for (const f of summary.failed) process.stderr.write(`claims: ${f.path}: ${f.reason}\n`);
      if (!opts.quiet) {
        process.stderr.write(`claims: ${summary.articles} articles (${summary.processed} processed, ${summary.reused} unchanged), ${summary.failed.length} failed, ${summary.claims} claims → ${opts.out}/\n`);
      }
      reportDecisions(summary.decisions);
      if (opts.review) await reviewCommand(opts.out, { quiet: opts.quiet });
      process.exitCode = summary.exitCode;
    } catch (err) {
      if (err instanceof DecisionsError) {
        process.stderr.write(`claims: bad decisions file: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      if (err instanceof RuleError) {
        process.stderr.write(`claims: bad rule file: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw err;
    }
  });

addReviewCommand(program);

await program.parseAsync(process.argv);
