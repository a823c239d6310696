//! A teacher's own phrases and patterns: "a person briefed on" is an
//! anonymous source in this class, whatever the word lists say.
//!
//! The format (documented for teachers in `docs/custom-rules.md`) is the
//! lexicon files' one entry a line, with the kind in front:
//!
//! ```text
//! # Lines starting with # are comments; blank lines are skipped.
//! anonymous: a person briefed on :: Briefed by whom? The reader cannot tell.
//! hedge: allegedly
//! vague: /some (residents|parents) (say|said)/ :: Which residents?
//! ```
//!
//! - `KIND:` is `named`, `anonymous`, `vague` or `hedge` (quotes are found by
//!   their punctuation, so there is no custom quote).
//! - A plain phrase matches case-insensitively (ASCII letters) and only as
//!   whole words: "may" is not found in "mayor". Runs of spaces in it count
//!   as one space, as in the article Sourcelight reads.
//! - `/…/` is a regular expression (the `regex-lite` crate's syntax, which is
//!   the `regex` crate's), matched case-insensitively, also only where it
//!   starts and ends on whole words. Matching takes time linear in the
//!   article whatever the pattern, and a pattern that would compile to more
//!   than [`PATTERN_SIZE_LIMIT`] bytes is refused.
//!
//! Decision: a pattern folds the case of ASCII letters only, as a plain
//! phrase does, and `\w`, `\d`, `\s` and `\b` are the ASCII classes
//! (`regex-lite`'s; the full `regex` crate's Unicode tables and lazy DFA
//! were a quarter of the page's download). A class's rules are English
//! phrases, where the two agree; a pattern for "Émile" in any case spells
//! both capitals out: `/[Éé]mile/`.
//! - `:: explanation` is optional; it is shown with the mark.
//!
//! No custom mark crosses a paragraph. How custom marks meet Sourcelight's
//! own is decided in [`crate::analysis`]: quotes win (they are certain), and
//! otherwise the teacher's rule wins over a built-in source or hedge mark it
//! collides with; see `docs/custom-rules.md`.

use crate::mark::{Kind, RuleId};
use crate::span::ByteSpan;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_lite::{Regex, RegexBuilder};
use std::fmt;

/// The most rules one list may hold.
pub const MAX_RULES: usize = 500;
/// The most bytes one line may hold.
pub const MAX_LINE: usize = 1000;
/// The compiled size limit of one pattern, in bytes (`RegexBuilder::size_limit`).
///
/// Matching costs up to the pattern's size times the article's length. At
/// this limit the slowest pattern tried, `(?:[a-z ]{0,50}){1,10}q` (49 KB
/// compiled: thousands of ways to be part-way through a match at every
/// letter), takes 4.1 s on 1 MB of news natively; the `regex` crate this
/// replaced took 4.8 s on it at its own limit. Patterns a class writes
/// (`some (residents|parents) (say|said)`, 1.8 KB) take 0.03 s.
pub const PATTERN_SIZE_LIMIT: usize = 64 * 1024;

/// Why a list of rules was refused. `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomRulesError {
    pub line: usize,
    pub kind: CustomRulesErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CustomRulesErrorKind {
    /// No `KIND:` in front.
    MissingKind,
    /// A kind that is not named, anonymous, vague or hedge.
    UnknownKind(String),
    /// `quote:`: quotes are found by their punctuation.
    QuoteKind,
    /// Nothing after the kind (or an empty `//`).
    EmptyPhrase,
    /// The pattern is not a valid regular expression; `regex-lite`'s message.
    BadPattern(String),
    /// The pattern compiles to more than [`PATTERN_SIZE_LIMIT`] bytes.
    PatternTooLarge,
    /// The line is longer than [`MAX_LINE`] bytes.
    LineTooLong,
    /// More than [`MAX_RULES`] rules.
    TooManyRules,
}

impl fmt::Display for CustomRulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl fmt::Display for CustomRulesErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingKind => f.write_str(
                "start the line with a kind and a colon: named:, anonymous:, vague: or hedge:",
            ),
            Self::UnknownKind(k) => write!(
                f,
                "unknown kind `{k}`: use named, anonymous, vague or hedge"
            ),
            Self::QuoteKind => f.write_str(
                "quotes are found by their quotation marks; a rule can add named, anonymous, vague or hedge",
            ),
            Self::EmptyPhrase => f.write_str("no phrase or pattern after the kind"),
            Self::BadPattern(m) => write!(f, "the pattern is not valid: {m}"),
            Self::PatternTooLarge => {
                f.write_str("the pattern is too large; split it into smaller ones")
            }
            Self::LineTooLong => {
                write!(f, "the line is longer than {MAX_LINE} characters")
            }
            Self::TooManyRules => write!(f, "more than {MAX_RULES} rules"),
        }
    }
}

impl std::error::Error for CustomRulesError {}

/// One rule as written.
#[derive(Clone, Debug)]
pub struct CustomRule {
    pub kind: Kind,
    /// The line it is on, from 1; its rule id is `custom/{kind}/{line}`.
    pub line: u32,
    /// The phrase, or the pattern without its slashes.
    pub phrase: String,
    pub pattern: bool,
    /// The teacher's explanation, if any.
    pub why: Option<String>,
}

/// A parsed list of rules, ready to match.
#[derive(Clone, Debug, Default)]
pub struct CustomRules {
    rules: Vec<CustomRule>,
    /// All plain phrases, leftmost-longest; pattern ids index `phrase_rules`.
    phrases: Option<AhoCorasick>,
    phrase_rules: Vec<usize>,
    patterns: Vec<(usize, Regex)>,
}

/// A custom mark found in the (normalised) article.
#[derive(Clone, Debug)]
pub struct CustomMatch {
    pub kind: Kind,
    pub span: ByteSpan,
    pub rule: RuleId,
    pub why: String,
}

impl CustomRules {
    /// No rules at all: [`crate::analyze`] uses this.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Parses a list in the format above. The first bad line is reported.
    pub fn parse(source: &str) -> Result<Self, CustomRulesError> {
        let mut rules = Vec::new();
        let mut phrases = Vec::new();
        let mut phrase_rules = Vec::new();
        let mut patterns = Vec::new();
        for (i, raw) in source.lines().enumerate() {
            let line = i + 1;
            let err = |kind| CustomRulesError { line, kind };
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if l.len() > MAX_LINE {
                return Err(err(CustomRulesErrorKind::LineTooLong));
            }
            if rules.len() == MAX_RULES {
                return Err(err(CustomRulesErrorKind::TooManyRules));
            }
            let (kind, rest) = l
                .split_once(':')
                .ok_or(err(CustomRulesErrorKind::MissingKind))?;
            let kind = kind.trim().to_ascii_lowercase();
            let kind = match Kind::parse(&kind) {
                Some(Kind::Quote) => return Err(err(CustomRulesErrorKind::QuoteKind)),
                Some(k) => k,
                None if kind.is_empty() || kind.contains(' ') => {
                    return Err(err(CustomRulesErrorKind::MissingKind))
                }
                None => return Err(err(CustomRulesErrorKind::UnknownKind(kind))),
            };
            let rest = rest.trim();
            let (phrase, why) = if let Some(body) = rest.strip_prefix('/') {
                // A pattern may hold "::"; it ends at the last "/" that is
                // followed by nothing or by "::".
                let end = body
                    .rmatch_indices('/')
                    .map(|(j, _)| j)
                    .find(|&j| {
                        let after = body[j + 1..].trim_start();
                        after.is_empty() || after.starts_with("::")
                    })
                    .ok_or(err(CustomRulesErrorKind::BadPattern(
                        "it has no closing /".to_string(),
                    )))?;
                let why = body[end + 1..].trim_start().strip_prefix("::");
                (body[..end].to_string(), why)
            } else {
                match rest.split_once("::") {
                    Some((p, w)) => (p.to_string(), Some(w)),
                    None => (rest.to_string(), None),
                }
            };
            let pattern = rest.starts_with('/');
            let phrase = if pattern {
                phrase
            } else {
                phrase.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            if phrase.is_empty() {
                return Err(err(CustomRulesErrorKind::EmptyPhrase));
            }
            let why = why.map(str::trim).filter(|w| !w.is_empty());
            let index = rules.len();
            if pattern {
                let re = RegexBuilder::new(&phrase)
                    .case_insensitive(true)
                    .size_limit(PATTERN_SIZE_LIMIT)
                    .build()
                    .map_err(|e| err(pattern_error(&e)))?;
                patterns.push((index, re));
            } else {
                phrases.push(phrase.clone());
                phrase_rules.push(index);
            }
            rules.push(CustomRule {
                kind,
                line: line as u32,
                phrase,
                pattern,
                why: why.map(str::to_string),
            });
        }
        let phrases = if phrases.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&phrases)
                    .map_err(|e| CustomRulesError {
                        line: 0,
                        kind: CustomRulesErrorKind::BadPattern(e.to_string()),
                    })?,
            )
        };
        Ok(Self {
            rules,
            phrases,
            phrase_rules,
            patterns,
        })
    }

    pub fn rules(&self) -> &[CustomRule] {
        &self.rules
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Every whole-word match inside each paragraph of `text` (the
    /// normalised article), phrases first, in text order within each rule
    /// kind. Overlaps are left for [`crate::analysis`] to untangle.
    pub fn find(&self, text: &str, paragraphs: &[ByteSpan]) -> Vec<CustomMatch> {
        let mut out = Vec::new();
        if self.rules.is_empty() {
            return out;
        }
        for p in paragraphs {
            let para = p.slice(text);
            if let Some(ac) = &self.phrases {
                for m in ac.find_iter(para) {
                    let rule = self.phrase_rules[m.pattern().as_usize()];
                    self.push(&mut out, text, p.start(), m.start(), m.end(), rule);
                }
            }
            for (rule, re) in &self.patterns {
                for m in re.find_iter(para) {
                    self.push(&mut out, text, p.start(), m.start(), m.end(), *rule);
                }
            }
        }
        out
    }

    fn push(
        &self,
        out: &mut Vec<CustomMatch>,
        text: &str,
        base: usize,
        start: usize,
        end: usize,
        rule: usize,
    ) {
        let span = ByteSpan::new(base + start, base + end);
        if span.is_empty() || !whole_words(text, span) {
            return;
        }
        let r = &self.rules[rule];
        let words = span.slice(text);
        let why = match &r.why {
            Some(w) => format!("Custom rule (your teacher's list): {w}"),
            None => format!(
                "Custom rule (your teacher's list): “{words}” is marked as {}.",
                r.kind.as_str()
            ),
        };
        out.push(CustomMatch {
            kind: r.kind,
            span,
            rule: RuleId::Custom {
                kind: r.kind,
                line: r.line,
            },
            why,
        });
    }
}

/// What is wrong with a pattern `regex-lite` refused. Its errors are one
/// fixed sentence each, with no kind to match on: the size limit's is known
/// by its words (a test below pins them, so an upgrade that rewords it
/// fails there, not in a teacher's hands).
fn pattern_error(e: &regex_lite::Error) -> CustomRulesErrorKind {
    let message = e.to_string();
    if message.contains("size limit") {
        CustomRulesErrorKind::PatternTooLarge
    } else {
        CustomRulesErrorKind::BadPattern(message)
    }
}

/// Whether `span` starts and ends on word edges: no letter or digit just
/// outside it on either side.
fn whole_words(text: &str, span: ByteSpan) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let before = text[..span.start()].chars().next_back();
    let after = text[span.end()..].chars().next();
    let first = text[span.start()..].chars().next();
    let last = text[..span.end()].chars().next_back();
    let cuts_a_word_at_start = before.is_some_and(word) && first.is_some_and(word);
    let cuts_a_word_at_end = after.is_some_and(word) && last.is_some_and(word);
    !(cuts_a_word_at_start || cuts_a_word_at_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(src: &str) -> CustomRulesError {
        CustomRules::parse(src).unwrap_err()
    }

    #[test]
    fn good_lines() {
        let r = CustomRules::parse(
            "# a comment\n\nanonymous: a person  briefed on :: Briefed by whom?\nHedge: allegedly\nvague: /some (residents|parents) say/ :: Which ones?\nnamed: /a::b/\n",
        )
        .unwrap();
        let rules = r.rules();
        assert_eq!(rules.len(), 4);
        assert_eq!(rules[0].kind, Kind::Anonymous);
        assert_eq!(rules[0].line, 3);
        assert_eq!(rules[0].phrase, "a person briefed on");
        assert_eq!(rules[0].why.as_deref(), Some("Briefed by whom?"));
        assert_eq!(rules[1].kind, Kind::Hedge);
        assert_eq!(rules[1].why, None);
        assert!(rules[2].pattern);
        assert_eq!(rules[2].phrase, "some (residents|parents) say");
        assert_eq!(rules[2].why.as_deref(), Some("Which ones?"));
        assert_eq!(rules[3].phrase, "a::b");
    }

    #[test]
    fn every_error_kind() {
        use CustomRulesErrorKind::*;
        assert_eq!(error("\n\nno kind here").line, 3);
        assert_eq!(error("no kind here").kind, MissingKind);
        assert_eq!(error("rumour: x").kind, UnknownKind("rumour".into()));
        assert_eq!(error("quote: x").kind, QuoteKind);
        assert_eq!(error("hedge:   ").kind, EmptyPhrase);
        assert_eq!(error("hedge: // :: why").kind, EmptyPhrase);
        assert!(matches!(error("hedge: /(unclosed/").kind, BadPattern(_)));
        assert!(matches!(error("hedge: /no end").kind, BadPattern(_)));
        assert_eq!(error("hedge: /(a{1,1000}){1,1000}/").kind, PatternTooLarge);
        assert_eq!(
            error(&format!("hedge: {}", "x".repeat(MAX_LINE))).kind,
            LineTooLong
        );
        let many = "hedge: x\n".repeat(MAX_RULES + 1);
        assert_eq!(
            error(&many),
            CustomRulesError {
                line: MAX_RULES + 1,
                kind: TooManyRules
            }
        );
        let e = error("# c\nhedge: /(/");
        assert!(e
            .to_string()
            .starts_with("line 2: the pattern is not valid"));
    }

    #[test]
    fn whole_words_only_and_case_insensitive() {
        let r = CustomRules::parse("hedge: may\nvague: /some [a-z]+ say/").unwrap();
        let t = "The mayor may go. May it rain. Some parents say no.";
        let found: Vec<_> = r
            .find(t, &[ByteSpan::new(0, t.len())])
            .into_iter()
            .map(|m| m.span.slice(t).to_string())
            .collect();
        assert_eq!(found, ["may", "May", "Some parents say"]);
    }

    fn found(rules: &str, t: &str) -> Vec<String> {
        let r = CustomRules::parse(rules).unwrap();
        r.find(t, &[ByteSpan::new(0, t.len())])
            .into_iter()
            .map(|m| m.span.slice(t).to_string())
            .collect()
    }

    #[test]
    fn a_pattern_folds_ascii_letters_only_as_a_phrase_does() {
        let t = "ÉMILE and émile and Émile agreed.";
        assert_eq!(found("named: /émile/", t), ["émile"]);
        assert_eq!(found("named: /[Éé]mile/", t), ["ÉMILE", "émile", "Émile"]);
    }

    #[test]
    fn perl_classes_in_a_pattern_are_ascii() {
        // `\w` is no "é": nothing ends "René said" (a Unicode `\w` would
        // mark it whole); "Critics said" is marked.
        let t = "René said so. Critics said so.";
        assert_eq!(found(r"vague: /\w+ said/", t), ["Critics said"]);
    }

    #[test]
    fn the_size_limit_is_told_apart_from_a_bad_pattern() {
        // regex-lite's errors are sentences with no kind: `pattern_error`
        // reads the size limit's from its words, pinned here.
        use CustomRulesErrorKind::*;
        assert_eq!(
            error("hedge: /(?:[a-z ]{0,50}){1,20}q/").kind,
            PatternTooLarge
        );
        assert_eq!(
            error("hedge: /a{2,1}/").kind,
            BadPattern("found counted repetition with a min bigger than its max".into())
        );
        assert!(CustomRules::parse("hedge: /(?:[a-z ]{0,50}){1,10}q/").is_ok());
    }
}
