//! `ewg open`: an entry's own page in the browser (`$BROWSER` honoured), or its URLs printed.

use std::process::{Command, Stdio};

use ewg_core::{Dataset, Entry};

use super::lookup;
use crate::config::Format;
use crate::error::Failure;
use crate::escape;
use crate::output::View;

/// The entry's pages, its own first (a member's website, a publication's own URL), then its
/// sources, each once.
fn pages<'a>(entry: Entry<'a>) -> Vec<&'a str> {
    let own = match entry {
        Entry::Member(m) => Some(m.website.as_ref()),
        Entry::Publication(p) => p.url.as_deref(),
        _ => None,
    };
    let mut pages: Vec<&str> = own.into_iter().collect();
    for source in entry.sources() {
        if !pages.contains(&source) {
            pages.push(source);
        }
    }
    pages
}

/// Opens the entry's own page (every page with `all`), or only prints it with `print`, or as a
/// JSON array of URLs with `--json`. Where no browser can be opened the URLs are printed all the
/// same, and the failure says why.
pub(crate) fn open(
    data: &Dataset,
    asked: &[String],
    all: bool,
    print: bool,
    format: Format,
) -> Result<View, Failure> {
    let entry = lookup::any(data, &asked.join(" "))?;
    let mut urls = pages(entry);
    if !all {
        urls.truncate(1);
    }
    if format == Format::Json {
        // Strings serialise without fail.
        let json = serde_json::to_string_pretty(&urls).unwrap_or_default();
        return Ok(View::Text(escape::json(json) + "\n"));
    }
    let printed: String = urls
        .iter()
        .map(|url| format!("{}\n", escape::terminal(url)))
        .collect();
    if !print {
        for (n, url) in urls.iter().enumerate() {
            if let Err(why) = open_in_browser(url) {
                let why = if n == 0 {
                    why
                } else {
                    format!("{n} of {} pages opened; then {why}", urls.len())
                };
                return Err(Failure::NoBrowser { printed, why });
            }
        }
    }
    Ok(View::Text(printed))
}

/// Hands one URL to `$BROWSER` where it is set (its first command, the URL as its last
/// argument), else to the system's browser. Only a URL that may be a link is handed on.
fn open_in_browser(url: &str) -> Result<(), String> {
    let Some(url) = escape::link_url(url) else {
        return Err("it is not a plain http(s) URL".into());
    };
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    let Some(browser) = browser else {
        return webbrowser::open(url).map_err(|err| err.to_string());
    };
    // BROWSER may list several commands, separated by colons: the first is used. `%s` stands
    // for the URL where it is given; else the URL is the last argument.
    let command = browser.split(':').next().unwrap_or_default();
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or_default();
    let mut args: Vec<String> = words.map(|w| w.replace("%s", url)).collect();
    if !command.contains("%s") {
        args.push(url.to_string());
    }
    // The browser's own output is not ewg's: it never mixes with the URLs printed.
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .map_err(|err| format!("BROWSER=`{command}` could not be run: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("BROWSER=`{command}` failed ({status})"))
    }
}
