//! Which bytes of a 64-byte block are in a small fixed set, one bit a byte:
//! the scanners' first pass over a paragraph, where only the bytes found
//! are read on (the sentence stops of `text`, the bytes that may start a
//! quotation mark in `quotes`).
//!
//! The set is a type's constant ([`ByteSet`]), so each set gets its own
//! copy of the search with one compare a member and nothing read from
//! memory but the block. x86_64 only: SSE2, 16 bytes a step, is in its
//! baseline; AVX2, 32 bytes a step, is used where the processor has it
//! ([`Avx2::detect`]). Other targets (the page's module) search with
//! memchr or eight bytes at a time.

use std::arch::x86_64::*;

/// A fixed set of bytes to look for.
pub(crate) trait ByteSet {
    /// The set's members (at least one).
    const BYTES: &'static [u8];
}

/// Proof that the processor has AVX2: made only by [`Avx2::detect`].
#[derive(Clone, Copy)]
pub(crate) struct Avx2(());

impl Avx2 {
    /// `Some` where the processor has AVX2 (asked once a scan: the
    /// standard library caches the answer, but asking costs a load and
    /// a test).
    #[inline]
    pub(crate) fn detect() -> Option<Avx2> {
        std::arch::is_x86_feature_detected!("avx2").then_some(Avx2(()))
    }
}

/// Bit `k` set when `block[k]` is in `S`: with AVX2 when `avx2` is
/// given, else with SSE2.
#[inline]
pub(crate) fn mask<S: ByteSet>(block: &[u8; 64], avx2: Option<Avx2>) -> u64 {
    match avx2 {
        // SAFETY: an `Avx2` is made only where the processor has AVX2.
        Some(_) => unsafe { mask_avx2::<S>(block) },
        None => mask_sse2::<S>(block),
    }
}

/// [`mask`] with SSE2, 16 bytes a step.
#[inline]
pub(crate) fn mask_sse2<S: ByteSet>(block: &[u8; 64]) -> u64 {
    let mut m = 0u64;
    for q in 0..4 {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the unaligned
        // load reads bytes 16q..16q + 16 of a 64-byte array (q < 4).
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * q).cast::<__m128i>());
            let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
            let any = S::BYTES[1..]
                .iter()
                .fold(eq(S::BYTES[0]), |any, &c| _mm_or_si128(any, eq(c)));
            m |= u64::from(_mm_movemask_epi8(any) as u16) << (16 * q);
        }
    }
    m
}

/// [`mask`] with AVX2, 32 bytes a step.
///
/// # Safety
///
/// The processor must have AVX2.
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn mask_avx2<S: ByteSet>(block: &[u8; 64]) -> u64 {
    let mut m = 0u64;
    for h in 0..2 {
        // SAFETY: an unaligned load of bytes 32h..32h + 32 of a 64-byte
        // array (h < 2).
        let v = unsafe { _mm256_loadu_si256(block.as_ptr().add(32 * h).cast::<__m256i>()) };
        let eq = |c: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c as i8));
        let any = S::BYTES[1..]
            .iter()
            .fold(eq(S::BYTES[0]), |any, &c| _mm256_or_si256(any, eq(c)));
        m |= u64::from(_mm256_movemask_epi8(any) as u32) << (32 * h);
    }
    m
}

/// Checks both searches of `S` against a byte-by-byte reading, on every
/// byte value at every position of a block (the AVX2 one where the
/// processor has it); `pattern` gives the block's other bytes.
#[cfg(test)]
pub(crate) fn check_set<S: ByteSet>(pattern: &[u8]) {
    let simple = |block: &[u8; 64]| {
        (0..64).fold(0u64, |m, k| {
            m | u64::from(S::BYTES.contains(&block[k])) << k
        })
    };
    let avx2 = Avx2::detect();
    crate::text::each_block_variant(pattern, |block| {
        let want = simple(block);
        assert_eq!(mask_sse2::<S>(block), want, "SSE2 {block:?}");
        if avx2.is_some() {
            assert_eq!(mask::<S>(block, avx2), want, "AVX2 {block:?}");
        }
    });
}
