// The page served over http: sample, rendering, paste, key, keyboard,
// inert markup, errors, and no network after load.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  KINDS, PASTED_ARTICLE, analyseInPage, currentRun, domCounts, launch, legendCounts,
  maxInputBytes, openPage, setText, startServer, waitForRender,
} from './harness.mjs';

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

test('loads with the sample and shows marks of every kind', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const text = await page.inputValue('#sl-input');
  assert.ok(text.length > 200, 'the text box starts with the sample article');
  const dom = await domCounts(page);
  const legend = await legendCounts(page);
  for (const kind of KINDS) {
    assert.ok(dom[kind] > 0, `the sample shows at least one ${kind} mark (got ${dom[kind]})`);
    assert.equal(legend[kind], dom[kind], `the key's ${kind} count matches the article`);
  }
  assert.match(await page.textContent('#sl-sentence'), /\S/, 'the profile has its sentence');
  const bars = await page.locator('#sl-chart rect').count();
  assert.ok(bars >= 7, 'the profile chart is drawn');
  assert.equal(await page.textContent('#sl-error'), '', 'no error is shown');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Checks the drawn article against the analysis, in the page. */
async function checkRendering(page) {
  const analysis = await analyseInPage(page);
  const result = await page.evaluate((marks) => {
    const container = document.getElementById('sl-article');
    const text = document.getElementById('sl-input').value;
    const errors = [];
    if (container.textContent !== text) errors.push('container.textContent differs from the text');
    const seen = new Map();
    for (const el of container.querySelectorAll('mark.sl-mark')) {
      const id = Number(el.dataset.mark);
      const m = marks[id];
      if (!m) { errors.push(`element for unknown mark ${id}`); continue; }
      seen.set(id, (seen.get(id) || '') + el.textContent);
      if (el.dataset.kind !== m.kind) errors.push(`mark ${id}: data-kind ${el.dataset.kind} != ${m.kind}`);
      if (el.dataset.rule !== m.rule) errors.push(`mark ${id}: data-rule ${el.dataset.rule} != ${m.rule}`);
      const outer = el.parentElement.closest('mark.sl-mark');
      if (outer) {
        const o = marks[Number(outer.dataset.mark)];
        if (!(o.start <= m.start && m.end <= o.end)) errors.push(`mark ${id} nested outside mark ${o.id}`);
      }
    }
    marks.forEach((m, id) => {
      if (m.id !== id) errors.push(`mark ${id} has id ${m.id}`);
      if (text.slice(m.start, m.end) !== m.text) errors.push(`mark ${id}: UTF-16 span does not slice its text`);
      if (seen.get(id) !== m.text) errors.push(`mark ${id}: element text ${JSON.stringify(seen.get(id))} != ${JSON.stringify(m.text)}`);
    });
    return { errors: errors.slice(0, 20), elements: container.querySelectorAll('mark.sl-mark').length };
  }, analysis.marks);
  assert.deepEqual(result.errors, []);
  assert.ok(result.elements >= analysis.marks.length);
  return analysis;
}

test('the drawn article is the text, and each mark element is its mark', async () => {
  const { context, page } = await openPage(browser, server.url);
  await checkRendering(page);
  await context.close();
});

test('a long article drawn in slices is still exactly the text', async () => {
  const { context, page } = await openPage(browser, server.url);
  const sample = await page.inputValue('#sl-input');
  // Emoji and other astral characters: UTF-16 offsets differ from code points.
  const text = Array.from({ length: 80 }, (_, i) => `Part ${i} \u{1F4F0}\n\n${sample}`).join('\n\n');
  await setText(page, text);
  const slices = Number(await page.getAttribute('#sl-article', 'data-slices'));
  assert.ok(slices > 1, `drawn in ${slices} slices`);
  const blocks = await page.locator('#sl-article > .sl-chunk > .sl-block').count();
  assert.ok(blocks > 80, `one block per paragraph (got ${blocks})`);
  const analysis = await checkRendering(page);
  assert.ok(analysis.marks.length > 80);
  await context.close();
});

test('one very long paragraph is drawn in slices too, and exactly', async () => {
  const { context, page } = await openPage(browser, server.url);
  // ~270 KB with no paragraph break: slices stop between top-level marks.
  const text = '“It could rain,” Okafor said. Officials said the bridge may reopen, according to the ministry. '.repeat(2800);
  await setText(page, text);
  const slices = Number(await page.getAttribute('#sl-article', 'data-slices'));
  assert.ok(slices > 1, `drawn in ${slices} slices`);
  assert.equal(await page.locator('#sl-article .sl-block').count(), 1);
  await checkRendering(page);
  await context.close();
});

test('an edit redraws only the paragraphs it changed, and stays exact', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = [
    'Jane Okafor, the authority’s chair, spoke to reporters on Monday.',
    '“We are not going to rush this,” she said.',
    'Critics say the plan was rushed.',
    'The vote could come next week, officials said.',
  ].join('\n\n');
  await setText(page, text);
  // Tag every drawn paragraph block, to see which survive the edit.
  const tag = () => page.evaluate(() => Array.from(document.querySelectorAll('#sl-article .sl-block'),
    (el) => { el.slTag ??= (window.slTags = (window.slTags || 0) + 1); return el.slTag; }));
  const before = await tag();
  assert.equal(before.length, 4, 'one block per paragraph');

  // Type in the third paragraph.
  const run = await currentRun(page);
  await page.evaluate(() => {
    const input = document.getElementById('sl-input');
    const at = input.value.indexOf('was rushed');
    input.focus();
    input.setSelectionRange(at, at);
  });
  await page.keyboard.type('may be ');
  await waitForRender(page, run);
  const after = await tag();
  assert.deepEqual([after[0], after[1], after[3]], [before[0], before[1], before[3]],
    'the other paragraphs keep their elements');
  assert.notEqual(after[2], before[2], 'the edited paragraph is drawn anew');
  const analysis = await checkRendering(page);
  assert.ok(analysis.marks.some((m) => m.kind === 'hedge' && m.text === 'may'), 'the new hedge is marked');

  // Renaming the source in the first paragraph changes who speaks the quote
  // in the second, whose own text and marks stay the same.
  const run2 = await currentRun(page);
  await page.evaluate(() => {
    const input = document.getElementById('sl-input');
    input.value = input.value.replace('Jane Okafor', 'Ada Obi');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await waitForRender(page, run2);
  const quote = (await checkRendering(page)).marks.find((m) => m.kind === 'quote');
  assert.equal(quote.speaker.text, 'Ada Obi');
  await page.$eval(`#sl-article mark[data-mark="${quote.id}"]`, (el) => el.click());
  const details = await page.textContent('#sl-details');
  assert.ok(details.includes('Ada Obi') && !details.includes('Okafor'), `details name the new speaker: ${details}`);
  await context.close();
});

test('a slow analysis superseded by newer text never draws over it', async () => {
  const { context, page } = await openPage(browser, server.url);
  const sample = await page.inputValue('#sl-input');
  let big = '';
  while (big.length < 1_000_000) big += `${sample}\n\n`;
  const run = await currentRun(page);
  // The long text goes to the worker; while it is being analysed, the box
  // gets a short text.
  await page.evaluate((t) => {
    const input = document.getElementById('sl-input');
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.waitForFunction((n) => performance.getEntriesByName('sl-send')
    .some((e) => e.detail.length === n), big.length);
  await page.evaluate((t) => {
    const input = document.getElementById('sl-input');
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, PASTED_ARTICLE);
  await waitForRender(page, run);
  assert.equal(await page.textContent('#sl-article'), PASTED_ARTICLE);
  // Long enough for the long analysis to have come back and been dropped.
  await page.waitForTimeout(2000);
  assert.equal(await page.textContent('#sl-article'), PASTED_ARTICLE, 'the old result was not drawn');
  assert.equal(await page.getAttribute('#sl-article', 'data-state'), 'done');
  await checkRendering(page);
  await context.close();
});

test('pasting an article updates the counts', async () => {
  const { context, page } = await openPage(browser, server.url);
  const before = await legendCounts(page);
  const run = await currentRun(page);
  await page.fill('#sl-input', '');
  await page.focus('#sl-input');
  await page.keyboard.insertText(PASTED_ARTICLE);
  await page.waitForFunction((t) => {
    const el = document.getElementById('sl-article');
    return el.dataset.state === 'done' && el.textContent === t;
  }, PASTED_ARTICLE);
  assert.ok(await currentRun(page) > run);
  const after = await legendCounts(page);
  const dom = await domCounts(page);
  const { summary } = await analyseInPage(page);
  assert.notDeepEqual(after, before, 'the counts changed');
  for (const kind of KINDS) {
    assert.equal(after[kind], summary.counts[kind], `${kind}: key shows the analysis count`);
    assert.equal(after[kind], dom[kind], `${kind}: key count matches the drawn marks`);
  }
  assert.ok(after.quote >= 2, 'the two quotes are counted');
  assert.ok(after.hedge >= 2, 'the hedges are counted');
  await context.close();
});

test('a toggle in the key hides that kind and only that kind', async () => {
  const { context, page } = await openPage(browser, server.url);
  const style = (kind) => page.evaluate((k) => {
    const el = document.querySelector(`#sl-article mark.sl-mark[data-kind="${k}"]`);
    const cs = getComputedStyle(el);
    return { line: cs.textDecorationLine, bg: cs.backgroundColor };
  }, kind);
  const shown = await style('hedge');
  assert.equal(shown.line, 'underline');
  await page.uncheck('.sl-legend input[data-kind="hedge"]');
  assert.ok(await page.evaluate(() => document.getElementById('sl-article').classList.contains('sl-hide-hedge')));
  const hidden = await style('hedge');
  assert.equal(hidden.line, 'none', 'hedge underline is gone');
  assert.equal(hidden.bg, 'rgba(0, 0, 0, 0)', 'hedge background is gone');
  assert.equal((await style('quote')).line, 'underline', 'quotes are still highlighted');
  // Navigation skips the hidden kind.
  await page.locator('h1').click();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('n');
    const kind = await page.evaluate(() => document.activeElement.dataset.kind);
    assert.notEqual(kind, 'hedge', 'n never lands on a hidden hedge');
  }
  await page.check('.sl-legend input[data-kind="hedge"]');
  assert.equal((await style('hedge')).line, 'underline', 'hedges are back');
  await context.close();
});

test('keyboard: n/p move between marks and the explanation follows', async () => {
  const { context, page } = await openPage(browser, server.url);
  const { marks } = await analyseInPage(page);
  assert.equal(await page.locator('#sl-article mark[tabindex="0"]').count(), 1, 'one mark is in the tab order');

  await page.locator('h1').click();
  await page.keyboard.press('n');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el && el.matches('mark.sl-mark') ? Number(el.dataset.mark) : null;
  });
  const first = await focused();
  assert.equal(first, 0, 'n focuses the first mark');
  const details = await page.textContent('#sl-details');
  const m = marks[first];
  for (const part of [m.why, m.rule, m.question]) {
    assert.ok(details.includes(part), `details show ${JSON.stringify(part)}`);
  }
  assert.ok(details.replace(/\s+/g, ' ').includes(m.text.replace(/\s+/g, ' ')), 'details show the marked text');
  assert.equal(await page.getAttribute('#sl-details', 'aria-live'), 'polite');

  await page.keyboard.press('n');
  assert.equal(await focused(), 1, 'n again: the next mark');
  await page.keyboard.press('p');
  assert.equal(await focused(), 0, 'p: back');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 1, 'arrow keys move too');
  assert.equal(await page.locator('#sl-article mark[tabindex="0"]').count(), 1, 'still one tab stop (roving)');

  // Tab from the Next button reaches the article at the selected mark.
  await page.focus('#sl-next');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 1, 'Tab lands on the selected mark');

  // A quote with a known speaker names them and outlines their attribution.
  const quote = marks.find((q) => q.kind === 'quote' && q.speaker && q.speaker.mark !== null);
  if (quote) {
    await page.$eval(`#sl-article mark[data-mark="${quote.id}"]`, (el) => el.click());
    assert.equal(await page.evaluate(() => Number(document.querySelector('#sl-article .sl-selected').dataset.mark)), quote.id);
    assert.ok((await page.textContent('#sl-details')).includes(quote.speaker.text), 'details name the speaker');
    const speakerMark = await page.evaluate(() => Number(document.querySelector('#sl-article .sl-speaker')?.dataset.mark));
    assert.equal(speakerMark, quote.speaker.mark, 'the speaker attribution is outlined');
  }

  // The buttons work too, and keep focus so they can be pressed again.
  await page.click('#sl-next');
  await page.click('#sl-next');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sl-next');
  assert.equal(await page.locator('#sl-article .sl-selected').count(), 1);
  await context.close();
});

test('a quote credited to a vague group shows the group, not a source', async () => {
  const { context, page } = await openPage(browser, server.url);
  await setText(page, 'Critics say the plan is “reckless and rushed”. Nobody else has spoken.');
  const { marks } = await analyseInPage(page);
  const quote = marks.find((m) => m.kind === 'quote');
  assert.equal(quote.speaker.kind, 'unknown');
  assert.equal(quote.speaker.text, 'Critics');
  await page.$eval(`#sl-article mark[data-mark="${quote.id}"]`, (el) => el.click());
  const details = (await page.textContent('#sl-details')).replace(/\s+/g, ' ');
  assert.ok(details.includes('Critics (an unnamed group: nobody in particular)'), details);
  await context.close();
});

test('pasted markup stays inert text', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const scriptsBefore = await page.locator('script').count();
  const evil = '“<img src=x onerror=alert(1)> is fine,” Okafor said. <script>alert(1)</script> '
    + 'Critics say <b>bold</b> <iframe src="javascript:alert(1)"></iframe> could be "<svg onload=alert(1)>".';
  await setText(page, evil);
  await page.waitForTimeout(300);
  assert.equal(dialogs, 0, 'no dialog opened');
  assert.equal(await page.locator('img, iframe, svg:not(#sl-chart), b').count(), 0, 'no element made from the text');
  assert.equal(await page.locator('script').count(), scriptsBefore, 'no script element added');
  assert.equal(await page.textContent('#sl-article'), evil, 'the text is shown as typed');
  await page.getByText('<script>alert(1)</script>').first().waitFor({ state: 'visible' });
  // The explanation panel shows the marked text as text too.
  await page.locator('h1').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('n');
  assert.equal(await page.locator('#sl-details img, #sl-details script, #sl-details svg').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('text over the size limit shows a clear error and keeps the last result', async () => {
  const { context, page } = await openPage(browser, server.url);
  const max = await maxInputBytes(page);
  const shownBefore = await page.textContent('#sl-article');
  const marksBefore = await page.locator('#sl-article mark').count();
  await page.evaluate((n) => {
    const input = document.getElementById('sl-input');
    input.value = 'word '.repeat(Math.ceil(n / 5) + 1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, max);
  await page.waitForFunction(() => document.getElementById('sl-error').textContent.trim() !== '');
  assert.ok(await page.isVisible('#sl-error'), 'the error is visible');
  const message = await page.textContent('#sl-error');
  assert.ok(message.length > 10, `a readable message: ${message}`);
  assert.equal(await page.textContent('#sl-article'), shownBefore, 'the previous result stays');
  assert.equal(await page.locator('#sl-article mark').count(), marksBefore);
  // And the page keeps working.
  await setText(page, PASTED_ARTICLE);
  assert.equal(await page.textContent('#sl-error'), '', 'the error clears');
  assert.ok(!(await page.isVisible('#sl-error')));
  assert.equal(await page.textContent('#sl-article'), PASTED_ARTICLE);
  await context.close();
});

test('after an internal error in the worker, the page says so and keeps working', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const [worker] = page.workers();
  // What the worker posts when the wasm panics (src/wasm.rs, www/worker.js),
  // for the text on screen.
  await worker.evaluate((seq) => postMessage({
    type: 'error', seq, fatal: true, message: 'Sourcelight hit an internal error (test).',
  }), await page.evaluate(() => performance.getEntriesByName('sl-send').at(-1).detail.seq));
  await page.waitForFunction(() => document.getElementById('sl-error').textContent.includes('internal error'));
  // A fresh worker takes over; the next edit is analysed as usual.
  await page.waitForFunction(() => performance.getEntriesByName('sl-wasm-ready').length === 2);
  await setText(page, PASTED_ARTICLE);
  assert.equal(await page.textContent('#sl-error'), '', 'the message clears');
  assert.equal(await page.textContent('#sl-article'), PASTED_ARTICLE);
  assert.equal(page.workers().length, 1, 'the old worker was ended');
  assert.deepEqual(problems.filter((m) => !m.includes('internal error (test)')), []);
  await context.close();
});

test('no network request after load', async () => {
  const { context, page } = await openPage(browser, server.url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await setText(page, PASTED_ARTICLE);
  await page.uncheck('.sl-legend input[data-kind="quote"]');
  await page.check('.sl-legend input[data-kind="quote"]');
  await page.locator('h1').click();
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.click('#sl-theme');
  await page.click('#sl-sample');
  await waitForRender(page, await currentRun(page) - 1);
  await page.waitForTimeout(500);
  assert.deepEqual(requests, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  // The analysis worker (a blob: worker) inherits the page's policy: it
  // could not fetch even if it tried, not even from the page's own server.
  const [worker] = page.workers();
  assert.ok(worker, 'the analysis runs in a worker');
  const fetched = await worker.evaluate((url) => fetch(url).then(() => 'fetched', (e) => e.name), server.url);
  assert.equal(fetched, 'TypeError', 'the worker cannot fetch');
  await context.close();
});

test('the last text comes back on the next visit; Clear forgets it', async () => {
  const { context, page } = await openPage(browser, server.url);
  await setText(page, PASTED_ARTICLE);
  await page.waitForTimeout(200);
  await page.reload();
  await waitForRender(page, 0);
  assert.equal(await page.inputValue('#sl-input'), PASTED_ARTICLE);
  const before = await currentRun(page);
  await page.click('#sl-clear');
  assert.equal(await page.inputValue('#sl-input'), '');
  // The empty text is analysed like any other, in the worker: wait for its
  // drawing (on a loaded machine it can land after the click returns).
  await waitForRender(page, before);
  assert.equal(await page.locator('#sl-article mark').count(), 0);
  await page.reload();
  await waitForRender(page, 0);
  assert.ok((await page.inputValue('#sl-input')).length > 200, 'after Clear, the next visit starts with the sample');
  await context.close();
});
