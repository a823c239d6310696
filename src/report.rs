//! Output formats: the JSON contract (shared by the CLI and the browser),
//! coloured terminal text, and a standalone HTML page.

use crate::analysis::Analysis;
use crate::events::{mark_events, Event};
use crate::mark::{Kind, RuleId, SpeakerKind, WhyText};
use crate::summary::Summary;
use crate::utf16::Utf16Offsets;
use serde::Serialize;

/// The unit of every `start`/`end` in a [`Report`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Units {
    /// UTF-8 bytes: the CLI's JSON.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 code units: what JavaScript's `String.prototype.slice` takes.
    #[serde(rename = "utf-16")]
    Utf16,
}

/// The versioned output contract:
/// `{"version":1,"offsets":"utf-8","marks":[…],"summary":{…}}`.
#[derive(Clone, Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    /// The unit of every offset below.
    pub offsets: Units,
    pub marks: Vec<MarkOut<'a>>,
    pub summary: &'a Summary,
}

#[derive(Clone, Debug, Serialize)]
pub struct MarkOut<'a> {
    /// Index in `marks`.
    pub id: usize,
    pub kind: Kind,
    /// Half-open, in the report's `offsets` unit.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Serialised as its string (`hedge/may-have`).
    pub rule: RuleId,
    /// Serialised as the sentence.
    pub why: WhyText<'a>,
    pub question: &'static str,
    pub unclosed: bool,
    pub speaker: Option<SpeakerOut<'a>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SpeakerOut<'a> {
    pub text: &'a str,
    pub kind: SpeakerKind,
    /// Id of the attribution mark the speaker comes from.
    pub mark: Option<usize>,
    /// That attribution's span, in the report's `offsets` unit.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

impl<'a> Report<'a> {
    /// Builds the report; `keep` filters marks by kind (`--only`). Ids stay
    /// those of the full analysis, so speaker links remain valid.
    pub fn new(
        text: &'a str,
        analysis: &'a Analysis,
        units: Units,
        keep: impl Fn(Kind) -> bool,
    ) -> Self {
        let convert = offsets_in(units, text, analysis);
        let marks = mark_outs(
            text,
            analysis,
            convert.as_ref(),
            keep,
            0..analysis.marks.len(),
        )
        .collect();
        Report {
            version: 1,
            offsets: units,
            marks,
            summary: &analysis.summary,
        }
    }
}

/// The UTF-16 offsets of the marks' and attributions' ends, when the
/// report counts in UTF-16.
fn offsets_in(units: Units, text: &str, analysis: &Analysis) -> Option<Utf16Offsets> {
    (units == Units::Utf16).then(|| {
        let offsets = analysis.marks.iter().flat_map(|m| {
            let a = analysis.speaker(m).and_then(|s| s.attribution);
            [m.span.start(), m.span.end()]
                .into_iter()
                .chain(a.map(|a| a.start()))
                .chain(a.map(|a| a.end()))
        });
        Utf16Offsets::new(text, offsets)
    })
}

/// The report's marks, one at a time (see [`Report::new`]).
///
/// Only the marks of `range` (indices into the analysis's marks) are read.
fn mark_outs<'a, 'c>(
    text: &'a str,
    analysis: &'a Analysis,
    convert: Option<&'c Utf16Offsets>,
    keep: impl Fn(Kind) -> bool + 'c,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = MarkOut<'a>> + 'c
where
    'a: 'c,
{
    let at = move |byte: usize| convert.map_or(byte, |c| c.get(byte));
    let from = range.start;
    analysis.marks[range]
        .iter()
        .enumerate()
        .filter(move |(_, m)| keep(m.kind))
        .map(move |(i, m)| MarkOut {
            id: from + i,
            kind: m.kind,
            start: at(m.span.start()),
            end: at(m.span.end()),
            text: m.span.slice(text),
            rule: m.rule_id,
            why: analysis.why_text(m, text),
            question: m.question(),
            unclosed: m.unclosed,
            speaker: analysis.speaker(m).map(|s| SpeakerOut {
                text: analysis.speaker_text(s, text),
                kind: s.kind,
                mark: s.mark,
                start: s.attribution.map(|a| at(a.start())),
                end: s.attribution.map(|a| at(a.end())),
            }),
        })
}

fn ansi_style(kind: Kind) -> &'static str {
    // Colour plus a second cue (bold, underline, italic) for readers who do
    // not see the colour.
    match kind {
        Kind::Quote => "\x1b[1;34m",
        Kind::Anonymous => "\x1b[4;38;5;166m",
        Kind::Vague => "\x1b[3;35m",
        Kind::Hedge => "\x1b[4:3;33m",
        Kind::Named => "\x1b[1;32m",
    }
}

/// Appends `s` for display on a terminal: control characters that the
/// terminal would act on (C0 other than tab and newline, DEL, C1) are shown as
/// visible symbols instead, so an article cannot move the cursor, recolour or
/// retitle the terminal. C0 and DEL become their Unicode control pictures
/// (ESC is `␛`, NUL `␀`, DEL `␡`); C1, which has no pictures, becomes U+FFFD.
/// A carriage return is kept only as part of a CRLF line ending.
pub fn escape_terminal(s: &str, out: &mut String) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\0'..='\x1f' => out.extend(char::from_u32(0x2400 + c as u32)),
            '\x7f' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
}

/// The article with coloured marks, then the summary. The article's own
/// control characters are neutralised ([`escape_terminal`]).
pub fn ansi(text: &str, analysis: &Analysis, keep: impl Fn(Kind) -> bool) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<Kind> = Vec::new();
    for e in mark_events(text, &analysis.marks, keep) {
        match e {
            Event::Text(t) => escape_terminal(t, &mut out),
            Event::Start(id) => {
                open.push(analysis.marks[id].kind);
                out.push_str(ansi_style(analysis.marks[id].kind));
            }
            Event::End(_) => {
                open.pop();
                out.push_str("\x1b[0m");
                if let Some(k) = open.last() {
                    out.push_str(ansi_style(*k));
                }
            }
        }
    }
    out.push_str("\n\n");
    out.push_str(&summary_text(&analysis.summary, true));
    out
}

/// The summary as plain lines (optionally with the legend's colours).
pub fn summary_text(s: &Summary, colour: bool) -> String {
    let c = &s.counts;
    let mut out = String::new();
    let legend = [
        (Kind::Quote, c.quote),
        (Kind::Named, c.named),
        (Kind::Anonymous, c.anonymous),
        (Kind::Vague, c.vague),
        (Kind::Hedge, c.hedge),
    ];
    for (k, n) in legend {
        if colour {
            out.push_str(&format!("{}{:<18}\x1b[0m {n}\n", ansi_style(k), k.label()));
        } else {
            out.push_str(&format!("{:<18} {n}\n", k.label()));
        }
    }
    let q = &s.quotes_by_speaker;
    let a = &s.attributions_by_source;
    out.push_str(&format!(
        "Words {}, hedges per 100 words {:.1}\nQuotes by speaker: {} named, {} anonymous, {} unknown\nAttributions: {} named, {} anonymous, {} vague\n{}\n",
        s.words, s.hedges_per_100_words, q.named, q.anonymous, q.unknown, a.named, a.anonymous, a.vague, s.sentence
    ));
    out
}

/// Escapes text for HTML element content and attribute values. NUL, which
/// HTML does not allow in a document, becomes U+FFFD.
pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{fffd}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

const HTML_STYLE: &str = r#"
body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
article{white-space:pre-wrap}
mark{background:none;color:inherit;padding:0 .05em}
mark[data-kind=quote]{background:#d7e8f7;border-bottom:2px solid #0072b2}
mark[data-kind=named]{background:#d5f0e6;border-bottom:2px double #009e73}
mark[data-kind=anonymous]{background:#fbe3cc;border-bottom:2px dashed #d55e00}
mark[data-kind=vague]{background:#f3dcea;border-bottom:2px dotted #cc79a7}
mark[data-kind=hedge]{background:#fbf2c4;text-decoration:underline wavy #b08d00}
.legend span{margin-right:1rem}
section{border-top:1px solid #ccc;margin-top:2rem}
pre{font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap}
"#;

/// One standalone, readable page with each article colour-coded.
pub fn html(articles: &[(&str, &str, &Analysis)], keep: impl Fn(Kind) -> bool + Copy) -> String {
    let mut page = Vec::new();
    write_html(articles, keep, &mut page).expect("a vector takes every write");
    String::from_utf8(page).expect("the page is written from strings")
}

/// [`html`]'s page, written to `sink` in pieces of about 64 KB as it is
/// made: never held whole (at 10 MB of news it is 35 MB).
pub fn write_html(
    articles: &[(&str, &str, &Analysis)],
    keep: impl Fn(Kind) -> bool + Copy,
    sink: &mut impl std::io::Write,
) -> std::io::Result<()> {
    const PIECE: usize = 64 << 10;
    let mut out = String::from("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>Sourcelight report</title><style>");
    out.push_str(HTML_STYLE);
    out.push_str("</style></head><body>\n<h1>Sourcelight</h1>\n<p class=\"legend\">");
    for k in [
        Kind::Quote,
        Kind::Named,
        Kind::Anonymous,
        Kind::Vague,
        Kind::Hedge,
    ] {
        out.push_str(&format!(
            "<span><mark data-kind=\"{}\">{}</mark></span>",
            k.as_str(),
            k.label()
        ));
    }
    out.push_str("</p>\n");
    for (name, text, analysis) in articles {
        out.push_str("<section><h2>");
        escape_html(name, &mut out);
        out.push_str("</h2>\n<article>");
        for e in mark_events(text, &analysis.marks, keep) {
            match e {
                Event::Text(t) => escape_html(t, &mut out),
                Event::Start(id) => {
                    let m = &analysis.marks[id];
                    out.push_str(&format!(
                        "<mark data-kind=\"{}\" data-rule=\"",
                        m.kind.as_str()
                    ));
                    escape_html(&m.rule_id.render(), &mut out);
                    out.push_str("\" title=\"");
                    escape_html(&analysis.why(m, text), &mut out);
                    out.push(' ');
                    escape_html(m.question(), &mut out);
                    out.push_str("\">");
                }
                Event::End(_) => out.push_str("</mark>"),
            }
            if out.len() >= PIECE {
                sink.write_all(out.as_bytes())?;
                out.clear();
            }
        }
        out.push_str("</article>\n<pre>");
        escape_html(&summary_text(&analysis.summary, false), &mut out);
        out.push_str("</pre></section>\n");
    }
    out.push_str("</body></html>\n");
    sink.write_all(out.as_bytes())
}

/// The CSV's columns: the page's "Download marks (CSV)" columns
/// (`www/export.js`, `docs/exercise-files.md`), then `offsets` (the unit of
/// `start`/`end`: `utf-8` bytes here, where the page counts UTF-16 code
/// units) and `file` (the input's name, for several files).
pub const CSV_COLUMNS: [&str; 14] = [
    "source",
    "id",
    "kind",
    "start",
    "end",
    "text",
    "comparison",
    "rule",
    "speaker",
    "speaker_kind",
    "why",
    "question",
    "offsets",
    "file",
];

/// One CSV field (RFC 4180), as `csvField` in `www/export.js`: a free-text
/// field a spreadsheet would read as a formula (starting with = + - @, tab
/// or carriage return) gets a leading apostrophe.
pub fn csv_field(value: &str, text: bool, out: &mut String) {
    let guard = text && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = value.contains(['"', ',', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// The header line of [`csv_rows`], CRLF-terminated.
pub fn csv_header() -> String {
    format!("{}\r\n", CSV_COLUMNS.join(","))
}

/// One CSV row per kept mark of `report` (built with [`Units::Utf8`] by the
/// CLI), CRLF line ends.
pub fn csv_rows(report: &Report<'_>, file: &str, out: &mut String) {
    let units = match report.offsets {
        Units::Utf8 => "utf-8",
        Units::Utf16 => "utf-16",
    };
    for m in &report.marks {
        let (speaker, speaker_kind) = match &m.speaker {
            Some(s) => (
                s.text,
                match s.kind {
                    SpeakerKind::Named => "named",
                    SpeakerKind::Anonymous => "anonymous",
                    SpeakerKind::Unknown => "unknown",
                },
            ),
            None => ("", ""),
        };
        let cells: [(&str, bool); 14] = [
            ("sourcelight", false),
            (&m.id.to_string(), false),
            (m.kind.as_str(), false),
            (&m.start.to_string(), false),
            (&m.end.to_string(), false),
            (m.text, true),
            ("", false),
            (&m.rule.render(), false),
            (speaker, true),
            (speaker_kind, true),
            (&m.why.to_string(), true),
            (m.question, true),
            (units, false),
            (file, true),
        ];
        for (i, (value, text)) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(value, *text, out);
        }
        out.push_str("\r\n");
    }
}

/// Writes `report` as JSON and a line break, byte for byte what `serde_json`
/// writes for it (a test holds the two together), in one pass over a
/// growing buffer: the CLI's JSON output spent more instructions in
/// `serde_json`'s per-field writer calls than in the analysis's slowest
/// stage. Strings are copied eight bytes at a time where no byte needs
/// escaping; the fixed strings (kinds, questions) are written as they are.
///
/// The JSON goes to `sink` in pieces of about 64 KB, so the output is never
/// held whole (at 10 MB of news it is three times the article).
pub fn write_json(report: &Report<'_>, sink: &mut impl std::io::Write) -> std::io::Result<()> {
    write_json_parts(
        report.version,
        report.offsets,
        report.marks.iter().cloned(),
        report.summary,
        sink,
    )
}

/// [`write_json`] of `Report::new(text, analysis, units, keep)`, each
/// mark's report built as it is written: the list of them is never held
/// (at 10 MB of news it was about 20 MB, next to the analysis itself).
pub fn write_analysis_json(
    text: &str,
    analysis: &Analysis,
    units: Units,
    keep: impl Fn(Kind) -> bool,
    sink: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let convert = offsets_in(units, text, analysis);
    let marks = mark_outs(
        text,
        analysis,
        convert.as_ref(),
        keep,
        0..analysis.marks.len(),
    );
    write_json_parts(1, units, marks, &analysis.summary, sink)
}

/// The room [`write_analysis_json_on_two_threads`] reserves a mark: about
/// the JSON of a mark of news (316 bytes), so that a block is seldom
/// copied as it grows.
#[cfg(not(target_arch = "wasm32"))]
const MARK_JSON_BYTES: usize = 384;

/// How many marks [`write_analysis_json_on_two_threads`] writes a block:
/// about 320 KB of JSON on news.
#[cfg(not(target_arch = "wasm32"))]
const JSON_BLOCK: usize = 1024;

/// [`write_analysis_json`] on two threads: the same bytes. The marks are
/// taken in blocks of [`JSON_BLOCK`]; every second block is written on a
/// thread of its own (each mark after a comma) and handed back, one at a
/// time, while this thread writes the blocks between. At most three
/// blocks are held at once, whatever the article's length. The command
/// line writes this way only the articles it analyses on two threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_analysis_json_on_two_threads(
    text: &str,
    analysis: &Analysis,
    units: Units,
    keep: impl Fn(Kind) -> bool + Sync,
    sink: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let convert = offsets_in(units, text, analysis);
    let (n, convert, keep) = (analysis.marks.len(), convert.as_ref(), &keep);
    let blocks = n.div_ceil(JSON_BLOCK);
    let range = move |b: usize| b * JSON_BLOCK..n.min((b + 1) * JSON_BLOCK);
    let mut out = Vec::with_capacity(JSON_CHUNK + 4096);
    push_json_head(1, units, &mut out);
    std::thread::scope(|scope| {
        let (blocks_out, blocks_in) = std::sync::mpsc::sync_channel::<Vec<u8>>(1);
        let other = scope.spawn(move || {
            let mut scratch = String::with_capacity(512);
            let mut rules = RuleCache::default();
            for b in (1..blocks).step_by(2) {
                let mut block = Vec::with_capacity(JSON_BLOCK * MARK_JSON_BYTES);
                for m in mark_outs(text, analysis, convert, keep, range(b)) {
                    block.push(b',');
                    push_mark_json(&m, &mut rules, &mut scratch, &mut block);
                }
                // An error: the writer below stopped (a write failed).
                if blocks_out.send(block).is_err() {
                    break;
                }
            }
        });
        let mut scratch = String::with_capacity(512);
        let mut rules = RuleCache::default();
        // Whether a mark is written yet: every later one follows a comma.
        let mut written = false;
        let mut write_blocks = || -> std::io::Result<()> {
            for b in 0..blocks {
                if b % 2 == 1 {
                    // An error: the other thread panicked (see below).
                    let Ok(block) = blocks_in.recv() else {
                        break;
                    };
                    if !block.is_empty() {
                        sink.write_all(&out)?;
                        out.clear();
                        sink.write_all(&block[usize::from(!written)..])?;
                        written = true;
                    }
                    continue;
                }
                for m in mark_outs(text, analysis, convert, keep, range(b)) {
                    if out.len() >= JSON_CHUNK {
                        sink.write_all(&out)?;
                        out.clear();
                    }
                    if written {
                        out.push(b',');
                    }
                    written = true;
                    push_mark_json(&m, &mut rules, &mut scratch, &mut out);
                }
            }
            Ok(())
        };
        let result = write_blocks();
        // The other thread, waiting to hand over a block, stops.
        drop(blocks_in);
        // A panic in it goes on here, as it would have on this thread.
        other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        result
    })?;
    push_json_tail(&analysis.summary, &mut out)?;
    sink.write_all(&out)
}

/// The JSON strings of the rules written so far, by [`rule_key`]: an
/// article's marks share a few dozen rules, and each rule's string was
/// built from its pieces and escaped again for every mark (about 170
/// instructions a mark). A slot per key's hash, the last rule of that hash
/// kept. 256 slots: with 64, the 98 rules of 1 MB of news shared slots
/// and put each other out at 2,772 of its 10,762 marks. (An open-addressed
/// table of as many slots, which kept every rule, missed only at each
/// rule's first mark, but its search cost two instructions more at every
/// mark of an article of one rule repeated; 1,024 slots cost a fixed 23K
/// instructions an article to clear.)
///
/// A rule that puts another out of its slot is appended to `json`, and the
/// string it replaced stays there, unread: two rules of one slot, taking
/// turns over a long article, would grow it by a string a mark. So once
/// `json` holds more than [`RULE_JSON_BYTES`] the cache starts again empty,
/// and it never holds more than that and one rule's string.
struct RuleCache {
    slots: [([u64; 2], u32, u32); RULE_SLOTS],
    json: Vec<u8>,
}

const RULE_SLOTS: usize = 256;

/// How many bytes of rule strings [`RuleCache`] keeps before it starts
/// again: room for every slot's string (a rule's JSON string is about 20
/// to 60 bytes) and for many rules put out (on news, four times as much
/// saved a twentieth of the misses).
const RULE_JSON_BYTES: usize = 16 * 1024;

impl Default for RuleCache {
    fn default() -> Self {
        RuleCache {
            // No rule's key is zero (its low byte names its variant).
            slots: [([0; 2], 0, 0); RULE_SLOTS],
            json: Vec::new(),
        }
    }
}

impl RuleCache {
    /// Appends `rule` as a JSON string to `out` (`scratch` for building it).
    fn push_json(&mut self, rule: &RuleId, scratch: &mut String, out: &mut Vec<u8>) {
        let Some(key) = rule_key(rule) else {
            scratch.clear();
            rule.push_to(scratch);
            push_json_str(scratch, out);
            return;
        };
        let hash = crate::hash::mixed(key[0], key[1] as usize);
        let at = (hash >> (u64::BITS - RULE_SLOTS.trailing_zeros())) as usize;
        if self.slots[at].0 != key {
            if self.json.len() > RULE_JSON_BYTES {
                *self = RuleCache::default();
            }
            scratch.clear();
            rule.push_to(scratch);
            let from = self.json.len();
            push_json_str(scratch, &mut self.json);
            self.slots[at] = (key, from as u32, self.json.len() as u32);
        }
        let (_, from, to) = self.slots[at];
        out.extend_from_slice(&self.json[from as usize..to as usize]);
    }
}

/// A key that only rules written alike share: the address and length of
/// each `&'static str` in the rule (the same address holds the same
/// string), its enums' values and its variant; none for a teacher's rule.
fn rule_key(rule: &RuleId) -> Option<[u64; 2]> {
    use crate::sources::PhraseRule;
    let at = |s: &'static str, variant: u64| [s.as_ptr() as u64, (s.len() as u64) << 32 | variant];
    Some(match rule {
        RuleId::Quote(s) => at(s, 1),
        RuleId::Hedge(s) => at(s, 2),
        RuleId::Phrase(PhraseRule::AnonymityClause(s)) => at(s, 3),
        RuleId::Phrase(PhraseRule::VaguePhrase(s)) => at(s, 4),
        RuleId::Source(r) => at(
            r.verb,
            (r.kind as u64) << 24 | (r.rule as u64) << 16 | (r.order as u64) << 8 | 5,
        ),
        RuleId::Custom { .. } => return None,
    })
}

fn write_json_parts<'a>(
    version: u32,
    offsets: Units,
    marks: impl Iterator<Item = MarkOut<'a>>,
    summary: &Summary,
    sink: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(JSON_CHUNK + 4096);
    let out = &mut buf;
    // The rule of each mark is built here, and kept as written.
    let mut scratch = String::with_capacity(512);
    let mut rules = RuleCache::default();
    push_json_head(version, offsets, out);
    for (i, m) in marks.enumerate() {
        if out.len() >= JSON_CHUNK {
            sink.write_all(out)?;
            out.clear();
        }
        if i > 0 {
            out.push(b',');
        }
        push_mark_json(&m, &mut rules, &mut scratch, out);
    }
    push_json_tail(summary, out)?;
    sink.write_all(out)
}

/// The JSON goes to the sink in pieces of about this many bytes.
const JSON_CHUNK: usize = 1 << 16;

/// Appends the JSON document's opening, up to its list of marks.
fn push_json_head(version: u32, offsets: Units, out: &mut Vec<u8>) {
    out.extend_from_slice(br#"{"version":"#);
    push_usize(version as usize, out);
    out.extend_from_slice(match offsets {
        Units::Utf8 => br#","offsets":"utf-8","marks":["#,
        Units::Utf16 => br#","offsets":"utf-16","marks":["#,
    });
}

/// Appends the JSON document's end, from the end of its list of marks.
fn push_json_tail(summary: &Summary, out: &mut Vec<u8>) -> std::io::Result<()> {
    out.extend_from_slice(br#"],"summary":"#);
    // Small and mixed (a float among the counts): serde_json's own writer.
    serde_json::to_writer(&mut *out, summary)?;
    out.extend_from_slice(b"}\n");
    Ok(())
}

/// Appends mark `m`'s JSON object to `out` (`rules` and `scratch` for its
/// rule's string).
#[inline]
fn push_mark_json(m: &MarkOut<'_>, rules: &mut RuleCache, scratch: &mut String, out: &mut Vec<u8>) {
    out.extend_from_slice(br#"{"id":"#);
    push_usize(m.id, out);
    // The kind with the keys around it, in one piece.
    out.extend_from_slice(match m.kind {
        Kind::Quote => br#","kind":"quote","start":"#,
        Kind::Anonymous => br#","kind":"anonymous","start":"#,
        Kind::Vague => br#","kind":"vague","start":"#,
        Kind::Hedge => br#","kind":"hedge","start":"#,
        Kind::Named => br#","kind":"named","start":"#,
    });
    push_usize(m.start, out);
    out.extend_from_slice(br#","end":"#);
    push_usize(m.end, out);
    out.extend_from_slice(br#","text":"#);
    push_json_str(m.text, out);
    out.extend_from_slice(br#","rule":"#);
    rules.push_json(&m.rule, scratch, out);
    // The explanation's own wording needs no escape (see `Why::parts`):
    // only the article's words in it are escaped.
    out.extend_from_slice(br#","why":""#);
    for (part, copied) in m.why.why.parts(m.why.text) {
        // Most explanations have one or two empty parts at the end.
        if part.is_empty() {
            continue;
        }
        if copied {
            push_json_str_body(part, out);
        } else {
            out.extend_from_slice(part.as_bytes());
        }
    }
    out.push(b'"');
    out.extend_from_slice(br#","question":"#);
    push_plain_str(m.question, out);
    out.extend_from_slice(if m.unclosed {
        br#","unclosed":true,"speaker":"#
    } else {
        br#","unclosed":false,"speaker":"#
    });
    match &m.speaker {
        None => out.extend_from_slice(b"null"),
        Some(s) => {
            out.extend_from_slice(br#"{"text":"#);
            push_json_str(s.text, out);
            out.extend_from_slice(match s.kind {
                SpeakerKind::Named => br#","kind":"named","mark":"#,
                SpeakerKind::Anonymous => br#","kind":"anonymous","mark":"#,
                SpeakerKind::Unknown => br#","kind":"unknown","mark":"#,
            });
            push_opt_usize(s.mark, out);
            out.extend_from_slice(br#","start":"#);
            push_opt_usize(s.start, out);
            out.extend_from_slice(br#","end":"#);
            push_opt_usize(s.end, out);
            out.push(b'}');
        }
    }
    out.push(b'}');
}

/// Appends one of the fixed questions as a JSON string: they hold nothing
/// to escape (a test checks every one), so they are copied as they are.
fn push_plain_str(s: &'static str, out: &mut Vec<u8>) {
    debug_assert!(!s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20));
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn push_opt_usize(n: Option<usize>, out: &mut Vec<u8>) {
    match n {
        Some(n) => push_usize(n, out),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends `n` in decimal. Below 10^8 (every offset and id of an article
/// under 100 MB) the eight digits are worked out side by side in one `u64`
/// ([`eight_digits`]) and the leading zeros cut off, with no loop and no
/// copy of a variable length; larger numbers take two digits a step from a
/// table of the pairs (a division by 100 where there was one by 10 per
/// digit: the offsets and ids of a long article's marks cost 4 million
/// instructions, and then 3.4 million with the table).
fn push_usize(mut n: usize, out: &mut Vec<u8>) {
    if let Ok(small @ 1..100_000_000) = u32::try_from(n) {
        let digits = eight_digits(small);
        // The first digit that is not a leading zero: the lowest byte of
        // `digits` (the first written) that is not 0.
        let zeros = (digits.trailing_zeros() / 8) as usize;
        let ascii = (digits | 0x3030_3030_3030_3030) >> (8 * zeros);
        let len = out.len();
        out.extend_from_slice(&ascii.to_le_bytes());
        out.truncate(len + 8 - zeros);
        return;
    }
    const PAIRS: &[u8; 200] = b"\
        0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&buf[i..]);
}

/// The eight decimal digits of `n` (below 10^8, with leading zeros), one a
/// byte as values 0-9, the first digit in the lowest byte (so that
/// `to_le_bytes` gives them in reading order). Each step splits every lane
/// in two by a multiply and a shift that divide exactly in its range:
/// 10^4 by plain division, then 100 in each 32-bit lane (`x * 10486 >> 20`
/// is `x / 100` for x < 10^4), then 10 in each 16-bit lane (`x * 103 >> 10`
/// is `x / 10` for x < 100).
fn eight_digits(n: u32) -> u64 {
    debug_assert!(n < 100_000_000);
    let n = u64::from(n);
    let v = (n / 10_000) | ((n % 10_000) << 32);
    let hundreds = ((v * 10486) >> 20) & 0x0000_007f_0000_007f;
    let v = hundreds | ((v - hundreds * 100) << 16);
    let tens = ((v * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | ((v - tens * 10) << 8)
}

/// The bytes of `w` that need escaping in a JSON string (`"`, `\\` or a
/// control character below 0x20), each as its top bit. Exact for each
/// byte (no borrow runs from one byte into the next, as in the classic
/// zero-byte test), so the bits of bytes already read can be dropped.
#[inline]
fn escape_bits(w: u64) -> u64 {
    use crate::swar::{exact_bytes_equal, exact_zero_bytes, LO};
    let quote = exact_bytes_equal(w, b'"');
    let backslash = exact_bytes_equal(w, b'\\');
    // A byte below 0x20 is one whose top three bits are 0.
    let control = exact_zero_bytes(w & (LO * 0xe0));
    quote | backslash | control
}

/// One bit a byte of `block`, set where the byte needs escaping (see
/// [`escape_bits`]): SSE2, in the x86_64 baseline, sixteen bytes at once.
#[cfg(target_arch = "x86_64")]
#[inline]
fn escape_mask_16(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86_64 baseline, and the unaligned load
    // reads the sixteen bytes of `block`.
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        // A byte is below 0x20 when its unsigned minimum with 0x1f is
        // itself.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)) as u32
    }
}

/// The index of the first byte at or after `i` that needs escaping, or
/// `bytes.len()`: sixteen bytes a step on x86_64 (in a string of sixteen
/// or more), else eight. The last step reads the bytes that end the
/// string, overlapping bytes already read, whose bits are dropped; a
/// string under eight bytes is read zero-padded, and the padding's bits
/// dropped. The byte-by-byte walk this replaced was most of the cost of
/// the JSON's strings.
#[inline]
fn next_escape(bytes: &[u8], mut i: usize) -> usize {
    let n = bytes.len();
    #[cfg(target_arch = "x86_64")]
    if n >= 16 {
        while i < n {
            let from = i.min(n - 16);
            let block = bytes[from..from + 16].try_into().unwrap_or(&[0; 16]);
            let m = escape_mask_16(block) >> (i - from);
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i = from + 16;
        }
        return n;
    }
    if n < 8 {
        let kept = n.saturating_sub(i);
        let bits = escape_bits(crate::swar::load8(&bytes[i..])) & !(u64::MAX << (8 * kept));
        return if bits != 0 {
            i + bits.trailing_zeros() as usize / 8
        } else {
            n
        };
    }
    while i < n {
        let from = i.min(n - 8);
        let word = bytes[from..from + 8].try_into().unwrap_or([0; 8]);
        let bits = escape_bits(u64::from_le_bytes(word)) >> (8 * (i - from));
        if bits != 0 {
            return i + bits.trailing_zeros() as usize / 8;
        }
        i = from + 8;
    }
    n
}

/// Whether some byte of a string under sixteen bytes needs escaping, in at
/// most two overlapping words and no loop: the short strings (rules,
/// names, hedges), most of them with nothing to escape, cost more through
/// [`next_escape`]'s steps.
#[inline]
fn short_needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    debug_assert!(n < 16);
    if n < 8 {
        return escape_bits(crate::swar::load8(bytes)) & !(u64::MAX << (8 * n)) != 0;
    }
    let at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
    escape_bits(at(0)) | escape_bits(at(n - 8)) != 0
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it: `"`
/// and `\` with a backslash, `\b \f \n \r \t` by name, other control
/// characters as `\u00xx` (lower-case hex); everything else as it is.
pub fn push_json_str(s: &str, out: &mut Vec<u8>) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    push_json_str_body(s, out);
    out.push(b'"');
}

/// [`push_json_str`] without the quotation marks around the string. The
/// runs between the bytes that need escaping ([`next_escape`]) are copied
/// whole.
fn push_json_str_body(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    if bytes.len() < 16 && !short_needs_escape(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    loop {
        let i = next_escape(bytes, start);
        out.extend_from_slice(&bytes[start..i]);
        let Some(&b) = bytes.get(i) else { return };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 15)]);
            }
        }
        start = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON written on two threads is the JSON written on one, for
    /// every `--only` filter and both kinds of offsets: also when the
    /// first block of marks keeps none (the second block's first mark
    /// then opens the list, with no comma), when no mark is kept at all,
    /// and over many blocks of each thread.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn json_on_two_threads_is_the_json_on_one() {
        let hedges_then_quotes = format!(
            "{}{}",
            "It may rain. ".repeat(JSON_BLOCK + 100),
            "“Go,” she said. ".repeat(JSON_BLOCK + 100)
        );
        let mixed = "“Go,” she said. It may rain. Critics say so. ".repeat(JSON_BLOCK * 5 / 3);
        let kinds = [
            Kind::Quote,
            Kind::Named,
            Kind::Anonymous,
            Kind::Vague,
            Kind::Hedge,
        ];
        let texts = [
            "",
            "Nothing here.",
            "“Go,” she said.",
            "Prices may rise. Okafor said so. Critics say it could fail. Officials, who asked not to be named, said the plan might work. “We will see,” the mayor said.",
            "It may rain. It might snow. It could hail. It may clear. “No,” Okafor said. “Yes,” Tan said.",
            &hedges_then_quotes,
            &mixed,
        ];
        for text in texts {
            let a = crate::analyze(text);
            if text.len() > 10_000 {
                assert!(a.marks.len() > 2 * JSON_BLOCK, "{}", a.marks.len());
            }
            for only in (0..1u32 << kinds.len()).map(|bits| {
                kinds
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| bits >> i & 1 == 1)
                    .map(|(_, &k)| k)
                    .collect::<Vec<_>>()
            }) {
                let keep = |k: Kind| only.contains(&k);
                for units in [Units::Utf8, Units::Utf16] {
                    let mut one = Vec::new();
                    write_analysis_json(text, &a, units, keep, &mut one).unwrap();
                    let mut two = Vec::new();
                    write_analysis_json_on_two_threads(text, &a, units, keep, &mut two).unwrap();
                    assert_eq!(
                        String::from_utf8(one).unwrap(),
                        String::from_utf8(two).unwrap(),
                        "{text:?} {only:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cached_rules_are_written_as_built() {
        use crate::sources::classify::{Order, Rule, SourceRule};
        use crate::sources::{PhraseRule, SourceKind};
        let source = |kind, rule, order, verb| {
            RuleId::Source(SourceRule {
                kind,
                rule,
                order,
                verb,
            })
        };
        let rules = [
            RuleId::Quote("quote/curly"),
            RuleId::Hedge("may have"),
            RuleId::Hedge("could"),
            RuleId::Phrase(PhraseRule::AnonymityClause("on condition of anonymity")),
            RuleId::Phrase(PhraseRule::VaguePhrase("on condition of anonymity")),
            source(SourceKind::Named, Rule::Name, Order::SourceVerb, "said"),
            source(SourceKind::Named, Rule::Name, Order::VerbSource, "said"),
            source(SourceKind::Vague, Rule::Name, Order::SourceVerb, "said"),
            source(
                SourceKind::Named,
                Rule::TitledName,
                Order::SourceVerb,
                "said",
            ),
            source(
                SourceKind::Pronoun,
                Rule::Pronoun,
                Order::SourceVerb,
                "told \"x\"",
            ),
            RuleId::Custom {
                kind: Kind::Hedge,
                line: 7,
            },
        ];
        // More rules than slots, so that rules share slots and put each
        // other out.
        let many: Vec<RuleId> = (0..300)
            .map(|k| RuleId::Hedge(Box::leak(format!("hedge {k}").into_boxed_str())))
            .collect();
        let all: Vec<&RuleId> = rules.iter().chain(&many).collect();
        // Each rule in turn, many times over. Every turn reads all 311
        // rules, more than the 256 slots hold, so at least 55 of them miss
        // in each turn, whatever slots the addresses of the strings hash
        // to.
        let (mut cache, mut scratch) = (RuleCache::default(), String::new());
        let longest = all.iter().map(|r| r.render().len()).max().unwrap();
        let mut restarted = false;
        for round in 0..20_000 {
            let before = cache.json.len();
            let rule = all[round % all.len()];
            let mut got = Vec::new();
            cache.push_json(rule, &mut scratch, &mut got);
            let mut want = Vec::new();
            push_json_str(&rule.render(), &mut want);
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
            // Bounded: at most the limit and one rule (escaped, at most
            // six bytes a byte, and its quotation marks).
            assert!(cache.json.len() <= RULE_JSON_BYTES + 6 * longest + 2);
            restarted |= cache.json.len() < before;
        }
        // The rules put each other out often enough to reach the limit, so
        // the strings above were also read after a start again.
        assert_eq!(all.len(), 311);
        assert!(restarted);
    }

    fn same_as_serde(text: &str) {
        let analysis = crate::analyze(text);
        for units in [Units::Utf8, Units::Utf16] {
            let report = Report::new(text, &analysis, units, |_| true);
            let mut ours = Vec::new();
            write_json(&report, &mut ours).unwrap();
            let theirs = serde_json::to_string(&report).unwrap() + "\n";
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
    }

    #[test]
    fn push_json_str_escapes_as_serde_json() {
        // Every length up to 40, with an escape (or none) at every place.
        for len in 0..40 {
            for at in 0..=len {
                for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "é", "“"] {
                    let mut s: String =
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"[..len].to_string();
                    if at < len {
                        s.replace_range(at..at + 1, special);
                    }
                    let mut out = Vec::new();
                    push_json_str(&s, &mut out);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&s).unwrap()
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn push_json_str_is_serde_json(s in "[\"\\\\#\\] a!\u{1}\u{1f}\u{7f}é“]{0,40}") {
            let mut ours = Vec::new();
            push_json_str(&s, &mut ours);
            proptest::prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn push_usize_is_to_string(n in proptest::prelude::any::<usize>(), small in 0usize..200_000_000) {
            for n in [n, small] {
                let mut out = b"x".to_vec();
                push_usize(n, &mut out);
                proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), format!("x{n}"));
            }
        }
    }

    #[test]
    fn push_usize_writes_decimal() {
        let mut n = 1usize;
        let mut cases: Vec<usize> = (0..1000).chain([usize::MAX, 1 << 40]).collect();
        while n < usize::MAX / 7 {
            cases.extend([n - 1, n, n + 1]);
            n *= 7;
        }
        for n in cases {
            let mut out = Vec::new();
            push_usize(n, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn write_json_is_serde_json_on_every_fixture() {
        for dir in ["articles", "traps", "clean"] {
            let dir = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                same_as_serde(&text);
            }
        }
        same_as_serde("\"Stop \\ \u{1}\u{8}\u{c}\t\r\u{1f}\u{7f}\u{2028} now,\" Okafor said.");
    }

    #[test]
    fn the_questions_need_no_escaping() {
        let a = crate::analyze("The so-called “safety valve” failed.");
        let questions = Kind::ALL.iter().map(|k| k.question());
        for q in questions.chain(a.marks.iter().map(|m| m.question())) {
            let mut ours = Vec::new();
            push_plain_str(q, &mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(q).unwrap()
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all = String::new();
        for c in (0u32..0x100).filter_map(char::from_u32) {
            all.push(c);
            for s in [c.to_string(), format!("abcdefgh{c}ijklmnop"), all.clone()] {
                let mut ours = Vec::new();
                push_json_str(&s, &mut ours);
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
    }
}
