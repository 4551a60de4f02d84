//! The browser layer, compiled only for `wasm32`: it finds fields, listens and renders. Every
//! decision comes from the pure core.
//!
//! Exports for JavaScript: `start`, `stop`, `configure` and `status` for the content script;
//! `convert`, `check` and `fields` for the popup, the options page and the playground.

mod app;
mod detect;
mod dom;
mod note;
mod scope;
mod settings;

use crate::catalog::FIELDS;
use crate::policy::Policy;
use crate::verdict::Context;
use crate::{format, parse, Unit};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Settings the extension passes in, from `storage.sync` and `storage.managed`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The master switch.
    pub enabled: bool,
    /// Write the whole number into the field when the admin leaves it.
    pub convert_on_blur: bool,
    /// Stop saves while a value is invalid.
    pub guard_save: bool,
    /// The organisation's policy.
    pub policy: Option<Policy>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            enabled: true,
            convert_on_blur: true,
            guard_save: true,
            policy: None,
        }
    }
}

fn config_from(value: JsValue) -> Result<Config, JsError> {
    settings::config(&value).map_err(|e| JsError::new(&format!("invalid settings: {e}")))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
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
    app::status()
        .map_err(|e| JsError::new(&e.as_string().unwrap_or_else(|| "status unavailable".into())))
}

#[derive(Serialize)]
struct Converted {
    ok: bool,
    value: Option<u64>,
    unit: &'static str,
    seconds: Option<u64>,
    minutes: Option<u64>,
    human: Option<String>,
    short: Option<String>,
    equation: Option<String>,
    error: Option<crate::ParseError>,
}

/// Converts `input` to a whole number of `unit` ("seconds" or "minutes").
#[wasm_bindgen]
pub fn convert(input: &str, unit: &str) -> Result<JsValue, JsError> {
    let unit =
        Unit::from_name(unit).ok_or_else(|| JsError::new("unit must be seconds or minutes"))?;
    let result = parse(input, unit);
    let value = result.as_ref().ok().copied();
    let seconds = value
        .and_then(|v| v.checked_mul(unit.seconds()))
        .filter(|&s| s <= crate::MAX_VALUE);
    let converted = Converted {
        ok: value.is_some(),
        value,
        unit: unit.name(),
        seconds,
        minutes: seconds.filter(|s| s % 60 == 0).map(|s| s / 60),
        human: value.map(|v| format::words(v, unit)),
        short: value.map(|v| format::short(v, unit)),
        equation: value.map(|v| format::equation(v, unit)),
        error: result.err(),
    };
    to_js(&converted)
}

/// Checks `input` for the field `field` (id or label), with an optional context
/// `{siblings, api_identifier, disabled, policy}`.
#[wasm_bindgen]
pub fn check(field: &str, input: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx: Context =
        settings::context(&context).map_err(|e| JsError::new(&format!("invalid context: {e}")))?;
    let verdict = crate::check(field, input, &ctx).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&verdict)
}

/// The field catalog.
#[wasm_bindgen]
pub fn fields() -> Result<JsValue, JsError> {
    to_js(FIELDS)
}

/// Problems in a policy (unknown fields, values that are not lifetimes), for the options page.
#[wasm_bindgen]
pub fn policy_problems(policy: JsValue) -> Result<JsValue, JsError> {
    let policy: Policy = settings::policy(&policy)
        .map_err(|e| JsError::new(&format!("invalid policy: {e}")))?
        .unwrap_or_default();
    to_js(&policy.problems())
}
