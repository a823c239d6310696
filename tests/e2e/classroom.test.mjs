// The classroom features in Chromium: exercise mode (mouse, keyboard and
// touch), compare, saving across a reload, share links (served and from
// file://), the downloaded exercise page, CSV/JSON files and the teacher's
// view of students' files, the printed sheets (PDF, first pages as PNG), axe
// and screenshots. See www/classroom.js.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DIST_HTML, PASTED_ARTICLE, ROOT, launch, openPage, screenshotPath, seriousViolations, setText, startServer,
} from './harness.mjs';

let server;
let browser;
const TMP = path.join(ROOT, 'target', 'e2e-classroom');
before(async () => {
  server = await startServer();
  browser = await launch();
  await rm(TMP, { recursive: true, force: true });
  await mkdir(TMP, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Selects the `nth` occurrence of `needle` in the exercise article. */
async function selectInExercise(page, needle, nth = 0) {
  await page.evaluate(({ needle, nth }) => {
    const el = document.getElementById('sl-ex-article');
    const text = el.textContent;
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`not in the article: ${needle}`);
    const at = (off) => {
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (off <= n.data.length) return [n, off];
        off -= n.data.length;
      }
      throw new Error('offset past the end');
    };
    const r = document.createRange();
    r.setStart(...at(i));
    r.setEnd(...at(i + needle.length));
    el.focus();
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  }, { needle, nth });
}

/** The student's marks as [kind, text]. */
function answers(page) {
  return page.evaluate(() => {
    const byId = new Map();
    for (const el of document.querySelectorAll('#sl-ex-article mark.sl-answer')) {
      const id = el.dataset.answer;
      const prev = byId.get(id);
      byId.set(id, [el.dataset.kind, (prev ? prev[1] : '') + el.textContent]);
    }
    return [...byId.values()];
  });
}

async function startExercise(page) {
  await page.click('#sl-ex-start');
  await page.waitForSelector('#sl-exercise:not([hidden]) #sl-ex-article');
}


test('exercise: plain article, mark by mouse and keyboard, change, remove, reload, compare, start again', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const text = await page.inputValue('#sl-input');
  await startExercise(page);

  // Nothing gives the answers away.
  for (const sel of ['#sl-article', '.sl-legend', '#sl-chart', '#sl-sentence', '#sl-details', '#sl-classroom']) {
    assert.equal(await page.isVisible(sel), false, `${sel} is hidden in the exercise`);
  }
  assert.equal(await page.textContent('#sl-ex-article'), text, 'the article is all there, plain');
  assert.equal(await page.locator('#sl-ex-article mark, #sl-ex-article .sl-tool').count(), 0, 'no marks yet');
  assert.equal(await page.isVisible('#sl-compare'), false);

  // Mouse: drag across "Critics say", then the button.
  const box = await page.evaluate(() => {
    const el = document.getElementById('sl-ex-article');
    const n = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    const i = n.data.indexOf('Critics say');
    const r = document.createRange();
    r.setStart(n, i); r.setEnd(n, i + 'Critics say'.length);
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rects = r.getClientRects();
    const a = rects[0]; const b = rects[rects.length - 1];
    return { x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2 };
  });
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move(box.x1, box.y1, { steps: 5 });
  await page.mouse.up();
  await page.click('button[data-tag="vague"]');
  assert.deepEqual(await answers(page), [['vague', 'Critics say']]);

  // Keyboard: caret before "Two engineers", Shift+ArrowRight over "Two engineers", then "a".
  await selectInExercise(page, 'Two engineers');
  await page.evaluate(() => getSelection().collapseToStart());
  for (let i = 0; i < 'Two engineers'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('a');
  assert.deepEqual(await answers(page), [['anonymous', 'Two engineers'], ['vague', 'Critics say']]);

  // Change: the caret inside the mark, another letter.
  await selectInExercise(page, 'engineers');
  await page.evaluate(() => getSelection().collapseToStart());
  await page.keyboard.press('v');
  assert.match(await page.textContent('#sl-ex-status'), /Changed to vague attribution/);
  assert.deepEqual(await answers(page), [['vague', 'Two engineers'], ['vague', 'Critics say']]);
  // Typing does not change the article; letters that are not kinds do nothing.
  await page.keyboard.press('z');
  await page.keyboard.type('xyz');
  assert.equal(await page.textContent('#sl-ex-article'), text);

  // Remove with Delete.
  await page.keyboard.press('Delete');
  assert.deepEqual(await answers(page), [['vague', 'Critics say']]);

  // A hedge and a quote, for the comparison; "A spokesman" as anonymous.
  await selectInExercise(page, 'could');
  await page.keyboard.press('h');
  await selectInExercise(page, 'reportedly');
  await page.keyboard.press('h');
  await selectInExercise(page, 'the beams');
  await page.keyboard.press('h');
  await selectInExercise(page, '“Two years is an eternity for a small business,”');
  await page.keyboard.press('q');
  assert.equal((await answers(page)).length, 5);

  // The work survives a reload.
  await page.reload();
  await page.waitForSelector('#sl-exercise:not([hidden]) #sl-ex-article mark.sl-answer');
  assert.equal((await answers(page)).length, 5);

  // Compare.
  await page.click('#sl-ex-compare');
  const cmp = await page.textContent('#sl-compare');
  assert.match(cmp, /Hedges: you found 2 of the \d+ Sourcelight marked, and marked 1 it did not\./);
  assert.match(cmp, /Vague attributions: you found 1 of the \d+ Sourcelight marked\./);
  assert.match(cmp, /Direct quotes: you found 1 of the \d+ Sourcelight marked\./);
  assert.match(cmp, /not a score/);
  for (const status of ['both', 'tool', 'student']) {
    assert.ok(await page.locator(`#sl-compare .sl-cmp-group[data-status="${status}"] li`).count() > 0, `${status} items`);
  }
  await page.locator('#sl-compare .sl-cmp-group[data-status="student"] summary').first().click();
  const extra = await page.textContent('#sl-compare .sl-cmp-group[data-status="student"]');
  assert.match(extra, /the beams/);
  assert.match(extra, /Sourcelight did not mark this as a hedge/);
  assert.ok(await page.locator('#sl-ex-article .sl-tool').count() > 5, 'Sourcelight’s marks show in the article');
  // An item opens with Enter; rule codes stay behind "For teachers".
  const first = page.locator('#sl-compare .sl-cmp-group[data-status="both"] summary').first();
  await first.focus();
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#sl-compare .sl-cmp-group[data-status="both"] li').first().innerText(), /Sourcelight says: .+\n.*Ask: /s);
  assert.equal(await page.isVisible('#sl-compare code'), false);
  // The comparison survives a reload too.
  await page.reload();
  await page.waitForSelector('#sl-compare:not([hidden])');

  // Start again: cancelling keeps the work; confirming clears it.
  page.once('dialog', (d) => d.dismiss());
  await page.click('#sl-ex-reset');
  assert.equal((await answers(page)).length, 5);
  page.once('dialog', (d) => d.accept());
  await page.click('#sl-ex-reset');
  assert.equal((await answers(page)).length, 0);
  await page.reload();
  await page.waitForSelector('#sl-exercise:not([hidden])');
  assert.equal((await answers(page)).length, 0);

  // Leaving shows the highlights again.
  await page.click('#sl-ex-leave');
  assert.equal(await page.isVisible('#sl-article'), true);
  assert.equal(await page.isVisible('#sl-exercise'), false);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('exercise by keyboard only: start, mark, compare, open a comparison', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.locator('body').focus();
  await tabTo(page, '#sl-ex-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#sl-exercise:not([hidden]) #sl-ex-article');

  // The article takes focus with a caret at its start; Shift+arrows select.
  await tabTo(page, '#sl-ex-article');
  await page.keyboard.press('Control+Home');
  const headline = (await page.textContent('#sl-ex-article')).split('\n')[0];
  const word = headline.split(' ')[0];
  for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('h');
  assert.deepEqual(await answers(page), [['hedge', word]]);

  await tabTo(page, '#sl-ex-compare');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#sl-compare:not([hidden])');
  await tabTo(page, '#sl-compare summary');
  await page.keyboard.press('Enter');
  assert.ok(
    await page.evaluate(() => document.activeElement.closest('details')?.open === true),
    'Enter opens the focused comparison item',
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('exercise on a touch screen: the key comes before the article, a tap on a button marks the selection', async () => {
  const { context, page } = await openPage(browser, server.url,
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await startExercise(page);
  const order = await page.evaluate(() => {
    const key = document.querySelector('.sl-ex-keypanel').getBoundingClientRect().top;
    const article = document.getElementById('sl-ex-article').getBoundingClientRect().top;
    return key < article;
  });
  assert.ok(order, 'the key sits above the article on a phone');
  await selectInExercise(page, 'A spokesman');
  await page.tap('button[data-tag="anonymous"]');
  assert.deepEqual(await answers(page), [['anonymous', 'A spokesman']]);
  await context.close();
});

test('exercise kinds: only the asked kinds have buttons and keys', async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.click('#sl-kinds-open');
  await page.uncheck('#sl-classroom input[data-kind="quote"]');
  await page.uncheck('#sl-classroom input[data-kind="named"]');
  await startExercise(page);
  assert.equal(await page.isVisible('button[data-tag="quote"]'), false);
  assert.equal(await page.isVisible('button[data-tag="hedge"]'), true);
  await selectInExercise(page, 'Lena Ortiz');
  await page.keyboard.press('n');
  assert.deepEqual(await answers(page), [], 'n does nothing when named sources are not asked for');
  assert.doesNotMatch(await page.textContent('.sl-ex-key'), /Direct quote/);
  await context.close();
});

test('single-letter keys never fire inside the text box', async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.click('#sl-input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('n p q');
  assert.equal(await page.locator('#sl-article .sl-selected').count(), 0);
  assert.ok((await page.inputValue('#sl-input')).endsWith('n p q'));
  await context.close();
});

test('axe: no serious or critical violations in exercise and compare modes, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await openPage(browser, server.url, { colorScheme: scheme, bypassCSP: true });
    // The teacher's bar with every panel open.
    await page.click('#sl-kinds-open');
    await page.click('#sl-files-open');
    await page.click('#sl-share-open');
    await page.click('#sl-share-make');
    await page.waitForSelector('#sl-share-result:not(:empty)');
    assert.deepEqual(await seriousViolations(page), [], `classroom bar, ${scheme}`);
    await startExercise(page);
    await selectInExercise(page, 'could');
    await page.keyboard.press('h');
    assert.deepEqual(await seriousViolations(page), [], `exercise, ${scheme}`);
    await page.click('#sl-ex-compare');
    await page.evaluate(() => document.querySelectorAll('#sl-compare details').forEach((d) => { d.open = true; }));
    assert.deepEqual(await seriousViolations(page), [], `compare, ${scheme}`);
    await context.close();
  }
});

test('screenshots: exercise and compare, light, dark and phone', async () => {
  const shots = [
    ['light', { colorScheme: 'light' }],
    ['dark', { colorScheme: 'dark' }],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ];
  for (const [name, options] of shots) {
    const { context, page } = await openPage(browser, server.url, options);
    await startExercise(page);
    for (const [needle, key] of [['Critics say', 'v'], ['could', 'h'], ['the beams', 'h'], ['One engineer, who asked not to be named,', 'a']]) {
      await selectInExercise(page, needle);
      await page.keyboard.press(key);
    }
    await selectInExercise(page, 'Two engineers familiar');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`exercise-${name}.png`), fullPage: name !== 'phone' });
    if (name === 'light') {
      // A printer never shows the live selection the screenshot above shows.
      await page.evaluate(() => window.getSelection().removeAllRanges());
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.isVisible('#sl-ex-article'), true, 'printing during the exercise prints the student’s article');
      assert.equal(await page.isVisible('.sl-ex-toolbar'), false);
      await page.screenshot({ path: screenshotPath('exercise-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }
    await page.click('#sl-ex-compare');
    await page.locator('#sl-compare summary.sl-cmp-head').first().click();
    if (name === 'phone') await page.locator('#sl-compare').scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`compare-${name}.png`) });
    if (name === 'light') {
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.isVisible('#sl-compare'), true);
      await page.screenshot({ path: screenshotPath('compare-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  }
});

/** Makes a share link (or the offer of a file) for the article on the page. */
async function makeLink(page) {
  if (!(await page.isVisible('#sl-share'))) await page.click('#sl-share-open');
  await page.click('#sl-share-make');
  await page.waitForSelector('#sl-share-result:not(:empty)');
}

/** A text of about `kb` KB from the fixture articles (real prose). */
async function prose(kb) {
  const { readdir } = await import('node:fs/promises');
  const dir = path.join(ROOT, 'tests', 'fixtures', 'articles');
  const files = (await readdir(dir)).sort();
  let text = '';
  for (const f of files) text += `${await readFile(path.join(dir, f), 'utf8')}\n\n`;
  return text.replace(/\[\[[a-z]+(?:<[^>]*>)?: ([^\]]*)\]\]/g, '$1').slice(0, kb * 1024).trim();
}

async function waitForExercise(page, text) {
  await page.waitForFunction((t) => {
    const el = document.getElementById('sl-ex-article');
    return el && !document.getElementById('sl-exercise').hidden && el.textContent === t;
  }, text);
}

test('share: a link restores the article and the exercise; a changed link loads nothing', async () => {
  let link;
  {
    const { context, page } = await openPage(browser, server.url);
    await setText(page, PASTED_ARTICLE);
    await page.click('#sl-kinds-open');
    await page.uncheck('#sl-classroom input[data-kind="quote"]');
    await page.uncheck('#sl-classroom input[data-kind="named"]');
    await makeLink(page);
    link = await page.inputValue('#sl-share-link');
    assert.ok(link.startsWith(`${server.url}#sl2.`), link.slice(0, 60));
    assert.match(await page.textContent('#sl-share-result'), /characters long/);
    await context.close();
  }
  {
    const { context, page, problems } = await openPage(browser, link);
    await waitForExercise(page, PASTED_ARTICLE);
    const shown = await page.evaluate(() => Array.from(document.querySelectorAll('button[data-tag]'))
      .filter((b) => !b.hidden).map((b) => b.dataset.tag));
    assert.deepEqual(shown, ['anonymous', 'vague', 'hedge']);
    assert.equal(await page.inputValue('#sl-input'), PASTED_ARTICLE);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Changed in the middle, or cut short: a clear message, and nothing loaded.
  const hash = link.indexOf('#');
  const mid = hash + Math.floor((link.length - hash) / 2);
  for (const bad of [
    link.slice(0, mid) + (link[mid] === 'A' ? 'B' : 'A') + link.slice(mid + 1),
    link.slice(0, -10),
  ]) {
    const { context, page } = await openPage(browser, bad);
    await page.waitForFunction(() => /damaged or incomplete/.test(document.getElementById('sl-error').textContent));
    assert.equal(await page.isVisible('#sl-exercise'), false);
    assert.notEqual(await page.inputValue('#sl-input'), PASTED_ARTICLE);
    await context.close();
  }
  // "Open as an exercise" off: the link opens the highlighted article.
  {
    const { context, page } = await openPage(browser, server.url);
    await setText(page, PASTED_ARTICLE);
    await page.click('#sl-share-open');
    await page.uncheck('#sl-share-hidden');
    await makeLink(page);
    const open = await page.inputValue('#sl-share-link');
    await context.close();
    const second = await openPage(browser, open);
    await second.page.waitForFunction((t) => document.getElementById('sl-article').textContent === t, PASTED_ARTICLE);
    assert.equal(await second.page.isVisible('#sl-exercise'), false);
    await second.context.close();
  }
});

test('share from the single-file page: a link opened from disk, and the exercise as a page of its own', async () => {
  const file = pathToFileURL(DIST_HTML).href;
  // A link made on the served page works on the file too.
  const { context: c0, page: p0 } = await openPage(browser, server.url);
  await setText(p0, PASTED_ARTICLE);
  await makeLink(p0);
  const fragment = (await p0.inputValue('#sl-share-link')).split('#')[1];
  await c0.close();

  const { context, page, problems } = await openPage(browser, `${file}#${fragment}`, { acceptDownloads: true });
  await waitForExercise(page, PASTED_ARTICLE);
  await selectInExercise(page, 'Critics say');
  await page.keyboard.press('v');
  await page.click('#sl-ex-leave');
  await makeLink(page);
  assert.match(await page.textContent('#sl-share-long'), /opened from a file/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sl-share-download')]);
  assert.match(download.suggestedFilename(), /^harbour-plan-faces-fresh-delay-exercise\.html$/);
  const saved = path.join(TMP, download.suggestedFilename());
  await download.saveAs(saved);
  assert.deepEqual(problems, []);
  await context.close();

  // The downloaded page, opened from disk with a fresh browser profile.
  const html = await readFile(saved, 'utf8');
  assert.match(html, /<meta name="sourcelight-exercise" content="sl2\.[0-9a-f]{8}\.[A-Za-z0-9_-]+">/);
  const again = await openPage(browser, pathToFileURL(saved).href);
  await waitForExercise(again.page, PASTED_ARTICLE);
  assert.equal(await again.page.locator('#sl-ex-article mark').count(), 0, 'the copy carries the exercise, not the answers');
  assert.deepEqual(await again.page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(again.problems, []);
  await again.context.close();
});

test('a long article is offered as a file, which opens the exercise', async () => {
  const text = await prose(20);
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await setText(page, text);
  await makeLink(page);
  assert.match(await page.textContent('#sl-share-long'), /would be [\d,]+ characters long/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sl-share-download')]);
  const saved = path.join(TMP, 'long-exercise.json');
  await download.saveAs(saved);
  await context.close();

  const second = await openPage(browser, server.url);
  await second.page.setInputFiles('#sl-open-file', saved);
  await waitForExercise(second.page, text);
  await second.context.close();
});

test('files: CSV and JSON of the marks and answers; a teacher opens students’ files', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await startExercise(page);
  await selectInExercise(page, 'Critics say');
  await page.keyboard.press('v');
  await selectInExercise(page, 'the beams');
  await page.keyboard.press('h');
  await page.fill('#sl-ex-name', 'Sam');
  const get = async (selector, name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    const p = path.join(TMP, name);
    await d.saveAs(p);
    return { name: d.suggestedFilename(), text: await readFile(p, 'utf8'), path: p };
  };
  const json = await get('#sl-exercise button[data-download="json"]', 'sam.json');
  assert.equal(json.name, 'harbor-bridge-repairs-could-close-crossi.json');
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'sourcelight-exercise');
  assert.equal(doc.student, 'Sam');
  assert.deepEqual(doc.answers.map((a) => [a.kind, a.text]), [['hedge', 'the beams'], ['vague', 'Critics say']]);
  assert.ok(doc.sourcelight.length > 20);
  const csv = await get('#sl-exercise button[data-download="csv"]', 'sam.csv');
  const lines = csv.text.trimEnd().split('\r\n');
  assert.equal(lines[0], 'source,id,kind,start,end,text,comparison,rule,speaker,speaker_kind,why,question');
  assert.ok(lines.some((l) => /^student,\d+,vague,\d+,\d+,Critics say,both,/.test(l)));
  assert.ok(lines.some((l) => /^student,\d+,hedge,\d+,\d+,the beams,student only,/.test(l)));
  assert.ok(lines.some((l) => /^sourcelight,\d+,quote,.*,Lena Ortiz,named,/.test(l)));

  // The teacher, on another browser: the student's file and a broken one.
  const bad = path.join(TMP, 'broken.json');
  await writeFile(bad, json.text.replace('"start": ', '"start": 1'));
  const t = await openPage(browser, server.url);
  await t.page.click('#sl-files-open');
  await t.page.setInputFiles('#sl-students-files', [json.path, bad]);
  await t.page.waitForSelector('#sl-students:not([hidden])');
  const panel = await t.page.textContent('#sl-students');
  assert.match(panel, /Sam/);
  assert.match(panel, /on the article shown here/);
  assert.match(panel, /Vague attributions: you found 1 of the 3 Sourcelight marked\./);
  assert.match(panel, /broken\.json: some of the marks do not fit the article/);
  await t.context.close();
  await context.close();
});

test('print: worksheet and answer key (PDF, first pages as PNG in target/screenshots)', async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  for (const [which, button] of [['worksheet', 'Print worksheet'], ['answer-key', 'Print answer key']]) {
    await page.click(`#sl-classroom button:text-is("${button}")`);
    assert.equal(await page.evaluate(() => document.body.classList.contains('sl-printing')), true);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#sl-article'), false, 'only the sheet is printed');
    assert.equal(await page.isVisible('#sl-print'), true);
    if (which === 'worksheet') {
      const sheet = await page.textContent('#sl-print');
      assert.match(sheet, /Name/);
      assert.match(sheet, /What to look for/);
      assert.match(sheet, /Questions to discuss/);
      assert.equal(await page.locator('#sl-print mark').count(), 0, 'no marks on the worksheet');
      assert.ok(await page.locator('#sl-print .sl-sheet-paras > li').count() >= 10, 'numbered paragraphs');
    } else {
      const notes = await page.locator('#sl-print .sl-notes li').count();
      assert.equal(notes, await page.locator('#sl-print sup.sl-note-ref').count(), 'one note number per mark');
      assert.ok(notes > 20);
      assert.match(await page.textContent('#sl-print .sl-notes'), /Who said it: Lena Ortiz \(a named source\)/);
    }
    // page.pdf prints as the browser would, so afterprint then clears the sheet.
    const pdf = path.join(TMP, `${which}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    const png = screenshotPath(which);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    // The same page in greyscale, as a school photocopier would print it.
    execFileSync('pdftoppm', ['-png', '-gray', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, `${png}-grey`]);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('#sl-print *').count(), 0);
  }
  await context.close();
});

test('the page: definitions in the key, rule codes only for teachers, Enter reopens an explanation, no-speaker wording', async () => {
  const { context, page } = await openPage(browser, server.url);
  const { KIND_DEFINITIONS } = await import('../../www/exercise.js');
  for (const [kind, def] of Object.entries(KIND_DEFINITIONS)) {
    assert.equal(await page.textContent(`.sl-legend [data-definition="${kind}"]`), def, `${kind} definition`);
  }
  await page.locator('h1').click();
  await page.keyboard.press('n');
  assert.equal(await page.isVisible('#sl-details code'), false, 'the rule is folded away');
  assert.match(await page.textContent('#sl-details details.sl-teacher'), /For teachers/);
  await page.click('#sl-details .sl-details-head button');
  assert.equal(await page.locator('#sl-article .sl-selected').count(), 0, 'closed');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#sl-article .sl-selected').count(), 1, 'Enter on the focused mark opens it again');
  assert.match(await page.textContent('#sl-details'), /Ask yourself/);

  // A quote with no speaker found.
  await setText(page, 'A board with “Closed for repairs” hung on the gate all week.');
  await page.locator('#sl-article mark[data-kind="quote"]').click();
  assert.match(await page.textContent('#sl-details'), /Sourcelight could not tell who said this\./);
  assert.doesNotMatch(await page.textContent('#sl-details'), /not stated|does not say/i);
  await context.close();
});

test('after a paste on a 1366x768 screen the highlighted article is in view; on a phone the key comes first', async () => {
  const { context, page } = await openPage(browser, server.url, { viewport: { width: 1366, height: 768 } });
  await page.focus('#sl-input');
  const run = await page.evaluate(() => Number(document.getElementById('sl-article').dataset.run));
  await page.evaluate((t) => {
    const input = document.getElementById('sl-input');
    const data = new DataTransfer();
    data.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    input.value = t; // what the browser's own paste would do
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, PASTED_ARTICLE);
  await page.waitForFunction((r) => Number(document.getElementById('sl-article').dataset.run) > r, run);
  const top = await page.evaluate(() => document.getElementById('sl-article').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 768 / 2, `the article starts in the upper half of the window (at ${Math.round(top)} px)`);
  await page.screenshot({ path: screenshotPath('after-paste-1366.png') });
  await context.close();

  const phone = await openPage(browser, server.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const order = await phone.page.evaluate(() => document.querySelector('.sl-legend').getBoundingClientRect().top
    < document.getElementById('sl-article').getBoundingClientRect().top);
  assert.ok(order, 'the key sits above the article on a phone');
  assert.equal(await phone.page.isVisible('#sl-details'), false, 'no empty explanation panel before a mark is chosen');
  await phone.context.close();
});
