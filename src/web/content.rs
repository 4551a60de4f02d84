//! The content module's exports: the guard on a Dashboard page, driven by the content script.

use super::app::{self, Config};
use super::{settings, status as page_status};
use wasm_bindgen::prelude::*;

fn config_from(value: JsValue) -> Result<Config, JsError> {
    settings::config(&value)
        .map_err(|e| JsError::new(&crate::text::concat(&["invalid settings: ", &e])))
}

/// Starts guarding the current page with `settings` (see [`Config`]).
#[wasm_bindgen]
pub fn start(settings: JsValue) -> Result<(), JsError> {
    let config = config_from(settings)?;
    app::start(config)
        .map_err(|e| JsError::new(&e.as_string().unwrap_or_else(|| "could not start".into())))
}

/// Stops guarding and removes everything Lifetime Guard added to the page.
#[wasm_bindgen]
pub fn stop() {
    app::stop();
}

/// Applies new settings to the running guard without a reload.
#[wasm_bindgen]
pub fn configure(settings: JsValue) -> Result<(), JsError> {
    app::configure(config_from(settings)?);
    Ok(())
}

/// The fields found on this page with their verdicts, for the popup.
#[wasm_bindgen]
pub fn status() -> Result<JsValue, JsError> {
    page_status::status()
        .map_err(|e| JsError::new(&e.as_string().unwrap_or_else(|| "status unavailable".into())))
}

/// What the page report needs from this page, for the popup: each input's type, label as found
/// and whether it is guarded, the Save controls, the address; never a value. The popup's tools
/// module builds the report from it (`page_report`), keeping nothing of the tenant.
#[wasm_bindgen]
pub fn snapshot() -> Result<JsValue, JsError> {
    page_status::snapshot().map_err(|e| {
        JsError::new(
            &e.as_string()
                .unwrap_or_else(|| "snapshot unavailable".into()),
        )
    })
}
