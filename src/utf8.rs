//! A fast check that bytes are UTF-8, for reading an article: the
//! command line's input, and the benchmark example's file.

/// `String::from_utf8(bytes)`, with [`is_utf8`] as its check: the
/// standard check runs only on bytes that are not UTF-8, to find where.
pub fn string_from_utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if is_utf8(&bytes) {
        // SAFETY: `is_utf8` held, and the property test
        // `is_utf8_agrees_with_the_standard_check` holds it to
        // `std::str::from_utf8` on every kind of byte string.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// Whether `bytes` are UTF-8, as `std::str::from_utf8` answers. A block of
/// 64 bytes is one test of its bytes' top bits when it is ASCII, as most of
/// news is; in the others, each non-ASCII char is read where its bit is:
/// the chars news is made of beyond ASCII (of two bytes, and of three such
/// as curly quotes and dashes) here, any other char, or a lead byte with
/// wrong bytes after it, by the standard check. The standard check alone
/// cost 1.4 instructions a byte of news: its ASCII steps are two words,
/// and each of its non-ASCII chars more.
pub fn is_utf8(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let mut i = 0;
    while let Some(block) = bytes.get(i..i + 64) {
        let mut high = top_bits_64(block.try_into().unwrap_or(&[0; 64]));
        let mut next = i + 64;
        while high != 0 {
            let at = i + high.trailing_zeros() as usize;
            let Some(width) = char_width(bytes, at) else {
                return false;
            };
            let done = at + width - i;
            if done >= 64 {
                // The char ends in (or at the end of) the next block.
                next = i + done;
                break;
            }
            high &= u64::MAX << done;
        }
        i = next;
    }
    while i < n {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let Some(width) = char_width(bytes, i) else {
            return false;
        };
        i += width;
    }
    true
}

/// How many bytes from `at` (a byte that is no ASCII) are whole UTF-8
/// chars: one char's, or up to four bytes' of chars; `None` when no char
/// starts there. (Always inlined: as a call it was a third of the check's
/// instructions on news.)
#[inline(always)]
fn char_width(bytes: &[u8], at: usize) -> Option<usize> {
    let cont = |k: usize| bytes.get(at + k).is_some_and(|&b| b & 0xC0 == 0x80);
    match bytes[at] {
        0xC2..=0xDF if cont(1) => Some(2),
        // Three bytes, the second any continuation byte: not E0 (whose
        // second must be at least A0) nor ED (no surrogates).
        0xE1..=0xEC | 0xEE | 0xEF if cont(1) && cont(2) => Some(3),
        _ => other_char_width(bytes, at),
    }
}

/// [`char_width`] by the standard check, out of line: a char is at most
/// four bytes, so the whole chars of the next four.
#[inline(never)]
fn other_char_width(bytes: &[u8], at: usize) -> Option<usize> {
    let head = &bytes[at..bytes.len().min(at + 4)];
    let valid = match std::str::from_utf8(head) {
        Ok(_) => head.len(),
        Err(e) => e.valid_up_to(),
    };
    (valid > 0).then_some(valid)
}

/// The top bit of each of the 64 bytes, as bits 0 to 63 (by SSE2, which
/// every x86_64 processor has, 16 bytes a step).
#[inline]
fn top_bits_64(block: &[u8; 64]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8};
        let mut bits = 0;
        for k in 0..4 {
            // SAFETY: SSE2 is part of the x86_64 baseline; the load reads
            // bytes `16 * k..16 * k + 16` of `block`, unaligned.
            let m = unsafe {
                _mm_movemask_epi8(_mm_loadu_si128(
                    block.as_ptr().add(16 * k).cast::<__m128i>(),
                ))
            };
            bits |= u64::from(m as u16) << (16 * k);
        }
        bits
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut bits = 0;
        for (k, &b) in block.iter().enumerate() {
            bits |= u64::from(b >> 7) << k;
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::is_utf8;
    use proptest::prelude::*;

    /// Byte strings near UTF-8: whole chars of every length, lone and
    /// wrong continuation bytes, overlong and surrogate forms, cut chars.
    fn near_utf8() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b"a".to_vec()),
            Just(b"plain ASCII words, ".to_vec()),
            Just("\u{e9}".as_bytes().to_vec()),
            Just("\u{a0}".as_bytes().to_vec()),
            Just("\u{2019}".as_bytes().to_vec()),
            Just("\u{201c}".as_bytes().to_vec()),
            Just("\u{800}".as_bytes().to_vec()),
            Just("\u{d7ff}".as_bytes().to_vec()),
            Just("\u{e000}".as_bytes().to_vec()),
            Just("\u{ffff}".as_bytes().to_vec()),
            Just("\u{10000}".as_bytes().to_vec()),
            Just("\u{10ffff}".as_bytes().to_vec()),
            Just(vec![0xED, 0xA0, 0x80]),
            Just(vec![0xE0, 0x80, 0x80]),
            Just(vec![0xC0, 0xAF]),
            Just(vec![0xF4, 0x90, 0x80, 0x80]),
            Just(vec![0xE2, 0x80]),
            any::<u8>().prop_map(|b| vec![b]),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn is_utf8_agrees_with_the_standard_check(bytes in near_utf8()) {
            prop_assert_eq!(is_utf8(&bytes), std::str::from_utf8(&bytes).is_ok());
        }

        #[test]
        fn is_utf8_agrees_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(is_utf8(&bytes), std::str::from_utf8(&bytes).is_ok());
        }
    }

    #[test]
    fn is_utf8_reads_every_char_at_every_offset() {
        for c in [
            'a',
            '\u{7f}',
            '\u{80}',
            '\u{7ff}',
            '\u{800}',
            '\u{2019}',
            '\u{ffff}',
            '\u{10000}',
        ] {
            for pad in 0..140 {
                let mut s = "x".repeat(pad);
                s.push(c);
                let b = s.as_bytes();
                assert!(is_utf8(b), "{c:?} after {pad}");
                // Cut before its last byte: no longer UTF-8 (ASCII aside).
                if c.len_utf8() > 1 {
                    assert!(!is_utf8(&b[..b.len() - 1]), "{c:?} cut after {pad}");
                }
            }
        }
    }
}
