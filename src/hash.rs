//! FNV-1a, a fast hasher for the short string and integer keys of the
//! per-article maps and sets (the default SipHash costs several times as
//! much per short key, and these maps face no untrusted-collision risk
//! worth that: their keys are words of one article, and a flood of
//! colliding words only slows that one article down, linearly in its
//! length times the collisions).

use crate::swar::{load4, load8};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

/// Builds [`Fnv`] hashers.
#[derive(Default, Clone, Copy)]
pub struct BuildFnv;

/// FNV-1a over the bytes written.
pub struct Fnv(u64);

impl BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

/// FNV-1a's step over `bytes`, from the state `h`.
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0, bytes);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`BuildFnv`].
pub type FnvMap<K, V> = HashMap<K, V, BuildFnv>;

/// Builds [`WordHash`] hashers.
#[derive(Default, Clone, Copy)]
pub struct BuildWordHash;

/// A hasher for short string keys (the words of one article): each write
/// is read as at most two integers, its first and last eight bytes (fewer,
/// overlapping, for a shorter one), mixed with its length ([`mixed`]),
/// where FNV-1a cost about four instructions a byte. Words of up to 16 bytes
/// hash on all their bytes; longer ones that share their
/// ends collide, which only slows their look-ups. For sets and maps that
/// are only looked up, never iterated: their order is not FNV's.
pub struct WordHash(u64);

/// An odd constant with well-spread bits (2^64 over the golden ratio).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// A word's key (its first bytes as an integer) mixed with its length by
/// one multiplication: the word lists' slot hash (`lexicon`) and the first
/// step of [`WordHash`].
#[inline]
pub(crate) const fn mixed(key: u64, len: usize) -> u64 {
    (key ^ (len as u64).rotate_right(8)).wrapping_mul(GOLDEN)
}

/// A word's first and last bytes as two integers, overlapping: a word of
/// up to 16 bytes is read whole ([`WordHash`] and [`WordKey`]).
#[inline]
fn ends(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
            0,
        ),
        4..=7 => (load4(bytes, 0), load4(bytes, n - 4)),
        _ => (load8(bytes), load8(&bytes[n - 8..])),
    }
}

/// [`WordHash`]'s step: `first` (the state already mixed in) and the
/// length by [`mixed`], then `last`.
#[inline]
fn fold_ends(first: u64, last: u64, len: usize) -> u64 {
    (mixed(first, len).rotate_left(29) ^ last).wrapping_mul(GOLDEN)
}

impl BuildHasher for BuildWordHash {
    type Hasher = WordHash;
    fn build_hasher(&self) -> WordHash {
        WordHash(0)
    }
}

impl Hasher for WordHash {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let (first, last) = ends(bytes);
        self.0 = fold_ends(self.0 ^ first, last, bytes.len());
    }

    /// The `0xff` that ends a `str` key.
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 ^= u64::from(i);
    }

    /// The high bits folded into the low: the table's bucket is the low
    /// bits, its tag the top seven.
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// A word as its length and its first and last bytes read as two
/// integers (the parts [`WordHash`] reads), with the word itself: for
/// sets of an article's words, where a hit compared the bytes by a call to
/// `memcmp` (the capitalised words of `speakers::clause`, most of them
/// seen before). Up to 16 bytes the integers hold every byte, so two
/// words are equal exactly when their lengths and integers are; longer
/// words compare their bytes too.
#[derive(Clone, Copy, Debug)]
pub struct WordKey<'a> {
    first: u64,
    last: u64,
    word: &'a str,
}

impl<'a> WordKey<'a> {
    #[inline]
    pub fn new(word: &'a str) -> Self {
        let (first, last) = ends(word.as_bytes());
        WordKey { first, last, word }
    }
}

impl PartialEq for WordKey<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.first == other.first
            && self.last == other.last
            && self.word.len() == other.word.len()
            && (self.word.len() <= 16 || self.word == other.word)
    }
}

impl Eq for WordKey<'_> {}

impl std::hash::Hash for WordKey<'_> {
    /// [`WordHash`]'s mix of the two integers and the length.
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(fold_ends(self.first, self.last, self.word.len()));
    }
}

/// Builds [`KeyHash`] hashers.
#[derive(Default, Clone, Copy)]
pub struct BuildKeyHash;

/// Passes on the one `u64` a [`WordKey`] writes (already mixed), its high
/// bits folded into the low as [`WordHash`] does.
pub struct KeyHash(u64);

impl BuildHasher for BuildKeyHash {
    type Hasher = KeyHash;
    fn build_hasher(&self) -> KeyHash {
        KeyHash(0)
    }
}

impl Hasher for KeyHash {
    /// Not written by a [`WordKey`]; any other key is mixed in byte by
    /// byte, as FNV-1a.
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0, bytes);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 ^= i;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// A set of [`WordKey`]s.
pub type WordKeySet<'a> = HashSet<WordKey<'a>, BuildKeyHash>;

#[cfg(test)]
mod tests {
    use super::WordKey;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn word_keys_are_equal_exactly_when_their_words_are(
            a in "[a-cA-C’]{0,20}",
            b in "[a-cA-C’]{0,20}",
        ) {
            prop_assert_eq!(WordKey::new(&a) == WordKey::new(&b), a == b);
            prop_assert_eq!(WordKey::new(&a) == WordKey::new(&a.clone()), true);
        }
    }
}
