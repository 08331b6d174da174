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

/** Flag types a reviewer must look at, most important first. 'same-figure' is a shared-figure hub
 * (graph.json's "figure" node) with every claim that states the figure, not a pair. */
export const FLAG_ORDER = ['conflicts-with', 'in-tension-with', 'same-figure'];
export const FLAG_LABEL = { 'conflicts-with': 'conflict', 'in-tension-with': 'tension', 'same-figure': 'same figure' };

/**
 * Indexes over the run (built once at load, kept cheap: at 100,000 claims this is on the way to
 * the first paint). data.claims is the table as columns (src/review/columns.ts); `claim(i)` makes
 * the object of one claim on demand, with its article's path and records file key and its figure
 * (the value, else the interval's finite end, as reconcile/interval.ts). Sentences and the
 * reasons of flags arrive after the first paint (details.js); until then they are null.
 */
export function indexRun(data) {
  const { count, dict, columns: col } = data.claims;
  const A = data.articles;
  const state = { details: null };
  const claim = (i) => {
    const c = { i };
    for (const f in col) c[f] = f in dict ? dict[f][col[f][i]] : col[f][i];
    c.sentence = state.details?.sentences[i] ?? null;
    c.path = A.path[c.article] ?? '';
    c.file = A.file[c.article];
    c.fig = c.value ?? c.low ?? c.high ?? null;
    return c;
  };
  let ids = null;
  const indexOf = (id) => (ids ??= new Map(col.id.map((x, i) => [x, i]))).get(id);
  const get = (id) => { const i = indexOf(id); return i === undefined ? null : claim(i); };
  const article = (k) => ({ path: A.path[k], id: A.id[k], claims: A.claims[k], noise: A.noise[k], rejected: A.rejected[k], file: A.file[k] });
  const files = new Map(A.file.map((key, k) => [key, k]));
  // Flags by claim index: a pair (conflict, tension) has two members, a shared-figure hub one per
  // claim that states the figure. `key` names it in the URL (#flags/<key>).
  const F = data.flags;
  const flagged = [];
  for (let k = 0; k < F.count; k++) {
    const members = F.members[k];
    flagged.push({ k, type: F.types[F.type[k]], key: F.key[k], members, ids: members.map((i) => col.id[i]), get reason() { return state.details?.reasons[k] ?? null; } });
  }
  const flagsOf = new Map();
  for (const f of flagged) {
    for (const id of f.ids) {
      if (!flagsOf.has(id)) flagsOf.set(id, []);
      flagsOf.get(id).push(f);
    }
  }
  const loadScript = scriptLoader('CLAIMS_REVIEW_DETAILS', () => 'details');
  let loading = null;
  const details = () => (loading ??= loadScript('details', 'details.js').then((d) => { state.details = d; return d; }));
  return { count, dict, col, claim, get, indexOf, articles: A, article, files, flagged, flagsOf, details, state };
}

/** The most important flag of a claim, or '' (for the table's flag column and filter). */
export function topFlag(flags) {
  if (!flags) return '';
  for (const t of FLAG_ORDER) if (flags.some((f) => f.type === t)) return t;
  return '';
}

/** Loads a data script once (fetch() is refused on file:// pages; <script src> is not). The
 * script calls `callback(record)`; `keyOf(record)` says which request it answers. */
export function scriptLoader(callback, keyOf) {
  const done = new Map();
  const waiting = new Map();
  window[callback] = (rec) => {
    const key = keyOf(rec);
    done.set(key, rec);
    waiting.get(key)?.forEach(([resolve]) => resolve(rec));
    waiting.delete(key);
  };
  return (key, src) => {
    if (done.has(key)) return Promise.resolve(done.get(key));
    return new Promise((resolve, reject) => {
      if (!waiting.has(key)) {
        waiting.set(key, []);
        const s = document.createElement('script');
        s.src = src;
        s.onerror = () => { waiting.get(key)?.forEach(([, fail]) => fail(new Error(`${src} could not be loaded`))); waiting.delete(key); };
        document.head.append(s);
      }
      waiting.get(key).push([resolve, reject]);
    });
  };
}

/** What every view of the page holds: its root element, the run's index, the reviewer's decisions
 * (store) and how to go to a place (`go(route)` for views that link, or open a claim). */
export class View {
  constructor(root, index, store, go) {
    this.root = root;
    this.index = index;
    this.store = store;
    this.go = go;
  }
}
