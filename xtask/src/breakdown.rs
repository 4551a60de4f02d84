//! Where the content module's bytes go, for `cargo xtask bench`: the same module as shipped but
//! with its function names kept (wasm-opt `-g`), its code grouped by crate and module, and its
//! data and glue sections — what twiggy's `top` shows, summed where a decision is made.

use crate::util::{capture, npm_bin, root, Cmd};
use crate::wasm::{WASM_OPT_FEATURES, WASM_OPT_SIZE};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// A function's group: `lifetime_guard::web::app`, `lifetime_guard::parse`, `core`, `alloc`, …
fn group(name: &str) -> String {
    let name = name.trim_start_matches(['<', '&', '*', ' ']);
    let name = name.strip_prefix("impl ").unwrap_or(name);
    let mut parts = name
        .split("::")
        .map(|p| p.split(['[', '<', ' ', '>']).next().unwrap_or(""));
    let krate = parts.next().unwrap_or("");
    match krate {
        "lifetime_guard" => {
            let module = parts.next().unwrap_or("");
            if module == "web" {
                format!("lifetime_guard::web::{}", parts.next().unwrap_or(""))
            } else {
                format!("lifetime_guard::{module}")
            }
        }
        "" => "(unnamed)".into(),
        // Methods of primitive types (`<str>::trim_end_matches`, `<u64 as Display>::fmt`).
        "str" | "char" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i64" | "f64"
        | "bool" => "core".into(),
        // wasm-bindgen's export shims, named by the export, with the export's body inlined.
        _ if !name.contains("::") => "(exported functions, bodies inlined)".into(),
        k if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => k.into(),
        _ => "(other)".into(),
    }
}

/// Function names by index from `module`'s `name` section (empty when it has none).
fn module_function_names(module: &[u8]) -> Result<BTreeMap<usize, String>, String> {
    let mut names = BTreeMap::new();
    for payload in Parser::new(0).parse_all(module) {
        let Payload::CustomSection(custom) = payload.map_err(|e| e.to_string())? else {
            continue;
        };
        let KnownCustom::Name(reader) = custom.as_known() else {
            continue;
        };
        for name in reader {
            if let Name::Function(map) = name.map_err(|e| e.to_string())? {
                for naming in map {
                    let naming = naming.map_err(|e| e.to_string())?;
                    names.insert(naming.index as usize, naming.name.to_string());
                }
            }
        }
    }
    Ok(names)
}

/// Bytes per group of `module` (a wasm file with a name section): each function body by the
/// group of its name, and the other sections by what they hold.
fn sizes(module: &[u8]) -> Result<BTreeMap<String, u64>, String> {
    let mut out: BTreeMap<String, u64> = BTreeMap::new();
    let names = module_function_names(module)?;
    // Imported functions' indices come first: the first body is function `imported`.
    let mut imported = 0;
    let mut body = 0;
    let mut code_overhead = 0;
    let add = |out: &mut BTreeMap<String, u64>, group: String, bytes: usize| {
        *out.entry(group).or_default() += bytes as u64;
    };
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|e| e.to_string())?;
        match &payload {
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    match import.map_err(|e| e.to_string())?.ty {
                        TypeRef::Func(_) => imported += 1,
                        _ => {
                            return Err("imports other than functions: extend the breakdown".into())
                        }
                    }
                }
                add(
                    &mut out,
                    "(imports: wasm-bindgen glue)".into(),
                    reader.range().len(),
                );
            }
            // Counted body by body; the section's counts and sizes go with the structure.
            Payload::CodeSectionStart { range, .. } => code_overhead += range.len(),
            Payload::CodeSectionEntry(function) => {
                let group = names
                    .get(&(imported + body))
                    .map_or("(unnamed)".to_string(), |n| group(n));
                add(&mut out, group, function.range().len());
                code_overhead -= function.range().len();
                body += 1;
            }
            Payload::DataSection(reader) => add(
                &mut out,
                "(data: strings and tables)".into(),
                reader.range().len(),
            ),
            // Custom sections (names) are not shipped: not counted.
            Payload::CustomSection(_) => {}
            other => {
                if let Some((_, range)) = other.as_section() {
                    add(
                        &mut out,
                        "(types, exports, table, globals)".into(),
                        range.len(),
                    );
                }
            }
        }
    }
    add(
        &mut out,
        "(types, exports, table, globals)".into(),
        code_overhead,
    );
    Ok(out)
}

/// Code the content module was rid of on purpose (issue 12), each of which one innocent-looking
/// call brings back: the name fragment, and what brings it in.
const KEPT_OUT: &[(&str, &str)] = &[
    (
        "::fmt::Formatter",
        "core::fmt (format!, write!, to_string): use text::concat and text::push_u64",
    ),
    (
        "::fmt::write",
        "core::fmt (format!, write!, to_string): use text::concat and text::push_u64",
    ),
    (
        "TwoWaySearcher",
        "std's substring search (contains, replace, split_once with a &str): use text::find",
    ),
    (
        "__udivti3",
        "128-bit division (u128 arithmetic): keep numbers in u64 (parse::number::Exact)",
    ),
    ("<str>::parse::<", "str::parse for integers: use text::int"),
];

/// Fails when the content module links code it was rid of on purpose (see [`KEPT_OUT`]):
/// deterministic, unlike the size budget, which such code can stay under for a while.
pub fn check_kept_out() -> Result<(), String> {
    let module = std::fs::read(named_content_module()?).map_err(|e| e.to_string())?;
    let names = module_function_names(&module)?;
    if names.is_empty() {
        return Err("the content module's names could not be read".into());
    }
    // By what brings the code in: a few names each, and how many there are.
    let mut found: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for n in names.values() {
        if let Some((_, why)) = KEPT_OUT.iter().find(|(fragment, _)| n.contains(fragment)) {
            found.entry(why).or_default().push(n);
        }
    }
    if found.is_empty() {
        println!("the content module links none of the code kept out of it");
        return Ok(());
    }
    let mut report = String::from("the content module links code kept out of it on purpose:");
    for (why, names) in &found {
        report += &format!("\n  {why} ({} functions, such as:)", names.len());
        for n in names.iter().take(3) {
            report += &format!("\n    {n}");
        }
    }
    Err(report)
}

/// The content module as built, optimised again with its function names kept.
fn named_content_module() -> Result<std::path::PathBuf, String> {
    let root = root();
    let named = root.join("target/bench/content-named.wasm");
    std::fs::create_dir_all(root.join("target/bench")).map_err(|e| e.to_string())?;
    // The content module's optimisation and name minification (see wasm.rs and minify.rs), with
    // `-g` to keep the function names (the renaming wasm-opt prints is not needed here).
    capture(
        Cmd::new(npm_bin("wasm-opt"))
            .args(WASM_OPT_FEATURES.iter().copied())
            .args(["-g", "--strip-producers"])
            .args(WASM_OPT_SIZE)
            .arg("--converge")
            .arg(crate::minify::MINIFY_NAMES)
            .arg(root.join("target/lg/work/lifetime_guard_bg.wasm"))
            .arg("-o")
            .arg(&named),
    )?;
    Ok(named)
}

/// The content module's breakdown, largest first, as JSON rows `{group, bytes, share}`.
pub fn content() -> Result<Value, String> {
    let module = std::fs::read(named_content_module()?).map_err(|e| e.to_string())?;
    let groups = sizes(&module)?;
    let total: u64 = groups.values().sum();
    let mut rows: Vec<(String, u64)> = groups.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(Value::Array(
        rows.into_iter()
            .map(|(g, b)| json!({ "group": g, "bytes": b, "share": (b as f64 * 1000.0 / total as f64).round() / 10.0 }))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups() {
        for (name, want) in [
            (
                "lifetime_guard[1a2b]::web::app::App::evaluate",
                "lifetime_guard::web::app",
            ),
            (
                "<lifetime_guard[1a2b]::web::app::Tracked>::place_note",
                "lifetime_guard::web::app",
            ),
            (
                "lifetime_guard::parse::parse_unchecked::h1234",
                "lifetime_guard::parse",
            ),
            ("<core[27cd]::fmt::Formatter>::pad", "core"),
            (
                "<dlmalloc[d28a]::dlmalloc::Dlmalloc<x>>::malloc",
                "dlmalloc",
            ),
            ("<str>::trim_end_matches::<&str>", "core"),
            ("report", "(exported functions, bodies inlined)"),
        ] {
            assert_eq!(super::group(name), want, "{name}");
        }
    }

    #[test]
    fn kept_out_names_what_comes_back() {
        let kept_out = |name: &str| super::KEPT_OUT.iter().any(|(f, _)| name.contains(f));
        for back in [
            "<core[27cd]::fmt::Formatter>::pad_integral",
            "core[27cd]::fmt::write",
            "<core[27cd]::str::pattern::TwoWaySearcher>::next::<MatchOnly>",
            "compiler_builtins[fd0b]::int::udiv::__udivti3",
            "<str>::parse::<i64>",
        ] {
            assert!(kept_out(back), "{back}");
        }
        // What may stay: a char search, a Debug slice wasm-bindgen names, 128-bit products.
        for fine in [
            "<core[27cd]::str::pattern::CharSearcher as Searcher>::next_match",
            "<&[&dyn core[27cd]::fmt::Debug] as IntoIterator>::into_iter",
            "compiler_builtins[fd0b]::int::mul::__multi3",
        ] {
            assert!(!kept_out(fine), "{fine}");
        }
    }
}
