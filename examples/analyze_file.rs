//! Analyses one file and prints how long the core took, with nothing else
//! (no output formatting): `cargo run --release --example analyze_file FILE`.
//! Used with `/usr/bin/time -v` to measure peak memory.

fn main() {
    let path = std::env::args().nth(1).expect("usage: analyze_file FILE");
    let text = std::fs::read_to_string(&path).expect("a UTF-8 file");
    let start = std::time::Instant::now();
    let analysis = sourcelight::analyze(&text);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes, {} marks, {:.1} ms, {:.1} MB/s",
        text.len(),
        analysis.marks.len(),
        secs * 1e3,
        text.len() as f64 / secs / 1e6
    );
}
