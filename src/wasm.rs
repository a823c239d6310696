//! The WebAssembly boundary: the only module that knows about wasm-bindgen,
//! js-sys, web-sys, serde-wasm-bindgen and the panic hook. See
//! `docs/wasm-api.md` for the JavaScript side of the contract.
//!
//! The page runs this module in a Web Worker: [`analyze_for_page`] hands back
//! plain data (typed arrays and small objects that `postMessage` copies or
//! transfers cheaply), and the page draws the article from it on the main
//! thread. Nothing here touches the page's DOM except the panic hook, and only
//! when it runs on a page rather than in a worker.
//!
//! Offsets handed to JavaScript are UTF-16 code units (what `String.slice`
//! takes), converted from the core's UTF-8 byte offsets in one pass per
//! analysis. A JavaScript string with lone surrogates arrives here with each
//! replaced by U+FFFD, which is also one UTF-16 unit, so offsets still line
//! up with the page's own string.

use crate::analysis::{analyze as analyze_text, analyze_with, Analysis};
use crate::custom::CustomRules;
use crate::mark::Kind;
use crate::report::{Report, SpeakerOut, Units};
use crate::summary::Summary;
use crate::utf16::Utf16Offsets;
use js_sys::{Function, Int32Array, Object, Reflect, Uint32Array, Uint8Array};
use serde::Serialize;
use std::sync::Once;
use wasm_bindgen::prelude::*;

/// The largest article the page accepts, in UTF-8 bytes. A 1 MB paste
/// renders in slices; beyond about 2 MB a browser tab holding the
/// highlighted article gets sluggish, so the page says so instead.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

static HOOK: Once = Once::new();

/// Installs the panic hook once. The message always goes to the console.
/// In a worker (the page's case) it is also passed to
/// `globalThis.sourcelightPanic(message)` if the worker defined that
/// function, so the worker can forward it to the page; on a page it is
/// written into the `#sl-error` element if there is one. The call that
/// panicked then throws (a `WebAssembly.RuntimeError`) in JavaScript.
#[wasm_bindgen(start)]
pub fn start() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            let message = format!(
                "Sourcelight hit an internal error and could not mark this text ({info}). Your text is untouched; edit it or paste again to retry."
            );
            let global = js_sys::global();
            if let Ok(f) = Reflect::get(&global, &"sourcelightPanic".into()) {
                if let Some(f) = f.dyn_ref::<Function>() {
                    let _ = f.call1(&JsValue::UNDEFINED, &message.as_str().into());
                    return;
                }
            }
            let shown = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("sl-error"));
            if let Some(el) = shown {
                el.set_text_content(Some(&message));
                let _ = el.remove_attribute("hidden");
            }
        }));
    });
}

/// The largest input [`analyze`] and [`analyze_for_page`] accept, in UTF-8
/// bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

fn check_size(text: &str) -> Result<(), JsError> {
    if text.len() > MAX_INPUT_BYTES {
        let tenths = tenths_of_mb(text.len());
        return Err(JsError::new(&format!(
            "This text is {}.{} MB; Sourcelight marks articles up to {} MB. Paste a shorter piece, or use the command-line tool for batch work.",
            tenths / 10,
            tenths % 10,
            MAX_INPUT_BYTES / 1_048_576
        )));
    }
    Ok(())
}

/// `bytes` in tenths of a MiB, rounded as `format!("{:.1}", bytes as f64 /
/// 1_048_576.0)` rounds (half to even; checked against it for every length
/// up to 50,000,000 and around each tie), in integers: formatting an `f64`
/// would compile Rust's float printer into the module, 17 KB of it.
fn tenths_of_mb(bytes: usize) -> u64 {
    let scaled = bytes as u64 * 10;
    let (q, r) = (scaled >> 20, scaled & 0xF_FFFF);
    let half = 1 << 19;
    q + u64::from(r > half || (r == half && q % 2 == 1))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Analyses `text`: marks, speakers and summary as plain data, offsets in
/// UTF-16 code units (the JSON contract of `docs/wasm-api.md`).
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    check_size(text)?;
    let analysis = analyze_text(text);
    to_js(&Report::new(text, &analysis, Units::Utf16, |_| true))
}

/// What a mark's explanation panel needs beyond its span, kind and rule.
#[derive(Serialize)]
struct Detail<'a> {
    why: crate::mark::WhyText<'a>,
    question: &'static str,
    unclosed: bool,
    speaker: Option<&'a SpeakerOut<'a>>,
}

/// The parts of [`analyze_for_page`]'s result that are not typed arrays.
#[derive(Serialize)]
struct PagePlain<'a> {
    version: u32,
    offsets: Units,
    /// The text's length in UTF-16 code units.
    length: usize,
    /// `kind` codes index this list.
    kinds: Vec<&'static str>,
    /// `rule` codes index this list.
    rules: Vec<String>,
    details: Vec<Detail<'a>>,
    summary: &'a Summary,
}

/// Analyses `text` for the page: the same marks as [`analyze`], laid out for
/// a worker to post and the page to draw from. Marks are columns of typed
/// arrays (`start`, `end`, `kind`, `rule`, `speaker`), the text is cut into
/// blocks no mark crosses (`blocks`: where each starts), and everything a
/// mark's explanation needs is in `details`. `rules`, when given, is a
/// teacher's own phrases (`docs/custom-rules.md`); a bad list throws
/// `Your phrases, line N: …` and analyses nothing. See `docs/wasm-api.md`.
#[wasm_bindgen(js_name = analyzeForPage)]
pub fn analyze_for_page(text: &str, rules: Option<String>) -> Result<JsValue, JsError> {
    check_size(text)?;
    let rules = match rules.as_deref() {
        None | Some("") => CustomRules::empty(),
        Some(r) => {
            CustomRules::parse(r).map_err(|e| JsError::new(&format!("Your phrases, {e}")))?
        }
    };
    let analysis = analyze_with(text, &rules);
    let report = Report::new(text, &analysis, Units::Utf16, |_| true);
    let n = report.marks.len();

    let mut start = Vec::with_capacity(n);
    let mut end = Vec::with_capacity(n);
    let mut kind = Vec::with_capacity(n);
    let mut rule = Vec::with_capacity(n);
    let mut speaker = Vec::with_capacity(n);
    let mut rules: Vec<String> = Vec::new();
    let mut rule_ids: std::collections::HashMap<crate::mark::RuleId, u32> =
        std::collections::HashMap::new();
    let mut details = Vec::with_capacity(n);
    for m in &report.marks {
        start.push(u32_of(m.start)?);
        end.push(u32_of(m.end)?);
        kind.push(Kind::ALL.iter().position(|k| *k == m.kind).unwrap_or(0) as u8);
        let id = *rule_ids.entry(m.rule).or_insert_with(|| {
            rules.push(m.rule.render());
            (rules.len() - 1) as u32
        });
        rule.push(id);
        let sp = m.speaker.as_ref();
        speaker.push(sp.and_then(|s| s.mark).map_or(-1, |id| id as i32));
        details.push(Detail {
            why: m.why,
            question: m.question,
            unclosed: m.unclosed,
            speaker: sp,
        });
    }

    let block_bytes = blocks(text, &analysis);
    let units = Utf16Offsets::new(text, block_bytes.iter().copied().chain([text.len()]));
    let blocks: Vec<u32> = block_bytes
        .iter()
        .map(|&b| u32_of(units.get(b)))
        .collect::<Result<_, _>>()?;

    let plain = PagePlain {
        version: 1,
        offsets: Units::Utf16,
        length: units.get(text.len()),
        kinds: Kind::ALL.iter().map(|k| k.as_str()).collect(),
        rules,
        details,
        summary: &analysis.summary,
    };
    let out = to_js(&plain)?;
    let set = |key: &str, value: &JsValue| {
        Reflect::set(&out, &key.into(), value)
            .map(|_| ())
            .map_err(|_| JsError::new("could not build the result"))
    };
    let marks = Object::new();
    let put = |key: &str, value: &JsValue| {
        Reflect::set(&marks, &key.into(), value)
            .map(|_| ())
            .map_err(|_| JsError::new("could not build the result"))
    };
    put("start", &Uint32Array::from(&start[..]).into())?;
    put("end", &Uint32Array::from(&end[..]).into())?;
    put("kind", &Uint8Array::from(&kind[..]).into())?;
    put("rule", &Uint32Array::from(&rule[..]).into())?;
    put("speaker", &Int32Array::from(&speaker[..]).into())?;
    set("marks", &marks.into())?;
    set("blocks", &Uint32Array::from(&blocks[..]).into())?;
    Ok(out)
}

fn u32_of(n: usize) -> Result<u32, JsError> {
    u32::try_from(n).map_err(|_| JsError::new("offset out of range"))
}

/// Where each block of the page's drawing starts, in UTF-8 bytes: the first
/// at 0, then each paragraph after the first, so a block is one paragraph
/// with the white space after it. The page redraws only the blocks whose
/// text or marks changed, which is right only if no mark crosses a block
/// boundary; the core promises that for paragraphs, and a boundary that a
/// mark would cross is dropped here all the same. Empty text: no blocks.
fn blocks(text: &str, analysis: &Analysis) -> Vec<usize> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0];
    let marks = &analysis.marks;
    let mut next = 0; // marks[..next] start before the boundary under test
    let mut reach = 0; // the furthest end among them
    for p in analysis.paragraphs.iter().skip(1) {
        let b = p.start();
        if b == 0 || b >= text.len() || b <= *out.last().unwrap_or(&0) {
            continue;
        }
        while next < marks.len() && marks[next].span.start() < b {
            reach = reach.max(marks[next].span.end());
            next += 1;
        }
        if reach <= b {
            out.push(b);
        }
    }
    out
}
