//! The fixture corpus: news articles in inline markup, clean passages that must
//! get no marks, small traps named after the problem they pin, and two sets of
//! held-out articles.
//!
//! Articles and traps are the regression net: each is stripped of its markup,
//! analysed and written back, and the whole text must come out exactly as
//! written (every mark's kind, span and speaker); beside each one a snapshot
//! (`snapshots/<dir>/<name>.marks`) pins every mark's rule, speaker kind,
//! attribution link and explanation, and the summary. Any change in behaviour
//! is a diff. `BLESS=1 cargo test --test fixtures` rewrites the articles,
//! traps and snapshots with what the engine now finds, for review with
//! `git diff`.
//!
//! The held-out sets are scored, not compared: they print precision, recall
//! and F1 per kind and speaker accuracy, fail below a floor, and `BLESS` never
//! touches them (a held-out article rewritten to match the engine would stop
//! measuring anything).

mod common;

use common::{bless, diff_lines, fixtures, snapshot, snapshot_path};
use sourcelight::markup::{self, annotate, expected_from};
use sourcelight::Kind;
use std::collections::BTreeMap;
use std::path::PathBuf;

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

fn articles_and_traps() -> Vec<PathBuf> {
    let files: Vec<_> = fixtures("articles")
        .into_iter()
        .chain(fixtures("traps"))
        .collect();
    assert!(
        files.len() >= 50,
        "the corpus has only {} files",
        files.len()
    );
    files
}

#[test]
fn articles_and_traps_are_marked_exactly_as_written() {
    let mut failures = String::new();
    for path in articles_and_traps() {
        let source = std::fs::read_to_string(&path).unwrap();
        let parsed = markup::parse(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let got = annotate(&parsed.text, &expected_from(&parsed.text), true);
        if got != source {
            failures.push_str(&format!(
                "{} (marks)\n{}",
                path.display(),
                diff_lines(&source, &got)
            ));
            if bless() {
                std::fs::write(&path, &got).unwrap();
            }
        }
        let snap_path = snapshot_path(&path);
        let want = std::fs::read_to_string(&snap_path).unwrap_or_default();
        let have = snapshot(&parsed.text);
        if want != have {
            failures.push_str(&format!(
                "{} (snapshot)\n{}",
                snap_path.display(),
                diff_lines(&want, &have)
            ));
            if bless() {
                std::fs::create_dir_all(snap_path.parent().unwrap()).unwrap();
                std::fs::write(&snap_path, &have).unwrap();
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures that changed (want / got){}:\n{failures}",
        if bless() {
            ", now rewritten"
        } else {
            "; BLESS=1 rewrites them for review"
        }
    );
}

/// Every snapshot belongs to a fixture: a renamed or deleted article leaves
/// no stale expectation behind.
#[test]
fn every_snapshot_has_its_fixture() {
    let fixtures: Vec<PathBuf> = articles_and_traps()
        .iter()
        .map(|p| snapshot_path(p))
        .collect();
    for dir in ["articles", "traps"] {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/snapshots")
            .join(dir);
        for entry in std::fs::read_dir(&root).unwrap() {
            let path = entry.unwrap().path();
            assert!(
                fixtures.contains(&path),
                "{} has no fixture",
                path.display()
            );
        }
    }
}

#[test]
fn every_quote_speaker_in_articles_and_traps_is_right() {
    let scores = evaluate(&articles_and_traps());
    assert_eq!(
        scores.speakers_right, scores.speakers_total,
        "{} of {} quote speakers right",
        scores.speakers_right, scores.speakers_total
    );
    assert!(
        scores.speakers_total >= 50,
        "only {} speakers in the corpus",
        scores.speakers_total
    );
}

/// A second and third set, written apart from the first and from the
/// engine, to show how the rules carry over to articles they were not shaped
/// on. Reported, never blessed.
#[test]
fn held_out_articles_score_at_least_0_95_f1_for_every_kind() {
    let files: Vec<_> = fixtures("holdout")
        .into_iter()
        .chain(fixtures("holdout2"))
        .collect();
    let scores = evaluate(&files);
    scores.print("held-out articles", files.len());
    let low: Vec<_> = scores
        .kinds
        .iter()
        .filter(|(_, s)| s.f1() < 0.95)
        .map(|(k, s)| format!("{} {:.3}", k.as_str(), s.f1()))
        .collect();
    assert!(
        low.is_empty(),
        "held-out F1 below 0.95 for: {}",
        low.join(", ")
    );
    let accuracy = ratio(scores.speakers_right, scores.speakers_total);
    assert!(
        accuracy >= 0.95,
        "held-out speaker accuracy {accuracy:.3} is below 0.95"
    );
}

struct Scores {
    kinds: BTreeMap<Kind, Score>,
    speakers_right: usize,
    speakers_total: usize,
}

impl Scores {
    fn print(&self, name: &str, files: usize) {
        println!("\nEvaluation of {name}, {files} files (exact spans):");
        println!(
            "{:<10} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "kind", "tp", "fp", "fn", "precision", "recall", "F1"
        );
        for (kind, s) in &self.kinds {
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
        println!(
            "quote speakers: {} of {} right ({:.3})",
            self.speakers_right,
            self.speakers_total,
            ratio(self.speakers_right, self.speakers_total)
        );
    }
}

/// Two speaker texts name the same person: equal, or (guideline: "a later
/// “Marsh” is the same person") ending in the same surname, so that a
/// held-out file marked with the surname as written ("Ekholm") agrees with
/// the engine's full name for it ("Dr. Lena Ekholm"). The exact text is
/// still pinned for articles and traps by the whole-text comparison.
fn same_person(a: &Option<String>, b: &Option<String>) -> bool {
    let last = |s: &str| {
        s.split_whitespace().next_back().map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
    };
    match (a, b) {
        (Some(a), Some(b)) => a == b || !a.is_empty() && !b.is_empty() && last(a) == last(b),
        (a, b) => a == b,
    }
}

fn evaluate(files: &[PathBuf]) -> Scores {
    let mut kinds: BTreeMap<Kind, Score> =
        Kind::ALL.iter().map(|&k| (k, Score::default())).collect();
    let (mut speakers_right, mut speakers_total) = (0, 0);
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
            let s = kinds.get_mut(&kind).unwrap();
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
            if got.iter().any(|g| {
                g.kind == Kind::Quote && g.span == w.span && same_person(&g.speaker, &w.speaker)
            }) {
                speakers_right += 1;
            }
        }
    }
    Scores {
        kinds,
        speakers_right,
        speakers_total,
    }
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
