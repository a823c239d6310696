//! Back references: "the official said" after "a senior official, who was
//! not authorised to speak publicly, said" is the same anonymous source
//! again, not a newly named one; "the aide said" after "Jeff Weaver, a
//! Sanders aide, said" is the named person again.

use super::classify::Rule;
use super::{Attribution, SourceKind};
use crate::lexicon::words::POSTMODIFIERS;
use crate::lexicon::WORDS;
use crate::span::ByteSpan;
use crate::text::{TokenStream, Tokens};

/// How many attributions back a reference may point: a few paragraphs,
/// which also keeps the work linear in the article's length.
pub const LOOKBACK: usize = 40;

/// "The consultant said" after "a senior consultant, who was not authorised
/// to speak publicly, said" is the same anonymous source again: a definite
/// reference whose head word was last seen in an anonymous source stays
/// anonymous.
pub(super) fn resolve(stream: &TokenStream, attributions: &mut [Attribution]) {
    // Each source's head word, read once, in text order.
    let heads: Vec<&str> = attributions
        .iter()
        .map(|a| head_word(&stream.within(a.source)))
        .collect();
    for i in 0..attributions.len() {
        let a = &attributions[i];
        if a.kind == SourceKind::Anonymous {
            to_named(stream, attributions, &heads, i);
            continue;
        }
        if a.kind != SourceKind::Named {
            continue;
        }
        let source = stream.within(a.source);
        // "the consultant", "the former supervisor": no name, no comma.
        let opens_with_the = source.len() > 1
            && source.lower(0) == Some("the")
            && source.toks[1].span().start() == source.toks[0].span().end() + 1;
        if !opens_with_the
            || (1..source.len()).any(|k| source.is_punct(k, ',') || source.is_capitalised(k))
        {
            continue;
        }
        let head = heads[i];
        let known = WORDS.roles.contains(head)
            || WORDS.institutions.contains(head)
            || super::is_document(head);
        // A known role, body or document points back to a source with the
        // same word ("the consultant", "the polls"); any other word to the
        // latest source that holds it, singular or plural, when there is
        // one ("the witness said" after "a witness interviewed by the
        // committee said" or "witnesses said", with a named source
        // between), else to the latest source ("the rescuer" after "a
        // rescue worker").
        let from = i.saturating_sub(LOOKBACK);
        let sources = || {
            (from..i)
                .rev()
                .filter(|&j| attributions[j].kind != SourceKind::Pronoun)
        };
        // The mark holds an appositive ("Ola Berg, a witness, said"). The
        // word is a head there: the mark ends after it, or punctuation, a
        // postmodifier or a participle follows ("a witness interviewed by
        // the committee"), not a noun ("a shipyard worker" is no shipyard).
        let holds = |j: usize| {
            let words = stream.within(attributions[j].mark);
            (0..words.len()).any(|k| {
                words.lower(k).is_some_and(|w| {
                    w.strip_prefix(head)
                        .is_some_and(|rest| matches!(rest, "" | "s" | "es"))
                }) && (k + 1 == words.len()
                    || !words.is_word(k + 1)
                    || words
                        .lower(k + 1)
                        .is_some_and(|n| POSTMODIFIERS.contains(n) || n.ends_with("ed")))
            })
        };
        let earlier = if known {
            sources().find(|&j| heads[j].eq_ignore_ascii_case(head))
        } else {
            sources().find(|&j| holds(j)).or_else(|| sources().next())
        }
        .map(|j| &attributions[j]);
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

/// "The Sanders aide said" after "Sanders aide Jeff Weaver said", "the
/// aide added" after "Jeff Weaver, a Sanders aide, said": a short definite
/// reference whose words all stand in the latest earlier source that has
/// its head word, when that source is named, is the named person again
/// (an anonymous one keeps it anonymous).
fn to_named(stream: &TokenStream, attributions: &mut [Attribution], heads: &[&str], i: usize) {
    let a = &attributions[i];
    let source = stream.within(a.source);
    if !(2..=5).contains(&source.len())
        || source.lower(0) != Some("the")
        || (1..source.len()).any(|k| !source.is_word(k))
    {
        return;
    }
    let head = heads[i];
    let from = i.saturating_sub(LOOKBACK);
    let earlier = (from..i).rev().find_map(|j| {
        let b = &attributions[j];
        if b.kind == SourceKind::Pronoun {
            return None;
        }
        // The mark holds an appositive ("Jeff Weaver, a Sanders aide, said").
        let words = stream.within(b.mark);
        let has = |w: &str| (0..words.len()).any(|k| words.lower(k) == Some(w));
        has(head).then(|| {
            b.kind == SourceKind::Named
                && (1..source.len()).all(|k| source.lower(k).is_some_and(has))
        })
    });
    if earlier == Some(true) {
        let a = &mut attributions[i];
        a.kind = SourceKind::Named;
        a.mark = if a.verb.start() < a.source.start() {
            ByteSpan::new(a.verb.start(), a.source.end())
        } else {
            ByteSpan::new(a.source.start(), a.verb.end())
        };
        a.rule.kind = SourceKind::Named;
        a.rule.rule = Rule::BackReference;
    }
}

/// The head noun of a source phrase, lowercased: its last word before any
/// postmodifier ("a former supervisor who left the company" → "supervisor").
fn head_word<'a>(source: &Tokens<'a>) -> &'a str {
    let mut head = "";
    for (k, w) in (0..source.len())
        .filter_map(|k| source.lower(k))
        .enumerate()
    {
        if k > 0 && POSTMODIFIERS.contains(w) {
            break;
        }
        head = w.trim_end_matches(['\'', '’']);
    }
    head
}
