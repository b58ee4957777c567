//! Fuzzes the query parser and search over the bundled data: any text, as a query, must
//! return hits in a stable order or an explanation, never a panic.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "../../src/search.rs"]
mod search;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn index() -> &'static search::Index<'static> {
    static DATA: OnceLock<data::Dataset> = OnceLock::new();
    static INDEX: OnceLock<search::Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        search::Index::build(DATA.get_or_init(|| data::Dataset::load(data::BUNDLED).expect("bundled data loads")))
    })
}

fuzz_target!(|query: &str| {
    // The binary refuses longer queries before they reach search.
    if query.chars().count() > 1000 {
        return;
    }
    let parts = search::parse_query(query);
    let first = search::search(index(), &parts, &[]);
    let again = search::search(index(), &parts, &[]);
    let key = |hits: &[search::Hit]| hits.iter().map(|h| (h.kind, h.id.clone())).collect::<Vec<_>>();
    assert_eq!(key(&first), key(&again), "order must be stable for {query:?}");
    if first.is_empty() && !parts.is_empty() {
        let _ = search::explain_miss(index(), &parts, &[]);
    }
});
