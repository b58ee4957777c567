//! Matching: which terms of the index each query word accepts (exact, prefix, typo, subsequence
//! on keys), and where each query part occurs in an entry.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::{Doc, Index, TermId};
use super::normalise::stem;
use crate::registry::Tier;

/// How well a term of the data stands for a word of the query.
pub(super) const EXACT: f64 = 1.0;
pub(super) const PREFIX: f64 = 0.7;
pub(super) const TYPO_ONE: f64 = 0.6;
pub(super) const TYPO_TWO: f64 = 0.45;
pub(super) const SUBSEQUENCE: f64 = 0.4;

/// How many letters a word of this length may have wrong and still match.
pub(super) fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How strongly a query word accepts each term of the index, by term id: 0.0 for not at all.
#[derive(Debug, Clone)]
pub(super) struct Accepted(Vec<f64>);

impl Accepted {
    pub(super) fn strength(&self, term: TermId) -> f64 {
        self.0.get(term as usize).copied().unwrap_or(0.0)
    }

    pub(super) fn accept(&mut self, term: TermId, strength: f64) {
        if let Some(best) = self.0.get_mut(term as usize) {
            *best = best.max(strength);
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.iter().all(|&s| s == 0.0)
    }
}

/// The letters of a word as a set of 64 buckets. Each edit changes at most two letters of a
/// word's set, so two words whose sets differ in more than twice the typo budget cannot be
/// within it: a check far cheaper than the edit distance it saves.
pub(super) fn letters(word: &str) -> u64 {
    word.chars().fold(0, |set, c| set | 1 << (c as u32 % 64))
}

/// The terms a query word accepts, each with its strength.
pub(super) fn accepted_terms(index: &Index<'_>, word: &str, forgiving: bool) -> Accepted {
    let terms = &index.terms;
    let mut accepted = Accepted(vec![0.0; terms.term_count()]);
    if let Some(term) = terms.stems.get(&stem(&index.stemmer, word)) {
        accepted.accept(term, EXACT);
    }
    if !forgiving {
        return accepted;
    }
    let len = word.chars().count();
    if len >= 4 {
        for (known, (term, _)) in terms.vocabulary.with_prefix(word) {
            if known.len() > word.len() {
                accepted.accept(term, PREFIX);
            }
        }
    }
    let budget = typo_budget(len);
    if budget == 0 {
        return accepted;
    }
    let word_letters = letters(word);
    for (known, (term, _)) in terms.vocabulary.iter() {
        let near = known.len().abs_diff(word.len()) <= budget
            && (letters(known) ^ word_letters).count_ones() as usize <= 2 * budget;
        if near {
            // Optimal string alignment: substitutions, insertions, deletions and swaps of
            // neighbours, the typos people make; far cheaper than full Damerau-Levenshtein.
            match strsim::osa_distance(word, known) {
                0 => accepted.accept(term, EXACT),
                1 => accepted.accept(term, TYPO_ONE),
                d if d <= budget => accepted.accept(term, TYPO_TWO),
                _ => {}
            }
        }
    }
    accepted
}

// ---------------------------------------------------------------------------------------------
/// Where a query part matched in one field.
#[derive(Debug, Clone)]
pub(super) struct Occurrence {
    pub(super) field: usize,
    /// Token positions it covers.
    pub(super) positions: Range<usize>,
    pub(super) span: Range<usize>,
    pub(super) strength: f64,
    /// The words stand in the text, rather than being implied by the glossary.
    pub(super) literal: bool,
}

/// One query part's accepted terms, resolved against the index once per query.
pub(super) struct Matcher {
    /// One for each word of the part.
    pub(super) words: Vec<Accepted>,
    /// The folded word, for subsequence matching on keys (single words only).
    pub(super) single: Option<String>,
}

pub(super) fn occurrences(
    index: &Index<'_>,
    matcher: &Matcher,
    doc: &Doc<'_>,
    fuzzy: &SkimMatcherV2,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let n = matcher.words.len();
    if n == 0 {
        return out;
    }
    for (f, field) in doc.fields.iter().enumerate() {
        let tokens = index.tokens(field);
        for (start, window) in tokens.windows(n).enumerate() {
            let strength = matcher
                .words
                .iter()
                .zip(window)
                .map(|(accepted, token)| accepted.strength(token.term))
                .fold(1.0_f64, f64::min);
            if strength > 0.0 {
                out.push(Occurrence {
                    field: f,
                    positions: start..start + n,
                    span: window[0].span().start..window[n - 1].span().end,
                    strength,
                    literal: true,
                });
            }
        }
        if n == 1 {
            for implied in index.implied(field) {
                let s = matcher.words[0].strength(implied.token.term);
                if s > 0.0 {
                    let pos = implied.pos as usize;
                    out.push(Occurrence {
                        field: f,
                        positions: pos..pos + 1,
                        span: implied.token.span(),
                        strength: s * implied.strength,
                        literal: false,
                    });
                }
            }
        }
        // Subsequence matching only on ids and acronyms, where it means something ("cdw").
        if let Some(word) = &matcher.single
            && field.tier == Tier::Key
            && word.len() >= 3
            && out.iter().all(|o| o.field != f)
            && let Some((_, indices)) = fuzzy.fuzzy_indices(&field.text.to_lowercase(), word)
        {
            let first = indices.first().copied().unwrap_or(0);
            let last = indices.last().copied().unwrap_or(0);
            // The indices are char positions: map them back to bytes for the span.
            let byte = |ci: usize| {
                field
                    .text
                    .char_indices()
                    .nth(ci)
                    .map_or(field.text.len(), |(b, _)| b)
            };
            let end = byte(last + 1);
            out.push(Occurrence {
                field: f,
                positions: 0..1,
                span: byte(first)..end,
                strength: SUBSEQUENCE,
                literal: true,
            });
        }
    }
    out
}
