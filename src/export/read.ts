/**
 * What the exporters read and how they write: a finished run's claims.jsonl and graph.json, one
 * record at a time (a million-claim run is never held whole), and each export file written to a
 * temp file and renamed, so DIR/export/ never holds half a file.
 */
import { existsSync, createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join, dirname } from 'node:path';
import { readLines } from '../reconcile/line-reader.js';
import { UsageError } from '../ingest/walk.js';
import { isTempName, tempPath } from '../output/atomic.js';
import type { ClaimRecord } from '../records.js';
import type { GraphEdge, GraphNode } from '../graph/schema.js';

/** The run's file `name` in `out`, or a usage error (exit 2) naming what is missing. */
export function runFile(out: string, name: string): string {
  const path = join(out, name);
  if (!existsSync(path)) throw new UsageError(`no run in ${out}: ${name} is missing (claims run … --out ${out} writes it); nothing was exported`);
  return path;
}

/** claims.jsonl, record by record. */
export function* claimRecords(out: string): Generator<ClaimRecord> {
  for (const line of readLines(runFile(out, 'claims.jsonl'))) if (line) yield JSON.parse(line) as ClaimRecord;
}

export type GraphItem = { node: GraphNode; edge?: undefined } | { edge: GraphEdge; node?: undefined };

/**
 * graph.json's nodes, then its edges. The run writes one node or edge per line (graph/build.ts),
 * so the file is read line by line; a graph.json laid out otherwise (re-indented by hand) is
 * parsed whole instead.
 */
export function* graphItems(out: string): Generator<GraphItem> {
  const file = runFile(out, 'graph.json');
  const lines = readLines(file);
  const head = lines.next();
  if (head.done || !/^\{(?:"format":"[^"]*",)?"pipeline":.*"nodes":\[$/.test(head.value)) {
    lines.return(undefined);
    const graph = JSON.parse(readFileSync(file, 'utf8')) as { nodes: GraphNode[]; edges: GraphEdge[] };
    for (const node of graph.nodes) yield { node };
    for (const edge of graph.edges) yield { edge };
    return;
  }
  let edges = false;
  for (const line of lines) {
    if (line.startsWith('],"edges":[')) edges = true;
    else if (line.startsWith('{')) {
      const value = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      yield edges ? { edge: value as GraphEdge } : { node: value as GraphNode };
    }
  }
}

/** A write stream to a temp file beside `path`, and how to finish it: `commit` waits for the
 * bytes to be on disk and renames the file into place; `abort` removes it. */
export async function exportStream(path: string): Promise<{ stream: WriteStream; commit: () => Promise<void>; abort: () => Promise<void> }> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  const stream = createWriteStream(tmp, { flags: 'wx' });
  await once(stream, 'open');
  return {
    stream,
    commit: async () => {
      stream.end();
      await once(stream, 'finish');
      await rename(tmp, path);
    },
    abort: async () => {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}

/** Writes `chunk`, waiting when the stream's buffer is full: a fast producer stays in flat memory. */
export async function writeChunk(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Removes the temp folders a killed export left in `dir` (the Neo4j export is a folder, written
 * whole under a temp name; removeStaleTemps takes files only). Only names tempPath makes. */
export async function removeStaleTempFolders(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isTempName(name)) continue;
    const folder = join(dir, name);
    if ((await lstat(folder).catch(() => null))?.isDirectory()) await rm(folder, { recursive: true, force: true });
  }
}
