/**
 * The review decisions contract, shared by the page (which writes decisions.jsonl), the run
 * (which applies it) and claims.jsonl (where a kept claim says it was reviewed). Plain zod, no
 * imports from the pipeline, so output/schema.ts can import it without a cycle.
 */
import { z } from 'zod';

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
