//! Lists: one row per entry, the id first; the JSON form is the entries themselves.

use serde::Serialize;
use serde_json::{Value, json};

use ewg_core::dates::{Day, Span};
use ewg_core::{Action, Chapter, Dataset, Event, Kind, Member, Mention, Publication};

use super::{Context, lookup};
use crate::cli::{MemberFilter, SortBy, TimelineFilter};
use crate::error::Failure;
use crate::output::{Listing, View};

pub(crate) fn to_value(value: &impl Serialize) -> Value {
    // Serialising our own plain structs into a Value cannot fail: no maps with non-string keys.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The list of every entry of a kind (members have their own, with a filter). A kind without
/// a list of its own gets its ids and titles.
pub(crate) fn of_kind(cx: &Context<'_>, kind: Kind) -> View {
    let data = cx.data;
    match kind {
        Kind::Member => members_listing(cx, data.members.iter().collect()),
        Kind::Issue => issues(cx),
        Kind::Objective => objectives(cx),
        Kind::Chapter => chapters(cx),
        Kind::Publication => publications(cx, SortBy::Date),
        Kind::Event => timeline_listing(cx, data.timeline.iter().collect(), SortBy::Date),
        Kind::Term => terms(cx),
        Kind::Action => actions(cx, data.actions.iter().collect()),
        Kind::Principle => principles(cx),
        Kind::FollowUp => follow_up(cx),
        Kind::Group => super::show::about(data, ""),
        _ => ids_and_titles(cx, kind),
    }
}

/// Each entry's id and title; in JSON, the entries.
fn ids_and_titles(cx: &Context<'_>, kind: Kind) -> View {
    let data = cx.data;
    View::Listing(Listing {
        columns: vec!["id", kind.noun()],
        rows: data
            .entries_of(kind)
            .map(|e| vec![e.id().into(), e.title().into()])
            .collect(),
        json: cx.json(|| data.entries_of(kind).map(|e| to_value(&e)).collect()),
        note: None,
    })
}

pub(crate) fn members(cx: &Context<'_>, filter: &MemberFilter) -> Result<View, Failure> {
    let data = cx.data;
    let members: Vec<&Member> = match &filter.category {
        None => data.members.iter().collect(),
        Some(asked) => {
            let slug = lookup::category(data, asked)?;
            data.members_in(slug).collect()
        }
    };
    Ok(members_listing(cx, members))
}

fn members_listing(cx: &Context<'_>, members: Vec<&'static Member>) -> View {
    let data = cx.data;
    let category_name = |slug: &'static str| data.category(slug).map_or(slug, |c| c.name.as_ref());
    View::Listing(Listing {
        columns: vec!["id", "acronym", "name", "category"],
        rows: members
            .iter()
            .map(|m| {
                vec![
                    m.id.as_ref().into(),
                    m.acronym.as_deref().unwrap_or("").into(),
                    m.name.as_ref().into(),
                    category_name(&m.category).into(),
                ]
            })
            .collect(),
        json: cx.json(|| to_value(&members)),
        note: None,
    })
}

pub(crate) fn categories(cx: &Context<'_>) -> View {
    let data = cx.data;
    let rows: Vec<(&str, &str, usize)> = data
        .categories
        .iter()
        .map(|c| {
            (
                c.slug.as_ref(),
                c.name.as_ref(),
                data.members_in(&c.slug).count(),
            )
        })
        .collect();
    View::Listing(Listing {
        columns: vec!["slug", "name", "members"],
        rows: rows
            .iter()
            .map(|(s, n, c)| vec![(*s).into(), (*n).into(), c.to_string().into()])
            .collect(),
        json: cx.json(|| {
            rows.iter()
                .map(|(slug, name, count)| json!({"slug": slug, "name": name, "members": count}))
                .collect()
        }),
        note: None,
    })
}

fn issues(cx: &Context<'_>) -> View {
    let data = cx.data;
    View::Listing(Listing {
        columns: vec!["issue", "title"],
        rows: data
            .issues
            .iter()
            .map(|i| vec![i.number.to_string().into(), i.display_title().into()])
            .collect(),
        json: cx.json(|| to_value(&data.issues)),
        note: None,
    })
}

fn objectives(cx: &Context<'_>) -> View {
    let data = cx.data;
    View::Listing(Listing {
        columns: vec!["objective", "label", "title"],
        rows: data
            .objectives
            .iter()
            .map(|o| {
                vec![
                    o.number.to_string().into(),
                    o.label.as_ref().into(),
                    o.title.as_ref().into(),
                ]
            })
            .collect(),
        json: cx.json(|| to_value(&data.objectives)),
        note: None,
    })
}

/// How much of a chapter the dataset holds, in a word: the guide's pages could be read only in
/// part, so no chapter is complete.
pub(crate) fn chapter_status(chapter: &Chapter) -> &'static str {
    if chapter.issues.is_empty() && chapter.measures.is_empty() {
        "not in the dataset"
    } else {
        "partial"
    }
}

/// The chapters of which the dataset holds nothing, as "Objective 16" or "Objectives 3 and 16";
/// `None` if it holds something of every chapter.
pub(crate) fn chapters_not_held(data: &Dataset) -> Option<String> {
    let numbers: Vec<String> = data
        .guide
        .iter()
        .filter(|c| chapter_status(c) == "not in the dataset")
        .map(|c| c.objective.to_string())
        .collect();
    match numbers.as_slice() {
        [] => None,
        [one] => Some(format!("Objective {one}")),
        [rest @ .., last] => Some(format!("Objectives {} and {last}", rest.join(", "))),
    }
}

/// Each guide chapter with its objective's label: the one look-up the lists of chapters share.
pub(crate) fn chapters_with_labels(data: &Dataset) -> Vec<(&Chapter, &str)> {
    data.guide
        .iter()
        .map(|c| {
            let label = data.objective(c.objective).map_or("", |o| o.label.as_ref());
            (c, label)
        })
        .collect()
}

/// A chapter as the lists of chapters give it in JSON: counts and how much is held.
pub(crate) fn chapter_summary(chapter: &Chapter, label: &str) -> Value {
    json!({
        "objective": chapter.objective,
        "label": label,
        "issues": chapter.issues.len(),
        "measures": chapter.measures.len(),
        "held": chapter_status(chapter),
        "source": chapter.source,
    })
}

fn chapters(cx: &Context<'_>) -> View {
    let data = cx.data;
    let rows = chapters_with_labels(data);
    View::Listing(Listing {
        columns: vec!["objective", "label", "issues", "measures", "held"],
        rows: rows
            .iter()
            .map(|(c, label)| {
                vec![
                    c.objective.to_string().into(),
                    (*label).into(),
                    c.issues.len().to_string().into(),
                    c.measures.len().to_string().into(),
                    chapter_status(c).into(),
                ]
            })
            .collect(),
        json: cx.json(|| {
            rows.iter()
                .map(|(c, label)| chapter_summary(c, label))
                .collect()
        }),
        note: None,
    })
}

/// The words of the six an action names, those of the gender lens marked `*`: `women*, family`.
pub(crate) fn mention_words(mentions: &[Mention]) -> String {
    mentions
        .iter()
        .map(|m| {
            if m.is_gender_lens() {
                format!("{}*", m.as_str())
            } else {
                m.as_str().to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An action in JSON, wherever it is written: its fields with its id and paragraph.
pub(crate) fn action_json(action: &Action) -> Value {
    let mut json = to_value(action);
    json["id"] = json!(action.code());
    json["paragraph"] = json!(action.paragraph());
    json
}

/// GCM actions: their id, paragraph, the words they mention and their text.
pub(crate) fn actions(cx: &Context<'_>, actions: Vec<&'static Action>) -> View {
    View::Listing(Listing {
        columns: vec!["id", "paragraph", "mentions", "action", "source"],
        rows: actions
            .iter()
            .map(|a| {
                vec![
                    a.code().into(),
                    a.paragraph().into(),
                    mention_words(&a.mentions).into(),
                    a.text.as_ref().into(),
                    a.source.as_ref().into(),
                ]
            })
            .collect(),
        json: cx.json(|| actions.iter().map(|a| action_json(a)).collect()),
        note: None,
    })
}

/// `ewg actions` with its filters: of one objective, naming any of the words asked.
pub(crate) fn actions_filtered(
    cx: &Context<'_>,
    objective: Option<u32>,
    mentions: &[Mention],
) -> Result<View, Failure> {
    let data = cx.data;
    if let Some(n) = objective
        && data.objective(n).is_none()
    {
        return Err(Failure::BadNumber {
            kind: Kind::Objective,
            asked: n.to_string(),
            count: data.count(Kind::Objective),
        });
    }
    let chosen: Vec<&Action> = data
        .actions
        .iter()
        .filter(|a| objective.is_none_or(|n| a.objective == n))
        .filter(|a| mentions.is_empty() || a.mentions.iter().any(|m| mentions.contains(m)))
        .collect();
    Ok(actions(cx, chosen))
}

fn principles(cx: &Context<'_>) -> View {
    let data = cx.data;
    View::Listing(Listing {
        columns: vec!["id", "principle", "paragraph"],
        rows: data
            .principles
            .iter()
            .map(|p| {
                vec![
                    p.letter.as_ref().into(),
                    p.title.as_ref().into(),
                    p.paragraph().into(),
                ]
            })
            .collect(),
        json: cx.json(|| to_value(&data.principles)),
        note: None,
    })
}

/// GCM paragraphs as they are cited: `49`, `40-42`, `43, 45`; `None` for none.
pub(crate) fn paragraphs(numbers: &[u32]) -> Option<String> {
    let contiguous = numbers.windows(2).all(|pair| pair[1] == pair[0] + 1);
    match numbers {
        [] => None,
        [one] => Some(one.to_string()),
        [first, .., last] if contiguous => Some(format!("{first}-{last}")),
        _ => Some(
            numbers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

fn follow_up(cx: &Context<'_>) -> View {
    let data = cx.data;
    View::Listing(Listing {
        columns: vec!["id", "name", "paragraphs"],
        rows: data
            .follow_up
            .iter()
            .map(|f| {
                vec![
                    f.id.as_ref().into(),
                    f.name.as_ref().into(),
                    paragraphs(&f.paragraphs)
                        .unwrap_or_else(|| "not read".into())
                        .into(),
                ]
            })
            .collect(),
        json: cx.json(|| to_value(&data.follow_up)),
        note: None,
    })
}

/// When a dated entry happened, as the span of days its text names; undated last.
fn span_of(text: &str) -> (bool, Option<Day>) {
    match Span::parse(text) {
        Some(span) => (false, Some(span.first)),
        None => (true, None),
    }
}

pub(crate) fn publications(cx: &Context<'_>, sort: SortBy) -> View {
    let data = cx.data;
    let mut publications: Vec<&Publication> = data.publications.iter().collect();
    // Stable sorts: entries alike keep the file's order.
    match sort {
        SortBy::Date => publications.sort_by_key(|p| span_of(&p.date)),
        SortBy::Id => publications.sort_by(|a, b| a.id.cmp(&b.id)),
        SortBy::Title => publications.sort_by_key(|p| p.title.to_lowercase()),
    }
    View::Listing(Listing {
        columns: vec!["id", "kind", "date", "title", "source"],
        rows: publications
            .iter()
            .map(|p| {
                vec![
                    p.id.as_ref().into(),
                    p.kind.as_str().into(),
                    p.date.as_ref().into(),
                    p.title.as_ref().into(),
                    p.sources.first().map_or("", AsRef::as_ref).into(),
                ]
            })
            .collect(),
        json: cx.json(|| to_value(&publications)),
        note: None,
    })
}

/// The days an event took place: those its date in words names, else its sortable date.
fn event_span(event: &Event) -> Option<Span> {
    Span::parse(&event.when).or_else(|| Span::parse(&event.sort))
}

/// `ewg timeline`, with its filters: the events that share a day with the dates asked.
pub(crate) fn timeline(cx: &Context<'_>, filter: &TimelineFilter) -> Result<View, Failure> {
    let data = cx.data;
    let (from, to) = match filter.year {
        Some(year) => (Some(year), Some(year)),
        None => (filter.from, filter.to),
    };
    if let (Some(from), Some(to)) = (from, to)
        && from.first > to.last
    {
        return Err(Failure::ReversedDates {
            from: from.first.to_string(),
            to: to.last.to_string(),
        });
    }
    let asked = Span::between(from, to);
    let events: Vec<&Event> = data
        .timeline
        .iter()
        .filter(|e| match event_span(e) {
            Some(span) => span.overlaps(&asked),
            None => from.is_none() && to.is_none(),
        })
        .collect();
    if events.is_empty() {
        let mut dated: Vec<Span> = data.timeline.iter().filter_map(event_span).collect();
        dated.sort_by_key(|s| s.first);
        let runs = match (dated.first(), dated.last()) {
            (Some(first), Some(last)) => Some((first.first.to_string(), last.last.to_string())),
            _ => None,
        };
        return Err(Failure::NoEventBetween { runs });
    }
    Ok(timeline_listing(cx, events, filter.sort))
}

fn timeline_listing(cx: &Context<'_>, mut events: Vec<&'static Event>, sort: SortBy) -> View {
    match sort {
        // Stable: events of the same month keep the file's order.
        SortBy::Date => events.sort_by(|a, b| a.sort.cmp(&b.sort)),
        SortBy::Id => events.sort_by(|a, b| a.id.cmp(&b.id)),
        SortBy::Title => events.sort_by_key(|e| e.event.to_lowercase()),
    }
    View::Listing(Listing {
        columns: vec!["id", "when", "event", "source"],
        rows: events
            .iter()
            .map(|e| {
                let event = match &e.note {
                    Some(note) => format!("{} (Note: {note})", e.event),
                    None => e.event.to_string(),
                };
                vec![
                    e.id.as_ref().into(),
                    e.when.as_ref().into(),
                    event.into(),
                    e.source.as_ref().into(),
                ]
            })
            .collect(),
        json: cx.json(|| to_value(&events)),
        note: None,
    })
}

fn terms(cx: &Context<'_>) -> View {
    let data = cx.data;
    View::Listing(Listing {
        columns: vec!["acronym", "stands for"],
        rows: data
            .glossary
            .iter()
            .map(|t| {
                let stands_for = match t.expansions.is_empty() {
                    true => "(not spelled out in the sources; see its note)".to_string(),
                    false => t.expansions.join("; "),
                };
                vec![t.acronym.as_ref().into(), stands_for.into()]
            })
            .collect(),
        json: cx.json(|| to_value(&data.glossary)),
        note: None,
    })
}
