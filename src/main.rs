//! `sourcelight`: mark where a news article's claims come from, in a terminal
//! or in batch.
//!
//! ```text
//! sourcelight [FILE|-]... [--format ansi|json|html|csv] [--only KINDS] [--rules FILE] [--lossy] [--jobs N]
//! ```
//!
//! All output goes through `write!` with its error handled, never `println!`
//! or `eprintln!` (which panic when the write fails): a reader that stops early
//! (`| head`) ends the run quietly with status 0, any other write error (a full
//! disk) is reported with status 1.

// Not in the browser's build of this file (`make wasm-test` compiles it
// for wasm32), which has one thread.
#[cfg(not(target_arch = "wasm32"))]
use sourcelight::analysis::analyze_on_two_threads;
use sourcelight::report::{self, Report, Units};
use sourcelight::{analyze_with, Analysis, CustomRules, CustomRulesError, Kind};
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

const USAGE: &str = "\
Usage: sourcelight [FILE|-]... [--format ansi|json|html|csv] [--only KINDS] [--rules FILE] [--lossy] [--jobs N]

Marks direct quotes, named, anonymous and vague sources, and hedges in news
articles. With no FILE, or with -, reads standard input.

Input is UTF-8 (a UTF-8 byte-order mark is skipped) or, when it starts with a
UTF-16 byte-order mark, UTF-16; it is refused above 1 GiB. JSON offsets are
UTF-8 bytes into the text as decoded, without the byte-order mark.

Options:
  --format FORMAT  ansi (coloured text; the default on a terminal),
                   json (the default otherwise; one document per line for
                   several files), html (one standalone page), or csv (one
                   row per mark, the page's CSV columns plus offsets and file)
  --only KINDS     comma-separated kinds to show: quote,named,anonymous,vague,hedge
  --rules FILE     add a teacher's own phrases and patterns (one a line:
                   `KIND: phrase :: explanation` or `KIND: /regex/`)
  --lossy          replace undecodable bytes with U+FFFD instead of failing
  -j, --jobs N     analyse up to N files at once (default: one per CPU core),
                   and one file of 256 KiB to 4 MiB on two threads when N is
                   2 or more; the output is the same, in the files' order
  -h, --help       show this help
  -V, --version    show the version

--format, --only, --rules and --jobs may each be given once.

Exit status: 0 on success (also when the reader of the output stops early, as
head does), 1 when an input or the rules file cannot be read or decoded,
the rules file has a bad line, or the output cannot be written, 2 for a
usage error.";

/// Articles larger than this are refused: offsets inside the core fit in 32
/// bits, and a gigabyte is far beyond any article. The limit is enforced while
/// reading, so `/dev/zero` or an endless pipe stops here.
const MAX_INPUT: u64 = 1 << 30;

/// The kinds `--only` takes, for messages.
const KINDS: &str = "quote, named, anonymous, vague, hedge";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Ansi,
    Json,
    Html,
    Csv,
}

struct Options {
    inputs: Vec<OsString>,
    format: Format,
    only: Option<Vec<Kind>>,
    rules: Option<OsString>,
    lossy: bool,
    /// How many files are analysed at once (`--jobs`), at least 1.
    jobs: usize,
}

/// What the command line asks for.
enum Action {
    Run(Options),
    Help,
    Version,
}

/// Everything that can go wrong, each with a message for a person. Names are
/// already made displayable ([`display_name`]).
#[derive(Debug)]
enum CliError {
    Usage(String),
    Read {
        name: String,
        error: io::Error,
    },
    Undecodable {
        name: String,
        encoding: &'static str,
        offset: u64,
    },
    /// `bytes` is the file's size when known before reading.
    TooLarge {
        name: String,
        bytes: Option<u64>,
    },
    /// A bad line in the `--rules` file.
    Rules {
        name: String,
        error: CustomRulesError,
    },
    Write(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) => {
                let synopsis = USAGE.lines().next().unwrap_or_default();
                write!(f, "{m}\n{synopsis}\n(sourcelight --help explains each option)")
            }
            CliError::Read { name, error } if error.kind() == io::ErrorKind::NotFound => {
                write!(f, "{name}: no such file")
            }
            CliError::Read { name, error } if error.kind() == io::ErrorKind::IsADirectory => {
                write!(f, "{name}: is a directory, not an article")
            }
            CliError::Read { name, error } => write!(f, "{name}: cannot read: {error}"),
            CliError::Undecodable {
                name,
                encoding,
                offset,
            } => write!(
                f,
                "{name}: not valid {encoding} at byte offset {offset} (use --lossy to replace bad bytes)"
            ),
            CliError::TooLarge {
                name,
                bytes: Some(bytes),
            } => write!(
                f,
                "{name}: {bytes} bytes is too large (the limit is {MAX_INPUT} bytes, 1 GiB)"
            ),
            CliError::TooLarge { name, bytes: None } => write!(
                f,
                "{name}: too large, stopped reading after {MAX_INPUT} bytes (the limit is 1 GiB)"
            ),
            CliError::Rules { name, error } => {
                write!(f, "{name}:{}: {}", error.line, error.kind)
            }
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

/// A file name for messages and headings: lossy if it is not UTF-8 (the
/// control characters are neutralised where it is written to a terminal).
fn display_name(name: &OsStr) -> String {
    if name == "-" {
        "standard input".to_string()
    } else {
        name.to_string_lossy().into_owned()
    }
}

fn usage(message: String) -> CliError {
    CliError::Usage(message)
}

/// The text of a lexopt error, in this tool's words.
fn usage_from_lexopt(error: lexopt::Error) -> CliError {
    usage(match error {
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("{option} needs a value"),
        lexopt::Error::UnexpectedValue { option, value } => format!(
            "{option} takes no value (got `{option}={}`)",
            value.to_string_lossy()
        ),
        other => other.to_string(),
    })
}

/// `--help=x` is as wrong as `--lossy=x` (which lexopt itself refuses), even
/// though help and version end parsing at once.
fn reject_value(parser: &mut lexopt::Parser, option: &str) -> Result<(), CliError> {
    match parser.optional_value() {
        Some(value) => Err(usage_from_lexopt(lexopt::Error::UnexpectedValue {
            option: option.to_string(),
            value,
        })),
        None => Ok(()),
    }
}

fn parse_format(value: &str) -> Result<Format, CliError> {
    match value {
        "ansi" => Ok(Format::Ansi),
        "json" => Ok(Format::Json),
        "html" => Ok(Format::Html),
        "csv" => Ok(Format::Csv),
        other => Err(usage(format!(
            "unknown format `{other}`: use ansi, json, html or csv"
        ))),
    }
}

fn parse_kinds(value: &str) -> Result<Vec<Kind>, CliError> {
    if value.trim().is_empty() {
        return Err(usage(format!("--only needs at least one kind: {KINDS}")));
    }
    value
        .split(',')
        .map(|s| match s.trim() {
            "" => Err(usage(format!(
                "empty kind in --only `{value}`: use {KINDS}"
            ))),
            k => Kind::parse(k)
                .ok_or_else(|| usage(format!("unknown kind `{k}` in --only: use {KINDS}"))),
        })
        .collect()
}

/// Parses the arguments after the program name. `--help` and `--version` win
/// as soon as they are seen; every other problem is a usage error.
fn parse_args(
    args: impl IntoIterator<Item = OsString>,
    terminal: bool,
) -> Result<Action, CliError> {
    use lexopt::Arg::{Long, Short, Value};
    let mut parser = lexopt::Parser::from_args(args);
    let mut inputs = Vec::new();
    let mut format = None;
    let mut only = None;
    let mut rules = None;
    let mut lossy = false;
    let mut jobs = None;
    while let Some(arg) = parser.next().map_err(usage_from_lexopt)? {
        match arg {
            // Only the long forms can carry a value (`--help=x`); after `-h`
            // the rest of a cluster (`-hV`) would be taken for one.
            Short('h') => return Ok(Action::Help),
            Short('V') => return Ok(Action::Version),
            Long("help") => {
                reject_value(&mut parser, "--help")?;
                return Ok(Action::Help);
            }
            Long("version") => {
                reject_value(&mut parser, "--version")?;
                return Ok(Action::Version);
            }
            Long(name @ ("format" | "only")) => {
                let name = format!("--{name}");
                let value = parser.value().map_err(usage_from_lexopt)?;
                let value = value.into_string().map_err(|v| {
                    usage(format!(
                        "{name} `{}` is not valid UTF-8",
                        v.to_string_lossy()
                    ))
                })?;
                let twice = || usage(format!("{name} given twice: give it once"));
                if name == "--format" {
                    if format.is_some() {
                        return Err(twice());
                    }
                    format = Some(parse_format(&value)?);
                } else {
                    if only.is_some() {
                        return Err(twice());
                    }
                    only = Some(parse_kinds(&value)?);
                }
            }
            Long("rules") => {
                let value = parser.value().map_err(usage_from_lexopt)?;
                if rules.is_some() {
                    return Err(usage("--rules given twice: give it once".to_string()));
                }
                rules = Some(value);
            }
            Short('j') | Long("jobs") => {
                let value = parser.value().map_err(usage_from_lexopt)?;
                if jobs.is_some() {
                    return Err(usage("--jobs given twice: give it once".to_string()));
                }
                jobs = Some(parse_jobs(&value)?);
            }
            // Repeating it changes nothing, so it is allowed.
            Long("lossy") => lossy = true,
            Value(name) => inputs.push(name),
            Long(other) => return Err(usage(format!("unknown option `--{other}`"))),
            Short(other) => return Err(usage(format!("unknown option `-{other}`"))),
        }
    }
    if inputs.is_empty() {
        inputs.push("-".into());
    }
    let format = format.unwrap_or(if terminal { Format::Ansi } else { Format::Json });
    Ok(Action::Run(Options {
        inputs,
        format,
        only,
        rules,
        lossy,
        jobs: jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    }))
}

/// `--jobs N`: a whole number of at least 1.
fn parse_jobs(value: &OsStr) -> Result<usize, CliError> {
    let shown = value.to_string_lossy();
    match shown.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(usage(format!(
            "--jobs `{shown}` is not a number of files at once: give 1 or more"
        ))),
    }
}

/// Each text's analysis, in order, `jobs` texts at a time.
///
/// An article's analysis is independent of every other's, so several files
/// are shared out among threads (each takes the next text not yet taken)
/// and the results are put back in the files' order: the output is the same
/// byte for byte, whatever `jobs` is. Each thread holds one article's
/// working memory at a time (about 3.8 times its size at its peak), so
/// `jobs` large files at once need `jobs` times that.
///
/// One file of [`TWO_THREADS`] bytes is analysed on two threads when
/// `jobs` allows ([`analyze_on_two_threads`], the same analysis byte for
/// byte); any other single file on this thread.
fn analyze_all(texts: &[String], rules: &CustomRules, jobs: usize) -> Vec<Analysis> {
    #[cfg(not(target_arch = "wasm32"))]
    if let [text] = texts {
        if on_two_threads(texts, jobs) {
            return vec![analyze_on_two_threads(text, rules)];
        }
    }
    let jobs = jobs.min(texts.len());
    if jobs <= 1 {
        return texts.iter().map(|t| analyze_with(t, rules)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Analysis)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(text) = texts.get(i) else { break };
                        mine.push((i, analyze_with(text, rules)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            // A panic in a worker is a bug; it goes on as it would have on
            // this thread.
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, a)| a).collect()
}

/// The sizes of one article, in bytes, analysed on two threads. The two
/// threads cost about a millisecond of CPU time more (their hand-overs,
/// and caches filled on one core and read on the other), and the
/// start-up's 2.5 ms is no shorter: on news (alternating runs, medians,
/// the machine otherwise quiet) 70 KB took 0.99 of the one thread's wall
/// time for 1.26 of its CPU time, 100 KB 0.95 for 1.22, 180 KB 0.91 for
/// 1.23, 270 KB 0.89 for 1.21, 1 MB 0.81 for 1.14. From 4 MiB on, the
/// peak memory of the two threads' stages (the hedges found while the
/// speakers' vectors are alive) would pass four times the input, and one
/// thread keeps it under.
const TWO_THREADS: std::ops::Range<usize> = (256 << 10)..(4 << 20);

/// Whether `texts` are one article of [`TWO_THREADS`] bytes and `jobs`
/// allows two threads: it is analysed, and its JSON written, on two.
#[cfg(not(target_arch = "wasm32"))]
fn on_two_threads(texts: &[String], jobs: usize) -> bool {
    matches!(texts, [text] if jobs >= 2 && TWO_THREADS.contains(&text.len()))
}

/// How many marks' CSV rows are built before they are written.
const CSV_BLOCK: usize = 1024;

/// Reads one input, at most [`MAX_INPUT`] bytes: the limit is enforced while
/// reading, and a regular file over it is refused before reading.
fn read_bytes(name: &OsStr, display: &str) -> Result<Vec<u8>, CliError> {
    let read_error = |error| CliError::Read {
        name: display.to_string(),
        error,
    };
    let too_large = |bytes| CliError::TooLarge {
        name: display.to_string(),
        bytes,
    };
    let mut bytes = Vec::new();
    if name == "-" {
        io::stdin()
            .lock()
            .take(MAX_INPUT + 1)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
    } else {
        let file = File::open(name).map_err(read_error)?;
        let meta = file.metadata().map_err(read_error)?;
        if meta.is_file() {
            if meta.len() > MAX_INPUT {
                return Err(too_large(Some(meta.len())));
            }
            bytes.reserve_exact(meta.len() as usize);
        }
        file.take(MAX_INPUT + 1)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
    }
    if bytes.len() as u64 > MAX_INPUT {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Decodes an input: UTF-16 (either byte order) when it starts with a UTF-16
/// byte-order mark, otherwise UTF-8, skipping a UTF-8 byte-order mark. Error
/// offsets are into the bytes as read, byte-order mark included.
fn decode(bytes: Vec<u8>, lossy: bool, display: &str) -> Result<String, CliError> {
    let undecodable = |encoding, offset| CliError::Undecodable {
        name: display.to_string(),
        encoding,
        offset,
    };
    let (encoding, from_bytes): (_, fn([u8; 2]) -> u16) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => ("UTF-16LE", u16::from_le_bytes),
        Some([0xFE, 0xFF]) => ("UTF-16BE", u16::from_be_bytes),
        _ => {
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            let mut bytes = bytes;
            bytes.drain(..bom);
            // Checked fast (`sourcelight::utf8`); where it is not UTF-8, the
            // standard check finds where, for the message (or the lossy
            // reading).
            return match sourcelight::utf8::string_from_utf8(bytes) {
                Ok(s) => Ok(s),
                Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
                Err(e) => Err(undecodable(
                    "UTF-8",
                    (bom + e.utf8_error().valid_up_to()) as u64,
                )),
            };
        }
    };
    let body = &bytes[2..];
    let units = body.chunks_exact(2).map(|p| from_bytes([p[0], p[1]]));
    let odd = body.len() % 2 == 1;
    // One UTF-8 byte per unit is exact for ASCII and a lower bound otherwise.
    let mut text = String::with_capacity(body.len() / 2);
    // Byte offset (in the input) of the next unit to decode.
    let mut offset = 2;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                offset += 2 * c.len_utf16() as u64;
            }
            Err(_) if lossy => {
                text.push(char::REPLACEMENT_CHARACTER);
                offset += 2;
            }
            Err(_) => return Err(undecodable(encoding, offset)),
        }
    }
    if odd {
        // A last byte that is half of a code unit.
        if !lossy {
            return Err(undecodable(encoding, offset));
        }
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Ok(text)
}

/// Writes `s` to standard output, mapping a failure to [`CliError::Write`].
fn write_stdout(s: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(CliError::Write)
}

/// Where the results go: standard output, written straight to its file
/// descriptor where that can be had. `Stdout` is line-buffered, and its
/// line writer searches every block written for its last line break (the
/// JSON of 1 MB of news, 4 MB in 64 KB blocks, cost 4.4 million
/// instructions in that search alone); the blocks here are already large.
enum Output<'a> {
    #[cfg(unix)]
    File(File),
    Stdout(io::StdoutLock<'a>),
}

impl<'a> Output<'a> {
    /// A duplicate of standard output's descriptor, or, if it cannot be
    /// had (a closed descriptor), `Stdout` itself, which handles that case.
    fn of(stdout: &'a io::Stdout) -> Self {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            if let Ok(fd) = stdout.as_fd().try_clone_to_owned() {
                return Output::File(File::from(fd));
            }
        }
        Output::Stdout(stdout.lock())
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            #[cfg(unix)]
            Output::File(f) => f.write(buf),
            Output::Stdout(s) => s.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            #[cfg(unix)]
            Output::File(f) => f.write_all(buf),
            Output::Stdout(s) => s.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            #[cfg(unix)]
            Output::File(f) => f.flush(),
            Output::Stdout(s) => s.flush(),
        }
    }
}

fn run() -> Result<(), CliError> {
    let stdout = io::stdout();
    let opts = match parse_args(std::env::args_os().skip(1), stdout.is_terminal())? {
        Action::Run(opts) => opts,
        Action::Help => return write_stdout(&format!("{USAGE}\n")),
        Action::Version => {
            return write_stdout(&format!("sourcelight {}\n", env!("CARGO_PKG_VERSION")))
        }
    };
    let keep = |k: Kind| opts.only.as_ref().is_none_or(|only| only.contains(&k));
    let names: Vec<String> = opts.inputs.iter().map(|n| display_name(n)).collect();
    // The files' sizes as they stand (a file that cannot be read is
    // reported when it is read, below).
    let file_bytes: u64 = (opts.inputs.iter())
        .filter(|n| *n != "-")
        .filter_map(|n| std::fs::metadata(n).ok())
        .map(|m| m.len())
        .sum();
    heap::start((heap::LARGE_INPUT..heap::HUGE_INPUT_MAX).contains(&file_bytes));
    if opts.inputs.len() == 1 && opts.jobs >= 2 && TWO_THREADS.contains(&(file_bytes as usize)) {
        heap::one_arena();
    }
    // Read everything first: a bad file later in the list should not leave
    // half a result behind.
    let texts = opts
        .inputs
        .iter()
        .zip(&names)
        .map(|(input, name)| decode(read_bytes(input, name)?, opts.lossy, name))
        .collect::<Result<Vec<_>, _>>()?;
    let rules = match &opts.rules {
        None => CustomRules::empty(),
        Some(file) => {
            let name = display_name(file);
            let text = decode(read_bytes(file, &name)?, false, &name)?;
            CustomRules::parse(&text).map_err(|error| CliError::Rules { name, error })?
        }
    };
    heap::inputs_read();
    let analyses = analyze_all(&texts, &rules, opts.jobs);
    let mut out = io::BufWriter::with_capacity(1 << 16, Output::of(&stdout));
    match opts.format {
        #[cfg(not(target_arch = "wasm32"))]
        Format::Json if on_two_threads(&texts, opts.jobs) => {
            report::write_analysis_json_on_two_threads(
                &texts[0],
                &analyses[0],
                Units::Utf8,
                keep,
                &mut out,
            )
            .map_err(CliError::Write)?;
        }
        Format::Json => {
            for (text, analysis) in texts.iter().zip(&analyses) {
                report::write_analysis_json(text, analysis, Units::Utf8, keep, &mut out)
                    .map_err(CliError::Write)?;
            }
        }
        Format::Csv => {
            // Written [`CSV_BLOCK`] marks at a time, never held whole (at
            // 10 MB of news the CSV is 33 MB, over three times the article).
            let mut csv = report::csv_header();
            for ((text, analysis), name) in texts.iter().zip(&analyses).zip(&names) {
                let mut r = Report::new(text, analysis, Units::Utf8, keep);
                let mut marks = std::mem::take(&mut r.marks).into_iter();
                loop {
                    r.marks.extend(marks.by_ref().take(CSV_BLOCK));
                    if r.marks.is_empty() {
                        break;
                    }
                    report::csv_rows(&r, name, &mut csv);
                    out.write_all(csv.as_bytes()).map_err(CliError::Write)?;
                    csv.clear();
                    r.marks.clear();
                }
            }
            out.write_all(csv.as_bytes()).map_err(CliError::Write)?;
        }
        Format::Ansi => {
            for (i, (text, analysis)) in texts.iter().zip(&analyses).enumerate() {
                if opts.inputs.len() > 1 {
                    let mut heading = String::new();
                    let shown = opts.inputs[i].to_string_lossy();
                    report::escape_terminal(&shown, &mut heading);
                    writeln!(
                        out,
                        "{}\x1b[1m== {heading} ==\x1b[0m",
                        if i > 0 { "\n" } else { "" },
                    )
                    .map_err(CliError::Write)?;
                }
                write!(out, "{}", report::ansi(text, analysis, keep)).map_err(CliError::Write)?;
            }
        }
        Format::Html => {
            let articles: Vec<_> = opts
                .inputs
                .iter()
                .zip(&names)
                .zip(texts.iter().zip(&analyses))
                .map(|((input, name), (text, a))| {
                    let title = if input == "-" { "Article" } else { name };
                    (title, text.as_str(), a)
                })
                .collect();
            report::write_html(&articles, keep, &mut out).map_err(CliError::Write)?;
        }
    }
    out.flush().map_err(CliError::Write)?;
    // The process ends here: the system takes the memory back at once,
    // where freeing each mark's strings cost about 5 instructions a byte.
    std::mem::forget(analyses);
    std::mem::forget(texts);
    Ok(())
}

/// glibc's allocator, set up for one run of the command: the heap backed by
/// the kernel's 2 MiB pages, the inputs read into it, and the analysis's
/// blocks kept in it while its free end holds them.
///
/// Memory the process touches for the first time is a page fault for each
/// page of 4 KiB: on 1 MB of news about 1,150 faults beyond the start-up's,
/// a sixth of the run's time (each fault costs the kernel far more than
/// zeroing its page). A range marked for transparent huge pages is backed
/// 2 MiB at a time, one fault each, where the kernel gives huge pages on
/// request (`madvise` mode, the common setting; elsewhere the marking is
/// ignored and nothing changes). Only address space is taken at once; the
/// memory is used as the heap reaches it.
///
/// A block is mapped on its own only when the heap's free end cannot hold
/// it. While the analysis's large vectors lie in the heap, the old block of
/// each one that grew stays resident once freed (a mapped block is moved
/// by the kernel and its pages given back), so the heap's free end is kept
/// to [`PAD`]: at 10 MB the peak rises by 1% to 8% (news 38.9 MB to
/// 40.5 MB), where a pad of 32 MiB cost 7% to 15% (and took 16% off the
/// time of 10 MB of news, against 7% now). On 1 MB of news the two take
/// the same 15% off the run's time.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod heap {
    use std::ffi::c_void;

    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
        fn sbrk(increment: isize) -> *mut c_void;
        fn madvise(addr: *mut c_void, length: usize, advice: i32) -> i32;
    }

    const M_TOP_PAD: i32 = -2;
    const M_MMAP_THRESHOLD: i32 = -3;
    const MADV_HUGEPAGE: i32 = 14;
    const PAGE: usize = 4096;
    const HUGE_PAGE: usize = 2 << 20;

    /// How much address space the heap grows by at once, and the largest
    /// block it holds while the inputs are read.
    const PAD: usize = 8 << 20;

    /// From how many bytes of input the heap is given huge pages: on an
    /// empty article they cost 8% more time (one huge page zeroed for the
    /// start-up's tables), on 100 KB of news they took 7% off.
    pub const LARGE_INPUT: u64 = 64 << 10;

    /// Below how many bytes of input: at 10 MB of news the 2 MiB pages and
    /// the pad took the peak from 39,020 KiB to 39,908 KiB, past 4x the
    /// input (issue 6's memory goal), for about 3% of the time; over 4 MiB
    /// the faults are a smaller share of the run and the heap keeps its
    /// small pages (round 37).
    pub const HUGE_INPUT_MAX: u64 = 4 << 20;

    /// Called before the inputs are read and before any other thread
    /// exists; `large` when they hold at least [`LARGE_INPUT`] bytes and
    /// fewer than [`HUGE_INPUT_MAX`]. A huge
    /// page is zeroed whole when first touched, and a small article's
    /// analysis touches a few hundred KiB: for it (and for input from a
    /// pipe, whose size is not known) the heap keeps its small pages, and
    /// only the threshold below is set. Otherwise the heap is grown by
    /// [`PAD`] and the new range marked. A huge page is only given
    /// to a 2 MiB range nothing has touched yet, and growing the heap
    /// writes a block's header in the new range (at the end of the block
    /// that made it grow, before the range could be marked): so a block
    /// that is never freed fills the heap up to the first 2 MiB boundary
    /// past that header, and the heap goes on from there. It is address
    /// space only: its pages are never touched, bar its header's.
    pub fn start(large: bool) {
        const PROBE: usize = 256 << 10;
        if !large {
            inputs_read();
            return;
        }
        // SAFETY: `mallopt` only sets the allocator's parameters and
        // `sbrk(0)` only reads the heap's end.
        let start = unsafe {
            mallopt(M_TOP_PAD, PAD as i32);
            mallopt(M_MMAP_THRESHOLD, PAD as i32);
            sbrk(0) as usize
        };
        // Larger than the heap's free end: the heap grows by it and the pad.
        let probe = Vec::<u8>::with_capacity(PROBE);
        let at = std::hint::black_box(probe.as_ptr()) as usize;
        drop(probe);
        // SAFETY: `madvise(MADV_HUGEPAGE)` changes how the kernel backs the
        // range, never its contents; the range lies in the heap, page-aligned,
        // between its ends before and after it grew.
        unsafe {
            let end = sbrk(0) as usize & !(PAGE - 1);
            let start = start.next_multiple_of(PAGE);
            if end > start {
                madvise(start as *mut c_void, end - start, MADV_HUGEPAGE);
            }
        }
        // The probe's block began where the heap's free end did, and the
        // next block will again; past the probe and its header's page lies
        // the first untouched 2 MiB range.
        let boundary = (at + PROBE + PAGE).next_multiple_of(HUGE_PAGE);
        std::mem::forget(std::hint::black_box(Vec::<u8>::with_capacity(
            boundary - at,
        )));
    }

    /// Called before any other thread exists, when one article will be
    /// analysed on two threads ([`super::TWO_THREADS`]): the second
    /// thread's blocks are taken from the heap above, with its huge pages,
    /// not from an arena of the thread's own, which glibc maps in small
    /// pages (on 1 MB of news 629 page faults against 129 on one thread,
    /// about 8% more CPU time).
    pub fn one_arena() {
        const M_ARENA_MAX: i32 = -8;
        // SAFETY: only sets an allocator parameter.
        unsafe {
            mallopt(M_ARENA_MAX, 1);
        }
    }

    /// Called once the inputs are read (they stay in the heap to the end):
    /// from here blocks of 128 KiB and more that the heap's free end cannot
    /// hold are mapped each on its own, not added to the heap, and their
    /// memory goes back to the system when they are freed or moved. glibc
    /// would otherwise raise that threshold to the size of each such block
    /// freed, and grown vectors up to that size would be kept in the heap:
    /// at 10 MB of news that was 6 MB of the peak (57 MB resident against
    /// 51 MB live).
    pub fn inputs_read() {
        // SAFETY: only sets an allocator parameter.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, 128 * 1024);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod heap {
    pub const LARGE_INPUT: u64 = 0;
    pub const HUGE_INPUT_MAX: u64 = 0;
    pub fn start(_large: bool) {}
    pub fn one_arena() {}
    pub fn inputs_read() {}
}

fn main() -> ExitCode {
    let (error, code) = match run() {
        Ok(()) => return ExitCode::SUCCESS,
        // The reader stopped early (`| head`): what it wanted was written.
        Err(CliError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return ExitCode::SUCCESS
        }
        Err(e @ CliError::Usage(_)) => (e, 2),
        Err(e) => (e, 1),
    };
    // The message may quote file names and arguments: show their control
    // characters rather than send them to the terminal. If standard error
    // cannot be written either, the exit status is all that is left.
    let mut message = String::new();
    report::escape_terminal(&format!("sourcelight: {error}\n"), &mut message);
    let _ = io::stderr().lock().write_all(message.as_bytes());
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::heap;

    /// The heap set up as `main` sets it (here in the test process, whose
    /// other threads only allocate) still gives blocks of every size,
    /// from the heap and mapped, that hold what is written to them.
    #[test]
    fn the_heap_set_up_still_allocates() {
        heap::start(true);
        let small: Vec<u64> = (0..1000).collect();
        let large = vec![7u8; 3 << 20];
        heap::inputs_read();
        let mapped = vec![9u8; 20 << 20];
        let mut grown = Vec::new();
        for i in 0..(1u32 << 20) {
            grown.push(i);
        }
        assert_eq!(small.iter().sum::<u64>(), 499_500);
        assert!(large.iter().all(|&b| b == 7));
        assert!(mapped.iter().all(|&b| b == 9));
        assert!(grown.iter().enumerate().all(|(i, &v)| v as usize == i));
    }
}
