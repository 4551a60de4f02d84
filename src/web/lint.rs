//! The lint module's export (`--features lint`), for the playground: configuration files' text
//! checked in the browser, by the same code as `lifetime-guard lint`, and the lifetime map.

use crate::lint::map::{csv, lifetime_map, LifetimeMap};
use crate::lint::{output, run, Keywords, Options, Report};
use wasm_bindgen::prelude::*;

/// Lints each of `texts` as the file of the same index in `names` (a name picks the format:
/// `tenant.yaml`, `main.tf`, `plan.json`, …), with optional keyword mappings as JSON. Returns, as
/// text, `{"report": <lifetime-guard lint --format json>, "map": <the lifetime map>, "csv": "…"}`.
#[wasm_bindgen]
pub fn lint(
    names: Vec<String>,
    texts: Vec<String>,
    keywords: Option<String>,
) -> Result<String, JsError> {
    let keywords = match keywords.as_deref().filter(|k| !k.trim().is_empty()) {
        Some(k) => Some(Keywords::from_json(k).map_err(|e| JsError::new(&e))?),
        None => None,
    };
    let report = Report {
        files: names
            .iter()
            .zip(&texts)
            .map(|(name, text)| {
                run::lint_text(
                    std::path::Path::new(name),
                    text,
                    keywords.as_ref(),
                    &Options::default(),
                )
            })
            .collect(),
    };
    let map = lifetime_map(&report);
    let answer = Answer {
        report: &serde_json::value::RawValue::from_string(output::json(&report))?,
        csv: csv(&map),
        map: &map,
    };
    Ok(serde_json::to_string(&answer)?)
}

#[derive(serde::Serialize)]
struct Answer<'a> {
    report: &'a serde_json::value::RawValue,
    map: &'a LifetimeMap,
    csv: String,
}
