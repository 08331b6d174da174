/**
 * The human-readable review report (output/report.md): a summary first (claims by kind, flags,
 * failures), then every flagged claim pair with both sentences and `path:line`, most important
 * first (conflicts, then tensions, then possible misattributions; within each the larger figure
 * first), then groups, articles and failures. The review site (`claims review`) holds the rest.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Reconciliation, Relation } from '../reconcile/reconcile.js';
import type { ClaimSummary } from '../reconcile/summary.js';
import { figureOf } from '../reconcile/interval.js';

/** Where a claim's sentence is: read from claims.jsonl for the flagged claims only. */
export interface ClaimContext {
  sentence: string;
  line: number;
  column: number;
}

export interface ReportInput {
  claims: Map<string, ClaimSummary>;
  rec: Reconciliation;
  articles: { path: string; claims: number; noise: number; rejected: number }[];
  failed: { path: string; reason: string }[];
  /** Sentences and lines of the flagged claims (see claimContext). */
  context?: Map<string, ClaimContext>;
}

/** Groups and articles shown: the report is for reading; the review site and run.json hold the rest. */
export const REPORT_LIMIT = 200;
const REVIEW_POINTER = 'the review site (`claims review`, then open review/index.html) and graph.json';

/** Flag types in order of importance. */
export const FLAG_ORDER = ['conflicts-with', 'in-tension-with', 'same-figure-as'] as const;
const FLAG_NAME: Record<string, [string, string]> = {
  'conflicts-with': ['conflict', 'conflicts'], 'in-tension-with': ['tension', 'tensions'], 'same-figure-as': ['same figure, different subject', 'same figure, different subjects'],
};
const STATUS_ORDER = ['conflicting', 'in tension', 'consistent', 'corroborated', 'single'];
const KIND_ORDER = ['money', 'count', 'percent', 'ratio', 'multiplier', 'measure', 'date', 'qualitative'];

/** The ids of claims in relations a reviewer should look at. */
export function flaggedIds(rec: Reconciliation): Set<string> {
  return new Set(rec.relations.filter((r) => r.review).flatMap((r) => [r.from, r.to]));
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

const size = (claims: Map<string, ClaimSummary>, ids: string[]) => Math.max(0, ...ids.map((id) => Math.abs(figureOf(claims.get(id)?.quantity ?? { value: null, low: null, high: null } as never) ?? 0)));

/** Flagged relations, most important first; ties by ids so the order is the same every run. */
export function orderFlags(relations: Relation[], claims: Map<string, ClaimSummary>): Relation[] {
  const rank = (r: Relation) => (FLAG_ORDER as readonly string[]).indexOf(r.type);
  return relations.filter((r) => r.review)
    .map((r) => ({ r, rank: rank(r) < 0 ? FLAG_ORDER.length : rank(r), size: size(claims, [r.from, r.to]) }))
    .sort((a, b) => a.rank - b.rank || b.size - a.size || (a.r.from + a.r.to < b.r.from + b.r.to ? -1 : 1))
    .map((x) => x.r);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** One line, no Markdown surprises from the source text. */
const inline = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');

export function renderReport({ claims, rec, articles, failed, context = new Map() }: ReportInput): string {
  const lines: string[] = ['# Claims review', ''];
  const all = [...claims.values()];
  const flags = orderFlags(rec.relations, claims);

  // Summary: what a reader needs before deciding whether to read on.
  const kinds = new Map<string, number>();
  for (const c of all) kinds.set(c.quantity?.kind ?? 'qualitative', (kinds.get(c.quantity?.kind ?? 'qualitative') ?? 0) + 1);
  const byKind = [...kinds].sort(([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b) || (a < b ? -1 : 1)).map(([k, n]) => `${n} ${k}`).join(', ');
  const flagCount = (t: string) => flags.filter((r) => r.type === t).length;
  const statuses = new Map<string, number>();
  for (const g of rec.groups) if (g.members.length > 1) statuses.set(g.status, (statuses.get(g.status) ?? 0) + 1);
  lines.push('## Summary', '');
  lines.push(`- **${plural(articles.length, 'article')}** read, **${failed.length} failed**${failed.length ? ` (${failed.slice(0, 3).map((f) => `${f.path}: ${f.reason}`).join('; ')}${failed.length > 3 ? '; …' : ''})` : ''}`);
  lines.push(`- **${plural(all.length, 'claim')}**${all.length ? `: ${byKind}` : ''}`);
  lines.push(`- **${plural(flags.length, 'flag')} to review**: ${FLAG_ORDER.map((t) => plural(flagCount(t), FLAG_NAME[t][0], FLAG_NAME[t][1])).join(', ')}`);
  lines.push(`- **groups with more than one claim**: ${statuses.size ? STATUS_ORDER.filter((s) => statuses.has(s)).map((s) => `${statuses.get(s)} ${s}`).join(', ') : 'none'}`);
  lines.push(`- every claim with its source text, filters and accept / reject / correct: ${REVIEW_POINTER}`, '');

  const where = (id: string) => {
    const c = claims.get(id);
    const x = context.get(id);
    if (!c) return `- ${id}`;
    const figure = c.quantity ? `**${inline(c.quantity.quote)}**` : inline(c.predicate ?? '');
    const facts = `${c.subject ? `${inline(c.subject.name)}${c.subject.via === 'lexicon' ? '' : ` (subject by ${c.subject.via})`}` : 'no subject'}, ${c.metric ?? 'no metric'}${c.time ? `, ${c.time}` : ''}, ${c.modality}`;
    return `- \`${c.source.path}${x ? `:${x.line}` : ''}\` ${figure} — ${facts}${x ? `\n  > ${inline(x.sentence)}` : ''}`;
  };
  lines.push('## Needs review', '');
  if (flags.length === 0) lines.push('Nothing flagged.', '');
  flags.forEach((r, i) => {
    lines.push(`### ${i + 1}. ${FLAG_NAME[r.type]?.[0] ?? r.type}`, '', r.reason, '', where(r.from), where(r.to), '');
  });

  lines.push('## Groups with more than one claim', '');
  const multi = rec.groups.filter((g) => g.members.length > 1)
    .map((g) => ({ g, rank: STATUS_ORDER.indexOf(g.status), size: size(claims, g.members) }))
    .sort((a, b) => a.rank - b.rank || b.size - a.size || (a.g.id < b.g.id ? -1 : 1)).map((x) => x.g);
  if (multi.length === 0) lines.push('None.');
  for (const g of multi.slice(0, REPORT_LIMIT)) {
    const subject = claims.get(g.members[0])?.subject?.name ?? g.key.subject;
    lines.push(`- **${subject} · ${g.key.metric} · ${g.key.unit} · ${g.key.period}**: ${g.status}. ${g.reason}`);
    for (const m of g.members.slice(0, 10)) {
      const c = claims.get(m);
      lines.push(c ? `  - "${inline(c.quantity?.quote ?? '')}" (${c.source.path})` : `  - ${m}`);
    }
    if (g.members.length > 10) lines.push(`  - … and ${g.members.length - 10} more`);
  }
  if (multi.length > REPORT_LIMIT) lines.push(`- … and ${multi.length - REPORT_LIMIT} more groups: see ${REVIEW_POINTER}`);
  lines.push('', '## Articles', '', '| article | claims | noise flags | figures not taken as claims |', '|---|---|---|---|');
  for (const a of articles.slice(0, REPORT_LIMIT)) lines.push(`| ${a.path} | ${a.claims} | ${a.noise} | ${a.rejected} |`);
  if (articles.length > REPORT_LIMIT) lines.push(`| … and ${articles.length - REPORT_LIMIT} more (run.json, review site) | | | |`);
  if (failed.length > 0) {
    lines.push('', '## Failed articles', '');
    for (const f of failed) lines.push(`- ${f.path}: ${f.reason}`);
  }
  return lines.join('\n') + '\n';
}
