//! What the core reports: marks, speakers, and the words a student reads.

use crate::sources::{PhraseRule, SourceRule};
use crate::span::ByteSpan;
use serde::Serialize;
use std::fmt;

/// Which rule or lexicon entry made a mark, typed. `Display` gives the
/// string written in JSON and in [`Mark::rule`]:
///
/// - quotes: `quote/{style}` (`quote/curly-double`, `quote/scare`);
/// - attributions: `{kind}/{rule}/{order}/{verb}`
///   (`named/institution/source-verb/said`, see [`SourceRule`]);
/// - phrases: `anonymous/clause/{phrase}`, `vague/phrase/{phrase}`;
/// - hedges: `hedge/{phrase}` (`hedge/may-have`);
/// - a teacher's own rules: `custom/{kind}/{line}` (`custom/anonymous/3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// The quote style's rule, from [`crate::quotes`].
    Quote(&'static str),
    Source(SourceRule),
    Phrase(PhraseRule),
    /// The entry of `lexicon/hedges.txt`.
    Hedge(&'static str),
    /// A teacher's own rule (`crate::custom`): `custom/{kind}/{line}`.
    Custom {
        kind: Kind,
        line: u32,
    },
}

impl RuleId {
    /// The string `Display` gives, appended to `out`: a handful of
    /// `push_str`s, where `to_string` went through the formatting machinery
    /// (about a thousand instructions a mark).
    pub fn push_to(&self, out: &mut String) {
        match self {
            RuleId::Quote(r) => out.push_str(r),
            RuleId::Source(r) => r.push_to(out),
            RuleId::Phrase(r) => r.push_to(out),
            RuleId::Hedge(p) => {
                out.push_str("hedge/");
                push_dashed(p, out);
            }
            RuleId::Custom { kind, line } => {
                out.push_str("custom/");
                out.push_str(kind.as_str());
                out.push('/');
                out.push_str(&line.to_string());
            }
        }
    }

    /// The string `Display` gives, built with [`RuleId::push_to`].
    pub fn render(&self) -> String {
        let mut s = String::with_capacity(48);
        self.push_to(&mut s);
        s
    }
}

/// Appends `phrase` with its spaces as dashes (`may have` → `may-have`).
pub(crate) fn push_dashed(phrase: &str, out: &mut String) {
    for (i, w) in phrase.split(' ').enumerate() {
        if i > 0 {
            out.push('-');
        }
        out.push_str(w);
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// The five kinds of mark, defined in the annotation guideline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quote,
    Anonymous,
    Vague,
    Hedge,
    Named,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Quote,
        Kind::Anonymous,
        Kind::Vague,
        Kind::Hedge,
        Kind::Named,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Anonymous => "anonymous",
            Kind::Vague => "vague",
            Kind::Hedge => "hedge",
            Kind::Named => "named",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The teaching question shown with every mark of this kind.
    pub fn question(self) -> &'static str {
        match self {
            Kind::Quote => "Who is speaking? Is the quote complete, or a fragment chosen by the reporter?",
            Kind::Anonymous => "Why might this source not be named? Does the article say why anonymity was granted?",
            Kind::Vague => "Who exactly are these people? How many? Could you check their view?",
            Kind::Hedge => "How sure is the writer? What would make this claim certain?",
            Kind::Named => "Could you check this source? What might they want you to believe?",
        }
    }

    /// A short label for legends and reports.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Quote => "Direct quote",
            Kind::Anonymous => "Anonymous source",
            Kind::Vague => "Vague attribution",
            Kind::Hedge => "Hedge",
            Kind::Named => "Named source",
        }
    }
}

/// How identifiable the speaker of a quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Named,
    Anonymous,
    /// The article does not say, or names only a vague group ("critics").
    Unknown,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The source's words as the article gives them: "Jane Okafor",
    /// "a senior official".
    pub text: String,
    pub kind: SpeakerKind,
    /// The attribution the speaker comes from, in UTF-8 byte offsets of the
    /// original text ("Okafor said"; for "she said", the attribution that
    /// introduced the person the pronoun refers to).
    pub attribution: Option<ByteSpan>,
    /// Index in [`crate::Analysis::marks`] of the mark at `attribution`.
    pub mark: Option<usize>,
}

/// One mark: a span of the original article with its kind and explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub kind: Kind,
    /// UTF-8 byte offsets into the original text, half-open.
    pub span: ByteSpan,
    /// Which pattern or lexicon entry fired, e.g. `hedge/may-have`: the
    /// `Display` of [`Mark::rule_id`].
    pub rule: String,
    /// The same, typed: what summaries and tests match on.
    #[serde(skip)]
    pub rule_id: RuleId,
    /// One sentence a student can read: why this was marked.
    pub why: String,
    /// Quotes only: the closing quotation mark was missing.
    pub unclosed: bool,
    /// Quotes only.
    pub speaker: Option<Speaker>,
}

impl Mark {
    pub fn question(&self) -> &'static str {
        // Per rule: a scare quote has its own question (guideline).
        if self.rule_id == RuleId::Quote(crate::quotes::SCARE_RULE) {
            return "Whose word is this, and why did the writer put it in quotation marks?";
        }
        self.kind.question()
    }
}
