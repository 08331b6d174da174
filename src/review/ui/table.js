// The claims table of the whole run: faceted filters with counts, text search, sort, and rows
// virtualized with @tanstack/virtual-core, so 100,000 claims are column arrays and only the rows
// on screen are DOM nodes. Filters work on the dictionary codes of the columns (columns.ts):
// a pass over typed arrays, no object per claim.
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { esc, FLAG_LABEL, FLAG_ORDER, shortValue, View } from './util.js';

const ROW = 28;
const NONE = '(none)';
/** Facets: a select each, its options counted over the claims that pass every other filter. */
const FACETS = ['kind', 'subject', 'metric', 'modality', 'flag', 'group', 'decision'];
const DECISIONS = ['undecided', 'accept', 'reject', 'correct'];
/** Long facets (subject, metric) list this many values by count; the rest are reached by text. */
const MAX_OPTIONS = 300;
const COLUMNS = [
  ['flag', '⚑'], ['kind', 'kind'], ['figure', 'figure'], ['value', 'value'], ['unit', 'unit'], ['subject', 'subject'],
  ['metric', 'metric'], ['time', 'time'], ['modality', 'modality'], ['where', 'article:line'], ['decision', 'review'],
];

export class ClaimsTable extends View {
  constructor(root, index, store, open) {
    super(root, index, store, open);
    const n = (this.n = index.count);
    const { col, dict } = index;
    // Each facet: the values it can take and, per claim, the index of its value.
    const flags = new Uint8Array(n);
    for (const f of index.flagged) {
      const rank = 1 + FLAG_ORDER.indexOf(f.type);
      if (rank === 0) continue;
      for (const i of f.members) if (flags[i] === 0 || rank < flags[i]) flags[i] = rank;
    }
    this.decisions = new Uint8Array(n);
    this.facets = {
      kind: { values: dict.kind, codes: col.kind },
      subject: { values: dict.subject, codes: col.subject },
      metric: { values: dict.metric, codes: col.metric },
      modality: { values: dict.modality, codes: col.modality },
      flag: { values: [null, ...FLAG_ORDER], codes: flags },
      // The status of the claim's group: corroborated (independent articles), restated (one
      // article saying it again), consistent, in tension, conflicting; single; none (no figure).
      group: { values: dict.group, codes: col.group },
      decision: { values: DECISIONS, codes: this.decisions },
    };
    this.filters = Object.fromEntries(FACETS.map((f) => [f, -1]));
    this.text = '';
    this.haystack = null;
    this.sort = { key: 'where', dir: 1 };
    this.visible = new Uint32Array(0);
    this.syncDecisions();
    this.render();
    // Sentences arrive after the first paint: the text filter searches them (filter again) and
    // qualitative rows show them (paint again).
    index.details().then(() => { if (this.text) this.apply(true); else this.paint(); }, () => undefined);
    // A decision changes the review column and facet, not the reader's place in the list.
    store.onChange(() => { this.syncDecisions(); this.apply(true); });
  }

  syncDecisions() {
    this.decisions.fill(0);
    for (const [id, d] of this.store.map) {
      const i = this.index.indexOf(id);
      if (i !== undefined) this.decisions[i] = DECISIONS.indexOf(d.decision);
    }
  }

  render() {
    this.root.innerHTML = `
      <div class="filters">
        <input id="f-text" type="search" placeholder="search sentences and figures" aria-label="text filter">
        ${FACETS.map((f) => `<label>${f}<select id="f-${f}" data-facet="${f}"></select></label>`).join('')}
        <span id="count" class="count"></span>
      </div>
      <div class="thead" role="row">${COLUMNS.map(([k, t]) => `<button class="col c-${k}" data-sort="${k}">${t}</button>`).join('')}</div>
      <div id="scroller" class="scroller"><div id="spacer" class="spacer"></div></div>`;
    this.scroller = this.root.querySelector('#scroller');
    this.spacer = this.root.querySelector('#spacer');
    this.root.querySelector('#f-text').addEventListener('input', (e) => {
      this.text = e.target.value.trim().toLowerCase();
      this.apply();
    });
    for (const s of this.root.querySelectorAll('select[data-facet]')) {
      s.addEventListener('change', () => {
        const f = s.dataset.facet;
        this.filters[f] = s.value === '' ? -1 : this.facets[f].values.findIndex((v) => String(v ?? NONE) === s.value);
        this.apply();
      });
    }
    this.root.querySelector('.thead').addEventListener('click', (e) => {
      const key = e.target.closest('[data-sort]')?.dataset.sort;
      if (!key) return;
      this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
      this.apply();
    });
    this.spacer.addEventListener('click', (e) => {
      const row = e.target.closest('[data-claim]');
      if (row) this.go(row.dataset.claim);
    });
    this.virtualizer = new Virtualizer({
      count: 0,
      getScrollElement: () => this.scroller,
      estimateSize: () => ROW,
      overscan: 12,
      observeElementRect, observeElementOffset, scrollToFn: elementScroll,
      initialRect: { width: 1000, height: 600 },
      onChange: () => this.paint(),
    });
    this.cleanup = this.virtualizer._didMount();
    this.apply();
  }

  /** Lower-cased text of each claim for the text filter, made on first use (again once the
   * sentences have arrived, if they had not). */
  texts() {
    if (this.haystack && (this.haystackComplete || !this.index.state.details)) return this.haystack;
    const sentences = this.index.state.details?.sentences ?? null;
    this.haystackComplete = sentences !== null;
    const { col, dict } = this.index;
    const files = this.index.articles.path;
    this.haystack = new Array(this.n);
    for (let i = 0; i < this.n; i++) {
      this.haystack[i] = `${sentences?.[i] ?? ''}\n${col.figure[i] ?? ''}\n${dict.subject[col.subject[i]] ?? ''}\n${dict.metric[col.metric[i]] ?? ''}\n${files[col.article[i]] ?? ''}`.toLowerCase();
    }
    return this.haystack;
  }

  /** Filters, counts each facet over the claims passing all other filters, sorts, repaints. */
  apply(keepScroll = false) {
    const active = FACETS.filter((f) => this.filters[f] >= 0).map((f) => [f, this.facets[f].codes, this.filters[f]]);
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Uint32Array(this.facets[f].values.length)]));
    const all = FACETS.map((f) => [counts[f], this.facets[f].codes]);
    const text = this.text;
    const hay = text ? this.texts() : null;
    const visible = new Uint32Array(this.n);
    let shown = 0;
    for (let i = 0; i < this.n; i++) {
      if (hay && !hay[i].includes(text)) continue;
      let failed = null, fails = 0;
      for (let a = 0; a < active.length; a++) {
        if (active[a][1][i] !== active[a][2]) { fails++; failed = active[a]; if (fails > 1) break; }
      }
      if (fails > 1) continue;
      if (fails === 1) { counts[failed[0]][failed[1][i]]++; continue; }
      for (let f = 0; f < all.length; f++) all[f][0][all[f][1][i]]++;
      visible[shown++] = i;
    }
    this.visible = this.sortRows(visible.subarray(0, shown));
    this.fillSelects(counts);
    this.root.querySelector('#count').textContent = `${shown.toLocaleString('en')} of ${this.n.toLocaleString('en')} claims`;
    this.virtualizer.setOptions({ ...this.virtualizer.options, count: shown });
    this.virtualizer._willUpdate();
    if (!keepScroll) this.scroller.scrollTop = 0;
    this.paint();
  }

  /** Sorts by a key per claim (numbers; strings by their rank in the dictionary). */
  sortRows(visible) {
    const { key, dir } = this.sort;
    if (key === 'where') return dir === 1 ? visible : visible.slice().reverse(); // claims.jsonl order: path, then position
    const { col, dict } = this.index;
    const rank = (values) => {
      const order = values.map((v, k) => [String(v ?? ''), k]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const r = new Uint32Array(values.length);
      order.forEach(([, k], n) => { r[k] = n; });
      return r;
    };
    let keyOf;
    if (key === 'value') keyOf = (i) => col.value[i] ?? col.low[i] ?? col.high[i] ?? -Infinity;
    else if (key === 'figure') { const f = col.figure; keyOf = (i) => f[i] ?? ''; }
    else if (key === 'flag') { const c = this.facets.flag.codes; keyOf = (i) => (c[i] === 0 ? 9 : c[i]); }
    else if (key === 'decision') { const c = this.decisions; keyOf = (i) => c[i]; }
    else { const r = rank(dict[key]); const c = col[key]; keyOf = (i) => r[c[i]]; }
    const keys = new Map();
    for (const i of visible) keys.set(i, keyOf(i));
    return visible.slice().sort((a, b) => {
      const x = keys.get(a), y = keys.get(b);
      return (x < y ? -dir : x > y ? dir : 0) || a - b;
    });
  }

  fillSelects(counts) {
    for (const f of FACETS) {
      const select = this.root.querySelector(`#f-${f}`);
      const { values } = this.facets[f];
      const chosen = this.filters[f];
      const c = counts[f];
      let entries = [];
      let total = 0;
      for (let k = 0; k < c.length; k++) { total += c[k]; if (c[k] > 0 || k === chosen) entries.push(k); }
      entries.sort((a, b) => c[b] - c[a] || (String(values[a]) < String(values[b]) ? -1 : 1));
      if (entries.length > MAX_OPTIONS) entries = entries.slice(0, MAX_OPTIONS).concat(chosen >= 0 && !entries.slice(0, MAX_OPTIONS).includes(chosen) ? [chosen] : []);
      const label = (v) => (f === 'flag' ? FLAG_LABEL[v] ?? NONE : v ?? NONE);
      select.innerHTML = `<option value="">all (${total})</option>` + entries.map((k) => `<option value="${esc(values[k] ?? NONE)}"${k === chosen ? ' selected' : ''}>${esc(label(values[k]))} (${c[k]})</option>`).join('');
    }
  }

  paint() {
    const v = this.virtualizer;
    this.spacer.style.height = `${v.getTotalSize()}px`;
    let html = '';
    for (const item of v.getVirtualItems()) {
      const i = this.visible[item.index];
      if (i === undefined) continue;
      const c = this.index.claim(i), d = this.store.get(c.id);
      const flag = this.facets.flag.values[this.facets.flag.codes[i]];
      const cells = {
        flag: flag ? `<span class="flag f-${flag}" title="${esc(flag)}">${esc(FLAG_LABEL[flag])}</span>` : '',
        kind: `<span class="kind k-${c.kind}">${c.kind}</span>`,
        figure: c.figure === null ? `<span class="qual-text">${esc(c.sentence ?? '')}</span>` : esc(c.figure),
        value: esc(c.kind === 'date' ? String(c.fig ?? '') : shortValue(c.fig)),
        unit: esc(c.unit ?? ''), subject: esc(c.subject ?? ''), metric: esc(c.metric ?? ''), time: esc(c.time ?? c.period ?? ''),
        modality: esc(c.modality), where: `<span title="${esc(`${c.path}:${c.line}:${c.column}`)}">${esc(`${c.path.split('/').pop()}:${c.line}`)}</span>`,
        decision: d ? `<span class="dec d-${d.decision}">${d.decision}</span>` : c.review ? `<span class="dec">${esc(c.review)}ed</span>` : '',
      };
      html += `<div class="row" data-claim="${c.id}" style="transform:translateY(${item.start}px)" title="${esc(c.sentence ?? '')}">${COLUMNS.map(([k]) => `<span class="col c-${k}">${cells[k]}</span>`).join('')}</div>`;
    }
    this.spacer.innerHTML = html;
  }
}
