//! The lint module's export (`--features lint`), for the playground: a configuration file's
//! text checked in the browser, by the same code as `lifetime-guard lint`.

use crate::lint::{output, run, Keywords, Options, Report};
use wasm_bindgen::prelude::*;

/// Lints `text` as the file `name` (its name picks the format: `tenant.yaml`, `main.tf`,
/// `plan.json`, …), with optional keyword mappings as JSON. Returns `lifetime-guard lint
/// --format json`'s object, as text.
#[wasm_bindgen]
pub fn lint(name: &str, text: &str, keywords: Option<String>) -> Result<String, JsError> {
    let keywords = match keywords.as_deref().filter(|k| !k.trim().is_empty()) {
        Some(k) => Some(Keywords::from_json(k).map_err(|e| JsError::new(&e))?),
        None => None,
    };
    let file = run::lint_text(
        std::path::Path::new(name),
        text,
        keywords.as_ref(),
        &Options::default(),
    );
    Ok(output::json(&Report { files: vec![file] }))
}
