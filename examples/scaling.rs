//! How each adversarial input scales: `cargo run --release --example scaling`.
//!
//! For every input in `benches/inputs` at 100 KB, 1 MB and 10 MB it prints the
//! median time of a few runs, the throughput, and the two 10x ratios (1 MB
//! over 100 KB, 10 MB over 1 MB). Linear work gives ratios near 10; a ratio
//! above 11x or a throughput under 50 MB/s is flagged with `!`.
//!
//! Two tables: the whole core (`sourcelight::analyze`), then the scanning
//! passes alone (normalise, paragraphs, quotes, sentences), so a
//! slow pass cannot hide behind another.
//!
//! Quadratic inputs would take minutes at 10 MB, so a size is skipped (and
//! printed as "skipped (quadratic)") when the size before it took over 5 s or
//! predicts, times its own growth ratio, over 20 s (an unshown 10 KB run
//! predicts the 100 KB one).
//!
//! `--write NAME BYTES FILE` writes one input to a file instead (for
//! callgrind or `/usr/bin/time -v` with `examples/analyze_file.rs`).
//!
//! An optional argument keeps only the inputs whose name contains it.

#[path = "../benches/inputs/mod.rs"]
mod inputs;

use inputs::scan;
use std::hint::black_box;
use std::time::Instant;

const SIZES: [(&str, usize); 3] = [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];
const MAX_RATIO: f64 = 11.0;
const MIN_MBPS: f64 = 50.0;
/// The size of the unshown first run that predicts the 100 KB one.
const PROBE: usize = 10_000;
/// A size is skipped when the one before it, times its own growth ratio
/// (at least 10), predicts more than this.
const BUDGET_SECS: f64 = 20.0;

fn core(original: &str) -> usize {
    sourcelight::analyze(original).marks.len()
}

/// Median seconds of a few runs (fewer when one run is slow).
fn time(f: fn(&str) -> usize, text: &str) -> f64 {
    let once = || {
        let start = Instant::now();
        black_box(f(black_box(text)));
        start.elapsed().as_secs_f64()
    };
    let first = once();
    let runs = if first < 0.5 {
        5
    } else if first < 2.0 {
        3
    } else {
        1
    };
    let mut times = vec![first];
    times.extend((1..runs).map(|_| once()));
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn table(title: &str, f: fn(&str) -> usize, filter: Option<&str>) -> usize {
    println!("\n## {title}\n");
    println!(
        "{:<30} {:>22} {:>22} {:>22} {:>8} {:>8}",
        "input", "100KB", "1MB", "10MB", "1M/100K", "10M/1M"
    );
    let mut flagged = 0;
    for input in inputs::all() {
        if filter.is_some_and(|f| !input.name.contains(f)) {
            continue;
        }
        let mut cells = Vec::new();
        let mut secs: Vec<Option<f64>> = Vec::new();
        let mut bad = false;
        // A 10 KB probe, not shown, gives the first prediction.
        let mut before = time(f, &(input.make)(PROBE));
        let mut last_ratio: f64 = 10.0;
        for &(_, size) in &SIZES {
            let predicted = before * last_ratio.max(10.0);
            if predicted > BUDGET_SECS || before > 5.0 {
                cells.push("skipped (quadratic)".to_string());
                secs.push(None);
                bad = true;
                before = f64::INFINITY;
                continue;
            }
            let text = (input.make)(size);
            let t = time(f, &text);
            let mbps = text.len() as f64 / t / 1e6;
            let slow = mbps < MIN_MBPS;
            bad |= slow;
            cells.push(format!(
                "{:>9.2} ms {:>7.1} MB/s{}",
                t * 1e3,
                mbps,
                if slow { "!" } else { " " }
            ));
            secs.push(Some(t));
            last_ratio = t / before;
            before = t;
        }
        let mut ratio = |a: usize, b: usize| match (secs[a], secs[b]) {
            (Some(x), Some(y)) => {
                let r = y / x;
                bad |= r > MAX_RATIO;
                format!("{r:>6.1}x{}", if r > MAX_RATIO { "!" } else { " " })
            }
            _ => format!("{:>8}", "-"),
        };
        let r1 = ratio(0, 1);
        let r2 = ratio(1, 2);
        flagged += usize::from(bad);
        println!(
            "{:<30} {:>22} {:>22} {:>22} {} {}",
            input.name, cells[0], cells[1], cells[2], r1, r2
        );
    }
    flagged
}

/// `--write NAME BYTES FILE`: one input written to a file, or a message
/// saying what was wrong (the input names listed for an unknown one).
fn write(args: &[String]) -> Result<(), String> {
    let [name, bytes, file] = args else {
        return Err("usage: scaling --write NAME BYTES FILE".into());
    };
    let all = inputs::all();
    let Some(input) = all.iter().find(|i| i.name == name.as_str()) else {
        let names: Vec<&str> = all.iter().map(|i| i.name).collect();
        return Err(format!(
            "no input named {name:?}; the inputs are: {}",
            names.join(", ")
        ));
    };
    let bytes = bytes
        .parse()
        .map_err(|_| format!("{bytes:?} is not a size in bytes"))?;
    std::fs::write(file, (input.make)(bytes)).map_err(|e| format!("cannot write {file}: {e}"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--write") {
        if let Err(message) = write(&args[1..]) {
            eprintln!("scaling: {message}");
            std::process::exit(2);
        }
        return;
    }
    let filter = args.first();
    // The lexicons are built on first use: not part of any timing.
    core("warm up");
    let filter = filter.map(String::as_str);
    println!("# Scaling: median of up to 5 runs; `!` marks a 10x ratio over {MAX_RATIO}x or under {MIN_MBPS} MB/s");
    let a = table("whole core: sourcelight::analyze", core, filter);
    let b = table(
        "scanning passes: normalise, paragraphs, quotes, sentences",
        scan,
        filter,
    );
    println!("\nflagged rows: {a} in the whole core, {b} in the scanning passes");
}
