//! Fuzzes the dataset loader and checker: any bytes, as a dataset file, must give a dataset or
//! a list of problems, never a panic; and a file read in pieces must read as it does whole.
#![no_main]

use ewg_core::{Dataset, check, pieces};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let loaded = Dataset::load(text);
    let problems = check::check(text);
    // A file that loads has no problems; one that does not has at least one.
    assert_eq!(loaded.is_ok(), problems.is_empty(), "load and check disagree on {text:?}");
    // Every header starts a piece: the most cuts, the most chances to read differently.
    if let Some(pieces) = pieces::load_in_pieces(text, 0) {
        let whole: Result<Dataset, _> = toml::from_str(text);
        assert_eq!(whole.ok(), Some(pieces), "pieces and whole differ on {text:?}");
    }
});
