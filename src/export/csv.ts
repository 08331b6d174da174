/**
 * claims.csv: one row per claim, flat columns, for spreadsheets and dataframes. Quoting is
 * csv-stringify's (RFC 4180), streamed from claims.jsonl. Its escape_formulas guard puts an
 * apostrophe before a text cell that starts with = + - @ tab or CR, so a quote such as
 * "=HYPERLINK(…)" or "-5% on the year" is shown, not run, by Excel or LibreOffice; numeric cells
 * (value, low, high…) are numbers and keep their minus sign.
 *
 * Left out: `target` (its position and quote repeat quantity or span and quote; its prefix and
 * suffix stay in claims.jsonl) and `provenance.sentence` (equal to span).
 */
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClaimRecord } from '../records.js';
import { claimRecords, exportStream } from './read.js';

type Cell = string | number | boolean | null | undefined;

/** Column name → its cell of a claim, in column order. */
export const CSV_COLUMNS: [string, (c: ClaimRecord) => Cell][] = [
  ['id', (c) => c.id],
  ['source_path', (c) => c.source.path],
  ['source_sha256', (c) => c.source.sha256],
  ['article', (c) => c.source.article],
  ['span_start', (c) => c.span.start],
  ['span_end', (c) => c.span.end],
  ['quote', (c) => c.quote],
  ['subject_id', (c) => c.subject?.id],
  ['subject_name', (c) => c.subject?.name],
  ['subject_kind', (c) => c.subject?.kind],
  ['subject_mention', (c) => c.subject?.mention],
  ['subject_via', (c) => c.subject?.via],
  ['subject_parent', (c) => c.subject?.parent],
  ['subject_reason', (c) => c.subjectReason],
  ['metric', (c) => c.metric],
  ['kind', (c) => c.quantity?.kind],
  ['quantity_quote', (c) => c.quantity?.quote],
  ['quantity_start', (c) => c.quantity?.span.start],
  ['quantity_end', (c) => c.quantity?.span.end],
  ['value', (c) => c.quantity?.value],
  ['low', (c) => c.quantity?.low],
  ['high', (c) => c.quantity?.high],
  ['bound', (c) => c.quantity?.bound],
  ['unit', (c) => c.quantity?.unit],
  ['per', (c) => c.quantity?.per],
  ['implied', (c) => c.quantity?.implied],
  ['quantity_rule', (c) => c.quantity?.rule],
  ['quantity_reason', (c) => c.quantity?.reason],
  ['predicate', (c) => c.predicate],
  ['time', (c) => c.time],
  ['period', (c) => c.period],
  ['modality', (c) => c.modality],
  ['attribution', (c) => c.attribution],
  ['rule', (c) => c.rule],
  ['pipeline', (c) => c.provenance.pipeline],
  ['rules', (c) => c.provenance.rules],
  ['line', (c) => c.provenance.line],
  ['column', (c) => c.provenance.column],
  ['review_decision', (c) => c.provenance.review?.decision],
  ['review_by', (c) => c.provenance.review?.by],
  ['review_at', (c) => c.provenance.review?.at],
  ['review_note', (c) => c.provenance.review?.note],
];

function* rows(out: string): Generator<Cell[]> {
  for (const c of claimRecords(out)) yield CSV_COLUMNS.map(([, cell]) => cell(c));
}

/** Writes `path` from the run in `out`; returns the number of rows (claims). */
export async function writeCsv(out: string, path: string): Promise<number> {
  let count = 0;
  const counted = function* () { for (const r of rows(out)) (count++, yield r); };
  const file = await exportStream(path);
  try {
    await pipeline(
      Readable.from(counted()),
      // null and undefined are empty cells; booleans read as true/false in every tool.
      stringify({ header: true, columns: CSV_COLUMNS.map(([name]) => name), escape_formulas: true, cast: { boolean: (b) => String(b) } }),
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
