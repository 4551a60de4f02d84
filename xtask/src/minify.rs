//! The content module's names, shortened: wasm-bindgen names every import after its JavaScript
//! function plus a hash (`__wbg_getAttribute_c7b80d4010284561`), every closure entry point after
//! its whole type, and the import module after the glue's file. wasm-opt renames imports, exports
//! and the import module to one or two characters and prints the renaming; the glue is rewritten
//! with it, so that the module and its glue shrink together (nothing moves from one to the other).

use crate::util::{capture, npm_bin, Cmd};
use crate::wasm::WASM_OPT_FEATURES;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// wasm-opt's pass that renames imports, exports and the import module (and prints the renaming).
pub const MINIFY_NAMES: &str = "--minify-imports-and-exports-and-modules";

/// True for a character that can continue a JavaScript identifier (ASCII: the glue is ASCII).
fn continues_identifier(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

/// The glue with every export it reads (`wasm.NAME`, a whole identifier) renamed as `renaming`
/// says, in one pass; an error for a read the renaming does not know (the minified module would
/// not have it).
fn rename_reads(glue: &str, renaming: &HashMap<&str, &str>) -> Result<String, String> {
    let bytes = glue.as_bytes();
    let mut out = String::with_capacity(glue.len());
    let mut last = 0;
    for (at, prefix) in glue.match_indices("wasm.") {
        if at > 0 && continues_identifier(bytes[at - 1]) {
            continue;
        }
        let start = at + prefix.len();
        let end = start
            + glue[start..]
                .bytes()
                .take_while(|&c| continues_identifier(c))
                .count();
        let name = &glue[start..end];
        let Some(new) = renaming.get(name) else {
            return Err(format!(
                "the glue reads wasm.{name}, which the minified module does not export"
            ));
        };
        out.push_str(&glue[last..start]);
        out.push_str(new);
        last = end;
    }
    out.push_str(&glue[last..]);
    Ok(out)
}

/// Minifies the names of the module at `wasm` (in place) and rewrites its wasm-bindgen glue at
/// `glue` (in place) to match. Fails, rather than ship a module and a glue that disagree, when the
/// glue does not have the shape this expects.
pub fn minify_names(wasm: &Path, glue: &Path) -> Result<(), String> {
    let map = capture(
        Cmd::new(npm_bin("wasm-opt"))
            .args(WASM_OPT_FEATURES.iter().copied())
            .arg(MINIFY_NAMES)
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
    let mut renaming = HashMap::new();
    for row in &exports {
        let [old, new] = row.as_slice() else {
            return Err(format!(
                "wasm-opt's renaming: unexpected export row {row:?}"
            ));
        };
        if old == "__wbindgen_start" {
            return Err("the loaders call __wbindgen_start by name: keep it, or teach them".into());
        }
        renaming.insert(old.as_str(), new.as_str());
    }
    let js = rename_reads(&js, &renaming)?;
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
        let renaming = HashMap::from([("start", "b"), ("status", "c"), ("start_x", "d")]);
        let js = "wasm.start(); wasm.status(); wasm.start_x; mywasm.start";
        assert_eq!(
            rename_reads(js, &renaming).as_deref(),
            Ok("wasm.b(); wasm.c(); wasm.d; mywasm.start")
        );
        assert!(rename_reads("wasm.memory", &renaming).is_err_and(|e| e.contains("wasm.memory")));
    }
}
