//! Word lists and phrase lists, as data.
//!
//! Each list is a plain text file in `src/lexicon/`, compiled in with
//! `include_str!` and parsed once. One entry a line:
//!
//! ```text
//! phrase :: example sentence in fixture markup
//! ```
//!
//! Lines starting with `#` are comments. Every example is checked by one test
//! (`tests/lexicon_examples.rs`): it strips the markup, analyses the sentence
//! and compares the whole re-annotated text, so an entry cannot be added
//! untested. Adding a phrase is a one-line change.

use std::cmp::Ordering;
use std::sync::LazyLock;

/// One line of a lexicon file.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The phrase, as written in the file (matching is ASCII case-insensitive
    /// except where a list says otherwise).
    pub phrase: &'static str,
    /// An example sentence in fixture markup that shows the entry at work.
    pub example: &'static str,
    /// The file the entry comes from, for error messages.
    pub file: &'static str,
    /// Line number in that file, 1-based.
    pub line: usize,
}

/// A lexicon file: its name and its parsed entries.
pub struct Lexicon {
    pub file: &'static str,
    pub entries: Vec<Entry>,
}

impl Lexicon {
    fn parse(file: &'static str, source: &'static str) -> Self {
        let entries = source
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(i, l)| {
                let (phrase, example) = l.split_once(" :: ").unwrap_or((l, ""));
                Entry {
                    phrase: phrase.trim(),
                    example: example.trim(),
                    file,
                    line: i + 1,
                }
            })
            .collect();
        Self { file, entries }
    }

    pub fn phrases(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.phrase)
    }

    fn word_list(&self) -> WordList {
        WordList::new(self.phrases())
    }
}

macro_rules! lexicon {
    ($name:ident, $file:literal) => {
        pub static $name: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::parse($file, include_str!(concat!("lexicon/", $file))));
    };
}

lexicon!(HEDGES, "hedges.txt");
lexicon!(REPORTING_VERBS, "reporting_verbs.txt");
lexicon!(BELIEF_VERBS, "belief_verbs.txt");
lexicon!(VAGUE_GROUPS, "vague_groups.txt");
lexicon!(VAGUE_PHRASES, "vague_phrases.txt");
lexicon!(ANONYMOUS_SOURCES, "anonymous_sources.txt");
lexicon!(ANONYMITY_CLAUSES, "anonymity_clauses.txt");
lexicon!(INSTITUTIONS, "institutions.txt");
lexicon!(ROLES, "roles.txt");
lexicon!(TITLES, "titles.txt");
lexicon!(ABBREVIATIONS, "abbreviations.txt");

/// Every lexicon, for the test that checks each entry's example.
pub fn all() -> [&'static Lexicon; 11] {
    [
        &HEDGES,
        &REPORTING_VERBS,
        &BELIEF_VERBS,
        &VAGUE_GROUPS,
        &VAGUE_PHRASES,
        &ANONYMOUS_SOURCES,
        &ANONYMITY_CLAUSES,
        &INSTITUTIONS,
        &ROLES,
        &TITLES,
        &ABBREVIATIONS,
    ]
}

/// A sorted set of words, looked up ASCII-case-insensitively in an
/// open-addressed hash table (FNV-1a over the lowercased bytes, a quarter
/// full at most): one hash of the word and usually one comparison, where a
/// binary search made several case-folding comparisons. No allocation per
/// lookup.
pub struct WordList {
    words: Vec<&'static str>,
    /// Index + 1 into `words`; 0 is an empty slot. A power of two long.
    slots: Vec<u32>,
    /// The longest word's length: longer words are not looked up.
    longest: usize,
}

/// Orders two words as their ASCII-lowercased forms would order.
fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    let a = a.bytes().map(|c| c.to_ascii_lowercase());
    let b = b.bytes().map(|c| c.to_ascii_lowercase());
    a.cmp(b)
}

impl WordList {
    pub fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let mut words: Vec<&'static str> = words.collect();
        words.sort_by(|a, b| cmp_ignore_ascii_case(a, b));
        words.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        for (i, w) in words.iter().enumerate() {
            let mut at = word_hash(w.as_bytes()) as usize & (size - 1);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        WordList {
            words,
            slots,
            longest,
        }
    }

    /// Parses a word file: one word a line; `#` starts a comment.
    fn parse(source: &'static str) -> Self {
        Self::new(
            source
                .lines()
                .map(|l| l.split_once('#').map_or(l, |(w, _)| w).trim())
                .filter(|w| !w.is_empty()),
        )
    }

    /// Is `word` in the list, ignoring ASCII case?
    pub fn contains(&self, word: &str) -> bool {
        if word.len() > self.longest {
            return false;
        }
        let word = word.as_bytes();
        let mask = self.slots.len() - 1;
        let mut at = word_hash(word) as usize & mask;
        loop {
            match self.slots[at] {
                0 => return false,
                i => {
                    if self.words[i as usize - 1]
                        .as_bytes()
                        .eq_ignore_ascii_case(word)
                    {
                        return true;
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }
}

/// Single-word sets of the lexicons, for the source classifier.
pub struct WordSets {
    pub vague_groups: WordList,
    pub anonymous_heads: WordList,
    pub institutions: WordList,
    pub roles: WordList,
    pub titles: WordList,
}

pub static WORDS: LazyLock<WordSets> = LazyLock::new(|| WordSets {
    vague_groups: VAGUE_GROUPS.word_list(),
    anonymous_heads: ANONYMOUS_SOURCES.word_list(),
    institutions: INSTITUTIONS.word_list(),
    roles: ROLES.word_list(),
    titles: TITLES.word_list(),
});

/// Is `word` (the text before a full stop, without it) an abbreviation after
/// which a sentence goes on? Case-sensitive: "No." is, "no." is not.
pub fn is_abbreviation(word: &str) -> bool {
    static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v: Vec<&'static str> = ABBREVIATIONS.phrases().collect();
        v.sort_unstable();
        v
    });
    SORTED.binary_search(&word).is_ok()
}

/// Closed-class word lists (function words, pronouns, prepositions…) that
/// the source finder reads: plain files in `src/lexicon/words/`, one word a
/// line, each file headed by what the list is for. Unlike the lexicons they
/// carry no example sentence: a preposition on its own proves nothing.
pub mod words {
    use super::WordList;
    use std::sync::LazyLock;

    macro_rules! word_list {
        ($name:ident, $file:literal) => {
            pub static $name: LazyLock<WordList> =
                LazyLock::new(|| WordList::parse(include_str!(concat!("lexicon/words/", $file))));
        };
    }

    word_list!(BEFORE_PASSIVE, "before_passive.txt");
    word_list!(BETWEEN, "between.txt");
    word_list!(BOUNDARY, "boundary.txt");
    word_list!(CLAUSE_END, "clause_end.txt");
    word_list!(DETERMINERS, "determiners.txt");
    word_list!(DISCOURSE, "discourse.txt");
    word_list!(FORWARD_STOP, "forward_stop.txt");
    word_list!(INSIDER, "insider.txt");
    word_list!(NAME_JOINERS, "name_joiners.txt");
    word_list!(NEGATIONS, "negations.txt");
    word_list!(NOT_NAMES, "not_names.txt");
    word_list!(NOUNISH_OPENERS, "nounish_openers.txt");
    word_list!(NUMBERS, "numbers.txt");
    word_list!(POSTMODIFIERS, "postmodifiers.txt");
    word_list!(PREPOSITIONS, "prepositions.txt");
    word_list!(PRONOUNS, "pronouns.txt");
    word_list!(QUANTIFIERS, "quantifiers.txt");
    word_list!(SPEECH, "speech.txt");
    word_list!(TITLE_ROLES, "title_roles.txt");
}

/// Phrase lists matched as whole words, each leftmost-longest on its own,
/// ASCII case-insensitively, in one pass over the text. The lexicons'
/// phrases are ASCII words joined by single spaces, so a match that can be a
/// whole word starts where a run of letters starts: the pass jumps from one
/// such start to the next on bit masks and looks the run up in a small hash
/// table; only the phrases that begin with that word are compared.
///
/// Like the automata it replaces (one per list, each run over every byte),
/// a match that is not a whole word (a phrase running into a following
/// letter) is still reported, and that list's search resumes after it;
/// callers drop it with `is_whole_word`. A phrase starting inside a word
/// ("many would argue" in "Germany would argue") is not reported: it could
/// never be a whole word.
pub struct PhraseMatcher {
    /// (list, index in the list, phrase) by id.
    phrases: Vec<(usize, usize, &'static str)>,
    lists: usize,
    /// Open-addressed by the hash of a lowercased first word: (first word,
    /// ids of the phrases starting with it, longest first).
    slots: Vec<Option<(&'static str, Vec<u32>)>>,
}

/// A match: start and end byte offsets, and the phrase's index in its list.
pub type PhraseMatch = (usize, usize, usize);

/// FNV-1a over ASCII-lowercased bytes.
#[inline]
fn word_hash(word: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in word {
        h = (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
    }
    h
}

impl PhraseMatcher {
    /// `lists` of phrases in priority order: when two phrases of a list are
    /// equal ignoring case, the first wins, as with aho-corasick's
    /// leftmost-longest.
    pub fn new(lists: Vec<Vec<&'static str>>) -> Self {
        let n = lists.len();
        let phrases: Vec<(usize, usize, &'static str)> = lists
            .into_iter()
            .enumerate()
            .flat_map(|(l, ps)| ps.into_iter().enumerate().map(move |(i, p)| (l, i, p)))
            .collect();
        let size = (phrases.len() * 4).next_power_of_two().max(16);
        let mut slots: Vec<Option<(&'static str, Vec<u32>)>> = vec![None; size];
        for (id, &(list, _, p)) in phrases.iter().enumerate() {
            assert!(
                p.split(' ')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic())),
                "a phrase is ASCII words joined by single spaces: {p:?}"
            );
            let first = p.split(' ').next().unwrap_or(p);
            let mut i = word_hash(first.as_bytes()) as usize & (size - 1);
            loop {
                match &mut slots[i] {
                    Some((w, ids)) if w.eq_ignore_ascii_case(first) => {
                        let dup = ids.iter().any(|&j| {
                            let (l, _, q) = phrases[j as usize];
                            l == list && q.eq_ignore_ascii_case(p)
                        });
                        if !dup {
                            ids.push(id as u32);
                        }
                        break;
                    }
                    Some(_) => i = (i + 1) & (size - 1),
                    None => {
                        slots[i] = Some((first, vec![id as u32]));
                        break;
                    }
                }
            }
        }
        for (_, ids) in slots.iter_mut().flatten() {
            // Stable: equal lengths keep their order.
            ids.sort_by_key(|&j| std::cmp::Reverse(phrases[j as usize].2.len()));
        }
        PhraseMatcher {
            phrases,
            lists: n,
            slots,
        }
    }

    /// The phrases starting with the first word `word`, longest first.
    #[inline]
    fn starting_with(&self, word: &[u8]) -> &[u32] {
        let mask = self.slots.len() - 1;
        let mut i = word_hash(word) as usize & mask;
        while let Some((w, ids)) = &self.slots[i] {
            if w.as_bytes().eq_ignore_ascii_case(word) {
                return ids;
            }
            i = (i + 1) & mask;
        }
        &[]
    }

    /// Every match in `text`, left to right, for each list.
    pub fn find_all(&self, text: &str) -> Vec<Vec<PhraseMatch>> {
        let bytes = text.as_bytes();
        let mut out: Vec<Vec<PhraseMatch>> = vec![Vec::new(); self.lists];
        // Where each list's search resumes.
        let mut next = vec![0usize; self.lists];
        crate::text::for_each_letter_start(text, |start| {
            let end = start
                + bytes[start..]
                    .iter()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(bytes.len() - start);
            let rest = &bytes[start..];
            for &id in self.starting_with(&bytes[start..end]) {
                let (list, index, p) = self.phrases[id as usize];
                let p = p.as_bytes();
                if next[list] <= start
                    && rest.len() >= p.len()
                    && rest[..p.len()].eq_ignore_ascii_case(p)
                {
                    next[list] = start + p.len();
                    out[list].push((start, start + p.len(), index));
                }
            }
            // The next start is after this run of letters, or after the end
            // of the match every list is still inside.
            next.iter().copied().min().unwrap_or(0).max(end)
        });
        out
    }
}

/// Every phrase of the lexicons that are matched over the whole text.
pub struct PhraseHits {
    pub hedges: Vec<PhraseMatch>,
    /// Reporting verbs, then belief verbs: indices past the reporting list
    /// are belief verbs.
    pub verbs: Vec<PhraseMatch>,
    pub vague_phrases: Vec<PhraseMatch>,
    pub anonymity_clauses: Vec<PhraseMatch>,
}

static PHRASES: LazyLock<PhraseMatcher> = LazyLock::new(|| {
    PhraseMatcher::new(vec![
        HEDGES.phrases().collect(),
        // Every inflection of the verb lexicons (see `sources::forms`).
        crate::sources::forms::verb_phrases(),
        VAGUE_PHRASES.phrases().collect(),
        ANONYMITY_CLAUSES.phrases().collect(),
    ])
});

/// Finds the phrases of the hedge, verb, vague-phrase and anonymity-clause
/// lexicons in `text`, in one pass.
pub fn find_phrases(text: &str) -> PhraseHits {
    let mut all = PHRASES.find_all(text).into_iter();
    let mut next = || all.next().unwrap_or_default();
    PhraseHits {
        hedges: next(),
        verbs: next(),
        vague_phrases: next(),
        anonymity_clauses: next(),
    }
}

#[cfg(test)]
mod tests {
    use super::{PhraseMatcher, WordList};

    #[test]
    fn phrase_matcher_is_leftmost_longest_per_list_and_starts_at_words() {
        let m = PhraseMatcher::new(vec![
            vec!["may", "may have", "MAY"],
            vec!["said", "according to", "have"],
        ]);
        let text = "It May have rained, according to Ann, who said so. Dismay. mayhem";
        let at = |s: &str| text.find(s).unwrap();
        let found = m.find_all(text);
        // "may" inside "Dismay" is never reported; "mayhem" has no phrase.
        assert_eq!(found[0], vec![(at("May"), at("May") + 8, 1)]);
        // Each list resumes on its own: "have" is found inside list 0's match.
        assert_eq!(
            found[1],
            vec![
                (at("have"), at("have") + 4, 2),
                (at("according"), at("according") + 12, 1),
                (at("said"), at("said") + 4, 0),
            ]
        );
        // A longest match that runs into a word is still reported (the
        // caller drops it) and its list resumes after it; a phrase that is
        // only the start of a word ("have" of "haves") is not.
        let found = m.find_all("may haves have");
        assert_eq!(found[0], vec![(0, 8, 1)]);
        assert_eq!(found[1], vec![(10, 14, 2)]);
    }

    #[test]
    fn word_list_ignores_ascii_case() {
        let w = WordList::new(["Police", "officials", "a"].into_iter());
        assert!(w.contains("police") && w.contains("OFFICIALS") && w.contains("A"));
        assert!(!w.contains("polic") && !w.contains("policemen") && !w.contains(""));
        assert_eq!(w.iter().collect::<Vec<_>>(), ["a", "officials", "Police"]);
    }
}
