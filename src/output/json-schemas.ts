/** JSON Schemas of the output files, generated from the zod schemas (never written by hand). */
import { z } from 'zod';
import { claimSchema, articleReportSchema } from '../records.js';
import { graphSchema } from '../graph/schema.js';
import { runSchema } from './run-schema.js';
import { manifestSchema } from './manifest.js';

export function jsonSchemas(): Record<string, unknown> {
  return {
    'claim.schema.json': z.toJSONSchema(claimSchema),
    'graph.schema.json': z.toJSONSchema(graphSchema),
    'manifest.schema.json': z.toJSONSchema(manifestSchema),
    'noise.schema.json': z.toJSONSchema(articleReportSchema),
    'run.schema.json': z.toJSONSchema(runSchema),
  };
}
