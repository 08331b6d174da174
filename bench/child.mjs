// One measured job in its own process, so peak RSS belongs to that job alone.
//   node bench/child.mjs pipeline <dir> <out> <workers>
//   node bench/child.mjs baseline <dir> <maxBytes>
// Prints one JSON line: { seconds, bytes, articles, maxRssMB }.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, dir, arg3, arg4] = process.argv.slice(2);
let bytes = 0, articles = 0;
let started = process.hrtime.bigint();
if (mode === 'pipeline') {
  const { run } = await import('../dist/index.js');
  const summary = await run({ inputs: [dir], out: arg3, workers: Number(arg4), incremental: false });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const f of readdirSync(dir)) bytes += readFileSync(join(dir, f)).length;
  articles = summary.articles;
  started = process.hrtime.bigint() - BigInt(Math.round(seconds * 1e9));
} else if (mode === 'baseline') {
  // The NLP baseline: compromise's full nlp() (tokenize + tag) over the same articles, one core.
  const { default: nlp } = await import('compromise');
  const limit = Number(arg3);
  for (const f of readdirSync(dir).sort()) {
    if (bytes >= limit) break;
    const text = readFileSync(join(dir, f), 'utf8');
    nlp(text);
    bytes += Buffer.byteLength(text);
    articles++;
  }
} else throw new Error(`unknown mode ${mode}`);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, bytes, articles, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
