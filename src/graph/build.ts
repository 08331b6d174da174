/**
 * The claims graph: articles, entities, claims and reconciliation groups as nodes; stated-in,
 * about, member-of, part-of (entity parents) and the reconciliation relations as edges. Node ids
 * are prefixed by type so one id space holds them all; everything is sorted for stable bytes.
 */
import type { ClaimSummary } from '../reconcile/summary.js';
import type { Reconciliation } from '../reconcile/reconcile.js';
import type { Graph, GraphEdge, GraphNode } from './schema.js';

export interface ArticleInfo {
  path: string;
  sha256: string;
  id: string;
  claims: number;
}

export function buildGraph(articles: ArticleInfo[], claims: ClaimSummary[], rec: Reconciliation, versions: { pipeline: string; rules: string }): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edge = (type: GraphEdge['type'], from: string, to: string, reason: string | null = null, review = false) => edges.push({ type, from, to, reason, review });
  for (const a of articles) nodes.set(`article:${a.id}`, { type: 'article', id: `article:${a.id}`, path: a.path, sha256: a.sha256, claims: a.claims });
  for (const c of claims) {
    const id = `claim:${c.id}`;
    const q = c.quantity;
    nodes.set(id, {
      type: 'claim', id, quote: q?.quote ?? c.predicate ?? '', metric: c.metric, kind: q?.kind ?? null, value: q?.value ?? null, low: q?.low ?? null,
      high: q?.high ?? null, bound: q?.bound ?? null, unit: q?.unit ?? null, time: c.time, modality: c.modality, rule: c.rule,
    });
    edge('stated-in', id, `article:${c.source.article}`);
    if (c.subject) {
      const eid = `entity:${c.subject.id}`;
      if (!nodes.has(eid)) nodes.set(eid, { type: 'entity', id: eid, name: c.subject.name, kind: c.subject.kind, parent: c.subject.parent ? `entity:${c.subject.parent}` : null });
      edge('about', id, eid, c.subject.via === 'lexicon' ? null : `subject found by ${c.subject.via} from "${c.subject.mention}"`);
    }
  }
  for (const n of [...nodes.values()]) {
    if (n.type === 'entity' && n.parent) {
      if (!nodes.has(n.parent)) nodes.set(n.parent, { type: 'entity', id: n.parent, name: n.parent.slice('entity:'.length), kind: 'org', parent: null });
      edge('part-of', n.id, n.parent);
    }
  }
  for (const g of rec.groups) {
    const id = `group:${g.id}`;
    nodes.set(id, { type: 'group', id, subject: g.key.subject, metric: g.key.metric, unit: g.key.unit, period: g.key.period, status: g.status, reason: g.reason, members: g.members.length });
    for (const m of g.members) edge('member-of', `claim:${m}`, id);
  }
  for (const r of rec.relations) edge(r.type, `claim:${r.from}`, `claim:${r.to}`, r.reason, r.review);
  const sortedNodes = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  edges.sort((a, b) => (a.type + a.from + a.to < b.type + b.from + b.to ? -1 : a.type + a.from + a.to > b.type + b.from + b.to ? 1 : 0));
  return { pipeline: versions.pipeline, rules: versions.rules, nodes: sortedNodes, edges };
}
