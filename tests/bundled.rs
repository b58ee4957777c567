//! The compiled-in data (sections read on demand, related entries and search terms worked out
//! by build.rs) answers every command exactly as the same file read with `--data` does.

mod common;

use common::{bundled, ewg};
use ewg_core::Kind;

/// The commands compared: every kind's list and one show of each kind, and the commands that
/// read across kinds.
fn commands() -> Vec<Vec<String>> {
    let data = bundled();
    let mut commands: Vec<Vec<String>> = Vec::new();
    for kind in Kind::ALL {
        let Some(command) = kind.command() else {
            continue;
        };
        commands.push(vec![command.to_string()]);
        for entry in data.entries_of(*kind).take(2) {
            commands.push(vec![command.to_string(), entry.id().to_string()]);
            commands.push(vec![
                "cite".into(),
                kind.as_str().into(),
                entry.id().to_string(),
            ]);
        }
    }
    for line in [
        "",
        "search labour rights",
        "search what does the group recommend on domestic workers",
        "search members of the EWG",
        "search --all-words remittances for women",
        "define SGBV",
        "actions --mentions women",
        "objectives show 13",
        "members show cedaw",
        "issues show 3",
        "brief",
        "brief --topic detention",
        "brief objective 13",
        "cite issue 4 --style mla",
        "cite issue 4 --format bibtex",
        "timeline",
        "data export --format json",
    ] {
        commands.push(line.split_whitespace().map(String::from).collect());
    }
    commands
}

#[test]
fn every_command_answers_alike_from_the_compiled_in_data_and_from_the_file() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ewg.toml");
    for command in commands() {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let (code, compiled, err) = ewg(&args);
        assert_eq!(code, 0, "ewg {args:?}: {err}");
        let mut with_file = vec!["--data", file];
        with_file.extend(&args);
        let (code, read, err) = ewg(&with_file);
        assert_eq!(code, 0, "ewg {with_file:?}: {err}");
        // Only where the data came from may differ.
        let read = read.replace(&format!("{file}, updated"), "bundled, updated");
        assert!(
            compiled == read,
            "ewg {args:?} differs\n--- compiled in\n{compiled}\n--- --data\n{read}"
        );
    }
}
