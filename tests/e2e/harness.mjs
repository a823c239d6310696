// Shared by the page tests: a static server for www/, headless Chromium
// (the system one: playwright-core downloads no browser), and small waits.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(ROOT, 'www');
export const DIST_HTML = path.join(ROOT, 'dist', 'sourcelight.html');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');
export const KINDS = ['quote', 'named', 'anonymous', 'vague', 'hedge'];

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** Serves www/ on 127.0.0.1 at a free port. */
export async function startServer() {
  try {
    await stat(path.join(WWW, 'pkg', 'sourcelight_wasm.js'));
  } catch {
    throw new Error('www/pkg is not built: run `make web` first');
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(WWW, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WWW)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh context and page; collects page errors and CSP violations.
 *  `prepare(page)`, if given, runs before the page loads (init scripts). */
export async function openPage(browser, url, options = {}, prepare = null) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    ...options,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  await page.addInitScript(() => {
    window.sourcelightTiming = true; // the page's own 'sl-main' timings (app.js)
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (prepare) await prepare(page);
  await page.goto(url);
  await waitForRender(page, 0);
  return { context, page, problems };
}

/** Waits until the article has finished drawing a run newer than `afterRun`. */
export async function waitForRender(page, afterRun, timeout = 30_000) {
  await page.waitForFunction((after) => {
    const el = document.getElementById('sl-article');
    return el.dataset.state === 'done' && Number(el.dataset.run || 0) > after;
  }, afterRun, { timeout });
  return currentRun(page);
}

export function currentRun(page) {
  return page.evaluate(() => Number(document.getElementById('sl-article').dataset.run || 0));
}

/** Replaces the text as a script would (one input event), then waits for it. */
export async function setText(page, text, timeout) {
  const run = await currentRun(page);
  await page.evaluate((t) => {
    const input = document.getElementById('sl-input');
    input.value = t;
    window.__inputAt = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  return waitForRender(page, run, timeout);
}

/** The counts the key shows, by kind. */
export function legendCounts(page) {
  return page.evaluate((kinds) => Object.fromEntries(kinds.map((k) => [
    k, Number(document.querySelector(`.sl-count[data-count="${k}"]`).textContent),
  ])), KINDS);
}

/** Distinct marks of each kind in the drawn article. */
export function domCounts(page) {
  return page.evaluate((kinds) => Object.fromEntries(kinds.map((k) => [
    k, new Set(Array.from(document.querySelectorAll(`#sl-article mark.sl-mark[data-kind="${k}"]`),
      (el) => el.dataset.mark)).size,
  ])), KINDS);
}

/** The analysis of the text box's current text, made in the page by the
 *  wasm module on its own (the page itself only analyses in its worker), so
 *  it checks what the page drew independently. */
export function analyseInPage(page) {
  return page.evaluate(async () => {
    const m = await import('./pkg/sourcelight.js');
    m.initSync({ module: await (await import('./pkg/sourcelight_wasm.js')).default });
    return m.analyze(document.getElementById('sl-input').value);
  });
}

/** maxInputBytes() of the wasm module, for the served page. */
export function maxInputBytes(page) {
  return page.evaluate(async () => {
    const m = await import('./pkg/sourcelight.js');
    m.initSync({ module: await (await import('./pkg/sourcelight_wasm.js')).default });
    return m.maxInputBytes();
  });
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/** An article that exercises every kind, for the paste tests. */
export const PASTED_ARTICLE = [
  'Harbour plan faces fresh delay',
  '',
  'The harbour authority could postpone its vote again, two people familiar with the negotiations said on Monday.',
  '',
  '“We are not going to rush this,” Jane Okafor, the authority’s chair, said. “The numbers may still move.”',
  '',
  'Critics say the plan was rushed. A senior official, who spoke on condition of anonymity, said the budget had reportedly doubled.',
  '',
  'According to the Port Authority, the terminal will open in 2027.',
].join('\n');

/** Waits, inside the page (no polling from here), until the article has
 *  finished drawing a run newer than `afterRun`. */
export function waitForRunInPage(page, afterRun, timeout = 30_000) {
  return page.evaluate(([after, ms]) => new Promise((resolve, reject) => {
    const el = document.getElementById('sl-article');
    const done = () => el.dataset.state === 'done' && Number(el.dataset.run || 0) > after;
    if (done()) { resolve(); return; }
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no new drawing')); }, ms);
    const obs = new MutationObserver(() => {
      if (done()) { obs.disconnect(); clearTimeout(timer); resolve(); }
    });
    obs.observe(el, { attributes: true, attributeFilter: ['data-state', 'data-run'] });
  }), [afterRun, timeout]);
}

/**
 * Runs `fn` while Chromium records a trace, and returns every task the page's
 * main thread ran meanwhile ({ ts, dur, cpu } in ms: start, wall-clock
 * duration, and the thread's CPU time, which other processes competing for
 * the machine's cores do not inflate), whatever ran it: our
 * scripts, the textarea's own editing, style, layout, paint, garbage
 * collection, the test's own calls into the page. The page's main thread is
 * found by a User Timing mark the page makes at the start; `.marks` lists
 * the User Timing marks ({ name, ts }) made on it meanwhile.
 */
export async function mainThreadTasks(browser, page, fn) {
  // Few categories: the devtools timeline ones slow the page down a lot.
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  let events;
  try {
    await page.evaluate(() => performance.mark('sl-trace-probe'));
    await fn();
  } finally {
    events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  }
  const probe = events.find((e) => e.name === 'sl-trace-probe');
  if (!probe) throw new Error("cannot find the page's main thread in the trace");
  const main = events.filter((e) => e.pid === probe.pid && e.tid === probe.tid);
  const tasks = main
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X')
    .map((e) => ({ ts: e.ts / 1000, dur: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
  if (!tasks.length) throw new Error('the trace has no main-thread tasks');
  // The page's User Timing marks, on the same clock, to split the tasks by.
  tasks.marks = main.filter((e) => e.cat === 'blink.user_timing' && e.ph !== 'X')
    .map((e) => ({ name: e.name, ts: e.ts / 1000 }));
  return tasks;
}

let axeSource;
/** axe-core's serious and critical violations on the page, one line each.
 *  The page's CSP forbids inline scripts; Playwright's script tag bypasses it
 *  for axe only. */
export async function seriousViolations(page) {
  axeSource ??= await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
}
