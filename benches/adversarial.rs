//! Adversarial throughput: inputs built to hit the worst case of some pass
//! (see `benches/inputs`), each at 100 KB and 1 MB, through the whole core.
//! Run `cargo bench --bench adversarial`; for the 10 MB scaling table with
//! flags, run `cargo run --release --example scaling`.

#[path = "inputs/mod.rs"]
mod inputs;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn adversarial(c: &mut Criterion) {
    for input in inputs::all() {
        let mut group = c.benchmark_group(format!("adversarial/{}", input.name));
        group.sample_size(10);
        for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000)] {
            let text = (input.make)(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
                b.iter(|| sourcelight::analyze(black_box(t)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
