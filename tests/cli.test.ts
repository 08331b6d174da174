/** Command-line conventions (issue 13): --version/-v, help with defaults and examples, one-line
 * usage errors with exit 2, `-` for an article on stdin, and `npm run claims` building only when
 * dist/ is stale. Runs the built CLI (npm test builds first). */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tempDir, readClaims } from './helpers.js';
// @ts-expect-error: a plain .mjs script without types
import { isStale } from '../scripts/build-if-stale.mjs';

const cli = join(root, 'dist', 'cli.js');
const claims = (args: string[], input?: string, cwd = root) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, cwd });
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

describe('claims CLI conventions', () => {
  test('--version and -v print the version', () => {
    for (const flag of ['--version', '-v']) expect(claims([flag])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  test('help shows defaults and examples', () => {
    expect(claims(['--help']).stdout).toMatch(/Examples:\n {2}claims run corpus\//);
    const run = claims(['run', '--help']).stdout.replace(/\s+/g, ' '); // as one line, however it wraps
    expect(run).toMatch(/default: "output"/);
    expect(run).toMatch(/default 5242880/);
    expect(run).toMatch(/default: cores, at most 4/);
    expect(run).toMatch(/- reads one article from stdin/);
  });

  test('a usage error is one line on stderr, exit 2', () => {
    for (const args of [['bogus'], ['run', '--bogus', 'x'], ['run']]) {
      const r = claims(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^claims: [^\n]+\n$/);
    }
  });

  test('- reads one article from stdin, held as stdin.txt or --stdin-name', () => {
    const out = tempDir();
    const text = 'Acme Corp said revenue rose 12% to $4.5 billion in 2024.\n';
    expect(claims(['run', '-', '--out', out, '-q', '-w', '1'], text).status).toBe(0);
    expect(readClaims(out).map((c) => c.source.path)).toContain('stdin.txt');
    expect(claims(['run', '-', '--stdin-name', 'feeds/acme.txt', '--out', out, '-q', '-w', '1'], text.replace('12%', '13%')).status).toBe(0);
    const paths = new Set(readClaims(out).map((c) => c.source.path));
    expect(paths).toEqual(new Set(['stdin.txt', 'feeds/acme.txt']));
  });
});

describe('npm run claims builds only a stale dist/', () => {
  const tree = () => {
    const dir = tempDir();
    for (const d of ['src', 'rules', 'dist/review/ui', 'dist/pipeline']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['src/cli.ts', 'rules/a.yml', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) writeFileSync(join(dir, f), '');
    return dir;
  };
  const built = (dir: string, at: number) => {
    for (const f of ['dist/index.js', 'dist/cli.js', 'dist/review/ui/index.html', 'dist/pipeline/worker.bundle.js']) {
      writeFileSync(join(dir, f), '');
      utimesSync(join(dir, f), at, at);
    }
  };
  const now = Date.now() / 1000;

  test('fresh when every output is newer than every input; stale when one is missing or older', () => {
    const dir = tree();
    expect(isStale(dir)).toBe(true); // nothing built
    built(dir, now + 60);
    expect(isStale(dir)).toBe(false);
    utimesSync(join(dir, 'rules/a.yml'), now + 120, now + 120); // a rule edited after the build
    expect(isStale(dir)).toBe(true);
  });
});
