//! Failures, one variant per kind, and the one place that maps each to its exit status. The
//! exit-status table in `--help`, the man page and the README is [`EXIT_STATUS`].

use std::fmt;
use std::io;

use ewg_core::check::FileError;
use ewg_core::search::SearchError;

/// Every exit status `ewg` uses, with what it means, as `--help` and the man page print it.
pub(crate) const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "success, also when the reader of a pipe stops early"),
    (
        1,
        "nothing found: an unknown id, number or category, a search without hits; or `ewg data check` found problems",
    ),
    (
        2,
        "usage error, a --data file that cannot be used, or output that cannot be written",
    ),
];

/// Why a command did not give its answer.
#[derive(Debug)]
pub(crate) enum Failure {
    /// An unknown id, acronym or category; the message names it and what to try.
    NotFound(String),
    /// A number outside the numbers its kind has.
    OutOfRange(String),
    /// A search that ran and found nothing, or could not run (too long, no words).
    Search(SearchError),
    /// Arguments clap accepted but that cannot be used.
    Usage(String),
    /// The dataset file named by --data or EWG_DATA cannot be used.
    DataFile(FileError),
    /// `ewg data check` found problems in the file it checked.
    Problems(FileError),
    /// Standard output could not be written.
    Output(io::Error),
}

impl Failure {
    /// The exit status for this failure; the one place the mapping is written.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Failure::NotFound(_) | Failure::OutOfRange(_) | Failure::Problems(_) => 1,
            Failure::Search(SearchError::NoHits { .. }) => 1,
            Failure::Search(_) | Failure::Usage(_) | Failure::DataFile(_) => 2,
            // A reader that stopped reading (`ewg members | head -1`) is not an error.
            Failure::Output(err) if err.kind() == io::ErrorKind::BrokenPipe => 0,
            Failure::Output(_) => 2,
        }
    }

    /// Whether to say anything: a closed pipe is a normal end.
    pub(crate) fn is_silent(&self) -> bool {
        self.exit_code() == 0
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::NotFound(message) | Failure::OutOfRange(message) | Failure::Usage(message) => {
                f.write_str(message)
            }
            Failure::Search(err) => err.fmt(f),
            Failure::DataFile(err) | Failure::Problems(err) => err.fmt(f),
            Failure::Output(err) => write!(f, "cannot write the output: {err}"),
        }
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
  2  usage error, a --data file that cannot be used, or output that cannot be
     written";

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
    fn every_exit_status_in_the_table_is_one_a_failure_can_have() {
        let failures = [
            Failure::NotFound(String::new()),
            Failure::Usage(String::new()),
            Failure::Output(io::Error::from(io::ErrorKind::BrokenPipe)),
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
