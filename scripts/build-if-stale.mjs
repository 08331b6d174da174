#!/usr/bin/env node
/**
 * `npm run claims` and `npm start` build first; a full build takes seconds, which `claims --help`
 * should not. This builds only when dist/ is missing or older than what it is built from (src/,
 * rules/, package.json, the tsconfigs). "Older" is by modification time, as make would judge it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the build writes, each step's last output: if any is missing or old, rebuild. */
const OUTPUTS = ['dist/index.js', 'dist/cli.js', 'dist/review/ui/index.html', 'dist/pipeline/worker.bundle.js'];
const INPUTS = ['src', 'rules', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), info.mtimeMs);
}

/** True when `root`'s dist/ needs building. */
export function isStale(root) {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return INPUTS.some((p) => newest(join(root, p)) > built);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (isStale(root)) execSync('npm run -s build', { cwd: root, stdio: 'inherit' });
}
