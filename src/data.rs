//! The dataset: its typed model, strict loading from TOML, the rules it must keep, and look-ups.
//!
//! Nothing here prints or knows about the command line. Every kind of entry is reached through
//! [`Entry`], so that search, `show` and the data rules all read the same fields.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

/// The bundled dataset's TOML text, as build.rs, the tests, benches and fuzz targets read it;
/// the binary itself reads the checked JSON that build.rs makes of it.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const BUNDLED: &str = include_str!("../data/ewg.toml");

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Dataset {
    pub meta: Meta,
    pub group: Group,
    pub categories: Vec<Category>,
    pub members: Vec<Member>,
    pub issues: Vec<Issue>,
    pub activities: Vec<Activity>,
    pub publications: Vec<Publication>,
    pub timeline: Vec<Event>,
    pub gcm: Gcm,
    pub objectives: Vec<Objective>,
    pub glossary: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Meta {
    /// The day the dataset was last checked against its sources (YYYY-MM-DD).
    pub updated: String,
    /// The group's own page, the primary source.
    pub page: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Group {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub established: u16,
    pub purpose: String,
    pub population: String,
    pub composition: String,
    pub capacity: String,
    pub secretariat: String,
    pub secretariat_url: String,
    pub co_chairs: Vec<String>,
    pub chairing: String,
    pub origin: String,
    pub first_mandate: String,
    pub result: String,
    pub current_mandate: String,
    pub methods: Vec<String>,
    pub series: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Category {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Member {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    pub name: String,
    /// Other forms of the name, the page's among them, so that each is found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub category: String,
    pub description: String,
    /// The treaty a treaty body monitors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitors: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    pub website: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Issue {
    pub number: u32,
    /// The official title; `None` where no source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A descriptive label, required where the title is unknown. Never shown as a title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<String>,
    pub source: String,
}

/// What the tool shows in place of a title no source gives.
pub(crate) const UNTITLED: &str = "title not given in the source";

impl Issue {
    /// The title, or the descriptive label marked as not being one.
    pub(crate) fn display_title(&self) -> String {
        match (&self.title, &self.label) {
            (Some(title), _) => title.clone(),
            (None, Some(label)) => format!("{label} [{UNTITLED}]"),
            (None, None) => format!("[{UNTITLED}]"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Activity {
    pub id: String,
    pub title: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Publication {
    pub id: String,
    /// statement, guide or recommendations.
    pub kind: String,
    pub title: String,
    pub date: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Event {
    pub id: String,
    /// The date as sources give it ("March 2017", "13 July 2018").
    pub when: String,
    /// YYYY[-MM[-DD]], for ordering only.
    pub sort: String,
    pub event: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Gcm {
    pub name: String,
    pub also_called: String,
    pub description: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Objective {
    pub number: u32,
    pub title: String,
    pub label: String,
    /// The objective's page in the Policies and Practice Guide.
    pub guide: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Term {
    pub acronym: String,
    /// What the acronym stands for; the first is the usual reading.
    pub expansions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The id of the entry the acronym names, where the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    pub source: String,
}

/// The kinds of entry, in the order ties are broken in search and listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    Group,
    Member,
    Issue,
    Publication,
    Activity,
    Objective,
    Event,
    Term,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Group => "group",
            Kind::Member => "member",
            Kind::Issue => "issue",
            Kind::Publication => "publication",
            Kind::Activity => "activity",
            Kind::Objective => "objective",
            Kind::Event => "event",
            Kind::Term => "term",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a field says about what an entry is: search ranks hits in higher tiers first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// Ids and acronyms.
    Key,
    /// Names and titles.
    Title,
    /// Labels, aliases, categories, expansions and other short fields.
    Short,
    /// Descriptions, summaries and other prose.
    Prose,
}

/// One searchable text of an entry.
#[derive(Debug, Clone)]
pub(crate) struct Field<'a> {
    pub name: &'static str,
    pub tier: Tier,
    pub text: Cow<'a, str>,
}

/// Any entry of the dataset, borrowed. The group carries the GCM with it: the compact is what
/// the group works on, not an entry of its own.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entry<'a> {
    Group(&'a Group, &'a Gcm),
    Member(&'a Member),
    Issue(&'a Issue),
    Publication(&'a Publication),
    Activity(&'a Activity),
    Objective(&'a Objective),
    Event(&'a Event),
    Term(&'a Term),
}

/// A pointer to an entry: what lists of related entries and search hits carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct EntryRef {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// Why it is related, where that is not obvious ("co-chair", "via ICESCR").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

impl<'a> Entry<'a> {
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Entry::Group(..) => Kind::Group,
            Entry::Member(_) => Kind::Member,
            Entry::Issue(_) => Kind::Issue,
            Entry::Publication(_) => Kind::Publication,
            Entry::Activity(_) => Kind::Activity,
            Entry::Objective(_) => Kind::Objective,
            Entry::Event(_) => Kind::Event,
            Entry::Term(_) => Kind::Term,
        }
    }

    /// The id a user types: issues and objectives by number, terms by acronym.
    pub(crate) fn id(&self) -> Cow<'a, str> {
        match *self {
            Entry::Group(g, _) => Cow::Borrowed(&g.id),
            Entry::Member(m) => Cow::Borrowed(&m.id),
            Entry::Issue(i) => Cow::Owned(i.number.to_string()),
            Entry::Publication(p) => Cow::Borrowed(&p.id),
            Entry::Activity(a) => Cow::Borrowed(&a.id),
            Entry::Objective(o) => Cow::Owned(o.number.to_string()),
            Entry::Event(e) => Cow::Borrowed(&e.id),
            Entry::Term(t) => Cow::Borrowed(&t.acronym),
        }
    }

    pub(crate) fn title(&self) -> Cow<'a, str> {
        match *self {
            Entry::Group(g, _) => Cow::Borrowed(&g.name),
            Entry::Member(m) => Cow::Borrowed(&m.name),
            Entry::Issue(i) => Cow::Owned(i.display_title()),
            Entry::Publication(p) => Cow::Borrowed(&p.title),
            Entry::Activity(a) => Cow::Borrowed(&a.title),
            Entry::Objective(o) => Cow::Borrowed(&o.title),
            Entry::Event(e) => Cow::Owned(format!("{}: {}", e.when, e.event)),
            // The usual reading; `show` lists every expansion.
            Entry::Term(t) => Cow::Borrowed(t.expansions.first().map_or("", String::as_str)),
        }
    }

    pub(crate) fn to_ref(self) -> EntryRef {
        EntryRef {
            kind: self.kind().as_str(),
            id: self.id().into_owned(),
            title: self.title().into_owned(),
            via: None,
        }
    }

    /// Every text of the entry that search reads and the acronym rule checks, with its tier.
    pub(crate) fn fields(&self) -> Vec<Field<'a>> {
        fn f<'a>(name: &'static str, tier: Tier, text: &'a str) -> Field<'a> {
            Field {
                name,
                tier,
                text: Cow::Borrowed(text),
            }
        }
        fn all<'a>(out: &mut Vec<Field<'a>>, name: &'static str, tier: Tier, texts: &'a [String]) {
            out.extend(texts.iter().map(|t| f(name, tier, t)));
        }
        let mut out = Vec::new();
        match *self {
            Entry::Group(g, gcm) => {
                out.push(f("id", Tier::Key, &g.id));
                out.push(f("short_name", Tier::Key, &g.short_name));
                out.push(f("name", Tier::Title, &g.name));
                out.push(f("secretariat", Tier::Short, &g.secretariat));
                for (name, text) in [
                    ("purpose", &g.purpose),
                    ("population", &g.population),
                    ("composition", &g.composition),
                    ("capacity", &g.capacity),
                    ("chairing", &g.chairing),
                    ("origin", &g.origin),
                    ("first_mandate", &g.first_mandate),
                    ("result", &g.result),
                    ("current_mandate", &g.current_mandate),
                    ("series", &g.series),
                ] {
                    out.push(f(name, Tier::Prose, text));
                }
                all(&mut out, "methods", Tier::Prose, &g.methods);
                out.push(f("gcm", Tier::Short, &gcm.name));
                out.push(f("gcm_also_called", Tier::Short, &gcm.also_called));
                out.push(f("gcm_description", Tier::Prose, &gcm.description));
            }
            Entry::Member(m) => {
                out.push(f("id", Tier::Key, &m.id));
                if let Some(acronym) = &m.acronym {
                    out.push(f("acronym", Tier::Key, acronym));
                }
                out.push(f("name", Tier::Title, &m.name));
                all(&mut out, "aliases", Tier::Short, &m.aliases);
                out.push(f("category", Tier::Short, &m.category));
                if let Some(monitors) = &m.monitors {
                    out.push(f("monitors", Tier::Short, monitors));
                }
                out.push(f("description", Tier::Prose, &m.description));
                if let Some(details) = &m.details {
                    out.push(f("details", Tier::Prose, details));
                }
            }
            Entry::Issue(i) => {
                out.push(Field {
                    name: "number",
                    tier: Tier::Key,
                    text: Cow::Owned(i.number.to_string()),
                });
                if let Some(title) = &i.title {
                    out.push(f("title", Tier::Title, title));
                }
                if let Some(label) = &i.label {
                    out.push(f("label", Tier::Short, label));
                }
                all(&mut out, "frameworks", Tier::Short, &i.frameworks);
                out.push(f("summary", Tier::Prose, &i.summary));
            }
            Entry::Publication(p) => {
                out.push(f("id", Tier::Key, &p.id));
                out.push(f("title", Tier::Title, &p.title));
                out.push(f("kind", Tier::Short, &p.kind));
                out.push(f("date", Tier::Short, &p.date));
                out.push(f("summary", Tier::Prose, &p.summary));
                all(&mut out, "points", Tier::Prose, &p.points);
                if let Some(note) = &p.points_note {
                    out.push(f("points_note", Tier::Prose, note));
                }
            }
            Entry::Activity(a) => {
                out.push(f("id", Tier::Key, &a.id));
                out.push(f("title", Tier::Title, &a.title));
                out.push(f("description", Tier::Prose, &a.description));
            }
            Entry::Objective(o) => {
                out.push(Field {
                    name: "number",
                    tier: Tier::Key,
                    text: Cow::Owned(o.number.to_string()),
                });
                out.push(f("title", Tier::Title, &o.title));
                out.push(f("label", Tier::Short, &o.label));
            }
            Entry::Event(e) => {
                out.push(f("id", Tier::Key, &e.id));
                out.push(f("when", Tier::Short, &e.when));
                out.push(f("event", Tier::Prose, &e.event));
            }
            Entry::Term(t) => {
                out.push(f("acronym", Tier::Key, &t.acronym));
                // Below the entries they name: `refugees` should find UNHCR before its acronym.
                all(&mut out, "expansions", Tier::Short, &t.expansions);
                if let Some(note) = &t.note {
                    out.push(f("note", Tier::Prose, note));
                }
            }
        }
        out
    }

    /// Ids this entry names explicitly as related.
    fn related_ids(&self) -> &'a [String] {
        match *self {
            Entry::Group(g, _) => &g.co_chairs,
            Entry::Activity(a) => &a.related,
            Entry::Publication(p) => &p.related,
            Entry::Event(e) => &e.related,
            Entry::Term(t) => t.refers_to.as_slice(),
            _ => &[],
        }
    }

    /// The entry's source URLs.
    pub(crate) fn sources(&self) -> Vec<&'a str> {
        match *self {
            Entry::Group(g, gcm) => g
                .sources
                .iter()
                .chain(&gcm.sources)
                .map(String::as_str)
                .collect(),
            Entry::Member(m) => m.sources.iter().map(String::as_str).collect(),
            Entry::Issue(i) => vec![&i.source],
            Entry::Publication(p) => p.sources.iter().map(String::as_str).collect(),
            Entry::Activity(a) => vec![&a.source],
            Entry::Objective(o) => vec![&o.source],
            Entry::Event(e) => vec![&e.source],
            Entry::Term(t) => vec![&t.source],
        }
    }
}

/// Words in a text that look like acronyms: two or more capitals, with any digits after them
/// dropped (`CSW61` is `CSW`).
pub(crate) fn acronyms_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(|word| word.trim_end_matches(|c: char| c.is_ascii_digit()))
        .filter(|word| word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase()))
}

/// Where a rule is broken: a path into the data (`members[3].category`) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A dataset that could not be loaded: a syntax or shape error, or broken rules.
#[derive(Debug)]
pub(crate) enum LoadError {
    Syntax(Box<toml::de::Error>),
    Rules(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax(err) => write!(f, "{}", err.to_string().trim_end()),
            LoadError::Rules(problems) => {
                write!(f, "{} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl Dataset {
    /// Parses a dataset strictly (unknown keys are errors) and checks its rules.
    pub(crate) fn load(text: &str) -> Result<Dataset, LoadError> {
        let data = match load_in_pieces(text, PIECE_BYTES) {
            Some(data) => data,
            None => toml::from_str(text).map_err(|e| LoadError::Syntax(Box::new(e)))?,
        };
        let problems = data.problems();
        if problems.is_empty() {
            Ok(data)
        } else {
            Err(LoadError::Rules(problems))
        }
    }

    /// The bundled dataset as build.rs compiled it: already checked against every rule, so it
    /// is only deserialised here.
    pub(crate) fn from_checked_json(json: &str) -> Result<Dataset, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Every entry, in kind order and then in the order of the file.
    pub(crate) fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        std::iter::once(Entry::Group(&self.group, &self.gcm))
            .chain(self.members.iter().map(Entry::Member))
            .chain(self.issues.iter().map(Entry::Issue))
            .chain(self.publications.iter().map(Entry::Publication))
            .chain(self.activities.iter().map(Entry::Activity))
            .chain(self.objectives.iter().map(Entry::Objective))
            .chain(self.timeline.iter().map(Entry::Event))
            .chain(self.glossary.iter().map(Entry::Term))
    }

    /// The entry with this id among those that have string ids (not issues, objectives or terms).
    pub(crate) fn entry_by_id(&self, id: &str) -> Option<Entry<'_>> {
        self.entries()
            .filter(|e| !matches!(e, Entry::Issue(_) | Entry::Objective(_) | Entry::Term(_)))
            .find(|e| e.id() == id)
    }

    pub(crate) fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    pub(crate) fn members_in(&self, slug: &str) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.category == slug)
    }

    pub(crate) fn term(&self, acronym: &str) -> Option<&Term> {
        self.glossary
            .iter()
            .find(|t| t.acronym.eq_ignore_ascii_case(acronym))
    }

    /// Entries related to `entry`: those it names, those that name it, the entries that the
    /// acronyms in its text stand for, and for a member its co-chair role.
    pub(crate) fn related(&self, entry: Entry<'_>) -> Vec<EntryRef> {
        let own_id = entry.id();
        let mut out: Vec<EntryRef> = Vec::new();
        let mut push = |r: EntryRef| {
            let same = r.kind == entry.kind().as_str() && r.id == own_id;
            if !same && !out.iter().any(|o| o.kind == r.kind && o.id == r.id) {
                out.push(r);
            }
        };
        if let Entry::Member(m) = entry
            && self.group.co_chairs.contains(&m.id)
        {
            push(EntryRef {
                via: Some("co-chair".into()),
                ..Entry::Group(&self.group, &self.gcm).to_ref()
            });
        }
        for id in entry.related_ids() {
            if let Some(other) = self.entry_by_id(id) {
                push(other.to_ref());
            }
        }
        if !matches!(entry, Entry::Group(..)) {
            for other in self.entries() {
                if other.related_ids().iter().any(|id| *id == own_id) {
                    push(other.to_ref());
                }
            }
        }
        let mut seen = BTreeSet::new();
        for field in entry.fields() {
            if field.tier == Tier::Key {
                continue;
            }
            for acronym in acronyms_in(&field.text) {
                if !seen.insert(acronym.to_string()) {
                    continue;
                }
                let Some(target) = self.term(acronym).and_then(|t| t.refers_to.as_deref()) else {
                    continue;
                };
                if let Some(other) = self.entry_by_id(target) {
                    push(EntryRef {
                        via: Some(format!("via {acronym}")),
                        ..other.to_ref()
                    });
                }
            }
        }
        out
    }

    /// Every broken rule, all at once, in file order.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut problem = |path: String, message: String| problems.push(Problem { path, message });

        // Ids are unique across every kind that has one.
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let id_paths = std::iter::once(("group".to_string(), &self.group.id))
            .chain(
                self.members
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (format!("members[{i}]"), &m.id)),
            )
            .chain(
                self.activities
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (format!("activities[{i}]"), &a.id)),
            )
            .chain(
                self.publications
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("publications[{i}]"), &p.id)),
            )
            .chain(
                self.timeline
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (format!("timeline[{i}]"), &e.id)),
            );
        for (path, id) in id_paths {
            if !is_slug(id) {
                problem(
                    format!("{path}.id"),
                    format!("id `{id}` must be lowercase letters, digits and hyphens"),
                );
            }
            if let Some(first) = ids.insert(id.clone(), path.clone()) {
                problem(
                    format!("{path}.id"),
                    format!("duplicate id `{id}`, already used by {first}"),
                );
            }
        }
        let mut acronyms = BTreeSet::new();
        for (i, term) in self.glossary.iter().enumerate() {
            // Acronyms end up in completion scripts: letters, digits and hyphens only.
            if term.acronym.is_empty()
                || !term
                    .acronym
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-')
            {
                problem(
                    format!("glossary[{i}].acronym"),
                    format!("acronym `{}` must be letters and digits", term.acronym),
                );
            }
            if !acronyms.insert(term.acronym.to_uppercase()) {
                problem(
                    format!("glossary[{i}].acronym"),
                    format!("duplicate acronym `{}`", term.acronym),
                );
            }
            if term.expansions.is_empty() {
                problem(
                    format!("glossary[{i}].expansions"),
                    "no expansion given".into(),
                );
            }
        }

        // Categories: known, unique and none empty.
        let mut slugs = BTreeSet::new();
        for (i, category) in self.categories.iter().enumerate() {
            if !is_slug(&category.slug) {
                problem(
                    format!("categories[{i}].slug"),
                    format!(
                        "slug `{}` must be lowercase letters, digits and hyphens",
                        category.slug
                    ),
                );
            }
            if !slugs.insert(category.slug.as_str()) {
                problem(
                    format!("categories[{i}].slug"),
                    format!("duplicate category `{}`", category.slug),
                );
            }
            if self.members_in(&category.slug).next().is_none() {
                problem(
                    format!("categories[{i}]"),
                    format!("category `{}` has no members", category.slug),
                );
            }
        }
        for (i, member) in self.members.iter().enumerate() {
            if self.category(&member.category).is_none() {
                let known: Vec<&str> = self.categories.iter().map(|c| c.slug.as_str()).collect();
                problem(
                    format!("members[{i}].category"),
                    format!(
                        "unknown category `{}` (known: {})",
                        member.category,
                        known.join(", ")
                    ),
                );
            }
        }

        // Numbered entries: exactly 1..=N, each once.
        check_numbers(
            &mut problem,
            "issues",
            self.issues.iter().map(|i| i.number),
            5,
        );
        check_numbers(
            &mut problem,
            "objectives",
            self.objectives.iter().map(|o| o.number),
            23,
        );
        for (i, issue) in self.issues.iter().enumerate() {
            if issue.title.is_none() && issue.label.is_none() {
                problem(
                    format!("issues[{i}]"),
                    "an issue without a title needs a descriptive `label`".into(),
                );
            }
        }

        // Links between entries point at entries that exist.
        for (i, chair) in self.group.co_chairs.iter().enumerate() {
            if !self.members.iter().any(|m| m.id == *chair) {
                problem(
                    format!("group.co_chairs[{i}]"),
                    format!("no member has the id `{chair}`"),
                );
            }
        }
        for entry in self.entries() {
            for id in entry.related_ids() {
                if self.entry_by_id(id).is_none() {
                    problem(
                        entry_path(self, entry),
                        format!("related id `{id}` names no entry"),
                    );
                }
            }
        }
        for (i, term) in self.glossary.iter().enumerate() {
            if let Some(target) = &term.refers_to
                && self.entry_by_id(target).is_none()
            {
                problem(
                    format!("glossary[{i}].refers_to"),
                    format!("`{target}` names no entry"),
                );
            }
        }

        if !is_date(&self.meta.updated) {
            problem(
                "meta.updated".into(),
                format!("`{}` is not a date as YYYY-MM-DD", self.meta.updated),
            );
        }

        // Every entry is sourced, and every acronym it uses is in the glossary.
        for url in [&self.meta.page, &self.group.secretariat_url] {
            if !is_http(url) {
                problem("meta".into(), format!("`{url}` is not an http(s) URL"));
            }
        }
        for entry in self.entries() {
            let sources = entry.sources();
            if sources.is_empty() {
                problem(entry_path(self, entry), "no source given".into());
            }
            for url in sources {
                if !is_http(url) {
                    problem(
                        entry_path(self, entry),
                        format!("source `{url}` is not an http(s) URL"),
                    );
                }
            }
            for field in entry.fields() {
                for acronym in acronyms_in(&field.text) {
                    if self.term(acronym).is_none() {
                        problem(
                            format!("{}.{}", entry_path(self, entry), field.name),
                            format!("acronym `{acronym}` has no glossary entry"),
                        );
                    }
                }
            }
        }
        problems
    }
}

// ---------------------------------------------------------------------------------------------
// Loading a large file in pieces

/// The least a piece of a file holds; a piece ends before a table header.
const PIECE_BYTES: usize = 256 * 1024;

/// Reads a dataset file in pieces of about `piece_bytes`, each cut before a table header and
/// parsed on its own, then joined in order. The `toml` crate holds every token and event of the
/// text it parses, several times the text's size: in pieces, a 40 MB file needs that only for
/// 256 KB at a time.
///
/// `None` wherever the pieces might not read as the whole file does, and the caller then parses
/// it whole (which also gives errors their true line numbers): any piece that does not parse (a
/// cut inside a multi-line string or array always leaves one unclosed), keys above the first
/// header, a table other than an array of tables in two pieces, a section missing.
pub(crate) fn load_in_pieces(text: &str, piece_bytes: usize) -> Option<Dataset> {
    let is_header = |line: &str| line.trim_start().starts_with('[');
    let root_has_keys = text
        .lines()
        .take_while(|line| !is_header(line))
        .any(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'));
    if root_has_keys {
        return None;
    }
    let mut whole = Piece::default();
    let mut start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset - start >= piece_bytes && is_header(line) {
            whole.join(toml::from_str(&text[start..offset]).ok()?)?;
            start = offset;
        }
        offset += line.len();
    }
    whole.join(toml::from_str(&text[start..]).ok()?)?;
    whole.into_dataset()
}

/// The sections one piece of a dataset file holds: every one optional.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Piece {
    meta: Option<Meta>,
    group: Option<Group>,
    categories: Option<Vec<Category>>,
    members: Option<Vec<Member>>,
    issues: Option<Vec<Issue>>,
    activities: Option<Vec<Activity>>,
    publications: Option<Vec<Publication>>,
    timeline: Option<Vec<Event>>,
    gcm: Option<Gcm>,
    objectives: Option<Vec<Objective>>,
    glossary: Option<Vec<Term>>,
}

impl Piece {
    /// Adds the next piece; `None` if both define the same table, which one file cannot.
    fn join(&mut self, next: Piece) -> Option<()> {
        fn once<T>(have: &mut Option<T>, next: Option<T>) -> Option<()> {
            match (&have, next) {
                (Some(_), Some(_)) => return None,
                (None, next @ Some(_)) => *have = next,
                (_, None) => {}
            }
            Some(())
        }
        fn extend<T>(have: &mut Option<Vec<T>>, next: Option<Vec<T>>) {
            if let Some(next) = next {
                have.get_or_insert_with(Vec::new).extend(next);
            }
        }
        once(&mut self.meta, next.meta)?;
        once(&mut self.group, next.group)?;
        once(&mut self.gcm, next.gcm)?;
        extend(&mut self.categories, next.categories);
        extend(&mut self.members, next.members);
        extend(&mut self.issues, next.issues);
        extend(&mut self.activities, next.activities);
        extend(&mut self.publications, next.publications);
        extend(&mut self.timeline, next.timeline);
        extend(&mut self.objectives, next.objectives);
        extend(&mut self.glossary, next.glossary);
        Some(())
    }

    fn into_dataset(self) -> Option<Dataset> {
        Some(Dataset {
            meta: self.meta?,
            group: self.group?,
            categories: self.categories?,
            members: self.members?,
            issues: self.issues?,
            activities: self.activities?,
            publications: self.publications?,
            timeline: self.timeline?,
            gcm: self.gcm?,
            objectives: self.objectives?,
            glossary: self.glossary?,
        })
    }
}

/// The path of an entry in the file, for problem reports (`members[3]`).
fn entry_path(data: &Dataset, entry: Entry<'_>) -> String {
    fn index_of<T>(items: &[T], item: &T) -> usize {
        items
            .iter()
            .position(|x| std::ptr::eq(x, item))
            .unwrap_or_default()
    }
    match entry {
        Entry::Group(..) => "group".into(),
        Entry::Member(m) => format!("members[{}]", index_of(&data.members, m)),
        Entry::Issue(i) => format!("issues[{}]", index_of(&data.issues, i)),
        Entry::Publication(p) => format!("publications[{}]", index_of(&data.publications, p)),
        Entry::Activity(a) => format!("activities[{}]", index_of(&data.activities, a)),
        Entry::Objective(o) => format!("objectives[{}]", index_of(&data.objectives, o)),
        Entry::Event(e) => format!("timeline[{}]", index_of(&data.timeline, e)),
        Entry::Term(t) => format!("glossary[{}]", index_of(&data.glossary, t)),
    }
}

fn check_numbers(
    problem: &mut impl FnMut(String, String),
    table: &str,
    numbers: impl Iterator<Item = u32>,
    count: u32,
) {
    let mut seen = BTreeSet::new();
    for (i, n) in numbers.enumerate() {
        if !(1..=count).contains(&n) {
            problem(
                format!("{table}[{i}].number"),
                format!("{table} are numbered 1 to {count}, not {n}"),
            );
        } else if !seen.insert(n) {
            problem(
                format!("{table}[{i}].number"),
                format!("number {n} is used twice"),
            );
        }
    }
    let missing: Vec<String> = (1..=count)
        .filter(|n| !seen.contains(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        problem(
            table.into(),
            format!("missing number(s) {}", missing.join(", ")),
        );
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())))
}

fn is_http(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Dataset {
        Dataset::load(BUNDLED).unwrap_or_else(|e| panic!("bundled data must load: {e}"))
    }

    #[test]
    fn bundled_data_keeps_every_rule() {
        assert_eq!(bundled().problems(), Vec::<Problem>::new());
    }

    #[test]
    fn bundled_data_has_the_expected_shape() {
        let data = bundled();
        assert_eq!(data.members.len(), 18);
        assert_eq!(data.categories.len(), 6);
        assert_eq!(data.issues.len(), 5);
        assert_eq!(data.objectives.len(), 23);
        assert_eq!(data.timeline.len(), 12);
        assert!(data.issues[0].title.is_none(), "issue 1 has no known title");
    }

    fn load_error(text: &str) -> String {
        match Dataset::load(text) {
            Ok(_) => panic!("the data should not load"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let text = BUNDLED.replacen("[meta]\n", "[meta]\ncolour = \"red\"\n", 1);
        let err = load_error(&text);
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn broken_rules_are_all_reported() {
        let text = BUNDLED
            .replacen("id = \"cedaw\"", "id = \"cmw\"", 1)
            .replacen("category = \"academia\"", "category = \"academy\"", 1)
            .replacen("number = 5\n", "number = 6\n", 1)
            .replacen("source = \"https://ppguide", "source = \"ftp://ppguide", 1);
        let Err(LoadError::Rules(problems)) = Dataset::load(&text) else {
            panic!("broken data must fail on its rules");
        };
        let all = problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        for needle in [
            "duplicate id `cmw`",
            "unknown category `academy`",
            "category `academia` has no members",
            "issues are numbered 1 to 5, not 6",
            "missing number(s) 5",
            "no member has the id `cedaw`",
        ] {
            assert!(all.contains(needle), "missing `{needle}` in:\n{all}");
        }
    }

    #[test]
    fn acronyms_are_found_and_must_be_in_the_glossary() {
        let found: Vec<&str> =
            acronyms_in("CSW61 side event, UN Women and OHCHR; GCMGender a I").collect();
        assert_eq!(found, ["CSW", "UN", "OHCHR"]);
        let text = BUNDLED.replacen(
            "UN agency working for children.",
            "UN agency for children (XYZ).",
            1,
        );
        let err = load_error(&text);
        assert!(err.contains("acronym `XYZ` has no glossary entry"), "{err}");
    }

    #[test]
    fn related_follows_roles_links_and_acronyms() {
        let data = bundled();
        let cedaw = data
            .members
            .iter()
            .find(|m| m.id == "cedaw")
            .map(Entry::Member)
            .unwrap();
        let related = data.related(cedaw);
        assert!(
            related
                .iter()
                .any(|r| r.kind == "group" && r.via.as_deref() == Some("co-chair"))
        );

        let issue2 = Entry::Issue(&data.issues[1]);
        let related = data.related(issue2);
        assert!(
            related
                .iter()
                .any(|r| r.id == "cescr" && r.via.as_deref() == Some("via ICESCR")),
            "{related:?}"
        );
    }
}

#[cfg(test)]
mod pieces {
    //! A file read in pieces reads as it does whole, and where it might not, it is read whole.

    use super::*;

    fn whole(text: &str) -> Result<Dataset, toml::de::Error> {
        toml::from_str(text)
    }

    #[test]
    fn any_piece_size_reads_the_bundled_file_as_its_whole_parse() {
        let expected = whole(BUNDLED).expect("bundled data parses");
        for piece_bytes in [0, 1, 100, 1_000, 10_000, PIECE_BYTES] {
            assert_eq!(
                load_in_pieces(BUNDLED, piece_bytes).as_ref(),
                Some(&expected),
                "{piece_bytes}"
            );
        }
    }

    #[test]
    fn a_header_like_line_in_a_multi_line_string_is_read_whole() {
        let details = "details = \"The convention was adopted on 18 December 1990 and entered \
                       into force on 1 July 2003.\"";
        assert!(BUNDLED.contains(details));
        let text = BUNDLED.replacen(
            details,
            "details = \"\"\"\n[[members]]\nid = 'not an entry'\n\"\"\"",
            1,
        );
        assert_eq!(load_in_pieces(&text, 0), None);
        let data = Dataset::load(&text).expect("the whole file loads");
        assert_eq!(
            data.members.len(),
            whole(BUNDLED).expect("parses").members.len()
        );
        assert!(
            data.members[0]
                .details
                .as_deref()
                .is_some_and(|d| d.contains("not an entry"))
        );
    }

    #[test]
    fn what_only_the_whole_file_can_judge_is_read_whole() {
        let cases = [
            // A table defined twice: an error in one file, so it must not pass in pieces.
            format!(
                "{BUNDLED}\n[meta]\nupdated = \"2026-01-01\"\npage = \"https://example.org\"\n"
            ),
            // Keys above the first header.
            format!("members = []\n{BUNDLED}"),
            // A section missing altogether.
            BUNDLED.replace("[[issues]]", "[[unknown]]"),
            // A sub-table of an array entry, cut from the entry it belongs to.
            BUNDLED.replacen("[[issues]]", "[members.extra]\nnote = \"x\"\n[[issues]]", 1),
        ];
        for text in &cases {
            assert_eq!(load_in_pieces(text, 0), None, "{text:.60}");
            assert!(whole(text).is_err(), "{text:.60}");
            assert!(matches!(Dataset::load(text), Err(LoadError::Syntax(_))));
        }
    }
}

#[cfg(test)]
mod properties {
    //! Export then load is the identity, whatever text the entries hold.

    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn export_then_load_is_the_identity(
            texts in proptest::collection::vec(any::<String>(), 1..8),
            picks in proptest::collection::vec(0usize..1000, 1..8),
        ) {
            let mut data = Dataset::load(BUNDLED).expect("bundled data loads");
            for (i, (text, pick)) in texts.iter().zip(&picks).enumerate() {
                let (m, n, t) = (pick % data.members.len(), pick % data.issues.len(), pick % data.glossary.len());
                match i % 4 {
                    0 => data.members[m].description = text.clone(),
                    1 => data.members[m].aliases.push(text.clone()),
                    2 => data.issues[n].summary = text.clone(),
                    _ => data.glossary[t].note = Some(text.clone()),
                }
            }
            let exported = toml::to_string(&data).expect("serialises");
            let loaded: Dataset = toml::from_str(&exported).expect("what was exported loads");
            prop_assert_eq!(loaded, data);
        }

        #[test]
        fn pieces_read_as_the_whole_file_or_not_at_all(
            // Newlines, brackets and quotes: multi-line strings with lines that look like headers.
            texts in proptest::collection::vec("[a-z \n\\[\\]\"'#=]{0,60}", 1..8),
            picks in proptest::collection::vec(0usize..1000, 1..8),
        ) {
            let mut data = Dataset::load(BUNDLED).expect("bundled data loads");
            let members = data.members.len();
            for (text, pick) in texts.iter().zip(&picks) {
                data.members[pick % members].description = text.clone();
            }
            let exported = toml::to_string(&data).expect("serialises");
            // Every header starts a piece; only a text with a line that looks like a header may
            // make the pieces refuse.
            match load_in_pieces(&exported, 0) {
                Some(pieces) => prop_assert_eq!(pieces, data),
                None => prop_assert!(
                    texts.iter().any(|t| t.lines().any(|l| l.trim_start().starts_with('['))),
                    "{exported}"
                ),
            }
        }
    }
}
