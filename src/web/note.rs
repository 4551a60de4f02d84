//! The note under a field and the message next to Save: elements with a shadow root, so the
//! page's CSS cannot reach in and ours cannot leak out.

use super::dom::{document, ALERT_TAG, NOTE_TAG};
use crate::text::{concat, joined};
use crate::verdict::Level;
use crate::view::NoteView;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// A button of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteAction {
    /// Write the whole number into the field.
    Convert,
    /// Set the other field of a broken relation to this one's limit.
    Fix,
    /// Open or close the details.
    Details,
}

impl NoteAction {
    const ALL: [NoteAction; 3] = [NoteAction::Convert, NoteAction::Fix, NoteAction::Details];

    /// The button's class in the note's shadow root.
    pub const fn class(self) -> &'static str {
        match self {
            NoteAction::Convert => "convert",
            NoteAction::Fix => "fix",
            NoteAction::Details => "details",
        }
    }

    /// The action of a note's button, by its class.
    pub fn of(button: &Element) -> Option<NoteAction> {
        let class = button.class_name();
        NoteAction::ALL.into_iter().find(|a| a.class() == class)
    }
}

/// `style.css`, minified by `build.rs`.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

/// A host element with an open shadow root holding one container.
pub struct Shadowed {
    pub host: HtmlElement,
    pub body: Element,
}

impl Shadowed {
    pub fn new(doc: &Document, tag: &str, id: &str) -> Result<Shadowed, JsValue> {
        let host: HtmlElement = doc.create_element(tag)?.dyn_into()?;
        host.set_id(id);
        host.set_attribute("style", "display:block")?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        adopt_style(doc, &root)?;
        let body = doc.create_element("div")?;
        root.append_child(&body)?;
        Ok(Shadowed { host, body })
    }

    pub fn set_theme(&self, dark: bool) {
        let _ = self
            .host
            .set_attribute("data-theme", if dark { "dark" } else { "light" });
    }

    pub fn remove(&self) {
        self.host.remove();
    }
}

thread_local! {
    /// One constructed stylesheet, parsed once and adopted by every note and alert.
    static SHEET: OnceCell<Option<web_sys::CssStyleSheet>> = const { OnceCell::new() };
}

/// Styles the shadow root with a constructed stylesheet (not subject to the page's CSP for
/// inline styles), falling back to a `<style>` element where constructed sheets are missing.
fn adopt_style(doc: &Document, root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = web_sys::CssStyleSheet::new().ok()?;
            sheet.replace_sync(STYLE).ok()?;
            Some(sheet)
        })
        .clone()
    });
    if let Some(sheet) = sheet {
        let list = js_sys::Array::of1(&sheet);
        if js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &list).is_ok() {
            return Ok(());
        }
    }
    let style = doc.create_element("style")?;
    style.set_text_content(Some(STYLE));
    root.append_child(&style)?;
    Ok(())
}

/// Creates an element with a class and text, and appends it to `parent`.
pub(super) fn add(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    parent.append_child(&e)?;
    Ok(e)
}

/// The note under one field. Re-renders only when what it shows changes.
pub struct Note {
    pub shadow: Shadowed,
    last: Option<NoteView>,
}

impl Note {
    pub fn new(id: &str) -> Result<Note, JsValue> {
        let doc = document().ok_or("no document")?;
        let shadow = Shadowed::new(&doc, NOTE_TAG, id)?;
        Ok(Note { shadow, last: None })
    }

    /// Shows `view`. Text only goes in through `textContent`, never as markup. A change of
    /// `compact` alone only flips a class, so the buttons under the admin's pointer stay put.
    pub fn render(&mut self, view: NoteView) -> Result<(), JsValue> {
        let body = &self.shadow.body;
        if let Some(last) = &mut self.last {
            let was_compact = last.compact;
            last.compact = view.compact;
            if *last == view {
                if was_compact != view.compact {
                    body.set_class_name(if view.compact { "lg compact" } else { "lg" });
                    if let Ok(Some(toggle)) =
                        body.query_selector(&concat(&["button.", NoteAction::Details.class()]))
                    {
                        toggle.set_attribute(
                            "aria-expanded",
                            if view.compact { "false" } else { "true" },
                        )?;
                        toggle.set_text_content(Some(if view.compact {
                            "Details"
                        } else {
                            "Less"
                        }));
                    }
                }
                return Ok(());
            }
        }
        let doc = document().ok_or("no document")?;
        // A button of the note with keyboard focus keeps it across the rebuild.
        let focused = self
            .shadow
            .host
            .shadow_root()
            .and_then(|r| r.active_element())
            .map(|a| a.class_name());
        body.set_text_content(None);
        body.set_class_name(if view.compact { "lg compact" } else { "lg" });
        body.set_attribute("data-level", view.level.code())?;
        let row = add(&doc, body, "div", "row", None)?;
        add(&doc, &row, "span", "badge", Some(view.badge))?;
        if let Some(eq) = &view.equation {
            add(&doc, &row, "span", "eq", Some(eq))?;
        }
        if let Some(to) = &view.convert_to {
            let b = button(&doc, &row, NoteAction::Convert, &concat(&["Use ", to]))?;
            b.set_attribute(
                "title",
                "Write the whole number into the field (also done when you leave it)",
            )?;
            // Out of the Tab order: leaving the field converts already, and a Tab that landed
            // here would land on a button the conversion removes.
            b.set_attribute("tabindex", "-1")?;
        }
        if let Some(fix) = &view.fix {
            button(&doc, &row, NoteAction::Fix, fix)?;
        }
        let details_id = concat(&[&self.shadow.host.id(), "-details"]);
        if view.level == Level::Ok {
            // The disclosure: keyboard-accessible, says whether the details are shown.
            let t = button(
                &doc,
                &row,
                NoteAction::Details,
                if view.compact { "Details" } else { "Less" },
            )?;
            t.set_attribute("aria-expanded", if view.compact { "false" } else { "true" })?;
            t.set_attribute("aria-controls", &details_id)?;
        }
        let details = add(&doc, body, "div", "more", None)?;
        details.set_id(&details_id);
        // Every message but the "all is well" ones, in a list only when there is one.
        if view.messages.iter().any(|(l, _)| *l != Level::Ok) {
            let ul = add(&doc, &details, "ul", "msgs", None)?;
            for (level, text) in &view.messages {
                if *level != Level::Ok {
                    add(&doc, &ul, "li", level.code(), Some(text))?;
                }
            }
        }
        if let Some(typed) = &view.restorable {
            let text = concat(&[
                "Converted from “",
                typed,
                "”. Press Esc in the field to restore it.",
            ]);
            add(&doc, &details, "div", "restore", Some(&text))?;
        }
        if !view.flows.is_empty() {
            let flows = add(&doc, &details, "div", "flows", None)?;
            add(&doc, &flows, "b", "", Some(view.flows_label))?;
            let text = concat(&[" ", &joined(&view.flows, " · ")]);
            flows.append_child(&doc.create_text_node(&text))?;
        }
        add(&doc, &details, "div", "explain", Some(view.explanation))?;
        if let Some(class) = focused {
            if let Ok(Some(b)) = body.query_selector(&concat(&["button.", &class])) {
                let _ = b.unchecked_ref::<HtmlElement>().focus();
            }
        }
        self.last = Some(view);
        Ok(())
    }
}

/// A `type="button"` button for `action`, with its words.
fn button(
    doc: &Document,
    parent: &Element,
    action: NoteAction,
    text: &str,
) -> Result<Element, JsValue> {
    let b = add(doc, parent, "button", action.class(), Some(text))?;
    b.set_attribute("type", "button")?;
    Ok(b)
}

/// The message next to Save, a live region that assistive technology announces.
pub struct Alert {
    pub shadow: Shadowed,
    pub anchor: Element,
}

impl Alert {
    pub fn new(anchor: &Element) -> Result<Alert, JsValue> {
        let doc = document().ok_or("no document")?;
        let shadow = Shadowed::new(&doc, ALERT_TAG, "lifetime-guard-alert")?;
        shadow.host.set_attribute("role", "alert")?;
        shadow.host.set_attribute("aria-live", "assertive")?;
        anchor.insert_adjacent_element("afterend", &shadow.host)?;
        Ok(Alert {
            shadow,
            anchor: anchor.clone(),
        })
    }

    pub fn render(&self, heading: &str, lines: &[String]) -> Result<(), JsValue> {
        let doc = document().ok_or("no document")?;
        let body = &self.shadow.body;
        body.set_text_content(None);
        body.set_class_name("lg alert");
        body.set_attribute("data-level", "error")?;
        add(&doc, body, "strong", "", Some(heading))?;
        let ul = add(&doc, body, "ul", "msgs", None)?;
        for line in lines {
            add(&doc, &ul, "li", "error", Some(line))?;
        }
        Ok(())
    }
}
