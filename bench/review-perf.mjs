#!/usr/bin/env node
/**
 * Issue 12: the review page at 100,000 claims. Builds a synthetic run from the sample corpus's
 * real records (each article's claims repeated with new ids, paths, subjects and figures, then
 * reconciled and graphed by the pipeline's own code), writes its review site, opens it from disk
 * in headless Chromium and prints the table's first paint and the time of a few filters.
 * A measurement, not a test: `npm run build && node bench/review-perf.mjs [--claims 100000] [--runs 3]`.
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { run } from '../dist/pipeline/run.js';
import { summarizeClaim } from '../dist/reconcile/summary.js';
import { reconcile } from '../dist/reconcile/reconcile.js';
import { graphJson } from '../dist/graph/build.js';
import { writeReviewSite } from '../dist/review/site.js';
import { findChromium, launchArgs } from './review-chromium.mjs';

const { values: args } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } });
const target = Number(args.claims);
const browserPath = findChromium();
if (!browserPath.path) {
  console.error(`review-perf: no browser: ${browserPath.reason}`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'review-perf-'));
const base = join(dir, 'base');
await run({ inputs: ['corpus'], out: base, workers: 1 });
const lines = (f) => readFileSync(join(base, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const claims0 = lines('claims.jsonl');
const noise0 = lines('noise.jsonl');
const run0 = JSON.parse(readFileSync(join(base, 'run.json'), 'utf8'));

// Copy k of every article: a new path (copy 0 keeps the real one, so the texts resolve; copies
// share the article's content id, so the site keeps one text per article), new claim ids, one of
// 2,000 subjects, and figures scaled so reconciliation has groups, tensions and conflicts to find.
// Units vary too, as across a real year of news: otherwise every copy of "$600 billion" would be
// "the same figure" as every other, far more flags than real runs have (a 10 MB run: 3,690).
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'BRL', 'KRW', 'SEK', 'NOK', 'DKK', 'PLN', 'MXN', 'ZAR', 'SGD', 'HKD', 'NZD', 'TRY', 'ILS', 'AED', 'SAR', 'THB', 'IDR', 'MYR', 'PHP', 'CZK'];
const NOUNS = ['web', 'app', 'paid', 'free', 'business', 'edu', 'gov', 'trial', 'team', 'enterprise', 'mobile', 'desktop', 'api', 'beta', 'partner', 'reseller', 'student', 'family', 'pro', 'lite', 'plus', 'max', 'legacy'];
const copies = Math.ceil(target / claims0.length);
const id16 = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
const claims = [], articles = [], noise = [];
for (let k = 0; k < copies && claims.length < target; k++) {
  const pathOf = (p) => (k === 0 ? p : `synthetic/${String(k).padStart(5, '0')}/${p.split('/').pop()}`);
  for (const a of run0.articles) articles.push({ ...a, path: pathOf(a.path) });
  for (const n of noise0) noise.push({ ...n, path: pathOf(n.path) });
  for (const c of claims0) {
    if (claims.length >= target) break;
    const scale = 1 + k * 0.013; // a step wider than "the same figure" (0.5%): copies do not all match each other
    const unit = c.quantity && (k === 0 ? c.quantity.unit : c.quantity.kind === 'money' ? CURRENCIES[k % CURRENCIES.length] : c.quantity.kind === 'count' ? `${c.quantity.unit} (${NOUNS[k % NOUNS.length]})` : c.quantity.unit);
    const q = c.quantity && { ...c.quantity, unit, value: c.quantity.value === null ? null : c.quantity.value * scale, low: c.quantity.low === null ? null : c.quantity.low * scale, high: c.quantity.high === null ? null : c.quantity.high * scale };
    const s = c.subject && (k === 0 ? c.subject : { ...c.subject, id: `${c.subject.id}-${k % 2000}`, name: `${c.subject.name} ${k % 2000}` });
    claims.push({ ...c, id: id16(k, c.id), source: { ...c.source, path: pathOf(c.source.path) }, subject: s, quantity: q });
  }
}
const out = join(dir, 'out');
const summaries = claims.map(summarizeClaim);
// Reconciliation is streamed and disk-backed (src/reconcile/reconcile.ts): its spools are read
// back by the graph writer, then disposed.
const rec = await reconcile(summaries);
const counts = new Map();
for (const c of claims) counts.set(c.source.path, (counts.get(c.source.path) ?? 0) + 1);
const arts = articles.map((a) => ({ ...a, sources: [a.path], claims: counts.get(a.path) ?? 0 }));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'claims.jsonl'), claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
writeFileSync(join(out, 'noise.jsonl'), noise.map((n) => JSON.stringify(n)).join('\n') + '\n');
const graphFile = createWriteStream(join(out, 'graph.json'));
for await (const piece of graphJson(arts, summaries, rec, { pipeline: run0.pipeline, rules: run0.rules })) {
  if (!graphFile.write(piece)) await once(graphFile, 'drain');
}
graphFile.end();
await once(graphFile, 'finish');
// Flags as the page counts them: flagged pairs, and one per shared-figure hub.
let flagged = rec.hubs.count, hubClaims = 0;
for (const t of ['conflicts-with', 'in-tension-with']) for (const line of rec.relations[t].lines()) if (JSON.parse(line).review) flagged++;
for (const line of rec.hubs.lines()) hubClaims += JSON.parse(line).claims;
const hubs = rec.hubs.count;
rec.dispose();
writeFileSync(join(out, 'run.json'), JSON.stringify({ ...run0, articles: arts, claims: claims.length }, null, 1) + '\n');
let t = performance.now();
const site = await writeReviewSite({ out });
const siteMs = performance.now() - t;
const size = (f) => (readFileSync(join(site.dir, f)).length / 2 ** 20).toFixed(1);
console.log(`synthetic run: ${claims.length.toLocaleString('en')} claims in ${arts.length.toLocaleString('en')} articles, ${flagged.toLocaleString('en')} flags (${hubs.toLocaleString('en')} shared-figure hubs with ${hubClaims.toLocaleString('en')} claims); review site written in ${siteMs.toFixed(0)} ms (data.js ${size("data.js")} MB, details.js ${size("details.js")} MB)`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}, ${browserPath.path} (headless)`);

const browser = await chromium.launch({ executablePath: browserPath.path, args: launchArgs() });
const url = pathToFileURL(join(site.dir, 'index.html')).href;
const results = [];
try {
  for (let i = 0; i < Number(args.runs); i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.CLAIMS_REVIEW_READY !== undefined, null, { timeout: 60_000 });
    // Filters are timed with every column in, the sentences included.
    await page.waitForFunction(() => window.CLAIMS_REVIEW_COMPLETE !== undefined, null, { timeout: 60_000 });
    const first = await page.evaluate(() => ({
      ready: window.CLAIMS_REVIEW_READY,
      complete: window.CLAIMS_REVIEW_COMPLETE,
      fcp: performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? null,
      rows: document.querySelectorAll('.row[data-claim]').length,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      count: document.querySelector('#count').textContent,
    }));
    // A filter = change the control, the table filters, counts and repaints; timed to the next frame.
    const filter = (selector, value, event) => page.evaluate(async ([selector, value, event]) => {
      const el = document.querySelector(selector);
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new Event(event, { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { ms: performance.now() - t0, count: document.querySelector('#count').textContent, rows: document.querySelectorAll('.row[data-claim]').length };
    }, [selector, value, event]);
    const kind = await filter('#f-kind', 'count', 'change');
    const clear = await filter('#f-kind', '', 'change');
    const text = await filter('#f-text', 'billion', 'input');
    const flag = await filter('#f-flag', 'same-figure', 'change');
    await page.close();
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    results.push({ first, kind, clear, text, flag });
    const m = first.marks;
    console.log(`run ${i + 1}: data.js requested ${m['claims-data-start']?.toFixed(0)} ms, parsed ${m['claims-app-start']?.toFixed(0)} ms, indexed ${m['claims-indexed']?.toFixed(0)} ms; details.js in at ${first.complete.toFixed(0)} ms`);
    console.log(`run ${i + 1}: first paint of the table ${first.ready.toFixed(0)} ms (first contentful paint ${first.fcp?.toFixed(0) ?? '?'} ms, ${first.rows} rows in the DOM, "${first.count}")`
      + ` · filter kind=count ${kind.ms.toFixed(0)} ms ("${kind.count}") · clear ${clear.ms.toFixed(0)} ms · text "billion" ${text.ms.toFixed(0)} ms ("${text.count}") · + flag=same figure ${flag.ms.toFixed(0)} ms ("${flag.count}")`);
  }
} finally {
  await browser.close();
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fp = median(results.map((r) => r.first.ready));
const fl = median(results.flatMap((r) => [r.kind.ms, r.clear.ms, r.text.ms, r.flag.ms]));
const worst = Math.max(...results.flatMap((r) => [r.kind.ms, r.clear.ms, r.text.ms, r.flag.ms]));
console.log(`after ${results.length} runs (load average now ${loadavg()[0].toFixed(1)}):`);
console.log(`median first paint ${fp.toFixed(0)} ms ${fp < 1000 ? '< 1 s' : '≥ 1 s (over budget)'}; median filter ${fl.toFixed(0)} ms, slowest ${worst.toFixed(0)} ms ${worst < 1000 ? '< 1 s' : '≥ 1 s (over budget)'}`);
