//! Tracking: which inputs of the page are lifetime fields (found by `detect`), each with its note
//! and the ARIA state the guard adds; scanning the page, taking a field on, letting it go.

use super::app::App;
use super::detect;
use super::dom::{self, add_token, remove_token};
use super::entry::Entry;
use super::note::Note;
use super::place;
use crate::catalog::Field;
use crate::page::PageField;
use crate::text::{concat, u64_string};
use crate::verdict::{Fix, Verdict};
use crate::view::NoteView;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement, Node};

/// Whether a note's details are open, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Details {
    Closed,
    /// The admin opened them (Details).
    Opened,
    /// Focus moved from the field into its note: they close when focus leaves the note.
    OpenedByFocus,
}

impl Details {
    pub fn is_open(self) -> bool {
        self != Details::Closed
    }
}

/// One lifetime input on the page and its note.
pub struct Tracked {
    pub field: &'static Field,
    /// The label as the page shows it.
    pub label: String,
    pub input: HtmlInputElement,
    pub note: Note,
    pub note_id: String,
    /// The page's own `aria-invalid`, put back when the guard lets go.
    original_invalid: Option<String>,
    /// What the admin had typed before the last conversion: Escape restores it.
    pub typed: Option<String>,
    /// The input's value at the last evaluation.
    pub value: String,
    pub verdict: Option<Verdict>,
    /// How the guard lets the admin type words into a `type="number"` field.
    pub entry: Entry,
    /// The field has focus: its note shows everything.
    pub focused: bool,
    pub details: Details,
    /// The change the note offers to clear a broken relation.
    pub fix: Option<Fix>,
}

impl Tracked {
    /// The field as the page rules see it.
    pub fn page_field(&self) -> PageField<'_> {
        PageField {
            field: self.field,
            value: &self.value,
            locked: dom::locked(&self.input),
        }
    }

    pub fn blocks(&self) -> bool {
        self.verdict.as_ref().is_some_and(|v| v.blocks_save)
    }

    /// Puts the note's id back in the input's `aria-describedby` if the app took it out (apps
    /// that regenerate ids rewrite the attribute).
    pub fn keep_described(&self) {
        add_token(&self.input, "aria-describedby", &self.note_id);
    }

    /// Draws `view` in the note.
    pub fn render(&mut self, view: NoteView) {
        if let Err(e) = self.note.render(view) {
            web_sys::console::warn_2(&"Lifetime Guard: could not render a note:".into(), &e);
        }
    }

    /// Keeps `verdict`, and says on the input whether it blocks a save (`aria-invalid`).
    pub fn show_verdict(&mut self, verdict: Verdict) {
        if verdict.blocks_save {
            let _ = self.input.set_attribute("aria-invalid", "true");
        } else {
            self.restore_invalid();
        }
        self.verdict = Some(verdict);
    }

    /// Lets go of the input: its note goes, its attributes are put back.
    pub fn release(&self) {
        self.entry.release(&self.input);
        self.note.shadow.remove();
        remove_token(&self.input, "aria-describedby", &self.note_id);
        self.restore_invalid();
    }

    /// Puts back the page's own `aria-invalid` (or its absence).
    fn restore_invalid(&self) {
        let _ = match &self.original_invalid {
            Some(v) => self.input.set_attribute("aria-invalid", v),
            None => self.input.remove_attribute("aria-invalid"),
        };
    }

    /// Puts the note below the whole field, after its helper text (see `place`).
    pub fn place_note(&self) -> Result<(), JsValue> {
        place::place(&self.input, &self.note.shadow.host)
    }
}

impl App {
    pub(super) fn index_of(&self, el: &Element) -> Option<usize> {
        self.tracked.iter().position(|t| {
            let node: &Node = t.input.as_ref();
            node.is_same_node(Some(el.as_ref()))
        })
    }

    /// The tracked field with the catalog id `id`: where a relation's fix is written.
    pub(super) fn tracked_field(&self, id: &str) -> Option<&Tracked> {
        self.tracked.iter().find(|t| t.field.id == id)
    }

    /// Takes on every lifetime field of the page, then evaluates.
    pub(super) fn scan_all(&mut self) {
        if !self.config.enabled {
            return;
        }
        self.dark = detect::page_is_dark(&self.doc);
        if let Some(root) = self.doc.document_element() {
            for input in detect::inputs_in(&root) {
                self.consider(&input);
            }
        }
        self.toggles = detect::find_toggles(&self.doc);
        self.evaluate();
        self.show_tokens();
    }

    /// Looks for the element showing the API identifier, unless the one found is still there.
    pub(super) fn find_identifier(&mut self) {
        if !self.identifier.as_ref().is_some_and(|e| e.is_connected()) {
            self.identifier = detect::api_identifier_element(&self.doc);
        }
    }

    /// Tracks `input` if it is a lifetime field and not tracked yet.
    pub(super) fn consider(&mut self, input: &HtmlInputElement) {
        if self.index_of(input.as_ref()).is_some() {
            return;
        }
        let Some((field, label)) = detect::detect_input(&self.doc, input) else {
            return;
        };
        if field.is_api_token_lifetime() {
            self.find_identifier();
        }
        // The page's theme as it is when its first field comes: the guard started before the
        // page had styles (later switches reach the notes through the theme observers).
        if self.tracked.is_empty() {
            self.on_theme();
        }
        self.next_id += 1;
        let note_id = concat(&["lifetime-guard-note-", &u64_string(u64::from(self.next_id))]);
        let Ok(note) = Note::new(&note_id) else {
            return;
        };
        note.shadow.set_theme(self.dark);
        let mut tracked = Tracked {
            field,
            label,
            original_invalid: input.get_attribute("aria-invalid"),
            value: input.value(),
            input: input.clone(),
            note,
            note_id,
            typed: None,
            verdict: None,
            entry: Entry::of(input),
            focused: false,
            details: Details::Closed,
            fix: None,
        };
        if tracked.place_note().is_err() {
            return;
        }
        add_token(input, "aria-describedby", &tracked.note_id);
        // Focus came before the guard (it was switched on, or the page focused the field as it
        // loaded): text entry begins now, the caret after what is there.
        if dom::has_focus(input) {
            tracked.focused = true;
            tracked.entry.begin_late(input);
        }
        self.tracked.push(tracked);
    }

    /// Drops tracked fields whose input left the page (or, with `relabel`, whose label no longer
    /// names a lifetime), and puts back notes the app's re-render removed.
    pub(super) fn revalidate(&mut self, relabel: bool) {
        let doc = self.doc.clone();
        let mut i = 0;
        while i < self.tracked.len() {
            let t = &self.tracked[i];
            let keep = t.input.is_connected()
                && (!relabel
                    || detect::detect_input(&doc, &t.input)
                        .is_some_and(|(f, _)| f.id == t.field.id));
            if keep {
                // Back where it belongs when the app's re-render removed it or put a node of
                // its own (a helper text that appeared) after it.
                if !t.note.shadow.host.is_connected() || relabel {
                    let _ = t.place_note();
                }
                i += 1;
            } else {
                self.tracked.remove(i).release();
            }
        }
    }
}
