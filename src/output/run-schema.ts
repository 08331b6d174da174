import { z } from 'zod';
import { decisionsReportSchema } from '../review/schema.js';

/** output/run.json: what a run read, what failed and why. No timestamps: same input, same bytes. */
export const runSchema = z.strictObject({
  pipeline: z.string(),
  rules: z.string(),
  articles: z.array(z.strictObject({ path: z.string(), sha256: z.string(), id: z.string(), claims: z.number().int(), noise: z.number().int(), rejected: z.number().int() })),
  failed: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
  claims: z.number().int(),
  /** Present when the run applied a decisions file (`--decisions`). */
  decisions: decisionsReportSchema.optional(),
});
export type RunFile = z.infer<typeof runSchema>;
