/** Same input, same bytes: two runs, shuffled input order, incremental vs clean, killed runs. */
import { describe, expect, test } from 'vitest';
import { readdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { copyCorpus, runPipeline, snapshot, tempDir } from './helpers.js';
import { removeStaleTemps } from '../src/output/atomic.js';

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
    writeFileSync(join(out, '.claims.jsonl.tmp-99999-0'), '{"half": ');
    writeFileSync(join(out, '.noise.jsonl.tmp-99999-1'), '{');
    writeFileSync(join(out, '.cache', '.abc.json.tmp-99999-2'), '{');
    // The files a reader sees are still the whole previous output.
    expect(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')).nodes.length).toBeGreaterThan(0);
    const after = await runPipeline([corpus], out);
    expect(after.exitCode).toBe(0);
    expect(existsSync(join(out, '.claims.jsonl.tmp-99999-0'))).toBe(false);
    expect(snapshot(out)).toEqual(before);
  });

  test('a corrupt cached result is recomputed, not trusted', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    await runPipeline([corpus], out);
    const before = snapshot(out);
    const cacheDir = join(out, '.cache');
    const first = readdirSync(cacheDir).find((f) => f.endsWith('.jsonl'))!;
    writeFileSync(join(cacheDir, first), '{"truncated":');
    const again = await runPipeline([corpus], out);
    expect(again.processed).toBe(1);
    expect(snapshot(out)).toEqual(before);
  });

  test('removeStaleTemps only removes temp files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.a.json.tmp-1-2'), 'x');
    writeFileSync(join(dir, 'a.json'), 'x');
    await removeStaleTemps(dir);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});
