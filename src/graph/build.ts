/**
 * The claims graph: articles, entities, claims and reconciliation groups as nodes; stated-in,
 * about, member-of, part-of (entity parents) and the reconciliation relations as edges. Node ids
 * are prefixed by type so one id space holds them all.
 *
 * The graph is produced as a stream of sorted, validated pieces (one node or edge a line), never
 * as one object: on a year of news it is larger than memory should hold at once.
 */
import type { ClaimSummary } from '../reconcile/summary.js';
import type { Reconciliation } from '../reconcile/reconcile.js';
import { graphEdgeSchema, graphNodeSchema, type GraphEdge, type GraphNode } from './schema.js';

export interface ArticleInfo {
  path: string;
  sha256: string;
  id: string;
  claims: number;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byEdge = (a: GraphEdge, b: GraphEdge) => (a.from + a.to < b.from + b.to ? -1 : a.from + a.to > b.from + b.to ? 1 : 0);

/** Node and edge types in the order they are written (ids and types sort this way). */
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

function edgesOfType(type: GraphEdge['type'], claims: ClaimSummary[], entities: GraphNode[], rec: Reconciliation): GraphEdge[] {
  const edge = (from: string, to: string, reason: string | null = null, review = false): GraphEdge => ({ type, from, to, reason, review });
  switch (type) {
    case 'stated-in': return claims.map((c) => edge(`claim:${c.id}`, `article:${c.source.article}`));
    case 'about': return claims.filter((c) => c.subject).map((c) => edge(`claim:${c.id}`, `entity:${c.subject!.id}`,
      c.subject!.via === 'lexicon' ? null : `subject found by ${c.subject!.via} from "${c.subject!.mention}"`));
    case 'member-of': return rec.groups.flatMap((g) => g.members.map((m) => edge(`claim:${m}`, `group:${g.id}`)));
    case 'part-of': return entities.flatMap((n) => (n.type === 'entity' && n.parent ? [edge(n.id, n.parent)] : []));
    default: return rec.relations.filter((r) => r.type === type).map((r) => edge(`claim:${r.from}`, `claim:${r.to}`, r.reason, r.review));
  }
}

/** The graph as JSON text pieces, in order; concatenated they are graph.json. */
export function* graphJson(articles: ArticleInfo[], claims: ClaimSummary[], rec: Reconciliation, versions: { pipeline: string; rules: string }): Generator<string> {
  yield `{"pipeline":${JSON.stringify(versions.pipeline)},"rules":${JSON.stringify(versions.rules)},"nodes":[`;
  let first = true;
  const piece = (value: unknown) => {
    const text = (first ? '\n' : ',\n') + JSON.stringify(value);
    first = false;
    return text;
  };
  const articleNodes: GraphNode[] = articles.map((a) => ({ type: 'article', id: `article:${a.id}`, path: a.path, sha256: a.sha256, claims: a.claims }));
  for (const n of articleNodes.sort(byId)) yield piece(graphNodeSchema.parse(n));
  for (const c of [...claims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) yield piece(graphNodeSchema.parse(claimNode(c)));
  const entities = entityNodes(claims);
  for (const n of entities) yield piece(graphNodeSchema.parse(n));
  const groups: GraphNode[] = rec.groups.map((g) => ({ type: 'group', id: `group:${g.id}`, subject: g.key.subject, metric: g.key.metric, unit: g.key.unit, period: g.key.period, status: g.status, reason: g.reason, members: g.members.length }));
  for (const n of groups.sort(byId)) yield piece(graphNodeSchema.parse(n));
  yield '\n],"edges":[';
  first = true;
  for (const type of EDGE_TYPES) {
    for (const e of edgesOfType(type, claims, entities, rec).sort(byEdge)) yield piece(graphEdgeSchema.parse(e));
  }
  yield '\n]}\n';
}
