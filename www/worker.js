// The analysis worker: the wasm module runs here, off the page's main thread,
// so analysing a long paste never freezes the tab (docs/wasm-api.md).
//
// scripts/build-web.py bundles this file with the modules it imports into
// www/pkg/worker-source.js (one classic script, as a string); app.js starts
// it from a blob: URL.
// A blob: worker inherits the page's Content Security Policy, so it may
// compile wasm ('wasm-unsafe-eval') but, like the page, fetch nothing.
//
// Messages in:  { type: 'analyse', seq, text, rules? }  (rules: a teacher's
//               own phrases, docs/custom-rules.md; a bad list is an error)
// Messages out: { type: 'ready', maxInputBytes }
//               { type: 'result', seq, ms, ...analyzeForPage(text), details: first batch }
//               { type: 'details', seq, from, items }   (the rest, in batches)
//               { type: 'error', seq, message, fatal }

import { initSync, analyzeForPage, maxInputBytes } from './pkg/sourcelight.js';
import wasmBytes from './pkg/sourcelight_wasm.js';

// Explanations go to the page in batches, so that no single message takes
// the page long to unpack (some 5 ms for 500): a 1 MB article has some
// 14 000 marks. The first batch, with the marks, is bigger, so that an
// article of up to some 50 KB (a keystroke's redraw) takes one message.
const FIRST_BATCH = 1000;
const DETAIL_BATCH = 500;

// The Rust panic hook calls this (src/wasm.rs) before the call traps.
let panicMessage = '';
globalThis.sourcelightPanic = (message) => { panicMessage = String(message); };

let ready = false;
// The wasm bytes arrive as a promise (they are inflated from the script
// itself); messages that come first wait for it.
const started = wasmBytes.then((bytes) => {
  initSync({ module: bytes });
  ready = true;
  postMessage({ type: 'ready', maxInputBytes: maxInputBytes() });
}).catch((err) => {
  postMessage({ type: 'error', seq: 0, fatal: true, message: describe(err, 'starting') });
});

function describe(err, what) {
  if (err instanceof WebAssembly.RuntimeError) {
    return panicMessage || `Sourcelight hit an internal error while ${what} (${err.message}). `
      + 'Your text is untouched; edit it or paste again to retry.';
  }
  return err && err.message ? err.message : String(err);
}

self.onmessage = (event) => { started.then(() => analyse(event)); };

function analyse(event) {
  const { type, seq, text, rules } = event.data || {};
  if (type !== 'analyse') return;
  if (!ready) {
    postMessage({ type: 'error', seq, fatal: true, message: 'Sourcelight could not start its analyser.' });
    return;
  }
  panicMessage = '';
  const t0 = performance.now();
  let r;
  try {
    r = analyzeForPage(text, typeof rules === 'string' ? rules : undefined);
  } catch (err) {
    // After a trap the module's state cannot be trusted: the page starts a
    // fresh worker. Any other error (the size check) leaves it usable.
    const fatal = err instanceof WebAssembly.RuntimeError;
    if (fatal) ready = false;
    postMessage({ type: 'error', seq, fatal, message: describe(err, 'reading the text') });
    return;
  }
  const ms = performance.now() - t0;
  const { details, marks, blocks } = r;
  const transfer = [marks.start, marks.end, marks.kind, marks.rule, marks.speaker, blocks]
    .map((a) => a.buffer);
  postMessage({
    type: 'result',
    seq,
    ms,
    version: r.version,
    offsets: r.offsets,
    length: r.length,
    kinds: r.kinds,
    rules: r.rules,
    marks,
    blocks,
    summary: r.summary,
    detailsTotal: details.length,
    details: details.slice(0, FIRST_BATCH),
  }, transfer);
  for (let from = FIRST_BATCH; from < details.length; from += DETAIL_BATCH) {
    postMessage({ type: 'details', seq, from, items: details.slice(from, from + DETAIL_BATCH) });
  }
}
