//! Inflections of the verb lexicons: every form of each verb listed in
//! `lexicon/reporting_verbs.txt` or `lexicon/belief_verbs.txt`.
//!
//! A lexicon line lists one form ("warned"); the verb attributes in all its
//! forms ("warns", "warn", "warning"). Rather than list each form by hand,
//! the lemma of each listed word is found by suffix rules and its forms are
//! generated from the lemma; verbs the rules get wrong are data, one line
//! each, in `lexicon/words/irregular_verbs.txt` ("say says said saying").
//! Multi-word entries ("according to", "pointed out") are matched as
//! written.
//!
//! The forms of one verb share the lexicon line that listed it (its
//! example), so the line's example proves them all; a form listed on a line
//! of its own keeps that line.
//!
//! The rules themselves are in `inflection`, which `build.rs` includes too.

use super::inflection::Irregular;
pub use super::inflection::{Tense, VerbForm};
use crate::hash::BuildWordHash;
use crate::lexicon::words::SPEECH_NOUNS;
use crate::lexicon::{BELIEF_VERBS, REPORTING_VERBS};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The irregular verbs of `irregular_verbs.txt`, indexed (natively read
/// only by the tests: the forms are made at compile time there). Its
/// maps, and those of making the forms, are only looked up: a word hash.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
static IRREGULAR: LazyLock<Irregular<BuildWordHash>> = LazyLock::new(|| {
    Irregular::new(include_str!(concat!(
        env!("OUT_DIR"),
        "/lexicon/words/irregular_verbs.txt"
    )))
});

/// The base form of a one-word verb form.
#[cfg(test)]
pub fn lemma(form: &str) -> String {
    IRREGULAR.lemma(form)
}

/// The forms of one verb, each with its tense.
#[cfg(test)]
type Paradigm = Vec<(String, Tense)>;

/// Every form of the verb whose base form is `base`, with its tense.
#[cfg(test)]
pub fn paradigm(base: &str) -> Paradigm {
    IRREGULAR
        .forms_of(base)
        .into_iter()
        .map(|(stem, ending, tense)| (super::inflection::joined(stem, ending), tense))
        .collect()
}

/// Every form matched as a verb, listed entries first (in lexicon order,
/// reporting then belief), then the generated forms. The phrase matcher
/// reports an index into this list. Made at compile time natively (by
/// `build.rs`, from the same rules: some 130K instructions of every
/// process's start-up); the page makes it at first use.
#[cfg(not(target_arch = "wasm32"))]
pub static VERB_FORMS: &[VerbForm] = &include!(concat!(env!("OUT_DIR"), "/derived/verb_forms.rs"));
/// Every form matched as a verb (see the native build's).
#[cfg(target_arch = "wasm32")]
pub static VERB_FORMS: LazyLock<Vec<VerbForm>> = LazyLock::new(verb_forms_by_rules);

/// The verb forms made by the rules of `inflection` from the verb
/// lexicons, in the order `VERB_FORMS` lists them.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn verb_forms_by_rules() -> Vec<VerbForm> {
    let listed: Vec<(&'static str, bool)> = REPORTING_VERBS
        .entries
        .iter()
        .map(|e| (e.phrase, true))
        .chain(BELIEF_VERBS.entries.iter().map(|e| (e.phrase, false)))
        .collect();
    IRREGULAR.verb_forms(
        &listed,
        |form| SPEECH_NOUNS.contains(form),
        |s| Box::leak(s.into_boxed_str()),
    )
}

/// The phrases the verb list of the phrase matcher holds, in the order of
/// [`VERB_FORMS`].
pub fn verb_phrases() -> Vec<&'static str> {
    VERB_FORMS.iter().map(|f| f.form).collect()
}

/// The past form of the verb whose base form is `lemma` ("insisted" for
/// "insist"), if one is matched; read only for a verb chain ("continues to
/// insist"), so a scan of the list is fine.
pub fn past_of(lemma: &str) -> Option<&'static str> {
    VERB_FORMS
        .iter()
        .find(|f| f.lemma == lemma && f.tense == Tense::Past)
        .map(|f| f.form)
}

/// The form `word` (lowercase), if it is one. The index is looked up for
/// most verb matches: by the word hash ([`BuildWordHash`], a word's first
/// and last eight bytes read as two integers), as short keys hash much
/// faster that way than with the default SipHash, or FNV-1a's byte by
/// byte.
pub fn form_of(word: &str) -> Option<&'static VerbForm> {
    static INDEX: LazyLock<HashMap<&'static str, usize, BuildWordHash>> = LazyLock::new(|| {
        VERB_FORMS
            .iter()
            .enumerate()
            .map(|(i, f)| (f.form, i))
            .collect()
    });
    INDEX.get(word).map(|&i| &VERB_FORMS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_forms_made_at_compile_time_are_the_rules_forms() {
        assert_eq!(VERB_FORMS.to_vec(), verb_forms_by_rules());
    }

    #[test]
    fn a_form_found_by_the_phrase_search_is_the_one_looked_up_by_its_text() {
        // `verbs::finish` reads the tense and lemma of the form the phrase
        // search found (by its index) where it looked the form up by its
        // text: a form listed twice (in both verb lexicons) must agree.
        for f in VERB_FORMS.iter() {
            let looked_up = form_of(f.form).expect("every form is indexed");
            assert_eq!(
                (looked_up.tense, looked_up.lemma),
                (f.tense, f.lemma),
                "{}",
                f.form
            );
        }
    }

    #[test]
    fn lemmas_of_the_listed_forms() {
        for (form, base) in [
            ("said", "say"),
            ("noted", "note"),
            ("warned", "warn"),
            ("argued", "argue"),
            ("stated", "state"),
            ("urged", "urge"),
            ("promised", "promise"),
            ("announced", "announce"),
            ("emphasised", "emphasise"),
            ("emphasized", "emphasize"),
            ("stressed", "stress"),
            ("admitted", "admit"),
            ("denied", "deny"),
            ("testified", "testify"),
            ("conceded", "concede"),
            ("cautioned", "caution"),
            ("revealed", "reveal"),
            ("explained", "explain"),
            ("estimated", "estimate"),
            ("disclosed", "disclose"),
            ("accuses", "accuse"),
            ("described", "describe"),
            ("recalled", "recall"),
            ("complained", "complain"),
            ("acknowledged", "acknowledge"),
            ("pledged", "pledge"),
            ("countered", "counter"),
            ("signalled", "signal"),
            ("asked", "ask"),
        ] {
            assert_eq!(lemma(form), base, "{form}");
        }
    }

    #[test]
    fn forms_of_a_regular_verb() {
        let forms: Vec<String> = paradigm("argue").into_iter().map(|(f, _)| f).collect();
        assert_eq!(forms, ["argue", "argues", "argued", "arguing"]);
        let forms: Vec<String> = paradigm("deny").into_iter().map(|(f, _)| f).collect();
        assert_eq!(forms, ["deny", "denies", "denied", "denying"]);
    }
}
