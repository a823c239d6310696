//! FNV-1a, a fast hasher for the short string and integer keys of the
//! per-article maps and sets (the default SipHash costs several times as
//! much per short key, and these maps face no untrusted-collision risk
//! worth that: their keys are words of one article, and a flood of
//! colliding words only slows that one article down, linearly in its
//! length times the collisions).
//!
//! The same function as `sources::forms`' private hasher (kept there: that
//! module is another owner's).

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

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
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
/// overlapping, for a shorter one), mixed with its length by one
/// multiplication, where FNV-1a cost about four instructions a byte. Words
/// of up to 16 bytes hash on all their bytes; longer ones that share their
/// ends collide, which only slows their look-ups. For sets and maps that
/// are only looked up, never iterated: their order is not FNV's.
pub struct WordHash(u64);

/// An odd constant with well-spread bits (2^64 over the golden ratio).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl BuildHasher for BuildWordHash {
    type Hasher = WordHash;
    fn build_hasher(&self) -> WordHash {
        WordHash(0)
    }
}

impl Hasher for WordHash {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let u32_at = |i: usize| {
            u64::from(u32::from_le_bytes([
                bytes[i],
                bytes[i + 1],
                bytes[i + 2],
                bytes[i + 3],
            ]))
        };
        let (first, last) = match n {
            0 => (0, 0),
            1..=3 => (
                u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
                0,
            ),
            4..=7 => (u32_at(0), u32_at(n - 4)),
            _ => {
                let u64_at = |i: usize| u64::from_le_bytes(std::array::from_fn(|k| bytes[i + k]));
                (u64_at(0), u64_at(n - 8))
            }
        };
        let x = (self.0 ^ first ^ (n as u64).rotate_right(8)).wrapping_mul(GOLDEN);
        self.0 = (x.rotate_left(29) ^ last).wrapping_mul(GOLDEN);
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

/// A `HashSet` with [`BuildWordHash`], for word keys only looked up.
pub type WordSet<T> = HashSet<T, BuildWordHash>;
