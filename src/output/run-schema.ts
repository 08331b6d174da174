import { z } from 'zod';
import { decisionsReportSchema } from '../records.js';

const problem = z.strictObject({
  path: z.string().describe('The article\'s path.'),
  reason: z.string().describe('What went wrong, in one line.'),
});

/** output/run.json: the articles the output folder holds (identical texts once, with every path
 * they were found at) and what failed in the latest run and why. No timestamps: same input, same
 * bytes (the times live in manifest.json). */
export const runSchema = z.strictObject({
  format: z.string().describe('The output format version ("claims/2"): that of every file in the folder, the JSON Lines files included (CHANGELOG.md).'),
  pipeline: z.string().describe('The pipeline\'s version.'),
  rules: z.string().describe('The first 16 hex digits of the rules\' hash.'),
  articles: z.array(z.strictObject({
    path: z.string().describe('The article\'s path (the first in sort order of its identical texts); its claims carry it.'),
    sources: z.array(z.string()).describe('Every path its identical text was found at, sorted.'),
    sha256: z.string().describe('sha256 of its bytes.'),
    id: z.string().describe('Its id: the first 16 hex digits of sha256.'),
    claims: z.number().int().describe('Claims it gave.'),
    noise: z.number().int().describe('Noise flags in it.'),
    rejected: z.number().int().describe('Figures read in it but not taken as claims.'),
  }).describe('An article the output folder holds.')).describe('The articles the output folder holds, by path.'),
  failed: z.array(problem.describe('An article that failed.')).describe('The latest run\'s failures, with reasons, by path.'),
  warnings: z.array(problem.describe('A warning about an article that was processed.')).describe('Metadata that was ignored (bad front matter or sidecar), by article path; the articles themselves were processed.'),
  claims: z.number().int().describe('Claims in claims.jsonl.'),
  /** Present when the run applied a decisions file (`--decisions`). */
  decisions: decisionsReportSchema.optional(),
}).describe('The articles the output folder holds and what the latest run could not do.');
export type RunFile = z.infer<typeof runSchema>;
