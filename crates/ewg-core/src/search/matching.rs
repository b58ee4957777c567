//! Matching: which terms of the index each query word accepts (exact, prefix, typo, subsequence
//! on keys), and where each query part occurs in an entry.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::english::is_common_english;
use super::index::{Doc, Index, TermId};
use super::normalise::{fold, stem};
use super::query::Part;
use crate::registry::Tier;

/// How well a term of the data stands for a word of the query.
pub(super) const EXACT: f64 = 1.0;
pub(super) const PREFIX: f64 = 0.7;
pub(super) const TYPO_ONE: f64 = 0.6;
pub(super) const TYPO_TWO: f64 = 0.45;
pub(super) const SUBSEQUENCE: f64 = 0.4;
/// How surely a synonym from the table stands for the word typed: exact words rank above it.
pub(super) const SYNONYM: f64 = 0.8;

/// How many letters a word of this length may have wrong and still match.
pub(super) fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The terms a query word accepts, each with how strongly, sorted by term id. A word accepts a
/// handful of the index's thousands of terms: a table of them all, made for every word and
/// synonym of a query, had cost more than finding their occurrences (BENCHMARKS.md).
#[derive(Debug, Clone, Default)]
pub(super) struct Accepted(Vec<(TermId, f64)>);

impl Accepted {
    /// How strongly `term` is accepted: 0.0 for not at all.
    pub(super) fn strength(&self, term: TermId) -> f64 {
        match self.0.binary_search_by_key(&term, |&(t, _)| t) {
            Ok(i) => self.0[i].1,
            Err(_) => 0.0,
        }
    }

    /// Accepts `term` at least this strongly.
    pub(super) fn accept(&mut self, term: TermId, strength: f64) {
        match self.0.binary_search_by_key(&term, |&(t, _)| t) {
            Ok(i) => self.0[i].1 = self.0[i].1.max(strength),
            Err(i) => self.0.insert(i, (term, strength)),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn terms(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|&(term, _)| term as usize)
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
    let mut accepted = Accepted::default();
    // A word of the data has its term (its stem's) in the vocabulary: stemming, which costs more
    // than the rest of a word's matching, is left for the words the data does not have.
    let (exact, stemmed) = match terms.vocabulary.get(word) {
        Some((term, _)) => (Some(term), None),
        None => {
            let stemmed = stem(&index.stemmer, word);
            (terms.stems.get(&stemmed), Some(stemmed))
        }
    };
    if let Some(term) = exact {
        accepted.accept(term, EXACT);
    }
    // Numbers and years match as they are: `2018` is not a typo of `2016`, nor `120` the start
    // of `1200`.
    if !forgiving || word.chars().any(|c| c.is_ascii_digit()) {
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
    // A word the data has is not a typo of another (`detention` is not `attention`), nor is a
    // common English word (`mother` is not `other`).
    let budget = typo_budget(len);
    if budget == 0
        || exact.is_some()
        || stemmed
            .as_deref()
            .is_some_and(|stemmed| is_common_english(word, stemmed))
    {
        return accepted;
    }
    let word_letters = letters(word);
    for (known, (term, _)) in terms.vocabulary.iter() {
        let near = known.len().abs_diff(word.len()) <= budget
            && (letters(known) ^ word_letters).count_ones() as usize <= 2 * budget;
        if near {
            // Optimal string alignment: substitutions, insertions, deletions and swaps of
            // neighbours, the typos people make; far cheaper than full Damerau-Levenshtein.
            // Two slips rarely include the first letter: `citation` is a word of its own, not
            // a typo of `situation`.
            let same_start = known.chars().next() == word.chars().next();
            match strsim::osa_distance(word, known) {
                0 => accepted.accept(term, EXACT),
                1 => accepted.accept(term, TYPO_ONE),
                d if d <= budget && same_start => accepted.accept(term, TYPO_TWO),
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

/// Each query part's occurrences in one entry: part `i`'s are `all[parts[i]]`. The occurrences
/// of many entries, and of parts left out, may share `all`: a search keeps them in one buffer,
/// where a list for each part of each entry cost an allocation apiece (BENCHMARKS.md).
#[derive(Debug, Clone, Copy)]
pub(super) struct PartOccurrences<'o> {
    pub(super) all: &'o [Occurrence],
    pub(super) parts: &'o [Range<usize>],
}

impl<'o> PartOccurrences<'o> {
    /// No part, no occurrence: an entry no words found.
    pub(super) const NONE: PartOccurrences<'static> = PartOccurrences {
        all: &[],
        parts: &[],
    };

    /// How many parts.
    pub(super) fn len(&self) -> usize {
        self.parts.len()
    }

    /// Each part's occurrences, in part order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'o [Occurrence]> + use<'o> {
        let all = self.all;
        self.parts.iter().map(move |range| {
            debug_assert!(range.end <= all.len(), "{range:?} of {}", all.len());
            all.get(range.clone()).unwrap_or_default()
        })
    }
}

/// One query part's accepted terms, resolved against the index once per query.
pub(super) struct Matcher {
    /// The words typed, then each synonym's: one `Accepted` per word, and how surely the
    /// sequence stands for what was typed.
    pub(super) sequences: Vec<Sequence>,
    /// A single word that matches no word of the data, for subsequence matching on ids and
    /// acronyms (`cdw`), where it means something and can outrank no hit on real text.
    pub(super) unknown_word: Option<String>,
    /// Whether a sequence can start with each term, by term id: an entry with none of them has
    /// no occurrence, which a glance at its terms tells before its text is walked.
    starts: Vec<bool>,
    /// Where the index has postings, the fields (by their place in the index) that hold such a
    /// term: then no entry's terms need a glance, nor the tokens of a field without one.
    candidates: Option<Vec<bool>>,
}

/// The matchers of one search, each made once: a query is ranked whole, then part by part, and
/// without each part in turn, and every one of those asks for the same parts' matchers.
pub(super) struct Matchers<'i, 'a> {
    pub(super) index: &'i Index<'a>,
    made: RefCell<Vec<(Part, Rc<Matcher>)>>,
}

impl<'i, 'a> Matchers<'i, 'a> {
    pub(super) fn new(index: &'i Index<'a>) -> Matchers<'i, 'a> {
        Matchers {
            index,
            made: RefCell::default(),
        }
    }

    /// The matcher of each part, made where this search has not made it yet.
    pub(super) fn of(&self, parts: &[Part]) -> Vec<Rc<Matcher>> {
        parts
            .iter()
            .map(|part| {
                let made = self
                    .made
                    .borrow()
                    .iter()
                    .find(|(p, _)| p == part)
                    .map(|(_, m)| Rc::clone(m));
                made.unwrap_or_else(|| {
                    let matcher = Rc::new(Matcher::new(self.index, part));
                    self.made
                        .borrow_mut()
                        .push((part.clone(), Rc::clone(&matcher)));
                    matcher
                })
            })
            .collect()
    }
}

/// Words to find in order, and how surely they stand for what was typed.
pub(super) struct Sequence {
    words: Vec<Accepted>,
    surely: f64,
    /// For a synonym, its words as the text must write them, give or take an ending.
    surface: Option<Vec<String>>,
}

/// Whether a word of the text, whose term is a synonym word's (a synonym accepts its words'
/// own terms and no other, so the two stem alike), is that word as written, or a form of it
/// (`works`, `endorses`) other than its `-ing` form: `working` in "Working Group" is not `work`.
fn writes(text_word: &str, synonym: &str) -> bool {
    // Folded without a copy where the word is plain ASCII, as most are.
    if text_word.is_ascii() && !text_word.contains('\'') {
        let ing = text_word
            .len()
            .checked_sub(3)
            .is_some_and(|at| text_word[at..].eq_ignore_ascii_case("ing"));
        return text_word.eq_ignore_ascii_case(synonym) || !ing;
    }
    let folded = fold(text_word);
    folded == synonym || !folded.ends_with("ing")
}

impl Matcher {
    pub(super) fn new(index: &Index<'_>, part: &Part) -> Matcher {
        let accept = |words: &[String], forgiving: bool| -> Vec<Accepted> {
            words
                .iter()
                .map(|w| accepted_terms(index, w, forgiving))
                .collect()
        };
        let typed = accept(&part.words, !part.quoted);
        let unknown_word = match (part.quoted, part.words.as_slice(), typed.as_slice()) {
            (false, [word], [accepted])
                if accepted.is_empty() && !word.chars().any(|c| c.is_ascii_digit()) =>
            {
                Some(word.clone())
            }
            _ => None,
        };
        let mut sequences = vec![Sequence {
            words: typed,
            surely: 1.0,
            surface: None,
        }];
        // A synonym is a word of the table, spelled right: no typo or prefix matching for it.
        sequences.extend(part.synonyms.iter().map(|s| Sequence {
            words: accept(s, false),
            surely: SYNONYM,
            surface: Some(s.clone()),
        }));
        // `writes` counts on it: a synonym's word accepts its own term, and no other.
        debug_assert!(
            sequences[1..]
                .iter()
                .all(|s| s.words.iter().all(|w| w.0.len() <= 1))
        );
        let start_terms: Vec<usize> = sequences
            .iter()
            .filter_map(|s| s.words.first())
            .flat_map(Accepted::terms)
            .collect();
        let mut starts = vec![false; index.terms.term_count()];
        for &term in &start_terms {
            if let Some(start) = starts.get_mut(term) {
                *start = true;
            }
        }
        let candidates = index.has_postings().then(|| {
            let mut candidates = vec![false; index.field_count()];
            for term in start_terms.iter().filter_map(|&t| TermId::try_from(t).ok()) {
                for &place in index.fields_with(term).unwrap_or_default() {
                    if let Some(candidate) = candidates.get_mut(place as usize) {
                        *candidate = true;
                    }
                }
            }
            candidates
        });
        Matcher {
            sequences,
            unknown_word,
            starts,
            candidates,
        }
    }
}

/// `text` lowercased a character at a time, each to the first of its lowercase characters: the
/// characters stay where they were, so that the positions a fuzzy match gives in it are the
/// text's own (`İ` lowercases to two characters, which had put a position past the key's end).
fn lowercase_by_char(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// Whether letters found in order in a key abbreviate it: a short key (`cdw` in `cedaw`), or
/// the initials of a long one (`ncm` in `ngo-committee-on-migration`). Letters scattered over a
/// long id (`ratio` in `recommendations-2017`) are not.
fn is_abbreviation(key: &str, indices: &[usize], word: &str) -> bool {
    let chars: Vec<char> = key.chars().collect();
    let starts_a_word = |i: usize| i == 0 || !chars[i - 1].is_alphanumeric();
    chars.len() <= 2 * word.chars().count() || indices.iter().all(|&i| starts_a_word(i))
}

impl Matcher {
    /// Whether the index's postings show that `doc` has no occurrence: a look-up, made for every
    /// part before any part's occurrences are sought. Without postings, nothing is ruled out
    /// here; `occurrences` glances at the entry's terms instead.
    pub(super) fn rules_out(&self, doc: &Doc) -> bool {
        self.unknown_word.is_none() && self.candidate(doc) == Some(false)
    }

    /// Whether some sequence can start with `term`.
    fn is_start_term(&self, term: TermId) -> bool {
        self.starts.get(term as usize).copied().unwrap_or(false)
    }

    /// Whether the postings name a field of `doc` among those with a term some sequence can
    /// start with; `None` where the index has no postings.
    fn candidate(&self, doc: &Doc) -> Option<bool> {
        let candidates = self.candidates.as_ref()?;
        let first = doc.first_field();
        let fields = candidates
            .get(first..first + doc.fields.len())
            .unwrap_or_default();
        Some(fields.contains(&true))
    }

    /// Whether field `f` of `doc` may hold a term some sequence can start with: false only
    /// where the postings say it holds none.
    fn may_start_in(&self, doc: &Doc, f: usize) -> bool {
        self.candidates.as_ref().is_none_or(|candidates| {
            candidates
                .get(doc.first_field() + f)
                .copied()
                .unwrap_or(false)
        })
    }

    /// Whether an entry holds a term some sequence can start with: from the postings, or else
    /// a glance at the entry's terms.
    fn could_start(&self, index: &Index<'_>, doc: &Doc) -> bool {
        self.candidate(doc).unwrap_or_else(|| {
            doc.fields.iter().any(|field| {
                index
                    .tokens(field)
                    .iter()
                    .any(|t| self.is_start_term(t.term))
                    || index
                        .implied(field)
                        .iter()
                        .any(|i| self.is_start_term(i.token.term))
            })
        })
    }
}

/// Appends to `out` where one query part occurs in `doc`.
pub(super) fn occurrences(
    index: &Index<'_>,
    matcher: &Matcher,
    doc: &Doc,
    fuzzy: &SkimMatcherV2,
    out: &mut Vec<Occurrence>,
) {
    // Asked only where it decides: a word no term matches is tried on every entry's keys.
    if matcher.unknown_word.is_none() && !matcher.could_start(index, doc) {
        return;
    }
    // Where this part's occurrences in this entry start: `out` may hold others before them.
    let own_from = out.len();
    for (f, field) in doc.fields.iter().enumerate() {
        // A field the postings say writes and implies no term a sequence starts with is not
        // walked at all.
        let walk = matcher.may_start_in(doc, f);
        // Such a field has nothing to find but a word no term matches.
        if !walk && matcher.unknown_word.is_none() {
            continue;
        }
        let (tokens, implied) = if walk {
            (index.tokens(field), index.implied(field))
        } else {
            (&[][..], &[][..])
        };
        // Each token once: most start no sequence, which the table of every sequence's first
        // terms tells at a glance; the sequences are tried only at the others. (The order of
        // the occurrences found matters to nothing that reads them.)
        for (start, token) in tokens.iter().enumerate() {
            if !matcher.is_start_term(token.term) {
                continue;
            }
            for Sequence {
                words,
                surely,
                surface,
            } in &matcher.sequences
            {
                let n = words.len();
                let (Some(first), Some(window)) = (words.first(), tokens.get(start..start + n))
                else {
                    continue;
                };
                let first = first.strength(token.term);
                if first == 0.0 {
                    continue;
                }
                let strength = words[1..]
                    .iter()
                    .zip(&window[1..])
                    .map(|(accepted, token)| accepted.strength(token.term))
                    .fold(first, f64::min);
                let as_written = || {
                    surface.as_ref().is_none_or(|surface| {
                        window.iter().zip(surface).all(|(token, word)| {
                            let written = field.text.get(token.span()).unwrap_or_default();
                            writes(written, word)
                        })
                    })
                };
                if strength > 0.0 && as_written() {
                    out.push(Occurrence {
                        field: f,
                        positions: start..start + n,
                        span: window[0].span().start..window[n - 1].span().end,
                        strength: strength * surely,
                        literal: true,
                    });
                }
            }
        }
        // A synonym stands only where it is written, not where an acronym implies it.
        for sequence in &matcher.sequences {
            let [word] = sequence.words.as_slice() else {
                continue;
            };
            if sequence.surface.is_some() {
                continue;
            }
            for implied in implied {
                let s = word.strength(implied.token.term);
                if s > 0.0 {
                    let pos = implied.pos as usize;
                    out.push(Occurrence {
                        field: f,
                        positions: pos..pos + 1,
                        span: implied.token.span(),
                        strength: s * implied.strength * sequence.surely,
                        literal: false,
                    });
                }
            }
        }
        if let Some(word) = &matcher.unknown_word
            && field.tier == Tier::Key
            && word.len() >= 3
            && out[own_from..].iter().all(|o| o.field != f)
            && let Some((_, indices)) = fuzzy.fuzzy_indices(&lowercase_by_char(&field.text), word)
            && is_abbreviation(&field.text, &indices, word)
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_synonym_is_written_in_any_case_and_form_but_its_ing_form() {
        assert!(writes("Work", "work"));
        assert!(writes("WORKS", "work"));
        assert!(!writes("Working", "work"));
        assert!(writes("working", "working"));
    }

    proptest! {
        #[test]
        fn writes_folds_as_fold_does(
            word in "[a-zA-Zé'’]{0,8}(ing|ING|Ing)?",
            synonym in "[a-z]{0,6}",
        ) {
            let folded = fold(&word);
            prop_assert_eq!(
                writes(&word, &synonym),
                folded == synonym || !folded.ends_with("ing")
            );
        }
    }
}
