//! In-process benchmarks (divan) of loading the bundled dataset, building the search index or
//! reading back its prebuilt terms, and searching it: what each run of `ewg` pays, without
//! process start-up. `cargo bench --bench inproc`.

// The included modules bring their unit tests along when this is built as a test (clippy
// --all-targets); what those tests import is not used here.
#![cfg_attr(test, allow(unused_imports))]

// The crate is a binary: the benchmarked modules are included from it as they are.
#[allow(dead_code)]
#[path = "../src/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "../src/search.rs"]
mod search;

use std::sync::OnceLock;

fn dataset() -> &'static data::Dataset {
    static DATA: OnceLock<data::Dataset> = OnceLock::new();
    DATA.get_or_init(|| data::Dataset::load(data::BUNDLED).expect("bundled data loads"))
}

fn main() {
    divan::main();
}

#[divan::bench]
fn load_bundled() -> data::Dataset {
    data::Dataset::load(divan::black_box(data::BUNDLED)).expect("loads")
}

#[divan::bench]
fn build_index(bencher: divan::Bencher) {
    let data = dataset();
    bencher.bench(|| search::Index::build(divan::black_box(data)));
}

/// What `ewg search` does on the bundled data instead of `build_index`: read back the terms
/// build.rs wrote, and put them beside the entries.
#[divan::bench]
fn read_prebuilt_index(bencher: divan::Bencher) {
    let data = dataset();
    let bytes = search::Terms::build(data)
        .to_prebuilt()
        .expect("serialises");
    bencher.bench(|| {
        let terms = search::Terms::from_prebuilt(divan::black_box(&bytes)).expect("reads");
        search::Index::with_terms(data, terms).is_some()
    });
}

#[divan::bench(args = ["labour rights", "cedwa", "\"access to justice\"", "migration"])]
fn search_query(bencher: divan::Bencher, query: &str) {
    let index = search::Index::build(dataset());
    bencher.bench(|| {
        let parts = search::parse_query(divan::black_box(query));
        search::search(&index, &parts, &[]).len()
    });
}
