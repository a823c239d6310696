//! Byte tests eight at a time ("SIMD within a register"), shared by the
//! scanners: the tokeniser (`text`), the phrase search (`lexicon`), the
//! quote scan and its word count (`quotes`) and the JSON writer (`report`). Each test sets the
//! top bit of every byte of a little-endian `u64` that passes it. Also the
//! load those integers start from for a word's first bytes ([`load8`]),
//! shared by the word lists (`lexicon`) and the word hash (`hash`).

/// `0x01` in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80`, the top bit, in every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// The four bytes of `bytes` from `i` on as a little-endian integer (the
/// caller knows they are there).
/// (A `const fn`, as [`load8`], for the word lists built at compile time.)
#[inline]
pub(crate) const fn load4(bytes: &[u8], i: usize) -> u64 {
    u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as u64
}

/// The first 8 bytes of `word`, zero-padded, as a little-endian integer,
/// read as at most two overlapping loads (the word-list keys of
/// `lexicon` and the word hash of `hash`) (a copy into a buffer was a
/// `memcpy` call per lookup).
#[inline]
pub(crate) const fn load8(word: &[u8]) -> u64 {
    let n = word.len();
    match n {
        0 => 0,
        1 => word[0] as u64,
        // Overlapping loads put the shared bytes in the same places.
        2..=3 => load2(word, 0) | load2(word, n - 2) << (8 * (n - 2)),
        4..=7 => load4(word, 0) | load4(word, n - 4) << (8 * (n - 4)),
        _ => u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]),
    }
}

/// The two bytes of `bytes` from `i` on as a little-endian integer.
#[inline]
const fn load2(bytes: &[u8], i: usize) -> u64 {
    u16::from_le_bytes([bytes[i], bytes[i + 1]]) as u64
}

/// The top bit of each zero byte of `v` (the classic zero-byte test; exact
/// for whether any byte is zero, which is all its callers ask).
#[inline]
pub(crate) fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(LO) & !v & HI
}

/// The top bit of each byte of `x` equal to `b` (exact for whether any is).
#[inline]
pub(crate) fn bytes_equal(x: u64, b: u8) -> u64 {
    zero_bytes(x ^ (LO * u64::from(b)))
}

/// The top bit of each zero byte of `v`, exactly: the low seven bits plus
/// 0x7F reach the top bit unless they are all zero, and never carry into
/// the next byte (the classic [`zero_bytes`] may also mark a byte above a
/// zero one, through the borrow).
#[inline]
pub(crate) fn exact_zero_bytes(v: u64) -> u64 {
    !(((v & !HI) + !HI) | v) & HI
}

/// The top bit of each byte of `x` equal to `b`, exactly (see
/// [`exact_zero_bytes`]).
#[inline]
pub(crate) fn exact_bytes_equal(x: u64, b: u8) -> u64 {
    exact_zero_bytes(x ^ (LO * u64::from(b)))
}

/// The top bit of each byte of `x` that is an ASCII letter, either case.
#[inline]
pub(crate) fn ascii_letters(x: u64) -> u64 {
    // Per byte, on its low seven bits (no carry leaves a byte): the top bit
    // of `low + (0x80 - c)` is set when the byte is at least `c`. Setting
    // bit 5 maps A-Z onto a-z and no other byte into a-z.
    let low = (x | (LO * 0x20)) & !HI;
    let at_least_a = low + LO * u64::from(0x80 - b'a');
    let above_z = low + LO * u64::from(0x80 - b'z' - 1);
    at_least_a & !above_z & !x & HI
}

/// The top bit of each byte of `x` that is an ASCII capital (`A`-`Z`).
#[inline]
pub(crate) fn ascii_capitals(x: u64) -> u64 {
    let low = x & !HI;
    (low + LO * u64::from(0x80 - b'A')) & !(low + LO * u64::from(0x80 - b'Z' - 1)) & !x & HI
}

/// The top bit of each byte of `x` that is ASCII white space as
/// `char::is_whitespace` has it: the space and `\t` to `\r` (`\x0B`
/// included). Exact for every byte, unlike [`zero_bytes`]. (On x86_64
/// its one reader, `quotes::more_words_than`, tests 16 bytes with SSE2.)
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
pub(crate) fn ascii_spaces(x: u64) -> u64 {
    let space = exact_bytes_equal(x, b' ');
    let low = x & !HI;
    let control =
        (low + LO * u64::from(0x80 - b'\t')) & !(low + LO * u64::from(0x80 - b'\r' - 1)) & !x & HI;
    space | control
}

/// The top bit of each byte of `x` that is an ASCII digit.
#[inline]
#[cfg(test)]
pub(crate) fn ascii_digits(x: u64) -> u64 {
    let low = x & !HI;
    (low + LO * u64::from(0x80 - b'0')) & !(low + LO * u64::from(0x80 - b'9' - 1)) & !x & HI
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position, against the standard test.
    fn check(test: fn(u64) -> u64, want: fn(&u8) -> bool) {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"aZ\xff@[`{0";
                w[at] = b;
                let expected = w
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (k, c)| m | u64::from(want(c)) << (8 * k + 7));
                assert_eq!(test(u64::from_le_bytes(w)), expected, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn load8_is_the_zero_padded_first_eight_bytes() {
        let bytes: Vec<u8> = (1..=12u8).map(|b| b.wrapping_mul(37)).collect();
        for n in 0..=bytes.len() {
            let word = &bytes[..n];
            let mut b = [0u8; 8];
            let k = n.min(8);
            b[..k].copy_from_slice(&word[..k]);
            assert_eq!(load8(word), u64::from_le_bytes(b), "length {n}");
        }
    }

    #[test]
    fn ascii_letters_marks_exactly_the_ascii_letters() {
        check(ascii_letters, u8::is_ascii_alphabetic);
    }

    #[test]
    fn ascii_capitals_marks_exactly_the_ascii_capitals() {
        check(ascii_capitals, u8::is_ascii_uppercase);
    }

    #[test]
    fn ascii_spaces_marks_exactly_the_ascii_white_space_of_chars() {
        check(ascii_spaces, |&c| c < 0x80 && char::from(c).is_whitespace());
    }

    #[test]
    fn exact_bytes_equal_marks_exactly_the_equal_bytes() {
        check(|x| exact_bytes_equal(x, b'.'), |&c| c == b'.');
        check(|x| exact_bytes_equal(x, 0), |&c| c == 0);
        check(|x| exact_bytes_equal(x, 0xFF), |&c| c == 0xFF);
        check(exact_zero_bytes, |&c| c == 0);
        // Every byte beside zero bytes, dots and 0xFF (where the classic
        // test's borrow would run into the next byte).
        for b in 0..=255u8 {
            for other in [0u8, b'.', b'/', b'-', 0xFF, 0x2F, 0x2D] {
                let x = u64::from_le_bytes([other, b, other, b, b, other, other, b]);
                let want = x
                    .to_le_bytes()
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (k, &c)| m | u64::from(c == b'.') << (8 * k + 7));
                assert_eq!(exact_bytes_equal(x, b'.'), want, "{x:x}");
            }
        }
    }

    #[test]
    fn ascii_digits_marks_exactly_the_ascii_digits() {
        check(ascii_digits, u8::is_ascii_digit);
    }

    #[test]
    fn zero_bytes_finds_a_zero_byte_exactly_when_there_is_one() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"aZ\xff@[`{0";
                w[at] = b;
                let x = u64::from_le_bytes(w);
                assert_eq!(zero_bytes(x) != 0, w.contains(&0), "byte {b:#x} at {at}");
                assert_eq!(
                    bytes_equal(x, b'"') != 0,
                    w.contains(&b'"'),
                    "byte {b:#x} at {at}"
                );
            }
        }
    }
}
