// Export and import of an exercise: Sourcelight's marks and a student's
// answers as CSV (for a spreadsheet) and JSON (to load back into the page).
// Pure functions over plain data; docs/exercise-files.md documents both
// formats. The page turns the strings into downloads (classroom.js).

import { KINDS, articleKey, compare, normaliseSettings, validateWork } from './exercise.js';

export const FORMAT = 'sourcelight-exercise';
export const FORMAT_VERSION = 1;

export const CSV_COLUMNS = [
  'source', 'id', 'kind', 'start', 'end', 'text', 'comparison',
  'rule', 'speaker', 'speaker_kind', 'why', 'question',
];

/** One CSV field (RFC 4180). A text field a spreadsheet would read as a
 *  formula (starting with = + - @, tab or carriage return) gets a leading
 *  apostrophe, as OWASP advises against CSV injection. */
export function csvField(value, { text = false } = {}) {
  let s = value === null || value === undefined ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const STATUS_WORDS = { both: 'both', tool: 'sourcelight only', student: 'student only' };

/** The CSV: one row per Sourcelight mark of the asked kinds, then one per
 *  student answer, each with how it compares. CRLF line ends, UTF-8. */
export function toCSV(text, toolMarks, work) {
  const kinds = normaliseSettings(work.settings).kinds;
  const { items } = compare(toolMarks, work.answers, kinds);
  const statusOfTool = new Map();
  const statusOfAnswer = new Map();
  for (const it of items) {
    if (it.tool) statusOfTool.set(it.tool, it.status);
    for (const a of it.answers) if (it.status === 'both' || !statusOfAnswer.has(a.id)) statusOfAnswer.set(a.id, it.status);
  }
  const rows = [CSV_COLUMNS.join(',')];
  const row = (cells) => rows.push(cells.map((c, i) => csvField(c, { text: [5, 8, 9, 10, 11].includes(i) })).join(','));
  toolMarks.forEach((m, i) => {
    if (!kinds.includes(m.kind)) return;
    row(['sourcelight', m.id ?? i, m.kind, m.start, m.end, text.slice(m.start, m.end),
      STATUS_WORDS[statusOfTool.get(m)], m.rule, m.speaker?.text ?? '', m.speaker?.kind ?? '',
      m.why, m.question]);
  });
  for (const a of work.answers) {
    if (!kinds.includes(a.kind)) continue;
    row(['student', a.id, a.kind, a.start, a.end, text.slice(a.start, a.end),
      STATUS_WORDS[statusOfAnswer.get(a.id)], '', '', '', '', '']);
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The JSON document: the article, the exercise, the student's answers and
 *  Sourcelight's marks, so a teacher can see the comparison later. */
export function toJSON(text, toolMarks, work, { student = '', rules = '' } = {}) {
  const settings = normaliseSettings(work.settings);
  const doc = {
    format: FORMAT,
    version: FORMAT_VERSION,
    offsets: 'utf-16',
    student,
    article: { key: articleKey(text), text },
    settings: { kinds: settings.kinds, hidden: settings.hidden },
    rules,
    answers: work.answers.map((a) => ({ id: a.id, kind: a.kind, start: a.start, end: a.end, text: text.slice(a.start, a.end) })),
    sourcelight: toolMarks.map((m, i) => ({
      id: m.id ?? i, kind: m.kind, start: m.start, end: m.end, text: text.slice(m.start, m.end),
      rule: m.rule, why: m.why, question: m.question,
      speaker: m.speaker ? { text: m.speaker.text ?? '', kind: m.speaker.kind } : null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export class ImportError extends Error {}

function fail(name, why) { throw new ImportError(`${name}: ${why}`); }

/** Reads a file made by toJSON. Returns { student, text, key, settings,
 *  rules, work, toolMarks } (rules '' when the file has none); throws ImportError naming the file and the problem. */
export function parseExerciseJSON(source, name = 'file') {
  let doc;
  try { doc = JSON.parse(source); } catch { fail(name, 'this is not a JSON file.'); }
  if (!doc || doc.format !== FORMAT) fail(name, 'this is not a Sourcelight exercise file.');
  if (doc.version !== FORMAT_VERSION) fail(name, `this file is version ${doc.version}; this page reads version ${FORMAT_VERSION}.`);
  const text = doc.article?.text;
  if (typeof text !== 'string' || !text) fail(name, 'the file has no article.');
  const rules = doc.rules ?? '';
  if (typeof rules !== 'string') fail(name, 'its list of phrases is not text (the file was changed).');
  const work = validateWork({ v: 1, settings: doc.settings, answers: doc.answers ?? [] }, text);
  if (!work) fail(name, 'some of the marks do not fit the article (the file was changed).');
  for (const a of doc.answers ?? []) {
    if (typeof a.text === 'string' && text.slice(a.start, a.end) !== a.text) {
      fail(name, 'some of the marks do not fit the article (the file was changed).');
    }
  }
  const toolMarks = [];
  for (const m of Array.isArray(doc.sourcelight) ? doc.sourcelight : []) {
    if (!m || !KINDS.includes(m.kind) || !Number.isInteger(m.start) || !Number.isInteger(m.end)
      || m.start < 0 || m.end > text.length || m.start >= m.end) {
      fail(name, 'some of Sourcelight’s marks do not fit the article (the file was changed).');
    }
    toolMarks.push({
      id: m.id, kind: m.kind, start: m.start, end: m.end, rule: String(m.rule ?? ''),
      why: String(m.why ?? ''), question: String(m.question ?? ''),
      speaker: m.speaker ? { text: String(m.speaker.text ?? ''), kind: String(m.speaker.kind ?? 'unknown') } : null,
    });
  }
  return {
    student: typeof doc.student === 'string' ? doc.student : '',
    text,
    key: articleKey(text),
    settings: work.settings,
    rules,
    work,
    toolMarks,
  };
}

/** A file name from the article's first line: "harbor-bridge-repairs-….csv". */
export function fileName(text, suffix) {
  const first = (text.trim().split('\n')[0] || 'article').toLowerCase();
  const slug = first.normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'article';
  return `${slug.replace(/-+$/, '')}${suffix}`;
}
