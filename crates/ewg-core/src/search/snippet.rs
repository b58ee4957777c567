//! Snippets: the field that shows the matches best, cut around them, with the matches marked.

use std::ops::Range;

use super::index::Doc;
use super::matching::PartOccurrences;
use super::score::PartsIn;
use crate::registry::Tier;

/// A piece of a field's text with the matched words marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    pub field: &'static str,
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// Marks in the title where the title is one of the entry's fields.
pub(super) fn title_marks(doc: &Doc, per_part: PartOccurrences<'_>) -> Vec<Range<usize>> {
    let Some(f) = doc.fields.iter().position(|f| f.text == doc.title) else {
        return Vec::new();
    };
    merge(
        per_part
            .iter()
            .flatten()
            .filter(|o| o.field == f)
            .map(|o| o.span.clone())
            .collect(),
    )
}

/// The field that shows the most query parts, preferring text other than the title and keys,
/// cut to a window around its first match.
/// `parts_in` counts the parts in each field.
pub(super) fn best_snippet(
    doc: &Doc,
    per_part: PartOccurrences<'_>,
    parts_in: &[PartsIn],
) -> Snippet {
    let count = |f: usize| parts_in.get(f).map_or(0, |p| p.any);
    let best = doc
        .fields
        .iter()
        .enumerate()
        .filter(|&(f, _)| count(f) > 0)
        // Most parts first, then prose over titles and keys, then the earliest field.
        .max_by_key(|&(f, field)| {
            (
                count(f),
                field.tier >= Tier::Short && field.text != doc.title,
                std::cmp::Reverse(f),
            )
        });
    let Some((f, _)) = best else {
        return Snippet {
            field: "",
            text: String::new(),
            marks: Vec::new(),
        };
    };
    let field = &doc.fields[f];
    let marks = merge(
        per_part
            .iter()
            .flatten()
            .filter(|o| o.field == f)
            .map(|o| o.span.clone())
            .collect(),
    );
    cut_snippet(field.name, &field.text, marks, SNIPPET_CHARS)
}

pub(super) const SNIPPET_CHARS: usize = 110;

/// Cuts `text` to about `max` characters around its first mark, at word boundaries, with `…`
/// where it was cut, and moves the marks with it.
pub fn cut_snippet(
    field: &'static str,
    text: &str,
    marks: Vec<Range<usize>>,
    max: usize,
) -> Snippet {
    // Counting stops at `max`: a long field is not counted through.
    if text.len() <= max || nth_char_start(text, max).is_none() {
        return Snippet {
            field,
            text: text.to_string(),
            marks,
        };
    }
    let first = marks.first().map_or(0, |m| m.start);
    // Start a little before the first match, at a word boundary.
    let lead = max / 4;
    let mut start = nth_char_back(&text[..first], lead).unwrap_or(0);
    if start > 0 {
        start = text[start..]
            .find(' ')
            .map_or(start, |s| start + s + 1)
            .min(first);
    }
    let mut end = nth_char_start(&text[start..], max).map_or(text.len(), |i| start + i);
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&e| e > first).unwrap_or(end);
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < text.len() { "…" } else { "" };
    let shift = prefix.len();
    let marks = marks
        .into_iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| m.start - start + shift..m.end - start + shift)
        .collect();
    Snippet {
        field,
        text: [prefix, &text[start..end], suffix].concat(),
        marks,
    }
}

/// Where the `n`th character of `text` (counted from 0) starts, or `None` where it has no more
/// than `n`: where the text starts with `n + 1` bytes of plain ASCII, as most does, that is `n`.
fn nth_char_start(text: &str, n: usize) -> Option<usize> {
    let head = &text.as_bytes()[..text.len().min(n.saturating_add(1))];
    if head.len() > n && head.is_ascii() {
        return Some(n);
    }
    text.char_indices().nth(n).map(|(i, _)| i)
}

/// Where the `n`th character from the end of `text` (counted from 0) starts, or `None` where it
/// has no more than `n`: a plain ASCII end is counted in bytes.
fn nth_char_back(text: &str, n: usize) -> Option<usize> {
    let at = text.len().checked_sub(n.saturating_add(1))?;
    if text.as_bytes()[at..].is_ascii() {
        return Some(at);
    }
    text.char_indices().rev().nth(n).map(|(i, _)| i)
}

/// The ranges in order, those that overlap or touch made one.
pub(super) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    ranges.dedup_by(|next, last| {
        let overlaps = next.start <= last.end;
        if overlaps {
            last.end = last.end.max(next.end);
        }
        overlaps
    });
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The ASCII short cuts count characters as `char_indices` does.
        #[test]
        fn characters_are_counted_as_char_indices_counts_them(
            text in "[a-z ’…é]{0,12}",
            n in 0usize..14,
        ) {
            prop_assert_eq!(
                nth_char_start(&text, n),
                text.char_indices().nth(n).map(|(i, _)| i)
            );
            prop_assert_eq!(
                nth_char_back(&text, n),
                text.char_indices().rev().nth(n).map(|(i, _)| i)
            );
        }
    }
}
