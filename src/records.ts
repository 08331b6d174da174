/**
 * zod schemas of every record the pipeline writes (the output contract). Records are validated where
 * they are made, and the JSON Schemas in output/schema/ are generated from these (z.toJSONSchema).
 */
import { z } from 'zod';

/*
 * The review decisions contract (issue 12), shared by the review page (which writes
 * decisions.jsonl), the run (which applies it: src/review/decisions.ts) and claims.jsonl (where a
 * kept claim says it was reviewed, provenance.review) and run.json (what a decisions file did).
 */
/** A correction: any of subject (a name), value and unit; what is not given is kept. */
export const correctionSchema = z.strictObject({
  subject: z.string().min(1).optional(),
  value: z.number().finite().optional(),
  unit: z.string().min(1).optional(),
});

/** One line of a decisions file. The last line for a claim id wins (the page writes one). */
export const decisionSchema = z.strictObject({
  claim: z.string().min(1),
  decision: z.enum(['accept', 'reject', 'correct']),
  correction: correctionSchema.optional(),
  by: z.string().nullable().optional(),
  /** When, as the reviewer's browser said it (ISO 8601); data, so output stays reproducible. */
  at: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
}).refine((d) => d.decision !== 'correct' || (d.correction && Object.keys(d.correction).length > 0), {
  message: 'a "correct" decision needs a correction with subject, value or unit',
});
export type Decision = z.infer<typeof decisionSchema>;

/** What a kept claim carries in provenance.review. */
export const reviewProvenanceSchema = z.strictObject({
  decision: z.enum(['accept', 'correct']),
  by: z.string().nullable(),
  at: z.string().nullable(),
  note: z.string().nullable(),
  /** The fields as extracted, before the correction (correct only). */
  original: z.strictObject({ subject: z.string().nullable(), value: z.number().nullable(), unit: z.string().nullable() }).nullable(),
});
export type ReviewProvenance = z.infer<typeof reviewProvenanceSchema>;

/** run.json's account of a decisions file: what was applied, and ids that matched no claim. */
export const decisionsReportSchema = z.strictObject({
  file: z.string(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  corrected: z.number().int(),
  unknown: z.array(z.string()),
});
export type DecisionsReport = z.infer<typeof decisionsReportSchema>;

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
  kind: z.enum(['money', 'count', 'percent', 'ratio', 'multiplier', 'date', 'measure', 'duration', 'age']),
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
  /** Why value, low and high are null although the figure was read ("too large to hold as a number"). */
  reason: z.string().optional(),
});

export type QuantityRecord = z.infer<typeof quantitySchema>;

export const subjectSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['org', 'person', 'place', 'product', 'group', 'thing']),
  mention: z.string(),
  /** How the subject was found: from the clause (clause-subject, of-complement, possessive-owner,
   * passive-agent, object, relative-clause, parenthesis, same-as-figure, after-figure, counted-noun,
   * before-colon, where-counted, share-of, payer, recipient, speaker), coreference, or the older
   * sources (lexicon, nlp, table, lead-in, carried); README "Who a figure is about". */
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
