//! Loading a large dataset file in pieces: cut before table headers, each piece parsed on its
//! own and joined in order, so that the parser's memory is needed for one piece at a time.

use std::ops::Range;

use crate::model::{Dataset, Piece};

/// The least a piece of a file holds; a piece ends before a table header.
pub const PIECE_BYTES: usize = 256 * 1024;

/// Reads a dataset file in pieces of about `piece_bytes`, each cut before a table header and
/// parsed on its own, then joined in order. The `toml` crate holds every token and event of the
/// text it parses, several times the text's size: in pieces, a 40 MB file needs that only for
/// 256 KB at a time.
///
/// `None` wherever the pieces might not read as the whole file does, and the caller then parses
/// it whole (which also gives errors their true line numbers): any piece that does not parse (a
/// cut inside a multi-line string or array always leaves one unclosed), keys above the first
/// header, a table other than an array of tables in two pieces, a section missing.
pub fn load_in_pieces(text: &str, piece_bytes: usize) -> Option<Dataset> {
    let is_header = |line: &str| line.trim_start().starts_with('[');
    // A piece starts only at a section's header: `[[guide.instruments]]` belongs with the
    // `[[guide]]` entry above it.
    let is_section_header = |line: &str| {
        let name = line.trim().trim_start_matches('[');
        is_header(line) && name.split(']').next().is_some_and(|n| !n.contains('.'))
    };
    let root_has_keys = text
        .lines()
        .take_while(|line| !is_header(line))
        .any(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'));
    if root_has_keys {
        return None;
    }
    let mut whole = Piece::default();
    // The piece being gathered starts at `start`; no line before `next` needs looking at.
    let (mut start, mut next) = (0_usize, 0);
    // Only the lines from `piece_bytes` past the piece's start can end it: those before are
    // skipped, not split off one by one (22 M instructions for a file of 10,000 entries).
    while let Some(line) = line_from(text, next.max(start.saturating_add(piece_bytes))) {
        if is_section_header(&text[line.clone()]) {
            whole.join(toml::from_str(&text[start..line.start]).ok()?)?;
            start = line.start;
        }
        next = line.end;
    }
    whole.join(toml::from_str(&text[start..]).ok()?)?;
    whole.into_dataset()
}

/// The first line of `text` that starts at or after byte `from`, with its newline.
fn line_from(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let newline_after = |at: usize| bytes[at..].iter().position(|&b| b == b'\n').map(|i| at + i);
    let start = match from {
        0 => 0,
        _ if from > bytes.len() => return None,
        _ if bytes[from - 1] == b'\n' => from,
        _ => newline_after(from)? + 1,
    };
    if start == bytes.len() {
        return None;
    }
    Some(start..newline_after(start).map_or(bytes.len(), |end| end + 1))
}

#[cfg(test)]
mod tests {
    //! A file read in pieces reads as it does whole, and where it might not, it is read whole.

    use super::*;
    use crate::{BUNDLED, Dataset, LoadError};

    fn whole(text: &str) -> Result<Dataset, toml::de::Error> {
        toml::from_str(text)
    }

    #[test]
    fn any_piece_size_reads_the_bundled_file_as_its_whole_parse() {
        let expected = whole(BUNDLED).expect("bundled data parses");
        for piece_bytes in [0, 1, 100, 1_000, 10_000, PIECE_BYTES] {
            assert_eq!(
                load_in_pieces(BUNDLED, piece_bytes).as_ref(),
                Some(&expected),
                "{piece_bytes}"
            );
        }
    }

    #[test]
    fn a_header_like_line_in_a_multi_line_string_is_read_whole() {
        let details = "details = \"The convention was adopted on 18 December 1990 and entered \
                       into force on 1 July 2003.\"";
        assert!(BUNDLED.contains(details));
        let text = BUNDLED.replacen(
            details,
            "details = \"\"\"\n[[members]]\nid = 'not an entry'\n\"\"\"",
            1,
        );
        assert_eq!(load_in_pieces(&text, 0), None);
        let data = Dataset::load(&text).expect("the whole file loads");
        assert_eq!(
            data.members.len(),
            whole(BUNDLED).expect("parses").members.len()
        );
        assert!(
            data.members[0]
                .details
                .as_deref()
                .is_some_and(|d| d.contains("not an entry"))
        );
    }

    #[test]
    fn what_only_the_whole_file_can_judge_is_read_whole() {
        let cases = [
            // A table defined twice: an error in one file, so it must not pass in pieces.
            format!(
                "{BUNDLED}\n[meta]\nupdated = \"2026-01-01\"\npage = \"https://example.org\"\n"
            ),
            // Keys above the first header.
            format!("members = []\n{BUNDLED}"),
            // A section missing altogether.
            BUNDLED.replace("[[issues]]", "[[unknown]]"),
            // A sub-table of an array entry, cut from the entry it belongs to.
            BUNDLED.replacen("[[issues]]", "[members.extra]\nnote = \"x\"\n[[issues]]", 1),
        ];
        for text in &cases {
            assert_eq!(load_in_pieces(text, 0), None, "{text:.60}");
            assert!(whole(text).is_err(), "{text:.60}");
            assert!(matches!(Dataset::load(text), Err(LoadError::Syntax(_))));
        }
    }
}

#[cfg(test)]
mod properties {
    //! Export then load is the identity, whatever text the entries hold.

    use super::*;
    use crate::{BUNDLED, Dataset};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn export_then_load_is_the_identity(
            texts in proptest::collection::vec(any::<String>(), 1..8),
            picks in proptest::collection::vec(0usize..1000, 1..8),
        ) {
            let mut data = Dataset::load(BUNDLED).expect("bundled data loads");
            for (i, (text, pick)) in texts.iter().zip(&picks).enumerate() {
                let (m, n, t) = (pick % data.members.len(), pick % data.issues.len(), pick % data.glossary.len());
                match i % 4 {
                    0 => data.members[m].description = text.clone().into(),
                    1 => data.members[m].aliases.to_mut().push(text.clone().into()),
                    2 => data.issues[n].summary = text.clone().into(),
                    _ => data.glossary[t].note = Some(text.clone().into()),
                }
            }
            let exported = toml::to_string(&data).expect("serialises");
            let loaded: Dataset = toml::from_str(&exported).expect("what was exported loads");
            prop_assert_eq!(loaded, data);
        }

        #[test]
        fn pieces_read_as_the_whole_file_or_not_at_all(
            // Newlines, brackets and quotes: multi-line strings with lines that look like headers.
            texts in proptest::collection::vec("[a-z \n\\[\\]\"'#=]{0,60}", 1..8),
            picks in proptest::collection::vec(0usize..1000, 1..8),
        ) {
            let mut data = Dataset::load(BUNDLED).expect("bundled data loads");
            let members = data.members.len();
            for (text, pick) in texts.iter().zip(&picks) {
                data.members[pick % members].description = text.clone().into();
            }
            let exported = toml::to_string(&data).expect("serialises");
            // Every header starts a piece; only a text with a line that looks like a header may
            // make the pieces refuse.
            match load_in_pieces(&exported, 0) {
                Some(pieces) => prop_assert_eq!(pieces, data),
                None => prop_assert!(
                    texts.iter().any(|t| t.lines().any(|l| l.trim_start().starts_with('['))),
                    "{exported}"
                ),
            }
        }
    }
}
