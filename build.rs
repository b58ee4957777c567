//! Checks the bundled dataset when the binary is built, and compiles it in: the data as JSON,
//! which the binary reads several times faster than the TOML it came from, and its search
//! index's terms, so that `ewg search` does not index the data on every run (BENCHMARKS.md).
//! A dataset that breaks a rule fails the build with the list of problems. Its date is written
//! apart, for `ewg --version`.

use ewg_core::search::Terms;
use ewg_core::{BUNDLED, Dataset};

fn main() {
    println!("cargo:rerun-if-changed=data/ewg.toml");
    let dataset = match Dataset::load(BUNDLED) {
        Ok(dataset) => dataset,
        Err(err) => panic!("data/ewg.toml does not load: {err}"),
    };
    let json = serde_json::to_string(&dataset).expect("a loaded dataset serialises");
    let terms = Terms::build(&dataset)
        .to_prebuilt()
        .expect("search terms serialise");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("ewg.json"), json).expect("write the compiled dataset");
    std::fs::write(out.join("terms.postcard"), terms).expect("write the prebuilt search terms");
    // `ewg --version` names the bundled data's date without reading the data.
    std::fs::write(out.join("updated.txt"), &dataset.meta.updated).expect("write the data's date");
}
