/**
 * `claims review`: writes a static review site into <out>/review/ that opens from disk with no
 * server and makes no network request. The page's data are the records the CLI wrote, unchanged:
 *
 *   data.js          window.CLAIMS_REVIEW = JSON.parse("{run, groups, relations, claims}") — run.json,
 *                    graph.json's group nodes and reconciliation edges, claims.jsonl's lines
 *   texts/<id>.js    CLAIMS_REVIEW_TEXT({id, path, sha256, text, missing, noise}) per article,
 *                    loaded when the article is opened (noise = that article's noise.jsonl line)
 *   index.html, app.js, style.css, LICENSES.txt   the page (bundled at build time, libraries inside)
 *
 * Scripts, not fetch(): Chromium refuses fetch() on file:// pages but runs <script src>. The JSON
 * goes through JSON.parse of a string literal, which browsers parse faster than an object literal.
 * Same output folder, same bytes: nothing here reads a clock.
 */
import { copyFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { AtomicLineWriter, removeStaleTemps, writeAtomic } from '../output/atomic.js';
import { decodeArticle } from '../ingest/decode.js';
import { sha256 } from '../util/hash.js';
import { RELATION_TYPES, graphPieces, jsonLines, readRunFile } from './data.js';

/** Where the built page lives: dist/review/ui, from both src/ (tests) and dist/ (the CLI). */
export const UI_DIR = fileURLToPath(new URL('../../dist/review/ui/', import.meta.url));
export const UI_FILES = ['index.html', 'app.js', 'style.css', 'LICENSES.txt'];

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

/** A piece of a JSON string literal: JSON.stringify escapes, minus the quotes. */
const esc = (s: string) => JSON.stringify(s).slice(1, -1);
/** A backslash-newline inside a string literal adds nothing to the string (a line continuation):
 * data.js keeps one record a line, readable and diffable, and parses as one string. */
const NEXT_LINE = '\\\n';

export async function writeReviewSite({ out, root = process.cwd() }: ReviewOptions): Promise<ReviewSummary> {
  const dir = join(out, 'review');
  for (const f of UI_FILES) {
    if (!existsSync(join(UI_DIR, f))) throw new Error(`the review page is not built (${join(UI_DIR, f)} missing): run npm run build`);
  }
  await mkdir(join(dir, 'texts'), { recursive: true });
  await removeStaleTemps(dir, ['texts']);
  for (const f of UI_FILES) await copyFile(join(UI_DIR, f), join(dir, f));

  const run = await readRunFile(out);
  const data = new AtomicLineWriter(join(dir, 'data.js'));
  let claims = 0;
  try {
    await data.write(`window.CLAIMS_REVIEW=JSON.parse("${esc(`{"run":${JSON.stringify(run)},"groups":[`)}`, '');
    // Groups first, then relations: graph.json lists nodes before edges, so one pass does.
    let first = true, edges = false;
    for await (const p of graphPieces(join(out, 'graph.json'))) {
      if (p.kind === 'edge' && !edges) {
        await data.write(esc('],"relations":['), '');
        edges = true;
        first = true;
      }
      const keep = p.kind === 'node' ? p.value.type === 'group' : RELATION_TYPES.has(p.value.type);
      if (!keep) continue;
      await data.write(esc((first ? '' : ',') + p.line), NEXT_LINE);
      first = false;
    }
    if (!edges) await data.write(esc('],"relations":['), '');
    await data.write(esc('],"claims":['), '');
    for await (const line of jsonLines(join(out, 'claims.jsonl'))) {
      await data.write(esc((claims === 0 ? '' : ',') + line), NEXT_LINE);
      claims++;
    }
    await data.write(esc(']}') + '");', '\n');
    await data.commit();
  } catch (err) {
    await data.abort();
    throw err;
  }

  const missing = await writeTexts(dir, out, run.articles, root);
  return { dir, claims, articles: run.articles.length, missing };
}

/** One script per article (by content id, so copies share one): its text and noise report. */
async function writeTexts(dir: string, out: string, articles: { path: string; sha256: string; id: string }[], root: string) {
  const noise = new Map<string, string[]>();
  const byPath = new Map(articles.map((a) => [a.path, a.id]));
  for await (const line of jsonLines(join(out, 'noise.jsonl'))) {
    const path = (JSON.parse(line) as { path: string }).path;
    const id = byPath.get(path);
    if (id) noise.set(id, [...(noise.get(id) ?? []), line]);
  }
  const missing: ReviewSummary['missing'] = [];
  const written = new Set<string>();
  for (const a of articles) {
    if (written.has(a.id)) continue;
    written.add(a.id);
    let text: string | null = null, reason: string | null = null;
    try {
      const bytes = await readFile(resolve(root, a.path));
      if (sha256(bytes) !== a.sha256) reason = 'the source changed since the run (sha256 differs)';
      else text = decodeArticle(a.path, bytes).text;
    } catch (err) {
      reason = `cannot read the source: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
    }
    if (reason) missing.push({ path: a.path, reason });
    const head = JSON.stringify({ id: a.id, path: a.path, sha256: a.sha256, text, missing: reason });
    const json = `${head.slice(0, -1)},"noise":[${(noise.get(a.id) ?? []).join(',')}]}`;
    await writeAtomic(join(dir, 'texts', `${a.id}.js`), `CLAIMS_REVIEW_TEXT(JSON.parse("${esc(json)}"));\n`);
  }
  // Texts of articles no longer in the run go, so the folder mirrors the run.
  for (const name of await readdir(join(dir, 'texts'))) if (!written.has(name.replace(/\.js$/, ''))) await rm(join(dir, 'texts', name), { force: true });
  return missing;
}
