/**
 * A whole run: find articles → read → process each (pool or inline, cached) → barrier →
 * reconcile → graph → write output/ atomically. One broken article never stops the batch; the
 * summary's exit code says whether any failed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { loadRules } from '../rules/load.js';
import { compileRules } from '../rules/compile.js';
import { findArticles, displayPath, readBytes, type IngestFailure } from '../ingest/read.js';
import { DEFAULT_MAX_BYTES, type IngestError } from '../ingest/decode.js';
import { sha256 } from '../util/hash.js';
import { createExecutor } from './pool.js';
import { ResultCache, CACHE_DIR, splitStored } from './cache.js';
import { describeResult } from './describe.js';
import type { ArticleDone } from './task.js';
import { PIPELINE_VERSION, codeVersion } from './version.js';
import type { ClaimSummary } from '../reconcile/summary.js';
import { reconcile } from '../reconcile/reconcile.js';
import { graphJson } from '../graph/build.js';
import { runSchema, type RunFile } from '../output/run-schema.js';
import { AtomicLineWriter, removeStaleTemps, writeAtomic } from '../output/atomic.js';
import { renderReport, claimContext, flaggedIds } from '../output/report.js';
import { jsonSchemas } from '../output/json-schemas.js';
import { Decisions, applyToSummaries } from '../review/decisions.js';
import type { DecisionsReport } from '../review/schema.js';

export interface RunOptions {
  /** Files and folders to read. */
  inputs: string[];
  /** Output folder (created if missing). */
  out: string;
  /** A rules/ folder other than the shipped one. */
  rulesDir?: string;
  /** Worker threads; 1 runs inline. Default: the number of cores, at most 4. */
  workers?: number;
  /** Largest article accepted, in bytes. */
  maxBytes?: number;
  /** Reuse stored results of unchanged articles (default true). */
  incremental?: boolean;
  /** A reviewer's decisions.jsonl (from the review site) to apply before reconciliation. */
  decisions?: string;
  /** Called after each article. */
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  done: number;
  total: number;
  failed: number;
  reused: number;
}

export interface RunSummary {
  articles: number;
  processed: number;
  reused: number;
  claims: number;
  failed: IngestFailure[];
  /** 0 when every article went through, 1 when any failed. */
  exitCode: 0 | 1;
  workers: number;
  /** What the decisions file did, when one was given (unknown ids included). */
  decisions?: DecisionsReport;
}

type Done = Omit<ArticleDone, 'summaries'> & { key: string };

/** Phase timings on stderr when CLAIMS_TIMING is set (for the benchmark, never in output files). */
const timing = process.env.CLAIMS_TIMING ? (label: string, since: number) => process.stderr.write(`timing ${label}: ${(performance.now() - since).toFixed(0)} ms, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, main heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`) : () => undefined;

export async function run(options: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const loaded = loadRules(options.rulesDir);
  const rules = compileRules(loaded);
  timing('rules', t0);
  const out = options.out;
  const decisions = options.decisions ? await Decisions.load(options.decisions, loaded.data['claims.entities'].entities) : null;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  await removeStaleTemps(out, [CACHE_DIR, 'schema']);
  const { paths, failures } = await findArticles(options.inputs);
  const cache = new ResultCache(out, rules.hash, codeVersion());
  const executor = await createExecutor(options.workers ?? Math.min(4, cpus().length), loaded, rules);
  const done: Done[] = [];
  const summaries = new Map<string, ClaimSummary>();
  let processed = 0, reused = 0;
  const progress = () => options.onProgress?.({ done: done.length + failures.length, total: paths.length, failed: failures.length, reused });

  const keep = (key: string, { summaries: claims, ...info }: ArticleDone) => {
    done.push({ ...info, key });
    for (const c of claims) summaries.set(c.id, c);
    progress();
  };
  cache.open();

  const pending: Promise<void>[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readBytes(path, maxBytes);
    } catch (err) {
      failures.push({ path: displayPath(path), reason: (err as IngestError).reason ?? String(err) });
      progress();
      continue;
    }
    const contentSha = sha256(bytes);
    const key = cache.key(contentSha, displayPath(path));
    const stored = options.incremental === false ? null : await cache.get(key);
    if (stored) {
      reused++;
      keep(key, describeResult(stored));
      continue;
    }
    await executor.ready();
    pending.push(executor.run({ path: displayPath(path), bytes, sha256: contentSha, maxBytes, store: cache.file(key) }).then((outcome) => {
      if (!outcome.ok) {
        failures.push({ path: outcome.path, reason: outcome.reason });
        progress();
        return;
      }
      cache.markUsed(key);
      processed++;
      keep(key, outcome.done);
    }));
  }
  await Promise.all(pending);
  await executor.close();
  timing('articles', t0);

  // Barrier passed: everything below is order-independent (sorted by path or id).
  done.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  failures.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (decisions) applyToSummaries(decisions, summaries, done);
  const rec = reconcile([...summaries.values()]);
  const versions = { pipeline: PIPELINE_VERSION, rules: rules.hash.slice(0, 16) };
  const graph = graphJson(done.map((d) => ({ path: d.path, sha256: d.sha256, id: d.id, claims: d.claims })), [...summaries.values()], rec, versions);

  timing('reconcile+graph', t0);
  await writeOutputs(out, cache, done, failures, summaries, rec, graph, versions, decisions);
  await cache.prune();
  timing('written', t0);
  const claims = done.reduce((n, d) => n + d.claims, 0);
  return { articles: paths.length, processed, reused, claims, failed: failures, exitCode: failures.length > 0 ? 1 : 0, workers: executor.workers, ...(decisions ? { decisions: decisions.report() } : {}) };
}

async function writeOutputs(
  out: string, cache: ResultCache, done: Done[], failed: IngestFailure[], summaries: Map<string, ClaimSummary>,
  rec: ReturnType<typeof reconcile>, graph: Iterable<string>, versions: { pipeline: string; rules: string }, decisions: Decisions | null = null,
): Promise<void> {
  // claims.jsonl and noise.jsonl stream from the per-article results in path order; the records
  // were validated against their zod schemas when they were made (pipeline/article.ts).
  const claimsFile = new AtomicLineWriter(join(out, 'claims.jsonl'));
  const noiseFile = new AtomicLineWriter(join(out, 'noise.jsonl'));
  try {
    for (const d of done) {
      const stored = splitStored(await readFile(cache.file(d.key), 'utf8'));
      for (const line of stored.claims) {
        const kept = decisions ? decisions.applyLine(line) : line;
        if (kept !== null) await claimsFile.write(kept);
      }
      await noiseFile.write(stored.report);
    }
    await claimsFile.commit();
    await noiseFile.commit();
  } catch (err) {
    await claimsFile.abort();
    await noiseFile.abort();
    throw err;
  }
  const graphFile = new AtomicLineWriter(join(out, 'graph.json'));
  try {
    for (const piece of graph) await graphFile.write(piece, '');
    await graphFile.commit();
  } catch (err) {
    await graphFile.abort();
    throw err;
  }
  await writeAtomic(join(out, 'report.md'), renderReport({
    claims: summaries, rec, failed, context: await claimContext(join(out, 'claims.jsonl'), flaggedIds(rec)),
    articles: done.map((d) => ({ path: d.path, claims: d.claims, noise: d.noise, rejected: d.rejected })),
  }));
  const runFile: RunFile = runSchema.parse({
    ...versions,
    articles: done.map((d) => ({ path: d.path, sha256: d.sha256, id: d.id, claims: d.claims, noise: d.noise, rejected: d.rejected })),
    failed,
    claims: done.reduce((n, d) => n + d.claims, 0),
    ...(decisions ? { decisions: decisions.report() } : {}),
  });
  await writeAtomic(join(out, 'run.json'), JSON.stringify(runFile, null, 1) + '\n');
  for (const [name, schema] of Object.entries(jsonSchemas())) await writeAtomic(join(out, 'schema', name), JSON.stringify(schema, null, 1) + '\n');
}
