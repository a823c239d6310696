//! Hedges: words that lower the writer's commitment to a claim.
//!
//! The phrase list is `lexicon/hedges.txt`, matched leftmost-longest so that
//! "may have" wins over "may" and "is believed to" over nothing shorter. The
//! context rules that keep plain facts out ("May" the month, "military
//! might", "could not") are in [`context_rules`].
//!
//! "will", "would", "can" are never hedges: they are not in the list.

use crate::lexicon::{Entry, PhraseMatch, HEDGES};
use crate::mark::RuleId;
use crate::span::ByteSpan;
use crate::text::{is_whole_word, TokenStream};
use context_rules::{has_past_frame, Context};
use std::cell::Cell;

mod context_rules;

/// A hedge found in the normalised text: 16 bytes (the lexicon entry is
/// referred to, not copied; an `Entry` is 56).
pub struct Hedge {
    pub span: ByteSpan,
    pub entry: &'static Entry,
}

impl Hedge {
    /// The typed rule id: `hedge/{phrase}` in JSON.
    pub fn rule(&self) -> RuleId {
        RuleId::Hedge(self.entry.phrase)
    }
}

/// Finds hedges in the article's token stream; `sentences` are its sorted
/// sentence spans (the "could" rule reads a sentence for a past-time frame,
/// once per sentence however many "could"s it holds, and a concessive
/// "may … but" reads the sentence it is in); `found` are the hedge
/// lexicon's matches ([`crate::lexicon::find_phrases`]).
pub fn find_hedges(
    stream: &TokenStream,
    sentences: &[ByteSpan],
    found: &[PhraseMatch],
) -> Vec<Hedge> {
    let all = stream.all();
    let text = all.text;
    // (sentence index, does it hold a past-time frame?)
    let past: Cell<Option<(usize, bool)>> = Cell::new(None);
    let past_frame = |pos: usize| {
        let si = sentences.partition_point(|s| s.end() <= pos);
        match past.get() {
            Some((i, known)) if i == si => known,
            _ => {
                let known = sentences
                    .get(si)
                    .is_some_and(|s| has_past_frame(s.slice(text)));
                past.set(Some((si, known)));
                known
            }
        }
    };
    found
        .iter()
        .filter_map(|m| {
            let span = m.span;
            if !is_whole_word(text, span) {
                return None;
            }
            let entry = &HEDGES.entries[m.index()];
            let ctx = Context::new(stream, span);
            let keep = ctx.keeps(
                entry.phrase,
                || past_frame(span.start()),
                || {
                    let si = sentences.partition_point(|s| s.end() <= span.start());
                    sentences.get(si).copied()
                },
            );
            keep.then_some(Hedge { span, entry })
        })
        .collect()
}
