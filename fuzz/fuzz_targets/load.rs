//! Fuzzes the dataset loader and checker: any bytes, as a dataset file, must give a dataset or
//! a list of problems, never a panic; and a file read in pieces must read as it does whole.
#![no_main]

// The modules are included from the main crate as they are, so that the fuzzer tests the
// same code the binary runs (the crate is a binary, with no library to link against).
#[allow(dead_code)]
#[path = "../../src/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "../../src/check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let loaded = data::Dataset::load(text);
    let problems = check::check(text);
    // A file that loads has no problems; one that does not has at least one.
    assert_eq!(loaded.is_ok(), problems.is_empty(), "load and check disagree on {text:?}");
    // Every header starts a piece: the most cuts, the most chances to read differently.
    if let Some(pieces) = data::load_in_pieces(text, 0) {
        let whole: Result<data::Dataset, _> = toml::from_str(text);
        assert_eq!(whole.ok(), Some(pieces), "pieces and whole differ on {text:?}");
    }
});
