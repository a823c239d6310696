//! The sourcing profile of an article: who is telling us this, and could we
//! check?

use crate::mark::{Kind, Mark, RuleId, Speaker, SpeakerKind};
use crate::sources::PhraseRule;
use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub quote: usize,
    pub anonymous: usize,
    pub vague: usize,
    pub hedge: usize,
    pub named: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BySpeaker {
    pub named: usize,
    pub anonymous: usize,
    pub unknown: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BySource {
    pub named: usize,
    pub anonymous: usize,
    pub vague: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub words: usize,
    /// Marks of each kind.
    pub counts: Counts,
    /// Hedges per 100 words, rounded to one decimal.
    pub hedges_per_100_words: f64,
    pub quotes_by_speaker: BySpeaker,
    /// Attributions: statements credited to a source. Anonymity clauses
    /// ("on condition of anonymity") are anonymous marks but not extra
    /// attributions.
    pub attributions_by_source: BySource,
    /// One plain sentence for the classroom.
    pub sentence: String,
}

impl Summary {
    /// The summary of `marks`, whose quotes' speakers are `speakers`
    /// ([`crate::Analysis::speakers`]), in a text of `words` words.
    pub fn new(marks: &[Mark], speakers: &[Speaker], words: usize) -> Self {
        let mut s = Summary {
            words,
            ..Summary::default()
        };
        for m in marks {
            match m.kind {
                Kind::Quote => {
                    s.counts.quote += 1;
                    match m
                        .speaker
                        .and_then(|i| speakers.get(i.get()))
                        .map(|sp| sp.kind)
                    {
                        Some(SpeakerKind::Named) => s.quotes_by_speaker.named += 1,
                        Some(SpeakerKind::Anonymous) => s.quotes_by_speaker.anonymous += 1,
                        _ => s.quotes_by_speaker.unknown += 1,
                    }
                }
                Kind::Anonymous => {
                    s.counts.anonymous += 1;
                    if !matches!(m.rule_id, RuleId::Phrase(PhraseRule::AnonymityClause(_))) {
                        s.attributions_by_source.anonymous += 1;
                    }
                }
                Kind::Vague => {
                    s.counts.vague += 1;
                    s.attributions_by_source.vague += 1;
                }
                Kind::Hedge => s.counts.hedge += 1,
                Kind::Named => {
                    s.counts.named += 1;
                    s.attributions_by_source.named += 1;
                }
            }
        }
        s.hedges_per_100_words = if words == 0 {
            0.0
        } else {
            (s.counts.hedge as f64 * 1000.0 / words as f64).round() / 10.0
        };
        let a = &s.attributions_by_source;
        let total = a.named + a.anonymous + a.vague;
        s.sentence = match total {
            0 if words == 0 => "Paste an article to see where its claims come from.".to_string(),
            // What Sourcelight found, not what the article does: it may name
            // its sources in a way the rules do not read (guideline: "could
            // not tell", never "the article does not say").
            0 => "Sourcelight found no attribution (a source with a verb such as “said” or “according to”)."
                .to_string(),
            1 if a.named == 1 => "The one attribution names its source.".to_string(),
            1 => "The one attribution does not name its source.".to_string(),
            _ => format!("{} of {} attributions name their source.", a.named, total),
        };
        s
    }
}
