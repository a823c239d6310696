//! Every lexicon entry carries an example sentence in fixture markup; this one
//! test checks them all, so no entry can be added untested.

mod common;

use common::reannotate;
use sourcelight::lexicon;

#[test]
fn every_lexicon_example_is_marked_exactly_as_written() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for lex in lexicon::all() {
        for e in &lex.entries {
            assert!(
                !e.example.is_empty(),
                "{}:{}: `{}` has no example",
                e.file,
                e.line,
                e.phrase
            );
            let (expected, got) = reannotate(e.example, false);
            if got != expected {
                failures.push(format!(
                    "{}:{} `{}`\n  want: {expected}\n  got:  {got}",
                    e.file, e.line, e.phrase
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} lexicon entries found");
    assert!(
        failures.is_empty(),
        "{} of {checked} lexicon examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_example_uses_its_own_phrase() {
    for lex in lexicon::all() {
        for e in &lex.entries {
            let plain = sourcelight::markup::parse(e.example)
                .expect("example markup parses")
                .text
                .to_lowercase();
            let phrase = e.phrase.to_lowercase();
            assert!(
                plain.contains(&phrase),
                "{}:{}: the example for `{}` does not contain it",
                e.file,
                e.line,
                e.phrase
            );
        }
    }
}

/// An example proves its entry only if the entry is what marks it: with the
/// phrase swapped for a word no list knows, the marks (kinds and rules) must
/// change. Otherwise the example would still pass with the line deleted, and
/// the entry would be untested.
#[test]
fn every_example_depends_on_its_own_entry() {
    let mut failures = Vec::new();
    for lex in lexicon::all() {
        for e in &lex.entries {
            let plain = sourcelight::markup::parse(e.example)
                .expect("example markup parses")
                .text;
            let without = replace_phrase(&plain, e.phrase);
            let marks = |t: &str| -> Vec<(sourcelight::Kind, String)> {
                sourcelight::analyze(t)
                    .marks
                    .into_iter()
                    .map(|m| (m.kind, m.rule_id.render()))
                    .collect()
            };
            if marks(&plain) == marks(&without) {
                failures.push(format!(
                    "{}:{} `{}`: marked the same without it: {without}",
                    e.file, e.line, e.phrase
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} examples do not depend on their entry:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `text` with every whole-word, ASCII-case-insensitive occurrence of
/// `phrase` replaced by a nonsense word of the same capitalisation.
fn replace_phrase(text: &str, phrase: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let needle = phrase.to_ascii_lowercase();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find(&needle) {
        let start = at + found;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        out.push_str(&text[at..start]);
        if is_word(before) || is_word(after) {
            out.push_str(&text[start..end]);
        } else if text[start..].starts_with(|c: char| c.is_uppercase()) {
            out.push_str("Zzq");
        } else {
            out.push_str("zzq");
        }
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// The lexicons as the engine reads them, one entry a line with what its
/// example comes out as, compared with `tests/fixtures/snapshots/lexicon.txt`.
/// A deleted entry takes its example with it, so the checks above cannot see
/// it go; this snapshot does. `BLESS=1` rewrites it for review.
#[test]
fn every_lexicon_entry_is_in_the_snapshot() {
    let mut have = String::new();
    for lex in lexicon::all() {
        for e in &lex.entries {
            let plain = sourcelight::markup::parse(e.example)
                .expect("example markup parses")
                .text;
            let got = sourcelight::markup::annotate(
                &plain,
                &sourcelight::markup::expected_from(&plain),
                true,
            );
            have.push_str(&format!("{}: {} :: {got}\n", e.file, e.phrase));
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/snapshots/lexicon.txt");
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != have && common::bless() {
        std::fs::write(&path, &have).unwrap();
        return;
    }
    assert!(
        want == have,
        "the lexicons changed (want / got; BLESS=1 rewrites the snapshot for review):\n{}",
        common::diff_lines(&want, &have)
    );
}
