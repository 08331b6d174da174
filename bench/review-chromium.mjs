// Finds Chromium for the review benchmarks (same rules as tests/review-browser.ts): $CLAIMS_CHROMIUM,
// else chromium / chromium-browser / google-chrome on PATH. Root needs --no-sandbox.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium() {
  const env = process.env.CLAIMS_CHROMIUM;
  if (env) return existsSync(env) ? { path: env, reason: '' } : { path: null, reason: `CLAIMS_CHROMIUM=${env} does not exist` };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return { path: found, reason: '' };
  }
  return { path: null, reason: 'no chromium on PATH (apt-get install chromium, or set CLAIMS_CHROMIUM)' };
}

export const launchArgs = () => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);
