//! Failures, one variant per kind, and the one place that maps each to its exit status. The
//! exit-status table in `--help`, the man page and the README is [`EXIT_STATUS`].

use std::fmt;
use std::io;

use std::path::PathBuf;

use clap::ValueEnum;
use ewg_core::Kind;
use ewg_core::check::{FileError, shown};
use ewg_core::search::{Miss, SearchError};

use crate::cli::OutputFormat;

/// Every exit status `ewg` uses, with what it means, as `--help` and the man page print it.
pub(crate) const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "success, also when the reader of a pipe stops early"),
    (
        1,
        "nothing found: an unknown id, number or category, a search without hits; or `ewg data check` found problems",
    ),
    (
        2,
        "usage error: arguments that cannot be used, a --data file that cannot be used, a file that --output would replace",
    ),
    (
        3,
        "output that cannot be written or opened: standard output, the --output file, or a browser",
    ),
    (4, "a bug: something compiled into ewg does not work"),
];

/// Why a command did not give its answer: each failure with the data its message needs. The
/// messages are worded in [`fmt::Display`] below, the exit statuses in [`Failure::exit_code`].
#[derive(Debug)]
pub(crate) enum Failure {
    /// No entry of `kind` (of any kind, for `None`) has the id asked for.
    UnknownId {
        kind: Option<Kind>,
        asked: String,
        near: Vec<String>,
    },
    /// No member has this id, acronym or name; `starting` are the ids of the members whose names
    /// start with it, where more than one does.
    UnknownMember {
        asked: String,
        near: Vec<String>,
        starting: Vec<String>,
    },
    UnknownCategory {
        asked: String,
        near: Vec<String>,
        categories: Vec<String>,
    },
    UnknownAcronym {
        asked: String,
        near: Vec<String>,
    },
    /// `ewg show` named more than one entry: each with the command that shows it, and its title.
    Ambiguous {
        asked: String,
        candidates: Vec<(String, String)>,
    },
    /// A number a numbered kind does not have (1 to `count`), or what is no number at all.
    BadNumber {
        kind: Kind,
        asked: String,
        count: usize,
    },
    /// `--from` after `--to`.
    ReversedDates {
        from: String,
        to: String,
    },
    /// No event between the dates asked; the first and last dates of the timeline, if any.
    NoEventBetween {
        runs: Option<(String, String)>,
    },
    /// A search that ran and found nothing, or could not run (too long, no words).
    Search(SearchError),
    /// A brief's topic that no entry matches (or that cannot be searched for).
    Topic(SearchError),
    /// A --format the command does not write.
    FormatNotTaken {
        command: String,
        format: OutputFormat,
        takes: &'static [OutputFormat],
    },
    /// An entry's text that one form cannot hold safely (unbalanced braces in BibTeX).
    CannotWrite {
        form: &'static str,
        entry: String,
        field: &'static str,
        why: &'static str,
    },
    /// No browser could open a page: the URLs are printed instead (`printed`), and why not.
    NoBrowser {
        printed: String,
        why: String,
    },
    /// `cite --style` with a --format that is not text: a style would have nothing to shape.
    StyleWithFormat {
        format: OutputFormat,
    },
    /// `--output` names a file that exists, and --force was not given.
    FileExists {
        path: PathBuf,
    },
    /// `--output` names something that is not a regular file (a device, a folder, a FIFO).
    NotARegularFile {
        path: PathBuf,
    },
    /// A file asked for could not be written.
    Write {
        path: PathBuf,
        source: io::Error,
    },
    /// The dataset file named by --data or EWG_DATA cannot be used.
    DataFile(FileError),
    /// `ewg data check` found problems in the file it checked; `listing` is them as JSON, for
    /// standard output, where JSON was asked for.
    Problems {
        error: FileError,
        listing: Option<String>,
    },
    /// Something compiled into ewg does not work: a bug.
    Internal {
        what: &'static str,
        why: String,
    },
    /// Standard output could not be written.
    Output(io::Error),
}

impl Failure {
    /// The exit status for this failure; the one place the mapping is written.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Failure::UnknownId { .. }
            | Failure::UnknownMember { .. }
            | Failure::UnknownCategory { .. }
            | Failure::UnknownAcronym { .. }
            | Failure::BadNumber { .. }
            | Failure::NoEventBetween { .. }
            | Failure::Problems { .. }
            | Failure::Search(SearchError::NoHits { .. })
            | Failure::Topic(SearchError::NoHits { .. }) => 1,
            Failure::Search(_)
            | Failure::Topic(_)
            | Failure::FormatNotTaken { .. }
            | Failure::Ambiguous { .. }
            | Failure::StyleWithFormat { .. }
            | Failure::ReversedDates { .. }
            | Failure::CannotWrite { .. }
            | Failure::FileExists { .. }
            | Failure::NotARegularFile { .. }
            | Failure::DataFile(_) => 2,
            // A reader that stopped reading (`ewg members | head -1`) is not an error.
            Failure::Output(err) if err.kind() == io::ErrorKind::BrokenPipe => 0,
            Failure::Output(_) | Failure::Write { .. } | Failure::NoBrowser { .. } => 3,
            Failure::Internal { .. } => 4,
        }
    }

    /// What the failure still prints on standard output: the problems asked for as JSON, the
    /// pages no browser opened.
    pub(crate) fn stdout(&self) -> Option<&str> {
        match self {
            Failure::Problems {
                listing: Some(listing),
                ..
            } => Some(listing),
            Failure::NoBrowser { printed, .. } => Some(printed),
            _ => None,
        }
    }

    /// Whether to say anything: a closed pipe is a normal end.
    pub(crate) fn is_silent(&self) -> bool {
        self.exit_code() == 0
    }
}

/// `` `a` `` or `` `a` or `b` ``.
fn quoted_or(words: &[String], joiner: &str) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    quoted.join(joiner)
}

/// " (did you mean `x`?)" for the nearest candidates, or nothing.
pub(crate) fn did_you_mean(near: &[String]) -> String {
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", quoted_or(near, " or "))
    }
}

/// "`ewg issues` lists them", for a kind with a command.
fn lists_them(kind: Kind) -> String {
    match kind.command() {
        Some(command) => format!("`ewg {command}` lists them"),
        None => format!("`ewg search --kind {kind}` finds them"),
    }
}

/// "a" or "an", for the word that follows.
pub(crate) fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// A format's name as `--format` takes it.
pub(crate) fn format_name(format: OutputFormat) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::UnknownId {
                kind: Some(kind),
                asked,
                near,
            } => write!(
                f,
                "no {} with the id `{asked}`{}; {}",
                kind.noun(),
                did_you_mean(near),
                lists_them(*kind)
            ),
            Failure::UnknownId {
                kind: None,
                asked,
                near,
            } => write!(
                f,
                "no entry `{asked}`{}; name one by its id (`cedaw`), as `issue 4`, `objective 6` \
                 or `guide 6`, or find it with `ewg search {asked}`",
                did_you_mean(near)
            ),
            Failure::UnknownMember {
                asked,
                near,
                starting,
            } => {
                let hint = if starting.len() > 1 {
                    format!(
                        " ({} names start that way: {})",
                        starting.len(),
                        quoted_or(starting, ", ")
                    )
                } else {
                    did_you_mean(near)
                };
                write!(
                    f,
                    "no member `{asked}`{hint}; `ewg members` lists them, `ewg search {asked}` \
                     searches the text"
                )
            }
            Failure::UnknownCategory {
                asked,
                near,
                categories,
            } => write!(
                f,
                "no category `{asked}`{}; categories are: {}",
                did_you_mean(near),
                categories.join(", ")
            ),
            Failure::UnknownAcronym { asked, near } => write!(
                f,
                "no acronym `{asked}` in the glossary{}; `ewg define` lists them all, \
                 `ewg search {asked}` searches the text",
                did_you_mean(near)
            ),
            Failure::BadNumber { kind, count: 0, .. } => {
                write!(f, "this dataset has no {}", kind.plural())
            }
            Failure::BadNumber { kind, asked, count } => {
                let (what, plural) = (kind.noun(), kind.plural());
                let range = format!("{plural} are numbered 1 to {count}");
                let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
                if digits(asked) || asked.strip_prefix('-').is_some_and(digits) {
                    write!(f, "there is no {what} {asked}; {range}")
                } else {
                    write!(
                        f,
                        "`{asked}` is not {} {what} number; {range} ({}, `ewg search` searches by words)",
                        article(what),
                        lists_them(*kind)
                    )
                }
            }
            Failure::Ambiguous { asked, candidates } => {
                write!(
                    f,
                    "`{asked}` names {} entries; show one of them:",
                    candidates.len()
                )?;
                for (command, title) in candidates {
                    write!(f, "\n  {command}    {title}")?;
                }
                Ok(())
            }
            Failure::StyleWithFormat { format } => write!(
                f,
                "--style shapes text only, and {} has no style: leave --style out, or cite as \
                 text (--format text)",
                format_name(*format)
            ),
            Failure::ReversedDates { from, to } => write!(
                f,
                "--from ({from}) is after --to ({to}); the dates are reversed: swap them"
            ),
            Failure::NoEventBetween { runs } => {
                f.write_str("no event between those dates")?;
                if let Some((first, last)) = runs {
                    write!(f, "; the timeline runs from {first} to {last}")?;
                }
                f.write_str("; `ewg timeline` lists them all")
            }
            Failure::Search(err) => search_message(f, err),
            Failure::Topic(
                SearchError::NoWords { query } | SearchError::OnlyQuestionWords { query },
            ) => {
                write!(
                    f,
                    "`{query}` names nothing to brief on; name the topic, as in \
                     `ewg brief --topic \"domestic workers\"`"
                )
            }
            Failure::Topic(err @ SearchError::NoHits { .. }) => {
                search_message(f, err)?;
                write!(
                    f,
                    "\n`ewg objectives` lists the GCM's topics, each with a brief of its own \
                     (`ewg brief objective 13`)"
                )
            }
            Failure::Topic(err) => search_message(f, err),
            Failure::FormatNotTaken {
                command,
                format,
                takes,
            } => {
                let names: Vec<String> = takes.iter().map(|&t| format_name(t)).collect();
                // The commands that do write it, where they are few (`ewg brief` for html).
                let writers: Vec<String> = crate::cli::FORMATS
                    .iter()
                    .filter(|(name, formats)| !name.is_empty() && formats.contains(format))
                    .map(|(name, _)| format!("`ewg {name}`"))
                    .collect();
                let elsewhere = match writers.len() {
                    1..=2 => format!(" ({} does)", writers.join(" or ")),
                    _ => String::new(),
                };
                if names.is_empty() {
                    write!(f, "`{command}` takes no --format")
                } else {
                    write!(
                        f,
                        "`{command}` does not write {}{elsewhere}; it writes {}",
                        format_name(*format),
                        names.join(", ")
                    )
                }
            }
            Failure::CannotWrite {
                form,
                entry,
                field,
                why,
            } => write!(
                f,
                "cannot write {entry}'s {field} as {form}: {why}; fix the dataset file, or choose \
                 another --format"
            ),
            Failure::NoBrowser { why, .. } => write!(
                f,
                "no browser could be opened ({why}); the page is printed instead. Set BROWSER to \
                 the browser to use"
            ),
            Failure::FileExists { path } => write!(
                f,
                "`{}` exists and is kept; name another file, or add --force to replace it",
                path.display()
            ),
            Failure::NotARegularFile { path } => write!(
                f,
                "`{}` is not a regular file; --output writes only files, never a device, \
                 folder or pipe (leave --output out to write to standard output)",
                path.display()
            ),
            Failure::Write { path, source } => {
                write!(f, "cannot write `{}`: {source}", path.display())
            }
            Failure::Problems {
                error: FileError::Problems { path, diagnostics },
                listing: Some(_),
            } => write!(
                f,
                "`{}` has {} problem(s), listed on standard output",
                shown(path),
                diagnostics.len()
            ),
            Failure::DataFile(error) | Failure::Problems { error, .. } => file_message(f, error),
            Failure::Internal { what, why } => write!(
                f,
                "{what} does not work ({why}); this is a bug in ewg, please report it"
            ),
            Failure::Output(err) => write!(f, "cannot write the output: {err}"),
        }
    }
}

/// What a search that failed says.
fn search_message(f: &mut fmt::Formatter<'_>, err: &SearchError) -> fmt::Result {
    match err {
        SearchError::TooLong { chars, max } => write!(
            f,
            "the query is {chars} characters long; `ewg search` takes at most {max}"
        ),
        SearchError::NoWords { query } => write!(
            f,
            "`{query}` has no words to search for; try `ewg search \"labour rights\"`"
        ),
        SearchError::OnlyQuestionWords { query } => write!(
            f,
            "`{query}` asks a question but names nothing to look for; add what it is about, \
             as in `ewg search who chairs the EWG` or `ewg search when was the GCM adopted`"
        ),
        SearchError::TooManyParts { parts, max } => write!(
            f,
            "the query has {parts} words and phrases; `ewg search` takes at most {max}"
        ),
        SearchError::NoHits {
            query,
            kinds_asked,
            miss,
        } => match miss {
            Miss::Unknown(words) => {
                write!(f, "no entry matches `{query}`")?;
                for (word, near) in words {
                    if let Some(command) = command_for(word) {
                        write!(f, "; `{word}` is not in the data: {command}")?;
                    } else if near.is_empty() {
                        write!(f, "; `{word}` is not in the data")?;
                    } else {
                        write!(
                            f,
                            "; for `{word}`, did you mean {}?",
                            quoted_or(near, " or ")
                        )?;
                    }
                }
                Ok(())
            }
            Miss::NotTogether { drop } if !drop.is_empty() => write!(
                f,
                "no entry matches all of `{query}`; the words match separately: try without {}",
                quoted_or(drop, " or without ")
            ),
            Miss::NotTogether { .. } if *kinds_asked => write!(
                f,
                "no entry of the kinds asked matches `{query}`; try without --kind"
            ),
            Miss::NotTogether { .. } => {
                write!(f, "no entry matches all of `{query}`; try fewer words")
            }
        },
    }
}

/// Words for what ewg does rather than for what the data holds, each with the command that does
/// it, and the kind of entry it works on where there is one: searched for, they find nothing, and
/// the reader wanted the command (and, for a citation, the works to cite).
const COMMAND_WORDS: &[(&[&str], &str, Option<Kind>)] = &[
    (
        &[
            "cite",
            "citation",
            "citations",
            "bibliography",
            "apa",
            "mla",
            "harvard",
        ],
        "`ewg cite ENTRY` writes a citation (`ewg cite issue 4 --style mla`)",
        Some(Kind::Publication),
    ),
    (
        &["bibtex", "biblatex", "ris", "zotero", "mendeley", "endnote"],
        "`ewg cite ENTRY --format bibtex` (or biblatex, ris, csl-json) writes references for a \
         reference manager",
        Some(Kind::Publication),
    ),
    (
        &["export", "csv", "spreadsheet", "download"],
        "`ewg data export` writes the whole dataset, and every list takes `--format csv`",
        None,
    ),
    (
        &["briefing"],
        "`ewg brief` writes a brief, on a topic with `--topic` (`ewg brief --topic detention`)",
        None,
    ),
    (
        &["website", "url", "link", "browser"],
        "`ewg open ENTRY` opens an entry's source (`ewg open cedaw`)",
        None,
    ),
];

/// The command a word not in the data asks for, if it names one.
pub(crate) fn command_for(word: &str) -> Option<&'static str> {
    command_row(word).map(|(_, command, _)| *command)
}

fn command_row(
    word: &str,
) -> Option<&'static (&'static [&'static str], &'static str, Option<Kind>)> {
    let word = word.to_lowercase();
    COMMAND_WORDS
        .iter()
        .find(|(words, _, _)| words.contains(&word.as_str()))
}

/// For a search that found nothing because its only words name what a command does with one kind
/// of entry (`citation`, `bibtex`): that kind, and a note naming the command.
pub(crate) fn kind_asked_by_command_words(err: &SearchError) -> Option<(Kind, String)> {
    let SearchError::NoHits {
        miss: Miss::Unknown(words),
        ..
    } = err
    else {
        return None;
    };
    let mut kind = None;
    let mut commands: Vec<&str> = Vec::new();
    for (word, _) in words {
        let (_, command, Some(row_kind)) = command_row(word)? else {
            return None;
        };
        if kind.is_some_and(|k| k != *row_kind) {
            return None;
        }
        kind = Some(*row_kind);
        if !commands.contains(command) {
            commands.push(command);
        }
    }
    let words: Vec<String> = words.iter().map(|(word, _)| word.clone()).collect();
    let kind = kind?;
    Some((
        kind,
        format!(
            "no entry mentions {}: {}; showing the {}",
            quoted_or(&words, " or "),
            commands.join("; "),
            kind.plural()
        ),
    ))
}

/// What a dataset file that cannot be used says.
fn file_message(f: &mut fmt::Formatter<'_>, err: &FileError) -> fmt::Result {
    match err {
        FileError::Empty { path } => write!(
            f,
            "dataset file `{0}` is empty; `ewg data export > FILE` writes a complete one to start from",
            shown(path)
        ),
        other => fmt::Display::fmt(other, f),
    }
}

impl std::error::Error for Failure {}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Failure {
        Failure::Output(err)
    }
}

impl From<SearchError> for Failure {
    fn from(err: SearchError) -> Failure {
        Failure::Search(err)
    }
}

/// The exit-status table as `--help` prints it, written out so that no run pays for building
/// it; a test holds it to [`EXIT_STATUS`].
pub(crate) const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  success, also when the reader of a pipe stops early
  1  nothing found: an unknown id, number or category, a search without hits; or
     `ewg data check` found problems
  2  usage error: arguments that cannot be used, a --data file that cannot be
     used, a file that --output would replace
  3  output that cannot be written or opened: standard output, the --output
     file, or a browser
  4  a bug: something compiled into ewg does not work";

/// The exit-status table from [`EXIT_STATUS`]: each meaning wrapped under its code.
#[cfg(test)]
fn exit_status_help() -> String {
    let mut out = String::from("Exit status:");
    for (code, meaning) in EXIT_STATUS {
        let options = textwrap::Options::new(80)
            .initial_indent("")
            .subsequent_indent("     ");
        let text = format!("  {code}  {meaning}");
        for line in textwrap::wrap(&text, options) {
            out.push('\n');
            out.push_str(&line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_citing_ask_for_the_publications_and_others_for_nothing() {
        let miss = |words: &[&str]| SearchError::NoHits {
            query: words.join(" "),
            kinds_asked: false,
            miss: Miss::Unknown(words.iter().map(|w| (w.to_string(), Vec::new())).collect()),
        };
        let (kind, note) =
            kind_asked_by_command_words(&miss(&["citation", "MLA"])).expect("a set is asked");
        assert_eq!(kind, Kind::Publication);
        // Two words for one command name it once.
        assert_eq!(note.matches("`ewg cite ENTRY`").count(), 1, "{note}");
        assert!(note.contains("`citation` or `MLA`"), "{note}");
        assert_eq!(kind_asked_by_command_words(&miss(&["csv"])), None);
        assert_eq!(
            kind_asked_by_command_words(&miss(&["citation", "zzkq"])),
            None
        );
        assert_eq!(
            kind_asked_by_command_words(&miss(&["citation", "csv"])),
            None
        );
    }

    #[test]
    fn every_exit_status_in_the_table_is_one_a_failure_can_have() {
        let failures = [
            Failure::UnknownAcronym {
                asked: String::new(),
                near: Vec::new(),
            },
            Failure::FileExists {
                path: PathBuf::new(),
            },
            Failure::Output(io::Error::from(io::ErrorKind::BrokenPipe)),
            Failure::Output(io::Error::from(io::ErrorKind::StorageFull)),
            Failure::Internal {
                what: "a test",
                why: String::new(),
            },
        ];
        for failure in &failures {
            assert!(
                EXIT_STATUS
                    .iter()
                    .any(|(code, _)| *code == failure.exit_code()),
                "{failure:?}"
            );
        }
        assert!(failures[2].is_silent());
        assert!(!failures[0].is_silent());
    }

    #[test]
    fn the_help_table_is_the_exit_status_table() {
        assert_eq!(EXIT_STATUS_HELP, exit_status_help());
    }

    #[test]
    fn the_help_table_lists_every_code() {
        let help = exit_status_help();
        for (code, _) in EXIT_STATUS {
            assert!(help.contains(&format!("\n  {code}  ")), "{help}");
        }
    }
}
