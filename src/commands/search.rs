//! `ewg search`: asks the core once, and renders its hits (or its explanation of a miss).

use std::io::Write as _;

use serde::Serialize;

use ewg_core::Kind;
use ewg_core::search;

use super::Context;
use super::lists::to_value;
use super::lookup::show_command;
use crate::config::Format;
use crate::error::{Failure, command_for, did_you_mean, kind_asked_by_command_words};
use crate::output::{Listing, Text, View};

/// `note: ...` on standard error: said apart from the hits, so that a pipe or JSON gets the hits
/// alone.
fn say_note(note: &str) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "note: {}",
        crate::escape::terminal_lines(note)
    );
}

/// Hits shown on a terminal when `--limit` is not given; pipes and JSON get them all.
pub(crate) const TERMINAL_SEARCH_LIMIT: usize = 10;

#[derive(Serialize)]
struct HitJson<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    score: f64,
    matched: &'a [&'static str],
    /// Whether the entry has every word of the query; those with some come after those that do.
    complete: bool,
    snippet: &'a str,
    /// The command that shows the entry in full.
    show: String,
}

pub(crate) fn run(
    cx: &Context<'_>,
    query: &str,
    kinds: &[Kind],
    limit: Option<usize>,
    all_words: bool,
) -> Result<View, Failure> {
    let limit = match (limit, cx.config.format) {
        (Some(0), _) => usize::MAX,
        (Some(n), _) => n,
        (None, Format::Table) => TERMINAL_SEARCH_LIMIT,
        (None, _) => usize::MAX,
    };
    let index = cx.index();
    let answer = match search::search(&index, query, kinds, all_words) {
        Ok(answer) => answer,
        // `citation`: the reader wants the command, and the works it cites.
        Err(err) => match kind_asked_by_command_words(&err) {
            Some((kind, note)) if !all_words && (kinds.is_empty() || kinds.contains(&kind)) => {
                say_note(&note);
                // A kind's own name asks search for every entry of it.
                search::search(&index, kind.plural(), &[kind], false)?
            }
            _ => return Err(err.into()),
        },
    };
    if let Some(miss) = &answer.partial {
        say_note(&partial_note(query, miss));
    }
    // Said only where some hit shown has only some of the words.
    if answer.complete > 0 && answer.complete < answer.hits.len().min(limit) {
        say_note(&format!(
            "{} of `{}`; after {}, entries with some of its words (`--all-words` shows only {})",
            match answer.complete {
                1 => "one entry has every word".to_string(),
                n => format!("{n} entries have every word"),
            },
            query.trim(),
            if answer.complete == 1 { "it" } else { "them" },
            if answer.complete == 1 {
                "that one"
            } else {
                "those"
            },
        ));
    }
    let mut hits = answer.hits;
    let found = hits.len();
    hits.truncate(limit);
    let note = (hits.len() < found).then(|| {
        format!(
            "showing {} of {found} hits; `--limit 0` shows them all",
            hits.len()
        )
    });
    let json = cx.json(|| {
        let hits: Vec<HitJson<'_>> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| HitJson {
                complete: i < answer.complete,
                kind: h.kind.as_str(),
                id: &h.id,
                title: &h.title,
                score: h.score,
                matched: &h.matched,
                snippet: &h.snippet.text,
                show: show_command(h.kind, &h.id),
            })
            .collect();
        to_value(&hits)
    });
    Ok(View::Listing(Listing {
        columns: vec!["id", "kind", "title", "match", "show"],
        rows: hits
            .into_iter()
            .map(|h| {
                let show = show_command(h.kind, &h.id);
                vec![
                    h.id.into(),
                    h.kind.as_str().into(),
                    Text {
                        text: h.title,
                        marks: h.title_marks,
                    },
                    snippet_text(h.kind, h.snippet),
                    show.into(),
                ]
            })
            .collect(),
        json,
        note,
    }))
}

/// Why the hits are partial: the words no entry has (with what was meant, where a word is
/// near one of the data), or that no entry has them all.
fn partial_note(query: &str, miss: &search::Miss) -> String {
    match miss {
        search::Miss::Unknown(words) => {
            let named: Vec<String> = words
                .iter()
                .map(|(word, near)| match command_for(word) {
                    Some(command) => format!("`{word}` ({command})"),
                    None => format!("`{word}`{}", did_you_mean(near)),
                })
                .collect();
            format!(
                "no entry mentions {}; showing entries with the other words (`--all-words` asks for every word)",
                named.join(" or ")
            )
        }
        search::Miss::NotTogether { .. } => format!(
            "no entry has all of `{}`; showing those with the most telling of its words (`--all-words` asks for every word)",
            query.trim()
        ),
    }
}

/// The snippet as shown: for a guide chapter, which part of it matched ("measures: ...").
fn snippet_text(kind: Kind, snippet: search::Snippet) -> Text {
    let of_a_chapter_part =
        kind == Kind::Chapter && matches!(snippet.field, "issues" | "measures" | "instruments");
    if !of_a_chapter_part {
        return Text {
            text: snippet.text.into(),
            marks: snippet.marks,
        };
    }
    let part = format!("{}: ", snippet.field);
    let shift = part.len();
    Text {
        text: (part + &snippet.text).into(),
        marks: snippet
            .marks
            .into_iter()
            .map(|m| m.start + shift..m.end + shift)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn search_shows_ten_hits_on_a_terminal_and_all_elsewhere() {
        // The bundled data as compiled in (a test in main.rs holds it to the TOML).
        let data = &crate::BUNDLED_DATA;
        let count = |format: Format, limit: Option<usize>| {
            let config = Config::for_tests(format);
            let cx = Context {
                data,
                dataset: "bundled",
                prebuilt: None,
                config: &config,
            };
            match run(&cx, "migration", &[], limit, false) {
                Ok(View::Listing(listing)) => listing.rows.len(),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(count(Format::Table, None), TERMINAL_SEARCH_LIMIT);
        assert!(count(Format::Plain, None) > TERMINAL_SEARCH_LIMIT);
        assert!(count(Format::Json, None) > TERMINAL_SEARCH_LIMIT);
        assert_eq!(count(Format::Table, Some(3)), 3);
    }
}
