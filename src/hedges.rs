//! Hedges: words that lower the writer's commitment to a claim.
//!
//! The phrase list is `lexicon/hedges.txt`, matched leftmost-longest so that
//! "may have" wins over "may" and "is believed to" over nothing shorter. The
//! context rules below keep plain facts out:
//!
//! - "May" with a capital is the month or a name, never a hedge (a sentence
//!   that opens with the modal "May" is vanishingly rare in news); "may"
//!   before a number or after "in"/"since"/"until" is the month too.
//! - "might" after a determiner or adjective ("military might", "its might"),
//!   or before "of"/punctuation, is the noun.
//! - "could not", "could never" state a plain inability or fact ("police could
//!   not confirm"): no hedge. "could" with a past-time frame in the sentence
//!   ("as a child she could swim a mile") is past ability, and "could see",
//!   "could hear", "could only" report what happened: no hedge.
//! - "possible" in "as soon as possible", "the best possible", "made
//!   possible" is not doubt; "potential" as a noun ("the potential for
//!   growth", "its full potential") is not either.
//! - "suggest"/"indicate" after I/we/you/to propose rather than hedge.
//! - "likely" is a hedge even in a measured comparison ("38 percent more
//!   likely"): the guideline lists it without exception, and the comparison
//!   still reports a probability, not a certainty.
//!
//! "will", "would", "can" are never hedges: they are not in the list.

use crate::lexicon::{Entry, HEDGES};
use crate::span::ByteSpan;
use crate::text::is_whole_word;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(HEDGES.phrases())
        .expect("the hedge lexicon compiles")
});

/// A hedge found in the normalised text.
pub struct Hedge {
    pub span: ByteSpan,
    pub entry: Entry,
}

impl Hedge {
    pub fn rule(&self) -> String {
        format!("hedge/{}", self.entry.phrase.replace(' ', "-"))
    }
}

/// Finds hedges in normalised `text`; `sentence_of` gives the sentence span
/// around a byte offset (for context rules that read the whole sentence).
pub fn find_hedges(text: &str, sentence_of: impl Fn(usize) -> ByteSpan) -> Vec<Hedge> {
    MATCHER
        .find_iter(text)
        .filter_map(|m| {
            let span = ByteSpan::new(m.start(), m.end());
            if !is_whole_word(text, span) {
                return None;
            }
            let entry = HEDGES.entries[m.pattern().as_usize()];
            let ctx = Context { text, span };
            let keep = match entry.phrase {
                "may" => !ctx.is_month_may(),
                "might" => !ctx.is_noun_might(),
                "could" => !ctx.is_plain_could(sentence_of(span.start)),
                "possible" => !ctx.prev_in(&[
                    "as",
                    "best",
                    "worst",
                    "highest",
                    "lowest",
                    "greatest",
                    "everything",
                    "made",
                    "make",
                    "makes",
                    "making",
                    "if",
                ]),
                "potential" => !ctx.is_noun_potential(),
                "suggest" | "indicate" => !ctx.prev_in(&["i", "we", "you", "to"]),
                _ => true,
            };
            keep.then_some(Hedge { span, entry })
        })
        .collect()
}

struct Context<'a> {
    text: &'a str,
    span: ByteSpan,
}

impl Context<'_> {
    fn matched(&self) -> &str {
        self.span.slice(self.text)
    }

    /// The word before the match, lowercased, if only spaces separate them.
    fn prev_word(&self) -> Option<String> {
        let before = self.text[..self.span.start].strip_suffix(' ')?;
        let start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let w = &before[start..];
        (!w.is_empty()).then(|| w.to_lowercase())
    }

    /// The next word after the match, lowercased; `None` when punctuation
    /// or the end of the text comes first.
    fn next_word(&self) -> Option<String> {
        let after = self.text[self.span.end..].strip_prefix(' ')?;
        let end = after
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after.len());
        let w = &after[..end];
        (!w.is_empty()).then(|| w.to_lowercase())
    }

    fn prev_in(&self, words: &[&str]) -> bool {
        self.prev_word()
            .is_some_and(|w| words.contains(&w.as_str()))
    }

    fn next_in(&self, words: &[&str]) -> bool {
        self.next_word()
            .is_some_and(|w| words.contains(&w.as_str()))
    }

    fn is_month_may(&self) -> bool {
        self.matched().starts_with('M')
            || self
                .next_word()
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            || self.prev_in(&[
                "in", "since", "until", "early", "late", "mid", "during", "through",
            ])
    }

    fn is_noun_might(&self) -> bool {
        self.next_word().is_none()
            || self.next_in(&["of", "and", "or", "is", "was", "has"])
            || self.prev_in(&[
                "military",
                "economic",
                "its",
                "his",
                "her",
                "their",
                "our",
                "the",
                "naval",
                "industrial",
                "financial",
                "full",
                "all",
                "with",
                "sheer",
                "great",
                "nuclear",
                "air",
            ])
    }

    fn is_plain_could(&self, sentence: ByteSpan) -> bool {
        if self.next_in(&[
            "not", "never", "see", "hear", "smell", "only", "barely", "hardly", "scarcely",
        ]) {
            return true;
        }
        let s = sentence.slice(self.text).to_lowercase();
        const PAST_FRAMES: [&str; 14] = [
            "as a child",
            "as a boy",
            "as a girl",
            "as a teenager",
            "as a student",
            "when she was",
            "when he was",
            "when they were",
            "when i was",
            "in his youth",
            "in her youth",
            "growing up",
            "back then",
            "in those days",
        ];
        PAST_FRAMES.iter().any(|f| s.contains(f))
    }

    fn is_noun_potential(&self) -> bool {
        self.next_word().is_none_or(|w| {
            ["for", "of", "to", "in", "and", "or", "is", "was"].contains(&w.as_str())
        }) || self.prev_in(&[
            "full", "its", "their", "his", "her", "our", "untapped", "enormous", "huge", "great",
            "real",
        ])
    }
}
