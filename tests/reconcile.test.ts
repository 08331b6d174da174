/** The sample corpus yields every expectation of gold/seeds.reconcile.json. */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { corpusDir, goldDir, readClaims, runPipeline, tempDir } from './helpers.js';
import type { ClaimRecord } from '../src/records.js';
import type { Graph } from '../src/graph/schema.js';
import { reconcile, compare, records, type Group } from '../src/reconcile/reconcile.js';
import { summarizeClaim } from '../src/reconcile/summary.js';

interface Ref { doc: string; quote: string }
const expectations = JSON.parse(readFileSync(join(goldDir, 'seeds.reconcile.json'), 'utf8')) as {
  together: { name: string; members: Ref[] }[];
  apart: { name: string; a: Ref; b: Ref }[];
};

let out: string;
let claims: ClaimRecord[];
let graph: Graph;
beforeAll(async () => {
  out = tempDir();
  await runPipeline([corpusDir], out);
  claims = readClaims(out);
  graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
});

const find = (ref: Ref) => {
  const c = claims.find((x) => x.source.path.endsWith(ref.doc) && x.quantity?.quote === ref.quote);
  if (!c) throw new Error(`no claim "${ref.quote}" in ${ref.doc}`);
  return c;
};
const groupOf = (c: ClaimRecord) => graph.edges.find((e) => e.type === 'member-of' && e.from === `claim:${c.id}`)!.to;
const edgesBetween = (a: ClaimRecord, b: ClaimRecord) => graph.edges.filter((e) =>
  (e.from === `claim:${a.id}` && e.to === `claim:${b.id}`) || (e.from === `claim:${b.id}` && e.to === `claim:${a.id}`));

describe('seeds.reconcile.json', () => {
  for (const t of expectations.together) {
    test(`together: ${t.name}`, () => {
      const members = t.members.map(find);
      const groups = new Set(members.map(groupOf));
      expect(groups.size).toBe(1);
      const group = graph.nodes.find((n) => n.id === [...groups][0])!;
      expect(group.type).toBe('group');
      if (group.type !== 'group') return;
      // The reason states both values with their bounds, and a verdict.
      for (const m of members) expect(group.reason).toContain(m.quantity!.quote);
      expect(['corroborated', 'restated', 'consistent', 'in tension']).toContain(group.status);
      if (/corroborate/.test(JSON.stringify(t))) {
        // "The two mentions corroborate each other": the pair says so...
        expect(edgesBetween(members[0], members[1]).map((e) => e.type)).toContain('corroborates');
        // ...and the group counts independent sources : one article saying a figure
        // twice is a restatement; several articles make it corroborated.
        const articles = new Set(members.map((m) => m.source.article)).size;
        expect(group.status).toBe(articles > 1 ? 'corroborated' : 'restated');
      }
    });
  }

  for (const p of expectations.apart) {
    test(`apart: ${p.name}`, () => {
      const a = find(p.a), b = find(p.b);
      expect(groupOf(a)).not.toBe(groupOf(b));
      const between = edgesBetween(a, b);
      expect(between.some((e) => e.type === 'conflicts-with')).toBe(false);
      // A shared figure is one hub node both claims point at, not a pair edge.
      const hubOf = (c: ClaimRecord) => graph.edges.find((e) => e.type === 'same-figure-as' && e.from === `claim:${c.id}`)?.to;
      const sameValue = a.quantity!.value === b.quantity!.value;
      if (sameValue) {
        expect(hubOf(a)).toBeDefined();
        expect(hubOf(a)).toBe(hubOf(b));
        const hub = graph.nodes.find((n) => n.id === hubOf(a))!;
        expect(hub.type).toBe('figure');
        if (hub.type !== 'figure') return;
        expect(hub.review).toBe(true);
        expect(hub.reason).toMatch(/possible misattribution/);
        expect(hub.reason).toContain(a.subject!.name);
        expect(hub.reason).toContain(b.subject!.name);
      } else expect(hubOf(a) !== undefined && hubOf(a) === hubOf(b)).toBe(false);
    });
  }
});

describe('interval reasoning', () => {
  const claim = (id: string, quote: string, bound: string, value: number | null, low: number | null, high: number | null): ClaimRecord => ({
    id, quantity: { kind: 'count', quote, value, low, high, bound, unit: 'users', per: null, span: { start: 0, end: 0 }, implied: false, rule: 'test' },
    subject: { id: 'x', name: 'X', kind: 'org', mention: 'X', via: 'lexicon', parent: null }, metric: 'users', time: null, period: null,
    source: { path: 'a.txt', sha256: '0'.repeat(64), article: '0' }, modality: 'asserted', rule: 'test', predicate: null,
  } as unknown as ClaimRecord);
  const rel = (a: ClaimRecord, b: ClaimRecord) => compare(summarizeClaim(a) as never, summarizeClaim(b) as never).type;

  test.each([
    ['exact equal', claim('a', '5M', 'exact', 5e6, 5e6, 5e6), claim('b', '5M', 'exact', 5e6, 5e6, 5e6), 'corroborates'],
    ['approx overlaps exact', claim('a', '~5M', 'approx', 5e6, null, null), claim('b', '5.3M', 'exact', 5.3e6, 5.3e6, 5.3e6), 'consistent-with'],
    ['at least vs at most, disjoint and close', claim('a', '>5M', 'at_least', 5e6, 5e6, null), claim('b', '<4.5M', 'at_most', 4.5e6, null, 4.5e6), 'in-tension-with'],
    ['far apart', claim('a', '1M', 'exact', 1e6, 1e6, 1e6), claim('b', '9M', 'exact', 9e6, 9e6, 9e6), 'conflicts-with'],
  ])('%s', (_n, a, b, expected) => {
    expect(rel(a, b)).toBe(expected);
  });

  describe('newer and older (issue 13): dated articles say which statement is later', () => {
    const dated = (c: ClaimRecord, article: string, published?: string): ClaimRecord =>
      ({ ...c, source: { path: `${article}.txt`, sha256: c.source.sha256, article, ...(published ? { published } : {}) } });
    const relation = (a: ClaimRecord, b: ClaimRecord) => compare(summarizeClaim(a) as never, summarizeClaim(b) as never);

    test('a conflict or tension between two dated articles names the newer claim, whichever comes first', () => {
      const old = dated(claim('a', '1M', 'exact', 1e6, 1e6, 1e6), 'p', '2024-06-01');
      const fresh = dated(claim('b', '9M', 'exact', 9e6, 9e6, 9e6), 'q', '2025-02-10T08:00:00Z');
      for (const [x, y] of [[old, fresh], [fresh, old]]) {
        const r = relation(x, y);
        expect(r.type).toBe('conflicts-with');
        expect(r.newer).toBe('b');
        expect(r.reason).toContain('the newer is "9M" (published 2025-02-10, the other 2024-06-01)');
      }
      const close = relation(dated(claim('a', '>5M', 'at_least', 5e6, 5e6, null), 'p', '2025-03-01'), dated(claim('b', '<4.5M', 'at_most', 4.5e6, null, 4.5e6), 'q', '2024-01-01'));
      expect([close.type, close.newer]).toEqual(['in-tension-with', 'a']);
    });

    test('no newer when either is undated or both are of one day; agreement needs none', () => {
      const a = claim('a', '1M', 'exact', 1e6, 1e6, 1e6), b = claim('b', '9M', 'exact', 9e6, 9e6, 9e6);
      expect(relation(dated(a, 'p', '2024-06-01'), dated(b, 'q')).newer).toBeUndefined();
      const sameDay = relation(dated(a, 'p', '2025-02-10'), dated(b, 'q', '2025-02-10T23:00:00Z'));
      expect(sameDay.newer).toBeUndefined();
      expect(sameDay.reason).toContain('both published 2025-02-10');
      const agree = relation(dated(a, 'p', '2024-06-01'), dated(claim('b', '1M', 'exact', 1e6, 1e6, 1e6), 'q', '2025-01-01'));
      expect([agree.type, agree.newer]).toEqual(['corroborates', undefined]);
    });

    test('a group records its latest dated member; a single or undated group has none', async () => {
      const members = [
        dated(claim('a', '1M', 'exact', 1e6, 1e6, 1e6), 'p', '2024-06-01'),
        dated(claim('c', '9M', 'exact', 9e6, 9e6, 9e6), 'r', '2025-02-10'),
        dated(claim('b', '5M', 'exact', 5e6, 5e6, 5e6), 'q'),
        dated(claim('d', '9M', 'exact', 9e6, 9e6, 9e6), 's', '2025-02-10'),
      ];
      const groupsOf = async (cs: ClaimRecord[]) => {
        const rec = await reconcile(cs.map(summarizeClaim));
        const gs: Group[] = [];
        for await (const g of records<Group>(rec.groups)) gs.push(g);
        rec.dispose();
        return gs;
      };
      // Ties on the day go to the smaller id, in any input order.
      expect((await groupsOf(members))[0].latest).toEqual({ claim: 'c', published: '2025-02-10' });
      expect((await groupsOf([...members].reverse()))[0].latest).toEqual({ claim: 'c', published: '2025-02-10' });
      expect((await groupsOf([members[0]]))[0].latest).toBeUndefined();
      expect((await groupsOf(members.map((m) => dated(m, m.source.article))))[0].latest).toBeUndefined();
    });
  });

  test('claims without a subject are never grouped together', async () => {
    const a = { ...claim('a', '5M', 'exact', 5e6, 5e6, 5e6), subject: null };
    const b = { ...claim('b', '9M', 'exact', 9e6, 9e6, 9e6), subject: null };
    const rec = await reconcile([a, b].map(summarizeClaim));
    const groups: Group[] = [];
    for await (const g of records<Group>(rec.groups)) groups.push(g);
    expect(groups).toHaveLength(2);
    for (const spool of Object.values(rec.relations)) expect(spool.count).toBe(0);
    rec.dispose();
  });
});

describe('graph.json', () => {
  test('states its format version first', () => {
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toMatch(/^\{"format":"claims\/2","pipeline":/);
  });

  test('validates against its own generated JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(out, 'schema', 'graph.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(graph), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  test('claims.jsonl validates against its JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(out, 'schema', 'claim.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const c of claims) expect(validate(c), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  test('every edge points at existing nodes', () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) {
      expect(ids.has(e.from)).toBe(true);
      expect(ids.has(e.to)).toBe(true);
    }
  });
});
