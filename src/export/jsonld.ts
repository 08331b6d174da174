/**
 * claims.jsonld: the linked-data model (linked-data.ts) as one JSON-LD document — a fixed
 * @context written in the file (so reading it fetches nothing), then an @graph array of node
 * objects, one per line, streamed as claims.jsonl is read. No JSON-LD library is needed to write
 * it: the shapes are fixed and JSON.stringify does the escaping; the test converts it to RDF with
 * the `jsonld` package and finds the triples of claims.nq.
 *
 * Plain JSON readers get readable records too: each claim is a Web Annotation in the W3C
 * context's own names (target, source, selector, start, end, exact, prefix, suffix) with its
 * fields beside them; numbers are JSON numbers.
 */
import { exportStream, runFile, writeChunk } from './read.js';
import { jsonldContext, linkedDataNodes } from './linked-data.js';

/** Writes `path` from the run in `out`; returns the number of claims written. */
export async function writeJsonld(out: string, path: string): Promise<number> {
  runFile(out, 'claims.jsonl'); // a missing run fails before a file is made
  const file = await exportStream(path);
  let claims = 0;
  try {
    let chunk = `{"@context":${JSON.stringify(jsonldContext(), null, 1)},\n"@graph":[`;
    let separator = '\n';
    for (const node of linkedDataNodes(out, () => claims++)) {
      chunk += separator + JSON.stringify(node);
      separator = ',\n';
      if (chunk.length > 1 << 16) chunk = (await writeChunk(file.stream, chunk), '');
    }
    await writeChunk(file.stream, `${chunk}\n]}\n`);
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return claims;
}
