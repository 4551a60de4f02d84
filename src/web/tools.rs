//! The tools module's exports (`--features tools`): conversion and checking for the popup, the
//! options page and the playground.

use super::settings;
use crate::verdict::Context;
use crate::{format, parse, Unit};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
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

#[derive(Serialize)]
struct Host {
    ok: bool,
    host: Option<String>,
    /// The match pattern for its permission and content script: `https://{host}/*`.
    pattern: Option<String>,
    error: Option<&'static str>,
}

/// The private-cloud Dashboard host an admin typed (`mozilla`, `manage.mozilla.auth0.com`, a
/// URL): `{ok, host, pattern, error}`.
#[wasm_bindgen]
pub fn private_cloud_host(text: &str) -> Result<JsValue, JsError> {
    let r = crate::hosts::private_cloud_host(text);
    to_js(&Host {
        ok: r.is_ok(),
        error: r.as_ref().err().copied(),
        pattern: r.as_ref().ok().map(|h| crate::hosts::pattern(h)),
        host: r.ok(),
    })
}
