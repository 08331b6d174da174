/**
 * Shapes shared by the stages. Offsets everywhere are UTF-16 code units (JavaScript string
 * indices) into the article text as decoded, end exclusive (DESIGN.md "Positions").
 */
import type { ArticleMeta, QuantityRecord } from './records.js';

export interface Span {
  start: number;
  end: number;
}

/** An article after ingest: decoded text and the identity every record points back to. */
export interface Article {
  /** Path as given relative to the working directory, with forward slashes. */
  path: string;
  /** sha256 of the raw bytes. */
  sha256: string;
  /** Stable id: the first 16 hex digits of sha256. */
  id: string;
  /** Text as decoded (BOM removed), the source every span points into. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** What its front matter or sidecar says of it (url, outlet, published, language, title);
   * set by the article stage (pipeline/article.ts) before the stages read it. */
  meta?: ArticleMeta;
}

/** A flagged stretch of the source that must not produce claims, with why. */
export interface NoiseFlag extends Span {
  reason: 'boilerplate' | 'foreign-script' | 'foreign-word' | 'list-marker' | 'bare-number' | 'url';
  rule: string;
  quote: string;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'code';

/** A hard-bounded stretch of text: sentences never cross a block boundary. */
export interface Block extends Span {
  kind: BlockKind;
  /** For table cells: the row's first cell (its label) and the header text of the column. */
  table?: { row: number; column: number; rowLabel: string; header: string };
  /** For list items: the lead-in line that introduced the list (ends with ":"), if any. */
  leadIn?: Span;
}

export interface Sentence extends Span {
  block: Block;
  /** Index of the sentence within the article, in source order. */
  index: number;
}

/** Enums come from the record schemas (zod is the one source of them). */
export type QuantityKind = QuantityRecord['kind'];
export type Bound = QuantityRecord['bound'];

export interface Quantity {
  kind: QuantityKind;
  span: Span;
  value: number | null;
  low: number | null;
  high: number | null;
  bound: Bound;
  unit: string;
  per: string | null;
  /** True when the currency is not written but implied ("tens of billions" of valuation). */
  implied?: boolean;
  /** Why value, low and high are null although the figure was read (a number beyond range). */
  reason?: string;
  /** The rule that read it, as rules/ file and entry where one did ("quantities/currencies#ZAR",
   * "quantities/units#kilometer") or the stage and reader where code did ("quantities/numbers#percent"). */
  rule: string;
}
