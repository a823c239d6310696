// "Your phrases": a teacher's own rules (docs/custom-rules.md) in the
// classroom bar, in Chromium: a refused list changes nothing, a good one marks
// the article and is kept, a share link carries it, and axe finds nothing
// serious with the panel open. See www/classroom.js and www/app.js.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  PASTED_ARTICLE, currentRun, launch, openPage, screenshotPath, seriousViolations, setText, startServer, waitForRender,
} from './harness.mjs';
import { crc32, toBase64url } from '../../www/share.js';

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

const ARTICLE = `${PASTED_ARTICLE}\n\nA person briefed on the talks said the vote had slipped.`;
const RULE = 'anonymous: a person briefed on';
const CUSTOM = /Custom rule \(your teacher's list\)/;

/** What the article shows: every mark's kind and text, in order. */
function drawnMarks(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#sl-article mark.sl-mark'),
    (el) => `${el.dataset.kind}:${el.dataset.mark}:${el.textContent}`));
}

async function openRules(page) {
  if (await page.isHidden('#sl-rules')) await page.click('#sl-rules-open');
  await page.waitForSelector('#sl-rules-input');
}

/** Types a list into the panel and applies it; waits for the panel's answer. */
async function applyRules(page, list) {
  await openRules(page);
  await page.fill('#sl-rules-input', list);
  await page.click('#sl-rules-apply');
  await page.waitForFunction(() => !document.getElementById('sl-rules-apply').disabled);
}

function customMark(page) {
  return page.locator('#sl-article mark.sl-mark[data-kind="anonymous"]', { hasText: 'A person briefed on' }).first();
}


test('a refused list is explained beside the box and changes nothing', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await setText(page, ARTICLE);
  const before = await drawnMarks(page);
  const run = await currentRun(page);
  await applyRules(page, 'hedge: /(/');

  const message = await page.textContent('#sl-rules-error');
  assert.match(message, /^Your phrases, line 1: /);
  assert.equal(await page.getAttribute('#sl-rules-error', 'role'), 'alert');
  assert.deepEqual((await page.getAttribute('#sl-rules-input', 'aria-describedby')).split(' '), ['sl-rules-help', 'sl-rules-error']);
  assert.equal(await page.getAttribute('#sl-rules-input', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#sl-error'), '', 'not in the page’s error box');
  assert.equal(await currentRun(page), run, 'nothing was drawn again');
  assert.deepEqual(await drawnMarks(page), before, 'the marks are as they were');
  assert.equal(await page.evaluate(() => localStorage.getItem('sourcelight.rules')), null, 'nothing kept');

  // The page still analyses with the rules it had (none).
  await setText(page, `${ARTICLE} Critics say so.`);
  assert.equal(await page.textContent('#sl-error'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phrase of the teacher’s own marks the article, says it is custom, and is kept', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await setText(page, ARTICLE);
  // Sourcelight's own explanation of these words (if it marks them) is not the teacher's.
  if (await customMark(page).count()) {
    await customMark(page).click();
    assert.doesNotMatch(await page.textContent('#sl-details'), CUSTOM);
  }
  const run = await currentRun(page);
  await applyRules(page, `# our class\n${RULE}`);
  await waitForRender(page, run);
  assert.equal(await page.textContent('#sl-rules-error'), '');
  assert.match(await page.textContent('#sl-rules-status'), /In use: 1 phrase\./);
  await customMark(page).click();
  assert.match(await page.textContent('#sl-details'), CUSTOM);
  assert.match(await page.textContent('#sl-details'), /Rule: custom\/anonymous\/2/);
  assert.equal(await page.evaluate(() => localStorage.getItem('sourcelight.rules')), `# our class\n${RULE}`);

  // A later refused list keeps these rules and their marks.
  const marks = await drawnMarks(page);
  await applyRules(page, `${RULE}\nquote: "x"`);
  assert.match(await page.textContent('#sl-rules-error'), /^Your phrases, line 2: /);
  assert.deepEqual(await drawnMarks(page), marks);
  // ...and every analysis uses them, after a reload too.
  await page.reload();
  await waitForRender(page, 0);
  await page.waitForFunction(() => document.querySelector('#sl-article mark.sl-mark[data-kind="anonymous"]')
    && document.getElementById('sl-input').value.includes('A person briefed on'));
  assert.equal(await customMark(page).count(), 1);
  await openRules(page);
  assert.equal(await page.inputValue('#sl-rules-input'), `# our class\n${RULE}`);
  assert.equal(await page.textContent('#sl-rules-error'), '');

  await setText(page, `${ARTICLE}\n\nA person briefed on the budget agreed.`);
  assert.equal(await page.locator('#sl-article mark.sl-mark[data-kind="anonymous"]', { hasText: 'A person briefed on' }).count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a share link carries the phrases; opening it applies them', async () => {
  const { context, page } = await openPage(browser, server.url);
  await setText(page, ARTICLE);
  const run = await currentRun(page);
  await applyRules(page, RULE);
  await waitForRender(page, run);
  await page.click('#sl-share-open');
  await page.uncheck('#sl-share-hidden'); // open on the highlights, not the exercise
  await page.click('#sl-share-make');
  const link = await page.inputValue('#sl-share-link');
  assert.match(link, /#sl2\.[0-9a-f]{8}\./);
  await context.close();

  // A fresh browser: nothing kept, the link alone.
  const other = await openPage(browser, link);
  await other.page.waitForFunction((rule) => localStorage.getItem('sourcelight.rules') === rule, RULE);
  await customMark(other.page).waitFor();
  await customMark(other.page).click();
  assert.match(await other.page.textContent('#sl-details'), CUSTOM);
  await openRules(other.page);
  assert.equal(await other.page.inputValue('#sl-rules-input'), RULE);
  assert.deepEqual(other.problems, []);
  await other.context.close();

  // A link made before links carried phrases (version 1) still opens, and
  // leaves the phrases in use alone.
  const json = new TextEncoder().encode(JSON.stringify({ text: ARTICLE, kinds: ['hedge'], hidden: false }));
  const packed = new Uint8Array(await new Response(new Blob([json]).stream()
    .pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  const old = await openPage(browser, `${server.url}#sl1.${crc32(json)}.${toBase64url(packed)}`);
  await old.page.waitForFunction((t) => document.getElementById('sl-article').textContent === t, ARTICLE);
  assert.equal(await old.page.textContent('#sl-error'), '');
  assert.equal(await old.page.evaluate(() => localStorage.getItem('sourcelight.rules')), null);
  assert.deepEqual(old.problems, []);
  await old.context.close();
});

test('axe: no serious or critical violation with the panel open, message shown or not', async () => {
  for (const scheme of ['light', 'dark']) {
  const { context, page } = await openPage(browser, server.url, { colorScheme: scheme, bypassCSP: true });
  await openRules(page);
  assert.deepEqual(await seriousViolations(page), [], scheme);
  await applyRules(page, 'hedge: /(/');
  assert.ok((await page.textContent('#sl-rules-error')).length > 0);
  assert.deepEqual(await seriousViolations(page), [], `${scheme}, with the message`);
  await page.screenshot({ path: screenshotPath(`rules-panel-${scheme}.png`) });
  await context.close();
  }
});
