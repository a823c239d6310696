//! Native throughput on generated article text of 100 KB, 1 MB and 10 MB.
//!
//! Targets (see the README): at least 100 MB/s single-threaded, time linear in
//! input size. Run with `cargo bench`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

/// Article-like text of at least `bytes` bytes: every kind of mark, curly and
/// straight quotes, abbreviations, paragraphs.
pub fn generate(bytes: usize) -> String {
    const PARAS: [&str; 6] = [
        "“We will not sign this agreement,” the minister said on Tuesday, adding that talks could resume in May.",
        "Two people familiar with the negotiations said the vote may have been delayed. A senior official, speaking on condition of anonymity, said the figures were reportedly revised.",
        "Critics say the plan is rushed, and some believe it is unlikely to pass. According to the Central Bank, inflation rose 3.5 per cent in the U.S. last year.",
        "Dr. Amara Diallo, who led the study, said the results suggest a link. \"It is possible that the sample was contaminated,\" she said.",
        "Mr. Okafor met Sen. Ruiz at 9 a.m. in St. Louis. The students’ desks were old, and rock ’n’ roll played in the ’90s hall.",
        "It is widely believed that the mayor will resign. Analysts are divided on the outlook, and the cause of the outage remains unclear.",
    ];
    let mut s = String::with_capacity(bytes + 256);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(PARAS[i % PARAS.len()]);
        s.push_str("\n\n");
        i += 1;
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
