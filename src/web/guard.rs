//! The Save guard: a Save clicked, activated with Enter or Space, or a form submitted, is stopped
//! while a field it sends blocks (`crate::page::first_blocking`), with the message next to Save
//! for as long as something blocks. Valid saves pass untouched.

use super::app::{App, Effect};
use super::detect::{control_of, is_save_control, submits_form};
use super::dom;
use super::note::Alert;
use super::selectors::{FORM_CONTROLS, SAVE_CANDIDATES};
use crate::page;
use crate::view;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, HtmlElement, HtmlFormElement, HtmlInputElement, KeyboardEvent, SubmitEvent,
};

impl App {
    /// A click: guarded when it activates a Save.
    pub(super) fn guard_click(&mut self, e: &Event) -> Vec<Effect> {
        let control = dom::target_element(e).and_then(|t| control_of(&t));
        self.activate(e, control)
    }

    /// Enter in a text field (it submits its form, or triggers Save in many apps), and Enter or
    /// Space on a button.
    pub(super) fn guard_keydown(&mut self, e: &Event) -> Vec<Effect> {
        let (Some(kev), Some(target)) = (e.dyn_ref::<KeyboardEvent>(), dom::target_element(e))
        else {
            return Vec::new();
        };
        let is_input = target.dyn_ref::<HtmlInputElement>().is_some();
        let activates = match kev.key().as_str() {
            "Enter" => true,
            " " | "Spacebar" => !is_input,
            _ => false,
        };
        if !activates {
            return Vec::new();
        }
        if !is_input {
            return self.activate(e, control_of(&target));
        }
        // Outside a form only Enter in a lifetime field itself is guarded, never in a search box.
        let tracked = self.index_of(&target);
        let scope = match (target.closest("form").ok().flatten(), tracked) {
            (Some(form), _) => form,
            (None, Some(_)) => target.clone(),
            (None, None) => return Vec::new(),
        };
        // What the admin typed is converted first, so the app saves the whole number.
        let mut effects = tracked.map_or_else(Vec::new, |i| {
            let input = self.tracked[i].input.clone();
            self.convert(&input)
        });
        effects.extend(self.guard(e, &scope, None));
        effects
    }

    pub(super) fn on_submit(&mut self, e: &Event) -> Vec<Effect> {
        let Some(form) = dom::target_element(e).and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return Vec::new();
        };
        let submitter = e
            .dyn_ref::<SubmitEvent>()
            .and_then(SubmitEvent::submitter)
            .and_then(|s| s.dyn_into::<Element>().ok());
        let form: Element = form.into();
        self.guard(e, &form, submitter.as_ref())
    }

    /// A button activated (clicked, or Enter/Space on it): guards what it sends when it is a Save
    /// or submits a form (see [`save_scope`]).
    fn activate(&mut self, e: &Event, control: Option<Element>) -> Vec<Effect> {
        match control.as_ref().and_then(save_scope) {
            Some(scope) => self.guard(e, &scope, control.as_ref()),
            None => Vec::new(),
        }
    }

    /// Stops the event when a field inside `scope` (what this Save sends) blocks the save; lets
    /// it through untouched otherwise.
    fn guard(&mut self, e: &Event, scope: &Element, save: Option<&Element>) -> Vec<Effect> {
        if !self.config.enabled || !self.config.guard_save || self.tracked.is_empty() {
            return Vec::new();
        }
        // Values may have changed without an event since the last evaluation.
        self.evaluate();
        let blocks = self.tracked.iter().map(|t| t.blocks());
        let sent = |i: usize| scope.contains(Some(self.tracked[i].input.as_ref()));
        let Some(first) = page::first_blocking(blocks, sent) else {
            return Vec::new();
        };
        let focus: HtmlElement = self.tracked[first].input.clone().into();
        e.prevent_default();
        e.stop_immediate_propagation();
        if let Some(anchor) = save.cloned().or_else(|| find_save(scope)) {
            self.show_alert(&anchor);
        }
        self.refresh_alert();
        vec![Effect::Focus(focus)]
    }

    /// Puts the message next to `anchor`, the Save that was stopped (once per Save).
    fn show_alert(&mut self, anchor: &Element) {
        let same = self
            .alert
            .as_ref()
            .is_some_and(|a| a.anchor.is_same_node(Some(anchor.as_ref())));
        if same {
            return;
        }
        self.dismiss_alert();
        match Alert::new(anchor) {
            Ok(a) => {
                a.shadow.set_theme(self.dark);
                self.alert = Some(a);
            }
            Err(err) => web_sys::console::warn_2(
                &"Lifetime Guard: could not show the save message:".into(),
                &err,
            ),
        }
    }

    /// Keeps the message next to Save in step with the fields: gone once nothing blocks or its
    /// Save left the page.
    pub(super) fn refresh_alert(&mut self) {
        let Some(alert) = &self.alert else { return };
        let lines: Vec<String> = self
            .tracked
            .iter()
            .filter(|t| t.blocks())
            .filter_map(|t| t.verdict.as_ref().map(|v| view::blocked_line(&t.label, v)))
            .collect();
        if lines.is_empty() || !alert.anchor.is_connected() {
            self.dismiss_alert();
            return;
        }
        let _ = alert.render(&view::blocked_heading(lines.len()), &lines);
    }

    /// Removes the message next to Save, if it is shown.
    pub(super) fn dismiss_alert(&mut self) {
        if let Some(alert) = self.alert.take() {
            alert.shadow.remove();
        }
    }
}

/// What a Save control sends: its form when it submits one, otherwise the nearest container
/// of the control that holds form controls (a section with its own Save). `None` for a button
/// that neither submits a form nor reads "Save".
fn save_scope(control: &Element) -> Option<Element> {
    if submits_form(control) {
        let owner = control
            .get_attribute("form")
            .and_then(|id| control.owner_document()?.get_element_by_id(&id))
            .or_else(|| control.closest("form").ok().flatten());
        if owner.is_some() {
            return owner;
        }
    }
    // Any other button is only a Save when it says so.
    if !is_save_control(control) {
        return None;
    }
    let mut node = control.parent_element();
    while let Some(n) = node {
        if n.query_selector(FORM_CONTROLS).ok().flatten().is_some() {
            return Some(n);
        }
        node = n.parent_element();
    }
    None
}

/// The Save control inside `container`, for the message after Enter or a form submit.
fn find_save(container: &Element) -> Option<Element> {
    let list = container.query_selector_all(SAVE_CANDIDATES).ok()?;
    let mut fallback = None;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if is_save_control(&el) {
            return Some(el);
        }
        if fallback.is_none() && submits_form(&el) {
            fallback = Some(el);
        }
    }
    fallback
}
