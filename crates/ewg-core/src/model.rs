//! The typed model: one struct per section and kind of entry, read strictly from TOML (unknown
//! keys are errors) and written back by `ewg data export`, or, for the bundled data, compiled
//! in as the statics build.rs writes (`bake` feature). The bottom of the core: it imports
//! nothing else of the crate.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};

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
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
        #[serde(deny_unknown_fields)]
        pub struct Dataset {
            $($(#[serde($default)])? pub $name: $ty,)*
            /// Every entry's related entries, worked out by build.rs for the bundled data
            /// (`Dataset::make_related_table`); not part of what a file holds, and `None` for a
            /// file. It does not follow a change to the sections: a dataset changed after it was
            /// set must set it to `None`.
            #[serde(skip)]
            pub related_table: Option<&'static str>,
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
                    $($name: take_section!(self.$name $(, $default)?),)*
                    related_table: None,
                })
            }

            /// The dataset with what is missing left empty: for checking the rules over the
            /// entries of a file that could be read.
            pub(crate) fn into_partial_dataset(self) -> Dataset {
                Dataset {
                    $($name: self.$name.unwrap_or_default(),)*
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

/// A text of the model: borrowed from the binary for the bundled data, which build.rs writes
/// as Rust statics (so no command parses it), owned for a file read with `--data`.
pub type Text = Cow<'static, str>;

/// A list of the model: a section, or a field of several values. Like [`Text`], borrowed for
/// the bundled data and owned for a file; it reads like a slice, and [`List::to_mut`] turns it
/// into a `Vec` to change.
#[derive(Clone, PartialEq, Eq)]
pub struct List<T: Clone + 'static>(
    /// Public for the statics build.rs writes, which a `const fn` could not build: a value
    /// with a destructor lives as long as the program only when built in place.
    pub Cow<'static, [T]>,
);

impl<T: Clone + 'static> List<T> {
    /// The values, owned from here on, to change.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        self.0.to_mut()
    }
}

impl<T: Clone + 'static> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

/// Changing a value of a borrowed list copies the list first.
impl<T: Clone + 'static> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.to_mut()
    }
}

impl<T: Clone + 'static> Default for List<T> {
    fn default() -> List<T> {
        List(Cow::Owned(Vec::new()))
    }
}

impl<T: Clone + 'static> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> List<T> {
        List(Cow::Owned(items))
    }
}

impl<'a, T: Clone + 'static> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + fmt::Debug + 'static> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Clone + Serialize + 'static> Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Clone + Deserialize<'de> + 'static> Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<List<T>, D::Error> {
        Vec::<T>::deserialize(deserializer).map(List::from)
    }
}

/// build.rs writes a list as `List(Cow::Borrowed(&[...]))`, which a static can hold.
#[cfg(feature = "bake")]
impl<T: Clone + databake::Bake + 'static> databake::Bake for List<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("ewg_core");
        env.insert("alloc");
        let items = self.0.iter().map(|item| item.bake(env));
        databake::quote! { ewg_core::List(alloc::borrow::Cow::Borrowed(&[#(#items),*])) }
    }
}

#[cfg(feature = "bake")]
impl<T: Clone + databake::BakeSize + 'static> databake::BakeSize for List<T> {
    fn borrows_size(&self) -> usize {
        (&*self.0).borrows_size()
    }
}

/// Whether a list has nothing: serde's test for leaving a field out of an export.
fn is_empty<T: Clone>(list: &List<T>) -> bool {
    list.0.is_empty()
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

impl<T: DeserializeOwned + Clone> Section for List<T> {
    fn join(have: &mut Option<Self>, next: Option<Self>) -> Option<()> {
        if let Some(next) = next {
            have.get_or_insert_with(List::default)
                .to_mut()
                .extend(next.0.into_owned());
        }
        Some(())
    }

    fn salvage<S: Salvager>(
        value: &Spanned<DeValue<'_>>,
        salvager: &mut S,
    ) -> (Option<Self>, S::Report) {
        let (read, report) = salvager.each(value);
        (read.map(List::from), report)
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
    categories: List<Category>,
    members: List<Member>,
    issues: List<Issue>,
    activities: List<Activity>,
    publications: List<Publication>,
    timeline: List<Event>,
    gcm: Gcm,
    objectives: List<Objective>,
    actions: List<Action> [default],
    principles: List<Principle> [default],
    follow_up: List<FollowUp> [default],
    guide: List<Chapter>,
    glossary: List<Term>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The day the dataset was last checked against its sources (YYYY-MM-DD).
    pub updated: Text,
    /// The group's own page, the primary source.
    pub page: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Text,
    pub name: Text,
    /// Other forms of the name the sources use, so that each is found.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub aliases: List<Text>,
    pub short_name: Text,
    pub established: u16,
    pub purpose: Text,
    pub population: Text,
    pub composition: Text,
    pub capacity: Text,
    pub secretariat: Text,
    pub secretariat_url: Text,
    pub co_chairs: List<Text>,
    pub chairing: Text,
    pub origin: Text,
    pub first_mandate: Text,
    pub result: Text,
    pub current_mandate: Text,
    pub methods: List<Text>,
    pub series: Text,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub slug: Text,
    pub name: Text,
    pub source: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<Text>,
    pub name: Text,
    /// Other forms of the name, the page's among them, so that each is found.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub aliases: List<Text>,
    pub category: Text,
    pub description: Text,
    /// The treaty a treaty body monitors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitors: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Text>,
    /// About the sources, not the member: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub website: Text,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub number: u32,
    /// The official title; `None` where no source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// A descriptive label, required where the title is unknown. Never shown as a title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub frameworks: List<Text>,
    /// About the sources, not the note: shown apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub source: Text,
}

/// What the tool shows in place of a title no source gives.
pub const UNTITLED: &str = "title not given in the source";

impl Issue {
    /// The title, or the descriptive label marked as not being one.
    pub fn display_title(&self) -> String {
        match (&self.title, &self.label) {
            (Some(title), _) => title.to_string(),
            (None, Some(label)) => format!("{label} [{UNTITLED}]"),
            (None, None) => format!("[{UNTITLED}]"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: Text,
    pub title: Text,
    pub description: Text,
    /// Other names the page uses for what the activity names ("UN Migration Network").
    #[serde(default, skip_serializing_if = "is_empty")]
    pub aliases: List<Text>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub related: List<Text>,
    pub source: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub id: Text,
    pub kind: PublicationKind,
    pub title: Text,
    /// Other forms of the title the sources use.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub aliases: List<Text>,
    /// Who wrote it, as the sources say: an organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Text>,
    /// Who published it, where the sources say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    pub date: Text,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub points: List<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_note: Option<Text>,
    /// What the publication says of the COVID-19 pandemic's impacts (the guide's own page).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub covid_impacts: List<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub related: List<Text>,
    pub sources: List<Text>,
}

/// What a publication is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Text,
    /// The date as sources give it ("March 2017", "13 July 2018").
    pub when: Text,
    /// YYYY[-MM[-DD]], for ordering only.
    pub sort: Text,
    pub event: Text,
    /// Where it took place, as its text names it ("Geneva"); absent where the text names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    /// About the sources, not the event ("the day is not verified"): shown apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub related: List<Text>,
    pub source: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Gcm {
    pub name: Text,
    pub also_called: Text,
    pub description: Text,
    /// The resolution that holds its text, as its text is cited: by whom, its symbol and the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    pub sources: List<Text>,
}

/// A General Assembly resolution, as a citation names it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Who adopted it: "United Nations General Assembly".
    pub by: Text,
    /// Its document symbol: "A/RES/73/195".
    pub symbol: Text,
    /// The day it was adopted, as sources write it: "19 December 2018".
    pub adopted: Text,
    pub url: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub number: u32,
    pub title: Text,
    pub label: Text,
    /// The objective's page in the Policies and Practice Guide.
    pub guide: Text,
    pub source: Text,
    /// The GCM's paragraph that holds the objective: 16 + its number (data check holds it to that).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// What States commit to, in the project's words; `None` where the paragraph was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Text>,
    /// Which of the six words the commitment names.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub commitment_mentions: List<Mention>,
    /// What of the objective's paragraph and actions is not in the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<Text>,
    /// About the sources, not the objective: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The words whose mention in the GCM's text the dataset records: a gender lens on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The objective's number.
    pub objective: u32,
    /// Its letter in the paragraph: `c` for 23(c).
    pub letter: Text,
    /// What the action says, in the project's words.
    pub text: Text,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub mentions: List<Mention>,
    /// What of the action is not in the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<Text>,
    /// About the sources, not the action: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub source: Text,
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub letter: Text,
    pub title: Text,
    pub text: Text,
    /// Short phrases of the principle as the GCM words them.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub key_terms: List<Text>,
    pub source: Text,
}

impl Principle {
    /// Its paragraph and letter as the GCM cites it: `15(g)`.
    pub fn paragraph(&self) -> String {
        format!("{PRINCIPLES_PARAGRAPH}({})", self.letter)
    }
}

/// A part of the GCM's implementation, follow-up and review: a mechanism, a forum, a review.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub id: Text,
    pub name: Text,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub aliases: List<Text>,
    /// The GCM's paragraphs that set it out; empty where their numbers were not read.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub paragraphs: List<u32>,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub acronym: Text,
    /// What the acronym stands for; the first is the usual reading. None where no source spells
    /// it out (a name used as a word, COVID-19): the note then says so.
    #[serde(default)]
    pub expansions: List<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The id of the entry the acronym names, where the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<Text>,
    pub source: Text,
}

/// One chapter of the Policies and Practice Guide: what could be read of its page for one GCM
/// objective. Nothing beyond what was read is stored; `not_read` says what the page has that the
/// dataset does not.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// The GCM objective the chapter is about.
    pub objective: u32,
    /// The chapter's page: https://ppguide.unwomen.org/objective/N.
    pub source: Text,
    /// The French or Spanish copy of the page the text was read from, where the English page
    /// could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_source: Option<Text>,
    /// The issues for migrant women and girls, one point each, in the project's words.
    #[serde(default)]
    pub issues: List<Text>,
    /// The measures that could be read, in the project's words.
    #[serde(default)]
    pub measures: List<Text>,
    /// Instruments and bodies the chapter names, exactly as named.
    #[serde(default)]
    pub instruments: List<Instrument>,
    /// What of the chapter is not in the dataset ("the rest of the measures, the checklist of
    /// actions and the COVID-19 measures").
    pub not_read: Text,
    /// About the sources, not the chapter: shown apart, as a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An instrument or body a guide chapter names, with the entry it is, where the dataset has one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub name: Text,
    /// The member that is (or monitors) it: `cedaw` for the Convention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Text>,
    /// The glossary acronym that names it: `SDG`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Text>,
}

/// The guide's pages: chapter N is at `GUIDE_PAGE/objective/N`, its translations at
/// `GUIDE_PAGE/fr/objective/N` and `GUIDE_PAGE/es/objective/N`.
pub const GUIDE_PAGE: &str = "https://ppguide.unwomen.org";
