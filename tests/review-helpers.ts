/** Shared by the review tests: a run of the sample corpus plus one article that makes a conflict. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyCorpus, readClaims, root } from './helpers.js';
import type { ClaimRecord } from '../src/records.js';
import type { Graph } from '../src/graph/schema.js';

/** "OpenAI has about 300 million weekly users": disjoint from the sample's "roughly 1 billion". */
export const CONFLICT_ARTICLE = join(root, 'tests', 'review-fixture', 'openai-users.txt');

/** A temp copy of corpus/ with the conflict article added. */
export function corpusWithConflict(): string {
  const dir = copyCorpus();
  cpSync(CONFLICT_ARTICLE, join(dir, 'openai-users.txt'));
  return dir;
}

export function readGraph(out: string): Graph {
  return JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as Graph;
}

/** The one claim whose figure reads `quote` (fails loudly when there is not exactly one). */
export function claimByFigure(out: string, quote: string): ClaimRecord {
  const found = readClaims(out).filter((c) => c.quantity?.quote === quote);
  if (found.length !== 1) throw new Error(`${found.length} claims with figure "${quote}" in ${out}`);
  return found[0];
}

export function writeJsonl(file: string, rows: unknown[]): string {
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}
