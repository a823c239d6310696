//! Analyses one file and prints how long the core took, with nothing else
//! (no output formatting): `cargo run --release --example analyze_file FILE`.
//! Used with `/usr/bin/time -v` to measure peak memory.

/// As the CLI does (see `fix_mmap_threshold` in `src/main.rs`): glibc's
/// allocator otherwise keeps freed blocks of the large vectors resident.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: only sets an allocator parameter, before any other thread.
    unsafe {
        mallopt(-3, 128 * 1024); // M_MMAP_THRESHOLD
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

fn main() {
    fix_mmap_threshold();
    let path = std::env::args().nth(1).expect("usage: analyze_file FILE");
    // Checked as the CLI checks its input (`read_to_string` runs the
    // standard library's check, about 1.4 instructions a byte of news).
    let bytes = std::fs::read(&path).expect("a readable file");
    let text = sourcelight::utf8::string_from_utf8(bytes).expect("a UTF-8 file");
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
