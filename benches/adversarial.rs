//! Adversarial throughput: inputs built to hit the worst case of some pass
//! (see `benches/inputs`). Run `cargo bench --bench adversarial`.
//!
//! Two groups: the scanning passes alone (normalise, paragraphs, quotes,
//! sentences, word count) at 100 KB and 1 MB, and the whole core at 100 KB
//! only, since some inputs still take minutes at 1 MB in code that is
//! quadratic on them and criterion cannot cap a run. The 10 MB sizes, the
//! growth ratios and the cap live in `cargo run --release --example scaling`.

#[path = "inputs/mod.rs"]
mod inputs;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn adversarial(c: &mut Criterion) {
    for (group, sizes, f) in [
        (
            "scan",
            &[("100KB", 100_000), ("1MB", 1_000_000)][..],
            inputs::scan as fn(&str) -> usize,
        ),
        ("analyze", &[("100KB", 100_000)][..], |t: &str| {
            sourcelight::analyze(t).marks.len()
        }),
    ] {
        for input in inputs::all() {
            let mut g = c.benchmark_group(format!("{group}/{}", input.name));
            g.sample_size(10);
            g.warm_up_time(Duration::from_millis(500));
            g.measurement_time(Duration::from_secs(2));
            for &(label, size) in sizes {
                let text = (input.make)(size);
                g.throughput(Throughput::Bytes(text.len() as u64));
                g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
                    b.iter(|| f(black_box(t)))
                });
            }
            g.finish();
        }
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
