//! Helpers shared by the integration tests: they read like the guideline.

#![allow(dead_code)]

use sourcelight::markup::{self, annotate, expected_from, Expected};
use std::path::{Path, PathBuf};

/// The analysis of the plain text of `marked`, written back as markup
/// (speakers included when `with_speakers`).
pub fn reannotate(marked: &str, with_speakers: bool) -> (String, String) {
    let parsed = markup::parse(marked).unwrap_or_else(|e| panic!("bad markup in {marked:?}: {e}"));
    let got = expected_from(&parsed.text);
    let expected = if with_speakers {
        marked.to_string()
    } else {
        annotate(&parsed.text, &parsed.marks, false)
    };
    (expected, annotate(&parsed.text, &got, with_speakers))
}

/// Asserts that Sourcelight marks `marked`'s plain text exactly as written.
#[track_caller]
pub fn assert_marks(marked: &str) {
    let (expected, got) = reannotate(marked, marked.contains('<'));
    assert_eq!(got, expected, "\nexpected: {expected}\n     got: {got}");
}

/// Asserts that Sourcelight finds nothing at all in `text`.
#[track_caller]
pub fn assert_no_marks(text: &str) {
    let marks: Vec<Expected> = expected_from(text);
    assert!(
        marks.is_empty(),
        "expected no marks, got: {}",
        annotate(text, &marks, false)
    );
}

/// Fixture files under `tests/fixtures/<dir>`, sorted.
pub fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Lines that differ between two annotated texts, for a readable failure.
pub fn diff_lines(expected: &str, got: &str) -> String {
    let mut out = String::new();
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        if e != g {
            out.push_str(&format!(
                "  line {}:\n    want: {e}\n    got:  {g}\n",
                i + 1
            ));
        }
    }
    out
}
