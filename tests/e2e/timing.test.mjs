// Timings, printed as figures (not pass/fail): load to first highlight;
// analyse + draw for a 50 KB and a 1 MB article made by repeating the sample,
// with the longest task the page's main thread ran meanwhile; main-thread work
// per keystroke typing into a 50 KB article; and how soon a 3 MB paste is
// refused. Also written to target/e2e-timings.json.
//
// Main-thread work is measured three ways: a Chromium trace (every task on the
// page's main thread, whatever ran it: the figures that count), the
// PerformanceObserver 'longtask' entries (they only report tasks over 50 ms, so
// 0 means none), and the page's own 'sl-main' User Timing entries (its own
// scripts only, without the browser's style and layout work after them).
// The only assertions are ones that do not depend on the machine's speed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ROOT, currentRun, launch, mainThreadTasks, maxInputBytes, openPage, setText, startServer,
  waitForRunInPage,
} from './harness.mjs';

let server;
let browser;
const figures = {};
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await mkdir(path.join(ROOT, 'target'), { recursive: true });
  await writeFile(path.join(ROOT, 'target', 'e2e-timings.json'), JSON.stringify(figures, null, 2));
  console.log('\nTimings (ms, this machine, headless Chromium):');
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(58)} ${value}`);
});

const round = (x) => Math.round(x * 10) / 10;
const longest = (tasks, key = 'dur') => tasks.reduce((m, t) => Math.max(m, t[key]), 0);
const total = (tasks, key = 'dur') => tasks.reduce((s, t) => s + t[key], 0);

/** The sample repeated to about `bytes` UTF-8 bytes. */
function articleOf(sample, bytes) {
  let text = '';
  while (Buffer.byteLength(text) + Buffer.byteLength(sample) + 2 <= bytes) text += `${sample}\n\n`;
  return text;
}

/** Starts the page's 'longtask' observer. */
function observeLongTasks(page) {
  return page.evaluate(() => {
    window.__longTasks = [];
    const take = (list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); };
    const observer = new PerformanceObserver(take);
    observer.observe({ type: 'longtask' });
    // Entries arrive some time after the task: collect the late ones too.
    window.__takeLongTasks = () => {
      for (const e of observer.takeRecords()) window.__longTasks.push(e.duration);
      return window.__longTasks;
    };
  });
}

/** Counts wasm compilations on the main thread (the page must make none). */
async function countWasmCompiles(page) {
  await page.addInitScript(() => {
    window.__wasmCompiles = 0;
    for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
      const f = WebAssembly[name];
      WebAssembly[name] = function (...args) { window.__wasmCompiles++; return f.apply(this, args); };
    }
    const M = WebAssembly.Module;
    WebAssembly.Module = function (...args) { window.__wasmCompiles++; return new M(...args); };
  });
}

test('load to first highlight', async () => {
  const { context, page } = await openPage(browser, server.url);
  const t = await page.evaluate(() => ({
    first: performance.getEntriesByName('sl-first-highlight')[0]?.startTime,
    wasm: performance.getEntriesByName('sl-wasm-ready')[0]?.startTime,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  assert.ok(t.first > 0);
  figures['load to DOMContentLoaded'] = round(t.dcl);
  figures['load to worker ready (wasm decoded + compiled in it)'] = round(t.wasm);
  figures['load to first highlight'] = round(t.first);
  await context.close();
});

for (const [label, bytes] of [['50 KB', 50_000], ['1 MB', 1_000_000]]) {
  test(`analyse + draw, ${label}`, async () => {
    const { context: ctx, page } = await openPage(browser, server.url, {}, countWasmCompiles);
    const compiles = await page.evaluate(() => window.__wasmCompiles);
    const sample = await page.inputValue('#sl-input');
    const text = articleOf(sample, bytes);
    // (This compiles the module once on the main thread, for the test only.)
    assert.ok(Buffer.byteLength(text) <= await maxInputBytes(page), `${label} is within maxInputBytes`);
    const testCompiles = await page.evaluate(() => window.__wasmCompiles);

    await observeLongTasks(page);
    await page.evaluate(() => { performance.clearMeasures(); });
    const tasks = await mainThreadTasks(browser, page, async () => {
      await setText(page, text, 120_000);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    });
    const t = await page.evaluate(() => {
      const render = performance.getEntriesByName('sl-render').at(-1);
      const analyse = performance.getEntriesByName('sl-analyse').at(-1);
      const own = performance.getEntriesByName('sl-main').map((e) => e.duration);
      return {
        inputToDone: render.startTime + render.duration - window.__inputAt,
        roundTrip: analyse.duration,
        worker: analyse.detail.workerMs,
        render: render.duration,
        slices: render.detail.slices,
        marks: document.querySelectorAll('#sl-article mark.sl-mark').length,
        longTasks: window.__takeLongTasks(),
        ownLongest: Math.max(0, ...own),
      };
    });
    figures[`${label}: analysis in the worker`] = round(t.worker);
    figures[`${label}: sent to result received`] = round(t.roundTrip);
    figures[`${label}: result received to fully drawn (${t.slices} slices)`] = round(t.render);
    figures[`${label}: input event to fully drawn`] = round(t.inputToDone);
    figures[`${label}: longest main-thread task, paste to drawn (trace: wall / CPU)`] = `${round(longest(tasks))} / ${round(longest(tasks, 'cpu'))}`;
    // From the moment the text goes to the worker: the analysis and the
    // drawing, without the browser's layout of the new text in the text box.
    const sent = tasks.marks.filter((m) => m.name === 'sl-send').at(-1).ts;
    const after = tasks.filter((x) => x.ts + x.dur > sent);
    figures[`${label}: longest main-thread task, sent to worker to drawn (trace: wall / CPU)`] = `${round(longest(after))} / ${round(longest(after, 'cpu'))}`;
    figures[`${label}: long tasks over 50 ms (longtask observer)`] = t.longTasks.length
      ? t.longTasks.map(round).join(', ') : 'none';
    figures[`${label}: longest piece of the page's own script`] = round(t.ownLongest);
    figures[`${label}: bytes / marks`] = `${Buffer.byteLength(text)} / ${t.marks}`;
    assert.equal(await page.evaluate(() => document.getElementById('sl-article').textContent.length), text.length);
    // The main thread never analyses: no wasm is compiled there at all.
    assert.equal(compiles, 0, 'the page compiles no wasm on its main thread');
    assert.equal(await page.evaluate(() => window.__wasmCompiles), testCompiles, 'nor while analysing');
    if (bytes > 64 * 1024) assert.ok(t.slices > 1, 'a long article is drawn in slices');

    if (bytes === 1_000_000) {
      // The browser's own share: the same text put in the box with no input
      // event, so nothing is analysed or drawn.
      await setText(page, '');
      const alone = await mainThreadTasks(browser, page, async () => {
        await page.evaluate((s) => {
          document.getElementById('sl-input').value = s;
          return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200)));
        }, text);
      });
      figures['1 MB: longest task putting it in the text box alone, no analysis (wall / CPU)'] = `${round(longest(alone))} / ${round(longest(alone, 'cpu'))}`;
    }
    await ctx.close();
  });
}

/** Main-thread CPU time per keystroke: the tasks between one 'sl-key' mark
 *  and the next (or the end), summed. */
function perKey(tasks) {
  const keys = tasks.marks.filter((m) => m.name === 'sl-key').map((m) => m.ts);
  return keys.map((ts, i) => total(tasks.filter((t) => t.ts >= ts
    && (i + 1 === keys.length || t.ts < keys[i + 1])), 'cpu'));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('typing into a 50 KB article', async () => {
  const { context, page } = await openPage(browser, server.url);
  const sample = await page.inputValue('#sl-input');
  const text = articleOf(sample, 50_000);
  await setText(page, text);
  // The caret in the middle of a paragraph half way down.
  await page.evaluate(() => {
    const input = document.getElementById('sl-input');
    const at = input.value.indexOf(' ', Math.floor(input.value.length / 2));
    input.focus();
    input.setSelectionRange(at, at);
  });
  const typed = 'it may be so ';

  // The browser alone: the same keystrokes with the page's input handler
  // kept from running (the event stops at the window), so nothing is
  // analysed or drawn, waiting as long as a keystroke took below.
  await page.evaluate(() => {
    window.__mute = (e) => e.stopPropagation();
    window.addEventListener('input', window.__mute, true);
  });
  const alone = await mainThreadTasks(browser, page, async () => {
    for (const ch of typed) {
      await page.evaluate(() => performance.mark('sl-key'));
      await page.keyboard.type(ch);
      await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r()), 80)));
    }
    await page.evaluate(() => performance.mark('sl-key'));
  });
  await page.evaluate(() => window.removeEventListener('input', window.__mute, true));
  for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
  await page.waitForTimeout(300);

  await page.evaluate(() => performance.clearMeasures());
  let redrawn = 0;
  const tasks = await mainThreadTasks(browser, page, async () => {
    for (const ch of typed) {
      const run = await currentRun(page);
      await page.evaluate(() => performance.mark('sl-key'));
      await page.keyboard.type(ch);
      await waitForRunInPage(page, run);
      redrawn++;
    }
    await page.evaluate(() => performance.mark('sl-key'));
  });
  const own = await page.evaluate(() => performance.getEntriesByName('sl-main')
    .reduce((s, e) => s + e.duration, 0));
  const blocks = await page.locator('#sl-article .sl-block').count();
  const keys = perKey(tasks).slice(0, typed.length);
  const keysAlone = perKey(alone).slice(0, typed.length);
  figures['typing at 50 KB: main-thread CPU ms per keystroke, median / max (trace, all tasks)'] = `${round(median(keys))} / ${round(Math.max(...keys))}`;
  figures['typing at 50 KB: same keystrokes, browser alone, median / max (trace)'] = `${round(median(keysAlone))} / ${round(Math.max(...keysAlone))}`;
  figures["typing at 50 KB: Sourcelight's share per keystroke (difference of medians)"] = round(median(keys) - median(keysAlone));
  figures["typing at 50 KB: page's own script per keystroke (wall)"] = round(own / typed.length);
  figures['typing at 50 KB: longest main-thread task (trace: wall / CPU)'] = `${round(longest(tasks))} / ${round(longest(tasks, 'cpu'))}`;
  figures['typing at 50 KB: keystrokes / redraws / paragraph blocks'] = `${typed.length} / ${redrawn} / ${blocks}`;
  assert.equal(await page.textContent('#sl-article'), await page.inputValue('#sl-input'));
  await context.close();
});

test('a 3 MB paste is refused before any analysis', async () => {
  const { context, page } = await openPage(browser, server.url);
  const max = await maxInputBytes(page);
  const before = await page.textContent('#sl-article');
  const boxBefore = await page.inputValue('#sl-input');
  const big = 'word '.repeat(Math.ceil((3 * 1024 * 1024) / 5));

  // A real paste (Ctrl+V from the clipboard): refused in the paste event,
  // so the text box never holds it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.focus('#sl-input');
  await page.evaluate((t) => navigator.clipboard.writeText(t), big);
  await page.evaluate(() => {
    window.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true, once: true });
    window.__frameAfterRefusal = new Promise((resolve) => {
      new PerformanceObserver((list, obs) => {
        if (!list.getEntries().some((e) => e.name === 'sl-refused')) return;
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      }).observe({ type: 'mark' });
    });
  });
  await page.keyboard.press('Control+V');
  const paste = await page.evaluate(async () => {
    const frame = await window.__frameAfterRefusal;
    const refused = performance.getEntriesByName('sl-refused').at(-1);
    return {
      handler: performance.getEntriesByName('sl-main').filter((e) => e.detail === 'paste').at(-1).duration,
      message: refused.startTime - window.__keyAt,
      frame: frame - window.__keyAt,
      error: document.getElementById('sl-error').textContent,
    };
  });
  figures['3 MB paste (Ctrl+V): key press to size message set'] = round(paste.message);
  figures['3 MB paste (Ctrl+V): of which the page\'s paste handler'] = round(paste.handler);
  figures['3 MB paste (Ctrl+V): key press to the next frame (message on screen)'] = round(paste.frame);
  assert.match(paste.error, /MB/, 'the size message shows');
  assert.equal(await page.inputValue('#sl-input'), boxBefore, 'the text box keeps its text');

  // Text that arrives some other way (here a script; also drag and drop):
  // refused in the input event, before anything is sent to the worker. The
  // browser lays out the text in the box first: its own cost, measured alone
  // too.
  const put = (t, fire) => page.evaluate(([text, withEvent]) => new Promise((resolve) => {
    const input = document.getElementById('sl-input');
    input.value = text;
    const at = performance.now();
    if (withEvent) input.dispatchEvent(new Event('input', { bubbles: true }));
    const handled = performance.now();
    requestAnimationFrame(() => setTimeout(() => resolve({
      handler: handled - at,
      frame: performance.now() - at,
      message: document.getElementById('sl-error').textContent,
    }), 0));
  }), [t, fire]);
  const t = await put(big, true);
  figures['3 MB by input event: to size message set (page handler)'] = round(t.handler);
  figures['3 MB by input event: to the next frame'] = round(t.frame);
  assert.match(t.message, /MB/, 'the size message shows at once');
  await page.waitForTimeout(500);
  assert.equal(await page.textContent('#sl-article'), before, 'the previous article stays');
  assert.ok(!(await page.evaluate((m) => performance.getEntriesByName('sl-send')
    .some((e) => e.detail.length > m), max)), 'nothing that long was ever sent to the worker');

  await page.evaluate(() => { document.getElementById('sl-input').value = ''; });
  await page.waitForTimeout(200);
  const alone = await put(`${big} `, false);
  figures['3 MB put in the text box with no input event: to the next frame (browser alone)'] = round(alone.frame);
  await context.close();
});
