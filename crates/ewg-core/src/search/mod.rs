//! Search: pure functions over the loaded data, in stages.
//!
//! normalise (case, accents, spelling variants, word forms) -> index (terms) -> query -> match ->
//! score and rank -> snippet, and suggest when nothing matches. The index's terms are built once
//! from the dataset (for the bundled data, at compile time by build.rs); a query normalises only
//! its own words and looks them up in the index's vocabulary, so no text is normalised again per
//! query. [`search`] is the one entry point: it owns the query's limits and the explanation of a
//! miss; its caller chooses the index (the prebuilt one, or one built of a file's data).

mod english;
// Public only for the statics build.rs writes of the bundled data's index.
#[doc(hidden)]
pub mod index;
mod matching;
mod normalise;
mod query;
mod score;
mod snippet;
mod suggest;

pub use index::{Index, PrebuiltIndex};
use matching::Matchers;
pub use normalise::{fold, terms_of};
pub use query::{
    Part, kind_of_word, only_question_words, parse_query, split_query, take_kind_word,
    take_reference, whole_kind_asked,
};
pub use score::{Hit, rank, rank_partial};
use score::{bare_hit, find_parts, put_reference_first, rank_partial_with, rank_with, sort};
pub use snippet::{Snippet, cut_snippet};
use suggest::explain_miss_with;
pub use suggest::{Miss, closest_words, explain_miss};

use crate::registry::Kind;

/// Longer queries are not searches but accidents (a pasted file); they are refused at once.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Every part must match, so more than this many cannot narrow anything further.
pub const MAX_QUERY_PARTS: usize = 32;

/// A search that could not be made, or found nothing: the binary words what it says.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchError {
    TooLong {
        chars: usize,
        max: usize,
    },
    NoWords {
        query: String,
    },
    /// Only question words ("who is"): nothing to look for.
    OnlyQuestionWords {
        query: String,
    },
    TooManyParts {
        parts: usize,
        max: usize,
    },
    /// Nothing matched; why, and what to try instead.
    NoHits {
        query: String,
        kinds_asked: bool,
        miss: Miss,
    },
}

/// What a "when" question adds to each dated entry's score, and a "where" question to each
/// entry with a place: enough to lift an event above an entry that only names the same thing.
const WHEN_OR_WHERE_BONUS: f64 = 10.0;

/// Fewer entries than this with every word of a query are followed by the best of those with
/// some of its words, up to this many hits in all: a screenful, where a search that found one
/// or two entries would otherwise end.
const FILL_UP_TO: usize = 10;

/// What a search found: its hits, best first, and whether they are partial matches.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub hits: Vec<Hit<'a>>,
    /// How many of the hits, from the first, have every word of the query: the others, after
    /// them, have some.
    pub complete: usize,
    /// Where no entry has every word of the query, why not (the hits then have some of them).
    pub partial: Option<Miss>,
}

/// Searches every entry of the index's data (of `kinds`, or all if empty) for `query`, best hit
/// first. Entries with every word of the query come first, and where they are few, the entries
/// with the most telling of its words after them (up to [`FILL_UP_TO`] in all); where there are
/// none, only those. `all_words` asks for every word or nothing.
pub fn search<'a>(
    index: &Index<'a>,
    query: &str,
    kinds: &[Kind],
    all_words: bool,
) -> Result<Answer<'a>, SearchError> {
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(SearchError::TooLong {
            chars,
            max: MAX_QUERY_CHARS,
        });
    }
    // The query as typed, split once: its length, its question words and its kind words.
    let as_typed = split_query(query);
    if as_typed.len() > MAX_QUERY_PARTS {
        return Err(SearchError::TooManyParts {
            parts: as_typed.len(),
            max: MAX_QUERY_PARTS,
        });
    }
    let mut parts = parse_query(query);
    if parts.is_empty() {
        return Err(SearchError::NoWords {
            query: query.trim().to_string(),
        });
    }
    if only_question_words(&parts) {
        return Err(SearchError::OnlyQuestionWords {
            query: query.trim().to_string(),
        });
    }
    // `issue 2`: that entry first. A number the data has no entry for (or of a kind not asked
    // for) is searched as the words it is.
    // "members of the EWG", "GCMGender": every entry of that kind, in the file's order.
    if let Some(kind) = whole_kind_asked(&parts).filter(|k| kinds.is_empty() || kinds.contains(k)) {
        let hits = whole_kind(index, kind);
        if !hits.is_empty() {
            return Ok(Answer {
                complete: hits.len(),
                hits,
                partial: None,
            });
        }
    }
    let typed = parts.clone();
    let reference = take_reference(&mut parts);
    let matchers = Matchers::new(index);
    let (mut hits, hinted) = rank_with_kind_word(&matchers, &as_typed, &mut parts, kinds);
    let placed = reference.is_some_and(|reference| {
        (kinds.is_empty() || kinds.contains(&reference.0))
            && put_reference_first(index, &mut hits, reference)
    });
    if reference.is_some() && !placed {
        parts = typed;
        hits = rank_with(&matchers, &parts, kinds);
    }
    // "When ..." asks for a date: the dated entries, events, first among hits alike; "where ..."
    // for a place: the entries that have one.
    let asks = |word: &str| as_typed.iter().any(|p| !p.quoted && p.words == [word]);
    let (asks_when, asks_where) = (asks("when"), asks("where"));
    let named_entry = reference
        .filter(|_| placed)
        .map(|(kind, n)| (kind, n.to_string()));
    let favour_dates_and_places = |hits: &mut Vec<Hit>| {
        if asks_when || asks_where {
            for hit in hits.iter_mut() {
                let favoured =
                    (asks_when && hit.kind == Kind::Event) || (asks_where && has_place(index, hit));
                if favoured {
                    hit.score += WHEN_OR_WHERE_BONUS;
                }
            }
            sort(hits);
        }
        // The entry the query names by number first, then the kind a word of it names, each
        // side in the order of the scores (a stable sort).
        let named = |h: &Hit| {
            named_entry
                .as_ref()
                .is_some_and(|(kind, id)| h.kind == *kind && h.id == *id)
        };
        hits.sort_by_key(|h| (!named(h), hinted.is_some_and(|kind| h.kind != kind)));
    };
    if !hits.is_empty() {
        favour_dates_and_places(&mut hits);
        let complete = hits.len();
        // With one part, every entry that has some of the query has all of it.
        if !all_words && complete < FILL_UP_TO && parts.len() > 1 {
            // Ranked apart, and after: an entry with some words never passes one with all.
            let mut some: Vec<Hit> = rank_partial_with(&matchers, &parts, kinds)
                .into_iter()
                .filter(|h| !hits.iter().any(|c| c.kind == h.kind && c.id == h.id))
                .collect();
            favour_dates_and_places(&mut some);
            hits.extend(some.into_iter().take(FILL_UP_TO - complete));
        }
        return Ok(Answer {
            hits,
            complete,
            partial: None,
        });
    }
    let (miss, partial) = if all_words {
        (
            explain_miss_with(&matchers, &parts, kinds, None),
            Vec::new(),
        )
    } else {
        // The entries with some of the parts tell both what to drop and what to show.
        let found = find_parts(&matchers, &parts, kinds);
        let miss = explain_miss_with(&matchers, &parts, kinds, Some(&found));
        (miss, found.rank())
    };
    if partial.is_empty() {
        return Err(SearchError::NoHits {
            query: query.trim().to_string(),
            kinds_asked: !kinds.is_empty(),
            miss,
        });
    }
    let mut hits = partial;
    favour_dates_and_places(&mut hits);
    Ok(Answer {
        hits,
        complete: 0,
        partial: Some(miss),
    })
}

/// Hits for the parts without the word that names a kind (`which objective is about
/// trafficking`, `action on remittances`), and that kind, which `search` puts first: a hint,
/// never a filter. Every hit has every word, so none with fewer is lifted.
fn rank_with_kind_word<'a>(
    matchers: &Matchers<'_, 'a>,
    as_typed: &[Part],
    parts: &mut Vec<Part>,
    kinds: &[Kind],
) -> (Vec<Hit<'a>>, Option<Kind>) {
    let typed = parts.clone();
    let Some(kind) = take_kind_word(as_typed, parts) else {
        return (rank_with(matchers, parts, kinds), None);
    };
    let hits = rank_with(matchers, parts, kinds);
    if hits.is_empty() {
        // The kind's word may be a word of what is sought ("member states"): as typed.
        *parts = typed;
        return (rank_with(matchers, parts, kinds), None);
    }
    (hits, Some(kind))
}

/// Whether a hit's entry names where it took place (an event's `place`).
fn has_place(index: &Index<'_>, hit: &Hit<'_>) -> bool {
    hit.kind == Kind::Event
        && index
            .docs()
            .find(|d| d.kind == hit.kind && d.id == hit.id)
            .is_some_and(|d| d.fields.iter().any(|f| f.name == "place"))
}

/// Every entry of a kind, as hits in the file's order.
fn whole_kind<'a>(index: &Index<'a>, kind: Kind) -> Vec<Hit<'a>> {
    index
        .docs()
        .filter(|d| d.kind == kind)
        .map(|d| bare_hit(&d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::index::*;
    use super::matching::*;
    use super::normalise::*;
    use super::score::*;
    use super::snippet::*;
    use super::*;
    use crate::{BUNDLED, Dataset};
    use rust_stemmers::{Algorithm, Stemmer};

    /// The bundled data's index, built once for every test of this file.
    pub(super) fn index() -> &'static Index<'static> {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        static INDEX: std::sync::OnceLock<Index<'static>> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            Index::build(DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads")))
        })
    }

    fn top(index: &Index<'_>, query: &str) -> Vec<String> {
        rank(index, &parse_query(query), &[])
            .into_iter()
            .take(3)
            .map(|h| format!("{}:{}", h.kind, h.id))
            .collect()
    }

    /// Search slices each field's text at its tokens' spans: they must fall on its characters.
    #[test]
    fn every_span_of_the_index_falls_on_its_text_s_char_boundaries() {
        let index = index();
        let mut spans = 0;
        let mut several_bytes = false;
        for field in index.docs().flat_map(|doc| doc.fields) {
            several_bytes |= !field.text.is_ascii();
            let implied = index.implied(field).iter().map(|i| &i.token);
            for token in index.tokens(field).iter().chain(implied) {
                let on_text = token.start <= token.end
                    && field.text.is_char_boundary(token.start as usize)
                    && field.text.is_char_boundary(token.end as usize);
                assert!(on_text, "{token:?} in {:?}", field.text);
                spans += 1;
            }
        }
        assert!(
            several_bytes,
            "the test needs text with characters of several bytes"
        );
        assert!(spans > 10_000, "{spans} spans");
    }

    #[test]
    fn postings_change_no_hit_and_no_score() {
        let data = Dataset::load(BUNDLED).expect("bundled data loads");
        let plain = Index::build(&data);
        let with = Index::build(&data).with_postings();
        assert!(with.has_postings() && !plain.has_postings());
        // Whole matches, or partial ones where no entry has every word (as `search` does).
        let key = |index: &Index<'_>, query: &str| -> Vec<(Kind, String, u64)> {
            let parts = parse_query(query);
            let mut hits = rank(index, &parts, &[]);
            if hits.is_empty() {
                hits = rank_partial(index, &parts, &[]);
            }
            hits.into_iter()
                .map(|h| (h.kind, h.id.into_owned(), h.score.to_bits()))
                .collect()
        };
        for query in [
            "labour rights",
            "cedwa",
            "\"access to justice\"",
            "domestic workers detention trafficking",
            "SGBV",
            "gender-based violence",
            "Economic and Social Council",
            "2018",
        ] {
            let found = key(&with, query);
            assert!(!found.is_empty(), "{query}");
            assert_eq!(found, key(&plain, query), "{query}");
        }
    }

    #[test]
    fn fold_lowercases_and_strips_accents_and_possessives() {
        assert_eq!(fold("Réfugiés"), "refugies");
        assert_eq!(fold("women's"), "women");
        assert_eq!(fold("Children’s"), "children");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn british_and_american_spellings_are_one_word_and_short_words_keep_theirs() {
        let s = Stemmer::create(Algorithm::English);
        for (british, us) in [
            ("analysed", "analyzed"),
            ("colourised", "colorized"),
            ("criminalised", "criminalized"),
            ("harmonise", "harmonize"),
            ("mobilisation", "mobilization"),
            ("organisations", "organizations"),
            ("favourable", "favorable"),
            ("neighbouring", "neighboring"),
            ("neighbours", "neighbors"),
            ("colour", "color"),
            ("behavioural", "behavioral"),
            ("labourers", "laborers"),
            ("centred", "centered"),
            ("centres", "centers"),
            ("paralyse", "paralyze"),
            ("programmes", "programs"),
            ("defence", "defense"),
        ] {
            assert_eq!(stem(&s, british), stem(&s, us), "{british} / {us}");
        }
        // Words whose `our`, `ise` or `tre` is not a British spelling stay apart from others.
        for (one, other) in [
            ("four", "for"),
            ("hour", "hor"),
            ("your", "yor"),
            ("rise", "rize"),
            ("wise", "wize"),
            ("crises", "crizes"),
        ] {
            assert_ne!(stem(&s, one), stem(&s, other), "{one} / {other}");
        }
    }

    #[test]
    fn stem_joins_variants_and_word_forms() {
        let s = Stemmer::create(Algorithm::English);
        assert_eq!(stem(&s, "labour"), stem(&s, "labor"));
        assert_eq!(stem(&s, "organisations"), stem(&s, "organization"));
        assert_eq!(stem(&s, "centre"), stem(&s, "center"));
        assert_eq!(stem(&s, "programme"), stem(&s, "program"));
        assert_eq!(stem(&s, "realising"), stem(&s, "realizing"));
        assert_eq!(stem(&s, "children"), stem(&s, "child"));
        assert_eq!(stem(&s, "women"), stem(&s, "woman"));
        assert_eq!(stem(&s, "migrants"), stem(&s, "migrant"));
        assert_eq!(stem(&s, "rights"), stem(&s, "right"));
    }

    #[test]
    fn words_split_on_hyphens_and_keep_inner_apostrophes() {
        let w: Vec<&str> = words("follow-up, women's 4-6 weeks")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["follow", "up", "women's", "4", "6", "weeks"]);
    }

    #[test]
    fn parse_query_keeps_phrases_and_drops_stopwords() {
        let parts = parse_query(r#""access to justice" for migrants"#);
        assert_eq!(parts.len(), 2);
        assert!(parts[0].quoted);
        assert_eq!(parts[0].words, ["access", "to", "justice"]);
        assert_eq!(parts[1].words, ["migrants"]);
        // Only stopwords: keep them rather than search for nothing.
        assert_eq!(parse_query("the").len(), 1);
        assert_eq!(
            parse_query("non-refoulement")[0].words,
            ["non", "refoulement"]
        );
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(13), 2);
    }

    #[test]
    fn labour_rights_finds_issue_4_first() {
        let index = index();
        assert_eq!(top(index, "labour rights")[0], "issue:4");
        assert_eq!(top(index, "labor rights")[0], "issue:4");
        assert_eq!(top(index, "labour rigths")[0], "issue:4");
    }

    #[test]
    fn exact_acronym_comes_first_and_typos_still_find_it() {
        let index = index();
        assert_eq!(top(index, "CEDAW")[0], "member:cedaw");
        assert_eq!(top(index, "cedwa")[0], "member:cedaw");
        assert_eq!(top(index, "UNCEF")[0], "member:unicef");
    }

    #[test]
    fn typo_hits_rank_below_exact_hits() {
        let index = index();
        let hits = rank(index, &parse_query("rights"), &[]);
        let exact = hits
            .iter()
            .position(|h| h.id == "4" && h.kind == Kind::Issue)
            .expect("issue 4 matches");
        let typo = rank(index, &parse_query("rigths"), &[]);
        let typo_score = typo
            .iter()
            .find(|h| h.id == "4" && h.kind == Kind::Issue)
            .map(|h| h.score);
        assert!(typo_score < Some(hits[exact].score));
    }

    #[test]
    fn spelled_out_names_answer_to_their_acronym() {
        let index = index();
        // The group's `chairing` spells CEDAW out in full and never writes the acronym.
        let hits = rank(index, &parse_query("CEDAW"), &[Kind::Group]);
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0].matched.contains(&"chairing"),
            "{:?}",
            hits[0].matched
        );
    }

    #[test]
    fn acronyms_find_their_expansions_and_back() {
        let index = index();
        // CESCR's description writes only `ECOSOC`; the council's name still finds it.
        let hits = rank(
            index,
            &parse_query("Economic and Social Council"),
            &[Kind::Member],
        );
        assert_eq!(hits.first().map(|h| &*h.id), Some("cescr"));
        // The group's `chairing` spells the CMW out; `CMW` finds it there.
        let hits = rank(index, &parse_query("CMW"), &[Kind::Group]);
        assert!(
            hits[0].matched.contains(&"chairing"),
            "{:?}",
            hits[0].matched
        );
    }

    #[test]
    fn words_close_together_outrank_words_far_apart() {
        let index = index();
        // Issue 4's title has `migrant workers` side by side; CMW's name has them apart.
        let hits = rank(index, &parse_query("migrant workers"), &[]);
        let rank = |kind: Kind, id: &str| hits.iter().position(|h| h.kind == kind && h.id == id);
        let issue = rank(Kind::Issue, "4").expect("issue 4 matches");
        assert!(issue < rank(Kind::Member, "cmw").unwrap_or(usize::MAX));
    }

    #[test]
    fn quoted_phrases_match_in_order_only() {
        let index = index();
        let phrase = rank(index, &parse_query(r#""access to justice""#), &[]);
        assert_eq!(phrase.first().map(|h| &*h.id), Some("2"));
        assert!(rank(index, &parse_query(r#""justice to access""#), &[]).is_empty());
    }

    #[test]
    fn closer_words_rank_higher() {
        assert_eq!(
            smallest_window(&mut [(1, 0), (10, 0), (12, 1), (3, 1)], &mut [0; 2]),
            3
        );
        assert_eq!(smallest_window(&mut [(5, 0), (5, 1)], &mut [7, 7]), 1);
    }

    #[test]
    fn snippets_cut_at_words_and_keep_marks_on_the_match() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let start = text.find("nine").unwrap();
        let snippet = cut_snippet("f", text, std::iter::once(start..start + 4).collect(), 30);
        assert!(
            snippet.text.starts_with('…') && snippet.text.ends_with('…'),
            "{}",
            snippet.text
        );
        let mark = &snippet.marks[0];
        assert_eq!(&snippet.text[mark.clone()], "nine");
    }

    #[test]
    fn misses_name_the_unknown_word_and_its_neighbours() {
        let index = index();
        let parts = parse_query("migrant zzzzqx");
        assert!(rank(index, &parts, &[]).is_empty());
        match explain_miss(index, &parts, &[]) {
            Miss::Unknown(words) => assert_eq!(words[0].0, "zzzzqx"),
            other => panic!("{other:?}"),
        }
        assert!(closest_words(index, "migrnatt").contains(&"migrant".to_string()));
    }

    #[test]
    fn misses_of_words_that_never_meet_suggest_dropping_one() {
        let index = index();
        let parts = parse_query("unicef remittances");
        assert!(rank(index, &parts, &[]).is_empty());
        let Miss::NotTogether { drop } = explain_miss(index, &parts, &[]) else {
            panic!("words exist")
        };
        assert_eq!(drop, ["unicef", "remittances"]);
    }

    #[test]
    fn ids_sort_numbers_first_by_value_then_as_text() {
        // A total order even where numbers and other ids mix: comparing numbers by value and
        // anything else as text would put `2` < `10` < `1a` < `2`, which a sort may refuse.
        let mut ids = ["1a", "10", "b", "2", "02"];
        ids.sort_by_key(|id| natural_key(id));
        assert_eq!(ids, ["02", "2", "10", "1a", "b"]);
    }

    #[test]
    fn ties_break_by_kind_then_id() {
        let index = index();
        let hits = rank(index, &parse_query("migration"), &[]);
        assert!(hits.len() > 10);
        for pair in hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.score >= b.score);
            if a.score == b.score && a.kind == b.kind {
                assert!(
                    natural_key(&a.id) <= natural_key(&b.id),
                    "{} before {}",
                    a.id,
                    b.id
                );
            } else if a.score == b.score {
                assert!(a.kind < b.kind);
            }
        }
    }
}

#[cfg(test)]
mod properties {
    //! Properties that hold for any query: no panic, a stable order, hits that really contain
    //! what was asked, and every entry findable by its own id or title.

    use super::matching::letters;
    use super::normalise::{FILLERS, STOPWORDS, folds_to_words, stem, words};
    use super::tests::index;
    use super::*;
    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn key(hits: &[Hit<'_>]) -> Vec<(Kind, String, u64)> {
        hits.iter()
            .map(|h| (h.kind, h.id.to_string(), h.score.to_bits()))
            .collect()
    }

    proptest! {
        #[test]
        fn any_query_returns_without_panic_in_a_stable_order(query in "\\PC{0,40}") {
            let parts = parse_query(&query);
            let first = rank(index(), &parts, &[]);
            let second = rank(index(), &parts, &[]);
            prop_assert_eq!(key(&first), key(&second));
            if first.is_empty() && !parts.is_empty() {
                let _ = explain_miss(index(), &parts, &[]);
            }
        }

        #[test]
        fn quoted_words_are_in_every_hit(i in 0usize..10_000) {
            // A word the data contains, quoted so that only exact matches count.
            let words: Vec<&str> = index().terms.vocabulary.iter().map(|(w, _)| w).collect();
            let word = words[i % words.len()];
            let stemmer = Stemmer::create(Algorithm::English);
            let wanted = stem(&stemmer, word);
            for hit in rank(index(), &parse_query(&format!("\"{word}\"")), &[]) {
                let doc = index().docs().find(|d| d.kind == hit.kind && d.id == hit.id).expect("hit is a doc");
                let found = doc.fields.iter().any(|f| {
                    words_of(&f.text).any(|w| stem(&stemmer, &fold(w)) == wanted)
                        || index().implied(f).iter().any(|imp| index().terms.stems.get(&wanted) == Some(imp.token.term))
                });
                prop_assert!(found, "{} {} lacks {}", hit.kind, hit.id, word);
            }
        }
    }

    proptest! {
        #[test]
        fn letter_sets_never_rule_out_a_word_within_the_budget(
            a in "[abcdeé漢]{0,8}",
            b in "[abcdeé漢]{0,8}",
        ) {
            // A small alphabet, so that many pairs are a typo or two apart.
            let distance = strsim::osa_distance(&a, &b);
            prop_assert!((letters(&a) ^ letters(&b)).count_ones() as usize <= 2 * distance);
        }
    }

    proptest! {
        #[test]
        fn folds_to_words_says_what_fold_says(
            words in proptest::collection::vec("[a-zé'’]{0,4}", 0..4),
            upper in proptest::collection::vec(any::<bool>(), 16),
            noise in "[a-zA-Zé' ’-]{0,12}",
        ) {
            // The words themselves, in mixed case, and text at random.
            let joined = words.join(" ");
            let mixed: String = joined
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            for text in [joined.as_str(), mixed.as_str(), noise.as_str()] {
                prop_assert_eq!(
                    folds_to_words(text, words.iter().map(String::as_str)),
                    fold(text) == joined,
                    "{:?} against {:?}", text, words
                );
            }
        }
    }

    /// Queries with hits, of several kinds of entry, for the filler words' checks.
    const QUERIES_WITH_HITS: &[&str] = &[
        "labour rights",
        "domestic workers",
        "detention of children",
        "CEDAW",
        "remittances",
        "trafficking in women",
        "\"access to justice\"",
        "Marrakech",
    ];

    #[test]
    fn no_question_word_or_stopword_empties_a_query() {
        // Each row of both tables, before and after each query.
        for filler in FILLERS.iter().chain(STOPWORDS) {
            for query in QUERIES_WITH_HITS {
                for padded in [format!("{filler} {query}"), format!("{query} {filler}")] {
                    let hits = rank(index(), &parse_query(&padded), &[]);
                    assert!(!hits.is_empty(), "{padded:?} found nothing");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn question_words_anywhere_never_empty_a_result(
            query in 0..QUERIES_WITH_HITS.len(),
            fillers in proptest::collection::vec((0..FILLERS.len(), 0usize..8), 1..4),
        ) {
            // A quoted phrase is one unit: inside it a question word is a word to find.
            let query = QUERIES_WITH_HITS[query];
            let mut words: Vec<&str> = if query.starts_with('"') {
                vec![query]
            } else {
                query.split(' ').collect()
            };
            for (filler, at) in fillers {
                words.insert(at % (words.len() + 1), FILLERS[filler]);
            }
            let padded = words.join(" ");
            prop_assert!(!rank(index(), &parse_query(&padded), &[]).is_empty(), "{}", padded);
        }
    }

    fn words_of(text: &str) -> impl Iterator<Item = &str> {
        words(text).map(|(_, w)| w)
    }

    #[test]
    fn every_entry_is_in_the_top_3_for_its_own_id_and_title() {
        for doc in index().docs() {
            // Issue 1's shown title carries a marker that is not part of any text.
            let title = doc.title.split(" [").next().unwrap_or_default();
            for query in [&doc.id, title] {
                let parts = parse_query(query);
                let hits = rank(index(), &parts, &[]);
                let rank = hits
                    .iter()
                    .position(|h| h.kind == doc.kind && h.id == doc.id);
                assert!(
                    rank.is_some_and(|r| r < 3),
                    "{} {} for {query:?}: rank {rank:?}",
                    doc.kind,
                    doc.id
                );
            }
        }
    }
}

/// The synonym table as written, which build.rs compiles (query.rs's test holds the two
/// alike). Declared last: tests/layers.rs reads a file up to its first test-only item.
#[cfg(test)]
mod synonyms;
