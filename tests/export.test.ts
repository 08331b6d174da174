/**
 * `claims export` (issue 13): each format read back by an independent reader — csv-parse for
 * CSV, DuckDB for Parquet, fast-xml-parser for GraphML — and compared with claims.jsonl and graph.json: counts, ids
 * and a few values; then the formula guard, characters XML cannot hold, and the CLI.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { exportRun } from '../src/export/index.js';
import { CLAIM_COLUMNS } from '../src/export/columns.js';
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
    const bad = claims(['export', '--format', 'xls', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^claims: .*unknown format xls[^\n]*\n$/);
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
