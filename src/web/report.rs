//! The page report (popup › "Copy page report"): for each input on the page, its label and how it
//! was found, its type, and the field it was taken for or why not; the Save controls; the route's
//! shape. No values, no tenant names, no ids: labels are the Dashboard's own words (digits
//! masked), the URL is reduced to its shape by the pure core (`crate::report`).

use super::detect::{self, control_of, is_save_control, is_text_like, submits_form};
use super::dom::{is_ours, label_text, labelled};
use crate::catalog::{match_label, match_toggle};
use crate::report::{label, route_shape};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

/// At most this many inputs and Save controls are listed.
const MAX_ITEMS: u32 = 60;

fn set(o: &js_sys::Object, k: &str, v: JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(o, &JsValue::from_str(k), &v).map(|_| ())
}

/// Builds the report. `tracked` are the inputs the guard annotates now.
pub fn build(doc: &Document, href: &str, tracked: &[HtmlInputElement]) -> Result<JsValue, JsValue> {
    let out = js_sys::Object::new();
    set(&out, "route", route_shape(href).into())?;
    set(
        &out,
        "page",
        detect::page_kind(href).map_or(JsValue::NULL, |p| JsValue::from_str(p.code())),
    )?;
    let inputs = js_sys::Array::new();
    let list = doc.query_selector_all("input:not([type=hidden])")?;
    for i in 0..list.length().min(MAX_ITEMS) {
        let Some(input) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        inputs.push(&describe_input(doc, &input, tracked)?);
    }
    set(&out, "inputs_total", list.length().into())?;
    set(&out, "inputs", inputs.into())?;
    let saves = js_sys::Array::new();
    let controls = doc.query_selector_all("button, [role=button], input[type=submit]")?;
    for i in 0..controls.length() {
        let Some(el) = controls.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if is_ours(&el) || control_of(&el).is_none() {
            continue;
        }
        let says_save = is_save_control(&el);
        let submits = submits_form(&el) && el.closest("form").ok().flatten().is_some();
        if !(says_save || submits) || saves.length() >= MAX_ITEMS {
            continue;
        }
        let s = js_sys::Object::new();
        set(
            &s,
            "text",
            label(&label_text(&el).unwrap_or_default()).into(),
        )?;
        set(&s, "says_save", says_save.into())?;
        set(&s, "submits_form", submits.into())?;
        saves.push(&s);
    }
    set(&out, "saves", saves.into())?;
    Ok(out.into())
}

fn describe_input(
    doc: &Document,
    input: &HtmlInputElement,
    tracked: &[HtmlInputElement],
) -> Result<JsValue, JsValue> {
    let o = js_sys::Object::new();
    set(&o, "type", input.type_().into())?;
    let found = labelled(doc, input);
    let (text, how) = found
        .as_ref()
        .map_or((None, "none"), |(t, how)| (Some(label(t)), *how));
    set(&o, "label", text.map_or(JsValue::NULL, JsValue::from))?;
    set(&o, "association", how.into())?;
    let matched = found.as_ref().and_then(|(t, _)| match_label(t));
    let toggle = found.as_ref().and_then(|(t, _)| match_toggle(t));
    let own: &Node = input.as_ref();
    let is_tracked = tracked.iter().any(|t| t.is_same_node(Some(own)));
    let (field, why) = match (is_text_like(input), matched, toggle) {
        (false, _, Some(f)) => (Some(f.id), "the switch of this field"),
        (false, _, None) => (None, "not a field a lifetime is typed into"),
        (true, Some(f), _) if is_tracked => (Some(f.id), "guarded"),
        (true, Some(f), _) => (Some(f.id), "recognised, not guarded (the guard is off?)"),
        (true, None, _) if found.is_none() => (None, "no label found"),
        (true, None, _) => (None, "its label is not a lifetime label"),
    };
    set(&o, "field", field.map_or(JsValue::NULL, JsValue::from_str))?;
    set(&o, "why", why.into())?;
    set(
        &o,
        "disabled",
        (input.disabled() || input.read_only()).into(),
    )?;
    Ok(o.into())
}
