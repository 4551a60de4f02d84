//! Small DOM helpers. None of them panics on unexpected page content.

use crate::text::{concat, joined};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlInputElement};

/// The tag of every element Lifetime Guard inserts; page selectors such as `div` never hit it.
pub const NOTE_TAG: &str = "lifetime-guard-note";
/// The tag of the message next to Save.
pub const ALERT_TAG: &str = "lifetime-guard-alert";
/// The tag of the lines beside a token.
pub const TOKEN_TAG: &str = "lifetime-guard-token";
/// The tag of the popover by a selection, and of its live region.
pub const POPOVER_TAG: &str = "lifetime-guard-popover";
pub const STATUS_TAG: &str = "lifetime-guard-status";
/// Every tag above: what an earlier instance left is removed by them, and the guard's observer
/// passes over them.
pub const OUR_TAGS: [&str; 5] = [NOTE_TAG, ALERT_TAG, TOKEN_TAG, POPOVER_TAG, STATUS_TAG];

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The page's address.
pub fn location() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// True when `el` has the keyboard focus.
pub fn has_focus(el: &Element) -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| a.is_same_node(Some(el.as_ref())))
}

/// An input the admin cannot edit now: disabled or read-only, as fields switched off are. The
/// page does not send it.
pub fn locked(input: &HtmlInputElement) -> bool {
    input.disabled() || input.read_only()
}

/// Where an event began. Events from inside a shadow root are retargeted to its host;
/// `composedPath()[0]` is the real origin, which is what a Save inside a web component needs.
pub fn target_element(e: &Event) -> Option<Element> {
    let path = e.composed_path();
    path.get(0)
        .dyn_into::<Element>()
        .ok()
        .or_else(|| e.target()?.dyn_into::<Element>().ok())
}

/// Where focus goes to (`focusout`) or comes from (`focusin`), as seen from the page: a note's
/// host for anything inside its shadow root.
pub fn related_element(e: &Event) -> Option<Element> {
    e.dyn_ref::<web_sys::FocusEvent>()
        .and_then(web_sys::FocusEvent::related_target)
        .and_then(|r| r.dyn_into::<Element>().ok())
}

/// True for elements Lifetime Guard created.
pub fn is_ours(el: &Element) -> bool {
    let tag = el.tag_name();
    OUR_TAGS.iter().any(|t| tag.eq_ignore_ascii_case(t))
}

/// Visible-ish text of an element, without the text of form controls or of our own notes;
/// `None` when it is empty or too long to be a label.
pub fn label_text(el: &Element) -> Option<String> {
    let text = el.text_content()?;
    let text = joined(text.split_whitespace(), " ");
    (!text.is_empty() && text.len() <= 160).then_some(text)
}

/// Every way a page can name an input, in the order assistive technology and password managers
/// use: `input.labels`, `label[for]`, an ancestor `<label>`, `aria-labelledby`, `aria-label`,
/// then text just before the input.
pub fn input_label(doc: &Document, input: &HtmlInputElement) -> Option<String> {
    labelled(doc, input).map(|(text, _)| text)
}

/// [`input_label`] with how the label was found: `labels`, `for`, `ancestor`,
/// `aria-labelledby`, `aria-label` or `nearby text` (for the page report).
pub fn labelled(doc: &Document, input: &HtmlInputElement) -> Option<(String, &'static str)> {
    if let Some(labels) = input.labels() {
        for i in 0..labels.length() {
            if let Some(text) = labels
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .and_then(|l| label_text(&l))
            {
                return Some((text, "labels"));
            }
        }
    }
    let id = input.id();
    if !id.is_empty() {
        let labels = doc.get_elements_by_tag_name("label");
        for i in 0..labels.length() {
            if let Some(label) = labels.item(i) {
                if label.get_attribute("for").as_deref() == Some(id.as_str()) {
                    if let Some(text) = label_text(&label) {
                        return Some((text, "for"));
                    }
                }
            }
        }
    }
    if let Some(text) = input
        .closest("label")
        .ok()
        .flatten()
        .and_then(|l| label_text(&l))
    {
        return Some((text, "ancestor"));
    }
    if let Some(ids) = input.get_attribute("aria-labelledby") {
        let text = joined(
            ids.split_whitespace()
                .filter_map(|id| doc.get_element_by_id(id))
                .filter_map(|el| label_text(&el)),
            " ",
        );
        if !text.is_empty() {
            return Some((text, "aria-labelledby"));
        }
    }
    if let Some(label) = input
        .get_attribute("aria-label")
        .filter(|l| !l.trim().is_empty())
    {
        return Some((label, "aria-label"));
    }
    nearby_text(input.unchecked_ref()).map(|t| (t, "nearby text"))
}

/// The short text beside the input inside its frame: MUI's unit adornment ("seconds"). A frame
/// holds the input, its outline (`fieldset`, which repeats the label) and plain text; a parent
/// with other controls or labels beside the input is a form or a row, not a frame.
pub fn frame_text(input: &Element) -> Option<String> {
    const CONTROLS: &str = "button, a, input, select, textarea, label";
    let parent = input.parent_element()?;
    let children = parent.children();
    let mut texts = Vec::new();
    for i in 0..children.length() {
        let Some(c) = children.item(i) else { continue };
        if c.is_same_node(Some(input.as_ref()))
            || is_ours(&c)
            || c.tag_name().eq_ignore_ascii_case("FIELDSET")
        {
            continue;
        }
        if c.matches(CONTROLS).unwrap_or(true)
            || c.query_selector(CONTROLS).ok().flatten().is_some()
        {
            return None;
        }
        texts.extend(label_text(&c));
    }
    match texts.as_slice() {
        [one] if one.len() <= 24 => Some(one.clone()),
        _ => None,
    }
}

/// The heading of the section an input is in: the first heading of its nearest ancestor that
/// has one.
pub fn section_heading(input: &Element) -> Option<String> {
    let mut node = input.parent_element();
    for _ in 0..10 {
        let n = node?;
        if let Ok(Some(h)) = n.query_selector("h1, h2, h3, h4, h5, h6, [role=heading]") {
            return label_text(&h);
        }
        node = n.parent_element();
    }
    None
}

/// What names the part of the page an input is in, for a label two catalog rows share: its
/// section's heading, the selected tab, the buttons beside it (the API Explorer's "Update &
/// Regenerate Token") and the address.
pub fn section_context(input: &Element) -> String {
    let mut parts: Vec<String> = section_heading(input).into_iter().collect();
    let selected_tab = document().and_then(|d| {
        d.query_selector("[role=tab][aria-selected=true]")
            .ok()
            .flatten()
    });
    parts.extend(selected_tab.and_then(|t| label_text(&t)));
    let mut node = input.parent_element();
    for _ in 0..6 {
        let Some(n) = node else { break };
        if let Ok(buttons) = n.query_selector_all("button") {
            if buttons.length() > 0 {
                for i in 0..buttons.length().min(6) {
                    let button = buttons.item(i).and_then(|b| b.dyn_into::<Element>().ok());
                    parts.extend(button.and_then(|b| label_text(&b)));
                }
                break;
            }
        }
        node = n.parent_element();
    }
    parts.push(location());
    joined(parts, " ")
}

/// Text in the few elements just before the input or its wrappers, for pages whose labels are
/// not associated with their inputs at all.
fn nearby_text(input: &Element) -> Option<String> {
    let mut node: Element = input.clone();
    for _ in 0..4 {
        let mut sibling = node.previous_element_sibling();
        for _ in 0..3 {
            let Some(s) = sibling else { break };
            if !is_ours(&s)
                && s.query_selector("input, select, textarea")
                    .ok()
                    .flatten()
                    .is_none()
            {
                if let Some(text) = label_text(&s) {
                    return Some(text);
                }
            }
            sibling = s.previous_element_sibling();
        }
        node = node.parent_element()?;
    }
    None
}

/// Writes `value` the way React expects: through the native `value` setter of
/// `HTMLInputElement.prototype` (bypassing any instance-level override a framework installed),
/// then a bubbling `input` and `change` event, so the app's own state follows.
pub fn set_value_react_safe(input: &HtmlInputElement, value: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let ctor = js_sys::Reflect::get(&window, &"HTMLInputElement".into())?;
    let proto = js_sys::Reflect::get(&ctor, &"prototype".into())?;
    let desc = js_sys::Object::get_own_property_descriptor(
        proto.unchecked_ref::<js_sys::Object>(),
        &"value".into(),
    );
    let setter = js_sys::Reflect::get(&desc, &"set".into())?;
    match setter.dyn_into::<js_sys::Function>() {
        Ok(set) => {
            set.call1(input, &JsValue::from_str(value))?;
        }
        Err(_) => input.set_value(value),
    }
    for kind in ["input", "change"] {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict(kind, &init)?;
        input.dispatch_event(&event)?;
    }
    Ok(())
}

/// The nearest ancestor that is only a wrapper of `el` (its parent has other children), so a
/// note placed after it sits below the whole control rather than inside its frame.
pub fn field_wrapper(el: &Element) -> Element {
    let mut node = el.clone();
    for _ in 0..3 {
        let Some(parent) = node.parent_element() else {
            break;
        };
        let tag = parent.tag_name();
        if parent.child_element_count() != 1
            || ["BODY", "MAIN", "FORM", "LABEL"]
                .iter()
                .any(|t| tag.eq_ignore_ascii_case(t))
        {
            break;
        }
        node = parent;
    }
    node
}

/// Appends `id` to a space-separated id list attribute unless it is there already.
pub fn add_token(el: &Element, attr: &str, id: &str) {
    let current = el.get_attribute(attr).unwrap_or_default();
    if !current.split_whitespace().any(|t| t == id) {
        let next = if current.trim().is_empty() {
            id.to_string()
        } else {
            concat(&[current.trim(), " ", id])
        };
        let _ = el.set_attribute(attr, &next);
    }
}

/// Removes `id` from a space-separated id list attribute, dropping the attribute when empty.
pub fn remove_token(el: &Element, attr: &str, id: &str) {
    let Some(current) = el.get_attribute(attr) else {
        return;
    };
    let rest = joined(current.split_whitespace().filter(|t| *t != id), " ");
    if rest.is_empty() {
        let _ = el.remove_attribute(attr);
    } else {
        let _ = el.set_attribute(attr, &rest);
    }
}
