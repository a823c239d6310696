//! Browser tests of the wasm boundary, run by wasm-bindgen-test in headless
//! Chromium (`make wasm-test`). They use the crate as the page does.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Int32Array, JsString, Reflect, Uint32Array, Uint8Array};
use sourcelight::wasm::{analyze, analyze_for_page, MAX_INPUT_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn marks(analysis: &JsValue) -> Vec<JsValue> {
    get(analysis, "marks")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .collect()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap() as u32
}

/// Every mark's `text` is exactly `js.slice(start, end)` of the page's string.
fn assert_offsets_slice_the_marked_text(js: &JsString, analysis: &JsValue) {
    let all = marks(analysis);
    assert!(!all.is_empty(), "expected marks");
    for m in all {
        let sliced = js.slice(num(&m, "start"), num(&m, "end"));
        assert_eq!(String::from(sliced), get(&m, "text").as_string().unwrap());
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_survive_emoji_and_other_astral_characters_before_marks() {
    let text = "😀👍🏽 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — “We could win,” Okafor said. 🇳🇬 Critics say it may fail.";
    let analysis = analyze(text).unwrap();
    let kinds: Vec<String> = marks(&analysis)
        .iter()
        .map(|m| get(m, "kind").as_string().unwrap())
        .collect();
    assert_eq!(kinds, ["quote", "hedge", "named", "vague", "hedge"]);
    assert_offsets_slice_the_marked_text(&JsString::from(text), &analysis);
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_in_line() {
    // A JavaScript string can hold a lone surrogate; it reaches Rust as
    // U+FFFD, one UTF-16 unit, so later offsets still match the page's text.
    let js = JsString::from_char_code(&[0xD83D])
        .concat(&JsString::from(" “It could rain,” Ana said. "))
        .concat(&JsString::from_char_code(&[0xDC00]));
    let text = String::from(js.clone());
    assert!(text.starts_with('\u{FFFD}'));
    assert_offsets_slice_the_marked_text(&js, &analyze(&text).unwrap());
}

/// The page's layout of an analysis: typed-array columns, blocks, details.
struct Page {
    start: Vec<u32>,
    end: Vec<u32>,
    kind: Vec<String>,
    rule: Vec<String>,
    speaker: Vec<i32>,
    blocks: Vec<u32>,
    length: u32,
    details: Vec<JsValue>,
}

fn page(text: &str) -> Page {
    let v = analyze_for_page(text, None).unwrap();
    let m = get(&v, "marks");
    let kinds: Vec<String> = get(&v, "kinds")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    let rules: Vec<String> = get(&v, "rules")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    Page {
        start: get(&m, "start").dyn_into::<Uint32Array>().unwrap().to_vec(),
        end: get(&m, "end").dyn_into::<Uint32Array>().unwrap().to_vec(),
        kind: get(&m, "kind")
            .dyn_into::<Uint8Array>()
            .unwrap()
            .to_vec()
            .into_iter()
            .map(|k| kinds[k as usize].clone())
            .collect(),
        rule: get(&m, "rule")
            .dyn_into::<Uint32Array>()
            .unwrap()
            .to_vec()
            .into_iter()
            .map(|r| rules[r as usize].clone())
            .collect(),
        speaker: get(&m, "speaker")
            .dyn_into::<Int32Array>()
            .unwrap()
            .to_vec(),
        blocks: get(&v, "blocks")
            .dyn_into::<Uint32Array>()
            .unwrap()
            .to_vec(),
        length: num(&v, "length"),
        details: get(&v, "details")
            .dyn_into::<Array>()
            .unwrap()
            .iter()
            .collect(),
    }
}

#[wasm_bindgen_test]
fn the_page_layout_is_the_same_analysis_as_analyze() {
    let text = "😀 Intro.\n\n“We may lose,” Jane Okafor said.\r\n\r\nCritics say it could fail. “No,” she said.";
    let full = marks(&analyze(text).unwrap());
    let p = page(text);
    let js = JsString::from(text);
    assert_eq!(p.length, js.length());
    assert_eq!(p.start.len(), full.len());
    for (i, m) in full.iter().enumerate() {
        assert_eq!(p.start[i], num(m, "start"));
        assert_eq!(p.end[i], num(m, "end"));
        assert_eq!(p.kind[i], get(m, "kind").as_string().unwrap());
        assert_eq!(p.rule[i], get(m, "rule").as_string().unwrap());
        let d = &p.details[i];
        assert_eq!(get(d, "why").as_string(), get(m, "why").as_string());
        assert_eq!(
            get(d, "question").as_string(),
            get(m, "question").as_string()
        );
        let sp = get(m, "speaker");
        let speaker_mark = if sp.is_null() {
            JsValue::NULL
        } else {
            get(&sp, "mark")
        };
        assert_eq!(p.speaker[i], speaker_mark.as_f64().map_or(-1, |v| v as i32));
    }
    assert!(
        p.speaker.iter().any(|&s| s >= 0),
        "a quote links to its speaker's mark"
    );
}

#[wasm_bindgen_test]
fn blocks_cover_the_text_and_no_mark_crosses_one() {
    let text = "Intro.\n\n“We may lose,” Okafor said.\n\n\n“It may rain.\n\nAnd it could,” she said.\n\nEnd";
    let p = page(text);
    assert_eq!(p.blocks.first(), Some(&0));
    assert!(p.blocks.windows(2).all(|w| w[0] < w[1]), "{:?}", p.blocks);
    assert!(p.blocks.len() >= 3, "{:?}", p.blocks);
    for (s, e) in p.start.iter().zip(&p.end) {
        assert!(
            !p.blocks.iter().any(|b| s < b && b < e),
            "mark {s}..{e} crosses a block boundary {:?}",
            p.blocks
        );
    }
}

#[wasm_bindgen_test]
fn empty_input_gives_an_empty_valid_result() {
    let analysis = analyze("").unwrap();
    assert!(marks(&analysis).is_empty());
    assert_eq!(num(&get(&analysis, "summary"), "words"), 0);
    let p = page("");
    assert!(p.start.is_empty() && p.blocks.is_empty() && p.details.is_empty());
    assert_eq!(p.length, 0);
}

#[wasm_bindgen_test]
fn a_very_long_paragraph_is_one_block() {
    let sentence = "Officials said the bridge could reopen, according to the ministry. ";
    let text = sentence.repeat(4000); // ~270 KB, one paragraph
    let p = page(&text);
    assert_eq!(p.start.len(), 3 * 4000);
    assert_eq!(p.blocks, [0]);
    assert_eq!(p.length as usize, text.len());
}

#[wasm_bindgen_test]
fn oversized_input_is_refused_with_a_message() {
    let big = "a".repeat(MAX_INPUT_BYTES + 1);
    let err = JsValue::from(analyze(&big).unwrap_err());
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.starts_with("This text is 2.0 MB; "), "{message}");
    assert!(analyze_for_page(&big, None).is_err());
}

#[wasm_bindgen_test]
fn a_teachers_rules_add_custom_marks_and_a_bad_list_is_refused() {
    let text = "A person briefed on the talks spoke.";
    let v = analyze_for_page(
        text,
        Some("anonymous: a person briefed on :: Briefed by whom?".into()),
    )
    .unwrap();
    let rules: Vec<String> = get(&v, "rules")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .map(|r| r.as_string().unwrap())
        .collect();
    assert!(
        rules.contains(&"custom/anonymous/1".to_string()),
        "{rules:?}"
    );
    let err = JsValue::from(analyze_for_page(text, Some("hedge: /(/".into())).unwrap_err());
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.starts_with("Your phrases, line 1:"), "{message}");
}
