import { z } from 'zod';
import { decisionsReportSchema } from '../records.js';

/** output/run.json: the articles the output folder holds (identical texts once, with every path
 * they were found at) and what failed in the latest run and why. No timestamps: same input, same
 * bytes (the times live in manifest.json). */
export const runSchema = z.strictObject({
  pipeline: z.string(),
  rules: z.string(),
  articles: z.array(z.strictObject({ path: z.string(), sources: z.array(z.string()), sha256: z.string(), id: z.string(), claims: z.number().int(), noise: z.number().int(), rejected: z.number().int() })),
  failed: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
  warnings: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
  claims: z.number().int(),
  /** Present when the run applied a decisions file (`--decisions`). */
  decisions: decisionsReportSchema.optional(),
});
export type RunFile = z.infer<typeof runSchema>;
