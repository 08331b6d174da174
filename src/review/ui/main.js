// The review page: loads the run's records (data.js sets window.CLAIMS_REVIEW before this runs),
// builds the views and routes between them by the URL hash, which works on a file:// page.
import { ClaimsTable } from './table.js';
import { ArticleView } from './article.js';
import { FlagCards } from './cards.js';
import { DecisionStore } from './store.js';
import { esc, indexRun } from './util.js';

performance.mark('claims-app-start');
const data = window.CLAIMS_REVIEW;
const index = indexRun(data);
performance.mark('claims-indexed');
// Decisions are kept per run: the same browser may review several output folders.
const runKey = `${data.run.rules}:${data.articles.count}:${data.articles.id[0] ?? ''}:${data.run.claims}`;
const store = new DecisionStore(runKey);

const $ = (s) => document.querySelector(s);
const go = (route) => { location.hash = route; };
const views = { claims: $('#view-claims'), flags: $('#view-flags'), articles: $('#view-articles'), article: $('#view-article') };

function summary() {
  const perCode = new Uint32Array(index.dict.kind.length);
  for (const k of index.col.kind) perCode[k]++;
  const kinds = new Map(index.dict.kind.map((k, code) => [k, perCode[code]]));
  const flags = index.flagged.length;
  $('#summary').innerHTML = `${data.articles.count} articles · ${index.count.toLocaleString('en')} claims (${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n.toLocaleString('en')} ${esc(k)}`).join(', ')}) · ${flags} flags · ${data.run.failed.length} failed`;
  $('#tab-flags').textContent = `Flags (${flags})`;
}

/** Built when first shown: a run of a year of news has more articles than a first paint should wait for. */
function articlesList() {
  const A = data.articles;
  const rows = A.path.map((path, k) => `<tr><td><a href="#article/${esc(A.file[k])}">${esc(path)}</a></td><td>${A.claims[k]}</td><td>${A.noise[k]}</td><td>${A.rejected[k]}</td></tr>`).join('');
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
    const unknown = [...store.map.keys()].filter((id) => index.indexOf(id) === undefined).length;
    $('#decision-count').textContent = `${store.size} decision${store.size === 1 ? '' : 's'}${unknown ? ` (${unknown} for claims not in this run, kept)` : ''}`;
  };
  store.onChange(update);
  update();
}

let table = null, cards = null, article = null, listed = false;
function route() {
  const [name, a, b] = location.hash.replace(/^#\/?/, '').split('/');
  const view = views[name] ? name : 'claims';
  for (const [k, v] of Object.entries(views)) v.hidden = k !== view;
  for (const t of document.querySelectorAll('nav a')) t.classList.toggle('active', t.dataset.view === (view === 'article' ? 'articles' : view));
  if (view === 'articles' && !listed) { articlesList(); listed = true; }
  if (view === 'claims') table ??= new ClaimsTable(views.claims, index, store, (id) => go(`article/${index.get(id).file}/${id}`));
  if (view === 'flags') { cards ??= new FlagCards(views.flags, index, store, go); if (a) cards.focus(a); }
  if (view === 'article') { article ??= new ArticleView(views.article, index, store, go); article.show(a, b ?? null); }
}

summary();
decisionsBar();
window.addEventListener('hashchange', route);
route();
// After the first paint (the frame after the view was built): note it for bench/review-perf.mjs,
// then load the sentences and reasons, which the text filter, the cards and the panel use.
requestAnimationFrame(() => requestAnimationFrame(() => {
  window.CLAIMS_REVIEW_READY = performance.now();
  index.details().then(() => { window.CLAIMS_REVIEW_COMPLETE = performance.now(); });
}));
