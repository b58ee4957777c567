//! Fuzzes the query parser and search over the bundled data: any text, as a query, must
//! return hits in a stable order or an explanation, never a panic.
#![no_main]

use ewg_core::search::{self, Index, MAX_QUERY_CHARS};
use ewg_core::{BUNDLED, Dataset};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn index() -> &'static Index<'static> {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        Index::build(DATA.get_or_init(|| Dataset::load(BUNDLED).expect("bundled data loads")))
    })
}

fuzz_target!(|query: &str| {
    // Search refuses longer queries before they reach the index.
    if query.chars().count() > MAX_QUERY_CHARS {
        return;
    }
    let parts = search::parse_query(query);
    let first = search::rank(index(), &parts, &[]);
    let again = search::rank(index(), &parts, &[]);
    let key = |hits: &[search::Hit]| hits.iter().map(|h| (h.kind, h.id.clone())).collect::<Vec<_>>();
    assert_eq!(key(&first), key(&again), "order must be stable for {query:?}");
    if first.is_empty() && !parts.is_empty() {
        let _ = search::explain_miss(index(), &parts, &[]);
    }
});
