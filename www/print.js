// Printed sheets for the classroom: a worksheet (the article with numbered
// paragraphs, the key with definitions, the teaching questions, space to
// write; no marks) and an answer key (the article with Sourcelight's marks,
// the legend, and a numbered note per mark with its explanation, question and
// speaker). Both are built from plain data as DOM (text nodes only, never
// markup) and printed by classroom.css's print rules; each kind keeps its own
// underline style, so the key reads in greyscale.
//
//   buildWorksheet(doc, { text, kinds })          -> Element
//   buildAnswerKey(doc, { text, marks, kinds })   -> Element
//   footnotes(text, marks, kinds)                 -> [{ n, mark, paragraph }]  (pure)

import { KIND_DEFINITIONS, KIND_NAMES, KIND_QUESTIONS, paragraphs, pieces } from './exercise.js';

/** How a student marks each kind with a pen, matching the screen's underlines. */
export const PEN_MARKS = {
  quote: 'underline it with one straight line',
  named: 'underline it twice',
  anonymous: 'underline it with dashes',
  vague: 'underline it with dots',
  hedge: 'underline it with a wavy line',
};

function maker(doc) {
  return function h(tag, attrs, ...children) {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
    }
    return el;
  };
}

/** Sourcelight's marks of the asked kinds in article order, numbered from 1,
 *  each with the number of the paragraph it starts in. */
export function footnotes(text, marks, kinds) {
  const paras = paragraphs(text);
  let p = 0;
  return marks
    .filter((m) => kinds.includes(m.kind))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((mark, i) => {
      while (p + 1 < paras.length && paras[p + 1].start <= mark.start) p++;
      return { n: i + 1, mark, paragraph: p + 1 };
    });
}

function keyList(h, kinds, { pen }) {
  return h('dl', { class: 'sl-print-key' }, kinds.map((k) => [
    h('dt', null, h('span', { class: 'sl-swatch', 'data-kind': k }, 'Aa'), ' ', KIND_NAMES[k]),
    h('dd', null, KIND_DEFINITIONS[k], pen ? ` To mark it, ${PEN_MARKS[k]}.` : ''),
  ]));
}

export function buildWorksheet(doc, { text, kinds }) {
  const h = maker(doc);
  const paras = paragraphs(text);
  return h('article', { class: 'sl-sheet sl-worksheet', 'aria-label': 'Worksheet' },
    h('header', { class: 'sl-sheet-head' },
      h('h1', null, 'Where do this article’s claims come from?'),
      h('p', { class: 'sl-sheet-name' }, h('span', null, 'Name'), h('span', { class: 'sl-write-line' }),
        h('span', null, 'Date'), h('span', { class: 'sl-write-line sl-short' }))),
    h('section', null,
      h('h2', null, 'What to look for'),
      h('p', null, 'Read the article. Mark each of these as you find it, and write its paragraph number next to your answers below.'),
      keyList(h, kinds, { pen: true })),
    h('section', null,
      h('h2', null, 'The article'),
      h('ol', { class: 'sl-sheet-paras' }, paras.map((p) => h('li', null, text.slice(p.start, p.end))))),
    h('section', { class: 'sl-sheet-questions' },
      h('h2', null, 'Questions to discuss'),
      h('ol', null, kinds.map((k) => h('li', null,
        h('p', null, h('strong', null, `${KIND_NAMES[k]}. `), KIND_QUESTIONS[k]),
        h('div', { class: 'sl-write-space', 'aria-hidden': 'true' },
          h('span', { class: 'sl-write-line' }), h('span', { class: 'sl-write-line' }), h('span', { class: 'sl-write-line' })))))));
}

/** Marked text in quotation marks, unless it already starts with one. */
export function quoted(s) {
  return /^["“”‘’'«„‚]/.test(s) ? s : `“${s}”`;
}

/** The speaker line for a quote's note. */
export function speakerText(speaker) {
  if (!speaker || !speaker.text) return 'Sourcelight could not tell who said this.';
  if (speaker.kind === 'named') return `${speaker.text} (a named source)`;
  if (speaker.kind === 'anonymous') return `${speaker.text} (an anonymous source)`;
  return `${speaker.text} (an unnamed group: nobody in particular)`;
}

export function buildAnswerKey(doc, { text, marks, kinds }) {
  const h = maker(doc);
  const notes = footnotes(text, marks, kinds);
  const numberOf = new Map(notes.map((f) => [f.mark, f.n]));
  const paras = paragraphs(text);
  const items = paras.map((p) => {
    const li = h('li');
    const local = notes.filter((f) => f.mark.start < p.end && f.mark.end > p.start)
      .map((f) => ({ start: Math.max(f.mark.start, p.start) - p.start, end: Math.min(f.mark.end, p.end) - p.start, f }));
    const para = text.slice(p.start, p.end);
    for (const piece of pieces(para, local)) {
      let node = doc.createTextNode(para.slice(piece.start, piece.end));
      for (const s of piece.spans.slice().reverse()) {
        node = h('mark', { class: 'sl-mark', 'data-kind': s.f.mark.kind }, node);
      }
      li.append(node);
      // The note number goes after the last piece of each mark, innermost first.
      for (const s of piece.spans.slice().reverse()) {
        if (s.end === piece.end && s.f.mark.end <= p.end) {
          li.append(h('sup', { class: 'sl-note-ref' }, String(numberOf.get(s.f.mark))));
        }
      }
    }
    return li;
  });
  return h('article', { class: 'sl-sheet sl-answer-key', 'aria-label': 'Answer key' },
    h('header', { class: 'sl-sheet-head' },
      h('h1', null, 'Answer key: Sourcelight’s marks'),
      h('p', null, 'Sourcelight reads patterns, not meaning: it can miss things and mark things wrongly. '
        + 'Use each mark as a starting point for discussion, not as the right answer.')),
    h('section', null, h('h2', null, 'Key'), keyList(h, kinds, { pen: false })),
    h('section', null,
      h('h2', null, 'The article'),
      notes.length ? null : h('p', null, 'Sourcelight marked nothing of these kinds in this article.'),
      h('ol', { class: 'sl-sheet-paras' }, items)),
    h('section', { class: 'sl-notes' },
      h('h2', null, 'Notes'),
      h('ol', null, notes.map(({ n, mark, paragraph }) => h('li', { value: n },
        h('p', null, h('strong', null, `${KIND_NAMES[mark.kind]}`), ` (paragraph ${paragraph}): `,
          quoted(text.slice(mark.start, mark.end))),
        h('p', null, mark.why),
        mark.kind === 'quote' ? h('p', null, h('em', null, 'Who said it: '), speakerText(mark.speaker)) : null,
        h('p', null, h('em', null, 'Ask: '), mark.question),
        h('p', { class: 'sl-rule' }, `Rule: ${mark.rule}`))))));
}
