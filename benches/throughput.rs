//! Native throughput on generated article text of 100 KB, 1 MB and 10 MB.
//!
//! The text is the project's own fixture articles (markup stripped) repeated
//! to size, so the density of quotes, sources and hedges is that of real news
//! copy. Targets and measured figures are in the README. Run `cargo bench`;
//! peak memory is measured separately with
//! `/usr/bin/time -v target/release/examples/analyze_file FILE`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// At least `bytes` bytes of article text, paragraphs separated by blank
/// lines.
fn generate(bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let articles: Vec<String> = files
        .iter()
        .map(|p| {
            sourcelight::markup::parse(&std::fs::read_to_string(p).unwrap())
                .expect("fixture markup")
                .text
                .trim()
                .to_string()
        })
        .collect();
    let mut s = String::with_capacity(bytes + 8192);
    for a in articles.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        s.push_str(a);
        s.push_str("\n\n");
    }
    s
}

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let text = generate(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| sourcelight::analyze(black_box(t)))
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
