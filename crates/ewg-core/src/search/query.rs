//! Reading a query: words and "quoted phrases", stopwords dropped.

use super::normalise::{STOPWORDS, fold, words};

/// One thing the user asked for: a word, or a phrase whose words must stand in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
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
pub fn parse_query(query: &str) -> Vec<Part> {
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
