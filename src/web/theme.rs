//! Light and dark: the notes and the message by Save follow the page's theme, however the page
//! switches it (classes or attributes on `<html>` and `<body>`, the system's colour scheme, or
//! style rules a CSS-in-JS theme inserts, which only the app's tick sees).

use super::app::{with_app, App, Effect};
use super::detect;
use super::scope::Scope;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserverInit, Window};

/// The attributes pages switch themes with.
fn theme_attributes() -> MutationObserverInit {
    let theme = MutationObserverInit::new();
    theme.set_attributes(true);
    theme.set_attribute_filter(&js_sys::Array::of3(
        &"class".into(),
        &"style".into(),
        &"data-theme".into(),
    ));
    theme
}

/// Follows `<html>`'s theme attributes and the system's colour scheme; `<body>`'s are followed
/// once it exists ([`App::watch_body`]).
pub fn listen(scope: &mut Scope, window: &Window, root: &Element) -> Result<(), JsValue> {
    scope.observe(root, &theme_attributes(), |_, _| with_app(App::on_theme))?;
    if let Ok(Some(scheme)) = window.match_media("(prefers-color-scheme: dark)") {
        scope.capture(&scheme, "change", |_| with_app(App::on_theme));
    }
    Ok(())
}

impl App {
    /// Observes `<body>`'s theme attributes, once: the guard starts while the page is parsed,
    /// before `<body>` exists, and the first mutation batch after it arrives comes here.
    pub(super) fn watch_body(&mut self) {
        if self.body_watched {
            return;
        }
        let Some(body) = self.doc.body() else { return };
        match self
            .scope
            .observe(&body, &theme_attributes(), |_, _| with_app(App::on_theme))
        {
            Ok(()) => self.body_watched = true,
            Err(e) => web_sys::console::warn_2(
                &"Lifetime Guard: could not follow the page's theme:".into(),
                &e,
            ),
        }
    }

    /// Reads the page's theme and repaints the notes and the message when it changed.
    pub(super) fn on_theme(&mut self) -> Vec<Effect> {
        let dark = detect::page_is_dark(&self.doc);
        if dark != self.dark {
            self.dark = dark;
            for t in &self.tracked {
                t.note.shadow.set_theme(dark);
            }
            if let Some(a) = &self.alert {
                a.shadow.set_theme(dark);
            }
            for line in &self.tokens {
                line.set_theme(dark);
            }
            self.popover_theme();
        }
        Vec::new()
    }
}
