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
//! multi-paragraph quote share one speaker. A quote woven into a sentence
//! with no attribution the verb list knows ("Okafor called it “reckless”",
//! "Okafor agreed: “…”") takes the name the sentence opens with, when the
//! article has already attributed to that name; the speaker text is the
//! full name as first given ("Rosa Delgado" for a later "Delgado"). A
//! paragraph that is only a quote continues the previous paragraph's last
//! speaker (news convention). Decision: a quote whose only
//! attribution is a vague group ("critics say") has an unknown speaker kind,
//! with the group's words as its text, since nobody can be asked.

use crate::quotes::Quote;
use crate::sources::{leading_name, Attribution, SourceKind, LOOKBACK};
use crate::span::ByteSpan;
use crate::text::TokenStream;

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
    stream: &TokenStream,
    sentences: &[ByteSpan],
    attributions: &[Attribution],
) -> Vec<Option<Referent>> {
    let text = stream.all().text;
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
            let source = leading_name(stream, sentence)?;
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
    stream: &TokenStream,
    quotes: &[Quote],
    sentences: &[ByteSpan],
    paragraph_of: &[usize],
    attributions: &[Attribution],
    pronouns: &[Option<Referent>],
) -> Vec<Option<(Referent, usize)>> {
    // Attributions come in text order, so a sentence's are one range, and
    // within it their verbs are in order: every look-up is a binary search.
    let range = |si: usize| {
        let lo = attributions.partition_point(|a| a.sentence < si);
        let hi = attributions.partition_point(|a| a.sentence <= si);
        lo..hi
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
        if is_term(stream, q) {
            return None;
        }
        let si = sentences.partition_point(|s| s.end <= q.span.start);
        if si >= sentences.len() {
            return None;
        }
        let own = range(si);
        let in_own = &attributions[own.clone()];
        let after = Some(own.start + in_own.partition_point(|a| a.verb.start < q.span.end))
            .filter(|&i| i < own.end);
        let before = (own.start + in_own.partition_point(|a| a.verb.end <= q.span.start))
            .checked_sub(1)
            .filter(|&i| i >= own.start);
        // The previous sentence speaks for a quote only when the quote opens
        // its own sentence; a quote at the end of someone else's sentence
        // stays unknown rather than borrowing the wrong speaker.
        let opens_sentence = q.span.start <= sentences[si].start + 1;
        let previous = (si > 0 && opens_sentence && paragraph_of[si - 1] == paragraph_of[si])
            .then(|| range(si - 1).next_back())
            .flatten();
        // “Why now?” Okafor asked. — the quote's own sentence ended at its
        // question mark; an attribution opening the next sentence is its.
        let opening_next = (si + 1 < sentences.len() && paragraph_of[si + 1] == paragraph_of[si])
            .then(|| {
                range(si + 1).next().filter(|&i| {
                    attributions[i].mark.start == sentences[si + 1].start
                        && q.span.end + 1 >= sentences[si + 1].start
                })
            })
            .flatten();
        after
            .or(before)
            .or(opening_next)
            .or(previous)
            .and_then(referent)
            .or_else(|| {
                // A woven-in quote in a sentence with no attribution the
                // verb list knows ("Okafor called the plan “reckless”",
                // "Okafor agreed: “…”"): the name the sentence opens with
                // speaks, when the article has already attributed to that
                // name; the speaker is the full name as first given there.
                if !own.is_empty() || opens_sentence {
                    return None;
                }
                let text = stream.all().text;
                let opener = stream.all().lower(stream.index_at(sentences[si].start));
                if matches!(opener, Some("he" | "she")) {
                    // "She stopped short, saying, “…”": the pronoun goes
                    // back to the latest attribution's person, unless a
                    // sentence since then opened with another name.
                    let i = own.start.checked_sub(1)?;
                    let since = attributions[i].sentence + 1..si;
                    if since
                        .clone()
                        .any(|k| leading_name(stream, sentences[k]).is_some())
                    {
                        return None;
                    }
                    return referent(i).filter(|(r, _)| r.kind == SourceKind::Named);
                }
                let name = leading_name(stream, sentences[si])?;
                if name.end > q.span.start {
                    return None;
                }
                let name = name.slice(text);
                let i = attributions[..own.start].iter().position(|a| {
                    a.kind == SourceKind::Named && a.name.slice(text).ends_with(name)
                })?;
                referent(i)
            })
    };
    let mut by_group: std::collections::HashMap<usize, Option<(Referent, usize)>> =
        std::collections::HashMap::new();
    for q in quotes {
        let entry = by_group.entry(q.group).or_insert(None);
        if entry.is_none() {
            *entry = for_piece(q);
        }
    }
    // Continuation (news convention): a paragraph that is only a quote, with
    // no attribution of its own, directly after a paragraph whose last quote
    // or attribution belongs to someone, continues that speaker. Quotes are
    // visited in text order, so a run of such paragraphs chains.
    let text = stream.all().text;
    let paragraph_of_quote = |q: &Quote| -> Option<usize> {
        let si = sentences.partition_point(|s| s.end <= q.span.start);
        paragraph_of.get(si).copied()
    };
    let paragraph_span = |p: usize| -> Option<ByteSpan> {
        let lo = paragraph_of.partition_point(|&x| x < p);
        let hi = paragraph_of.partition_point(|&x| x <= p);
        (lo < hi).then(|| ByteSpan {
            start: sentences[lo].start,
            end: sentences[hi - 1].end,
        })
    };
    let attributions_in = |p: usize| {
        let lo = attributions.partition_point(|a| paragraph_of[a.sentence] < p);
        let hi = attributions.partition_point(|a| paragraph_of[a.sentence] <= p);
        lo..hi
    };
    let mut last_in_paragraph: std::collections::HashMap<
        usize,
        (usize, Option<(Referent, usize)>),
    > = std::collections::HashMap::new();
    for q in quotes {
        let Some(p) = paragraph_of_quote(q) else {
            continue;
        };
        let mut speaker = by_group.get(&q.group).copied().flatten();
        if speaker.is_none() && p > 0 && !is_term(stream, q) && attributions_in(p).is_empty() {
            let only_quotes = paragraph_span(p).is_some_and(|span| {
                quotes
                    .iter()
                    .filter(|o| o.span.start >= span.start && o.span.end <= span.end)
                    .fold(span.slice(text).to_string(), |rest, o| {
                        rest.replacen(o.span.slice(text), "", 1)
                    })
                    .chars()
                    .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
            });
            if only_quotes {
                let last_attribution = attributions_in(p - 1)
                    .next_back()
                    .map(|i| (attributions[i].mark.end, referent(i)));
                let last_quote = last_in_paragraph.get(&(p - 1)).copied();
                let last = match (last_attribution, last_quote) {
                    (Some(a), Some(q)) => Some(if a.0 > q.0 { a } else { q }),
                    (a, q) => a.or(q),
                };
                speaker = last.and_then(|(_, r)| r);
                if speaker.is_some() {
                    by_group.insert(q.group, speaker);
                }
            }
        }
        last_in_paragraph.insert(p, (q.span.end, speaker));
    }
    quotes
        .iter()
        .map(|q| by_group.get(&q.group).copied().flatten())
        .collect()
}

/// A short quotation right after a determiner names a thing rather than
/// reporting speech: the footbridge nicknamed the “Wobbly Bridge”, a sign
/// reading “Closed”. Decision: such quotes get no speaker.
fn is_term(stream: &TokenStream, q: &Quote) -> bool {
    let all = stream.all();
    let words = q.span.slice(all.text).split_whitespace().take(5).count();
    let prev = stream.index_at(q.span.start).checked_sub(1);
    words <= 4
        && prev.and_then(|i| all.lower(i)).is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "an" | "so-called" | "its" | "their" | "his" | "her" | "reading"
            )
        })
}
