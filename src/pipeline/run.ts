/**
 * A whole run: find articles → merge them into the output folder's manifest → process every
 * article the manifest holds (pool or inline, cached) → barrier → reconcile → graph → write
 * output/ atomically. Batches accumulate: the outputs are always rebuilt over the whole manifest,
 * so adding batches one by one gives the bytes of one run over all of them.
 *
 * Nothing is written when the run cannot do what was asked (a missing input, an input with no
 * articles, a path to remove that the folder does not hold): those throw UsageError first. One
 * broken article never stops the batch; the summary's exit code says whether any failed.
 */
import { join } from 'node:path';
import { cpus } from 'node:os';
import type { LoadedRules } from '../rules/load.js';
import { loadRulesCached } from './rules-cache.js';
import { compileRules } from './rules.js';
import { displayPath, readBytes, type IngestFailure } from '../ingest/read.js';
import { findArticles, UsageError, type Found, type Skipped } from '../ingest/walk.js';
import { DEFAULT_MAX_BYTES, type IngestError } from '../ingest/decode.js';
import { sha256 } from '../util/hash.js';
import type { Phase } from '../util/progress.js';
import { readSidecarBytes } from '../ingest/sidecar.js';
import { sidecarPath } from '../ingest/meta.js';
import { createExecutor } from './pool.js';
import { ArticleStore, ResultCache, CACHE_DIR, STORE_DIR, readStored, describeStored } from './cache.js';
import { lockOutput } from '../output/lock.js';
import type { ArticleDone } from './task.js';
import { PIPELINE_VERSION, codeVersion } from './version.js';
import type { ClaimSummary } from '../reconcile/summary.js';
import { reconcile, type Reconciliation } from '../reconcile/reconcile.js';
import { graphJson } from '../graph/build.js';
import { runSchema, type RunFile } from '../output/run-schema.js';
import { FORMAT } from '../records.js';
import { finishCommit, removeStaleTemps } from '../output/atomic.js';
import { OutputSet, prepareOutputFolder } from '../output/generations.js';
import { diskFullMessage, isDiskFull } from '../output/fault.js';
import { renderReport, claimContext, reportClaimIds, selectReport } from '../output/report.js';
import { jsonSchemas } from '../output/json-schemas.js';
import { emptyManifest, mergeBatch, readManifest, removePaths, manifestText, MANIFEST_FILE, type Manifest } from '../output/manifest.js';
import { Decisions, applyToSummaries } from '../review/decisions.js';
import type { DecisionsReport } from '../review/schema.js';

export { UsageError } from '../ingest/walk.js';

export interface RunOptions {
  /** Files, folders and quoted globs to add. */
  inputs: string[];
  /** One more article given as bytes (the CLI's `-`, read from stdin), held under `name` like a
   * file at that path: the manifest and every record carry the name. */
  stdin?: { name: string; bytes: Uint8Array };
  /** Output folder (created if missing). */
  out: string;
  /** Forget every article the output folder held: the outputs hold this run's inputs only. */
  replace?: boolean;
  /** Paths (files, or folders as prefixes) to remove from what the output folder holds. */
  remove?: string[];
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
  /** Time one article may take, in seconds (default DEFAULT_TIME_BUDGET). */
  timeBudget?: number;
  /** Called after each article. */
  onProgress?: (p: Progress) => void;
  /** Process articles on a BullMQ queue (redis:// URL) by `claims worker`s instead of a local
   * pool; `onStatus` gets progress lines (jobs done, rate, failures). */
  queue?: { url: string; onStatus?: (line: string) => void };
}

export interface Progress {
  /** reading the inputs, extracting claims per article, reconciling, writing the outputs. */
  phase: Phase;
  done: number;
  total: number;
  failed: number;
  reused: number;
}

export interface RunSummary {
  /** Articles the output folder holds now (identical texts counted once). */
  articles: number;
  /** Paths of this run that were new, changed or already held with the same text. */
  added: number;
  changed: number;
  unchanged: number;
  /** Manifest entries removed by `remove`. */
  removed: number;
  /** Paths whose text is identical to another held path's (one article, several sources). */
  duplicates: number;
  processed: number;
  reused: number;
  claims: number;
  failed: IngestFailure[];
  /** Articles processed with a warning (bad metadata, ignored), one entry per warning, by path. */
  warnings: IngestFailure[];
  /** What folder walks passed over and why (display paths). */
  skipped: Skipped[];
  /** 0 when every article went through, 1 when any failed. */
  exitCode: 0 | 1;
  workers: number;
  /** What the decisions file did, when one was given (unknown ids included). */
  decisions?: DecisionsReport;
}

type Done = Omit<ArticleDone, 'summaries'> & { key: string; sources: string[] };

/** Seconds one article may take before it fails with a named reason. */
export const DEFAULT_TIME_BUDGET = 300;

/** One article of the whole: a distinct text, with every path it was added at. */
interface Held {
  sha256: string;
  path: string;
  sources: string[];
  /** sha256 of the first path's metadata sidecar, when it has one. */
  meta?: string;
}

/** Phase timings on stderr when CLAIMS_TIMING is set (for the benchmark, never in output files). */
const timing = process.env.CLAIMS_TIMING ? (label: string, since: number) => process.stderr.write(`timing ${label}: ${(performance.now() - since).toFixed(0)} ms, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, main heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`) : () => undefined;

const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Refuses, before anything is written, a run that cannot do what was asked. */
function checkRequest(options: RunOptions, found: Found): void {
  if (options.inputs.length === 0 && !options.stdin && (options.remove ?? []).length === 0) throw new UsageError('nothing to do: name articles to add or paths to remove');
  if (found.missing.length > 0) throw new UsageError(`no such file or folder: ${found.missing.join(', ')}; nothing was written`);
  if (found.empty.length > 0) {
    const skipped = found.skipped.length ? ` (${found.skipped.length} entries skipped, e.g. ${displayPath(found.skipped[0].path)}: ${found.skipped[0].reason})` : '';
    throw new UsageError(`no articles in ${found.empty.join(', ')}${skipped}; nothing was written`);
  }
}

/** Groups manifest entries by content: identical texts are one article whose path is the first. */
function heldArticles(m: Manifest): Held[] {
  const bySha = new Map<string, string[]>();
  const metaOf = new Map<string, string>();
  for (const e of m.articles) {
    const paths = bySha.get(e.sha256);
    if (paths) paths.push(e.path);
    else bySha.set(e.sha256, [e.path]);
    if (e.meta) metaOf.set(e.path, e.meta);
  }
  return [...bySha].map(([sha, paths]) => {
    const sources = paths.sort();
    // The article's metadata is that of the path its claims are under (the first).
    const meta = metaOf.get(sources[0]);
    return { sha256: sha, path: sources[0], sources, ...(meta ? { meta } : {}) };
  }).sort(byPath);
}

/** Files read at once while adding inputs to the store. */
const READ_AHEAD = 16;

export async function run(options: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  // (Parsed rules are kept in the output folder's cache: stored only once the run may write there.)
  const { loaded, save: saveRules } = loadRulesCached(options.rulesDir, join(options.out, CACHE_DIR));
  const rules = compileRules(loaded);
  timing('rules', t0);
  const out = options.out;
  const decisions = options.decisions ? await Decisions.load(options.decisions, loaded.data['claims.entities'].entities) : null;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const found = await findArticles(options.inputs, { exclude: [out] });
  checkRequest(options, found);
  // One run at a time per output folder; a commit a killed run left is finished before anything
  // is read from the folder.
  const lock = lockOutput(out);
  let writing = false;
  try {
    await finishCommit(out);
    const manifest = options.replace ? emptyManifest() : await readManifest(out);
    const now = new Date().toISOString();
    const removal = removePaths(manifest, (options.remove ?? []).map(displayPath), now);
    if (removal.unmatched.length > 0) throw new UsageError(`not held in ${out}: ${removal.unmatched.join(', ')} (see ${join(out, 'manifest.json')}); nothing was written`);
    // From here on the run writes: the request is one it can carry out.
    writing = true;
    await prepareOutputFolder(out);
    return await runLocked(options, { t0, loaded, rules, decisions, maxBytes, found, manifest, now, removal, saveRules });
  } catch (err) {
    // A full disk anywhere (the store, a stored result, the output set) stops the run with one
    // line; what it had half written is gone (temps, the staging folder), the current set stays.
    if (isDiskFull(err)) throw new UsageError(diskFullMessage(out));
    throw err;
  } finally {
    lock.release({ nothingWritten: !writing });
  }
}

interface Prepared {
  t0: number;
  loaded: LoadedRules;
  rules: ReturnType<typeof compileRules>;
  decisions: Decisions | null;
  maxBytes: number;
  found: Found;
  manifest: Manifest;
  now: string;
  removal: ReturnType<typeof removePaths>;
  saveRules: () => void;
}

async function runLocked(options: RunOptions, { t0, loaded, rules, decisions, maxBytes, found, manifest, now, removal, saveRules }: Prepared): Promise<RunSummary> {
  const out = options.out;
  await removeStaleTemps(out, [CACHE_DIR, 'schema', STORE_DIR]);
  saveRules();
  // The workers start now (each loads compromise and the lexicons) while this thread reads the
  // inputs into the store.
  // With --queue, the same per-article function runs in `claims worker`s; BullMQ is loaded only then.
  const executor = options.queue
    ? await (await import('./queue.js')).createQueueExecutor({ ...options.queue, rules: rules.hash, code: codeVersion() })
    : await createExecutor(options.workers ?? Math.min(4, cpus().length), loaded, rules, (options.timeBudget ?? DEFAULT_TIME_BUDGET) * 1000);
  // Closed on the way out whatever happens, so a failed run does not hang on its workers.
  let closed = false;
  const closeExecutor = async () => {
    if (!closed) { closed = true; await executor.close(); }
  };
  try {
    const store = new ArticleStore(out);
    const failures: IngestFailure[] = found.refused.map((r) => ({ path: displayPath(r.path), reason: r.reason }));
    const read = new Map<string, string>();
    const metas = new Map<string, string>();
    const warnings: IngestFailure[] = [];
    // Read and stored a few files at a time (the file system works in parallel), kept in input order.
    for (let i = 0; i < found.paths.length; i += READ_AHEAD) {
      options.onProgress?.({ phase: 'reading', done: i, total: found.paths.length, failed: failures.length, reused: 0 });
      const batch = await Promise.all(found.paths.slice(i, i + READ_AHEAD).map(async (path) => {
        try {
          const bytes = await readBytes(path, maxBytes);
          const contentSha = sha256(bytes);
          await store.put(contentSha, bytes);
          // Its metadata sidecar, if any, is stored like a text: a rebuild needs it as much.
          const side = await readSidecarBytes(sidecarPath(path));
          const metaSha = side.bytes ? sha256(side.bytes) : null;
          if (side.bytes) await store.put(metaSha!, side.bytes);
          return { path, contentSha, metaSha, warning: side.warning, reason: null, diskFull: null };
        } catch (err) {
          return { path, contentSha: null, metaSha: null, warning: null, reason: (err as IngestError).reason ?? String(err), diskFull: isDiskFull(err) ? err : null };
        }
      }));
      // (Waited for the whole batch first, so no copy is still being written when the run stops.)
      const full = batch.find((r) => r.diskFull);
      if (full) throw full.diskFull;
      for (const r of batch) {
        if (r.contentSha !== null) read.set(displayPath(r.path), r.contentSha);
        else failures.push({ path: displayPath(r.path), reason: r.reason });
        if (r.metaSha) metas.set(displayPath(r.path), r.metaSha);
        if (r.warning) warnings.push({ path: displayPath(r.path), reason: r.warning });
      }
    }
    if (options.stdin) {
      const { name, bytes } = options.stdin;
      if (bytes.length > maxBytes) failures.push({ path: name, reason: `file is ${bytes.length} bytes, over the ${maxBytes}-byte limit` });
      else {
        const contentSha = sha256(bytes);
        await store.put(contentSha, bytes);
        read.set(name, contentSha);
      }
    }
    timing('read', t0);
    const merge = mergeBatch(manifest, read, now, metas);
    const fresh = new Set([...merge.added, ...merge.changed]);
    const held = heldArticles(manifest);

    const cache = new ResultCache(out, rules.hash, codeVersion());
    const budgetMs = (options.timeBudget ?? DEFAULT_TIME_BUDGET) * 1000;
    const done: (Done & { summaries: ClaimSummary[] })[] = [];
    const failedArticles: Held[] = [];
    let processed = 0, reused = 0, failedCount = failures.length;
    const progress = (phase: Phase = 'extracting') => options.onProgress?.({ phase, done: done.length + failedCount, total: held.length + failures.length, failed: failedCount, reused });
    const fail = (a: Held, reason: string) => {
      failures.push({ path: a.path, reason });
      failedArticles.push(a);
      failedCount++;
      progress();
    };
    progress();
    const keep = (key: string, a: Held, { summaries: claims, ...info }: ArticleDone & { summaries: ClaimSummary[] }) => {
      done.push({ ...info, summaries: claims, key, sources: a.sources });
      progress();
    };
    cache.open();

    const pending: Promise<void>[] = [];
    let diskFull: string | null = null;
    for (const a of held) {
      const key = cache.key(a.sha256, a.path, a.meta);
      const stored = options.incremental === false ? null : await cache.get(key);
      if (stored) {
        reused++;
        keep(key, a, stored);
        continue;
      }
      const bytes = await store.get(a.sha256, a.path);
      if (!bytes) {
        fail(a, 'text no longer available (not in the store, and the file is gone or changed): add it again or remove it');
        continue;
      }
      const sidecar = a.meta ? await store.get(a.meta, sidecarPath(a.path)) : null;
      if (a.meta && !sidecar) warnings.push({ path: a.path, reason: `${sidecarPath(a.path)}: metadata no longer available (not in the store, and the file is gone or changed); processed without it` });
      await executor.ready();
      pending.push(executor.run({ path: a.path, bytes, sha256: a.sha256, maxBytes, store: cache.file(key), key, budgetMs, ...(sidecar ? { sidecar: { path: sidecarPath(a.path), text: Buffer.from(sidecar).toString('utf8') } } : {}) }).then(async (outcome) => {
        if (!outcome.ok && outcome.diskFull) diskFull = outcome.reason;
        if (!outcome.ok) return fail(a, outcome.reason);
        cache.markUsed(key);
        processed++;
        // An article with very many claims sent none back: they are read from its stored result.
        const { summaries: sent, ...info } = outcome.done;
        keep(key, a, { ...info, summaries: sent ?? (await describeStored(cache.file(key))).summaries });
      }));
    }
    await Promise.all(pending);
    await closeExecutor();
    if (diskFull) throw Object.assign(new Error(diskFull), { code: 'ENOSPC' });
    timing('articles', t0);

    // A text that fails (binary, empty, invalid) is not added: entries of this run that point at
    // it leave the manifest again. Older entries stay, so a store put back can still recover them.
    const failedPaths = new Set(failedArticles.flatMap((a) => a.sources).filter((p) => fresh.has(p)));
    manifest.articles = manifest.articles.filter((e) => !failedPaths.has(e.path));

    // Barrier passed: everything below is order-independent (sorted by path or id). The summaries
    // are gathered in path order, so what is seen first (an entity's spelling) never depends on
    // which article finished first.
    done.sort(byPath);
    failures.sort(byPath);
    // Metadata warnings of every article held (stored with its result, so a reused result still
    // says what was wrong), then the sidecars this run could not read.
    const allWarnings = [...done.flatMap((d) => d.warnings.map((reason) => ({ path: d.path, reason }))), ...warnings].sort(byPath);
    const summaries = new Map<string, ClaimSummary>();
    for (const d of done) {
      for (const c of d.summaries) summaries.set(c.id, c);
      d.summaries = [];
    }
    // A reviewer's decisions change the summaries before reconciliation streams them: a rejected
    // claim is in no group, hub or edge; a corrected one is reconciled with its corrected fields.
    if (decisions) applyToSummaries(decisions, summaries, done);
    progress('reconciling');
    const rec = await reconcile(summaries.values(), rules.quantities.unitScale);
    const set = new OutputSet(out);
    try {
      timing('reconcile', t0);
      progress('writing');
      const versions = { pipeline: PIPELINE_VERSION, rules: rules.hash.slice(0, 16) };
      const graph = graphJson(done.map((d) => ({ path: d.path, sources: d.sources, sha256: d.sha256, id: d.id, claims: d.claims })), [...summaries.values()], rec, versions);
      await writeOutputs(out, set, cache, done, failures, allWarnings, summaries, rec, graph, versions, decisions);
      // The manifest is part of the set: the next run adds to exactly the articles the outputs hold.
      await set.write(MANIFEST_FILE, manifestText(manifest));
      await set.commit();
    } catch (err) {
      await set.abort();
      throw err;
    } finally {
      rec.dispose();
    }
    await cache.prune();
    await store.prune(new Set(manifest.articles.flatMap((e) => (e.meta ? [e.sha256, e.meta] : [e.sha256]))));
    timing('written', t0);
    const claims = done.reduce((n, d) => n + d.claims, 0);
    return {
      articles: done.length + failedArticles.length, added: merge.added.length, changed: merge.changed.length, unchanged: merge.unchanged.length,
      removed: removal.removed.length, duplicates: held.reduce((n, a) => n + a.sources.length - 1, 0),
      processed, reused, claims, failed: failures, warnings: allWarnings, skipped: found.skipped.map((s) => ({ path: displayPath(s.path), reason: s.reason })),
      exitCode: failures.length > 0 ? 1 : 0, workers: executor.workers, ...(decisions ? { decisions: decisions.report() } : {}),
    };
  } catch (err) {
    await closeExecutor().catch(() => undefined);
    throw err;
  }
}

async function writeOutputs(
  out: string, set: OutputSet, cache: ResultCache, done: Done[], failed: IngestFailure[], warnings: IngestFailure[], summaries: Map<string, ClaimSummary>,
  rec: Reconciliation, graph: AsyncIterable<string>, versions: { pipeline: string; rules: string }, decisions: Decisions | null = null,
): Promise<void> {
  // claims.jsonl and noise.jsonl stream from the per-article results in path order; the records
  // were validated against their zod schemas when they were made (pipeline/article.ts).
  const claimsFile = set.lines('claims.jsonl');
  const noiseFile = set.lines('noise.jsonl');
  for (const d of done) {
    const report = await readStored(cache.file(d.key), (line) => {
      const kept = decisions ? decisions.applyLine(line) : line;
      if (kept !== null) return claimsFile.write(kept);
    });
    await noiseFile.write(report);
  }
  await claimsFile.commit();
  await noiseFile.commit();
  const graphFile = set.lines('graph.json');
  for await (const piece of graph) await graphFile.write(piece, '');
  await graphFile.commit();
  // The report shows a bounded selection of flags and groups, with the sentences of its claims
  // read back from the claims.jsonl just written (so corrections are shown as corrected).
  const selection = selectReport(rec, summaries);
  await set.write('report.md', renderReport({
    claims: summaries, rec, failed, selection, context: await claimContext(claimsFile.file, reportClaimIds(selection)),
    articles: done.map((d) => ({ path: d.path, sources: d.sources, claims: d.claims, noise: d.noise, rejected: d.rejected })),
  }));
  const runFile: RunFile = runSchema.parse({
    format: FORMAT,
    ...versions,
    articles: done.map((d) => ({ path: d.path, sources: d.sources, sha256: d.sha256, id: d.id, claims: d.claims, noise: d.noise, rejected: d.rejected })),
    failed,
    warnings,
    claims: done.reduce((n, d) => n + d.claims, 0),
    ...(decisions ? { decisions: decisions.report() } : {}),
  });
  await set.write('run.json', JSON.stringify(runFile, null, 1) + '\n');
  for (const [name, schema] of Object.entries(jsonSchemas())) await set.write(`schema/${name}`, JSON.stringify(schema, null, 1) + '\n');
}
