//! The pipeline: normalise, split, find quotes, sources and hedges, resolve
//! speakers, and hand back marks in the original text's byte offsets.

use crate::custom::CustomRules;
use crate::hedges::find_hedges;
use crate::mark::{Kind, Mark, QuoteNote, RuleId, Speaker, SpeakerKind, Why, WhyText};
use crate::normalize::Normalized;
use crate::quotes::find_quotes;
use crate::sources::{
    find_sources_split, Attribution, PhraseRule, Pronoun, SourceKind, SourceRule, VerbSplit,
};
use crate::span::{ByteSpan, Index};
use crate::speakers::{quote_speakers, resolve_pronouns, Referent};
use crate::summary::Summary;
use crate::text::{self, TokenStream};
use serde::Serialize;

/// Everything Sourcelight finds in one article.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    /// Sorted by start, then longer first (so an enclosing mark comes before
    /// the marks nested in it). Marks of one kind never overlap; marks of
    /// different kinds either nest or are apart, never cross.
    pub marks: Vec<Mark>,
    /// The quotes' speakers, in the order of their quotes: a quote's mark
    /// holds the index of its own ([`Mark::speaker`]; [`Analysis::speaker`]
    /// reads it). Kept apart from the marks, where room for one (56 bytes)
    /// made every mark 128 bytes, not 72, though only quotes have one: on
    /// an article of nothing but attributions that room was most of the
    /// memory the marks touched.
    pub speakers: Vec<Speaker>,
    pub summary: Summary,
    /// Paragraph spans in UTF-8 byte offsets of the original text. No mark
    /// crosses a paragraph boundary.
    #[serde(skip)]
    pub paragraphs: Vec<ByteSpan>,
    /// The normalised article, when normalising changed it: the text the
    /// marks' explanations ([`Mark::why`]) quote. `None` when the article
    /// was already in canonical form (the usual case), which is then that
    /// text itself.
    #[serde(skip)]
    pub normalized: Option<String>,
}

impl Analysis {
    /// The text the explanations' spans are offsets into, for the article
    /// `original` this is the analysis of.
    pub fn explained<'a>(&'a self, original: &'a str) -> &'a str {
        self.normalized.as_deref().unwrap_or(original)
    }

    /// Mark `m`'s explanation, ready to write, for the article `original`.
    pub fn why_text<'a>(&'a self, m: &'a Mark, original: &'a str) -> WhyText<'a> {
        WhyText {
            why: &m.why,
            text: self.explained(original),
        }
    }

    /// Mark `m`'s speaker, if it is a quote ([`Analysis::speakers`]).
    pub fn speaker(&self, m: &Mark) -> Option<&Speaker> {
        self.speakers.get(m.speaker?.get())
    }

    /// Speaker `s`'s words ([`Speaker::words`]), for the article
    /// `original` this is the analysis of: "Jane Okafor", or "" when the
    /// speaker is unknown.
    pub fn speaker_text<'a>(&'a self, s: &Speaker, original: &'a str) -> &'a str {
        s.words.slice(self.explained(original))
    }

    /// Mark `m`'s explanation: one sentence a student can read.
    pub fn why(&self, m: &Mark, original: &str) -> String {
        m.why.render(self.explained(original))
    }
}

/// A mark under construction, in normalised offsets.
struct Draft {
    kind: Kind,
    span: ByteSpan,
    rule: RuleId,
    why: Why,
    unclosed: bool,
    /// For a quote, its index in the quotes (and their speakers, as
    /// `quote_speakers` finds them); for an attribution's mark, the
    /// attribution's index. One `u32` for both, so that a draft is as
    /// large as a mark (72 bytes) and `finish` writes each mark over its
    /// draft.
    link: Option<Index>,
    /// Its precedence ([`priority_of`]), set when it is made: `untangle`
    /// reads it four times a draft, and telling a teacher's rule from the
    /// others in the rule id cost about 30 instructions a read (in the
    /// draft's padding: a draft is as large as before).
    priority: u8,
}

/// The longest text analysed, in bytes (2 GiB less one): offsets are
/// stored as `u32` ([`crate::span`]), and normalising may at most double
/// the text (a lone line break becomes a paragraph break). The CLI reads
/// at most 1 GiB and the page 2 MiB, so only a library caller can reach
/// it; the rest of a longer text is left unmarked.
pub const MAX_TEXT_BYTES: usize = (u32::MAX / 2) as usize;

/// The longest prefix of `text` of at most `limit` bytes that ends on a
/// char boundary.
fn prefix_within(text: &str, limit: usize) -> &str {
    &text[..text::floor_char_boundary(text, limit)]
}

/// Analyses one article (its first [`MAX_TEXT_BYTES`]). Never panics,
/// whatever the input.
pub fn analyze(original: &str) -> Analysis {
    analyze_with(original, &CustomRules::empty())
}

/// [`analyze`] with a teacher's own rules ([`crate::custom`]) added.
///
/// Memory, on 10 MB of news (the article itself is 10 MB of it): the peak,
/// 38.7 MB resident (3.9x), is in the speaker pass, while the token stream
/// is alive: 12 MB of tokens (6 bytes each), 3 MB of folded words and
/// offset indexes, the attributions (3.1 MB, 64 bytes each) and the
/// per-sentence, per-quote and speaker-pass vectors (spans are two `u32`s,
/// indexes `u32` or [`Index`], a referent 16 bytes). The drafts' summit
/// after it is lower: everything the drafts do not read is freed before
/// they are sorted, and the marks are written over the drafts
/// (`finish`). A heap profiler's peak counts vectors' capacity; pages
/// never written are not resident, so giving capacity back
/// (`shrink_to_fit`) does not lower the peak (tried). Next in size: the
/// tokens, and the attributions' `&str` verb.
///
/// An article of nothing but attributions ("Aaa Bbb said " repeated, 10
/// MB: 770,000 marks) peaked at 118 MB (12x), twice: as the attributions
/// are found, and at the end of `finish`, the marks (128 bytes each, 98
/// MB) written over the drafts (104) in their own allocation. A mark's
/// speaker (56 bytes, used only by a quote's) is now apart
/// ([`Analysis::speakers`]), and a draft links its quote's speaker or its
/// attribution by one index: both are 72 bytes. Before, the
/// attributions (72 bytes each) were held whole beside the drafts: see
/// `push_attribution_drafts`.
///
/// Pages touched count as well as the peak: the kernel zeroes each fresh
/// page on its first write, and a large vector freed is given back (the
/// CLI's `fix_mmap_threshold`), so the next one's pages are fresh again.
pub fn analyze_with(original: &str, custom: &CustomRules) -> Analysis {
    analyze_split(original, custom, None)
}

/// [`analyze_with`] on two threads, for a large article: the same
/// analysis, byte for byte (the test
/// `two_threads_give_the_one_threads_analysis` holds it to that at every
/// split of the verbs). Three stages run in two pieces at once: the token
/// stream (with the phrase search) beside the quotations and
/// sentences, which need only the text; the attributions of the verbs in
/// the first sentences beside those of the rest ([`VerbSplit::Half`]);
/// the hedges beside the speakers, which both only read the stream. The
/// rest (normalising, back references, anonymity clauses, the drafts and
/// the summary) reads the whole article and runs on this thread.
///
/// Memory: the hedges are found while the speakers' working vectors are
/// alive, and the second part's attributions are held apart until they
/// are added to the first's, so the peak is higher than
/// [`analyze_with`]'s; the command line takes this path only for inputs
/// under 4 MiB. Not in the browser's module, which has one thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn analyze_on_two_threads(original: &str, custom: &CustomRules) -> Analysis {
    analyze_split(original, custom, Some(VerbSplit::Half))
}

/// [`analyze_with`] when `split` is `None`, [`analyze_on_two_threads`]
/// (with the verbs cut as `split` says) otherwise.
fn analyze_split(original: &str, custom: &CustomRules, split: Option<VerbSplit>) -> Analysis {
    let two = split.is_some();
    let original = prefix_within(original, MAX_TEXT_BYTES);
    let (norm, paragraphs) = Normalized::with_paragraphs(original);
    let t: &str = &norm.text;
    // The paragraphs come with the normalised text. The tokeniser feeds
    // the phrase search as it goes: one pass for both. It reads nothing
    // but the text, so on two threads it runs beside the quotations and
    // sentences (on one, after them).
    let ((paragraphs, quotes, quote_spans, sentences, paragraph_of), (stream, mut found)) =
        crate::par::both(
            two,
            || {
                let quotes = find_quotes(t, &paragraphs);
                let quote_spans: Vec<ByteSpan> = quotes.iter().map(|q| q.span).collect();
                let mut sentences = Vec::new();
                // Per sentence, its paragraph's index (a `u32`: there are
                // fewer paragraphs than bytes).
                let mut paragraph_of: Vec<u32> = Vec::new();
                // The first quotation ending after the paragraph's start:
                // the quotations are in order and apart, so their ends are
                // in order too.
                let mut q = 0;
                for (pi, p) in paragraphs.iter().enumerate() {
                    while quote_spans.get(q).is_some_and(|s| s.end() <= p.start()) {
                        q += 1;
                    }
                    text::sentences_from(t, *p, &quote_spans, q, &mut sentences);
                    paragraph_of.resize(sentences.len(), pi as u32);
                }
                (paragraphs, quotes, quote_spans, sentences, paragraph_of)
            },
            || TokenStream::with_phrases(t),
        );
    let (attributions, phrases) =
        find_sources_split(&stream, &sentences, &quote_spans, &found, split);
    // The phrase hits but the hedges' and the quote spans are read by
    // nothing after this: freed before the speakers are found (the peak of
    // a long text). The hedges are found after the speakers, so that the
    // speakers' working vectors are gone before they are made (a hedge,
    // 16 bytes, is larger than its phrase hit, 12).
    let hedge_hits = std::mem::take(&mut found.hedges);
    drop(found);
    drop(quote_spans);
    // On two threads the hedges are found beside the speakers: both only
    // read the stream and the sentences.
    let ((pronouns, quoted_by), hedges) = crate::par::both(
        two,
        || {
            let mut resolved = resolve_pronouns(&stream, &sentences, &quotes, &attributions);
            let quoted_by = quote_speakers(
                &stream,
                &quotes,
                &sentences,
                &paragraph_of,
                &attributions,
                &resolved,
            );
            let pronouns = std::mem::take(&mut resolved.pronouns);
            drop(resolved);
            (pronouns, quoted_by)
        },
        || find_hedges(&stream, &sentences, &hedge_hits),
    );
    drop(hedge_hits);
    // The token stream (6 bytes a token and the folded words), the
    // sentences and the subjects found are read by nothing after this:
    // freed before the drafts are built (the drafts are the second summit
    // of a long text's memory; everything freed here would be under it).
    // "He spoke on condition that he not be named": an unresolved pronoun
    // whose sentence holds an anonymity clause is an unnamed person (the
    // clause has its own mark). The anonymity clauses' marks open the
    // phrase marks, in text order (`find_sources`); the pronouns found,
    // in order, as attribution indices.
    let clauses = &phrases[..phrases
        .iter()
        .position(|p| !matches!(p.rule, PhraseRule::AnonymityClause(_)))
        .unwrap_or(phrases.len())];
    debug_assert!(clauses.is_sorted_by_key(|p| p.span.start()));
    let unnamed_pronouns: Vec<usize> = (0..attributions.len())
        .filter(|&i| {
            let a = &attributions[i];
            let sentence = sentences[a.sentence as usize];
            a.kind == SourceKind::Pronoun && pronouns[i].is_none() && {
                let k = clauses.partition_point(|p| p.span.start() < sentence.start());
                clauses
                    .get(k)
                    .is_some_and(|p| p.span.start() < sentence.end())
            }
        })
        .collect();
    // Counted by the tokeniser as it went (`text::count_words`).
    let words = stream.word_count();
    drop(stream);
    drop(sentences);
    drop(paragraph_of);

    // Pieces per quote group; a group is the index of its first piece, so
    // a vector indexed by it (a hash map cost more than all the counting).
    let mut pieces = vec![0u32; quotes.iter().map(|q| q.group() + 1).max().unwrap_or(0)];
    for q in &quotes {
        pieces[q.group()] += 1;
    }
    // A teacher's own rules: see `priority` for how they meet the others.
    let custom = custom.find(t, &paragraphs);
    // Reserved at its size: a draft is large, and doubling a vector of them
    // as it grows copied every draft again and could leave half of the
    // last allocation unused. The marks are written over the drafts
    // (`finish`).
    let mut drafts: Vec<Draft> = Vec::with_capacity(
        quotes.len() + attributions.len() + phrases.len() + hedges.len() + custom.len(),
    );
    for (qi, (q, &speaker)) in quotes.iter().zip(&quoted_by).enumerate() {
        let note = if q.unclosed {
            QuoteNote::Unclosed
        } else if pieces[q.group()] > 1 {
            QuoteNote::Pieces
        } else {
            QuoteNote::None
        };
        // Scare quotes: a short quote nobody is said to speak, after a cue
        // such as "so-called" (see `quotes::is_scare`).
        let scare = speaker.is_none() && crate::quotes::is_scare(t, q.span);
        let why = if scare {
            Why::Scare
        } else {
            Why::Quote {
                who: speaker.map(|(r, _)| r.source),
                vague: speaker.is_some_and(|(r, _)| r.kind == SourceKind::Vague),
                note,
            }
        };
        drafts.push(Draft {
            kind: Kind::Quote,
            span: q.span,
            rule: RuleId::Quote(if scare {
                crate::quotes::SCARE_RULE
            } else {
                q.style.rule()
            }),
            why,
            unclosed: q.unclosed,
            link: Some(Index::new(qi)),
            priority: priority_of(Kind::Quote, false),
        });
    }
    let attribution_marks: Vec<ByteSpan> = attributions.iter().map(|a| a.mark).collect();
    push_attribution_drafts(&mut drafts, attributions, &pronouns, &unnamed_pronouns, t);
    for p in &phrases {
        let words = p.span;
        let (kind, why) = match p.kind {
            SourceKind::Anonymous => (Kind::Anonymous, Why::AnonymityClause { words }),
            _ => (Kind::Vague, Why::VaguePhrase { words }),
        };
        drafts.push(Draft {
            kind,
            span: p.span,
            rule: RuleId::Phrase(p.rule),
            why,
            unclosed: false,
            link: None,
            priority: priority_of(kind, false),
        });
    }
    for h in &hedges {
        let why = Why::Hedge { words: h.span };
        drafts.push(Draft {
            kind: Kind::Hedge,
            span: h.span,
            rule: h.rule(),
            why,
            unclosed: false,
            link: None,
            priority: priority_of(Kind::Hedge, false),
        });
    }
    drafts.extend(custom.into_iter().map(|c| Draft {
        kind: c.kind,
        span: c.span,
        rule: c.rule,
        why: Why::Custom(c.why),
        unclosed: false,
        link: None,
        priority: priority_of(c.kind, true),
    }));

    // Nothing else found is read after this: freed before the drafts are
    // sorted.
    drop((pronouns, quotes, phrases, hedges, pieces));
    let drafts = untangle(drafts, t.len());
    let (marks, speakers) = finish(drafts, &norm, &attribution_marks, &quoted_by);
    let summary = Summary::new(&marks, &speakers, words);
    let paragraphs = paragraphs.iter().map(|p| norm.to_original(*p)).collect();
    Analysis {
        marks,
        speakers,
        summary,
        paragraphs,
        normalized: match norm.text {
            std::borrow::Cow::Owned(t) => Some(t),
            std::borrow::Cow::Borrowed(_) => None,
        },
    }
}

/// How many attributions (64 bytes each) [`push_attribution_drafts`]
/// frees as it goes: about 4 MB of them.
const CONSUMED_FROM: usize = 1 << 16;

/// Adds the drafts of the attributions' marks to `drafts`, attribution
/// `i`'s with `pronouns[i]`, its pronoun's referent if any;
/// `unnamed_pronouns` are the pronouns an anonymity clause makes
/// unnamed, in order (see `analyze_with`). `t` is the normalised text.
///
/// Of the attributions, only the marked words are read after the
/// drafts are made. The attributions are taken off the end of their
/// vector, reversed first, and the vector is shrunk whenever a quarter
/// of it is empty (`finish` frees the drafts the same way, at an
/// eighth; one generic helper for both loops cost 0.1M instructions on
/// news and 2.8M on "Aaa Bbb said " at 1 MB, so each keeps its own):
/// holding them
/// whole beside the drafts was the peak of an article of nothing but
/// attributions ("Aaa Bbb said " repeated: 72 bytes an attribution
/// beside its 104-byte draft). Only from [`CONSUMED_FROM`] attributions
/// on: below, the memory is small and reversing cost more than it saved.
fn push_attribution_drafts(
    drafts: &mut Vec<Draft>,
    mut attributions: Vec<Attribution>,
    pronouns: &[Option<Referent>],
    unnamed_pronouns: &[usize],
    t: &str,
) {
    let consume = attributions.len() >= CONSUMED_FROM;
    if consume {
        attributions.reverse();
    }
    for i in 0..pronouns.len() {
        let a = if consume {
            let Some(a) = attributions.pop() else {
                break;
            };
            if attributions.len() < attributions.capacity() / 4 * 3 {
                attributions.shrink_to_fit();
            }
            a
        } else {
            attributions[i].clone()
        };
        let words = a.mark;
        let (kind, why, rule): (Kind, Why, SourceRule) = match a.kind {
            SourceKind::Named => (Kind::Named, Why::Named { source: a.source }, a.rule),
            SourceKind::Anonymous => (Kind::Anonymous, Why::Anonymous { words }, a.rule),
            SourceKind::Vague => (Kind::Vague, Why::Vague { words }, a.rule),
            // "I told the judge …": the first person stands for themselves
            // (see `sources::verbs`).
            SourceKind::Pronoun if a.pronoun(t) == Some(Pronoun::FirstPerson) => (
                Kind::Named,
                Why::FirstPerson { pronoun: a.source },
                SourceRule {
                    kind: SourceKind::Named,
                    ..a.rule
                },
            ),
            // "she said" takes the kind of whom it points back to. Guideline:
            // a later reference that points back to an anonymous source is
            // marked too; a pronoun is one ("A senior official said … She
            // added …"). Decision: so is one that points back to a vague
            // group ("Critics say … They argue …").
            // Decision: "he" or "she" that Sourcelight cannot resolve is
            // still a person the article introduced, nearly always by name
            // (an unnamed one is usually the sentence subject the pronoun
            // resolves to): marked named, and its explanation says the tool
            // could not tell who. Any other pronoun it cannot resolve
            // ("they", "it", "as they say") stays unmarked: its kind is
            // unknown.
            SourceKind::Pronoun => {
                let Some(r) = pronouns[i] else {
                    let pronoun = a.source;
                    // "He spoke on condition that he not be named": an
                    // anonymity clause in the sentence makes the person
                    // unnamed; the clause has its own mark.
                    let anonymous = unnamed_pronouns.binary_search(&i).is_ok();
                    // "his claim that …" likewise (see `sources::verbs`).
                    if !anonymous
                        && matches!(a.pronoun(t), Some(Pronoun::Person | Pronoun::Possessive))
                    {
                        drafts.push(Draft {
                            kind: Kind::Named,
                            span: a.mark,
                            rule: RuleId::Source(SourceRule {
                                kind: SourceKind::Named,
                                ..a.rule
                            }),
                            why: Why::RefersBackUnknown { pronoun },
                            unclosed: false,
                            link: Some(Index::new(i)),
                            priority: priority_of(Kind::Named, false),
                        });
                    }
                    continue;
                };
                let (pronoun, to) = (a.source, r.source);
                let (kind, why) = match r.kind {
                    SourceKind::Named => (Kind::Named, Why::RefersBack { pronoun, to }),
                    SourceKind::Anonymous => {
                        (Kind::Anonymous, Why::RefersBackUnnamed { pronoun, to })
                    }
                    SourceKind::Vague => (Kind::Vague, Why::RefersBackGroup { pronoun, to }),
                    SourceKind::Pronoun => continue,
                };
                let rule = SourceRule {
                    kind: r.kind,
                    ..a.rule
                };
                (kind, why, rule)
            }
        };
        drafts.push(Draft {
            kind,
            span: a.mark,
            rule: RuleId::Source(rule),
            why,
            unclosed: false,
            link: Some(Index::new(i)),
            priority: priority_of(kind, false),
        });
    }
}

/// Precedence when two marks collide. Quotes come first: they are found by
/// punctuation, with no doubt. Then a teacher's own rules (the teacher asked
/// for them by name), then sources, then hedges.
///
/// `custom`: is the draft's rule a teacher's own ([`RuleId::Custom`])?
/// Computed once per draft, where it is made ([`Draft::priority`]).
fn priority_of(kind: Kind, custom: bool) -> u8 {
    match (kind, custom) {
        (Kind::Quote, _) => 0,
        (_, true) => 1,
        (Kind::Named | Kind::Anonymous | Kind::Vague, _) => 2,
        (Kind::Hedge, _) => 3,
    }
}

/// A draft's precedence ([`priority_of`]).
fn priority(d: &Draft) -> u8 {
    debug_assert_eq!(
        d.priority,
        priority_of(d.kind, matches!(d.rule, RuleId::Custom { .. }))
    );
    d.priority
}

/// Sorts drafts and drops those that overlap a mark of the same kind or
/// cross (partly overlap) a mark of higher or equal precedence, so what is
/// left nests cleanly.
///
/// Quotes are disjoint, so the quote around a span is one binary search away.
/// Every other mark is short (a source phrase and its verb, or a hedge: at
/// most a few dozen words), so only kept marks starting within
/// `MAX_SHORT_MARK` bytes before a draft can reach it; closer still, within
/// the longest kept short mark so far (a mark starting further back ends
/// before the draft starts), which on news is a tenth of that window.
///
/// `len` is the length of the text the drafts' spans are in.
fn untangle(mut drafts: Vec<Draft>, len: usize) -> Vec<Draft> {
    const MAX_SHORT_MARK: usize = 1024;
    let mut order = SortRoom::default();
    // Ends count down from `top`, the least all-ones number at or above
    // the text's length, so every end (the same order as from `u32::MAX`,
    // in as few bits as the text needs: see [`sort_drafts_by_key`]).
    debug_assert!(drafts.iter().all(|d| d.span.end() <= len));
    let end_bits = (u32::BITS - (len as u32).leading_zeros()).max(1);
    let top = u32::MAX >> (u32::BITS - end_bits);
    sort_drafts_by_key(&mut drafts, &mut order, [2, end_bits, end_bits], |d| {
        [
            u32::from(priority(d)),
            d.span.start() as u32,
            top - d.span.end() as u32,
        ]
    });
    let crosses = |a: ByteSpan, b: ByteSpan| a.overlaps(b) && !(a.contains(b) || b.contains(a));
    // The drafts of each precedence: the most the lists below can keep,
    // reserved at once (grown by doubling, they were copied again and
    // again).
    let mut of_priority = [0usize; 4];
    for d in &drafts {
        of_priority[usize::from(priority(d))] += 1;
    }
    let mut quotes: Vec<ByteSpan> = Vec::with_capacity(of_priority[0]);
    // Kept short marks by precedence, list `p - 1` for precedence `p`;
    // drafts arrive sorted by (precedence, start), so each list is sorted
    // by start as it grows. (Quotes, of precedence 0 and the only drafts
    // of it, are kept in `quotes`: a list for precedence 0, always empty,
    // was passed over at every draft.) Start and end in `u32`, as a
    // span's (12 bytes a mark, not 24: on an article of nothing but
    // attributions these lists hold every draft).
    let mut short: [Vec<(u32, u32, Kind)>; 3] =
        std::array::from_fn(|i| Vec::with_capacity(of_priority[i + 1]));
    // The length of the longest short mark kept so far: one starting more
    // than this before a draft ends before it starts.
    let mut reach = 0usize;
    // Per list, the first kept mark starting at or after `from`: within a
    // run of drafts of one precedence `from` seldom decreases, so each
    // cursor mostly moves forward (two binary searches per list per draft
    // were most of this pass). Placed again by a binary search when the
    // precedence changes or `from` goes back (when `reach` grows).
    let mut lo_at = [0usize; 3];
    let mut run: Option<(u8, usize)> = None;
    // The first kept quote ending after the last draft's start, and that
    // draft's precedence and start: the same kind of forward cursor (the
    // quotes are disjoint, so sorted by end too; within a run of one
    // precedence the starts never go back, and a quote is only ever
    // inserted at the cursor).
    let mut quote_at: Option<(u8, usize, usize)> = None;
    // Filtered in place: a second vector of drafts would double the peak.
    drafts.retain(|d| {
        let span = d.span;
        if span.is_empty() || span.len() > MAX_SHORT_MARK && d.kind != Kind::Quote {
            return false;
        }
        let p = priority(d);
        let q = match quote_at {
            Some((qp, start, mut q)) if qp == p && start <= span.start() => {
                while q < quotes.len() && quotes[q].end() <= span.start() {
                    q += 1;
                }
                q
            }
            _ => quotes.partition_point(|q| q.end() <= span.start()),
        };
        quote_at = Some((p, span.start(), q));
        let quote_clash = quotes[q..]
            .iter()
            .take_while(|q| q.start() < span.end())
            .any(|&q| d.kind == Kind::Quote || crosses(q, span));
        let from = span.start().saturating_sub(reach);
        if run.is_none_or(|(rp, rf)| rp != p || from < rf) {
            for (lo, list) in lo_at.iter_mut().zip(&short) {
                *lo = list.partition_point(|x| (x.0 as usize) < from);
            }
        }
        run = Some((p, from));
        let short_clash = short[..usize::from(p)]
            .iter()
            .zip(lo_at.iter_mut())
            .any(|(list, lo)| {
                while *lo < list.len() && (list[*lo].0 as usize) < from {
                    *lo += 1;
                }
                list[*lo..]
                    .iter()
                    .take_while(|x| (x.0 as usize) < span.end())
                    .any(|&(s, e, k)| {
                        let kept = ByteSpan::new(s as usize, e as usize);
                        crosses(kept, span) || k == d.kind && kept.overlaps(span)
                    })
            });
        if quote_clash || short_clash {
            return false;
        }
        if d.kind == Kind::Quote {
            quotes.insert(q, span);
        } else {
            // Not a quote: of precedence 1 to 3.
            short[usize::from(p) - 1].push((span.start() as u32, span.end() as u32, d.kind));
            reach = reach.max(span.len());
        }
        true
    });
    // Read by nothing after this: freed before the sort's own vectors are
    // made.
    drop((quotes, short));
    sort_drafts_by_key(
        &mut drafts,
        &mut order,
        [end_bits, end_bits, KIND_BITS],
        |d| {
            [
                d.span.start() as u32,
                top - d.span.end() as u32,
                d.kind as u32,
            ]
        },
    );
    drafts
}

/// Three sort keys as one integer that orders as the triple `(a, b, c)`
/// does, with room below them for a draft's index (see
/// [`sort_drafts_by_key`]): a compare of two integers where a tuple of a
/// `u8`, two `usize`s and the index cost a chain of compares (1M
/// instructions of the two sorts on 1 MB of news). Offsets fit in `u32`
/// ([`crate::span`]); a kind is its declaration order, which is the order
/// its derived `Ord` gives.
fn pack(a: u32, b: u32, c: u32) -> u128 {
    u128::from(a) << 96 | u128::from(b) << 64 | u128::from(c) << 32
}

/// The bits a [`Kind`] takes as a sort key (its declaration order).
const KIND_BITS: u32 = 3;

/// The keys' rooms of [`sort_drafts_by_key`], reused from one sort to the
/// next (their pages are touched once, not once a sort).
#[derive(Default)]
struct SortRoom {
    /// [`pack`]ed keys.
    wide: Vec<u128>,
    /// Keys packed into 64 bits, when they fit.
    #[cfg(not(target_arch = "wasm32"))]
    narrow: Vec<u64>,
}

/// Sorts drafts by `key`, a triple whose parts take at most `widths`
/// bits each, into exactly the order a stable `sort_by_key` gives (ties
/// keep their order: the draft's index, in the key's low bits, breaks
/// them), but sorts small keys and then moves each draft once, along the
/// cycles of the permutation, where the merge sort moved the large drafts
/// about `log n` times each.
///
/// When the three parts and the index fit in 64 bits (the offsets of a
/// text of up to 2 MB and up to a million drafts), the keys are `u64`s,
/// where the [`pack`]ed `u128`s cost a pair of compares each (0.6M
/// instructions of the two sorts on 1 MB of news). The browser build
/// keeps the `u128`s alone (one sort's code, not two).
fn sort_drafts_by_key(
    drafts: &mut [Draft],
    room: &mut SortRoom,
    widths: [u32; 3],
    key: impl Fn(&Draft) -> [u32; 3],
) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let index_bits = usize::BITS - drafts.len().leading_zeros();
        let [_, wb, wc] = widths;
        if widths.iter().sum::<u32>() + index_bits <= u64::BITS {
            let order = &mut room.narrow;
            order.clear();
            order.extend(drafts.iter().enumerate().map(|(i, d)| {
                let [a, b, c] = key(d);
                debug_assert!([a, b, c]
                    .iter()
                    .zip(widths)
                    .all(|(&x, w)| u64::from(x) < 1 << w));
                (u64::from(a) << (wb + wc) | u64::from(b) << wc | u64::from(c)) << index_bits
                    | i as u64
            }));
            // The index makes every key unique (crate::sort's condition).
            crate::sort::sort(order);
            let mask = (1u64 << index_bits) - 1;
            permute(drafts, order, |k| (k & mask) as usize);
            return;
        }
    }
    let _ = widths;
    let order = &mut room.wide;
    order.clear();
    order.extend(drafts.iter().enumerate().map(|(i, d)| {
        let [a, b, c] = key(d);
        pack(a, b, c) | i as u128
    }));
    // The index makes every key unique (crate::sort's condition).
    crate::sort::sort(order);
    permute(drafts, order, |k| k as u32 as usize);
}

/// Puts the drafts in the order of the sorted keys `from`: position `j`
/// takes the draft now at the index `index(from[j])` (a key's low bits).
/// `from` is left holding each position's own index.
fn permute<K: Copy + From<u32>>(drafts: &mut [Draft], from: &mut [K], index: impl Fn(K) -> usize) {
    debug_assert_eq!(drafts.len(), from.len());
    let base = drafts.as_mut_ptr();
    for start in 0..from.len() {
        if index(from[start]) == start {
            continue;
        }
        // Along the cycle through `start`, each draft is moved once (a
        // draft is 72 bytes, and a swap copied it three times): the first
        // is held aside, each slot takes its draft, the last slot the held
        // one.
        //
        // SAFETY: `from` is a permutation of `0..drafts.len()` (the indices
        // of the keys, in their low bits), so every pointer is in bounds;
        // each slot of the cycle is read once before it is overwritten,
        // and the held draft is written back, so no draft is dropped or
        // duplicated. Nothing between the read and the write can panic
        // (indices of `from` are below its length, and `index` only masks).
        unsafe {
            let held = std::ptr::read(base.add(start));
            let mut at = start;
            loop {
                let next = index(from[at]);
                from[at] = K::from(at as u32);
                if next == start {
                    std::ptr::write(base.add(at), held);
                    break;
                }
                std::ptr::copy_nonoverlapping(base.add(next), base.add(at), 1);
                at = next;
            }
        }
    }
}

/// Maps drafts to the original text, links quote speakers to marks, and
/// gathers the speakers ([`Analysis::speakers`]) from `quoted_by`, each
/// quote's speaker as `quote_speakers` found it.
///
/// The marks are written over the drafts, in the drafts' own allocation: a
/// mark is as large as a draft (asserted below), so mark `i` takes draft
/// `i`'s bytes once it is read. Before, the marks had a vector of their
/// own, filled as the drafts were freed: on an article of nothing but
/// attributions ("Aaa Bbb said " repeated, 10 MB) its 98 MB were a quarter
/// of the pages the analysis touched, and the peak.
fn finish(
    drafts: Vec<Draft>,
    norm: &Normalized,
    attributions: &[ByteSpan],
    quoted_by: &[Option<crate::speakers::Speaker>],
) -> (Vec<Mark>, Vec<Speaker>) {
    let n = drafts.len();
    // Per attribution, the index of its mark, if it has one.
    let mut mark_of_attribution: Vec<Option<Index>> = vec![None; attributions.len()];
    for (i, d) in drafts.iter().enumerate() {
        if let (false, Some(a)) = (d.kind == Kind::Quote, d.link) {
            mark_of_attribution[a.get()] = Some(Index::new(i));
        }
    }
    let mark_of = |a: usize| mark_of_attribution[a].map(Index::get);
    let mut speakers: Vec<Speaker> = Vec::with_capacity(quoted_by.len());
    let mut mark = |d: Draft| {
        let speaker = (d.kind == Kind::Quote).then(|| {
            // A teacher's rule of kind quote has no speaker found (`link`
            // is none): an unknown one, as a quote nobody is said to speak.
            let speaker = match d.link.and_then(|q| quoted_by[q.get()]) {
                Some((r, via)) => {
                    // Point at the attribution that introduced the speaker
                    // ("Okafor said"), or at the one that found it ("she
                    // said").
                    let a = r
                        .attribution
                        .map(Index::get)
                        .filter(|&i| mark_of(i).is_some())
                        .or(via.map(Index::get));
                    let kind = match r.kind {
                        SourceKind::Named => SpeakerKind::Named,
                        SourceKind::Anonymous => SpeakerKind::Anonymous,
                        _ => SpeakerKind::Unknown,
                    };
                    let mark = a.and_then(|a| Some((a, mark_of(a)?)));
                    Speaker {
                        words: r.source,
                        kind,
                        attribution: mark.map(|(a, _)| norm.to_original(attributions[a])),
                        mark: mark.map(|(_, m)| m),
                    }
                }
                None => Speaker {
                    words: ByteSpan::new(0, 0),
                    kind: SpeakerKind::Unknown,
                    attribution: None,
                    mark: None,
                },
            };
            speakers.push(speaker);
            Index::new(speakers.len() - 1)
        });
        Mark {
            kind: d.kind,
            span: norm.to_original(d.span),
            rule_id: d.rule,
            why: d.why,
            unclosed: d.unclosed,
            speaker,
        }
    };
    let mut drafts = std::mem::ManuallyDrop::new(drafts);
    let cap = drafts.capacity();
    let base = drafts.as_mut_ptr();
    let out = base.cast::<Mark>();
    for i in 0..n {
        // SAFETY: a mark is as large as a draft and aligned as one
        // (asserted below), so mark `i` is draft `i`'s bytes, in bounds.
        // Draft `i` is read before mark `i` is written, and the drafts are
        // read in order, so no mark overwrites a draft still to be read.
        // Should `mark` panic, the drafts left and the allocation are
        // leaked (`ManuallyDrop`), never dropped twice.
        unsafe {
            let d = std::ptr::read(base.add(i));
            std::ptr::write(out.add(i), mark(d));
        }
    }
    // SAFETY: the first `n` marks are written; the allocation is the
    // drafts' (`DRAFT * cap` bytes, which is `MARK * cap`, with the same
    // alignment), from the global allocator.
    let mut marks = unsafe { Vec::from_raw_parts(out, n, cap) };
    // The room left past the marks (drafts `untangle` dropped) is given
    // back.
    marks.shrink_to_fit();
    (marks, speakers)
}

// `finish` writes marks over drafts: a mark must be exactly as large as a
// draft and aligned as one.
const _: () = assert!(
    std::mem::size_of::<Mark>() == std::mem::size_of::<Draft>()
        && std::mem::align_of::<Mark>() == std::mem::align_of::<Draft>()
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_over_the_limit_is_cut_on_a_char_boundary() {
        // "é" is two bytes: a limit inside it cuts before it.
        assert_eq!(prefix_within("café au lait", 4), "caf");
        assert_eq!(prefix_within("café au lait", 5), "café");
        assert_eq!(prefix_within("café", 100), "café");
        assert_eq!(prefix_within("", 0), "");
    }

    #[test]
    fn speakers_words_are_read_from_the_normalised_text() {
        // Plain, with a no-break space in the name (normalised to a space),
        // with CRLF line ends, and an unknown speaker.
        for (text, want) in [
            ("“We will not sign,” Jane Okafor said.", "Jane Okafor"),
            ("“We will not sign,” Jane\u{A0}Okafor said.", "Jane Okafor"),
            (
                "Intro.\r\n\r\n\"No,\" a senior official said.\r\n",
                "a senior official",
            ),
            ("He wrote: “We will not sign.”", ""),
        ] {
            let a = crate::analyze(text);
            let quote = a.marks.iter().find(|m| m.kind == Kind::Quote).unwrap();
            let s = a.speaker(quote).unwrap();
            assert_eq!(a.speaker_text(s, text), want, "{text:?}");
        }
    }

    #[test]
    fn marks_are_written_over_drafts_of_any_capacity() {
        let text = "Okafor said the plan may work.";
        let norm = Normalized::new(text);
        // Quote `q`'s speaker: "Okafor", or none for odd `q`.
        let okafor = Referent {
            kind: SourceKind::Named,
            source: ByteSpan::new(0, 6),
            attribution: None,
        };
        let quoted_by: Vec<Option<crate::speakers::Speaker>> = (0..40)
            .map(|q| (q % 2 == 0).then_some((okafor, None)))
            .collect();
        for n in 0..40 {
            for spare in [0, 1, n] {
                // Every third draft a quote, linked to its speaker.
                let draft = |i: usize| Draft {
                    kind: if i % 3 == 0 { Kind::Quote } else { Kind::Hedge },
                    span: ByteSpan::new(i % 20, 20 + i % 10),
                    rule: RuleId::Hedge("may"),
                    why: Why::Hedge {
                        words: ByteSpan::new(i % 20, 20),
                    },
                    unclosed: false,
                    link: (i % 3 == 0).then(|| Index::new(i / 3)),
                    priority: priority_of(
                        if i % 3 == 0 { Kind::Quote } else { Kind::Hedge },
                        false,
                    ),
                };
                let mut drafts = Vec::with_capacity(n + spare);
                drafts.extend((0..n).map(draft));
                let (marks, speakers) = finish(drafts, &norm, &[], &quoted_by);
                let spans: Vec<ByteSpan> = marks.iter().map(|m| m.span).collect();
                let want: Vec<ByteSpan> = (0..n).map(|i| draft(i).span).collect();
                assert_eq!(spans, want);
                assert_eq!(marks.capacity(), n);
                assert_eq!(speakers.len(), n.div_ceil(3));
                for (i, m) in marks.iter().enumerate() {
                    let who = m.speaker.map(|s| speakers[s.get()].words.slice(text));
                    let want = (i % 3 == 0).then_some(if i % 6 == 0 { "Okafor" } else { "" });
                    assert_eq!(who, want, "{i}");
                }
            }
        }
    }

    /// A fixture's article: its marks' markup (`[[KIND: `, `[[quote<SPEAKER>: `
    /// and `]]`, see `tests/fixtures/README.md`) taken out.
    fn unmarked(fixture: &str) -> String {
        let mut out = String::with_capacity(fixture.len());
        let mut rest = fixture;
        loop {
            let open = rest.find("[[");
            let Some(at) = open.into_iter().chain(rest.find("]]")).min() else {
                break;
            };
            out.push_str(&rest[..at]);
            rest = &rest[at + 2..];
            if open == Some(at) {
                // The kind (and speaker) up to ": ".
                rest = &rest[rest.find(": ").map_or(0, |c| c + 2)..];
            }
        }
        out.push_str(rest);
        out
    }

    /// The verbs the lexicons find in `text` (as `analyze` normalises it).
    fn verbs_in(text: &str) -> Vec<crate::lexicon::PhraseMatch> {
        let norm = Normalized::new(text);
        TokenStream::with_phrases(&norm.text).1.verbs
    }

    /// The two-thread analysis is the one-thread analysis, whatever verb
    /// the verbs are cut at: on every fixture (articles, traps, clean
    /// passages, held-out sets), on all the articles as one text, and on
    /// the adversarial inputs' shapes, with and without a teacher's rule.
    /// Each verb `k` is tried (on the long texts every few), and `k` past
    /// the last verb, where nothing is cut but the other two stages still
    /// run on two threads.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn two_threads_give_the_one_threads_analysis() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts = Vec::new();
        let mut articles = String::new();
        for sub in ["articles", "clean", "holdout", "holdout2", "traps"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}/{sub}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                let text = unmarked(&std::fs::read_to_string(&p).unwrap());
                if sub == "articles" {
                    articles.push_str(&text);
                    articles.push_str("\n\n");
                }
                texts.push(text);
            }
        }
        assert!(texts.len() > 800, "{}", texts.len());
        texts.push(articles);
        for piece in [
            "it could be ",
            "said said ",
            "Aaa Bbb said ",
            "the official said. ",
            "“a ",
            "\"a ",
            "‘a ",
            "Mr. Dr. No. St. ",
            "Aaa Bbb Ccc Ddd ",
            "“We may go,” she said.\r\n\tHe said\u{a0}so. ",
            "“It is done,” a senior official said, speaking on condition of anonymity. He added: “",
        ] {
            texts.push(piece.repeat(6000 / piece.len()));
        }
        let custom = CustomRules::parse("vague: said so\nhedge: /may/").unwrap();
        let (mut tried, mut cut) = (0, 0);
        for text in &texts {
            let verbs = verbs_in(text);
            let step = verbs.len() / 40 + 1;
            let norm = Normalized::new(text);
            let paragraphs = text::paragraphs(&norm.text);
            let quote_spans: Vec<ByteSpan> = find_quotes(&norm.text, &paragraphs)
                .iter()
                .map(|q| q.span)
                .collect();
            let mut sentences = Vec::new();
            for p in &paragraphs {
                let q = quote_spans.partition_point(|s| s.end() <= p.start());
                text::sentences_from(&norm.text, *p, &quote_spans, q, &mut sentences);
            }
            for rules in [&CustomRules::empty(), &custom] {
                let one = format!("{:?}", analyze_with(text, rules));
                for k in (0..=verbs.len()).step_by(step) {
                    let two = analyze_split(text, rules, Some(VerbSplit::At(k)));
                    assert!(one == format!("{two:?}"), "verb {k} of {text:?}");
                    tried += 1;
                    cut += usize::from(
                        crate::sources::verb_split(&sentences, &verbs, VerbSplit::At(k)).is_some(),
                    );
                }
            }
        }
        // Most tries cut the verbs (a verb in a text's first sentence
        // leaves the first part empty, which runs on one thread).
        assert!(cut * 2 > tried, "{cut} of {tried}");
    }

    proptest::proptest! {
        #[test]
        fn sorting_drafts_is_a_stable_sort(
            keys in proptest::collection::vec(0usize..6, 0..80),
            wide in proptest::bool::ANY,
        ) {
            // Keys of 64 bits, or (parts too wide for them) `u128`s.
            let widths = if wide { [32, 32, 32] } else { [1, 3, 1] };
            // Each draft's span records its key (start) and its place (end).
            let draft = |(i, &k): (usize, &usize)| Draft {
                kind: Kind::Hedge,
                span: ByteSpan::new(k, 100 + i),
                rule: RuleId::Hedge("may"),
                why: Why::Hedge { words: ByteSpan::new(k, 100 + i) },
                unclosed: false,
                link: Some(Index::new(i)),
                priority: priority_of(Kind::Hedge, false),
            };
            let mut drafts: Vec<Draft> = keys.iter().enumerate().map(draft).collect();
            sort_drafts_by_key(&mut drafts, &mut SortRoom::default(), widths, |d| [0, d.span.start() as u32, 0]);
            let mut want: Vec<(usize, usize)> = keys.iter().copied().zip(100..).collect();
            want.sort_by_key(|&(k, _)| k);
            let got: Vec<(usize, usize)> = drafts.iter().map(|d| (d.span.start(), d.span.end())).collect();
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert!(drafts.iter().all(|d| d.link == Some(Index::new(d.span.end() - 100))));
        }
    }
}
