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
import { processArticle } from './article.js';
import { storeResult } from './cache.js';
import { describeResult } from './describe.js';
import type { TaskInput, TaskOutput, WorkerData } from './task.js';

// A pool thread compiles the rules and runs one small text through every stage (loading the
// lexicons and the tagger) when it starts, while the main thread is still reading the inputs.
const data = workerData as WorkerData | null;
if (data?.lexicon) useEnglishLexicon(data.lexicon);
let compiled: CompiledRules | null = data?.rules ? compileRules(data.rules) : null;
if (compiled) processArticle(articleFromBytes('warm-up.txt', Buffer.from('Acme Corp. said its revenue rose 10% to $5 million in May.')), compiled);

export default function task(input: TaskInput): TaskOutput {
  compiled ??= compileRules((workerData as WorkerData).rules);
  return runTask(input, compiled);
}

/** Shared by the pool and the inline path, so both give the same output. */
export function runTask(input: TaskInput, rules: CompiledRules): TaskOutput {
  let article;
  try {
    article = articleFromBytes(input.path, input.bytes, input.maxBytes, input.sha256);
  } catch (err) {
    return { ok: false, path: input.path, reason: (err as Error).message.replace(`${input.path}: `, '') };
  }
  try {
    const result = processArticle(article, rules);
    storeResult(input.store, result);
    return { ok: true, done: describeResult(result) };
  } catch (err) {
    return { ok: false, path: article.path, reason: `pipeline error: ${(err as Error).message}` };
  }
}
