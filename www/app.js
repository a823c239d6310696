// The Sourcelight page: a thin shell over the wasm module (see docs/wasm-api.md).
//
// The wasm analyses the text and draws the article; this file wires up the
// text box, the key, mark navigation, the explanation panel and the sourcing
// profile. Pasted text only ever reaches the page as text nodes and
// textContent, never as markup.

import { initSync, Article, maxInputBytes } from './pkg/sourcelight.js';
import wasmBytes from './pkg/sourcelight_wasm.js';
import sampleText from './pkg/sample.js';

const KINDS = ['quote', 'named', 'anonymous', 'vague', 'hedge'];
const KIND_NAMES = {
  quote: 'Direct quote',
  named: 'Named source',
  anonymous: 'Anonymous source',
  vague: 'Vague attribution',
  hedge: 'Hedge',
};
const SPEAKER_KINDS = {
  named: 'a named source',
  anonymous: 'an anonymous source',
  unknown: 'not stated in the article',
};

// Up to this size an article is analysed and drawn in one go, so typing
// never shows a half-drawn article; beyond it, rendering is sliced.
const ONE_GO_BYTES = 64 * 1024;
// Aim for slices this long so the tab keeps answering input while a 1 MB
// paste is drawn.
const SLICE_TARGET_MS = 20;
const STORAGE_TEXT = 'sourcelight.text';
const STORAGE_THEME = 'sourcelight.theme';
const STORE_LIMIT_CHARS = 1_000_000;

const byId = (id) => document.getElementById(id);
const ui = {
  error: byId('sl-error'),
  input: byId('sl-input'),
  sample: byId('sl-sample'),
  clear: byId('sl-clear'),
  theme: byId('sl-theme'),
  prev: byId('sl-prev'),
  next: byId('sl-next'),
  status: byId('sl-status'),
  progress: byId('sl-progress'),
  article: byId('sl-article'),
  toggles: Array.from(document.querySelectorAll('.sl-legend input[type="checkbox"][data-kind]')),
  counts: Object.fromEntries(
    KINDS.map((k) => [k, document.querySelector(`.sl-count[data-count="${k}"]`)]),
  ),
  details: byId('sl-details'),
  detailsBody: byId('sl-details-body'),
  sentence: byId('sl-sentence'),
  chart: byId('sl-chart'),
  chartDesc: byId('sl-chart-desc'),
};

// ---------------------------------------------------------------- helpers

/** Builds an element; string children become text nodes, never markup. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

function storageGet(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}
function storageSet(key, value) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch { /* private mode or quota: the page works without it */ }
}

/** A User Timing entry for the browser tests' figures; older browsers without
 *  measure options simply go without. */
function measure(name, start, end) {
  try { performance.measure(name, { start, end }); } catch { /* not needed to work */ }
}

function plural(n, one, many) { return `${n.toLocaleString('en')} ${n === 1 ? one : many}`; }

// ----------------------------------------------------------------- errors

function showError(message) { ui.error.textContent = message; }
function clearError() { ui.error.textContent = ''; }

/** Shows why a wasm call failed. Callers clear #sl-error just before the
 *  call: a Rust panic writes its own message there from the panic hook and
 *  then traps (a WebAssembly.RuntimeError), and that message is kept. */
function reportWasmError(err, what) {
  if (err instanceof WebAssembly.RuntimeError) {
    if (!ui.error.textContent.trim()) {
      showError(`Sourcelight hit an internal error while ${what} (${err.message}). `
        + 'Your text is untouched; edit it or paste again to retry.');
    }
  } else {
    showError(err && err.message ? err.message : String(err));
  }
  console.error(err);
}

// -------------------------------------------------------------------- start

let wasmReady = false;
try {
  initSync({ module: wasmBytes });
  wasmReady = true;
  performance.mark('sl-wasm-ready');
} catch (err) {
  reportWasmError(err, 'starting');
}

// ------------------------------------------------------------------- theme

function systemDark() { return window.matchMedia('(prefers-color-scheme: dark)').matches; }
function isDark() {
  const t = document.documentElement.dataset.theme;
  return t ? t === 'dark' : systemDark();
}
function showThemeState() {
  ui.theme.setAttribute('aria-pressed', String(isDark()));
}
{
  const saved = storageGet(STORAGE_THEME);
  if (saved === 'dark' || saved === 'light') document.documentElement.dataset.theme = saved;
  showThemeState();
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', showThemeState);
  ui.theme.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    storageSet(STORAGE_THEME, next);
    showThemeState();
  });
}

// ------------------------------------------------------- analysis + render

/** What is on screen: the text, its analysis, and the mark elements by id. */
let shown = null; // { text, analysis, markEls: Element[] | null }
let job = null; // { article, token, budget, started }
let jobToken = 0;
let firstHighlightMarked = false;

function analyseAndRender(text) {
  if (!wasmReady) return;
  if (shown && shown.text === text && !job) {
    // Back to the text on screen (say, after a paste that was too long).
    clearError();
    showSummaryStatus();
    return;
  }

  let article;
  let analysis;
  const t0 = performance.now();
  clearError();
  try {
    article = new Article(text);
    analysis = article.analysis;
  } catch (err) {
    if (article) article.free();
    // Too long, or a panic: keep the previous result on screen.
    reportWasmError(err, 'reading the text');
    if (shown) {
      ui.status.textContent = 'The highlights below are from your previous text.';
    }
    return;
  }
  const t1 = performance.now();
  measure('sl-analyse', t0, t1);

  cancelJob();
  deselect();
  shown = { text, analysis, markEls: null };
  showCounts(analysis.summary);
  drawProfile(analysis.summary);

  const token = ++jobToken;
  job = { article, token, budget: ONE_GO_BYTES, started: t1, firstSlice: true };
  ui.article.setAttribute('aria-busy', 'true');
  ui.article.dataset.state = 'rendering';
  renderSlice(token);
}

function cancelJob() {
  if (!job) return;
  job.article.free();
  job = null;
  ui.progress.hidden = true;
}

/** Each slice is drawn into its own detached block, then attached. Drawing
 *  off-document is cheaper, and separate blocks keep the browser from
 *  re-flowing the whole article as it grows; CSS lets it skip laying out the
 *  blocks that are off screen. Every slice is whole paragraphs with every
 *  mark closed (docs/wasm-api.md), so the blocks split nothing. */
function renderSlice(token) {
  if (!job || job.token !== token) return;
  const t = performance.now();
  const chunk = document.createElement('div');
  chunk.className = 'sl-chunk';
  let progress;
  try {
    progress = job.article.render(chunk, job.budget);
  } catch (err) {
    reportWasmError(err, 'drawing the article');
    finishRender(token, false);
    return;
  }
  if (job.firstSlice) {
    ui.article.replaceChildren(chunk);
    job.firstSlice = false;
  } else {
    ui.article.append(chunk);
  }
  const dt = performance.now() - t;
  // Keep each slice near SLICE_TARGET_MS, whatever the machine.
  job.budget = Math.min(512 * 1024,
    Math.max(8 * 1024, Math.round(job.budget * SLICE_TARGET_MS / Math.max(dt, 1))));

  if (!firstHighlightMarked && ui.article.querySelector('mark.sl-mark')) {
    firstHighlightMarked = true;
    performance.mark('sl-first-highlight');
  }
  if (progress >= 1) {
    finishRender(token, true);
  } else {
    ui.progress.hidden = false;
    ui.progress.value = progress;
    ui.status.textContent = `Highlighting… ${Math.floor(progress * 100)}%`;
    setTimeout(() => renderSlice(token), 0);
  }
}

function finishRender(token, ok) {
  if (!job || job.token !== token) return;
  const started = job.started;
  job.article.free();
  job = null;
  ui.progress.hidden = true;
  ui.article.removeAttribute('aria-busy');
  ui.article.dataset.state = ok ? 'done' : 'error';
  ui.article.dataset.run = String(token);
  if (!ok) return;
  measure('sl-render', started, performance.now());

  const marks = shown.analysis.marks;
  const els = new Array(marks.length);
  for (const el of ui.article.querySelectorAll('mark.sl-mark[data-mark]')) {
    els[Number(el.dataset.mark)] = el;
  }
  shown.markEls = els;
  resetRoving();
  showSummaryStatus();
}

function showSummaryStatus() {
  const s = shown.analysis.summary;
  const n = shown.analysis.marks.length;
  ui.status.textContent = `${plural(s.words, 'word', 'words')}, ${plural(n, 'mark', 'marks')}.`;
}

function showCounts(summary) {
  for (const kind of KINDS) ui.counts[kind].textContent = String(summary.counts[kind] ?? 0);
}

// ------------------------------------------------------------------ input

let inputTimer = 0;
ui.input.addEventListener('input', () => {
  clearTimeout(inputTimer);
  const text = ui.input.value;
  // Short texts follow the typing closely; long ones wait for a pause.
  const delay = text.length <= 50_000 ? 80 : 300;
  inputTimer = setTimeout(() => {
    analyseAndRender(text);
    rememberText(text);
  }, delay);
});

/** Keeps the text for the next visit (in this browser only). The sample, an
 *  empty box and very long texts are not kept: the next visit shows the sample. */
function rememberText(text) {
  const keep = text !== '' && text !== sampleText && text.length <= STORE_LIMIT_CHARS;
  storageSet(STORAGE_TEXT, keep ? text : null);
}

ui.sample.addEventListener('click', () => {
  setText(sampleText);
  ui.input.focus();
});
ui.clear.addEventListener('click', () => {
  setText('');
  ui.input.focus();
});

function setText(text) {
  clearTimeout(inputTimer);
  ui.input.value = text;
  rememberText(text);
  analyseAndRender(text);
}

// ------------------------------------------------------------------ legend

const hiddenKinds = new Set();
for (const box of ui.toggles) {
  box.addEventListener('change', () => {
    const kind = box.dataset.kind;
    if (box.checked) hiddenKinds.delete(kind);
    else hiddenKinds.add(kind);
    ui.article.classList.toggle(`sl-hide-${kind}`, !box.checked);
    if (selected !== null && hiddenKinds.has(shown.analysis.marks[selected].kind)) deselect();
    resetRoving();
  });
}

// -------------------------------------------------------------- selection

const narrowScreen = window.matchMedia('(max-width: 59.99rem)');
let selected = null; // mark id
let roving = null; // the one mark element with tabindex=0
let speakerEl = null;

function markEl(id) {
  if (!shown) return null;
  return (shown.markEls && shown.markEls[id])
    || ui.article.querySelector(`mark.sl-mark[data-mark="${id}"]`);
}

function isShownKind(id) { return !hiddenKinds.has(shown.analysis.marks[id].kind); }

function setRoving(el) {
  if (roving === el) return;
  if (roving) roving.tabIndex = -1;
  roving = el;
  if (el) el.tabIndex = 0;
}

/** Tab reaches the article at the selected mark, or else the first shown one. */
function resetRoving() {
  if (!shown) return;
  if (selected !== null) { setRoving(markEl(selected)); return; }
  const marks = shown.analysis.marks;
  for (let id = 0; id < marks.length; id++) {
    if (isShownKind(id)) { setRoving(markEl(id)); return; }
  }
  setRoving(null);
}

function deselect() {
  if (selected !== null) {
    const el = markEl(selected);
    if (el) el.classList.remove('sl-selected');
  }
  if (speakerEl) speakerEl.classList.remove('sl-speaker');
  const had = selected !== null;
  selected = null;
  speakerEl = null;
  ui.details.classList.remove('sl-has-mark');
  document.body.classList.remove('sl-sheet-open');
  // Only when something was shown: the panel is aria-live, and typing should
  // not make a screen reader repeat the placeholder at every pause.
  if (had) {
    ui.detailsBody.replaceChildren(h('p', { class: 'sl-help' },
      'Select a highlight in the article to see what it is, why it was marked and a question to discuss.'));
  }
}

function select(id, { focus = false } = {}) {
  if (!shown) return;
  const el = markEl(id);
  if (!el) return;
  if (selected !== null && selected !== id) {
    const old = markEl(selected);
    if (old) old.classList.remove('sl-selected');
  }
  if (speakerEl) { speakerEl.classList.remove('sl-speaker'); speakerEl = null; }
  selected = id;
  el.classList.add('sl-selected');
  setRoving(el);

  const mark = shown.analysis.marks[id];
  if (mark.speaker && mark.speaker.mark !== null && mark.speaker.mark !== undefined) {
    speakerEl = markEl(mark.speaker.mark);
    if (speakerEl) speakerEl.classList.add('sl-speaker');
  }
  showDetails(mark);
  if (focus) el.focus({ preventScroll: true });
  // On a phone the explanation covers the lower part of the screen.
  el.scrollIntoView({ block: narrowScreen.matches ? 'center' : 'nearest', inline: 'nearest' });
}

/** Moves to the next (dir = 1) or previous (-1) mark of a shown kind, wrapping. */
function step(dir, { focus }) {
  if (!shown || !shown.analysis.marks.length) return;
  const n = shown.analysis.marks.length;
  let id = selected ?? (dir > 0 ? -1 : n);
  for (let tries = 0; tries < n; tries++) {
    id = (id + dir + n) % n;
    if (isShownKind(id) && markEl(id)) { select(id, { focus }); return; }
  }
}

function edge(which) {
  if (!shown) return;
  const n = shown.analysis.marks.length;
  for (let i = 0; i < n; i++) {
    const id = which === 'first' ? i : n - 1 - i;
    if (isShownKind(id) && markEl(id)) { select(id, { focus: true }); return; }
  }
}

function showDetails(mark) {
  const rows = [
    ['Marked text', h('blockquote', null, mark.text)],
    ['Why', mark.why],
  ];
  if (mark.kind === 'quote' && mark.speaker) {
    const sp = mark.speaker;
    // A vague group ("Critics say “…”") is named in words but not a source
    // anyone could ask: the speaker kind is unknown, the words are shown.
    const who = !sp.text
      ? h('span', null, 'Not stated in the article.')
      : sp.kind === 'unknown'
        ? h('span', null, h('strong', null, sp.text), ' (an unnamed group: nobody in particular)')
        : h('span', null, h('strong', null, sp.text), ` (${SPEAKER_KINDS[sp.kind] || sp.kind})`);
    const dd = h('div', null, who);
    if (sp.mark !== null && sp.mark !== undefined && markEl(sp.mark)) {
      const target = sp.mark;
      const btn = h('button', { type: 'button', class: 'sl-button' }, 'Go to the attribution');
      btn.addEventListener('click', () => select(target, { focus: true }));
      dd.append(h('br'), btn);
    }
    rows.push(['Who said it', dd]);
  }
  if (mark.unclosed) {
    rows.push(['Note', 'The closing quotation mark is missing, so this quote runs to the end of its paragraph.']);
  }
  rows.push(['Ask yourself', h('span', { class: 'sl-question' }, mark.question)]);
  rows.push(['Rule', h('code', null, mark.rule)]);

  const dl = h('dl');
  for (const [term, value] of rows) dl.append(h('dt', null, term), h('dd', null, value));

  const close = h('button', { type: 'button', class: 'sl-button' }, 'Close');
  close.addEventListener('click', () => {
    const id = selected;
    deselect();
    const el = id !== null ? markEl(id) : null;
    if (el) el.focus();
  });
  const swatch = h('span', { class: 'sl-swatch', 'data-kind': mark.kind, 'aria-hidden': 'true' }, 'Aa');
  ui.detailsBody.replaceChildren(
    h('div', { class: 'sl-details-head' },
      h('p', { class: 'sl-details-kind' }, swatch, KIND_NAMES[mark.kind] || mark.kind),
      close),
    dl,
  );
  ui.details.classList.add('sl-has-mark');
  document.body.classList.add('sl-sheet-open');
}

// Mouse and touch: the innermost highlight of a shown kind under the pointer.
ui.article.addEventListener('click', (event) => {
  let el = event.target instanceof Element ? event.target.closest('mark.sl-mark') : null;
  while (el && hiddenKinds.has(el.dataset.kind)) {
    el = el.parentElement ? el.parentElement.closest('mark.sl-mark') : null;
  }
  if (el) select(Number(el.dataset.mark), { focus: true });
});

// Tabbing into the article selects the mark it lands on.
ui.article.addEventListener('focusin', (event) => {
  const el = event.target;
  if (el instanceof Element && el.matches('mark.sl-mark')) {
    const id = Number(el.dataset.mark);
    if (id !== selected && isShownKind(id)) select(id);
  }
});

ui.article.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const onMark = event.target instanceof Element && event.target.matches('mark.sl-mark');
  if (!onMark) return;
  const keys = {
    ArrowRight: () => step(1, { focus: true }),
    ArrowDown: () => step(1, { focus: true }),
    ArrowLeft: () => step(-1, { focus: true }),
    ArrowUp: () => step(-1, { focus: true }),
    Home: () => edge('first'),
    End: () => edge('last'),
  };
  const action = keys[event.key];
  if (action) { event.preventDefault(); action(); }
});

// n/j and p/k anywhere except while typing.
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  const t = event.target;
  if (t instanceof Element && t.closest('textarea, input:not([type="checkbox"]), select, [contenteditable]')) return;
  if (event.key === 'n' || event.key === 'j') { event.preventDefault(); step(1, { focus: true }); }
  else if (event.key === 'p' || event.key === 'k') { event.preventDefault(); step(-1, { focus: true }); }
  else if (event.key === 'Escape' && selected !== null) { deselect(); }
});

// The buttons keep focus, so pressing one repeatedly walks through the marks.
ui.next.addEventListener('click', () => step(1, { focus: false }));
ui.prev.addEventListener('click', () => step(-1, { focus: false }));

// ----------------------------------------------------------------- profile

/** Bars drawn from data as SVG elements: three groups side by side when the
 *  panel is wide, stacked when it is narrow (redrawn when its width changes). */
let profileSummary = null;
let profileWidth = 0;

function drawProfile(summary) {
  profileSummary = summary;
  ui.sentence.textContent = summary.sentence;

  const q = summary.quotes_by_speaker;
  const a = summary.attributions_by_source;
  const hp = Number(summary.hedges_per_100_words) || 0;
  const groups = [
    { title: 'Quotes, by who is speaking', rows: [
      ['named', 'Named', q.named], ['anonymous', 'Anonymous', q.anonymous], ['unknown', 'Not stated', q.unknown],
    ] },
    { title: 'Attributions, by source', rows: [
      ['named', 'Named', a.named], ['anonymous', 'Anonymous', a.anonymous], ['vague', 'Vague', a.vague],
    ] },
    { title: 'Hedges per 100 words', scale: Math.max(5, Math.ceil(hp)), rows: [
      ['hedge', 'Hedges', hp],
    ] },
  ];

  const panel = ui.chart.parentElement;
  const style = getComputedStyle(panel);
  const avail = Math.max(260, Math.floor(panel.clientWidth
    - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)));
  profileWidth = panel.clientWidth;
  const gap = 24;
  const cols = avail >= 640 ? 3 : 1;
  const colW = cols === 3 ? Math.floor((avail - 2 * gap) / 3) : Math.min(avail, 420);
  const labelW = 78;
  const valueW = 34;
  const barMax = colW - labelW - valueW - 6;
  const rowH = 20;

  const nodes = [];
  let height = 0;
  let y0 = 0;
  groups.forEach((group, i) => {
    const x = cols === 3 ? i * (colW + gap) : 0;
    let y = (cols === 3 ? 0 : y0) + 14;
    nodes.push(svg('text', { x, y: y - 2, class: 'sl-chart-group' }, group.title));
    const max = group.scale ?? Math.max(1, ...group.rows.map((r) => r[2]));
    for (const [kind, label, value] of group.rows) {
      const w = Math.round((barMax * Math.min(value, max)) / max);
      nodes.push(
        svg('text', { x, y: y + 15 }, label),
        svg('rect', { x: x + labelW, y: y + 4, width: barMax, height: 14, rx: 2, class: 'sl-chart-track' }),
        svg('rect', { x: x + labelW, y: y + 4, width: w, height: 14, rx: 2, class: `sl-bar-${kind}` }),
        svg('text', { x: x + labelW + barMax + 6, y: y + 15 },
          kind === 'hedge' ? hp.toFixed(1) : String(value)),
      );
      y += rowH;
    }
    y0 = y + 10;
    height = Math.max(height, y + 4);
  });
  const width = cols === 3 ? avail : colW;
  ui.chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  ui.chart.setAttribute('width', String(width));
  ui.chart.setAttribute('height', String(height));
  const title = svg('title', { id: 'sl-chart-title' }, 'Sourcing profile chart');
  const desc = svg('desc', { id: 'sl-chart-desc' },
    `Quotes by speaker: ${q.named} named, ${q.anonymous} anonymous, ${q.unknown} not stated. `
    + `Attributions by source: ${a.named} named, ${a.anonymous} anonymous, ${a.vague} vague. `
    + `${hp.toFixed(1)} hedges per 100 words.`);
  ui.chart.replaceChildren(title, desc, ...nodes);
}

new ResizeObserver(() => {
  if (profileSummary && ui.chart.parentElement.clientWidth !== profileWidth) drawProfile(profileSummary);
}).observe(ui.chart.parentElement);

// ------------------------------------------------------------------- begin

if (wasmReady) {
  ui.input.placeholder = `Paste an article here (up to ${Math.floor(maxInputBytes() / 1024).toLocaleString('en')} KB).`;
  const saved = storageGet(STORAGE_TEXT);
  const text = saved !== null ? saved : sampleText;
  ui.input.value = text;
  analyseAndRender(text);
}
