//! A shared dataset file can never inject into a terminal, a page, a citation or a sheet: a
//! dataset whose texts carry a payload of each class is run through every command in every
//! format, and each output is checked for what its form guarantees (src/escape.rs).

mod common;

use std::path::PathBuf;

use common::ewg;

/// Each class of payload, as a TOML basic string's contents: terminal controls (OSC 52
/// clipboard, screen clear, C1 CSI, bidi override), HTML, Markdown links and pipes, a CSV
/// formula, RIS record breaks.
const PAYLOADS: &[(&str, &str)] = &[
    (
        "terminal",
        r"x\u001B]52;c;ZXZpbA==\u0007\u001B[2J\u009B31m\u202Eevil",
    ),
    (
        "html",
        r#"<script>alert(1)</script><img src=x onerror=alert(1)>"#,
    ),
    ("markdown", r"[click](javascript:alert(1)) | a | `b` <b>"),
    ("csv", r#"=hyperlink(\"https://evil.example\")"#),
    (
        "ris",
        r"Title\r\nER  - \r\nTY  - GEN\nUR  - https://evil.example",
    ),
];

/// The bundled data with `payload` in the texts that reach every output: CEDAW's name and
/// description, the 2018 statement's title and publisher, an event, a guide chapter's issue.
/// The acronyms a payload brings get glossary entries, so that the file passes `data check`.
fn hostile_dataset(payload: &str) -> PathBuf {
    let (_, exported, _) = ewg(&["data", "export"]);
    let name = "Committee on the Elimination of Discrimination against Women";
    let title = "Reflections on the Global Compact for Migration";
    let data = exported
        .replacen(
            &format!("name = \"{name}\""),
            &format!("name = \"{payload} {name}\""),
            1,
        )
        .replacen(
            "description = \"UN treaty body",
            &format!("description = \"{payload} UN treaty body"),
            1,
        )
        .replacen(
            &format!("title = \"{title}\""),
            &format!("title = \"{payload} {title}\""),
            1,
        )
        .replacen(
            "event = \"UN Women hosts",
            &format!("event = \"{payload} UN Women hosts"),
            1,
        )
        .replacen("issues = [\"", &format!("issues = [\"{payload} "), 1);
    let glossary: String = ["TY", "ER", "GEN", "UR"]
        .iter()
        .map(|a| {
            format!(
                "\n[[glossary]]\nacronym = \"{a}\"\nnote = \"A tag of a reference file.\"\nsource = \"https://example.org/ris\"\n"
            )
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("ewg-safety-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{}.toml", payload.len()));
    std::fs::write(&path, data + &glossary).expect("write");
    path
}

/// What a terminal would act on: control characters but line breaks and tabs, bidi overrides.
fn raw_controls(text: &str) -> Vec<String> {
    text.chars()
        .filter(|&c| (c.is_control() && c != '\n' && c != '\t') || ewg_core::is_bidi_control(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect()
}

/// Every tag of an HTML page, as (name, attributes): a page is safe when each is one a brief
/// writes and each link is a plain http(s) URL.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').unwrap_or(after.len());
        let tag = after[..end].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        tags.push((name.to_lowercase(), tag[name.len()..].to_string()));
        rest = &after[end.min(after.len())..];
    }
    tags
}

const BRIEF_TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul",
    "ol", "li", "strong", "em", "a", "table", "thead", "tbody", "tr", "th", "td", "code", "hr",
    "br",
];

#[test]
fn every_payload_in_every_form_is_written_safely() {
    for (class, payload) in PAYLOADS {
        let file = hostile_dataset(payload);
        let file = file.to_str().expect("utf-8 path");
        let (code, _, err) = ewg(&["data", "check", file]);
        assert_eq!(
            code, 0,
            "{class}: the hostile file passes data check: {err}"
        );
        let run = |args: &[&str]| {
            let mut all = vec!["--data", file];
            all.extend_from_slice(args);
            let (code, out, err) = ewg(&all);
            assert!(code == 0, "{class}: ewg {args:?} exits {code}: {err}");
            assert!(
                raw_controls(&out).is_empty(),
                "{class}: {args:?}: {:?}",
                raw_controls(&out)
            );
            assert!(raw_controls(&err).is_empty(), "{class}: {args:?} stderr");
            out
        };
        for format in ["plain", "json", "markdown", "csv"] {
            for args in [
                &["members", "--format", format][..],
                &["members", "show", "cedaw", "--format", format],
                &[
                    "publications",
                    "show",
                    "reflections-2018",
                    "--format",
                    format,
                ],
                &["timeline", "--format", format],
                &["guide", "show", "1", "--format", format],
                &["search", "treaty", "body", "--format", format],
            ] {
                let out = run(args);
                match format {
                    "json" => {
                        serde_json::from_str::<serde_json::Value>(&out).expect("JSON parses");
                    }
                    "markdown" => {
                        let html = markdown_to_html(&out);
                        for (name, attributes) in tags(&html) {
                            assert!(
                                BRIEF_TAGS.contains(&name.as_str()),
                                "{class}: {args:?}: tag <{name}> from Markdown"
                            );
                            assert!(!attributes.contains("javascript:"), "{class}: {args:?}");
                        }
                    }
                    "csv" => {
                        let mut reader = csv::Reader::from_reader(out.as_bytes());
                        for record in reader.records() {
                            for cell in &record.expect("a CSV record") {
                                assert!(
                                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                                    "{class}: {args:?}: formula cell {cell:?}"
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // The brief, as one page: only the tags a brief writes, links only to http(s).
        let page = run(&["brief", "--format", "html"]);
        for (name, attributes) in tags(&page) {
            assert!(
                BRIEF_TAGS.contains(&name.as_str()),
                "{class}: brief has <{name}>"
            );
            if let Some(at) = attributes.find("href=\"") {
                let url = &attributes[at + 6..];
                assert!(
                    url.starts_with("http://") || url.starts_with("https://"),
                    "{class}: {url}"
                );
            }
            assert!(
                !attributes.to_lowercase().contains("onerror"),
                "{class}: <{name}{attributes}>"
            );
        }
        run(&["brief", "--format", "markdown"]);
        // Citations: one RIS record per entry, each line a tag; text styles on one line each.
        let entries = ["cedaw", "reflections-2018", "issue", "4"];
        let mut args = vec!["cite"];
        args.extend(entries);
        let ris = run(&[&args[..], &["--format", "ris"]].concat());
        let starting = |tag: &str| ris.lines().filter(|l| l.starts_with(tag)).count();
        assert_eq!(starting("TY  - "), 3, "{class}: {ris}");
        assert_eq!(starting("ER  - "), 3, "{class}: {ris}");
        for line in ris.lines() {
            assert!(
                line.len() >= 6 && &line[2..6] == "  - ",
                "{class}: RIS line {line:?}"
            );
        }
        for style in ["apa", "chicago", "mla", "harvard"] {
            let text = run(&[&args[..], &["--style", style]].concat());
            assert_eq!(text.lines().count(), 3, "{class} {style}: {text}");
        }
        let csl = run(&[&args[..], &["--format", "csl-json"]].concat());
        serde_json::from_str::<serde_json::Value>(&csl).expect("CSL-JSON parses");
        for format in ["bibtex", "biblatex"] {
            let tex = run(&[&args[..], &["--format", format]].concat());
            let bibliography = biblatex::Bibliography::parse(&tex).expect("parses back");
            assert_eq!(bibliography.len(), 3, "{class} {format}: {tex}");
            for entry in bibliography.iter() {
                assert!(
                    entry.url().is_ok_and(|url| !url.contains("evil")),
                    "{class} {format}: a field broke out"
                );
            }
        }
        run(&["open", "cedaw", "--print", "--all"]);
        // The dataset written back, as TOML and JSON, reads back as the same data.
        for format in ["toml", "json"] {
            let export = run(&["data", "export", "--format", format]);
            let dir =
                std::env::temp_dir().join(format!("ewg-safety-export-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let again = dir.join(format!("again.{format}"));
            std::fs::write(&again, &export).expect("write");
            if format == "toml" {
                let (code, _, err) = ewg(&["data", "check", again.to_str().expect("utf-8")]);
                assert_eq!(code, 0, "{class}: the export reads back: {err}");
            }
        }
    }
}

/// The Markdown as a renderer makes it HTML (raw HTML passes, as on most sites).
fn markdown_to_html(markdown: &str) -> String {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn a_brace_that_would_break_a_bibtex_field_is_refused_with_its_field() {
    let file = hostile_dataset(r"Reflections}, url = {https://evil.example/}, note = {");
    let file = file.to_str().expect("utf-8 path");
    let (code, out, err) = ewg(&[
        "--data",
        file,
        "cite",
        "reflections-2018",
        "--format",
        "bibtex",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("title as BibTeX"), "{err}");
    assert!(out.is_empty(), "no partial result: {out}");
    // Every text style still renders it, as written.
    let (code, out, err) = ewg(&["--data", file, "cite", "reflections-2018"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Reflections}, url = {https://evil.example/}"),
        "{out}"
    );
}

#[test]
fn urls_and_dates_that_could_mislead_are_refused_at_load() {
    let (_, exported, _) = ewg(&["data", "export"]);
    let website = "website = \"https://www.ohchr.org/en/treaty-bodies/cedaw\"";
    let dir = std::env::temp_dir().join(format!("ewg-safety-urls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (bad, says) in [
        (
            website.replace("https://www.ohchr", "javascript:alert(1)//www.ohchr"),
            "website",
        ),
        (
            website.replace("/cedaw\"", "/a><script>x</script>\""),
            "website",
        ),
        (website.replace("/cedaw\"", "/a b\""), "website"),
        (
            website.replace("/cedaw\"", "/\\r\\nhttps://safe.example\""),
            "website",
        ),
        (
            format!("updated = \"2026-13-45\"\n{website}"),
            "meta.updated",
        ),
    ] {
        let data = if bad.starts_with("updated") {
            exported.replacen(
                &format!("updated = \"{}\"", common::updated()),
                "updated = \"2026-13-45\"",
                1,
            )
        } else {
            exported.replacen(website, &bad, 1)
        };
        let path = dir.join("bad.toml");
        std::fs::write(&path, data).expect("write");
        let (code, _, err) = ewg(&["data", "check", path.to_str().expect("utf-8")]);
        assert_eq!(code, 1, "{bad}: {err}");
        assert!(err.contains(says), "{bad}: {err}");
        assert!(raw_controls(&err).is_empty(), "{bad}: {err:?}");
    }
}
