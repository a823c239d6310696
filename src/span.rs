//! Spans of article text.
//!
//! The core speaks only in UTF-8 byte offsets. The wasm boundary converts them
//! to UTF-16 code units in one forward pass (see [`crate::utf16`]).

use serde::Serialize;
use std::ops::Range;

/// A half-open range `[start, end)` of **UTF-8 byte offsets** into the article
/// as it was given (before any normalisation). Both ends lie on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Zero for an inverted span (`start > end`), as [`ByteSpan::is_empty`]
    /// already treats it: a look-back that overshoots gives an empty window,
    /// never an overflow.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
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
