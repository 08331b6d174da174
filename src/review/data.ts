/**
 * Reads a run's output folder into what the review page shows, without changing a record: claim
 * lines from claims.jsonl, noise lines from noise.jsonl, run.json, and from graph.json the group
 * nodes and the reconciliation edges (the structural edges repeat fields the claims already hold).
 * Everything streams line by line, so a run of a year of news never sits in memory as one string.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { RunFile } from '../output/run-schema.js';

/** Edge types that are reconciliation results; the rest (stated-in, about, …) are structure. */
export const RELATION_TYPES = new Set(['conflicts-with', 'in-tension-with', 'same-figure-as', 'corroborates', 'consistent-with']);

/** The lines of a JSON-lines file, blank lines skipped. */
export async function* jsonLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield line;
}

/** The node and edge lines of graph.json (graph/build.ts writes one piece a line). */
export async function* graphPieces(file: string): AsyncGenerator<{ kind: 'node' | 'edge'; line: string; value: { type: string; [k: string]: unknown } }> {
  let kind: 'node' | 'edge' = 'node';
  for await (const raw of jsonLines(file)) {
    if (raw.startsWith('],"edges"')) kind = 'edge';
    if (!raw.startsWith('{"type"')) continue;
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    yield { kind, line, value: JSON.parse(line) };
  }
}

export async function readRunFile(out: string): Promise<RunFile> {
  return JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as RunFile;
}
