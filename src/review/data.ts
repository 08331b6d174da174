/**
 * Reads a run's output folder for the review site, without changing a record: claims.jsonl and
 * noise.jsonl line by line, graph.json piece by piece (graph/build.ts writes one node or edge a
 * line), run.json whole. Streaming keeps a run of a year of news out of memory as one string.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { RunFile } from '../output/run-schema.js';

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
