/**
 * Finding a Chromium for the browser tests and the review benchmarks: $CLAIMS_CHROMIUM, else the
 * Debian package's `chromium` (or `chromium-browser`, `google-chrome`) on PATH. playwright-core
 * drives it; nothing is downloaded. When none is found the caller skips, saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium(): { path: string | null; reason: string } {
  const env = process.env.CLAIMS_CHROMIUM;
  if (env) return existsSync(env) ? starts(env) : { path: null, reason: `CLAIMS_CHROMIUM=${env} does not exist` };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return starts(found);
  }
  return { path: null, reason: 'no chromium on PATH (apt-get install chromium, or set CLAIMS_CHROMIUM)' };
}

/** A browser that is installed but cannot start (missing libraries) is no browser either. */
function starts(path: string): { path: string | null; reason: string } {
  const r = spawnSync(path, ['--headless', ...launchArgs(), '--disable-gpu', '--dump-dom', 'about:blank'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0 && r.stdout.includes('<html')) return { path, reason: '' };
  const why = (r.error?.message ?? r.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${r.status}`).slice(0, 200);
  return { path: null, reason: `${path} does not start: ${why}` };
}

/** Launch options: as root (CI, containers) Chromium refuses to start without --no-sandbox. */
export const launchArgs = () => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);
