#!/usr/bin/env node
// Export benchmark (a script, not a test): `npm run bench:export -- --claims 1000000 [--formats jsonld,nquads]`.
// Makes a synthetic run of N claims (the claims of corpus/ repeated under new ids, and a
// graph.json with a claim node and a stated-in edge for each), then exports it once per format,
// each in a child process of its own, and prints the time, the peak RSS and the bytes per claim
// of claims.jsonl and of each export. Flat memory shows as a peak RSS that does not grow with N.
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '1000000' }, source: { type: 'string', default: 'output' }, keep: { type: 'boolean' }, formats: { type: 'string' } } });
const n = Number(values.claims);
const dir = mkdtempSync(join(tmpdir(), 'claims-export-bench-'));
const seed = readFileSync(join(values.source, 'claims.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const graph = JSON.parse(readFileSync(join(values.source, 'graph.json'), 'utf8'));
const seedNodes = graph.nodes.filter((x) => x.type === 'claim');

async function write(file, lines) {
  const s = createWriteStream(join(dir, file));
  for (const line of lines) if (!s.write(line)) await once(s, 'drain');
  s.end();
  await once(s, 'finish');
}
const id = (i) => i.toString(16).padStart(16, '0');
await write('claims.jsonl', (function* () {
  for (let i = 0; i < n; i++) yield `${JSON.stringify({ ...seed[i % seed.length], id: id(i) })}\n`;
})());
await write('graph.json', (function* () {
  yield `{"pipeline":"${graph.pipeline}","rules":"${graph.rules}","nodes":[\n${JSON.stringify({ type: 'article', id: 'article:a', path: 'a.txt', sources: ['a.txt'], sha256: '0'.repeat(64), claims: n })}`;
  for (let i = 0; i < n; i++) yield `,\n${JSON.stringify({ ...seedNodes[i % seedNodes.length], id: `claim:${id(i)}` })}`;
  yield '\n],"edges":[';
  for (let i = 0; i < n; i++) yield `${i ? ',' : ''}\n${JSON.stringify({ type: 'stated-in', from: `claim:${id(i)}`, to: 'article:a', reason: null, review: false })}`;
  yield '\n]}\n';
})());

// A file's size, or a folder's (the Neo4j export) summed over its files.
const size = (path) => (statSync(path).isDirectory() ? readdirSync(path).reduce((sum, f) => sum + size(join(path, f)), 0) : statSync(path).size);
const perClaim = (file) => (size(join(dir, file)) / n).toFixed(0);
console.log(`${n} claims; claims.jsonl ${perClaim('claims.jsonl')} B/claim, graph.json ${perClaim('graph.json')} B/claim`);
const child = `import { exportRun } from ${JSON.stringify(new URL('../dist/export/index.js', import.meta.url).href)};
const t = performance.now(); await exportRun(process.argv[1], [process.argv[2]]);
console.log(JSON.stringify({ ms: performance.now() - t, rssMB: process.resourceUsage().maxRSS / 1024 }));`;
const formats = [['csv', 'claims.csv'], ['parquet', 'claims.parquet'], ['graphml', 'graph.graphml'], ['jsonld', 'claims.jsonld'], ['nquads', 'claims.nq'], ['neo4j', 'neo4j']];
for (const [format, file] of formats.filter(([f]) => !values.formats || values.formats.split(',').includes(f))) {
  const r = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child, dir, format], { encoding: 'utf8' }));
  console.log(`${format.padEnd(8)} ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.rssMB.toFixed(0)} MB, ${perClaim(join('export', file))} B/claim`);
}
if (!values.keep) rmSync(dir, { recursive: true, force: true });
