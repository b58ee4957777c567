//! Checking a dataset file: every problem at once, each with its line and column.
//!
//! TOML syntax first; then each section and each entry is deserialised on its own, so that one
//! bad entry does not hide the next; then, if the shape is right, the dataset's own rules
//! (`Dataset::problems`), placed at the spot in the file they name.

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use anyhow::{Context, bail};

use serde::de::DeserializeOwned;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::data::{
    Activity, Category, Dataset, Event, Gcm, Group, Issue, Member, Meta, Objective, Publication,
    Term,
};

/// The sections of a dataset file, as `Dataset` names them.
pub(crate) const SECTIONS: &[&str] = &[
    "meta",
    "group",
    "categories",
    "members",
    "issues",
    "activities",
    "publications",
    "timeline",
    "gcm",
    "objectives",
    "glossary",
];

/// One problem in a file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnostic {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The largest dataset file `ewg` reads: the bundled one is under 40 KB and a generated one of
/// 100,000 entries under 40 MB, so a larger file is more likely a wrong one (a disk image, a
/// log), refused at once rather than parsed for seconds.
pub(crate) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a dataset file as text, with a clear error for each way it can be unusable.
pub(crate) fn read_file(path: &Path) -> anyhow::Result<String> {
    let shown = path.display();
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read dataset file `{shown}`"))?;
    if meta.is_dir() {
        bail!("`{shown}` is a directory, not a dataset file");
    }
    if meta.len() > MAX_FILE_BYTES {
        bail!(
            "dataset file `{shown}` is {} MB, more than the {} MB `ewg` reads; is it the right file?",
            meta.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        );
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .with_context(|| format!("cannot read dataset file `{shown}`"))?;
    if bytes.is_empty() {
        bail!("dataset file `{shown}` is empty; `ewg data export > {shown}` writes a complete one");
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let line = err.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            bail!(
                "dataset file `{shown}` is not UTF-8 text (first bad byte on line {line}); is it a dataset?"
            )
        }
    }
}

/// Loads a dataset file; if it does not load, the error lists every problem in it.
pub(crate) fn load_file(path: &Path) -> anyhow::Result<Dataset> {
    let text = read_file(path)?;
    load_text(path, &text).map_err(anyhow::Error::msg)
}

/// Loads the text of the dataset file at `path`, or says every problem in it. A file that loads
/// has none (the `load` fuzz target holds `check` to that), so only a broken file pays for
/// `check`, which holds the whole parse tree at once.
pub(crate) fn load_text(path: &Path, text: &str) -> Result<Dataset, String> {
    Dataset::load(text).map_err(|err| {
        let diagnostics = check(text);
        if diagnostics.is_empty() {
            format!("dataset file `{}` cannot be used: {err}", path.display())
        } else {
            report(path, &diagnostics)
        }
    })
}

/// Problems listed in full; past this a file is more likely the wrong file than a dataset.
const MAX_REPORTED: usize = 50;

/// "`PATH` has N problems:" and one `PATH:LINE:COLUMN: message` line for each.
pub(crate) fn report(path: &Path, diagnostics: &[Diagnostic]) -> String {
    let count = diagnostics.len();
    let mut out = format!(
        "dataset file `{}` has {count} problem{}:",
        path.display(),
        if count == 1 { "" } else { "s" }
    );
    for d in diagnostics.iter().take(MAX_REPORTED) {
        out.push_str(&format!("\n  {}:{d}", path.display()));
    }
    if count > MAX_REPORTED {
        out.push_str(&format!("\n  ... and {} more", count - MAX_REPORTED));
    }
    out
}

/// Every problem in `text`, in file order; none means it loads.
pub(crate) fn check(text: &str) -> Vec<Diagnostic> {
    let mut found: Vec<(usize, String)> = Vec::new();
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

    let mut shape_ok = true;
    let root = root.into_inner();
    for (key, value) in &root {
        let name = key.get_ref().as_ref();
        let ok = match name {
            "meta" => check_one::<Meta>(value, &mut found),
            "group" => check_one::<Group>(value, &mut found),
            "gcm" => check_one::<Gcm>(value, &mut found),
            "categories" => check_each::<Category>(value, &mut found),
            "members" => check_each::<Member>(value, &mut found),
            "issues" => check_each::<Issue>(value, &mut found),
            "activities" => check_each::<Activity>(value, &mut found),
            "publications" => check_each::<Publication>(value, &mut found),
            "timeline" => check_each::<Event>(value, &mut found),
            "objectives" => check_each::<Objective>(value, &mut found),
            "glossary" => check_each::<Term>(value, &mut found),
            _ => {
                found.push((key.span().start, unknown_key(name, SECTIONS)));
                false
            }
        };
        shape_ok &= ok;
    }
    for section in SECTIONS {
        if !root.keys().any(|k| k.get_ref().as_ref() == *section) {
            found.push((0, format!("missing section `{section}`")));
            shape_ok = false;
        }
    }

    if shape_ok {
        match toml::from_str::<Dataset>(text) {
            Ok(data) => {
                for problem in data.problems() {
                    let at = span_of(&root, &problem.path).map_or(0, |s| s.start);
                    found.push((at, format!("{}: {}", problem.path, problem.message)));
                }
            }
            // Every part deserialised on its own, so this is not expected; report it anyway.
            Err(err) => found.push((err.span().map_or(0, |s| s.start), first_line(err.message()))),
        }
    }
    place(text, found)
}

/// Deserialises one table, reporting every unknown key (each is dropped and the table tried
/// again) and then the first other problem. True if there was none.
fn check_one<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    found: &mut Vec<(usize, String)>,
) -> bool {
    let mut value = value.clone();
    let mut clean = true;
    // Each round removes one unknown key, so this ends.
    loop {
        let err = match T::deserialize(value.clone().into_deserializer()) {
            Ok(_) => return clean,
            Err(err) => err,
        };
        clean = false;
        let at = err.span().map_or(value.span().start, |s| s.start);
        let message = first_line(err.message());
        let Some((key, expected)) = unknown_field(&message) else {
            found.push((at, describe(&message)));
            return false;
        };
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        let DeValue::Table(table) = value.get_mut() else {
            found.push((at, unknown_key(&key, &expected)));
            return false;
        };
        let key_at = table
            .keys()
            .find(|k| k.get_ref().as_ref() == key.as_str())
            .map(|k| k.span().start);
        found.push((key_at.unwrap_or(at), unknown_key(&key, &expected)));
        if key_at.is_none() {
            return false;
        }
        let kept: DeTable<'_> = std::mem::take(table)
            .into_iter()
            .filter(|(k, _)| k.get_ref().as_ref() != key.as_str())
            .collect();
        *table = kept;
    }
}

/// Checks each entry of an array of tables on its own.
fn check_each<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    found: &mut Vec<(usize, String)>,
) -> bool {
    let DeValue::Array(items) = value.get_ref() else {
        found.push((
            value.span().start,
            "expected a list of tables, as [[...]] entries".into(),
        ));
        return false;
    };
    let mut ok = true;
    for item in items.iter() {
        ok &= check_one::<T>(item, found);
    }
    ok
}

/// Serde's "unknown field `x`, expected one of `a`, `b`": the key and the known keys.
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((key.to_string(), expected))
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
    use crate::data::BUNDLED;

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
        let mut sections = SECTIONS.to_vec();
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
        // The rules run only once the shape is right; the duplicate id waits for that.
        assert!(!all.contains("duplicate"), "{all}");
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
