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

use std::collections::HashSet;
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

    fn word_set(&self) -> HashSet<String> {
        self.phrases().map(|p| p.to_ascii_lowercase()).collect()
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

/// Lowercase single-word sets for the source classifier.
pub struct WordSets {
    pub vague_groups: HashSet<String>,
    pub anonymous_heads: HashSet<String>,
    pub institutions: HashSet<String>,
    pub roles: HashSet<String>,
    pub titles: HashSet<String>,
}

pub static WORDS: LazyLock<WordSets> = LazyLock::new(|| WordSets {
    vague_groups: VAGUE_GROUPS.word_set(),
    anonymous_heads: ANONYMOUS_SOURCES.word_set(),
    institutions: INSTITUTIONS.word_set(),
    roles: ROLES.word_set(),
    titles: TITLES.word_set(),
});

static ABBREVIATION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.phrases().collect());

/// Is `word` (the text before a full stop, without it) an abbreviation after
/// which a sentence goes on? Case-sensitive: "No." is, "no." is not.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATION_SET.contains(word)
}
