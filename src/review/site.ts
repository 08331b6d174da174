/**
 * `claims review`: writes a static review site into <out>/review/ that opens from disk with no
 * server and makes no network request. Scripts, not fetch(): Chromium refuses fetch() on file://
 * pages but runs <script src>. Three kinds of data file, all from what the CLI wrote:
 *
 *   data.js             window.CLAIMS_REVIEW = {run, articles, flags, claims}: run.json (its
 *                       articles as columns), the flags of graph.json by claim index — each
 *                       flagged pair edge (review: true) and each shared-figure hub ("figure"
 *                       node) with the claims linked to it — and the claims table as columns
 *                       (columns.ts, with each claim's group status), one entry per line of
 *                       claims.jsonl, in its order
 *   details.js          CLAIMS_REVIEW_DETAILS({sentences, reasons}): each claim's sentence (its
 *                       `quote`) and each flag's reason (edge or hub), the bulk of the text, loaded
 *                       right after the first paint
 *   records/<key>.js    CLAIMS_REVIEW_RECORDS({path, noise, claims}) per article path: its
 *                       claims.jsonl lines and noise.jsonl line, unchanged, for the article view
 *   texts/<id>.js       CLAIMS_REVIEW_TEXT({id, path, sha256, text, missing}) per article content
 *
 * Every value is as the CLI wrote it; only the arrangement differs. Why columns and not the full
 * records in data.js: at 100,000 claims the records are ~125 MB of JSON, which Chromium needs
 * seconds to parse; data.js is an eighth of that, and a JSON text loaded as a script literal
 * parses faster than JSON.parse of a string literal that size (measured with
 * bench/review-perf.mjs). The full records load per article, when one is opened.
 * Same output folder, same bytes: nothing here reads a clock.
 */
import { copyFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { removeStaleTemps, writeAtomic } from '../output/atomic.js';
import { decodeArticle } from '../ingest/decode.js';
import { sha256, stableId } from '../util/hash.js';
import type { ClaimRecord } from '../records.js';
import { graphPieces, jsonLines, readRunFile } from './data.js';
import { ClaimColumns } from './columns.js';

/** The flag type of a shared-figure hub (graph.json: a "figure" node and its same-figure-as edges). */
export const SAME_FIGURE = 'same-figure';

/** Where the built page lives: dist/review/ui, from both src/ (tests) and dist/ (the CLI). */
export const UI_DIR = fileURLToPath(new URL('../../dist/review/ui/', import.meta.url));
export const UI_FILES = ['index.html', 'app.js', 'style.css', 'LICENSES.txt'];

/** The file key of an article path (records/<key>.js). */
export const pathKey = (path: string) => stableId('review', path);

export interface ReviewOptions {
  /** The run's output folder (claims.jsonl, graph.json, noise.jsonl, run.json). */
  out: string;
  /** Folder the article paths in the records are relative to (default: the working directory). */
  root?: string;
}

export interface ReviewSummary {
  dir: string;
  claims: number;
  articles: number;
  /** Articles whose source could not be shown, with why (moved, changed since the run). */
  missing: { path: string; reason: string }[];
}

export async function writeReviewSite({ out, root = process.cwd() }: ReviewOptions): Promise<ReviewSummary> {
  const dir = join(out, 'review');
  for (const f of UI_FILES) {
    if (!existsSync(join(UI_DIR, f))) throw new Error(`the review page is not built (${join(UI_DIR, f)} missing): run npm run build`);
  }
  const run = await readRunFile(out);
  for (const sub of ['texts', 'records']) await mkdir(join(dir, sub), { recursive: true });
  await removeStaleTemps(dir, ['texts', 'records']);
  for (const f of UI_FILES) await copyFile(join(UI_DIR, f), join(dir, f));

  const index = new Map(run.articles.map((a, i) => [a.path, i]));
  const noise = new Map<string, string>();
  for await (const line of jsonLines(join(out, 'noise.jsonl'))) noise.set((JSON.parse(line) as { path: string }).path, line);

  // graph.json first, by claim id: each claim's group status, and the flags a reviewer must look
  // at — the flagged pair edges (review: true) and the shared-figure hubs ("figure" nodes) with
  // the claims that point at them (same-figure-as): one flag per hub, not one per pair.
  const statusOf = new Map<string, string>();
  const groupOf = new Map<string, string>();
  const flagged: { type: string; key: string; reason: string | null; members: string[] }[] = [];
  const hubFlag = new Map<string, number>();
  const claimId = (id: string) => id.replace(/^claim:/, '');
  for await (const p of graphPieces(join(out, 'graph.json'))) {
    const v = p.value as unknown as { type: string; id: string; from: string; to: string; status: string; reason: string | null; review: boolean };
    if (p.kind === 'node') {
      if (v.type === 'group') statusOf.set(v.id, v.status);
      else if (v.type === 'figure' && v.review) {
        hubFlag.set(v.id, flagged.length);
        flagged.push({ type: SAME_FIGURE, key: v.id.replace(/^figure:/, ''), reason: v.reason, members: [] });
      }
      continue;
    }
    if (v.type === 'member-of') {
      const status = statusOf.get(v.to);
      if (status) groupOf.set(claimId(v.from), status);
    } else if (v.type === 'same-figure-as') {
      const k = hubFlag.get(v.to);
      if (k !== undefined) flagged[k].members.push(claimId(v.from));
    } else if (v.review) {
      flagged.push({ type: v.type, key: `${claimId(v.from)}-${claimId(v.to)}`, reason: v.reason, members: [claimId(v.from), claimId(v.to)] });
    }
  }
  statusOf.clear();

  const table = new ClaimColumns();
  const records = new Set<string>();
  // claims.jsonl is in path order: an article's lines are consecutive, one records file each.
  let path: string | null = null, lines: string[] = [];
  const flush = async () => {
    if (path === null) return;
    const key = pathKey(path);
    records.add(`${key}.js`);
    await writeAtomic(join(dir, 'records', `${key}.js`), `CLAIMS_REVIEW_RECORDS({"path":${JSON.stringify(path)},"noise":${noise.get(path) ?? 'null'},"claims":[\n${lines.join(',\n')}\n]});\n`);
  };
  for await (const line of jsonLines(join(out, 'claims.jsonl'))) {
    const c = JSON.parse(line) as ClaimRecord;
    if (c.source.path !== path) {
      await flush();
      path = c.source.path;
      lines = [];
    }
    lines.push(line);
    table.add(c, index.get(c.source.path) ?? -1, groupOf.get(c.id) ?? null);
  }
  await flush();
  // Articles without claims still get a records file: the article view shows their noise.
  for (const a of run.articles) {
    if (records.has(`${pathKey(a.path)}.js`)) continue;
    path = a.path;
    lines = [];
    await flush();
  }

  // The flags by claim index; their reasons go with the sentences. A flag whose claims are not all
  // in claims.jsonl (an edited output folder) keeps the ones that are; a pair needs both.
  const flags = { types: [] as string[], type: [] as number[], key: [] as string[], members: [] as number[][] };
  const reasons: (string | null)[] = [];
  for (const f of flagged) {
    const members = f.members.map((id) => table.indexOf(id)).filter((i): i is number => i !== undefined);
    if (members.length < (f.type === SAME_FIGURE ? 1 : 2)) continue;
    if (!flags.types.includes(f.type)) flags.types.push(f.type);
    flags.type.push(flags.types.indexOf(f.type));
    flags.key.push(f.key);
    flags.members.push(members);
    reasons.push(f.reason);
  }

  const { articles, ...rest } = run;
  const column = <K extends keyof (typeof articles)[number]>(k: K) => JSON.stringify(articles.map((a) => a[k]));
  await writeAtomic(join(dir, 'data.js'), [
    `window.CLAIMS_REVIEW={"run":${JSON.stringify(rest)},`,
    `"articles":{"count":${articles.length},"path":${column('path')},\n"id":${column('id')},\n"claims":${column('claims')},"noise":${column('noise')},"rejected":${column('rejected')},\n"file":${JSON.stringify(articles.map((a) => pathKey(a.path)))}},`,
    `"flags":{"count":${flags.type.length},"types":${JSON.stringify(flags.types)},"type":${JSON.stringify(flags.type)},\n"key":${JSON.stringify(flags.key)},\n"members":${JSON.stringify(flags.members)}},`,
    `"claims":${table.toJson()}};`,
  ].join('\n') + '\n');
  await writeAtomic(join(dir, 'details.js'), `CLAIMS_REVIEW_DETAILS({"sentences":${table.sentencesJson()},\n"reasons":${JSON.stringify(reasons)}});\n`);
  const claims = table.count;
  await prune(join(dir, 'records'), records);
  const missing = await writeTexts(dir, run.articles, root);
  return { dir, claims, articles: run.articles.length, missing };
}

/** One script per article content (copies at several paths share one): the decoded source. */
async function writeTexts(dir: string, articles: { path: string; sha256: string; id: string }[], root: string) {
  const missing: ReviewSummary['missing'] = [];
  const written = new Set<string>();
  for (const a of articles) {
    if (written.has(`${a.id}.js`)) continue;
    written.add(`${a.id}.js`);
    let text: string | null = null, reason: string | null = null;
    try {
      const bytes = await readFile(resolve(root, a.path));
      if (sha256(bytes) !== a.sha256) reason = 'the source changed since the run (sha256 differs)';
      else text = decodeArticle(a.path, bytes).text;
    } catch (err) {
      reason = `cannot read the source: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
    }
    if (reason) missing.push({ path: a.path, reason });
    await writeAtomic(join(dir, 'texts', `${a.id}.js`), `CLAIMS_REVIEW_TEXT(${JSON.stringify({ id: a.id, path: a.path, sha256: a.sha256, text, missing: reason })});\n`);
  }
  await prune(join(dir, 'texts'), written);
  return missing;
}

/** Removes files of articles no longer in the run, so the folder mirrors the run. */
async function prune(folder: string, keep: Set<string>): Promise<void> {
  for (const name of await readdir(folder)) if (!keep.has(name)) await rm(join(folder, name), { force: true });
}
