/**
 * The claims graph: articles, entities, claims, reconciliation groups and shared-figure hubs as
 * nodes; stated-in, about, member-of, part-of (entity parents), the pair relations and
 * same-figure-as (claim → figure hub) as edges. Node ids are prefixed by type so one id space
 * holds them all.
 *
 * The graph is produced as a stream of validated pieces (one node or edge a line), never as one
 * object: on a year of news it is larger than memory should hold at once. Reconciliation's nodes
 * and edges are read back from its spools in its order (group key, figure, id); the rest is
 * sorted by id here. Either way the order is a function of the input alone.
 */
import type { ClaimSummary } from '../reconcile/summary.js';
import { records, type Reconciliation, type Relation, type Group, type FigureHub, type FigureLink } from '../reconcile/reconcile.js';
import { graphEdgeSchema, graphNodeSchema, type GraphEdge, type GraphNode } from './schema.js';
import { FORMAT } from '../records.js';

export interface ArticleInfo {
  path: string;
  /** Every path the identical text was found at, sorted (path is the first). */
  sources: string[];
  sha256: string;
  id: string;
  claims: number;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byEdge = (a: GraphEdge, b: GraphEdge) => (a.from + a.to < b.from + b.to ? -1 : a.from + a.to > b.from + b.to ? 1 : 0);

/** Edge types in the order they are written. */
const EDGE_TYPES: GraphEdge['type'][] = ['about', 'conflicts-with', 'consistent-with', 'corroborates', 'in-tension-with', 'member-of', 'part-of', 'same-figure-as', 'stated-in'];

function claimNode(c: ClaimSummary): GraphNode {
  const q = c.quantity;
  return {
    type: 'claim', id: `claim:${c.id}`, quote: q?.quote ?? c.predicate ?? '', metric: c.metric, kind: q?.kind ?? null, value: q?.value ?? null,
    low: q?.low ?? null, high: q?.high ?? null, bound: q?.bound ?? null, unit: q?.unit ?? null, time: c.time, modality: c.modality, rule: c.rule,
  };
}

function entityNodes(claims: ClaimSummary[]): GraphNode[] {
  const nodes = new Map<string, GraphNode>();
  for (const c of claims) {
    if (!c.subject) continue;
    const id = `entity:${c.subject.id}`;
    if (!nodes.has(id)) nodes.set(id, { type: 'entity', id, name: c.subject.name, kind: c.subject.kind, parent: c.subject.parent ? `entity:${c.subject.parent}` : null });
  }
  for (const n of [...nodes.values()]) {
    // A parent named only as a parent ("alphabet") still gets a node, so part-of edges resolve.
    if (n.type === 'entity' && n.parent && !nodes.has(n.parent)) nodes.set(n.parent, { type: 'entity', id: n.parent, name: n.parent.slice('entity:'.length), kind: 'org', parent: null });
  }
  return [...nodes.values()].sort(byId);
}

const edge = (type: GraphEdge['type'], from: string, to: string, reason: string | null = null, review = false): GraphEdge => ({ type, from, to, reason, review });

/** The edges of one type, in the order they are written. */
async function* edgesOfType(type: GraphEdge['type'], claims: ClaimSummary[], entities: GraphNode[], rec: Reconciliation): AsyncGenerator<GraphEdge> {
  switch (type) {
    case 'stated-in': yield* claims.map((c) => edge(type, `claim:${c.id}`, `article:${c.source.article}`)).sort(byEdge); return;
    case 'about': yield* claims.filter((c) => c.subject).map((c) => edge(type, `claim:${c.id}`, `entity:${c.subject!.id}`,
      c.subject!.via === 'lexicon' ? null : `subject found by ${c.subject!.via} from "${c.subject!.mention}"`)).sort(byEdge); return;
    case 'part-of': yield* entities.flatMap((n) => (n.type === 'entity' && n.parent ? [edge(type, n.id, n.parent)] : [])).sort(byEdge); return;
    case 'member-of':
      for await (const [claim, group] of records<[string, string]>(rec.members)) yield edge(type, `claim:${claim}`, `group:${group}`);
      return;
    case 'same-figure-as':
      for await (const l of records<FigureLink>(rec.links)) yield edge(type, `claim:${l.from}`, `figure:${l.to}`, l.reason, true);
      return;
    default:
      for await (const r of records<Relation>(rec.relations[type])) {
        const e = edge(type, `claim:${r.from}`, `claim:${r.to}`, r.reason, r.review);
        yield r.newer ? { ...e, newer: `claim:${r.newer}` } : e;
      }
  }
}

/** The graph as JSON text pieces, in order; concatenated they are graph.json. */
export async function* graphJson(articles: ArticleInfo[], claims: ClaimSummary[], rec: Reconciliation, versions: { pipeline: string; rules: string }): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(FORMAT)},"pipeline":${JSON.stringify(versions.pipeline)},"rules":${JSON.stringify(versions.rules)},"nodes":[`;
  let first = true;
  const piece = (value: unknown) => {
    const text = (first ? '\n' : ',\n') + JSON.stringify(value);
    first = false;
    return text;
  };
  const articleNodes: GraphNode[] = articles.map((a) => ({ type: 'article', id: `article:${a.id}`, path: a.path, sources: a.sources, sha256: a.sha256, claims: a.claims }));
  for (const n of articleNodes.sort(byId)) yield piece(graphNodeSchema.parse(n));
  const sorted = [...claims].sort(byId);
  for (const c of sorted) yield piece(graphNodeSchema.parse(claimNode(c)));
  const entities = entityNodes(sorted);
  for (const n of entities) yield piece(graphNodeSchema.parse(n));
  for await (const g of records<Group>(rec.groups)) {
    yield piece(graphNodeSchema.parse({ type: 'group', id: `group:${g.id}`, subject: g.key.subject, metric: g.key.metric, unit: g.key.unit, period: g.key.period, status: g.status, reason: g.reason, members: g.members, articles: g.articles, ...(g.latest ? { latest: `claim:${g.latest.claim}`, published: g.latest.published } : {}) }));
  }
  for await (const h of records<FigureHub>(rec.hubs)) {
    yield piece(graphNodeSchema.parse({ type: 'figure', id: `figure:${h.id}`, kind: h.kind, unit: h.unit, value: h.value, subjects: h.subjects, claims: h.claims, reason: h.reason, review: true }));
  }
  yield '\n],"edges":[';
  first = true;
  for (const type of EDGE_TYPES) {
    for await (const e of edgesOfType(type, sorted, entities, rec)) yield piece(graphEdgeSchema.parse(e));
  }
  yield '\n]}\n';
}
