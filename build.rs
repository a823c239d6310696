//! Puts the lexicon files (`src/lexicon/*.txt`, `src/lexicon/words/*.txt`)
//! where `include_str!` finds them: `$OUT_DIR/lexicon/`.
//!
//! For the browser build (wasm32) each copy keeps only what the engine reads:
//! comment lines become empty lines and an entry keeps its phrase without its
//! `:: example` or `# note`, so line numbers stay those of the source file.
//! The examples and notes are test data and documentation (about 9 KB of the
//! page, gzipped, which the page's size budget does not have); native builds,
//! which run the tests that read the examples, get the files unchanged.
//!
//! Beside each copy, `NAME.txt.rs`: the list's entries (a word file's
//! words; a lexicon's phrases, without their examples) sorted and
//! deduplicated ASCII-case-insensitively as a Rust array, from which
//! `lexicon::Table` builds the list's look-up tables at compile time.
//!
//! In `$OUT_DIR/derived/`, `NAME.rs`: the same array for each list made of
//! other lists ([`DERIVED`]), which the source finder otherwise builds at
//! its first use (as the page still does); and `verb_forms.rs`, the
//! source finder's verb forms (`sources::forms::VERB_FORMS`) made by the
//! inflection rules of `src/sources/inflection.rs`, included here, with
//! the two lists made of them, `verb_words.rs` and `subject_ends.rs`.

use std::path::Path;
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/sources/inflection.rs"]
mod inflection;

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir).join("lexicon");
    let slim = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    for (from, to, words) in [
        ("src/lexicon", out.clone(), false),
        ("src/lexicon/words", out.join("words"), true),
    ] {
        println!("cargo:rerun-if-changed={from}");
        fs::create_dir_all(&to).expect("a writable OUT_DIR");
        let mut files: Vec<_> = fs::read_dir(from)
            .expect("the lexicon folder")
            .map(|e| e.expect("a lexicon folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("a UTF-8 lexicon file");
            let text = if slim { slim_lines(&text) } else { text };
            let name = path.file_name().expect("a file name").to_string_lossy();
            let entries = if words {
                word_entries(&text)
            } else {
                lexicon_entries(&text)
            };
            fs::write(to.join(format!("{name}.rs")), sorted_array(entries))
                .expect("a writable OUT_DIR");
            if !words {
                fs::write(to.join(format!("{name}.spans.rs")), entry_spans(&text))
                    .expect("a writable OUT_DIR");
            }
            fs::write(to.join(&*name), text).expect("a writable OUT_DIR");
        }
    }
    let derived = Path::new(&out_dir).join("derived");
    fs::create_dir_all(&derived).expect("a writable OUT_DIR");
    for (name, parts) in DERIVED {
        let texts: Vec<(String, Part)> = parts
            .iter()
            .map(|&part| {
                let file = match part {
                    Part::All(f) | Part::LastWords(f) | Part::Without(f) => f,
                };
                let path = Path::new("src/lexicon").join(file);
                (
                    fs::read_to_string(&path).expect("a UTF-8 lexicon file"),
                    part,
                )
            })
            .collect();
        let mut entries = Vec::new();
        for (text, part) in &texts {
            match part {
                Part::All(f) if f.starts_with("words/") => entries.extend(word_entries(text)),
                Part::All(_) => entries.extend(lexicon_entries(text)),
                Part::LastWords(_) => entries.extend(
                    word_entries(text)
                        .into_iter()
                        .filter_map(|e| e.rsplit(' ').next()),
                ),
                Part::Without(_) => {
                    let out = lexicon_entries(text);
                    entries.retain(|e| !out.iter().any(|o| o.eq_ignore_ascii_case(e)));
                }
            }
        }
        fs::write(derived.join(format!("{name}.rs")), sorted_array(entries))
            .expect("a writable OUT_DIR");
    }
    verb_forms(&derived);
    head_lists(&derived);
    cold_code_apart(Path::new(&out_dir));
}

/// The command's linker script (see [`cold_code_apart`]): one output
/// section, before `.text`, for the code a run over an article without a
/// teacher's rules never reaches. Patterns name each function's section
/// (`.text.` and its mangled name): the crates a teacher's rules use, the
/// report formats other than JSON, the one-thread JSON's two-thread twin,
/// `Debug` output, panics and their backtraces (the standard library's
/// symboliser and its crates, under their v0 names, where a crate's own
/// name is followed by a path: a name ending in one is a generic function
/// only instantiated there, which other code may share), float formatting
/// and I/O errors. A function the
/// LLVM optimiser marked cold is in a `.text.unlikely.` section, which the
/// `_R` patterns never match: some of them (a vector's `grow_one`, shared
/// by identical copies under one name) do run.
const COLD_CODE_SCRIPT: &str = "\
SECTIONS
{
  .text.cold :
  {
    *(.text._ZN12aho_corasick*)
    *(.text._ZN*_$LT$aho_corasick*)
    *(.text._ZN10regex_lite*)
    *(.text._ZN*_$LT$regex_lite*)
    *(.text._ZN11sourcelight6custom*)
    *(.text._ZN*_$LT$sourcelight..custom*)
    *(.text._ZN11sourcelight6report4html*)
    *(.text._ZN11sourcelight6report4ansi*)
    *(.text._ZN11sourcelight6report8csv*)
    *(.text._ZN11sourcelight6report9csv*)
    *(.text._ZN11sourcelight6report15escape_terminal*)
    *(.text._ZN11sourcelight6report12summary_text*)
    *(.text.*write_analysis_json_on_two_threads*)
    *(.text.*core..fmt..Debug$GT$*)
    *(.text.*3std9panicking*)
    *(.text.*core9panicking*)
    *(.text.*3std2io5error*)
    *(.text.*io..error..Error*)
    *(.text.*float_to_decimal*)
    *(.text.*float_to_exponential*)
    *(.text.*8flt2dec*)
    *(.text.*4core3fmt5float*)
    *(.text._R*12backtrace_rs*)
    *(.text._R*_5gimli?*)
    *(.text._R*_9addr2line?*)
    *(.text._R*_14rustc_demangle?*)
    *(.text._R*_11miniz_oxide?*)
  }
}
INSERT BEFORE .text;
";

/// Links the command line (Linux with glibc only) with [`COLD_CODE_SCRIPT`],
/// which puts the code it does not run on an article apart from the code it
/// does. The kernel maps a program's code 64 KiB around each page it first
/// runs (fault-around), and the linker lays functions out as the compiler
/// wrote them, the teacher's-rules engine, the HTML report and panic
/// machinery among the analysis: at 10 MB of news the run touched 231 of
/// the 345 pages of code but had 1,300 KiB of the 1,380 mapped. With the
/// cold code (about 410 KB) in a section of its own, before the rest, its
/// pages are not mapped unless it runs: the peak at 10 MB about 280 KiB
/// lower. Nothing else changes: the same functions, the same instructions.
///
/// Both linkers the toolchain uses on Linux read the script (LLD, the
/// default from Rust 1.90, and GNU ld, before it); with another linker
/// named in the build's flags or configuration it is left out, and a
/// pattern that matches nothing (a renamed module) only leaves that code
/// where it was.
fn cold_code_apart(out_dir: &Path) {
    let target = |key| env::var(key).unwrap_or_default();
    let flags = target("CARGO_ENCODED_RUSTFLAGS");
    if target("CARGO_CFG_TARGET_OS") != "linux"
        || target("CARGO_CFG_TARGET_ENV") != "gnu"
        || env::var_os("RUSTC_LINKER").is_some()
        || flags.contains("fuse-ld")
        || flags.contains("linker")
    {
        return;
    }
    let script = out_dir.join("cold-code.ld");
    fs::write(&script, COLD_CODE_SCRIPT).expect("a writable OUT_DIR");
    println!(
        "cargo:rustc-link-arg-bin=sourcelight=-Wl,-T,{}",
        script.display()
    );
}

/// The lists a subject phrase's head is looked up in, each with its bit
/// (`sources::classify`'s `listed` bits, in the same order): the
/// documents (with their plurals, see [`head_lists`]), the anonymous
/// sources, the institutions, the vague groups, the roles and the
/// records.
const HEAD_LISTS: &[(&str, u8)] = &[
    ("words/documents.txt", 1),
    ("anonymous_sources.txt", 2),
    ("institutions.txt", 4),
    ("vague_groups.txt", 8),
    ("roles.txt", 16),
    ("words/records.txt", 32),
];

/// Writes `head_lists.rs` in `derived`, the words of [`HEAD_LISTS`] as a
/// [`sorted_array`] (with each document's plurals as
/// `sources::is_document` reads them: "reports", and "studies" of a
/// lower-case "study"), and beside it `head_lists.tags.rs`, each word's
/// bits in the same order (those of every list it is in, ASCII case
/// aside); a test (`head_lists_are_the_lists`) checks them against the
/// lists' own look-ups.
fn head_lists(derived: &Path) {
    let mut entries: Vec<(String, u8)> = Vec::new();
    for &(file, bit) in HEAD_LISTS {
        let text =
            fs::read_to_string(Path::new("src/lexicon").join(file)).expect("a UTF-8 lexicon file");
        let words = if file.starts_with("words/") {
            word_entries(&text)
        } else {
            lexicon_entries(&text)
        };
        for w in words {
            entries.push((w.to_string(), bit));
            if bit == 1 {
                entries.push((format!("{w}s"), bit));
                if let Some(stem) = w.strip_suffix('y') {
                    if !stem.bytes().any(|b| b.is_ascii_uppercase()) {
                        entries.push((format!("{stem}ies"), bit));
                    }
                }
            }
        }
    }
    let words = sorted(entries.iter().map(|(w, _)| w.as_str()).collect());
    let mut tags = String::from("[\n");
    for word in &words {
        let bits = entries
            .iter()
            .filter(|(w, _)| w.eq_ignore_ascii_case(word))
            .fold(0, |bits, (_, bit)| bits | bit);
        tags.push_str(&format!("    {bits},\n"));
    }
    tags.push_str("]\n");
    fs::write(derived.join("head_lists.rs"), array(&words)).expect("a writable OUT_DIR");
    fs::write(derived.join("head_lists.tags.rs"), tags).expect("a writable OUT_DIR");
}

/// Writes `verb_forms.rs`, `verb_words.rs` and `subject_ends.rs` in
/// `derived` (see the file's doc): the forms as a Rust array of
/// `VerbForm`s, the lists as [`sorted_array`]s, each from the recipe of
/// its declaration in `src/sources/` (the forms' own test and each list's
/// `is_its_recipe` check they are the same).
fn verb_forms(derived: &Path) {
    println!("cargo:rerun-if-changed=src/sources/inflection.rs");
    let read = |file: &str| -> &'static str {
        let path = Path::new("src/lexicon").join(file);
        fs::read_to_string(path)
            .expect("a UTF-8 lexicon file")
            .leak()
    };
    let listed: Vec<(&'static str, bool)> = lexicon_entries(read("reporting_verbs.txt"))
        .into_iter()
        .map(|p| (p, true))
        .chain(
            lexicon_entries(read("belief_verbs.txt"))
                .into_iter()
                .map(|p| (p, false)),
        )
        .collect();
    let speech_nouns: std::collections::HashSet<String> =
        word_entries(read("words/speech_nouns.txt"))
            .into_iter()
            .map(str::to_ascii_lowercase)
            .collect();
    let irregular: inflection::Irregular<std::collections::hash_map::RandomState> =
        inflection::Irregular::new(read("words/irregular_verbs.txt"));
    let forms = irregular.verb_forms(
        &listed,
        |form| speech_nouns.contains(&form.to_ascii_lowercase()),
        |s| s.leak(),
    );
    let mut out = String::from("[\n");
    for f in &forms {
        out.push_str(&format!(
            "    VerbForm {{ form: {:?}, tense: Tense::{:?}, reporting: {}, entry: {:?}, \
             lemma: {:?}, after_document: {}, noun_of_saying: {}, naming: {} }},\n",
            f.form,
            f.tense,
            f.reporting,
            f.entry,
            f.lemma,
            f.after_document,
            f.noun_of_saying,
            f.naming
        ));
    }
    out.push_str("]\n");
    fs::write(derived.join("verb_forms.rs"), out).expect("a writable OUT_DIR");
    let verb_words: Vec<&str> = forms
        .iter()
        .filter(|f| f.is_verb_word())
        .map(|f| f.form)
        .collect();
    let subject_ends = word_entries(read("words/boundary.txt"))
        .into_iter()
        .chain(
            verb_words
                .iter()
                .copied()
                .filter(|w| !w.eq_ignore_ascii_case("asked")),
        )
        .collect();
    fs::write(derived.join("verb_words.rs"), sorted_array(verb_words)).expect("a writable OUT_DIR");
    fs::write(derived.join("subject_ends.rs"), sorted_array(subject_ends))
        .expect("a writable OUT_DIR");
}

/// What a list made of other lists takes from one of them (a file under
/// `src/lexicon/`).
#[derive(Clone, Copy)]
enum Part {
    /// Every entry.
    All(&'static str),
    /// Each entry's last word.
    LastWords(&'static str),
    /// None of a lexicon's entries (ASCII case aside): taken away from
    /// the parts before.
    Without(&'static str),
}

/// The lists made of other lists, by the name `lexicon::derived_word_list`
/// reads, in the order of the recipe each one's declaration gives for the
/// page (the first spelling kept of words equal but for case); a test for
/// each (`is_its_recipe`) checks the list built from this array against
/// the one its recipe builds.
const DERIVED: &[(&str, &[Part])] = &[
    (
        "common_nouns",
        &[
            Part::All("vague_groups.txt"),
            Part::All("anonymous_sources.txt"),
            Part::All("institutions.txt"),
            Part::All("words/documents.txt"),
            Part::All("words/records.txt"),
        ],
    ),
    (
        "no_role_words",
        &[
            Part::All("words/determiners.txt"),
            Part::All("words/prepositions.txt"),
            Part::All("words/not_names.txt"),
            Part::All("words/between.txt"),
            Part::All("words/boundary.txt"),
            Part::All("words/pronouns.txt"),
            Part::All("words/forward_stop.txt"),
        ],
    ),
    (
        "verb_adverbs",
        &[
            Part::All("words/trailing_adverbs.txt"),
            Part::All("words/between.txt"),
        ],
    ),
    ("say_frame_ends", &[Part::LastWords("words/say_frames.txt")]),
    (
        "name_labels_and_parties",
        &[
            Part::All("words/name_labels.txt"),
            Part::All("words/parties.txt"),
        ],
    ),
    (
        "untitled_not_names",
        &[
            Part::All("words/not_names.txt"),
            Part::Without("titles.txt"),
        ],
    ),
];

/// Each line without its comment or example; a comment line left empty.
fn slim_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 3);
    for line in text.lines() {
        let entry = if line.trim_start().starts_with('#') {
            ""
        } else {
            let phrase = line.split_once(" :: ").map_or(line, |(p, _)| p);
            phrase.split_once('#').map_or(phrase, |(p, _)| p).trim_end()
        };
        out.push_str(entry);
        out.push('\n');
    }
    out
}

/// A word file's words, as `WordList::parse` reads them: one a line, `#`
/// starting a comment.
fn word_entries(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.split('#').next().unwrap_or_default().trim_ascii())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A lexicon's phrases, as `Lexicon::parse` reads them: each line that is
/// not empty or a comment, up to its first ` :: `.
fn lexicon_entries(text: &str) -> Vec<&str> {
    text.split('\n')
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split_once(" :: ").map_or(l, |(p, _)| p).trim())
        .collect()
}

/// Where each entry of a lexicon lies in its text, as `Lexicon::parse`
/// reads it (each line that is not empty or a comment; its phrase up to
/// the first ` :: `, its example after it, both trimmed), as a Rust array
/// of `[phrase start, phrase end, example start, example end, line]`: the
/// native build makes its entries from these, with no parse.
fn entry_spans(text: &str) -> String {
    let at = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    let mut out = String::from("[\n");
    for (i, l) in text.split('\n').enumerate() {
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let (phrase, example) = l.split_once(" :: ").unwrap_or((l, ""));
        let (phrase, example) = (phrase.trim(), example.trim());
        let example_at = if example.is_empty() { 0 } else { at(example) };
        out.push_str(&format!(
            "    [{}, {}, {}, {}, {}],\n",
            at(phrase),
            at(phrase) + phrase.len(),
            example_at,
            example_at + example.len(),
            i + 1
        ));
    }
    out.push_str("]\n");
    out
}

/// `entries` in `WordList::new`'s order (a stable sort on the lowercased
/// bytes, the first spelling kept of those equal but for ASCII case) as
/// a Rust array expression.
fn sorted_array(entries: Vec<&str>) -> String {
    array(&sorted(entries))
}

/// `entries` in `WordList::new`'s order ([`sorted_array`]).
fn sorted(mut entries: Vec<&str>) -> Vec<&str> {
    entries.sort_by_key(|e| e.to_ascii_lowercase());
    entries.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    entries
}

/// `words` as a Rust array expression.
fn array(words: &[&str]) -> String {
    let mut out = String::from("[\n");
    for e in words {
        out.push_str(&format!("    {e:?},\n"));
    }
    out.push_str("]\n");
    out
}
