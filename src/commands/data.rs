//! `ewg data`: check a dataset file, or export the dataset in use to start one from.

use std::path::Path;

use ewg_core::check::{self, FileError};
use ewg_core::{Dataset, Kind, SECTIONS};
use serde_json::{Value, json};

use crate::config::Format;
use crate::error::Failure;
use crate::escape;
use crate::output::View;

/// `ewg data check`: exit 0 with a summary, or 1 with every problem; as JSON, an object with
/// `ok`, the counts or the problems (line, column, section, message).
pub(crate) fn check(path: &Path, format: Format) -> Result<View, Failure> {
    let text = check::read_file(path).map_err(Failure::DataFile)?;
    let data = match check::load_text(path, &text) {
        Ok(data) => data,
        Err(error @ (FileError::Problems { .. } | FileError::Unusable { .. })) => {
            let listing = (format == Format::Json).then(|| problems_json(path, &error));
            return Err(Failure::Problems { error, listing });
        }
        Err(other) => return Err(Failure::DataFile(other)),
    };
    let counts: Vec<(&str, usize)> = Kind::ALL
        .iter()
        .filter(|&&k| k != Kind::Group)
        .map(|&k| (k.plural(), data.count(k)))
        .collect();
    if format == Format::Json {
        let counts: serde_json::Map<String, Value> = counts
            .iter()
            .map(|(kind, n)| (kind.to_string(), Value::from(*n)))
            .collect();
        let report = json!({ "path": check::shown(path), "ok": true, "counts": counts });
        return Ok(View::Text(pretty(&report)));
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    Ok(View::Text(format!(
        "{}: ok, {}\n",
        check::shown(path),
        counts.join(", ")
    )))
}

/// A file's problems as JSON, one object each; the section is the part of the file the problem
/// is in, where the message names one.
fn problems_json(path: &Path, error: &FileError) -> String {
    let problems: Vec<Value> = match error {
        FileError::Problems { diagnostics, .. } => diagnostics
            .iter()
            .map(|d| {
                let head = d.message.split([':', '[', '.', ' ']).next().unwrap_or_default();
                let section = SECTIONS.iter().find(|(name, _)| *name == head).map(|(n, _)| *n);
                json!({ "line": d.line, "column": d.column, "section": section, "message": d.message })
            })
            .collect(),
        other => vec![json!({ "line": null, "column": null, "section": null, "message": other.to_string() })],
    };
    pretty(&json!({ "path": check::shown(path), "ok": false, "problems": problems }))
}

fn pretty(value: &Value) -> String {
    // A `Value` of our own making serialises without fail.
    crate::escape::json(serde_json::to_string_pretty(value).unwrap_or_default()) + "\n"
}

/// `ewg data export`: the dataset as TOML (the default) or JSON.
pub(crate) fn export(data: &Dataset, format: Format) -> Result<View, Failure> {
    let internal = |why: String| Failure::Internal {
        what: "the dataset's export",
        why,
    };
    let text = if format == Format::Json {
        crate::escape::json(
            serde_json::to_string_pretty(data).map_err(|e| internal(e.to_string()))?,
        ) + "\n"
    } else {
        let text = escape::toml(toml::to_string(data).map_err(|e| internal(e.to_string()))?);
        // A control character escaped inside a literal string would change the data: such a
        // file is refused rather than written with the character raw. Read back as `--data`
        // reads a file (its rules too, which the data met when it was loaded): parsed here with
        // `toml::from_str`, the binary would carry a second copy of the dataset's whole parser
        // (384 KB).
        if Dataset::load(&text).ok().as_ref() != Some(data) {
            return Err(Failure::CannotWrite {
                form: "TOML",
                entry: "the dataset".into(),
                field: "texts",
                why: "a text holds a control character that TOML would write as it is",
            });
        }
        text
    };
    Ok(View::Text(text))
}
