//! `sourcelight`: mark where a news article's claims come from, in a terminal
//! or in batch.
//!
//! ```text
//! sourcelight [FILE|-]... [--format ansi|json|html] [--only KINDS] [--lossy]
//! ```
//!
//! All output goes through `write!` with its error handled, never `println!`
//! or `eprintln!` (which panic when the write fails): a reader that stops early
//! (`| head`) ends the run quietly with status 0, any other write error (a full
//! disk) is reported with status 1.

use sourcelight::report::{self, Report, Units};
use sourcelight::{analyze, Kind};
use std::fmt;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: sourcelight [FILE|-]... [--format ansi|json|html] [--only KINDS] [--lossy]

Marks direct quotes, named, anonymous and vague sources, and hedges in news
articles. With no FILE, or with -, reads standard input.

Options:
  --format FORMAT  ansi (coloured text; the default on a terminal),
                   json (the default otherwise; one document per line for
                   several files), or html (one standalone page)
  --only KINDS     comma-separated kinds to show: quote,named,anonymous,vague,hedge
  --lossy          replace invalid UTF-8 with U+FFFD instead of failing
  -h, --help       show this help
  -V, --version    show the version

Exit status: 0 on success (also when the reader of the output stops early, as
head does), 1 when an input cannot be read or decoded or the output cannot be
written, 2 for a usage error.";

/// Articles larger than this are refused: offsets inside the core fit in 32
/// bits, and a gigabyte is far beyond any article.
const MAX_INPUT: usize = 1 << 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Ansi,
    Json,
    Html,
}

struct Options {
    inputs: Vec<String>,
    format: Format,
    only: Option<Vec<Kind>>,
    lossy: bool,
}

/// What the command line asks for.
enum Action {
    Run(Options),
    Help,
    Version,
}

/// Everything that can go wrong, each with a message for a person.
#[derive(Debug)]
enum CliError {
    Usage(String),
    Read { name: String, error: io::Error },
    InvalidUtf8 { name: String, offset: usize },
    TooLarge { name: String, bytes: usize },
    Write(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m}\n\n{USAGE}"),
            CliError::Read { name, error } if error.kind() == io::ErrorKind::NotFound => {
                write!(f, "{name}: no such file")
            }
            CliError::Read { name, error } if error.kind() == io::ErrorKind::IsADirectory => {
                write!(f, "{name}: is a directory, not an article")
            }
            CliError::Read { name, error } => write!(f, "{name}: cannot read: {error}"),
            CliError::InvalidUtf8 { name, offset } => {
                write!(f, "{name}: not valid UTF-8 at byte offset {offset} (use --lossy to replace bad bytes)")
            }
            CliError::TooLarge { name, bytes } => write!(
                f,
                "{name}: {bytes} bytes is too large (the limit is {MAX_INPUT} bytes)"
            ),
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

fn parse_args(args: impl Iterator<Item = String>, terminal: bool) -> Result<Action, CliError> {
    let mut inputs = Vec::new();
    let mut format = None;
    let mut only = None;
    let mut lossy = false;
    let mut args = args.peekable();
    let mut rest_are_files = false;
    while let Some(arg) = args.next() {
        if rest_are_files {
            inputs.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| CliError::Usage(format!("{name} needs a value")))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Action::Help),
            "-V" | "--version" => return Ok(Action::Version),
            "--format" => {
                format = Some(match value("--format")?.as_str() {
                    "ansi" => Format::Ansi,
                    "json" => Format::Json,
                    "html" => Format::Html,
                    other => {
                        return Err(CliError::Usage(format!(
                            "unknown format `{other}`: use ansi, json or html"
                        )))
                    }
                })
            }
            "--only" => {
                let v = value("--only")?;
                let kinds = v
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| Kind::parse(s.trim()).ok_or_else(|| CliError::Usage(format!("unknown kind `{s}` in --only: use quote, named, anonymous, vague, hedge"))))
                    .collect::<Result<Vec<_>, _>>()?;
                only = Some(kinds);
            }
            "--lossy" => lossy = true,
            "--" => rest_are_files = true,
            "-" => inputs.push(arg),
            f if f.starts_with('-') => {
                return Err(CliError::Usage(format!("unknown option `{f}`")))
            }
            _ => inputs.push(arg),
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
        lossy,
    }))
}

fn read_input(name: &str, lossy: bool) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(name).map(|b| bytes = b)
    };
    let display = if name == "-" {
        "standard input".to_string()
    } else {
        name.to_string()
    };
    read.map_err(|error| CliError::Read {
        name: display.clone(),
        error,
    })?;
    if bytes.len() > MAX_INPUT {
        return Err(CliError::TooLarge {
            name: display,
            bytes: bytes.len(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(CliError::InvalidUtf8 {
            name: display,
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// Writes `s` to standard output, mapping a failure to [`CliError::Write`].
fn write_stdout(s: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(CliError::Write)
}

fn run() -> Result<(), CliError> {
    let stdout = io::stdout();
    let opts = match parse_args(std::env::args().skip(1), stdout.is_terminal())? {
        Action::Run(opts) => opts,
        Action::Help => return write_stdout(&format!("{USAGE}\n")),
        Action::Version => {
            return write_stdout(&format!("sourcelight {}\n", env!("CARGO_PKG_VERSION")))
        }
    };
    let keep = |k: Kind| opts.only.as_ref().is_none_or(|only| only.contains(&k));
    // Read everything first: a bad file later in the list should not leave
    // half a result behind.
    let texts = opts
        .inputs
        .iter()
        .map(|name| read_input(name, opts.lossy))
        .collect::<Result<Vec<_>, _>>()?;
    let analyses: Vec<_> = texts.iter().map(|t| analyze(t)).collect();
    let mut out = io::BufWriter::new(stdout.lock());
    match opts.format {
        Format::Json => {
            for (text, analysis) in texts.iter().zip(&analyses) {
                let report = Report::new(text, analysis, Units::Utf8, keep);
                serde_json::to_writer(&mut out, &report).map_err(|e| CliError::Write(e.into()))?;
                writeln!(out).map_err(CliError::Write)?;
            }
        }
        Format::Ansi => {
            for (i, (text, analysis)) in texts.iter().zip(&analyses).enumerate() {
                if opts.inputs.len() > 1 {
                    writeln!(
                        out,
                        "{}\x1b[1m== {} ==\x1b[0m",
                        if i > 0 { "\n" } else { "" },
                        opts.inputs[i]
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
                .zip(&texts)
                .zip(&analyses)
                .map(|((name, text), a)| {
                    (
                        if name == "-" {
                            "Article"
                        } else {
                            name.as_str()
                        },
                        text.as_str(),
                        a,
                    )
                })
                .collect();
            write!(out, "{}", report::html(&articles, keep)).map_err(CliError::Write)?;
        }
    }
    out.flush().map_err(CliError::Write)
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
    // If standard error cannot be written either, the exit status is all
    // that is left.
    let _ = writeln!(io::stderr().lock(), "sourcelight: {error}");
    ExitCode::from(code)
}
