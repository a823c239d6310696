//! Finding the reporting verb ("said", "told", "according to") and
//! deciding whether it attributes at all: not in the passive ("was told"),
//! not negated ("has not said"), not a noun ("Unconfirmed reports"). Then
//! the subject is looked for before the verb, or after it when nothing
//! stands before it ("“…,” said Okafor").

use super::anonymity::starts_with_anonymity_clause;
use super::classify::{classify, common_np, is_plural, looks_like_person, Rule};
use super::classify::{Order, SourceRule};
use super::forms::{form_of, past_of, Tense, VerbForm, VERB_FORMS};
use super::names::{core_name, name_np_exact, name_run_start};
use super::subject::{
    backward_np, boundary_back, cited_record, clause_subject, contracted_pronoun, forward_np,
    fronted_pronoun, fronted_subject, is_first_person, local_subject, part_of_whom, FINITE_AUX,
};
use super::{comma_and_or_but, is_dash, is_ly_adverb, Attribution, Np, Sent, SourceKind};
use crate::lexicon::words::DAYS;
use crate::lexicon::words::{
    BEFORE_PASSIVE, BETWEEN, BOUNDARY, CLAIM_ADJECTIVES, CONFORMITY, DETERMINERS, DISCOURSE,
    DOCUMENTS, DOCUMENT_PARTICIPLES, FELT_CLAUSE_VERBS, FELT_EFFECTS, NEGATIONS, NOUNISH_OPENERS,
    NUMBERS, PREPOSITIONS, PRONOUNS, QUESTIONS, RECORDINGS, RECORDS, SAY_FRAMES, SHOWING_VERBS,
    SPEECH,
};
use crate::lexicon::{derived_word_list, WordList, BELIEF_VERBS, HEDGES, WORDS};
use crate::span::ByteSpan;
use crate::text::{
    is_ing_word, is_object_pronoun, is_possessive, is_subject_pronoun, strip_possessive,
};

/// How many tokens a prepositional phrase between a name and its verb may
/// have ("Jeb Bush in a Medium post said").
const NAME_PP_TOKENS: usize = 7;

/// How far after a sentence-opening participle ("After saying …, Okafor
/// left") its phrase's comma may be.
const FRONTED_PARTICIPLE_TOKENS: usize = 24;

/// Words after which an -ing verb opens a participle clause: "by saying",
/// "while insisting"; "despite admitting that …" hangs on the clause's
/// subject like "after saying".
const PARTICIPLE_OPENERS: &[&str] = &[
    "by", "while", "after", "before", "when", "in", "upon", "despite",
];

/// The months: a time phrase's last word in a fronted phrase ("In
/// September she said", `subject::is_fronted`), and a date, not a name,
/// after "in"/"late"/"since" (`Sent::is_name_word`).
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words of a time phrase besides the days ([`is_time_word`]).
const TIME_WORDS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
];

/// A word of a time phrase that may stand between source and verb ("on
/// Tuesday", "last week", "on Monday night"); also one of the words that
/// end a fronted time phrase (`subject::FRONTED`).
pub(super) fn is_time_word(w: &str) -> bool {
    DAYS.contains(&w) || TIME_WORDS.contains(&w)
}

/// How far back from an -ing verb its "with" may stand ("with top defence
/// officials warning").
const WITH_TOKENS: usize = 6;

/// Token `i` is the closing mark of a quotation that ends in a comma, the
/// comma inside it (`,”` or `,"`: "“…,” Okafor said").
fn comma_quote_close(s: &Sent, i: usize) -> bool {
    i > 0 && (s.is_punct(i, '”') || s.is_punct(i, '"')) && s.is_punct(i - 1, ',')
}

/// The token where a phrase of `words/say_frames.txt` ending right before
/// the verb at `v0` starts ("Okafor *went so far as to* say"), `*` in the
/// phrase matching a possessive pronoun ("went out of *her* way to").
fn say_frame(s: &Sent, v0: usize) -> Option<usize> {
    // Most verbs fail on the word before them, in one look-up, before any
    // phrase is read.
    if !SAY_FRAME_ENDS.contains(s.lower(v0.checked_sub(1)?)?) {
        return None;
    }
    // The phrase's words split as bytes: `str::rsplit` set up a searcher
    // for every phrase tried (some 300 instructions each).
    SAY_FRAMES.iter().find_map(|frame| {
        let mut i = v0;
        for w in frame.as_bytes().rsplit(|&b| b == b' ') {
            i = i.checked_sub(1)?;
            let t = s.lower(i)?;
            let fits = t.as_bytes() == w
                || w == b"*"
                    && matches!(t, "his" | "her" | "their" | "its" | "our" | "my" | "your");
            if !fits {
                return None;
            }
        }
        Some(i)
    })
}

derived_word_list!(
    /// The last word of each phrase of `words/say_frames.txt` ("to", "of",
    /// "by"), for [`say_frame`]'s first test.
    SAY_FRAME_ENDS,
    "say_frame_ends",
    WordList::new(
        SAY_FRAMES
            .iter()
            .filter_map(|frame| frame.rsplit(' ').next())
    )
);

/// Verbs that make or let someone do something ("make his supporters
/// feel", "help explain"), for [`after_causative`].
const CAUSATIVES: &[&str] = &[
    "make", "makes", "made", "making", "help", "helps", "helped", "helping", "let", "lets",
    "letting",
];

/// A base form after a causative and its object is what someone is made,
/// helped or let to do, not a statement or a view of theirs: "make his
/// supporters feel", "threatened to make Kadzik testify", "to make them
/// feel", "which helps explain". True when the phrase found as the source
/// (from token `np_start`) follows a causative or opens with one, or when
/// an object pronoun after a causative stands right before the verb at
/// `v0`.
fn after_causative(s: &Sent, np_start: usize, v0: usize) -> bool {
    let causative = |i: usize| s.lower(i).is_some_and(|w| CAUSATIVES.contains(&w));
    np_start > 0 && causative(np_start - 1)
        || causative(np_start)
        || v0 > 1
            && causative(v0 - 2)
            && s.lower(v0 - 1)
                .is_some_and(|w| matches!(w, "them" | "him" | "her" | "us" | "me" | "you" | "it"))
}

/// How far back from "as saying" its "quoted" may be ("was quoted in the
/// Harbour Gazette as saying").
const QUOTED_AS_TOKENS: usize = 8;

/// How far back from a verb a quotation's closing comma and mark may be
/// (““…,” Senator Ana Ruiz added to”).
const QUOTE_TO_VERB_TOKENS: usize = 6;

/// How far back from "and" the participle it joins may be ("…, calling him
/// “dopey” and accusing him").
const AND_PARTICIPLE_TOKENS: usize = 12;

/// How long an appositive between a fronted participle's subject and its
/// own verb may be ("Recalling that night, Reyes, the party's strategist,
/// said …").
const FRONTED_APPOSITIVE_TOKENS: usize = 16;

/// How far back a parenthesis between source and verb may open: a whole
/// aside fits ("Sen. Ana Ruiz (a Democrat so new to the chamber she still
/// gets lost) says").
const PAREN_TOKENS: usize = 24;

/// How far back the first of a pair of dashes may be.
const APPOSITIVE_DASH_TOKENS: usize = 30;

/// What is won rather than asserted after "claim" ("Rubio claimed the
/// prize"; a headline drops the article: "Trump claims nomination"), and
/// what is claimed as money or a right ("pensioners could claim the
/// benefit"). Round 42, from British sport and business news: a result,
/// a place or a trophy ("the visitors claimed a draw", "Argentina claimed
/// top spot", "claimed her first national title", "claimed the Cup"). The
/// words of [`CLAIMED_AFTER_A_WORD`] count only after another word.
const CLAIMED: &[&str] = &[
    "nomination",
    "prize",
    "title",
    "titles",
    "crown",
    "seat",
    "seats",
    "territory",
    "lives",
    "mantle",
    "loss",
    "losses",
    "deduction",
    "deductions",
    "draw",
    "spot",
    "place",
    "places",
    "cup",
    "trophy",
    "medal",
    "medals",
    "gold",
    "silver",
    "bronze",
    "award",
    "glory",
    "slam",
    "championship",
    "double",
    "treble",
    "wicket",
    "wickets",
    "scalp",
    "honours",
    "pension",
    "pensions",
    "benefit",
    "benefits",
    "compensation",
    "refund",
    "refunds",
    "expenses",
    "allowance",
    "allowances",
];

/// Won after "claim" only with a word before ("claimed a victory",
/// "claiming his third win", "claimed the vital first break"): "claimed
/// victory" with no word between declares one, a statement.
const CLAIMED_AFTER_A_WORD: &[&str] = &["victory", "win", "break"];

/// How many words after "claim" the thing won may stand ("claimed only
/// their second ever win").
const CLAIM_REACH: usize = 5;

/// "It is, as they say, about time", "as cheap as chips, as the man
/// says.", "as they say in the trade": the saying, with "as", a present
/// "say" and no one who says it (`source`: "they", "the man", "people" or
/// "someone"), the verb ending its clause (punctuation, or "in" and the
/// field the saying belongs to). Not "as they said it would be too
/// costly" (a past verb, and what was said follows), nor "as they say
/// about the doctor, “…”" (a quotation follows: PolNeAR marks that "they"
/// a source). The caller has checked the "as " before the source.
/// Decision (round 42; the fixture README already leaves an unresolved
/// "as they say" unmarked): no attribution, whoever "they" could point
/// back to.
#[cold]
#[inline(never)]
pub(super) fn says_the_saying(s: &Sent, v1: usize, source: &str, form: &VerbForm) -> bool {
    form.lemma == "say"
        && matches!(form.tense, Tense::Base | Tense::Third)
        && (source.eq_ignore_ascii_case("they")
            || source.eq_ignore_ascii_case("the man")
            || source.eq_ignore_ascii_case("people")
            || source.eq_ignore_ascii_case("someone"))
        && s.lower(v1 + 1).is_none_or(|w| w == "in")
}

/// Is the object of "claim" at `v1` a thing won or claimed as a due
/// (see [`CLAIMED`]): a number, after a determiner or not ("claiming 41
/// percent of the vote", "claimed the 200m"), or a listed word among the
/// next [`CLAIM_REACH`] words that ends its noun phrase (punctuation, a
/// preposition or a conjunction follows: "claimed a draw at Anfield",
/// "claimed her seventh Grand Slam title", not "claims the asylum system
/// is abused" or "claimed the championship race would be close"), with no
/// word before it that opens a clause ("claimed that", "claims to",
/// "claimed it", "claimed the side would win"). Reads at most six tokens.
/// Cold and not inlined: a call `attribution` inlines cost it some 250,000
/// instructions on 1 MB of news (callgrind), the calls it inlined before
/// no longer inlined.
#[cold]
#[inline(never)]
fn claims_thing_won(s: &Sent, v1: usize) -> bool {
    let first = v1 + 1;
    let det = s
        .lower(first)
        .is_some_and(|w| DETERMINERS.contains(w) || matches!(w, "his" | "her" | "their" | "its"));
    if s.is_number(first + usize::from(det)) {
        return true;
    }
    for o in first..first + CLAIM_REACH {
        let Some(w) = s.lower(o) else {
            return false;
        };
        if (CLAIMED.contains(&w) || o > first && CLAIMED_AFTER_A_WORD.contains(&w))
            && s.lower(o + 1)
                .is_none_or(|n| PREPOSITIONS.contains(n) || ENDS_CLAIMED.contains(&n))
        {
            return true;
        }
        if CLAUSE_AFTER_CLAIM.contains(&w) || PROGRESSIVE.contains(&w) {
            return false;
        }
    }
    false
}

/// Words after "claim" that open a clause or an infinitive: what follows
/// is what was claimed, not a thing won.
const CLAUSE_AFTER_CLAIM: &[&str] = &[
    "that", "to", "it", "he", "she", "they", "we", "i", "you", "this", "there", "would", "will",
    "could", "should", "had", "has", "have", "must", "might", "may", "can",
];

/// Words that may follow the thing won, besides a preposition: a
/// conjunction or a time ("claimed the title and", "claimed top spot this
/// season").
const ENDS_CLAIMED: &[&str] = &[
    "and",
    "but",
    "or",
    "while",
    "when",
    "as",
    "since",
    "ahead",
    "this",
    "last",
    "yesterday",
    "today",
    "again",
];

/// What is drawn up rather than said after "write" ("a foreign power wrote
/// its constitution", "when two firms write a licensing agreement"): the
/// writer made a text, and the article reports none of its words. Not
/// "letter", "memo" or "book", whose words are often quoted next.
const WRITTEN_INSTRUMENTS: &[&str] = &[
    "constitution",
    "agreement",
    "contract",
    "legislation",
    "law",
    "laws",
    "check",
    "cheque",
    "checks",
    "cheques",
];

/// Words between "tell" and a lie or the truth ("tells so many lies",
/// "told a lie").
const TOLD_OPENERS: &[&str] = &["a", "the", "so", "many", "more", "outright"];

/// What is told that is no claim the article rests on: a lie or the truth
/// judges the teller, and stories, jokes or tales in the plural are a
/// habit of telling ("tells so many stories that his rivals …", "could
/// tell stories and share ideas"). Decision (round 27): one story stays a
/// report ("Okafor tells the story of the strike"), and so do stories "of
/// how" or "about how" something happened, which tell what happened.
const TOLD_THINGS: &[&str] = &[
    "lie",
    "lies",
    "truth",
    "falsehoods",
    "untruths",
    "stories",
    "jokes",
    "tales",
];

/// Does an agent of a passive open at token `a`, after "by": a capital,
/// or a determiner or possessive pronoun whose next two words name no
/// time, margin or means ([`BY_NOT_AGENT`])?
fn passive_agent(s: &Sent, a: usize) -> bool {
    let opens = s.is_capitalised(a)
        || s.lower(a).is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "an" | "her" | "his" | "their" | "its" | "our" | "my"
            )
        });
    opens && !(a..a + 3).any(|i| s.lower(i).is_some_and(|w| BY_NOT_AGENT.contains(&w)))
}

/// Words after "by" that make a time, a margin or a means, not a
/// passive's agent ("by the end of May", "by a wide margin", "by phone").
const BY_NOT_AGENT: &[&str] = &[
    "end",
    "time",
    "margin",
    "vote",
    "votes",
    "deadline",
    "close",
    "middle",
    "start",
    "phone",
    "telephone",
    "email",
    "e-mail",
    "video",
    "mail",
    "letter",
    "way",
    "hand",
    "text",
    "far",
];

/// The reflexive pronouns: "told himself" ([`finish`]), "describe
/// themselves as" (the verb's object, no inverted source).
const REFLEXIVES: &[&str] = &[
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "oneself",
    "ourselves",
    "yourselves",
    "themselves",
];

/// Nouns that, lower-case, stand before a noun in -s only to modify it
/// ("news reports", "press reports", "cost estimates"): a plural or mass
/// noun never takes a verb in -s.
const MODIFYING_NOUNS: &[&str] = &["news", "press", "credit", "cost", "police"];

/// A perfect's auxiliary stands before token `v0`: "has spoken", "I’ve
/// spoken", "she’s spoken", with at most one adverb between ("has long
/// spoken", "had repeatedly spoken").
fn after_perfect_auxiliary(s: &Sent, v0: usize) -> bool {
    let aux = |w: &str| {
        matches!(w, "have" | "has" | "had" | "having")
            || w.ends_with("’ve")
            || w.ends_with("'ve")
            || contracted_pronoun(w).is_some_and(|t| matches!(t, "s" | "ve" | "d"))
    };
    let adverb = |w: &str| is_ly_adverb(w) || matches!(w, "long" | "often" | "also" | "since");
    v0 > 0 && s.lower(v0 - 1).is_some_and(aux)
        || v0 > 1 && s.lower(v0 - 1).is_some_and(adverb) && s.lower(v0 - 2).is_some_and(aux)
}

/// How far after "responded to" the word it answers may be ("responded to
/// Mr. Trump's debate interjection").
const RESPONSE_TOKENS: usize = 5;

/// Verbs that attribute only with a document as subject.
const DOCUMENT_VERBS: &[&str] = &["find", "conclude", "show"];

/// The hedging verbs that also attribute ("Okafor suggested that …", the
/// guideline's "suggest (as attribution)"): never inverted, as a
/// participle only in the progressive, and after "which" only with a
/// document (see [`attribution`]). `lemma` is a [`VerbForm`]'s.
fn is_hinting(lemma: &str) -> bool {
    matches!(lemma, "suggest" | "indicate")
}

/// Verbs that attribute only with what was said beside them: a "that"
/// within a few words, a quote or a colon ([`finish`]).
const CONTENT_VERBS: &[&str] = &["declare", "proclaim"];

// Verbs of naming (`inflection::is_naming`, a flag of each form) attribute
// only a quotation naming their object ([`names_a_quote`]): "Okafor called
// the plan “reckless”", "the Tories branded it a “stealth tax”", "critics
// labelled the scheme as “unworkable”". The quoted words are the
// subject's, so the subject is a source as before "said". "called for",
// "called on", "a firm called “Acme”", "was dubbed “the Iron Lady”" and
// "so-called" name no one's words.

/// How far after a naming verb its quotation may open, in bytes: six
/// words of object, "as" and their spaces ([`quote_mark_soon`]).
const NAMED_QUOTE_BYTES: usize = 160;

/// Is there an opening quotation mark (", ', “ or ‘ after a space)
/// within [`NAMED_QUOTE_BYTES`] after `end`? A test of the text alone,
/// read before the verb's sentence is: most naming verbs name no quote.
#[inline(never)]
pub(super) fn quote_mark_soon(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let from = end.min(bytes.len());
    let window = &bytes[from..(end + NAMED_QUOTE_BYTES).min(bytes.len())];
    memchr::memchr3_iter(b'"', b'\'', 0xE2, window).any(|i| {
        i > 0
            && window[i - 1] == b' '
            && (window[i] != 0xE2
                || window.get(i + 1) == Some(&0x80)
                    && matches!(window.get(i + 2), Some(&(0x9C | 0x98))))
    })
}

/// Words before "call", "brand", "label" or "term" that make it a noun
/// ([`names_a_quote`]): a determiner or a possessive pronoun ("the call",
/// "its brand"), or a noun of a common compound ("an earnings call", "a
/// conference call", "a roll call", "a wake-up call", "the record label").
const NAMING_NOUN_BEFORE: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "every",
    "each",
    "any",
    "no",
    "earnings",
    "conference",
    "phone",
    "telephone",
    "video",
    "roll",
    "curtain",
    "wake-up",
    "close",
    "cold",
    "sales",
    "margin",
    "record",
    "own",
    "fashion",
    "house",
    "emergency",
    "judgment",
    "judgement",
];

/// How many words the object of a naming verb may have before its quote
/// ("called the maternity pay plan “desperate”").
const NAMED_OBJECT_TOKENS: usize = 6;

/// Does the naming verb ending at token `v_end` name its object with a
/// quotation: an object of up to [`NAMED_OBJECT_TOKENS`] words (none but
/// an article is no object: "a move branded a “retreat”", "Steel and
/// Morris, dubbed the “McLibel Two”"), an optional
/// "as" (and an article after it: "as a “…”"), then an opening quotation
/// mark after a space? (A fronted object
/// is ruled out in [`finish`].) Never after a form of "be" (a passive name), and
/// never the participle ("…, calling the plan “reckless”"), whose
/// subject is the clause's before the comma. Out of line: read for one
/// verb in some forty, before the subject is sought (kept out of
/// [`attribution`], whose inlining it upset: +0.7M on 1 MB of news).
///
/// Round 43: never a noun either ("told analysts on an earnings call that
/// the firm was “taking a hard look”", "the brand", "a phone call"): the
/// word before the verb is then a determiner or a noun that makes a
/// compound with it ([`NAMING_NOUN_BEFORE`]).
#[inline(never)]
pub(super) fn names_a_quote(s: &Sent, v0: usize, v_end: usize) -> bool {
    if v0 > 0
        && s.lower(v0 - 1)
            .is_some_and(|w| PROGRESSIVE.contains(&w) || NAMING_NOUN_BEFORE.contains(&w))
    {
        return false;
    }
    if s.lower(v_end + 1)
        .is_some_and(|w| PREPOSITIONS.contains(w) && w != "as")
    {
        return false;
    }
    let mut i = v_end + 1;
    let mut object = 0;
    while i <= v_end + NAMED_OBJECT_TOKENS && s.is_word(i) && s.lower(i) != Some("as") {
        if !s.lower(i).is_some_and(|w| matches!(w, "a" | "an" | "the")) {
            object += 1;
        }
        i += 1;
    }
    if object == 0 {
        return false;
    }
    // "branded the plan as a “stealth tax”": an article after "as" too.
    if s.lower(i) == Some("as") {
        i += 1;
        if s.lower(i).is_some_and(|w| matches!(w, "a" | "an" | "the")) {
            i += 1;
        }
    }
    let Some(t) = s.toks.get(i) else {
        return false;
    };
    let at = t.span().start();
    (s.is_punct(i, '“') || s.is_punct(i, '‘') || s.is_punct(i, '"') || s.is_punct(i, '\''))
        && s.text[..at].ends_with(' ')
}

/// A naming verb's quote was found before its subject was sought (see
/// the loop of attributions); the attribution `a` of the verb at token
/// `v0` is dropped, left to the quote's own frame (which finds its caller
/// in the clause around it), when the words after the verb are no object
/// or the subject is not the caller alone: the source after the verb; the
/// object fronted ("what he called his “…”", "which Reyes calls the
/// “…”"); a relative clause ("his sister Ruth Farrow, who called the vote
/// “…”", whose antecedent the quote's frame reads better); a coordinated
/// name ("Okafor and Reyes call them “…”", where the subject search finds
/// only the last). Read after the attribution is made, out of line, as
/// [`names_a_quote`] is.
///
/// Round 44: dropped too where a verb of saying of the same subject
/// follows the quote ([`says_after_its_quote`]): that verb's attribution
/// then reads back to the subject over the naming verb and its quote.
#[inline(never)]
pub(super) fn naming_left_to_the_quote(s: &Sent, a: &Attribution, v0: usize) -> bool {
    if a.rule.order == Order::VerbSource || says_after_its_quote(s, a, v0) {
        return true;
    }
    let Some(k) = s.starting_at(a.source.start()) else {
        return false;
    };
    let before = |i: usize| k.checked_sub(i).and_then(|j| s.lower(j));
    before(1).is_some_and(|w| matches!(w, "what" | "which" | "whom"))
        || before(1).is_some_and(|w| matches!(w, "and" | "or")) && k >= 2 && s.is_capitalised(k - 2)
        || s.ending_at(a.source.end()).is_some_and(|e| {
            (e + 1..v0).any(|i| {
                s.lower(i)
                    .is_some_and(|w| matches!(w, "who" | "which" | "that"))
            })
        })
}

/// How many words may stand between "and" and a verb of saying after a
/// naming verb's quote ("… and has also said").
const SAID_AFTER_AND_TOKENS: usize = 2;

/// Does a verb of saying of the naming verb's subject follow the quote
/// after the naming verb at token `v0`: "Okafor called the plan “a
/// sell-out” and said …", "… “absurd,” but admits …", "… a “good sign,”
/// saying …"? The verb after "and" or "but" (a few of [`BETWEEN`]'s words
/// may stand before it) is finite, and a verb of speech, or of saying but
/// one of [`ACTIONS_AFTER_AND`] ("and confirmed 68 judges"), or before
/// "that", as `attribution` has it; the -ing form follows a comma. Its
/// attribution, sought here as the loop will, must have the naming
/// verb's source (" - he called her “weak” and said" finds none after the
/// dash, and the naming verb's stays). It then takes the subject, the
/// naming verb and its quote in its mark, as it did before verbs of
/// naming attributed; the quote goes to that mark.
fn says_after_its_quote(s: &Sent, a: &Attribution, v0: usize) -> bool {
    let quote_mark = |i: usize| {
        s.is_punct(i, '“')
            || s.is_punct(i, '”')
            || s.is_punct(i, '‘')
            || s.is_punct(i, '’')
            || s.is_punct(i, '"')
            || s.is_punct(i, '\'')
    };
    let Some(open) = (v0 + 1..s.len()).find(|&i| quote_mark(i)) else {
        return false;
    };
    let Some(close) = (open + 1..s.len()).find(|&i| quote_mark(i)) else {
        return false;
    };
    let mut j = close + 1;
    let comma = s.is_punct(close - 1, ',') || s.is_punct(j, ',');
    if s.is_punct(j, ',') {
        j += 1;
    }
    let and = s.lower(j).is_some_and(|w| matches!(w, "and" | "but"));
    if and {
        j += 1;
        let from = j;
        while j < from + SAID_AFTER_AND_TOKENS && s.lower(j).is_some_and(|w| BETWEEN.contains(w)) {
            j += 1;
        }
    }
    let Some(form) = s.lower(j).and_then(form_of) else {
        return false;
    };
    if form.naming || !form.reporting {
        return false;
    }
    let said = if and {
        matches!(form.tense, Tense::Past | Tense::Third)
            && (SPEECH.contains(form.entry)
                || !ACTIONS_AFTER_AND.contains(&form.lemma)
                || s.lower(j + 1) == Some("that"))
    } else {
        comma && form.tense == Tense::Ing
    };
    said && attribution(s, a.sentence as usize, j, j, form, None)
        .is_some_and(|b| b.source == a.source)
}

/// Is the word before byte `at` a form of a naming verb ("rivals call it
/// caution": "caution" there is a noun, "it" no one who cautioned)? A
/// test of the text's bytes, read for pronoun sources only.
pub(super) fn after_naming_verb(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else {
        return false;
    };
    // Its last letter first: most words before a pronoun source are
    // none of these ("and", "but", "because").
    if !before
        .as_bytes()
        .last()
        .is_some_and(|&b| matches!(b | 0x20, b'l' | b's' | b'd' | b'b' | b'm'))
    {
        return false;
    }
    let word = &before[before.rfind(' ').map_or(0, |i| i + 1)..];
    (3..=8).contains(&word.len())
        && [
            "call", "calls", "called", "brand", "brands", "branded", "label", "labels", "labelled",
            "labeled", "dub", "dubs", "dubbed", "term", "terms", "termed",
        ]
        .iter()
        .any(|f| f.eq_ignore_ascii_case(word))
}

/// Verbs that attribute only a quote's words beside them, or after a
/// colon, not a "that" or a "whether" ([`finish`]): "“Is it over?” Okafor
/// wondered", "Okafor wondered aloud: “…”". Decision (round 25): "voters
/// wonder whether the pier will last" and "she wondered if it was over"
/// put the article's own question, in its words, to no source; the
/// participle ("wondering") never attributes. A question is no claim: an
/// indefinite one who wonders is no source, as an asker is (the
/// classifier's `question` rule, "a clerk wondered"), and "the" or a
/// possessive points back to someone named. Speculating is read the same
/// way (round 41): "“…,” Okafor speculates" credits the quote, while
/// "engineers speculated that …" is left to the hedge alone; a speculation
/// is a claim, so an indefinite one who speculates stays a source, and one
/// set after the clause it reports attributes it too ("…, she speculated.").
const QUESTION_VERBS: &[&str] = &["wonder", "speculate"];

/// Bodies that hear evidence: "heard" attributes only with one of them
/// heading its subject and "that" or "how" after it, the British court
/// report's "Dunmore Crown Court heard that …", "the inquest heard how
/// …". "The court heard arguments", "the crowd heard a bang" report no
/// claim.
const HEARING_BODIES: &[&str] = &[
    "court",
    "tribunal",
    "inquiry",
    "inquest",
    "hearing",
    "jury",
    "committee",
    "panel",
];

/// How many words after "found" [`finish`] reads for the finite verb of a
/// finding whose "that" is left out ("found the United States was in
/// breach").
const FOUND_CLAUSE_TOKENS: usize = 5;

/// Finite verbs that open what a finding found, after its subject.
const FINDING_VERBS: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "would", "could", "will", "did",
];

/// Verbs of saying that after "and"/"but" are as often an action as a
/// statement, so they attribute there only before "that": "lived in Leeds
/// and wrote a thesis", "heard the case and dismissed it", "moved to Lagos
/// and reported for the Gazette", "and found a body", "held the chamber and
/// confirmed 68 judges", "forced a vote and denied her the floor".
const ACTIONS_AFTER_AND: &[&str] = &[
    "write", "report", "dismiss", "find", "conclude", "show", "respond", "add", "confirm", "deny",
];

/// Auxiliaries of the progressive: "is saying", "were warning".
const PROGRESSIVE: &[&str] = &["is", "are", "was", "were", "been", "be"];

/// How far back from a progressive's auxiliary ", and" may open its
/// clause: the subject between them ("…, and Hillary Clinton is saying").
const NEW_CLAUSE_TOKENS: usize = 6;

derived_word_list!(
    /// The one-word verbs of both verb lexicons that end a subject
    /// ([`VerbForm::is_verb_word`]).
    pub(super) VERB_WORDS,
    "verb_words",
    WordList::new(
        VERB_FORMS
            .iter()
            .filter(|f| f.is_verb_word())
            .map(|f| f.form)
    )
);

/// How many words may stand between a form of "speak" and the "about"
/// that says what was said ([`speaks_about_after`]).
const SPEAK_GAP_TOKENS: usize = 5;

/// Rewrites `a`, the attribution of the verb `vspan` (its first token
/// `v0`) that [`attribution`] read with the token before the verb as its
/// source, to the first person when that token is "I" contracted with an
/// auxiliary ([`first_person_contracted`], [`first_person_contraction`]);
/// `a` is left as it is otherwise. Out of line and cold: the caller calls
/// it only for a source opening with "I", which few are, and kept inline
/// it cost every attribution its copies. The verb's last token is found
/// again here, not passed: the caller would keep it through the call to
/// [`attribution`] for every verb.
#[cold]
#[inline(never)]
pub(super) fn to_first_person(
    s: &Sent,
    si: usize,
    v0: usize,
    vspan: ByteSpan,
    form: &VerbForm,
    a: &mut Attribution,
) {
    // The verb's last token, as `find_sources` reads it.
    let v1 = (v0..s.len())
        .find(|&i| s.toks[i].span().end() >= vspan.end())
        .filter(|&i| s.toks[i].span().end() == vspan.end())
        .unwrap_or(v0);
    if v0 > 0
        && a.source.start() == s.toks[v0 - 1].span().start()
        && first_person_contracted(s, v0 - 1, form.tense)
    {
        if let Some(first) = first_person_contraction(s, si, v0 - 1, v1, form) {
            *a = first;
        }
    }
}

/// Is token `i` "I" contracted with an auxiliary that fits a verb of
/// `tense` ("I’ve said", "I'd argue", "I’m saying")? The first byte is
/// read first: most words are no "I".
fn first_person_contracted(s: &Sent, i: usize, tense: Tense) -> bool {
    let Some(w) = s.word(i).filter(|w| w.len() > 2 && w.as_bytes()[0] == b'I') else {
        return false;
    };
    let tail = w
        .strip_prefix("I’")
        .or_else(|| w.strip_prefix("I'"))
        .unwrap_or_default();
    match tense {
        Tense::Past => matches!(tail, "ve" | "d"),
        Tense::Base => matches!(tail, "d" | "ll"),
        Tense::Ing => tail == "m",
        _ => false,
    }
}

/// The attribution of "I’ve said" (token `i` the contraction, `v0`..`v1`
/// the verb) that [`attribution`] read with the contraction as a name,
/// when [`first_person_contracted`]: the first person, as "I said" is,
/// the source the "I" alone, so it resolves as "I" does. `None` (the
/// reading kept) for the passive ("I’ve been told", "I’d said to …") and
/// a capitalised verb (a headline). Called (through [`to_first_person`])
/// from `find_sources` rather than inside [`attribution`], which it would
/// grow past inlining its helpers.
fn first_person_contraction(
    s: &Sent,
    si: usize,
    i: usize,
    v1: usize,
    form: &VerbForm,
) -> Option<Attribution> {
    if s.is_capitalised(i + 1) || s.lower(v1 + 1).is_some_and(|w| matches!(w, "to" | "by")) {
        return None;
    }
    let mut a = finish(s, si, Np::pronoun(i), s.span(i + 1, v1), false, form)?;
    a.source = ByteSpan::new(a.source.start(), a.source.start() + 1);
    Some(a)
}

/// A form of "speak" ending at token `v1` followed, a few words on, by
/// "about" (or "of" after adverbs only) and what was said: "spoke to CNN
/// about the wall", "spoke at length about", "speaks more frequently in
/// public about", "has spoken at length about". The words between are
/// adverbs, "at length", "in public", or the audience after "to" or "with"
/// (no punctuation, no clause word). "of" after the audience belongs to
/// it ("spoke to a crowd of farmers"), so only "about" ends one.
fn speaks_about_after(s: &Sent, v1: usize) -> bool {
    // "the experts I spoke to this week about …": a stranded "to" before
    // a time phrase has no audience.
    let not_audience = |i: usize, w: &str| {
        i == v1 + 2 && matches!(w, "this" | "last" | "next" | "that")
            || is_time_word(w)
            || BOUNDARY.contains(w)
            || PREPOSITIONS.contains(w)
            || PRONOUNS.contains(w)
    };
    let mut audience = false;
    for i in v1 + 1..v1 + 2 + SPEAK_GAP_TOKENS {
        let Some(w) = s.lower(i) else {
            return false;
        };
        match w {
            "about" => return i > v1 + 1,
            "of" if !audience => return i > v1 + 1,
            "to" | "with" if !audience && i == v1 + 1 => audience = true,
            "at" | "length" | "in" | "public" | "more" | "often" | "again" | "also" => {}
            _ if is_ly_adverb(w) => {}
            _ if audience && !not_audience(i, w) => {}
            _ => return false,
        }
    }
    false
}

/// Does an opening quotation mark stand at token `i`? After a form of
/// "speak" it holds what was said ("Okafor Speaks ‘Directly To Voters’").
fn opens_quote(s: &Sent, i: usize) -> bool {
    s.is_punct(i, '“') || s.is_punct(i, '‘')
}

/// How many words the subject of an absolute clause after a comma may
/// have ("…, a national security adviser to his campaign acknowledging
/// that …").
const ABSOLUTE_TOKENS: usize = 8;

/// How far after the -ing verb of such a clause its "that" may stand
/// ("acknowledging to the New York Times that").
const ABSOLUTE_THAT_TOKENS: usize = 6;

/// Adverbs that may stand between delegates and "pledged to <Name>"
/// ("superdelegates currently pledged to Okafor").
const PLEDGED_ADVERBS: &[&str] = &["currently", "already", "formally", "now", "still"];

/// How many words on each side of a verb [`title_case_around`] reads.
const HEADLINE_WORDS: usize = 4;

/// Is the verb at `v0..=v1` inside a title-case headline? At least one
/// word follows it, and every word of four letters or more among the
/// [`HEADLINE_WORDS`] on each side is capitalised ("Okafor Announces Plans
/// For Releasing Tax Returns"; not "the journal Coastal Transport Reports
/// found that …"). An opening quotation mark may come first ("Okafor
/// Speaks ‘Directly To Voters’ After …").
fn title_case_around(s: &Sent, v0: usize, v1: usize) -> bool {
    let long_capitalised = |i: usize| s.word(i).is_none_or(|w| w.len() < 4 || s.is_capitalised(i));
    let next = v1 + 1 + usize::from(['‘', '“', '"', '\''].iter().any(|&c| s.is_punct(v1 + 1, c)));
    s.is_word(next)
        && (v0.saturating_sub(HEADLINE_WORDS)..v0).all(long_capitalised)
        && (next..next + HEADLINE_WORDS).all(long_capitalised)
}

/// "Dr Ana Ruiz, from the Harbour Research Institute (HRI), says": a
/// body's abbreviation in brackets and the comma after it (token `k - 1`,
/// before the verb at `k`) close an appositive on the person, so the
/// source is read through that comma, not past the brackets as a party's
/// ("Sen. Jack Reed (D-R.I.), said"). Round 39: the source had been the
/// body alone, or a word of its name ("Research (ESR), says"). Only one
/// appositive: the source's comma opens it and no other comma stands
/// before the brackets (not "Australian, US and Indonesian scientists,
/// led by …"). Read only for a comma after a closing bracket.
#[inline(never)]
fn abbreviation_closes_appositive(s: &Sent, k: usize, phrase: &'static str) -> bool {
    k > 5
        && s.toks[k - 3].is_all_caps()
        && s.is_punct(k - 4, '(')
        && s.is_capitalised(k - 5)
        && backward_np(s, k, phrase).is_some_and(|np| {
            s.is_punct(np.end, ',')
                && np.end + 1 < k - 5
                && !(np.end + 1..k - 4).any(|i| s.is_punct(i, ','))
        })
}

pub(super) fn attribution(
    s: &Sent,
    si: usize,
    v0: usize,
    v1: usize,
    form: &VerbForm,
    earlier: Option<usize>,
) -> Option<Attribution> {
    let (phrase, reporting) = (form.form, form.reporting);
    let verb = s.span(v0, v1);
    // Decision (round 36): "alleged" before its noun is the adjective
    // ("alleged kickbacks", "her alleged ties to the board", "a report on
    // alleged AWB payments"); the verb is followed by what was alleged
    // ("that", a pronoun or determiner opening the clause), a phrase ("in
    // a complaint") or punctuation ("as he has often alleged.").
    if phrase == "alleged" && alleged_before_its_noun(s, v1) {
        return None;
    }
    // "News reports said", "FEC reports show", "Reports suggest": a
    // document's plural in -s straight before a finite verb of the
    // lexicons (the hedging "suggest" and "indicate" among them, see
    // [`is_hinting`]) is the head of that verb's subject, not a verb itself
    // (two finite verbs do not stand side by side).
    if form.tense == Tense::Third
        && s.lower(v0).is_some_and(super::is_document)
        && s.lower(v1 + 1).is_some_and(|w| {
            form_of(w).is_some_and(|f| !matches!(f.tense, Tense::Ing | Tense::Phrase))
        })
    {
        return None;
    }
    // Decision: "suggest" and "indicate" attribute (the guideline's open
    // class of reporting verbs) and stay hedges inside the mark ("[Tom
    // Reyes [suggested]] that …"). Their participle after a comma reads
    // a fact as a sign ("Fewer boats docked, indicating a slow summer"),
    // not a source's words, so their -ing form attributes only in the
    // progressive ("Sanders is suggesting").
    if form.tense == Tense::Ing
        && is_hinting(form.lemma)
        && !(v0 > 0 && s.lower(v0 - 1).is_some_and(|w| PROGRESSIVE.contains(&w)))
    {
        return None;
    }
    if phrase == "according to" {
        // "went according to plan", "according to the rules of the
        // port": how, not who (`words/conformity.txt`), the head of its
        // phrase, bare or after one determiner ("according to law
        // enforcement officials" is a source).
        let head = v1
            + 1
            + usize::from(s.lower(v1 + 1).is_some_and(|w| {
                DETERMINERS.contains(w) || matches!(w, "his" | "her" | "their" | "its")
            }));
        if s.lower(head).is_some_and(|w| CONFORMITY.contains(w))
            && s.lower(head + 1).is_none_or(|w| PREPOSITIONS.contains(w))
        {
            return None;
        }
        // "according to a tally by the Gazette": a record, not an unnamed
        // person (the phrase reader takes an unknown counted head for one).
        // A document the phrase reader cut short after its participle ("a
        // lawsuit filed" of "according to a lawsuit filed in Manhattan by
        // …", "a memo released Friday" of "… by the agency's watchdog") is
        // read whole as a record too; an unidentified one with no
        // participle ("according to a recent poll of Indiana voters")
        // stays as it was.
        let participle = |np: &Np| {
            np.rule == Rule::UnidentifiedDocument
                && (np.start + 1..np.end)
                    .any(|k| s.lower(k).is_some_and(|w| DOCUMENT_PARTICIPLES.contains(w)))
        };
        let record_head = |np: &Np| {
            (np.kind == SourceKind::Anonymous || participle(np))
                && (np.start..np.end.min(np.start + 3)).any(|k| {
                    s.lower(k)
                        .is_some_and(|w| RECORDS.contains(w) || DOCUMENTS.contains(w))
                })
        };
        // "according to a Washington Post database", "according to a
        // speech Mrs. Clinton delivered": one thing the phrase reader took
        // for an unnamed person because its head is unknown, with no word
        // for a person in it ("a Trump supporter", "one source", "a Gazette
        // reader" stay anonymous): a record too, whatever its head.
        let thing = |np: &Np| {
            np.rule == Rule::UnnamedPerson
                && s.lower(np.start)
                    .is_some_and(|w| matches!(w, "a" | "an" | "one"))
                && !(np.start..np.end).any(|k| {
                    s.lower(k).is_some_and(|w| {
                        looks_like_person(w)
                            || WORDS.anonymous_heads.contains(w)
                            || WORDS.vague_groups.contains(w)
                            || WORDS.vague_groups.contains(&format!("{w}s"))
                            || WORDS.anonymous_heads.contains(&format!("{w}s"))
                    })
                })
        };
        // "according to interviews with a dozen party leaders": the
        // interviews are how the people were heard, and the people are
        // the source, classed as they are before "said" ("A dozen party
        // leaders said": anonymous, specific people not named). Only the
        // plural, and only a person or a group after "with": "according
        // to an interview with The Gazette" cites the interview (a record).
        if s.lower(v1 + 1)
            .is_some_and(|w| matches!(w, "interviews" | "conversations"))
            && s.lower(v1 + 2) == Some("with")
        {
            if let Some(np) = forward_np(s, v1 + 3).filter(|np| {
                matches!(np.kind, SourceKind::Anonymous | SourceKind::Vague)
                    && !record_head(np)
                    && !thing(np)
            }) {
                let np = Np {
                    start: v1 + 1,
                    ..np
                };
                return finish(s, si, np, verb, true, form);
            }
        }
        let np = match forward_np(s, v1 + 1) {
            Some(np) if thing(&np) => cited_record(s, v1 + 1, true)?,
            Some(np) if !record_head(&np) => np,
            _ => cited_record(s, v1 + 1, false)?,
        };
        return finish(s, si, np, verb, true, form);
    }
    // "As stated in Davis' column, …", "as noted in the council's
    // report": "according to" in other words; the source is the document
    // after "in".
    if matches!(phrase, "stated" | "noted" | "reported" | "outlined")
        && v0 > 0
        && s.lower(v0 - 1) == Some("as")
        && s.lower(v1 + 1) == Some("in")
    {
        if let Some(np) = forward_np(s, v1 + 2) {
            // The mark opens at "as", as another's opens at "according".
            return finish(s, si, np, s.span(v0 - 1, v1), true, form);
        }
    }
    // "QUESTIONABLE MEDICAL CLAIMS", "PLEDGED DELEGATES": a verb form in a
    // heading set in capitals, beside another capitalised word, is a label.
    let caps = |i: usize| {
        s.toks.get(i).is_some_and(|t| t.is_all_caps()) && s.word(i).is_some_and(|w| w.len() > 1)
    };
    if caps(v0) && (v0 > 0 && caps(v0 - 1) || caps(v1 + 1)) {
        return None;
    }
    // A capitalised verb inside a sentence is part of a name: "the journal
    // Adolescent Health Reports".
    // A title-case headline is the exception for the commonest verbs:
    // "Trevor Noah Says …", "Minister Tells Council …".
    // Any verb of saying in a finite form heads a title-case headline
    // ("Woman Reveals What Happened", "Okafor Announces Plans For …")
    // when the words on both sides are title case too (see
    // [`title_case_around`]).
    // (Read where a test needs it, after that test's cheaper ones.)
    let headline = || {
        v0 > 0
            && s.is_capitalised(v0 - 1)
            && (matches!(form.lemma, "say" | "tell" | "warn" | "claim" | "insist")
                || reporting
                    && matches!(form.tense, Tense::Third | Tense::Past)
                    && title_case_around(s, v0, v1))
    };
    if v0 > 0
        && s.is_capitalised(v0)
        && !s.is_punct(v0 - 1, '“')
        && !s.is_punct(v0 - 1, '"')
        && !headline()
    {
        return None;
    }
    // "Okafor's claim that …", "Mr. Reyes’ promise to …": a noun of
    // saying after a name's possessive is that name's statement.
    if let Some(np) = possessed_claim(s, v0, form) {
        let mut a = finish(s, si, np, verb, false, form)?;
        // The source and the speaker are "Okafor", not "Okafor's".
        for span in [&mut a.name, &mut a.source] {
            let written = span.slice(s.text);
            let bare = strip_possessive(written).trim_end_matches(['\'', '’']);
            span.set_end(span.start() + bare.len());
        }
        return Some(a);
    }
    // After a determiner or a possessive a verb form is a noun: "a
    // report", "her promises", "the campaign's claims". A form in -s after
    // any other determiner or "my"/"your" too ("many promises", "several
    // reports"); "one says" is a pronoun's verb.
    if matches!(form.tense, Tense::Base | Tense::Third)
        && v0 > 0
        && s.lower(v0 - 1).is_some_and(|w| {
            matches!(
                w,
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "this"
            ) || is_possessive(w)
                || w.ends_with('’')
                || w.ends_with('\'')
                || form.tense == Tense::Third
                    && (DETERMINERS.contains(w) && w != "one" || matches!(w, "my" | "your"))
        })
    {
        return None;
    }
    // "the senator's early-morning tweets", "Okafor's false claims": a
    // form in -s after a possessive and its adjective (hyphenated, or one
    // of `words/claim_adjectives.txt`) is a noun too ("the firm's
    // president says" is a subject and its verb).
    if form.tense == Tense::Third
        && v0 > 1
        && s.lower(v0 - 1).is_some_and(|w| {
            CLAIM_ADJECTIVES.contains(w)
                || w.contains('-') && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        })
        && s.lower(v0 - 2).is_some_and(|w| {
            contracted_pronoun(w).is_none() && (is_possessive(w) || w.ends_with('’'))
        })
    {
        return None;
    }
    // "false news reports", "top news tweets", "free
    // credit reports", "cost estimates": a form in -s after a lower-case
    // noun that only modifies the next ([`MODIFYING_NOUNS`]) is a noun
    // ("Fox News reports" is a name and its verb).
    if form.tense == Tense::Third
        && v0 > 0
        && !s.is_capitalised(v0 - 1)
        && s.lower(v0 - 1)
            .is_some_and(|w| MODIFYING_NOUNS.contains(&w))
    {
        return None;
    }
    // "a larger say", "the greatest fear": a noun after its adjectives.
    // "call into question", "votes left in question", "for fear of": a
    // base form straight after a preposition is a noun too ("to" is no
    // preposition in `words/prepositions.txt`), and so is a form in -s
    // straight after "of" ("unleashed a series of tweets", "a string of
    // claims"), where no finite verb stands. (Not after every
    // preposition: "a voice over says" is a voice-over.)
    if modified_noun(s, v0, form)
        || v0 > 0
            && match form.tense {
                Tense::Base => s.lower(v0 - 1).is_some_and(|w| PREPOSITIONS.contains(w)),
                Tense::Third => s.lower(v0 - 1) == Some("of"),
                _ => false,
            }
    {
        return None;
    }
    // "the document states", "it states that": a form that is mostly a
    // noun ("several states") is a verb only straight after a document,
    // a record ("polls show", "the figures show"), an organisation or
    // "it", in lower case but for the capital that opens a sentence
    // ("Polls show"; "the Green Party states" is the noun).
    // A base form that is a noun of saying ("promise", `?`-marked in
    // irregular_verbs.txt) is read only after a name's possessive, above.
    if form.after_document
        && (form.tense == Tense::Base && form.noun_of_saying
            || !(v0 > 0
                && (!s.is_capitalised(v0 - 1) || v0 == 1)
                && s.lower(v0 - 1).is_some_and(|w| {
                    w == "it"
                        || DOCUMENTS.contains(w)
                        || RECORDS.contains(w)
                        || WORDS.institutions.contains(w)
                })))
    {
        return None;
    }
    // "has said little", "said nothing": no statement.
    // ("said nothing had changed" is one).
    if s.lower(v1 + 1)
        .is_some_and(|w| matches!(w, "little" | "nothing"))
        && s.lower(v1 + 2).is_none_or(|w| {
            matches!(
                w,
                "about" | "on" | "to" | "of" | "in" | "publicly" | "since" | "more"
            )
        })
    {
        return None;
    }
    // "fewer than 300 people responded to the survey", "the economy added
    // 40,000 jobs": an action, not a statement.
    // "“…,” Trump added to People.": right after a quotation, "added to"
    // is said to someone.
    let after_quotation =
        || (v0.saturating_sub(QUOTE_TO_VERB_TOKENS)..v0).any(|i| comma_quote_close(s, i));
    // "Okafor responded to the mayor's remarks", "responded to a question
    // about the levy": a response to words is a statement (a word of
    // `words/questions.txt` at most RESPONSE_TOKENS after "to").
    let answers_words = || {
        form.lemma == "respond"
            && (v1 + 2..=v1 + 1 + RESPONSE_TOKENS)
                .any(|i| s.lower(i).is_some_and(|w| QUESTIONS.contains(w)))
    };
    if (matches!(form.lemma, "respond" | "add") || phrase.starts_with("continu"))
        && s.lower(v1 + 1) == Some("to")
        && !(form.lemma != "continue" && after_quotation())
        && !answers_words()
        || phrase.starts_with("add")
            && (s.is_number(v1 + 1)
                // "added around 292,000 jobs".
                || s.lower(v1 + 1).is_some_and(|w| {
                    matches!(w, "around" | "about" | "nearly" | "roughly" | "almost" | "some" | "over")
                }) && s.is_number(v1 + 2))
    {
        return None;
    }
    // "Large parts of the city are divided by race", "24 delegates are
    // divided among the districts": split, not of two minds ("analysts are
    // divided on the outlook" is a view).
    if phrase.ends_with("divided")
        && s.lower(v1 + 1).is_some_and(|w| {
            matches!(
                w,
                "by" | "among" | "amongst" | "between" | "into" | "across" | "equally" | "evenly"
            )
        })
    {
        return None;
    }
    // "spoke" attributes only with anonymity or to the press ("spoke on
    // condition of anonymity", "spoke to reporters"); "spoke to the
    // gathering" is an event.
    // "spoke of her visit", "spoke out against", "spoke favorably of":
    // what was said follows.
    let adverb = || usize::from(s.lower(v1 + 1).is_some_and(is_ly_adverb));
    if phrase == "spoke"
        && !(s
            .lower(v1 + 1)
            .is_some_and(|w| matches!(w, "on" | "anonymously" | "privately"))
            || s.lower(v1 + 1 + adverb())
                .is_some_and(|w| matches!(w, "of" | "about" | "out"))
            || speaks_about_after(s, v1)
            || opens_quote(s, v1 + 1)
            || s.lower(v1 + 1).is_some_and(|w| w == "to" || w == "with")
                && s.lower(v1 + 2)
                    .is_some_and(|w| matches!(w, "reporters" | "journalists")))
    {
        return None;
    }
    // The other forms of "speak" attribute only before what was said
    // ("speaks of her visit", "has spoken out against", "speaking
    // candidly about"): "speaks Welsh", "the people I have spoken with",
    // "speaking to donors" are talk, not a statement. "spoken" is the
    // verb only after "have" ("has spoken about"; "the spoken word").
    if form.lemma == "speak"
        && phrase != "spoke"
        && !((s
            .lower(v1 + 1 + adverb())
            .is_some_and(|w| matches!(w, "of" | "about" | "out" | "up"))
            || form.tense != Tense::Ing && (speaks_about_after(s, v1) || opens_quote(s, v1 + 1)))
            && (phrase != "spoken" || after_perfect_auxiliary(s, v0)))
    {
        return None;
    }
    // "shown" is the verb only after "have" ("Studies have shown that
    // …"); after its noun it is a passive ("one email shown to the jury").
    if phrase == "shown" && !after_perfect_auxiliary(s, v0) {
        return None;
    }
    // "270 pledged delegates", "two confirmed cases": a participle used as
    // an adjective between a number and a plural noun; also after a
    // preposition or a determiner, or opening a heading ("trails in
    // pledged delegates", "Pledged delegates are …").
    if form.tense == Tense::Past
        && s.word(v1 + 1).is_some_and(|w| w.ends_with('s'))
        && (v0 == 0 && !SPEECH.contains(form.entry)
            || v0 > 0
                && (s.is_number(v0 - 1)
                    || s.lower(v0 - 1).is_some_and(|w| {
                        NUMBERS.contains(w) && !matches!(w, "a" | "an" | "one" | "another")
                            || PREPOSITIONS.contains(w)
                            || DETERMINERS.contains(w)
                    })
                    // Decision (round 25): "a majority of regular, pledged
                    // delegates": the second of two adjectives after a
                    // preposition, the first in lower case and a comma
                    // between, is no inversion. Not for a verb of speech
                    // ("Reyes, for example, said he's": an aside between
                    // commas before the verb).
                    || v0 >= 3
                        && !SPEECH.contains(form.entry)
                        && s.is_punct(v0 - 1, ',')
                        && s.word(v0 - 2).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                        && s.lower(v0 - 3).is_some_and(|w| PREPOSITIONS.contains(w))))
    {
        return None;
    }
    // Decision (round 31): "articles from noted constitutional scholars",
    // "cereals with added fibre", "a letter from concerned parents": a
    // participle in -ed right after a preposition and before a lower-case
    // word that opens no clause or phrase of its own is an adjective on
    // the noun after it, so no attribution (what comes before a
    // preposition is no subject: "articles from" said nothing). A verb
    // after a stranded preposition keeps its object or clause ("the firm
    // she worked for reported a loss", "… for warned that").
    if form.tense == Tense::Past
        && v0 == v1
        && v0 > 0
        && s.lower(v0).is_some_and(|w| w.ends_with("ed"))
        && s.lower(v0 - 1).is_some_and(|w| PREPOSITIONS.contains(w))
        && s.word(v1 + 1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        && s.lower(v1 + 1).is_some_and(|w| {
            !(DETERMINERS.contains(w)
                || PRONOUNS.contains(w)
                || PREPOSITIONS.contains(w)
                || is_ly_adverb(w)
                || matches!(w, "that" | "to" | "as" | "and" | "or" | "but"))
        })
    {
        return None;
    }
    // "superdelegates currently pledged to Okafor", "delegates already
    // pledged to Ruiz": a participle after a plural common noun (one
    // adverb of PLEDGED_ADVERBS may stand between) and before "to" and a
    // capitalised word says whose the delegates are, not what they said.
    // (A pledge "to" a verb stays: "two delegates pledged to support him".)
    if phrase == "pledged"
        && s.lower(v1 + 1) == Some("to")
        && s.is_capitalised(v1 + 2)
        && !opens_quote(s, v1 + 2)
        && {
            let adverb = v0 > 0
                && s.lower(v0 - 1)
                    .is_some_and(|w| PLEDGED_ADVERBS.contains(&w));
            let noun = v0.checked_sub(1 + usize::from(adverb));
            noun.is_some_and(|n| {
                (n == 0 || !s.is_capitalised(n))
                    && s.lower(n).is_some_and(|w| is_plural(w) && w.len() > 3)
            })
        }
    {
        return None;
    }
    // "Rubio claimed the prize", "claiming 41 percent of the vote": a
    // claim on something won is an action, not a statement ("claimed
    // victory" declares one, and stays).
    if form.lemma == "claim" && claims_thing_won(s, v1) {
        return None;
    }
    // "a foreign power wrote its constitution", "when two firms write a
    // brand licensing agreement": a text drawn up, not words reported;
    // a determiner, then at most two words before the instrument. Not
    // when a verb follows it: "the judge wrote the law was too vague"
    // reports what the judge wrote, its "that" left out. Decision: "did"
    // is no such verb ("that a foreign power wrote its constitution did
    // not go down well": the clause is the sentence's subject).
    if form.lemma == "write"
        && s.lower(v1 + 1).is_some_and(|w| {
            DETERMINERS.contains(w) || matches!(w, "his" | "her" | "their" | "its")
        })
        && (v1 + 2..v1 + 5).any(|i| {
            s.lower(i).is_some_and(|w| WRITTEN_INSTRUMENTS.contains(&w))
                && !s.lower(i + 1).is_some_and(|w| {
                    PROGRESSIVE.contains(&w)
                        || matches!(
                            w,
                            "is" | "has"
                                | "had"
                                | "would"
                                | "will"
                                | "could"
                                | "should"
                                | "must"
                                | "might"
                                | "may"
                                | "can"
                        )
                })
        })
    {
        return None;
    }
    // "the zone still boasts just the one supermarket", "Ohio boasted only
    // one paid staffer": "boast" of having, not of saying. It says
    // something only before what was said ("boasted that", "boasts of its
    // record", "boasted about", a colon, a comma or a quotation; "boasted
    // Monday night that": "that" a few words on).
    let says_what = || {
        s.lower(v1 + 1)
            .is_some_and(|w| matches!(w, "of" | "about" | "to"))
            || (v1 + 1..v1 + 5).any(|i| s.lower(i) == Some("that"))
            || v1 + 1 >= s.toks.len()
            || [',', ':', '.', '“', '"']
                .iter()
                .any(|&c| s.is_punct(v1 + 1, c))
    };
    if form.lemma == "boast" && !says_what() {
        return None;
    }
    // "Taiwan have claims in the area", "the agency has reports of …": a
    // form in -s after "have" is a noun, its object.
    if form.tense == Tense::Third
        && v0 > 0
        && s.lower(v0 - 1)
            .is_some_and(|w| matches!(w, "have" | "has" | "had"))
    {
        return None;
    }
    // "most voters can agree", "districts could sometimes feel": a belief
    // under a modal is a possibility, not a view anyone states.
    if !reporting && v0 > 0 && {
        let m = v0
            - 1
            - usize::from(
                v0 > 1
                    && s.lower(v0 - 1)
                        .is_some_and(|w| w.ends_with("ly") || w == "sometimes"),
            );
        s.lower(m)
            .is_some_and(|w| matches!(w, "can" | "could" | "may" | "might" | "should" | "would"))
    } {
        return None;
    }
    // "Ruiz reported from Washington.": a reporter's credit line, not an
    // attribution of a claim.
    if form.lemma == "report" && s.lower(v1 + 1) == Some("from") && s.is_capitalised(v1 + 2) {
        return None;
    }
    // "the United States responded by easing sanctions", "Beijing
    // responded by sidestepping Moscow": an action, not a statement
    // ("responded by saying" is one).
    let by = || v1 + 1 + usize::from(s.lower(v1 + 1).is_some_and(|w| w.ends_with("ly")));
    if form.lemma == "respond"
        && s.lower(by()) == Some("by")
        && s.lower(by() + 1)
            .is_some_and(|w| w.ends_with("ing") && !form_of(w).is_some_and(|f| f.reporting))
    {
        return None;
    }
    // "Her metaphor is telling.", "It is telling that …": the adjective,
    // not the verb ("she is telling voters that …").
    if phrase == "telling"
        && v0 > 0
        && s.lower(v0 - 1).is_some_and(|w| {
            matches!(w, "is" | "was" | "are" | "were" | "most" | "very" | "more")
                || contracted_pronoun(w).is_none() && is_possessive(w)
        })
        && (!s.is_word(v1 + 1)
            || s.lower(v1 + 1)
                .is_some_and(|w| matches!(w, "that" | "in" | "of")))
    {
        return None;
    }
    // "Man accused of arson", "charities suspected of links to smugglers":
    // a passive without its auxiliary (the active verb has its object
    // first: "accused the council of", "suspected the clerk of").
    if matches!(phrase, "accused" | "suspected") && s.lower(v1 + 1) == Some("of") {
        return None;
    }
    // Round 40: a noun's head, not a verb, right before a modal or an
    // auxiliary ("Heat stress might affect workers", "Greater caution is
    // needed", "such government claims have been found exaggerated"): a
    // base form after one word that could not be its subject (not a
    // plural, a pronoun, a modal or "to"), or an -s form after a lower-case
    // word that is no pronoun; never "say" or "tell" ("which the program
    // says was filmed"). "Sanders aides argue is possible", "what the
    // Society of Engineers estimates will be needed", "others would claim
    // was the cause" and "he acknowledged was" keep their verbs: a plural,
    // a capitalised word, a modal or a pronoun before.
    if matches!(form.tense, Tense::Base | Tense::Third)
        && !matches!(form.lemma, "say" | "tell")
        && v0 > 0
        && s.lower(v1 + 1)
            .is_some_and(|w| FINITE_AUX.contains(&w) || w == "may")
        && s.lower(v0 - 1).is_some_and(|w| {
            !(w.ends_with('s')
                || is_subject_pronoun(w)
                || matches!(
                    w,
                    "who"
                        | "which"
                        | "that"
                        | "to"
                        | "will"
                        | "would"
                        | "could"
                        | "might"
                        | "may"
                        | "can"
                        | "should"
                        | "must"
                        | "did"
                        | "do"
                        | "does"
                        | "people"
                        | "men"
                        | "women"
                        | "children"
                        | "police"
                        | "staff"
                ))
                // Round 41: a capitalised word opening the sentence is no
                // name's verb either ("Farm reports might be late": no
                // "what" or "which" before it takes the verb's object).
                && (form.tense == Tense::Base || !s.is_capitalised(v0 - 1) || v0 == 1)
        })
    {
        return None;
    }
    // Round 41: "until the inquiry reports.", "once the panel reports
    // back": a report still to come, in a clause of time or condition,
    // with nothing reported after it, attributes nothing. Up to four words
    // before the verb are read for the conjunction.
    if form.lemma == "report"
        && matches!(form.tense, Tense::Base | Tense::Third)
        && (!s.is_word(v1 + 1) || s.lower(v1 + 1) == Some("back"))
        && (v0.saturating_sub(4)..v0)
            .rev()
            .take_while(|&i| s.is_word(i))
            .any(|i| {
                s.lower(i).is_some_and(|w| {
                    matches!(
                        w,
                        "until" | "till" | "when" | "once" | "before" | "after" | "unless" | "if"
                    )
                })
            })
    {
        return None;
    }
    // Round 31: and "suspected in" before a deed ("two men suspected in
    // the break-in", "a clerk suspected in forging permits"), unless a
    // pronoun holds the belief ("they suspected in the end that …"). The
    // hedge rule `suspected-of` reads the same shape.
    if phrase == "suspected"
        && s.lower(v1 + 1) == Some("in")
        && s.lower(v1 + 2)
            .is_some_and(|w| w == "the" || is_ing_word(w))
        && !v0
            .checked_sub(1)
            .and_then(|i| s.lower(i))
            .is_some_and(|w| is_subject_pronoun(w) || w == "who")
    {
        return None;
    }
    // Decision (round 32): "believed to" or "thought to" before "be",
    // "have" or "been" right after its noun ("researchers believed to be in
    // the area were safe", "timbers initially thought to have come from a
    // barge") is a passive without its "be", a hedge (`reduced-belief`),
    // not a group holding a belief; with "what" or a relative up to four
    // words back the noun is the verb's subject ("what many locals believed
    // to be a curse", a vague source).
    // Round 40: "believed to" before any verb too ("nine images believed
    // to portray the playwright"), as the hedge reads it; "thought to"
    // only before those three ("nobody thought to ask" remembered).
    if matches!(phrase, "believed" | "thought")
        && s.lower(v1 + 1) == Some("to")
        && s.lower(v1 + 2).is_some_and(|w| {
            matches!(w, "be" | "have" | "been")
                || phrase == "believed" && !is_subject_pronoun(w) && !is_object_pronoun(w)
        })
        && !(v0.saturating_sub(4)..v0).any(|i| {
            s.lower(i)
                .is_some_and(|w| matches!(w, "what" | "that" | "which" | "who" | "whom"))
        })
    {
        return None;
    }
    // Decision: "agree to" consents to an act or a deal ("the parties
    // agreed to hold a vote", "several states agreed to share the cost",
    // "agreed to the terms"): a commitment, not a view held, so no
    // attribution; "most agree the road is dangerous", "agreed that …" and
    // "agree with her" are views (belief_verbs.txt).
    // "It just puts fear in people", "the plan strikes fear into rivals",
    // "stoked fear among farmers": "fear" before "in", "into" or "among"
    // is the noun, the object of the verb before it; the belief verb has
    // a clause or an object after it ("critics fear the law will …",
    // "many fear in private that …"). Decision (round 30): "fear for"
    // ("residents fear for their safety", "feared for his life") is
    // worry about someone, a feeling with no view in it: no attribution.
    let not_a_view = match form.lemma {
        "agree" => s.lower(v1 + 1) == Some("to"),
        "fear" => {
            form.tense == Tense::Base
                && s.lower(v1 + 1)
                    .is_some_and(|w| matches!(w, "in" | "into" | "among" | "amongst"))
                && !s
                    .lower(v1 + 2)
                    .is_some_and(|w| matches!(w, "private" | "public" | "secret"))
                || s.lower(v1 + 1) == Some("for")
        }
        // "with all precincts reporting": election returns coming in,
        // not a claim.
        "report" => form.tense == Tense::Ing && v0 > 0 && s.lower(v0 - 1) == Some("precincts"),
        // Decision (round 31): "feel the pinch", "are feeling the heat",
        // "felt the full brunt of the storm", "will feel the effects": an
        // effect undergone, with no view in it, so no attribution. A
        // clause after the noun is a view again ("voters feel the pressure
        // is unfair": its "that" left out), so not before a verb of
        // FELT_CLAUSE_VERBS. At most four words are read.
        // Decision (round 39): an amount before the effect ("felt more
        // pain", "feel less strain") and a noun or a possessive naming its
        // cause ("feel drought impact", "feel the cyclone's impact") too.
        // At most six words are read.
        "feel" => {
            let mut o = v1 + 1;
            o += usize::from(s.lower(o).is_some_and(|w| {
                DETERMINERS.contains(w) || matches!(w, "his" | "her" | "their" | "its" | "our")
            }));
            o += usize::from(s.lower(o).is_some_and(|w| {
                matches!(w, "full" | "real" | "more" | "less" | "little" | "much")
            }));
            o += usize::from(
                s.word(o).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_lowercase()) || is_possessive(w)
                }) && s.lower(o + 1).is_some_and(|w| FELT_EFFECTS.contains(w)),
            );
            s.lower(o).is_some_and(|w| FELT_EFFECTS.contains(w))
                && !s
                    .lower(o + 1)
                    .is_some_and(|w| FELT_CLAUSE_VERBS.contains(w))
        }
        _ => false,
    };
    if not_a_view {
        return None;
    }
    // "Ministers urged to act", "Parents told to keep children home": a
    // verb of telling right before "to" and a lower-case verb has lost its
    // object, so it is a passive without its auxiliary (headline style;
    // the active names whom it tells first: "urged ministers to act").
    // Not "asked to" ("she asked to speak" is active). Decision (round
    // 39): "not to" likewise ("Growers warned not to sign contracts",
    // "Parents told not to panic").
    if matches!(
        phrase,
        "urged" | "told" | "ordered" | "advised" | "warned" | "encouraged" | "instructed"
    ) {
        let to = v1 + 1 + usize::from(s.lower(v1 + 1) == Some("not"));
        if s.lower(to) == Some("to")
            && s.word(to + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            && s.lower(to + 1).is_some_and(|w| !DETERMINERS.contains(w))
        {
            return None;
        }
    }
    // "insisted on paying the bill", "will insist on stricter checks": a
    // demand or a habit, not a statement ("insisted on Sunday that …",
    // "insisted on Radio Ulster that …" say something: a capitalised word
    // after "on").
    if form.lemma == "insist"
        && s.lower(v1 + 1) == Some("on")
        && s.is_word(v1 + 2)
        && !s.is_capitalised(v1 + 2)
        && !after_quotation()
    {
        return None;
    }
    // "the county had added an extra week", "has added another stop to
    // the tour": something put in, not said (right after a quotation,
    // "…,” added another delegate, names the speaker).
    if form.lemma == "add" && !after_quotation() && {
        let o = v1
            + 1
            + usize::from(
                s.lower(v1 + 1)
                    .is_some_and(|w| matches!(w, "a" | "an" | "the")),
            );
        s.lower(o)
            .is_some_and(|w| matches!(w, "another" | "additional" | "extra"))
            || added_amount(s, v1)
    } {
        return None;
    }
    // "tells so many lies", "was telling the truth": a judgement on the
    // speaker, not a claim the article rests on. So is the thing told
    // two words before the verb, a relative clause without "that" ("the
    // lies hucksters tell them", "the stories he tells"): its subject
    // tells nothing the article reports.
    if form.lemma == "tell" && {
        let mut o = v1 + 1;
        while s.lower(o).is_some_and(|w| TOLD_OPENERS.contains(&w)) && o < v1 + 4 {
            o += 1;
        }
        s.lower(o).is_some_and(|w| TOLD_THINGS.contains(&w))
            && !(s.lower(o + 1).is_some_and(|w| matches!(w, "of" | "about"))
                && s.lower(o + 2) == Some("how"))
            || v0 > 1 && s.lower(v0 - 2).is_some_and(|w| TOLD_THINGS.contains(&w))
    } {
        return None;
    }
    // Where the search for the subject starts: the verb, or the auxiliary
    // of "is quoted as saying" (below).
    let mut subject_end = v0;
    // "Okafor went so far as to say", "he made a point of saying", "she
    // began by saying": the subject is looked for before the phrase
    // (`words/say_frames.txt`), and an -ing form after it is no
    // participle.
    let frame = say_frame(s, v0);
    if let Some(f) = frame {
        subject_end = f;
        // "Companies are taking pains to say": the progressive's
        // auxiliary before a frame in -ing.
        if f > 0
            && s.lower(f).is_some_and(|w| w.ends_with("ing"))
            && s.lower(f - 1).is_some_and(|w| PROGRESSIVE.contains(&w))
        {
            subject_end = f - 1;
        }
    }
    if form.tense == Tense::Ing && frame.is_none() {
        // "doctors must have admitting rights", "the town has polling
        // stations": an -ing form straight after "have" is no verb (the
        // progressive needs "been": "has been saying").
        if v0 > 0
            && s.lower(v0 - 1)
                .is_some_and(|w| matches!(w, "have" | "has" | "had"))
        {
            return None;
        }
        // "adding to his lead", "speaking to donors": not a statement.
        // A promise takes "to" ("promising to campaign", "vowing to
        // fight").
        // "acknowledging to The Gazette that …": a "that" clause soon
        // after the "to" phrase makes it a statement to someone.
        if s.lower(v1 + 1).is_some_and(|w| w == "to")
            && !matches!(form.lemma, "promise" | "pledge" | "vow")
            && !(reporting
                && (v1 + 3..=v1 + ABSOLUTE_THAT_TOKENS)
                    .take_while(|&i| s.is_word(i))
                    .any(|i| s.lower(i) == Some("that")))
        {
            return None;
        }
        // "adding about 15 minutes": "adding" reports only what follows as
        // a statement ("adding that …", "adding: …").
        if phrase == "adding" && s.lower(v1 + 1) != Some("that") && s.is_word(v1 + 1) {
            return None;
        }
        // "Noting that turnout was low, Okafor praised the volunteers": a
        // participle of saying opening the sentence hangs on the subject
        // after its comma, whatever that clause's verb (as "After saying
        // …, Okafor left", below). Bare, only with "that" after it:
        // "Recalling the last election, the party began early" remembers.
        if v0 == 0 && s.lower(v1 + 1) == Some("that") {
            return fronted_participle(s, si, v1, phrase, form, verb);
        }
        // "…, saying the plan was dead": the source is the subject of the
        // clause the participle hangs on.
        let prev = v0.checked_sub(1)?;
        // "…, addressing her as “Hillary” and telling her", "by calling
        // him “dopey” and accusing him of …": a participle after "and"
        // hangs where the participle before it does (its comma or "by", at
        // most AND_PARTICIPLE_TOKENS back).
        let prev = if s.lower(prev) == Some("and") {
            (prev.saturating_sub(AND_PARTICIPLE_TOKENS).max(1)..prev)
                .rev()
                .find(|&j| {
                    s.lower(j).is_some_and(is_ing_word)
                        && (s.is_punct(j - 1, ',')
                            || s.lower(j - 1)
                                .is_some_and(|w| PARTICIPLE_OPENERS.contains(&w)))
                })
                .map_or(prev, |j| j - 1)
        } else {
            prev
        };
        // "…, privately saying": an -ly adverb between the comma and the
        // participle; "Okafor, after initially saying": or between its
        // opener and the participle.
        let prev = if prev > 0
            && (s.is_punct(prev - 1, ',')
                || s.lower(prev - 1)
                    .is_some_and(|w| PARTICIPLE_OPENERS.contains(&w)))
            && s.lower(prev).is_some_and(is_ly_adverb)
        {
            prev - 1
        } else {
            prev
        };
        // "… did not want to address “that person,” telling …": the comma
        // inside a closing quote; "sent out a press release saying …".
        let after_quote = comma_quote_close(s, prev);
        // "sent a fundraising email Wednesday saying": a day between the
        // document and the participle.
        let doc_at = if prev > 0
            && s.lower(prev).is_some_and(|w| {
                DAYS.contains(&w) || matches!(w, "today" | "yesterday" | "tonight")
            }) {
            prev - 1
        } else {
            prev
        };
        let after_document = s.lower(doc_at).is_some_and(|w| {
            DOCUMENTS.contains(w)
                || matches!(
                    w,
                    "statement" | "release" | "tweet" | "message" | "email" | "post"
                )
        });
        let participle = s.is_punct(prev, ',')
            || after_quote
            || after_document
            || s.is_punct(prev, '—')
            || s.is_punct(prev, '–')
            // "aside from saying he wants …", "apart from noting": what
            // else was said ("refrained from saying" says nothing).
            || (s.lower(prev)
                .is_some_and(|w| PARTICIPLE_OPENERS.contains(&w))
                || prev > 0
                    && s.lower(prev) == Some("from")
                    && s.lower(prev - 1).is_some_and(|w| matches!(w, "aside" | "apart")))
                // "by admitting more students": after a preposition a verb
                // of speech ("by saying") or any verb of saying but the
                // ones that are as often an action ("by promising to
                // impose tariffs", "by accusing him of …"); "admit" only
                // before "that" ("despite admitting that …").
                && (SPEECH.contains(form.entry)
                    || reporting
                        && !ACTIONS_AFTER_AND.contains(&form.lemma)
                        && (form.lemma != "admit" || s.lower(v1 + 1) == Some("that")));
        // "Okafor said the plan was dead, adding …": the sentence's
        // attribution already shows the source. A subject after it is
        // another clause's ("Critics say the rules are unfair, and the
        // union has sued, saying …"; "After Okafor spoke, Reyes walked
        // out, saying …").
        // "After saying she was tired, Okafor left", "Since announcing
        // his run, Reyes has …": a participle phrase opening the sentence
        // hangs on the subject after its comma.
        if prev == 0
            && s.lower(0)
                .is_some_and(|w| PARTICIPLE_OPENERS.contains(&w) || w == "since")
        {
            return fronted_participle(s, si, v1, phrase, form, verb);
        }
        // "Braynard is quoted as saying", "Lenz was quoted in the Gazette
        // as saying": the subject of the passive "quoted" said it.
        let quoted = (s.lower(prev) == Some("as"))
            .then(|| {
                (prev.saturating_sub(QUOTED_AS_TOKENS).max(2)..prev)
                    .rev()
                    .find(|&i| s.lower(i) == Some("quoted"))
            })
            .flatten()
            .filter(|&q| {
                s.lower(q - 1)
                    .is_some_and(|w| matches!(w, "is" | "was" | "are" | "were" | "been" | "be"))
            });
        if let Some(q) = quoted {
            subject_end = q - 1;
            while subject_end > 0
                && s.lower(subject_end - 1)
                    .is_some_and(|w| matches!(w, "has" | "have" | "had" | "also" | "widely"))
            {
                subject_end -= 1;
            }
        } else if participle {
            let np = clause_subject(s, prev, phrase)?;
            if earlier.is_some_and(|end| s.span(np.start, np.start).start() < end) {
                return None;
            }
            return finish(s, si, np, verb, false, form);
        }
        // "Trump has vowed …, and Clinton is promising …": after "is",
        // "were" (or one adverb: "is quietly saying") the -ing form is the
        // verb of a new clause, not a participle on the earlier
        // attribution, when ", and", ", but", "while" or ";" opens that
        // clause a few words back ("…, while Trump is arguing that …").
        // Without one it is the earlier verb's content ("Trump later said
        // he was joking").
        let progressive = |i: usize| s.lower(i).is_some_and(|w| PROGRESSIVE.contains(&w));
        let aux = if progressive(prev) {
            Some(prev)
        } else {
            (prev > 0 && s.lower(prev).is_some_and(is_ly_adverb) && progressive(prev - 1))
                .then(|| prev - 1)
        };
        let new_clause = aux.is_some_and(|a| {
            (a.saturating_sub(NEW_CLAUSE_TOKENS).max(1)..a).any(|j| {
                s.is_punct(j, ';')
                    || s.lower(j).is_some_and(|w| matches!(w, "while" | "whereas"))
                    || comma_and_or_but(s, j)
            })
        });
        if earlier.is_some() && !(new_clause && reporting) && quoted.is_none() {
            return None;
        }
    }
    let mut k = subject_end;
    // "did not immediately respond", "has not yet said": an -ly adverb or
    // "yet" inside the auxiliaries, so a negation before it is still seen;
    // "some are quietly saying": inside the progressive.
    let inner_adverb = |i: usize| {
        i > 0
            && s.lower(i).is_some_and(|w| w == "yet" || is_ly_adverb(w))
            && s.lower(i - 1).is_some_and(|w| {
                NEGATIONS.contains(w)
                    || BETWEEN.contains(w)
                    || form.tense == Tense::Ing && PROGRESSIVE.contains(&w)
            })
    };
    while k > 0
        && !s.is_capitalised(k - 1)
        && (s.lower(k - 1).is_some_and(|w| {
            BETWEEN.contains(w)
                || NEGATIONS.contains(w)
                // "is saying", "were warning": the progressive.
                || form.tense == Tense::Ing && PROGRESSIVE.contains(&w)
        }) || inner_adverb(k - 1))
    {
        // "has not said", "did not say": a source that says nothing.
        if s.lower(k - 1).is_some_and(|w| NEGATIONS.contains(w)) {
            return None;
        }
        k -= 1;
    }
    // "Okafor Just Announced …", "Council Finally Confirms …": an adverb
    // capitalised in a headline ("He Never Pledged" says nothing).
    if k == v0
        && k > 0
        && s.lower(k - 1).is_some_and(|w| NEGATIONS.contains(w))
        && headline()
        && title_case_around(s, v0, v1)
    {
        return None;
    }
    if k == v0
        && k > 1
        && s.is_capitalised(k - 2)
        && s.lower(k - 1)
            .is_some_and(|w| matches!(w, "just" | "finally" | "also" | "now" | "again" | "still"))
        && headline()
        && title_case_around(s, v0, v1)
    {
        k -= 1;
    }
    // "Obama Says Museum Will Tell of …", "Americans Will Say No": a modal
    // capitalised in a headline, before the base form, is the verb's
    // auxiliary, not the last word of a name. "George Will Says …" keeps
    // its name (a modal takes the base form), and "May" stays a month or
    // a name ("Theresa May Says").
    if k == v0
        && k > 1
        && form.tense == Tense::Base
        && s.is_capitalised(k - 2)
        && s.lower(k - 1).is_some_and(|w| {
            matches!(
                w,
                "will" | "would" | "could" | "should" | "can" | "must" | "might"
            )
        })
        && headline()
        && title_case_around(s, v0, v1)
    {
        k -= 1;
    }
    // "he’s said", "she’s predicting", "they’ve argued", "he’d say": a
    // subject pronoun contracted with its auxiliary. Not "he’s told to"
    // or "she’s told by" (the passive).
    if let Some(aux) = s.lower_before(k).and_then(contracted_pronoun) {
        let fits = match form.tense {
            Tense::Ing => matches!(aux, "s" | "re"),
            Tense::Past => {
                matches!(aux, "s" | "ve" | "d")
                    && !s.lower(v1 + 1).is_some_and(|w| matches!(w, "to" | "by"))
            }
            Tense::Base => matches!(aux, "d" | "ll"),
            _ => false,
        };
        if !fits {
            return None;
        }
        let np = Np::pronoun(k - 1);
        return finish(s, si, np, verb, false, form);
    }
    // "I told the judge that …", "“Your Honor,” I said": the first person
    // speaks for themselves, the writer of an essay or the person
    // interviewed in a transcript (words of saying inside a quotation are
    // never read, so a quoted "I said" is not this). Decision: marked named
    // with its own explanation (`Why::FirstPerson`): the reader knows who
    // is writing, and the claim rests on that person's own account. Not
    // "World War I said" nor "Part I": no capitalised word before "I".
    if k > 0
        && k == v0
        && is_first_person(s, k - 1)
        && matches!(form.tense, Tense::Past | Tense::Base | Tense::Phrase)
        && (k == 1 || !s.is_capitalised(k - 2))
    {
        let np = Np::pronoun(k - 1);
        return finish(s, si, np, verb, false, form);
    }
    // "“…,” From said.": one capitalised word between a quotation's
    // closing comma and a verb that ends the sentence or its clause is the
    // speaker's surname, even a word that is a preposition or another
    // word the name reader refuses ("From", "Young", "May").
    if k == v0
        && k >= 3
        && s.is_capitalised(k - 1)
        && s.is_word(k - 1)
        && (s.is_punct(k - 2, '”') || s.is_punct(k - 2, '"'))
        && s.is_punct(k - 3, ',')
        && !s.is_name_word(k - 1)
        && (v1 + 1 >= s.toks.len() || s.is_punct(v1 + 1, '.') || s.is_punct(v1 + 1, ','))
        && !s.lower(k - 1).is_some_and(|w| PRONOUNS.contains(w))
        && !is_first_person(s, k - 1)
    {
        let np = Np {
            start: k - 1,
            end: k,
            kind: SourceKind::Named,
            rule: Rule::Name,
        };
        return finish(s, si, np, verb, false, form);
    }
    // "…, with top defence officials warning that …": an absolute clause
    // after "with" whose subject is an unnamed or vague source (a few
    // lowercase words, at most WITH_TOKENS back), or a name standing
    // alone ("…, with Senator Reyes telling reporters"). Pronouns are left
    // out: "with him saying" is not his statement's source.
    if form.tense == Tense::Ing && k == v0 && reporting {
        let w = (v0.saturating_sub(WITH_TOKENS)..v0)
            .rev()
            .find(|&i| !s.is_word(i) || s.lower(i) == Some("with"));
        if let Some(w) = w.filter(|&w| s.lower(w) == Some("with") && w + 1 < v0) {
            if let Some(np) = name_np_exact(s, w + 1, v0) {
                return finish(s, si, np, verb, false, form);
            }
            if let Some(np) = common_np(s, w + 1, v0, phrase) {
                if np.start == w + 1 && matches!(np.kind, SourceKind::Anonymous | SourceKind::Vague)
                {
                    return finish(s, si, np, verb, false, form);
                }
            }
        }
    }
    // "…issued a statement – Reyes saying he was encouraged and Okafor
    // calling it a step": an absolute clause whose subject is a name
    // standing alone after a comma, a dash or a semicolon.
    if form.tense == Tense::Ing && k == v0 && reporting && v0 > 1 {
        let a = name_run_start(s, v0.saturating_sub(6), v0);
        // "footage of Ruiz saying …", "the clip showed Okafor telling
        // …": a name seen or heard in a recording, after a verb of
        // showing or "of" after a recording's noun.
        let shown = a > 1
            && (s.lower(a - 1).is_some_and(|w| SHOWING_VERBS.contains(w))
                || s.lower(a - 1) == Some("of")
                    && s.lower(a - 2).is_some_and(|w| RECORDINGS.contains(w)));
        let opens = a > 0
            && (s.is_punct(a - 1, ',')
                || s.is_punct(a - 1, ';')
                || is_dash(s, a - 1)
                || s.is_punct(a - 1, '—')
                || shown);
        // Not a credit line: "(Reporting by …; Additional reporting by …)".
        if opens && s.is_capitalised(a) && s.lower(v1 + 1) != Some("by") {
            // A shown group goes through the rule table ("an ad featuring
            // Hispanics telling …" is no name).
            let np = if shown {
                classify(s, a, v0, phrase).filter(|np| np.start == a)
            } else {
                name_np_exact(s, a, v0)
            };
            if let Some(np) = np {
                return finish(s, si, np, verb, false, form);
            }
        }
    }
    // "…, both candidates acknowledging that …", "errors, including a
    // campaign adviser acknowledging to The Gazette that …": an absolute
    // clause after a comma, a semicolon, a dash or "including" whose subject is a described person or
    // group (at most ABSOLUTE_TOKENS plain words, classed as before
    // "said": anonymous or vague), not the sentence's subject. Only with
    // "that" at most ABSOLUTE_THAT_TOKENS after the verb: "…, signs saying
    // “…”" and "…, aides saying little" stay unmarked.
    if form.tense == Tense::Ing && k == v0 && reporting && v0 > 1 {
        let a = (v0.saturating_sub(ABSOLUTE_TOKENS)..v0)
            .rev()
            .find(|&i| !s.is_word(i) || s.lower(i) == Some("including"))
            .map(|i| i + 1);
        let opens = |a: usize| {
            a > 0
                && a < v0
                && (s.is_punct(a - 1, ',')
                    || s.lower(a - 1) == Some("including")
                    || s.is_punct(a - 1, ';')
                    || is_dash(s, a - 1)
                    || s.is_punct(a - 1, '—'))
        };
        let that_soon = || {
            (v1 + 1..=v1 + ABSOLUTE_THAT_TOKENS)
                .take_while(|&i| s.is_word(i))
                .any(|i| s.lower(i) == Some("that"))
        };
        if let Some(a) = a.filter(|&a| opens(a) && !s.is_capitalised(a)) {
            // The head may take a prepositional phrase ("an adviser to
            // his campaign"): then the words before it are classed.
            let head_end = (a + 1..v0)
                .find(|&i| s.lower(i).is_some_and(|w| PREPOSITIONS.contains(w)))
                .unwrap_or(v0);
            // A head noun, not a bare quantifier: "ads, one claiming
            // that …" and "banners, some saying that …" point back to
            // things.
            // (A definite count, "both candidates", is named: people the
            // article has introduced.)
            let person = |np: &Np| {
                np.start == a
                    && (matches!(np.kind, SourceKind::Anonymous | SourceKind::Vague)
                        || np.rule == Rule::DefiniteCount)
                    && np.rule != Rule::UnspecifiedGroup
                    && !s
                        .lower(np.end - 1)
                        .is_some_and(|w| DETERMINERS.contains(w) || NUMBERS.contains(w))
            };
            if that_soon() {
                if let Some(np) = common_np(s, a, v0, phrase)
                    .filter(person)
                    .or_else(|| common_np(s, a, head_end, phrase).filter(person))
                {
                    let np = Np { end: v0, ..np };
                    return finish(s, si, np, verb, false, form);
                }
            }
        }
    }
    // Any other -ing form ("signs saying", "a promising start") is no
    // attribution.
    if form.tense == Tense::Ing && k == v0 {
        return None;
    }
    // "first reported by The Washington Post", "as reported by Reuters":
    // a passive whose agent is named is that source's attribution. The
    // agent opens with a capital or a determiner: "responded by saying
    // Japan should …" is no passive ("responded" has none), and its
    // "saying" no part of a name.
    if form.tense == Tense::Past
        && reporting
        && s.lower(v1 + 1) == Some("by")
        && (s.is_capitalised(v1 + 2) || s.lower(v1 + 2).is_some_and(|w| DETERMINERS.contains(w)))
    {
        if let Some(np) = forward_np(s, v1 + 2) {
            if np.kind == SourceKind::Named
                && matches!(np.rule, Rule::Name | Rule::TitledName | Rule::DefiniteNoun)
            {
                let verb_by = ByteSpan::new(verb.start(), s.span(v1 + 1, v1 + 1).end());
                return finish(s, si, np, verb_by, true, form);
            }
        }
    }
    // "call sheets maintained by her closest aides", "…, and accused by
    // the news media of …": a past form straight before "by" and an agent
    // (a capital, a determiner or a possessive pronoun) that the reading
    // above did not take is a passive participle with its agent, and the
    // words before it are no subject of its verb. Not "said by
    // telephone", "responded by saying", nor a time, a margin or a means
    // ("announced by the end of the week", "won by a wide margin", "told
    // by a phone call").
    if form.tense == Tense::Past && s.lower(v1 + 1) == Some("by") && passive_agent(s, v1 + 2) {
        return None;
    }
    // "Jeb Bush in a Medium post said", "Okafor at the hearing told": a
    // prepositional phrase of a few plain words between a name opening
    // its clause and its verb (no punctuation, auxiliary, negation,
    // relative word, pronoun, conjunction or other verb of saying inside
    // it: "Teachers at the school have been told" is a passive).
    if k > 2 {
        // At least "in", a determiner and a noun: the preposition is three
        // tokens back or more.
        // (By the token's length first: most words are none of the four.)
        let p = (k.saturating_sub(NAME_PP_TOKENS)..k - 2).rev().find(|&i| {
            s.toks
                .get(i)
                .is_some_and(|t| matches!(t.span().len(), 2 | 6))
                && s.lower(i)
                    .is_some_and(|w| matches!(w, "in" | "on" | "at" | "during"))
        });
        // The phrase opens with a determiner ("in a post", "at the
        // hearing"; not "six in 10", "on a list of countries he said": no
        // pronoun inside), and the name opens its clause. Cheapest tests
        // first: this runs for every verb.
        let det = |p: usize| {
            s.lower(p + 1)
                .is_some_and(|w| matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its"))
        };
        if let Some(p) =
            p.filter(|&p| p > 0 && det(p) && s.is_capitalised(p - 1) && s.is_name_word(p - 1))
        {
            let plain = (p + 1..k).all(|i| {
                (s.word(i).is_some() || s.is_abbreviation_dot(i))
                    && !s.lower(i).is_some_and(|w| {
                        VERB_WORDS.contains(w)
                            || BETWEEN.contains(w)
                            || NEGATIONS.contains(w)
                            || PRONOUNS.contains(w)
                            || matches!(w, "who" | "which" | "that" | "and" | "but" | "or")
                    })
            });
            let opens = || {
                let a = name_run_start(s, p.saturating_sub(6), p);
                a < p
                    && (a == 0
                        || s.is_punct(a - 1, ',')
                        || s.is_punct(a - 1, ';')
                        || s.lower(a - 1).is_some_and(|w| {
                            matches!(w, "while" | "and" | "but" | "as" | "when")
                                || DISCOURSE.contains(w)
                        }))
            };
            if plain && opens() {
                k = p;
            }
        }
    }
    // "Trump on Tuesday said", "Okafor last week said", "the mayor on
    // Monday night told": a time phrase between source and verb.
    let time_word = |i: usize| s.lower(i).is_some_and(is_time_word);
    let time_lead = |i: usize| {
        s.lower(i).is_some_and(|w| {
            matches!(
                w,
                "on" | "last" | "this" | "earlier" | "late" | "early" | "later"
            )
        })
    };
    let time_unit = |i: usize| {
        s.lower(i).is_some_and(|w| {
            matches!(
                w,
                "days" | "day" | "weeks" | "week" | "months" | "month" | "years" | "year" | "hours"
            )
        })
    };
    let mut skip_ago = 0;
    // "The ministry two weeks ago said", "Okafor less than a year ago
    // told": a time phrase ending in "ago" (a number or "a few", a unit,
    // "ago"); so with "later" ("When Okafor a month later announced").
    // "later" may already have been walked over as an adverb between
    // source and verb ("has later said"): the phrase then ends at it.
    let e = if k < v0 && k >= 2 && s.lower(k) == Some("later") && time_unit(k - 1) {
        k + 1
    } else {
        k
    };
    let ago = e >= 3
        && s.lower(e - 1).is_some_and(|w| w == "ago" || w == "later")
        && time_unit(e - 2)
        && {
            let mut j = e - 2;
            while j > 0
                && e - j < 6
                && s.lower(j - 1).is_some_and(|w| {
                    matches!(
                        w,
                        "a" | "few" | "than" | "less" | "more" | "about" | "nearly" | "just"
                    ) || NUMBERS.contains(w)
                        || w.bytes().all(|b| b.is_ascii_digit())
                })
            {
                j -= 1;
            }
            skip_ago = e - j;
            // A plural unit stands alone ("Okafor days later announced").
            j < e - 2 || s.lower(e - 2).is_some_and(|w| w.ends_with('s'))
        };
    if ago {
        k = e;
    }
    // "Okafor has in the past said", "allies have for years argued",
    // "Reyes has in recent weeks warned": a span of time after the
    // auxiliary (skipped with it, below).
    // Most verbs stop at the first test: the word before is no "past" and
    // no plural unit of time.
    let last = if k >= 2 { s.lower_or_empty(k - 1) } else { "" };
    let span_of_time =
        if last != "past" && !(last.ends_with('s') && (time_unit(k - 1) || last == "decades")) {
            0
        } else if k >= 3
            && (s.lower_or_empty(k - 2) == "the"
                && matches!(
                    (s.lower_or_empty(k - 3), last),
                    ("in", "past") | ("over", "years")
                )
                || s.lower_or_empty(k - 3) == "in"
                    && s.lower_or_empty(k - 2) == "recent"
                    && last != "past")
        {
            3
        } else if s.lower_or_empty(k - 2) == "for" && last != "past" {
            2
        } else {
            0
        };
    // The tests below read the word before from `last`, once.
    // "Trump at the time said".
    let at_the_time = k >= 3
        && last == "time"
        && s.lower_or_empty(k - 2) == "the"
        && s.lower_or_empty(k - 3) == "at";
    // "Trump on Tuesday said": a time word before the verb.
    let time_last = is_time_word(last);
    // "McConnell, who in 2010 said": "in" and a year.
    let in_year = last.len() == 4
        && last.bytes().all(|b| b.is_ascii_digit())
        && s.lower_or_empty(k - 2) == "in";
    let after_auxiliary = span_of_time > 0
        && k > span_of_time
        && matches!(
            s.lower_or_empty(k - span_of_time - 1),
            "has" | "have" | "had"
        );
    let skip = if ago {
        skip_ago
    } else if after_auxiliary {
        span_of_time + 1
    } else if at_the_time
        || k >= 3
            && time_last
            && (time_word(k - 2) || s.lower_or_empty(k - 2) == "past")
            && time_lead(k - 3)
    {
        // "Priebus this past week announced".
        3
    } else if k >= 2 && (time_last && time_lead(k - 2) || in_year) {
        2
    } else {
        0
    };
    let relative = |w: &str| matches!(w, "who" | "which" | "that");
    // Not inside a relative clause ("a supervisor who left the company
    // last year said": the time belongs to the clause), unless the time
    // phrase opens it ("Okafor, who on Monday said": the verb's own).
    if skip > 0
        && (k > skip
            && s.lower(k - skip - 1)
                .is_some_and(|w| w != "that" && relative(w))
            || !(k.saturating_sub(12)..k - skip).any(|i| s.lower(i).is_some_and(relative)))
    {
        k -= skip;
        // "Wells Fargo just this month announced": an adverb before the
        // time phrase.
        if k > 1
            && s.lower(k - 1)
                .is_some_and(|w| matches!(w, "just" | "only" | "also"))
        {
            k -= 1;
        }
    }
    // "Sen. Jack Reed (D-R.I.), said": the comma after the parenthesis.
    if k > 2
        && s.is_punct(k - 1, ',')
        && s.is_punct(k - 2, ')')
        && !abbreviation_closes_appositive(s, k, phrase)
    {
        k -= 1;
    }
    // A parenthesis or a pair of dashes between source and verb: "Sen. Ana
    // Ruiz (D-N.M.) said", "Joyce — a lawyer in Ohio — told".
    if k > 1 && s.is_punct(k - 1, ')') {
        k = (k.saturating_sub(PAREN_TOKENS)..k - 1)
            .rev()
            .find(|&i| s.is_punct(i, '('))?;
    } else if k > 1 && is_dash(s, k - 1) {
        k = (k.saturating_sub(APPOSITIVE_DASH_TOKENS)..k - 1)
            .rev()
            .find(|&i| is_dash(s, i))?;
    }
    if let Some(prev) = s.lower_before(k) {
        // "Councillors who have said", "Tom Reyes, who told the inquiry":
        // the source is the noun phrase the relative clause hangs on.
        // Not an anonymity clause ("who asked not to be named"): that one
        // belongs to the source of the sentence's own verb.
        // "the AP, which first reported the story", "a study, which
        // notes": "which" hangs the clause on an organisation or a
        // document ("in which", "of which" on something else).
        let which = prev == "which"
            && !s
                .lower(k.saturating_sub(2))
                .is_some_and(|w| PREPOSITIONS.contains(w));
        if (prev == "who" || which)
            && k >= 2
            && !starts_with_anonymity_clause(s, k - 1, (k + 8).min(s.toks.len()))
        {
            // "the study -- which notes": a dash (or two hyphens) opens the
            // clause as a comma does.
            let end = if s.is_punct(k - 2, ',') {
                k - 2
            } else if is_dash(s, k - 2) {
                k - 2 - usize::from(k > 2 && is_dash(s, k - 3))
            } else {
                k - 1
            };
            let start = boundary_back(s, end);
            // Not a dash closing a pair ("candidates — like Senator Reyes —
            // who say": the words between the dashes are an aside).
            let closes_pair =
                end < k - 1 && is_dash(s, k - 2) && start > 0 && is_dash(s, start - 1);
            if start >= end || closes_pair {
                return None;
            }
            // "lined up with Priebus, who has said": a name as the object
            // of a verb or a preposition is the antecedent on its own.
            // "drew Reed, the chamber's strategist, who added": a name
            // before an appositive is the antecedent, not the role; so it
            // is with no comma before "who" ("John Bentel, a staffer at
            // the ministry who told"): decision, the named person is the
            // source, never the role as an anonymous one.
            let named = (!which)
                .then(|| {
                    let c = (end.saturating_sub(APPOSITIVE_DASH_TOKENS)..end)
                        .rev()
                        .find(|&i| s.is_punct(i, ','))?;
                    // The appositive is a plain noun phrase: "a …", "the …".
                    let plain = s
                        .lower(c + 1)
                        .is_some_and(|w| matches!(w, "a" | "an" | "the"))
                        && (c + 1..end).all(|i| s.is_word(i) || s.is_abbreviation_dot(i));
                    // With no comma closing it, the appositive must hold no
                    // verb: "In New Hampshire, a young woman asked Mrs.
                    // Clinton about several women who said" is a clause.
                    let closed = end < k - 1
                        || (c + 1..end).all(|i| {
                            !s.lower(i)
                                .is_some_and(|w| VERB_WORDS.contains(w) || form_of(w).is_some())
                        });
                    let plain = plain && closed;
                    // "Mara Quint, 41, a former volunteer who said": an
                    // age between its own commas stands between the name
                    // and the appositive (decision, round 32: the named
                    // person is the source, as without the age).
                    let c = if c >= 3 && s.is_number(c - 1) && s.is_punct(c - 2, ',') {
                        c - 2
                    } else {
                        c
                    };
                    let a = name_run_start(s, c.saturating_sub(6), c);
                    plain.then(|| name_np_exact(s, a, c)).flatten()
                })
                .flatten();
            let np = named
                .or_else(|| classify(s, start, end, phrase))
                .or_else(|| {
                    let a = name_run_start(s, end.saturating_sub(6), end);
                    (a < end && end < k - 1)
                        .then(|| name_np_exact(s, a, end))
                        .flatten()
                })
                // "a lecture from the Mexican president, who said": the
                // noun phrase after the last preposition.
                .or_else(|| {
                    // "gave ammunition to Republicans who say": "to" too,
                    // with a verb of saying ("appealed to voters who
                    // believed" describes the voters: trap 368).
                    let p = (start..end).rev().find(|&i| {
                        s.lower(i)
                            .is_some_and(|w| PREPOSITIONS.contains(w) || w == "to" && reporting)
                    })?;
                    // Not a share of a poll ("compared with the 30
                    // percent who say", "30 percent of voters who said").
                    let share = (p.saturating_sub(1)..end)
                        .any(|i| s.is_number(i) || s.lower(i) == Some("percent"));
                    let after =
                        |p: usize| classify(s, p + 1, end, phrase).filter(|np| np.start == p + 1);
                    // "under attack by dozens of women who claim": past
                    // "of" to the preposition before, when the words
                    // after "of" are no source on their own; so past "to"
                    // ("calls from listeners to his radio show who said").
                    (!share).then(|| after(p)).flatten().or_else(|| {
                        let before = (!share && matches!(s.lower(p), Some("of" | "to")))
                            .then(|| {
                                (start..p)
                                    .rev()
                                    .find(|&i| s.lower(i).is_some_and(|w| PREPOSITIONS.contains(w)))
                            })
                            .flatten()?;
                        after(before)
                    })
                })?;
            // "The remark echoed Donald Trump, who said": a name after a
            // verb the lists do not know (an -ed or -ing word) is that
            // verb's object, the antecedent on its own.
            let np = match np.rule {
                Rule::Name | Rule::TitledName => {
                    let a = name_run_start(s, end.saturating_sub(6), end);
                    let verb_before = a > np.start
                        && a < np.end
                        && (np.start..a).any(|i| {
                            !s.is_capitalised(i)
                                && s.lower(i).is_some_and(|w| {
                                    w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
                                })
                        });
                    if verb_before {
                        Np { start: a, ..np }
                    } else {
                        np
                    }
                }
                // "…, echoing some far-right commentators who have said":
                // a participle opening the phrase before a determiner is
                // the verb whose object the antecedent is, not its first
                // word.
                _ if np.end - np.start > 2
                    && !s.is_capitalised(np.start)
                    && s.lower(np.start).is_some_and(|w| {
                        w.len() > 4 && w.ends_with("ing") && !w.ends_with("thing")
                    })
                    && s.lower(np.start + 1)
                        .is_some_and(|w| DETERMINERS.contains(w)) =>
                {
                    Np {
                        start: np.start + 1,
                        ..np
                    }
                }
                _ => np,
            };
            // After "which" only an organisation's or a document's name
            // or word, a few words long ("members of the World Trade
            // Organization, which writes" is the organisation's, not the
            // members'; "…, which describes" after a clause is no source).
            if which
                && (np.end - np.start > 6
                    || !matches!(
                        np.rule,
                        Rule::Name
                            | Rule::Institution
                            | Rule::IdentifiedDocument
                            | Rule::UnidentifiedDocument
                    ))
            {
                return None;
            }
            // "…skulls from before the Second World War, which indicates
            // that …": after "which", "suggest" and "indicate" read the
            // fact before them as a sign; only a document suggests.
            if which
                && is_hinting(form.lemma)
                && !matches!(
                    np.rule,
                    Rule::IdentifiedDocument | Rule::UnidentifiedDocument
                )
            {
                return None;
            }
            let mut at = finish(s, si, np, verb, false, form)?;
            // "…,” said Borges, who predicted", "sided with Priebus, who
            // has said": when the antecedent is the object of a verb or a
            // preposition, the mark runs from "who" to the verb (the name
            // is another attribution's, or no source of this clause's
            // verb on its own).
            // "disclosed it to the Gazette, which reported": past a "the".
            let before =
                np.start - usize::from(np.start > 1 && s.lower(np.start - 1) == Some("the"));
            let object = before > 0
                && s.lower(before - 1).is_some_and(|w| {
                    PREPOSITIONS.contains(w) || w == "to" || form_of(w).is_some_and(|f| f.reporting)
                });
            // An anonymous source's mark is its words alone, before "who":
            // the relative pronoun and its verb then, like "he said".
            if object && at.mark.start() < s.span(k - 1, k - 1).start() {
                at.mark = ByteSpan::new(s.span(k - 1, k - 1).start(), at.verb.end());
            }
            return Some(at);
        }
        // "Williams declined to name them but said …", "He paused and
        // added …": the subject of the first verb.
        // Only a finite verb of speech ("he lived in Brooklyn and wrote his
        // dissertation" is no attribution).
        // "… and began by saying": after a frame, its verb is the finite one.
        if matches!(prev, "and" | "but")
            && earlier.is_none()
            && (matches!(form.tense, Tense::Past | Tense::Third) || frame.is_some())
            && (phrase != "wrote" && SPEECH.contains(form.entry)
                // "called him divisive and accused him of …", "stood with
                // the leaders and urged them to …": any verb of saying but
                // those that are as often an action there.
                || reporting && !ACTIONS_AFTER_AND.contains(&form.lemma)
                || s.lower(v1 + 1) == Some("that"))
        {
            let np = local_subject(s, k - 1).or_else(|| clause_subject(s, k - 1, phrase))?;
            return finish(s, si, np, verb, false, form);
        }
    }
    // "Kasich offered him a job, then says …": ", then" likewise.
    if k > 1
        && s.is_punct(k - 1, ',')
        && s.lower(k) == Some("then")
        && earlier.is_none()
        && matches!(form.tense, Tense::Past | Tense::Third)
        && SPEECH.contains(form.entry)
    {
        let np = clause_subject(s, k - 1, phrase)?;
        return finish(s, si, np, verb, false, form);
    }
    // "He went on to say", "Okafor was quick to point out", "she continued
    // to insist": the source is the subject of the verb before "to".
    // The subject agrees with the verb before "to", not with the base
    // form after it: "the nominee continues to insist" (a singular, as
    // with "insisted"); "is continuing to insist" is progressive.
    let mut agree = phrase;
    // After a frame the subject agrees with the frame's first verb: a
    // plural or base form ("are careful to", "go so far as to") takes the
    // base form, any other the past, which agrees with either.
    if let Some(f) = frame {
        agree = if s.lower(f).is_some_and(|w| {
            matches!(
                w,
                "are" | "were" | "have" | "go" | "make" | "begin" | "take"
            )
        }) {
            form.lemma
        } else {
            past_of(form.lemma).unwrap_or(phrase)
        };
    }
    if k >= 3 && s.lower(k - 1) == Some("to") {
        let chain = match (s.lower(k - 3), s.lower(k - 2)) {
            (Some("went" | "goes" | "go" | "going"), Some("on")) => Some(k - 3),
            (Some("was" | "were" | "is" | "are"), Some("quick")) => Some(k - 3),
            (_, Some("continued" | "continues" | "continue")) => Some(k - 2),
            // "Okafor hastened to add that …": a frame of saying more.
            (_, Some("hastened" | "hastens")) => Some(k - 2),
            (Some("is" | "was"), Some("continuing")) => Some(k - 3),
            // "the party seemed to acknowledge", "Rubio appeared to
            // concede": a statement the writer hedges (the hedge is marked
            // on its own) is still the subject's; the verb straight after
            // "to" ("appears to be arguing with someone" is a quarrel).
            (_, Some("seemed" | "seems" | "seem" | "appeared" | "appears" | "appear"))
                if k == v0 =>
            {
                Some(k - 2)
            }
            // "Clinton took to Twitter to say", "took to Twitter overnight
            // to accuse": a medium taken to (capitalised, or "the
            // airwaves"), then at most one more word.
            _ => (k.saturating_sub(5)..k - 2)
                .rev()
                .find(|&t| {
                    t > 0
                        && s.lower(t) == Some("to")
                        && s.lower(t - 1)
                            .is_some_and(|w| matches!(w, "took" | "takes" | "take" | "taking"))
                        && (s.is_capitalised(t + 1) || s.lower(t + 1) == Some("the"))
                        && (t + 1..k - 1).all(|i| s.is_word(i))
                })
                .map(|t| t - 1),
        };
        if let Some(c) = chain {
            // "“…,” Amsel said, going on to say that …", "Okafor hit back,
            // taking to Twitter to say": the chain in -ing after a comma or
            // a dash is a participle, and its subject is the subject of the
            // clause it hangs on, as for "…, saying" (above): no
            // attribution of its own when that subject is the sentence's
            // attribution's, which already shows the source. (Read as a subject before it, the words before
            // the comma were taken for an appositive's closing, and the
            // search ran back into the quote before.)
            // ("…, later going on to", "…, before going on to": an
            // adverb or an opener between, as there.)
            let mut p = c.saturating_sub(1);
            if p > 1
                && s.lower(p)
                    .is_some_and(|w| is_ly_adverb(w) || matches!(w, "later" | "then"))
            {
                p -= 1;
            }
            if p > 0
                && s.lower(c).is_some_and(|w| matches!(w, "going" | "taking"))
                && (s.is_punct(p, ',')
                    || is_dash(s, p)
                    || comma_quote_close(s, p)
                    || s.lower(p).is_some_and(|w| PARTICIPLE_OPENERS.contains(&w)))
            {
                let np = clause_subject(s, p, phrase)?;
                if earlier.is_some_and(|end| s.span(np.start, np.start).start() < end) {
                    return None;
                }
                return finish(s, si, np, verb, false, form);
            }
            if !s.lower(c).is_some_and(|w| {
                matches!(w, "go" | "are" | "were" | "continue" | "seem" | "appear")
            }) {
                agree = past_of(form.lemma).unwrap_or(phrase);
            }
            k = c;
            while k > 0
                && !s.is_capitalised(k - 1)
                && s.lower(k - 1).is_some_and(|w| BETWEEN.contains(w))
            {
                k -= 1;
            }
        }
    }
    // "activists, many of whom say": a part of the antecedent.
    if let Some(np) = part_of_whom(s, k, agree) {
        return finish(s, si, np, verb, false, form);
    }
    // A passive or adjectival use is no attribution: "was told", "is said
    // to", "was reportedly posted". After "who" or "which" the verb belongs to
    // a relative clause whose subject is outside it.
    if let Some(prev) = s.lower_before(k) {
        if BEFORE_PASSIVE.contains(prev) || prev.ends_with("n't") || prev.ends_with("n’t") {
            return None;
        }
    }
    // "Reyes pointedly said": an adverb in -ly between source and verb,
    // when the phrase with it is no source ("the family said" is one).
    if k > 1
        && s.lower(k - 1).is_some_and(is_ly_adverb)
        && backward_np(s, k, agree).is_none()
        && backward_np(s, k - 1, agree).is_some_and(|np| np.rule != Rule::UnspecifiedGroup)
    {
        k -= 1;
    }
    // "have vigorously denied", "has repeatedly pledged": the auxiliary
    // before the adverb.
    if k < v0
        && k > 1
        && s.lower(k).is_some_and(is_ly_adverb)
        && s.lower(k - 1)
            .is_some_and(|w| matches!(w, "has" | "have" | "had"))
        && !s.is_capitalised(k - 1)
    {
        k -= 1;
    }
    // "Then she added", "In 2011 he said", "when he announced": a subject
    // pronoun after a fronted adverbial or a subordinator.
    if let Some(np) = fronted_pronoun(s, k, form.lemma) {
        return finish(s, si, np, verb, false, form);
    }
    if k > 0 {
        if let Some(np) = backward_np(s, k, agree) {
            if form.tense == Tense::Base && after_causative(s, np.start, v0) {
                return None;
            }
            if let Some(name) = inverted_name(s, np, v0, v1, form.lemma) {
                return finish(s, si, name, verb, true, form);
            }
            // "Unconfirmed reports", "Early claims": a noun, not a verb.
            let nounish = (form.tense == Tense::Third || matches!(phrase, "posts" | "reported"))
                && np.start == 0
                && np.end - np.start == 1
                && s.lower(0).is_some_and(|w| {
                    HEDGES.phrases().any(|h| h == w) || NOUNISH_OPENERS.contains(w)
                });
            if nounish {
                return None;
            }
            return finish(s, si, np, verb, false, form);
        }
    }
    // Inversion ("“…,” said Okafor") only straight after punctuation or at
    // the start of a sentence, and not for a participle ("…, telling
    // Reuters").
    // Decision: "suggest" and "indicate" never invert ("…, suggested a
    // tinge of regret" has its object after it, not its source).
    if !reporting
        || form.tense == Tense::Ing
        || is_hinting(form.lemma)
        || k != v0
        || (k > 0 && (s.toks[k - 1].is_word() || s.is_punct(k - 1, ')') || is_dash(s, k - 1)))
    {
        return None;
    }
    // "Asked about his taxes, Hale boasted": a verb opening the sentence
    // with a preposition after it is a passive participle clause, not an
    // inversion (its subject comes later).
    // "Asked whether he would run, Teal …" likewise.
    if k == 0
        && s.lower(v1 + 1).is_some_and(|w| {
            matches!(w, "about" | "whether" | "if" | "why" | "how" | "what")
                || PREPOSITIONS.contains(w)
        })
    {
        return None;
    }
    // Not a preposition after the verb ("Carson, asked about his claims,
    // …": a passive participle), and a pronoun after the verb is its
    // object or the next clause's subject ("Facebook found the posting,
    // reported it to …", "26 percent, say they will …") unless a quotation
    // closes just before (“…,” said he).
    // A reflexive is the verb's object ("53% describe themselves as
    // liberal"), and "Asked a direct question about …, Clinton said"
    // opens a passive participle clause.
    // "about" too, unless a count follows ("said about 40 residents").
    // "that" too: "…, argued that democracies must …", "reports that
    // super PACs file": what is said, or a relative clause, not the
    // source (an inverted source never opens with "that").
    let count = |i: usize| s.is_number(i) || s.lower(i).is_some_and(|w| NUMBERS.contains(w));
    if s.lower(v1 + 1).is_some_and(|w| {
        PREPOSITIONS.contains(w)
            || w == "about" && !count(v1 + 2)
            || w == "that"
            || REFLEXIVES.contains(&w)
    }) || k == 0 && form.lemma == "ask"
    {
        return None;
    }
    // "Reports suggest the minister …", "Claims surfaced": a form in -s
    // opening the sentence before a lower-case word that is no
    // determiner is a plural noun, the subject of the verb after it, not
    // an inversion ("Says Trump", "Says the mayor" are).
    if k == 0
        && form.tense == Tense::Third
        && s.word(v1 + 1).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase()) && !DETERMINERS.contains(w)
        })
    {
        return None;
    }
    let np = forward_np(s, v1 + 1)?;
    // Decision (round 32): "Says Clinton would stack the court" (a deck
    // line under a headline, whose subject is the story's): a name after
    // the verb opening the sentence, with a finite auxiliary or a modal
    // straight after it, is the subject of what was said, not an inverted
    // source ("Says Okafor: …", "Says Okafor, who …" stay sources).
    if k == 0
        && np.kind == SourceKind::Named
        && s.lower(np.end).is_some_and(|w| FINITE_AUX.contains(&w))
    {
        return None;
    }
    // Decision (round 39): "Ana Pell, a reader in chemistry at the
    // university, says fears of the number are based on a misreading": a
    // phrase after an inverted verb that runs into a finite auxiliary, a
    // modal, a negated auxiliary or a verb of the lexicons in the present
    // ("says early results suggest …") is the subject of what was said,
    // not the source; "say analysts who study …", "said a spokesman, who
    // …" and "said an aide but would not …" stay sources (a relative
    // word, a conjunction of a new clause or punctuation ends the look).
    // Reads at most `INVERTED_CLAUSE_TOKENS` words from the phrase's first.
    if np.kind != SourceKind::Pronoun && inverted_phrase_opens_clause(s, np.start) {
        return None;
    }
    // Decision (round 25): "“Why now?” asked a reporter" is "a reporter
    // asked" inverted, and an indefinite asker is no source either way
    // (the classifier's `question` rule, which the phrase reader, taking
    // "said" for every verb, does not reach): the phrase is read again
    // with its own verb. Only an anonymous phrase opened by an indefinite
    // word is read again ("asked the mayor" stays named).
    if matches!(form.lemma, "ask" | "wonder")
        && np.kind == SourceKind::Anonymous
        && s.lower(np.start)
            .is_some_and(|w| matches!(w, "a" | "an" | "another" | "one"))
        && common_np(s, np.start, np.end, phrase).is_none()
    {
        return None;
    }
    let after_quote =
        k >= 2 && s.is_punct(k - 1, ',') && (s.is_punct(k - 2, '”') || s.is_punct(k - 2, '"'))
            || k >= 2 && comma_quote_close(s, k - 1);
    if np.kind == SourceKind::Pronoun && !after_quote {
        return None;
    }
    // Decision (round 23): "He hosts a talk show, writes a weekly column
    // and leads a band": a verb in the present tense after a comma, whose
    // phrase is followed by "and" or "or" (one more action in a list the
    // sentence's subject does) and holds no word for a person, takes an
    // object, not an inverted source. "…, says a clerk." (the clause
    // ends), "…, said a clerk and a guard" (past tense), "…, says a
    // witness and …" (a person) and "“…,” says a narrator" (after a
    // quotation's close in any style, `,”`, `,"`, `,''`) stay sources.
    // Reads the phrase's words once (at most `FORWARD_TOKENS`).
    if np.rule == Rule::UnnamedPerson
        && form.tense == Tense::Third
        && s.lower(np.end).is_some_and(|w| matches!(w, "and" | "or"))
        && !(k.saturating_sub(3)..k)
            .any(|i| s.is_punct(i, '”') || s.is_punct(i, '"') || s.is_punct(i, '\''))
        && !(np.start..np.end).any(|i| {
            s.lower(i).is_some_and(|w| {
                looks_like_person(w)
                    || WORDS.roles.contains(w.strip_suffix('s').unwrap_or(w))
                    || WORDS.anonymous_heads.contains(w)
                    || WORDS.vague_groups.contains(w)
            })
        })
    {
        return None;
    }
    // Decision (round 27): "Okafor praises, laments Ruiz's legacy": a verb
    // in the present after a comma, before a named person's thing (a
    // capitalised possessive, then one head that names no person), takes
    // that thing as its object, as "praises" before it does; a person
    // there stays the source ("…, says Okafor's deputy", "“…,” says the
    // ad's narrator"), and so does anything after a quotation's close.
    // Reads the phrase's few words.
    if np.rule == Rule::DefiniteNoun
        && form.tense == Tense::Third
        && s.is_capitalised(np.start)
        && !(k.saturating_sub(3)..k)
            .any(|i| s.is_punct(i, '”') || s.is_punct(i, '"') || s.is_punct(i, '\''))
        && (np.start..np.end - 1).any(|i| s.lower(i).is_some_and(is_possessive))
        && s.lower(np.end - 1).is_some_and(|w| !looks_like_person(w))
    {
        return None;
    }
    finish(s, si, np, verb, true, form)
}

/// How many words of an inverted phrase, from its first,
/// [`inverted_phrase_opens_clause`] reads.
const INVERTED_CLAUSE_TOKENS: usize = 12;

/// Does the phrase opening at `start`, after an inverted verb, run into a
/// finite verb ("says fears of the number are based", "says most people
/// don't weigh", "says early results suggest", and "signals would drown
/// out …", a noun read as the verb), so that it is the subject of a
/// clause, before punctuation, a relative word or a conjunction that opens
/// another clause? "and" does not stop the look ("says an analysis of the
/// bee and other species will be needed"), and a capitalised word is
/// skipped as a name's ("says Dr Peter May", "said Will Ortiz").
fn inverted_phrase_opens_clause(s: &Sent, start: usize) -> bool {
    for i in start..(start + INVERTED_CLAUSE_TOKENS).min(s.toks.len()) {
        let Some(w) = s.lower(i) else {
            return false;
        };
        if matches!(
            w,
            "who"
                | "whom"
                | "whose"
                | "which"
                | "that"
                | "where"
                | "when"
                | "but"
                | "as"
                | "because"
                | "after"
                | "before"
                | "if"
                | "while"
                | "though"
                | "although"
        ) {
            return false;
        }
        // A capitalised word is a name's ("says Dr Peter May, a …").
        if s.is_capitalised(i) {
            continue;
        }
        if FINITE_AUX.contains(&w)
            || matches!(w, "may" | "do" | "does" | "did")
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || form_of(w).is_some_and(|f| matches!(f.tense, Tense::Base | Tense::Third))
        {
            return true;
        }
    }
    false
}

/// "added $18 million to its reserves", "added two more in the fifth",
/// "has added some sidemen to the act", "added a pair of goals in the
/// third": after "added", an amount or a count (a figure, a currency sign,
/// a number word, "some", "a pair", "a couple", "a handful") is something
/// put in, not said, when "more" follows it or "to", "in" or "at" comes
/// within four words. Decision (round 30): a count with neither ("he added
/// two people were hurt", a clause whose "that" is dropped) stays said.
/// Reads at most six words after the verb.
fn added_amount(s: &Sent, v1: usize) -> bool {
    let o = v1 + 1 + usize::from(s.lower(v1 + 1) == Some("a"));
    let count = s.is_number(o)
        || s.is_punct(o, '$')
        || s.is_punct(o, '£')
        || s.is_punct(o, '€')
        || s.lower(o).is_some_and(|w| {
            matches!(w, "some" | "pair" | "couple" | "handful")
                || NUMBERS.contains(w) && !matches!(w, "a" | "an" | "another" | "one")
                || w == "one" && s.lower(o + 1) == Some("more")
        });
    count
        && (s.lower(o + 1) == Some("more")
            || (o + 1..o + 5).any(|i| s.lower(i).is_some_and(|w| matches!(w, "to" | "in" | "at"))))
}

/// How many tokens an unnamed person after "said" may have for
/// [`inverted_name`] to read it as the source ("a senior Western
/// official", "an aide to the governor").
const INVERTED_PERSON_TOKENS: usize = 6;

/// "The party, attended by hundreds, “allows us to get our message out,”
/// said Frank Colman, the group's vice president", "…, forcing her to
/// fend off both rivals, said Brad Banner, a pollster": after a comma (or a
/// quote's closing comma) a name straight after the verb that ends its
/// clause (a comma or the sentence's end follows) is the source, not the
/// organisation, definite noun or unspecified group found before the
/// comma (the sentence's topic: "other matters tied to the hotels, in two
/// towns, said lobbyist and strategist Dora Whitcombe"). Any other source
/// before stays ("Okafor, a lawyer, said Reyes, …" is Okafor's; "an
/// official, who was not authorised to speak, told the Gazette" the
/// official's; "told" takes its listener after it), and so does a name
/// followed by more words ("The ministry, in a statement, said Reyes had
/// lied").
///
/// "Ms. Ruiz warned the leader, Tomas Albrecht, during their meeting not to
/// move on the harbour, said a Western official who was briefed": after a
/// name and words running on to a comma, "said" or "added" with a short
/// unnamed person straight after it ("a"/"an"/"another" and a source's
/// head, at most [`INVERTED_PERSON_TOKENS`]) that ends the sentence, or
/// goes on only with a comma or "who", has its source after it: the name
/// was the reported sentence's object. ("Okafor, at the hearing, said a
/// clerk had lied" keeps Okafor: a verb follows the phrase; so does
/// "Barkley, who …, said one candidate he likes is Kasich", a count
/// opening what was said.)
fn inverted_name(s: &Sent, before: Np, v0: usize, v1: usize, lemma: &str) -> Option<Np> {
    if lemma == "tell" {
        return None;
    }
    if matches!(before.rule, Rule::Name | Rule::TitledName)
        && matches!(lemma, "say" | "add")
        && before.end + 1 < v0
        && v0 > 0
        && s.is_punct(v0 - 1, ',')
        && s.lower(v1 + 1)
            .is_some_and(|w| matches!(w, "a" | "an" | "another"))
    {
        let np = forward_np(s, v1 + 1).filter(|np| np.end - np.start <= INVERTED_PERSON_TOKENS)?;
        let ends = np.end >= s.toks.len()
            || s.is_punct(np.end, '.')
            || s.is_punct(np.end, ',')
            || s.lower(np.end) == Some("who");
        return (np.start == v1 + 1 && np.kind == SourceKind::Anonymous && ends).then_some(np);
    }
    let quote_comma = || v0 > 1 && comma_quote_close(s, v0 - 1);
    if !matches!(
        before.rule,
        Rule::Institution | Rule::DefiniteNoun | Rule::UnspecifiedGroup
    ) || before.end + 1 >= v0
        || !(v0 > 0 && s.is_punct(v0 - 1, ',') || quote_comma())
    {
        return None;
    }
    let name = forward_np(s, v1 + 1)?;
    (name.start == v1 + 1
        && matches!(name.rule, Rule::Name | Rule::TitledName)
        && (s.is_punct(name.end, ',') || s.is_punct(name.end, '.') || name.end >= s.toks.len()))
    .then_some(name)
}

/// "Okafor's claim that …", "Mr. Reyes’ promise to rebuild", "Sanders'
/// pledge": a noun of saying (`words/speech_nouns.txt`) straight after a
/// capitalised name in the possessive. The name is the source (named); not
/// a day or a month ("Monday's pledge").
///
/// Up to [`MAX_CLAIM_ADJECTIVES`] adjectives may stand between ("Okafor's
/// false claims that …", "Trump's oft-repeated pledge to …"; see
/// [`is_claim_adjective`]); then the noun must introduce what was said
/// ("that", "to", a colon or a quotation), so "Trump's entire campaign
/// claims that" (a subject and its verb) is never read as one.
///
/// "his claim that …", "her promise to …": a possessive "his" or "her" is
/// the pronoun source, resolved as "he said" is. Decision: "their" and
/// "its" are left alone: with no sex to check, "their claims" went back to
/// whoever was the subject, often one person.
fn possessed_claim(s: &Sent, v0: usize, form: &VerbForm) -> Option<Np> {
    if !form.noun_of_saying {
        return None;
    }
    let adjectives = (1..=MAX_CLAIM_ADJECTIVES)
        .take_while(|&n| {
            v0 > n && s.lower(v0 - n).is_some_and(is_claim_adjective) && !s.is_capitalised(v0 - n)
        })
        .count();
    let p = v0.checked_sub(1 + adjectives)?;
    // "Rubio's claim to the nomination", "Beijing's claim over the
    // shoal", "her claim on the estate": a claim on something, not a
    // statement ("Okafor's claim to have won" is one).
    if s.lower(v0 + 1)
        .is_some_and(|w| matches!(w, "to" | "on" | "over"))
        && s.lower(v0 + 2).is_some_and(|w| {
            DETERMINERS.contains(w)
                || is_possessive(w)
                || matches!(w, "his" | "her" | "their" | "its" | "this")
        })
    {
        return None;
    }
    let introduces = || {
        s.lower(v0 + 1).is_some_and(|w| matches!(w, "that" | "to"))
            || [':', '“', '"', '‘'].iter().any(|&c| s.is_punct(v0 + 1, c))
    };
    if adjectives > 0 && !introduces() {
        return None;
    }
    let w = s.lower(p)?;
    if matches!(w, "his" | "her") {
        // "her claims" after a verb is still hers ("rejected her claims
        // that"), but "told her promises were …" makes "her" the object:
        // the noun must introduce what was said.
        return introduces().then_some(Np::pronoun(p));
    }
    let possessive = is_possessive(w) || w.ends_with("s'") || w.ends_with("s’");
    if !possessive || !s.is_capitalised(p) || !s.is_name_word(p) {
        return None;
    }
    let bare = strip_possessive(w).trim_end_matches(['\'', '’']);
    if DAYS.contains(&bare) || MONTHS.contains(&bare) {
        return None;
    }
    let a = name_run_start(s, p.saturating_sub(6), p + 1);
    name_np_exact(s, a, p + 1)
}

/// "alleged" at `v1` is the adjective: a word follows that opens no
/// clause or phrase ("alleged kickbacks", not "alleged that", "alleged
/// they", "alleged in a complaint"). Out of line and asked first in
/// `attribution`: inlined after the "shown" test, the check cost every
/// verb some 20 instructions ("said said …"), here some 9.
#[inline(never)]
fn alleged_before_its_noun(s: &Sent, v1: usize) -> bool {
    s.is_word(v1 + 1)
        && !s.lower(v1 + 1).is_some_and(|w| {
            w == "that"
                || PRONOUNS.contains(w)
                || DETERMINERS.contains(w)
                || PREPOSITIONS.contains(w)
        })
}

/// How many adjectives may stand between a possessive and its noun of
/// saying ("Trump's oft-repeated false claims that …"; a longer run is
/// left alone).
const MAX_CLAIM_ADJECTIVES: usize = 2;

/// An adjective before a noun of saying: a word of
/// `words/claim_adjectives.txt` ("false", "earlier"), a hyphenated word
/// ("fire-breathing"), or a word with an adjective's ending
/// ("controversial", "dubious", "repeated", "recent"). Nouns with those
/// endings ("the campaign's official claims" reads "official" as one)
/// are rare before a noun of saying.
fn is_claim_adjective(w: &str) -> bool {
    const ENDINGS: [&str; 10] = [
        "al", "ous", "ive", "ful", "less", "ic", "ed", "ent", "ant", "ing",
    ];
    CLAIM_ADJECTIVES.contains(w)
        || w.len() > 3
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && (w.contains('-') && !w.starts_with('-') && !w.ends_with('-')
                || w.len() > 5 && ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// A base form at `v0` that is a noun because a determiner and its
/// adjectives come before it: "a larger say", "the greatest fear", "the
/// most basic question", "a rather polarizing question", "the
/// are-you-with-Trump question".
///
/// "a"/"an" with any adjective ([`is_claim_adjective`], one ending in -er
/// or -est, or any word after one of "more", "most", "rather", "very"): a
/// singular noun phrase has no base-form verb. Only the base form: "a
/// leader says", "an official says" are sources. After "the", "this" or
/// "that" the adjective must be a superlative (-est, or after "most")
/// or hyphenated, because "the" and an adjective alone may be a group
/// that speaks ("the undecided say", "the faithful believe"). A possessive
/// before a noun of saying is left to [`possessed_claim`] ("his oft-stated
/// promise" is his statement). Capitalised words are names ("the Tax
/// Policy Center estimates") and never count as adjectives here.
fn modified_noun(s: &Sent, v0: usize, form: &VerbForm) -> bool {
    const INTENSIFIERS: [&str; 4] = ["more", "most", "rather", "very"];
    if form.tense != Tense::Base {
        return false;
    }
    let Some(a) = v0.checked_sub(1).filter(|&i| !s.is_capitalised(i)) else {
        return false;
    };
    let intensifier = a > 0 && s.lower(a - 1).is_some_and(|w| INTENSIFIERS.contains(&w));
    let adjective = s.lower(a).is_some_and(|w| {
        is_claim_adjective(w)
            || w.len() > 4 && (w.ends_with("er") || w.ends_with("est"))
            || intensifier && w.bytes().all(|b| b.is_ascii_lowercase())
    });
    if !adjective {
        return false;
    }
    let Some(d) = a.checked_sub(1 + usize::from(intensifier)) else {
        return false;
    };
    let Some(det) = s.lower(d) else {
        return false;
    };
    let adj = s.lower(a).unwrap_or_default();
    match det {
        "a" | "an" => true,
        "the" | "this" | "that" => {
            adj.ends_with("est")
                || adj.contains('-')
                || intensifier && s.lower(a - 1) == Some("most")
        }
        _ => false,
    }
}

/// A participle phrase opening the sentence, bare or after an opener,
/// whose verb ends at `v1`: its source is the subject after the phrase's
/// comma ("Noting that turnout was low, Okafor praised the volunteers",
/// "After saying she was tired, Okafor left"), unless that subject has a
/// verb of saying of its own ("In describing the plan, Cuban said …").
/// "Reporting by Ana Ruiz, Editing by …": a wire credit, no participle.
fn fronted_participle(
    s: &Sent,
    si: usize,
    v1: usize,
    phrase: &'static str,
    form: &VerbForm,
    verb: ByteSpan,
) -> Option<Attribution> {
    if s.lower(v1 + 1) == Some("by") {
        return None;
    }
    let comma = (v1 + 1..(v1 + 1 + FRONTED_PARTICIPLE_TOKENS).min(s.len()))
        .find(|&i| s.is_punct(i, ','))?;
    // "After saying her foot was “so swollen I could barely walk,” she
    // was rushed …": the comma inside the quote that ends the phrase.
    let close = s.is_punct(comma + 1, '”') || s.is_punct(comma + 1, '"');
    let np = fronted_subject(s, comma + 1 + usize::from(close), phrase)?;
    // "Recalling that night, Reyes, the party's strategist, said …": the
    // verb after an appositive.
    let after = if s.is_punct(np.end, ',') {
        (np.end + 1..(np.end + 1 + FRONTED_APPOSITIVE_TOKENS).min(s.len()))
            .find(|&i| s.is_punct(i, ','))
            .map_or(np.end, |c| c + 1)
    } else {
        np.end
    };
    // "he continued to" does not say anything.
    let main_verb = (np.end..np.end + 3).chain(after..after + 3).any(|i| {
        s.lower(i)
            .and_then(form_of)
            .is_some_and(|f| f.reporting && f.tense != Tense::Ing && f.lemma != "continue")
    });
    if main_verb {
        return None;
    }
    finish(s, si, np, verb, true, form)
}

fn finish(
    s: &Sent,
    si: usize,
    np: Np,
    verb: ByteSpan,
    after: bool,
    form: &VerbForm,
) -> Option<Attribution> {
    let phrase = form.form;
    // "The faction continues to tell itself that …", "I kept telling
    // myself", "she assured herself": told to no one but the teller.
    // Decision (round 28): a belief held, not a report to anyone, so read
    // as "believes" is (no mark for a named source; "critics tell
    // themselves" stays a vague group's view).
    let to_self = || {
        matches!(form.lemma, "tell" | "assure")
            && s.ending_at(verb.end())
                .and_then(|v| s.lower(v + 1))
                .is_some_and(|w| REFLEXIVES.contains(&w))
    };
    if (!form.reporting || to_self()) && matches!(np.kind, SourceKind::Named | SourceKind::Pronoun)
    {
        return None;
    }
    // "found", "concluded", "showed" report only a document's findings
    // ("a study found"); "police found a body" is no attribution.
    // … or a finding stated with "that" ("the inquiry's chair concluded
    // that").
    // "many Republican claims", "2016 America says": a form in -s never
    // follows a plural count; the form is a noun, or the count belongs to
    // something else.
    // (The verb's form is the one the phrase search found: no look-up by
    // its text. A form listed in both verb lexicons is two entries, which
    // differ only in `reporting`: the tense and lemma read here are one.)
    if !after && form.tense == Tense::Third && s.lower(np.start).is_some_and(plural_count) {
        return None;
    }
    let lemma = form.lemma;
    // "“…,” Carson concluded", "Blackwell concluded, “…”": a person's
    // conclusion beside a quote is a statement.
    // "The inquiry concluded this month that …": a time phrase before
    // the "that".
    let v_end = || s.ending_at(verb.end()).unwrap_or(0);
    let quote_mark = |i: usize| {
        s.is_punct(i, '”') || s.is_punct(i, '"') || s.is_punct(i, '“') || s.is_punct(i, '\'')
    };
    // A quote or a colon beside the verb: "“…,” Carson concluded",
    // "Blackwell concluded, “…”", "Okafor declared: …". (After the verb,
    // a quote before its source is no such quote: "In declaring the
    // remarks “not Christian,” the pope …".)
    // ("“It floats!” Okafor proclaimed.": the quote's "!" ended the
    // sentence before, so its closing mark is just before this one, in the
    // same paragraph.)
    let after_sentence_quote = || {
        s.toks.first().is_some_and(|t| {
            s.text[..t.span().start()]
                .trim_end_matches([' ', '\t'])
                .ends_with(['”', '"'])
        })
    };
    let beside_quote = || {
        let v_end = v_end();
        !after && np.start > 0 && quote_mark(np.start - 1)
            || !after && np.start == 0 && after_sentence_quote()
            || verb.start() > 0
                && s.starting_at(verb.start())
                    .is_some_and(|v| v > 0 && quote_mark(v - 1))
            || s.is_punct(v_end + 1, ',') && quote_mark(v_end + 2)
            || s.is_punct(v_end + 1, ':')
    };
    // A "that" within a few words of the verb ("concluded this month that").
    let that_soon = || {
        let v_end = v_end();
        (v_end + 1..v_end + 5).any(|i| s.lower(i) == Some("that"))
    };
    let stated_conclusion = || beside_quote() || that_soon() && np.kind == SourceKind::Named;
    // "Clinton kept her lead among black voters, Fox found.": a finding
    // set after what it found, between a comma and the sentence's end,
    // reports it whoever the source is.
    let trailing = || {
        let v_end = s.ending_at(verb.end()).unwrap_or(usize::MAX - 1);
        np.start > 0
            && s.is_punct(np.start - 1, ',')
            && (v_end + 1 >= s.len() || s.is_punct(v_end + 1, '.'))
    };
    // "The promised rebound, they concluded, never came", "To meet the
    // target, the panel concluded, the levy must rise": a finding set
    // between commas inside the clause it reports is a statement of it,
    // as one after that clause is (`trailing`), whoever the source
    // is. Decision (round 32): only with a word after the second comma
    // that is no preposition ("In the cellar, police found, among other
    // things, a rifle" is a search, no finding).
    let parenthetical = || {
        let Some(v_end) = s.ending_at(verb.end()) else {
            return false;
        };
        !after
            && np.start > 0
            && s.is_punct(np.start - 1, ',')
            && s.is_punct(v_end + 1, ',')
            && s.lower(v_end + 2)
                .is_some_and(|w| !PREPOSITIONS.contains(w))
    };
    // "an arbitration panel in 2001 found the United States was in
    // breach": a clause with its own finite verb after the finding, the
    // "that" left out ("police found a body" has none; "found a car that
    // was stolen" is a relative clause).
    let finite_clause = || {
        let Some(v_end) = s.ending_at(verb.end()) else {
            return false;
        };
        (v_end + 1..v_end + 2 + FOUND_CLAUSE_TOKENS)
            .take_while(|&i| {
                // "found someone he would like": a pronoun after the
                // object opens a clause on it; "finding what we have" is
                // an object clause, no finding.
                s.is_word(i)
                    && !s.lower(i).is_some_and(|w| {
                        BOUNDARY.contains(w)
                            || PREPOSITIONS.contains(w)
                            || matches!(w, "what" | "how" | "why" | "where" | "whether")
                            || i > v_end + 1 && PRONOUNS.contains(w)
                    })
            })
            .any(|i| i > v_end + 1 && s.lower(i).is_some_and(|w| FINDING_VERBS.contains(&w)))
    };
    // The word straight after the verb ("that", "how"), read only by the
    // rules below that need it.
    let word_after_verb = || s.lower(s.ending_at(verb.end()).map_or(usize::MAX, |i| i + 1));
    if lemma == "hear"
        && !((np.start..np.end).any(|i| s.lower(i).is_some_and(|w| HEARING_BODIES.contains(&w)))
            && word_after_verb().is_some_and(|w| w == "that" || w == "how"))
    {
        return None;
    }
    // "Okafor declared that the pier was safe", "“It floats!” she
    // proclaimed": a declaration reports what was said only with it ("the
    // city declared a state of emergency", "declared bankruptcy", "was
    // declared the winner" report no claim).
    if CONTENT_VERBS.contains(&lemma) && !(beside_quote() || that_soon() || quote_mark(v_end() + 1))
    {
        return None;
    }
    // "“Is it over?” Okafor wondered", "Okafor wondered aloud: “…”",
    // "wondered aloud, “…”": the quote before the source or the verb,
    // with the clause ending at the verb (or "aloud") or the source after
    // it ("“Is it over?” wondered Okafor"), or the quote after them ("“Is it over?” Okafor said. Residents wondered whether …"
    // follows a quote but puts its own question).
    // A speculation is a claim: like a finding, it is also attributed when
    // set after the clause it reports, or between its commas ("The cost will
    // rise, she speculated.").
    if QUESTION_VERBS.contains(&lemma)
        && !(lemma == "speculate" && form.tense != Tense::Ing && (trailing() || parenthetical()))
        && (form.tense == Tense::Ing || {
            let a = v_end() + 1;
            let a = a + usize::from(s.lower(a) == Some("aloud"));
            let opens = s.is_punct(a, ':') || s.is_punct(a, ',') && quote_mark(a + 1);
            !(opens || quote_mark(a) || (after || !s.is_word(a)) && beside_quote())
        })
    {
        return None;
    }
    // What "shows" something is a document or a record, whatever follows
    // ("History shows that empires fall" cites nothing; "the captain
    // showed that the knot held" is a demonstration).
    if DOCUMENT_VERBS.contains(&lemma)
        && !(lemma == "conclude" && stated_conclusion()
            || lemma != "show" && (trailing() || parenthetical() || finite_clause()))
        // A document word heading its phrase ("a report by the Audit
        // Office", "the poll released this week", "the study"), not one
        // modifying the noun after it ("the survey team concluded its
        // work"). What "shows" may also be a record of records.txt
        // ("figures from the statistics office show", "FBI data shows").
        && !(np.start..np.end).any(|i| {
            s.lower(i).is_some_and(|w| {
                DOCUMENTS.contains(w) || lemma == "show" && RECORDS.contains(w)
            })
                && (i + 1 == np.end
                    || !s.is_word(i + 1)
                    || s.lower(i + 1)
                        .is_some_and(|w| PREPOSITIONS.contains(w) || w.ends_with("ed")))
        })
        && (lemma == "show" || word_after_verb() != Some("that"))
    {
        return None;
    }
    let source = s.span(np.start, np.end - 1);
    let mark = match np.kind {
        SourceKind::Anonymous => source,
        _ if after => ByteSpan::new(verb.start(), source.end()),
        _ => ByteSpan::new(source.start(), verb.end()),
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
        sentence: si as u32,
        rule: SourceRule {
            kind: np.kind,
            rule: np.rule,
            order,
            verb: phrase,
        },
    })
}

/// A word that counts more than one ("many", "several", "two", "40";
/// a four-digit year too, which is never a subject's count).
fn plural_count(w: &str) -> bool {
    matches!(
        w,
        "many" | "several" | "few" | "both" | "numerous" | "various" | "dozens" | "multiple"
    ) || NUMBERS.contains(w) && !matches!(w, "a" | "an" | "one" | "another")
        || w.len() > 1 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Present-tense verbs that agree only with a plural subject.
pub(super) fn is_plural_verb(verb: &str) -> bool {
    form_of(verb).is_some_and(|f| f.tense == Tense::Base)
        || verb != "believes" && BELIEF_VERBS.phrases().any(|p| p == verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hinting_verbs_forms_are_finite_verbs_of_the_lexicon() {
        // "Reports suggest", "Receipts indicated": the document's plural
        // before them is read as a subject through the lexicon's forms.
        for w in ["suggest", "suggested", "indicate", "indicated"] {
            let f = form_of(w).unwrap_or_else(|| panic!("{w} is in no lexicon"));
            assert!(is_hinting(f.lemma), "{w}");
            assert!(!matches!(f.tense, Tense::Ing | Tense::Phrase), "{w}");
        }
    }
}
