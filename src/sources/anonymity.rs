//! Anonymity clauses: "on condition of anonymity", "who asked not to be
//! named", "who was not authorised to speak publicly". A clause directly
//! after an anonymous source joins that source's mark; one elsewhere is
//! marked on its own.

use super::verbs::VERB_WORDS;
use super::{Attribution, PhraseMark, PhraseRule, Sent, SourceKind};
use crate::lexicon::words::CLAUSE_END;
use crate::lexicon::ANONYMITY_CLAUSES;
use crate::span::ByteSpan;
use crate::text::is_whole_word;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

pub(super) fn anonymity_clause_in(s: &Sent, from: usize, end: usize, anywhere: bool) -> bool {
    let rest = s.lower_span(s.span(from, end - 1));
    ANONYMITY_CLAUSES.phrases().any(|p| {
        if anywhere {
            rest.contains(p)
        } else {
            rest.starts_with(p)
        }
    })
}

pub(super) fn starts_with_anonymity_clause(s: &Sent, from: usize, end: usize) -> bool {
    anonymity_clause_in(s, from, end, false)
}

pub(super) fn holds_anonymity_clause(s: &Sent, from: usize, end: usize) -> bool {
    anonymity_clause_in(s, from, end, true)
}

/// The most words a relative clause may run on after its anonymity phrase
/// ("who declined to be named *to discuss the inquiry*").
const CLAUSE_TAIL_WORDS: usize = 6;

/// Extends a clause to the next punctuation mark, by up to
/// [`CLAUSE_TAIL_WORDS`] words. It reads at most a few words past that
/// limit, never the rest of the sentence.
pub(super) fn extend_clause(text: &str, span: ByteSpan) -> ByteSpan {
    let Some(rest) = text.get(span.end..) else {
        return span;
    };
    // The clause runs to the next punctuation mark; a longer run than the
    // limit is rejected below, so stop reading once the limit is passed.
    let mut stop = rest.len();
    let mut words = 0;
    let mut in_word = false;
    for (at, c) in rest.char_indices() {
        if !(c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'' || c == '’') {
            stop = at;
            break;
        }
        if c != ' ' && !in_word {
            words += 1;
            if words > CLAUSE_TAIL_WORDS + 2 {
                stop = at;
                break;
            }
        }
        in_word = c != ' ';
    }
    // The clause ends at a conjunction ("who declined to be named because
    // the matter is confidential") ...
    let mut tail = &rest[..stop];
    let mut at = 0;
    for w in tail.split_inclusive(' ') {
        if CLAUSE_END.contains(w.trim()) {
            tail = &tail[..at];
            break;
        }
        at += w.len();
    }
    let tail = tail.trim_end();
    // ... and before the main verb: "who asked not to be named said".
    if tail.is_empty()
        || tail.split_whitespace().count() > CLAUSE_TAIL_WORDS
        || tail.split_whitespace().any(|w| VERB_WORDS.contains(w))
    {
        return span;
    }
    ByteSpan::new(span.start, span.end + tail.len())
}

static CLAUSES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(ANONYMITY_CLAUSES.phrases())
        .expect("the anonymity clause lexicon compiles")
});

/// How many attributions before and after a clause may touch it:
/// attribution marks are short and come in text order.
const NEAR_BEFORE: usize = 8;
const NEAR_AFTER: usize = 4;

/// Anonymity clauses. A "who" clause directly after an anonymous source's
/// mark joins that mark ("a diplomat who asked not to be named"); one inside
/// an attribution's mark is already shown; any other is marked on its own.
pub(super) fn find_clause_marks(text: &str, attributions: &mut [Attribution]) -> Vec<PhraseMark> {
    let mut out = Vec::new();
    for m in CLAUSES.find_iter(text) {
        let span = ByteSpan::new(m.start(), m.end());
        if !is_whole_word(text, span) {
            continue;
        }
        let phrase = ANONYMITY_CLAUSES.entries[m.pattern().as_usize()].phrase;
        // A "who" clause runs to its end: "who was not authorized to
        // discuss the inquiry".
        let span = if phrase.starts_with("who ") {
            extend_clause(text, span)
        } else {
            span
        };
        let near = attributions.partition_point(|a| a.verb.start <= span.end);
        let (lo, hi) = (
            near.saturating_sub(NEAR_BEFORE),
            (near + NEAR_AFTER).min(attributions.len()),
        );
        let joined = (lo..hi).rev().find(|&i| {
            let a = &attributions[i];
            a.kind == SourceKind::Anonymous
                && phrase.starts_with("who ")
                && a.mark.end < span.start
                && text[a.mark.end..span.start] == *" "
        });
        match joined {
            Some(i) => attributions[i].mark.end = span.end,
            None if attributions[lo..hi].iter().any(|a| a.mark.contains(span)) => {}
            None => out.push(PhraseMark {
                kind: SourceKind::Anonymous,
                span,
                rule: PhraseRule::AnonymityClause(phrase),
            }),
        }
    }
    out
}
