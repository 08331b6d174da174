/**
 * The human-readable review report (output/report.md): relations and shared figures a person
 * should check, groups with several claims, figures too common to flag, identical texts found at
 * several paths, per-article counts and failures, each with its source quotes. Every list is
 * capped: the report is for reading; graph.json and run.json hold the rest.
 */
import { REPORT_KEEP, MAX_HUB_SUBJECTS, type Reconciliation } from '../reconcile/reconcile.js';
import { formatNumber } from '../reconcile/interval.js';

export interface ReportInput {
  claims: number;
  rec: Reconciliation;
  articles: { path: string; sources: string[]; claims: number; noise: number; rejected: number }[];
  failed: { path: string; reason: string }[];
}

/** Items shown per section. */
export const REPORT_LIMIT = REPORT_KEEP;

const more = (lines: string[], total: number, shown: number) => {
  if (total > shown) lines.push(`- … and ${total - shown} more (see graph.json and run.json)`);
};

export function renderReport({ claims, rec, articles, failed }: ReportInput): string {
  const r = rec.report;
  const lines: string[] = ['# Claims review', ''];
  lines.push(`${articles.length} articles read, ${failed.length} failed, ${claims} claims.`, '');

  lines.push('## Needs review', '');
  if (r.flaggedCount === 0 && rec.hubs.count === 0) lines.push('Nothing flagged.', '');
  for (const f of r.flagged) lines.push(`- **${f.type}**: ${f.reason}`, `  - ${f.quotes[0]}`, `  - ${f.quotes[1]}`);
  more(lines, r.flaggedCount, r.flagged.length);
  for (const h of r.hubs) {
    lines.push(`- **same figure**: ${h.reason}`);
    for (const s of h.sample) lines.push(`  - ${s}`);
    if (h.claims > h.sample.length) lines.push(`  - … and ${h.claims - h.sample.length} more`);
  }
  more(lines, rec.hubs.count, r.hubs.length);

  if (r.commonCount > 0) {
    lines.push('', '## Figures too common to flag', '');
    lines.push(`${r.commonCount} specific figures are each stated for more than ${MAX_HUB_SUBJECTS} different subjects; a coincidence is likely, so they are not linked. The most stated:`, '');
    for (const c of r.common) lines.push(`- ${formatNumber(c.value)} ${c.unit}: ${c.claims} claims`);
  }

  lines.push('', '## Groups with more than one claim', '');
  if (r.multiCount === 0) lines.push('None.', '');
  for (const g of r.multi) {
    lines.push(`- **${g.subject ?? g.key.subject} · ${g.key.metric} · ${g.key.unit} · ${g.key.period}**: ${g.status}. ${g.reason}`);
    for (const s of g.sample) lines.push(`  - ${s}`);
    if (g.members > g.sample.length) lines.push(`  - … and ${g.members - g.sample.length} more`);
  }
  more(lines, r.multiCount, r.multi.length);

  const copies = articles.filter((a) => a.sources.length > 1);
  if (copies.length > 0) {
    lines.push('', '## Identical texts at several paths', '', 'Each is one article (one source); its claims carry the first path.', '');
    for (const a of copies.slice(0, REPORT_LIMIT)) lines.push(`- ${a.path}: also ${a.sources.filter((s) => s !== a.path).join(', ')}`);
    more(lines, copies.length, Math.min(copies.length, REPORT_LIMIT));
  }

  lines.push('', '## Articles', '', '| article | claims | noise flags | figures not taken as claims |', '|---|---|---|---|');
  for (const a of articles.slice(0, REPORT_LIMIT)) lines.push(`| ${a.path} | ${a.claims} | ${a.noise} | ${a.rejected} |`);
  if (articles.length > REPORT_LIMIT) lines.push(`| … and ${articles.length - REPORT_LIMIT} more (run.json) | | | |`);
  if (failed.length > 0) {
    lines.push('', '## Failed articles', '');
    for (const f of failed.slice(0, REPORT_LIMIT)) lines.push(`- ${f.path}: ${f.reason}`);
    more(lines, failed.length, Math.min(failed.length, REPORT_LIMIT));
  }
  return lines.join('\n') + '\n';
}
