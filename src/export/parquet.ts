/**
 * claims.parquet: claims.csv's columns (columns.ts), typed — text as UTF-8 strings, offsets as
 * INT32, value/low/high as DOUBLE, implied as BOOLEAN, every column nullable — so DuckDB, pandas
 * and Spark read it as is. Written by hyparquet-writer's row writer, which pulls rows from
 * claims.jsonl one row group at a time: memory holds one group, never the run.
 */
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPath } from '../output/atomic.js';
import { CLAIM_COLUMNS } from './columns.js';
import { claimRecords, runFile } from './read.js';

/** Rows per row group: a few tens of MB in memory, large enough for columnar compression. */
const ROW_GROUP = 50_000;

/** Writes `path` from the run in `out`; returns the number of rows (claims). */
export async function writeParquet(out: string, path: string): Promise<number> {
  let count = 0;
  const rows = function* (): Generator<Record<string, unknown>> {
    for (const c of claimRecords(out)) {
      count++;
      yield Object.fromEntries(CLAIM_COLUMNS.map(({ name, cell }) => [name, cell(c) ?? null]));
    }
  };
  runFile(out, 'claims.jsonl'); // a missing run fails before a file is made
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    // hyparquet-writer's file writer appends synchronously, a megabyte at a time.
    await parquetWriteRows({
      writer: fileWriter(tmp),
      rows: rows(),
      columns: CLAIM_COLUMNS.map(({ name, type }) => ({ name, type, nullable: true })),
      rowGroupSize: ROW_GROUP,
      createdBy: 'claims (hyparquet-writer)',
    });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return count;
}
