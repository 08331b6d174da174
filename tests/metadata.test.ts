/**
 * Article metadata (issue 13): front matter and `<name>.meta.json` sidecars give url, outlet,
 * published, language and title to every claim's source; the front matter gives no claim and no
 * noise and moves no offset; bad metadata is a warning naming the file and the reason, never a
 * failed article; relative times resolve against `published`.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/index.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { processArticle } from '../src/pipeline/article.js';
import { getRules } from '../src/pipeline/rules.js';
import { blankOut, frontMatterBlock, readFrontMatter, readSidecar, sidecarPath } from '../src/ingest/meta.js';
import { resolveTime } from '../src/claims/relative-time.js';
import { execFileSync } from 'node:child_process';
import { articles, readClaims, root, runPipeline, tempDir } from './helpers.js';

const rules = getRules();
const BODY = 'Acme Corp said revenue rose 12% to $4.5 billion last year.\n\nGlobex Holdings had 3,000 employees.\n';
// Figures in the front matter that would be claims or noise if it were read as text.
const FRONT = '---\nurl: https://news.example/2025/02/acme?ref=rss#top\noutlet: Example News\npublished: 2025-02-10\nlanguage: en\ntitle: "Acme revenue rose 50% to $9 billion"\ntags: [1, 2, 3]\n---\n';

const process1 = (path: string, text: string) => processArticle(articleFromBytes(path, Buffer.from(text)), rules);

describe('front matter', () => {
  test('its fields land on every claim, only those given, in a fixed order', () => {
    const { claims, report } = process1('a.md', FRONT + BODY);
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const c of claims) {
      expect(c.source).toEqual({
        path: 'a.md', sha256: c.source.sha256, article: c.source.article,
        url: 'https://news.example/2025/02/acme?ref=rss#top', outlet: 'Example News', published: '2025-02-10', language: 'en', title: 'Acme revenue rose 50% to $9 billion',
      });
    }
    expect(report.warnings).toBeUndefined();
    const some = process1('b.md', '---\noutlet: Wire\n---\n' + BODY).claims[0].source;
    expect(Object.keys(some)).toEqual(['path', 'sha256', 'article', 'outlet']);
  });

  test('gives no claim and no noise, and the body\'s offsets are those of the raw file', () => {
    const plain = process1('a.md', BODY);
    const fronted = process1('a.md', FRONT + BODY);
    const text = FRONT + BODY;
    // Same claims, each shifted by exactly the block's length, each span slicing the raw file.
    expect(fronted.claims.map((c) => [c.quote, c.quantity?.quote])).toEqual(plain.claims.map((c) => [c.quote, c.quantity?.quote]));
    fronted.claims.forEach((c, i) => {
      expect(c.span.start).toBe(plain.claims[i].span.start + FRONT.length);
      expect(text.slice(c.span.start, c.span.end)).toBe(c.quote);
      expect(text.slice(c.quantity!.span.start, c.quantity!.span.end)).toBe(c.quantity!.quote);
      // Lines count the front matter's lines (8 of them).
      expect(c.provenance.line).toBe(plain.claims[i].provenance.line + 8);
    });
    for (const f of [...fronted.report.noise, ...fronted.report.rejected]) expect(f.span.start).toBeGreaterThanOrEqual(FRONT.length);
    expect(fronted.report.noise.length).toBe(plain.report.noise.length);
  });

  test('only a block at the very top with both fences is front matter', () => {
    expect(frontMatterBlock('---\ntitle: x\n---\nText')).toEqual({ body: 4, bodyEnd: 13, end: 17 });
    expect(frontMatterBlock('---\r\ntitle: x\r\n...\r\nText')?.end).toBe(20);
    expect(frontMatterBlock('Intro\n---\ntitle: x\n---\n')).toBeNull();
    // An unclosed opening rule is a horizontal rule in the text, not metadata.
    expect(frontMatterBlock('---\nAcme Corp said revenue rose 12%.\n')).toBeNull();
    expect(readFrontMatter('---\nAcme Corp said revenue rose 12%.\n')).toEqual({ meta: {}, warnings: [], end: 0 });
    expect(blankOut('---\r\na: 1\r\n---\nText', 14)).toBe('   \r\n    \r\n   \nText');
    // Text between two rules at the top is no front matter: it keeps its claims.
    const ruled = '---\nBreaking news: Acme Corp said revenue rose 12% to $4.5 billion.\n---\n';
    expect(frontMatterBlock(ruled)).toBeNull();
    expect(process1('r.md', ruled).claims.map((c) => c.quantity?.quote)).toEqual(['12%', '$4.5 billion']);
    // A title with a colon is bad YAML, but the block is front matter: no claim from it, a warning.
    const colon = process1('c.md', '---\ntitle: Acme: revenue rose 50% to $9 billion\n---\n' + BODY);
    expect(colon.claims.every((c) => !c.quote.includes('$9 billion'))).toBe(true);
    expect(colon.report.warnings).toEqual([expect.stringMatching(/^front matter: not valid YAML/)]);
  });

  test('bad metadata is a warning that says what and why; the article is still processed', () => {
    const cases: [string, RegExp][] = [
      ['---\npublished: 2025-02-30\ntitle: Fine\n---\n', /^front matter: published "2025-02-30" is not an ISO 8601 date/],
      ['---\npublished: yesterday\n---\n', /^front matter: published "yesterday" is not an ISO 8601 date/],
      ['---\n- a\n- b\n---\n', /^front matter: not a mapping of fields \(a list\); ignored$/],
      ['---\ntitle: [unclosed\n---\n', /^front matter: not valid YAML/],
      ['---\ntitle: 1984\n---\n', /^front matter: title 1984 is not text; ignored$/],
      ['---\ntitle: a\ntitle: b\n---\n', /^front matter: not valid YAML/],
    ];
    for (const [front, warning] of cases) {
      const { claims, report } = process1('bad.md', front + BODY);
      expect(claims.length, front).toBeGreaterThanOrEqual(3);
      expect(report.warnings, front).toHaveLength(1);
      expect(report.warnings![0], front).toMatch(warning);
      // The block is still not text: no claim comes from it.
      for (const c of claims) expect(c.span.start).toBeGreaterThanOrEqual(front.length);
    }
    // The good fields of a block with one bad field are kept.
    expect(process1('bad.md', cases[0][0] + BODY).claims[0].source.title).toBe('Fine');
  });
});

describe('sidecar', () => {
  test('<name>.meta.json beside the article; bad JSON or a non-mapping is a warning naming it', () => {
    expect(sidecarPath('news/a.md')).toBe('news/a.meta.json');
    expect(sidecarPath('news/v1.2/story')).toBe('news/v1.2/story.meta.json');
    expect(readSidecar('x.meta.json', '{"url":"https://a.example/x","published":"2025-01-02T09:30:00Z"}')).toEqual({ meta: { url: 'https://a.example/x', published: '2025-01-02T09:30:00Z' }, warnings: [] });
    expect(readSidecar('x.meta.json', '{bad').warnings[0]).toMatch(/^x\.meta\.json: not valid JSON \(/);
    expect(readSidecar('x.meta.json', '[1]').warnings).toEqual(['x.meta.json: not a mapping of fields (a list); ignored']);
  });

  test('a run reads sidecars with their articles, never as articles; a changed sidecar reprocesses its article', async () => {
    const dir = articles({
      'a.txt': BODY,
      'a.meta.json': JSON.stringify({ url: 'https://news.example/a', outlet: 'Wire', published: '2025-02-10' }),
      'b.md': FRONT + BODY,
      // The sidecar wins over the front matter, field by field.
      'b.meta.json': '{"outlet": "Syndicated", "published": "2025-13-01"}',
      'c.txt': 'Initech raised $40 million in 2023.\n',
      'c.meta.json': '{not json',
      'orphan.meta.json': '{}',
    });
    const out = tempDir('out-');
    const summary = await runPipeline([dir], out);
    expect(summary.exitCode).toBe(0);
    expect(summary.failed).toEqual([]);
    expect(summary.articles).toBe(3);
    const claims = readClaims(out);
    const a = claims.filter((c) => c.source.path.endsWith('a.txt'));
    expect(a.length).toBeGreaterThan(0);
    for (const c of a) expect(c.source).toMatchObject({ url: 'https://news.example/a', outlet: 'Wire', published: '2025-02-10' });
    const b = claims.find((c) => c.source.path.endsWith('b.md'))!;
    expect(b.source).toMatchObject({ url: 'https://news.example/2025/02/acme?ref=rss#top', outlet: 'Syndicated', published: '2025-02-10' });
    const c = claims.find((x) => x.source.path.endsWith('c.txt'))!;
    expect(Object.keys(c.source)).toEqual(['path', 'sha256', 'article']);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.warnings.map((w: { path: string; reason: string }) => [w.path.split('/').pop(), w.reason.replace(/^.*\//, '')])).toEqual([
      ['b.md', 'b.meta.json: published "2025-13-01" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time); ignored'],
      ['c.txt', expect.stringMatching(/^c\.meta\.json: not valid JSON \(/)],
    ]);
    expect(summary.warnings).toEqual(run.warnings);

    // A changed sidecar is a changed article: processed again, with the new metadata.
    writeFileSync(join(dir, 'a.meta.json'), JSON.stringify({ url: 'https://news.example/a2' }));
    const again = await runPipeline([dir], out);
    expect([again.changed, again.processed]).toEqual([1, 1]);
    for (const x of readClaims(out).filter((x) => x.source.path.endsWith('a.txt'))) expect(x.source.url).toBe('https://news.example/a2');
  });

  test('a quoted glob skips sidecars; one named on the command line is refused as an article', async () => {
    const dir = articles({ 'a.txt': BODY, 'a.meta.json': '{"outlet": "Wire"}' });
    const out = tempDir('out-');
    const summary = await runPipeline([`${dir}/*`, join(dir, 'a.meta.json')], out);
    expect(summary.articles).toBe(1);
    expect(summary.skipped.map((s) => s.reason)).toContain('a metadata sidecar (read with the article beside it, not as an article)');
    expect(readClaims(out).every((c) => c.source.outlet === 'Wire')).toBe(true);
  });

  test('a URL given as the name of an article read from stdin is kept verbatim', async () => {
    const out = tempDir('out-');
    const url = 'https://news.example/2025/02/acme?ref=rss#top';
    await runPipeline([], out, { stdin: { name: url, bytes: Buffer.from(BODY) } });
    const claims = readClaims(out);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.source.path === url)).toBe(true);
  });
});

describe('relative times resolve against published', () => {
  const at = (text: string, published?: string, found: string | null = null) => resolveTime(text, -1, -1, found, published);

  test('years, months, quarters, weeks and days named relative to the date', () => {
    const p = '2025-02-10';
    expect(at('Revenue rose 10% last year.', p, 'last year')).toEqual({ time: '2024', timeText: 'last year' });
    expect(at('It will grow 5% this year.', p, 'this year')).toEqual({ time: '2025', timeText: 'this year' });
    expect(at('Sales fall next year.', p, 'next year')).toEqual({ time: '2026', timeText: 'next year' });
    expect(at('Profits rose 4% last month.', p, 'last month')).toEqual({ time: '2025-01', timeText: 'last month' });
    expect(at('It grew 3% last quarter.', p, 'last quarter')).toEqual({ time: '2024-Q4', timeText: 'last quarter' });
    expect(at('It cost $5 last week.', p, 'last week')).toEqual({ time: '2025-W06', timeText: 'last week' });
    expect(at('Shares fell 3% yesterday.', p)).toEqual({ time: '2025-02-09', timeText: 'yesterday' });
    expect(at('Acme said in March it raised $5 million.', p)).toEqual({ time: '2025-03', timeText: 'March' });
    expect(at('Acme said on March 5 it raised $5 million.', p)).toEqual({ time: '2025-03-05', timeText: 'March 5' });
    // Across a year's end: "last month" in January is December of the year before.
    expect(at('Prices rose 2% last month.', '2025-01-03', 'last month')).toEqual({ time: '2024-12', timeText: 'last month' });
    // A published date with a time of day late in the day anywhere still dates by its calendar day.
    expect(at('Shares fell 3% yesterday.', '2025-03-01T23:30:00-08:00')).toEqual({ time: '2025-02-28', timeText: 'yesterday' });
  });

  test('the machine\'s time zone moves nothing (the built code, in time zones a day apart)', () => {
    const script = `import('${join(root, 'dist', 'claims', 'relative-time.js')}').then(({ resolveTime: r }) => console.log(JSON.stringify([
      r('this year', -1, -1, 'this year', '2025-12-31T23:59:00-10:00'), r('Prices fell yesterday.', -1, -1, null, '2025-01-01'),
      r('Sales rose last week.', -1, -1, 'last week', '2025-01-01'), r('Said in November it rose.', -1, -1, null, '2025-02-10')])))`;
    const outputs = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((TZ) => execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ }, encoding: 'utf8' }));
    expect(JSON.parse(outputs[0])).toEqual([
      { time: '2025', timeText: 'this year' }, { time: '2024-12-31', timeText: 'yesterday' }, { time: '2024-W52', timeText: 'last week' }, { time: '2024-11', timeText: 'November' },
    ]);
    expect(new Set(outputs).size).toBe(1);
  });

  test('what is not safely a date stays as it was', () => {
    const p = '2025-02-10';
    expect(at('The company will march 5 miles.', p)).toEqual({ time: null });
    expect(at('They may grow 5%.', p)).toEqual({ time: null });
    expect(at('On Tuesday it fell 2%.', p)).toEqual({ time: null });
    expect(at('In 2026 it will cost $4bn.', p, '2026')).toEqual({ time: '2026' });
    expect(at('over the next two years', p, 'next two years')).toEqual({ time: 'next two years' });
    // Without a published date, nothing changes.
    expect(at('Revenue rose 10% last year.', undefined, 'last year')).toEqual({ time: 'last year' });
    expect(at('Shares fell 3% yesterday.')).toEqual({ time: null });
    // An expression inside the figure is not its time.
    expect(resolveTime('Sales rose yesterday', 11, 20, null, p)).toEqual({ time: null });
  });

  test('on claims: time resolved, the expression kept in timeText; without published as before', () => {
    const text = 'Acme Corp said revenue rose 12% to $4.5 billion last year.';
    const dated = extract(text, { url: 'https://news.example/a', published: '2025-02-10' });
    expect(dated.claims.map((c) => [c.time, c.timeText])).toEqual([['2024', 'last year'], ['2024', 'last year']]);
    const undated = extract(text, { url: 'https://news.example/a' });
    expect(undated.claims.map((c) => [c.time, c.timeText])).toEqual([['last year', undefined], ['last year', undefined]]);
    expect(dated.source).toMatchObject({ url: 'https://news.example/a', published: '2025-02-10' });
  });
});
