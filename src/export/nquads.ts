/**
 * claims.nq: the linked-data model (linked-data.ts) as N-Quads, for triple stores (Jena, Oxigraph,
 * GraphDB, rdflib) — every triple in the default graph, so a store loads it into whichever named
 * graph it is given. Terms are serialized by N3.js's Writer (its escaping of IRIs and literals),
 * a claim's ~40 quads at a time through quadsToString: N3's StreamWriter, an object-mode stream
 * of single quads, costs several times more per quad and a million claims make 40 million.
 */
import { DataFactory, Writer, type Quad } from 'n3';
import { exportStream, runFile, writeChunk } from './read.js';
import { linkedDataNodes, triples, XSD_STRING } from './linked-data.js';

const { namedNode, literal, quad } = DataFactory;

/** Writes `path` from the run in `out`; returns the number of claims and of quads written. */
export async function writeNquads(out: string, path: string): Promise<{ claims: number; quads: number }> {
  runFile(out, 'claims.jsonl'); // a missing run fails before a file is made
  const file = await exportStream(path);
  const writer = new Writer({ format: 'N-Quads' });
  let claims = 0, count = 0;
  try {
    let batch: Quad[] = [];
    let chunk = '';
    for (const node of linkedDataNodes(out, () => claims++)) {
      for (const [s, p, o] of triples(node)) {
        // An xsd:string literal is written plain ("…"), as N-Quads reads a plain literal.
        const object = typeof o === 'string' ? namedNode(o) : literal(o.value, o.datatype === XSD_STRING ? undefined : namedNode(o.datatype));
        batch.push(quad(namedNode(s), namedNode(p), object));
      }
      count += batch.length;
      chunk += writer.quadsToString(batch);
      batch = [];
      // Written in pieces of ~64 KB, waiting when the file's buffer is full.
      if (chunk.length > 1 << 16) chunk = (await writeChunk(file.stream, chunk), '');
    }
    await writeChunk(file.stream, chunk);
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return { claims, quads: count };
}
