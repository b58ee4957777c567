//! The core's modules import in one direction only, and none words a message for the command
//! line: read from the source files themselves, so that a new import or message is checked too.

use std::collections::BTreeMap;
use std::path::Path;

/// The core's modules from the bottom up: each may import only those before it.
const LAYERS: &[&str] = &[
    "model", "dates", "registry", "rules", "pieces", "dataset", "check", "search",
];

/// A module's source without its tests (everything from the first `#[cfg(test)]` on) and
/// without comments.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file reads");
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each top-level module of the core, with its code (a folder's files joined).
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src lists") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if name == "lib" {
            continue;
        }
        let code = if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(&path)
                .expect("a module folder lists")
                .map(|e| e.expect("an entry").path())
                .collect();
            files.sort();
            files
                .iter()
                .map(|f| code_of(f))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            code_of(&path)
        };
        modules.insert(name, code);
    }
    modules
}

/// The modules of the core a module's code names (`crate::model::...`, `use crate::{model, ...}`).
fn imports(code: &str, modules: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            top_level_names(group)
        } else {
            vec![
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or_default(),
            ]
        };
        for name in names {
            if modules.contains(&name) && !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
    }
    found
}

/// The first name of each path in a `{...}` group (`model::{A, B}, search` gives `model` and
/// `search`), the group's own nested braces skipped.
fn top_level_names(group: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    names
        .into_iter()
        .map(|path| path.trim().split("::").next().unwrap_or_default())
        .collect()
}

#[test]
fn every_module_has_its_place_in_the_layers() {
    let modules = modules();
    let names: Vec<&str> = modules.keys().map(String::as_str).collect();
    for name in &names {
        assert!(
            LAYERS.contains(name),
            "module `{name}` is not in LAYERS: give it its layer"
        );
    }
}

#[test]
fn no_module_imports_one_above_it() {
    let modules = modules();
    for (name, code) in &modules {
        let place = LAYERS.iter().position(|l| l == name).expect("in LAYERS");
        for imported in imports(code, LAYERS) {
            if &imported == name {
                continue;
            }
            let theirs = LAYERS
                .iter()
                .position(|l| *l == imported)
                .expect("in LAYERS");
            assert!(
                theirs < place,
                "`{name}` imports `{imported}`, which stands above it in the layers {LAYERS:?}"
            );
        }
    }
}

/// The methods a module adds to `Dataset` (in its `impl Dataset` blocks): calling one is using
/// the module, though no `use` line says so.
fn dataset_methods(code: &str) -> Vec<String> {
    let mut methods = Vec::new();
    for block in code.split("\nimpl Dataset {").skip(1) {
        let body = block.split("\n}\n").next().unwrap_or_default();
        for (at, _) in body.match_indices("pub fn ") {
            let name = body[at + "pub fn ".len()..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default();
            methods.push(name.to_string());
        }
    }
    methods
}

#[test]
fn no_module_calls_a_dataset_method_of_a_module_above_it() {
    let modules = modules();
    for (name, code) in &modules {
        let place = LAYERS.iter().position(|l| l == name).expect("in LAYERS");
        for higher in &LAYERS[place + 1..] {
            let Some(their_code) = modules.get(*higher) else {
                continue;
            };
            for method in dataset_methods(their_code) {
                assert!(
                    !code.contains(&format!(".{method}(")),
                    "`{name}` calls `Dataset::{method}`, which `{higher}` (above it) defines"
                );
            }
        }
    }
}

#[test]
fn the_checker_sees_a_dataset_method() {
    let code = "use x;\nimpl Dataset {\n    pub fn related(&self) {}\n}\n";
    assert_eq!(dataset_methods(code), ["related"]);
}

#[test]
fn the_checker_sees_an_import_above() {
    let code = "use crate::{model::{A, B}, search::Index};\nfn f() { crate::check::x(); }";
    assert_eq!(imports(code, LAYERS), ["model", "search", "check"]);
}

#[test]
fn no_message_of_the_core_names_a_command() {
    for (name, code) in modules() {
        for line in code.lines() {
            assert!(
                !line.contains("`ewg ") && !line.contains("\"ewg "),
                "`{name}` words a command-line message; return a typed value and let the binary word it:\n{line}"
            );
        }
    }
}
