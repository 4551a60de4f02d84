//! Finding things on the page: lifetime inputs, their toggles, the API identifier, the page kind,
//! the theme, and Save buttons.

use super::dom::{frame_text, input_label, is_ours, label_text, section_context};
use crate::catalog::{match_label, match_toggle, normalise_label, settle_match, Field};
use crate::view::is_dark_colour;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// Input types a lifetime can be typed into.
pub fn is_text_like(input: &HtmlInputElement) -> bool {
    matches!(
        input.type_().to_ascii_lowercase().as_str(),
        "" | "text" | "number" | "search" | "tel"
    )
}

/// The catalog field an input is, with its label as the page shows it.
pub fn detect_input(doc: &Document, input: &HtmlInputElement) -> Option<(&'static Field, String)> {
    if !is_text_like(input) || !input.is_connected() {
        return None;
    }
    let label = input_label(doc, input)?;
    let field = match_label(&label)?;
    settle_match(field, frame_text(input).as_deref(), || {
        Some(section_context(input))
    })
    .map(|f| (f, label))
}

/// Inputs inside `root`, including `root` itself.
pub fn inputs_in(root: &Element) -> Vec<HtmlInputElement> {
    let mut out = Vec::new();
    if let Some(input) = root.dyn_ref::<HtmlInputElement>() {
        out.push(input.clone());
        return out;
    }
    if let Ok(list) = root.query_selector_all("input") {
        for i in 0..list.length() {
            if let Some(input) = list
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            {
                out.push(input);
            }
        }
    }
    out
}

/// The first few inputs inside the parent of a label (or of the text beside a field) that came,
/// went or changed: the ones it can name.
pub fn inputs_near(parent: &Element) -> impl Iterator<Item = HtmlInputElement> {
    inputs_in(parent).into_iter().take(8)
}

/// Switches that turn a lifetime on or off (refresh-token expiration toggles).
pub fn find_toggles(doc: &Document) -> Vec<(&'static Field, Element)> {
    let mut out = Vec::new();
    let Ok(list) = doc.query_selector_all(super::selectors::TOGGLES) else {
        return out;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let label = match el.dyn_ref::<HtmlInputElement>() {
            Some(input) => input_label(doc, input),
            None => el
                .get_attribute("aria-label")
                .or_else(|| {
                    let ids = el.get_attribute("aria-labelledby")?;
                    ids.split_whitespace()
                        .filter_map(|id| doc.get_element_by_id(id))
                        .find_map(|l| label_text(&l))
                })
                .or_else(|| label_text(&el)),
        };
        if let Some(field) = label.as_deref().and_then(match_toggle) {
            out.push((field, el));
        }
    }
    out
}

/// Whether a toggle is on.
pub fn toggle_on(el: &Element) -> bool {
    match el.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.checked(),
        None => el.get_attribute("aria-checked").as_deref() == Some("true"),
    }
}

const IDENTIFIER_LABELS: &[&str] = &["identifier", "api identifier", "audience", "api audience"];

/// The element showing the API identifier (audience) on an API's settings page: its input, or
/// the value next to an "Identifier" term in a read-only display.
pub fn api_identifier_element(doc: &Document) -> Option<Element> {
    for input in inputs_in(&doc.document_element()?) {
        if input_label(doc, &input)
            .is_some_and(|l| IDENTIFIER_LABELS.contains(&normalise_label(&l).as_str()))
        {
            return Some(input.into());
        }
    }
    // Read-only displays: <dt>Identifier</dt><dd>…</dd> and similar.
    let terms = doc.query_selector_all("dt, th, label").ok()?;
    for i in 0..terms.length() {
        let Some(term) = terms.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if label_text(&term)
            .is_some_and(|t| IDENTIFIER_LABELS.contains(&normalise_label(&t).as_str()))
        {
            if let Some(value) = term.next_element_sibling() {
                return Some(value);
            }
        }
    }
    None
}

/// The identifier an element shows now (the app may load it after rendering the field).
pub fn read_identifier(el: &Element) -> Option<String> {
    match el.dyn_ref::<HtmlInputElement>() {
        Some(input) => Some(input.value()),
        None => label_text(el),
    }
}

/// True when the page is in a dark theme: the background behind its main content is dark.
pub fn page_is_dark(doc: &Document) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let mut el: Option<Element> = doc
        .query_selector("main, [role=main]")
        .ok()
        .flatten()
        .or_else(|| doc.body().map(Into::into));
    while let Some(e) = el {
        if let Ok(Some(style)) = window.get_computed_style(&e) {
            if let Some(dark) = style
                .get_property_value("background-color")
                .ok()
                .and_then(|c| is_dark_colour(&c))
            {
                return dark;
            }
        }
        el = e.parent_element();
    }
    false
}

/// What the buttons that send a lifetime say, besides "Save …": a SCIM token's dialog generates
/// one, a ticket or invitation is created, and the API Explorer's "Update & Regenerate Token"
/// makes a token with the lifetime typed beside it.
const SENDING_WORDS: &[&str] = &[
    "generate",
    "generate token",
    "create",
    "create token",
    "update regenerate token",
    "regenerate token",
];

/// True when an element is a Save action: a button-like element whose text says so.
pub fn is_save_control(el: &Element) -> bool {
    if is_ours(el) {
        return false;
    }
    let text = match el.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.value(),
        None => el.text_content().unwrap_or_default(),
    };
    let norm = normalise_label(&text);
    norm == "save"
        || norm == "save changes"
        || norm.starts_with("save ") && norm.len() <= 24
        || SENDING_WORDS.contains(&norm.as_str())
}

/// The button-like element an event target belongs to, if any.
pub fn control_of(target: &Element) -> Option<Element> {
    target.closest(super::selectors::CONTROLS).ok().flatten()
}

/// True when activating `control` submits its form.
pub fn submits_form(control: &Element) -> bool {
    let tag = control.tag_name();
    let kind = control
        .get_attribute("type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if tag.eq_ignore_ascii_case("button") {
        kind.is_empty() || kind == "submit"
    } else {
        tag.eq_ignore_ascii_case("input") && matches!(kind.as_str(), "submit" | "image")
    }
}
