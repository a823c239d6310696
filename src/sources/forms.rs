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

use crate::hash::{FnvMap, WordSet};
use crate::lexicon::words::SPEECH_NOUNS;
use crate::lexicon::{BELIEF_VERBS, REPORTING_VERBS};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Which form of its verb a word is. Decides the grammar the verb finder
/// checks: a base form agrees only with a plural subject ("critics say"), an
/// -ing form is a participle ("…, saying").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// "say", "warn": plural present, or after a modal ("will tell").
    Base,
    /// "says", "warns".
    Third,
    /// "said", "warned", "written".
    Past,
    /// "saying", "warning".
    Ing,
    /// A multi-word entry, matched as written.
    Phrase,
}

/// One matchable form of a verb.
#[derive(Clone, Debug)]
pub struct VerbForm {
    pub form: &'static str,
    pub tense: Tense,
    /// A verb of saying (`reporting_verbs.txt`) rather than of believing.
    pub reporting: bool,
    /// The lexicon line that listed the verb, as written there.
    pub entry: &'static str,
    /// The verb's base form ("say" for "said"), read once here so the
    /// per-match code never lemmatises.
    pub lemma: &'static str,
    /// Written `?form` in `irregular_verbs.txt`: a noun more often than
    /// not ("several states"), so a verb only after a document, an
    /// organisation or "it" ("the document states") and never the end of
    /// a subject.
    pub after_document: bool,
    /// A noun of saying too (`words/speech_nouns.txt`: "claim",
    /// "promise"): read as one after a name's possessive ("Okafor's
    /// claim"). Read once here so the per-match code looks nothing up.
    pub noun_of_saying: bool,
}

/// The irregular verbs of `irregular_verbs.txt`, one line each (base form
/// first, `!` and `?` marks as written), indexed by form with the marks
/// trimmed: scanning every line for each form read was most of the cost of
/// building [`VERB_FORMS`], the largest part of start-up.
struct Irregular {
    lines: Vec<Vec<&'static str>>,
    /// Per form, the first line listing it.
    line_of: FnvMap<&'static str, usize>,
    /// Per base form, the first line it opens.
    line_opened_by: FnvMap<&'static str, usize>,
}

static IRREGULAR: LazyLock<Irregular> = LazyLock::new(|| {
    let lines: Vec<Vec<&'static str>> = include_str!(concat!(
        env!("OUT_DIR"),
        "/lexicon/words/irregular_verbs.txt"
    ))
    .lines()
    .map(|l| l.split('#').next().unwrap_or_default().trim())
    .filter(|l| !l.is_empty())
    .map(|l| l.split_whitespace().collect())
    .collect();
    // Sized once: grown insert by insert, the two maps were rehashed a
    // dozen times (some 24K instructions of every process's start-up).
    let forms = lines.iter().map(Vec::len).sum();
    let mut line_of = FnvMap::with_capacity_and_hasher(forms, Default::default());
    let mut line_opened_by = FnvMap::with_capacity_and_hasher(lines.len(), Default::default());
    for (i, line) in lines.iter().enumerate() {
        for (k, f) in line.iter().enumerate() {
            let f = f.trim_start_matches(['!', '?']);
            line_of.entry(f).or_insert(i);
            if k == 0 {
                line_opened_by.entry(f).or_insert(i);
            }
        }
    }
    Irregular {
        lines,
        line_of,
        line_opened_by,
    }
});

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Does a stem left by stripping -ed or -ing take back a silent e
/// ("not" → "note", "argu" → "argue", "announc" → "announce")?
fn needs_e(stem: &[u8]) -> bool {
    let n = stem.len();
    if n < 2 {
        return false;
    }
    let (c, p) = (stem[n - 1], stem[n - 2]);
    let pp = if n >= 3 { stem[n - 3] } else { b'a' };
    match c {
        b'u' | b'v' | b'z' | b'c' => !(c == b'c' && p == b'c'),
        b'g' => p != b'n' && p != b'g',
        b's' => is_vowel(p) && p != b'u' || p == b'u' && !is_vowel(pp),
        // A single vowel after a consonant: "stat", "conced", "describ".
        b't' | b'd' | b'b' | b'k' | b'p' | b'm' | b'r' | b'l' | b'n' => {
            is_vowel(p) && !is_vowel(pp) && !(p == b'e' && matches!(c, b'r' | b'n' | b'l' | b'm'))
        }
        _ => false,
    }
}

/// The base form of a one-word verb form.
pub fn lemma(form: &str) -> String {
    if let Some(&i) = IRREGULAR.line_of.get(form) {
        return IRREGULAR.lines[i][0]
            .trim_start_matches(['!', '?'])
            .to_string();
    }
    let strip = |n: usize| &form[..form.len() - n];
    let from_stem = |stem: &str| -> String {
        let s = stem.as_bytes();
        let n = s.len();
        if n >= 3
            && s[n - 1] == s[n - 2]
            && !is_vowel(s[n - 1])
            && !matches!(s[n - 1], b's' | b'l' | b'f' | b'z')
        {
            stem[..n - 1].to_string()
        } else if needs_e(s) {
            joined(stem, "e")
        } else {
            stem.to_string()
        }
    };
    if form.len() > 4 && (form.ends_with("ies") || form.ends_with("ied")) {
        return joined(strip(3), "y");
    }
    if form.len() > 4 && form.ends_with("ed") {
        return from_stem(strip(2));
    }
    if form.len() > 5 && form.ends_with("ing") {
        return from_stem(strip(3));
    }
    if form.len() > 3 && form.ends_with('s') && !form.ends_with("ss") {
        let es = ["sses", "shes", "ches", "xes", "zes", "oes"];
        if es.iter().any(|e| form.ends_with(e)) {
            return strip(2).to_string();
        }
        return strip(1).to_string();
    }
    form.to_string()
}

/// The forms of one verb, each with its tense.
#[cfg(test)]
type Paradigm = Vec<(String, Tense)>;

/// Every form of the verb whose base form is `base`, with its tense.
#[cfg(test)]
pub fn paradigm(base: &str) -> Paradigm {
    forms_of(base)
        .into_iter()
        .map(|(stem, ending, tense)| (joined(stem, ending), tense))
        .collect()
}

/// One form of a verb as a stem and an ending ("argu" + "ing"), with its
/// tense: a form already kept is recognised without being spelled out in
/// a string of its own.
type Form<'a> = (&'a str, &'static str, Tense);

/// Every form of the verb whose base form is `base` (see [`Form`]).
fn forms_of(base: &str) -> Vec<Form<'_>> {
    if let Some(&i) = IRREGULAR.line_opened_by.get(base) {
        return IRREGULAR.lines[i]
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.starts_with('!'))
            .map(|(i, f)| {
                let t = match i {
                    0 => Tense::Base,
                    1 => Tense::Third,
                    _ if f.ends_with("ing") => Tense::Ing,
                    _ => Tense::Past,
                };
                (f.trim_start_matches('?'), "", t)
            })
            .collect();
    }
    let b = base.as_bytes();
    let n = b.len();
    let last = b[n - 1];
    let consonant_y = last == b'y' && n >= 2 && !is_vowel(b[n - 2]);
    let stem = &base[..n - 1];
    let (third, third_ending) = if consonant_y {
        (stem, "ies")
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        (base, "es")
    } else {
        (base, "s")
    };
    let (past, past_ending) = if last == b'e' {
        (base, "d")
    } else if consonant_y {
        (stem, "ied")
    } else {
        (base, "ed")
    };
    let (ing, ing_ending) = if base.ends_with("ie") {
        (&base[..n - 2], "ying")
    } else if last == b'e' && !["ee", "ye", "oe"].iter().any(|e| base.ends_with(e)) {
        (stem, "ing")
    } else {
        (base, "ing")
    };
    vec![
        (base, "", Tense::Base),
        (third, third_ending, Tense::Third),
        (past, past_ending, Tense::Past),
        (ing, ing_ending, Tense::Ing),
    ]
}

/// Is `word` the form `stem` + `ending`?
fn spells(word: &str, stem: &str, ending: &str) -> bool {
    word.len() == stem.len() + ending.len() && word.starts_with(stem) && word.ends_with(ending)
}

/// `stem` followed by `ending`, in one allocation of the right size
/// (`format!` cost several times as much, most of building the forms).
fn joined(stem: &str, ending: &str) -> String {
    let mut s = String::with_capacity(stem.len() + ending.len());
    s.push_str(stem);
    s.push_str(ending);
    s
}

/// Every form matched as a verb, listed entries first (in lexicon order,
/// reporting then belief), then the generated forms. The phrase matcher
/// reports an index into this list.
pub static VERB_FORMS: LazyLock<Vec<VerbForm>> = LazyLock::new(|| {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let listed = REPORTING_VERBS
        .entries
        .iter()
        .map(|e| (e.phrase, true))
        .chain(BELIEF_VERBS.entries.iter().map(|e| (e.phrase, false)));
    let listed_count = REPORTING_VERBS.entries.len() + BELIEF_VERBS.entries.len();
    // About four forms a listed verb; a word hash, and the forms already
    // kept are borrowed rather than copied, where SipHash and a copy of
    // every form were a third of building the list.
    let mut out: Vec<VerbForm> = Vec::with_capacity(listed_count * 4);
    let mut seen: WordSet<Cow<'static, str>> =
        WordSet::with_capacity_and_hasher(listed_count * 4, Default::default());
    let mut lemmas: FnvMap<String, &'static str> =
        FnvMap::with_capacity_and_hasher(listed_count, Default::default());
    let marked: Vec<&str> = IRREGULAR
        .lines
        .iter()
        .flatten()
        .filter_map(|f| f.strip_prefix('?'))
        .collect();
    let after_document = |form: &str| marked.contains(&form);
    let mut lemma_of = |form: &str| -> &'static str {
        let l = lemma(form);
        match lemmas.get(&l) {
            Some(&kept) => kept,
            None => {
                let kept = leak(l.clone());
                lemmas.insert(l, kept);
                kept
            }
        }
    };
    // The lemma and forms of each one-word entry, generated once: for the
    // entry's own tense in the first pass and for its forms in the second.
    let mut generated: Vec<Option<(&'static str, Vec<Form>)>> = Vec::with_capacity(listed_count);
    for (phrase, reporting) in listed.clone() {
        seen.insert(if phrase.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(phrase.to_ascii_lowercase())
        } else {
            Cow::Borrowed(phrase)
        });
        let (lemma, tense) = if phrase.contains(' ') {
            generated.push(None);
            (phrase, Tense::Phrase)
        } else {
            let lemma = lemma_of(phrase);
            let forms = forms_of(lemma);
            // The tense of a form listed on its own line, as the rules
            // read it: its place among its lemma's forms.
            let tense = forms
                .iter()
                .find(|&&(stem, ending, _)| spells(phrase, stem, ending))
                .map_or(Tense::Base, |&(_, _, t)| t);
            generated.push(Some((lemma, forms)));
            (lemma, tense)
        };
        out.push(VerbForm {
            lemma,
            form: phrase,
            tense,
            reporting,
            entry: phrase,
            after_document: after_document(phrase),
            noun_of_saying: SPEECH_NOUNS.contains(phrase),
        });
    }
    // Each form is spelled out here, and kept (in a string of its own)
    // only when it is new: most forms of a listed verb are listed too.
    let mut spelled = String::new();
    for ((phrase, reporting), generated) in listed.zip(generated) {
        // "pointed out" → "points out", "point out", "pointing out": a
        // phrase whose first word is a past form is inflected on that word.
        let (head, rest) = match phrase.split_once(' ') {
            Some((first, rest)) if first.ends_with("ed") => (first, Some(rest)),
            Some(_) => continue,
            None => (phrase, None),
        };
        let (lemma, forms) = generated.unwrap_or_else(|| {
            let lemma = lemma_of(head);
            (lemma, forms_of(lemma))
        });
        for (stem, ending, tense) in forms {
            spelled.clear();
            spelled.push_str(stem);
            spelled.push_str(ending);
            if let Some(rest) = rest {
                spelled.push(' ');
                spelled.push_str(rest);
            }
            if !seen.contains(spelled.as_str()) {
                let form = leak(spelled.clone());
                seen.insert(Cow::Borrowed(form));
                let after_document = after_document(form);
                let noun_of_saying = SPEECH_NOUNS.contains(form);
                out.push(VerbForm {
                    lemma,
                    form,
                    tense,
                    reporting,
                    entry: phrase,
                    after_document,
                    noun_of_saying,
                });
            }
        }
    }
    out
});

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
/// most verb matches: FNV-1a ([`FnvMap`]), as short keys hash much faster
/// that way than with the default SipHash.
pub fn form_of(word: &str) -> Option<&'static VerbForm> {
    static INDEX: LazyLock<FnvMap<&'static str, usize>> = LazyLock::new(|| {
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
