//! The typed model: one struct per section and kind of entry, read strictly from TOML (unknown
//! keys are errors) and written back by `ewg data export`.

use serde::{Deserialize, Serialize};

use crate::registry::sections;

sections! {
    /// A whole dataset: the sections of a dataset file, in the order an export writes them.
    meta: Meta,
    group: Group,
    categories: Vec<Category>,
    members: Vec<Member>,
    issues: Vec<Issue>,
    activities: Vec<Activity>,
    publications: Vec<Publication>,
    timeline: Vec<Event>,
    gcm: Gcm,
    objectives: Vec<Objective>,
    guide: Vec<Chapter>,
    glossary: Vec<Term>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The day the dataset was last checked against its sources (YYYY-MM-DD).
    pub updated: String,
    /// The group's own page, the primary source.
    pub page: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Other forms of the name the sources use, so that each is found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
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
pub struct Category {
    pub slug: String,
    pub name: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
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
    /// About the sources, not the member: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub website: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
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
    /// About the sources, not the note: shown apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: String,
}

/// What the tool shows in place of a title no source gives.
pub const UNTITLED: &str = "title not given in the source";

impl Issue {
    /// The title, or the descriptive label marked as not being one.
    pub fn display_title(&self) -> String {
        match (&self.title, &self.label) {
            (Some(title), _) => title.clone(),
            (None, Some(label)) => format!("{label} [{UNTITLED}]"),
            (None, None) => format!("[{UNTITLED}]"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Other names the page uses for what the activity names ("UN Migration Network").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub id: String,
    /// statement, guide or recommendations.
    pub kind: String,
    pub title: String,
    /// Other forms of the title the sources use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Who wrote it, as the sources say: an organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who published it, where the sources say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    pub date: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_note: Option<String>,
    /// What the publication says of the COVID-19 pandemic's impacts (the guide's own page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covid_impacts: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// The date as sources give it ("March 2017", "13 July 2018").
    pub when: String,
    /// YYYY[-MM[-DD]], for ordering only.
    pub sort: String,
    pub event: String,
    /// About the sources, not the event ("the day is not verified"): shown apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Gcm {
    pub name: String,
    pub also_called: String,
    pub description: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub number: u32,
    pub title: String,
    pub label: String,
    /// The objective's page in the Policies and Practice Guide.
    pub guide: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub acronym: String,
    /// What the acronym stands for; the first is the usual reading. None where no source spells
    /// it out (a name used as a word, COVID-19): the note then says so.
    #[serde(default)]
    pub expansions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The id of the entry the acronym names, where the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    pub source: String,
}

/// One chapter of the Policies and Practice Guide: what could be read of its page for one GCM
/// objective. Nothing beyond what was read is stored; `not_read` says what the page has that the
/// dataset does not.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// The GCM objective the chapter is about.
    pub objective: u32,
    /// The chapter's page: https://ppguide.unwomen.org/objective/N.
    pub source: String,
    /// The French or Spanish copy of the page the text was read from, where the English page
    /// could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_source: Option<String>,
    /// The issues for migrant women and girls, one point each, in the project's words.
    #[serde(default)]
    pub issues: Vec<String>,
    /// The measures that could be read, in the project's words.
    #[serde(default)]
    pub measures: Vec<String>,
    /// Instruments and bodies the chapter names, exactly as named.
    #[serde(default)]
    pub instruments: Vec<Instrument>,
    /// What of the chapter is not in the dataset ("the rest of the measures, the checklist of
    /// actions and the COVID-19 measures").
    pub not_read: String,
    /// About the sources, not the chapter: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An instrument or body a guide chapter names, with the entry it is, where the dataset has one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub name: String,
    /// The member that is (or monitors) it: `cedaw` for the Convention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The glossary acronym that names it: `SDG`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

/// The guide's pages: chapter N is at `GUIDE_PAGE/objective/N`, its translations at
/// `GUIDE_PAGE/fr/objective/N` and `GUIDE_PAGE/es/objective/N`.
pub const GUIDE_PAGE: &str = "https://ppguide.unwomen.org";
