//! Context rules of concession (`concessive-may`, `if-seems`,
//! `granted-view`): a modal or "seem" in a point granted and then answered
//! ("It may be cheap, but it is slow"), or a view granted to someone
//! ("Some may say …"), which the writer does not doubt. Moved out of the
//! parent module in round 28; the rule log stays there.

use super::*;

/// Words that make the clause of a "may" part of a larger sentence, not
/// the granted point that opens it (rule `concessive-may`): "he said it
/// may", "if it may", "voters who may".
const OPENS_CLAUSE: &str = "that if whether when because who whom which what while \
    although though since unless until where how why as said says say told believe believes \
    think thinks thought argued agreed warned fear fears feared worried suggested not";

/// Words that open an answer's subject after the "but" of a concession
/// (rule `concessive-may`), with or without a comma before it (round 35):
/// "but they care", "may be small but they're".
const BUT_SUBJECTS: &str = "i you he she it we they there that this these those his her its our \
    their my your the a an";

/// The other words that open a clause of its own after ", but" (not
/// without the comma: "may be cheap but not for long"): "but when it comes
/// to", "but not after the floods".
const BUT_CLAUSE_OPENERS: &str = "many most some few no not all both one when if in for after as \
    with at on what nothing";

/// Verbs of a state or a habit that a conceding "while X may …" grants
/// as it grants "be" (rule `concessive-may`, round 26): "while viewers
/// may tune in for the brawl", "while moderates may feel a break".
const GRANTED_STATES: &str = "feel see sound look seem want like love hate know agree disagree \
    differ share hold lack support oppose represent mean need prefer enjoy tune \
    dislike admire respect trust distrust";

/// Verbs of saying or recalling after "may"/"might" that grant someone a
/// view (rule `granted-view`, round 37): "Scientists may say they are
/// dispassionate", "people may recall what she did". Not "ask" or
/// "claim", which are acts to come ("he may ask the council for funds",
/// "might claim a lead").
const GRANTED_SAYINGS: &[&str] = &["say", "argue", "recall", "remember", "insist", "contend"];

/// Verbs of thinking that grant a view only after a subject of "some
/// people" (rule `granted-view`): "some people may think that a red car
/// signals wealth"; "they may think of a perspective they had missed" and
/// "the public may wonder if judges can be trusted" forecast a reaction, a
/// hedge.
const GRANTED_THOUGHTS: &[&str] = &["think", "wonder", "believe", "suppose", "imagine"];

/// The subjects of "some do" before [`GRANTED_THOUGHTS`].
const SOME_PEOPLE: &[&str] = &[
    "some", "somebody", "someone", "others", "many", "people", "critics", "sceptics", "skeptics",
];

impl<'a> Context<'a> {
    /// Rule `granted-view` (round 37): "may"/"might" right before a verb
    /// of saying or recalling ([`GRANTED_SAYINGS`]), or of thinking after
    /// a "some people" subject ([`GRANTED_THOUGHTS`], [`SOME_PEOPLE`]),
    /// grants that someone holds or voices a view ("Scientists may say they
    /// are dispassionate defenders of truth. But history suggests …",
    /// "Today people may recall what she did for the cause. But …", "some
    /// people may think that a red car signals wealth, while to others …",
    /// "Somebody might say 'establishment'"). The writer doubts no claim of
    /// fact: the modal is a concession or a "some do", and the view is the
    /// holder's. The guideline is silent; decided as for a conceded "may …
    /// but" (`concessive-may`), which needs no "but" here, since the verb
    /// itself says the point is someone's. A reaction forecast ("the public
    /// may wonder if they can be trusted", "they might think 'what's the
    /// point'") stays a hedge. Not after "you", "one", "we" or "I": "you
    /// might say", "one could say" soften the claim that follows, like
    /// "arguably" (rule `generic-one`). Reads one word either side.
    pub(super) fn is_granted_view(&self) -> bool {
        let Some(verb) = self.next_word() else {
            return false;
        };
        // (Slices, not `listed`: every "may" and "might" asks, and a
        // comparison of a few short words costs less than a search of a
        // list's bytes.)
        if GRANTED_THOUGHTS.contains(&verb) {
            return self.back(1).is_some_and(|w| SOME_PEOPLE.contains(&w));
        }
        GRANTED_SAYINGS.contains(&verb) && !matches!(self.back(1), Some("you" | "one" | "we" | "i"))
    }

    /// Rule `concessive-may` (round 16): "may"/"might" in a clause that
    /// opens its sentence and is answered by "but" grants a point to set
    /// against another ("The ferry timetable may be new, but its delays
    /// are not", "She may not be the orator her rival is, but she wins",
    /// "a winning side might claim momentum but would gain no seats"): the
    /// writer does not doubt the point granted. The clause before the
    /// modal is its subject, at most six tokens (an opening quote mark
    /// allowed), with no "that", "if", "who", "because" or saying verb in
    /// it: "officials said the leak may have begun with a clerk, but" and
    /// "if the rain holds, it may flood, but" stay hedges, as do "not only
    /// …, but also" and a comma before the subject ("For the port, it may
    /// not be a question of cost but of time"). The "but" comes after a
    /// comma, a semicolon or a dash, or before an auxiliary ("but would"). A
    /// forecast tied to an event ("we may see gains when the ward opens,
    /// but") and the reader's reaction ("it might surprise you, but") stay
    /// hedges. Round 31: after "sound", "seem" or "look" ("It may sound
    /// like science fiction, but flying robots …") any answer after the
    /// comma will do; round 35: with no comma before "but" too ("It may
    /// look like farmyard junk but new research says …"). Reads the
    /// sentence.
    pub(super) fn is_concessive(&self, sentence: impl FnOnce() -> Option<ByteSpan>) -> bool {
        let Some(s) = sentence() else {
            return false;
        };
        let start = self.all.first_from(s.start());
        // Round 24: the conceding clause after "that" ("made it clear that
        // while he may not have a majority, his backers are loyal"), up
        // to three words between "while" and the modal.
        if let Some(open) = (2..=4).find_map(|k| {
            let i = self.first.checked_sub(k)?;
            let word = self.all.lower(i);
            (i > start
                && word.is_some_and(is_conceding_word)
                // Round 34: or after a saying verb ("Müller says while
                // some people may be more attuned, it's likely …"); round
                // 35: "even though" anywhere ("they will pay even though
                // there may be a few hobby growers, and …").
                && (matches!(self.all.lower(i - 1), Some("that" | "says" | "said" | "even"))
                    // Round 40: "although" or "though" after the one told
                    // ("takes the chance to tell them although Mars may be
                    // disappointing this month, Jupiter is well placed").
                    || matches!(word, Some("although" | "though"))
                        && self.all.lower(i - 1).is_some_and(is_object_pronoun)
                    // Round 41: or after the sentence's linking word ("So,
                    // while stock prices may look high, they are not
                    // excessive", "But while the plan may help, …"), as at
                    // the sentence's start.
                    || i == start + 1
                        && matches!(self.all.lower(start), Some("but" | "and" | "yet" | "so"))
                    || i == start + 2
                        && self.all.is_punct(i - 1, ',')
                        && matches!(self.all.lower(start), Some("so" | "still" | "yet" | "now"))))
            .then_some(i)
        }) {
            return self.concedes_from(open, self.all.first_from(s.end()));
        }
        // Round 26: the clause may open after a colon ("Part of that is
        // wallet-related: the mayor may own a villa, but he is no rich
        // man") or after a full stop and a dash that the sentence splitter
        // left inside the sentence ("… man. — He may be an underdog,
        // but"); opening quote marks and that dash are no words of its
        // subject.
        // Round 27: or after a full stop that the splitter left inside a
        // quotation ("“Wow. He may have other things to do, but I tell
        // you, that's a great idea,” she replied"), a capitalised word
        // after it (not an abbreviation's dot).
        let mut start = (start..self.first)
            .rev()
            .take(7)
            .find(|&i| {
                self.all.is_punct(i, ':')
                    || ['.', '!', '?'].iter().any(|&c| self.all.is_punct(i, c))
                        && (['—', '–'].iter().any(|&c| self.all.is_punct(i + 1, c))
                            || !self.all.is_abbreviation_dot(i) && self.all.is_capitalised(i + 1))
                    // Round 28: or after a comma and "and" ("we have always
                    // moved closer, and it may not be easy, but we will get
                    // there"), or after a dash and a capital (a list's
                    // heading: "NO FRIENDS AMONG DOCTORS — Oz may hit
                    // ratings gold, but that doesn't mean …").
                    || self.all.is_punct(i, ',') && self.all.lower(i + 1) == Some("and")
                    || ['—', '–'].iter().any(|&c| self.all.is_punct(i, c))
                        && self.all.is_capitalised(i + 1)
                    // Round 39: or after any dash when the modal grants how
                    // a thing sounds, seems or looks ("the government is
                    // interfering - it might sound familiar, but those
                    // concerns come from New Zealand").
                    || ['—', '–', '-'].iter().any(|&c| self.all.is_punct(i, c))
                        && matches!(self.next_word(), Some("sound" | "seem" | "look"))
            })
            .map_or(start, |colon| colon + 1);
        while start < self.first
            && ['"', '“', '\'', '‘', '—', '–', '-']
                .iter()
                .any(|&c| self.all.is_punct(start, c))
        {
            start += 1;
        }
        // Round 42: an aside before the granted point ("After all, the
        // delay may be news here - but abroad it is unlikely to matter",
        // "Of course, the fare may be high, but …"): the clause opens
        // after its comma.
        if let Some(after) = self.after_opening_aside(start) {
            start = after;
        }
        if self.first < start {
            return false;
        }
        // Round 42: a conceding clause's subject may run to eleven words
        // ("Whilst the principle of keeping suspects under house arrest
        // might seem attractive, it is …"): "while" already says the point
        // is granted; the other shapes read six.
        if self.first - start > 6 {
            // (Only a sentence that opens with the conceding word: the
            // other openings read six, and most modals are past that.)
            return self.first - start <= 12
                && matches!(self.all.first_letter(start), b'w' | b'a' | b't')
                && self.is_conceding_while(start, self.all.first_from(s.end()));
        }
        let end = self.all.first_from(s.end());
        if self.is_conceding_while(start, end) {
            return true;
        }
        let Some(but) = (self.after..end).find(|&i| self.all.lower(i) == Some("but")) else {
            return false;
        };
        // "We may see gains when the ward opens in January, but I promise
        // nothing": a forecast tied to an event, not a point granted.
        if (self.after..but).any(|i| {
            self.all
                .lower(i)
                .is_some_and(|w| ["when", "if", "unless", "until"].contains(&w))
        }) {
            return false;
        }
        // Round 35: "It might be a mountain range … but it might be
        // something fundamental": two possibilities side by side, the same
        // modal and verb again within three words of "but", not a point
        // granted ("may have a bad name but they might bring benefits"
        // still concedes).
        if (but + 1..(but + 4).min(end)).any(|i| {
            self.all
                .lower(i)
                .is_some_and(|w| matches!(w, "may" | "might" | "could"))
                && self.all.lower(i + 1) == self.next_word()
        }) {
            return false;
        }
        let next = self.all.lower(but + 1);
        // "It might surprise you, but": a forecast of the reader's
        // reaction, not a fact granted.
        if next == Some("also") || but.checked_sub(2).and_then(|i| self.all.lower(i)) == Some("you")
        {
            return false;
        }
        // Round 21: a dash before "but" too ("may only be a venue for a
        // few thousand voters — a sliver of the state — but their choice
        // carries").
        let comma = [',', ';', '—', '–', '-']
            .iter()
            .any(|&c| self.all.is_punct(but - 1, c));
        // A new subject right after "but": a capitalised word, a subject
        // word or a contraction ("but they're").
        let new_subject = |w: &str| {
            self.all.is_capitalised(but + 1)
                || listed(BUT_SUBJECTS, w)
                || w.bytes().any(|b| b == b'\'')
                || w.as_bytes().windows(3).any(|x| x == "’".as_bytes())
        };
        // After the comma, the clause of "but" has its own subject ("but
        // its delays are not", "but when it comes to"); a bare verb joins
        // a second verb to the modal ("might guard him, but avoid a fight"
        // is still doubt).
        let answered = comma
            && next.is_none_or(|w| {
                new_subject(w)
                    || listed(BUT_CLAUSE_OPENERS, w)
                    || listed(AUXILIARIES, w)
                    // Round 34: a gerund as the answer's subject, its verb
                    // within five words ("A sauce might make greens
                    // palatable, but dousing them in it may not be wise";
                    // not a second object, "not following the water, but
                    // watching it").
                    || w.len() > 5 && w.ends_with("ing") && self.has_verb_after(but + 2)
            })
            || next.is_some_and(|w| listed(AUXILIARIES, w))
            // Round 31: how a thing strikes people, granted and then
            // answered, whatever opens the answer ("It may sound like
            // science fiction, but flying robots could make …", "it might
            // seem contradictory, but"). Round 35: with no comma too ("It
            // may look like farmyard junk but new research says …").
            || matches!(self.next_word(), Some("sound" | "seem" | "look"))
            // Round 38: and denied ("One versus 10 may not sound very
            // impressive, but whales communicate over long distances").
            || self.next_word() == Some("not")
                && matches!(self.second_word(), Some("sound" | "seem" | "look"))
            // Round 35: with no comma, a new subject right after "but"
            // ("They might be rivals in trade but Australian and New
            // Zealand farmers are about to get closer", "Insect brains
            // might be small but they're inspiring robots"); not "not only
            // … but the whole town".
            || !comma
                && next.is_some_and(new_subject)
                && !(self.after..but).any(|i| {
                    self.all.lower(i) == Some("only") && self.all.lower(i - 1) == Some("not")
                });
        if !answered {
            return false;
        }
        // Last (most modals have no "but"): the words before the modal.
        let mut seen_word = false;
        for i in start..self.first {
            match self.all.lower(i) {
                // "That may be so, but": a pronoun, not a conjunction.
                Some("that") if !seen_word => seen_word = true,
                Some(w) if listed(OPENS_CLAUSE, w) => return false,
                Some(_) => seen_word = true,
                None if !seen_word
                    && ['"', '“', '\'', '‘']
                        .iter()
                        .any(|&c| self.all.is_punct(i, c)) => {}
                // Round 28: a title's dot in the subject ("Mrs. Clinton's
                // style may fail to inspire, but in the long run, it may
                // be more reasonable").
                None if self.all.is_abbreviation_dot(i) => {}
                None => return false,
            }
        }
        true
    }

    /// The token after the comma of an aside that opens the sentence at
    /// token `start` and sets up a concession: "After all,", "Of course,",
    /// "Admittedly,", "Granted,", "True,", "Sure," (rule `concessive-may`,
    /// round 42). Reads three tokens.
    fn after_opening_aside(&self, start: usize) -> Option<usize> {
        // (The first letter before the word: every modal asks.)
        if !matches!(
            self.all.first_letter(start),
            b'a' | b'o' | b'g' | b't' | b's'
        ) {
            return None;
        }
        let comma = match self.all.lower(start)? {
            "admittedly" | "granted" | "true" | "sure" => start + 1,
            "after" if self.all.lower(start + 1) == Some("all") => start + 2,
            "of" if self.all.lower(start + 1) == Some("course") => start + 2,
            _ => return None,
        };
        (comma < self.first && self.all.is_punct(comma, ',')).then_some(comma + 1)
    }

    /// Is there an auxiliary or a modal among the five words from token
    /// `i`, before any punctuation (the verb of a gerund subject, for
    /// [`Self::is_concessive`])?
    fn has_verb_after(&self, i: usize) -> bool {
        (i..i + 5)
            .map_while(|j| self.all.lower(j))
            .any(|w| listed(AUXILIARIES, w) || matches!(w, "may" | "might" | "should" | "must"))
    }

    /// Round 21, `concessive-may` without a "but": a clause that opens its
    /// sentence with "while", "although" or "though" and grants a state
    /// ("While he may not have made the first proposal, Okafor backed
    /// the toll", "Although the plan may be new, its flaws are not"). The
    /// modal is followed by "be", "have" or "not" (not a passive "may be
    /// delayed": an event that may come, a hedge; nor "may never be
    /// known"), a comma closes the clause within twenty-four tokens, and the
    /// sentence goes on after it. `start` and `end` are the sentence's
    /// first token and the first token after it. Reads at most sixteen
    /// tokens. Round 25: the clause may follow an opening "And", "Yet" or
    /// "Still," ("And while the pier might be shaky, it has stood"), and a
    /// dash may close it as a comma does ("though the ferry may be slow --
    /// and the cafe shuts early -- the crossing is the finest").
    pub(super) fn is_conceding_while(&self, start: usize, end: usize) -> bool {
        let mut open = start;
        // Round 25: also after an opening "Still,", "Yet", "And" ("Still,
        // though trade may be good for the country, the case is weaker");
        // round 29: "Even though" ("Even though the ferry may be slow, …").
        while open < self.first
            && self
                .all
                .lower(open)
                .is_none_or(|w| ["but", "still", "yet", "and", "even"].contains(&w))
        {
            open += 1;
        }
        if !self.all.lower(open).is_some_and(is_conceding_word) {
            return false;
        }
        self.concedes_from(open, end)
    }

    /// The rest of [`Self::is_conceding_while`], for a "while" at token
    /// `open`: only words up to the modal, the modal followed by "be",
    /// "have" or "not", and a comma within twenty-four tokens (twelve
    /// before round 36) before `end`.
    pub(super) fn concedes_from(&self, open: usize, end: usize) -> bool {
        if (open + 1..self.first).any(|i| self.all.lower(i).is_none()) {
            return false;
        }
        // Round 37: "may well be" grants as "may be" does ("says while
        // there may well be a genetic part in general, he also believes
        // …").
        let well = usize::from(self.next_word() == Some("well"));
        let word = |k: usize| self.all.lower(self.after + well + k);
        match word(0) {
            Some("be") if word(1).is_some_and(|w| w.ends_with("ed")) => return false,
            // Round 29: "been" after "may have"/"might have" matched as one
            // phrase ("Although the ruling might have been clearer, it was
            // tougher than the last").
            Some("be" | "have" | "not" | "been") => {}
            // Round 26: a state or a habit is granted as "be" is ("while
            // viewers may tune in for the brawl, what they get is a
            // broadside", "while moderates may feel a break with the
            // party, they are also hostile"); an event ("while the storm
            // may hit the coast") stays a hedge.
            Some(w) if listed(GRANTED_STATES, w) => {}
            _ => return false,
        }
        // Round 25: or a dash ("though trade may be good for the country
        // -- after netting out the losers -- the case is weaker").
        // Round 36: twenty-four tokens ("While it may be tempting to hold
        // wheat back against this rising market and achieve higher prices
        // later in the year, the practice …").
        let Some(comma) = (self.after..(self.after + 24).min(end))
            .find(|&i| self.all.lower(i).is_none())
            .filter(|&i| {
                [',', '—', '–', '-']
                    .iter()
                    .any(|&c| self.all.is_punct(i, c))
            })
        else {
            return false;
        };
        // ("--" is two tokens.)
        let next = comma
            + 1
            + usize::from(self.all.is_punct(comma, '-') && self.all.is_punct(comma + 1, '-'));
        self.all.lower(next).is_some()
    }

    /// Rule `concessive-may` for "seem" (round 27): "may seem"/"might
    /// seem" where the modal grants a point ("Superdelegates might seem
    /// anti-democratic, but parties are not pure democracies"). The modal
    /// is the word just before (the caller has seen it), read as
    /// [`Self::is_concessive`] reads it;
    /// "the plan may seem costly to voters" with no answering "but" stays a
    /// hedge, as "may" does.
    pub(super) fn is_conceded_seem(&self, sentence: impl FnOnce() -> Option<ByteSpan>) -> bool {
        let Some(i) = self.first.checked_sub(1) else {
            return false;
        };
        let modal = Context {
            all: self.all,
            span: self.all.toks[i].span(),
            first: i,
            after: self.first,
            prev: Cell::new(None),
            next: Cell::new(None),
            backs: Default::default(),
        };
        modal.is_concessive(sentence)
    }

    /// Rule `if-seems` (round 27): a plain "seem" in an if-clause ("if this
    /// all seems disconcertingly familiar, it's because a like scene played
    /// out days earlier", "If such a group seems improbable, LeVell believes
    /// that is because …") puts how a thing strikes the reader, to answer
    /// it; it does not lower the writer's commitment. "if" up to six words
    /// back with only words between (eight since a later audit: "if the
    /// reasons for a Twitter deal seem so obvious, why …"), not "as if"
    /// ("looked as if it seemed" stays a seeming). Reads nine words back at
    /// most.
    pub(super) fn is_if_seems(&self) -> bool {
        (1..=8)
            .map_while(|k| self.back(k).map(|w| (k, w)))
            .find(|&(_, w)| w == "if")
            .is_some_and(|(k, _)| self.back(k + 1) != Some("as"))
    }
}
