//! Scoring and ranking: tier weights, bonuses for whole keys and fields, closeness and
//! coverage; hits sorted by score, then kind, then id.

use std::ops::Range;
use std::rc::Rc;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::{Doc, Index};
use super::matching::{Matcher, Matchers, Occurrence, occurrences};
use super::normalise::fold;
use super::query::Part;
use super::snippet::{Snippet, best_snippet, title_marks};
use crate::registry::{Kind, Tier};

/// Weight of a hit in each tier: an exact id beats a title, a title beats a label, a label beats
/// prose.
pub(super) fn tier_weight(tier: Tier) -> f64 {
    match tier {
        // Partial hits in ids weigh as titles; a whole id or acronym gets EXACT_KEY_BONUS.
        Tier::Key => 8.0,
        Tier::Title => 8.0,
        Tier::Short => 5.0,
        Tier::Prose => 2.0,
    }
}

/// Bonus for the query being exactly the words of one field (a name, a label, an expansion):
/// below an exact id, above a partial hit in a title.
pub(super) const EXACT_FIELD_BONUS: f64 = 10.0;

/// Bonus for the query's words standing side by side, in order, in one field.
pub(super) const PHRASE_BONUS: f64 = 8.0;

/// Bonus for the whole query being an entry's id or acronym: it then comes first.
pub(super) const EXACT_KEY_BONUS: f64 = 100.0;

/// A search result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub score: f64,
    /// Names of the fields any query part matched, in field order.
    pub matched: Vec<&'static str>,
    pub snippet: Snippet,
    /// Byte ranges of matches in `title`.
    pub title_marks: Vec<Range<usize>>,
}

/// Each part's occurrences in one document, or `None` if some part has none.
fn occurrences_of_all(
    index: &Index<'_>,
    doc: &Doc,
    matchers: &[Rc<Matcher>],
    fuzzy: &SkimMatcherV2,
) -> Option<Vec<Vec<Occurrence>>> {
    // Every part must match: the first that does not ends the work on this entry, and where
    // the postings tell, before any part's occurrences are sought.
    if matchers.iter().any(|m| m.rules_out(doc)) {
        return None;
    }
    let mut per_part: Vec<Vec<Occurrence>> = Vec::with_capacity(matchers.len());
    for matcher in matchers {
        let found = occurrences(index, matcher, doc, fuzzy);
        if found.is_empty() {
            return None;
        }
        per_part.push(found);
    }
    Some(per_part)
}

/// Scores one document from each part's occurrences in it, none empty. Each part's hit counts
/// `weights[i]` times (once each where `weights` is empty).
fn score_found(doc: &Doc, parts: &[Part], per_part: &[Vec<Occurrence>], weights: &[f64]) -> Hit {
    let mut score = doc.kind.search_prior();
    for (i, occurrences) in per_part.iter().enumerate() {
        let best = occurrences
            .iter()
            .map(|o| tier_weight(doc.fields[o.field].tier) * o.strength)
            .fold(0.0, f64::max);
        score += best * weights.get(i).copied().unwrap_or(1.0);
    }

    let whole: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.words.iter().map(String::as_str))
        .collect();
    let whole = whole.join(" ");
    let is_key = doc
        .fields
        .iter()
        .any(|f| f.tier == Tier::Key && fold(&f.text) == whole);
    if is_key {
        score += EXACT_KEY_BONUS;
    }

    // Closeness and coverage, in the field where most parts matched, counting only words that
    // stand in the text: one acronym implies a whole expansion at a single spot.
    let mut best_field_bonus = 0.0_f64;
    for (f, field) in doc.fields.iter().enumerate() {
        let stands_in_field = |occ: &Vec<Occurrence>| occ.iter().any(|o| o.field == f && o.literal);
        if !per_part.iter().all(stands_in_field) {
            continue;
        }
        let starts: Vec<Vec<usize>> = per_part
            .iter()
            .map(|occ| {
                occ.iter()
                    .filter(|o| o.field == f && o.literal)
                    .map(|o| o.positions.start)
                    .collect()
            })
            .collect();
        let covered: usize = parts.iter().map(|p| p.words.len()).sum();
        let content_words = field.terms.content_words as usize;
        let coverage = (covered as f64 / content_words.max(1) as f64).min(1.0);
        let window = smallest_window(&starts);
        let closeness = if parts.len() > 1 {
            (covered as f64 / window as f64).min(1.0)
        } else {
            0.0
        };
        // A field the query covers whole ("Economic and Social Council") is what was meant, the
        // more so when the query is that field and nothing more.
        let exact = if coverage >= 1.0 && covered == content_words {
            EXACT_FIELD_BONUS
        } else {
            0.0
        };
        // The words typed, side by side in one field ("forced labour convention"), name it
        // whatever the field's tier: the phrase outweighs words scattered over a title. A small
        // word may stand between two of them ("humanity and inclusion").
        let phrase = if parts.len() > 1 && window < covered + parts.len() {
            PHRASE_BONUS
        } else {
            0.0
        };
        best_field_bonus = best_field_bonus
            .max(tier_weight(field.tier) * (coverage + 0.5 * closeness) + exact + phrase);
    }
    score += best_field_bonus;

    let mut matched: Vec<&'static str> = Vec::new();
    for f in 0..doc.fields.len() {
        let name = doc.fields[f].name;
        if per_part.iter().flatten().any(|o| o.field == f) && !matched.contains(&name) {
            matched.push(name);
        }
    }
    let snippet = best_snippet(doc, per_part);
    let title_marks = title_marks(doc, per_part);
    Hit {
        kind: doc.kind,
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        score: (score * 100.0).round() / 100.0,
        matched,
        snippet,
        title_marks,
    }
}

/// Token span of the tightest window that holds one position from each list.
pub(super) fn smallest_window(lists: &[Vec<usize>]) -> usize {
    let mut all: Vec<(usize, usize)> = lists
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.iter().map(move |&p| (p, i)))
        .collect();
    all.sort_unstable();
    let mut counts = vec![0usize; lists.len()];
    let mut have = 0;
    let mut best = usize::MAX;
    let mut left = 0;
    for right in 0..all.len() {
        if counts[all[right].1] == 0 {
            have += 1;
        }
        counts[all[right].1] += 1;
        while have == lists.len() {
            best = best.min(all[right].0 - all[left].0 + 1);
            counts[all[left].1] -= 1;
            if counts[all[left].1] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    best
}

/// Every entry that matches all parts of the query, best first; ties by kind, then id.
pub fn rank(index: &Index<'_>, parts: &[Part], kinds: &[Kind]) -> Vec<Hit> {
    rank_with(&Matchers::new(index), parts, kinds)
}

/// [`rank`], with the matchers this search has made.
pub(super) fn rank_with(matchers: &Matchers, parts: &[Part], kinds: &[Kind]) -> Vec<Hit> {
    if parts.is_empty() {
        return Vec::new();
    }
    let index = matchers.index;
    let matchers = matchers.of(parts);
    let fuzzy = SkimMatcherV2::default();
    let mut hits: Vec<Hit> = index
        .docs()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
        .filter_map(|d| {
            let per_part = occurrences_of_all(index, &d, &matchers, &fuzzy)?;
            Some(score_found(&d, parts, &per_part, &[]))
        })
        .collect();
    sort(&mut hits);
    hits
}

/// How many entries of `kinds` (all, if empty) match every part, counted up to `up_to`: what
/// `rank(..).len()` would say, without scoring a hit (suggestions count, and only count).
pub(super) fn count_matching(
    matchers: &Matchers,
    parts: &[Part],
    kinds: &[Kind],
    up_to: usize,
) -> usize {
    if parts.is_empty() {
        return 0;
    }
    let index = matchers.index;
    let matchers = matchers.of(parts);
    let fuzzy = SkimMatcherV2::default();
    index
        .docs()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
        .filter(|d| occurrences_of_all(index, d, &matchers, &fuzzy).is_some())
        .take(up_to)
        .count()
}

/// Bonus for the share of the query's weight an entry covers, in a ranking of partial matches:
/// an entry with every telling word but one ranks above one with a single word.
const COVERAGE_BONUS: f64 = 60.0;

/// Entries that match some of the parts, for a query no entry matches whole. A part counts by
/// how rare it is among the entries (an inverse document frequency), so that the entries with
/// the rarer, more telling words come first; parts no entry has count for nothing. Empty when no
/// part matches anything.
pub fn rank_partial(index: &Index<'_>, parts: &[Part], kinds: &[Kind]) -> Vec<Hit> {
    rank_partial_with(&Matchers::new(index), parts, kinds)
}

/// [`rank_partial`], with the matchers this search has made.
pub(super) fn rank_partial_with(matchers: &Matchers, parts: &[Part], kinds: &[Kind]) -> Vec<Hit> {
    let index = matchers.index;
    let matchers = matchers.of(parts);
    let fuzzy = SkimMatcherV2::default();
    let docs: Vec<Doc> = index
        .docs()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
        .collect();
    // Each part's occurrences in each entry, found once: for how rare the part is, then for
    // the entry's score.
    let found: Vec<Vec<Vec<Occurrence>>> = docs
        .iter()
        .map(|d| {
            matchers
                .iter()
                .map(|m| occurrences(index, m, d, &fuzzy))
                .collect()
        })
        .collect();
    let total = docs.len() as f64;
    // BM25's inverse document frequency: near nothing for a word most entries have.
    let rarity: Vec<f64> = (0..parts.len())
        .map(
            |p| match found.iter().filter(|row| !row[p].is_empty()).count() {
                0 => 0.0,
                found => ((total - found as f64 + 0.5) / (found as f64 + 0.5) + 1.0).ln(),
            },
        )
        .collect();
    let whole: f64 = rarity.iter().sum();
    let mut hits: Vec<Hit> = docs
        .iter()
        .zip(found)
        .filter_map(|(doc, row)| {
            let had: Vec<usize> = (0..parts.len()).filter(|&p| !row[p].is_empty()).collect();
            if had.is_empty() {
                return None;
            }
            let sub_parts: Vec<Part> = had.iter().map(|&p| parts[p].clone()).collect();
            let weights: Vec<f64> = had.iter().map(|&p| rarity[p]).collect();
            let per_part: Vec<Vec<Occurrence>> =
                row.into_iter().filter(|occ| !occ.is_empty()).collect();
            let mut hit = score_found(doc, &sub_parts, &per_part, &weights);
            let covered: f64 = weights.iter().sum();
            hit.score += COVERAGE_BONUS * covered / whole.max(f64::MIN_POSITIVE);
            hit.score = (hit.score * 100.0).round() / 100.0;
            Some(hit)
        })
        .collect();
    sort(&mut hits);
    hits
}

/// Best first; ties by kind, then id.
pub(super) fn sort(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| natural_cmp(&a.id, &b.id))
    });
}

/// Puts the entry a query names by number (`issue 2`) first: its hit if the rest of the query
/// found it, or a hit of its own. False if the data has no such entry.
pub(super) fn put_reference_first(
    index: &Index<'_>,
    hits: &mut Vec<Hit>,
    (kind, number): (Kind, u32),
) -> bool {
    let id = number.to_string();
    let Some(doc) = index.docs().find(|d| d.kind == kind && d.id == id) else {
        return false;
    };
    match hits.iter_mut().find(|h| h.kind == kind && h.id == id) {
        Some(hit) => hit.score += EXACT_KEY_BONUS,
        None => {
            let mut hit = bare_hit(&doc);
            hit.score += EXACT_KEY_BONUS;
            hit.matched = vec!["number"];
            hits.push(hit);
        }
    }
    sort(hits);
    true
}

/// An entry as a hit that no words found: asked for by number or as one of a whole kind.
pub(super) fn bare_hit(doc: &Doc) -> Hit {
    score_found(doc, &[], &[], &[])
}

/// Orders ids so that `2` comes before `10`.
pub(super) fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}
