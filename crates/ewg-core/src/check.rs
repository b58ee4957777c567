//! Checking a dataset file: every problem at once, each with its line and column.
//!
//! TOML syntax first; then each section and each entry is read on its own, so that one bad
//! entry does not hide the next; then the dataset's own rules (`Dataset::problems`) over every
//! entry that could be read, placed at the spot in the file they name.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, IntoDeserializer, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::dataset::LoadError;
use crate::model::{Dataset, Piece, SECTIONS, Salvager};

/// One problem in a file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Problems as the checker finds them: a byte offset in the file and a message.
type Found = Vec<(usize, String)>;

/// What the checker could read of a section.
#[derive(Debug, Clone, Default)]
struct Salvaged {
    /// Read at all: its rules can be checked.
    pub read: bool,
    /// Read without a problem.
    pub whole: bool,
    /// For an array of tables, the positions in the file of the entries that could be read.
    pub kept: Vec<usize>,
}

/// The largest dataset file `ewg` reads: the bundled one is under 100 KB and a generated one of
/// 100,000 entries under 40 MB, so a larger file is more likely a wrong one (a disk image, a
/// log), refused at once rather than parsed for seconds.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The path that names standard input.
pub const STDIN: &str = "-";

/// A dataset file that cannot be used.
#[derive(Debug)]
pub enum FileError {
    Unreadable {
        path: PathBuf,
        source: io::Error,
    },
    Directory {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    Empty {
        path: PathBuf,
    },
    NotUtf8 {
        path: PathBuf,
        line: usize,
    },
    /// It does not load, and the checker could not place why.
    Unusable {
        path: PathBuf,
        error: LoadError,
    },
    /// It does not load: every problem, with its place.
    Problems {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
}

/// A path as messages show it: standard input by that name.
pub fn shown(path: &Path) -> String {
    if path.as_os_str() == STDIN {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Unreadable { path, source } => {
                write!(f, "cannot read dataset file `{}`: {source}", shown(path))
            }
            FileError::Directory { path } => {
                write!(f, "`{}` is a directory, not a dataset file", shown(path))
            }
            FileError::TooLarge { path, bytes } => write!(
                f,
                "dataset file `{}` is {} MB, more than the {} MB a dataset file may have; is it the right file?",
                shown(path),
                bytes / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
            FileError::Empty { path } => write!(f, "dataset file `{0}` is empty", shown(path)),
            FileError::NotUtf8 { path, line } => write!(
                f,
                "dataset file `{}` is not UTF-8 text (first bad byte on line {line}); is it a dataset?",
                shown(path)
            ),
            FileError::Unusable { path, error } => {
                write!(f, "dataset file `{}` cannot be used: {error}", shown(path))
            }
            FileError::Problems { path, diagnostics } => {
                f.write_str(&report(&shown(path), diagnostics))
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Reads a dataset file (or standard input, for `-`) as text, with a clear error for each way it
/// can be unusable.
pub fn read_file(path: &Path) -> Result<String, FileError> {
    let unreadable = |source| FileError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == STDIN {
        io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    } else {
        let meta = std::fs::metadata(path).map_err(unreadable)?;
        if meta.is_dir() {
            return Err(FileError::Directory {
                path: path.to_path_buf(),
            });
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(unreadable)?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_path_buf(),
            // A device or pipe has no length of its own: what was read is the size shown.
            bytes: std::fs::metadata(path)
                .map(|m| m.len())
                .ok()
                .filter(|&len| len > bytes.len() as u64)
                .unwrap_or(bytes.len() as u64),
        });
    }
    if bytes.is_empty() {
        return Err(FileError::Empty {
            path: path.to_path_buf(),
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        FileError::NotUtf8 {
            path: path.to_path_buf(),
            line: err.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })
}

/// Loads a dataset file; if it does not load, the error lists every problem in it.
pub fn load_file(path: &Path) -> Result<Dataset, FileError> {
    load_text(path, &read_file(path)?)
}

/// Loads the text of the dataset file at `path`, or says every problem in it. A file that loads
/// has none (the `load` fuzz target holds `check` to that), so only a broken file pays for
/// `check`, which holds the whole parse tree at once.
pub fn load_text(path: &Path, text: &str) -> Result<Dataset, FileError> {
    Dataset::load(text).map_err(|error| {
        let diagnostics = check(text);
        if diagnostics.is_empty() {
            FileError::Unusable {
                path: path.to_path_buf(),
                error,
            }
        } else {
            FileError::Problems {
                path: path.to_path_buf(),
                diagnostics,
            }
        }
    })
}

/// Problems listed in full; past this a file is more likely the wrong file than a dataset.
const MAX_REPORTED: usize = 50;

/// "`PATH` has N problems:" and one `PATH:LINE:COLUMN: message` line for each.
fn report(path: &str, diagnostics: &[Diagnostic]) -> String {
    let count = diagnostics.len();
    let mut out = format!(
        "dataset file `{path}` has {count} problem{}:",
        if count == 1 { "" } else { "s" }
    );
    for d in diagnostics.iter().take(MAX_REPORTED) {
        out.push_str(&format!("\n  {path}:{d}"));
    }
    if count > MAX_REPORTED {
        out.push_str(&format!("\n  ... and {} more", count - MAX_REPORTED));
    }
    out
}

/// Every problem in `text`, in file order; none means it loads.
pub fn check(text: &str) -> Vec<Diagnostic> {
    let mut found: Found = Vec::new();
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for err in syntax {
            found.push((
                err.span().map_or(0, |s| s.start),
                format!("TOML syntax: {}", first_line(err.message())),
            ));
        }
        return place(text, found);
    }

    let root = root.into_inner();
    let mut piece = Piece::default();
    let mut read: BTreeMap<&str, Salvaged> = BTreeMap::new();
    for (key, value) in &root {
        let name = key.get_ref().as_ref();
        match piece.salvage(name, value, &mut Checker(&mut found)) {
            Some(salvaged) => {
                read.insert(name, salvaged);
            }
            None => found.push((key.span().start, unknown_key(name, &section_names()))),
        }
    }
    for (section, may_be_absent) in SECTIONS {
        if !may_be_absent && !read.contains_key(section) {
            found.push((0, format!("missing section `{section}`")));
        }
    }
    let complete = found.is_empty();

    // The rules over what could be read. Where something could not, a problem that says
    // something is missing may only be an echo of it, and entries have moved up in their
    // arrays: their paths are put back to the file's positions.
    for problem in piece.into_partial_dataset().problems() {
        let path = if complete {
            Some(problem.path.clone())
        } else if problem.from_absence {
            None
        } else {
            path_in_file(&problem.path, &read)
        };
        if let Some(path) = path {
            let at = span_of(&root, &path).map_or(0, |s| s.start);
            found.push((at, format!("{path}: {}", problem.message)));
        }
    }
    place(text, found)
}

/// A rule's path over the entries that could be read (`members[3]...`), as a path into the file;
/// `None` if its section could not be read.
fn path_in_file(path: &str, read: &BTreeMap<&str, Salvaged>) -> Option<String> {
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let section = read.get(&path[..end]).filter(|s| s.read)?;
    let Some(rest) = path[end..].strip_prefix('[').filter(|_| !section.whole) else {
        return Some(path.to_string());
    };
    let (index, rest) = rest.split_once(']')?;
    let index = section.kept.get(index.parse::<usize>().ok()?)?;
    Some(format!("{}[{index}]{rest}", &path[..end]))
}

/// The keys a derived struct takes, as serde lists them: asked of the struct by a deserializer
/// that only records them, so that unknown keys are found from the structure, not from the
/// wording of an error.
fn keys_of<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Keys<'k>(&'k mut &'static [&'static str]);

    impl<'de> serde::Deserializer<'de> for Keys<'_> {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(serde::de::Error::custom("keys recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    let mut keys: &'static [&'static str] = &[];
    let _ = T::deserialize(Keys(&mut keys));
    keys
}

/// The names of a file's sections.
fn section_names() -> Vec<&'static str> {
    SECTIONS.iter().map(|(name, _)| *name).collect()
}

/// The checker's reading of a section: problems go to the list it holds.
struct Checker<'f>(&'f mut Found);

impl Salvager for Checker<'_> {
    type Report = Salvaged;

    fn one<T: DeserializeOwned>(&mut self, value: &Spanned<DeValue<'_>>) -> (Option<T>, Salvaged) {
        salvage_one(value, self.0)
    }

    fn each<T: DeserializeOwned>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
    ) -> (Option<Vec<T>>, Salvaged) {
        salvage_each(value, self.0)
    }
}

/// Reads one table: every unknown key reported (and left out), then the first other problem.
fn salvage_one<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    found: &mut Found,
) -> (Option<T>, Salvaged) {
    let DeValue::Table(table) = value.get_ref() else {
        found.push((value.span().start, "expected a table".into()));
        return (None, Salvaged::default());
    };
    let known = keys_of::<T>();
    let mut whole = true;
    let mut kept = DeTable::default();
    for (key, item) in table {
        let name = key.get_ref().as_ref();
        if known.contains(&name) {
            kept.insert(key.clone(), item.clone());
        } else {
            found.push((key.span().start, unknown_key(name, known)));
            whole = false;
        }
    }
    let kept = Spanned::new(value.span(), DeValue::Table(kept));
    match T::deserialize(kept.into_deserializer()) {
        Ok(read) => (
            Some(read),
            Salvaged {
                read: true,
                whole,
                kept: Vec::new(),
            },
        ),
        Err(err) => {
            let at = err.span().map_or(value.span().start, |s| s.start);
            found.push((at, describe(&first_line(err.message()))));
            (None, Salvaged::default())
        }
    }
}

/// Reads each entry of an array of tables on its own, keeping those that can be read.
fn salvage_each<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    found: &mut Found,
) -> (Option<Vec<T>>, Salvaged) {
    let DeValue::Array(items) = value.get_ref() else {
        found.push((
            value.span().start,
            "expected a list of tables, as [[...]] entries".into(),
        ));
        return (None, Salvaged::default());
    };
    let mut entries = Vec::new();
    let mut salvaged = Salvaged {
        read: true,
        whole: true,
        kept: Vec::new(),
    };
    for (i, item) in items.iter().enumerate() {
        let (entry, item_salvaged) = salvage_one::<T>(item, found);
        salvaged.whole &= item_salvaged.whole && entry.is_some();
        if let Some(entry) = entry {
            entries.push(entry);
            salvaged.kept.push(i);
        }
    }
    (Some(entries), salvaged)
}

fn unknown_key(key: &str, known: &[&str]) -> String {
    let closest = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, _)| *d <= key.chars().count().max(3) / 2 + 1)
        .min();
    match closest {
        Some((_, k)) => format!("unknown key `{key}` (did you mean `{k}`?)"),
        None => format!("unknown key `{key}` (known keys: {})", known.join(", ")),
    }
}

/// Serde's wording, in the words of a dataset: fields are keys.
fn describe(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        let what = if matches!(key, "source" | "sources") {
            " (every entry needs its source URL)"
        } else {
            ""
        };
        return format!("missing required key `{key}`{what}");
    }
    message
        .replace("invalid type", "wrong type")
        .replace("field", "key")
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The span a rule's path names (`members[3].category`), as deep as the file has it.
fn span_of(root: &DeTable<'_>, path: &str) -> Option<Range<usize>> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (name, indices) = part
            .split_once('[')
            .map_or((part, ""), |(n, rest)| (n, rest));
        segments.push(Segment::Key(name));
        for index in indices.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse::<usize>() {
                segments.push(Segment::Index(i));
            }
        }
    }
    let mut span = None;
    let mut current: Option<&DeValue<'_>> = None;
    for segment in segments {
        let next = match (segment, current) {
            (Segment::Key(name), None) => root
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == name)
                .map(|(_, v)| v),
            (Segment::Key(name), Some(DeValue::Table(t))) => t
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == name)
                .map(|(_, v)| v),
            (Segment::Index(i), Some(DeValue::Array(items))) => items.get(i),
            _ => None,
        };
        let Some(next) = next else { break };
        span = Some(next.span());
        current = Some(next.get_ref());
    }
    span
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Byte offsets to 1-based lines and columns (in characters), sorted by position.
fn place(text: &str, mut found: Vec<(usize, String)>) -> Vec<Diagnostic> {
    found.sort_by_key(|(at, _)| *at);
    found
        .into_iter()
        .map(|(at, message)| {
            let at = at.min(text.len());
            let before = text.get(..at).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Diagnostic {
                line,
                column,
                message,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BUNDLED, Dataset};

    fn messages(text: &str) -> Vec<String> {
        check(text).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_bundled_data_has_no_problems() {
        assert_eq!(messages(BUNDLED), Vec::<String>::new());
    }

    #[test]
    fn sections_are_the_datasets_fields() {
        let data = Dataset::load(BUNDLED).expect("loads");
        let exported = toml::to_string(&data).expect("serialises");
        let table: toml::Table = toml::from_str(&exported).expect("parses");
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
        let mut sections = section_names();
        keys.sort_unstable();
        sections.sort_unstable();
        assert_eq!(keys, sections);
    }

    #[test]
    fn syntax_errors_have_a_line_and_column() {
        let found = messages("[meta]\nupdated = \"2026\npage = 1\n");
        assert!(found[0].starts_with("2:"), "{found:?}");
        assert!(found[0].contains("TOML syntax"), "{found:?}");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = BUNDLED
            .replacen("[meta]\nupdated", "[meta]\ncolour = 1\nupdated", 1)
            .replacen(
                "acronym = \"CEDAW\"\nname",
                "acronym = \"CEDAW\"\ndescripton = \"x\"\nname",
                1,
            )
            .replacen("source = \"https://undocs.org/A/RES/73/195\"\n", "", 1)
            .replacen("id = \"cerd\"", "id = \"cmw\"", 1);
        let found = messages(&text);
        let all = found.join("\n");
        assert!(all.contains("unknown key `colour`"), "{all}");
        assert!(
            all.contains("unknown key `descripton` (did you mean `description`?)"),
            "{all}"
        );
        assert!(
            all.contains("missing required key `source` (every entry needs its source URL)"),
            "{all}"
        );
        // The rules run over every entry that could be read, in the same run.
        assert!(all.contains("duplicate id `cmw`"), "{all}");
        let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
        assert!(
            all.contains(&format!(
                "{}:1: unknown key `colour`",
                line_of("colour = 1").unwrap_or(0)
            )),
            "{all}"
        );
    }

    #[test]
    fn rules_are_placed_where_the_file_breaks_them() {
        let text = BUNDLED
            .replacen("id = \"cerd\"", "id = \"cmw\"", 1)
            .replacen("category = \"academia\"", "category = \"academy\"", 1)
            .replacen("number = 5\n", "number = 6\n", 1);
        let found = messages(&text);
        let all = found.join("\n");
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| l.contains(needle))
                .map(|i| i + 1)
                .unwrap_or(0)
        };
        assert!(all.contains("duplicate id `cmw`"), "{all}");
        assert!(
            all.contains(&format!("{}:", line_of("category = \"academy\""))),
            "{all}"
        );
        assert!(all.contains("issues are numbered 1 to 5, not 6"), "{all}");
        assert!(all.contains("category `academia` has no members"), "{all}");
    }

    #[test]
    fn unknown_sections_and_missing_sections_are_named() {
        let found = messages("[meta]\nupdated = \"x\"\npage = \"https://x\"\n[membres]\n");
        let all = found.join("\n");
        assert!(
            all.contains("unknown key `membres` (did you mean `members`?)"),
            "{all}"
        );
        assert!(all.contains("missing section `group`"), "{all}");
    }
}
