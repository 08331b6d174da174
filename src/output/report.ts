/**
 * The human-readable review report (output/report.md): a summary first (claims by kind, flags,
 * groups, failures), then the flags a person should check, most important first — conflicts, then
 * tensions, then shared figures (possible misattributions); within each the larger figure first —
 * each with its reason and every claim's sentence and `path:line`. A shared figure is one hub
 * (graph.json's "figure" node) and one entry listing its claims, not a list of pairs. Then groups
 * with several claims, figures too common to flag, identical texts, articles and failures.
 *
 * Every list is capped: the report is for reading; the review site (`claims review`), graph.json
 * and run.json hold the rest. It is built from the disk-backed reconciliation by streaming its
 * spools once and keeping only the top REPORT_LIMIT entries of each list, so its memory does not
 * grow with the corpus; the sentences and lines come from claims.jsonl for the claims shown only.
 */
import { escapeControls } from '../util/message.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { records, REPORT_KEEP, MAX_HUB_SUBJECTS, type Reconciliation, type Relation, type Group, type FigureHub, type FigureLink } from '../reconcile/reconcile.js';
import { SAMPLE } from '../reconcile/groups.js';
import type { ClaimSummary } from '../reconcile/summary.js';
import { figureOf, formatNumber } from '../reconcile/interval.js';

/** Where a claim's sentence is: read from claims.jsonl for the claims the report shows only. */
export interface ClaimContext {
  sentence: string;
  line: number;
  column: number;
}

/** Flag types in order of importance; 'same-figure' is a figure hub with its claims. */
export const FLAG_ORDER = ['conflicts-with', 'in-tension-with', 'same-figure'] as const;
export type FlagType = (typeof FLAG_ORDER)[number];
const FLAG_NAME: Record<FlagType, [string, string]> = {
  'conflicts-with': ['conflict', 'conflicts'],
  'in-tension-with': ['tension', 'tensions'],
  'same-figure': ['same figure, different subjects', 'same figures, different subjects'],
};
const STATUS_ORDER = ['conflicting', 'in tension', 'consistent', 'corroborated', 'restated', 'single'];
const KIND_ORDER = ['money', 'count', 'percent', 'ratio', 'multiplier', 'measure', 'date', 'qualitative'];

/** Items shown per section. */
export const REPORT_LIMIT = REPORT_KEEP;
/** Claims listed per shared-figure hub and per group. */
export const MEMBERS_SHOWN = SAMPLE;
const REVIEW_POINTER = 'the review site (`claims review`, then open review/index.html) and graph.json';

/** One entry of "Needs review": a flagged pair, or a figure hub with its first claims. */
export interface FlagEntry {
  type: FlagType;
  /** Pair: "from-to"; hub: the hub id. Ties in order are broken by it. */
  key: string;
  reason: string;
  /** The largest figure among its claims: larger first within a type. */
  size: number;
  /** Claim ids shown (a pair's two; a hub's first MEMBERS_SHOWN). */
  members: string[];
  /** Claims it has (a hub may have more than are shown). */
  total: number;
}

interface GroupEntry {
  group: Group;
  members: string[];
}

/** What the report shows, chosen in one pass over each spool; bounded by REPORT_LIMIT. */
export interface ReportSelection {
  flags: FlagEntry[];
  flagCounts: Record<FlagType, number>;
  /** Claims in all shared-figure hubs. */
  hubClaims: number;
  groups: GroupEntry[];
  statusCounts: Map<string, number>;
  multiCount: number;
}

/** Keeps the first `k` items by `cmp` of a stream, holding at most 2k at a time. */
class Top<T> {
  private items: T[] = [];
  constructor(private readonly k: number, private readonly cmp: (a: T, b: T) => number) {}

  add(x: T): void {
    this.items.push(x);
    if (this.items.length >= 2 * this.k) this.trim();
  }

  private trim(): void {
    this.items.sort(this.cmp);
    if (this.items.length > this.k) this.items.length = this.k;
  }

  result(): T[] {
    this.trim();
    return this.items;
  }
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const figure = (c: ClaimSummary | undefined) => (c?.quantity ? Math.abs(figureOf(c.quantity) ?? 0) : 0);

/** Chooses the flags and groups the report shows, and counts all of them. */
export function selectReport(rec: Reconciliation, claims: ReadonlyMap<string, ClaimSummary>): ReportSelection {
  const rank = (t: FlagType) => FLAG_ORDER.indexOf(t);
  const flags = new Top<FlagEntry>(REPORT_LIMIT, (a, b) => rank(a.type) - rank(b.type) || b.size - a.size || text(a.key, b.key));
  const flagCounts: Record<FlagType, number> = { 'conflicts-with': 0, 'in-tension-with': 0, 'same-figure': 0 };
  for (const type of ['conflicts-with', 'in-tension-with'] as const) {
    for (const r of records<Relation>(rec.relations[type])) {
      if (!r.review) continue;
      flagCounts[type]++;
      flags.add({ type, key: `${r.from}-${r.to}`, reason: r.reason, size: Math.max(figure(claims.get(r.from)), figure(claims.get(r.to))), members: [r.from, r.to], total: 2 });
    }
  }
  let hubClaims = 0;
  for (const h of records<FigureHub>(rec.hubs)) {
    flagCounts['same-figure']++;
    hubClaims += h.claims;
    flags.add({ type: 'same-figure', key: h.id, reason: h.reason, size: Math.abs(h.value), members: [], total: h.claims });
  }
  const shownFlags = flags.result();
  const hubs = new Map(shownFlags.filter((f) => f.type === 'same-figure').map((f) => [f.key, f]));
  if (hubs.size > 0) {
    for (const l of records<FigureLink>(rec.links)) {
      const hub = hubs.get(l.to);
      if (hub && hub.members.length < MEMBERS_SHOWN) hub.members.push(l.from);
    }
  }

  const statusRank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
  const groups = new Top<GroupEntry>(REPORT_LIMIT, (a, b) => statusRank(a.group.status) - statusRank(b.group.status) || b.group.members - a.group.members || text(a.group.id, b.group.id));
  const statusCounts = new Map<string, number>();
  let multiCount = 0;
  for (const g of records<Group>(rec.groups)) {
    if (g.members < 2) continue;
    multiCount++;
    statusCounts.set(g.status, (statusCounts.get(g.status) ?? 0) + 1);
    groups.add({ group: g, members: [] });
  }
  const shownGroups = groups.result();
  const byId = new Map(shownGroups.map((g) => [g.group.id, g]));
  if (byId.size > 0) {
    for (const [claim, group] of records<[string, string]>(rec.members)) {
      const g = byId.get(group);
      if (g && g.members.length < MEMBERS_SHOWN) g.members.push(claim);
    }
  }
  return { flags: shownFlags, flagCounts, hubClaims, groups: shownGroups, statusCounts, multiCount };
}

/** The ids of the claims the report shows with their sentences (flags only). */
export function reportClaimIds(sel: ReportSelection): Set<string> {
  const ids = new Set<string>();
  for (const f of sel.flags) for (const id of f.members) ids.add(id);
  return ids;
}

/** Reads the sentence and line of the given claims from claims.jsonl (streamed; only those lines parsed). */
export async function claimContext(claimsFile: string, ids: Set<string>): Promise<Map<string, ClaimContext>> {
  const out = new Map<string, ClaimContext>();
  if (ids.size === 0) return out;
  for await (const line of createInterface({ input: createReadStream(claimsFile, 'utf8'), crlfDelay: Infinity })) {
    const id = /^\{"id":"([^"]*)"/.exec(line)?.[1];
    if (!id || !ids.has(id)) continue;
    const c = JSON.parse(line) as { quote: string; provenance: { line: number; column: number } };
    out.set(id, { sentence: c.quote, line: c.provenance.line, column: c.provenance.column });
  }
  return out;
}

export interface ReportInput {
  claims: ReadonlyMap<string, ClaimSummary>;
  rec: Reconciliation;
  articles: { path: string; sources: string[]; claims: number; noise: number; rejected: number }[];
  failed: { path: string; reason: string }[];
  /** What to show (selectReport); chosen here when not given. */
  selection?: ReportSelection;
  /** Sentences and lines of the claims shown (claimContext over reportClaimIds). */
  context?: Map<string, ClaimContext>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** One line, no Markdown surprises from the source text. */
const inline = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
/** A path as report text: control characters escaped, markdown characters too (a name with a
 * newline, an ANSI escape or a "|" must not break a line, a list or the table; "_" inside a
 * word is never emphasis, so it is left as it is). */
const p = (path: string) => escapeControls(path).replace(/([\\`*[\]<>|])/g, '\\$1');
/** A path inside a code span, where backslashes are literal: a backtick becomes a quote. */
const code = (path: string) => escapeControls(path).replace(/`/g, "'");
const more = (lines: string[], total: number, shown: number, what = 'see graph.json and run.json') => {
  if (total > shown) lines.push(`- … and ${total - shown} more (${what})`);
};

export function renderReport({ claims, rec, articles, failed, selection, context = new Map() }: ReportInput): string {
  const sel = selection ?? selectReport(rec, claims);
  const r = rec.report;
  const lines: string[] = ['# Claims review', ''];

  // Summary: what a reader needs before deciding whether to read on.
  const kinds = new Map<string, number>();
  for (const c of claims.values()) {
    const k = c.quantity?.kind ?? 'qualitative';
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const kindRank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  const byKind = [...kinds].sort(([a], [b]) => kindRank(a) - kindRank(b) || text(a, b)).map(([k, n]) => `${n} ${k}`).join(', ');
  const c = sel.flagCounts;
  const flagTotal = c['conflicts-with'] + c['in-tension-with'] + c['same-figure'];
  const statuses = STATUS_ORDER.filter((s) => sel.statusCounts.has(s)).map((s) => `${sel.statusCounts.get(s)} ${s}`);
  lines.push('## Summary', '');
  lines.push(`- **${plural(articles.length, 'article')}** read, **${failed.length} failed**${failed.length ? ` (${failed.slice(0, 3).map((f) => `${p(f.path)}: ${inline(f.reason)}`).join('; ')}${failed.length > 3 ? '; …' : ''})` : ''}`);
  lines.push(`- **${plural(claims.size, 'claim')}**${claims.size ? `: ${byKind}` : ''}`);
  lines.push(`- **${plural(flagTotal, 'flag')} to review**: ${plural(c['conflicts-with'], 'conflict')}, ${plural(c['in-tension-with'], 'tension')}, ${plural(c['same-figure'], 'shared figure')}${c['same-figure'] ? ` (${plural(sel.hubClaims, 'claim')}: the same figure for different subjects)` : ''}`);
  lines.push(`- **groups with more than one claim**: ${statuses.length ? statuses.join(', ') : 'none'}`);
  lines.push(`- every claim with its source text, filters and accept / reject / correct: ${REVIEW_POINTER}`, '');

  const where = (id: string) => {
    const cl = claims.get(id);
    const x = context.get(id);
    if (!cl) return `- ${id}`;
    const fig = cl.quantity ? `**${inline(cl.quantity.quote)}**` : inline(cl.predicate ?? '');
    const facts = `${cl.subject ? `${inline(cl.subject.name)}${cl.subject.via === 'lexicon' ? '' : ` (subject by ${cl.subject.via})`}` : 'no subject'}, ${cl.metric ?? 'no metric'}${cl.time ? `, ${inline(cl.time)}` : ''}, ${cl.modality}`;
    return `- \`${code(cl.source.path)}${x ? `:${x.line}` : ''}\` ${fig} — ${facts}${x ? `\n  > ${inline(x.sentence)}` : ''}`;
  };
  lines.push('## Needs review', '');
  if (flagTotal === 0) lines.push('Nothing flagged.', '');
  sel.flags.forEach((f, i) => {
    lines.push(`### ${i + 1}. ${FLAG_NAME[f.type][0]}`, '', inline(f.reason), '');
    for (const id of f.members) lines.push(where(id));
    if (f.total > f.members.length) lines.push(`- … and ${f.total - f.members.length} more claims with this figure (see ${REVIEW_POINTER})`);
    lines.push('');
  });
  if (flagTotal > sel.flags.length) lines.push(`… and ${flagTotal - sel.flags.length} more flags: see ${REVIEW_POINTER}.`, '');

  lines.push('## Groups with more than one claim', '');
  if (sel.multiCount === 0) lines.push('None.');
  for (const { group: g, members } of sel.groups) {
    lines.push(`- **${g.subject ?? g.key.subject} · ${g.key.metric} · ${g.key.unit} · ${g.key.period}**: ${g.status}. ${g.reason}`);
    for (const m of members) {
      const cl = claims.get(m);
      lines.push(cl ? `  - "${inline(cl.quantity?.quote ?? '')}" (${p(cl.source.path)})` : `  - ${m}`);
    }
    if (g.members > members.length) lines.push(`  - … and ${g.members - members.length} more`);
  }
  more(lines, sel.multiCount, sel.groups.length, `groups: see ${REVIEW_POINTER}`);

  if (r.commonCount > 0) {
    lines.push('', '## Figures too common to flag', '');
    lines.push(`${r.commonCount} specific figures are each stated for more than ${MAX_HUB_SUBJECTS} different subjects; a coincidence is likely, so they are not linked. The most stated:`, '');
    for (const f of r.common) lines.push(`- ${formatNumber(f.value)} ${f.unit}: ${f.claims} claims`);
  }

  const copies = articles.filter((a) => a.sources.length > 1);
  if (copies.length > 0) {
    lines.push('', '## Identical texts at several paths', '', 'Each is one article (one source); its claims carry the first path.', '');
    for (const a of copies.slice(0, REPORT_LIMIT)) lines.push(`- ${p(a.path)}: also ${a.sources.filter((s) => s !== a.path).map(p).join(', ')}`);
    more(lines, copies.length, Math.min(copies.length, REPORT_LIMIT));
  }

  lines.push('', '## Articles', '', '| article | claims | noise flags | figures not taken as claims |', '|---|---|---|---|');
  for (const a of articles.slice(0, REPORT_LIMIT)) lines.push(`| ${p(a.path)} | ${a.claims} | ${a.noise} | ${a.rejected} |`);
  if (articles.length > REPORT_LIMIT) lines.push(`| … and ${articles.length - REPORT_LIMIT} more (run.json, review site) | | | |`);
  if (failed.length > 0) {
    lines.push('', '## Failed articles', '');
    for (const f of failed.slice(0, REPORT_LIMIT)) lines.push(`- ${p(f.path)}: ${inline(f.reason)}`);
    more(lines, failed.length, Math.min(failed.length, REPORT_LIMIT));
  }
  return lines.join('\n') + '\n';
}
