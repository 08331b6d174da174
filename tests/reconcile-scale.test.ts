/** Reconciliation grows linearly with the claims, whatever the distribution of figures. */
import { describe, expect, test } from 'vitest';
import { reconcile, records, type Group, type FigureHub, type FigureLink, type Reconciliation } from '../src/reconcile/reconcile.js';
import { isSpecificFigure, significantDigits, MAX_HUB_SUBJECTS } from '../src/reconcile/figures.js';
import { ExternalSorter, sortableNumber } from '../src/reconcile/external-sort.js';
import { Spool, SPOOL_MEMORY_LINES } from '../src/reconcile/spool.js';
import type { ClaimSummary } from '../src/reconcile/summary.js';
import { articles, runPipeline, tempDir } from './helpers.js';
import { readLines } from '../src/reconcile/line-reader.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Q = NonNullable<ClaimSummary['quantity']>;

/** A synthetic quantity claim: `i` makes the id, subject and article are given. */
function claim(i: number, subject: string, article: string, q: Partial<Q> = {}): ClaimSummary {
  const value = q.value ?? 10;
  return {
    id: `c${String(i).padStart(8, '0')}`, source: { path: `${article}.txt`, article }, metric: 'revenue', time: null, period: null,
    subject: { id: subject, name: subject, kind: 'org', mention: subject, via: 'lexicon', parent: null },
    modality: 'asserted', rule: 'test', predicate: null,
    quantity: { kind: 'percent', quote: `${value}%`, value, low: value, high: value, bound: 'exact', unit: 'percent', per: null, ...q },
  };
}

function* many(n: number, make: (i: number) => ClaimSummary): Generator<ClaimSummary> {
  for (let i = 0; i < n; i++) yield make(i);
}

async function count(rec: Reconciliation) {
  let groups = 0;
  for await (const _ of records<Group>(rec.groups)) groups++;
  const relations = Object.values(rec.relations).reduce((n, s) => n + s.count, 0);
  return { groups, relations, members: rec.members.count, hubs: rec.hubs.count, links: rec.links.count };
}

describe('100,000 claims of one figure', () => {
  test('on 1,000 subjects: linear relations, no hub (too common), no stack overflow', async () => {
    const rec = await reconcile(many(100_000, (i) => claim(i, `org${i % 1000}`, `a${i}`, { value: 12.5, quote: '12.5%' })));
    try {
      const c = await count(rec);
      expect(c).toEqual({ groups: 1000, members: 100_000, relations: 1000 * 99, hubs: 0, links: 0 });
      expect(rec.report.commonCount).toBe(1);
      expect(rec.report.common[0]).toMatchObject({ value: 12.5, claims: 100_000 });
    } finally {
      rec.dispose();
    }
  }, 60_000);

  test('on one subject: one group, corroborated by its 100,000 articles through neighbour pairs', async () => {
    const rec = await reconcile(many(100_000, (i) => claim(i, 'acme', `a${i}`)));
    try {
      expect(await count(rec)).toEqual({ groups: 1, members: 100_000, relations: 99_999, hubs: 0, links: 0 });
      const [group] = rec.report.multi;
      expect(group).toMatchObject({ members: 100_000, articles: 10_000, status: 'corroborated' });
      expect(group.reason).toMatch(/in at least 10000 independent articles/);
    } finally {
      rec.dispose();
    }
  }, 60_000);

  test('on two subjects: one hub with 100,000 member edges (members wait on disk, not in memory)', async () => {
    const rec = await reconcile(many(100_000, (i) => claim(i, i % 2 ? 'acme' : 'globex', `a${i}`, { kind: 'money', unit: 'USD', value: 4.7e6, quote: '$4.7 million' })));
    try {
      const c = await count(rec);
      expect({ hubs: c.hubs, links: c.links }).toEqual({ hubs: 1, links: 100_000 });
      const hubs: FigureHub[] = [];
      for await (const h of records<FigureHub>(rec.hubs)) hubs.push(h);
      expect(hubs[0]).toMatchObject({ subjects: 2, claims: 100_000, value: 4.7e6 });
      expect(hubs[0].reason).toMatch(/acme, globex.*possible misattribution/);
      const targets = new Set<string>();
      for await (const l of records<FigureLink>(rec.links)) targets.add(l.to);
      expect([...targets]).toEqual([hubs[0].id]);
    } finally {
      rec.dispose();
    }
  }, 60_000);
});

describe('which shared figures are linked', () => {
  const on = (value: number, kind: Q['kind'] = 'money', extra: Partial<Q> = {}) => isSpecificFigure(claim(0, 'x', 'a', { kind, value, low: value, high: value, unit: kind === 'percent' ? 'percent' : 'USD', ...extra }) as never);

  test.each([
    ['$600 billion (round but large)', on(600e9), true],
    ['$4.7 million (two significant digits)', on(4.7e6), true],
    ['1,250 jobs', on(1250, 'count'), true],
    ['12.5%', on(12.5, 'percent'), true],
    ['$1 million (round, common)', on(1e6), false],
    ['10% (a whole percentage)', on(10, 'percent'), false],
    ['2 years (small count)', on(2, 'count'), false],
    ['$900 (under 1,000)', on(900), false],
    ['a range', on(4.7e6, 'money', { bound: 'range', low: 4e6, high: 5e6 }), false],
    ['a multiplier', on(2.5, 'multiplier'), false],
  ])('%s → %s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('significant digits', () => {
    expect([600e9, 4.7e6, 1250, 0.125, 1e6].map(significantDigits)).toEqual([1, 2, 3, 3, 1]);
  });

  test(`a specific figure on 2..${MAX_HUB_SUBJECTS} subjects is linked, on more it is counted as common`, async () => {
    for (const subjects of [1, 2, MAX_HUB_SUBJECTS, MAX_HUB_SUBJECTS + 1]) {
      const rec = await reconcile(many(subjects * 3, (i) => claim(i, `org${i % subjects}`, `a${i}`, { value: 12.5 })));
      expect({ subjects, hubs: rec.hubs.count, links: rec.links.count, common: rec.report.commonCount }).toEqual({
        subjects, hubs: subjects >= 2 && subjects <= MAX_HUB_SUBJECTS ? 1 : 0,
        links: subjects >= 2 && subjects <= MAX_HUB_SUBJECTS ? subjects * 3 : 0, common: subjects > MAX_HUB_SUBJECTS ? 1 : 0,
      });
      rec.dispose();
    }
  });

  test('the same claims in any order give the same records', async () => {
    const input = [...many(3000, (i) => claim(i, `org${i % 7}`, `a${i % 50}`, { value: [12.5, 13, 40, 41][i % 4] }))];
    const dump = async (rec: Reconciliation) => {
      const lines: string[] = [];
      for (const s of [rec.groups, rec.members, ...Object.values(rec.relations), rec.hubs, rec.links]) for await (const l of s.lines()) lines.push(l);
      rec.dispose();
      return lines;
    };
    const forward = await dump(await reconcile(input));
    const backward = await dump(await reconcile([...input].reverse()));
    expect(backward).toEqual(forward);
    expect(forward.length).toBeGreaterThan(3000);
  });
});

describe('external sort and spool', () => {
  test('sorts like an in-memory sort across many chunk files, merged in rounds', async () => {
    // 5,000 entries in chunks of 7: 715 files, more than MERGE_WIDTH, so merged in rounds.
    const sorter = new ExternalSorter(tempDir(), 7);
    const values: number[] = [];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      const v = (seed % 20001) - 10000 + (seed % 7) / 8;
      values.push(v);
      sorter.add(sortableNumber(v), String(i));
    }
    const out: number[] = [];
    for await (const e of sorter.sorted()) out.push(values[Number(e.value)]);
    expect(out).toEqual([...values].sort((a, b) => a - b));
  });

  test('lines split across read blocks, multi-byte characters included', () => {
    const file = join(tempDir(), 'lines');
    const lines = Array.from({ length: 500 }, (_, i) => `${i} é 日本 🙂 ${'x'.repeat(i % 13)}`);
    writeFileSync(file, lines.join('\n') + '\n');
    expect([...readLines(file, 7)]).toEqual(lines);
    writeFileSync(file, 'no final newline 🙂');
    expect([...readLines(file, 5)]).toEqual(['no final newline 🙂']);
  });

  test('a spool returns its lines in order after moving to disk', async () => {
    const spool = new Spool(tempDir());
    const n = SPOOL_MEMORY_LINES * 3 + 5;
    for (let i = 0; i < n; i++) spool.append(`line ${i}`);
    const back: string[] = [];
    for await (const l of spool.lines()) back.push(l);
    expect(back).toHaveLength(n);
    expect(back[0]).toBe('line 0');
    expect(back[n - 1]).toBe(`line ${n - 1}`);
    spool.clear();
  });
});

describe("the issue's case: 800 one-line articles, fifteen companies, one figure", () => {
  test('runs, links no pairs, and graph.json stays linear in the claims', async () => {
    const companies = ['OpenAI', 'Anthropic', 'Google', 'Alphabet', 'Meta', 'xAI', 'Microsoft', 'Amazon', 'Nvidia', 'AMD', 'Oracle', 'SoftBank', 'Tesla', 'Apple', 'Intel'];
    const files: Record<string, string> = {};
    for (let i = 0; i < 800; i++) files[`a${String(i).padStart(3, '0')}.txt`] = `${companies[i % 15]} said its revenue rose 10 percent, according to filing ${i}.\n`;
    const out = tempDir();
    const summary = await runPipeline([articles(files)], out);
    expect({ exit: summary.exitCode, claims: summary.claims }).toEqual({ exit: 0, claims: 800 });
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as { nodes: { type: string; status?: string }[]; edges: { type: string }[] };
    expect(graph.edges.filter((e) => e.type === 'same-figure-as')).toHaveLength(0);
    // stated-in, about, member-of and one neighbour relation per claim at most.
    expect(graph.edges.length).toBeLessThanOrEqual(4 * 800);
    expect(graph.nodes.filter((n) => n.type === 'group' && n.status === 'corroborated')).toHaveLength(15);
    expect(statSync(join(out, 'graph.json')).size).toBeLessThan(1.2 * 2 ** 20);
  }, 60_000);
});
