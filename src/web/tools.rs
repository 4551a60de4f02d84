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
    /// The value in each unit a field can have, where it is a whole number of it.
    milliseconds: Option<u64>,
    seconds: Option<u64>,
    minutes: Option<u64>,
    days: Option<u64>,
    human: Option<String>,
    short: Option<String>,
    equation: Option<String>,
    error: Option<crate::ParseError>,
}

/// Converts `input` to a whole number of `unit` ("milliseconds", "seconds", "minutes", "days").
#[wasm_bindgen]
pub fn convert(input: &str, unit: &str) -> Result<JsValue, JsError> {
    let unit = Unit::from_name(unit)
        .ok_or_else(|| JsError::new("unit must be milliseconds, seconds, minutes or days"))?;
    let result = parse(input, unit);
    let value = result.as_ref().ok().copied();
    let seconds = value.and_then(|v| unit.to_seconds(v));
    let converted = Converted {
        ok: value.is_some(),
        value,
        unit: unit.name(),
        milliseconds: value
            .and_then(|v| v.checked_mul(unit.millis()))
            .filter(|&ms| ms <= crate::MAX_VALUE),
        seconds,
        minutes: seconds.filter(|s| s % 60 == 0).map(|s| s / 60),
        days: seconds.filter(|s| s % 86_400 == 0).map(|s| s / 86_400),
        human: value.map(|v| format::words(v, unit)),
        short: value.map(|v| format::short(v, unit)),
        equation: value.map(|v| format::equation(v, unit)),
        error: result.err(),
    };
    to_js(&converted)
}

/// The fast path of the popup and the playground: the whole number `input` stands for, in
/// minutes when `minutes` is true and in seconds otherwise, or NaN when it is refused. Nothing
/// crosses the boundary but the text and one number; [`words`], [`short`] and [`equation`] give the words
/// for a value when they are shown, and [`convert`] explains a refusal.
#[wasm_bindgen]
pub fn value(input: &str, minutes: bool) -> f64 {
    // Every value is at most MAX_VALUE (2^53 - 1): exact as a JavaScript number.
    parse::value(input, unit_of(minutes)).map_or(f64::NAN, |v| v as f64)
}

/// `value` in words ("1 day 12 hours"), for a value [`value`] returned.
#[wasm_bindgen]
pub fn words(value: f64, minutes: bool) -> String {
    whole(value).map_or_else(String::new, |v| format::words(v, unit_of(minutes)))
}

/// "86,400 s = 1 day", for a value [`value`] returned.
#[wasm_bindgen]
pub fn equation(value: f64, minutes: bool) -> String {
    whole(value).map_or_else(String::new, |v| format::equation(v, unit_of(minutes)))
}

/// "1d 12h", for a value [`value`] returned.
#[wasm_bindgen]
pub fn short(value: f64, minutes: bool) -> String {
    whole(value).map_or_else(String::new, |v| format::short(v, unit_of(minutes)))
}

fn unit_of(minutes: bool) -> Unit {
    if minutes {
        Unit::Minutes
    } else {
        Unit::Seconds
    }
}

/// A JavaScript number that is a whole lifetime, or None (NaN, negative, fractional, too large).
fn whole(value: f64) -> Option<u64> {
    (value >= 0.0 && value.fract() == 0.0 && value <= crate::MAX_VALUE as f64)
        .then_some(value as u64)
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

/// The page report the popup shows and copies, from the content module's `snapshot` of the page
/// (see `crate::report`): `{route, page, inputs_total, inputs, saves}`.
#[wasm_bindgen]
pub fn page_report(snapshot: JsValue) -> Result<JsValue, JsError> {
    let seen = settings::snapshot(&snapshot)
        .map_err(|e| JsError::new(&format!("invalid page snapshot: {e}")))?;
    to_js(&crate::report::page_report(&seen))
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
