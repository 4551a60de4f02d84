//! Text entry in lifetime fields: what happens on focus, on leaving, on paste, on the arrow keys
//! and Escape, and the conversion of what was typed into the whole number the field stores. How a
//! `type="number"` input becomes a text field and back is `entry.rs`.

use super::app::{App, Effect};
use super::dom;
use super::entry;
use crate::text::{i64_string, u64_string};
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, KeyboardEvent};

impl App {
    /// Writes the whole number for what was typed, remembering the text for Escape.
    pub(super) fn convert(&mut self, input: &HtmlInputElement) -> Vec<Effect> {
        let Some(i) = self.index_of(input.as_ref()) else {
            return Vec::new();
        };
        let t = &mut self.tracked[i];
        let text = t.input.value();
        let Some(verdict) = &t.verdict else {
            return Vec::new();
        };
        match verdict.value {
            Some(v) if !verdict.canonical && text == t.value => {
                t.typed = Some(text);
                vec![Effect::Write(t.input.clone(), u64_string(v))]
            }
            _ => Vec::new(),
        }
    }

    /// A pointer pressed on a tracked number input: remember it for the focus that follows, and
    /// whether it was on the spin buttons (left to the browser). Notes are held still until the
    /// pointer is released (see `App::evaluate`).
    pub(super) fn on_pointerdown(&mut self, e: &Event) -> Vec<Effect> {
        self.popover_pointerdown(e);
        self.pointer_down = true;
        self.pointer_down_ticks = 0;
        self.pointer = dom::target_element(e)
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .filter(|i| self.index_of(i.as_ref()).is_some())
            .map(|i| {
                let spin = entry::on_spin_buttons(&i, e);
                (i, spin)
            });
        Vec::new()
    }

    /// The pointer released: the notes held back while it was down are drawn (the target of the
    /// click that follows is already decided).
    pub(super) fn on_pointerup(&mut self) -> Vec<Effect> {
        self.pointer_down = false;
        if std::mem::take(&mut self.render_pending) {
            self.evaluate();
        }
        Vec::new()
    }

    /// A release the page never reported (the pointer left the window): after a second.
    pub(super) fn release_stuck_pointer(&mut self) {
        if self.pointer_down {
            self.pointer_down_ticks += 1;
            if self.pointer_down_ticks > 2 {
                self.on_pointerup();
            }
        }
    }

    pub(super) fn on_focusin(&mut self, e: &Event) -> Vec<Effect> {
        let pointer = self.pointer.take();
        let Some(i) = dom::target_element(e).and_then(|t| self.index_of(&t)) else {
            return Vec::new();
        };
        let from_pointer =
            pointer.filter(|(p, _)| p.is_same_node(Some(self.tracked[i].input.as_ref())));
        let t = &mut self.tracked[i];
        if !from_pointer.as_ref().is_some_and(|(_, spin)| *spin) {
            t.entry.begin(&t.input, from_pointer.is_none());
        }
        t.focused = true;
        t.details = super::tracked::Details::Closed;
        self.evaluate();
        Vec::new()
    }

    pub(super) fn on_focusout(&mut self, e: &Event) -> Vec<Effect> {
        let Some(input) =
            dom::target_element(e).and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return self.on_note_focusout(e);
        };
        let Some(i) = self.index_of(input.as_ref()) else {
            return self.on_note_focusout(e);
        };
        let t = &mut self.tracked[i];
        t.focused = false;
        // Focus going into the field's own note (its "Less" button): the details stay open
        // until that button says otherwise.
        let into_note = dom::related_element(e)
            .is_some_and(|r| r.is_same_node(Some(t.note.shadow.host.as_ref())));
        if into_note && !t.details.is_open() {
            t.details = super::tracked::Details::OpenedByFocus;
        }
        // A number field cannot keep "24h": it is always converted when left; other fields
        // when the admin wants it (options).
        let numeric = t.entry.numeric;
        let mut effects = if self.config.convert_on_blur || numeric {
            self.convert(&input)
        } else {
            Vec::new()
        };
        if numeric {
            effects.push(Effect::EndEntry(input, self.tracked[i].entry.clone()));
        }
        self.evaluate();
        effects
    }

    /// Something pasted into a number field that has focus but is not in text entry yet (the
    /// admin reached it through its spin buttons): text entry first, so the paste arrives whole.
    pub(super) fn on_paste(&mut self, e: &Event) -> Vec<Effect> {
        if let Some(i) = dom::target_element(e).and_then(|t| self.index_of(&t)) {
            let t = &self.tracked[i];
            t.entry.begin(&t.input, false);
        }
        Vec::new()
    }

    /// Escape, ArrowUp and ArrowDown in a tracked field; `None` leaves the key to the Save guard.
    pub(super) fn entry_keydown(&mut self, e: &Event) -> Option<Vec<Effect>> {
        let kev = e.dyn_ref::<KeyboardEvent>()?;
        let i = dom::target_element(e).and_then(|t| self.index_of(&t))?;
        let key = kev.key();
        if key == "Escape" {
            let typed = self.tracked[i].typed.take();
            return Some(match typed {
                Some(typed) => {
                    e.prevent_default();
                    e.stop_immediate_propagation();
                    vec![Effect::Write(self.tracked[i].input.clone(), typed)]
                }
                None => Vec::new(),
            });
        }
        let effects = self.entry_key(i, kev, &key)?;
        e.prevent_default();
        Some(effects)
    }

    /// Keys of a number field in text entry: ArrowUp/ArrowDown step its value as the number input
    /// would; a character a number input refuses, typed where text entry has not begun (the
    /// admin came in through the spin buttons), begins it first. `Some` when the key is handled.
    fn entry_key(&mut self, i: usize, kev: &KeyboardEvent, key: &str) -> Option<Vec<Effect>> {
        let t = &self.tracked[i];
        if !t.entry.numeric || kev.ctrl_key() || kev.meta_key() || kev.alt_key() {
            return None;
        }
        if !t.entry.active(&t.input) {
            let refused = key.chars().count() == 1 && !key.chars().all(|c| c.is_ascii_digit());
            if refused {
                t.entry.begin(&t.input, false);
            }
            return None;
        }
        let up = match key {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return None,
        };
        let text = t.input.value();
        let current = if text.trim().is_empty() {
            0
        } else {
            let v = t.verdict.as_ref().and_then(|v| v.value)?;
            i64::try_from(v).ok()?
        };
        let attr = |name: &str| t.input.get_attribute(name).unwrap_or_default();
        let next =
            crate::number_field::stepped(current, up, &attr("step"), &attr("min"), &attr("max"));
        Some(vec![Effect::Write(t.input.clone(), i64_string(next))])
    }
}
