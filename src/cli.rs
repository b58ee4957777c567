//! The command line: clap derive types. `///` comments are the help text users read.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use ewg_core::dates::Span;
use ewg_core::{Kind, Mention};

use crate::error::EXIT_STATUS_HELP;

const DATA_NOTE: &str = "\
Data: a dataset compiled into the binary, drawn from the group's own page on
empowerwomen.org and the official pages of its members and the UN; every entry
carries its source URL. --data PATH (or EWG_DATA) reads another file instead;\n--data - reads it from standard input.";

const TOP_EXAMPLES: &str = "\
Examples:
  ewg                                    what the EWG is, and what to try
  ewg members --category treaty-bodies   the members in one category
  ewg members show cedaw                 one member in full
  ewg issues show 3                      a guidance note of the GCMGender Series
  ewg actions --mentions women           GCM actions that name women
  ewg search \"labour rights\"             search everything
  ewg members | cut -f1                  piped: tab-separated, one record a line
  ewg issues --json | jq -r '.[].summary' JSON for scripts";

// The command line: the options every command takes, and the command. (Not a `///` comment:
// the derive would make it the help's description, over the one `Options` gives.) No struct
// here makes an argument group (`group(skip)`): none is required or exclusive, and each group
// is one more thing clap builds and checks on every run.
#[derive(Debug, Parser)]
#[group(skip)]
#[command(name = "ewg")]
pub(crate) struct Cli {
    #[command(flatten)]
    pub options: Options,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// An offline reference to the Expert Working Group on women's human rights in the Global
/// Compact for Migration (EWG): its members, its GCMGender Series, activities, statements,
/// timeline, the GCM's 23 objectives and the acronyms around them.
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    disable_version_flag = true,
    // After each command's own arguments in its help, where these options are copied.
    next_display_order = 100,
    after_help = format!("{EXIT_STATUS_HELP}\n\n{DATA_NOTE}"),
    before_long_help = TOP_EXAMPLES,
    after_long_help = format!("{EXIT_STATUS_HELP}\n\n{DATA_NOTE}"),
)]
pub(crate) struct Options {
    /// Print JSON: exactly --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// The form of the output; each command's help lists those it writes [default: table on
    /// a terminal, plain when piped, or the command's own]
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        global = true,
        hide_possible_values = true
    )]
    pub format: Option<OutputFormat>,

    /// When to use colour: auto (a terminal, NO_COLOR unset), always or never
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// Read this dataset file (TOML, as `ewg data export` writes; - for standard input) instead
    /// of the bundled data
    #[arg(
        long,
        value_name = "PATH",
        env = "EWG_DATA",
        hide_env_values = true,
        global = true
    )]
    pub data: Option<PathBuf>,

    /// Never page long output (EWG_PAGER or PAGER, else `less -FRX`, on a terminal)
    #[arg(long, global = true)]
    pub no_pager: bool,

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

// The commands. Each one's arguments, help and aliases are on its own struct, so that a run
// can build its command's tree alone (`one_command`). (Not `///`: the derive would make it the
// help's description.)
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    About(AboutArgs),
    Members(MembersArgs),
    Issues(IssuesArgs),
    Activities(ActivitiesArgs),
    Publications(PublicationsArgs),
    Guide(GuideArgs),
    Timeline(TimelineArgs),
    Objectives(ObjectivesArgs),
    Actions(ActionsArgs),
    Principles(PrinciplesArgs),
    FollowUp(FollowUpArgs),
    Show(ShowArgs),
    Define(DefineArgs),
    Search(SearchArgs),
    Data(DataArgs),
    Brief(BriefArgs),
    Cite(CiteArgs),
    Open(OpenArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// The group in full: purpose, members, chairs, mandate and how it works
#[derive(Debug, Args)]
#[group(skip)]
#[command(after_help = "Example:\n  ewg about")]
pub(crate) struct AboutArgs {}

/// The member institutions, by category
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "member",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg members\n  ewg members --category un-agencies\n  ewg members show CEDAW\n  ewg members cedaw\n  ewg members categories"
)]
pub(crate) struct MembersArgs {
    #[command(subcommand)]
    pub action: Option<MembersAction>,
    /// Show this member: `ewg members cedaw` is `ewg members show cedaw`
    #[arg(value_name = "MEMBER", conflicts_with = "category")]
    pub member: Option<String>,
    #[command(flatten)]
    pub filter: MemberFilter,
}

/// The guidance notes of the GCMGender Series
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "issue",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg issues\n  ewg issues show 4\n  ewg issue 4"
)]
pub(crate) struct IssuesArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: `ewg issues 4` is `ewg issues show 4`
    #[arg(value_name = "NUMBER", allow_negative_numbers = true)]
    pub number: Option<String>,
}

/// What the group does
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "activity",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg activities\n  ewg activities show side-events"
)]
pub(crate) struct ActivitiesArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: `ewg activities ID` is `ewg activities show ID`
    #[arg(value_name = "ID")]
    pub id: Option<String>,
}

/// Statements and guides beyond the series
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "publication",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg publications\n  ewg publications --sort title\n  ewg publications show reflections-2018"
)]
pub(crate) struct PublicationsArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: `ewg publications ID` is `ewg publications show ID`
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// The order of the list: by date (oldest first), id or title
    #[arg(long, value_enum, default_value_t = SortBy::Date)]
    pub sort: SortBy,
}

/// The Policies and Practice Guide: what it is, then its chapters, one per GCM objective
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg guide\n  ewg guide 6\n  ewg guide list\n  ewg search domestic workers --kind guide"
)]
pub(crate) struct GuideArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show the chapter on this objective: `ewg guide 6` is `ewg guide show 6`
    #[arg(value_name = "OBJECTIVE", allow_negative_numbers = true)]
    pub number: Option<String>,
}

/// Dated events, oldest first; one year, or the events between two dates
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg timeline\n  ewg timeline --year 2018\n  ewg timeline --from 2018-07 --to \"December 2018\"\n  ewg timeline show marrakech-conference-2018"
)]
pub(crate) struct TimelineArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this event: `ewg timeline ID` is `ewg timeline show ID`
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    #[command(flatten)]
    pub filter: TimelineFilter,
}

/// The Global Compact for Migration's 23 objectives
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "objective",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg objectives\n  ewg objectives show 6\n  ewg objective 6"
)]
pub(crate) struct ObjectivesArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: `ewg objectives 6` is `ewg objectives show 6`
    #[arg(value_name = "NUMBER", allow_negative_numbers = true)]
    pub number: Option<String>,
}

/// The GCM's actions, objective by objective, with the words of the gender lens they name
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "action",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg actions --objective 7\n  ewg actions --mentions women --mentions girls\n  ewg actions show 7c\n  ewg actions --mentions women --format csv"
)]
pub(crate) struct ActionsArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: `7c`, `7(c)` or "7 c" (objective 7, GCM paragraph 23(c))
    #[arg(value_name = "ID", conflicts_with_all = ["objective", "mentions"])]
    pub id: Option<String>,
    /// Only the actions of this objective
    #[arg(long, short, value_name = "NUMBER")]
    pub objective: Option<u32>,
    /// Only the actions that name this word (repeatable: any of them)
    #[arg(long, short, value_name = "WORD", value_parser = mention_parser())]
    pub mentions: Vec<Mention>,
}

/// The GCM's ten guiding principles (paragraph 15)
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "principle",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg principles\n  ewg principles show g"
)]
pub(crate) struct PrinciplesArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: its letter, `g`
    #[arg(value_name = "LETTER")]
    pub id: Option<String>,
}

/// How the GCM is implemented, followed up and reviewed: mechanisms, forums, reviews
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  ewg follow-up\n  ewg follow-up show imrf"
)]
pub(crate) struct FollowUpArgs {
    #[command(subcommand)]
    pub action: Option<EntryAction>,
    /// Show this one: `ewg follow-up imrf` is `ewg follow-up show imrf`
    #[arg(value_name = "ID")]
    pub id: Option<String>,
}

/// Any one entry in full, of whatever kind: an id, a number, an acronym or a name
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    visible_alias = "view",
    after_help = "Examples:\n  ewg show cedaw\n  ewg show 7c\n  ewg show issue 4\n  ewg show imrf\n  ewg show 13          (an objective and a guide chapter: both are listed)"
)]
pub(crate) struct ShowArgs {
    /// The entry: an id (cedaw), a number, a code (7c), an acronym, a name, or `issue 4`
    #[arg(required = true, num_args = 1.., value_name = "ENTRY")]
    pub entry: Vec<String>,
}

/// What an acronym stands for, and the entry it names; every acronym without one
#[derive(Debug, Args)]
#[group(skip)]
#[command(after_help = "Examples:\n  ewg define ICESCR\n  ewg define")]
pub(crate) struct DefineArgs {
    /// The acronym, in any case
    pub acronym: Option<String>,
}

/// Search every entry: those with every word first, else those with the most telling words
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    after_help = "Examples:\n  ewg search \"labour rights\"\n  ewg search '\"access to justice\"'\n  ewg search refugees --kind member\n  ewg search migrant --limit 3"
)]
pub(crate) struct SearchArgs {
    /// Words to find; typos, plurals and British or American spelling are forgiven
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,

    /// Only entries of this kind (repeatable)
    #[arg(long, short, value_parser = kind_parser())]
    pub kind: Vec<Kind>,

    /// Show at most N hits, 0 for all [default: 10 on a terminal, all when piped or with --json]
    #[arg(long, short = 'n', value_name = "N", allow_negative_numbers = true, value_parser = parse_limit)]
    pub limit: Option<u64>,

    /// Only entries with every word; without it, where none has them all, the entries with
    /// the most telling of them are shown, with a note naming the words none has
    #[arg(long)]
    pub all_words: bool,
}

/// Check a dataset file, or print the dataset in use to start a new one from
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    after_help = "Examples:\n  ewg data export > my-ewg.toml\n  ewg data check my-ewg.toml\n  ewg --data my-ewg.toml members"
)]
pub(crate) struct DataArgs {
    #[command(subcommand)]
    pub action: DataAction,
}

/// A one-page briefing on the group from the data: Markdown, or a self-contained HTML page
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    after_help = "Examples:\n  ewg brief > ewg-brief.md\n  ewg brief --topic \"domestic workers\" --format html --output domestic-workers.html\n  ewg brief objective 13\n  ewg brief --format html --output ewg-brief.html --force"
)]
pub(crate) struct BriefArgs {
    /// A brief on one entry and what relates to it, instead of the group: `objective 13`,
    /// `issue 4`, `cedaw`
    #[arg(value_name = "ENTRY", num_args = 0.., conflicts_with = "topic")]
    pub entry: Vec<String>,
    /// A brief on a topic: what the GCM commits States to, what the guide says, the notes,
    /// members and dates on it, with every source
    #[arg(long, short, value_name = "WORDS")]
    pub topic: Option<String>,
    /// Write it to this file (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file --output names if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// A reference to an entry's source: a citation style, or BibTeX, BibLaTeX, RIS, CSL-JSON
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    after_help = "Examples:\n  ewg cite issue 4\n  ewg cite cedaw reflections-2018 --style chicago\n  ewg cite guide 6 --format bibtex\n  ewg cite ewg --format ris"
)]
pub(crate) struct CiteArgs {
    /// Entries: ids (cedaw), acronyms, `issue 4`, `objective 6`, `guide 6`, or `ewg`
    #[arg(required = true, num_args = 1.., value_name = "ENTRY")]
    pub entry: Vec<String>,
    /// The citation style of the text (--format text, the default) [default: apa]
    #[arg(long, value_enum)]
    pub style: Option<CiteStyle>,
}

/// Open an entry's source in the browser ($BROWSER honoured), or print its URL
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    after_help = "Examples:\n  ewg open cedaw\n  ewg open issue 4\n  ewg open guide 6 --print\n  ewg open reflections-2018 --all"
)]
pub(crate) struct OpenArgs {
    /// The entry: an id (cedaw), an acronym, `issue 4`, `objective 6`, `guide 6`, or `ewg`
    #[arg(required = true, num_args = 1.., value_name = "ENTRY")]
    pub entry: Vec<String>,
    /// Open every source of the entry, not only the first
    #[arg(long)]
    pub all: bool,
    /// Print the URL instead of opening it
    #[arg(long)]
    pub print: bool,
}

/// Print a completion script for a shell
#[derive(Debug, Args)]
#[group(skip)]
#[command(
    after_help = "Examples:\n  ewg completions bash > ~/.local/share/bash-completion/completions/ewg\n  ewg completions zsh > ~/.zfunc/_ewg\n  ewg completions fish > ~/.config/fish/completions/ewg.fish"
)]
pub(crate) struct CompletionsArgs {
    /// The shell
    pub shell: Shell,
}

/// Print the manual page (roff)
#[derive(Debug, Args)]
#[group(skip)]
#[command(after_help = "Example:\n  ewg man > ~/.local/share/man/man1/ewg.1 && man ewg")]
pub(crate) struct ManArgs {}

#[derive(Debug, Subcommand)]
pub(crate) enum DataAction {
    /// Check a dataset file: every problem, with its line and column; exit 1 if there is any
    Check {
        /// The file to check
        path: PathBuf,
    },
    /// Print the dataset in use (bundled, or the one --data names): --format toml (the
    /// default) or json
    Export,
}

/// Every form `--format` names; each command takes those that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Tables fitted to the terminal (lists and shows)
    Table,
    /// Tab-separated lines, one record a line (lists and shows)
    Plain,
    /// JSON: an array for lists, an object for a show; the dataset for `data export`
    Json,
    /// GitHub-flavoured Markdown (lists, shows, `brief`)
    Markdown,
    /// CSV with a header row, RFC 4180 (lists and shows)
    Csv,
    /// The dataset file format (`data export`)
    Toml,
    /// One self-contained page (`brief`)
    Html,
    /// A reference in a citation style (`cite`)
    Text,
    /// BibTeX (`cite`)
    Bibtex,
    /// BibLaTeX (`cite`)
    Biblatex,
    /// RIS, for EndNote, Zotero and Mendeley (`cite`)
    Ris,
    /// CSL-JSON (`cite`)
    CslJson,
}

/// The forms of a list or a show.
const VIEWS: &[OutputFormat] = &[
    OutputFormat::Table,
    OutputFormat::Plain,
    OutputFormat::Json,
    OutputFormat::Markdown,
    OutputFormat::Csv,
];

/// The forms each command writes, the first its default (on a terminal; piped, a default of
/// table becomes the second, plain). The one declaration that `--format` and `--json` are
/// checked against and that each command's help lists. A kind's command (the registry's, as
/// `members`) writes lists and shows; a nested command (`members show`) what its command does.
pub(crate) const FORMATS: &[(&str, &[OutputFormat])] = &[
    ("", VIEWS),
    ("about", VIEWS),
    ("show", VIEWS),
    ("search", VIEWS),
    ("data check", &[OutputFormat::Plain, OutputFormat::Json]),
    ("data export", &[OutputFormat::Toml, OutputFormat::Json]),
    ("brief", &[OutputFormat::Markdown, OutputFormat::Html]),
    (
        "cite",
        &[
            OutputFormat::Text,
            OutputFormat::Json,
            OutputFormat::CslJson,
            OutputFormat::Bibtex,
            OutputFormat::Biblatex,
            OutputFormat::Ris,
        ],
    ),
    ("open", &[OutputFormat::Plain, OutputFormat::Json]),
    ("completions", &[]),
    ("man", &[]),
];

/// The forms the command at `path` (`data check`, `members show`, `` for none) writes.
pub(crate) fn formats_of(path: &str) -> &'static [OutputFormat] {
    let top = path.split(' ').next().unwrap_or_default();
    if Kind::ALL.iter().any(|k| k.command() == Some(top)) {
        return VIEWS;
    }
    let mut path = path;
    loop {
        if let Some((_, formats)) = FORMATS.iter().find(|(name, _)| *name == path) {
            return formats;
        }
        path = path.rsplit_once(' ').map_or("", |(parent, _)| parent);
    }
}

/// The command a parse chose, as its words: `data check`, `members show`, or `` for none.
pub(crate) fn command_path(matches: &clap::ArgMatches) -> String {
    let mut words = Vec::new();
    let mut matches = matches;
    while let Some((name, sub)) = matches.subcommand() {
        words.push(name);
        matches = sub;
    }
    words.join(" ")
}

/// The top level of the command line without its commands: [`Cli`]'s tree is this with
/// every command's added.
pub(crate) fn top_level() -> clap::Command {
    Options::augment_args(clap::Command::new("ewg"))
}

/// The tree of the command `name` names (or an alias of it), as [`Cli`]'s tree holds it; none
/// for another word. A run that names its command first builds this one alone under
/// [`top_level`]: building every command's tree is most of what clap costs (BENCHMARKS.md).
pub(crate) fn one_command(name: &str) -> Option<clap::Command> {
    let (name, augment): (&str, fn(clap::Command) -> clap::Command) = match name {
        "about" => ("about", AboutArgs::augment_args),
        "members" | "member" => ("members", MembersArgs::augment_args),
        "issues" | "issue" => ("issues", IssuesArgs::augment_args),
        "activities" | "activity" => ("activities", ActivitiesArgs::augment_args),
        "publications" | "publication" => ("publications", PublicationsArgs::augment_args),
        "guide" => ("guide", GuideArgs::augment_args),
        "timeline" => ("timeline", TimelineArgs::augment_args),
        "objectives" | "objective" => ("objectives", ObjectivesArgs::augment_args),
        "actions" | "action" => ("actions", ActionsArgs::augment_args),
        "principles" | "principle" => ("principles", PrinciplesArgs::augment_args),
        "follow-up" => ("follow-up", FollowUpArgs::augment_args),
        "show" | "view" => ("show", ShowArgs::augment_args),
        "define" => ("define", DefineArgs::augment_args),
        "search" => ("search", SearchArgs::augment_args),
        "data" => ("data", DataArgs::augment_args),
        "brief" => ("brief", BriefArgs::augment_args),
        "cite" => ("cite", CiteArgs::augment_args),
        "open" => ("open", OpenArgs::augment_args),
        "completions" => ("completions", CompletionsArgs::augment_args),
        "man" => ("man", ManArgs::augment_args),
        _ => return None,
    };
    Some(augment(clap::Command::new(name)))
}

/// The command line, with each command's help naming the forms it writes (from [`FORMATS`]).
pub(crate) fn command() -> clap::Command {
    fn with_formats(command: clap::Command, path: &str) -> clap::Command {
        let names: Vec<String> = formats_of(path)
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        let line = match names.as_slice() {
            [] => "Formats: none; --format and --json do not apply".to_string(),
            [first] => format!("Formats (--format): {first}"),
            [table, _plain, rest @ ..] if table == "table" => format!(
                "Formats (--format): table (the default on a terminal), plain (the default when \
                 piped), {}",
                rest.join(", ")
            ),
            [first, rest @ ..] => {
                format!(
                    "Formats (--format): {first} (the default), {}",
                    rest.join(", ")
                )
            }
        };
        let help = match command.get_after_help() {
            Some(help) => format!("{help}\n\n{line}"),
            None => line,
        };
        let subcommands: Vec<String> = command
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        // A command that only groups others (`data`) writes nothing itself: its own say.
        let mut command = if command.is_subcommand_required_set() {
            command
        } else {
            command.after_help(help)
        };
        for name in subcommands {
            let sub_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path} {name}")
            };
            command = command.mut_subcommand(name, |c| with_formats(c, &sub_path));
        }
        command
    }
    let command = <Cli as clap::CommandFactory>::command();
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    subcommands.into_iter().fold(command, |command, name| {
        let path = name.clone();
        command.mut_subcommand(name, |c| with_formats(c, &path))
    })
}

/// The citation styles `ewg cite` renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CiteStyle {
    /// APA, 7th edition
    Apa,
    /// Chicago, author-date
    Chicago,
    /// MLA
    Mla,
    /// Harvard (Cite Them Right)
    Harvard,
}

/// Which events `ewg timeline` lists: those that share a day with the dates asked.
#[derive(Debug, Args)]
pub(crate) struct TimelineFilter {
    /// Only the events of this year
    #[arg(long, value_name = "YEAR", value_parser = parse_year, conflicts_with_all = ["from", "to"])]
    pub year: Option<Span>,
    /// Only events on or after this date: 2018, 2018-07, 2018-07-13 or "July 2018"
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Span>,
    /// Only events on or before this date, written the same ways
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Span>,
    /// The order of the list: by date (oldest first), id or title (the event's text)
    #[arg(long, value_enum, default_value_t = SortBy::Date)]
    pub sort: SortBy,
}

/// How a list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SortBy {
    Date,
    Id,
    Title,
}

fn parse_limit(text: &str) -> Result<u64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of hits; write a whole number, 0 for all"))
}

fn parse_date(text: &str) -> Result<Span, String> {
    Span::parse(text).ok_or_else(|| {
        format!("`{text}` is not a date; write a year (2018), a month (2018-07, \"July 2018\") or a day (2018-07-13)")
    })
}

fn parse_year(text: &str) -> Result<Span, String> {
    let trimmed = text.trim();
    match Span::parse(trimmed) {
        Some(span) if trimmed.len() == 4 => Ok(span),
        _ => Err(format!(
            "`{text}` is not a year; write it with four digits, as 2018"
        )),
    }
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
    /// The categories with their member counts
    Categories,
}

/// What a kind's command does: list (the default) or show one.
#[derive(Debug, Subcommand)]
pub(crate) enum EntryAction {
    /// List them all (the default)
    #[command(visible_alias = "ls")]
    List,
    /// One in full
    #[command(visible_alias = "view")]
    Show {
        /// Its id or number, as the list shows it
        #[arg(value_name = "ID", allow_negative_numbers = true)]
        id: String,
    },
}

/// The words `actions --mentions` takes.
fn mention_parser() -> impl TypedValueParser<Value = Mention> {
    PossibleValuesParser::new(Mention::ALL.iter().map(|m| m.as_str())).try_map(|name| {
        Mention::ALL
            .into_iter()
            .find(|m| m.as_str() == name)
            .ok_or("not a word the data records")
    })
}

/// The kinds of entry `search --kind` takes: every kind of the registry, by name.
fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.iter().map(|k| k.as_str()))
        .try_map(|name| Kind::from_name(&name).ok_or("not a kind of entry"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    /// The top level with every command `one_command` builds is the whole tree, whichever of
    /// a command's names (its own or an alias) builds it: a command added to the enum and not
    /// to `one_command`, or an alias on one side only, fails here. (Compared whole, as a
    /// command's place in the help's order is given when it is added.)
    #[test]
    fn one_command_builds_what_the_whole_tree_holds() {
        let whole = format!("{:?}", Cli::command());
        let commands: Vec<(String, Vec<String>)> = Cli::command()
            .get_subcommands()
            .map(|c| {
                let aliases = c.get_all_aliases().map(str::to_string).collect();
                (c.get_name().to_string(), aliases)
            })
            .collect();
        let assembled = |named: &str, by: &str| {
            commands.iter().fold(top_level(), |top, (name, _)| {
                let word = if name == named { by } else { name };
                let one = one_command(word).unwrap_or_else(|| panic!("no command `{word}`"));
                top.subcommand(one)
            })
        };
        for (name, aliases) in &commands {
            for word in std::iter::once(name).chain(aliases) {
                assert_eq!(format!("{:?}", assembled(name, word)), whole, "`{word}`");
            }
        }
        assert!(one_command("help").is_none() && one_command("sear").is_none());
    }

    /// The path of every command that runs (not `data`, which only groups its own), nested
    /// ones too.
    fn paths(command: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            let path = format!("{prefix}{}", sub.get_name());
            if !sub.is_subcommand_required_set() {
                out.push(path.clone());
            }
            paths(sub, &format!("{path} "), out);
        }
    }

    #[test]
    fn every_command_declares_its_formats() {
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        for path in &all {
            let top = path.split(' ').next().unwrap_or_default();
            let declared = Kind::ALL.iter().any(|k| k.command() == Some(top))
                || FORMATS.iter().any(|(name, _)| {
                    *name == path.as_str() || (*name == top && !path.starts_with("data"))
                });
            assert!(declared, "`{path}` has no row in FORMATS");
        }
        for (name, _) in FORMATS {
            assert!(
                name.is_empty() || all.iter().any(|p| p == name),
                "`{name}` is no command"
            );
        }
    }

    #[test]
    fn nested_commands_write_what_their_command_does() {
        assert_eq!(formats_of("members show"), VIEWS);
        assert_eq!(
            formats_of("data check"),
            [OutputFormat::Plain, OutputFormat::Json]
        );
        assert_eq!(formats_of(""), VIEWS);
    }
}
