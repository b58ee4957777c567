//! Checks the bundled dataset when the binary is built, and compiles it in: as Rust statics
//! (written by the model itself, with databake), which the binary uses in place, so that no
//! command parses a section of it; with every entry's related entries (a line of JSON each,
//! read for the entry shown), and its search index, with postings, so that `ewg search`
//! neither indexes the data nor reads an index back on every run (BENCHMARKS.md). A dataset
//! that breaks a rule fails the build with the list of problems. The citations of every bundled
//! entry in every style (data/citations.tsv, made by a test) are compiled in only while what
//! they were made from is unchanged; they and the citation styles are compiled in deflated.

use databake::Bake;
use ewg_core::search::Index;

use ewg_core::{BUNDLED, Dataset};

fn main() {
    println!("cargo:rerun-if-changed=data/ewg.toml");
    let mut dataset = match Dataset::load(BUNDLED) {
        Ok(dataset) => dataset,
        Err(err) => panic!("data/ewg.toml does not load: {err}"),
    };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Finding the entries that name an entry reads every entry: done here, once.
    dataset.related_table = Some(dataset.make_related_table().leak());
    let baked = dataset.bake(&databake::CrateEnv::default());
    std::fs::write(
        out.join("bundled.rs"),
        format!("static BUNDLED_DATA: ewg_core::Dataset = {baked};\n"),
    )
    .expect("write the bundled data");
    let index = Index::build(&dataset).with_postings();
    let baked = index.bake(&databake::CrateEnv::default());
    std::fs::write(
        out.join("search-index.rs"),
        format!("static BUNDLED_INDEX: ewg_core::search::PrebuiltIndex = {baked};\n"),
    )
    .expect("write the search index");
    compile_citations(&out);
    compile_styles(&out);
}

/// Deflates `bytes` into `out/name`: what is read only when a command cites is compiled in a
/// tenth of its size (BENCHMARKS.md), and inflated when it is read.
fn write_deflated(out: &std::path::Path, name: &str, bytes: &[u8]) {
    std::fs::write(
        out.join(name),
        miniz_oxide::deflate::compress_to_vec(bytes, 9),
    )
    .unwrap_or_else(|err| panic!("write {name}: {err}"));
}

/// The citation styles and locale in data/csl/, deflated, as `<name>.cbor.deflate`.
fn compile_styles(out: &std::path::Path) {
    for path in files_under(std::path::Path::new("data/csl")) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".cbor") {
            let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("read {name}: {err}"));
            write_deflated(out, &format!("{name}.deflate"), &bytes);
        }
    }
}

/// What the rendered citations depend on: the data, the styles and locale, the citation code and
/// what it calls (the entries' model and registry, dates, look-ups, escaping, the style names)
/// and the locked versions of hayagriva and its kin; not search or the other commands, whose
/// every change would otherwise call for the file to be remade. A dependency missed here cannot
/// go unseen: the test that makes the file fails whenever it differs from what ewg renders.
/// Folders are read whole.
const CITATION_INPUTS: &[&str] = &[
    "data/ewg.toml",
    "data/csl",
    "src/commands/cite.rs",
    "src/commands/lookup.rs",
    "src/escape.rs",
    "src/cli.rs",
    "crates/ewg-core/src/model.rs",
    "crates/ewg-core/src/registry.rs",
    "crates/ewg-core/src/dataset.rs",
    "crates/ewg-core/src/dates.rs",
    "Cargo.lock",
];

/// The files at `path`, itself or under it, in a stable order.
fn files_under(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return vec![path.to_path_buf()];
    };
    let mut paths: Vec<std::path::PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.iter().flat_map(|p| files_under(p)).collect()
}

/// Writes `citation-inputs.txt` (the inputs' checksum, which the test that makes
/// data/citations.tsv writes into its first line) and `citations.rs`: `BUNDLED_CITATIONS`, each
/// style's lines of the file, deflated apart so that a citation inflates only its style's, if
/// the file was made from these very inputs; else none, and `ewg cite` renders every citation
/// itself. Each style's table keeps the file's first line before its own: `cite::cached` finds a
/// line by the newline that starts it.
fn compile_citations(out: &std::path::Path) {
    println!("cargo:rerun-if-changed=data/citations.tsv");
    // FNV-1a, 64 bits: a checksum that stays the same from one toolchain to the next.
    let mut sum: u64 = 0xcbf2_9ce4_8422_2325;
    for input in CITATION_INPUTS {
        println!("cargo:rerun-if-changed={input}");
        for path in files_under(std::path::Path::new(input)) {
            // The styles, not the notes beside them.
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_default();
            for byte in path.to_string_lossy().bytes().chain(bytes) {
                sum = (sum ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let inputs = format!("{sum:016x}");
    let table = std::fs::read_to_string("data/citations.tsv").unwrap_or_default();
    let current = table
        .lines()
        .next()
        .is_some_and(|first| first == format!("# inputs {inputs}"));
    std::fs::write(out.join("citation-inputs.txt"), &inputs).expect("write the inputs' checksum");
    let mut styles: Vec<(&str, String)> = Vec::new();
    let mut lines = table.lines();
    let header = lines.next().unwrap_or_default();
    for line in lines.filter(|_| current) {
        let style = line.split('\t').next().unwrap_or_default();
        let at = match styles.iter().position(|(name, _)| *name == style) {
            Some(at) => at,
            None => {
                styles.push((style, format!("{header}\n")));
                styles.len() - 1
            }
        };
        styles[at].1.push_str(line);
        styles[at].1.push('\n');
    }
    let mut rust = String::from("const BUNDLED_CITATIONS: &[(&str, &[u8])] = &[\n");
    for (style, lines) in &styles {
        let file = format!("citations-{style}.tsv.deflate");
        write_deflated(out, &file, lines.as_bytes());
        rust.push_str(&format!(
            "    ({style:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), {:?}))),\n",
            format!("/{file}")
        ));
    }
    rust.push_str("];\n");
    std::fs::write(out.join("citations.rs"), rust).expect("write the rendered citations");
}
