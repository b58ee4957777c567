//! Untrusted input: dataset files with terminal control sequences, files that are not datasets,
//! and arguments of every odd kind. Each gets a clear message and the right exit code, never a
//! panic, a hang or a raw control character on the terminal.

use std::path::{Path, PathBuf};
mod common;

use std::process::Output;

fn ewg(args: &[&str]) -> Output {
    common::command().args(args).output().expect("ewg runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Bytes that must never reach a terminal raw from data.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let text = text(bytes);
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect()
}

/// The bundled dataset, as `ewg data export` writes it.
fn exported() -> String {
    let out = ewg(&["data", "export"]);
    assert!(out.status.success());
    text(&out.stdout)
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write test file");
    path
}

/// A dataset whose CEDAW description carries an OSC title change, an SGR colour, a bell, a
/// carriage return and a right-to-left override.
const HOSTILE: &str =
    r#"description = "pwned\u001B]0;owned title\u0007 \u001B[31mred\u001B[0m\rover\u202Eevil""#;

#[test]
fn control_sequences_in_data_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = exported().replacen(
        "description = \"UN treaty body of 23 independent experts",
        &format!("{HOSTILE}\nx_description = \"UN treaty body of 23 independent experts"),
        1,
    );
    // Drop the original description line now renamed, keeping the hostile one.
    let data: String = data
        .lines()
        .filter(|l| !l.starts_with("x_description"))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = write(dir.path(), "hostile.toml", &data);
    let file = file.to_str().expect("utf-8 path");
    let check = ewg(&["data", "check", file]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));

    for args in [
        &["members"][..],
        &["members", "show", "cedaw"],
        &["search", "pwned"],
        &["search", "pwned", "--color", "always"],
        &["members", "--color", "always"],
    ] {
        let mut full = vec!["--data", file];
        full.extend_from_slice(args);
        let out = ewg(&full);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{full:?}: {}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        if (args.contains(&"show") || args.contains(&"search")) && !args.contains(&"always") {
            assert!(
                stdout.contains("pwned\\u{1b}]0;owned title\\u{7}"),
                "{full:?}: {stdout}"
            );
            assert!(stdout.contains("\\u{202e}evil"), "{full:?}: {stdout}");
        }
        // Colour codes ewg writes itself are fine; the data's own ESC must be gone.
        let without_own_colour = stdout
            .replace("\u{1b}[0m", "")
            .replace("\u{1b}[36m", "")
            .replace("\u{1b}[1m", "")
            .replace("\u{1b}[1;4m", "");
        assert_eq!(
            raw_controls(without_own_colour.as_bytes()),
            Vec::<String>::new(),
            "{full:?}"
        );
    }

    // JSON escapes control characters as JSON does, and keeps the text.
    let out = ewg(&["--data", file, "members", "show", "cedaw", "--json"]);
    assert!(
        !out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07) && !out.stdout.contains(&b'\r')
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        json["description"]
            .as_str()
            .is_some_and(|d| d.contains("\u{1b}]0;owned title\u{7}"))
    );
}

#[test]
fn control_sequences_in_a_broken_file_never_reach_stderr_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = exported().replacen("[meta]\n", "[meta]\n\"\\u001B]0;owned\\u0007\" = 1\n", 1);
    let file = write(dir.path(), "bad.toml", &data);
    let out = ewg(&["data", "check", file.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("unknown key `\\u{1b}]0;owned\\u{7}`"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(raw_controls(&out.stderr), Vec::<String>::new());
}

/// Acronyms with letters whose lowercase is longer (`İ` is `i` and a combining dot) are
/// matched by their letters in order (`xqz`) where they are: a long key was read past its end,
/// and a short one marked at the wrong letters.
#[test]
fn keys_whose_lowercase_is_longer_are_matched_at_their_own_letters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let glossary = |acronym: &str| {
        format!(
            "[[glossary]]\nacronym = \"{acronym}\"\nexpansions = [\"Dotted capitals\"]\n\
             source = \"https://example.org/\"\n\n"
        )
    };
    let data = exported().replacen(
        "[[glossary]]\n",
        &format!(
            "{}{}[[glossary]]\n",
            glossary("İİİİİİXQZ"),
            glossary("İXQZ")
        ),
        1,
    );
    let file = write(dir.path(), "dotted.toml", &data);
    let file = file.to_str().expect("utf-8 path");
    let out = ewg(&["--data", file, "search", "xqz", "--format", "plain"]);
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("İXQZ\tterm\t"), "{stdout}");
    let marked = ewg(&[
        "--data", file, "search", "xqz", "--format", "plain", "--color", "always",
    ]);
    assert!(
        text(&marked.stdout).contains("İ\u{1b}[1;4mXQZ\u{1b}[0m"),
        "{}",
        text(&marked.stdout)
    );
}

/// Runs `ewg --data PATH issues` and expects a usage error that names the file, never a panic.
fn refused(path: &Path, says: &str) {
    let out = ewg(&["--data", path.to_str().expect("utf-8"), "issues"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        stderr.contains(says),
        "{}: stderr lacks {says:?}: {stderr}",
        path.display()
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn files_that_are_not_datasets_get_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    refused(&d.join("missing.toml"), "cannot read dataset file");
    refused(d, "is a directory, not a dataset file");
    refused(&write(d, "empty.toml", ""), "is empty");
    refused(
        &write(d, "binary.toml", [0u8, 159, 146, 150, 0, 1, 2, 255]),
        "is not UTF-8 text",
    );
    refused(
        &write(d, "latin1.toml", b"[meta]\nupdated = \"caf\xe9\"\n"),
        "not UTF-8 text (first bad byte on line 2)",
    );
    refused(
        &write(d, "prose.toml", "This is not TOML at all.\n"),
        "TOML syntax",
    );
    refused(
        &write(d, "partial.toml", "[meta]\nupdated = \"2026-01-01\"\n"),
        "missing section `group`",
    );
    let nested = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    refused(&write(d, "nested.toml", nested), "TOML syntax");
    let big = "# filler\n".repeat(100 * 1024 * 1024 / 9);
    refused(
        &write(d, "big.toml", big),
        "more than the 67 MB a dataset file may have",
    );
    let link = d.join("loop.toml");
    std::os::unix::fs::symlink(&link, &link).expect("symlink");
    refused(&link, "cannot read dataset file");
}

#[test]
fn odd_arguments_get_a_clear_message_and_the_right_exit_code() {
    // A megabyte of query, in arguments of 100 KB (one argument may not pass 128 KB).
    let chunk = "labour ".repeat(100_000 / 7);
    let mut huge_query = vec!["search"];
    huge_query.extend(std::iter::repeat_n(chunk.as_str(), 10));
    let cases: &[(&[&str], i32, &str)] = &[
        (&["search", ""], 2, "no words to search for"),
        (&["search", "   "], 2, "no words to search for"),
        (&["search", "🙂"], 2, "no words to search for"),
        (&["search", "\u{fffd}"], 2, "no words to search for"),
        (&huge_query, 2, "`ewg search` takes at most 1000"),
        (&["search", "مهاجر"], 1, "no entry matches"),
        (
            &[
                "search",
                "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh",
            ],
            2,
            "at most 32",
        ),
        (&["issues", "show", "0"], 1, "issues are numbered 1 to 5"),
        (
            &["issues", "show", "-1"],
            1,
            "there is no issue -1; issues are numbered 1 to 5",
        ),
        (&["issues", "show", "6"], 1, "there is no issue 6"),
        (
            &["issues", "show", "99999999999999999999"],
            1,
            "issues are numbered 1 to 5",
        ),
        (
            &["issues", "show", "3.0"],
            1,
            "`3.0` is not an issue number",
        ),
        (
            &["objectives", "show", "٣"],
            1,
            "objectives are numbered 1 to 23",
        ),
        (&["members", "show", ""], 1, "no member ``"),
        (
            &["members", "show", "\u{202e}cedaw"],
            1,
            "no member `\\u{202e}cedaw`",
        ),
        (&["define", "\u{1b}[31m"], 1, "no acronym `\\u{1b}[31m`"),
    ];
    for (args, code, says) in cases {
        let out = ewg(args);
        let stderr = text(&out.stderr);
        let shown: String = args
            .iter()
            .map(|a| a.chars().take(40).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(out.status.code(), Some(*code), "ewg {shown}: {stderr}");
        assert!(
            stderr.contains(says),
            "ewg {shown}: stderr lacks {says:?}: {stderr}"
        );
        assert_eq!(
            raw_controls(&out.stderr),
            Vec::<String>::new(),
            "ewg {shown}"
        );
    }
}

#[test]
fn odd_but_meaningful_arguments_work() {
    let cases: &[(&[&str], &str)] = &[
        (&["issues", "show", " 3"], "issue\t3\n"),
        (&["search", "İLO"], "ilo\tmember\t"),
        (&["search", "migra\u{300}nt"], "\tmember\t"),
        (&["members", "show", "ＣＥＤＡＷ"], "id\tcedaw\n"),
    ];
    for (args, says) in cases {
        let out = ewg(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "ewg {args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stdout).contains(says),
            "ewg {args:?}: {}",
            text(&out.stdout)
        );
    }
}
