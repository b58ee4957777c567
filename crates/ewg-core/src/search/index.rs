//! The index: every word of the data interned as a term, each field's tokens and the terms the
//! glossary implies there. Built from a dataset, or, for the bundled data, compiled in as the
//! statics build.rs writes of it ([`PrebuiltIndex`]): public for that code, not for use.

use foldhash::HashMap;
use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

use super::matching::EXACT;
use super::normalise::{STOPWORDS, fold, stem, words};
use crate::model::Dataset;
use crate::registry::{Kind, Tier};

pub type TermId = u32;

#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core::search::index))]
pub struct Token {
    pub term: TermId,
    /// Byte offsets in the field's text; u32 keeps tokens small (files are far below 4 GB).
    pub start: u32,
    pub end: u32,
}

impl Token {
    pub(super) fn new(term: TermId, span: Range<usize>) -> Token {
        Token {
            term,
            start: to_u32(span.start),
            end: to_u32(span.end),
        }
    }

    pub(super) fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Offsets and counts are kept as u32: a dataset file is at most 64 MiB.
pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A term implied by the glossary: an acronym where its expansion is spelled out (`CEDAW` for
/// "Committee on the Elimination of Discrimination against Women"), or the words of an expansion
/// where only the acronym stands, found a little less surely.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core::search::index))]
pub struct Implied {
    pub token: Token,
    /// Position among the field's tokens, for closeness.
    pub pos: u32,
    pub strength: f64,
}

/// How surely the words of an expansion match where only its acronym is written.
pub(super) const EXPANDED: f64 = 0.8;

/// What indexing found in one field: ranges into [`Terms::tokens`] and [`Terms::implied`].
#[derive(Debug, Clone, PartialEq)]
pub struct FieldTerms {
    /// The field's words in order, for phrases and proximity.
    pub tokens: Range<u32>,
    /// Terms the field stands for without spelling them: kept apart from `tokens` so that they
    /// never break a phrase.
    pub implied: Range<u32>,
    /// How many of its words are not stopwords: what a query must cover to match it whole.
    pub content_words: u32,
}

/// Sorted words kept in one string, each with a value: compact in memory, and compiled in for
/// the bundled data without a pointer per word.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core::search::index))]
pub struct WordMap<'t, V: Clone + 'static> {
    pub text: Cow<'t, str>,
    /// Each word's byte range in `text` and its value, in word order.
    pub words: Cow<'t, [(u32, u32, V)]>,
}

impl<V: Copy> WordMap<'_, V> {
    pub(super) fn new(words: impl IntoIterator<Item = (String, V)>) -> WordMap<'static, V> {
        // Each word beside its first eight bytes as a number, which orders most pairs without
        // reading the words themselves, scattered over the heap. Zeros pad a short word: it
        // comes first, as it does among the words; equal numbers are ordered by the words.
        let head = |word: &str| {
            let mut bytes = [0; 8];
            let n = word.len().min(8);
            bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
            u64::from_be_bytes(bytes)
        };
        let mut sorted: Vec<(u64, String, V)> = words
            .into_iter()
            .map(|(word, value)| (head(&word), word, value))
            .collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut text = String::new();
        let mut words = Vec::with_capacity(sorted.len());
        for (_, word, value) in sorted {
            let start = to_u32(text.len());
            text.push_str(&word);
            words.push((start, to_u32(text.len()), value));
        }
        WordMap {
            text: Cow::Owned(text),
            words: Cow::Owned(words),
        }
    }

    pub(super) fn word(&self, (start, end, _): &(u32, u32, V)) -> &str {
        &self.text[*start as usize..*end as usize]
    }

    pub(super) fn get(&self, word: &str) -> Option<V> {
        let i = self
            .words
            .binary_search_by(|entry| self.word(entry).cmp(word))
            .ok()?;
        Some(self.words[i].2)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, V)> {
        self.words.iter().map(|entry| (self.word(entry), entry.2))
    }

    /// The words that start with `prefix`, the prefix itself included.
    pub(super) fn with_prefix(&self, prefix: &str) -> impl Iterator<Item = (&str, V)> {
        let from = self
            .words
            .partition_point(|entry| self.word(entry) < prefix);
        self.words[from..]
            .iter()
            .map(|entry| (self.word(entry), entry.2))
            .take_while(move |(word, _)| word.starts_with(prefix))
    }
}

/// Everything indexing derives from a dataset except its text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core::search::index))]
pub struct Terms<'t> {
    /// Each term (a stemmed word, or an acronym) -> its id.
    pub stems: WordMap<'t, TermId>,
    /// Every folded word of the data -> its term and how often it occurs.
    pub vocabulary: WordMap<'t, (TermId, u32)>,
    pub tokens: Cow<'t, [Token]>,
    pub implied: Cow<'t, [Implied]>,
    /// Where [`Index::with_postings`] made them (build.rs does, for the bundled data), the
    /// fields (by their place in [`Index`]'s list of all fields) that write or imply each
    /// term, term after term:
    /// `postings[ends[t - 1]..ends[t]]` for term `t`. Empty otherwise.
    pub postings: Cow<'t, [u32]>,
    pub posting_ends: Cow<'t, [u32]>,
}

impl Terms<'_> {
    pub(super) fn term_count(&self) -> usize {
        self.stems.words.len()
    }
}

/// The glossary as terms: what indexing needs to find implied terms.
#[derive(Default)]
pub(super) struct Acronyms {
    /// First term of an expansion -> (the expansion's terms, its acronym's term).
    pub(super) by_first_term: HashMap<TermId, Vec<(Vec<TermId>, TermId)>>,
    /// Acronym's term -> every term of its expansions.
    pub(super) expansion_terms: HashMap<TermId, Vec<TermId>>,
}

/// A word of the vocabulary while it is being built.
#[derive(Clone, Copy)]
pub(super) struct Word {
    term: TermId,
    /// How often it occurs.
    count: u32,
    /// Whether it is a stopword: known for each word, rather than sought in the list of
    /// stopwords at every occurrence.
    stop: bool,
}

/// The id of `term`, interned in `stems`.
fn intern(stems: &mut HashMap<String, TermId>, term: &str) -> TermId {
    if let Some(&id) = stems.get(term) {
        return id;
    }
    let id = to_u32(stems.len());
    stems.insert(term.to_string(), id);
    id
}

/// Terms while they are being built: hash maps to intern into, frozen by `build`.
pub(super) struct TermsBuilder {
    pub(super) stems: HashMap<String, TermId>,
    pub(super) vocabulary: HashMap<String, Word>,
    /// Each word as written -> its folded form, so that a word met again is not folded again.
    pub(super) folded: HashMap<String, String>,
    pub(super) stemmer: Stemmer,
    pub(super) tokens: Vec<Token>,
    pub(super) implied: Vec<Implied>,
}

impl Default for TermsBuilder {
    fn default() -> TermsBuilder {
        TermsBuilder {
            stems: HashMap::default(),
            vocabulary: HashMap::default(),
            folded: HashMap::default(),
            stemmer: Stemmer::create(Algorithm::English),
            tokens: Vec::new(),
            implied: Vec::new(),
        }
    }
}

impl TermsBuilder {
    /// The terms of every field of every entry, and each entry with its fields beside their
    /// terms, in the order of `Dataset::entries` and `Entry::fields`.
    pub(super) fn build<'a>(
        mut self,
        data: &'a Dataset,
    ) -> (Terms<'static>, Vec<DocHead<'a>>, Vec<IndexedField<'a>>) {
        let mut acronyms = Acronyms::default();
        for term in &data.glossary {
            let acronym = intern(&mut self.stems, &stem(&self.stemmer, &fold(&term.acronym)));
            for expansion in &term.expansions {
                let seq: Vec<TermId> = words(expansion).map(|(_, w)| self.term_of(w).0).collect();
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
        let mut heads = Vec::new();
        let mut fields = Vec::new();
        // One entry at a time, each field indexed as it is listed: its text is read once, while
        // it is at hand (made whole first, 100,000 entries took a quarter longer).
        for entry in data.entries() {
            let first = to_u32(fields.len());
            for field in entry.fields() {
                let terms = self.index_field(&field.text, field.tier, &acronyms);
                fields.push(IndexedField {
                    name: field.name,
                    tier: field.tier,
                    text: field.text,
                    terms,
                });
            }
            heads.push(DocHead {
                kind: entry.kind(),
                id: entry.id(),
                title: entry.title(),
                fields: first..to_u32(fields.len()),
            });
        }
        let terms = Terms {
            stems: WordMap::new(self.stems),
            vocabulary: WordMap::new(
                self.vocabulary
                    .into_iter()
                    .map(|(word, known)| (word, (known.term, known.count))),
            ),
            tokens: Cow::Owned(self.tokens),
            implied: Cow::Owned(self.implied),
            postings: Cow::default(),
            posting_ends: Cow::default(),
        };
        (terms, heads, fields)
    }

    /// The term of a word of the data, recorded in the vocabulary, and whether it is a
    /// stopword.
    pub(super) fn term_of(&mut self, word: &str) -> (TermId, bool) {
        let TermsBuilder {
            stems,
            vocabulary,
            folded,
            stemmer,
            ..
        } = self;
        // Most words are lowercase ASCII, which folding leaves as they are: those skip the map
        // of folded forms, a second look-up for every word.
        let folded: &str = if word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            word
        } else {
            match folded.get(word) {
                Some(folded) => folded,
                None => folded.entry(word.to_string()).or_insert_with(|| fold(word)),
            }
        };
        if let Some(known) = vocabulary.get_mut(folded) {
            known.count += 1;
            return (known.term, known.stop);
        }
        let word = Word {
            term: intern(stems, &stem(stemmer, folded)),
            count: 1,
            stop: STOPWORDS.contains(&folded),
        };
        vocabulary.insert(folded.to_string(), word);
        (word.term, word.stop)
    }

    /// Indexes one field's text: its tokens and implied terms are added to the lists.
    pub(super) fn index_field(
        &mut self,
        text: &str,
        tier: Tier,
        acronyms: &Acronyms,
    ) -> FieldTerms {
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
        FieldTerms {
            tokens: to_u32(first_token)..to_u32(self.tokens.len()),
            implied: to_u32(first_implied)..to_u32(self.implied.len()),
            content_words,
        }
    }
}

/// A field of an entry beside its terms.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core::search::index))]
pub struct IndexedField<'a> {
    pub name: &'static str,
    pub tier: Tier,
    /// Borrowed from the dataset: the index holds no second copy of the text.
    pub text: Cow<'a, str>,
    pub terms: FieldTerms,
}

/// An entry as the index keeps it: its fields are a range of [`Index::fields`], all entries'
/// in one list rather than a list for each entry (two allocations an entry, and their frees,
/// were a tenth of a search).
#[derive(Debug, Clone, PartialEq)]
pub struct DocHead<'a> {
    pub kind: Kind,
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub fields: Range<u32>,
}

/// An entry of the index with its fields: what [`Index::docs`] gives.
#[derive(Debug, Clone, Copy)]
pub(super) struct Doc<'i, 'a> {
    head: &'i DocHead<'a>,
    pub(super) fields: &'i [IndexedField<'a>],
}

impl Doc<'_, '_> {
    /// The place of its first field in the index's list of all fields, as postings name it.
    pub(super) fn first_field(&self) -> usize {
        self.head.fields.start as usize
    }
}

impl<'a> std::ops::Deref for Doc<'_, 'a> {
    type Target = DocHead<'a>;
    fn deref(&self) -> &DocHead<'a> {
        self.head
    }
}

/// The searchable form of a dataset: its entries' fields beside their terms.
pub struct Index<'a> {
    heads: Cow<'a, [DocHead<'a>]>,
    fields: Cow<'a, [IndexedField<'a>]>,
    pub(super) terms: Terms<'a>,
    pub(super) stemmer: Stemmer,
}

/// Two indexes are equal when all they hold is (the stemmer is always English's).
impl<'a> PartialEq for Index<'a> {
    fn eq(&self, other: &Index<'a>) -> bool {
        self.heads == other.heads && self.fields == other.fields && self.terms == other.terms
    }
}

/// The bundled data's search index, with postings, as build.rs writes it ([`Index::bake`]) and
/// the binary compiles it in: every list is read where it lies, none is decoded or built (a
/// test holds it to a fresh `Index::build(data).with_postings()`).
#[derive(Debug)]
pub struct PrebuiltIndex {
    pub heads: &'static [DocHead<'static>],
    pub fields: &'static [IndexedField<'static>],
    pub terms: Terms<'static>,
}

impl<'a> Index<'a> {
    /// The bundled data's index as compiled in: it reads no section of the data.
    pub fn prebuilt(prebuilt: &'static PrebuiltIndex) -> Index<'a> {
        Index {
            heads: Cow::Borrowed(prebuilt.heads),
            fields: Cow::Borrowed(prebuilt.fields),
            terms: prebuilt.terms.clone(),
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    pub fn build(data: &'a Dataset) -> Index<'a> {
        let (terms, heads, fields) = TermsBuilder::default().build(data);
        Index {
            heads: Cow::Owned(heads),
            fields: Cow::Owned(fields),
            terms,
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The index with postings: for each term, the fields that write or imply it, so that a
    /// search skips the other entries, and the other fields of an entry, at once. Worth making
    /// once, for the index build.rs compiles in.
    pub fn with_postings(mut self) -> Index<'a> {
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); self.terms.term_count()];
        for (place, field) in self.fields.iter().enumerate() {
            let place = to_u32(place);
            let tokens = self.tokens(field).iter();
            let implied = self.implied(field).iter().map(|i| &i.token);
            for token in tokens.chain(implied) {
                let list = &mut lists[token.term as usize];
                if list.last() != Some(&place) {
                    list.push(place);
                }
            }
        }
        self.terms.posting_ends = lists
            .iter()
            .scan(0, |end, list| {
                *end += to_u32(list.len());
                Some(*end)
            })
            .collect();
        self.terms.postings = lists.concat().into();
        self
    }

    /// Every entry, in the data's order.
    pub(super) fn docs(&self) -> impl Iterator<Item = Doc<'_, 'a>> {
        self.heads.iter().map(|head| Doc {
            head,
            fields: &self.fields[head.fields.start as usize..head.fields.end as usize],
        })
    }

    /// How many fields all entries have together.
    pub(super) fn field_count(&self) -> usize {
        self.fields.len()
    }

    /// Whether the terms carry postings (the bundled data's do).
    pub(super) fn has_postings(&self) -> bool {
        !self.terms.posting_ends.is_empty()
    }

    /// The places of the fields that write or imply `term`, where the terms carry postings;
    /// `None` where they do not.
    pub(super) fn fields_with(&self, term: TermId) -> Option<&[u32]> {
        let terms = &self.terms;
        let end = *terms.posting_ends.get(term as usize)? as usize;
        let start = match term.checked_sub(1) {
            Some(before) => terms.posting_ends[before as usize] as usize,
            None => 0,
        };
        terms.postings.get(start..end)
    }

    pub(super) fn tokens(&self, field: &IndexedField) -> &[Token] {
        &self.terms.tokens[field.terms.tokens.start as usize..field.terms.tokens.end as usize]
    }

    pub(super) fn implied(&self, field: &IndexedField) -> &[Implied] {
        &self.terms.implied[field.terms.implied.start as usize..field.terms.implied.end as usize]
    }
}

/// What build.rs writes of the bundled data's index: a [`PrebuiltIndex`], as Rust.
#[cfg(feature = "bake")]
impl Index<'_> {
    pub fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        use databake::{Bake, quote};
        env.insert("ewg_core");
        let heads = self.heads.iter().map(|head| head.bake(env));
        let fields = self.fields.iter().map(|field| field.bake(env));
        let terms = self.terms.bake(env);
        quote! {
            ewg_core::search::PrebuiltIndex {
                heads: &[#(#heads),*],
                fields: &[#(#fields),*],
                terms: #terms,
            }
        }
    }
}

/// A range, which databake does not write, as the literal `start..end`.
#[cfg(feature = "bake")]
fn bake_range(range: &Range<u32>) -> databake::TokenStream {
    let (start, end) = (range.start, range.end);
    databake::quote! { #start..#end }
}

#[cfg(feature = "bake")]
impl databake::Bake for FieldTerms {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("ewg_core");
        let (tokens, implied) = (bake_range(&self.tokens), bake_range(&self.implied));
        let content_words = self.content_words;
        databake::quote! {
            ewg_core::search::index::FieldTerms {
                tokens: #tokens,
                implied: #implied,
                content_words: #content_words,
            }
        }
    }
}

#[cfg(feature = "bake")]
impl databake::BakeSize for FieldTerms {
    fn borrows_size(&self) -> usize {
        0
    }
}

#[cfg(feature = "bake")]
impl databake::Bake for DocHead<'_> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("ewg_core");
        let kind = self.kind.bake(env);
        let id = self.id.bake(env);
        let title = self.title.bake(env);
        let fields = bake_range(&self.fields);
        databake::quote! {
            ewg_core::search::index::DocHead {
                kind: #kind,
                id: #id,
                title: #title,
                fields: #fields,
            }
        }
    }
}
