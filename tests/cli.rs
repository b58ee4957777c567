//! Runs the real binary in a scrubbed environment (no NO_COLOR, COLUMNS, TERM...) and checks
//! its output against the readable files in `tests/expected/`. `EWG_BLESS=1 cargo test` rewrites
//! those files from the current output; review the diff before committing it.

mod common;
use common::{assert_expected, updated};

use std::process::{Command, Stdio};

/// `ewg` with an empty environment: its output depends on nothing but its arguments.
fn ewg(args: &[&str]) -> Command {
    let mut cmd = common::command();
    cmd.args(args);
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = ewg(args).output().expect("ewg runs");
    Run {
        code: out.status.code().expect("ewg exits with a code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Every command, in its piped and its JSON form.
const COMMANDS: &[(&str, &[&str])] = &[
    ("overview", &[]),
    ("about", &["about"]),
    ("members", &["members"]),
    (
        "members-treaty-bodies",
        &["members", "--category", "treaty-bodies"],
    ),
    (
        "members-list-category-name",
        &["members", "list", "--category", "Treaty bodies"],
    ),
    ("members-show-cedaw", &["members", "show", "cedaw"]),
    ("members-categories", &["members", "categories"]),
    ("issues", &["issues"]),
    ("issues-show-1", &["issues", "show", "1"]),
    ("issues-show-2", &["issues", "show", "2"]),
    ("activities", &["activities"]),
    (
        "activities-show-side-events",
        &["activities", "show", "side-events"],
    ),
    ("publications", &["publications"]),
    (
        "publications-show-reflections-2018",
        &["publications", "show", "reflections-2018"],
    ),
    ("timeline", &["timeline"]),
    ("objectives", &["objectives"]),
    ("objectives-show-6", &["objectives", "show", "6"]),
    ("guide", &["guide"]),
    ("guide-list", &["guide", "list"]),
    ("guide-show-6", &["guide", "show", "6"]),
    ("guide-16", &["guide", "16"]),
    ("define-covid", &["define", "covid"]),
    (
        "timeline-show-marrakech",
        &["timeline", "show", "marrakech-conference-2018"],
    ),
    ("timeline-2018", &["timeline", "--year", "2018"]),
    ("define", &["define"]),
    ("define-icescr", &["define", "icescr"]),
    ("search-labour-rights", &["search", "labour rights"]),
    ("objectives-show-7", &["objectives", "show", "7"]),
    ("actions-objective-7", &["actions", "--objective", "7"]),
    (
        "actions-mentions-women",
        &["actions", "--mentions", "women"],
    ),
    ("actions-show-7c", &["actions", "show", "7c"]),
    ("principles", &["principles"]),
    ("principles-show-g", &["principles", "show", "g"]),
    ("define-gender-responsive", &["define", "gender-responsive"]),
    ("follow-up", &["follow-up"]),
    ("follow-up-show-imrf", &["follow-up", "show", "imrf"]),
    ("timeline-2022", &["timeline", "--year", "2022"]),
];

#[test]
fn every_command_piped_matches_its_expected_output() {
    for (name, args) in COMMANDS {
        let out = run(args);
        assert_eq!(out.code, 0, "ewg {args:?}: {}", out.stderr);
        assert_eq!(out.stderr, "", "ewg {args:?}");
        assert!(
            !out.stdout.contains('\u{1b}'),
            "ewg {args:?}: piped output has escape codes"
        );
        assert_expected(&format!("{name}.txt"), &out.stdout);
    }
}

#[test]
fn every_command_as_json_matches_its_expected_output() {
    for (name, args) in COMMANDS {
        let mut args = args.to_vec();
        args.push("--json");
        let out = run(&args);
        assert_eq!(out.code, 0, "ewg {args:?}: {}", out.stderr);
        serde_json::from_str::<serde_json::Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("ewg {args:?}: not JSON: {e}"));
        assert_expected(&format!("{name}.json"), &out.stdout);
    }
}

#[test]
fn piped_lists_are_one_tab_separated_record_per_line_id_first() {
    let out = run(&["members"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 18);
    assert!(
        lines.iter().all(|l| l.split('\t').count() == 4),
        "{lines:?}"
    );
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap_or_default())
        .collect();
    assert_eq!(ids[..3], ["cmw", "cedaw", "cescr"]);
}

#[test]
fn json_shapes_are_arrays_for_lists_and_objects_for_show() {
    let list: serde_json::Value =
        serde_json::from_str(&run(&["issues", "--json"]).stdout).expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(5));
    let show: serde_json::Value =
        serde_json::from_str(&run(&["members", "show", "cedaw", "--json"]).stdout).expect("json");
    assert_eq!(show["id"], "cedaw");
    assert_eq!(show["kind"], "member");
    assert!(
        show["related"]
            .as_array()
            .is_some_and(|r| r.iter().any(|e| e["via"] == "co-chair"))
    );

    let hits: serde_json::Value =
        serde_json::from_str(&run(&["search", "labour", "rights", "--json"]).stdout).expect("json");
    let first = &hits[0];
    assert_eq!(
        (first["kind"].as_str(), first["id"].as_str()),
        (Some("issue"), Some("4"))
    );
    assert!(first["score"].as_f64().is_some());
    assert!(
        first["matched"]
            .as_array()
            .is_some_and(|m| m.iter().any(|f| f == "title"))
    );
}

#[test]
fn version_names_the_dataset_date() {
    let out = run(&["--version"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .starts_with(&format!("ewg {} ", env!("CARGO_PKG_VERSION"))),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains(&format!("dataset: bundled, updated {}", updated())),
        "{}",
        out.stdout
    );
}

#[test]
fn the_version_line_is_the_same_whether_clap_reads_the_line_or_not() {
    // `--version` alone is answered before clap; with another flag, after it.
    let alone = run(&["--version"]);
    for args in [
        &["-V"][..],
        &["--version", "--no-pager"],
        &["--color", "never", "-V"],
    ] {
        let out = run(args);
        assert_eq!(
            (out.code, &out.stdout),
            (alone.code, &alone.stdout),
            "{args:?}"
        );
    }
    // EWG_DATA names the dataset the line describes, as --data does.
    let out = common::command()
        .env("EWG_DATA", "data/ewg.toml")
        .arg("--version")
        .output()
        .expect("ewg runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("dataset: data/ewg.toml"), "{stdout}");
}

/// (arguments, exit code, what stderr must say)
const ERRORS: &[(&[&str], i32, &str)] = &[
    (
        &["issues", "show", "6"],
        1,
        "error: there is no issue 6; issues are numbered 1 to 5",
    ),
    (&["issues", "show", "0"], 1, "issues are numbered 1 to 5"),
    (
        &["issues", "show", "three"],
        1,
        "`three` is not an issue number; issues are numbered 1 to 5",
    ),
    (
        &["objectives", "show", "24"],
        1,
        "objectives are numbered 1 to 23",
    ),
    (
        &["members", "show", "cedwa"],
        1,
        "no member `cedwa` (did you mean `cedaw`?)",
    ),
    (
        &["members", "--category", "treaty"],
        1,
        "categories are: treaty-bodies, special-procedures, un-agencies",
    ),
    (
        &["activities", "show", "side-event"],
        1,
        "no activity with the id `side-event` (did you mean `side-events`?)",
    ),
    (
        &["publications", "show", "nope"],
        1,
        "`ewg publications` lists them",
    ),
    (&["define", "XYZ"], 1, "no acronym `XYZ` in the glossary"),
    (&["search", "zzzzqx"], 1, "no entry matches `zzzzqx`"),
    (
        &["search", "unicef", "remittances", "--all-words"],
        1,
        "the words match separately: try without `unicef` or without `remittances`",
    ),
    (&["search", "--"], 2, "required"),
    (&["labour"], 2, "ewg search labour"),
    (&["members", "--colour", "always"], 2, "--color"),
    (&["search", "x", "--limit", "many"], 2, "--limit"),
    (
        &["search", "who", "is"],
        2,
        "asks a question but names nothing to look for",
    ),
];

#[test]
fn errors_name_the_problem_and_the_next_step() {
    for (args, code, message) in ERRORS {
        let out = run(args);
        assert_eq!(out.code, *code, "ewg {args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains(message),
            "ewg {args:?}: stderr lacks {message:?}:\n{}",
            out.stderr
        );
        if *code == 1 {
            assert_eq!(out.stdout, "", "ewg {args:?}");
        }
    }
}

#[test]
fn color_always_paints_piped_output_and_never_does_not() {
    let out = run(&["members", "--color", "always"]);
    assert!(
        out.stdout.contains("\u{1b}[36mcedaw\u{1b}[0m"),
        "{:?}",
        out.stdout
    );
    let out = ewg(&["members", "--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
    let out = ewg(&["members"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
        "CLICOLOR_FORCE forces colour"
    );
    let out = ewg(&["members"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
        "NO_COLOR wins"
    );
}

#[test]
fn stderr_colour_is_decided_on_its_own() {
    let out = run(&["issues", "show", "9", "--color", "always"]);
    assert!(out.stderr.starts_with("\u{1b}["), "{:?}", out.stderr);
    let out = run(&["issues", "show", "9"]);
    assert!(out.stderr.starts_with("error: "), "{:?}", out.stderr);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // The reader is gone before ewg writes a byte: the write fails with EPIPE.
    let mut child = ewg(&["search", "migration"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ewg exits");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_closed_pipe_in_a_real_shell_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("ewg");
    let script = format!(
        "'{}' members | head -1; echo \"status=${{PIPESTATUS[0]}}\"",
        bin.display()
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .env_clear()
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("cmw\t"), "{stdout}");
    assert!(stdout.contains("status=0"), "{stdout}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn search_limit_caps_and_kind_filters() {
    let out = run(&["search", "migration", "--limit", "2"]);
    assert_eq!(out.stdout.lines().count(), 2);
    let out = run(&[
        "search",
        "migration",
        "--kind",
        "objective",
        "--kind",
        "issue",
    ]);
    assert!(out.stdout.lines().count() > 2);
    assert!(
        out.stdout
            .lines()
            .all(|l| l.contains("\tobjective\t") || l.contains("\tissue\t")),
        "{}",
        out.stdout
    );
}

#[test]
fn search_highlights_the_matched_words_when_coloured() {
    let out = run(&["search", "refoulement", "--color", "always"]);
    assert!(
        // Bold and underlined in the terminal's own colour, readable on dark and light themes.
        out.stdout.contains("\u{1b}[1;4mrefoulement\u{1b}[0m"),
        "{:?}",
        out.stdout
    );
}

#[test]
fn guide_search_reaches_every_point_and_says_which_part_matched() {
    // Every word: a chapter with only some of them may match in its instruments.
    let out = run(&[
        "search",
        "domestic workers",
        "--kind",
        "guide",
        "--all-words",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields[1], "guide", "{line}");
        assert!(
            fields[3].starts_with("issues: ") || fields[3].starts_with("measures: "),
            "{line}"
        );
    }
    // A measure, not an issue: Objective 7's on HIV screening.
    let out = run(&["search", "compulsory pregnancy tests"]);
    assert!(
        out.stdout
            .starts_with("7\tguide\tGuide, objective 7: Reduce vulnerabilities\tmeasures: "),
        "{}",
        out.stdout
    );
}

#[test]
fn the_guide_says_what_it_does_not_hold() {
    let chapter = run(&["guide", "16"]).stdout;
    assert!(
        chapter.contains("not in the dataset\tThe whole chapter"),
        "{chapter}"
    );
    assert!(
        chapter.contains("https://ppguide.unwomen.org/objective/16"),
        "{chapter}"
    );
    let guide = run(&["guide"]).stdout;
    assert!(
        guide.contains(
            "16 Inclusion and social cohesion: 0 issues, 0 measures (not in the dataset)"
        ),
        "{guide}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["guide", "6", "--json"]).stdout).expect("JSON");
    for key in [
        "objective",
        "source",
        "issues",
        "measures",
        "not_read",
        "kind",
        "related",
    ] {
        assert!(json.get(key).is_some(), "no `{key}` in {json}");
    }
    assert_eq!(json["kind"], "guide");
}

/// The first hits of a search, as `kind:id`.
fn hits(args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json"];
    all.extend(args);
    let out = run(&all);
    if out.code != 0 {
        return Vec::new();
    }
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    json.as_array()
        .expect("an array")
        .iter()
        .map(|h| {
            format!(
                "{}:{}",
                h["kind"].as_str().unwrap_or(""),
                h["id"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn an_entry_named_by_number_stays_first_beside_a_kind_word() {
    let found = hits(&["issue 4 actions on labour"]);
    assert_eq!(
        found.first().map(String::as_str),
        Some("issue:4"),
        "{found:?}"
    );
    // The kind named comes next.
    assert!(found[1].starts_with("action:"), "{found:?}");
}

#[test]
fn where_questions_favour_entries_with_a_place() {
    let first = |query: &str| hits(&[query]).into_iter().next().unwrap_or_default();
    assert_eq!(
        first("where was the GCM adopted"),
        "event:marrakech-conference-2018"
    );
    // Without `where`, the meeting in New York is not the first of the EWG's meetings.
    assert_eq!(
        first("where did the EWG meet"),
        "event:new-york-meeting-2017"
    );
    assert_ne!(first("did the EWG meet"), "event:new-york-meeting-2017");
    // The place is shown, and in JSON.
    let show = run(&["timeline", "marrakech-conference-2018"]);
    assert!(show.stdout.contains("Marrakech"), "{}", show.stdout);
    let json = run(&["timeline", "marrakech-conference-2018", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(json["place"], "Marrakech");
}

#[test]
fn questions_find_their_answers() {
    // Each row of the table in issue 11: what was typed, and what was got before.
    let adopted = hits(&["when was the GCM adopted"]);
    assert!(
        adopted
            .iter()
            .take(3)
            .any(|h| h == "event:marrakech-conference-2018"),
        "{adopted:?}"
    );
    assert!(
        hits(&["how many migrant women"])
            .iter()
            .take(3)
            .any(|h| h == "group:ewg")
    );
    assert!(
        hits(&["who chairs"])
            .iter()
            .take(3)
            .any(|h| h == "group:ewg")
    );
    assert_eq!(
        hits(&["guidance note 2"]).first().map(String::as_str),
        Some("issue:2")
    );
    assert!(hits(&["labour", "--kind", "objective"]).contains(&"objective:6".to_string()));
}

#[test]
fn numbers_and_years_match_exactly() {
    let years = hits(&["2018"]);
    assert!(!years.is_empty());
    for hit in &years {
        let id = hit.split_once(':').map_or("", |(_, id)| id);
        let kind = hit.split_once(':').map_or("", |(kind, _)| kind);
        let text = match kind {
            "group" => run(&["about"]).stdout,
            "event" => run(&["timeline"])
                .stdout
                .lines()
                .filter(|l| l.starts_with(&format!("{id}\t")))
                .collect(),
            "publication" => run(&["publications", "show", id]).stdout,
            "follow-up" => run(&["follow-up", "show", id]).stdout,
            "action" => run(&["actions", "show", id]).stdout,
            "principle" => run(&["principles", "show", id]).stdout,
            other => panic!("unexpected kind {other} for 2018"),
        };
        assert!(text.contains("2018"), "{hit} does not contain 2018");
        for other in ["2016", "2017", "2019"] {
            assert!(!id.ends_with(other), "{hit}");
        }
    }
    assert_eq!(
        hits(&["120"]).first().map(String::as_str),
        Some("group:ewg")
    );
}

#[test]
fn abbreviations_and_typos_do_not_stand_in_for_real_words() {
    // `ratio` is scattered over long ids, not an abbreviation of any.
    assert_eq!(hits(&["ratio"]), Vec::<String>::new());
    // `detention` is a word of the data: not a typo of `attention`.
    let detention = hits(&["detention"]);
    assert!(
        !detention.contains(&"activity:side-events".to_string()),
        "{detention:?}"
    );
    assert_eq!(detention.first().map(String::as_str), Some("objective:13"));
    // Nor is a common English word the data lacks a typo of one it has (`mother`, `other`): it
    // finds nothing, and no word of another meaning is suggested.
    let mother = run(&["search", "mother"]);
    assert_eq!(mother.code, 1);
    assert!(!mother.stderr.contains("did you mean"), "{}", mother.stderr);
    // A rare word that is also a typo (`frist`) is forgiven.
    assert_eq!(
        hits(&["frist", "review", "forum"])
            .first()
            .map(String::as_str),
        hits(&["first", "review", "forum"])
            .first()
            .map(String::as_str)
    );
    // Abbreviations still work where no word matches.
    assert_eq!(
        hits(&["cdw"]).first().map(String::as_str),
        Some("member:cedaw")
    );
}

#[test]
fn synonyms_work_both_ways_and_exact_words_rank_first() {
    for (typed, synonym_only) in [
        ("employment", "objective:6"),
        ("GBV", "guide:2"),
        ("minors", "issue:3"),
        ("detained", "objective:13"),
        ("trafficked", "objective:10"),
        ("endorsed", "event:marrakech-conference-2018"),
        ("immigration detention", "objective:13"),
        ("regardless", "guide:15"),
    ] {
        let found = hits(&[typed]);
        assert!(
            found.contains(&synonym_only.to_string()),
            "{typed}: {found:?}"
        );
    }
    // `whatever` finds only itself: "whatever you do" is not "regardless of status".
    assert!(!hits(&["whatever"]).contains(&"action:7b".to_string()));
    // `workers` is in the text: entries that say it come before those that say only `work`.
    let workers = hits(&["workers"]);
    assert_eq!(
        workers.first().map(String::as_str),
        Some("issue:4"),
        "{workers:?}"
    );
}

#[test]
fn piped_hits_are_cut_without_a_note_and_limit_zero_means_all() {
    // On a terminal the note ("showing 10 of N") is pinned in tests/expected/tty-*-search-*.txt.
    let out = run(&["search", "migration", "--limit", "3"]);
    // Piped: the hits asked for, no note.
    assert_eq!(out.stdout.lines().count(), 3);
    assert!(!out.stdout.contains("showing"));
    let all = run(&["search", "migration", "--limit", "0"])
        .stdout
        .lines()
        .count();
    assert!(all > 10, "{all}");
}

#[test]
fn few_entries_with_every_word_are_followed_by_those_with_some() {
    let query = "trafficking victims protection regardless of status";
    let strict = hits(&[query, "--all-words"]);
    assert_eq!(strict.len(), 2, "{strict:?}");
    let out = run(&["search", query]);
    assert_eq!(out.code, 0);
    let found: Vec<&str> = out.stdout.lines().collect();
    // The two with every word first, as strictly; then GCM action 10(e), which lacks only
    // `protection`, among the others, up to ten in all.
    for (line, id) in found.iter().zip(&strict) {
        let (kind, id) = id.split_once(':').unwrap_or_default();
        assert!(line.starts_with(&format!("{id}\t{kind}\t")), "{line}");
    }
    assert!(
        found.iter().any(|l| l.starts_with("10e\taction\t")),
        "{found:?}"
    );
    assert_eq!(found.len(), 10);
    assert!(
        out.stderr.contains(
            "2 entries have every word of `trafficking victims protection regardless of status`"
        ),
        "{}",
        out.stderr
    );
    // Ten or more with every word: those alone.
    let out = run(&["search", "migrant", "women"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn a_query_no_entry_matches_whole_shows_the_best_partial_matches() {
    // Every word somewhere, never together: the entries with the most telling words, a note.
    let out = run(&["search", "unicef", "remittances"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("note: no entry has all of `unicef remittances`"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.is_empty());
    // A word no entry has is named, and the others still answer.
    let out = run(&["search", "domestic", "workers", "qwxzy"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("no entry mentions `qwxzy`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout
            .lines()
            .next()
            .is_some_and(|l| l.contains("guide")),
        "{}",
        out.stdout
    );
    // Nothing at all: exit 1.
    let out = run(&["search", "qwxzy"]);
    assert_eq!(out.code, 1);
    // --all-words keeps every word required.
    let out = run(&["search", "unicef", "remittances", "--all-words"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("try without `unicef` or without `remittances`"),
        "{}",
        out.stderr
    );
}

#[test]
fn suggestions_are_words_that_would_find_something() {
    let out = run(&["search", "cedwa", "remitances", "zzqx", "--all-words"]);
    assert_eq!(out.code, 1);
    assert!(!out.stderr.contains("`the`"), "{}", out.stderr);
    // A suggestion is offered only if the query with it would find hits.
    let out = run(&["search", "unicef", "remitances", "--all-words"]);
    assert!(
        !out.stderr.contains("did you mean `remittances`"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_timeline_filters_by_year_and_between_dates() {
    let all = run(&["timeline"]).stdout;
    let of_2018: Vec<&str> = all
        .lines()
        .filter(|l| {
            l.split('\t')
                .nth(1)
                .is_some_and(|when| when.ends_with("2018"))
        })
        .collect();
    let year = run(&["timeline", "--year", "2018"]).stdout;
    assert_eq!(
        year.lines().collect::<Vec<_>>(),
        of_2018,
        "every event of 2018, no other"
    );
    let december = run(&["timeline", "--from", "2018-12", "--to", "December 2018"]).stdout;
    let ids: Vec<&str> = december
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(
        ids,
        [
            "un-network-launch-2018",
            "marrakech-conference-2018",
            "unga-endorsement-2018"
        ]
    );
    let from = run(&["timeline", "--from", "2021"]).stdout;
    assert!(from.lines().all(|l| !l.contains("2018")), "{from}");
    let none = run(&["timeline", "--year", "2015"]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr.contains("the timeline runs from"),
        "{}",
        none.stderr
    );
    for bad in [
        ["--year", "18"],
        ["--from", "last year"],
        ["--to", "2018-13"],
    ] {
        let out = run(&["timeline", bad[0], bad[1]]);
        assert_eq!(out.code, 2, "{bad:?}");
        assert!(out.stderr.contains("is not a"), "{bad:?}: {}", out.stderr);
    }
    // Every event shows in full, with its source.
    let shown = run(&["timeline", "marrakech-conference-2018"]).stdout;
    assert!(
        shown.contains("sources\thttps://www.un.org/en/conf/migration/"),
        "{shown}"
    );
}

#[test]
fn publications_are_listed_by_date_and_sort_on_request() {
    let ids = |args: &[&str]| -> Vec<String> {
        run(args)
            .stdout
            .lines()
            .filter_map(|l| l.split('\t').next().map(String::from))
            .collect()
    };
    assert_eq!(
        ids(&["publications"]),
        [
            "recommendations-2017",
            "reflections-2018",
            "iwd-2019-statement",
            "policies-and-practice-guide"
        ]
    );
    let mut by_id = ids(&["publications"]);
    by_id.sort();
    assert_eq!(ids(&["publications", "--sort", "id"]), by_id);
    assert_eq!(
        ids(&["publications", "--sort", "title"])[0],
        "iwd-2019-statement"
    );
    // Piped, every list row carries its source.
    assert!(run(&["timeline"]).stdout.lines().all(|l| {
        l.split('\t')
            .nth(3)
            .is_some_and(|s| s.starts_with("https://"))
    }));
}

#[test]
fn shorthands_show_the_entry_their_show_command_shows() {
    for (short, long) in [
        (&["issue", "3"][..], &["issues", "show", "3"][..]),
        (&["issues", "3"], &["issues", "show", "3"]),
        (&["member", "cedaw"], &["members", "show", "cedaw"]),
        (&["members", "cedaw"], &["members", "show", "cedaw"]),
        (&["objectives", "8"], &["objectives", "show", "8"]),
        (&["guide", "13"], &["guide", "show", "13"]),
        (
            &["activities", "side-events"],
            &["activities", "show", "side-events"],
        ),
        (
            &["publication", "reflections-2018"],
            &["publications", "show", "reflections-2018"],
        ),
    ] {
        let (short_run, long_run) = (run(short), run(long));
        assert_eq!(short_run.code, 0, "ewg {short:?}: {}", short_run.stderr);
        assert_eq!(short_run.stdout, long_run.stdout, "ewg {short:?}");
    }
}

#[test]
fn the_exit_status_table_in_the_readme_is_the_one_help_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let help = run(&["--help"]).stdout;
    let start = help.find("Exit status:").expect("help has the table");
    let table: Vec<&str> = help[start..]
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    let table = table.join("\n");
    assert!(readme.contains(&table), "README.md lacks:\n{table}");
}

#[test]
fn small_mistakes_get_clear_words() {
    // A negative limit: said in our words, not clap's tip about `--`.
    let out = run(&["search", "migrant", "--limit", "-1"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("is not a number of hits"),
        "{}",
        out.stderr
    );
    // Reversed dates are called reversed.
    let out = run(&["timeline", "--from", "2020", "--to", "2018"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("the dates are reversed"),
        "{}",
        out.stderr
    );
    // The same entry twice is cited once: one key.
    let out = run(&["cite", "cedaw", "CEDAW", "--format", "bibtex"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout.matches("@misc{ewg-member-cedaw,").count(),
        1,
        "{}",
        out.stdout
    );
}

#[test]
fn help_that_cannot_be_written_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = ewg(&["--help"]).stdout(full).output().expect("runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"));
}

#[test]
fn show_takes_any_entry_and_lists_the_candidates_of_an_ambiguous_one() {
    for (asked, heading) in [
        (
            &["show", "cedaw"][..],
            "Committee on the Elimination of Discrimination against Women",
        ),
        (
            &["show", "CEDAW"],
            "Committee on the Elimination of Discrimination against Women",
        ),
        (&["show", "7c"], "GCM para 23(c)"),
        (&["show", "issue", "4"], "Issue 4:"),
        (&["show", "imrf"], "International Migration Review Forum"),
        (&["show", "ewg"], "Expert Working Group"),
    ] {
        let out = run(asked);
        assert_eq!(out.code, 0, "{asked:?}: {}", out.stderr);
        let first = out.stdout.lines().next().unwrap_or_default();
        assert!(first.contains(heading), "{asked:?}: {first}");
    }
    let out = run(&["show", "13"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("ewg objectives 13"), "{}", out.stderr);
    assert!(out.stderr.contains("ewg guide 13"), "{}", out.stderr);
    let out = run(&["show", "nothing-here"]);
    assert_eq!(out.code, 1);
}

#[test]
fn every_search_hit_says_how_to_show_it() {
    let out = run(&["search", "labour rights", "--json"]);
    let hits: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    for hit in hits.as_array().expect("hits") {
        let command = hit["show"].as_str().expect("a command");
        let words: Vec<&str> = command.split(' ').skip(1).collect();
        let shown = run(&words);
        assert_eq!(shown.code, 0, "{command}: {}", shown.stderr);
    }
    let plain = run(&["search", "labour rights"]).stdout;
    assert!(
        plain
            .lines()
            .all(|l| l.split('\t').nth(4).is_some_and(|c| c.starts_with("ewg ")))
    );
}

#[test]
fn citations_say_each_thing_once() {
    // A style is for text: asked with another form, it is refused, not ignored.
    let out = run(&["cite", "cedaw", "--style", "chicago", "--format", "bibtex"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--style shapes text only"),
        "{}",
        out.stderr
    );
    // An organisation's own site is not its own author as well as its title.
    let mla = run(&["cite", "cedaw", "--style", "mla"]).stdout;
    assert_eq!(
        mla.matches("Committee on the Elimination").count(),
        1,
        "{mla}"
    );
    // The series follows the title, never the author (Chicago's placement of a web parent).
    let chicago = run(&["cite", "issue", "4", "--style", "chicago"]).stdout;
    assert!(
        !chicago.contains("migration (GCMGender Series)"),
        "{chicago}"
    );
    assert!(chicago.contains("Workers.” GCMGender Series."), "{chicago}");
    // Cite Them Right is British: its accessed date reads day month year.
    let harvard = run(&["cite", "cedaw", "--style", "harvard"]).stdout;
    let accessed = harvard.split("(Accessed: ").nth(1).unwrap_or_default();
    assert!(
        accessed.starts_with(|c: char| c.is_ascii_digit()),
        "{harvard}"
    );
    // An event has no title: it is described in square brackets, with its day, one full stop.
    let event = run(&["cite", "marrakech-conference-2018"]).stdout;
    assert!(
        event.starts_with("[The Intergovernmental Conference"),
        "{event}"
    );
    assert!(
        event.contains("(2018, December 10)") && !event.contains(".."),
        "{event}"
    );
    // No doubled parentheses where a name already carries its acronym.
    let guide = run(&["guide", "10"]).stdout;
    assert!(!guide.contains("(UNODC) (UNODC)"), "{guide}");
    let brief = run(&["brief"]).stdout;
    assert!(
        !brief.contains(") (HI)") && !brief.contains(") (UNHCR)"),
        "{brief}"
    );
}

// The questions that came back empty or wrong when every word had to match: a test a row.

fn top3(query: &str) -> Vec<String> {
    hits(&[query]).into_iter().take(3).collect()
}

#[test]
fn a_question_about_what_the_group_recommends_finds_the_guide() {
    let found = top3("what does the group recommend on domestic workers");
    assert!(
        found
            .iter()
            .any(|h| ["guide:5", "guide:6", "action:6k", "action:7d"].contains(&h.as_str())),
        "{found:?}"
    );
}

#[test]
fn a_definition_asked_for_finds_the_principle() {
    assert_eq!(
        top3("definition of gender-responsive")
            .first()
            .map(String::as_str),
        Some("principle:g")
    );
}

#[test]
fn the_us_spelling_finds_a_labour_entry_first() {
    let out = run(&["search", "labor", "migration"]);
    let first = out.stdout.lines().next().unwrap_or_default();
    assert!(first.to_lowercase().contains("labour"), "{first}");
}

#[test]
fn the_series_name_finds_its_five_notes() {
    assert_eq!(
        hits(&["GCMGender"]),
        ["issue:1", "issue:2", "issue:3", "issue:4", "issue:5"]
    );
}

#[test]
fn members_of_the_ewg_are_all_eighteen() {
    let members = hits(&["members of the EWG"]);
    assert_eq!(members.len(), 18, "{members:?}");
    assert!(members.iter().all(|h| h.starts_with("member:")));
}

#[test]
fn citation_is_not_corrected_and_names_the_cite_command() {
    // A correctly spelled word is not turned into another.
    let out = run(&["search", "citation"]);
    assert!(!out.stdout.contains("hi\t"), "{}", out.stdout);
    assert!(!out.stderr.contains("situation"), "{}", out.stderr);
    // It names what ewg does, not what the data holds: the command that does it is named, and
    // the works to cite are shown.
    assert!(out.stderr.contains("`ewg cite ENTRY`"), "{}", out.stderr);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut cited = hits(&["citation"]);
    cited.sort();
    assert_eq!(
        cited,
        [
            "publication:iwd-2019-statement",
            "publication:policies-and-practice-guide",
            "publication:recommendations-2017",
            "publication:reflections-2018"
        ]
    );
    // With every word asked for, or only other kinds, nothing is found.
    assert_eq!(run(&["search", "citation", "--all-words"]).code, 1);
    assert_eq!(run(&["search", "citation", "--kind", "member"]).code, 1);
    // Words for a command with no kind of its own still find nothing, and name the command.
    let csv = run(&["search", "csv"]);
    assert_eq!(csv.code, 1);
    assert!(csv.stderr.contains("`ewg data export`"), "{}", csv.stderr);
}

#[test]
fn domestic_workers_and_bilateral_arrangements_find_the_chapter_on_pathways() {
    assert!(
        top3("domestic workers bilateral labour arrangements").contains(&"guide:5".to_string())
    );
}

#[test]
fn everyday_words_never_make_a_question_fail() {
    for everyday in ["recommend", "regardless", "anything", "next", "mention"] {
        let out = run(&["search", "domestic", "workers", everyday]);
        assert_eq!(out.code, 0, "{everyday}: {}", out.stderr);
    }
}
