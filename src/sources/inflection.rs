//! The inflection rules of the verb lexicons (see `forms`): the lemma of a
//! listed form, the forms of a lemma, and every form the verb finder
//! matches. Nothing here reads the rest of the crate: `build.rs` includes
//! this file too, to write the native build's verb forms and the word lists
//! made of them at compile time; the page builds them at first use from the
//! same rules.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// A form of a verb of naming ([`is_naming`]), read once here so the
    /// per-match code compares no lemma.
    pub naming: bool,
}

/// Verbs of naming, which attribute only a quotation naming their object
/// ("Okafor called the plan “reckless”"; see `sources::verbs`).
pub fn is_naming(lemma: &str) -> bool {
    matches!(lemma, "call" | "brand" | "label" | "dub" | "term")
}

impl VerbForm {
    /// Is this form one of the one-word verbs that end a subject and that
    /// the source finder's `VERB_WORDS` lists? An -ing form is often a
    /// noun or adjective inside the subject ("people familiar with her
    /// thinking say"): not a boundary. The forms of "speak" but "spoke"
    /// attribute only before "of", "about" or "out" (see `attribution`)
    /// and are as often part of a subject: "several people I have spoken
    /// with said".
    pub fn is_verb_word(&self) -> bool {
        self.tense != Tense::Ing
            && !self.after_document
            && (self.lemma != "speak" || self.form == "spoke")
            && !self.form.contains(' ')
    }
}

/// The irregular verbs of `irregular_verbs.txt`, one line each (base form
/// first, `!` and `?` marks as written), indexed by form with the marks
/// trimmed: scanning every line for each form read was most of the cost of
/// building the verb forms. `S` hashes the index.
pub struct Irregular<S> {
    pub lines: Vec<Vec<&'static str>>,
    /// Per form, the first line listing it.
    line_of: HashMap<&'static str, usize, S>,
    /// Per base form, the first line it opens.
    line_opened_by: HashMap<&'static str, usize, S>,
}

impl<S: BuildHasher + Default> Irregular<S> {
    /// The lines of `text` (`irregular_verbs.txt`), indexed.
    pub fn new(text: &'static str) -> Self {
        let lines: Vec<Vec<&'static str>> = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default().trim())
            .filter(|l| !l.is_empty())
            .map(|l| l.split_whitespace().collect())
            .collect();
        // Sized once: grown insert by insert, the two maps were rehashed a
        // dozen times (some 24K instructions of every process's start-up).
        let forms = lines.iter().map(Vec::len).sum();
        let mut line_of = HashMap::with_capacity_and_hasher(forms, S::default());
        let mut line_opened_by = HashMap::with_capacity_and_hasher(lines.len(), S::default());
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
    }

    /// The base form of a one-word verb form.
    pub fn lemma(&self, form: &str) -> String {
        if let Some(&i) = self.line_of.get(form) {
            return self.lines[i][0].trim_start_matches(['!', '?']).to_string();
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

    /// Every form of the verb whose base form is `base` (see [`Form`]).
    pub fn forms_of<'a>(&'a self, base: &'a str) -> Vec<Form<'a>> {
        if let Some(&i) = self.line_opened_by.get(base) {
            return self.lines[i]
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

    /// Every form matched as a verb, listed entries first (in the order of
    /// `listed`: each entry's phrase and whether it is a verb of saying),
    /// then the generated forms. `is_speech_noun` says whether a form is a
    /// noun of saying too; `keep` makes a new string last as long as the
    /// list (the crate leaks it: the list lasts as long as the process).
    pub fn verb_forms(
        &self,
        listed: &[(&'static str, bool)],
        is_speech_noun: impl Fn(&str) -> bool,
        keep: impl Fn(String) -> &'static str,
    ) -> Vec<VerbForm> {
        // About four forms a listed verb; the forms already kept are
        // borrowed rather than copied, where a copy of every form was a
        // third of building the list.
        let mut out: Vec<VerbForm> = Vec::with_capacity(listed.len() * 4);
        let mut seen: HashSet<Cow<'static, str>, S> =
            HashSet::with_capacity_and_hasher(listed.len() * 4, S::default());
        let mut lemmas: HashMap<String, &'static str, S> =
            HashMap::with_capacity_and_hasher(listed.len(), S::default());
        let marked: Vec<&str> = self
            .lines
            .iter()
            .flatten()
            .filter_map(|f| f.strip_prefix('?'))
            .collect();
        let after_document = |form: &str| marked.contains(&form);
        let mut lemma_of = |form: &str| -> &'static str {
            let l = self.lemma(form);
            match lemmas.get(&l) {
                Some(&kept) => kept,
                None => {
                    let kept = keep(l.clone());
                    lemmas.insert(l, kept);
                    kept
                }
            }
        };
        // The lemma and forms of each one-word entry, generated once: for
        // the entry's own tense in the first pass and for its forms in the
        // second.
        let mut generated: Vec<Option<(&'static str, Vec<Form>)>> =
            Vec::with_capacity(listed.len());
        for &(phrase, reporting) in listed {
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
                let forms = self.forms_of(lemma);
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
                noun_of_saying: is_speech_noun(phrase),
                naming: is_naming(lemma),
            });
        }
        // Each form is spelled out here, and kept (in a string of its own)
        // only when it is new: most forms of a listed verb are listed too.
        let mut spelled = String::new();
        for (&(phrase, reporting), generated) in listed.iter().zip(generated) {
            // "pointed out" → "points out", "point out", "pointing out": a
            // phrase whose first word is a past form is inflected on that
            // word.
            let (head, rest) = match phrase.split_once(' ') {
                Some((first, rest)) if first.ends_with("ed") => (first, Some(rest)),
                Some(_) => continue,
                None => (phrase, None),
            };
            let (lemma, forms) = generated.unwrap_or_else(|| {
                let lemma = lemma_of(head);
                (lemma, self.forms_of(lemma))
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
                    let form = keep(spelled.clone());
                    seen.insert(Cow::Borrowed(form));
                    out.push(VerbForm {
                        lemma,
                        form,
                        tense,
                        reporting,
                        entry: phrase,
                        after_document: after_document(form),
                        noun_of_saying: is_speech_noun(form),
                        naming: is_naming(lemma),
                    });
                }
            }
        }
        out
    }
}

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

/// One form of a verb as a stem and an ending ("argu" + "ing"), with its
/// tense: a form already kept is recognised without being spelled out in
/// a string of its own.
pub type Form<'a> = (&'a str, &'static str, Tense);

/// Is `word` the form `stem` + `ending`?
fn spells(word: &str, stem: &str, ending: &str) -> bool {
    word.len() == stem.len() + ending.len() && word.starts_with(stem) && word.ends_with(ending)
}

/// `stem` followed by `ending`, in one allocation of the right size
/// (`format!` cost several times as much, most of building the forms).
pub fn joined(stem: &str, ending: &str) -> String {
    let mut s = String::with_capacity(stem.len() + ending.len());
    s.push_str(stem);
    s.push_str(ending);
    s
}
