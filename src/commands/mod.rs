//! Commands: each turns parsed arguments into look-ups on the data or a search, and the result
//! into a [`View`]. Nothing here prints (but `open`'s word when no browser opens). By family:
//! [`lookup`] finds what was asked for (with "did you mean"), [`lists`] and [`show`] make the views
//! of entries, [`search`], [`data`] files, taking answers out ([`brief`], [`cite`], [`open`]),
//! and [`shell`] integration (completions and the man page).

mod brief;
mod cite;
mod data;
mod lists;
mod lookup;
mod open;
mod search;
mod shell;
mod show;

use ewg_core::{Dataset, IdStyle, Kind};

use clap::ValueEnum;

use crate::cli::{Command, DataAction, IdAction, MembersAction, NumberAction, OutputFormat};
use crate::config::{Config, Format};
use crate::error::Failure;
use crate::output::View;

/// What every command may read: the dataset in use and the settings.
pub(crate) struct Context<'a> {
    pub data: &'a Dataset,
    /// Which dataset this is ("bundled, updated 2026-11-27"), for `about`.
    pub dataset: &'a str,
    /// The data's search terms as build.rs wrote them, for the bundled data.
    pub prebuilt_terms: Option<&'static [u8]>,
    pub config: &'a Config,
    /// What --format asked for, as typed: `data export`, `brief` and `cite` take forms that
    /// views do not.
    pub format: Option<OutputFormat>,
}

/// The form of views that a --format names; `None` for forms only some commands write.
pub(crate) fn view_format(format: OutputFormat) -> Option<Format> {
    match format {
        OutputFormat::Table => Some(Format::Table),
        OutputFormat::Plain => Some(Format::Plain),
        OutputFormat::Json => Some(Format::Json),
        OutputFormat::Markdown => Some(Format::Markdown),
        OutputFormat::Csv => Some(Format::Csv),
        OutputFormat::Toml
        | OutputFormat::Html
        | OutputFormat::Text
        | OutputFormat::Bibtex
        | OutputFormat::Biblatex
        | OutputFormat::Ris
        | OutputFormat::CslJson => None,
    }
}

/// Runs a command (none: the overview).
pub(crate) fn run(command: Option<&Command>, cx: &Context<'_>) -> Result<View, Failure> {
    let data = cx.data;
    // Views take table, plain, json, markdown or csv; the commands with forms of their own
    // say themselves which they take.
    let own_forms = matches!(
        command,
        Some(Command::Data {
            action: DataAction::Export
        }) | Some(
            Command::Brief { .. }
                | Command::Cite { .. }
                | Command::Completions { .. }
                | Command::Man
        )
    );
    if let Some(format) = cx
        .format
        .filter(|f| view_format(*f).is_none() && !own_forms)
    {
        return Err(Failure::Usage(format!(
            "`--format {}` is for `ewg data export`, `ewg brief` or `ewg cite`; this command prints table, plain, json, markdown or csv",
            format
                .to_possible_value()
                .map_or(String::new(), |v| v.get_name().to_string())
        )));
    }
    let Some(command) = command else {
        return Ok(show::overview(data));
    };
    match command {
        Command::About => Ok(show::about(data, cx.dataset)),
        Command::Members {
            action,
            member,
            filter,
        } => match (action, member) {
            (Some(MembersAction::Show { member }), _) | (None, Some(member)) => {
                let member = lookup::member(data, member)?;
                Ok(show::show(data, ewg_core::Entry::Member(member)))
            }
            (Some(MembersAction::List(filter)), _) => lists::members(data, filter),
            (None, None) => lists::members(data, filter),
            (Some(MembersAction::Categories), _) => Ok(lists::categories(data)),
        },
        Command::Issues { action, number } => numbered(cx, Kind::Issue, action, number),
        Command::Objectives { action, number } => numbered(cx, Kind::Objective, action, number),
        Command::Guide { action, number } => match (action, number) {
            (None, None) => Ok(show::guide(data)),
            _ => numbered(cx, Kind::Chapter, action, number),
        },
        Command::Activities { action, id } => named(cx, Kind::Activity, action, id),
        Command::Publications {
            action: None,
            id: None,
            sort,
        } => Ok(lists::publications(data, *sort)),
        Command::Publications { action, id, .. } => named(cx, Kind::Publication, action, id),
        Command::Timeline {
            action: None,
            id: None,
            filter,
        } => lists::timeline(data, filter),
        Command::Timeline { action, id, .. } => named(cx, Kind::Event, action, id),
        Command::Define { acronym: None } => Ok(lists::of_kind(data, Kind::Term)),
        Command::Define {
            acronym: Some(acronym),
        } => {
            let term = lookup::term(data, acronym)?;
            Ok(show::show(data, ewg_core::Entry::Term(term)))
        }
        Command::Search { words, kind, limit } => {
            search::run(cx, &words.join(" "), kind, limit.map(usize_of))
        }
        Command::Data {
            action: DataAction::Check { path },
        } => data::check(path),
        Command::Data {
            action: DataAction::Export,
        } => data::export(data, cx.format, cx.config),
        Command::Brief { output, force } => {
            brief::brief(data, cx.format, output.as_deref(), *force)
        }
        Command::Cite { entry, style } => cite::cite(data, entry, *style, cx.format),
        Command::Open { entry, all, print } => open::open(data, entry, *all, *print),
        Command::Completions { shell } => Ok(shell::completions(data, *shell)),
        Command::Man => shell::man_page(data),
    }
}

/// The command that lists and shows a kind's entries, where there is one: what messages and
/// completions name.
pub(crate) fn command_of(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Group => None,
        Kind::Event => Some("timeline"),
        Kind::Member => Some("members"),
        Kind::Issue => Some("issues"),
        Kind::Publication => Some("publications"),
        Kind::Activity => Some("activities"),
        Kind::Objective => Some("objectives"),
        Kind::Chapter => Some("guide"),
        Kind::Term => Some("define"),
    }
}

fn usize_of(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A kind whose entries are numbered: its list, or one by number.
fn numbered(
    cx: &Context<'_>,
    kind: Kind,
    action: &Option<NumberAction>,
    shorthand: &Option<String>,
) -> Result<View, Failure> {
    let asked = match action {
        Some(NumberAction::Show { number }) => Some(number),
        Some(NumberAction::List) => None,
        None => shorthand.as_ref(),
    };
    list_or_show(cx, kind, asked)
}

/// A kind whose entries are named by slugs: its list, or one by id.
fn named(
    cx: &Context<'_>,
    kind: Kind,
    action: &Option<IdAction>,
    shorthand: &Option<String>,
) -> Result<View, Failure> {
    let asked = match action {
        Some(IdAction::Show { id }) => Some(id),
        Some(IdAction::List) => None,
        None => shorthand.as_ref(),
    };
    list_or_show(cx, kind, asked)
}

/// The list of a kind, or the one entry asked for, found as the kind's entries are named.
fn list_or_show(cx: &Context<'_>, kind: Kind, asked: Option<&String>) -> Result<View, Failure> {
    let Some(asked) = asked else {
        return Ok(lists::of_kind(cx.data, kind));
    };
    let entry = match kind.id_style() {
        IdStyle::Number(_) => lookup::by_number(cx.data, kind, asked)?,
        IdStyle::Slug | IdStyle::Acronym => lookup::by_id(cx.data, kind, asked)?,
    };
    Ok(show::show(cx.data, entry))
}
