//! The page report (popup › "Copy page report"): for each input on the page, its label and how it
//! was found, its type, and the field it was taken for or why not; the Save controls; the route's
//! shape. No values, no tenant names, no ids: labels are the Dashboard's own words (digits
//! masked), the URL is reduced to its shape by the pure core (`crate::report`).

use super::detect::{self, control_of, is_save_control, is_text_like, submits_form};
use super::dom::{is_ours, label_text, labelled};
use crate::catalog::{match_label, match_toggle};
use crate::json::Json;
use crate::report::{label, route_shape};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

/// At most this many inputs and Save controls are listed.
const MAX_ITEMS: u32 = 60;

/// Builds the report. `tracked` are the inputs the guard annotates now.
pub fn build(doc: &Document, href: &str, tracked: &[HtmlInputElement]) -> Result<JsValue, JsValue> {
    let mut j = Json::new();
    j.open('{');
    j.key("route").str(&route_shape(href));
    j.key("page")
        .opt_str(detect::page_kind(href).map(|p| p.code()));
    let list = doc.query_selector_all("input:not([type=hidden])")?;
    j.key("inputs_total").num(u64::from(list.length()));
    j.key("inputs").open('[');
    for i in 0..list.length().min(MAX_ITEMS) {
        let Some(input) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        describe_input(&mut j, doc, &input, tracked);
    }
    j.close(']');
    j.key("saves").open('[');
    let mut saves = 0;
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
        if !(says_save || submits) || saves >= MAX_ITEMS {
            continue;
        }
        saves += 1;
        j.open('{');
        j.key("text")
            .str(&label(&label_text(&el).unwrap_or_default()));
        j.key("says_save").bool(says_save);
        j.key("submits_form").bool(submits);
        j.close('}');
    }
    j.close(']').close('}');
    js_sys::JSON::parse(&j.finish())
}

fn describe_input(
    j: &mut Json,
    doc: &Document,
    input: &HtmlInputElement,
    tracked: &[HtmlInputElement],
) {
    j.open('{');
    j.key("type").str(&input.type_());
    let found = labelled(doc, input);
    let (text, how) = found
        .as_ref()
        .map_or((None, "none"), |(t, how)| (Some(label(t)), *how));
    j.key("label").opt_str(text.as_deref());
    j.key("association").str(how);
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
    j.key("field").opt_str(field);
    j.key("why").str(why);
    j.key("disabled")
        .bool(input.disabled() || input.read_only());
    j.close('}');
}
