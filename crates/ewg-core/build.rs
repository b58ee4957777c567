//! Writes the common English words, the 1,000 most frequent of the `top-english-words` crate,
//! as a sorted text a word a line: search leaves such a word alone rather than take it for a
//! typo of a word of the data (`mother` is not `other`, nor `american` `african`).

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
}
