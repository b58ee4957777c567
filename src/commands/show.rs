//! Views of one thing in full: the overview (`ewg` alone), the group (`about`), and any entry
//! with its related entries and sources (`show`).

use serde_json::{Value, json};

use ewg_core::{Action, ActionEntry, Chapter, Dataset, Entry, EntryRef, Kind, UNTITLED};

use super::Context;
use super::lists::{
    action_json, chapter_status, chapter_summary, chapters_not_held, chapters_with_labels,
    mention_words, paragraphs, to_value,
};
use crate::output::{Record, View};

/// Counts of every kind but the group, as "4 publications, 7 activities, ...".
fn counts_line(data: &Dataset, kinds: &[Kind]) -> String {
    kinds
        .iter()
        .map(|&k| format!("{} {}", data.count(k), k.plural()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn overview(data: &Dataset) -> View {
    let g = &data.group;
    // Each a command, then what it shows: no padding to align them, which a narrow terminal
    // would wrap into the middle of the line.
    let try_these = [
        "ewg about  (the group in full)",
        "ewg members --category treaty-bodies  (members, by category)",
        "ewg issues show 4  (a GCMGender Series note)",
        "ewg actions --mentions women  (GCM actions that name women)",
        "ewg search \"labour rights\"  (search everything)",
        "ewg --help  (every command)",
    ];
    let mut counts = serde_json::Map::new();
    counts.insert("categories".into(), json!(data.categories.len()));
    for &kind in Kind::ALL.iter().filter(|&&k| k != Kind::Group) {
        counts.insert(kind.plural().into(), json!(data.count(kind)));
    }
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
    let others: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| !matches!(k, Kind::Group | Kind::Member | Kind::Issue))
        .collect();
    View::Record(
        Record::new(format!("{} ({})", g.name, g.short_name), json)
            .field("name", format!("{} ({})", g.name, g.short_name))
            .field("purpose", &g.purpose)
            .field("established", g.established.to_string())
            .field("secretariat", &g.secretariat)
            .field("chairs", &g.chairing)
            .field(
                "members",
                format!(
                    "{} institutions in {} categories",
                    data.count(Kind::Member),
                    data.categories.len()
                ),
            )
            .field(
                "series",
                format!(
                    "{} guidance notes (the GCMGender Series)",
                    data.count(Kind::Issue)
                ),
            )
            .field("also", counts_line(data, &others))
            .list("try", try_these)
            .field("source", &data.meta.page),
    )
}

pub(crate) fn about(data: &Dataset, dataset: &str) -> View {
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
            .list("also known as", g.aliases.iter())
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
            .list("how it works", g.methods.iter())
            .field("series", &g.series)
            .field(
                "members",
                format!(
                    "{} institutions; see `ewg members`",
                    data.count(Kind::Member)
                ),
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
                g.sources.iter().chain(&data.gcm.sources).map(AsRef::as_ref),
            )
            .field("dataset", dataset),
    )
}

/// Adds a key to a show's JSON where it is made (`Context::json`), and nothing where it is not.
fn add(json: &mut Value, key: &str, make: impl FnOnce() -> Value) {
    if let Value::Object(map) = json {
        map.insert(key.to_string(), make());
    }
}

/// One entry in full: every field, its related entries and its sources.
pub(crate) fn show(cx: &Context<'_>, entry: Entry<'_>) -> View {
    let data = cx.data;
    let related = data.related(entry);
    let related_lines: Vec<String> = related.iter().map(related_line).collect();
    let mut json = cx.json(|| {
        let mut json = match entry {
            Entry::Action(a) => action_json(a.action),
            _ => to_value(&entry),
        };
        json["kind"] = json!(entry.kind().as_str());
        json["related"] = to_value(&related);
        json
    });

    let record = match entry {
        Entry::Member(m) => Record::new(&m.name, json)
            .field("id", &m.id)
            .field_opt("acronym", m.acronym.as_deref())
            .field("name", &m.name)
            .list("also known as", m.aliases.iter())
            .field(
                "category",
                data.category(&m.category)
                    .map_or(m.category.to_string(), |c| {
                        format!("{} ({})", c.name, c.slug)
                    }),
            )
            .field("description", &m.description)
            .field_opt("monitors", m.monitors.as_deref())
            .field_opt("details", m.details.as_deref())
            .field_opt("note", m.note.as_deref())
            .field("website", &m.website),
        Entry::Issue(i) => {
            let record = Record::new(format!("Issue {}: {}", i.number, i.display_title()), json)
                .field("issue", i.number.to_string())
                .field("series", "GCMGender Series");
            let record = match (&i.title, &i.label) {
                (Some(title), _) => record.field("title", title),
                (None, label) => record.field("title", format!("({UNTITLED})")).field_opt(
                    "label",
                    label
                        .as_deref()
                        .map(|l| format!("{l} (a description, not the title)")),
                ),
            };
            record
                .field("summary", &i.summary)
                .list("frameworks", i.frameworks.iter())
                .field_opt("note", i.note.as_deref())
        }
        Entry::Publication(p) => Record::new(&p.title, json)
            .field("id", &p.id)
            .field("kind", p.kind.as_str())
            .list("also known as", p.aliases.iter())
            .field_opt("author", p.author.as_deref())
            .field_opt("publisher", p.publisher.as_deref())
            .field("date", &p.date)
            .field("summary", &p.summary)
            .list("points", p.points.iter())
            .field_opt("note", p.points_note.as_deref())
            .list("COVID-19 impacts", p.covid_impacts.iter())
            .field_opt("online", p.url.as_deref()),
        Entry::Activity(a) => Record::new(&a.title, json)
            .field("id", &a.id)
            .field("description", &a.description)
            .list("also named", a.aliases.iter()),
        Entry::Objective(o) => {
            let chapter = data.guide.iter().find(|c| c.objective == o.number);
            if let Some(chapter) = chapter {
                add(&mut json, "guide_chapter", || to_value(chapter));
            }
            let actions: Vec<&Action> = data
                .actions
                .iter()
                .filter(|a| a.objective == o.number)
                .collect();
            add(&mut json, "actions", || {
                actions.iter().map(|a| action_json(a)).collect()
            });
            // `*` marks the actions that name women, girls or gender, in every format.
            let action_lines = actions.iter().map(|a| {
                let mark = if a.names_gender() { "*" } else { "" };
                format!("({}){mark} {}", a.letter, a.text)
            });
            let record = Record::new(format!("Objective {}: {}", o.number, o.label), json)
                .field("objective", o.number.to_string())
                .field("title", &o.title)
                .field("label", &o.label)
                .field_opt("paragraph", o.paragraph.map(|p| format!("GCM para {p}")))
                .field_opt("commitment", o.commitment.as_deref())
                .field_opt(
                    "commitment names",
                    (!o.commitment_mentions.is_empty())
                        .then(|| mention_words(&o.commitment_mentions)),
                )
                .list("actions", action_lines)
                .field_opt(
                    "key",
                    actions
                        .iter()
                        .any(|a| a.names_gender())
                        .then_some("* the action names women, girls or gender"),
                )
                .field_opt("GCM text not held", o.not_read.as_deref())
                .field_opt("note", o.note.as_deref())
                .field("guide", &o.guide);
            match chapter {
                Some(chapter) => with_chapter(record, chapter),
                None => record,
            }
        }
        Entry::Chapter(c) => {
            let chapter = c.chapter;
            if let Some(objective) = c.objective {
                add(&mut json, "objective_title", || json!(objective.title));
                add(&mut json, "objective_label", || json!(objective.label));
            }
            let record = Record::new(entry.title(), json)
                .field("objective", chapter.objective.to_string())
                .field_opt("title", c.objective.map(|o| o.title.as_ref()));
            with_chapter(record, chapter)
        }
        Entry::Event(e) => Record::new(&e.when, json)
            .field("id", &e.id)
            .field("when", &e.when)
            .field("event", &e.event)
            .field_opt("place", e.place.as_deref())
            .field_opt("note", e.note.as_deref()),
        Entry::Term(t) => Record::new(&t.acronym, json)
            .field("acronym", &t.acronym)
            .list("stands for", t.expansions.iter())
            .field_opt("note", t.note.as_deref()),
        Entry::Action(ActionEntry {
            action: a,
            objective,
        }) => Record::new(
            format!("GCM para {}: objective {}", a.paragraph(), a.objective),
            json,
        )
        .field("id", a.code())
        .field("paragraph", a.paragraph())
        .field_opt(
            "objective",
            objective.map(|o| format!("{}: {}", o.number, o.title)),
        )
        .field("action", &a.text)
        .field_opt(
            "names",
            (!a.mentions.is_empty()).then(|| mention_words(&a.mentions)),
        )
        .field_opt("not held", a.not_read.as_deref())
        .field_opt("note", a.note.as_deref()),
        Entry::Principle(p) => Record::new(entry.title(), json)
            .field("id", &p.letter)
            .field("paragraph", format!("GCM para {}", p.paragraph()))
            .field("principle", &p.title)
            .field("text", &p.text)
            .list("key terms", p.key_terms.iter()),
        Entry::FollowUp(f) => Record::new(&f.name, json)
            .field("id", &f.id)
            .list("also known as", f.aliases.iter())
            .field(
                "paragraphs",
                paragraphs(&f.paragraphs)
                    .map_or_else(|| "not read".into(), |p| format!("GCM para {p}")),
            )
            .field("summary", &f.summary)
            .field_opt("not held", f.not_read.as_deref())
            .field_opt("note", f.note.as_deref()),
        Entry::Group(_) => return about(data, ""),
        // A kind without a view of its own: each of its fields, as the registry gives them.
        #[allow(unreachable_patterns)] // until a kind has no view of its own
        _ => entry
            .fields()
            .into_iter()
            .fold(Record::new(entry.title(), json), |record, field| {
                record.field(field.name, field.text)
            }),
    };
    View::Record(
        record
            .list("related", related_lines)
            .list("sources", entry.sources()),
    )
}

/// A guide chapter's text, and what of it is not in the dataset, as fields of a record.
fn with_chapter(record: Record, chapter: &Chapter) -> Record {
    let instruments = chapter.instruments.iter().map(|i| {
        let entry = i.member.as_deref().or(i.term.as_deref());
        // The id only where the name does not already say it: "(UNODC)", "(UN CEDAW)".
        match entry {
            Some(id) if !i.name.to_lowercase().contains(&id.to_lowercase()) => {
                format!("{} ({id})", i.name)
            }
            _ => i.name.to_string(),
        }
    });
    record
        .list("guide issues", chapter.issues.iter())
        .list("guide measures", chapter.measures.iter())
        .list("instruments", instruments)
        .field(
            "not in the dataset",
            format!(
                "{}; the chapter is at {}",
                capitalised(&chapter.not_read),
                chapter.source
            ),
        )
        .field_opt("note", chapter.note.as_deref())
}

/// "1 measure", "3 measures".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The text with its first letter a capital, to start a sentence (`para.` as `Para.`).
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `ewg guide`: what the guide is, its structure, what it says of the pandemic, and its chapters
/// one line each.
pub(crate) fn guide(data: &Dataset) -> View {
    let publication = data.guide_publication();
    let rows = chapters_with_labels(data);
    let chapters: Vec<String> = rows
        .iter()
        .map(|(c, label)| {
            format!(
                "{:>2} {label}: {}, {} ({})",
                c.objective,
                count(c.issues.len(), "issue"),
                count(c.measures.len(), "measure"),
                chapter_status(c)
            )
        })
        .collect();
    let mut json = json!({
        "chapters": rows.iter().map(|(c, label)| chapter_summary(c, label)).collect::<Vec<_>>(),
    });
    let title = publication.map_or("Policies and Practice Guide", |p| &p.title);
    let mut record = Record::new(title, json!(null));
    if let Some(p) = publication {
        json["guide"] = to_value(p);
        record = record
            .field("summary", &p.summary)
            .list("structure", p.points.iter())
            .list("COVID-19 impacts", p.covid_impacts.iter())
            .field_opt("online", p.url.as_deref());
    }
    record.json = json;
    View::Record(
        record
            .list("chapters", chapters)
            .field(
                "not in the dataset",
                format!(
                    "Only the opening of each chapter's page could be read: its issues and first \
                     measures. No checklist of actions and no list of COVID-19 measures is here{}; \
                     `ewg guide N` says what each chapter lacks and links to it.",
                    chapters_not_held(data)
                        .map(|c| format!(", and nothing of {c}"))
                        .unwrap_or_default()
                ),
            )
            .field(
                "try",
                "ewg guide 6    ewg search domestic workers --kind guide",
            ),
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
