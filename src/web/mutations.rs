//! The single-page app's mutations: what the guard observes, what a batch of records says
//! ([`read`]: inputs to look at, labels that changed, switches that came or went), and what the
//! guard does about it ([`App::on_mutations`]).

use super::app::{App, Effect};
use super::detect;
use super::dom;
use super::selectors::SWITCHES;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, MutationObserverInit, MutationRecord};

/// What the guard observes on the whole document.
pub fn observed() -> MutationObserverInit {
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_character_data(true);
    init.set_attributes(true);
    // aria-describedby: frameworks that regenerate ids (Cosmos does on every render) rewrite it
    // and drop the note's id, which must then be put back.
    // disabled/readonly: a switch turned a field off or on.
    let attributes = [
        "aria-checked",
        "for",
        "aria-labelledby",
        "aria-describedby",
        "disabled",
        "readonly",
    ];
    init.set_attribute_filter(
        &attributes
            .iter()
            .map(|a| JsValue::from_str(a))
            .collect::<js_sys::Array>(),
    );
    init
}

/// What a batch of mutation records says.
#[derive(Default)]
pub struct Changes {
    /// Inputs that came, or whose label came or changed: each may be a lifetime field now.
    pub candidates: Vec<HtmlInputElement>,
    /// A label or the text beside a field changed or went: tracked fields are checked again.
    pub relabel: bool,
    /// A switch came, went or flipped.
    pub toggles: bool,
}

/// Reads a batch of records, touching the page only around what changed: an unrelated node costs
/// nothing more, however large the page.
pub fn read(records: &js_sys::Array) -> Changes {
    let mut c = Changes::default();
    for record in records.iter() {
        let Ok(record) = record.dyn_into::<MutationRecord>() else {
            continue;
        };
        match record.type_().as_str() {
            "childList" => {
                let removed = record.removed_nodes();
                for k in 0..removed.length() {
                    let ours = removed
                        .item(k)
                        .and_then(|n| n.dyn_into::<Element>().ok())
                        .is_some_and(|e| dom::is_ours(&e));
                    c.relabel |= !ours;
                }
                let added = record.added_nodes();
                for k in 0..added.length() {
                    let Some(node) = added.item(k) else { continue };
                    match node.dyn_into::<Element>() {
                        Ok(el) if dom::is_ours(&el) => {}
                        Ok(el) => c.element_added(&el),
                        Err(node) => {
                            // A text node: it may be a label's words.
                            if let Some(parent) = node.parent_element().filter(names_a_field) {
                                c.look_around(&parent);
                            }
                        }
                    }
                }
            }
            "characterData" => {
                if let Some(parent) = record.target().and_then(|t| t.parent_element()) {
                    // A label's text changed: it may now name a field, or no longer.
                    c.relabel = true;
                    if names_a_field(&parent) {
                        c.candidates.extend(detect::inputs_near(&parent));
                    }
                }
            }
            "attributes" => match record.attribute_name().unwrap_or_default().as_str() {
                "aria-checked" => c.toggles = true,
                // Read again at the evaluation that follows every batch (a switch turned its
                // field off or on; the note's id put back): nothing else to look at.
                "aria-describedby" | "disabled" | "readonly" => {}
                _ => {
                    // `for` or `aria-labelledby`: an input's label may have changed.
                    if let Some(el) = record.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                        c.relabel = true;
                        if let Some(parent) = el.parent_element() {
                            c.candidates.extend(detect::inputs_near(&parent));
                        }
                    }
                }
            },
            _ => {}
        }
    }
    c
}

impl Changes {
    fn element_added(&mut self, el: &Element) {
        let found = detect::inputs_in(el);
        if found.is_empty() {
            // A label, or the text next to an input, came (back): only then look around it.
            if names_a_field(el) {
                self.relabel = true;
                if let Some(parent) = el.parent_element() {
                    self.candidates.extend(detect::inputs_near(&parent));
                }
            }
        } else {
            self.toggles |= found
                .iter()
                .any(|i| i.type_().eq_ignore_ascii_case("checkbox"));
            self.candidates.extend(found);
        }
        self.toggles |= el.matches(SWITCHES).unwrap_or(false)
            || el.query_selector(SWITCHES).ok().flatten().is_some();
    }

    fn look_around(&mut self, parent: &Element) {
        self.relabel = true;
        self.candidates.extend(detect::inputs_near(parent));
    }
}

/// True when an element's own short text is a lifetime label (or it is or holds a `<label>`),
/// so that only then the inputs around it are looked at.
fn names_a_field(el: &Element) -> bool {
    if el.tag_name().eq_ignore_ascii_case("label") {
        return true;
    }
    dom::label_text(el).is_some_and(|t| crate::catalog::match_label(&t).is_some())
        || el.query_selector("label").ok().flatten().is_some()
}

impl App {
    /// Applies what a batch of records says: fields that left or were relabelled are dropped,
    /// new ones taken on, the switches found again when they changed, then the page evaluated.
    pub(super) fn on_mutations(&mut self, records: &js_sys::Array) -> Vec<Effect> {
        self.watch_body();
        if !self.config.enabled {
            return Vec::new();
        }
        if dom::location() != self.url {
            return self.on_navigation();
        }
        let changes = read(records);
        let before = self.tracked.len();
        self.revalidate(changes.relabel);
        for input in &changes.candidates {
            self.consider(input);
        }
        if !changes.candidates.is_empty()
            && self.tracked.iter().any(|t| t.field.is_api_token_lifetime())
        {
            self.find_identifier();
        }
        if changes.toggles || self.tracked.len() != before {
            self.toggles = detect::find_toggles(&self.doc);
        }
        self.evaluate();
        self.tokens_changed();
        Vec::new()
    }
}
