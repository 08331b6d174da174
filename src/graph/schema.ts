/** zod schema of output/graph.json: nodes (articles, entities, claims, groups) and edges. */
import { z } from 'zod';

export const graphNodeSchema = z.discriminatedUnion('type', [
  /** `path` is the article's first path in sort order (its claims carry it); `sources` every path
   * its identical text was found at (syndicated copies are one article, not several). */
  z.strictObject({ type: z.literal('article'), id: z.string(), path: z.string(), sources: z.array(z.string()), sha256: z.string(), claims: z.number().int() }),
  z.strictObject({ type: z.literal('entity'), id: z.string(), name: z.string(), kind: z.string(), parent: z.string().nullable() }),
  z.strictObject({
    type: z.literal('claim'), id: z.string(), quote: z.string(), metric: z.string().nullable(), kind: z.string().nullable(),
    value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), bound: z.string().nullable(), unit: z.string().nullable(),
    time: z.string().nullable(), modality: z.string(), rule: z.string(),
  }),
  z.strictObject({
    type: z.literal('group'), id: z.string(), subject: z.string(), metric: z.string(), unit: z.string(), period: z.string(),
    status: z.string(), reason: z.string(), members: z.number().int(), articles: z.number().int(),
  }),
  /** One figure stated for several subjects: a hub its claims point at with same-figure-as. */
  z.strictObject({
    type: z.literal('figure'), id: z.string(), kind: z.string(), unit: z.string(), value: z.number(),
    subjects: z.number().int(), claims: z.number().int(), reason: z.string(), review: z.boolean(),
  }),
]);

export const graphEdgeSchema = z.strictObject({
  type: z.enum(['stated-in', 'about', 'member-of', 'part-of', 'corroborates', 'consistent-with', 'in-tension-with', 'conflicts-with', 'same-figure-as']),
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
  review: z.boolean(),
});

export const graphSchema = z.strictObject({
  pipeline: z.string(),
  rules: z.string(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type Graph = z.infer<typeof graphSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
