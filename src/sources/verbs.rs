//! Finding the reporting verb ("said", "told", "according to") and
//! deciding whether it attributes at all: not in the passive ("was told"),
//! not negated ("has not said"), not a noun ("Unconfirmed reports"). Then
//! the subject is looked for before the verb, or after it when nothing
//! stands before it ("“…,” said Okafor").

use super::classify::{Order, SourceRule};
use super::names::core_name;
use super::subject::{backward_np, forward_np};
use super::{Attribution, Np, Sent, SourceKind};
use crate::lexicon::words::{BEFORE_PASSIVE, BETWEEN, NEGATIONS, NOUNISH_OPENERS};
use crate::lexicon::{WordList, BELIEF_VERBS, HEDGES, REPORTING_VERBS};
use crate::span::ByteSpan;
use std::sync::LazyLock;

/// The one-word verbs of both verb lexicons.
pub(super) static VERB_WORDS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::new(
        REPORTING_VERBS
            .phrases()
            .chain(BELIEF_VERBS.phrases())
            .filter(|p| !p.contains(' ')),
    )
});

pub(super) fn attribution(
    s: &Sent,
    si: usize,
    v0: usize,
    v1: usize,
    phrase: &'static str,
    reporting: bool,
) -> Option<Attribution> {
    let verb = s.span(v0, v1);
    if phrase == "according to" {
        let np = forward_np(s, v1 + 1)?;
        return finish(s, si, np, verb, true, phrase, reporting);
    }
    // A capitalised verb inside a sentence is part of a name: "the journal
    // Adolescent Health Reports".
    if v0 > 0 && s.is_capitalised(v0) && !s.is_punct(v0 - 1, '“') && !s.is_punct(v0 - 1, '"') {
        return None;
    }
    let mut k = v0;
    while k > 0
        && !s.is_capitalised(k - 1)
        && s.lower(k - 1)
            .is_some_and(|w| BETWEEN.contains(w) || NEGATIONS.contains(w))
    {
        // "has not said", "did not say": a source that says nothing.
        if s.lower(k - 1).is_some_and(|w| NEGATIONS.contains(w)) {
            return None;
        }
        k -= 1;
    }
    // A passive or adjectival use is no attribution: "was told", "is said
    // to", "was reportedly posted". After "who" or "which" the verb belongs to
    // a relative clause whose subject is outside it.
    if let Some(prev) = k.checked_sub(1).and_then(|i| s.lower(i)) {
        if BEFORE_PASSIVE.contains(prev) || prev.ends_with("n't") || prev.ends_with("n’t") {
            return None;
        }
    }
    if k > 0 {
        if let Some(np) = backward_np(s, k, phrase) {
            // "Unconfirmed reports", "Early claims": a noun, not a verb.
            let nounish = matches!(
                phrase,
                "reports" | "claims" | "notes" | "posts" | "reported"
            ) && np.start == 0
                && np.end - np.start == 1
                && s.lower(0).is_some_and(|w| {
                    HEDGES.phrases().any(|h| h == w) || NOUNISH_OPENERS.contains(w)
                });
            return (!nounish)
                .then(|| finish(s, si, np, verb, false, phrase, reporting))
                .flatten();
        }
    }
    // Inversion ("“…,” said Okafor") only straight after punctuation or at
    // the start of a sentence.
    if !reporting || k != v0 || (k > 0 && s.toks[k - 1].is_word()) {
        return None;
    }
    let np = forward_np(s, v1 + 1)?;
    finish(s, si, np, verb, true, phrase, reporting)
}

fn finish(
    s: &Sent,
    si: usize,
    np: Np,
    verb: ByteSpan,
    after: bool,
    phrase: &'static str,
    reporting: bool,
) -> Option<Attribution> {
    if !reporting && matches!(np.kind, SourceKind::Named | SourceKind::Pronoun) {
        return None;
    }
    let source = s.span(np.start, np.end - 1);
    let mark = match np.kind {
        SourceKind::Anonymous => source,
        _ if after => ByteSpan::new(verb.start, source.end),
        _ => ByteSpan::new(source.start, verb.end),
    };
    let order = if after {
        Order::VerbSource
    } else {
        Order::SourceVerb
    };
    let name = if np.kind == SourceKind::Named {
        core_name(s, np).unwrap_or(source)
    } else {
        source
    };
    Some(Attribution {
        kind: np.kind,
        source,
        name,
        verb,
        mark,
        sentence: si,
        rule: SourceRule {
            kind: np.kind,
            rule: np.rule,
            order,
            verb: phrase,
        },
    })
}

/// Present-tense verbs that agree only with a plural subject.
pub(super) fn is_plural_verb(verb: &str) -> bool {
    matches!(verb, "say" | "argue" | "warn" | "note")
        || verb != "believes" && BELIEF_VERBS.phrases().any(|p| p == verb)
}
