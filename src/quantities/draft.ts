/** The working form of a quantity while its readers extend it, and the finished form. */
import type { Quantity, QuantityKind, Bound } from '../types.js';

/** A quantity found in a sentence, with offsets into the sentence and extra reading aids. */
export interface SentenceQuantity extends Omit<Quantity, 'rule'> {
  rule: string;
  /** Words between the number and its counted noun ("weekly" of "1 billion weekly users"). */
  modifiers: string[];
  /** A bare year ("in 2015"): a claim of its own only when nothing else in the sentence is. */
  yearLike: boolean;
  /** The counted noun came from a table's row label, not from the sentence. */
  unitFromLabel?: boolean;
}

export interface Draft {
  start: number;
  end: number;
  low: number;
  high: number;
  kind: QuantityKind | null;
  unit: string;
  bound: Bound;
  per: string | null;
  modifiers: string[];
  rule: string;
  scaled: boolean;
  /** The product of the scales applied ("million", the M of "MUSD"). */
  scale: number;
  vague: boolean;
  minor: boolean;
}

export function blank(start: number, end: number, rule: string): Draft {
  return { start, end, low: NaN, high: NaN, kind: null, unit: '', bound: 'exact', per: null, modifiers: [], rule, scaled: false, scale: 1, vague: false, minor: false };
}

export function multiplierDraft(start: number, end: number, value: number, rule: string): Draft {
  return { ...blank(start, end, rule), low: value, high: value, kind: 'multiplier', unit: 'times' };
}

/** 16.4 × 1e6 is 16399999.999999998 in binary floating point: round to what was written. */
export function tidy(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}


