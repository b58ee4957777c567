//! Reading a query: words and "quoted phrases"; stopwords and question words dropped; words of
//! the domain widened to their synonyms; "issue 2" and "objective 13" read as references.

use std::cell::OnceCell;

use rust_stemmers::{Algorithm, Stemmer};

use super::normalise::{FILLERS, STOPWORDS, fold, stem, words};
use crate::registry::{IdStyle, Kind};

/// One thing the user asked for: a word, or a phrase whose words must stand in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// As typed, for messages.
    pub text: String,
    /// The folded words.
    pub words: Vec<String>,
    /// Quoted by the user: matched exactly in order, typos not forgiven.
    pub quoted: bool,
    /// Other ways the data says the same (the synonym table), each a sequence of folded words;
    /// matched a little less surely than the words typed.
    pub synonyms: Vec<Vec<String>>,
}

impl Part {
    fn new(text: String, words: Vec<String>, quoted: bool) -> Part {
        Part {
            text,
            words,
            quoted,
            synonyms: Vec::new(),
        }
    }

    /// A single word outside quotes that asks nothing of its own: a stopword or question word.
    pub(super) fn is_filler(&self) -> bool {
        !self.quoted
            && self.words.len() == 1
            && (STOPWORDS.contains(&self.words[0].as_str())
                || FILLERS.contains(&self.words[0].as_str()))
    }
}

/// The kind a word of a query names (`objective`, `members`, `notes`, `guidance`), from the
/// words readers name each kind by (the registry's), singular or plural; a word of two kinds'
/// names names neither.
pub fn kind_of_word(word: &str) -> Option<Kind> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    let mut kinds = Kind::ALL.iter().copied().filter(|k| {
        k.words()
            .iter()
            .chain([&k.as_str(), &k.plural()])
            .flat_map(|w| w.split(' '))
            .any(|w| w == word || w == singular)
    });
    let kind = kinds.next()?;
    kinds.next().is_none().then_some(kind)
}

/// Words that, beside a kind's word, ask for all of that kind: "members of the EWG", "all the
/// notes", "chapters of the guide", "the GCM's objectives".
const WHOLE_SET_WORDS: &[&str] = &["ewg", "group", "all", "every", "each", "gcm", "compact"];

/// The kind whose every entry a query asks for: a kind's words, with nothing else but words of
/// [`WHOLE_SET_WORDS`] (`GCMGender`, `guidance notes`, `members of the EWG`, `all principles`).
pub fn whole_kind_asked(parts: &[Part]) -> Option<Kind> {
    let mut kind = None;
    for part in parts.iter().filter(|p| !p.is_filler()) {
        if part.quoted {
            return None;
        }
        for word in &part.words {
            if WHOLE_SET_WORDS.contains(&word.as_str()) {
                continue;
            }
            match kind_of_word(word) {
                Some(k) if kind.is_none_or(|have| have == k) => kind = Some(k),
                _ => return None,
            }
        }
    }
    kind
}

/// The kind a query names as what it asks for: a kind's word followed by a small word
/// (`issue about children`, `GCM actions on remittances`, `which objective is about ...`), not
/// one inside a name (`side events`, `Addis Ababa Action Agenda`). Taken out of the parts, as a
/// hint to rank that kind first; never the last word left, which is then what is searched for.
pub fn take_kind_word(typed: &[Part], parts: &mut Vec<Part>) -> Option<Kind> {
    if parts.iter().filter(|p| !p.is_filler()).count() < 2 {
        return None;
    }
    // The words that name one kind, as typed: `note`, or `guidance note` over two parts.
    let names_kind = |words: &[String]| {
        let kinds: Vec<Option<Kind>> = words.iter().map(|w| kind_of_word(w)).collect();
        kinds[0].filter(|k| kinds.iter().all(|other| *other == Some(*k)))
    };
    let (kind, words) = (0..typed.len()).find_map(|start| {
        (1..=2).find_map(|len| {
            let run = typed.get(start..start + len)?;
            let next = typed.get(start + len)?;
            let words: Vec<String> = run.iter().flat_map(|p| p.words.clone()).collect();
            let plain = run.iter().all(|p| !p.quoted);
            let kind = names_kind(&words).filter(|_| plain && next.is_filler())?;
            Some((kind, words))
        })
    })?;
    // Synonyms may have joined the run into one part (`guidance note`); else it is a part a word.
    match parts.iter().position(|p| !p.quoted && p.words == words) {
        Some(at) => {
            parts.remove(at);
        }
        None => parts.retain(|p| p.quoted || !(p.words.len() == 1 && words.contains(&p.words[0]))),
    }
    Some(kind)
}

/// The stems of a phrase's words, as the query and the table are compared.
fn stems(stemmer: &Stemmer, phrase: &[String]) -> Vec<String> {
    phrase.iter().map(|w| stem(stemmer, w)).collect()
}

fn folded_words(text: &str) -> Vec<String> {
    words(text).map(|(_, w)| fold(w)).collect()
}

/// Splits a query into words and phrases. Quoted text is a phrase; a hyphenated word is a
/// phrase of its parts, so `follow-up` also finds `follow up`. A run of words that is an entry of
/// the synonym table becomes one part. Stopwords and question words outside quotes are dropped
/// unless nothing else is left.
pub fn parse_query(query: &str) -> Vec<Part> {
    let mut parts = with_synonyms(split_query(query));
    // A word typed twice asks for nothing more.
    let mut seen: Vec<Vec<String>> = Vec::new();
    parts.retain(|p| {
        let new = !seen.contains(&p.words);
        seen.push(p.words.clone());
        new
    });
    if parts.iter().any(|p| !p.is_filler()) {
        parts.retain(|p| !p.is_filler());
    }
    parts
}

/// The words and phrases of a query as typed, nothing dropped or joined.
pub fn split_query(query: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let quoted = i % 2 == 1;
        if quoted {
            let folded = folded_words(chunk);
            if !folded.is_empty() {
                parts.push(Part::new(chunk.trim().to_string(), folded, quoted));
            }
            continue;
        }
        for raw in chunk.split_whitespace() {
            let folded = folded_words(raw);
            if !folded.is_empty() {
                let text = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
                parts.push(Part::new(text, folded, quoted));
            }
        }
    }
    parts
}

/// An entry of the synonym table: its folded words (as matched), whether it is only found by the
/// others (`>`), and its words' stems (as compared), all worked out by build.rs.
struct Synonym {
    folded: &'static [&'static str],
    found_only: bool,
    stems: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/synonyms.rs"));

impl Synonym {
    /// Whether a run of a query's folded words is this entry, give or take word forms
    /// (`run_stems` gives the run's stems). A stem starts with its word's first letter, so the
    /// run is stemmed only where an entry's words start as its own do: most queries are not.
    fn is<'r>(&self, run: &[String], run_stems: impl Fn() -> &'r [String]) -> bool {
        self.folded.len() == run.len()
            && self
                .folded
                .iter()
                .zip(run)
                .all(|(entry, word)| entry.chars().next() == word.chars().next())
            && self
                .stems
                .iter()
                .copied()
                .eq(run_stems().iter().map(String::as_str))
    }
}

/// Joins runs of unquoted parts that make up an entry of the synonym table, longest first, and
/// gives each such part the table's other entries.
fn with_synonyms(parts: Vec<Part>) -> Vec<Part> {
    let table = SYNONYM_TABLE;
    let stemmer = Stemmer::create(Algorithm::English);
    let longest = table
        .iter()
        .flat_map(|group| group.iter())
        .map(|entry| entry.folded.len())
        .max()
        .unwrap_or(1);
    let mut out: Vec<Part> = Vec::new();
    let mut i = 0;
    'parts: while i < parts.len() {
        if !parts[i].quoted {
            // The longest run of whole parts, starting here, that is an entry of the table.
            let mut run: Vec<String> = Vec::new();
            let mut ends = Vec::new();
            for (j, part) in parts[i..].iter().enumerate() {
                if part.quoted || run.len() + part.words.len() > longest {
                    break;
                }
                run.extend(part.words.iter().cloned());
                ends.push((i + j + 1, run.len()));
            }
            for (end, len) in ends.into_iter().rev() {
                let run = &run[..len];
                // The run's stems, worked out once, if an entry asks for them.
                let stemmed = OnceCell::new();
                let run_stems = || stemmed.get_or_init(|| stems(&stemmer, run)).as_slice();
                let Some(group) = table.iter().find(|group| {
                    group
                        .iter()
                        .any(|entry| !entry.found_only && entry.is(run, run_stems))
                }) else {
                    continue;
                };
                let joined = &parts[i..end];
                let mut part = Part::new(
                    joined
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    run.to_vec(),
                    false,
                );
                part.synonyms = group
                    .iter()
                    .filter(|entry| !entry.is(run, run_stems))
                    .map(|entry| entry.folded.iter().map(|w| w.to_string()).collect())
                    .collect();
                out.push(part);
                i = end;
                continue 'parts;
            }
        }
        out.push(parts[i].clone());
        i += 1;
    }
    out
}

/// Takes a reference out of the parts: a word that names a kind of numbered entry followed by a
/// number (`issue 2`, `guidance note 2`, `objective 13`), as the kind and the number.
pub fn take_reference(parts: &mut Vec<Part>) -> Option<(Kind, u32)> {
    let before_a_number = |pair: &[Part]| {
        !pair[0].quoted && pair[1].words.len() == 1 && pair[1].words[0].parse::<u32>().is_ok()
    };
    // Most queries have no number: the kinds' names are stemmed only for those that do.
    if !parts.windows(2).any(before_a_number) {
        return None;
    }
    let stemmer = Stemmer::create(Algorithm::English);
    // A numbered kind's words, before a number, name the entry the number is.
    let names: Vec<(Vec<String>, Kind)> = Kind::ALL
        .iter()
        .filter(|k| k.id_style() == IdStyle::Number)
        .flat_map(|&kind| kind.words().iter().map(move |word| (word, kind)))
        .map(|(word, kind)| (stems(&stemmer, &folded_words(word)), kind))
        .collect();
    let at = parts.windows(2).position(|pair| {
        before_a_number(pair)
            && names
                .iter()
                .any(|(name, _)| *name == stems(&stemmer, &pair[0].words))
    })?;
    let name = stems(&stemmer, &parts[at].words);
    let kind = names.iter().find(|(n, _)| *n == name)?.1;
    let number = parts[at + 1].words[0].parse::<u32>().ok()?;
    parts.drain(at..at + 2);
    Some((kind, number))
}

/// Whether a query asks only question words ("who is", "what about"): nothing to look for.
pub fn only_question_words(parts: &[Part]) -> bool {
    !parts.is_empty()
        && parts.iter().all(Part::is_filler)
        && parts.iter().any(|p| FILLERS.contains(&p.words[0].as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// build.rs includes search's own folding and stemming: this holds its table to them.
    #[test]
    fn the_compiled_synonym_table_is_the_written_one_folded_and_stemmed() {
        let written = super::super::synonyms::SYNONYMS;
        let stemmer = Stemmer::create(Algorithm::English);
        let compiled: Vec<usize> = SYNONYM_TABLE.iter().map(|group| group.len()).collect();
        let expected: Vec<usize> = written.iter().map(|group| group.len()).collect();
        assert_eq!(compiled, expected);
        let entries = SYNONYM_TABLE.iter().flat_map(|group| group.iter());
        for (entry, text) in entries.zip(written.iter().flat_map(|group| group.iter())) {
            let folded = folded_words(text.trim_start_matches('>'));
            assert_eq!(entry.folded, folded, "{text}");
            assert_eq!(entry.stems, stems(&stemmer, &folded), "{text}");
            assert_eq!(entry.found_only, text.starts_with('>'), "{text}");
        }
    }

    #[test]
    fn words_name_kinds_singular_or_plural() {
        assert_eq!(kind_of_word("objectives"), Some(Kind::Objective));
        assert_eq!(kind_of_word("note"), Some(Kind::Issue));
        assert_eq!(kind_of_word("gcmgender"), Some(Kind::Issue));
        assert_eq!(kind_of_word("actions"), Some(Kind::Action));
        assert_eq!(kind_of_word("trafficking"), None);
    }

    #[test]
    fn a_kind_with_only_words_of_the_whole_asks_for_the_whole_kind() {
        for (query, kind) in [
            ("members of the EWG", Kind::Member),
            ("all members", Kind::Member),
            ("who are the members", Kind::Member),
            ("GCMGender", Kind::Issue),
            ("the series", Kind::Issue),
            ("guidance notes", Kind::Issue),
            ("chapters of the guide", Kind::Chapter),
            ("the GCM's guiding principles", Kind::Principle),
            ("members of the group", Kind::Member),
            ("all activities", Kind::Activity),
        ] {
            assert_eq!(whole_kind_asked(&parse_query(query)), Some(kind), "{query}");
        }
        for query in [
            "members on detention",
            "\"members\"",
            "labour rights",
            "issue 4",
        ] {
            assert_eq!(whole_kind_asked(&parse_query(query)), None, "{query}");
        }
    }

    fn words(parts: &[Part]) -> Vec<String> {
        parts.iter().map(|p| p.words.join(" ")).collect()
    }

    #[test]
    fn question_words_are_dropped_unless_quoted() {
        assert_eq!(
            words(&parse_query("when was the GCM adopted")),
            ["gcm", "adopted"]
        );
        assert_eq!(
            words(&parse_query("how many migrant women")),
            ["migrant", "women"]
        );
        assert_eq!(words(&parse_query(r#""who" chairs"#)), ["who", "chairs"]);
        let only = parse_query("who is");
        assert!(only_question_words(&only), "{only:?}");
        assert!(!only_question_words(&parse_query("the")));
    }

    #[test]
    fn synonyms_join_the_words_of_an_entry_and_carry_the_others() {
        let parts = parse_query("sexual and gender-based violence in detention");
        assert_eq!(
            words(&parts),
            ["sexual and gender based violence", "detention"]
        );
        assert!(parts[0].synonyms.contains(&vec!["gbv".to_string()]));
        assert_eq!(parts[1].synonyms, [vec!["detained".to_string()]]);
        // Both ways, compared by stems: `labor` is `labour`, `workers` names `labour` back.
        assert!(
            parse_query("labor")[0]
                .synonyms
                .contains(&vec!["decent".to_string(), "work".to_string()])
        );
        // One way only: "decent work" finds what it says, not every labour entry.
        assert!(parse_query("decent work")[0].synonyms.is_empty());
        assert!(
            parse_query("workers")[0]
                .synonyms
                .contains(&vec!["labour".to_string()])
        );
        // Quoted words are taken as typed.
        assert!(parse_query(r#""labour""#)[0].synonyms.is_empty());
    }

    #[test]
    fn a_kind_word_before_a_number_is_a_reference() {
        for (query, kind, number) in [
            ("guidance note 2", Kind::Issue, 2),
            ("note 2", Kind::Issue, 2),
            ("issue 4", Kind::Issue, 4),
            (
                "what does objective 13 say about detention",
                Kind::Objective,
                13,
            ),
            ("guide 6", Kind::Chapter, 6),
        ] {
            let mut parts = parse_query(query);
            assert_eq!(take_reference(&mut parts), Some((kind, number)), "{query}");
        }
        let mut parts = parse_query("2018 statement");
        assert_eq!(take_reference(&mut parts), None);
        assert_eq!(parts.len(), 2);
    }

    #[test]
    fn a_kind_word_asks_for_that_kind_unless_it_is_all_there_is() {
        let take = |query: &str| {
            let mut parts = parse_query(query);
            let kind = take_kind_word(&split_query(query), &mut parts);
            (kind, words(&parts))
        };
        assert_eq!(
            take("which objective is about trafficking"),
            (Some(Kind::Objective), vec!["trafficking".to_string()])
        );
        assert_eq!(take("GCM actions on remittances").0, Some(Kind::Action));
        assert_eq!(take("issue about children").0, Some(Kind::Issue));
        assert_eq!(take("members").0, None);
        assert_eq!(take("side events").0, None);
        assert_eq!(take("Addis Ababa Action Agenda").0, None);
        assert_eq!(
            take("guidance note about children"),
            (Some(Kind::Issue), vec!["children".to_string()])
        );
    }
}
