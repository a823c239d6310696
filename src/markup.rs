//! The fixture markup: `[[hedge: could]]`, `[[quote<Okafor>: “…”]]`.
//!
//! Tests strip the markup from an article, analyse the plain text, write the
//! marks back with [`annotate`] and compare whole texts, so a failure shows
//! exactly which mark appeared or vanished. The CLI has no use for it; it is
//! public so that tests, benches and tools share one reading of the format.

use crate::events::{Event, Events};
use crate::mark::Kind;
use crate::span::ByteSpan;
use std::fmt;

/// A mark written in the markup. Offsets are UTF-8 bytes of the stripped text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub span: ByteSpan,
    pub kind: Kind,
    /// `[[quote<Okafor>: …]]`: the speaker's words.
    pub speaker: Option<String>,
}

/// Marked-up text, parsed.
#[derive(Clone, Debug, Default)]
pub struct Annotated {
    pub text: String,
    pub marks: Vec<Expected>,
}

/// What is wrong with a piece of markup, and where (byte offset in the
/// marked-up source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for MarkupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "markup error at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for MarkupError {}

/// Parses marked-up text.
pub fn parse(source: &str) -> Result<Annotated, MarkupError> {
    let mut text = String::with_capacity(source.len());
    let mut marks = Vec::new();
    let mut open: Vec<(usize, Kind, Option<String>, usize)> = Vec::new();
    let mut rest = source;
    let err = |rest: &str, message: String| MarkupError {
        offset: source.len() - rest.len(),
        message,
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[[") {
            let colon = after
                .find(": ")
                .ok_or_else(|| err(rest, "`[[` without `: `".into()))?;
            let head = &after[..colon];
            let (kind_name, speaker) = match head.split_once('<') {
                Some((k, s)) => (
                    k,
                    Some(
                        s.strip_suffix('>')
                            .ok_or_else(|| err(rest, format!("speaker `{s}` lacks `>`")))?
                            .to_string(),
                    ),
                ),
                None => (head, None),
            };
            let kind = Kind::parse(kind_name)
                .ok_or_else(|| err(rest, format!("unknown kind `{kind_name}`")))?;
            open.push((text.len(), kind, speaker, source.len() - rest.len()));
            rest = &after[colon + 2..];
        } else if let Some(after) = rest.strip_prefix("]]") {
            let (start, kind, speaker, _) = open
                .pop()
                .ok_or_else(|| err(rest, "`]]` with nothing open".into()))?;
            marks.push(Expected {
                span: ByteSpan::new(start, text.len()),
                kind,
                speaker,
            });
            rest = after;
        } else {
            let c = rest.chars().next().unwrap_or_default();
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if let Some((_, kind, _, at)) = open.pop() {
        return Err(MarkupError {
            offset: at,
            message: format!("`[[{}: ` is never closed", kind.as_str()),
        });
    }
    marks.sort();
    Ok(Annotated { text, marks })
}

/// Writes marks into `text` as markup. Marks must nest or be apart (the
/// analysis guarantees it); speakers are written when `with_speakers`.
pub fn annotate(text: &str, marks: &[Expected], with_speakers: bool) -> String {
    let mut sorted: Vec<&Expected> = marks.iter().collect();
    sorted.sort_by_key(|m| (m.span.start(), std::cmp::Reverse(m.span.end()), m.kind));
    let mut out = String::with_capacity(text.len() + marks.len() * 16);
    let spans = sorted.iter().enumerate().map(|(i, m)| (i, m.span));
    for e in Events::new(text, ByteSpan::new(0, text.len()), spans) {
        match e {
            Event::Text(t) => out.push_str(t),
            Event::Start(i) => {
                let m = sorted[i];
                out.push_str("[[");
                out.push_str(m.kind.as_str());
                if let (true, Some(s)) = (with_speakers, &m.speaker) {
                    out.push('<');
                    out.push_str(s);
                    out.push('>');
                }
                out.push_str(": ");
            }
            Event::End(_) => out.push_str("]]"),
        }
    }
    out
}

/// The analysis of `text` as [`Expected`] marks, for comparison with markup.
pub fn expected_from(text: &str) -> Vec<Expected> {
    let a = crate::analyze(text);
    a.marks
        .iter()
        .map(|m| Expected {
            span: m.span,
            kind: m.kind,
            speaker: a
                .speaker(m)
                .map(|s| a.speaker_text(s, text))
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_round_trips() {
        let src = "[[quote<Okafor>: “We [[hedge: could]] lose,”]] [[named: Okafor said]].";
        let a = parse(src).unwrap();
        assert_eq!(a.text, "“We could lose,” Okafor said.");
        assert_eq!(annotate(&a.text, &a.marks, true), src);
    }

    #[test]
    fn unbalanced_markup_is_an_error() {
        assert!(parse("[[hedge: could").is_err());
        assert!(parse("could]]").is_err());
        assert!(parse("[[fish: could]]").is_err());
    }
}
