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
}
