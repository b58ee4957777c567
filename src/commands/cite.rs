//! `ewg cite`: a reference to an entry's source document, in a citation style rendered by a CSL
//! processor (hayagriva, with its bundled styles), or for reference managers as BibTeX, BibLaTeX
//! (the biblatex crate), RIS or CSL-JSON. Only what the data knows goes in: organisations as
//! authors, dates as precise as the sources give them, "n.d." where they give none.

use std::fmt::Write as _;

use serde_json::{Value, json};

use ewg_core::dates::Span;
use ewg_core::{Dataset, Entry, PublicationKind, Text};

use super::lookup;
use crate::cli::CiteStyle;
use crate::config::Format;
use crate::error::Failure;
use crate::escape;
use crate::output::View;

/// What a reference says, from the data.
struct Reference {
    key: String,
    /// CSL's item type: `webpage`, `report` or `article`.
    csl_type: &'static str,
    title: String,
    /// An organisation, never split into given and family names.
    author: Option<Text>,
    publisher: Option<Text>,
    /// The work it is part of (the guide, for a chapter) or the site it stands on.
    container: Option<Text>,
    date: Option<Span>,
    /// How much of `date` the sources give: 1 year, 2 month, 3 day.
    date_parts: usize,
    url: Text,
    /// The day the dataset was last checked against its sources.
    accessed: Text,
    /// The part of the work cited: a paragraph of the GCM (`para. 23(c)`).
    locator: Option<Text>,
}

fn date_of(text: &str) -> (Option<Span>, usize) {
    let Some(span) = Span::parse(text) else {
        return (None, 0);
    };
    let parts = if span.first == span.last {
        3
    } else if span.first.month == span.last.month {
        2
    } else {
        1
    };
    (Some(span), parts)
}

fn reference(data: &Dataset, entry: Entry<'_>) -> Reference {
    let group = &data.group.name;
    let guide = data.guide_publication();
    let sources = entry.sources();
    let base = |title: &str, author: Option<Text>| Reference {
        key: format!("ewg-{}-{}", entry.kind(), entry.id()).to_lowercase(),
        csl_type: "webpage",
        // A style ends the title with its own full stop.
        title: title.trim_end_matches('.').to_string(),
        author,
        publisher: None,
        container: None,
        date: None,
        date_parts: 0,
        url: sources
            .first()
            .map_or(Text::default(), |s| s.to_string().into()),
        accessed: data.meta.updated.clone(),
        locator: None,
    };
    // The GCM's own text is cited as the resolution that holds it, at its paragraph; where the
    // data names no resolution, as the entry's title at its source.
    let gcm = |paragraph: Option<String>| {
        let locator = paragraph.map(|p| Text::from(format!("para. {p}")));
        let Some(resolution) = &data.gcm.resolution else {
            return Reference {
                locator,
                ..base(&entry.title(), None)
            };
        };
        let (date, date_parts) = date_of(&resolution.adopted);
        Reference {
            csl_type: "report",
            date,
            date_parts,
            url: resolution.url.clone(),
            locator,
            ..base(
                &format!("{} ({})", data.gcm.name, resolution.symbol),
                Some(resolution.by.clone()),
            )
        }
    };
    match entry {
        // The group's own page: cited by its name, which is not repeated as its author.
        Entry::Group(g) => Reference {
            url: data.meta.page.clone(),
            ..base(&g.group.name, None)
        },
        // An organisation's own site: cited by its name, which is not repeated as its author.
        Entry::Member(m) => Reference {
            url: m.website.clone(),
            ..base(&m.name, None)
        },
        Entry::Issue(i) => Reference {
            container: Some("GCMGender Series".into()),
            ..base(&i.display_title(), Some(group.clone()))
        },
        Entry::Publication(p) => {
            let (date, date_parts) = date_of(&p.date);
            Reference {
                // A statement is a page on the web; the guide and the recommendations are reports.
                csl_type: if p.kind == PublicationKind::Statement {
                    "webpage"
                } else {
                    "report"
                },
                publisher: p.publisher.clone(),
                date,
                date_parts,
                url: p
                    .url
                    .clone()
                    .or_else(|| p.sources.first().cloned())
                    .unwrap_or_default(),
                ..base(&p.title, p.author.clone())
            }
        }
        Entry::Chapter(c) => {
            let (date, date_parts) = guide.map_or((None, 0), |g| date_of(&g.date));
            let title = c.objective.map_or(entry.title().into_owned(), |o| {
                format!("Objective {}: {}", o.number, o.title)
            });
            Reference {
                publisher: guide.and_then(|g| g.publisher.clone()),
                container: guide.map(|g| g.title.clone()),
                date,
                date_parts,
                ..base(&title, guide.and_then(|g| g.author.clone()))
            }
        }
        // An event is no work with a title: it is cited by a description in square brackets,
        // as APA asks for a work without a title, at its source.
        Entry::Event(e) => {
            let (date, date_parts) = date_of(&e.when);
            Reference {
                date,
                date_parts,
                ..base(&format!("[{}]", e.event.trim_end_matches('.')), None)
            }
        }
        Entry::Objective(o) => gcm(o.paragraph.map(|p| p.to_string())),
        Entry::Action(a) => gcm(Some(a.action.paragraph())),
        Entry::Principle(p) => gcm(Some(p.paragraph())),
        Entry::FollowUp(f) => gcm(super::lists::paragraphs(&f.paragraphs)),
        // What the group does, as its page says: the page is the source.
        Entry::Activity(a) => base(&a.title, Some(group.clone())),
        // A glossary term, and any kind without a reference of its own: its title at its source.
        _ => base(&entry.title(), None),
    }
}

/// The date as CSL writes it: `[[year, month, day]]`, as many parts as the sources give.
fn csl_date(r: &Reference) -> Option<Value> {
    let d = r.date?.first;
    let parts = [u32::from(d.year), u32::from(d.month), u32::from(d.day)];
    Some(json!({ "date-parts": [parts[..r.date_parts].to_vec()] }))
}

fn csl_json(r: &Reference) -> Value {
    let mut item = json!({
        "id": r.key,
        "type": r.csl_type,
        "title": r.title,
        "URL": r.url,
        "accessed": { "date-parts": [r.accessed.split('-').filter_map(|p| p.parse::<u32>().ok()).collect::<Vec<_>>()] },
    });
    if let Some(author) = &r.author {
        // An organisation: one literal name, never split into given and family names.
        item["author"] = json!([{ "literal": author }]);
    }
    if let Some(publisher) = &r.publisher {
        item["publisher"] = json!(publisher);
    }
    if let Some(container) = &r.container {
        item["container-title"] = json!(container);
    }
    if let Some(date) = csl_date(r) {
        item["issued"] = date;
    }
    if let Some(locator) = &r.locator {
        item["note"] = json!(locator);
    }
    item
}

/// The reference in hayagriva's own input form (JSON is YAML): the author as a name with no
/// given name, so that it is rendered as the organisation it is.
fn hayagriva_item(r: &Reference) -> Value {
    let mut item = json!({
        "type": if r.csl_type == "webpage" { "web" } else if r.csl_type == "article" { "article" } else { "report" },
        "title": keep_capitals(&chunked(&r.title)),
        "url": { "value": r.url, "date": r.accessed },
    });
    if let Some(author) = &r.author {
        item["author"] = json!([{ "name": chunked(author) }]);
    }
    if let Some(publisher) = &r.publisher {
        item["publisher"] = json!(chunked(publisher));
    }
    if let Some(d) = r.date.map(|s| s.first) {
        let date = [
            format!("{:04}", d.year),
            format!("{:02}", d.month),
            format!("{:02}", d.day),
        ];
        item["date"] = json!(date[..r.date_parts].join("-"));
    }
    if let Some(container) = &r.container {
        // Braces keep a name's own capitals through a style's title case (`GCMGender`). As a
        // `misc` parent every style places it after the title (as a `web` parent Chicago put
        // it after the author).
        let container = chunked(container);
        item["parent"] = json!({ "type": "misc", "title": format!("{{{container}}}") });
    }
    item
}

/// Text as hayagriva reads it: control characters as `escape::terminal` shows them, its own markup characters (`\\`, `{`, `}`, `$`) escaped, so that
/// the data's text is rendered as written and never read as markup.
fn chunked(text: &str) -> String {
    // YAML, through which hayagriva reads, takes no control characters.
    let text = escape::terminal(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '{' | '}' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Words with two capitals or more (`GCM`, `A/RES/73/195`) in braces, which keep them as written
/// through a style's sentence or title case.
fn keep_capitals(title: &str) -> String {
    title
        .split(' ')
        .map(|word| {
            if word.chars().filter(char::is_ascii_uppercase).count() >= 2 {
                format!("{{{word}}}")
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The style's CSL, as hayagriva's archive encodes it (data/csl/README.md), deflated by
/// build.rs.
fn style_cbor(style: CiteStyle) -> &'static [u8] {
    match style {
        CiteStyle::Apa => include_bytes!(concat!(env!("OUT_DIR"), "/apa.cbor.deflate")),
        CiteStyle::Chicago => {
            include_bytes!(concat!(
                env!("OUT_DIR"),
                "/chicago-author-date.cbor.deflate"
            ))
        }
        CiteStyle::Mla => include_bytes!(concat!(
            env!("OUT_DIR"),
            "/modern-language-association.cbor.deflate"
        )),
        CiteStyle::Harvard => include_bytes!(concat!(
            env!("OUT_DIR"),
            "/harvard-cite-them-right.cbor.deflate"
        )),
    }
}

/// The locale the styles are rendered in, deflated by build.rs.
const LOCALE_EN_US: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/locale-en-US.cbor.deflate"));

/// What build.rs deflated, as it was; `None` if it does not inflate.
fn inflate(deflated: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec(deflated).ok()
}

/// References in a citation style, one a line, by hayagriva's CSL processor.
fn styled(references: &[Reference], style: CiteStyle) -> Result<String, Failure> {
    use hayagriva::citationberg::{Locale, Style};
    use hayagriva::{
        BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    };

    let internal = |why: String| Failure::Internal {
        what: "the citation style",
        why,
    };
    let mut input = serde_json::Map::new();
    for r in references {
        input.insert(r.key.clone(), hayagriva_item(r));
    }
    // Read as hayagriva reads its YAML files, from the values themselves rather than their text.
    let library: hayagriva::Library =
        serde_json::from_value(Value::Object(input)).map_err(|err| internal(err.to_string()))?;
    let cite_style = style;
    let inflated =
        |deflated| inflate(deflated).ok_or_else(|| internal("it does not inflate".into()));
    let Style::Independent(style) =
        ciborium::de::from_reader::<Style, _>(inflated(style_cbor(style))?.as_slice())
            .map_err(|err| internal(err.to_string()))?
    else {
        return Err(internal("the style is not an independent style".into()));
    };
    let locale: Locale = ciborium::de::from_reader(inflated(LOCALE_EN_US)?.as_slice())
        .map_err(|err| internal(err.to_string()))?;
    // Cite Them Right is a British style: its dates in British English; the others in US
    // English, the locale bundled.
    let locales = [british(locale.clone()), locale];
    let language = (cite_style == CiteStyle::Harvard)
        .then(|| hayagriva::citationberg::LocaleCode("en-GB".into()));
    let mut driver = BibliographyDriver::new();
    for entry in library.iter() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(entry)],
            &style,
            language.clone(),
            &locales,
            None,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(&style, language, &locales));
    let mut out = String::new();
    for item in rendered.bibliography.map(|b| b.items).unwrap_or_default() {
        let mut line = String::new();
        item.content
            .write_buf(&mut line, BufWriteFormat::Plain)
            .map_err(|err| internal(err.to_string()))?;
        // A style has no place for the part of a work cited in its list of references: the
        // paragraph follows the reference.
        let locator = references
            .iter()
            .find(|r| r.key == item.key)
            .and_then(|r| r.locator.as_deref())
            .map(|l| format!(" {}.", super::show::capitalised(l)))
            .unwrap_or_default();
        let _ = writeln!(out, "{}{locator}", escape::terminal(line.trim()));
    }
    Ok(out)
}

/// The reference with every value as BibTeX may hold it (`escape::bibtex`), or the failure that
/// names the field that it may not.
fn tex_safe(r: &Reference, biblatex: bool) -> Result<Reference, Failure> {
    let safe = |field: &'static str, text: &str| {
        escape::bibtex(text)
            .map(std::borrow::Cow::into_owned)
            .ok_or_else(|| Failure::CannotWrite {
                form: if biblatex { "BibLaTeX" } else { "BibTeX" },
                entry: r.key.clone(),
                field,
                why: "its braces are not balanced, and BibTeX counts every brace",
            })
    };
    let safe_opt = |field: &'static str, text: &Option<Text>| {
        text.as_deref()
            .map(|t| safe(field, t).map(Text::from))
            .transpose()
    };
    Ok(Reference {
        key: safe("key", &r.key)?,
        csl_type: r.csl_type,
        title: safe("title", &r.title)?,
        author: safe_opt("author", &r.author)?,
        publisher: safe_opt("publisher", &r.publisher)?,
        container: safe_opt("container", &r.container)?,
        date: r.date,
        date_parts: r.date_parts,
        url: safe("url", &r.url)?.into(),
        accessed: safe("accessed", &r.accessed)?.into(),
        locator: safe_opt("locator", &r.locator)?,
    })
}

/// British English, made from the bundled US English: the same terms, dates written day month
/// year ("27 November 2026"), the only difference the four styles show.
fn british(mut locale: hayagriva::citationberg::Locale) -> hayagriva::citationberg::Locale {
    use hayagriva::citationberg::{DateForm, DatePartName, LocaleCode};
    locale.lang = Some(LocaleCode("en-GB".into()));
    for date in &mut locale.date {
        if date.form == Some(DateForm::Text) {
            let order = |name: &DatePartName| match name {
                DatePartName::Day => 0,
                DatePartName::Month => 1,
                DatePartName::Year => 2,
            };
            date.date_part.sort_by_key(|part| order(&part.name));
            for part in &mut date.date_part {
                part.affixes.prefix = None;
                part.affixes.suffix = (part.name != DatePartName::Year).then(|| " ".to_string());
            }
        }
    }
    locale
}

/// BibTeX or BibLaTeX, written by the biblatex crate.
fn tex(references: &[Reference], biblatex: bool) -> Result<String, Failure> {
    use biblatex::{Chunk, Entry as TexEntry, EntryType, Spanned};
    let chunk = |text: &str| vec![Spanned::detached(Chunk::Normal(text.to_string()))];
    // Braces keep an organisation's name whole: BibTeX would read its last word as a surname.
    let verbatim = |text: &str| vec![Spanned::detached(Chunk::Verbatim(text.to_string()))];
    let mut out = String::new();
    for r in references {
        let r = &tex_safe(r, biblatex)?;
        let kind = match (r.csl_type, biblatex) {
            ("report", true) => EntryType::Report,
            ("report", false) => EntryType::TechReport,
            ("article", _) => EntryType::Article,
            (_, true) => EntryType::Online,
            (_, false) => EntryType::Misc,
        };
        let mut entry = TexEntry::new(r.key.clone(), kind);
        entry.set("title", chunk(&r.title));
        if let Some(author) = &r.author {
            entry.set("author", verbatim(author));
        }
        if let Some(publisher) = &r.publisher {
            let field = if biblatex { "publisher" } else { "institution" };
            entry.set(field, chunk(publisher));
        }
        if let Some(container) = &r.container {
            entry.set(
                if biblatex { "maintitle" } else { "series" },
                chunk(container),
            );
        }
        if let Some(d) = r.date.map(|s| s.first) {
            if biblatex {
                let date = [
                    format!("{:04}", d.year),
                    format!("{:02}", d.month),
                    format!("{:02}", d.day),
                ];
                entry.set("date", chunk(&date[..r.date_parts].join("-")));
            } else {
                entry.set("year", chunk(&d.year.to_string()));
            }
        }
        entry.set("url", chunk(&r.url));
        let locator = r
            .locator
            .as_ref()
            .map(|l| format!("{l}; "))
            .unwrap_or_default();
        if biblatex {
            entry.set("urldate", chunk(&r.accessed));
            if let Some(locator) = &r.locator {
                entry.set("note", chunk(locator));
            }
        } else {
            entry.set("note", chunk(&format!("{locator}Accessed {}", r.accessed)));
        }
        let text = if biblatex {
            entry.to_biblatex_string()
        } else {
            entry.to_bibtex_string().map_err(|err| Failure::Internal {
                what: "the BibTeX writer",
                why: format!("{err:?}"),
            })?
        };
        let _ = writeln!(out, "{text}\n");
    }
    Ok(out)
}

/// RIS, as its specification writes it: `TAG  - value` lines, `ER  - ` closing each record.
fn ris(references: &[Reference]) -> String {
    let mut out = String::new();
    for r in references {
        let kind = match r.csl_type {
            "report" => "RPRT",
            "article" => "GEN",
            _ => "ELEC",
        };
        let _ = writeln!(out, "TY  - {kind}");
        let _ = writeln!(out, "TI  - {}", escape::ris(&r.title));
        if let Some(author) = &r.author {
            // An organisation, written whole, with no comma to split it at.
            let _ = writeln!(out, "AU  - {}", escape::ris(author));
        }
        if let Some(publisher) = &r.publisher {
            let _ = writeln!(out, "PB  - {}", escape::ris(publisher));
        }
        if let Some(container) = &r.container {
            let _ = writeln!(out, "T2  - {}", escape::ris(container));
        }
        if let Some(locator) = &r.locator {
            let _ = writeln!(out, "N1  - {}", escape::ris(locator));
        }
        if let Some(d) = r.date.map(|s| s.first) {
            let _ = writeln!(out, "PY  - {}", d.year);
            if r.date_parts > 1 {
                let day = if r.date_parts > 2 {
                    format!("{:02}", d.day)
                } else {
                    String::new()
                };
                let _ = writeln!(out, "DA  - {:04}/{:02}/{day}", d.year, d.month);
            }
        }
        let _ = writeln!(out, "UR  - {}", escape::ris(&r.url));
        let _ = writeln!(out, "Y2  - {}", escape::ris(&r.accessed.replace('-', "/")));
        let _ = writeln!(out, "ER  - ");
    }
    out
}

/// Why the words at the start of `words` name no entry: what a kind says of the first two
/// (`issue 9`, `action 7z`) where the first names a kind, else what is said of the first.
fn not_an_entry(data: &Dataset, words: &[&str]) -> Failure {
    let two = words[..2.min(words.len())].join(" ");
    match lookup::any(data, &two) {
        Err(failure @ (Failure::BadNumber { .. } | Failure::UnknownId { kind: Some(_), .. })) => {
            failure
        }
        _ => match lookup::any(data, words[0]) {
            Err(failure) => failure,
            Ok(_) => Failure::Internal {
                what: "naming entries to cite",
                why: format!("`{}` names an entry but was not taken", words[0]),
            },
        },
    }
}

/// The citation of one entry in a style, from a table of them (data/citations.tsv): a line
/// `STYLE<TAB>KEY<TAB>TEXT` each, the text as a JSON string, after a first line naming the
/// checksum of what they were made from.
pub(crate) fn cached(table: &str, style: CiteStyle, key: &str) -> Option<String> {
    // Every line but the first starts after a newline: one search for the whole prefix.
    let prefix = format!("\n{}\t{key}\t", style_name(style));
    let start = table.find(&prefix)? + prefix.len();
    let line = table[start..].lines().next()?;
    serde_json::from_str(line).ok()
}

/// The style's name on the command line.
fn style_name(style: CiteStyle) -> String {
    use clap::ValueEnum;
    style
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// References to the entries asked for, in `format` (as `cli::FORMATS` declares for `cite`):
/// text in a citation style, CSL-JSON (`json` or `csl-json`), BibTeX, BibLaTeX or RIS. One entry
/// in a style is taken from `cached_citations`, the bundled data's citations rendered ahead of
/// time (by style, deflated), where it is there: the CSL processor's reading of a style is most
/// of its work.
pub(crate) fn cite(
    data: &Dataset,
    cached_citations: &[(&str, &[u8])],
    asked: &[String],
    style: Option<CiteStyle>,
    format: Format,
) -> Result<View, Failure> {
    // A style shapes text only: asked of another form, it would be ignored without a word.
    if style.is_some() && format != Format::Text {
        return Err(Failure::StyleWithFormat { format });
    }
    let style = style.unwrap_or(CiteStyle::Apa);
    // Entries are named one after another, each in up to three words (`guiding principle g`):
    // the longest run of words that names an entry is taken.
    let words: Vec<&str> = asked.iter().map(String::as_str).collect();
    let mut references = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let longest = (1..=3.min(words.len() - at)).rev().find_map(|n| {
            lookup::any(data, &words[at..at + n].join(" "))
                .ok()
                .map(|e| (n, e))
        });
        let Some((n, entry)) = longest else {
            return Err(not_an_entry(data, &words[at..]));
        };
        // The same entry named twice (`cedaw CEDAW`) is cited once: one key, one reference.
        let reference = reference(data, entry);
        if !references
            .iter()
            .any(|r: &Reference| r.key == reference.key)
        {
            references.push(reference);
        }
        at += n;
    }
    let text = match format {
        Format::Bibtex => tex(&references, false)?,
        Format::Biblatex => tex(&references, true)?,
        Format::Ris => ris(&references),
        Format::CslJson | Format::Json => {
            let items: Vec<Value> = references.iter().map(csl_json).collect();
            // Values of our own making serialise without fail.
            escape::json(serde_json::to_string_pretty(&items).unwrap_or_default()) + "\n"
        }
        _ => {
            // Only the style asked for is inflated.
            let name = style_name(style);
            let prerendered = match references.as_slice() {
                [one] => cached_citations
                    .iter()
                    .find(|(style, _)| *style == name)
                    .and_then(|(_, deflated)| inflate(deflated))
                    .and_then(|table| String::from_utf8(table).ok())
                    .and_then(|table| cached(&table, style, &one.key)),
                _ => None,
            };
            match prerendered {
                Some(text) => text,
                None => styled(&references, style)?,
            }
        }
    };
    Ok(View::Text(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    /// The checksum of what the citations are made from, as build.rs worked it out.
    const INPUTS: &str = include_str!(concat!(env!("OUT_DIR"), "/citation-inputs.txt"));

    /// Every bundled entry's citation in every style, rendered now, as data/citations.tsv holds
    /// them.
    fn table() -> String {
        let data = Dataset::load(ewg_core::BUNDLED).expect("the bundled dataset loads");
        let mut table = format!("# inputs {INPUTS}\n");
        for &style in CiteStyle::value_variants() {
            for entry in data.entries() {
                let reference = reference(&data, entry);
                let text = styled(std::slice::from_ref(&reference), style).expect("renders");
                let json = serde_json::to_string(&text).expect("a string serialises");
                let _ = writeln!(table, "{}\t{}\t{json}", style_name(style), reference.key);
            }
        }
        table
    }

    #[test]
    fn the_cached_citations_are_those_rendered_now() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/citations.tsv");
        let table = table();
        if std::env::var_os("EWG_BLESS").is_some() {
            std::fs::write(path, &table).expect("write data/citations.tsv");
            return;
        }
        let held = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            held == table,
            "data/citations.tsv is not what ewg renders now for this data and code: \
             remake it with `EWG_BLESS=1 cargo test --bin ewg cached_citations`"
        );
    }

    #[test]
    fn a_cached_citation_is_found_by_style_and_key() {
        let table = "# inputs 0\napa\tewg-issue-4\t\"A \\\"quoted\\\" title.\\n\"\n";
        assert_eq!(
            cached(table, CiteStyle::Apa, "ewg-issue-4").as_deref(),
            Some("A \"quoted\" title.\n")
        );
        assert_eq!(cached(table, CiteStyle::Mla, "ewg-issue-4"), None);
        assert_eq!(cached(table, CiteStyle::Apa, "ewg-issue-40"), None);
    }
}
