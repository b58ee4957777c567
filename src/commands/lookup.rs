//! Finding what was asked for: a member by id, acronym or name, an entry by id or number, a
//! category, an acronym. What is not there fails with the closest matches ("did you mean").

use ewg_core::search::fold;
use ewg_core::{Dataset, Entry, IdStyle, Kind, Member, Principle, Term};

use crate::error::Failure;

/// Candidates within a small edit distance of `asked` (typos swap letters, so Damerau), or
/// that contain it; nearest first, at most three.
fn closest<'a>(asked: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let asked = fold(asked);
    let limit = (asked.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let folded = fold(c);
            let distance = strsim::damerau_levenshtein(&asked, &folded);
            let contains = asked.chars().count() >= 3 && folded.contains(&asked);
            (distance <= limit || contains).then_some((if contains { 0 } else { distance }, c))
        })
        .collect();
    near.sort();
    near.dedup_by_key(|(_, c)| *c);
    near.into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// An entry of a kind named by slugs (activities, publications), by its id.
pub(crate) fn by_id<'a>(data: &'a Dataset, kind: Kind, asked: &str) -> Result<Entry<'a>, Failure> {
    let wanted = asked.trim().to_lowercase();
    // Slugs are lowercase; acronyms are found in any case.
    if let Some(entry) = data
        .entries_of(kind)
        .find(|e| e.id().to_lowercase() == wanted)
    {
        return Ok(entry);
    }
    let ids: Vec<String> = data.entries_of(kind).map(|e| e.id().into_owned()).collect();
    Err(Failure::UnknownId {
        kind: Some(kind),
        asked: asked.trim().to_string(),
        near: closest(&wanted, ids.iter().map(String::as_str)),
    })
}

/// An entry of `kind`, found as the kind's entries are named: by number, code or id.
pub(crate) fn of_kind<'a>(
    data: &'a Dataset,
    kind: Kind,
    asked: &str,
) -> Result<Entry<'a>, Failure> {
    match kind.id_style() {
        IdStyle::Number => by_number(data, kind, asked),
        IdStyle::Code => by_code(data, kind, asked),
        IdStyle::Slug | IdStyle::Acronym => by_id(data, kind, asked),
    }
}

/// An entry of a kind named by codes (actions, principles) as people write them: `7c`, `7(c)`,
/// `7 c`, `(g)`.
pub(crate) fn by_code<'a>(
    data: &'a Dataset,
    kind: Kind,
    asked: &str,
) -> Result<Entry<'a>, Failure> {
    let code = code_of(asked);
    by_id(data, kind, &code).map_err(|_| {
        let ids: Vec<String> = data.entries_of(kind).map(|e| e.id().into_owned()).collect();
        Failure::UnknownId {
            kind: Some(kind),
            asked: asked.trim().to_string(),
            near: closest(&code, ids.iter().map(String::as_str)),
        }
    })
}

/// A code as its entries' ids write it: `7(c)`, `7 C` -> `7c`.
fn code_of(asked: &str) -> String {
    asked
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// An entry of a numbered kind (issues, objectives), by its number as typed: `3`, ` 3 `.
/// Anything else names the numbers there are.
pub(crate) fn by_number<'a>(
    data: &'a Dataset,
    kind: Kind,
    asked: &str,
) -> Result<Entry<'a>, Failure> {
    let trimmed = asked.trim();
    trimmed
        .parse::<u32>()
        .ok()
        .and_then(|n| data.entry_by_number(kind, n))
        .ok_or_else(|| Failure::BadNumber {
            kind,
            asked: trimmed.to_string(),
            count: data.count(kind),
        })
}

/// Any entry, as a user names it: `issue 4`, `objective 6`, `guide 6`, an id (`cedaw`,
/// `reflections-2018`, `ewg`), an action's code (`7c`, `7(c)`), a member's acronym or name, a
/// glossary acronym.
pub(crate) fn any<'a>(data: &'a Dataset, asked: &str) -> Result<Entry<'a>, Failure> {
    // A kind named first, by its name or a word for it, then the entry as that kind names it:
    // `issue 4`, `guidance note 4`, `action 7c`, `guiding principle g`, `statement reflections-2018`.
    let lowered = asked.trim().to_lowercase();
    let mut kind_named: Option<Failure> = None;
    for &kind in Kind::ALL {
        let names = [kind.as_str(), kind.plural()]
            .into_iter()
            .chain(kind.words().iter().copied());
        for name in names {
            let Some(rest) = lowered.strip_prefix(name).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            match of_kind(data, kind, rest) {
                Ok(entry) => return Ok(entry),
                Err(failure) => kind_named = kind_named.or(Some(failure)),
            }
        }
    }
    let wanted = asked.trim().to_lowercase();
    if let Some(entry) = data.entry_by_id(&wanted) {
        return Ok(entry);
    }
    // An action by its code (`7c`, `7(c)`), as `ewg show` takes it: no other id looks so. A
    // code with no action (`7z`) is best answered by what the actions say of it.
    let code = code_of(&wanted);
    let letters = code.trim_start_matches(|c: char| c.is_ascii_digit());
    if letters.len() < code.len() && !letters.is_empty() && letters.chars().all(char::is_alphabetic)
    {
        match by_code(data, Kind::Action, &code) {
            Ok(entry) => return Ok(entry),
            Err(failure) => kind_named = kind_named.or(Some(failure)),
        }
    }
    if let Ok(m) = member(data, asked) {
        return Ok(Entry::Member(m));
    }
    if let Some(term) = data.term(asked.trim()) {
        return Ok(Entry::Term(term));
    }
    // `issue 9`: what the kind says of it is the better message.
    if let Some(failure) = kind_named {
        return Err(failure);
    }
    let ids = data
        .entries()
        .filter(|e| e.kind().id_style() == IdStyle::Slug)
        .map(|e| e.id().into_owned())
        .collect::<Vec<_>>();
    Err(Failure::UnknownId {
        kind: None,
        asked: asked.trim().to_string(),
        near: closest(&wanted, ids.iter().map(String::as_str)),
    })
}

/// The command that shows the entry of `kind` with this id: `ewg members cedaw`,
/// `ewg objectives 13`, `ewg about`.
pub(crate) fn show_command(kind: Kind, id: &str) -> String {
    match kind.command() {
        Some(command) => ["ewg ", command, " ", id].concat(),
        None => "ewg about".to_string(),
    }
}

/// The one entry `ewg show` names, of any kind: as `any` finds it where a kind is named first
/// (`issue 4`), else every kind's entry with that id, number, code or acronym, and a member by
/// name. A glossary term that stands for another candidate stands aside (`cedaw` is the member);
/// several left are listed, each with the command that shows it.
pub(crate) fn unique<'a>(data: &'a Dataset, asked: &str) -> Result<Entry<'a>, Failure> {
    let lowered = asked.trim().to_lowercase();
    let kind_first = Kind::ALL.iter().any(|k| {
        [k.as_str(), k.plural()]
            .into_iter()
            .chain(k.words().iter().copied())
            .any(|name| lowered.starts_with(&format!("{name} ")))
    });
    if kind_first {
        return any(data, asked);
    }
    let mut found: Vec<Entry<'a>> = Kind::ALL
        .iter()
        .filter_map(|&kind| of_kind(data, kind, asked).ok())
        .collect();
    if let Ok(m) = member(data, asked)
        && !found
            .iter()
            .any(|e| matches!(e, Entry::Member(x) if x.id == m.id))
    {
        found.push(Entry::Member(m));
    }
    let ids: Vec<String> = found.iter().map(|e| e.id().into_owned()).collect();
    found.retain(|e| match e {
        Entry::Term(t) => !t
            .refers_to
            .as_ref()
            .is_some_and(|to| ids.iter().any(|id| id == to)),
        _ => true,
    });
    match found.as_slice() {
        [] => any(data, asked),
        [one] => Ok(*one),
        several => Err(Failure::Ambiguous {
            asked: asked.trim().to_string(),
            candidates: several
                .iter()
                .map(|e| (show_command(e.kind(), &e.id()), e.title().into_owned()))
                .collect(),
        }),
    }
}

/// A member by id, acronym, name or alias (ignoring case and accents), or by the start of
/// exactly one name.
pub(crate) fn member<'a>(data: &'a Dataset, asked: &str) -> Result<&'a Member, Failure> {
    let wanted = fold(asked.trim().trim_end_matches(['.', '…']).trim());
    let names = |m: &'a Member| {
        [m.id.as_ref(), m.name.as_ref()]
            .into_iter()
            .chain(m.acronym.as_deref())
            .chain(m.aliases.iter().map(AsRef::as_ref))
    };
    if let Some(m) = data
        .members
        .iter()
        .find(|m| names(m).any(|n| fold(n) == wanted))
    {
        return Ok(m);
    }
    let by_prefix: Vec<&Member> = data
        .members
        .iter()
        .filter(|m| wanted.chars().count() >= 8 && names(m).any(|n| fold(n).starts_with(&wanted)))
        .collect();
    if let [only] = by_prefix.as_slice() {
        return Ok(only);
    }
    Err(Failure::UnknownMember {
        asked: asked.trim().to_string(),
        near: closest(&wanted, data.members.iter().map(|m| m.id.as_ref())),
        starting: by_prefix.iter().map(|m| m.id.to_string()).collect(),
    })
}

/// A category slug from a slug or a name, forgiving case, spaces and underscores.
pub(crate) fn category<'a>(data: &'a Dataset, asked: &str) -> Result<&'a str, Failure> {
    let slugify = |s: &str| {
        fold(s)
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
            let slugs: Vec<String> = data.categories.iter().map(|c| c.slug.to_string()).collect();
            Err(Failure::UnknownCategory {
                asked: asked.trim().to_string(),
                near: closest(&wanted, slugs.iter().map(String::as_str)),
                categories: slugs,
            })
        }
    }
}

/// The guiding principle with this name, ignoring case, accents and hyphens
/// (`gender responsive`).
pub(crate) fn principle_named<'a>(data: &'a Dataset, asked: &str) -> Option<&'a Principle> {
    let key = |s: &str| -> String {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = key(asked);
    data.principles.iter().find(|p| key(&p.title) == wanted)
}

/// A glossary term by its acronym, in any case.
pub(crate) fn term<'a>(data: &'a Dataset, asked: &str) -> Result<&'a Term, Failure> {
    let wanted = asked.trim();
    data.term(wanted).ok_or_else(|| Failure::UnknownAcronym {
        asked: wanted.to_string(),
        near: closest(wanted, data.glossary.iter().map(|t| t.acronym.as_ref())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ewg_core::BUNDLED;

    fn data() -> &'static Dataset {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads"))
    }

    #[test]
    fn numbers_are_checked_against_the_numbers_there_are() {
        let issue = by_number(data(), Kind::Issue, " 3 ").expect("issue 3");
        assert_eq!(issue.id(), "3");
        for bad in ["0", "6", "-1", "99999999999999999999", "3.0", "three", ""] {
            let err = by_number(data(), Kind::Issue, bad)
                .expect_err(bad)
                .to_string();
            assert!(err.contains("issues are numbered 1 to 5"), "{bad}: {err}");
        }
    }

    #[test]
    fn messages_use_the_right_article() {
        let err = by_number(data(), Kind::Issue, "three").expect_err("not a number");
        assert!(
            err.to_string().contains("`three` is not an issue number"),
            "{err}"
        );
        let err = by_number(data(), Kind::Objective, "x").expect_err("not a number");
        assert!(err.to_string().contains("not an objective number"), "{err}");
        assert_eq!(crate::error::article("member"), "a");
        assert_eq!(crate::error::article("activity"), "an");
    }

    #[test]
    fn numbered_entries_are_found_by_number_wherever_they_stand() {
        let mut data = data().clone();
        data.issues.swap(0, 1);
        let Ok(Entry::Issue(issue)) = by_number(&data, Kind::Issue, "1") else {
            panic!("issue 1 is found");
        };
        assert_eq!(issue.number, 1);
    }

    #[test]
    fn members_are_found_by_id_acronym_name_alias_and_prefix() {
        for asked in [
            "cedaw",
            "CEDAW",
            "Committee on the Elimination of Discrimination against Women",
            "committee on the elimination of discrimination against",
            "Committee on the Elimination of Discrimination ...",
        ] {
            assert_eq!(
                member(data(), asked).map(|m| m.id.as_ref()).ok(),
                Some("cedaw"),
                "{asked}"
            );
        }
        assert_eq!(
            member(data(), "Committee on Migrant Workers")
                .map(|m| m.id.as_ref())
                .ok(),
            Some("cmw")
        );
        let err = member(data(), "cedwa").expect_err("typo").to_string();
        assert!(err.contains("did you mean `cedaw`"), "{err}");
        assert!(
            !err.contains("18"),
            "no count of the data in messages: {err}"
        );
        let err = member(data(), "Committee on the Elimination")
            .expect_err("ambiguous")
            .to_string();
        assert!(err.contains("`cedaw`") && err.contains("`cerd`"), "{err}");
    }

    #[test]
    fn categories_forgive_case_spaces_and_short_names() {
        for asked in [
            "treaty-bodies",
            "Treaty bodies",
            "TREATY_BODIES",
            "Human rights treaty bodies",
        ] {
            assert_eq!(
                category(data(), asked).ok(),
                Some("treaty-bodies"),
                "{asked}"
            );
        }
        let err = category(data(), "treaty").expect_err("unknown").to_string();
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
    use ewg_core::BUNDLED;
    use proptest::prelude::*;

    fn data() -> &'static Dataset {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads"))
    }

    proptest! {
        #[test]
        fn look_ups_never_panic(asked in "\\PC{0,30}|[0-9 .+-]{0,25}") {
            let data = data();
            let _ = member(data, &asked);
            let _ = category(data, &asked);
            let _ = by_number(data, Kind::Issue, &asked);
            let _ = by_id(data, Kind::Activity, &asked);
            let _ = term(data, &asked);
        }
    }
}
