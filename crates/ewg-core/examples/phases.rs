//! Times each phase of a `--data` search, as `ewg --data FILE search QUERY` runs them: reading
//! the file, parsing it (in pieces), checking its rules, building the index, the query, and
//! freeing what the binary never frees. Prints milliseconds, a phase per line, so that the
//! growth of each phase from one file size to another can be told apart (BENCHMARKS.md).
//!
//! usage: cargo run --release --example phases -- FILE [QUERY]

use std::process::ExitCode;
use std::time::Instant;

use ewg_core::Dataset;
use ewg_core::search::{Index, search};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: phases FILE [QUERY]");
        return ExitCode::FAILURE;
    };
    let query = args.next().unwrap_or_else(|| "labour rights".to_string());
    let mut clock = Instant::now();
    let mut lap = |phase: &str| {
        println!("{phase} {:.1}", clock.elapsed().as_secs_f64() * 1000.0);
        clock = Instant::now();
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path} as text");
        return ExitCode::FAILURE;
    };
    lap("read");
    // `Dataset::load` parses and checks the rules in one call: here the two are timed apart.
    let Some(data) = ewg_core::pieces::load_in_pieces(&text, ewg_core::pieces::PIECE_BYTES) else {
        eprintln!("{path} does not read in pieces: time `ewg --data` on it instead");
        return ExitCode::FAILURE;
    };
    lap("parse");
    drop(text);
    if !data.problems().is_empty() {
        eprintln!("{path} breaks the dataset's rules: `ewg data check {path}` lists them");
        return ExitCode::FAILURE;
    }
    lap("rules");
    let index = Index::build(&data);
    lap("index");
    match search(&index, &query, &[], false) {
        Ok(answer) => println!("hits {}", answer.hits.len()),
        Err(err) => println!("no hits: {err:?}"),
    }
    lap("query");
    drop(index);
    lap("free-index");
    drop::<Dataset>(data);
    lap("free-data");
    ExitCode::SUCCESS
}
