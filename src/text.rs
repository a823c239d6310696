//! The text model: paragraphs, sentences and words, as byte spans of the
//! normalised article (see [`crate::normalize`]).
//!
//! Paragraphs are separated by exactly `"\n\n"` in normalised text. Sentences
//! never cross a paragraph, and never break inside a quotation: a multi-sentence
//! quote with its attribution (“We are ready. We will win,” she said.) is one
//! sentence, which is what the speaker finder needs.

#[cfg(target_arch = "x86_64")]
use crate::byte_set::{self, Avx2, ByteSet};
use crate::lexicon;
use crate::span::ByteSpan;
use std::sync::OnceLock;

/// A paragraph and its sentences; all spans are UTF-8 byte offsets into the
/// normalised text.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: ByteSpan,
    pub sentences: Vec<ByteSpan>,
}

/// Paragraph spans, trimmed of surrounding white space; empty ones are skipped.
///
/// (The analysis has them from the normaliser, which passes every
/// paragraph break of a text already in canonical form as it checks it:
/// see [`crate::normalize::Normalized::with_paragraphs`].)
pub fn paragraphs(text: &str) -> Vec<ByteSpan> {
    let bytes = text.as_bytes();
    let mut out = ParagraphSpans::new(text);
    // memchr jumps from line break to line break; a break is two in a row,
    // and the search goes on after both (one call a paragraph, not two:
    // the second break of a pair was found only to be passed over).
    let mut from = 0;
    while let Some(k) = memchr::memchr(b'\n', &bytes[from..]) {
        let at = from + k;
        from = at + 1;
        if bytes.get(from) == Some(&b'\n') {
            out.break_at(at);
            from = at + 2;
        }
    }
    out.finish()
}

/// [`paragraphs`] built from the text's paragraph breaks (each `"\n\n"`,
/// found in order by whoever reads the text: [`paragraphs`]' search, or
/// the normaliser's check of a canonical text).
pub(crate) struct ParagraphSpans<'t> {
    bytes: &'t [u8],
    /// Where the paragraph after the last break starts.
    start: usize,
    out: Vec<ByteSpan>,
}

impl<'t> ParagraphSpans<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        ParagraphSpans {
            bytes: text.as_bytes(),
            start: 0,
            out: Vec::new(),
        }
    }

    /// The paragraph break `"\n\n"` at `at`, after the last one's.
    #[inline]
    pub(crate) fn break_at(&mut self, at: usize) {
        self.push(self.start, at);
        self.start = at + 2;
    }

    fn push(&mut self, s: usize, e: usize) {
        let (s, e) = trim(self.bytes, s, e);
        if s < e {
            self.out.push(ByteSpan::new(s, e));
        }
    }

    /// The spans, the last paragraph's (to the text's end) with them.
    pub(crate) fn finish(mut self) -> Vec<ByteSpan> {
        self.push(self.start, self.bytes.len());
        self.out
    }
}

fn trim(bytes: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

/// Splits one paragraph into sentences. `quotes` are the quotation spans of
/// the article, sorted by start; no sentence ends inside one.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets after it) followed by a space and a capital letter, a digit or an
/// opening quote or bracket. It does not end after a title or abbreviation
/// from `abbreviations.txt` (Mr., Gov., Jan., U.S., a.m.), after a single
/// capital initial (J. K. Rowling), or inside a decimal number.
pub fn sentences(text: &str, para: ByteSpan, quotes: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    sentences_into(text, para, quotes, &mut out);
    out
}

/// [`sentences`], appended to `out`: one vector for a whole article's
/// sentences, where a vector per paragraph cost a reallocation or two each.
pub fn sentences_into(text: &str, para: ByteSpan, quotes: &[ByteSpan], out: &mut Vec<ByteSpan>) {
    let q = quotes.partition_point(|s| s.end() <= para.start());
    sentences_from(text, para, quotes, q, out);
}

/// [`sentences_into`] given `q`, the index of the first quotation that
/// ends after the paragraph's start: the article's pass over its
/// paragraphs, in order, keeps it as a cursor, where a binary search per
/// paragraph cost about 120 instructions (0.7M on 1 MB of news).
pub(crate) fn sentences_from(
    text: &str,
    para: ByteSpan,
    quotes: &[ByteSpan],
    mut q: usize,
    out: &mut Vec<ByteSpan>,
) {
    debug_assert_eq!(q, quotes.partition_point(|s| s.end() <= para.start()));
    let bytes = text.as_bytes();
    let mut start = para.start();
    let mut i = para.start();
    #[cfg(not(target_arch = "x86_64"))]
    let sentence_stops = sentence_stops_memchr;
    for at in sentence_stops(&bytes[para.range()]) {
        if para.start() + at < i {
            continue; // taken as a closing mark of the stop before
        }
        i = para.start() + at;
        let b = bytes[i];
        let punct_len = if b < 0x80 { 1 } else { '…'.len_utf8() };
        // Closing marks that belong to this sentence.
        let mut j = i + punct_len;
        while j < para.end() {
            // An ASCII byte is its char: no decoding (most stops are
            // followed by a space).
            let c = match bytes[j] {
                a @ 0..0x80 => a as char,
                _ => text[j..].chars().next().unwrap_or(' '),
            };
            if matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']'
            ) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        if j >= para.end() || bytes[j] != b' ' {
            i = j.max(i + 1);
            continue;
        }
        let next = match bytes.get(j + 1) {
            Some(&a @ 0..0x80) if j + 1 < para.end() => a as char,
            _ => text[j + 1..para.end()].chars().next().unwrap_or('a'),
        };
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '[');
        while q < quotes.len() && quotes[q].end() <= j {
            q += 1;
        }
        let inside_quote = q < quotes.len() && quotes[q].start() < i && j < quotes[q].end();
        if starts_sentence
            && !inside_quote
            && !(b == b'.' && is_abbreviation(text, para.start(), i))
        {
            out.push(ByteSpan::new(start, j));
            start = j + 1;
        }
        i = j;
    }
    if start < para.end() {
        out.push(ByteSpan::new(start, para.end()));
    }
}

/// Offsets in `p` of the chars that can end a sentence (`.`, `!`, `?`, `…`),
/// in order: on x86_64, from one SSE2 mask of each 64-byte block that marks
/// the ASCII ones and the last byte of `…` (0xA6, which no other common
/// char has), so nothing else is decoded. Two memchr searches a paragraph
/// (one for the ASCII marks, one for 0xA6) cost about 80 instructions a
/// call, a call for every stop and one more per paragraph and search.
#[cfg(target_arch = "x86_64")]
fn sentence_stops(p: &[u8]) -> impl Iterator<Item = usize> + '_ {
    // The block being read (its start) and its candidates not yet given.
    let avx2 = Avx2::detect();
    let (mut base, mut candidates) = (0, stop_candidates(p, 0, avx2));
    std::iter::from_fn(move || loop {
        if candidates == 0 {
            base += 64;
            if base >= p.len() {
                return None;
            }
            candidates = stop_candidates(p, base, avx2);
            continue;
        }
        let at = base + candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if p[at] != 0xA6 {
            return Some(at);
        }
        // The last byte of `…` (E2 80 A6) stands for the char's start. In
        // order still: the two bytes before it are no candidates.
        if at >= 2 && p[at - 2] == 0xE2 && p[at - 1] == 0x80 {
            return Some(at - 2);
        }
    })
}

/// The bytes [`sentence_stops`] reads on: `.`, `!`, `?` and 0xA6, the last
/// byte of `…`.
#[cfg(target_arch = "x86_64")]
struct Stops;

#[cfg(target_arch = "x86_64")]
impl ByteSet for Stops {
    const BYTES: &'static [u8] = b".!?\xA6";
}

/// Bit `k` set when `p[base + k]` is `.`, `!`, `?` or 0xA6 (bytes past the
/// end of `p` are none). With AVX2 (`avx2`) about 20 instructions a
/// 64-byte block fewer than with SSE2, some 18,000 blocks a MB of news.
#[cfg(target_arch = "x86_64")]
fn stop_candidates(p: &[u8], base: usize, avx2: Option<Avx2>) -> u64 {
    let stop_candidates_64 = |block: &[u8; 64]| byte_set::mask::<Stops>(block, avx2);
    match p
        .get(base..base + 64)
        .and_then(|b| <&[u8; 64]>::try_from(b).ok())
    {
        Some(block) => stop_candidates_64(block),
        // A paragraph's last bytes (under 64): the block of its last 64
        // bytes, shifted down (zeros come in for the bytes past its end),
        // where copying them into a padded block cost about 80
        // instructions a paragraph.
        None => match p.len().checked_sub(64) {
            Some(from) if base > from => {
                let last = <&[u8; 64]>::try_from(&p[from..]).unwrap_or(&[0; 64]);
                stop_candidates_64(last) >> (base - from)
            }
            _ => stop_candidates_padded(p.get(base..).unwrap_or_default()),
        },
    }
}

/// [`stop_candidates`] of a paragraph's last bytes when it is shorter than
/// 64 bytes, copied into a zero-padded block: out of line, where clearing
/// the block at every call cost a fifth of the pass.
#[cfg(target_arch = "x86_64")]
#[inline(never)]
fn stop_candidates_padded(rest: &[u8]) -> u64 {
    let mut padded = [0u8; 64];
    padded[..rest.len()].copy_from_slice(rest);
    byte_set::mask_sse2::<Stops>(&padded)
}

/// [`sentence_stops`] from memchr's searches: for other targets (the page's
/// module), and to check the x86_64 version against.
#[cfg(any(not(target_arch = "x86_64"), test))]
fn sentence_stops_memchr(p: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', p).peekable();
    let mut ellipses = memchr::memchr_iter(0xA6, p)
        .filter(move |&k| k >= 2 && p[k - 2] == 0xE2 && p[k - 1] == 0x80)
        .map(|k| k - 2)
        .peekable();
    std::iter::from_fn(move || match (stops.peek(), ellipses.peek()) {
        (Some(&a), Some(&b)) if b < a => ellipses.next(),
        (Some(_), _) => stops.next(),
        (None, _) => ellipses.next(),
    })
}

/// Is the `.` at `dot` the end of an abbreviation or an initial?
fn is_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
    let abbreviations = ABBREVIATIONS.get_or_init(Abbreviations::new);
    let bytes = text.as_bytes();
    // The word before the dot, with internal dots (U.S, a.m). No word longer
    // than the longest abbreviation is one, so the scan stops there.
    let Some(s) = word_before_dot(bytes, floor, dot, abbreviations.longest) else {
        return false;
    };
    let word = &text[s..dot];
    if word.is_empty() {
        return false;
    }
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return true; // an initial: J. K. Rowling
    }
    if initials_before_name(text, word, dot) {
        return true; // J.R. Smith, Rep. G.K. Butterfield
    }
    // (The word is ASCII letters and dots.) No entry opens with its first
    // byte: no look-up.
    if !abbreviations.may_open(word.as_bytes()[0]) {
        return false;
    }
    match &abbreviations.keys {
        Some(keys) => keys.binary_search(&key(word)).is_ok(),
        None => lexicon::is_abbreviation(word),
    }
}

/// Where the run of ASCII letters and dots before `dot` starts (not
/// before `floor`); None when it is longer than `longest`. The eight bytes
/// before the dot are read at once when they are all at or after `floor`:
/// the run ends in them unless all eight are letters and dots (a byte at a
/// time it was about 75 instructions a full stop on news).
#[inline]
fn word_before_dot(bytes: &[u8], floor: usize, dot: usize, longest: usize) -> Option<usize> {
    if let Some(from) = dot.checked_sub(8).filter(|&from| from >= floor) {
        let x = u64::from_le_bytes(bytes[from..dot].try_into().unwrap_or([0; 8]));
        let others = !(crate::swar::ascii_letters(x) | crate::swar::exact_bytes_equal(x, b'.'))
            & crate::swar::HI;
        // The run's bytes, counted down from the dot.
        let run = (others.leading_zeros() / 8) as usize;
        if run < 8 {
            return (run <= longest).then_some(dot - run);
        }
    }
    word_before_dot_by_bytes(bytes, floor, dot, longest)
}

/// [`word_before_dot`] a byte at a time: near `floor`, for runs of eight
/// bytes or more, and to check the other against.
fn word_before_dot_by_bytes(
    bytes: &[u8],
    floor: usize,
    dot: usize,
    longest: usize,
) -> Option<usize> {
    let mut s = dot;
    while s > floor && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
        if dot - s == longest {
            return None;
        }
        s -= 1;
    }
    Some(s)
}

/// Capitals joined by dots ("J.R", "G.K", "F.B.I"), whose full stop (at
/// byte `dot`) is followed by a space and a letter, not a sentence's end:
/// before a capital they are the initials of a name ("J.R. Smith", "Rep.
/// G.K. Butterfield"); before a lowercase letter the sentence goes on
/// ("The F.B.I. said", "the C.I.A. declined": no sentence opens in
/// lowercase). Followed by anything else ("Washington, D.C., said") the
/// dot is punctuation.
fn initials_before_name(text: &str, word: &str, dot: usize) -> bool {
    let b = word.as_bytes();
    let initials = b.len() >= 3
        && b.len() % 2 == 1
        && b.iter().enumerate().all(|(i, &c)| {
            if i % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c == b'.'
            }
        });
    initials
        && matches!(
            text.as_bytes().get(dot + 1..dot + 3),
            Some([b' ', c]) if c.is_ascii_alphabetic()
        )
}

/// The abbreviation list, for the test at every full stop: a sentence end
/// costs a binary search over a few dozen integers instead of hashing.
struct Abbreviations {
    /// Length of the longest entry, at least 1.
    longest: usize,
    /// Every entry as an integer (see [`key`]), sorted, when none is longer
    /// than 8 bytes.
    keys: Option<Vec<u64>>,
    /// A bit per ASCII byte that starts an entry (`byte & 127`).
    firsts: u128,
}

impl Abbreviations {
    /// Does an entry open with byte `b` (read as `b & 127`)? `firsts`'s
    /// one bit test, asked before any look-up.
    #[inline]
    fn may_open(&self, b: u8) -> bool {
        self.firsts >> (b & 127) & 1 != 0
    }
}

/// The [`Abbreviations`], built at first use ([`abbreviations`]).
static ABBREVIATIONS: OnceLock<Abbreviations> = OnceLock::new();

/// [`abbreviation_word`] before the [`Abbreviations`] are built: builds
/// them and asks again. Out of line, so that the test at every full stop
/// calls nothing but by a tail call (a `LazyLock` inlined its first use's
/// call into it, and the registers saved for that call).
#[cold]
#[inline(never)]
fn abbreviation_word_first(text: &str, w: Token, at: usize) -> bool {
    ABBREVIATIONS.get_or_init(Abbreviations::new);
    abbreviation_word(text, w, at)
}

impl Abbreviations {
    fn new() -> Self {
        let phrases: Vec<&str> = lexicon::ABBREVIATIONS.phrases().collect();
        let longest = phrases.iter().map(|p| p.len()).max().unwrap_or(0).max(1);
        let keys = (longest <= 8).then(|| {
            let mut keys: Vec<u64> = phrases.iter().map(|p| key(p)).collect();
            crate::sort::sort_unstable(&mut keys);
            keys
        });
        let firsts = phrases
            .iter()
            .filter_map(|p| p.as_bytes().first())
            .fold(0u128, |m, &b| m | 1 << (b & 127));
        Abbreviations {
            longest,
            keys,
            firsts,
        }
    }
}

/// Up to 8 bytes as one integer, zero-padded; the words tested hold only
/// letters and dots, so no two share a key.
fn key(word: &str) -> u64 {
    let mut b = [0; 8];
    let n = word.len().min(8);
    b[..n].copy_from_slice(&word.as_bytes()[..n]);
    u64::from_le_bytes(b)
}

/// Is `c` part of a word? Letters, digits, and marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when the phrase at `span` stands as whole words: not preceded or
/// followed by a letter or digit (an apostrophe followed by a letter also
/// continues a word: "could’ve" is not "could").
///
/// Asked once a phrase hit, by four passes (the verbs', the vague
/// phrases', the anonymity clauses' and the hedges'). Whether the
/// compiler inlined it changed with unrelated code (a change elsewhere in
/// this file made it a call: 0.29M instructions on 1 MB of news); with
/// the hint, news 0.18M less and "it could be " at 1 MB 0.6% less than
/// without.
#[inline]
pub fn is_whole_word(text: &str, span: ByteSpan) -> bool {
    // The usual answer from two bytes, no char decoded: on each side an
    // ASCII char (a byte below 0x80 next to a char boundary is one) that
    // is no letter or digit, nor a joiner that could go on to one, or the
    // text's end. One read of `PLAIN_SIDES` a side, where the tests in
    // line cost about 50 instructions a call.
    let bytes = text.as_bytes();
    let plain =
        |b: Option<&u8>, side: u8| b.is_none_or(|&b| PLAIN_SIDES[usize::from(b)] & side != 0);
    if plain(
        span.start().checked_sub(1).and_then(|i| bytes.get(i)),
        PLAIN_BEFORE,
    ) && plain(bytes.get(span.end()), PLAIN_AFTER)
    {
        return true;
    }
    is_whole_word_chars(text, span)
}

/// [`PLAIN_SIDES`]' bit for a byte that may stand before a whole word:
/// ASCII, no letter or digit, no hyphen.
const PLAIN_BEFORE: u8 = 1;
/// [`PLAIN_SIDES`]' bit for a byte that may stand after a whole word:
/// ASCII, no letter or digit, no apostrophe or hyphen.
const PLAIN_AFTER: u8 = 2;

/// Per byte, [`PLAIN_BEFORE`] and [`PLAIN_AFTER`]: the byte tests of
/// [`is_whole_word`].
static PLAIN_SIDES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        if !c.is_ascii_alphanumeric() && c != b'-' {
            t[b] |= PLAIN_BEFORE;
            if c != b'\'' {
                t[b] |= PLAIN_AFTER;
            }
        }
        b += 1;
    }
    t
};

/// [`is_whole_word`], char by char (the chars on each side decoded).
fn is_whole_word_chars(text: &str, span: ByteSpan) -> bool {
    let mut before = text[..span.start()].chars().rev();
    let word_before = match before.next() {
        Some(c) if is_word_char(c) => true,
        Some('-') => before.next().is_some_and(is_word_char),
        _ => false,
    };
    let mut after = text[span.end()..].chars();
    let word_after = match after.next() {
        Some(c) if is_word_char(c) => true,
        Some('\'' | '’' | '-') => after.next().is_some_and(is_word_char),
        _ => false,
    };
    !word_before && !word_after
}

/// A token of the text: a word or one punctuation character, with its byte
/// span in the normalised text and word-class flags computed once.
///
/// A word is a maximal run of letters and digits, joined by inner
/// apostrophes, hyphens and dots (don’t, so-called, U.S).
///
/// A token is 6 bytes (an article's tokens are held all at once, and are
/// the largest part of the peak memory: 16 MB of 57 at 10 MB of news when
/// they were 8): its start as a `u32`, and its length and flags in a
/// `u16`, the length in the top 10 bits. Texts of 4 GiB or more are not
/// supported (the CLI refuses more than 1 GiB, the page more than 2 MiB),
/// and a word longer than [`MAX_TOKEN_LEN`] (1,023 bytes) is cut into
/// words of at most that length at char boundaries: no article has one
/// (a word is letters and digits joined by inner apostrophes, hyphens and
/// dots; a web address is cut at its slashes already).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed(2))]
pub struct Token {
    start: u32,
    /// `len << LEN_SHIFT | flags`.
    bits: u16,
}

/// Where a token's length starts in [`Token::bits`]: the flags are below.
const LEN_SHIFT: u32 = 6;

/// The longest token, in bytes (see [`Token`]).
const MAX_TOKEN_LEN: usize = (1 << (16 - LEN_SHIFT)) - 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Any other non-space character: punctuation, quote marks, dashes.
    Punct(char),
}

const CAPITALISED: u8 = 1;
const ALL_CAPS: u8 = 2;
const NUMBER: u8 = 4;
const ABBREVIATION_DOT: u8 = 8;
const WORD: u8 = 16;
/// A word with an ASCII capital somewhere in it: its folded form is not
/// the text itself (see [`Folded`]).
const HAS_UPPER: u8 = 32;

impl Token {
    /// A token from `start` to `end`, which is at most [`MAX_TOKEN_LEN`]
    /// bytes further, with `flags`.
    #[inline]
    fn new(start: usize, end: usize, flags: u8) -> Self {
        debug_assert!(end - start <= MAX_TOKEN_LEN && flags < 1 << LEN_SHIFT);
        Token {
            start: start as u32,
            bits: ((end - start) as u16) << LEN_SHIFT | u16::from(flags),
        }
    }

    #[inline]
    fn flags(&self) -> u8 {
        (self.bits & ((1 << LEN_SHIFT) - 1)) as u8
    }

    #[cfg(test)]
    fn from_span(span: ByteSpan, flags: u8) -> Self {
        Self::new(span.start(), span.end(), flags)
    }

    /// The byte offset just past the token.
    #[inline]
    fn end(&self) -> usize {
        self.start as usize + (self.bits >> LEN_SHIFT) as usize
    }

    /// The token's byte span in the normalised text.
    pub fn span(&self) -> ByteSpan {
        ByteSpan::new(self.start as usize, self.end())
    }

    pub fn is_word(&self) -> bool {
        self.flags() & WORD != 0
    }

    /// Word or punctuation (the character is read from `text`).
    pub fn kind(&self, text: &str) -> TokenKind {
        if self.is_word() {
            TokenKind::Word
        } else {
            TokenKind::Punct(self.span().slice(text).chars().next().unwrap_or(' '))
        }
    }

    /// A word whose first character is an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.flags() & CAPITALISED != 0
    }

    /// A word of two or more characters, all upper case: an acronym ("NHS").
    pub fn is_all_caps(&self) -> bool {
        self.flags() & ALL_CAPS != 0
    }

    /// [`Token::is_capitalised`] and not [`Token::is_all_caps`] ("Okafor",
    /// not "NHS" nor "said"), on one test of the flags: for passes over
    /// every token of an article.
    #[inline]
    pub fn is_capitalised_not_caps(&self) -> bool {
        self.flags() & (CAPITALISED | ALL_CAPS) == CAPITALISED
    }

    /// A word that starts with a digit.
    pub fn is_number(&self) -> bool {
        self.flags() & NUMBER != 0
    }

    /// A full stop that belongs to the word before it (Dr., U.S., J.).
    pub fn is_abbreviation_dot(&self) -> bool {
        self.flags() & ABBREVIATION_DOT != 0
    }
}

/// The char starting at byte `i` (a char boundary) and its length in bytes,
/// with ASCII first: it is nearly all of an English article.
#[cfg(test)]
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes()[i] {
        b @ 0..0x80 => (b as char, 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// What a byte is, for the tokeniser's ASCII fast path.
const ALNUM: u8 = 1;
/// ASCII white space (`char::is_whitespace` of an ASCII byte).
const SPACE: u8 = 2;
/// Any other ASCII byte: a punctuation token of its own.
const OTHER: u8 = 3;
/// A byte of a multi-byte char: decoded.
const HIGH: u8 = 0;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Tokens of a span of text, in order.
///
/// ASCII bytes are classed by one table read and words of ASCII letters
/// and digits are skipped eight bytes a step; only non-ASCII chars are
/// decoded. `reference::tokens` (in the tests) is the char-by-char version
/// it must agree with.
pub fn tokens(text: &str, span: ByteSpan) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(span.len() / 4 + 1);
    tokens_into(text, span, &mut out, &mut (), &mut ());
    out
}

/// [`tokens`], appended to `out`, calling `seen(index, token)` before each
/// token is pushed (the stream builds its offset index and its folded
/// words this way, with no second pass over the tokens), and handing
/// `letters` each letter start in order (see [`LetterStarts`]): an ASCII
/// letter with no ASCII letter or digit before it, where the phrase search
/// looks words up (see [`for_each_letter_start`]); the fast path hands a
/// window's at once. Every such letter is in a word token: at its start, or
/// after a joiner or a non-ASCII char inside it.
///
/// Returns the number of punctuation tokens pushed and what
/// [`count_words`] adds to the number of word tokens (see [`WordTally`]),
/// so that the stream counts the article's words with no pass of its own.
#[inline]
fn tokens_into(
    text: &str,
    span: ByteSpan,
    out: &mut Vec<Token>,
    seen: &mut impl TokenSink,
    letters: &mut impl LetterStarts,
) -> WordTally {
    let mut tally = WordTally::default();
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    let base = span.start();
    let n = bytes.len();
    let mut alnum = AlnumWindow::default();
    let mut i = 0;
    // The fast path is not tried again before this offset (where it last
    // could not go on: a non-ASCII char or a word to the window's end).
    #[cfg(target_arch = "x86_64")]
    let mut slow_until = 0;
    #[cfg(target_arch = "x86_64")]
    let classer = Classer::new();
    while i < n {
        #[cfg(target_arch = "x86_64")]
        if i >= slow_until && i + 64 <= n {
            let window = classer.masks(bytes[i..].first_chunk().unwrap_or(&[0; 64]));
            let (next, stuck) = ascii_window(
                text, base, bytes, i, &window, out, seen, letters, &mut tally,
            );
            if next > i {
                i = next;
                continue;
            }
            slow_until = stuck;
        }
        let b = bytes[i];
        let class = BYTE_CLASS[usize::from(b)];
        if class == SPACE {
            i += 1;
            continue;
        }
        let (c, len) = if class == HIGH {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            (c, c.len_utf8())
        } else {
            (b as char, 1)
        };
        if class == OTHER || class == HIGH && !is_word_char_fast(c) {
            let at = base + i;
            let abbreviation = b == b'.' && abbreviation_dot(text, out, at);
            let t = Token::new(
                at,
                at + len,
                if abbreviation { ABBREVIATION_DOT } else { 0 },
            );
            seen.token(out.len(), t);
            out.push(t);
            tally.puncts += 1;
            i += len;
            continue;
        }
        let start = i;
        let mut ascii = class == ALNUM;
        if b.is_ascii_alphabetic() {
            letters.letter(base + i);
        }
        i += len;
        // Whether the byte before `i` ends a joiner or a non-ASCII char,
        // after which a letter starts a run: only at a word's first turn
        // through the loop can it be an ASCII letter or digit, which is
        // known from the first char's class (no test per word).
        let mut after_other = class == HIGH;
        loop {
            if after_other && bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                letters.letter(base + i);
            }
            after_other = true;
            i = alnum.end_from(bytes, i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            // Most words end at a space or ASCII punctuation: no decoding.
            if b == b' ' || b == b',' {
                break;
            }
            let d = if b < 0x80 {
                b as char
            } else {
                ascii = false;
                s[i..].chars().next().unwrap_or(' ')
            };
            if b >= 0x80 && is_word_char_fast(d) {
                i += d.len_utf8();
            } else if matches!(d, '\'' | '’' | '-' | '.') {
                // Joins only when a word character follows directly, or for a
                // plural possessive ("the supporters’ trust").
                let k = i + d.len_utf8();
                let after = match bytes.get(k) {
                    None => None,
                    Some(&a) if a < 0x80 => Some(a as char),
                    Some(_) => s[k..].chars().next(),
                };
                let possessive = d != '-'
                    && d != '.'
                    && bytes[i - 1] == b's'
                    && after.is_none_or(char::is_whitespace);
                if after.is_some_and(is_word_char_fast) || possessive {
                    // A full stop joins for the tokeniser only: the word
                    // after it counts as one of its own.
                    if d == '.' {
                        tally.dots += 1;
                    }
                    i = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if i - start <= MAX_TOKEN_LEN {
            // Bytes, not `&s[start..i]`: the str slice's char-boundary
            // checks were a tenth of the tokeniser's instructions.
            let flags = if ascii {
                ascii_word_flags(&bytes[start..i])
            } else {
                word_flags(&s[start..i])
            } | alnum.capital(bytes, start, i);
            let t = Token::new(base + start, base + i, WORD | flags);
            seen.token(out.len(), t);
            out.push(t);
        } else {
            let pieces = push_long_word(s, base, start, i, MAX_TOKEN_LEN, out, seen);
            tally.cuts += pieces - 1;
        }
        // The space after most words, passed here rather than by a turn of
        // the main loop.
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    tally
}

/// What the tokeniser tells of the tokens it pushes, for the stream's
/// offset index and folded words (nothing, for [`tokens`]).
trait TokenSink {
    /// The token `t`, about to be pushed as the `k`th (from the char loop).
    fn token(&mut self, k: usize, t: Token);

    /// The fast path's word `start..end`, which has an ASCII capital
    /// ([`HAS_UPPER`]), about to be pushed: told of in the branch that
    /// finds the capital, so that no token's flags are tested again. (The
    /// fast path tells of its window's tokens' places by
    /// [`TokenSink::window`].)
    #[cfg(target_arch = "x86_64")]
    fn upper(&mut self, start: usize, end: usize);

    /// The fast path pushed the tokens of a window from `at`, the first as
    /// the `first`th: they start at the bits of `starts` (from `at`), and
    /// the next token starts at `stop` or after.
    #[cfg(target_arch = "x86_64")]
    fn window(&mut self, at: usize, first: usize, starts: u64, stop: usize);
}

impl TokenSink for () {
    #[inline]
    fn token(&mut self, _: usize, _: Token) {}

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn upper(&mut self, _: usize, _: usize) {}

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn window(&mut self, _: usize, _: usize, _: u64, _: usize) {}
}

/// Where the tokeniser hands the letter starts it passes (the phrase
/// search, [`lexicon::PhraseFinder`], or nothing): an ASCII letter with no
/// ASCII letter or digit before it, in increasing order.
pub(crate) trait LetterStarts {
    /// One letter start, at `at` (from the tokeniser's char loop).
    fn letter(&mut self, at: usize);

    /// The letter starts of a window of the fast path at once: bit `l` of
    /// `starts` is one at `at + l`, whose run of letters ends at the first
    /// clear bit of `alpha` (the window's ASCII letters) from `l` on, before
    /// the window's end. Handed after the window's tokens, so that the
    /// tokeniser's loop over them carries none of the search's state.
    #[cfg(target_arch = "x86_64")]
    fn window(&mut self, at: usize, starts: u64, alpha: u64);
}

impl LetterStarts for () {
    #[inline]
    fn letter(&mut self, _: usize) {}

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn window(&mut self, _: usize, _: u64, _: u64) {}
}

/// How many of a text's tokens are no word, and how [`count_words`]'
/// count of it differs from the number of its word tokens: the tokeniser joins `U.S`, `3.5` and `a.m` into one word
/// where a reader counts two (a full stop joins no words for
/// [`count_words`]), and cuts a word longer than [`MAX_TOKEN_LEN`] into
/// pieces that a reader counts as one. Every other word token starts
/// exactly where [`count_words`] counts a word: a token's first char is a
/// word char after no word char, and the tokeniser joins `'`, `’` and `-`
/// to the word before them whenever a word char follows them, which is
/// when [`count_words`] does not count that word char.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct WordTally {
    /// Tokens that are no word (punctuation): the rest are words, counted
    /// with no test of every token.
    puncts: usize,
    /// Full stops inside word tokens (each followed by a word char).
    dots: usize,
    /// Word tokens that go on a longer word cut before them.
    cuts: usize,
}

/// Whether the full stop at `at` belongs to the word token before it, the
/// last of `out` (Dr., U.S., J.).
#[inline]
fn abbreviation_dot(text: &str, out: &[Token], at: usize) -> bool {
    out.last()
        .is_some_and(|&w| w.is_word() && w.end() == at && abbreviation_word(text, w, at))
}

/// [`abbreviation_dot`] for the word `w` just before the full stop.
///
/// The tests that turn most words away read the word's bytes (no
/// char-boundary checks) and call nothing, so that this saves no
/// registers; the rest is [`abbreviation_listed`], a tail call.
#[inline(never)]
fn abbreviation_word(text: &str, w: Token, at: usize) -> bool {
    let Some(b) = text.as_bytes().get(w.start as usize..w.end()) else {
        return false;
    };
    // Most words before a full stop are longer than every abbreviation
    // and are no initials ("J.R", a dot second): turned away on their
    // length, before the look-ups (exactly what the three tests in
    // `abbreviation_listed` answer for them).
    let Some(abbreviations) = ABBREVIATIONS.get() else {
        return abbreviation_word_first(text, w, at);
    };
    if b.len() > abbreviations.longest && b.get(1) != Some(&b'.') {
        return false;
    }
    // Short words too ("said.", "year."): one that opens with an ASCII
    // byte that is no capital is no initial and no initials, and it is on
    // the list only if an entry opens with that byte.
    if let Some(&f) = b.first() {
        if f < 0x80 && !f.is_ascii_uppercase() && !abbreviations.may_open(f) {
            return false;
        }
    }
    abbreviation_listed(text, w.span(), at)
}

/// [`abbreviation_word`] for a word its first tests let by.
#[inline(never)]
fn abbreviation_listed(text: &str, w: ByteSpan, at: usize) -> bool {
    let w = w.slice(text);
    // A single capital first (an initial: "J."), read without counting
    // the word's chars; then the list and the initials.
    let mut chars = w.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial
        || listed_abbreviation(w)
        || initials_before_name(text, w, at)
        || company_before_lowercase(text, w, at)
}

/// "Harbour Foods Co. reported", "the Marlow Corp. said": a company's
/// "Co", "Corp", "Inc" or "Ltd" whose full stop (at byte `dot`) is
/// followed by a space and a lower-case letter ends no sentence (none
/// opens in lower case), so the dot is the abbreviation's, part of the
/// name before the verb. Before a capital ("… Inc. The firm …") it may
/// end the sentence, and the splitter, which does not read this, decides.
fn company_before_lowercase(text: &str, w: &str, dot: usize) -> bool {
    matches!(w, "Co" | "Corp" | "Inc" | "Ltd")
        && matches!(
            text.as_bytes().get(dot + 1..dot + 3),
            Some([b' ', c]) if c.is_ascii_lowercase()
        )
}

/// Is the word `w` on the abbreviation list (exactly, case and all)? A
/// word of up to 8 bytes by the sorted keys of [`Abbreviations`] when every
/// entry has one (a binary search over integers, where
/// [`lexicon::is_abbreviation`] built a 16-byte key and searched those):
/// for such a word a key is its bytes zero-padded, and a word holds no
/// zero byte (no token does), so equal keys are equal words.
fn listed_abbreviation(w: &str) -> bool {
    match ABBREVIATIONS.get().and_then(|a| a.keys.as_ref()) {
        Some(keys) if w.len() <= 8 => keys.binary_search(&key(w)).is_ok(),
        _ => lexicon::is_abbreviation(w),
    }
}

/// The tokeniser's fast path: the tokens of the 64 bytes at `i` of `bytes`
/// (a token boundary; `base` is `bytes`' offset in `text`; `m` the bytes'
/// masks) up to their first non-ASCII byte, found from the masks at once
/// where the char loop spent about 140 instructions a word. Tokens are
/// pushed exactly as the loop would push them, and the bookkeeping is per
/// window, after its tokens: `seen` is told of the window's token starts
/// ([`TokenSink::window`]; per token, only of a word with a capital, from
/// the branch that finds it), `sink` of its letter starts
/// ([`LetterStarts::window`]), and the tally counts its punctuation as it
/// is pushed; so the loop over the tokens carries little else. The
/// window's last token, which could go on past it (or join the
/// non-ASCII char after it), is left to the loop. Returns the offset the
/// loop goes on from and, when that is `i` (no token finished), the
/// offset before which this is not worth trying again.
#[cfg(target_arch = "x86_64")]
#[allow(clippy::too_many_arguments)]
#[inline]
fn ascii_window(
    text: &str,
    base: usize,
    bytes: &[u8],
    i: usize,
    m: &TokenMasks,
    out: &mut Vec<Token>,
    seen: &mut impl TokenSink,
    sink: &mut impl LetterStarts,
    tally: &mut WordTally,
) -> (usize, usize) {
    // The common non-ASCII punctuation of news, three bytes each (a
    // curly apostrophe, quotation marks, dashes, an ellipsis), is read in
    // the window; the window ends at any other non-ASCII byte.
    let mut limit = 64;
    // The first byte of each such char (`curly` for ’, a joiner like `'`;
    // `lead` for the others), and their other two bytes.
    let (mut curly, mut lead, mut cont) = (0u64, 0u64, 0u64);
    let mut high = m.high;
    while high != 0 {
        let h = high.trailing_zeros() as usize;
        match bytes.get(i + h..i + h + 3) {
            Some(&[0xE2, 0x80, c])
                if h + 3 <= 64 && matches!(c, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6) =>
            {
                if c == 0x99 {
                    curly |= 1 << h;
                } else {
                    lead |= 1 << h;
                }
                cont |= 0b110 << h;
                high &= !(0b111 << h);
            }
            _ => {
                limit = h;
                break;
            }
        }
    }
    if limit < 2 {
        return (i, i + limit + 1);
    }
    let valid = if limit == 64 {
        u64::MAX
    } else {
        (1u64 << limit) - 1
    };
    let alnum = m.alnum & valid;
    // Joiners inside a word: after a letter or digit (nothing joins
    // backwards at `i`, a token boundary), before one, or (an apostrophe)
    // a plural possessive: after an `s`, before white space.
    let after_alnum = alnum << 1;
    // Possessives: an apostrophe after a letter or digit and before white
    // space (rare), kept when that letter is an `s`.
    let mut possessive =
        (m.apostrophe & after_alnum & (m.space >> 1)) | (curly & after_alnum & (m.space >> 3));
    let mut p = possessive;
    while p != 0 {
        let k = p.trailing_zeros() as usize;
        p &= p - 1;
        // `k` is at least 1: bit 0 of `after_alnum` is clear.
        if bytes[i + k - 1] != b's' {
            possessive &= !(1 << k);
        }
    }
    let joined = (m.joiner & after_alnum & (alnum >> 1)) | (possessive & !curly);
    let joined_curly = curly & ((after_alnum & (alnum >> 3)) | possessive);
    let word = (alnum | joined | joined_curly | joined_curly << 1 | joined_curly << 2) & valid;
    let punct = valid & !word & !m.space & !cont;
    // Letter starts: a letter with no letter or digit before it (the byte
    // before `i` too).
    // (By the tokeniser's table: one read where the two range tests of
    // `is_ascii_alphanumeric` were a dozen instructions a window.)
    let carry = u64::from(i > 0 && BYTE_CLASS[usize::from(bytes[i - 1])] == ALNUM);
    let alpha = m.alpha & valid;
    let letters = alpha & !(after_alnum | carry);
    let word_starts = word & !(word << 1);
    let all_starts = word_starts | punct;
    let first = out.len();
    // The tokens left to the loop (see `left_to_loop`): the first of them
    // ends the window, and the loop below takes the tokens before it with
    // no test of where they end.
    let left = left_to_loop(word, word_starts, punct, cont, valid);
    // (All of them when no token is left: the lowest bit's mask less one.)
    let mut starts = all_starts & (left & left.wrapping_neg()).wrapping_sub(1);
    // Room for every token the loop below can push (one a bit of `starts`),
    // so that each push is a write with no test of the capacity.
    out.reserve(64);
    // The word runs' ends with the top bit set (never a run's end that
    // matters: a run reaching it is left to the loop either way), so that
    // each shift of it is not zero.
    let ends = !word | 1 << 63;
    while starts != 0 {
        let k = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        let at = base + i + k;
        if punct >> k & 1 != 0 {
            let len = if (curly | lead) >> k & 1 != 0 { 3 } else { 1 };
            let abbreviation = bytes[i + k] == b'.' && abbreviation_dot(text, out, at);
            let t = Token::new(
                at,
                at + len,
                if abbreviation { ABBREVIATION_DOT } else { 0 },
            );
            // SAFETY: one push a bit of `starts` (64 at most), each bit
            // cleared as it is taken, after `out.reserve(64)` above.
            unsafe { push_reserved(out, t) };
            tally.puncts += 1;
            continue;
        }
        // (A run reaching bit 63 is left to the loop: `left_to_loop`.)
        let len = (ends >> k).trailing_zeros() as usize;
        // The run's bits: adding its lowest to `word` carries through the
        // run to the clear bit after it (`k + len` is below 64: the run
        // ends before the last valid byte), so the sum has none of them,
        // and is `word` elsewhere.
        let run = word & !word.wrapping_add(1 << k);
        // A joiner inside the word (rare) may be a full stop (see
        // [`WordTally`]).
        if m.joiner & run != 0 {
            let word = &bytes[i + k..i + k + len];
            tally.dots += word.iter().filter(|&&b| b == b'.').count();
        }
        let upper = m.upper & run;
        // A word starts with a letter or digit: a digit where `alpha` has
        // no bit.
        let number = if alpha >> k & 1 == 0 { NUMBER } else { 0 };
        // Most words have no capital, and no flag to read off one: a
        // branch for them passes over the tests below.
        let flags = if upper == 0 {
            WORD | number
        } else {
            let mut flags = WORD | HAS_UPPER;
            if upper >> k & 1 != 0 {
                flags |= CAPITALISED;
            } else {
                flags |= number;
            }
            // Every byte after the first a capital, and two bytes at least:
            // no lower-case byte in `run << 1` (the run less its first byte,
            // and the byte after it, which is outside `run`), on no shift by
            // `k`.
            if len >= 2 && (run ^ upper) & (run << 1) == 0 {
                flags |= ALL_CAPS;
            }
            seen.upper(at, at + len);
            flags
        };
        // SAFETY: as for the punctuation push above: one a bit of
        // `starts`, within the 64 reserved.
        unsafe { push_reserved(out, Token::new(at, at + len, flags)) };
    }
    if left != 0 {
        // The first token left to the loop, at `k` (below 64).
        let k = left.trailing_zeros() as usize;
        let done = (1 << k) - 1;
        sink.window(base + i, letters & done, alpha);
        seen.window(base + i, first, all_starts & done, base + i + k);
        // After a mark the fast path may be tried again at once; inside a
        // word's run, not before the window's end.
        let stuck = if punct >> k & 1 != 0 {
            i + k
        } else {
            i + limit
        };
        return (i + k, stuck);
    }
    // Every token of the window was pushed: each letter start is in a word
    // that ends before `limit` (a run of letters from one ends in its word).
    sink.window(base + i, letters, alpha);
    seen.window(base + i, first, all_starts, base + i + limit);
    (i + limit, i + limit)
}

/// The tokens of a fast-path window that [`ascii_window`] leaves to the
/// char loop, as a mask of their starts (the window ends at the first of
/// them): a mark that reaches the window's last valid byte (it could join
/// what follows), and a word whose run of letters and digits does not end
/// 4 bytes before the window's `limit` (where a run stops is decided by the
/// char after it and, for a joiner, the byte after that: all must be in
/// the window). Found for the window at once, where the loop tested every
/// token's end.
///
/// `word` is the window's word bytes, `word_starts` the starts of their
/// runs, `punct` the marks' first bytes, `cont` the other two bytes of its
/// three-byte marks, and `valid` its bytes below `limit` (2 to 64).
#[cfg(target_arch = "x86_64")]
#[inline]
fn left_to_loop(word: u64, word_starts: u64, punct: u64, cont: u64, valid: u64) -> u64 {
    // A run ends at or before byte `limit - 4` exactly when it starts
    // before the last byte there that is in no word (byte 0 if there is
    // none, when every run is left).
    let last_gap = (!word & valid >> 3 | 1).ilog2();
    // The last valid byte, and the first byte of a three-byte mark ending
    // there.
    let top = valid ^ valid >> 1;
    word_starts & u64::MAX << last_gap | punct & (top | (cont & top) >> 2)
}

/// Pushes `t` to `out`, which must have room for it: [`ascii_window`]
/// reserves room for a window's tokens (at most 64, one a bit of its
/// starts' mask) before its loop, where `push` tested the capacity at every
/// token.
///
/// # Safety
///
/// `out.len()` must be below `out.capacity()`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn push_reserved(out: &mut Vec<Token>, t: Token) {
    let n = out.len();
    debug_assert!(n < out.capacity());
    // SAFETY: the caller reserved room for this token (`n` is below the
    // capacity, asserted in debug builds), so slot `n` is inside the
    // allocation, and after the write the first `n + 1` slots are
    // initialised tokens. The test `pushes_stay_within_the_room_reserved`
    // tokenises windows of 64 tokens.
    unsafe {
        out.as_mut_ptr().add(n).write(t);
        out.set_len(n + 1);
    }
}

/// How the fast path classes a window's bytes into its [`TokenMasks`]:
/// with AVX2 when the processor has it, asked once per tokenising pass.
///
/// Each window's masks are computed from its own 64 bytes, wherever it
/// starts. (Before, the masks of the two 64-byte-aligned blocks a window
/// overlaps were kept and joined by two shifts a mask: with the AVX2
/// classer at about 84 instructions a block, the joins, the blocks'
/// bookkeeping and the out-of-line call cost more, about 160 a window.)
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
struct Classer {
    /// Whether the processor has AVX2 ([`TokenMasks::of_64_avx2`]).
    avx2: bool,
}

#[cfg(target_arch = "x86_64")]
impl Classer {
    fn new() -> Self {
        Classer {
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }

    /// The masks of the 64 bytes `window`.
    #[inline(always)]
    fn masks(self, window: &[u8; 64]) -> TokenMasks {
        if self.avx2 {
            // SAFETY: `avx2` is true only where the processor was found
            // to have AVX2 (`Classer::new`).
            unsafe { TokenMasks::of_64_avx2(window) }
        } else {
            TokenMasks::of_64(window)
        }
    }
}

/// The SSE2 steps both byte classers ([`TokenMasks::of_64`],
/// [`ByteMasks::of_64`]) are built from: a 64-byte block read as four
/// 16-byte lanes, each byte tested and the results gathered one bit a byte.
/// SSE2 is part of the x86_64 baseline, so these need no feature check.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::*;

    /// Bytes `16q..16q + 16` of `block` (`q` < 4).
    #[inline(always)]
    pub(super) fn lane(block: &[u8; 64], q: usize) -> __m128i {
        let q = q & 3;
        // SAFETY: SSE2 is in the x86_64 baseline, and the unaligned load
        // reads bytes 16q..16q + 16 of the 64-byte array (q < 4).
        unsafe { _mm_loadu_si128(block.as_ptr().add(16 * q).cast::<__m128i>()) }
    }

    /// Every byte set to `b`.
    #[inline(always)]
    pub(super) fn splat(b: u8) -> __m128i {
        // SAFETY: SSE2 is in the x86_64 baseline; no memory is touched.
        unsafe { _mm_set1_epi8(b as i8) }
    }

    #[inline(always)]
    pub(super) fn or(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: as for `splat`.
        unsafe { _mm_or_si128(a, b) }
    }

    /// All ones where a byte of `v` is `c`.
    #[inline(always)]
    pub(super) fn eq(v: __m128i, c: u8) -> __m128i {
        // SAFETY: as for `splat`.
        unsafe { _mm_cmpeq_epi8(v, splat(c)) }
    }

    /// All ones where a byte of `v` is in `lo..lo + n`: the range moved to
    /// the bottom of the signed range, so that one signed compare tests it.
    #[inline(always)]
    pub(super) fn in_range(v: __m128i, lo: u8, n: i8) -> __m128i {
        // SAFETY: as for `splat`.
        unsafe {
            _mm_cmplt_epi8(
                _mm_add_epi8(v, splat(0x80u8.wrapping_sub(lo))),
                _mm_set1_epi8(i8::MIN + n),
            )
        }
    }

    /// The top bit of each byte of `x` (lane `q`), as bits `16q..16q + 16`.
    #[inline(always)]
    pub(super) fn bits(x: __m128i, q: usize) -> u64 {
        // SAFETY: as for `splat`.
        u64::from(unsafe { _mm_movemask_epi8(x) } as u16) << (16 * q)
    }
}

/// One bit a byte of a 64-byte window, for [`ascii_window`].
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy, Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct TokenMasks {
    alpha: u64,
    /// ASCII letters and digits.
    alnum: u64,
    upper: u64,
    high: u64,
    /// ASCII white space (`\t`, `\n`, `\x0B`, `\x0C`, `\r`, ` `).
    space: u64,
    /// `'`, `-` and `.`, which join a word's parts.
    joiner: u64,
    apostrophe: u64,
}

#[cfg(target_arch = "x86_64")]
impl TokenMasks {
    fn of_64(block: &[u8; 64]) -> Self {
        let mut m = TokenMasks {
            alpha: 0,
            alnum: 0,
            upper: 0,
            high: 0,
            space: 0,
            joiner: 0,
            apostrophe: 0,
        };
        for q in 0..4 {
            let v = sse2::lane(block, q);
            let apostrophe = sse2::eq(v, b'\'');
            let alpha = sse2::in_range(sse2::or(v, sse2::splat(0x20)), b'a', 26);
            m.alpha |= sse2::bits(alpha, q);
            m.alnum |= sse2::bits(sse2::or(alpha, sse2::in_range(v, b'0', 10)), q);
            m.upper |= sse2::bits(sse2::in_range(v, b'A', 26), q);
            m.high |= sse2::bits(v, q);
            m.space |= sse2::bits(sse2::or(sse2::eq(v, b' '), sse2::in_range(v, b'\t', 5)), q);
            let joins = sse2::or(apostrophe, sse2::or(sse2::eq(v, b'-'), sse2::eq(v, b'.')));
            m.joiner |= sse2::bits(joins, q);
            m.apostrophe |= sse2::bits(apostrophe, q);
        }
        m
    }

    /// [`TokenMasks::of_64`] with AVX2: the same masks, 32 bytes a step
    /// (half the vector steps and half the gathering of bits, where the
    /// gathering was half of the SSE2 version's instructions).
    ///
    /// # Safety
    ///
    /// The processor must have AVX2 (`is_x86_feature_detected!("avx2")`).
    /// The test `avx2_masks_are_the_sse2_masks` compares the two on every
    /// byte value at every position.
    #[target_feature(enable = "avx2")]
    unsafe fn of_64_avx2(block: &[u8; 64]) -> Self {
        use std::arch::x86_64::*;
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        let eq = |v: __m256i, c: u8| _mm256_cmpeq_epi8(v, splat(c));
        // All ones where a byte is in `lo..lo + n` (as `sse2::in_range`:
        // the range moved to the bottom of the signed range).
        let in_range = |v: __m256i, lo: u8, n: i8| {
            _mm256_cmpgt_epi8(
                _mm256_set1_epi8(i8::MIN + n),
                _mm256_add_epi8(v, splat(0x80u8.wrapping_sub(lo))),
            )
        };
        let bits = |x: __m256i, h: usize| u64::from(_mm256_movemask_epi8(x) as u32) << (32 * h);
        let mut m = TokenMasks::default();
        for h in 0..2 {
            // SAFETY: an unaligned load of bytes 32h..32h + 32 of the
            // 64-byte array (h < 2).
            let v = unsafe { _mm256_loadu_si256(block.as_ptr().add(32 * h).cast::<__m256i>()) };
            let apostrophe = eq(v, b'\'');
            let alpha = in_range(_mm256_or_si256(v, splat(0x20)), b'a', 26);
            m.alpha |= bits(alpha, h);
            m.alnum |= bits(_mm256_or_si256(alpha, in_range(v, b'0', 10)), h);
            m.upper |= bits(in_range(v, b'A', 26), h);
            m.high |= bits(v, h);
            m.space |= bits(_mm256_or_si256(eq(v, b' '), in_range(v, b'\t', 5)), h);
            let joins = _mm256_or_si256(apostrophe, _mm256_or_si256(eq(v, b'-'), eq(v, b'.')));
            m.joiner |= bits(joins, h);
            m.apostrophe |= bits(apostrophe, h);
        }
        m
    }
}

/// The largest char boundary of `s` at or before `at` (`s.len()` past its
/// end).
pub(crate) fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// Pushes the word `start..end` of `s` (offsets from `base`) as words of at
/// most `max` bytes each, cut at char boundaries (`max` is at least 4);
/// returns how many.
#[cold]
fn push_long_word(
    s: &str,
    base: usize,
    mut start: usize,
    end: usize,
    max: usize,
    out: &mut Vec<Token>,
    seen: &mut impl TokenSink,
) -> usize {
    let mut pieces = 0;
    while start < end {
        pieces += 1;
        let cut = floor_char_boundary(s, (start + max).min(end));
        let t = Token::new(
            base + start,
            base + cut,
            WORD | word_flags(&s[start..cut])
                | if has_capital(s.as_bytes(), start, cut) {
                    HAS_UPPER
                } else {
                    0
                },
        );
        seen.token(out.len(), t);
        out.push(t);
        start = cut;
    }
    pieces
}

/// The ASCII letters and digits of one 64-byte-aligned window of the text,
/// one bit a byte, for the tokeniser's word ends: a word's end is then a
/// shift and a trailing-zero count, and each window's mask is built once
/// (with SSE2 on x86_64) for all the words in it, where testing eight bytes
/// per word cost about 25 instructions a word.
struct AlnumWindow {
    /// The window's first byte. Before the first window is read it is 64
    /// below zero (wrapping), so that every index is outside it.
    start: usize,
    mask: u64,
    /// The window's ASCII capitals.
    upper: u64,
}

impl Default for AlnumWindow {
    fn default() -> Self {
        AlnumWindow {
            start: 0usize.wrapping_sub(64),
            mask: 0,
            upper: 0,
        }
    }
}

impl AlnumWindow {
    /// [`HAS_UPPER`] if `bytes[start..end]` holds an ASCII capital: from
    /// the window's mask when the window holds the word (it holds its end
    /// once [`AlnumWindow::end_from`] found it), else eight bytes a step.
    #[inline]
    fn capital(&self, bytes: &[u8], start: usize, end: usize) -> u8 {
        // The page's module folds the whole text and reads no flag.
        if cfg!(target_arch = "wasm32") {
            return 0;
        }
        let at = start.wrapping_sub(self.start);
        let found = if at < 64 && end - start <= 64 - at {
            let word = if end - start == 64 {
                !0
            } else {
                (1u64 << (end - start)) - 1
            };
            self.upper >> at & word != 0
        } else {
            has_capital(bytes, start, end)
        };
        if found {
            HAS_UPPER
        } else {
            0
        }
    }

    /// The first index from `i` on whose byte is not an ASCII letter or
    /// digit (or `bytes.len()`), from the window's masks.
    #[inline]
    fn end_from(&mut self, bytes: &[u8], mut i: usize) -> usize {
        loop {
            if i >= bytes.len() {
                return bytes.len();
            }
            // Outside the window (before it too: the difference wraps to
            // a huge number), one compare.
            let mut at = i.wrapping_sub(self.start);
            if at >= 64 {
                self.start = i & !63;
                let block = &bytes[self.start..bytes.len().min(self.start + 64)];
                // Bytes past the text's end count as "not alnum": a word
                // ends there.
                let masks = ByteMasks::of(block);
                (self.mask, self.upper) = (masks.alnum, masks.upper);
                at = i - self.start;
            }
            let others = !self.mask >> at;
            if others != 0 {
                return (i + others.trailing_zeros() as usize).min(bytes.len());
            }
            i = self.start + 64;
        }
    }
}

/// The first index from `i` on whose byte is not an ASCII letter or digit
/// (or `bytes.len()`), eight bytes a step: the byte-at-a-time loop, with
/// a mispredicted branch at every word's end, was a third of the
/// tokeniser's time. (Now the tests' reference for [`AlnumWindow`].)
#[cfg(test)]
fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    // A word of one char ("a", "I") ends here: no eight-byte read for it
    // (text that is mostly such words cost more that way).
    if bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric()) {
        return i;
    }
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        let others = !ascii_alnum_u64(x) & crate::swar::HI;
        if others != 0 {
            return i + others.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// The top bit of each byte of `x` that is an ASCII letter or digit.
#[cfg(test)]
#[inline]
fn ascii_alnum_u64(x: u64) -> u64 {
    crate::swar::ascii_letters(x) | crate::swar::ascii_digits(x)
}

/// [`word_flags`] of an ASCII word: for ASCII, `is_uppercase` is
/// `is_ascii_uppercase`.
#[inline]
fn ascii_word_flags(b: &[u8]) -> u8 {
    let mut flags = 0;
    match b.first() {
        Some(f) if f.is_ascii_uppercase() => flags |= CAPITALISED,
        Some(f) if f.is_ascii_digit() => flags |= NUMBER,
        _ => {}
    }
    if b.len() >= 2 && b[1].is_ascii_uppercase() && b[2..].iter().all(u8::is_ascii_uppercase) {
        flags |= ALL_CAPS;
    }
    flags
}

fn word_flags(w: &str) -> u8 {
    let b = w.as_bytes();
    if b.is_ascii() {
        return ascii_word_flags(b);
    }
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    let mut flags = 0;
    if first.is_uppercase() {
        flags |= CAPITALISED;
    }
    if first.is_ascii_digit() {
        flags |= NUMBER;
    }
    let rest = chars.clone();
    if chars.next().is_some() && rest.into_iter().all(char::is_uppercase) {
        flags |= ALL_CAPS;
    }
    flags
}

/// The lowercased forms of the words with an ASCII capital (a fifth of
/// news's words), where a lowercased copy of the whole text was the
/// second-largest part of the peak memory (10 MB of 61 at 10 MB of news).
///
/// Per [`BLOCK_SHIFT`]-byte block of the text, the words with a capital
/// that start in it are copied, folded, as one stretch (from the first's
/// start to the furthest end, the spaces between them too), and `at[b]` is
/// that stretch's place in `side` less the first's start: a word's folded
/// form is one read away, at its own start plus `at[b]` (a wrapping add).
/// A word with no ASCII capital is its own folded form, read from the text.
/// A span over several words ([`Tokens::lower_span`]) is the text itself
/// when it holds no ASCII capital, a stretch of `side` when one block's
/// stretch holds it, and otherwise folded once into `extra`, kept until the
/// stream is dropped (a few names an article).
#[cfg(not(target_arch = "wasm32"))]
pub struct Folded {
    side: String,
    at: Vec<u32>,
    /// Append-only: a reference handed out stays valid while `self` lives.
    /// The thread-safe form (a lock around its vector, taken only to add
    /// one of the few spans an article folds here), so that a stream can be
    /// read by two threads at once ([`crate::analysis::analyze_on_two_threads`]).
    extra: elsa::sync::FrozenVec<Box<str>>,
}

/// How many bytes [`FoldedBuilder::close`] copies at once.
#[cfg(not(target_arch = "wasm32"))]
const STRETCH_COPY: usize = 32;

/// [`Folded`] under construction, fed the tokens as the tokeniser makes
/// them (a second pass over every token, for the fifth with a capital,
/// cost 4M instructions per MB of news).
#[cfg(not(target_arch = "wasm32"))]
struct FoldedBuilder<'t> {
    text: &'t str,
    side: String,
    at: Vec<u32>,
    /// The open stretch: its block, first start and end so far.
    open: Option<(usize, usize, usize)>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'t> FoldedBuilder<'t> {
    fn new(text: &'t str) -> Self {
        FoldedBuilder {
            text,
            // Pages reserved and never written are not resident; what is
            // left over is given back in `finish` (a remap, not a copy, at
            // large sizes).
            side: String::with_capacity(text.len() / 2),
            at: vec![0u32; (text.len() >> BLOCK_SHIFT) + 1],
            open: None,
        }
    }

    /// Copies the word `t` if it has a capital ([`HAS_UPPER`], set by the
    /// tokeniser); tokens come in order.
    #[inline]
    fn add(&mut self, t: Token) {
        if t.flags() & HAS_UPPER != 0 {
            self.add_upper(t.start as usize, t.end());
        }
    }

    /// [`FoldedBuilder::add`] of a word with a capital: out of the
    /// tokeniser's loop.
    #[inline(never)]
    fn add_upper(&mut self, start: usize, end: usize) {
        let b = start >> BLOCK_SHIFT;
        match &mut self.open {
            Some((ob, _, hi)) if *ob == b => *hi = (*hi).max(end),
            open => {
                // The new stretch is opened before the old one is copied,
                // so that the copy is the last step (a rare long one a
                // jump to `push_stretch`, with no registers kept for after).
                if let Some((ob, lo, hi)) = open.replace((b, start, end)) {
                    self.copy_stretch(ob, lo, hi);
                }
            }
        }
    }

    /// Copies the open stretch, if any, to `side`.
    fn close(&mut self) {
        if let Some((b, lo, hi)) = self.open.take() {
            self.copy_stretch(b, lo, hi);
        }
    }

    /// Copies the stretch `lo..hi` of block `b` to `side`.
    ///
    /// A stretch of up to [`STRETCH_COPY`] bytes (most: a block is 32
    /// bytes, and its words with a capital seldom reach far past it) is
    /// copied as that many bytes, a constant-size copy into `side`'s spare
    /// room, of which only the stretch is kept: `push_str` checked both
    /// ends' char boundaries, reserved and called `memcpy`, about 70
    /// instructions a stretch (1.2M on 1 MB of news). Inlined, with the
    /// copy of a longer stretch out of line ([`FoldedBuilder::push_stretch`]):
    /// as a call of its own it saved five registers at every stretch.
    #[inline]
    fn copy_stretch(&mut self, b: usize, lo: usize, hi: usize) {
        let len = self.side.len();
        self.at[b] = (len as u32).wrapping_sub(lo as u32);
        let bytes = self.text.as_bytes();
        debug_assert!(self.text.is_char_boundary(lo) && self.text.is_char_boundary(hi));
        if hi - lo <= STRETCH_COPY
            && lo + STRETCH_COPY <= bytes.len()
            && self.side.capacity() - len >= STRETCH_COPY
        {
            // SAFETY: the source, `lo..lo + STRETCH_COPY`, is inside
            // the text (tested just above); the destination, `len..len
            // + STRETCH_COPY`, is inside `side`'s allocation (its spare
            // room is at least that, tested just above), and the two
            // do not overlap (`side` is its own allocation). Only the
            // first `hi - lo` bytes written are kept (`set_len`, within
            // the capacity): they are the text's `lo..hi`, whose ends
            // are a token's start and a token's end, char boundaries
            // (the tokeniser steps over whole chars; see `lower`), so
            // `side` stays whole chars, valid UTF-8. The rest of the
            // copy is spare room, read by nothing. The test
            // `folded_stretches_are_the_text_copied` compares `side`
            // with stretches copied by `push_str`.
            unsafe {
                let v = self.side.as_mut_vec();
                std::ptr::copy_nonoverlapping(
                    bytes.as_ptr().add(lo),
                    v.as_mut_ptr().add(len),
                    STRETCH_COPY,
                );
                v.set_len(len + (hi - lo));
            }
        } else {
            self.push_stretch(lo, hi);
        }
    }

    /// [`FoldedBuilder::copy_stretch`] of a stretch longer than
    /// [`STRETCH_COPY`] bytes (or near the text's end, or past `side`'s
    /// room): rare, and out of line.
    #[cold]
    #[inline(never)]
    fn push_stretch(&mut self, lo: usize, hi: usize) {
        self.side.push_str(&self.text[lo..hi]);
    }

    fn finish(mut self) -> Folded {
        self.close();
        let mut side = self.side;
        side.make_ascii_lowercase();
        side.shrink_to_fit();
        Folded {
            side,
            at: self.at,
            extra: Default::default(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Folded {
    /// The folded form of `t`, a word with an ASCII capital.
    #[inline]
    ///
    /// Sliced with no bounds or char-boundary checks, as a word with no
    /// capital is ([`Tokens::lower`]; 0.6M instructions on 1 MB of news).
    fn word(&self, t: Token) -> &str {
        let from = self.at[t.start as usize >> BLOCK_SHIFT].wrapping_add(t.start) as usize;
        let to = from + (t.bits >> LEN_SHIFT) as usize;
        debug_assert!(self.side.get(from..to).is_some());
        // SAFETY: `t` is a word with an ASCII capital ([`HAS_UPPER`]: the
        // only tokens `Tokens::lower` asks this of) of the text `self` was
        // built for, by the `FoldedBuilder` that `TokenStream::new` feeds
        // every token it makes, in order. The builder copied the stretch of
        // `t`'s block, from the block's first such word's start to the
        // furthest end of those starting in the block, `t`'s among them,
        // to `side` at `at[b]` plus that start (a wrapping add undone
        // here); the copy is lowercased in ASCII only, which leaves every
        // char boundary where it was. So `from..to` is `t`'s word inside
        // `side`, on char boundaries (a token's ends are the text's). The
        // test `lower_is_the_checked_slice_of_every_word` compares this
        // with the checked slice on every word of texts with capitals,
        // multi-byte chars and over-long words.
        unsafe { self.side.get_unchecked(from..to) }
    }

    fn span<'s>(&'s self, text: &'s str, span: ByteSpan) -> &'s str {
        let words = span.slice(text);
        let bytes = text.as_bytes();
        // A span opening with a capital (most on news: a name, or its
        // surname alone) has one, with no search for it (some 40
        // instructions); any other (an anonymity clause, mostly with none)
        // is searched.
        let opens_capital = bytes.get(span.start()).is_some_and(u8::is_ascii_uppercase);
        if !opens_capital && !has_capital(bytes, span.start(), span.end()) {
            return words;
        }
        // Inside the stretch of the block it starts in?
        if let Some(&at) = self.at.get(span.start() >> BLOCK_SHIFT) {
            let from = at.wrapping_add(span.start() as u32) as usize;
            if let Some(s) = self.side.get(from..from + span.len()) {
                // `side` is all folded: equal but for case is the answer.
                if folds_to(words.as_bytes(), s.as_bytes()) {
                    return s;
                }
            }
        }
        self.extra
            .push_get(words.to_ascii_lowercase().into_boxed_str())
    }
}

/// Whether `words` lowercased in ASCII is `folded` (itself lowercased in
/// ASCII), as `words.eq_ignore_ascii_case(folded)` answers for such a
/// `folded`: eight bytes a step (a capital gains bit 5), where the
/// standard compare went byte by byte (about 220 instructions a
/// [`Folded::span`] on a name's surname).
#[cfg(not(target_arch = "wasm32"))]
#[inline]
fn folds_to(words: &[u8], folded: &[u8]) -> bool {
    use crate::swar::{ascii_capitals, load8};
    if words.len() != folded.len() {
        return false;
    }
    let lower = |x: u64| x | ascii_capitals(x) >> 2;
    let mut w = words.chunks_exact(8);
    let mut f = folded.chunks_exact(8);
    for (a, b) in w.by_ref().zip(f.by_ref()) {
        if lower(load8(a)) != load8(b) {
            return false;
        }
    }
    // The last bytes, zero-padded alike (a zero is no capital).
    lower(load8(w.remainder())) == load8(f.remainder())
}

/// In the page's module, where code size comes first and the page refuses
/// articles over 2 MiB, a lowercased copy of the whole text: the same
/// answers from less code.
#[cfg(target_arch = "wasm32")]
pub struct Folded(String);

/// The page's [`Folded`] reads no token.
#[cfg(target_arch = "wasm32")]
struct FoldedBuilder<'t>(&'t str);

#[cfg(target_arch = "wasm32")]
impl<'t> FoldedBuilder<'t> {
    fn new(text: &'t str) -> Self {
        FoldedBuilder(text)
    }

    #[inline]
    fn add(&mut self, _: Token) {}

    fn finish(self) -> Folded {
        Folded(self.0.to_ascii_lowercase())
    }
}

#[cfg(target_arch = "wasm32")]
impl Folded {
    fn word(&self, t: Token) -> &str {
        t.span().slice(&self.0)
    }

    fn span<'s>(&'s self, _: &'s str, span: ByteSpan) -> &'s str {
        span.slice(&self.0)
    }
}

/// Whether `bytes[start..end]` holds an ASCII capital, eight bytes a step.
#[inline]
fn has_capital(bytes: &[u8], mut start: usize, end: usize) -> bool {
    while start < end {
        let x = match bytes.get(start..start + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])),
            None => {
                let mut eight = [0; 8];
                let rest = &bytes[start..end];
                eight[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(eight)
            }
        };
        let mut capitals = crate::swar::ascii_capitals(x);
        if end - start < 8 {
            capitals &= (1 << (8 * (end - start))) - 1;
        }
        if capitals != 0 {
            return true;
        }
        start += 8;
    }
    false
}

/// The article, tokenised once: every later stage (sources, speakers,
/// hedges) reads words through this stream or a sentence's slice of it.
///
/// Case-insensitive matching reads words ASCII-lowercased ([`Folded`]):
/// `to_ascii_lowercase` never changes a byte's length, so a word's folded
/// form has the word's own offsets, and no non-ASCII letter (a dotted
/// capital I, a Kelvin sign) can move an offset. Word lists are ASCII, so
/// nothing is lost.
pub struct TokenStream<'a> {
    text: &'a str,
    folded: Folded,
    toks: Vec<Token>,
    /// Per [`BLOCK_SHIFT`]-byte block of the text, the index of the first
    /// token starting at or after the block's start: a look-up by offset
    /// is two reads and a scan of at most one block's tokens (the galloping
    /// search from the last look-up it replaces cost about 100
    /// instructions). 64-byte blocks cost 0.9M more instructions per MB of
    /// news.
    blocks: BlockIndex,
    /// The text's [`count_words`], counted as it is tokenised.
    words: usize,
}

/// The block size of [`TokenStream`]'s offset index, as a shift.
const BLOCK_SHIFT: usize = 5;

/// A chunk of [`BlockIndex`] is this many blocks (as a shift): 64 KB of
/// text.
const CHUNK_SHIFT: usize = 16 - BLOCK_SHIFT;

/// The token stream's offset index ([`TokenStream`]'s `blocks`): per
/// block, a token index, kept as a `u16` offset from the value of the
/// first block of its chunk (one `u32` a chunk). 2 bytes per 32 of text,
/// where a `u32` a block was 4 (1.2 MB at 10 MB). The values never
/// decrease, and a block's exceeds its chunk's first block's by at most
/// the number of tokens starting between the two blocks, which is less
/// than the bytes between them, under 64 KB: every offset fits.
struct BlockIndex {
    chunks: Vec<u32>,
    offsets: Vec<u16>,
    /// The last chunk's value, which `push` subtracts (kept here, where
    /// reading it back from `chunks` cost a test of its length a block).
    base: usize,
}

impl BlockIndex {
    fn with_capacity(blocks: usize) -> Self {
        BlockIndex {
            chunks: Vec::with_capacity((blocks >> CHUNK_SHIFT) + 1),
            offsets: Vec::with_capacity(blocks),
            base: 0,
        }
    }

    /// The number of blocks.
    #[inline]
    fn len(&self) -> usize {
        self.offsets.len()
    }

    /// Appends the next block's value, at least the last one's.
    #[inline]
    fn push(&mut self, value: usize) {
        if self.offsets.len() & ((1 << CHUNK_SHIFT) - 1) == 0 {
            self.chunks.push(value as u32);
            self.base = value;
        }
        self.offsets.push(value.wrapping_sub(self.base) as u16);
    }

    /// Block `b`'s value, if there is such a block.
    #[inline]
    fn get(&self, b: usize) -> Option<usize> {
        let offset = *self.offsets.get(b)?;
        let base = *self.chunks.get(b >> CHUNK_SHIFT)?;
        Some(base as usize + offset as usize)
    }
}

/// [`TokenStream::build`]'s offset index and folded words, fed by the
/// tokeniser ([`TokenSink`]): no second pass over the tokens.
struct StreamSink<'t> {
    blocks: BlockIndex,
    /// Block `b` gets the first token starting at or after `b <<
    /// BLOCK_SHIFT`: every block up to a token's start that has none yet
    /// gets it. The start of the first block with no entry yet, kept apart
    /// from the vector: most tokens of the char loop start inside a block
    /// that has one, and are passed over on one compare.
    unfilled: usize,
    folding: FoldedBuilder<'t>,
    /// Whether the processor has the `popcnt` instruction ([`count_ones`]),
    /// asked once per stream.
    #[cfg(target_arch = "x86_64")]
    popcnt: bool,
}

/// `x.count_ones()`, by the `popcnt` instruction when `popcnt` (the
/// processor has it): the x86_64 baseline has no such instruction, and
/// the compiler's count of the bits without it is a dozen instructions
/// (the offset index counts a window's token starts at each block).
#[cfg(target_arch = "x86_64")]
#[inline]
fn count_ones(x: u64, popcnt: bool) -> u32 {
    if popcnt {
        let n: u64;
        // SAFETY: `popcnt` is true only where the processor was found to
        // have the instruction (`is_x86_feature_detected!("popcnt")` in
        // `TokenStream::build`); it reads and writes two registers and the
        // flags, and touches no memory or stack. The test
        // `count_ones_is_the_bit_count` compares it with `u64::count_ones`.
        unsafe {
            std::arch::asm!(
                "popcnt {n}, {x}",
                x = in(reg) x,
                n = lateout(reg) n,
                options(pure, nomem, nostack),
            );
        }
        n as u32
    } else {
        x.count_ones()
    }
}

impl TokenSink for StreamSink<'_> {
    #[inline]
    fn token(&mut self, k: usize, t: Token) {
        self.folding.add(t);
        let start = t.start as usize;
        if start >= self.unfilled {
            while self.blocks.len() << BLOCK_SHIFT <= start {
                self.blocks.push(k);
            }
            self.unfilled = self.blocks.len() << BLOCK_SHIFT;
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn upper(&mut self, start: usize, end: usize) {
        self.folding.add_upper(start, end);
    }

    /// The blocks starting up to `stop` get the index of the first token
    /// at or after their start: `first` and the number of the window's
    /// tokens before it, a count of `starts`' bits (where a test of every
    /// token's start cost more).
    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn window(&mut self, at: usize, first: usize, starts: u64, stop: usize) {
        while self.unfilled <= stop {
            let before = match self.unfilled.checked_sub(at) {
                None | Some(0) => 0,
                Some(off @ 1..64) => starts & ((1 << off) - 1),
                Some(_) => starts,
            };
            self.blocks
                .push(first + count_ones(before, self.popcnt) as usize);
            self.unfilled += 1 << BLOCK_SHIFT;
        }
    }
}

impl<'a> TokenStream<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::build(text, &mut ())
    }

    /// The stream and the lexicons' phrases ([`lexicon::find_phrases`]) in
    /// one pass: the tokeniser hands the phrase search each letter start it
    /// passes, where the search would scan the text again for them.
    pub fn with_phrases(text: &'a str) -> (Self, lexicon::PhraseHits) {
        let mut finder = lexicon::phrase_finder(text);
        let stream = Self::build(text, &mut finder);
        (stream, finder.hits())
    }

    fn build(text: &'a str, letters: &mut impl LetterStarts) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 4 + 1);
        let last_block = text.len() >> BLOCK_SHIFT;
        let mut sink = StreamSink {
            blocks: BlockIndex::with_capacity(last_block + 1),
            unfilled: 0,
            folding: FoldedBuilder::new(text),
            #[cfg(target_arch = "x86_64")]
            popcnt: std::arch::is_x86_feature_detected!("popcnt"),
        };
        let tally = tokens_into(
            text,
            ByteSpan::new(0, text.len()),
            &mut toks,
            &mut sink,
            letters,
        );
        let StreamSink {
            mut blocks,
            folding,
            ..
        } = sink;
        while blocks.len() <= last_block {
            blocks.push(toks.len());
        }
        // The tokens reserve one per 4 bytes; news has about one per 5.
        // Giving the rest back is a remap, not a copy, at the sizes where it
        // matters (6 MB of the peak at 10 MB of news).
        toks.shrink_to_fit();
        let folded = folding.finish();
        let words = toks.len() - tally.puncts + tally.dots - tally.cuts;
        TokenStream {
            text,
            folded,
            toks,
            blocks,
            words,
        }
    }

    /// The number of words in the text, as [`count_words`] counts them:
    /// the word tokens, corrected by what the tokeniser saw as it went
    /// (full stops inside words, words cut into pieces: see `WordTally`),
    /// with no pass of its own over the text.
    pub fn word_count(&self) -> usize {
        self.words
    }

    /// The index of the first token that starts at or after byte `at`:
    /// from the first token of `at`'s block, a scan over that block's.
    fn first_from(&self, at: usize) -> usize {
        let toks = &self.toks;
        // Past the last block every token starts before `at`.
        let Some(first) = self.blocks.get(at >> BLOCK_SHIFT) else {
            return toks.len();
        };
        let mut i = first;
        while i < toks.len() && (toks[i].start as usize) < at {
            i += 1;
        }
        i
    }

    pub fn all(&self) -> Tokens<'_> {
        Tokens {
            text: self.text,
            folded: &self.folded,
            toks: &self.toks,
        }
    }

    /// The index of the first token that starts at or after byte `at`, in
    /// [`TokenStream::all`] (one block index read and a short scan).
    pub fn index_at(&self, at: usize) -> usize {
        self.first_from(at)
    }

    /// The tokens that start inside `span` (two look-ups by offset).
    pub fn within(&self, span: ByteSpan) -> Tokens<'_> {
        let lo = self.first_from(span.start());
        let hi = self.first_from(span.end()).max(lo);
        Tokens {
            text: self.text,
            folded: &self.folded,
            toks: &self.toks[lo..hi],
        }
    }
}

/// A run of the token stream (a sentence, or the whole article), indexed
/// from 0. Out-of-range indices read as "no such word".
///
/// Made only by [`TokenStream::all`] and [`TokenStream::within`]: `toks`
/// are tokens the tokeniser made of `text`, each starting and ending on a
/// char boundary inside it, which [`Tokens::lower`] relies on to slice
/// the text unchecked. So the fields are the crate's own, and nothing
/// assigns them after; a library reads them through [`Tokens::text`] and
/// [`Tokens::toks`].
#[derive(Clone, Copy)]
pub struct Tokens<'a> {
    pub(crate) text: &'a str,
    folded: &'a Folded,
    pub(crate) toks: &'a [Token],
}

impl<'a> Tokens<'a> {
    /// The text the tokens' offsets are in (the normalised article).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The tokens, in text order.
    pub fn toks(&self) -> &'a [Token] {
        self.toks
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Is token `i` a word? ([`Tokens::word`] without slicing the text.)
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    /// Token `i`'s text, if it is a word.
    ///
    /// Sliced unchecked, as [`Tokens::lower`] slices a word with no capital
    /// (0.3M instructions on 1 MB of news).
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        let (start, end) = (t.start as usize, t.end());
        debug_assert!(self.text.get(start..end).is_some());
        // SAFETY: as in `Tokens::lower`: `t` is a token the tokeniser made
        // of `self.text`, which starts and ends on char boundaries inside
        // it. Covered by the same test.
        t.is_word()
            .then(|| unsafe { self.text.get_unchecked(start..end) })
    }

    /// Token `i`'s text with ASCII letters lowercased, if it is a word: the
    /// form every word list is matched against.
    ///
    /// A word with no ASCII capital (four words in five) is its own text,
    /// sliced with no bounds or char-boundary checks: they cost about ten
    /// instructions a word, and this is read some 170,000 times on 1 MB
    /// of news (1.1M instructions). See the `SAFETY` note. A word with a
    /// capital is read from the folded copy, unchecked too (`Folded::word`).
    // Always inlined natively (2M fewer instructions on 1 MB of news); in
    // the page's module, where size comes first, as the compiler decides.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn lower(&self, i: usize) -> Option<&'a str> {
        let t = *self.toks.get(i)?;
        if cfg!(target_arch = "wasm32") {
            return t.is_word().then(|| self.folded.word(t));
        }
        match t.flags() & (WORD | HAS_UPPER) {
            WORD => {
                let (start, end) = (t.start as usize, t.end());
                debug_assert!(self.text.get(start..end).is_some());
                // SAFETY: `t` is one of the tokens the tokeniser made of
                // `self.text` (a `Tokens` is made only by `TokenStream`,
                // from its own text and tokens, and its fields are not
                // assigned after: see the type's doc), and every token
                // starts and ends on a char boundary inside its text: the
                // tokeniser steps over whole chars, and cuts a word longer
                // than `MAX_TOKEN_LEN` at char boundaries. The test
                // `lower_is_the_checked_slice_of_every_word` compares this
                // with the checked slice on every token of texts with
                // multi-byte chars and over-long words.
                Some(unsafe { self.text.get_unchecked(start..end) })
            }
            0 => None,
            _ => Some(self.folded.word(t)),
        }
    }

    /// Token `i`'s first byte with bit 5 set (an ASCII letter lowercased),
    /// 0 past the last token: a few instructions, for a rule to rule out
    /// most words before [`Self::lower`] reads one ("or", "while").
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn first_letter(&self, i: usize) -> u8 {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span().start()))
            .map_or(0, |&b| b | 0x20)
    }

    /// Any span of the text with ASCII letters lowercased (same offsets).
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn lower_span(&self, span: ByteSpan) -> &'a str {
        self.folded.span(self.text, span)
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        match self.toks.get(i) {
            Some(&t) if !t.is_word() => {
                // Bytes, not chars: where this is inlined, `c` is a constant
                // and its encoding too.
                let rest = self.text.as_bytes().get(t.start as usize..);
                rest.unwrap_or_default()
                    .starts_with(c.encode_utf8(&mut [0; 4]).as_bytes())
            }
            _ => false,
        }
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_capitalised)
    }

    /// Calls `f` with the index of every token that is
    /// [`Token::is_capitalised_not_caps`], in order: for a pass over every
    /// token of an article that wants only those (one in eight of news's).
    ///
    /// On x86_64 the bytes holding the tokens' flags are tested 16 or 32
    /// at once (SSE2 or AVX2: see [`capitalised_sse2`]) and only the tokens
    /// found are visited, where a test of each token's flags cost about
    /// five instructions (1.0M on 1 MB of news).
    #[inline]
    pub(crate) fn each_capitalised_not_caps(&self, f: impl FnMut(usize)) {
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        let avx2 = false;
        self.each_capitalised_not_caps_with(avx2, f);
    }

    /// [`Tokens::each_capitalised_not_caps`], with AVX2 when `avx2` (which
    /// must be so only where the processor has it) and else SSE2 on
    /// x86_64; the tests run both.
    #[inline(always)]
    fn each_capitalised_not_caps_with(&self, avx2: bool, mut f: impl FnMut(usize)) {
        let toks = self.toks;
        #[cfg(target_arch = "x86_64")]
        let done = {
            // SAFETY: `Token` is `repr(C, packed(2))` with a `u32` and a
            // `u16`: six bytes and no padding, all of them initialised, so
            // the tokens' memory is `size_of_val(toks)` readable bytes,
            // borrowed as long as `toks` is and never written while
            // borrowed (a shared borrow). `u8` has alignment 1. The test
            // `each_capitalised_not_caps_is_the_flag_test_of_each_token`
            // compares the answers with `is_capitalised_not_caps` on every
            // token.
            let bytes: &[u8] = unsafe {
                std::slice::from_raw_parts(toks.as_ptr().cast::<u8>(), std::mem::size_of_val(toks))
            };
            if avx2 {
                // SAFETY: `avx2` is true only where the processor has AVX2.
                unsafe { capitalised_avx2(bytes, &mut f) }
            } else {
                capitalised_sse2(bytes, &mut f)
            }
        };
        #[cfg(not(target_arch = "x86_64"))]
        let done = {
            let _ = avx2;
            0
        };
        for (i, t) in toks.iter().enumerate().skip(done) {
            if t.is_capitalised_not_caps() {
                f(i);
            }
        }
    }

    /// Is token `i` a word that starts with a digit ("409", "2016", the
    /// "1" of "1,409")? Read off the token's flag, where slicing the word
    /// to test its first byte cost a few instructions more.
    #[inline]
    pub fn is_number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_number)
    }

    /// A full stop that belongs to the word before it (Dr., U.S., J.).
    pub fn is_abbreviation_dot(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_abbreviation_dot)
    }

    /// The span from token `from` to token `to_inclusive`.
    pub fn span(&self, from: usize, to_inclusive: usize) -> ByteSpan {
        ByteSpan::new(
            self.toks[from].span().start(),
            self.toks[to_inclusive].span().end(),
        )
    }

    /// The index of the token that starts at byte `at`, if any.
    pub fn starting_at(&self, at: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| (t.start as usize) < at);
        (self.toks.get(i)?.span().start() == at).then_some(i)
    }

    /// The index of the token that ends at byte `at`, if any.
    pub fn ending_at(&self, at: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end() < at);
        (self.toks.get(i)?.span().end() == at).then_some(i)
    }

    /// The index of the first token that starts at or after byte `at`.
    pub fn first_from(&self, at: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < at)
    }

    /// Token `i`'s kind: a word, or which punctuation character.
    pub fn kind(&self, i: usize) -> TokenKind {
        self.toks[i].kind(self.text)
    }
}

/// The byte size of a [`Token`], and where its flags' byte is: `bits`'
/// low byte, first in memory (x86_64 is little-endian).
#[cfg(target_arch = "x86_64")]
const TOKEN_SIZE: usize = std::mem::size_of::<Token>();
#[cfg(target_arch = "x86_64")]
const FLAGS_AT: usize = std::mem::offset_of!(Token, bits);

/// One bit per flags' byte of `n` tokens' bytes that falls in the 64
/// bytes from byte `from`: bit `p - from` for the byte at `p`.
#[cfg(target_arch = "x86_64")]
const fn flag_bits(n: usize, from: usize) -> u64 {
    let mut m = 0;
    let mut k = 0;
    while k < n {
        let p = k * TOKEN_SIZE + FLAGS_AT;
        if p >= from && p < from + 64 {
            m |= 1 << (p - from);
        }
        k += 1;
    }
    m
}

/// Calls `f` with the index of each token of `bytes` (the tokens'
/// memory) that is [`Token::is_capitalised_not_caps`], eight tokens (48
/// bytes) a step, and returns how many tokens it read (the rest, under
/// eight, are the caller's). SSE2: every byte is tested, 16 at once, and
/// the flags' bytes' answers are kept.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn capitalised_sse2(bytes: &[u8], f: &mut impl FnMut(usize)) -> usize {
    use std::arch::x86_64::*;
    const FLAGS: u64 = flag_bits(8, 0);
    let mut done = 0;
    for chunk in bytes.chunks_exact(8 * TOKEN_SIZE) {
        let mut m = 0u64;
        for q in 0..3 {
            // SAFETY: SSE2 is part of the x86_64 baseline, and the
            // unaligned load reads bytes 16q..16q + 16 of a chunk of 48
            // (q < 3).
            unsafe {
                let v = _mm_loadu_si128(chunk.as_ptr().add(16 * q).cast::<__m128i>());
                let flags = _mm_and_si128(v, _mm_set1_epi8((CAPITALISED | ALL_CAPS) as i8));
                let hit = _mm_cmpeq_epi8(flags, _mm_set1_epi8(CAPITALISED as i8));
                m |= u64::from(_mm_movemask_epi8(hit) as u16) << (16 * q);
            }
        }
        let mut hits = m & FLAGS;
        while hits != 0 {
            let b = hits.trailing_zeros() as usize;
            hits &= hits - 1;
            f(done + (b - FLAGS_AT) / TOKEN_SIZE);
        }
        done += 8;
    }
    done
}

/// [`capitalised_sse2`] with AVX2, 16 tokens (96 bytes, three loads) a
/// step. (A call per step to an AVX2 test of its bytes, with the loop and
/// the work per token found outside, cost 0.08M more on 1 MB of news.)
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn capitalised_avx2(bytes: &[u8], f: &mut impl FnMut(usize)) -> usize {
    use std::arch::x86_64::*;
    // Tokens 0 to 9 have their flags' bytes in the first 64 bytes, 10
    // to 15 in the last 32.
    const FIRST_64: u64 = flag_bits(16, 0);
    const LAST_32: u64 = flag_bits(16, 64);
    let mut done = 0;
    for chunk in bytes.chunks_exact(16 * TOKEN_SIZE) {
        let mask = |at: usize| -> u64 {
            // SAFETY: an unaligned load of bytes at..at + 32 of a chunk of
            // 96 (at ≤ 64); the processor has AVX2 (the caller's promise).
            unsafe {
                let v = _mm256_loadu_si256(chunk.as_ptr().add(at).cast::<__m256i>());
                let flags = _mm256_and_si256(v, _mm256_set1_epi8((CAPITALISED | ALL_CAPS) as i8));
                let hit = _mm256_cmpeq_epi8(flags, _mm256_set1_epi8(CAPITALISED as i8));
                u64::from(_mm256_movemask_epi8(hit) as u32)
            }
        };
        let low = (mask(0) | mask(32) << 32) & FIRST_64;
        let high = mask(64) & LAST_32;
        for (mut hits, from) in [(low, 0), (high, 64)] {
            while hits != 0 {
                let b = from + hits.trailing_zeros() as usize;
                hits &= hits - 1;
                f(done + (b - FLAGS_AT) / TOKEN_SIZE);
            }
        }
        done += 16;
    }
    done
}

/// Strips a possessive ’s or 's (either apostrophe) from a lowercased word.
pub fn strip_possessive(w: &str) -> &str {
    let mut w = w;
    loop {
        match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            Some(rest) => w = rest,
            None => return w,
        }
    }
}

/// Does the lower-case word `w` read as an -ing form, a participle or a
/// gerund ("saying", "warning", "following")? At least three bytes before
/// "ing": shorter ones are mostly other words ("king", "thing", "bring",
/// "sing"). Prepositions such as "during" or "including" pass; callers
/// that care rule them out. The source and speaker finders' test.
pub fn is_ing_word(w: &str) -> bool {
    ends_in_ing_after(w, 3)
}

/// [`is_ing_word`] that also takes the short -ing forms of two-letter
/// verbs ("being", "doing", "going"), and so some other words ("thing",
/// "bring"; not "sing", "ring"): the hedge rules' test, where the word
/// read is one after a verb or a modal's object ("could be *doing*").
pub fn is_short_ing_word(w: &str) -> bool {
    ends_in_ing_after(w, 2)
}

/// Does `w` end in "ing" with at least `stem` bytes before it?
fn ends_in_ing_after(w: &str, stem: usize) -> bool {
    w.len() >= stem + 3 && w.ends_with("ing")
}

/// Does a lowercased word end in a possessive ’s or 's?
pub fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// Is a lowercased word a personal pronoun in the subject case ("i",
/// "you", "he", "she", "it", "we", "they")?
#[inline]
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "i" | "you" | "he" | "she" | "it" | "we" | "they")
}

/// Is a lowercased word a personal pronoun in the object case, the one
/// told or asked ("me", "us", "him", "her", "them", "you": "tell us what",
/// "asked them how")?
#[inline]
pub fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "me" | "us" | "him" | "her" | "them" | "you")
}

/// Counts words the way a reader would: runs of letters and digits joined by
/// apostrophes or hyphens count once.
///
/// A word char starts a new word unless the char before it is a word char,
/// or is a joiner (' ’ -) that itself follows a word char. The rule looks two
/// chars back at most, so it runs on bit masks, one bit a byte, 64 bytes at a
/// time; in a block with non-ASCII bytes only those chars are decoded.
///
/// `analyze` does not run this pass: the token stream counts the same words
/// as it is built ([`TokenStream::word_count`], tested against this).
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    // From the block before: its last char was a word char; its last char
    // was a joiner that followed a word char.
    let mut in_word = false;
    let mut joined = false;
    let mut i = 0;
    while i < bytes.len() {
        let block = &bytes[i..bytes.len().min(i + 64)];
        let m = ByteMasks::of(block);
        let mut word = m.alnum;
        let mut len = block.len();
        // First bytes of ’, a joiner of three bytes.
        let mut curly = 0u64;
        let mut high = m.high;
        while high != 0 {
            // Always a char's first byte: each char's bytes are cleared.
            let k = high.trailing_zeros() as usize;
            let c = text[i + k..].chars().next().unwrap_or(' ');
            let n = c.len_utf8();
            if k + n > len {
                len = k; // the char runs past the block: leave it to the next
                break;
            }
            let bits = ((1u64 << n) - 1) << k;
            if is_word_char_fast(c) {
                word |= bits;
            } else if c == '’' {
                curly |= 1 << k;
            }
            high &= !bits;
        }
        let keep = if len == 64 { u64::MAX } else { (1 << len) - 1 };
        word &= keep;
        let word_before = (word << 1) | u64::from(in_word);
        // Joiners that follow a word char, marked on their last byte.
        let joiner = (m.joiner & keep & word_before) | ((curly & word_before) << 2);
        let joined_before = (joiner << 1) | u64::from(joined);
        count += (word & !word_before & !joined_before).count_ones() as usize;
        in_word = (word >> (len - 1)) & 1 == 1;
        joined = (joiner >> (len - 1)) & 1 == 1;
        i += len;
    }
    count
}

/// Calls `f` with every byte offset where a run of ASCII letters starts that
/// is not preceded by an ASCII letter or digit, in order, 64 bytes at a time
/// on bit masks. `f` returns the offset to go on from (at least the one it
/// was given plus one), so a caller can skip what it has matched.
pub(crate) fn for_each_letter_start(text: &str, mut f: impl FnMut(usize) -> usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Was the byte before the block an ASCII letter or digit?
    let mut carry = 0u64;
    let mut skip_to = 0;
    while i < bytes.len() {
        let block = &bytes[i..bytes.len().min(i + 64)];
        let m = ByteMasks::of(block);
        let mut starts = m.alnum & !((m.alnum << 1) | carry);
        carry = (m.alnum >> (block.len() - 1)) & 1;
        while starts != 0 {
            let at = i + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if at >= skip_to && bytes[at].is_ascii_alphabetic() {
                skip_to = f(at);
            }
        }
        i += block.len();
        if skip_to > i {
            // A match ran past the block: restart at its end, with the
            // byte before it as the carry.
            i = skip_to;
            carry = u64::from(i > 0 && i <= bytes.len() && bytes[i - 1].is_ascii_alphanumeric());
        }
    }
}

/// [`is_word_char`] without the Unicode table look-up for the punctuation
/// of news copy: General Punctuation (U+2000–U+206F: curly quotes, dashes,
/// ellipsis, invisible spaces) has no letter or digit, and the table look-up
/// costs a few hundred instructions a char.
fn is_word_char_fast(c: char) -> bool {
    match c as u32 {
        0..0x80 => c.is_ascii_alphanumeric(),
        0x2000..=0x206F => false,
        _ => is_word_char(c),
    }
}

/// One bit a byte for up to 64 bytes: ASCII letters and digits, the ASCII
/// joiners `'` and `-`, and non-ASCII bytes.
#[derive(Debug, PartialEq, Eq)]
struct ByteMasks {
    alnum: u64,
    joiner: u64,
    high: u64,
    /// ASCII capitals.
    upper: u64,
}

impl ByteMasks {
    fn of(block: &[u8]) -> Self {
        #[cfg(target_arch = "x86_64")]
        if let Ok(block) = <&[u8; 64]>::try_from(block) {
            return Self::of_64(block);
        }
        Self::of_portable(block)
    }

    /// [`ByteMasks::of`] a byte at a time, for other targets and short
    /// blocks.
    fn of_portable(block: &[u8]) -> Self {
        let mut m = Self {
            alnum: 0,
            joiner: 0,
            high: 0,
            upper: 0,
        };
        for (k, &b) in block.iter().enumerate() {
            m.alnum |= u64::from(b.is_ascii_alphanumeric()) << k;
            m.joiner |= u64::from(b == b'\'' || b == b'-') << k;
            m.high |= u64::from(b >= 0x80) << k;
            m.upper |= u64::from(b.is_ascii_uppercase()) << k;
        }
        m
    }

    /// The same with SSE2, which every x86_64 processor has: 16 bytes a step.
    #[cfg(target_arch = "x86_64")]
    fn of_64(block: &[u8; 64]) -> Self {
        let mut m = Self {
            alnum: 0,
            joiner: 0,
            high: 0,
            upper: 0,
        };
        for q in 0..4 {
            let v = sse2::lane(block, q);
            let letter = sse2::in_range(sse2::or(v, sse2::splat(0x20)), b'a', 26);
            let digit = sse2::in_range(v, b'0', 10);
            m.alnum |= sse2::bits(sse2::or(letter, digit), q);
            m.joiner |= sse2::bits(sse2::or(sse2::eq(v, b'\''), sse2::eq(v, b'-')), q);
            m.high |= sse2::bits(v, q);
            m.upper |= sse2::bits(sse2::in_range(v, b'A', 26), q);
        }
        m
    }
}

/// The char-by-char scanners this module used before the memchr and bit-mask
/// ones, kept to check that both give the same answers.
#[cfg(test)]
mod reference {
    use super::{char_at, is_word_char, lexicon, ByteSpan};

    /// Tokens of a span of text, in order, a char at a time.
    pub(super) fn tokens(text: &str, span: ByteSpan) -> Vec<super::Token> {
        let mut out: Vec<super::Token> = Vec::with_capacity(span.len() / 4 + 1);
        let s = &text[span.range()];
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                i += 1; // the one space between most tokens
                continue;
            }
            let (c, len) = char_at(s, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !super::is_word_char_fast(c) {
                let span = ByteSpan::new(span.start() + i, span.start() + i + len);
                let abbreviation = c == '.'
                    && out.last().is_some_and(|w| {
                        w.is_word() && w.span().end() == span.start() && {
                            let w = w.span().slice(text);
                            lexicon::is_abbreviation(w)
                                || super::initials_before_name(text, w, span.start())
                                || w.chars().count() == 1 && w.chars().all(char::is_uppercase)
                        }
                    });
                out.push(super::Token::from_span(
                    span,
                    if abbreviation {
                        super::ABBREVIATION_DOT
                    } else {
                        0
                    },
                ));
                i += len;
                continue;
            }
            let start = i;
            i += len;
            loop {
                i = super::ascii_alnum_end(bytes, i);
                // Most words end at a space or ASCII punctuation: no decoding.
                if bytes.get(i).is_some_and(|&b| b == b' ' || b == b',') {
                    break;
                }
                let Some(d) = s[i..].chars().next() else {
                    break;
                };
                if super::is_word_char_fast(d) {
                    i += d.len_utf8();
                } else if matches!(d, '\'' | '’' | '-' | '.') {
                    // Joins only when a word character follows directly, or for a
                    // plural possessive ("the supporters’ trust").
                    let after = s[i + d.len_utf8()..].chars().next();
                    let possessive = d != '-'
                        && d != '.'
                        && bytes[i - 1] == b's'
                        && after.is_none_or(char::is_whitespace);
                    if after.is_some_and(super::is_word_char_fast) || possessive {
                        i += d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(super::Token::from_span(
                ByteSpan::new(span.start() + start, span.start() + i),
                super::WORD | super::word_flags(&s[start..i]),
            ));
        }
        out
    }

    /// Is the `.` at `dot` the end of an abbreviation or an initial?
    fn is_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
        let bytes = text.as_bytes();
        // The word before the dot, with internal dots (U.S, a.m).
        let mut s = dot;
        while s > floor && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
            s -= 1;
        }
        let word = &text[s..dot];
        if word.is_empty() {
            return false;
        }
        if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
            return true; // an initial: J. K. Rowling
        }
        if super::initials_before_name(text, word, dot) {
            return true; // J.R. Smith
        }
        lexicon::is_abbreviation(word)
    }

    /// Paragraph spans, trimmed of surrounding white space; empty ones are skipped.
    pub(super) fn paragraphs(text: &str) -> Vec<ByteSpan> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut push = |s: usize, e: usize| {
            let (s, e) = trim(bytes, s, e);
            if s < e {
                out.push(ByteSpan::new(s, e));
            }
        };
        let mut search = 0;
        while let Some(pos) = find_break(&bytes[search..]) {
            let at = search + pos;
            push(start, at);
            start = at + 2;
            search = start;
        }
        push(start, bytes.len());
        out
    }

    fn find_break(bytes: &[u8]) -> Option<usize> {
        let mut from = 0;
        while let Some(p) = bytes[from..].iter().position(|&b| b == b'\n') {
            let at = from + p;
            if bytes.get(at + 1) == Some(&b'\n') {
                return Some(at);
            }
            from = at + 1;
        }
        None
    }

    fn trim(bytes: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
        while s < e && bytes[s].is_ascii_whitespace() {
            s += 1;
        }
        while e > s && bytes[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        (s, e)
    }

    /// Splits one paragraph into sentences.
    pub(super) fn sentences(text: &str, para: ByteSpan, quotes: &[ByteSpan]) -> Vec<ByteSpan> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut start = para.start();
        let mut q = quotes.partition_point(|s| s.end() <= para.start());
        let mut i = para.start();
        while i < para.end() {
            let b = bytes[i];
            let is_end = matches!(b, b'.' | b'!' | b'?') || bytes[i..].starts_with("…".as_bytes());
            if !is_end {
                i += 1;
                continue;
            }
            let punct_len = if b < 0x80 { 1 } else { '…'.len_utf8() };
            // Closing marks that belong to this sentence.
            let mut j = i + punct_len;
            while j < para.end() {
                let c = text[j..].chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']'
                ) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            if j >= para.end() || bytes[j] != b' ' {
                i = j.max(i + 1);
                continue;
            }
            let next = text[j + 1..para.end()].chars().next().unwrap_or('a');
            let starts_sentence = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '[');
            while q < quotes.len() && quotes[q].end() <= j {
                q += 1;
            }
            let inside_quote = q < quotes.len() && quotes[q].start() < i && j < quotes[q].end();
            if starts_sentence
                && !inside_quote
                && !(b == b'.' && is_abbreviation(text, para.start(), i))
            {
                out.push(ByteSpan::new(start, j));
                start = j + 1;
            }
            i = j;
        }
        if start < para.end() {
            out.push(ByteSpan::new(start, para.end()));
        }
        out
    }

    /// Counts words the way a reader would: runs of letters and digits joined by
    /// apostrophes or hyphens count once.
    pub(super) fn count_words(text: &str) -> usize {
        let bytes = text.as_bytes();
        let mut count = 0;
        let mut in_word = false;
        let mut joiner = false;
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = char_at(text, i);
            i += len;
            if is_word_char(c) {
                if !in_word && !joiner {
                    count += 1;
                }
                in_word = true;
                joiner = false;
                // The rest of an ASCII word in one go.
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
            } else if in_word && matches!(c, '\'' | '’' | '-') {
                joiner = true;
                in_word = false;
            } else {
                in_word = false;
                joiner = false;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {

    /// The two -ing tests are the two length thresholds the source finder
    /// (more than five bytes) and the hedge rules (more than four) used.
    #[test]
    fn ing_words_by_their_stems() {
        for w in [
            "", "ing", "sing", "king", "being", "doing", "thing", "saying", "during", "ingot",
            "sings", "abcding", "é-ing", "éing",
        ] {
            assert_eq!(
                super::is_ing_word(w),
                w.len() > 5 && w.ends_with("ing"),
                "{w}"
            );
            assert_eq!(
                super::is_short_ing_word(w),
                w.len() > 4 && w.ends_with("ing"),
                "{w}"
            );
        }
        assert!(super::is_short_ing_word("being") && !super::is_ing_word("being"));
    }

    /// `folds_to` answers as `eq_ignore_ascii_case` against a folded
    /// side: every byte value at every position of words of 0 to 19
    /// bytes, against its own fold and against folds one byte off.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn folds_to_is_eq_ignore_ascii_case_against_a_fold() {
        for len in 0..20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut w: Vec<u8> = b"OkaforSaidTHE qUIet\xe2"
                        .iter()
                        .copied()
                        .take(len)
                        .collect();
                    w[at] = b;
                    let folded = w.to_ascii_lowercase();
                    assert!(folds_to(&w, &folded), "{w:?}");
                    for c in [b'a', b'A', b' ', 0, 0x80, 0xff, b.wrapping_add(32)] {
                        let mut f = folded.clone();
                        f[at] = c.to_ascii_lowercase();
                        assert_eq!(folds_to(&w, &f), w.eq_ignore_ascii_case(&f), "{w:?} {f:?}");
                    }
                }
            }
            let w = vec![b'Q'; len];
            let shorter = vec![b'q'; len.saturating_sub(1)];
            assert_eq!(folds_to(&w, &shorter), len == 0);
        }
    }

    #[test]
    fn ascii_alnum_u64_marks_exactly_the_ascii_letters_and_digits() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"aZ\xff@[`{0";
                w[at] = b;
                let want = w.iter().enumerate().fold(0u64, |m, (k, c)| {
                    m | u64::from(c.is_ascii_alphanumeric()) << (8 * k + 7)
                });
                assert_eq!(
                    ascii_alnum_u64(u64::from_le_bytes(w)),
                    want,
                    "{b:#x} at {at}"
                );
                for from in 0..8 {
                    let end = (from..8)
                        .find(|&k| !w[k].is_ascii_alphanumeric())
                        .unwrap_or(8);
                    assert_eq!(ascii_alnum_end(&w, from), end);
                }
            }
        }
    }

    use super::*;

    /// [`Tokens::lower`] and [`Tokens::word`] slice a word unchecked (see
    /// their `SAFETY` notes): on every token, whole stream and sentences,
    /// they must give the checked slice (lowercased for `lower`).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn folded_stretches_are_the_text_copied() {
        // `side` as `push_str` built it: per block, from the first word
        // with a capital starting in it to the furthest end of those.
        fn by_push(text: &str) -> String {
            let mut side = String::new();
            let mut open: Option<(usize, usize, usize)> = None;
            let stream = TokenStream::new(text);
            for t in stream.toks.iter().filter(|t| t.flags() & HAS_UPPER != 0) {
                let (start, end) = (t.start as usize, t.end());
                match &mut open {
                    Some((b, _, hi)) if *b == start >> BLOCK_SHIFT => *hi = (*hi).max(end),
                    _ => {
                        if let Some((_, lo, hi)) = open {
                            side.push_str(&text[lo..hi]);
                        }
                        open = Some((start >> BLOCK_SHIFT, start, end));
                    }
                }
            }
            if let Some((_, lo, hi)) = open {
                side.push_str(&text[lo..hi]);
            }
            side.make_ascii_lowercase();
            side
        }
        let long = "É".repeat(40);
        let texts = [
            "Ana Ruiz met Bo Li in Lyon, then NATO and the UN, Mr X.".to_string(),
            format!("{} Aé Bü Cö {long} Dx{long}Y Z", "Ab cd ".repeat(30)),
            format!("{}QQ", "x ".repeat(40)),
            "É".to_string(),
            "A".repeat(33),
            "Zz ".repeat(200),
        ];
        for text in &texts {
            let stream = TokenStream::new(text);
            assert_eq!(stream.folded.side, by_push(text), "{text:?}");
        }
    }

    /// Every flag combination and the low bits of every length, in runs
    /// of every size around a step of eight, and the tokens of real text.
    #[test]
    fn each_capitalised_not_caps_is_the_flag_test_of_each_token() {
        let empty = TokenStream::new("");
        let check = |toks: &[Token]| {
            let all = Tokens {
                text: "",
                folded: &empty.folded,
                toks,
            };
            let want: Vec<usize> = (0..toks.len())
                .filter(|&i| toks[i].is_capitalised_not_caps())
                .collect();
            let mut found = Vec::new();
            all.each_capitalised_not_caps(|i| found.push(i));
            assert_eq!(found, want, "{toks:?}");
            found.clear();
            all.each_capitalised_not_caps_with(false, |i| found.push(i));
            assert_eq!(found, want, "{toks:?}");
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                found.clear();
                all.each_capitalised_not_caps_with(true, |i| found.push(i));
                assert_eq!(found, want, "{toks:?}");
            }
        };
        let mut toks = Vec::new();
        for k in 0..300usize {
            let flags = (k * 7 % 64) as u8;
            let len = k % 5 + (k % 3) * 64;
            toks.push(Token::from_span(ByteSpan::new(k * 3, k * 3 + len), flags));
        }
        for n in 0..70 {
            check(&toks[..n]);
            check(&toks[n..]);
        }
        check(&toks);
        let text = "Okafor told NHS chiefs in É on Monday: “We’ll see.” A. B. Cole, x. Dr. \
                    Ana Ruiz-Okafor and McDonald’s met ÉLAN; Zoë said Ünal agreed.";
        let stream = TokenStream::new(text);
        for from in 0..stream.toks.len() {
            check(&stream.toks[from..]);
        }
    }

    #[test]
    fn lower_is_the_checked_slice_of_every_word() {
        let long = "é".repeat(700) + "x" + &"ü".repeat(600);
        let texts = [
            "“We will not sign,” said Dr. Ana Ruiz-Okafor, the city’s treasurer.".to_string(),
            "naïve café owners’ rôle — 3.5 per cent, U.S. officials said…  ¿qué?".to_string(),
            format!("Ms {long} said {long}! Then {}.", "a".repeat(2000)),
            "a\u{a0}b\tc 日本語の文 emoji 🎉🎉 ok; l'été D'Arcy O’Neill".to_string(),
            format!(
                "{} X{long} É{}Q, NHS. McDonald’s",
                "Ab".repeat(800),
                "É".repeat(9)
            ),
            String::new(),
            "x".to_string(),
        ];
        for text in &texts {
            let stream = TokenStream::new(text);
            let spans = [
                ByteSpan::new(0, text.len()),
                ByteSpan::new(text.len() / 3, text.len()),
                ByteSpan::new(0, text.len() / 2),
            ];
            for span in spans {
                let toks = stream.within(span);
                for i in 0..toks.len() + 2 {
                    let checked = toks.toks.get(i).filter(|t| t.is_word()).map(|t| {
                        text.get(t.span().range())
                            .expect("a token is on char boundaries")
                            .to_ascii_lowercase()
                    });
                    assert_eq!(toks.lower(i).map(str::to_owned), checked, "{text:?} {i}");
                    let word = toks.toks.get(i).filter(|t| t.is_word());
                    let word = word.map(|t| &text[t.span().range()]);
                    assert_eq!(toks.word(i), word, "{text:?} {i}");
                }
            }
        }
    }

    #[test]
    fn the_alnum_window_finds_the_same_ends_as_eight_bytes_a_step() {
        let text = "ab1 x".repeat(3)
            + &"a".repeat(150)
            + " é9z--"
            + &"Q".repeat(64)
            + "!"
            + &"7".repeat(63);
        let bytes = text.as_bytes();
        // Forward, as the tokeniser asks, and in any order.
        let mut w = AlnumWindow::default();
        for i in 0..=bytes.len() {
            assert_eq!(w.end_from(bytes, i), ascii_alnum_end(bytes, i), "at {i}");
        }
        let mut w = AlnumWindow::default();
        for i in (0..=bytes.len()).rev().step_by(7) {
            assert_eq!(w.end_from(bytes, i), ascii_alnum_end(bytes, i), "at {i}");
        }
    }

    fn split(s: &str) -> Vec<&str> {
        let paras = paragraphs(s);
        paras
            .iter()
            .flat_map(|p| sentences(s, *p, &[]))
            .map(|span| span.slice(s))
            .collect()
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_end_sentences() {
        let s = "Mr. Okafor met Dr. Lee and Sen. Ruiz at 9 a.m. on Jan. 5 in St. Louis. J. K. Rowling wrote it. Prices rose 3.5 per cent in the U.S. and the U.K. last year.";
        assert_eq!(
            split(s),
            vec![
                "Mr. Okafor met Dr. Lee and Sen. Ruiz at 9 a.m. on Jan. 5 in St. Louis.",
                "J. K. Rowling wrote it.",
                "Prices rose 3.5 per cent in the U.S. and the U.K. last year."
            ]
        );
    }

    #[test]
    fn a_quote_ending_in_a_full_stop_ends_after_its_closing_mark() {
        let s = "She said: “We will not sign.” The talks ended.";
        assert_eq!(
            split(s),
            vec!["She said: “We will not sign.”", "The talks ended."]
        );
    }

    #[test]
    fn sentences_do_not_break_inside_a_quote() {
        let s = "“We are ready. We will win,” she said. Then she left.";
        let q = [ByteSpan::new(0, s.find(',').unwrap() + ",”".len())];
        let p = paragraphs(s);
        let got: Vec<_> = sentences(s, p[0], &q).iter().map(|x| x.slice(s)).collect();
        assert_eq!(
            got,
            vec!["“We are ready. We will win,” she said.", "Then she left."]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let s = "One.\n\nTwo.\n\n";
        let got: Vec<_> = paragraphs(s).iter().map(|p| p.slice(s)).collect();
        assert_eq!(got, vec!["One.", "Two."]);
    }

    #[test]
    fn words_join_apostrophes_and_hyphens() {
        assert_eq!(
            count_words("Don’t call it a so-called plan, Mr O'Brien."),
            8
        );
    }

    #[test]
    fn whole_words_only() {
        let s = "unlikely likely could’ve could";
        assert!(!is_whole_word(s, ByteSpan::new(2, 8)));
        assert!(is_whole_word(s, ByteSpan::new(9, 15)));
        let could = s.find("could").unwrap();
        assert!(!is_whole_word(s, ByteSpan::new(could, could + 5)));
        let last = s.rfind("could").unwrap();
        assert!(is_whole_word(s, ByteSpan::new(last, last + 5)));
    }

    #[test]
    fn case_folding_never_moves_an_offset() {
        // A dotted capital I lowercases to three bytes and a Kelvin sign to
        // one ASCII "k" under Unicode rules; the stream folds ASCII only.
        let s = "WHO AS\u{212A}ED NOT TO BE NAMED İİİ, Dr. Okafor said";
        let stream = TokenStream::new(s);
        let all = stream.all();
        for i in 0..all.len() {
            if let Some(w) = all.word(i) {
                assert_eq!(all.lower(i).unwrap().len(), w.len(), "{w}");
            }
        }
        assert_eq!(all.lower(0), Some("who"));
        assert_eq!(all.lower(1), Some("as\u{212A}ed"));
        let dot = (0..all.len()).find(|&i| all.is_punct(i, '.')).unwrap();
        assert!(all.is_abbreviation_dot(dot));
        let okafor = stream.within(ByteSpan::new(s.find("Okafor").unwrap(), s.len()));
        assert_eq!(okafor.word(0), Some("Okafor"));
        assert!(okafor.is_capitalised(0));
    }

    #[test]
    fn a_token_is_six_bytes_and_a_long_word_is_cut_at_char_boundaries() {
        assert_eq!(std::mem::size_of::<Token>(), 6);
        let s = "abcéfghij";
        let mut out = Vec::new();
        push_long_word(s, 10, 0, s.len(), 4, &mut out, &mut ());
        let pieces: Vec<&str> = out
            .iter()
            .map(|t| &s[t.span().start() - 10..t.span().end() - 10])
            .collect();
        assert_eq!(pieces, ["abc", "éfg", "hij"]);
        assert!(out.iter().all(Token::is_word));
        let t = Token::new(7, 7 + MAX_TOKEN_LEN, WORD | CAPITALISED);
        assert_eq!(t.span(), ByteSpan::new(7, 7 + MAX_TOKEN_LEN));
        assert!(t.is_word() && t.is_capitalised() && !t.is_all_caps());
    }

    #[test]
    fn within_finds_the_same_tokens_from_any_cursor() {
        let s = "One two, three. Four five six! Seven “eight” nine; ten.";
        let stream = TokenStream::new(s);
        let all = stream.all();
        for a in 0..=s.len() {
            for b in a..=s.len() {
                let want: Vec<Token> = all
                    .toks
                    .iter()
                    .copied()
                    .filter(|t| t.span().start() >= a && t.span().start() < b)
                    .collect();
                assert_eq!(
                    stream.within(ByteSpan::new(a, b)).toks,
                    &want[..],
                    "{a}..{b}"
                );
            }
        }
    }

    #[test]
    fn the_offset_index_holds_across_its_64_kb_chunks() {
        // Dense tokens (one a byte: the largest offsets from a chunk's
        // base), then a run of spaces longer than a chunk, then words.
        let mut s = ".".repeat(70_000);
        s.push_str(&" ".repeat(140_000));
        s.push_str(&"Word, a b. ".repeat(9_000));
        let stream = TokenStream::new(&s);
        let toks = stream.all().toks;
        // Each block's own entry (a scan from too low an entry would still
        // find the right token, slowly), and the look-ups by offset.
        for b in 0..=s.len() >> BLOCK_SHIFT {
            let want = toks.partition_point(|t| (t.start as usize) < b << BLOCK_SHIFT);
            assert_eq!(stream.blocks.get(b), Some(want), "block {b}");
        }
        for at in (0..=s.len() + 40).step_by(7) {
            let want = toks.partition_point(|t| (t.start as usize) < at);
            assert_eq!(stream.index_at(at), want, "at {at}");
        }
    }

    /// The sentence stops' candidates, SSE2 and AVX2, are the stop bytes
    /// on every byte value at every position of a block.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn stop_candidates_are_the_stop_bytes() {
        crate::byte_set::check_set::<Stops>(b"a.b!c?\xe2\x80\xa6 z. Q?! end.");
    }

    #[test]
    fn pushes_stay_within_the_room_reserved() {
        // Windows of the fast path with as many tokens as bytes, or half
        // as many, pushed into vectors with no room of their own (each
        // window reserves its own: `push_reserved`).
        let texts = [
            ",".repeat(300),
            ",a".repeat(150),
            "a ".repeat(150),
            ".-".repeat(150) + " Word",
            "I, a. B; c! ".repeat(40),
        ];
        for s in &texts {
            let all = ByteSpan::new(0, s.len());
            let mut out = Vec::new();
            tokens_into(s, all, &mut out, &mut (), &mut ());
            assert_eq!(out, tokens(s, all), "{s:?}");
            same_as_reference(s);
        }
    }

    fn same_as_reference(s: &str) {
        let paras = paragraphs(s);
        assert_eq!(paras, reference::paragraphs(s), "{s:?}");
        let quotes: Vec<ByteSpan> = crate::quotes::find_quotes(s, &paras)
            .iter()
            .map(|q| q.span)
            .collect();
        for p in &paras {
            assert_eq!(
                sentences(s, *p, &quotes),
                reference::sentences(s, *p, &quotes),
                "{s:?}"
            );
        }
        assert_eq!(count_words(s), reference::count_words(s), "{s:?}");
        let all = ByteSpan::new(0, s.len());
        // The tokeniser also says which words hold an ASCII capital (checked
        // below, through their folded forms).
        let plain = |toks: &[Token]| -> Vec<Token> {
            (toks.iter())
                .map(|&t| Token {
                    bits: t.bits & !u16::from(HAS_UPPER),
                    ..t
                })
                .collect()
        };
        assert_eq!(plain(&tokens(s, all)), reference::tokens(s, all), "{s:?}");
        let (stream, hits) = TokenStream::with_phrases(s);
        assert_eq!(plain(stream.all().toks), reference::tokens(s, all), "{s:?}");
        assert_eq!(stream.word_count(), reference::count_words(s), "{s:?}");
        assert_eq!(TokenStream::new(s).word_count(), count_words(s), "{s:?}");
        // Every word's folded form, and every run of words', is the
        // lowercased text's.
        let (lowered, toks) = (s.to_ascii_lowercase(), stream.all());
        for (i, t) in toks.toks.iter().enumerate() {
            let want = t.is_word().then(|| t.span().slice(&lowered));
            assert_eq!(toks.lower(i), want, "{s:?} token {i}");
            for u in &toks.toks[i..] {
                let span = ByteSpan::new(t.span().start(), u.span().end());
                assert_eq!(toks.lower_span(span), span.slice(&lowered), "{s:?}");
            }
        }
        let want = lexicon::find_phrases(s);
        assert_eq!(hits.hedges, want.hedges, "{s:?}");
        assert_eq!(hits.verbs, want.verbs, "{s:?}");
        assert_eq!(hits.vague_phrases, want.vague_phrases, "{s:?}");
        assert_eq!(hits.anonymity_clauses, want.anonymity_clauses, "{s:?}");
        for at in 0..=s.len() + 40 {
            let want = stream
                .all()
                .toks
                .partition_point(|t| (t.start as usize) < at);
            assert_eq!(stream.index_at(at), want, "{s:?} at {at}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        #[test]
        fn the_sse2_masks_agree_with_the_portable_ones(
            block in proptest::collection::vec(proptest::sample::select(vec![
                b'\'', b'-', b'0', b'9', b'/', b':', b'@', b'A', b'Z', b'[', b'`', b'a', b'z',
                b'{', b' ', 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xFF,
            ]), 64),
        ) {
            let array: &[u8; 64] = block.as_slice().try_into().unwrap();
            proptest::prop_assert_eq!(ByteMasks::of_64(array), ByteMasks::of_portable(&block));
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_sse2_masks_agree_on_every_byte_value() {
        let bytes: Vec<u8> = (0..=255).collect();
        for block in bytes.chunks(64) {
            let array: &[u8; 64] = block.try_into().unwrap();
            assert_eq!(ByteMasks::of_64(array), ByteMasks::of_portable(block));
        }
    }

    /// The word before a full stop read eight bytes at once is the one
    /// read a byte at a time: every string of up to 11 bytes from a few
    /// letters, dots and others (a two-byte char among them), at every
    /// floor, for limits below, at and above eight.
    #[test]
    fn the_word_before_a_dot_read_at_once_is_read_by_bytes() {
        let alphabet: [&[u8]; 7] = [b"a", b"Z", b".", b" ", b"/", b"-", b"\xc3\xa9"];
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for s in &last {
                for a in alphabet {
                    let mut t = s.clone();
                    t.extend_from_slice(a);
                    if t.len() <= 11 {
                        next.push(t);
                    }
                }
            }
            strings.extend(next.iter().cloned());
            last = next;
        }
        // And longer runs: letters and dots before a few of them.
        for s in strings.clone().iter().take(400) {
            for pad in [b"abcdefgh".as_slice(), b"a.b.c.d.e", b"xyzxyzxyz ab"] {
                let mut t = pad.to_vec();
                t.extend_from_slice(s);
                strings.push(t);
            }
        }
        for s in &strings {
            let mut text = s.clone();
            text.push(b'.');
            let dot = s.len();
            for floor in 0..=dot {
                for longest in [1, 3, 7, 8, 9, 12] {
                    assert_eq!(
                        word_before_dot(&text, floor, dot, longest),
                        word_before_dot_by_bytes(&text, floor, dot, longest),
                        "{text:?} {floor} {longest}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_abbreviation_keys_agree_with_the_lexicon() {
        let entries = lexicon::ABBREVIATIONS.phrases();
        let others = [
            "No", "no", "said", "U.S", "U.K", "a.m", "p.m", "Gov", "Go", "Minister", "St",
        ];
        for word in entries.chain(others) {
            if !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.') {
                continue;
            }
            let text = format!("{word}. X");
            let want = (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
                || lexicon::is_abbreviation(word);
            assert_eq!(is_abbreviation(&text, 0, word.len()), want, "{word}");
        }
    }

    #[test]
    fn the_fast_word_char_test_agrees_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char_fast(c), is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn the_fast_scanners_agree_with_the_char_by_char_ones() {
        for s in [
            "",
            "\n\n\n",
            "a\n\n\nb\n\n",
            "It… works. “Yes.” No? Wait! Mr. Lee… said so.",
            "don’t-stop a--b a’-b é’s café’ ’’ x’",
            &"word’s so-called 'x' ".repeat(20),
            &"é’a ".repeat(40),
            "The supporters’ trust, the boss' car. U.S. Dr. Lee, J. K. NHS É.A x-  y- -z 3.5",
            "a.\u{85}b \u{A0}é\u{301} Ж’s ÉCOLE Éa 9a a9 '' ’",
            "It may have, according to officials who asked not to be named, said-may é’said x.could 3said said",
            // Words with capitals across the tokeniser's 64-byte windows.
            &"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-éÉxY’Zq ".repeat(5),
            &format!("{} {}Q", "b".repeat(61), "c".repeat(70)),
        ] {
            same_as_reference(s);
        }
    }

    #[test]
    fn the_stream_counts_the_words_of_words_cut_into_pieces() {
        // Words longer than a token holds (the reference tokeniser does
        // not cut them), with full stops and joiners at and about the cuts.
        for s in [
            format!("x {}y U.S", "ab.c-d’e".repeat(400)),
            format!(
                "{}.b {}-c {}’d",
                "a".repeat(1023),
                "a".repeat(1022),
                "é".repeat(600)
            ),
            format!("{}.b {}.c", "a".repeat(1024), "a".repeat(1022)),
            format!("{} {}", "a.".repeat(700), "é.".repeat(500)),
        ] {
            assert_eq!(TokenStream::new(&s).word_count(), count_words(&s));
            assert_eq!(count_words(&s), reference::count_words(&s));
        }
    }

    proptest::proptest! {
        #[test]
        fn whole_words_are_told_as_char_by_char(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "9", " ", "-", "'", "’", ".", ",", "é", "—", "\u{A0}", "\u{301}", "x-",
            ]), 0..12)
        ) {
            let s = v.concat();
            for a in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                for b in (a..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                    let span = ByteSpan::new(a, b);
                    proptest::prop_assert_eq!(is_whole_word(&s, span), is_whole_word_chars(&s, span), "{:?} {:?}", s, span);
                }
            }
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        #[test]
        fn sentence_stops_from_sse2_masks_are_memchr_s(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "word", " ", ".", "!", "?", "…", "\u{E2}", "\u{80}", "\u{A6}", "æ", "Ц",
                "—", "’", "€", "abcdefghijklmnopqrstuvwxyz",
            ]), 0..120)
        ) {
            let p = v.concat();
            let p = p.as_bytes();
            for from in [0, 1, 2, 3] {
                let p = p.get(from..).unwrap_or_default();
                let fast: Vec<usize> = sentence_stops(p).collect();
                let memchr: Vec<usize> = sentence_stops_memchr(p).collect();
                proptest::prop_assert_eq!(fast, memchr);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_scanners_agree_on_any_text(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "“", "”", "\"", "’", "'", "-", "«", "»", "„", "…", ".", "!", "?", ")",
                "a", "Word", "U.S", "Mr", "Minister", "a.m", "J", "3", " ", "  ", "\n", "\n\n", "é", "😀", "—",
                "\u{A0}", "\u{301}", "Ж",
                "s", "'s", "s’", "NHS", "É", "\t", ",", "-", "x-", "\u{2009}", "1", "Dr",
                "said", "SAID", "may", "have", "according", "to", "could", "likely", "asked",
                "not", "be", "named", "officials", "said3", "é-said", "ac’cording",
                "‘", "–", "\u{2018}s", "s’ ", "’s", "Jones’", "\u{2009}’", "’\u{A0}", "\u{201F}",
                "\u{2019}\u{301}",
            ]), 0..200)
        ) {
            same_as_reference(&v.concat());
        }
    }

    proptest::proptest! {
        /// Runs of letters of every length about the fast path's window
        /// (64 bytes, handed on at its last token's start) and the phrase
        /// search's eight-byte keys, at every offset a run of pieces gives:
        /// the tokens, the phrase hits and the rest agree with the char by
        /// char versions, and (in the test build, where the phrase search
        /// asserts it) every run of letters the fast path hands over ends
        /// inside its window.
        #[test]
        fn long_runs_of_letters_across_windows_agree(
            v in proptest::collection::vec((
                proptest::sample::select(vec![
                    "", " ", ".", ", ", "-", "’", "é", "3", " said ", " could ",
                    " according to ", "\n\n", "Ab", "according",
                ]),
                0usize..100,
                proptest::bool::ANY,
            ), 0..12)
        ) {
            let mut s = String::new();
            for (piece, n, upper) in v {
                s.push_str(piece);
                let letter = if upper { "Q" } else { "q" };
                s.push_str(&letter.repeat(n));
            }
            same_as_reference(&s);
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        /// [`left_to_loop`] finds exactly the tokens whose ends the fast
        /// path's loop tested one by one: a mark (of one byte or three)
        /// reaching `limit`, a word whose run (read off the run ends, as
        /// the loop reads it) does not end 4 bytes before it. Each byte of
        /// the window is a word byte, a space, a mark of one byte or the
        /// first of a mark of three (whose two other bytes follow, if they
        /// fit before `limit`).
        #[test]
        fn the_tokens_left_to_the_loop_are_those_a_test_per_token_leaves(
            bytes in proptest::collection::vec(0u8..4, 64),
            limit in 2usize..=64,
        ) {
            let (mut word, mut space, mut punct, mut long, mut cont) = (0u64, 0u64, 0u64, 0u64, 0u64);
            let mut k = 0;
            while k < limit {
                match bytes[k] {
                    0 => word |= 1 << k,
                    1 => space |= 1 << k,
                    2 => punct |= 1 << k,
                    _ if k + 3 <= limit => {
                        punct |= 1 << k;
                        long |= 1 << k;
                        cont |= 0b110 << k;
                        k += 2;
                    }
                    _ => space |= 1 << k,
                }
                k += 1;
            }
            let valid = u64::MAX >> (64 - limit);
            proptest::prop_assert_eq!(word | space | punct | cont, valid);
            let word_starts = word & !(word << 1);
            let ends = !word | 1 << 63;
            let mut want = 0u64;
            let mut starts = word_starts | punct;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let left = if punct >> k & 1 != 0 {
                    let len = if long >> k & 1 != 0 { 3 } else { 1 };
                    k + len >= limit
                } else {
                    let len = (ends >> k).trailing_zeros() as usize;
                    k + len + 4 > limit
                };
                if left {
                    want |= 1 << k;
                }
            }
            proptest::prop_assert_eq!(left_to_loop(word, word_starts, punct, cont, valid), want);
        }
    }

    /// [`count_ones`] by the instruction (where the processor has it) and
    /// without it gives `u64::count_ones`.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn count_ones_is_the_bit_count() {
        let popcnt = std::arch::is_x86_feature_detected!("popcnt");
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for v in [0, 1, u64::MAX, 1 << 63, 0x8000_0000_0000_0001] {
            assert_eq!(count_ones(v, popcnt), v.count_ones());
            assert_eq!(count_ones(v, false), v.count_ones());
        }
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            assert_eq!(count_ones(x, popcnt), x.count_ones(), "{x:#x}");
        }
    }

    /// [`TokenMasks::of_64_avx2`] gives [`TokenMasks::of_64`]'s masks:
    /// every byte value at every position of a block, among blocks of
    /// mixed bytes (where the processor has AVX2).
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx2_masks_are_the_sse2_masks() {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return;
        }
        super::each_block_variant(b"Ab 9'.-\t\r\n\xe2\x80\x99zZ,x", |block| {
            // SAFETY: the processor has AVX2 (tested above).
            let avx2 = unsafe { TokenMasks::of_64_avx2(block) };
            assert_eq!(avx2, TokenMasks::of_64(block), "{block:?}");
        });
    }
}

/// For the tests of a 64-byte block classer against its reference: calls
/// `check` on the block of `pattern` repeated (not empty), then on every
/// variant with one byte set to each of the 256 values at each position
/// (and a second byte, mirrored, set to another value), so every byte
/// value is seen at every position among bytes of mixed classes.
#[cfg(all(test, target_arch = "x86_64"))]
pub(crate) fn each_block_variant(pattern: &[u8], mut check: impl FnMut(&[u8; 64])) {
    let mut block = [0u8; 64];
    for (k, b) in block.iter_mut().enumerate() {
        *b = pattern[k % pattern.len()];
    }
    check(&block);
    for at in 0..64 {
        for b in 0..=255u8 {
            let mut v = block;
            v[at] = b;
            v[63 - at] = b.wrapping_add(at as u8);
            check(&v);
        }
    }
}
