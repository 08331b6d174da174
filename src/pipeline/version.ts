import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The pipeline's version, from package.json: every record carries it. */
export const PIPELINE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let codeHash: string | null = null;

/** A hash of the running code (every module of this package, src/ or dist/), so a stored result
 * is never reused by a changed pipeline that forgot to bump its version. */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) hash.update(e.name).update(readFileSync(p));
    }
  };
  walk(root);
  return (codeHash = `${PIPELINE_VERSION}+${hash.digest('hex').slice(0, 12)}`);
}
