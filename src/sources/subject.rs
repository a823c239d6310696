//! Finding the subject phrase of a reporting verb: backward from the verb
//! to the start of its clause ("the vote failed because *officials* said"),
//! through an appositive ("*Okafor*, the city's treasurer, said"), or
//! forward after an inverted verb or "according to" ("said *Jane Okafor*",
//! "according to *the Central Bank*").

use super::anonymity::{
    extend_clause, holds_anonymity_clause, opening_clause_len, starts_with_anonymity_clause,
};
use super::classify::{
    classify, classify_read, common_np, common_np_after, counted_party_member, is_plural,
    looks_like_person, Rule,
};
use super::forms::form_of;
use super::names::{
    is_role_word, name_np_exact, name_rule, name_run_start, opens_participle_phrase,
};
use super::verbs::{is_time_word, MONTHS, VERB_WORDS};
use super::{comma_and_or_but, is_dash, is_ly_adverb, Np, Sent, SourceKind};
use crate::lexicon::words::{
    BETWEEN, BOUNDARY, DETERMINERS, DISCOURSE, DOCUMENTS, FORWARD_STOP, INSIDER, KIN_GROUPS,
    NAME_JOINERS, NUMBERS, ORGANISATION_ENDS, PLACES, PREPOSITIONS, PRONOUNS, RECORDS,
    SPEAKER_IRREGULAR,
};
use crate::lexicon::{derived_word_list, WordList, WORDS};
use crate::span::ByteSpan;
use crate::text::{is_ing_word, is_possessive, TokenKind};

/// How many tokens back from a verb an appositive's opening comma may be.
const APPOSITIVE_TOKENS: usize = 30;

/// How many words of a body's name may stand between its preposition and
/// an "and" inside it ("from *the South Harbour Research* and Development
/// Institute"): see `in_body` in [`keeps_subject_going`].
const BODY_TOKENS: usize = 6;

/// How far back before a closing comma "of", "at" or "from" may place a
/// person for the words before the comma to be read as a source ([`backward_np`]).
const PLACED_TOKENS: usize = 16;

/// How far back from its verb a subject's clause may start. A common noun
/// phrase longer than a dozen words is no source anyway; the bound keeps a
/// sentence of thousands of "asked" (which does not end a clause) linear.
const MAX_SUBJECT_TOKENS: usize = 64;

/// How many tokens a source after its verb may run to.
const FORWARD_TOKENS: usize = 12;

/// The clause start going back from token `end` (exclusive).
pub(super) fn boundary_back(s: &Sent, end: usize) -> usize {
    walk_back(s, end, |_, _| {})
}

/// [`boundary_back`], handing each word it takes into the subject to
/// `seen` (its token and lower-case word, nearest the verb first), so
/// that a caller reads the words once, in the same pass.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn walk_back(s: &Sent, end: usize, mut seen: impl FnMut(usize, &str)) -> usize {
    let floor = end.saturating_sub(MAX_SUBJECT_TOKENS);
    let mut i = end;
    while i > floor {
        let t = i - 1;
        // (Read from the token's flags: which punctuation mark it is does
        // not matter here.)
        match s.lower(t) {
            None if s.is_word(t) => {}
            None if s.is_abbreviation_dot(t) || thousands_comma(s, t) => {}
            None => break,
            // Another verb of saying or believing ends the subject too:
            // "many people feel nobody has asked them". Most words end no
            // subject: the exceptions below are read only for one that
            // would.
            Some(w) if !ends_subject(w) => seen(t, w),
            // The exceptions, each only for the word it can be and read
            // only when no cheaper one has kept the word: most words that
            // end a subject ("said", "told") are none of them.
            Some(w) if keeps_subject_going(s, t, end) => seen(t, w),
            Some(_) => break,
        }
        i -= 1;
    }
    i
}

/// Is token `t` the comma of a number written in figures ("1,409
/// teachers said"): a comma with a digit straight on either side, no space
/// between? It ends no subject; the number is one word of the phrase,
/// not a clause boundary that leaves "409 teachers".
#[inline]
pub(super) fn thousands_comma(s: &Sent, t: usize) -> bool {
    // No space after it first: one compare rules out nearly every comma.
    let (Some(c), Some(next)) = (s.toks.get(t), s.toks.get(t + 1)) else {
        return false;
    };
    let digits = |i: usize| s.is_number(i);
    c.span().end() == next.span().start()
        && t > 0
        && s.toks[t - 1].span().end() == c.span().start()
        && s.is_punct(t, ',')
        && digits(t - 1)
        && digits(t + 1)
}

/// Does the word at token `t`, which would end the subject going back
/// from token `end` ([`ends_subject`]), stay inside it?
fn keeps_subject_going(s: &Sent, t: usize, end: usize) -> bool {
    let w = s.lower(t).unwrap_or_default();
    // The word before, read once: most of the tests read it.
    let before = s.lower_before(t);
    // After a preposition "that" is a determiner ("critics of that
    // deal"), not the start of a clause.
    let determiner = || before.is_some_and(|p| PREPOSITIONS.contains(p) || p == "to");
    // "Critics that have endorsed him say", "groups that backed
    // the levy say": after a plural noun and before an
    // auxiliary or a past form, "that" opens a relative clause
    // on the subject, as "who" does ("says that voters" and
    // "shows that turnout" have a noun after it).
    // A document opens one too: "a 2014 study that appeared in
    // the Harbour Medical Journal found".
    let relative = || {
        before.is_some_and(|p| {
            p.len() > 3
                && p.ends_with('s')
                && !p.ends_with("ss")
                && !VERB_WORDS.contains(p)
                && !PRONOUNS.contains(p)
                || DOCUMENTS.contains(p)
        }) && s.lower(t + 1).is_some_and(|n| {
            matches!(n, "have" | "has" | "had") || n.len() > 4 && n.ends_with("ed")
        })
            // The plural opens its clause, after at most one
            // modifier ("progressive organizations that …"; not
            // "used phrases that appealed to voters who believed").
            && {
                let opens = |j: usize| {
                    j == 0
                        || !s.is_word(j - 1)
                        || s.lower(j - 1).is_some_and(|w| {
                            BOUNDARY.contains(w) || DETERMINERS.contains(w)
                        })
                };
                opens(t - 1)
                    || t > 1
                        && opens(t - 2)
                        && s.lower(t - 2).is_some_and(|w| !w.ends_with("ed"))
            }
    };
    // "five current and former employees": "and" inside the
    // noun phrase.
    let paired = || {
        before.is_some_and(|p| {
            matches!(
                p,
                "current" | "former" | "past" | "present" | "senior" | "junior"
            )
        })
    };
    // "while doctors and medical experts warned", "Critics and
    // supporters say": two groups joined, the first a bare
    // plural at the clause's start.
    let groups = || {
        before.is_some_and(|p| {
            p.len() > 3 && p.ends_with('s') && !p.ends_with("ss") && !PRONOUNS.contains(p)
        })
            // Not a name ("Edwards and others said"); a listed
            // group opening the sentence is none ("Critics").
            && !(s.is_capitalised(t - 1) && s.is_name_word(t - 1))
            && (t == 1
                || !s.is_word(t - 2)
                || s.lower(t - 2).is_some_and(|w| {
                    BOUNDARY.contains(w) || DETERMINERS.contains(w)
                }))
            && s.is_word(t + 1)
            && !s.lower(t + 1).is_some_and(|w| {
                DETERMINERS.contains(w) || PRONOUNS.contains(w) || VERB_WORDS.contains(w)
            })
    };
    // "the Centers for Disease Control and Prevention": "and"
    // inside an organisation's name that already joins its
    // words with "of" or "for" ("Department of Health and
    // Human Services"); "Okafor and Reyes said" stays two.
    let in_name = || {
        t > 2
            && [t - 1, t + 1]
                .iter()
                .all(|&i| s.is_capitalised(i) && s.is_name_word(i))
            && (t.saturating_sub(4)..t - 1).any(|j| {
                j > 0
                    && s.lower(j).is_some_and(|w| matches!(w, "of" | "for"))
                    && s.is_capitalised(j - 1)
                    && s.is_name_word(j - 1)
            })
    };
    // "Tim Darcy from the Pastoralists and Graziers Association says",
    // "the chairman of the Harbour Wine and Cider Corporation is
    // predicting": "and" inside the name of a body after "from", "of",
    // "at" or "with", when only capitalised words ("the", a possessive)
    // stand between that preposition and "and" and the capitalised words
    // after it close like a body's name (`organisation_ends.txt`:
    // Association, Corporation, Institute …). Without it the subject was
    // the name's second half ("Graziers Association says") and the
    // speaker of the person's quotes unknown or that half. "Ruiz from
    // Leeds and Tom Hale said" stays two people (no body's name closes
    // after "and"). Bounded: [`BODY_TOKENS`]
    // words before "and", the capitalised words after it up to the verb.
    let in_body = || {
        t + 1 < end
            && s.is_capitalised(t + 1)
            && s.is_name_word(t + 1)
            && s.is_capitalised(t - 1)
            && s.is_name_word(t - 1)
            && (t.saturating_sub(BODY_TOKENS)..t - 1)
                .rev()
                .find(|&j| {
                    !(s.is_capitalised(j) && s.is_name_word(j)
                        || s.lower(j).is_some_and(|w| w == "the" || is_possessive(w)))
                })
                .is_some_and(|j| j > 0 && matches!(s.lower(j), Some("from" | "of" | "at" | "with")))
            && (t + 1..end)
                .take_while(|&k| s.is_capitalised(k))
                .any(|k| s.lower(k).is_some_and(|w| ORGANISATION_ENDS.contains(w)))
    };
    // "the note says", "a claim by the mayor": a verb form
    // straight after an article or a possessive is a noun.
    let noun = || {
        before.is_some_and(|p| {
            matches!(
                p,
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "whose"
            )
        })
    };
    // "Stevie Wonder said", "Stevie Wonder, who joked": a capitalised
    // verb form after a capitalised name word, in running text (the word
    // after it in lower case or a punctuation mark, where a title-case
    // headline's "Okafor Says Reyes Lied" has a capital), is the end of
    // the name, not a verb.
    let surname = || {
        t > 0
            && s.is_capitalised(t)
            && s.is_capitalised(t - 1)
            && s.is_name_word(t - 1)
            && s.word(t + 1)
                .is_none_or(|n| n.starts_with(|c: char| c.is_ascii_lowercase()))
    };
    t > 0
        && match w {
            "that" => determiner() || relative(),
            "and" => paired() || groups() || in_name() || in_body(),
            "or" => paired(),
            _ => false,
        }
        || opens_anonymity_clause(s, t, end, before)
        || opens_relative_clause(s, t, before)
        || noun()
        || surname()
        // "News reports said", "Reports suggest": a document's plural
        // straight before the verb heads the subject (two verbs do not
        // stand side by side).
        || t + 1 == end && w.ends_with('s') && super::is_document(w)
}

/// A boundary word or a verb ("asked" aside): going back, such a word ends
/// the subject ([`boundary_back`]) unless one of the exceptions there
/// keeps it inside. `w` is lower case.
fn ends_subject(w: &str) -> bool {
    SUBJECT_ENDS.contains(w)
}

derived_word_list!(
    /// The words of [`ends_subject`] in one list, [`BOUNDARY`] and the
    /// verbs of [`VERB_WORDS`] but "asked": one look-up for every word a
    /// subject's search walks over, where there were two.
    SUBJECT_ENDS,
    "subject_ends",
    WordList::new(
        BOUNDARY.iter().chain(
            VERB_WORDS
                .iter()
                .filter(|w| !w.eq_ignore_ascii_case("asked"))
        )
    )
);

/// "officials who spoke with the mayor said", "voters who have told
/// pollsters they are undecided say": a verb of saying straight after
/// "who" (and any auxiliary) opens a relative clause on the subject, so
/// it does not end the subject; the clause is the source's postmodifier.
/// (`before` is the word before token `t`.)
fn opens_relative_clause(s: &Sent, t: usize, before: Option<&str>) -> bool {
    match before {
        Some("who") => true,
        Some("has" | "have" | "had") => t > 1 && s.lower(t - 2) == Some("who"),
        _ => false,
    }
}

/// "a senior official who spoke on condition of anonymity said": the verb
/// word at token `t` is inside an anonymity clause that opens with the
/// "who" just before it, so it does not end the subject (added by the
/// anonymity work; the clause list is `anonymity_clauses.txt`). (`before`
/// is the word before token `t`.)
fn opens_anonymity_clause(s: &Sent, t: usize, end: usize, before: Option<&str>) -> bool {
    before == Some("who") && starts_with_anonymity_clause(s, t - 1, end)
}

/// The source before a verb whose first word-to-the-left ends at token `k`.
pub(super) fn backward_np(s: &Sent, k: usize, verb: &'static str) -> Option<Np> {
    // "Humphrey, who calls the plan a “swindle,” said": the appositive's
    // comma inside the closing mark of a quotation woven into it (US
    // style); the appositive opens before that quotation's opening mark.
    let (close, floor) = if s.is_punct(k - 1, ',') {
        (k - 1, k - 1)
    } else {
        woven_quote_comma(s, k).unwrap_or((k, k))
    };
    if close < k {
        // "Okafor, the city's treasurer, said" / "the treasurer, Jane Okafor,
        // said" / "Dr. Marsh, who met Sen. Ruiz in Washington, D.C., on
        // Tuesday, said": try the commas going back, nearest first.
        let commas = (0..floor)
            .rev()
            .take(APPOSITIVE_TOKENS)
            .filter(|&i| s.is_punct(i, ','))
            // "Hemsley, the co-author of “Going Viral,” about …, said": a
            // comma inside a closing quotation mark belongs to the
            // quotation (US style), not to the appositive.
            .filter(|&i| !(s.is_punct(i + 1, '”') || s.is_punct(i + 1, '"')));
        // "Harry Bond, 30, of Raleigh, N.C., who was polled, said": four
        // commas at most, nearest first, each with its source if any (an
        // array: two vectors a call were two allocations).
        let mut found = [None::<(usize, Np)>; 4];
        for (slot, c) in found.iter_mut().zip(commas) {
            *slot = appositive_np(s, c, close + 1, verb).map(|np| (c, np));
        }
        // "Ivo Lenz, whose new firm, Quarto, sells maps, said": a relative
        // clause on a person holds every nearer comma; its antecedent is
        // the source.
        // Decision (round 26): "Ana Ruiz, a potter in Leeds, who runs a
        // studio, recalled": when that antecedent is itself an unnamed
        // description in apposition to a person's name straight before it,
        // the name is the source, as it is with no "who" clause ("Ana Ruiz,
        // a potter in Leeds, recalled"), not an anonymous potter.
        let person = |np: &Np| matches!(np.rule, Rule::Name | Rule::TitledName);
        if let Some(&(_, np)) = found
            .iter()
            .flatten()
            .rfind(|(c, _)| matches!(s.lower(c + 1), Some("who" | "whose")))
        {
            let named_before = || {
                found
                    .iter()
                    .flatten()
                    .find(|(c, name)| c + 1 == np.start && person(name))
                    .map(|&(_, name)| name)
            };
            return Some(if person(&np) {
                np
            } else {
                named_before().unwrap_or(np)
            });
        }
        // "Greg Raiff, chief executive of Raiff Air, an aviation firm,
        // said": two appositives; the person's name behind both beats the
        // role word between them.
        let mut found = found.iter().flatten().map(|(_, np)| np);
        let np = match found.next() {
            Some(first) if !person(first) => found.find(|np| person(np)).or(Some(first)).copied(),
            first => first.copied(),
        };
        // "Grazier Peter Small from Victoria's western district, says": a
        // comma closing a person placed by "from" with none opening it.
        // Decision (round 35): the person is the source, as with no comma
        // ([`person_from`]); only for words opening the sentence, or its
        // clause after "but" or "and", so that a name further into a
        // sentence is not taken for the subject.
        // (Read from the nearest "from" back over the name and its role
        // words, at most ten tokens, rather than by a walk back over the
        // whole clause: most commas before a verb have no "from" within
        // reach.)
        if np.is_none() && close == k - 1 {
            let from = (close.saturating_sub(FROM_WORDS + 1)..close)
                .rev()
                .find(|&i| s.lower(i) == Some("from"));
            if let Some(f) = from {
                let clause_word = |i: usize| s.lower(i).is_some_and(|w| matches!(w, "but" | "and"));
                let mut a = name_run_start(s, f.saturating_sub(6), f);
                while a > 0
                    && f - a < 10
                    && !clause_word(a - 1)
                    && s.lower(a - 1).is_some_and(is_role_word)
                {
                    a -= 1;
                }
                if a == 0 || clause_word(a - 1) {
                    return person_from(s, a, close).map(|np| Np { end: k, ..np });
                }
            }
        }
        // "Tom Hale of the Harbour Trust, says", "Further north, Dr Ana
        // Ruiz from the Dune Institute, says": the same closing comma after
        // a person placed by "of", "at" or "from", with none opening it,
        // when nothing above read a source. Decision (round 40): the
        // person is the source, as the words read without the comma; only
        // a named person that opens the sentence or its clause (after a
        // fronted phrase's comma, "but", "and" or "so"), so that a name
        // inside a longer phrase ("the work of Tom Hale of the Trust, says
        // Okafor") is not taken. Over the broadcast science and rural
        // texts about a dozen such sources had no mark.
        // (The words before the comma are read once more, as for a verb
        // straight after them: their walk back is bounded as every
        // subject's is.)
        let placing = |i: usize| {
            s.lower(i)
                .is_some_and(|w| matches!(w, "of" | "at" | "from"))
        };
        if np.is_none()
            && close == k - 1
            && close > 0
            && s.is_word(close - 1)
            && (close.saturating_sub(PLACED_TOKENS)..close).any(placing)
        {
            let opens = |i: usize| {
                i == 0
                    || s.is_punct(i - 1, ',')
                    || s.lower(i - 1)
                        .is_some_and(|w| matches!(w, "but" | "and" | "so"))
            };
            let placed = |np: &Np| (np.start + 2..close).any(placing);
            return backward_np(s, close, verb)
                .filter(|np| person(np) && opens(np.start) && placed(np))
                .map(|np| Np { end: k, ..np });
        }
        return np;
    }
    if !s.toks[k - 1].is_word() && !s.is_abbreviation_dot(k - 1) {
        return None;
    }
    if let Some(np) = group_with_example(s, k, verb) {
        return Some(np);
    }
    // The words' last question word and whether a modal is among them
    // (read below), noted as the clause's start is looked for.
    let (mut question, mut modal) = (None, false);
    let start = walk_back(s, k, |i, w| {
        if matches!(w, "why" | "how" | "what" | "whether") {
            question.get_or_insert(i);
        } else if MODALS.contains(&w) && !s.is_capitalised(i) {
            modal = true;
        }
    });
    if start >= k {
        return None;
    }
    if let Some(np) = and_who_anonymity(s, start, k, verb) {
        return Some(np);
    }
    // "who has in the past described", "why would any rational person
    // believe": a relative or question word opening what is left is no
    // source (the relative's antecedent, when there is one, is read before
    // this).
    // ("which is how experts say": the words after a question word still
    // are.)
    if matches!(s.lower(start), Some("who" | "whom" | "which")) {
        return unclosed_who_clause(s, start, k);
    }
    // "could blunt Republican claims": a modal inside the words makes them
    // a verb and its object, and the "verb" a noun; no subject is here.
    if modal {
        return None;
    }
    let start = match question {
        Some(q) if q + 1 < k => q + 1,
        Some(_) => return None,
        None => start,
    };
    // "Sen. Ana Ruiz (D-N.M.), a backer of the levy told host …": an
    // appositive whose closing comma is missing belongs to the name that
    // opens the sentence (not "Clinton, a top aide said, is …", nor "In a
    // video by Fox News, a diplomat said …").
    // Round 41: so does one that places the person by an organisation
    // ("Brian Fields, with the University of Illinois in Urbana says",
    // "Ana Ruiz, of the Dune Institute told"): the preposition and a
    // capitalised word or "the" after it.
    // Round 43: so does a post that a preposition places, after "the", a
    // possessive or nothing ("Howard Arne, economist at Tay Insight said",
    // "Ana Ruiz, the head of the Dune Trust said:", "Ivo Lenz, its
    // minister for trade added", common in British copy): at most
    // [`POST_WORDS`] lower-case role words, the last no plural, then "of",
    // "at", "for" or "with" ("Reyes, the club said" and "Reyes, friends
    // of the family said" are not read so).
    let placing = || {
        matches!(s.lower(start), Some("with" | "of" | "at" | "from"))
            && (s.is_capitalised(start + 1) || s.lower(start + 1) == Some("the"))
    };
    // (The preposition first, then the words before it: a comma before a
    // verb seldom has one within reach.)
    let post = || {
        let first = start
            + usize::from(matches!(
                s.lower(start),
                Some("the" | "its" | "his" | "her" | "their")
            ));
        let Some(end) = (first + 1..k.min(first + POST_WORDS + 1))
            .find(|&i| matches!(s.lower(i), Some("of" | "at" | "for" | "with")))
        else {
            return false;
        };
        (first..end)
            .all(|i| s.is_word(i) && !s.is_capitalised(i) && s.lower(i).is_some_and(is_role_word))
            && !s.lower(end - 1).is_some_and(is_plural)
    };
    // Round 43: the verb may end the sentence or open a quotation ("…
    // Dune Trust said: “…”"); a comma after it still reads as an aside
    // ("Clinton, a top aide said, is …").
    let after_verb = || s.is_word(k + 1) || s.is_punct(k + 1, ':') || s.is_punct(k + 1, '.');
    let opened = start > 1
        && s.is_punct(start - 1, ',')
        && after_verb()
        && (s.is_name_word(start - 2) || s.is_punct(start - 2, ')'));
    let by_post = opened && !matches!(s.lower(start), Some("a" | "an")) && !placing() && post();
    if opened && (matches!(s.lower(start), Some("a" | "an")) || placing() || by_post) {
        let mut e = start - 1;
        if s.is_punct(e - 1, ')') {
            e = (e.saturating_sub(PAREN_TOKENS)..e - 1)
                .rev()
                .find(|&i| s.is_punct(i, '('))
                .unwrap_or(e);
        }
        if let Some(np) = name_np_exact(s, name_run_start(s, e.saturating_sub(6), e), e) {
            // Decision (round 32): so does a name that opens the clause
            // after a fronted phrase of time or place, opened by a
            // preposition or a time word ("Friday on Radio Kestrel's
            // “Morning Desk,” Rep. Ines Walcott (D-Ore.), a backer of the
            // levy told host …"; at most [`FRONTED_PHRASE_TOKENS`]); the
            // fronted phrase's own comma, or one inside its closing
            // quotation mark, stands straight before the name.
            let fronted = || {
                let c = np.start - 1;
                let c = if c > 0 && (s.is_punct(c, '”') || s.is_punct(c, '"')) {
                    c - 1
                } else {
                    c
                };
                c <= FRONTED_PHRASE_TOKENS
                    && s.is_punct(c, ',')
                    && s.lower(0).is_some_and(|w| {
                        PREPOSITIONS.contains(w) || is_fronted(w) || DISCOURSE.contains(w)
                    })
            };
            // Round 43: a discourse word's comma too ("However, Ruth
            // Dalby, a fund manager at Greyfield said"), and a name straight
            // after a quotation closed by its own comma, question or
            // exclamation mark ("“…,” Lena Marsh, an analyst at Corbel told
            // the BBC"): the closing mark hugs the punctuation before it and
            // a space parts it from the name.
            let after_quote = || {
                let (q, n) = (np.start.wrapping_sub(1), np.start);
                n >= 2
                    && (s.is_punct(q, '”') || s.is_punct(q, '"'))
                    && (s.is_punct(q - 1, ',') || s.is_punct(q - 1, '?') || s.is_punct(q - 1, '!'))
                    && s.toks[q - 1].span().end() == s.toks[q].span().start()
                    && s.toks[q].span().end() < s.toks[n].span().start()
            };
            // A post's name has two words at least: "Rather, the new
            // science of memory suggests" has none.
            if (np.start == 0 || fronted() || after_quote()) && !(by_post && np.end - np.start < 2)
            {
                return Some(np);
            }
        }
    }
    // "Stacy Vell of Dunmore, South Carolina says": the words after the
    // comma are the town's state, not the source; the person before "of"
    // or "from" is.
    if let Some(np) = before_town_state(s, start, k, verb) {
        return Some(np);
    }
    if let Some(np) = aged_from_town(s, start, k) {
        return Some(np);
    }
    // "Wayne Hale from Tarn Water says", "Dana Reyes from the Harbour
    // Board said": a person's name, "from" and what places them. Decision
    // (round 32): the person is the source, named, as with "of" or "at";
    // read before the phrase as a whole, which took a surname in -s for a
    // plural ("Reyes from the Harbour Board" was a vague group) or gave
    // no source at all (over the ABC rural texts, about 300 such named
    // sources had no mark).
    // (Two words of a name, "from" and one more at least.)
    if let Some(np) = (k >= start + 4)
        .then(|| person_of_organisation(s, start, k, &["from"]))
        .flatten()
    {
        return Some(np);
    }
    if let Some(np) = (k >= start + 4).then(|| person_from(s, start, k)).flatten() {
        return Some(np);
    }
    classify(s, start, k, verb)
        .or_else(|| person_of_organisation(s, start, k, &["of", "at", "with"]))
        .or_else(|| across_and(s, start, k, verb))
        .or_else(|| reduced_relative(s, start, k, verb))
}

/// How many tokens a group's named example may take before the verb
/// ([`group_with_example`]).
const EXAMPLE_TOKENS: usize = 5;

/// "Critics like Dana Huffman say", "critics such as Huffman say",
/// "residents including Huffman said": a plural group, then "like",
/// "such as" or "including" and a capitalised example straight before the
/// verb. Decision (round 28): the verb's subject is the group (a plural
/// verb agrees with it), and the name is one example of it, so the source
/// is the group as its own head reads (vague for "critics", anonymous for
/// "lawmakers"), the mark running over the example, as "some residents,
/// including Jo Paz, said" already is with commas; "like" here means
/// "such as", not the verb. Only when the example (at most
/// [`EXAMPLE_TOKENS`] tokens, all capitalised or abbreviation dots, or
/// "the" opening them) ends right before the verb and the word before
/// "like" is a lower-case plural or a capitalised plural opening the
/// sentence; the group read back from there. Decision (round 29):
/// "people", a plural with no -s, is such a group ("People like Huffman
/// say" is vague, as "many people feel" is).
fn group_with_example(s: &Sent, k: usize, verb: &'static str) -> Option<Np> {
    if !s.is_capitalised(k - 1) {
        return None;
    }
    let mut e = k - 1;
    while e > 0
        && k - e < EXAMPLE_TOKENS
        && (s.is_capitalised(e - 1) || s.is_abbreviation_dot(e - 1))
    {
        e -= 1;
    }
    if e > 0 && s.lower(e - 1) == Some("the") {
        e -= 1;
    }
    let j = match (s.lower_before(e), e.checked_sub(2)) {
        (Some("like" | "including"), _) => e - 1,
        (Some("as"), Some(j)) if s.lower(j) == Some("such") => j,
        _ => return None,
    };
    if j == 0
        || !s
            .lower(j - 1)
            .is_some_and(|w| is_plural(w) || w == "people")
        || s.is_capitalised(j - 1) && j - 1 != 0
    {
        return None;
    }
    let start = boundary_back(s, j);
    if start >= j {
        return None;
    }
    let np = classify(s, start, j, verb)?;
    matches!(np.kind, SourceKind::Vague | SourceKind::Anonymous).then_some(Np { end: k, ..np })
}

/// How many role words a post with no closing comma may hold before the
/// preposition that places it ("senior research fellow at"; see
/// [`backward_np`]).
const POST_WORDS: usize = 4;

/// How many words a "who" clause with no closing comma may hold before
/// the verb ([`unclosed_who_clause`]).
const UNCLOSED_WHO_TOKENS: usize = 10;

/// "Dana Reyes, who is treasurer of the Harbor Fund said": a "who" clause
/// whose closing comma is missing, on a name that opens the sentence (or
/// follows a quotation or a comma): the name is the source of the verb
/// after the clause. Decision (round 25): only a clause that opens with a
/// verb of being or of holding a post ("is", "was", "runs", "heads",
/// "chairs" …) and holds no other verb of saying and no "that", so the
/// verb cannot be the clause's own ("Reyes, who has said"), nor the
/// clause's object's ("Reyes, who aides said"); a name after a word
/// ("met Reyes, who is …") is an object, not the sentence's subject.
/// Bounded: at most [`UNCLOSED_WHO_TOKENS`] words from "who" (token
/// `w`) to the verb (token `k`).
fn unclosed_who_clause(s: &Sent, w: usize, k: usize) -> Option<Np> {
    if w < 2
        || k > w + UNCLOSED_WHO_TOKENS
        || w + 2 >= k
        || s.lower(w) != Some("who")
        || !s.is_punct(w - 1, ',')
        || !(w + 1..k).all(|i| s.is_word(i) || s.is_abbreviation_dot(i))
    {
        return None;
    }
    let post = s.lower(w + 1).is_some_and(|v| {
        matches!(
            v,
            "is" | "was"
                | "runs"
                | "ran"
                | "heads"
                | "headed"
                | "leads"
                | "led"
                | "chairs"
                | "chaired"
                | "directs"
                | "serves"
                | "served"
                | "founded"
                | "owns"
                | "represents"
        )
    });
    if !post
        || (w + 2..k).any(|i| {
            s.lower(i)
                .is_some_and(|v| v == "that" || v == "who" || form_of(v).is_some())
        })
    {
        return None;
    }
    let e = w - 1;
    let np = name_np_exact(s, name_run_start(s, e.saturating_sub(6), e), e)?;
    (np.start == 0 || !s.is_word(np.start - 1)).then_some(np)
}

/// "A farmer who worked at the mill and who did not want to be named
/// said": a second "who" clause joined by "and", granting anonymity
/// ([`starts_with_anonymity_clause`]), after a first "who" clause on the
/// same person. The words before "and" (read back to their own clause
/// start, `start` being the second "who") are the source, with both
/// clauses: anonymous, as "a farmer who did not want to be named" is.
/// Decision (round 24): only after a "who" clause in those words (the
/// "and" then joins two clauses on one person, not two people: "the
/// mayor and who …" is no such pair), and not for a person's name, which
/// stays named as a named source with a stray clause did before. Reads
/// the clause list once at the second "who" and one more look-back.
fn and_who_anonymity(s: &Sent, start: usize, k: usize, verb: &'static str) -> Option<Np> {
    if start < 2 || s.lower(start) != Some("who") || s.lower(start - 1) != Some("and") {
        return None;
    }
    let and = start - 1;
    if !starts_with_anonymity_clause(s, start, k) {
        return None;
    }
    let a = boundary_back(s, and);
    if a >= and || !(a..and).any(|i| s.lower(i) == Some("who")) {
        return None;
    }
    let np = classify(s, a, and, verb)?;
    (np.kind != SourceKind::Pronoun && !matches!(np.rule, Rule::Name | Rule::TitledName)).then_some(
        Np {
            end: k,
            kind: SourceKind::Anonymous,
            rule: Rule::AnonymityClause,
            ..np
        },
    )
}

/// "activists, many of whom say", "the senators, most of whom had
/// announced", "two of whom said": a quantified or counted part of a
/// relative clause's antecedent ("many of whom", the verb's first
/// word-to-the-left ending at token `k`) is the source, classified as "many
/// of them" is (a part of a group, vague; counted, anonymous). "none of
/// whom" says nothing, and any other phrase before "of whom" ("the last
/// of whom", "percent of whom") is left alone; so is kin as the antecedent
/// ("his family, most of whom thought": `words/kin_groups.txt`, no source by the
/// guideline).
pub(super) fn part_of_whom(s: &Sent, k: usize, verb: &'static str) -> Option<Np> {
    if k < 3 || s.lower(k - 1) != Some("whom") || s.lower(k - 2) != Some("of") {
        return None;
    }
    if k >= 5 && s.is_punct(k - 4, ',') && s.lower(k - 5).is_some_and(|w| KIN_GROUPS.contains(w)) {
        return None;
    }
    classify(s, k - 3, k, verb).filter(|np| {
        np.start == k - 3 && matches!(np.rule, Rule::PartOfVagueGroup | Rule::PartOfGroup)
    })
}

/// How many words a source after the noun of a relative clause with no
/// "that" may have ([`reduced_relative`]).
const REDUCED_RELATIVE_TOKENS: usize = 8;

/// "the place Pentagon officials say the navy would stand", "meddling the
/// congressman said is designed to sow discord": a relative clause with no
/// "that", its subject straight after the noun it describes. When the
/// words from the clause start are no source, the source may start at
/// "the", a capitalised word or a bare plural source word after that
/// noun (a lowercase word that
/// is no determiner, preposition, pronoun, verb of saying, number or -ly
/// adverb), at most REDUCED_RELATIVE_TOKENS before the verb; the nearest
/// such start whose phrase is a source is taken.
fn reduced_relative(s: &Sent, start: usize, k: usize, verb: &'static str) -> Option<Np> {
    let noun = |i: usize| {
        s.word(i).is_some()
            && !s.is_capitalised(i)
            && s.lower(i).is_some_and(|w| {
                !DETERMINERS.contains(w)
                    && !PREPOSITIONS.contains(w)
                    && !PRONOUNS.contains(w)
                    && !BOUNDARY.contains(w)
                    && !BETWEEN.contains(w)
                    && !VERB_WORDS.contains(w)
                    && !is_ly_adverb(w)
                    && !NUMBERS.contains(w)
                    && !s.is_number(i)
                    // "criticized the record", "the last man to mount a
                    // race": a past verb before its object.
                    && !w.ends_with("ed")
                    && !matches!(
                        w,
                        "and" | "or" | "to" | "not" | "than" | "his" | "her" | "their" | "its"
                            | "our" | "my" | "your" | "former" | "current" | "late" | "then"
                            | "fellow" | "top" | "senior" | "other" | "all" | "both"
                    )
            })
    };
    // "percent of registered voters say", "six in 10 primary voters
    // said", "a flurry of tweets": a share or
    // a part of something before the noun is a poll or a count, not a
    // relative clause's antecedent.
    if (start..k).any(|i| {
        s.lower(i)
            .is_some_and(|w| matches!(w, "of" | "in" | "percent" | "who" | "whom"))
    }) {
        return None;
    }
    // A bare plural source word may open it too ("the spot officials say
    // the fire began": "officials", not "the spot officials"). "a" does
    // not ("to mount a serious campaign says": the object of a verb).
    let plural_source = |w: &str| {
        w.ends_with('s') && (WORDS.anonymous_heads.contains(w) || WORDS.vague_groups.contains(w))
    };
    (k.saturating_sub(REDUCED_RELATIVE_TOKENS).max(start + 1)..k)
        .rev()
        .filter(|&j| {
            noun(j - 1)
                && (s.is_capitalised(j) && s.is_name_word(j)
                    || s.lower(j).is_some_and(|w| w == "the" || plural_source(w)))
        })
        .find_map(|j| {
            classify(s, j, k, verb).filter(|np| {
                np.start >= j
                    // A source a reader can place: a name, a listed source
                    // word, an office or an organisation; not an unknown
                    // noun that is as likely an object ("to win the
                    // nomination acknowledge", "mount a race says").
                    && matches!(
                        np.rule,
                        Rule::Name
                            | Rule::TitledName
                            | Rule::AnonymousSource
                            | Rule::VagueGroup
                            | Rule::OfficeHolder
                            | Rule::Institution
                    )
                    || np.rule == Rule::DefiniteNoun
                        && s.lower(k - 1).is_some_and(|w| {
                            super::classify::looks_like_person(w) || WORDS.roles.contains(w)
                        })
            })
        })
}

/// "Experts on North Korea and nuclear arms said", "The former first lady
/// and U.S. senator said": when the words after an "and" are no source on
/// their own, the phrase may run on before it (one more clause start
/// back), as long as what it then reads is a source starting there.
/// "The vote passed and the mayor said" never gets here: "the mayor" is
/// a source on its own.
fn across_and(s: &Sent, start: usize, k: usize, verb: &'static str) -> Option<Np> {
    let and = start.checked_sub(1)?;
    if s.lower(and) != Some("and") || and == 0 || !s.is_word(and - 1) {
        return None;
    }
    // Two words or more after "and", none an auxiliary or adverb ("The
    // mental and emotional stress", "friends and allies have in the past
    // said" are not read this way).
    if k - start < 2
        || (start..k).any(|i| {
            s.lower(i)
                .is_some_and(|w| BETWEEN.contains(w) || w == "all")
        })
    {
        return None;
    }
    let a = boundary_back(s, and);
    if a >= and {
        return None;
    }
    classify(s, a, k, verb).filter(|np| np.start == a || np.kind != SourceKind::Named)
}

/// How far back a parenthesis after a name may open.
const PAREN_TOKENS: usize = 12;

/// "Jeffrey Lewis of the Martin Center for Policy Studies", "Ana Ruiz at
/// Harbour Bank": a person's name of two or more words opening tokens
/// `[start, k)`, then one of `links` ("of", "at" or "with"; "from" read first,
/// see [`backward_np`]), an optional "the" and an organisation's or a
/// town's name running to `k`. The person is the source, named with what
/// places them.
fn person_of_organisation(s: &Sent, start: usize, k: usize, links: &[&str]) -> Option<Np> {
    let end = k;
    // (Most phrases open with no name: one flag read, before the title's
    // look-up.)
    if !s.is_name_word(start) {
        return None;
    }
    // "Mr. Varga of the River Trust": a title and its dot count as a word
    // of the name (a title says the capitalised word after it is a person).
    // (Looked up only at a dot after the first word, which most names
    // have not.)
    let titled = || s.lower(start).is_some_and(|w| WORDS.titles.contains(w));
    let mut p = start;
    let mut words = 0;
    while p < k && p < start + 5 && s.is_name_word(p) {
        if s.is_word(p) {
            words += 1;
        } else if !(p == start + 1 && titled()) {
            break;
        }
        p += 1;
    }
    if words < 2 || !s.lower(p).is_some_and(|w| links.contains(&w)) {
        return None;
    }
    // "Jo Park with the Harbour Trust says": "with" places a person only
    // before "the" and a body's name. Decision (round 40): as "of" or
    // "at" does; "Ana Ruiz with Tom Hale said" is two people, left to
    // the rules after.
    if s.lower(p) == Some("with") && s.lower(p + 1) != Some("the") {
        return None;
    }
    let mut o = p + 1;
    if s.lower(o) == Some("the") {
        o += 1;
    }
    // "Tom Ward of Grace Church in Marion said": the organisation's town,
    // one or two capitalised words after "in", is part of what places
    // the person. Decision (round 27): only a town straight before the
    // verb, after an organisation's name of its own.
    // Decision (round 40): also a country after "the" ("of the Dune
    // Museum in the UK") and a town with its region after a comma ("in
    // Perth, Australia"), at most four tokens after "in".
    let capital = |t: usize| s.is_capitalised(t) && s.is_name_word(t) && s.is_word(t);
    let town = (k >= o + 3)
        .then(|| {
            (k.saturating_sub(5)..k - 1)
                .rev()
                .find(|&i| i > o && s.lower(i) == Some("in"))
        })
        .flatten()
        .filter(|&i| {
            (i + 1..k).all(|t| {
                capital(t)
                    || t == i + 1 && s.lower(t) == Some("the")
                    || t > i + 1 && t + 1 < k && s.is_punct(t, ',') && capital(t - 1)
            }) && capital(k - 1)
        });
    let k = town.unwrap_or(k);
    // "of the University of Kent at Canterbury", "of the School of
    // Physics at the University of Leeds": "at" (and a "the" after it or
    // after "of") inside what places the person, between capitalised
    // words. Decision (round 40): the person is the source with the
    // whole phrase; over the broadcast science texts such sources, most
    // of them scientists introduced by their university's campus, had
    // no mark.
    let joins = |i: usize| {
        i > o
            && i + 1 < k
            && match s.lower(i) {
                Some("at") => capital(i - 1) && (capital(i + 1) || s.lower(i + 1) == Some("the")),
                Some("the") => {
                    s.lower(i - 1).is_some_and(|w| matches!(w, "at" | "of")) && capital(i + 1)
                }
                Some(w) => NAME_JOINERS.contains(w),
                None => false,
            }
    };
    let org = o < k
        && (o..k).all(|i| s.is_name_word(i) && s.is_word(i) || i > o && joins(i))
        && s.is_name_word(k - 1);
    org.then(|| Np {
        start,
        end,
        kind: SourceKind::Named,
        rule: name_rule(s, start, p),
    })
}

/// How many words may follow "from" in [`person_from`].
const FROM_WORDS: usize = 10;

/// "Kevin Parkyn from the bureau says", "Dairy analyst Steve Spencer from
/// FreshLogic says", "Richard Murray from Landmark at Longreach said": a
/// person's name of two or more words, "from" and what places them, as in
/// [`person_of_organisation`], where what follows "from" is no proper name
/// or not one alone (a body in lower case, a place after it, a district
/// of a region), or where role words stand before the name. Decision
/// (round 35): broadcast news introduces most of its sources so (Name
/// from somewhere says), and over the ABC texts such named sources had
/// no mark; the person is the source, named. Only role words before the
/// name (lower case, but for the sentence's first word: "City engineer
/// Jo Park from the council", not "Some Liberal MPs from Victoria"), and
/// after "from" at most [`FROM_WORDS`] words, none of them a finite
/// auxiliary, a modal or a word opening a clause ("Jo Park from the
/// council that runs it says" is left to the rules below).
fn person_from(s: &Sent, start: usize, k: usize) -> Option<Np> {
    let f = (start + 2..k.min(start + 8)).find(|&i| s.lower(i) == Some("from"))?;
    if k - f > FROM_WORDS + 1 || f + 1 >= k {
        return None;
    }
    let n = name_run_start(s, start, f);
    if n >= f || (n..f).filter(|&i| s.is_word(i)).count() < 2 || !s.is_capitalised(n) {
        return None;
    }
    let role_words = (start..n).all(|i| {
        s.is_word(i) && (i == 0 || !s.is_capitalised(i)) && s.lower(i).is_some_and(is_role_word)
    });
    let places = (f + 1..k).all(|i| {
        s.is_word(i)
            && s.lower(i).is_some_and(|w| {
                !FINITE_AUX.contains(&w) && !MODALS.contains(&w) && !CLAUSE_OPENERS.contains(&w)
            })
    });
    (role_words && places).then(|| Np {
        start,
        end: k,
        kind: SourceKind::Named,
        rule: name_rule(s, start, f),
    })
}

/// A quotation closing just before token `k` with a comma inside its
/// closing mark (`,”`, `,"`, `,''`): the comma's token and the quotation's
/// opening mark's, when the opening mark is within the appositive's reach.
fn woven_quote_comma(s: &Sent, k: usize) -> Option<(usize, usize)> {
    let apostrophes = |i: usize| s.is_punct(i, '\'') && i > 0 && s.is_punct(i - 1, '\'');
    let c = if s.is_punct(k - 1, '”') || s.is_punct(k - 1, '"') {
        k.checked_sub(2)?
    } else if apostrophes(k - 1) {
        k.checked_sub(3)?
    } else {
        return None;
    };
    if !s.is_punct(c, ',') {
        return None;
    }
    let open = (c.saturating_sub(APPOSITIVE_TOKENS)..c)
        .rev()
        .find(|&i| s.is_punct(i, '“') || s.is_punct(i, '"') || apostrophes(i))?;
    // Woven in only when a word leads into it ("calls the plan a “…,”");
    // after a comma the quotation is the sentence's own statement ("The
    // party, held every June, “is our showcase,” said Okafor"), and its
    // source comes after the verb.
    let lead = if apostrophes(open) { open - 1 } else { open };
    if !lead.checked_sub(1).is_some_and(|i| s.toks[i].is_word()) {
        return None;
    }
    Some((c, open))
}

/// Finite auxiliaries and modals: one between two commas makes a clause,
/// not an appositive ([`appositive_np`]).
pub(super) const FINITE_AUX: &[&str] = &[
    "would", "will", "could", "can", "should", "must", "might", "is", "are", "was", "were", "has",
    "have", "had",
];

/// The modal verbs: one among the words before a verb makes them no
/// subject ([`backward_np`]).
const MODALS: &[&str] = &[
    "could", "would", "will", "can", "should", "must", "might", "may", "shall",
];

/// Words that open a relative or adverbial clause inside an appositive
/// ("Okafor, who has …,", "Cruz, when asked what is wrong,").
const CLAUSE_OPENERS: &[&str] = &[
    "who", "whom", "whose", "which", "that", "when", "while", "if", "as", "although", "though",
    "because", "since", "what", "where",
];

/// The first words of two-word US states and other places written "Town,
/// State," ("New Hampshire", "South Carolina", "West Virginia", "Rhode
/// Island", "Northern Ireland"): after "from Sumter," they name the
/// town's state, not a person. Decision: only these, since a person's
/// two-word name can follow a town ("in Dover, Ana Ruiz, the mayor,
/// said"), and a name opening with one of them is rare.
const PLACE_FIRST_WORDS: &[&str] = &[
    "new", "north", "south", "east", "west", "rhode", "northern", "southern",
];

/// Are tokens `i` and `i + 1` a two-word place ([`PLACE_FIRST_WORDS`] and
/// a capitalised word)?
fn two_word_place(s: &Sent, i: usize) -> bool {
    s.is_capitalised(i)
        && s.is_capitalised(i + 1)
        && s.lower(i).is_some_and(|w| PLACE_FIRST_WORDS.contains(&w))
}

/// "Stacy Vell of Dunmore, South Carolina says", "a nurse from Ely, N.M.
/// said": when the words from `start` to the verb (token `k`) are a state
/// after "of" or "from" and a town and its comma, with no comma closing
/// the state, the source is the one before "of" or "from" ("Stacy Vell",
/// "a nurse"), its words running on over the town and state. Decision:
/// only a two-word state ([`two_word_place`]) or an abbreviated one
/// ("N.M.", "S.C."), which no person's name looks like; a single word
/// after the comma may be the subject ("On the subject of Israel, Trump
/// added"). An abbreviation the tokenizer does not know ("Ore.") ends the
/// words before the verb, so no source is found there, as before.
/// Bounded: the few tokens of the state and the source's own look-back.
fn before_town_state(s: &Sent, start: usize, k: usize, verb: &'static str) -> Option<Np> {
    if start < 4 || !s.is_punct(start - 1, ',') || !s.is_capitalised(start - 2) {
        return None;
    }
    // Round 41: also a town placed by "in" ("Ana Ruiz of Queen's
    // University in Kingston, Ontario says") and a one-word country or
    // state of words/places.txt ("… in Ontario, Canada says"), which was
    // taken for the source.
    if !matches!(s.lower(start - 3), Some("of" | "from" | "in")) {
        return None;
    }
    let one_word = k == start + 1 && s.lower(start).is_some_and(|w| PLACES.contains(w));
    let two_word = one_word || k == start + 2 && two_word_place(s, start);
    let abbreviated = k - start <= PLACE_ABBREVIATION_TOKENS
        && s.is_capitalised(start)
        && s.is_abbreviation_dot(k - 1)
        && (start..k).all(|i| s.is_capitalised(i) || s.is_abbreviation_dot(i));
    if !two_word && !abbreviated {
        return None;
    }
    // The source's words run to the town's comma ("a nurse from Ely"),
    // and on over the state when they reach it.
    let comma = start - 1;
    let from = boundary_back(s, comma);
    if from + 2 >= comma {
        return None;
    }
    classify(s, from, comma, verb)
        .filter(|np| np.start < start - 3)
        .map(|np| Np {
            end: if np.end == comma { k } else { np.end },
            ..np
        })
        // ("Dr Mia Lund of the Polar Institute in Tromso, Norway says": the
        // words before the comma read as for a verb straight after them,
        // when the phrase as a whole is none.)
        .or_else(|| {
            (one_word || s.lower(start - 3) == Some("in"))
                .then(|| backward_np(s, comma, verb))
                .flatten()
                .filter(|np| np.start < start - 3 && np.end == comma)
                .map(|np| Np { end: k, ..np })
        })
}

/// "Ana Ruiz, 34, of Marion said", "Dev Sahl, 71, from Port Ellis told":
/// a person's name opening its clause, an age between commas, then "of"
/// or "from" and a town of one to three capitalised words running to the
/// verb (token `k`; the town's words open at token `start`, after the
/// age's comma) with no comma closing it. The person is the source, named,
/// and the mark runs over the age and the town, as "Ruth Abara of Kelso,
/// Iowa, said" does. Decision (round 27): only an age of one to three
/// figures; a name after a word ("met Ana Ruiz, 34, of Marion") is an
/// object. Bounded: the town's three words and the name's few.
fn aged_from_town(s: &Sent, start: usize, k: usize) -> Option<Np> {
    if start < 4
        || k - start < 2
        || k - start > 4
        || !matches!(s.lower(start), Some("of" | "from"))
        || !s.is_punct(start - 1, ',')
        || !s.is_number(start - 2)
        || s.word(start - 2).is_none_or(|w| w.len() > 3)
        || !s.is_punct(start - 3, ',')
        || !(start + 1..k).all(|i| s.is_word(i) && s.is_capitalised(i) && s.is_name_word(i))
    {
        return None;
    }
    let e = start - 3;
    let n = name_run_start(s, e.saturating_sub(6), e);
    let name = name_np_exact(s, n, e)?;
    (n == 0 || !s.is_word(n - 1)).then_some(Np { end: k, ..name })
}

/// How many tokens an abbreviated state may have ("N.M.", "S.C.").
const PLACE_ABBREVIATION_TOKENS: usize = 4;

/// "A woman in Dunmore, Ohio, told him", "a voter from Hemet, South
/// Dakota, said": when the words between the comma at `comma2` and the
/// comma before the verb (token `k - 1`) are a town's state
/// ([`appositive_np`]'s place tests), the source is the phrase that opens
/// the clause and ends in the town, read up to the state: "A woman in
/// Dunmore, Ohio" (anonymous), "Jane Roe of Dunmore, Ohio, said" (named).
/// Decision (round 23): only a phrase that opens its clause (no comma
/// before it); after an earlier comma ("Jane Roe, a nurse from Dunmore,
/// Ohio, said", "The chair, a farmer from Hemet, Iowa, said") the state
/// is left to the appositive reading of that earlier comma, as before.
/// One classification of at most `MAX_SUBJECT_TOKENS` tokens.
fn placed_source(s: &Sent, comma2: usize, k: usize, verb: &'static str) -> Option<Np> {
    // Round 41: also after a comma ("Rates will rise, an economist in
    // Frankfurt, Germany, says"; "Ana Ruiz, a potter in Leeds, England,
    // said" still goes to the name before, which `backward_np` prefers).
    let start = boundary_back(s, comma2);
    if start >= comma2 {
        return None;
    }
    classify(s, start, comma2, verb)
        .filter(|np| np.end == comma2 && np.kind != SourceKind::Pronoun)
        .map(|np| Np { end: k - 1, ..np })
}

/// The source before an appositive that runs from the comma at `comma2` to
/// the comma just before the verb (token `k - 1`).
pub(super) fn appositive_np(s: &Sent, comma2: usize, k: usize, verb: &'static str) -> Option<Np> {
    {
        if comma2 + 1 >= k - 1 {
            return None;
        }
        // "a supporter from Hemet, California, said": a one-word place
        // after "from" and its town is no appositive; the source is
        // further back. So is a two-word state or province whose first
        // word is one of [`PLACE_FIRST_WORDS`] ("from Hemet, South
        // Dakota, said").
        let place = comma2 >= 2
            && (comma2 + 2 == k - 1 || comma2 + 3 == k - 1 && two_word_place(s, comma2 + 1))
            && s.is_capitalised(comma2 - 1)
            && s.lower(comma2 - 2) == Some("from");
        if place {
            return placed_source(s, comma2, k, verb);
        }
        // "For most families, costs would rise, said Okafor": a clause
        // between the commas (a finite auxiliary with no relative pronoun
        // before it) is no appositive; the source is after the verb.
        let clause = (comma2 + 1..k - 1)
            .find(|&i| s.lower(i).is_some_and(|w| FINITE_AUX.contains(&w)))
            .is_some_and(|a| {
                !(comma2 + 1..a).any(|i| s.lower(i).is_some_and(|w| CLAUSE_OPENERS.contains(&w)))
            });
        if clause && !holds_anonymity_clause(s, comma2 + 1, k - 1) {
            return None;
        }
        // "in Dunmore, Ohio,": a one-word name after a preposition and a
        // town is the town's state, not the source. ("Of Carson, Levine,
        // who …, said": an "Of" opening the sentence names the topic.)
        let place = |np: &Np| {
            (np.end == np.start + 1 || np.end == np.start + 2 && two_word_place(s, np.start))
                && np.start >= 3
                && s.is_punct(np.start - 1, ',')
                && s.is_capitalised(np.start - 2)
                && s.lower(np.start - 3).is_some_and(|w| {
                    matches!(w, "in" | "from" | "at" | "near") || w == "of" && np.start > 3
                })
        };
        // "he, once again, pledged", "She, too, said": a pronoun keeps its
        // verb across a few adverbs between commas.
        let adverbs = k - 2 - comma2 <= 3
            && (comma2 + 1..k - 1).all(|i| {
                s.lower(i).is_some_and(|w| {
                    BETWEEN.contains(w)
                        || DISCOURSE.contains(w)
                        || matches!(w, "too" | "though" | "again" | "in" | "turn")
                })
            });
        if adverbs && comma2 > 0 && s.lower(comma2 - 1).is_some_and(|w| PRONOUNS.contains(w)) {
            return Some(Np::pronoun(comma2 - 1));
        }
        if let Some(np) = name_np_exact(s, comma2 + 1, k - 1) {
            return if place(&np) {
                placed_source(s, comma2, k, verb)
            } else {
                Some(np)
            };
        }
        // "Sen. Jo Isakson (R-Ga.), one of the authors, said": the source
        // ends before its parenthesis.
        let name_end = if comma2 > 1 && s.is_punct(comma2 - 1, ')') {
            (comma2.saturating_sub(12)..comma2 - 1)
                .rev()
                .find(|&i| s.is_punct(i, '('))
                .unwrap_or(comma2)
        } else {
            comma2
        };
        let pre_start = boundary_back(s, name_end);
        if pre_start >= name_end {
            return None;
        }
        let classified = classify_read(s, pre_start, name_end, verb);
        let np = classified.0;
        // "One engineer, who asked not to be named, said": whoever the
        // anonymity clause describes is an anonymous source. So is a
        // spokesperson, whom the table reads as the body's own voice
        // (guideline: "a role followed by the anonymity clause is
        // anonymous even when it would otherwise be an institution's
        // voice"): "A campaign spokesman, who spoke on condition of
        // anonymity, said"; a person's name stays named.
        // (The named case first: it is one compare, the clause a scan.)
        if np.is_none_or(|np| np.kind != SourceKind::Named || np.rule == Rule::Institution)
            && holds_anonymity_clause(s, comma2 + 1, k - 1)
        {
            // (The words just classified, when the name had no
            // parenthesis: read once.)
            let np = if name_end == comma2 {
                common_np_after(s, pre_start, comma2, verb, classified)
            } else {
                common_np(s, pre_start, comma2, verb)
            }
            .map_or(
                Np {
                    start: pre_start,
                    end: comma2,
                    kind: SourceKind::Anonymous,
                    rule: Rule::AppositiveAnonymityClause,
                },
                |np| Np {
                    kind: SourceKind::Anonymous,
                    rule: Rule::AppositiveAnonymityClause,
                    ..np
                },
            );
            return Some(np);
        }
        // "Two analysts, Ana Ruiz and Tom Abara, said", "another pastor,
        // Dan Whit of Grace Church, said", "one delegate, party chair Nia
        // Worley, said": a person's name in the appositive names the
        // unnamed people before it, so it is the source.
        // Only for a subject with one appositive, the unnamed words opening
        // their clause ("Sandy Ruiz, a nurse from Hull, a port, said" is
        // Sandy Ruiz's), and the name filling the appositive from its
        // first word (not "the aides, led by manager Jo Paz, said"); not a
        // vague group's example ("some residents, including Jo Paz, said").
        let named_inside = || {
            let one_appositive = pre_start == 0 || !s.is_punct(pre_start - 1, ',');
            // "the" only before a name ("The Harbour Gazette's Jo Paz").
            let opener = s.lower(comma2 + 1).is_some_and(|w| {
                PREPOSITIONS.contains(w)
                    || DETERMINERS.contains(w) && !(w == "the" && s.is_capitalised(comma2 + 2))
                    || matches!(w, "including" | "like" | "such" | "especially" | "notably")
                    // "admit 250,000 Syrians": the comma of a number.
                    || s.is_number(comma2 + 1)
            });
            // ("another pastor, Tom Ward of Grace Church in Marion, said":
            // a person placed by an organisation and its town, as before a
            // verb; decision, round 40: or by "from", "one panel member,
            // Professor Ana Ruiz from the University of Kent, says", as
            // before a verb, where the role before the comma was the
            // source, anonymous, or none was read.)
            (one_appositive && !opener)
                .then(|| {
                    classify(s, comma2 + 1, k - 1, verb)
                        .or_else(|| {
                            person_of_organisation(s, comma2 + 1, k - 1, &["of", "at", "from"])
                        })
                        .or_else(|| person_from(s, comma2 + 1, k - 1))
                })
                .flatten()
                .filter(|np| {
                    matches!(np.rule, Rule::Name | Rule::TitledName)
                        && np.start == comma2 + 1
                        && !place(np)
                })
        };
        let np = match np {
            Some(np) if np.kind != SourceKind::Anonymous => np,
            np => match named_inside() {
                Some(inner) => return Some(inner),
                None => np?,
            },
        };
        // "Sandy Phillips, who lost her daughter in Aurora, Colorado, in
        // July 2012, said": the state after "in Aurora," is no source.
        (np.kind != SourceKind::Pronoun && !place(&np)).then_some(np)
    }
}

/// The source after a verb ("said Jane Okafor", "said a senior official") or
/// after "according to", starting at token `i`.
pub(super) fn forward_np(s: &Sent, i: usize) -> Option<Np> {
    s.word(i)?;
    if s.lower(i).is_some_and(|w| PRONOUNS.contains(w)) {
        return Some(Np::pronoun(i));
    }
    if let Some(np) = described_then_name(s, i) {
        return Some(np);
    }
    // Role words or "the" before a name: "said council spokesperson Jane
    // Okafor", "according to the Central Bank", up to four ("according to
    // conservative talk radio host Rush Limbaugh").
    // "said lobbyist and GOP strategist Tom Reyes": two roles joined by
    // "and" before the one name; the "and" counts only after a word of the
    // role or anonymous-source lists, so "said aides and Reyes" names no
    // one person here.
    // Decision (round 26): a capitalised "The" opening the words is a
    // paper's or a body's own name written as it writes it ("according to
    // The New York Times", "said The Times"), read as "the New York Times"
    // is: where it was read as a common noun phrase, the plural "Times"
    // made an anonymous group of people.
    let the_name = s.lower(i) == Some("the") && s.is_capitalised(i);
    let mut lead = 0;
    while lead < 4
        && s.lower(i + lead).is_some_and(|w| {
            w == "the"
                || is_role_word(w)
                || w == "and"
                    && lead > 0
                    && s.lower(i + lead - 1).is_some_and(|p| {
                        WORDS.roles.contains(p) || WORDS.anonymous_heads.contains(p)
                    })
        })
        && (lead == 0 && the_name || !s.is_capitalised(i + lead))
    {
        lead += 1;
    }
    // ... and a capitalised word no name has may stand inside such a
    // name before a word that does ("according to The Sunday Times").
    if the_name
        && lead == 1
        && s.is_capitalised(i + 1)
        && s.is_word(i + 1)
        && !s.is_name_word(i + 1)
        && s.is_name_word(i + 2)
        && s.is_word(i + 2)
    {
        lead = 2;
    }
    if !s.is_name_word(i + lead) {
        lead = 0;
    }
    if s.is_name_word(i + lead) && s.is_word(i + lead) {
        let mut e = i + lead;
        loop {
            let joiner = e + 1 < s.toks.len()
                && s.lower(e).is_some_and(|w| NAME_JOINERS.contains(w))
                && s.is_name_word(e + 1)
                && s.is_capitalised(e + 1);
            if !(e < s.toks.len() && s.is_name_word(e) || joiner) {
                break;
            }
            e += 1;
        }
        // Drop a trailing sentence-final full stop that followed an initial.
        while e > i && !s.is_word(e - 1) {
            e -= 1;
        }
        // "said RNC spokesman Sean Spicer", "said former Obama adviser
        // David Axelrod": an organisation's name, a role, then the
        // person's name.
        if let Some(e2) = role_then_name(s, e) {
            return Some(Np {
                start: i,
                end: e2,
                kind: SourceKind::Named,
                rule: name_rule(s, i, e2),
            });
        }
        let np = Np {
            start: i,
            end: e,
            kind: SourceKind::Named,
            rule: name_rule(s, i, e),
        };
        // Decision (round 26): "said Ruritania's foreign ministry
        // spokesman", "according to Okafor's longtime physician": a name in
        // the possessive is the determiner of the phrase after it, which is
        // the source (read as "Ruritania's foreign ministry spokesman said"
        // is), not the name alone ("said Ruritania's").
        if e > i + lead
            && s.lower(e - 1).is_some_and(is_possessive)
            && s.word(e)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        {
            if let Some(np) = phrase_forward(s, i).filter(|np| np.end > e) {
                return Some(appositive_name_after(s, i, np));
            }
        }
        // "according to Western officials": capitalised adjective + head.
        if let Some(next) = s.lower(e) {
            if WORDS.anonymous_heads.contains(next)
                || WORDS.vague_groups.contains(next)
                || WORDS.institutions.contains(next)
            {
                return phrase_forward(s, i);
            }
        }
        return Some(np);
    }
    let np = phrase_forward(s, i)?;
    Some(appositive_name_after(s, i, np))
}

/// "said the company's chief executive, John J. Ferriola": a role read
/// from token `i` as `np`, then the person's name in apposition closing
/// the clause. The name makes the source named; the mark runs through it.
/// Reads at most six tokens after the comma.
fn appositive_name_after(s: &Sent, i: usize, np: Np) -> Np {
    if np.kind != SourceKind::Pronoun && s.is_punct(np.end, ',') {
        let a = np.end + 1;
        let mut e = a;
        while e < s.toks.len() && e < a + 6 && s.is_name_word(e) {
            e += 1;
        }
        while e > a && !s.is_word(e - 1) {
            e -= 1;
        }
        let words = (a..e).filter(|&k| s.is_word(k)).count();
        let closes = e >= s.toks.len() || matches!(s.kind(e), TokenKind::Punct(_));
        if words >= 2 && closes && s.is_word(a) {
            return Np {
                start: i,
                end: e,
                kind: SourceKind::Named,
                rule: name_rule(s, a, e),
            };
        }
    }
    np
}

/// How many words into a phrase after "according to" its record may stand
/// ("the most recent RealClearPolitics *average*").
const RECORD_HEAD_TOKENS: usize = 6;

/// After "according to", a record of information that [`forward_np`] does
/// not read as a source ("according to the most recent data available from
/// the FBI", "according to reports emerging in the news media"): a word of
/// `words/records.txt` or `words/documents.txt` among its first
/// `RECORD_HEAD_TOKENS` words. The phrase runs to punctuation or a word
/// that opens a clause; a quote mark ends it too ("the “Medicare for all”
/// document he released" is left alone: a quotation inside a source would
/// be credited to it). Guideline: a document is a
/// source, named when identified and vague when not. Identified here means
/// a capitalised word, a possessive or a personal pronoun inside the
/// phrase ("the average of polls compiled by Real Clear Politics", "her
/// account", "the document he released"); "according to reports emerging
/// in the news media" identifies nothing. "According to plan" and
/// "according to the rules" cite no record: no source.
///
/// With `any_head`, the record word is not required: the caller already
/// knows the phrase names a thing, not a person (see `verbs::attribution`).
pub(super) fn cited_record(s: &Sent, i: usize, any_head: bool) -> Option<Np> {
    let (mut e, mut record, mut identified) = (i, false, false);
    while e < s.toks.len() && e - i < FORWARD_TOKENS {
        match s.lower(e) {
            Some(
                "that" | "which" | "who" | "as" | "because" | "if" | "but" | "and" | "when"
                | "while" | "though" | "than",
            ) => break,
            Some(w) => {
                record |=
                    e - i < RECORD_HEAD_TOKENS && (RECORDS.contains(w) || DOCUMENTS.contains(w));
                identified |= s.is_capitalised(e)
                    || crate::text::is_possessive(w)
                    || matches!(w, "his" | "her" | "their" | "its" | "he" | "she" | "they");
            }
            None if s.is_abbreviation_dot(e) => {}
            None => break,
        }
        e += 1;
    }
    while e > i && !s.is_word(e - 1) {
        e -= 1;
    }
    ((record || any_head) && e > i).then_some(Np {
        start: i,
        end: e,
        kind: if identified {
            SourceKind::Named
        } else {
            SourceKind::Vague
        },
        rule: if identified {
            Rule::IdentifiedDocument
        } else {
            Rule::UnidentifiedDocument
        },
    })
}

/// A lowercase noun phrase after a verb, up to punctuation or a stop word.
pub(super) fn phrase_forward(s: &Sent, i: usize) -> Option<Np> {
    let mut e = i;
    // "a report published yesterday by the transport committee": after a
    // document's participle, a time word does not end the phrase.
    let mut published = false;
    while e < s.toks.len() && e - i < FORWARD_TOKENS {
        match s.lower(e) {
            Some("published" | "released" | "issued") => {
                published = true;
                e += 1;
            }
            Some(w)
                if published
                    && matches!(
                        w,
                        "yesterday" | "today" | "on" | "last" | "this" | "earlier"
                    ) =>
            {
                e += 1
            }
            // "briefed on the inquiry", "involved in the talks": the
            // preposition belongs to the insider phrase.
            // "people in attendance", "a source on the call": where the
            // people were is what makes them insiders.
            Some(w)
                if FORWARD_STOP.contains(w)
                    && e > i
                    && !s.lower(e - 1).is_some_and(|p| INSIDER.contains(p))
                    && !(w == "in" && s.lower(e + 1) == Some("attendance")
                        || w == "on"
                            && s.lower(e + 1) == Some("the")
                            && s.lower(e + 2) == Some("call")) =>
            {
                break
            }
            Some("who") => {
                // Keep an anonymity clause ("who asked not to be named"),
                // drop any other relative clause.
                // `starts_with` reads no further than the clause, so a
                // sentence of thousands of "who"s stays linear.
                let start = s.toks[e].span().start();
                let last = s
                    .toks
                    .last()
                    .map_or(s.toks[e].span().end(), |t| t.span().end());
                let rest = s.lower_span(ByteSpan::new(start, last));
                if let Some(len) = opening_clause_len(rest) {
                    // ... to the end of the clause: "who was granted
                    // anonymity to discuss private talks".
                    let clause = ByteSpan::new(start, start + len);
                    let clause = extend_clause(s, clause, s.first_from(clause.end()));
                    while e < s.toks.len() && s.toks[e].span().end() <= clause.end() {
                        e += 1;
                    }
                }
                break;
            }
            Some(_) => e += 1,
            None if s.is_abbreviation_dot(e) => e += 1,
            None => break,
        }
    }
    if e <= i {
        return None;
    }
    let np = common_np(s, i, e, "said")?;
    // "said its director, Omar Siddiqui": after the verb a role behind a
    // possessive pronoun is left to the name that follows it.
    if np.rule == Rule::OfficeHolder
        && s.lower(i)
            .is_some_and(|w| matches!(w, "his" | "her" | "their" | "its" | "our" | "whose"))
    {
        return None;
    }
    // The phrase must start where the verb left off.
    (np.start == i).then_some(np)
}

/// How far into its sentence a participle may stand and still take the
/// sentence's subject as its source.
const PARTICIPLE_TOKENS: usize = 40;

/// How long a fronted phrase opened by a preposition or a subordinator may
/// be ("At a rally in Dunmore, Ohio, on Tuesday, …").
const FRONTED_PHRASE_TOKENS: usize = 24;

/// How far into a sentence a wire-service dateline's dash may be
/// ("ORLANDO, Fla. (Reuters) - …").
const DATELINE_TOKENS: usize = 10;

/// The subject of the clause a participle hangs on ("*The ministry*
/// released a statement on Monday, saying …", "*He* shook hands, telling
/// …"): the sentence's opening noun phrase, after any opening adverbial that
/// ends in a comma ("On Monday, …"). Only a pronoun, a name (with "the" and
/// role words before it, and an institution word after it: "the Sanders
/// campaign") or a short common phrase whose head is a listed source word
/// ("the ministry", "a senior official"); anything else is too unsure.
/// `end` is the token before the participle (a comma, a dash or "by").
pub(super) fn clause_subject(s: &Sent, end: usize, verb: &'static str) -> Option<Np> {
    // "Protest groups say …, and the port authority has sued the city,
    // saying …": the subject of the nearest clause joined by ", and", ",
    // but" or ";" (at most COORDINATE_TOKENS back), when it has one. After
    // a capitalised word ", and" may end a list of names ("Reyes, Hale,
    // and Okafor"), so it opens a clause only after a lowercase one.
    let coordinate = (end.saturating_sub(COORDINATE_TOKENS).max(2)..end)
        .rev()
        .find(|&i| {
            s.is_punct(i, ';')
                || s.is_punct(i - 1, ',')
                    && s.lower(i).is_some_and(|w| w == "and" || w == "but")
                    && s.is_word(i - 2)
                    && !s.is_capitalised(i - 2)
        });
    if let Some(np) = coordinate.and_then(|c| {
        let mut a = c + 1;
        while a < end && s.lower(a).is_some_and(|w| DISCOURSE.contains(w)) {
            a += 1;
        }
        subject_at(s, a, end, verb)
    }) {
        return Some(np);
    }
    if end > PARTICIPLE_TOKENS {
        return None;
    }
    // "Meanwhile, it attacked Trump, saying …": a discourse word and the
    // comma after it.
    let skip_discourse = |mut a: usize| {
        while a < end && s.lower(a).is_some_and(|w| DISCOURSE.contains(w)) {
            a += 1;
            if a < end && s.is_punct(a, ',') {
                a += 1;
            }
        }
        a
    };
    // "WASHINGTON — Sen. Ana Ruiz …", "LAGOS (Reuters) - The ministry …":
    // a dateline before the subject.
    let dateline = (s.word(0).is_some_and(|w| w.len() > 1) && s.toks[0].is_all_caps())
        .then(|| (1..end.min(7)).find(|&i| is_dash(s, i)))
        .flatten()
        .filter(|&d| {
            (1..d).all(|i| {
                s.word(i)
                    .is_none_or(|w| w.chars().all(|c| !c.is_lowercase()))
                    || s.is_punct(i - 1, '(')
            })
        })
        // "Washington (AFP) – …", "ORLANDO, Fla. (Reuters) - …": a place
        // in any case when a wire service's parenthesis ends it; also with
        // a date ("WASHINGTON, Dec. 8 (UPI) — …").
        .or_else(|| {
            (2..end.min(DATELINE_TOKENS))
                .find(|&i| is_dash(s, i))
                .filter(|&d| {
                    s.is_punct(d - 1, ')')
                        && (0..d).all(|i| {
                            s.word(i).is_none_or(|w| {
                                s.is_capitalised(i) || w.bytes().all(|b| b.is_ascii_digit())
                            })
                        })
                })
        });
    let mut a = skip_discourse(dateline.map_or(0, |d| d + 1));
    // "Shortly after the call ended, Ruiz's campaign …": an -ly adverb
    // before a preposition opens the phrase (see `names::leading_name`);
    // so before a participle ("Hastily blaming the council, Ruiz …").
    let opener = |w: &str| PREPOSITIONS.contains(w) || BOUNDARY.contains(w);
    if s.lower(a).is_some_and(is_ly_adverb)
        && (s.lower(a + 1).is_some_and(opener) || opens_participle_phrase(s, a + 1, opener))
    {
        a += 1;
    }
    if opens_participle_phrase(s, a, opener) {
        // "Continuing his attack, Carson …": the phrase may hold commas of
        // its own ("Chastened by the analyses, as well as complaints over
        // its costs, Trump …"): the comma before a name or a pronoun ends
        // it, or a dash ("Hastily blaming the council — as he did last
        // year — Ruiz …").
        let comma = (a + 1..end.min(a + 24)).find(|&i| {
            (s.is_punct(i, ',') || is_dash(s, i))
                && (s.is_name_word(i + 1) && s.is_word(i + 1)
                    || s.lower(i + 1).is_some_and(|w| PRONOUNS.contains(w)))
        })?;
        a = skip_discourse(comma + 1);
    } else if s.lower(a).is_some_and(opener) {
        // "On Monday, the ministry …", "In a statement, Okafor …". "At a
        // rally in Dunmore, Ohio, on Tuesday, Ruiz …": the phrase runs on
        // past a state after its town and past a comma before another
        // preposition.
        let name_or_dot = |i: usize| s.is_name_word(i) || s.is_punct(i, '.');
        let ends_phrase = |c: usize| {
            // "Dunmore, N.H.,": one word (or initials) after a town.
            let state = c > 0
                && s.is_capitalised(c - 1)
                && (c + 2..c + 7).find(|&i| !name_or_dot(i)).is_some_and(|n| {
                    s.is_punct(n, ',')
                        && (c + 1..n)
                            .filter(|&i| s.word(i).is_some_and(|w| w.len() > 1))
                            .count()
                            <= 1
                });
            // "Ohio, last week, Ruiz", "N.H., on Tuesday, Ruiz".
            let more = s.lower(c + 1).is_some_and(|w| {
                PREPOSITIONS.contains(w) || w == "last" || w == "this" || is_fronted(w)
            });
            !state && !more
        };
        // "As rivals called for a bigger effort against the Islamic State,
        // also known as ISIL, Trump hewed …": of the commas that may end
        // the phrase, the first with a subject after it; else the first.
        let commas = || {
            (a + 1..end.min(a + FRONTED_PHRASE_TOKENS))
                .filter(|&c| s.is_punct(c, ',') && ends_phrase(c))
        };
        let comma = commas()
            .find(|&c| subject_at(s, skip_discourse(c + 1), end, verb).is_some())
            .or_else(|| commas().next())?;
        a = skip_discourse(comma + 1);
    } else if let Some(comma) = fronted_time_comma(s, a, end) {
        // "Later on Sunday, Carson …", "A few days later, Trump …".
        a = skip_discourse(comma + 1);
    } else if let Some(comma) = (a == 0
        && s.is_capitalised(0)
        && s.lower(0).is_some_and(is_ing_word)
        && s.word(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())))
    .then(|| {
        (2..end.min(FRONTED_PHRASE_TOKENS)).find(|&i| {
            s.is_punct(i, ',')
                && (s.is_name_word(i + 1) && s.is_capitalised(i + 1)
                    || s.lower(i + 1).is_some_and(|w| PRONOUNS.contains(w)))
        })
    })
    .flatten()
    {
        // "Facing criticism from Republicans, Mr. Trump released a
        // statement insisting …": an -ing word and any phrase before the
        // comma and a name or a pronoun. With no such comma the word may be
        // a name ("Manning left the room, saying …") and stays the subject.
        a = skip_discourse(comma + 1);
    }
    subject_at(s, a, end, verb)
}

/// How many tokens the subject after a sentence-opening participle phrase
/// may run to ([`fronted_subject`]).
const FRONTED_SUBJECT_TOKENS: usize = 10;

/// The subject at token `a`, right after the comma of a participle phrase
/// that opens the sentence ("After saying she was tired, *Okafor* left"):
/// read as a clause's subject ([`clause_subject`]'s rules), within
/// FRONTED_SUBJECT_TOKENS.
pub(super) fn fronted_subject(s: &Sent, a: usize, verb: &'static str) -> Option<Np> {
    let a = (a..s.len()).find(|&i| !s.lower(i).is_some_and(|w| DISCOURSE.contains(w)))?;
    subject_at(s, a, (a + FRONTED_SUBJECT_TOKENS).min(s.len()), verb)
}

/// How far back from a participle's comma [`clause_subject`] looks for the
/// ", and" or ";" that opens its clause.
const COORDINATE_TOKENS: usize = 24;

/// The subject opening a clause at token `a` whose participle hangs at
/// `end` (see [`clause_subject`]).
fn subject_at(s: &Sent, a: usize, end: usize, verb: &'static str) -> Option<Np> {
    if a >= end {
        return None;
    }
    // "She’s comparing the levy to a fine and says": a contracted one too.
    // "I laughed and said": the first person (see `verbs`, "I told").
    if s.lower(a)
        .is_some_and(|w| PRONOUNS.contains(w) || contracted_pronoun(w).is_some())
        || is_first_person(s, a)
    {
        return (a + 1 < end && s.is_word(a + 1)).then_some(Np::pronoun(a));
    }
    let mut e = a;
    // "His chief aide doubled down …, saying": a possessive pronoun is a
    // determiner here.
    if s.lower(e).is_some_and(|w| {
        DETERMINERS.contains(w) || matches!(w, "his" | "her" | "their" | "its" | "our")
    }) {
        e += 1;
    }
    let names = e;
    while e < end && s.is_name_word(e) {
        e += 1;
    }
    // "Sen. Ana Ruiz (D-N.M.) defended …": the parenthesis after a name.
    let mut paren = None;
    if e > names && s.is_punct(e, '(') {
        if let Some(close) = (e + 1..end.min(e + 10)).find(|&i| s.is_punct(i, ')')) {
            paren = Some(e);
            e = close + 1;
        }
    }
    // "Buses that now cross the bridge …": one capitalised plural opening
    // the sentence is a common noun.
    if e == names + 1
        && names == 0
        && s.lower(0).is_some_and(|w| w.ends_with('s'))
        && s.lower(1)
            .is_some_and(|w| matches!(w, "that" | "which" | "who" | "from" | "of" | "in" | "on"))
    {
        return None;
    }
    let head = |w: &str| {
        WORDS.institutions.contains(w)
            || WORDS.roles.contains(w)
            || WORDS.anonymous_heads.contains(w)
    };
    if e > names {
        // "Clinton's top aide rallied supporters, saying": a possessive
        // name is a determiner when up to two lowercase words and a head
        // follow it.
        if s.word(e - 1).is_some_and(is_possessive) {
            if let Some(h) = (e..(e + 3).min(end))
                .take_while(|&i| s.is_word(i) && !s.is_capitalised(i))
                .find(|&i| s.lower(i).is_some_and(|w| head(w) || looks_like_person(w)))
            {
                e = h + 1;
            }
        }
        // "the Sanders campaign".
        if s.lower(e).is_some_and(head) && !s.is_capitalised(e) {
            e += 1;
            // "Democratic candidate Hillary Clinton has …": a role between
            // a party or a place and the name it titles.
            while e < end && s.is_name_word(e) {
                e += 1;
            }
        }
    } else {
        // "the ministry", "a senior official": up to three lowercase words,
        // the last a source word.
        let last = (e..(e + 3).min(end))
            .take_while(|&i| s.is_word(i) && !s.is_capitalised(i))
            .filter(|&i| s.lower(i).is_some_and(head))
            .last();
        e = match last {
            // "the former secretary of state mocked …": "of" and one
            // lowercase word after the head belong to it.
            Some(last)
                if s.lower(last + 1) == Some("of")
                    && last + 3 < end
                    && [last + 2, last + 3]
                        .iter()
                        .all(|&i| s.is_word(i) && !s.is_capitalised(i)) =>
            {
                last + 3
            }
            // "The party chairman Chuck Williams declined …, saying": the
            // name a role titles runs on after it.
            Some(last) => {
                let mut e = last + 1;
                while e < end && s.is_name_word(e) && s.is_capitalised(e) {
                    e += 1;
                }
                e
            }
            // "The retired surgeon has given no details, saying": a
            // definite description of someone met earlier, up to four
            // words before its verb (an auxiliary, a form in -ed or an
            // irregular past of `words/speaker_irregular.txt`: "The
            // billionaire businessman began by …, saying"); the rule table
            // decides whether it speaks. A form in -ed may have four
            // letters ("The nurse sued, saying", "fled", "died"), but for
            // the nouns in -eed ("need", "seed").
            None if e > a => {
                let verb = (e + 1..(e + 5).min(end))
                    .take_while(|&i| s.is_word(i))
                    .find(|&i| {
                        !s.is_capitalised(i)
                            && s.lower(i).is_some_and(|w| {
                                FINITE_AUX.contains(&w)
                                    || (w.len() > 4 || w.len() == 4 && !w.ends_with("eed"))
                                        && w.ends_with("ed")
                                    || SPEAKER_IRREGULAR.contains(w)
                            })
                    })?;
                // "In August, several environmental groups granted him an
                // extension, saying …", "His critics denounced him,
                // saying": after another determiner or a possessive
                // pronoun, only when the head before the verb names people
                // or is plural ("a screen image showed …" is no one).
                let people = s.lower(verb - 1).is_some_and(|w| {
                    looks_like_person(w) || is_plural(w) && !s.is_capitalised(verb - 1)
                });
                if s.lower(a) != Some("the") && !people {
                    return None;
                }
                verb
            }
            None => return None,
        };
    }
    // The subject is followed by its verb (a lowercase word) or an
    // appositive.
    let next_ok = s.is_punct(e, ',')
        || s.word(e)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    if e <= a || e >= end || !next_ok {
        return None;
    }
    classify(s, a, paren.unwrap_or(e), verb).filter(|np| np.start >= a)
}

/// The comma closing a fronted time phrase that opens a sentence at token
/// `a` ("Later on Sunday,", "Earlier this week,", "A few days later,",
/// "Last month,"), if there is one within a few tokens: the phrase starts
/// or ends with a word of [`FRONTED`] or ends with a year.
fn fronted_time_comma(s: &Sent, a: usize, end: usize) -> Option<usize> {
    let comma = (a + 1..end.min(a + 8)).find(|&i| s.is_punct(i, ','))?;
    if (a..comma).any(|i| !s.is_word(i) && !s.is_abbreviation_dot(i)) {
        return None;
    }
    let fronted = |i: usize| {
        s.lower(i).is_some_and(is_fronted)
            || s.word(i)
                .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    // "Ruiz endorsed Teal in early June, but …" is a clause, not a time
    // phrase: no past form in -ed before a time word ending it.
    let clause = || {
        (a..comma).any(|i| {
            !s.is_capitalised(i) && s.lower(i).is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
        })
    };
    (fronted(a) || s.lower(a) == Some("last") || fronted(comma - 1) && !clause()).then_some(comma)
}

/// How far back from "and" [`local_subject`] looks for its clause's start.
const LOCAL_TOKENS: usize = 16;

/// "when Ruiz thanked the crowd and said", "…, Mrs. Teal shook her head
/// and said": the name or pronoun opening the clause whose second verb
/// follows the "and" at token `and`, right after the nearest comma or
/// subordinator a few words back, and followed by its own lowercase verb.
pub(super) fn local_subject(s: &Sent, and: usize) -> Option<Np> {
    let b = (and.saturating_sub(LOCAL_TOKENS)..and).rev().find(|&i| {
        s.is_punct(i, ',')
            || s.lower(i).is_some_and(|w| {
                BOUNDARY.contains(w) && !matches!(w, "and" | "or" | "nor" | "but" | "than")
            })
    })?;
    // "Paul suggested that Rubio was soft on spending and argued …",
    // "Sullivan put off deciding whether the group could question her but
    // said …": a clause opened by "that", "whether" or "if" is what the
    // first verb says or asks, so the verb after "and" is the outer
    // subject's (found by `clause_subject`).
    if s.lower(b)
        .is_some_and(|w| matches!(w, "that" | "whether" | "if"))
    {
        return None;
    }
    let a = b + 1;
    let mut e = a;
    while e < and && s.is_name_word(e) {
        e += 1;
    }
    let pronoun =
        e == a && (s.lower(a).is_some_and(|w| PRONOUNS.contains(w)) || is_first_person(s, a));
    let e = e + usize::from(pronoun);
    // The verb may be one word ("…, I laughed and said").
    let verb = e < and
        && s.word(e)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        && !s
            .lower(e)
            .is_some_and(|w| BOUNDARY.contains(w) || PREPOSITIONS.contains(w));
    if !verb {
        return None;
    }
    if pronoun {
        return Some(Np::pronoun(a));
    }
    name_np_exact(s, a, e)
}

/// Words that may stand straight before a subject pronoun without making
/// the pronoun part of a longer noun phrase: fronted adverbs and the ends
/// of fronted time phrases ("*Then* she added", "*In 2011* he said", "*On
/// Monday night* she told", "*A month later* he explained").
/// Subordinators and discourse words come from `boundary.txt` and
/// `discourse.txt`; "that" is left out ("Okafor said that he warned …" is
/// a statement inside hers).
const FRONTED: &[&str] = &[
    "then", "later", "earlier", "recently", "soon", "ago", "again", "since", "once", "also",
    "instead", "now", "here", "there", "who", "whom", "what", "summer", "winter", "spring", "fall",
    "autumn",
    // "Hours after the vote, Ruiz rallied supporters, saying": a span of
    // time before "after" or "later".
    "moments", "minutes", "hours", "days", "weeks", "months", "years",
];

/// A word of [`FRONTED`], a month, or a day or time word
/// ([`is_time_word`]: "On Monday night she told").
fn is_fronted(w: &str) -> bool {
    FRONTED.contains(&w) || MONTHS.contains(&w) || is_time_word(w)
}

/// A subject pronoun straight before the verb at token `k`, after a fronted
/// adverbial or a subordinator rather than a noun ("Then *she* added",
/// "In 2011 *he* said", "Although in September *she* said", "when *he*
/// announced"). [`classify`] refuses a pronoun ending a longer phrase ("told
/// the panel she had warned them"); this is the case where what precedes it
/// cannot be a noun phrase the pronoun ends.
pub(super) fn fronted_pronoun(s: &Sent, k: usize, lemma: &str) -> Option<Np> {
    let p = k.checked_sub(1)?;
    if p == 0
        || !s
            .lower(p)
            .is_some_and(|w| w.len() <= 4 && PRONOUNS.contains(w))
    {
        return None;
    }
    let before = p - 1;
    // "The polls close at 7 p.m. He says …": a capitalised pronoun inside
    // a sentence opens one the splitter kept joined after an abbreviation.
    let fronted = s.is_capitalised(p)
        || s.is_punct(before, '(')
        || s.word(before)
            .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        || s.lower(before).is_some_and(|w| {
            w != "that"
                && (is_fronted(w)
                    || BOUNDARY.contains(w)
                    || DISCOURSE.contains(w)
                    || is_ly_adverb(w))
        })
        || lemma != "write" && lemma != "tweet" && unreported_pronoun(s, p);
    fronted.then_some(Np::pronoun(p))
}

/// How far back [`unreported_pronoun`] looks for a verb of saying.
const REPORTED_TOKENS: usize = 8;

/// "so fired up about the deal *he* said", "by the time *she* told": a
/// person's subject pronoun after a noun that ends a phrase of its own (the
/// clause's "that" left out), when no verb of saying or believing stands in
/// the [`REPORTED_TOKENS`] before it. With one there, the pronoun's clause
/// is the words that verb reports ("told the panel she had warned them"),
/// not the article's sourcing. Not "the book she wrote", "the study they
/// wrote" (a work's author) nor "he tweeted" (the tweet is the words).
/// The look-back stops at a ", but" or ", and" that opens the pronoun's
/// own clause ("…, but even now at 86 she still says"): the words before
/// it are another clause's.
fn unreported_pronoun(s: &Sent, p: usize) -> bool {
    if !(s.lower(p).is_some_and(|w| w != "it") && s.is_word(p - 1)) {
        return false;
    }
    for i in (p.saturating_sub(REPORTED_TOKENS)..p).rev() {
        if comma_and_or_but(s, i) {
            return true;
        }
        if !s.is_word(i)
            || s.lower(i)
                .is_some_and(|w| VERB_WORDS.contains(w) || TELLS_A_CLAUSE.contains(&w))
        {
            return false;
        }
    }
    true
}

/// Verbs outside the lexicons that take a listener and then a clause
/// ("reminded the council she warned them", "assured voters he would"):
/// the pronoun after their object opens the words they report.
const TELLS_A_CLAUSE: &[&str] = &[
    "reminded",
    "reminds",
    "remind",
    "assured",
    "assures",
    "assure",
    "informed",
    "informs",
    "convinced",
    "persuaded",
    "showed",
    "shows",
    "taught",
];

/// The auxiliary a contracted subject pronoun carries ("he’s said", "she’s
/// predicting", "they’ve argued", "he’d told"), if `w` (lowercase) is one:
/// `Some("s")`, `Some("ve")`, ….  "it’s" is left out ("it’s said that" is
/// the impersonal hedge).
pub(super) fn contracted_pronoun(w: &str) -> Option<&str> {
    // At most "they’ll" (the curly apostrophe is three bytes).
    if w.len() > 9 {
        return None;
    }
    // The pronoun, then the apostrophe, by prefixes: no search.
    let rest = (w.strip_prefix("he"))
        .or_else(|| w.strip_prefix("she"))
        .or_else(|| w.strip_prefix("they"))?;
    let tail = rest.strip_prefix('’').or_else(|| rest.strip_prefix('\''))?;
    matches!(tail, "s" | "ve" | "re" | "d" | "ll").then_some(tail)
}

/// How many words of description [`described_then_name`] reads before the
/// name.
const DESCRIPTION_WORDS: usize = 4;

/// "said 9/11 widow Tara Stone", "said Army veteran Tara Stone", "said
/// master of ceremonies Asab Tabchi": a few words describing the person
/// (at most [`DESCRIPTION_WORDS`], the last lower case, any a number such
/// as "9/11", none a word that opens a clause or a time phrase), then a
/// name of two or more words that ends the clause. The name is the
/// source; the description stays in the mark as role words do.
fn described_then_name(s: &Sent, i: usize) -> Option<Np> {
    // The name starts after a lower-case word ("widow Tara Stone"): found
    // first, on the capitals alone, before any word list is read.
    let a = (i + 1..(i + DESCRIPTION_WORDS + 2).min(s.toks.len()))
        .find(|&a| s.is_capitalised(a) && s.is_word(a - 1) && !s.is_capitalised(a - 1))?;
    let plain = |k: usize| {
        s.lower(k).is_some_and(|w| {
            w == "of"
                || !(PREPOSITIONS.contains(w)
                    || BOUNDARY.contains(w)
                    || PRONOUNS.contains(w)
                    || FORWARD_STOP.contains(w)
                    || is_time_word(w)
                    || MONTHS.contains(&w)
                    || matches!(w, "that" | "to" | "and" | "or" | "but"))
        }) || s.is_punct(k, '/')
            && k > i
            && s.word(k - 1)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
            && s.word(k + 1)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    };
    let words = (i..a).filter(|&k| s.is_word(k)).count();
    if words > DESCRIPTION_WORDS || !(i..a).all(plain) {
        return None;
    }
    let mut e = a;
    while e < s.toks.len() && e < a + 4 && s.is_name_word(e) && s.is_word(e) {
        e += 1;
    }
    let closes = e >= s.toks.len() || matches!(s.kind(e), TokenKind::Punct(_));
    // "said a Vermont Democrat", "said one top Senate Republican": a
    // counted party member is no name; the phrase is read as a common
    // one ([`counted_party_member`]).
    if counted_party_member(s, i, a, e) {
        return None;
    }
    (e >= a + 2 && closes).then(|| Np {
        start: i,
        end: e,
        kind: SourceKind::Named,
        rule: name_rule(s, a, e),
    })
}

/// After a name ending at token `e` ("RNC", "Obama"), one or two lowercase
/// words ending in a role or insider word ("spokesman", "campaign
/// manager", "adviser") and then a person's name of two or more words:
/// where that name ends. "said RNC spokesman Sean Spicer" names Sean
/// Spicer, with his organisation and role before him.
fn role_then_name(s: &Sent, e: usize) -> Option<usize> {
    let is_role = |i: usize| {
        !s.is_capitalised(i)
            && s.lower(i)
                .is_some_and(|w| WORDS.roles.contains(w) || WORDS.anonymous_heads.contains(w))
    };
    let r = if is_role(e) {
        e + 1
    } else if s.is_word(e) && !s.is_capitalised(e) && is_role(e + 1) {
        e + 2
    } else {
        return None;
    };
    let mut n = r;
    while n < s.toks.len() && n < r + 4 && s.is_name_word(n) && s.is_word(n) {
        n += 1;
    }
    (n >= r + 2).then_some(n)
}

/// "I" at token `i`: the first person as a subject ("I told the judge", "I
/// laughed and said"). Decision: a source, marked named with its own
/// explanation (see `verbs::attribution`).
pub(super) fn is_first_person(s: &Sent, i: usize) -> bool {
    // (The lower-case word first, one compare: most words are no "i".)
    s.lower(i) == Some("i") && s.word(i) == Some("I")
}
