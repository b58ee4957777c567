//! Shell integration: completion scripts that offer the dataset's ids, and the man page.

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use ewg_core::{Dataset, IdStyle, Kind};

use crate::cli::Cli;
use crate::error::{EXIT_STATUS, Failure};
use crate::output::View;

pub(crate) fn completions(data: &Dataset, shell: Shell) -> View {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command_with_values(data), "ewg", &mut script);
    View::Text(String::from_utf8_lossy(&script).into_owned())
}

/// The command line with the dataset's ids as the values of its arguments, for completion
/// scripts only: parsing still takes any text, names and acronyms included.
fn command_with_values(data: &Dataset) -> clap::Command {
    let mut cli = Cli::command();
    for &kind in Kind::ALL {
        // A kind whose command is missing is a failing test (commands::tests), not a panic here.
        let Some(name) = kind
            .command()
            .filter(|name| cli.find_subcommand(name).is_some())
        else {
            continue;
        };
        let ids: Vec<String> = data.entries_of(kind).map(|e| e.id().into_owned()).collect();
        cli = cli.mut_subcommand(name, |command| {
            let command = with_values(command, &ids);
            match command.find_subcommand("show") {
                Some(_) => command.mut_subcommand("show", |show| with_values(show, &ids)),
                None => command,
            }
        });
    }
    // `cite` and `open` take any entry: its id or acronym, or `issue N`, `action 7c` and the like.
    let entries: Vec<String> = data
        .entries()
        .filter(|e| matches!(e.kind().id_style(), IdStyle::Slug | IdStyle::Acronym))
        .map(|e| e.id().into_owned())
        .chain(
            Kind::ALL
                .iter()
                .filter(|k| matches!(k.id_style(), IdStyle::Number | IdStyle::Code))
                .map(|k| k.as_str().to_string()),
        )
        .collect();
    cli = cli
        .mut_subcommand("cite", |c| with_values(c, &entries))
        .mut_subcommand("open", |c| with_values(c, &entries));
    let categories: Vec<String> = data.categories.iter().map(|c| c.slug.to_string()).collect();
    cli.mut_subcommand("members", |c| {
        c.mut_arg("category", |a| values(a, &categories))
            .mut_subcommand("list", |l| {
                l.mut_arg("category", |a| values(a, &categories))
            })
    })
}

fn values(arg: clap::Arg, values: &[String]) -> clap::Arg {
    arg.value_parser(PossibleValuesParser::new(values))
}

/// Every positional argument of `command` takes `ids`.
fn with_values(mut command: clap::Command, ids: &[String]) -> clap::Command {
    let positionals: Vec<String> = command
        .get_positionals()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in positionals {
        command = command.mut_arg(id, |a| values(a, ids));
    }
    command
}

/// The manual page: clap's sections, with COMMANDS, EXIT STATUS, ENVIRONMENT, FILES and
/// EXAMPLES added.
pub(crate) fn man_page(data: &Dataset) -> Result<View, Failure> {
    use roff::{Roff, bold, roman};
    // A version for the page's footer; the command line prints its own with the dataset's date.
    let cmd = Cli::command().version(env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(cmd.clone()).date(data.meta.updated.clone());
    let section = |roff: &mut Roff, title: &str, items: &[(&str, &str)]| {
        roff.control("SH", [title]);
        for (term, text) in items {
            roff.control("TP", [])
                .text([bold(*term)])
                .text([roman(*text)]);
        }
    };
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    // Our own COMMANDS: clap_mangen's names a page per command (ewg-about(1)) that no one has.
    let commands: Vec<(String, String)> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| {
            let about = c.get_about().map(|a| a.to_string()).unwrap_or_default();
            (format!("ewg {}", c.get_name()), sentence(&about))
        })
        .collect();
    let commands: Vec<(&str, &str)> = commands
        .iter()
        .map(|(c, a)| (c.as_str(), a.as_str()))
        .collect();
    let mut roff = Roff::new();
    section(&mut roff, "COMMANDS", &commands);
    roff.to_writer(&mut out)?;
    man.render_options_section(&mut out)?;

    let mut roff = Roff::new();
    let codes: Vec<(String, String)> = EXIT_STATUS
        .iter()
        .map(|(code, meaning)| (code.to_string(), sentence(meaning)))
        .collect();
    let codes: Vec<(&str, &str)> = codes
        .iter()
        .map(|(c, m)| (c.as_str(), m.as_str()))
        .collect();
    section(&mut roff, "EXIT STATUS", &codes);
    section(
        &mut roff,
        "ENVIRONMENT",
        &[
            (
                "NO_COLOR",
                "When set and not empty, no colour (with --color auto).",
            ),
            (
                "CLICOLOR_FORCE",
                "When set and not 0, colour even when not writing to a terminal (with --color auto); NO_COLOR wins.",
            ),
            (
                "COLUMNS",
                "The width to fit tables and prose to, instead of the terminal's.",
            ),
            (
                "EWG_DATA",
                "A dataset file to read instead of the bundled data, as --data; - reads standard input.",
            ),
            (
                "EWG_PAGER, PAGER",
                "The pager for output taller than the terminal (EWG_PAGER first; empty or cat: none); less -FRX without either.",
            ),
            ("BROWSER", "The browser ewg open uses."),
        ],
    );
    section(
        &mut roff,
        "FILES",
        &[
            (
                "(none)",
                "The dataset is compiled into the binary; ewg reads no file unless --data or EWG_DATA names one, and writes none.",
            ),
            (
                "data/ewg.toml",
                "In the source tree: the bundled dataset, each entry with its source URLs.",
            ),
        ],
    );
    section(
        &mut roff,
        "EXAMPLES",
        &[
            (
                "ewg members --category treaty-bodies",
                "The five treaty bodies.",
            ),
            (
                "ewg members show CEDAW",
                "One member in full, with its sources.",
            ),
            (
                "ewg issues show 3",
                "A guidance note of the GCMGender Series.",
            ),
            ("ewg search \"labour rights\"", "Search every entry."),
            (
                "ewg members | cut -f1",
                "Piped output is tab-separated, id first.",
            ),
            ("ewg issues --json | jq '.[].title'", "JSON for scripts."),
            (
                "ewg members --format csv > members.csv",
                "A spreadsheet of the members; --format markdown for a table to paste.",
            ),
            (
                "ewg brief --format html --output ewg-brief.html",
                "A one-page briefing, as one self-contained page.",
            ),
            (
                "ewg open guide 6",
                "The guide's chapter on Objective 6 in the browser.",
            ),
            (
                "ewg cite issue 4 --style chicago",
                "A reference to a guidance note; --format bibtex, biblatex, ris or csl-json for a reference manager.",
            ),
            ("ewg timeline --year 2018", "What happened in 2018."),
            (
                "ewg data export > my.toml && ewg data check my.toml",
                "Start a dataset of your own.",
            ),
        ],
    );
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(View::Text(String::from_utf8_lossy(&out).into_owned()))
}

/// A table row as a sentence: capitalised, with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    let rest = chars.as_str().trim_end_matches('.');
    format!("{}{rest}.", first.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ewg_core::BUNDLED;

    #[test]
    fn the_man_page_names_no_page_that_does_not_exist() {
        let data = Dataset::load(BUNDLED).expect("bundled data loads");
        let View::Text(page) = man_page(&data).expect("renders") else {
            panic!("the man page is text");
        };
        assert!(!page.contains("ewg\\-about"), "{page}");
        assert!(page.contains("ewg about"), "{page}");
        for (code, _) in EXIT_STATUS {
            assert!(
                page.contains(&format!("\\fB{code}\\fR")),
                "exit status {code}"
            );
        }
    }

    #[test]
    fn the_command_line_with_completion_values_is_consistent() {
        let data = Dataset::load(BUNDLED).expect("bundled data loads");
        command_with_values(&data).debug_assert();
    }
}
