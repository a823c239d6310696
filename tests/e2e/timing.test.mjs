// Timings, printed as figures (not pass/fail): load to first highlight, and
// analyse + render for a 50 KB and a 1 MB article made by repeating the sample.
// Also written to target/e2e-timings.json.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launch, openPage, setText, startServer } from './harness.mjs';

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
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(34)} ${value}`);
});

const round = (x) => Math.round(x * 10) / 10;

test('load to first highlight', async () => {
  const { context, page } = await openPage(browser, server.url);
  const t = await page.evaluate(() => ({
    first: performance.getEntriesByName('sl-first-highlight')[0]?.startTime,
    wasm: performance.getEntriesByName('sl-wasm-ready')[0]?.startTime,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  assert.ok(t.first > 0);
  figures['load to wasm ready (decode+compile)'] = round(t.wasm);
  figures['load to first highlight'] = round(t.first);
  figures['load to DOMContentLoaded'] = round(t.dcl);
  await context.close();
});

for (const [label, bytes] of [['50 KB', 50_000], ['1 MB', 1_000_000]]) {
  test(`analyse + render, ${label}`, async () => {
    const { context, page } = await openPage(browser, server.url);
    const sample = await page.inputValue('#sl-input');
    let text = '';
    while (Buffer.byteLength(text) + Buffer.byteLength(sample) + 2 <= bytes) text += `${sample}\n\n`;
    const max = await page.evaluate(async () => (await import('./pkg/sourcelight.js')).maxInputBytes());
    assert.ok(Buffer.byteLength(text) <= max, `${label} is within maxInputBytes (${max})`);

    await page.evaluate(() => {
      performance.clearMeasures();
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await setText(page, text, 120_000);
    const t = await page.evaluate(() => ({
      inputToDone: (() => {
        const r = performance.getEntriesByName('sl-render').at(-1);
        return r.startTime + r.duration - window.__inputAt;
      })(),
      analyse: performance.getEntriesByName('sl-analyse').at(-1).duration,
      render: performance.getEntriesByName('sl-render').at(-1).duration,
      marks: document.querySelectorAll('#sl-article mark.sl-mark').length,
      longest: window.__longest,
    }));
    figures[`${label}: analyse`] = round(t.analyse);
    figures[`${label}: render (sliced)`] = round(t.render);
    figures[`${label}: input event to fully drawn`] = round(t.inputToDone);
    figures[`${label}: longest main-thread task`] = round(t.longest);
    figures[`${label}: bytes / marks`] = `${Buffer.byteLength(text)} / ${t.marks}`;
    assert.equal(await page.evaluate(() => document.getElementById('sl-article').textContent.length), text.length);
    await context.close();
  });
}
