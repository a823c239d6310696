//! Impersonal vague phrases: "it is widely believed", "there are those who
//! say", "some would argue". A view is presented without anyone holding it.
//! Vague groups as subjects ("critics say") are decided by the rule table in
//! [`super::classify`].

use super::{PhraseMark, PhraseRule, SourceKind};
use crate::lexicon::{PhraseMatch, VAGUE_PHRASES};
use crate::text::is_whole_word;

/// Every impersonal vague phrase in normalised `text`, from the lexicon's
/// matches `found`.
pub(super) fn find_vague_phrases(text: &str, found: &[PhraseMatch]) -> Vec<PhraseMark> {
    let mut out = Vec::new();
    for m in found {
        let span = m.span;
        if !is_whole_word(text, span) {
            continue;
        }
        // "It is believed to be" is the hedge "is believed to".
        if text[span.end()..].starts_with(" to ") {
            continue;
        }
        out.push(PhraseMark {
            kind: SourceKind::Vague,
            span,
            rule: PhraseRule::VaguePhrase(VAGUE_PHRASES.entries[m.index()].phrase),
        });
    }
    out
}
