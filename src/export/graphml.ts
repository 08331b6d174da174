/**
 * graph.graphml: graph.json's nodes and edges as GraphML, for Gephi, networkx, igraph and yEd.
 * Written by xmlbuilder2's streaming (callback) builder, which escapes and checks names and
 * text; one node or edge at a time, so memory stays flat however large the graph.
 *
 * GraphML declares every attribute up front with one type, and readers fail on a value that
 * is not of it; so each graph.json field has one <key> here, and a null field is left out of its
 * node or edge (no <data>) instead of being written as "null" or "".
 */
import { createCB } from 'xmlbuilder2';
import type { GraphEdge, GraphNode } from '../graph/schema.js';
import { exportStream, graphItems, writeChunk } from './read.js';

type GraphmlType = 'string' | 'int' | 'double' | 'boolean';

/** Node attributes (the union over article, entity, claim, group and figure nodes) and edge
 * attributes: graph.json's field → GraphML type. `label` is made here, for Gephi's labels. */
const NODE_KEYS: Record<string, GraphmlType> = {
  type: 'string', label: 'string', path: 'string', sources: 'string', sha256: 'string', claims: 'int',
  name: 'string', kind: 'string', parent: 'string', quote: 'string', metric: 'string',
  value: 'double', low: 'double', high: 'double', bound: 'string', unit: 'string', time: 'string', modality: 'string', rule: 'string',
  subject: 'string', period: 'string', status: 'string', reason: 'string', members: 'int', articles: 'int', subjects: 'int', review: 'boolean',
};
const EDGE_KEYS: Record<string, GraphmlType> = { type: 'string', reason: 'string', review: 'boolean' };

/** Characters XML 1.0 cannot hold at all (C0 controls, lone surrogates): replaced by U+FFFD,
 * as the builder refuses them. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: unknown): string {
  // sources (an article's paths) is the one array: its paths, one per line.
  return (Array.isArray(value) ? value.join('\n') : String(value)).replace(NOT_XML, '\uFFFD');
}

function label(n: GraphNode): string {
  switch (n.type) {
    case 'article': return n.path;
    case 'entity': return n.name;
    case 'claim': return n.quote;
    case 'group': return `${n.subject} · ${n.metric}`;
    case 'figure': return `${n.value} ${n.unit}`;
  }
}

/** Writes `path` from graph.json in `out`; returns the number of nodes and edges written. */
export async function writeGraphml(out: string, path: string): Promise<{ nodes: number; edges: number }> {
  const items = graphItems(out); // opened first: a missing graph.json fails before a file is made
  const first = items.next();
  const file = await exportStream(path);
  const pending: string[] = [];
  const flush = async () => {
    if (pending.length) await writeChunk(file.stream, pending.splice(0).join(''));
  };
  let nodes = 0, edges = 0;
  try {
    const xml = createCB({ prettyPrint: true, wellFormed: true });
    let failed: Error | null = null;
    xml.on('data', (chunk) => void pending.push(chunk)).on('error', (err) => { failed = err; });
    xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', { xmlns: 'http://graphml.graphdrawing.org/xmlns' });
    // Key ids are unique across domains (n_type, e_type), their names are graph.json's fields.
    for (const [domain, keys] of [['node', NODE_KEYS], ['edge', EDGE_KEYS]] as const) {
      for (const [name, type] of Object.entries(keys)) xml.ele('key', { id: `${domain[0]}_${name}`, for: domain, 'attr.name': name, 'attr.type': type }).up();
    }
    xml.ele('graph', { id: 'claims', edgedefault: 'directed' });
    const data = (prefix: string, record: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(record)) if (v !== null && v !== undefined) xml.ele('data', { key: `${prefix}_${k}` }).txt(text(v)).up();
    };
    for (let item = first; !item.done; item = items.next()) {
      const { node, edge } = item.value;
      if (node) {
        const { id, ...rest } = node;
        xml.ele('node', { id: text(id) });
        data('n', { ...rest, label: label(node) });
        xml.up();
        nodes++;
      } else {
        const { from, to, ...rest } = edge as GraphEdge;
        xml.ele('edge', { id: `e${edges}`, source: text(from), target: text(to) });
        data('e', rest);
        xml.up();
        edges++;
      }
      if (failed) throw failed;
      await flush();
    }
    xml.up().up().end();
    if (failed) throw failed;
    await flush();
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return { nodes, edges };
}
