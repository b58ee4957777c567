//! The command line: clap derive types. `///` comments are the help text users read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  nothing found: unknown id, number out of range, unknown category, no search
     hits; or `ewg data check` found problems
  2  usage error, or a --data file that cannot be used";

const DATA_NOTE: &str = "\
Data: a dataset compiled into the binary, drawn from the group's own page on
empowerwomen.org and the official pages of its members and the UN; every entry
carries its source URL. --data PATH (or EWG_DATA) reads another file instead.";

const TOP_EXAMPLES: &str = "\
Examples:
  ewg                                    what the EWG is, and what to try
  ewg members --category treaty-bodies   the five treaty bodies
  ewg members show cedaw                 one member in full
  ewg issues show 3                      a guidance note of the GCMGender Series
  ewg search \"labour rights\"             search everything
  ewg members | cut -f1                  piped: tab-separated, one record a line
  ewg issues --json | jq '.[].title'     JSON for scripts";

/// An offline reference to the Expert Working Group on women's human rights in the Global
/// Compact for Migration (EWG): its members, its GCMGender Series, activities, statements,
/// timeline, the GCM's 23 objectives and the acronyms around them.
#[derive(Debug, Parser)]
#[command(
    name = "ewg",
    disable_version_flag = true,
    after_help = format!("{EXIT_CODES}\n\n{DATA_NOTE}"),
    before_long_help = TOP_EXAMPLES,
    after_long_help = format!("{EXIT_CODES}\n\n{DATA_NOTE}"),
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Print JSON: an array for lists and search, an object for `show`
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colour: auto (a terminal, NO_COLOR unset), always or never
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// Read this dataset file (TOML, as `ewg data export` writes) instead of the bundled data
    #[arg(
        long,
        value_name = "PATH",
        env = "EWG_DATA",
        hide_env_values = true,
        global = true
    )]
    pub data: Option<PathBuf>,

    /// Print the version and the dataset's date
    #[arg(short = 'V', long)]
    pub version: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// The group in full: purpose, members, chairs, mandate and how it works
    #[command(after_help = "Example:\n  ewg about")]
    About,

    /// The 18 member institutions, by category
    #[command(
        visible_alias = "member",
        after_help = "Examples:\n  ewg members\n  ewg members --category un-agencies\n  ewg members show CEDAW\n  ewg members categories"
    )]
    Members {
        #[command(subcommand)]
        action: Option<MembersAction>,
        #[command(flatten)]
        filter: MemberFilter,
    },

    /// The five guidance notes of the GCMGender Series
    #[command(
        visible_alias = "issue",
        after_help = "Examples:\n  ewg issues\n  ewg issues show 4"
    )]
    Issues {
        #[command(subcommand)]
        action: Option<NumberAction>,
    },

    /// What the group does
    #[command(
        visible_alias = "activity",
        after_help = "Examples:\n  ewg activities\n  ewg activities show side-events"
    )]
    Activities {
        #[command(subcommand)]
        action: Option<IdAction>,
    },

    /// Statements and guides beyond the series
    #[command(
        visible_alias = "publication",
        after_help = "Examples:\n  ewg publications\n  ewg publications show reflections-2018"
    )]
    Publications {
        #[command(subcommand)]
        action: Option<IdAction>,
    },

    /// Dated events, oldest first
    #[command(after_help = "Example:\n  ewg timeline")]
    Timeline,

    /// The Global Compact for Migration's 23 objectives
    #[command(
        visible_alias = "objective",
        after_help = "Examples:\n  ewg objectives\n  ewg objectives show 6"
    )]
    Objectives {
        #[command(subcommand)]
        action: Option<NumberAction>,
    },

    /// What an acronym stands for, and the entry it names; every acronym without one
    #[command(after_help = "Examples:\n  ewg define ICESCR\n  ewg define")]
    Define {
        /// The acronym, in any case
        acronym: Option<String>,
    },

    /// Search every entry; all words must match, "quoted phrases" in order
    #[command(
        after_help = "Examples:\n  ewg search \"labour rights\"\n  ewg search '\"access to justice\"'\n  ewg search refugees --kind member\n  ewg search migrant --limit 3"
    )]
    Search {
        /// Words to find; typos, plurals and British or American spelling are forgiven
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,

        /// Only entries of this kind (repeatable)
        #[arg(long, short, value_enum)]
        kind: Vec<KindArg>,

        /// Show at most N hits [default: 10 on a terminal, all when piped or with --json]
        #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
    },

    /// Check a dataset file, or print the dataset in use to start a new one from
    #[command(
        after_help = "Examples:\n  ewg data export > my-ewg.toml\n  ewg data check my-ewg.toml\n  ewg --data my-ewg.toml members"
    )]
    Data {
        #[command(subcommand)]
        action: DataAction,
    },

    /// Print a completion script for a shell
    #[command(
        after_help = "Examples:\n  ewg completions bash > ~/.local/share/bash-completion/completions/ewg\n  ewg completions zsh > ~/.zfunc/_ewg\n  ewg completions fish > ~/.config/fish/completions/ewg.fish"
    )]
    Completions {
        /// The shell
        shell: Shell,
    },

    /// Print the manual page (roff)
    #[command(after_help = "Example:\n  ewg man > ~/.local/share/man/man1/ewg.1 && man ewg")]
    Man,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DataAction {
    /// Check a dataset file: every problem, with its line and column; exit 1 if there is any
    Check {
        /// The file to check
        path: PathBuf,
    },
    /// Print the dataset in use (bundled, or the one --data names)
    Export {
        /// The format to print
        #[arg(long, value_enum, default_value_t = ExportFormat::Toml)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    Toml,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct MemberFilter {
    /// Only this category: a slug (treaty-bodies) or its name ("Treaty bodies")
    #[arg(long, short, value_name = "CATEGORY")]
    pub category: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum MembersAction {
    /// List members (the default)
    #[command(visible_alias = "ls")]
    List(MemberFilter),
    /// One member in full
    #[command(visible_alias = "view")]
    Show {
        /// An id (cedaw), an acronym (CEDAW) or a name
        member: String,
    },
    /// The six categories with their member counts
    Categories,
}

#[derive(Debug, Subcommand)]
pub(crate) enum NumberAction {
    /// List them all (the default)
    #[command(visible_alias = "ls")]
    List,
    /// One in full
    #[command(visible_alias = "view")]
    Show {
        /// The number
        #[arg(allow_negative_numbers = true)]
        number: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum IdAction {
    /// List them all (the default)
    #[command(visible_alias = "ls")]
    List,
    /// One in full
    #[command(visible_alias = "view")]
    Show {
        /// The id, as the list shows it
        id: String,
    },
}

/// Kinds of entry that `search --kind` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum KindArg {
    Group,
    Member,
    Issue,
    Publication,
    Activity,
    Objective,
    Event,
    Term,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
