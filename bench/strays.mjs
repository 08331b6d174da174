// What a finished run must not leave in an output folder (shared by bench/kill-loop.mjs and
// tests/adversarial/adversarial.test.ts).
import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Names a run leaves only while it runs: temp files and links, its lock, a commit record, a
 * staging folder, a generation other than the current one. */
export function strays(out) {
  const found = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (/\.tmp-[0-9a-f]{16}$/.test(n) || n === '.lock' || n === '.commit.json') found.push(p);
      if (d === join(out, '.generations') && `.generations/${n}` !== readlinkSync(join(out, 'current'))) found.push(p);
      else if (statSync(p, { throwIfNoEntry: false })?.isDirectory() && n !== 'current') walk(p);
    }
  };
  walk(out);
  return found;
}
