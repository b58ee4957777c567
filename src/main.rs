//! `ewg`: an offline terminal reference to the Expert Working Group on women's human rights in
//! the Global Compact for Migration. Parse, resolve settings once, run, print an error once,
//! and map it to an exit code.

mod check;
mod cli;
mod commands;
mod config;
mod data;
mod output;
mod search;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use colored::Colorize;

use crate::cli::{Cli, Command, DataAction};
use crate::commands::Failure;
use crate::config::{Config, Env};
use crate::data::Dataset;

/// `data/ewg.toml`, checked and turned into JSON by build.rs.
const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ewg.json"));
/// The bundled dataset's search terms, prebuilt by build.rs.
const BUNDLED_TERMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/terms.postcard"));

/// Something was not found: an unknown id, number, category or a search without hits.
const EXIT_NOT_FOUND: u8 = 1;
/// The command line or the data it pointed at could not be used.
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.kind() == clap::error::ErrorKind::InvalidSubcommand => {
            // No catch-all command, but a word that is not a command was probably a search.
            let words: Vec<String> = std::env::args()
                .skip(1)
                .filter(|a| !a.starts_with('-'))
                .collect();
            let words = output::clean_message(&words.join(" "));
            let _ = writeln!(
                io::stderr().lock(),
                "error: `{}` is not a command; to search for it, run `ewg search {words}`\n\n\
                 Commands: about, members, issues, activities, publications, timeline, objectives, define, search.\n\
                 For more information, try `ewg --help`.",
                words.split(' ').next().unwrap_or_default(),
            );
            return ExitCode::from(EXIT_USAGE);
        }
        Err(err) => {
            // Help goes to stdout and usage errors to stderr, as clap decides; a closed pipe
            // while printing help is not worth a message.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };
    let config = Config::resolve(cli.color, cli.json, &Env::read());
    // `config` has decided where colour goes; `colored` only paints what it is given.
    colored::control::set_override(true);

    match run(&cli, &config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let code = if err.downcast_ref::<Failure>().is_some() {
                EXIT_NOT_FOUND
            } else {
                EXIT_USAGE
            };
            let label = if config.color_err {
                "error:".red().bold().to_string()
            } else {
                "error:".to_string()
            };
            let message = output::clean_message(&format!("{err:#}"));
            let _ = writeln!(io::stderr().lock(), "{label} {message}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: &Cli, config: &Config) -> anyhow::Result<()> {
    // `data check` reads only the file it names, so that a broken EWG_DATA cannot stop it.
    let checking = matches!(
        &cli.command,
        Some(Command::Data {
            action: DataAction::Check { .. }
        })
    );
    let (data, origin, prebuilt_terms) = match &cli.data {
        Some(path) if !checking => (check::load_file(path)?, path.display().to_string(), None),
        _ => (
            Dataset::from_checked_json(BUNDLED_JSON)?,
            "bundled".to_string(),
            Some(BUNDLED_TERMS),
        ),
    };
    let dataset = format!("{origin}, updated {}", data.meta.updated);
    let mut out = BufWriter::new(io::stdout().lock());
    if cli.version {
        writeln!(
            out,
            "ewg {} (dataset: {dataset})",
            env!("CARGO_PKG_VERSION")
        )?;
    } else {
        let view = commands::run(
            cli.command.as_ref(),
            &data,
            &dataset,
            prebuilt_terms,
            config,
        )?;
        output::render(&view, config, &mut out)?;
    }
    out.flush()?;
    Ok(())
}

/// A reader that stopped reading (`ewg members | head -1`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_json_is_the_bundled_toml() {
        let from_json =
            Dataset::from_checked_json(BUNDLED_JSON).expect("the compiled dataset loads");
        let from_toml = Dataset::load(data::BUNDLED).expect("the bundled dataset loads");
        assert_eq!(from_json, from_toml);
    }

    #[test]
    fn the_prebuilt_search_terms_are_the_bundled_data_s() {
        let data = Dataset::load(data::BUNDLED).expect("the bundled dataset loads");
        let built = search::Terms::build(&data);
        assert_eq!(built.to_prebuilt().expect("serialises"), BUNDLED_TERMS);
        let prebuilt = search::Terms::from_prebuilt(BUNDLED_TERMS).expect("prebuilt terms read");
        assert_eq!(prebuilt, built);
        assert!(search::Index::with_terms(&data, prebuilt).is_some());
    }
}
