//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

/// `ewg` with an empty environment and no input, so that its output depends on nothing but
/// what the test gives it: the one way the tests run it.
pub fn command() -> Command {
    let mut command = Command::cargo_bin("ewg").expect("the ewg binary is built");
    command.env_clear().stdin(Stdio::null());
    command
}

/// Runs `ewg ARGS` as [`command`] does: its exit status, stdout and stderr.
#[allow(dead_code)] // not every test file runs ewg this way
pub fn ewg(args: &[&str]) -> (i32, String, String) {
    let out = command().args(args).output().expect("ewg runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Compares `actual` with `tests/expected/NAME`, or writes it there under `EWG_BLESS` (review
/// the diff before committing it).
#[allow(dead_code)] // not every test file compares with expected files
pub fn assert_expected(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("EWG_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write expected file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with EWG_BLESS=1 to create it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "output differs from {}\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

/// The bundled dataset's `meta.updated`, as the tests compare with it (never a date by hand).
#[allow(dead_code)] // not every test file needs it
pub fn updated() -> String {
    bundled().meta.updated.to_string()
}

/// The bundled dataset, as the tests compare counts and dates with it.
#[allow(dead_code)] // not every test file needs it
pub fn bundled() -> ewg_core::Dataset {
    ewg_core::Dataset::load(ewg_core::BUNDLED).expect("the bundled dataset loads")
}
