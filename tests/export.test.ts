/**
 * `claims export` (issue 13): each format read back by an independent reader — csv-parse for
 * CSV and the Neo4j files, DuckDB for Parquet, fast-xml-parser for GraphML, N3.js's StreamParser
 * for N-Quads, the `jsonld` package for JSON-LD — and compared with claims.jsonl and graph.json:
 * counts, ids and a few values; then the formula guard, characters XML cannot hold, articles
 * that cannot be read again, and the CLI.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { DuckDBInstance } from '@duckdb/node-api';
import { Parser, StreamParser, type Quad } from 'n3';
import jsonld from 'jsonld';
import { createReadStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { exportRun } from '../src/export/index.js';
import { CLAIM_COLUMNS } from '../src/export/columns.js';
import { ARTICLE_STORE, CONTEXT_CHARS } from '../src/export/article-text.js';
import { ID_BASE, VOCAB } from '../src/export/linked-data.js';
import { ARRAY_DELIMITER, NODE_FILES, RELATIONSHIPS_FILE } from '../src/export/neo4j.js';
import { STORE_DIR } from '../src/pipeline/cache.js';
import type { Graph } from '../src/graph/schema.js';
import type { ClaimRecord } from '../src/records.js';
import { articles, corpusDir, readClaims, root, runPipeline, tempDir } from './helpers.js';

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, relax_quotes: false });
// htmlEntities: also decode numeric character references (&#9;), as every XML parser must.
const xml = new XMLParser({ htmlEntities: true, ignoreAttributes: false, attributeNamePrefix: '', textNodeName: 'text', parseTagValue: false, trimValues: false, isArray: (name, _path, _leaf, attribute) => !attribute && ['key', 'node', 'edge', 'data'].includes(name) });
type XmlData = { key: string; text: string };
type XmlGraph = { graphml: { key: { id: string; for: string; 'attr.name': string; 'attr.type': string }[]; graph: { edgedefault: string; node: { id: string; data: XmlData[] }[]; edge: { source: string; target: string; data?: XmlData[] }[] } } };
const readGraphml = (file: string) => xml.parse(readFileSync(file, 'utf8')) as XmlGraph;
const dataOf = (d: XmlData[] = []) => Object.fromEntries(d.map((x) => [x.key, x.text]));

describe('claims export of a corpus run', () => {
  const out = tempDir();
  let claims: ClaimRecord[];
  let graph: Graph;
  beforeAll(async () => {
    await runPipeline([corpusDir], out);
    claims = readClaims(out);
    graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(await exportRun(out, ['csv', 'parquet', 'graphml'])).toEqual([
      { format: 'csv', path: join(out, 'export', 'claims.csv'), what: `${claims.length} claims` },
      { format: 'parquet', path: join(out, 'export', 'claims.parquet'), what: `${claims.length} claims` },
      { format: 'graphml', path: join(out, 'export', 'graph.graphml'), what: `${graph.nodes.length} nodes, ${graph.edges.length} edges` },
    ]);
  });

  test('claims.csv: one row per claim, in order, with the flat columns and their values', () => {
    const rows = readCsv(join(out, 'export', 'claims.csv'));
    expect(Object.keys(rows[0])).toEqual(CLAIM_COLUMNS.map(({ name }) => name));
    expect(rows.map((r) => r.id)).toEqual(claims.map((c) => c.id));
    const figure = claims.findIndex((c) => c.quantity && c.quantity.value !== null && c.subject);
    const [c, r] = [claims[figure], rows[figure]];
    expect(Number(r.value)).toBe(c.quantity!.value);
    expect(r).toMatchObject({ source_path: c.source.path, subject_name: c.subject!.name, unit: c.quantity!.unit, bound: c.quantity!.bound, modality: c.modality, implied: String(c.quantity!.implied), span_start: String(c.span.start) });
    // A null is an empty cell, never "null".
    expect(rows.some((row) => Object.values(row).includes('null'))).toBe(false);
    const noSubject = claims.findIndex((x) => x.subject === null);
    if (noSubject >= 0) expect(rows[noSubject]).toMatchObject({ subject_name: '', subject_reason: claims[noSubject].subjectReason ?? '' });
    // Quotes round-trip exactly (commas, quotes, newlines) unless the formula guard marked them.
    expect(rows.filter((row, i) => row.quote !== claims[i].quote && row.quote !== `'${claims[i].quote}`)).toEqual([]);
  });

  test('claims.parquet: DuckDB reads typed columns, one row per claim, with the values of claims.jsonl', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const file = join(out, 'export', 'claims.parquet').replaceAll("'", "''");
    const types = Object.fromEntries((await db.runAndReadAll(`describe select * from '${file}'`)).getRowObjects().map((r) => [r.column_name, r.column_type]));
    expect(Object.keys(types)).toEqual(CLAIM_COLUMNS.map(({ name }) => name));
    expect(types).toMatchObject({ id: 'VARCHAR', span_start: 'INTEGER', value: 'DOUBLE', low: 'DOUBLE', implied: 'BOOLEAN', line: 'INTEGER' });
    const rows = (await db.runAndReadAll(`select id, value, high, subject_name, implied, span_start, quote from '${file}'`)).getRowObjects();
    expect(rows.map((r) => r.id)).toEqual(claims.map((c) => c.id));
    rows.forEach((r, i) => {
      const c = claims[i];
      expect(r).toEqual({ id: c.id, value: c.quantity?.value ?? null, high: c.quantity?.high ?? null, subject_name: c.subject?.name ?? null, implied: c.quantity?.implied ?? null, span_start: c.span.start, quote: c.quote });
    });
    const [sum] = (await db.runAndReadAll(`select count(*)::int n, count(value)::int with_value from '${file}'`)).getRowObjects();
    expect(sum).toEqual({ n: claims.length, with_value: claims.filter((c) => c.quantity?.value != null).length });
  });

  test('graph.graphml: every node and edge of graph.json, typed keys, no null attribute', () => {
    const g = readGraphml(join(out, 'export', 'graph.graphml')).graphml;
    expect(g.graph.edgedefault).toBe('directed');
    expect(g.graph.node.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(g.graph.edge.map((e) => [e.source, e.target])).toEqual(graph.edges.map((e) => [e.from, e.to]));
    const keys = new Map(g.key.map((k) => [k.id, k]));
    const all = [...g.graph.node.flatMap((n) => n.data), ...g.graph.edge.flatMap((e) => e.data ?? [])];
    for (const d of all) {
      const type = keys.get(d.key)?.['attr.type'];
      expect(type, d.key).toBeDefined();
      expect(d.text ?? '', d.key).not.toMatch(/^(null|undefined|)$/);
      if (type === 'double' || type === 'int') expect(Number.isFinite(Number(d.text)), `${d.key}=${d.text}`).toBe(true);
      if (type === 'boolean') expect(['true', 'false']).toContain(d.text);
    }
    const i = graph.nodes.findIndex((n) => n.type === 'claim' && n.value !== null);
    const node = graph.nodes[i] as Extract<Graph['nodes'][number], { type: 'claim' }>;
    const data = dataOf(g.graph.node[i].data);
    expect(data).toMatchObject({ n_type: 'claim', n_quote: node.quote, n_label: node.quote, n_modality: node.modality });
    expect(Number(data.n_value)).toBe(node.value);
    // Null fields are left out: a claim without a metric has no n_metric.
    const bare = graph.nodes.findIndex((n) => n.type === 'claim' && n.metric === null);
    if (bare >= 0) expect(dataOf(g.graph.node[bare].data)).not.toHaveProperty('n_metric');
    expect(dataOf(g.graph.edge[0].data).e_type).toBe(graph.edges[0].type);
  });
});

const OA = 'http://www.w3.org/ns/oa#';
const PROV = 'http://www.w3.org/ns/prov#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** claims.nq read by N3.js's StreamParser. */
function readNquads(file: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  return new Promise((resolve, reject) => {
    createReadStream(file).pipe(new StreamParser({ format: 'N-Quads' }))
      .on('data', (q: Quad) => quads.push(q)).on('end', () => resolve(quads)).on('error', reject);
  });
}
/** claims.jsonld turned into RDF by the jsonld package (expansion and RDF conversion of its own). */
async function readJsonld(file: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(readFileSync(file, 'utf8')), { format: 'application/n-quads' })) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}
/** A quad as one comparable line; a double by its value to 15 digits (a JSON-LD processor writes
 * 16 significant digits, claims.nq as many as the number needs). */
function quadKey(q: Quad): string {
  const o = q.object;
  const object = o.termType === 'Literal' ? `${JSON.stringify(o.datatype.value === `${XSD}double` ? Number(o.value).toPrecision(15) : o.value)}^^${o.datatype.value}` : `${o.termType}:${o.value}`;
  return `${q.subject.termType}:${q.subject.value} ${q.predicate.value} ${object} ${q.graph.termType}:${q.graph.value}`;
}
/** subject → predicate → objects. */
function bySubject(quads: Quad[]) {
  const index = new Map<string, Map<string, Quad['object'][]>>();
  for (const q of quads) {
    const props = index.get(q.subject.value) ?? index.set(q.subject.value, new Map()).get(q.subject.value)!;
    props.set(q.predicate.value, [...(props.get(q.predicate.value) ?? []), q.object]);
  }
  /** The values of `predicate` on `subject` (IRIs and literals alike, as strings). */
  return (subject: string, predicate: string) => (index.get(subject)?.get(predicate) ?? []).map((o) => o.value);
}
const iriOf = (type: string, id: string) => `${ID_BASE}${type}/${encodeURIComponent(id)}`;

describe('linked data (JSON-LD, N-Quads) and Neo4j exports of a corpus run', () => {
  const out = tempDir();
  let claims: ClaimRecord[];
  let graph: Graph;
  let nq: Quad[];
  let ld: Quad[];
  beforeAll(async () => {
    await runPipeline([corpusDir], out);
    claims = readClaims(out);
    graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    const done = await exportRun(out, ['jsonld', 'nquads', 'neo4j']);
    nq = await readNquads(join(out, 'export', 'claims.nq'));
    ld = await readJsonld(join(out, 'export', 'claims.jsonld'));
    expect(done).toEqual([
      { format: 'jsonld', path: join(out, 'export', 'claims.jsonld'), what: `${claims.length} claims` },
      { format: 'nquads', path: join(out, 'export', 'claims.nq'), what: `${claims.length} claims, ${nq.length} quads` },
      { format: 'neo4j', path: join(out, 'export', 'neo4j'), what: `${graph.nodes.length} nodes, ${graph.edges.length} relationships` },
    ]);
  });

  test('claims.nq and claims.jsonld hold the same triples, each once, with no blank node', () => {
    const nqKeys = nq.map(quadKey), ldKeys = ld.map(quadKey);
    expect(new Set(nqKeys).size).toBe(nq.length);
    expect(new Set(ldKeys)).toEqual(new Set(nqKeys));
    expect(nq.filter((q) => q.subject.termType !== 'NamedNode' || q.object.termType === 'BlankNode' || q.graph.termType !== 'DefaultGraph')).toEqual([]);
  });

  test('each claim: a Web Annotation on its figure (or sentence) in the article, with the text around it', () => {
    const get = bySubject(nq);
    const claimIris = [...new Set(nq.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${VOCAB}Claim`).map((q) => q.subject.value))];
    expect(claimIris.sort()).toEqual(claims.map((c) => iriOf('claim', c.id)).sort());
    for (const c of claims) {
      const claim = iriOf('claim', c.id);
      const text = readFileSync(c.source.path, 'utf8');
      const span = c.quantity?.span ?? c.span;
      expect(get(claim, RDF_TYPE).sort()).toEqual([`${OA}Annotation`, `${PROV}Entity`, `${VOCAB}Claim`].sort());
      const [target] = get(claim, `${OA}hasTarget`);
      expect(get(target, `${OA}hasSource`)).toEqual([iriOf('article', c.source.article)]);
      const selectors = get(target, `${OA}hasSelector`);
      const [position] = selectors.filter((s) => get(s, RDF_TYPE)[0] === `${OA}TextPositionSelector`);
      const [quote] = selectors.filter((s) => get(s, RDF_TYPE)[0] === `${OA}TextQuoteSelector`);
      expect([get(position, `${OA}start`), get(position, `${OA}end`)]).toEqual([[String(span.start)], [String(span.end)]]);
      const before = text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start), after = text.slice(span.end, span.end + CONTEXT_CHARS);
      expect({ exact: get(quote, `${OA}exact`), prefix: get(quote, `${OA}prefix`), suffix: get(quote, `${OA}suffix`) }, c.id)
        .toEqual({ exact: [text.slice(span.start, span.end)], prefix: before ? [before] : [], suffix: after ? [after] : [] });
      expect(get(claim, `${VOCAB}quote`)).toEqual([c.quote]);
      expect(get(claim, `${VOCAB}claimId`)).toEqual([c.id]);
      expect(get(claim, `${VOCAB}subject`)).toEqual(c.subject ? [iriOf('entity', c.subject.id)] : []);
      if (c.subject) expect(get(iriOf('entity', c.subject.id), `${VOCAB}name`)).toEqual([c.subject.name]);
      expect(get(claim, `${VOCAB}metric`)).toEqual(c.metric === null ? [] : [c.metric]);
      expect(get(claim, `${VOCAB}value`).map(Number)).toEqual(c.quantity?.value == null ? [] : [c.quantity.value]);
      expect(get(claim, `${VOCAB}unit`)).toEqual(c.quantity ? [c.quantity.unit] : []);
      expect(get(claim, `${VOCAB}bound`)).toEqual(c.quantity ? [c.quantity.bound] : []);
    }
    // Some claims have prefix and suffix from outside their sentence: the article was read.
    expect(claims.some((c) => !c.quantity && c.span.start > 0)).toBe(true);
  });

  test('PROV: each claim generated by the run\'s activity (pipeline version, rules hash), which used the rules and the article it is derived from', () => {
    const get = bySubject(nq);
    for (const c of claims) {
      const claim = iriOf('claim', c.id), article = iriOf('article', c.source.article);
      const [activity] = get(claim, `${PROV}wasGeneratedBy`);
      expect(get(claim, `${PROV}wasDerivedFrom`)).toEqual([article]);
      expect(get(activity, RDF_TYPE)).toEqual([`${PROV}Activity`]);
      expect(get(activity, `${VOCAB}pipelineVersion`)).toEqual([c.provenance.pipeline]);
      expect(get(activity, `${VOCAB}rulesHash`)).toEqual([c.provenance.rules]);
      expect(get(activity, `${PROV}used`)).toContain(article);
      expect(get(activity, `${PROV}used`)).toContain(`${ID_BASE}rules/${c.provenance.rules}`);
      expect(get(get(activity, `${PROV}wasAssociatedWith`)[0], RDF_TYPE)).toEqual([`${PROV}SoftwareAgent`]);
      expect(get(article, RDF_TYPE)).toContain(`${PROV}Entity`);
      expect(get(article, `${VOCAB}path`)).toEqual([c.source.path]);
      expect(get(article, `${VOCAB}sha256`)).toEqual([c.source.sha256]);
    }
    const articles = new Set(claims.map((c) => c.source.article));
    expect(get(iriOf('activity', claims[0].provenance.pipeline) + `/${claims[0].provenance.rules}`, `${PROV}used`).length).toBe(articles.size + 1);
  });

  test('neo4j/: headers neo4j-admin reads, unique ids, every relationship between existing nodes, graph.json\'s counts and values', () => {
    const dir = join(out, 'export', 'neo4j');
    const ids = new Set<string>();
    for (const [type, { file, label, columns }] of Object.entries(NODE_FILES)) {
      const [head, ...rows] = parse(readFileSync(join(dir, file))) as string[][];
      expect(head.slice(0, 2)).toEqual(['id:ID(claims)', ':LABEL']);
      for (const h of head.slice(2)) expect(h).toMatch(/^[a-z][A-Za-z0-9]*(:(int|double|boolean|string\[\]))?$/);
      const nodes = graph.nodes.filter((n) => n.type === type);
      // Every field graph.json gives this type has a column.
      for (const n of nodes) expect(head.slice(2).map((h) => h.split(':')[0])).toEqual(expect.arrayContaining(Object.keys(n).filter((k) => k !== 'type' && k !== 'id')));
      expect(rows.map((r) => r[0])).toEqual(nodes.map((n) => n.id));
      expect(rows.every((r) => r[1] === label && r.length === head.length)).toBe(true);
      for (const r of rows) expect(ids.has(r[0]), r[0]).toBe(false), ids.add(r[0]);
      // Values: typed cells read back; a null is an empty cell.
      rows.forEach((r, i) => {
        const n = nodes[i] as Record<string, unknown>;
        Object.keys(columns).forEach((k, j) => {
          const cell = r[j + 2], v = n[k];
          if (v === null) expect(cell).toBe('');
          else if (Array.isArray(v)) expect(cell.split(ARRAY_DELIMITER)).toEqual(v);
          else if (typeof v === 'number') expect(Number(cell)).toBe(v);
          else expect(cell).toBe(String(v));
        });
      });
    }
    expect(ids.size).toBe(graph.nodes.length);
    expect([...ids].filter((id) => id.startsWith('claim:')).sort()).toEqual(claims.map((c) => `claim:${c.id}`).sort());
    const [head, ...rels] = parse(readFileSync(join(dir, RELATIONSHIPS_FILE))) as string[][];
    expect(head).toEqual([':START_ID(claims)', ':END_ID(claims)', ':TYPE', 'reason', 'review:boolean']);
    expect(rels.length).toBe(graph.edges.length);
    expect(rels.filter(([from, to]) => !ids.has(from) || !ids.has(to))).toEqual([]);
    expect(rels.map((r) => r[2])).toEqual(graph.edges.map((e) => e.type.toUpperCase().replaceAll('-', '_')));
    expect(rels.every((r) => /^[A-Z_]+$/.test(r[2]) && ['true', 'false'].includes(r[4]))).toBe(true);
    expect(rels.filter((r) => r[2] === 'ABOUT').length).toBe(claims.filter((c) => c.subject).length);
    const script = readFileSync(join(dir, 'import.sh'), 'utf8');
    expect(script).toContain('neo4j-admin database import full');
    for (const file of [...Object.values(NODE_FILES).map((f) => f.file), RELATIONSHIPS_FILE]) expect(script).toContain(`/${file}"`);
    expect(readdirSync(dir).sort()).toEqual([...Object.values(NODE_FILES).map((f) => f.file), RELATIONSHIPS_FILE, 'import.sh'].sort());
  });

  test('a second Neo4j export replaces the folder whole, and a killed export\'s temp folder is removed', async () => {
    const stale = join(out, 'export', '.neo4j.tmp-0123456789abcdef');
    mkdirSync(stale);
    writeFileSync(join(stale, 'claims.csv'), 'half');
    writeFileSync(join(out, 'export', 'neo4j', 'left-over.csv'), 'x');
    await exportRun(out, ['neo4j']);
    expect(readdirSync(join(out, 'export')).sort()).toEqual(['claims.jsonld', 'claims.nq', 'neo4j']);
    expect(readdirSync(join(out, 'export', 'neo4j'))).not.toContain('left-over.csv');
  });
});

describe('the text around a claim when its article cannot be read again', () => {
  test('the run\'s stored copy is used; without it the figure\'s context comes from its sentence and a sentence claim has none', async () => {
    expect(ARTICLE_STORE).toBe(STORE_DIR);
    const out = tempDir();
    mkdirSync(join(out, 'in'));
    const text = 'Intro line that is long enough to be a prefix.\nAcme Corp said revenue rose to $4.5 billion in 2024, well ahead of the forecast.\nOpenAI faces mounting pressure from missed targets as rivals like Google Gemini surge.\nThe end of the story is here.\n';
    writeFileSync(join(out, 'in', 'a.txt'), text);
    await runPipeline([join(out, 'in')], out);
    const made = readClaims(out);
    const figure = made.find((c) => c.quantity?.unit === 'USD')!, sentence = made.find((c) => !c.quantity)!;
    expect(figure && sentence).toBeTruthy();
    // The records as they will be slimmed (no target, no provenance.sentence), from a path that is gone.
    const slim = (c: ClaimRecord) => {
      const { target: _t, ...rest } = c as ClaimRecord & { target?: unknown };
      const { sentence: _s, ...provenance } = c.provenance as ClaimRecord['provenance'] & { sentence?: unknown };
      return { ...rest, source: { ...c.source, path: 'gone/a.txt' }, provenance, metric: c.metric && `${c.metric} "q"\n\\ \uD800` };
    };
    // A reviewed claim, corrected from a value that needs all 17 digits.
    figure.provenance.review = { decision: 'correct', by: 'ann', at: '2025-02-01T10:00:00Z', note: null, original: { subject: 'Acme', value: 0.30000000000000004, unit: 'EUR' } };
    writeFileSync(join(out, 'claims.jsonl'), `${[figure, sentence].map((c) => JSON.stringify(slim(c))).join('\n')}\n`);
    const quoteOf = async () => {
      await exportRun(out, ['nquads', 'jsonld']);
      const quads = await readNquads(join(out, 'export', 'claims.nq'));
      expect(new Set((await readJsonld(join(out, 'export', 'claims.jsonld'))).map(quadKey))).toEqual(new Set(quads.map(quadKey)));
      const get = bySubject(quads);
      return (c: ClaimRecord) => {
        const q = `${iriOf('claim', c.id)}#quote`;
        return { exact: get(q, `${OA}exact`), prefix: get(q, `${OA}prefix`), suffix: get(q, `${OA}suffix`), metric: get(iriOf('claim', c.id), `${VOCAB}metric`) };
      };
    };
    const fs = figure.quantity!.span, ss = sentence.span;
    const fromText = (s: { start: number; end: number }) => ({ exact: [text.slice(s.start, s.end)], prefix: [text.slice(s.start - CONTEXT_CHARS, s.start)], suffix: [text.slice(s.end, s.end + CONTEXT_CHARS)] });
    // The stored copy (the run keeps one by sha256) stands in for the moved file.
    expect(existsSync(join(out, STORE_DIR, figure.source.sha256))).toBe(true);
    let quote = await quoteOf();
    expect(quote(figure)).toMatchObject(fromText(fs));
    expect(quote(sentence)).toMatchObject(fromText(ss));
    // Characters N-Quads and JSON cannot carry as UTF-8 become U+FFFD; quotes, newlines, backslashes read back.
    expect(quote(figure).metric).toEqual([`${figure.metric} "q"\n\\ \uFFFD`]);
    const reviewed = (await readNquads(join(out, 'export', 'claims.nq'))).filter((q) => q.subject.value === iriOf('claim', figure.id) && /^(review|original)/.test(q.predicate.value.slice(VOCAB.length)));
    expect(Object.fromEntries(reviewed.map((q) => [q.predicate.value.slice(VOCAB.length), q.object.value]))).toEqual({ reviewDecision: 'correct', reviewBy: 'ann', reviewAt: '2025-02-01T10:00:00Z', originalSubject: 'Acme', originalValue: '3.0000000000000004E-1', originalUnit: 'EUR' });
    // A stored copy that is not the article (another sha256) is not used; nor is anything when the copy is gone.
    writeFileSync(join(out, STORE_DIR, figure.source.sha256), text.replace('Intro', 'Other'));
    quote = await quoteOf();
    const inSentence = (s: { start: number; end: number }) => figure.quote.slice(Math.max(0, s.start - CONTEXT_CHARS - figure.span.start), s.start - figure.span.start);
    expect(quote(figure)).toMatchObject({ exact: [figure.quantity!.quote], prefix: [inSentence(fs)], suffix: [figure.quote.slice(fs.end - figure.span.start, fs.end - figure.span.start + CONTEXT_CHARS)] });
    expect(inSentence(fs).length).toBeGreaterThan(0);
    expect(quote(sentence)).toMatchObject({ exact: [sentence.quote], prefix: [], suffix: [] });
  });
});

describe('what the exporters guard against', () => {
  test('CSV formula injection: a text cell starting with = + - @ tab or CR gets an apostrophe; numbers keep their sign', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'in'));
    writeFileSync(join(out, 'in', 'a.txt'), 'Acme Corp said revenue rose 12% to $4.5 billion in 2024.\n');
    await runPipeline([join(out, 'in')], out);
    const [claim] = readClaims(out);
    expect(claim.quantity).not.toBeNull();
    const starts = ['=HYPERLINK("http://x","y")', '+1', '-5% on the year', '@SUM(A1)', '\tx', '\rx', 'plain'];
    const lines = starts.map((quote) => JSON.stringify({ ...claim, quote, quantity: { ...claim.quantity!, value: -5 } }));
    writeFileSync(join(out, 'claims.jsonl'), `${lines.join('\n')}\n`);
    await exportRun(out, ['csv']);
    const rows = readCsv(join(out, 'export', 'claims.csv'));
    expect(rows.map((r) => r.quote)).toEqual([...starts.slice(0, -1).map((q) => `'${q}`), 'plain']);
    expect(rows.every((r) => r.value === '-5')).toBe(true);
  });

  test('GraphML: characters XML cannot hold become U+FFFD; markup and white space read back exactly', async () => {
    const out = tempDir();
    const node = { type: 'entity', id: 'entity:a&b\t"c"', name: 'A <&> "B"\u0001\uD800\r\n\tC', kind: 'org', parent: null };
    writeFileSync(join(out, 'graph.json'), `{"pipeline":"0","rules":"0","nodes":[\n${JSON.stringify(node)}\n],"edges":[\n{"type":"about","from":${JSON.stringify(node.id)},"to":${JSON.stringify(node.id)},"reason":null,"review":false}\n]}\n`);
    writeFileSync(join(out, 'claims.jsonl'), '');
    await exportRun(out, ['graphml']);
    const g = readGraphml(join(out, 'export', 'graph.graphml')).graphml.graph;
    // Tab, CR and newline survive where a parser would normalize them (attributes; CR anywhere).
    expect([g.node[0].id, g.edge[0].source, g.edge[0].target]).toEqual([node.id, node.id, node.id]);
    const name = 'A <&> "B"\uFFFD\uFFFD\r\n\tC';
    expect(dataOf(g.node[0].data)).toEqual({ n_type: 'entity', n_name: name, n_kind: 'org', n_label: name });
    expect(dataOf(g.edge[0].data)).toEqual({ e_type: 'about', e_review: 'false' });
  });
});

test('a run without claims exports a header-only CSV and an empty Parquet file with every column', async () => {
  const out = tempDir();
  writeFileSync(join(out, 'claims.jsonl'), '');
  expect(await exportRun(out, ['csv', 'parquet'])).toMatchObject([{ what: '0 claims' }, { what: '0 claims' }]);
  expect(readFileSync(join(out, 'export', 'claims.csv'), 'utf8')).toBe(`${CLAIM_COLUMNS.map(({ name }) => name).join(',')}\n`);
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const described = (await db.runAndReadAll(`describe select * from '${join(out, 'export', 'claims.parquet')}'`)).getRowObjects();
  expect(described.length).toBe(CLAIM_COLUMNS.length);
});

test('a graph.json laid out otherwise (re-indented) is read whole, to the same GraphML', async () => {
  const out = tempDir();
  const graph = { pipeline: '0', rules: '0', nodes: [{ type: 'entity', id: 'entity:a', name: 'A', kind: 'org', parent: null }, { type: 'entity', id: 'entity:b', name: 'B', kind: 'org', parent: 'entity:a' }], edges: [{ type: 'part-of', from: 'entity:b', to: 'entity:a', reason: null, review: false }] };
  writeFileSync(join(out, 'graph.json'), JSON.stringify(graph, null, 2));
  expect(await exportRun(out, ['graphml'])).toMatchObject([{ what: '2 nodes, 1 edges' }]);
  const g = readGraphml(join(out, 'export', 'graph.graphml')).graphml.graph;
  expect(dataOf(g.node[1].data)).toMatchObject({ n_parent: 'entity:a' });
});

describe('claims export on the command line', () => {
  const cli = join(root, 'dist', 'cli.js');
  const claims = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

  test('run --export csv,graphml writes both; export --format rewrites one; a bad format or a folder without a run exits 2', () => {
    const out = tempDir();
    const r = claims(['run', join(corpusDir, '000_9d0cdbc362e20dad.txt'), '--out', out, '-w', '1', '--export', 'csv,graphml']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*claims\.csv \(\d+ claims\)\n.*wrote .*graph\.graphml \(\d+ nodes, \d+ edges\)/);
    const csv = readFileSync(join(out, 'export', 'claims.csv'), 'utf8');
    expect(claims(['export', '--format', 'csv', '--out', out, '-q'])).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(out, 'export', 'claims.csv'), 'utf8')).toBe(csv);
    const linked = claims(['export', '-f', 'nquads,jsonld,neo4j', '--out', out]);
    expect(linked.status, linked.stderr).toBe(0);
    expect(linked.stderr).toMatch(/wrote .*claims\.nq \(\d+ claims, \d+ quads\)\n.*wrote .*claims\.jsonld \(\d+ claims\)\n.*wrote .*neo4j \(\d+ nodes, \d+ relationships\)\n$/);
    const bad = claims(['export', '--format', 'xls', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^claims: .*unknown format xls; one or more of csv, parquet, graphml, jsonld, nquads, neo4j[^\n]*\n$/);
    const empty = tempDir();
    const none = claims(['export', '-f', 'graphml', '--out', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^claims: no run in .*: graph.json is missing/);
    expect(existsSync(join(empty, 'export'))).toBe(false);
    expect(claims(['export', '-f', 'csv', '--out', join(empty, 'nope')]).stderr).toMatch(/^claims: no such output folder: .*nope; nothing was exported\n$/);
  });

  test('an export takes the folder\'s lock: a folder another run holds is refused; a killed export\'s temp file is removed', async () => {
    const out = tempDir();
    await runPipeline([join(corpusDir, '000_9d0cdbc362e20dad.txt')], out);
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const held = claims(['export', '-f', 'csv', '--out', out]);
    expect(held.status).toBe(2);
    expect(held.stderr).toMatch(/^claims: .* is in use by another run/);
    rmSync(join(out, '.lock'));
    mkdirSync(join(out, 'export'));
    writeFileSync(join(out, 'export', '.claims.csv.tmp-0123456789abcdef'), 'half');
    expect(claims(['export', '-f', 'csv', '--out', out, '-q']).status).toBe(0);
    expect(readdirSync(join(out, 'export'))).toEqual(['claims.csv']);
  });
});

test('dated articles: metadata and resolved times are columns; newer and latest reach GraphML', async () => {
  const dir = articles({
    'a.md': '---\nurl: https://news.example/a\noutlet: Wire\npublished: 2025-02-10\n---\nAcme Corp said revenue rose to $4.5 billion last year.\n',
    'b.txt': 'Acme Corp said revenue rose to $4 billion in 2024.\n',
    'b.meta.json': '{"published": "2024-06-01"}',
  });
  const out = tempDir();
  await runPipeline([dir], out);
  await exportRun(out, ['csv', 'graphml']);
  const rows = readCsv(join(out, 'export', 'claims.csv'));
  const a = rows.find((r) => r.source_path.endsWith('a.md'))!;
  expect(a).toMatchObject({ source_url: 'https://news.example/a', source_outlet: 'Wire', source_published: '2025-02-10', source_language: '', time: '2024', time_text: 'last year' });
  expect(rows.find((r) => r.source_path.endsWith('b.txt'))).toMatchObject({ source_url: '', source_published: '2024-06-01', time: '2024', time_text: '' });
  const xml = readFileSync(join(out, 'export', 'graph.graphml'), 'utf8');
  const newer = rows.find((r) => r.source_path.endsWith('a.md') && r.unit === 'USD')!.id;
  expect(xml).toContain(`<data key="e_newer">claim:${newer}</data>`);
  expect(xml).toContain(`<data key="n_latest">claim:${newer}</data>`);
  expect(xml).toContain('<data key="n_published">2025-02-10</data>');
});
