//! One canonical form of the article for the matchers, with a map back.
//!
//! Pasted articles arrive with CRLF or lone CR line endings, tabs, runs of
//! spaces, non-breaking spaces and invisible characters (zero-width spaces,
//! joiners, soft hyphens, byte-order marks). Every matcher works on a
//! normalised copy in which:
//!
//! - every run of white space becomes a single space `" "`, except that a run
//!   holding a paragraph break becomes exactly `"\n\n"`;
//! - a paragraph break is a blank line (two line breaks, or U+2029). If the
//!   article has no blank line at all, each single line break is a paragraph
//!   break instead: text copied from a web page often has one paragraph a line,
//!   while hard-wrapped text (e-mail, wire copy) always separates paragraphs with
//!   a blank line;
//! - zero-width joiners and non-joiners, word joiners, soft hyphens and
//!   byte-order marks are dropped, so "re\u{00AD}portedly" still reads as
//!   "reportedly"; a zero-width space counts as a space.
//!
//! Offsets in the normalised text are mapped back to the original with
//! [`Normalized::to_original`]. When the article is already in canonical form
//! (the common case), no copy and no map are made.

use crate::span::ByteSpan;
use std::borrow::Cow;

pub struct Normalized<'a> {
    /// The canonical text the matchers read.
    pub text: Cow<'a, str>,
    original: &'a str,
    /// Where normalised and original offsets stop moving in step: each
    /// `(normalised, original)` pair starts a stretch in which both advance
    /// together. Sorted; empty when `text` is the original. One entry per
    /// changed run of white space, so it stays small.
    segments: Vec<(u32, u32)>,
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
        let blank_lines = has_blank_line(original);
        if is_canonical(original, blank_lines) {
            return Self {
                text: Cow::Borrowed(original),
                original,
                segments: Vec::new(),
            };
        }
        let mut n = Builder {
            text: String::with_capacity(original.len()),
            segments: Vec::new(),
        };
        // A pending run of white space: its start in the original and how many
        // line breaks it held (CRLF counts once).
        let mut run: Option<(usize, u32)> = None;
        let mut prev_cr = false;
        for (i, c) in original.char_indices() {
            let class = classify(c);
            match class {
                Class::Keep => {
                    if let Some((start, breaks)) = run.take() {
                        let paragraph = breaks >= 2 || (breaks == 1 && !blank_lines);
                        n.push(if paragraph { "\n\n" } else { " " }, start);
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
            let paragraph = breaks >= 2 || (breaks == 1 && !blank_lines);
            n.push(if paragraph { "\n\n" } else { " " }, start);
        }
        n.segments
            .push((n.text.len() as u32, original.len() as u32));
        Self {
            text: Cow::Owned(n.text),
            original,
            segments: n.segments,
        }
    }

    /// The original offset of normalised byte `i` (not yet on a char
    /// boundary when `i` is inside a char).
    fn original_at(&self, i: usize) -> usize {
        let k = self
            .segments
            .partition_point(|&(norm, _)| norm as usize <= i);
        let (norm, orig) = self.segments[k.saturating_sub(1)];
        (orig as usize + (i - norm as usize)).min(self.original.len())
    }

    fn on_boundary(&self, mut at: usize) -> usize {
        while !self.original.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    /// Maps a span of the normalised text back to the original article.
    pub fn to_original(&self, span: ByteSpan) -> ByteSpan {
        if self.segments.is_empty() {
            return span;
        }
        let start = self.on_boundary(self.original_at(span.start));
        if span.end <= span.start {
            return ByteSpan::new(start, start);
        }
        let end = match self.text.as_bytes()[span.end - 1] {
            // A collapsed run of white space: end where the run ended.
            b' ' | b'\n' => self.original_at(span.end),
            _ => self.original_at(span.end - 1) + 1,
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
}
