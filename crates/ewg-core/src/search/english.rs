//! Common English words, to tell a correctly spelled word from a typo: the 1,000 most frequent,
//! from the `top-english-words` crate (listed by the core's build.rs), and their word forms.

/// The list, sorted, a word a line, in ASCII lowercase.
static COMMON: &str = include_str!(concat!(env!("OUT_DIR"), "/english-common.txt"));

/// Whether `word` (folded; `stemmed` its stem) is a common English word or a form of one
/// (`mothers`, `hoping`): a query word that is one asks for that word, not for a word of the
/// data a letter away.
pub(super) fn is_common_english(word: &str, stemmed: &str) -> bool {
    sorted_lines_contain(COMMON, word) || sorted_lines_contain(COMMON, stemmed)
}

/// A binary search over the lines of a sorted text, without splitting it first. Bytes, not
/// characters, are compared and cut at, so that any text is safe to search.
fn sorted_lines_contain(text: &str, wanted: &str) -> bool {
    let (text, wanted) = (text.as_bytes(), wanted.as_bytes());
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let middle = (low + high) / 2;
        let start = text[..middle]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = text[middle..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| middle + i);
        match text[start..end].cmp(wanted) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalise::stem;
    use rust_stemmers::{Algorithm, Stemmer};

    #[test]
    fn every_line_of_a_sorted_text_is_found_and_nothing_else() {
        let text = "apple\nbanana\ncherry\ndate\n";
        for word in ["apple", "banana", "cherry", "date"] {
            assert!(sorted_lines_contain(text, word), "{word}");
        }
        for word in ["", "a", "apples", "blueberry", "zebra", "banan", "é"] {
            assert!(!sorted_lines_contain(text, word), "{word}");
        }
        assert!(!sorted_lines_contain("", "apple"));
    }

    #[test]
    fn the_list_is_sorted_ascii_and_whole() {
        let lines: Vec<&str> = COMMON.lines().collect();
        assert!(lines.len() > 800, "{}", lines.len());
        assert!(lines.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(COMMON.bytes().all(|b| b == b'\n' || b.is_ascii_lowercase()));
    }

    #[test]
    fn common_words_and_their_forms_are_english_and_typos_are_not() {
        let stemmer = Stemmer::create(Algorithm::English);
        // Each a letter from a word of the data: `other`, `african`, `reason`, `home`.
        for word in ["mother", "mothers", "american", "season", "hoping"] {
            assert!(is_common_english(word, &stem(&stemmer, word)), "{word}");
        }
        // Typos of the data's words, some of them rare English words (`frist`, `tatus`).
        for typo in [
            "rigths", "frist", "trining", "tatus", "souces", "migrnat", "labuor",
        ] {
            assert!(!is_common_english(typo, &stem(&stemmer, typo)), "{typo}");
        }
    }
}
