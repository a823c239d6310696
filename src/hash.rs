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
/// A `HashSet` with [`BuildFnv`].
pub type FnvSet<T> = HashSet<T, BuildFnv>;
