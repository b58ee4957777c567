//! Checks the bundled dataset when the binary is built, and compiles it in as JSON: a dataset
//! that breaks a rule fails the build with the list of problems, and the binary parses JSON,
//! which is several times faster than the TOML it came from (see BENCHMARKS.md).

#[allow(dead_code, unused_imports)]
#[path = "src/data.rs"]
mod data;

fn main() {
    println!("cargo:rerun-if-changed=data/ewg.toml");
    println!("cargo:rerun-if-changed=src/data.rs");
    let dataset = match data::Dataset::load(data::BUNDLED) {
        Ok(dataset) => dataset,
        Err(err) => panic!("data/ewg.toml does not load: {err}"),
    };
    let json = serde_json::to_string(&dataset).expect("a loaded dataset serialises");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("ewg.json"), json).expect("write the compiled dataset");
}
