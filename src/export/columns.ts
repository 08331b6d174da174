/**
 * The flat columns of one claim, shared by claims.csv and claims.parquet so the two never drift:
 * name, Parquet type (CSV writes them all as text) and the cell of a claim. Nested fields become
 * prefixed columns (subject_name, quantity_quote); a missing nested object gives null cells.
 *
 * The article's metadata (source.url, outlet, published, language, title) are columns too, empty
 * where an article has none.
 */
import type { ClaimRecord } from '../records.js';

export type Cell = string | number | boolean | null | undefined;
export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN';

export interface Column {
  name: string;
  type: ColumnType;
  cell: (c: ClaimRecord) => Cell;
}

const col = (name: string, type: ColumnType, cell: (c: ClaimRecord) => Cell): Column => ({ name, type, cell });

/** In column order. */
export const CLAIM_COLUMNS: Column[] = [
  col('id', 'STRING', (c) => c.id),
  col('source_path', 'STRING', (c) => c.source.path),
  col('source_sha256', 'STRING', (c) => c.source.sha256),
  col('article', 'STRING', (c) => c.source.article),
  col('source_url', 'STRING', (c) => c.source.url),
  col('source_outlet', 'STRING', (c) => c.source.outlet),
  col('source_published', 'STRING', (c) => c.source.published),
  col('source_language', 'STRING', (c) => c.source.language),
  col('source_title', 'STRING', (c) => c.source.title),
  col('span_start', 'INT32', (c) => c.span.start),
  col('span_end', 'INT32', (c) => c.span.end),
  col('quote', 'STRING', (c) => c.quote),
  col('subject_id', 'STRING', (c) => c.subject?.id),
  col('subject_name', 'STRING', (c) => c.subject?.name),
  col('subject_kind', 'STRING', (c) => c.subject?.kind),
  col('subject_mention', 'STRING', (c) => c.subject?.mention),
  col('subject_via', 'STRING', (c) => c.subject?.via),
  col('subject_parent', 'STRING', (c) => c.subject?.parent),
  col('subject_reason', 'STRING', (c) => c.subjectReason),
  col('metric', 'STRING', (c) => c.metric),
  col('kind', 'STRING', (c) => c.quantity?.kind),
  col('quantity_quote', 'STRING', (c) => c.quantity?.quote),
  col('quantity_start', 'INT32', (c) => c.quantity?.span.start),
  col('quantity_end', 'INT32', (c) => c.quantity?.span.end),
  col('value', 'DOUBLE', (c) => c.quantity?.value),
  col('low', 'DOUBLE', (c) => c.quantity?.low),
  col('high', 'DOUBLE', (c) => c.quantity?.high),
  col('bound', 'STRING', (c) => c.quantity?.bound),
  col('unit', 'STRING', (c) => c.quantity?.unit),
  col('per', 'STRING', (c) => c.quantity?.per),
  col('implied', 'BOOLEAN', (c) => c.quantity?.implied),
  col('quantity_rule', 'STRING', (c) => c.quantity?.rule),
  col('quantity_reason', 'STRING', (c) => c.quantity?.reason),
  col('predicate', 'STRING', (c) => c.predicate),
  col('time', 'STRING', (c) => c.time),
  col('time_text', 'STRING', (c) => c.timeText),
  col('period', 'STRING', (c) => c.period),
  col('modality', 'STRING', (c) => c.modality),
  col('attribution', 'STRING', (c) => c.attribution),
  col('rule', 'STRING', (c) => c.rule),
  col('pipeline', 'STRING', (c) => c.provenance.pipeline),
  col('rules', 'STRING', (c) => c.provenance.rules),
  col('line', 'INT32', (c) => c.provenance.line),
  col('column', 'INT32', (c) => c.provenance.column),
  col('review_decision', 'STRING', (c) => c.provenance.review?.decision),
  col('review_by', 'STRING', (c) => c.provenance.review?.by),
  col('review_at', 'STRING', (c) => c.provenance.review?.at),
  col('review_note', 'STRING', (c) => c.provenance.review?.note),
];
