//! Browser tests of the wasm boundary, run by wasm-bindgen-test in headless
//! Chromium (`make wasm-test`). They use the crate as the page does.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use sourcelight::wasm::{analyze, Article, MAX_INPUT_BYTES};
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

#[wasm_bindgen_test]
fn empty_input_gives_an_empty_valid_result() {
    let analysis = analyze("").unwrap();
    assert!(marks(&analysis).is_empty());
    assert_eq!(num(&get(&analysis, "summary"), "words"), 0);
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    let mut article = Article::new(String::new()).unwrap();
    assert_eq!(article.render(&div, 1000).unwrap(), 1.0);
    assert_eq!(div.text_content().unwrap(), "");
}

#[wasm_bindgen_test]
fn a_very_long_paragraph_is_analysed_and_drawn_whole() {
    let sentence = "Officials said the bridge could reopen, according to the ministry. ";
    let text = sentence.repeat(4000); // ~270 KB, one paragraph
    let mut article = Article::new(text.clone()).unwrap();
    assert_eq!(marks(&article.analysis()).len(), 3 * 4000);
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    let mut progress = 0.0;
    while progress < 1.0 {
        progress = article.render(&div, 64 * 1024).unwrap();
    }
    assert_eq!(div.text_content().unwrap(), text);
    assert_eq!(div.query_selector_all("mark").unwrap().length(), 3 * 4000);
}

#[wasm_bindgen_test]
fn rendering_keeps_every_character_once_and_nests_marks() {
    let text = "Intro.\n\n“We may lose,” Okafor said.\r\n\r\n<img src=x onerror=alert(1)> <script>alert(1)</script>";
    let mut article = Article::new(text.to_string()).unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    let mut progress = 0.0;
    let mut calls = 0;
    while progress < 1.0 {
        progress = article.render(&div, 1).unwrap();
        calls += 1;
    }
    assert!(calls > 1, "a tiny budget renders paragraph by paragraph");
    assert_eq!(div.text_content().unwrap(), text);
    assert_eq!(div.query_selector_all("img, script").unwrap().length(), 0);
    let hedge = div
        .query_selector("mark[data-kind=quote] > mark[data-kind=hedge]")
        .unwrap()
        .expect("a hedge nested in the quote");
    assert_eq!(hedge.text_content().unwrap(), "may");
    assert_eq!(hedge.get_attribute("data-rule").unwrap(), "hedge/may");
}

#[wasm_bindgen_test]
fn oversized_input_is_refused_with_a_message() {
    let big = "a".repeat(MAX_INPUT_BYTES + 1);
    let err = JsValue::from(analyze(&big).unwrap_err());
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("MB"), "{message}");
    assert!(Article::new(big).is_err());
}
