// Share links (www/share.js) and exercise files (www/export.js), in node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LINK_LIMIT, PREFIX, ShareError, crc32, decodeExercise, encodeExercise, fromBase64url,
  looksLikeExercise, pageWithExercise, toBase64url,
} from '../../www/share.js';
import { addAnswer, newWork } from '../../www/exercise.js';
import { CSV_COLUMNS, ImportError, csvField, fileName, parseExerciseJSON, toCSV, toJSON } from '../../www/export.js';

const ARTICLE = 'Harbour plan faces “fresh” delay\n\nThe vote could be postponed, two people familiar with the talks said. Ünïcödé ✓ 😀.';

test('base64url round-trips and rejects non-canonical input', () => {
  for (let n = 0; n < 40; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
    const s = toBase64url(bytes);
    assert.match(s, /^[A-Za-z0-9_-]*$/);
    assert.deepEqual(fromBase64url(s), bytes);
  }
  assert.equal(fromBase64url('A'), null);
  assert.equal(fromBase64url('ab+c'), null);
  assert.equal(fromBase64url('AB'), null, 'stray bits');
  assert.equal(crc32(new TextEncoder().encode('123456789')), 'cbf43926');
});

test('an exercise survives the link, settings included', async () => {
  const f = await encodeExercise(ARTICLE, { kinds: ['anonymous', 'hedge'], hidden: true });
  assert.ok(f.startsWith(PREFIX));
  assert.ok(looksLikeExercise(`#${f}`));
  const back = await decodeExercise(`#${f}`);
  assert.equal(back.text, ARTICLE);
  assert.deepEqual(back.settings, { kinds: ['anonymous', 'hedge'], hidden: true });
  const open = await decodeExercise(await encodeExercise(ARTICLE, { kinds: ['quote'], hidden: false }));
  assert.deepEqual(open.settings, { kinds: ['quote'], hidden: false });
});

test('a cut, changed or foreign link is refused with a message', async () => {
  const f = await encodeExercise(ARTICLE, { kinds: ['hedge'], hidden: true });
  const bad = [
    f.slice(0, -5), // cut off
    f.slice(0, 4) + (f[4] === '0' ? '1' : '0') + f.slice(5), // checksum changed
    f.slice(0, -2) + (f.at(-2) === 'A' ? 'B' : 'A') + f.at(-1), // data changed
    `${f}%20`,
    'sl1.00000000.',
    'sl1.',
    'hello',
  ];
  for (const b of bad) {
    await assert.rejects(decodeExercise(b), (err) => err instanceof ShareError && /damaged or incomplete/.test(err.message), b.slice(-12));
  }
  await assert.rejects(decodeExercise('sl9.00000000.AAAA'), /newer version/);
  await assert.rejects(encodeExercise('', {}), ShareError);
});

test('link lengths for 5, 20 and 50 KB articles (figures for the README)', async () => {
  // Real prose compresses like this: sentences from the fixtures, varied.
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('../fixtures/articles/', import.meta.url);
  const prose = readdirSync(dir).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n\n').replace(/\[\[[a-z]+(?:<[^>]*>)?: ([^\]]*)\]\]/g, '$1');
  const out = {};
  for (const kb of [5, 20, 50]) {
    const text = prose.slice(0, kb * 1024);
    const f = await encodeExercise(text, { kinds: ['anonymous'], hidden: true });
    out[`${kb} KB`] = f.length + 1; // with the '#'
    assert.equal((await decodeExercise(f)).text, text);
  }
  console.log(`fragment lengths (characters, plus the page address): ${JSON.stringify(out)}; link limit ${LINK_LIMIT}`);
  assert.ok(out['5 KB'] < LINK_LIMIT, 'a 5 KB article fits in a link');
});

test('the page copy gets the exercise in a meta element, replacing an old one', () => {
  const html = '<!doctype html>\n<html><head><meta charset="utf-8"><title>x</title></head><body></body></html>';
  const one = pageWithExercise(html, 'sl1.0123abcd.AAAA');
  assert.match(one, /<meta charset="utf-8">\n<meta name="sourcelight-exercise" content="sl1.0123abcd.AAAA">/);
  const two = pageWithExercise(one, 'sl1.0123abcd.BBBB');
  assert.equal((two.match(/sourcelight-exercise/g) || []).length, 1);
  assert.throws(() => pageWithExercise(html, 'sl1.x"><script>'), ShareError);
});

test('CSV: quoted fields, formula guard, one row per mark and answer', () => {
  assert.equal(csvField('a,"b"\nc'), '"a,""b""\nc"');
  assert.equal(csvField('=SUM(A1)', { text: true }), "'=SUM(A1)");
  assert.equal(csvField('-3'), '-3');
  const i = ARTICLE.indexOf('could');
  const marks = [{ id: 0, kind: 'hedge', start: i, end: i + 5, rule: 'hedge/could', why: 'Why, "so"', question: 'Q?', speaker: null }];
  let w = newWork({ kinds: ['hedge'] });
  w = addAnswer(w, ARTICLE, 'hedge', i, i + 5).work;
  w = addAnswer(w, ARTICLE, 'hedge', 0, 7).work;
  const csv = toCSV(ARTICLE, marks, w);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], CSV_COLUMNS.join(','));
  assert.equal(lines[1], 'sourcelight,0,hedge,' + i + ',' + (i + 5) + ',could,both,hedge/could,,,"Why, ""so""",Q?');
  assert.equal(lines.length, 4);
  assert.match(lines[2], /^student,2,hedge,0,7,Harbour,student only,/);
  assert.match(lines[3], /^student,1,hedge,\d+,\d+,could,both,/);
});

test('JSON: round trip, and a changed file is refused', () => {
  const i = ARTICLE.indexOf('could');
  const marks = [{ id: 0, kind: 'hedge', start: i, end: i + 5, rule: 'hedge/could', why: 'w', question: 'q', speaker: null }];
  let w = newWork({ kinds: ['hedge', 'quote'], hidden: false });
  w = addAnswer(w, ARTICLE, 'hedge', i, i + 5).work;
  const json = toJSON(ARTICLE, marks, w, { student: 'Sam' });
  const back = parseExerciseJSON(json, 'sam.json');
  assert.equal(back.student, 'Sam');
  assert.equal(back.text, ARTICLE);
  assert.deepEqual(back.work.answers, w.answers);
  assert.deepEqual(back.settings, { kinds: ['quote', 'hedge'], hidden: false });
  assert.equal(back.toolMarks[0].rule, 'hedge/could');
  const doc = JSON.parse(json);
  doc.answers[0].start += 1;
  assert.throws(() => parseExerciseJSON(JSON.stringify(doc), 'sam.json'), (e) => e instanceof ImportError && /^sam\.json: .*changed/.test(e.message));
  assert.throws(() => parseExerciseJSON('{"format":"other"}', 'x.json'), /not a Sourcelight exercise/);
  assert.throws(() => parseExerciseJSON('nope', 'x.json'), /not a JSON file/);
  assert.equal(fileName('Harbor Bridge repairs could close crossing for two years\n\nx', '.csv'), 'harbor-bridge-repairs-could-close-crossi.csv');
});

/** A version 1 fragment, as links made before the teacher's phrases were. */
async function v1Fragment(payload) {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  return `sl1.${crc32(json)}.${toBase64url(packed)}`;
}

test('links carry the teacher’s phrases (version 2); version 1 links still open', async () => {
  const rules = '# ours\nanonymous: a person briefed on :: Briefed by whom?\nhedge: /allegedly/';
  const f = await encodeExercise(ARTICLE, { kinds: ['anonymous'], hidden: false }, rules);
  assert.ok(f.startsWith('sl2.'));
  const back = await decodeExercise(`#${f}`);
  assert.equal(back.rules, rules);
  assert.deepEqual(back.settings, { kinds: ['anonymous'], hidden: false });
  assert.equal((await decodeExercise(await encodeExercise(ARTICLE, {}))).rules, '');

  const old = await v1Fragment({ text: ARTICLE, kinds: ['hedge'], hidden: true });
  assert.ok(looksLikeExercise(`#${old}`));
  const opened = await decodeExercise(`#${old}`);
  assert.equal(opened.text, ARTICLE);
  assert.deepEqual(opened.settings, { kinds: ['hedge'], hidden: true });
  assert.equal(opened.rules, '');
  // A version 2 link must carry its rules as text.
  const bad = await v1Fragment({ text: ARTICLE, kinds: ['hedge'], hidden: true, rules: 3 });
  await assert.rejects(decodeExercise(bad.replace(/^sl1/, 'sl2')), /damaged or incomplete/);
  await assert.rejects(encodeExercise(ARTICLE, {}, 'x'.repeat(700_000)), ShareError);
});

test('exercise files carry the teacher’s phrases; older files have none', () => {
  const rules = 'anonymous: a person briefed on';
  const json = toJSON(ARTICLE, [], newWork(), { rules });
  assert.equal(JSON.parse(json).rules, rules);
  assert.equal(parseExerciseJSON(json, 'a.json').rules, rules);
  const old = JSON.parse(json);
  delete old.rules;
  assert.equal(parseExerciseJSON(JSON.stringify(old), 'old.json').rules, '');
  old.rules = 7;
  assert.throws(() => parseExerciseJSON(JSON.stringify(old), 'x.json'), ImportError);
});
