//! Reading the objects JavaScript passes in (`Config`, `Context`, `Policy`, and the page
//! `Snapshot` the popup hands to the tools module).
//!
//! These are read field by field with `Reflect` rather than through serde's deserializer: that
//! deserializer brings float formatting and error machinery that doubled the module's size,
//! for three small objects. Unknown keys are ignored; wrongly typed values are reported.

#[cfg(not(feature = "tools"))]
use super::app::Config;
use crate::policy::{FieldPolicy, Policy, PolicyValue};
use crate::text::concat;
#[cfg(feature = "tools")]
use crate::verdict::Context;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

#[cfg(not(feature = "tools"))]
fn bool_at(obj: &JsValue, key: &str, default: bool) -> Result<bool, String> {
    let v = get(obj, key);
    if absent(&v) {
        return Ok(default);
    }
    v.as_bool()
        .ok_or_else(|| concat(&["“", key, "” must be true or false"]))
}

#[cfg(feature = "tools")]
fn string_at(obj: &JsValue, key: &str) -> Result<Option<String>, String> {
    let v = get(obj, key);
    if absent(&v) {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| concat(&["“", key, "” must be a string"]))
}

/// The own enumerable keys of an object.
fn keys(obj: &JsValue) -> Vec<String> {
    match obj.dyn_ref::<js_sys::Object>() {
        Some(o) if obj.is_object() => js_sys::Object::keys(o)
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// The bounds of a field's policy, in the order of [`FieldPolicy`]'s fields.
const BOUNDS: [&str; 4] = ["max", "min", "warn_above", "warn_below"];

/// The bound `key` of field `id`'s policy: a whole number or a lifetime text.
fn policy_value(v: &JsValue, id: &str, key: &str) -> Result<Option<PolicyValue>, String> {
    if absent(v) {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(PolicyValue::Text(s)));
    }
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= crate::MAX_VALUE as f64 => {
            Ok(Some(PolicyValue::Number(n as u64)))
        }
        _ => Err(concat(&[
            id,
            ".",
            key,
            " must be a whole number or a lifetime such as “1h”",
        ])),
    }
}

/// `{ "token_lifetime": { "max": "1h", "warn_above": 1800 }, … }`
pub fn policy(v: &JsValue) -> Result<Option<Policy>, String> {
    if absent(v) {
        return Ok(None);
    }
    if !v.is_object() {
        return Err("the policy must be an object keyed by field id".into());
    }
    let mut policy = Policy::default();
    for id in keys(v) {
        let entry = get(v, &id);
        // One loop over the four bounds: four calls written out were four copies in the module.
        let mut bounds: [Option<PolicyValue>; 4] = Default::default();
        for (bound, key) in bounds.iter_mut().zip(BOUNDS) {
            *bound = policy_value(&get(&entry, key), &id, key)?;
        }
        let [max, min, warn_above, warn_below] = bounds;
        let field = FieldPolicy {
            max,
            min,
            warn_above,
            warn_below,
        };
        policy.fields.insert(id, field);
    }
    Ok(Some(policy))
}

/// `{ enabled, convert_on_blur, guard_save, selection_popover, policy }`, every key optional.
#[cfg(not(feature = "tools"))]
pub fn config(v: &JsValue) -> Result<Config, String> {
    let d = Config::default();
    Ok(Config {
        enabled: bool_at(v, "enabled", d.enabled)?,
        convert_on_blur: bool_at(v, "convert_on_blur", d.convert_on_blur)?,
        selection_popover: bool_at(v, "selection_popover", d.selection_popover)?,
        guard_save: bool_at(v, "guard_save", d.guard_save)?,
        policy: policy(&get(v, "policy"))?,
    })
}

/// `{ siblings: {id: input}, api_identifier, disabled: [id], policy }`, every key optional.
#[cfg(feature = "tools")]
pub fn context(v: &JsValue) -> Result<Context, String> {
    let mut ctx = Context {
        api_identifier: string_at(v, "api_identifier")?,
        ..Context::default()
    };
    let siblings = get(v, "siblings");
    for id in keys(&siblings) {
        if let Some(text) = get(&siblings, &id).as_string() {
            ctx.siblings.insert(id, text);
        }
    }
    ctx.disabled = array(v, "disabled")
        .iter()
        .filter_map(JsValue::as_string)
        .collect();
    ctx.policy = policy(&get(v, "policy"))?;
    Ok(ctx)
}

#[cfg(feature = "tools")]
fn bool_or_false(obj: &JsValue, key: &str) -> bool {
    get(obj, key).as_bool().unwrap_or(false)
}

#[cfg(feature = "tools")]
fn array(obj: &JsValue, key: &str) -> Vec<JsValue> {
    get(obj, key)
        .dyn_ref::<js_sys::Array>()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// The content module's page snapshot (`crate::report::Snapshot`), as its `snapshot` export
/// writes it: `{href, inputs_total, inputs: [{type, label, association, text_like, tracked,
/// disabled}], saves: [{text, says_save, submits_form}]}`.
#[cfg(feature = "tools")]
pub fn snapshot(v: &JsValue) -> Result<crate::report::Snapshot, String> {
    use crate::report::{SeenInput, SeenSave, Snapshot};
    let href = string_at(v, "href")?.ok_or("the snapshot has no “href”")?;
    let mut inputs = Vec::new();
    for i in array(v, "inputs") {
        inputs.push(SeenInput {
            kind: string_at(&i, "type")?.unwrap_or_default(),
            label: string_at(&i, "label")?,
            association: string_at(&i, "association")?.unwrap_or_default(),
            text_like: bool_or_false(&i, "text_like"),
            tracked: bool_or_false(&i, "tracked"),
            disabled: bool_or_false(&i, "disabled"),
        });
    }
    let mut saves = Vec::new();
    for s in array(v, "saves") {
        saves.push(SeenSave {
            text: string_at(&s, "text")?.unwrap_or_default(),
            says_save: bool_or_false(&s, "says_save"),
            submits_form: bool_or_false(&s, "submits_form"),
        });
    }
    Ok(Snapshot {
        href,
        inputs_total: get(v, "inputs_total")
            .as_f64()
            .map_or(0, |n| n.clamp(0.0, f64::from(u32::MAX)) as u32),
        inputs,
        saves,
    })
}
