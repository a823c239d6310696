//! Properties that hold for any input at all: arbitrary Unicode, and text
//! built from news-like pieces that exercise every rule.

mod common;

use proptest::prelude::*;
use sourcelight::normalize::Normalized;
use sourcelight::utf16::Utf16Offsets;
use sourcelight::{analyze, Kind, SpeakerKind};

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
    let normalized = Normalized::new(text);
    let mut prev_start = 0;
    for (i, m) in a.marks.iter().enumerate() {
        let s = m.span;
        assert!(
            s.start() < s.end() && s.end() <= text.len(),
            "mark {i} {s:?} outside the text"
        );
        assert!(
            text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()),
            "mark {i} {s:?} splits a char"
        );
        assert!(s.start() >= prev_start, "marks are not sorted");
        prev_start = s.start();
        for o in &a.marks[i + 1..] {
            if o.span.start() >= s.end() {
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
        if let Some(sp) = a.speaker(m) {
            assert_eq!(m.kind, Kind::Quote);
            // The speaker's words read through the analysis are the
            // normalised text's slice, the string the speaker once copied.
            let words = a.speaker_text(sp, text);
            assert_eq!(words, sp.words.slice(&normalized.text));
            assert!(
                !words.is_empty() || sp.kind == SpeakerKind::Unknown,
                "{sp:?}"
            );
            if let Some(idx) = sp.mark {
                assert_eq!(Some(a.marks[idx].span), sp.attribution);
            }
        }
    }
    // UTF-16 offsets agree with an independent count.
    let offsets: Vec<usize> = a
        .marks
        .iter()
        .flat_map(|m| [m.span.start(), m.span.end()])
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

/// Characters whose case mapping changes their length in UTF-8 (İ lowercases
/// to three bytes, the Kelvin and Ohm signs to one ASCII or Greek letter, ẞ
/// to ß, ﬀ uppercases to FF) or is context-dependent (Σ), glued to phrases
/// the rules match case-insensitively, in upper and mixed case.
fn case_traps() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "İ",
        "İİİ",
        "\u{212A}",
        "\u{2126}",
        "ẞ",
        "ß",
        "Σ",
        "ς",
        "ﬀ",
        "Ⱥ",
        "WHO ASKED NOT TO BE NAMED",
        "who asked not to be named",
        "ON CONDITION OF ANONYMITY",
        "A DIPLOMAT",
        "a diplomat",
        "SAID",
        "said",
        "Okafor",
        "ACCORDING TO",
        "the ministry",
        "COULD",
        "May Have",
        "REPORTEDLY",
        "Critics Say",
        "“Go,”",
        ".",
        ",",
    ]);
    let sep = prop::sample::select(vec![" ", "", ", "]);
    prop::collection::vec((pieces, sep), 0..40)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

/// Every mark's text is what its rule matched: a hedge is exactly its
/// phrase, an anonymity clause opens with its phrase, a named or vague
/// attribution holds its verb — whatever length-changing case pairs stand around them.
fn marks_hold_what_their_rule_matched(text: &str) {
    for m in analyze(text).marks {
        let got = m.span.slice(text);
        let words = |dashed: &str| dashed.replace('-', " ");
        let rule = m.rule_id.render();
        let parts: Vec<&str> = rule.split('/').collect();
        match parts.as_slice() {
            ["hedge", phrase] => assert!(
                got.eq_ignore_ascii_case(&words(phrase)),
                "hedge {got:?} is not {phrase:?} in {text:?}"
            ),
            ["anonymous", "clause", phrase] => assert!(
                got.len() >= phrase.len()
                    && got.is_char_boundary(phrase.len())
                    && got[..phrase.len()].eq_ignore_ascii_case(&words(phrase)),
                "clause {got:?} does not open with {phrase:?} in {text:?}"
            ),
            // Anonymous sources are marked without their verb.
            ["named" | "vague", _, "source-verb" | "verb-source", verb] => assert!(
                got.to_ascii_lowercase().contains(&words(verb)),
                "attribution {got:?} lacks its verb {verb:?} in {text:?}"
            ),
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn case_mapping_never_moves_a_mark(text in case_traps()) {
        check(&text);
        marks_hold_what_their_rule_matched(&text);
    }
}

#[test]
fn marks_hold_what_their_rule_matched_in_every_fixture() {
    for dir in ["articles", "traps", "holdout", "holdout2"] {
        for path in common::fixtures(dir) {
            let source = std::fs::read_to_string(&path).unwrap();
            let text = sourcelight::markup::parse(&source).unwrap().text;
            marks_hold_what_their_rule_matched(&text);
        }
    }
}
