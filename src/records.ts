/**
 * zod schemas of every record the pipeline writes (the output contract). Records are validated where
 * they are made, and the JSON Schemas in output/schema/ are generated from these (z.toJSONSchema).
 */
import { z } from 'zod';
import { reviewProvenanceSchema } from '../review/schema.js';

export const spanSchema = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** W3C Web Annotation style target: where in which source the record points. */
export const targetSchema = z.strictObject({
  source: z.string(),
  selector: z.tuple([
    z.strictObject({ type: z.literal('TextPositionSelector'), start: z.number().int(), end: z.number().int() }),
    z.strictObject({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
  ]),
});

export const quantitySchema = z.strictObject({
  kind: z.enum(['money', 'count', 'percent', 'ratio', 'multiplier', 'date', 'measure']),
  span: spanSchema,
  quote: z.string(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  bound: z.enum(['exact', 'approx', 'at_least', 'at_most', 'range']),
  unit: z.string(),
  per: z.string().nullable(),
  implied: z.boolean(),
  rule: z.string(),
});

export type QuantityRecord = z.infer<typeof quantitySchema>;

export const subjectSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['org', 'person', 'place', 'product', 'group', 'thing']),
  mention: z.string(),
  /** How the subject was found: lexicon, nlp, coreference, carried (previous sentence), lead-in, table, noun-phrase. */
  via: z.string(),
  parent: z.string().nullable(),
});

export type SubjectRecord = z.infer<typeof subjectSchema>;

export const claimSchema = z.strictObject({
  id: z.string(),
  source: z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), article: z.string() }),
  /** The claim's sentence in the source. */
  span: spanSchema,
  quote: z.string(),
  subject: subjectSchema.nullable(),
  /** Why subject is null, when it is. */
  subjectReason: z.string().nullable(),
  metric: z.string().nullable(),
  quantity: quantitySchema.nullable(),
  /** Qualitative claims: what the sentence says of its subject. */
  predicate: z.string().nullable(),
  time: z.string().nullable(),
  period: z.string().nullable(),
  modality: z.enum(['asserted', 'reported', 'projected', 'hedged']),
  attribution: z.string().nullable(),
  rule: z.string(),
  target: targetSchema,
  provenance: z.strictObject({
    pipeline: z.string(), rules: z.string(), sentence: spanSchema, line: z.number().int(), column: z.number().int(),
    /** Set by `claims run --decisions` on a claim a reviewer accepted or corrected. */
    review: reviewProvenanceSchema.optional(),
  }),
});

export type ClaimRecord = z.infer<typeof claimSchema>;

/** A flagged stretch of the source (noise), or a figure that was read but is not a claim
 * (rejected): where, what, why, and the rule that said so. */
export const flagSchema = z.strictObject({
  span: spanSchema,
  quote: z.string(),
  reason: z.string(),
  rule: z.string(),
});

export const articleReportSchema = z.strictObject({
  path: z.string(),
  sha256: z.string(),
  id: z.string(),
  encoding: z.string(),
  noise: z.array(flagSchema),
  rejected: z.array(flagSchema),
  claims: z.number().int(),
});
export type ArticleReport = z.infer<typeof articleReportSchema>;
