//! Escaping for every output form, in one place. A dataset file may come from anyone
//! (`--data`), so each form's writer passes every text of the data through its function here,
//! and each function's comment says what it guarantees.

use std::borrow::Cow;
use std::fmt::Write as _;

use ewg_core::is_bidi_control;

/// Terminal and plain text: no control character (C0, C1, DEL) and no bidirectional override
/// reaches the output as itself. Tabs and line breaks become spaces, so a record stays on one
/// line; any other is shown as `\u{..}`.
pub(crate) fn terminal(text: &str) -> Cow<'_, str> {
    if !needs_terminal_escape(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let unsafe_char = |c: char| c.is_control() || is_bidi_control(c);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether UTF-8 `bytes` hold a character [`terminal`] shows as an escape: C0 controls and DEL;
/// C1 controls, U+0080 to U+009F, which are C2 80 to C2 9F; and the bidi controls, U+061C (D8
/// 9C), U+200E and U+200F (E2 80 8E, 8F), U+202A to U+202E (E2 80 AA to AE) and U+2066 to
/// U+2069 (E2 81 A6 to A9). Most of most texts is printable ASCII, told by one comparison a
/// byte, sixteen bytes at a time (a loop the compiler turns into vector instructions); only
/// the other bytes are looked at one by one, and no character is decoded.
fn needs_terminal_escape(bytes: &[u8]) -> bool {
    let printable_ascii = |b: u8| b.wrapping_sub(0x20) < 0x5f;
    let escaped_at = |at: usize| {
        let next = |n: usize| bytes.get(at + n).copied().unwrap_or(0);
        match bytes[at] {
            0..0x20 | 0x7f => true,
            // In UTF-8 (as a `str` is) a byte after C2 is 80 or more.
            0xc2 => next(1) <= 0x9f,
            0xd8 => next(1) == 0x9c,
            0xe2 => match next(1) {
                0x80 => matches!(next(2), 0x8e | 0x8f | 0xaa..=0xae),
                0x81 => matches!(next(2), 0xa6..=0xa9),
                _ => false,
            },
            _ => false,
        }
    };
    let escaped_in =
        |from: usize, to: usize| (from..to).any(|at| !printable_ascii(bytes[at]) && escaped_at(at));
    const CHUNK: usize = 16;
    let all_printable =
        |chunk: &[u8; CHUNK]| chunk.iter().fold(true, |all, &b| all & printable_ascii(b));
    let (chunks, tail) = bytes.as_chunks::<CHUNK>();
    for (n, chunk) in chunks.iter().enumerate() {
        if !all_printable(chunk) && escaped_in(n * CHUNK, (n + 1) * CHUNK) {
            return true;
        }
    }
    // The last bytes too are told at once, padded with spaces.
    let mut last = [b' '; CHUNK];
    last[..tail.len()].copy_from_slice(tail);
    !all_printable(&last) && escaped_in(bytes.len() - tail.len(), bytes.len())
}

/// A message of several lines for the terminal: each line as [`terminal`] makes it.
pub(crate) fn terminal_lines(text: &str) -> String {
    text.lines().map(terminal).collect::<Vec<_>>().join("\n")
}

/// A URL that may become a link, in any form: as the dataset's rules accept URLs
/// (`ewg_core::is_web_url`: `http` or `https`, with a host, nothing that could end a link or hide
/// what it is), checked again here since a writer must not trust what it is given. `None` for
/// anything else, which is then shown as text.
pub(crate) fn link_url(url: &str) -> Option<&str> {
    ewg_core::is_web_url(url).then_some(url)
}

/// What [`markdown`] escapes wherever it stands.
const MARKDOWN_SPECIAL: &[u8] = b"\\`*_[]<>#|&!~";

/// Text in Markdown: read as written, never as markup. Control characters as [`terminal`]
/// makes them; Markdown's own characters (and `&`, which could start an entity, and `<`,
/// which could start raw HTML) escaped with a backslash, and what would start a list or a
/// heading at the start of a line.
pub(crate) fn markdown(text: &str) -> String {
    // Leading spaces could make an indented code block; they say nothing.
    let text = terminal(text);
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len() + 8);
    // What would start a list or a heading where the text starts a line: `- `, `+ `, `= `,
    // `1. `, `1) `.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // Every character escaped is ASCII, and no byte of a longer character is: the text is
    // walked byte by byte and copied a run at a time.
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let starts_block = (i == 0 && matches!(b, b'-' | b'+' | b'='))
            || (i == digits && digits > 0 && matches!(b, b'.' | b')'));
        if starts_block || MARKDOWN_SPECIAL.contains(&b) {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A URL in Markdown: an autolink where [`link_url`] allows one, else escaped text.
pub(crate) fn markdown_url(url: &str) -> String {
    match link_url(url) {
        Some(url) => format!("<{url}>"),
        None => markdown(url),
    }
}

/// A link in Markdown: `[label](<url>)` where [`link_url`] allows one, else the label alone.
pub(crate) fn markdown_link(label: &str, url: &str) -> String {
    match link_url(url) {
        Some(url) => format!("[{}](<{url}>)", markdown(label)),
        None => markdown(label),
    }
}

/// Text in HTML, in an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` as entities,
/// control characters as [`terminal`] makes them.
pub(crate) fn html(text: &str) -> String {
    let text = terminal(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A cell of CSV: one line, as [`terminal`] makes it, and never a formula. A cell a spreadsheet
/// would read as one (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
/// leading `'`, as OWASP recommends; the csv writer then quotes it as RFC 4180 says.
pub(crate) fn csv_cell(text: &str) -> String {
    let starts_formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = terminal(text);
    if starts_formula {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

/// A value of a RIS record: one line (a line break would start a tag of its own, or a record),
/// as [`terminal`] makes it.
pub(crate) fn ris(text: &str) -> Cow<'_, str> {
    terminal(text)
}

/// JSON, as serde_json writes it (which escapes C0 controls): C1 controls, DEL and
/// bidirectional overrides too as `\uXXXX` escapes, which JSON reads as the same text. They can
/// stand only inside strings, so the JSON stays the same value.
pub(crate) fn json(serialised: String) -> String {
    unicode_escaped(serialised)
}

/// TOML, as the toml crate writes it (which escapes C0 controls and DEL in its basic strings):
/// C1 controls and bidirectional overrides as `\uXXXX` too. Those are TOML escapes only inside
/// basic strings, so the caller must read the result back to be sure it is the same data.
pub(crate) fn toml(serialised: String) -> String {
    unicode_escaped(serialised)
}

/// Serialised text with C1 controls, DEL and bidirectional overrides as `\uXXXX`, the escape
/// JSON and TOML's basic strings share. C0 controls are escaped inside strings already; outside
/// them stands only the format's own whitespace.
fn unicode_escaped(serialised: String) -> String {
    let unsafe_char = |c: char| ('\u{7f}'..='\u{9f}').contains(&c) || is_bidi_control(c);
    if !serialised.chars().any(unsafe_char) {
        return serialised;
    }
    let mut out = String::with_capacity(serialised.len() + 16);
    for c in serialised.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A value of BibTeX or BibLaTeX, which counts braces whatever stands before them: as
/// [`terminal`] makes it, if its braces are balanced; else `None`, since no escape keeps a brace
/// from closing the field (`Reflections}, url = ...` would add a field of its own).
pub(crate) fn bibtex(text: &str) -> Option<Cow<'_, str>> {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.checked_sub(1)?,
            _ => {}
        }
    }
    (depth == 0).then(|| terminal(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_shows_control_characters_and_flattens_lines() {
        assert_eq!(terminal("a\tb\nc"), "a b c");
        assert_eq!(terminal("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(terminal("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(terminal("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(terminal("\u{7f}"), "\\u{7f}");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_shows_every_control_and_bidi_character_and_no_other() {
        // Every character there is, between others: the byte scan that skips most texts must
        // stop at each one it has to show, and at no other.
        // Where the scan reads bytes one by one, and across the end of a block of sixteen.
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            for text in [format!("é{c}…"), format!("{:15}{c}{:20}…", "", "")] {
                let shown = terminal(&text);
                if c.is_control() || is_bidi_control(c) {
                    assert!(!shown.contains(c), "{:x}", u32::from(c));
                } else {
                    assert!(matches!(shown, Cow::Borrowed(_)), "{:x}", u32::from(c));
                }
            }
        }
    }

    #[test]
    fn terminal_finds_each_character_it_shows_wherever_it_stands() {
        let shown: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| c.is_control() || is_bidi_control(c))
            .collect();
        for c in shown {
            for before in 0..40 {
                let text = format!("{}{c}{}", "a".repeat(before), "’".repeat(before % 7));
                assert!(
                    !terminal(&text).contains(c),
                    "{:x} after {before}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn only_plain_http_urls_become_links() {
        for good in ["https://www.ohchr.org/en", "http://x.example/a?b=c&d=e"] {
            assert_eq!(link_url(good), Some(good));
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://x.example/a><script>",
            "https://x.example/a b",
            "https://x.example/\r\nhttps://safe.example",
            "https://",
            "https:///path",
            "HTTPS://x.example",
            "https://x.example/\"onmouseover=\"x",
            "ftp://x.example",
        ] {
            assert_eq!(link_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn markdown_text_is_never_markup() {
        assert_eq!(markdown("<script>"), "\\<script\\>");
        assert_eq!(markdown("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(markdown("&lt;"), "\\&lt;");
        assert_eq!(markdown_link("x", "javascript:alert(1)"), "x");
        assert_eq!(
            markdown_link("x", "https://a.example"),
            "[x](<https://a.example>)"
        );
        assert_eq!(
            markdown_url("https://a.example/a><b"),
            "https://a.example/a\\>\\<b"
        );
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        assert_eq!(
            html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn csv_cells_are_never_formulas() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a-b"), "a-b");
    }

    #[test]
    fn ris_values_stay_on_one_line() {
        assert_eq!(ris("a\nTY  - GEN\r\nER  - "), "a TY  - GEN  ER  - ");
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on() {
        let text = serde_json::to_string(&"a\u{9b}b\u{202e}c\u{1b}").expect("a string");
        let safe = json(text);
        assert_eq!(safe, r#""a\u009bb\u202ec\u001b""#);
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, "a\u{9b}b\u{202e}c\u{1b}");
    }

    #[test]
    fn bibtex_values_need_balanced_braces() {
        assert_eq!(bibtex("{UN} Women").as_deref(), Some("{UN} Women"));
        assert_eq!(bibtex("Reflections}, url = {x"), None);
        assert_eq!(bibtex("a\\}"), None);
        assert_eq!(bibtex("{"), None);
    }
}

#[cfg(test)]
mod properties {
    //! Each form's guarantee holds for any text at all, not only for the payloads tried.

    use super::*;
    use proptest::prelude::*;

    /// Text with every kind of character a hostile file might hold, controls and bidi included.
    fn hostile() -> impl Strategy<Value = String> {
        "[\\PC\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}{}|<>&\\[\\]`'\"=+@-]{0,60}"
    }

    proptest! {
        #[test]
        fn terminal_text_has_no_control_character(text in hostile()) {
            let shown = terminal(&text);
            prop_assert!(!shown.chars().any(|c| c.is_control() || is_bidi_control(c)));
        }

        #[test]
        fn a_csv_cell_is_never_a_formula_or_two_lines(text in hostile()) {
            let cell = csv_cell(&text);
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
            prop_assert!(!cell.contains(['\n', '\r']));
        }

        #[test]
        fn a_ris_value_is_one_line(text in hostile()) {
            prop_assert!(!ris(&text).contains(['\n', '\r']));
        }

        #[test]
        fn a_bibtex_value_is_balanced_or_refused(text in hostile()) {
            if let Some(value) = bibtex(&text) {
                let mut depth = 0i32;
                for c in value.chars() {
                    depth += match c { '{' => 1, '}' => -1, _ => 0 };
                    prop_assert!(depth >= 0);
                }
                prop_assert_eq!(depth, 0);
            }
        }

        #[test]
        fn markdown_text_renders_as_text_alone(text in hostile()) {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&markdown(&text)));
            // The only tags are the paragraph around it.
            let tags = html.matches('<').count();
            prop_assert!(tags <= 2, "{html}");
        }

        #[test]
        fn html_text_has_no_markup(text in hostile()) {
            let escaped = html(&text);
            prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
        }

        #[test]
        fn json_stays_the_same_value(text in hostile()) {
            let serialised = serde_json::to_string(&text).expect("a string serialises");
            let safe = json(serialised);
            prop_assert!(!safe.chars().any(|c| c.is_control() || is_bidi_control(c)));
            let back: String = serde_json::from_str(&safe).expect("still JSON");
            prop_assert_eq!(back, text);
        }
    }
}
