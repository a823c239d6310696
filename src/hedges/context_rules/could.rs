//! Context rules for "could" (and "could have"): ability, purpose,
//! willingness, limits and roads not taken, where "could" says what was
//! or is possible to do rather than doubting a claim ("police could not
//! confirm", "saved so the family could buy a house", "the best anyone
//! could hope for"). Moved out of the parent module in round 28; the
//! rule log stays there.

use super::*;

impl<'a> Context<'a> {
    /// Rule `could-do-more` (round 35): "the agency could be doing more",
    /// "it could do more", "more could be done", "it could do a lot more": a
    /// charge that someone falls short, as "should do more" is, no doubt
    /// about a claim. Only "could" and "more": "students might do better at
    /// another school" and "prices could do better next year" are
    /// forecasts and stay hedges. `next` is the word after "could"; reads
    /// three more after it, or one before it. (Also "could go on and on",
    /// round 44.)
    fn is_could_do_more(&self, next: Option<&str>) -> bool {
        let word = |k: usize| self.all.lower(self.after + k);
        // "more", "much more", "far more", "a lot more" from word `k` on.
        let more = |k: usize| match word(k) {
            Some("more") => true,
            Some("much" | "far" | "so") => word(k + 1) == Some("more"),
            Some("a") => word(k + 1) == Some("lot") && word(k + 2) == Some("more"),
            _ => false,
        };
        match next {
            // Round 42: with `could-do-little` after the same "do".
            Some("do") => more(1) || self.is_could_do_little(),
            Some("be") => match word(1) {
                Some("doing") => more(2),
                Some("done") => self.back(1) == Some("more"),
                _ => false,
            },
            // Round 44: "the list could go on and on", "I could go on and
            // on": a list left unfinished, no doubt ("the strike could go
            // on for weeks" stays a hedge). (Asked here, in the match on
            // the next word, it costs `it could be ` nothing.)
            Some("go") => {
                word(1) == Some("on") && word(2) == Some("and") && word(3) == Some("on")
                    || self.is_than_could()
            }
            // Round 42: `than-could`, asked here, where "could be" is
            // already ruled out: `it could be ` repeated would read two
            // words back per "could" that no rule before has read.
            _ => self.is_than_could(),
        }
    }

    /// `past_frame`: does the sentence hold a past-time frame?
    pub(super) fn is_plain_could(&self, past_frame: impl FnOnce() -> bool) -> bool {
        // The next word is read once for all the rules that want it.
        let next = self.next_word();
        next.is_some_and(|w| {
            [
                "not", "never", "hear", "smell", "only", "barely", "hardly", "scarcely",
            ]
            .contains(&w)
        }) || next == Some("see") && self.is_seeing_could()
            // Round 34: "he could find nothing derogatory in the remark",
            // "could find no trace": a search that came up empty, as
            // "could not find" is. Round 44: "could shed no light on the
            // reports", a question left unanswered, the same way.
            || matches!(next, Some("find" | "shed"))
                && matches!(self.second_word(), Some("nothing" | "no"))
            || next == Some("no") && self.second_word() == Some("longer")
            // Round 41: "could probably not avoid", "could still not say":
            // "could not" with an adverb between, what cannot be done.
            || next.is_some_and(|w| is_ly_word(w) || matches!(w, "still" | "simply" | "just"))
                && matches!(self.second_word(), Some("not" | "never"))
            // (Also `could-do-little` and `than-could`, by the next word.)
            || self.is_could_do_more(next)
            || self.is_sensing_could(next)
            || self.is_heard_could(next)
            || self.is_nobody_could()
            || self.is_before_could()
            || self.is_willing_could(next)
            || self.is_purpose_could()
            || self.is_if_could()
            || self.is_all_they_could()
            || self.is_able_could(next)
            || past_frame()
    }

    /// Rule `could-do-little` (round 42): "we could do very little to stop
    /// it", "they could do nothing", "there was little we could do",
    /// "nothing the police could do": what someone was unable to do, as
    /// "could not" is. "little" or "nothing" after "do" only after a
    /// personal pronoun ("the cut could do little to help" forecasts, and
    /// stays a hedge); before "could" after a pronoun or "the" and its noun.
    /// The caller has seen "do" after "could". Reads three words either
    /// side.
    fn is_could_do_little(&self) -> bool {
        let pronoun = self.back(1).is_some_and(|w| PERSONAL.contains(&w));
        let after = match self.second_word() {
            Some("little" | "nothing") => true,
            Some("very") => self.all.lower(self.after + 2) == Some("little"),
            _ => false,
        };
        pronoun && (after || self.back(2) == Some("little"))
            || self
                .back(3)
                .is_some_and(|w| matches!(w, "little" | "nothing"))
                && self.back(2) == Some("the")
                && self.back(1).is_some()
    }

    /// Rule `than-could` (round 42): "more damage than any terrorist group
    /// could with bombs", "faster than the factory could handle", "more
    /// than they could afford": a comparison with what someone or something
    /// is able to do, no doubt about a claim. "than" two to four words
    /// back, only words between; after it a subject that opens with a
    /// pronoun, "anyone" or a determiner, no number in it ("more than 100
    /// staff could lose their jobs", "fewer than a dozen firms could" are
    /// forecasts and stay hedges) and no relative word ("more than the
    /// jobs that could go"); not "rather than" ("rather than wait, the firm
    /// could sell" offers an option to come). Not asked before "be" or
    /// "do" ("more than they could do" is left a hedge: the rule's cost on
    /// adversarial text, where it reads tokens no other rule has read, was
    /// not worth one case in some 5,000 articles). Reads five words back.
    fn is_than_could(&self) -> bool {
        // "than" found by its word's bytes first (no lowercasing): a word
        // read back that no rule before has read costs one, and most
        // "could"s have no "than" near.
        let is_than = |i: usize| {
            self.all
                .word(i)
                .is_some_and(|w| w.eq_ignore_ascii_case("than"))
        };
        let Some(k) = (2..=4).find(|&k| self.first.checked_sub(k).is_some_and(is_than)) else {
            return false;
        };
        // Only the words of a subject between: no verb, modal or relative
        // word, no number ("more than 100 staff could").
        const NOT_IN_SUBJECT: &[&str] = &[
            "be", "is", "are", "was", "were", "could", "would", "will", "can", "may", "might",
            "and", "or", "but", "that", "which", "who", "dozen", "hundred", "thousand", "million",
            "billion", "half",
        ];
        (1..k).all(|j| {
            !self.all.is_number(self.first - j)
                && self.back(j).is_some_and(|w| !NOT_IN_SUBJECT.contains(&w))
        }) && self.back(k - 1).is_some_and(|w| {
            PERSONAL.contains(&w)
                || matches!(
                    w,
                    "anyone" | "anybody" | "any" | "the" | "its" | "their" | "his" | "her" | "our"
                )
        }) && !matches!(self.back(k + 1), Some("rather" | "other"))
    }

    /// Rule `could-able` (round 16; round 33 adds "choose" and "opt", an
    /// option open to someone): "could" before a verb of grasping
    /// ("something Ana could understand", "a tone that readers could
    /// relate to", "could appreciate") says what someone was able to do,
    /// and "who could vote", "that they could vote their conscience" what
    /// someone is allowed to do; neither doubts a claim ("the council
    /// could vote next week" stays a hedge: no person before "could").
    /// So does a "could" that closes its clause after a person ("But now I
    /// could.", "proved that we could,” he said": the verb is left out; "It
    /// could." stays a hedge). Reads one word back and two tokens ahead.
    /// `next` is [`Self::next_word`].
    pub(super) fn is_able_could(&self, next: Option<&str>) -> bool {
        const PERSONS: &[&str] = &["i", "we", "you", "he", "she", "they", "who"];
        match next {
            Some("understand" | "relate" | "appreciate" | "comprehend") => true,
            // Round 33: a choice open to someone ("each player could choose
            // which group to join", "growers could opt out"): an option
            // described, not a doubt. Not "pick", which is often the
            // outcome foreseen ("could pick off the swing states").
            Some("choose" | "opt") => true,
            // Round 38: a capacity ("what we know could fit on the back of
            // a stamp", "the boat could store up to 40 tonnes"): what a
            // thing can hold, not a doubt (`capacity-could`).
            Some("fit" | "seat") => true,
            Some("store" | "hold" | "carry") => {
                self.second_word() == Some("up") && self.all.lower(self.after + 2) == Some("to")
            }
            Some("vote") => self.prev_in(PERSONS),
            // (`reached-could` through this match on the next word: a
            // call of its own for every "could be" cost `it could be `
            // repeated 1.2%; this way 0.7%.)
            Some("be") => self.is_reached_for_comment(),
            Some(_) => false,
            None => {
                let quote = |i: usize| {
                    ['"', '”', '’', '\'']
                        .iter()
                        .any(|&c| self.all.is_punct(i, c))
                };
                let a = self.after;
                self.prev_in(PERSONS)
                    && (self.is_clause_stop(a)
                        || quote(a)
                        || self.all.is_punct(a, ',') && quote(a + 1))
            }
        }
    }

    /// Rule `before-could` (round 38): "many safety tests would be needed
    /// before this technology could be used in humans", "technical
    /// challenges before a cloak could work": what must come first, a
    /// condition, not the writer's doubt. "before" two to five words back
    /// (its subject between), only words between, after a word that
    /// makes it a condition or a wait (a participle, "years", "time",
    /// "challenges", …): "changes to the export system before this
    /// season's harvest could cost the industry" has "before" inside its
    /// subject, and stays a hedge. Reads six words back.
    fn is_before_could(&self) -> bool {
        const WAITS: &[&str] = &[
            "years",
            "months",
            "weeks",
            "days",
            "long",
            "time",
            "way",
            "challenges",
            "hurdles",
            "obstacles",
            "work",
            "tests",
        ];
        // Round 39: five words back too when the subject's four words
        // open with a determiner ("for 20 to 30 years before a more
        // permanent structure could be built"), which is looked at first:
        // the rules keep only the nearest four words read, and a fifth
        // read for every "could" cost `it could be ` repeated 0.7%.
        (2..=4)
            .map_while(|k| self.back(k).map(|w| (k, w)))
            .find(|&(_, w)| w == "before")
            .or_else(|| {
                (self
                    .back(4)
                    .is_some_and(|w| matches!(w, "a" | "an" | "the" | "this" | "its" | "their"))
                    && self.back(5) == Some("before"))
                .then_some((5, "before"))
            })
            .is_some_and(|(k, _)| {
                self.back(k + 1)
                    .is_some_and(|w| w.ends_with("ed") || WAITS.contains(&w))
            })
    }

    /// Rule `purpose-may` (round 37): "may" after "so that" or "in order
    /// that" and a subject of up to six words ("simplifies complex questions
    /// so that the line of my argument may appear clearly", "in order that
    /// farmers may plan"): what someone aims at, as "so that they could"
    /// is ([`Self::is_purpose_could`]), not the writer's doubt. Reads at
    /// most eight words back, no punctuation between.
    pub(super) fn is_purpose_may(&self) -> bool {
        (2..=8)
            .map_while(|k| self.back(k).map(|w| (k, w)))
            .any(|(k, w)| w == "that" && matches!(self.back(k + 1), Some("so" | "order")))
    }

    /// "could" of a purpose or a wish: "saved so the family could buy a
    /// house" (no comma before "so": ", so he could win" is a result, a
    /// hedge), "so that they could", "wishes he could have stayed" (both
    /// read by [`Self::is_wish_or_purpose_could`]). What someone aims at or
    /// wishes for is not the writer's doubt. Also after "before"/"until"
    /// ("had to register before they could vote") and "ensured". The
    /// subject before a bare "so" or these words is one word, or a
    /// determiner and up to two. Reads at most six tokens back.
    pub(super) fn is_purpose_could(&self) -> bool {
        if self.is_wish_or_purpose_could() {
            return true;
        }
        // Token `i` (before the match) through [`Self::back`], which has
        // the nearest words read already.
        let word = |i: usize| self.back(self.first - i);
        // Round 33: also "another", "each", "every", "my", "your" ("until
        // another shuttle could be launched").
        // Round 34: "such" ("Before such technology could reach the
        // market").
        const DETERMINERS: &[&str] = &[
            "the", "a", "an", "his", "her", "their", "its", "our", "another", "each", "every",
            "my", "your", "such",
        ];
        // The subject: one word, with a determiner before it or not.
        let Some(mut cue) = self.first.checked_sub(2) else {
            return false;
        };
        if word(cue + 1).is_none() {
            return false;
        }
        // Round 21: or a determiner and two words ("so the rival
        // factions could unite").
        if cue > 0 && word(cue).is_some() && word(cue - 1).is_some_and(|w| DETERMINERS.contains(&w))
        {
            cue -= 1;
        }
        if word(cue).is_some_and(|w| DETERMINERS.contains(&w)) {
            let Some(c) = cue.checked_sub(1) else {
                return false;
            };
            cue = c;
        }
        match word(cue) {
            // "had to register before they could vote", "waited until
            // the crew could land": what an earlier step made possible,
            // not the writer's doubt (round 15). Not after a noun phrase
            // opening its clause: in "An election before the spring
            // could be difficult" the "before" phrase belongs to the
            // subject, and the "could" is the sentence's own doubt
            // (round 16, found on a held-out article).
            Some("before" | "until" | "till") => !self.noun_phrase_before(cue),
            Some("so") => cue > 0 && word(cue - 1).is_some(),
            // Round 23: a result someone secured ("it ensured Apple could
            // benefit"), not the writer's doubt.
            Some("ensure" | "ensured" | "ensures" | "ensuring") => true,
            _ => false,
        }
    }

    /// A wish or a purpose ("wishes he could", "so that they could"; since
    /// round 23 with a longer subject, "I wish everyone from Cape Breton
    /// could read them", "so that the senator from Florida could peak"):
    /// "wish" or "so that" up to six words back, with only the words of a
    /// subject between. ("so that" is a purpose wherever it stands, after
    /// a comma or dash too, where a bare ", so he could win" is a result.)
    /// None of them may open another clause ("wished to know whether the
    /// vote could" asks, and stays a hedge) or be a verb of the small
    /// closed set that stops the walk at once on a run of clauses ("it
    /// could be it could be …" reads two words, not six, per "could").
    pub(super) fn is_wish_or_purpose_could(&self) -> bool {
        for k in 1..=6 {
            match self.back(k) {
                // Round 25: "hopefully I could stay in school", a wish.
                Some("wish" | "wishes" | "wished" | "hopefully") => return true,
                Some("that") if self.back(k + 1) == Some("so") => return true,
                // Round 39: a condition set ("would back him only on the
                // condition that he could pick ministers"), what someone
                // asks to be able to do.
                Some("that") if self.back(k + 1) == Some("condition") => return true,
                // Round 27: a result of degree, "enough delegates that they
                // could force a showdown", "not so many that they could
                // dominate": what the amount lets them do.
                Some("that") if self.is_degree_result(k) => return true,
                Some(
                    "to" | "whether" | "if" | "who" | "which" | "because" | "but" | "and" | "or"
                    | "could" | "would" | "can" | "will" | "may" | "might" | "should" | "be" | "is"
                    | "are" | "was" | "were" | "has" | "have" | "had",
                )
                | None => return false,
                Some(_) => {}
            }
        }
        false
    }

    /// A "that" at [`Self::back`] `k` closing an amount: "enough" one or
    /// two words before it ("enough delegates that"), or a denied "not so
    /// many", "not so much", "not so few" just before it or before one
    /// word ("not so many seats that"). A plain "so many" gives a result
    /// that may come or not: "tells so many lies that his rival could
    /// risk her own message" stays a hedge.
    pub(super) fn is_degree_result(&self, k: usize) -> bool {
        let so_many = |j: usize| {
            self.back(j)
                .is_some_and(|w| ["many", "much", "few"].contains(&w))
                && self.back(j + 1) == Some("so")
                && self.back(j + 2).is_some_and(is_not)
        };
        self.back(k + 1) == Some("enough")
            || so_many(k + 1)
            || self.back(k + 1).is_some() && (self.back(k + 2) == Some("enough") || so_many(k + 2))
    }

    /// Rule `rhetorical-could` (round 24): "how much worse could it get?",
    /// "How could anyone vote for that?": "how", at most two words, then
    /// "could" turned before a pronoun, in a sentence that ends with a
    /// question mark within fifteen tokens, asks nothing; it says the thing
    /// cannot be. "How could the vote change the race?" (a noun subject)
    /// stays a hedge, as do questions without "how" ("which states could
    /// trend his way?"). Round 43: so does "What could be more important
    /// than a choice of who sits in Parliament?" ("what could be better",
    /// "worse", "less", "simpler" …): a comparison no answer could beat,
    /// said as a question; "what could be the reason?" asks (no
    /// comparative after "be") and stays a hedge. Reads three words back
    /// and fifteen tokens ahead.
    pub(super) fn is_rhetorical_could(&self) -> bool {
        let asks_nothing = || {
            (self.after..(self.after + 15).min(self.all.toks.len()))
                .find(|&i| ['.', '!', '?'].iter().any(|&c| self.all.is_punct(i, c)))
                .is_some_and(|i| self.all.is_punct(i, '?'))
        };
        if self.back(1) == Some("what") {
            // (Another "-er" word, "simpler", "easier", counts only with a
            // "than" after it: "what could be under the ice?" asks.)
            return self.next_in(&["be"])
                && self.second_word().is_some_and(|w| {
                    matches!(w, "more" | "less" | "better" | "worse")
                        || w.ends_with("er")
                            && (self.after + 2..(self.after + 10).min(self.all.toks.len()))
                                .any(|i| self.all.lower(i) == Some("than"))
                })
                && asks_nothing();
        }
        self.next_word()
            .is_some_and(|w| PERSONAL.contains(&w) || w == "anyone" || w == "anybody")
            && (1..=3)
                .any(|k| self.back(k) == Some("how") && (1..k).all(|j| self.back(j).is_some()))
            && asks_nothing()
    }

    /// Does a noun phrase of a determiner and one word open the clause
    /// right before token `cue` ("*An election* before", "*The vote*
    /// until")? Reads three tokens back.
    pub(super) fn noun_phrase_before(&self, cue: usize) -> bool {
        const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "any", "each", "every"];
        let word = |i: usize| self.all.lower(i);
        cue >= 2
            && word(cue - 1).is_some()
            && word(cue - 2).is_some_and(|w| DETERMINERS.contains(&w))
            && (cue == 2 || word(cue - 3).is_none())
    }

    /// "could" of willingness: "she said she could accept a delay", "we
    /// could live with that"; and rule `could-means` (round 14): "we could
    /// afford to hire a tutor", "he could get by without a car", "the port
    /// could do without a second crane" say what someone has the means or
    /// the will for, not what may happen.
    /// `next` is [`Self::next_word`].
    pub(super) fn is_willing_could(&self, next: Option<&str>) -> bool {
        match next {
            Some("accept" | "tolerate" | "endorse" | "stomach" | "countenance" | "afford") => true,
            // Round 36: "support" and "back" only after a pronoun, of will
            // ("she said she could support the bill") or of strength ("the
            // skeleton shows it could support its body"); "lakes that could
            // support ancient life", "the idea could support the account"
            // and "Labor could back the plan" say what may come to be, a
            // hedge.
            Some("support" | "back") => self
                .back(1)
                .is_some_and(|w| ["i", "we", "you", "he", "she", "it", "they", "who"].contains(&w)),
            Some("live") => self.second_word() == Some("with"),
            Some("get") => self.second_word() == Some("by"),
            Some("do") => match self.second_word() {
                Some("without") => true,
                // Round 22: "the province could do with some help" (would
                // be the better for); "what the city could do with the
                // land" stays a hedge.
                Some("with") => self.all.lower(self.after + 2).is_some_and(|w| {
                    matches!(
                        w,
                        "some" | "a" | "an" | "more" | "less" | "fewer" | "another"
                    )
                }),
                _ => false,
            },
            _ => false,
        }
    }

    /// Rule `all-they-could` (round 15): "doing all they could to help",
    /// "did everything we could", "as best she could" measure an effort by
    /// what someone was able to do; they doubt nothing. "what it could
    /// cost" stays a hedge ("what" is not in the list), but round 24:
    /// "did what I could with what I had", "what they could." is the same
    /// measure, its verb left out (nothing follows but a preposition or a
    /// stop). Reads two words back and one ahead.
    pub(super) fn is_all_they_could(&self) -> bool {
        // Round 34: "possibly" may stand between ("anything I possibly
        // could to preserve the market").
        let k = usize::from(self.prev_in(&["possibly"]));
        self.back(1 + k).is_some_and(|w| PERSONAL.contains(&w))
            && self.back(2 + k).is_some_and(|w| {
                ["all", "everything", "anything", "whatever", "best"].contains(&w)
                    // Round 34: "the only way we could go".
                    || w == "way" && self.back(3 + k) == Some("only")
                    // Round 39: "One of the things we could do was assist
                    // growers", "something they could do": a list of
                    // options, what someone was able to do.
                    || matches!(w, "things" | "thing" | "something")
                        && self.next_word() == Some("do")
                    || w == "what"
                        && self.next_word().is_none_or(|w| {
                            [
                                "with", "to", "for", "in", "on", "at", "from", "and", "but", "or",
                                "without", "given",
                            ]
                            .contains(&w)
                        })
            })
    }

    /// Rule `could-see` (round 32): "could see" is sight or insight after a
    /// person ("I could see the smoke", "everyone could see that", "who
    /// could see"), before "that" ("Starke could see that the fund was
    /// short") or before a word of looking through or into ("was sitting up
    /// front and could see through the door"): no hedge. After a thing, an event or a place it is an
    /// outcome foreseen ("the deal could see prices rise", "which could see
    /// farmers paid less", "Texas could see a lift in sales"): a hedge, as
    /// any "could" of what may happen is. Reads one word back and two
    /// ahead.
    fn is_seeing_could(&self) -> bool {
        matches!(
            self.second_word(),
            Some("that" | "through" | "into" | "inside")
        ) || self.prev_in(&[
            "i",
            "you",
            "we",
            "he",
            "she",
            "they",
            "who",
            "everyone",
            "everybody",
            "anyone",
            "anybody",
            "one",
            "nobody",
        ])
    }

    /// Rule `could-sensing`: "could" between a pronoun and a verb of feeling
    /// or memory reports what someone felt or recalled, as "could see"
    /// does: "I could feel things changing", "the worst he could remember".
    /// No hedge. With another subject it stays one ("school districts could
    /// feel a pinch", "voters could recall the mayor").
    /// `next` is [`Self::next_word`].
    pub(super) fn is_sensing_could(&self, next: Option<&str>) -> bool {
        next.is_some_and(|w| {
            [
                "feel",
                "remember",
                "recall",
                "sense",
                "taste",
                "recognise",
                "recognize",
            ]
            .contains(&w)
        }) && self.prev_in(&["i", "he", "she", "we", "they", "you", "who"])
    }

    /// Rule `superlative-could` (round 20): "could" closing a relative
    /// clause on a superlative measures the limit of what can be, and
    /// doubts nothing: "the greatest coach you could possibly imagine",
    /// "the best anyone could hope for", "the closest a buyer could get",
    /// "the most useful step Ruiz could take". The clause's subject is
    /// right before "could": a pronoun ("you", "anyone"), "a"/"the" and a
    /// word, or a capitalised name (not in a title-case headline, where
    /// every word is capitalised); before it, at most three words (the
    /// noun, "that") after "the" and a superlative. So "the latest test
    /// could change the talks" (the noun phrase is the sentence's subject,
    /// no clause) and "The Biggest Blow Yet Could Come" stay hedges.
    /// "it" is not taken as the subject ("the most the fund could raise"
    /// is, "the most it could raise" is not: one such "it" in the 924
    /// PolNeAR texts), as "it could" is the commonest "could" and reading
    /// on behind each one costs. `k` is how many words before the match
    /// the "could" is (0: the match itself; 1: "possibly" after it).
    /// Reads at most eight tokens back.
    pub(super) fn is_superlative_could(&self, k: usize) -> bool {
        // `back` keeps the first words it reads: the other rules for
        // "could" have read them already.
        let word = |n: usize| self.back(k + n);
        let capitalised = |n: usize| {
            self.first
                .checked_sub(k + n)
                .is_some_and(|i| self.all.is_capitalised(i))
        };
        // The subject: one or two words, and the word before it.
        let (subject, named) = match word(1) {
            Some(
                "i" | "you" | "we" | "they" | "he" | "she" | "one" | "anyone" | "anybody"
                | "everyone" | "everybody" | "someone" | "somebody",
            ) => (1, false),
            Some(_) if matches!(word(2), Some("a" | "an" | "the")) => (2, false),
            Some(_) if capitalised(1) => (1 + usize::from(capitalised(2)), true),
            _ => return false,
        };
        let superlative = |w: Option<&str>| {
            matches!(
                w,
                Some(
                    "best"
                        | "worst"
                        | "most"
                        | "least"
                        | "greatest"
                        | "biggest"
                        | "largest"
                        | "smallest"
                        | "hardest"
                        | "easiest"
                        | "closest"
                        | "highest"
                        | "lowest"
                        | "strongest"
                        | "toughest"
                        | "finest"
                        | "fastest"
                        | "nicest"
                        // Round 39: "the tiniest samples they could".
                        | "tiniest"
                        | "cheapest"
                        | "quickest"
                        | "simplest"
                        | "safest"
                        | "longest"
                        | "shortest"
                )
            )
        };
        // "the" and a superlative, then at most three words before the
        // subject. Round 26: two superlatives joined by a comma ("the
        // longest, hardest trial you could get").
        (subject + 1..=subject + 4).any(|n| {
            superlative(word(n))
                && (word(n + 1) == Some("the")
                    || self
                        .first
                        .checked_sub(k + n + 1)
                        .is_some_and(|i| self.all.is_punct(i, ','))
                        && superlative(word(n + 2))
                        && word(n + 3) == Some("the"))
                && !(named && capitalised(n))
                && (subject + 1..n).all(|j| word(j).is_some())
        })
    }

    /// Rule `could-be-heard` (round 15): "neighbours could be heard
    /// singing", "a boat could be seen drifting ashore" report what was
    /// heard or seen, as "could hear" does: no hedge. "he could be seen as
    /// a rival" and "it could be seen by millions" stay hedges (no -ing
    /// word after the participle). Reads three words ahead.
    /// `next` is [`Self::next_word`].
    pub(super) fn is_heard_could(&self, next: Option<&str>) -> bool {
        next == Some("be")
            && self
                .second_word()
                .is_some_and(|w| w == "heard" || w == "seen")
            && self
                .all
                .lower(self.after + 2)
                .is_some_and(is_short_ing_word)
    }

    /// Rule `hoped-could` (round 26): "could" in what someone hopes for
    /// is the ability wished for, not the writer's doubt: "the mayor hopes
    /// that the new fair could bring trade back", "in the hope that the two
    /// sides could settle", "hopes his crew could win" (as "hopefully I
    /// could stay", round 25). The guideline is silent; the hope is the
    /// claim, and "could" there reads "would be able to". "might" in a
    /// hope keeps its doubt ("had hoped that the discomfort might lead to
    /// gains"), as do "worried that it could" and "said that it could".
    /// The "that" after "hope", "hopes", "hoped" or "hoping" (or that word
    /// itself, "that" left out, and not "the hopes of the town") is at
    /// most eight words before "could", with no punctuation and no other
    /// modal between. Reads at most nine words back, fewer where a modal
    /// or a punctuation mark comes first.
    ///
    /// The same walk reads rule `no-way-could` (round 26): "there's no way
    /// that someone like that could be happy", "no way he could win" rule
    /// the thing out, as "nobody could" does (`nobody-could`, whose walk
    /// reads three words, too few for these).
    pub(super) fn is_hoped_could(&self) -> bool {
        for k in 1..=8 {
            match self.back(k) {
                Some("that") if k > 1 => {
                    if self
                        .back(k + 1)
                        .is_some_and(|w| ["hope", "hopes", "hoped", "hoping"].contains(&w))
                    {
                        return true;
                    }
                }
                Some("way") if k > 1 => return self.back(k + 1) == Some("no"),
                // "hopes his campaign could score a turnaround": the
                // "that" left out; not "the hopes of the town could fade".
                Some("hope" | "hopes" | "hoped" | "hoping") if k > 1 => {
                    return self
                        .back(k - 1)
                        .is_some_and(|w| !["of", "for", "to"].contains(&w));
                }
                // Round 31: right before the modal after its subject, in a
                // relative clause ("the type of game that you hope could
                // be a wake-up call"); "the hope could fade" has no subject.
                Some("hope" | "hopes" | "hoped") if k == 1 => {
                    return self.back(2).is_some_and(|w| {
                        ["i", "you", "we", "they", "he", "she", "fans", "people"].contains(&w)
                    });
                }
                Some("could" | "may" | "might" | "would" | "will" | "can" | "should" | "must")
                | None => return false,
                Some(_) => {}
            }
        }
        false
    }

    /// Rule `road-not-taken` (round 26): "could have" of a course the
    /// sentence itself says was not taken is a plain counterfactual, not
    /// doubt: "it could have been worse", "I could have answered the
    /// question better" (the speaker's own verdict), "a rival who could
    /// have run but didn't", "I could have chosen to stay home, but I
    /// chose to work". The guideline is silent; a teacher would not ask
    /// "how sure is the writer?" of something the sentence says did not
    /// happen. The cue is "better" or "worse" within six words of the
    /// modal, or a "but" within twelve words that is followed (within
    /// three) by a word of not doing ("didn't", "did not", "never",
    /// "chose", "decided", "opted", "instead") or (round 44) is "but for"
    /// ("the flood could have reached the houses but for the new wall"),
    /// or (round 27) an "if only"
    /// within twelve words ("could have done more if only he had fought
    /// harder"); "better" and "worse" only
    /// after a participle ("could have a better chance" is a possibility,
    /// "have" its main verb). A counterfactual with no such cue ("a win
    /// could have ended his run") stays a hedge: the sentence leaves open
    /// whether it would have. Reads at most fifteen tokens, stopping at
    /// the sentence's end.
    pub(super) fn is_road_not_taken(&self) -> bool {
        let end = (self.after + 12).min(self.all.len());
        for i in self.after..end {
            match self.all.lower(i) {
                // After a participle only: "could have a better chance"
                // is a possibility, "have" the main verb.
                Some("better" | "worse") => {
                    return i < self.after + 6
                        && self.next_word().is_some_and(|w| {
                            ["ed", "en", "ne", "wn"].iter().any(|e| w.ends_with(e))
                                || ["made", "had", "run", "put", "got", "come", "become"]
                                    .contains(&w)
                        });
                }
                // Round 27: a wish for what did not happen ("could have
                // accomplished much more if only he'd fought harder").
                Some("if") if self.all.lower(i + 1) == Some("only") => return true,
                // Round 44: "but for" names what stopped it ("it could
                // have gone their way but for a couple of decisions").
                Some("but") if self.all.lower(i + 1) == Some("for") => return true,
                Some("but") => {
                    return (i + 1..(i + 4).min(self.all.len())).any(|j| {
                        self.all.lower(j).is_some_and(|w| {
                            ["never", "chose", "decided", "opted", "instead"].contains(&w)
                                || w.starts_with("didn")
                                || w == "did" && self.all.lower(j + 1) == Some("not")
                        })
                    });
                }
                Some(_) => {}
                None if self.is_clause_stop(i) => return false,
                None => {}
            }
        }
        false
    }

    /// Rule `reached-could` (round 41): "could be reached for comment"
    /// tells whether the reporter got hold of someone ("none of these
    /// people could be reached for comment", "Neither Mr. Otero nor Mr.
    /// Vargas could be reached for comment"), a fact about the reporting,
    /// not a doubt about a claim. "A deal could be reached by Friday"
    /// keeps its hedge: only "for comment" after it. Reads four tokens
    /// ahead; [`Self::is_able_could`] asks it when the next word is "be".
    pub(super) fn is_reached_for_comment(&self) -> bool {
        // (Its length before its letters: reading the word after every
        // "could be" first cost `it could be ` repeated 0.8%.)
        self.all
            .toks
            .get(self.after + 1)
            .is_some_and(|t| t.span().len() == "reached".len())
            && self.all.lower(self.after + 1) == Some("reached")
            && self.all.lower(self.after + 2) == Some("for")
            && self.all.lower(self.after + 3) == Some("comment")
    }

    /// Rule `nobody-could`: after a negative subject ("no president could
    /// waive", "no harbour crew could", "nobody could say", "neither could
    /// the port") "could" states what is ruled out, a plain fact like "could
    /// not". Reads three words back; the words between "no" and "could" are
    /// its noun, lowercase and no pronoun ("there is no question Obama
    /// could", "no doubt they could" stay hedges).
    pub(super) fn is_nobody_could(&self) -> bool {
        if self.back(1).is_some_and(|w| {
            ["nobody", "nothing", "none", "noone", "no-one", "neither"].contains(&w)
        }) {
            return true;
        }
        // Round 15: "nothing we could do would help", "nobody they could
        // call": a pronoun between the negative and "could"; round 21:
        // "nothing anyone could have done"; round 39: a relative word
        // ("found there was nothing that could be done", "nobody who
        // could help").
        // (The negative first: it is rare.)
        if self
            .back(2)
            .is_some_and(|w| ["nothing", "nobody", "none"].contains(&w))
            && self.prev_in(&[
                "i", "we", "you", "he", "she", "they", "anyone", "anybody", "that", "which", "who",
            ])
        {
            return true;
        }
        // Round 36: "there was no way the villagers could have learned
        // it", "no way they could": ruled out, as "nobody could" is. "no
        // way" up to four words back, with only words between (the four
        // words every modal's rules keep: a fifth read cost `it could be `
        // repeated 3.7%).
        if (2..=3).any(|k| {
            self.back(k) == Some("way")
                && self.back(k + 1) == Some("no")
                && (1..k).all(|j| self.back(j).is_some())
        }) {
            return true;
        }
        // (Through [`Self::back`], as in [`Self::is_if_could`].)
        for k in 2..=3 {
            match self.back(k) {
                Some("no") => {
                    let i = self.first - k;
                    return (i + 1..self.first).all(|j| {
                        !self.all.is_capitalised(j)
                            && self.all.lower(j).is_some_and(|w| {
                                ![
                                    "question", "doubt", "he", "she", "they", "we", "you", "i",
                                    "it",
                                ]
                                .contains(&w)
                            })
                    });
                }
                Some(_) => {}
                None => return false,
            }
        }
        false
    }

    /// Rule `past-counterfactual` (round 27): "could have"/"might have"
    /// answering an if-clause in the past perfect ("If Jindal had been
    /// seventh or eighth, you might have written his obituary", "if the
    /// crew had stayed, they could have saved it") tells what would have
    /// followed from something that did not happen; the writer doubts no
    /// claim. "if" up to sixteen tokens back in the sentence (no full
    /// stop, "?", "!" or ";" between) with "had" one to four words after
    /// it (round 31: four, "if the Yankee infielders had made the plays,
    /// the damage could have been limited"; round 32: sixteen tokens, "If
    /// we had had two hours of calm water at a stretch, we could have
    /// finished"); "a win could have ended his run" (no if-clause) stays a
    /// hedge. Reads at most sixteen tokens back.
    ///
    /// Round 33: or, for "could have", the if-clause after the modal ("the
    /// fires could have been lessened if more burns had been carried
    /// out"): "if" up to ten tokens ahead in the clause, "had" one to five
    /// words after it, and a participle after "had" ("if he had access"
    /// is no past perfect); since round 34 also the inverted condition
    /// ("could have projected more had he not been told to"). Reads at
    /// most sixteen tokens ahead. "might
    /// have" reads only the clause before ([`Self::is_if_had_before`]):
    /// "he might have survived if he had been treated" weighs the outcome.
    pub(super) fn is_past_counterfactual(&self) -> bool {
        self.is_if_had_before() || self.is_if_had_after()
    }

    /// The if-clause after the modal, for [`Self::is_past_counterfactual`].
    fn is_if_had_after(&self) -> bool {
        let end = (self.after + 10).min(self.all.len());
        for i in self.after..end {
            match self.all.lower(i) {
                Some("if") => {
                    // Round 40: "had of" as speech writes "had've" ("if
                    // the rains had of continued").
                    let participle = |w: &str| {
                        ["been", "had", "made", "not", "never", "done", "known"].contains(&w)
                            || ["ed", "en", "wn"].iter().any(|e| w.ends_with(e))
                    };
                    return (i + 1..(i + 6).min(self.all.len())).any(|j| {
                        self.all.lower(j) == Some("had")
                            && self.all.lower(j + 1).is_some_and(|w| {
                                participle(w)
                                    || w == "of" && self.all.lower(j + 2).is_some_and(participle)
                            })
                    });
                }
                // Round 34: the condition inverted ("could have projected
                // more dignity had he not been directed to bully"); any
                // other "had" is read past, as before.
                Some("had")
                    if matches!(
                        self.all.lower(i + 1),
                        Some("i" | "he" | "she" | "it" | "we" | "they" | "you")
                    ) && self.all.lower(i + 2).is_some_and(|w| {
                        ["been", "not", "never", "known"].contains(&w) || w.ends_with("ed")
                    }) =>
                {
                    return true;
                }
                Some(_) => {}
                None if self.is_clause_stop(i) => return false,
                None => {}
            }
        }
        false
    }

    /// The if-clause before the modal, for [`Self::is_past_counterfactual`].
    pub(super) fn is_if_had_before(&self) -> bool {
        let lo = self.first.saturating_sub(16);
        for i in (lo..self.first).rev() {
            match self.all.lower(i) {
                Some("if") => {
                    return (i + 1..(i + 5).min(self.first))
                        .any(|j| matches!(self.all.lower(j), Some("had" | "hadn't" | "hadn’t")));
                }
                // Round 29: the inverted if-clause, "Had they been truly
                // ruthless, the owners might have sold", "Had the police
                // found the posts, they could have acted": a capitalised
                // "Had" opening the sentence (no full stop between).
                Some("had") if self.all.is_capitalised(i) => return true,
                Some(_) => {}
                None if self.is_clause_stop(i) => return false,
                None => {}
            }
        }
        false
    }
}
