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
use crate::swar::{ascii_capitals, load8};
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
/// its first few bytes, ASCII case aside? Only then are the contracted
/// clauses (every one opens with "who") compared: most words are no such
/// opening.
fn opens_contracted(tail: &str) -> bool {
    let head = &tail.as_bytes()[..tail.len().min(CONTRACTION_BYTES)];
    head.get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"who "))
        // (A contraction holds an apostrophe, `'` or the first byte of
        // `’`: one pass over the bytes for either, where most places after
        // "who" have none, before the windows are compared.)
        && head.iter().any(|&b| b == b'\'' || b == 0xE2)
        && (head.windows(3).any(|w| w.eq_ignore_ascii_case(b"n't"))
            || head
                .windows(5)
                .any(|w| w.eq_ignore_ascii_case("n’t".as_bytes())))
}

/// Is `b` (a byte of a lower-cased phrase, or none past its ends) part of
/// a word: a letter, a digit, or a byte of a multi-byte char?
fn is_word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
}

/// An anonymity clause (lower case: a test says so) and its first eight
/// bytes as an integer ([`load8`]), with the mask of those of them it has.
struct Clause {
    text: &'static str,
    key: u64,
    mask: u64,
}

impl Clause {
    fn new(text: &'static str) -> Self {
        let n = text.len().min(8);
        let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
        Clause {
            text,
            key: load8(text.as_bytes()),
            mask,
        }
    }

    /// Does `tail`, whose first eight bytes (zero-padded, lowercased in
    /// ASCII) are `key`, start with the clause, ASCII case aside? The keys
    /// first, one comparison: a place where some clause opens ("who",
    /// "on") mostly opens with none, and 21 of the 25 clauses open with
    /// "who ", which comparing the texts read again for each ("who said",
    /// "who asked not to be named").
    fn opens(&self, tail: &str, key: u64) -> bool {
        key & self.mask == self.key
            && tail
                .as_bytes()
                .get(..self.text.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(self.text.as_bytes()))
    }
}

/// The anonymity clauses, written ([`ANONYMITY_CLAUSES`]) and contracted
/// ([`CONTRACTED`]), with their keys ([`Clause`]).
static CLAUSES: LazyLock<(Vec<Clause>, Vec<Clause>)> = LazyLock::new(|| {
    (
        ANONYMITY_CLAUSES.phrases().map(Clause::new).collect(),
        CONTRACTED.iter().map(|p| Clause::new(p.as_str())).collect(),
    )
});

/// Does an anonymity clause open at byte `at` of `words` (a stretch of
/// the article) as whole words, ASCII case aside? Read from the text
/// itself: its lower-case copy ([`Tokens::lower_span`]) was one more pass
/// over the words, and for words with a capital a search of the folded
/// text or a copy, while only the clause's length of them is compared.
/// (A test checks the answers against those of the lower-case copy with
/// every clause compared.)
fn opens_clause_at(words: &str, at: usize) -> bool {
    let bytes = words.as_bytes();
    let whole = |len: usize| {
        !is_word_byte(at.checked_sub(1).and_then(|i| bytes.get(i)))
            && !is_word_byte(bytes.get(at + len))
    };
    let tail = &words[at..];
    let key = load8(tail.as_bytes());
    let key = key | ascii_capitals(key) >> 2;
    let (written, contracted) = &*CLAUSES;
    written
        .iter()
        .any(|c| c.opens(tail, key) && whole(c.text.len()))
        || opens_contracted(tail)
            && contracted
                .iter()
                .any(|c| c.opens(tail, key) && whole(c.text.len()))
}

/// Whether the tokens `from..end` open with (or, `anywhere`, hold) an
/// anonymity clause as whole words: "who asked not to be namedX" is not one.
pub(super) fn anonymity_clause_in(s: &Sent, from: usize, end: usize, anywhere: bool) -> bool {
    let words = s.span(from, end - 1).slice(s.text);
    if !anywhere {
        return opens_clause_at(words, 0);
    }
    // Every word start of the (short, bounded) subject phrase that some
    // clause opens with.
    let bytes = words.as_bytes();
    let opening = &*OPENING_BYTES;
    (0..bytes.len())
        .filter(|&at| {
            (at == 0 || bytes[at - 1] == b' ')
                && opening[usize::from(bytes[at].to_ascii_lowercase())]
        })
        .any(|at| opens_clause_at(words, at))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`opens_clause_at`] as it was: every clause compared at `at` of
    /// the words' lower-case copy.
    fn opens_clause_at_simply(words: &str, at: usize) -> bool {
        let rest = words.to_ascii_lowercase();
        let bytes = rest.as_bytes();
        let whole = |len: usize| {
            !is_word_byte(at.checked_sub(1).and_then(|i| bytes.get(i)))
                && !is_word_byte(bytes.get(at + len))
        };
        let tail = &rest[at..];
        let opens_contracted = tail.starts_with("who ") && {
            let head = &tail.as_bytes()[..tail.len().min(CONTRACTION_BYTES)];
            head.windows(3).any(|w| w == b"n't") || head.windows(5).any(|w| w == "n’t".as_bytes())
        };
        ANONYMITY_CLAUSES
            .phrases()
            .any(|p| tail.starts_with(p) && whole(p.len()))
            || opens_contracted
                && CONTRACTED
                    .iter()
                    .any(|p| tail.starts_with(p.as_str()) && whole(p.len()))
    }

    #[test]
    fn the_clauses_are_lower_case() {
        for p in ANONYMITY_CLAUSES
            .phrases()
            .chain(CONTRACTED.iter().map(String::as_str))
        {
            assert_eq!(p, p.to_ascii_lowercase());
        }
    }

    /// Words of the clauses and their contractions, a few others, and
    /// bytes of no word, to make phrases of.
    const PIECES: &str = "who|on|speaking|anonymously|asked|not|to|be|named|identified|condition|\
        of|anonymity|the|was|were|authorized|authorised|speak|publicly|didn't|wasn’t|weren't|did|\
        want|spoke|granted|officials|said|onx|whom|é|namedx| | | |,|-|’|'|Who|WHO|On|ASKED|Named|\
        wasN'T|Speaking|AnonYmity";

    #[test]
    fn every_clause_opens_where_it_stands() {
        for p in ANONYMITY_CLAUSES.phrases() {
            assert!(opens_clause_at(p, 0), "{p}");
        }
        for p in ANONYMITY_CLAUSES
            .phrases()
            .chain(CONTRACTED.iter().map(String::as_str))
        {
            for rest in [
                format!("aides {p}"),
                format!("aides {p}, said"),
                format!("aides {p}x"),
            ] {
                assert_eq!(
                    opens_clause_at(&rest, 6),
                    opens_clause_at_simply(&rest, 6),
                    "{rest}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn the_keys_answer_as_the_texts(
            picks in proptest::collection::vec(0..48usize, 0..14)
        ) {
            let pieces: Vec<&str> = PIECES.split('|').collect();
            let rest: String = picks.iter().map(|&i| pieces[i % pieces.len()]).collect::<Vec<_>>().join(" ");
            for at in (0..=rest.len()).filter(|&at| rest.is_char_boundary(at)) {
                prop_assert_eq!(
                    opens_clause_at(&rest, at),
                    opens_clause_at_simply(&rest, at),
                    "{:?} at {}", rest, at
                );
            }
        }
    }
}
