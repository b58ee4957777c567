//! `ewg` at home in the shell: completion scripts run in a real bash, the man page rendered by
//! groff, help pinned against expected files, and datasets read from files.

mod common;
use common::{assert_expected, bundled, updated};

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn ewg() -> Command {
    common::command()
}

fn run(args: &[&str]) -> Output {
    ewg().args(args).output().expect("ewg runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_is_pinned() {
    for (name, args) in [
        ("help-long.txt", &["--help"][..]),
        ("help-short.txt", &["-h"][..]),
        ("help-search.txt", &["search", "--help"][..]),
        ("help-members.txt", &["members", "-h"][..]),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_expected(name, &text(&out.stdout));
    }
}

#[test]
fn long_help_leads_with_examples_and_names_exit_codes_and_data() {
    let help = text(&run(&["--help"]).stdout);
    assert!(help.starts_with("Examples:\n"), "{help}");
    assert!(
        help.contains("Exit status:") && help.contains("Data: a dataset compiled into the binary")
    );
}

#[test]
fn every_subcommand_help_has_an_example() {
    for sub in [
        "about",
        "members",
        "issues",
        "activities",
        "publications",
        "timeline",
        "objectives",
        "define",
        "search",
        "data",
        "completions",
        "man",
    ] {
        let help = text(&run(&[sub, "--help"]).stdout);
        assert!(
            help.contains("Example"),
            "`ewg {sub} --help` has no example:\n{help}"
        );
    }
}

/// Completes `line` with the bash script `ewg completions bash` prints, in a real bash.
fn bash_complete(line: &str) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin("ewg");
    let dir = bin.parent().expect("the binary has a folder");
    let script = format!(
        r#"source <(ewg completions bash)
COMP_LINE='{line}'
COMP_POINT=${{#COMP_LINE}}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_ewg ewg "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", dir.display()))
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "bash failed: {}", text(&out.stderr));
    text(&out.stdout).lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_commands_and_member_ids() {
    let ids = bash_complete("ewg members show ce");
    for id in ["cedaw", "cescr", "cerd"] {
        assert!(ids.contains(&id.to_string()), "{ids:?}");
    }
    assert!(!ids.contains(&"cmw".to_string()), "{ids:?}");
    let commands = bash_complete("ewg mem");
    assert!(commands.contains(&"members".to_string()), "{commands:?}");
    assert!(
        commands.iter().all(|c| c.starts_with("mem")),
        "{commands:?}"
    );
    let categories = bash_complete("ewg members --category t");
    assert_eq!(categories, ["treaty-bodies"]);
    let issues: Vec<String> = bash_complete("ewg issues show ")
        .into_iter()
        .filter(|w| !w.starts_with('-'))
        .collect();
    let numbers: Vec<String> = bundled()
        .issues
        .iter()
        .map(|i| i.number.to_string())
        .collect();
    assert_eq!(issues, numbers);
}

#[test]
fn every_shell_gets_a_script_with_the_ids() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("treaty-bodies"), "{shell}: option values");
        // clap_complete writes values of positional arguments for bash and zsh only.
        if matches!(shell, "bash" | "zsh") {
            assert!(script.contains("cedaw"), "{shell}: member ids");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_renders_with_every_section() {
    let page = run(&["man"]);
    assert_eq!(page.status.code(), Some(0));
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-P-c", "-P-b", "-P-u"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("groff is installed (Debian's groff-base)");
    std::io::Write::write_all(&mut groff.stdin.take().expect("stdin"), &page.stdout)
        .expect("write");
    let rendered = text(&groff.wait_with_output().expect("groff runs").stdout);
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "OPTIONS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
        "EXAMPLES",
    ] {
        assert!(
            rendered.lines().any(|l| l == section),
            "no {section} section in:\n{rendered}"
        );
    }
    for name in ["NO_COLOR", "CLICOLOR_FORCE", "COLUMNS", "EWG_DATA"] {
        assert!(rendered.contains(name), "ENVIRONMENT lacks {name}");
    }
}

fn export(dir: &Path) -> PathBuf {
    let out = run(&["data", "export"]);
    assert_eq!(out.status.code(), Some(0));
    let path = dir.join("ewg.toml");
    std::fs::write(&path, &out.stdout).expect("write export");
    path
}

#[test]
fn export_then_check_passes_and_gives_the_same_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = export(dir.path());
    let file = path.to_str().expect("utf-8 path");
    let check = run(&["data", "check", file]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let data = bundled();
    let counts = format!(
        "ok, {} members, {} issues",
        data.members.len(),
        data.issues.len()
    );
    assert!(text(&check.stdout).contains(&counts));

    // Every command that reads the data, and a show of every kind: the bundled data is compiled
    // in as statics, with its related entries, search index and citations worked out at build
    // time; a file is read and worked out at run time. Both must answer alike.
    for args in [
        &["about"][..],
        &["about", "--json"],
        &["members"],
        &["members", "--category", "treaty-bodies", "--json"],
        &["members", "show", "cedaw", "--json"],
        &["members", "show", "ganhri"],
        &["issues", "--json"],
        &["issues", "show", "1"],
        &["activities", "--json"],
        &["activities", "show", "side-events"],
        &["publications", "--json"],
        &["publications", "show", "reflections-2018"],
        &["guide", "--json"],
        &["guide", "6", "--json"],
        &["timeline", "--json"],
        &["timeline", "show", "marrakech-conference-2018"],
        &["members", "categories"],
        &["completions", "bash"],
        &["objectives"],
        &["objectives", "show", "13", "--json"],
        &["actions", "--mentions", "women", "--json"],
        &["actions", "show", "7c"],
        &["principles", "--json"],
        &["principles", "show", "g"],
        &["follow-up", "--json"],
        &["follow-up", "show", "implementation"],
        &["show", "CEDAW", "--json"],
        &["define", "--json"],
        &["define", "SDG"],
        &["search", "labour rights", "--json"],
        &["search", "domestic workers detention trafficking"],
        &["search", "cedwa"],
        &["brief"],
        &["brief", "--format", "html"],
        &["brief", "--topic", "domestic workers"],
        &["brief", "issue", "3"],
        &["cite", "issue", "4"],
        &[
            "cite", "ewg", "cedaw", "guide 6", "7c", "--style", "chicago",
        ],
        &["cite", "reflections-2018", "--format", "bibtex"],
        &["cite", "objective 13", "--format", "ris"],
        &["open", "--print", "--all", "cedaw"],
        &["data", "export"],
    ] {
        let bundled = run(args);
        assert!(
            bundled.status.success() && !bundled.stdout.is_empty(),
            "ewg {args:?}: {}",
            text(&bundled.stderr)
        );
        let from_file = ewg()
            .args(["--data", file])
            .args(args)
            .output()
            .expect("runs");
        // `about` names the dataset in use; nothing else may differ.
        let answer = |out: &std::process::Output| text(&out.stdout).replace(file, "bundled");
        assert_eq!(text(&bundled.stdout), answer(&from_file), "ewg {args:?}");
        let from_env = ewg()
            .env("EWG_DATA", file)
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(
            text(&bundled.stdout),
            answer(&from_env),
            "EWG_DATA ewg {args:?}"
        );
    }
    let json = run(&["data", "export", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("export is JSON");
    assert_eq!(
        value["members"].as_array().map(Vec::len),
        Some(data.members.len())
    );
}

#[test]
fn version_and_about_name_the_dataset_in_use() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = export(dir.path());
    let file = path.to_str().expect("utf-8 path");
    let version = text(
        &ewg()
            .args(["--data", file, "--version"])
            .output()
            .expect("runs")
            .stdout,
    );
    assert!(
        version.contains(&format!("(dataset: {file}, updated {})", updated())),
        "{version}"
    );
    let about = text(
        &ewg()
            .args(["--data", file, "about"])
            .output()
            .expect("runs")
            .stdout,
    );
    assert!(
        about.contains(&format!("dataset\t{file}, updated {}", updated())),
        "{about}"
    );
    assert!(
        text(&run(&["about"]).stdout).contains(&format!("dataset\tbundled, updated {}", updated()))
    );
}

#[test]
fn check_reports_every_problem_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = export(dir.path());
    let good = std::fs::read_to_string(&path).expect("read");
    let bad = good
        .replacen("[meta]\n", "[meta]\ncolor = true\n", 1)
        .replacen(
            "acronym = \"CEDAW\"\n",
            "acronym = \"CEDAW\"\ncategorie = \"x\"\n",
            1,
        )
        .replacen("website = \"https://www.ilo.org\"\n", "", 1);
    let bad_path = dir.path().join("bad.toml");
    std::fs::write(&bad_path, &bad).expect("write");
    let file = bad_path.to_str().expect("utf-8 path");
    let line_of = |needle: &str| {
        bad.lines()
            .position(|l| l.contains(needle))
            .map_or(0, |i| i + 1)
    };

    let out = run(&["data", "check", file]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("has 3 problems"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{file}:{}:1: unknown key `color`",
            line_of("color = true")
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{file}:{}:1: unknown key `categorie` (did you mean `category`?)",
            line_of("categorie = ")
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing required key `website`"),
        "{stderr}"
    );

    // A file with only rule problems: they are placed too.
    let rules = good.replacen("id = \"cerd\"", "id = \"cmw\"", 1).replacen(
        "number = 23\n",
        "number = 24\n",
        1,
    );
    std::fs::write(&bad_path, &rules).expect("write");
    let stderr = text(&run(&["data", "check", file]).stderr);
    let line_of = |needle: &str| {
        rules
            .lines()
            .position(|l| l.contains(needle))
            .map_or(0, |i| i + 1)
    };
    assert!(stderr.contains("duplicate id `cmw`"), "{stderr}");
    assert!(
        stderr.contains("objectives are numbered 1 to 23, not 24"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{file}:{}:", line_of("number = 24"))),
        "{stderr}"
    );

    // --data on the same file refuses it with the same list, as a usage error.
    let out = ewg()
        .args(["--data", file, "members"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("duplicate id `cmw`"));
    assert!(out.stdout.is_empty());
}

#[test]
fn data_check_ignores_a_broken_ewg_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = export(dir.path());
    let out = ewg()
        .env("EWG_DATA", "/nonexistent/ewg.toml")
        .args(["data", "check", path.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn numbered_entries_are_shown_by_number_not_by_their_place_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = export(dir.path());
    let mut table: toml::Table =
        toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parses");
    // Issues 1 and 2 change places in the file, each keeping its number.
    let issues = table
        .get_mut("issues")
        .and_then(toml::Value::as_array_mut)
        .expect("issues");
    issues.swap(0, 1);
    std::fs::write(&path, toml::to_string(&table).expect("serialises")).expect("write");
    let file = path.to_str().expect("utf-8 path");
    assert_eq!(run(&["data", "check", file]).status.code(), Some(0));
    let shown = ewg()
        .args(["--data", file, "issues", "show", "1"])
        .output()
        .expect("runs");
    assert_eq!(
        text(&shown.stdout),
        text(&run(&["issues", "show", "1"]).stdout)
    );
    assert!(
        text(&shown.stdout).contains("\nissue\t1\n"),
        "{}",
        text(&shown.stdout)
    );
}

#[test]
fn the_dataset_can_come_from_standard_input() {
    let exported = run(&["data", "export"]).stdout;
    let piped = |args: &[&str]| {
        let mut child = ewg()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ewg starts");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), &exported)
            .expect("write stdin");
        child.wait_with_output().expect("ewg ends")
    };
    let members = piped(&["--data", "-", "members"]);
    assert_eq!(members.status.code(), Some(0), "{}", text(&members.stderr));
    assert_eq!(text(&members.stdout), text(&run(&["members"]).stdout));
    let check = piped(&["data", "check", "-"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).starts_with("<stdin>: ok, "),
        "{}",
        text(&check.stdout)
    );
    let version = piped(&["--data", "-", "--version"]);
    assert!(text(&version.stdout).contains("(dataset: <stdin>, updated "));
}

#[test]
fn data_check_reports_shape_and_rule_problems_in_one_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = export(dir.path());
    let good = std::fs::read_to_string(&path).expect("read");
    let bad = good
        .replacen("[meta]\n", "[meta]\ncolour = \"red\"\n", 1)
        .replacen("id = \"cerd\"", "id = \"cmw\"", 1);
    std::fs::write(&path, &bad).expect("write");
    let file = path.to_str().expect("utf-8 path");
    let out = run(&["data", "check", file]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unknown key `colour`"), "{stderr}");
    let line = bad
        .lines()
        .position(|l| l == "id = \"cmw\"")
        .and_then(|first| {
            bad.lines()
                .skip(first + 1)
                .position(|l| l == "id = \"cmw\"")
                .map(|i| first + i + 2)
        })
        .expect("the second cmw");
    assert!(
        stderr.contains(&format!(":{line}:")) && stderr.contains("duplicate id `cmw`"),
        "{stderr}"
    );
}
