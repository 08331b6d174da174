/**
 * Reconciliation across articles, in time and memory linear in the number of claims whatever the
 * distribution of figures:
 *
 * 1. one pass over the claims puts each quantity claim in two external sorts: by (group key,
 *    figure, id) and, when its figure is specific, by (unit family, figure, id); a measure's unit
 *    family is its dimension and its figure is in the dimension's base unit (inBaseUnits);
 * 2. the first sort streams past GroupStream (groups.ts): corroborates / consistent / in tension /
 *    conflicting, with the reason in words and numbers;
 * 3. the second streams past FigureStream (figures.ts): one hub per informative shared figure.
 *
 * Everything produced goes to spools (memory, then temp files), read back in order by the graph
 * writer; the report gets the first REPORT_KEEP items of each list and the counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimSummary } from './summary.js';
import { figureOf } from './interval.js';
import { ExternalSorter, sortableNumber } from './external-sort.js';
import { Spool } from './spool.js';
import { inBaseUnits, isQuantified, label, slim, unitFamily, type PairRelation, type Quantified, type Relation, type UnitScaleOf } from './compare.js';
import { GroupStream, groupKey, type Group } from './groups.js';
import { FigureStream, isSpecificFigure, type CommonFigure, type FigureHub } from './figures.js';

export { compare, inBaseUnits, unitFamily, TENSION_GAP, SAME_FIGURE, type PairRelation, type Relation, type UnitScaleOf } from './compare.js';
export { MAX_ALL_PAIRS, type Group, type GroupStatus } from './groups.js';
export { MAX_HUB_SUBJECTS, isSpecificFigure, type FigureHub, type FigureLink } from './figures.js';

/** Items of each list kept for the report (the report shows this many; graph.json has all). */
export const REPORT_KEEP = 200;
/** Common (unlinked) figures named in the report: the most stated ones. */
export const COMMON_KEEP = 20;

export const PAIR_TYPES: PairRelation[] = ['conflicts-with', 'consistent-with', 'corroborates', 'in-tension-with'];

export interface Reconciliation {
  /** Group records (JSON, one a line) in group-key order. */
  groups: Spool;
  /** member-of edges as JSON [claim id, group id], in group-key order. */
  members: Spool;
  /** Pair relations (JSON Relation) per type, in group-key order. */
  relations: Record<PairRelation, Spool>;
  /** Figure hubs (JSON FigureHub) and their same-figure-as links (JSON FigureLink). */
  hubs: Spool;
  links: Spool;
  /** For the report: the first REPORT_KEEP of each list, with the full counts. */
  report: {
    /** Tensions and conflicts, with the report lines of both claims. */
    flagged: (Relation & { quotes: [string, string] })[];
    flaggedCount: number;
    hubs: (FigureHub & { sample: string[] })[];
    multi: (Group & { sample: string[] })[];
    multiCount: number;
    common: CommonFigure[];
    commonCount: number;
  };
  /** Removes the temp files. */
  dispose(): void;
}

const SEP = '\u0000';

/** Reconciles all quantity claims of a corpus. Order of input does not matter. With `unitScale`
 * (the rules' QuantityRules.unitScale), measures of one dimension are compared in its base unit. */
export async function reconcile(claims: Iterable<ClaimSummary> | AsyncIterable<ClaimSummary>, unitScale?: UnitScaleOf): Promise<Reconciliation> {
  const dir = mkdtempSync(join(tmpdir(), 'claims-reconcile-'));
  try {
    return await reconcileIn(dir, claims, unitScale);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function reconcileIn(dir: string, claims: Iterable<ClaimSummary> | AsyncIterable<ClaimSummary>, unitScale: UnitScaleOf | undefined): Promise<Reconciliation> {
  const byGroup = new ExternalSorter(dir);
  const byFigure = new ExternalSorter(dir);
  for await (const c of claims) {
    if (!isQuantified(c)) continue;
    const q = inBaseUnits(slim(c), unitScale);
    const value = JSON.stringify(q);
    const unit = unitFamily(q.quantity);
    const f = figureOf(q.quantity);
    byGroup.add(JSON.stringify(groupKey(q, unit)) + SEP + (f === null ? '' : sortableNumber(f)) + SEP + q.id, value);
    if (isSpecificFigure(q)) byFigure.add(JSON.stringify(unit) + SEP + sortableNumber(f!) + SEP + q.id, value);
  }

  const rec: Reconciliation = {
    groups: new Spool(dir, 'groups'), members: new Spool(dir, 'members'),
    relations: Object.fromEntries(PAIR_TYPES.map((t) => [t, new Spool(dir, t)])) as Record<PairRelation, Spool>,
    hubs: new Spool(dir, 'hubs'), links: new Spool(dir, 'links'),
    report: { flagged: [], flaggedCount: 0, hubs: [], multi: [], multiCount: 0, common: [], commonCount: 0 },
    dispose: () => {
      for (const spool of [rec.groups, rec.members, ...Object.values(rec.relations), rec.hubs, rec.links]) spool.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const report = rec.report;

  const groups = new GroupStream({
    group: (g, sample) => {
      rec.groups.append(JSON.stringify(g));
      // Report lines only for the groups the report shows.
      if (g.members > 1 && report.multiCount++ < REPORT_KEEP) report.multi.push({ ...g, sample: sample() });
    },
    member: (claim, group) => rec.members.append(JSON.stringify([claim, group])),
    relation: (r, a, b) => {
      rec.relations[r.type].append(JSON.stringify(r));
      if (r.review && report.flaggedCount++ < REPORT_KEEP) report.flagged.push({ ...r, quotes: a.id === r.from ? [label(a), label(b)] : [label(b), label(a)] });
    },
  });
  for (const { key, value } of byGroup.sorted()) {
    const c = JSON.parse(value) as Quantified;
    const keyText = key.slice(0, key.indexOf(SEP));
    groups.add(c, keyText, groupKey(c, unitFamily(c.quantity)));
  }
  groups.finish();

  const figures = new FigureStream(dir, {
    hub: (h, sample) => {
      rec.hubs.append(JSON.stringify(h));
      if (rec.hubs.count <= REPORT_KEEP) report.hubs.push({ ...h, sample: sample() });
    },
    link: (l) => rec.links.append(JSON.stringify(l)),
    common: (f) => {
      report.commonCount++;
      // Keep the most stated few; ties in (unit, value) order, so the list is the same every run.
      report.common.push(f);
      report.common.sort((a, b) => b.claims - a.claims || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.value - b.value));
      if (report.common.length > COMMON_KEEP) report.common.pop();
    },
  });
  for (const { value } of byFigure.sorted()) {
    const c = JSON.parse(value) as Quantified;
    figures.add(c, unitFamily(c.quantity));
  }
  figures.finish();
  return rec;
}

/** Reads a spool of JSON lines back as values. */
export function* records<T>(spool: Spool): Generator<T> {
  for (const line of spool.lines()) yield JSON.parse(line) as T;
}
