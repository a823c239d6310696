// The Sourcelight page: a thin shell over the analysis worker (www/worker.js,
// which runs the wasm module; see docs/wasm-api.md).
//
// The main thread never analyses. It sends the text to the worker, gets the
// marks back as plain data (UTF-16 offsets in typed arrays), and draws the
// article from them: block by block (a block is a paragraph with the white
// space after it, and no mark crosses one), in time slices for a long paste,
// and after an edit only the blocks whose text or marks changed. Pasted text
// only ever reaches the page as text nodes and textContent, never as markup.

import workerSource from './pkg/worker-source.js';
import sampleText from './pkg/sample.js';
import { startClassroom } from './classroom.js';

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
  unknown: 'Sourcelight could not tell who said this',
};

// Up to this many characters of changed blocks are drawn in one go, so an
// edit never shows a half-drawn article; beyond it, drawing is sliced.
const ONE_GO_CHARS = 64 * 1024;
// Each slice of a long drawing stops after about this long, so the tab keeps
// answering input (the browser's layout of the new blocks comes on top).
const SLICE_MS = 8;
// Blocks are grouped in chunks of about this many characters. A chunk that
// is off screen is neither laid out nor painted (content-visibility: auto in
// style.css), and an edit re-lays out only its own chunk; per paragraph, that
// bookkeeping would cost the browser more than it saves in a long article.
const CHUNK_CHARS = 8 * 1024;
// Short texts follow the typing closely; long ones wait for a pause.
const TYPING_DELAY_MS = 40;
const LONG_TEXT_CHARS = 100_000;
const LONG_TEXT_DELAY_MS = 250;
const STORAGE_TEXT = 'sourcelight.text';
const STORAGE_THEME = 'sourcelight.theme';
const STORAGE_RULES = 'sourcelight.rules';
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

/** User Timing entries for the browser tests' figures; older browsers
 *  without measure options simply go without. */
function measure(name, start, end, detail) {
  try { performance.measure(name, { start, end, detail }); } catch { /* not needed to work */ }
}
function perfMark(name, detail) {
  try { performance.mark(name, { detail }); } catch { /* not needed to work */ }
}
/** Runs one piece of the page's own main-thread work and, for the browser
 *  tests (they set globalThis.sourcelightTiming before the page loads),
 *  records how long it took: 'sl-main' entries, one per task, which would
 *  otherwise pile up in the performance timeline for as long as the tab
 *  is open. */
const OWN_TIMING = Boolean(globalThis.sourcelightTiming);
function timed(what, fn) {
  if (!OWN_TIMING) return fn();
  const t = performance.now();
  try { return fn(); } finally { measure('sl-main', t, performance.now(), what); }
}

function plural(n, one, many) { return `${n.toLocaleString('en')} ${n === 1 ? one : many}`; }

// ----------------------------------------------------------------- errors

function showError(message) { ui.error.textContent = message; }
function clearError() { ui.error.textContent = ''; }

// ------------------------------------------------------------- size limit

let maxBytes = 0; // from the worker; 0 until it is ready

let sizeBuffer = null;
/** Whether `s` as UTF-8 is over `limit` bytes, as the wasm module will see
 *  it (TextEncoder, like wasm-bindgen, turns a lone surrogate into U+FFFD).
 *  Encodes into a buffer one byte longer than the limit, natively: about a
 *  millisecond per megabyte, where a JavaScript loop took 25. */
function overLimit(s, limit) {
  if (!sizeBuffer || sizeBuffer.length !== limit + 1) sizeBuffer = new Uint8Array(limit + 1);
  const { read, written } = new TextEncoder().encodeInto(s, sizeBuffer);
  return read < s.length || written > limit;
}

/** Why `text` is refused, or null. Cheap: a UTF-16 unit is 1 to 3 UTF-8
 *  bytes (a surrogate pair is 4 for 2), so the length alone decides unless
 *  the text is within a factor of 3 of the limit; only then is it encoded,
 *  and only up to the limit. */
function sizeProblem(text) {
  const units = text.length; // also called with just { length } when that decides
  if (units * 3 <= maxBytes) return null;
  if (units <= maxBytes && !overLimit(text, maxBytes)) return null;
  // Over: its size for the message, as a lower bound (1 byte per unit).
  const limit = Math.floor(maxBytes / 1_048_576);
  const mb = (Math.max(units, maxBytes + 1) / 1_048_576).toFixed(1);
  const size = Number(mb) <= limit ? `just over ${limit} MB` : `at least ${mb} MB`;
  return `This text is ${size}; Sourcelight marks articles up to ${limit} MB. `
    + 'Paste a shorter piece, or use the command-line tool for batch work.';
}

// ------------------------------------------------------------------ worker

const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
let worker = null;
let workerReady = false;
let inFlight = null; // { seq, text, at }: the one text the worker is analysing
let queued = null; // { seq, text, rules? }: the newest text waiting for the worker
// The teacher's own phrases (docs/custom-rules.md), sent with every analysis
// once the worker has accepted them; `trial` is a list being tried.
let rules = storageGet(STORAGE_RULES) || '';
let trial = null; // { seq, rules, done(error|null) }

function startWorker() {
  workerReady = false;
  try {
    worker = new Worker(workerUrl, { name: 'sourcelight-analysis' });
  } catch (err) {
    showError(`Sourcelight could not start its analyser (${err.message}).`);
    return;
  }
  worker.onmessage = (event) => timed(event.data.type, () => onWorkerMessage(event.data));
  worker.onerror = (event) => {
    event.preventDefault();
    showError(`Sourcelight could not start its analyser${event.message ? ` (${event.message})` : ''}.`);
    console.error(event.message || event);
  };
}

function onWorkerMessage(msg) {
  switch (msg.type) {
    case 'ready':
      workerReady = true;
      maxBytes = msg.maxInputBytes;
      perfMark('sl-wasm-ready');
      ui.input.placeholder = `Paste an article here (up to ${Math.floor(maxBytes / 1024).toLocaleString('en')} KB).`;
      if (queued && trial && queued.seq === trial.seq) sendQueued();
      else if (queued) { const q = queued; queued = null; textChanged(q.text, { now: true }); }
      break;
    case 'result':
      if (trial && trial.seq === msg.seq) {
        rules = trial.rules;
        storageSet(STORAGE_RULES, rules || null);
        trial.done(null);
        trial = null;
      }
      if (inFlight && inFlight.seq === msg.seq) {
        measure('sl-analyse', inFlight.at, performance.now(), { workerMs: msg.ms });
        const { text } = inFlight;
        inFlight = null;
        sendQueued();
        // Drawn only if the text box still holds this text: a slow analysis
        // never draws over newer text.
        if (msg.seq === textSeq) showResult(msg, text);
      }
      break;
    case 'details':
      if (shown && shown.seq === msg.seq) addDetails(shown, msg.from, msg.items);
      break;
    case 'error':
      if (inFlight && inFlight.seq === msg.seq) inFlight = null;
      if (trial && trial.seq === msg.seq) {
        // Refused phrases: the panel says why; rules and marks stay as they were.
        trial.done(msg.message);
        trial = null;
      } else if (msg.seq === textSeq || msg.seq === 0) {
        showError(msg.message);
        if (shown) ui.status.textContent = 'The highlights below are from your previous text.';
      }
      if (msg.fatal && workerReady) {
        // A panic while analysing: start afresh (the text that caused it is
        // not sent again until it is edited). A worker that could not start
        // at all is not retried.
        console.error(msg.message);
        worker.terminate();
        startWorker();
      }
      sendQueued();
      break;
    default:
  }
}

/** r: a list of phrases being tried; otherwise the ones in use when sent. */
function send(seq, text, r) {
  // New text while a list waits to be tried: the list is tried on it.
  if (r === undefined && trial && queued && queued.seq === trial.seq) { trial.seq = seq; r = trial.rules; }
  if (!workerReady || inFlight) { queued = { seq, text, rules: r }; return; }
  inFlight = { seq, text, at: performance.now() };
  perfMark('sl-send', { seq, length: text.length });
  worker.postMessage({ type: 'analyse', seq, text, rules: (r ?? rules) || undefined });
}

function sendQueued() {
  if (!queued || !workerReady || inFlight) return;
  const q = queued;
  queued = null;
  if (q.seq === textSeq) send(q.seq, q.text, q.rules);
}

/** Analyses the text box's text with a new list of the teacher's phrases.
 *  Resolves to null once they are in use (and kept), or to the worker's
 *  message ("Your phrases, line N: …") when they are refused: then the rules
 *  and the marks on screen stay as they were. */
function applyRules(list) {
  if (trial) trial.done('Your phrases were replaced before they were checked.');
  clearTimeout(inputTimer);
  const seq = ++textSeq;
  const text = ui.input.value;
  return new Promise((done) => {
    trial = { seq, rules: list, done };
    send(seq, text, list);
  });
}

// ------------------------------------------------------------------- input

let textSeq = 0; // bumped at every new text in the box
let inputTimer = 0;

/** The text box changed: refuse it at once if it is too long, else analyse
 *  it after a pause in the typing (or now). */
function textChanged(text, { now = false } = {}) {
  clearTimeout(inputTimer);
  const seq = ++textSeq;
  if (!workerReady) { queued = { seq, text }; return; }
  const problem = sizeProblem(text);
  if (problem) {
    showError(problem);
    perfMark('sl-refused', { seq, length: text.length });
    ui.status.textContent = shown ? 'The highlights below are from your previous text.' : '';
    return;
  }
  if (shown && shown.text === text && !job && !inFlight) {
    // Back to the text on screen (say, after a paste that was too long).
    clearError();
    showSummaryStatus();
    return;
  }
  clearError();
  const go = () => {
    send(seq, text);
    rememberSoon(text);
  };
  if (now) go();
  else inputTimer = setTimeout(go, text.length <= LONG_TEXT_CHARS ? TYPING_DELAY_MS : LONG_TEXT_DELAY_MS);
}

ui.input.addEventListener('input', () => timed('input', () => textChanged(ui.input.value)));

// A paste that would make the text too long is refused before it reaches the
// text box: laying out megabytes of text in a text box takes the browser
// itself most of a second, before any script could say no.
ui.input.addEventListener('paste', (event) => timed('paste', () => {
  const pasted = maxBytes && event.clipboardData ? event.clipboardData.getData('text/plain') : '';
  if (!pasted) return;
  const { value, selectionStart: from, selectionEnd: to } = ui.input;
  const units = value.length - (to - from) + pasted.length;
  if (units * 3 <= maxBytes) return;
  const problem = units > maxBytes
    ? sizeProblem({ length: units })
    : sizeProblem(value.slice(0, from) + pasted + value.slice(to));
  if (!problem) return;
  event.preventDefault();
  showError(`${problem} Your text box is as it was.`);
  perfMark('sl-refused', { length: units, paste: true });
}));

let scrollAfterPaste = false;
ui.input.addEventListener('paste', (event) => { scrollAfterPaste = !event.defaultPrevented; });

/** Keeps the text for the next visit (in this browser only). The sample, an
 *  empty box and very long texts are not kept: the next visit shows the sample. */
function rememberText(text) {
  const keep = text !== '' && text !== sampleText && text.length <= STORE_LIMIT_CHARS;
  storageSet(STORAGE_TEXT, keep ? text : null);
}

// Stored after a second's pause, not at every keystroke (1 MB takes the
// browser some 25 ms), and at once when the page is left.
let unsaved = null;
let saveTimer = 0;
function rememberSoon(text) {
  unsaved = text;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 1000);
}
function saveNow() {
  clearTimeout(saveTimer);
  if (unsaved === null) return;
  rememberText(unsaved);
  unsaved = null;
}
window.addEventListener('pagehide', saveNow);

ui.sample.addEventListener('click', () => {
  setText(sampleText);
  ui.input.focus();
});
ui.clear.addEventListener('click', () => {
  setText('');
  ui.input.focus();
});

function setText(text) {
  ui.input.value = text;
  textChanged(text, { now: true });
}

// ----------------------------------------------------------------- drawing

/** What is on screen: the text, its analysis as the worker sent it, and the
 *  drawn blocks. `blocks[i]` = { from, to, m0, m1, el, els, done }: UTF-16
 *  span, the marks m0..m1 that lie in it, its element, its mark elements, and
 *  whether it is completely drawn. */
let shown = null;
let job = null; // the drawing in progress: { view, next, end, anchor, cursor, token, started }
let runToken = 0;
let firstHighlightMarked = false;

function makeView(msg, text) {
  const { start, end, kind, rule, speaker } = msg.marks;
  const n = start.length;
  const starts = msg.blocks;
  const blocks = new Array(starts.length);
  let m = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : text.length;
    const m0 = m;
    while (m < n && start[m] < to) m++;
    blocks[i] = { from, to, m0, m1: m, el: null, els: null, done: false };
  }
  const details = new Array(n);
  const view = {
    seq: msg.seq, text, summary: msg.summary, kinds: msg.kinds, rules: msg.rules,
    start, end, kind, rule, speaker, n, blocks,
    details, detailsGot: 0, markEls: new Array(n), drawn: false,
  };
  addDetails(view, 0, msg.details);
  return view;
}

function addDetails(view, from, items) {
  for (let i = 0; i < items.length; i++) view.details[from + i] = items[i];
  view.detailsGot += items.length;
  if (view === shown) {
    if (selected !== null && selected >= from && selected < from + items.length) showDetails(markInfo(selected));
    maybeFinish();
  }
}

/** Same text and same marks (kind, rule, offsets within the block)? */
function sameBlock(a, av, b, bv) {
  if (a.to - a.from !== b.to - b.from || a.m1 - a.m0 !== b.m1 - b.m0) return false;
  for (let i = 0; i < a.m1 - a.m0; i++) {
    const x = a.m0 + i;
    const y = b.m0 + i;
    if (av.start[x] - a.from !== bv.start[y] - b.from || av.end[x] - a.from !== bv.end[y] - b.from
      || av.kinds[av.kind[x]] !== bv.kinds[bv.kind[y]] || av.rules[av.rule[x]] !== bv.rules[bv.rule[y]]) {
      return false;
    }
  }
  return av.text.slice(a.from, a.to) === bv.text.slice(b.from, b.to);
}

/** Moves a drawn block from the old view to the new one. */
function adopt(oldBlock, block, view) {
  block.el = oldBlock.el;
  block.els = oldBlock.els;
  block.done = true;
  const shift = block.m0 !== oldBlock.m0;
  for (let i = 0; i < block.els.length; i++) {
    const id = block.m0 + i;
    view.markEls[id] = block.els[i];
    if (shift) block.els[i].dataset.mark = String(id);
  }
}

function showResult(msg, text) {
  const t0 = performance.now();
  clearError();
  cancelJob();
  deselect();
  const old = shown;
  const view = makeView(msg, text);
  shown = view;

  // Keep the drawn blocks at the start and the end that did not change;
  // draw the ones between. Each analysis covers the whole text (a quote's
  // speaker can be paragraphs earlier), so a block is reused only when its
  // own text and marks are exactly what the new analysis says.
  const nb = view.blocks;
  const ob = old ? old.blocks : [];
  let pre = 0;
  while (pre < nb.length && pre < ob.length && ob[pre].done && sameBlock(ob[pre], old, nb[pre], view)) pre++;
  let suf = 0;
  while (suf < nb.length - pre && suf < ob.length - pre && ob[ob.length - 1 - suf].done
    && sameBlock(ob[ob.length - 1 - suf], old, nb[nb.length - 1 - suf], view)) suf++;
  for (let i = 0; i < pre; i++) adopt(ob[i], nb[i], view);
  for (let i = 1; i <= suf; i++) adopt(ob[ob.length - i], nb[nb.length - i], view);
  if (pre === 0 && suf === 0) {
    // Replaced at the first slice, so the old article stays until then.
  } else {
    for (let i = pre; i < ob.length - suf; i++) if (ob[i].el) removeBlock(ob[i].el);
  }

  showCounts(view.summary);
  if (!old || JSON.stringify(old.summary) !== JSON.stringify(view.summary)) drawProfile(view.summary);

  const token = ++runToken;
  const anchor = suf > 0 ? nb[nb.length - suf].el : null;
  job = {
    view, next: pre, end: nb.length - suf, anchor, chunk: null, cursor: null, token, started: t0,
    replaceAll: pre === 0 && suf === 0, slices: 0,
  };
  let chars = 0;
  for (let i = pre; i < nb.length - suf; i++) chars += nb[i].to - nb[i].from;
  ui.article.dataset.state = 'rendering';
  if (chars <= ONE_GO_CHARS) {
    drawSlice(token, Infinity);
  } else {
    // The first slice in a task of its own, like the rest.
    ui.article.setAttribute('aria-busy', 'true');
    sliceChannel.port2.postMessage(token);
  }
}

function cancelJob() {
  if (!job) return;
  job = null;
  ui.progress.hidden = true;
  ui.article.removeAttribute('aria-busy');
}

// Yields to the browser between slices; a message is not clamped to 4 ms
// the way a nested setTimeout is.
const sliceChannel = new MessageChannel();
sliceChannel.port1.onmessage = (event) => timed('slice', () => drawSlice(event.data, SLICE_MS));

function newChunk(before) {
  const chunk = document.createElement('div');
  chunk.className = 'sl-chunk';
  chunk.slChars = 0;
  ui.article.insertBefore(chunk, before);
  return chunk;
}

function removeBlock(el) {
  const chunk = el.parentNode;
  el.remove();
  chunk.slChars -= el.slChars;
  if (!chunk.firstChild) chunk.remove();
}

/** Moves `at` and the blocks after it in its chunk into a new chunk. */
function splitChunk(at) {
  const chunk = at.parentNode;
  const rest = newChunk(chunk.nextSibling);
  for (let el = at, next; el; el = next) {
    next = el.nextSibling;
    rest.appendChild(el);
    chunk.slChars -= el.slChars;
    rest.slChars += el.slChars;
  }
}

/** Puts a new block element in place: before the job's anchor (the first
 *  block kept after the redrawn ones) or at the end, in the chunk being
 *  filled while it has room, else in a new chunk right there. */
function placeBlock(job, el) {
  const fits = (chunk) => chunk && chunk.slChars + el.slChars <= CHUNK_CHARS;
  if (!fits(job.chunk)) {
    const near = job.anchor ? job.anchor.parentNode : ui.article.lastElementChild;
    if (!job.chunk && fits(near)) {
      job.chunk = near;
    } else if (job.anchor) {
      if (job.anchor !== job.anchor.parentNode.firstChild) splitChunk(job.anchor);
      job.chunk = newChunk(job.anchor.parentNode);
    } else {
      job.chunk = newChunk(null);
    }
  }
  const before = job.anchor && job.anchor.parentNode === job.chunk ? job.anchor : null;
  job.chunk.insertBefore(el, before);
  job.chunk.slChars += el.slChars;
}

const markTemplate = document.createElement('mark');
markTemplate.className = 'sl-mark';
markTemplate.tabIndex = -1;

/** Draws blocks of the job until `budgetMs` is spent (it stops only between
 *  top-level marks, so a very long paragraph can span slices). */
function drawSlice(token, budgetMs) {
  if (!job || job.token !== token) return;
  const t0 = performance.now();
  const deadline = t0 + budgetMs;
  const v = job.view;
  const text = v.text;
  if (job.replaceAll) {
    ui.article.replaceChildren();
    job.replaceAll = false;
  }
  let checks = 0;
  while (job.next < job.end) {
    const b = v.blocks[job.next];
    let c = job.cursor;
    if (!c) {
      b.el = document.createElement('div');
      b.el.className = 'sl-block';
      b.el.slChars = b.to - b.from;
      b.els = [];
      c = job.cursor = { at: b.from, m: b.m0, attached: false };
    }
    const el = b.el;
    let paused = false;
    while (c.m < b.m1) {
      if ((++checks & 31) === 0 && performance.now() > deadline) { paused = true; break; }
      // One top-level mark and the marks nested in it.
      const top = c.m;
      const s = v.start[top];
      if (c.at < s) el.appendChild(document.createTextNode(text.slice(c.at, s)));
      const stack = [];
      let at = s;
      let m = top;
      const groupEnd = Math.min(v.end[top], b.to);
      while (m < b.m1 && (m === top || v.start[m] < groupEnd)) {
        const ms = v.start[m];
        while (stack.length && stack[stack.length - 1].end <= ms) {
          const t = stack.pop();
          if (at < t.end) t.el.appendChild(document.createTextNode(text.slice(at, t.end)));
          at = Math.max(at, t.end);
        }
        const parent = stack.length ? stack[stack.length - 1].el : el;
        if (at < ms) parent.appendChild(document.createTextNode(text.slice(at, ms)));
        at = Math.max(at, ms);
        const mk = markTemplate.cloneNode(false);
        mk.dataset.kind = v.kinds[v.kind[m]];
        mk.dataset.rule = v.rules[v.rule[m]];
        mk.dataset.mark = String(m);
        parent.appendChild(mk);
        b.els.push(mk);
        v.markEls[m] = mk;
        stack.push({ end: Math.min(Math.max(v.end[m], ms), groupEnd), el: mk });
        m++;
      }
      while (stack.length) {
        const t = stack.pop();
        if (at < t.end) t.el.appendChild(document.createTextNode(text.slice(at, t.end)));
        at = Math.max(at, t.end);
      }
      c.at = at;
      c.m = m;
    }
    if (!paused && c.at < b.to) el.appendChild(document.createTextNode(text.slice(c.at, b.to)));
    if (!c.attached) {
      placeBlock(job, el);
      c.attached = true;
    }
    if (paused) break;
    b.done = true;
    job.cursor = null;
    job.next++;
    if (performance.now() > deadline) break;
  }
  job.slices++;
  if (!firstHighlightMarked && v.markEls.some((x) => x)) {
    firstHighlightMarked = true;
    perfMark('sl-first-highlight');
  }
  if (job.next >= job.end) {
    measure('sl-render', job.started, performance.now(), { slices: job.slices });
    ui.article.dataset.slices = String(job.slices);
    job = null;
    ui.progress.hidden = true;
    ui.article.removeAttribute('aria-busy');
    v.drawn = true;
    maybeFinish();
  } else {
    const total = v.text.length || 1;
    const done = v.blocks[job.next].from / total;
    ui.progress.hidden = false;
    ui.progress.value = done;
    ui.status.textContent = `Highlighting… ${Math.floor(done * 100)}%`;
    sliceChannel.port2.postMessage(token);
  }
}

/** The article is 'done' once it is drawn and every explanation is in. */
function maybeFinish() {
  const v = shown;
  if (!v || !v.drawn || v.detailsGot < v.n || ui.article.dataset.state === 'done') return;
  ui.article.dataset.state = 'done';
  ui.article.dataset.run = String(runToken);
  resetRoving();
  showSummaryStatus();
  // Classroom hook: the text and (when it needs them) every mark.
  classroom.articleShown({ text: v.text, marks: () => Array.from({ length: v.n }, (_, i) => markInfo(i, v)) });
  if (scrollAfterPaste) {
    // After a paste, bring the highlighted article into view (on a laptop
    // screen the text box and the bar above it fill most of the window).
    scrollAfterPaste = false;
    ui.article.closest('.sl-layout').scrollIntoView({ block: 'start' });
  }
}

function showSummaryStatus() {
  const s = shown.summary;
  ui.status.textContent = `${plural(s.words, 'word', 'words')}, ${plural(shown.n, 'mark', 'marks')}.`;
}

function showCounts(summary) {
  for (const kind of KINDS) ui.counts[kind].textContent = String(summary.counts[kind] ?? 0);
}

/** Mark `id` of what is on screen, shaped as in analyze() (docs/wasm-api.md). */
function markInfo(id, v = shown) {
  const d = v.details[id] || {};
  return {
    id,
    kind: v.kinds[v.kind[id]],
    start: v.start[id],
    end: v.end[id],
    text: v.text.slice(v.start[id], v.end[id]),
    rule: v.rules[v.rule[id]],
    why: d.why ?? '…',
    question: d.question ?? '…',
    unclosed: Boolean(d.unclosed),
    speaker: d.speaker ?? null,
  };
}
function kindOf(id) { return shown.kinds[shown.kind[id]]; }
function markCount() { return shown ? shown.n : 0; }

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

// ------------------------------------------------------------------ legend

const hiddenKinds = new Set();
for (const box of ui.toggles) {
  box.addEventListener('change', () => {
    const kind = box.dataset.kind;
    if (box.checked) hiddenKinds.delete(kind);
    else hiddenKinds.add(kind);
    ui.article.classList.toggle(`sl-hide-${kind}`, !box.checked);
    if (selected !== null && hiddenKinds.has(kindOf(selected))) deselect();
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
  return shown.markEls[id] || null;
}

function isShownKind(id) { return !hiddenKinds.has(kindOf(id)); }

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
  for (let id = 0; id < shown.n; id++) {
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

  const mark = markInfo(id);
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
  const n = markCount();
  if (!n) return;
  let id = selected ?? (dir > 0 ? -1 : n);
  for (let tries = 0; tries < n; tries++) {
    id = (id + dir + n) % n;
    if (isShownKind(id) && markEl(id)) { select(id, { focus }); return; }
  }
}

function edge(which) {
  if (!shown) return;
  const n = shown.n;
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
  if (mark.kind === 'quote') {
    const sp = mark.speaker || { text: '', kind: 'unknown', mark: null };
    // A vague group ("Critics say “…”") is named in words but not a source
    // anyone could ask: the speaker kind is unknown, the words are shown.
    const who = !sp.text
      ? h('span', null, 'Sourcelight could not tell who said this.')
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

  const dl = h('dl');
  for (const [term, value] of rows) dl.append(h('dt', null, term), h('dd', null, value));
  // The rule id is for teachers, out of the way of the explanation.
  const rule = h('details', { class: 'sl-teacher' }, h('summary', null, 'For teachers'),
    h('p', null, 'Rule: ', h('code', null, mark.rule)));

  const close = h('button', { type: 'button', class: 'sl-button' }, 'Close');
  close.addEventListener('click', () => {
    const id = selected;
    deselect();
    const el = id !== null ? markEl(id) : null;
    // Back to the mark without selecting it again (focusin would); Enter
    // there opens the explanation again.
    keepClosed = true;
    if (el) el.focus();
    keepClosed = false;
  });
  const swatch = h('span', { class: 'sl-swatch', 'data-kind': mark.kind, 'aria-hidden': 'true' }, 'Aa');
  ui.detailsBody.replaceChildren(
    h('div', { class: 'sl-details-head' },
      h('p', { class: 'sl-details-kind' }, swatch, KIND_NAMES[mark.kind] || mark.kind),
      close),
    dl,
    rule,
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
let keepClosed = false; // set while Close puts the focus back on its mark
ui.article.addEventListener('focusin', (event) => {
  const el = event.target;
  if (el instanceof Element && el.matches('mark.sl-mark')) {
    const id = Number(el.dataset.mark);
    if (id !== selected && isShownKind(id) && !keepClosed) select(id);
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
    // Enter (again) shows the mark's explanation, say after Close.
    Enter: () => select(Number(event.target.dataset.mark), { focus: true }),
  };
  const action = keys[event.key];
  if (action) { event.preventDefault(); action(); }
});

// n/j and p/k anywhere except while typing.
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  if (classroom.isExercise()) return; // the exercise has its own keys
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
      ['named', 'Named', q.named], ['anonymous', 'Anonymous', q.anonymous], ['unknown', 'Unknown', q.unknown],
    ] },
    { title: 'Attributions, by source', rows: [
      ['named', 'Named', a.named], ['anonymous', 'Anonymous', a.anonymous], ['vague', 'Vague', a.vague],
    ] },
    { title: 'Hedges per 100 words', scale: Math.max(5, Math.ceil(hp)), rows: [
      ['hedge', 'Hedges', hp],
    ] },
  ];

  // The panel's width comes from the ResizeObserver below; reading it here
  // would make the browser lay out the page (a 1 MB text box included) in
  // the middle of drawing a result.
  if (!profileWidth) profileWidth = panelContentWidth();
  const avail = Math.max(260, Math.floor(profileWidth));
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
    `Quotes by speaker: ${q.named} named, ${q.anonymous} anonymous, ${q.unknown} with no speaker found. `
    + `Attributions by source: ${a.named} named, ${a.anonymous} anonymous, ${a.vague} vague. `
    + `${hp.toFixed(1)} hedges per 100 words.`);
  ui.chart.replaceChildren(title, desc, ...nodes);
}

function panelContentWidth() {
  const panel = ui.chart.parentElement;
  const style = getComputedStyle(panel);
  return panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

new ResizeObserver((entries) => {
  const width = entries.at(-1).contentRect.width;
  if (width === profileWidth) return;
  profileWidth = width;
  if (profileSummary) drawProfile(profileSummary);
}).observe(ui.chart.parentElement);

// --------------------------------------------------------------- classroom

// Exercise mode, share links, printed sheets and files (www/classroom.js).
const classroom = startClassroom({ setText, showError, clearError, applyRules, getRules: () => rules });

// ------------------------------------------------------------------- begin

{
  const saved = storageGet(STORAGE_TEXT);
  const text = saved !== null ? saved : sampleText;
  ui.input.value = text;
  startWorker();
  textChanged(text, { now: true });
}
