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
//! The subject's noun phrase is then classified by the ordered rule table in
//! [`classify`] (its order is the precedence between the cases below); in
//! short:
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
//!   with"); "many people feel" is vague. The line with vague: an
//!   anonymous head says where the person sits (a job or post with access:
//!   "one strategist", "party operatives", "her campaign workers"); a vague
//!   head says what a group thinks about ("experts", "political
//!   scientists", "security specialists", "forecasters").
//! - **vague**: a group from `lexicon/vague_groups.txt` ("critics", "some",
//!   "analysts") — unless it is tied to a named organisation ("analysts at
//!   Barclays said" is named).
//! - a pronoun ("she said"): resolved later to the person the article last
//!   made the subject of a sentence (see [`crate::speakers`]); a "he" or
//!   "she" left unresolved is marked named with an explanation that says
//!   so (see `analysis`).
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
//! information), first-person verbs ("I said"), an unnamed person's
//! question ("a reporter asked if": a question is not a claim).
//!
//! ## Where each step lives
//!
//! - [`verbs`]: finding the reporting verb and deciding whether it attributes
//!   at all (passives, negations, inversion);
//! - [`subject`]: finding the subject phrase: backward ("Okafor said"),
//!   through an appositive ("Okafor, the treasurer, said") or forward ("said
//!   Okafor", "according to the Central Bank");
//! - [`names`]: proper names, titles and role words;
//! - [`classify`]: the rule table that decides named, anonymous or vague;
//! - [`anonymity`]: anonymity clauses ("on condition of anonymity");
//! - [`vague`]: impersonal vague phrases ("it is widely believed");
//! - [`back_references`]: "the official said" pointing back to an anonymous
//!   source.

mod anonymity;
mod back_references;
pub mod classify;
pub(crate) mod forms;
mod inflection;
mod names;
mod subject;
mod vague;
mod verbs;

pub use back_references::LOOKBACK;
pub(crate) use back_references::STUDY_TEAMS;
pub use classify::Rule;
pub(crate) use names::is_role_noun;
pub use names::leading_name;

use crate::lexicon::words::DOCUMENTS;
use crate::lexicon::{PhraseHits, PhraseMatch};
use crate::span::ByteSpan;
use crate::text::{is_whole_word, TokenStream, Tokens};
pub use classify::{Order, SourceRule};
use std::cell::Cell;
use std::fmt;

/// How checkable a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Index of the sentence, in the article's sentence list (a `u32`, as
    /// offsets are: an attribution is 64 bytes, not 72, and an article of
    /// nothing but attributions holds one per three words).
    pub sentence: u32,
    pub rule: SourceRule,
}

/// Which pronoun a pronoun source is: the mark and speaker stages treat
/// them differently (see [`Attribution::pronoun`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// "I told the panel": whoever writes or speaks in the first person
    /// (decision in `verbs`): it resolves to nobody and speaks no quote.
    FirstPerson,
    /// "he said", "she added": a person the article introduced.
    Person,
    /// "his claim that …", "her promise to …": a possessive before a noun
    /// of saying, resolved as "he said" is.
    Possessive,
    /// "they", "it", "who", "which" and the rest: resolved only to an
    /// earlier source.
    Other,
}

impl Attribution {
    /// Which pronoun the source is, or `None` when it is no pronoun. Read
    /// from the source's own word in `text` (the text the attribution was
    /// found in), here only.
    pub fn pronoun(&self, text: &str) -> Option<Pronoun> {
        (self.kind == SourceKind::Pronoun).then(|| match self.source.slice(text) {
            "I" => Pronoun::FirstPerson,
            "he" | "He" | "she" | "She" => Pronoun::Person,
            "his" | "His" | "her" | "Her" => Pronoun::Possessive,
            _ => Pronoun::Other,
        })
    }
}

/// A mark that is not an attribution of a statement: anonymity clauses and
/// impersonal vague phrases.
#[derive(Clone, Debug)]
pub struct PhraseMark {
    pub kind: SourceKind,
    pub span: ByteSpan,
    pub rule: PhraseRule,
}

/// The typed rule id of a phrase mark. `Display` gives the string written in
/// JSON: `anonymous/clause/on-condition-of-anonymity`,
/// `vague/phrase/it-is-widely-believed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhraseRule {
    /// An entry of `lexicon/anonymity_clauses.txt`.
    AnonymityClause(&'static str),
    /// An entry of `lexicon/vague_phrases.txt`.
    VaguePhrase(&'static str),
}

impl PhraseRule {
    /// The string `Display` gives, appended to `out`.
    pub fn push_to(&self, out: &mut String) {
        let (prefix, phrase) = match self {
            PhraseRule::AnonymityClause(p) => ("anonymous/clause/", p),
            PhraseRule::VaguePhrase(p) => ("vague/phrase/", p),
        };
        out.push_str(prefix);
        crate::mark::push_dashed(phrase, out);
    }
}

impl fmt::Display for PhraseRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(48);
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

/// An adverb in -ly, by its ending ("pointedly", "immediately"); words of
/// four letters or fewer ("only", "July", "Ely") are not read as one.
pub(super) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// Is token `i` a dash standing between words: an em dash, an en dash, a
/// hyphen set apart, or the horizontal bar some sites use for a dash ("The
/// film ― which weaves together … ― explains").
///
/// Read from the token's first bytes: "-", or the three bytes of U+2013 to
/// U+2015 (en dash, em dash, horizontal bar: E2 80 93 to E2 80 95), where
/// testing each of the four chars in turn cost some 20 instructions a
/// call, for every verb (`dashes_are_the_four_chars` checks the two agree).
fn is_dash(s: &Sent, i: usize) -> bool {
    s.toks.get(i).is_some_and(|t| {
        !t.is_word()
            && matches!(
                s.text.as_bytes().get(t.span().start()..),
                Some([b'-', ..] | [0xE2, 0x80, 0x93..=0x95, ..])
            )
    })
}

/// Does token `i` open a clause with ", and" or ", but" ("…, and Clinton
/// is promising", "…, but even now she says")?
fn comma_and_or_but(s: &Sent, i: usize) -> bool {
    i > 0 && s.is_punct(i - 1, ',') && matches!(s.lower(i), Some("and" | "but"))
}

/// Is there a quote in `sentence`, or one ending just before it (“Why now?”
/// Okafor asked.)? `quotes` are sorted and disjoint.
fn quote_beside(quotes: &[ByteSpan], sentence: ByteSpan) -> bool {
    let i = quotes.partition_point(|q| q.end() + 1 < sentence.start());
    quotes.get(i).is_some_and(|q| q.start() < sentence.end())
}

/// A document of words/documents.txt, or its regular plural ("reports",
/// "studies"): "some reports said", "FEC reports show".
pub(super) fn is_document(head: &str) -> bool {
    DOCUMENTS.contains_or_plural(head)
        // "studies", "inquiries": read only for a word in -ies.
        || head
            .strip_suffix("ies")
            .is_some_and(|h| DOCUMENTS.iter().any(|d| d.strip_suffix('y') == Some(h)))
}

/// The first token of `s` that starts at or after byte `at`
/// (`Tokens::first_from`): read on from token `hint` when it starts at or
/// before `at` (the last verb's, in the same sentence), or by a binary
/// search. Verbs come in text order, so the readings on add up to the
/// sentence's length at most, where a binary search over a sentence of
/// thousands of tokens took some twenty steps a verb ("said said said …").
fn first_token_from(s: &Sent, hint: Option<usize>, at: usize) -> usize {
    match hint {
        Some(h) if s.toks.get(h).is_some_and(|t| t.span().start() <= at) => (h..s.len())
            .find(|&i| s.toks[i].span().start() >= at)
            .unwrap_or(s.len()),
        _ => s.first_from(at),
    }
}

/// `spans.partition_point(before)`, read on from `*at` (where the last
/// search ended) when `before` holds for the span ahead of it, or by a
/// binary search when it does not; `*at` is set to the answer. Verbs come
/// in text order, so the readings on add up to the article's sentences (or
/// quotes) at most, where a binary search for each verb cost some 0.3M
/// instructions on 1 MB of news. `before` must hold for a prefix of
/// `spans`, as `partition_point` asks.
fn partition_from(spans: &[ByteSpan], at: &mut usize, before: impl Fn(&ByteSpan) -> bool) -> usize {
    let mut i = *at;
    if i > spans.len() || i > 0 && !before(&spans[i - 1]) {
        i = spans.partition_point(&before);
    } else {
        while spans.get(i).is_some_and(&before) {
            i += 1;
        }
    }
    *at = i;
    i
}

/// A sentence's slice of the article's token stream, with the classifier's
/// own word tests on top.
#[derive(Clone, Copy)]
struct Sent<'a, 'k> {
    tokens: Tokens<'a>,
    /// Per token, [`Sent::is_name_word`]'s answer for a capitalised word
    /// once asked: the rules ask it again and again of the same words of a
    /// name. An entry is `name_stamp << 2` and 1 (no) or 2 (yes); one with
    /// another stamp is another sentence's, not asked yet here. Empty
    /// where nothing is kept.
    names: &'k [Cell<u8>],
    /// This sentence's stamp in `names`, 1 to [`NAME_RUN`] (see
    /// `find_sources`).
    name_stamp: u8,
    /// The last verb's [`forms::form_of`] and whether it is a verb of
    /// speech, read by `classify` (see `Sent::verb_facts` there), shared by
    /// every verb's `Sent` of an article (or none).
    verb_facts: Option<&'k VerbFacts>,
}

/// [`Sent`]'s `verb_facts`: per slot ([`verb_slot`]), the last verb read
/// there as its lexicon writes it, its form and whether it is a verb of
/// speech. (One slot kept only the last verb: news alternates "said",
/// "told", "says" and the rest, and the look-ups cost 0.5M instructions on
/// 1 MB of news.)
/// The second field is the slot the last verb asked about is in.
type VerbFacts = (
    [Cell<Option<(&'static str, Option<&'static forms::VerbForm>, bool)>>; VERB_SLOTS],
    Cell<usize>,
);

/// How many verbs [`VerbFacts`] keeps, a power of two. (With 16, the
/// 28 verb forms of 1 MB of news fell on one another's slots:
/// 403 look-ups where 32 slots make 166, 0.06M instructions. 64 slots
/// made 78, but `the official said. ` repeated rose by 0.7M in
/// `attribution`'s own code, which they do not touch: code placed anew.)
const VERB_SLOTS: usize = 32;

/// A verb's slot in [`VerbFacts`]: its address (one verb is one string of
/// the lexicon), multiplied by an odd constant, top five bits. (Its bytes
/// and length, added, cost 0.8M instructions more on a megabyte of "the
/// official said. ", where every subject asks.) The address, and so the
/// slot, may differ from one run to the next; only whether a look-up is
/// saved depends on it, never an answer.
#[inline]
fn verb_slot(verb: &'static str) -> usize {
    ((verb.as_ptr() as usize as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        >> (64 - VERB_SLOTS.trailing_zeros())) as usize
}

/// How many sentences in a row keep their name tests in [`Sent`]'s `names`
/// under stamps of their own (1 to 63, so that a stamp and an answer fit
/// in a byte); `find_sources` zeroes the entries between runs.
const NAME_RUN: usize = 63;

impl<'a, 'k> Sent<'a, 'k> {
    /// The tokens of a sentence, with `names` (at least as long as the
    /// tokens, or empty) to keep the name tests in, under `name_stamp` (1
    /// to [`NAME_RUN`]), which no entry holds yet, and `verb_facts` to keep
    /// the last verb's facts in, if any.
    fn new(
        tokens: Tokens<'a>,
        names: &'k [Cell<u8>],
        name_stamp: u8,
        verb_facts: Option<&'k VerbFacts>,
    ) -> Self {
        Sent {
            tokens,
            names,
            name_stamp,
            verb_facts,
        }
    }

    /// Token `i`'s word with ASCII letters lowercased ([`Tokens::lower`]),
    /// read again each time it is asked. (The rules read the words around
    /// a verb again and again, and until round 23 the last 256 words read
    /// were kept, stamped with their sentence and token: that saved 3.3M
    /// instructions on 1 MB of news while a read checked its slice's
    /// bounds and char boundaries, and cost 1.0M once it did not.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn lower(&self, i: usize) -> Option<&'a str> {
        self.tokens.lower(i)
    }

    /// [`Sent::lower`], or "" where token `i` is no word. (A method, not
    /// a closure in the rules' large functions, which the compiler left a
    /// call.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn lower_or_empty(&self, i: usize) -> &'a str {
        self.lower(i).unwrap_or("")
    }

    /// [`Sent::lower`] of the token before token `i`; `None` for the
    /// first. (Not `i.checked_sub(1).and_then(…)`: the rules' functions
    /// are large, and the compiler left that closure a call.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn lower_before(&self, i: usize) -> Option<&'a str> {
        if i == 0 {
            None
        } else {
            self.lower(i - 1)
        }
    }
}

impl<'a> std::ops::Deref for Sent<'a, '_> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

/// A source noun phrase: token range `[start, end)` and its class.
#[derive(Clone, Copy, Debug)]
struct Np {
    start: usize,
    end: usize,
    kind: SourceKind,
    /// The rule that decided `kind`.
    rule: Rule,
}

impl Np {
    /// The pronoun at token `i` as the source ("he said", "I told", "his
    /// claim"): resolved later, by `speakers::resolve_pronouns`.
    fn pronoun(i: usize) -> Np {
        Np {
            start: i,
            end: i + 1,
            kind: SourceKind::Pronoun,
            rule: Rule::Pronoun,
        }
    }
}

/// Whether attribution `a`'s source stands inside one of the `quotes`
/// (sorted, disjoint) and its verb after that quote: looked for only when
/// something stands between source and verb (one binary search).
///
/// Decision (round 28): words of a quotation are the speaker's, never a
/// source of the article's. "“We fixed the road, the bridge, the pier,”
/// Amsel said, then claimed that …" read the words before a comma inside
/// the quote as an appositive's subject ("the pier") for "claimed": a
/// subject search that runs back into a quotation before its verb finds
/// no source, and the verb no attribution (the quote after it goes, as any
/// would, to the sentence's attribution before it, "Amsel said").
fn quoted_source(quotes: &[ByteSpan], a: &Attribution) -> bool {
    let source = a.source;
    if a.verb.start() <= source.end() + 1 {
        return false;
    }
    let k = quotes.partition_point(|o| o.end() <= source.start());
    quotes.get(k).is_some_and(|o| {
        o.start() < source.start() && source.end() <= o.end() && o.end() <= a.verb.start()
    })
}

/// Finds every attribution and source phrase in normalised `text`.
pub fn find_sources(
    stream: &TokenStream,
    sentences: &[ByteSpan],
    quotes: &[ByteSpan],
    found: &PhraseHits,
) -> (Vec<Attribution>, Vec<PhraseMark>) {
    find_sources_split(stream, sentences, quotes, found, None)
}

/// Where [`find_sources_split`] shares the verbs out between two threads.
/// (The browser's module, single-threaded, never does: none is made there.)
#[derive(Clone, Copy, Debug)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) enum VerbSplit {
    /// At the sentence of the middle verb.
    Half,
    /// At the sentence of verb `k` (in the lexicon's matches, in text
    /// order): the tests try every `k`.
    #[cfg_attr(not(test), allow(dead_code))]
    At(usize),
}

/// [`find_sources`], the attributions of the verbs before and after a
/// sentence's start found on two threads when `split` asks for it
/// ([`verb_split`] says where, and why the answer is the same).
pub(crate) fn find_sources_split(
    stream: &TokenStream,
    sentences: &[ByteSpan],
    quotes: &[ByteSpan],
    found: &PhraseHits,
    split: Option<VerbSplit>,
) -> (Vec<Attribution>, Vec<PhraseMark>) {
    let text = stream.all().text;
    let verbs = &found.verbs[..];
    let mut out = match split.and_then(|s| verb_split(sentences, verbs, s)) {
        Some(at) => {
            let (before, after) = verbs.split_at(at);
            let (mut out, rest) = crate::par::both(
                true,
                // Room for every verb's, so that the second part's are
                // added with no copy of the first's.
                || verb_attributions(stream, sentences, quotes, before, verbs.len()),
                || verb_attributions(stream, sentences, quotes, after, after.len()),
            );
            out.extend(rest);
            out
        }
        None => verb_attributions(stream, sentences, quotes, verbs, verbs.len()),
    };
    back_references::resolve(stream, &mut out);
    let mut phrases = anonymity::find_clause_marks(stream, &mut out, &found.anonymity_clauses);
    phrases.extend(vague::find_vague_phrases(text, &found.vague_phrases));
    (out, phrases)
}

/// Where the verbs (sorted by start) are cut for two threads: before the
/// first verb at or after the start `p` of the sentence that holds verb
/// `k` (or of the next sentence, if verb `k` is in none). `None` when the
/// verbs are not in text order or a part would be empty.
///
/// The attributions are the same as from one pass over all the verbs:
/// each verb's is found from its own sentence's tokens, and from the state
/// the pass carries only what is of the same sentence (the sentence's last
/// attribution so far, and the last verb's token as a search hint); the
/// rest of that state is caches, whose answers never depend on what they
/// hold (the name tests under a stamp, the verb facts, the sentence and
/// quote cursors, which answer as a binary search does). A verb before `p`
/// is in a sentence before verb `k`'s, or in none (a sentence that holds
/// it ends after it, and the one at `p` starts after it); a verb at or
/// after `p` is in verb `k`'s sentence or a later one. So no sentence has
/// verbs in both parts, and the two parts' attributions, one after the
/// other, are the one pass's.
pub(crate) fn verb_split(
    sentences: &[ByteSpan],
    verbs: &[PhraseMatch],
    split: VerbSplit,
) -> Option<usize> {
    let k = match split {
        VerbSplit::Half => verbs.len() / 2,
        VerbSplit::At(k) => k,
    };
    let v = verbs.get(k)?.span.start();
    if !verbs.is_sorted_by_key(|m| m.span.start()) {
        return None;
    }
    let si = sentences.partition_point(|s| s.end() <= v);
    let p = sentences.get(si).map_or(v, |s| s.start());
    let at = verbs.partition_point(|m| m.span.start() < p);
    (0 < at && at < verbs.len()).then_some(at)
}

/// The attributions of `verbs` (matches of the verb lexicons, in text
/// order), in a vector with room for `room` of them.
fn verb_attributions(
    stream: &TokenStream,
    sentences: &[ByteSpan],
    quotes: &[ByteSpan],
    verbs: &[PhraseMatch],
    room: usize,
) -> Vec<Attribution> {
    let text = stream.all().text;
    // At most one attribution per verb found: reserved at once, where
    // growing by doubling copied the attributions again and again.
    let mut out = Vec::with_capacity(room);
    // The name tests of the sentences' tokens ([`Sent`]'s `names`), a
    // byte a token, as long as the longest sentence so far. Each sentence
    // a verb is in takes the next stamp, 1 to `NAME_RUN`, so nothing is
    // cleared between the sentences of a run of them; before a new run
    // the entries the last one may have written are zeroed: as many as
    // its longest sentence has tokens, which `within` read already
    // (linear). A `u64` a token, stamped with the sentence's index, was 16
    // MB for one sentence of two million tokens ("Aaa Bbb said " repeated,
    // 10 MB), each page touched twice (read, then written).
    let mut names: Vec<u8> = Vec::new();
    // The stamp of the last verb's sentence, and how many entries its run
    // may have written.
    let (mut name_stamp, mut names_used) = (0u8, 0usize);
    // The last verb's facts ([`Sent`]'s `verb_facts`): most verbs of an
    // article are one verb ("said").
    let verb_facts: VerbFacts = Default::default();
    // The last verb's sentence and first token: a verb after it in the
    // same sentence is looked for from there ([`first_token_from`]).
    let mut last_verb: Option<(usize, usize)> = None;
    // The last verb's sentence and its tokens.
    let mut last_sentence = None;
    // Where the last verb's sentence and quote searches ended
    // ([`partition_from`]).
    let (mut sentence_at, mut quote_at) = (0, 0);
    for m in verbs {
        let vspan = m.span;
        if !is_whole_word(text, vspan) {
            continue;
        }
        // Quotes are sorted and disjoint: the one that could hold the verb
        // is the first that ends after it.
        let in_quote = quotes
            .get(partition_from(quotes, &mut quote_at, |q| {
                q.end() <= vspan.start()
            }))
            .is_some_and(|q| q.start() < vspan.start() && vspan.end() < q.end());
        // Words of attribution inside a quotation belong to the speaker's
        // story ("a porter told us, ‘…’"), not to the article's sourcing.
        // (Read first: one verb in seven on news is inside a quotation,
        // and its sentence's tokens and the verb's were looked for.)
        if in_quote {
            continue;
        }
        let Some(form) = forms::VERB_FORMS.get(m.index()) else {
            continue;
        };
        // "Okafor called the plan “reckless”": a verb of naming attributes
        // only a quotation naming its object (see below), never as the
        // participle ("…, calling the plan “reckless”"). With no quotation
        // mark soon after it, refused before its sentence is read.
        if form.naming
            && (form.tense == forms::Tense::Ing || !verbs::quote_mark_soon(text, vspan.end()))
        {
            continue;
        }
        let si = partition_from(sentences, &mut sentence_at, |s| s.end() <= vspan.start());
        let Some(sspan) = sentences.get(si).copied() else {
            continue;
        };
        if sspan.start() > vspan.start() {
            continue;
        }
        // The last verb's sentence's tokens again, or this one's.
        let tokens = match last_sentence {
            Some((at, tokens)) if at == si => tokens,
            _ => {
                let tokens = stream.within(sspan);
                if usize::from(name_stamp) == NAME_RUN {
                    names[..names_used].fill(0);
                    (name_stamp, names_used) = (0, 0);
                }
                name_stamp += 1;
                if names.len() < tokens.len() {
                    // A fresh zeroed vector, not a copy of the old
                    // entries: they are stale once the sentence is passed.
                    names = vec![0; tokens.len()];
                }
                names_used = names_used.max(tokens.len());
                tokens
            }
        };
        last_sentence = Some((si, tokens));
        let sent = Sent::new(
            tokens,
            Cell::from_mut(names.as_mut_slice()).as_slice_of_cells(),
            name_stamp,
            Some(&verb_facts),
        );
        let hint = last_verb.and_then(|(at, v0)| (at == si).then_some(v0));
        let first = first_token_from(&sent, hint, vspan.start());
        let Some(v0) = sent
            .toks
            .get(first)
            .is_some_and(|t| t.span().start() == vspan.start())
            .then_some(first)
        else {
            continue;
        };
        last_verb = Some((si, v0));
        // The verb's last token, read on from its first: the tokens before
        // that one end before the verb does (as `Tokens::ending_at` finds).
        let v1 = (v0..sent.len())
            .find(|&i| sent.toks[i].span().end() >= vspan.end())
            .filter(|&i| sent.toks[i].span().end() == vspan.end())
            .unwrap_or(v0);
        // "she asked" attributes a question next to a quotation; elsewhere
        // ("she had asked Mr. Tan for a study") it is an action.
        // So does "asked whether …".
        // "continued" likewise ("the search continued their search" is no
        // statement; "“…,” Okafor continued" is).
        // "she would ask the court to", "asking voters": a request, not a
        // statement.
        if form.lemma == "ask" && matches!(form.tense, forms::Tense::Base | forms::Tense::Ing) {
            continue;
        }
        // "Okafor was quick to add that …", "she went on to add that …":
        // the base form "add" attributes only after "to" and before "that"
        // or a colon, where the verb before "to" carries the subject (see
        // the chains in `verbs::attribution`). Decision (round 29):
        // anywhere else it is a sum or an action ("deficits would add up
        // to", "could add fuel to", "I'd add a reason"), as before, when
        // the base form was never read.
        if form.tense == forms::Tense::Base
            && form.lemma == "add"
            && !(v0 > 0
                && sent.lower(v0 - 1) == Some("to")
                && (sent.lower(v1 + 1) == Some("that") || sent.is_punct(v1 + 1, ':')))
        {
            continue;
        }
        if form.tense != forms::Tense::Phrase
            && matches!(form.lemma, "ask" | "continue")
            && !quote_beside(quotes, sspan)
            // "Cruz continued:", "she asked:": the colon opens the words.
            && !sent.is_punct(v1 + 1, ':')
            // "asked the students if", "asked whether" (a few words on).
            && !(v1 + 1..v1 + 5).any(|i| {
                sent.lower(i).is_some_and(|w| {
                    matches!(
                        w,
                        "whether" | "if" | "why" | "what" | "how" | "when" | "who" | "where"
                    )
                })
            })
        {
            continue;
        }
        // A verb of naming names a quote only with its object before it,
        // refused before any subject is sought ("called for", "a firm
        // called", "so-called").
        if form.naming && !verbs::names_a_quote(&sent, v0, v1) {
            continue;
        }
        // Where the sentence's last attribution so far ends.
        let earlier = out
            .last()
            .filter(|a: &&Attribution| a.sentence as usize == si)
            .map(|a| a.mark.end().max(a.verb.end()));
        if let Some(a) = verbs::attribution(&sent, si, v0, v1, form, earlier) {
            // Pushed at once and read in place: the room was reserved, and
            // a copy kept aside for the tests below was two more.
            out.push(a);
            let Some(a) = out.last_mut() else {
                continue;
            };
            // "as I’ve suggested", "I’d argue that …": the first person
            // contracted with its auxiliary, read as a capitalised name
            // ("I've suggested"), is the first person, as "I said" is
            // (decision in `verbs::attribution`). Decision (round 29):
            // "We’ve said", like "we said", stays no source
            // (`words/not_names.txt`). A source opening with "I" is read
            // further, out of line: most are "he", "she" or a name.
            if text.as_bytes().get(a.source.start()) == Some(&b'I') {
                verbs::to_first_person(&sent, si, v0, vspan, form, a);
            }
            // "It is, as they say, about time": the saying, no source (a
            // byte test first: most sources have no "as " before them).
            let saying = a.source.start() >= 3
                && text.as_bytes()[a.source.start() - 3..a.source.start()]
                    .eq_ignore_ascii_case(b"as ")
                && verbs::says_the_saying(&sent, v1, a.source.slice(text), form);
            if saying
                || quoted_source(quotes, a)
                || form.naming && verbs::naming_left_to_the_quote(&sent, a, v0)
                || a.kind == SourceKind::Pronoun && verbs::after_naming_verb(text, a.source.start())
            {
                out.pop();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_dash, is_document, partition_from, Sent};
    use crate::span::ByteSpan;
    use crate::text::TokenStream;

    #[test]
    fn a_search_read_on_from_the_last_answers_as_a_binary_search_does() {
        let spans: Vec<ByteSpan> = [(0, 4), (5, 9), (9, 20), (25, 26), (30, 41)]
            .iter()
            .map(|&(a, b)| ByteSpan::new(a, b))
            .collect();
        // In text order, backwards, and jumping about, from every start.
        let probes = [0, 3, 4, 9, 10, 26, 27, 41, 50, 12, 0, 30, 5, 41, 2];
        for start in 0..=spans.len() + 1 {
            let mut at = start;
            for &p in &probes {
                let want = spans.partition_point(|s| s.end() <= p);
                assert_eq!(
                    partition_from(&spans, &mut at, |s| s.end() <= p),
                    want,
                    "{p}"
                );
                assert_eq!(at, want);
            }
        }
        let mut at = 3;
        assert_eq!(partition_from(&[], &mut at, |s| s.end() <= 7), 0);
    }

    #[test]
    fn dashes_are_the_four_chars() {
        let text = "a - b – c — d ― e ‐ f ‒ g −h -- i, j. “k” ‘l’ (m) n—o ―";
        let stream = TokenStream::new(text);
        let s = Sent::new(stream.all(), &[], 1, None);
        let mut dashes = 0;
        for i in 0..s.len() {
            let want = ['—', '–', '-', '―'].iter().any(|&c| s.is_punct(i, c));
            assert_eq!(is_dash(&s, i), want, "token {i}");
            dashes += usize::from(want);
        }
        assert_eq!(dashes, 8);
    }

    #[test]
    fn a_document_is_read_in_the_singular_and_its_regular_plurals() {
        for w in [
            "report",
            "reports",
            "study",
            "studies",
            "inquiries",
            "polls",
        ] {
            assert!(is_document(w), "{w}");
        }
        for w in ["candidates", "flies", "ies", "s"] {
            assert!(!is_document(w), "{w}");
        }
    }
}
