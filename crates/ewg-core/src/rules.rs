//! The rules every dataset keeps, checked at every load, by build.rs on the bundled data, and by
//! `ewg data check`: unique well-formed ids, known categories, numbered entries complete, links
//! that lead somewhere, a source on every entry and every acronym in the glossary.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::collections::hash_map::Entry::{Occupied, Vacant};
use std::fmt;

use foldhash::{HashMap, HashSet};

use crate::model::{Dataset, GUIDE_PAGE, OBJECTIVE_PARAGRAPH_OFFSET};
use crate::registry::{IdStyle, Kind};

/// Where a rule is broken: a path into the data (`members[3].category`) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// Concluded from something that is not there (a missing number, a link to no entry): it
    /// means nothing while some entries of the file could not be read.
    pub from_absence: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Problems as they are found.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn broken(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(path.into(), message.into(), false);
    }

    /// A problem that says something is missing.
    fn absent(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(path.into(), message.into(), true);
    }

    /// A URL that must be a plain http(s) one; its path is written only where it is not.
    fn web_url(&mut self, url: &str, path: impl FnOnce() -> String) {
        if !is_web_url(url) {
            self.broken(path(), format!("`{url}` is not a plain http(s) URL"));
        }
    }

    fn push(&mut self, path: String, message: String, from_absence: bool) {
        self.0.push(Problem {
            path,
            message,
            from_absence,
        });
    }
}

/// The ids links and acronyms name, gathered once, so that each is looked up rather than sought
/// through every entry: in a file of 100,000 members, each link read every member's id.
struct Ids<'a> {
    /// Every slug, with the kind and place of the first entry that has it.
    slugs: HashMap<Cow<'a, str>, (Kind, usize)>,
    members: HashSet<&'a str>,
    /// The glossary's acronyms, in capitals: a term is found whatever the case of its ASCII
    /// letters, as [`Dataset::term`] finds it.
    acronyms: HashSet<String>,
}

impl Ids<'_> {
    fn has_term(&self, acronym: &str) -> bool {
        self.acronyms.contains(&acronym.to_ascii_uppercase())
    }
}

impl Dataset {
    /// Every broken rule, all at once.
    pub fn problems(&self) -> Vec<Problem> {
        let mut found = Problems::default();
        let ids = Ids {
            slugs: self.check_ids(&mut found),
            members: self.members.iter().map(|m| m.id.as_ref()).collect(),
            acronyms: self
                .glossary
                .iter()
                .map(|t| t.acronym.to_ascii_uppercase())
                .collect(),
        };
        self.check_glossary(&mut found);
        self.check_categories(&mut found);
        self.check_issues(&mut found);
        self.check_guide(&ids, &mut found);
        self.check_gcm(&mut found);
        self.check_links(&ids, &mut found);
        self.check_sources_and_acronyms(&ids, &mut found);
        found.0
    }

    /// Slugs unique across every kind named by one; numbers 1 to N, each once. Gives every
    /// slug with the place of the first entry that has it.
    fn check_ids(&self, found: &mut Problems) -> HashMap<Cow<'_, str>, (Kind, usize)> {
        let mut slugs: HashMap<Cow<'_, str>, (Kind, usize)> = HashMap::default();
        for &kind in Kind::ALL {
            match kind.id_style() {
                IdStyle::Slug => {
                    for (i, entry) in self.entries_of(kind).enumerate() {
                        let id = entry.id();
                        if !is_slug(&id) {
                            found.broken(
                                format!("{}.id", kind.path(i)),
                                format!("id `{id}` must be lowercase letters, digits and hyphens"),
                            );
                        }
                        match slugs.entry(id) {
                            Occupied(first) => {
                                let (first_kind, first_i) = *first.get();
                                found.broken(
                                    format!("{}.id", kind.path(i)),
                                    format!(
                                        "duplicate id `{}`, already used by {}",
                                        first.key(),
                                        first_kind.path(first_i)
                                    ),
                                );
                            }
                            Vacant(slot) => {
                                slot.insert((kind, i));
                            }
                        }
                    }
                }
                IdStyle::Number => self.check_numbers(kind, found),
                IdStyle::Code => {
                    let mut seen: HashMap<Cow<'_, str>, usize> = HashMap::default();
                    for (i, entry) in self.entries_of(kind).enumerate() {
                        match seen.entry(entry.id()) {
                            Occupied(first) => found.broken(
                                kind.path(i),
                                format!(
                                    "{} `{}` is given twice, first at {}",
                                    kind.noun(),
                                    first.key(),
                                    kind.path(*first.get())
                                ),
                            ),
                            Vacant(slot) => {
                                slot.insert(i);
                            }
                        }
                    }
                }
                IdStyle::Acronym => {}
            }
        }
        slugs
    }

    /// A numbered kind's entries are numbered 1 to however many the file holds, each once.
    fn check_numbers(&self, kind: Kind, found: &mut Problems) {
        let count = u32::try_from(self.count(kind)).unwrap_or(u32::MAX);
        let mut seen = BTreeSet::new();
        for (i, entry) in self.entries_of(kind).enumerate() {
            let path = || format!("{}.number", kind.path(i));
            match entry.id().parse::<u32>() {
                Ok(n) if !(1..=count).contains(&n) => found.broken(
                    path(),
                    format!("{} are numbered 1 to {count}, not {n}", kind.plural()),
                ),
                Ok(n) if !seen.insert(n) => {
                    found.broken(path(), format!("number {n} is used twice"));
                }
                _ => {}
            }
        }
        let missing: Vec<String> = (1..=count)
            .filter(|n| !seen.contains(n))
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            found.absent(
                kind.section(),
                format!("missing number(s) {}", missing.join(", ")),
            );
        }
    }

    fn check_glossary(&self, found: &mut Problems) {
        let mut acronyms = BTreeSet::new();
        for (i, term) in self.glossary.iter().enumerate() {
            // Acronyms end up in completion scripts: letters, digits and hyphens only.
            if term.acronym.is_empty()
                || !term
                    .acronym
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-')
            {
                found.broken(
                    format!("glossary[{i}].acronym"),
                    format!("acronym `{}` must be letters and digits", term.acronym),
                );
            }
            if !acronyms.insert(term.acronym.to_uppercase()) {
                found.broken(
                    format!("glossary[{i}].acronym"),
                    format!("duplicate acronym `{}`", term.acronym),
                );
            }
            if term.expansions.is_empty() && term.note.is_none() {
                found.broken(
                    format!("glossary[{i}].expansions"),
                    "no expansion given, and no note saying why",
                );
            }
        }
    }

    /// Categories: well-formed, unique and none empty; every member's category known.
    fn check_categories(&self, found: &mut Problems) {
        let mut slugs = BTreeSet::new();
        for (i, category) in self.categories.iter().enumerate() {
            if !is_slug(&category.slug) {
                found.broken(
                    format!("categories[{i}].slug"),
                    format!(
                        "slug `{}` must be lowercase letters, digits and hyphens",
                        category.slug
                    ),
                );
            }
            if !slugs.insert(category.slug.as_ref()) {
                found.broken(
                    format!("categories[{i}].slug"),
                    format!("duplicate category `{}`", category.slug),
                );
            }
            if !is_web_url(&category.source) {
                found.broken(
                    format!("categories[{i}].source"),
                    format!("source `{}` is not a plain http(s) URL", category.source),
                );
            }
            if self.members_in(&category.slug).next().is_none() {
                found.absent(
                    format!("categories[{i}]"),
                    format!("category `{}` has no members", category.slug),
                );
            }
        }
        for (i, member) in self.members.iter().enumerate() {
            if self.category(&member.category).is_none() {
                let known: Vec<&str> = self.categories.iter().map(|c| c.slug.as_ref()).collect();
                found.broken(
                    format!("members[{i}].category"),
                    format!(
                        "unknown category `{}` (known: {})",
                        member.category,
                        known.join(", ")
                    ),
                );
            }
        }
    }

    fn check_issues(&self, found: &mut Problems) {
        for (i, issue) in self.issues.iter().enumerate() {
            if issue.title.is_none() && issue.label.is_none() {
                found.broken(
                    format!("issues[{i}]"),
                    "an issue without a title needs a descriptive `label`",
                );
            }
        }
    }

    /// The GCM's text: each objective in its paragraph, each action of an objective there is
    /// with one lowercase letter, each principle lettered.
    fn check_gcm(&self, found: &mut Problems) {
        for (i, objective) in self.objectives.iter().enumerate() {
            let wanted = objective.number + OBJECTIVE_PARAGRAPH_OFFSET;
            if let Some(paragraph) = objective.paragraph
                && paragraph != wanted
            {
                found.broken(
                    format!("{}.paragraph", Kind::Objective.path(i)),
                    format!(
                        "objective {} is paragraph {wanted} of the GCM, not {paragraph}",
                        objective.number
                    ),
                );
            }
        }
        let one_letter = |l: &str| l.len() == 1 && l.chars().all(|c| c.is_ascii_lowercase());
        for (i, action) in self.actions.iter().enumerate() {
            let path = Kind::Action.path(i);
            if self.objective(action.objective).is_none() {
                found.absent(
                    format!("{path}.objective"),
                    format!("there is no objective {}", action.objective),
                );
            }
            if !one_letter(&action.letter) {
                found.broken(
                    format!("{path}.letter"),
                    format!("`{}` is not one lowercase letter", action.letter),
                );
            }
        }
        for (i, principle) in self.principles.iter().enumerate() {
            if !one_letter(&principle.letter) {
                found.broken(
                    format!("{}.letter", Kind::Principle.path(i)),
                    format!("`{}` is not one lowercase letter", principle.letter),
                );
            }
        }
    }

    /// Guide chapters: sourced to their own objective's page, every point said, links to a
    /// member or glossary term that exists.
    fn check_guide(&self, ids: &Ids<'_>, found: &mut Problems) {
        for (i, chapter) in self.guide.iter().enumerate() {
            let path = Kind::Chapter.path(i);
            let n = chapter.objective;
            let page = format!("{GUIDE_PAGE}/objective/{n}");
            if chapter.source != page {
                found.broken(
                    format!("{path}.source"),
                    format!(
                        "`{}` is not the guide's page for objective {n}, {page}",
                        chapter.source
                    ),
                );
            }
            if let Some(text_source) = &chapter.text_source {
                let translations = ["fr", "es"].map(|l| format!("{GUIDE_PAGE}/{l}/objective/{n}"));
                if !translations.iter().any(|t| t == text_source) {
                    found.broken(
                        format!("{path}.text_source"),
                        format!(
                            "`{text_source}` is not a translation of the page for objective {n} ({})",
                            translations.join(" or ")
                        ),
                    );
                }
            }
            for (part, points) in [("issues", &chapter.issues), ("measures", &chapter.measures)] {
                for (j, point) in points.iter().enumerate() {
                    if point.trim().is_empty() {
                        found.broken(format!("{path}.{part}[{j}]"), "an empty point");
                    }
                }
            }
            if chapter.not_read.trim().is_empty() {
                found.broken(
                    format!("{path}.not_read"),
                    "say what of the chapter is not in the dataset",
                );
            }
            for (j, instrument) in chapter.instruments.iter().enumerate() {
                let at = format!("{path}.instruments[{j}]");
                if instrument.name.trim().is_empty() {
                    found.broken(at.clone(), "an instrument without a name");
                }
                if let Some(id) = &instrument.member
                    && !ids.members.contains(&**id)
                {
                    found.absent(
                        format!("{at}.member"),
                        format!("no member has the id `{id}`"),
                    );
                }
                if let Some(acronym) = &instrument.term
                    && !ids.has_term(acronym)
                {
                    found.absent(
                        format!("{at}.term"),
                        format!("no glossary entry has the acronym `{acronym}`"),
                    );
                }
            }
        }
    }

    /// Links between entries point at entries that exist.
    fn check_links(&self, ids: &Ids<'_>, found: &mut Problems) {
        for (i, chair) in self.group.co_chairs.iter().enumerate() {
            if !ids.members.contains(&**chair) {
                found.absent(
                    format!("group.co_chairs[{i}]"),
                    format!("no member has the id `{chair}`"),
                );
            }
        }
        for &kind in Kind::ALL {
            if matches!(kind, Kind::Group | Kind::Chapter) {
                continue; // their links are checked above, each by its own key
            }
            for (i, entry) in self.entries_of(kind).enumerate() {
                for id in entry.related_ids() {
                    if ids.slugs.contains_key(id) || ids.has_term(id) {
                        continue;
                    }
                    match kind {
                        Kind::Term => found.absent(
                            format!("{}.refers_to", kind.path(i)),
                            format!("`{id}` names no entry"),
                        ),
                        _ => {
                            found.absent(kind.path(i), format!("related id `{id}` names no entry"))
                        }
                    }
                }
            }
        }
    }

    /// Every entry is sourced, and every acronym it uses is in the glossary.
    fn check_sources_and_acronyms(&self, ids: &Ids<'_>, found: &mut Problems) {
        if !is_date(&self.meta.updated) {
            found.broken(
                "meta.updated",
                format!("`{}` is not a date as YYYY-MM-DD", self.meta.updated),
            );
        }
        // Every URL that is not a source: each as a source must be.
        found.web_url(&self.meta.page, || "meta.page".into());
        found.web_url(&self.group.secretariat_url, || {
            "group.secretariat_url".into()
        });
        if let Some(resolution) = &self.gcm.resolution {
            found.web_url(&resolution.url, || "gcm.resolution.url".into());
        }
        for (i, m) in self.members.iter().enumerate() {
            found.web_url(&m.website, || format!("{}.website", Kind::Member.path(i)));
        }
        for (i, p) in self.publications.iter().enumerate() {
            if let Some(url) = &p.url {
                found.web_url(url, || format!("{}.url", Kind::Publication.path(i)));
            }
        }
        for (i, o) in self.objectives.iter().enumerate() {
            found.web_url(&o.guide, || format!("{}.guide", Kind::Objective.path(i)));
        }
        for (i, event) in self.timeline.iter().enumerate() {
            let path = Kind::Event.path(i);
            match date_parts(&event.sort) {
                None => found.broken(
                    format!("{path}.sort"),
                    format!(
                        "`{}` is not a date as YYYY, YYYY-MM or YYYY-MM-DD",
                        event.sort
                    ),
                ),
                Some((year, ..)) if !event.when.contains(&year.to_string()) => found.broken(
                    format!("{path}.when"),
                    format!(
                        "`{}` does not name the year of its `sort` date, {year}",
                        event.when
                    ),
                ),
                Some(_) => {}
            }
        }
        for &kind in Kind::ALL {
            for (i, entry) in self.entries_of(kind).enumerate() {
                let path = || kind.path(i);
                let sources = entry.sources();
                if sources.is_empty() {
                    found.broken(path(), "no source given");
                }
                for url in sources {
                    if !is_web_url(url) {
                        found.broken(path(), format!("source `{url}` is not a plain http(s) URL"));
                    }
                }
                for field in entry.fields() {
                    for acronym in acronyms_in(&field.text) {
                        if !ids.has_term(acronym) {
                            found.absent(
                                format!("{}.{}", path(), field.name),
                                format!("acronym `{acronym}` has no glossary entry"),
                            );
                        }
                    }
                }
            }
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A day of the calendar as YYYY-MM-DD (`2026-11-30`; not `2026-13-45`, not `0000-00-00`).
fn is_date(date: &str) -> bool {
    matches!(date_parts(date), Some((_, Some(_), Some(_))))
}

/// A year, month or day as YYYY, YYYY-MM or YYYY-MM-DD, each part in the calendar: the year,
/// then the month and day where given.
fn date_parts(date: &str) -> Option<(u16, Option<u8>, Option<u8>)> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |part: &str, len: usize| {
        (part.len() == len && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u16>().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4).filter(|&y| y >= 1000)?;
    let month = match parts.get(1) {
        Some(m) => Some(number(m, 2).filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match (parts.get(2), month) {
        (Some(d), Some(m)) => {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let last = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            Some(number(d, 2).filter(|d| (1..=last).contains(d))?)
        }
        _ => None,
    };
    (parts.len() <= 3).then_some((year, month.map(|m| m as u8), day.map(|d| d as u8)))
}

/// A URL that may be shown as a link and handed to a browser: `http` or `https`, with a host,
/// and nothing that could end a link or hide what it is (whitespace, control characters, `<`,
/// `>`, `"`, `'`, a backslash or a backtick, bidirectional overrides).
pub fn is_web_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let bad = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '\'' | '\\' | '`')
            || is_bidi_control(c)
    };
    !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(bad)
}

/// Characters that reorder text on screen, so that what is shown is not what is there.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Words in a text that look like acronyms: two or more capitals, with any digits after them
/// dropped (`CSW61` is `CSW`).
pub fn acronyms_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        // A word that starts with a lowercase ASCII letter or a digit is none (every word of
        // every entry is asked, at every load).
        .filter(|word| {
            word.bytes()
                .next()
                .is_some_and(|b| !b.is_ascii_lowercase() && !b.is_ascii_digit())
        })
        .map(|word| word.trim_end_matches(|c: char| c.is_ascii_digit()))
        .filter(|word| word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BUNDLED, LoadError};

    fn load_error(text: &str) -> String {
        match Dataset::load(text) {
            Ok(_) => panic!("the data should not load"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn bundled_data_keeps_every_rule() {
        let data = Dataset::load(BUNDLED).expect("bundled data loads");
        assert_eq!(data.problems(), Vec::<Problem>::new());
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
    fn links_and_duplicates_are_checked_against_every_id() {
        // A third `cmw` names the first, and a link to an id no entry has is found whichever
        // kind of entry it is in.
        let text = BUNDLED
            .replacen("id = \"cedaw\"", "id = \"cmw\"", 1)
            .replacen("id = \"cescr\"", "id = \"cmw\"", 1)
            .replacen(
                "related = [\"iom\"]",
                "related = [\"no-such-entry\", \"iom\"]",
                1,
            );
        let all = problems_of(&text);
        assert!(
            all.contains("members[1].id: duplicate id `cmw`, already used by members[0]")
                && all.contains("members[2].id: duplicate id `cmw`, already used by members[0]"),
            "{all}"
        );
        assert!(
            all.contains("related id `no-such-entry` names no entry"),
            "{all}"
        );
        assert!(!all.contains("`iom`"), "{all}");
        // The same for an action given three times: 1b and 1c become 1a.
        let text = BUNDLED
            .replacen(
                "objective = 1\nletter = \"b\"",
                "objective = 1\nletter = \"a\"",
                1,
            )
            .replacen(
                "objective = 1\nletter = \"c\"",
                "objective = 1\nletter = \"a\"",
                1,
            );
        let all = problems_of(&text);
        assert!(
            all.contains("actions[1]: action `1a` is given twice, first at actions[0]")
                && all.contains("actions[2]: action `1a` is given twice, first at actions[0]"),
            "{all}"
        );
    }

    fn problems_of(text: &str) -> String {
        let Err(LoadError::Rules(problems)) = Dataset::load(text) else {
            panic!("the data should break a rule");
        };
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn guide_points_are_sourced_to_their_own_objective() {
        let another_page = BUNDLED.replacen(
            "source = \"https://ppguide.unwomen.org/objective/6\"",
            "source = \"https://ppguide.unwomen.org/objective/7\"",
            1,
        );
        assert!(
            problems_of(&another_page).contains("is not the guide's page for objective 6"),
            "{}",
            problems_of(&another_page)
        );
        let another_translation = BUNDLED.replacen(
            "text_source = \"https://ppguide.unwomen.org/es/objective/4\"",
            "text_source = \"https://ppguide.unwomen.org/es/objective/5\"",
            1,
        );
        assert!(
            problems_of(&another_translation)
                .contains("is not a translation of the page for objective 4")
        );
        let no_source = BUNDLED.replacen(
            "source = \"https://ppguide.unwomen.org/objective/6\"\n",
            "",
            1,
        );
        assert!(
            Dataset::load(&no_source).is_err(),
            "a chapter without a source loads"
        );
        let empty_point = BUNDLED.replacen(
            "  \"Safe and regular migration routes for all migrants, whatever their sex.\",",
            "  \" \",",
            1,
        );
        assert!(problems_of(&empty_point).contains("guide[7].measures[0]: an empty point"));
        let unknown_member = BUNDLED.replacen("member = \"cedaw\" }", "member = \"cedwa\" }", 1);
        assert!(problems_of(&unknown_member).contains("no member has the id `cedwa`"));
    }

    #[test]
    fn acronyms_must_be_in_the_glossary() {
        let text = BUNDLED.replacen(
            "UN agency working for children.",
            "UN agency for children (XYZ).",
            1,
        );
        let err = load_error(&text);
        assert!(err.contains("acronym `XYZ` has no glossary entry"), "{err}");
    }
}
