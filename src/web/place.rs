//! Where a field's note goes: below the whole field, after its own helper text, never inside the
//! input's frame (in MUI the frame holds the input and its unit adornment, so "right after the
//! input" would land between the value and "seconds").

use super::dom::{field_wrapper, is_ours};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement, Node};

/// How far up a field's own block is looked for.
const MAX_LEVELS: usize = 8;

/// True when `el` holds a form control other than `input` (the block of another field).
fn holds_other_control(el: &Element, input: &HtmlInputElement) -> bool {
    let Ok(list) = el.query_selector_all(super::selectors::FORM_CONTROLS) else {
        return true;
    };
    let own: &Node = input.as_ref();
    (0..list.length()).any(|i| list.item(i).is_some_and(|n| !n.is_same_node(Some(own))))
}

/// The largest ancestor of `input` that belongs to it alone: it holds no other control and is
/// not a page-level container.
fn field_block(input: &HtmlInputElement) -> Option<Element> {
    let mut block: Option<Element> = None;
    let mut node = input.parent_element();
    for _ in 0..MAX_LEVELS {
        let Some(n) = node else { break };
        let tag = n.tag_name();
        if ["BODY", "MAIN", "FORM", "SECTION", "FIELDSET", "HTML"]
            .iter()
            .any(|t| tag.eq_ignore_ascii_case(t))
            || holds_other_control(&n, input)
        {
            break;
        }
        node = n.parent_element();
        block = Some(n);
    }
    block
}

/// The page's own descriptions of the input (its `aria-describedby` targets, not ours).
fn helpers(input: &HtmlInputElement) -> Vec<Element> {
    let Some(doc) = input.owner_document() else {
        return Vec::new();
    };
    input
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|id| doc.get_element_by_id(id))
        .filter(|el| !is_ours(el))
        .collect()
}

/// The element the note goes right after.
pub fn anchor(input: &HtmlInputElement) -> Element {
    let Some(block) = field_block(input) else {
        return field_wrapper(input.as_ref());
    };
    let own: &Node = input.as_ref();
    // The last helper text of the field that comes after the input, inside its block.
    let helper = helpers(input)
        .into_iter()
        .filter(|h| block.contains(Some(h.as_ref())))
        .filter(|h| own.compare_document_position(h) & Node::DOCUMENT_POSITION_FOLLOWING != 0)
        .reduce(|last, h| {
            let l: &Node = last.as_ref();
            if l.compare_document_position(&h) & Node::DOCUMENT_POSITION_FOLLOWING != 0 {
                h
            } else {
                last
            }
        });
    if let Some(h) = helper {
        return h;
    }
    // No helper text: after the child of the block that holds the input (its frame).
    let mut node: Element = input.clone().into();
    while let Some(parent) = node.parent_element() {
        if parent.is_same_node(Some(block.as_ref())) {
            return node;
        }
        node = parent;
    }
    field_wrapper(input.as_ref())
}

/// Puts `host` right after the field's anchor, unless it is there already.
pub fn place(input: &HtmlInputElement, host: &Element) -> Result<(), JsValue> {
    let anchor = anchor(input);
    let there = anchor
        .next_element_sibling()
        .is_some_and(|n| n.is_same_node(Some(host.as_ref())));
    if !there {
        anchor.insert_adjacent_element("afterend", host)?;
    }
    Ok(())
}
