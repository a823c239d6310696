// The classroom exercise: the student's marks, the comparison with
// Sourcelight's marks, and saving the work in this browser. Pure logic over
// plain data (no DOM), so it is unit-tested in node (tests/unit/).
//
// Data shapes (offsets are UTF-16 code units, half-open, as in
// docs/wasm-api.md, so text.slice(start, end) is the marked text):
//
//   tool mark:  { kind, start, end, rule, why, question, speaker: {text, kind} | null }
//               (any extra fields of analyze()'s marks are ignored)
//   answer:     { id, kind, start, end }        one mark made by the student
//   settings:   { kinds: Kind[], hidden: boolean }
//               kinds: what the exercise asks the student to find;
//               hidden: a shared link opens straight into the exercise
//   work:       { v: 1, settings, answers, nextId, active, compared }

export const KINDS = ['quote', 'named', 'anonymous', 'vague', 'hedge'];

export const KIND_NAMES = {
  quote: 'Direct quote',
  named: 'Named source',
  anonymous: 'Anonymous source',
  vague: 'Vague attribution',
  hedge: 'Hedge',
};

const KIND_PLURALS = {
  quote: 'direct quotes',
  named: 'named sources',
  anonymous: 'anonymous sources',
  vague: 'vague attributions',
  hedge: 'hedges',
};

/** What each kind is, for a student (from the project's annotation guideline). */
export const KIND_DEFINITIONS = {
  quote: 'Words reproduced inside quotation marks: someone’s exact words.',
  named: 'A named person or an identified organisation given as the source: “Okafor said”, “according to the Central Bank”.',
  anonymous: 'A specific source the article does not name: “a senior official”, “two people familiar with the talks”, “on condition of anonymity”.',
  vague: 'An unspecified group given as holding a view, so nobody can check it: “critics say”, “some believe”, “it is widely believed”.',
  hedge: 'Words that make a claim less certain: “could”, “may have”, “reportedly”, “it is unclear”.',
};

/** The teaching prompt for each kind (the guideline's "Teaching prompts"). */
export const KIND_QUESTIONS = {
  quote: 'Who is speaking? Is the quote complete, or a fragment chosen by the reporter?',
  named: 'Could you check this source? What might they want you to believe?',
  anonymous: 'Why might this source not be named? Does the article say why anonymity was granted?',
  vague: 'Who exactly are these people? How many? Could you check their view?',
  hedge: 'How sure is the writer? What would make this claim certain?',
};

/** The single-letter key that tags a selection with each kind. */
export const KIND_KEYS = { quote: 'q', named: 'n', anonymous: 'a', vague: 'v', hedge: 'h' };

export const DEFAULT_SETTINGS = Object.freeze({ kinds: KINDS.slice(), hidden: true });

/** Keeps known kinds, in the standard order; falls back to all kinds. */
export function normaliseSettings(settings) {
  const asked = new Set(Array.isArray(settings?.kinds) ? settings.kinds : []);
  const kinds = KINDS.filter((k) => asked.has(k));
  return { kinds: kinds.length ? kinds : KINDS.slice(), hidden: settings?.hidden !== false };
}

export function plural(kind, n) {
  return n === 1 ? KIND_NAMES[kind].toLowerCase() : KIND_PLURALS[kind];
}

// ------------------------------------------------------------ the answers

const WS = /\s/;

/** The span without the white space at its edges; null if nothing is left. */
export function trimSpan(text, start, end) {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && WS.test(text[s])) s++;
  while (e > s && WS.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

function overlaps(a, b) { return a.start < b.end && b.start < a.end; }

/** Adds a mark of `kind` over text[start, end). As in the guideline, two
 *  marks of one kind never overlap: marks of that kind under the new one are
 *  replaced by it. Returns { work, id } (id null when the span is empty). */
export function addAnswer(work, text, kind, start, end) {
  if (!KINDS.includes(kind)) throw new Error(`unknown kind ${kind}`);
  const span = trimSpan(text, start, end);
  if (!span) return { work, id: null };
  const id = work.nextId;
  const answers = work.answers
    .filter((a) => !(a.kind === kind && overlaps(a, span)))
    .concat([{ id, kind, start: span.start, end: span.end }])
    .sort(byPosition);
  return { work: { ...work, answers, nextId: id + 1 }, id };
}

/** Changes the kind of answer `id` (same-kind marks it now overlaps go). */
export function retagAnswer(work, id, kind) {
  if (!KINDS.includes(kind)) throw new Error(`unknown kind ${kind}`);
  const a = work.answers.find((x) => x.id === id);
  if (!a || a.kind === kind) return work;
  const answers = work.answers
    .filter((x) => x.id === id || !(x.kind === kind && overlaps(x, a)))
    .map((x) => (x.id === id ? { ...x, kind } : x));
  return { ...work, answers };
}

export function removeAnswer(work, id) {
  return { ...work, answers: work.answers.filter((a) => a.id !== id) };
}

/** The innermost (shortest) answer of a shown kind containing [start, end]. */
export function answerAt(answers, start, end, kinds = KINDS) {
  let best = null;
  for (const a of answers) {
    if (!kinds.includes(a.kind)) continue;
    if (a.start <= start && end <= a.end && (start < a.end || start === end && start === a.end)) {
      if (!best || a.end - a.start < best.end - best.start) best = a;
    }
  }
  return best;
}

function byPosition(a, b) { return a.start - b.start || b.end - a.end || a.id - b.id; }

export function newWork(settings = DEFAULT_SETTINGS) {
  return { v: 1, settings: normaliseSettings(settings), answers: [], nextId: 1, active: false, compared: false };
}

/** Accepts saved or imported work only if every answer fits the text. */
export function validateWork(raw, text) {
  if (!raw || raw.v !== 1 || !Array.isArray(raw.answers)) return null;
  const answers = [];
  let nextId = 1;
  for (const a of raw.answers) {
    if (!a || !KINDS.includes(a.kind) || !Number.isInteger(a.id)
      || !Number.isInteger(a.start) || !Number.isInteger(a.end)
      || a.start < 0 || a.end > text.length || a.start >= a.end) return null;
    answers.push({ id: a.id, kind: a.kind, start: a.start, end: a.end });
    nextId = Math.max(nextId, a.id + 1);
  }
  return {
    v: 1,
    settings: normaliseSettings(raw.settings),
    answers: answers.sort(byPosition),
    nextId,
    active: Boolean(raw.active),
    compared: Boolean(raw.compared),
  };
}

// ----------------------------------------------------------- comparison

/** Compares the student's answers with Sourcelight's marks, for the kinds the
 *  exercise asks for. A tool mark is found when a student mark of the same
 *  kind overlaps it; a student mark that overlaps no tool mark of its kind is
 *  the student's own. Items are in article order:
 *    { status: 'both',    kind, start, end, tool, answers: [answer...] }
 *    { status: 'tool',    kind, start, end, tool, answers: [] }
 *    { status: 'student', kind, start, end, tool: null, answers: [answer] }
 *  and per kind: { tool, found, extra, student }. */
export function compare(toolMarks, answers, kinds = KINDS) {
  const items = [];
  const perKind = {};
  for (const kind of kinds) perKind[kind] = { tool: 0, found: 0, extra: 0, student: 0 };
  const matched = new Set();
  for (const m of toolMarks) {
    if (!perKind[m.kind]) continue;
    const hits = answers.filter((a) => a.kind === m.kind && overlaps(a, m));
    for (const a of hits) matched.add(a.id);
    perKind[m.kind].tool++;
    if (hits.length) perKind[m.kind].found++;
    items.push({ status: hits.length ? 'both' : 'tool', kind: m.kind, start: m.start, end: m.end, tool: m, answers: hits });
  }
  for (const a of answers) {
    if (!perKind[a.kind]) continue;
    perKind[a.kind].student++;
    if (!matched.has(a.id)) {
      perKind[a.kind].extra++;
      items.push({ status: 'student', kind: a.kind, start: a.start, end: a.end, tool: null, answers: [a] });
    }
  }
  items.sort((x, y) => x.start - y.start || y.end - x.end);
  return { items, perKind };
}

/** One line per kind: "Anonymous sources: you found 4 of the 6 Sourcelight
 *  marked, and marked 2 it did not." */
export function summaryLine(kind, s) {
  const name = KIND_PLURALS[kind][0].toUpperCase() + KIND_PLURALS[kind].slice(1);
  const found = s.tool === 0
    ? 'Sourcelight marked none'
    : `you found ${s.found} of the ${s.tool} Sourcelight marked`;
  const extra = s.extra === 0 ? '' : `, and marked ${s.extra} it did not`;
  return `${name}: ${found}${extra}.`;
}

// --------------------------------------------------------------- storage

/** A short, stable key for an article: two 32-bit FNV-1a hashes over its
 *  UTF-16 code units, and its length. Not cryptographic: it only tells one
 *  article's saved work from another's. */
export function articleKey(text) {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (i & 0xff), 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (x) => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(h1)}${hex(h2)}-${text.length.toString(36)}`;
}

export const STORAGE_PREFIX = 'sourcelight.exercise.';

/** storage: a Storage-like object (localStorage); failures are ignored, so
 *  the exercise works (without keeping it) in private mode. */
export function loadWork(storage, text) {
  try {
    const raw = storage.getItem(STORAGE_PREFIX + articleKey(text));
    return raw ? validateWork(JSON.parse(raw), text) : null;
  } catch { return null; }
}

export function saveWork(storage, text, work) {
  try {
    storage.setItem(STORAGE_PREFIX + articleKey(text), JSON.stringify(work));
    return true;
  } catch { return false; }
}

export function clearWork(storage, text) {
  try { storage.removeItem(STORAGE_PREFIX + articleKey(text)); } catch { /* nothing kept */ }
}

// ------------------------------------------------------------- drawing

/** Cuts text[0, text.length) at every span edge. Each piece lists the spans
 *  covering it, longest (outermost) first, so a renderer can nest one element
 *  per span. spans: [{ start, end, ... }]; pieces: { start, end, spans }.
 *  One sweep over the edges, so a long article with many marks stays fast. */
export function pieces(text, spans) {
  const valid = spans.filter((s) => s.start < s.end && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const at = [...cuts].sort((a, b) => a - b);
  const out = [];
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < at.length; i++) {
    const start = at[i];
    const end = at[i + 1];
    active = active.filter((s) => s.end > start);
    while (next < valid.length && valid[next].start <= start) {
      if (valid[next].end > start) active.push(valid[next]);
      next++;
    }
    const cover = active.slice()
      .sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
    out.push({ start, end, spans: cover });
  }
  return out;
}

/** The article's paragraphs (split at blank lines, or at line breaks when
 *  the text has no blank lines), with their offsets; empty ones are left out. */
export function paragraphs(text) {
  const sep = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const out = [];
  let from = 0;
  const push = (s, e) => {
    const span = trimSpan(text, s, e);
    if (span) out.push(span);
  };
  for (const m of text.matchAll(sep)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}
