//! Sources: who an article attributes its information to, and how checkable
//! that source is.
//!
//! An attribution is a reporting verb from `lexicon/reporting_verbs.txt`
//! ("said", "told", "according to") or, for groups and unnamed sources only, a
//! verb of believing from `lexicon/belief_verbs.txt` ("some believe"), with
//! its subject found on either side:
//!
//! - before the verb: "Okafor said", "Ms Okafor has said", "Okafor, the city's
//!   treasurer, said" (an appositive between commas belongs to the span);
//! - after it, when nothing stands before it (after a quote, a comma or at the
//!   start of a sentence): "said Jane Okafor", "said a senior official";
//! - after "according to": "according to the Central Bank".
//!
//! The subject's noun phrase is then classified:
//!
//! - **named**: a capitalised name ("Jane Okafor", "Reuters", "the White
//!   House"), or an organisation or document that speaks on the record
//!   (`lexicon/institutions.txt`: "the ministry", "police", "the report"). A
//!   spokesperson speaking for an organisation counts as the organisation
//!   speaking, so "a ministry spokesperson said" is named.
//! - **anonymous**: a head noun from `lexicon/anonymous_sources.txt` ("a
//!   senior official", "two people familiar with the talks", "insiders");
//!   "the official said" later on is the same unnamed source again. "people"
//!   is anonymous only with a number or a qualifier ("two people familiar
//!   with"); "many people feel" is vague.
//! - **vague**: a group from `lexicon/vague_groups.txt` ("critics", "some",
//!   "analysts") — unless it is tied to a named organisation ("analysts at
//!   Barclays said" is named).
//! - a pronoun ("she said"): resolved later to the person the article last
//!   made the subject of a sentence (see [`crate::speakers`]).
//!
//! Spans follow the guideline: a named or vague mark covers the source and the
//! verb ("Okafor said", "critics say", "according to the Central Bank"); an
//! anonymous mark covers the source's noun phrase only ("two people familiar
//! with the talks"), and takes in an anonymity clause that follows it directly
//! ("a diplomat who asked not to be named"). Anonymity clauses elsewhere and
//! impersonal phrases ("it is widely believed") are marked on their own.
//!
//! Not attributions: a passive verb ("was told", "is said to" — the latter is a
//! hedge), a group merely mentioned ("officials have not commented"), a
//! named person's belief ("Okafor believes": a view, not a source of
//! information), first-person verbs ("I said").

use crate::lexicon::words::{
    BEFORE_PASSIVE, BETWEEN, BOUNDARY, CLAUSE_END, DETERMINERS, DISCOURSE, FORWARD_STOP, INSIDER,
    NAME_JOINERS, NEGATIONS, NOT_NAMES, NOUNISH_OPENERS, NUMBERS, POSTMODIFIERS, PREPOSITIONS,
    PRONOUNS, QUANTIFIERS, SPEECH, TITLE_ROLES,
};
use crate::lexicon::WordList;
use crate::lexicon::{
    ANONYMITY_CLAUSES, BELIEF_VERBS, HEDGES, REPORTING_VERBS, VAGUE_PHRASES, WORDS,
};
use crate::span::ByteSpan;
use crate::text::{is_possessive, is_whole_word, strip_possessive, TokenKind, TokenStream, Tokens};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// How checkable a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Named,
    Anonymous,
    Vague,
    /// he, she, they, it: resolved by the speaker finder.
    Pronoun,
}

/// One attribution, in normalised-text byte offsets.
#[derive(Clone, Debug)]
pub struct Attribution {
    pub kind: SourceKind,
    /// The source's own words ("Jane Okafor", "a senior official").
    pub source: ByteSpan,
    /// Who the source is, for a quote's speaker: the name without role
    /// words ("Marta Lindqvist" of "Halden chief executive Marta Lindqvist")
    /// or, for any other source, the source's words.
    pub name: ByteSpan,
    /// The verb or "according to".
    pub verb: ByteSpan,
    /// What gets marked (see the module doc for the convention).
    pub mark: ByteSpan,
    /// Index of the sentence, in the article's sentence list.
    pub sentence: usize,
    pub rule: String,
}

/// A mark that is not an attribution of a statement: anonymity clauses and
/// impersonal vague phrases.
#[derive(Clone, Debug)]
pub struct PhraseMark {
    pub kind: SourceKind,
    pub span: ByteSpan,
    pub rule: String,
}

static VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(REPORTING_VERBS.phrases().chain(BELIEF_VERBS.phrases()))
        .expect("the verb lexicons compile")
});

/// The one-word verbs of both verb lexicons.
static VERB_WORDS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::new(
        REPORTING_VERBS
            .phrases()
            .chain(BELIEF_VERBS.phrases())
            .filter(|p| !p.contains(' ')),
    )
});

static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(ANONYMITY_CLAUSES.phrases().chain(VAGUE_PHRASES.phrases()))
        .expect("the phrase lexicons compile")
});

/// Is there a quote in `sentence`, or one ending just before it (“Why now?”
/// Okafor asked.)? `quotes` are sorted and disjoint.
fn quote_beside(quotes: &[ByteSpan], sentence: ByteSpan) -> bool {
    let i = quotes.partition_point(|q| q.end + 1 < sentence.start);
    quotes.get(i).is_some_and(|q| q.start < sentence.end)
}

/// A sentence's slice of the article's token stream, with the classifier's
/// own word tests on top.
#[derive(Clone, Copy)]
struct Sent<'a>(Tokens<'a>);

impl<'a> std::ops::Deref for Sent<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.0
    }
}

impl Sent<'_> {
    /// Could token `i` be part of a name?
    fn is_name_word(&self, i: usize) -> bool {
        if self.word(i).is_none() {
            return self.is_abbreviation_dot(i);
        }
        if !self.is_capitalised(i) {
            return false;
        }
        let l = strip_possessive(self.lower(i).unwrap_or_default());
        let words = &*WORDS;
        if NOT_NAMES.contains(l) && !words.titles.contains(l) {
            return false;
        }
        if words.vague_groups.contains(l)
            || words.anonymous_heads.contains(l)
            || words.institutions.contains(l)
        {
            // "Police", "Officials", "Critics" at the start of a sentence are
            // capitalised common nouns; inside one, "the Institute of
            // Seismology" is a name. Acronyms are names anywhere.
            let sentence_start = i == 0
                || matches!(self.toks[i - 1].kind, TokenKind::Punct(c) if c != ',')
                    && !self.is_abbreviation_dot(i - 1);
            return !sentence_start || self.toks[i].is_all_caps();
        }
        true
    }
}

/// A source noun phrase: token range `[start, end)` and its class.
#[derive(Clone, Copy, Debug)]
struct Np {
    start: usize,
    end: usize,
    kind: SourceKind,
}

/// Finds every attribution and source phrase in normalised `text`.
pub fn find_sources(
    stream: &TokenStream,
    sentences: &[ByteSpan],
    quotes: &[ByteSpan],
) -> (Vec<Attribution>, Vec<PhraseMark>) {
    let text = stream.all().text;
    let n_reporting = REPORTING_VERBS.entries.len();
    let mut out = Vec::new();
    for m in VERBS.find_iter(text) {
        let vspan = ByteSpan::new(m.start(), m.end());
        if !is_whole_word(text, vspan) {
            continue;
        }
        let si = sentences.partition_point(|s| s.end <= vspan.start);
        let Some(sspan) = sentences.get(si).copied() else {
            continue;
        };
        if sspan.start > vspan.start {
            continue;
        }
        let sent = Sent(stream.within(sspan));
        let pid = m.pattern().as_usize();
        let reporting = pid < n_reporting;
        let phrase = if reporting {
            REPORTING_VERBS.entries[pid].phrase
        } else {
            BELIEF_VERBS.entries[pid - n_reporting].phrase
        };
        let Some(v0) = sent.starting_at(vspan.start) else {
            continue;
        };
        let v1 = sent.ending_at(vspan.end).unwrap_or(v0);
        // Quotes are sorted and disjoint: the one that could hold the verb
        // is the first that ends after it.
        let in_quote = quotes
            .get(quotes.partition_point(|q| q.end <= vspan.start))
            .is_some_and(|q| q.start < vspan.start && vspan.end < q.end);
        // Words of attribution inside a quotation belong to the speaker's
        // story ("a porter told us, ‘…’"), not to the article's sourcing.
        if in_quote {
            continue;
        }
        // "she asked" attributes a question next to a quotation; elsewhere
        // ("she had asked Mr. Tan for a study") it is an action.
        if phrase == "asked" && !quote_beside(quotes, sspan) {
            continue;
        }
        if let Some(a) = attribution(&sent, si, v0, v1, phrase, reporting) {
            out.push(a);
        }
    }
    resolve_back_references(text, &mut out);
    let phrases = find_phrase_marks(text, &mut out);
    (out, phrases)
}

fn attribution(
    s: &Sent,
    si: usize,
    v0: usize,
    v1: usize,
    phrase: &str,
    reporting: bool,
) -> Option<Attribution> {
    let verb = s.span(v0, v1);
    let rule_verb = phrase.replace(' ', "-");
    if phrase == "according to" {
        let np = forward_np(s, v1 + 1)?;
        return finish(s, si, np, verb, true, &rule_verb, reporting);
    }
    // A capitalised verb inside a sentence is part of a name: "the journal
    // Adolescent Health Reports".
    if v0 > 0 && s.is_capitalised(v0) && !s.is_punct(v0 - 1, '“') && !s.is_punct(v0 - 1, '"') {
        return None;
    }
    let mut k = v0;
    while k > 0
        && !s.is_capitalised(k - 1)
        && s.lower(k - 1)
            .is_some_and(|w| BETWEEN.contains(w) || NEGATIONS.contains(w))
    {
        // "has not said", "did not say": a source that says nothing.
        if s.lower(k - 1).is_some_and(|w| NEGATIONS.contains(w)) {
            return None;
        }
        k -= 1;
    }
    // A passive or adjectival use is no attribution: "was told", "is said
    // to", "was reportedly posted". After "who" or "which" the verb belongs to
    // a relative clause whose subject is outside it.
    if let Some(prev) = k.checked_sub(1).and_then(|i| s.lower(i)) {
        if BEFORE_PASSIVE.contains(prev) || prev.ends_with("n't") || prev.ends_with("n’t") {
            return None;
        }
    }
    if k > 0 {
        if let Some(np) = backward_np(s, k, phrase) {
            // "Unconfirmed reports", "Early claims": a noun, not a verb.
            let nounish = matches!(
                phrase,
                "reports" | "claims" | "notes" | "posts" | "reported"
            ) && np.start == 0
                && np.end - np.start == 1
                && s.lower(0).is_some_and(|w| {
                    HEDGES.phrases().any(|h| h == w) || NOUNISH_OPENERS.contains(w)
                });
            return (!nounish)
                .then(|| finish(s, si, np, verb, false, &rule_verb, reporting))
                .flatten();
        }
    }
    // Inversion ("“…,” said Okafor") only straight after punctuation or at
    // the start of a sentence.
    if !reporting || k != v0 || (k > 0 && s.toks[k - 1].kind == TokenKind::Word) {
        return None;
    }
    let np = forward_np(s, v1 + 1)?;
    finish(s, si, np, verb, true, &rule_verb, reporting)
}

fn finish(
    s: &Sent,
    si: usize,
    np: Np,
    verb: ByteSpan,
    after: bool,
    rule_verb: &str,
    reporting: bool,
) -> Option<Attribution> {
    if !reporting && matches!(np.kind, SourceKind::Named | SourceKind::Pronoun) {
        return None;
    }
    let source = s.span(np.start, np.end - 1);
    let mark = match np.kind {
        SourceKind::Anonymous => source,
        _ if after => ByteSpan::new(verb.start, source.end),
        _ => ByteSpan::new(source.start, verb.end),
    };
    let kind_name = match np.kind {
        SourceKind::Named => "named",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Vague => "vague",
        SourceKind::Pronoun => "pronoun",
    };
    let order = if after { "verb-source" } else { "source-verb" };
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
        sentence: si,
        rule: format!("{kind_name}/{order}/{rule_verb}"),
    })
}

/// The name inside a named source: role words dropped ("City Manager Victor
/// Osei" → "Victor Osei"), titles kept ("Ms. May"), and what follows "of"
/// dropped when a person's name comes before it ("Sen. Dale Whitcomb of
/// Nebraska" → "Sen. Dale Whitcomb"). `None` when the source has no name.
fn core_name(s: &Sent, np: Np) -> Option<ByteSpan> {
    let mut end = np.end;
    if let Some(of) =
        (np.start..np.end).find(|&i| s.lower(i).is_some_and(|w| w == "of" || w == "for"))
    {
        let before = (np.start..of)
            .filter(|&i| s.is_capitalised(i) && s.is_name_word(i))
            .count();
        // A person "of" a place ("Sen. Dale Whitcomb of Nebraska"), not an
        // organisation ("The National Federation of Housing Workers").
        let organisation = s.lower(np.start) == Some("the");
        if before >= 2 && !organisation {
            end = of;
        }
    }
    let mut a = end;
    // Role words end the name, except a capitalised title ("Judge Helen
    // Marsh", "President Rafael Domingo").
    let ends_name = |i: usize| {
        s.lower(i).is_some_and(|w| {
            WORDS.roles.contains(w)
                && !WORDS.titles.contains(w)
                && !(s.is_capitalised(i) && TITLE_ROLES.contains(w))
        })
    };
    // Walk back over the name, and over particles inside it ("Erik ten Hag").
    let particle = |i: usize| {
        i > np.start
            && s.lower(i)
                .is_some_and(|w| NAME_JOINERS.contains(w) && w != "of" && w != "for" && w != "and")
            && s.is_name_word(i - 1)
    };
    while a > np.start && (s.is_name_word(a - 1) && !ends_name(a - 1) || particle(a - 1)) {
        a -= 1;
    }
    while a < end && s.word(a).is_none() {
        a += 1;
    }
    // "A spokesperson for Calder": the speaker is the spokesperson.
    if a >= end || a > np.start && s.lower(a - 1).is_some_and(|w| PREPOSITIONS.contains(w)) {
        return None;
    }
    if a > np.start && s.lower(a - 1).is_some_and(|w| w == "the") {
        a -= 1;
    }
    Some(s.span(a, end - 1))
}

/// The clause start going back from token `end` (exclusive).
fn boundary_back(s: &Sent, end: usize) -> usize {
    let mut i = end;
    while i > 0 {
        let t = i - 1;
        match s.toks[t].kind {
            TokenKind::Punct(_) if s.is_abbreviation_dot(t) => {}
            TokenKind::Punct(_) => break,
            // Another verb of saying or believing ends the subject too:
            // "many people feel nobody has asked them".
            // After a preposition "that" is a determiner ("critics of that
            // deal"), not the start of a clause.
            TokenKind::Word => {
                let determiner = t > 0
                    && s.lower(t) == Some("that")
                    && s.lower(t - 1)
                        .is_some_and(|p| PREPOSITIONS.contains(p) || p == "to");
                // "five current and former employees": "and" inside the
                // noun phrase.
                let paired = t > 0
                    && matches!(s.lower(t), Some("and" | "or"))
                    && s.lower(t - 1).is_some_and(|p| {
                        matches!(
                            p,
                            "current" | "former" | "past" | "present" | "senior" | "junior"
                        )
                    });
                if !determiner
                    && !paired
                    && s.lower(t).is_some_and(|w| {
                        BOUNDARY.contains(w) || w != "asked" && VERB_WORDS.contains(w)
                    })
                {
                    break;
                }
            }
        }
        i -= 1;
    }
    i
}

/// The source before a verb whose first word-to-the-left ends at token `k`.
fn backward_np(s: &Sent, k: usize, verb: &str) -> Option<Np> {
    if s.is_punct(k - 1, ',') {
        // "Okafor, the city's treasurer, said" / "the treasurer, Jane Okafor,
        // said" / "Dr. Marsh, who met Sen. Ruiz in Washington, D.C., on
        // Tuesday, said": try the commas going back, nearest first.
        let commas: Vec<usize> = (0..k - 1)
            .rev()
            .take(30)
            .filter(|&i| s.is_punct(i, ','))
            .take(3)
            .collect();
        return commas
            .into_iter()
            .find_map(|c| appositive_np(s, c, k, verb));
    }
    if s.toks[k - 1].kind != TokenKind::Word && !s.is_abbreviation_dot(k - 1) {
        return None;
    }
    let start = boundary_back(s, k);
    if start >= k {
        return None;
    }
    classify(s, start, k, verb)
}

/// The source before an appositive that runs from the comma at `comma2` to
/// the comma just before the verb (token `k - 1`).
fn appositive_np(s: &Sent, comma2: usize, k: usize, verb: &str) -> Option<Np> {
    {
        if comma2 + 1 >= k - 1 {
            return None;
        }
        if let Some(np) = name_np_exact(s, comma2 + 1, k - 1) {
            return Some(np);
        }
        let pre_start = boundary_back(s, comma2);
        if pre_start >= comma2 {
            return None;
        }
        let np = classify(s, pre_start, comma2, verb);
        // "One engineer, who asked not to be named, said": whoever the
        // anonymity clause describes is an anonymous source.
        if holds_anonymity_clause(s, comma2 + 1, k - 1)
            && np.is_none_or(|np| np.kind != SourceKind::Named)
        {
            let np = common_np(s, pre_start, comma2, verb).map_or(
                Np {
                    start: pre_start,
                    end: comma2,
                    kind: SourceKind::Anonymous,
                },
                |np| Np {
                    kind: SourceKind::Anonymous,
                    ..np
                },
            );
            return Some(np);
        }
        let np = np?;
        (np.kind != SourceKind::Pronoun).then_some(np)
    }
}

/// Tokens `[a, b)` are exactly a name (an appositive "Jane Okafor").
fn name_np_exact(s: &Sent, a: usize, b: usize) -> Option<Np> {
    ((a..b).all(|i| s.is_name_word(i)) && s.word(a).is_some()).then_some(Np {
        start: a,
        end: b,
        kind: SourceKind::Named,
    })
}

/// Where a name ending at token `end` (exclusive) starts, walking back over
/// name words and joiners between them.
fn name_run_start(s: &Sent, floor: usize, end: usize) -> usize {
    let mut n = end;
    while n > floor {
        let joiner = n - 1 > floor
            && n < end
            && s.lower(n - 1).is_some_and(|w| NAME_JOINERS.contains(w))
            && s.is_name_word(n - 2)
            && s.word(n - 2).is_some();
        if !(s.is_name_word(n - 1) || joiner) {
            break;
        }
        n -= 1;
    }
    // A full stop is never the start of a name.
    while n < end && s.word(n).is_none() {
        n += 1;
    }
    n
}

/// Could this lowercase word be part of a role before a name ("council
/// spokesperson", "union president")?
fn is_role_word(w: &str) -> bool {
    !DETERMINERS.contains(w)
        && !PREPOSITIONS.contains(w)
        && !NOT_NAMES.contains(w)
        && !BETWEEN.contains(w)
        && !BOUNDARY.contains(w)
        && !PRONOUNS.contains(w)
        && !FORWARD_STOP.contains(w)
}

/// Present-tense verbs that agree only with a plural subject.
fn is_plural_verb(verb: &str) -> bool {
    matches!(verb, "say" | "argue" | "warn" | "note")
        || verb != "believes" && BELIEF_VERBS.phrases().any(|p| p == verb)
}

/// Classifies the clause-final noun phrase in tokens `[start, end)`.
fn classify(s: &Sent, start: usize, end: usize, verb: &str) -> Option<Np> {
    // A pronoun subject.
    if end - start == 1 && s.lower(start).is_some_and(|w| PRONOUNS.contains(w)) {
        return Some(Np {
            start,
            end,
            kind: SourceKind::Pronoun,
        });
    }
    let n = name_run_start(s, start, end);
    if n < end {
        // "A person close to Halden", "the diversion via Mill Lane": the name
        // sits inside a phrase about something else.
        if n > start
            && s.lower(n - 1).is_some_and(|w| {
                PREPOSITIONS.contains(w) || matches!(w, "to" | "via" | "about" | "against")
            })
        {
            return common_np(s, start, end, verb);
        }
        // "Campaigners argue": a capitalised plural at the start of a
        // sentence, with a verb only a plural takes, is a group, not a name.
        // Likewise "Allies of Mr Elland say".
        // "Campaigners have long argued": "have" agrees only with a plural.
        let opens_with_plural = n == start && s.lower(n).is_some_and(|w| w.ends_with('s'));
        let plural_verb = is_plural_verb(verb)
            || s.lower(end)
                .is_some_and(|w| matches!(w, "have" | "are" | "were" | "do"));
        if opens_with_plural
            && (end - n == 1 && plural_verb || s.lower(n + 1).is_some_and(|w| w == "of"))
        {
            return common_np(s, start, end, verb);
        }
        // "some Conservatives warned": a quantified group, capitalised or not.
        if n > start && s.lower(n - 1).is_some_and(|w| QUANTIFIERS.contains(w)) {
            return common_np(s, start, end, verb);
        }
        // Role words before the name belong to the source: "union president
        // Adebayo Okonkwo", "Halden chief executive Marta Lindqvist".
        let mut a = n;
        let role_word = |i: usize| s.lower(i).is_some_and(is_role_word);
        while a > start && n - a < 4 && role_word(a - 1) {
            a -= 1;
        }
        if a > start && s.lower(a - 1).is_some_and(|w| w == "the") {
            a -= 1;
        }
        return Some(Np {
            start: a,
            end,
            kind: SourceKind::Named,
        });
    }
    common_np(s, start, end, verb)
}

/// A noun phrase without a name at its end: find its start and its head, and
/// classify it (see the module doc).
fn common_np(s: &Sent, start: usize, end: usize, verb: &str) -> Option<Np> {
    let mut a = start;
    // Leading discourse words: "But critics say", "Now officials say".
    while a < end && s.lower(a).is_some_and(|w| DISCOURSE.contains(w)) {
        a += 1;
    }
    if a >= end {
        return None;
    }
    if s.lower(a).is_some_and(|w| PREPOSITIONS.contains(w)) {
        // "In a statement the ministry said": the phrase starts at the last
        // determiner.
        a = (a + 1..end)
            .rev()
            .find(|&i| s.lower(i).is_some_and(|w| DETERMINERS.contains(w)))?;
    }
    if end - a > 12 {
        return None;
    }
    let post = (a..end)
        .find(|&i| i > a && s.lower(i).is_some_and(|w| POSTMODIFIERS.contains(w)))
        .unwrap_or(end);
    // The head: the last word before any postmodifier.
    let head_i = (a..post).rev().find(|&i| s.word(i).is_some())?;
    let head = s.lower(head_i)?;
    let head = strip_possessive(head).trim_end_matches(['\'', '’']);
    let first = s.lower(a).unwrap_or_default();
    let has_post = post < end;
    let post_has_name = (post..end).any(|i| s.is_capitalised(i) && s.is_name_word(i));
    let words = &*WORDS;
    let clause = has_post && starts_with_anonymity_clause(s, post, end);
    let insider = has_post && s.lower(post).is_some_and(|w| INSIDER.contains(w));
    let counted = NUMBERS.contains(first);
    let quantified = QUANTIFIERS.contains(first);
    let definite = first == "the" || is_possessive(first);
    // Unknown heads ("a witness", "the consultant") are sources only as the
    // subject of a verb of speech: "two new cases reported" is not one.
    let speech = SPEECH.contains(verb);
    // "three of the workers", "some of the critics": a part of a group.
    let partitive = head_i == a && s.lower(a + 1) == Some("of") && (counted || quantified);
    let kind = if clause || insider {
        SourceKind::Anonymous
    } else if partitive && quantified {
        SourceKind::Vague
    } else if partitive && speech {
        SourceKind::Anonymous
    } else if head_i == a && matches!(head, "another" | "one") && speech {
        // "Another said", "One said": one more of the people just
        // mentioned, none of them named.
        SourceKind::Anonymous
    } else if words.anonymous_heads.contains(head) {
        // "some officials say" is an unspecified group; so is "people" with
        // no number or qualifier ("people feel").
        if quantified || matches!(head, "people" | "person") && head_i == a {
            SourceKind::Vague
        } else {
            SourceKind::Anonymous
        }
    } else if words.institutions.contains(head) {
        SourceKind::Named
    } else if words.vague_groups.contains(head) {
        if post_has_name {
            SourceKind::Named
        } else if counted && head_i > a {
            SourceKind::Anonymous
        } else {
            SourceKind::Vague
        }
    } else if words.roles.contains(head) {
        // "the mayor said" points back to a named office holder; "a
        // minister said" withholds who.
        if definite {
            SourceKind::Named
        } else if counted {
            SourceKind::Anonymous
        } else {
            return None;
        }
    } else if counted && head_i > a && !definite && speech {
        // "a witness said", "two Elm Street teachers said".
        SourceKind::Anonymous
    } else if definite && head_i > a && !head.ends_with('s') && !has_post && speech {
        // "the consultant said", "the letter said": a reference back to a
        // source introduced earlier. Named, unless it points back to an
        // anonymous source (settled in `find_sources`).
        SourceKind::Named
    } else if head.ends_with('s')
        && !quantified
        && speech
        && s.lower(post).is_some_and(|w| matches!(w, "for" | "of"))
        && s.lower(post + 1)
            .is_some_and(|w| w == "the" || is_possessive(w))
    {
        // "Lawyers for the official", "friends of the singer": people tied
        // to someone the article names or has introduced, not a whole group.
        SourceKind::Anonymous
    } else if quantified && head_i > a
        || head.ends_with('s') && (head_i == a || !DETERMINERS.contains(first) && !definite)
    {
        // "some traders said", "campaigners argue", "privacy advocates argue".
        SourceKind::Vague
    } else {
        return None;
    };
    Some(Np {
        start: a,
        end,
        kind,
    })
}

fn anonymity_clause_in(s: &Sent, from: usize, end: usize, anywhere: bool) -> bool {
    let rest = s.lower_span(s.span(from, end - 1));
    ANONYMITY_CLAUSES.phrases().any(|p| {
        if anywhere {
            rest.contains(p)
        } else {
            rest.starts_with(p)
        }
    })
}

fn starts_with_anonymity_clause(s: &Sent, from: usize, end: usize) -> bool {
    anonymity_clause_in(s, from, end, false)
}

fn holds_anonymity_clause(s: &Sent, from: usize, end: usize) -> bool {
    anonymity_clause_in(s, from, end, true)
}

/// The source after a verb ("said Jane Okafor", "said a senior official") or
/// after "according to", starting at token `i`.
fn forward_np(s: &Sent, i: usize) -> Option<Np> {
    s.word(i)?;
    if s.lower(i).is_some_and(|w| PRONOUNS.contains(w)) {
        return Some(Np {
            start: i,
            end: i + 1,
            kind: SourceKind::Pronoun,
        });
    }
    // Role words or "the" before a name: "said council spokesperson Jane
    // Okafor", "according to the Central Bank".
    let mut lead = 0;
    while lead < 3
        && s.lower(i + lead)
            .is_some_and(|w| w == "the" || is_role_word(w))
        && !s.is_capitalised(i + lead)
    {
        lead += 1;
    }
    if !s.is_name_word(i + lead) {
        lead = 0;
    }
    if s.is_name_word(i + lead) && s.word(i + lead).is_some() {
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
        while e > i && s.word(e - 1).is_none() {
            e -= 1;
        }
        let np = Np {
            start: i,
            end: e,
            kind: SourceKind::Named,
        };
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
    phrase_forward(s, i)
}

/// A lowercase noun phrase after a verb, up to punctuation or a stop word.
fn phrase_forward(s: &Sent, i: usize) -> Option<Np> {
    let mut e = i;
    while e < s.toks.len() && e - i < 12 {
        match s.lower(e) {
            // "briefed on the inquiry", "involved in the talks": the
            // preposition belongs to the insider phrase.
            Some(w)
                if FORWARD_STOP.contains(w)
                    && e > i
                    && !s.lower(e - 1).is_some_and(|p| INSIDER.contains(p)) =>
            {
                break
            }
            Some("who") => {
                // Keep an anonymity clause ("who asked not to be named"),
                // drop any other relative clause.
                // `starts_with` reads no further than the clause, so a
                // sentence of thousands of "who"s stays linear.
                let start = s.toks[e].span.start;
                let last = s.toks.last().map_or(s.toks[e].span.end, |t| t.span.end);
                let rest = s.lower_span(ByteSpan::new(start, last));
                if let Some(clause) = ANONYMITY_CLAUSES.phrases().find(|p| rest.starts_with(p)) {
                    // ... to the end of the clause: "who was granted
                    // anonymity to discuss private talks".
                    let clause = extend_clause(s.text, ByteSpan::new(start, start + clause.len()));
                    while e < s.toks.len() && s.toks[e].span.end <= clause.end {
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
    // The phrase must start where the verb left off.
    (np.start == i).then_some(np)
}

/// How many attributions back a reference may point: a few paragraphs,
/// which also keeps the work linear in the article's length.
pub const LOOKBACK: usize = 40;

/// "The consultant said" after "a senior consultant, who was not authorised
/// to speak publicly, said" is the same anonymous source again: a definite
/// reference whose head word was last seen in an anonymous source stays
/// anonymous.
fn resolve_back_references(text: &str, attributions: &mut [Attribution]) {
    for i in 0..attributions.len() {
        let a = &attributions[i];
        if a.kind != SourceKind::Named {
            continue;
        }
        let source = a.source.slice(text);
        // "the consultant", "the former supervisor": no name, no comma.
        if !source
            .get(..4)
            .is_some_and(|the| the.eq_ignore_ascii_case("the "))
            || source.contains(',')
            || source[4..]
                .split(' ')
                .any(|w| w.starts_with(char::is_uppercase))
        {
            continue;
        }
        let head = head_word(source);
        let known = WORDS.roles.contains(head) || WORDS.institutions.contains(head);
        // A known role or body points back to a source with the same word
        // ("the consultant"); any other word ("the rescuer" after "a rescue
        // worker") to the latest source.
        let earlier = attributions[i.saturating_sub(LOOKBACK)..i]
            .iter()
            .rev()
            .filter(|b| b.kind != SourceKind::Pronoun)
            .find(|b| !known || head_word(b.source.slice(text)).eq_ignore_ascii_case(head));
        if earlier.is_some_and(|b| b.kind == SourceKind::Anonymous) {
            let a = &mut attributions[i];
            a.kind = SourceKind::Anonymous;
            a.mark = a.source;
            a.name = a.source;
            a.rule = a.rule.replacen("named/", "anonymous/back-reference/", 1);
        }
    }
}

/// The head noun of a source phrase: its last word before any postmodifier
/// ("a former supervisor who left the company" → "supervisor").
fn head_word(source: &str) -> &str {
    let mut head = "";
    for (i, w) in source.split(' ').enumerate() {
        if i > 0 && POSTMODIFIERS.contains(w) {
            break;
        }
        head = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    }
    head
}

/// Anonymity clauses and impersonal vague phrases. A clause directly after an
/// anonymous noun phrase joins that phrase's mark.
fn find_phrase_marks(text: &str, attributions: &mut [Attribution]) -> Vec<PhraseMark> {
    let n_clauses = ANONYMITY_CLAUSES.entries.len();
    let mut out = Vec::new();
    for m in PHRASES.find_iter(text) {
        let span = ByteSpan::new(m.start(), m.end());
        if !is_whole_word(text, span) {
            continue;
        }
        let pid = m.pattern().as_usize();
        if pid < n_clauses {
            let phrase = ANONYMITY_CLAUSES.entries[pid].phrase;
            // A "who" clause runs to its end: "who was not authorized to
            // discuss the inquiry".
            let span = if phrase.starts_with("who ") {
                extend_clause(text, span)
            } else {
                span
            };
            let rule = format!("anonymous/clause/{}", phrase.replace(' ', "-"));
            // Attribution marks are short and come in text order, so only the
            // last few before the clause can touch it.
            let near = attributions.partition_point(|a| a.verb.start <= span.end);
            let (lo, hi) = (near.saturating_sub(8), (near + 4).min(attributions.len()));
            let joined = (lo..hi).rev().find(|&i| {
                let a = &attributions[i];
                a.kind == SourceKind::Anonymous
                    && phrase.starts_with("who ")
                    && a.mark.end < span.start
                    && text[a.mark.end..span.start] == *" "
            });
            match joined {
                Some(i) => attributions[i].mark.end = span.end,
                None if attributions[lo..hi].iter().any(|a| a.mark.contains(span)) => {}
                None => out.push(PhraseMark {
                    kind: SourceKind::Anonymous,
                    span,
                    rule,
                }),
            }
        } else {
            let phrase = VAGUE_PHRASES.entries[pid - n_clauses].phrase;
            // "It is believed to be" is the hedge "is believed to".
            if text[span.end..].starts_with(" to ") {
                continue;
            }
            out.push(PhraseMark {
                kind: SourceKind::Vague,
                span,
                rule: format!("vague/phrase/{}", phrase.replace(' ', "-")),
            });
        }
    }
    out
}

/// How far into a sentence [`leading_name`] looks for the name it opens with.
const LEADING_NAME_BYTES: usize = 96;

/// The name a sentence opens with, if it opens with one ("Lindqvist left the
/// room." → "Lindqvist"): the sentence's grammatical subject, for resolving a
/// later "he" or "she".
pub fn leading_name(stream: &TokenStream, sentence: ByteSpan) -> Option<ByteSpan> {
    // Most sentences open with a lowercase word, a quote or "The": look at
    // no more than the opening words, and only when they can hold a name.
    let end = sentence.start + sentence.len().min(LEADING_NAME_BYTES);
    let s = Sent(stream.within(ByteSpan::new(sentence.start, end)));
    if s.toks.first()?.span.start != sentence.start || !s.is_capitalised(0) {
        return None;
    }
    let first = s.lower(0).unwrap_or_default();
    let first = &first[..first
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(first.len())];
    if NOT_NAMES.contains(first) && !DISCOURSE.contains(first) {
        return None;
    }
    let mut i = 0;
    while s.lower(i).is_some_and(|w| DISCOURSE.contains(w)) {
        i += 1;
    }
    if s.is_punct(i, ',') {
        i += 1;
    }
    if s.word(i).is_none() || !s.is_name_word(i) {
        return None;
    }
    let mut e = i;
    while e < s.toks.len() && s.is_name_word(e) {
        e += 1;
    }
    // "Liverpool boss Arne Slot praised…": a team or company, role words,
    // then the person, who is the subject.
    let role_end = (e..(e + 3).min(s.toks.len()))
        .take_while(|&r| s.lower(r).is_some_and(is_role_word) && !s.is_capitalised(r))
        .last();
    if let Some(r) = role_end {
        if s.word(r + 1).is_some() && s.is_name_word(r + 1) {
            i = r + 1;
            e = i;
            while e < s.toks.len() && s.is_name_word(e) {
                e += 1;
            }
        }
    }
    while e > i && s.word(e - 1).is_none() {
        e -= 1;
    }
    // A name is followed by its verb or an appositive, not by more of a
    // capitalised phrase.
    let next_ok = s.is_punct(e, ',')
        || s.word(e)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    next_ok.then(|| s.span(i, e - 1))
}

/// The most words a relative clause may run on after its anonymity phrase
/// ("who declined to be named *to discuss the inquiry*").
const CLAUSE_TAIL_WORDS: usize = 6;

/// Extends a clause to the next punctuation mark, by up to
/// [`CLAUSE_TAIL_WORDS`] words. It reads at most a few words past that
/// limit, never the rest of the sentence.
fn extend_clause(text: &str, span: ByteSpan) -> ByteSpan {
    let Some(rest) = text.get(span.end..) else {
        return span;
    };
    // The clause runs to the next punctuation mark; a longer run than the
    // limit is rejected below, so stop reading once the limit is passed.
    let mut stop = rest.len();
    let mut words = 0;
    let mut in_word = false;
    for (at, c) in rest.char_indices() {
        if !(c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'' || c == '’') {
            stop = at;
            break;
        }
        if c != ' ' && !in_word {
            words += 1;
            if words > CLAUSE_TAIL_WORDS + 2 {
                stop = at;
                break;
            }
        }
        in_word = c != ' ';
    }
    // The clause ends at a conjunction ("who declined to be named because
    // the matter is confidential") ...
    let mut tail = &rest[..stop];
    let mut at = 0;
    for w in tail.split_inclusive(' ') {
        if CLAUSE_END.contains(w.trim()) {
            tail = &tail[..at];
            break;
        }
        at += w.len();
    }
    let tail = tail.trim_end();
    // ... and before the main verb: "who asked not to be named said".
    if tail.is_empty()
        || tail.split_whitespace().count() > CLAUSE_TAIL_WORDS
        || tail.split_whitespace().any(|w| VERB_WORDS.contains(w))
    {
        return span;
    }
    ByteSpan::new(span.start, span.end + tail.len())
}
