import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, type RunOptions } from '../src/pipeline/run.js';
import type { ClaimRecord } from '../src/records.js';

export const root = join(import.meta.dirname, '..');
export const corpusDir = join(root, 'corpus');
export const goldDir = join(root, 'tests', 'gold');

export function tempDir(prefix = 'claims-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the pipeline (inline, from the sources) quietly. */
export function runPipeline(inputs: string[], out: string, extra: Partial<RunOptions> = {}) {
  return run({ inputs, out, workers: 1, ...extra });
}

/** Every file under `dir` (relative path → bytes) for byte comparisons, without the cache, the
 * article store and manifest.json: the manifest is the one file with time stamps (when each
 * article was added), and nothing else depends on them. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      // The names a reader uses; the generation folders they lead to are named by content already.
      if (name === '.cache' || name === '.store' || (d === dir && ['manifest.json', '.generations', 'current'].includes(name))) continue;
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

export function readClaims(out: string): ClaimRecord[] {
  return readFileSync(join(out, 'claims.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ClaimRecord);
}

/** Scores claims.jsonl against a gold file with the shared scorer (copied in tests/gold). */
export function score(claimsFile: string, gold = join(goldDir, 'seeds.quantities.jsonl'), onlyKind?: string) {
  const args = [join(goldDir, 'score.mjs'), '--gold', gold, '--claims', claimsFile, '--json', ...(onlyKind ? ['--only-kind', onlyKind] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as {
    gold: number; found: number; noiseLeaks: number; spurious: number; precision: number; recall: number; f1: number;
    valueAccuracy: number; unitAccuracy: number; boundAccuracy: number; subjectAccuracy: number; strictRecall: number;
  };
}

/** Writes files into a new temp folder: name → content (string or bytes). */
export function articles(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('articles-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function copyCorpus(): string {
  const dir = tempDir('corpus-');
  cpSync(corpusDir, dir, { recursive: true });
  return dir;
}
