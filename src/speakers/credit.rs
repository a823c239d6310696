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
pub fn credit_after(text: &str, q: ByteSpan) -> Option<ByteSpan> {
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

/// The speaker label at the start of quote `q` ("WALLACE: …"): its span.
pub fn transcript_label(text: &str, q: ByteSpan) -> Option<ByteSpan> {
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
