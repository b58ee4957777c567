//! Scoring and ranking: tier weights, bonuses for whole keys and fields, closeness and
//! coverage; hits sorted by score, then kind, then id.

use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::{Doc, Index};
use super::matching::{Matcher, Matchers, Occurrence, PartOccurrences, occurrences};
use super::normalise::folds_to_words;
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

/// A search result. Its id and title are borrowed where the index borrows them.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub kind: Kind,
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub score: f64,
    /// Names of the fields any query part matched, in field order.
    pub matched: Vec<&'static str>,
    pub snippet: Snippet,
    /// Byte ranges of matches in `title`.
    pub title_marks: Vec<Range<usize>>,
}

/// Each part's occurrences in one entry after another, and where each stands in the list: what
/// [`PartOccurrences`] reads.
#[derive(Default)]
struct Found {
    occurrences: Vec<Occurrence>,
    /// A range of `occurrences` for each part of each entry added, empty where it has none.
    ranges: Vec<Range<usize>>,
}

impl Found {
    /// Adds each part's occurrences in `doc`.
    fn add(
        &mut self,
        index: &Index<'_>,
        doc: &Doc,
        matchers: &[Rc<Matcher>],
        fuzzy: &SkimMatcherV2,
    ) {
        for matcher in matchers {
            let start = self.occurrences.len();
            occurrences(index, matcher, doc, fuzzy, &mut self.occurrences);
            self.ranges.push(start..self.occurrences.len());
        }
    }

    /// Each part's occurrences in `doc`, or `None` if some part has none.
    fn in_every_part(
        &mut self,
        index: &Index<'_>,
        doc: &Doc,
        matchers: &[Rc<Matcher>],
        fuzzy: &SkimMatcherV2,
    ) -> Option<PartOccurrences<'_>> {
        // Every part must match: where the postings tell that one does not, the entry is
        // left before any part's occurrences are sought.
        if matchers.iter().any(|m| m.rules_out(doc)) {
            return None;
        }
        self.occurrences.clear();
        self.ranges.clear();
        self.add(index, doc, matchers, fuzzy);
        if self.ranges.iter().any(Range::is_empty) {
            return None;
        }
        Some(PartOccurrences {
            all: &self.occurrences,
            parts: &self.ranges,
        })
    }
}

/// The buffers [`score_found`] works in, kept from one hit to the next.
#[derive(Default)]
struct Scratch {
    /// How many parts occur in each field.
    parts_in: Vec<PartsIn>,
    /// Each part's starts in the field at hand, as (position, part).
    starts: Vec<(usize, usize)>,
    /// How many of each part's starts a window holds.
    part_counts: Vec<usize>,
}

/// Scores one document from each part's occurrences in it, none empty. Each part's hit counts
/// `weights[i]` times (once each where `weights` is empty).
fn score_found<'a>(
    doc: &Doc<'_, 'a>,
    parts: &[&Part],
    per_part: PartOccurrences<'_>,
    weights: &[f64],
    scratch: &mut Scratch,
) -> Hit<'a> {
    let Scratch {
        parts_in,
        starts,
        part_counts,
    } = scratch;
    let mut score = doc.kind.search_prior();
    for (i, occurrences) in per_part.iter().enumerate() {
        let best = occurrences
            .iter()
            .map(|o| tier_weight(doc.fields[o.field].tier) * o.strength)
            .fold(0.0, f64::max);
        score += best * weights.get(i).copied().unwrap_or(1.0);
    }

    let words = || {
        parts
            .iter()
            .flat_map(|p| p.words.iter().map(String::as_str))
    };
    let is_key = doc
        .fields
        .iter()
        .any(|f| f.tier == Tier::Key && folds_to_words(&f.text, words()));
    if is_key {
        score += EXACT_KEY_BONUS;
    }

    // Closeness and coverage, in the field where most parts matched, counting only words that
    // stand in the text: one acronym implies a whole expansion at a single spot.
    parts_in_fields(doc.fields.len(), per_part, parts_in);
    let covered: usize = parts.iter().map(|p| p.words.len()).sum();
    let mut best_field_bonus = 0.0_f64;
    part_counts.clear();
    part_counts.resize(parts.len(), 0);
    for (f, field) in doc.fields.iter().enumerate() {
        if parts_in[f].literal < per_part.len() {
            continue;
        }
        let content_words = field.terms.content_words as usize;
        let coverage = (covered as f64 / content_words.max(1) as f64).min(1.0);
        // A field the query covers whole ("Economic and Social Council") is what was meant, the
        // more so when the query is that field and nothing more.
        let exact = if coverage >= 1.0 && covered == content_words {
            EXACT_FIELD_BONUS
        } else {
            0.0
        };
        // How close the parts stand, where there is more than one.
        let (closeness, phrase) = if parts.len() > 1 {
            starts.clear();
            starts.extend(per_part.iter().enumerate().flat_map(|(part, occ)| {
                occ.iter()
                    .filter(|o| o.field == f && o.literal)
                    .map(move |o| (o.positions.start, part))
            }));
            let window = smallest_window(starts, part_counts);
            // The words typed, side by side in one field ("forced labour convention"), name
            // it whatever the field's tier: the phrase outweighs words scattered over a title.
            // A small word may stand between two of them ("humanity and inclusion").
            let phrase = if window < covered + parts.len() {
                PHRASE_BONUS
            } else {
                0.0
            };
            ((covered as f64 / window as f64).min(1.0), phrase)
        } else {
            (0.0, 0.0)
        };
        best_field_bonus = best_field_bonus
            .max(tier_weight(field.tier) * (coverage + 0.5 * closeness) + exact + phrase);
    }
    score += best_field_bonus;

    let mut matched: Vec<&'static str> = Vec::with_capacity(doc.fields.len());
    for (field, counts) in doc.fields.iter().zip(parts_in.iter()) {
        if counts.any > 0 && !matched.contains(&field.name) {
            matched.push(field.name);
        }
    }
    let snippet = best_snippet(doc, per_part, parts_in);
    let title_marks = title_marks(doc, per_part);
    Hit {
        kind: doc.kind,
        id: doc.id.clone(),
        title: doc.title.clone(),
        score: (score * 100.0).round() / 100.0,
        matched,
        snippet,
        title_marks,
    }
}

/// How many of a query's parts occur in one field of an entry, and how many stand in it as
/// written (not implied by an acronym).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct PartsIn {
    pub(super) any: usize,
    pub(super) literal: usize,
    /// The last part counted in `any`, and in `literal`, plus one: a part counts once a field.
    last_any: usize,
    last_literal: usize,
}

/// For each of an entry's `fields`, how many parts occur in it, into `counts` (overwritten): one
/// pass over the occurrences, where asking each field of each part's occurrences would cost
/// their product.
pub(super) fn parts_in_fields(
    fields: usize,
    per_part: PartOccurrences<'_>,
    counts: &mut Vec<PartsIn>,
) {
    counts.clear();
    counts.resize(fields, PartsIn::default());
    for (i, occurrences) in per_part.iter().enumerate() {
        let part = i + 1;
        for o in occurrences {
            let Some(count) = counts.get_mut(o.field) else {
                continue;
            };
            if count.last_any != part {
                count.last_any = part;
                count.any += 1;
            }
            if o.literal && count.last_literal != part {
                count.last_literal = part;
                count.literal += 1;
            }
        }
    }
}

/// Token span of the tightest window that holds a position of each part, from their positions
/// as (position, part); `counts` has a place for each part (and is overwritten).
pub(super) fn smallest_window(positions: &mut [(usize, usize)], counts: &mut [usize]) -> usize {
    positions.sort_unstable();
    counts.fill(0);
    let parts = counts.len();
    let mut have = 0;
    let mut best = usize::MAX;
    let mut left = 0;
    for right in 0..positions.len() {
        if counts[positions[right].1] == 0 {
            have += 1;
        }
        counts[positions[right].1] += 1;
        while have == parts {
            best = best.min(positions[right].0 - positions[left].0 + 1);
            counts[positions[left].1] -= 1;
            if counts[positions[left].1] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    best
}

/// Every entry that matches all parts of the query, best first; ties by kind, then id.
pub fn rank<'a>(index: &Index<'a>, parts: &[Part], kinds: &[Kind]) -> Vec<Hit<'a>> {
    rank_with(&Matchers::new(index), parts, kinds)
}

/// [`rank`], with the matchers this search has made.
pub(super) fn rank_with<'a>(
    matchers: &Matchers<'_, 'a>,
    parts: &[Part],
    kinds: &[Kind],
) -> Vec<Hit<'a>> {
    if parts.is_empty() {
        return Vec::new();
    }
    let index = matchers.index;
    let matchers = matchers.of(parts);
    let fuzzy = SkimMatcherV2::default();
    let parts: Vec<&Part> = parts.iter().collect();
    let mut found = Found::default();
    let mut scratch = Scratch::default();
    let mut hits: Vec<Hit<'a>> = index
        .docs()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
        .filter_map(|d| {
            let per_part = found.in_every_part(index, &d, &matchers, &fuzzy)?;
            Some(score_found(&d, &parts, per_part, &[], &mut scratch))
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
    let mut found = Found::default();
    index
        .docs()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
        .filter(|d| found.in_every_part(index, d, &matchers, &fuzzy).is_some())
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
pub fn rank_partial<'a>(index: &Index<'a>, parts: &[Part], kinds: &[Kind]) -> Vec<Hit<'a>> {
    rank_partial_with(&Matchers::new(index), parts, kinds)
}

/// [`rank_partial`], with the matchers this search has made.
pub(super) fn rank_partial_with<'a>(
    matchers: &Matchers<'_, 'a>,
    parts: &[Part],
    kinds: &[Kind],
) -> Vec<Hit<'a>> {
    find_parts(matchers, parts, kinds).rank()
}

/// Each part's occurrences in every entry (of the kinds asked) that has some of the parts,
/// found once: what a partial ranking scores, and what tells which parts keep the others apart.
pub(super) struct PartsFound<'p, 'i, 'a> {
    parts: &'p [Part],
    /// How many entries were looked at.
    looked_at: usize,
    /// The entries with some part.
    rows: Vec<Doc<'i, 'a>>,
    /// Every part's occurrences in each of `rows`, a row after another: row `r`'s part `p` has
    /// `found.occurrences[found.ranges[r * parts.len() + p]]`.
    found: Found,
}

/// Finds each of `parts` in every entry of `kinds` (all, if empty).
pub(super) fn find_parts<'p, 'i, 'a>(
    matchers: &Matchers<'i, 'a>,
    parts: &'p [Part],
    kinds: &[Kind],
) -> PartsFound<'p, 'i, 'a> {
    let index = matchers.index;
    let matchers = matchers.of(parts);
    let fuzzy = SkimMatcherV2::default();
    let mut found = PartsFound {
        parts,
        looked_at: 0,
        rows: Vec::new(),
        found: Found::default(),
    };
    for doc in index
        .docs()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
    {
        found.looked_at += 1;
        // The postings rule out most entries at a glance.
        if matchers.iter().all(|m| m.rules_out(&doc)) {
            continue;
        }
        let first = found.found.occurrences.len();
        found.found.add(index, &doc, &matchers, &fuzzy);
        if found.found.occurrences.len() > first {
            found.rows.push(doc);
        } else {
            let ranges = &mut found.found.ranges;
            ranges.truncate(ranges.len() - matchers.len());
        }
    }
    found
}

impl<'i, 'a> PartsFound<'_, 'i, 'a> {
    /// Each entry found, with each part's occurrences in it (as ranges of `found.occurrences`).
    fn rows(&self) -> impl Iterator<Item = (&Doc<'i, 'a>, &[Range<usize>])> {
        self.rows
            .iter()
            .zip(self.found.ranges.chunks(self.parts.len().max(1)))
    }

    /// The parts (as typed) without which some entry has all the others.
    pub(super) fn droppable(&self) -> Vec<String> {
        let parts = self.parts;
        if parts.len() < 2 {
            return Vec::new();
        }
        let has_all_but = |i: usize, row: &[Range<usize>]| {
            row.iter()
                .enumerate()
                .all(|(j, occ)| j == i || !occ.is_empty())
        };
        (0..parts.len())
            .filter(|&i| self.rows().any(|(_, row)| has_all_but(i, row)))
            .map(|i| parts[i].text.clone())
            .collect()
    }

    /// The entries found, ranked by the parts they have: see [`rank_partial`].
    pub(super) fn rank(self) -> Vec<Hit<'a>> {
        let parts = self.parts;
        let total = self.looked_at as f64;
        // BM25's inverse document frequency: near nothing for a word most entries have.
        let rarity: Vec<f64> = (0..parts.len())
            .map(
                |p| match self.rows().filter(|(_, row)| !row[p].is_empty()).count() {
                    0 => 0.0,
                    found => ((total - found as f64 + 0.5) / (found as f64 + 0.5) + 1.0).ln(),
                },
            )
            .collect();
        let whole: f64 = rarity.iter().sum();
        let mut hits: Vec<Hit<'a>> = Vec::with_capacity(self.rows.len());
        // The parts each entry has, their weights and their occurrences: one buffer of each
        // for every entry.
        let mut sub_parts: Vec<&Part> = Vec::with_capacity(parts.len());
        let mut weights: Vec<f64> = Vec::with_capacity(parts.len());
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(parts.len());
        let mut scratch = Scratch::default();
        for (doc, row) in self.rows() {
            let had = || (0..parts.len()).filter(|&p| !row[p].is_empty());
            sub_parts.clear();
            sub_parts.extend(had().map(|p| &parts[p]));
            weights.clear();
            weights.extend(had().map(|p| rarity[p]));
            ranges.clear();
            ranges.extend(had().map(|p| row[p].clone()));
            let per_part = PartOccurrences {
                all: &self.found.occurrences,
                parts: &ranges,
            };
            let mut hit = score_found(doc, &sub_parts, per_part, &weights, &mut scratch);
            let covered: f64 = weights.iter().sum();
            hit.score += COVERAGE_BONUS * covered / whole.max(f64::MIN_POSITIVE);
            hit.score = (hit.score * 100.0).round() / 100.0;
            hits.push(hit);
        }
        sort(&mut hits);
        hits
    }
}

/// Best first; ties by kind, then id.
pub(super) fn sort(hits: &mut Vec<Hit<'_>>) {
    // A hit is large: the order is worked out on what decides it, each id read as a number
    // once, and then each hit is moved once, where sorting the hits themselves moved each of
    // them many times (BENCHMARKS.md).
    let mut keys: Vec<(f64, Kind, NaturalKey<'_>, usize)> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| (h.score, h.kind, natural_key(&h.id), i))
        .collect();
    keys.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| (a.1, a.2).cmp(&(b.1, b.2)))
    });
    let order: Vec<usize> = keys.into_iter().map(|(.., i)| i).collect();
    let mut slots: Vec<Option<Hit>> = std::mem::take(hits).into_iter().map(Some).collect();
    hits.reserve(order.len());
    // Each index once: every slot is taken, and only once.
    hits.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Puts the entry a query names by number (`issue 2`) first: its hit if the rest of the query
/// found it, or a hit of its own. False if the data has no such entry.
pub(super) fn put_reference_first<'a>(
    index: &Index<'a>,
    hits: &mut Vec<Hit<'a>>,
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
pub(super) fn bare_hit<'a>(doc: &Doc<'_, 'a>) -> Hit<'a> {
    score_found(
        doc,
        &[],
        PartOccurrences::NONE,
        &[],
        &mut Scratch::default(),
    )
}

/// An id's place in natural order: whether it is not a number, its value, and its text.
type NaturalKey<'a> = (bool, u64, &'a str);

/// Numbers first, by value (`2` before `10`), then other ids as text: a total order, as a sort
/// needs, even where a kind's ids mix the two.
pub(super) fn natural_key(id: &str) -> NaturalKey<'_> {
    match id.parse::<u64>() {
        Ok(n) => (false, n, id),
        Err(_) => (true, 0, id),
    }
}
