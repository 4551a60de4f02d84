//! The content module's names, shortened: wasm-bindgen names every import after its JavaScript
//! function plus a hash (`__wbg_getAttribute_c7b80d4010284561`), every closure entry point after
//! its whole type, and the import module after the glue's file. wasm-opt renames imports, exports
//! and the import module to one or two characters and prints the renaming; the glue is rewritten
//! with it, so that the module and its glue shrink together (nothing moves from one to the other).

use crate::util::{capture, npm_bin, Cmd};
use crate::wasm::WASM_OPT_LOWERING;
use serde_json::Value;
use std::path::Path;

/// True for a character that can continue a JavaScript identifier (ASCII: the glue is ASCII).
fn continues_identifier(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

/// `text` with every whole-identifier occurrence of `name` after `prefix` replaced by `with`;
/// the number of replacements.
fn replace_identifier(text: &str, prefix: &str, name: &str, with: &str) -> (String, usize) {
    let needle = format!("{prefix}{name}");
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut last = 0;
    for (at, _) in text.match_indices(&needle) {
        let end = at + needle.len();
        let before_ok = at == 0 || !continues_identifier(bytes[at - 1]);
        let after_ok = end == bytes.len() || !continues_identifier(bytes[end]);
        if at >= last && before_ok && after_ok {
            out.push_str(&text[last..at]);
            out.push_str(prefix);
            out.push_str(with);
            last = end;
            count += 1;
        }
    }
    out.push_str(&text[last..]);
    (out, count)
}

/// Every `wasm.NAME` the glue reads.
fn exports_read(glue: &str) -> Vec<String> {
    let mut names: Vec<String> = glue
        .match_indices("wasm.")
        .filter(|(at, _)| *at == 0 || !continues_identifier(glue.as_bytes()[at - 1]))
        .map(|(at, m)| {
            glue[at + m.len()..]
                .bytes()
                .take_while(|&c| continues_identifier(c))
                .map(char::from)
                .collect()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Minifies the names of the module at `wasm` (in place) and rewrites its wasm-bindgen glue at
/// `glue` (in place) to match. Fails, rather than ship a module and a glue that disagree, when the
/// glue does not have the shape this expects.
pub fn minify_names(wasm: &Path, glue: &Path) -> Result<(), String> {
    let map = capture(
        Cmd::new(npm_bin("wasm-opt"))
            .args(WASM_OPT_LOWERING.iter().copied())
            .arg("--minify-imports-and-exports-and-modules")
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
    )?;
    let map: Value = serde_json::from_str(&map).map_err(|e| format!("wasm-opt's renaming: {e}"))?;
    let pairs = |key: &str| -> Result<Vec<Vec<String>>, String> {
        map[key]
            .as_array()
            .ok_or(format!("wasm-opt's renaming has no {key}"))?
            .iter()
            .map(|row| {
                row.as_array()
                    .map(|r| {
                        r.iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    })
                    .ok_or(format!("wasm-opt's renaming: a row of {key} is not a list"))
            })
            .collect()
    };
    let imports = pairs("imports")?;
    let exports = pairs("exports")?;
    let mut js = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let glue_file = glue
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    // The glue's functions keep their names (the bundler shortens them); only the names they
    // are exported under, which the module imports, change.
    let mut export_clause = Vec::new();
    for row in &imports {
        let [module, name, new] = row.as_slice() else {
            return Err(format!(
                "wasm-opt's renaming: unexpected import row {row:?}"
            ));
        };
        if module.trim_start_matches("./") != glue_file {
            return Err(format!(
                "an import from {module}, not from the glue {glue_file}"
            ));
        }
        let definition = format!("export function {name}(");
        if js.matches(&definition).count() != 1 {
            return Err(format!(
                "the glue does not define the import {name} once as an exported function"
            ));
        }
        js = js.replacen(&definition, &format!("function {name}("), 1);
        export_clause.push(format!("{name} as {new}"));
    }
    js.push_str(&format!("\nexport {{ {} }};\n", export_clause.join(", ")));
    let mut renamed = Vec::new();
    for row in &exports {
        let [old, new] = row.as_slice() else {
            return Err(format!(
                "wasm-opt's renaming: unexpected export row {row:?}"
            ));
        };
        if old == "__wbindgen_start" {
            return Err("the loaders call __wbindgen_start by name: keep it, or teach them".into());
        }
        js = replace_identifier(&js, "wasm.", old, new).0;
        renamed.push(new.clone());
    }
    // Every export the glue reads must be one the module now has.
    for name in exports_read(&js) {
        if !renamed.contains(&name) {
            return Err(format!(
                "the glue reads wasm.{name}, which the minified module does not export"
            ));
        }
    }
    std::fs::write(glue, js).map_err(|e| format!("{}: {e}", glue.display()))
}

/// Points the one import of wasm2js's translation of the minified module (its module name is
/// now a letter) at the glue file.
pub fn import_glue_from(translation: &Path, glue: &str) -> Result<(), String> {
    let js = std::fs::read_to_string(translation)
        .map_err(|e| format!("{}: {e}", translation.display()))?;
    let imports: Vec<&str> = js.lines().filter(|l| l.starts_with("import ")).collect();
    let [line] = imports.as_slice() else {
        return Err(format!(
            "wasm2js's translation has {} imports, not one",
            imports.len()
        ));
    };
    let Some((head, _)) = line.rsplit_once(" from ") else {
        return Err(format!("wasm2js's import has an unexpected shape: {line}"));
    };
    let fixed = format!("{head} from '{glue}';");
    std::fs::write(translation, js.replacen(line, &fixed, 1))
        .map_err(|e| format!("{}: {e}", translation.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_identifiers_only() {
        let js = "wasm.start(); wasm.status(); wasm.start_x; mywasm.start";
        let (js, n) = replace_identifier(js, "wasm.", "start", "b");
        assert_eq!(n, 1);
        assert_eq!(js, "wasm.b(); wasm.status(); wasm.start_x; mywasm.start");
        assert_eq!(exports_read(&js), ["b", "start_x", "status"]);
    }
}
