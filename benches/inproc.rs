//! In-process benchmarks (divan) of loading the bundled dataset, building the search index or
//! reading back its prebuilt terms, and searching it: what each run of `ewg` pays, without
//! process start-up. `cargo bench --bench inproc`.

use ewg_core::search::{self, Index, PrebuiltIndex};
use ewg_core::{BUNDLED, Dataset};
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads"))
}

fn main() {
    divan::main();
}

#[divan::bench]
fn load_bundled() -> Dataset {
    Dataset::load(divan::black_box(BUNDLED)).expect("loads")
}

#[divan::bench]
fn build_index(bencher: divan::Bencher) {
    let data = dataset();
    bencher.bench(|| Index::build(divan::black_box(data)));
}

/// What `ewg search` does on the bundled data instead of `build_index`: read back the terms
/// build.rs wrote, and put them beside the entries.
#[divan::bench]
fn read_prebuilt_index(bencher: divan::Bencher) {
    let data = dataset();
    // Compiled in, the terms and texts live as long as the program; so do these.
    let (terms, texts) = PrebuiltIndex::make(data).expect("serialises");
    let prebuilt = PrebuiltIndex::new(terms.leak(), texts.leak());
    bencher.bench(|| Index::prebuilt(divan::black_box(prebuilt)).is_some());
}

#[divan::bench(args = ["labour rights", "cedwa", "\"access to justice\"", "migration"])]
fn search_query(bencher: divan::Bencher, query: &str) {
    let index = Index::build(dataset());
    bencher.bench(|| {
        let parts = search::parse_query(divan::black_box(query));
        search::rank(&index, &parts, &[]).len()
    });
}
