//! Puts the lexicon files (`src/lexicon/*.txt`, `src/lexicon/words/*.txt`)
//! where `include_str!` finds them: `$OUT_DIR/lexicon/`.
//!
//! For the browser build (wasm32) each copy keeps only what the engine reads:
//! comment lines become empty lines and an entry keeps its phrase without its
//! `:: example` or `# note`, so line numbers stay those of the source file.
//! The examples and notes are test data and documentation (about 9 KB of the
//! page, gzipped, which the page's size budget does not have); native builds,
//! which run the tests that read the examples, get the files unchanged.

use std::path::Path;
use std::{env, fs};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    let slim = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    println!("cargo:rerun-if-changed=build.rs");
    for (from, to) in [
        ("src/lexicon", out.clone()),
        ("src/lexicon/words", out.join("words")),
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
            fs::write(to.join(path.file_name().expect("a file name")), text)
                .expect("a writable OUT_DIR");
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
