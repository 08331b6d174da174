/**
 * `claims export`: the run in an output folder, re-written into <out>/export/ in formats other
 * tools read as is. Each format is one module; this only names them and runs the ones asked for.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../ingest/walk.js';
import { finishCommit, removeStaleTemps } from '../output/atomic.js';
import { lockOutput } from '../output/lock.js';
import { removeStaleTempFolders } from './read.js';

export const EXPORT_FORMATS = ['csv', 'parquet', 'graphml', 'jsonld', 'nquads', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Exported {
  format: ExportFormat;
  path: string;
  /** What was written, in words ("1234 claims", "56 nodes, 78 edges"). */
  what: string;
}

/**
 * Each format's module is loaded when it is asked for: their libraries (N3.js, hyparquet-writer:
 * ~40 ms each) would otherwise load on every start of the CLI, `claims --help` included.
 */
const WRITERS: Record<ExportFormat, { file: string; write: (out: string, path: string) => Promise<string> }> = {
  csv: { file: 'claims.csv', write: async (out, path) => `${await (await import('./csv.js')).writeCsv(out, path)} claims` },
  parquet: { file: 'claims.parquet', write: async (out, path) => `${await (await import('./parquet.js')).writeParquet(out, path)} claims` },
  graphml: { file: 'graph.graphml', write: async (out, path) => {
    const { nodes, edges } = await (await import('./graphml.js')).writeGraphml(out, path);
    return `${nodes} nodes, ${edges} edges`;
  } },
  jsonld: { file: 'claims.jsonld', write: async (out, path) => `${await (await import('./jsonld.js')).writeJsonld(out, path)} claims` },
  nquads: { file: 'claims.nq', write: async (out, path) => {
    const { claims, quads } = await (await import('./nquads.js')).writeNquads(out, path);
    return `${claims} claims, ${quads} quads`;
  } },
  // A folder: neo4j-admin takes one CSV file per node type, and import.sh beside them.
  neo4j: { file: 'neo4j', write: async (out, path) => {
    const { nodes, relationships } = await (await import('./neo4j.js')).writeNeo4j(out, path);
    return `${nodes} nodes, ${relationships} relationships`;
  } },
};

/**
 * Writes each format of the run in `out` into `out/export/`, one after another. Like a run, it
 * holds the folder's lock (a run switching the output set meanwhile could give a CSV of one run
 * and a GraphML of the next), first finishes a switch a killed run left half done, and removes
 * the temp files a killed export left in export/.
 */
export async function exportRun(out: string, formats: readonly ExportFormat[]): Promise<Exported[]> {
  if (!existsSync(out)) throw new UsageError(`no such output folder: ${out}; nothing was exported`);
  const lock = lockOutput(out);
  try {
    await finishCommit(out);
    await removeStaleTemps(join(out, 'export'));
    await removeStaleTempFolders(join(out, 'export'));
    const done: Exported[] = [];
    for (const format of formats) {
      const path = join(out, 'export', WRITERS[format].file);
      done.push({ format, path, what: await WRITERS[format].write(out, path) });
    }
    return done;
  } finally {
    lock.release();
  }
}
