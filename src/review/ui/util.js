// Shared helpers of the review page: HTML escaping, number formatting, the run's indexes.

/** Escapes text for innerHTML; every value from the data goes through here. */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 3 });
const full = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/** "600B (600,000,000,000)" style: short for scanning, exact for checking. */
export function formatValue(n) {
  if (n === null || n === undefined) return '—';
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 10000 ? `${compact.format(n)} (${full.format(n)})` : full.format(n);
}

export const shortValue = (n) => (n === null || n === undefined ? '' : Math.abs(n) >= 10000 ? compact.format(n) : full.format(n));

/** The figure a claim stands for: value, else the interval's finite end (as reconcile/interval.ts). */
export const figureOf = (q) => (q ? q.value ?? q.low ?? q.high ?? null : null);

/** Flag types a reviewer must look at, most important first. */
export const FLAG_ORDER = ['conflicts-with', 'in-tension-with', 'same-figure-as'];
export const FLAG_LABEL = { 'conflicts-with': 'conflict', 'in-tension-with': 'tension', 'same-figure-as': 'same figure' };

/** Indexes the page needs over the run's records (built once at load). */
export function indexRun(data) {
  const claims = new Map();
  for (const c of data.claims) claims.set(c.id, c);
  const articles = new Map(data.run.articles.map((a) => [a.id, a]));
  const articleOfPath = new Map(data.run.articles.map((a) => [a.path, a]));
  // graph.json ids carry a type prefix ("claim:…"); the relations the page shows are the flagged ones.
  const flagged = [];
  const flagsOf = new Map();
  for (const r of data.relations) {
    if (!r.review) continue;
    const rel = { ...r, from: r.from.replace(/^claim:/, ''), to: r.to.replace(/^claim:/, '') };
    flagged.push(rel);
    for (const id of [rel.from, rel.to]) {
      if (!flagsOf.has(id)) flagsOf.set(id, []);
      flagsOf.get(id).push(rel);
    }
  }
  const byArticle = new Map();
  for (const c of data.claims) {
    if (!byArticle.has(c.source.article)) byArticle.set(c.source.article, []);
    byArticle.get(c.source.article).push(c);
  }
  return { claims, articles, articleOfPath, flagged, flagsOf, byArticle };
}

/** The most important flag of a claim, or '' (for the table's flag column and filter). */
export function topFlag(flags) {
  if (!flags) return '';
  for (const t of FLAG_ORDER) if (flags.some((f) => f.type === t)) return t;
  return '';
}

export const el = (html) => {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
};
