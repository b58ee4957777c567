//! Loading a dataset (strictly, and in pieces when it is large), and the entries related to one.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

use crate::model::Dataset;
use crate::pieces::{PIECE_BYTES, load_in_pieces};
use crate::registry::{Entry, EntryRef, Kind, Tier};
use crate::rules::{Problem, acronyms_in};

/// A dataset that could not be loaded: a syntax or shape error, or broken rules.
#[derive(Debug)]
pub enum LoadError {
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

/// The GCM objective an objective, a guide chapter or an action belongs to.
fn objective_of(entry: Entry<'_>) -> Option<u32> {
    match entry {
        Entry::Objective(o) => Some(o.number),
        Entry::Chapter(c) => Some(c.chapter.objective),
        Entry::Action(a) => Some(a.action.objective),
        _ => None,
    }
}

/// The objectives a text of the entry names by number ("objective 6", "Objective 13"); notes
/// about sources do not count.
fn objectives_named_in(entry: Entry<'_>) -> Vec<u32> {
    let mut named = Vec::new();
    for field in entry.fields() {
        if field.tier == Tier::Key || field.name == "note" {
            continue;
        }
        let words: Vec<&str> = field.text.split_whitespace().collect();
        for pair in words.windows(2) {
            let number = pair[1].trim_end_matches(|c: char| !c.is_ascii_digit());
            if pair[0].eq_ignore_ascii_case("objective")
                && let Ok(n) = number.parse::<u32>()
                && !named.contains(&n)
            {
                named.push(n);
            }
        }
    }
    named
}

impl Dataset {
    /// Parses a dataset strictly (unknown keys are errors) and checks its rules.
    pub fn load(text: &str) -> Result<Dataset, LoadError> {
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

    /// Entries related to `entry`: those it names, those that name it (guide chapters also by
    /// its acronym), the entries that the acronyms in its text stand for, and for a member its
    /// co-chair role. For the bundled data, as build.rs worked them out: finding those that name
    /// an entry reads every entry.
    pub fn related(&self, entry: Entry<'_>) -> Vec<EntryRef> {
        self.related_table
            .and_then(|table| prebuilt_related(table, entry))
            .unwrap_or_else(|| self.work_out_related(entry))
    }

    /// Every entry's related entries, a line each: kind, id and the list as JSON, separated by
    /// tabs (no id or kind holds one). build.rs compiles it in; [`Dataset::related`] reads it.
    pub fn make_related_table(&self) -> String {
        let mut table = String::new();
        for entry in self.entries() {
            let refs = self.work_out_related(entry);
            let related: Vec<(&str, &str, &str, Option<&str>)> = refs
                .iter()
                .map(|r| (r.kind, r.id.as_str(), r.title.as_str(), r.via.as_deref()))
                .collect();
            let json = serde_json::to_string(&related).expect("strings serialise");
            let _ = writeln!(table, "{}\t{}\t{json}", entry.kind().as_str(), entry.id());
        }
        table
    }

    fn work_out_related(&self, entry: Entry<'_>) -> Vec<EntryRef> {
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
                ..self.group_entry().to_ref()
            });
        }
        for id in entry.related_ids() {
            if let Some(other) = self.linked(id) {
                push(other.to_ref());
            }
        }
        if !matches!(entry, Entry::Group(..)) {
            for other in self.entries() {
                if other.related_ids().contains(&own_id.as_ref()) {
                    push(other.to_ref());
                }
            }
        }
        // A GCM objective, its guide chapter and its actions point at each other; so do an
        // objective and any text that names it by number ("objective 6").
        if let Some(n) = objective_of(entry) {
            for kind in [Kind::Objective, Kind::Chapter] {
                if let Some(other) = self.entry_by_number(kind, n) {
                    push(other.to_ref());
                }
            }
        }
        for n in objectives_named_in(entry) {
            if let Some(other) = self.entry_by_number(Kind::Objective, n) {
                push(other.to_ref());
            }
        }
        if let Entry::Objective(o) = entry {
            for other in self.entries() {
                if objectives_named_in(other).contains(&o.number) {
                    push(other.to_ref());
                }
            }
        }
        // Guide chapters that name it by its acronym, linked or not.
        let acronym = match entry {
            Entry::Member(m) => m.acronym.as_deref(),
            Entry::Term(t) => Some(t.acronym.as_ref()),
            _ => None,
        };
        if let Some(acronym) = acronym {
            for chapter in self.entries_of(Kind::Chapter) {
                let names_it = chapter
                    .fields()
                    .iter()
                    .any(|f| acronyms_in(&f.text).any(|a| a == acronym));
                if names_it {
                    push(chapter.to_ref());
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
}

/// An entry's line of a related table; `None` if the table has none for it.
fn prebuilt_related(table: &str, entry: Entry<'_>) -> Option<Vec<EntryRef>> {
    let key = format!("{}\t{}\t", entry.kind().as_str(), entry.id());
    let line = table.lines().find_map(|line| line.strip_prefix(&key))?;
    let refs: Vec<(String, String, String, Option<String>)> = serde_json::from_str(line).ok()?;
    refs.into_iter()
        .map(|(kind, id, title, via)| {
            Some(EntryRef {
                kind: Kind::from_name(&kind)?.as_str(),
                id,
                title,
                via,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BUNDLED;

    fn bundled() -> Dataset {
        Dataset::load(BUNDLED).unwrap_or_else(|e| panic!("bundled data must load: {e}"))
    }

    #[test]
    fn the_related_table_gives_what_is_worked_out_for_every_entry() {
        let data = bundled();
        let table: &'static str = data.make_related_table().leak();
        for entry in data.entries() {
            let prebuilt = prebuilt_related(table, entry);
            assert_eq!(
                prebuilt,
                Some(data.work_out_related(entry)),
                "{}",
                entry.id()
            );
        }
    }

    #[test]
    fn bundled_data_holds_the_facts_of_its_sources() {
        // What shared/facts.md states of the group: 18 members in six categories, five notes in
        // the series, the GCM's 23 objectives. (The code assumes none of these counts.)
        let data = bundled();
        assert_eq!(data.count(Kind::Member), 18);
        assert_eq!(data.categories.len(), 6);
        assert_eq!(data.count(Kind::Issue), 5);
        assert_eq!(data.count(Kind::Objective), 23);
        assert!(data.issues[0].title.is_none(), "issue 1 has no known title");
    }

    #[test]
    fn numbered_entries_are_found_by_number_not_position() {
        let mut data = bundled();
        data.issues.swap(0, 1);
        let Some(Entry::Issue(issue)) = data.entry_by_number(Kind::Issue, 1) else {
            panic!("issue 1 is there");
        };
        assert_eq!(issue.number, 1);
        assert!(data.entry_by_number(Kind::Issue, 6).is_none());
    }

    #[test]
    fn acronyms_are_found_in_text() {
        let found: Vec<&str> =
            acronyms_in("CSW61 side event, UN Women and OHCHR; GCMGender a I").collect();
        assert_eq!(found, ["CSW", "UN", "OHCHR"]);
    }

    #[test]
    fn related_follows_roles_links_and_acronyms() {
        let data = bundled();
        let cedaw = data.entry_by_id("cedaw").expect("cedaw is a member");
        let related = data.related(cedaw);
        assert!(
            related
                .iter()
                .any(|r| r.kind == "group" && r.via.as_deref() == Some("co-chair"))
        );

        let term = data
            .term("CEDAW")
            .map(Entry::Term)
            .expect("CEDAW is a term");
        let chapters: Vec<String> = data
            .related(term)
            .into_iter()
            .filter(|r| r.kind == "guide")
            .map(|r| r.id)
            .collect();
        assert_eq!(chapters, ["7", "10", "23"], "the chapters naming CEDAW");

        let issue2 = data.entry_by_number(Kind::Issue, 2).expect("issue 2");
        let related = data.related(issue2);
        assert!(
            related
                .iter()
                .any(|r| r.id == "cescr" && r.via.as_deref() == Some("via ICESCR")),
            "{related:?}"
        );
    }
}
