//! One canonical form of the article for the matchers, with a map back.
//!
//! Pasted articles arrive with CRLF or lone CR line endings, tabs, runs of
//! spaces, non-breaking spaces and invisible characters (zero-width spaces,
//! joiners, soft hyphens, byte-order marks). Every matcher works on a
//! normalised copy in which:
//!
//! - every run of white space becomes a single space `" "`, except that a run
//!   holding a paragraph break becomes exactly `"\n\n"`;
//! - a paragraph break is a blank line (two line breaks, or U+2029). A lone
//!   line break (one not part of a blank line) is decided by the article's
//!   layout (see [`LoneBreaks`]):
//!   - with no blank line at all, each lone break is a paragraph break: text
//!     copied from a web page often has one paragraph a line;
//!   - when most of the text is in lines longer than 100 chars, which no
//!     wrapper makes, each lone break is a paragraph break too: one paragraph
//!     a line, with blank lines only between stories or after a headline and
//!     byline ("Headline\nParagraph one.\nParagraph two.\n\nNext
//!     headline\n…");
//!   - otherwise the article is hard-wrapped (e-mail, wire copy at 60 to 80
//!     columns, paragraphs separated by blank lines) and a lone break is a
//!     space, except after a line longer than 100 chars, or after a short
//!     line (at most three quarters of the article's widest line) that ends
//!     in a letter or digit when the next word would have fitted on it: a
//!     headline or byline above the text, where a wrapper that fills each
//!     line would not have broken. Hard-wrapping an article at any width
//!     from 40 to 100 columns leaves its marks as they were (checked by
//!     `eval/wrap_invariance.py`);
//! - zero-width joiners and non-joiners, word joiners, soft hyphens and
//!   byte-order marks are dropped, so "re\u{00AD}portedly" still reads as
//!   "reportedly"; a zero-width space counts as a space.
//!
//! Offsets in the normalised text are mapped back to the original with
//! [`Normalized::to_original`]. When the article is already in canonical form
//! (the common case), no copy and no map are made.

use crate::span::ByteSpan;
use crate::text;
use std::borrow::Cow;
use std::cell::Cell;

pub struct Normalized<'a> {
    /// The canonical text the matchers read.
    pub text: Cow<'a, str>,
    original: &'a str,
    /// Where normalised and original offsets stop moving in step: each
    /// `(normalised, original)` pair starts a stretch in which both advance
    /// together. Sorted; empty when `text` is the original. One entry per
    /// changed run of white space, so it stays small.
    segments: Vec<(u32, u32)>,
    /// The segment the last look-up found: the marks are mapped back in
    /// the order of their starts, so the next look-up is searched for
    /// onwards from here (see [`Normalized::segment_at`]).
    last: Cell<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Keep,
    Space,
    LineBreak,
    ParagraphBreak,
    Drop,
}

fn classify(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => Class::LineBreak,
        '\u{2029}' => Class::ParagraphBreak,
        ' '
        | '\t'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200B}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Class::Space,
        '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => Class::Drop,
        _ => Class::Keep,
    }
}

impl<'a> Normalized<'a> {
    pub fn new(original: &'a str) -> Self {
        if is_canonical(original, |_| {}) {
            Self::unchanged(original)
        } else {
            Self::built(original)
        }
    }

    /// [`Normalized::new`] and the normalised text's [`text::paragraphs`]:
    /// a text already in canonical form (the common case) has its
    /// paragraph breaks noted by the check that finds it so, which visits
    /// every line break, where a search of their own read the whole text
    /// again (about 0.5M instructions on 1 MB of news).
    pub(crate) fn with_paragraphs(original: &'a str) -> (Self, Vec<ByteSpan>) {
        let mut breaks = text::ParagraphSpans::new(original);
        if is_canonical(original, |at| breaks.break_at(at)) {
            return (Self::unchanged(original), breaks.finish());
        }
        let norm = Self::built(original);
        let paragraphs = text::paragraphs(&norm.text);
        (norm, paragraphs)
    }

    /// A text already in canonical form: no copy and no map.
    fn unchanged(original: &'a str) -> Self {
        Self {
            text: Cow::Borrowed(original),
            original,
            segments: Vec::new(),
            last: Cell::new(0),
        }
    }

    /// A text that normalising changes: its copy and the map back.
    fn built(original: &'a str) -> Self {
        let n = build(original, LoneBreaks::of(original));
        Self {
            text: Cow::Owned(n.text),
            original,
            segments: n.segments,
            last: Cell::new(0),
        }
    }

    /// The original offset of normalised byte `i` (not yet on a char
    /// boundary when `i` is inside a char).
    fn original_at(&self, i: usize) -> usize {
        let k = self.segment_at(i);
        self.last.set(k);
        let (norm, orig) = self.segments[k];
        (orig as usize + (i - norm as usize)).min(self.original.len())
    }

    /// The last segment that starts at or before normalised byte `i` (the
    /// first segment if none does; `segments` is not empty). Searched for
    /// from the last look-up's segment, in steps that double, then by
    /// halves: a mark's start is some segments on from the last mark's,
    /// and its end a few on from its start, where a search over the
    /// whole map took some 18 halvings (about 400 instructions a mark on
    /// text of short lines). The answer is the one a search over the
    /// whole map gives (a test holds the two together).
    fn segment_at(&self, i: usize) -> usize {
        let seg = &self.segments;
        let at_or_before = |k: usize| seg[k].0 as usize <= i;
        let from = self.last.get().min(seg.len() - 1);
        if !at_or_before(from) {
            return seg[..from]
                .partition_point(|&(norm, _)| norm as usize <= i)
                .saturating_sub(1);
        }
        // `seg[lo]` starts at or before `i`, and `seg[hi]`, if there is
        // one, after it.
        let (mut lo, mut step) = (from, 1);
        let hi = loop {
            let next = lo + step;
            if next >= seg.len() || !at_or_before(next) {
                break next.min(seg.len());
            }
            lo = next;
            step *= 2;
        };
        lo + seg[lo + 1..hi].partition_point(|&(norm, _)| norm as usize <= i)
    }

    fn on_boundary(&self, mut at: usize) -> usize {
        while !self.original.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    /// Maps a span of the normalised text back to the original article.
    /// (Inlined for the common case, an article already in canonical form,
    /// which maps each span to itself.)
    #[inline]
    pub fn to_original(&self, span: ByteSpan) -> ByteSpan {
        if self.segments.is_empty() {
            return span;
        }
        self.mapped_to_original(span)
    }

    /// [`Self::to_original`] through the map.
    #[inline(never)]
    fn mapped_to_original(&self, span: ByteSpan) -> ByteSpan {
        let start = self.on_boundary(self.original_at(span.start()));
        if span.end() <= span.start() {
            return ByteSpan::new(start, start);
        }
        let end = match self.text.as_bytes()[span.end() - 1] {
            // A collapsed run of white space: end where the run ended.
            b' ' | b'\n' => self.original_at(span.end()),
            _ => self.original_at(span.end() - 1) + 1,
        };
        ByteSpan::new(
            start,
            self.on_boundary(end.max(start).min(self.original.len())),
        )
    }
}

struct Builder {
    text: String,
    segments: Vec<(u32, u32)>,
}

impl Builder {
    /// Appends `s`, which stands for the original text at `orig`; starts a
    /// new segment when the two offsets have drifted apart.
    fn push(&mut self, s: &str, orig: usize) {
        let norm = self.text.len();
        let in_step = self
            .segments
            .last()
            .is_some_and(|&(n, o)| o as usize + (norm - n as usize) == orig);
        if !in_step {
            self.segments.push((norm as u32, orig as u32));
        }
        self.text.push_str(s);
    }
}

/// The char at byte `i` of `s` (a char boundary) and its length.
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes()[i] {
        b @ 0..0x80 => (b as char, 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// The length of the non-ASCII char starting at byte `p` when its bytes
/// alone show that it is kept as it is (a curly quote, a dash, a letter);
/// None for ASCII and for the few chars that need [`classify`]. Every white
/// space and invisible that normalising changes starts with 0xC2, 0xE1,
/// 0xE2, 0xE3 or 0xEF, and is told from its neighbours by the bytes after.
fn plainly_kept(bytes: &[u8], p: usize) -> Option<usize> {
    let b0 = bytes[p];
    let b1 = bytes.get(p + 1).copied().unwrap_or(0);
    let b2 = bytes.get(p + 2).copied().unwrap_or(0);
    let maybe_changed = match b0 {
        0..0xC0 => return None,
        0xC2 => matches!(b1, 0x85 | 0xA0 | 0xAD),
        0xE1 => b1 == 0x9A && b2 == 0x80,
        0xE2 => {
            (b1 == 0x80 && matches!(b2, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF))
                || (b1 == 0x81 && matches!(b2, 0x9F | 0xA0))
        }
        0xE3 => b1 == 0x80 && b2 == 0x80,
        0xEF => b1 == 0xBB && b2 == 0xBF,
        _ => false,
    };
    match b0 {
        _ if maybe_changed => None,
        0xC0..0xE0 => Some(2),
        0xE0..0xF0 => Some(3),
        _ => Some(4),
    }
}

/// Builds the canonical text and its offset map. Stretches of text that stay
/// as they are (everything but white space and invisibles) are copied whole;
/// only the runs that change are walked char by char.
fn build(original: &str, lone: LoneBreaks) -> Builder {
    let bytes = original.as_bytes();
    let mut n = Builder {
        text: String::with_capacity(original.len() + original.len() / 16),
        segments: Vec::new(),
    };
    // Start of the kept text not yet copied; everything before `cursor` is
    // decided.
    let mut keep_from = 0;
    let mut cursor = 0;
    // Where the current line's kept text starts.
    let mut line_start = 0;
    for p in Specials::new(bytes) {
        if p < cursor {
            continue;
        }
        if let Some(len) = plainly_kept(bytes, p) {
            cursor = p + len;
            continue;
        }
        let (c, len) = char_at(original, p);
        let kept = match classify(c) {
            Class::Keep => true,
            // A lone space before a kept char stays as it is.
            Class::Space if c == ' ' => {
                p + 1 < bytes.len() && classify(char_at(original, p + 1).0) == Class::Keep
            }
            _ => false,
        };
        if kept {
            cursor = p + len;
            continue;
        }
        if keep_from < p {
            n.push(&original[keep_from..p], keep_from);
        }
        // The run of white space and invisibles from `p`: its start in the
        // original (at its first white space) and how many line breaks it
        // held (CRLF counts once).
        let mut run: Option<(usize, u32)> = None;
        let mut prev_cr = false;
        let mut q = p;
        while q < bytes.len() {
            let (c, len) = char_at(original, q);
            let add = match classify(c) {
                Class::Keep => break,
                Class::Drop => None,
                Class::LineBreak if c == '\n' && prev_cr => Some(0),
                Class::LineBreak => Some(1),
                Class::ParagraphBreak => Some(2),
                Class::Space => Some(0),
            };
            if let Some(add) = add {
                match &mut run {
                    Some((_, breaks)) => *breaks += add,
                    None => run = Some((q, add)),
                }
            }
            prev_cr = c == '\r';
            q += len;
        }
        if let Some((start, breaks)) = run {
            let paragraph =
                breaks >= 2 || (breaks == 1 && lone.is_paragraph(original, line_start, start, q));
            n.push(if paragraph { "\n\n" } else { " " }, start);
            if breaks > 0 {
                line_start = q;
            }
        }
        keep_from = q;
        cursor = q;
    }
    if keep_from < bytes.len() {
        n.push(&original[keep_from..], keep_from);
    }
    n.segments
        .push((n.text.len() as u32, original.len() as u32));
    n
}

/// A line longer than this (in chars) was not hard-wrapped: mail clients
/// and wire copy wrap at 60 to 80 columns.
const MAX_WRAP: usize = 100;

/// What a lone line break (one not part of a blank line) is in an article.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LoneBreaks {
    /// Always a paragraph break: the article has no blank line, or most of
    /// its text is in lines longer than any wrap width (one paragraph a
    /// line, with blank lines only between stories or sections).
    Paragraph,
    /// The article is hard-wrapped at `width` columns (its longest line of
    /// at most [`MAX_WRAP`] chars with a space in it): a lone break is a space, except after a
    /// short line that a wrapper would not have broken (see
    /// [`LoneBreaks::is_paragraph`]).
    Wrapped { width: usize },
}

impl LoneBreaks {
    /// The article's layout, in one pass over its lines: each line's chars
    /// are counted from the same 64-byte masks that find its end (see
    /// [`line_masks`]), and only its two ends are read again, to see
    /// whether white space is to be trimmed there. (Trimming and counting
    /// every line by chars after the search cost about 30 instructions a
    /// line on text of short lines.)
    fn of(s: &str) -> Self {
        if !has_blank_line(s) {
            return Self::Paragraph;
        }
        let mut layout = Layout::default();
        let bytes = s.as_bytes();
        // The line being read starts at `from`; its bytes before `counted`
        // hold `chars` chars, and a space if `spaced`.
        let (mut from, mut counted, mut chars, mut spaced) = (0, 0, 0, false);
        let mut base = 0;
        while base < bytes.len() {
            let end = (base + 64).min(bytes.len());
            let (mut breaks, cont, space) = line_masks(&bytes[base..end]);
            // Bits `lo..hi` of a block's mask.
            let range = |lo: usize, hi: usize| {
                if hi > lo {
                    u64::MAX >> (64 - (hi - lo)) << lo
                } else {
                    0
                }
            };
            while breaks != 0 {
                let k = breaks.trailing_zeros() as usize;
                breaks &= breaks - 1;
                let len = break_len(bytes, base + k);
                if len == 0 || base + k < counted {
                    continue;
                }
                let bits = range(counted - base, k);
                chars += bits.count_ones() as usize - (cont & bits).count_ones() as usize;
                spaced |= space & bits != 0;
                layout.add(&s[from..base + k], chars, spaced);
                (from, counted, chars, spaced) = (base + k + len, base + k + len, 0, false);
            }
            if counted < end {
                let bits = range(counted.max(base) - base, end - base);
                chars += bits.count_ones() as usize - (cont & bits).count_ones() as usize;
                spaced |= space & bits != 0;
                counted = end;
            }
            base = end;
        }
        layout.add(&s[from..], chars, spaced);
        layout.finish()
    }

    /// Is the lone line break in the white space at `start..next` a
    /// paragraph break? The line before it holds `s[line_start..start]`.
    /// In hard-wrapped text it is when that line is longer than any wrap
    /// width, or when it is a short line (at most three quarters of the
    /// width) ending in a letter or digit, not in punctuation, and the next
    /// word (up to a plain space) would have fitted on it: a headline or a
    /// byline, where a
    /// wrapper that fills each line would not have broken.
    fn is_paragraph(self, s: &str, line_start: usize, start: usize, next: usize) -> bool {
        let Self::Wrapped { width } = self else {
            return true;
        };
        let line = &s[line_start..start];
        // Cheap tests first: a line of few bytes has few chars.
        let len = if line.len() > MAX_WRAP || line.len() * 4 <= width * 3 {
            line_len(line)
        } else {
            line.len()
        };
        if len > MAX_WRAP {
            return true;
        }
        if len * 4 > width * 3 {
            return false;
        }
        let ends_in_word = line
            .chars()
            .rev()
            .find(|&c| classify(c) == Class::Keep)
            .is_some_and(char::is_alphanumeric);
        if !ends_in_word {
            return false;
        }
        let word = s[next..]
            .chars()
            // A wrapper breaks lines only at plain spaces, never at a
            // no-break or thin space.
            .take_while(|&c| {
                !matches!(c, ' ' | '\t')
                    && !matches!(classify(c), Class::LineBreak | Class::ParagraphBreak)
            })
            .take(width + 1)
            .count();
        len + 1 + word <= width
    }
}

/// What [`LoneBreaks::of`] gathers from the article's lines: the chars in
/// lines a wrapper could have made and in longer lines, and the widest
/// wrapped line with a space in it.
#[derive(Default)]
struct Layout {
    short: usize,
    long: usize,
    width: usize,
}

impl Layout {
    /// One line, of `chars` chars and with a space in it if `spaced`
    /// (white space at its ends included in both).
    fn add(&mut self, line: &str, chars: usize, spaced: bool) {
        let (n, spaced) = if has_plain_ends(line) {
            (chars, spaced)
        } else {
            let line = trim_line(line);
            (char_count(line), line.contains(' '))
        };
        if n > MAX_WRAP {
            self.long += n;
        } else {
            self.short += n;
            // A line without a space is one long word (a link) that
            // overran the width.
            if spaced {
                self.width = self.width.max(n);
            }
        }
    }

    fn finish(self) -> LoneBreaks {
        if self.long > self.short {
            LoneBreaks::Paragraph
        } else {
            LoneBreaks::Wrapped { width: self.width }
        }
    }
}

/// Does `line` start and end with a char that [`trim_line`] keeps (or is
/// it empty)? Then it is its own trimmed line. Read from the bytes: ASCII
/// other than space and tab, or a char [`plainly_kept`] knows; anything
/// else is left to `trim_line`.
fn has_plain_ends(line: &str) -> bool {
    let b = line.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    let plain = |at: usize, byte: u8| {
        if byte < 0x80 {
            byte != b' ' && byte != b'\t'
        } else {
            plainly_kept(b, at).is_some()
        }
    };
    if !plain(0, first) {
        return false;
    }
    if last < 0x80 {
        return plain(b.len() - 1, last);
    }
    // The last char's first byte: at most three continuation bytes back.
    let lead = (b.len().saturating_sub(4)..b.len())
        .rev()
        .find(|&i| b[i] & 0xC0 != 0x80)
        .unwrap_or(0);
    plain(lead, b[lead])
}

/// The length of the line break starting at byte `i` (a CR and an LF are
/// each one), 0 if none starts there: `\n`, `\r`, `\x0B`, `\x0C`, U+0085,
/// U+2028 or U+2029.
fn break_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
        {
            3
        }
        _ => 0,
    }
}

/// For a block of up to 64 bytes, one bit a byte: the bytes that may start
/// a line break (`\n` to `\r`, and 0xC2 and 0xE2, the first bytes of
/// U+0085, U+2028 and U+2029; see [`break_len`]), the UTF-8 continuation
/// bytes, and the spaces.
fn line_masks(block: &[u8]) -> (u64, u64, u64) {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = <&[u8; 64]>::try_from(block) {
        return line_masks_sse2(block);
    }
    line_masks_portable(block)
}

/// [`line_masks`] a byte at a time, for other targets and short blocks.
fn line_masks_portable(block: &[u8]) -> (u64, u64, u64) {
    let (mut breaks, mut cont, mut space) = (0, 0, 0);
    for (k, &b) in block.iter().enumerate() {
        breaks |= u64::from(matches!(b, b'\n'..=b'\r' | 0xC2 | 0xE2)) << k;
        cont |= u64::from(b & 0xC0 == 0x80) << k;
        space |= u64::from(b == b' ') << k;
    }
    (breaks, cont, space)
}

/// The bytes of `v` in `lo..lo + len` (`len` at most 128), each lane all
/// ones or zero: the range moved to the bottom of the signed bytes, so one
/// signed compare tests it. For [`line_masks_sse2`] and [`sse2_masks`].
#[cfg(target_arch = "x86_64")]
#[inline]
fn sse2_in_range(v: std::arch::x86_64::__m128i, lo: u8, len: u8) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86_64 baseline; these touch no memory.
    unsafe {
        _mm_cmplt_epi8(
            _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8)),
            _mm_set1_epi8((0x80u8.wrapping_add(len)) as i8),
        )
    }
}

/// [`line_masks`] of 64 bytes with SSE2, which every x86_64 processor has.
#[cfg(target_arch = "x86_64")]
fn line_masks_sse2(block: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    let (mut breaks, mut cont, mut space) = (0u64, 0u64, 0u64);
    for q in 0..4 {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the unaligned load
        // reads bytes 16q..16q+16 of a 64-byte array.
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * q).cast::<__m128i>());
            let ctrl = sse2_in_range(v, b'\n', 4);
            let leads = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(0xC2u8 as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(0xE2u8 as i8)),
            );
            // 0x80..=0xBF are the signed bytes below -64.
            let continuation = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
            let bits = |x: __m128i| u64::from(_mm_movemask_epi8(x) as u16) << (16 * q);
            breaks |= bits(_mm_or_si128(ctrl, leads));
            cont |= bits(continuation);
            space |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)));
        }
    }
    (breaks, cont, space)
}

/// A line without the white space and invisibles around it.
fn trim_line(line: &str) -> &str {
    line.trim_matches(|c| matches!(classify(c), Class::Space | Class::Drop))
}

/// The length of a line in chars, without the white space around it.
fn line_len(line: &str) -> usize {
    if has_plain_ends(line) {
        char_count(line)
    } else {
        char_count(trim_line(line))
    }
}

/// The chars of `s`: its bytes that are not UTF-8 continuation bytes.
fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// Does the article separate paragraphs with blank lines?
fn has_blank_line(s: &str) -> bool {
    let mut breaks = 0;
    let mut prev_cr = false;
    let mut cursor = 0;
    for p in Specials::new(s.as_bytes()) {
        if p < cursor {
            continue;
        }
        if p > cursor {
            // Only kept chars (and lone spaces before them) lie between.
            breaks = 0;
            prev_cr = false;
        }
        if let Some(len) = plainly_kept(s.as_bytes(), p) {
            breaks = 0;
            prev_cr = false;
            cursor = p + len;
            continue;
        }
        let (c, len) = char_at(s, p);
        match classify(c) {
            Class::ParagraphBreak => return true,
            Class::LineBreak => {
                if !(c == '\n' && prev_cr) {
                    breaks += 1;
                    if breaks >= 2 {
                        return true;
                    }
                }
            }
            Class::Space | Class::Drop => {}
            Class::Keep => breaks = 0,
        }
        prev_cr = c == '\r';
        cursor = p + len;
    }
    false
}

/// True when normalising would change nothing: single spaces between words,
/// paragraphs separated by exactly "\n\n", nothing invisible. (Then every
/// line break is part of a blank line, so whether the article has blank
/// lines does not matter.) Each paragraph break it passes, the offset of
/// its `"\n\n"`, goes to `on_break`, in order: in canonical text every
/// line break is half of one.
fn is_canonical(s: &str, mut on_break: impl FnMut(usize)) -> bool {
    let bytes = s.as_bytes();
    let mut cursor = 0;
    for p in Specials::new(bytes) {
        if p < cursor {
            continue;
        }
        match bytes[p] {
            b' ' => {
                if matches!(bytes.get(p + 1), Some(b' ' | b'\n')) {
                    return false;
                }
            }
            b'\n' => {
                // Exactly two, followed by something that is not white space.
                if bytes.get(p + 1) != Some(&b'\n')
                    || matches!(bytes.get(p + 2), Some(b'\n' | b' '))
                {
                    return false;
                }
                on_break(p);
                cursor = p + 2;
            }
            b'\t' | b'\r' | 0x0B | 0x0C => return false,
            // The dashes and curly quotes of news (E2 80 90 to E2 80 9F),
            // kept (see `plainly_kept`), told here with no call.
            0xE2 if bytes.get(p + 1) == Some(&0x80)
                && bytes.get(p + 2).is_some_and(|b| (0x90..=0x9F).contains(b)) =>
            {
                cursor = p + 3;
            }
            _ => {
                if let Some(len) = plainly_kept(bytes, p) {
                    cursor = p + len;
                    continue;
                }
                let (c, len) = char_at(s, p);
                if classify(c) != Class::Keep {
                    return false;
                }
                cursor = p + len;
            }
        }
    }
    true
}

/// The offsets of the bytes where normalising may change something, in
/// order: the ASCII white space \t \n \x0B \x0C \r, the first byte of every
/// non-ASCII char (all the other white space and invisibles are non-ASCII),
/// and a space followed by one of those or by another space. Every other
/// byte is kept as it is. Works on 64-byte blocks, one bit a byte.
struct Specials<'a> {
    bytes: &'a [u8],
    /// Offset of the block that `mask` covers, and of the next block.
    base: usize,
    next: usize,
    mask: u64,
    /// Whether the processor has AVX2 ([`Specials::refill_avx2`]), asked once.
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

impl<'a> Specials<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            base: 0,
            next: 0,
            mask: 0,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }
}

impl Specials<'_> {
    /// Moves on to the next block with a special byte; false at the end.
    /// With AVX2, the whole blocks are read in one loop that calls nothing
    /// ([`Specials::refill_avx2`]; a call of `special_mask` a block, with
    /// its feature test and its slice's bounds, was about 60 instructions a
    /// block), and only the last, short block here.
    #[inline(never)]
    fn refill(&mut self) -> bool {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is true only where the processor has AVX2
            // (asked in `Specials::new`).
            return unsafe { self.refill_avx2() };
        }
        self.refill_blocks()
    }

    /// [`Specials::refill`] a block at a time, by [`special_mask`].
    #[inline(never)]
    fn refill_blocks(&mut self) -> bool {
        while self.mask == 0 {
            if self.next >= self.bytes.len() {
                return false;
            }
            self.base = self.next;
            self.next = (self.base + 64).min(self.bytes.len());
            self.mask = special_mask(&self.bytes[self.base..self.next], self.bytes.get(self.next));
        }
        true
    }

    /// [`Specials::refill`] over the whole 64-byte blocks, with AVX2: each
    /// block's mask as [`special_mask`] gives it; the last block, when it
    /// is not whole, is [`Specials::refill_blocks`]'.
    ///
    /// # Safety
    ///
    /// The processor must have AVX2. The test
    /// `the_avx2_block_scan_is_the_mask_per_block` compares the offsets
    /// found with [`special_mask`]'s block by block.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn refill_avx2(&mut self) -> bool {
        let bytes = self.bytes;
        let mut next = self.next;
        while let Some(block) = bytes.get(next..next + 64) {
            let block = <&[u8; 64]>::try_from(block).unwrap_or(&[0; 64]);
            // SAFETY: the caller's processor has AVX2.
            let (space, other) = unsafe { avx2_masks(block) };
            let may = space | other;
            // As in `special_mask`: the byte after the block read only when
            // the block ends in a space.
            let last = space >> 63 != 0 && bytes.get(next + 64).is_some_and(|&b| may_change(b));
            let mask = other | (space & (may >> 1)) | u64::from(last) << 63;
            next += 64;
            if mask != 0 {
                self.base = next - 64;
                self.next = next;
                self.mask = mask;
                return true;
            }
        }
        self.next = next;
        self.refill_blocks()
    }
}

impl Iterator for Specials<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.mask == 0 && !self.refill() {
            return None;
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.base + k)
    }
}

/// May this byte start a change? (A space only together with what follows.)
fn may_change(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b) || b >= 0xC0
}

/// The special bytes of a block of up to 64 bytes, one bit a byte; `after`
/// is the byte after the block.
fn special_mask(block: &[u8], after: Option<&u8>) -> u64 {
    let may_follow = || after.is_some_and(|&b| may_change(b));
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = <&[u8; 64]>::try_from(block) {
        let (space, other) = if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2 (asked just above; the
            // answer is cached after the first question).
            unsafe { avx2_masks(block) }
        } else {
            sse2_masks(block)
        };
        let may = space | other;
        // The byte after the block is read only for a block that ends in
        // a space (one in six on news), where it was classed for every
        // block (about 8 instructions).
        let last = space >> 63 != 0 && may_follow();
        return other | (space & (may >> 1)) | u64::from(last) << 63;
    }
    special_mask_portable(block, u64::from(may_follow()))
}

/// [`special_mask`] a byte at a time, for other targets and short blocks.
fn special_mask_portable(block: &[u8], after: u64) -> u64 {
    let mut m = 0;
    for (k, &b) in block.iter().enumerate() {
        let following = block.get(k + 1).map_or(after == 1, |&f| may_change(f));
        let special = (b != b' ' && may_change(b)) || (b == b' ' && following);
        m |= u64::from(special) << k;
    }
    m
}

/// Spaces, and the other bytes that may change (\t..\r and non-ASCII first
/// bytes), of 64 bytes with SSE2, which every x86_64 processor has.
#[cfg(target_arch = "x86_64")]
fn sse2_masks(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut space, mut other) = (0u64, 0u64);
    for q in 0..4 {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the unaligned load
        // reads bytes 16q..16q+16 of a 64-byte array.
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * q).cast::<__m128i>());
            let ctrl = sse2_in_range(v, b'\t', 5);
            let lead = sse2_in_range(v, 0xC0, 64);
            let bits = |x: __m128i| u64::from(_mm_movemask_epi8(x) as u16) << (16 * q);
            space |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)));
            other |= bits(_mm_or_si128(ctrl, lead));
        }
    }
    (space, other)
}

/// [`sse2_masks`] with AVX2, 32 bytes a step: the same two masks in half
/// the vector steps.
///
/// # Safety
///
/// The processor must have AVX2. The test `avx2_masks_are_the_sse2_masks`
/// compares the two on every byte value at every position.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn avx2_masks(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut space, mut other) = (0u64, 0u64);
    for h in 0..2 {
        // SAFETY: an unaligned load of bytes 32h..32h+32 of a 64-byte
        // array (h < 2).
        let v = unsafe { _mm256_loadu_si256(block.as_ptr().add(32 * h).cast::<__m256i>()) };
        // As in `sse2_masks`: each range moved to the bottom of the signed
        // bytes, tested by one signed compare.
        let ctrl = _mm256_cmpgt_epi8(
            _mm256_set1_epi8(i8::MIN + 5),
            _mm256_add_epi8(v, _mm256_set1_epi8(0x80u8.wrapping_sub(b'\t') as i8)),
        );
        let lead = _mm256_cmpgt_epi8(
            _mm256_set1_epi8(i8::MIN + 64),
            _mm256_add_epi8(v, _mm256_set1_epi8(0x80u8.wrapping_sub(0xC0) as i8)),
        );
        let bits = |x: __m256i| u64::from(_mm256_movemask_epi8(x) as u32) << (32 * h);
        space |= bits(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(b' ' as i8)));
        other |= bits(_mm256_or_si256(ctrl, lead));
    }
    (space, other)
}

/// The char-by-char normaliser this module used before the block scan,
/// kept to check that both give the same text and the same map.
#[cfg(test)]
mod reference {
    use super::{char_count, classify, trim_line, Builder, Class, LoneBreaks, MAX_WRAP};

    pub(super) fn new_reference(original: &str) -> (String, Vec<(u32, u32)>) {
        let blank_lines = has_blank_line(original);
        if is_canonical(original, blank_lines) {
            return (original.to_string(), Vec::new());
        }
        let lone = LoneBreaks::of(original);
        let mut n = Builder {
            text: String::with_capacity(original.len()),
            segments: Vec::new(),
        };
        // A pending run of white space: its start in the original and how many
        // line breaks it held (CRLF counts once).
        let mut run: Option<(usize, u32)> = None;
        let mut prev_cr = false;
        let mut line_start = 0;
        for (i, c) in original.char_indices() {
            let class = classify(c);
            match class {
                Class::Keep => {
                    if let Some((start, breaks)) = run.take() {
                        let paragraph = breaks >= 2
                            || (breaks == 1 && lone.is_paragraph(original, line_start, start, i));
                        n.push(if paragraph { "\n\n" } else { " " }, start);
                        if breaks > 0 {
                            line_start = i;
                        }
                    }
                    let mut buf = [0; 4];
                    n.push(c.encode_utf8(&mut buf), i);
                }
                Class::Drop => {}
                Class::Space | Class::LineBreak | Class::ParagraphBreak => {
                    let add = match class {
                        Class::LineBreak if c == '\n' && prev_cr => 0,
                        Class::LineBreak => 1,
                        Class::ParagraphBreak => 2,
                        _ => 0,
                    };
                    match &mut run {
                        Some((_, breaks)) => *breaks += add,
                        None => run = Some((i, add)),
                    }
                }
            }
            prev_cr = c == '\r';
        }
        if let Some((start, breaks)) = run.take() {
            let paragraph = breaks >= 2
                || (breaks == 1 && lone.is_paragraph(original, line_start, start, original.len()));
            n.push(if paragraph { "\n\n" } else { " " }, start);
        }
        n.segments
            .push((n.text.len() as u32, original.len() as u32));
        (n.text, n.segments)
    }

    /// [`LoneBreaks::of`] as it was written first: each line found byte by
    /// byte, then trimmed and counted.
    pub(super) fn layout_by_lines(s: &str) -> LoneBreaks {
        if !has_blank_line(s) {
            return LoneBreaks::Paragraph;
        }
        // Chars in lines a wrapper could have made, and in longer lines.
        let (mut short, mut long, mut width) = (0, 0, 0);
        let bytes = s.as_bytes();
        let mut from = 0;
        let mut i = 0;
        while i <= bytes.len() {
            // On to the next byte that may start a line break, or the end.
            i += bytes[i..]
                .iter()
                .position(|&b| matches!(b, b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2))
                .unwrap_or(bytes.len() - i);
            let len = match bytes.get(i) {
                None => 1,
                Some(b'\n' | b'\r' | 0x0B | 0x0C) => 1,
                Some(0xC2) if bytes.get(i + 1) == Some(&0x85) => 2,
                Some(0xE2)
                    if bytes.get(i + 1) == Some(&0x80)
                        && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    3
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            let line = trim_line(&s[from..i]);
            let n = char_count(line);
            if n > MAX_WRAP {
                long += n;
            } else {
                short += n;
                // A line without a space is one long word (a link) that
                // overran the width.
                if line.contains(' ') {
                    width = width.max(n);
                }
            }
            i += len;
            from = i;
        }
        if long > short {
            LoneBreaks::Paragraph
        } else {
            LoneBreaks::Wrapped { width }
        }
    }

    /// Does the article separate paragraphs with blank lines?
    fn has_blank_line(s: &str) -> bool {
        let mut breaks = 0;
        let mut prev_cr = false;
        for c in s.chars() {
            match classify(c) {
                Class::ParagraphBreak => return true,
                Class::LineBreak => {
                    if !(c == '\n' && prev_cr) {
                        breaks += 1;
                        if breaks >= 2 {
                            return true;
                        }
                    }
                }
                Class::Space | Class::Drop => {}
                Class::Keep => breaks = 0,
            }
            prev_cr = c == '\r';
        }
        false
    }

    /// True when normalising would change nothing: single spaces between words,
    /// paragraphs separated by exactly "\n\n", nothing invisible.
    fn is_canonical(s: &str, blank_lines: bool) -> bool {
        if !blank_lines && s.contains('\n') {
            return false;
        }
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b' ' => {
                    if matches!(bytes.get(i + 1), Some(b' ' | b'\n')) {
                        return false;
                    }
                }
                b'\n' => {
                    // Exactly two, followed by something that is not white space.
                    if bytes.get(i + 1) != Some(&b'\n') {
                        return false;
                    }
                    if matches!(bytes.get(i + 2), Some(b'\n' | b' ')) {
                        return false;
                    }
                    i += 2;
                    continue;
                }
                b'\t' | b'\r' | 0x0B | 0x0C => return false,
                // Only lead bytes start a char; check those chars.
                0xC0.. => {
                    let c = s[i..].chars().next().unwrap_or(' ');
                    if classify(c) != Class::Keep {
                        return false;
                    }
                    i += c.len_utf8();
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s).text.into_owned()
    }

    #[test]
    fn canonical_text_is_borrowed() {
        let n = Normalized::new("One two.\n\nThree four.");
        assert!(matches!(n.text, Cow::Borrowed(_)));
    }

    #[test]
    fn crlf_and_lone_cr_become_paragraph_breaks() {
        assert_eq!(norm("One.\r\n\r\nTwo.\r\rThree."), "One.\n\nTwo.\n\nThree.");
    }

    #[test]
    fn single_line_breaks_are_paragraphs_only_without_blank_lines() {
        assert_eq!(norm("One.\nTwo."), "One.\n\nTwo.");
        assert_eq!(norm("One\nmore.\n\nTwo."), "One more.\n\nTwo.");
    }

    #[test]
    fn one_paragraph_a_line_keeps_its_lines_apart_beside_blank_lines() {
        let long =
            "The shire council has voted to close the old saleyards at the end of the year, \
                    after a review found the pens unsafe for stock and staff.";
        assert!(long.chars().count() > MAX_WRAP);
        let text = format!(
            "Saleyards to close\n{long}\n\"It is a sad day,\" she said.\n\nNext story\n{long}"
        );
        assert_eq!(
            norm(&text),
            format!(
                "Saleyards to close\n\n{long}\n\n\"It is a sad day,\" she said.\n\nNext story\n\n{long}"
            )
        );
    }

    #[test]
    fn hard_wrapped_text_is_joined_but_a_headline_is_not() {
        let text = "Ferry fares to rise\n\
                    The harbour board says fares on the island ferry will rise by a\n\
                    tenth from March, the first rise in six years, to pay for a new\n\
                    hull.\n\n\
                    Season tickets will cost the same as last year. The board meets\n\
                    again in June to review the timetable and the fares for students.";
        assert_eq!(
            norm(text),
            "Ferry fares to rise\n\n\
             The harbour board says fares on the island ferry will rise by a \
             tenth from March, the first rise in six years, to pay for a new \
             hull.\n\n\
             Season tickets will cost the same as last year. The board meets \
             again in June to review the timetable and the fares for students."
        );
    }

    #[test]
    fn a_wrapped_line_is_not_a_headline() {
        // The line before the break ends in a word and is short, but the next
        // word would not have fitted (here a link), or the line ends in
        // punctuation, or it is not short against the article's width.
        assert_eq!(LoneBreaks::of("a\n\nb"), LoneBreaks::Wrapped { width: 0 });
        let text = "Read the full report at\n\
                    https://example.org/reports/2024/harbour-board-annual-review-final.pdf\n\
                    before the meeting, which is open to all ratepayers and starts at six.\n\n\
                    End.";
        assert!(!norm(text).contains("at\n"), "{}", norm(text));
        assert_eq!(
            norm("It rose by a fifth, the board said, and\nwill rise again.\n\nEnd."),
            "It rose by a fifth, the board said, and will rise again.\n\nEnd."
        );
        assert_eq!(
            norm("Fares rise.\nSo do tolls.\n\nEnd."),
            "Fares rise. So do tolls.\n\nEnd."
        );
    }

    #[test]
    fn tabs_nbsp_and_invisibles_are_folded() {
        assert_eq!(
            norm("according\u{A0}to\tthe re\u{AD}port\u{200B}x"),
            "according to the report x"
        );
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let original = "A\u{A0}\u{A0}senior\r\nofficial said.\r\n\r\nNext.";
        let n = Normalized::new(original);
        let text = n.text.as_ref();
        let start = text.find("senior").unwrap();
        let span = ByteSpan::new(start, start + "senior official".len());
        assert_eq!(n.to_original(span).slice(original), "senior\r\nofficial");
    }

    fn same_as_reference(s: &str) {
        let (n, paragraphs) = Normalized::with_paragraphs(s);
        let (text, segments) = reference::new_reference(s);
        assert_eq!(n.text, text, "{s:?}");
        assert_eq!(n.segments, segments, "{s:?}");
        assert_eq!(paragraphs, text::paragraphs(&text), "{s:?}");
    }

    proptest::proptest! {
        /// Texts mostly in canonical form, whose paragraphs the check
        /// notes as it goes.
        #[test]
        fn the_noted_paragraphs_are_the_searched_ones(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Word.", " ", "\n\n", "é", "“", "\n",
            ]), 0..60)
        ) {
            same_as_reference(&v.concat());
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        #[test]
        fn the_sse2_mask_agrees_with_the_portable_one(
            block in proptest::collection::vec(proptest::sample::select(vec![
                b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r', 0x08, 0x0E, b'a', b'.', 0x7F, 0x80, 0xA0,
                0xBF, 0xC0, 0xC2, 0xE2, 0xFF,
            ]), 64),
            after in proptest::option::of(proptest::sample::select(vec![b' ', b'\n', b'a', 0xC2])),
        ) {
            let after_bit = u64::from(after.is_some_and(may_change));
            proptest::prop_assert_eq!(
                special_mask(&block, after.as_ref()),
                special_mask_portable(&block, after_bit)
            );
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_sse2_mask_agrees_on_every_byte_pair() {
        // Every byte value, and every byte value after a space.
        let values: Vec<u8> = (0..=255).collect();
        let pairs: Vec<u8> = (0..=255).flat_map(|b| [b' ', b]).collect();
        for block in values.chunks(64).chain(pairs.chunks(64)) {
            for after in [None, Some(&b' '), Some(&b'a')] {
                let after_bit = u64::from(after.is_some_and(|&b| may_change(b)));
                assert_eq!(
                    special_mask(block, after),
                    special_mask_portable(block, after_bit)
                );
            }
        }
    }

    #[test]
    fn plainly_kept_chars_are_kept() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if let Some(len) = plainly_kept(bytes, 0) {
                assert!(classify(c) == Class::Keep, "{c:?}");
                assert_eq!(len, c.len_utf8(), "{c:?}");
            }
        }
    }

    #[test]
    fn the_block_scan_agrees_with_the_char_by_char_one() {
        for s in [
            "",
            " ",
            "a \u{AD}b",
            "re\u{AD}port \u{201C}x\u{201D}",
            "One.\r\n\r\nTwo.\r\rThree.",
            "One\nmore.\n\nTwo.",
            "One.\nTwo.",
            "Headline\nBy A. Writer\n\nBody text that was\nwrapped by hand.",
            &format!("Head\n{}\nNext\n\nEnd", "long line ".repeat(12)),
            &"word  word\tword\u{A0}w\u{2029}x \n".repeat(9),
            &"a \u{85}b\r\u{AD}\nc ".repeat(9),
        ] {
            same_as_reference(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_block_scan_agrees_on_any_text(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "word", "Word.", "the harbour board says fares on the island ferry will rise", "é", "“", "’", "—", "😀", " ", "  ", "\n", "\n\n", "\r",
                "\r\n", "\t", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", "\u{AD}", "\u{200B}",
                "\u{200D}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{FEFF}", "\u{1}",
            ]), 0..200)
        ) {
            same_as_reference(&v.concat());
        }
    }

    proptest::proptest! {
        #[test]
        fn the_layout_pass_agrees_with_reading_line_by_line(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "word", "Word.", "the harbour board says fares on the island ferry will rise",
                "é", "“", "’", "—", "😀", " ", "  ", "\n", "\n\n", "\r", "\r\n", "\t", "\u{B}",
                "\u{C}", "\u{85}", "\u{A0}", "\u{AD}", "\u{200B}", "\u{200D}", "\u{2028}",
                "\u{2029}", "\u{3000}", "\u{FEFF}", "\u{1}", "\u{C2}", "\u{2020}",
            ]), 0..200)
        ) {
            let s = v.concat();
            proptest::prop_assert_eq!(LoneBreaks::of(&s), reference::layout_by_lines(&s));
        }
    }

    /// The layout pass at every offset across its blocks' ends: each kind
    /// of line break and of white space or char at a line's end, after
    /// every length of text before it.
    #[test]
    fn the_layout_pass_agrees_across_block_ends() {
        for end in ["\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{C}"] {
            for edge in ["", " ", "\u{A0}", "é", "“", "\u{AD}", "\t"] {
                for before in 0..140 {
                    let line = format!("{}{edge}", "ab c".repeat(40).get(..before).unwrap());
                    let s = format!("{line}{end}{edge}wrapped line\n\n{line}{end}end");
                    assert_eq!(LoneBreaks::of(&s), reference::layout_by_lines(&s), "{s:?}");
                }
            }
        }
    }

    /// [`Normalized::segment_at`] finds the segment a search over the whole
    /// map finds, whatever the last look-up was: every offset of a text
    /// of many segments, after a look-up of every other.
    #[test]
    fn the_segment_search_from_the_last_look_up_agrees_with_a_whole_search() {
        let text = "a  b\t\tc\r\nd\u{A0}e  \n\n f\u{AD}g ".repeat(7);
        let n = Normalized::new(&text);
        assert!(n.segments.len() > 20);
        for i in 0..=n.text.len() + 2 {
            let whole = n
                .segments
                .partition_point(|&(norm, _)| norm as usize <= i)
                .saturating_sub(1);
            for last in 0..n.segments.len() + 2 {
                n.last.set(last);
                assert_eq!(n.segment_at(i), whole, "{i} after {last}");
            }
        }
    }

    /// [`line_masks_sse2`] gives [`line_masks_portable`]'s masks: every
    /// byte value at every position of a block.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_sse2_line_masks_are_the_portable_ones() {
        crate::text::each_block_variant(b"a \t\r\n\x0b\x0c\xc2\x85\xe2\x80\xa8 Z\xff", |block| {
            assert_eq!(
                line_masks_sse2(block),
                line_masks_portable(block),
                "{block:?}"
            );
        });
    }

    /// [`Specials::refill_avx2`]'s scan gives the offsets [`special_mask`]
    /// gives block by block (where the processor has AVX2): texts of a few
    /// blocks, mostly plain, their special bytes at every position and at
    /// the blocks' ends.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_avx2_block_scan_is_the_mask_per_block() {
        fn per_block(bytes: &[u8]) -> Vec<usize> {
            let mut out = Vec::new();
            for base in (0..bytes.len()).step_by(64) {
                let next = (base + 64).min(bytes.len());
                let mut m = special_mask(&bytes[base..next], bytes.get(next));
                while m != 0 {
                    out.push(base + m.trailing_zeros() as usize);
                    m &= m - 1;
                }
            }
            out
        }
        let specials = [
            &b" "[..],
            b"  ",
            b" \n",
            b"\n",
            b"\t",
            b"\xc3\xa9",
            b" \xe2\x80\x99",
        ];
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 200, 256, 300] {
            let plain = vec![b'a'; len];
            assert_eq!(Specials::new(&plain).collect::<Vec<_>>(), per_block(&plain));
            for at in 0..len {
                for sp in specials {
                    let mut text = plain.clone();
                    let end = (at + sp.len()).min(len);
                    text[at..end].copy_from_slice(&sp[..end - at]);
                    // A second one two blocks on, so that the scan passes
                    // blocks with none between them.
                    if at + 130 + sp.len() <= len {
                        text[at + 130..at + 130 + sp.len()].copy_from_slice(sp);
                    }
                    let got: Vec<usize> = Specials::new(&text).collect();
                    assert_eq!(got, per_block(&text), "{text:?}");
                }
            }
        }
    }

    /// [`avx2_masks`] gives [`sse2_masks`]' masks: every byte value at
    /// every position of a block (where the processor has AVX2).
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx2_masks_are_the_sse2_masks() {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return;
        }
        crate::text::each_block_variant(b"a \t\r\n\x0b\x0c\xc3\xa9 \xe2\x80\x99  Z\xff", |block| {
            // SAFETY: the processor has AVX2 (tested above).
            let avx2 = unsafe { avx2_masks(block) };
            assert_eq!(avx2, sse2_masks(block), "{block:?}");
        });
    }
}
