//! Anonymity clauses: "on condition of anonymity", "who asked not to be
//! named", "who was not authorised to speak publicly". A clause directly
//! after an anonymous source joins that source's mark; one elsewhere is
//! marked on its own.

use super::classify::Rule;
use super::verbs::VERB_WORDS;
use super::{Attribution, PhraseMark, PhraseRule, Sent, SourceKind};
use crate::lexicon::words::CLAUSE_END;
use crate::lexicon::{PhraseMatch, ANONYMITY_CLAUSES};
use crate::span::ByteSpan;
use crate::text::{is_whole_word, TokenStream, Tokens};
use std::sync::LazyLock;

/// Per byte, whether some anonymity clause opens with it ("o", "s", "w"):
/// a word of the subject phrase opening with any other byte opens no
/// clause, and is passed over without comparing it with every phrase.
/// (An empty phrase, which opens everywhere, would set every byte.)
static OPENING_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut opening = [false; 256];
    for p in ANONYMITY_CLAUSES.phrases() {
        match p.as_bytes().first() {
            Some(&b) => opening[usize::from(b)] = true,
            None => opening = [true; 256],
        }
    }
    opening
});

/// The anonymity clauses of `anonymity_clauses.txt` whose negation can
/// be contracted, contracted: "who didn't want to be named", "who wasn’t
/// authorized to" (either apostrophe), read beside "who did not want to
/// be named" when the clause opens with one ([`opens_contracted`]). The lexicon's phrases are plain words (the phrase matcher
/// reads no apostrophe), so the contracted forms are made here, for the
/// subject's own test ([`anonymity_clause_in`]): "A farmer who didn't want
/// to be named said". Only an auxiliary that contracts ("did", "was",
/// "were", "is", "are", "does", "do", "has", "have", "had") before "not".
static CONTRACTED: LazyLock<Vec<String>> = LazyLock::new(|| {
    const CONTRACTS: &[&str] = &[
        "did", "does", "do", "was", "were", "is", "are", "has", "have", "had",
    ];
    let mut out = Vec::new();
    for p in ANONYMITY_CLAUSES.phrases() {
        let words: Vec<&str> = p.split(' ').collect();
        if let Some(i) =
            (1..words.len()).find(|&i| words[i] == "not" && CONTRACTS.contains(&words[i - 1]))
        {
            for apostrophe in ["'", "’"] {
                let mut v = words[..i - 1].join(" ");
                v.push(' ');
                v.push_str(words[i - 1]);
                v.push('n');
                v.push_str(apostrophe);
                v.push('t');
                for w in &words[i + 1..] {
                    v.push(' ');
                    v.push_str(w);
                }
                out.push(v);
            }
        }
    }
    out
});

/// The length of the anonymity clause `rest` (lower case) opens with, if
/// any, contracted forms included ([`CONTRACTED`]): "who wasn't
/// authorized to speak" after "according to an aide".
pub(super) fn opening_clause_len(rest: &str) -> Option<usize> {
    let written = ANONYMITY_CLAUSES.phrases().find(|p| rest.starts_with(p));
    written.map(str::len).or_else(|| {
        opens_contracted(rest)
            .then(|| CONTRACTED.iter().find(|p| rest.starts_with(p.as_str())))
            .flatten()
            .map(String::len)
    })
}

/// How far into a clause a contraction is looked for ("who wasn't": the
/// auxiliary is the clause's second word).
const CONTRACTION_BYTES: usize = 16;

/// Does `tail` open with "who " and a contracted "not" ("n't", "n’t") in
/// its first few bytes? Only then are the contracted clauses (every one
/// opens with "who") compared: most words are no such opening.
fn opens_contracted(tail: &str) -> bool {
    tail.starts_with("who ") && {
        let head = &tail.as_bytes()[..tail.len().min(CONTRACTION_BYTES)];
        head.windows(3).any(|w| w == b"n't") || head.windows(5).any(|w| w == "n’t".as_bytes())
    }
}

/// Whether the tokens `from..end` open with (or, `anywhere`, hold) an
/// anonymity clause as whole words: "who asked not to be namedX" is not one.
pub(super) fn anonymity_clause_in(s: &Sent, from: usize, end: usize, anywhere: bool) -> bool {
    let rest = s.lower_span(s.span(from, end - 1));
    let is_word_byte = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    let whole = |at: usize, len: usize| {
        let bytes = rest.as_bytes();
        !is_word_byte(at.checked_sub(1).and_then(|i| bytes.get(i)))
            && !is_word_byte(bytes.get(at + len))
    };
    let opens_at = |at: usize| {
        let tail = &rest[at..];
        ANONYMITY_CLAUSES
            .phrases()
            .any(|p| tail.starts_with(p) && whole(at, p.len()))
            || opens_contracted(tail)
                && CONTRACTED
                    .iter()
                    .any(|p| tail.starts_with(p.as_str()) && whole(at, p.len()))
    };
    if !anywhere {
        return opens_at(0);
    }
    // Every word start of the (short, bounded) subject phrase that some
    // clause opens with.
    let bytes = rest.as_bytes();
    let opening = &*OPENING_BYTES;
    (0..bytes.len())
        .filter(|&at| (at == 0 || bytes[at - 1] == b' ') && opening[usize::from(bytes[at])])
        .any(opens_at)
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
/// [`CLAUSE_TAIL_WORDS`] words of the token stream `all`. It reads at most a
/// few words past that limit, never the rest of the sentence. `k` is
/// `all.first_from(span.end())`, which a caller with the whole stream
/// finds by its offset index (`TokenStream::index_at`) rather than by a
/// binary search over the article's tokens.
pub(super) fn extend_clause(all: &Tokens, span: ByteSpan, mut k: usize) -> ByteSpan {
    debug_assert_eq!(k, all.first_from(span.end()));
    let bytes = all.text.as_bytes();
    let mut end = span.end();
    let mut words = 0;
    while let Some(t) = all.toks.get(k) {
        // The clause runs on through words separated by single spaces: a
        // punctuation mark or a line break ends it ...
        let gap = &bytes[end..t.span().start()];
        if !t.is_word() || gap.is_empty() || gap.iter().any(|&b| b != b' ') {
            break;
        }
        let w = all.lower(k).unwrap_or_default();
        // ... and so does a conjunction ("who declined to be named because
        // the matter is confidential") ...
        if CLAUSE_END.contains(w) {
            break;
        }
        // ... and a main verb: "who asked not to be named said".
        words += 1;
        if words > CLAUSE_TAIL_WORDS || VERB_WORDS.contains(w) {
            return span;
        }
        end = t.span().end();
        k += 1;
    }
    ByteSpan::new(span.start(), end)
}

/// How far after its verb an anonymity clause still speaks of the verb's
/// source ("a spokesman said, speaking on condition of anonymity").
const CLAUSE_AFTER_VERB_BYTES: usize = 24;

/// How many attributions before and after a clause may touch it:
/// attribution marks are short and come in text order.
const NEAR_BEFORE: usize = 8;
const NEAR_AFTER: usize = 4;

/// Anonymity clauses. A "who" clause directly after an anonymous source's
/// mark joins that mark ("a diplomat who asked not to be named"); one inside
/// an attribution's mark is already shown; any other is marked on its own.
pub(super) fn find_clause_marks(
    stream: &TokenStream,
    attributions: &mut [Attribution],
    found: &[PhraseMatch],
) -> Vec<PhraseMark> {
    let all = stream.all();
    let text = all.text;
    let mut out = Vec::new();
    for m in found {
        let span = m.span;
        if !is_whole_word(text, span) {
            continue;
        }
        let phrase = ANONYMITY_CLAUSES.entries[m.index()].phrase;
        // A "who" clause runs to its end: "who was not authorized to
        // discuss the inquiry".
        let span = if phrase.starts_with("who ") {
            extend_clause(&all, span, stream.index_at(span.end()))
        } else {
            span
        };
        let near = attributions.partition_point(|a| a.verb.start() <= span.end());
        let (lo, hi) = (
            near.saturating_sub(NEAR_BEFORE),
            (near + NEAR_AFTER).min(attributions.len()),
        );
        let joined = (lo..hi).rev().find(|&i| {
            let a = &attributions[i];
            a.kind == SourceKind::Anonymous
                && phrase.starts_with("who ")
                && a.mark.end() < span.start()
                && text[a.mark.end()..span.start()] == *" "
        });
        // "a spokesman said, speaking on condition of anonymity": the clause
        // after the verb makes an unnamed role's attribution anonymous.
        if !phrase.starts_with("who ") {
            let before = (lo..near).rev().find(|&i| {
                let a = &attributions[i];
                a.verb.end() <= span.start()
                    && span.start() - a.verb.end() <= CLAUSE_AFTER_VERB_BYTES
                    && !text[a.verb.end()..span.start()].contains(['.', '!', '?', '“', '"'])
            });
            if let Some(i) = before {
                let a = &mut attributions[i];
                if a.kind == SourceKind::Named
                    && matches!(
                        a.rule.rule,
                        Rule::Institution | Rule::OfficeHolder | Rule::DefiniteNoun
                    )
                {
                    a.kind = SourceKind::Anonymous;
                    a.mark = a.source;
                    a.rule.kind = SourceKind::Anonymous;
                    a.rule.rule = Rule::AnonymityClause;
                }
            }
        }
        match joined {
            Some(i) => attributions[i].mark.set_end(span.end()),
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
