//! Properties that hold for any input at all: arbitrary Unicode, and text
//! built from news-like pieces that exercise every rule.

use proptest::prelude::*;
use sourcelight::utf16::Utf16Offsets;
use sourcelight::{analyze, Kind};

/// Pieces that trigger every matcher, glued in random order with random
/// separators, so that the rules meet each other in odd places.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "said",
        "Okafor",
        "Ms.",
        "Dr.",
        "U.S.",
        "a senior official",
        "according to",
        "the ministry",
        "critics say",
        "some believe",
        "could",
        "may have",
        "May",
        "might",
        "reportedly",
        "it is unclear",
        "on condition of anonymity",
        "who asked not to be named",
        ",",
        ".",
        "!",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\u{A0}",
        "\u{200B}",
        "\u{AD}",
        "😀",
        "é",
        "e\u{301}",
        "—",
        "she said",
        "two people familiar with the talks",
        "is said to",
        "don’t",
        "’90s",
        "rock ’n’ roll",
    ]);
    let sep = prop::sample::select(vec![" ", "", "  ", "\n", ", "]);
    prop::collection::vec((pieces, sep), 0..60)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

fn check(text: &str) {
    let a = analyze(text);
    let mut prev_start = 0;
    for (i, m) in a.marks.iter().enumerate() {
        let s = m.span;
        assert!(
            s.start < s.end && s.end <= text.len(),
            "mark {i} {s:?} outside the text"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "mark {i} {s:?} splits a char"
        );
        assert!(s.start >= prev_start, "marks are not sorted");
        prev_start = s.start;
        for o in &a.marks[i + 1..] {
            if o.span.start >= s.end {
                break;
            }
            assert!(
                !(o.kind == m.kind && o.span.overlaps(s)),
                "two {} marks overlap: {s:?} {:?}",
                m.kind.as_str(),
                o.span
            );
            assert!(
                s.contains(o.span) || o.span.contains(s),
                "marks cross: {s:?} {:?}",
                o.span
            );
        }
        if let Some(sp) = &m.speaker {
            assert_eq!(m.kind, Kind::Quote);
            if let Some(idx) = sp.mark {
                assert_eq!(Some(a.marks[idx].span), sp.attribution);
            }
        }
    }
    // UTF-16 offsets agree with an independent count.
    let offsets: Vec<usize> = a
        .marks
        .iter()
        .flat_map(|m| [m.span.start, m.span.end])
        .collect();
    let map = Utf16Offsets::new(text, offsets.iter().copied());
    for &o in &offsets {
        assert_eq!(map.get(o), text[..o].encode_utf16().count());
    }
    assert!(a.summary.words <= text.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_are_sound(text in "\\PC*") {
        check(&text);
    }

    #[test]
    fn arbitrary_chars_including_controls(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_text_keeps_marks_sound(text in newsy()) {
        check(&text);
    }
}
