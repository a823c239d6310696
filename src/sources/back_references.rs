//! Back references: "the official said" after "a senior official, who was
//! not authorised to speak publicly, said" is the same anonymous source
//! again, not a newly named one; "the aide said" after "Jeff Weaver, a
//! Sanders aide, said" is the named person again. And one reference
//! forward (round 35): "an Australian researcher says." named by the next
//! sentence ("Professor David Macmillan of the University of Melbourne
//! …") is that named person. And (round 36) "the researchers say" after
//! the article has named a source is the team behind the work it reports.
//! And (round 37) the lede before the first named source: "…, scientists
//! say." or "a new study shows" a few attributions before the article
//! names the work's authors, institution or journal is that work's team.

use super::classify::Rule;
use super::{Attribution, SourceKind};
use crate::lexicon::words::POSTMODIFIERS;
use crate::lexicon::WORDS;
use crate::span::ByteSpan;
use crate::text::{TokenStream, Tokens};

/// How many attributions back a reference may point: a few paragraphs,
/// which also keeps the work linear in the article's length.
pub const LOOKBACK: usize = 40;

/// "The consultant said" after "a senior consultant, who was not authorised
/// to speak publicly, said" is the same anonymous source again: a definite
/// reference whose head word was last seen in an anonymous source stays
/// anonymous.
pub(super) fn resolve(stream: &TokenStream, attributions: &mut [Attribution]) {
    // Each source's head word, read once, when first asked for (no source
    // phrase changes here): most sources are never asked for theirs (a
    // name, "Okafor said"), where reading every one cost a token search
    // and its words per attribution.
    let mut heads: Vec<Option<&str>> = vec![None; attributions.len()];
    // The article's first named source, as the attributions were read
    // (before any is renamed below): a study lede stands before it.
    let first_named = attributions
        .iter()
        .position(|a| a.kind == SourceKind::Named);
    for i in 0..attributions.len() {
        if is_study_team(stream, attributions, i) {
            name_by(&mut attributions[i], Rule::StudyTeam);
            continue;
        }
        if first_named.is_some_and(|f| {
            i < f
                && f - i <= LEDE_REACH
                && is_study_lede(stream, &attributions[i], &attributions[f])
        }) {
            name_by(&mut attributions[i], Rule::StudyLede);
            continue;
        }
        let a = &attributions[i];
        if a.kind == SourceKind::Anonymous {
            to_named(stream, attributions, &mut heads, i);
            if attributions[i].kind == SourceKind::Anonymous
                && opens_with_a(stream.all().text(), attributions[i].source)
                && (is_named_next(stream, &attributions[i])
                    || first_named == Some(i + 1)
                        && is_lede_named_next(stream, &attributions[i], &attributions[i + 1]))
            {
                name_by(&mut attributions[i], Rule::NamedNextSentence);
            }
            continue;
        }
        if a.kind != SourceKind::Named || !may_open_with_the(stream.all().text, a.source) {
            continue;
        }
        let source = stream.within(a.source);
        // "the consultant", "the former supervisor": no name, no comma.
        let opens_with_the = source.len() > 1
            && source.lower(0) == Some("the")
            && source.toks[1].span().start() == source.toks[0].span().end() + 1;
        if !opens_with_the
            || (1..source.len()).any(|k| source.is_punct(k, ',') || source.is_capitalised(k))
        {
            continue;
        }
        let head = *heads[i].get_or_insert_with(|| head_word(&source));
        let known = WORDS.roles.contains(head)
            || WORDS.institutions.contains(head)
            || super::is_document(head);
        // A known role, body or document points back to a source with the
        // same word ("the consultant", "the polls"); any other word to the
        // latest source that holds it, singular or plural, when there is
        // one ("the witness said" after "a witness interviewed by the
        // committee said" or "witnesses said", with a named source
        // between), else to the latest source ("the rescuer" after "a
        // rescue worker").
        let from = i.saturating_sub(LOOKBACK);
        let sources = || {
            (from..i)
                .rev()
                .filter(|&j| attributions[j].kind != SourceKind::Pronoun)
        };
        // The mark holds an appositive ("Ola Berg, a witness, said"). The
        // word is a head there: the mark ends after it, or punctuation, a
        // postmodifier or a participle follows ("a witness interviewed by
        // the committee"), not a noun ("a shipyard worker" is no shipyard).
        // (The mark's tokens read from the whole stream after one look-up
        // by offset, to the first that starts at its end, as in
        // [`head_in`].)
        let holds = |j: usize| {
            let mark = attributions[j].mark;
            let all = stream.all();
            let inside = |k: usize| {
                all.toks
                    .get(k)
                    .is_some_and(|t| t.span().start() < mark.end())
            };
            let mut k = stream.index_at(mark.start());
            while inside(k) {
                if all.lower(k).is_some_and(|w| {
                    w.strip_prefix(head)
                        .is_some_and(|rest| matches!(rest, "" | "s" | "es"))
                }) && (!inside(k + 1)
                    || !all.is_word(k + 1)
                    || all
                        .lower(k + 1)
                        .is_some_and(|n| POSTMODIFIERS.contains(n) || n.ends_with("ed")))
                {
                    return true;
                }
                k += 1;
            }
            false
        };
        let earlier = if known {
            sources()
                .find(|&j| head_of(stream, attributions, &mut heads, j).eq_ignore_ascii_case(head))
        } else {
            sources().find(|&j| holds(j)).or_else(|| sources().next())
        }
        .map(|j| &attributions[j]);
        if earlier.is_some_and(|b| b.kind == SourceKind::Anonymous) {
            let a = &mut attributions[i];
            a.kind = SourceKind::Anonymous;
            a.mark = a.source;
            a.name = a.source;
            a.rule.kind = SourceKind::Anonymous;
            a.rule.rule = Rule::BackReference;
        }
    }
}

/// The words for the people behind a piece of research, as a definite
/// plural names them ("the researchers", "the scientists", "the authors").
/// Also read by the speakers (a named team is a group no "he" goes back
/// to).
pub(crate) const STUDY_TEAMS: [&str; 4] = ["researchers", "scientists", "authors", "astronomers"];

/// "The researchers say", "according to the scientists", "say the Belgian
/// researchers": a definite plural of [`STUDY_TEAMS`] (with at most one
/// word before the head, not "other"), once the article has named a
/// source, among the last [`LOOKBACK`] attributions. Decision (round 36;
/// the guideline names documents and institutions on the record, and is
/// silent on their authors): "the" points back to the team behind the
/// study or work the article reports, which science news identifies by
/// its lead author, university or journal ("Dr Ana Ruiz and colleagues
/// report in Nature …"), so the source is named, as "the team found"
/// already is (an institution); it is neither withheld (anonymous) nor
/// unspecified (vague). Before any named source ("the researchers said"
/// opening an article) nothing points back: see [`is_study_lede`] (round
/// 37) for the lede the article names a few attributions on.
fn is_study_team(stream: &TokenStream, attributions: &[Attribution], i: usize) -> bool {
    let a = &attributions[i];
    let from_table = match a.kind {
        SourceKind::Anonymous => a.rule.rule == Rule::DefinitePlural,
        SourceKind::Vague => a.rule.rule == Rule::VagueGroup,
        _ => false,
    };
    if !from_table || !may_open_with_the(stream.all().text, a.source) {
        return false;
    }
    let source = stream.within(a.source);
    let n = source.len();
    (2..=3).contains(&n)
        && source.lower(0) == Some("the")
        && (1..n).all(|k| source.is_word(k))
        && (n == 2 || source.lower(1) != Some("other"))
        && source
            .lower(n - 1)
            .is_some_and(|h| STUDY_TEAMS.contains(&h))
        && (i.saturating_sub(LOOKBACK)..i).any(|j| attributions[j].kind == SourceKind::Named)
}

/// How many attributions before the article's first named source a study
/// lede may stand: the lede, its headline, and a sentence or two between.
const LEDE_REACH: usize = 3;

/// The sentences a lede may stand in, from the article's first: a headline
/// or caption, the lede, and one more.
const LEDE_SENTENCES: u32 = 3;

/// The words for a science story's team or its work in a lede besides
/// [`STUDY_TEAMS`]: their singulars, and the documents a study is reported
/// by.
const LEDE_HEADS: [&str; 8] = [
    "researcher",
    "scientist",
    "astronomer",
    "study",
    "research",
    "survey",
    "findings",
    "report",
];

/// Words before the head that keep a group vague ("some scientists say",
/// "other researchers", "many studies").
const LEDE_NOT_BEFORE: [&str; 10] = [
    "some", "many", "most", "other", "others", "few", "several", "numerous", "all", "one",
];

/// "…, scientists say.", "US researchers have confirmed", "an Australian
/// scientist says", "a new study shows", "according to new research": a
/// vague or anonymous source of [`LEDE_HEADS`] in the article's first
/// [`LEDE_SENTENCES`], standing before the article's first named source
/// and at most [`LEDE_REACH`] attributions before it (the caller's test;
/// `named` is that source). Decision (round 37; the guideline has
/// documents as sources, named when identified, and the review's rule
/// reads a lede whose source the next sentences name as named): science
/// and rural news open with the work's finding and its team or document
/// unnamed, and identify them a sentence or two on ("Dr Ana Ruiz of the
/// University of Utrecht and colleagues report in the journal …", "The
/// survey, by the Bureau of …"); the source is the team or the work the
/// article reports, named, not withheld or unspecified. A quantifier
/// keeps a group vague ("some scientists say", "other researchers"), as
/// do "experts" and "analysts" (seldom the work's own team), and a lede
/// far from any named source keeps its kind.
fn is_study_lede(stream: &TokenStream, a: &Attribution, named: &Attribution) -> bool {
    let from_table = match a.kind {
        SourceKind::Anonymous => {
            matches!(a.rule.rule, Rule::DefinitePlural | Rule::UnnamedPerson)
        }
        SourceKind::Vague => matches!(
            a.rule.rule,
            Rule::VagueGroup | Rule::UnspecifiedGroup | Rule::UnidentifiedDocument
        ),
        _ => false,
    };
    // The article's opening (its headline, the lede and a sentence or two),
    // and not a view held before the work ("scientists once thought",
    // "researchers generally believed": the field, not the team).
    if !from_table
        || a.sentence >= LEDE_SENTENCES
        || matches!(a.verb.slice(stream.all().text), "thought" | "believed")
    {
        return false;
    }
    let source = stream.within(a.source);
    let head = head_word(&source);
    if !STUDY_TEAMS.contains(&head) && !LEDE_HEADS.contains(&head) {
        return false;
    }
    // A document lede before an identified document of another word is
    // another work ("A survey released in August found …. A Calder
    // University poll found the opposite."), not the lede's.
    if named.rule.rule == Rule::IdentifiedDocument
        && super::is_document(head)
        && head_word(&stream.within(named.source)) != head
    {
        return false;
    }
    // The words before the head.
    for k in 0..source.len() {
        match source.lower(k) {
            Some(w) if w == head => break,
            Some(w) if LEDE_NOT_BEFORE.contains(&w) => return false,
            _ => {}
        }
    }
    true
}

/// Does `span` of `text` open with "a " or "an " (any case)? The quick
/// reject before [`is_named_next`], on the source's first bytes with no
/// token look-up ("the official said." repeated is one anonymous source a
/// sentence, each read here).
#[inline]
fn opens_with_a(text: &str, span: ByteSpan) -> bool {
    let b = text
        .as_bytes()
        .get(span.start()..span.end())
        .unwrap_or_default();
    b.len() > 2 && b[0] | 0x20 == b'a' && (b[1] == b' ' || b[1] | 0x20 == b'n' && b[2] == b' ')
}

/// "…, an Australian researcher says. Professor David Macmillan of the
/// University of Melbourne has shown …": a lede that gives its source as
/// "a" or "an" and a description, the verb closing the sentence, and
/// names the person at the start of the next sentence, by an academic
/// title, the name and where they work ("of", "from", or ", a geologist
/// from"). Decision (round 35; the guideline is silent): the article
/// identifies the source one sentence on, so the source is named, not
/// withheld; broadcast science news opens most stories so. Only
/// "Professor", "Associate Professor" and "Dr" (a "Mr." after "a campaign
/// aide said." is as often someone else), and a source of two to six
/// words with no comma. Reads at most ten tokens after the verb.
#[inline(never)]
fn is_named_next(stream: &TokenStream, a: &Attribution) -> bool {
    if a.verb.start() < a.source.start() {
        return false;
    }
    let source = stream.within(a.source);
    if !(2..=6).contains(&source.len())
        || !matches!(source.lower(0), Some("a" | "an"))
        || (1..source.len()).any(|k| !source.is_word(k))
    {
        return false;
    }
    let all = stream.all();
    let stop = stream.index_at(a.verb.end());
    if !all.is_punct(stop, '.') || all.is_abbreviation_dot(stop) {
        return false;
    }
    // The next sentence, in the same paragraph or opening the next (a
    // lede is a paragraph of its own).
    let mut t = stop + 1;
    match all.lower(t) {
        Some("associate") if all.lower(t + 1) == Some("professor") => t += 2,
        Some("professor" | "dr") => t += 1,
        _ => return false,
    }
    if all.is_punct(t, '.') {
        t += 1;
    }
    let first = t;
    while t < first + 3 && all.is_word(t) && all.is_capitalised(t) {
        t += 1;
    }
    if t == first {
        return false;
    }
    match all.lower(t) {
        Some("of" | "from") => true,
        None if all.is_punct(t, ',') => matches!(all.lower(t + 1), Some("a" | "an")),
        _ => false,
    }
}

/// "…, a Labour backbencher has said. Derek Wyatt said …", "…, a
/// leading industry figure has said. Tim Renner, the head of …, told …":
/// the article's lede gives its source as "a" or "an" and a description,
/// the verb closing the sentence, and the article's first named source,
/// `named`, opens the next sentence with a person's full name (two or
/// three capitalised words, not "The …", after at most a title such as
/// "Sir") and speaks: the same person, identified one sentence on.
/// Decision (round 42; the guideline is silent, as for
/// [`is_named_next`]): named, not withheld; British broadcast news opens
/// most stories so. Only before any named source (a "Mr Smith said"
/// after "a campaign aide said." deep in an article is as often someone
/// else), and only a source of two to six words with no comma. Reads
/// the tokens from the verb to the name's end.
#[inline(never)]
fn is_lede_named_next(stream: &TokenStream, a: &Attribution, named: &Attribution) -> bool {
    if a.verb.start() < a.source.start()
        || named.verb.start() < named.source.start()
        || named.sentence != a.sentence + 1
        || !matches!(named.rule.rule, Rule::Name | Rule::TitledName)
    {
        return false;
    }
    let source = stream.within(a.source);
    if !(2..=6).contains(&source.len()) || (1..source.len()).any(|k| !source.is_word(k)) {
        return false;
    }
    let all = stream.all();
    let stop = stream.index_at(a.verb.end());
    if !all.is_punct(stop, '.')
        || all.is_abbreviation_dot(stop)
        || all.toks.get(stop + 1).map(|t| t.span().start()) != Some(named.source.start())
    {
        return false;
    }
    // The name: its words from the source's start (after a title), all
    // capitalised, two or three of them, up to the verb or a comma.
    let mut t = stop + 1;
    if all
        .lower(t)
        .is_some_and(|w| matches!(w, "sir" | "dame" | "lord" | "lady" | "baroness"))
    {
        t += 1;
    }
    if all.lower(t) == Some("the") {
        return false;
    }
    let first = t;
    while t < first + 4 && all.is_word(t) && all.is_capitalised(t) {
        t += 1;
    }
    // The run is the whole source, or a comma opens its appositive.
    (2..=3).contains(&(t - first))
        && (all.is_punct(t, ',')
            || all
                .toks
                .get(t)
                .is_some_and(|tok| tok.span().start() >= named.source.end()))
}

/// Could the first token of `span`, which starts at that token (as every
/// source does: the span of its tokens), be "the" in any case (as
/// `resolve` asks of a named source's, `opens_with_the`)? Read from the
/// text's first three bytes there, before the tokens are searched for:
/// the lower-case word of a token is its bytes with ASCII letters
/// lowercased. Most named sources ("Okafor") fail on the first byte,
/// where a search of the span's bytes for "the" anywhere cost some 70
/// instructions a source.
fn may_open_with_the(text: &str, span: ByteSpan) -> bool {
    text.as_bytes()
        .get(span.start()..span.start() + 3)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"the"))
}

/// "The Sanders aide said" after "Sanders aide Jeff Weaver said", "the
/// aide added" after "Jeff Weaver, a Sanders aide, said": a short definite
/// reference whose words all stand in the latest earlier source that has
/// its head word, when that source is named, is the named person again
/// (an anonymous one keeps it anonymous).
fn to_named<'s>(
    stream: &'s TokenStream,
    attributions: &mut [Attribution],
    heads: &mut [Option<&'s str>],
    i: usize,
) {
    let a = &attributions[i];
    let source = stream.within(a.source);
    if !(2..=5).contains(&source.len())
        || source.lower(0) != Some("the")
        || (1..source.len()).any(|k| !source.is_word(k))
    {
        return;
    }
    let head = *heads[i].get_or_insert_with(|| head_word(&source));
    let from = i.saturating_sub(LOOKBACK);
    let earlier = (from..i).rev().find_map(|j| {
        let b = &attributions[j];
        if b.kind == SourceKind::Pronoun {
            return None;
        }
        // The mark holds an appositive ("Jeff Weaver, a Sanders aide, said").
        let words = stream.within(b.mark);
        let has = |w: &str| (0..words.len()).any(|k| words.lower(k) == Some(w));
        has(head).then(|| {
            b.kind == SourceKind::Named
                && (1..source.len()).all(|k| source.lower(k).is_some_and(has))
        })
    });
    if earlier == Some(true) {
        name_by(&mut attributions[i], Rule::BackReference);
    }
}

/// Attribution `a` is named by `rule` (one of this module's): its kind and
/// its rule's, and its mark over the source and the verb in the order they
/// stand ("the researchers say", "says the official").
fn name_by(a: &mut Attribution, rule: Rule) {
    a.kind = SourceKind::Named;
    a.mark = if a.verb.start() < a.source.start() {
        ByteSpan::new(a.verb.start(), a.source.end())
    } else {
        ByteSpan::new(a.source.start(), a.verb.end())
    };
    a.rule.kind = SourceKind::Named;
    a.rule.rule = rule;
}

/// Attribution `j`'s head word ([`head_word`] of its source), kept in
/// `heads` once read.
fn head_of<'s>(
    stream: &'s TokenStream,
    attributions: &[Attribution],
    heads: &mut [Option<&'s str>],
    j: usize,
) -> &'s str {
    heads[j].get_or_insert_with(|| head_in(stream, attributions[j].source))
}

/// [`head_word`] of the tokens that start inside `span`, read from the
/// whole stream after one look-up by offset, up to the first token that
/// starts at `span`'s end: [`TokenStream::within`] made two look-ups, most
/// of a short source's cost (3,242 heads on 1 MB of news).
fn head_in<'a>(stream: &'a TokenStream, span: ByteSpan) -> &'a str {
    let all = stream.all();
    let end = span.end();
    let mut head = "";
    let mut k = stream.index_at(span.start());
    while let Some(t) = all.toks.get(k) {
        if t.span().start() >= end {
            break;
        }
        if let Some(w) = all.lower(k) {
            if !head.is_empty() && POSTMODIFIERS.contains(w) {
                break;
            }
            head = w;
        }
        k += 1;
    }
    trim_apostrophes(head)
}

/// `w` with any apostrophes (`'`, `’`) at its end trimmed, read as bytes:
/// `trim_end_matches` with the two chars decoded a char from the end.
fn trim_apostrophes(w: &str) -> &str {
    let mut b = w.as_bytes();
    while let [rest @ .., b'\''] | [rest @ .., 0xE2, 0x80, 0x99] = b {
        b = rest;
    }
    &w[..b.len()]
}

/// The head noun of a source phrase, lowercased: its last word before any
/// postmodifier ("a former supervisor who left the company" → "supervisor").
fn head_word<'a>(source: &Tokens<'a>) -> &'a str {
    // A plain loop over the indices: the iterator chain it replaced (a
    // range, `filter_map` and `enumerate`) cost some 40 instructions a
    // head. `head` is empty until the first word (no word is empty).
    let mut head = "";
    for k in 0..source.len() {
        let Some(w) = source.lower(k) else {
            continue;
        };
        if !head.is_empty() && POSTMODIFIERS.contains(w) {
            break;
        }
        head = w;
    }
    // Trimmed once, the last word's: trimming each word cost a search
    // from its end for each.
    trim_apostrophes(head)
}

#[cfg(test)]
mod tests {
    use super::{head_in, head_word, may_open_with_the, trim_apostrophes};
    use crate::span::ByteSpan;
    use crate::text::TokenStream;

    /// `head_in` reads the head `head_word` reads from `within` for every
    /// span between char boundaries, the tokens cut at both ends.
    #[test]
    fn head_in_is_head_word_of_the_tokens_within() {
        for text in [
            "the aide who left said",
            "Jane Okafor, the city's treasurer, said",
            "a former supervisor who left the company",
            "the officials' and the aides’ lawyers of the firm",
            "Dr. Ruiz’ and Lee'' at the U.N. — “quoted” 1,409 teachers",
            "",
        ] {
            let stream = TokenStream::new(text);
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let span = ByteSpan::new(start, end);
                    assert_eq!(
                        head_in(&stream, span),
                        head_word(&stream.within(span)),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    /// `trim_apostrophes` is `trim_end_matches` of the two apostrophes.
    #[test]
    fn trim_apostrophes_trims_as_trim_end_matches() {
        for w in [
            "",
            "'",
            "’",
            "aides'",
            "aides’",
            "ruiz’'’",
            "o'neil",
            "’’a",
            "é’",
            "a\u{2018}",
            "a’’’'",
        ] {
            assert_eq!(
                trim_apostrophes(w),
                w.trim_end_matches(['\'', '’']),
                "{w:?}"
            );
        }
    }

    #[test]
    fn every_span_from_a_token_whose_first_token_is_the_passes_the_byte_test() {
        for text in [
            "the aide said",
            "The aide, THE AIDE and tHe aide",
            "Okafor and the aide",
            "a theme, the—aide",
            "“The aide” said",
        ] {
            let stream = TokenStream::new(text);
            for t in stream.all().toks() {
                let start = t.span().start();
                for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let span = ByteSpan::new(start, end);
                    if stream.within(span).lower(0) == Some("the") {
                        assert!(may_open_with_the(text, span), "{text:?} {start}..{end}");
                    }
                }
            }
        }
        assert!(!may_open_with_the("Aaa Bbb said", ByteSpan::new(0, 7)));
        assert!(!may_open_with_the(
            "Okafor and the aide",
            ByteSpan::new(0, 19)
        ));
    }
}
