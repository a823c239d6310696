//! Speakers given by layout rather than by a sentence: a credit line after
//! the quote and a transcript's speaker label inside it.
//!
//! - **Credit line.** Collections of readers' comments, epigraphs and
//!   "quotable" boxes put the speaker after the quote, behind a dash:
//!   “We deserve better.” ― Rosa Quiñones, or on the next line,
//!   “…” ⏎ —Dana Pell, Dunmore. The name is the capitalised words after
//!   the dash, up to a comma, a full stop or the line's end. A dash
//!   followed by a lower-case word ("“We will fight” — and they did") is
//!   not a credit, and a hyphen counts only at a line's start or with a
//!   space before it, so a hyphenated word never opens one.
//! - **Transcript label.** A transcript quoted whole marks each turn with
//!   the speaker in capitals and a colon: "WALLACE: Let’s start with …".
//!   A label of one to three capitalised words of two letters or more
//!   (never "Q:" or "A:") right at the start of the quote names its
//!   speaker; the pieces of a multi-paragraph quote share it.
//!
//! Both are read from a bounded window after the quote's end or its
//! opening mark (at most [`WINDOW`] bytes), never from the whole sentence.

use crate::span::ByteSpan;
use crate::text::floor_char_boundary;

/// How many bytes after a quote (or after its opening mark) are read.
pub const WINDOW: usize = 120;

/// Words a credit's name may have ("Julie A. Diaz Martinez" has four).
const MAX_NAME_WORDS: usize = 5;

/// The name in a credit line right after the quote `q` (byte offsets into
/// `text`): a dash, then capitalised words. See the module docs.
#[inline]
pub fn credit_after(text: &str, q: ByteSpan) -> Option<ByteSpan> {
    // Most quotes are followed by a word or punctuation, not a dash, after
    // their spaces: read as bytes first (see [`dash_may_follow`]).
    if !dash_may_follow(text.as_bytes(), q.end()) {
        return None;
    }
    credit_read(text, q)
}

/// [`credit_after`] read in full, with no look at the bytes first.
fn credit_read(text: &str, q: ByteSpan) -> Option<ByteSpan> {
    let tail = text.get(q.end()..)?;
    let tail = &tail[..floor_char_boundary(tail, WINDOW)];
    // Spaces, and at most one paragraph break, before the dash.
    let trimmed = tail.trim_start_matches([' ', '\t', '\u{a0}']);
    let mut at = tail.len() - trimmed.len();
    let mut line_start = false;
    let after_break = trimmed.trim_start_matches(['\n', '\r']);
    if after_break.len() != trimmed.len() {
        let breaks = &trimmed[..trimmed.len() - after_break.len()];
        if breaks.matches('\n').count() > 2 {
            return None;
        }
        let spaced = after_break.trim_start_matches([' ', '\t', '\u{a0}', '\n', '\r']);
        if after_break.len() - spaced.len() > 8 {
            return None;
        }
        at = tail.len() - spaced.len();
        line_start = true;
    }
    let rest = &tail[at..];
    let dash = rest.chars().next()?;
    let spaced_before = line_start || at > 0;
    let is_dash = matches!(dash, '―' | '—' | '–') || (dash == '-' && spaced_before);
    if !is_dash {
        return None;
    }
    // "--" is a dash typed in ASCII.
    let mut name_at = at + dash.len_utf8();
    if dash == '-' && tail[name_at..].starts_with('-') {
        name_at += 1;
    }
    let name_at = name_at
        + (tail[name_at..].len() - tail[name_at..].trim_start_matches([' ', '\u{a0}']).len());
    let len = name_len(&tail[name_at..])?;
    Some(ByteSpan::new(q.end() + name_at, q.end() + name_at + len))
}

/// Whether a dash may be the first char after the spaces, tabs, no-break
/// spaces and line breaks from byte `at` of `text` (where
/// [`credit_after`] wants one): `-` or the lead byte of `–`, `—` and `―`,
/// or those spaces running past [`WINDOW`] (left to the full reading).
/// False only where `credit_after` finds no dash there: it answers most
/// quotes on a few bytes, where the trims and the char decode cost about
/// 130 instructions a quote.
fn dash_may_follow(text: &[u8], mut at: usize) -> bool {
    let stop = at + WINDOW;
    while at < stop {
        match text.get(at..) {
            Some([b' ' | b'\t' | b'\n' | b'\r', ..]) => at += 1,
            Some([0xC2, 0xA0, ..]) => at += 2,
            Some([b'-' | 0xE2, ..]) => return true,
            _ => return false,
        }
    }
    true
}

/// Whether the byte `b`, when it is ASCII, can be part of a transcript
/// label's first word (an ASCII capital, an apostrophe or a hyphen); any
/// other byte is left to the full test.
fn may_be_label_byte(b: u8) -> bool {
    !b.is_ascii() || b.is_ascii_uppercase() || b == b'\'' || b == b'-'
}

/// The speaker label at the start of quote `q` ("WALLACE: …"): its span.
#[inline]
pub fn transcript_label(text: &str, q: ByteSpan) -> Option<ByteSpan> {
    // The bytes after an ASCII opening mark or a three-byte one (“, ‘, „):
    // most quotes fail here, on a lower-case second letter, with no char
    // decoded (some 20 instructions a quote, inlined). Where these bytes
    // are outside the quote the full test finds no label either.
    let b = text.as_bytes();
    if let Some(&first) = b.get(q.start()) {
        let body = q.start()
            + match first {
                0..0x80 => 1,
                0xE0..0xF0 => 3,
                _ => 0,
            };
        if body > q.start() {
            match b.get(body..) {
                Some([c, ..]) if !may_be_label_byte(*c) => return None,
                Some([c, d, ..]) if c.is_ascii() && !may_be_label_byte(*d) => return None,
                _ => {}
            }
            if lower_case_in_first_word(b.get(body..q.end()).unwrap_or_default()) {
                return None;
            }
        }
    }
    transcript_label_read(text, q)
}

/// Whether an ASCII lower-case letter comes before the first space or
/// colon of a quote's body (its bytes, `body`). Then the label's first
/// word, which runs at least to that letter (a label ends at a colon),
/// is not all capitals, and there is no label: "“I’m sure”" and "“OK'd”"
/// fail here rather than in the full reading's char decode and search
/// for ": ".
fn lower_case_in_first_word(body: &[u8]) -> bool {
    for &c in body {
        match c {
            b' ' | b':' => return false,
            b'a'..=b'z' => return true,
            _ => {}
        }
    }
    false
}

/// [`transcript_label`] read in full, with no look at the bytes first.
#[inline(never)]
fn transcript_label_read(text: &str, q: ByteSpan) -> Option<ByteSpan> {
    let inner = q.slice(text);
    let open = inner.chars().next()?;
    let body_at = open.len_utf8();
    let body = inner.get(body_at..)?;
    // The label's first word has at least two letters, all capitals (or
    // apostrophes, hyphens): most quotes fail on their first two chars,
    // before the search for the colon.
    let label_char = |c: char| c.is_uppercase() || matches!(c, '\'' | '’' | '-');
    let mut head = body.chars();
    if !(head.next().is_some_and(label_char) && head.next().is_some_and(label_char)) {
        return None;
    }
    let body = &body[..floor_char_boundary(body, WINDOW)];
    let colon = body.find(": ")?;
    let label = &body[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > 3 {
        return None;
    }
    let caps = |w: &str| {
        let letters = w.trim_end_matches('.');
        letters.chars().count() >= 2
            && letters
                .chars()
                .all(|c| c.is_uppercase() || c == '\'' || c == '’' || c == '-')
    };
    if !words.iter().all(|w| caps(w)) || NOT_SPEAKERS.contains(&label) {
        return None;
    }
    // "MR. TRUMP:" is Trump; a label made only of a title is still a label.
    let start = q.start() + body_at;
    Some(ByteSpan::new(start, start + colon))
}

/// Capitalised labels that head a note, not a turn of speech.
const NOT_SPEAKERS: &[&str] = &[
    "NOTE",
    "UPDATE",
    "UPDATED",
    "CORRECTION",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "BREAKING",
    "WATCH",
    "READ",
    "READ MORE",
    "RELATED",
    "PHOTOS",
    "VIDEO",
    "WARNING",
    "CAPTION",
];

/// The byte length of a name at the start of `s`: one to
/// [`MAX_NAME_WORDS`] words, each opening with a capital letter (an
/// initial "A." counts), ended by a comma, a full stop, a line break, the
/// end of the text or a dash. `None` if it does not open with a capital,
/// or if a lower-case word follows it: "– Ready to quiz Trump –" is a
/// sub-heading, not a credit ("of", "de", "van" and the like join a name
/// and end it: "— Rosa Quiñones of Dunmore").
fn name_len(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    let mut at = 0;
    for word in s.split_inclusive([' ', '\n']) {
        let w = word.trim_end_matches([' ', '\n']);
        let core = w.trim_end_matches([',', '.', ';', ')']);
        let first = core.chars().next();
        let initial = core.chars().count() == 1 && w.ends_with('.');
        if first.is_some_and(char::is_lowercase)
            && words > 0
            && !matches!(
                core,
                "of" | "de" | "del" | "da" | "van" | "von" | "la" | "le" | "al" | "bin"
            )
        {
            return None;
        }
        if !first.is_some_and(char::is_uppercase) || (core.chars().count() < 2 && !initial) {
            break;
        }
        words += 1;
        if words > MAX_NAME_WORDS {
            return None;
        }
        // Keep an initial's full stop; drop a closing comma or full stop.
        end = at + if initial { w.len() } else { core.len() };
        at += word.len();
        if word.ends_with('\n') || (w.len() != core.len() && !initial) {
            break;
        }
    }
    (words > 0).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_byte_looks_first_change_no_answer(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "“", "”", "\"", "‘", "’", "'", "«", "-", "--", "—", "–", "―", "\u{2012}",
                " ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "WALLACE", "MR.", "A", "É",
                "Dana", "Pell", "we", ":", ": ", ",", ".", "é", "😀", "I", "m", "US", "OK",
            ]), 0..16)
        ) {
            let s = v.concat();
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let q = ByteSpan::new(a, b);
                    proptest::prop_assert_eq!(credit_after(&s, q), credit_read(&s, q), "{:?} {:?}", s, q);
                    proptest::prop_assert_eq!(
                        transcript_label(&s, q),
                        transcript_label_read(&s, q),
                        "{:?} {:?}", s, q
                    );
                }
            }
        }
    }

    #[test]
    fn spaces_running_past_the_window_are_left_to_the_full_reading() {
        let s = format!("“Go.”{}— Dana Pell", " ".repeat(WINDOW + 5));
        assert!(dash_may_follow(s.as_bytes(), "“Go.”".len()));
        assert_eq!(credit(&s), None);
    }

    fn credit(s: &str) -> Option<&str> {
        let end = s.find('”').map(|i| i + '”'.len_utf8()).unwrap();
        credit_after(s, ByteSpan::new(0, end)).map(|n| n.slice(s))
    }

    #[test]
    fn a_name_after_a_dash_credits_the_quote() {
        assert_eq!(
            credit("“We deserve better.” ― Rosa Quiñones"),
            Some("Rosa Quiñones")
        );
        assert_eq!(
            credit("“We deserve better.”— Dana Pell, Dunmore."),
            Some("Dana Pell")
        );
        assert_eq!(
            credit("“We deserve better.”\n\n-Dana Pell, Dunmore."),
            Some("Dana Pell")
        );
        assert_eq!(
            credit("“Go.” ― Julie A. Diaz Martinez\n“Next.”"),
            Some("Julie A. Diaz Martinez")
        );
    }

    #[test]
    fn a_dash_before_a_lower_case_word_or_a_hyphen_in_a_word_is_no_credit() {
        assert_eq!(credit("“We will fight” — and they did."), None);
        assert_eq!(credit("“We will fight”-Style"), None);
        assert_eq!(credit("“We will fight.” Okafor said."), None);
    }

    #[test]
    fn a_capitalised_label_with_a_colon_names_a_transcripts_speaker() {
        let s = "\"WALLACE: Let’s start with the news.\"";
        let label = transcript_label(s, ByteSpan::new(0, s.len())).map(|l| l.slice(s));
        assert_eq!(label, Some("WALLACE"));
        let s = "\"MR. TRUMP: Thank you.\"";
        let label = transcript_label(s, ByteSpan::new(0, s.len())).map(|l| l.slice(s));
        assert_eq!(label, Some("MR. TRUMP"));
        for s in [
            "\"Q: Why now?\"",
            "\"Note: the vote is off.\"",
            "\"UPDATE: the vote is off.\"",
            "\"We said: no.\"",
        ] {
            assert_eq!(transcript_label(s, ByteSpan::new(0, s.len())), None, "{s}");
        }
    }
}
