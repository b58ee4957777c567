//! The typed model: one struct per section and kind of entry, read strictly from TOML (unknown
//! keys are errors) and written back by `ewg data export`. The bottom of the core: it imports
//! nothing else of the crate.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::DeValue;

/// Declares `Dataset` (one field per section, in file order), `SECTIONS`, and `Piece` (every
/// section optional), through which files are loaded in pieces and checked section by section.
/// A section marked `[default]` came after files were exported: a file without it loads, with
/// the section empty.
macro_rules! sections {
    ($(#[$doc:meta])* $($name:ident: $ty:ty $([$default:ident])?),* $(,)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize, Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct Dataset {
            $($(#[serde($default)])? pub $name: OnDemand<$ty>,)*
            /// Every entry's related entries, worked out by build.rs for the bundled data
            /// (`Dataset::related_table`); not part of what a file holds.
            #[serde(skip)]
            pub(crate) related_table: Option<&'static str>,
        }

        impl Dataset {
            /// The dataset whose sections are the JSON texts `section` gives by name, each read
            /// when first used, and whose related entries are `related_table`: the bundled
            /// data, which build.rs checked and wrote so. Such a dataset is for reading: its
            /// related table would not follow a change to its sections.
            pub fn on_demand(
                section: impl Fn(&str) -> &'static str,
                related_table: &'static str,
            ) -> Dataset {
                Dataset {
                    $($name: OnDemand::json(section(stringify!($name))),)*
                    related_table: Some(related_table),
                }
            }
        }

        /// Two datasets are equal when their sections are: the related table is worked out
        /// from them.
        impl PartialEq for Dataset {
            fn eq(&self, other: &Dataset) -> bool {
                $(self.$name == other.$name)&&*
            }
        }

        /// The sections of a dataset file, in the order `Dataset` has them, each with whether a
        /// file may leave it out.
        pub const SECTIONS: &[(&str, bool)] = &[$((stringify!($name), may_be_absent!($($default)?))),*];

        /// Some of a dataset's sections: one piece of a file, or what the checker could read.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct Piece {
            $(pub(crate) $name: Option<$ty>,)*
        }

        impl Piece {
            /// Adds the next piece; `None` if both define the same table, which one file cannot.
            pub(crate) fn join(&mut self, next: Piece) -> Option<()> {
                $(Section::join(&mut self.$name, next.$name)?;)*
                Some(())
            }

            /// The dataset, if every section a file must have is there.
            pub(crate) fn into_dataset(self) -> Option<Dataset> {
                Some(Dataset {
                    $($name: OnDemand::ready(take_section!(self.$name $(, $default)?)),)*
                    related_table: None,
                })
            }

            /// The dataset with what is missing left empty: for checking the rules over the
            /// entries of a file that could be read.
            pub(crate) fn into_partial_dataset(self) -> Dataset {
                Dataset {
                    $($name: OnDemand::ready(self.$name.unwrap_or_default()),)*
                    related_table: None,
                }
            }

            /// Reads section `name` of a parse tree into this piece, each entry on its own, with
            /// what the salvager says of it; `None` for a section a dataset does not have.
            pub(crate) fn salvage<S: Salvager>(
                &mut self,
                name: &str,
                value: &Spanned<DeValue<'_>>,
                salvager: &mut S,
            ) -> Option<S::Report> {
                match name {
                    $(stringify!($name) => {
                        let (read, report) = <$ty as Section>::salvage(value, salvager);
                        self.$name = read;
                        Some(report)
                    })*
                    _ => None,
                }
            }
        }
    };
}

/// A section of a dataset: read already, or held as the JSON build.rs wrote of it and read the
/// first time it is used, so that a command pays only for the sections it shows (`ewg members`
/// reads no guide chapter).
#[derive(Clone)]
pub struct OnDemand<T> {
    value: OnceLock<T>,
    json: &'static str,
}

impl<T> OnDemand<T> {
    pub fn ready(value: T) -> OnDemand<T> {
        OnDemand {
            value: OnceLock::from(value),
            json: "",
        }
    }

    /// A section as checked JSON, read when first used.
    pub fn json(json: &'static str) -> OnDemand<T> {
        OnDemand {
            value: OnceLock::new(),
            json,
        }
    }
}

impl<T: DeserializeOwned> Deref for OnDemand<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.value.get_or_init(|| read_section(self.json))
    }
}

/// Reads a section's JSON: once for each kind of section in the binary, not copied into each of
/// the many places that use a section.
#[inline(never)]
fn read_section<T: DeserializeOwned>(json: &str) -> T {
    // Only build.rs makes these texts, from a dataset it has just read and checked: a text that
    // does not read back is a broken build, not a user's mistake.
    serde_json::from_str(json).expect("a section compiled in by build.rs reads back")
}

impl<T: DeserializeOwned> DerefMut for OnDemand<T> {
    fn deref_mut(&mut self) -> &mut T {
        let _ = &**self;
        self.value.get_mut().expect("read just above")
    }
}

impl<'a, T: DeserializeOwned> IntoIterator for &'a OnDemand<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: DeserializeOwned + Default> Default for OnDemand<T> {
    fn default() -> OnDemand<T> {
        OnDemand::ready(T::default())
    }
}

impl<T: DeserializeOwned + PartialEq> PartialEq for OnDemand<T> {
    fn eq(&self, other: &OnDemand<T>) -> bool {
        **self == **other
    }
}

impl<T: DeserializeOwned + fmt::Debug> fmt::Debug for OnDemand<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: DeserializeOwned + Serialize> Serialize for OnDemand<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for OnDemand<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<OnDemand<T>, D::Error> {
        T::deserialize(deserializer).map(OnDemand::ready)
    }
}

macro_rules! may_be_absent {
    () => {
        false
    };
    (default) => {
        true
    };
}

macro_rules! take_section {
    ($value:expr) => {
        $value?
    };
    ($value:expr, default) => {
        $value.unwrap_or_default()
    };
}

/// Reads what can be read of a section of a parse tree, entry by entry: the file checker's part
/// of [`Piece::salvage`], so that the model need not know how problems are reported.
pub(crate) trait Salvager {
    /// What it says of a section it read.
    type Report;
    /// One table.
    fn one<T: DeserializeOwned>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
    ) -> (Option<T>, Self::Report);
    /// An array of tables, each entry on its own.
    fn each<T: DeserializeOwned>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
    ) -> (Option<Vec<T>>, Self::Report);
}

/// A section of a dataset file: one table, or an array of tables.
pub(crate) trait Section: Sized {
    /// Adds a later piece's part of the section; `None` if a table is defined twice.
    fn join(have: &mut Option<Self>, next: Option<Self>) -> Option<()>;
    /// Reads what can be read of the section.
    fn salvage<S: Salvager>(
        value: &Spanned<DeValue<'_>>,
        salvager: &mut S,
    ) -> (Option<Self>, S::Report);
}

impl<T: DeserializeOwned> Section for Vec<T> {
    fn join(have: &mut Option<Self>, next: Option<Self>) -> Option<()> {
        if let Some(next) = next {
            have.get_or_insert_with(Vec::new).extend(next);
        }
        Some(())
    }

    fn salvage<S: Salvager>(
        value: &Spanned<DeValue<'_>>,
        salvager: &mut S,
    ) -> (Option<Self>, S::Report) {
        salvager.each(value)
    }
}

macro_rules! single_sections {
    ($($ty:ty),*) => {$(
        impl Section for $ty {
            fn join(have: &mut Option<Self>, next: Option<Self>) -> Option<()> {
                match (&have, next) {
                    (Some(_), Some(_)) => return None,
                    (None, next @ Some(_)) => *have = next,
                    (_, None) => {}
                }
                Some(())
            }

            fn salvage<S: Salvager>(
                value: &Spanned<DeValue<'_>>,
                salvager: &mut S,
            ) -> (Option<Self>, S::Report) {
                salvager.one(value)
            }
        }
    )*};
}
single_sections!(Meta, Group, Gcm);

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
    actions: Vec<Action> [default],
    principles: Vec<Principle> [default],
    follow_up: Vec<FollowUp> [default],
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
    pub kind: PublicationKind,
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

/// What a publication is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicationKind {
    /// A statement of the group, published on the web.
    Statement,
    /// The Policies and Practice Guide.
    Guide,
    /// A set of recommendations, published as a report.
    Recommendations,
}

impl PublicationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PublicationKind::Statement => "statement",
            PublicationKind::Guide => "guide",
            PublicationKind::Recommendations => "recommendations",
        }
    }
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
    /// Where it took place, as its text names it ("Geneva"); absent where the text names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
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
    /// The resolution that holds its text, as its text is cited: by whom, its symbol and the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    pub sources: Vec<String>,
}

/// A General Assembly resolution, as a citation names it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Who adopted it: "United Nations General Assembly".
    pub by: String,
    /// Its document symbol: "A/RES/73/195".
    pub symbol: String,
    /// The day it was adopted, as sources write it: "19 December 2018".
    pub adopted: String,
    pub url: String,
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
    /// The GCM's paragraph that holds the objective: 16 + its number (data check holds it to that).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// What States commit to, in the project's words; `None` where the paragraph was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
    /// Which of the six words the commitment names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitment_mentions: Vec<Mention>,
    /// What of the objective's paragraph and actions is not in the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<String>,
    /// About the sources, not the objective: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The words whose mention in the GCM's text the dataset records: a gender lens on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mention {
    Women,
    Girls,
    Gender,
    Sex,
    Family,
    Children,
}

impl Mention {
    pub const ALL: [Mention; 6] = [
        Mention::Women,
        Mention::Girls,
        Mention::Gender,
        Mention::Sex,
        Mention::Family,
        Mention::Children,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Mention::Women => "women",
            Mention::Girls => "girls",
            Mention::Gender => "gender",
            Mention::Sex => "sex",
            Mention::Family => "family",
            Mention::Children => "children",
        }
    }

    /// Women, girls or gender: the words of the gender lens the group asks for.
    pub fn is_gender_lens(self) -> bool {
        matches!(self, Mention::Women | Mention::Girls | Mention::Gender)
    }
}

/// One action of a GCM objective: a lettered point of its paragraph.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The objective's number.
    pub objective: u32,
    /// Its letter in the paragraph: `c` for 23(c).
    pub letter: String,
    /// What the action says, in the project's words.
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// What of the action is not in the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<String>,
    /// About the sources, not the action: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: String,
}

impl Action {
    /// Its id: the objective's number and the letter, `7c`.
    pub fn code(&self) -> String {
        format!("{}{}", self.objective, self.letter)
    }

    /// Its paragraph and letter as the GCM cites it: `23(c)`.
    pub fn paragraph(&self) -> String {
        format!(
            "{}({})",
            self.objective + OBJECTIVE_PARAGRAPH_OFFSET,
            self.letter
        )
    }

    /// Whether it names women, girls or gender.
    pub fn names_gender(&self) -> bool {
        self.mentions.iter().any(|m| m.is_gender_lens())
    }
}

/// Objective N of the GCM is its paragraph N + 16.
pub const OBJECTIVE_PARAGRAPH_OFFSET: u32 = 16;

/// The GCM's paragraph that holds its guiding principles, lettered (a) to (j).
pub const PRINCIPLES_PARAGRAPH: u32 = 15;

/// One of the GCM's guiding principles (paragraph 15).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub letter: String,
    pub title: String,
    pub text: String,
    /// Short phrases of the principle as the GCM words them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_terms: Vec<String>,
    pub source: String,
}

impl Principle {
    /// Its paragraph and letter as the GCM cites it: `15(g)`.
    pub fn paragraph(&self) -> String {
        format!("{PRINCIPLES_PARAGRAPH}({})", self.letter)
    }
}

/// A part of the GCM's implementation, follow-up and review: a mechanism, a forum, a review.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The GCM's paragraphs that set it out; empty where their numbers were not read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<u32>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub sources: Vec<String>,
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
