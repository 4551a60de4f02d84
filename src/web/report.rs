//! What the page report needs from the page (popup › "Copy page report"): for each input its
//! type, its label as found and how, whether the guard tracks it; the Save controls; the address.
//! Gathered here as a [`crate::report::Snapshot`] and handed to the popup, whose tools module
//! decides what of it the report shows (`crate::report::page_report`: digits masked, the address
//! reduced to its shape, each input's field or why not). Values are never read.

use super::detect::{control_of, is_save_control, is_text_like, submits_form};
use super::dom::{is_ours, label_text, labelled};
use crate::json::Json;
use crate::report::MAX_ITEMS;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

/// The snapshot as a plain object, with the keys `crate::report::Snapshot` reads.
/// `tracked` are the inputs the guard annotates now.
pub fn snapshot(
    doc: &Document,
    href: &str,
    tracked: &[HtmlInputElement],
) -> Result<JsValue, JsValue> {
    let mut j = Json::new();
    j.open('{');
    j.key("href").str(href);
    let list = doc.query_selector_all(super::selectors::VISIBLE_INPUTS)?;
    j.key("inputs_total").num(u64::from(list.length()));
    j.key("inputs").open('[');
    for i in 0..list.length().min(MAX_ITEMS as u32) {
        let Some(input) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let found = labelled(doc, &input);
        let own: &Node = input.as_ref();
        j.open('{');
        j.key("type").str(&input.type_());
        j.key("label")
            .opt_str(found.as_ref().map(|(t, _)| t.as_str()));
        j.key("association")
            .str(found.map_or("none", |(_, how)| how));
        j.key("text_like").bool(is_text_like(&input));
        j.key("tracked")
            .bool(tracked.iter().any(|t| t.is_same_node(Some(own))));
        j.key("disabled").bool(super::dom::locked(&input));
        j.close('}');
    }
    j.close(']');
    j.key("saves").open('[');
    let mut saves = 0;
    let controls = doc.query_selector_all(super::selectors::SAVE_CANDIDATES)?;
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
        j.key("text").str(&label_text(&el).unwrap_or_default());
        j.key("says_save").bool(says_save);
        j.key("submits_form").bool(submits);
        j.close('}');
    }
    j.close(']').close('}');
    js_sys::JSON::parse(&j.finish())
}
