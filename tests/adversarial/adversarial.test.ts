/**
 * The adversarial battery (issue 16), run through the built CLI (dist/cli.js) as a user would:
 * every article case with 2 workers and inline, broken rule files, file-system cases, a second
 * run into a locked folder, and kill -9 during runs. For each: processed with its claims or
 * refused with its named reason; the same outputs in both modes; one line per message, never a
 * stack; no article lost; final files never partial; the user's files untouched.
 *
 * Default sizes keep this to well under a minute; CLAIMS_ADVERSARIAL=full runs the sizes of the
 * issue (multi-MB articles) and 25 kill -9 trials.
 */
import { describe, expect, test, beforeAll } from 'vitest';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { articleCases, ruleCases, FULL } from './cases.js';
import { root, tempDir } from '../helpers.js';
import { strays } from '../../bench/strays.mjs';
import { backtracking, userPatterns } from '../../src/rules/load.js';
import { parseDocument } from 'yaml';

const cli = join(root, 'dist', 'cli.js');
const OUTPUTS = ['claims.jsonl', 'noise.jsonl', 'graph.json', 'run.json', 'report.md'];

function claims(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** The same, without blocking: cases that only start the CLI run side by side. */
function claimsAsync(args: string[], cwd = root): Promise<{ code: number | null; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => res({ code, stderr }));
  });
}

/** Every stderr line is one message from claims, never a stack frame or a zod dump. */
function expectOneLineMessages(stderr: string) {
  for (const line of stderr.split('\n').filter(Boolean)) {
    expect(line, stderr).toMatch(/^claims: /);
    expect(line).not.toMatch(/^\s+at |\[\s*$|"code":/);
  }
}

/** The files a user reads, as one comparable value (the manifest by its article list). `dir` is
 * the output folder (read through its links) or a generation folder. */
function outputSet(dir: string): string {
  const manifest = existsSync(join(dir, 'manifest.json')) ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).articles.map((a: { path: string; sha256: string }) => `${a.path} ${a.sha256}`) : [];
  return JSON.stringify([manifest, ...OUTPUTS.map((f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'latin1') : null))]);
}

/** What a reader that reads several files of the set sees while runs come and go: `current`
 * resolved once, every file read from that generation (read again if a run pruned it meanwhile). */
function readerSees(out: string): string {
  for (;;) {
    try {
      const generation = realpathSync(join(out, 'current'));
      const seen = outputSet(generation);
      if (existsSync(generation)) return seen;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

describe('adversarial articles: processed or refused by name, the same with 2 workers and inline', () => {
  const cases = articleCases();
  const dir = tempDir('claims-adv-');
  const runs: Record<string, { code: number | null; stderr: string; out: string }> = {};

  beforeAll(() => {
    mkdirSync(join(dir, 'in'));
    for (const c of cases) writeFileSync(join(dir, 'in', c.name), c.bytes);
    for (const workers of ['2', '1']) {
      const out = join(dir, `out${workers}`);
      const r = claims(['run', 'in', '--out', out, '--workers', workers, '-q'], dir);
      runs[workers] = { code: r.code, stderr: r.stderr, out };
    }
  }, 600_000);

  test('exit 1 (some refused), one line per failure, no stack', () => {
    for (const r of Object.values(runs)) {
      expect(r.code, r.stderr).toBe(1);
      expectOneLineMessages(r.stderr);
    }
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    for (const r of Object.values(runs)) {
      const run = JSON.parse(readFileSync(join(r.out, 'run.json'), 'utf8'));
      const held = run.articles.find((a: { path: string }) => a.path === `in/${name}`);
      const failed = run.failed.find((f: { path: string }) => f.path === `in/${name}`);
      if ('claims' in c.expect) {
        expect(failed?.reason, `${name} failed`).toBeUndefined();
        expect(held.claims).toBeGreaterThanOrEqual(c.expect.claims);
      } else {
        expect(held).toBeUndefined();
        expect(failed.reason).toMatch(c.expect.refused);
        expect(failed.reason).not.toMatch(/\n/);
      }
    }
  });

  test('the outputs are byte-identical between --workers 2 and inline', () => {
    for (const f of OUTPUTS) expect(readFileSync(join(runs['2'].out, f)).equals(readFileSync(join(runs['1'].out, f))), f).toBe(true);
  });

  test('an article over its time budget fails by name, in the pool as inline; its neighbours go on', () => {
    const slow = join(dir, 'slow');
    mkdirSync(slow);
    writeFileSync(join(slow, 'table.md'), `| name | value |\n|---|---|\n${Array.from({ length: 8000 }, (_, i) => `| row ${i} | $${i + 1} million |`).join('\n')}\n`);
    writeFileSync(join(slow, 'ok.txt'), 'Acme Corp. said its revenue rose 10%.\n');
    for (const workers of ['2', '1']) {
      const r = claims(['run', 'slow', '--out', `slow-out${workers}`, '--workers', workers, '--time-budget', '1', '-q'], dir);
      expect(r.code).toBe(1);
      expectOneLineMessages(r.stderr);
      expect(r.stderr).toMatch(/table\.md: took longer than the 1 s time budget per article/);
      expect(JSON.parse(readFileSync(join(dir, `slow-out${workers}`, 'run.json'), 'utf8')).articles.map((a: { path: string }) => a.path)).toEqual(['slow/ok.txt']);
    }
  });

  test('a number beyond range is kept as written, without a value, with its reason', () => {
    const line = readFileSync(join(runs['2'].out, 'claims.jsonl'), 'utf8').split('\n').find((l) => l.includes('"quote":"$999999'))!;
    const q = JSON.parse(line).quantity;
    expect(q).toMatchObject({ value: null, low: null, high: null, kind: 'money' });
    expect(q.quote).toBe(`$${'9'.repeat(309)}`);
    expect(q.reason).toMatch(/too large/);
  });
});

describe('broken rule files: refused at load with file:line:col, one line, exit 2, nothing written', () => {
  test.concurrent.each(ruleCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = tempDir('claims-adv-rules-');
    cpSync(join(root, 'rules'), join(dir, 'rules'), { recursive: true });
    const file = join(dir, 'rules', c.file);
    if (c.folder) {
      rmSync(file);
      mkdirSync(file);
    } else writeFileSync(file, c.edit(existsSync(file) ? readFileSync(file, 'utf8') : ''));
    const out = join(dir, 'out');
    const r = await claimsAsync(['run', join(root, 'corpus'), '--out', out, '--rules', join(dir, 'rules'), '-q'], dir);
    expect(r.code, r.stderr).toBe(2);
    expectOneLineMessages(r.stderr);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^claims: bad rule file: \S+\.yml:\d+:\d+: /);
    expect(r.stderr).toMatch(c.reason);
    expect(existsSync(out)).toBe(false);
  });
});

test('a user\'s pattern RE2 can run is accepted whatever its shape, and runs in linear time there', () => {
  const dir = tempDir('claims-adv-re2-');
  cpSync(join(root, 'rules'), join(dir, 'rules'), { recursive: true });
  const file = join(dir, 'rules', 'noise', 'boilerplate.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('rules:\n', 'rules:\n  - { id: evil, scope: line, pattern: "^(a+)+$", examples: { match: [], noMatch: [] } }\n'));
  const modality = join(dir, 'rules', 'claims', 'modality.yml');
  writeFileSync(modality, readFileSync(modality, 'utf8').replace('attribution:\n', 'attribution:\n  - { pattern: "as (?:forecast|projected) by {source}\\\\b" }\n'));
  mkdirSync(join(dir, 'in'));
  // On JS RegExp, ^(a+)+$ would try some 2^590 ways to split the first line before giving up.
  writeFileSync(join(dir, 'in', 'a.txt'), `${'a'.repeat(590)}b\naaaa\nRevenue will reach $5 million in 2027, as forecast by analysts at Acme.\n`);
  const t = Date.now();
  const r = claims(['run', 'in', '--out', 'out', '--rules', join(dir, 'rules'), '--workers', '1', '--time-budget', '60', '-q'], dir);
  expect(r.code, r.stderr).toBe(0);
  expect(Date.now() - t).toBeLessThan(30_000);
  const noise = JSON.parse(readFileSync(join(dir, 'out', 'noise.jsonl'), 'utf8'));
  expect(noise.noise.filter((f: { rule: string }) => f.rule === 'noise/boilerplate#evil').map((f: { quote: string }) => f.quote)).toEqual(['aaaa']);
  const claim = JSON.parse(readFileSync(join(dir, 'out', 'claims.jsonl'), 'utf8').split('\n')[0]);
  // (The source is matched lazily, as on JS RegExp: the fewest words before the \b.)
  expect(claim.attribution).toBe('analysts');
}, 60_000);

test('no shipped pattern can backtrack exponentially (recheck; undecided within 300 ms passes)', () => {
  for (const id of ['noise.boilerplate', 'claims.modality'] as const) {
    const data = parseDocument(readFileSync(join(root, 'rules', ...id.split('.')) + '.yml', 'utf8')).toJS();
    for (const p of userPatterns(id, data)) expect(backtracking(p.pattern, p.flags, 300), `${id} ${p.path.join('.')}`).toBeNull();
  }
  // The checker does catch what the rule-file cases rely on.
  expect(backtracking('^(a+)+$', 'u')).toMatch(/exponential/);
}, 60_000);

describe('the file system and the user\'s files', () => {
  test('FIFOs and devices are refused by name without reading; the same file named twice is one article', () => {
    const dir = tempDir('claims-adv-fs-');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), 'Acme Corp. said its revenue rose 10% to $5 million.\n');
    execFileSync('mkfifo', [join(dir, 'in', 'pipe.txt')]);
    const r = claims(['run', 'in/a.txt', './in/a.txt', 'in/pipe.txt', '/dev/zero', '--out', 'out', '--workers', '1'], dir);
    expect(r.code).toBe(1);
    expectOneLineMessages(r.stderr);
    expect(r.stderr).toMatch(/pipe\.txt: not a regular file \(a FIFO\)/);
    expect(r.stderr).toMatch(/dev\/zero: not a regular file \(a character device\)/);
    const run = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8'));
    expect(run.articles.map((a: { path: string }) => a.path)).toEqual(['in/a.txt']);
  });

  test('a name with escapes, newlines and pipes is escaped on stderr and in report.md', () => {
    const dir = tempDir('claims-adv-names-');
    mkdirSync(join(dir, 'in'));
    const bad = 'bad\u001b[31mred|x\nline.txt';
    writeFileSync(join(dir, 'in', bad), Buffer.alloc(0));
    writeFileSync(join(dir, 'in', 'ok.txt'), 'Acme Corp. said its revenue rose 10%.\n');
    const r = claims(['run', 'in', '--out', 'out', '--workers', '1', '-q'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\u001b/);
    expectOneLineMessages(r.stderr);
    const report = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(report).not.toMatch(/\u001b/);
    expect(report).toContain('bad\\\\u001b\\[31mred\\|x\\\\u000aline.txt');
  });

  test('--out a file or unwritable: exit 2 with one line, no stack', () => {
    const dir = tempDir('claims-adv-out-');
    writeFileSync(join(dir, 'file'), 'mine');
    const r = claims(['run', join(root, 'corpus'), '--out', join(dir, 'file'), '-q'], dir);
    expect(r.code).toBe(2);
    expectOneLineMessages(r.stderr);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('mine');
    const r2 = claims(['run', join(root, 'corpus'), '--out', '/proc/claims-out', '-q'], dir);
    expect(r2.code).toBe(2);
    expectOneLineMessages(r2.stderr);
  });

  test('a second run into a locked folder is refused; a stale lock is taken over; user files stay', () => {
    const dir = tempDir('claims-adv-lock-');
    const out = join(dir, 'out');
    mkdirSync(join(out, '.cache'), { recursive: true });
    const mine = { 'notes.txt': 'mine', '.cache/keep.txt': 'mine too', '.claims.jsonl.tmp-1-2': 'looks like a temp, is not ours' };
    for (const [n, t] of Object.entries(mine)) writeFileSync(join(out, n), t);
    const host = hostname();
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: process.pid, host }));
    const busy = claims(['run', join(root, 'corpus'), '--out', out, '-q'], dir);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/in use by another run \(pid \d+\)/);
    // A lock whose process is gone.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: Number(gone), host }));
    const r = claims(['run', join(root, 'corpus'), '--out', out, '-q', '--workers', '1'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(strays(out)).toEqual([]);
    for (const [n, t] of Object.entries(mine)) expect(readFileSync(join(out, n), 'utf8')).toBe(t);
  });
});

/** A batch of small articles for the kill trials: the sample corpus, sentence by sentence. */
function batch(dir: string, count: number): string {
  const texts = readdirSync(join(root, 'corpus')).map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));
  const lines = texts.flatMap((t) => t.split('\n').filter((l) => /\d/.test(l)));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `b${String(i).padStart(3, '0')}.txt`), `Report ${i}\n${lines.slice(i % lines.length).concat(lines).slice(0, 12).join('\n')}\n`);
  return dir;
}

describe('kill -9 during runs, and two runs at once: no article lost, no torn output set, no stray file', () => {
  const trials = FULL ? 25 : 3;
  const dir = tempDir('claims-adv-kill-');
  const articles = batch(join(dir, 'batch'), FULL ? 400 : 12);
  const base = join(dir, 'base');
  const full = join(dir, 'full');
  let duration = 0;

  beforeAll(() => {
    expect(claims(['run', join(root, 'corpus'), '--out', base, '-q']).code).toBe(0);
    cpSync(base, full, { recursive: true, verbatimSymlinks: true });
    const t = Date.now();
    expect(claims(['run', articles, '--out', full, '-q', '--workers', '2']).code).toBe(0);
    duration = Date.now() - t;
  }, 600_000);

  test(`${trials} kills at random moments: the old set or the new one, never a mix, for a reader meanwhile too; the next run completes it`, async () => {
    const before = outputSet(base);
    const after = outputSet(full);
    let torn = 0, lost = 0, stray = 0, tornRead = 0, reads = 0;
    for (let i = 0; i < trials; i++) {
      const out = join(dir, `trial${i}`);
      cpSync(base, out, { recursive: true, verbatimSymlinks: true });
      const child = spawn(process.execPath, [cli, 'run', articles, '--out', out, '-q', '--workers', '2'], { stdio: 'ignore' });
      let running = true;
      const exited = new Promise((res) => child.on('exit', res)).then(() => (running = false));
      // A reader reads the set over and over while the run goes on.
      const reader = (async () => {
        while (running) {
          const seen = readerSees(out);
          reads++;
          if (seen !== before && seen !== after) tornRead++;
          await new Promise((res) => setTimeout(res, 5));
        }
      })();
      // Spread over the whole run, with the last trials late, where the write phase is.
      await new Promise((res) => setTimeout(res, ((i + 1) / trials) * duration * 1.1));
      child.kill('SIGKILL');
      await exited;
      await reader;
      // Nothing to finish: whatever the kill interrupted, the current link names a whole set.
      expect(existsSync(join(out, '.commit.json'))).toBe(false);
      const now = outputSet(out);
      if (now !== before && now !== after) torn++;
      // Inline: the outputs do not depend on --workers, and a small batch runs faster so.
      const again = claims(['run', articles, '--out', out, '-q', '--workers', '1']);
      expect(again.code, again.stderr).toBe(0);
      if (outputSet(out) !== after) lost++;
      stray += strays(out).length;
    }
    expect(reads).toBeGreaterThan(trials);
    expect({ torn, tornRead, lost, stray }).toEqual({ torn: 0, tornRead: 0, lost: 0, stray: 0 });
  }, 600_000);

  test('a reader during runs that switch the set back and forth sees one whole set or the other', async () => {
    const only = join(dir, 'only-batch');
    expect(claims(['run', articles, '--out', only, '-q', '--workers', '1']).code).toBe(0);
    const sets = [outputSet(base), outputSet(only)];
    const out = join(dir, 'flip');
    cpSync(base, out, { recursive: true, verbatimSymlinks: true });
    let running = true, reads = 0, torn = 0;
    const seen = new Set<number>();
    // Reads as fast as it can (yielding only so the runs' exits are heard) while the runs switch.
    const reader = (async () => {
      while (running) {
        const i = sets.indexOf(readerSees(out));
        if (i < 0) torn++;
        else seen.add(i);
        reads++;
        await new Promise((res) => setImmediate(res));
      }
    })();
    for (let i = 0; i < (FULL ? 10 : 4); i++) {
      const r = await claimsAsync(['run', i % 2 ? join(root, 'corpus') : articles, '--replace', '--out', out, '-q', '--workers', '1']);
      expect(r.code, r.stderr).toBe(0);
    }
    running = false;
    await reader;
    expect({ torn, both: seen.size }).toEqual({ torn: 0, both: 2 });
    expect(reads).toBeGreaterThan(20);
  }, 600_000);

  test('two runs into one folder at once: one is refused by name, the other completes', async () => {
    const out = join(dir, 'concurrent');
    cpSync(base, out, { recursive: true, verbatimSymlinks: true });
    const start = () => claimsAsync(['run', articles, '--out', out, '-q', '--workers', '2']);
    const results = await Promise.all([start(), start()]);
    const codes = results.map((r) => r.code).sort();
    expect(codes[0]).toBe(0);
    if (codes[1] !== 0) {
      expect(codes[1]).toBe(2);
      expect(results.find((r) => r.code === 2)!.stderr).toMatch(/in use by another run/);
    }
    expect(outputSet(out)).toBe(outputSet(full));
    expect(strays(out)).toEqual([]);
  }, 600_000);
});

/** A tmpfs of `size` at `dir`, where this test may mount one (root with CAP_SYS_ADMIN); else null. */
function smallDisk(dir: string, size: string): { grow(size: string): void; remove(): void } | null {
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return null;
  return {
    grow: (to) => execFileSync('mount', ['-o', `remount,size=${to}`, dir]),
    remove: () => void spawnSync('umount', [dir]),
  };
}

describe('a full disk: one line, exit 2, the old set whole, nothing left over, the next run works', () => {
  const dir = tempDir('claims-adv-full-');
  const articles = batch(join(dir, 'batch'), 12);
  const reference = join(dir, 'reference');

  beforeAll(() => {
    expect(claims(['run', join(root, 'corpus'), articles, '--out', reference, '-q']).code).toBe(0);
  }, 600_000);

  /** The run that runs out of space, then the same run once there is space again. */
  function check(out: string, full: { code: number | null; stderr: string }, before: string, again: () => { code: number | null; stderr: string }) {
    expect(full.code, full.stderr).toBe(2);
    expect(full.stderr.trim().split('\n'), full.stderr).toHaveLength(1);
    expect(full.stderr).toMatch(new RegExp(`^claims: no space left on device while writing ${out.replace(/[/.]/g, '\\$&')};`));
    expect(outputSet(out)).toBe(before);
    expect(strays(out)).toEqual([]);
    const r = again();
    expect(r.code, r.stderr).toBe(0);
    expect(outputSet(out)).toBe(outputSet(reference));
    expect(strays(out)).toEqual([]);
  }

  test('while the output set is written (injected: CLAIMS_FAULT_INJECT)', () => {
    const out = join(dir, 'injected');
    expect(claims(['run', join(root, 'corpus'), '--out', out, '-q']).code).toBe(0);
    const before = outputSet(out);
    const r = spawnSync(process.execPath, [cli, 'run', articles, '--out', out, '-q', '--workers', '1'], { encoding: 'utf8', env: { ...process.env, CLAIMS_FAULT_INJECT: 'enospc-after:20000' } });
    check(out, { code: r.status, stderr: r.stderr }, before, () => claims(['run', articles, '--out', out, '-q', '--workers', '1']));
  }, 600_000);

  test('on a real small file system (a 1 MB tmpfs, where one can be mounted)', (ctx) => {
    const mount = join(dir, 'disk');
    const disk = smallDisk(mount, '1m');
    if (!disk) return ctx.skip('no tmpfs can be mounted here (not root, or no CAP_SYS_ADMIN); the injected case stands for it');
    try {
      const out = join(mount, 'out');
      expect(claims(['run', join(root, 'corpus'), '--out', out, '-q']).code).toBe(0);
      const before = outputSet(out);
      // A text of 700 KB does not fit beside what is there: its stored copy fails, wherever the run is.
      const big = join(dir, 'big');
      mkdirSync(big, { recursive: true });
      writeFileSync(join(big, 'long.txt'), `Acme Corp. said its revenue rose 10% to $5 million.\n${'word '.repeat(140_000)}\n`);
      const full = claims(['run', articles, big, '--out', out, '-q', '--workers', '2']);
      check(out, full, before, () => {
        disk.grow('64m');
        rmSync(join(big, 'long.txt'));
        return claims(['run', articles, '--out', out, '-q', '--workers', '2']);
      });
    } finally {
      disk.remove();
    }
  }, 600_000);
});
