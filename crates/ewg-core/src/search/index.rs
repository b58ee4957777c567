//! The index: every word of the data interned as a term, each field's tokens and the terms the
//! glossary implies there. Built from a dataset, or read back from what build.rs prebuilt.

use foldhash::HashMap;
use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use super::matching::EXACT;
use super::normalise::{STOPWORDS, fold, stem, words};
use crate::model::Dataset;
use crate::registry::{Field, Kind, Tier};

pub(super) type TermId = u32;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Token {
    pub(super) term: TermId,
    /// Byte offsets in the field's text; u32 keeps tokens small (files are far below 4 GB).
    pub(super) start: u32,
    pub(super) end: u32,
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

/// The most words a [`Packed`] value takes.
const MAX_WORDS: usize = 8;

/// A value the prebuilt terms keep as a fixed run of u32s. A list of them is written as one
/// string of little-endian bytes and read back in one tight pass over the borrowed bytes, not
/// value by value: postcard's reading of the lists was most of reading the terms (BENCHMARKS.md).
pub(super) trait Packed: Sized {
    const WORDS: usize;
    fn pack(&self, out: &mut Vec<u32>);
    /// `words` holds exactly `WORDS` values.
    fn unpack(words: &[u32]) -> Self;
}

impl Packed for u32 {
    const WORDS: usize = 1;
    fn pack(&self, out: &mut Vec<u32>) {
        out.push(*self);
    }
    fn unpack(words: &[u32]) -> u32 {
        words[0]
    }
}

impl Packed for (u32, u32) {
    const WORDS: usize = 2;
    fn pack(&self, out: &mut Vec<u32>) {
        out.extend([self.0, self.1]);
    }
    fn unpack(words: &[u32]) -> (u32, u32) {
        (words[0], words[1])
    }
}

impl<V: Packed> Packed for (u32, u32, V) {
    const WORDS: usize = 2 + V::WORDS;
    fn pack(&self, out: &mut Vec<u32>) {
        out.extend([self.0, self.1]);
        self.2.pack(out);
    }
    fn unpack(words: &[u32]) -> (u32, u32, V) {
        (words[0], words[1], V::unpack(&words[2..]))
    }
}

impl Packed for Token {
    const WORDS: usize = 3;
    fn pack(&self, out: &mut Vec<u32>) {
        out.extend([self.term, self.start, self.end]);
    }
    fn unpack(words: &[u32]) -> Token {
        Token {
            term: words[0],
            start: words[1],
            end: words[2],
        }
    }
}

impl Packed for Implied {
    const WORDS: usize = Token::WORDS + 3;
    fn pack(&self, out: &mut Vec<u32>) {
        self.token.pack(out);
        let bits = self.strength.to_bits();
        // The strength's 64 bits as two halves, low first.
        out.extend([self.pos, bits as u32, (bits >> 32) as u32]);
    }
    fn unpack(words: &[u32]) -> Implied {
        Implied {
            token: Token::unpack(words),
            pos: words[3],
            strength: f64::from_bits(u64::from(words[4]) | u64::from(words[5]) << 32),
        }
    }
}

impl Packed for FieldTerms {
    const WORDS: usize = 5;
    fn pack(&self, out: &mut Vec<u32>) {
        out.extend([
            self.tokens.start,
            self.tokens.end,
            self.implied.start,
            self.implied.end,
            self.content_words,
        ]);
    }
    fn unpack(words: &[u32]) -> FieldTerms {
        FieldTerms {
            tokens: words[0]..words[1],
            implied: words[2]..words[3],
            content_words: words[4],
        }
    }
}

/// `#[serde(with = "packed")]`: a list of [`Packed`] values as one string of bytes.
mod packed {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::{MAX_WORDS, Packed};

    pub(super) fn serialize<T: Packed, S: Serializer>(
        items: &[T],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut words = Vec::with_capacity(items.len() * T::WORDS);
        for item in items {
            item.pack(&mut words);
        }
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        serializer.serialize_bytes(&bytes)
    }

    pub(super) fn deserialize<'de, T: Packed, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        let bytes = <&'de [u8]>::deserialize(deserializer)?;
        if bytes.len() % (4 * T::WORDS) != 0 {
            return Err(D::Error::custom(
                "a packed list's length is not whole values",
            ));
        }
        // Each value's words on the stack: the lists hold tens of thousands of values.
        const { assert!(T::WORDS <= MAX_WORDS) };
        let values = bytes.chunks_exact(4 * T::WORDS).map(|value| {
            let mut words = [0; MAX_WORDS];
            for (word, b) in words.iter_mut().zip(value.chunks_exact(4)) {
                *word = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            }
            T::unpack(&words[..T::WORDS])
        });
        Ok(values.collect())
    }
}

/// A term implied by the glossary: an acronym where its expansion is spelled out (`CEDAW` for
/// "Committee on the Elimination of Discrimination against Women"), or the words of an expansion
/// where only the acronym stands, found a little less surely.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Implied {
    pub(super) token: Token,
    /// Position among the field's tokens, for closeness.
    pub(super) pos: u32,
    pub(super) strength: f64,
}

/// How surely the words of an expansion match where only its acronym is written.
pub(super) const EXPANDED: f64 = 0.8;

/// What indexing found in one field: ranges into [`Terms::tokens`] and [`Terms::implied`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FieldTerms {
    /// The field's words in order, for phrases and proximity.
    pub(super) tokens: Range<u32>,
    /// Terms the field stands for without spelling them: kept apart from `tokens` so that they
    /// never break a phrase.
    pub(super) implied: Range<u32>,
    /// How many of its words are not stopwords: what a query must cover to match it whole.
    pub(super) content_words: u32,
}

/// Sorted words kept in one string, each with a value: compact in memory, and read back from
/// the prebuilt index without an allocation per word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "V: Packed", deserialize = "V: Packed"))]
pub(super) struct WordMap<'t, V> {
    #[serde(borrow)]
    pub(super) text: Cow<'t, str>,
    /// Each word's byte range in `text` and its value, in word order.
    #[serde(with = "packed")]
    pub(super) words: Vec<(u32, u32, V)>,
}

impl<V: Copy> WordMap<'_, V> {
    pub(super) fn new(map: HashMap<String, V>) -> WordMap<'static, V> {
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

/// A byte range in the prebuilt texts: where one string stands.
type Span = (u32, u32);

/// Where an entry's kind, id and title stand in the prebuilt texts, and how many fields follow
/// it in [`Terms::field_spans`]. The bundled data's prebuilt terms carry these, so that a search
/// there reads no section of the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct DocSpans {
    kind: Span,
    id: Span,
    title: Span,
    fields: u32,
}

/// Where a field's name and text stand in the prebuilt texts, and its tier ([`tier_code`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct FieldSpans {
    name: Span,
    tier: u32,
    text: Span,
}

impl Packed for DocSpans {
    const WORDS: usize = 7;
    fn pack(&self, out: &mut Vec<u32>) {
        for (start, end) in [self.kind, self.id, self.title] {
            out.extend([start, end]);
        }
        out.push(self.fields);
    }
    fn unpack(words: &[u32]) -> DocSpans {
        DocSpans {
            kind: (words[0], words[1]),
            id: (words[2], words[3]),
            title: (words[4], words[5]),
            fields: words[6],
        }
    }
}

impl Packed for FieldSpans {
    const WORDS: usize = 5;
    fn pack(&self, out: &mut Vec<u32>) {
        out.extend([
            self.name.0,
            self.name.1,
            self.tier,
            self.text.0,
            self.text.1,
        ]);
    }
    fn unpack(words: &[u32]) -> FieldSpans {
        FieldSpans {
            name: (words[0], words[1]),
            tier: words[2],
            text: (words[3], words[4]),
        }
    }
}

/// The prebuilt texts while build.rs writes them: each distinct string once.
#[derive(Default)]
struct TextsBuilder {
    text: String,
    spans: HashMap<String, Span>,
}

impl TextsBuilder {
    fn span(&mut self, piece: &str) -> Span {
        if let Some(&span) = self.spans.get(piece) {
            return span;
        }
        let start = to_u32(self.text.len());
        self.text.push_str(piece);
        let span = (start, to_u32(self.text.len()));
        self.spans.insert(piece.to_string(), span);
        span
    }
}

/// An entry's kind, id, title and fields (each `None` where it cannot be read): what the index
/// needs of it. The fields come one by one, so that the prebuilt texts' are never gathered
/// into a list of their own.
type EntryTexts<'a, F> = (Kind, Cow<'a, str>, Cow<'a, str>, F);

/// An entry's texts, taken from the prebuilt texts: every one borrowed, and so living as long
/// as the program, as field names must (hits keep them). `None` for a span off the texts' char
/// boundaries or a kind or tier the code does not know.
fn entry_at<'f>(
    texts: &'static str,
    doc: &DocSpans,
    fields: &'f [FieldSpans],
) -> Option<EntryTexts<'static, impl Iterator<Item = Option<Field<'static>>> + 'f>> {
    let at = move |(start, end): Span| texts.get(start as usize..end as usize);
    let fields = fields.iter().map(move |field| {
        Some(Field {
            name: at(field.name)?,
            tier: tier_of(u8::try_from(field.tier).ok()?)?,
            text: Cow::Borrowed(at(field.text)?),
        })
    });
    Some((
        Kind::from_name(at(doc.kind)?)?,
        Cow::Borrowed(at(doc.id)?),
        Cow::Borrowed(at(doc.title)?),
        fields,
    ))
}

fn tier_code(tier: Tier) -> u8 {
    match tier {
        Tier::Key => 0,
        Tier::Title => 1,
        Tier::Short => 2,
        Tier::Prose => 3,
    }
}

fn tier_of(code: u8) -> Option<Tier> {
    [Tier::Key, Tier::Title, Tier::Short, Tier::Prose]
        .get(usize::from(code))
        .copied()
}

/// Everything indexing derives from a dataset except its text: build.rs makes it for the bundled
/// data at compile time, so that a search there only reads it back (`Terms::from_prebuilt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Terms<'t> {
    /// Each term (a stemmed word, or an acronym) -> its id.
    #[serde(borrow)]
    pub(super) stems: WordMap<'t, TermId>,
    /// Every folded word of the data -> its term and how often it occurs.
    #[serde(borrow)]
    pub(super) vocabulary: WordMap<'t, (TermId, u32)>,
    #[serde(with = "packed")]
    pub(super) tokens: Vec<Token>,
    #[serde(with = "packed")]
    pub(super) implied: Vec<Implied>,
    /// One for each field of each entry, in the order of `Dataset::entries` and `Entry::fields`.
    #[serde(with = "packed")]
    pub(super) fields: Vec<FieldTerms>,
    /// Where build.rs kept the entries' texts (`Terms::with_texts`), where each entry's stand
    /// in them, in the same order; else empty, and the texts are the dataset's.
    #[serde(with = "packed")]
    pub(super) doc_spans: Vec<DocSpans>,
    /// Where each of those entries' fields stand, entry after entry.
    #[serde(with = "packed")]
    pub(super) field_spans: Vec<FieldSpans>,
    /// Where build.rs kept the texts, the entries (by position) that write or imply each term,
    /// term after term: `postings[ends[t - 1]..ends[t]]` for term `t`. Empty otherwise.
    #[serde(with = "packed")]
    pub(super) postings: Vec<u32>,
    #[serde(with = "packed")]
    pub(super) posting_ends: Vec<u32>,
}

impl Terms<'static> {
    /// The terms with the texts they were made from, so that an index can be made of them
    /// alone: what build.rs writes for the bundled data, the texts as one string apart (it is
    /// compiled in with `include_str!`, so the binary never checks it again).
    pub(super) fn with_texts(mut self, data: &Dataset) -> (Terms<'static>, String) {
        let mut texts = TextsBuilder::default();
        for entry in data.entries() {
            let fields = entry.fields();
            self.doc_spans.push(DocSpans {
                kind: texts.span(entry.kind().as_str()),
                id: texts.span(&entry.id()),
                title: texts.span(&entry.title()),
                fields: to_u32(fields.len()),
            });
            for field in &fields {
                self.field_spans.push(FieldSpans {
                    name: texts.span(field.name),
                    tier: u32::from(tier_code(field.tier)),
                    text: texts.span(&field.text),
                });
            }
        }
        // Each entry's terms, from its fields' tokens and implied terms, in entry order.
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); self.term_count()];
        let mut fields = self.fields.iter();
        for (position, doc) in self.doc_spans.iter().enumerate() {
            let position = to_u32(position);
            for field in fields.by_ref().take(doc.fields as usize) {
                let range = |r: &Range<u32>| r.start as usize..r.end as usize;
                let tokens = self.tokens[range(&field.tokens)].iter().map(|t| t.term);
                let implied = self.implied[range(&field.implied)].iter();
                for term in tokens.chain(implied.map(|i| i.token.term)) {
                    let list = &mut lists[term as usize];
                    if list.last() != Some(&position) {
                        list.push(position);
                    }
                }
            }
        }
        self.posting_ends = lists
            .iter()
            .scan(0, |end, list| {
                *end += to_u32(list.len());
                Some(*end)
            })
            .collect();
        self.postings = lists.concat();
        (self, texts.text)
    }
}

impl Terms<'_> {
    pub(super) fn build(data: &Dataset) -> Terms<'static> {
        TermsBuilder::default().build(data)
    }

    /// Reads back terms that `to_prebuilt` wrote: the bundled data's, compiled in.
    pub(super) fn from_prebuilt(bytes: &'static [u8]) -> Option<Terms<'static>> {
        postcard::from_bytes(bytes).ok()
    }

    /// What build.rs writes for the bundled data.
    pub(super) fn to_prebuilt(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }

    pub(super) fn term_count(&self) -> usize {
        self.stems.words.len()
    }

    /// Whether a field's ranges fall within the terms' lists: checked for every field as the
    /// index is made, so that no look-up can fall outside them. Their spans are not checked
    /// again at run time: build.rs makes them from the very texts it compiles in, and a test
    /// holds every span of the bundled index to its text's character boundaries.
    pub(super) fn fit(&self, field: &FieldTerms) -> bool {
        let within =
            |range: &Range<u32>, len: usize| range.start <= range.end && range.end as usize <= len;
        within(&field.tokens, self.tokens.len()) && within(&field.implied, self.implied.len())
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

/// Terms while they are being built: hash maps to intern into, frozen by `build`.
pub(super) struct TermsBuilder {
    pub(super) stems: HashMap<String, TermId>,
    pub(super) vocabulary: HashMap<String, (TermId, u32)>,
    /// Each word as written -> its folded form, so that a word met again is not folded again.
    pub(super) folded: HashMap<String, String>,
    pub(super) stemmer: Stemmer,
    pub(super) tokens: Vec<Token>,
    pub(super) implied: Vec<Implied>,
    pub(super) fields: Vec<FieldTerms>,
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
            fields: Vec::new(),
        }
    }
}

impl TermsBuilder {
    pub(super) fn build(mut self, data: &Dataset) -> Terms<'static> {
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
            doc_spans: Vec::new(),
            field_spans: Vec::new(),
            postings: Vec::new(),
            posting_ends: Vec::new(),
        }
    }

    pub(super) fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.stems.get(term) {
            return id;
        }
        let id = to_u32(self.stems.len());
        self.stems.insert(term.to_string(), id);
        id
    }

    /// The term of a word of the data, recorded in the vocabulary, and whether it is a
    /// stopword.
    pub(super) fn term_of(&mut self, word: &str) -> (TermId, bool) {
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

    pub(super) fn index_field(&mut self, text: &str, tier: Tier, acronyms: &Acronyms) {
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
pub(super) struct IndexedField<'a> {
    pub(super) name: &'static str,
    pub(super) tier: Tier,
    /// Borrowed from the dataset: the index holds no second copy of the text.
    pub(super) text: Cow<'a, str>,
    pub(super) terms: FieldTerms,
}

/// An entry as the index keeps it: its fields are a range of [`Index::fields`], all entries'
/// in one list rather than a list for each entry (two allocations an entry, and their frees,
/// were a tenth of a search).
#[derive(Debug)]
pub(super) struct DocHead<'a> {
    /// Its place among the index's entries, as postings name it.
    pub(super) position: usize,
    pub(super) kind: Kind,
    pub(super) id: Cow<'a, str>,
    pub(super) title: Cow<'a, str>,
    fields: Range<u32>,
}

/// An entry of the index with its fields: what [`Index::docs`] gives.
#[derive(Debug, Clone, Copy)]
pub(super) struct Doc<'i, 'a> {
    head: &'i DocHead<'a>,
    pub(super) fields: &'i [IndexedField<'a>],
}

impl<'a> std::ops::Deref for Doc<'_, 'a> {
    type Target = DocHead<'a>;
    fn deref(&self) -> &DocHead<'a> {
        self.head
    }
}

/// The searchable form of a dataset: its entries' fields beside their terms.
pub struct Index<'a> {
    heads: Vec<DocHead<'a>>,
    fields: Vec<IndexedField<'a>>,
    pub(super) terms: Terms<'a>,
    pub(super) stemmer: Stemmer,
}

/// The bundled data's search index as build.rs wrote it ([`PrebuiltIndex::make`]) and the
/// binary compiles it in. Its two halves must come from one `make`: the spans of the words
/// within each field are trusted, not checked again (a test holds the bundled pair to a fresh
/// `make`, and every span to its text's character boundaries).
#[derive(Debug, Clone, Copy)]
pub struct PrebuiltIndex {
    /// `Terms::to_prebuilt` of the terms `Terms::with_texts` gave.
    terms: &'static [u8],
    /// The texts `Terms::with_texts` gave.
    texts: &'static str,
}

impl PrebuiltIndex {
    /// The two halves one `make` gave, as compiled in.
    pub const fn new(terms: &'static [u8], texts: &'static str) -> PrebuiltIndex {
        PrebuiltIndex { terms, texts }
    }

    pub fn terms(&self) -> &'static [u8] {
        self.terms
    }

    pub fn texts(&self) -> &'static str {
        self.texts
    }

    /// What build.rs writes for the bundled data: its terms' bytes, with postings and where
    /// each entry's texts stand, and the texts.
    pub fn make(data: &Dataset) -> Result<(Vec<u8>, String), postcard::Error> {
        let (terms, texts) = Terms::build(data).with_texts(data);
        Ok((terms.to_prebuilt()?, texts))
    }
}

impl Index<'static> {
    /// The bundled data's index, read back from what build.rs prebuilt: it reads no section of
    /// the data. `None` where its lists, ranges and spans do not hold together, which only a
    /// faulty build could cause.
    pub fn prebuilt(prebuilt: PrebuiltIndex) -> Option<Index<'static>> {
        let mut terms = Terms::from_prebuilt(prebuilt.terms)?;
        // Prebuilt terms carry texts and postings for every entry and term.
        if terms.doc_spans.is_empty() || terms.posting_ends.len() != terms.term_count() {
            return None;
        }
        let docs = std::mem::take(&mut terms.doc_spans);
        let field_spans = std::mem::take(&mut terms.field_spans);
        let mut next_field = 0;
        let entries = docs.iter().map(|doc| {
            let fields = field_spans.get(next_field..next_field + doc.fields as usize)?;
            next_field += fields.len();
            entry_at(prebuilt.texts, doc, fields)
        });
        Index::assemble(terms, entries)
    }
}

impl<'a> Index<'a> {
    pub fn build(data: &'a Dataset) -> Index<'a> {
        let entries = data.entries().map(|e| {
            Some((
                e.kind(),
                e.id(),
                e.title(),
                e.fields().into_iter().map(Some),
            ))
        });
        Index::assemble(Terms::build(data), entries)
            .expect("terms built from the data match its fields")
    }

    /// Puts terms beside the entries they were made from, one entry at a time (made whole
    /// first, 100,000 entries took a quarter longer); `None` if they do not fit.
    fn assemble(
        terms: Terms<'static>,
        entries: impl Iterator<Item = Option<EntryTexts<'a, impl Iterator<Item = Option<Field<'a>>>>>>,
    ) -> Option<Index<'a>> {
        let mut field_terms = terms.fields.iter();
        let mut heads = Vec::with_capacity(entries.size_hint().0);
        let mut indexed = Vec::with_capacity(terms.fields.len());
        for entry in entries {
            let (kind, id, title, fields) = entry?;
            let first = to_u32(indexed.len());
            for field in fields {
                let field = field?;
                let found = field_terms.next().filter(|found| terms.fit(found))?;
                indexed.push(IndexedField {
                    name: field.name,
                    tier: field.tier,
                    text: field.text,
                    terms: found.clone(),
                });
            }
            heads.push(DocHead {
                position: heads.len(),
                kind,
                id,
                title,
                fields: first..to_u32(indexed.len()),
            });
        }
        if field_terms.next().is_some() {
            return None;
        }
        Some(Index {
            heads,
            fields: indexed,
            terms,
            stemmer: Stemmer::create(Algorithm::English),
        })
    }

    /// Every entry, in the data's order.
    pub(super) fn docs(&self) -> impl Iterator<Item = Doc<'_, 'a>> {
        self.heads.iter().map(|head| Doc {
            head,
            fields: &self.fields[head.fields.start as usize..head.fields.end as usize],
        })
    }

    pub(super) fn doc_count(&self) -> usize {
        self.heads.len()
    }

    /// Whether the terms carry postings (the bundled data's do).
    pub(super) fn has_postings(&self) -> bool {
        !self.terms.posting_ends.is_empty()
    }

    /// The positions of the entries that write or imply `term`, where the terms carry
    /// postings; `None` where they do not.
    pub(super) fn entries_with(&self, term: TermId) -> Option<&[u32]> {
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
