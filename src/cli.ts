#!/usr/bin/env node
/**
 * Command line: `claims run <files, folders or globs…> --out <dir> [--replace]` adds articles to
 * what the output folder holds; `claims remove <paths…> --out <dir>` takes some out. Exit codes:
 * 0 every article went through; 1 some article failed (named on stderr with its reason); 2 bad
 * usage, bad rules or nothing to do (a missing input, an input without articles), nothing written.
 * Both take `--decisions FILE` (a reviewer's decisions.jsonl, applied before reconciliation) and
 * `--review` (also write <out>/review/); `claims review [out]` writes the review site alone.
 * An input `-` is one article read from stdin (held as `stdin.txt`, or `--stdin-name`).
 */
import { Command, InvalidArgumentError } from 'commander';
import { run, UsageError, DEFAULT_TIME_BUDGET, type Progress, type RunOptions } from './pipeline/run.js';
import { DEFAULT_MAX_BYTES } from './ingest/decode.js';
import { RuleError } from './rules/load.js';
import { PIPELINE_VERSION } from './pipeline/version.js';
import { escapeControls, oneLine } from './util/message.js';
import { ProgressLine } from './util/progress.js';
import { addReviewCommand, reportDecisions, reviewCommand, DecisionsError } from './review/cli.js';
import { addWorkerCommand } from './pipeline/worker-command.js';
import { exportCommand, parseFormats } from './export/cli.js';
import { EXPORT_FORMATS, type ExportFormat } from './export/index.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};

const program = new Command()
  .name('claims')
  .description('Turn news articles into a provenance-tracked graph of the claims they make.')
  .version(PIPELINE_VERSION, '-v, --version', 'print the version')
  // Usage errors as every other message: one line starting "claims:", exit 2.
  .configureOutput({ outputError: (str, write) => write(`claims: ${str.replace(/^error: /, '')}`) })
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .addHelpText('after', `
Examples:
  claims run corpus/ --out output          add every article under corpus/ to output/
  claims run "feeds/**/*.md" -w 2          a quoted glob, two worker threads
  curl -s https://… | claims run -         one article from stdin (held as stdin.txt)
  claims remove corpus/old.txt             take an article out again
  claims review output                     write the review site for output/
  claims export --format csv,graphml       write output/export/claims.csv and graph.graphml
  claims export -f jsonld,nquads,neo4j     linked data (W3C Web Annotation + PROV) and a Neo4j import

Exit codes: 0 every article went through, 1 some article failed (named on stderr),
2 bad usage, bad rules or an internal error (nothing written).`);

type Common = { stdinName: string; export?: ExportFormat[]; debug?: boolean; out: string; rules?: string; workers?: number; maxBytes?: number; timeBudget?: number; incremental: boolean; quiet?: boolean; decisions?: string; review?: boolean };

/** Runs the pipeline and prints what it did; usage problems exit 2 with nothing written. */
async function execute(options: Omit<RunOptions, 'stdin' | 'out' | 'rulesDir' | 'workers' | 'maxBytes' | 'timeBudget' | 'incremental' | 'onProgress' | 'decisions'>, opts: Common): Promise<void> {
  const tty = process.stderr.isTTY && !opts.quiet;
  const line = new ProgressLine();
  // One line rewritten in place; cleared to its end, as a shorter line follows a longer one.
  const onProgress = tty ? (p: Progress) => void process.stderr.write(`\r${line.line(p)}\u001b[K`) : undefined;
  try {
    const stdin = await readStdin(options.inputs, opts.stdinName);
    const summary = await run({ ...options, inputs: options.inputs.filter((i) => i !== '-'), stdin, out: opts.out, rulesDir: opts.rules, workers: opts.workers, maxBytes: opts.maxBytes, timeBudget: opts.timeBudget, incremental: opts.incremental, onProgress, decisions: opts.decisions });
    if (tty) process.stderr.write('\n');
    for (const f of summary.failed) process.stderr.write(`claims: ${escapeControls(f.path)}: ${oneLine(f.reason)}\n`);
    // Bad metadata costs its fields, never the article: said, not failed (exit code unchanged).
    if (!opts.quiet) for (const w of summary.warnings) process.stderr.write(`claims: warning: ${escapeControls(w.path)}: ${oneLine(w.reason)}\n`);
    if (!opts.quiet) {
      printSkipped(summary.skipped);
      const batch = [`${summary.added} added`, `${summary.changed} changed`, `${summary.unchanged} already held`, ...(summary.removed ? [`${summary.removed} removed`] : []), ...(summary.duplicates ? [`${summary.duplicates} identical to another path`] : [])];
      process.stderr.write(`claims: ${batch.join(', ')}; ${opts.out}/ now holds ${summary.articles} articles (${summary.processed} processed, ${summary.reused} unchanged), ${summary.failed.length} failed, ${summary.claims} claims\n`);
    }
    reportDecisions(summary.decisions);
    if (opts.review) await reviewCommand(opts.out, { quiet: opts.quiet });
    if (opts.export) await exportCommand(opts.out, opts.export, opts);
    process.exitCode = summary.exitCode;
  } catch (err) {
    commandError(err, opts.debug);
  }
}

/** Usage problems (exit 2, nothing written) in one line; anything else is an internal error. */
function commandError(err: unknown, debug?: boolean): void {
  if (err instanceof DecisionsError) {
    // Read before anything is written: a bad decisions file leaves the output folder as it was.
    process.stderr.write(`claims: bad decisions file: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof RuleError || err instanceof UsageError) {
    process.stderr.write(`claims: ${err instanceof RuleError ? 'bad rule file: ' : ''}${oneLine(err.message, 2000)}\n`);
    process.exitCode = 2;
  } else internalError(err, debug);
}

/** `-` among the inputs: stdin, read whole, as one article (a pipe, a redirected file). */
async function readStdin(inputs: string[], name: string): Promise<RunOptions['stdin']> {
  if (!inputs.includes('-')) return undefined;
  if (process.stdin.isTTY) throw new UsageError('- reads an article from stdin, but stdin is a terminal: pipe or redirect the article in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return { name, bytes: Buffer.concat(chunks) };
}

/** Symbolic links and other file types a walk passed over: counted by reason, a few named. */
function printSkipped(skipped: { path: string; reason: string }[]): void {
  const byReason = new Map<string, string[]>();
  for (const s of skipped) {
    const reason = s.reason.replace(/ \(.*$/, '');
    if (!byReason.has(reason)) byReason.set(reason, []);
    byReason.get(reason)!.push(s.path);
  }
  for (const [reason, paths] of byReason) {
    process.stderr.write(`claims: skipped ${paths.length} (${reason}): ${paths.slice(0, 5).map(escapeControls).join(', ')}${paths.length > 5 ? ', …' : ''}\n`);
  }
}

const common = (cmd: Command) => cmd
  .option('-o, --out <dir>', 'output folder', 'output')
  .option('--rules <dir>', 'rules folder (default: the shipped rules/)')
  .option('-w, --workers <n>', 'worker threads (1 = inline; default: cores, at most 4)', positiveInt)
  .option('--max-bytes <n>', `largest article accepted, in bytes (default ${DEFAULT_MAX_BYTES}, 5 MiB)`, positiveInt)
  .option('--time-budget <seconds>', `time one article may take before it fails by name (default ${DEFAULT_TIME_BUDGET})`, positiveInt)
  .option('--no-incremental', 'reprocess every article, ignoring stored results')
  .option('-q, --quiet', 'no progress or summary on stderr')
  .option('--decisions <file>', 'apply a reviewer\'s decisions.jsonl (from the review site) before reconciliation')
  .option('--review', 'also write the review site into <out>/review/')
  .option('--export <formats>', `also export the run into <out>/export/: ${EXPORT_FORMATS.join(', ')} (comma-separated)`, parseFormats)
  .option('--debug', 'on an internal error, print its stack trace');

/**
 * Anything else is an internal error (the disk is full, --out is a file or read-only, a bug): one
 * line and exit code 2 — 1 means "an article failed" — with the stack only when asked for.
 */
function internalError(err: unknown, debug = false): void {
  const e = err as NodeJS.ErrnoException;
  const what = e.code && e.path ? `cannot ${e.syscall ?? 'use'} ${escapeControls(e.path)}: ${e.code}${ERRNO[e.code] ? ` (${ERRNO[e.code]})` : ''}` : oneLine(e?.message ?? String(err));
  process.stderr.write(`claims: error: ${what}${debug ? '' : ' (--debug shows where)'}\n`);
  if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 2;
}

const ERRNO: Record<string, string> = {
  ENOSPC: 'the disk is full', EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system',
  ENOTDIR: 'not a folder', EISDIR: 'is a folder', EEXIST: 'already exists', ENOENT: 'no such file or folder', EMFILE: 'too many open files',
};

common(program
  .command('run')
  .description('add articles (.txt, .md files, folders, quoted globs) to what the output folder holds, and rebuild claims.jsonl, noise.jsonl, graph.json, report.md, run.json and schema/ over the whole')
  .argument('<inputs...>', 'article files, folders or quoted globs; - reads one article from stdin')
  .option('--replace', 'start over: the output folder holds only these inputs afterwards')
  .option('--stdin-name <name>', 'the path an article read from stdin (-) is held under', 'stdin.txt')
  .option('--queue <url>', 'process articles on a BullMQ queue in Redis (redis://host:port) by `claims worker`s'))
  .action((inputs: string[], opts: Common & { replace?: boolean; queue?: string }) => execute({
    inputs, replace: opts.replace, queue: opts.queue ? { url: opts.queue, onStatus: opts.quiet ? undefined : (l) => void process.stderr.write(`claims ${l}\n`) } : undefined,
  }, opts));

common(program
  .command('remove')
  .description('remove articles (a path, or a folder prefix, as listed in manifest.json) from what the output folder holds, and rebuild the outputs')
  .argument('<paths...>', 'paths as recorded in the manifest'))
  .action((paths: string[], opts: Common) => execute({ inputs: [], remove: paths }, opts));

addReviewCommand(program);
addWorkerCommand(program, positiveInt);

program
  .command('export')
  .description('write the run in the output folder into <out>/export/ in formats other tools read: claims.csv and claims.parquet (one row per claim), graph.graphml (graph.json for Gephi, networkx), claims.jsonld and claims.nq (the claims as W3C Web Annotations with PROV provenance, for JSON-LD tools and triple stores) and neo4j/ (graph.json as neo4j-admin import CSV files, with import.sh)')
  .requiredOption('-f, --format <formats>', `${EXPORT_FORMATS.join(', ')}, comma-separated`, parseFormats)
  .option('-o, --out <dir>', 'output folder holding the run', 'output')
  .option('-q, --quiet', 'no summary on stderr')
  .option('--debug', 'on an internal error, print its stack trace')
  .action(async (opts: { format: ExportFormat[]; out: string; quiet?: boolean; debug?: boolean }) => {
    try {
      await exportCommand(opts.out, opts.format, opts);
    } catch (err) {
      commandError(err, opts.debug);
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  internalError(err, process.argv.includes('--debug'));
}
