/**
 * neo4j/: graph.json in the CSV layout `neo4j-admin database import full` reads — one node file
 * per node type (articles, entities, claims, groups, figures), one relationships file, and
 * import.sh with the command. Streamed from graph.json a node or edge at a time, each file
 * batched through csv-stringify (RFC 4180 quoting, which neo4j-admin reads; `--multiline-fields`
 * because a quote may hold a line break), and written into a temp folder renamed into place, so
 * export/ never holds half of it.
 *
 * Headers: `id:ID(claims)` — graph.json's ids are prefixed by type (article:…, claim:…), so one
 * id space holds them all and the id is kept as the `id` property; `:LABEL` the node type
 * (Article, Entity, Claim, Group, Figure); typed properties (`value:double`, `claims:int`,
 * `review:boolean`, `sources:string[]`). Relationships: `:START_ID(claims)`, `:END_ID(claims)`,
 * `:TYPE` (graph.json's edge type in Neo4j's style: stated-in → STATED_IN), reason, review.
 * An empty cell is no property (graph.json's null). No formula guard: these files are for the
 * importer, not a spreadsheet, and must hold the text as it is.
 */
import { stringify } from 'csv-stringify/sync';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { tempPath } from '../output/atomic.js';
import type { GraphEdge, GraphNode } from '../graph/schema.js';
import { graphItems, writeChunk } from './read.js';

/** The id space of every node (neo4j-admin's `:ID(space)`). */
export const ID_SPACE = 'claims';
/** Between an article's paths in `sources:string[]`: the unit separator, as a path may hold
 * neo4j-admin's default `;`. import.sh passes it as --array-delimiter. */
export const ARRAY_DELIMITER = '\u001F';

type NodeType = GraphNode['type'];
/** graph.json field → Neo4j header type ('' is a string). */
type Columns = Record<string, '' | 'int' | 'double' | 'boolean' | 'string[]'>;

/** Per node type: file, label and property columns (every graph.json field but type and id). */
export const NODE_FILES: Record<NodeType, { file: string; label: string; columns: Columns }> = {
  article: { file: 'articles.csv', label: 'Article', columns: { path: '', sources: 'string[]', sha256: '', claims: 'int' } },
  entity: { file: 'entities.csv', label: 'Entity', columns: { name: '', kind: '', parent: '' } },
  claim: { file: 'claims.csv', label: 'Claim', columns: { quote: '', metric: '', kind: '', value: 'double', low: 'double', high: 'double', bound: '', unit: '', time: '', modality: '', rule: '' } },
  group: { file: 'groups.csv', label: 'Group', columns: { subject: '', metric: '', unit: '', period: '', status: '', reason: '', members: 'int', articles: 'int' } },
  figure: { file: 'figures.csv', label: 'Figure', columns: { kind: '', unit: '', value: 'double', subjects: 'int', claims: 'int', reason: '', review: 'boolean' } },
};
export const RELATIONSHIPS_FILE = 'relationships.csv';
const EDGE_COLUMNS: Columns = { reason: '', review: 'boolean' };

/** stated-in → STATED_IN, Neo4j's convention for relationship types. */
export const relationshipType = (type: GraphEdge['type']) => type.toUpperCase().replaceAll('-', '_');

const header = (columns: Columns) => Object.entries(columns).map(([name, type]) => (type ? `${name}:${type}` : name));

/** Rows buffered per file before they are quoted and written: one stringify call per batch
 * instead of one per row, and a bounded buffer per file. */
const BATCH = 2000;

/** One CSV file of the folder: rows are buffered, quoted in batches and written with backpressure. */
class CsvFile {
  private rows: unknown[][] = [];
  private readonly stream: WriteStream;
  count = 0;

  constructor(path: string, header: string[]) {
    this.stream = createWriteStream(path, { flags: 'wx' });
    this.rows.push(header);
  }

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    // Booleans as true/false (neo4j's boolean); null and undefined are empty cells (no property).
    const text = stringify(this.rows, { cast: { boolean: (b) => String(b) } });
    this.rows = [];
    await writeChunk(this.stream, text);
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  destroy(): void {
    this.stream.destroy();
  }
}

/** The import command for the files of the folder, run from it. */
function importScript(): string {
  const nodes = Object.values(NODE_FILES).map(({ file }) => `  --nodes="$here/${file}" \\`).join('\n');
  return `#!/bin/sh
# Loads this folder into a new Neo4j database (Neo4j 5, the database stopped or not yet made):
#   sh import.sh [database] [neo4j-admin options]     (default database: neo4j)
# An existing database is refused; add --overwrite-destination=true to replace it.
# Written by \`claims export --format neo4j\`.
set -e
here=$(cd "$(dirname "$0")" && pwd)
database=\${1:-neo4j}
if [ $# -gt 0 ]; then shift; fi
neo4j-admin database import full "$database" \\
  --multiline-fields=true \\
  --array-delimiter=U+001F \\
${nodes}
  --relationships="$here/${RELATIONSHIPS_FILE}" \\
  "$@"
`;
}

/** Writes the folder `path` from graph.json in `out`; returns the number of nodes and relationships. */
export async function writeNeo4j(out: string, path: string): Promise<{ nodes: number; relationships: number }> {
  const items = graphItems(out);
  const first = items.next(); // a missing graph.json fails here, before a folder is made
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  await mkdir(tmp);
  const files = {} as Record<NodeType, CsvFile>;
  let relationships: CsvFile | undefined;
  try {
    for (const [type, { file, columns }] of Object.entries(NODE_FILES) as [NodeType, (typeof NODE_FILES)[NodeType]][]) {
      files[type] = new CsvFile(join(tmp, file), [`id:ID(${ID_SPACE})`, ':LABEL', ...header(columns)]);
    }
    relationships = new CsvFile(join(tmp, RELATIONSHIPS_FILE), [`:START_ID(${ID_SPACE})`, `:END_ID(${ID_SPACE})`, ':TYPE', ...header(EDGE_COLUMNS)]);
    for (let item = first; !item.done; item = items.next()) {
      const { node, edge } = item.value;
      if (node) {
        const { label, columns } = NODE_FILES[node.type];
        const fields = node as Record<string, unknown>;
        await files[node.type].add([node.id, label, ...Object.keys(columns).map((k) => (Array.isArray(fields[k]) ? fields[k].join(ARRAY_DELIMITER) : fields[k]))]);
      } else {
        const e = edge as GraphEdge;
        await relationships.add([e.from, e.to, relationshipType(e.type), e.reason, e.review]);
      }
    }
    for (const f of [...Object.values(files), relationships]) await f.close();
    await writeFile(join(tmp, 'import.sh'), importScript());
    await chmod(join(tmp, 'import.sh'), 0o755);
    await replaceFolder(tmp, path);
  } catch (err) {
    for (const f of [...Object.values(files), relationships]) f?.destroy();
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return { nodes: Object.values(files).reduce((n, f) => n + f.count, 0), relationships: relationships.count };
}

/** Puts the finished folder `tmp` at `path`: the old folder is moved aside first (a folder cannot
 * be renamed over a non-empty one), then removed. A kill in between leaves temp folders, which
 * the next export removes (removeStaleTempFolders). */
async function replaceFolder(tmp: string, path: string): Promise<void> {
  const old = (await stat(path).catch(() => null)) ? tempPath(path) : null;
  if (old) await rename(path, old);
  await rename(tmp, path);
  if (old) await rm(old, { recursive: true, force: true });
}
