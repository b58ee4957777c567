//! One function per command: turns parsed arguments into look-ups on the data and search, and
//! their results into views. Nothing here prints.

use std::fmt;

use anyhow::bail;
use serde::Serialize;
use serde_json::{Value, json};

use std::path::Path;

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;

use crate::check;
use crate::cli::{
    Cli, Command, DataAction, ExportFormat, IdAction, KindArg, MemberFilter, MembersAction,
    NumberAction,
};
use crate::config::{Config, Format};
use crate::data::{Dataset, Entry, EntryRef, Kind, Member};
use crate::output::{Listing, Record, Text, View};
use crate::search::{self, Index, Miss, Terms};

/// What was asked for is not there (an unknown id, number or category, a search without hits),
/// or a checked file has problems: exit status 1. The message names what was asked and what to
/// try next.
#[derive(Debug)]
pub(crate) struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

type Result<T> = std::result::Result<T, Failure>;

/// Hits shown on a terminal when `--limit` is not given; pipes and JSON get them all.
const TERMINAL_SEARCH_LIMIT: usize = 10;

/// Runs a command on the dataset in use; `dataset` says which one it is, for `about`.
/// `prebuilt_terms` are the data's search terms as build.rs wrote them, for the bundled data.
pub(crate) fn run(
    command: Option<&Command>,
    data: &Dataset,
    dataset: &str,
    prebuilt_terms: Option<&'static [u8]>,
    config: &Config,
) -> anyhow::Result<View> {
    let Some(command) = command else {
        return Ok(overview(data));
    };
    let view = match command {
        Command::About => Ok(about(data, dataset)),
        Command::Members { action, filter } => match action {
            None => list_members(data, filter),
            Some(MembersAction::List(filter)) => list_members(data, filter),
            Some(MembersAction::Show { member }) => {
                find_member(data, member).map(|m| show(data, Entry::Member(m)))
            }
            Some(MembersAction::Categories) => Ok(list_categories(data)),
        },
        Command::Issues { action } => match action {
            None | Some(NumberAction::List) => Ok(list_issues(data)),
            Some(NumberAction::Show { number }) => {
                let n = parse_number(number, "issue", data.issues.len())?;
                Ok(show(data, Entry::Issue(&data.issues[n - 1])))
            }
        },
        Command::Objectives { action } => match action {
            None | Some(NumberAction::List) => Ok(list_objectives(data)),
            Some(NumberAction::Show { number }) => {
                let n = parse_number(number, "objective", data.objectives.len())?;
                Ok(show(data, Entry::Objective(&data.objectives[n - 1])))
            }
        },
        Command::Activities { action } => match action {
            None | Some(IdAction::List) => Ok(list_activities(data)),
            Some(IdAction::Show { id }) => {
                let ids = data.activities.iter().map(|a| a.id.as_str());
                let i = find_id(ids, id, "activity", "ewg activities")?;
                Ok(show(data, Entry::Activity(&data.activities[i])))
            }
        },
        Command::Publications { action } => match action {
            None | Some(IdAction::List) => Ok(list_publications(data)),
            Some(IdAction::Show { id }) => {
                let ids = data.publications.iter().map(|p| p.id.as_str());
                let i = find_id(ids, id, "publication", "ewg publications")?;
                Ok(show(data, Entry::Publication(&data.publications[i])))
            }
        },
        Command::Timeline => Ok(timeline(data)),
        Command::Define { acronym: None } => Ok(list_terms(data)),
        Command::Define {
            acronym: Some(acronym),
        } => define(data, acronym),
        Command::Search { words, kind, limit } => {
            let limit = match (limit, config.format) {
                (Some(n), _) => usize::try_from(*n).unwrap_or(usize::MAX),
                (None, Format::Table) => TERMINAL_SEARCH_LIMIT,
                (None, _) => usize::MAX,
            };
            return run_search(data, prebuilt_terms, &words.join(" "), &kinds(kind), limit);
        }
        Command::Data {
            action: DataAction::Check { path },
        } => return check_file(path),
        Command::Data {
            action: DataAction::Export { format },
        } => return export(data, *format, config),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command_with_values(data), "ewg", &mut script);
            Ok(View::Text(String::from_utf8_lossy(&script).into_owned()))
        }
        Command::Man => return man_page(data).map(View::Text),
    };
    Ok(view?)
}

// ---------------------------------------------------------------------------------------------
// Overview and about

fn overview(data: &Dataset) -> View {
    let g = &data.group;
    let try_these = [
        "ewg about                               the group in full",
        "ewg members --category treaty-bodies    members, by category",
        "ewg issues show 4                       a GCMGender Series note",
        "ewg search \"labour rights\"              search everything",
        "ewg --help                              every command",
    ];
    let counts = json!({
        "members": data.members.len(),
        "categories": data.categories.len(),
        "issues": data.issues.len(),
        "activities": data.activities.len(),
        "publications": data.publications.len(),
        "events": data.timeline.len(),
        "objectives": data.objectives.len(),
        "terms": data.glossary.len(),
    });
    let json = json!({
        "name": g.name,
        "short_name": g.short_name,
        "established": g.established,
        "purpose": g.purpose,
        "secretariat": g.secretariat,
        "counts": counts,
        "dataset_updated": data.meta.updated,
        "source": data.meta.page,
    });
    View::Record(
        Record::new(format!("{} ({})", g.name, g.short_name), json)
            .field("name", format!("{} ({})", g.name, g.short_name))
            .field("purpose", &g.purpose)
            .field("established", g.established.to_string())
            .field("secretariat", &g.secretariat)
            .field("chairs", &g.chairing)
            .field(
                "members",
                format!("{} institutions in {} categories", data.members.len(), data.categories.len()),
            )
            .field("series", format!("{} guidance notes (the GCMGender Series)", data.issues.len()))
            .field(
                "also",
                format!(
                    "{} activities, {} publications, {} dated events, the GCM's {} objectives, {} acronyms",
                    data.activities.len(),
                    data.publications.len(),
                    data.timeline.len(),
                    data.objectives.len(),
                    data.glossary.len()
                ),
            )
            .list("try", try_these)
            .field("source", &data.meta.page),
    )
}

fn about(data: &Dataset, dataset: &str) -> View {
    let g = &data.group;
    let chairs: Vec<String> = g
        .co_chairs
        .iter()
        .filter_map(|id| data.members.iter().find(|m| m.id == *id))
        .map(|m| format!("{} ({})", m.name, m.id))
        .collect();
    let mut json = to_value(g);
    json["kind"] = json!("group");
    json["gcm"] = to_value(&data.gcm);
    json["dataset"] = json!(dataset);
    View::Record(
        Record::new(format!("{} ({})", g.name, g.short_name), json)
            .field("name", &g.name)
            .field("short name", &g.short_name)
            .field("established", g.established.to_string())
            .field("purpose", &g.purpose)
            .field("concerns", &g.population)
            .field("composition", &g.composition)
            .field("capacity", &g.capacity)
            .field(
                "secretariat",
                format!("{} ({})", g.secretariat, g.secretariat_url),
            )
            .field("chairing", &g.chairing)
            .list("co-chairs", chairs)
            .field("origin", &g.origin)
            .field("first mandate", &g.first_mandate)
            .field("result", &g.result)
            .field("since adoption", &g.current_mandate)
            .list("how it works", g.methods.iter().map(String::as_str))
            .field("series", &g.series)
            .field(
                "members",
                format!("{} institutions; see `ewg members`", data.members.len()),
            )
            .field(
                "the GCM",
                format!(
                    "{}, also called the {}. {}",
                    data.gcm.name, data.gcm.also_called, data.gcm.description
                ),
            )
            .list(
                "sources",
                g.sources
                    .iter()
                    .chain(&data.gcm.sources)
                    .map(String::as_str),
            )
            .field("dataset", dataset),
    )
}

// ---------------------------------------------------------------------------------------------
// Lists

fn to_value(value: &impl Serialize) -> Value {
    // Serialising our own plain structs into a Value cannot fail: no maps with non-string keys.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn list_members(data: &Dataset, filter: &MemberFilter) -> Result<View> {
    let members: Vec<&Member> = match &filter.category {
        None => data.members.iter().collect(),
        Some(asked) => {
            let slug = find_category(data, asked)?;
            data.members_in(slug).collect()
        }
    };
    let category_name = |slug: &str| {
        data.category(slug)
            .map_or(slug.to_string(), |c| c.name.clone())
    };
    Ok(View::Listing(Listing {
        columns: vec!["id", "acronym", "name", "category"],
        rows: members
            .iter()
            .map(|m| {
                vec![
                    m.id.as_str().into(),
                    m.acronym.as_deref().unwrap_or("").into(),
                    m.name.as_str().into(),
                    category_name(&m.category).into(),
                ]
            })
            .collect(),
        json: to_value(&members),
    }))
}

fn list_categories(data: &Dataset) -> View {
    let rows: Vec<(String, String, usize)> = data
        .categories
        .iter()
        .map(|c| {
            (
                c.slug.clone(),
                c.name.clone(),
                data.members_in(&c.slug).count(),
            )
        })
        .collect();
    View::Listing(Listing {
        columns: vec!["slug", "name", "members"],
        rows: rows
            .iter()
            .map(|(s, n, c)| vec![s.as_str().into(), n.as_str().into(), c.to_string().into()])
            .collect(),
        json: rows
            .iter()
            .map(|(slug, name, count)| json!({"slug": slug, "name": name, "members": count}))
            .collect(),
    })
}

fn list_issues(data: &Dataset) -> View {
    View::Listing(Listing {
        columns: vec!["issue", "title"],
        rows: data
            .issues
            .iter()
            .map(|i| vec![i.number.to_string().into(), i.display_title().into()])
            .collect(),
        json: to_value(&data.issues),
    })
}

fn list_objectives(data: &Dataset) -> View {
    View::Listing(Listing {
        columns: vec!["objective", "label", "title"],
        rows: data
            .objectives
            .iter()
            .map(|o| {
                vec![
                    o.number.to_string().into(),
                    o.label.as_str().into(),
                    o.title.as_str().into(),
                ]
            })
            .collect(),
        json: to_value(&data.objectives),
    })
}

fn list_activities(data: &Dataset) -> View {
    View::Listing(Listing {
        columns: vec!["id", "activity"],
        rows: data
            .activities
            .iter()
            .map(|a| vec![a.id.as_str().into(), a.title.as_str().into()])
            .collect(),
        json: to_value(&data.activities),
    })
}

fn list_publications(data: &Dataset) -> View {
    View::Listing(Listing {
        columns: vec!["id", "kind", "date", "title"],
        rows: data
            .publications
            .iter()
            .map(|p| {
                vec![
                    p.id.as_str().into(),
                    p.kind.as_str().into(),
                    p.date.as_str().into(),
                    p.title.as_str().into(),
                ]
            })
            .collect(),
        json: to_value(&data.publications),
    })
}

fn timeline(data: &Dataset) -> View {
    let mut events: Vec<_> = data.timeline.iter().collect();
    // Stable: events of the same month keep the file's order.
    events.sort_by(|a, b| a.sort.cmp(&b.sort));
    View::Listing(Listing {
        columns: vec!["id", "when", "event"],
        rows: events
            .iter()
            .map(|e| {
                vec![
                    e.id.as_str().into(),
                    e.when.as_str().into(),
                    e.event.as_str().into(),
                ]
            })
            .collect(),
        json: to_value(&events),
    })
}

fn list_terms(data: &Dataset) -> View {
    View::Listing(Listing {
        columns: vec!["acronym", "stands for"],
        rows: data
            .glossary
            .iter()
            .map(|t| vec![t.acronym.as_str().into(), t.expansions.join("; ").into()])
            .collect(),
        json: to_value(&data.glossary),
    })
}

// ---------------------------------------------------------------------------------------------
// Show

/// One entry in full: every field, its related entries and its sources.
fn show(data: &Dataset, entry: Entry<'_>) -> View {
    let related = data.related(entry);
    let related_lines: Vec<String> = related.iter().map(related_line).collect();
    let sources = entry.sources();
    let mut json = match entry {
        Entry::Group(g, _) => to_value(g),
        Entry::Member(m) => to_value(m),
        Entry::Issue(i) => to_value(i),
        Entry::Publication(p) => to_value(p),
        Entry::Activity(a) => to_value(a),
        Entry::Objective(o) => to_value(o),
        Entry::Event(e) => to_value(e),
        Entry::Term(t) => to_value(t),
    };
    json["kind"] = json!(entry.kind().as_str());
    json["related"] = to_value(&related);

    let record = match entry {
        Entry::Member(m) => Record::new(m.name.clone(), json)
            .field("id", &m.id)
            .field_opt("acronym", m.acronym.as_deref())
            .field("name", &m.name)
            .list("also known as", m.aliases.iter().map(String::as_str))
            .field(
                "category",
                data.category(&m.category)
                    .map_or(m.category.clone(), |c| format!("{} ({})", c.name, c.slug)),
            )
            .field("description", &m.description)
            .field_opt("monitors", m.monitors.as_deref())
            .field_opt("details", m.details.as_deref())
            .field("website", &m.website),
        Entry::Issue(i) => {
            let record = Record::new(format!("Issue {}: {}", i.number, i.display_title()), json)
                .field("issue", i.number.to_string())
                .field("series", "GCMGender Series");
            let record = match (&i.title, &i.label) {
                (Some(title), _) => record.field("title", title),
                (None, label) => record
                    .field("title", format!("({})", crate::data::UNTITLED))
                    .field_opt(
                        "label",
                        label
                            .as_deref()
                            .map(|l| format!("{l} (a description, not the title)")),
                    ),
            };
            record
                .field("summary", &i.summary)
                .list("frameworks", i.frameworks.iter().map(String::as_str))
        }
        Entry::Publication(p) => Record::new(p.title.clone(), json)
            .field("id", &p.id)
            .field("kind", &p.kind)
            .field("date", &p.date)
            .field("summary", &p.summary)
            .list("points", p.points.iter().map(String::as_str))
            .field_opt("note", p.points_note.as_deref())
            .field_opt("online", p.url.as_deref()),
        Entry::Activity(a) => Record::new(a.title.clone(), json)
            .field("id", &a.id)
            .field("description", &a.description),
        Entry::Objective(o) => Record::new(format!("Objective {}: {}", o.number, o.label), json)
            .field("objective", o.number.to_string())
            .field("title", &o.title)
            .field("label", &o.label)
            .field("guide", &o.guide),
        Entry::Event(e) => Record::new(e.when.clone(), json)
            .field("id", &e.id)
            .field("event", &e.event),
        Entry::Term(t) => Record::new(t.acronym.clone(), json)
            .field("acronym", &t.acronym)
            .list("stands for", t.expansions.iter().map(String::as_str))
            .field_opt("note", t.note.as_deref()),
        Entry::Group(..) => return about(data, ""),
    };
    View::Record(
        record
            .list("related", related_lines)
            .list("sources", sources),
    )
}

fn related_line(r: &EntryRef) -> String {
    let via = r
        .via
        .as_deref()
        .map(|v| format!(" ({v})"))
        .unwrap_or_default();
    format!("{} {}: {}{via}", r.kind, r.id, r.title)
}

fn define(data: &Dataset, asked: &str) -> Result<View> {
    let wanted = asked.trim();
    match data.term(wanted) {
        Some(term) => Ok(show(data, Entry::Term(term))),
        None => {
            let acronyms = data.glossary.iter().map(|t| t.acronym.as_str());
            Err(Failure(format!(
                "no acronym `{wanted}` in the glossary{}; `ewg define` lists them all, `ewg search {wanted}` searches the text",
                did_you_mean(wanted, acronyms)
            )))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Data files, completions, manual

/// `ewg data check`: exit 0 with a summary, or 1 with every problem.
fn check_file(path: &Path) -> anyhow::Result<View> {
    let text = check::read_file(path)?;
    let data = check::load_text(path, &text).map_err(Failure)?;
    Ok(View::Text(format!(
        "{}: ok, {} members, {} issues, {} activities, {} publications, {} events, {} objectives, {} terms\n",
        path.display(),
        data.members.len(),
        data.issues.len(),
        data.activities.len(),
        data.publications.len(),
        data.timeline.len(),
        data.objectives.len(),
        data.glossary.len()
    )))
}

fn export(data: &Dataset, format: ExportFormat, config: &Config) -> anyhow::Result<View> {
    let json = format == ExportFormat::Json || config.format == Format::Json;
    let text = if json {
        serde_json::to_string_pretty(data)? + "\n"
    } else {
        toml::to_string(data)?
    };
    Ok(View::Text(text))
}

/// The command line with the dataset's ids as the values of its arguments, for completion
/// scripts only: parsing still takes any text, names and acronyms included.
fn command_with_values(data: &Dataset) -> clap::Command {
    fn values(arg: clap::Arg, values: Vec<String>) -> clap::Arg {
        arg.value_parser(PossibleValuesParser::new(values))
    }
    let members: Vec<String> = data.members.iter().map(|m| m.id.clone()).collect();
    let categories: Vec<String> = data.categories.iter().map(|c| c.slug.clone()).collect();
    let issues: Vec<String> = data.issues.iter().map(|i| i.number.to_string()).collect();
    let objectives: Vec<String> = data
        .objectives
        .iter()
        .map(|o| o.number.to_string())
        .collect();
    let activities: Vec<String> = data.activities.iter().map(|a| a.id.clone()).collect();
    let publications: Vec<String> = data.publications.iter().map(|p| p.id.clone()).collect();
    let acronyms: Vec<String> = data.glossary.iter().map(|t| t.acronym.clone()).collect();
    Cli::command()
        .mut_subcommand("members", |c| {
            c.mut_arg("category", |a| values(a, categories.clone()))
                .mut_subcommand("list", |l| {
                    l.mut_arg("category", |a| values(a, categories.clone()))
                })
                .mut_subcommand("show", |s| s.mut_arg("member", |a| values(a, members)))
        })
        .mut_subcommand("issues", |c| {
            c.mut_subcommand("show", |s| s.mut_arg("number", |a| values(a, issues)))
        })
        .mut_subcommand("objectives", |c| {
            c.mut_subcommand("show", |s| s.mut_arg("number", |a| values(a, objectives)))
        })
        .mut_subcommand("activities", |c| {
            c.mut_subcommand("show", |s| s.mut_arg("id", |a| values(a, activities)))
        })
        .mut_subcommand("publications", |c| {
            c.mut_subcommand("show", |s| s.mut_arg("id", |a| values(a, publications)))
        })
        .mut_subcommand("define", |c| c.mut_arg("acronym", |a| values(a, acronyms)))
}

/// The manual page: clap's sections, with COMMANDS, EXIT STATUS, ENVIRONMENT, FILES and
/// EXAMPLES added.
fn man_page(data: &Dataset) -> anyhow::Result<String> {
    use roff::{Roff, bold, roman};
    // A version for the page's footer; the command line prints its own with the dataset's date.
    let cmd = Cli::command()
        .subcommand_help_heading("COMMANDS")
        .version(env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(cmd.clone()).date(data.meta.updated.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    man.render_options_section(&mut out)?;

    let mut roff = Roff::new();
    let section = |roff: &mut Roff, title: &str, items: &[(&str, &str)]| {
        roff.control("SH", [title]);
        for (term, text) in items {
            roff.control("TP", [])
                .text([bold(*term)])
                .text([roman(*text)]);
        }
    };
    section(
        &mut roff,
        "EXIT STATUS",
        &[
            ("0", "Success, also when the reader of a pipe stops early."),
            (
                "1",
                "Nothing found: an unknown id, number or category, a search without hits; or `ewg data check` found problems.",
            ),
            ("2", "Usage error, or a --data file that cannot be used."),
        ],
    );
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
                "A dataset file to read instead of the bundled data, as --data.",
            ),
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
                "ewg data export > my.toml && ewg data check my.toml",
                "Start a dataset of your own.",
            ),
        ],
    );
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

// ---------------------------------------------------------------------------------------------
// Search

fn kinds(args: &[KindArg]) -> Vec<Kind> {
    args.iter()
        .map(|k| match k {
            KindArg::Group => Kind::Group,
            KindArg::Member => Kind::Member,
            KindArg::Issue => Kind::Issue,
            KindArg::Publication => Kind::Publication,
            KindArg::Activity => Kind::Activity,
            KindArg::Objective => Kind::Objective,
            KindArg::Event => Kind::Event,
            KindArg::Term => Kind::Term,
        })
        .collect()
}

#[derive(Serialize)]
struct HitJson<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    score: f64,
    matched: &'a [&'static str],
    snippet: &'a str,
}

/// Longer queries are not searches but accidents (a pasted file); they are refused at once.
const MAX_QUERY_CHARS: usize = 1000;
/// Every part must match, so more than this many cannot narrow anything further.
const MAX_QUERY_PARTS: usize = 32;

fn run_search(
    data: &Dataset,
    prebuilt_terms: Option<&'static [u8]>,
    query: &str,
    kinds: &[Kind],
    limit: usize,
) -> anyhow::Result<View> {
    let length = query.chars().count();
    if length > MAX_QUERY_CHARS {
        bail!(
            "the query is {length} characters long; `ewg search` takes at most {MAX_QUERY_CHARS}"
        );
    }
    let parts = search::parse_query(query);
    if parts.is_empty() {
        bail!(
            "`{}` has no words to search for; try `ewg search \"labour rights\"`",
            query.trim()
        );
    }
    if parts.len() > MAX_QUERY_PARTS {
        bail!(
            "the query has {} words and phrases; `ewg search` takes at most {MAX_QUERY_PARTS}",
            parts.len()
        );
    }
    // Terms that do not fit the data could only come from a faulty build: index it afresh.
    let index = prebuilt_terms
        .and_then(Terms::from_prebuilt)
        .and_then(|terms| Index::with_terms(data, terms))
        .unwrap_or_else(|| Index::build(data));
    let mut hits = search::search(&index, &parts, kinds);
    if hits.is_empty() {
        return Err(Failure(miss_message(
            query,
            &search::explain_miss(&index, &parts, kinds),
            kinds,
        ))
        .into());
    }
    hits.truncate(limit);
    let json: Vec<HitJson<'_>> = hits
        .iter()
        .map(|h| HitJson {
            kind: h.kind.as_str(),
            id: &h.id,
            title: &h.title,
            score: h.score,
            matched: &h.matched,
            snippet: &h.snippet.text,
        })
        .collect();
    let json = to_value(&json);
    Ok(View::Listing(Listing {
        columns: vec!["id", "kind", "title", "match"],
        rows: hits
            .into_iter()
            .map(|h| {
                vec![
                    h.id.into(),
                    h.kind.as_str().into(),
                    Text {
                        text: h.title,
                        marks: h.title_marks,
                    },
                    Text {
                        text: h.snippet.text,
                        marks: h.snippet.marks,
                    },
                ]
            })
            .collect(),
        json,
    }))
}

fn miss_message(query: &str, miss: &Miss, kinds: &[Kind]) -> String {
    let query = query.trim();
    match miss {
        Miss::Unknown(words) => {
            let mut message = format!("no entry matches `{query}`");
            for (word, near) in words {
                if near.is_empty() {
                    message.push_str(&format!("; `{word}` is not in the data"));
                } else {
                    let near: Vec<String> = near.iter().map(|w| format!("`{w}`")).collect();
                    message.push_str(&format!(
                        "; for `{word}`, did you mean {}?",
                        near.join(" or ")
                    ));
                }
            }
            message
        }
        Miss::NotTogether { drop } if !drop.is_empty() => {
            let drop: Vec<String> = drop.iter().map(|w| format!("`{w}`")).collect();
            format!(
                "no entry matches all of `{query}`; the words match separately: try without {}",
                drop.join(" or without ")
            )
        }
        Miss::NotTogether { .. } if !kinds.is_empty() => {
            format!("no entry of the kinds asked matches `{query}`; try without --kind")
        }
        Miss::NotTogether { .. } => {
            format!("no entry matches all of `{query}`; try fewer words")
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Finding what was asked for

/// " (did you mean `x`?)" for the candidates nearest to `asked`, or nothing.
fn did_you_mean<'a>(asked: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let near = closest(asked, candidates);
    if near.is_empty() {
        return String::new();
    }
    let near: Vec<String> = near.iter().map(|c| format!("`{c}`")).collect();
    format!(" (did you mean {}?)", near.join(" or "))
}

/// Candidates within a small edit distance of `asked` (typos swap letters, so Damerau), or
/// that contain it; nearest first, at most three.
fn closest<'a>(asked: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let asked = search::fold(asked);
    let limit = (asked.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let folded = search::fold(c);
            let distance = strsim::damerau_levenshtein(&asked, &folded);
            let contains = asked.chars().count() >= 3 && folded.contains(&asked);
            (distance <= limit || contains).then_some((if contains { 0 } else { distance }, c))
        })
        .collect();
    near.sort();
    near.dedup_by_key(|(_, c)| *c);
    near.into_iter().take(3).map(|(_, c)| c).collect()
}

fn find_id<'a>(
    ids: impl Iterator<Item = &'a str> + Clone,
    asked: &str,
    what: &str,
    list: &str,
) -> Result<usize> {
    let wanted = asked.trim().to_lowercase();
    if let Some(i) = ids.clone().position(|id| id == wanted) {
        return Ok(i);
    }
    Err(Failure(format!(
        "no {what} with the id `{}`{}; `{list}` lists them",
        asked.trim(),
        did_you_mean(&wanted, ids)
    )))
}

/// A member by id, acronym, name or alias (ignoring case and accents), or by the start of
/// exactly one name.
fn find_member<'a>(data: &'a Dataset, asked: &str) -> Result<&'a Member> {
    let wanted = search::fold(asked.trim().trim_end_matches(['.', '…']).trim());
    let names = |m: &'a Member| {
        [m.id.as_str(), m.name.as_str()]
            .into_iter()
            .chain(m.acronym.as_deref())
            .chain(m.aliases.iter().map(String::as_str))
    };
    if let Some(m) = data
        .members
        .iter()
        .find(|m| names(m).any(|n| search::fold(n) == wanted))
    {
        return Ok(m);
    }
    let by_prefix: Vec<&Member> = data
        .members
        .iter()
        .filter(|m| {
            wanted.chars().count() >= 8 && names(m).any(|n| search::fold(n).starts_with(&wanted))
        })
        .collect();
    if let [only] = by_prefix.as_slice() {
        return Ok(only);
    }
    let hint = if by_prefix.len() > 1 {
        let ids: Vec<String> = by_prefix.iter().map(|m| format!("`{}`", m.id)).collect();
        format!(
            " ({} names start that way: {})",
            by_prefix.len(),
            ids.join(", ")
        )
    } else {
        did_you_mean(&wanted, data.members.iter().map(|m| m.id.as_str()))
    };
    Err(Failure(format!(
        "no member `{}`{hint}; `ewg members` lists all 18, `ewg search {}` searches the text",
        asked.trim(),
        asked.trim()
    )))
}

/// A category slug from a slug or a name, forgiving case, spaces and underscores.
fn find_category<'a>(data: &'a Dataset, asked: &str) -> Result<&'a str> {
    let slugify = |s: &str| {
        search::fold(s)
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    let wanted = slugify(asked);
    let found = data.categories.iter().find(|c| {
        c.slug == wanted
            || slugify(&c.name) == wanted
            || slugify(&c.name).ends_with(&format!("-{wanted}"))
    });
    match found {
        Some(c) => Ok(&c.slug),
        None => {
            let slugs: Vec<&str> = data.categories.iter().map(|c| c.slug.as_str()).collect();
            Err(Failure(format!(
                "no category `{}`{}; categories are: {}",
                asked.trim(),
                did_you_mean(&wanted, slugs.iter().copied()),
                slugs.join(", ")
            )))
        }
    }
}

/// A number from 1 to `count`, as typed: `3`, ` 3 `. Anything else names the range.
fn parse_number(asked: &str, what: &str, count: usize) -> Result<usize> {
    let range = format!("{what}s are numbered 1 to {count}");
    let trimmed = asked.trim();
    match trimmed.parse::<u64>() {
        Ok(n) if (1..=count as u64).contains(&n) => Ok(n as usize),
        Ok(n) => Err(Failure(format!("there is no {what} {n}; {range}"))),
        Err(_)
            if trimmed.starts_with('-')
                && trimmed[1..].chars().all(|c| c.is_ascii_digit())
                && trimmed.len() > 1 =>
        {
            Err(Failure(format!("there is no {what} {trimmed}; {range}")))
        }
        Err(_) if !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit()) => {
            Err(Failure(format!("there is no {what} {trimmed}; {range}")))
        }
        Err(_) => Err(Failure(format!(
            "`{trimmed}` is not a {what} number; {range} (`ewg {what}s` lists them, `ewg search` searches by words)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::BUNDLED;

    fn data() -> Dataset {
        Dataset::load(BUNDLED).expect("bundled data loads")
    }

    #[test]
    fn search_shows_ten_hits_on_a_terminal_and_all_elsewhere() {
        let data = data();
        let count = |format: Format, limit: Option<u64>| {
            let config = Config {
                format,
                color: false,
                color_err: false,
                width: 80,
            };
            let command = Command::Search {
                words: vec!["migration".into()],
                kind: Vec::new(),
                limit,
            };
            match run(Some(&command), &data, "bundled", None, &config) {
                Ok(View::Listing(listing)) => listing.rows.len(),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(count(Format::Table, None), TERMINAL_SEARCH_LIMIT);
        assert!(count(Format::Plain, None) > TERMINAL_SEARCH_LIMIT);
        assert!(count(Format::Json, None) > TERMINAL_SEARCH_LIMIT);
        assert_eq!(count(Format::Table, Some(3)), 3);
    }

    #[test]
    fn the_command_line_with_completion_values_is_consistent() {
        command_with_values(&data()).debug_assert();
    }

    #[test]
    fn numbers_are_checked_against_their_range() {
        assert_eq!(parse_number(" 3 ", "issue", 5).ok(), Some(3));
        for bad in ["0", "6", "-1", "99999999999999999999", "3.0", "three", ""] {
            let err = parse_number(bad, "issue", 5).expect_err(bad).to_string();
            assert!(err.contains("issues are numbered 1 to 5"), "{bad}: {err}");
        }
    }

    #[test]
    fn members_are_found_by_id_acronym_name_alias_and_prefix() {
        let data = data();
        for asked in [
            "cedaw",
            "CEDAW",
            "Committee on the Elimination of Discrimination against Women",
            "committee on the elimination of discrimination against",
            "Committee on the Elimination of Discrimination ...",
        ] {
            assert_eq!(
                find_member(&data, asked).map(|m| m.id.as_str()).ok(),
                Some("cedaw"),
                "{asked}"
            );
        }
        assert_eq!(
            find_member(&data, "Committee on Migrant Workers")
                .map(|m| m.id.as_str())
                .ok(),
            Some("cmw")
        );
        let err = find_member(&data, "cedwa").expect_err("typo").to_string();
        assert!(err.contains("did you mean `cedaw`"), "{err}");
        let err = find_member(&data, "Committee on the Elimination")
            .expect_err("ambiguous")
            .to_string();
        assert!(err.contains("`cedaw`") && err.contains("`cerd`"), "{err}");
    }

    #[test]
    fn categories_forgive_case_spaces_and_short_names() {
        let data = data();
        for asked in [
            "treaty-bodies",
            "Treaty bodies",
            "TREATY_BODIES",
            "Human rights treaty bodies",
        ] {
            assert_eq!(
                find_category(&data, asked).ok(),
                Some("treaty-bodies"),
                "{asked}"
            );
        }
        let err = find_category(&data, "treaty")
            .expect_err("unknown")
            .to_string();
        assert!(
            err.contains("categories are: treaty-bodies, special-procedures"),
            "{err}"
        );
    }

    #[test]
    fn closest_prefers_containment_then_distance() {
        assert_eq!(
            closest("cedwa", ["cedaw", "cerd", "cmw"].into_iter()),
            ["cedaw"]
        );
        assert_eq!(
            closest("side", ["side-events", "strategic-advocacy"].into_iter()),
            ["side-events"]
        );
        assert!(closest("zzzzzz", ["cedaw"].into_iter()).is_empty());
    }
}

#[cfg(test)]
mod properties {
    //! Look-ups that take what the user typed never panic, whatever it is.

    use super::*;
    use crate::data::BUNDLED;
    use proptest::prelude::*;

    fn data() -> &'static Dataset {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads"))
    }

    proptest! {
        #[test]
        fn show_never_panics(asked in "\\PC{0,30}|[0-9 .+-]{0,25}") {
            let data = data();
            let _ = find_member(data, &asked);
            let _ = find_category(data, &asked);
            let _ = parse_number(&asked, "issue", data.issues.len());
            let _ = find_id(data.activities.iter().map(|a| a.id.as_str()), &asked, "activity", "ewg activities");
            let _ = define(data, &asked);
        }
    }
}
