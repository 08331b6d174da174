/** Same input, same bytes: two runs, shuffled input order, incremental vs clean, killed runs. */
import { describe, expect, test } from 'vitest';
import { readdirSync, writeFileSync, readFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { copyCorpus, runPipeline, snapshot, tempDir } from './helpers.js';
import { OutputSet, finishCommit, removeStaleTemps, tempPath } from '../src/output/atomic.js';

describe('byte-identical output', () => {
  test('two runs into fresh folders', async () => {
    const corpus = copyCorpus();
    const [a, b] = [tempDir(), tempDir()];
    await runPipeline([corpus], a);
    await runPipeline([corpus], b);
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  test('shuffled input order', async () => {
    const corpus = copyCorpus();
    const files = readdirSync(corpus).map((f) => join(corpus, f));
    const [a, b] = [tempDir(), tempDir()];
    await runPipeline(files, a);
    await runPipeline([...files].reverse(), b);
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  test('incremental run with one new article equals a clean run, and reprocesses only it', async () => {
    const corpus = copyCorpus();
    const incremental = tempDir();
    const newest = readdirSync(corpus).sort().pop()!;
    const held = readFileSync(join(corpus, newest));
    const { rmSync } = await import('node:fs');
    rmSync(join(corpus, newest));
    await runPipeline([corpus], incremental);
    writeFileSync(join(corpus, newest), held);
    const second = await runPipeline([corpus], incremental);
    expect(second.processed).toBe(1);
    expect(second.reused).toBe(4);
    const clean = tempDir();
    await runPipeline([corpus], clean, { incremental: false });
    expect(snapshot(incremental)).toEqual(snapshot(clean));
  });

  test('a run killed midway leaves no half-written file, and the next run completes', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    await runPipeline([corpus], out);
    const before = snapshot(out);
    // What a kill between "write temp" and "rename" leaves: temp files beside complete outputs.
    const temps = [tempPath(join(out, 'claims.jsonl')), tempPath(join(out, 'noise.jsonl')), tempPath(join(out, '.cache', 'abc.json'))];
    for (const t of temps) writeFileSync(t, '{"half": ');
    // The files a reader sees are still the whole previous output.
    expect(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')).nodes.length).toBeGreaterThan(0);
    const after = await runPipeline([corpus], out);
    expect(after.exitCode).toBe(0);
    for (const t of temps) expect(existsSync(t)).toBe(false);
    expect(snapshot(out)).toEqual(before);
  });

  test('a run killed after its commit record is finished by the next command: the set switches whole', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    await runPipeline([corpus], out);
    // Stage a set of two files and write its commit record, then "die" before the renames.
    const set = new OutputSet(out);
    await set.write(join(out, 'run.json'), 'new run.json');
    await set.write(join(out, 'graph.json'), 'new graph.json');
    await set.record();
    expect(readFileSync(join(out, 'run.json'), 'utf8')).not.toBe('new run.json');
    await finishCommit(out);
    expect(readFileSync(join(out, 'run.json'), 'utf8')).toBe('new run.json');
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe('new graph.json');
    expect(readdirSync(out).filter((n) => n.includes('.tmp-') || n === '.commit.json')).toEqual([]);
  });

  test('a cached result that is cut, null, altered or a folder is recomputed, not trusted', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    await runPipeline([corpus], out);
    const before = snapshot(out);
    const cacheDir = join(out, '.cache');
    const entries = readdirSync(cacheDir).filter((f) => f.endsWith('.jsonl')).sort();
    const lines = readFileSync(join(cacheDir, entries[0]), 'utf8').split('\n');
    // Cut at a line boundary (a claim line gone), the word null, one character changed, a folder.
    writeFileSync(join(cacheDir, entries[0]), [...lines.slice(1)].join('\n'));
    writeFileSync(join(cacheDir, entries[1]), 'null');
    writeFileSync(join(cacheDir, entries[2]), readFileSync(join(cacheDir, entries[2]), 'utf8').replace('"', "'"));
    renameSync(join(cacheDir, entries[3]), join(tempDir(), 'moved'));
    mkdirSync(join(cacheDir, entries[3]));
    writeFileSync(join(cacheDir, 'notes.txt'), 'a file of the user\'s');
    const again = await runPipeline([corpus], out);
    expect(again.processed).toBe(4);
    expect(snapshot(out)).toEqual(before);
    // Pruning touched neither the folder in the way nor a file the pipeline did not write.
    expect(existsSync(join(cacheDir, 'notes.txt'))).toBe(true);
    expect(existsSync(join(cacheDir, entries[3]))).toBe(true);
  });

  test('removeStaleTemps only removes temp files', async () => {
    const dir = tempDir();
    writeFileSync(tempPath(join(dir, 'a.json')), 'x');
    writeFileSync(join(dir, 'a.json'), 'x');
    writeFileSync(join(dir, '.b.json.tmp-1-2'), 'not one of ours');
    await removeStaleTemps(dir);
    expect(readdirSync(dir).sort()).toEqual(['.b.json.tmp-1-2', 'a.json']);
  });
});
