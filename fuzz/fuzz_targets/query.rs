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

fn dataset() -> &'static data::Dataset {
    static DATA: OnceLock<data::Dataset> = OnceLock::new();
    DATA.get_or_init(|| data::Dataset::load(data::BUNDLED).expect("bundled data loads"))
}

fuzz_target!(|query: &str| {
    // The binary refuses longer queries before they reach search.
    if query.chars().count() > 1000 {
        return;
    }
    let index = search::Index::build(dataset());
    let parts = search::parse_query(query);
    let hits = search::search(&index, &parts, &[]);
    if hits.is_empty() && !parts.is_empty() {
        let _ = search::explain_miss(&index, &parts, &[]);
    }
});
