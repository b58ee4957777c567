//! English words, to tell a correctly spelled word from a typo: those of the `wordcheck` crate's
//! list that lie within a typo of a word of the bundled data (listed by the core's build.rs).

/// The list, sorted, a word a line.
static NEAR_THE_DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/english-near.txt"));

/// Whether `word` (folded) is an English word that is not a word of the bundled data: a query
/// word that is one asks for that word, not for the data's word a letter away. A word near only
/// the words a `--data` file adds is not known.
pub(super) fn is_english_word(word: &str) -> bool {
    sorted_lines_contain(NEAR_THE_DATA, word)
}

/// A binary search over the lines of a sorted text, without splitting it first.
fn sorted_lines_contain(text: &str, wanted: &str) -> bool {
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let middle = (low + high) / 2;
        let start = text[..middle].rfind('\n').map_or(0, |i| i + 1);
        let end = text[middle..].find('\n').map_or(text.len(), |i| middle + i);
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

    #[test]
    fn every_line_of_a_sorted_text_is_found_and_nothing_else() {
        let text = "apple\nbanana\ncherry\ndate\n";
        for word in ["apple", "banana", "cherry", "date"] {
            assert!(sorted_lines_contain(text, word), "{word}");
        }
        for word in ["", "a", "apples", "blueberry", "zebra", "banan"] {
            assert!(!sorted_lines_contain(text, word), "{word}");
        }
        assert!(!sorted_lines_contain("", "apple"));
    }

    #[test]
    fn real_words_near_the_data_are_english_and_typos_are_not() {
        // Each a letter from a word of the data: `pension`, `nations`, `years`.
        for word in ["mention", "nation", "tears"] {
            assert!(is_english_word(word), "{word}");
        }
        for typo in ["rigths", "discrimnation", "migrnat", "detension", "labuor"] {
            assert!(!is_english_word(typo), "{typo}");
        }
        // Words of the data are not listed: they are found as themselves.
        assert!(!is_english_word("situation"));
    }
}
