//! # Sourcelight
//!
//! Shows a reader, at a glance, where a news article's claims come from: direct
//! quotes and who said them, named sources, anonymous sources, vague
//! attribution ("critics say") and hedges ("could", "reportedly"). What counts
//! as each mark is defined by the project's annotation guideline; where it is
//! silent, the module that decides says so in its docs.
//!
//! ```
//! let a = sourcelight::analyze("“We need more time,” Okafor said.");
//! let kinds: Vec<_> = a.marks.iter().map(|m| m.kind.as_str()).collect();
//! assert_eq!(kinds, ["quote", "named"]);
//! ```
//!
//! Where things live: `quotes` finds quotations, `sources` finds and classifies
//! attributions (one file per step; the named/anonymous/vague decision is the
//! rule table in `sources/classify.rs`), `speakers` decides who said what,
//! `hedges` finds hedges (its context rules, such as "May" the month, in
//! `hedges/context_rules.rs`), and their word lists are data files in
//! `src/lexicon/` (closed-class words in `src/lexicon/words/`). `normalize`
//! and `text` are the text model; `text` also tokenises the article once for
//! every later stage. All offsets in the core are UTF-8 byte offsets
//! ([`ByteSpan`]); `utf16` converts them for JavaScript and `wasm` is the
//! only module that knows about the browser.

pub mod analysis;
#[cfg(target_arch = "x86_64")]
pub(crate) mod byte_set;
pub mod custom;
pub mod events;
pub(crate) mod hash;
pub mod hedges;
pub mod lexicon;
pub mod mark;
pub mod markup;
pub mod normalize;
pub(crate) mod par;
pub mod quotes;
pub mod report;
pub(crate) mod sort;
pub mod sources;
pub mod span;
pub mod speakers;
pub mod summary;
pub(crate) mod swar;
pub mod text;
pub mod utf16;
pub mod utf8;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{analyze, analyze_with, Analysis};
pub use custom::{CustomRules, CustomRulesError};
pub use mark::{Kind, Mark, Speaker, SpeakerKind};
pub use span::ByteSpan;
pub use summary::Summary;
