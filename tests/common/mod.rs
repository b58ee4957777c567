//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// Compares `actual` with `tests/expected/NAME`, or writes it there under `EWG_BLESS` (review
/// the diff before committing it).
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
