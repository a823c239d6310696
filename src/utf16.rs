//! UTF-8 byte offsets to UTF-16 code units, for JavaScript.
//!
//! JavaScript strings are indexed in UTF-16 code units, so the wasm boundary
//! converts every offset it hands out. All offsets of one analysis are
//! converted together in a single forward pass over the text (never one at a
//! time from the start, which would be quadratic).

/// Converts sorted-or-not UTF-8 byte offsets (each on a char boundary, at
/// most `text.len()`) into UTF-16 code-unit offsets.
pub struct Utf16Offsets {
    /// (byte offset, utf-16 offset), sorted by byte offset, deduplicated.
    table: Vec<(usize, usize)>,
}

impl Utf16Offsets {
    /// Builds the table for `offsets` in one pass over `text`.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> = offsets.into_iter().filter(|&o| o <= text.len()).collect();
        crate::sort::sort_unstable(&mut wanted);
        wanted.dedup();
        let bytes = text.as_bytes();
        let mut table = Vec::with_capacity(wanted.len());
        let mut units = 0;
        let mut byte = 0;
        for w in wanted {
            units += utf16_len(&bytes[byte..w]);
            byte = w;
            table.push((w, units));
        }
        Self { table }
    }

    /// The UTF-16 offset of a byte offset given to [`Utf16Offsets::new`].
    pub fn get(&self, byte: usize) -> usize {
        match self.table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.table[i].1,
            // Not registered: the nearest one below (only reachable by misuse).
            Err(i) => i.checked_sub(1).map_or(0, |j| self.table[j].1),
        }
    }
}

/// UTF-16 code units of the chars that start in `bytes`: one for every byte
/// that is not a continuation byte (0x80..=0xBF), and one more for the first
/// byte of a four-byte char (0xF0..), which takes a surrogate pair. Counted
/// from the bytes, eight at a time: a run of ASCII adds eight units per
/// eight bytes (the page's text is mostly ASCII), and a word with other
/// bytes adds up its per-byte counts (a per-byte sum cost ten instructions
/// a byte, the page's module not being vectorised at all).
fn utf16_len(bytes: &[u8]) -> usize {
    use crate::swar::{HI, LO};
    let mut words = bytes.chunks_exact(8);
    let mut units = 0;
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if x & HI == 0 {
            units += 8;
            continue;
        }
        // Per byte, in its top bit (a shift's bit carried in from the byte
        // below lands in bit 0, which `HI` drops): a byte that is not a
        // continuation byte (top bit clear, or bit 6 set), and a lead byte
        // of four (its top four bits set).
        let starts = (!x | (x << 1)) & HI;
        let fours = x & (x << 1) & (x << 2) & (x << 3) & HI;
        // At most 16 in all, so the byte sum the multiplication gathers
        // in the top byte does not overflow it.
        units += (((starts >> 7) + (fours >> 7)).wrapping_mul(LO) >> 56) as usize;
    }
    units
        + words
            .remainder()
            .iter()
            .map(|&b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
            .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_characters_count_two_units() {
        let text = "😀 “Hi,” Ana said.";
        let start = text.find('“').unwrap();
        let map = Utf16Offsets::new(text, [start, text.len()]);
        assert_eq!(map.get(start), 3);
        assert_eq!(map.get(text.len()), text.encode_utf16().count());
    }

    /// The char-by-char table this module built before.
    fn reference(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut wanted: Vec<usize> = offsets
            .iter()
            .copied()
            .filter(|&o| o <= text.len())
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        let mut units = 0;
        let mut byte = 0;
        let mut chars = text.chars();
        for w in wanted {
            while byte < w {
                let Some(c) = chars.next() else { break };
                byte += c.len_utf8();
                units += c.len_utf16();
            }
            table.push((w, units));
        }
        table
    }

    proptest::proptest! {
        #[test]
        fn the_byte_count_agrees_with_decoding(
            text in "[a\u{E9}\u{201C}\u{1F600}\n ]{0,40}|[a\u{E9}\u{201C}\u{800}\u{10000}\u{1F600}\u{10FFFF}\n ]{0,200}|[a-z ]{0,60}",
            offsets in proptest::collection::vec(0usize..1000, 0..12),
        ) {
            let offsets: Vec<usize> = offsets
                .into_iter()
                .map(|o| o % (text.len() + 2))
                .collect();
            let map = Utf16Offsets::new(&text, offsets.iter().copied());
            proptest::prop_assert_eq!(map.table, reference(&text, &offsets));
        }
    }
}
