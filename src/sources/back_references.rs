//! Back references: "the official said" after "a senior official, who was
//! not authorised to speak publicly, said" is the same anonymous source
//! again, not a newly named one.

use super::classify::Rule;
use super::{Attribution, SourceKind};
use crate::lexicon::words::POSTMODIFIERS;
use crate::lexicon::WORDS;

/// How many attributions back a reference may point: a few paragraphs,
/// which also keeps the work linear in the article's length.
pub const LOOKBACK: usize = 40;

/// "The consultant said" after "a senior consultant, who was not authorised
/// to speak publicly, said" is the same anonymous source again: a definite
/// reference whose head word was last seen in an anonymous source stays
/// anonymous.
pub(super) fn resolve(text: &str, attributions: &mut [Attribution]) {
    for i in 0..attributions.len() {
        let a = &attributions[i];
        if a.kind != SourceKind::Named {
            continue;
        }
        let source = a.source.slice(text);
        // "the consultant", "the former supervisor": no name, no comma.
        if !source
            .get(..4)
            .is_some_and(|the| the.eq_ignore_ascii_case("the "))
            || source.contains(',')
            || source[4..]
                .split(' ')
                .any(|w| w.starts_with(char::is_uppercase))
        {
            continue;
        }
        let head = head_word(source);
        let known = WORDS.roles.contains(head) || WORDS.institutions.contains(head);
        // A known role or body points back to a source with the same word
        // ("the consultant"); any other word ("the rescuer" after "a rescue
        // worker") to the latest source.
        let earlier = attributions[i.saturating_sub(LOOKBACK)..i]
            .iter()
            .rev()
            .filter(|b| b.kind != SourceKind::Pronoun)
            .find(|b| !known || head_word(b.source.slice(text)).eq_ignore_ascii_case(head));
        if earlier.is_some_and(|b| b.kind == SourceKind::Anonymous) {
            let a = &mut attributions[i];
            a.kind = SourceKind::Anonymous;
            a.mark = a.source;
            a.name = a.source;
            a.rule.kind = SourceKind::Anonymous;
            a.rule.rule = Rule::BackReference;
        }
    }
}

/// The head noun of a source phrase: its last word before any postmodifier
/// ("a former supervisor who left the company" → "supervisor").
fn head_word(source: &str) -> &str {
    let mut head = "";
    for (i, w) in source.split(' ').enumerate() {
        if i > 0 && POSTMODIFIERS.contains(w) {
            break;
        }
        head = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    }
    head
}
