/**
 * output/manifest.json: every article the output folder holds, with its path, content hash and
 * when it was added (and last changed), plus what was removed and when. It is what makes batches
 * accumulate: a run adds the articles it is given to those the manifest lists and rebuilds every
 * output over the whole.
 *
 * It is the only file with time stamps. Nothing else a run writes depends on them, so adding
 * batches one by one gives the same claims.jsonl, graph.json, report.md and run.json as one run
 * over all of them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../ingest/walk.js';
import { FORMAT } from '../records.js';

export const MANIFEST_FILE = 'manifest.json';

const entrySchema = z.strictObject({
  /** Relative to the working directory of the run that added it, with forward slashes. */
  path: z.string().describe('Relative to the working directory of the run that added it, with forward slashes.'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of its bytes (its text is kept in .store/ by this hash).'),
  /** ISO 8601, when the path was first added. */
  added: z.string().describe('ISO 8601, when the path was first added.'),
  /** ISO 8601, when its content last changed (null if never). */
  changed: z.string().nullable().describe('ISO 8601, when its content or metadata sidecar last changed (null if never).'),
  /** sha256 of its metadata sidecar (`<name>.meta.json`), kept in .store/ beside the text. */
  meta: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('sha256 of its metadata sidecar (<name>.meta.json), kept in .store/ beside the text; absent when it has none.'),
}).describe('An article the output folder holds.');

export const manifestSchema = z.strictObject({
  /** Absent in folders written before the format was stated (format 1); always written now. */
  format: z.string().optional().describe('The output format version ("claims/2"); absent in folders written before it was stated.'),
  about: z.string().describe('What this file is, in words.'),
  articles: z.array(entrySchema).describe('Every article held, by path.'),
  removed: z.array(z.strictObject({
    path: z.string().describe('The path removed.'),
    sha256: z.string().describe('sha256 of its bytes when it was removed.'),
    removed: z.string().describe('ISO 8601, when it was removed.'),
  }).describe('An article taken out.')).describe('What was removed and when, oldest first.'),
}).describe('Every article the output folder holds and what was removed; the one file with time stamps.');

export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

const ABOUT = 'Every article this output folder holds (path, sha256, when added and changed) and what was removed. Written by claims; the only file with time stamps.';

export function emptyManifest(): Manifest {
  return { format: FORMAT, about: ABOUT, articles: [], removed: [] };
}

/** The folder's manifest; an output folder without one (new, or from before manifests) holds nothing. */
export async function readManifest(out: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(out, MANIFEST_FILE), 'utf8');
  } catch {
    return emptyManifest();
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new UsageError(`${join(out, MANIFEST_FILE)}: not a claims manifest (${parsed.error.issues[0]?.message}); move it away or run with --replace`);
  return parsed.data;
}

/** The manifest's file text, its entries sorted by path. */
export function manifestText(m: Manifest): string {
  const sorted: Manifest = {
    format: FORMAT,
    about: ABOUT,
    articles: [...m.articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    removed: m.removed,
  };
  return JSON.stringify(manifestSchema.parse(sorted), null, 1) + '\n';
}

/** What adding a batch did to the manifest. */
export interface Merge {
  added: string[];
  changed: string[];
  unchanged: string[];
}

/** Adds or updates the entries for the files read in this run (path → sha256, and path → the
 * sha256 of its sidecar for those that have one). A changed sidecar is a changed article. */
export function mergeBatch(m: Manifest, files: Map<string, string>, now: string, metas: Map<string, string> = new Map()): Merge {
  const byPath = new Map(m.articles.map((e) => [e.path, e]));
  const merge: Merge = { added: [], changed: [], unchanged: [] };
  for (const [path, sha256] of files) {
    const e = byPath.get(path);
    const meta = metas.get(path);
    if (!e) {
      const entry: ManifestEntry = { path, sha256, added: now, changed: null, ...(meta ? { meta } : {}) };
      m.articles.push(entry);
      byPath.set(path, entry);
      merge.added.push(path);
    } else if (e.sha256 !== sha256 || e.meta !== meta) {
      e.sha256 = sha256;
      e.changed = now;
      if (meta) e.meta = meta;
      else delete e.meta;
      merge.changed.push(path);
    } else merge.unchanged.push(path);
  }
  return merge;
}

/** Removes the entries at or under each given path; returns the paths that matched nothing. */
export function removePaths(m: Manifest, paths: string[], now: string): { removed: ManifestEntry[]; unmatched: string[] } {
  const removed: ManifestEntry[] = [];
  const unmatched: string[] = [];
  for (const p of paths) {
    const prefix = p.replace(/\/+$/, '');
    const hit = (e: ManifestEntry) => e.path === prefix || e.path.startsWith(prefix + '/') || prefix === '.';
    const gone = m.articles.filter(hit);
    if (gone.length === 0) unmatched.push(p);
    m.articles = m.articles.filter((e) => !hit(e));
    for (const e of gone) removed.push(e);
  }
  for (const e of removed) m.removed.push({ path: e.path, sha256: e.sha256, removed: now });
  return { removed, unmatched };
}
