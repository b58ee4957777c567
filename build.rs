//! Checks the bundled dataset when the binary is built, and compiles it in: each section as JSON,
//! which the binary reads several times faster than the TOML it came from and only when a command
//! uses that section, and its search index's terms, so that `ewg search` does not index the data
//! on every run (BENCHMARKS.md). A dataset that breaks a rule fails the build with the list of
//! problems. Its date is written apart, for `ewg --version`.

use ewg_core::search::Terms;
use std::fmt::Write;

use ewg_core::{BUNDLED, Dataset, SECTIONS};

fn main() {
    println!("cargo:rerun-if-changed=data/ewg.toml");
    let dataset = match Dataset::load(BUNDLED) {
        Ok(dataset) => dataset,
        Err(err) => panic!("data/ewg.toml does not load: {err}"),
    };
    let json = serde_json::to_value(&dataset).expect("a loaded dataset serialises");
    let terms = Terms::build(&dataset)
        .to_prebuilt()
        .expect("search terms serialise");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // One JSON text a section, and `bundled_section(name)`, which the binary includes.
    let mut lookup =
        String::from("fn bundled_section(name: &str) -> &'static str {\n    match name {\n");
    for (name, _) in SECTIONS {
        let file = format!("section-{name}.json");
        std::fs::write(out.join(&file), json[name].to_string()).expect("write a compiled section");
        writeln!(
            lookup,
            "        {name:?} => include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\")),"
        )
        .expect("write to a string");
    }
    lookup.push_str("        _ => \"\",\n    }\n}\n");
    std::fs::write(out.join("sections.rs"), lookup).expect("write the sections' look-up");
    std::fs::write(out.join("related.tsv"), dataset.related_table())
        .expect("write the related entries");
    std::fs::write(out.join("terms.postcard"), terms).expect("write the prebuilt search terms");
    // `ewg --version` names the bundled data's date without reading the data.
    std::fs::write(out.join("updated.txt"), &dataset.meta.updated).expect("write the data's date");
}
