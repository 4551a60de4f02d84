//! Evaluation: the page rules (`crate::page`) over the tracked fields, rendered into their notes
//! and ARIA state, and the message by Save kept in step.

use super::app::{App, Effect};
use super::detect;
use super::tracked::Tracked;
use crate::page::{self, PageField};
use crate::view;

impl App {
    /// Checks every tracked field against the others by the page rules (`crate::page`) and
    /// re-renders what changed.
    pub(super) fn evaluate(&mut self) {
        if !self.config.enabled {
            self.reset();
            return;
        }
        self.ctx.api_identifier = self
            .identifier
            .as_ref()
            .filter(|e| e.is_connected())
            .and_then(detect::read_identifier);
        for t in &mut self.tracked {
            t.value = t.input.value();
        }
        let switched_off: Vec<&str> = self
            .toggles
            .iter()
            .filter(|(_, toggle)| toggle.is_connected() && !detect::toggle_on(toggle))
            .map(|(field, _)| field.id)
            .collect();
        let fields: Vec<PageField> = self.tracked.iter().map(Tracked::page_field).collect();
        let outcomes = page::evaluate(&fields, &switched_off, &mut self.ctx);
        for (i, outcome) in outcomes.into_iter().enumerate() {
            // The field the fix changes, named by its label as the page shows it.
            let fix_text = outcome.fix.map(|fix| {
                let label = self
                    .tracked_field(fix.field)
                    .map_or(fix.field, |o| o.label.as_str());
                let unit =
                    crate::catalog::field(fix.field).map_or(self.tracked[i].field.unit, |f| f.unit);
                view::fix_button(label, fix.value, unit)
            });
            let t = &mut self.tracked[i];
            t.keep_described();
            t.fix = outcome.fix;
            let mut note = view::note(&outcome.verdict, t.field.flows, t.typed.as_deref());
            note.compact = view::is_compact(outcome.verdict.level, t.focused, t.details.is_open());
            note.fix = fix_text;
            if self.pointer_down {
                // A note that changes size between the press and the release of a button moves
                // that button from under the pointer (a Save click would miss): later.
                self.render_pending = true;
            } else {
                t.render(note);
            }
            t.show_verdict(outcome.verdict);
        }
        self.refresh_alert();
        // A token's line says whether it matches a setting on the page: it changes with the
        // notes, not a tick later under the pointer on its way to a button.
        if !self.tokens.is_empty() {
            self.show_tokens();
        }
    }

    /// [`App::evaluate`] as an event handler.
    pub(super) fn evaluate_now(&mut self) -> Vec<Effect> {
        self.evaluate();
        Vec::new()
    }
}
