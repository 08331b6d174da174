// Conflicts, tensions and shared figures as cards, most important first (conflicts, then
// tensions, then possible misattributions; within each, the larger figure first). A pair's card
// shows both sentences side by side with their articles and lines, the reason, and links to both.
// A shared figure is one hub (graph.json's "figure" node): one card listing every claim that
// states the figure, for its different subjects.
import { esc, FLAG_LABEL, FLAG_ORDER, shortValue, View } from './util.js';

const PAGE = 100;

export class FlagCards extends View {
  constructor(root, index, store, go) {
    super(root, index, store, go);
    const { col } = index;
    const fig = (i) => Math.abs(col.value[i] ?? col.low[i] ?? col.high[i] ?? 0);
    // Largest figure of the flag's claims, without spreading a hub's members into a call.
    const size = new Map(index.flagged.map((f) => [f, f.members.reduce((m, i) => Math.max(m, fig(i)), 0)]));
    this.cards = [...index.flagged].sort((a, b) => FLAG_ORDER.indexOf(a.type) - FLAG_ORDER.indexOf(b.type) || size.get(b) - size.get(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.shown = PAGE;
    this.type = '';
    store.onChange(() => this.render());
    this.root.innerHTML = '<p class="empty">Loading sentences…</p>';
    // Cards show sentences and reasons: they render once details.js is in (loaded after the first paint).
    this.ready = index.details().then(() => this.render(), (err) => { this.root.innerHTML = `<p class="empty">${esc(err.message)}</p>`; });
  }

  /** Opens the card of a flag by its key (a pair's "from-to", a hub's id), as linked from the article panel. */
  async focus(key) {
    await this.ready;
    const i = this.cards.findIndex((r) => r.key === key);
    if (i < 0) return;
    this.type = '';
    this.shown = Math.max(this.shown, i + 1);
    this.render();
    const card = this.root.querySelector(`[data-key="${CSS.escape(key)}"]`);
    card.open = true;
    card.scrollIntoView({ block: 'start' });
  }

  render() {
    const open = new Set([...this.root.querySelectorAll('details[open]')].map((d) => d.dataset.key));
    const list = this.type ? this.cards.filter((r) => r.type === this.type) : this.cards;
    const count = (t) => this.cards.filter((r) => r.type === t).length;
    this.root.innerHTML = `
      <div class="filters"><label>flag <select id="card-type">
        <option value="">all (${this.cards.length})</option>
        ${FLAG_ORDER.map((t) => `<option value="${t}"${t === this.type ? ' selected' : ''}>${FLAG_LABEL[t]} (${count(t)})</option>`).join('')}
      </select></label><span class="count">${list.length} ${list.length === 1 ? "flag needs" : "flags need"} review</span></div>
      ${list.length === 0 ? '<p class="empty">Nothing flagged.</p>' : ''}
      <div class="cards">${list.slice(0, this.shown).map((r) => this.card(r, open.has(r.key))).join('')}</div>
      ${list.length > this.shown ? `<button id="more">show ${Math.min(PAGE, list.length - this.shown)} more of ${list.length - this.shown}</button>` : ''}`;
    this.root.querySelector('#card-type').onchange = (e) => { this.type = e.target.value; this.shown = PAGE; this.render(); };
    const more = this.root.querySelector('#more');
    if (more) more.onclick = () => { this.shown += PAGE; this.render(); };
    for (const b of this.root.querySelectorAll('[data-decide]')) {
      b.onclick = () => this.store.set(b.dataset.claim, b.dataset.decide === 'undo' ? null : b.dataset.decide);
    }
  }

  side(id) {
    const c = this.index.get(id);
    if (!c) return `<div class="side"><p class="empty">claim ${esc(id)} is not in this run</p></div>`;
    const from = c.figureStart ?? 0, to = c.figureEnd ?? 0;
    const sentence = c.figureStart === null ? esc(c.sentence ?? '')
      : `${esc(c.sentence.slice(0, from))}<mark class="fig k-${c.kind}">${esc(c.sentence.slice(from, to))}</mark>${esc(c.sentence.slice(to))}`;
    const d = this.store.get(id);
    return `<div class="side" data-claim="${esc(id)}">
      <p class="where"><a href="#article/${esc(c.file)}/${esc(id)}">${esc(c.path)}:${c.line}</a></p>
      <blockquote>${sentence}</blockquote>
      <p class="facts">${esc(c.subject ?? 'no subject')}${c.via ? ` <small>(${esc(c.via)})</small>` : ''} · ${esc(c.metric ?? 'no metric')} · ${esc(c.bound ? `${c.bound} ${shortValue(c.fig)} ${c.unit}` : '')}${c.time ? ` · ${esc(c.time)}` : ''} · ${esc(c.modality)}</p>
      <p class="decide-inline">${d ? `<span class="dec d-${d.decision}">${d.decision}</span> <button data-decide="undo" data-claim="${esc(id)}">undo</button>`
        : `<button data-decide="accept" data-claim="${esc(id)}">accept</button> <button data-decide="reject" data-claim="${esc(id)}">reject</button>`}</p>
    </div>`;
  }

  card(r, open) {
    const claims = r.ids.map((id) => this.index.get(id));
    const label = (c, id) => esc(c?.figure ?? c?.sentence ?? id);
    let head, body;
    if (r.type === 'same-figure') {
      // A hub: the figure once, then each subject it is attributed to; every claim below.
      const subjects = [...new Set(claims.map((c) => c?.subject ?? '?'))];
      head = `${label(claims[0], r.ids[0])} — ${claims.length} claims, ${subjects.length} subjects: ${subjects.map(esc).join(' / ')}`;
      body = `<div class="hub" data-members="${claims.length}">${r.ids.map((id) => this.side(id)).join('')}</div>`;
    } else {
      const [a, b] = claims;
      head = `${label(a, r.ids[0])} ↔ ${label(b, r.ids[1])} — ${esc(a?.subject ?? '?')} / ${esc(b?.subject ?? '?')}`;
      body = `<div class="pair">${this.side(r.ids[0])}${this.side(r.ids[1])}</div>`;
    }
    return `<details class="card t-${r.type}" data-type="${r.type}" data-key="${esc(r.key)}"${open ? ' open' : ''}>
      <summary><span class="flag f-${r.type}">${esc(FLAG_LABEL[r.type])}</span> ${head}</summary>
      <p class="reason">${esc(r.reason)}</p>
      ${body}
    </details>`;
  }
}
