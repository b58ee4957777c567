//! Lists the English words that lie within a typo of a word of the bundled data and are not
//! words of the data themselves, from the `wordcheck` crate's list of 274,926 words. Search uses
//! the list to leave a correctly spelled word alone (`mention` is not a typo of `pension`)
//! without carrying the whole list, of which a small share is near enough to be taken for a
//! typo.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// Typos forgiven in a word of this length: as `search::matching::typo_budget`, which a test
/// there holds to these figures.
fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The letters of a word as a set of 64 buckets: two words whose sets differ in more than four
/// cannot be two edits apart.
fn letters(word: &str) -> u64 {
    word.bytes().fold(0, |set, b| set | 1 << (b % 64))
}

/// `word` with each of its letters left out in turn, into `buffer`, for each call of `found`.
fn each_deletion(word: &str, buffer: &mut String, mut found: impl FnMut(&str) -> bool) -> bool {
    (0..word.len()).any(|i| {
        buffer.clear();
        buffer.push_str(&word[..i]);
        buffer.push_str(&word[i + 1..]);
        found(buffer)
    })
}

fn main() {
    println!("cargo:rerun-if-changed=../../data/ewg.toml");
    println!("cargo:rerun-if-changed=build.rs");
    let data = std::fs::read_to_string("../../data/ewg.toml")
        .expect("data/ewg.toml is readable")
        .to_lowercase();
    // Every word of the file, keys and all: a wider net only lists more real words.
    let vocabulary: HashSet<&str> = data
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .collect();
    // Each word of the data under every one-letter deletion (and as it is), for neighbours one
    // edit away; by first letter and length, for those two away.
    let mut one_off: HashMap<String, Vec<&str>> = HashMap::new();
    let mut by_start: HashMap<(u8, usize), Vec<(&str, u64)>> = HashMap::new();
    let mut buffer = String::new();
    for &word in &vocabulary {
        one_off.entry(word.to_string()).or_default().push(word);
        each_deletion(word, &mut buffer, |deleted| {
            one_off.entry(deleted.to_string()).or_default().push(word);
            false
        });
        by_start
            .entry((word.as_bytes()[0], word.len()))
            .or_default()
            .push((word, letters(word)));
    }
    let english = wordcheck::CheckWord::new();
    let mut near: Vec<&str> = english
        .get_words()
        .iter()
        .map(String::as_str)
        // Typos are forgiven from four letters, suggestions made from three.
        .filter(|w| w.is_ascii() && w.len() >= 3 && !vocabulary.contains(w))
        .filter(|&w| {
            let one_edit = |candidate: &str| {
                one_off
                    .get(candidate)
                    .is_some_and(|words| words.iter().any(|k| strsim::osa_distance(w, k) == 1))
            };
            // Two edits are forgiven only in long words that start alike.
            let two_edits = || {
                let set = letters(w);
                (w.len() - 2..=w.len() + 2)
                    .filter_map(|len| by_start.get(&(w.as_bytes()[0], len)))
                    .flatten()
                    .any(|(k, k_set)| {
                        (set ^ k_set).count_ones() <= 4 && strsim::osa_distance(w, k) <= 2
                    })
            };
            one_edit(w)
                || each_deletion(w, &mut String::new(), one_edit)
                || (typo_budget(w.len()) == 2 && two_edits())
        })
        .collect();
    near.sort_unstable();
    let mut list = String::new();
    for word in near {
        writeln!(list, "{word}").expect("write to a string");
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("english-near.txt"), list).expect("write the list of English words");
}
