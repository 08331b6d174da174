// The article view: the source text with every figure highlighted by kind, the chosen claim's
// sentence and subject mention marked, noise and figures not taken greyed with their reason on
// hover; beside it a panel with the claim's fields and the review controls.
import { esc, formatValue, FLAG_LABEL, scriptLoader, View } from './util.js';

/** claims.jsonl's subjectReason codes in words: the words of SUBJECT_REASONS in src/records.ts
 * (the page is bundled without the record schemas). */
const SUBJECT_REASONS = { 'no-entity': 'no entity in the sentence, its lead-in or the two sentences before it' };

// An article's full records (records/<key>.js: its claims.jsonl lines and noise.jsonl line) and
// its text (texts/<id>.js) load when it is first opened.
const loadRecords = scriptLoader('CLAIMS_REVIEW_RECORDS', (rec) => rec.path);
const loadText = scriptLoader('CLAIMS_REVIEW_TEXT', (rec) => rec.id);

/** Where the subject's mention is: the records name it, not its offset, so it is looked up —
 * last before the figure in the sentence, else in the sentence, else (carried, coreference) in
 * the text before it. null when it is not in the text (then only the panel shows it). */
export function mentionSpan(text, c) {
  const m = c.subject?.mention;
  if (!m) return null;
  const s = c.span.start, e = c.span.end, fig = c.quantity ? c.quantity.span.start : e;
  let at = text.lastIndexOf(m, fig - m.length);
  if (at < s) at = text.indexOf(m, s);
  if (at < 0 || at + m.length > e) at = text.lastIndexOf(m, s - m.length);
  if (at < 0 || (at < s && s - at > 4000)) return null;
  return { start: at, end: at + m.length };
}

/** Flat, non-overlapping segments of `text`, each with the marks that cover it. */
function segments(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m.start))); cuts.add(Math.max(0, Math.min(text.length, m.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const out = [];
  let k = 0;
  let active = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    while (k < sorted.length && sorted[k].start <= a) active.push(sorted[k++]);
    active = active.filter((m) => m.end > a);
    out.push({ start: a, end: b, marks: active.filter((m) => m.start <= a && m.end >= b) });
  }
  return out;
}

export class ArticleView extends View {
  constructor(root, index, store, go) {
    super(root, index, store, go);
    this.current = null;
    store.onChange(() => { if (this.current) this.show(this.current, this.selected, true); });
  }

  async show(key, claimId = null, keepScroll = false) {
    const k = this.index.files.get(key);
    if (k === undefined) { this.root.innerHTML = `<p class="empty">No article ${esc(key)} in this run.</p>`; return; }
    const a = this.index.article(k);
    const [records, rec] = await Promise.all([
      loadRecords(a.path, `records/${key}.js`).catch((err) => ({ claims: [], noise: null, error: err.message })),
      loadText(a.id, `texts/${a.id}.js`).catch((err) => ({ text: null, missing: err.message })),
      this.index.details().catch(() => null), // the panel lists flags with their reasons
    ]);
    const claims = records.claims;
    this.current = key;
    this.selected = claimId;
    const scroll = keepScroll ? this.root.querySelector('.text')?.scrollTop ?? 0 : null;
    const chosen = claimId ? claims.find((c) => c.id === claimId) ?? null : null;
    const noise = records.noise ?? { noise: [], rejected: [] };
    this.root.innerHTML = `
      <div class="article-head"><h2>${esc(a.path)}</h2>
        <span class="meta">${a.claims} claims · ${a.noise} noise flags · ${a.rejected} figures not taken · sha256 ${esc(rec.sha256?.slice(0, 16) ?? '?')}…</span>
        <span class="legend">${['money', 'count', 'percent', 'ratio', 'multiplier', 'date', 'measure'].map((k) => `<span class="fig k-${k}">${k}</span>`).join(' ')}
          <span class="qual">qualitative</span> <span class="subj">subject</span> <span class="noise">noise</span></span></div>
      <div class="article-body">
        <div class="text" id="article-text">${rec.text === null ? `<p class="empty">Source not shown: ${esc(rec.missing)}.</p>` : this.renderText(rec.text, claims, noise, chosen)}</div>
        <aside id="panel" class="panel">${chosen ? this.panel(chosen) : '<p class="empty">Click a highlighted figure to see its claim.</p>'}</aside>
      </div>`;
    const textEl = this.root.querySelector('.text');
    textEl.addEventListener('click', (e) => {
      const span = e.target.closest('[data-claim]');
      if (span) this.go(`article/${key}/${span.dataset.claim}`);
    });
    this.wirePanel(chosen);
    if (scroll !== null) textEl.scrollTop = scroll;
    else if (chosen) textEl.querySelector(`[data-claim="${chosen.id}"]`)?.scrollIntoView({ block: 'center' });
  }

  renderText(text, claims, noise, chosen) {
    const marks = [];
    for (const c of claims) {
      const d = this.store.get(c.id)?.decision;
      const state = d ? ` d-${d}` : '';
      if (c.quantity) marks.push({ ...c.quantity.span, cls: `fig k-${c.quantity.kind}${state}`, claim: c.id, title: `${c.quantity.kind}: ${c.quantity.quote}` });
      else marks.push({ ...c.span, cls: `qual${state}`, claim: c.id, title: `qualitative: ${c.subject?.name ?? 'no subject'}` });
      const m = mentionSpan(text, c);
      if (m) marks.push({ ...m, cls: c.id === chosen?.id ? 'subj chosen' : 'subj', title: `subject ${c.subject.name} (${c.subject.via})` });
    }
    for (const n of noise.noise ?? []) marks.push({ ...n.span, cls: 'noise', title: `noise: ${n.reason} [${n.rule}]` });
    for (const n of noise.rejected ?? []) marks.push({ ...n.span, cls: 'noise rejected', title: `not a claim: ${n.reason} [${n.rule}]` });
    if (chosen) marks.push({ ...chosen.span, cls: 'sentence' });
    let html = '';
    for (const seg of segments(text, marks)) {
      const piece = esc(text.slice(seg.start, seg.end));
      if (seg.marks.length === 0) { html += piece; continue; }
      const cls = [...new Set(seg.marks.flatMap((m) => m.cls.split(' ')))].join(' ');
      const claim = seg.marks.find((m) => m.claim)?.claim;
      const title = [...new Set(seg.marks.map((m) => m.title).filter(Boolean))].join('\n');
      html += `<span class="${cls}${claim === chosen?.id && claim ? ' selected' : ''}"${claim ? ` data-claim="${claim}"` : ''}${title ? ` title="${esc(title)}"` : ''}>${piece}</span>`;
    }
    return html;
  }

  panel(c) {
    const q = c.quantity, s = c.subject, d = this.store.get(c.id);
    const row = (k, label, v) => `<dt>${label}</dt><dd data-field="${k}">${v === null || v === undefined || v === '' ? '<span class="none">—</span>' : esc(v)}</dd>`;
    const flags = this.index.flagsOf.get(c.id) ?? [];
    return `
      <h3>Claim <code>${esc(c.id)}</code></h3>
      <blockquote>${esc(c.quote)}</blockquote>
      <dl>
        ${row('kind', 'kind', q?.kind ?? 'qualitative')}
        ${q ? row('figure', 'figure', q.quote) + row('value', 'value', formatValue(q.value)) + row('low', 'low', q.low === null ? null : formatValue(q.low))
          + row('high', 'high', q.high === null ? null : formatValue(q.high)) + row('bound', 'bound', q.bound) + row('unit', 'unit', q.unit) + row('per', 'per', q.per)
          + row('implied', 'implied', q.implied ? 'yes' : 'no') : row('predicate', 'says', c.predicate)}
        ${row('subject', 'subject', s ? `${s.name} (${s.kind}, id ${s.id}${s.parent ? `, part of ${s.parent}` : ''})` : null)}
        ${row('via', 'found by', s ? `${s.via} from "${s.mention}"` : SUBJECT_REASONS[c.subjectReason] ?? c.subjectReason)}
        ${row('time', 'time', c.timeText ? `${c.time} ("${c.timeText}")` : c.time)}
        ${row('metric', 'metric', c.metric)}
        ${row('period', 'period', c.period)}
        ${row('modality', 'modality', c.modality)}
        ${row('group', 'group', this.index.get(c.id)?.group ?? null)}
        ${row('attribution', 'attribution', c.attribution)}
        ${row('rule', 'rule', q && q.rule !== c.rule ? `${c.rule} (figure: ${q.rule})` : c.rule)}
        ${row('where', 'line:column', `${c.source.path}:${c.provenance.line}:${c.provenance.column}`)}
        ${row('published', 'published', [c.source.outlet, c.source.published, c.source.url].filter(Boolean).join(' · ') || null)}
        ${row('review', 'review', c.provenance.review ? `${c.provenance.review.decision} by ${c.provenance.review.by ?? 'someone'}` : null)}
      </dl>
      ${flags.length ? `<h4>Flags</h4><ul class="flags">${flags.map((f) => `<li><a href="#flags/${esc(f.key)}">${esc(FLAG_LABEL[f.type] ?? f.type)}</a> — ${esc(f.reason)}</li>`).join('')}</ul>` : ''}
      <h4>Review</h4>
      <div class="decide" data-state="${d?.decision ?? 'undecided'}">
        <p id="decision-state">${d ? `${esc(d.decision)}${d.correction ? `: ${esc(JSON.stringify(d.correction))}` : ''}${d.by ? ` by ${esc(d.by)}` : ''}` : 'undecided'}</p>
        <button id="accept">Accept</button> <button id="reject">Reject</button> <button id="undo"${d ? '' : ' disabled'}>Undo</button>
        <form id="correct">
          <label>subject <input name="subject" value="${esc(d?.correction?.subject ?? s?.name ?? '')}"></label>
          ${q ? `<label>value <input name="value" inputmode="decimal" value="${esc(d?.correction?.value ?? q.value ?? q.low ?? q.high ?? '')}"></label>
          <label>unit <input name="unit" value="${esc(d?.correction?.unit ?? q.unit)}"></label>` : ''}
          <button type="submit">Correct</button> <span class="error" id="correct-error"></span>
        </form>
      </div>`;
  }

  wirePanel(c) {
    if (!c) return;
    const p = this.root.querySelector('#panel');
    p.querySelector('#accept').onclick = () => this.store.set(c.id, 'accept');
    p.querySelector('#reject').onclick = () => this.store.set(c.id, 'reject');
    p.querySelector('#undo').onclick = () => this.store.set(c.id, null);
    p.querySelector('#correct').onsubmit = (e) => {
      e.preventDefault();
      const f = new FormData(e.target);
      const fix = {};
      const subject = String(f.get('subject') ?? '').trim();
      if (subject && subject !== (c.subject?.name ?? '')) fix.subject = subject;
      if (c.quantity) {
        const raw = String(f.get('value') ?? '').replace(/[,\s_]/g, '');
        const value = Number(raw);
        if (raw && !Number.isFinite(value)) { p.querySelector('#correct-error').textContent = 'value must be a number'; return; }
        if (raw && value !== (c.quantity.value ?? c.quantity.low ?? c.quantity.high)) fix.value = value;
        const unit = String(f.get('unit') ?? '').trim();
        if (unit && unit !== c.quantity.unit) fix.unit = unit;
      }
      if (Object.keys(fix).length === 0) { p.querySelector('#correct-error').textContent = 'nothing changed'; return; }
      this.store.set(c.id, 'correct', fix);
    };
  }
}
