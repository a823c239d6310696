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

use std::path::Path;
use std::{env, fs};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    let slim = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    println!("cargo:rerun-if-changed=build.rs");
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
            fs::write(to.join(&*name), text).expect("a writable OUT_DIR");
        }
    }
}

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

/// `entries` in `WordList::new`'s order (a stable sort on the lowercased
/// bytes, the first spelling kept of those equal but for ASCII case) as
/// a Rust array expression.
fn sorted_array(mut entries: Vec<&str>) -> String {
    entries.sort_by_key(|e| e.to_ascii_lowercase());
    entries.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut out = String::from("[\n");
    for e in entries {
        out.push_str(&format!("    {e:?},\n"));
    }
    out.push_str("]\n");
    out
}
