/**
 * The worker-pool side of the pipeline: decodes, processes and stores one article. A worker gets
 * the loaded rule data from the main thread (workerData) and compiles it as soon as it starts;
 * the English lexicon comes packed in shared memory, so no worker parses or holds its own copy.
 * Errors come back as values, never as throws, so one broken article never takes down a worker or
 * the batch.
 */
import { workerData } from 'node:worker_threads';
import { compileRules, type CompiledRules } from './rules.js';
import { useEnglishLexicon } from '../normalize/english-lexicon.js';
import { articleFromBytes } from '../ingest/read.js';
import { BudgetError, processArticle, processArticleInto } from './article.js';
import { ResultWriter, SUMMARIES_SENT } from './cache.js';
import { summarizeClaim, type ClaimSummary } from '../reconcile/summary.js';
import { oneLine } from '../util/message.js';
import { isDiskFull } from '../output/fault.js';
import type { TaskInput, TaskOutput, WorkerData } from './task.js';

// A pool thread compiles the rules and runs one small text through every stage (loading the
// lexicons and the tagger) when it starts, while the main thread is still reading the inputs.
const data = workerData as WorkerData | null;
if (data?.lexicon) useEnglishLexicon(data.lexicon);
let compiled: CompiledRules | null = data?.rules ? compileRules(data.rules) : null;
if (compiled) processArticle(articleFromBytes('warm-up.txt', Buffer.from('Acme Corp. said its revenue rose 10% to $5 million in May.')), compiled);

export default function task(input: TaskInput): TaskOutput {
  if (input.started) input.started[0] = Date.now();
  compiled ??= compileRules((workerData as WorkerData).rules);
  return runTask(input, compiled);
}

/** Shared by the pool and the inline path, so both give the same output. */
export function runTask(input: TaskInput, rules: CompiledRules): TaskOutput {
  const deadline = input.budgetMs ? performance.now() + input.budgetMs : undefined;
  let article;
  try {
    article = articleFromBytes(input.path, input.bytes, input.maxBytes, input.sha256);
  } catch (err) {
    return { ok: false, path: input.path, reason: oneLine((err as Error).message.replace(`${input.path}: `, '')) };
  }
  let writer: ResultWriter | null = null;
  try {
    writer = new ResultWriter(input.store);
    const w = writer;
    // Claims go to the stored result as they are made; their summaries come back with the
    // outcome unless there are so many that the main thread is better off reading them back.
    let summaries: ClaimSummary[] | null = [];
    const report = processArticleInto(article, rules, (c) => {
      w.claim(c);
      if (summaries && summaries.push(summarizeClaim(c)) > SUMMARIES_SENT) summaries = null;
    }, { deadline, sidecar: input.sidecar });
    writer.commit(report);
    return { ok: true, done: { path: report.path, sha256: report.sha256, id: report.id, claims: report.claims, noise: report.noise.length, rejected: report.rejected.length, warnings: report.warnings ?? [], summaries } };
  } catch (err) {
    writer?.abort();
    if (err instanceof BudgetError) return { ok: false, path: article.path, reason: `took longer than the ${input.budgetMs! / 1000} s time budget per article (--time-budget)` };
    // A full disk is not this article's fault: the run stops and says so (pipeline/run.ts).
    if (isDiskFull(err)) return { ok: false, path: article.path, reason: oneLine((err as Error).message), diskFull: true };
    return { ok: false, path: article.path, reason: `pipeline error: ${oneLine((err as Error).message)}` };
  }
}
