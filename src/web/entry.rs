//! Text entry in `type="number"` lifetime fields.
//!
//! Browsers refuse letters in a number input: Chromium drops them ("24h" leaves "24"), Firefox
//! shows them while `value` is `""`. So while a lifetime field that is `type="number"` has focus,
//! it is a text field: on focus its `type` becomes `text` (and its `role` attribute `spinbutton`,
//! so assistive technology still meets the control it met before); when focus leaves and the text
//! is a plain number again (after conversion), both are put back. ArrowUp/ArrowDown step the
//! value as the number input would (its `step`, `min` and `max`), and a click on the spin buttons
//! of a field without focus is left to the browser. Nothing else on the element changes.

use crate::number_field::holds_as_number;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, PointerEvent};

/// What the guard changed on a number input, to put it back.
#[derive(Debug, Default, Clone)]
pub struct Entry {
    /// The input was `type="number"` when found.
    pub numeric: bool,
    /// The page's own `role` attribute, if it had one.
    original_role: Option<String>,
}

thread_local! {
    /// Number inputs the guard let go of while they held words (it was switched off, or left the
    /// page's route): put back to `type="number"` they would have lost the text. Taken back when
    /// the guard meets them again.
    static LEFT_AS_TEXT: std::cell::RefCell<Vec<(HtmlInputElement, Entry)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Entry {
    pub fn of(input: &HtmlInputElement) -> Entry {
        let left = LEFT_AS_TEXT.with(|l| {
            let mut l = l.borrow_mut();
            l.retain(|(i, _)| i.is_connected());
            let at = l.iter().position(|(i, _)| i == input)?;
            Some(l.remove(at).1)
        });
        left.unwrap_or_else(|| Entry {
            numeric: input.type_().eq_ignore_ascii_case("number"),
            original_role: input.get_attribute("role"),
        })
    }

    /// The guard lets go of the input: back to a number input, unless that would drop what the
    /// admin typed; then it stays in text entry and is remembered.
    pub fn release(&self, input: &HtmlInputElement) {
        self.end(input);
        if self.active(input) {
            LEFT_AS_TEXT.with(|l| l.borrow_mut().push((input.clone(), self.clone())));
        }
    }

    /// True while the input is in text entry.
    pub fn active(&self, input: &HtmlInputElement) -> bool {
        self.numeric && input.type_().eq_ignore_ascii_case("text")
    }

    /// Turns the focused number input into text entry. With `select_all` (focus from the
    /// keyboard) everything is selected, as the browser does for a field reached with Tab;
    /// otherwise (a click) the caret goes to the end: the caret a click placed in the number
    /// input is lost with the change of type.
    pub fn begin(&self, input: &HtmlInputElement, select_all: bool) {
        if !self.numeric || self.active(input) || super::dom::locked(input) {
            return;
        }
        input.set_type("text");
        if self.original_role.is_none() {
            let _ = input.set_attribute("role", "spinbutton");
        }
        if select_all {
            input.select();
        } else {
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
        }
    }

    /// Text entry for a number input that had focus before the guard found it. Firefox shows
    /// letters typed into a number input while its `value` is empty (`validity.badInput`): a
    /// change of type would erase them, so such a field is left as it is until its next focus.
    pub fn begin_late(&self, input: &HtmlInputElement) {
        if !input.validity().bad_input() {
            self.begin(input, false);
        }
    }

    /// Puts the number input back, once its text is something a number input holds (a number,
    /// or nothing) — never while that would make the browser drop what the admin typed.
    pub fn end(&self, input: &HtmlInputElement) {
        if !self.active(input) || !holds_as_number(&input.value()) {
            return;
        }
        input.set_type("number");
        let _ = match &self.original_role {
            Some(role) => input.set_attribute("role", role),
            None => input.remove_attribute("role"),
        };
    }
}

/// True when a pointer press on a number input without focus lands on its spin buttons (at the
/// right edge of its content box), which must keep working as the page intends.
pub fn on_spin_buttons(input: &HtmlInputElement, e: &web_sys::Event) -> bool {
    let Some(pe) = e.dyn_ref::<PointerEvent>() else {
        return false;
    };
    let padding = web_sys::window()
        .and_then(|w| w.get_computed_style(input).ok().flatten())
        .and_then(|s| s.get_property_value("padding-right").ok())
        .and_then(|p| {
            let px = p.strip_suffix("px").unwrap_or(&p);
            let whole = px.split_once('.').map_or(px, |(w, _)| w);
            i32::try_from(crate::text::int(whole)?).ok()
        })
        .unwrap_or(0);
    pe.offset_x() >= input.client_width() - padding - 22
}
