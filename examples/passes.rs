//! Runs the scanning passes of the pipeline (and the tokeniser and the
//! phrase-list search, apart and in the one pass `analyze` runs) once each, in
//! functions of their own so that a profiler can count each one:
//!
//! ```text
//! cargo build --release --example passes
//! valgrind --tool=callgrind --callgrind-out-file=cg.out \
//!     target/release/examples/passes FILE
//! callgrind_annotate --inclusive=yes cg.out | grep passes::
//! ```
//!
//! (A 1 MB news file comes from `scaling --write news 1000000 FILE`.) It also
//! prints each pass's median wall time over five runs (one run when
//! PASSES_ONCE is set, for the profiler).

use sourcelight::normalize::Normalized;
use sourcelight::span::ByteSpan;
use sourcelight::{quotes, text};
use std::hint::black_box;
use std::time::Instant;

#[inline(never)]
fn normalize(s: &str) -> Normalized<'_> {
    Normalized::new(s)
}

#[inline(never)]
fn paragraphs(t: &str) -> Vec<ByteSpan> {
    text::paragraphs(t)
}

#[inline(never)]
fn quotes(t: &str, paragraphs: &[ByteSpan]) -> Vec<ByteSpan> {
    quotes::find_quotes(t, paragraphs)
        .iter()
        .map(|q| q.span)
        .collect()
}

#[inline(never)]
fn sentences(t: &str, paragraphs: &[ByteSpan], quotes: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    for p in paragraphs {
        out.extend(text::sentences(t, *p, quotes));
    }
    out
}

#[inline(never)]
fn tokens(t: &str) -> usize {
    text::TokenStream::new(t).all().len()
}

#[inline(never)]
fn phrases(t: &str) -> usize {
    let p = sourcelight::lexicon::find_phrases(t);
    p.hedges.len() + p.verbs.len() + p.vague_phrases.len() + p.anonymity_clauses.len()
}

/// What `analyze` runs: the tokeniser feeding the phrase search.
#[inline(never)]
fn tokens_and_phrases(t: &str) -> usize {
    let (stream, p) = text::TokenStream::with_phrases(t);
    stream.all().len()
        + p.hedges.len()
        + p.verbs.len()
        + p.vague_phrases.len()
        + p.anonymity_clauses.len()
}

/// The old word-count pass, for comparison: `analyze` no longer runs it
/// (the tokeniser counts the summary's words as it goes).
#[inline(never)]
fn count_words(t: &str) -> usize {
    text::count_words(t)
}

#[inline(never)]
fn to_original(norm: &Normalized, spans: &[ByteSpan]) -> usize {
    spans.iter().map(|s| norm.to_original(*s).end()).sum()
}

#[inline(never)]
fn utf16(original: &str, norm: &Normalized, spans: &[ByteSpan]) -> usize {
    let offsets = spans.iter().flat_map(|s| {
        let s = norm.to_original(*s);
        [s.start(), s.end()]
    });
    let map = sourcelight::utf16::Utf16Offsets::new(original, offsets);
    spans
        .last()
        .map_or(0, |s| map.get(norm.to_original(*s).end()))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: passes FILE");
    let original = std::fs::read_to_string(&path).expect("a UTF-8 file");
    let runs = if std::env::var_os("PASSES_ONCE").is_some() {
        1
    } else {
        5
    };
    let mut times = vec![Vec::new(); 10];
    for _ in 0..runs {
        let mut lap = Instant::now();
        let mut split = |k: usize| {
            times[k].push(lap.elapsed().as_secs_f64());
            lap = Instant::now();
        };
        let norm = normalize(black_box(&original));
        split(0);
        let t: &str = &norm.text;
        let paras = paragraphs(t);
        split(1);
        let qs = quotes(t, &paras);
        split(2);
        let sents = sentences(t, &paras, &qs);
        split(3);
        let words = count_words(t);
        split(4);
        let ends = to_original(&norm, &sents);
        split(5);
        let units = utf16(&original, &norm, &sents);
        split(6);
        let toks = tokens(t);
        split(7);
        let found = phrases(t);
        split(8);
        let both = tokens_and_phrases(t);
        split(9);
        black_box((
            paras.len(),
            qs.len(),
            sents.len(),
            words,
            ends,
            units,
            toks,
            found,
            both,
        ));
    }
    let names = [
        "normalize",
        "paragraphs",
        "quotes",
        "sentences",
        "count_words",
        "to_original (sentences)",
        "utf16 (sentences)",
        "tokens (TokenStream)",
        "phrase lists",
        "tokens + phrases (one)",
    ];
    let mut total = 0.0;
    for (name, t) in names.iter().zip(times) {
        let t = median(t);
        // The one-pass line repeats the two before it.
        if !name.contains("(one)") {
            total += t;
        }
        println!(
            "{name:<24} {:>8.2} ms {:>8.1} MB/s",
            t * 1e3,
            original.len() as f64 / t / 1e6
        );
    }
    println!(
        "{:<24} {:>8.2} ms {:>8.1} MB/s",
        "all",
        total * 1e3,
        original.len() as f64 / total / 1e6
    );
}
