//! The WebAssembly boundary: the only module that knows about wasm-bindgen,
//! web-sys, serde-wasm-bindgen and the panic hook. See `docs/wasm-api.md` for
//! the JavaScript side of the contract.
//!
//! Offsets handed to JavaScript are UTF-16 code units (what `String.slice`
//! takes), converted from the core's UTF-8 byte offsets in one pass per
//! analysis by [`Report`]. A JavaScript string with lone surrogates arrives
//! here with each replaced by U+FFFD, which is also one UTF-16 unit, so
//! offsets still line up with the page's own string.

use crate::analysis::{analyze as analyze_text, Analysis};
use crate::report::{Report, Units};
use serde::Serialize;
use std::sync::Once;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

/// The largest article the page accepts, in UTF-8 bytes. A 1 MB paste
/// renders in chunks; beyond about 2 MB a browser tab holding the
/// highlighted article gets sluggish, so the page says so instead.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

static HOOK: Once = Once::new();

/// Installs the panic hook once: the message goes to the console and to the
/// page's `#sl-error` element, and the call that panicked throws in
/// JavaScript, so the page can carry on.
#[wasm_bindgen(start)]
pub fn start() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            let shown = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("sl-error"));
            if let Some(el) = shown {
                el.set_text_content(Some(&format!(
                    "Sourcelight hit an internal error and could not mark this text ({info}). Your text is untouched; edit it or paste again to retry."
                )));
                let _ = el.remove_attribute("hidden");
            }
        }));
    });
}

/// The largest input [`analyze`] and [`Article`] accept, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

fn check_size(text: &str) -> Result<(), JsError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(JsError::new(&format!(
            "This text is {:.1} MB; Sourcelight marks articles up to {} MB. Paste a shorter piece, or use the command-line tool for batch work.",
            text.len() as f64 / 1_048_576.0,
            MAX_INPUT_BYTES / 1_048_576
        )));
    }
    Ok(())
}

fn to_js(text: &str, analysis: &Analysis) -> Result<JsValue, JsError> {
    let report = Report::new(text, analysis, Units::Utf16, |_| true);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Analyses `text`: marks, speakers and summary as plain data, offsets in
/// UTF-16 code units.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    check_size(text)?;
    to_js(text, &analyze_text(text))
}

/// An analysed article that renders itself into the page in slices, so a
/// large paste never freezes the tab.
#[wasm_bindgen]
pub struct Article {
    text: String,
    analysis: Analysis,
    report: JsValue,
    /// Byte offset up to which the article has been rendered.
    rendered: usize,
    /// Index of the next mark to open.
    next_mark: usize,
}

#[wasm_bindgen]
impl Article {
    #[wasm_bindgen(constructor)]
    pub fn new(text: String) -> Result<Article, JsError> {
        check_size(&text)?;
        let analysis = analyze_text(&text);
        let report = to_js(&text, &analysis)?;
        Ok(Article {
            text,
            analysis,
            report,
            rendered: 0,
            next_mark: 0,
        })
    }

    /// The same plain data as [`analyze`].
    #[wasm_bindgen(getter)]
    pub fn analysis(&self) -> JsValue {
        self.report.clone()
    }

    /// Appends about `budget_bytes` more of the article to `container`
    /// (whole paragraphs) and returns the fraction done, 1 when finished.
    /// The first call empties the container.
    pub fn render(&mut self, container: &Element, budget_bytes: usize) -> Result<f64, JsError> {
        let document = container
            .owner_document()
            .ok_or_else(|| JsError::new("the container is not in a document"))?;
        if self.rendered == 0 && self.next_mark == 0 {
            container.set_text_content(None);
        }
        let total = self.text.len();
        if self.rendered >= total {
            return Ok(1.0);
        }
        let until = self.chunk_end(budget_bytes.max(1));
        self.render_range(&document, container, until)
            .map_err(|e| JsError::new(&format!("could not draw the article: {e:?}")))?;
        Ok(if total == 0 {
            1.0
        } else {
            self.rendered as f64 / total as f64
        })
    }
}

impl Article {
    /// Where this slice ends: the start of the paragraph after the one in
    /// which the budget runs out, so no mark is split (marks never cross a
    /// paragraph).
    fn chunk_end(&self, budget: usize) -> usize {
        let target = self.rendered.saturating_add(budget);
        let paras = &self.analysis.paragraphs;
        let i = paras.partition_point(|p| p.end < target);
        paras.get(i + 1).map_or(self.text.len(), |next| {
            next.start.max(self.rendered + 1).min(self.text.len())
        })
    }

    fn render_range(
        &mut self,
        document: &Document,
        container: &Element,
        until: usize,
    ) -> Result<(), JsValue> {
        let text = &self.text;
        let marks = &self.analysis.marks;
        let mut stack: Vec<(usize, Element)> = Vec::new();
        let mut at = self.rendered;
        let parent = |stack: &Vec<(usize, Element)>| -> Node {
            stack
                .last()
                .map_or_else(|| container.clone().into(), |(_, e)| e.clone().into())
        };
        let emit = |parent: &Node, from: usize, to: usize| -> Result<(), JsValue> {
            if from < to {
                parent.append_child(&document.create_text_node(&text[from..to]))?;
            }
            Ok(())
        };
        while self.next_mark < marks.len() && marks[self.next_mark].span.start < until {
            let id = self.next_mark;
            let m = &marks[id];
            while let Some((end, _)) = stack.last() {
                if *end > m.span.start {
                    break;
                }
                let end = *end;
                emit(&parent(&stack), at, end)?;
                at = end;
                stack.pop();
            }
            emit(&parent(&stack), at, m.span.start)?;
            at = m.span.start;
            let el = document.create_element("mark")?;
            el.set_class_name("sl-mark");
            el.set_attribute("data-kind", m.kind.as_str())?;
            el.set_attribute("data-rule", &m.rule)?;
            el.set_attribute("data-mark", &id.to_string())?;
            el.set_attribute("tabindex", "-1")?;
            parent(&stack).append_child(&el)?;
            stack.push((m.span.end, el));
            self.next_mark += 1;
        }
        while let Some((end, _)) = stack.last() {
            let end = *end;
            emit(&parent(&stack), at, end)?;
            at = end;
            stack.pop();
        }
        emit(&parent(&stack), at, until)?;
        self.rendered = until;
        Ok(())
    }
}
