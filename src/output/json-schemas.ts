/** JSON Schemas of the output files, generated from the zod schemas (never written by hand).
 * Each gets an `$id` carrying the format version (records.ts), a title, and the
 * description of its zod schema; every field's description comes from its `.describe()`. */
import { z } from 'zod';
import { claimSchema, articleReportSchema } from '../records.js';
import { graphSchema } from '../graph/schema.js';
import { runSchema } from './run-schema.js';
import { manifestSchema } from './manifest.js';
import { FORMAT, schemaId } from '../records.js';

const SCHEMAS: [file: string, title: string, schema: z.ZodType][] = [
  ['claim.schema.json', 'A line of claims.jsonl', claimSchema],
  ['graph.schema.json', 'graph.json', graphSchema],
  ['manifest.schema.json', 'manifest.json', manifestSchema],
  ['noise.schema.json', 'A line of noise.jsonl', articleReportSchema],
  ['run.schema.json', 'run.json', runSchema],
];

export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(SCHEMAS.map(([file, title, schema]) => {
    const { $schema, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
    return [file, { $schema, $id: schemaId(file.replace(/\.schema\.json$/, '')), title: `${title} (output format ${FORMAT})`, ...rest }];
  }));
}
