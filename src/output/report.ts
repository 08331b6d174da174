/**
 * The human-readable review report (output/report.md): groups that disagree or agree across
 * sources, same-figure flags, failed articles and noise totals, each with its source quotes.
 */
import type { Reconciliation } from '../reconcile/reconcile.js';
import type { ClaimSummary } from '../reconcile/summary.js';

export interface ReportInput {
  claims: Map<string, ClaimSummary>;
  rec: Reconciliation;
  articles: { path: string; claims: number; noise: number; rejected: number }[];
  failed: { path: string; reason: string }[];
}

/** Items shown per section: the report is for reading; graph.json and run.json hold the rest. */
export const REPORT_LIMIT = 200;

function capped<T>(items: T[], lines: string[], render: (item: T) => void): void {
  for (const item of items.slice(0, REPORT_LIMIT)) render(item);
  if (items.length > REPORT_LIMIT) lines.push(`- … and ${items.length - REPORT_LIMIT} more (see graph.json and run.json)`);
}

export function renderReport({ claims, rec, articles, failed }: ReportInput): string {
  const lines: string[] = ['# Claims review', ''];
  const quote = (id: string) => {
    const c = claims.get(id);
    return c ? `"${c.quantity?.quote ?? c.predicate}" — ${c.subject?.name ?? 'no subject'}, ${c.metric ?? 'no metric'}${c.time ? `, ${c.time}` : ''} (${c.source.path})` : id;
  };
  lines.push(`${articles.length} articles read, ${failed.length} failed, ${[...claims.values()].length} claims.`, '');
  const review = rec.relations.filter((r) => r.review);
  lines.push('## Needs review', '');
  if (review.length === 0) lines.push('Nothing flagged.', '');
  capped(review, lines, (r) => lines.push(`- **${r.type}**: ${r.reason}`, `  - ${quote(r.from)}`, `  - ${quote(r.to)}`));
  lines.push('', '## Groups with more than one claim', '');
  const multi = rec.groups.filter((g) => g.members.length > 1);
  if (multi.length === 0) lines.push('None.', '');
  capped(multi, lines, (g) => {
    const subject = claims.get(g.members[0])?.subject?.name ?? g.key.subject;
    lines.push(`- **${subject} · ${g.key.metric} · ${g.key.unit} · ${g.key.period}**: ${g.status}. ${g.reason}`);
    for (const m of g.members.slice(0, 10)) lines.push(`  - ${quote(m)}`);
    if (g.members.length > 10) lines.push(`  - … and ${g.members.length - 10} more`);
  });
  lines.push('', '## Articles', '', '| article | claims | noise flags | figures not taken as claims |', '|---|---|---|---|');
  for (const a of articles.slice(0, REPORT_LIMIT)) lines.push(`| ${a.path} | ${a.claims} | ${a.noise} | ${a.rejected} |`);
  if (articles.length > REPORT_LIMIT) lines.push(`| … and ${articles.length - REPORT_LIMIT} more (run.json) | | | |`);
  if (failed.length > 0) {
    lines.push('', '## Failed articles', '');
    capped(failed, lines, (f) => lines.push(`- ${f.path}: ${f.reason}`));
  }
  return lines.join('\n') + '\n';
}
