//! Taking answers out of `ewg`: every list and show as Markdown and CSV (parsed back), the
//! briefing (Markdown and HTML, built from the data, written atomically) and `ewg open`.

mod common;
use common::ewg;

/// Every list, with how many rows it has piped (its plain form).
const LISTS: &[&[&str]] = &[
    &["members"],
    &["members", "categories"],
    &["issues"],
    &["activities"],
    &["publications"],
    &["timeline"],
    &["objectives"],
    &["guide", "list"],
    &["define"],
    &["search", "labour rights"],
];

const SHOWS: &[&[&str]] = &[
    &["members", "show", "cedaw"],
    &["issues", "show", "1"],
    &["guide", "6"],
    &["timeline", "show", "marrakech-conference-2018"],
    &["about"],
];

fn with(args: &[&str], extra: &[&'static str]) -> Vec<String> {
    args.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn run(args: &[String]) -> (i32, String, String) {
    ewg(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn every_list_as_csv_parses_back_with_a_header_and_every_row() {
    for list in LISTS {
        let (_, plain, _) = run(&with(list, &[]));
        let (code, csv_text, err) = run(&with(list, &["--format", "csv"]));
        assert_eq!(code, 0, "{list:?}: {err}");
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header = reader.headers().expect("a header row").clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert_eq!(rows.len(), plain.lines().count(), "{list:?}");
        for (row, line) in rows.iter().zip(plain.lines()) {
            assert_eq!(row.len(), header.len(), "{list:?}");
            assert_eq!(row.iter().collect::<Vec<_>>().join("\t"), line, "{list:?}");
        }
    }
}

#[test]
fn every_list_as_markdown_is_a_table_with_the_right_columns() {
    for list in LISTS {
        let (_, plain, _) = run(&with(list, &[]));
        let (code, md, err) = run(&with(list, &["--format", "markdown"]));
        assert_eq!(code, 0, "{list:?}: {err}");
        let lines: Vec<&str> = md.lines().collect();
        let columns = lines[0].matches(" | ").count() + 1;
        assert!(lines[1].starts_with("| --- |"), "{list:?}");
        assert_eq!(lines.len() - 2, plain.lines().count(), "{list:?}");
        for line in &lines {
            // Unescaped pipes separate cells: as many in every row as in the header.
            let cells = line.replace("\\\\|", "").matches('|').count() - 1;
            assert_eq!(cells, columns, "{list:?}: {line}");
        }
    }
}

#[test]
fn every_show_has_a_heading_fields_and_source_links_in_markdown_and_csv() {
    for show in SHOWS {
        let (code, md, err) = run(&with(show, &["--format", "markdown"]));
        assert_eq!(code, 0, "{show:?}: {err}");
        assert!(md.starts_with("## "), "{show:?}: {md}");
        assert!(
            md.contains("**sources**") && md.contains("<https://"),
            "{show:?}: no source link in {md}"
        );
        let (_, csv_text, _) = run(&with(show, &["--format", "csv"]));
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        assert_eq!(
            reader.headers().expect("header").iter().collect::<Vec<_>>(),
            ["field", "value"]
        );
        assert!(
            reader.records().all(|r| r.is_ok_and(|r| r.len() == 2)),
            "{show:?}"
        );
    }
    // --json stays the shorthand of --format json.
    assert_eq!(
        run(&with(&["issues"], &["--json"])).1,
        run(&with(&["issues"], &["--format", "json"])).1
    );
    let (code, _, err) = ewg(&["members", "--format", "toml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "`ewg members` does not write toml (`ewg data export` does); it writes table, plain, json, markdown, csv"
        ),
        "{err}"
    );
}

#[test]
fn the_brief_is_built_from_the_data() {
    let (code, md, err) = ewg(&["brief"]);
    assert_eq!(code, 0, "{err}");
    for needle in [
        "# Expert Working Group",
        "UN Women",
        "## Members",
        "**Human rights treaty bodies**: CMW, CEDAW, CESCR, CERD, CRPD",
        "## The GCMGender Series",
        "[16](<https://ppguide.unwomen.org/objective/16>)",
        "## What the group asks for",
        "## Where the GCM mentions women, girls or gender",
        "objective 7 (para 23): its commitment, (a), (b), (c)",
        "## Key dates",
        "10 to 11 December 2018",
        "## Sources",
        ". <https://www.empowerwomen.org/en/who-we-are/initiatives/expert-working-group-migration>",
    ] {
        assert!(md.contains(needle), "the brief lacks {needle:?}");
    }
    // Change the data, and the brief changes with it.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("ewg.toml");
    let (_, exported, _) = ewg(&["data", "export"]);
    let changed = exported.replace(
        "secretariat = \"UN Women, as the substantive Secretariat\"",
        "secretariat = \"A changed secretariat\"",
    );
    assert_ne!(changed, exported);
    std::fs::write(&file, changed).expect("write");
    let (code, md, err) = ewg(&["--data", file.to_str().expect("utf-8"), "brief"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("**Secretariat**: A changed secretariat"),
        "{md}"
    );
}

/// Well-formed: every element closed, as an XML parser reads it.
fn assert_well_formed(html: &str) {
    let mut reader = quick_xml::Reader::from_str(html.trim_start_matches("<!DOCTYPE html>\n"));
    let mut depth = 0i32;
    loop {
        match reader.read_event().expect("well-formed HTML") {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
}

#[test]
fn the_html_brief_is_one_well_formed_self_contained_page() {
    let (code, html, err) = ewg(&["brief", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<link") && !html.contains("<script") && !html.contains(" src="));
    assert_well_formed(&html);
    assert!(html.contains("@media print"));
    // Sources are a numbered list of links; no dataset metadata ("held: partial") in the text.
    let sources = html.split("<h2>Sources</h2>").nth(1).expect("sources");
    assert!(sources.trim_start().starts_with("<ol>"), "{sources}");
    assert!(
        !html.to_lowercase().contains("partial"),
        "dataset metadata in the brief"
    );
}

#[test]
fn output_files_are_written_whole_and_never_overwritten_unasked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brief.md");
    let file = path.to_str().expect("utf-8");
    let (code, out, err) = ewg(&["brief", "--output", file]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("wrote "), "{out}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("written"),
        ewg(&["brief"]).1
    );
    std::fs::write(&path, "mine").expect("write");
    let (code, _, err) = ewg(&["brief", "--output", file]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "mine");
    let (code, _, _) = ewg(&["brief", "--format", "html", "--output", file, "--force"]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&path)
            .expect("replaced")
            .starts_with("<!DOCTYPE html>")
    );
    // Only the file asked for is left: no temporary file behind.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    // A file that cannot be written is an output failure, not a usage error.
    let (code, _, err) = ewg(&["brief", "--output", "/nonexistent-dir/brief.md"]);
    assert_eq!(code, 3, "{err}");
}

#[test]
fn open_hands_the_source_to_the_browser_or_prints_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("opened.txt");
    let browser = dir.path().join("browser");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", log.display()),
    )
    .expect("write");
    let mut perms = std::fs::metadata(&browser).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&browser, perms).expect("chmod");

    let open = |args: &[&str]| {
        common::command()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("BROWSER", &browser)
            .args(args)
            .output()
            .expect("runs")
    };
    let out = open(&["open", "issue", "4"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The browser runs on its own: give it a moment to record what it was given.
    for _ in 0..50 {
        if log.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let opened = std::fs::read_to_string(&log).expect("the browser was run");
    assert_eq!(
        opened.trim(),
        "https://www.empowerwomen.org/en/who-we-are/initiatives/expert-working-group-migration"
    );

    let (code, printed, _) = ewg(&["open", "guide", "6", "--print"]);
    assert_eq!(code, 0);
    assert_eq!(printed, "https://ppguide.unwomen.org/objective/6\n");
    let (_, all, _) = ewg(&["open", "cedaw", "--all", "--print"]);
    assert_eq!(all.lines().count(), 2, "{all}");
    assert!(
        all.starts_with("https://www.ohchr.org/"),
        "its own page first: {all}"
    );
    let (code, _, err) = ewg(&["open", "cedwa", "--print"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `cedaw`"), "{err}");
    // No browser at all (none named, none on an empty PATH): the URL is printed, and why.
    let empty = tempfile::tempdir().expect("temp dir");
    let out = common::command()
        .env("PATH", empty.path())
        .args(["open", "objective", "6"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "https://undocs.org/A/RES/73/195\n"
    );
    assert!(err.contains("no browser could be opened"), "{err}");
    // A BROWSER that fails, or that is not there: the page is printed, why is said, and the
    // system's browser is not tried in its place.
    for browser in ["false", "/nonexistent/browser"] {
        let out = common::command()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("BROWSER", browser)
            .args(["open", "cedaw"])
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{browser}: {err}");
        assert!(err.contains(&format!("BROWSER=`{browser}`")), "{err}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "https://www.ohchr.org/en/treaty-bodies/cedaw\n"
        );
    }
}

#[test]
fn output_files_get_an_ordinary_mode_and_only_regular_files_are_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brief.md");
    let file = path.to_str().expect("utf-8");
    // A new file: what the umask (here 022) leaves of 0666, not the temporary file's 0600.
    let out = common::command()
        .args(["brief", "--output", file])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let umask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("Umask:"))?.to_string();
            u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
        })
        .unwrap_or(0o022);
    assert_eq!(mode(&path), 0o666 & !umask);
    // A replaced file keeps its own mode.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let (code, _, err) = ewg(&["brief", "--output", file, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&path), 0o640);
    // A device, a folder: refused even with --force, and left as they are.
    for not_a_file in ["/dev/null", dir.path().to_str().expect("utf-8")] {
        let (code, _, err) = ewg(&["brief", "--output", not_a_file, "--force"]);
        assert_eq!(code, 2, "{not_a_file}: {err}");
        assert!(err.contains("is not a regular file"), "{err}");
    }
    assert!(std::path::Path::new("/dev/null").exists());
    // `-` is standard output.
    let (code, out, _) = ewg(&["brief", "--output", "-"]);
    assert_eq!(code, 0);
    assert_eq!(out, ewg(&["brief"]).1);
}

#[test]
fn a_brief_on_a_topic_gathers_what_the_data_says_of_it() {
    for (topic, name) in [
        ("domestic workers", "domestic-workers"),
        ("detention", "detention"),
    ] {
        for format in ["markdown", "html"] {
            let (code, out, err) = ewg(&["brief", "--topic", topic, "--format", format]);
            assert_eq!(code, 0, "{topic} {format}: {err}");
            let extension = if format == "html" { "html" } else { "md" };
            common::assert_expected(&format!("brief-topic-{name}.{extension}"), &out);
            if format == "html" {
                // One page; every source a link; no tag a brief does not write.
                assert!(out.starts_with("<!DOCTYPE html>") && out.trim_end().ends_with("</html>"));
                assert_well_formed(&out);
                let sources = out
                    .split("<h2>Sources</h2>")
                    .nth(1)
                    .expect("a sources section");
                for item in sources.split("<li>").skip(1) {
                    assert!(item.starts_with("<a href=\"http"), "not a link: {item}");
                }
            } else {
                assert!(out.contains("## What the GCM commits States to"), "{out}");
                assert!(out.contains("## Sources"), "{out}");
            }
        }
    }
    // The GCM's actions that name women are marked; the guide's points are there.
    let (_, md, _) = ewg(&["brief", "--topic", "domestic workers"]);
    assert!(md.contains("**GCM para 22(k)** \\*"), "{md}");
    assert!(
        md.contains("Domestic workers are often left out of national labour law"),
        "{md}"
    );
    // An acronym typed in lower case finds the guide through search's synonyms; a short word
    // is not found inside another ("un" in "fund").
    let (code, md, _) = ewg(&["brief", "--topic", "gbv"]);
    assert_eq!(code, 0);
    assert!(
        md.contains("## What the Policies and Practice Guide says"),
        "{md}"
    );
    assert!(md.contains("sexual and gender-based violence"), "{md}");
    // A topic nothing answers: exit 1, with what to try.
    let (code, out, err) = ewg(&["brief", "--topic", "zzqx"]);
    assert_eq!(code, 1);
    assert!(out.is_empty() && err.contains("no entry matches"), "{err}");
    assert!(err.contains("`ewg brief objective 13`"), "{err}");
    // A misspelled topic gets the words that would find something.
    let (code, _, err) = ewg(&["brief", "--topic", "cmv"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `cmw`?"), "{err}");
    // A brief on one entry: objective 13, its actions and its chapter.
    let (code, md, err) = ewg(&["brief", "objective", "13"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("**GCM para 29(h)**") && md.contains("Objective 13, Alternatives to detention"),
        "{md}"
    );
}
