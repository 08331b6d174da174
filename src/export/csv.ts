/**
 * claims.csv: one row per claim, flat columns, for spreadsheets and dataframes. Quoting is
 * csv-stringify's (RFC 4180), streamed from claims.jsonl. Its escape_formulas guard puts an
 * apostrophe before a text cell that starts with = + - @ tab or CR, so a quote such as
 * "=HYPERLINK(…)" or "-5% on the year" is shown, not run, by Excel or LibreOffice; numeric cells
 * (value, low, high…) are numbers and keep their minus sign. The columns are in columns.ts.
 */
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CLAIM_COLUMNS, type Cell } from './columns.js';
import { claimRecords, exportStream, runFile } from './read.js';

/** Writes `path` from the run in `out`; returns the number of rows (claims). */
export async function writeCsv(out: string, path: string): Promise<number> {
  let count = 0;
  const rows = function* (): Generator<Cell[]> {
    for (const c of claimRecords(out)) (count++, yield CLAIM_COLUMNS.map(({ cell }) => cell(c)));
  };
  runFile(out, 'claims.jsonl'); // a missing run fails before a file is made
  const file = await exportStream(path);
  try {
    await pipeline(
      Readable.from(rows()),
      // null and undefined are empty cells; booleans read as true/false in every tool.
      stringify({ header: true, columns: CLAIM_COLUMNS.map(({ name }) => name), escape_formulas: true, cast: { boolean: (b) => String(b) } }),
      file.stream,
      { end: false },
    );
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return count;
}
