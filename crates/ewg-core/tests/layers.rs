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
            let group = &group[..group.find('}').unwrap_or(group.len())];
            group
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or_default())
                .collect()
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

#[test]
fn the_checker_sees_an_import_above() {
    let code = "use crate::{model, search::Index};\nfn f() { crate::check::x(); }";
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
