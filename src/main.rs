//! `ewg`: an offline terminal reference to the Expert Working Group on women's human rights in
//! the Global Compact for Migration. Parse, resolve settings once, run, print an error once,
//! and exit with the code the error maps to.

mod cli;
mod commands;
mod config;
mod error;
mod escape;
mod output;
mod pager;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, CommandFactory, FromArgMatches};
use colored::Colorize;

use ewg_core::{Dataset, check};

use crate::cli::{Cli, ColorWhen, Command, DataAction, DataArgs, OutputFormat};
use crate::commands::{Context, Prebuilt};
use crate::config::{Config, Env, err_width, use_color};
use crate::error::Failure;
use crate::output::View;

// The statics build.rs writes name `alloc::borrow::Cow`.
extern crate alloc;

// `BUNDLED_DATA`: `data/ewg.toml`, checked by build.rs and written as Rust statics, with every
// entry's related entries: used in place, with nothing to parse.
include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
// `BUNDLED_CITATIONS`: every bundled entry's citation in every style, as data/citations.tsv
// holds them, by style, each style's deflated; none where that file was not made from the data
// and code of this build.
include!(concat!(env!("OUT_DIR"), "/citations.rs"));
// `BUNDLED_INDEX`: the bundled dataset's search index, with postings, built by build.rs and
// written as Rust statics: used in place, with nothing to decode.
include!(concat!(env!("OUT_DIR"), "/search-index.rs"));

fn main() -> ExitCode {
    // `ewg --version` alone, on the bundled data, is answered before clap builds its tree, which
    // is most of what the answer would otherwise cost (BENCHMARKS.md); a test holds the line to
    // the one clap's way prints.
    if asks_only_the_bundled_version() {
        let env = Env::read();
        let color_err = use_color(ColorWhen::Auto, &env, io::stderr().is_terminal());
        colored::control::set_override(true);
        return finish(print_bundled_version(), color_err, err_width(&env));
    }
    let mut matches = match parse(std::env::args_os().collect()) {
        Ok(matches) => matches,
        Err(err) => return parse_error(err),
    };
    // Read before the matches are taken apart: `from_arg_matches_mut` takes their values,
    // where `from_arg_matches` copies the matches whole first.
    let command_path = cli::command_path(&matches);
    let cli = match Cli::from_arg_matches_mut(&mut matches) {
        Ok(cli) => cli,
        Err(err) => return parse_error(err),
    };
    // Not freed, as clap's tree is not (see `parse`).
    std::mem::forget(matches);
    let env = Env::read();
    let options = &cli.options;
    let asked = options
        .format
        .or(options.json.then_some(OutputFormat::Json));
    let config = Config::resolve(options.color, asked, &command_path, options.no_pager, &env);
    // `config` has decided where colour goes; `colored` only paints what it is given.
    colored::control::set_override(true);
    let (result, color_err, err_width) = match config {
        Ok(config) => (run(&cli, &config), config.color_err, config.err_width),
        Err(failure) => (
            Err(failure),
            use_color(options.color, &env, io::stderr().is_terminal()),
            err_width(&env),
        ),
    };
    finish(result, color_err, err_width)
}

/// The command line parsed by clap. A line that names its command first (`ewg search ...`) is
/// parsed with that command's tree alone: building every command's tree is most of what clap
/// costs (BENCHMARKS.md). Every other line, and any line that tree turns down (help, errors),
/// is parsed with the whole tree, so that help, suggestions and errors are the whole tree's.
/// The process ends after one command: the tree is not freed, as the operating system takes
/// the memory back at once.
fn parse(args: Vec<OsString>) -> Result<ArgMatches, clap::Error> {
    let named = args
        .get(1)
        .and_then(|word| word.to_str())
        .and_then(cli::one_command);
    if let Some(one) = named {
        let mut command = cli::top_level().subcommand(one);
        if let Ok(matches) = command.try_get_matches_from_mut(&args) {
            std::mem::forget(command);
            return Ok(matches);
        }
    }
    let mut command = Cli::command();
    let parsed = command.try_get_matches_from_mut(&args);
    std::mem::forget(command);
    match parsed {
        // The help, with each command's formats written into it, only when help is asked for.
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            cli::command().try_get_matches_from(&args)
        }
        parsed => parsed,
    }
}

/// Whether the command line is `--version` or `-V` and nothing else, with no EWG_DATA.
fn asks_only_the_bundled_version() -> bool {
    let mut args = std::env::args_os().skip(1);
    let only_version = match (args.next(), args.next()) {
        (Some(flag), None) => flag == "--version" || flag == "-V",
        _ => false,
    };
    only_version && std::env::var_os("EWG_DATA").is_none()
}

/// The exit code for a run's result, with its error (if any) printed.
fn finish(result: Result<(), Failure>, color_err: bool, err_width: Option<usize>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Some(output) = failure.stdout() {
                // What is still the answer (problems asked for as JSON, pages no browser
                // opened) goes to standard output.
                let _ = io::stdout().lock().write_all(output.as_bytes());
            }
            if !failure.is_silent() {
                print_error(&failure.to_string(), color_err, err_width);
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run(cli: &Cli, config: &Config) -> Result<(), Failure> {
    // `data check` reads only the file it names, so that a broken EWG_DATA cannot stop it.
    let checking = matches!(
        &cli.command,
        Some(Command::Data(DataArgs {
            action: DataAction::Check { .. }
        }))
    );
    // The version and the bundled data's date need no data read.
    if cli.options.version && cli.options.data.is_none() {
        return print_bundled_version();
    }
    // The data lives as long as the process, so that what is made of it (hits, rows) borrows
    // its texts rather than copying them: the bundled data where it lies, a file's read once
    // and never freed (as nothing else is at the end of a run: the operating system takes the
    // memory back at once).
    let (data, origin, prebuilt): (&'static Dataset, _, _) = match &cli.options.data {
        Some(path) if !checking => (
            Box::leak(Box::new(check::load_file(path).map_err(Failure::DataFile)?)),
            check::shown(path),
            None,
        ),
        _ => (
            &BUNDLED_DATA,
            "bundled".to_string(),
            Some(Prebuilt {
                search: &BUNDLED_INDEX,
                citations: BUNDLED_CITATIONS,
            }),
        ),
    };
    let dataset = format!("{origin}, updated {}", data.meta.updated);
    if cli.options.version {
        return print_version(&dataset);
    }
    let cx = Context {
        data,
        dataset: &dataset,
        prebuilt,
        config,
    };
    let view = commands::run(cli.command.as_ref(), &cx)?;
    // Rendered whole first, so that its height decides whether it is paged.
    let mut out = Vec::new();
    output::render(&view, config, &mut out)?;
    let pager = match view {
        View::Text(_) => None,
        View::Listing(_) | View::Record(_) => config.pager.as_deref(),
    };
    pager::write(&out, pager, config.height)?;
    // Nor is what was made of the data freed, for the same reason.
    std::mem::forget(view);
    Ok(())
}

/// `ewg 0.1.0 (dataset: bundled, updated 2026-11-27)`.
fn print_bundled_version() -> Result<(), Failure> {
    print_version(&format!("bundled, updated {}", BUNDLED_DATA.meta.updated))
}

fn print_version(dataset: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "ewg {} (dataset: {dataset})",
        env!("CARGO_PKG_VERSION")
    )?;
    Ok(())
}

/// `error: message`, the label coloured when standard error takes colour, the message wrapped
/// to its terminal (at spaces only: names and URLs stay whole).
fn print_error(message: &str, color: bool, width: Option<usize>) {
    let label = if color {
        "error:".red().bold().to_string()
    } else {
        "error:".to_string()
    };
    let message = format!("error: {}", escape::terminal_lines(message));
    let message = match width {
        Some(width) => message
            .lines()
            .map(|line| textwrap::fill(line, output::wrap_at_spaces(width)))
            .collect::<Vec<_>>()
            .join("\n"),
        None => message,
    };
    let message = message.strip_prefix("error:").unwrap_or(&message);
    let _ = writeln!(io::stderr().lock(), "{label}{message}");
}

/// What clap could not parse. Help and version go to stdout, usage errors to stderr, as clap
/// decides; a word where a command should be gets our own message, since it was probably a
/// search.
fn parse_error(err: clap::Error) -> ExitCode {
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    if err.kind() == ErrorKind::InvalidSubcommand
        && let Some(message) = not_a_command(&err, std::env::args().skip(1).collect())
    {
        let env = Env::read();
        let color = use_color(ColorWhen::Auto, &env, io::stderr().is_terminal());
        print_error(&message, color, err_width(&env));
        return ExitCode::from(code);
    }
    if !err.use_stderr() {
        // Help and the version, on standard output: a closed pipe is a normal end, any other
        // failure to write is said (`ewg --help > /dev/full`).
        let styled = err.render();
        let text = if io::stdout().is_terminal() {
            styled.ansi().to_string()
        } else {
            styled.to_string()
        };
        let mut stdout = io::stdout().lock();
        return match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Err(write) if write.kind() != io::ErrorKind::BrokenPipe => {
                let failure = Failure::Output(write);
                let _ = writeln!(io::stderr().lock(), "error: {failure}");
                ExitCode::from(failure.exit_code())
            }
            _ => ExitCode::from(code),
        };
    }
    // What the user typed is quoted in clap's message: shown, never acted on by the terminal.
    let message = escape::terminal_lines(err.render().to_string().trim_end());
    let _ = writeln!(io::stderr().lock(), "{message}");
    ExitCode::from(code)
}

/// "`labour` is not a command" with what to run instead, for a word that stands where the
/// top-level command should; `None` for one deeper down, where clap's own message says it best.
fn not_a_command(err: &clap::Error, args: Vec<String>) -> Option<String> {
    let Some(ContextValue::String(word)) = err.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    let cli = Cli::command();
    // The global options that take a value, whose values are not words of the search.
    let takes_value: Vec<String> = cli
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .filter_map(|a| a.get_long().map(|long| format!("--{long}")))
        .collect();
    let mut words = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if takes_value.contains(&arg) {
            args.next();
        } else if !arg.starts_with('-') {
            words.push(arg);
        }
    }
    if words.first() != Some(word) {
        return None;
    }
    let words = escape::terminal_lines(&words.join(" "));
    let word = escape::terminal_lines(word);
    let commands: Vec<&str> = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .collect();
    // clap suggests commands that look alike; only a typo's worth of difference is a typo.
    let typo_of = match err.get(ContextKind::SuggestedSubcommand) {
        Some(ContextValue::Strings(near)) => near
            .iter()
            .find(|n| strsim::osa_distance(n, &word) <= (word.chars().count() / 4).max(1)),
        _ => None,
    };
    let next = match typo_of {
        Some(command) => {
            let rest = words.strip_prefix(&word).unwrap_or_default();
            format!("did you mean `ewg {command}{rest}`?")
        }
        None => format!("to search for it, run `ewg search {words}`"),
    };
    Some(format!(
        "`{word}` is not a command; {next}\n\nCommands: {}.\nFor more information, try `ewg --help`.",
        commands.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn the_compiled_statics_are_the_bundled_toml() {
        let from_toml = Dataset::load(ewg_core::BUNDLED).expect("the bundled dataset loads");
        assert_eq!(BUNDLED_DATA, from_toml);
        assert_eq!(BUNDLED_DATA.meta.updated, from_toml.meta.updated);
        assert_eq!(
            BUNDLED_DATA.related_table,
            Some(from_toml.make_related_table().as_str())
        );
    }

    #[test]
    fn the_compiled_search_index_is_the_bundled_data_s() {
        use ewg_core::search::Index;
        let data = Dataset::load(ewg_core::BUNDLED).expect("the bundled dataset loads");
        let fresh = Index::build(&data).with_postings();
        assert!(Index::prebuilt(&BUNDLED_INDEX) == fresh);
        // And the postings are there to be compared: an index without them differs.
        assert!(Index::prebuilt(&BUNDLED_INDEX) != Index::build(&data));
    }

    /// A line that names its command first parses to the same `Cli` with that command's tree
    /// alone as with the whole tree, and a line that tree turns down gets the whole tree's
    /// error (`parse` parses it again with the whole tree: this holds it to that).
    #[test]
    fn one_command_s_tree_parses_as_the_whole_tree() {
        let lines: &[&[&str]] = &[
            &[
                "search", "labour", "rights", "--kind", "member", "-n", "3", "--json",
            ],
            &["members", "--category", "treaty-bodies", "--color", "never"],
            &["member", "cedaw", "--format", "csv"],
            &["issues", "show", "3", "--data", "x.toml", "--no-pager"],
            &["actions", "--mentions", "women", "--mentions", "girls"],
            &["timeline", "--from", "2018-07", "--to", "December 2018"],
            &[
                "brief",
                "--topic",
                "domestic workers",
                "-o",
                "b.html",
                "--force",
            ],
            &["cite", "issue", "4", "--style", "chicago"],
            &["data", "check", "x.toml"],
            &["search"],
            &["search", "x", "--limit", "many"],
            &["members", "cedaw", "--category", "un-agencies"],
            &["data"],
            &["search", "--help"],
        ];
        for line in lines {
            let argv: Vec<OsString> = std::iter::once("ewg")
                .chain(line.iter().copied())
                .map(OsString::from)
                .collect();
            let whole = Cli::command().try_get_matches_from(&argv);
            let whole = whole.and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
            let one = parse(argv).and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
            match (one, whole) {
                (Ok(one), Ok(whole)) => assert_eq!(format!("{one:?}"), format!("{whole:?}")),
                (Err(one), Err(whole)) => {
                    assert_eq!(one.kind(), whole.kind(), "{line:?}");
                    if whole.kind() != ErrorKind::DisplayHelp {
                        assert_eq!(one.to_string(), whole.to_string(), "{line:?}");
                    }
                }
                (one, whole) => panic!("{line:?}: {one:?} against {whole:?}"),
            }
        }
    }

    fn message_for(args: &[&str]) -> Option<String> {
        let mut argv = vec!["ewg"];
        argv.extend(args);
        let err = Cli::try_parse_from(&argv).expect_err("not a command");
        assert_eq!(err.kind(), ErrorKind::InvalidSubcommand, "{args:?}");
        not_a_command(&err, args.iter().map(|a| a.to_string()).collect())
    }

    #[test]
    fn option_values_are_not_taken_for_the_command() {
        for args in [
            &["--color", "never", "labour"][..],
            &["--data", "x.toml", "labour"],
            &["labour"],
        ] {
            let message = message_for(args).expect("a message");
            assert!(
                message.starts_with("`labour` is not a command"),
                "{message}"
            );
            assert!(message.contains("`ewg search labour`"), "{message}");
        }
    }

    #[test]
    fn the_command_list_comes_from_the_command_line() {
        let message = message_for(&["labour"]).expect("a message");
        for command in ["data", "completions", "man", "search", "members"] {
            assert!(message.contains(command), "{command}: {message}");
        }
    }

    #[test]
    fn a_typo_of_a_command_keeps_clap_s_suggestion() {
        let message = message_for(&["searhc", "labour"]).expect("a message");
        assert!(
            message.contains("did you mean `ewg search labour`?"),
            "{message}"
        );
        // clap finds `about` like `labour`; that is no typo.
        let message = message_for(&["labour"]).expect("a message");
        assert!(!message.contains("did you mean"), "{message}");
    }
}
