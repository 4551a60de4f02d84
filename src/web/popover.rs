//! The popover by a selection: a number or a duration the admin selected in page text, in words
//! and in the other units, with copy buttons (`crate::selection` says what it shows).
//!
//! It never takes focus: it comes after the selection's block in the page's order, so Tab from
//! the selection reaches its buttons, and its first line is announced by a live region of its
//! own. Escape, a press elsewhere or a new selection closes it; it never shows while a field has
//! focus, so never over a lifetime field (their notes convert) or over what is being typed.

use super::app::App;
use super::dom::{self, POPOVER_TAG, STATUS_TAG};
use super::note::{add, Shadowed};
use crate::selection::{self, View};
use crate::text::concat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomRect, Element, Event, HtmlElement, Range};

/// Space between the selection and the popover, and between the popover and the window's edge.
const GAP: f64 = 6.0;

pub struct Popover {
    card: Shadowed,
    /// A live region that stays in the page once made: a region inserted with its text is not
    /// announced by every screen reader.
    status: Shadowed,
    /// What each copy button copies, by its index.
    copies: Vec<String>,
    /// The selection it is shown for, followed when the page scrolls.
    range: Option<Range>,
    answers: Option<(Answer, Answer)>,
}

/// What a press on the popover's buttons does.
enum Press {
    Copy(usize),
    Close,
}

fn set_style(el: &HtmlElement, properties: &[(&str, &str)]) {
    let style = el.style();
    for (name, value) in properties {
        let _ = style.set_property(name, value);
    }
}

fn px(v: f64) -> String {
    concat(&[&crate::text::i64_string(v.round() as i64), "px"])
}

impl Popover {
    fn new(doc: &Document) -> Result<Popover, JsValue> {
        let card = Shadowed::new(doc, POPOVER_TAG, "lifetime-guard-popover")?;
        set_style(
            &card.host,
            &[
                ("position", "fixed"),
                ("z-index", "2147483647"),
                ("margin", "0"),
                ("display", "none"),
            ],
        );
        let status = Shadowed::new(doc, STATUS_TAG, "lifetime-guard-status")?;
        // Visually hidden, still read: the usual "sr-only" box.
        set_style(
            &status.host,
            &[
                ("position", "fixed"),
                ("width", "1px"),
                ("height", "1px"),
                ("overflow", "hidden"),
                ("clip-path", "inset(50%)"),
                ("margin", "0"),
            ],
        );
        status.body.set_attribute("role", "status")?;
        doc.body().ok_or("no body")?.append_child(&status.host)?;
        Ok(Popover {
            card,
            status,
            copies: Vec::new(),
            range: None,
            answers: None,
        })
    }

    fn is_open(&self) -> bool {
        self.range.is_some()
    }

    fn draw(&mut self, doc: &Document, view: &View, dark: bool) -> Result<(), JsValue> {
        let body = &self.card.body;
        body.set_text_content(None);
        body.set_class_name("lg pop");
        body.set_attribute("role", "dialog")?;
        body.set_attribute("aria-label", "Lifetime Guard: the selection as a lifetime")?;
        let head = add(doc, body, "div", "head", None)?;
        add(doc, &head, "strong", "", Some(&view.heading))?;
        let close = add(doc, &head, "button", "close", Some("×"))?;
        close.set_attribute("type", "button")?;
        close.set_attribute("aria-label", "Close")?;
        close.set_attribute("title", "Close (Esc)")?;
        if let Some(also) = &view.also {
            add(doc, body, "div", "also", Some(also))?;
        }
        let table = add(doc, body, "table", "", None)?;
        self.copies.clear();
        for (i, row) in view.rows.iter().enumerate() {
            let tr = add(doc, &table, "tr", "", None)?;
            add(doc, &tr, "th", "", Some(row.label))?.set_attribute("scope", "row")?;
            add(doc, &tr, "td", "", Some(&row.shown))?;
            let cell = add(doc, &tr, "td", "", None)?;
            let copy = add(doc, &cell, "button", "copy", Some("Copy"))?;
            copy.set_attribute("type", "button")?;
            copy.set_attribute("data-copy", &crate::text::u64_string(i as u64))?;
            copy.set_attribute(
                "aria-label",
                &concat(&["Copy ", &row.copy, " (", row.label, ")"]),
            )?;
            self.copies.push(row.copy.clone());
        }
        self.card.set_theme(dark);
        self.status.set_theme(dark);
        self.status.body.set_text_content(Some(&view.heading));
        Ok(())
    }

    /// Below the selection, or above it where the window ends; never over it.
    fn place(&self) {
        let Some(rect) = self.range.as_ref().map(Range::get_bounding_client_rect) else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let (vw, vh) = (
            window
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(1024.0),
            window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(768.0),
        );
        let own: DomRect = self.card.host.get_bounding_client_rect();
        let top = if rect.bottom() + GAP + own.height() <= vh - GAP
            || rect.top() - GAP - own.height() < 0.0
        {
            rect.bottom() + GAP
        } else {
            rect.top() - GAP - own.height()
        };
        let left = rect.left().min(vw - own.width() - GAP).max(GAP);
        set_style(&self.card.host, &[("top", &px(top)), ("left", &px(left))]);
    }

    fn hide(&mut self) {
        if self.range.take().is_some() {
            set_style(&self.card.host, &[("display", "none")]);
            self.status.body.set_text_content(None);
        }
    }

    pub fn remove(&self) {
        self.card.remove();
        self.status.remove();
    }
}

/// The selection, when it is page text and no field has focus.
fn page_selection(doc: &Document) -> Option<(String, Range)> {
    if let Some(active) = doc.active_element() {
        let tag = active.tag_name();
        let editable = active
            .dyn_ref::<HtmlElement>()
            .is_some_and(HtmlElement::is_content_editable);
        if editable
            || ["INPUT", "TEXTAREA", "SELECT"]
                .iter()
                .any(|t| tag.eq_ignore_ascii_case(t))
        {
            return None;
        }
    }
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let text = String::from(selection.to_string());
    let range = selection.get_range_at(0).ok()?;
    Some((text, range))
}

/// Where the popover goes in the page's order: after the block the selection ends in.
fn block_of(range: &Range) -> Option<Element> {
    let node = range.end_container().ok()?;
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    el.closest("pre, p, li, td, th, dd, dt, div, section, article")
        .ok()
        .flatten()
}

impl App {
    /// Shows the popover for the page's selection, or closes it when that is no lifetime.
    pub(super) fn on_selection(&mut self) {
        if self.pointer_down {
            return; // Still selecting: the release shows it.
        }
        let shown =
            self.config.enabled && self.config.selection_popover && self.show_popover().is_some();
        if !shown {
            self.close_popover();
        }
    }

    fn show_popover(&mut self) -> Option<()> {
        let (text, range) = page_selection(&self.doc)?;
        let selected = selection::read(&text)?;
        let rect = range.get_bounding_client_rect();
        if rect.width() == 0.0 && rect.height() == 0.0 {
            return None;
        }
        let view = selection::view(
            selected,
            js_sys::Date::now() as u64,
            super::tokens::local_time,
            super::tokens::iso_time,
        );
        if self.popover.is_none() {
            self.popover = Some(Popover::new(&self.doc).ok()?);
        }
        let (doc, dark) = (self.doc.clone(), self.dark);
        let popover = self.popover.as_mut()?;
        popover.draw(&doc, &view, dark).ok()?;
        let host = &popover.card.host;
        match block_of(&range).filter(|b| !dom::is_ours(b)) {
            Some(block) => block.insert_adjacent_element("afterend", host).map(|_| ()),
            None => doc.body()?.append_child(host).map(|_| ()),
        }
        .ok()?;
        set_style(host, &[("display", "block")]);
        popover.range = Some(range);
        popover.place();
        Some(())
    }

    pub(super) fn close_popover(&mut self) {
        if let Some(p) = &mut self.popover {
            p.hide();
        }
    }

    /// Follows the selection when the page scrolls or the window changes size.
    pub(super) fn place_popover(&mut self) {
        if let Some(p) = self.popover.as_ref().filter(|p| p.is_open()) {
            p.place();
        }
    }

    /// A press anywhere but on the popover closes it.
    pub(super) fn popover_pointerdown(&mut self, e: &Event) {
        let on_it =
            dom::target_element(e).is_some_and(|t| t.tag_name().eq_ignore_ascii_case(POPOVER_TAG));
        if !on_it {
            self.close_popover();
        }
    }

    /// Escape closes the popover; the key goes on to the page as ever.
    pub(super) fn popover_keydown(&mut self, e: &Event) {
        let escape = e
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape");
        if escape {
            self.close_popover();
        }
    }

    /// A click on one of the popover's buttons: `true` when it was one.
    pub(super) fn popover_click(&mut self, e: &Event) -> bool {
        let Some(popover) = self.popover.as_mut().filter(|p| p.is_open()) else {
            return false;
        };
        let Some(button) = e
            .composed_path()
            .get(0)
            .dyn_into::<Element>()
            .ok()
            .and_then(|t| t.closest("button").ok().flatten())
            .filter(|b| popover.card.body.contains(Some(b)))
        else {
            return false;
        };
        let press = match button.get_attribute("data-copy") {
            Some(i) => crate::text::int(&i).map(|i| Press::Copy(i as usize)),
            None => Some(Press::Close),
        };
        match press {
            Some(Press::Copy(i)) => popover.copy(i),
            Some(Press::Close) | None => self.close_popover(),
        }
        true
    }

    pub(super) fn popover_theme(&self) {
        if let Some(p) = &self.popover {
            p.card.set_theme(self.dark);
            p.status.set_theme(self.dark);
        }
    }

    pub(super) fn remove_popover(&mut self) {
        if let Some(p) = self.popover.take() {
            p.remove();
        }
    }
}

/// What the clipboard answers, said in the live region.
type Answer = Closure<dyn FnMut(JsValue)>;

impl Popover {
    /// Writes copy `i` to the clipboard and says whether it worked. The answers live until the
    /// next copy (the clipboard answers at once; a dropped closure would throw when called).
    fn copy(&mut self, i: usize) {
        let Some(text) = self.copies.get(i) else {
            return;
        };
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let said = |words: String| -> Answer {
            let status = self.status.body.clone();
            Closure::new(move |_: JsValue| status.set_text_content(Some(&words)))
        };
        let done = said(concat(&["Copied ", text]));
        let failed = said(concat(&["Could not copy ", text, ": the browser refused"]));
        let _ = clipboard.write_text(text).then2(&done, &failed);
        self.answers = Some((done, failed));
    }
}
