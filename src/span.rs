//! Spans of article text.
//!
//! The core speaks only in UTF-8 byte offsets. The wasm boundary converts them
//! to UTF-16 code units in one forward pass (see [`crate::utf16`]).
//!
//! Offsets are stored as `u32` (a span is 8 bytes, not 16): the per-sentence,
//! per-quote and per-attribution vectors are a large share of peak memory.
//! Inputs are capped well below 4 GiB (the CLI reads at most 1 GiB, the wasm
//! entry point 2 MiB), so every offset fits; the accessors hand back `usize`.

use serde::Serialize;
use std::num::NonZeroU32;
use std::ops::Range;

/// A half-open range `[start, end)` of **UTF-8 byte offsets** into the article
/// as it was given (before any normalisation). Both ends lie on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ByteSpan {
    start: u32,
    end: u32,
}

impl ByteSpan {
    /// Offsets must fit in `u32` (see the module doc: inputs are capped).
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= u32::MAX as usize && end <= u32::MAX as usize);
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    pub const fn start(&self) -> usize {
        self.start as usize
    }

    pub const fn end(&self) -> usize {
        self.end as usize
    }

    pub fn set_start(&mut self, start: usize) {
        *self = Self::new(start, self.end());
    }

    pub fn set_end(&mut self, end: usize) {
        *self = Self::new(self.start(), end);
    }

    /// Zero for an inverted span (`start > end`), as [`ByteSpan::is_empty`]
    /// already treats it: a look-back that overshoots gives an empty window,
    /// never an overflow.
    pub const fn len(&self) -> usize {
        self.end().saturating_sub(self.start())
    }

    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    pub const fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The text this span covers in `source`.
    pub fn slice<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range()]
    }

    pub const fn contains(&self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for ByteSpan {
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// An index into one of an article's vectors (its attributions), in 4
/// bytes, and `Option<Index>` in 4 bytes too, where a `usize` and its
/// `Option` took 16: the speaker pass holds one per sentence and one per
/// quote ([`crate::speakers::Referent`]). No such vector has more entries
/// than the text has bytes, and the text analysed is under 2 GiB
/// ([`crate::analysis::MAX_TEXT_BYTES`]), so every index fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Index(NonZeroU32);

impl Serialize for Index {
    /// As the index it stands for ([`Index::get`]).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.get() as u64)
    }
}

impl Index {
    /// Index `i`, which must be below `u32::MAX` (see the type's doc).
    #[inline]
    pub const fn new(i: usize) -> Self {
        debug_assert!(i < u32::MAX as usize);
        // Stored as `i + 1`, so that `None` is the zero `Option<Index>`.
        Index(NonZeroU32::MIN.saturating_add(i as u32))
    }

    #[inline]
    pub const fn get(self) -> usize {
        self.0.get() as usize - 1
    }
}
