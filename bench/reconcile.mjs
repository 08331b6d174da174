#!/usr/bin/env node
// Reconciliation benchmark (a script, not a test): `npm run bench:reconcile [-- --sizes 10000,100000,1000000]`.
// Synthesizes claims with news-like repeat rates — Zipf over figures, subjects, metrics and
// periods, ~8 claims an article — and reconciles them in a child process per size (so peak RSS
// belongs to that size alone), reading back every node and edge as the graph writer would.
// Prints time, time per claim and peak RSS, then checks issue 11's bounds:
//   time per claim at the largest size within 1.3× of the smallest,
//   peak RSS at the largest size within 2× of the middle one.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000,1000000' }, child: { type: 'string' } } });

/** mulberry32: a small seeded PRNG, so every run synthesizes the same claims. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Zipf-like rank in 1..n (P(r) ∝ 1/r), by inverting the continuous CDF: O(1) memory. */
const zipf = (u, n) => Math.min(n, Math.floor(Math.exp(u * Math.log(n + 1))));

const METRICS = ['revenue', 'profit', 'users', 'spending', 'valuation', 'funding', 'employees', 'market share', 'growth', 'price'];
/** Round figures every subject states ("10%", "$1 million"), commonest first. */
const ROUND = [[10, 'percent'], [1e6, 'money'], [5, 'percent'], [20, 'percent'], [1e9, 'money'], [100, 'count'], [50, 'percent'], [1e5, 'money'], [15, 'percent'], [25, 'percent'], [500e6, 'money'], [1000, 'count'], [30, 'percent'], [12, 'percent'], [2, 'count']];
/** Share of claims that state a round figure; the rest state a subject's own specific figures. */
const ROUND_SHARE = 0.4;

/** The k-th specific figure of subject s: mostly its own, now and then the same as another
 * subject's (the coincidences and misattributions the hubs are for). */
function specific(s, k, space) {
  const h = Math.imul(s * 2654435761 + k * 40503, 2246822519) >>> 0;
  const slot = h % space;
  const kind = ['percent', 'money', 'count'][slot % 3];
  if (kind === 'percent') return { kind, value: Math.round(slot % 1000) / 10 + 0.1 };
  return { kind, value: 1000 + slot * 1377 };
}

function* synthesize(n) {
  const rnd = random(42);
  const subjects = Math.max(50, Math.round(n / 40));
  const space = Math.max(1000, n * 2);
  for (let i = 0; i < n; i++) {
    const s = zipf(rnd(), subjects);
    const { kind, value } = rnd() < ROUND_SHARE
      ? (([v, k]) => ({ kind: k, value: v }))(ROUND[zipf(rnd(), ROUND.length) - 1])
      : specific(s, zipf(rnd(), 30), space);
    const bound = ['exact', 'exact', 'exact', 'approx', 'at_least', 'at_most'][Math.floor(rnd() * 6)];
    const unit = kind === 'money' ? 'USD' : kind === 'percent' ? 'percent' : 'users';
    const article = `a${Math.floor(i / 8)}`;
    yield {
      id: i.toString(16).padStart(16, '0'), source: { path: `news/${article}.txt`, article },
      subject: { id: `org-${s}`, name: `Org ${s}`, kind: 'org', mention: `Org ${s}`, via: 'lexicon', parent: null },
      metric: METRICS[zipf(rnd(), METRICS.length) - 1], time: String(2020 + zipf(rnd(), 7) - 1), period: null, modality: 'asserted', rule: 'bench', predicate: null,
      quantity: { kind, quote: `${value} ${unit}`, value, low: bound === 'at_most' ? null : value, high: bound === 'at_least' ? null : value, bound, unit, per: null },
    };
  }
}

if (values.child) {
  const n = Number(values.child);
  const { reconcile } = await import('../dist/reconcile/reconcile.js');
  const started = process.hrtime.bigint();
  const rec = await reconcile(synthesize(n));
  let lines = 0;
  for (const spool of [rec.groups, rec.members, ...Object.values(rec.relations), rec.hubs, rec.links]) for await (const _ of spool.lines()) lines++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result = { n, seconds, lines, groups: rec.groups.count, hubs: rec.hubs.count, links: rec.links.count, common: rec.report.commonCount, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  rec.dispose();
  console.log(JSON.stringify(result));
} else {
  const sizes = values.sizes.split(',').map(Number);
  const here = fileURLToPath(import.meta.url);
  const results = [];
  for (const n of sizes) {
    const r = JSON.parse(execFileSync(process.execPath, [here, '--child', String(n)], { encoding: 'utf8' }).trim().split('\n').pop());
    results.push(r);
    console.log(`${String(n).padStart(9)} claims  ${r.seconds.toFixed(2).padStart(7)} s  ${(1e6 * r.seconds / n).toFixed(2).padStart(6)} µs/claim  peak RSS ${r.maxRssMB.toFixed(0).padStart(5)} MB  ` +
      `(${r.groups} groups, ${r.hubs} figure hubs with ${r.links} edges, ${r.common} figures too common to link, ${r.lines} records read back)`);
  }
  if (results.length >= 3) {
    const [small, mid, large] = [results[0], results[results.length - 2], results[results.length - 1]];
    const timeRatio = (large.seconds / large.n) / (small.seconds / small.n);
    const rssRatio = large.maxRssMB / mid.maxRssMB;
    console.log(`time per claim ${large.n} vs ${small.n}: ${timeRatio.toFixed(2)}× (bound 1.3×) ${timeRatio <= 1.3 ? 'ok' : 'OVER'}`);
    console.log(`peak RSS ${large.n} vs ${mid.n}: ${rssRatio.toFixed(2)}× (bound 2×) ${rssRatio <= 2 ? 'ok' : 'OVER'}`);
    process.exitCode = timeRatio <= 1.3 && rssRatio <= 2 ? 0 : 1;
  }
}
