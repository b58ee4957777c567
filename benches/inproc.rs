//! In-process benchmarks (divan) of loading a dataset, building its search index (with postings,
//! as build.rs does for the bundled data, which the binary then reads in place), and searching
//! it: what a run of `ewg --data FILE` pays, without process start-up. `cargo bench --bench
//! inproc`.

use ewg_core::search::{self, Index};
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

/// What build.rs makes of the bundled data, which the binary then reads in place: the index
/// with postings (`build_index` and the postings).
#[divan::bench]
fn make_postings(bencher: divan::Bencher) {
    let data = dataset();
    bencher.bench(|| Index::build(divan::black_box(data)).with_postings());
}

#[divan::bench(args = ["labour rights", "cedwa", "\"access to justice\"", "migration"])]
fn search_query(bencher: divan::Bencher, query: &str) {
    let index = Index::build(dataset());
    bencher.bench(|| {
        let parts = search::parse_query(divan::black_box(query));
        search::rank(&index, &parts, &[]).len()
    });
}
