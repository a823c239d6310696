// Sharing an exercise with no server: the article and the exercise settings
// travel in the link's fragment (#…), which the browser never sends anywhere,
// or, for articles too long for a link, inside a downloaded copy of the
// single-file page.
//
// Fragment format, version 2:
//
//   #sl2.<crc>.<data>
//   data  base64url (RFC 4648 §5, no padding) of the deflate-raw compressed
//         UTF-8 JSON { "text": string, "kinds": Kind[], "hidden": boolean,
//         "rules": string }  (rules: the teacher's own phrases, '' for none)
//   crc   CRC-32 (IEEE) of that JSON's UTF-8 bytes, 8 lowercase hex digits
//
// Version 1 (#sl1.…) is the same without "rules"; it still opens.
//
// Decoding checks each step (prefix, base64url, inflate with a size cap,
// checksum, JSON shape) and throws a ShareError with a message for the reader
// at the first problem, so a broken or changed link loads nothing.
//
// Needs CompressionStream / DecompressionStream with 'deflate-raw'
// (Chromium 103+, Firefox 113+, Safari 16.4+, node 21.2+/20.12+).

import { KINDS, normaliseSettings } from './exercise.js';

export const PREFIX = 'sl2.';
/** Longer links are not offered; see README ("Sharing an exercise"). */
export const LINK_LIMIT = 8000;
/** The largest article a link or exercise file may carry (UTF-16 units). */
export const MAX_TEXT = 2 * 1024 * 1024;
/** The longest list of a teacher's own phrases a link may carry (500 rules
 *  of at most 1,000 characters, docs/custom-rules.md, and their comments). */
export const MAX_RULES = 600_000;

export class ShareError extends Error {}

// --------------------------------------------------------------- helpers

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64url(bytes) {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[n >> 18] + B64[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63];
  }
  return out;
}

const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Returns null for anything that is not canonical unpadded base64url. */
export function fromBase64url(s) {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return null; // stray bits: not canonical
  return out;
}

async function pipe(bytes, stream, limit) {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new ShareError('This exercise is larger than Sourcelight accepts.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// -------------------------------------------------------------- encoding

/** The fragment (without '#') for an article, its exercise settings and the
 *  teacher's own phrases (a string, '' for none). */
export async function encodeExercise(text, settings, rules = '') {
  if (typeof text !== 'string' || !text) throw new ShareError('There is no article to share.');
  if (text.length > MAX_TEXT) throw new ShareError('This article is too long to share.');
  if (typeof rules !== 'string' || rules.length > MAX_RULES) throw new ShareError('Your phrases are too long to share.');
  const s = normaliseSettings(settings);
  const json = new TextEncoder().encode(JSON.stringify({ text, kinds: s.kinds, hidden: s.hidden, rules }));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
  return `${PREFIX}${crc32(json)}.${toBase64url(packed)}`;
}

const DAMAGED = 'This exercise link is damaged or incomplete (part of it may have been cut off when it was copied). '
  + 'Nothing was loaded. Ask for the link again, or for the exercise as a file.';

/** True when a fragment is meant for this decoder (any version). */
export function looksLikeExercise(fragment) {
  return /^#?sl\d+\./.test(fragment || '');
}

/** { text, settings, rules } from a fragment (with or without '#'), version
 *  1 or 2 (rules '' for version 1); throws ShareError. */
export async function decodeExercise(fragment) {
  const f = (fragment || '').replace(/^#/, '');
  if (!/^sl[12]\./.test(f)) {
    if (/^sl\d+\./.test(f)) {
      throw new ShareError('This exercise link was made by a newer version of Sourcelight. Nothing was loaded.');
    }
    throw new ShareError(DAMAGED);
  }
  const m = /^sl([12])\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/.exec(f);
  if (!m) throw new ShareError(DAMAGED);
  const v2 = m[1] === '2';
  const packed = fromBase64url(m[3]);
  if (!packed) throw new ShareError(DAMAGED);
  let json;
  try {
    // UTF-8 JSON of MAX_TEXT UTF-16 units is at most 3 bytes each, plus escapes.
    json = await pipe(packed, new DecompressionStream('deflate-raw'), (MAX_TEXT + MAX_RULES) * 6 + 1024);
  } catch (err) {
    if (err instanceof ShareError) throw err;
    throw new ShareError(DAMAGED);
  }
  if (crc32(json) !== m[2]) throw new ShareError(DAMAGED);
  let data;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareError(DAMAGED);
  }
  if (!data || typeof data.text !== 'string' || !data.text || data.text.length > MAX_TEXT
    || !Array.isArray(data.kinds) || !data.kinds.every((k) => KINDS.includes(k))
    || typeof data.hidden !== 'boolean'
    || (v2 && (typeof data.rules !== 'string' || data.rules.length > MAX_RULES))) {
    throw new ShareError(DAMAGED);
  }
  return {
    text: data.text,
    settings: normaliseSettings({ kinds: data.kinds, hidden: data.hidden }),
    rules: v2 ? data.rules : '',
  };
}

// ------------------------------------------- the single-file page as a file

const EMBED_NAME = 'sourcelight-exercise';

/** The single-file page as it arrived, before any script changed it, or null
 *  when this page is not the single-file build (it loads files with src/href).
 *  Read when this module is first evaluated: the page's own script runs after
 *  the modules it imports. */
function capture() {
  if (typeof document === 'undefined') return null;
  const single = !document.querySelector('script[src], link[rel="stylesheet"]')
    && document.querySelector('script[type="module"]:not([src])');
  return single ? `<!doctype html>\n${document.documentElement.outerHTML}\n` : null;
}
const PRISTINE = capture();

/** True where "Download this exercise" can make a copy of the page itself. */
export function canDownloadPage() { return PRISTINE !== null; }

/** The page's HTML with the exercise built in (a meta element in <head>,
 *  which the page's Content Security Policy hashes do not cover). */
export function pageWithExercise(html, fragment) {
  if (!/^sl\d+\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/.test(fragment)) throw new ShareError('Not an exercise.');
  const meta = `<meta name="${EMBED_NAME}" content="${fragment}">`;
  const old = new RegExp(`<meta name="${EMBED_NAME}" content="[^"]*">`);
  if (old.test(html)) return html.replace(old, meta);
  const at = html.indexOf('<meta charset="utf-8">');
  if (at < 0) throw new ShareError('This page cannot be copied.');
  const end = at + '<meta charset="utf-8">'.length;
  return `${html.slice(0, end)}\n${meta}${html.slice(end)}`;
}

export function downloadablePage(fragment) {
  if (!PRISTINE) throw new ShareError('Only the single-file page can save a copy of itself.');
  return pageWithExercise(PRISTINE, fragment);
}

/** The exercise built into this page, if it is a downloaded exercise. */
export function embeddedExercise(doc = globalThis.document) {
  const el = doc?.querySelector(`meta[name="${EMBED_NAME}"]`);
  return el ? el.getAttribute('content') : null;
}
