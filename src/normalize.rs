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
    /// For each byte of `text` (and one past its end), the UTF-8 byte offset
    /// in the original. `None` when `text` is the original.
    map: Option<Vec<u32>>,
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
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        // A pending run of white space: its start in the original and how many
        // line breaks it held (CRLF counts once).
        let mut run: Option<(usize, u32)> = None;
        let mut prev_cr = false;
        for (i, c) in original.char_indices() {
            let class = classify(c);
            match class {
                Class::Keep => {
                    if let Some((start, breaks)) = run.take() {
                        push_run(&mut text, &mut map, start, breaks, blank_lines);
                    }
                    text.push(c);
                    for k in 0..c.len_utf8() {
                        map.push((i + k) as u32);
                    }
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
            push_run(&mut text, &mut map, start, breaks, blank_lines);
        }
        map.push(original.len() as u32);
        Self {
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    /// Maps a span of the normalised text back to the original article.
    pub fn to_original(&self, span: ByteSpan) -> ByteSpan {
        let Some(map) = &self.map else { return span };
        let start = map[span.start] as usize;
        if span.end <= span.start {
            return ByteSpan::new(start, start);
        }
        let last = span.end - 1;
        let end = match self.text.as_bytes()[last] {
            // A collapsed run of white space: end where the run ended.
            b' ' | b'\n' => map[span.end] as usize,
            _ => map[last] as usize + 1,
        };
        ByteSpan::new(start, end.max(start))
    }
}

fn push_run(text: &mut String, map: &mut Vec<u32>, start: usize, breaks: u32, blank_lines: bool) {
    let paragraph = breaks >= 2 || (breaks == 1 && !blank_lines);
    let filler = if paragraph { "\n\n" } else { " " };
    text.push_str(filler);
    for _ in 0..filler.len() {
        map.push(start as u32);
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
