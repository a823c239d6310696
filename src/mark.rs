//! What the core reports: marks, speakers, and the words a student reads.

use crate::sources::{PhraseRule, SourceRule};
use crate::span::{ByteSpan, Index};
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
    // Most are one word ("said", "could"): copied at once, where splitting
    // on spaces set up a char searcher for each.
    if !phrase.bytes().any(|b| b == b' ') {
        out.push_str(phrase);
        return;
    }
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
    /// The source's words as the article gives them ("Jane Okafor", "a
    /// senior official"), in UTF-8 byte offsets of the normalised text, the
    /// text the explanations quote ([`crate::Analysis::explained`]); empty
    /// for an unknown speaker. [`crate::Analysis::speaker_text`] reads them.
    /// A span, not a `String`: a string a quote was an allocation and a
    /// copy each, and a free when the analysis was dropped.
    pub words: ByteSpan,
    pub kind: SpeakerKind,
    /// The attribution the speaker comes from, in UTF-8 byte offsets of the
    /// original text ("Okafor said"; for "she said", the attribution that
    /// introduced the person the pronoun refers to).
    pub attribution: Option<ByteSpan>,
    /// Index in [`crate::Analysis::marks`] of the mark at `attribution`.
    pub mark: Option<usize>,
}

impl Serialize for RuleId {
    /// As its string (`hedge/may-have`).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render())
    }
}

/// What a quote's explanation adds after its first sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteNote {
    None,
    /// The closing quotation mark is missing.
    Unclosed,
    /// One piece of a quote over several paragraphs.
    Pieces,
}

/// Why a mark was made, kept as the spans its explanation quotes, in byte
/// offsets of the text the matchers read ([`crate::Analysis::explained`]):
/// the sentence a student reads is built only when asked for
/// ([`Why::push_to`], [`crate::Analysis::why`]). Building one string per
/// mark while analysing cost an allocation and a copy a mark, most of them
/// never read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A quote; `who` is its speaker's words, if any, and `vague` says they
    /// name only a vague group.
    Quote {
        who: Option<ByteSpan>,
        vague: bool,
        note: QuoteNote,
    },
    /// A scare quote, or a word quoted as a word.
    Scare,
    /// A named source; `source` is its name.
    Named {
        source: ByteSpan,
    },
    /// An attribution to an unnamed source; `words` is the whole mark.
    Anonymous {
        words: ByteSpan,
    },
    /// An attribution to a vague group; `words` is the whole mark.
    Vague {
        words: ByteSpan,
    },
    /// A pronoun (`pronoun`) that refers back to a named source (`to`).
    RefersBack {
        pronoun: ByteSpan,
        to: ByteSpan,
    },
    /// "he" or "she" (`pronoun`) whose person Sourcelight could not find
    /// earlier in the article.
    RefersBackUnknown {
        pronoun: ByteSpan,
    },
    /// "I" (`pronoun`): whoever writes or speaks in the first person,
    /// usually the writer of the piece ("I told the judge that …").
    FirstPerson {
        pronoun: ByteSpan,
    },
    /// A pronoun (`pronoun`) that refers back to an anonymous source (`to`):
    /// "A senior official said … She added …".
    RefersBackUnnamed {
        pronoun: ByteSpan,
        to: ByteSpan,
    },
    /// A pronoun (`pronoun`) that refers back to a vague group (`to`):
    /// "Critics say … They argue …".
    RefersBackGroup {
        pronoun: ByteSpan,
        to: ByteSpan,
    },
    /// An anonymity clause ("on condition of anonymity").
    AnonymityClause {
        words: ByteSpan,
    },
    /// A vague phrase ("it is believed").
    VaguePhrase {
        words: ByteSpan,
    },
    Hedge {
        words: ByteSpan,
    },
    /// A teacher's own rule: its explanation, already written.
    Custom(String),
}

impl Why {
    /// The explanation in pieces, in order, each with whether it is copied
    /// from the article or a teacher's file (`true`) or is Sourcelight's
    /// own wording (`false`, none of which holds a character JSON escapes;
    /// a test checks). Unused pieces are empty. `text` is the text the
    /// spans are offsets into ([`crate::Analysis::explained`]).
    pub fn parts<'t>(&'t self, text: &'t str) -> [(&'t str, bool); 5] {
        let w = |s: &ByteSpan| (s.slice(text), true);
        let f = |s: &'static str| (s, false);
        let none = ("", false);
        match self {
            Why::Quote { who, vague, note } => {
                let note = f(match note {
                    QuoteNote::None => "",
                    QuoteNote::Unclosed => " The quotation mark is never closed, so the quote is taken to run to the end of the paragraph.",
                    QuoteNote::Pieces => {
                        " The quote runs over several paragraphs; each paragraph's piece is marked."
                    }
                });
                match who {
                    Some(who) if *vague => [
                        f("Words in quotation marks, credited only to “"),
                        w(who),
                        f("”: no one in particular."),
                        note,
                        none,
                    ],
                    Some(who) => [
                        f("Words in quotation marks: the article presents them as exactly what "),
                        w(who),
                        f(" said."),
                        note,
                        none,
                    ],
                    None => [
                        f("Words in quotation marks; Sourcelight could not tell who said them."),
                        note,
                        none,
                        none,
                        none,
                    ],
                }
            }
            Why::Scare => [f("A word or phrase in quotation marks that the article does not present as anyone's words: a scare quote, or a word quoted as a word."), none, none, none, none],
            Why::Custom(s) => [(s, true), none, none, none, none],
            Why::Named { source } => [f("The article names its source here ("), w(source), f("), so a reader could check it."), none, none],
            Why::Anonymous { words } => [f("“"), w(words), f("” is a source the article does not name: readers have to trust the reporter."), none, none],
            Why::Vague { words } => [f("“"), w(words), f("” gives a view to an unnamed group, so nobody in particular can be asked about it."), none, none],
            Why::RefersBack { pronoun, to } => [f("“"), w(pronoun), f("” refers back to "), w(to), f(", a named source a reader could check.")],
            Why::RefersBackUnknown { pronoun } => [f("“"), w(pronoun), f("” is someone the article introduced earlier; Sourcelight could not tell who. Look back for the person this points to."), none, none],
            Why::FirstPerson { pronoun } => [f("“"), w(pronoun), f("” is the person writing or speaking in the first person here, usually the writer of the piece: the claim rests on their own account, not on an outside source."), none, none],
            Why::RefersBackUnnamed { pronoun, to } => [f("“"), w(pronoun), f("” refers back to “"), w(to), f("”, a source the article does not name: readers have to trust the reporter.")],
            Why::RefersBackGroup { pronoun, to } => [f("“"), w(pronoun), f("” refers back to “"), w(to), f("”, an unnamed group, so nobody in particular can be asked about it.")],
            Why::AnonymityClause { words } => [f("“"), w(words), f("”: the article tells you it let its source stay anonymous."), none, none],
            Why::VaguePhrase { words } => [f("“"), w(words), f("” presents a view without saying who holds it."), none, none],
            Why::Hedge { words } => [f("“"), w(words), f("” softens the claim: the writer does not present it as certain."), none, none],
        }
    }

    /// Appends the explanation to `out` (its [`Why::parts`] in order).
    pub fn push_to(&self, text: &str, out: &mut String) {
        let parts = self.parts(text);
        out.reserve(parts.iter().map(|(p, _)| p.len()).sum());
        for (p, _) in parts {
            out.push_str(p);
        }
    }

    /// The explanation as a new string (see [`Why::push_to`]).
    pub fn render(&self, text: &str) -> String {
        let mut s = String::with_capacity(128);
        self.push_to(text, &mut s);
        s
    }
}

/// A mark's explanation with the text it quotes: `Display` and `Serialize`
/// write the sentence.
#[derive(Clone, Copy, Debug)]
pub struct WhyText<'a> {
    pub why: &'a Why,
    /// [`crate::Analysis::explained`].
    pub text: &'a str,
}

impl WhyText<'_> {
    pub fn push_to(&self, out: &mut String) {
        self.why.push_to(self.text, out);
    }
}

impl fmt::Display for WhyText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.why.render(self.text))
    }
}

impl Serialize for WhyText<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.why.render(self.text))
    }
}

/// One mark: a span of the original article with its kind and explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub kind: Kind,
    /// UTF-8 byte offsets into the original text, half-open.
    pub span: ByteSpan,
    /// Which pattern or lexicon entry fired; its `Display` (and JSON) is the
    /// rule string, e.g. `hedge/may-have`. What summaries and tests match on.
    #[serde(rename = "rule")]
    pub rule_id: RuleId,
    /// Why this was marked: [`crate::Analysis::why`] gives the sentence a
    /// student reads. Not serialised with the mark, which lacks the text it
    /// quotes: reports write it ([`crate::report::Report`]).
    #[serde(skip)]
    pub why: Why,
    /// Quotes only: the closing quotation mark was missing.
    pub unclosed: bool,
    /// Quotes only (every quote has one): the index of the quote's speaker
    /// in [`crate::Analysis::speakers`], which [`crate::Analysis::speaker`]
    /// reads. Serialised as that index.
    pub speaker: Option<Index>,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON writer copies Sourcelight's own wording of an explanation
    /// without escaping it ([`Why::parts`]): it must hold no `"`, `\` or
    /// control character. The article's words are the other pieces.
    #[test]
    fn why_wording_needs_no_json_escape() {
        let text = "\"\\\n";
        let (a, b) = (ByteSpan::new(0, 1), ByteSpan::new(1, 3));
        let mut all = vec![
            Why::Scare,
            Why::Custom("\"".to_string()),
            Why::Named { source: a },
            Why::Anonymous { words: a },
            Why::Vague { words: a },
            Why::RefersBack { pronoun: a, to: b },
            Why::RefersBackUnknown { pronoun: a },
            Why::FirstPerson { pronoun: a },
            Why::RefersBackUnnamed { pronoun: a, to: b },
            Why::RefersBackGroup { pronoun: a, to: b },
            Why::AnonymityClause { words: a },
            Why::VaguePhrase { words: a },
            Why::Hedge { words: a },
        ];
        for note in [QuoteNote::None, QuoteNote::Unclosed, QuoteNote::Pieces] {
            for who in [None, Some(a)] {
                for vague in [false, true] {
                    all.push(Why::Quote { who, vague, note });
                }
            }
        }
        for why in &all {
            let parts = why.parts(text);
            for (part, copied) in parts {
                assert!(
                    copied || !part.bytes().any(|c| c == b'"' || c == b'\\' || c < 0x20),
                    "{part:?}"
                );
            }
            // The copied pieces are all the escapable text there is.
            let copied: usize = parts.iter().filter(|p| p.1).map(|p| p.0.len()).sum();
            let specials = why
                .render(text)
                .bytes()
                .filter(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .count();
            assert!(specials <= copied, "{why:?}");
        }
    }
}
