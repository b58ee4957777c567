//! Normalising words: case, accents and possessives folded, British and American spellings
//! joined, word forms stemmed; and splitting text into words.

use std::ops::Range;

use rust_stemmers::Stemmer;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// British spellings whose American forms no rule of [`american`] gives: both sides normalise
/// to the second.
pub(super) const VARIANTS: &[(&str, &str)] = &[
    ("programme", "program"),
    ("programmes", "programs"),
    ("defence", "defense"),
    ("licence", "license"),
    ("ageing", "aging"),
    ("judgement", "judgment"),
    ("fulfil", "fulfill"),
    ("enrol", "enroll"),
    ("catalogue", "catalog"),
];

/// Endings spelled with `s` in British English and `z` in American (`mobilisation`,
/// `criminalised`, `analysed`), and with `re` and `er` (`centre`, `centred`).
const BRITISH_ENDINGS: &[(&str, &str)] = &[
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ysing", "yzing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("tred", "tered"),
];

/// A folded word in its American spelling, by rule: the endings of [`BRITISH_ENDINGS`], and
/// `our` as `or` (`labour`, `favourable`, `neighbouring`, `colour`). The data and the query both
/// pass through it, so a rule that also changes a word with one spelling (`exercise`,
/// `resource`) does no harm as long as it never makes two words one: each rule keeps three
/// letters before what it changes, which leaves `four`, `hour`, `your`, `rise` and `crises`
/// alone.
fn american(word: &str) -> std::borrow::Cow<'_, str> {
    let ending = BRITISH_ENDINGS.iter().find_map(|(british, us)| {
        let before = word.strip_suffix(british)?;
        (before.len() >= 3).then(|| format!("{before}{us}"))
    });
    // Both rules may apply (`colourise`).
    let word: std::borrow::Cow<'_, str> = ending.map_or(word.into(), Into::into);
    match word.rfind("our") {
        Some(at) if at >= 3 => format!("{}or{}", &word[..at], &word[at + 3..]).into(),
        _ => word,
    }
}

/// Word forms a stemmer does not join.
pub(super) const IRREGULAR: &[(&str, &str)] = &[
    ("children", "child"),
    ("women", "woman"),
    ("men", "man"),
    ("girls", "girl"),
    ("people", "person"),
    ("persons", "person"),
    ("families", "family"),
];

/// Words too common to require on their own: dropped from queries outside quoted phrases.
pub(super) const STOPWORDS: &[&str] = &[
    "a", "against", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
    "it", "its", "of", "on", "or", "the", "their", "to", "with",
];

/// Words of a question, not of what it asks about ("who chairs the group", "what does the guide
/// say about detention"): dropped from queries outside quoted phrases, as stopwords are. The data
/// may use them, so they stay in the index.
pub(super) const FILLERS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "which",
    "why",
    "how",
    "many",
    "much",
    "does",
    "do",
    "did",
    "was",
    "were",
    "has",
    "have",
    "had",
    "can",
    "could",
    "should",
    "would",
    "say",
    "says",
    "said",
    "about",
    "tell",
    "me",
    "please",
    "list",
    "show",
    "find",
    "give",
    "i",
    "we",
    "you",
    "there",
    "any",
    "happen",
    "happened",
    "mean",
    "means",
    "meaning",
    "stand",
    "stands",
    "often",
    "cover",
    "covers",
    "hold",
    "holds",
    "get",
    "got",
    "recommend",
    "recommends",
    "mention",
    "mentions",
    "mentioned",
    "definition",
    "define",
    "explain",
    "anything",
    "something",
    "know",
    "regarding",
    "concerning",
];

/// Lowercase, without accents, apostrophes or a possessive `'s`: the form typos and
/// suggestions are measured on.
pub fn fold(word: &str) -> String {
    // Most words are plain ASCII with no apostrophe: only lowercased.
    if word.is_ascii() && !word.contains('\'') {
        return word.to_ascii_lowercase();
    }
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

/// Whether `text` folds to `words` (folded, as a query's are) joined by single spaces, as
/// `fold(text) == words.join(" ")` says, without making either where `text` is plain ASCII with
/// no apostrophe, as ids and acronyms are: folding it is then only lowercasing. Asked of every
/// hit's keys.
pub(super) fn folds_to_words<'w>(text: &str, words: impl Iterator<Item = &'w str>) -> bool {
    if !text.is_ascii() || text.contains('\'') {
        let words: Vec<&str> = words.collect();
        return fold(text) == words.join(" ");
    }
    let mut rest = text.as_bytes();
    for (i, word) in words.enumerate() {
        if i > 0 {
            match rest.split_first() {
                Some((b' ', after)) => rest = after,
                _ => return false,
            }
        }
        match rest.split_at_checked(word.len()) {
            Some((head, after)) if head.eq_ignore_ascii_case(word.as_bytes()) => rest = after,
            _ => return false,
        }
    }
    rest.is_empty()
}

/// Every word of a text as search compares it: folded, in American spelling, stemmed.
pub fn terms_of(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(rust_stemmers::Algorithm::English);
    words(text)
        .map(|(_, word)| stem(&stemmer, &fold(word)))
        .collect()
}

/// A folded word's index term: spelling variants joined, then word forms.
pub(super) fn stem(stemmer: &Stemmer, folded: &str) -> String {
    let word = VARIANTS
        .iter()
        .find(|(uk, _)| *uk == folded)
        .map_or(folded, |(_, us)| us);
    let word = american(word);
    let word = word.as_ref();
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
/// An iterator, so that indexing a field makes no list of its words.
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    // No ASCII character is a combining mark, and almost every character of the data is ASCII:
    // the table of combining marks is looked up only for the others.
    let is_word_char = |c: char| c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c));
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some((i, c)) = chars.next() {
            let inner_apostrophe = matches!(c, '\'' | '’')
                && start.is_some()
                && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
            if is_word_char(c) || inner_apostrophe {
                start.get_or_insert(i);
            } else if let Some(s) = start {
                return Some((s..i, &text[s..i]));
            }
        }
        start.map(|s| (s..text.len(), &text[s..]))
    })
}
