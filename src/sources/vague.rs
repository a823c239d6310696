//! Impersonal vague phrases: "it is widely believed", "there are those who
//! say", "some would argue". A view is presented without anyone holding it.
//! Vague groups as subjects ("critics say") are decided by the rule table in
//! [`super::classify`].

use super::{PhraseMark, PhraseRule, SourceKind};
use crate::lexicon::VAGUE_PHRASES;
use crate::span::ByteSpan;
use crate::text::is_whole_word;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(VAGUE_PHRASES.phrases())
        .expect("the vague phrase lexicon compiles")
});

/// Every impersonal vague phrase in normalised `text`.
pub(super) fn find_vague_phrases(text: &str) -> Vec<PhraseMark> {
    let mut out = Vec::new();
    for m in PHRASES.find_iter(text) {
        let span = ByteSpan::new(m.start(), m.end());
        if !is_whole_word(text, span) {
            continue;
        }
        // "It is believed to be" is the hedge "is believed to".
        if text[span.end..].starts_with(" to ") {
            continue;
        }
        out.push(PhraseMark {
            kind: SourceKind::Vague,
            span,
            rule: PhraseRule::VaguePhrase(VAGUE_PHRASES.entries[m.pattern().as_usize()].phrase),
        });
    }
    out
}
