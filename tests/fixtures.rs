//! The fixture corpus: news articles in inline markup, clean passages that must
//! get no marks, and small traps named after the problem they pin.
//!
//! Each article is stripped of its markup, analysed, and written back; the
//! evaluation prints precision, recall and F1 per kind and fails if any kind
//! drops below 0.95 F1. `BLESS=1 cargo test --test fixtures` rewrites the
//! fixtures with what the engine now finds, for review with `git diff`.

mod common;

use common::{diff_lines, fixtures, reannotate};
use sourcelight::markup::{self, annotate, expected_from};
use sourcelight::Kind;
use std::collections::BTreeMap;

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

#[test]
fn articles_score_at_least_0_95_f1_for_every_kind() {
    let files: Vec<_> = fixtures("articles")
        .into_iter()
        .chain(fixtures("traps"))
        .collect();
    assert!(
        files.len() >= 20,
        "the corpus has only {} files",
        files.len()
    );
    evaluate("articles and traps", &files);
}

/// A second set, written apart from the first and from the engine, to show
/// how the rules carry over to articles they were not shaped on.
#[test]
fn held_out_articles_score_at_least_0_95_f1_for_every_kind() {
    let files: Vec<_> = fixtures("holdout")
        .into_iter()
        .chain(fixtures("holdout2"))
        .collect();
    evaluate("held-out articles", &files);
}

fn evaluate(name: &str, files: &[std::path::PathBuf]) {
    let mut scores: BTreeMap<Kind, Score> =
        Kind::ALL.iter().map(|&k| (k, Score::default())).collect();
    let (mut speakers_right, mut speakers_total) = (0, 0);
    let mut report = String::new();
    for path in files {
        let source = std::fs::read_to_string(path).unwrap();
        let parsed = markup::parse(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let got = expected_from(&parsed.text);
        for &kind in &Kind::ALL {
            let want: Vec<_> = parsed
                .marks
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.span)
                .collect();
            let have: Vec<_> = got
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.span)
                .collect();
            let s = scores.get_mut(&kind).unwrap();
            let tp = want.iter().filter(|w| have.contains(w)).count();
            s.tp += tp;
            s.fn_ += want.len() - tp;
            s.fp += have.len() - tp;
        }
        for w in parsed
            .marks
            .iter()
            .filter(|m| m.kind == Kind::Quote && m.speaker.is_some())
        {
            speakers_total += 1;
            if got
                .iter()
                .any(|g| g.kind == Kind::Quote && g.span == w.span && g.speaker == w.speaker)
            {
                speakers_right += 1;
            }
        }
        let want = annotate(&parsed.text, &parsed.marks, true);
        let have = annotate(&parsed.text, &got, true);
        if want != have {
            report.push_str(&format!("{}\n{}", path.display(), diff_lines(&want, &have)));
            if bless() {
                std::fs::write(path, &have).unwrap();
            }
        }
    }
    println!(
        "\nEvaluation of {name}, {} files (exact spans):",
        files.len()
    );
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
        "kind", "tp", "fp", "fn", "precision", "recall", "F1"
    );
    for (kind, s) in &scores {
        println!(
            "{:<10} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
            kind.as_str(),
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    println!("quote speakers: {speakers_right} of {speakers_total} right");
    if !report.is_empty() {
        println!("\nDifferences (want / got):\n{report}");
    }
    let low: Vec<_> = scores
        .iter()
        .filter(|(_, s)| s.f1() < 0.95)
        .map(|(k, s)| format!("{} {:.3}", k.as_str(), s.f1()))
        .collect();
    assert!(
        low.is_empty(),
        "{name}: F1 below 0.95 for: {}",
        low.join(", ")
    );
}

#[test]
fn clean_passages_get_no_marks() {
    let files = fixtures("clean");
    assert!(!files.is_empty());
    let mut failures = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let got = expected_from(&text);
        if !got.is_empty() {
            failures.push_str(&format!(
                "{}:\n  {}\n",
                path.display(),
                annotate(&text, &got, false)
            ));
        }
    }
    assert!(failures.is_empty(), "clean passages got marks:\n{failures}");
}

#[test]
fn every_trap_is_marked_exactly_as_written() {
    let mut failures = String::new();
    for path in fixtures("traps") {
        let source = std::fs::read_to_string(&path).unwrap();
        let (want, got) = reannotate(&source, true);
        if want != got {
            failures.push_str(&format!("{}\n{}", path.display(), diff_lines(&want, &got)));
        }
    }
    assert!(failures.is_empty(), "traps that changed:\n{failures}");
}
