/**
 * Issue 12: review decisions applied by a run, the static review site's data contract, and the
 * report's summary and ordering. The page itself is driven in a browser by review.browser.test.ts.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { spawnSync } from 'node:child_process';
import { readClaims, root, runPipeline, snapshot, tempDir, copyCorpus } from './helpers.js';
import { CONFLICT_ARTICLE, claimByFigure, corpusWithConflict, readGraph, writeJsonl } from './review-helpers.js';
import { DecisionsError, parseDecisions } from '../src/review/decisions.js';
import { pathKey, writeReviewSite } from '../src/review/site.js';
import { MEMBERS_SHOWN, REPORT_LIMIT, renderReport, reportClaimIds, selectReport } from '../src/output/report.js';
import { claimSchema } from '../src/records.js';
import { runSchema } from '../src/output/run-schema.js';
import type { ClaimSummary } from '../src/reconcile/summary.js';
import { PAIR_TYPES, type FigureHub, type FigureLink, type Group, type Reconciliation, type Relation } from '../src/reconcile/reconcile.js';
import { Spool } from '../src/reconcile/spool.js';

describe('decisions file', () => {
  test('one decision per claim id: the last line wins, blank lines are skipped', () => {
    const text = [
      JSON.stringify({ claim: 'a', decision: 'accept' }), '',
      JSON.stringify({ claim: 'b', decision: 'correct', correction: { value: 3 }, by: 'kim', at: '2026-01-01T00:00:00Z' }),
      JSON.stringify({ claim: 'a', decision: 'reject' }),
    ].join('\n');
    const d = parseDecisions(text, 'd.jsonl');
    expect([...d.keys()]).toEqual(['a', 'b']);
    expect(d.get('a')!.decision).toBe('reject');
    expect(d.get('b')!.correction).toEqual({ value: 3 });
  });

  test('a bad line is named by file and line', () => {
    const bad = [JSON.stringify({ claim: 'a', decision: 'accept' }), JSON.stringify({ claim: 'b', decision: 'maybe' })].join('\n');
    expect(() => parseDecisions(bad, 'd.jsonl')).toThrow(DecisionsError);
    expect(() => parseDecisions(bad, 'd.jsonl')).toThrow(/^d\.jsonl:2: decision/);
    expect(() => parseDecisions('{oops', 'd.jsonl')).toThrow(/^d\.jsonl:1: not JSON/);
    expect(() => parseDecisions(JSON.stringify({ claim: 'a', decision: 'correct' }), 'd.jsonl')).toThrow(/needs a correction/);
  });
});

describe('claims run --decisions', () => {
  const corpus = copyCorpus();
  const before = tempDir('review-before-');
  const after = tempDir('review-after-');
  let ids: Record<string, string>;
  let decisionsFile: string;

  beforeAll(async () => {
    await runPipeline([corpus], before);
    ids = {
      rejected: claimByFigure(before, '750 million users').id,
      value: claimByFigure(before, '~$600+ billion').id,
      subject: claimByFigure(before, 'hundreds of millions of users').id,
      accepted: claimByFigure(before, 'roughly 1 billion weekly users').id,
    };
    decisionsFile = writeJsonl(join(tempDir('decisions-'), 'decisions.jsonl'), [
      { claim: ids.rejected, decision: 'reject', by: 'kim', at: '2026-05-01T10:00:00.000Z' },
      { claim: ids.value, decision: 'correct', correction: { value: 300e9 }, by: 'kim', at: '2026-05-01T10:01:00.000Z' },
      { claim: ids.subject, decision: 'correct', correction: { subject: 'anthropic', unit: 'subscribers' } },
      { claim: ids.accepted, decision: 'accept', note: 'checked against the source' },
      { claim: 'ffffffffffffffff', decision: 'reject' },
    ]);
    await runPipeline([corpus], after, { decisions: decisionsFile });
  });

  test('a rejected claim is gone from claims.jsonl, the graph and the counts', () => {
    expect(readClaims(before).some((c) => c.id === ids.rejected)).toBe(true);
    expect(readClaims(after).some((c) => c.id === ids.rejected)).toBe(false);
    expect(readClaims(after)).toHaveLength(readClaims(before).length - 1);
    const g = readGraph(after);
    expect(g.nodes.some((n) => n.id === `claim:${ids.rejected}`)).toBe(false);
    expect(g.edges.some((e) => e.from === `claim:${ids.rejected}` || e.to === `claim:${ids.rejected}`)).toBe(false);
    const run = runSchema.parse(JSON.parse(readFileSync(join(after, 'run.json'), 'utf8')));
    expect(run.claims).toBe(readClaims(after).length);
    const path = claimByFigure(before, '750 million users').source.path;
    const countOf = (out: string) => (readGraph(out).nodes.find((n) => n.type === 'article' && n.path === path) as { claims: number }).claims;
    expect(countOf(after)).toBe(countOf(before) - 1);
  });

  test('a corrected value is in claims.jsonl with provenance.review, and reconciliation uses it', () => {
    const c = claimByFigure(after, '~$600+ billion');
    expect(claimSchema.parse(c)).toEqual(c);
    expect(c.quantity!.low).toBe(300e9);
    expect(c.provenance.review).toEqual({ decision: 'correct', by: 'kim', at: '2026-05-01T10:01:00.000Z', note: null, original: { subject: 'Big Tech', value: claimByFigure(before, '~$600+ billion').quantity!.value, unit: 'USD' } });
    const node = readGraph(after).nodes.find((n) => n.id === `claim:${ids.value}`) as { low: number };
    expect(node.low).toBe(300e9);
    // Before: 600B "~$600+ billion" (Big Tech) was the same figure as "up to $600 billion" (OpenAI).
    // The shared figure is a hub ("figure" node) the claim points at; corrected, it is in no hub.
    const sameFigure = (out: string) => readGraph(out).edges.filter((e) => e.type === 'same-figure-as' && e.from === `claim:${ids.value}`);
    expect(sameFigure(before)).toHaveLength(1);
    expect(sameFigure(before)[0].to).toMatch(/^figure:/);
    expect(readGraph(before).nodes.some((n) => n.type === 'figure' && n.id === sameFigure(before)[0].to)).toBe(true);
    expect(sameFigure(after)).toHaveLength(0);
    const group = (out: string) => readGraph(out).nodes.find((n) => n.type === 'group' && n.subject === 'big-tech' && n.metric === 'spending') as { status: string; reason: string };
    // Both Big Tech spending claims are in one article: a restatement, not corroboration.
    expect(group(before).status).toBe('restated');
    expect(group(after).status).toBe('consistent');
    expect(group(after).reason).toContain('300B');
  });

  test('a corrected subject naming a lexicon entity becomes that entity; the unit changes too', () => {
    const c = claimByFigure(after, 'hundreds of millions of users');
    expect(c.subject).toMatchObject({ id: 'anthropic', name: 'Anthropic', kind: 'org', via: 'review' });
    expect(c.quantity!.unit).toBe('subscribers');
    expect(c.provenance.review).toMatchObject({ decision: 'correct', by: null, original: { subject: 'OpenAI', unit: 'users' } });
    const g = readGraph(after);
    expect(g.edges).toContainEqual(expect.objectContaining({ type: 'about', from: `claim:${ids.subject}`, to: 'entity:anthropic' }));
    // It left OpenAI's weekly-users group, which had it and "roughly 1 billion weekly users".
    const openaiUsers = (out: string) => readGraph(out).nodes.find((n) => n.type === 'group' && n.subject === 'openai' && n.metric === 'weekly users') as { members: number };
    expect(openaiUsers(before).members).toBe(2);
    expect(openaiUsers(after).members).toBe(1);
  });

  test('an accepted claim only carries provenance.review; unknown ids are reported in run.json', () => {
    const a = readClaims(after).find((c) => c.id === ids.accepted)!;
    const b = readClaims(before).find((c) => c.id === ids.accepted)!;
    expect(a.provenance.review).toEqual({ decision: 'accept', by: null, at: null, note: 'checked against the source', original: null });
    expect({ ...a, provenance: { ...a.provenance, review: undefined } }).toEqual({ ...b, provenance: { ...b.provenance, review: undefined } });
    const run = runSchema.parse(JSON.parse(readFileSync(join(after, 'run.json'), 'utf8')));
    expect(run.decisions).toEqual({ file: decisionsFile, accepted: 1, rejected: 1, corrected: 2, unknown: ['ffffffffffffffff'] });
    expect(JSON.parse(readFileSync(join(before, 'run.json'), 'utf8')).decisions).toBeUndefined();
  });

  test('same decisions, same bytes', async () => {
    const again = tempDir('review-again-');
    await runPipeline([corpus], again, { decisions: decisionsFile, incremental: false });
    expect(snapshot(again)).toEqual(snapshot(after));
  });

  test('the CLI reports unknown ids on stderr and refuses a bad decisions file (exit 2)', () => {
    const cli = join(root, 'dist', 'cli.js');
    const ok = spawnSync(process.execPath, [cli, 'run', corpus, '--out', tempDir('review-cli-'), '--workers', '1', '--decisions', decisionsFile], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('decision for unknown claim ffffffffffffffff');
    const bad = join(tempDir('decisions-bad-'), 'bad.jsonl');
    writeFileSync(bad, '{"claim":"x","decision":"correct"}\n');
    const res = spawnSync(process.execPath, [cli, 'run', corpus, '--out', tempDir('review-cli-'), '--decisions', bad], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`${bad}:1:`);
    const missing = spawnSync(process.execPath, [cli, 'run', corpus, '--out', tempDir('review-cli-'), '--decisions', join(corpus, 'nope.jsonl')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl: cannot read: ENOENT');
  });
});

describe('decisions with batches', () => {
  test('a bad decisions file is refused before anything is written: the folder keeps its batches', () => {
    const cli = join(root, 'dist', 'cli.js');
    const corpus = copyCorpus();
    const out = tempDir('review-batches-');
    expect(spawnSync(process.execPath, [cli, 'run', corpus, '--out', out, '--workers', '1', '-q'], { encoding: 'utf8' }).status).toBe(0);
    const before = snapshot(out);
    const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
    const bad = writeJsonl(join(tempDir('decisions-bad-'), 'bad.jsonl'), [{ claim: 'x', decision: 'maybe' }]);
    const res = spawnSync(process.execPath, [cli, 'run', CONFLICT_ARTICLE, '--out', out, '--decisions', bad], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`${bad}:1:`);
    expect(snapshot(out)).toEqual(before);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  test('decisions apply to the whole folder a batch rebuilds, and to `claims remove`', async () => {
    const corpus = copyCorpus();
    const out = tempDir('review-batches-');
    await runPipeline([corpus], out);
    const rejected = claimByFigure(out, '750 million users');
    const file = writeJsonl(join(tempDir('decisions-'), 'decisions.jsonl'), [{ claim: rejected.id, decision: 'reject' }]);
    // A second batch with the decisions: the rejected claim of the first batch is gone too.
    await runPipeline([CONFLICT_ARTICLE], out, { decisions: file });
    expect(readClaims(out).some((c) => c.id === rejected.id)).toBe(false);
    expect(readClaims(out).some((c) => c.source.path.endsWith('openai-users.txt'))).toBe(true);
    // Removing an article with the same decisions keeps them applied to what is left.
    const other = readClaims(out).find((c) => c.source.path !== rejected.source.path && !c.source.path.endsWith('openai-users.txt'))!;
    await runPipeline([], out, { remove: [other.source.path], decisions: file });
    expect(readClaims(out).some((c) => c.id === rejected.id)).toBe(false);
    expect(readClaims(out).some((c) => c.source.path === other.source.path)).toBe(false);
    expect(runSchema.parse(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).decisions).toMatchObject({ rejected: 1, unknown: [] });
  });
});

/** Evaluates the site's scripts the way the page does, in a sandbox. */
type SiteData = {
  run: Record<string, unknown>; articles: { count: number; path: string[]; id: string[]; file: string[] } & Record<string, unknown[]>;
  flags: { count: number; types: string[]; type: number[]; key: string[]; members: number[][] };
  claims: { count: number; dict: Record<string, unknown[]>; columns: Record<string, unknown[]> };
};
function siteData(dir: string): SiteData {
  const sandbox: Record<string, unknown> = { window: {} };
  runInNewContext(readFileSync(join(dir, 'data.js'), 'utf8'), sandbox);
  return (sandbox.window as { CLAIMS_REVIEW: SiteData }).CLAIMS_REVIEW;
}
function siteScript<T>(file: string, callback: string): T {
  let rec: T | null = null;
  runInNewContext(readFileSync(file, 'utf8'), { [callback]: (r: T) => { rec = r; } });
  return rec!;
}
const siteText = (dir: string, id: string) => siteScript<{ id: string; path: string; text: string | null; missing: string | null }>(join(dir, 'texts', `${id}.js`), 'CLAIMS_REVIEW_TEXT');

describe('claims review (the static site)', () => {
  const corpus = corpusWithConflict();
  const out = tempDir('review-site-');
  beforeAll(async () => {
    await runPipeline([corpus], out);
    await writeReviewSite({ out });
  });

  test('data.js and details.js: run.json, the flags (pairs and figure hubs), the claims table, by column', () => {
    const d = siteData(join(out, 'review'));
    const records = readClaims(out);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { articles: Record<string, unknown>[] };
    const { articles, ...rest } = run;
    expect(d.run).toEqual(rest);
    expect(d.articles.count).toBe(articles.length);
    for (const k of ['path', 'id', 'claims', 'noise', 'rejected']) expect(d.articles[k]).toEqual(articles.map((a) => a[k]));
    const details = siteScript<{ sentences: string[]; reasons: (string | null)[] }>(join(out, 'review', 'details.js'), 'CLAIMS_REVIEW_DETAILS');
    const graph = readGraph(out);
    // What the page should have: each flagged pair edge, and each figure hub with its claims.
    const pairs = graph.edges.filter((e) => e.review && e.type !== 'same-figure-as');
    const hubs = graph.nodes.filter((n) => n.type === 'figure') as { id: string; reason: string; claims: number }[];
    expect(pairs.some((e) => e.type === 'conflicts-with')).toBe(true);
    expect(hubs.length).toBeGreaterThan(0);
    const expected = [
      ...hubs.map((h) => ({ type: 'same-figure', key: h.id.replace(/^figure:/, ''), reason: h.reason, members: graph.edges.filter((e) => e.type === 'same-figure-as' && e.to === h.id).map((e) => e.from).sort() })),
      ...pairs.map((e) => ({ type: e.type, key: `${e.from.replace(/^claim:/, '')}-${e.to.replace(/^claim:/, '')}`, reason: e.reason, members: [e.from, e.to].sort() })),
    ];
    for (const h of expected.filter((f) => f.type === 'same-figure')) expect(h.members.length).toBe(hubs.find((x) => x.id === `figure:${h.key}`)!.claims);
    const id = (i: number) => `claim:${records[i].id}`;
    const got = Array.from({ length: d.flags.count }, (_, k) => ({ type: d.flags.types[d.flags.type[k]], key: d.flags.key[k], reason: details.reasons[k], members: d.flags.members[k].map(id).sort() }));
    expect(got).toEqual(expected);
    // Each claim's group status, from graph.json's member-of edges and group nodes.
    const statusOf = new Map(graph.nodes.filter((n) => n.type === 'group').map((n) => [n.id, (n as { status: string }).status]));
    const groupOf = new Map(graph.edges.filter((e) => e.type === 'member-of').map((e) => [e.from, statusOf.get(e.to)]));
    expect(d.claims.dict.group).toContain('restated');
    records.forEach((c, i) => expect(d.claims.dict.group[d.claims.columns.group[i] as number]).toBe(groupOf.get(`claim:${c.id}`) ?? null));
    expect(d.claims.count).toBe(records.length);
    for (const column of Object.values(d.claims.columns)) expect(column).toHaveLength(records.length);
    const { dict, columns } = d.claims;
    const col = (i: number, name: string) => (name in dict ? dict[name][columns[name][i] as number] : columns[name][i]);
    expect(details.sentences).toEqual(records.map((c) => c.quote));
    records.forEach((c, i) => {
      expect(col(i, 'id')).toBe(c.id);
      expect(d.articles.path[col(i, 'article') as number]).toBe(c.source.path);
      expect(col(i, 'figure')).toBe(c.quantity?.quote ?? null);
      expect(col(i, 'value')).toBe(c.quantity?.value ?? null);
      expect(col(i, 'unit')).toBe(c.quantity?.unit ?? null);
      expect(col(i, 'kind')).toBe(c.quantity?.kind ?? 'qualitative');
      expect(col(i, 'line')).toBe(c.provenance.line);
      expect(col(i, 'subject')).toBe(c.subject?.name ?? null);
      expect(col(i, 'modality')).toBe(c.modality);
      if (c.quantity) expect(c.quote.slice(col(i, 'figureStart') as number, col(i, 'figureEnd') as number)).toBe(c.quantity.quote);
    });
  });

  test('records/<key>.js: the claims.jsonl and noise.jsonl lines of an article, unchanged', () => {
    const d = siteData(join(out, 'review'));
    const noise = readFileSync(join(out, 'noise.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { path: string });
    const records = readClaims(out);
    d.articles.path.forEach((path, i) => {
      expect(d.articles.file[i]).toBe(pathKey(path));
      const r = siteScript<{ path: string; noise: unknown; claims: unknown[] }>(join(out, 'review', 'records', `${d.articles.file[i]}.js`), 'CLAIMS_REVIEW_RECORDS');
      expect(r.path).toBe(path);
      expect(r.noise).toEqual(noise.find((n) => n.path === path));
      expect(r.claims).toEqual(records.filter((c) => c.source.path === path));
    });
  });

  test('texts/<id>.js: the decoded source, every quote slices out of it', () => {
    for (const c of readClaims(out)) {
      const t = siteText(join(out, 'review'), c.source.article);
      expect(t.text!.slice(c.span.start, c.span.end)).toBe(c.quote);
    }
  });

  test('same run, same site bytes; texts of articles gone from the run are removed', async () => {
    const first = snapshot(join(out, 'review'));
    await writeReviewSite({ out });
    expect(snapshot(join(out, 'review'))).toEqual(first);
    const other = tempDir('review-site-small-');
    const small = copyCorpus();
    rmSync(join(small, readdirSync(small)[0]));
    await runPipeline([small], other);
    await writeReviewSite({ out: other });
    // Batches accumulate (manifest.json): --replace makes the folder hold this run's inputs only.
    await runPipeline([corpus], other, { replace: true });
    await writeReviewSite({ out: other });
    expect(snapshot(join(other, 'review'))).toEqual(first);
    rmSync(join(corpus, 'openai-users.txt'));
    await runPipeline([corpus], other, { replace: true });
    await writeReviewSite({ out: other });
    const left = (JSON.parse(readFileSync(join(other, 'run.json'), 'utf8')) as { articles: { id: string; path: string }[] }).articles;
    expect(readdirSync(join(other, 'review', 'texts')).sort()).toEqual(left.map((a) => `${a.id}.js`).sort());
    expect(readdirSync(join(other, 'review', 'records')).sort()).toEqual(left.map((a) => `${pathKey(a.path)}.js`).sort());
  });

  test('a source changed since the run is reported and shown as missing, not as wrong text', async () => {
    const changed = copyCorpus();
    const o = tempDir('review-site-changed-');
    await runPipeline([changed], o);
    const name = readdirSync(changed).sort()[0];
    writeFileSync(join(changed, name), 'Edited after the run.\n');
    const s = await writeReviewSite({ out: o });
    expect(s.missing).toHaveLength(1);
    expect(s.missing[0].reason).toMatch(/changed since the run/);
    const id = (JSON.parse(readFileSync(join(o, 'run.json'), 'utf8')) as { articles: { path: string; id: string }[] }).articles.find((a) => a.path.endsWith(name))!.id;
    expect(siteText(join(o, 'review'), id)).toMatchObject({ text: null, missing: expect.stringMatching(/changed/) });
  });

  test('the page loads nothing from the network: only relative script and style references', () => {
    const html = readFileSync(join(out, 'review', 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(['app.js', 'data.js', 'style.css']);
    expect(readFileSync(join(out, 'review', 'style.css'), 'utf8')).not.toMatch(/url\(|@import/);
    expect(readFileSync(join(out, 'review', 'app.js'), 'utf8')).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
    expect(existsSync(join(out, 'review', 'LICENSES.txt'))).toBe(true);
  });

  test('claims review via the CLI writes the site and says where', () => {
    const res = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'review', out], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stderr).toContain(join(out, 'review', 'index.html'));
    expect(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'review', tempDir('empty-')], { encoding: 'utf8' }).status).toBe(2);
  });
});

describe('report.md', () => {
  const summary = (id: string, value: number, subject = 's'): ClaimSummary => ({
    id, source: { path: `a/${id}.txt`, article: id }, subject: { id: subject, name: subject, kind: 'org', mention: subject, via: 'lexicon', parent: null },
    metric: 'm', time: null, period: null, modality: 'asserted', rule: 'r', predicate: null,
    quantity: { kind: 'money', quote: `$${value}`, value, low: null, high: null, bound: 'exact', unit: 'USD', per: null },
  });
  const rel = (type: Relation['type'], from: string, to: string): Relation => ({ type, from, to, reason: `${type} ${from} ${to}`, review: true });
  /** A disk-backed reconciliation as reconcile() leaves it, from lists (spools in a temp folder). */
  const fakeRec = (parts: { relations?: Relation[]; hubs?: FigureHub[]; links?: FigureLink[]; groups?: Group[]; members?: [string, string][] }): Reconciliation => {
    const dir = tempDir('report-spools-');
    const spool = (name: string, items: unknown[]) => {
      const s = new Spool(dir, name);
      for (const x of items) s.append(JSON.stringify(x));
      return s;
    };
    const relations = parts.relations ?? [];
    return {
      groups: spool('groups', parts.groups ?? []), members: spool('members', parts.members ?? []),
      relations: Object.fromEntries(PAIR_TYPES.map((t) => [t, spool(t, relations.filter((r) => r.type === t))])) as Reconciliation['relations'],
      hubs: spool('hubs', parts.hubs ?? []), links: spool('links', parts.links ?? []),
      report: { flagged: [], flaggedCount: 0, hubs: [], multi: [], multiCount: 0, common: [], commonCount: 0 },
      dispose: () => undefined,
    };
  };
  const hub = (id: string, value: number, members: string[]): [FigureHub, FigureLink[]] => [
    { id, kind: 'money', unit: 'money:USD', value, subjects: 2, claims: members.length, reason: `hub ${id}` },
    members.map((m) => ({ from: m, to: id, reason: `link ${m}` })),
  ];

  test('conflicts first, then tensions, then shared figures; within each the larger figure first', () => {
    const claims = new Map([['a', 1], ['b', 2], ['c', 500], ['d', 900], ['e', 10]].map(([id, v]) => [id as string, summary(id as string, v as number)]));
    const [h1, l1] = hub('h1', 900, ['c', 'd']);
    const [h2, l2] = hub('h2', 2, ['a', 'b']);
    const rec = fakeRec({ relations: [rel('in-tension-with', 'a', 'e'), rel('conflicts-with', 'a', 'b'), rel('conflicts-with', 'c', 'e'), { ...rel('corroborates', 'a', 'b'), review: false }], hubs: [h2, h1], links: [...l2, ...l1] });
    const sel = selectReport(rec, claims);
    expect(sel.flags.map((f) => `${f.type} ${f.key} ${f.members.join('')}`)).toEqual(['conflicts-with c-e ce', 'conflicts-with a-b ab', 'in-tension-with a-e ae', 'same-figure h1 cd', 'same-figure h2 ab']);
    expect(sel.flagCounts).toEqual({ 'conflicts-with': 2, 'in-tension-with': 1, 'same-figure': 2 });
  });

  test('flags past the cap are counted, not listed; the shown ones have sentences and path:line', () => {
    const claims = new Map<string, ClaimSummary>();
    const relations: Relation[] = [];
    const context = new Map();
    for (let i = 0; i < 300; i++) {
      for (const id of [`x${i}`, `y${i}`]) {
        claims.set(id, summary(id, 1000 + i));
        context.set(id, { sentence: `Sentence of ${id}.`, line: i + 1, column: 1 });
      }
      relations.push(rel('conflicts-with', `x${i}`, `y${i}`));
    }
    const md = renderReport({ claims, rec: fakeRec({ relations }), articles: [], failed: [{ path: 'bad.txt', reason: 'binary file' }], context });
    expect(md.match(/^### \d+\. conflict$/gm)).toHaveLength(REPORT_LIMIT);
    expect(md).toContain('`a/x299.txt:300` **$1299**');
    expect(md).toContain('> Sentence of y299.');
    expect(md).not.toContain('x0.txt');
    expect(md).toContain(`… and ${300 - REPORT_LIMIT} more flags`);
    const head = md.slice(0, md.indexOf('## Needs review'));
    expect(head).toContain('**600 claims**: 600 money');
    expect(head).toContain('**300 flags to review**: 300 conflicts, 0 tensions, 0 shared figures');
    expect(head).toContain('**1 failed** (bad.txt: binary file)');
    expect(head).toContain('claims review');
  });

  test('a shared figure is one entry: the hub\'s reason and its claims, the first few with their sentences', () => {
    const ids = Array.from({ length: MEMBERS_SHOWN + 3 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    const claims = new Map(ids.map((id, i) => [id, summary(id, 4.7e6, `s${i % 3}`)]));
    const context = new Map(ids.map((id, i) => [id, { sentence: `It was $4.7 million (${id}).`, line: i + 2, column: 1 }]));
    const [h, links] = hub('h', 4.7e6, ids);
    const sel = selectReport(fakeRec({ hubs: [h], links }), claims);
    expect([...reportClaimIds(sel)]).toEqual(ids.slice(0, MEMBERS_SHOWN));
    const md = renderReport({ claims, rec: fakeRec({ hubs: [h], links }), selection: sel, articles: [], failed: [], context });
    expect(md.match(/^### \d+\. same figure, different subjects$/gm)).toHaveLength(1);
    const entry = md.slice(md.indexOf('### 1.'), md.indexOf('## Groups'));
    expect(entry).toContain('hub h');
    expect(entry).toContain('`a/m00.txt:2` **$4700000** — s0, m, asserted');
    expect(entry).toContain('> It was $4.7 million (m09).');
    expect(entry).not.toContain('m10.txt');
    expect(entry).toContain('… and 3 more claims with this figure');
    expect(md).toContain('1 shared figure (13 claims: the same figure for different subjects)');
  });

  test('the sample run with a conflict: summary on top, the conflict first with both sentences', async () => {
    const out = tempDir('review-report-');
    await runPipeline([corpusWithConflict()], out);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Needs review'));
    const first = md.slice(md.indexOf('### 1.'), md.indexOf('### 2.'));
    expect(first).toContain('### 1. conflict');
    expect(first).toMatch(/openai-users\.txt:3` \*\*about 300 million weekly users\*\*/);
    expect(first).toContain('> OpenAI has about 300 million weekly users, according to a survey by an independent research firm.');
    expect(first).toMatch(/000_9d0cdbc362e20dad\.txt:4` \*\*roughly 1 billion weekly users\*\*/);
    // Shared figures come after conflicts and tensions, one entry per hub with its claims.
    const hubs = readGraph(out).nodes.filter((n) => n.type === 'figure') as { reason: string; claims: number }[];
    expect(hubs.length).toBeGreaterThan(0);
    for (const h of hubs) expect(md).toContain(h.reason.replace(/([\\`*_[\]<>|])/g, '\\$1'));
    expect(md.match(/^### \d+\. same figure, different subjects$/gm)).toHaveLength(hubs.length);
    expect(md.indexOf('same figure, different subjects')).toBeGreaterThan(md.indexOf('### 1. conflict'));
    expect(md.slice(0, md.indexOf('## Needs review'))).toMatch(/groups with more than one claim\*\*: .*restated/);
  });
});

