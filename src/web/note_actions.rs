//! What the buttons of a note do (Use, the fix, Details), and its details closed again when
//! focus leaves a note it had opened. The buttons are drawn by `note.rs`, beside their
//! [`NoteAction`]s, so drawing and handling cannot drift apart.

use super::app::{App, Effect};
use super::dom;
use super::note::NoteAction;
use super::tracked::Details;
use crate::text::u64_string;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, Node, ShadowRoot};

impl App {
    /// A click on a button of a note, or `None` for any other click. The note's buttons are in
    /// its shadow root: the window sees the click first (in the capture phase), with the button
    /// at the start of its composed path.
    pub(super) fn note_click(&mut self, e: &Event) -> Option<Vec<Effect>> {
        let button = dom::target_element(e)?.closest("button").ok()??;
        let host = button.get_root_node().dyn_into::<ShadowRoot>().ok()?.host();
        let input = self
            .tracked
            .iter()
            .find(|t| t.note.shadow.host.is_same_node(Some(host.as_ref())))?
            .input
            .clone();
        Some(match NoteAction::of(&button) {
            Some(NoteAction::Convert) => self.convert(&input),
            Some(NoteAction::Fix) => self.apply_fix(&input),
            Some(NoteAction::Details) => self.toggle_details(&input),
            None => Vec::new(),
        })
    }

    /// Writes the fix a note offers (the other field of a broken relation set to this one's
    /// limit), the React-safe way.
    fn apply_fix(&mut self, from: &HtmlInputElement) -> Vec<Effect> {
        let Some(fix) = self
            .index_of(from.as_ref())
            .and_then(|i| self.tracked[i].fix)
        else {
            return Vec::new();
        };
        match self.tracked_field(fix.field) {
            Some(t) => vec![Effect::Write(t.input.clone(), u64_string(fix.value))],
            None => Vec::new(),
        }
    }

    /// Opens or closes a note's details ("Details" / "Less").
    fn toggle_details(&mut self, input: &HtmlInputElement) -> Vec<Effect> {
        if let Some(i) = self.index_of(input.as_ref()) {
            let t = &mut self.tracked[i];
            t.details = if t.details.is_open() {
                Details::Closed
            } else {
                Details::Opened
            };
            self.evaluate();
        }
        Vec::new()
    }

    /// Focus leaving a note for anything but its field closes the details it opened.
    pub(super) fn on_note_focusout(&mut self, e: &Event) -> Vec<Effect> {
        let Some(host) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Vec::new();
        };
        let related = dom::related_element(e);
        let t = self.tracked.iter_mut().find(|t| {
            let h: &Node = t.note.shadow.host.as_ref();
            h.is_same_node(Some(host.as_ref()))
        });
        if let Some(t) = t {
            let to_field = related.is_some_and(|r| r.is_same_node(Some(t.input.as_ref())));
            if t.details == Details::OpenedByFocus && !to_field {
                t.details = Details::Closed;
                self.evaluate();
            }
        }
        Vec::new()
    }
}
