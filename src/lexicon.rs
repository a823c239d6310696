//! Word lists and phrase lists, as data.
//!
//! Each list is a plain text file in `src/lexicon/`, compiled in with
//! `include_str!` (from the copy `build.rs` puts in `OUT_DIR`, without the
//! examples in the browser build) and parsed once. One entry a line:
//!
//! ```text
//! phrase :: example sentence in fixture markup
//! ```
//!
//! Lines starting with `#` are comments. Every example is checked by one test
//! (`tests/lexicon_examples.rs`): it strips the markup, analyses the sentence
//! and compares the whole re-annotated text, so an entry cannot be added
//! untested. Adding a phrase is a one-line change.

use crate::hash::mixed;
use crate::span::ByteSpan;
use crate::swar::load8;
use std::cmp::Ordering;
use std::sync::LazyLock;

/// One line of a lexicon file.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The phrase, as written in the file (matching is ASCII case-insensitive
    /// except where a list says otherwise).
    pub phrase: &'static str,
    /// An example sentence in fixture markup that shows the entry at work.
    pub example: &'static str,
    /// The file the entry comes from, for error messages.
    pub file: &'static str,
    /// Line number in that file, 1-based.
    pub line: usize,
}

/// A lexicon file: its name and its parsed entries.
pub struct Lexicon {
    pub file: &'static str,
    pub entries: Vec<Entry>,
}

impl Lexicon {
    /// The lexicon whose entries lie at `spans` in `source` (each
    /// `[phrase start, phrase end, example start, example end, line]`),
    /// which `build.rs` reads as [`Lexicon::parse`] does: the native
    /// build's entries, with no parse at run time (about 150K instructions
    /// for the five lexicons every article reads). A test
    /// (`spans_are_the_parse`) checks each lexicon against its parse.
    #[cfg(not(target_arch = "wasm32"))]
    fn from_spans(file: &'static str, source: &'static str, spans: &[[u32; 5]]) -> Self {
        let at = |start: u32, end: u32| &source[start as usize..end as usize];
        let entries = spans
            .iter()
            .map(|&[phrase, phrase_end, example, example_end, line]| Entry {
                phrase: at(phrase, phrase_end),
                example: at(example, example_end),
                file,
                line: line as usize,
            })
            .collect();
        Self { file, entries }
    }

    #[cfg(any(test, target_arch = "wasm32"))]
    fn parse(file: &'static str, source: &'static str) -> Self {
        let entries = lines(source)
            .enumerate()
            .filter(|(_, l)| is_entry(l))
            .map(|(i, l)| {
                // The first " :: ", found from the line's colons (memchr):
                // `split_once(" :: ")` set up a substring searcher for every
                // line, a third of the start-up's lexicon parsing, and a
                // compare of four bytes at each offset read the whole
                // example (the separator is ASCII: both sides are whole
                // chars).
                let b = l.as_bytes();
                let (phrase, example) = memchr::memchr_iter(b':', b)
                    .find(|&c| c > 0 && b[c - 1] == b' ' && b.get(c + 1..c + 3) == Some(b": "))
                    .map_or((l, ""), |c| (&l[..c - 1], &l[c + 3..]));
                Entry {
                    phrase: trim(phrase),
                    example: trim(example),
                    file,
                    line: i + 1,
                }
            })
            .collect();
        Self { file, entries }
    }

    pub fn phrases(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.phrase)
    }

    #[cfg(any(test, target_arch = "wasm32"))]
    fn word_list(&self) -> WordList {
        WordList::new(self.phrases())
    }
}

macro_rules! lexicon {
    ($name:ident, $file:literal) => {
        pub static $name: LazyLock<Lexicon> = LazyLock::new(|| {
            let source = include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $file));
            #[cfg(not(target_arch = "wasm32"))]
            let lexicon = Lexicon::from_spans(
                $file,
                source,
                &include!(concat!(env!("OUT_DIR"), "/lexicon/", $file, ".spans.rs")),
            );
            #[cfg(target_arch = "wasm32")]
            let lexicon = Lexicon::parse($file, source);
            lexicon
        });
    };
}

lexicon!(HEDGES, "hedges.txt");
lexicon!(REPORTING_VERBS, "reporting_verbs.txt");
lexicon!(BELIEF_VERBS, "belief_verbs.txt");
lexicon!(VAGUE_GROUPS, "vague_groups.txt");
lexicon!(VAGUE_PHRASES, "vague_phrases.txt");
lexicon!(ANONYMOUS_SOURCES, "anonymous_sources.txt");
lexicon!(ANONYMITY_CLAUSES, "anonymity_clauses.txt");
lexicon!(INSTITUTIONS, "institutions.txt");
lexicon!(ROLES, "roles.txt");
lexicon!(TITLES, "titles.txt");
lexicon!(ABBREVIATIONS, "abbreviations.txt");

/// The native build's entries (from `build.rs`'s spans) are those the
/// lexicon's text parses to.
#[test]
fn spans_are_the_parse() {
    let sources = [
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/hedges.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/reporting_verbs.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/belief_verbs.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/vague_groups.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/vague_phrases.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/anonymous_sources.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/anonymity_clauses.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/institutions.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/roles.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/titles.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/abbreviations.txt")),
    ];
    let fields = |e: &Entry| (e.phrase, e.example, e.file, e.line);
    for (lexicon, source) in all().into_iter().zip(sources) {
        let parsed = Lexicon::parse(lexicon.file, source);
        assert_eq!(
            parsed.entries.len(),
            lexicon.entries.len(),
            "{}",
            lexicon.file
        );
        for (a, b) in lexicon.entries.iter().zip(&parsed.entries) {
            assert_eq!(fields(a), fields(b));
        }
    }
}

/// Every lexicon, for the test that checks each entry's example.
pub fn all() -> [&'static Lexicon; 11] {
    [
        &HEDGES,
        &REPORTING_VERBS,
        &BELIEF_VERBS,
        &VAGUE_GROUPS,
        &VAGUE_PHRASES,
        &ANONYMOUS_SOURCES,
        &ANONYMITY_CLAUSES,
        &INSTITUTIONS,
        &ROLES,
        &TITLES,
        &ABBREVIATIONS,
    ]
}

/// A sorted set of words, looked up ASCII-case-insensitively in an
/// open-addressed hash table (a quarter full at most), keyed by the word's
/// first 8 bytes lowercased as one integer ([`fold8`]) and its length: one
/// multiplication to hash, and for a word of up to 8 bytes one integer
/// comparison, where a binary search made several case-folding comparisons
/// and byte-by-byte hashing cost about 4 instructions a byte. No
/// allocation per lookup.
///
/// The lists of `src/lexicon/words/` (and the lexicons' single words,
/// [`WORDS`]) are built at compile time (`Table`), where building them
/// at first use cost about 1.2M instructions on 1 MB of news; a list
/// built at run time ([`WordList::new`], once a process, from other
/// lists) has the same tables, leaked to live as long. The page (wasm32)
/// builds them at first use still ([`WordList::parse`]): their tables
/// would add some 18 KB to the gzipped page, for about a millisecond once
/// a page load.
#[derive(Clone, Copy)]
pub struct WordList {
    /// The words, one after the other: word `i` ends at `ends[i]` and
    /// starts where word `i - 1` ends (a list's one pointer, where a
    /// pointer a word was a relocation each at every start of the
    /// program, 2,200 of them).
    text: &'static str,
    ends: &'static [u16],
    /// A power of two long; `index` 0 is an empty slot.
    slots: &'static [Slot],
    /// The longest word's length: longer words are not looked up.
    longest: usize,
    /// Per length modulo 16 (a mask, where the lengths of 15 and more
    /// sharing the last entry cost a compare and a move a look-up; longer
    /// words are rare), a bit per first byte ([`shape_bit`]) of the words
    /// that long: the first test of [`WordList::contains`], a read and a
    /// shift, which turns away most words before any hashing.
    shapes: [u32; 16],
    /// A bit per word's [`mixed`] hash (its top bits, `64 - bloom_shift`
    /// of them): the inlined first test of [`WordList::contains`], which
    /// turns away most words with no call and no probe.
    bloom: &'static [u64],
    bloom_shift: u32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Slot {
    /// [`fold8`] of the word.
    key: u64,
    len: u32,
    /// Index + 1 into `ends`.
    index: u32,
}

/// The slots of a list of `n` words: a power of two, at least four a word.
pub(crate) const fn slot_count(n: usize) -> usize {
    let size = (n * 4).next_power_of_two();
    if size < 16 {
        16
    } else {
        size
    }
}

/// The bloom filter's `u64`s for `n` words: 16 bits a word (a power of
/// two, at least 1,024), so that about 6% of other words pass.
pub(crate) const fn bloom_words(n: usize) -> usize {
    let bits = (n * 16).next_power_of_two();
    if bits < 1024 {
        16
    } else {
        bits / 64
    }
}

/// How far a word's [`mixed`] hash is shifted for its bloom bit.
const fn bloom_shift(bloom_words: usize) -> u32 {
    64 - (bloom_words * 64).trailing_zeros()
}

/// The bytes of `words`, one after the other.
pub(crate) const fn total_len(words: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < words.len() {
        n += words[i].len();
        i += 1;
    }
    n
}

/// Fills a list's tables from its words (sorted and deduplicated; fewer
/// than `u16::MAX`, of fewer bytes in all) and returns the longest word's
/// length: the one builder of both the lists built at compile time
/// (`Table::new`) and those built at run time ([`WordList::new`]).
const fn fill(
    words: &[&str],
    ends: &mut [u16],
    slots: &mut [Slot],
    bloom: &mut [u64],
    shapes: &mut [u32; 16],
) -> usize {
    assert!(
        total_len(words) < u16::MAX as usize,
        "a word list of u16 offsets"
    );
    let mask = slots.len() - 1;
    let shift = bloom_shift(bloom.len());
    let mut longest = 0;
    let mut end = 0;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        end += w.len();
        ends[i] = end as u16;
        let key = fold8(w);
        let h = mixed(case_blind(load8(w)), w.len());
        let mut at = (h >> 32) as usize & mask;
        while slots[at].index != 0 {
            at = (at + 1) & mask;
        }
        slots[at] = Slot {
            key,
            len: w.len() as u32,
            index: i as u32 + 1,
        };
        let bit = (h >> shift) as usize;
        bloom[bit / 64] |= 1 << (bit % 64);
        if !w.is_empty() {
            shapes[w.len() & 15] |= shape_bit(w[0]);
        }
        if w.len() > longest {
            longest = w.len();
        }
        i += 1;
    }
    longest
}

/// A [`WordList`]'s tables built at compile time, `N` words long, from
/// the sorted and deduplicated words `build.rs` writes for each list file
/// (`static_word_list`); a test for each list (`is_the_parsed_list`)
/// checks them against the list [`WordList::parse`] builds.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct Table<const L: usize, const N: usize, const S: usize, const B: usize> {
    text: [u8; L],
    ends: [u16; N],
    slots: [Slot; S],
    bloom: [u64; B],
    shapes: [u32; 16],
    longest: usize,
}

#[cfg(not(target_arch = "wasm32"))]
impl<const L: usize, const N: usize, const S: usize, const B: usize> Table<L, N, S, B> {
    /// The tables of `words` (`N` of them, sorted and deduplicated, `L`
    /// bytes in all; `S` is [`slot_count`] and `B` [`bloom_words`] of
    /// `N`).
    pub(crate) const fn new(words: &[&str]) -> Self {
        assert!(words.len() == N && L == total_len(words));
        assert!(S == slot_count(N) && B == bloom_words(N));
        let mut t = Table {
            text: [0; L],
            ends: [0; N],
            slots: [Slot {
                key: 0,
                len: 0,
                index: 0,
            }; S],
            bloom: [0; B],
            shapes: [0; 16],
            longest: 0,
        };
        let mut at = 0;
        let mut i = 0;
        while i < N {
            let w = words[i].as_bytes();
            let mut j = 0;
            while j < w.len() {
                t.text[at] = w[j];
                at += 1;
                j += 1;
            }
            i += 1;
        }
        t.longest = fill(
            words,
            &mut t.ends,
            &mut t.slots,
            &mut t.bloom,
            &mut t.shapes,
        );
        t
    }

    pub(crate) const fn list(&'static self) -> WordList {
        let Ok(text) = std::str::from_utf8(&self.text) else {
            panic!("words joined are UTF-8");
        };
        WordList {
            text,
            ends: &self.ends,
            slots: &self.slots,
            longest: self.longest,
            shapes: self.shapes,
            bloom: &self.bloom,
            bloom_shift: bloom_shift(B),
        }
    }
}

/// The [`WordList`] of a list file, built at compile time: `$dir` (under
/// `OUT_DIR`) and `$file` name the array of its words that `build.rs`
/// writes beside the file's copy.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! static_word_list {
    ($dir:literal, $file:literal) => {{
        const WORDS: &[&str] = &include!(concat!(env!("OUT_DIR"), $dir, $file, ".rs"));
        const N: usize = WORDS.len();
        static TABLE: $crate::lexicon::Table<
            { $crate::lexicon::total_len(WORDS) },
            N,
            { $crate::lexicon::slot_count(N) },
            { $crate::lexicon::bloom_words(N) },
        > = $crate::lexicon::Table::new(WORDS);
        TABLE.list()
    }};
}
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use static_word_list;

/// A list made of other lists, `$recipe` (a [`WordList`] built from
/// them): built at compile time natively, from the array `build.rs` writes
/// for `$file` by its own copy of the recipe (its `DERIVED`), where
/// building it at first use cost some 100K instructions a process; built
/// at first use on the page (see [`WordList`]). A test (`is_its_recipe`)
/// checks the two lists are the same.
macro_rules! derived_word_list {
    ($(#[$doc:meta])* $vis:vis $name:ident, $file:literal, $recipe:expr) => {
        $(#[$doc])*
        #[cfg(not(target_arch = "wasm32"))]
        $vis static $name: $crate::lexicon::WordList =
            $crate::lexicon::static_word_list!("/derived/", $file);
        $(#[$doc])*
        #[cfg(target_arch = "wasm32")]
        $vis static $name: std::sync::LazyLock<$crate::lexicon::WordList> =
            std::sync::LazyLock::new($name::recipe);

        #[allow(non_snake_case)]
        mod $name {
            use super::*;

            /// The list, built from the lists it is made of (natively
            /// only by the test below).
            #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
            pub(super) fn recipe() -> $crate::lexicon::WordList {
                $recipe
            }

            /// The list built at compile time is the one its recipe builds.
            #[test]
            fn is_its_recipe() {
                $crate::lexicon::assert_same(&super::$name, &recipe());
            }
        }
    };
}
pub(crate) use derived_word_list;

/// The first 8 bytes of `word` (zero-padded) as a little-endian integer,
/// with ASCII upper-case letters lowercased 8 at a time: equal for two
/// words of up to 8 bytes (and the same length) exactly when
/// `eq_ignore_ascii_case` says they are.
#[inline]
const fn fold8(word: &[u8]) -> u64 {
    fold_u64(load8(word))
}

/// Eight bytes of a word with bit 5 of each set: what [`WordList`]
/// hashes (its bloom filter's bit and its slot). Equal for two words equal
/// ignoring ASCII case, like [`fold8`], and one instruction where `fold8`
/// is a dozen; it also makes some other bytes alike (`@` and a backquote,
/// a control byte and a digit or mark), which only share a hash: the probe
/// compares [`fold8`] keys.
#[inline]
const fn case_blind(x: u64) -> u64 {
    x | (crate::swar::LO * 0x20)
}

/// [`fold8`] of eight bytes already read as an integer.
#[inline]
const fn fold_u64(x: u64) -> u64 {
    use crate::swar::{HI, LO};
    // Per byte, on its low seven bits (no carry leaves a byte): the top bit
    // of `low + (0x80 - c)` is set when the byte is at least `c`.
    let low = x & !HI;
    let at_least_a = low + LO * (0x80 - b'A') as u64;
    let above_z = low + LO * (0x80 - b'Z' - 1) as u64;
    // Upper case: at least 'A', not above 'Z', and ASCII (top bit clear).
    let upper = at_least_a & !above_z & !x & HI;
    x | (upper >> 2)
}

/// Whether two words of the same length, more than 8 bytes, are equal
/// after their first 8 (ASCII case aside). Out of line: most words looked
/// up are shorter, and inline its loop cost their look-ups three
/// instructions each.
#[cold]
#[inline(never)]
fn same_after_eight(a: &[u8], b: &[u8]) -> bool {
    a[8..].eq_ignore_ascii_case(&b[8..])
}

#[inline]
const fn slot_hash(key: u64, len: usize) -> usize {
    (mixed(key, len) >> 32) as usize
}

/// A first byte's bit in [`WordList`]'s `shapes`: the same for a letter in
/// either case (other bytes share bits with letters: it is only a filter).
#[inline]
const fn shape_bit(b: u8) -> u32 {
    1 << ((b | 0x20) & 31)
}

/// Orders two words as their ASCII-lowercased forms would order.
#[cfg(test)]
fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    cmp_ignore_ascii_case_bytes(a.as_bytes(), b.as_bytes())
}

/// Whether a lexicon line is an entry: neither blank nor a comment. A
/// line that opens with a visible ASCII byte is one unless that byte is
/// `#`, with no `trim` (whose char decoding at both ends of every line
/// was about a third of the parse).
#[cfg(any(test, target_arch = "wasm32"))]
fn is_entry(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => *b != b'#',
        _ => !line.trim().is_empty() && !line.trim_start().starts_with('#'),
    }
}

/// `s.trim()`, asked only when an end of `s` is not a visible ASCII byte
/// (what `trim` takes away starts and ends with white space: an ASCII
/// space or control byte, or a byte of a multi-byte char).
#[cfg(any(test, target_arch = "wasm32"))]
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod parse_tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn trim_and_is_entry_answer_as_str_trim(s in "[ \t\r#a:é\u{a0}\u{2003}]{0,8}") {
            prop_assert_eq!(super::trim(&s), s.trim());
            prop_assert_eq!(
                super::is_entry(&s),
                !s.trim().is_empty() && !s.trim_start().starts_with('#')
            );
        }
    }
}

/// The lines of `source`, split at each `\n` (found by memchr; the last
/// line need not end in one). A `\r` before the `\n` stays in the line,
/// for the caller's trimming.
#[cfg(any(test, target_arch = "wasm32"))]
fn lines(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = source;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or_default();
        Some(line)
    })
}

/// [`cmp_ignore_ascii_case`] of byte strings.
fn cmp_ignore_ascii_case_bytes(a: &[u8], b: &[u8]) -> Ordering {
    let a = a.iter().map(u8::to_ascii_lowercase);
    let b = b.iter().map(u8::to_ascii_lowercase);
    a.cmp(b)
}

impl WordList {
    pub fn new(words: impl Iterator<Item = &'static str>) -> Self {
        Self::of_words(words.collect())
    }

    /// [`WordList::new`] of the words collected: one copy of the build in
    /// the page's module, where each list's iterator type made its own
    /// (a list made of two others' words with a filter was some 12 KB of
    /// the module, raw).
    fn of_words(words: Vec<&'static str>) -> Self {
        // Sorted on each word's first 8 bytes, lowercased, as one integer
        // (big-endian, so that integers order as the bytes do; a shorter
        // word's zero padding orders it first, as a prefix orders), and only
        // on a tie on the rest: the same order as `cmp_ignore_ascii_case`,
        // where comparing lowercased bytes one by one was most of the
        // start-up's word lists.
        let mut keyed: Vec<(u64, &'static str)> = words
            .into_iter()
            .map(|w| (fold8(w.as_bytes()).swap_bytes(), w))
            .collect();
        keyed.sort_by(|(ka, a), (kb, b)| {
            ka.cmp(kb).then_with(|| {
                let rest = |w: &'static str| w.as_bytes().get(8..).unwrap_or_default();
                cmp_ignore_ascii_case_bytes(rest(a), rest(b))
            })
        });
        let mut words: Vec<&'static str> = keyed.into_iter().map(|(_, w)| w).collect();
        words.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let mut ends = vec![0; words.len()];
        let empty = Slot {
            key: 0,
            len: 0,
            index: 0,
        };
        let mut slots = vec![empty; slot_count(words.len())];
        let mut bloom = vec![0; bloom_words(words.len())];
        let mut shapes = [0; 16];
        let longest = fill(&words, &mut ends, &mut slots, &mut bloom, &mut shapes);
        WordList {
            text: words.concat().leak(),
            ends: ends.leak(),
            slots: slots.leak(),
            longest,
            shapes,
            bloom_shift: bloom_shift(bloom.len()),
            bloom: bloom.leak(),
        }
    }

    /// Parses a word file: one word a line; `#` starts a comment.
    ///
    /// Lines and comments are found by reading bytes (`\n` and `#` are
    /// ASCII: both sides are whole chars), where `lines` and `split_once`
    /// set up a searcher for every short line; a `\r` before a line break
    /// goes with the trimming, which takes ASCII white space only (the
    /// test `word_files_trim_as_ascii` checks that the files hold no
    /// other at a word's ends), where `trim` decoded a char at each end of
    /// every line.
    #[cfg(any(test, target_arch = "wasm32"))]
    fn parse(source: &'static str) -> Self {
        Self::new(
            lines(source)
                .map(|l| {
                    let comment = l.bytes().position(|b| b == b'#');
                    l[..comment.unwrap_or(l.len())].trim_ascii()
                })
                .filter(|w| !w.is_empty()),
        )
    }

    /// Is `word` in the list, ignoring ASCII case?
    ///
    /// Out of line: with the bloom filter's word read unchecked it became
    /// small enough for the compiler to inline at every caller, which took
    /// 0.12M more off 1 MB of news but made the native binaries 69 KB
    /// larger; the compiler had kept it out of line before.
    #[inline(never)]
    pub fn contains(&self, word: &str) -> bool {
        let word = word.as_bytes();
        if word.len() > self.longest {
            return false;
        }
        if let Some(&b) = word.first() {
            if self.shapes[word.len() & 15] & shape_bit(b) == 0 {
                return false;
            }
        }
        // Hashed as read, with bit 5 of every byte set: no `fold8` (a
        // dozen instructions) for the words the filter turns away.
        let raw = load8(word);
        let h = mixed(case_blind(raw), word.len());
        let bit = (h >> self.bloom_shift) as usize;
        // Asserted in the tests' build too (release or not).
        if cfg!(any(test, debug_assertions)) {
            assert!(bit / 64 < self.bloom.len(), "a bloom bit inside the filter");
        }
        // SAFETY: `bloom` is `bloom_words(n)` long, a power of two `B`, and
        // `bloom_shift` is `bloom_shift(B)`, `64 - log2(64 * B)` (both set
        // together, by `Table::list` and `WordList::of_words`, and never
        // assigned after), so `bit`, the hash's top `log2(64 * B)` bits, is
        // below `64 * B` and `bit / 64` below `B`. Where it was indexed with
        // a bounds test, that test was three instructions a look-up. Every
        // list's look-ups run in the tests, with the assertion above.
        let filter = unsafe { *self.bloom.get_unchecked(bit / 64) };
        if filter & (1 << (bit % 64)) == 0 {
            return false;
        }
        self.probe(word, raw, h)
    }

    /// The rest of [`WordList::contains`], for a word the filters let by;
    /// `raw` is its first 8 bytes ([`load8`]) and `h` its hash (see
    /// [`case_blind`]). (A word's length and first letter are not tested
    /// again here: `shapes` has, and the probe of a word the bloom filter
    /// lets by ends at the first empty slot.)
    ///
    /// A word of up to 8 bytes (most) is found by its key and length alone,
    /// in a loop that calls nothing and so saves no registers; a longer
    /// one is [`WordList::probe_long`]'s.
    #[inline(never)]
    fn probe(&self, word: &[u8], raw: u64, h: u64) -> bool {
        if word.len() > 8 {
            return self.probe_long(word, raw, h);
        }
        let key = fold_u64(raw);
        let mask = self.slots.len() - 1;
        let mut at = (h >> 32) as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.index == 0 {
                return false;
            }
            if slot.key == key && slot.len as usize == word.len() {
                return true;
            }
            at = (at + 1) & mask;
        }
    }

    /// [`WordList::probe`] of a word of more than 8 bytes.
    #[inline(never)]
    fn probe_long(&self, word: &[u8], raw: u64, h: u64) -> bool {
        self.slot_of(word, fold_u64(raw), h) != 0
    }

    /// Where [`WordList::probe`] finds `word`: its index + 1, 0 when it
    /// is not there.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn slot_of(&self, word: &[u8], key: u64, h: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = (h >> 32) as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.index == 0 {
                return 0;
            }
            if slot.key == key
                && slot.len as usize == word.len()
                && (word.len() <= 8
                    || self.word_bytes(slot.index as usize - 1)[8..]
                        .eq_ignore_ascii_case(&word[8..]))
            {
                return slot.index;
            }
            at = (at + 1) & mask;
        }
    }

    /// Where `word` is in the list (ignoring ASCII case): its index in
    /// the order [`WordList::iter`] gives, for a table kept beside the
    /// list (a compile-time list's words are in the order of the array
    /// it is built from). [`WordList::contains`], then for a word there
    /// its slot found again (the look-ups this serves are mostly of words
    /// not there).
    #[inline]
    pub fn index_of(&self, word: &str) -> Option<usize> {
        if !self.contains(word) {
            return None;
        }
        let w = word.as_bytes();
        let raw = load8(w);
        let h = mixed(case_blind(raw), w.len());
        (self.slot_of(w, fold_u64(raw), h) as usize).checked_sub(1)
    }

    /// Is `word`, or the word less its final "s", in the list ("banners"
    /// of "banner", "reports" of "report")?
    #[inline]
    pub fn contains_or_plural(&self, word: &str) -> bool {
        self.contains(word) || word.strip_suffix('s').is_some_and(|w| self.contains(w))
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.ends.len()).map(|i| self.word(i))
    }

    /// Word `i`.
    fn word(&self, i: usize) -> &'static str {
        let start = i.checked_sub(1).map_or(0, |p| usize::from(self.ends[p]));
        &self.text[start..usize::from(self.ends[i])]
    }

    /// Word `i`'s bytes (in [`WordList::probe`], where slicing the `str`
    /// tested both ends for a char boundary).
    #[inline]
    fn word_bytes(&self, i: usize) -> &'static [u8] {
        let start = i.checked_sub(1).map_or(0, |p| usize::from(self.ends[p]));
        &self.text.as_bytes()[start..usize::from(self.ends[i])]
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn fold8_lowercases_exactly_the_ascii_capitals() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"aZ\xff@[`{0";
                w[at] = b;
                let want = u64::from_le_bytes(w.map(|c| c.to_ascii_lowercase()));
                assert_eq!(fold8(&w), want, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn word_lists_keep_the_order_and_spellings_of_a_case_blind_sort() {
        let words = [
            "said",
            "Said",
            "sai",
            "saids",
            "SAIDX",
            "spokesperson",
            "spokespersons",
            "SPOKESPERSON",
            "spokesperso",
            "Über",
            "über",
            "a",
            "A",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "ABCDEFGH",
            "abcdefgH",
            "abcdefghij",
            "z",
            "a-b",
            "a'b",
            "é",
        ];
        let mut want = words.to_vec();
        want.sort_by(|a, b| super::cmp_ignore_ascii_case(a, b));
        want.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let got: Vec<&str> = WordList::new(words.into_iter()).iter().collect();
        assert_eq!(got, want);
        let parsed = WordList::parse("# head\nsaid # a note\r\n\n  Said\nsai\r\nx#y\nlast");
        let got: Vec<&str> = parsed.iter().collect();
        assert_eq!(got, ["last", "sai", "said", "x"]);
    }

    #[test]
    fn word_files_trim_as_ascii() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lexicon/words");
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let word = line.split('#').next().unwrap_or_default();
                assert_eq!(word.trim_ascii(), word.trim(), "{path:?}: {line:?}");
            }
        }
    }

    #[test]
    fn word_lists_match_ignoring_ascii_case_only() {
        let list = WordList::new(["said", "spokesperson", "Über", "a"].into_iter());
        for (w, want) in [
            ("said", true),
            ("SAID", true),
            ("saiD", true),
            ("sai", false),
            ("saids", false),
            ("spokesPERSON", true),
            ("spokespersoN", true),
            ("spokespersons", false),
            ("spokesperzon", false),
            ("über", false),
            ("Über", true),
            ("A", true),
            ("", false),
        ] {
            assert_eq!(list.contains(w), want, "{w}");
        }
    }
}

/// Single-word sets of the lexicons, for the source classifier.
pub struct WordSets {
    pub vague_groups: WordList,
    pub anonymous_heads: WordList,
    pub institutions: WordList,
    pub roles: WordList,
    pub titles: WordList,
}

/// The single-word lists of the lexicons, made at compile time natively:
/// a plain static, where a [`LazyLock`] tested its state at every read
/// and kept the look-ups from the lists' constant tables.
#[cfg(not(target_arch = "wasm32"))]
pub static WORDS: Made<WordSets> = Made(WordSets {
    vague_groups: static_word_list!("/lexicon/", "vague_groups.txt"),
    anonymous_heads: static_word_list!("/lexicon/", "anonymous_sources.txt"),
    institutions: static_word_list!("/lexicon/", "institutions.txt"),
    roles: static_word_list!("/lexicon/", "roles.txt"),
    titles: static_word_list!("/lexicon/", "titles.txt"),
});

/// The single-word lists of the lexicons, made on the page at first use
/// from the parsed lexicons (see [`WordList`]).
#[cfg(target_arch = "wasm32")]
pub static WORDS: LazyLock<WordSets> = LazyLock::new(|| WordSets {
    vague_groups: VAGUE_GROUPS.word_list(),
    anonymous_heads: ANONYMOUS_SOURCES.word_list(),
    institutions: INSTITUTIONS.word_list(),
    roles: ROLES.word_list(),
    titles: TITLES.word_list(),
});

/// A value made at compile time, read as a [`LazyLock`] is (`&*WORDS`,
/// `WORDS.roles`): the same code reads the native build's [`WORDS`] and
/// the page's.
#[cfg(not(target_arch = "wasm32"))]
pub struct Made<T>(T);

#[cfg(not(target_arch = "wasm32"))]
impl<T> std::ops::Deref for Made<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Panics unless `a` and `b` have the same words and tables (a list built
/// at compile time and the one built at run time from the same words).
#[cfg(test)]
pub(crate) fn assert_same(a: &WordList, b: &WordList) {
    assert_eq!((a.text, a.ends), (b.text, b.ends));
    assert_eq!(a.slots, b.slots);
    assert_eq!(a.bloom, b.bloom);
    assert_eq!(
        (a.shapes, a.longest, a.bloom_shift),
        (b.shapes, b.longest, b.bloom_shift)
    );
}

#[test]
fn the_lexicons_single_word_lists_are_their_parsed_phrases() {
    let w = &*WORDS;
    assert_same(&w.vague_groups, &VAGUE_GROUPS.word_list());
    assert_same(&w.anonymous_heads, &ANONYMOUS_SOURCES.word_list());
    assert_same(&w.institutions, &INSTITUTIONS.word_list());
    assert_same(&w.roles, &ROLES.word_list());
    assert_same(&w.titles, &TITLES.word_list());
}

/// Is `word` (the text before a full stop, without it) an abbreviation after
/// which a sentence goes on? Case-sensitive: "No." is, "no." is not.
///
/// Asked at every full stop after a word: entries of up to 8 bytes are
/// searched as integers (their bytes and length, [`short_key`]), where
/// comparing strings cost about 300 instructions a look-up.
pub fn is_abbreviation(word: &str) -> bool {
    struct Sorted {
        short: Vec<u128>,
        long: Vec<&'static str>,
        longest: usize,
    }
    static SORTED: LazyLock<Sorted> = LazyLock::new(|| {
        let mut short: Vec<u128> = Vec::new();
        let mut long: Vec<&'static str> = Vec::new();
        for p in ABBREVIATIONS.phrases() {
            match short_key(p) {
                Some(k) => short.push(k),
                None => long.push(p),
            }
        }
        crate::sort::sort_unstable(&mut short);
        crate::sort::sort_unstable(&mut long);
        let longest = ABBREVIATIONS.phrases().map(str::len).max().unwrap_or(0);
        Sorted {
            short,
            long,
            longest,
        }
    });
    let s = &*SORTED;
    if word.len() > s.longest {
        return false;
    }
    match short_key(word) {
        Some(k) => s.short.binary_search(&k).is_ok(),
        None => s.long.binary_search(&word).is_ok(),
    }
}

/// A word of up to 8 bytes as one integer: its bytes and its length, so two
/// keys are equal exactly when the words are.
fn short_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    (b.len() <= 8).then(|| {
        let mut k = [0u8; 8];
        k[..b.len()].copy_from_slice(b);
        u128::from(u64::from_le_bytes(k)) | (b.len() as u128) << 64
    })
}

/// Closed-class word lists (function words, pronouns, prepositions…) that
/// the source finder reads: plain files in `src/lexicon/words/`, one word a
/// line, each file headed by what the list is for. Unlike the lexicons they
/// carry no example sentence: a preposition on its own proves nothing.
pub mod words {
    use super::WordList;

    /// A list built at compile time, or on the page at first use (see
    /// [`WordList`]).
    macro_rules! word_list {
        ($name:ident, $file:literal) => {
            #[cfg(not(target_arch = "wasm32"))]
            pub static $name: WordList = static_word_list!("/lexicon/words/", $file);
            #[cfg(target_arch = "wasm32")]
            pub static $name: std::sync::LazyLock<WordList> = std::sync::LazyLock::new(|| {
                WordList::parse(include_str!(concat!(
                    env!("OUT_DIR"),
                    "/lexicon/words/",
                    $file
                )))
            });

            /// The list built at compile time is the one its file parses to.
            #[cfg(test)]
            #[allow(non_snake_case)]
            mod $name {
                #[test]
                fn is_the_parsed_list() {
                    let text = include_str!(concat!(env!("OUT_DIR"), "/lexicon/words/", $file));
                    super::super::assert_same(&super::$name, &super::WordList::parse(text));
                }
            }
        };
    }

    word_list!(ANSWER_NOUNS, "answer_nouns.txt");
    word_list!(AUXILIARIES, "auxiliaries.txt");
    word_list!(BEFORE_PASSIVE, "before_passive.txt");
    word_list!(BETWEEN, "between.txt");
    word_list!(BOUNDARY, "boundary.txt");
    word_list!(CLAIM_ADJECTIVES, "claim_adjectives.txt");
    word_list!(CLAIM_NOUNS, "claim_nouns.txt");
    word_list!(CLAUSE_END, "clause_end.txt");
    word_list!(CONFORMITY, "conformity.txt");
    word_list!(DETERMINERS, "determiners.txt");
    word_list!(DISCOURSE, "discourse.txt");
    // Documents that can be a source.
    word_list!(DOCUMENTS, "documents.txt");
    // Words before "figures" that make them people ("senior party figures").
    // Participles after a document's head ("a memo filed Thursday").
    word_list!(DOCUMENT_PARTICIPLES, "document_participles.txt");
    word_list!(FIGURES_PEOPLE, "figures_people.txt");
    // Verbs after a felt effect that make it a clause's subject ("feel the
    // pressure is unfair").
    word_list!(FELT_CLAUSE_VERBS, "felt_clause_verbs.txt");
    // Effects undergone after "feel" ("feel the pinch").
    word_list!(FELT_EFFECTS, "felt_effects.txt");
    // Verbs after "may not" that forbid ("visitors may not enter").
    word_list!(FORBIDDEN, "forbidden.txt");
    word_list!(FORWARD_STOP, "forward_stop.txt");
    word_list!(GENDER_HE, "gender_he.txt");
    word_list!(GENDER_SHE, "gender_she.txt");
    word_list!(HEADLINE_VERBS, "headline_verbs.txt");
    word_list!(INSIDER, "insider.txt");
    word_list!(KIN, "kin.txt");
    // Kin as a group ("his family, most of whom thought").
    word_list!(KIN_GROUPS, "kin_groups.txt");
    word_list!(NAME_JOINERS, "name_joiners.txt");
    word_list!(NAME_LABELS, "name_labels.txt");
    word_list!(NEGATIONS, "negations.txt");
    word_list!(NOT_AFTER_POSSESSIVE, "not_after_possessive.txt");
    // Words before "expected" that rule out the reduced passive ("than
    // expected over the year").
    word_list!(NOT_BEFORE_EXPECTED, "not_before_expected.txt");
    word_list!(NOT_NAMES, "not_names.txt");
    word_list!(NOUNISH_OPENERS, "nounish_openers.txt");
    word_list!(NUMBERS, "numbers.txt");
    // Words that close an organisation's name ("the Growers Association").
    word_list!(ORGANISATION_ENDS, "organisation_ends.txt");
    // A party's members and elected members' titles ("a senior Tory").
    word_list!(PARTIES, "parties.txt");
    // Capitalised adjectives before a party's plural ("Senior Tories said").
    word_list!(PARTY_ADJECTIVES, "party_adjectives.txt");
    // Nouns for people that are in no role or source list.
    word_list!(PEOPLE, "people.txt");
    // Participles after "may be" that permit ("shares may be sold").
    word_list!(PERMITTED, "permitted.txt");
    // Places no "he" or "she" goes back to ("Ohio is a swing state").
    word_list!(PLACES, "places.txt");
    word_list!(POSTMODIFIERS, "postmodifiers.txt");
    word_list!(PREPOSITIONS, "prepositions.txt");
    // Roles that are also professions ("lawyers say" is a field).
    word_list!(PROFESSIONS, "professions.txt");
    word_list!(PRONOUNS, "pronouns.txt");
    word_list!(QUANTIFIERS, "quantifiers.txt");
    // What a response answers ("responded to a question").
    word_list!(QUESTIONS, "questions.txt");
    word_list!(QUOTE_APPOSITIVE_WORKS, "quote_appositive_works.txt");
    word_list!(QUOTE_DETERMINERS, "quote_determiners.txt");
    word_list!(QUOTE_NAMED_THINGS, "quote_named_things.txt");
    word_list!(QUOTE_NAMING, "quote_naming.txt");
    word_list!(QUOTE_NOT_A_NOUN, "quote_not_a_noun.txt");
    word_list!(QUOTE_PART_OF, "quote_part_of.txt");
    word_list!(QUOTE_SPEECH_NOUNS, "quote_speech_nouns.txt");
    word_list!(QUOTE_WORD_CUES, "quote_word_cues.txt");
    // Nouns of a recording ("footage of Trump saying").
    word_list!(RECORDINGS, "recordings.txt");
    // Words before a record that do not say whose it is ("early data").
    word_list!(RECORD_MODIFIERS, "record_modifiers.txt");
    word_list!(RECORDS, "records.txt");
    // Phrases between a subject and its verb of saying ("went so far as
    // to say").
    word_list!(SAY_FRAMES, "say_frames.txt");
    // Verbs that show a person saying something ("shows Dunn telling").
    word_list!(SHOWING_VERBS, "showing_verbs.txt");
    word_list!(SPEAKER_ADVERBS, "speaker_adverbs.txt");
    word_list!(SPEAKER_DESCRIPTIONS, "speaker_descriptions.txt");
    // Things that carry words ("a sign saying “…”").
    word_list!(SPEAKER_CARRIERS, "speaker_carriers.txt");
    // Documents that speak as a quote's speaker ("the ad says").
    word_list!(SPEAKER_DOCUMENTS, "speaker_documents.txt");
    word_list!(SPEAKER_GROUPS, "speaker_groups.txt");
    word_list!(SPEAKER_IRREGULAR, "speaker_irregular.txt");
    // Unnamed people as a quote's speaker ("the man shouted").
    word_list!(SPEAKER_PEOPLE, "speaker_people.txt");
    word_list!(SPEECH, "speech.txt");
    word_list!(SPEECH_NOUNS, "speech_nouns.txt");
    word_list!(SPEECH_PARTICIPLES, "speech_participles.txt");
    word_list!(TITLE_ROLES, "title_roles.txt");
    // Adverbs that are no part of a subject ("he sometimes added").
    word_list!(TRAILING_ADVERBS, "trailing_adverbs.txt");

    /// The days of the week, lower case: a time phrase's words
    /// (`sources::verbs`), a day between a document and its participle
    /// ("sent an email Wednesday saying"), a day after "appeared"
    /// (showing up, in the hedge rules) and a programme's name before a
    /// quoted title (`quotes`). A constant, not a file: seven words that
    /// never change, compared on the hot path without a look-up table.
    pub const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
}

/// Phrase lists matched as whole words, each leftmost-longest on its own,
/// ASCII case-insensitively, in one pass over the text. The lexicons'
/// phrases are ASCII words joined by single spaces, so a match that can be a
/// whole word starts where a run of letters starts: the pass jumps from one
/// such start to the next on bit masks and looks the run up in a small hash
/// table; only the phrases that begin with that word are compared.
///
/// A phrase of several words that runs into a following ASCII letter or
/// digit is not reported, and the list's shorter phrases are tried at the
/// same start: "seems" is found in "seems too costly", where "seems to"
/// runs into "too". (Until round 24 the longer phrase was reported, as the
/// automata this replaced did, and callers dropped it, so the shorter one
/// was lost: "The plan seems too costly" had no hedge.) A one-word phrase
/// has no shorter one to give way to, and is reported wherever its run of
/// letters is. Callers check `is_whole_word` for the rest (a following
/// digit or non-ASCII letter, an apostrophe or hyphen joining a word). A
/// phrase starting inside a word ("many would argue" in "Germany would
/// argue") is not reported: it could never be a whole word.
pub struct PhraseMatcher {
    /// (list, index in the list, phrase) by id.
    phrases: Vec<(usize, usize, &'static str)>,
    lists: usize,
    /// Open-addressed by the hash of a lowercased first word: (first word,
    /// the phrases starting with it, longest first, each as its [`Tail`]
    /// and id: the tails side by side, where reading each by its id from a
    /// table of its own cost a bounds check and a scattered read apiece).
    slots: Vec<Option<(&'static str, Vec<Tail>)>>,
    /// [`fold8`] of each slot's first word (0 for an empty slot).
    keys: Vec<u64>,
    /// One bit per [`bloom_bit`] of each phrase's first word: most words of
    /// an article start no phrase, and are passed over on this one test
    /// (a multiplication and a read of an 8 KB table) without probing the
    /// slots. A letter-and-length filter it replaces let most words of news
    /// through.
    bloom: Bloom,
    /// The second filter, for a word `bloom` let by: one bit per
    /// [`pair_bit`] of each phrase's first word and the first letter of
    /// its second word (0 for a one-word phrase). A common first word
    /// ("who", "it", "is") starts phrases only before a few letters, and
    /// most of its occurrences are turned away here, where the rest of
    /// the look-up cost about 100 instructions to find nothing.
    pairs: Bloom,
}

/// [`PhraseMatcher`]'s filters' bits: held in the matcher natively
/// (a pointer less to read at every letter start); boxed in the page's
/// module, where a table in the matcher put 8 KB of zeros in the module's
/// data (the matcher is a static).
#[cfg(not(target_arch = "wasm32"))]
type Bloom = [u64; BLOOM_WORDS];
#[cfg(target_arch = "wasm32")]
type Bloom = Box<[u64; BLOOM_WORDS]>;

/// An empty [`Bloom`].
fn empty_bloom() -> Bloom {
    #[cfg(not(target_arch = "wasm32"))]
    return [0; BLOOM_WORDS];
    #[cfg(target_arch = "wasm32")]
    return Box::new([0; BLOOM_WORDS]);
}

/// A phrase after its first word: [`fold8`] of up to 8 bytes of it and the
/// mask of those bytes, then the phrase's id. A phrase is compared in full
/// only when the text's next 8 bytes, folded, agree under the mask: a
/// common first word ("the", "a") starts dozens of phrases, and comparing
/// each cost about 400 instructions a word it starts.
///
/// Beside the id, what the search reads of a phrase that agrees (in the
/// 8 bytes the id's alignment left: 24 bytes as before): its list, its
/// length, and whether it goes on past the 8 bytes compared, so that
/// only a phrase that does is read from the phrase table and compared in
/// full. Folded bytes agree exactly when `eq_ignore_ascii_case` says they
/// do (see [`fold8`]), so a shorter one has been compared whole.
#[derive(Clone, Copy)]
struct Tail {
    tail: u64,
    mask: u64,
    id: u32,
    len: u16,
    list: u8,
    long: bool,
}

/// The size of [`PhraseMatcher`]'s first-word filter, in 64-bit words
/// (65,536 bits for a few thousand first words: about 3% of other words
/// get through).
const BLOOM_WORDS: usize = 1024;

/// The mask of a [`fold8`] key's first `n` bytes, by `n` below 64 (all
/// eight from 8 on): one read where the phrase search, at every letter
/// start, shifted and tested. A run of letters the fast path hands over
/// ends inside its 64-byte window, so `n` is below 64 and needs neither
/// a `min` nor a bounds test.
#[cfg(target_arch = "x86_64")]
static KEY_BYTES: [u64; 64] = {
    let mut m = [u64::MAX; 64];
    let mut n = 0;
    while n < 8 {
        m[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    m
};

/// The bits of a window at `at` from `from` on (none when `from` is past
/// the window, all when it is before).
#[cfg(target_arch = "x86_64")]
#[inline]
fn after(at: usize, from: usize) -> u64 {
    match from.saturating_sub(at) {
        d @ 0..64 => u64::MAX << d,
        _ => 0,
    }
}

/// A first word's bit in the filter, from its [`fold8`] key alone: a key
/// of fewer than eight letters gives the word's length (its other bytes
/// are zero), and words of eight or more that share their first eight
/// letters with a phrase's first word (few: "accordingly" beside
/// "according") are turned away by the second filter, which hashes the
/// length. Hashing the length here too cost three instructions at every
/// letter start.
#[inline]
fn bloom_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// A first word's bit in [`PhraseMatcher`]'s second filter, with `next`:
/// the first byte of the phrase's second word with bit 5 set (which
/// lowercases a letter), or 0 for a one-word phrase.
#[inline]
fn pair_bit(key: u64, len: usize, next: u8) -> usize {
    let h = (key ^ (len as u64).rotate_right(8) ^ u64::from(next).rotate_right(16))
        .wrapping_mul(0xD6E8_FEB8_6659_FD93);
    (h >> 48) as usize
}

/// Sets `bit` in `filter`.
fn set_bit(filter: &mut Bloom, bit: usize) {
    filter[bit / 64] |= 1 << (bit % 64);
}

/// Is `bit` set in `filter`?
#[inline]
fn has_bit(filter: &Bloom, bit: usize) -> bool {
    filter[bit / 64] & (1 << (bit % 64)) != 0
}

/// A match: its byte span and the phrase's index in its list.
///
/// 12 bytes, where a triple of `usize`s was 24: every hit of the whole
/// text is held until the sources are found (2 MB at 10 MB of news).
/// Offsets fit in `u32` as in [`ByteSpan`], and a list has far fewer than
/// 2^32 phrases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: ByteSpan,
    index: u32,
}

impl PhraseMatch {
    pub(crate) fn new(start: usize, end: usize, index: usize) -> Self {
        PhraseMatch {
            span: ByteSpan::new(start, end),
            index: index as u32,
        }
    }

    /// The phrase's index in its list.
    pub fn index(&self) -> usize {
        self.index as usize
    }
}

impl PhraseMatcher {
    /// `lists` of phrases in priority order: when two phrases of a list are
    /// equal ignoring case, the first wins, as with aho-corasick's
    /// leftmost-longest.
    pub fn new(lists: Vec<Vec<&'static str>>) -> Self {
        let n = lists.len();
        let phrases: Vec<(usize, usize, &'static str)> = lists
            .into_iter()
            .enumerate()
            .flat_map(|(l, ps)| ps.into_iter().enumerate().map(move |(i, p)| (l, i, p)))
            .collect();
        // Each phrase's tail, read first so that a slot gets its tails as
        // its phrases arrive (a list of ids per slot, turned into tails
        // afterwards, was two allocations a first word).
        let tails: Vec<(u64, u64)> = phrases
            .iter()
            .map(|&(_, _, p)| {
                let tail = &p.as_bytes()[first_word_len(p)..];
                let n = tail.len().min(8);
                let mask = if n == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                };
                (fold8(&tail[..n]), mask)
            })
            .collect();
        let size = (phrases.len() * 4).next_power_of_two().max(16);
        let mut slots: Vec<Option<(&'static str, Vec<Tail>)>> = vec![None; size];
        for (id, &(list, _, p)) in phrases.iter().enumerate() {
            assert!(
                is_spaced_words(p.as_bytes()),
                "a phrase is ASCII words joined by single spaces: {p:?}"
            );
            let first = &p[..first_word_len(p)];
            let (tail, mask) = tails[id];
            let entry = Tail {
                tail,
                mask,
                id: u32::try_from(id).expect("fewer than 2^32 phrases"),
                len: u16::try_from(p.len()).expect("a phrase is shorter than 64 KB"),
                list: u8::try_from(list).expect("fewer than 256 lists"),
                long: p.len() - first.len() > 8,
            };
            let mut i = slot_hash(fold8(first.as_bytes()), first.len()) & (size - 1);
            loop {
                match &mut slots[i] {
                    Some((w, tailed)) if w.eq_ignore_ascii_case(first) => {
                        let dup = tailed.iter().any(|t| {
                            let (l, _, q) = phrases[t.id as usize];
                            l == list && q.eq_ignore_ascii_case(p)
                        });
                        if !dup {
                            tailed.push(entry);
                        }
                        break;
                    }
                    Some(_) => i = (i + 1) & (size - 1),
                    None => {
                        slots[i] = Some((first, vec![entry]));
                        break;
                    }
                }
            }
        }
        let mut bloom = empty_bloom();
        let mut pairs = empty_bloom();
        for (first, tailed) in slots.iter_mut().flatten() {
            // Stable: equal lengths keep their order.
            tailed.sort_by_key(|t| std::cmp::Reverse(t.len));
            let key = fold8(first.as_bytes());
            set_bit(&mut bloom, bloom_bit(key));
            for t in tailed.iter() {
                // A tail is " " and the second word, folded.
                let next = if t.mask == 0 {
                    0
                } else {
                    (t.tail >> 8) as u8 | 0x20
                };
                set_bit(&mut pairs, pair_bit(key, first.len(), next));
            }
        }
        let keys = slots
            .iter()
            .map(|s| s.as_ref().map_or(0, |(w, _)| fold8(w.as_bytes())))
            .collect();
        PhraseMatcher {
            phrases,
            lists: n,
            slots,
            keys,
            bloom,
            pairs,
        }
    }

    /// Could a phrase start with a word of this [`fold8`] key? (No false
    /// "no"; a few per cent of other words get a "yes".)
    #[inline]
    fn may_start(&self, key: u64) -> bool {
        has_bit(&self.bloom, bloom_bit(key))
    }

    /// For a word [`PhraseMatcher::may_start`] let by, the run of letters
    /// `..end` of `bytes` of this key and length: could a phrase start with
    /// it? A one-word phrase could; a longer one only if a space and a
    /// letter its second word starts with follow (no false "no").
    #[inline]
    fn may_match(&self, key: u64, len: usize, bytes: &[u8], end: usize) -> bool {
        if has_bit(&self.pairs, pair_bit(key, len, 0)) {
            return true;
        }
        match bytes.get(end..end + 2) {
            Some(&[b' ', c]) => has_bit(&self.pairs, pair_bit(key, len, c | 0x20)),
            _ => false,
        }
    }

    /// The phrases starting with the first word `word`, longest first, for
    /// a word [`PhraseMatcher::may_start`] let by (not asked again).
    ///
    /// `key` is [`fold8`] of `word`.
    #[inline]
    fn starting_with(&self, word: &[u8], key: u64) -> &[Tail] {
        let mask = self.slots.len() - 1;
        let mut i = slot_hash(key, word.len()) & mask;
        while let Some((w, ids)) = &self.slots[i] {
            // Equal keys and lengths of up to 8 bytes are equal words; of
            // longer words, equal keys are equal first 8 bytes (ASCII case
            // aside), so only the bytes after them are compared.
            if self.keys[i] == key
                && w.len() == word.len()
                && (word.len() <= 8 || same_after_eight(w.as_bytes(), word))
            {
                return ids;
            }
            i = (i + 1) & mask;
        }
        &[]
    }

    /// Every match in `text`, left to right, for each list.
    pub fn find_all(&self, text: &str) -> Vec<Vec<PhraseMatch>> {
        let mut finder = PhraseFinder::new(self, text);
        crate::text::for_each_letter_start(text, |start| finder.at(start));
        finder.out
    }
}

/// A search of one text by a [`PhraseMatcher`], fed the text's letter
/// starts in order: by [`PhraseMatcher::find_all`]'s scan, or by the
/// tokeniser, which finds them as it goes ([`TokenStream::with_phrases`]).
///
/// [`TokenStream::with_phrases`]: crate::text::TokenStream::with_phrases
pub(crate) struct PhraseFinder<'m, 't> {
    matcher: &'m PhraseMatcher,
    bytes: &'t [u8],
    out: Vec<Vec<PhraseMatch>>,
    /// Where each list's search resumes.
    next: Vec<usize>,
    /// The least of `next`, which changes only when a match is found:
    /// letter starts before it are inside a match every list is in, and
    /// passed over.
    min_next: usize,
}

impl<'m, 't> PhraseFinder<'m, 't> {
    fn new(matcher: &'m PhraseMatcher, text: &'t str) -> Self {
        PhraseFinder {
            matcher,
            bytes: text.as_bytes(),
            out: vec![Vec::new(); matcher.lists],
            next: vec![0; matcher.lists],
            min_next: 0,
        }
    }

    /// A letter start: an ASCII letter at `start`, with no ASCII letter or
    /// digit before it. Starts come in increasing order; those inside a
    /// match every list is in (before `min_next`) are ignored. (A start is
    /// never inside the run of letters looked up before it: a letter
    /// start has no letter before it.)
    #[inline]
    pub(crate) fn letter_start(&mut self, start: usize) {
        if start >= self.min_next {
            self.at(start);
        }
    }

    /// [`PhraseFinder::letter_start`] at each bit of `starts` (see
    /// [`LetterStarts::window`]), in order, where each run's end is read
    /// off `alpha` rather than found again.
    ///
    /// The window's 64 bytes and the 8 after them are one array (a copy,
    /// zero-padded, only at the text's end), so that a key's eight bytes
    /// are read with no bounds test; the starts inside a match every list
    /// is in are cleared from `starts` at once (again after a look-up,
    /// the only place `min_next` moves) rather than tested one by one.
    /// Out of line: inlined into the fast path's three calls it cost more
    /// (0.3M on 1 MB of news).
    ///
    /// [`LetterStarts::window`]: crate::text::LetterStarts::window
    #[cfg(target_arch = "x86_64")]
    #[inline(never)]
    fn letter_window(&mut self, at: usize, mut starts: u64, alpha: u64) {
        let m = self.matcher;
        let bytes = self.bytes;
        let padded: [u8; 72];
        let win: &[u8; 72] = match bytes.get(at..).and_then(|rest| rest.first_chunk()) {
            Some(win) => win,
            None => {
                // The text's last window: its runs of letters end in the
                // text, so a key of eight bytes is all text, and a shorter
                // one's mask drops the padding.
                let rest = bytes.get(at..).unwrap_or_default();
                let mut p = [0u8; 72];
                p[..rest.len()].copy_from_slice(rest);
                padded = p;
                &padded
            }
        };
        starts &= after(at, self.min_next);
        if starts == 0 {
            return;
        }
        // The top bit set (never a run's end: a run ends inside its
        // window) tells the compiler that each shift of this is not zero.
        let others = !alpha | 1 << 63;
        loop {
            // Both below 64 (a run of letters ends inside its window): the
            // mask and `others`' top bit tell the compiler so.
            let l = starts.trailing_zeros() as usize & 63;
            let n = (others >> l).trailing_zeros() as usize;
            // Asserted in the tests' build too (release or not): the test
            // `long_runs_of_letters_across_windows_agree` hands over runs
            // of every length across windows' ends.
            if cfg!(any(test, debug_assertions)) {
                assert!(l + n < 64, "a run of letters inside its window");
            }
            let eight: [u8; 8] = win[l..l + 8].try_into().unwrap_or([0; 8]);
            // Letters only up to `l + n`: setting bit 5 lowercases them (as
            // in `at`).
            let key = (u64::from_le_bytes(eight) | (crate::swar::LO * 0x20)) & KEY_BYTES[n];
            if m.may_start(key) {
                // Where the search goes on (after this run of letters, or
                // past the match every list is inside): its answer clears
                // this start and those inside that match.
                let next = self.look_up(at + l, at + l + n, key);
                starts &= after(at, next);
            } else {
                // The start's bit cleared last, where its flags end the loop.
                starts &= starts.wrapping_sub(1);
            }
            if starts == 0 {
                return;
            }
        }
    }

    /// Looks up the phrases at the letter start `start`; returns the offset
    /// the search goes on from.
    #[inline]
    fn at(&mut self, start: usize) -> usize {
        let bytes = self.bytes;
        // The run of letters from `start` (which is one), read eight
        // bytes at once: a word of up to seven letters ends in them, and
        // they give its `fold8` key too.
        let (end, key) = match bytes.get(start..start + 8) {
            Some(eight) => {
                let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
                let others = !crate::swar::ascii_letters(x) & crate::swar::HI;
                // The key's bytes are all ASCII letters, which setting bit 5
                // lowercases: `fold_u64` for them, in one instruction.
                let lowered = x | (crate::swar::LO * 0x20);
                if others != 0 {
                    let n = others.trailing_zeros() as usize / 8;
                    (start + n, Some(lowered & ((1u64 << (8 * n)) - 1)))
                } else {
                    let more = bytes[start + 8..]
                        .iter()
                        .position(|b| !b.is_ascii_alphabetic())
                        .unwrap_or(bytes.len() - start - 8);
                    (start + 8 + more, Some(lowered))
                }
            }
            None => {
                let n = bytes[start..]
                    .iter()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(bytes.len() - start);
                (start + n, None)
            }
        };
        let key = key.unwrap_or_else(|| fold8(&bytes[start..end]));
        // Most words start no phrase: turned away here, inline, with no
        // call (the tokeniser calls this at every letter start).
        if !self.matcher.may_start(key) {
            return self.min_next.max(end);
        }
        self.look_up(start, end, key)
    }

    /// The rest of [`PhraseFinder::at`], for a word the first filter let
    /// by: the second filter ([`PhraseMatcher::may_match`]), out of line
    /// (inlined into the tokeniser's loop it cost the loop more than it
    /// saved). Marked cold: the window pass's loop keeps its first
    /// filter's constants in registers, saved and restored around this
    /// call rather than at every letter start.
    #[cold]
    #[inline(never)]
    fn look_up(&mut self, start: usize, end: usize, key: u64) -> usize {
        if !self.matcher.may_match(key, end - start, self.bytes, end) {
            return self.min_next.max(end);
        }
        self.compare(start, end, key)
    }

    /// The rest of [`PhraseFinder::look_up`], for a word the second filter
    /// let by: out of line again, so that a word turned away costs no
    /// saving and restoring of the registers this needs.
    ///
    /// A first word whose only phrase is the word itself ("said": about
    /// half the calls on news) is handed to [`PhraseFinder::one_word`],
    /// with none of the set-up of the loop below.
    #[inline(never)]
    fn compare(&mut self, start: usize, end: usize, key: u64) -> usize {
        let m = self.matcher;
        let tails = m.starting_with(&self.bytes[start..end], key);
        let bytes = self.bytes;
        let rest = &bytes[start..];
        // Every phrase found starts with the word `start..end` (ASCII
        // case aside): only what follows it is compared.
        let first = end - start;
        // The 8 bytes after the word, folded (zero-padded at the text's end,
        // where no phrase's tail can match the padding); not read when
        // every phrase is the one word (the longest first has no tail:
        // "said", "could"), whose empty mask passes anything.
        let after = match tails {
            [t, ..] if t.mask != 0 => match bytes.get(end..end + 8) {
                Some(eight) => fold_u64(u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]))),
                None => fold8(&bytes[end.min(bytes.len())..]),
            },
            // The word's one phrase is the word: matched apart, with none
            // of the loop's set-up.
            [t] => return self.one_word(start, end, t),
            _ => 0,
        };
        // Whether a list that held the least `next` moved on.
        let mut moved_least = false;
        for t in tails {
            if after & t.mask != t.tail {
                continue;
            }
            let list = usize::from(t.list);
            let len = usize::from(t.len);
            let old = self.next[list];
            // A tail of up to 8 bytes has been compared whole by its key
            // (which the text's end, zero-padded, cannot match); a longer
            // one is compared on from its first word.
            if old <= start
                && (!t.long || {
                    let p = m.phrases[t.id as usize].2.as_bytes();
                    rest.len() >= len && rest[first..len].eq_ignore_ascii_case(&p[first..])
                })
                // A phrase of one word ends where the word does, and has
                // no shorter phrase to give way to.
                && (len == first || rest.get(len).is_none_or(|b| !b.is_ascii_alphanumeric()))
            {
                let index = m.phrases[t.id as usize].1;
                self.next[list] = start + len;
                self.out[list].push(PhraseMatch::new(start, start + len, index));
                moved_least |= old == self.min_next;
            }
        }
        // Once, after the loop (which does not change it), and only where
        // it may have moved: a list's `next` only grows, so the least stays
        // where none that held it moved (a match of a list searched since
        // the least, most often the verbs while the anonymity clauses lag).
        if moved_least {
            self.min_next = self.next.iter().copied().min().unwrap_or(0);
        }
        // The next start is after this run of letters, or after the end
        // of the match every list is still inside.
        self.min_next.max(end)
    }

    /// [`PhraseFinder::compare`] for a first word whose one phrase is the
    /// word itself (its key was the whole word, and a phrase of one word
    /// has no tail): it ends where the word does.
    #[inline(never)]
    fn one_word(&mut self, start: usize, end: usize, t: &Tail) -> usize {
        let list = usize::from(t.list);
        let old = self.next[list];
        if old <= start {
            let index = self.matcher.phrases[t.id as usize].1;
            self.next[list] = end;
            self.out[list].push(PhraseMatch::new(start, end, index));
            if old == self.min_next {
                self.min_next = self.next.iter().copied().min().unwrap_or(0);
            }
        }
        self.min_next.max(end)
    }

    /// The matches, by list.
    pub(crate) fn hits(self) -> PhraseHits {
        PhraseHits::from_lists(self.out)
    }
}

impl crate::text::LetterStarts for PhraseFinder<'_, '_> {
    #[inline]
    fn letter(&mut self, at: usize) {
        self.letter_start(at);
    }

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn window(&mut self, at: usize, starts: u64, alpha: u64) {
        self.letter_window(at, starts, alpha);
    }
}

/// Every phrase of the lexicons that are matched over the whole text.
pub struct PhraseHits {
    pub hedges: Vec<PhraseMatch>,
    /// Reporting verbs, then belief verbs: indices past the reporting list
    /// are belief verbs.
    pub verbs: Vec<PhraseMatch>,
    pub vague_phrases: Vec<PhraseMatch>,
    pub anonymity_clauses: Vec<PhraseMatch>,
}

/// Is `phrase` ASCII words joined by single spaces (none empty)? Read
/// byte by byte: `split(' ')` set up a searcher for every word of every
/// phrase, about a tenth of the start-up.
fn is_spaced_words(phrase: &[u8]) -> bool {
    // Whether the byte before is a letter.
    let mut in_word = false;
    for &b in phrase {
        if b == b' ' && in_word {
            in_word = false;
        } else if b.is_ascii_alphabetic() {
            in_word = true;
        } else {
            return false;
        }
    }
    in_word
}

/// The length of the first word of a phrase, in bytes (up to its first
/// space).
fn first_word_len(phrase: &str) -> usize {
    phrase
        .bytes()
        .position(|b| b == b' ')
        .unwrap_or(phrase.len())
}

static PHRASES: LazyLock<PhraseMatcher> = LazyLock::new(|| {
    PhraseMatcher::new(vec![
        HEDGES.phrases().collect(),
        // Every inflection of the verb lexicons (see `sources::forms`).
        crate::sources::forms::verb_phrases(),
        VAGUE_PHRASES.phrases().collect(),
        ANONYMITY_CLAUSES.phrases().collect(),
    ])
});

/// Finds the phrases of the hedge, verb, vague-phrase and anonymity-clause
/// lexicons in `text`, in one pass.
pub fn find_phrases(text: &str) -> PhraseHits {
    PhraseHits::from_lists(PHRASES.find_all(text))
}

/// A search of `text` by the lexicons' phrase matcher, to be fed the
/// text's letter starts ([`find_phrases`] without its own scan).
pub(crate) fn phrase_finder(text: &str) -> PhraseFinder<'static, '_> {
    PhraseFinder::new(&PHRASES, text)
}

impl PhraseHits {
    fn from_lists(lists: Vec<Vec<PhraseMatch>>) -> Self {
        let mut all = lists.into_iter();
        let mut next = || all.next().unwrap_or_default();
        PhraseHits {
            hedges: next(),
            verbs: next(),
            vague_phrases: next(),
            anonymity_clauses: next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PhraseMatch, PhraseMatcher, WordList};

    /// Matches as (start, end, index) triples, to compare.
    fn triples(found: &[PhraseMatch]) -> Vec<(usize, usize, usize)> {
        found
            .iter()
            .map(|m| (m.span.start(), m.span.end(), m.index()))
            .collect()
    }

    #[test]
    fn phrase_matcher_is_leftmost_longest_per_list_and_starts_at_words() {
        let m = PhraseMatcher::new(vec![
            vec!["may", "may have", "MAY"],
            vec!["said", "according to", "have"],
        ]);
        let text = "It May have rained, according to Ann, who said so. Dismay. mayhem";
        let at = |s: &str| text.find(s).unwrap();
        let found = m.find_all(text);
        // "may" inside "Dismay" is never reported; "mayhem" has no phrase.
        assert_eq!(triples(&found[0]), vec![(at("May"), at("May") + 8, 1)]);
        // Each list resumes on its own: "have" is found inside list 0's match.
        assert_eq!(
            triples(&found[1]),
            vec![
                (at("have"), at("have") + 4, 2),
                (at("according"), at("according") + 12, 1),
                (at("said"), at("said") + 4, 0),
            ]
        );
        // A longest match that runs into a word is not reported: the
        // list's shorter phrase at the same start is ("may" of "may
        // haves"); nor is a phrase that is only the start of a word
        // ("have" of "haves").
        let found = m.find_all("may haves have");
        assert_eq!(triples(&found[0]), vec![(0, 3, 0)]);
        assert_eq!(triples(&found[1]), vec![(10, 14, 2)]);
        // A first word of more than 8 letters is told from one sharing its
        // first 8 by the letters after them, in any case.
        let text = "Accordinx to ACCORDING to";
        let found = m.find_all(text);
        assert_eq!(triples(&found[1]), vec![(13, 25, 1)]);
    }

    /// Per list, leftmost-longest matches starting at letter starts, by
    /// comparing every phrase of the list at every letter start.
    fn naive(lists: &[Vec<&str>], text: &str) -> Vec<Vec<(usize, usize, usize)>> {
        let b = text.as_bytes();
        let starts: Vec<usize> = (0..b.len())
            .filter(|&i| {
                b[i].is_ascii_alphabetic() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            })
            .collect();
        lists
            .iter()
            .map(|list| {
                let mut out = Vec::new();
                let mut next = 0;
                for &at in &starts {
                    if at < next {
                        continue;
                    }
                    let word_end = (at..b.len())
                        .find(|&i| !b[i].is_ascii_alphabetic())
                        .unwrap_or(b.len());
                    let best = list
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| {
                            let first = p.split(' ').next().unwrap_or(p).len();
                            first == word_end - at
                                && b.len() >= at + p.len()
                                && b[at..at + p.len()].eq_ignore_ascii_case(p.as_bytes())
                                && (p.len() == first
                                    || b.get(at + p.len())
                                        .is_none_or(|c| !c.is_ascii_alphanumeric()))
                        })
                        // Longest; among equals, the first in the list.
                        .min_by_key(|(i, p)| (std::cmp::Reverse(p.len()), *i));
                    if let Some((i, p)) = best {
                        out.push((at, at + p.len(), i));
                        next = at + p.len();
                    }
                }
                out
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn phrase_matcher_agrees_with_comparing_every_phrase(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "the", "The", "THE", "a", "source", "sources", "said", "say", "according", "to",
                "people", "familiar", "with", "matter", "x", "9", " ", " ", ",", "-", "’", "é",
                // Words of more than 8 letters sharing their first 8 with
                // a phrase's first word ("according"): equal keys and
                // lengths, told apart by the letters after.
                "ACCORDING", "accordinx", "accordinG",
            ]), 0..60)
        ) {
            let lists = vec![
                vec!["the source", "the sources said", "a", "the people familiar with the matter", "said"],
                vec!["according to", "according to the source", "to", "the", "THE source"],
                vec!["people familiar with", "people familiar with the matter said", "x"],
            ];
            let text = v.concat();
            let m = PhraseMatcher::new(lists.clone());
            let got: Vec<_> = m.find_all(&text).iter().map(|l| triples(l)).collect();
            let mut want = naive(&lists, &text);
            // A phrase equal to an earlier one of its list (ignoring case) is
            // dropped when the matcher is built: the earlier one's index wins.
            for (l, list) in lists.iter().enumerate() {
                for hit in &mut want[l] {
                    let p = list[hit.2];
                    hit.2 = list.iter().position(|q| q.eq_ignore_ascii_case(p)).unwrap();
                }
            }
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    #[test]
    fn word_list_ignores_ascii_case() {
        let w = WordList::new(["Police", "officials", "a"].into_iter());
        assert!(w.contains("police") && w.contains("OFFICIALS") && w.contains("A"));
        assert!(!w.contains("polic") && !w.contains("policemen") && !w.contains(""));
        assert_eq!(w.iter().collect::<Vec<_>>(), ["a", "officials", "Police"]);
    }
}

#[cfg(test)]
mod phrase_shape_tests {
    use super::is_spaced_words;

    #[test]
    fn a_phrase_is_ascii_words_joined_by_single_spaces() {
        for p in [
            "said",
            "according to",
            "",
            " said",
            "said ",
            "a  b",
            "a b",
            "it's",
            "é",
            "a-b",
            " ",
            "a b c",
        ] {
            let want = p
                .split(' ')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()));
            assert_eq!(is_spaced_words(p.as_bytes()), want, "{p:?}");
        }
    }
}
