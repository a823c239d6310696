//! Context rules of questions and conditions (`if-could`,
//! `embedded-question`): a modal inside a question someone asks ("asked
//! whether she might run", "no idea how they could pay") or a condition
//! ("if they could vote freely") softens no claim of the writer's. Moved
//! out of the parent module in round 28; the rule log stays there.

use super::*;

/// Words after which "how", "what", "who" … open a question
/// (`is_embedded_question`): "asked what that might look like", "wonder
/// how it could", since round 29 "easy to imagine what they might say",
/// "failed to anticipate how large the losses might be", "there is no
/// telling how far it may go", "did not mention what steps might be
/// taken", since round 40 "is studying how heat stress might affect
/// workers", since round 41 "haven't clarified what those might be",
/// "worried what the free food might do", "to limit how far prices could
/// fall" ("about" and "over" are read in the rule).
const QUESTION_TAKERS: &str = "ask asks asked asking wonder wonders wondered \
    wondering explain explains explained explaining know knows knew see tell predict \
    decide decides decided deciding determine determined figure ponder pondered \
    pondering consider considering discuss discussed discussing debate debated \
    debating question questioned questioning unclear clear sure idea uncertain \
    imagine imagined imagining anticipate anticipated anticipating telling mention mentioned \
    specify specified understand understands understood understanding investigate \
    investigates investigated investigating establish establishes established establishing \
    assess assesses assessed assessing examine examines examined examining learn learns \
    learned learning study studies studied studying explore explores explored exploring \
    probe probes probed probing clarify clarifies clarified clarifying disclose discloses \
    disclosed disclosing worried worry limit limits limited limiting";

/// Verbs that take a question after "out" (`is_embedded_question`): "find
/// out how", "worked out what" ("figure" is a question taker itself).
const FINDERS: &str = "find finds found finding work works worked working sort sorts sorted \
    sorting";

/// Verbs that show a way of doing a thing, before "how" only
/// (`is_embedded_question`, round 43): "a demonstration showing how data
/// could be processed" tells a manner, asks how, and puts no doubt.
const SHOWERS: &str = "show shows showed showing shown demonstrate demonstrates demonstrated \
    demonstrating illustrate illustrates illustrated illustrating";

/// Nouns of telling before "about how" (`is_embedded_question`, round
/// 43): "information about how firms could protect themselves", "advice
/// on how savers might" answer a question of how, where a bare "about
/// how" mostly puts a possibility ("warned about how the cuts could hurt").
const TELLING_NOUNS: &str = "information advice guidance details tips instructions";

/// Nouns before "of how …" that ask rather than state: "no hint of how
/// they might", "some idea of what could happen".
const QUESTION_NOUNS: &str = "hint idea sense picture indication clue question questions \
    glimpse notion understanding";

/// Words that end a long subject after "whether" (`if-could`, round 34):
/// a verb of its own or a clause word puts the modal outside the question.
const OUTSIDE_WHETHER: &str = "to who which that can will would is are was were has have had \
    do does did may might could should must";

/// Pronouns that make a whole subject between "if" and "could" (rule
/// `if-could`): "if they could vote freely".
const IF_SUBJECTS: &[&str] = &[
    "i",
    "you",
    "he",
    "she",
    "it",
    "we",
    "they",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    // Round 27: "whether or not this could mean a joint ticket".
    "this",
    "that",
    // Round 44: the existential subject ("He wondered if there might be a
    // way to …", "asked whether there could be a deal"): a question asked
    // or a condition, as "if it could" is.
    "there",
];

impl<'a> Context<'a> {
    /// Rule `if-could` (round 14): "could" right after the subject of an
    /// if-clause is the condition, not the writer's doubt: "if I could
    /// snap my fingers, I'd do it", "even if they could vote freely",
    /// "asked if the ferry crew could wait". The subject is one pronoun, a
    /// determiner and up to two words, or up to three capitalised words
    /// ("if Ada Brandt could"); nothing else, so the main clause after a
    /// reduced if-clause stays a hedge ("if elected he could win", "the
    /// strike, if it spreads, could close the port"). Since round 24 a
    /// "whether" clause too ("not clear whether the board could block
    /// it"): a question asked, as "asked if" is; since round 27 also after
    /// a bare plural of two words ("whether party insiders could draft"),
    /// since round 32 after "whether" any two words ("whether pot smoking
    /// might lead to"), since round 34 after "whether" up to seven words,
    /// since round 41 after "if" a gerund and one or two words ("if
    /// slowing things down could").
    /// Reads eight tokens back.
    pub(super) fn is_if_could(&self) -> bool {
        // (Through [`Self::back`]: the other rules for "could" have read
        // these words already.)
        for k in 2..=4 {
            match self.back(k) {
                // Round 24: "whether" as "if" ("not clear whether Ada
                // Brandt could block it", "deciding whether the group could
                // question her"): a question asked, not a claim.
                // Round 27: not "as if" ("appeared as if it might be an
                // anticlimax" is how things looked, a hedge).
                Some("if") if self.back(k + 1) == Some("as") => return false,
                // Round 27: "whether or not" as "whether" ("talking about
                // whether or not this could mean a joint ticket").
                // Round 38: "assuming (that)" and "supposing (that)" open a
                // condition, as "if" does ("Assuming that you could buy a
                // pill …, would you do it?").
                Some(w)
                    if w == "if"
                        || w == "whether"
                        || matches!(w, "assuming" | "supposing")
                        || w == "that"
                            && matches!(self.back(k + 1), Some("assuming" | "supposing"))
                        || w == "not"
                            && self.back(k + 1) == Some("or")
                            && self.back(k + 2) == Some("whether") =>
                {
                    let i = self.first - k;
                    let subject = i + 1..self.first;
                    let Some(head) = self.all.lower(i + 1) else {
                        return false;
                    };
                    return if k == 2 {
                        // Round 28: or a bare plural ("whether voters might
                        // care").
                        IF_SUBJECTS.contains(&head)
                            || self.all.is_capitalised(i + 1)
                            || self.is_plural_head(i + 1)
                    } else if SUBJECT_DETERMINERS.contains(&head) {
                        subject.skip(1).all(|j| self.all.lower(j).is_some())
                    } else if k == 3 && self.is_plural_head(i + 2) {
                        // Round 27: a bare plural noun phrase of two words
                        // ("whether party insiders could draft", "whether
                        // coal companies could do the same").
                        true
                    } else if k == 3
                        && (w == "whether"
                            // Round 34: or "if" after a verb that asks ("to
                            // see if reused water could help").
                            || self.back(4).is_some_and(|q| listed(QUESTION_TAKERS, q)))
                    {
                        // Round 32: after "whether" any two words ("to
                        // investigate whether marijuana smoking might
                        // lead to"): "whether" opens no main clause, as a
                        // reduced "if" may ("if elected he could win").
                        subject.clone().all(|j| self.all.lower(j).is_some())
                    } else if k == 3
                        && matches!(head, "perhaps" | "maybe")
                        && self.back(1).is_some_and(|s| IF_SUBJECTS.contains(&s))
                    {
                        // Round 39: a hedge word of the condition's own
                        // before its pronoun subject ("and if perhaps we
                        // could assist in the marketing").
                        true
                    } else if (3..=4).contains(&k)
                        && w == "if"
                        && head.len() > 4
                        && head.ends_with("ing")
                        && subject.clone().all(|j| self.all.lower(j).is_some())
                    {
                        // Round 41: a gerund's clause as the condition's
                        // subject ("If slowing things down could reduce
                        // volatility, stone tablets should …"): the
                        // condition, as "if it could" is.
                        true
                    } else if k == 4 && w == "whether" {
                        // Round 36: after "whether" three words too, as
                        // two and five to seven are ("doubts about whether
                        // the company in Perth could be liable").
                        (1..k).all(|j| self.back(j).is_some_and(|w| !listed(OUTSIDE_WHETHER, w)))
                    } else if w == "if" && self.is_belief_if(i) {
                        // Round 43: "only if we thought they could win".
                        true
                    } else {
                        subject.clone().all(|j| self.all.is_capitalised(j))
                    };
                }
                Some(_) => {}
                None => return false,
            }
        }
        // Round 34: "whether" opens no main clause, so a longer subject
        // after it is still the question's ("set out to ascertain whether
        // the presence of parasites in sheep could be detected"): five to
        // seven words, no punctuation, verb or clause word between (in
        // "whether they can come together may decide it" and "whether to
        // punish staff who may have" the modal is outside the question).
        // ("whether" found first, the tokens read directly, not through
        // [`Self::back`], which keeps only the nearest four: the rule runs
        // for every modal, and the words between are read only once
        // "whether" is there.)
        // Round 43: so does "if" after a verb that asks ("wait to see if a
        // suitable alternative post could be found"), and an "if" whose
        // pronoun thinks the rest ("if they felt that the technology could
        // mean fewer thefts": `is_belief_if`).
        let Some((k, i, is_if)) = (5..=8)
            .map_while(|k| {
                let i = self.first.checked_sub(k)?;
                self.all.is_word(i).then_some((k, i))
            })
            .find_map(|(k, i)| match self.all.lower(i) {
                Some("whether") => Some((k, i, false)),
                Some("if") => Some((k, i, true)),
                _ => None,
            })
        else {
            return false;
        };
        if is_if {
            return self.is_far_if_could(k, i);
        }
        (1..k).all(|j| self.back(j).is_some_and(|w| !listed(OUTSIDE_WHETHER, w)))
    }

    /// [`Self::is_if_could`] for an "if" `k` tokens back at token `i`,
    /// five to eight: after a verb that asks, as "whether"; or
    /// [`Self::is_belief_if`]. (Out of line: it runs only where such an
    /// "if" is, and the scan before it runs for every modal.)
    #[cold]
    #[inline(never)]
    fn is_far_if_could(&self, k: usize, i: usize) -> bool {
        if self.is_belief_if(i) {
            return true;
        }
        i.checked_sub(1)
            .and_then(|h| self.all.lower(h))
            .is_some_and(|h| listed(QUESTION_TAKERS, h))
            && (1..k).all(|j| self.back(j).is_some_and(|w| !listed(OUTSIDE_WHETHER, w)))
    }

    /// Round 43, `if-could`: is the "if" at token `i` followed by a pronoun
    /// and a verb of thinking ("if we thought they could win", "if they
    /// felt that the technology could mean a reduction in car theft")? The
    /// modal after it is inside what the condition's subject thinks: a
    /// condition, no doubt of the writer's. Not "as if" ("acted as if they
    /// knew it could fail" tells how someone looked). Reads three tokens.
    fn is_belief_if(&self, i: usize) -> bool {
        i.checked_sub(1).and_then(|h| self.all.lower(h)) != Some("as")
            && self
                .all
                .lower(i + 1)
                .is_some_and(|w| IF_SUBJECTS.contains(&w) && !matches!(w, "it" | "this" | "that"))
            && self.all.lower(i + 2).is_some_and(|w| {
                matches!(
                    w,
                    "think"
                        | "thinks"
                        | "thought"
                        | "feel"
                        | "feels"
                        | "felt"
                        | "believe"
                        | "believes"
                        | "believed"
                        | "know"
                        | "knows"
                        | "knew"
                )
            })
    }

    /// Is token `i` a lowercase plural noun, as far as its letters tell:
    /// four letters or more ending in "s", not "ss", "us" or "is" ("party
    /// insiders", not "whether this bus" nor "whether his").
    pub(super) fn is_plural_head(&self, i: usize) -> bool {
        !self.all.is_capitalised(i)
            && self.all.lower(i).is_some_and(|w| {
                w.len() >= 4
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is")
            })
    }

    /// Rule `embedded-question` (round 25): a modal inside a question
    /// someone asks, wonders about or has no answer to softens no claim of
    /// the writer's, as "whether it could" does (`if-could`): "asked what
    /// that might look like", "others wonder how the link could hurt her",
    /// "chatter about who might staff it", "no hint of how they might
    /// cut emissions", "a sense of how much more money the group may
    /// raise". Not "how" after "about" ("talking about how things could
    /// be better" puts a possibility, as "that" would; since round 27
    /// "on" reads as "about": "pushed on what could bring him to run").
    /// The question
    /// opens with "how", "what", "who", "when", "where" or "why" right
    /// after a word that takes a question (ask,
    /// wonder, explain, know, see, predict, decide, "about", "over", "as
    /// to", "hint of", "idea of", "unclear", "sure"), at most seven words
    /// before the modal, with no punctuation between. "whom" is left out
    /// (after a preposition it opens a relative clause), and so was
    /// "which" until round 35 ("the plan, about which officials may
    /// argue"): now "which" counts right after a verb that takes a
    /// question ("examine which crops could be farmed"), after "looked
    /// at" and "as to", never after "about", "over", "on" or a noun of
    /// the list ("an idea which could"). So is "what" right
    /// before the modal, "be" and a determiner: "talked about what could
    /// be the largest march in years" hedges a claim. Round 31: "exactly"
    /// or "precisely" may stand between the word and the question ("no
    /// one knows exactly how much it might sell for"), and so may an
    /// object pronoun ("tell us what the fees may be"), two such words at
    /// most. Round 33: verbs of finding out ("to understand what might
    /// have been upstream": understand, investigate, establish, assess,
    /// examine, learn) and "understanding of" ("a better understanding of
    /// why some people may be prone"). Not a noun of inquiry before "on"
    /// or "into": "research into how HIV replicates may help" is the
    /// sentence's own subject, its modal a hedge. Reads up to eleven
    /// tokens back.
    pub(super) fn is_embedded_question(&self) -> bool {
        let (toks, bytes) = (self.all.toks(), self.all.text().as_bytes());
        // Round 39: the question's second branch, after "or" (its first
        // letter looked at before the word is read).
        if self
            .first
            .checked_sub(1)
            .is_some_and(|i| self.all.first_letter(i) == b'o' && self.all.lower(i) == Some("or"))
            && self.is_question_after_or()
        {
            return true;
        }
        let lo = self.first.saturating_sub(7);
        let Some(window) = toks.get(lo..self.first) else {
            return false;
        };
        for (n, t) in window.iter().enumerate().rev() {
            let (i, k) = (lo + n, self.first - lo - n);
            // A token no word ends the walk (as `lower` would: no wh-word
            // is anything else), but for the full stop of an abbreviation,
            // part of its word ("about where the U.S. might move them").
            if !t.is_word() {
                if t.is_abbreviation_dot() {
                    continue;
                }
                return false;
            }
            // Most words are not a wh-word: a look at the first letter
            // before anything else (the rule runs for every modal, and
            // `it could be ` repeated has one in three words).
            if !bytes
                .get(t.span().start())
                .is_some_and(|&b| matches!(b | 0x20, b'h' | b'w'))
            {
                continue;
            }
            let Some(w) = self.all.lower(i) else {
                return false;
            };
            if !matches!(
                w,
                "how" | "what" | "who" | "when" | "where" | "why" | "which"
            ) {
                continue;
            }
            if w == "what"
                && k == 1
                && self.next_in(&["be"])
                && self.second_word().is_some_and(|d| {
                    ["the", "a", "an", "his", "her", "their", "its", "our", "one"].contains(&d)
                })
            {
                return false;
            }
            let Some(mut j) = i.checked_sub(1) else {
                return false;
            };
            // Round 31: "exactly" or "precisely" between ("no one knows
            // exactly how much it might sell for"), or the one told or
            // asked ("tell us what the fees may be", "asked them how they
            // might"); two such words at most ("tell us exactly what").
            for _ in 0..2 {
                if !self
                    .all
                    .lower(j)
                    .is_some_and(|w| matches!(w, "exactly" | "precisely") || is_object_pronoun(w))
                {
                    break;
                }
                let Some(h) = j.checked_sub(1) else {
                    return false;
                };
                j = h;
            }
            return match self.all.lower(j) {
                Some("of") => j
                    .checked_sub(1)
                    .and_then(|h| self.all.lower(h))
                    .is_some_and(|h| listed(QUESTION_NOUNS, h)),
                Some("to") => j.checked_sub(1).and_then(|h| self.all.lower(h)) == Some("as"),
                // Round 34: "the team looked at how search engines could
                // help": a study's question, as "examined how" is.
                Some("at") => j
                    .checked_sub(1)
                    .and_then(|h| self.all.lower(h))
                    .is_some_and(|h| matches!(h, "looked" | "looking" | "looks")),
                // "talking about how things could be better", "warned
                // about how the cuts could hurt": "how" after "about" or
                // "over" is mostly "that", a possibility put, not asked.
                // Round 27: "on" as "about" ("pushed on what could bring
                // him to run"; "spoke on how the plan could fail" puts a
                // possibility).
                // Round 43: "how" after a noun of telling and "about" or
                // "on" ("information about how firms could protect
                // themselves") answers a question of how.
                Some(p @ ("about" | "over" | "on")) => {
                    w != "how" && w != "which"
                        || w == "how"
                            && p != "over"
                            && j.checked_sub(1)
                                .and_then(|h| self.all.lower(h))
                                .is_some_and(|h| listed(TELLING_NOUNS, h))
                }
                // Round 29: "find out how its party may win", "figure out
                // what might work": the question's verb before "out".
                Some("out") => j
                    .checked_sub(1)
                    .and_then(|h| self.all.lower(h))
                    .is_some_and(|h| listed(QUESTION_TAKERS, h) || listed(FINDERS, h)),
                // Round 35: "which" right after a verb that takes a
                // question ("examine which crops could be farmed", "it is
                // unclear which ship could"), not after a noun of the list
                // ("an idea which could transform farming" is relative).
                // Round 43: "how" after a verb of showing ("showing how
                // data could be processed"): a manner shown, as "explained
                // how" is.
                Some(g) if w == "how" && listed(SHOWERS, g) => true,
                Some(g) => {
                    listed(QUESTION_TAKERS, g)
                        && !(w == "which"
                            && matches!(g, "idea" | "question" | "debate" | "understanding"))
                }
                None => false,
            };
        }
        false
    }

    /// Round 39, `embedded-question` after "or": the question's second
    /// branch, its modal after "or" ("to determine whether the benefit
    /// depended on the habitat, or could be replicated in the laboratory",
    /// "not yet clear if the treatment could work, or might even be used as
    /// a vaccine"). The question is "whether" or "if" right after a word
    /// that takes one (`QUESTION_TAKERS`), at most twenty-four tokens back,
    /// with only words and commas between: "If prices fall, farmers will
    /// sell, or could hold" (a condition, not a question asked) keeps its
    /// hedge. Reads at most twenty-five tokens back, only after "or".
    fn is_question_after_or(&self) -> bool {
        let lo = self.first.saturating_sub(24);
        for i in (lo + 1..self.first.saturating_sub(1)).rev() {
            match self.all.lower(i) {
                Some("whether" | "if") => {
                    return self
                        .all
                        .lower(i - 1)
                        .is_some_and(|w| listed(QUESTION_TAKERS, w));
                }
                Some(_) => {}
                None if self.all.is_punct(i, ',') || self.all.is_abbreviation_dot(i) => {}
                None => return false,
            }
        }
        false
    }

    /// Rule `if-likely` (round 41): "likely" after a form of "be" inside
    /// an if-clause ("must block the buy-out if the acquisition is likely
    /// to weaken the carrier", "if the added debt were likely to cut
    /// jobs"): a condition, often a legal test, as "if they could" is; it
    /// doubts no claim of the writer's. The subject is one to four words,
    /// no punctuation between "if" and the "be"; not "as if" ("looks as if
    /// he is likely to win" keeps its hedge). Reads seven words back, only
    /// after a form of "be".
    pub(super) fn is_if_likely(&self) -> bool {
        matches!(self.back(1), Some("is" | "are" | "was" | "were" | "be"))
            && (3..=6).any(|k| {
                self.back(k) == Some("if")
                    && self.back(k + 1) != Some("as")
                    && (2..k).all(|j| self.back(j).is_some())
            })
    }

    /// Round 39, `embedded-question` for "likely": "how likely" right
    /// after a word that takes a question (`QUESTION_TAKERS`), an object
    /// pronoun allowed between ("were asked how likely it was that the
    /// teacher would accuse them", "no idea how likely a flood is"), asks
    /// about a chance; it doubts no claim of the writer's. "how likely"
    /// anywhere else ("How likely is it?", "shows how likely smokers are
    /// to relapse") keeps its hedge. Reads three words back.
    pub(super) fn is_question_likely(&self) -> bool {
        self.back(1) == Some("how")
            && match self.back(2) {
                Some(w) if is_object_pronoun(w) => {
                    self.back(3).is_some_and(|w| listed(QUESTION_TAKERS, w))
                }
                Some(w) => listed(QUESTION_TAKERS, w),
                None => false,
            }
    }
}
