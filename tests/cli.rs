//! The command-line tool, run as a user would run it.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn sourcelight(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sourcelight-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "failed: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is one JSON document")
}

#[test]
fn json_output_follows_the_contract_with_byte_offsets() {
    let text = "Émile: “We could win,” Okafor said.";
    let v = json(&sourcelight(&["--format", "json", "-"], text.as_bytes()));
    assert_eq!(v["version"], 1);
    let marks = v["marks"].as_array().unwrap();
    let kinds: Vec<&str> = marks.iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["quote", "hedge", "named"]);
    for m in marks {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[start..end],
            m["text"].as_str().unwrap(),
            "offsets are UTF-8 bytes"
        );
        assert!(!m["rule"].as_str().unwrap().is_empty());
        assert!(!m["why"].as_str().unwrap().is_empty());
    }
    assert_eq!(marks[0]["speaker"]["text"], "Okafor");
    assert_eq!(marks[0]["speaker"]["kind"], "named");
    assert!(marks[1]["speaker"].is_null());
    assert_eq!(v["summary"]["counts"]["hedge"], 1);
}

#[test]
fn several_files_give_one_json_document_per_line() {
    let a = temp_file("a.txt", b"Critics say it could fail.");
    let b = temp_file("b.txt", b"Nothing to see.");
    let o = sourcelight(
        &[a.to_str().unwrap(), b.to_str().unwrap(), "--format=json"],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["marks"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["marks"].as_array().unwrap().len(), 0);
}

#[test]
fn several_files_analysed_at_once_give_the_same_output_in_order() {
    // The fixture articles, each file's document in its place, whether they
    // are analysed one at a time or four at once (more jobs than the
    // machine has cores is allowed), in every format.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    for format in ["json", "csv", "html", "ansi"] {
        let run = |jobs: &str| {
            let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
            args.extend(["--format", format, "--jobs", jobs]);
            let o = sourcelight(&args, b"");
            assert!(o.status.success(), "{}", stderr(&o));
            o.stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("4"), "--format {format}");
        assert_eq!(one, run("2"), "--format {format}");
    }
    let o = sourcelight(&[&files[3], &files[0], "-j", "2", "--format", "json"], b"");
    let docs: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let alone = |f: &str| json(&sourcelight(&[f, "--format", "json"], b""));
    assert_eq!(docs, [alone(&files[3]), alone(&files[0])]);
}

#[test]
fn jobs_takes_a_whole_number_of_at_least_one() {
    let need = "is not a number of files at once: give 1 or more";
    usage_error(&["--jobs", "0"], need);
    usage_error(&["--jobs", "-2"], need);
    usage_error(&["--jobs", "two"], need);
    usage_error(&["-j", ""], need);
    usage_error(&["--jobs"], "--jobs needs a value");
    usage_error(&["-j", "1", "--jobs", "2"], "--jobs given twice");
    json(&sourcelight(&["-j1", "--format", "json"], b""));
}

#[test]
fn empty_input_is_an_empty_valid_result() {
    let v = json(&sourcelight(&["--format", "json"], b""));
    assert_eq!(v["marks"].as_array().unwrap().len(), 0);
    assert_eq!(v["summary"]["words"], 0);
}

#[test]
fn only_keeps_the_named_kinds() {
    let v = json(&sourcelight(
        &["--format", "json", "--only", "hedge,vague"],
        b"Critics say it could fail, Okafor said.",
    ));
    let kinds: Vec<&str> = v["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["vague", "hedge"]);
}

#[test]
fn a_missing_file_is_named_in_a_clear_error() {
    let o = sourcelight(&["/no/such/article.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/no/such/article.txt: no such file"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn a_directory_is_refused() {
    let dir = std::env::temp_dir();
    let o = sourcelight(&[dir.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_names_the_file_and_byte_offset() {
    let path = temp_file("latin1.txt", b"Caf\xe9 owners said");
    let o = sourcelight(&[path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("latin1.txt") && err.contains("byte offset 3") && err.contains("--lossy"),
        "{err}"
    );
}

#[test]
fn lossy_replaces_bad_bytes_and_carries_on() {
    let path = temp_file("latin1-lossy.txt", b"Caf\xe9 owners said it could close.");
    let v = json(&sourcelight(
        &["--lossy", "--format", "json", path.to_str().unwrap()],
        b"",
    ));
    assert!(v["marks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["kind"] == "hedge"));
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let o = sourcelight(&["--colour"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option `--colour`") && stderr(&o).contains("Usage:"));
    let o = sourcelight(&["--format", "pdf"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = sourcelight(&["--only", "rumour"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn html_is_one_standalone_page_with_escaped_text() {
    let o = sourcelight(
        &["--format", "html"],
        b"<script>alert(1)</script> Critics say so.",
    );
    assert!(o.status.success());
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>alert"));
    assert!(
        page.contains(r#"<mark data-kind="vague" data-rule="vague/vague-group/source-verb/say""#)
    );
}

#[test]
fn ansi_colours_the_marks_and_prints_the_summary() {
    let o = sourcelight(&["--format", "ansi"], b"Critics say so.");
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\x1b[3;35mCritics say\x1b[0m"), "{out:?}");
    assert!(out.contains("Vague attribution"));
}

#[test]
fn ansi_output_shows_the_articles_control_characters_instead_of_obeying_them() {
    let article =
        "Critics say\x1b]0;pwned\x07 it could\x1b[2J fail.\u{9b}31m\x7f\0\x08\r\nLine two.\rOver";
    let o = sourcelight(&["--format", "ansi"], article.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("\u{241B}]0;pwned\u{2407} it \x1b[4:3;33mcould\x1b[0m\u{241B}[2J fail.\u{FFFD}31m\u{2421}\u{2400}\u{2408}\r\nLine two.\u{240D}Over"),
        "{out:?}"
    );
    // Only this tool's own colour sequences are left.
    let without_ours = out.replace("\x1b[0m", "").replace("\x1b[", "");
    assert!(
        !without_ours.contains(|c: char| c.is_control() && c != '\n' && c != '\r'),
        "{out:?}"
    );
}

#[test]
fn html_output_replaces_nul() {
    let o = sourcelight(&["--format", "html"], b"Critics\0 say so.");
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(!page.contains('\0'));
    assert!(page.contains("Critics\u{FFFD} say so."), "{page}");
}

fn sourcelight_with(args: &[&OsStr], stdin: Stdio, stdout: Stdio, stderr: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .args(args)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .expect("the binary runs")
}

fn no_panic(o: &Output) {
    assert_ne!(o.status.code(), Some(101), "panicked: {}", stderr(o));
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// `/dev/full` where the system has one: every write to it fails.
fn dev_full() -> Option<Stdio> {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    full.ok().map(Stdio::from)
}

#[test]
fn help_goes_to_stdout_and_exits_0() {
    for flag in ["--help", "-h"] {
        let o = sourcelight(&[flag], b"");
        assert_eq!(o.status.code(), Some(0), "{flag}");
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        assert!(out.starts_with("Usage: sourcelight"), "{out}");
        assert!(
            out.contains("--format FORMAT") && out.ends_with(".\n"),
            "{out}"
        );
        assert!(o.stderr.is_empty(), "{}", stderr(&o));
    }
}

#[test]
fn version_prints_only_the_name_and_version() {
    for flag in ["--version", "-V"] {
        let o = sourcelight(&[flag], b"");
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(o.stdout).unwrap(),
            format!("sourcelight {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn a_full_disk_on_stdout_is_an_error_not_a_panic() {
    let Some(_) = dev_full() else { return };
    let text = temp_file("full.txt", b"Critics say it could fail.");
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["--format", "json", text.to_str().unwrap()],
        vec!["--format", "ansi", text.to_str().unwrap()],
        vec!["--format", "html", text.to_str().unwrap()],
    ] {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let o = sourcelight_with(&args, Stdio::null(), dev_full().unwrap(), Stdio::piped());
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&o).starts_with("sourcelight: cannot write output: "),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn a_full_disk_on_stderr_still_gives_the_exit_status() {
    let Some(full) = dev_full() else { return };
    let o = sourcelight_with(
        &[OsStr::new("/nonexistent")],
        Stdio::null(),
        Stdio::piped(),
        full,
    );
    assert_eq!(o.status.code(), Some(1));
    let o = sourcelight_with(
        &[OsStr::new("--colour")],
        Stdio::null(),
        Stdio::piped(),
        dev_full().unwrap(),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    // `sourcelight --help | head -1`, with the reader surely gone before the
    // write: the status is printed from inside the pipeline.
    let o = Command::new("sh")
        .arg("-c")
        .arg(r#"{ sleep 0.3; "$0" --help; echo "status $?" >&2; } | true"#)
        .arg(env!("CARGO_BIN_EXE_sourcelight"))
        .output()
        .expect("sh runs");
    assert_eq!(stderr(&o), "status 0\n");

    // A long result read only up to its first line: far more than a pipe
    // holds, so the writes after the reader closes surely fail.
    let article = "Critics say it could fail, Okafor said.\n".repeat(50_000);
    let path = temp_file("long.txt", article.as_bytes());
    for format in ["ansi", "json", "html"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
            .args(["--format", format])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let o = child.wait_with_output().unwrap();
        no_panic(&o);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{format}: {}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let missing = OsStr::from_bytes(b"/no/such/caf\xe9.txt");
    let o = sourcelight_with(&[missing], Stdio::null(), Stdio::piped(), Stdio::piped());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/no/such/caf\u{FFFD}.txt: no such file"),
        "{}",
        stderr(&o)
    );

    let dir = temp_file("x", b"").parent().unwrap().to_path_buf();
    let name = dir.join(OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&name, b"Critics say it could fail.").unwrap();
    let other = temp_file("plain.txt", b"Nothing.");
    let o = sourcelight_with(
        &[
            OsStr::new("--format=ansi"),
            name.as_os_str(),
            other.as_os_str(),
        ],
        Stdio::null(),
        Stdio::piped(),
        Stdio::piped(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("caf\u{FFFD}.txt =="), "{out}");
    let o = sourcelight_with(
        &[OsStr::new("--format=json"), name.as_os_str()],
        Stdio::null(),
        Stdio::piped(),
        Stdio::piped(),
    );
    assert_eq!(json(&o)["marks"].as_array().unwrap().len(), 2);
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_file_name_reach_the_terminal_as_pictures() {
    let o = sourcelight(&["/no/such/\x1b]0;pwned\x07.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/no/such/\u{241B}]0;pwned\u{2407}.txt: no such file"),
        "{}",
        stderr(&o)
    );
}

fn usage_error(args: &[&str], expected: &str) {
    let o = sourcelight(args, b"");
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "{args:?}");
    assert!(
        stderr(&o).starts_with("sourcelight: ") && stderr(&o).contains(expected),
        "{args:?}: {}",
        stderr(&o)
    );
}

#[test]
fn flags_without_values_refuse_one() {
    usage_error(&["--lossy=no"], "--lossy takes no value (got `--lossy=no`)");
    usage_error(&["--lossy="], "--lossy takes no value");
    usage_error(&["--help=me"], "--help takes no value");
    usage_error(&["--version=2"], "--version takes no value");
}

#[test]
fn an_empty_or_unknown_kind_list_is_refused_with_the_kinds() {
    let kinds = "quote, named, anonymous, vague, hedge";
    usage_error(&["--only", ""], kinds);
    usage_error(&["--only="], kinds);
    usage_error(&["--only", ","], kinds);
    usage_error(&["--only", "hedge,"], kinds);
    usage_error(&["--only", "hedge,rumour"], "unknown kind `rumour`");
    usage_error(&["--only"], "--only needs a value");
    usage_error(&["--format"], "--format needs a value");
}

#[test]
fn repeated_options_are_refused_not_overridden() {
    usage_error(
        &["--format", "json", "--format", "html"],
        "--format given twice",
    );
    usage_error(&["--format=json", "--format=json"], "--format given twice");
    usage_error(
        &["--only", "hedge", "--only", "quote"],
        "--only given twice",
    );
    // Repeating a plain flag changes nothing, so it is allowed.
    json(&sourcelight(
        &["--lossy", "--lossy", "--format", "json"],
        b"",
    ));
}

#[test]
fn dash_is_standard_input_and_double_dash_ends_the_options() {
    let path = temp_file("--lossy", b"Critics say so.");
    let dir = path.parent().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .current_dir(dir)
        .args(["--format", "json", "--", "--lossy"])
        .output()
        .unwrap();
    assert_eq!(json(&o)["marks"].as_array().unwrap().len(), 1);
    usage_error(&["-x"], "unknown option `-x`");
}

#[test]
fn an_endless_input_stops_at_the_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    // Sequential, not one test each: each reads a gigabyte.
    let o = sourcelight_with(
        &[OsStr::new("/dev/zero")],
        Stdio::null(),
        Stdio::piped(),
        Stdio::piped(),
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "sourcelight: /dev/zero: too large, stopped reading after 1073741824 bytes (the limit is 1 GiB)\n"
    );
    // `yes | sourcelight`, as standard input.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let o = sourcelight_with(&[], Stdio::from(zero), Stdio::piped(), Stdio::piped());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("standard input: too large, stopped reading after 1073741824 bytes"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let path = temp_file("sparse.txt", b"");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len((1 << 30) + 1)
        .unwrap();
    let o = sourcelight(&[path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "sparse.txt: 1073741825 bytes is too large (the limit is 1073741824 bytes, 1 GiB)"
        ),
        "{}",
        stderr(&o)
    );
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = "Émile: “We could win,” Okafor said. 🎉 Critics say so.";
    for big_endian in [false, true] {
        let v = json(&sourcelight(
            &["--format", "json"],
            &utf16(text, big_endian),
        ));
        let marks = v["marks"].as_array().unwrap();
        let kinds: Vec<&str> = marks.iter().map(|m| m["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["quote", "hedge", "named", "vague"]);
        for m in marks {
            let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            // Offsets are UTF-8 bytes into the decoded text.
            assert_eq!(&text[start as usize..end as usize], m["text"]);
        }
    }
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let v = json(&sourcelight(
        &["--format", "json"],
        b"\xEF\xBB\xBFCritics say so.",
    ));
    let mark = &v["marks"][0];
    assert_eq!(
        (mark["start"].as_u64(), mark["text"].as_str()),
        (Some(0), Some("Critics say"))
    );
    // And an error offset still counts the bytes as read.
    let o = sourcelight(&[], b"\xEF\xBB\xBFCaf\xe9");
    assert!(
        stderr(&o).contains("not valid UTF-8 at byte offset 6"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_utf16_names_the_byte_offset_or_is_replaced_under_lossy() {
    // "Critics say" then a lone high surrogate, then " so.".
    let mut bytes = utf16("Critics say", false);
    bytes.extend([0x00, 0xD8]);
    bytes.extend(&utf16(" it could fail.", false)[2..]);
    let o = sourcelight(&["--format", "json"], &bytes);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("standard input: not valid UTF-16LE at byte offset 24 (use --lossy"),
        "{}",
        stderr(&o)
    );
    let v = json(&sourcelight(&["--format", "json", "--lossy"], &bytes));
    assert_eq!(v["marks"][0]["text"], "Critics say");
    assert_eq!(v["marks"][1]["text"], "could");

    // An odd last byte is half a code unit.
    let mut odd = utf16("Critics say so.", true);
    odd.push(b'x');
    let o = sourcelight(&["--format", "json"], &odd);
    assert!(
        stderr(&o).contains("not valid UTF-16BE at byte offset 32"),
        "{}",
        stderr(&o)
    );
    let v = json(&sourcelight(&["--format", "json", "--lossy"], &odd));
    assert_eq!(v["marks"][0]["text"], "Critics say");
}

#[test]
fn rules_add_a_teachers_phrases_and_patterns() {
    let rules = temp_file(
        "rules.txt",
        b"# our class\nanonymous: a person briefed on :: Briefed by whom?\nhedge: /supposed(ly)?/\n",
    );
    let text = "A person briefed on the talks spoke. It was supposedly over.";
    let v = json(&sourcelight(
        &["--format", "json", "--rules", rules.to_str().unwrap(), "-"],
        text.as_bytes(),
    ));
    let marks = v["marks"].as_array().unwrap();
    let custom: Vec<(&str, &str, &str)> = marks
        .iter()
        .filter(|m| m["rule"].as_str().unwrap().starts_with("custom/"))
        .map(|m| {
            (
                m["kind"].as_str().unwrap(),
                m["text"].as_str().unwrap(),
                m["rule"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        custom,
        [
            ("anonymous", "A person briefed on", "custom/anonymous/2"),
            ("hedge", "supposedly", "custom/hedge/3"),
        ]
    );
    assert!(marks[0]["why"]
        .as_str()
        .unwrap()
        .contains("Briefed by whom?"));
    assert!(marks[0]["why"].as_str().unwrap().contains("Custom"));
}

#[test]
fn a_bad_rules_file_is_an_error_with_file_and_line() {
    let rules = temp_file("bad-rules.txt", b"hedge: allegedly\n\nvague: /(unclosed/\n");
    let o = sourcelight(&["--rules", rules.to_str().unwrap(), "-"], b"Text.");
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("bad-rules.txt:3: the pattern is not valid"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
    let o = sourcelight(&["--rules", "/nonexistent/rules.txt", "-"], b"Text.");
    assert_eq!(o.status.code(), Some(1));
    usage_error(&["--rules", "a", "--rules", "b"], "--rules given twice");
}

#[test]
fn csv_has_the_pages_columns_rfc4180_quoting_and_no_formulas() {
    let rules = temp_file("csv-rules.txt", b"hedge: =SUM\n");
    let text = "“Yes, \"no\",” Okafor said. =SUM(A1) may follow.";
    let o = sourcelight(
        &["--format", "csv", "--rules", rules.to_str().unwrap(), "-"],
        text.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "source,id,kind,start,end,text,comparison,rule,speaker,speaker_kind,why,question,offsets,file"
    );
    assert!(out.ends_with("\r\n"));
    let quote = lines.next().unwrap();
    assert!(quote.starts_with("sourcelight,0,quote,0,"), "{quote}");
    // The straight quote inside the curly one is nested: the quote runs
    // to the curly closer.
    assert!(quote.contains(r#","“Yes, ""no"",”","#), "{quote}");
    assert!(
        quote.contains(r#","Who is speaking? Is the quote complete, or"#),
        "{quote}"
    );
    assert!(quote.ends_with(",utf-8,standard input"), "{quote}");
    assert!(out.contains(",'=SUM,"), "a formula is neutralised: {out}");
}
