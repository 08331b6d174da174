/**
 * graph.graphml: graph.json's nodes and edges as GraphML, for Gephi, networkx, igraph and yEd,
 * written one node or edge at a time, so memory stays flat however large the graph.
 *
 * Written by hand, not by an XML library: xmlbuilder2's streaming builder (tried first) spends
 * ~50 µs per element, 20 minutes for a million claims. What the XML needs is small and fixed:
 * element and attribute names are the constants below, so only values are escaped (`xml()`), and
 * the test reads the file back with an XML parser.
 *
 * GraphML declares every attribute up front with one type, and readers fail on a value that
 * is not of it; so each graph.json field has one <key> here, and a null field is left out of its
 * node or edge (no <data>) instead of being written as "null" or "".
 */
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
  latest: 'string', published: 'string',
};
const EDGE_KEYS: Record<string, GraphmlType> = { type: 'string', reason: 'string', review: 'boolean', newer: 'string' };

/** Characters XML 1.0 cannot hold at all (C0 controls, lone surrogates): replaced by U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Markup characters, and the white space a parser would normalize (CR always; tab and newline
 * in attribute values), as character references, so every value reads back exactly. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** A value as element text or (quoted) attribute value. */
function xml(value: unknown, attribute = false): string {
  // sources (an article's paths) is the one array: its paths, one per line.
  const text = (Array.isArray(value) ? value.join('\n') : String(value)).replace(NOT_XML, '\uFFFD');
  return text.replace(attribute ? /[&<>"\r\n\t]/g : /[&<>\r]/g, (c) => ESCAPES[c]);
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
  const items = graphItems(out);
  const first = items.next(); // a missing graph.json fails here, before a file is made
  const file = await exportStream(path);
  let nodes = 0, edges = 0;
  const data = (prefix: string, record: Record<string, unknown>) => {
    let s = '';
    for (const [k, v] of Object.entries(record)) if (v !== null && v !== undefined) s += `\n      <data key="${prefix}_${k}">${xml(v)}</data>`;
    return s;
  };
  try {
    let chunk = '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">';
    // Key ids are unique across domains (n_type, e_type); their names are graph.json's fields.
    for (const [domain, keys] of [['node', NODE_KEYS], ['edge', EDGE_KEYS]] as const) {
      for (const [name, type] of Object.entries(keys)) chunk += `\n  <key id="${domain[0]}_${name}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`;
    }
    chunk += '\n  <graph id="claims" edgedefault="directed">';
    for (let item = first; !item.done; item = items.next()) {
      const { node, edge } = item.value;
      if (node) {
        const { id, ...rest } = node;
        chunk += `\n    <node id="${xml(id, true)}">${data('n', { ...rest, label: label(node) })}\n    </node>`;
        nodes++;
      } else {
        const { from, to, ...rest } = edge as GraphEdge;
        chunk += `\n    <edge id="e${edges}" source="${xml(from, true)}" target="${xml(to, true)}">${data('e', rest)}\n    </edge>`;
        edges++;
      }
      // Written in pieces of ~64 KB, waiting when the file's buffer is full.
      if (chunk.length > 1 << 16) chunk = (await writeChunk(file.stream, chunk), '');
    }
    await writeChunk(file.stream, `${chunk}\n  </graph>\n</graphml>\n`);
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return { nodes, edges };
}
