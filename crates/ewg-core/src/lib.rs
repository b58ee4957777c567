//! The knowledge behind `ewg`: the typed model of the EWG dataset, loading it (whole and in
//! pieces), its rules, related entries, the dataset-file checker and search. Nothing here
//! prints or knows about the command line.

pub mod check;
mod dataset;
pub mod dates;
mod model;
pub mod pieces;
mod registry;
mod rules;
pub mod search;

pub use dataset::LoadError;
pub use model::*;
pub use registry::{
    ActionEntry, Entry, EntryKind, EntryRef, Field, GroupEntry, IdStyle, Kind, Layout, Tier,
};
pub use rules::{Problem, acronyms_in, is_bidi_control, is_web_url};

/// The bundled dataset's TOML text, as build.rs, the tests, benches and fuzz targets read it;
/// the binary itself uses the statics that build.rs writes of it.
pub const BUNDLED: &str = include_str!("../../../data/ewg.toml");
