//! `ewg cite`: references in four citation styles against expected files, and the formats of
//! reference managers read back by real parsers (BibTeX and BibLaTeX by the biblatex crate,
//! CSL-JSON by serde_json) or checked line by line (RIS).

mod common;
use common::{assert_expected, ewg};

/// A member, a series note, a publication, a guide chapter and the group's page.
const ENTRIES: &[&str] = &[
    "cedaw",
    "issue",
    "4",
    "reflections-2018",
    "guide",
    "6",
    "ewg",
];

fn cite(extra: &[&str]) -> String {
    let mut args = vec!["cite"];
    args.extend(ENTRIES);
    args.extend(extra);
    let (code, out, err) = ewg(&args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

#[test]
fn each_style_renders_the_five_kinds_of_source() {
    for style in ["apa", "chicago", "mla", "harvard"] {
        let text = cite(&["--style", style]);
        assert_eq!(text.lines().count(), 5, "{style}:\n{text}");
        // Organisations are authors whole, never "Migration, E. W. G." or "Women, U.".
        for wrong in ["Migration, E.", "E. W. G.", "Women, U."] {
            assert!(!text.contains(wrong), "{style}: {wrong} in\n{text}");
        }
        assert!(text.contains("UN Women"), "{style}");
        assert_expected(&format!("cite-{style}.txt"), &text);
    }
    let apa = cite(&[]);
    assert_eq!(apa, cite(&["--style", "apa"]), "APA is the default");
    // Dates as precise as the data knows them; "n.d." where it knows none; the accessed date is
    // the dataset's.
    assert!(apa.contains("(2021, July 21)"), "{apa}");
    assert!(apa.contains("(n.d."), "{apa}");
    // The accessed date is the dataset's `updated`, as APA writes a date.
    let updated = common::updated();
    let (year, month, day) = (&updated[..4], &updated[5..7], &updated[8..]);
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS[month.parse::<usize>().expect("a month") - 1];
    let day = day.trim_start_matches('0');
    assert!(
        apa.contains(&format!("Retrieved {month} {day}, {year}")),
        "{apa}"
    );
    assert!(cite(&["--style", "mla"]).contains("Aug. 2018"));
}

#[test]
fn bibtex_and_biblatex_read_back_with_their_fields() {
    for (format, date_field) in [("bibtex", "year"), ("biblatex", "date")] {
        let text = cite(&["--format", format]);
        let bibliography = biblatex::Bibliography::parse(&text).expect("parses back");
        assert_eq!(bibliography.len(), 5, "{format}");
        let guide = bibliography.get("ewg-guide-6").expect("the chapter");
        // No source names the guide's author: it has none, only its publisher.
        assert!(guide.author().is_err(), "{format}: the guide has no author");
        let statement = bibliography
            .get("ewg-publication-reflections-2018")
            .expect("the statement");
        let authors = statement.author().expect("an author");
        assert_eq!(authors.len(), 1, "{format}");
        assert!(
            authors[0].name.starts_with("Expert Working Group"),
            "{format}: one organisation, not a person: {}",
            authors[0].name
        );
        assert!(guide.get(date_field).is_some(), "{format}: no {date_field}");
        let issue = bibliography.get("ewg-issue-4").expect("the note");
        assert!(
            issue.get(date_field).is_none(),
            "{format}: the notes have no date"
        );
    }
}

#[test]
fn csl_json_has_the_fields_csl_requires() {
    let items: serde_json::Value =
        serde_json::from_str(&cite(&["--format", "csl-json"])).expect("JSON");
    let items = items.as_array().expect("an array");
    assert_eq!(items.len(), 5);
    for item in items {
        for field in ["id", "type", "title", "URL", "accessed"] {
            assert!(item.get(field).is_some(), "no {field} in {item}");
        }
    }
    let statement = items
        .iter()
        .find(|i| i["id"] == "ewg-publication-reflections-2018")
        .expect("statement");
    assert_eq!(
        statement["issued"]["date-parts"],
        serde_json::json!([[2018, 8]])
    );
    assert!(statement["author"][0]["literal"].is_string());
}

#[test]
fn ris_records_are_in_the_specification_s_form() {
    let text = cite(&["--format", "ris"]);
    let records: Vec<&str> = text
        .split("ER  - \n")
        .filter(|r| !r.trim().is_empty())
        .collect();
    assert_eq!(records.len(), 5);
    for record in &records {
        assert!(record.starts_with("TY  - "), "{record}");
        for line in record.lines() {
            let (tag, _) = line.split_at(6);
            assert!(
                tag.len() == 6
                    && tag[..2]
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && &tag[2..] == "  - ",
                "{line}"
            );
        }
    }
    assert!(text.ends_with("ER  - \n"));
}

#[test]
fn unknown_entries_and_formats_are_refused() {
    let (code, _, err) = ewg(&["cite", "cedwa"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `cedaw`"), "{err}");
    let (code, _, err) = ewg(&["cite", "cedaw", "--format", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("bibtex"), "{err}");
}

#[test]
fn the_gcm_s_text_is_cited_as_the_resolution_in_every_style_and_format() {
    let mut all = String::new();
    for extra in [
        &["--style", "apa"][..],
        &["--style", "chicago"],
        &["--style", "mla"],
        &["--style", "harvard"],
        &["--format", "bibtex"],
        &["--format", "biblatex"],
        &["--format", "ris"],
        &["--format", "csl-json"],
    ] {
        let mut args = vec!["cite", "action", "7c", "principle", "g", "objective", "13"];
        args.extend(extra);
        let (code, out, err) = ewg(&args);
        assert_eq!(code, 0, "{extra:?}: {err}");
        assert!(out.contains("A/RES/73/195"), "{extra:?}: {out}");
        for paragraph in ["23(c)", "15(g)", "29"] {
            assert!(
                out.contains(paragraph),
                "{extra:?}: no {paragraph} in {out}"
            );
        }
        all.push_str(&format!("== {}\n{out}", extra.join(" ")));
    }
    assert_expected("cite-gcm.txt", &all);
}
