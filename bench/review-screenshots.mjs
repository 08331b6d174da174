#!/usr/bin/env node
/**
 * Issue 12: the screenshots in docs/ that the README shows. Runs the sample corpus plus the
 * conflicting article of the review tests (tests/review-fixture/), writes the review site, and
 * photographs the article view (a figure clicked), a conflict card opened, a shared-figure hub's
 * card opened and the claims table.
 * `npm run build && node bench/review-screenshots.mjs [--out docs]`
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { run } from '../dist/pipeline/run.js';
import { writeReviewSite, pathKey } from '../dist/review/site.js';
import { findChromium, launchArgs } from './review-chromium.mjs';

const { values: args } = parseArgs({ options: { out: { type: 'string', default: 'docs' } } });
const browserPath = findChromium();
if (!browserPath.path) {
  console.error(`review-screenshots: no browser: ${browserPath.reason}`);
  process.exit(2);
}
// The corpus is copied under a folder named "corpus" so the paths on screen read as in a real run.
const dir = mkdtempSync(join(tmpdir(), 'review-shots-'));
const corpus = join(dir, 'corpus');
mkdirSync(corpus);
for (const f of readdirSync('corpus')) cpSync(join('corpus', f), join(corpus, f));
cpSync(join('tests', 'review-fixture', 'openai-users.txt'), join(corpus, 'openai-users.txt'));
const out = join(dir, 'output');
const cwd = process.cwd();
process.chdir(dir);
await run({ inputs: ['corpus'], out: 'output', workers: 1 });
await writeReviewSite({ out: 'output' });
process.chdir(cwd);

const claims = readFileSync(join(out, 'claims.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const pick = claims.find((c) => c.quantity?.quote === 'up to $600 billion');
const browser = await chromium.launch({ executablePath: browserPath.path, args: launchArgs() });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  const url = pathToFileURL(join(out, 'review', 'index.html')).href;
  await page.goto(url);
  await page.waitForFunction(() => window.CLAIMS_REVIEW_COMPLETE !== undefined);
  mkdirSync(args.out, { recursive: true });
  await page.screenshot({ path: join(args.out, 'review-table.png') });
  await page.goto(`${url}#article/${pathKey(pick.source.path)}`);
  await page.click(`#article-text .fig[data-claim="${pick.id}"]`);
  await page.waitForSelector('#panel h3 code');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(args.out, 'review-article.png') });
  await page.click('#tab-flags');
  await page.locator('details.card[data-type="conflicts-with"] summary').first().click();
  await page.screenshot({ path: join(args.out, 'review-conflict.png'), clip: { x: 0, y: 0, width: 1400, height: 420 } });
  await page.locator('details.card[data-type="conflicts-with"] summary').first().click();
  await page.selectOption('#card-type', 'same-figure');
  await page.locator('details.card[data-type="same-figure"] summary').first().click();
  await page.screenshot({ path: join(args.out, 'review-figure.png'), clip: { x: 0, y: 0, width: 1400, height: 560 } });
  for (const f of ['review-table.png', 'review-article.png', 'review-conflict.png', 'review-figure.png']) console.log(`wrote ${relative(cwd, join(args.out, f))}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
