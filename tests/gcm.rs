//! The GCM's text in the data (held to shared/gcm.md's summary), the commands that show it, and
//! the rules `ewg data check` keeps for it.

mod common;

use common::ewg;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    let (code, out, err) = ewg(&args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("JSON")
}

/// shared/gcm.md's summary table: the actions read of each objective, and how many of them
/// name women, girls or gender.
const SUMMARY: [(u32, usize, usize); 23] = [
    (1, 11, 0),
    (2, 12, 1),
    (3, 5, 3),
    (4, 7, 2),
    (5, 10, 2),
    (6, 12, 1),
    (7, 12, 3),
    (8, 6, 0),
    (9, 6, 1),
    (10, 10, 2),
    (11, 7, 0),
    (12, 5, 1),
    (13, 8, 0),
    (14, 6, 1),
    (15, 6, 1),
    (16, 9, 2),
    (17, 7, 1),
    (18, 12, 1),
    (19, 10, 0),
    (20, 9, 3),
    (21, 9, 1),
    (22, 3, 1),
    (23, 5, 0),
];

#[test]
fn the_actions_are_those_shared_gcm_md_counts() {
    let actions = json(&["actions"]);
    let actions = actions.as_array().expect("a list");
    let lens = |a: &Value| {
        a["mentions"].as_array().is_some_and(|m| {
            m.iter()
                .any(|w| ["women", "girls", "gender"].contains(&w.as_str().unwrap_or_default()))
        })
    };
    for (objective, count, gendered) in SUMMARY {
        let of: Vec<&Value> = actions
            .iter()
            .filter(|a| a["objective"] == objective)
            .collect();
        assert_eq!(of.len(), count, "objective {objective}");
        assert_eq!(
            of.iter().filter(|a| lens(a)).count(),
            gendered,
            "objective {objective}"
        );
    }
    assert_eq!(actions.len(), 187);
    assert_eq!(actions.iter().filter(|a| lens(a)).count(), 27);
}

#[test]
fn action_texts_are_short_and_never_copied_from_one_another() {
    let actions = json(&["actions"]);
    let texts: Vec<(String, Vec<String>)> = actions
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| {
            let words = a["text"].as_str().unwrap_or_default().split_whitespace();
            (
                a["id"].as_str().unwrap_or_default().to_string(),
                words.map(str::to_lowercase).collect(),
            )
        })
        .collect();
    for (id, words) in &texts {
        assert!(words.len() <= 40, "{id} has {} words", words.len());
    }
    let runs =
        |words: &[String]| -> Vec<String> { words.windows(8).map(|w| w.join(" ")).collect() };
    for (i, (id, words)) in texts.iter().enumerate() {
        for (other, other_words) in &texts[i + 1..] {
            let theirs = runs(other_words);
            for run in runs(words) {
                assert!(!theirs.contains(&run), "{id} and {other} share `{run}`");
            }
        }
    }
}

#[test]
fn mentions_filter_actions_and_export_as_csv() {
    let (code, out, err) = ewg(&["actions", "--mentions", "women", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("id,paragraph,mentions,action,source"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.iter().any(|r| r.starts_with("7c,23(c),")), "{out}");
    assert!(rows.iter().all(|r| r.contains("women")), "{out}");
    // Repeated, any of them: family adds actions that do not name women.
    let either = json(&["actions", "--mentions", "women", "--mentions", "family"]);
    let women = json(&["actions", "--mentions", "women"]);
    assert!(either.as_array().map(Vec::len) > women.as_array().map(Vec::len));
    let (code, _, err) = ewg(&["actions", "--objective", "24"]);
    assert_eq!(code, 1);
    assert!(err.contains("objectives are numbered 1 to 23"), "{err}");
}

#[test]
fn an_objective_shows_its_paragraph_commitment_and_marked_actions() {
    let (code, out, err) = ewg(&["objectives", "show", "7"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("paragraph\tGCM para 23"), "{out}");
    for marked in ["actions\t(a)* ", "actions\t(b)* ", "actions\t(c)* "] {
        assert!(out.contains(marked), "{marked} in {out}");
    }
    assert!(out.contains("actions\t(d) "), "{out}");
    assert!(out.contains("actions\t(l) "), "{out}");
    for asked in ["7c", "7(c)", "7 c"] {
        let (code, out, err) = ewg(&["actions", "show", asked]);
        assert_eq!(code, 0, "{asked}: {err}");
        assert!(out.contains("paragraph\t23(c)"), "{asked}: {out}");
    }
    let (code, _, err) = ewg(&["actions", "show", "7z"]);
    assert_eq!(code, 1);
    assert!(err.contains("no action with the id `7z`"), "{err}");
    // Every command that takes any entry takes an action by its code alone, as `show` does.
    for command in [&["show"][..], &["cite"], &["open", "--print"]] {
        let args: Vec<&str> = command.iter().copied().chain(["7(c)"]).collect();
        let (code, out, err) = ewg(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            out.contains("23(c)") || out.contains("A/RES/73/195"),
            "{args:?}: {out}"
        );
    }
    // A code no action has is answered as an action's, not with the nearest id of any kind.
    let (code, _, err) = ewg(&["cite", "7z"]);
    assert_eq!(code, 1);
    assert!(err.contains("no action with the id `7z`"), "{err}");
}

#[test]
fn gender_responsive_is_defined_by_principle_g() {
    let (code, out, err) = ewg(&["define", "gender-responsive"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("GCM para 15(g)"), "{out}");
    let (code, out, _) = ewg(&["principles"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 10);
}

#[test]
fn gcm_entries_are_cited_as_the_resolution_at_their_paragraph() {
    let (code, out, err) = ewg(&["cite", "action", "7c", "--style", "apa"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("United Nations General Assembly. (2018"),
        "{out}"
    );
    assert!(
        out.contains("A/RES/73/195") && out.contains("23(c)"),
        "{out}"
    );
    let (_, bibtex, _) = ewg(&[
        "cite",
        "principle",
        "g",
        "objective",
        "13",
        "--format",
        "bibtex",
    ]);
    let bibliography = biblatex::Bibliography::parse(&bibtex).expect("parses back");
    assert_eq!(bibliography.len(), 2, "{bibtex}");
    assert!(
        bibtex.contains("para. 15(g)") && bibtex.contains("para. 29"),
        "{bibtex}"
    );
}

#[test]
fn the_timeline_reaches_the_first_review_forum() {
    let (code, out, err) = ewg(&["timeline", "--year", "2022"]);
    assert_eq!(code, 0, "{err}");
    for id in [
        "imrf-hearing-2022",
        "imrf-2022",
        "progress-declaration-endorsed-2022",
    ] {
        assert!(out.contains(id), "{id}: {out}");
    }
}

#[test]
fn data_check_keeps_the_gcm_s_rules() {
    let (_, exported, _) = ewg(&["data", "export"]);
    let dir = tempfile::tempdir().expect("temp dir");
    for (broken, from, to, says) in [
        (
            "letter twice",
            "letter = \"b\"",
            "letter = \"a\"",
            "is given twice",
        ),
        (
            "paragraph",
            "paragraph = 23\n",
            "paragraph = 24\n",
            "objective 7 is paragraph 23 of the GCM, not 24",
        ),
        (
            "mention",
            "mentions = [\"women\"",
            "mentions = [\"men\"",
            "unknown variant `men`",
        ),
    ] {
        let path = dir
            .path()
            .join(format!("{}.toml", broken.replace(' ', "-")));
        std::fs::write(&path, exported.replacen(from, to, 1)).expect("write");
        let (code, _, err) = ewg(&["data", "check", path.to_str().expect("utf-8")]);
        assert_eq!(code, 1, "{broken}: {err}");
        assert!(err.contains(says), "{broken}: {err}");
    }
}

#[test]
fn counts_and_ranges_come_from_the_file() {
    let (_, exported, _) = ewg(&["data", "export"]);
    // One member fewer: the block from CRPD's header to the next member's.
    let crpd = exported
        .find("[[members]]\nid = \"crpd\"")
        .expect("CRPD is a member");
    let next = crpd
        + 1
        + exported[crpd + 1..]
            .find("[[members]]")
            .expect("a member follows");
    let exported = format!("{}{}", &exported[..crpd], &exported[next..]);
    let sixth = "[[issues]]\nnumber = 6\ntitle = \"A sixth note\"\nsummary = \"A note for this \
                 test.\"\nsource = \"https://example.org/6\"\n\n[[activities]]";
    // A 24th objective and its chapter.
    let objective = "[[objectives]]\nnumber = 24\ntitle = \"A 24th objective\"\nlabel = \"Test\"\n\
                     guide = \"https://ppguide.unwomen.org/objective/24\"\n\
                     source = \"https://example.org/24\"\n\n[[actions]]";
    let chapter = "[[guide]]\nobjective = 24\nsource = \"https://ppguide.unwomen.org/objective/24\"\n\
                   not_read = \"everything\"\n\n[[glossary]]";
    let edited = exported
        .replacen("[[activities]]", sixth, 1)
        .replacen("[[actions]]", objective, 1)
        .replacen("[[glossary]]", chapter, 1)
        .replacen(
            &format!("updated = \"{}\"", common::updated()),
            "updated = \"2027-01-05\"",
            1,
        );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("edited.toml");
    std::fs::write(&path, edited).expect("write");
    let path = path.to_str().expect("utf-8");
    let (code, out, err) = ewg(&["--data", path, "issues", "show", "6"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("A sixth note"), "{out}");
    let (code, _, err) = ewg(&["--data", path, "issues", "show", "7"]);
    assert_eq!(code, 1);
    assert!(err.contains("issues are numbered 1 to 6"), "{err}");
    let (_, out, _) = ewg(&["--data", path, "--version"]);
    assert!(out.contains("updated 2027-01-05"), "{out}");
    let (code, out, err) = ewg(&["--data", path]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("members\t17 institutions in 6 categories"),
        "{out}"
    );
    assert!(out.contains("series\t6 guidance notes"), "{out}");
    let (code, _, _) = ewg(&["--data", path, "members", "show", "crpd"]);
    assert_eq!(code, 1);
    for args in [
        &["objectives", "show", "24"][..],
        &["guide", "24"],
        &["guide"],
    ] {
        let mut all = vec!["--data", path];
        all.extend(args);
        let (code, _, err) = ewg(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    let (code, _, err) = ewg(&["--data", path, "guide", "25"]);
    assert_eq!(code, 1);
    assert!(err.contains("chapters are numbered 1 to 24"), "{err}");
    let (_, out, _) = ewg(&["--data", path, "guide"]);
    assert!(out.contains("nothing of Objectives 16 and 24"), "{out}");
}

#[test]
fn each_command_writes_the_formats_it_declares() {
    let cited = json(&["cite", "issue", "4"]);
    assert_eq!(cited[0]["id"], "ewg-issue-4", "CSL-JSON: {cited}");
    let (code, _, err) = ewg(&["brief", "--json"]);
    assert_eq!(code, 2);
    assert!(err.contains("it writes markdown, html"), "{err}");
    let urls = json(&["open", "cedaw", "--print"]);
    assert!(
        urls[0].as_str().is_some_and(|u| u.starts_with("https://")),
        "{urls}"
    );
    let (code, _, err) = ewg(&["members", "--format", "html"]);
    assert_eq!(code, 2);
    assert!(err.contains("`ewg members` does not write html"), "{err}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "[meta]\nupdated = 1\n").expect("write");
    let (code, out, _) = ewg(&["data", "check", path.to_str().expect("utf-8"), "--json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).expect("JSON on standard output");
    assert_eq!(report["ok"], false);
    assert!(report["problems"][0]["line"].is_number(), "{report}");
}
