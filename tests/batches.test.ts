/** Batches accumulate, refusals write nothing, identical texts are one source. */
import { describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { articles, copyCorpus, readClaims, root, runPipeline, snapshot, tempDir } from './helpers.js';
import { UsageError } from '../src/pipeline/run.js';
import type { Graph } from '../src/graph/schema.js';

/** Every file under `dir`, hidden ones, the cache, the store and the manifest included. */
function everything(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      // Through the links of the output set only (the generation folder they lead to once).
      if (d === dir && (name === '.generations' || name === 'current')) continue;
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

const graphOf = (out: string) => JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as Graph;
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { articles: { path: string; sha256: string; added: string; changed: string | null }[] };

/** The corpus split into three folders, so each can be a batch. */
function batches(): { all: string; parts: string[] } {
  const corpus = copyCorpus();
  const names = readdirSync(corpus).sort();
  const parts = [[0, 2], [2, 3], [3, names.length]].map(([from, to], i) => {
    const dir = join(corpus, `batch-${i}`);
    mkdirSync(dir);
    for (const n of names.slice(from, to)) cpSync(join(corpus, n), join(dir, n));
    return dir;
  });
  for (const n of names) rmSync(join(corpus, n));
  return { all: corpus, parts };
}

describe('batches accumulate', () => {
  test('adding batches one by one gives the bytes of one run over all of them', async () => {
    const { all, parts } = batches();
    const oneRun = tempDir();
    await runPipeline([all], oneRun);
    const step = tempDir();
    const seen: number[] = [];
    for (const part of parts) seen.push((await runPipeline([part], step)).articles);
    expect(seen).toEqual([2, 3, 5]);
    expect(snapshot(step)).toEqual(snapshot(oneRun));
    // The outputs compared are every one a run writes.
    expect([...snapshot(step).keys()].filter((k) => !k.startsWith('schema'))).toEqual(['claims.jsonl', 'graph.json', 'noise.jsonl', 'report.md', 'run.json']);
    // Re-adding a batch changes nothing, and reprocesses nothing.
    const again = await runPipeline([parts[1]], step);
    expect({ unchanged: again.unchanged, processed: again.processed }).toEqual({ unchanged: 1, processed: 0 });
    expect(snapshot(step)).toEqual(snapshot(oneRun));
  });

  test('the manifest lists every article with its hash and when it was added or changed', async () => {
    const { parts } = batches();
    const out = tempDir();
    await runPipeline([parts[0]], out);
    const first = manifestOf(out);
    expect(first.articles).toHaveLength(2);
    for (const e of first.articles) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Number.isNaN(Date.parse(e.added))).toBe(false);
      expect(e.changed).toBeNull();
    }
    const changedFile = join(parts[0], readdirSync(parts[0]).sort()[0]);
    writeFileSync(changedFile, readFileSync(changedFile, 'utf8') + '\nAnthropic said it has 300 employees.\n');
    const summary = await runPipeline([parts[0]], out);
    expect({ changed: summary.changed, unchanged: summary.unchanged, processed: summary.processed }).toEqual({ changed: 1, unchanged: 1, processed: 1 });
    const entry = manifestOf(out).articles.find((e) => changedFile.endsWith(e.path.split('/').pop()!))!;
    expect(entry.changed).not.toBeNull();
    expect(entry.added).toBe(first.articles.find((e) => e.path === entry.path)!.added);
  });

  test('an earlier batch survives its folder being deleted (texts are kept in the store)', async () => {
    const { all, parts } = batches();
    const oneRun = tempDir();
    await runPipeline([all], oneRun);
    const step = tempDir();
    await runPipeline([parts[0]], step);
    await runPipeline([parts[1]], step);
    // Without stored results, a rebuild has to reprocess the first batches from the store.
    rmSync(join(step, '.cache'), { recursive: true });
    const moved = tempDir();
    cpSync(parts[0], moved, { recursive: true });
    rmSync(parts[0], { recursive: true });
    const last = await runPipeline([parts[2]], step);
    expect(last.exitCode).toBe(0);
    expect(last.processed).toBe(5);
    expect(snapshot(step)).toEqual(snapshot(oneRun));
  });

  test('an article that fails is reported and not added; the others are', async () => {
    const dir = articles({ 'good.txt': 'Nvidia sold 3,700,000 chips in 2025.\n', 'bad.txt': Buffer.from([0x00, 0x01, 0x02]) });
    const out = tempDir();
    const summary = await runPipeline([dir], out);
    expect(summary.exitCode).toBe(1);
    expect(summary.failed.map((f) => f.path.split('/').pop())).toEqual(['bad.txt']);
    expect(manifestOf(out).articles.map((e) => e.path.split('/').pop())).toEqual(['good.txt']);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).failed).toHaveLength(1);
  });

  test('--replace starts over', async () => {
    const { all, parts } = batches();
    const out = tempDir();
    await runPipeline([all], out);
    await runPipeline([parts[2]], out, { replace: true });
    const fresh = tempDir();
    await runPipeline([parts[2]], fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));
    expect(manifestOf(out).articles).toHaveLength(2);
  });

  test('remove takes articles out, by file or folder, and rebuilds', async () => {
    const { all, parts } = batches();
    const out = tempDir();
    await runPipeline([all], out);
    const rel = (p: string) => relative(process.cwd(), p).split('\\').join('/');
    const summary = await runPipeline([], out, { remove: [rel(parts[0])] });
    expect(summary.removed).toBe(2);
    const expected = tempDir();
    await runPipeline([parts[1], parts[2]], expected);
    expect(snapshot(out)).toEqual(snapshot(expected));
    const one = join(parts[1], readdirSync(parts[1])[0]);
    await runPipeline([], out, { remove: [rel(one)] });
    expect(readClaims(out).some((c) => c.source.path === rel(one))).toBe(false);
  });
});

describe('nothing is written when the run cannot do what was asked', () => {
  const refusals: [string, (dirs: { out: string; empty: string }) => Parameters<typeof runPipeline>][] = [
    ['a missing input path', ({ out }) => [[join(root, 'corpus'), join(root, 'no-such-folder')], out]],
    ['a folder without articles', ({ out, empty }) => [[empty], out]],
    ['a glob that matches nothing', ({ out }) => [[join(root, 'corpus', '*.nothing')], out]],
    ['removing a path the folder does not hold', ({ out }) => [[], out, { remove: ['corpus/not-there.txt'] }]],
  ];

  test.each(refusals)('%s: refused, the output folder left as it was', async (_name, args) => {
    const out = tempDir();
    await runPipeline([join(root, 'corpus')], out);
    const before = everything(out);
    const empty = articles({ 'notes.json': '{}', 'image.png': 'x' });
    await expect(runPipeline(...args({ out, empty }))).rejects.toThrow(UsageError);
    expect(everything(out)).toEqual(before);
  });

  test('the CLI exits 2 with the reason, and a new output folder is not even created', () => {
    const out = join(tempDir(), 'out');
    const cli = join(root, 'dist', 'cli.js');
    const missing = spawnSync(process.execPath, [cli, 'run', 'corpus/typo', '--out', out], { encoding: 'utf8', cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder: corpus\/typo; nothing was written/);
    const empty = articles({ 'a.json': '{}' });
    const none = spawnSync(process.execPath, [cli, 'run', empty, '--out', out], { encoding: 'utf8', cwd: root });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no articles in .*not an article type \(\.json/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('identical texts and independent sources', () => {
  const wire = 'Reuters reported that Nvidia sold 3,700,000 chips in 2025.\n';
  const other = 'Nvidia sold 3,700,000 chips in 2025, Bloomberg reported.\n';

  test('one text at two paths is one article with two sources, not two corroborating ones', async () => {
    const dir = articles({ 'a/wire.txt': wire, 'b/wire-copy.txt': wire });
    const out = tempDir();
    const summary = await runPipeline([dir], out);
    expect(summary.articles).toBe(1);
    expect(summary.duplicates).toBe(1);
    const claims = readClaims(out);
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(claims.every((c) => c.source.path.endsWith('a/wire.txt'))).toBe(true);
    const graph = graphOf(out);
    const articleNodes = graph.nodes.filter((n) => n.type === 'article');
    expect(articleNodes).toHaveLength(1);
    expect(articleNodes[0].type === 'article' && articleNodes[0].sources.map((s) => s.split('/').slice(-2).join('/'))).toEqual(['a/wire.txt', 'b/wire-copy.txt']);
    expect(graph.nodes.some((n) => n.type === 'group' && n.status === 'corroborated')).toBe(false);
    expect(graph.edges.some((e) => e.type === 'corroborates')).toBe(false);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/## Identical texts at several paths/);
  });

  test('two different articles corroborate; the copy does not add a third source', async () => {
    const dir = articles({ 'a/wire.txt': wire, 'b/wire-copy.txt': wire, 'c/other.txt': other });
    const out = tempDir();
    await runPipeline([dir], out);
    const groups = graphOf(out).nodes.filter((n) => n.type === 'group' && n.members > 1);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ status: 'corroborated', members: 2, articles: 2 });
  });

  test('a figure stated twice in one article is a restatement, not corroboration', async () => {
    const dir = articles({ 'one.txt': 'Nvidia sold 3,700,000 chips in 2025.\n\nIn 2025 Nvidia sold 3,700,000 chips, the company said.\n' });
    const out = tempDir();
    await runPipeline([dir], out);
    const groups = graphOf(out).nodes.filter((n) => n.type === 'group' && n.members > 1);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ status: 'restated', articles: 1 });
  });

  test('a copy added in a later batch gives the bytes of one run over both', async () => {
    const [first, second] = [articles({ 'b/wire.txt': wire }), articles({ 'a/wire.txt': wire })];
    // Paths must sort the same way in both runs: put both folders under one parent.
    const parent = tempDir();
    cpSync(first, join(parent, 'x'), { recursive: true });
    cpSync(second, join(parent, 'y'), { recursive: true });
    const step = tempDir();
    await runPipeline([join(parent, 'y')], step);
    await runPipeline([join(parent, 'x')], step);
    const once = tempDir();
    await runPipeline([parent], once);
    expect(snapshot(step)).toEqual(snapshot(once));
    expect(readClaims(once).every((c) => c.source.path.includes('/x/'))).toBe(true);
  });
});

describe('CLI', () => {
  test('run adds, remove takes out, exit codes 0 and 2', () => {
    const out = tempDir();
    const cli = join(root, 'dist', 'cli.js');
    const add = spawnSync(process.execPath, [cli, 'run', 'corpus/000_9d0cdbc362e20dad.txt', '--out', out], { encoding: 'utf8', cwd: root });
    expect(add.status).toBe(0);
    expect(add.stderr).toMatch(/1 added, 0 changed, 0 already held; .* now holds 1 articles/);
    execFileSync(process.execPath, [cli, 'run', 'corpus/001_98d1cb4f1e7969b4.txt', '--out', out, '-q'], { cwd: root });
    expect(manifestOf(out).articles.map((e) => e.path)).toEqual(['corpus/000_9d0cdbc362e20dad.txt', 'corpus/001_98d1cb4f1e7969b4.txt']);
    const rm = spawnSync(process.execPath, [cli, 'remove', 'corpus/000_9d0cdbc362e20dad.txt', '--out', out], { encoding: 'utf8', cwd: root });
    expect(rm.status).toBe(0);
    expect(manifestOf(out).articles.map((e) => e.path)).toEqual(['corpus/001_98d1cb4f1e7969b4.txt']);
    const again = spawnSync(process.execPath, [cli, 'remove', 'corpus/000_9d0cdbc362e20dad.txt', '--out', out], { encoding: 'utf8', cwd: root });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/not held in/);
  });
});
