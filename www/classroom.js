// The classroom features on the page: exercise mode, compare, share links,
// exercise files, printed sheets and CSV/JSON downloads. The logic lives in
// exercise.js, share.js, export.js and print.js; this module is their DOM.
//
// Interface (used by app.js):
//
//   const classroom = startClassroom({ setText, showError, clearError, applyRules, getRules });
//     setText(text)     replace the page's article, as if pasted
//     showError(msg)    show a message in the page's error box
//     clearError()
//     applyRules(list)  analyse again with the teacher's own phrases
//                       (docs/custom-rules.md); resolves to null once they
//                       are in use, or to the message why they were refused
//     getRules()        the phrases in use ('' for none)
//   classroom.articleShown({ text, marks })
//     call after each analysis is drawn, with every mark as in analyze()
//     (docs/wasm-api.md): { kind, start, end, rule, why, question, speaker },
//     or with a function returning them, called only when they are needed
//   classroom.isExercise()   true while the exercise replaces the highlights
//
// It fills three elements of index.html: #sl-classroom (the teacher's bar),
// #sl-exercise (the exercise) and #sl-print (sheets, only when printing).
// Pasted text reaches the page only as text nodes, never as markup.

import {
  KINDS, KIND_DEFINITIONS, KIND_KEYS, KIND_NAMES, addAnswer, answerAt, clearWork, compare,
  loadWork, newWork, normaliseSettings, pieces, plural, removeAnswer, retagAnswer, saveWork,
  summaryLine,
} from './exercise.js';
import {
  LINK_LIMIT, canDownloadPage, decodeExercise, downloadablePage, embeddedExercise,
  encodeExercise, looksLikeExercise,
} from './share.js';
import { fileName, parseExerciseJSON, toCSV, toJSON } from './export.js';
import { buildAnswerKey, buildWorksheet, quoted, speakerText } from './print.js';

const KEY_KIND = Object.fromEntries(Object.entries(KIND_KEYS).map(([k, v]) => [v, k]));

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}
const button = (label, attrs = {}) => h('button', { type: 'button', class: 'sl-button', ...attrs }, label);
const swatch = (kind) => h('span', { class: 'sl-swatch', 'data-kind': kind, 'aria-hidden': 'true' }, 'Aa');

function safeStorage() {
  try { return window.localStorage; } catch { return null; }
}

function excerpt(text, max = 90) {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ------------------------------------------------ selection <-> offsets

function offsetOf(root, node, offset) {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

function pointAt(root, offset) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (left <= n.data.length) return [n, left];
    left -= n.data.length;
    last = n;
  }
  return last ? [last, last.data.length] : [root, 0];
}

function selectRange(root, start, end) {
  const sel = window.getSelection();
  const r = document.createRange();
  r.setStart(...pointAt(root, start));
  r.setEnd(...pointAt(root, end));
  sel.removeAllRanges();
  sel.addRange(r);
}

// -------------------------------------------------------------- the module

export function startClassroom({ setText, showError, clearError, applyRules, getRules }) {
  const storage = safeStorage();
  const bar = document.getElementById('sl-classroom');
  const section = document.getElementById('sl-exercise');
  const printRoot = document.getElementById('sl-print');

  let current = null; // { text, marks }
  let work = newWork();
  let pending = null; // { text, settings, work? } from a link or a file
  let lastSel = null; // { start, end } in the exercise article
  let linkError = null; // a broken link, reported when the page is ready

  const save = () => { if (storage && current) saveWork(storage, current.text, work); };
  const kinds = () => work.settings.kinds;

  // ---------------------------------------------------------- the bar

  const kindBoxes = KINDS.map((k) => h('input', { type: 'checkbox', 'data-kind': k, checked: true }));
  const startBtn = button('Start the exercise', { id: 'sl-ex-start' });
  const shareBtn = button('Share as a link…', { id: 'sl-share-open', 'aria-expanded': 'false', 'aria-controls': 'sl-share' });
  const worksheetBtn = button('Print worksheet', { 'data-print': 'worksheet' });
  const keyBtn = button('Print answer key', { 'data-print': 'key' });
  const csvBtn = button('Download marks (CSV)', { 'data-download': 'csv' });
  const jsonBtn = button('Download marks (JSON)', { 'data-download': 'json' });
  const openInput = h('input', { type: 'file', accept: '.json,application/json', class: 'sl-visually-hidden', id: 'sl-open-file' });
  const studentsInput = h('input', { type: 'file', accept: '.json,application/json', multiple: true, class: 'sl-visually-hidden', id: 'sl-students-files' });

  const hiddenBox = h('input', { type: 'checkbox', id: 'sl-share-hidden', checked: true });
  const makeLinkBtn = button('Make the link', { id: 'sl-share-make' });
  const shareOut = h('div', { id: 'sl-share-result', class: 'sl-share-result', 'aria-live': 'polite' });
  const sharePanel = h('div', { id: 'sl-share', class: 'sl-share', hidden: true },
    h('p', { class: 'sl-check' }, hiddenBox, h('label', { for: 'sl-share-hidden' },
      'Open as an exercise: students see the plain article and mark it themselves')),
    h('div', { class: 'sl-classroom-bar' }, makeLinkBtn), shareOut);
  const studentsOut = h('div', { id: 'sl-students', class: 'sl-students', hidden: true });

  const kindsBtn = button('Kinds to find…', { id: 'sl-kinds-open', 'aria-expanded': 'false', 'aria-controls': 'sl-kinds' });
  const filesBtn = button('Files…', { id: 'sl-files-open', 'aria-expanded': 'false', 'aria-controls': 'sl-files' });
  const rulesBtn = button('Your phrases…', { id: 'sl-rules-open', 'aria-expanded': 'false', 'aria-controls': 'sl-rules' });
  const rulesInput = h('textarea', {
    id: 'sl-rules-input', class: 'sl-textarea', rows: 4, spellcheck: 'false',
    'aria-describedby': 'sl-rules-help sl-rules-error',
  });
  rulesInput.value = getRules();
  const rulesApply = button('Apply', { id: 'sl-rules-apply' });
  const rulesStatus = h('span', { id: 'sl-rules-status', class: 'sl-help', role: 'status' });
  const rulesError = h('p', { id: 'sl-rules-error', class: 'sl-warn', role: 'alert' });
  const rulesPanel = h('div', { id: 'sl-rules', class: 'sl-rules', hidden: true },
    h('label', { for: 'sl-rules-input', class: 'sl-rules-label' }, 'Your phrases'),
    h('p', { id: 'sl-rules-help', class: 'sl-help' },
      'Phrases Sourcelight should mark too, one a line: named, anonymous, vague or hedge, a colon, the words ',
      '(or a /pattern/), and, if you like, “ :: ” and your own explanation. Lines starting with # are notes. For example: ',
      h('code', null, 'anonymous: a person briefed on :: Briefed by whom?')),
    rulesInput,
    h('div', { class: 'sl-classroom-bar' }, rulesApply, rulesStatus),
    rulesError);
  const kindsPanel = h('fieldset', { class: 'sl-kinds', id: 'sl-kinds', hidden: true },
    h('legend', null, 'What should students look for? (the exercise, the link, the worksheet and the answer key)'),
    KINDS.map((k, i) => h('label', { class: 'sl-check' }, kindBoxes[i], swatch(k), ` ${KIND_NAMES[k]}`)));
  const filesPanel = h('div', { class: 'sl-classroom-bar sl-files', id: 'sl-files', hidden: true },
    csvBtn, jsonBtn,
    h('label', { class: 'sl-button sl-file', for: 'sl-open-file' }, 'Open an exercise file…'), openInput,
    h('label', { class: 'sl-button sl-file', for: 'sl-students-files' }, 'See students’ files…'), studentsInput);
  bar.replaceChildren(
    h('div', { class: 'sl-classroom-bar sl-classroom-row' },
      h('h2', { id: 'sl-classroom-heading' }, 'Classroom'),
      startBtn, kindsBtn, shareBtn, worksheetBtn, keyBtn, filesBtn, rulesBtn),
    kindsPanel,
    rulesPanel,
    sharePanel,
    filesPanel,
    studentsOut);
  for (const [btn, panel] of [[kindsBtn, kindsPanel], [filesBtn, filesPanel], [rulesBtn, rulesPanel]]) {
    btn.addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      btn.setAttribute('aria-expanded', String(!panel.hidden));
    });
  }
  bar.setAttribute('aria-labelledby', 'sl-classroom-heading');

  // -------------------------------------------------- your phrases

  /** Tries a list of phrases; a refused list is shown beside the box, and
   *  the phrases and marks in use stay as they were. */
  async function useRules(list) {
    rulesInput.value = list;
    rulesApply.disabled = true;
    rulesStatus.textContent = 'Checking…';
    const err = await applyRules(list);
    rulesApply.disabled = false;
    rulesError.textContent = err || '';
    rulesStatus.textContent = err ? '' : ruleCount(list);
    if (err) {
      rulesInput.setAttribute('aria-invalid', 'true');
      rulesPanel.hidden = false;
      rulesBtn.setAttribute('aria-expanded', 'true');
    } else {
      rulesInput.removeAttribute('aria-invalid');
      shareOut.replaceChildren();
    }
    return !err;
  }
  rulesApply.addEventListener('click', () => useRules(rulesInput.value));

  function showSettings() {
    kindBoxes.forEach((box) => { box.checked = kinds().includes(box.dataset.kind); });
  }
  for (const box of kindBoxes) {
    box.addEventListener('change', () => {
      const chosen = kindBoxes.filter((b) => b.checked).map((b) => b.dataset.kind);
      if (!chosen.length) { box.checked = true; return; } // at least one kind
      work = { ...work, settings: normaliseSettings({ ...work.settings, kinds: chosen }) };
      save();
      shareOut.replaceChildren();
    });
  }

  // -------------------------------------------------------- share

  shareBtn.addEventListener('click', () => {
    const open = sharePanel.hidden;
    sharePanel.hidden = !open;
    shareBtn.setAttribute('aria-expanded', String(open));
    if (open) { hiddenBox.checked = work.settings.hidden; shareOut.replaceChildren(); }
  });
  hiddenBox.addEventListener('change', () => {
    work = { ...work, settings: { ...work.settings, hidden: hiddenBox.checked } };
    save();
    shareOut.replaceChildren();
  });

  makeLinkBtn.addEventListener('click', async () => {
    if (!current) return;
    let fragment;
    try {
      fragment = await encodeExercise(current.text, work.settings, getRules());
    } catch (err) {
      shareOut.replaceChildren(h('p', { class: 'sl-warn' }, err.message));
      return;
    }
    const base = location.href.replace(/#.*$/, '');
    const link = `${base}#${fragment}`;
    const out = [];
    const fromDisk = location.protocol === 'file:';
    if (!fromDisk && link.length <= LINK_LIMIT) {
      const field = h('input', { type: 'text', readonly: true, value: link, id: 'sl-share-link', class: 'sl-link', 'aria-label': 'Link to this exercise' });
      const copy = button('Copy the link');
      copy.addEventListener('click', async () => {
        field.select();
        try { await navigator.clipboard.writeText(link); copy.textContent = 'Copied'; } catch { document.execCommand?.('copy'); }
      });
      out.push(h('p', null, `The link is ${link.length.toLocaleString('en')} characters long. The article travels inside it; no server keeps anything.`),
        h('div', { class: 'sl-classroom-bar' }, field, copy));
    } else {
      out.push(h('p', { class: 'sl-warn', id: 'sl-share-long' }, fromDisk
        ? 'This page was opened from a file, so a link would point at this computer. Share the exercise as a file instead.'
        : `A link for this article would be ${link.length.toLocaleString('en')} characters long; links over ${LINK_LIMIT.toLocaleString('en')} characters are often cut off by e-mail and learning platforms. Share the exercise as a file instead.`));
    }
    if (canDownloadPage()) {
      const dl = button('Download this exercise (one web page)', { id: 'sl-share-download' });
      dl.addEventListener('click', () => download(fileName(current.text, '-exercise.html'), 'text/html', downloadablePage(fragment)));
      out.push(h('div', { class: 'sl-classroom-bar' }, dl,
        h('span', { class: 'sl-help' }, 'A copy of this page with the article inside: students open it from disk, no internet needed.')));
    } else {
      const dl = button('Download the exercise file (JSON)', { id: 'sl-share-download' });
      dl.addEventListener('click', () => download(fileName(current.text, '-exercise.json'), 'application/json',
        toJSON(current.text, current.marks, { ...newWork(work.settings) }, { rules: getRules() })));
      out.push(h('div', { class: 'sl-classroom-bar' }, dl,
        h('span', { class: 'sl-help' }, 'Students open it here with “Open an exercise file”. (The single-file version of Sourcelight can also save the exercise as a page of its own.)')));
    }
    shareOut.replaceChildren(...out);
  });

  async function openFragment(fragment) {
    try {
      const { text, settings, rules } = await decodeExercise(fragment);
      clearError();
      load({ text, settings, rules });
    } catch (err) {
      // Shown once the page has drawn its own article, which clears errors.
      if (current) showError(err.message);
      else linkError = err.message;
    }
  }

  /** Puts an article (and its exercise) on the page; applied when drawn. */
  function load(p) {
    pending = p;
    if (current && current.text === p.text) applyPending();
    else setText(p.text);
    // The teacher's phrases come with the article, if it has any.
    if (p.rules && p.rules !== getRules()) useRules(p.rules);
  }

  function applyPending() {
    const p = pending;
    pending = null;
    const saved = storage ? loadWork(storage, p.text) : null;
    const base = p.work && p.work.answers.length ? p.work : (saved || newWork(p.settings));
    work = { ...base, settings: normaliseSettings(p.settings) };
    if (p.settings.hidden || (p.work && p.work.answers.length)) work.active = true;
    save();
  }

  // -------------------------------------------------------- files

  function currentDownload(kind) {
    if (!current) return;
    if (kind === 'csv') download(fileName(current.text, '.csv'), 'text/csv', toCSV(current.text, current.marks, work));
    else download(fileName(current.text, '.json'), 'application/json', toJSON(current.text, current.marks, work, { student: nameField.value.trim(), rules: getRules() }));
  }
  csvBtn.addEventListener('click', () => currentDownload('csv'));
  jsonBtn.addEventListener('click', () => currentDownload('json'));

  openInput.addEventListener('change', async () => {
    const file = openInput.files[0];
    openInput.value = '';
    if (!file) return;
    try {
      const f = parseExerciseJSON(await file.text(), file.name);
      clearError();
      load({ text: f.text, settings: { ...f.settings, hidden: true }, work: f.work, rules: f.rules });
    } catch (err) {
      showError(err.message);
    }
  });

  studentsInput.addEventListener('change', async () => {
    const files = Array.from(studentsInput.files);
    studentsInput.value = '';
    if (!files.length) return;
    const cards = [];
    for (const file of files) {
      try {
        const f = parseExerciseJSON(await file.text(), file.name);
        const cmp = compare(f.toolMarks, f.work.answers, f.settings.kinds);
        const same = current && current.text === f.text;
        cards.push(h('section', { class: 'sl-student sl-panel' },
          h('h3', null, f.student || file.name),
          h('p', { class: 'sl-help' }, `${file.name}: ${plural2(f.work.answers.length, 'mark')}`,
            same ? ', on the article shown here.' : `, on another article (“${excerpt(f.text.split('\n')[0], 60)}”).`),
          h('ul', null, f.settings.kinds.map((k) => h('li', null, summaryLine(k, cmp.perKind[k])))),
          h('details', null, h('summary', null, 'Each mark, to discuss'), compareList(f.text, cmp, { show: false }))));
      } catch (err) {
        cards.push(h('p', { class: 'sl-warn', role: 'alert' }, err.message));
      }
    }
    studentsOut.replaceChildren(
      h('div', { class: 'sl-details-head' }, h('h3', null, 'Students’ work'),
        (() => { const b = button('Close'); b.addEventListener('click', () => { studentsOut.hidden = true; }); return b; })()),
      ...cards);
    studentsOut.hidden = false;
    studentsOut.scrollIntoView({ block: 'nearest' });
  });

  // -------------------------------------------------------- print

  function printSheet(which) {
    if (!current) return;
    printRoot.replaceChildren(which === 'worksheet'
      ? buildWorksheet(document, { text: current.text, kinds: kinds() })
      : buildAnswerKey(document, { text: current.text, marks: current.marks, kinds: kinds() }));
    document.body.classList.add('sl-printing');
    printRoot.dataset.sheet = which;
    window.print();
  }
  window.addEventListener('afterprint', () => {
    document.body.classList.remove('sl-printing');
    printRoot.replaceChildren();
    delete printRoot.dataset.sheet;
  });

  // ----------------------------------------------------- the exercise

  const exArticle = h('div', {
    id: 'sl-ex-article', class: 'sl-article sl-ex-article', contenteditable: 'true', inputmode: 'none',
    spellcheck: 'false', role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': 'true',
    'aria-labelledby': 'sl-ex-article-label', 'aria-describedby': 'sl-ex-how',
  });
  const status = h('p', { id: 'sl-ex-status', class: 'sl-status', role: 'status' });
  const tagButtons = KINDS.map((k) => h('button', {
    type: 'button', class: 'sl-button sl-tag', 'data-tag': k, 'aria-keyshortcuts': KIND_KEYS[k],
  }, swatch(k), ` ${KIND_NAMES[k]} `, h('kbd', null, KIND_KEYS[k])));
  const removeBtn = h('button', { type: 'button', class: 'sl-button sl-tag', id: 'sl-ex-remove', 'aria-keyshortcuts': 'Delete' },
    'Remove mark ', h('kbd', null, 'Del'));
  const keyList = h('ul', { class: 'sl-ex-key' });
  const countLine = h('p', { id: 'sl-ex-count' });
  const compareBtn = button('Compare with Sourcelight', { id: 'sl-ex-compare', 'aria-expanded': 'false', 'aria-controls': 'sl-compare' });
  const resetBtn = button('Start again…', { id: 'sl-ex-reset' });
  const leaveBtn = button('Leave the exercise', { id: 'sl-ex-leave' });
  const nameField = h('input', { type: 'text', id: 'sl-ex-name', autocomplete: 'name', class: 'sl-name' });
  const myJson = button('Download my answers (JSON)', { 'data-download': 'json' });
  const myCsv = button('Download as a spreadsheet (CSV)', { 'data-download': 'csv' });
  let statusFrame = 0;
  const compareOut = h('section', { id: 'sl-compare', class: 'sl-panel sl-compare', hidden: true, 'aria-labelledby': 'sl-compare-heading' });
  myJson.addEventListener('click', () => currentDownload('json'));
  myCsv.addEventListener('click', () => currentDownload('csv'));

  section.replaceChildren(
    h('div', { class: 'sl-details-head sl-ex-head' },
      h('h2', { id: 'sl-ex-heading' }, 'Exercise: where do the claims come from?'), leaveBtn),
    h('p', { id: 'sl-ex-how', class: 'sl-help' },
      'Select words in the article (drag with the mouse, press and hold on a touch screen, or move with the arrow keys and hold Shift), '
      + 'then say what they are with a button or its letter. To change a mark, put the cursor inside it and choose again; Delete removes it.'),
    h('div', { class: 'sl-ex-layout' },
      h('section', { class: 'sl-panel sl-ex-keypanel', 'aria-labelledby': 'sl-ex-key-heading' },
        h('h3', { id: 'sl-ex-key-heading' }, 'Key: what to look for'), keyList),
      h('div', { class: 'sl-ex-main' },
        h('h3', { id: 'sl-ex-article-label' }, 'The article'),
        h('div', { class: 'sl-ex-toolbar', role: 'toolbar', 'aria-label': 'Mark the selected words as', 'aria-controls': 'sl-ex-article' },
          tagButtons, removeBtn),
        status,
        exArticle),
      h('div', { class: 'sl-ex-side' },
        h('section', { class: 'sl-panel', 'aria-labelledby': 'sl-ex-work-heading' },
          h('h3', { id: 'sl-ex-work-heading' }, 'Your work'), countLine,
          h('div', { class: 'sl-classroom-bar' }, compareBtn, resetBtn),
          h('p', { class: 'sl-name-row' }, h('label', { for: 'sl-ex-name' }, 'Your name (goes into the file): '), nameField),
          h('div', { class: 'sl-classroom-bar' }, myJson, myCsv),
          h('p', { class: 'sl-help' }, 'Your marks are kept in this browser, for this article, until you choose “Start again”.')),
        compareOut)));

  function enterExercise() {
    work = { ...work, active: true };
    save();
    document.body.classList.add('sl-exercise-on');
    section.hidden = false;
    renderExercise();
  }
  function leaveExercise() {
    work = { ...work, active: false };
    save();
    document.body.classList.remove('sl-exercise-on');
    section.hidden = true;
    exArticle.replaceChildren();
    startBtn.focus();
  }
  startBtn.addEventListener('click', () => {
    if (!current) return;
    enterExercise();
    section.scrollIntoView({ block: 'start' });
    exArticle.focus();
  });
  leaveBtn.addEventListener('click', leaveExercise);

  function renderExercise() {
    const asked = kinds();
    keyList.replaceChildren(...asked.map((k) => h('li', null,
      h('p', { class: 'sl-ex-kind' }, swatch(k), h('strong', null, KIND_NAMES[k]), ' ', h('kbd', null, KIND_KEYS[k])),
      h('p', { class: 'sl-help' }, KIND_DEFINITIONS[k]))));
    tagButtons.forEach((b) => { b.hidden = !asked.includes(b.dataset.tag); });
    renderArticle();
    renderCount();
    renderCompare();
    if (!status.textContent) say(defaultStatus());
  }

  function renderCount() {
    const mine = work.answers.filter((a) => kinds().includes(a.kind));
    const parts = kinds().map((k) => [k, mine.filter((a) => a.kind === k).length]).filter(([, n]) => n);
    countLine.textContent = mine.length
      ? `You have made ${plural2(mine.length, 'mark')}: ${parts.map(([k, n]) => `${n} ${plural(k, n)}`).join(', ')}.`
      : 'You have not marked anything yet.';
  }

  function renderArticle() {
    const text = current.text;
    const asked = kinds();
    const spans = work.answers.filter((a) => asked.includes(a.kind)).map((a) => ({ start: a.start, end: a.end, a }));
    if (work.compared) {
      const { items } = compare(current.marks, work.answers, asked);
      for (const it of items) if (it.tool) spans.push({ start: it.start, end: it.end, tool: it });
    }
    const frag = document.createDocumentFragment();
    for (const p of pieces(text, spans)) {
      let node = document.createTextNode(text.slice(p.start, p.end));
      for (const s of p.spans.slice().reverse()) {
        node = s.a
          ? h('mark', { class: 'sl-mark sl-answer', 'data-kind': s.a.kind, 'data-answer': s.a.id }, node)
          : h('span', { class: 'sl-tool', 'data-kind': s.tool.kind, 'data-status': s.tool.status }, node);
      }
      frag.append(node);
    }
    exArticle.replaceChildren(frag);
    exArticle.classList.toggle('sl-comparing', work.compared);
  }

  function readSelection() {
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (!exArticle.contains(r.startContainer) || !exArticle.contains(r.endContainer)) return null;
    const a = offsetOf(exArticle, r.startContainer, r.startOffset);
    const b = offsetOf(exArticle, r.endContainer, r.endOffset);
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  function say(message) {
    cancelAnimationFrame(statusFrame); // an explicit message wins over a pending description
    status.textContent = message;
  }
  function defaultStatus() {
    return `Select some words, then choose: ${kinds().map((k) => `${KIND_KEYS[k]} for ${KIND_NAMES[k].toLowerCase()}`).join(', ')}.`;
  }

  document.addEventListener('selectionchange', () => {
    if (section.hidden) return;
    const s = readSelection();
    if (!s) return;
    // The caret a change just placed: keep the message about that change.
    if (lastSel && s.start === lastSel.start && s.end === lastSel.end) return;
    lastSel = s;
    cancelAnimationFrame(statusFrame);
    statusFrame = requestAnimationFrame(() => describeSelection(s));
  });

  function describeSelection(s) {
    const mark = answerAt(work.answers, s.start, s.end, kinds());
    if (s.start === s.end) {
      say(mark
        ? `In your mark: ${KIND_NAMES[mark.kind]}, “${excerpt(current.text.slice(mark.start, mark.end), 60)}”. Choose another kind to change it, or press Delete to remove it.`
        : defaultStatus());
    } else {
      say(`Selected “${excerpt(current.text.slice(s.start, s.end), 60)}”. What is it? Choose a button or its letter.`);
    }
  }

  function tag(kind) {
    const s = readSelection() || lastSel;
    if (!s) { say('First select some words in the article.'); return; }
    const text = current.text;
    const inside = answerAt(work.answers, s.start, s.end, kinds());
    let id;
    if (inside && (s.start === s.end || (inside.start === s.start && inside.end === s.end))) {
      work = retagAnswer(work, inside.id, kind);
      id = inside.id;
      say(`Changed to ${KIND_NAMES[kind].toLowerCase()}: “${excerpt(text.slice(inside.start, inside.end), 60)}”.`);
    } else if (s.start === s.end) {
      say('First select some words in the article.');
      return;
    } else {
      const r = addAnswer(work, text, kind, s.start, s.end);
      if (r.id === null) { say('First select some words in the article.'); return; }
      work = r.work;
      id = r.id;
      const a = work.answers.find((x) => x.id === id);
      say(`Marked as ${KIND_NAMES[kind].toLowerCase()}: “${excerpt(text.slice(a.start, a.end), 60)}”.`);
    }
    changed(id);
  }

  function removeAtSelection() {
    const s = readSelection() || lastSel;
    const mark = s && answerAt(work.answers, s.start, s.end, kinds());
    if (!mark) { say('Put the cursor inside one of your marks to remove it.'); return; }
    work = removeAnswer(work, mark.id);
    say(`Removed your mark on “${excerpt(current.text.slice(mark.start, mark.end), 60)}”.`);
    changed(null, mark.end);
  }

  function changed(id, caret) {
    save();
    const hadFocus = document.activeElement === exArticle;
    renderArticle();
    renderCount();
    renderCompare();
    const a = id !== null ? work.answers.find((x) => x.id === id) : null;
    const at = a ? a.end : caret ?? 0;
    lastSel = { start: at, end: at };
    if (hadFocus) selectRange(exArticle, at, at);
  }

  for (const b of tagButtons) {
    b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection and focus
    b.addEventListener('click', () => tag(b.dataset.tag));
  }
  removeBtn.addEventListener('mousedown', (e) => e.preventDefault());
  removeBtn.addEventListener('click', removeAtSelection);

  // The article is "editable" only so it has a caret for keyboard selection:
  // every edit is refused, and anything that slips through is redrawn.
  for (const type of ['beforeinput', 'paste', 'drop', 'cut']) exArticle.addEventListener(type, (e) => e.preventDefault());
  exArticle.addEventListener('input', () => renderArticle());

  // Shortcuts in the exercise (the article and its buttons), before the
  // page's own n/p keys: never in a text field.
  document.addEventListener('keydown', (e) => {
    if (section.hidden || e.defaultPrevented) return;
    const t = e.target;
    if (!(t instanceof Element) || !section.contains(t) || t.closest('input, textarea, select, summary')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) {
      // Copy and select-all are fine; anything that would edit is not.
      if (t === exArticle && !['c', 'a', 'C', 'A'].includes(e.key)) e.preventDefault();
      return;
    }
    const kind = KEY_KIND[e.key.toLowerCase()];
    if (kind && kinds().includes(kind)) { e.preventDefault(); tag(kind); return; }
    if (t !== exArticle) return;
    if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); removeAtSelection(); return; }
    if (e.key === 'Enter') {
      e.preventDefault();
      const s = readSelection();
      if (s) describeSelection({ start: s.start, end: s.start });
      return;
    }
    if (e.key.length === 1) e.preventDefault(); // no typing into the article
  }, true);

  resetBtn.addEventListener('click', () => {
    // eslint-disable-next-line no-alert
    if (!window.confirm('Remove all your marks on this article and start again? This cannot be undone.')) return;
    if (storage) clearWork(storage, current.text);
    work = { ...newWork(work.settings), active: true };
    save();
    say('Your marks were removed.');
    changed(null, 0);
  });

  // ------------------------------------------------------ compare

  compareBtn.addEventListener('click', () => {
    work = { ...work, compared: !work.compared };
    save();
    renderArticle();
    renderCompare();
    if (work.compared) document.getElementById('sl-compare-heading')?.focus();
  });

  function renderCompare() {
    compareBtn.textContent = work.compared ? 'Hide Sourcelight’s marks' : 'Compare with Sourcelight';
    compareBtn.setAttribute('aria-expanded', String(work.compared));
    compareOut.hidden = !work.compared;
    if (!work.compared) { compareOut.replaceChildren(); return; }
    const cmp = compare(current.marks, work.answers, kinds());
    compareOut.replaceChildren(
      h('h3', { id: 'sl-compare-heading', tabindex: '-1' }, 'Your marks and Sourcelight’s'),
      h('p', null, 'This is something to discuss, not a score: Sourcelight reads patterns, not meaning, so it can miss things and mark things wrongly.'),
      h('ul', { class: 'sl-cmp-summary' }, kinds().map((k) => h('li', null, swatch(k), ' ', summaryLine(k, cmp.perKind[k])))),
      h('p', { class: 'sl-help' }, 'In the article, your marks are shaded and Sourcelight’s are underlined, each kind in its own line style (see the key).'),
      compareList(current.text, cmp, { show: true }));
  }

  function compareList(text, cmp, { show }) {
    const groups = [
      ['both', 'Found by you and Sourcelight'],
      ['tool', 'Found only by Sourcelight'],
      ['student', 'Marked only by you'],
    ];
    return h('div', { class: 'sl-cmp-groups' }, groups.map(([status, title]) => {
      const items = cmp.items.filter((it) => it.status === status);
      return h('section', { class: 'sl-cmp-group', 'data-status': status },
        h('h4', null, `${title} (${items.length})`),
        items.length ? h('ol', { class: 'sl-cmp-list' }, items.map((it) => compareItem(text, it, show))) : h('p', { class: 'sl-help' }, 'None.'));
    }));
  }

  function compareItem(text, it, show) {
    const body = h('div', { class: 'sl-cmp-body' });
    if (it.tool) {
      const m = it.tool;
      body.append(h('p', null, it.status === 'tool' ? 'You did not mark this. Sourcelight says: ' : 'Sourcelight says: ', m.why));
      if (m.kind === 'quote') body.append(h('p', null, h('em', null, 'Who said it: '), speakerText(m.speaker)));
      body.append(h('p', { class: 'sl-question' }, h('em', null, 'Ask: '), m.question));
    } else {
      body.append(h('p', null, `Sourcelight did not mark this as ${article(KIND_NAMES[it.kind].toLowerCase())}. `
        + 'Is it one? Talk about what makes it one, or not: Sourcelight can miss things.'),
      h('p', { class: 'sl-help' }, KIND_DEFINITIONS[it.kind]));
    }
    if (show) {
      const go = button('Show in the article', { class: 'sl-button sl-small' });
      go.addEventListener('click', () => {
        exArticle.focus({ preventScroll: true });
        selectRange(exArticle, it.start, it.end);
        lastSel = { start: it.start, end: it.end };
        const el = window.getSelection().getRangeAt(0).startContainer.parentElement;
        el?.scrollIntoView({ block: 'center' });
      });
      body.append(go);
    }
    if (it.tool) {
      body.append(h('details', { class: 'sl-teacher' }, h('summary', null, 'For teachers'), h('p', null, 'Rule: ', h('code', null, it.tool.rule))));
    }
    return h('li', { 'data-status': it.status },
      h('details', { class: 'sl-cmp-item' },
        h('summary', { class: 'sl-cmp-head' }, swatch(it.kind), h('strong', null, KIND_NAMES[it.kind]), ': ',
          quoted(excerpt(text.slice(it.start, it.end), 70))),
        body));
  }

  // ------------------------------------------------------ start

  const start = location.hash && looksLikeExercise(location.hash) ? location.hash : embeddedExercise();
  if (start) openFragment(start);
  window.addEventListener('hashchange', () => {
    if (looksLikeExercise(location.hash)) openFragment(location.hash);
  });

  for (const b of bar.querySelectorAll('[data-print]')) b.addEventListener('click', () => printSheet(b.dataset.print));

  return {
    articleShown({ text, marks }) {
      if (!text) {
        current = null;
        if (!section.hidden) leaveExercise();
        return;
      }
      const same = current && current.text === text;
      // marks may be a function: the page then builds them only if needed.
      let list = typeof marks === 'function' ? null : marks;
      current = { text, get marks() { if (!list) list = marks(); return list; } };
      if (!same) {
        lastSel = null;
        status.textContent = '';
        work = (storage && loadWork(storage, text)) || newWork(work.settings);
      }
      if (pending && pending.text === text) applyPending();
      if (linkError) { showError(linkError); linkError = null; }
      showSettings();
      if (work.active) enterExercise();
      else if (!section.hidden) leaveExercise();
    },
    isExercise() { return !section.hidden; },
  };
}

function ruleCount(list) {
  const n = list.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length;
  return n ? `In use: ${plural2(n, 'phrase')}.` : 'No phrases of your own in use.';
}
function article(noun) { return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`; }
function plural2(n, word) { return `${n} ${word}${n === 1 ? '' : 's'}`; }
