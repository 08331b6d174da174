/**
 * Issue 12, in a browser: Playwright (playwright-core) drives the Debian Chromium over the static
 * review site of the sample corpus plus one conflicting article, opened from disk. It clicks a
 * figure and reads its fields, filters and sorts the table, opens a conflict card, rejects one
 * claim and corrects another, saves the decisions (a download), re-runs with them and checks
 * claims.jsonl and the graph. Skipped, visibly and with the reason, where no Chromium is found.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readClaims, runPipeline, tempDir } from './helpers.js';
import { claimByFigure, corpusWithConflict, readGraph } from './review-helpers.js';
import { findChromium, launchArgs } from './review-browser.js';
import { pathKey, writeReviewSite } from '../src/review/site.js';
import { decisionSchema } from '../src/review/schema.js';
import type { ClaimRecord } from '../src/records.js';

const browserPath = findChromium();
if (!browserPath.path) console.warn(`review browser tests SKIPPED: ${browserPath.reason}`);

describe.skipIf(!browserPath.path)(`review page in Chromium${browserPath.path ? '' : ` — SKIPPED: ${browserPath.reason}`}`, () => {
  const corpus = corpusWithConflict();
  const out = tempDir('review-browser-');
  let browser: Browser;
  let page: Page;
  let claims: ClaimRecord[];
  const requests: string[] = [];
  const errors: string[] = [];
  const field = (name: string) => page.locator(`#panel [data-field="${name}"]`).innerText();

  beforeAll(async () => {
    await runPipeline([corpus], out);
    await writeReviewSite({ out });
    claims = readClaims(out);
    browser = await chromium.launch({ executablePath: browserPath.path!, args: launchArgs() });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(out, 'review', 'index.html')).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('opens from disk and lists every claim of the run', async () => {
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${claims.length} of ${claims.length} claims`);
    expect(await page.locator('.row[data-claim]').count()).toBeGreaterThan(10);
  });

  test('an article: click a figure, read its fields; noise is greyed with its reason', async () => {
    const c = claimByFigure(out, 'up to $600 billion');
    await page.click('nav a[data-view="articles"]');
    await page.click(`a[href="#article/${pathKey(c.source.path)}"]`);
    await page.click(`#article-text .fig[data-claim="${c.id}"]`);
    await expect.poll(() => page.locator('#panel h3 code').innerText()).toBe(c.id);
    expect(await field('kind')).toBe(c.quantity!.kind);
    expect(await field('figure')).toBe(c.quantity!.quote);
    expect(await field('unit')).toBe(c.quantity!.unit);
    expect(await field('bound')).toBe(c.quantity!.bound);
    expect(await field('high')).toContain((c.quantity!.high!).toLocaleString('en'));
    expect(await field('subject')).toContain(c.subject!.name);
    expect(await field('via')).toBe(`${c.subject!.via} from "${c.subject!.mention}"`);
    expect(await field('metric')).toBe(c.metric);
    expect(await field('modality')).toBe(c.modality);
    expect(await field('rule')).toContain(c.rule);
    expect(await field('where')).toBe(`${c.source.path}:${c.provenance.line}:${c.provenance.column}`);
    // The subject's mention ("The firm") is underlined in the text; the sentence is marked.
    expect(await page.locator('#article-text .subj.chosen').first().innerText()).toBe(c.subject!.mention);
    expect(await page.locator('#article-text .sentence').allInnerTexts().then((t) => t.join(''))).toBe(c.quote);
    const noise = page.locator('#article-text .noise[title*="boilerplate"]').first();
    expect(await noise.innerText()).toBe('Tech • IA • Crypto');
  });

  test('the table filters by kind and text with counts, and sorts by value', async () => {
    await page.click('nav a[data-view="claims"]');
    const money = claims.filter((c) => c.quantity?.kind === 'money');
    expect(await page.locator('#f-kind option[value="money"]').innerText()).toBe(`money (${money.length})`);
    await page.selectOption('#f-kind', 'money');
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${money.length} of ${claims.length} claims`);
    // (The rows may be drawn a moment after the count on a busy machine: wait for them too.)
    await expect.poll(() => page.locator('.row .c-kind').count()).toBe(money.length);
    const kinds = await page.locator('.row .c-kind').allInnerTexts();
    expect(kinds.length).toBe(money.length);
    expect(new Set(kinds)).toEqual(new Set(['money']));
    await page.fill('#f-text', 'billion');
    const billion = money.filter((c) => `${c.quote}\n${c.quantity!.quote}\n${c.subject?.name}\n${c.metric}\n${c.source.path}`.toLowerCase().includes('billion'));
    expect(billion.length).toBeGreaterThan(1);
    expect(billion.length).toBeLessThan(money.length);
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${billion.length} of ${claims.length} claims`);
    await page.click('.thead [data-sort="value"]');
    // The figure is the value, else the interval's finite end; ties keep claims.jsonl order.
    const figure = (c: ClaimRecord) => c.quantity!.value ?? c.quantity!.low ?? c.quantity!.high!;
    const firstFigure = async () => {
      const id = await page.locator('.row').first().getAttribute('data-claim');
      return figure(billion.find((c) => c.id === id)!);
    };
    expect(await firstFigure()).toBe(Math.min(...billion.map(figure)));
    await page.click('.thead [data-sort="value"]');
    expect(await firstFigure()).toBe(Math.max(...billion.map(figure)));
    expect(Math.min(...billion.map(figure))).toBeLessThan(Math.max(...billion.map(figure)));
    await page.fill('#f-text', '');
    await page.selectOption('#f-kind', '');
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${claims.length} of ${claims.length} claims`);
  });

  test('a conflict card shows both sentences, articles, lines and the reason, and links to both', async () => {
    const conflict = readGraph(out).edges.find((e) => e.type === 'conflicts-with')!;
    const [a, b] = [conflict.from, conflict.to].map((id) => claims.find((c) => `claim:${c.id}` === id)!);
    await page.click('#tab-flags');
    const card = page.locator('details.card').first();
    expect(await card.getAttribute('data-type')).toBe('conflicts-with');
    await card.locator('summary').click();
    expect(await card.getAttribute('open')).not.toBeNull();
    expect(await card.locator('.reason').innerText()).toBe(conflict.reason);
    const sides = card.locator('.side');
    for (const [i, c] of [a, b].entries()) {
      expect(await sides.nth(i).locator('blockquote').innerText()).toBe(c.quote);
      expect(await sides.nth(i).locator('.where').innerText()).toBe(`${c.source.path}:${c.provenance.line}`);
      expect(await sides.nth(i).locator('mark').innerText()).toBe(c.quantity!.quote);
    }
    await sides.nth(1).locator('.where a').click();
    await expect.poll(() => page.locator('#panel h3 code').innerText()).toBe(b.id);
  });

  test('a shared figure is one card for its hub, listing every claim that states the figure', async () => {
    const g = readGraph(out);
    const hub = g.nodes.find((n) => n.type === 'figure') as { id: string; reason: string; claims: number };
    const members = g.edges.filter((e) => e.type === 'same-figure-as' && e.to === hub.id).map((e) => claims.find((c) => `claim:${c.id}` === e.from)!);
    expect(members.length).toBe(hub.claims);
    await page.click('#tab-flags');
    await page.selectOption('#card-type', 'same-figure');
    const cards = page.locator('details.card');
    expect(await cards.count()).toBe(g.nodes.filter((n) => n.type === 'figure').length);
    const card = page.locator(`details.card[data-key="${hub.id.replace(/^figure:/, '')}"]`);
    expect(await card.getAttribute('data-type')).toBe('same-figure');
    await card.locator('summary').click();
    expect(await card.locator('.reason').innerText()).toBe(hub.reason);
    const sides = card.locator('.hub .side');
    expect(await sides.count()).toBe(members.length);
    for (const c of members) {
      const side = card.locator(`.side[data-claim="${c.id}"]`);
      expect(await side.locator('blockquote').innerText()).toBe(c.quote);
      expect(await side.locator('.where').innerText()).toBe(`${c.source.path}:${c.provenance.line}`);
      expect(await side.locator('mark').innerText()).toBe(c.quantity!.quote);
    }
    for (const name of new Set(members.map((c) => c.subject!.name))) expect(await card.locator('summary').innerText()).toContain(name);
    // The article panel links a member to the hub's card.
    await page.goto(pathToFileURL(join(out, 'review', 'index.html')).href + `#article/${pathKey(members[0].source.path)}/${members[0].id}`);
    await page.click(`#panel a[href="#flags/${hub.id.replace(/^figure:/, '')}"]`);
    await expect.poll(() => page.locator(`details.card[data-key="${hub.id.replace(/^figure:/, '')}"]`).getAttribute('open')).not.toBeNull();
  });

  test('the table filters by group status: restated groups (one article) apart from corroborated ones', async () => {
    await page.click('nav a[data-view="claims"]');
    const g = readGraph(out);
    const statusOf = new Map(g.nodes.filter((n) => n.type === 'group').map((n) => [n.id, (n as { status: string }).status]));
    const restated = g.edges.filter((e) => e.type === 'member-of' && statusOf.get(e.to) === 'restated').length;
    expect(restated).toBeGreaterThan(0);
    expect(await page.locator('#f-group option[value="restated"]').innerText()).toBe(`restated (${restated})`);
    await page.selectOption('#f-group', 'restated');
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${restated} of ${claims.length} claims`);
    await page.selectOption('#f-group', '');
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${claims.length} of ${claims.length} claims`);
  });

  let saved = '';
  test('reject one claim, correct another, save the decisions (a download)', async () => {
    await page.fill('#reviewer', 'kim');
    await page.locator('#reviewer').dispatchEvent('change');
    const rejected = claimByFigure(out, '750 million users');
    await page.goto(pathToFileURL(join(out, 'review', 'index.html')).href + `#article/${pathKey(rejected.source.path)}/${rejected.id}`);
    await page.click('#panel #reject');
    await expect.poll(() => page.locator('#decision-state').innerText()).toMatch(/^reject by kim/);
    const corrected = claimByFigure(out, '~$600+ billion');
    await page.goto(pathToFileURL(join(out, 'review', 'index.html')).href + `#article/${pathKey(corrected.source.path)}/${corrected.id}`);
    await page.fill('#correct input[name="value"]', '300000000000');
    await page.fill('#correct input[name="subject"]', 'Microsoft');
    await page.click('#correct button[type="submit"]');
    await expect.poll(() => page.locator('#decision-state').innerText()).toMatch(/^correct/);
    expect(await page.locator('#decision-count').innerText()).toBe('2 decisions');
    // The table's review column and facet know the decisions too.
    await page.click('nav a[data-view="claims"]');
    expect(await page.locator('#f-decision option[value="reject"]').innerText()).toBe('reject (1)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    expect(download.suggestedFilename()).toBe('decisions.jsonl');
    saved = join(tempDir('review-download-'), 'decisions.jsonl');
    await download.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').split('\n').filter(Boolean).map((l) => decisionSchema.parse(JSON.parse(l)));
    expect(lines.map((d) => d.claim)).toEqual([rejected.id, corrected.id].sort());
    expect(lines.find((d) => d.claim === rejected.id)).toMatchObject({ decision: 'reject', by: 'kim' });
    expect(lines.find((d) => d.claim === corrected.id)).toMatchObject({ decision: 'correct', by: 'kim', correction: { value: 300e9, subject: 'Microsoft' } });
    for (const d of lines) expect(new Date(d.at!).toISOString()).toBe(d.at);
  });

  test('a re-run with the saved decisions drops the rejected claim and carries the correction', async () => {
    expect(saved).not.toBe('');
    const again = tempDir('review-rerun-');
    await runPipeline([corpus], again, { decisions: saved });
    const rejected = claimByFigure(out, '750 million users');
    const corrected = claimByFigure(out, '~$600+ billion');
    expect(readClaims(again).some((c) => c.id === rejected.id)).toBe(false);
    const c = readClaims(again).find((x) => x.id === corrected.id)!;
    expect(c.subject).toMatchObject({ id: 'microsoft', name: 'Microsoft', via: 'review' });
    expect(c.quantity!.low).toBe(300e9);
    expect(c.provenance.review).toMatchObject({ decision: 'correct', by: 'kim', original: { subject: 'Big Tech', unit: 'USD' } });
    const g = readGraph(again);
    expect(g.nodes.some((n) => n.id === `claim:${rejected.id}`)).toBe(false);
    expect(g.edges).toContainEqual(expect.objectContaining({ type: 'about', from: `claim:${corrected.id}`, to: 'entity:microsoft' }));
    expect(g.edges.filter((e) => e.type === 'same-figure-as' && [e.from, e.to].includes(`claim:${corrected.id}`))).toHaveLength(0);
    expect(readGraph(out).edges.filter((e) => e.type === 'same-figure-as' && [e.from, e.to].includes(`claim:${corrected.id}`))).toHaveLength(1);
  });

  test('no request left the disk and the page threw nothing', () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
