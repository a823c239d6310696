//! Who said it: pronoun attributions and the speakers of quotes.
//!
//! "she said", "he added", "they wrote" resolve to the person the article last
//! made the subject of a sentence (the guideline's rule), not merely the last
//! name mentioned: in "Okafor said the talks with Lindqvist and Moreau had
//! stalled. “We need more time,” she said." the speaker is Okafor. A sentence's
//! subject is its first attribution's source, or else the name it opens with.
//!
//! A quote's speaker is the attribution in the same sentence (the nearest one
//! after the quote, else the nearest before it), or else the last attribution
//! of the previous sentence in the same paragraph. All pieces of a
//! multi-paragraph quote share one speaker. Decision: a quote whose only
//! attribution is a vague group ("critics say") has an unknown speaker kind,
//! with the group's words as its text, since nobody can be asked.

use crate::quotes::Quote;
use crate::sources::{leading_name, Attribution, SourceKind, LOOKBACK};
use crate::span::ByteSpan;

/// Who a pronoun or a quote goes back to.
#[derive(Clone, Copy, Debug)]
pub struct Referent {
    pub kind: SourceKind,
    /// The source's words, in normalised-text offsets.
    pub source: ByteSpan,
    /// The attribution that introduced the source, if any (an index into the
    /// attribution list).
    pub attribution: Option<usize>,
}

/// Resolves every pronoun attribution. Returns, per attribution, the referent
/// of a pronoun (or `None` for other attributions and unresolved pronouns).
pub fn resolve_pronouns(
    text: &str,
    sentences: &[ByteSpan],
    attributions: &[Attribution],
) -> Vec<Option<Referent>> {
    let mut resolved = vec![None; attributions.len()];
    let mut subject: Option<Referent> = None;
    let mut a = 0;
    for (si, &sentence) in sentences.iter().enumerate() {
        let first = a;
        while a < attributions.len() && attributions[a].sentence == si {
            a += 1;
        }
        let mut sentence_subject: Option<Referent> = None;
        for (i, at) in attributions.iter().enumerate().take(a).skip(first) {
            let referent = if at.kind == SourceKind::Pronoun {
                let r = sentence_subject.or(subject);
                resolved[i] = r;
                r
            } else {
                Some(Referent {
                    kind: at.kind,
                    source: at.name,
                    attribution: Some(i),
                })
            };
            if sentence_subject.is_none() {
                sentence_subject = referent;
            }
        }
        // A sentence that opens with a name ("Marchetti followed it up.")
        // makes that person the subject; a pronoun then takes the words of
        // that person's latest attribution ("Bea Marchetti said"), if any.
        let sentence_subject = sentence_subject.or_else(|| {
            let source = leading_name(text, sentence)?;
            let name = source.slice(text);
            let from = first.saturating_sub(LOOKBACK);
            let earlier = attributions[from..first]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, a)| a.kind == SourceKind::Named && a.name.slice(text).ends_with(name))
                .map(|(k, a)| (from + k, a));
            Some(match earlier {
                Some((i, a)) => Referent {
                    kind: SourceKind::Named,
                    source: a.name,
                    attribution: Some(i),
                },
                None => Referent {
                    kind: SourceKind::Named,
                    source,
                    attribution: None,
                },
            })
        });
        if sentence_subject.is_some() {
            subject = sentence_subject;
        }
    }
    resolved
}

/// The speaker of each quote group, keyed by the quote's index: the referent
/// and the attribution it was found through.
pub fn quote_speakers(
    text: &str,
    quotes: &[Quote],
    sentences: &[ByteSpan],
    paragraph_of: &[usize],
    attributions: &[Attribution],
    pronouns: &[Option<Referent>],
) -> Vec<Option<(Referent, usize)>> {
    // Attributions come in text order, so a sentence's are one range.
    let in_sentence = |si: usize| {
        let lo = attributions.partition_point(|a| a.sentence < si);
        let hi = attributions.partition_point(|a| a.sentence <= si);
        attributions[lo..hi]
            .iter()
            .enumerate()
            .map(move |(k, a)| (lo + k, a))
    };
    let referent = |i: usize| -> Option<(Referent, usize)> {
        let a = &attributions[i];
        match a.kind {
            SourceKind::Pronoun => pronouns[i].map(|r| (r, i)),
            _ => Some((
                Referent {
                    kind: a.kind,
                    source: a.name,
                    attribution: Some(i),
                },
                i,
            )),
        }
    };
    let for_piece = |q: &Quote| -> Option<(Referent, usize)> {
        if is_term(text, q) {
            return None;
        }
        let si = sentences.partition_point(|s| s.end <= q.span.start);
        if si >= sentences.len() {
            return None;
        }
        let after = in_sentence(si)
            .find(|(_, a)| a.verb.start >= q.span.end)
            .map(|(i, _)| i);
        let before = in_sentence(si)
            .rfind(|(_, a)| a.verb.end <= q.span.start)
            .map(|(i, _)| i);
        // The previous sentence speaks for a quote only when the quote opens
        // its own sentence; a quote at the end of someone else's sentence
        // stays unknown rather than borrowing the wrong speaker.
        let opens_sentence = q.span.start <= sentences[si].start + 1;
        let previous = (si > 0 && opens_sentence && paragraph_of[si - 1] == paragraph_of[si])
            .then(|| in_sentence(si - 1).next_back().map(|(i, _)| i))
            .flatten();
        // “Why now?” Okafor asked. — the quote's own sentence ended at its
        // question mark; an attribution opening the next sentence is its.
        let opening_next = (si + 1 < sentences.len() && paragraph_of[si + 1] == paragraph_of[si])
            .then(|| {
                in_sentence(si + 1)
                    .next()
                    .filter(|(_, a)| {
                        a.mark.start == sentences[si + 1].start
                            && q.span.end + 1 >= sentences[si + 1].start
                    })
                    .map(|(i, _)| i)
            })
            .flatten();
        after
            .or(before)
            .or(opening_next)
            .or(previous)
            .and_then(referent)
    };
    let mut by_group: std::collections::HashMap<usize, Option<(Referent, usize)>> =
        std::collections::HashMap::new();
    for q in quotes {
        let entry = by_group.entry(q.group).or_insert(None);
        if entry.is_none() {
            *entry = for_piece(q);
        }
    }
    quotes
        .iter()
        .map(|q| by_group.get(&q.group).copied().flatten())
        .collect()
}

/// A short quotation right after a determiner names a thing rather than
/// reporting speech: the footbridge nicknamed the “Wobbly Bridge”, a sign
/// reading “Closed”. Decision: such quotes get no speaker.
fn is_term(text: &str, q: &Quote) -> bool {
    let inner = q.span.slice(text);
    let words = inner.split_whitespace().count();
    let before = text[..q.span.start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("")
        .to_lowercase();
    words <= 4
        && matches!(
            prev.as_str(),
            "the" | "a" | "an" | "so-called" | "its" | "their" | "his" | "her" | "reading"
        )
}
