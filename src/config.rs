//! Resolved settings: the output format, colour for each stream and the width, decided once
//! from flags, environment and terminal, then passed down.

use std::io::IsTerminal;

use crate::cli::{ColorWhen, formats_of};
use crate::error::Failure;
use crate::pager::pager_command;

/// The form of the output: the one format enum, as `--format` names it.
pub(crate) use crate::cli::OutputFormat as Format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Config {
    pub format: Format,
    /// The pager for output taller than `height`: only on a terminal, in table format.
    pub pager: Option<Vec<String>>,
    /// Rows on stdout's terminal, where it is one.
    pub height: Option<usize>,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_err: bool,
    /// Columns available on stdout.
    pub width: usize,
    /// Columns of stderr's terminal, where it is one: errors are wrapped to it.
    pub err_width: Option<usize>,
}

/// The environment variables that colour and width depend on, read once.
#[derive(Debug, Default, Clone)]
pub(crate) struct Env {
    pub no_color: Option<String>,
    pub clicolor_force: Option<String>,
    pub term: Option<String>,
    pub columns: Option<String>,
    pub ewg_pager: Option<String>,
    pub pager: Option<String>,
}

impl Env {
    pub(crate) fn read() -> Env {
        let var = |name| std::env::var(name).ok();
        Env {
            no_color: var("NO_COLOR"),
            clicolor_force: var("CLICOLOR_FORCE"),
            term: var("TERM"),
            columns: var("COLUMNS"),
            ewg_pager: var("EWG_PAGER"),
            pager: var("PAGER"),
        }
    }
}

/// Width used when neither `COLUMNS` nor the terminal tell.
const DEFAULT_WIDTH: usize = 80;

impl Config {
    /// `asked` is what --format or --json asked for; `command` the command's words (`data
    /// check`), whose declared formats decide what it may be and what it is when not asked.
    pub(crate) fn resolve(
        color: ColorWhen,
        asked: Option<Format>,
        command: &str,
        no_pager: bool,
        env: &Env,
    ) -> Result<Config, Failure> {
        let stdout_tty = std::io::stdout().is_terminal();
        let format = decide_format(asked, command, stdout_tty)?;
        let terminal = terminal_size::terminal_size();
        let terminal_width = terminal.map(|(w, _)| usize::from(w.0));
        let paging = format == Format::Table;
        Ok(Config {
            format,
            pager: paging
                .then(|| pager_command(no_pager, env.ewg_pager.as_deref(), env.pager.as_deref()))
                .flatten(),
            height: terminal.map(|(_, h)| usize::from(h.0)).filter(|&h| h > 0),
            color: use_color(color, env, stdout_tty),
            color_err: use_color(color, env, std::io::stderr().is_terminal()),
            width: width(env.columns.as_deref(), terminal_width),
            err_width: err_width(env),
        })
    }
}

#[cfg(test)]
impl Config {
    /// A plain setting for unit tests: no terminal, no colour, 80 columns.
    pub(crate) fn for_tests(format: Format) -> Config {
        Config {
            format,
            pager: None,
            height: None,
            color: false,
            color_err: false,
            width: 80,
            err_width: None,
        }
    }
}

/// The format asked for, if the command writes it; else the command's default (a default of
/// table is plain when standard output is not a terminal).
fn decide_format(
    asked: Option<Format>,
    command: &str,
    stdout_tty: bool,
) -> Result<Format, Failure> {
    let takes = formats_of(command);
    match (asked, takes) {
        (Some(format), _) if takes.contains(&format) => Ok(format),
        (Some(format), _) => Err(Failure::FormatNotTaken {
            command: format!("ewg {command}").trim_end().to_string(),
            format,
            takes,
        }),
        (None, [Format::Table, piped, ..]) if !stdout_tty => Ok(*piped),
        (None, [first, ..]) => Ok(*first),
        (None, []) => Ok(Format::Plain),
    }
}

/// Whether to colour a stream: the flag beats the environment (a non-empty `NO_COLOR` turns
/// colour off, then a `CLICOLOR_FORCE` other than `0` turns it on), which beats the test for a
/// terminal that is not `dumb`.
pub(crate) fn use_color(when: ColorWhen, env: &Env, is_terminal: bool) -> bool {
    let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if set(&env.no_color) => false,
        ColorWhen::Auto
            if set(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0") =>
        {
            true
        }
        ColorWhen::Auto => is_terminal && env.term.as_deref() != Some("dumb"),
    }
}

/// The width to wrap errors to: stderr's, where it is a terminal.
pub(crate) fn err_width(env: &Env) -> Option<usize> {
    let stderr = std::io::stderr();
    stderr.is_terminal().then(|| {
        let terminal = terminal_size::terminal_size_of(&stderr).map(|(w, _)| usize::from(w.0));
        width(env.columns.as_deref(), terminal)
    })
}

/// `COLUMNS` if it is a positive number, else the terminal's width, else 80.
fn width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal)
        .unwrap_or(DEFAULT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, force: Option<&str>, term: Option<&str>) -> Env {
        Env {
            no_color: no_color.map(Into::into),
            clicolor_force: force.map(Into::into),
            term: term.map(Into::into),
            columns: None,
            ewg_pager: None,
            pager: None,
        }
    }

    #[test]
    fn flag_beats_environment() {
        assert!(use_color(
            ColorWhen::Always,
            &env(Some("1"), None, None),
            false
        ));
        assert!(!use_color(
            ColorWhen::Never,
            &env(None, Some("1"), None),
            true
        ));
    }

    #[test]
    fn environment_beats_terminal_test() {
        assert!(!use_color(
            ColorWhen::Auto,
            &env(Some("1"), None, None),
            true
        ));
        assert!(use_color(
            ColorWhen::Auto,
            &env(None, Some("1"), None),
            false
        ));
        assert!(!use_color(
            ColorWhen::Auto,
            &env(None, Some("0"), None),
            false
        ));
        // An empty NO_COLOR is the same as none.
        assert!(use_color(ColorWhen::Auto, &env(Some(""), None, None), true));
    }

    #[test]
    fn auto_needs_a_terminal_that_is_not_dumb() {
        assert!(use_color(
            ColorWhen::Auto,
            &env(None, None, Some("xterm")),
            true
        ));
        assert!(!use_color(
            ColorWhen::Auto,
            &env(None, None, Some("xterm")),
            false
        ));
        assert!(!use_color(
            ColorWhen::Auto,
            &env(None, None, Some("dumb")),
            true
        ));
    }

    #[test]
    fn a_format_is_what_the_command_declares() {
        assert_eq!(
            decide_format(None, "members", true).ok(),
            Some(Format::Table)
        );
        assert_eq!(
            decide_format(None, "members show", false).ok(),
            Some(Format::Plain)
        );
        assert_eq!(decide_format(None, "cite", false).ok(), Some(Format::Text));
        assert_eq!(
            decide_format(None, "data export", true).ok(),
            Some(Format::Toml)
        );
        assert_eq!(
            decide_format(Some(Format::Json), "cite", true).ok(),
            Some(Format::Json)
        );
        let err = decide_format(Some(Format::Json), "brief", true).expect_err("not brief's");
        assert_eq!(
            err.to_string(),
            "`ewg brief` does not write json; it writes markdown, html"
        );
        let err = decide_format(Some(Format::Html), "members", true).expect_err("not a list's");
        assert!(
            err.to_string()
                .contains("`ewg members` does not write html"),
            "{err}"
        );
    }

    #[test]
    fn width_prefers_columns_then_terminal() {
        assert_eq!(width(Some("120"), Some(60)), 120);
        assert_eq!(width(Some("wide"), Some(60)), 60);
        assert_eq!(width(Some("0"), None), 80);
        assert_eq!(width(None, None), 80);
    }
}
