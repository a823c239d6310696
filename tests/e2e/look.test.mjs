// Accessibility (axe-core) in the light and dark themes, and the screenshots
// in target/screenshots/ that a person looks at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshotPath, seriousViolations, startServer } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Selects the first quote that has a speaker, so the details panel is full. */
async function selectAQuote(page) {
  await page.evaluate(() => {
    const marks = Array.from(document.querySelectorAll('#sl-article mark.sl-mark[data-kind="quote"]'));
    (marks[1] || marks[0])?.click();
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}


for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violations, ${scheme} theme`, async () => {
    const { context, page } = await openPage(browser, server.url, { colorScheme: scheme, bypassCSP: true });
    await selectAQuote(page);
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });
}

test('the theme button overrides the system theme, and axe still passes', async () => {
  const { context, page } = await openPage(browser, server.url, { colorScheme: 'light', bypassCSP: true });
  await page.click('#sl-theme');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('#sl-theme', 'aria-pressed'), 'true');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 28)');
  assert.deepEqual(await seriousViolations(page), []);
  await context.close();
});

test('screenshots: light, dark, print, phone', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await openPage(browser, server.url, { colorScheme: scheme });
    await selectAQuote(page);
    await page.screenshot({ path: screenshotPath(`${scheme}.png`), fullPage: true });
    await context.close();
  }
  {
    const { context, page } = await openPage(browser, server.url);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#sl-input'), false, 'print hides the text box');
    assert.equal(await page.isVisible('#sl-next'), false, 'print hides the buttons');
    assert.equal(await page.isVisible('#sl-article'), true);
    assert.equal(await page.isVisible('.sl-legend'), true);
    assert.equal(await page.isVisible('#sl-chart'), true);
    await page.screenshot({ path: screenshotPath('print.png'), fullPage: true });
    await context.close();
  }
  {
    const { context, page } = await openPage(browser, server.url,
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const quote = page.locator('#sl-article mark.sl-mark[data-kind="quote"]').first();
    await quote.scrollIntoViewIfNeeded();
    await quote.tap({ position: { x: 4, y: 6 } });
    assert.equal(await page.locator('#sl-article .sl-selected').count(), 1, 'a tap selects a mark');
    assert.ok(await page.isVisible('#sl-details .sl-details-kind'));
    await page.screenshot({ path: screenshotPath('phone.png') });
    await context.close();
  }
});
