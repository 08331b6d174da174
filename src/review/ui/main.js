// The review page: loads the run's records (data.js sets window.CLAIMS_REVIEW before this runs),
// builds the views and routes between them by the URL hash, which works on a file:// page.
import { ClaimsTable } from './table.js';
import { ArticleView } from './article.js';
import { FlagCards } from './cards.js';
import { DecisionStore } from './store.js';
import { esc, indexRun } from './util.js';

const data = window.CLAIMS_REVIEW;
const index = indexRun(data);
// Decisions are kept per run: the same browser may review several output folders.
const runKey = `${data.run.rules}:${data.run.articles.length}:${data.run.articles[0]?.id ?? ""}:${data.run.claims}`;
const store = new DecisionStore(runKey);

const $ = (s) => document.querySelector(s);
const go = (route) => { location.hash = route; };
const views = { claims: $('#view-claims'), flags: $('#view-flags'), articles: $('#view-articles'), article: $('#view-article') };

function summary() {
  const kinds = new Map();
  for (const c of data.claims) { const k = c.quantity?.kind ?? 'qualitative'; kinds.set(k, (kinds.get(k) ?? 0) + 1); }
  const flags = index.flagged.length;
  $('#summary').innerHTML = `${data.run.articles.length} articles · ${data.claims.length.toLocaleString('en')} claims (${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n.toLocaleString('en')} ${esc(k)}`).join(', ')}) · ${flags} flags · ${data.run.failed.length} failed`;
  $('#tab-flags').textContent = `Flags (${flags})`;
}

function articlesList() {
  const rows = data.run.articles.map((a) => `<tr><td><a href="#article/${esc(a.id)}">${esc(a.path)}</a></td><td>${a.claims}</td><td>${a.noise}</td><td>${a.rejected}</td></tr>`).join('');
  const failed = data.run.failed.map((f) => `<li>${esc(f.path)}: ${esc(f.reason)}</li>`).join('');
  views.articles.innerHTML = `<table class="articles"><thead><tr><th>article</th><th>claims</th><th>noise flags</th><th>figures not taken</th></tr></thead><tbody>${rows}</tbody></table>
    ${failed ? `<h3>Failed articles</h3><ul>${failed}</ul>` : ''}`;
}

function decisionsBar() {
  const who = $('#reviewer');
  who.value = store.reviewer;
  who.onchange = () => store.setReviewer(who.value);
  $('#save').onclick = () => store.download();
  $('#load').onchange = async (e) => {
    const file = e.target.files[0];
    if (file) $('#decision-count').title = `${store.load(await file.text())} decisions loaded from ${file.name}`;
  };
  const update = () => {
    const unknown = [...store.map.keys()].filter((id) => !index.claims.has(id)).length;
    $('#decision-count').textContent = `${store.size} decision${store.size === 1 ? '' : 's'}${unknown ? ` (${unknown} for claims not in this run, kept)` : ''}`;
  };
  store.onChange(update);
  update();
}

let table = null, cards = null, article = null;
function route() {
  const [name, a, b] = location.hash.replace(/^#\/?/, '').split('/');
  const view = views[name] ? name : 'claims';
  for (const [k, v] of Object.entries(views)) v.hidden = k !== view;
  for (const t of document.querySelectorAll('nav a')) t.classList.toggle('active', t.dataset.view === (view === 'article' ? 'articles' : view));
  if (view === 'claims') table ??= new ClaimsTable(views.claims, data, index, store, (id) => go(`article/${index.claims.get(id).source.article}/${id}`));
  if (view === 'flags') { cards ??= new FlagCards(views.flags, data, index, store, go); if (a) cards.focus(a); }
  if (view === 'article') { article ??= new ArticleView(views.article, data, index, store, go); article.show(a, b ?? null); }
}

summary();
articlesList();
decisionsBar();
window.addEventListener('hashchange', route);
route();
// For bench/review-perf.mjs: when the first view has painted (the frame after it was built).
requestAnimationFrame(() => requestAnimationFrame(() => { window.CLAIMS_REVIEW_READY = performance.now(); }));
