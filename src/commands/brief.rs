//! `ewg brief`: a one-page briefing on the group, built from the data: Markdown, or one
//! self-contained, print-friendly HTML page made from it by pulldown-cmark. Written to standard
//! output, or atomically to a file that it never overwrites unasked.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use ewg_core::search;
use ewg_core::{ActionEntry, Dataset, Entry, Event, Kind, Objective, Publication, PublicationKind};

use super::{Context, lookup};

use super::show::capitalised;
use crate::config::Format;
use crate::error::Failure;
use crate::escape::{self, markdown as esc};
use crate::output::View;

/// How many of a topic's best hits a brief holds.
const TOPIC_HITS: usize = 30;

/// What a brief is about.
pub(crate) enum Subject<'a> {
    /// The group itself: the general brief.
    Group,
    /// A topic in words: what the data says of it.
    Topic(&'a str),
    /// One entry and what relates to it.
    Entry(Entry<'a>),
}

/// The brief in the format asked (markdown or html, as `cli::FORMATS` declares), to standard
/// output or to the file `output` names (`-` is standard output).
pub(crate) fn brief(
    cx: &Context<'_>,
    subject: &Subject<'_>,
    output: Option<&Path>,
    force: bool,
) -> Result<View, Failure> {
    let data = cx.data;
    let (title, markdown) = match subject {
        Subject::Group => (data.group.name.to_string(), markdown(data)),
        Subject::Topic(topic) => {
            let answer = search::search(&cx.index(), topic, &[], false).map_err(Failure::Topic)?;
            // The best hits make a brief; the rest are for `ewg search`.
            // Entries with some of the topic's words make a brief only where none has all.
            let whole = match answer.complete {
                0 => answer.hits.len(),
                complete => complete,
            };
            let hits: Vec<Entry<'_>> = answer.hits[..whole]
                .iter()
                .take(TOPIC_HITS)
                .filter_map(|h| lookup::of_kind(data, h.kind, &h.id).ok())
                .collect();
            let partial = answer.partial.is_some();
            // What search found in each chapter, synonyms included (`gbv` finds "sexual
            // and gender-based violence"): said where no point has the topic's own words.
            let snippets: BTreeMap<String, String> = answer
                .hits
                .iter()
                .filter(|h| h.kind == Kind::Chapter)
                .map(|h| (h.id.to_string(), h.snippet.text.clone()))
                .collect();
            (
                capitalised(topic),
                topic_markdown(data, topic, Some(topic), &hits, &snippets, partial),
            )
        }
        Subject::Entry(entry) => {
            let mut entries = vec![*entry];
            entries.extend(
                data.related(*entry)
                    .iter()
                    .filter_map(|r| lookup::of_kind(data, Kind::from_name(r.kind)?, &r.id).ok()),
            );
            if let Entry::Objective(o) = entry {
                entries.extend(
                    data.entries_of(Kind::Action).filter(
                        |e| matches!(e, Entry::Action(a) if a.action.objective == o.number),
                    ),
                );
            }
            // Each entry once, though it is both related and the objective's action.
            let mut seen = BTreeSet::new();
            entries.retain(|e| seen.insert((e.kind(), e.id().into_owned())));
            let title = entry.title().into_owned();
            let snippets = BTreeMap::new();
            (
                title.clone(),
                topic_markdown(data, &title, None, &entries, &snippets, false),
            )
        }
    };
    let text = match cx.config.format {
        Format::Html => html(&title, &markdown),
        _ => markdown,
    };
    match output {
        None => Ok(View::Text(text)),
        Some(path) if path.as_os_str() == "-" => Ok(View::Text(text)),
        Some(path) => {
            write_atomically(path, text.as_bytes(), force)?;
            Ok(View::Text(format!(
                "wrote {} ({} bytes)\n",
                escape::terminal(&path.display().to_string()),
                text.len()
            )))
        }
    }
}

/// A brief headed `topic`, from the entries that answer it (best first): the GCM's objectives
/// and actions (those naming women, girls or gender marked), what the guide's chapters say of
/// `about` (all they say, for a brief on one entry), the group's notes and statements, the
/// members, the key dates, and every source.
fn topic_markdown(
    data: &Dataset,
    topic: &str,
    about: Option<&str>,
    entries: &[Entry<'_>],
    snippets: &BTreeMap<String, String>,
    partial: bool,
) -> String {
    let mut md = String::new();
    let mut sources: BTreeSet<&str> = BTreeSet::new();
    let _ = writeln!(md, "# {}\n", esc(&super::show::capitalised(topic)));
    let _ = writeln!(
        md,
        "What the EWG dataset holds on this{}, from the Global Compact for Migration (GCM), the \
         group's Policies and Practice Guide, its notes and statements, and its members.\n",
        if partial {
            " (no entry has every word; these have the most telling of them)"
        } else {
            ""
        }
    );
    let of = |kind: Kind| entries.iter().filter(move |e| e.kind() == kind);
    let section = |md: &mut String, heading: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(md, "## {heading}\n");
            for line in lines {
                let _ = writeln!(md, "- {line}");
            }
            md.push('\n');
        }
    };
    let mut gcm = Vec::new();
    for entry in of(Kind::Objective) {
        if let Entry::Objective(o) = entry {
            let paragraph = o
                .paragraph
                .map(|p| format!(" (GCM para {p})"))
                .unwrap_or_default();
            let commitment = o
                .commitment
                .as_deref()
                .map(|c| format!(": {}", esc(c)))
                .unwrap_or_default();
            gcm.push(format!("**Objective {}{paragraph}**{commitment}", o.number));
        }
    }
    let mut marked = false;
    // In the order of the GCM's paragraphs, as a reader looks them up.
    let mut actions: Vec<_> = of(Kind::Action)
        .filter_map(|entry| match entry {
            Entry::Action(ActionEntry { action, .. }) => Some(*action),
            _ => None,
        })
        .collect();
    actions.sort_by(|a, b| (a.objective, &a.letter).cmp(&(b.objective, &b.letter)));
    for a in actions {
        marked |= a.names_gender();
        let mark = if a.names_gender() { " \\*" } else { "" };
        gcm.push(format!(
            "**GCM para {}**{mark}: {}",
            a.paragraph(),
            esc(&a.text)
        ));
    }
    for entry in of(Kind::Principle) {
        if let Entry::Principle(p) = entry {
            gcm.push(format!(
                "**GCM para {}, {}**: {}",
                p.paragraph(),
                esc(&p.title),
                esc(&p.text)
            ));
        }
    }
    section(&mut md, "What the GCM commits States to", gcm);
    if marked {
        let _ = writeln!(md, "\\* The action names women, girls or gender.\n");
    }
    // The topic's words as search reads them (no question words, stopwords or words naming a
    // kind of entry, as in "what does the guide say about ..."), compared as
    // search compares them (`labor` says "labour", `woman` "women"), or as a word with an
    // ending of up to two letters more or less (`work` for "workers", as in "domestic work"),
    // never as a word inside another (`part` in "participation").
    let words: Vec<String> = ewg_core::search::parse_query(about.unwrap_or_default())
        .iter()
        .flat_map(|part| part.words.iter())
        .filter(|word| ewg_core::search::kind_of_word(word).is_none())
        .flat_map(|word| ewg_core::search::terms_of(word))
        .collect();
    let is_word = |term: &str, word: &str| {
        let (short, long) = if term.len() < word.len() {
            (term, word)
        } else {
            (word, term)
        };
        term == word
            || (short.len() > 3 && long.starts_with(short) && long.len() - short.len() <= 2)
    };
    // Whether a point says every word of the topic.
    let says_all = |point: &str| {
        let terms = ewg_core::search::terms_of(point);
        !words.is_empty() && words.iter().all(|w| terms.iter().any(|t| is_word(t, w)))
    };
    let mut guide = Vec::new();
    // Chapters that answered the search but say nothing on the topic: not sources of the page.
    let mut silent = BTreeSet::new();
    for entry in of(Kind::Chapter) {
        if let Entry::Chapter(c) = entry {
            let chapter = c.chapter;
            let points = chapter.issues.iter().chain(&chapter.measures);
            // The points that say every word of the topic: one that says only some is on
            // another subject ("domestic abuse" for domestic workers).
            let said: Vec<&str> = points
                .filter(|p| about.is_none() || says_all(p))
                .map(AsRef::as_ref)
                .collect();
            let label = data
                .objective(chapter.objective)
                .map_or("", |o| o.label.as_ref());
            // Else what search found there, where it is the topic in other words (`gbv`) or
            // says every word.
            let snippet = snippets
                .get(&chapter.objective.to_string())
                .filter(|s| words.len() <= 1 || says_all(s));
            let said: Vec<&str> = match (said.is_empty(), snippet) {
                (true, Some(snippet)) => vec![snippet.as_str()],
                _ => said,
            };
            if said.is_empty() {
                silent.insert(chapter.objective);
            }
            for point in said {
                guide.push(format!(
                    "{}: {}",
                    escape::markdown_link(
                        &format!("Objective {}, {label}", chapter.objective),
                        &chapter.source
                    ),
                    esc(point)
                ));
            }
        }
    }
    section(&mut md, "What the Policies and Practice Guide says", guide);
    let mut group = Vec::new();
    for entry in entries {
        match entry {
            Entry::Issue(i) => group.push(format!(
                "**{}**: {}",
                esc(&i.display_title()),
                esc(&i.summary)
            )),
            Entry::Publication(p) => group.push(format!(
                "**{}**, {}: {}",
                esc(&p.title),
                esc(&p.date),
                esc(&p.summary)
            )),
            Entry::Activity(a) => {
                group.push(format!("**{}**: {}", esc(&a.title), esc(&a.description)))
            }
            _ => {}
        }
    }
    section(&mut md, "What the group says and does", group);
    let members: Vec<String> = of(Kind::Member)
        .filter_map(|e| match e {
            Entry::Member(m) => Some(format!("**{}**: {}", esc(&m.name), esc(&m.description))),
            _ => None,
        })
        .collect();
    section(&mut md, "Members", members);
    let mut dates: Vec<&Event> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Event(ev) => Some(*ev),
            _ => None,
        })
        .collect();
    dates.sort_by(|a, b| a.sort.cmp(&b.sort));
    let dates = dates
        .iter()
        .map(|e| format!("**{}**: {}", esc(&e.when), esc(&e.event)))
        .collect();
    section(&mut md, "Key dates", dates);
    let follow: Vec<String> = of(Kind::FollowUp)
        .filter_map(|e| match e {
            Entry::FollowUp(f) => Some(format!("**{}**: {}", esc(&f.name), esc(&f.summary))),
            _ => None,
        })
        .collect();
    section(&mut md, "Follow-up and review", follow);
    for entry in entries {
        if !matches!(entry, Entry::Chapter(c) if silent.contains(&c.chapter.objective)) {
            sources.extend(entry.sources());
        }
    }
    let _ = writeln!(md, "## Sources\n");
    for (n, url) in sources.iter().enumerate() {
        let _ = writeln!(md, "{}. {}", n + 1, escape::markdown_url(url));
    }
    let _ = writeln!(
        md,
        "\n*Compiled by ewg from its dataset, updated {}. An independent summary, not a publication of the EWG or UN Women.*",
        data.meta.updated
    );
    md
}

/// Writes through a temporary file in the same folder, renamed into place: a failure never
/// leaves half a file, without `force` an existing file is never replaced, and only a regular
/// file is ever replaced (never a device, a folder or a pipe, even with `force`).
fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    let write_failed = |source| Failure::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let target_is_file = std::fs::metadata(path).is_ok_and(|m| m.is_file());
        if !(meta.is_file() || meta.file_type().is_symlink() && target_is_file) {
            return Err(Failure::NotARegularFile {
                path: path.to_path_buf(),
            });
        }
        if !force {
            return Err(Failure::FileExists {
                path: path.to_path_buf(),
            });
        }
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(write_failed)?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(write_failed)?;
    // The temporary file is private (0600); the file written has the mode a file made by any
    // other program would: the replaced file's own, or what the umask leaves of 0666.
    let mode = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o666 & !umask()),
    };
    file.as_file().set_permissions(mode).map_err(write_failed)?;
    let kept = if force {
        file.persist(path).map(drop)
    } else {
        file.persist_noclobber(path).map(drop)
    };
    kept.map_err(|err| write_failed(err.error))
}

/// The process's umask, as Linux reports it in /proc/self/status (reading it through the
/// umask call would change it); 022, the usual one, where that cannot be read.
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("Umask:"))?;
            u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
        })
        .unwrap_or(0o022)
}

/// The briefing, from the data alone.
pub(crate) fn markdown(data: &Dataset) -> String {
    let g = &data.group;
    let mut sources: BTreeSet<&str> = BTreeSet::new();
    let mut md = String::new();
    let _ = writeln!(md, "# {} ({})\n", esc(&g.name), esc(&g.short_name));
    let _ = writeln!(md, "{}\n", esc(&g.purpose));
    let _ = writeln!(
        md,
        "- **Secretariat**: {} ({})",
        esc(&g.secretariat),
        escape::markdown_url(&g.secretariat_url)
    );
    let _ = writeln!(md, "- **Chairs**: {}", esc(&g.chairing));
    let _ = writeln!(md, "- **Founded**: {}. {}", g.established, esc(&g.origin));
    let _ = writeln!(md, "- **Why**: {}", esc(&g.first_mandate));
    let _ = writeln!(md, "- **Concerns**: {}", esc(&g.population));
    let _ = writeln!(md, "- **Now**: {}\n", esc(&g.current_mandate));
    sources.extend(g.sources.iter().map(AsRef::as_ref));

    let _ = writeln!(
        md,
        "## Members\n\n{} institutions in {} categories. {}\n",
        data.count(Kind::Member),
        data.categories.len(),
        esc(&g.capacity)
    );
    // A line a category: short names (acronyms where there are some) keep it to two pages.
    for category in &data.categories {
        let names: Vec<String> = data
            .members_in(&category.slug)
            .map(|m| {
                sources.extend(m.sources.iter().map(AsRef::as_ref));
                esc(m.acronym.as_deref().unwrap_or(&m.name))
            })
            .collect();
        let _ = writeln!(md, "- **{}**: {}", esc(&category.name), names.join(", "));
    }
    md.push('\n');

    let _ = writeln!(md, "## The GCMGender Series\n\n{}\n", esc(&g.series));
    for issue in &data.issues {
        let _ = writeln!(md, "{}. {}", issue.number, esc(&issue.display_title()));
        sources.insert(&issue.source);
    }
    md.push('\n');

    if let Some(guide) = data.guide_publication() {
        let _ = writeln!(md, "## {}\n\n{}\n", esc(&guide.title), esc(&guide.summary));
        sources.extend(guide.sources.iter().map(AsRef::as_ref));
    }
    let chapters: Vec<String> = super::lists::chapters_with_labels(data)
        .into_iter()
        .map(|(chapter, _)| escape::markdown_link(&chapter.objective.to_string(), &chapter.source))
        .collect();
    let _ = writeln!(
        md,
        "One chapter per GCM objective: {}.\n",
        chapters.join(", ")
    );

    asks(data, &mut md, &mut sources);
    gcm_gender_table(data, &mut md, &mut sources);

    let _ = writeln!(md, "## Key dates\n");
    let mut events: Vec<_> = data.timeline.iter().collect();
    events.sort_by(|a, b| a.sort.cmp(&b.sort));
    for event in events {
        let _ = writeln!(md, "- **{}**: {}", esc(&event.when), esc(&event.event));
        sources.insert(&event.source);
    }
    md.push('\n');

    let _ = writeln!(md, "## Sources\n");
    for (n, url) in sources.iter().enumerate() {
        let _ = writeln!(md, "{}. {}", n + 1, escape::markdown_url(url));
    }
    let _ = writeln!(
        md,
        "\n*Compiled by ewg from its dataset, updated {}. An independent summary, not a publication of the EWG or UN Women.*",
        data.meta.updated
    );
    md
}

/// "What the group asks for": each of its statements, in a line, as the data sums it up.
fn asks<'a>(data: &'a Dataset, md: &mut String, sources: &mut BTreeSet<&'a str>) {
    let statements: Vec<&Publication> = data
        .publications
        .iter()
        .filter(|p| p.kind == PublicationKind::Statement)
        .collect();
    if statements.is_empty() {
        return;
    }
    let _ = writeln!(md, "## What the group asks for\n");
    for statement in statements {
        let _ = writeln!(
            md,
            "- **{}** ({}): {}",
            esc(&statement.title),
            esc(&statement.date),
            esc(&statement.summary)
        );
        sources.extend(statement.sources.iter().map(AsRef::as_ref));
    }
    md.push('\n');
}

/// "Where the GCM mentions women, girls or gender": each objective whose commitment or actions
/// name them, with its paragraph and the letters of those actions.
fn gcm_gender_table<'a>(data: &'a Dataset, md: &mut String, sources: &mut BTreeSet<&'a str>) {
    let rows: Vec<(&Objective, bool, Vec<&str>)> = data
        .objectives
        .iter()
        .map(|o| {
            let commitment = o.commitment_mentions.iter().any(|m| m.is_gender_lens());
            let letters = data
                .actions
                .iter()
                .filter(|a| a.objective == o.number && a.names_gender())
                .map(|a| a.letter.as_ref())
                .collect();
            (o, commitment, letters)
        })
        .filter(|(_, commitment, letters): &(_, bool, Vec<&str>)| {
            *commitment || !letters.is_empty()
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let actions: usize = rows.iter().map(|(_, _, letters)| letters.len()).sum();
    let commitments = rows.iter().filter(|(_, commitment, _)| *commitment).count();
    let _ = writeln!(
        md,
        "## Where the GCM mentions women, girls or gender\n\n{actions} of the GCM's {} actions \
         read name women, girls or gender, and so do the commitments of {commitments} objectives:\n",
        data.actions.len()
    );
    let named: Vec<String> = rows
        .iter()
        .map(|(o, commitment, letters)| {
            let paragraph = o
                .paragraph
                .map(|p| format!(" (para {p})"))
                .unwrap_or_default();
            let mut parts: Vec<String> = letters.iter().map(|l| format!("({l})")).collect();
            if *commitment {
                parts.insert(0, "its commitment".to_string());
            }
            sources.insert(&o.source);
            format!("objective {}{paragraph}: {}", o.number, parts.join(", "))
        })
        .collect();
    let _ = writeln!(md, "{}.", capitalised(&named.join("; ")));
    md.push('\n');
}

/// One self-contained page: the Markdown as HTML, with its style inline, for screen and print.
fn html(title: &str, markdown: &str) -> String {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut body = String::new();
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    // A second guard behind the Markdown's own escaping: no raw HTML passes as HTML, and a link
    // whose URL may not be one (`escape::link_url`) is its text alone.
    let mut unsafe_links = 0usize;
    let events =
        pulldown_cmark::Parser::new_ext(markdown, options).filter_map(|event| match event {
            Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
            Event::Start(Tag::Link { ref dest_url, .. })
                if escape::link_url(dest_url).is_none() =>
            {
                unsafe_links += 1;
                None
            }
            Event::End(TagEnd::Link) if unsafe_links > 0 => {
                unsafe_links -= 1;
                None
            }
            event => Some(event),
        });
    pulldown_cmark::html::push_html(&mut body, events);
    let title = escape::html(title);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{title}</title>
<style>
body {{ font-family: Georgia, "Times New Roman", serif; line-height: 1.45; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }}
h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}
h2 {{ font-size: 1.2em; border-bottom: 1px solid #999; margin-top: 1.6em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9em; }}
th, td {{ border: 1px solid #bbb; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }}
a {{ color: #0b4f8a; overflow-wrap: anywhere; }}
h2:last-of-type + ol {{ font-size: 0.8em; overflow-wrap: anywhere; }}
@page {{ margin: 1.4cm; }}
@media print {{ body {{ margin: 0; max-width: none; font-size: 9pt; line-height: 1.25; }} p, ul, ol {{ margin: 0.4em 0; }} h1 {{ font-size: 1.4em; margin: 0 0 0.3em; }} a {{ color: #000; }} h2 {{ break-after: avoid; margin-top: 1em; }} tr {{ break-inside: avoid; }} h2:last-of-type + ol {{ columns: 2; column-gap: 1.5em; font-size: 7.5pt; }} }}
</style>
</head>
<body>
{body}</body>
</html>
"#
    )
}
