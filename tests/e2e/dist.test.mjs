// dist/sourcelight.html: one file that works from file:// with no server and
// still fetches nothing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DIST_HTML, KINDS, PASTED_ARTICLE, domCounts, launch, openPage, setText } from './harness.mjs';

let browser;
before(async () => {
  await stat(DIST_HTML).catch(() => { throw new Error('dist/sourcelight.html is missing: run `make dist`'); });
  browser = await launch();
});
after(async () => { await browser?.close(); });

test('dist/sourcelight.html works from file:// and fetches nothing', async () => {
  const url = pathToFileURL(DIST_HTML).href;
  const { context, page, problems } = await openPage(browser, url);
  const dom = await domCounts(page);
  assert.ok(KINDS.some((k) => dom[k] > 0), 'marks appear');
  assert.equal(await page.textContent('#sl-article'), await page.inputValue('#sl-input'));
  assert.equal(await page.locator('link[rel="stylesheet"], script[src]').count(), 0, 'nothing external');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /'self'|unsafe-inline/);

  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await setText(page, PASTED_ARTICLE);
  const after = await domCounts(page);
  assert.ok(after.quote >= 2 && after.hedge >= 2, 'pasted text is analysed');
  await page.locator('h1').click();
  await page.keyboard.press('n');
  assert.match(await page.textContent('#sl-details'), /Ask yourself/);
  assert.deepEqual(requests, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
