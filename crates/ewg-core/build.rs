//! Writes the common English words, the 1,000 most frequent of the `top-english-words` crate,
//! as a sorted text a word a line: search leaves such a word alone rather than take it for a
//! typo of a word of the data (`mother` is not `other`, nor `american` `african`). And the
//! synonym table, folded and stemmed as search folds and stems words (with search's own code),
//! as Rust the query stage includes, so that no query works it out again.

use std::fmt::Write;

#[allow(dead_code)]
#[path = "src/search/normalise.rs"]
mod normalise;
#[path = "src/search/synonyms.rs"]
mod synonyms;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut words: Vec<String> = top_english_words::get_words::<String>()
        .into_iter()
        .map(|word| word.trim().to_lowercase())
        // Suggestions are made from three letters; words with an apostrophe (`n't`) are no
        // query's words.
        .filter(|word| word.len() >= 3 && word.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    words.sort_unstable();
    words.dedup();
    let list: String = words.iter().map(|word| format!("{word}\n")).collect();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("english-common.txt"), list).expect("write the common English words");
    println!("cargo:rerun-if-changed=src/search/normalise.rs");
    println!("cargo:rerun-if-changed=src/search/synonyms.rs");
    std::fs::write(out.join("synonyms.rs"), synonym_table()).expect("write the synonym table");
}

/// `SYNONYM_TABLE`: each entry of `synonyms::SYNONYMS` as its folded words, whether it is only
/// found (`>`), and its words' stems.
fn synonym_table() -> String {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut out = String::from("static SYNONYM_TABLE: &[&[Synonym]] = &[\n");
    for group in synonyms::SYNONYMS {
        out.push_str("    &[\n");
        for entry in *group {
            let folded: Vec<String> = normalise::words(entry.trim_start_matches('>'))
                .map(|(_, word)| normalise::fold(word))
                .collect();
            let stems: Vec<String> = folded
                .iter()
                .map(|word| normalise::stem(&stemmer, word))
                .collect();
            writeln!(
                out,
                "        Synonym {{ folded: &{folded:?}, found_only: {}, stems: &{stems:?} }},",
                entry.starts_with('>')
            )
            .expect("write to a string");
        }
        out.push_str("    ],\n");
    }
    out.push_str("];\n");
    out
}
