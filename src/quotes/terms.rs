//! Quotation marks around words that are not anyone's words: names, titles
//! of events and campaigns, transcript directions, and short terms used as
//! a modifier. Each rule reads a bounded window of words either side of
//! the quotation (never the sentence), and each has its example in
//! [`RULES`], which the unit tests run.
//!
//! Decisions (the guideline names titles of works and scare quotes; these
//! extend them in its spirit):
//! - A nickname inside a name (Rep. Robert C. “Bobby” Scott) is part of
//!   the name, as a title is the name of a work: nobody is quoted, so it
//!   gets no mark. So is one word before a name where no first name stands
//!   (“Skip” Tully back in town; where “Sir” Len Abbot plays). After
//!   "nicknamed" or "the nickname" a nickname is a word
//!   quoted as a word instead: a scare quote (see [`super::is_scare`]).
//! - A Title-Case name of an event, campaign, policy or slogan after a
//!   determiner (the “War On Drugs”, a bipartisan “Grand Bargain”, his 1994
//!   “Contract with America”) or before a noun naming such a thing (the
//!   “Still Sanders” rally, a “Make Mexico Great Again” hat) is a title:
//!   no mark. Not after a verb of naming (Trump called him the “Worst
//!   Senator Ever”: the name is his words), nor in a Title-Case headline.
//! - A stage direction of a transcript, “(CROSSTALK.)” or “(APPLAUSE)”, is
//!   not a source's words: no mark.
//! - A short quotation between a determiner and a noun (the “fact-checking”
//!   website, the notorious “carried interest” loophole, a “unity” lunch),
//!   or between a gerund that is no verb of speech and a noun (for
//!   promoting “quack” medical cures), is a term the writer flags, not a report of speech: when the speaker
//!   finder credits nobody, it is a scare quote. Before a noun of speech
//!   (his “Second Amendment people” remark, the “sex tape” reference) the
//!   words are someone's, and it stays a quote.

use super::{
    inner, is_headline, is_title_case, is_title_case_within_stop, lower, lower_words_before,
};
use crate::lexicon::words::{
    QUOTE_APPOSITIVE_WORKS, QUOTE_DETERMINERS, QUOTE_NAMED_THINGS, QUOTE_NAMING, QUOTE_NOT_A_NOUN,
    QUOTE_PART_OF, QUOTE_SPEECH_NOUNS, QUOTE_WORD_CUES,
};
use std::borrow::Cow;

/// (rule, example, whether the quotation in the example is a quote of
/// someone's words: `Some(true)`, a scare quote: `Some(false)`, or gets no
/// mark: `None`).
#[cfg(test)]
pub const RULES: &[(&str, &str, Option<bool>)] = &[
    (
        "nickname in a name",
        "Rep. Leland C. “Buddy” Marsh spoke.",
        None,
    ),
    (
        "nickname after a first name",
        "Ana “Chula” Ferrer came.",
        None,
    ),
    (
        "title-case name after a determiner",
        "the “Clean Harbour Pact” failed",
        None,
    ),
    (
        "title-case name after a possessive and year",
        "his 2009 “Deal with Ohio.”",
        None,
    ),
    (
        "title-case name before an event noun",
        "at the “Keep Faith” rally on Friday",
        None,
    ),
    (
        "title-case slogan before an object",
        "a “Vote Kessler Now” hat",
        None,
    ),
    (
        "title after a media noun and of",
        "on an episode of “Morning Tide,” he said",
        None,
    ),
    ("transcript direction", "“(CROSSTALK.)", None),
    (
        "title before a comma and a kind of work",
        "“Low Tide,” a thriller about smugglers, sold well.",
        None,
    ),
    (
        "not when the work speaks",
        "“No,” the report said.",
        Some(true),
    ),
    (
        "term before a noun",
        "the “fact-checking” website erred",
        Some(false),
    ),
    (
        "term after an adjective",
        "a separate “holding” company",
        Some(false),
    ),
    (
        "term after a gerund",
        "fined for promoting “miracle” diet pills",
        Some(false),
    ),
    (
        "not after a gerund of speech",
        "kept saying “shameful” things about her",
        Some(true),
    ),
    (
        "the nickname",
        "known by the nickname “Pier-less Paul.”",
        Some(false),
    ),
    (
        "known as the",
        "what is known as the “Pell rule” after her",
        Some(false),
    ),
    (
        "words such as",
        "words such as “harbour” were banned",
        Some(false),
    ),
    (
        "words like",
        "words like “harbour” were banned",
        Some(false),
    ),
    (
        "a pronoun quoted alone",
        "because “she” won, not a “he”",
        Some(false),
    ),
    (
        "not before a speech noun",
        "his “total disaster” remark was cut",
        Some(true),
    ),
    (
        "not after a verb of naming",
        "Reyes called him the “Worst Mayor Ever” today",
        Some(true),
    ),
];

/// Determiners and possessives after which a quotation names a thing.
fn determiners(w: &str) -> bool {
    QUOTE_DETERMINERS.contains(w)
}

/// Words that present the next quotation as a word quoted as a word (the
/// slogan “…”, the name “…”): a scare quote, not a title (see
/// [`super::is_scare`]).
fn word_cues(w: &str) -> bool {
    QUOTE_WORD_CUES.contains(w)
}

/// Verbs of naming: a name given after one ("called him the “…”") is the
/// namer's words.
/// ("referring to the US as the “…”", "claimed that the “…”": the words
/// of whoever the sentence reports).
fn naming(w: &str) -> bool {
    QUOTE_NAMING.contains(w)
}

/// Nouns after a Title-Case name that make it the name of an event,
/// campaign or slogan (the “Keep Faith” rally, a “Vote Kessler Now” hat).
fn named_things(w: &str) -> bool {
    QUOTE_NAMED_THINGS.contains(w)
}

/// Nouns of a work's part before "of" and a Title-Case title (an episode of
/// “Morning Tide”, the broadcast of “Fox News Sunday”).
pub(super) fn part_of(w: &str) -> bool {
    QUOTE_PART_OF.contains(w)
}

/// Nouns of speech: a quotation before one is someone's words (his “total
/// disaster” remark).
fn speech_nouns(w: &str) -> bool {
    QUOTE_SPEECH_NOUNS.contains(w)
}

/// Words that cannot be the noun a term modifies: function words, verbs
/// of being and having, and the like ("the “reporter” has revealed").
fn not_a_noun(w: &str) -> bool {
    QUOTE_NOT_A_NOUN.contains(w)
}

/// Whether a quotation (closed, in paragraph `p` from `start` to `end`,
/// its words `q`: its [`inner`], which the caller has read) is a nickname
/// in a name or a Title-Case name of an event, campaign or slogan: no
/// mark. See the module docs.
#[inline(never)]
pub(super) fn is_name(p: &str, q: &str, start: usize, end: usize) -> bool {
    debug_assert_eq!(q, inner(&p[start..end]));
    // Both rules want a capitalised first word: most quotations stop here.
    if !q.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    // One pass over the bytes (the words split at spaces; a char decoded
    // only where a word starts with a non-ASCII one): how many words, and
    // how many capitalised. A `split(' ')` here searched for each space
    // with a call of its own, about 1,000 instructions a quotation.
    let b = q.as_bytes();
    let (mut n, mut caps, mut i) = (0, 0, 0);
    while i < b.len() {
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        n += 1;
        if n > 8 {
            return false;
        }
        caps += usize::from(match b[i] {
            c @ 0..0x80 => c.is_ascii_uppercase() || c.is_ascii_digit(),
            _ => q[i..].starts_with(char::is_uppercase),
        });
        i += 1;
        while i < b.len() && b[i] != b' ' {
            i += 1;
        }
    }
    let after = &p[end..];
    // The word after the closing mark and one space (to the next space).
    let next = after.strip_prefix(' ').map_or("", |a| {
        &a[..a.bytes().position(|c| c == b' ').unwrap_or(a.len())]
    });
    (n <= 2 && is_nickname(p, start, q, next, after))
        || appositive_title(q, after)
        || (caps >= 2 && title_case_name(p, start, q, next) && !is_headline(&p[..start], after))
}

/// “Equity,” a thriller about…; “Tales From the Crypt,” an HBO series:
/// a Title-Case quotation closed by a comma and followed by a noun phrase
/// (a determiner and up to three words) naming a work. Not when a verb of
/// speech follows that noun ("“No,” the report said": the report's words).
fn appositive_title(q: &str, after: &str) -> bool {
    let Some(t) = q.strip_suffix(',') else {
        return false;
    };
    let mut words = after.split(' ').filter(|w| !w.is_empty());
    if !matches!(words.next(), Some("a" | "an" | "the")) || !is_title_case(t) {
        return false;
    }
    let mut words = words.take(4).map(|w| w.trim_end_matches([',', '.', ';']));
    for _ in 0..3 {
        let Some(w) = words.next() else {
            return false;
        };
        let w = lower(w);
        if super::is_media_after(&w) || appositive_works(&w) {
            let then = words.next().unwrap_or("");
            return !crate::lexicon::words::SPEECH.contains(then)
                && !matches!(then, "found" | "concluded" | "states" | "reads" | "read");
        }
    }
    false
}

/// Kinds of work named after a title and a comma (“Equity,” a thriller),
/// or before one (the drama “Equity”, his memoir, “Salt Roads,”).
pub(super) fn appositive_works(w: &str) -> bool {
    QUOTE_APPOSITIVE_WORKS.contains(w)
}

/// The last `N` words before `at`, lowercased, nearest first; a word with
/// punctuation other than a hyphen or apostrophe ends the run (it is left
/// empty, as are missing words), so that "the" in "in the world.” “…”" is
/// not read as the quotation's determiner.
fn plain_words_before<const N: usize>(p: &str, at: usize) -> [Cow<'_, str>; N] {
    let mut out: [Cow<'_, str>; N] = std::array::from_fn(|_| Cow::Borrowed(""));
    let Some(head) = p[..at].strip_suffix(' ') else {
        return out;
    };
    for (slot, w) in out.iter_mut().zip(head.rsplit(char::is_whitespace)) {
        if w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        {
            break;
        }
        *slot = lower(w);
    }
    out
}

/// Rep. Robert C. “Bobby” Scott: one or two capitalised words without
/// punctuation, between a first name or initial and a surname. Or one
/// such word before a name where no first name stands: at the paragraph's
/// or a sentence's start or after a lower-case word (“Skip” Tully back in
/// town; where “Sir” Len Abbot plays): the name the person goes by.
/// Decision (the module's nickname decision, extended): the writer names
/// the person, nobody is quoted. Not a hyphened word (‘Thin-skinned’ Reyes
/// is an epithet, someone's word), not before a day (“Go” Friday), nor after a
/// verb of naming (called him “Slick” Reyes: the namer's words).
fn is_nickname(p: &str, start: usize, q: &str, next: &str, after: &str) -> bool {
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    };
    let head = &p[..start];
    let prev = head
        .strip_suffix(' ')
        .and_then(|b| b.split_whitespace().next_back());
    let surname = next.trim_end_matches(|c: char| !c.is_alphabetic());
    // One word before a name, where no first name stands.
    let leads = || {
        !q.contains([' ', '-'])
            && surname.len() == next.len()
            && prev.is_none_or(|w| {
                w.ends_with(['.', '!', '?', ';']) || w.bytes().all(|b| b.is_ascii_lowercase())
            })
            && (prev.is_some() || head.is_empty())
            && prev.is_none_or(|w| !naming(w))
            && !crate::lexicon::words::DAYS.contains(&lower(surname).as_ref())
    };
    let Some(prev) = prev else {
        return leads()
            && capitalised(q)
            && capitalised(surname)
            && surname.chars().skip(1).any(char::is_lowercase)
            && !is_headline(head, after);
    };
    // A first name (Robert) or an initial (C., C.L.); not an acronym (CNN)
    // nor a word that ends a phrase (Tuesday,).
    let initial = prev.ends_with('.')
        && prev.chars().filter(|c| c.is_alphabetic()).count() <= 3
        && prev.chars().all(|c| c.is_uppercase() || c == '.');
    let first_name = capitalised(prev) && prev.chars().skip(1).any(char::is_lowercase);
    (initial || first_name || leads())
        && q.split_whitespace().all(capitalised)
        && capitalised(surname)
        && surname.chars().skip(1).any(char::is_lowercase)
        && !is_headline(&p[..start], after)
}

/// A Title-Case name after a determiner (or a possessive and a year or one
/// adjective), or before a noun naming an event, campaign or slogan.
fn title_case_name(p: &str, start: usize, q: &str, next: &str) -> bool {
    if !is_title_case_within_stop(q) {
        return false;
    }
    let det = |w: &str| determiners(w);
    let before = plain_words_before::<2>(p, start);
    let (w0, w1) = (&*before[0], &*before[1]);
    // A verb of naming up to five words back ("called Mrs. Quill an “…”").
    let named = lower_words_before(p, start, 3).iter().any(|w| naming(w))
        || p[..start]
            .split_whitespace()
            .rev()
            .nth(3)
            .is_some_and(|w| naming(&lower(w.trim_matches(|c: char| !c.is_alphabetic()))));
    if named || word_cues(w0) {
        return false;
    }
    // the “War On Drugs”; a bipartisan “Grand Bargain”; his 1994 “…”.
    let after_det = det(w0)
        || (det(w1)
            && w0
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && !w0.is_empty());
    after_det || named_things(&lower(next))
}

/// “(CROSSTALK.)”, “(APPLAUSE)”: a transcript's direction in capitals.
#[inline]
pub(super) fn is_direction(piece: &str) -> bool {
    // The bracket comes right after the opening mark (at most 3 bytes).
    let b = piece.as_bytes();
    if !(1..4).any(|i| matches!(b.get(i), Some(b'(' | b'['))) {
        return false;
    }
    is_direction_text(piece)
}

#[inline(never)]
fn is_direction_text(piece: &str) -> bool {
    let q = inner(piece).trim();
    let body = q
        .strip_prefix(['(', '['])
        .and_then(|b| b.trim_end_matches('.').strip_suffix([')', ']']));
    body.is_some_and(|b| {
        b.len() <= 40
            && b.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !b.chars().any(char::is_lowercase)
    })
}

/// Whether a short quotation (1 to 3 words, no closing punctuation) stands
/// between a determiner (or a determiner and one lowercase word) and the
/// noun it modifies: a term the writer flags. Offsets in `text`.
pub(super) fn is_modifier(text: &str, start: usize, end: usize, before: &[Cow<'_, str>]) -> bool {
    let w = |i: usize| before.get(i).map_or("", |w| &**w);
    // The words as written: no punctuation between them and the quotation
    // ("said this: “…”" is no determiner).
    let mut raw = text[..start].rsplit(char::is_whitespace);
    let plain = |w: Option<&str>| {
        w.is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '-'))
    };
    if raw.next() != Some("") || !plain(raw.next()) {
        return false;
    }
    let det = |s: &str| determiners(s) && s != "that";
    // A gerund that is no verb of speech stands where a determiner would
    // ("for promoting “quack” medical cures": the writer's flag on a kind
    // of thing, not the seller's words).
    let gerund = crate::text::is_ing_word(w(0)) && crate::sources::forms::form_of(w(0)).is_none();
    let after_det = det(w(0))
        || gerund
        || (det(w(1))
            && plain(raw.next())
            && !w(0).is_empty()
            && w(0).chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !not_a_noun(w(0)));
    // A verb before the determiner makes the words the subject's ("Ryan
    // lamented the “disheartened” state", "wrote about the “creative” use",
    // "49% say the “sharing economy” …").
    let verb = |s: &str| s.ends_with("ed") || crate::lexicon::words::SPEECH.contains(s);
    let by_verb = if gerund {
        false
    } else if det(w(0)) {
        verb(w(1))
            || (crate::lexicon::words::PREPOSITIONS.contains(w(1)) || w(1) == "about")
                && crate::lexicon::words::SPEECH.contains(w(2))
    } else {
        verb(w(2))
    };
    if !after_det || by_verb || naming(w(1)) || naming(w(2)) {
        return false;
    }
    let Some(next) = text[end..]
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
    else {
        return false;
    };
    // A plain lowercase word, not a function word, a verb form in -ed or an
    // adverb in -ly: the noun (or an adjective before it). Not one that
    // ends a clause ("a “regional” candidate, as her manager put it": the
    // words may be reported after it).
    next.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && next.starts_with(|c: char| c.is_ascii_lowercase())
        && !not_a_noun(next)
        && !crate::lexicon::words::PREPOSITIONS.contains(next)
        && !speech_nouns(next)
        && !next.ends_with("ed")
        && !next.ends_with("ly")
        && text[start..end].len() > 2
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn every_rule_example_is_read_as_its_rule_says() {
        for &(rule, example, want) in RULES {
            let a = crate::analyze(example);
            let quotes: Vec<_> = a
                .marks
                .iter()
                .filter(|m| m.kind == crate::Kind::Quote)
                .collect();
            let got = quotes
                .first()
                .map(|m| m.rule_id.render() != super::super::SCARE_RULE);
            assert_eq!(got, want, "{rule}: {example}");
        }
    }
}
