/** Same input, same bytes: two runs, shuffled input order, incremental vs clean, killed runs. */
import { describe, expect, test } from 'vitest';
import { readdirSync, writeFileSync, readFileSync, existsSync, mkdirSync, renameSync, readlinkSync, realpathSync, lstatSync, cpSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyCorpus, runPipeline, snapshot, tempDir } from './helpers.js';
import { finishCommit, removeStaleTemps, tempPath } from '../src/output/atomic.js';
import { OutputSet, SET_NAMES } from '../src/output/generations.js';

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
    const current = readlinkSync(join(out, 'current'));
    // What a kill before the switch leaves: a staging folder with a half file, temp files and a
    // temp link beside complete outputs.
    const set = new OutputSet(out);
    await set.write('claims.jsonl', '{"half": ');
    const temps = [tempPath(join(out, '.cache', 'abc.json')), tempPath(join(out, '.store', 'abc'))];
    for (const t of temps) writeFileSync(t, '{"half": ');
    // The files a reader sees are still the whole previous output.
    expect(readlinkSync(join(out, 'current'))).toBe(current);
    expect(snapshot(out)).toEqual(before);
    const link = tempPath(join(out, 'current'));
    symlinkSync('.generations/0123456789abcdef', link);
    const after = await runPipeline([corpus], out);
    expect(after.exitCode).toBe(0);
    for (const t of [...temps, link]) expect(existsSync(t)).toBe(false);
    expect(readdirSync(join(out, '.generations'))).toEqual([current.split('/').pop()]);
    expect(snapshot(out)).toEqual(before);
  });

  test('the set switches by one link: every name reads current/, a new run moves only that link', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    await runPipeline([corpus], out);
    for (const name of SET_NAMES) expect(readlinkSync(join(out, name))).toBe(`current/${name}`);
    const first = readlinkSync(join(out, 'current'));
    expect(first).toMatch(/^\.generations\/[0-9a-f]{16}$/);
    // Same outputs, same generation: an unchanged rerun switches nothing.
    await runPipeline([corpus], out);
    expect(readlinkSync(join(out, 'current'))).toBe(first);
    // Other outputs: a new generation, the old one pruned.
    writeFileSync(join(corpus, 'extra.txt'), 'Acme Corp. said its revenue rose 12% to $7 million in 2025.\n');
    await runPipeline([corpus], out);
    const second = readlinkSync(join(out, 'current'));
    expect(second).not.toBe(first);
    expect(readdirSync(join(out, '.generations'))).toEqual([second.split('/').pop()]);
    expect(realpathSync(join(out, 'claims.jsonl'))).toBe(join(realpathSync(out), second, 'claims.jsonl'));
  });

  test('a folder of the older layout (plain files, a commit record a killed run left) is finished, then adopted whole', async () => {
    const corpus = copyCorpus();
    const reference = tempDir();
    await runPipeline([corpus], reference);
    // The older layout: plain files (a copy that follows the links), and a commit record of a run
    // killed between its renames — run.json still staged as a temp.
    const out = tempDir();
    rmSync(out, { recursive: true });
    cpSync(reference, out, { recursive: true, dereference: true, filter: (p) => !/\.generations|current$/.test(p) });
    for (const name of SET_NAMES) expect(lstatSync(join(out, name)).isSymbolicLink()).toBe(false);
    const staged = tempPath(join(out, 'run.json'));
    renameSync(join(out, 'run.json'), staged);
    writeFileSync(join(out, '.commit.json'), JSON.stringify({ files: [[staged.split('/').pop(), 'run.json']] }));
    const again = await runPipeline([corpus], out);
    expect(again.reused).toBe(again.articles);
    expect(existsSync(join(out, '.commit.json'))).toBe(false);
    for (const name of SET_NAMES) expect(readlinkSync(join(out, name))).toBe(`current/${name}`);
    expect(snapshot(out)).toEqual(snapshot(reference));
    expect(readlinkSync(join(out, 'current'))).toBe(readlinkSync(join(reference, 'current')));
    expect(readdirSync(join(out, '.generations'))).toHaveLength(1);
  });

  test('an adoption killed midway (some names plain, some links) is taken up again by the next run', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    await runPipeline([corpus], out);
    const before = snapshot(out);
    for (const name of ['claims.jsonl', 'schema']) {
      const plain = join(out, `${name}.plain`);
      cpSync(join(out, name), plain, { recursive: true, dereference: true });
      rmSync(join(out, name));
      renameSync(plain, join(out, name));
    }
    expect(lstatSync(join(out, 'schema')).isDirectory()).toBe(true);
    expect(snapshot(out)).toEqual(before);
    await runPipeline([corpus], out);
    for (const name of SET_NAMES) expect(readlinkSync(join(out, name))).toBe(`current/${name}`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, '.generations'))).toHaveLength(1);
  });

  test('a plain file or folder named current is refused by name, nothing written', async () => {
    const corpus = copyCorpus();
    const out = tempDir();
    mkdirSync(join(out, 'current'));
    await expect(runPipeline([corpus], out)).rejects.toThrow(/current is in the way/);
    expect(readdirSync(out).sort()).toEqual(['.cache', 'current'].filter((n) => existsSync(join(out, n))));
  });

  test('finishCommit completes a commit record an older version left', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'run.json'), 'old run.json');
    const staged = tempPath(join(out, 'run.json'));
    writeFileSync(staged, 'new run.json');
    writeFileSync(join(out, '.commit.json'), JSON.stringify({ files: [[staged.split('/').pop(), 'run.json'], ['../escape.tmp-0123456789abcdef', 'x']] }));
    await finishCommit(out);
    expect(readFileSync(join(out, 'run.json'), 'utf8')).toBe('new run.json');
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
