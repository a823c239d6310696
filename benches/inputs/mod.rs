//! Adversarial inputs for the throughput bench and `examples/scaling.rs`:
//! texts built to hit the worst case of some pass, plus realistic news.
//!
//! Each input is a named generator that makes at least `bytes` bytes of text
//! (on a char boundary); the two tools share this file so they measure the
//! same things.

use sourcelight::normalize::Normalized;
use sourcelight::span::ByteSpan;
use sourcelight::{quotes, text};
use std::path::Path;

/// The scanning passes of the pipeline (normalise, paragraphs, quotes,
/// sentences), run as `analyze` runs them; returns a count so that nothing
/// is optimised away. (The summary's word count is no pass of its own: the
/// tokeniser counts words as it goes.)
pub fn scan(original: &str) -> usize {
    let norm = Normalized::new(original);
    let t: &str = &norm.text;
    let paragraphs = text::paragraphs(t);
    let quotes = quotes::find_quotes(t, &paragraphs);
    let spans: Vec<ByteSpan> = quotes.iter().map(|q| q.span).collect();
    let mut n = 0;
    for p in &paragraphs {
        n += text::sentences(t, *p, &spans).len();
    }
    n
}

/// One adversarial input: a name and a generator.
pub struct Input {
    pub name: &'static str,
    pub make: fn(usize) -> String,
}

/// `unit` repeated until the text is at least `bytes` long.
fn repeat(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// The fixture articles, markup stripped, each trimmed.
pub fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            sourcelight::markup::parse(&std::fs::read_to_string(p).expect("readable fixture"))
                .expect("fixture markup")
                .text
                .trim()
                .to_string()
        })
        .collect()
}

/// Fixture articles repeated to size, joined by `sep`.
fn news_joined(bytes: usize, sep: &str, flatten: bool) -> String {
    let articles = articles();
    let mut s = String::with_capacity(bytes + 16384);
    for a in articles.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        if flatten {
            // One paragraph: every line break becomes a space.
            s.extend(a.chars().map(|c| if c == '\n' { ' ' } else { c }));
        } else {
            s.push_str(a);
        }
        s.push_str(sep);
    }
    s
}

/// Realistic news: the fixture articles repeated, blank lines between.
pub fn news(bytes: usize) -> String {
    news_joined(bytes, "\n\n", false)
}

/// Every input, realistic news first.
pub fn all() -> Vec<Input> {
    vec![
        Input {
            name: "news",
            make: news,
        },
        Input {
            name: "one-paragraph news",
            make: |n| news_joined(n, " ", true),
        },
        Input {
            name: "`it could be `",
            make: |n| repeat("it could be ", n),
        },
        Input {
            name: "`said said `",
            make: |n| repeat("said said ", n),
        },
        Input {
            name: "`Aaa Bbb said `",
            make: |n| repeat("Aaa Bbb said ", n),
        },
        Input {
            name: "`the official said. `",
            make: |n| repeat("the official said. ", n),
        },
        Input {
            name: "no full stop (one sentence)",
            make: |n| repeat("the council voted on the plan and ", n),
        },
        Input {
            name: "`“a ` unclosed",
            make: |n| repeat("“a ", n),
        },
        Input {
            name: "`\"a ` unclosed",
            make: |n| repeat("\"a ", n),
        },
        Input {
            name: "`‘a ` unclosed",
            make: |n| repeat("‘a ", n),
        },
        Input {
            name: "`Mr. Dr. No. St. `",
            make: |n| repeat("Mr. Dr. No. St. ", n),
        },
        Input {
            name: "`Aaa Bbb Ccc Ddd `",
            make: |n| repeat("Aaa Bbb Ccc Ddd ", n),
        },
        Input {
            name: "CRLF, tabs, nbsp",
            make: |n| {
                repeat(
                    "The\u{A0}official\tsaid  it\r\n\r\ncould be\u{AD}true.\r\n",
                    n,
                )
            },
        },
    ]
}
