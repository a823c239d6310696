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
