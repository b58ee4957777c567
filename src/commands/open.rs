//! `ewg open`: an entry's source in the browser (`$BROWSER` honoured), or its URL printed.

use std::io::{self, Write};

use ewg_core::Dataset;

use super::lookup;
use crate::config::Format;
use crate::error::Failure;
use crate::output::View;

/// Opens the entry's source (every source with `all`), or only prints it with `print` or as a
/// JSON array of URLs with `--json`. Where no browser can be opened the URL is printed all the
/// same, with why on standard error.
pub(crate) fn open(
    data: &Dataset,
    asked: &[String],
    all: bool,
    print: bool,
    format: Format,
) -> Result<View, Failure> {
    let entry = lookup::any(data, &asked.join(" "))?;
    let sources = entry.sources();
    let urls: Vec<&str> = if all {
        sources
    } else {
        sources.into_iter().take(1).collect()
    };
    if format == Format::Json {
        // Strings serialise without fail.
        return Ok(View::Text(
            serde_json::to_string_pretty(&urls).unwrap_or_default() + "\n",
        ));
    }
    if !print {
        for url in &urls {
            if let Err(err) = webbrowser::open(url) {
                let _ = writeln!(
                    io::stderr().lock(),
                    "ewg: no browser could be opened ({err}); the source is printed instead. \
                     Set BROWSER to the browser to use."
                );
                break;
            }
        }
    }
    Ok(View::Text(
        urls.iter().map(|url| format!("{url}\n")).collect(),
    ))
}
