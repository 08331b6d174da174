/** Which files a run reads — skips, ignore files, globs, symlinks, other types. */
import { describe, expect, test } from 'vitest';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findArticles } from '../src/ingest/walk.js';
import { articles, runPipeline, snapshot } from './helpers.js';

const line = 'Nvidia sold 3,700,000 chips in 2025.\n';

/** A folder with one of each thing a walk must skip, and three real articles. */
function messyFolder(): string {
  const dir = articles({
    'a.txt': line,
    'sub/b.md': '# Chips\n\nAMD sold 1,250,000 chips in 2025.\n',
    'nested/ok.txt': line.replace('Nvidia', 'Intel'),
    'nested/secret.txt': line,
    'nested/.gitignore': 'secret.txt\n',
    '.hidden/c.txt': line,
    '.d.txt': line,
    'node_modules/pkg/README.md': '# pkg\n\nDownloads rose 12.5 percent.\n',
    'drafts/e.txt': line,
    '.gitignore': 'drafts/\n',
    'f.draft.md': line,
    '.claimsignore': '*.draft.md\n',
    'data.json': '{"value": 3}',
    'out/report.md': '# Claims review\n\n5 articles read, 0 failed, 34 claims.\n',
    'old-run/report.md': '# Claims review\n\n5 articles read, 0 failed, 34 claims.\n',
    'old-run/graph.json': '{}',
    'old-run/run.json': '{}',
  });
  symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
  return dir;
}

const rel = (dir: string, paths: string[]) => paths.map((p) => relative(dir, p));

describe('folder walks', () => {
  test('skip the output folder (and older ones), hidden entries, node_modules and what .gitignore / .claimsignore list', async () => {
    const dir = messyFolder();
    const found = await findArticles([dir], { exclude: [join(dir, 'out')] });
    expect(rel(dir, found.paths)).toEqual(['a.txt', 'nested/ok.txt', 'sub/b.md']);
  });

  test('report symlinks, other file types and the output folder instead of dropping them silently', async () => {
    const dir = messyFolder();
    const found = await findArticles([dir], { exclude: [join(dir, 'out')] });
    expect(found.skipped.map((s) => [relative(dir, s.path), s.reason.replace(/ \(.*/, '')])).toEqual([
      ['data.json', 'not an article type'],
      ['link.txt', 'symbolic link, not followed'],
      ['old-run', 'an output folder of claims'],
      ['out', 'the output folder'],
    ]);
  });

  test('a named file is read whatever its type; a symlink named directly is followed', async () => {
    const dir = messyFolder();
    const found = await findArticles([join(dir, 'data.json'), join(dir, 'link.txt')]);
    expect(rel(dir, found.paths)).toEqual(['data.json', 'link.txt']);
  });

  test('quoted globs expand, with the same skips as a walk', async () => {
    const dir = messyFolder();
    expect(rel(dir, (await findArticles([`${dir}/**/*.md`], { exclude: [join(dir, 'out')] })).paths)).toEqual(['sub/b.md']);
    expect(rel(dir, (await findArticles([`${dir}/**/*.txt`], { exclude: [join(dir, 'out')] })).paths)).toEqual(['a.txt', 'nested/ok.txt']);
    const none = await findArticles([`${dir}/*.nothing`]);
    expect(none.empty).toEqual([`${dir}/*.nothing`]);
  });

  test('an output folder inside the input folder is never read back as articles', async () => {
    const dir = articles({ 'a.txt': line, 'b.txt': line.replace('Nvidia', 'AMD') });
    const out = join(dir, 'output');
    const first = await runPipeline([dir], out);
    const before = snapshot(out);
    const second = await runPipeline([dir], out);
    expect([first.articles, second.articles]).toEqual([2, 2]);
    expect(snapshot(out)).toEqual(before);
  });

  test('an output folder named as the input is not read either', async () => {
    const dir = messyFolder();
    const found = await findArticles([join(dir, 'old-run'), join(dir, 'out')], { exclude: [join(dir, 'out')] });
    expect(found.paths).toEqual([]);
    expect(found.empty).toEqual([join(dir, 'old-run'), join(dir, 'out')]);
  });

  test('missing and empty inputs are told apart', async () => {
    const dir = articles({ 'notes.json': '{}' });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', '.keep'), '');
    const found = await findArticles([dir, join(dir, 'empty'), join(dir, 'missing')]);
    expect(found.missing).toEqual([join(dir, 'missing')]);
    expect(found.empty).toEqual([dir, join(dir, 'empty')]);
  });

  // As root every folder is readable, so the refusal cannot be provoked there.
  test.skipIf(process.getuid?.() === 0)('an unreadable sub-folder is reported and skipped; the rest is read', async () => {
    const dir = articles({ 'a.txt': line, 'locked/b.txt': line });
    chmodSync(join(dir, 'locked'), 0);
    try {
      const found = await findArticles([dir]);
      expect(found.paths).toEqual([join(dir, 'a.txt')]);
      expect(found.skipped).toEqual([{ path: join(dir, 'locked'), reason: 'folder not readable (EACCES)' }]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});
