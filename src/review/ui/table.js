// The claims table of the whole run: faceted filters with counts, text search, sort, and rows
// virtualized with @tanstack/virtual-core, so 100,000 claims are 100,000 array entries and only
// the rows on screen are DOM nodes.
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { esc, figureOf, FLAG_LABEL, shortValue, topFlag } from './util.js';

const ROW = 28;
const NONE = '(none)';
/** Facets: a select each, its options counted over the rows that pass every other filter. */
const FACETS = ['kind', 'subject', 'metric', 'modality', 'flag', 'decision'];
/** Long facets (subject, metric) list this many values by count; the rest are reached by text. */
const MAX_OPTIONS = 300;
const COLUMNS = [
  ['flag', '⚑'], ['kind', 'kind'], ['figure', 'figure'], ['value', 'value'], ['unit', 'unit'], ['subject', 'subject'],
  ['metric', 'metric'], ['time', 'time'], ['modality', 'modality'], ['where', 'article:line'], ['decision', 'review'],
];

export class ClaimsTable {
  constructor(root, data, index, store, open) {
    this.root = root;
    this.store = store;
    this.open = open;
    this.claims = data.claims;
    // One plain row object per claim, fields ready for filtering and sorting.
    this.rows = data.claims.map((c, i) => ({
      i, c,
      kind: c.quantity?.kind ?? 'qualitative',
      subject: c.subject?.name ?? NONE,
      metric: c.metric ?? NONE,
      modality: c.modality,
      flag: topFlag(index.flagsOf.get(c.id)) || NONE,
      figure: figureOf(c.quantity),
      text: null,
    }));
    this.filters = Object.fromEntries(FACETS.map((f) => [f, '']));
    this.text = '';
    this.sort = { key: 'where', dir: 1 };
    this.visible = this.rows.map((_, i) => i);
    this.render();
    // A decision changes the review column and facet, not the reader's place in the list.
    store.onChange(() => { this.apply(true); });
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
      s.addEventListener('change', () => { this.filters[s.dataset.facet] = s.value; this.apply(); });
    }
    this.root.querySelector('.thead').addEventListener('click', (e) => {
      const key = e.target.closest('[data-sort]')?.dataset.sort;
      if (!key) return;
      this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
      this.apply();
    });
    this.spacer.addEventListener('click', (e) => {
      const row = e.target.closest('[data-claim]');
      if (row) this.open(row.dataset.claim);
    });
    this.virtualizer = new Virtualizer({
      count: this.visible.length,
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

  value(row, facet) {
    if (facet === 'decision') return this.store.get(row.c.id)?.decision ?? 'undecided';
    return row[facet];
  }

  /** Filters, counts each facet over the rows passing all other filters, sorts, repaints. */
  apply(keepScroll = false) {
    const active = FACETS.filter((f) => this.filters[f] !== '');
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Map()]));
    const text = this.text;
    const visible = [];
    for (const row of this.rows) {
      if (text) {
        if (row.text === null) row.text = `${row.c.quote}\n${row.c.quantity?.quote ?? ''}\n${row.subject}\n${row.metric}\n${row.c.source.path}`.toLowerCase();
        if (!row.text.includes(text)) continue;
      }
      let failed = null, fails = 0;
      for (const f of active) {
        if (this.value(row, f) !== this.filters[f]) { fails++; failed = f; if (fails > 1) break; }
      }
      if (fails > 1) continue;
      const add = (f) => { const v = this.value(row, f); counts[f].set(v, (counts[f].get(v) ?? 0) + 1); };
      if (fails === 1) { add(failed); continue; }
      for (const f of FACETS) add(f);
      visible.push(row.i);
    }
    this.sortRows(visible);
    this.visible = visible;
    this.fillSelects(counts);
    this.root.querySelector('#count').textContent = `${visible.length.toLocaleString('en')} of ${this.rows.length.toLocaleString('en')} claims`;
    this.virtualizer.setOptions({ ...this.virtualizer.options, count: visible.length });
    this.virtualizer._willUpdate();
    if (!keepScroll) this.scroller.scrollTop = 0;
    this.paint();
  }

  sortRows(visible) {
    const { key, dir } = this.sort;
    const rows = this.rows;
    const get = {
      flag: (r) => (r.flag === NONE ? 'z' : r.flag), kind: (r) => r.kind, figure: (r) => r.c.quantity?.quote ?? '', value: (r) => r.figure ?? -Infinity,
      unit: (r) => r.c.quantity?.unit ?? '', subject: (r) => r.subject, metric: (r) => r.metric, time: (r) => r.c.time ?? r.c.period ?? '',
      modality: (r) => r.modality, decision: (r) => this.store.get(r.c.id)?.decision ?? '',
      where: null,
    }[key];
    // Default order is the order of claims.jsonl (path, then position): the index itself.
    if (!get) { visible.sort((a, b) => dir * (a - b)); return; }
    const keys = new Map(visible.map((i) => [i, get(rows[i])]));
    visible.sort((a, b) => {
      const x = keys.get(a), y = keys.get(b);
      return (x < y ? -dir : x > y ? dir : 0) || a - b;
    });
  }

  fillSelects(counts) {
    for (const f of FACETS) {
      const select = this.root.querySelector(`#f-${f}`);
      const chosen = this.filters[f];
      let entries = [...counts[f]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const total = entries.reduce((n, [, k]) => n + k, 0);
      if (entries.length > MAX_OPTIONS) entries = entries.slice(0, MAX_OPTIONS);
      if (chosen && !entries.some(([v]) => v === chosen)) entries.push([chosen, counts[f].get(chosen) ?? 0]);
      const label = (v) => (f === 'flag' ? FLAG_LABEL[v] ?? v : v);
      select.innerHTML = `<option value="">all (${total})</option>` + entries.map(([v, n]) => `<option value="${esc(v)}"${v === chosen ? ' selected' : ''}>${esc(label(v))} (${n})</option>`).join('');
    }
  }

  paint() {
    const v = this.virtualizer;
    this.spacer.style.height = `${v.getTotalSize()}px`;
    let html = '';
    for (const item of v.getVirtualItems()) {
      const row = this.rows[this.visible[item.index]];
      if (!row) continue;
      const c = row.c, q = c.quantity, d = this.store.get(c.id);
      const cells = {
        flag: row.flag === NONE ? '' : `<span class="flag f-${row.flag}" title="${esc(row.flag)}">${esc(FLAG_LABEL[row.flag])}</span>`,
        kind: `<span class="kind k-${row.kind}">${row.kind}</span>`,
        figure: esc(q?.quote ?? c.predicate ?? ''),
        value: esc(row.kind === 'date' ? String(row.figure ?? '') : shortValue(row.figure)),
        unit: esc(q?.unit ?? ''), subject: esc(c.subject?.name ?? ''), metric: esc(c.metric ?? ''), time: esc(c.time ?? c.period ?? ''),
        modality: esc(c.modality), where: esc(`${c.source.path}:${c.provenance.line}`),
        decision: d ? `<span class="dec d-${d.decision}">${d.decision}</span>` : '',
      };
      html += `<div class="row" data-claim="${c.id}" style="transform:translateY(${item.start}px)" title="${esc(c.quote)}">${COLUMNS.map(([k]) => `<span class="col c-${k}">${cells[k]}</span>`).join('')}</div>`;
    }
    this.spacer.innerHTML = html;
  }
}
