//! The command-line tool, run as a user would run it.

use std::io::Write;
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
