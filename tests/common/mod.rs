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
    let (want, have): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    for i in 0..want.len().max(have.len()) {
        let (e, g) = (want.get(i), have.get(i));
        if e != g {
            out.push_str(&format!(
                "  line {}:\n    want: {}\n    got:  {}\n",
                i + 1,
                e.unwrap_or(&"(no line)"),
                g.unwrap_or(&"(no line)")
            ));
        }
    }
    out
}

/// Every detail of the analysis of `text` that a reader or a JSON consumer
/// sees, one mark a line: span in UTF-8 bytes, kind, rule, the marked text,
/// the speaker (with its kind and the attribution mark it came through) and
/// the explanation; then the summary. Fixture snapshots are this text, so a
/// change in any mark's rule, speaker or wording shows as a line diff.
pub fn snapshot(text: &str) -> String {
    use std::fmt::Write;
    let a = sourcelight::analyze(text);
    let mut out = String::new();
    for (i, m) in a.marks.iter().enumerate() {
        let _ = write!(
            out,
            "{i} {}..{} {} {} {:?}",
            m.span.start(),
            m.span.end(),
            m.kind.as_str(),
            m.rule_id,
            m.span.slice(text)
        );
        if m.unclosed {
            out.push_str(" unclosed");
        }
        if let Some(s) = a.speaker(m) {
            let _ = write!(out, " speaker={:?} {:?}", a.speaker_text(s, text), s.kind);
            if let Some(k) = s.mark {
                let _ = write!(out, " via={k}");
            }
        }
        let _ = writeln!(out, "\n    why: {}", a.why(m, text));
    }
    let s = &a.summary;
    let _ = writeln!(
        out,
        "summary: words={} counts={:?} hedges/100={} by_speaker={:?} by_source={:?}\n    {}",
        s.words,
        s.counts,
        s.hedges_per_100_words,
        s.quotes_by_speaker,
        s.attributions_by_source,
        s.sentence
    );
    out
}

/// Where the snapshot of a fixture lives: `tests/fixtures/snapshots/<dir>/<name>.marks`.
pub fn snapshot_path(fixture: &Path) -> PathBuf {
    let dir = fixture
        .parent()
        .and_then(|d| d.file_name())
        .expect("fixture in a folder");
    let name = fixture.file_stem().expect("fixture has a name");
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/snapshots")
        .join(dir)
        .join(name)
        .with_extension("marks")
}

/// Whether this run rewrites fixtures (`BLESS=1`), for review with `git diff`.
pub fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}
