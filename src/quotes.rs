//! Direct quotations: a small state machine over quote characters.
//!
//! Why not a regex: whether ’ closes a quote or is an apostrophe depends on
//! what is open and on the characters either side, and a quote that runs over
//! several paragraphs depends on how the next paragraph begins.
//!
//! Decisions (the guideline is silent on some of these):
//! - Double quotes of every style open a quote: “…”, "…", «…», „…“ (and „…”).
//!   A curly quote closed by a mistyped opening mark (“We lost,“ said
//!   Reyes.: “ right after the quote's punctuation and before a space) is
//!   closed there, so that its attribution is read (see [`typo_closer`]).
//! - Two apostrophes are a double quotation mark: `''…''` and ``` ``…'' ```
//!   (rule `quote/two-apostrophes`). Some archives and wire feeds (the New
//!   York Times in PolNeAR, for one) encode every double quote this way; a
//!   journalism teacher reads them as quotation marks in an ASCII encoding,
//!   not as two apostrophes, so they are quotes like any other, with their
//!   own rule id so that a reader can see why.
//! - Single quotes ‘…’ and '…' are quotes in two cases. Nested inside a double
//!   quote they belong to the outer quote, with no mark of their own. As the
//!   outer marks (British style, and headlines) they are quotes of their own
//!   (`quote/curly-single`, `quote/straight-single`), decided per paragraph:
//!   a paragraph whose first opening quotation mark is a single one reads
//!   single quotes as quotes (and a double quote inside one as nested); so
//!   does every paragraph of an article in which such paragraphs outnumber
//!   those whose first opening mark is double (a British article with one
//!   so-called “term” in doubles). Otherwise a paragraph that opens with a
//!   double quote keeps single quotes for nesting.
//! - Apostrophes: a single mark opens a quote only at a word start (after a
//!   space, the paragraph start or opening punctuation), not before a digit
//!   (the ’90s) nor as ’n’ (rock ’n’ roll), never as ’ (typographers write
//!   elisions with ’), and only when a closing mark follows in the paragraph
//!   (or the next paragraph continues it). A closing ’ must follow a non-space
//!   and be followed by a non-letter: don’t and the minister’s never close.
//!   A plural possessive before a word (students’ desks, the Joneses’ house)
//!   never closes a single quote when a lowercase word follows; the limit: a
//!   quote ending in s’ with no punctuation before a lowercase word (‘Save
//!   our buses’ campaign) is missed. Before a capital (a headline: Mocked
//!   ‘Critics’ Who…) it closes.
//! - Titles of works, programmes and publications are not quotes (nobody is
//!   quoted): a quotation is dropped when `titled`, `entitled` or
//!   `headlined` comes right before it; when `called`/`named` does and it
//!   is in Title Case; when a
//!   media noun follows it (the “Today” programme, the report “…” aside: a
//!   “Counting the Cost” report; a plural after Title Case only: the
//!   “Sunday Night Ball” broadcasts); or when it is a short Title-Case
//!   phrase after `on`, `in`, `author of` (and director, host, star… of,
//!   co-author of, co-host of), a broadcaster's possessive (the BBC’s,
//!   NBC's, ABC News's, Fox News channel’s), a day's (Wednesday’s “Late
//!   Hour”) or a media noun or kind of work (the novel “A House by the
//!   River”, the PBS drama, “Mercy Lane,”, one ad, “Harbour Rising,”),
//!   unless the paragraph is itself a Title-Case headline; after
//!   such a cue the Title Case may end in the sentence's full stop or comma
//!   inside the closing mark (US style: on NBC's “Meet the Press.”). A
//!   Title-Case quotation followed by a programme's person (the “Daily
//!   Show” host, another “Today” anchor, the “Avatar” star) is a title too. Limits: a title with no cue
//!   (he loved “Casablanca”) stays a quote; a slogan in Title Case after
//!   `on` (campaigned on “Take Back Control”) is dropped as if it were a
//!   title; a title after an ordinary possessive (Ayn Rand's “Atlas
//!   Shrugged”) stays a quote, because Perry's ''Oops'' is someone's words.
//!   Also titles: one after a part of a work and "of" (an episode of
//!   “Morning Tide”, a clip of ‘The Long Pier’), after a possessive that
//!   takes the apostrophe alone (CBS' “Sixty Seconds”); Title Case allows
//!   with/from/into/onto/upon in lower case (“Late Hour with Dana Pike”).
//!   A title once found is a title wherever the article quotes the same
//!   words again (the novel “Low Tide” … “Low Tide,” which sold well):
//!   the article named the work, and the later mention has no cue of its
//!   own (up to 32 titles an article). A Title-Case quotation listed right
//!   after a title (roles in “Tide Line,” “Pier Nine” and “Salt Roads”) is
//!   one too, and so is a work before "by" and its author or an outlet's
//!   byline (''The Long Quay,'' by Tomas Brekke; "Fares to rise," by
//!   Tribune's Lena Holt). So is one the article names in apposition as a
//!   work or an honour (Dana Reyes of “Night Desk,” the weekly interview
//!   programme; “Faces of the Coast” _ an honour: see
//!   [`work_in_apposition`]; a possessive may stand for the determiner:
//!   “Harbour Nights,” ABC's long-running sitcom), and one after a part of
//!   a work (the series of “…” too), "of" and its maker's possessive (the
//!   staging of Verdi's “Ballo in Maschera”). A title and its subtitle
//!   (“Salt and Iron: The Mills of the North Shore”) is one with no cue
//!   (see [`is_subtitled`]), and so is a Title-Case song or piece after a
//!   verb of performing (sang “…”, the band played “…”; see
//!   [`is_performing`]) or before "played" (as “…” played over the
//!   speakers).
//! - A section heading is not a quote either: in an article whose outer
//!   marks are double, a paragraph (not the first, the headline) that is
//!   only a short quotation in single marks, alone or between dashes
//!   ('Legend in the Hills.', – ‘Who cares?’ –), names the section below
//!   it, as a title names a work (see [`is_heading`]). Limit: a
//!   one-line quote in single marks that is someone's words, in such an
//!   article, is read as a heading too.
//! - Not anyone's words either, so no mark (module `terms`): a nickname
//!   inside a name (Rep. Leland C. “Buddy” Marsh), a Title-Case name of an
//!   event, campaign or slogan after a determiner or before a noun naming
//!   such a thing (the “Clean Harbour Pact”, the “Keep Faith” rally), a
//!   transcript's direction (“(CROSSTALK.)”), and attribute values of
//!   markup pasted with an article (`<tweet author="…">`).
//! - Scare quotes are found after speakers are resolved: see [`is_scare`].
//! - An open double quote at the end of a paragraph continues when the next
//!   paragraph opens with a double quote mark (the English convention for
//!   multi-paragraph quotes): each piece is its own mark, linked by `group`.
//!   Otherwise it ends at the paragraph's end and is marked `unclosed`. A
//!   single quote with no closing mark is an apostrophe unless the next
//!   paragraph opens with a single quote mark, which continues it.

#[cfg(target_arch = "x86_64")]
use crate::byte_set::{self, Avx2, ByteSet};
use crate::lexicon::words::{DAYS, NOT_AFTER_POSSESSIVE};
use crate::span::ByteSpan;
use crate::text::is_possessive;
use std::borrow::Cow;

mod terms;

/// The quotation marks that open and close a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteStyle {
    CurlyDouble,
    StraightDouble,
    Guillemets,
    LowHigh,
    /// `''…''` or ``` ``…'' ```: a double quote in ASCII encoding.
    TwoApostrophes,
    /// ‘…’ as the outer marks.
    CurlySingle,
    /// '…' as the outer marks.
    StraightSingle,
}

/// The rule id of a scare quote (see [`is_scare`]).
pub const SCARE_RULE: &str = "quote/scare";

impl QuoteStyle {
    pub fn rule(self) -> &'static str {
        match self {
            QuoteStyle::CurlyDouble => "quote/curly-double",
            QuoteStyle::StraightDouble => "quote/straight-double",
            QuoteStyle::Guillemets => "quote/guillemets",
            QuoteStyle::LowHigh => "quote/low-high",
            QuoteStyle::TwoApostrophes => "quote/two-apostrophes",
            QuoteStyle::CurlySingle => "quote/curly-single",
            QuoteStyle::StraightSingle => "quote/straight-single",
        }
    }

    fn is_single(self) -> bool {
        matches!(self, QuoteStyle::CurlySingle | QuoteStyle::StraightSingle)
    }

    fn closes_with(self, c: char) -> bool {
        match self {
            QuoteStyle::CurlyDouble => c == '”' || c == '"',
            QuoteStyle::StraightDouble => c == '"' || c == '”',
            QuoteStyle::Guillemets => c == '»',
            QuoteStyle::LowHigh => c == '“' || c == '”',
            QuoteStyle::TwoApostrophes => c == TWO_CLOSE,
            QuoteStyle::CurlySingle | QuoteStyle::StraightSingle => c == '’' || c == '\'',
        }
    }
}

/// Stand-ins for the two-char ASCII marks `''` and ``` `` ``` (never found
/// as such in the text: [`marks`] makes them from the ASCII pairs).
const TWO_CLOSE: char = '\u{2033}';
const TWO_OPEN: char = '\u{2036}';

/// One quotation piece, in normalised-text byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: ByteSpan,
    pub style: QuoteStyle,
    /// No closing mark before the end of the paragraph, and the next paragraph
    /// does not continue it.
    pub unclosed: bool,
    /// Pieces of one multi-paragraph quote share a group (the index of the
    /// first piece); a single-paragraph quote is its own group. A `u32`
    /// (a quote is 16 bytes, not 24): there are fewer quotes than bytes.
    group: u32,
}

impl Quote {
    /// The quote's group: the index of the first piece of its
    /// multi-paragraph quote, or its own index.
    pub fn group(&self) -> usize {
        self.group as usize
    }
}

/// White space, the paragraph's start, or a char a quote opens after.
/// The ASCII test inline (called at most marks; out of line, on 1 MB of
/// `‘a ` repeated, it cost 1.2M more instructions), the rest out of line.
#[inline]
fn is_space_or_start(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c @ '\0'..='\x7F') => {
            matches!(c, '\t'..='\r' | ' ' | '(' | '[' | '-' | '/' | ':' | '"')
        }
        Some(c) => is_space_or_start_wide(c),
    }
}

/// [`is_space_or_start`] of a char that is not ASCII.
#[inline(never)]
fn is_space_or_start_wide(c: char) -> bool {
    c.is_whitespace() || matches!(c, '—' | '–' | '“' | '«' | '„' | '‘')
}

fn opens_double(c: char) -> Option<QuoteStyle> {
    match c {
        '“' => Some(QuoteStyle::CurlyDouble),
        '"' => Some(QuoteStyle::StraightDouble),
        '«' => Some(QuoteStyle::Guillemets),
        '„' => Some(QuoteStyle::LowHigh),
        TWO_OPEN | TWO_CLOSE => Some(QuoteStyle::TwoApostrophes),
        _ => None,
    }
}

/// The char that starts at byte `i` of `s` (a char boundary), if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// The char that ends at byte `i` of `s` (a char boundary), if any.
fn char_before(s: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).map(|j| s.as_bytes()[j]) {
        Some(b) if b < 0x80 => Some(b as char),
        Some(_) => s[..i].chars().next_back(),
        None => None,
    }
}

/// The quotation marks of the paragraph `span` of `text`, appended to
/// `out`: (byte offset in the paragraph, mark, byte length). `''` and
/// ``` `` ``` come as one mark ([`TWO_CLOSE`], [`TWO_OPEN`]). One vector
/// for the whole article: a vector per paragraph cost an allocation, its
/// growth and its free each.
fn marks_into(text: &str, span: ByteSpan, out: &mut Vec<(usize, char, usize)>) {
    let p = &text[span.range()];
    let b = p.as_bytes();
    let mut i = 0;
    // 64 bytes at a time, the bytes that may start a mark are found as one
    // bit mask (SSE2 or AVX2) and only they are read, in order: about 0.5
    // instructions a byte of news, where the eight-byte test below cost 4
    // (and dense marks cost no more than sparse ones).
    //
    // The paragraph's last bytes (under 64) are read as a block of the
    // text, the bits past the paragraph cleared, where each paragraph's
    // tail was copied into a block of zeros (no mark starts with one);
    // only a tail within 64 bytes of the text's end still is. (Reading the
    // text's own 64-byte-aligned blocks, the one a paragraph ends in kept
    // for the next, read fewer blocks but cost more a block.)
    #[cfg(target_arch = "x86_64")]
    {
        let avx2 = Avx2::detect();
        let mut block = 0;
        while block + 64 <= b.len() {
            let bytes: &[u8; 64] = b[block..block + 64].try_into().unwrap_or(&[0; 64]);
            let candidates = byte_set::mask::<MarkStarts>(bytes, avx2);
            i = marks_of_block(p, block, candidates, i, out);
            block += 64;
        }
        if block < b.len() {
            let from = span.start() + block;
            let candidates = match text.as_bytes().get(from..from + 64) {
                Some(bytes) => {
                    let bytes: &[u8; 64] = bytes.try_into().unwrap_or(&[0; 64]);
                    byte_set::mask::<MarkStarts>(bytes, avx2) & ((1u64 << (b.len() - block)) - 1)
                }
                None => {
                    let mut padded = [0u8; 64];
                    let rest = &b[block..];
                    padded[..rest.len()].copy_from_slice(rest);
                    byte_set::mask::<MarkStarts>(&padded, avx2)
                }
            };
            i = marks_of_block(p, block, candidates, i, out);
        }
        i = i.max(b.len());
    }
    // Eight bytes at a time, the bytes that cannot start a mark are passed
    // over (2 instructions a byte of news, where matching every byte cost
    // 11); a stretch that may hold one is read byte by byte, as before.
    // (memchr between candidates was as fast on news, but slower than
    // this loop when marks are dense: `"a "` repeated.)
    let mut stop = 0;
    while i < b.len() {
        if i >= stop {
            if i + 8 <= b.len() && !may_hold_mark(&b[i..i + 8]) {
                i += 8;
                continue;
            }
            stop = i + 8;
        }
        i = mark_at(p, i, out);
    }
}

/// The marks at the `candidates` of the block at `block` of paragraph
/// `p` (one bit a byte), read in order from byte `i` on; returns the byte
/// the scan goes on from.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn marks_of_block(
    p: &str,
    block: usize,
    mut candidates: u64,
    mut i: usize,
    out: &mut Vec<(usize, char, usize)>,
) -> usize {
    while candidates != 0 {
        let at = block + candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        // Passed over by the mark or markup before it.
        if at >= i {
            i = mark_at(p, at, out);
        }
    }
    i
}

/// The bytes that may start a quotation mark or the markup [`mark_at`]
/// passes over: `"`, `'`, `` ` `` and the lead bytes of the curly marks
/// and guillemets (0xE2, 0xC2).
#[cfg(target_arch = "x86_64")]
struct MarkStarts;

#[cfg(target_arch = "x86_64")]
impl ByteSet for MarkStarts {
    const BYTES: &'static [u8] = b"\"'`\xE2\xC2";
}

/// The mark starting at byte `i` of `p`, if any, appended to `out`; returns
/// the byte the scan goes on from.
#[inline]
fn mark_at(p: &str, mut i: usize, out: &mut Vec<(usize, char, usize)>) -> usize {
    let b = p.as_bytes();
    let m = match b[i] {
        // Markup pasted with an article (<tweet author="…">): a value
        // after `=` is in straight quotes that quote nobody; passed
        // over whole, marks inside it included; so is the `"` that
        // closes a tag (`…2016">`), also when the value ran over a
        // line break.
        b'"' if b.get(i + 1) == Some(&b'>') => {
            return i + 2;
        }
        b'"' if i > 0 && b[i - 1] == b'=' => {
            return b[i + 1..]
                .iter()
                .position(|&c| c == b'"')
                .map_or(i + 1, |j| i + j + 2);
        }
        b'"' => Some(('"', 1)),
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((TWO_CLOSE, 2)),
        // An apostrophe inside a word (don't, Okafor’s): see `in_word`.
        b'\'' if in_word(b, i, 1) => return i + 1,
        b'\'' => Some(('\'', 1)),
        b'`' if b.get(i + 1) == Some(&b'`') => Some((TWO_OPEN, 2)),
        // The curly marks and guillemets told by their bytes (the text is
        // UTF-8), where decoding the char cost about 20 instructions a mark.
        0xE2 => match b.get(i + 1..i + 3) {
            Some([0x80, 0x99]) if in_word(b, i, 3) => return i + 3,
            Some([0x80, 0x99]) => Some(('’', 3)),
            Some([0x80, 0x98]) => Some(('‘', 3)),
            Some([0x80, 0x9C]) => Some(('“', 3)),
            Some([0x80, 0x9D]) => Some(('”', 3)),
            Some([0x80, 0x9E]) => Some(('„', 3)),
            _ => None,
        },
        0xC2 => match b.get(i + 1) {
            Some(0xAB) => Some(('«', 2)),
            Some(0xBB) => Some(('»', 2)),
            _ => None,
        },
        _ => None,
    };
    match m {
        Some((c, len)) => {
            out.push((i, c, len));
            i += len;
        }
        None => i += 1,
    }
    i
}

/// Whether the single mark of `len` bytes at `i` of `b` stands between two
/// ASCII letters or digits (don't, Okafor’s, rock’n’roll), where it can
/// neither open a quote ([`single_can_open`] wants white space or an
/// opening bracket, dash or mark before it) nor close one
/// ([`single_can_close`] wants no letter or digit after it), and so changes
/// nothing a mark decides: such apostrophes, most of the single marks of
/// news, are left out of the marks, where each cost a closer test, a
/// possessive test and a turn of every loop over the marks.
#[inline]
fn in_word(b: &[u8], i: usize, len: usize) -> bool {
    i > 0
        && b[i - 1].is_ascii_alphanumeric()
        && b.get(i + len).is_some_and(u8::is_ascii_alphanumeric)
}

/// Could one of these eight bytes start a quotation mark? True for `"`,
/// `'`, `` ` `` and every non-ASCII byte (the lead bytes of the curly
/// marks and guillemets among them). The zero-byte test on the word is
/// exact for whether any byte matches.
#[inline]
fn may_hold_mark(eight: &[u8]) -> bool {
    use crate::swar::{bytes_equal, HI};
    let w = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
    let found = bytes_equal(w, b'"') | bytes_equal(w, b'\'') | bytes_equal(w, b'`') | (w & HI);
    found != 0
}

/// An opening mark “ typed where the closing ” belongs: right after the
/// quote's own punctuation and before a space or the paragraph's end
/// (“We lost,“ said Reyes.). Nothing opens there, so it closes the curly
/// quote that is open; a nested quote opens after a space instead.
fn typo_closer(p: &str, at: usize) -> bool {
    matches!(char_before(p, at), Some(',' | '.' | '?' | '!'))
        && char_at(p, at + '“'.len_utf8()).is_none_or(char::is_whitespace)
}

/// A mark of the other double style opening a quote inside an open one:
/// “ inside "…" ("It comes across as “too loud” or “too shrill,” she
/// wrote"), or " inside “…”, after a space and before a letter or digit.
/// Its closing mark belongs to it: without this the ” after “too loud”
/// closed the outer quote and left the rest as quotes of their own. Not
/// right after the outer opening mark (a paragraph wrapped whole in
/// straight marks round a curly quote and its attribution: "“…,” Hale
/// said."), where the inner mark is the real quote's.
fn nested_opener(p: &str, at: usize, c: char, outer: QuoteStyle) -> bool {
    let inner = match outer {
        QuoteStyle::StraightDouble => '“',
        QuoteStyle::CurlyDouble => '"',
        _ => return false,
    };
    c == inner
        && char_before(p, at).is_some_and(char::is_whitespace)
        && char_at(p, at + c.len_utf8()).is_some_and(char::is_alphanumeric)
}

/// Whether the single mark at `at` of `p` can open a quote: at a word start,
/// not an elision (’90s, ’n’).
fn single_can_open(p: &str, at: usize, c: char) -> bool {
    if c != '‘' && c != '\'' {
        return false;
    }
    let after = &p[at + c.len_utf8()..];
    let mut it = after.chars();
    let first = it.next();
    let second = it.next();
    is_space_or_start(char_before(p, at))
        && first.is_some_and(|f| !f.is_whitespace() && !f.is_ascii_digit())
        && !(first == Some('n') && matches!(second, Some('’' | '\'')))
}

/// Whether the single mark at `at` of `p` can close a quote.
fn single_can_close(p: &str, at: usize, c: char) -> bool {
    // (The mark first: most marks are double, and need no more reading.)
    (c == '’' || c == '\'')
        && !(p[..at].ends_with("’n") || p[..at].ends_with("'n"))
        && char_before(p, at).is_some_and(|b| !b.is_whitespace())
        && !char_at(p, at + c.len_utf8()).is_some_and(char::is_alphanumeric)
}

/// A closing single mark that may be a plural possessive: s’ before a
/// lower-case word (the players’ union). Not before a word that never
/// follows a possessive (`lexicon/words/not_after_possessive.txt`: a
/// preposition, conjunction, modal, article or pronoun): ‘big plans’ for
/// the month, ‘fat cats’ and bankers close a quote there. Nor after an
/// adjective in -ous, which has no possessive (‘rebellious’ people).
fn maybe_possessive(p: &str, at: usize, c: char) -> bool {
    let rest = &p[at + c.len_utf8()..];
    if !(matches!(char_before(p, at), Some('s' | 'S'))
        && rest.starts_with(' ')
        && rest[1..].chars().next().is_some_and(char::is_lowercase))
    {
        return false;
    }
    if p[..at].ends_with("ous") {
        return false;
    }
    let next = &rest[1..];
    let word = &next[..next
        .find(|c: char| !c.is_alphanumeric() && c != '-')
        .unwrap_or(next.len())];
    !NOT_AFTER_POSSESSIVE.contains(word)
}

/// How far after its opener (bytes) a plural's s’ may close a single
/// quote that has no other closer (see [`plural_closer`]).
const PLURAL_CLOSE_BYTES: usize = 60;

/// ‘breaking barriers’ agenda, ‘special missions’ overseas: a single quote
/// with no other closer before its paragraph ends takes a plural's s’,
/// otherwise read as a possessive ([`maybe_possessive`]), as its closer,
/// when that mark stands within a few words of the opener at `open` (an
/// index into `m`, `k` being the mark after it). Not after an opener that
/// is an elision written the wrong way round (‘em, ‘til, ‘cause).
///
/// The first mark from `k` on that can close is read from `closers` (see
/// [`single_closers_into`]), where each opener with no closer scanned the
/// marks of its next 60 bytes (on 1 MB of `‘a ` repeated, 133M
/// instructions); [`plural_closer_scan`] is that reading, for the tests.
fn plural_closer(
    p: &str,
    m: &[(usize, char, usize)],
    closers: &[Closers],
    k: usize,
    open: usize,
) -> Option<usize> {
    if is_reversed_elision(p, open) {
        return None;
    }
    // (Marks come in text order: a first one further than the bound is no
    // closer, and neither is any after it.)
    closers[k]
        .can_close()
        .filter(|&j| m[j].0 - open <= PLURAL_CLOSE_BYTES)
}

/// Whether the word after the opening single mark at `open` of `p` makes
/// it an elision written the wrong way round (‘em, ‘til, ‘cause).
fn is_reversed_elision(p: &str, open: usize) -> bool {
    // The word after the opening mark (one char: ‘ or ').
    let after = &p[open + p[open..].chars().next().map_or(0, char::len_utf8)..];
    let word = &after[..after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len())];
    matches!(
        &*lower(word),
        "em" | "til" | "tis" | "twas" | "cause" | "bout" | "round"
    )
}

/// [`plural_closer`], scanning the marks after `k` for one that can close.
#[cfg(test)]
fn plural_closer_scan(p: &str, m: &[(usize, char, usize)], k: usize, open: usize) -> Option<usize> {
    if is_reversed_elision(p, open) {
        return None;
    }
    m[k..]
        .iter()
        .take_while(|&&(at, _, _)| at - open <= PLURAL_CLOSE_BYTES)
        .position(|&(at, c, _)| single_can_close(p, at, c))
        .map(|j| k + j)
}

/// From a mark of a paragraph on (an index into its marks), the first mark
/// that closes a single quote and the first that can close one, if any
/// (indices into the marks, [`Closers::NONE`] for none). Indices as `u32`
/// (the analysis reads at most [`crate::analysis::MAX_TEXT_BYTES`], and a
/// paragraph has fewer marks than bytes), with no `Option`: the pair is
/// one 8-byte word, half what the first alone took as an `Option<usize>`,
/// and copied as one (as two `Option<u32>`, the pass that fills the table
/// cost about 30 instructions a mark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Closers {
    /// A mark that can close ([`single_can_close`]) and is no plural
    /// possessive before a word ([`maybe_possessive`]).
    closes: u32,
    /// A mark that can close ([`single_can_close`]).
    can_close: u32,
}

impl Closers {
    /// No mark (no index of one: there are fewer marks than `u32::MAX`).
    const NONE: Closers = Closers {
        closes: u32::MAX,
        can_close: u32::MAX,
    };

    fn index(j: u32) -> Option<usize> {
        (j != u32::MAX).then_some(j as usize)
    }

    /// The first mark that closes a single quote.
    fn closer(self) -> Option<usize> {
        Closers::index(self.closes)
    }

    /// The first mark that can close a single quote, plural possessives
    /// included (see [`plural_closer`]).
    fn can_close(self) -> Option<usize> {
        Closers::index(self.can_close)
    }
}

/// For each index `k` of `m` (and `m.len()`), the first mark from `k` on
/// that closes a single quote and the first that can close one (see
/// [`Closers`]). A plural possessive before a word never closes one:
/// ‘Tis the players’ union is an apostrophe, and so is the Joneses’ house
/// inside a quote that closes later (but a plural's s’ may close a quote
/// that has no other closer: [`plural_closer`]). Appended to `out`
/// (`m.len() + 1` entries).
fn single_closers_into(p: &str, m: &[(usize, char, usize)], out: &mut Vec<Closers>) {
    // From the end, so the whole paragraph costs one pass (not one per opener).
    let base = out.len();
    out.resize(base + m.len() + 1, Closers::NONE);
    // The entry for the mark after the one being read.
    let mut next = Closers::NONE;
    for (k, (slot, &(at, c, _))) in out[base..].iter_mut().zip(m).enumerate().rev() {
        if single_can_close(p, at, c) {
            next = Closers {
                closes: if maybe_possessive(p, at, c) {
                    next.closes
                } else {
                    k as u32
                },
                can_close: k as u32,
            };
        }
        *slot = next;
    }
}

/// A single quote that is someone's words wherever it stands, in a
/// paragraph whose outer marks are double too: it opens a sentence (the
/// paragraph's start, or after a full stop, a question or exclamation mark
/// or a colon) and its closing mark follows a comma or a sentence's end
/// mark (‘We will not sign,’ she said.). No apostrophe pair does both.
/// Decision: an article that mixes the styles (a “term” in doubles, then a
/// spoken line in singles) gets both marked; the singles' own paragraphs
/// are decided as before.
fn spoken_single(p: &str, m: &[(usize, char, usize)], closer: Option<usize>, i: usize) -> bool {
    let Some(&(ci, _, _)) = closer.and_then(|c| m.get(c)) else {
        return false;
    };
    let before = p[..i].trim_end_matches(' ');
    let opens_sentence =
        before.is_empty() || before.ends_with(['.', '?', '!', ':']) && before.len() < i;
    opens_sentence && matches!(char_before(p, ci), Some(',' | '.' | '?' | '!'))
}

/// Whether the paragraph's first opening mark is a single one (`None`: no
/// opening mark).
fn single_paragraph(
    p: &str,
    m: &[(usize, char, usize)],
    closers: &[Closers],
    next_opens_single: bool,
) -> Option<bool> {
    for (k, &(at, c, _)) in m.iter().enumerate() {
        if let Some(style) = opens_double(c) {
            if c != '"' || is_space_or_start(char_before(p, at)) {
                // `''` is also a closing mark: it opens only at a word start.
                if style != QuoteStyle::TwoApostrophes || is_space_or_start(char_before(p, at)) {
                    return Some(false);
                }
            }
        } else if single_can_open(p, at, c)
            && (closers[k + 1].closer().is_some()
                || next_opens_single
                || plural_closer(p, m, closers, k + 1, at).is_some())
        {
            return Some(true);
        }
    }
    None
}

/// A media noun or kind of work that may follow a title (the “Today”
/// programme): a `match`, compiled to a test of the length and then the
/// bytes, where a search of a list of the 33 words compared them one by
/// one (about 100 instructions a quotation).
fn is_media_after(w: &str) -> bool {
    matches!(
        w,
        "programme"
            | "program"
            | "show"
            | "book"
            | "novel"
            | "film"
            | "movie"
            | "album"
            | "song"
            | "report"
            | "series"
            | "podcast"
            | "documentary"
            | "column"
            | "play"
            | "musical"
            | "newsletter"
            | "blog"
            | "magazine"
            | "exhibition"
            | "memoir"
            | "broadcast"
            | "segment"
            | "op-ed"
            | "editorial"
            | "anthem"
            | "sketch"
            | "episode"
            | "spot"
            | "commercial"
            | "commentary"
            | "essay"
            | "poem"
    )
}

/// The lowercased words just before `at` in `p`, nearest first (up to 4):
/// what [`lower_words_before_n`] reads, by `split_whitespace`, for the
/// tests.
#[cfg(test)]
fn words_before(p: &str, at: usize) -> Vec<String> {
    p[..at]
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
                .to_lowercase()
        })
        .collect()
}

/// [`words_before`] without an allocation for the usual word, already
/// lower-case ASCII: missing words are empty, and so are those after the
/// first `n` (most callers read only the word next to the mark).
///
/// Read a byte at a time, decoding only non-ASCII chars, where the same
/// answer from `split_whitespace`, decoding every char backwards, cost
/// about 700 instructions a call (a call per quotation).
/// [`lower_words_before_chars`] is that version, for the tests.
fn lower_words_before(p: &str, at: usize, n: usize) -> [Cow<'_, str>; 3] {
    if n == 1 {
        if let Some(word) = ascii_word_before(p, at) {
            return [word, Cow::Borrowed(""), Cow::Borrowed("")];
        }
    }
    lower_words_before_n(p, at, n)
}

/// [`lower_words_before`]'s general reading, of up to `N` words (the
/// first `n`).
fn lower_words_before_n<const N: usize>(p: &str, at: usize, n: usize) -> [Cow<'_, str>; N] {
    let b = p.as_bytes();
    // The length of the char ending at byte `i` (a char boundary, not 0),
    // and whether it is white space (`char::is_whitespace`).
    let char_before = |i: usize| -> (usize, bool) {
        match b[i - 1] {
            c @ 0..0x80 => (1, matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')),
            _ => p[..i]
                .chars()
                .next_back()
                .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace())),
        }
    };
    let mut out: [Cow<'_, str>; N] = std::array::from_fn(|_| Cow::Borrowed(""));
    let mut end = at.min(b.len());
    for slot in out.iter_mut().take(n) {
        while end > 0 {
            match char_before(end) {
                (len, true) => end -= len,
                _ => break,
            }
        }
        let mut start = end;
        while start > 0 {
            match char_before(start) {
                (len, false) => start -= len,
                _ => break,
            }
        }
        if start == end {
            break;
        }
        // Trimmed of what is neither a letter, a digit nor an apostrophe.
        *slot = lower(
            p[start..end].trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\''),
        );
        end = start;
    }
    out
}

/// [`lower_words_before`]'s first word when it and the white space after
/// it are ASCII (nearly every word before a quotation): its bytes read
/// back and trimmed with no char decoded and no closure called per byte
/// (about 250 instructions a call went to the general loop). `None` at
/// the first non-ASCII byte, for the general loop to read.
#[inline]
fn ascii_word_before(p: &str, at: usize) -> Option<Cow<'_, str>> {
    let b = p.as_bytes();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let mut end = at.min(b.len());
    while end > 0 && space(b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        match b[start - 1] {
            0x80.. => return None,
            c if space(c) => break,
            _ => start -= 1,
        }
    }
    // Trimmed of what is neither a letter, a digit nor an apostrophe (the
    // curly one is not ASCII); the bytes are all ASCII, so every offset is
    // a char boundary.
    let kept = |c: &u8| c.is_ascii_alphanumeric() || *c == b'\'';
    let from = b[start..end]
        .iter()
        .position(kept)
        .map_or(end, |k| start + k);
    let to = b[from..end]
        .iter()
        .rposition(kept)
        .map_or(from, |k| from + k + 1);
    // All ASCII: lowered by ASCII, where `lower` read the word again and
    // lowered a capitalised one by Unicode's rules.
    let w = &p[from..to];
    Some(if w.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    })
}

/// [`lower_words_before`], char by char.
#[cfg(test)]
fn lower_words_before_chars(p: &str, at: usize) -> [Cow<'_, str>; 3] {
    let mut out = [Cow::Borrowed(""), Cow::Borrowed(""), Cow::Borrowed("")];
    for (slot, w) in out.iter_mut().zip(p[..at].split_whitespace().rev()) {
        *slot = lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\''));
    }
    out
}

/// `w.to_lowercase()`, borrowed when that changes nothing (no upper-case
/// ASCII letter and no non-ASCII char but the apostrophe `’`, common in
/// news: "Okafor’s").
///
/// One pass over the bytes (the ’ is E2 80 99), where an upper-case test
/// and an ASCII test over the bytes, then the chars, cost about 80
/// instructions a word. [`lower_chars`] is that version, for the tests.
fn lower(w: &str) -> Cow<'_, str> {
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'A'..=b'Z' => return Cow::Owned(w.to_lowercase()),
            0xE2 if b[i + 1..].starts_with(&[0x80, 0x99]) => i += 3,
            0x80.. => return Cow::Owned(w.to_lowercase()),
            _ => i += 1,
        }
    }
    Cow::Borrowed(w)
}

/// [`lower`], testing the bytes and then the chars.
#[cfg(test)]
fn lower_chars(w: &str) -> Cow<'_, str> {
    let changes = |w: &str| {
        w.bytes().any(|b| b.is_ascii_uppercase())
            || !w.is_ascii() && w.chars().any(|c| !c.is_ascii() && c != '’')
    };
    if changes(w) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Whether `q` has more than `n` words: `q.split_whitespace().nth(n).is_some()`,
/// read eight bytes at a time (only a char that may be non-ASCII white
/// space is decoded, one at a time), where `split_whitespace` decoded
/// every char (about 1,000 instructions for the first nine words of a
/// quotation, asked of every quotation). Decoding every non-ASCII char,
/// and reading a window of eight only when all were ASCII, cost about 300
/// a quotation. [`more_words_than_chars`] is that version, for the tests.
///
/// On x86_64, 64 bytes at a time ([`more_words_than_simd`]); elsewhere
/// eight ([`more_words_than_swar`]).
#[inline]
fn more_words_than(q: &str, n: usize) -> bool {
    #[cfg(target_arch = "x86_64")]
    return more_words_than_simd(q, n, Avx2::detect());
    #[cfg(not(target_arch = "x86_64"))]
    return more_words_than_swar(q, n);
}

/// Reads the char at byte `i` of `q` (a char boundary) for
/// [`more_words_than`]'s chars that may be white space and are not ASCII:
/// white space ends a word, anything else after white space starts one
/// (counted in `words`). Returns the char's length.
fn count_char_at(q: &str, i: usize, in_word: &mut bool, words: &mut usize) -> usize {
    let (len, space) = q[i..]
        .chars()
        .next()
        .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()));
    if space {
        *in_word = false;
    } else if !*in_word {
        *in_word = true;
        *words += 1;
    }
    len
}

/// The bytes that may lead a white-space char that is not ASCII: 0xC2
/// (U+0085, U+00A0), 0xE1 (U+1680), 0xE2 (U+2000 to U+205F), 0xE3
/// (U+3000).
#[cfg(target_arch = "x86_64")]
struct SpaceLeads;

#[cfg(target_arch = "x86_64")]
impl ByteSet for SpaceLeads {
    const BYTES: &'static [u8] = b"\xC2\xE1\xE2\xE3";
}

/// ASCII white space as `char::is_whitespace` has it.
#[cfg(target_arch = "x86_64")]
struct AsciiSpaces;

#[cfg(target_arch = "x86_64")]
impl ByteSet for AsciiSpaces {
    const BYTES: &'static [u8] = b" \t\n\x0B\x0C\r";
}

/// [`more_words_than`] 64 bytes a step ([`byte_set::mask`]: AVX2 where
/// the processor has it, `avx2`, else SSE2), where 16 bytes a step cost
/// about 220 instructions a quotation (0.75M on 1 MB of news): a
/// quotation of nine words is most often one block. The same reading:
/// the bytes that cannot lead a white-space char that is not ASCII are
/// white space exactly when they are ASCII white space; a char led by one
/// that can (a curly apostrophe, a dash) is decoded, and the block is read
/// on after it.
#[cfg(target_arch = "x86_64")]
fn more_words_than_simd(q: &str, n: usize, avx2: Option<Avx2>) -> bool {
    let b = q.as_bytes();
    // The bits below `k` (all of them at 64).
    let below = |k: usize| if k >= 64 { u64::MAX } else { (1u64 << k) - 1 };
    let mut words = 0;
    // Whether the char before the next byte read belongs to a word (is no
    // white space).
    let mut in_word = false;
    let mut base = 0;
    let mut padded: [u8; 64];
    while base < b.len() {
        // The last bytes padded with spaces, which start no word.
        let block: &[u8; 64] = match b.get(base..base + 64) {
            Some(full) => full.try_into().unwrap_or(&[b' '; 64]),
            None => {
                padded = [b' '; 64];
                padded[..b.len() - base].copy_from_slice(&b[base..]);
                &padded
            }
        };
        let space = byte_set::mask::<AsciiSpaces>(block, avx2);
        let mut suspect = byte_set::mask::<SpaceLeads>(block, avx2);
        // The block's bytes from `at` on are still to be read.
        let mut at = 0;
        while at < 64 {
            // Up to the next suspect byte (or the block's end), a word
            // starts at each byte that is no white space after one that
            // is (or, at `at`, after a char before it that is).
            let stop = (suspect.trailing_zeros() as usize).min(64);
            if stop > at {
                let word = !space & below(stop) & !below(at);
                let before = word << 1 | u64::from(in_word) << at;
                words += (word & !before).count_ones() as usize;
                in_word = word >> (stop - 1) & 1 != 0;
            }
            if stop < 64 {
                // (A lead byte starts a char; padding is no suspect.)
                at = stop + count_char_at(q, base + stop, &mut in_word, &mut words);
                suspect &= !below(at);
            } else {
                at = 64;
            }
            if words > n {
                return true;
            }
        }
        // (Past 64 when the last char read runs into the next block.)
        base += at;
    }
    false
}

/// [`more_words_than`] eight bytes a step, with no SIMD.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn more_words_than_swar(q: &str, n: usize) -> bool {
    let b = q.as_bytes();
    let mut words = 0;
    // Whether the char before `i` belongs to a word (is no white space).
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        // Eight bytes (the last ones padded with spaces, which start no
        // word), read up to the first that may start a white-space char
        // that is not ASCII (0xC2, 0xE1, 0xE2, 0xE3 lead all of them):
        // every other byte is white space exactly when `ascii_spaces` says
        // so (a curly apostrophe or an accented letter is part of a word).
        let x = match b.get(i..i + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0x80; 8])),
            None => {
                let mut eight = [b' '; 8];
                eight[..b.len() - i].copy_from_slice(&b[i..]);
                u64::from_le_bytes(eight)
            }
        };
        let suspect = if x & crate::swar::HI == 0 {
            0
        } else {
            crate::swar::bytes_equal(x, 0xC2)
                | crate::swar::bytes_equal(x, 0xE1)
                | crate::swar::bytes_equal(x, 0xE2)
                | crate::swar::bytes_equal(x, 0xE3)
        };
        // The bytes before the first suspect one (all eight if none).
        let clear = (suspect.trailing_zeros() / 8) as usize;
        if clear > 0 {
            // A word starts at each byte that is no white space after one
            // that is (or, at the first, after a char before them that is).
            let kept = if clear == 8 {
                crate::swar::HI
            } else {
                crate::swar::HI & ((1u64 << (8 * clear)) - 1)
            };
            let word = !crate::swar::ascii_spaces(x) & kept;
            let before = word << 8 | u64::from(in_word) << 7;
            // (One top bit a byte: their count is one multiplication, where
            // `count_ones` is a dozen instructions with no POPCNT in the
            // x86_64 baseline.)
            words += (((word & !before) >> 7).wrapping_mul(crate::swar::LO) >> 56) as usize;
            if words > n {
                return true;
            }
            in_word = word >> (8 * clear - 1) != 0;
            i += clear;
            continue;
        }
        // A char that may be white space, at `i` (a lead byte, so a char
        // boundary): decoded.
        i += count_char_at(q, i, &mut in_word, &mut words);
        if words > n {
            return true;
        }
    }
    false
}

/// [`more_words_than`], char by char.
#[cfg(test)]
fn more_words_than_chars(q: &str, n: usize) -> bool {
    q.split_whitespace().nth(n).is_some()
}

/// The quotation's words, without its marks.
fn inner(q: &str) -> &str {
    q.trim_matches(|c: char| {
        matches!(
            c,
            '“' | '”' | '"' | '«' | '»' | '„' | '‘' | '’' | '\'' | '`'
        )
    })
}

/// Every word of more than three letters capitalised, and the first one too.
fn is_title_case(q: &str) -> bool {
    // One pass over at most nine words, no list of them.
    let mut words = 0;
    for (i, w) in q.split_whitespace().enumerate() {
        words = i + 1;
        let first = w.chars().find(|c| c.is_alphanumeric());
        let ok = first.is_none_or(|f| {
            f.is_uppercase()
                || f.is_ascii_digit()
                || (i > 0
                    && (w.chars().count() <= 3
                        || matches!(w, "with" | "from" | "into" | "onto" | "upon")))
        });
        if words > 8 || !ok {
            return false;
        }
    }
    words > 0 && !q.trim_end().ends_with(['.', '!', '?', ';'])
}

/// [`is_title_case`], or so once a full stop or comma the sentence put
/// inside the closing mark is set aside (US style: on NBC's “Meet the
/// Press.”; “Salt Roads,” by Ana Pike).
fn is_title_case_within_stop(q: &str) -> bool {
    is_title_case(q)
        || q.strip_suffix(['.', ','])
            .is_some_and(|t| !t.ends_with(['.', ',']) && is_title_case(t))
}

/// How many titles of works [`find_quotes`] remembers per article.
const MAX_TITLES: usize = 32;

/// A title's words, for matching it when it is quoted again: the
/// quotation's words (its [`inner`]) without the sentence's comma or full
/// stop inside its marks.
fn title_words(words: &str) -> &str {
    words.trim_end_matches([',', '.'])
}

/// Whether the quotation `start..end` of paragraph `p` (offsets in `p`),
/// whose words are `q` (its [`inner`]), is the title of a work, programme
/// or publication. See the module docs.
fn is_title(p: &str, q: &str, start: usize, end: usize) -> bool {
    if by_author(p, q, end) {
        return true;
    }
    let before = lower_words_before(p, start, 1);
    let prev: &str = &before[0];
    // Most quotations are sentences: over eight words, only "titled",
    // "entitled" or "headlined", or a title and its subtitle, can make one
    // a title, and the checks below need not run.
    if more_words_than(q, 8) {
        return is_naming_cue(prev) || is_subtitled(q);
    }
    let next = lower(
        p[end..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric()),
    );
    // (Eight words or fewer: longer ones were answered above.)
    let short = !q.trim_end().ends_with([',', '.', '!', '?']);
    if is_naming_cue(prev)
        || is_subtitled(q)
        || (q.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && terms::is_name(p, q, start, end))
    {
        return true;
    }
    // US style puts the sentence's full stop or comma inside the closing
    // mark (on NBC's “Meet the Press.”): with a cue before it, a title may
    // end in one.
    // Read only when a cue asks for it.
    let title_case = || is_title_case_within_stop(q);
    if matches!(prev, "called" | "named") && title_case() {
        return true;
    }
    // sing “Take Me Out to the Ball Game”; the band played “Harbour
    // Lights”; as “Amazing Grace” played over the loudspeakers: a song or
    // a piece performed (a Title-Case quotation only).
    if (is_performing(prev)
        || (short && p[end..].starts_with(' ') && matches!(&*next, "played" | "playing")))
        && title_case()
    {
        return true;
    }
    // The word before `prev`, read only by the rules that need it (one
    // word was read for most quotations, where three were).
    let two;
    let maker: &str = if matches!(prev, "of" | "with" | "to") {
        two = lower_words_before(p, start, 2);
        &two[1]
    } else {
        ""
    };
    // author of “Empire of the Fund”, the host of “The View”; a co-author
    // or co-host is one too.
    let maker = maker.strip_prefix("co-").unwrap_or(maker);
    if prev == "of"
        && (matches!(
            maker,
            "author"
                | "authors"
                | "director"
                | "host"
                | "hosts"
                | "star"
                | "creator"
                | "editor"
                | "producer"
                | "presenter"
                | "writer"
        ) || terms::part_of(maker))
        && title_case()
    {
        return true;
    }
    if short && p[end..].starts_with(' ') && is_media_after(&next) {
        return true;
    }
    // Terry Pike of “Night Desk,” the weekly interview programme; among
    // the “Faces of the Coast” _ an honour for …: a work or honour named
    // in apposition right after it.
    if work_in_apposition(&p[end..], q.ends_with(',')) && title_case() {
        return true;
    }
    // the 1990 staging of Verdi's “Ballo in Maschera”: a part of a work,
    // "of" and its maker's possessive.
    if is_possessive(prev)
        && lower_words_before(p, start, 3)[1] == "of"
        && terms::part_of(&lower_words_before(p, start, 3)[2])
        && title_case()
    {
        return true;
    }
    // A plural, after a Title-Case quotation only: ESPN's “Sunday Night
    // Ball” broadcasts, the “Salt Roads” books (the “fake news” reports
    // are someone's words).
    if short
        && p[end..].starts_with(' ')
        && next.strip_suffix('s').is_some_and(is_media_after)
        && title_case()
    {
        return true;
    }
    // the “Daily Show” host, another “Today” anchor, the “Avatar” star.
    if short
        && p[end..].starts_with(' ')
        && matches!(
            &*next,
            "host" | "co-host" | "anchor" | "actress" | "actor" | "star" | "creator" | "presenter"
        )
        && title_case()
    {
        return true;
    }
    // In a headline every word is capitalised, so Title Case says nothing.
    (matches!(prev, "on" | "in")
        || is_media_after(prev)
        // the PBS drama, “Mercy Lane,”; one ad, “Harbour Rising,”.
        || terms::appositive_works(prev)
        || matches!(prev, "newspaper" | "station" | "channel" | "headline")
        || is_media_possessive(p, start)
        // in an interview with “The View”, speaking to “Morning Tide”,
        // told “Late Hour with Dana Pike” (a programme is told, a person
        // is not quoted in Title Case).
        || (matches!(prev, "with" | "to")
            && matches!(
                maker,
                "interview" | "interviews" | "conversation" | "speaking" | "spoke" | "talking"
            ))
        || (prev == "told" && q.contains(' ')))
        && title_case()
        && !is_headline(&p[..start], &p[end..])
}

/// The word right before a quotation that makes it a title whatever its
/// case: "titled", "entitled", and "headlined" (an article headlined “Look
/// out, provocation!”: a headline names the article, as a title names a
/// work).
fn is_naming_cue(prev: &str) -> bool {
    matches!(prev, "titled" | "entitled" | "headlined")
}

/// Verbs of performing a piece, before its Title-Case title (sang “Harbour
/// Lights”, to hum “Salt Roads”, played “The Long Quay”). Decision (the
/// guideline's titles section is silent on songs): a song sung or played is
/// the song's title, not the singer's words.
fn is_performing(prev: &str) -> bool {
    matches!(
        prev,
        "sing"
            | "sings"
            | "sang"
            | "sung"
            | "singing"
            | "hum"
            | "hummed"
            | "humming"
            | "play"
            | "plays"
            | "played"
            | "playing"
            | "perform"
            | "performs"
            | "performed"
            | "performing"
    )
}

/// The fewest words a subtitle has for [`is_subtitled`].
const SUBTITLE_WORDS: usize = 3;

/// A title and its subtitle (“Blazing Crosses in Zion: The Klan in the
/// West”, “Olowe of Ise: A Yoruba Sculptor to Kings”): Title-Case words, a
/// colon, and at least [`SUBTITLE_WORDS`] Title-Case words with no comma
/// among them (the sentence's may close the quotation), at most eight
/// either side. Decision (the guideline's titles section; it is silent on
/// the form): speech is not set out as a title and subtitle, so the
/// quotation names a book, show or exhibition, with or without a cue before
/// it. A chant set out so (“Pat Reyes: Bad for Ohio, bad for you.”) has a
/// comma and lower-case words, and stays a quote. No headline test: the form says it is a
/// title, and the words after it are often a museum's or a publisher's
/// name in capitals. Reads the quotation once for its colon.
fn is_subtitled(q: &str) -> bool {
    // The first colon, found by memchr: most quotations have none (a
    // substring search for ": " cost 2.3M instructions on 1 MB of news, a
    // `str::find` of the char 0.8M, a walk over the title's words 1.5M).
    let Some(colon) = memchr::memchr(b':', q.as_bytes()) else {
        return false;
    };
    // (A byte ':' is a char boundary in UTF-8.)
    let (title, sub) = (&q[..colon], &q[colon + 1..]);
    let Some(sub) = sub.strip_prefix(' ') else {
        return false;
    };
    let sub = sub.strip_suffix(['.', ',']).unwrap_or(sub);
    !title.is_empty()
        && sub.starts_with(|c: char| c.is_uppercase())
        && !sub.contains(',')
        && sub.split_whitespace().nth(SUBTITLE_WORDS - 1).is_some()
        && is_title_case(title)
        && is_title_case(sub)
}

/// How many words after its determiner [`work_in_apposition`] reads for
/// the kind of work.
const APPOSITION_WORDS: usize = 8;

/// Whether the text after a quotation's closing mark (`after`) opens an
/// apposition that names a kind of work or an honour: a comma (inside the
/// closing mark too, US style: `comma_inside`), a dash or the wire's
/// underscore, "a", "an", "the" or a possessive (ABC's), and within
/// [`APPOSITION_WORDS`] lower-case words, before any punctuation, a media
/// noun ([`is_media_after`]), a kind of work ([`terms::appositive_works`]:
/// a sitcom, a thriller) or "honor", "honour", "award" or "prize"
/// (“Night Desk,” the weekly interview and arts programme; “Faces of the
/// Coast” _ an honour). Decision (the guideline's titles section; it is
/// silent on the apposition): the article says what the quotation names,
/// so nobody is quoted. Not "the slogan" nor "a phrase": those are words
/// someone says; nor a noun followed by a word other than punctuation or
/// one opening a qualifier ("that", "of", "citing" …): “No,” the report
/// said is the report's words.
fn work_in_apposition(after: &str, comma_inside: bool) -> bool {
    let Some(rest) = [", ", " _ ", " — ", " -- ", " – "]
        .iter()
        .find_map(|d| after.strip_prefix(d))
        .or_else(|| after.strip_prefix(' ').filter(|_| comma_inside))
    else {
        return false;
    };
    let mut words = rest.split(' ');
    // A determiner, or a possessive in its place (“Harbour Nights,” NBC's
    // long-running sitcom).
    if !words
        .next()
        .is_some_and(|w| matches!(w, "a" | "an" | "the") || is_possessive(w))
    {
        return false;
    }
    let mut words = words.take(APPOSITION_WORDS + 1).peekable();
    for _ in 0..APPOSITION_WORDS {
        let Some(w) = words.next() else {
            return false;
        };
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        if bare.is_empty() || !bare.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            return false;
        }
        if is_media_after(bare)
            || terms::appositive_works(bare)
            || matches!(bare, "honor" | "honour" | "award" | "prize")
        {
            // “No,” the report said: the work's verb follows, so it is
            // the speaker, not an apposition.
            return bare.len() != w.len()
                || words.peek().is_none_or(|n| {
                    matches!(
                        *n,
                        "that"
                            | "which"
                            | "of"
                            | "at"
                            | "for"
                            | "in"
                            | "on"
                            | "from"
                            | "by"
                            | "about"
                            | "with"
                            | "citing"
                            | "where"
                            | "and"
                    )
                });
        }
        if bare.len() != w.len() {
            return false;
        }
    }
    false
}

/// A Title-Case quotation listed right after a title (offsets in `text`):
/// roles in “Tide Line,” “Pier 9,” and “Salt Roads”; the play “Los Hijos,”
/// or “The Sons”; on “Late Hour” and “Morning Tide”. The list's first item
/// carried the cue; the rest are titles too (as a list after a scare quote
/// is scare quotes).
/// `words` is the quotation's [`inner`].
fn listed_title(text: &str, words: &str, last_title: Option<usize>, start: usize) -> bool {
    let Some(gap) = last_title.and_then(|e| text.get(e..start)) else {
        return false;
    };
    matches!(gap, " " | ", " | " and " | ", and " | " or " | ", or ")
        && is_title_case_within_stop(words)
}

/// A work and its author: a Title-Case quotation of two words or more, or
/// one closed by a comma, before "by" and a capitalised word (the memoir
/// ''Salt Roads,'' by Ana Pike; “Harbour Lights” by Tom Reyes), or any
/// quotation closed by a comma before "by" and an outlet's possessive (a
/// newsletter's byline: "Ferry fares to rise in May," by Tribune's Lena
/// Holt). Not a passive agent (“unfair,” by Reyes's count is no title:
/// lower case; “arbitrarily detained” by two states: no capital).
fn by_author(p: &str, q: &str, end: usize) -> bool {
    let after = &p[end..];
    let Some(rest) = after
        .strip_prefix(" by ")
        .or_else(|| after.strip_prefix(", by "))
    else {
        return false;
    };
    let who = rest.split_whitespace().next().unwrap_or("");
    if !who.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let comma = q.ends_with(',');
    let outlet = is_possessive(who) || who.ends_with(['\'', '’']);
    (comma && outlet)
        || ((comma || q.contains(' '))
            && is_title_case_within_stop(q)
            && !is_headline(&p[..end.saturating_sub(q.len())], after))
}

/// The word before `at` is a broadcaster's or publication's possessive: an
/// acronym (the BBC’s, NBC's) or a media word (ABC News's, the Times’s),
/// or a day's: a day's Title-Case quotation is its programme or edition
/// (on Wednesday’s “Late Hour with Dana Pike”, Sunday's ''Morning
/// Tide''). Any other possessive is someone's words (Perry's ''Oops'').
fn is_media_possessive(p: &str, at: usize) -> bool {
    let Some(w) = p[..at].split_whitespace().next_back() else {
        return false;
    };
    // CBS' and the News’ take the apostrophe alone.
    let Some(stem) = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| {
            w.strip_suffix(['’', '\''])
                .filter(|s| s.ends_with(['s', 'S']))
        })
    else {
        return false;
    };
    (stem.chars().count() >= 2 && stem.chars().all(|c| c.is_uppercase() || c == '.')) || {
        let stem = stem.to_lowercase();
        matches!(
            stem.as_str(),
            "news"
                | "radio"
                | "times"
                | "post"
                | "journal"
                | "magazine"
                | "network"
                | "tv"
                | "channel"
        ) || DAYS.contains(&stem.as_str())
    }
}

/// How many words either side of a quotation [`is_headline`] reads.
const HEADLINE_WINDOW_WORDS: usize = 12;

/// Most words of four letters or more around a quotation capitalised: a
/// headline in Title Case.
fn is_headline(before: &str, after: &str) -> bool {
    // A window of words either side: a headline is short, and reading the
    // whole paragraph for each quotation would be quadratic in one huge
    // paragraph.
    let long: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(HEADLINE_WINDOW_WORDS)
        .chain(after.split_whitespace().take(HEADLINE_WINDOW_WORDS))
        .filter(|w| w.chars().count() > 3)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    long.len() >= 3 && caps * 5 >= long.len() * 4
}

/// The most words a section heading set in single quotes has ('A change
/// of heart.' has four).
const HEADING_WORDS: usize = 8;

/// The most bytes a heading's frame takes either side of its quotation
/// (`– ` before, ` –.` after: a dash is three bytes).
const HEADING_FRAME: usize = 6;

/// A section heading: a short quotation in single marks that is the whole
/// paragraph, alone or between dashes (`'Legend in the Hills.'`,
/// `– ‘Who cares?’ –`), in an article whose outer marks are double. Such
/// papers (the New York Times, the Washington Post, wire copy) set a line
/// from the section below as its heading: it names the section, as a title
/// names a work, and gets no mark. `qs..qe` is the quotation in `p`.
#[cold]
#[inline(never)]
fn is_heading(p: &str, qs: usize, qe: usize) -> bool {
    if qs > HEADING_FRAME || p.len() - qe > HEADING_FRAME {
        return false;
    }
    let frame = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | '.'))
            .is_empty()
    };
    // Words counted by their spaces (a heading is one short line).
    frame(&p[..qs])
        && frame(&p[qe..])
        && p[qs..qe].bytes().filter(|&b| b == b' ').count() < HEADING_WORDS
}

/// Finds the quotations in `text` (normalised), paragraph by paragraph.
pub fn find_quotes(text: &str, paragraphs: &[ByteSpan]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // Per paragraph: where its marks and their closers start in the two
    // flat vectors, and whether its first opening mark is single.
    // The marks first, so that the closers (one more than the marks, per
    // paragraph) get their vector at its final size: grown by doubling, its
    // copies cost about 260,000 instructions on 1 MB of news.
    let mut all_marks: Vec<(usize, char, usize)> = Vec::new();
    let mut scanned: Vec<(usize, usize, Option<bool>)> = paragraphs
        .iter()
        .map(|para| {
            let m0 = all_marks.len();
            marks_into(text, *para, &mut all_marks);
            (m0, 0, None)
        })
        .collect();
    let mut all_closers: Vec<Closers> = Vec::with_capacity(all_marks.len() + paragraphs.len());
    // How many paragraphs' first opening mark is single, and double.
    let (mut single_first, mut double_first) = (0, 0);
    for (pi, para) in paragraphs.iter().enumerate() {
        let m0 = scanned[pi].0;
        let m1 = scanned.get(pi + 1).map_or(all_marks.len(), |s| s.0);
        // A paragraph with no mark (some half of news) has no quote and
        // needs no closers: it is passed over here and below.
        if m0 == m1 {
            continue;
        }
        let p = &text[para.range()];
        let m = &all_marks[m0..m1];
        let c0 = all_closers.len();
        let next_opens_single = paragraphs
            .get(pi + 1)
            .is_some_and(|next| matches!(char_at(text, next.start()), Some('‘' | '\'')));
        single_closers_into(p, m, &mut all_closers);
        let first = single_paragraph(p, m, &all_closers[c0..], next_opens_single);
        scanned[pi].1 = c0;
        scanned[pi].2 = first;
        match first {
            Some(true) => single_first += 1,
            Some(false) => double_first += 1,
            None => {}
        }
    }
    // An article most of whose quoting paragraphs open with a single mark
    // uses single quotes as its outer marks everywhere.
    let single_article = single_first > double_first;
    // The titles of works found so far (their words, see `title_words`):
    // the same words quoted again later in the article are the title again
    // (the novel “Low Tide” … “Low Tide,” which sold well).
    let mut titles: Vec<&str> = Vec::new();
    // One bit per length of those words, modulo 64: a quotation whose
    // words have no title's length is no earlier title (most quotations
    // are compared with no title then, where they were compared with all).
    let mut title_lengths: u64 = 0;
    // A quote left open at the end of the previous paragraph: (group, style).
    let mut carried: Option<(usize, QuoteStyle)> = None;
    for (pi, (para, &(m0, c0, first))) in paragraphs.iter().zip(&scanned).enumerate() {
        let m1 = scanned.get(pi + 1).map_or(all_marks.len(), |s| s.0);
        if m0 == m1 {
            // No mark: no quote, and none carried on past it.
            carried = None;
            continue;
        }
        let m = &all_marks[m0..m1];
        let closers = &all_closers[c0..c0 + m.len() + 1];
        let p = &text[para.range()];
        let next_opens_single = paragraphs
            .get(pi + 1)
            .is_some_and(|next| matches!(char_at(text, next.start()), Some('‘' | '\'')));
        let singles = first == Some(true) || single_article;
        // (start in text, style, group, index in `m` of a single's closer)
        let mut open: Option<(usize, QuoteStyle, usize, Option<usize>)> = None;
        // A quote of the other double style open inside the open one (see
        // [`nested_opener`]): its closing mark closes it, not the outer quote.
        let mut nested = false;
        // The end of the paragraph's last title (see [`listed_title`]).
        let mut last_title: Option<usize> = None;
        let mut from = 0;
        let out0 = out.len();
        // A continuing piece: the paragraph opens with a quote mark.
        if let Some((group, style)) = carried.take() {
            if let Some(&(0, c, _)) = m.first() {
                let continues = if style.is_single() {
                    c == '‘' || c == '\''
                } else {
                    opens_double(c).is_some() || c == '”'
                };
                if continues {
                    from = 1;
                    let closer = if style.is_single() {
                        closers[1].closer()
                    } else {
                        None
                    };
                    open = Some((para.start(), style, group, closer));
                }
            }
        }
        let mut k = from;
        while k < m.len() {
            let (i, c, len) = m[k];
            let at = para.start() + i;
            k += 1;
            match open {
                Some((start, style, group, closer)) => {
                    if nested {
                        // The inner quote's closer: “…” inside "…" closes
                        // with ”, "…" inside “…” with ".
                        let inner_closer = if style == QuoteStyle::StraightDouble {
                            '”'
                        } else {
                            '"'
                        };
                        nested = c != inner_closer;
                        continue;
                    }
                    if nested_opener(p, i, c, style) {
                        nested = true;
                        continue;
                    }
                    let closes = if style.is_single() {
                        closer == Some(k - 1)
                    } else {
                        (style.closes_with(c)
                            && !(c == '"'
                                && is_space_or_start(char_before(p, i))
                                && char_at(p, i + 1).is_some_and(char::is_alphanumeric)))
                            || (c == '“' && style == QuoteStyle::CurlyDouble && typo_closer(p, i))
                    };
                    if !closes {
                        // Anything else inside a quote, nested quotes and
                        // apostrophes included, belongs to it.
                        continue;
                    }
                    let end = at + len;
                    let title = group == usize::MAX && end - start > 2 * len && {
                        // The quotation's words, read once for every test.
                        let words = inner(&text[start..end]);
                        let key = title_words(words);
                        let length = 1u64 << (key.len() % 64);
                        if is_title(p, words, start - para.start(), i + len)
                            || listed_title(text, words, last_title, start)
                        {
                            if titles.len() < MAX_TITLES {
                                titles.push(key);
                                title_lengths |= length;
                            }
                            true
                        } else {
                            title_lengths & length != 0 && titles.contains(&key)
                        }
                    };
                    if title {
                        last_title = Some(end);
                    }
                    if end - start > 2 * len && !title && !terms::is_direction(&text[start..end]) {
                        let group = if group == usize::MAX {
                            out.len()
                        } else {
                            group
                        };
                        out.push(Quote {
                            span: ByteSpan::new(start, end),
                            style,
                            unclosed: false,
                            group: group as u32,
                        });
                    }
                    open = None;
                }
                None => {
                    if let Some(style) = opens_double(c) {
                        if (c != '"' && c != TWO_CLOSE) || is_space_or_start(char_before(p, i)) {
                            open = Some((at, style, usize::MAX, None));
                        }
                    } else if (singles || spoken_single(p, m, closers[k].closer(), i))
                        && single_can_open(p, i, c)
                    {
                        let style = if c == '‘' {
                            QuoteStyle::CurlySingle
                        } else {
                            QuoteStyle::StraightSingle
                        };
                        let closer = closers[k].closer().or_else(|| {
                            (!next_opens_single)
                                .then(|| plural_closer(p, m, closers, k, i))
                                .flatten()
                        });
                        if closer.is_some() || next_opens_single {
                            open = Some((at, style, usize::MAX, closer));
                        }
                    }
                }
            }
        }
        // A section heading (see [`is_heading`]): the paragraph's one
        // quote, in single marks, its own group; not in the article's
        // first paragraph, its headline.
        if out.len() == out0 + 1 && pi > 0 && !single_article {
            let q = &out[out0];
            if q.style.is_single()
                && q.group() == out0
                && is_heading(
                    p,
                    q.span.start() - para.start(),
                    q.span.end() - para.start(),
                )
            {
                out.pop();
            }
        }
        if let Some((start, style, group, _)) = open {
            let group = if group == usize::MAX {
                out.len()
            } else {
                group
            };
            let end = para.end(); // paragraphs are trimmed: last non-space char
            let continues = paragraphs.get(pi + 1).is_some_and(|next| {
                char_at(text, next.start()).is_some_and(|c| {
                    if style.is_single() {
                        c == '‘' || c == '\''
                    } else {
                        opens_double(c).is_some()
                            || c == '”'
                            || text[next.start()..].starts_with("``")
                    }
                })
            });
            if end > start + 1 && !terms::is_direction(&text[start..end]) {
                out.push(Quote {
                    span: ByteSpan::new(start, end),
                    style,
                    unclosed: !continues,
                    group: group as u32,
                });
            }
            if continues {
                carried = Some((group, style));
            }
        }
    }
    out
}

/// Whether a quotation with no speaker is a scare quote or a word quoted as
/// a word: one to three words, right after a cue that presents them as a
/// term rather than as anyone's words (a word of `quote_word_cues.txt`:
/// so-called, the word, the term, the phrase, the name, the nickname…;
/// also dubbed, nicknamed, known as, referred to as, what some
/// call, words such as, words like). Called
/// only for quotes the speaker finder gave no speaker, so "she called the
/// plan “reckless”" (a partial quote of her words) is never scare. Also a
/// term before the noun it modifies (see `terms`), and a quotation listed
/// right after a scare quote ("words such as “harbour” and “levy”"), up to
/// `LISTED_SCARE` items back. Also a personal pronoun or a single letter
/// quoted alone (because “she” is a “he”; a vote for “R”): a word used as
/// a word. Also the label of a button or link after a verb of clicking
/// (click “Sign up.”, clicking the “subscribe” button): words on a screen,
/// quoted as words.
pub fn is_scare(text: &str, span: ByteSpan) -> bool {
    is_scare_within(text, span, LISTED_SCARE)
}

/// How many quotations back a list of scare quotes is followed.
const LISTED_SCARE: usize = 6;

fn is_scare_within(text: &str, span: ByteSpan, depth: usize) -> bool {
    if is_scare_here(text, span) {
        return true;
    }
    // “harbour,” “levy” and “toll”: the item before, if it is a quotation.
    let head = text[..span.start()].trim_end_matches(' ');
    let head = head
        .strip_suffix(" and")
        .or_else(|| head.strip_suffix(" or"))
        .unwrap_or(head)
        .trim_end_matches([' ', ',']);
    let Some(close) = head.chars().next_back().filter(|c| matches!(c, '”' | '"')) else {
        return false;
    };
    let body = &head[..head.len() - close.len_utf8()];
    // The opening mark within a few words (a term is short).
    let window = body.len().saturating_sub(60);
    let open = body
        .char_indices()
        .rev()
        .take_while(|&(i, _)| i >= window)
        .find(|&(_, c)| matches!(c, '“' | '"'))
        .map(|(i, _)| i);
    depth > 0
        && open.is_some_and(|o| {
            body.is_char_boundary(o)
                && is_scare_within(text, ByteSpan::new(o, head.len()), depth - 1)
        })
}

fn is_scare_here(text: &str, span: ByteSpan) -> bool {
    let q = inner(span.slice(text));
    // Counted up to four: a term has three words at most, and an unclosed
    // quote may run over a whole paragraph (`“a ` repeated over 1 MB cost
    // 18M instructions counted to its end).
    let n = q.split_whitespace().take(4).count();
    // A full stop inside the closing mark is the sentence's (US style: the
    // nickname “Lyin’ Jim.”); an exclamation or a question is speech.
    if n == 0 || n > 3 || q.trim_end().ends_with(['!', '?']) {
        return false;
    }
    // A pronoun or a letter alone (because “she” is a “he”; the button
    // for “R” or “D”) is a word quoted as a word: nobody speaks one alone.
    if n == 1 && is_word_as_word(q.trim_end_matches([',', ';', ':', '.'])) {
        return true;
    }
    // Four words, read back a byte at a time, borrowed where already
    // lower case (a vector of four new strings cost about 1,000
    // instructions a call).
    let before = lower_words_before_n::<4>(text, span.start(), 4);
    // A term before the noun it modifies (see `terms`).
    if !q.trim_end().ends_with([',', ';', ':', '.'])
        && terms::is_modifier(text, span.start(), span.end(), &before)
    {
        return true;
    }
    // A determiner after the cue: known as the “Pell rule”.
    let skip = usize::from(
        matches!(&*before[0], "the" | "a" | "an")
            && matches!(&*before[1], "dubbed" | "nicknamed" | "as")
            && !matches!(&*before[2], "described" | "billed"),
    );
    let w = |i: usize| before.get(i + skip).map_or("", |w| &**w);
    crate::lexicon::words::QUOTE_WORD_CUES.contains(w(0))
        || matches!(w(0), "dubbed" | "nicknamed")
        || (w(0) == "as" && matches!(w(1), "known" | "referred" | "described" | "billed"))
        || (w(0) == "to" && w(1) == "referred")
        || (w(0) == "as" && w(1) == "such" && matches!(w(2), "words" | "terms" | "phrases"))
        || (w(0) == "like" && matches!(w(1), "words" | "terms" | "phrases"))
        || (matches!(w(0), "call" | "calls") && matches!(w(1), "some" | "many" | "others" | "what"))
        || (matches!(w(0), "call" | "calls") && w(2) == "what")
        || clicking(w(0))
        || (matches!(w(0), "the" | "a") && clicking(w(1)))
}

/// Verbs of clicking: the quotation after one (click “Sign up.”) is a
/// button's or link's label.
fn clicking(w: &str) -> bool {
    matches!(
        w,
        "click" | "clicks" | "clicking" | "clicked" | "tap" | "taps" | "tapping" | "tapped"
    )
}

/// A personal pronoun or a single letter: quoted alone, a word used as
/// a word.
fn is_word_as_word(w: &str) -> bool {
    let mut chars = w.chars();
    let one_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    one_letter
        || matches!(
            &*lower(w),
            "he" | "him" | "she" | "her" | "we" | "us" | "they" | "them" | "it" | "you" | "me"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates of a mark's start, SSE2 and AVX2, are the bytes
    /// that may start one, on every byte value at every position of a
    /// block.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn mark_starts_are_the_mark_start_bytes() {
        crate::byte_set::check_set::<MarkStarts>(b"a\"'`\xe2\x80\x9c \xc2\xab z\xe2\x80\x9d.\"");
    }
    use crate::text::paragraphs;

    /// The marks of `p` read as a text of one paragraph.
    fn marks_of(p: &str, out: &mut Vec<(usize, char, usize)>) {
        marks_into(p, ByteSpan::new(0, p.len()), out);
    }

    fn quotes(s: &str) -> Vec<&str> {
        find_quotes(s, &paragraphs(s))
            .iter()
            .map(|q| q.span.slice(s))
            .collect()
    }

    /// Every char led by 0xC2 or 0xE2 is a mark exactly when it is one of
    /// the curly marks or guillemets, read by its bytes as by the char.
    #[test]
    fn a_mark_is_told_by_its_bytes_as_by_its_char() {
        for c in ('\u{80}'..='\u{BF}').chain('\u{2000}'..='\u{2FFF}') {
            let p = format!(" {c} ");
            let mut m = Vec::new();
            let next = mark_at(&p, 1, &mut m);
            let mark = matches!(c, '“' | '”' | '„' | '«' | '»' | '‘' | '’');
            let expected: &[(usize, char, usize)] =
                if mark { &[(1, c, c.len_utf8())] } else { &[] };
            assert_eq!(m, expected, "{c:?}");
            assert_eq!(next, if mark { 1 + c.len_utf8() } else { 2 }, "{c:?}");
        }
    }

    #[test]
    fn apostrophes_are_never_quote_marks() {
        assert!(quotes("Don’t blame the minister’s aides for rock ’n’ roll in the ’90s or the students’ desks.").is_empty());
        assert!(quotes("Don't blame the minister's aides for rock 'n' roll in the '90s or the students' desks.").is_empty());
    }

    #[test]
    fn apostrophes_inside_words_are_left_out_of_the_marks() {
        let p = "‘Don’t rock’n’roll,’ it's 'Ana's' ’90s x’ ’y";
        let mut m = Vec::new();
        marks_of(p, &mut m);
        let marks: Vec<(usize, char)> = m.iter().map(|&(i, c, _)| (i, c)).collect();
        let at = |s: &str| p.find(s).unwrap_or(usize::MAX);
        assert_eq!(
            marks,
            [
                (0, '‘'),
                (at(",’") + 1, '’'),
                (at("'Ana"), '\''),
                (at("s' ") + 1, '\''),
                (at("’90"), '’'),
                (at("x’") + 1, '’'),
                (at("’y"), '’'),
            ]
        );
        assert_eq!(quotes(p), ["‘Don’t rock’n’roll,’", "'Ana's'"]);
    }

    #[test]
    fn a_full_quote_keeps_its_inner_punctuation() {
        assert_eq!(
            quotes("“We will not sign,” the minister said."),
            vec!["“We will not sign,”"]
        );
        assert_eq!(
            quotes("\"We will not sign,\" the minister said."),
            vec!["\"We will not sign,\""]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside_the_double_quote() {
        assert_eq!(
            quotes("“He told me ‘never again’, and he meant it,” she said."),
            vec!["“He told me ‘never again’, and he meant it,”"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_at_its_paragraph() {
        let s = "“We will not sign, the minister said.\n\nThe talks ended.";
        let q = find_quotes(s, &paragraphs(s));
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.slice(s), "“We will not sign, the minister said.");
        assert!(q[0].unclosed);
    }

    #[test]
    fn a_multi_paragraph_quote_is_one_mark_per_piece_in_one_group() {
        let s = "“We came here to work.\n\n“And we will finish,” she said.";
        let q = find_quotes(s, &paragraphs(s));
        assert_eq!(
            q.iter().map(|q| q.span.slice(s)).collect::<Vec<_>>(),
            vec!["“We came here to work.", "“And we will finish,”"]
        );
        assert_eq!(q[0].group, q[1].group);
        assert!(!q[0].unclosed && !q[1].unclosed);
    }

    #[test]
    fn guillemets_and_low_high_quotes() {
        assert_eq!(
            quotes("Il a dit «non merci» hier, and „nein danke“ too."),
            vec!["«non merci»", "„nein danke“"]
        );
    }

    #[test]
    fn a_multibyte_opening_mark_before_an_elision_does_not_split_a_char() {
        // Found by the property tests: this once sliced inside the ‘.
        assert!(quotes("‘said rock ’n’ roll ").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn a_paragraph_has_the_marks_of_its_own_text(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "“", "”", "\"", "‘", "’", "'", "''", "``", "`", "«", "»", "„", "=\"", "\">",
                "a", "word", " ", "\n\n", "é", "s", "a long stretch of words with no marks",
            ]), 0..60),
            cuts in proptest::collection::vec(0usize..400, 0..8)
        ) {
            // The text's paragraphs, and spans cut anywhere (on char
            // boundaries): each has the marks of its bytes read alone.
            let t: String = v.concat();
            let mut spans = paragraphs(&t);
            let mut cuts: Vec<usize> = cuts
                .iter()
                .map(|&c| crate::text::floor_char_boundary(&t, c.min(t.len())))
                .collect();
            cuts.sort_unstable();
            spans.extend(cuts.windows(2).map(|w| ByteSpan::new(w[0], w[1])));
            for span in spans {
                let mut got = Vec::new();
                marks_into(&t, span, &mut got);
                let mut want = Vec::new();
                marks_of(&t[span.range()], &mut want);
                proptest::prop_assert_eq!(got, want, "{:?} {:?}", t, span);
            }
        }

        #[test]
        fn the_words_before_a_mark_are_read_as_char_by_char(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Said", "the", "SHOW", "o'clock", "it’s", "'", "’", "\"", "(", ".", ",", "9",
                " ", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{A0}", "é", "É", "x",
                "—", "“", ":",
            ]), 0..12)
        ) {
            let p = v.concat();
            for at in (0..=p.len()).filter(|&i| p.is_char_boundary(i)) {
                let all = lower_words_before_chars(&p, at);
                proptest::prop_assert_eq!(&lower_words_before(&p, at, 3), &all, "{:?} at {}", p, at);
                let first = lower_words_before(&p, at, 1);
                proptest::prop_assert_eq!(&first[0], &all[0], "{:?} at {}", p, at);
                proptest::prop_assert_eq!(&first[1..], &["", ""], "{:?} at {}", p, at);
                let four = lower_words_before_n::<4>(&p, at, 4);
                let mut split = words_before(&p, at);
                split.resize(4, String::new());
                proptest::prop_assert_eq!(&four[..], &split[..], "{:?} at {}", p, at);
            }
        }

        #[test]
        fn a_plural_closer_is_found_from_the_table_as_by_the_scan(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "‘", "’", "'", "s’", "s'", "“", "”", "\"", " ", " ", "a", "big plans", "em",
                "til", "’n", "players", " the", " union", "x’y", ",", ".", "bankers",
                "a long stretch of words with no marks in it at all",
            ]), 0..24)
        ) {
            let p = v.concat();
            let mut m = Vec::new();
            marks_of(&p, &mut m);
            let mut closers = Vec::new();
            single_closers_into(&p, &m, &mut closers);
            proptest::prop_assert_eq!(closers.len(), m.len() + 1);
            for (j, &(open, _, _)) in m.iter().enumerate() {
                proptest::prop_assert_eq!(
                    plural_closer(&p, &m, &closers, j + 1, open),
                    plural_closer_scan(&p, &m, j + 1, open),
                    "{:?} from mark {}", p, j
                );
            }
        }

        #[test]
        fn a_word_is_lowered_and_borrowed_as_char_by_char(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "said", "Said", "SHOW", "it’s", "’", "‘", "\u{2018}", "\u{2099}", "\u{E299}",
                "é", "É", "ß", "İ", "'", "-", "9", "Z", "@", "[", "\u{1F600}",
            ]), 0..6)
        ) {
            let w = v.concat();
            let (fast, slow) = (lower(&w), lower_chars(&w));
            proptest::prop_assert_eq!(&fast, &slow, "{:?}", w);
            proptest::prop_assert_eq!(
                matches!(fast, Cow::Borrowed(_)),
                matches!(slow, Cow::Borrowed(_)),
                "{:?}", w
            );
        }

        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Said", "the", "o'clock", "it’s", "’", "\"", ".", "9", " ", "  ", "\t", "\n",
                "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "é", "—",
                "x", "abcdefgh", "\u{1680}", "\u{2028}", "ḁ", "“",
                "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            ]), 0..24)
        ) {
            let q = v.concat();
            for n in 0..10 {
                proptest::prop_assert_eq!(more_words_than(&q, n), more_words_than_chars(&q, n), "{:?} {}", q, n);
                #[cfg(target_arch = "x86_64")]
                proptest::prop_assert_eq!(more_words_than_simd(&q, n, None), more_words_than_chars(&q, n), "{:?} {}", q, n);
                proptest::prop_assert_eq!(more_words_than_swar(&q, n), more_words_than_chars(&q, n), "{:?} {}", q, n);
            }
        }

        #[test]
        fn quotes_are_disjoint_in_order_and_inside_their_paragraph(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "“", "”", "\"", "‘", "’", "'", "''", "``", "`", "«", "»", "„", "a", "word",
                " ", "\n\n", "(", "—", "-", "é", "😀", ".", "\u{A0}", "s", "n", "9",
            ]), 0..40)
        ) {
            let s: String = v.concat();
            let norm = crate::normalize::Normalized::new(&s);
            let t = &norm.text;
            let paras = paragraphs(t);
            let q = find_quotes(t, &paras);
            for w in q.windows(2) {
                proptest::prop_assert!(w[0].span.end() <= w[1].span.start());
            }
            for x in &q {
                proptest::prop_assert!(paras.iter().any(|p| p.start() <= x.span.start() && x.span.end() <= p.end()));
                let _ = x.span.slice(t);
            }
        }
    }

    #[test]
    fn single_quotes_in_a_paragraph_that_opens_with_a_double_quote_are_not_quotes() {
        assert_eq!(
            quotes("“We will fight,” he said of the 'peace' talks and the ‘reckless’ plan."),
            vec!["“We will fight,”"]
        );
    }

    #[test]
    fn british_single_quotes_are_the_outer_marks() {
        assert_eq!(
            quotes("‘We will not sign,’ the minister said."),
            vec!["‘We will not sign,’"]
        );
        assert_eq!(
            quotes("'We will not sign,' the minister said."),
            vec!["'We will not sign,'"]
        );
        assert_eq!(
            quotes("‘He said “no”, and I don’t blame him,’ she said."),
            vec!["‘He said “no”, and I don’t blame him,’"]
        );
    }

    #[test]
    fn apostrophes_in_a_british_paragraph_stay_apostrophes() {
        assert_eq!(
            quotes("‘The students’ desks were in the Joneses’ house,’ said the minister’s aide, a fan of rock ’n’ roll and the ’90s."),
            vec!["‘The students’ desks were in the Joneses’ house,’"]
        );
        assert_eq!(
            quotes("'It's the '90s again,' she said of rock 'n' roll."),
            vec!["'It's the '90s again,'"]
        );
        assert!(quotes("‘Tis the season, the players’ union said.").is_empty());
    }

    #[test]
    fn a_british_quote_over_two_paragraphs() {
        let s = "‘We came here to work.\n\n‘And we will finish,’ she said.";
        let q = find_quotes(s, &paragraphs(s));
        assert_eq!(
            q.iter().map(|q| q.span.slice(s)).collect::<Vec<_>>(),
            vec!["‘We came here to work.", "‘And we will finish,’"]
        );
        assert_eq!(q[0].group, q[1].group);
    }

    #[test]
    fn two_apostrophes_are_a_double_quote() {
        let s = "''We will win,'' he said. ``Maybe,'' she said.";
        let q = find_quotes(s, &paragraphs(s));
        assert_eq!(
            q.iter().map(|q| q.span.slice(s)).collect::<Vec<_>>(),
            vec!["''We will win,''", "``Maybe,''"]
        );
        assert_eq!(q[0].style.rule(), "quote/two-apostrophes");
    }

    #[test]
    fn titles_of_works_are_not_quotes() {
        for s in [
            "She told the BBC’s “Today” programme that it was over.",
            "A report titled “Counting the Cost” came out.",
            "He wrote the novel “A House by the River” in a year.",
            "He said so on NBC's ''Meet the Press'' on Sunday.",
            "She appeared on \"Fox and Friends\" twice.",
            "A podcast called ‘The Long Road’ followed.",
            "Jo Bell, author of “The Quiet Fund,” a new book, agreed.",
            "She said so on NBC's “Meet the Press.”",
            "He spoke Sunday on Harbour News channel’s “Morning Tide,” then left.",
            "A set built for the reality TV show “The Island.”",
            "Then the “Late Hour” host said it was over.",
        ] {
            assert!(quotes(s).is_empty(), "{s}");
        }
        assert_eq!(
            quotes("She called the plan “reckless” on Monday."),
            vec!["“reckless”"]
        );
        assert_eq!(
            quotes("It recalled Perry's ''Oops'' in 2012."),
            vec!["''Oops''"]
        );
        assert_eq!(
            quotes("Senator Pins The Rise Of Crime On ‘Reckless’ Spending Cuts"),
            vec!["‘Reckless’"]
        );
        assert_eq!(
            quotes("Judge Once Mocked ‘Critics’ Who Lost"),
            vec!["‘Critics’"]
        );
    }

    #[test]
    fn scare_cues() {
        let is = |s: &str| {
            let q = find_quotes(s, &paragraphs(s));
            is_scare(s, q[0].span)
        };
        assert!(is("the so-called “safety valve” failed"));
        assert!(is("a habit known as “doomscrolling” spread"));
        assert!(is("what some call “the squeeze”"));
        assert!(is("the name “Trump” is coming off the signs"));
        assert!(!is("she called the plan “reckless”"));
        assert!(!is("the so-called “safety valve is a myth and always was”"));
    }

    #[test]
    fn a_scare_quote_has_its_own_rule_and_question_and_a_partial_quote_does_not() {
        let a =
            crate::analyze("The so-called “safety valve” failed. Okafor said the deal was “dead”.");
        let quotes: Vec<_> = a
            .marks
            .iter()
            .filter(|m| m.kind == crate::Kind::Quote)
            .collect();
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].rule_id.render(), SCARE_RULE);
        assert!(a
            .speaker(quotes[0])
            .is_none_or(|s| s.kind == crate::SpeakerKind::Unknown));
        assert!(quotes[0].question().starts_with("Whose word is this"));
        assert_ne!(quotes[1].rule_id.render(), SCARE_RULE);
        assert!(quotes[1].question().starts_with("Who is speaking"));
    }
}
