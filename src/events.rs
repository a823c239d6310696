//! Nested marks as a flat stream of events: [`Event::Start`] of a mark, the
//! [`Event::Text`] inside and between marks, [`Event::End`] of a mark, in
//! text order, like pulldown-cmark's event stream. Every renderer (HTML and
//! terminal reports, the fixture markup, the page) draws from this one walk
//! instead of keeping its own stack of open marks.
//!
//! Marks must come sorted by start, enclosing marks first (the order of
//! [`crate::Analysis::marks`]), and nest or be apart, never cross (which the
//! analysis guarantees). Text events are never empty; their slices
//! concatenate to the walked range of the text exactly.
//!
//! ```
//! use sourcelight::events::{mark_events, Event};
//!
//! let text = "“We could lose,” Okafor said.";
//! let a = sourcelight::analyze(text);
//! let mut html = String::new();
//! for e in mark_events(text, &a.marks, |_| true) {
//!     match e {
//!         Event::Start(id) => html.push_str(&format!("<mark class={}>", a.marks[id].kind.as_str())),
//!         Event::Text(t) => html.push_str(t),
//!         Event::End(_) => html.push_str("</mark>"),
//!     }
//! }
//! assert_eq!(
//!     html,
//!     "<mark class=quote>“We <mark class=hedge>could</mark> lose,”</mark> \
//!      <mark class=named>Okafor said</mark>."
//! );
//! ```
//!
//! To draw a long article in slices (as the page does, a few paragraphs per
//! frame), walk each slice with [`mark_events_in`]: a slice that starts and
//! ends on paragraph boundaries holds whole marks, since no mark crosses a
//! paragraph.

use crate::mark::{Kind, Mark};
use crate::span::ByteSpan;
use std::iter::Peekable;

/// One step of the walk. Ids are whatever the caller numbered its marks
/// with; for [`mark_events`], the index in the analysis's marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A mark opens.
    Start(usize),
    /// Text, inside the innermost open mark (or outside all marks).
    Text(&'a str),
    /// The mark opened by the `Start` with this id closes.
    End(usize),
}

/// The walk over `(id, span)` pairs; see the module doc for the order the
/// marks must come in.
pub struct Events<'a, I: Iterator<Item = (usize, ByteSpan)>> {
    text: &'a str,
    marks: Peekable<I>,
    /// Open marks, innermost last: (end, id).
    open: Vec<(usize, usize)>,
    at: usize,
    end: usize,
}

impl<'a, I: Iterator<Item = (usize, ByteSpan)>> Events<'a, I> {
    /// Walks `range` of `text`; `marks` must lie inside it.
    pub fn new(text: &'a str, range: ByteSpan, marks: I) -> Self {
        Events {
            text,
            marks: marks.peekable(),
            open: Vec::new(),
            at: range.start(),
            end: range.end(),
        }
    }

    fn text_to(&mut self, to: usize) -> Option<Event<'a>> {
        let t = &self.text[self.at..to];
        self.at = to;
        Some(Event::Text(t))
    }
}

impl<'a, I: Iterator<Item = (usize, ByteSpan)>> Iterator for Events<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let next = self.marks.peek().copied();
        // Close the innermost mark if it ends before the next one starts.
        if let Some(&(end, id)) = self.open.last() {
            if next.is_none_or(|(_, span)| end <= span.start()) {
                if self.at < end {
                    return self.text_to(end);
                }
                self.open.pop();
                return Some(Event::End(id));
            }
        }
        if let Some((id, span)) = next {
            if self.at < span.start() {
                return self.text_to(span.start());
            }
            self.marks.next();
            self.open.push((span.end(), id));
            return Some(Event::Start(id));
        }
        if self.at < self.end {
            return self.text_to(self.end);
        }
        None
    }
}

/// The events of an analysis's marks over all of `text`, keeping the marks
/// whose kind `keep` accepts. Ids are indices into `marks`.
pub fn mark_events<'a>(
    text: &'a str,
    marks: &'a [Mark],
    keep: impl Fn(Kind) -> bool + 'a,
) -> Events<'a, impl Iterator<Item = (usize, ByteSpan)> + 'a> {
    mark_events_in(text, marks, ByteSpan::new(0, text.len()), keep)
}

/// The events of the marks that start inside `range`, over that range of
/// `text` only. `range` must not cut a mark: a run of whole paragraphs is
/// safe. Finding the first mark is a binary search, so drawing an article
/// slice by slice stays linear.
pub fn mark_events_in<'a>(
    text: &'a str,
    marks: &'a [Mark],
    range: ByteSpan,
    keep: impl Fn(Kind) -> bool + 'a,
) -> Events<'a, impl Iterator<Item = (usize, ByteSpan)> + 'a> {
    let first = marks.partition_point(|m| m.span.start() < range.start());
    let spans = marks[first..]
        .iter()
        .enumerate()
        .take_while(move |(_, m)| m.span.start() < range.end())
        .filter(move |(_, m)| keep(m.kind))
        .map(move |(i, m)| (first + i, m.span));
    Events::new(text, range, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, spans: &[(usize, usize)], range: ByteSpan) -> String {
        let marks = spans
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| (i, ByteSpan::new(s, e)));
        Events::new(text, range, marks)
            .map(|e| match e {
                Event::Start(i) => format!("<{i}>"),
                Event::Text(t) => t.to_string(),
                Event::End(i) => format!("</{i}>"),
            })
            .collect()
    }

    #[test]
    fn nested_and_adjacent_marks_open_and_close_in_order() {
        let text = "abcdefgh";
        let all = ByteSpan::new(0, 8);
        assert_eq!(
            render(text, &[(0, 4), (1, 2), (4, 6)], all),
            "<0>a<1>b</1>cd</0><2>ef</2>gh"
        );
        assert_eq!(
            render(text, &[(2, 4), (2, 3)], all),
            "ab<0><1>c</1>d</0>efgh"
        );
        assert_eq!(render(text, &[], all), "abcdefgh");
        assert_eq!(render("", &[], ByteSpan::new(0, 0)), "");
    }

    #[test]
    fn a_slice_walks_only_its_own_text() {
        assert_eq!(
            render("ab\n\ncd", &[(4, 5)], ByteSpan::new(4, 6)),
            "<0>c</0>d"
        );
    }

    #[test]
    fn text_events_are_never_empty() {
        let text = "abcd";
        let marks = [(0, ByteSpan::new(0, 2)), (1, ByteSpan::new(2, 4))];
        assert!(
            Events::new(text, ByteSpan::new(0, 4), marks.into_iter()).all(|e| e != Event::Text(""))
        );
    }
}
