//! Speakers that no attribution mark gives: the subject of the clause a
//! quote is woven into, and the speaker named right after a quote with a
//! verb the reporting-verb list does not read.
//!
//! These rules only run for a quote whose own sentence has no attribution
//! the source finder read (see [`super::quote_speakers`]). Every look is
//! bounded: a few tokens at the start of the sentence, a few after the
//! quote, never the whole sentence.
//!
//! - **The clause's subject** ([`opening_subject`]): a quote woven into a
//!   sentence, or introduced by a colon or a participle, belongs to the
//!   subject the sentence opens with, whatever its verb: "Reyes calls the
//!   budget a “blueprint”", "Dane assured voters that the mayor was “made of
//!   the same stuff”", "Fiorina backed Cruz, saying it is time for a “real
//!   conservative”", "Rubio fired back: “…”". Reporting verbs are an open
//!   class (the guideline's "Attribution shapes"), so the verb is not
//!   checked. The subject may follow an opening phrase closed by a comma
//!   ("At the debate, Halvorson blasted…", "Her chief aide, Tom Reyes,
//!   calls…"), and "he"/"she" opening the sentence is the person last made
//!   the subject. An object is never the speaker ("Trump called Clinton
//!   “crooked”" is Trump's), and nor is a name in a later sentence.
//! - **An opening participle phrase** ([`participle_opener`]): a quote
//!   inside "Acknowledging that Trump “…,” though, Allen did suggest …"
//!   is the subject's after the phrase's comma.
//! - **The agent after "by"** ([`agent_after`]): "…labelled a “witch hunt”
//!   by Democrats" is the Democrats' phrase.
//! - **A name after the quote** ([`trailing_speaker`]): "“Go home,” Trump
//!   barked.", "“…,” opined the Plain Dealer.", "“…,” he snapped." — a quote
//!   that ends in a comma, question or exclamation mark and is followed, in
//!   its own sentence, by a name and a verb, by a verb and a name, or by a
//!   pronoun and a verb.
//! - **A described source** ([`described`], [`described_after_verb`]): a
//!   role, an unnamed source or an organisation from the lexicon, and also a
//!   document or message ("the email read", "read the statement, which…")
//!   or a group ("the crowd roared", "Protesters chanted", "Some chanted"),
//!   listed for the speakers alone in `lexicon/words/speaker_documents.txt`
//!   and `speaker_groups.txt` since the source finder does not read them,
//!   an unnamed person ("a young woman exclaimed", `speaker_people.txt`,
//!   `kin.txt`) or a description of someone named ("the former first lady
//!   calls it", `speaker_descriptions.txt`); the head may stand before an
//!   of-phrase ("the former secretary of state") and a relative clause may come
//!   between it and its verb ("The complaint, which was filed …, charged").
//!   Such a source right before an introducing colon speaks too
//!   ([`colon_described`]: "the Voss supporter retorted: “…”").
//! - **A crowd chanting** ([`crowd_chanting`]): a crowd that is the
//!   subject of a verb of shouting right before the quote, with words
//!   between them ("Hundreds of demonstrators marched …, chanting “…”").

use crate::hash::{WordKey, WordKeySet};
use crate::lexicon::words::{
    ANSWER_NOUNS, AUXILIARIES, BOUNDARY, CLAIM_NOUNS, DETERMINERS, HEADLINE_VERBS, KIN, NOT_NAMES,
    PREPOSITIONS, QUANTIFIERS, QUOTE_SPEECH_NOUNS, SPEAKER_ADVERBS, SPEAKER_CARRIERS,
    SPEAKER_DESCRIPTIONS, SPEAKER_DOCUMENTS, SPEAKER_GROUPS, SPEAKER_IRREGULAR, SPEAKER_PEOPLE,
    SPEECH, SPEECH_PARTICIPLES,
};
use crate::lexicon::WORDS;
use crate::sources::leading_name;
use crate::sources::SourceKind;
use crate::span::ByteSpan;
use crate::text::{is_ing_word, is_possessive, strip_possessive, TokenStream, Tokens};

/// How far into a sentence its opening phrase may run before the comma
/// after which the subject stands ("At Saturday's debate in Iowa,").
pub(super) const OPENER_TOKENS: usize = 12;
/// How many words a name after a quote may have ("RNC spokesman Sean
/// Spicer").
const NAME_TOKENS: usize = 8;

/// How far an appositive after a name may run before its verb.
const APPOSITIVE_TOKENS: usize = 25;

/// Who a clause's subject is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subject {
    /// A name, in normalised-text offsets.
    Name(ByteSpan),
    /// "he" or "she": the person last made the subject.
    Pronoun,
    /// A source described, not named ("the judge", "a senior aide"), and
    /// its kind.
    Described(ByteSpan, SourceKind),
}

fn is_person_pronoun(w: Option<&str>) -> bool {
    matches!(w, Some("he" | "she"))
}

/// The first word of the name whose run of name words stands right before
/// token `end` (or ends at it): back over at most [`NAME_TOKENS`] name
/// words, not before `first`, then past any token that is no word (the dot
/// of "Sen." opening nothing). `end` when there is none.
fn name_start(all: &Tokens, first: usize, end: usize) -> usize {
    let mut a = end;
    while a > first && a + NAME_TOKENS > end && is_name_word(all, a - 1) {
        a -= 1;
    }
    while a < end && !all.is_word(a) {
        a += 1;
    }
    a
}

/// A capitalised word that can be part of a name (not "The", "Monday"),
/// and not a code with a digit in it ("he uses H-1B visas to hire …",
/// "the EB-5 program").
fn is_name_word(all: &Tokens, i: usize) -> bool {
    if all.is_abbreviation_dot(i) {
        return true;
    }
    let Some(l) = all.lower(i) else {
        return false;
    };
    all.is_capitalised(i)
        && !l.bytes().any(|b| b.is_ascii_digit())
        && (!NOT_NAMES.contains(strip_possessive(l)) || WORDS.titles.contains(l))
        && !hyphenated_adjective(all.word(i).unwrap_or_default())
}

/// A capitalised compound whose last part is lower case is an adjective,
/// not a name: "Occupy Wall Street-*style* protests", "the Pulitzer
/// Prize-*winning* reporter", "a Texas-*based* firm" ("Jean-Pierre" and
/// "Anti-Semitic" keep their capitals after the hyphen).
fn hyphenated_adjective(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, last)| last.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Evidence that a capitalised word is a name and not a sentence-initial
/// common word ("Hours later,", "Reprising…", "Guns are…"): the word also
/// stands capitalised inside a sentence somewhere in the article. Built once
/// per article, in one pass over its tokens.
/// (A [`WordKeySet`]: a SipHash insert per capitalised word cost more than the
/// rest of the pass, and an FNV one about 150 instructions; a word hash
/// that compared the bytes of each word already in the set by a call
/// cost about 130 an insert. Built on the first question, since most sentences
/// never ask one.)
///
/// An article asks of a few words (on 1 MB of news, five words 122
/// times), and the first few are answered by searching the text for the
/// word instead ([`Capitalised::search`]: a SIMD substring search, about
/// a quarter of an instruction a byte, where the set cost about two), the
/// answers kept; once the searches have read [`SEARCHED_TEXTS`] times
/// the tokens' text (each place the word stands counted as
/// [`PLACE_BYTES`] read), the set is built and answers the rest.
pub(super) struct Capitalised<'a> {
    all: Tokens<'a>,
    set: std::cell::OnceCell<WordKeySet<'a>>,
    /// The words answered by a search before the set is built.
    searched: std::cell::RefCell<Searched>,
}

/// See [`Capitalised`].
const SEARCHED_TEXTS: usize = 6;

/// What testing a place where a searched word stands costs, as bytes of
/// the substring search (about a quarter of an instruction a byte): its
/// token found by a binary search and tested, some fifty instructions.
/// A word that stands in most sentences, not capitalised ("said"), is
/// given up on before its places cost more than the set would.
const PLACE_BYTES: usize = 256;

/// The words [`Capitalised::search`] answered, and the bytes it read.
#[derive(Default)]
struct Searched {
    answers: Vec<(Box<str>, bool)>,
    bytes: usize,
}

impl<'a> Capitalised<'a> {
    pub(super) fn new(all: &Tokens<'a>) -> Self {
        Capitalised {
            all: *all,
            set: std::cell::OnceCell::new(),
            searched: std::cell::RefCell::default(),
        }
    }

    /// Is `w` (a word with its possessive stripped) in the set? Searched
    /// for until the searches have read enough (see [`Capitalised`]).
    fn has(&self, w: &str) -> bool {
        // (Not in the page's module, where size comes first: the substring
        // search added some 10 KB to it.)
        if cfg!(target_arch = "wasm32") || self.set.get().is_some() {
            return self.set().contains(&WordKey::new(w));
        }
        let mut searched = self.searched.borrow_mut();
        if let Some(&(_, known)) = searched.answers.iter().find(|(a, _)| **a == *w) {
            return known;
        }
        let budget = SEARCHED_TEXTS * self.span().len();
        let answer = (searched.bytes + self.span().len() <= budget)
            .then(|| self.search(w, budget - searched.bytes))
            .flatten();
        let Some((found, read)) = answer else {
            // No more searches.
            searched.bytes = budget;
            drop(searched);
            return self.set().contains(&WordKey::new(w));
        };
        searched.bytes += read;
        searched.answers.push((w.into(), found));
        found
    }

    /// The tokens' text: from the first token's start to the last one's
    /// end.
    fn span(&self) -> ByteSpan {
        match (self.all.toks.first(), self.all.toks.last()) {
            (Some(first), Some(last)) => ByteSpan::new(first.span().start(), last.span().end()),
            _ => ByteSpan::new(0, 0),
        }
    }

    /// Would the set hold `w`? Each place `w` stands in the tokens' text
    /// is tested as the set's pass tests a token (a capitalised word, not
    /// in capitals, after a word, an abbreviation's dot or a comma, that
    /// is `w` with its possessive stripped), until one passes; with the
    /// bytes read (see [`PLACE_BYTES`]). `None` once that is over `limit`,
    /// and for the empty word.
    fn search(&self, w: &str, limit: usize) -> Option<(bool, usize)> {
        let all = &self.all;
        let span = self.span();
        let hay = span.slice(all.text).as_bytes();
        if w.is_empty() {
            return None;
        }
        let mut places = 0;
        for at in Places::new(hay, w.as_bytes()) {
            // (Each place, even one overlapping the last.)
            let from = at + 1;
            places += PLACE_BYTES;
            if from + places > limit {
                return None;
            }
            let Some(i) = all.starting_at(span.start() + at) else {
                continue;
            };
            let t = all.toks[i];
            let inside = i > 0 && {
                let before = all.toks[i - 1];
                before.is_word() || before.is_abbreviation_dot() || all.is_punct(i - 1, ',')
            };
            if inside
                && t.is_capitalised_not_caps()
                && all.word(i).is_some_and(|word| strip_possessive(word) == w)
            {
                return Some((true, from + places));
            }
        }
        let read = hay.len() + places;
        (read <= limit).then_some((false, read))
    }

    fn set(&self) -> &WordKeySet<'a> {
        self.set.get_or_init(|| {
            let all = &self.all;
            let mut set = WordKeySet::default();
            // Each capitalised token with the one before it (the first
            // token has none, and is inside no sentence), found on the
            // tokens' flags, several tokens a test (most tokens are not
            // capitalised words).
            let toks = all.toks;
            // (Inlined: as a call, saving and restoring its registers cost
            // about 15 instructions a capitalised token.)
            all.each_capitalised_not_caps(
                #[inline(always)]
                |i| {
                    let Some(&before) = i.checked_sub(1).and_then(|b| toks.get(b)) else {
                        return;
                    };
                    let inside = before.is_word()
                        || before.is_abbreviation_dot()
                        || all.is_punct(i - 1, ',');
                    if inside {
                        if let Some(w) = all.word(i) {
                            set.insert(WordKey::new(strip_possessive(w)));
                        }
                    }
                },
            );
            set
        })
    }

    /// Could this name be a person or organisation? Its last word is
    /// capitalised inside a sentence somewhere, or it is an acronym of up
    /// to four letters ("NRA"; not a dateline "WASHINGTON").
    pub(super) fn is_name(&self, text: &str, name: ByteSpan) -> bool {
        let Some(last) = name.slice(text).split_whitespace().next_back() else {
            return false;
        };
        if last.ends_with(['\'', '’'])
            || name
                .slice(text)
                .split_whitespace()
                .any(|w| w.len() > 4 && w.chars().all(|c| c.is_ascii_uppercase()))
        {
            // "Sanders’ plan", a dateline "DES MOINES".
            return false;
        }
        let last = strip_possessive(last);
        let acronym = last.len() <= 4 && last.chars().all(|c| c.is_ascii_uppercase());
        acronym || self.has(last)
    }
}

/// Every place a word stands in a text, in order (overlapping places
/// too): by the word's first byte where that byte is rare, else by a
/// substring search. The word [`Capitalised::search`] asks about is a
/// capitalised one, whose capital may stand once in a few thousand bytes
/// ("V", "F" in news; "S" about once in 400): a byte search reads some
/// 0.06 instructions a byte and about 100 a place it stops at (the call
/// and the word's test), against the substring search's 0.32 a byte.
/// Once the first byte has stood more often than once in [`RARE_BYTES`]
/// of the bytes read (after [`WARM_UP`] places), the rest is left to the
/// substring search; where the processor has AVX2, once it has stood more
/// often than once in [`DENSE_BYTES`], to [`dense_place_avx2`] instead
/// (some 0.16 a byte).
struct Places<'h, 'w> {
    hay: &'h [u8],
    word: &'w [u8],
    /// The next byte to read from.
    from: usize,
    /// Places tested by the first byte since `from` was 0.
    hits: usize,
    finder: Option<memchr::memmem::Finder<'w>>,
    /// Whether the first byte's rate sent the rest to
    /// [`dense_place_avx2`] (only where the processor has AVX2).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    dense: bool,
}

/// See [`Places`]: the bytes read a place of the first byte may cost
/// before the substring search is the cheaper.
const RARE_BYTES: usize = 384;

/// See [`Places`]: the bytes read a place of the first byte may cost
/// before [`dense_place_avx2`] is the cheaper (where the processor has
/// AVX2: its 0.16 instructions a byte against `memchr`'s 0.06 and some
/// 100 a place).
#[cfg(target_arch = "x86_64")]
const DENSE_BYTES: usize = 1024;

/// See [`Places`]: the places of the first byte read before its rate is
/// judged (a capital may open the text's first words).
const WARM_UP: usize = 64;

impl<'h, 'w> Places<'h, 'w> {
    fn new(hay: &'h [u8], word: &'w [u8]) -> Self {
        Places {
            hay,
            word,
            from: 0,
            hits: 0,
            finder: None,
            dense: false,
        }
    }
}

impl Iterator for Places<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let &first = self.word.first()?;
        loop {
            let rest = self.hay.get(self.from..)?;
            #[cfg(target_arch = "x86_64")]
            if self.dense {
                // SAFETY: `dense` is set only where the processor has AVX2.
                let at = unsafe { dense_place_avx2(self.hay, self.word, self.from) }?;
                self.from = at + 1;
                return Some(at);
            }
            if let Some(finder) = &self.finder {
                let at = self.from + finder.find(rest)?;
                self.from = at + 1;
                return Some(at);
            }
            let at = self.from + memchr::memchr(first, rest)?;
            self.from = at + 1;
            self.hits += 1;
            #[cfg(target_arch = "x86_64")]
            if self.hits > WARM_UP
                && self.hits * DENSE_BYTES > self.from
                && std::arch::is_x86_feature_detected!("avx2")
            {
                self.dense = true;
                self.from = at;
                continue;
            }
            if self.hits > WARM_UP && self.hits * RARE_BYTES > self.from {
                self.finder = Some(memchr::memmem::Finder::new(self.word));
                self.from = at;
                continue;
            }
            if self.hay[at..].starts_with(self.word) {
                return Some(at);
            }
        }
    }
}

/// The first place at or after `from` where `word` (not empty) starts in
/// `hay`: 128 bytes a step compared with the word's first two bytes (its
/// first alone for a word of one byte), each place of the pair then
/// tested for the whole word, the last bytes one by one. Some 0.16
/// instructions a byte, and a pair stands far less often than its first
/// byte: for a first byte too common for `memchr` (about 100
/// instructions a place it stops at), where the substring search read
/// some 0.3 a byte. (The loop is inside this function, which AVX2 lets
/// the compiler build with it: a call a step cost as much as the step.)
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn dense_place_avx2(hay: &[u8], word: &[u8], from: usize) -> Option<usize> {
    use std::arch::x86_64::*;
    const STEP: usize = 128;
    let first = _mm256_set1_epi8(*word.first()? as i8);
    let second = _mm256_set1_epi8(*word.get(1).unwrap_or(&word[0]) as i8);
    // The second byte's compare reads one byte further.
    let lag = usize::from(word.len() > 1);
    let mut base = from;
    while base + STEP + lag <= hay.len() {
        // SAFETY: unaligned loads of 32 bytes from `base + 32 * q` and
        // from one byte on (when `lag` is 1), all inside `hay`: `base` is
        // at least `STEP + lag` bytes before its end, and q < 4.
        let eq: [__m256i; 4] = std::array::from_fn(|q| unsafe {
            let at = hay.as_ptr().add(base + 32 * q);
            let a = _mm256_loadu_si256(at.cast::<__m256i>());
            let b = _mm256_loadu_si256(at.add(lag).cast::<__m256i>());
            _mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, second))
        });
        let any = _mm256_or_si256(_mm256_or_si256(eq[0], eq[1]), _mm256_or_si256(eq[2], eq[3]));
        if _mm256_testz_si256(any, any) == 0 {
            for (q, &e) in eq.iter().enumerate() {
                let mut m = _mm256_movemask_epi8(e) as u32;
                while m != 0 {
                    let at = base + 32 * q + m.trailing_zeros() as usize;
                    m &= m - 1;
                    if hay[at..].starts_with(word) {
                        return Some(at);
                    }
                }
            }
        }
        base += STEP;
    }
    (base..hay.len()).find(|&at| hay[at..].starts_with(word))
}

/// How far into a sentence a dateline's dash may stand ("WASHINGTON, Dec.
/// 8 (UPI) —").
const DATELINE_TOKENS: usize = 10;

/// The sentence without the wire-service dateline it opens with, if any: a
/// place in capitals followed by a dash, or by a comma or parenthesis and
/// only capitalised words, numbers and punctuation up to a dash ("RYE,
/// N.H. - State Rep. …", "DES MOINES, Iowa — …", "WASHINGTON, Dec. 8
/// (UPI) — …"). A dateline is no subject: the sentence's subject follows
/// it. "FBI Director Comey — …" is no dateline (no comma after "FBI").
pub(super) fn after_dateline(stream: &TokenStream, sentence: ByteSpan) -> ByteSpan {
    let all = stream.all();
    // Most sentences fail on their first two letters, before any token look.
    let opening = all
        .text
        .as_bytes()
        .get(sentence.start()..sentence.start() + 2);
    if !opening.is_some_and(|b| b.iter().all(u8::is_ascii_uppercase)) {
        return sentence;
    }
    let first = stream.index_at(sentence.start());
    let caps = |i: usize| all.toks.get(i).is_some_and(|t| t.is_all_caps());
    if !caps(first) {
        return sentence;
    }
    let mut k = first + 1;
    while k < first + 3 && caps(k) {
        k += 1;
    }
    let is_dash = |i: usize| all.is_punct(i, '—') || all.is_punct(i, '–') || all.is_punct(i, '-');
    let dash = if is_dash(k) {
        Some(k)
    } else if all.is_punct(k, ',') || all.is_punct(k, '(') {
        (k + 1..first + DATELINE_TOKENS)
            .take_while(|&i| {
                all.toks
                    .get(i)
                    .is_some_and(|t| t.span().end() <= sentence.end())
                    && (!all.is_word(i) || all.is_capitalised(i) || all.is_number(i))
            })
            .find(|&i| is_dash(i))
    } else {
        None
    };
    match dash.and_then(|d| all.toks.get(d + 1)) {
        Some(t) if t.span().start() < sentence.end() => {
            ByteSpan::new(t.span().start(), sentence.end())
        }
        _ => sentence,
    }
}

/// The name opening `span` (after discourse words), without the role-word
/// leap of [`leading_name`] when the words leapt over hold a verb ("Bolton
/// called Obama’s…" is Bolton), and never a possessive ("Trump’s campaign").
///
/// `known`, when given, is `leading_name(span)` or else `titled_name(span)`,
/// already found by the caller.
fn opening_name(
    stream: &TokenStream,
    span: ByteSpan,
    known: Option<Option<ByteSpan>>,
) -> Option<ByteSpan> {
    let all = stream.all();
    let first = stream.index_at(span.start());
    let leading =
        known.unwrap_or_else(|| leading_name(stream, span).or_else(|| titled_name(stream, span)));
    let Some(name) = leading else {
        // "Sen. Richard J. Durbin (D-Ill.), noting …, said": a name and a
        // parenthesis (a party, a constituency).
        let mut e = first;
        while e < first + NAME_TOKENS && is_name_word(&all, e) {
            e += 1;
        }
        while e > first && !all.is_word(e - 1) {
            e -= 1;
        }
        // Two words at least: not a dateline "WASHINGTON (AP) —".
        let name = (e > first + 1 && all.is_punct(e, '(')).then(|| all.span(first, e - 1))?;
        return (name.end() <= span.end() && !is_possessive(all.lower_span(name))).then_some(name);
    };
    let at = stream.index_at(name.start());
    let leapt = (first..at).any(|k| {
        all.lower(k)
            .is_some_and(|w| verb_like(w) && !all.is_capitalised(k))
    });
    let name = if leapt {
        let mut e = first;
        while e < at && is_name_word(&all, e) {
            e += 1;
        }
        while e > first && !all.is_word(e - 1) {
            e -= 1;
        }
        (e > first).then(|| all.span(first, e - 1))?
    } else {
        name
    };
    (!is_possessive(all.lower_span(name))).then_some(name)
}

/// How far into a sentence [`asked_name`] looks for "asked".
const ASKED_TOKENS: usize = 16;

/// "A reporter asked Helena Marsh about the delay.": the name straight
/// after "asked" (or "questioned", "pressed") within the sentence's first
/// [`ASKED_TOKENS`] tokens: the person asked, who speaks the reply in the
/// next sentence ("She replied: “…”"), not the sentence's subject.
pub(super) fn asked_name(stream: &TokenStream, sentence: ByteSpan) -> Option<ByteSpan> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let asked = (first..first + ASKED_TOKENS)
        .take_while(|&k| {
            all.toks
                .get(k)
                .is_some_and(|t| t.span().end() <= sentence.end())
        })
        .find(|&k| {
            all.lower(k)
                .is_some_and(|w| matches!(w, "asked" | "questioned" | "pressed"))
        })?;
    let start = all.toks.get(asked + 1)?.span().start();
    if start >= sentence.end() || !all.is_capitalised(asked + 1) {
        return None;
    }
    opening_name(stream, ByteSpan::new(start, sentence.end()), None)
}

/// The subject the sentence opens with, when it stands before `before` (the
/// quote's start): a name, or "he"/"she". Also after an opening phrase
/// closed by a comma within the first few words ("At the debate,", "Or,
/// as").
pub(super) fn opening_subject(
    stream: &TokenStream,
    sentence: ByteSpan,
    before: usize,
    names: &Capitalised,
) -> Option<Subject> {
    opening_subject_known(stream, sentence, before, names, None)
        .or_else(|| long_opener_name(stream, sentence, before, names))
}

/// How far into a sentence a subordinate clause it opens with may run
/// before its comma ([`long_opener_name`]).
const LONG_OPENER_TOKENS: usize = 20;

/// "When the storms are named as part of the season's second wave, Okafor
/// and Reyes call them “small squalls”": a sentence opening with a
/// subordinating conjunction ("when", "after", "although", …) whose clause
/// runs past the [`OPENER_TOKENS`] [`opening_subject`] reads, up to
/// [`LONG_OPENER_TOKENS`]; the name right after the clause's first comma,
/// before the quote, is the sentence's subject.
///
/// Decision (round 27): the subject after the clause speaks the quote, as
/// it does after a short opener ("At the debate, Okafor called it …").
/// Only a name, and only after a subordinator: a preposition's phrase may
/// hold a list ("In Vell, Dunmore and …") whose comma is no clause's end.
fn long_opener_name(
    stream: &TokenStream,
    sentence: ByteSpan,
    before: usize,
    names: &Capitalised,
) -> Option<Subject> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let subordinator = all
        .lower(first)
        .is_some_and(|w| super::SUBORDINATORS.contains(&w) || matches!(w, "whereas" | "as"));
    if !subordinator {
        return None;
    }
    let end = stream
        .index_at(before.min(sentence.end()))
        .min(first + LONG_OPENER_TOKENS);
    let comma = (first + OPENER_TOKENS..end).find(|&i| all.is_punct(i, ','))?;
    // (A comma within the first words was read by `opening_subject`.)
    if (first + 1..first + OPENER_TOKENS).any(|i| all.is_punct(i, ',')) {
        return None;
    }
    let start = all.toks.get(comma + 1)?.span().start();
    let name = opening_name(stream, ByteSpan::new(start, sentence.end()), None)
        .filter(|&name| names.is_name(all.text, name) && name.end() <= before)?;
    Some(Subject::Name(name))
}

/// "A retired teacher from Salem started the chant.": a sentence opening
/// with a described person (an unnamed source by its head noun,
/// [`described`], of the anonymous kind) and that person's verb. The
/// walk makes such a person the sentence's subject when it opens with no
/// name (see `Subjects::own`).
pub(super) fn opening_described(stream: &TokenStream, sentence: ByteSpan) -> Option<ByteSpan> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    described(&all, first, sentence.end())
        .filter(|&(_, kind)| kind == SourceKind::Anonymous)
        .map(|(np, _)| np)
}

/// [`opening_subject`], given `leading_name(sentence)` or else
/// `titled_name(sentence)` when the caller has already found it (the walk
/// over sentences has: not finding it again halves the walk's name reads).
pub(super) fn opening_subject_known(
    stream: &TokenStream,
    sentence: ByteSpan,
    before: usize,
    names: &Capitalised,
    known: Option<Option<ByteSpan>>,
) -> Option<Subject> {
    let all = stream.all();
    let trimmed = after_dateline(stream, sentence);
    let known = known.filter(|_| trimmed == sentence);
    let sentence = trimmed;
    let first = stream.index_at(sentence.start());
    let at = |i: usize| -> Option<Subject> {
        let i = if all.lower(i) == Some("as") { i + 1 } else { i };
        if is_person_pronoun(all.lower(i)) {
            return Some(Subject::Pronoun);
        }
        let start = all.toks.get(i)?.span().start();
        if start >= sentence.end() {
            return None;
        }
        // The caller's name is for the span from the sentence's start.
        let known = known.filter(|_| start == sentence.start());
        if let Some(name) = opening_name(stream, ByteSpan::new(start, sentence.end()), known)
            .filter(|&name| names.is_name(all.text, name))
        {
            return (name.end() <= before).then_some(Subject::Name(name));
        }
        let (np, kind) = described(&all, i, before.min(sentence.end()))?;
        Some(Subject::Described(np, kind))
    };
    if let Some(s) = at(first) {
        return Some(s);
    }
    // "At Saturday's debate, Halvorson blasted…", "Her chief aide, Tom
    // Reyes, calls…": the first comma of the opening words, then a subject.
    let end = stream.index_at(before.min(sentence.end()));
    let comma = (first..end.min(first + OPENER_TOKENS)).find(|&i| all.is_punct(i, ','))?;
    // "Waving signs that called Marsh a “liar,” the protesters chanted
    // “…”": the comma inside a quotation's closing mark closes the opening
    // phrase too; the subject follows the mark.
    // (A straight mark closes only when it touches the comma: "One ad,
    // "Rebel Yell," stars …" opens a title after the comma.)
    let closing = |i: usize| {
        ['”', '"', '’', '\''].iter().any(|&c| all.is_punct(i, c))
            && all.toks[i].span().start() == all.toks[i - 1].span().end()
    };
    let mut s = comma + 1;
    while s < end && closing(s) {
        s += 1;
    }
    // Round 44: "Along with her husband, Milton Berg, a money manager, she
    // has given …", "Together with his father, Ray Dunn, he sailed …": after a
    // preposition of company the name after the comma is its object's
    // appositive, and the subject follows the appositive: a
    // pronoun or a name right after the name's comma, or after the next
    // comma ("…, a money manager, she"). With neither, the name as before.
    // (Not yet "With his father, Ray Dunn, he …" nor "Like …": their
    // sentences take another way to the subject, and keep the name.)
    if matches!(all.lower(first), Some("along" | "together" | "alongside")) {
        if let Some(Subject::Name(name)) = at(s) {
            let after = stream.index_at(name.end());
            if after < end && all.is_punct(after, ',') {
                let person =
                    |k: usize| at(k).filter(|t| matches!(t, Subject::Pronoun | Subject::Name(_)));
                if let Some(t) = person(after + 1) {
                    return Some(t);
                }
                let next =
                    (after + 1..end.min(after + 1 + OPENER_TOKENS)).find(|&i| all.is_punct(i, ','));
                if let Some(t) = next.and_then(|k| person(k + 1)) {
                    return Some(t);
                }
            }
        }
    }
    at(s)
}

/// "Campaigning in Dunmore, North Fenwick, Ortega promised …": the
/// opening phrase's comma closes capitalised words after "in" and is
/// followed by up to three capitalised words and another comma: a place
/// and its state or country ("in City, State,"), never the sentence's
/// subject, which follows the second comma (its index is returned). Only
/// after "in": "His partner at Lenox, Lawrence Cummings, called him …"
/// and "songs by Lynn, Costello, Cash and …" name people after the comma.
fn place_pair_end(stream: &TokenStream, sentence: ByteSpan, comma: usize) -> Option<usize> {
    let all = stream.all();
    // The place before the comma: one to three capitalised words ("Salem",
    // "St. Clairsville") right after "in".
    let mut b = comma;
    while b > 0
        && comma - b < 5
        && (all.is_word(b - 1) && all.is_capitalised(b - 1) || all.is_punct(b - 1, '.'))
    {
        b -= 1;
    }
    if b == comma || b == 0 || all.lower(b - 1) != Some("in") {
        return None;
    }
    let mut words = 0;
    for k in comma + 1..comma + 8 {
        let t = all.toks.get(k)?;
        if t.span().end() > sentence.end() {
            return None;
        }
        if all.is_punct(k, ',') {
            return (words > 0).then_some(k);
        }
        if all.is_word(k) && all.is_capitalised(k) {
            words += 1;
            if words > 3 {
                return None;
            }
        } else if !all.is_punct(k, '.') {
            return None;
        }
    }
    None
}

/// "Campaigning at a school in Dunmore, North Fenwick, Ortega went after
/// Pell": a name read as the sentence's opening one that stands between
/// the two commas of a place pair ([`place_pair_end`]) is the place; the
/// name after the second comma is read instead (`n` itself when there is
/// no pair, or no name after it). Decision: "… in Alder, Brookvale, she
/// kept to her message" keeps the place, as a "he" or "she" there sent the
/// one PolNeAR case to a still earlier, wrong subject.
pub(super) fn after_place_pair(stream: &TokenStream, sentence: ByteSpan, n: ByteSpan) -> ByteSpan {
    let all = stream.all();
    let k = stream.index_at(n.start());
    let Some(comma) = k.checked_sub(1).filter(|&c| all.is_punct(c, ',')) else {
        return n;
    };
    match place_pair_end(stream, sentence, comma) {
        Some(second) if all.toks[second].span().start() >= n.end() => {
            let Some(next) = all.toks.get(second + 1) else {
                return n;
            };
            let rest = ByteSpan::new(next.span().start(), sentence.end());
            crate::sources::leading_name(stream, rest)
                .filter(|m| m.end() <= sentence.end())
                .unwrap_or(n)
        }
        _ => n,
    }
}

/// "Philip Bump: “…”", "More from Blumenthal and Cohen: “…”": a name
/// directly before the colon that introduces the quote, or a name and a
/// colon opening the quote's sentence (a headline or transcript line).
pub(super) fn colon_name(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
    names: &Capitalised,
) -> Option<ByteSpan> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let q = stream.index_at(quote.start());
    let colon = q.checked_sub(1)?;
    if colon <= first || !all.is_punct(colon, ':') {
        // A headline or transcript line "Milbank: Republicans ‘Waving The
        // Flag…’": a name and a colon open the sentence.
        let colon = (first + 1..(first + NAME_TOKENS).min(q)).find(|&k| all.is_punct(k, ':'))?;
        let name = all.span(first, colon - 1);
        let all_names = (first..colon).all(|k| is_name_word(&all, k));
        return (all_names
            && !is_possessive(all.lower_span(name))
            && names.is_name(all.text, name))
        .then_some(name);
    }
    let mut a = name_start(&all, first, colon);
    if a == colon {
        return None;
    }
    // "- Mark Blumenthal and Jon Cohen: “…”": two names joined by "and"
    // (a jointly written analysis) speak together.
    if a > first + 1 && all.lower(a - 1) == Some("and") && is_name_word(&all, a - 2) {
        let mut b = a - 1;
        while b > first && b + NAME_TOKENS > a && is_name_word(&all, b - 1) {
            b -= 1;
        }
        a = b;
    }
    // "Priebus told Fox News: “…”" — a name after a verb is the listener;
    // after "from" or "by" it is the writer ("More from Jones: “…”", "…,"
    // by DNAinfo's Nicole Levy: “…”", the outlet's possessive left out).
    let opens = a == first
        || !all.is_word(a - 1) && !all.is_abbreviation_dot(a - 1)
        || matches!(all.lower(a - 1), Some("from" | "by"))
        || after_role(&all, first, a);
    if !opens {
        return None;
    }
    if a + 1 < colon && all.lower(a).is_some_and(owner) {
        a += 1;
    }
    let name = all.span(a, colon - 1);
    (!is_possessive(all.lower_span(name)) && names.is_name(all.text, name)).then_some(name)
}

/// "Marsh said the plan was sound, to which Okafor interjected: “…”": a
/// name with its verb (after at most an adverb) right before the colon
/// that introduces the quote, starting at or after `from` (the end of the
/// sentence's attribution before the quote). Not a name after a
/// preposition ("Marsh wrote to Okafor on Monday:" has none with a verb)
/// nor a possessive.
pub(super) fn colon_subject(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
    from: usize,
    names: &Capitalised,
) -> Option<ByteSpan> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let colon = stream.index_at(quote.start()).checked_sub(1)?;
    if colon <= first + 1 || !all.is_punct(colon, ':') {
        return None;
    }
    let v = verb_before_colon(&all, first, colon);
    if !verb_at(&all, v) {
        return None;
    }
    let mut k = v.checked_sub(1)?;
    if all.lower(k).is_some_and(is_adverb) {
        k = k.checked_sub(1)?;
    }
    if k < first || !is_name_word(&all, k) || !all.is_word(k) {
        return None;
    }
    let a = name_start(&all, first, k);
    let name = all.span(a, k);
    let after_preposition = a > first
        && all
            .lower(a - 1)
            .is_some_and(|w| PREPOSITIONS.contains(w) && w != "with");
    (name.start() >= from
        && !after_preposition
        && !is_possessive(all.lower_span(name))
        && names.is_name(all.text, name))
    .then_some(name)
}

/// The verb of [`colon_subject`]'s clause: the word before the colon,
/// or before an adverb and a particle there ("Okafor fired back
/// forcefully: “…”", "Okafor replied sharply:", "Okafor shot back:").
fn verb_before_colon(all: &Tokens, first: usize, colon: usize) -> usize {
    let mut v = colon - 1;
    if v > first + 1 && all.lower(v).is_some_and(is_adverb) {
        v -= 1;
    }
    if v > first + 1
        && all
            .lower(v)
            .is_some_and(|w| matches!(w, "back" | "out" | "up"))
    {
        v -= 1;
    }
    v
}

/// "The surge does not surprise Republican pollster Dara Moss: “…”": a
/// name after a lowercase role word (`lexicon/roles.txt`, an unnamed
/// source's head, a word of `lexicon/words/speaker_descriptions.txt`, or a
/// person's noun such as "strategist"), itself after at most one capitalised
/// word of
/// party or place, is the one the colon credits, unless a verb of speech
/// stands before the role ("Ruiz told pollster Dara Moss:" speaks to her).
fn after_role(all: &Tokens, first: usize, a: usize) -> bool {
    let Some(role) = a.checked_sub(1).filter(|&r| r > first) else {
        return false;
    };
    let is_role = all.lower(role).is_some_and(|w| {
        !all.is_capitalised(role)
            && (WORDS.roles.contains(w)
                || WORDS.anonymous_heads.contains(w)
                || SPEAKER_DESCRIPTIONS.contains(w)
                || crate::sources::classify::looks_like_person(w))
    });
    if !is_role {
        return false;
    }
    let mut before = role - 1;
    if before > first && all.is_capitalised(before) && all.is_word(before) {
        before -= 1;
    }
    all.lower(before)
        .is_none_or(|w| !SPEECH.contains(w) && !SPEAKER_IRREGULAR.contains(w))
}

/// "At the town hall, the Christie supporter retorted: “…”", "her Twitter
/// account posted: “…”": a described source (see [`described`]) with its
/// verb in the clause right before the colon that introduces the quote, the
/// nearest to the colon first. A determiner after a preposition opens no
/// subject ("a message to *the* voters saying:"). Bounded by
/// [`OPENER_TOKENS`].
pub(super) fn colon_described(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
) -> Option<(ByteSpan, SourceKind)> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let colon = stream.index_at(quote.start()).checked_sub(1)?;
    if colon <= first || !all.is_punct(colon, ':') {
        return None;
    }
    let floor = first.max(colon.saturating_sub(OPENER_TOKENS));
    (floor..colon).rev().find_map(|k| {
        let after_preposition =
            k > first && all.lower(k - 1).is_some_and(|w| PREPOSITIONS.contains(w));
        if after_preposition {
            return None;
        }
        let (np, kind) = described(&all, k, quote.start())?;
        // A plural group is no speaker of a colon's words ("Some agreed:").
        (kind != SourceKind::Vague).then_some((np, kind))
    })
}

/// How many words a described source may have before its verb ("the
/// independent Vermont senator told").
const DESCRIBED_TOKENS: usize = 8;

/// A source described, not named, followed by its verb: an organisation or
/// document from `lexicon/institutions.txt` ("The campaign quickly blasted
/// out…", "the document states", "Clinton's campaign said"), a role from
/// `lexicon/roles.txt` ("the judge exclaimed") or an unnamed source from
/// `lexicon/anonymous_sources.txt` ("a Democratic staffer wondered"). The
/// source is the words from the determiner to the head, which must be the
/// last word before the verb (after at most an adverb). Kinds follow the
/// source rules (see [`crate::sources`]): an organisation, or a role after
/// "the" or a possessive, is named; an unnamed source, or a role after
/// "a", "an", "another" or "one", is anonymous.
fn described(all: &Tokens, i: usize, end: usize) -> Option<(ByteSpan, SourceKind)> {
    let opener = all.lower(i)?;
    let indefinite = matches!(opener, "a" | "an" | "another" | "one");
    // "Protesters chanted", "supporters yelled": a bare plural group;
    // "Some chanted", "Another tweeted", "Someone called it": a pronoun of
    // quantity (vague: nobody to ask).
    if SPEAKER_GROUPS.contains(opener) && opener.ends_with('s')
        || matches!(
            opener,
            "some" | "several" | "many" | "most" | "others" | "another" | "someone" | "somebody"
        )
    {
        let v = if all
            .lower(i + 1)
            .is_some_and(|w| SPEAKER_ADVERBS.contains(w))
        {
            i + 2
        } else {
            i + 1
        };
        let inside = all.toks.get(v).is_some_and(|t| t.span().end() <= end);
        return (inside && verb_at(all, v)).then(|| (all.span(i, i), SourceKind::Vague));
    }
    // "my father often said": a first person's kin in an essay. "That
    // letter, on the firm's letterhead, demanded …": a demonstrative points
    // at one document as "the" does (round 38; only before a document's
    // head, where "that" opens no clause).
    if !(indefinite
        || matches!(
            opener,
            "the" | "her" | "his" | "its" | "their" | "my" | "our"
        )
        || owner(opener)
        || matches!(opener, "this" | "that")
            && all
                .lower(i + 1)
                .is_some_and(|h| SPEAKER_DOCUMENTS.contains(h)))
    {
        return None;
    }
    let inside = |k: usize| all.toks.get(k).is_some_and(|t| t.span().end() <= end);
    // "“…,” the letter reads.", "“…,” a voice-over in the ad states.": a
    // document's verb may end its sentence, where [`verb_at`] takes an -s
    // word for a plural noun; so may a verb of speech in -s ("“…?” a
    // narrator in the ad asks.").
    let document_verb = |v: usize| {
        v > i + 1
            && (matches!(
                all.lower(v),
                Some(
                    "reads" | "read" | "states" | "notes" | "declares" | "concludes" | "continues"
                )
            ) && all
                .lower(v - 1)
                .is_some_and(|h| SPEAKER_DOCUMENTS.contains(h))
                || matches!(
                    all.lower(v),
                    Some("says" | "asks" | "adds" | "writes" | "explains" | "insists" | "warns")
                ) && all
                    .toks
                    .get(v + 1)
                    .is_none_or(|t| t.span().start() >= end || all.is_punct(v + 1, '.')))
    };
    // "Gary Johnson’s doctor is calling the candidate “…”": a verb in
    // -ing after "is" or "was" (the progressive), as for a name (see
    // [`nearest_subject`]).
    let progressive = |v: usize| {
        v > i + 2
            && all
                .lower(v)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
            && !all.is_capitalised(v)
            && matches!(all.lower(v - 1), Some("is" | "was" | "are" | "were"))
    };
    let verb_here = |v: usize| verb_at(all, v) || document_verb(v) || progressive(v);
    let mut v = i + 1;
    // (`verb_at` reads `verb_like` itself, after the cheaper capital test.)
    while v < i + DESCRIBED_TOKENS && inside(v) && all.is_word(v) {
        if v > i + 1 && verb_here(v) {
            break;
        }
        v += 1;
    }
    // "The complaint, which was filed in March, alleged …": a relative
    // clause or appositive closed by a comma, then the verb.
    let mut head_end = v;
    // (Not a name in apposition: "The transport minister, Alan Pryce,
    // defended …" is Alan Pryce, read by the opening-subject rule.)
    if all.is_punct(v, ',') && v > i + 1 && all.is_word(v + 1) && !all.is_capitalised(v + 1) {
        let close = (v + 2..(v + APPOSITIVE_TOKENS).min(all.len()))
            .take_while(|&k| inside(k))
            .find(|&k| all.is_punct(k, ','))
            .filter(|&k| all.is_word(k + 1) && verb_at(all, k + 1));
        if let Some(close) = close {
            head_end = v;
            v = close + 1;
        }
    }
    if !inside(v) || !verb_here(v) {
        return None;
    }
    // Between the head and its verb, at most an adverb, an auxiliary and
    // another adverb: "the judge later said", "a doctor had typed", "the
    // nominee has repeatedly wondered".
    let auxiliary = |w: &str| AUXILIARIES.contains(w);
    let mut head = head_end - 1;
    for between in [is_adverb, auxiliary, is_adverb] {
        if head > i && all.lower(head).is_some_and(between) {
            head -= 1;
        }
    }
    if head <= i {
        return None;
    }
    // "the former secretary of state mocked", "a Democratic staffer in the
    // room wondered", "a narrator in the ad asks", "A reporter for Agence
    // France-Presse called it": the head before the preposition first (the
    // narrator speaks, not the ad).
    let before_preposition = || {
        let of = (i + 2..head).rev().find(|&k| {
            matches!(
                all.lower(k),
                Some("of" | "in" | "at" | "from" | "on" | "for")
            )
        })?;
        head_kind(all.lower(of - 1)?, indefinite)
    };
    let kind = before_preposition().or_else(|| head_kind(all.lower(head)?, indefinite))?;
    Some((all.span(i, head), kind))
}

/// A possessive opening a described source: "Okafor’s", "the
/// campaign's", and a plural or -s name's bare apostrophe ("Sanders’
/// campaign", "the voters' union").
fn owner(w: &str) -> bool {
    is_possessive(w) || w.ends_with("s’") || w.ends_with("s'")
}

/// A kin word ("daughter", "wife") from `lexicon/words/kin.txt`.
pub(super) fn is_kin(w: &str) -> bool {
    KIN.contains(w)
}

/// The kind of a described source by its head noun (see [`described`]),
/// or `None` when the head is no source.
/// A noun of political persuasion standing for a person ("in what one
/// Latino conservative has dubbed “the yuca primary”", "a progressive
/// called it …"): a description like a role, anonymous after "a" or
/// "one" ([`head_kind`]).
///
/// Decision (round 27): before, no kind was found for such a head, the
/// "what … dubbed" frame found no caller, and the quote went to a name
/// elsewhere in the sentence that never said it. A closed list of the
/// persuasions news names people by.
fn is_persuasion(h: &str) -> bool {
    matches!(
        h,
        "conservative" | "liberal" | "progressive" | "libertarian" | "moderate" | "centrist"
    )
}

fn head_kind(h: &str, indefinite: bool) -> Option<SourceKind> {
    let words = &*WORDS;
    // "the 43-year-old asked": an age standing for a person, as a role
    // does (the article has met them, or "a 43-year-old" has no name).
    let age = h
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    Some(if age {
        if indefinite {
            SourceKind::Anonymous
        } else {
            SourceKind::Named
        }
    } else if words.institutions.contains(h) && !indefinite {
        SourceKind::Named
    } else if words.anonymous_heads.contains(h) {
        SourceKind::Anonymous
    } else if words.roles.contains(h) {
        if indefinite {
            SourceKind::Anonymous
        } else {
            SourceKind::Named
        }
    } else if SPEAKER_DOCUMENTS.contains(h) {
        if indefinite {
            SourceKind::Vague
        } else {
            SourceKind::Named
        }
    } else if SPEAKER_GROUPS.contains(h) {
        SourceKind::Vague
    } else if SPEAKER_PEOPLE.contains(h)
        || KIN.contains(h)
        || crate::sources::classify::looks_like_person(h)
    {
        // (The source rules' people list, `lexicon/words/people.txt`, and
        // heads in -ist or -ian: "a friend commented", "a local
        // paediatrician told".)
        SourceKind::Anonymous
    } else if SPEAKER_DESCRIPTIONS.contains(h) || matches!(h, "family" | "ally") || is_persuasion(h)
    {
        // (A family speaks as one: "Scott's family has called on police to
        // release the videos “…”", named as the source finder reads "the
        // family said"; an ally is a person pointed back at, as a role, and
        // so is a person named by a political persuasion, see
        // [`is_persuasion`].)
        if indefinite {
            SourceKind::Anonymous
        } else {
            SourceKind::Named
        }
    } else {
        return None;
    })
}

/// How far back from a quote [`nearest_subject`] looks.
const NEAREST_TOKENS: usize = 30;

/// The nearest subject before a woven-in quote in its sentence: a name, or
/// "he"/"she", directly followed by a verb (after at most an adverb or an
/// auxiliary, or a short parenthesis): "…, and Trump later called Haley
/// “…”", "what Gilbert called “…”", "Cruz is praising Bush as “…”". A name
/// followed by no verb is an object or in a subordinate clause ("Fitton
/// charged that Mrs. Clinton “hid”" looks on back to Fitton). With
/// `described_too` (for a sentence with no attribution), also a described
/// source with its verb ("…; one lawmaker called Hale “…”").
pub(super) fn nearest_subject(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
    names: &Capitalised,
    described_too: bool,
) -> Option<Subject> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let q = stream.index_at(quote.start());
    let floor = first.max(q.saturating_sub(NEAREST_TOKENS));
    let mut k = q;
    while k > floor {
        k -= 1;
        // With `described_too`: "…, while the former Florida governor
        // loves “…”", "…; one lawmaker called Hale “…”": a described
        // source (see [`described`]) with its verb before the quote, when
        // the source is a plain noun phrase (no preposition inside: "a
        // fine after the man posted") in no object's place (not after a
        // verb or preposition: "She called his executive actions “…”", "He
        // implied a federal judge was biased and “hostile”", "a message to
        // the voters saying"), and not a plural group (a crowd needs its
        // own verb of chanting).
        if described_too && k > first && described_subject_at(&all, k, q) {
            if let Some((np, kind)) = described(&all, k, quote.start()) {
                let end = stream.index_at(np.end());
                let plain =
                    (k + 1..end).all(|j| all.lower(j).is_some_and(|w| !PREPOSITIONS.contains(w)));
                if kind != SourceKind::Vague && plain {
                    return Some(Subject::Described(np, kind));
                }
            }
        }
        if !(is_person_pronoun(all.lower(k)) || is_name_word(&all, k) && all.is_word(k)) {
            continue;
        }
        // k is the last word of a candidate subject; what follows it?
        let mut v = k + 1;
        // "Trump, who has called the pact “insanity,”", "reaction from
        // Mark Pell, who called it “cruel”": a relative clause after a
        // comma makes the name the subject of its verb, after "from" or
        // "to" too (guideline: "Tom Reyes, who told"); so does the verb
        // right after the clause closes ("Reyes, who backs Hale, blasted
        // the plan, calling it a “farce”"). Not when the clause closes
        // before the quote with no verb after it ("praising Reyes, who
        // quit on Monday, as a “good man”" is the praiser's), nor in the
        // passive ("Reyes, who was greeted with chants of “…”").
        let relative = v + 1 < q
            && all.is_punct(v, ',')
            && all.lower(v + 1) == Some("who")
            && !(all
                .lower(v + 2)
                .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are"))
                && all.lower(v + 3).is_some_and(|w| w.ends_with("ed")));
        let relative = relative
            && match (v + 2..q - 1).find(|&j| all.is_punct(j, ',')) {
                Some(close) if close + 1 < q && verb_at(&all, close + 1) => {
                    v = close - 1;
                    true
                }
                Some(_) => false,
                None => true,
            };
        if relative {
            v += 2;
        }
        if all.is_punct(v, '(') {
            let close = (v..(v + 6).min(q)).find(|&j| all.is_punct(j, ')'))?;
            v = close + 1;
        }
        // "while Dora Pike, the former Vermont governor, proposed a “…”",
        // "Ronald Brisk, for one, called it “…”": an appositive or aside
        // between commas (words only), then a verb: the name is its
        // subject. Not a participle after the comma ("attacked Pike, the
        // mayor, calling her “…”" is the attacker's), nor with a verb of
        // speech between that verb and the quote, which has a subject of
        // its own ("Ada Quill, the chair, toured the depot the day the
        // mechanics told reporters it was a “lifeline”"), nor a name after a
        // preposition or verb (and maybe a determiner), which is inside
        // another appositive or an object ("Tom Hale, founder of the Pell
        // Institute, a donor since 1990, endorsed Ruiz", "who backs Ruiz,
        // former mayor Ann Toll, wrote"); "The RNC, in its summary,
        // emailed" is the RNC's.
        let opens_clause = || {
            let mut b = name_start(&all, first, k);
            if b > first && all.lower(b - 1).is_some_and(|w| DETERMINERS.contains(w)) {
                b -= 1;
            }
            b == first
                || all
                    .lower(b - 1)
                    .is_none_or(|w| !PREPOSITIONS.contains(w) && !verb_like(w))
        };
        if !relative && all.is_punct(v, ',') && all.is_word(v + 1) && opens_clause() {
            let close = (v + 2..(v + APPOSITIVE_TOKENS).min(q))
                .find(|&j| !all.is_word(j) && !all.is_abbreviation_dot(j))
                .filter(|&j| all.is_punct(j, ',') && j + 1 < q && verb_at(&all, j + 1))
                .filter(|&j| !speech_between(&all, j + 2, q));
            if let Some(close) = close {
                v = close + 1;
            }
        }
        // "which Apple's chief executive, Tim Cook, called “…”": a name in
        // apposition, between commas, before the verb.
        if all.is_punct(v, ',') {
            let mut s0 = k;
            while s0 > first && s0 + NAME_TOKENS > k && is_name_word(&all, s0 - 1) {
                s0 -= 1;
            }
            if s0 > first && all.is_punct(s0 - 1, ',') {
                // "the Grace Chapel of Linden, Vermont, blasted …": a name
                // between commas right after another is a place's state or
                // country, not an appositive subject.
                if s0 > first + 1 && is_name_word(&all, s0 - 2) && all.is_word(s0 - 2) {
                    continue;
                }
                v += 1;
            }
        }
        // "when Trump in his announcement speech called migrants
        // “rapists”", "Sanders during a Sunday rally thanked …": a short
        // phrase of time or occasion between the name and a finite verb
        // (no punctuation, at most [`OCCASION_TOKENS`] words after the
        // preposition).
        if all
            .lower(v)
            .is_some_and(|w| matches!(w, "in" | "on" | "at" | "during"))
        {
            if let Some(f) = (v + 2..(v + 2 + OCCASION_TOKENS).min(q)).find(|&j| {
                !all.is_word(j)
                    || all.lower(j).is_some_and(|w| {
                        matches!(w, "and" | "or" | "but" | "that" | "who" | "which" | "of")
                            || !w.ends_with('s') && !w.ends_with("ing") && verb_at(&all, j)
                    })
            }) {
                if all.lower(f).is_some_and(|w| {
                    !matches!(w, "and" | "or" | "but" | "that" | "who" | "which" | "of")
                }) {
                    v = f;
                }
            }
        }
        if all.lower(v).is_some_and(is_adverb) {
            v += 1;
        }
        if all.lower(v).is_some_and(|w| AUXILIARIES.contains(w)) {
            v += 1;
            // "Ruiz has instead framed …", "Okoro has often called …".
            if all.lower(v).is_some_and(|w| is_adverb(w) || w == "instead") {
                v += 1;
            }
        }
        let verb = v < q
            && (verb_at(&all, v)
                || all
                    .lower(v)
                    .is_some_and(|w| w.ends_with("ing") && !ING_PREPOSITIONS.contains(&w))
                    && !all.is_capitalised(v));
        if !verb {
            continue;
        }
        if is_person_pronoun(all.lower(k)) {
            return Some(Subject::Pronoun);
        }
        let a = name_start(&all, first, k);
        let name = all.span(a, k);
        // "with Cruz promising to …": "with" opens a clause whose subject
        // the name is; after other prepositions a name is no subject.
        // "footage of Ana Ruiz asking, “…”": a participle right before
        // the quote makes the name its speaker after any preposition.
        // Also with a short phrase of time or place between ("Okafor
        // saying during the debate last week, “…”").
        let adverbial = || {
            q > v + 3
                && q <= v + 8
                && all.is_punct(q - 1, ',')
                && all.lower(v + 1).is_some_and(|w| PREPOSITIONS.contains(w))
                && (v + 1..q - 1).all(|j| all.is_word(j))
        };
        let participle_intro = v + 1 == q
            || v + 2 == q && (all.is_punct(v + 1, ',') || all.is_punct(v + 1, ':'))
            || adverbial();
        let participle_intro =
            participle_intro && all.lower(v).is_some_and(|w| SPEECH_PARTICIPLES.contains(w));
        // "…were upset after Obama called Wall Street bankers “fat cats”":
        // "after" and "before" also open a clause, whose subject the name
        // is when a finite verb follows it ("after Ruiz's speech" and
        // "before Ruiz speaking" are no clause).
        let conjunction = |w: &str| {
            matches!(w, "after" | "before")
                && verb_at(&all, v)
                && all.lower(v).is_some_and(|x| !x.ends_with("ing"))
        };
        // "during the Senate Benghazi hearing, chiding him, “…”": after an
        // article a name is a noun's modifier when an -ing word follows it
        // (the hearing, not a verb), and inside a phrase after a
        // preposition before the article.
        let article = a > first
            && all
                .lower(a - 1)
                .is_some_and(|w| matches!(w, "the" | "a" | "an"));
        let modifier = article && all.lower(k + 1).is_some_and(|w| w.ends_with("ing"));
        let preposition_at = |p: usize| {
            all.lower(p).is_some_and(|w| {
                PREPOSITIONS.contains(w)
                    && w != "with"
                    && !(relative && matches!(w, "from" | "to"))
                    && !conjunction(w)
            })
        };
        let after_preposition = a > first
            && !participle_intro
            && (preposition_at(a - 1) || article && a - 1 > first && preposition_at(a - 2));
        // "young Democratic *audiences*", "Christian Evangelical *voters*":
        // an adjective of party, faith or nation before a plural noun.
        let adjective = all.lower(k).is_some_and(|w| {
            ["ic", "ican", "ian", "ish", "ese", "cal"]
                .iter()
                .any(|e| w.ends_with(e))
        }) && all
            .lower(v)
            .is_some_and(|w| w.ends_with('s') && !SPEECH.contains(w));
        // "…, advising Eastfield College graduates to “…”": a name right
        // after a participle (itself after a comma, "and", "by" or
        // "while") is its object, even when a plural noun after it reads
        // like a verb.
        let after_participle = a > first + 1
            && !participle_intro
            && all.lower(a - 1).is_some_and(|w| {
                w.len() > 4 && w.ends_with("ing") && !ING_PREPOSITIONS.contains(&w)
            })
            && !all.is_capitalised(a - 1)
            && (all.is_punct(a - 2, ',')
                || all
                    .lower(a - 2)
                    .is_some_and(|w| matches!(w, "and" | "by" | "while")));
        if is_possessive(all.lower_span(name))
            || after_preposition
            || after_participle
            || modifier
            || adjective
            || !names.is_name(all.text, name)
        {
            continue;
        }
        return Some(Subject::Name(name));
    }
    None
}

/// How many words a phrase of time or occasion between a subject and its
/// verb may have after its preposition ("Trump *in his announcement
/// speech* called").
const OCCASION_TOKENS: usize = 4;

/// Prepositions in -ing, which are no verb after a name ("clashed with
/// Johnson *during* the hearing, chiding him, “…”" is not Johnson's).
const ING_PREPOSITIONS: &[&str] = &[
    "according",
    "barring",
    "concerning",
    "during",
    "including",
    "notwithstanding",
    "pending",
    "regarding",
];

/// An adverb between a speaker and the verb ("later", "repeatedly"): a
/// word of `lexicon/words/speaker_adverbs.txt` or any word in -ly, but not
/// one of the -ly nouns that head a speaker's own words ("Scott's family
/// has called on police to release “…”", "a close ally called it “…”",
/// "the weekly described it as “…”"): those are the head, not an adverb
/// before the verb.
fn is_adverb(w: &str) -> bool {
    SPEAKER_ADVERBS.contains(w)
        || w.ends_with("ly")
            && !matches!(
                w,
                "family" | "ally" | "assembly" | "daily" | "weekly" | "monthly"
            )
}

/// A lowercase verb of speech (`lexicon/words/speech.txt`) among tokens
/// `from..to` ("the mechanics *told* reporters").
fn speech_between(all: &Tokens, from: usize, to: usize) -> bool {
    (from..to).any(|j| !all.is_capitalised(j) && all.lower(j).is_some_and(|w| SPEECH.contains(w)))
}

/// Token `k` may open a described subject in mid-sentence: it is a
/// determiner or possessive (the cheap test first) standing after no
/// preposition and no verb ("to *the* voters", "called *the* senator"),
/// nor after a determiner ("The *campaign's* statement declares" opens at
/// "The").
fn described_subject_at(all: &Tokens, k: usize, q: usize) -> bool {
    let Some(w) = all.lower(k) else {
        return false;
    };
    if !(matches!(
        w,
        "the" | "a" | "an" | "one" | "another" | "his" | "her" | "its" | "their"
    ) || owner(w))
        || k + 2 >= q
    {
        return false;
    }
    all.lower(k - 1)
        .is_none_or(|p| !PREPOSITIONS.contains(p) && !verb_like(p) && !DETERMINERS.contains(p))
}

/// The token before the quote at token `q`, past a comma or colon that
/// opens it ("yelled “…”", "was asked, “…”", "chanted: “…”"); `None` at
/// the text's start.
fn word_before_quote(all: &Tokens, q: usize) -> Option<usize> {
    let v = q.checked_sub(1)?;
    if all.is_punct(v, ',') || all.is_punct(v, ':') {
        v.checked_sub(1)
    } else {
        Some(v)
    }
}

/// A quote in its sentence, with the indices of both their first tokens
/// in [`TokenStream::all`]: found once per quote by
/// [`super::quote_speakers`] for the readers that take it ([`asked_of`],
/// [`shouted_by`], [`carried_by`], [`framed_speaker`]), where each found
/// them again by offset (about nine look-ups a quote, 40 instructions
/// each).
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub(super) sentence: ByteSpan,
    pub(super) quote: ByteSpan,
    /// The sentence's first token.
    pub(super) first: usize,
    /// The quote's first token.
    pub(super) q: usize,
    /// The word before the quote ([`word_before_quote`]) when it is not
    /// the sentence's first token: read once a quote for the four readers
    /// of [`verb_before_quote`], which each read it again.
    before: Option<usize>,
}

impl Place {
    /// `quote` in `sentence`, its tokens looked up in `stream`; `q` is the
    /// quote's first token, when the caller has it.
    pub(super) fn new(stream: &TokenStream, sentence: ByteSpan, quote: ByteSpan, q: usize) -> Self {
        debug_assert_eq!(q, stream.index_at(quote.start()));
        let first = stream.index_at(sentence.start());
        Place {
            sentence,
            quote,
            first,
            q,
            before: word_before_quote(&stream.all(), q).filter(|&v| v > first),
        }
    }
}

/// The word before the quote ([`word_before_quote`]) when it is one of
/// `verbs` and not its sentence's first word: the article's tokens, the
/// sentence's first token and the verb's, for [`shouted_by`],
/// [`carried_by`] and [`asked_of`].
/// (Inlined, so that each caller's constant list is compared as such.)
#[inline(always)]
fn verb_before_quote<'a>(
    stream: &'a TokenStream,
    at: &Place,
    verbs: &[&str],
) -> Option<(Tokens<'a>, usize, usize)> {
    let all = stream.all();
    let v = at.before?;
    all.lower(v)
        .is_some_and(|w| verbs.contains(&w))
        .then_some((all, at.first, v))
}

/// Finite verbs of shouting, for [`shouted_by`].
const SHOUTED: &[&str] = &[
    "chanted", "chants", "shouted", "shouts", "yelled", "yells", "screamed", "screams",
];

/// "… and a man yelled “Stay there!”", "Cruz said as the heckler yelled:
/// “…”", "at which point the crowd chanted “…”": a described source (see
/// [`described`]: a group, an unnamed person, a role) right before a
/// finite verb of shouting ([`SHOUTED`], after at most one adverb) that
/// stands straight before the quote, or before a comma or colon opening
/// it, is its speaker, wherever it stands in its sentence. Without this
/// a name earlier in the sentence ("when Rubio thanked Miami and said
/// …") took the shouted words. A name or a pronoun before the verb is
/// left to the other readers, which get it right.
pub(super) fn shouted_by(stream: &TokenStream, at: &Place) -> Option<(ByteSpan, SourceKind)> {
    let quote = at.quote;
    let Some((all, first, v)) = verb_before_quote(stream, at, SHOUTED) else {
        // "…, chanting “…”": only a crowd before it (see [`crowd_chanting`]).
        let (all, first, v) = verb_before_quote(stream, at, CHANTING)?;
        return crowd_chanting(&all, first, v);
    };
    let mut head = v - 1;
    if head > first && all.lower(head).is_some_and(is_adverb) {
        head -= 1;
    }
    // The longest such source: "the protesters", not "protesters".
    (head.saturating_sub(DESCRIBED_TOKENS).max(first)..=head)
        .find_map(|i| {
            described(&all, i, quote.start())
                .filter(|(np, _)| stream.index_at(np.end()) == head + 1)
        })
        .or_else(|| crowd_chanting(&all, first, v))
}

/// Participles of shouting: a crowd's verb after a clause of its own
/// ("marched down Main Street, chanting “…”"), for [`crowd_chanting`].
const CHANTING: &[&str] = &["chanting", "shouting", "yelling", "screaming"];

/// How far back from the verb of shouting [`crowd_chanting`] looks for
/// the crowd.
const CROWD_TOKENS: usize = 30;

/// Counts and collectives before "of" that a crowd's phrase runs back
/// over ("*Hundreds of* demonstrators", "*small groups of* protesters").
const CROWD_COUNTS: &[&str] = &[
    "hundreds",
    "thousands",
    "dozens",
    "scores",
    "groups",
    "group",
    "crowds",
    "crowd",
    "lots",
    "mix",
    "throng",
    "band",
];

/// Words before a number that belong to a crowd's phrase ("*about* 200
/// protesters").
const APPROXIMATELY: &[&str] = &[
    "about", "around", "nearly", "roughly", "some", "over", "almost", "perhaps",
];

/// "Hundreds of demonstrators marched through the old town, chanting
/// “…”", "Protesters marching past the hall chanted “…”", "with many
/// marchers and spectators chanting “…”": a crowd (a plural head of
/// `lexicon/words/speaker_groups.txt`) that is the subject of the clause
/// whose verb of shouting (token `v`, finite or a participle) stands
/// right before the quote speaks it, though words stand between them.
/// The crowd is a subject: the word before its phrase is no verb and no
/// preposition (not "Trump mocked the protesters, shouting “…”", which
/// is Trump's), and no "he" or "she", and no name that opens a clause
/// (one not after a preposition, a determiner or another name), stands
/// between it and the verb ("as the protesters left, Hale kept shouting
/// “…”" is Hale's). The speaker is the crowd's phrase from its first
/// modifier or count, of the kind of a vague group: nobody in a crowd can
/// be asked (decision, as for [`described`]'s groups).
fn crowd_chanting(all: &Tokens, first: usize, v: usize) -> Option<(ByteSpan, SourceKind)> {
    let verb = all.lower(v)?;
    if !SHOUTED.contains(&verb) && !CHANTING.contains(&verb) {
        return None;
    }
    let floor = first.max(v.saturating_sub(CROWD_TOKENS));
    let mut g = v;
    loop {
        if g <= floor {
            return None;
        }
        g -= 1;
        let Some(w) = all.lower(g) else {
            continue;
        };
        if is_person_pronoun(Some(w)) {
            return None;
        }
        if is_name_word(all, g) && g > floor {
            // A name opening a clause between the crowd and the verb has
            // the verb ("…, Hale kept shouting").
            let before = all.lower(g - 1);
            let inside = is_name_word(all, g - 1)
                || all.is_abbreviation_dot(g - 1)
                || before.is_some_and(|b| {
                    PREPOSITIONS.contains(b) || DETERMINERS.contains(b) || is_possessive(b)
                });
            if !inside {
                return None;
            }
        }
        // (A group right before a finite verb is [`described`]'s; right
        // before a participle it is this rule's: "with many marchers
        // chanting “…”".)
        // "Others, reacting to the delay, shouted, “…”": "others", the
        // pronoun of a group, with a phrase between it and the verb
        // (straight before it, it is [`described`]'s). Decision (round
        // 29): a crowd like any group.
        if (w.ends_with('s') && SPEAKER_GROUPS.contains(w) || w == "others" && g + 2 < v)
            && (g + 1 < v || CHANTING.contains(&verb))
        {
            break;
        }
    }
    // A verb before the crowd, whose object it is ("told protesters",
    // "showcasing his large crowds": an -ing word before a determiner);
    // not a capitalised, hyphenated or -ing modifier ("pro-Sanders",
    // "striking").
    let verbish = |p: usize| {
        all.lower(p).is_some_and(|w| {
            !all.is_capitalised(p)
                && !w.contains('-')
                && (w.len() > 4 && w.ends_with("ed")
                    || w.len() > 4
                        && w.ends_with("ing")
                        && !ING_PREPOSITIONS.contains(&w)
                        && all.lower(p + 1).is_some_and(|d| {
                            DETERMINERS.contains(d) || matches!(d, "his" | "her" | "their" | "its")
                        })
                    || verb_like(w) && verb_at(all, p))
        })
    };
    // The phrase runs back over modifiers, counts ("Hundreds of"), a
    // second group joined by "and" and "about" before a number: at most
    // [`CROWD_TOKENS`] of them (a bounded look-back, as everywhere).
    let mut s = g;
    while s > first && g - s < CROWD_TOKENS {
        let p = s - 1;
        let Some(w) = all.lower(p) else {
            break;
        };
        let number = |k: usize| all.is_number(k);
        let ok = if w == "of" {
            p > first && all.lower(p - 1).is_some_and(|c| CROWD_COUNTS.contains(&c))
        } else if w == "and" {
            p > first && all.lower(p - 1).is_some_and(|c| SPEAKER_GROUPS.contains(c))
        } else if APPROXIMATELY.contains(&w) {
            number(s)
        } else {
            all.is_word(p)
                && !PREPOSITIONS.contains(w)
                && !AUXILIARIES.contains(w)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "but"
                        | "who"
                        | "that"
                        | "which"
                        | "where"
                        | "when"
                        | "while"
                        | "as"
                        | "with"
                        | "after"
                        | "before"
                        | "if"
                        | "because"
                )
                && !verbish(p)
        };
        if !ok {
            break;
        }
        s = p;
    }
    // The word before the phrase: no verb or preposition, whose object the
    // crowd would be.
    if s > first {
        let before = all.lower(s - 1);
        let object = before.is_some_and(|b| {
            PREPOSITIONS.contains(b)
                && b != "with"
                && !matches!(b, "when" | "while" | "as" | "after" | "before")
                || verbish(s - 1)
        });
        if object {
            return None;
        }
    }
    Some((all.span(s, g), SourceKind::Vague))
}

/// A thing that carries words (`lexicon/words/speaker_carriers.txt`),
/// singular or plural in -s: "sign", "banners".
pub(super) fn is_carrier(w: &str) -> bool {
    SPEAKER_CARRIERS.contains_or_plural(w)
}

/// Verbs by which a carried thing gives its words, for [`carried_by`].
const CARRIED: &[&str] = &["says", "said", "read", "reads", "reading", "saying"];

/// How many words before a carried thing its determiner may stand ("a
/// Donald Trump campaign hat").
const CARRIER_TOKENS: usize = 5;

/// "Bernstein held up a sign saying “…”", "Giuliani wore a campaign hat
/// that read “…”": a thing that carries words
/// (`lexicon/words/speaker_carriers.txt`), then "says", "read", "reading"
/// or "saying" (after at most "that" or "which") right before the quote or
/// its comma or colon: the thing speaks, not the person holding or wearing
/// it. Its phrase runs back to a determiner within [`CARRIER_TOKENS`]
/// words; named after "the" or a possessive pronoun, else (an unidentified
/// sign, like a document nothing identifies) vague.
pub(super) fn carried_by(stream: &TokenStream, at: &Place) -> Option<(ByteSpan, SourceKind)> {
    let (all, first, v) = verb_before_quote(stream, at, CARRIED)?;
    if v == first + 1 {
        return None;
    }
    let mut head = v - 1;
    if head > first && all.lower(head).is_some_and(|w| w == "that" || w == "which") {
        head -= 1;
    }
    if !all.lower(head).is_some_and(is_carrier) {
        return None;
    }
    let det = (head.saturating_sub(CARRIER_TOKENS).max(first)..head)
        .rev()
        .take_while(|&i| {
            // (Modifiers only: "the men were wearing shirts that read" has
            // no determiner of "shirts".)
            all.is_word(i)
                && all.lower(i).is_some_and(|w| {
                    !(AUXILIARIES.contains(w)
                        || PREPOSITIONS.contains(w)
                        || w.ends_with("ing")
                        || w.len() > 4 && w.ends_with("ed"))
                })
        })
        .find(|&i| {
            all.lower(i).is_some_and(|w| {
                matches!(
                    w,
                    "a" | "an" | "one" | "the" | "his" | "her" | "their" | "its"
                )
            })
        });
    let start = det.unwrap_or(head);
    let kind = match det.and_then(|d| all.lower(d)) {
        Some("the" | "his" | "her" | "their" | "its") => SourceKind::Named,
        _ => SourceKind::Vague,
    };
    Some((all.span(start, head), kind))
}

/// "Trump was asked, “What is the most dangerous place you have been?”",
/// "Blumenthal was asked: “…”": a question put to the subject of a passive
/// "asked" right before the quote (or its comma or colon) is the asker's
/// words, and the asker is not named there; the subject is no speaker of
/// it (its own answer follows).
pub(super) fn asked_of(stream: &TokenStream, at: &Place) -> bool {
    let Some((all, first, v)) = verb_before_quote(stream, at, &["asked"]) else {
        return false;
    };
    v > first + 1
        && all.lower(v - 1).is_some_and(|w| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "been" | "being" | "be" | "got" | "get" | "gets"
            )
        })
}

/// Words a headline may have for [`headline_speaker`] to read it.
const HEADLINE_TOKENS: usize = 30;

/// A quote in a Title-Case headline ("Chris Christie Calls Clinton ‘A
/// Disgrace’", "Black Lawmakers Rip Trump As A ‘Disgusting Fraud.’"): in
/// Title Case every word is capitalised, so names cannot be told from
/// verbs by case; the subject is the words before the first word that is
/// a reporting verb or a headline verb (`lexicon/words/headline_verbs.txt`),
/// when that verb comes before the quote. A name is named; otherwise the head decides the
/// kind, as for other described sources, or there is no speaker.
/// `paragraph` is the quote's paragraph; a headline is one line of at most
/// [`HEADLINE_TOKENS`] tokens, most of whose longer words are capitalised.
/// The article's opening paragraph (`opening`) in sentence case may give
/// its speaker too ([`subject_before_quote`]).
pub(super) fn headline_speaker(
    stream: &TokenStream,
    paragraph: ByteSpan,
    quote: ByteSpan,
    names: &Capitalised,
    opening: bool,
    speaks: impl Fn(&str) -> bool,
) -> Option<Subject> {
    let all = stream.all();
    let first = stream.index_at(paragraph.start());
    let end = stream.index_at(paragraph.end());
    if end - first > HEADLINE_TOKENS || end <= first {
        return None;
    }
    let q = stream.index_at(quote.start());
    let (mut long, mut capitalised) = (0, 0);
    for k in first..end {
        if all.word(k).is_some_and(|w| w.len() >= 4) {
            long += 1;
            capitalised += usize::from(all.is_capitalised(k));
        }
    }
    if long < 3 || capitalised * 4 < long * 3 {
        return opening
            .then(|| subject_before_quote(&all, first, q, names, speaks))
            .flatten();
    }
    if let Some(subject) = headline_label(&all, first, q, names, speaks) {
        return Some(subject);
    }
    let verb = (first + 1..q.min(first + 8)).find(|&k| {
        all.lower(k).is_some_and(|w| {
            HEADLINE_VERBS.contains(w) || crate::sources::forms::form_of(w).is_some()
        })
    })?;
    // "Donald Trump Is Now Calling Obama The ‘…’": an auxiliary (and an
    // adverb after it) belongs to the verb, not to the subject. (An
    // adverb alone stays: "Megyn Kelly Calls" has no adverb.)
    let auxiliary = |k: usize| k > first && all.lower(k).is_some_and(|w| AUXILIARIES.contains(w));
    let mut verb = verb;
    if verb > first + 2 && all.lower(verb - 1).is_some_and(is_adverb) && auxiliary(verb - 2) {
        verb -= 2;
    } else if auxiliary(verb - 1) {
        verb -= 1;
    }
    let last = verb - 1;
    if !all.is_word(last) || (first..verb).any(|k| !all.is_word(k) && !all.is_abbreviation_dot(k)) {
        return None;
    }
    let words = all.span(first, last);
    let head = all.lower(last)?;
    if let Some(kind) = head_kind(head, false) {
        return Some(Subject::Described(words, kind));
    }
    // A name: every word capitalised, the last not a common plural.
    (!head.ends_with('s') || verb - first == 1).then_some(Subject::Name(words))
}

/// How many words the subject of [`subject_before_quote`] may have.
const HEADLINE_SUBJECT_TOKENS: usize = 2;

/// A headline in sentence case that opens with its speaker and the quote
/// right after it, with no verb: "Okafor ‘glad to finish’ feud with
/// Lindqvist", "Minister ‘shocked’ by report" (news style: the quote
/// marks give the words to the subject before them). Only the article's
/// opening line (a one-line list item in the body, "Celebrating Clinton
/// “turning him around”", is no headline), and the subject is one or two
/// capitalised words from its start ("Liberal Oscar-winner Sarandon
/// ‘not sure’" gives no speaker: its adjectives would be taken into the
/// name), read by [`headline_subject`] ("Brexit ‘a disaster’ for farmers"
/// gives the topic no words).
/// Decision (round 16; the guideline is silent on headlines): a headline
/// is the article's own summary of who said what, so its quote carries
/// that speaker as a body sentence's would.
fn subject_before_quote(
    all: &Tokens,
    first: usize,
    q: usize,
    names: &Capitalised,
    speaks: impl Fn(&str) -> bool,
) -> Option<Subject> {
    if q <= first || q - first > HEADLINE_SUBJECT_TOKENS {
        return None;
    }
    headline_subject(all, first, q, names, speaks)
}

/// The speaker a headline gives in its capitalised words `first..end`
/// (before a label's colon, or before the quote): every token a
/// capitalised word or an abbreviation's full stop, the last a word. A
/// described source by its head ("CNN President", "Minister"), else a name
/// the article uses ([`Capitalised::is_name`]); a one-word name only when
/// it is the surname of a source the article names (`speaks`, on the
/// lower-case word), so that a topic ("Brexit") gives no speaker.
fn headline_subject(
    all: &Tokens,
    first: usize,
    end: usize,
    names: &Capitalised,
    speaks: impl Fn(&str) -> bool,
) -> Option<Subject> {
    if end <= first
        || (first..end)
            .any(|k| !(all.is_word(k) && all.is_capitalised(k) || all.is_abbreviation_dot(k)))
    {
        return None;
    }
    let last = end - 1;
    let head = all.lower(last)?;
    let words = all.span(first, last);
    if let Some(kind) = head_kind(head, false) {
        return Some(Subject::Described(words, kind));
    }
    let one_word = last == first;
    (names.is_name(all.text, words) && (!one_word || speaks(head))).then_some(Subject::Name(words))
}

/// How many words a headline's label before its colon may have ("CNN
/// President On Trump:").
const LABEL_TOKENS: usize = 4;

/// Words that open a headline's label without naming anyone ("Update:",
/// "Breaking News:", "Fact Check:", "Report: …"): a section or a kind of
/// story, never a speaker. Checked on the label's first and last word.
const SECTION_LABELS: &[&str] = &[
    "analysis",
    "breaking",
    "check",
    "correction",
    "editorial",
    "exclusive",
    "explainer",
    "factbox",
    "live",
    "news",
    "opinion",
    "photos",
    "poll",
    "polls",
    "report",
    "review",
    "timeline",
    "update",
    "updated",
    "video",
    "watch",
];

/// A Title-Case headline that opens with its speaker and a colon:
/// "Elizabeth Warren: Trump Is A ‘Proven Failure’", "Ruiz: Port Plan ‘A
/// Disgrace’", "Harbour Board Chair On Levy: ‘We Will Not Sign’" (the
/// words before "On"). The label is at most [`LABEL_TOKENS`] capitalised
/// words before the quote, a name the article uses (see
/// [`Capitalised::is_name`]) or a described source by its head ("CNN
/// President"), and no section label ([`SECTION_LABELS`]). A one-word
/// label must be the surname of a source the article names (`speaks`, on
/// the lower-case word): "Brexit: Ministers ‘Will Not Budge’" is a topic,
/// "Milbank: …" over an article where "Milbank writes" is a columnist.
fn headline_label(
    all: &Tokens,
    first: usize,
    q: usize,
    names: &Capitalised,
    speaks: impl Fn(&str) -> bool,
) -> Option<Subject> {
    let colon = (first + 1..q.min(first + LABEL_TOKENS + 1)).find(|&k| all.is_punct(k, ':'))?;
    let end = (first + 1..colon)
        .find(|&k| all.lower(k) == Some("on"))
        .unwrap_or(colon);
    let section = |k: usize| all.lower(k).is_some_and(|w| SECTION_LABELS.contains(&w));
    if section(first) || section(end - 1) {
        return None;
    }
    headline_subject(all, first, end, names, speaks)
}

/// How many lower-case modifiers may stand between a name's possessive and
/// its claim noun ("Trump's *recent evidence-free* assertion that").
const CLAIM_MODIFIERS: usize = 2;

/// How many tokens before a quote a framing phrase ([`framed_speaker`]) may
/// start.
const FRAME_TOKENS: usize = 12;

/// How many tokens after a sentence's opening "As" (or before "put it,"
/// ending right before the quote) the "put it" of an "as X puts it" frame
/// may stand ([`framed_speaker`]).
const PUT_IT_TOKENS: usize = 9;

/// How many tokens may stand between an opening "As X puts it," and the
/// quote it gives to X ([`framed_speaker`]).
const PUT_IT_GAP: usize = 16;

/// A phrase right before the quote that says whose words follow, whatever
/// the sentence's own subject or verb:
/// - "what he called “…”", "what Voss described as “…”": the words are the
///   caller's ("She met what he called “sophisticated adversaries”" is his,
///   not hers), also with an appositive after the name ("what Ana Ruiz,
///   the party's treasurer, called “…”"), and after an object relative
///   with a named subject ("the plan, which Reyes called “…”", "Hale, who
///   Ruiz on Monday called “…”"). A vague caller ("what some call") is a scare cue instead
///   (see [`crate::quotes::is_scare`]), so it gives no speaker here.
/// - "in the words of a senior adviser, “…”": the adviser's.
/// - "Trump’s claim that there were “thousands of shootings”": a name's
///   claim, pledge or remark (`lexicon/words/claim_nouns.txt`) that the
///   quote gives.
/// - "“…,” as a Homeland Security memo put it": the memo's (read after the
///   quote, at most 8 tokens).
/// - A caller "it" stays unread: taking the sentence's opening subject for
///   it named the wrong body in real news.
///
/// Reads at most [`FRAME_TOKENS`] tokens before the quote.
pub(super) fn framed_speaker(stream: &TokenStream, at: &Place) -> Option<Subject> {
    let (sentence, quote) = (at.sentence, at.quote);
    let all = stream.all();
    let q = at.q;
    let lo = q.saturating_sub(FRAME_TOKENS).max(at.first);
    // The last word before the quote (a comma may stand between).
    let mut v = q.checked_sub(1)?;
    if all.is_punct(v, ',') {
        v = v.checked_sub(1)?;
    }
    if v < lo {
        return None;
    }
    // "what he called a “brazen breach”", "what he called Machado’s “sex
    // tape”": an article or a possessive between the verb and the quote;
    // a possessive may end a name of up to four words ("what they call
    // Republican Tom Rivera’s “…”").
    let possessive_from = |v: usize| {
        (v.saturating_sub(3)..=v)
            .find(|&u| u > lo && (u..v).all(|k| all.is_capitalised(k)))
            .unwrap_or(v)
    };
    let before_verb = v
        .checked_sub(1)
        .filter(|_| {
            all.lower(v)
                .is_some_and(|w| matches!(w, "a" | "an" | "the"))
        })
        .or_else(|| {
            all.lower(v)
                .is_some_and(is_possessive)
                .then(|| possessive_from(v).checked_sub(1))
                .flatten()
        })
        .filter(|&u| {
            all.lower(u).is_some_and(|w| {
                matches!(
                    w,
                    "called" | "calls" | "call" | "termed" | "dubbed" | "labeled" | "labelled"
                )
            })
        });
    let who = |from: usize, to: usize| -> Option<Subject> {
        // Tokens from..to (exclusive) are the speaker's words.
        if from >= to {
            return None;
        }
        if to == from + 1 && is_person_pronoun(all.lower(from)) {
            return Some(Subject::Pronoun);
        }
        if let Some(name) = name_run(&all, from, all.toks[to - 1].span().end()) {
            if name.end() == all.toks[to - 1].span().end()
                && !all.lower_span(name).starts_with("the ")
            {
                return Some(Subject::Name(name));
            }
        }
        let opener = all.lower(from)?;
        let indefinite = matches!(opener, "a" | "an" | "another" | "one");
        if !(indefinite || matches!(opener, "the" | "her" | "his" | "its" | "their")) {
            return bare_group(&all, from, to);
        }
        let kind = head_kind(all.lower(to - 1)?, indefinite)?;
        Some(Subject::Described(all.span(from, to - 1), kind))
    };
    // "“…,” as a Homeland Security memo put it": the frame after the quote.
    let mut a = stream.index_at(quote.end());
    if all.is_punct(a, ',') {
        a += 1;
    }
    if all.lower(a) == Some("as") {
        let put = (a + 2..(a + 8).min(all.len()))
            .take_while(|&k| all.toks[k].span().end() <= sentence.end())
            .find(|&k| all.lower(k) == Some("put") && all.lower(k + 1) == Some("it"));
        if let Some(put) = put {
            return who(a + 1, put);
        }
    }
    // "As Ana Ruiz puts it, “…”", "That's because, as he puts it, “…”",
    // "As the Gazette's Ana Ruiz put it, the council is “…”": the frame
    // before the quote, opening its sentence or ending right before the
    // quote.
    // Decision (round 28): the words after "as X puts it" are given in X's
    // phrasing, so a quote they hold is X's, not the clause's subject's
    // ("Obama is trying to make Republicans “an offer …”" after "As the
    // Post's Ruth Marcus puts it" is Marcus's phrase), unless a verb of
    // speech stands between the frame and the quote ("As Ruiz put it, the
    // mayor said “…”" is the mayor's).
    let put_it = |k: usize| {
        all.lower(k).is_some_and(|w| matches!(w, "put" | "puts"))
            && all.lower(k + 1) == Some("it")
            && (all.is_punct(k + 2, ',') || all.is_punct(k + 2, ':'))
    };
    let put_frame = if all.lower(at.first) == Some("as") {
        (at.first + 2..(at.first + PUT_IT_TOKENS).min(q))
            .find(|&k| put_it(k))
            .map(|k| (at.first, k))
    } else {
        None
    }
    .or_else(|| {
        let k = q.checked_sub(3).filter(|&k| k > at.first && put_it(k))?;
        let a = (k.saturating_sub(PUT_IT_TOKENS).max(at.first)..k - 1)
            .rev()
            .find(|&j| all.lower(j) == Some("as"))?;
        Some((a, k))
    });
    if let Some((a, put)) = put_frame {
        let after = put + 3;
        if after == q || after < q && q - after <= PUT_IT_GAP && !speech_between(&all, after, q) {
            // "As Ruiz likes to put it", "as he once memorably put it".
            let mut end = put;
            while end > a + 2
                && all.lower(end - 1).is_some_and(|w| {
                    matches!(w, "to" | "likes" | "liked" | "once" | "has" | "had") || is_adverb(w)
                })
            {
                end -= 1;
            }
            // "The Post's Ruth Marcus": the name after the possessive.
            let owner = (a + 1..end)
                .rev()
                .find(|&k| all.lower(k).is_some_and(is_possessive));
            if let Some(found) = owner
                .and_then(|o| who(o + 1, end))
                .or_else(|| who(a + 1, end))
            {
                return Some(found);
            }
        }
    }
    // "Trump’s claim that there were “thousands of shootings”", "Hale’s
    // pledge to be “neutral”": a name's claim (a noun of saying, then
    // "that", "to" or "of") whose words the quote gives. Not across a
    // comma: "Asked about Rivera’s claim that it was a fire, Okafor said,
    // “…”" gives Okafor's words.
    let claim_lo = (lo..v)
        .rev()
        .find(|&k| all.is_punct(k, ','))
        .map_or(lo, |c| c + 1);
    // Also a name's answer that "was" the quote, after a colon or as a
    // sentence of its own ("Vale’s response was: “…”"). Not a claim that
    // "was" a word ("Trump’s statement was “true”" is the fact-checker's
    // verdict).
    let whole = || {
        quote
            .slice(all.text)
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase)
    };
    let was_quote = |k: usize| {
        matches!(all.lower(k + 1), Some("was" | "is"))
            && (k + 2 == q && whole() || k + 3 == q && all.is_punct(k + 2, ':'))
    };
    // "Ken Moss’s “47 percent” comment", "Lind's "total disaster"
    // remark": a name's possessive right before the quote and a noun of
    // speech (`lexicon/words/quote_speech_nouns.txt`) right after it. Not
    // a document's noun ("Rowe’s “personal” emails", "his “final”
    // letter": `speaker_documents.txt`, singular): there the quote labels
    // the document, in whoever's words.
    let owner_before = q.checked_sub(1).filter(|&o| {
        o > lo
            && all.lower(o).is_some_and(is_possessive)
            && all.lower(a).is_some_and(|w| {
                QUOTE_SPEECH_NOUNS.contains(w)
                    && !SPEAKER_DOCUMENTS.contains(w.strip_suffix('s').unwrap_or(w))
            })
    });
    // The possessive before the noun at `k`, past at most
    // [`CLAIM_MODIFIERS`] lower-case modifiers ("Podliska’s most explosive
    // claim", "Trump's recent evidence-free assertion", "Forbes’ words").
    let owner_of = |k: usize| -> Option<usize> {
        let mut o = k.checked_sub(1)?;
        for _ in 0..=CLAIM_MODIFIERS {
            if o < claim_lo {
                return None;
            }
            let w = all.lower(o)?;
            if owner(w) {
                return Some(o);
            }
            if all.is_capitalised(o)
                || PREPOSITIONS.contains(w)
                || AUXILIARIES.contains(w)
                || matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "these"
                        | "those"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "that"
                        | "and"
                        | "or"
                        | "but"
                        | "who"
                        | "which"
                )
            {
                return None;
            }
            o -= 1;
        }
        None
    };
    // What follows a claim noun: "that", "to", "of"; or "is that"/"was
    // that" ("Podliska’s claim is that the panel is a “witch hunt”").
    // (Not "call for": "the rally denounced Trump’s call for “…”" is the
    // rally's quote in PolNeAR, four times of five.)
    let claim_at = |k: usize, w: &str| {
        let next = all.lower(k + 1);
        CLAIM_NOUNS.contains(w)
            && (matches!(next, Some("that" | "to" | "of"))
                || matches!(next, Some("is" | "was")) && all.lower(k + 2) == Some("that"))
    };
    if let Some(owner) = owner_before.or_else(|| {
        (claim_lo..v).rev().find_map(|k| {
            // (The word after first: both frames need one of five there.)
            if k <= claim_lo
                || !matches!(all.lower(k + 1), Some("that" | "to" | "of" | "is" | "was"))
            {
                return None;
            }
            let w = all.lower(k)?;
            if ANSWER_NOUNS.contains(w) && was_quote(k) {
                return all.lower(k - 1).is_some_and(is_possessive).then(|| k - 1);
            }
            if claim_at(k, w) {
                return owner_of(k);
            }
            None
        })
    }) {
        let mut a = owner;
        while a > lo && a + NAME_TOKENS > owner && is_name_word(&all, a - 1) {
            a -= 1;
        }
        let name = all.span(a, owner);
        let text = all.text;
        if is_name_word(&all, owner) && all.is_word(a) {
            // The name without its possessive ending.
            let bare = strip_possessive(name.slice(text));
            let end = name.start() + bare.trim_end_matches(['’', '\'']).len();
            return Some(Subject::Name(ByteSpan::new(name.start(), end)));
        }
    }
    // "in Forbes’ words, “…”", "in Ruiz's own words: “…”": the owner's.
    if all.lower(v) == Some("words") {
        let own = usize::from(v > lo && all.lower(v - 1) == Some("own"));
        if let Some(o) = (v - own)
            .checked_sub(1)
            .filter(|&o| o > lo && all.lower(o).is_some_and(owner))
        {
            let mut a = o;
            while a > lo && a + NAME_TOKENS > o && is_name_word(&all, a - 1) {
                a -= 1;
            }
            if a > lo && all.lower(a - 1) == Some("in") && is_name_word(&all, o) && all.is_word(a) {
                let name = all.span(a, o);
                let bare = strip_possessive(name.slice(all.text)).trim_end_matches(['’', '\'']);
                return Some(Subject::Name(ByteSpan::new(
                    name.start(),
                    name.start() + bare.len(),
                )));
            }
        }
    }
    // "in the words of X, “…”"
    if let Some(of) = (lo..v).rev().find(|&k| {
        all.lower(k) == Some("of")
            && k >= 3
            && all.lower(k - 1) == Some("words")
            && all.lower(k - 2) == Some("the")
            && all.lower(k - 3) == Some("in")
    }) {
        return who(of + 1, v + 1);
    }
    // "what X called “…”", "what X described as “…”"
    let v = before_verb.unwrap_or(v);
    let verb = match all.lower(v)? {
        "called" | "calls" | "call" | "termed" | "terms" | "dubbed" | "dubs" | "labeled"
        | "labelled" => v,
        "as" if all.lower(v.checked_sub(1)?).is_some_and(|w| {
            matches!(
                w,
                "described" | "describes" | "characterized" | "characterised"
            )
        }) =>
        {
            v - 1
        }
        _ => return None,
    };
    // "the plan, which Reyes called “…”", "Hale, who Ruiz on Monday called
    // “…”": an object relative whose subject is a name: the name's words,
    // with at most a short time phrase between name and verb.
    if let Some(rel) = (lo..verb)
        .rev()
        .take(6)
        .find(|&k| matches!(all.lower(k), Some("who" | "whom" | "which")))
    {
        let end = all.toks[verb - 1].span().end();
        if let Some(name) = name_run(&all, rel + 1, end).filter(|n| {
            n.start() == all.toks[rel + 1].span().start()
                && !all.lower_span(*n).starts_with("the ")
                && !is_possessive(all.lower_span(*n))
        }) {
            let after = stream.index_at(name.end());
            let plain = (after..verb).all(|k| {
                all.lower(k)
                    .is_some_and(|w| !verb_like(w) && !AUXILIARIES.contains(w) && w != "that")
            });
            if plain && verb - after <= 3 {
                return Some(Subject::Name(name));
            }
        }
    }
    let Some(what) = (lo..verb)
        .rev()
        .take(6)
        .find(|&k| all.lower(k) == Some("what"))
    else {
        // "what Ana Ruiz, the party's treasurer, called “…”": the caller
        // is the name before the appositive's first comma.
        let first = at.first;
        let comma = verb.checked_sub(1).filter(|&c| all.is_punct(c, ','))?;
        let what = (first..comma)
            .rev()
            .take(WHAT_APPOSITIVE_TOKENS)
            .find(|&k| all.lower(k) == Some("what"))?;
        let end = (what + 1..comma).find(|&k| all.is_punct(k, ','))?;
        return who(what + 1, end);
    };
    // "what one conservative has dubbed": an auxiliary or adverb before
    // the verb is not the caller's.
    let mut end = verb;
    while end > what + 2
        && all
            .lower(end - 1)
            .is_some_and(|w| AUXILIARIES.contains(w) || is_adverb(w))
    {
        end -= 1;
    }
    who(what + 1, end)
}

/// The caller of a "what … called" frame without a determiner (see
/// [`framed_speaker`]): a pronoun of quantity ("what some call “…”",
/// "what many have dubbed") is a vague group; so is a quantifier before a
/// plural head ("what numerous economists call"), and a bare plural of up
/// to three words whose head is a source noun ("what multiple lawmakers
/// called “fraud”", "what former employees have called a “…”") takes its
/// head's kind (anonymous for "lawmakers", as "Lawmakers said" is).
/// Tokens `from..to` (exclusive) are the caller's words.
///
/// Decision (the guideline is silent): the group speaks the quote, as it
/// would with "said"; before this rule the frame found no caller and the
/// quote went to the sentence's subject, who is the one reporting what
/// the group calls it.
fn bare_group(all: &Tokens, from: usize, to: usize) -> Option<Subject> {
    let opener = all.lower(from)?;
    if to == from + 1 && matches!(opener, "some" | "many" | "most" | "others") {
        return Some(Subject::Described(all.span(from, from), SourceKind::Vague));
    }
    let head = all.lower(to - 1)?;
    if to - from > 3
        || !head.ends_with('s')
        || all.is_capitalised(to - 1)
        || !(from..to).all(|k| all.is_word(k))
    {
        return None;
    }
    let kind = if QUANTIFIERS.contains(opener) {
        SourceKind::Vague
    } else {
        head_kind(head, false).filter(|&k| k != SourceKind::Named)?
    };
    Some(Subject::Described(all.span(from, to - 1), kind))
}

/// How many tokens before "called" a "what" may stand when a comma ends
/// an appositive between them ("what Ana Ruiz, the party's treasurer,
/// called").
const WHAT_APPOSITIVE_TOKENS: usize = 20;

/// "…a “witch hunt” by Democrats": the name right after "by" following the
/// quote. `end` is the index of the first token from the quote's end
/// (`stream.index_at(quote.end())`), which the caller may share with
/// [`trailing_speaker`].
pub(super) fn agent_after(
    stream: &TokenStream,
    sentence: ByteSpan,
    end: usize,
) -> Option<ByteSpan> {
    let all = stream.all();
    let i = end;
    if all.lower(i) != Some("by") {
        return None;
    }
    let run = name_run(&all, i + 1, sentence.end())?;
    Some(described_person_after(&all, run, sentence.end()).unwrap_or(run))
}

/// How many lower-case words (or compounds in lower case after a hyphen)
/// may stand between a capitalised modifier and the person it describes
/// ("the Pulitzer *Prize-winning investigative reporter* Dana Veck").
const DESCRIPTION_WORDS: usize = 3;

/// A full name after a capitalised run and a few lower-case words (see
/// [`hyphenated_adjective`]): in "by
/// the Pulitzer Prize-winning reporter Dana Veck" or "by the Harrow Beacon
/// columnist Ada Marsh" the run is a modifier of the person named after
/// it. Decision: only a name of two words or more counts (so "by Democrats
/// seeking Ohio votes" stays Democrats), and no preposition, determiner or
/// clause word may stand between ("by Democrats in the House Ways").
fn described_person_after(all: &Tokens, run: ByteSpan, end: usize) -> Option<ByteSpan> {
    let r = all.first_from(run.end());
    let plain = |k: usize| {
        all.is_word(k)
            && (!all.is_capitalised(k) || hyphenated_adjective(all.word(k).unwrap_or_default()))
            && all.lower(k).is_some_and(|w| {
                !(PREPOSITIONS.contains(w)
                    || DETERMINERS.contains(w)
                    || BOUNDARY.contains(w)
                    || SPEECH.contains(w))
            })
    };
    let described = (r..r + DESCRIPTION_WORDS).take_while(|&k| plain(k)).count();
    if described == 0 {
        return None;
    }
    let name = name_run(all, r + described, end)?;
    (name.slice(all.text).split_whitespace().count() >= 2).then_some(name)
}

/// A run of name words starting at token `i` (within the sentence),
/// possibly after a determiner ("the Plain Dealer").
fn name_run(all: &Tokens, i: usize, end: usize) -> Option<ByteSpan> {
    let inside = |k: usize| all.toks.get(k).is_some_and(|t| t.span().end() <= end);
    let mut a = i;
    if all.lower(a) == Some("the") {
        a += 1;
    }
    let mut e = a;
    while e < a + NAME_TOKENS && inside(e) && is_name_word(all, e) {
        e += 1;
    }
    while e > a && !all.is_word(e - 1) {
        e -= 1;
    }
    (e > a && all.is_word(a)).then(|| all.span(a, e - 1))
}

/// A word that can be a reporting verb after a quote: a listed verb of
/// speech, or a past or present form ("barked", "opines").
pub(super) fn verb_like(w: &str) -> bool {
    SPEECH.contains(w)
        || SPEAKER_IRREGULAR.contains(w)
        || (w.len() > 3 && (w.ends_with("ed") || w.ends_with('s')) && !NOT_NAMES.contains(w))
            && !matches!(w, "was" | "has" | "is" | "does")
}

/// Token `k` is a verb: [`verb_like`], and a form in -s ("says",
/// "argues") only when what follows it is not the verb of a plural noun
/// ("Republican *voters* say", "allies were") and is a word, a comma,
/// colon or full stop, or an opening quotation mark ("Pell *calls* “…”";
/// "Wall Street *bankers* “fat cats”" is a noun of agents).
fn verb_at(all: &Tokens, k: usize) -> bool {
    let Some(w) = all.lower(k) else {
        return false;
    };
    if all.is_capitalised(k) || !verb_like(w) {
        return false;
    }
    if !w.ends_with('s') || SPEECH.contains(w) || w.ends_with("ss") {
        return true;
    }
    match all.lower(k + 1) {
        // "voters *say*", "allies *were*", "refugees *so* far": a noun's
        // verb or adverb follows.
        Some(n) => {
            !(SPEECH.contains(n)
                || AUXILIARIES.contains(n)
                || matches!(
                    n,
                    "are"
                        | "say"
                        | "do"
                        | "did"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "so"
                        | "also"
                        | "who"
                        | "which"
                        | "and"
                        | "or"
                ))
        }
        // Not a full stop: "rejected Saudi *concerns*." ends on a noun; nor
        // a noun of agents ("heckles Sanders *supporters*: “…”") that is
        // no verb form of the reporting lists ("she *whispers*: “…”").
        // Or an opening quotation mark: "Pell calls “a foundation”", "the
        // senator likes “The Walking Dead,”" (a verb in -s whose object
        // is the quote); not "reads", whose quote is a thing's text ("A
        // sign at the gate still reads “No entry”", as "a sign reading
        // “…”").
        None => {
            ([',', ':', '—'].iter().any(|&c| all.is_punct(k + 1, c))
                || w != "reads" && opens_quote(all, k + 1))
                && !(is_agent_noun(w) && crate::sources::forms::form_of(w).is_none())
        }
    }
}

/// Token `k` opens a quotation: a left mark (“ ‘), or a straight mark or
/// two apostrophes after a space and touching the word they open ("calls
/// "a disaster"", "terms ''a masterpiece''").
fn opens_quote(all: &Tokens, k: usize) -> bool {
    if all.is_punct(k, '“') || all.is_punct(k, '‘') {
        return true;
    }
    if !(all.is_punct(k, '"') || all.is_punct(k, '\'')) || k == 0 {
        return false;
    }
    let (Some(prev), Some(t)) = (all.toks.get(k - 1), all.toks.get(k)) else {
        return false;
    };
    let mut n = k + 1;
    if all.is_punct(k, '\'') && all.is_punct(n, '\'') {
        n += 1;
    }
    prev.span().end() < t.span().start()
        && all.is_word(n)
        && all.toks[n].span().start() == all.toks[n - 1].span().end()
}

/// A verb ([`verb_at`]) stands right after `name` ("Fallow *fired* back:").
pub(super) fn verb_right_after(stream: &TokenStream, name: ByteSpan) -> bool {
    let all = stream.all();
    verb_at(&all, stream.index_at(name.end()))
}

/// A verb ([`verb_at`]) stands right after `name`, or after one auxiliary
/// right after it ("Kemp *has rejected*", "Kemp *had* long *denied*" is
/// not read: the auxiliary's verb must follow it).
pub(super) fn verb_after_auxiliary(stream: &TokenStream, name: ByteSpan) -> bool {
    let all = stream.all();
    let k = stream.index_at(name.end());
    verb_at(&all, k)
        || all
            .lower(k)
            .is_some_and(|w| matches!(w, "has" | "had" | "have" | "was" | "is" | "did" | "does"))
            && verb_at(&all, k + 1)
}

/// A plural that ends like a noun of agents or followers ("supporters",
/// "donors", "activists", "Republicans"); [`verb_at`] reads such a word
/// as a verb only when the reporting lists know it as one ("answers").
fn is_agent_noun(w: &str) -> bool {
    w.len() > 5
        && ["ers", "ors", "ists", "ans", "ants", "ents"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// How far into its sentence a quote may stand inside an opening
/// participle phrase ([`participle_opener`]), and how many words the
/// phrase may run on after the quote before its comma.
const PARTICIPLE_OPENER_TOKENS: usize = 20;
const PARTICIPLE_TAIL_TOKENS: usize = 8;

/// A quote inside a participle phrase that opens its sentence belongs to
/// the subject after the phrase's comma, the participle's own subject:
/// "Acknowledging that Trump “says a lot of stupid stuff,” though, Allen
/// did suggest …" is Allen's; "After spending the week bickering over
/// whether the other is “qualified” to be president, Clinton on Monday
/// ripped into Sanders" is Clinton's. The phrase opens with an -ing word
/// (after "After", "Before", "While", "When", "Since", "Despite" or
/// "By"), has no comma before the quote, and closes with a comma within
/// [`PARTICIPLE_TAIL_TOKENS`] words after it (or inside its closing mark);
/// one discourse word may follow between commas ("though", "however").
/// The subject is a name (or "he"/"she") with its verb; anything else
/// gives no speaker.
pub(super) fn participle_opener(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
    names: &Capitalised,
) -> Option<Subject> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let q = stream.index_at(quote.start());
    if q <= first + 1 || q > first + PARTICIPLE_OPENER_TOKENS {
        return None;
    }
    let mut p = first;
    if all.lower(p).is_some_and(|w| {
        matches!(
            w,
            "after" | "before" | "while" | "when" | "since" | "despite" | "by"
        )
    }) {
        p += 1;
    }
    if !all
        .lower(p)
        .is_some_and(|w| is_ing_word(w) && !ING_PREPOSITIONS.contains(&w))
        || (p..q).any(|k| !all.is_word(k) && !all.is_abbreviation_dot(k))
    {
        return None;
    }
    let end = stream.index_at(sentence.end());
    let after = stream.index_at(quote.end());
    let inner_comma = quote
        .slice(all.text)
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
        .ends_with(',');
    let mut s = if inner_comma {
        after
    } else {
        let close = (after..(after + PARTICIPLE_TAIL_TOKENS + 1).min(end))
            .find(|&k| !all.is_word(k))
            .filter(|&k| all.is_punct(k, ','))?;
        close + 1
    };
    // "…,” though, Allen did suggest": one discourse word between commas.
    if all.is_punct(s + 1, ',')
        && all
            .lower(s)
            .is_some_and(|w| matches!(w, "though" | "however" | "too" | "then" | "still"))
    {
        s += 2;
    }
    if s >= end {
        return None;
    }
    let mut v = s;
    if is_person_pronoun(all.lower(s)) {
        v = s + 1;
    } else {
        while v < end && v < s + NAME_TOKENS && is_name_word(&all, v) {
            v += 1;
        }
        if v == s {
            return None;
        }
    }
    // "Clinton on Monday ripped": a short phrase of time first.
    if all
        .lower(v)
        .is_some_and(|w| matches!(w, "on" | "in" | "at" | "during"))
    {
        if let Some(f) = (v + 2..(v + 2 + OCCASION_TOKENS).min(end)).find(|&j| {
            !all.is_word(j) || verb_at(&all, j) && all.lower(j).is_some_and(|w| !w.ends_with('s'))
        }) {
            v = f;
        }
    }
    if all.lower(v).is_some_and(is_adverb) {
        v += 1;
    }
    let verb = all
        .lower(v)
        .is_some_and(|w| AUXILIARIES.contains(w) || w == "did" || w == "does")
        || verb_at(&all, v);
    if !verb || v >= end {
        return None;
    }
    if is_person_pronoun(all.lower(s)) {
        return Some(Subject::Pronoun);
    }
    let name = all.span(s, name_end(&all, s, v));
    (!is_possessive(all.lower_span(name)) && names.is_name(all.text, name))
        .then_some(Subject::Name(name))
}

/// The last word of the name run from `s` that stops before `v` (past
/// the words of an occasion phrase, if `v` was moved over one).
fn name_end(all: &Tokens, s: usize, v: usize) -> usize {
    let mut e = s;
    while e + 1 < v && is_name_word(all, e + 1) {
        e += 1;
    }
    e
}

/// How far back from a quote [`share_subject`] looks for the verb of
/// speech ("say each of the two candidates’ positions are “about right,”"
/// has eleven tokens between).
const SHARE_TOKENS: usize = 14;

/// A share in words before "of" ("half of voters", "a majority of
/// Democrats", "two-thirds of Republicans", "a third of them").
const SHARE_WORDS: &[&str] = &[
    "half",
    "majority",
    "plurality",
    "third",
    "thirds",
    "two-thirds",
    "quarter",
    "quarters",
    "three-quarters",
];

/// How many words the group after a share's "of" may have ("of likely
/// Republican voters").
const SHARE_GROUP_TOKENS: usize = 5;

/// "21 percent said “not too likely”", "About four in 10 said they were
/// “angry”", "25 percent of likely voters say they would “…”": a poll's
/// share of respondents, with a verb of speech (`speech.txt`) before the
/// quote, is who gave that answer. Decision: a share is a vague group
/// (nobody in particular can be asked), so the speaker's kind is unknown
/// with the share's words as its text, as for "critics say". Only a
/// share that is a number with "percent" or "%", or "N in 10", or a
/// share in words before "of" ([`SHARE_WORDS`]: "half of voters", "a
/// majority of Democrats"), with at most an adverb before it ("about",
/// "nearly", "at least", "more than") and a short "of" group after it;
/// only when nothing else in the sentence gives a speaker.
/// Bounded: [`SHARE_TOKENS`] back from the quote, and the share's few
/// words.
pub(super) fn share_subject(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
) -> Option<(ByteSpan, SourceKind)> {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let q = stream.index_at(quote.start());
    let floor = first.max(q.saturating_sub(SHARE_TOKENS));
    let v = (floor..q)
        .rev()
        .find(|&k| !all.is_capitalised(k) && all.lower(k).is_some_and(|w| SPEECH.contains(w)))?;
    // The group after "of", read back from the verb: words only.
    let mut e = v;
    let mut of = None;
    while e > first && v - e < SHARE_GROUP_TOKENS + 1 {
        e -= 1;
        if all.lower(e) == Some("of") {
            of = Some(e);
            break;
        }
        if !all.is_word(e) {
            break;
        }
    }
    let head = match of {
        Some(o) => o.checked_sub(1)?,
        None => v.checked_sub(1)?,
    };
    let digits = |k: usize| all.is_number(k);
    // "Just shy of half, 49%, say …", "A majority, 52 percent, said …":
    // the share in words with its figure between commas. The speaker is
    // both, from the share's first word to the figure; the comma before
    // the verb is left out.
    let appositive = of.is_none()
        && head >= first + 4
        && all.is_punct(head, ',')
        && (all.lower(head - 1) == Some("percent") || all.is_punct(head - 1, '%'))
        && digits(head - 2)
        && all.is_punct(head - 3, ',')
        && all
            .lower(head - 4)
            .is_some_and(|w| SHARE_WORDS.contains(&w));
    let (head, end) = if appositive {
        (head - 4, head - 1)
    } else {
        (head, v - 1)
    };
    // "21 percent", "49%", "four in 10".
    let start = if (all.lower(head) == Some("percent") || all.is_punct(head, '%'))
        && head > first
        && digits(head - 1)
    {
        head - 1
    } else if matches!(all.lower(head), Some("10" | "ten"))
        && head > first + 1
        && all.lower(head - 1) == Some("in")
        && (digits(head - 2)
            || all.lower(head - 2).is_some_and(|w| {
                matches!(
                    w,
                    "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
                )
            }))
    {
        head - 2
    } else if (of.is_some() || appositive)
        && all.lower(head).is_some_and(|w| SHARE_WORDS.contains(&w))
    {
        // "half of voters", "a majority of Democrats", "two-thirds of
        // Republicans": a share in words, with its article or number.
        if head > first
            && all
                .lower(head - 1)
                .is_some_and(|w| matches!(w, "a" | "one" | "two" | "three"))
        {
            head - 1
        } else {
            head
        }
    } else {
        return None;
    };
    let start = if start > first
        && all.lower(start - 1).is_some_and(|w| {
            matches!(
                w,
                "about" | "nearly" | "almost" | "roughly" | "some" | "just" | "only" | "over"
            )
        }) {
        start - 1
    } else if start > first + 1
        && matches!(
            (all.lower(start - 2), all.lower(start - 1)),
            (Some("at"), Some("least" | "most")) | (Some("more" | "less" | "fewer"), Some("than"))
        )
    {
        // "At least half of voters", "more than a third of them".
        start - 2
    } else {
        start
    };
    // "Just shy of half", "just short of a third": a share a little under.
    let start = if start > first + 1
        && all.lower(start - 1) == Some("of")
        && all
            .lower(start - 2)
            .is_some_and(|w| matches!(w, "shy" | "short"))
    {
        if start > first + 2 && all.lower(start - 3) == Some("just") {
            start - 3
        } else {
            start - 2
        }
    } else {
        start
    };
    Some((all.span(start, end), SourceKind::Vague))
}

/// "“Go home,” Trump barked." / "“…,” opined the Plain Dealer." / "“…,” he
/// snapped.": the speaker named right after a quote that ends its clause.
/// `end` is the index of the first token from the quote's end
/// (`stream.index_at(quote.end())`).
pub(super) fn trailing_speaker(
    stream: &TokenStream,
    sentence: ByteSpan,
    quote: ByteSpan,
    end: usize,
) -> Option<Subject> {
    let all = stream.all();
    let text = all.text;
    let inner = quote.slice(text).trim_end_matches(|c: char| {
        !super::is_alphanumeric(c) && !matches!(c, ',' | '?' | '!' | '—' | '–')
    });
    let mut i = end;
    let ends_clause = inner.ends_with([',', '?', '!', '—', '–']);
    if all.is_punct(i, ',') || all.is_punct(i, '—') {
        i += 1;
    } else if !ends_clause {
        return None;
    }
    if all
        .toks
        .get(i)
        .is_none_or(|t| t.span().end() > sentence.end())
    {
        return None;
    }
    let lowercase_word = |k: usize| {
        all.word(k)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    };
    if is_person_pronoun(all.lower(i)) {
        return (lowercase_word(i + 1) && all.lower(i + 1).is_some_and(verb_like))
            .then_some(Subject::Pronoun);
    }
    if let Some((np, kind)) = described(&all, i, sentence.end()) {
        return Some(Subject::Described(np, kind));
    }
    // "“…,” state Sen. Jason Holsman (D) said": up to three lowercase role
    // words before the name; not a conjunction ("“…,” when Rivera attacked
    // him" is no credit to Rivera). "“…,” an angry Hollande retorted": an
    // indefinite article may open them (a mood, not another person).
    let role_words = (1..=3).find(|&n| {
        (i..i + n).all(|k| {
            lowercase_word(k)
                && all.lower(k).is_some_and(|w| {
                    k == i && n > 1 && matches!(w, "a" | "an")
                        || !verb_like(w) && !DETERMINERS.contains(w) && !BOUNDARY.contains(w)
                })
        }) && all.is_word(i + n)
            && is_name_word(&all, i + n)
    });
    if let Some(name) = name_run(&all, i + role_words.unwrap_or(0), sentence.end()) {
        if all.lower(i) == Some("the") {
            return None;
        }
        let after = stream.index_at(name.end());
        // "“…,” Trump from his desk.": a name and a place also says who.
        // "“…,” Viguerie concludes.": a verb in -s closing the sentence
        // (which [`verb_at`] reads as a plural noun elsewhere).
        let closing = || {
            lowercase_word(after)
                && all.lower(after).is_some_and(verb_like)
                && all.toks.get(after + 1).is_none_or(|t| {
                    t.span().start() >= sentence.end() || all.is_punct(after + 1, '.')
                })
        };
        let verb = verb_at(&all, after)
            || closing()
            || lowercase_word(after)
                && all
                    .lower(after)
                    .is_some_and(|w| matches!(w, "from" | "at" | "in" | "on"));
        // "“…,” Harry Bond, 30, of Raleigh, who was polled, said": an
        // appositive, then a verb of speech after a comma.
        // Also a parenthesis ("Sen. Marco Rubio (R-Fla.) said") or a
        // past-tense verb ending a relative clause ("Nate Silver, the
        // pollster who founded the site, tweeted" / "… site tweeted").
        let appositive = || {
            (all.is_punct(after, ',') || all.is_punct(after, '('))
                && (after + 1..(after + APPOSITIVE_TOKENS).min(all.len()))
                    .take_while(|&k| all.toks[k].span().end() <= sentence.end())
                    .any(|k| {
                        let Some(w) = all.lower(k) else {
                            return false;
                        };
                        let after_comma = all.is_punct(k - 1, ',') || all.is_punct(k - 1, ')');
                        // "Howard Dean, the former governor of Vermont,
                        // proclaimed": a past verb right after the
                        // appositive's closing comma counts too.
                        let past = w.ends_with("ed")
                            && !all.is_capitalised(k)
                            && (all.is_punct(k - 1, ',') && k > after + 2
                                || all.lower(k - 1).is_some_and(|p| {
                                    !matches!(
                                        p,
                                        "who"
                                            | "that"
                                            | "which"
                                            | "had"
                                            | "has"
                                            | "have"
                                            | "was"
                                            | "were"
                                            | "is"
                                            | "are"
                                            | "been"
                                            | "be"
                                    )
                                }));
                        after_comma && SPEECH.contains(w) || past
                    })
        };
        return (verb || appositive()).then_some(Subject::Name(name));
    }
    // A verb, then the source: "opined the Plain Dealer", "said RNC
    // spokesman Sean Spicer in a tweet", "said its director, Omar Siddiqui".
    if !(lowercase_word(i) && all.lower(i).is_some_and(verb_like)) {
        return None;
    }
    let mut k = i + 1;
    let mut last: Option<ByteSpan> = None;
    let stop = (i + 1 + NAME_TOKENS).min(all.len());
    while k < stop && all.toks[k].span().end() <= sentence.end() {
        if let Some(name) = name_run(&all, k, sentence.end()) {
            last = Some(name);
            k = stream.index_at(name.end());
            continue;
        }
        let w = all.lower(k);
        let stops = w.is_none_or(|w| PREPOSITIONS.contains(w) || w == "who" || w == "and")
            && !all.is_punct(k, ',');
        if stops {
            break;
        }
        if all.is_punct(k, ',') {
            // "its director, Omar Siddiqui": a name in apposition ends it.
            if last.is_none() {
                if let Some(name) = name_run(&all, k + 1, sentence.end()) {
                    return Some(Subject::Name(name));
                }
            }
            break;
        }
        if last.is_some() && w.is_some_and(|w| DETERMINERS.contains(w)) {
            break;
        }
        k += 1;
    }
    last.map(Subject::Name).or_else(|| {
        described_after_verb(&all, i + 1, sentence.end())
            .map(|(np, kind)| Subject::Described(np, kind))
    })
}

/// "“…,” read the statement, which…" / "“…!” chanted the crowd.": a
/// described source (see [`described`]) right after the verb that follows a
/// quote: a determiner or possessive, at most a few words, and a head noun
/// the source lists, the statement's documents or groups know, ending the
/// clause (punctuation, the sentence's end, or a relative or prepositional
/// phrase after it). Bounded by [`DESCRIBED_TOKENS`].
fn described_after_verb(all: &Tokens, i: usize, end: usize) -> Option<(ByteSpan, SourceKind)> {
    let opener = all.lower(i)?;
    let indefinite = matches!(opener, "a" | "an" | "another" | "one");
    if !(indefinite || matches!(opener, "the" | "her" | "his" | "its" | "their") || owner(opener)) {
        return None;
    }
    let inside = |k: usize| all.toks.get(k).is_some_and(|t| t.span().end() <= end);
    let mut head = i + 1;
    while head < i + DESCRIBED_TOKENS && inside(head) {
        let h = all.lower(head)?;
        let next = all.lower(head + 1);
        let ends = !inside(head + 1)
            || next.is_none_or(|n| {
                matches!(
                    n,
                    "which" | "who" | "that" | "in" | "on" | "at" | "from" | "posted"
                )
            });
        if ends {
            let kind = head_kind(h, indefinite)?;
            return Some((all.span(i, head), kind));
        }
        head += 1;
    }
    None
}

/// A lowercase verb of speech ("said", "told") among the
/// [`NEAREST_TOKENS`] tokens before the quote in its sentence: another
/// clause reports the words, so the sentence's opening subject is not
/// safely the speaker.
pub(super) fn speech_before(stream: &TokenStream, sentence: ByteSpan, quote: ByteSpan) -> bool {
    let all = stream.all();
    let first = stream.index_at(sentence.start());
    let q = stream.index_at(quote.start());
    let floor = first.max(q.saturating_sub(NEAREST_TOKENS));
    (floor..q).any(|k| {
        !all.is_capitalised(k)
            && all
                .lower(k)
                .is_some_and(|w| SPEECH.contains(w) || matches!(w, "said" | "told" | "wrote"))
    })
}

/// "Mr. Clarke hopes…", "Ms Okafor, who…": a title the word lists keep out
/// of a sentence's opening name ([`leading_name`] reads "Mr" as a common
/// word there), then capitalised name words, then a lowercase word or a
/// comma. Bounded by [`NAME_TOKENS`].
pub(super) fn titled_name(stream: &TokenStream, span: ByteSpan) -> Option<ByteSpan> {
    let all = stream.all();
    let first = stream.index_at(span.start());
    let title = all.is_capitalised(first)
        && all
            .lower(first)
            .is_some_and(|w| WORDS.titles.contains(w) && NOT_NAMES.contains(w));
    if !title || all.toks.get(first)?.span().start() != span.start() {
        return None;
    }
    let inside = |k: usize| {
        all.toks
            .get(k)
            .is_some_and(|t| t.span().end() <= span.end())
    };
    let mut e = first + 1;
    while e < first + NAME_TOKENS && inside(e) && is_name_word(&all, e) {
        e += 1;
    }
    while e > first + 1 && !all.is_word(e - 1) {
        e -= 1;
    }
    let next_ok = all.is_punct(e, ',')
        || all
            .word(e)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    // The title and at least one name word.
    let words = (first + 1..e).filter(|&k| all.is_word(k)).count();
    (words >= 1 && next_ok && inside(e)).then(|| all.span(first, e - 1))
}

/// The token before byte `at` is a comma (", Okafor said." closing a
/// sentence: the attribution reports the whole sentence before it).
pub(super) fn after_comma(stream: &TokenStream, at: usize) -> bool {
    let all = stream.all();
    stream
        .index_at(at)
        .checked_sub(1)
        .is_some_and(|k| all.is_punct(k, ','))
}

/// A quote right after a participle that names a thing and its
/// determiner: "nicknamed the “Wobbly Bridge”", "a plan dubbed “Project
/// Fear”". Such a quote is a name, not the words of the sentence's
/// reporting source.
pub(super) fn after_naming_word(stream: &TokenStream, quote: ByteSpan) -> bool {
    let all = stream.all();
    let q = stream.index_at(quote.start());
    let naming = |k: usize| {
        all.lower(k).is_some_and(|w| {
            matches!(
                w,
                "nicknamed" | "dubbed" | "named" | "titled" | "entitled" | "christened" | "styled"
            )
        })
    };
    let Some(p) = q.checked_sub(1) else {
        return false;
    };
    naming(p)
        || DETERMINERS.contains(all.lower(p).unwrap_or_default())
            && p.checked_sub(1).is_some_and(naming)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A word searched for in the text gets the set's answer, for
        /// every word of a text and every span of its tokens.
        #[test]
        fn a_searched_word_gets_the_sets_answer(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "Kelly", "Kelly's", "Kelly’s", "kelly", "KellyKelly", "Finally", "Reilly",
                    "Bea", "BEA", "Beatrice", "Bea-Kelly", "said", ",", ".", "Mr.", "the", "NRA",
                    "Ely’s’s", "“", "'s", "\n\n", "é", "Éa",
                ]),
                0..40,
            ),
            glue in prop::collection::vec(prop::sample::select(vec![" ", "", "\n"]), 40),
            from in 0usize..50,
            to in 0usize..50,
        ) {
            let text: String = words.iter().zip(&glue).flat_map(|(w, g)| [*w, *g]).collect();
            let stream = TokenStream::new(&text);
            let n = stream.all().len();
            let (from, to) = (from.min(n), to.min(n));
            let all = stream.all();
            let toks = if from < to {
                stream.within(all.span(from, to - 1))
            } else {
                all
            };
            let whole = Capitalised::new(&toks);
            let _ = whole.set();
            let asked = Capitalised::new(&toks);
            for i in 0..all.len() {
                let Some(w) = all.word(i) else { continue };
                let w = strip_possessive(w);
                if w.is_empty() {
                    continue;
                }
                prop_assert_eq!(
                    asked.search(w, usize::MAX).map(|(found, _)| found),
                    Some(whole.set().contains(&WordKey::new(w))),
                    "{:?} {:?}", text, w
                );
            }
        }
    }

    proptest! {
        /// Every place a word stands, by the first byte or the substring
        /// search, is where the word starts.
        #[test]
        fn places_are_every_start_of_the_word(
            hay in prop::collection::vec(prop::sample::select(vec![b'a', b'b', b' ']), 0..2000),
            word in prop::collection::vec(prop::sample::select(vec![b'a', b'b', b' ']), 0..4),
            spread in 1usize..400,
        ) {
            // Spaces between, so the first byte is rare in some texts.
            let hay: Vec<u8> = hay
                .iter()
                .enumerate()
                .map(|(i, &b)| if i % spread == 0 { b } else { b' ' })
                .collect();
            let expected: Vec<usize> = if word.is_empty() {
                Vec::new()
            } else {
                (0..hay.len()).filter(|&i| hay[i..].starts_with(&word)).collect()
            };
            prop_assert_eq!(Places::new(&hay, &word).collect::<Vec<_>>(), expected);
        }
    }

    /// The token before a quote, as [`word_before_quote`] reads it.
    fn before(text: &str, quote: &str) -> Option<String> {
        let stream = TokenStream::new(text);
        let all = stream.all();
        let q = stream.index_at(text.find(quote).unwrap());
        word_before_quote(&all, q).and_then(|v| all.word(v).map(str::to_owned))
    }

    #[test]
    fn the_word_before_a_quote_is_read_past_its_comma_or_colon() {
        assert_eq!(
            before("A man yelled “Stop!”", "“Stop"),
            Some("yelled".into())
        );
        assert_eq!(
            before("She was asked, “Why?”", "“Why"),
            Some("asked".into())
        );
        assert_eq!(
            before("The crowd chanted: “Go!”", "“Go"),
            Some("chanted".into())
        );
    }

    #[test]
    fn a_comma_opening_the_text_has_no_word_before_it() {
        // (This wrapped below zero, a panic where overflow is checked.)
        let text = ", “Why now?” she asked.";
        assert_eq!(before(text, "“Why"), None);
        let stream = TokenStream::new(text);
        let quote = ByteSpan::new(2, text.find(" she").unwrap());
        let sentence = ByteSpan::new(0, text.len());
        let at = Place::new(&stream, sentence, quote, stream.index_at(quote.start()));
        assert!(!asked_of(&stream, &at));
        assert_eq!(shouted_by(&stream, &at), None);
    }
}
