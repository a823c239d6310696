// Unit tests of the classroom modules' pure logic (www/exercise.js,
// www/share.js, www/export.js), in node: no browser needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KINDS, addAnswer, answerAt, articleKey, clearWork, compare, loadWork, newWork, normaliseSettings,
  paragraphs, pieces, removeAnswer, retagAnswer, saveWork, summaryLine, trimSpan, validateWork,
} from '../../www/exercise.js';

const TEXT = 'Critics say the plan could fail. “We will not sign,” Okafor said.\n\nA senior official said it may be delayed.';
const at = (s) => { const i = TEXT.indexOf(s); assert.ok(i >= 0, s); return [i, i + s.length]; };
const tool = [
  { kind: 'vague', start: at('Critics say')[0], end: at('Critics say')[1], rule: 'vague/critics', why: 'w', question: 'q', speaker: null },
  { kind: 'hedge', start: at('could')[0], end: at('could')[1], rule: 'hedge/could', why: 'w', question: 'q', speaker: null },
  { kind: 'quote', start: at('“We will not sign,”')[0], end: at('“We will not sign,”')[1], rule: 'quote/curly-double', why: 'w', question: 'q', speaker: { text: 'Okafor', kind: 'named' } },
  { kind: 'named', start: at('Okafor said')[0], end: at('Okafor said')[1], rule: 'named/said', why: 'w', question: 'q', speaker: null },
  { kind: 'anonymous', start: at('A senior official said')[0], end: at('A senior official said')[1], rule: 'anonymous/official', why: 'w', question: 'q', speaker: null },
  { kind: 'hedge', start: at('may be')[0], end: at('may be')[1], rule: 'hedge/may', why: 'w', question: 'q', speaker: null },
];

class MemoryStorage {
  constructor() { this.m = new Map(); }
  getItem(k) { return this.m.has(k) ? this.m.get(k) : null; }
  setItem(k, v) { this.m.set(k, String(v)); }
  removeItem(k) { this.m.delete(k); }
}

test('trimSpan drops white space at the edges and refuses empty spans', () => {
  assert.deepEqual(trimSpan(' ab  ', 0, 5), { start: 1, end: 3 });
  assert.deepEqual(trimSpan('abc', 3, 1), { start: 1, end: 3 });
  assert.equal(trimSpan('a   b', 1, 4), null);
});

test('answers: add, replace same-kind overlaps, retag, remove', () => {
  let w = newWork();
  let r = addAnswer(w, TEXT, 'hedge', ...at('could'));
  assert.equal(r.id, 1);
  w = r.work;
  r = addAnswer(w, TEXT, 'hedge', at('plan could')[0], at('plan could')[1] + 1); // overlaps: replaces
  w = r.work;
  assert.deepEqual(w.answers.map((a) => [a.id, a.kind, TEXT.slice(a.start, a.end)]), [[2, 'hedge', 'plan could']]);
  r = addAnswer(w, TEXT, 'vague', ...at('Critics say the plan')); // another kind may overlap
  w = r.work;
  assert.equal(w.answers.length, 2);
  assert.equal(answerAt(w.answers, at('plan')[0] + 1, at('plan')[0] + 1).id, 2, 'innermost answer');
  w = retagAnswer(w, 2, 'vague'); // now overlaps vague #3: #3 goes
  assert.deepEqual(w.answers.map((a) => [a.id, a.kind]), [[2, 'vague']]);
  w = removeAnswer(w, 2);
  assert.deepEqual(w.answers, []);
  assert.equal(addAnswer(w, TEXT, 'hedge', 5, 5).id, null);
  assert.throws(() => addAnswer(w, TEXT, 'bogus', 0, 3));
});

test('compare: found by both, only Sourcelight, only the student; per kind', () => {
  let w = newWork();
  w = addAnswer(w, TEXT, 'hedge', ...at('could fail')).work; // overlaps tool "could"
  w = addAnswer(w, TEXT, 'hedge', ...at('plan')).work; // no tool hedge there
  w = addAnswer(w, TEXT, 'anonymous', ...at('senior official')).work;
  w = addAnswer(w, TEXT, 'quote', ...at('Okafor')).work; // wrong kind for that span
  const { items, perKind } = compare(tool, w.answers, ['hedge', 'anonymous', 'quote']);
  assert.deepEqual(items.map((i) => [i.status, i.kind, TEXT.slice(i.start, i.end)]), [
    ['student', 'hedge', 'plan'],
    ['both', 'hedge', 'could'],
    ['tool', 'quote', '“We will not sign,”'],
    ['student', 'quote', 'Okafor'],
    ['both', 'anonymous', 'A senior official said'],
    ['tool', 'hedge', 'may be'],
  ]);
  assert.deepEqual(perKind.hedge, { tool: 2, found: 1, extra: 1, student: 2 });
  assert.deepEqual(perKind.anonymous, { tool: 1, found: 1, extra: 0, student: 1 });
  assert.equal(perKind.vague, undefined, 'kinds not asked for are left out');
  assert.equal(summaryLine('hedge', perKind.hedge), 'Hedges: you found 1 of the 2 Sourcelight marked, and marked 1 it did not.');
  assert.equal(summaryLine('vague', { tool: 0, found: 0, extra: 0, student: 0 }), 'Vague attributions: Sourcelight marked none.');
});

test('saved work is keyed by the article and validated on load', () => {
  const store = new MemoryStorage();
  let w = newWork({ kinds: ['hedge'], hidden: true });
  w = addAnswer(w, TEXT, 'hedge', ...at('could')).work;
  assert.ok(saveWork(store, TEXT, { ...w, active: true }));
  const back = loadWork(store, TEXT);
  assert.deepEqual(back.answers, w.answers);
  assert.deepEqual(back.settings, { kinds: ['hedge'], hidden: true });
  assert.equal(back.active, true);
  assert.equal(loadWork(store, `${TEXT} `), null, 'another article has no work');
  // Tampered: an answer past the end of the text.
  store.setItem([...store.m.keys()][0], JSON.stringify({ ...w, answers: [{ id: 1, kind: 'hedge', start: 0, end: 9999 }] }));
  assert.equal(loadWork(store, TEXT), null);
  clearWork(store, TEXT);
  assert.equal(store.m.size, 0);
  assert.equal(loadWork({ getItem() { throw new Error('denied'); } }, TEXT), null, 'storage errors are ignored');
  assert.equal(validateWork({ v: 2, answers: [] }, TEXT), null);
});

test('articleKey differs for different texts and is stable', () => {
  assert.equal(articleKey(TEXT), articleKey(String(TEXT)));
  assert.notEqual(articleKey('ab'), articleKey('ba'));
  assert.notEqual(articleKey(TEXT), articleKey(TEXT.replace('could', 'would')));
  assert.match(articleKey(''), /^[0-9a-f]{16}-0$/);
});

test('settings keep known kinds in order and default to all', () => {
  assert.deepEqual(normaliseSettings({ kinds: ['hedge', 'quote', 'x'], hidden: false }), { kinds: ['quote', 'hedge'], hidden: false });
  assert.deepEqual(normaliseSettings(null), { kinds: KINDS, hidden: true });
});

test('pieces nest spans outermost first; paragraphs split at blank lines', () => {
  const p = pieces('abcdef', [{ start: 1, end: 5, n: 'outer' }, { start: 2, end: 3, n: 'inner' }]);
  assert.deepEqual(p.map((x) => [x.start, x.end, x.spans.map((s) => s.n)]),
    [[0, 1, []], [1, 2, ['outer']], [2, 3, ['outer', 'inner']], [3, 5, ['outer']], [5, 6, []]]);
  assert.deepEqual(paragraphs(TEXT).map((s) => TEXT.slice(s.start, s.end)),
    ['Critics say the plan could fail. “We will not sign,” Okafor said.', 'A senior official said it may be delayed.']);
  assert.deepEqual(paragraphs('one\ntwo\n').map((s) => [s.start, s.end]), [[0, 3], [4, 7]]);
});

test('print: notes are numbered in article order with their paragraph', async () => {
  const { footnotes, speakerText } = await import('../../www/print.js');
  const notes = footnotes(TEXT, tool, ['hedge', 'anonymous']);
  assert.deepEqual(notes.map((f) => [f.n, f.mark.kind, TEXT.slice(f.mark.start, f.mark.end), f.paragraph]), [
    [1, 'hedge', 'could', 1], [2, 'anonymous', 'A senior official said', 2], [3, 'hedge', 'may be', 2],
  ]);
  assert.equal(speakerText(null), 'Sourcelight could not tell who said this.');
  assert.equal(speakerText({ text: '', kind: 'unknown' }), 'Sourcelight could not tell who said this.');
  assert.equal(speakerText({ text: 'Okafor', kind: 'named' }), 'Okafor (a named source)');
});
