//! The coordinator of the guard on one page: its state, the one table of events it listens for,
//! and the effects handlers ask for. Each concern lives in a file of its own:
//!
//! | concern | file |
//! |---|---|
//! | which inputs are lifetime fields, their notes and ARIA state | `tracked.rs` |
//! | the single-page app's mutations: reading the records, applying them | `mutations.rs` |
//! | the verdicts of the page, rendered into the notes | `evaluate.rs` (rules in `crate::page`) |
//! | words typed into number fields: focus, paste, arrows, Escape, conversion | `text_entry.rs` |
//! | the notes' buttons and their details | `note_actions.rs` (drawing: `note.rs`) |
//! | the Save guard: click, Enter/Space, submit, what a Save sends, the message by Save | `guard.rs` |
//! | light and dark | `theme.rs` |
//! | what the popup asks for | `status.rs` |
//! | the CSS selectors | `selectors.rs` |

use super::dom;
use super::note::Alert;
use super::scope::Scope;
use super::tracked::Tracked;
use crate::catalog::Field;
use crate::policy::Policy;
use crate::text::joined;
use crate::verdict::Context;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement};

/// What a handler does with the app, run when the app is free.
type Task = Box<dyn FnOnce(&mut App) -> Vec<Effect>>;

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    /// Events that arrived while the app was busy (a handler's own DOM work fired them): handled
    /// as soon as it is free, in order, never dropped.
    static PENDING: RefCell<VecDeque<Task>> = const { RefCell::new(VecDeque::new()) };
}

/// DOM work that must happen after the app's state is released, because it fires events that
/// come back into the app (writing a value dispatches `input`; focusing fires `focusout`).
pub(super) enum Effect {
    Write(HtmlInputElement, String),
    Focus(HtmlElement),
    /// A number input in text entry goes back to `type="number"` (after a conversion).
    EndEntry(HtmlInputElement, super::entry::Entry),
}

fn run(effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Write(input, value) => {
                if let Err(e) = dom::set_value_react_safe(&input, &value) {
                    web_sys::console::warn_2(
                        &"Lifetime Guard: could not write the converted value:".into(),
                        &e,
                    );
                }
            }
            Effect::Focus(el) => {
                let _ = el.focus();
            }
            Effect::EndEntry(input, entry) => {
                // Not while the field still has focus: a blocked save moves focus back to it.
                if !dom::has_focus(&input) {
                    entry.end(&input);
                }
            }
        }
    }
}

/// Runs `task` on the app, if it is running, then the effects it asked for. An event that comes
/// while the app is busy waits in [`PENDING`] and runs right after the task that fired it.
pub(super) fn with_app(task: impl FnOnce(&mut App) -> Vec<Effect> + 'static) {
    with_app_boxed(Box::new(task));
}

/// The one non-generic body behind [`with_app`], so each handler does not get its own copy.
fn with_app_boxed(task: Task) {
    let effects = APP.with(|cell| {
        let Ok(mut guard) = cell.try_borrow_mut() else {
            PENDING.with(|p| p.borrow_mut().push_back(task));
            return Vec::new();
        };
        let Some(app) = guard.as_mut() else {
            return Vec::new();
        };
        let mut effects = task(app);
        while let Some(next) = PENDING.with(|p| p.borrow_mut().pop_front()) {
            effects.extend(next(app));
        }
        effects
    });
    run(effects);
}

/// Settings the extension passes in, from `storage.sync` and `storage.managed`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The master switch.
    pub enabled: bool,
    /// Write the whole number into the field when the admin leaves it.
    pub convert_on_blur: bool,
    /// Stop saves while a value is invalid.
    pub guard_save: bool,
    /// Show a selected number or duration in words (the popover by a selection).
    pub selection_popover: bool,
    /// The organisation's policy.
    pub policy: Option<Policy>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            enabled: true,
            convert_on_blur: true,
            guard_save: true,
            selection_popover: true,
            policy: None,
        }
    }
}

/// The guard's state on one page.
pub struct App {
    pub(super) config: Config,
    pub(super) doc: Document,
    pub(super) url: String,
    pub(super) tracked: Vec<Tracked>,
    pub(super) toggles: Vec<(&'static Field, Element)>,
    /// Policy, API identifier, siblings and switched-off fields for the verdicts; one context
    /// lives as long as the app (rebuilding it per keystroke cloned the policy).
    pub(super) ctx: Context,
    /// Where the page shows the API identifier; read at every evaluation, because apps fill it
    /// in after rendering and reuse it across client-side navigations.
    pub(super) identifier: Option<Element>,
    pub(super) dark: bool,
    /// The message next to the Save that was stopped.
    pub(super) alert: Option<Alert>,
    pub(super) next_id: u32,
    /// The number input a pointer was just pressed on, and whether on its spin buttons: the
    /// focus that follows comes from the pointer, not the keyboard.
    pub(super) pointer: Option<(HtmlInputElement, bool)>,
    /// A pointer button is down: notes are not re-rendered until it is released.
    pub(super) pointer_down: bool,
    pub(super) pointer_down_ticks: u8,
    pub(super) render_pending: bool,
    /// `<body>`'s theme attributes are observed (it does not exist yet at `document_start`).
    pub(super) body_watched: bool,
    /// The lines beside the page's tokens; the page changed since they were drawn; when.
    pub(super) tokens: Vec<super::tokens::TokenLine>,
    pub(super) tokens_dirty: bool,
    pub(super) tokens_scanned: f64,
    pub(super) popover: Option<super::popover::Popover>,
    pub(super) scope: Scope,
}

impl Drop for App {
    fn drop(&mut self) {
        self.reset();
    }
}

/// Starts the guard on this page. Starting twice is a no-op.
pub fn start(config: Config) -> Result<(), JsValue> {
    let doc = dom::document().ok_or("no document")?;
    let running = APP.with(|cell| cell.try_borrow().map(|a| a.is_some()).unwrap_or(true));
    if running {
        return Ok(());
    }
    // Notes left by an earlier instance of the extension (before an update) are orphans now.
    if let Ok(old) = doc.query_selector_all(&joined(dom::OUR_TAGS, ", ")) {
        for i in 0..old.length() {
            if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
    let scope = listen(&doc)?;
    let ctx = Context {
        policy: config.policy.clone(),
        ..Context::default()
    };
    let app = App {
        config,
        url: dom::location(),
        doc,
        tracked: Vec::new(),
        toggles: Vec::new(),
        ctx,
        identifier: None,
        dark: false,
        alert: None,
        next_id: 0,
        pointer: None,
        pointer_down: false,
        pointer_down_ticks: 0,
        render_pending: false,
        body_watched: false,
        tokens: Vec::new(),
        tokens_dirty: true,
        tokens_scanned: 0.0,
        popover: None,
        scope,
    };
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(app);
        }
    });
    with_app(|app| {
        app.watch_body();
        app.scan_all();
        Vec::new()
    });
    Ok(())
}

/// Stops the guard: every note, attribute, listener and observer is removed.
pub fn stop() {
    let app = APP.with(|cell| cell.try_borrow_mut().ok().and_then(|mut a| a.take()));
    drop(app);
    PENDING.with(|p| p.borrow_mut().clear());
}

/// Applies new settings to the running guard.
pub fn configure(config: Config) {
    with_app(move |app| {
        let was_enabled = app.config.enabled;
        app.ctx.policy = config.policy.clone();
        app.config = config;
        if app.config.enabled && !was_enabled {
            app.scan_all();
        } else {
            app.evaluate();
        }
        Vec::new()
    });
}

/// Reads the app without changing it (for the popup), or `None` when it is busy or stopped.
pub(super) fn read_app<T>(f: impl FnOnce(Option<&App>) -> T) -> Result<T, JsValue> {
    APP.with(|cell| {
        let guard = cell.try_borrow().map_err(|_| JsValue::from_str("busy"))?;
        Ok(f(guard.as_ref()))
    })
}

/// What the guard does with one window event.
type Handler = fn(&mut App, &Event) -> Vec<Effect>;

/// The events the guard listens for on the window, in the capture phase, each with its handler.
const WINDOW_EVENTS: &[(&str, Handler)] = &[
    ("input", App::on_input),
    ("change", |app, _| app.evaluate_now()),
    ("focusin", App::on_focusin),
    ("focusout", App::on_focusout),
    ("pointerdown", App::on_pointerdown),
    ("pointerup", |app, _| {
        let effects = app.on_pointerup();
        app.on_selection();
        effects
    }),
    ("selectionchange", |app, _| {
        app.on_selection();
        Vec::new()
    }),
    ("scroll", |app, _| {
        app.place_popover();
        Vec::new()
    }),
    ("resize", |app, _| {
        app.place_popover();
        Vec::new()
    }),
    ("pointercancel", |app, _| app.on_pointerup()),
    ("paste", App::on_paste),
    ("keydown", App::on_keydown),
    ("click", App::on_click),
    ("submit", App::on_submit),
    ("popstate", |app, _| app.on_navigation()),
    ("hashchange", |app, _| app.on_navigation()),
];

/// Installs the page-wide listeners and observers. All of them belong to the returned scope.
fn listen(doc: &Document) -> Result<Scope, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let mut scope = Scope::default();
    for &(event, handler) in WINDOW_EVENTS {
        scope.capture(&window, event, move |e| {
            let e = e.clone();
            with_app(move |app| handler(app, &e));
        });
    }
    let root = doc.document_element().ok_or("no root element")?;
    scope.observe(&root, &super::mutations::observed(), |records, _| {
        with_app(move |app| app.on_mutations(&records))
    })?;
    super::theme::listen(&mut scope, &window, &root)?;
    // Frameworks set values without events (loading saved settings), and CSS-in-JS themes switch
    // by inserting style rules, which no observer sees: poll the few tracked inputs and the theme.
    scope.every(400, || with_app(App::on_tick))?;
    Ok(scope)
}

impl App {
    /// Removes every note and restores every attribute.
    pub(super) fn reset(&mut self) {
        for t in self.tracked.drain(..) {
            t.release();
        }
        self.dismiss_alert();
        self.toggles.clear();
        self.remove_tokens();
        self.remove_popover();
    }

    fn on_input(&mut self, e: &Event) -> Vec<Effect> {
        let Some(i) = dom::target_element(e).and_then(|t| self.index_of(&t)) else {
            // A toggle or an unrelated field: relations and toggles may still change.
            if !self.toggles.is_empty() {
                self.evaluate();
            }
            return Vec::new();
        };
        if e.is_trusted() {
            // The admin typed something new: Escape no longer restores an older text.
            self.tracked[i].typed = None;
        }
        self.evaluate_now()
    }

    /// Keys go to text entry first (Escape, arrows), then to the Save guard (Enter, Space).
    /// Escape also closes the popover by a selection.
    fn on_keydown(&mut self, e: &Event) -> Vec<Effect> {
        self.popover_keydown(e);
        match self.entry_keydown(e) {
            Some(effects) => effects,
            None => self.guard_keydown(e),
        }
    }

    /// A click on a note's button acts on its field; any other click may be a Save.
    fn on_click(&mut self, e: &Event) -> Vec<Effect> {
        if self.popover_click(e) {
            return Vec::new();
        }
        match self.note_click(e) {
            Some(effects) => effects,
            None => self.guard_click(e),
        }
    }

    pub(super) fn on_navigation(&mut self) -> Vec<Effect> {
        let url = dom::location();
        if url != self.url {
            self.url = url;
            self.reset();
            self.identifier = None;
            self.scan_all();
        }
        Vec::new()
    }

    fn on_tick(&mut self) -> Vec<Effect> {
        self.watch_body();
        if dom::location() != self.url {
            return self.on_navigation();
        }
        self.release_stuck_pointer();
        let changed = self
            .tracked
            .iter()
            .any(|t| t.input.value() != t.value || !t.note.shadow.host.is_connected());
        if changed {
            self.revalidate(false);
            self.evaluate();
        }
        if self.config.enabled {
            self.tokens_tick();
        }
        self.on_theme()
    }
}
