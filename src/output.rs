//! Rendering: every command's result is a [`View`], written as a table (terminal), as
//! tab-separated lines (pipe) or as JSON. Text from the data passes through [`clean`] on its way
//! to a terminal or pipe, so no control character in a dataset reaches the screen raw.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use colored::Colorize;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde_json::Value;

use crate::config::{Config, Format};
use crate::escape;

/// Prose is wrapped to the terminal, but never wider than this, for reading.
const MAX_PROSE_WIDTH: usize = 100;

/// Columns of ids, numbers, dates and acronyms: never wrapped, so that what they hold can be
/// copied (a listing they leave no room in is shown record by record).
const WHOLE_COLUMNS: &[&str] = &[
    "id",
    "acronym",
    "when",
    "date",
    "issue",
    "objective",
    "kind",
    "slug",
    "members",
    "issues",
    "measures",
];

/// Columns shown on a terminal only where it is at least this wide; piped and JSON output
/// always have them.
const WIDE_COLUMNS: &[&str] = &["source", "show"];
const WIDE_TERMINAL: usize = 120;

/// A piece of text with byte ranges to highlight (search matches).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Text {
    /// Borrowed where it is the data's own (the data lasts the whole run) or a fixed word.
    pub text: Cow<'static, str>,
    pub marks: Vec<Range<usize>>,
}

impl From<Cow<'static, str>> for Text {
    fn from(text: Cow<'static, str>) -> Text {
        Text {
            text,
            marks: Vec::new(),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::from(Cow::Owned(text))
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Text {
        Text::from(Cow::Borrowed(text))
    }
}

/// Rows of records: a table on a terminal, tab-separated lines in a pipe. The first column is
/// the id.
#[derive(Debug, Clone)]
pub(crate) struct Listing {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Text>>,
    pub json: Value,
    /// Said under the table on a terminal ("showing 10 of 44"); piped and JSON output are whole.
    pub note: Option<String>,
}

/// One entry in full: labelled fields.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub heading: String,
    pub fields: Vec<(&'static str, Vec<String>)>,
    pub json: Value,
}

#[derive(Debug, Clone)]
pub(crate) enum View {
    Listing(Listing),
    Record(Record),
    /// Text printed as it is, whatever the format: a completion script, a man page, an export.
    Text(String),
}

impl Record {
    pub(crate) fn new(heading: impl AsRef<str>, json: Value) -> Record {
        Record {
            heading: heading.as_ref().to_owned(),
            fields: Vec::new(),
            json,
        }
    }

    /// Adds a field with one value.
    pub(crate) fn field(mut self, label: &'static str, value: impl AsRef<str>) -> Record {
        self.fields.push((label, vec![value.as_ref().to_owned()]));
        self
    }

    /// Adds a field with one value, if there is one.
    pub(crate) fn field_opt(self, label: &'static str, value: Option<impl AsRef<str>>) -> Record {
        match value {
            Some(value) => self.field(label, value),
            None => self,
        }
    }

    /// Adds a field with several values; none adds nothing.
    pub(crate) fn list<S: AsRef<str>>(
        mut self,
        label: &'static str,
        values: impl IntoIterator<Item = S>,
    ) -> Record {
        let values: Vec<String> = values
            .into_iter()
            .map(|value| value.as_ref().to_owned())
            .collect();
        if !values.is_empty() {
            self.fields.push((label, values));
        }
        self
    }
}

/// Writes a view in the configured format.
pub(crate) fn render(view: &View, config: &Config, out: &mut impl Write) -> io::Result<()> {
    match (config.format, view) {
        (_, View::Text(text)) => out.write_all(text.as_bytes()),
        (Format::Json, View::Listing(Listing { json, .. }) | View::Record(Record { json, .. })) => {
            // A `Value` of our own making serialises without fail.
            let text = serde_json::to_string_pretty(json).unwrap_or_default();
            writeln!(out, "{}", escape::json(text))
        }
        (Format::Plain, View::Listing(listing)) => render_plain_listing(listing, config.color, out),
        (Format::Plain, View::Record(record)) => render_plain_record(record, config.color, out),
        (Format::Table, View::Listing(listing)) => render_table(listing, config, out),
        (Format::Table, View::Record(record)) => render_record(record, config, out),
        (Format::Markdown, View::Listing(listing)) => render_markdown_listing(listing, out),
        (Format::Markdown, View::Record(record)) => render_markdown_record(record, out),
        (Format::Csv, View::Listing(listing)) => render_csv(
            &listing.columns,
            listing.rows.iter().map(|row| {
                row.iter()
                    .map(|cell| escape::csv_cell(&cell.text))
                    .collect()
            }),
            out,
        ),
        (Format::Csv, View::Record(record)) => render_csv(
            &["field", "value"],
            record.fields.iter().flat_map(|(label, values)| {
                values
                    .iter()
                    .map(|value| vec![label.to_string(), escape::csv_cell(value)])
            }),
            out,
        ),
        // The commands that make lists and shows take only the forms above (cli::FORMATS).
        (_, View::Listing(listing)) => render_plain_listing(listing, config.color, out),
        (_, View::Record(record)) => render_plain_record(record, config.color, out),
    }
}

/// A GitHub-flavoured Markdown table: a header row, a rule, one row per record.
fn render_markdown_listing(listing: &Listing, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "| {} |", listing.columns.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(listing.columns.len()))?;
    for row in &listing.rows {
        let cells: Vec<String> = row.iter().map(|cell| markdown_value(&cell.text)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// A value in Markdown: a URL as a link where it may be one, any other text escaped.
fn markdown_value(text: &str) -> String {
    if text.starts_with("https://") || text.starts_with("http://") {
        escape::markdown_url(text)
    } else {
        escape::markdown(text)
    }
}

/// A show in Markdown: its heading, then each field, several values as a list.
fn render_markdown_record(record: &Record, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## {}\n", markdown_value(&record.heading))?;
    for (label, values) in &record.fields {
        match values.as_slice() {
            [value] => writeln!(out, "- **{label}**: {}", markdown_value(value))?,
            values => {
                writeln!(out, "- **{label}**:")?;
                for value in values {
                    writeln!(out, "  - {}", markdown_value(value))?;
                }
            }
        }
    }
    Ok(())
}

/// CSV as RFC 4180 has it: a header row, fields quoted where they must be.
fn render_csv(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let to_io = |err: csv::Error| match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    };
    writer.write_record(header).map_err(to_io)?;
    for row in rows {
        writer.write_record(&row).map_err(to_io)?;
    }
    writer.flush()
}

/// Cleans text and, when colour is on, paints its marked ranges.
fn paint_marks(text: &Text, color: bool) -> String {
    let mut out = String::new();
    push_marked(&mut out, text, color);
    out
}

/// `text`, escaped for the terminal, with its marks bold and underlined where colour is on.
fn push_marked(out: &mut String, text: &Text, color: bool) {
    if !color || text.marks.is_empty() {
        out.push_str(&escape::terminal(&text.text));
        return;
    }
    let mut at = 0;
    for mark in &text.marks {
        // Marks come from the same text; skip any that do not fit rather than panic.
        let (Some(before), Some(marked)) =
            (text.text.get(at..mark.start), text.text.get(mark.clone()))
        else {
            continue;
        };
        out.push_str(&escape::terminal(before));
        out.push_str(&escape::terminal(marked).bold().underline().to_string());
        at = mark.end;
    }
    out.push_str(&escape::terminal(text.text.get(at..).unwrap_or_default()));
}

fn paint_id(text: &str, color: bool) -> String {
    let mut out = String::new();
    push_id(&mut out, text, color);
    out
}

/// An id, escaped for the terminal, in cyan where colour is on.
fn push_id(out: &mut String, text: &str, color: bool) {
    let text = escape::terminal(text);
    if color {
        out.push_str(&text.cyan().to_string());
    } else {
        out.push_str(&text);
    }
}

fn paint_label(text: &str, color: bool) -> String {
    if color {
        text.bold().to_string()
    } else {
        text.to_string()
    }
}

fn render_plain_listing(listing: &Listing, color: bool, out: &mut impl Write) -> io::Result<()> {
    // One line's buffer for every row.
    let mut line = String::new();
    for row in &listing.rows {
        line.clear();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push('\t');
            }
            if i == 0 {
                push_id(&mut line, &cell.text, color);
            } else {
                push_marked(&mut line, cell, color);
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn render_plain_record(record: &Record, color: bool, out: &mut impl Write) -> io::Result<()> {
    // What a terminal shows as the heading, first, so that nothing it shows is dropped.
    writeln!(
        out,
        "{}\t{}",
        paint_label("heading", color),
        escape::terminal(&record.heading)
    )?;
    for (label, values) in &record.fields {
        for value in values {
            writeln!(
                out,
                "{}\t{}",
                paint_label(label, color),
                escape::terminal(value)
            )?;
        }
    }
    Ok(())
}

fn render_table(listing: &Listing, config: &Config, out: &mut impl Write) -> io::Result<()> {
    if listing.rows.is_empty() {
        return Ok(());
    }
    let mut table = Table::new();
    // comfy-table would ask the terminal itself; our own decision is the one that counts.
    table.force_no_tty();
    if config.color {
        table.enforce_styling();
    }
    let whole = |i: usize| WHOLE_COLUMNS.contains(&listing.columns[i]);
    let all: Vec<usize> = (0..listing.columns.len()).collect();
    let narrow: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| !WIDE_COLUMNS.contains(&listing.columns[i]))
        .collect();
    // The wide columns (sources, commands) on a wide terminal where they fit; else without them;
    // record by record only where no table fits at all.
    let candidates = if config.width >= WIDE_TERMINAL {
        vec![all, narrow]
    } else {
        vec![narrow]
    };
    let Some((shown, widths, wrap_whole)) = candidates
        .into_iter()
        .map(|shown| {
            let (widths, wrap_whole) = column_widths(listing, &shown, config.width);
            (shown, widths, wrap_whole)
        })
        .find(|(shown, widths, _)| widths.iter().sum::<usize>() + 3 * shown.len() < config.width)
    else {
        let shown: Vec<usize> = (0..listing.columns.len())
            .filter(|&i| !WIDE_COLUMNS.contains(&listing.columns[i]))
            .collect();
        return render_stacked(listing, &shown, config, out);
    };
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(config.width).unwrap_or(u16::MAX))
        .set_header(
            shown
                .iter()
                .map(|&i| Cell::new(paint_label(listing.columns[i], config.color))),
        );
    for row in &listing.rows {
        table.add_row(shown.iter().zip(&widths).map(|(&i, &width)| {
            let cell = &row[i];
            let text = if wrap_whole && whole(i) {
                Cow::Owned(wrap_at_pieces(&escape::terminal(&cell.text), width))
            } else {
                Cow::Borrowed(&*cell.text)
            };
            // Each line painted (and made safe) on its own: the line breaks are ours.
            let paint = |line: &str| {
                if i == 0 {
                    paint_id(line, config.color)
                } else {
                    escape::terminal(line).into_owned()
                }
            };
            Cell::new(if wrap_whole && whole(i) {
                text.lines().map(paint).collect::<Vec<_>>().join("\n")
            } else if i == 0 {
                paint_id(&text, config.color)
            } else {
                paint_marks(cell, config.color)
            })
        }));
    }
    // Widths follow the content: ids and numbers whole; other columns wrap at spaces, never
    // narrower than their longest word, so no word is cut in two.
    let constraints = shown.iter().zip(&widths).map(|(&i, &width)| {
        if WHOLE_COLUMNS.contains(&listing.columns[i]) {
            ColumnConstraint::ContentWidth
        } else {
            ColumnConstraint::LowerBoundary(Width::Fixed(u16::try_from(width).unwrap_or(u16::MAX)))
        }
    });
    table.set_constraints(constraints);
    writeln!(out, "{table}")?;
    if let Some(note) = &listing.note {
        let note = if config.color {
            note.dimmed().to_string()
        } else {
            note.clone()
        };
        writeln!(out, "{note}")?;
    }
    Ok(())
}

/// The least width of each shown column, and whether ids and dates wrap: they stay whole,
/// unless that would leave the text columns too narrow to read (a 17-character title, each
/// title eight lines), and then they wrap at hyphens and spaces.
fn column_widths(listing: &Listing, shown: &[usize], width: usize) -> (Vec<usize>, bool) {
    let whole = |i: usize| WHOLE_COLUMNS.contains(&listing.columns[i]);
    let borders = 3 * shown.len() + 1;
    let mut widths: Vec<usize> = shown.iter().map(|&i| least_width(listing, i)).collect();
    let whole_width: usize = shown
        .iter()
        .zip(&widths)
        .filter(|(i, _)| whole(**i))
        .map(|(_, w)| *w)
        .sum();
    let texts = shown.iter().filter(|&&i| !whole(i)).count();
    let left = width.saturating_sub(whole_width + borders);
    let wrap_whole = texts > 0 && left / texts < READABLE_TEXT;
    if wrap_whole {
        for (width, &i) in widths.iter_mut().zip(shown) {
            if whole(i) {
                *width = (*width).min(longest_piece(listing, i).max(WRAPPED_WHOLE));
            }
        }
    }
    (widths, wrap_whole)
}

/// The narrowest a text column is left when ids and dates would squeeze it further.
const READABLE_TEXT: usize = 30;

/// The narrowest an id or date column is made when it wraps.
const WRAPPED_WHOLE: usize = 12;

/// The longest piece of a column's cells between hyphens and spaces (`policies-` of
/// `policies-and-practice-guide`).
fn longest_piece(listing: &Listing, column: usize) -> usize {
    listing
        .rows
        .iter()
        .flat_map(|row| {
            // Measured as shown: a control character is shown as `\u{..}`.
            let shown = escape::terminal(&row[column].text);
            pieces(&shown)
                .map(|p| p.chars().count())
                .collect::<Vec<_>>()
        })
        .chain(std::iter::once(listing.columns[column].chars().count()))
        .max()
        .unwrap_or(1)
}

/// A text cut after each hyphen and space, the hyphen kept with the piece before it.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['-', ' '])
        .map(|p| p.trim_end_matches(' '))
        .filter(|p| !p.is_empty())
}

/// A text in lines of at most `width` columns, broken only after a hyphen or at a space.
fn wrap_at_pieces(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for piece in pieces(text) {
        let line = lines.last_mut().expect("there is a line");
        let joiner = if line.is_empty() || line.ends_with('-') {
            ""
        } else {
            " "
        };
        if !line.is_empty() && line.chars().count() + joiner.len() + piece.chars().count() > width {
            lines.push(piece.to_string());
        } else {
            line.push_str(joiner);
            line.push_str(piece);
        }
    }
    lines.join("\n")
}

/// The narrowest a column can be: its whole content for ids and numbers, else its longest word.
fn least_width(listing: &Listing, column: usize) -> usize {
    let name = listing.columns[column];
    let whole = WHOLE_COLUMNS.contains(&name);
    listing
        .rows
        .iter()
        .map(|row| {
            let text = escape::terminal(&row[column].text);
            if whole {
                text.chars().count()
            } else {
                text.split(' ')
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0)
            }
        })
        .chain(std::iter::once(name.chars().count()))
        .max()
        .unwrap_or(1)
}

/// A listing too wide for the terminal as a table: each record as its id on a line of its own,
/// then its other columns as labelled, wrapped lines.
fn render_stacked(
    listing: &Listing,
    shown: &[usize],
    config: &Config,
    out: &mut impl Write,
) -> io::Result<()> {
    let (first, rest) = shown.split_first().unwrap_or((&0, &[]));
    for (n, row) in listing.rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", paint_id(&row[*first].text, config.color))?;
        let fields: Vec<(&'static str, Vec<String>)> = rest
            .iter()
            .filter(|&&i| !row[i].text.is_empty())
            .map(|&i| (listing.columns[i], vec![paint_marks(&row[i], false)]))
            .collect();
        write_fields(&fields, "  ", config, out)?;
    }
    if let Some(note) = &listing.note {
        writeln!(out)?;
        writeln!(out, "{note}")?;
    }
    Ok(())
}

/// Wrapping at `width`, at spaces only, never inside a word or at a hyphen: names and URLs stay
/// whole.
pub(crate) fn wrap_at_spaces(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

fn render_record(record: &Record, config: &Config, out: &mut impl Write) -> io::Result<()> {
    let width = config.width.min(MAX_PROSE_WIDTH);
    let heading = escape::terminal(&record.heading);
    let heading = textwrap::fill(&heading, wrap_at_spaces(width.max(20)));
    writeln!(out, "{}", paint_label(&heading, config.color))?;
    writeln!(out)?;
    write_fields(&record.fields, "", config, out)
}

/// Labelled values, the values wrapped beside their labels (several values as a list); each line
/// starts with `margin`.
fn write_fields(
    fields: &[(&'static str, Vec<String>)],
    margin: &str,
    config: &Config,
    out: &mut impl Write,
) -> io::Result<()> {
    let width = config.width.min(MAX_PROSE_WIDTH);
    let label_width = fields
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let value_width = width
        .saturating_sub(label_width + margin.chars().count())
        .max(20);
    let indent = " ".repeat(label_width);
    for (label, values) in fields {
        let bullet = values.len() > 1;
        let mut first_line = true;
        for value in values {
            let value = escape::terminal(value);
            let options = wrap_at_spaces(value_width);
            let options = if bullet {
                options.initial_indent("- ").subsequent_indent("  ")
            } else {
                options
            };
            // A single long word (a URL) may run past the prose width up to the terminal's edge.
            let room = config
                .width
                .saturating_sub(label_width + margin.chars().count())
                .max(value_width);
            for line in textwrap::wrap(&value, options) {
                let length = line.chars().count();
                let one_word = !line.trim_start().trim_start_matches("- ").contains(' ');
                // A word wider than the space beside the label stands on its own line, whole
                // (with its bullet where it fits), so that it can be copied.
                if length > value_width && !(one_word && length <= room) {
                    if first_line {
                        writeln!(out, "{margin}{}", paint_label(label, config.color))?;
                        first_line = false;
                    }
                    let word = line.trim_start();
                    let word = if word.chars().count() <= config.width {
                        word
                    } else {
                        word.strip_prefix("- ").unwrap_or(word)
                    };
                    writeln!(out, "{word}")?;
                    continue;
                }
                if first_line {
                    let padding = " ".repeat(label_width - label.chars().count());
                    writeln!(
                        out,
                        "{margin}{}{padding}{line}",
                        paint_label(label, config.color)
                    )?;
                    first_line = false;
                } else {
                    writeln!(out, "{margin}{indent}{line}")?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(format: Format, color: bool) -> Config {
        Config {
            format,
            pager: None,
            height: None,
            color,
            color_err: false,
            width: 60,
            err_width: None,
        }
    }

    fn rendered(view: &View, config: &Config) -> String {
        let mut out = Vec::new();
        render(view, config, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("utf-8")
    }

    fn listing() -> View {
        View::Listing(Listing {
            columns: vec!["id", "name"],
            rows: vec![vec![
                "cmw".into(),
                Text {
                    text: "Committee on Migrant Workers".into(),
                    marks: std::iter::once(13..20).collect(),
                },
            ]],
            json: serde_json::json!([{"id": "cmw"}]),
            note: None,
        })
    }

    #[test]
    fn plain_listing_is_tab_separated_without_escapes() {
        assert_eq!(
            rendered(&listing(), &config(Format::Plain, false)),
            "cmw\tCommittee on Migrant Workers\n"
        );
    }

    #[test]
    fn colour_paints_ids_and_marks() {
        colored::control::set_override(true);
        let out = rendered(&listing(), &config(Format::Plain, true));
        assert!(out.contains("\u{1b}["), "{out:?}");
        assert!(out.contains("Migrant"));
    }

    #[test]
    fn table_fits_the_width() {
        let out = rendered(&listing(), &config(Format::Table, false));
        assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
        assert!(out.contains("Committee"));
    }

    #[test]
    fn json_is_the_views_value() {
        assert_eq!(
            rendered(&listing(), &config(Format::Json, false)),
            "[\n  {\n    \"id\": \"cmw\"\n  }\n]\n"
        );
    }

    #[test]
    fn records_wrap_prose_under_their_label() {
        let record = View::Record(
            Record::new("Heading", Value::Null)
                .field("summary", "word ".repeat(30))
                .list("sources", ["https://a.example", "https://b.example"]),
        );
        let out = rendered(&record, &config(Format::Table, false));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Heading");
        assert!(lines[2].starts_with("summary  word"));
        assert!(lines[3].starts_with("         word"));
        assert!(
            out.contains("sources  - https://a.example\n         - https://b.example"),
            "{out}"
        );
        let plain = rendered(&record, &config(Format::Plain, false));
        assert!(plain.contains("sources\thttps://a.example\nsources\thttps://b.example\n"));

        let long_url = format!("https://example.org/{}", "a-b-".repeat(30));
        let record = View::Record(Record::new("H", Value::Null).field("source", long_url.clone()));
        let out = rendered(&record, &config(Format::Table, false));
        assert!(out.contains(&long_url), "URLs are never split: {out}");
    }
}
