//! The registry of entry kinds, and of the sections of a dataset file.
//!
//! One row per kind in [`entry_kinds!`] (its name, where it stands in the file, how users name an
//! entry of it) and one `impl EntryKind` per kind (its id, title, fields, sources and related
//! ids). Everything else is derived from them: [`Kind`], [`Entry`], `Dataset::entries`, id
//! uniqueness, look-ups by id and number, entry paths in problem reports, the counts `ewg` shows
//! and the values `--kind` takes. The sections of a file are one row each in `sections!`
//! (in `model.rs`), from which `Dataset`, loading in pieces and the checker's sections derive.
//!
//! Layers of the core, each importing only those before it in this list: `model`; `registry`;
//! `rules`; `pieces` and `dataset` (loading); `check`; `search`. A test holds them to it.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::model::{
    Action, Activity, Category, Chapter, Dataset, Event, FollowUp, Gcm, Group, Issue, Member,
    Objective, Principle, Publication, PublicationKind, Term, Text,
};

// ---------------------------------------------------------------------------------------------
// Kinds of entry

/// How users name an entry of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdStyle {
    /// A slug (`cedaw`), unique across every kind named this way.
    Slug,
    /// A number from 1 to however many entries of the kind the file holds (`issues show 3`).
    Number,
    /// An acronym, in any case (`define icescr`).
    Acronym,
    /// A code unique within its kind, of its own form: an action's `7c`, a principle's `g`.
    Code,
}

/// Whether a kind's section holds one entry or an array of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    One,
    Many,
}

/// What each kind of entry tells about itself: one impl per kind.
pub trait EntryKind<'a>: Copy {
    /// Every entry of this kind, in the order of the file.
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self>;
    /// The id a user types: a slug, a number or an acronym, as the kind's [`IdStyle`] says.
    fn id(self) -> Cow<'a, str>;
    fn title(self) -> Cow<'a, str>;
    /// Every text of the entry that search reads and the acronym rule checks, with its tier.
    fn fields(self) -> Vec<Field<'a>>;
    /// The entry's source URLs.
    fn sources(self) -> Vec<&'a str>;
    /// Ids of entries this one names as related: slugs, or glossary acronyms.
    fn related_ids(self) -> Vec<&'a str> {
        Vec::new()
    }
}

/// Declares [`Kind`] and [`Entry`] from one row per kind, and derives from the rows and the
/// kinds' `EntryKind` impls what every kind has.
macro_rules! entry_kinds {
    (<$lt:lifetime> $(
        $(#[$doc:meta])*
        $variant:ident($payload:ty): $name:literal, $noun:literal, $plural:literal, $layout:ident $section:literal, $id:expr,
            command $command:expr, words $words:expr, prior $prior:expr;
    )*) => {
        /// The kinds of entry, in the order ties are broken in search and listings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
        pub enum Kind {
            $($(#[$doc])* $variant,)*
        }

        impl Kind {
            /// Every kind, in order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            /// The kind's name, as `--kind` and JSON write it.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// What one entry is called in messages ("issue", "chapter").
            pub fn noun(self) -> &'static str {
                match self { $(Kind::$variant => $noun,)* }
            }

            /// What more than one are called ("activities", "chapters").
            pub fn plural(self) -> &'static str {
                match self { $(Kind::$variant => $plural,)* }
            }

            /// Where entries of the kind stand in a dataset file.
            pub fn section(self) -> &'static str {
                match self { $(Kind::$variant => $section,)* }
            }

            pub fn layout(self) -> Layout {
                match self { $(Kind::$variant => Layout::$layout,)* }
            }

            pub fn id_style(self) -> IdStyle {
                match self { $(Kind::$variant => $id,)* }
            }

            /// The `ewg` command that lists and shows the kind's entries, where there is one.
            pub fn command(self) -> Option<&'static str> {
                match self { $(Kind::$variant => $command,)* }
            }

            /// The words a reader names the kind by, singular, the usual one first: a number
            /// after one of a numbered kind's words is a reference (`guidance note 2`), and
            /// `cite action 7c` names an entry by the first.
            pub fn words(self) -> &'static [&'static str] {
                match self { $(Kind::$variant => $words,)* }
            }

            /// A small score search gives every entry of the kind, for hits otherwise alike.
            pub fn search_prior(self) -> f64 {
                match self { $(Kind::$variant => $prior,)* }
            }
        }

        /// Any entry of the dataset, borrowed.
        #[derive(Debug, Clone, Copy)]
        pub enum Entry<$lt> {
            $($variant($payload),)*
        }

        impl<$lt> Entry<$lt> {
            pub fn kind(&self) -> Kind {
                match self { $(Entry::$variant(_) => Kind::$variant,)* }
            }

            pub fn id(&self) -> Cow<$lt, str> {
                match *self { $(Entry::$variant(e) => e.id(),)* }
            }

            pub fn title(&self) -> Cow<$lt, str> {
                match *self { $(Entry::$variant(e) => e.title(),)* }
            }

            pub fn fields(&self) -> Vec<Field<$lt>> {
                match *self { $(Entry::$variant(e) => e.fields(),)* }
            }

            pub fn sources(&self) -> Vec<&$lt str> {
                match *self { $(Entry::$variant(e) => e.sources(),)* }
            }

            pub fn related_ids(&self) -> Vec<&$lt str> {
                match *self { $(Entry::$variant(e) => e.related_ids(),)* }
            }
        }

        impl Serialize for Entry<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self { $(Entry::$variant(e) => e.serialize(serializer),)* }
            }
        }

        impl Dataset {
            /// Every entry, in kind order and then in the order of the file.
            pub fn entries<$lt>(&$lt self) -> impl Iterator<Item = Entry<$lt>> {
                std::iter::empty()
                    $(.chain(<$payload as EntryKind<$lt>>::all(self).map(Entry::$variant)))*
            }

            /// Every entry of one kind, in the order of the file.
            pub fn entries_of<$lt>(&$lt self, kind: Kind) -> Box<dyn Iterator<Item = Entry<$lt>> + $lt> {
                match kind {
                    $(Kind::$variant => Box::new(
                        <$payload as EntryKind<$lt>>::all(self).map(Entry::$variant),
                    ),)*
                }
            }
        }
    };
}

entry_kinds! { <'a>
    // variant(payload): name (--kind, JSON), noun, plural, where in the file, how users name one,
    // the command that lists and shows it, the words readers name the kind by, and search's prior:
    // the group's guidance notes are what readers come for most; guide chapters and actions are
    // many short points of prose, each a field a single word covers well, so they yield ties to
    // the entries that sum a subject up; glossary terms only point elsewhere.
    /// The group itself, with the compact it works on.
    Group(GroupEntry<'a>): "group", "group", "groups", One "group", IdStyle::Slug,
        command None, words &["group"], prior 1.0;
    Member(&'a Member): "member", "member", "members", Many "members", IdStyle::Slug,
        command Some("members"), words &["member"], prior 1.0;
    /// A guidance note of the GCMGender Series.
    Issue(&'a Issue): "issue", "issue", "issues", Many "issues", IdStyle::Number,
        command Some("issues"), words &["issue", "guidance note", "note", "gcmgender series", "series"], prior 3.0;
    Publication(&'a Publication): "publication", "publication", "publications", Many "publications", IdStyle::Slug,
        command Some("publications"), words &["publication", "statement"], prior 1.0;
    Activity(&'a Activity): "activity", "activity", "activities", Many "activities", IdStyle::Slug,
        command Some("activities"), words &["activity"], prior 0.5;
    /// One of the GCM's 23 objectives.
    Objective(&'a Objective): "objective", "objective", "objectives", Many "objectives", IdStyle::Number,
        command Some("objectives"), words &["objective"], prior 0.5;
    /// A chapter of the Policies and Practice Guide, numbered by its objective.
    Chapter(ChapterEntry<'a>): "guide", "chapter", "chapters", Many "guide", IdStyle::Number,
        command Some("guide"), words &["guide", "chapter"], prior 0.25;
    /// A lettered action of a GCM objective (`7c`: objective 7, paragraph 23(c)).
    Action(ActionEntry<'a>): "action", "action", "actions", Many "actions", IdStyle::Code,
        command Some("actions"), words &["action"], prior 0.0;
    /// One of the GCM's guiding principles, paragraph 15 (a)-(j).
    Principle(&'a Principle): "principle", "principle", "principles", Many "principles", IdStyle::Code,
        command Some("principles"), words &["principle", "guiding principle", "guiding principles"], prior 0.5;
    /// A part of the GCM's implementation, follow-up and review.
    FollowUp(&'a FollowUp): "follow-up", "follow-up entry", "follow-up entries", Many "follow_up", IdStyle::Slug,
        command Some("follow-up"), words &["follow-up"], prior 0.5;
    /// A dated event of the timeline.
    Event(&'a Event): "event", "event", "events", Many "timeline", IdStyle::Slug,
        command Some("timeline"), words &["event"], prior 0.25;
    /// An acronym of the glossary.
    Term(&'a Term): "term", "term", "terms", Many "glossary", IdStyle::Acronym,
        command Some("define"), words &["acronym", "term"], prior 0.0;
}

impl Kind {
    /// The kind with this name (`member`), as `--kind` takes it.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == name)
    }

    /// The path of an entry of this kind in a file, for problem reports (`members[3]`).
    pub fn path(self, index: usize) -> String {
        match self.layout() {
            Layout::One => self.section().to_string(),
            Layout::Many => format!("{}[{index}]", self.section()),
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = ewg_core))]
pub enum Tier {
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
pub struct Field<'a> {
    pub name: &'static str,
    pub tier: Tier,
    pub text: Cow<'a, str>,
}

impl<'a> Field<'a> {
    fn new(name: &'static str, tier: Tier, text: &'a str) -> Field<'a> {
        Field {
            name,
            tier,
            text: Cow::Borrowed(text),
        }
    }

    fn number(name: &'static str, number: u32) -> Field<'a> {
        Field {
            name,
            tier: Tier::Key,
            text: Cow::Owned(number.to_string()),
        }
    }
}

/// Fields in the order they are pushed, with the helpers each kind's `fields` needs.
struct Fields<'a>(Vec<Field<'a>>);

impl<'a> Fields<'a> {
    /// Room for the fields most entries have, so that listing them seldom grows the list: every
    /// entry's are listed at every load (rules) and search (the index).
    fn new() -> Self {
        Fields(Vec::with_capacity(8))
    }

    fn of<const N: usize>(fields: [Field<'a>; N]) -> Self {
        let mut all = Fields::new();
        all.0.extend(fields);
        all
    }

    fn one(mut self, name: &'static str, tier: Tier, text: &'a str) -> Self {
        self.0.push(Field::new(name, tier, text));
        self
    }

    fn opt(self, name: &'static str, tier: Tier, text: Option<&'a Text>) -> Self {
        match text {
            Some(text) => self.one(name, tier, text),
            None => self,
        }
    }

    fn all(mut self, name: &'static str, tier: Tier, texts: &'a [Text]) -> Self {
        self.0
            .extend(texts.iter().map(|t| Field::new(name, tier, t)));
        self
    }
}

/// A pointer to an entry: what lists of related entries and search hits carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryRef {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// Why it is related, where that is not obvious ("co-chair", "via ICESCR").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

impl Entry<'_> {
    pub fn to_ref(self) -> EntryRef {
        EntryRef {
            kind: self.kind().as_str(),
            id: self.id().into_owned(),
            title: self.title().into_owned(),
            via: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One impl per kind

/// The group entry: the group carries the GCM with it, since the compact is what the group works
/// on, not an entry of its own.
#[derive(Debug, Clone, Copy)]
pub struct GroupEntry<'a> {
    pub group: &'a Group,
    pub gcm: &'a Gcm,
}

impl Serialize for GroupEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.group.serialize(serializer)
    }
}

impl<'a> EntryKind<'a> for GroupEntry<'a> {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        std::iter::once(GroupEntry {
            group: &data.group,
            gcm: &data.gcm,
        })
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.group.id)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.group.name)
    }
    fn fields(self) -> Vec<Field<'a>> {
        let (g, gcm) = (self.group, self.gcm);
        let mut fields = Fields::new()
            .one("id", Tier::Key, &g.id)
            .one("short_name", Tier::Key, &g.short_name)
            .one("name", Tier::Title, &g.name)
            .all("aliases", Tier::Short, &g.aliases)
            .one("secretariat", Tier::Short, &g.secretariat);
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
            fields = fields.one(name, Tier::Prose, text);
        }
        fields
            .all("methods", Tier::Prose, &g.methods)
            .one("gcm", Tier::Short, &gcm.name)
            .one("gcm_also_called", Tier::Short, &gcm.also_called)
            .one("gcm_description", Tier::Prose, &gcm.description)
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        let (g, gcm) = (self.group, self.gcm);
        g.sources
            .iter()
            .chain(&gcm.sources)
            .map(AsRef::as_ref)
            .collect()
    }
    fn related_ids(self) -> Vec<&'a str> {
        self.group.co_chairs.iter().map(AsRef::as_ref).collect()
    }
}

impl<'a> EntryKind<'a> for &'a Member {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.members.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.id)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.name)
    }
    fn fields(self) -> Vec<Field<'a>> {
        Fields::new()
            .one("id", Tier::Key, &self.id)
            .opt("acronym", Tier::Key, self.acronym.as_ref())
            .one("name", Tier::Title, &self.name)
            .all("aliases", Tier::Short, &self.aliases)
            .one("category", Tier::Short, &self.category)
            .opt("monitors", Tier::Short, self.monitors.as_ref())
            .one("description", Tier::Prose, &self.description)
            .opt("details", Tier::Prose, self.details.as_ref())
            .opt("note", Tier::Prose, self.note.as_ref())
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        self.sources.iter().map(AsRef::as_ref).collect()
    }
}

impl<'a> EntryKind<'a> for &'a Issue {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.issues.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Owned(self.number.to_string())
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Owned(self.display_title())
    }
    fn fields(self) -> Vec<Field<'a>> {
        let mut fields = Fields::of([Field::number("number", self.number)]);
        fields = fields.opt("title", Tier::Title, self.title.as_ref()).opt(
            "label",
            Tier::Short,
            self.label.as_ref(),
        );
        fields
            .all("frameworks", Tier::Short, &self.frameworks)
            .one("summary", Tier::Prose, &self.summary)
            .opt("note", Tier::Prose, self.note.as_ref())
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.source]
    }
}

impl<'a> EntryKind<'a> for &'a Publication {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.publications.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.id)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.title)
    }
    fn fields(self) -> Vec<Field<'a>> {
        Fields::new()
            .one("id", Tier::Key, &self.id)
            .one("title", Tier::Title, &self.title)
            .all("aliases", Tier::Short, &self.aliases)
            .one("kind", Tier::Short, self.kind.as_str())
            .one("date", Tier::Short, &self.date)
            .one("summary", Tier::Prose, &self.summary)
            .all("points", Tier::Prose, &self.points)
            .opt("points_note", Tier::Prose, self.points_note.as_ref())
            .all("covid_impacts", Tier::Prose, &self.covid_impacts)
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        self.sources.iter().map(AsRef::as_ref).collect()
    }
    fn related_ids(self) -> Vec<&'a str> {
        self.related.iter().map(AsRef::as_ref).collect()
    }
}

impl<'a> EntryKind<'a> for &'a Activity {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.activities.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.id)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.title)
    }
    fn fields(self) -> Vec<Field<'a>> {
        Fields::new()
            .one("id", Tier::Key, &self.id)
            .one("title", Tier::Title, &self.title)
            .all("aliases", Tier::Short, &self.aliases)
            .one("description", Tier::Prose, &self.description)
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.source]
    }
    fn related_ids(self) -> Vec<&'a str> {
        self.related.iter().map(AsRef::as_ref).collect()
    }
}

impl<'a> EntryKind<'a> for &'a Objective {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.objectives.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Owned(self.number.to_string())
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.title)
    }
    fn fields(self) -> Vec<Field<'a>> {
        let mut fields = Fields::of([Field::number("number", self.number)])
            .one("title", Tier::Title, &self.title)
            .one("label", Tier::Short, &self.label);
        if let Some(paragraph) = self.paragraph {
            fields.0.push(Field::number("paragraph", paragraph));
            fields.0.push(Field {
                name: "reference",
                tier: Tier::Short,
                text: Cow::Owned(format!("GCM para {paragraph}")),
            });
        }
        fields
            .opt("commitment", Tier::Prose, self.commitment.as_ref())
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.source]
    }
}

/// A GCM action, with the objective it serves (whose title says what the action is about when
/// its own text does not: 10(e) is on trafficking).
#[derive(Debug, Clone, Copy)]
pub struct ActionEntry<'a> {
    pub action: &'a Action,
    pub objective: Option<&'a Objective>,
}

impl Serialize for ActionEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.action.serialize(serializer)
    }
}

impl<'a> EntryKind<'a> for ActionEntry<'a> {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.actions.iter().map(|action| ActionEntry {
            action,
            objective: data.objective(action.objective),
        })
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Owned(self.action.code())
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Owned(format!("GCM para {}", self.action.paragraph()))
    }
    fn fields(self) -> Vec<Field<'a>> {
        let a = self.action;
        let fields = Fields::of([
            Field {
                name: "id",
                tier: Tier::Key,
                text: Cow::Owned(a.code()),
            },
            Field {
                name: "paragraph",
                tier: Tier::Key,
                text: Cow::Owned(a.paragraph()),
            },
            Field {
                name: "reference",
                tier: Tier::Short,
                text: self.title(),
            },
        ])
        // The words it mentions are in its text already: `--mentions` filters by them.
        .one("text", Tier::Prose, &a.text)
        .opt("note", Tier::Prose, a.note.as_ref());
        match self.objective {
            Some(objective) => fields.one("objective", Tier::Prose, &objective.title).0,
            None => fields.0,
        }
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.action.source]
    }
}

impl<'a> EntryKind<'a> for &'a Principle {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.principles.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.letter)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Owned(format!(
            "Guiding principle ({}), GCM para {}: {}",
            self.letter,
            self.paragraph(),
            self.title
        ))
    }
    fn fields(self) -> Vec<Field<'a>> {
        Fields::of([Field {
            name: "reference",
            tier: Tier::Short,
            text: self.title(),
        }])
        .one("letter", Tier::Key, &self.letter)
        .one("title", Tier::Title, &self.title)
        .all("key_terms", Tier::Short, &self.key_terms)
        .one("text", Tier::Prose, &self.text)
        .0
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.source]
    }
}

impl<'a> EntryKind<'a> for &'a FollowUp {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.follow_up.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.id)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.name)
    }
    fn fields(self) -> Vec<Field<'a>> {
        Fields::new()
            .one("id", Tier::Key, &self.id)
            .one("name", Tier::Title, &self.name)
            .all("aliases", Tier::Short, &self.aliases)
            .one("summary", Tier::Prose, &self.summary)
            .opt("note", Tier::Prose, self.note.as_ref())
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        self.sources.iter().map(AsRef::as_ref).collect()
    }
}

/// A guide chapter, with the objective it is about (for its title).
#[derive(Debug, Clone, Copy)]
pub struct ChapterEntry<'a> {
    pub chapter: &'a Chapter,
    pub objective: Option<&'a Objective>,
}

impl Serialize for ChapterEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.chapter.serialize(serializer)
    }
}

impl<'a> EntryKind<'a> for ChapterEntry<'a> {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.guide.iter().map(|chapter| ChapterEntry {
            chapter,
            objective: data.objective(chapter.objective),
        })
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Owned(self.chapter.objective.to_string())
    }
    fn title(self) -> Cow<'a, str> {
        let label = self.objective.map_or("", |o| o.label.as_ref());
        Cow::Owned(format!(
            "Guide, objective {}: {label}",
            self.chapter.objective
        ))
    }
    fn fields(self) -> Vec<Field<'a>> {
        let c = self.chapter;
        // The title stands below the objective's own: a chapter is found by its objective's
        // label, but the objective comes first.
        let mut fields = Fields::of([
            Field::number("objective", c.objective),
            Field {
                name: "title",
                tier: Tier::Short,
                text: self.title(),
            },
        ]);
        // Names the chapter cites, not what it is about: prose, so that `labour standards`
        // finds the ILO before the chapter that cites its standards.
        for instrument in &c.instruments {
            fields = fields.one("instruments", Tier::Prose, &instrument.name);
        }
        fields
            .all("issues", Tier::Prose, &c.issues)
            .all("measures", Tier::Prose, &c.measures)
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        let c = self.chapter;
        std::iter::once(c.source.as_ref())
            .chain(c.text_source.as_deref())
            .collect()
    }
    fn related_ids(self) -> Vec<&'a str> {
        let c = self.chapter;
        c.instruments
            .iter()
            .flat_map(|i| i.member.as_deref().into_iter().chain(i.term.as_deref()))
            .collect()
    }
}

impl<'a> EntryKind<'a> for &'a Event {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.timeline.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.id)
    }
    fn title(self) -> Cow<'a, str> {
        Cow::Owned(format!("{}: {}", self.when, self.event))
    }
    fn fields(self) -> Vec<Field<'a>> {
        Fields::new()
            .one("id", Tier::Key, &self.id)
            .one("when", Tier::Short, &self.when)
            .one("event", Tier::Short, &self.event)
            .opt("place", Tier::Short, self.place.as_ref())
            .opt("note", Tier::Prose, self.note.as_ref())
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.source]
    }
    fn related_ids(self) -> Vec<&'a str> {
        self.related.iter().map(AsRef::as_ref).collect()
    }
}

impl<'a> EntryKind<'a> for &'a Term {
    fn all(data: &'a Dataset) -> impl Iterator<Item = Self> {
        data.glossary.iter()
    }
    fn id(self) -> Cow<'a, str> {
        Cow::Borrowed(&self.acronym)
    }
    fn title(self) -> Cow<'a, str> {
        // The usual reading; `show` lists every expansion. A name used as a word has none.
        Cow::Borrowed(self.expansions.first().unwrap_or(&self.acronym))
    }
    fn fields(self) -> Vec<Field<'a>> {
        // Expansions rank below the entries they name: `refugees` should find UNHCR before its
        // acronym.
        Fields::new()
            .one("acronym", Tier::Key, &self.acronym)
            .all("expansions", Tier::Short, &self.expansions)
            .opt("note", Tier::Prose, self.note.as_ref())
            .0
    }
    fn sources(self) -> Vec<&'a str> {
        vec![&self.source]
    }
    fn related_ids(self) -> Vec<&'a str> {
        self.refers_to.iter().map(AsRef::as_ref).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Look-ups: entries by id or number, and the lists that name others

impl Dataset {
    /// How many entries of a kind there are.
    pub fn count(&self, kind: Kind) -> usize {
        self.entries_of(kind).count()
    }

    /// The entry with this id among the kinds named by slugs (not issues, objectives or terms).
    pub fn entry_by_id(&self, id: &str) -> Option<Entry<'_>> {
        Kind::ALL
            .iter()
            .filter(|k| k.id_style() == IdStyle::Slug)
            .find_map(|&k| self.entries_of(k).find(|e| e.id() == id))
    }

    /// The entry a link names: a slug, or a glossary acronym.
    pub fn linked(&self, id: &str) -> Option<Entry<'_>> {
        self.entry_by_id(id)
            .or_else(|| self.term(id).map(Entry::Term))
    }

    /// The entry of a numbered kind with this number, wherever it stands in the file.
    pub fn entry_by_number(&self, kind: Kind, number: u32) -> Option<Entry<'_>> {
        let number = number.to_string();
        self.entries_of(kind).find(|e| e.id() == number)
    }

    pub fn group_entry(&self) -> Entry<'_> {
        Entry::Group(GroupEntry {
            group: &self.group,
            gcm: &self.gcm,
        })
    }

    /// The GCM objective with this number.
    pub fn objective(&self, number: u32) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.number == number)
    }

    /// The Policies and Practice Guide's own entry among the publications.
    pub fn guide_publication(&self) -> Option<&Publication> {
        self.publications
            .iter()
            .find(|p| p.kind == PublicationKind::Guide)
    }

    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    pub fn members_in(&self, slug: &str) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.category == slug)
    }

    pub fn term(&self, acronym: &str) -> Option<&Term> {
        self.glossary
            .iter()
            .find(|t| t.acronym.eq_ignore_ascii_case(acronym))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BUNDLED;

    #[test]
    fn every_kind_has_a_distinct_name_and_section() {
        for (i, a) in Kind::ALL.iter().enumerate() {
            assert_eq!(Kind::from_name(a.as_str()), Some(*a));
            for b in &Kind::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
                assert_ne!(a.section(), b.section());
            }
        }
    }

    #[test]
    fn every_kind_s_section_is_a_section_of_the_file() {
        for kind in Kind::ALL {
            assert!(
                crate::SECTIONS
                    .iter()
                    .any(|(name, _)| *name == kind.section()),
                "{kind}"
            );
        }
    }

    #[test]
    fn entries_of_each_kind_make_up_all_entries() {
        let data = Dataset::load(BUNDLED).expect("bundled data loads");
        let by_kind: usize = Kind::ALL
            .iter()
            .map(|&k| {
                data.entries_of(k)
                    .inspect(|e| assert_eq!(e.kind(), k))
                    .count()
            })
            .sum();
        assert_eq!(by_kind, data.entries().count());
    }
}
