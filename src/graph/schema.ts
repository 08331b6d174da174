/** zod schema of output/graph.json: nodes (articles, entities, claims, groups) and edges. */
import { z } from 'zod';

const id = (what: string) => z.string().describe(`The node's id: "${what}:" and the ${what}'s own id.`);

export const graphNodeSchema = z.discriminatedUnion('type', [
  /** `path` is the article's first path in sort order (its claims carry it); `sources` every path
   * its identical text was found at (syndicated copies are one article, not several). */
  z.strictObject({
    type: z.literal('article').describe('An article.'),
    id: id('article'),
    path: z.string().describe('Its first path in sort order; its claims carry it.'),
    sources: z.array(z.string()).describe('Every path its identical text was found at (syndicated copies are one article).'),
    sha256: z.string().describe('sha256 of its bytes.'),
    claims: z.number().int().describe('Claims it gave.'),
  }).describe('An article.'),
  z.strictObject({
    type: z.literal('entity').describe('An entity claims are about.'),
    id: id('entity'),
    name: z.string().describe('Its name.'),
    kind: z.string().describe('org, person, place, product, group or thing.'),
    parent: z.string().nullable().describe('The node id of the entity it is part of, or null.'),
  }).describe('An entity claims are about.'),
  z.strictObject({
    type: z.literal('claim').describe('A claim (its full record is the line of claims.jsonl with the same id).'),
    id: id('claim'),
    quote: z.string().describe('The figure as written, or for a qualitative claim what it says.'),
    metric: z.string().nullable().describe('What the figure measures, or null.'),
    kind: z.string().nullable().describe('The figure\'s kind, or null for a qualitative claim.'),
    value: z.number().nullable().describe('The figure as a number, or null.'),
    low: z.number().nullable().describe('The lower end it allows, or null.'),
    high: z.number().nullable().describe('The upper end it allows, or null.'),
    bound: z.string().nullable().describe('exact, approx, at_least, at_most or range; null for a qualitative claim.'),
    unit: z.string().nullable().describe('The figure\'s unit, or null.'),
    time: z.string().nullable().describe('When the claim holds (resolved when the article is dated), or null.'),
    modality: z.string().describe('asserted, reported, projected or hedged.'),
    rule: z.string().describe('The rule that made it.'),
  }).describe('A claim.'),
  z.strictObject({
    type: z.literal('group').describe('Claims about one thing: one subject, metric, unit family and period.'),
    id: id('group'),
    subject: z.string().describe('The subject\'s id.'),
    metric: z.string().describe('The metric, or "(none)".'),
    unit: z.string().describe('The unit family ("money:USD", "measure:length").'),
    period: z.string().describe('The time or period, or "(unstated)".'),
    status: z.string().describe('single, corroborated, restated, consistent, in tension or conflicting.'),
    reason: z.string().describe('Why, in words and numbers.'),
    members: z.number().int().describe('Claims in the group.'),
    articles: z.number().int().describe('Independent articles among them.'),
    latest: z.string().optional().describe('The claim (node id) from the most recently published article; present when the group has several claims and any is dated.'),
    published: z.string().optional().describe('The day that article was published (with latest).'),
  }).describe('A reconciliation group.'),
  /** One figure stated for several subjects: a hub its claims point at with same-figure-as. */
  z.strictObject({
    type: z.literal('figure').describe('One specific figure stated for several subjects: a possible misattribution.'),
    id: id('figure'),
    kind: z.string().describe('The figure\'s kind.'),
    unit: z.string().describe('Its unit family.'),
    value: z.number().describe('The figure.'),
    subjects: z.number().int().describe('Subjects it is stated for.'),
    claims: z.number().int().describe('Claims that state it.'),
    reason: z.string().describe('Why it is flagged.'),
    review: z.boolean().describe('Always true: a person should look.'),
  }).describe('A shared-figure hub.'),
]).describe('A node: an article, entity, claim, group or figure.');

export const graphEdgeSchema = z.strictObject({
  type: z.enum(['stated-in', 'about', 'member-of', 'part-of', 'corroborates', 'consistent-with', 'in-tension-with', 'conflicts-with', 'same-figure-as']).describe('What the edge says.'),
  from: z.string().describe('The node id it starts at.'),
  to: z.string().describe('The node id it points to.'),
  reason: z.string().nullable().describe('Why, in words and numbers, or null.'),
  review: z.boolean().describe('True where a person should look (tensions, conflicts, shared figures).'),
  newer: z.string().optional().describe('On a tension or conflict between articles published on different days: the claim (node id) from the newer one.'),
}).describe('An edge between two nodes.');

export const graphSchema = z.strictObject({
  format: z.string().describe('The output format version ("claims/2", CHANGELOG.md).'),
  pipeline: z.string().describe('The pipeline\'s version.'),
  rules: z.string().describe('The first 16 hex digits of the rules\' hash.'),
  nodes: z.array(graphNodeSchema).describe('Articles, then claims, entities, groups and figures.'),
  edges: z.array(graphEdgeSchema).describe('Edges, by type.'),
}).describe('The claims graph.');

export type Graph = z.infer<typeof graphSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
