//! Search: pure functions over the loaded data.
//!
//! normalise (case, accents, spelling variants, word forms) -> match -> score -> rank -> snippet.
//! The index's terms are built once from the dataset (for the bundled data, at compile time by
//! build.rs); a query normalises only its own words and looks them up in the index's vocabulary,
//! so no text is normalised again per query.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use serde::{Deserialize, Serialize};

use crate::data::{Dataset, Kind, Tier};

// ---------------------------------------------------------------------------------------------
// Normalise

/// British spellings and their American forms: both sides normalise to the second.
const VARIANTS: &[(&str, &str)] = &[
    ("labour", "labor"),
    ("labours", "labors"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("organise", "organize"),
    ("organised", "organized"),
    ("centre", "center"),
    ("centres", "centers"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("realise", "realize"),
    ("realising", "realizing"),
    ("realised", "realized"),
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("mobilise", "mobilize"),
    ("mobilising", "mobilizing"),
    ("utilise", "utilize"),
    ("minimise", "minimize"),
    ("finalise", "finalize"),
    ("finalising", "finalizing"),
    ("specialised", "specialized"),
    ("analyse", "analyze"),
    ("analysing", "analyzing"),
    ("operationalise", "operationalize"),
    ("operationalising", "operationalizing"),
    ("prioritise", "prioritize"),
    ("criminalise", "criminalize"),
    ("favour", "favor"),
    ("behaviour", "behavior"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("defence", "defense"),
    ("licence", "license"),
    ("ageing", "aging"),
    ("judgement", "judgment"),
    ("fulfil", "fulfill"),
    ("enrol", "enroll"),
    ("catalogue", "catalog"),
];

/// Word forms a stemmer does not join.
const IRREGULAR: &[(&str, &str)] = &[
    ("children", "child"),
    ("women", "woman"),
    ("men", "man"),
    ("girls", "girl"),
    ("people", "person"),
    ("persons", "person"),
    ("families", "family"),
];

/// Words too common to require on their own: dropped from queries outside quoted phrases.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "the", "their", "to", "with",
];

/// Lowercase, without accents, apostrophes or a possessive `'s`: the form typos and
/// suggestions are measured on.
pub(crate) fn fold(word: &str) -> String {
    // Most words are plain ASCII: no decomposition needed.
    let lower: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    lower.chars().filter(|c| !matches!(c, '\'' | '’')).collect()
}

/// A folded word's index term: spelling variants joined, then word forms.
fn stem(stemmer: &Stemmer, folded: &str) -> String {
    let word = VARIANTS
        .iter()
        .find(|(uk, _)| *uk == folded)
        .map_or(folded, |(_, us)| us);
    let word = IRREGULAR
        .iter()
        .find(|(form, _)| *form == word)
        .map_or(word, |(_, base)| base);
    if word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    stemmer.stem(word).into_owned()
}

/// Words of a text with their byte ranges. A word is a run of letters, digits and combining
/// marks, with apostrophes inside it; everything else (hyphens included) separates words.
pub(crate) fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let is_word_char = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
        if is_word_char(c) || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s..i, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Index

type TermId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Token {
    term: TermId,
    /// Byte offsets in the field's text; u32 keeps tokens small (files are far below 4 GB).
    start: u32,
    end: u32,
}

impl Token {
    fn new(term: TermId, span: Range<usize>) -> Token {
        Token {
            term,
            start: to_u32(span.start),
            end: to_u32(span.end),
        }
    }

    fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Offsets and counts are kept as u32: a dataset file is at most 64 MiB.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A term implied by the glossary: an acronym where its expansion is spelled out (`CEDAW` for
/// "Committee on the Elimination of Discrimination against Women"), or the words of an expansion
/// where only the acronym stands, found a little less surely.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Implied {
    token: Token,
    /// Position among the field's tokens, for closeness.
    pos: u32,
    strength: f64,
}

/// How surely the words of an expansion match where only its acronym is written.
const EXPANDED: f64 = 0.8;

/// What indexing found in one field: ranges into [`Terms::tokens`] and [`Terms::implied`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct FieldTerms {
    /// The field's words in order, for phrases and proximity.
    tokens: Range<u32>,
    /// Terms the field stands for without spelling them: kept apart from `tokens` so that they
    /// never break a phrase.
    implied: Range<u32>,
    /// How many of its words are not stopwords: what a query must cover to match it whole.
    content_words: u32,
}

/// Sorted words kept in one string, each with a value: compact in memory, and read back from
/// the prebuilt index without an allocation per word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WordMap<'t, V> {
    #[serde(borrow)]
    text: Cow<'t, str>,
    /// Each word's byte range in `text` and its value, in word order.
    words: Vec<(u32, u32, V)>,
}

impl<V: Copy> WordMap<'_, V> {
    fn new(map: HashMap<String, V>) -> WordMap<'static, V> {
        let mut sorted: Vec<(String, V)> = map.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut text = String::new();
        let mut words = Vec::with_capacity(sorted.len());
        for (word, value) in sorted {
            let start = to_u32(text.len());
            text.push_str(&word);
            words.push((start, to_u32(text.len()), value));
        }
        WordMap {
            text: Cow::Owned(text),
            words,
        }
    }

    fn word(&self, (start, end, _): &(u32, u32, V)) -> &str {
        &self.text[*start as usize..*end as usize]
    }

    fn get(&self, word: &str) -> Option<V> {
        let i = self
            .words
            .binary_search_by(|entry| self.word(entry).cmp(word))
            .ok()?;
        Some(self.words[i].2)
    }

    fn iter(&self) -> impl Iterator<Item = (&str, V)> {
        self.words.iter().map(|entry| (self.word(entry), entry.2))
    }

    /// The words that start with `prefix`, the prefix itself included.
    fn with_prefix(&self, prefix: &str) -> impl Iterator<Item = (&str, V)> {
        let from = self
            .words
            .partition_point(|entry| self.word(entry) < prefix);
        self.words[from..]
            .iter()
            .map(|entry| (self.word(entry), entry.2))
            .take_while(move |(word, _)| word.starts_with(prefix))
    }
}

/// Everything indexing derives from a dataset except its text: build.rs makes it for the bundled
/// data at compile time, so that a search there only reads it back (`Terms::from_prebuilt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Terms<'t> {
    /// Each term (a stemmed word, or an acronym) -> its id.
    #[serde(borrow)]
    stems: WordMap<'t, TermId>,
    /// Every folded word of the data -> its term and how often it occurs.
    #[serde(borrow)]
    vocabulary: WordMap<'t, (TermId, u32)>,
    tokens: Vec<Token>,
    implied: Vec<Implied>,
    /// One for each field of each entry, in the order of `Dataset::entries` and `Entry::fields`.
    fields: Vec<FieldTerms>,
}

impl Terms<'_> {
    pub(crate) fn build(data: &Dataset) -> Terms<'static> {
        TermsBuilder::default().build(data)
    }

    /// Reads back terms that `to_prebuilt` wrote.
    pub(crate) fn from_prebuilt(bytes: &[u8]) -> Option<Terms<'_>> {
        postcard::from_bytes(bytes).ok()
    }

    /// What build.rs writes for the bundled data.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_prebuilt(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }

    fn term_count(&self) -> usize {
        self.stems.words.len()
    }

    /// Whether a field's terms can belong to `text`: every range within bounds, every span on
    /// the text's character boundaries.
    fn fit(&self, field: &FieldTerms, text: &str) -> bool {
        let on_text = |t: &Token| {
            t.start <= t.end
                && text.is_char_boundary(t.start as usize)
                && text.is_char_boundary(t.end as usize)
        };
        let tokens = self
            .tokens
            .get(field.tokens.start as usize..field.tokens.end as usize);
        let implied = self
            .implied
            .get(field.implied.start as usize..field.implied.end as usize);
        match (tokens, implied) {
            (Some(tokens), Some(implied)) => {
                tokens.iter().all(on_text) && implied.iter().all(|i| on_text(&i.token))
            }
            _ => false,
        }
    }
}

/// The glossary as terms: what indexing needs to find implied terms.
#[derive(Default)]
struct Acronyms {
    /// First term of an expansion -> (the expansion's terms, its acronym's term).
    by_first_term: HashMap<TermId, Vec<(Vec<TermId>, TermId)>>,
    /// Acronym's term -> every term of its expansions.
    expansion_terms: HashMap<TermId, Vec<TermId>>,
}

/// Terms while they are being built: hash maps to intern into, frozen by `build`.
struct TermsBuilder {
    stems: HashMap<String, TermId>,
    vocabulary: HashMap<String, (TermId, u32)>,
    /// Each word as written -> its folded form, so that a word met again is not folded again.
    folded: HashMap<String, String>,
    stemmer: Stemmer,
    tokens: Vec<Token>,
    implied: Vec<Implied>,
    fields: Vec<FieldTerms>,
}

impl Default for TermsBuilder {
    fn default() -> TermsBuilder {
        TermsBuilder {
            stems: HashMap::new(),
            vocabulary: HashMap::new(),
            folded: HashMap::new(),
            stemmer: Stemmer::create(Algorithm::English),
            tokens: Vec::new(),
            implied: Vec::new(),
            fields: Vec::new(),
        }
    }
}

impl TermsBuilder {
    fn build(mut self, data: &Dataset) -> Terms<'static> {
        let mut acronyms = Acronyms::default();
        for term in &data.glossary {
            let acronym = self.intern(&stem(&self.stemmer, &fold(&term.acronym)));
            for expansion in &term.expansions {
                let seq: Vec<TermId> = words(expansion)
                    .iter()
                    .map(|(_, w)| self.term_of(w).0)
                    .collect();
                let all = acronyms.expansion_terms.entry(acronym).or_default();
                all.extend(
                    seq.iter()
                        .filter(|t| !all.contains(t))
                        .copied()
                        .collect::<Vec<_>>(),
                );
                if let Some(&first) = seq.first() {
                    acronyms
                        .by_first_term
                        .entry(first)
                        .or_default()
                        .push((seq, acronym));
                }
            }
        }
        for entry in data.entries() {
            for field in entry.fields() {
                self.index_field(&field.text, field.tier, &acronyms);
            }
        }
        Terms {
            stems: WordMap::new(self.stems),
            vocabulary: WordMap::new(self.vocabulary),
            tokens: self.tokens,
            implied: self.implied,
            fields: self.fields,
        }
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.stems.get(term) {
            return id;
        }
        let id = to_u32(self.stems.len());
        self.stems.insert(term.to_string(), id);
        id
    }

    /// The term of a word of the data, recorded in the vocabulary, and whether it is a
    /// stopword.
    fn term_of(&mut self, word: &str) -> (TermId, bool) {
        let folded = match self.folded.get(word) {
            Some(folded) => folded,
            None => self
                .folded
                .entry(word.to_string())
                .or_insert_with(|| fold(word)),
        };
        let stop = STOPWORDS.contains(&folded.as_str());
        if let Some((id, count)) = self.vocabulary.get_mut(folded) {
            *count += 1;
            return (*id, stop);
        }
        let folded = folded.clone();
        let id = self.intern(&stem(&self.stemmer, &folded));
        self.vocabulary.insert(folded, (id, 1));
        (id, stop)
    }

    fn index_field(&mut self, text: &str, tier: Tier, acronyms: &Acronyms) {
        let first_token = self.tokens.len();
        let first_implied = self.implied.len();
        let mut content_words = 0;
        for (span, word) in words(text) {
            let (term, stop) = self.term_of(word);
            content_words += u32::from(!stop);
            self.tokens.push(Token::new(term, span));
        }
        let tokens = &self.tokens[first_token..];
        for (pos, token) in tokens.iter().enumerate() {
            for (seq, acronym) in acronyms
                .by_first_term
                .get(&token.term)
                .into_iter()
                .flatten()
            {
                let end = pos + seq.len();
                let spelled_out = end <= tokens.len()
                    && tokens[pos..end]
                        .iter()
                        .map(|t| t.term)
                        .eq(seq.iter().copied());
                if spelled_out {
                    let span = token.span().start..tokens[end - 1].span().end;
                    self.implied.push(Implied {
                        token: Token::new(*acronym, span),
                        pos: to_u32(pos),
                        strength: EXACT,
                    });
                }
            }
            // An id or acronym field would rank its expansion as a key; the entry's name
            // already carries those words where they belong.
            if tier == Tier::Key {
                continue;
            }
            for &term in acronyms
                .expansion_terms
                .get(&token.term)
                .into_iter()
                .flatten()
            {
                self.implied.push(Implied {
                    token: Token::new(term, token.span()),
                    pos: to_u32(pos),
                    strength: EXPANDED,
                });
            }
        }
        self.fields.push(FieldTerms {
            tokens: to_u32(first_token)..to_u32(self.tokens.len()),
            implied: to_u32(first_implied)..to_u32(self.implied.len()),
            content_words,
        });
    }
}

#[derive(Debug)]
struct IndexedField<'a> {
    name: &'static str,
    tier: Tier,
    /// Borrowed from the dataset: the index holds no second copy of the text.
    text: Cow<'a, str>,
    terms: FieldTerms,
}

#[derive(Debug)]
struct Doc<'a> {
    kind: Kind,
    id: Cow<'a, str>,
    title: Cow<'a, str>,
    fields: Vec<IndexedField<'a>>,
}

/// The searchable form of a dataset: its entries' fields beside their terms.
pub(crate) struct Index<'a> {
    docs: Vec<Doc<'a>>,
    terms: Terms<'a>,
    stemmer: Stemmer,
}

impl<'a> Index<'a> {
    pub(crate) fn build(data: &'a Dataset) -> Index<'a> {
        Index::with_terms(data, Terms::build(data))
            .expect("terms built from the data match its fields")
    }

    /// Puts terms beside the entries they were built from; `None` if they do not fit the data
    /// (terms of another dataset).
    pub(crate) fn with_terms(data: &'a Dataset, terms: Terms<'a>) -> Option<Index<'a>> {
        let mut field_terms = terms.fields.iter();
        let mut docs = Vec::new();
        for entry in data.entries() {
            let fields = entry
                .fields()
                .into_iter()
                .map(|field| {
                    let found = field_terms.next()?;
                    terms.fit(found, &field.text).then(|| IndexedField {
                        name: field.name,
                        tier: field.tier,
                        text: field.text,
                        terms: found.clone(),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            docs.push(Doc {
                kind: entry.kind(),
                id: entry.id(),
                title: entry.title(),
                fields,
            });
        }
        if field_terms.next().is_some() {
            return None;
        }
        Some(Index {
            docs,
            terms,
            stemmer: Stemmer::create(Algorithm::English),
        })
    }

    fn tokens(&self, field: &IndexedField) -> &[Token] {
        &self.terms.tokens[field.terms.tokens.start as usize..field.terms.tokens.end as usize]
    }

    fn implied(&self, field: &IndexedField) -> &[Implied] {
        &self.terms.implied[field.terms.implied.start as usize..field.terms.implied.end as usize]
    }
}

// ---------------------------------------------------------------------------------------------
// Query

/// One thing the user asked for: a word, or a phrase whose words must stand in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    /// As typed, for messages.
    pub text: String,
    /// The folded words.
    pub words: Vec<String>,
    /// Quoted by the user: matched exactly in order, typos not forgiven.
    pub quoted: bool,
}

/// Splits a query into words and phrases. Quoted text is a phrase; a hyphenated word is a
/// phrase of its parts, so `follow-up` also finds `follow up`. Stopwords outside quotes are
/// dropped unless nothing else is left.
pub(crate) fn parse_query(query: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let quoted = i % 2 == 1;
        if quoted {
            let folded: Vec<String> = words(chunk).iter().map(|(_, w)| fold(w)).collect();
            if !folded.is_empty() {
                parts.push(Part {
                    text: chunk.trim().to_string(),
                    words: folded,
                    quoted,
                });
            }
            continue;
        }
        for raw in chunk.split_whitespace() {
            let folded: Vec<String> = words(raw).iter().map(|(_, w)| fold(w)).collect();
            if !folded.is_empty() {
                let text = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
                parts.push(Part {
                    text,
                    words: folded,
                    quoted,
                });
            }
        }
    }
    // A word typed twice asks for nothing more.
    let mut seen: Vec<Vec<String>> = Vec::new();
    parts.retain(|p| {
        let new = !seen.contains(&p.words);
        seen.push(p.words.clone());
        new
    });
    let is_stop =
        |p: &Part| !p.quoted && p.words.len() == 1 && STOPWORDS.contains(&p.words[0].as_str());
    if parts.iter().any(|p| !is_stop(p)) {
        parts.retain(|p| !is_stop(p));
    }
    parts
}

/// How well a term of the data stands for a word of the query.
const EXACT: f64 = 1.0;
const PREFIX: f64 = 0.7;
const TYPO_ONE: f64 = 0.6;
const TYPO_TWO: f64 = 0.45;
const SUBSEQUENCE: f64 = 0.4;

/// How many letters a word of this length may have wrong and still match.
fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How strongly a query word accepts each term of the index, by term id: 0.0 for not at all.
#[derive(Debug, Clone)]
struct Accepted(Vec<f64>);

impl Accepted {
    fn strength(&self, term: TermId) -> f64 {
        self.0.get(term as usize).copied().unwrap_or(0.0)
    }

    fn accept(&mut self, term: TermId, strength: f64) {
        if let Some(best) = self.0.get_mut(term as usize) {
            *best = best.max(strength);
        }
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(|&s| s == 0.0)
    }
}

/// The letters of a word as a set of 64 buckets. Each edit changes at most two letters of a
/// word's set, so two words whose sets differ in more than twice the typo budget cannot be
/// within it: a check far cheaper than the edit distance it saves.
fn letters(word: &str) -> u64 {
    word.chars().fold(0, |set, c| set | 1 << (c as u32 % 64))
}

/// The terms a query word accepts, each with its strength.
fn accepted_terms(index: &Index<'_>, word: &str, forgiving: bool) -> Accepted {
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
// Match and score

/// Weight of a hit in each tier: an exact id beats a title, a title beats a label, a label beats
/// prose.
fn tier_weight(tier: Tier) -> f64 {
    match tier {
        // Partial hits in ids weigh as titles; a whole id or acronym gets EXACT_KEY_BONUS.
        Tier::Key => 8.0,
        Tier::Title => 8.0,
        Tier::Short => 5.0,
        Tier::Prose => 2.0,
    }
}

/// A small prior by kind, for hits that are otherwise alike: the group's guidance notes are what
/// readers come for most, glossary terms only point elsewhere.
fn kind_prior(kind: Kind) -> f64 {
    match kind {
        Kind::Issue => 3.0,
        Kind::Group | Kind::Member | Kind::Publication => 1.0,
        Kind::Activity | Kind::Objective => 0.5,
        Kind::Event => 0.25,
        Kind::Term => 0.0,
    }
}

/// Bonus for the query being exactly the words of one field (a name, a label, an expansion):
/// below an exact id, above a partial hit in a title.
const EXACT_FIELD_BONUS: f64 = 10.0;

/// Bonus for the whole query being an entry's id or acronym: it then comes first.
const EXACT_KEY_BONUS: f64 = 100.0;

/// Where a query part matched in one field.
#[derive(Debug, Clone)]
struct Occurrence {
    field: usize,
    /// Token positions it covers.
    positions: Range<usize>,
    span: Range<usize>,
    strength: f64,
    /// The words stand in the text, rather than being implied by the glossary.
    literal: bool,
}

/// One query part's accepted terms, resolved against the index once per query.
struct Matcher {
    /// One for each word of the part.
    words: Vec<Accepted>,
    /// The folded word, for subsequence matching on keys (single words only).
    single: Option<String>,
}

fn occurrences(
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

/// A search result.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
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

/// A piece of a field's text with the matched words marked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Snippet {
    pub field: &'static str,
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// Scores one document against resolved query parts, or `None` if some part is missing.
fn score_doc(
    index: &Index<'_>,
    doc: &Doc,
    parts: &[Part],
    matchers: &[Matcher],
    fuzzy: &SkimMatcherV2,
) -> Option<Hit> {
    let per_part: Vec<Vec<Occurrence>> = matchers
        .iter()
        .map(|m| occurrences(index, m, doc, fuzzy))
        .collect();
    if per_part.iter().any(Vec::is_empty) {
        return None;
    }
    let mut score = kind_prior(doc.kind);
    for occurrences in &per_part {
        let best = occurrences
            .iter()
            .map(|o| tier_weight(doc.fields[o.field].tier) * o.strength)
            .fold(0.0, f64::max);
        score += best;
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
        let starts: Vec<Vec<usize>> = per_part
            .iter()
            .map(|occ| {
                occ.iter()
                    .filter(|o| o.field == f && o.literal)
                    .map(|o| o.positions.start)
                    .collect()
            })
            .collect();
        if starts.iter().any(Vec::is_empty) {
            continue;
        }
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
        best_field_bonus =
            best_field_bonus.max(tier_weight(field.tier) * (coverage + 0.5 * closeness) + exact);
    }
    score += best_field_bonus;

    let mut matched: Vec<&'static str> = Vec::new();
    for f in 0..doc.fields.len() {
        let name = doc.fields[f].name;
        if per_part.iter().flatten().any(|o| o.field == f) && !matched.contains(&name) {
            matched.push(name);
        }
    }
    let snippet = best_snippet(doc, &per_part);
    let title_marks = title_marks(doc, &per_part);
    Some(Hit {
        kind: doc.kind,
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        score: (score * 100.0).round() / 100.0,
        matched,
        snippet,
        title_marks,
    })
}

/// Token span of the tightest window that holds one position from each list.
fn smallest_window(lists: &[Vec<usize>]) -> usize {
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

/// Marks in the title where the title is one of the entry's fields.
fn title_marks(doc: &Doc, per_part: &[Vec<Occurrence>]) -> Vec<Range<usize>> {
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
fn best_snippet(doc: &Doc, per_part: &[Vec<Occurrence>]) -> Snippet {
    let parts_in = |f: usize| {
        per_part
            .iter()
            .filter(|occ| occ.iter().any(|o| o.field == f))
            .count()
    };
    let best = doc
        .fields
        .iter()
        .enumerate()
        .filter(|&(f, _)| parts_in(f) > 0)
        // Most parts first, then prose over titles and keys, then the earliest field.
        .max_by_key(|&(f, field)| {
            (
                parts_in(f),
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

const SNIPPET_CHARS: usize = 110;

/// Cuts `text` to about `max` characters around its first mark, at word boundaries, with `…`
/// where it was cut, and moves the marks with it.
pub(crate) fn cut_snippet(
    field: &'static str,
    text: &str,
    marks: Vec<Range<usize>>,
    max: usize,
) -> Snippet {
    if text.chars().count() <= max {
        return Snippet {
            field,
            text: text.to_string(),
            marks,
        };
    }
    let first = marks.first().map_or(0, |m| m.start);
    // Start a little before the first match, at a word boundary.
    let lead = max / 4;
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..]
            .find(' ')
            .map_or(start, |s| start + s + 1)
            .min(first);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(max)
        .map_or(text.len(), |(i, _)| start + i);
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
        text: format!("{prefix}{}{suffix}", &text[start..end]),
        marks,
    }
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rank

/// Every entry that matches all parts of the query, best first; ties by kind, then id.
pub(crate) fn search(index: &Index<'_>, parts: &[Part], kinds: &[Kind]) -> Vec<Hit> {
    if parts.is_empty() {
        return Vec::new();
    }
    let matchers: Vec<Matcher> = parts
        .iter()
        .map(|p| Matcher {
            words: p
                .words
                .iter()
                .map(|w| accepted_terms(index, w, !p.quoted))
                .collect(),
            single: (!p.quoted && p.words.len() == 1).then(|| p.words[0].clone()),
        })
        .collect();
    let fuzzy = SkimMatcherV2::default();
    let mut hits: Vec<Hit> = index
        .docs
        .iter()
        .filter(|d| kinds.is_empty() || kinds.contains(&d.kind))
        .filter_map(|d| score_doc(index, d, parts, &matchers, &fuzzy))
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| natural_cmp(&a.id, &b.id))
    });
    hits
}

/// Orders ids so that `2` comes before `10`.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

// ---------------------------------------------------------------------------------------------
// Suggest

/// Why a query found nothing, and what to try instead.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Miss {
    /// These words are nowhere in the data; each with the closest words that are.
    Unknown(Vec<(String, Vec<String>)>),
    /// Every part matches somewhere, but no entry has them all; dropping these parts helps.
    NotTogether { drop: Vec<String> },
}

/// Explains an empty result.
pub(crate) fn explain_miss(index: &Index<'_>, parts: &[Part], kinds: &[Kind]) -> Miss {
    let mut unknown = Vec::new();
    for part in parts {
        for word in &part.words {
            if accepted_terms(index, word, true).is_empty() {
                unknown.push((word.clone(), closest_words(index, word)));
            }
        }
    }
    if !unknown.is_empty() {
        return Miss::Unknown(unknown);
    }
    let drop = (0..parts.len())
        .filter(|&i| {
            let rest: Vec<Part> = parts
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, p)| p.clone())
                .collect();
            !rest.is_empty() && !search(index, &rest, kinds).is_empty()
        })
        .map(|i| parts[i].text.clone())
        .collect();
    Miss::NotTogether { drop }
}

const MAX_SUGGESTED_LEN: usize = 64;

/// Up to three words of the data nearest to `word` by edit distance, most common first among
/// equals.
pub(crate) fn closest_words(index: &Index<'_>, word: &str) -> Vec<String> {
    // No word of the data is this long: nothing is near, and the distance would be costly.
    if word.chars().count() > MAX_SUGGESTED_LEN {
        return Vec::new();
    }
    let limit = (word.chars().count() / 2).max(2);
    let mut near: Vec<(usize, std::cmp::Reverse<u32>, &str)> = index
        .terms
        .vocabulary
        .iter()
        // Common words and one- or two-letter words would be noise, not suggestions.
        .filter(|(known, _)| known.chars().count() > 2 && !STOPWORDS.contains(known))
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
    near.into_iter()
        .take(3)
        .map(|(_, _, w)| w.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::BUNDLED;

    /// The bundled data's index, built once for every test of this file.
    pub(super) fn index() -> &'static Index<'static> {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        static INDEX: std::sync::OnceLock<Index<'static>> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            Index::build(DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads")))
        })
    }

    fn top(index: &Index<'_>, query: &str) -> Vec<String> {
        search(index, &parse_query(query), &[])
            .into_iter()
            .take(3)
            .map(|h| format!("{}:{}", h.kind, h.id))
            .collect()
    }

    #[test]
    fn fold_lowercases_and_strips_accents_and_possessives() {
        assert_eq!(fold("Réfugiés"), "refugies");
        assert_eq!(fold("women's"), "women");
        assert_eq!(fold("Children’s"), "children");
        assert_eq!(fold("İstanbul"), "istanbul");
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
            .into_iter()
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
        let hits = search(index, &parse_query("rights"), &[]);
        let exact = hits
            .iter()
            .position(|h| h.id == "4" && h.kind == Kind::Issue)
            .expect("issue 4 matches");
        let typo = search(index, &parse_query("rigths"), &[]);
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
        let hits = search(index, &parse_query("CEDAW"), &[Kind::Group]);
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
        let hits = search(
            index,
            &parse_query("Economic and Social Council"),
            &[Kind::Member],
        );
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("cescr"));
        // The group's `chairing` spells the CMW out; `CMW` finds it there.
        let hits = search(index, &parse_query("CMW"), &[Kind::Group]);
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
        let hits = search(index, &parse_query("migrant workers"), &[]);
        let rank = |kind: Kind, id: &str| hits.iter().position(|h| h.kind == kind && h.id == id);
        let issue = rank(Kind::Issue, "4").expect("issue 4 matches");
        assert!(issue < rank(Kind::Member, "cmw").unwrap_or(usize::MAX));
    }

    #[test]
    fn quoted_phrases_match_in_order_only() {
        let index = index();
        let phrase = search(index, &parse_query(r#""access to justice""#), &[]);
        assert_eq!(phrase.first().map(|h| h.id.as_str()), Some("2"));
        assert!(search(index, &parse_query(r#""justice to access""#), &[]).is_empty());
    }

    #[test]
    fn closer_words_rank_higher() {
        assert_eq!(smallest_window(&[vec![1, 10], vec![12, 3]]), 3);
        assert_eq!(smallest_window(&[vec![5], vec![5]]), 1);
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
        assert!(search(index, &parts, &[]).is_empty());
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
        assert!(search(index, &parts, &[]).is_empty());
        let Miss::NotTogether { drop } = explain_miss(index, &parts, &[]) else {
            panic!("words exist")
        };
        assert_eq!(drop, ["unicef", "remittances"]);
    }

    #[test]
    fn ties_break_by_kind_then_id() {
        let index = index();
        let hits = search(index, &parse_query("migration"), &[]);
        assert!(hits.len() > 10);
        for pair in hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.score >= b.score);
            if a.score == b.score && a.kind == b.kind {
                assert_ne!(
                    natural_cmp(&a.id, &b.id),
                    std::cmp::Ordering::Greater,
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

    use super::tests::index;
    use super::*;
    use proptest::prelude::*;

    fn key(hits: &[Hit]) -> Vec<(Kind, String, u64)> {
        hits.iter()
            .map(|h| (h.kind, h.id.clone(), h.score.to_bits()))
            .collect()
    }

    proptest! {
        #[test]
        fn any_query_returns_without_panic_in_a_stable_order(query in "\\PC{0,40}") {
            let parts = parse_query(&query);
            let first = search(index(), &parts, &[]);
            let second = search(index(), &parts, &[]);
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
            for hit in search(index(), &parse_query(&format!("\"{word}\"")), &[]) {
                let doc = index().docs.iter().find(|d| d.kind == hit.kind && d.id == hit.id).expect("hit is a doc");
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

    fn words_of(text: &str) -> impl Iterator<Item = &str> {
        words(text).into_iter().map(|(_, w)| w)
    }

    #[test]
    fn every_entry_is_in_the_top_3_for_its_own_id_and_title() {
        for doc in &index().docs {
            // Issue 1's shown title carries a marker that is not part of any text.
            let title = doc.title.split(" [").next().unwrap_or_default();
            for query in [&doc.id, title] {
                let parts = parse_query(query);
                let hits = search(index(), &parts, &[]);
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
