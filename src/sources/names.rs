//! Proper names, titles and role words: is a capitalised word part of a
//! name ("Police" opening a sentence is not; "the Institute of Seismology"
//! is), where does a name start, and which words of a named source are the
//! person ("Halden chief executive *Marta Lindqvist*").

use super::classify::Rule;
use super::verbs::MONTHS;
use super::{is_ly_adverb, Np, Sent, SourceKind};
use crate::lexicon::words::{
    BETWEEN, BOUNDARY, DAYS, DETERMINERS, DISCOURSE, DOCUMENTS, FORWARD_STOP, GENDER_HE,
    GENDER_SHE, NAME_JOINERS, NAME_LABELS, NOT_NAMES, ORGANISATION_ENDS, PARTIES, PREPOSITIONS,
    PRONOUNS, RECORDS, SPEAKER_DESCRIPTIONS, TITLE_ROLES,
};
use crate::lexicon::{derived_word_list, WordList, WORDS};
use crate::span::ByteSpan;
use crate::text::{is_ing_word, is_possessive, strip_possessive, TokenStream, Tokens};
use std::cell::Cell;
use std::sync::LazyLock;

impl Sent<'_, '_> {
    /// Could token `i` be part of a name? A capitalised word's answer is
    /// kept in `names` once read.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return self.is_abbreviation_dot(i);
        }
        if !self.is_capitalised(i) {
            return false;
        }
        let kept = self.names.get(i);
        if let Some(k) = kept.map(Cell::get).filter(|k| k >> 2 == self.name_stamp) {
            return k & 2 != 0;
        }
        let name = self.capitalised_name_word(i);
        if let Some(k) = kept {
            k.set(self.name_stamp << 2 | if name { 2 } else { 1 });
        }
        name
    }

    /// [`Sent::is_name_word`] of the capitalised word at token `i`, read
    /// from the words.
    #[inline(never)]
    fn capitalised_name_word(&self, i: usize) -> bool {
        // (Only a word ending in "s" can end in "'s" or "’s".)
        let l = self.lower(i).unwrap_or_default();
        let l = if l.ends_with('s') {
            strip_possessive(l)
        } else {
            l
        };
        // "in late August", "since March": a month after a time word is
        // the date, not a name ("August Reyes said" is one).
        if MONTHS.contains(&l)
            && i > 0
            && self.lower(i - 1).is_some_and(|w| {
                matches!(
                    w,
                    "in" | "late" | "early" | "mid" | "last" | "next" | "since" | "until" | "by"
                )
            })
        {
            return false;
        }
        let words = &*WORDS;
        // "USA Today", "Democracy Now": a time word straight after another
        // capitalised word (no time word or month itself) ends the name of
        // an outlet or a show ("Yesterday Okafor said" opens with it).
        let ends_a_name = || {
            matches!(l, "today" | "tonight" | "now")
                && i > 0
                && self.is_word(i - 1)
                && self.is_capitalised(i - 1)
                && self
                    .lower(i - 1)
                    .is_some_and(|p| !NOT_NAMES.contains(p) && !MONTHS.contains(&p))
        };
        // "The Sunday Times", "the Sunday Herald": a day's name between
        // "the" and a capitalised word opens a paper's name, not a date
        // ("on Sunday Okafor said" has no "the"). Read only for a word of
        // NOT_NAMES.
        let paper_day = || {
            DAYS.contains(&l)
                && i > 0
                && self.lower(i - 1) == Some("the")
                && self.is_word(i + 1)
                && self.is_capitalised(i + 1)
        };
        if UNTITLED_NOT_NAMES.contains(l) && !ends_a_name() && !paper_day() {
            return false;
        }
        // "Police", "Officials", "Critics" at the start of a sentence are
        // capitalised common nouns; inside one, "the Institute of
        // Seismology" is a name. Acronyms are names anywhere. (Where the
        // word stands is read first: inside a sentence the three lists
        // are not looked at.)
        let sentence_start = i == 0
            || !self.is_word(i - 1)
                && !self.is_punct(i - 1, ',')
                && !self.is_abbreviation_dot(i - 1);
        if !sentence_start || self.toks[i].is_all_caps() {
            return true;
        }
        // "Research shows", "Polls showed": a document or a record
        // opening a sentence is no name either. A plural whose singular
        // is on a list is the plural ("Unions said", "Councillors said";
        // a surname in -s opening a sentence alone, "Banks said", is
        // read as the plural too: its first mention has a first name).
        // (A role opening a sentence in the singular is a title before
        // a name: "Secretary of State John Kerry said".)
        let common = |w: &str| COMMON_NOUNS.contains(w);
        !(common(l)
            || l.len() > 4
                && l.strip_suffix('s')
                    .is_some_and(|w| common(w) || words.roles.contains(w)))
    }
}

derived_word_list!(
    /// The words of not_names.txt that are no title (titles.txt): a
    /// capitalised one is no name word ([`Sent::capitalised_name_word`]).
    /// One look-up where there were two for every word of not_names.txt.
    UNTITLED_NOT_NAMES,
    "untitled_not_names",
    WordList::new(NOT_NAMES.iter().filter(|w| !WORDS.titles.contains(w)))
);

derived_word_list!(
    /// The words of the vague-group, anonymous-source and institution lists
    /// and of `words/documents.txt` and `words/records.txt` in one list: a
    /// capitalised word opening a sentence that is one of them is no name
    /// ([`Sent::is_name_word`]). One look-up where five were.
    COMMON_NOUNS,
    "common_nouns",
    {
        let words = &*WORDS;
        WordList::new(
            words
                .vague_groups
                .iter()
                .chain(words.anonymous_heads.iter())
                .chain(words.institutions.iter())
                .chain(DOCUMENTS.iter())
                .chain(RECORDS.iter()),
        )
    }
);

/// The name inside a named source: role words dropped ("City Manager Victor
/// Osei" → "Victor Osei"), titles kept ("Ms. May"), and what follows "of"
/// dropped when a person's name comes before it ("Sen. Dale Whitcomb of
/// Nebraska" → "Sen. Dale Whitcomb"). `None` when the source has no name.
pub(super) fn core_name(s: &Sent, np: Np) -> Option<ByteSpan> {
    if let Some(person) = person_after_organisation(s, np.start, np.end) {
        return Some(s.span(person, np.end - 1));
    }
    let mut end = np.end;
    // (By the token's length and first letter first: most words of a
    // name are longer or open otherwise, and a capitalised word's
    // lower-case form is read from the folded text.)
    if let Some(of) = (np.start..np.end).find(|&i| {
        s.toks.get(i).is_some_and(|t| {
            matches!(t.span().len(), 2..=4)
                && matches!(
                    s.text.as_bytes()[t.span().start()] | 0x20,
                    b'o' | b'f' | b'w'
                )
        }) && s
            .lower(i)
            .is_some_and(|w| w == "of" || w == "for" || w == "from" || w == "with")
    }) {
        let before = (np.start..of)
            .filter(|&i| s.is_capitalised(i) && s.is_name_word(i))
            .count();
        // A person "of" a place ("Sen. Dale Whitcomb of Nebraska"), or
        // "from" one or from a body ("Wayne Hale from Tarn Water": the
        // speaker is Wayne Hale, as "of" gives; so "with the" one, round
        // 40: "Jo Park with the Harbour Trust"), not an organisation
        // ("The National Federation of Housing Workers").
        let organisation = s.lower(np.start) == Some("the");
        if before >= 2 && !organisation {
            end = of;
        }
    }
    let mut a = end;
    // Role words end the name, except a capitalised title unless a role
    // word comes right before it (the first part of [`ends_name`]; the
    // trades, parties and compound titles are read after, by
    // [`after_label`], for the longer names only).
    let role_ends_name = |i: usize| {
        is_role(s, i)
            && !(s.is_capitalised(i)
                && s.lower(i).is_some_and(|w| TITLE_ROLES.contains(w))
                && !(i > np.start && is_role(s, i - 1)))
    };
    // Walk back over the name, and over particles inside it ("Erik ten Hag").
    let particle = |i: usize| {
        i > np.start
            && s.lower(i)
                .is_some_and(|w| NAME_JOINERS.contains(w) && w != "of" && w != "for" && w != "and")
            && s.is_name_word(i - 1)
    };
    while a > np.start && (s.is_name_word(a - 1) && !role_ends_name(a - 1) || particle(a - 1)) {
        a -= 1;
    }
    while a < end && !s.is_word(a) {
        a += 1;
    }
    // (Read again only for a name of three words or more, where a trade, a
    // party or a compound title may open it; most names have two, and
    // "Ms. Ortiz", "Dr. Diallo" are three tokens with a full stop between.)
    if a + 3 <= end && (a + 4 <= end || s.is_word(a + 1)) {
        a = after_label(s, a, end);
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

/// Where the person's name starts in the run of name words `floor..end`,
/// read back from `end` to the first word that ends it ([`ends_name`]):
/// `floor` when none does, or when the name would be left empty.
#[inline(never)]
fn person_start(s: &Sent, floor: usize, end: usize) -> usize {
    let mut a = end;
    while a > floor && !ends_name(s, floor, end, a - 1) {
        a -= 1;
    }
    while a < end && !s.is_word(a) {
        a += 1;
    }
    if a < end {
        a
    } else {
        floor
    }
}

/// [`person_start`] of a run of name words `floor..end` with no role word
/// after its first ([`core_name`] has walked back over them): the start
/// after a trade or a party ([`ends_name`]), or after a compound title,
/// the title after a word of the run; `floor` when there is none. (One
/// look-up a word: a trade or a party has two words of a name after it,
/// a title one.)
#[inline(never)]
fn after_label(s: &Sent, floor: usize, end: usize) -> usize {
    // (The word as written: the lists are matched ignoring case, and a
    // capitalised word's lower-case form is read from the folded text.)
    for k in (floor..end - 1).rev() {
        let Some(w) = s.word(k) else {
            continue;
        };
        let ends = if k + 2 < end && NAME_LABELS_AND_PARTIES.contains(w) {
            label(s, end, k)
        } else {
            k > floor
                && TITLE_ROLES.contains(w)
                && WORDS.roles.contains(w)
                && s.is_capitalised(k)
                && title_after_word(s, k - 1)
        };
        if ends {
            let mut a = k + 1;
            while a < end && !s.is_word(a) {
                a += 1;
            }
            return if a < end { a } else { floor };
        }
    }
    floor
}

/// Is the word at token `i` (of [`NAME_LABELS_AND_PARTIES`]), two words or
/// more before `end`, a trade or a party before a person's name
/// ([`ends_name`])?
fn label(s: &Sent, end: usize, i: usize) -> bool {
    s.is_capitalised(i)
        && s.lower(i + 1)
            .is_some_and(|n| n != "party" && n != "national")
        && s.lower(end - 1)
            .is_some_and(|n| !ORGANISATION_ENDS.contains(n))
}

/// Does a capitalised title after the word at token `k` end a compound
/// role ("*Agriculture* Minister Peter McGauran"; [`ends_name`]): a
/// capitalised word of the name phrase, no title of address ("Mr")?
fn title_after_word(s: &Sent, k: usize) -> bool {
    s.is_capitalised(k)
        && s.is_name_word(k)
        && s.lower(k).is_some_and(|p| !WORDS.titles.contains(p))
}

/// Does the word at token `i` of the name phrase `floor..end` end the
/// person's name, read back from `end`: a role word before the name, a
/// compound title, a trade or a party ([`core_name`], [`leading_name`]).
///
/// Role words end the name, except a capitalised title ("Judge Helen
/// Marsh", "President Rafael Domingo"), unless a role word comes right
/// before it: "Attorney General Loretta Lynch" is "Loretta Lynch", the
/// title the end of a compound role.
///
/// Decision (round 44): so is a title after any capitalised word of the
/// phrase but a title of address ("Mr", "Dr", titles.txt): "Agriculture
/// Minister Peter McGauran", "Prime Minister Tony Blair", "French President
/// Jacques Chirac" and "Republican Senator John McCain" name the office,
/// then the person, as "Health Secretary Helena Marsh" does (the
/// guideline's "Helena Marsh"). A title alone before the name is how the
/// story addresses the person and stays: "President Rafael Domingo",
/// "Senator Ruth Ellery", "Lord Janner", "Sir Teddy Taylor", "Dr John
/// Scanlon". "Professor" is a title and no role (roles.txt), so "Associate
/// Professor Randy Flanagan" stays whole; a title ending the phrase is a
/// surname ("Professor Michel Mayor").
///
/// Decision (round 44): a word for what the person does or stands for
/// (name_labels.txt, parties.txt), capitalised because it opens the
/// sentence or the label ("Archaeologist John Shea", "Tory Dominic Grieve",
/// "Labour MP Jim Smith"), ends the name when two words of a name follow
/// it (not "Frances Farmer"), unless they are a body's name: the party's
/// own ("Conservative Party Co-Chairman", "Democratic National
/// Convention") or one ending as an organisation's does.
#[inline(always)]
fn ends_name(s: &Sent, floor: usize, end: usize, i: usize) -> bool {
    let Some(w) = s.lower(i) else {
        return false;
    };
    if is_role(s, i) {
        let office = |k: usize| is_role(s, k) || k + 2 < end && title_after_word(s, k);
        return !(s.is_capitalised(i) && TITLE_ROLES.contains(w) && !(i > floor && office(i - 1)));
    }
    i + 2 < end && NAME_LABELS_AND_PARTIES.contains(w) && label(s, end, i)
}

/// Is the word at token `i` a role (roles.txt) and no title of address
/// (titles.txt: "Mr", "Dr")?
fn is_role(s: &Sent, i: usize) -> bool {
    s.lower(i)
        .is_some_and(|w| WORDS.roles.contains(w) && !WORDS.titles.contains(w))
}

derived_word_list!(
    /// The words of name_labels.txt and parties.txt: a trade or a party
    /// before a person's name ([`ends_name`]).
    NAME_LABELS_AND_PARTIES,
    "name_labels_and_parties",
    WordList::new(NAME_LABELS.iter().chain(PARTIES.iter()))
);

/// How many words of an organisation's name [`person_after_organisation`]
/// walks back over to the preposition before it.
const ORGANISATION_TOKENS: usize = 8;

/// Decision (round 31): "Chief executive of the Growers Association Kim
/// Doyle says", "Member for Eastlake Tony Marsh says", "an economist
/// with Coastal Bank Rory Quinn says", "Key member of the Senate Farm
/// Committee Senator Ruth Ellery says": a role, a preposition and an
/// organisation or a place, then the person's name with no comma (a
/// style common in Australian and British broadcast copy). The name is a
/// named source, not a name inside a phrase about someone else ("a
/// spokesperson for Calder", anonymous), and it is the speaker. The
/// phrase `[start, end)` must end in a first name and a surname, both
/// capitalised, with a title before them (Dr, Senator, Professor: titles.txt,
/// title_roles.txt, "Sen.", "Prof.") or the first name in
/// gender_he.txt or gender_she.txt or the organisation's last word in
/// [`ORGANISATION_ENDS`]; the word before the person is capitalised and no
/// role or title ("people close to Treasurer Ann Cole" stays anonymous),
/// and a preposition (after "the" or not) opens the organisation's name
/// within [`ORGANISATION_TOKENS`] words (its own "of" kept: "the Wine
/// Federation of Australia"), after a head that is no plural ("officials
/// at the Farmers Union John Hale" stays a group) and no document ("an
/// article by the Review's Ian Tuttle": "by" never, and a possessive
/// before the name is no organisation's end). Not when the phrase opens
/// with a determiner: "a spokesman for House Speaker Paul Ryan" is the
/// spokesman, the name his principal's. Returns where the person's name
/// starts (the title included).
pub(super) fn person_after_organisation(s: &Sent, start: usize, end: usize) -> Option<usize> {
    if end < start + 5 {
        return None;
    }
    let first = end - 2;
    let name = |i: usize| s.is_capitalised(i) && s.is_name_word(i);
    if !(name(first) && name(end - 1)) {
        return None;
    }
    let is_title = |w: &str| {
        WORDS.titles.contains(w) || TITLE_ROLES.contains(w) || matches!(w, "sen" | "prof" | "rep")
    };
    let titled = s.lower(first - 1).is_some_and(is_title);
    let person = first - usize::from(titled);
    let org = person - 1;
    if org <= start + 1 || !name(org) {
        return None;
    }
    let org_word = s.lower(org)?;
    if is_title(org_word)
        || is_role_noun(org_word)
        || org_word == "speaker"
        || is_possessive(org_word)
    {
        return None;
    }
    let first_name = s
        .lower(first)
        .is_some_and(|w| GENDER_HE.contains(w) || GENDER_SHE.contains(w));
    if !(titled || first_name || ORGANISATION_ENDS.contains(org_word)) {
        return None;
    }
    // Back over the organisation's name to the preposition before it.
    let mut i = org;
    while i > start + 1 && org - i < ORGANISATION_TOKENS {
        if name(i - 1) || s.lower(i - 1) == Some("of") && name(i - 2) && i - 2 > start {
            i -= 1;
        } else {
            break;
        }
    }
    if s.lower(i - 1) == Some("the") {
        i -= 1;
    }
    let prep = i.checked_sub(1).filter(|&p| p > start)?;
    let head = s.lower(prep - 1)?;
    (s.lower(prep)
        .is_some_and(|w| PREPOSITIONS.contains(w) && w != "by")
        && !super::classify::is_plural(head)
        && !DOCUMENTS.contains(head)
        && !s.lower(start).is_some_and(|w| DETERMINERS.contains(w)))
    .then_some(person)
}

/// Tokens `[a, b)` are exactly a name (an appositive "Jane Okafor"); an
/// empty range is none.
pub(super) fn name_np_exact(s: &Sent, a: usize, b: usize) -> Option<Np> {
    (a < b && (a..b).all(|i| s.is_name_word(i)) && s.is_word(a)).then_some(Np {
        start: a,
        end: b,
        kind: SourceKind::Named,
        rule: name_rule(s, a, b),
    })
}

/// Where a name ending at token `end` (exclusive) starts, walking back over
/// name words and joiners between them.
pub(super) fn name_run_start(s: &Sent, floor: usize, end: usize) -> usize {
    let mut n = end;
    while n > floor {
        // A name word first, as most are: "the" never is one (it is in
        // not_names.txt and no title; a unit test says so), so that "of
        // the" below is read only for a word that is not.
        if s.is_name_word(n - 1) {
            n -= 1;
            continue;
        }
        let joiner = || {
            n - 1 > floor
                && n < end
                && s.lower(n - 1).is_some_and(|w| NAME_JOINERS.contains(w))
                && s.is_name_word(n - 2)
                && s.is_word(n - 2)
        };
        // "Speaker of the Assembly Rhea Tamsin": "of the" inside a title.
        let of_the = n >= floor + 3
            && n < end
            && s.lower(n - 1) == Some("the")
            && s.lower(n - 2) == Some("of")
            && s.is_capitalised(n - 3)
            && s.is_name_word(n - 3);
        if of_the {
            n -= 2;
            continue;
        }
        if !joiner() {
            break;
        }
        n -= 1;
    }
    // A full stop is never the start of a name.
    while n < end && !s.is_word(n) {
        n += 1;
    }
    n
}

/// Could this lowercase word be part of a role before a name ("council
/// spokesperson", "union president")?
pub(super) fn is_role_word(w: &str) -> bool {
    !NO_ROLE_WORDS.contains(w)
}

derived_word_list!(
    /// The words no role is made of ([`is_role_word`]): determiners,
    /// prepositions, not_names.txt, [`BETWEEN`], [`BOUNDARY`], pronouns and
    /// [`FORWARD_STOP`] in one list, one look-up where seven were.
    NO_ROLE_WORDS,
    "no_role_words",
    WordList::new(
        DETERMINERS
            .iter()
            .chain(PREPOSITIONS.iter())
            .chain(NOT_NAMES.iter())
            .chain(BETWEEN.iter())
            .chain(BOUNDARY.iter())
            .chain(PRONOUNS.iter())
            .chain(FORWARD_STOP.iter())
    )
);

/// A role between an organisation and a person's name ("Liverpool *boss*
/// Arne Slot", "union *president* Ana Ruiz"): a word of the role, title or
/// anonymous-source lists, or a few posts of sport, business and politics
/// ("Democratic presidential *candidate* Hillary Clinton", "Republican
/// *nominee* Donald Trump": the party adjective is no name; "Clinton's
/// chief *rival*, Sen. Bernie Sanders").
pub(crate) fn is_role_noun(w: &str) -> bool {
    is_post_noun(w)
        // "Florida developer Mel Sembler", "Texas billionaire Ross Reyes",
        // "Poultry magnate Ron Pike": a person's trade or calling (the
        // nouns for people, `people.txt`, those in -ist or -ian, and the
        // trades a story describes its speakers by,
        // `speaker_descriptions.txt`).
        || super::classify::looks_like_person(w)
        || SPEAKER_DESCRIPTIONS.contains(w)
}

/// A post ([`is_role_noun`] without the trades): after a name, one makes
/// the name its modifier ("Clinton's chief Democratic *rival*, Sen. …").
/// A trade there does not: "Gary Reyes’s doctor" is no role of Reyes.
fn is_post_noun(w: &str) -> bool {
    WORDS.roles.contains(w)
        || TITLE_ROLES.contains(w)
        || WORDS.anonymous_heads.contains(w)
        || matches!(
            w,
            "boss"
                | "chief"
                | "head"
                | "coach"
                | "captain"
                | "chairman"
                | "chairwoman"
                | "founder"
                | "owner"
                | "star"
                | "candidate"
                | "nominee"
                | "hopeful"
                | "challenger"
                | "rival"
                | "opponent"
                | "ally"
        )
}

/// How many tokens the second part of a place may have ("Iowa", "New
/// Hampshire", "S.C.", "W. Va.").
const PLACE_PART_TOKENS: usize = 4;

/// After "in Coralville," (`comma` follows a capitalised word): when the
/// next tokens are a short run of capitalised words or abbreviations closed
/// by a comma before `end` ("Iowa,", "S.C.,", "New Hampshire,"), the index
/// after that comma.
fn place_continuation(all: &Tokens, comma: usize, end: usize) -> Option<usize> {
    if comma == 0 || !all.is_capitalised(comma - 1) {
        return None;
    }
    let close =
        (comma + 1..(comma + 2 + PLACE_PART_TOKENS).min(end)).find(|&i| all.is_punct(i, ','))?;
    let part = comma + 1..close;
    let capitalised_run = !part.is_empty()
        && part
            .clone()
            .all(|i| all.is_capitalised(i) || all.is_abbreviation_dot(i) || all.is_punct(i, '.'));
    capitalised_run.then_some(close + 1)
}

/// Is token `i` an age ("62-year-old") standing before a name word?
fn age_before_name(s: &Sent, i: usize) -> bool {
    s.lower(i).is_some_and(|w| w.ends_with("-year-old"))
        && s.is_word(i + 1)
        && s.is_name_word(i + 1)
}

/// How far into a sentence [`leading_name`] looks for the name it opens with.
const LEADING_NAME_BYTES: usize = 160;

/// The name a sentence opens with, if it opens with one ("Lindqvist left the
/// room." → "Lindqvist"): the sentence's grammatical subject, for resolving a
/// later "he" or "she".
pub fn leading_name(stream: &TokenStream, sentence: ByteSpan) -> Option<ByteSpan> {
    // Most sentences open with a lowercase word, a quote or "The": look at
    // no more than the opening words, and only when they can hold a name.
    let end = sentence.start() + sentence.len().min(LEADING_NAME_BYTES);
    let s = Sent::new(
        stream.within(ByteSpan::new(sentence.start(), end)),
        &[],
        0,
        None,
    );
    if s.toks.first()?.span().start() != sentence.start() || !s.is_capitalised(0) {
        return None;
    }
    let first = s.lower(0).unwrap_or_default();
    let first = &first[..first
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(first.len())];
    if NOT_NAMES.contains(first)
        && !DISCOURSE.contains(first)
        && !opens_adverbial(first)
        && !WORDS.titles.contains(first)
    {
        return None;
    }
    let mut i = 0;
    while s.lower(i).is_some_and(|w| DISCOURSE.contains(w)) {
        i += 1;
    }
    // "To Sharp, Trump is the kindest man": the view is Sharp's, who is
    // the subject a later "she said" goes back to ("To save that much,
    // you …" opens with an infinitive: see `opens_adverbial`).
    if s.lower(i) == Some("to") && s.is_word(i + 1) && s.is_name_word(i + 1) {
        i += 1;
    }
    // "Shortly after the call ended, Ruiz's campaign …", "Early on
    // Monday, …": an -ly adverb opening a phrase is no name ("Kelly said"
    // is: a verb follows it, not a preposition).
    // So before a participle ("Hastily blaming the council, Ruiz …").
    if s.lower(i).is_some_and(is_ly_adverb)
        && (s
            .lower(i + 1)
            .is_some_and(|w| PREPOSITIONS.contains(w) || BOUNDARY.contains(w))
            || opens_participle_phrase(&s, i + 1, |w| PREPOSITIONS.contains(w)))
    {
        i += 1;
    }
    // "Chastened by the analyses, Trump …", "Continuing his attack,
    // Carson …": a participle opening a phrase (before a preposition or a
    // possessive) is no name; the subject follows the phrase's comma.
    if opens_participle_phrase(&s, i, |w| PREPOSITIONS.contains(w)) {
        if let Some(c) = (i + 2..(i + 12).min(s.toks.len())).find(|&c| s.is_punct(c, ',')) {
            i = c;
        }
    }
    // An opening adverbial ("In the interview, Reid …", "After the vote,
    // Okafor …"): the subject comes after its comma.
    if s.lower(i).is_some_and(opens_adverbial) {
        let opener = i;
        if let Some(c) = (i + 1..(i + 10).min(s.toks.len())).find(|&c| s.is_punct(c, ',')) {
            i = c;
            // "At a recent event in Coralville, Iowa, Mr. Bush …": the
            // comma splits a place from its state; the name follows the
            // second one. Only a name there: in "In Ohio, Halvorson, the
            // senator, said" the subject is Halvorson.
            if let Some(n) = place_continuation(&s, c, s.toks.len()) {
                let n_name = if age_before_name(&s, n) { n + 1 } else { n };
                if s.is_word(n_name) && s.is_name_word(n_name) {
                    i = n - 1;
                }
                // "As Mr. Ruiz campaigned in Milford, Iowa, he stuck to
                // …": a pronoun after the place pair is the subject, not
                // the state's name (read below).
                if is_subject_pronoun(s.lower(n)) {
                    i = n - 1;
                }
            }
            // The pronoun after a place pair stands for the opening
            // clause's own subject: the name right after "as", "when" or
            // "while" ("As Mr. Ruiz campaigned in Milford, Iowa, he …" is
            // Mr. Ruiz's sentence); after any other opener no name ("In
            // Milford, Iowa, he said" is not Iowa's). Decision: only after
            // a place pair, where the state was read as the name; with no
            // place ("When Ruiz was at school, he studied …") the sentence
            // keeps no name of its own, as before: over the 924 texts
            // that one credited a later clause's quote ("; Hale’s dictum
            // was, “…”") to the "he". (The nested read starts further on,
            // at a name word, so the reads stay within the sentence.)
            if is_subject_pronoun(s.lower(i + 1)) && s.is_punct(i, ',') && i > c {
                let clause_subject = matches!(s.lower(opener), Some("as" | "when" | "while"))
                    && s.is_word(opener + 1)
                    && s.is_name_word(opener + 1)
                    && !s
                        .lower(opener + 1)
                        .is_some_and(|w| opens_adverbial(w) || DISCOURSE.contains(w));
                return clause_subject
                    .then(|| {
                        let from = s.toks[opener + 1].span().start();
                        leading_name(stream, ByteSpan::new(from, sentence.end()))
                    })
                    .flatten()
                    .filter(|n| n.end() <= s.toks[i].span().start());
            }
        }
    }
    if s.is_punct(i, ',') {
        i += 1;
    }
    // "At an event in Clairsville, Ohio, 62-year-old Brenda Johnson also
    // railed …": an age before the name. (Not at the sentence's very start,
    // which must be capitalised, above.)
    if age_before_name(&s, i) {
        i += 1;
    }
    if !s.is_word(i) {
        return None;
    }
    if !s.is_name_word(i) {
        i = role_before_name(&s, i)?;
    }
    // (Token `i` is a name word: the run is read from the next.)
    let mut e = i + 1;
    while e < s.toks.len() && s.is_name_word(e) {
        e += 1;
    }
    // "Liverpool boss Arne Slot praised…": a team or company, role words,
    // then the person, who is the subject.
    let role_end = (e..(e + 3).min(s.toks.len()))
        .take_while(|&r| !s.is_capitalised(r) && s.lower(r).is_some_and(is_role_word))
        .last();
    // The last word leapt over must be a role ("boss", "spokesperson"),
    // not a verb or a preposition: "Joel Marsh went to Corvale" is Joel
    // Marsh's sentence, not Corvale's.
    if let Some(r) = role_end.filter(|&r| s.lower(r).is_some_and(is_role_noun)) {
        if s.is_word(r + 1) && s.is_name_word(r + 1) {
            let mut end = r + 2;
            while end < s.toks.len() && s.is_name_word(end) {
                end += 1;
            }
            // "Clinton's chief Democratic rival, Sen. Bernie Sanders": a
            // capitalised word before another role word modifies it; the
            // person is not there.
            let modifier = !s.is_capitalised(end) && s.lower(end).is_some_and(is_post_noun);
            if !modifier {
                i = r + 1;
                e = end;
            }
        }
    }
    // "Harry Pryce Jr. makes no apologies", "Ana Ruiz Sr., who …": the
    // full stop of a generational suffix ending the run belongs to the
    // name, and the word after it tells whether the name is the subject.
    // Any other full stop ending the run is left out ("U.S. officials
    // say" opens with no name).
    let with_dot = e;
    while e > i && !s.is_word(e - 1) {
        e -= 1;
    }
    if with_dot == e + 1 && e > i + 1 && matches!(s.lower(e - 1), Some("jr" | "sr")) {
        e = with_dot;
    }
    // "Farmer Dean Munro is not sure …", "Agriculture Minister Peter
    // McGauran is confident …": the person is named without the trade or
    // the office before the name, as in a named source ([`core_name`]);
    // a later "he said" is Dean Munro's. (A trade or a compound title
    // needs two words after it: a run of three at least.)
    if e >= i + 3 {
        i = person_start(&s, i, e);
    }
    // A name is followed by its verb or an appositive, not by more of a
    // capitalised phrase.
    // "Sen. Ana Ruiz (D-N.M.) said": a party's parenthesis may follow, and
    // so may a dash opening a lower-case aside ("Republican pollster Dale
    // Ruiz -- author of … -- is skeptical", "Gov. Ana Ruiz — who is …
    // — made"). Not a dash before a capital: "Tom Hale — Yale-trained
    // surgeon — has been called …" may be the object of a passive, and
    // "LABEL — Hale’s advice …" is a headline's label.
    let dash = if s.is_punct(e, '-') && s.is_punct(e + 1, '-') {
        Some(e + 2)
    } else {
        (s.is_punct(e, '—') || s.is_punct(e, '–')).then_some(e + 1)
    };
    let aside = dash.is_some_and(|d| {
        s.word(d)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    });
    let next_ok = s.is_punct(e, ',')
        || s.is_punct(e, '(')
        || aside
        || s.word(e)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    next_ok.then(|| s.span(i, e - 1))
}

/// How many lower-case role words [`role_before_name`] reads after the
/// opening one.
const ROLE_WORDS: usize = 2;

/// "Spokesman Rob Lyle is pleased …", "Council president Bill Bray is
/// worried …": a sentence opening with a capitalised role or body word
/// that is no name word ([`Sent::capitalised_name_word`]), then at most
/// [`ROLE_WORDS`] lower-case role nouns, the last (or the opening word,
/// with none) a role, then a name word: the token of that name word. The
/// person is the sentence's subject, as after a name and a role
/// ("Liverpool boss Arne Slot", in [`leading_name`]), whatever the verb
/// (round 39: a "he said" after such a sentence had gone back to nobody).
/// Not a plural ("Residents Ana and Tom Ruiz …"), nor a verb between
/// ("Police charged farmer Tom Hale …": every word between is a role).
fn role_before_name(s: &Sent, i: usize) -> Option<usize> {
    let w = s.lower(i)?;
    if !s.is_capitalised(i) || super::classify::is_plural(w) {
        return None;
    }
    // ("spokesman" is on both lists: a role.)
    let body = !is_role_noun(w);
    if body && !WORDS.institutions.contains(w) {
        return None;
    }
    let mut r = i + 1;
    while r <= i + ROLE_WORDS
        && !s.is_capitalised(r)
        && s.lower(r)
            .is_some_and(|w| is_role_noun(w) && !super::classify::is_plural(w))
    {
        r += 1;
    }
    // A body's word alone before a name is the body's ("Council Bill …"
    // is no role); a role word may stand alone ("Spokesman Rob Lyle").
    (s.is_word(r) && s.is_name_word(r) && (r > i + 1 || !body)).then_some(r)
}

/// A personal pronoun that can be a clause's subject.
fn is_subject_pronoun(w: Option<&str>) -> bool {
    matches!(w, Some("he" | "she" | "they" | "we" | "i"))
}

/// A word that opens an adverbial phrase or clause before the subject: a
/// preposition or conjunction ("After the vote, Okafor …"), or "to" ("To
/// Sharp, the plan is …"; "To save that much, you would …": an infinitive,
/// whose phrase holds no subject either). "To" itself is never a name.
fn opens_adverbial(w: &str) -> bool {
    PREPOSITIONS.contains(w) || BOUNDARY.contains(w) || w == "to"
}

/// A participle opening a phrase at token `i`: an -ed or -ing word of six
/// letters or more before a word `opener` accepts, a possessive pronoun,
/// "the" or "to" ("Chastened by the analyses, …", "Continuing his attack,
/// …"). Names in -ed or -ing ("Fleming said") are followed by their verb.
pub(super) fn opens_participle_phrase(s: &Sent, i: usize, opener: impl Fn(&str) -> bool) -> bool {
    s.lower(i)
        .is_some_and(|w| w.len() > 5 && w.ends_with("ed") || is_ing_word(w))
        && s.lower(i + 1).is_some_and(|w| {
            opener(w) || matches!(w, "his" | "her" | "their" | "its" | "the" | "to")
        })
}

/// The length of the longest title of titles.txt ("mrs"), in bytes.
static LONGEST_TITLE: LazyLock<usize> =
    LazyLock::new(|| WORDS.titles.iter().map(str::len).max().unwrap_or(0));

/// [`Rule::TitledName`] when a word of the name in tokens `[start, end)` is
/// a title from titles.txt that not_names.txt would otherwise keep out of a
/// name ("Mr", "Dr"); else [`Rule::Name`]. Other titles ("Sen.", "Prof.")
/// are capitalised words like any name's, and need no list.
pub(super) fn name_rule(s: &Sent, start: usize, end: usize) -> Rule {
    // (A word longer than every title is passed on its token's length,
    // before its lower-case form is read: most words of a name.)
    let longest = *LONGEST_TITLE;
    let titled = (start..end).any(|i| {
        s.toks
            .get(i)
            .is_some_and(|t| t.is_capitalised() && t.span().len() <= longest)
            && s.lower(i)
                .is_some_and(|w| WORDS.titles.contains(w) && NOT_NAMES.contains(w))
    });
    if titled {
        Rule::TitledName
    } else {
        Rule::Name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leading(s: &str) -> Option<&str> {
        let stream = TokenStream::new(s);
        let end = s.find(". ").map_or(s.len(), |i| i + 1);
        leading_name(&stream, ByteSpan::new(0, end)).map(|n| n.slice(s))
    }

    #[test]
    fn a_sentence_opening_with_a_name_has_it_as_its_subject() {
        assert_eq!(
            leading("Joel Marsh went to Corvale. He said no."),
            Some("Joel Marsh")
        );
        assert_eq!(
            leading("Senator Joel Marsh flew to Corvale on Sunday. He said no."),
            Some("Senator Joel Marsh")
        );
        assert_eq!(leading("Kelly said no."), Some("Kelly"));
    }

    #[test]
    fn an_adverb_opening_a_phrase_is_no_name() {
        assert_eq!(
            leading("Shortly after the call ended, Voss left."),
            Some("Voss")
        );
        assert_eq!(
            leading("Shortly after the call ended the vote began."),
            None
        );
    }

    #[test]
    fn a_place_and_its_state_open_no_name() {
        assert_eq!(
            leading("At an event in Coralville, Iowa, Senator Bush spoke."),
            Some("Senator Bush")
        );
        assert_eq!(
            leading("At a summit in Port Royal, S.C., Dana Whitlock spoke."),
            Some("Dana Whitlock")
        );
        assert_eq!(
            leading("At a fair in Maplewood, Iowa, 58-year-old Tom Brandt waited."),
            Some("Tom Brandt")
        );
        assert_eq!(
            leading("In Ohio, Halvorson, the senator, spoke."),
            Some("Halvorson")
        );
    }

    #[test]
    fn the_is_never_a_name_word() {
        // `name_run_start` reads "of the" only for a word that is no name
        // word.
        assert!(NOT_NAMES.contains("the") && !WORDS.titles.contains("the"));
        for text in [
            "Speaker of The Assembly Rhea Tamsin said.",
            "THE official said.",
            "The Sunday Times said.",
            "Aid came from THE Fund.",
        ] {
            let stream = TokenStream::new(text);
            let tokens = stream.all();
            let names = vec![Cell::new(0); tokens.len()];
            let s = Sent::new(tokens, &names, 1, None);
            for i in 0..s.len() {
                if s.lower(i) == Some("the") {
                    assert!(!s.is_name_word(i), "{text}: {i}");
                }
            }
        }
    }

    #[test]
    fn a_capitalised_word_before_a_role_is_no_name() {
        // (The possessive is read as no subject by the callers, which then
        // take the name in apposition.)
        assert_eq!(
            leading("Okafor's chief Liberal rival, Ana Ruiz, left."),
            Some("Okafor's")
        );
        assert_eq!(
            leading("Liverpool boss Arne Slot praised the side."),
            Some("Arne Slot")
        );
    }
}
