//! Explaining a miss: the words that are nowhere in the data with the closest ones that are, or
//! the words to drop.

use super::english::is_common_english;
use super::index::Index;
use super::matching::{Matchers, accepted_terms};
use super::normalise::{FILLERS, STOPWORDS, stem};
use super::query::Part;
use super::score::{PartsFound, count_matching, find_parts};
use crate::registry::Kind;

/// Why a query found nothing, and what to try instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Miss {
    /// These words are nowhere in the data; each with the closest words that are.
    Unknown(Vec<(String, Vec<String>)>),
    /// Every part matches somewhere, but no entry has them all; dropping these parts helps.
    NotTogether { drop: Vec<String> },
}

/// Explains an empty result.
pub fn explain_miss(index: &Index<'_>, parts: &[Part], kinds: &[Kind]) -> Miss {
    explain_miss_with(&Matchers::new(index), parts, kinds, None)
}

/// [`explain_miss`], with the matchers this search has made, and the parts found in the entries
/// where the search has found them.
pub(super) fn explain_miss_with(
    matchers: &Matchers,
    parts: &[Part],
    kinds: &[Kind],
    found: Option<&PartsFound>,
) -> Miss {
    unknown_words(matchers, parts, kinds).unwrap_or_else(|| Miss::NotTogether {
        drop: match found {
            Some(found) => found.droppable(),
            None => find_parts(matchers, parts, kinds).droppable(),
        },
    })
}

/// The words of the query that are nowhere in the data, each with the closest words that are;
/// `None` where every word is somewhere.
fn unknown_words(matchers: &Matchers, parts: &[Part], kinds: &[Kind]) -> Option<Miss> {
    let index = matchers.index;
    let mut unknown = Vec::new();
    for part in parts {
        for word in &part.words {
            if accepted_terms(index, word, true).is_empty() {
                // Only words that would find something in place of this one, ranked by the
                // hits each would bring, the nearer first among equals.
                let mut near: Vec<(usize, String)> = near_words(index, word)
                    .into_iter()
                    .take(MAX_TRIED)
                    .map(|near| {
                        let parts = replaced(parts, word, &near);
                        (count_matching(matchers, &parts, kinds, usize::MAX), near)
                    })
                    .filter(|(hits, _)| *hits > 0)
                    .collect();
                near.sort_by_key(|(hits, _)| std::cmp::Reverse(*hits));
                let near = near.into_iter().take(3).map(|(_, near)| near).collect();
                unknown.push((word.clone(), near));
            }
        }
    }
    (!unknown.is_empty()).then_some(Miss::Unknown(unknown))
}

pub(super) const MAX_SUGGESTED_LEN: usize = 64;

/// How many of the nearest words are tried in the query, each a whole search, for suggestions.
const MAX_TRIED: usize = 8;

/// The query with `word` replaced by `near` wherever it stands.
fn replaced(parts: &[Part], word: &str, near: &str) -> Vec<Part> {
    let mut parts = parts.to_vec();
    for part in &mut parts {
        for w in &mut part.words {
            if w == word {
                *w = near.to_string();
            }
        }
    }
    parts
}

/// Up to three words of the data nearest to `word` by edit distance, most common first among
/// equals.
pub fn closest_words(index: &Index<'_>, word: &str) -> Vec<String> {
    near_words(index, word).into_iter().take(3).collect()
}

/// Every word of the data near `word` by edit distance, nearest first, then most common;
/// never a stopword or question word.
fn near_words(index: &Index<'_>, word: &str) -> Vec<String> {
    // No word of the data is this long: nothing is near, and the distance would be costly. A
    // common English word means itself, not a word of the data a letter away (`mother`).
    if word.chars().count() > MAX_SUGGESTED_LEN
        || is_common_english(word, &stem(&index.stemmer, word))
    {
        return Vec::new();
    }
    // No further than a typo: a word farther off is another word, not what was meant.
    let limit = super::matching::typo_budget(word.chars().count()).max(1);
    let mut near: Vec<(usize, std::cmp::Reverse<u32>, &str)> = index
        .terms
        .vocabulary
        .iter()
        // Common words and one- or two-letter words would be noise, not suggestions; a word
        // that does not start as the one typed is another word (`kafala` is not `ababa`).
        .filter(|(known, _)| {
            known.chars().count() > 2
                && !STOPWORDS.contains(known)
                && !FILLERS.contains(known)
                && known.chars().next() == word.chars().next()
        })
        .map(|(known, (_, count))| {
            (
                strsim::damerau_levenshtein(word, known),
                std::cmp::Reverse(count),
                known,
            )
        })
        .filter(|(d, _, _)| *d <= limit)
        .collect();
    near.sort();
    near.into_iter().map(|(_, _, w)| w.to_string()).collect()
}
