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

use std::mem::ManuallyDrop;

use ewg_core::search::{Index, PrebuiltIndex};
use ewg_core::{Dataset, Kind};
use serde_json::Value;

use crate::cli::{
    ActionsArgs, ActivitiesArgs, BriefArgs, CiteArgs, Command, CompletionsArgs, DataAction,
    DataArgs, DefineArgs, EntryAction, FollowUpArgs, GuideArgs, IssuesArgs, MembersAction,
    MembersArgs, ObjectivesArgs, OpenArgs, PrinciplesArgs, PublicationsArgs, SearchArgs, ShowArgs,
    TimelineArgs,
};
use crate::config::{Config, Format};
use crate::error::Failure;
use crate::output::View;

/// What every command may read: the dataset in use and the settings.
pub(crate) struct Context<'a> {
    /// The data, for the whole run: what is made of it may borrow from it (main.rs).
    pub data: &'static Dataset,
    /// Which dataset this is ("bundled, updated 2026-11-27"), for `about`.
    pub dataset: &'a str,
    /// What build.rs worked out of the bundled data, when it is the data in use.
    pub prebuilt: Option<Prebuilt>,
    pub config: &'a Config,
}

impl Context<'_> {
    /// The search index: the one build.rs compiled in, or one built of a file's data, anew at
    /// each call (a command calls it once). Never freed, like a file's data (main.rs): the run
    /// ends soon after its last use, and freeing 100,000 entries' fields one by one only delays
    /// the exit.
    pub fn index(&self) -> ManuallyDrop<Index<'static>> {
        ManuallyDrop::new(match self.prebuilt {
            Some(prebuilt) => Index::prebuilt(prebuilt.search),
            None => Index::build(self.data),
        })
    }

    /// A view's JSON, made only where it is printed: most runs print a table or plain text,
    /// and making it was a tenth of `ewg members` (BENCHMARKS.md).
    pub fn json(&self, make: impl FnOnce() -> Value) -> Value {
        if self.config.format == Format::Json {
            make()
        } else {
            Value::Null
        }
    }
}

/// What build.rs worked out of the bundled data ahead of time.
#[derive(Clone, Copy)]
pub(crate) struct Prebuilt {
    /// The search index.
    pub search: &'static PrebuiltIndex,
    /// Every entry's citation in every style, a line each (`cite::cached`): by style, each
    /// style's deflated; none when they were not made from this build's data and code.
    pub citations: &'static [(&'static str, &'static [u8])],
}

/// Runs a command (none: the overview).
pub(crate) fn run(command: Option<&Command>, cx: &Context<'_>) -> Result<View, Failure> {
    let data = cx.data;
    let Some(command) = command else {
        return Ok(show::overview(data));
    };
    match command {
        Command::About(_) => Ok(show::about(data, cx.dataset)),
        Command::Members(MembersArgs {
            action,
            member,
            filter,
        }) => match (action, member) {
            (Some(MembersAction::Show { member }), _) | (None, Some(member)) => {
                let member = lookup::member(data, member)?;
                Ok(show::show(cx, ewg_core::Entry::Member(member)))
            }
            (Some(MembersAction::List(filter)), _) => lists::members(cx, filter),
            (None, None) => lists::members(cx, filter),
            (Some(MembersAction::Categories), _) => Ok(lists::categories(cx)),
        },
        Command::Issues(IssuesArgs { action, number }) => {
            list_or_show(cx, Kind::Issue, action, number)
        }
        Command::Objectives(ObjectivesArgs { action, number }) => {
            list_or_show(cx, Kind::Objective, action, number)
        }
        Command::Guide(GuideArgs { action, number }) => match (action, number) {
            (None, None) => Ok(show::guide(data)),
            _ => list_or_show(cx, Kind::Chapter, action, number),
        },
        Command::Activities(ActivitiesArgs { action, id }) => {
            list_or_show(cx, Kind::Activity, action, id)
        }
        Command::Publications(PublicationsArgs {
            action: None,
            id: None,
            sort,
        }) => Ok(lists::publications(cx, *sort)),
        Command::Publications(PublicationsArgs { action, id, .. }) => {
            list_or_show(cx, Kind::Publication, action, id)
        }
        Command::Timeline(TimelineArgs {
            action: None,
            id: None,
            filter,
        }) => lists::timeline(cx, filter),
        Command::Timeline(TimelineArgs { action, id, .. }) => {
            list_or_show(cx, Kind::Event, action, id)
        }
        Command::Actions(ActionsArgs {
            action: None,
            id: None,
            objective,
            mentions,
        }) => lists::actions_filtered(cx, *objective, mentions),
        Command::Actions(ActionsArgs { action, id, .. }) => {
            list_or_show(cx, Kind::Action, action, id)
        }
        Command::Principles(PrinciplesArgs { action, id }) => {
            list_or_show(cx, Kind::Principle, action, id)
        }
        Command::FollowUp(FollowUpArgs { action, id }) => {
            list_or_show(cx, Kind::FollowUp, action, id)
        }
        Command::Show(ShowArgs { entry }) => {
            let entry = lookup::unique(data, &entry.join(" "))?;
            Ok(show::show(cx, entry))
        }
        Command::Define(DefineArgs { acronym: None }) => Ok(lists::of_kind(cx, Kind::Term)),
        Command::Define(DefineArgs {
            acronym: Some(acronym),
        }) => {
            // A term of the GCM's own (`gender-responsive`) is defined by its guiding principle.
            match (
                lookup::term(data, acronym),
                lookup::principle_named(data, acronym),
            ) {
                (Ok(term), _) => Ok(show::show(cx, ewg_core::Entry::Term(term))),
                (Err(_), Some(principle)) => {
                    Ok(show::show(cx, ewg_core::Entry::Principle(principle)))
                }
                (Err(failure), None) => Err(failure),
            }
        }
        Command::Search(SearchArgs {
            words,
            kind,
            limit,
            all_words,
        }) => search::run(cx, &words.join(" "), kind, limit.map(usize_of), *all_words),
        Command::Data(DataArgs {
            action: DataAction::Check { path },
        }) => data::check(path, cx.config.format),
        Command::Data(DataArgs {
            action: DataAction::Export,
        }) => data::export(data, cx.config.format),
        Command::Brief(BriefArgs {
            entry,
            topic,
            output,
            force,
        }) => {
            let subject = match (topic, entry.as_slice()) {
                (Some(topic), _) => brief::Subject::Topic(topic),
                (None, []) => brief::Subject::Group,
                (None, words) => brief::Subject::Entry(lookup::unique(data, &words.join(" "))?),
            };
            brief::brief(cx, &subject, output.as_deref(), *force)
        }
        Command::Cite(CiteArgs { entry, style }) => {
            let cached = cx.prebuilt.map_or(&[][..], |p| p.citations);
            cite::cite(data, cached, entry, *style, cx.config.format)
        }
        Command::Open(OpenArgs { entry, all, print }) => {
            open::open(data, entry, *all, *print, cx.config.format)
        }
        Command::Completions(CompletionsArgs { shell }) => Ok(shell::completions(data, *shell)),
        Command::Man(_) => shell::man_page(data),
    }
}

fn usize_of(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The list of a kind, or the one entry asked for (`show ID`, or the id alone), found as the
/// kind's entries are named.
fn list_or_show(
    cx: &Context<'_>,
    kind: Kind,
    action: &Option<EntryAction>,
    shorthand: &Option<String>,
) -> Result<View, Failure> {
    let asked = match action {
        Some(EntryAction::Show { id }) => Some(id),
        Some(EntryAction::List) => None,
        None => shorthand.as_ref(),
    };
    let Some(asked) = asked else {
        return Ok(lists::of_kind(cx, kind));
    };
    Ok(show::show(cx, lookup::of_kind(cx.data, kind, asked)?))
}

#[cfg(test)]
mod tests {
    //! Every kind of the registry is complete: a command that lists and shows it, with its
    //! formats declared, a list, and a show of each of its entries.

    use clap::CommandFactory;
    use ewg_core::Kind;

    use super::*;
    use crate::cli::{Cli, formats_of};
    use crate::config::Format;

    #[test]
    fn every_kind_is_complete() {
        // The bundled data as compiled in (a test in main.rs holds it to the TOML).
        let data = &crate::BUNDLED_DATA;
        let cli = Cli::command();
        let config = Config::for_tests(Format::Plain);
        let cx = Context {
            data,
            dataset: "bundled",
            prebuilt: None,
            config: &config,
        };
        for &kind in Kind::ALL {
            assert!(!kind.words().is_empty(), "{kind} has no words");
            if kind == Kind::Group {
                continue; // `ewg about` shows it
            }
            let command = kind
                .command()
                .unwrap_or_else(|| panic!("{kind} has no command"));
            assert!(
                cli.find_subcommand(command).is_some(),
                "`ewg {command}` is no command"
            );
            assert!(
                !formats_of(command).is_empty(),
                "`ewg {command}` declares no formats"
            );
            let listed = list_or_show(&cx, kind, &None, &None).expect("a list");
            assert!(matches!(listed, View::Listing(_)), "{kind}: {listed:?}");
            for entry in data.entries_of(kind) {
                let id = Some(entry.id().into_owned());
                let shown = list_or_show(&cx, kind, &None, &id)
                    .unwrap_or_else(|err| panic!("{kind} {}: {err}", entry.id()));
                assert!(matches!(shown, View::Record(_)), "{kind} {}", entry.id());
            }
        }
    }
}
