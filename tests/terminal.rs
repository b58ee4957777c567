//! `ewg` on a real terminal: a pseudo-terminal of a set size made by `script` (util-linux), as a
//! person would see it. Tables at 60, 80 and 120 columns against expected files; the pager with
//! a recording `EWG_PAGER`, with `less -FRX` itself, off and missing.

mod common;
use common::assert_expected;

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;

/// Runs `ewg ARGS` in a pseudo-terminal of `cols` x `rows`, with `env` set (and nothing else but
/// PATH and TERM), feeding `input` to it; what the terminal showed, and the exit status.
fn in_terminal(
    cols: u16,
    rows: u16,
    env: &[(&str, &str)],
    args: &str,
    input: &str,
) -> (String, i32) {
    let ewg = cargo_bin("ewg");
    let exports: String = env.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
    let inner = format!(
        "stty rows {rows} cols {cols}; {exports}{} {args}; echo \"[exit $?]\"",
        ewg.display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    if let Some(mut stdin) = child.stdin.take() {
        // Give the program time to start before the keys arrive, as a person would.
        std::thread::sleep(std::time::Duration::from_millis(if input.is_empty() {
            0
        } else {
            700
        }));
        let _ = std::io::Write::write_all(&mut stdin, input.as_bytes());
    }
    let out = child.wait_with_output().expect("script ends");
    let screen = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    let code = screen
        .rsplit("[exit ")
        .next()
        .and_then(|rest| rest.split(']').next())
        .and_then(|code| code.parse().ok())
        .unwrap_or(-1);
    let screen = screen
        .rsplit_once("[exit ")
        .map_or(screen.as_str(), |(before, _)| before)
        .to_string();
    (screen, code)
}

const RENDERED: &[(&str, &str)] = &[
    ("members", "members"),
    ("timeline", "timeline"),
    ("members-show-cedaw", "members show cedaw"),
    ("guide-6", "guide 6"),
    ("search-labour-rights", "search \"labour rights\""),
    ("overview", ""),
    ("publications", "publications"),
    ("about", "about"),
];

#[test]
fn tables_fit_the_terminal_at_60_80_100_and_120_columns() {
    for cols in [60u16, 80, 100, 120] {
        for (name, args) in RENDERED {
            let (screen, code) = in_terminal(
                cols,
                500,
                &[],
                &format!("--no-pager --color never {args}"),
                "",
            );
            assert_eq!(code, 0, "{args} at {cols}: {screen}");
            for line in screen.lines() {
                let width = line.chars().count();
                // Only a word too long for any line (a URL) may be wider, alone on its line.
                assert!(
                    width <= usize::from(cols) || !line.trim().contains(' '),
                    "{args} at {cols} columns: a line of {width}:\n{line}"
                );
            }
            assert_expected(&format!("tty-{cols}-{name}.txt"), &screen);
        }
    }
}

/// The pieces of an id or date between its hyphens and spaces, as a table may break it.
fn pieces(text: &str) -> Vec<&str> {
    text.split_inclusive(['-', ' ']).map(str::trim).collect()
}

#[test]
fn ids_and_dates_break_only_at_hyphens_and_spaces() {
    for cols in [60u16, 80, 100, 120] {
        let (screen, _) = in_terminal(cols, 500, &[], "--no-pager --color never timeline", "");
        for id in [
            "recommendations-published-2017",
            "geneva-expert-meeting-2016",
            "17-20 May 2022",
        ] {
            for piece in pieces(id) {
                assert!(
                    screen.contains(piece),
                    "{piece} of {id} at {cols}:\n{screen}"
                );
            }
        }
        let (screen, _) = in_terminal(cols, 500, &[], "--no-pager --color never publications", "");
        for piece in pieces("policies-and-practice-guide") {
            assert!(screen.contains(piece), "{piece} at {cols}:\n{screen}");
        }
        // The title column is never squeezed below what a reader can read.
        let title_width = screen
            .lines()
            .find(|l| l.contains("title"))
            .and_then(|header| header.split('┆').next_back())
            .map_or(0, |cell| cell.trim_end_matches('│').chars().count());
        if cols >= 100 {
            assert!(
                title_width >= 30,
                "title column of {title_width} at {cols}:\n{screen}"
            );
        }
    }
}

fn recorder(dir: &Path) -> (String, std::path::PathBuf) {
    let paged = dir.join("paged.txt");
    let script = dir.join("record-pager");
    std::fs::write(&script, format!("#!/bin/sh\ncat > '{}'\n", paged.display())).expect("write");
    let mut perms = std::fs::metadata(&script).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).expect("chmod");
    (script.display().to_string(), paged)
}

#[test]
fn long_output_pages_and_short_output_does_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (pager, paged) = recorder(dir.path());
    let (screen, code) = in_terminal(80, 20, &[("EWG_PAGER", &pager)], "objectives", "");
    assert_eq!(code, 0);
    let through = std::fs::read_to_string(&paged).expect("the pager got the output");
    assert!(through.contains("Recruitment and decent work"), "{through}");
    assert!(
        !screen.contains("Recruitment and decent work"),
        "printed as well:\n{screen}"
    );
    // Colour and layout are the same through the pager as without it.
    let (direct, _) = in_terminal(80, 20, &[], "--no-pager objectives", "");
    assert_eq!(through.replace('\r', ""), direct);

    std::fs::remove_file(&paged).expect("remove");
    let (screen, _) = in_terminal(80, 20, &[("EWG_PAGER", &pager)], "define icescr", "");
    assert!(!paged.exists(), "short output was paged");
    assert!(screen.contains("International Covenant"), "{screen}");
}

#[test]
fn no_pager_empty_or_cat_and_pipes_never_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (pager, paged) = recorder(dir.path());
    for (env, args) in [
        (vec![("EWG_PAGER", pager.as_str())], "--no-pager objectives"),
        (
            vec![("EWG_PAGER", ""), ("PAGER", pager.as_str())],
            "objectives",
        ),
        (vec![("EWG_PAGER", "cat")], "objectives"),
        (vec![("EWG_PAGER", pager.as_str())], "objectives | cat"),
        (vec![("EWG_PAGER", pager.as_str())], "objectives --json"),
    ] {
        let (screen, _) = in_terminal(80, 20, &env, args, "");
        assert!(!paged.exists(), "{env:?} {args} paged");
        assert!(screen.contains("ecruitment"), "{env:?} {args}:\n{screen}");
    }
    // PAGER is used where EWG_PAGER is not set.
    in_terminal(80, 20, &[("PAGER", &pager)], "objectives", "");
    assert!(paged.exists(), "PAGER was not used");
}

#[test]
fn a_missing_pager_falls_back_to_printing() {
    let (screen, code) = in_terminal(
        80,
        20,
        &[("EWG_PAGER", "/nonexistent/pager")],
        "objectives",
        "",
    );
    assert_eq!(code, 0);
    assert!(screen.contains("Recruitment and decent work"), "{screen}");
}

#[test]
fn less_pages_and_quitting_it_early_is_a_normal_exit() {
    // The default pager, `less -FRX`, on output taller than the screen; `q` after a moment.
    let (screen, code) = in_terminal(80, 20, &[], "objectives", "q");
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("objective"), "{screen}");
    assert!(
        !screen.contains("International cooperation"),
        "less showed it all:\n{screen}"
    );
}

#[test]
fn every_error_has_the_same_coloured_label_on_a_terminal() {
    // A usage error of our own, one of the data, and a word that is not a command.
    for args in [
        "members show cedwa",
        "labour",
        "timeline --year 2015",
        "search who is",
    ] {
        let (screen, code) = in_terminal(80, 40, &[], args, "");
        assert_ne!(code, 0, "{args}");
        assert!(
            screen.starts_with("\u{1b}[1;31merror:\u{1b}[0m "),
            "{args}: {screen:?}"
        );
    }
    // With colour off, the same label, plain.
    let (screen, _) = in_terminal(80, 40, &[("NO_COLOR", "1")], "members show cedwa", "");
    assert!(screen.starts_with("error: no member `cedwa`"), "{screen:?}");
}

#[test]
fn a_pager_that_takes_everything_and_fails_does_not_get_it_printed_twice() {
    // A "pager" that shows what it is given, then exits 1.
    let dir = tempfile::tempdir().expect("temp dir");
    let pager = dir.path().join("pager");
    std::fs::write(&pager, "#!/bin/sh\ncat\nexit 1\n").expect("write");
    let mut perms = std::fs::metadata(&pager).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&pager, perms).expect("chmod");
    let (screen, code) = in_terminal(
        80,
        10,
        &[("EWG_PAGER", pager.to_str().expect("utf-8"))],
        "--color never members",
        "",
    );
    assert_eq!(code, 0, "{screen}");
    assert_eq!(screen.matches("│ ilo ").count(), 1, "{screen}");
}
