//! `ewg data`: check a dataset file, or export the dataset in use to start one from.

use std::path::Path;

use ewg_core::check::{self, FileError};
use ewg_core::{Dataset, Kind};

use crate::cli::OutputFormat;
use crate::config::{Config, Format};
use crate::error::Failure;
use crate::output::View;

/// `ewg data check`: exit 0 with a summary, or 1 with every problem.
pub(crate) fn check(path: &Path) -> Result<View, Failure> {
    let text = check::read_file(path).map_err(Failure::DataFile)?;
    let data = check::load_text(path, &text).map_err(|err| match err {
        FileError::Problems { .. } | FileError::Unusable { .. } => Failure::Problems(err),
        other => Failure::DataFile(other),
    })?;
    let counts: Vec<String> = Kind::ALL
        .iter()
        .filter(|&&k| k != Kind::Group)
        .map(|&k| format!("{} {}", data.count(k), k.plural()))
        .collect();
    Ok(View::Text(format!(
        "{}: ok, {}\n",
        check::shown(path),
        counts.join(", ")
    )))
}

/// `ewg data export`: the dataset as TOML (the default) or JSON.
pub(crate) fn export(
    data: &Dataset,
    format: Option<OutputFormat>,
    config: &Config,
) -> Result<View, Failure> {
    let json = match format {
        Some(OutputFormat::Json) => true,
        Some(OutputFormat::Toml) => false,
        None => config.format == Format::Json,
        Some(_) => {
            return Err(Failure::Usage(
                "`ewg data export` writes toml (the default) or json; try `--format json`".into(),
            ));
        }
    };
    let text = if json {
        // Our own plain structs serialise without fail, to JSON as to TOML.
        serde_json::to_string_pretty(data).map_err(std::io::Error::other)? + "\n"
    } else {
        toml::to_string(data).map_err(std::io::Error::other)?
    };
    Ok(View::Text(text))
}
