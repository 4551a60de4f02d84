//! The running guard on one page: which fields are tracked, their notes, the save guard, and
//! the reaction to the single-page app's mutations and navigations.

use super::content::Config;
use super::detect::{self, control_of, is_save_control, submits_form};
use super::dom::{self, add_token, remove_token};
use super::entry::{self, Entry};
use super::note::{Alert, Note};
use super::place;
use super::scope::Scope;
use crate::catalog::Field;
use crate::json::Json;
use crate::text::{concat, i64_string, u64_string};
use crate::verdict::{check_field, Context, Verdict};
use crate::view;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, HtmlElement, HtmlFormElement, HtmlInputElement, KeyboardEvent, Node,
    ShadowRoot, SubmitEvent,
};

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// DOM work that must happen after the app's state is released, because it fires events that
/// come back into the app (writing a value dispatches `input`; focusing fires `focusout`).
enum Effect {
    Write(HtmlInputElement, String),
    Focus(HtmlElement),
    /// A number input in text entry goes back to `type="number"` (after a conversion).
    EndEntry(HtmlInputElement, Entry),
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
                let focused = dom::document()
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| a.is_same_node(Some(input.as_ref())));
                if !focused {
                    entry.end(&input);
                }
            }
        }
    }
}

/// Runs `f` on the app, if it is running and not already busy (a re-entrant event), then runs
/// the effects it asked for.
fn with_app(mut f: impl FnMut(&mut App) -> Vec<Effect>) {
    with_app_dyn(&mut f);
}

/// The one non-generic body behind [`with_app`], so each handler does not get its own copy.
fn with_app_dyn(f: &mut dyn FnMut(&mut App) -> Vec<Effect>) {
    let effects = APP.with(|cell| match cell.try_borrow_mut() {
        Ok(mut guard) => guard.as_mut().map(f).unwrap_or_default(),
        Err(_) => Vec::new(),
    });
    run(effects);
}

/// One lifetime input on the page and its note.
struct Tracked {
    field: &'static Field,
    label: String,
    input: HtmlInputElement,
    note: Note,
    note_id: String,
    original_invalid: Option<String>,
    /// What the admin had typed before the last conversion: Escape restores it.
    typed: Option<String>,
    value: String,
    verdict: Option<Verdict>,
    /// How the guard lets the admin type words into a `type="number"` field.
    entry: Entry,
    /// The field has focus: its note shows everything.
    focused: bool,
    /// The note's details are open: the admin opened them, or focus moved from the field into
    /// the note (`opened_by_focus`, closed again when focus leaves the note).
    opened: bool,
    opened_by_focus: bool,
    /// The change the note offers to clear a broken relation: field id and value.
    fix: Option<(&'static str, u64)>,
}

impl Tracked {
    fn release(&self) {
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
    fn place_note(&self) -> Result<(), JsValue> {
        place::place(&self.input, &self.note.shadow.host)
    }

    /// A field the admin cannot edit now (disabled or read-only, as fields switched off are).
    fn switched_off(&self) -> bool {
        self.input.disabled() || self.input.read_only()
    }

    fn blocks(&self) -> bool {
        self.verdict.as_ref().is_some_and(|v| v.blocks_save)
    }
}

pub struct App {
    config: Config,
    doc: Document,
    url: String,
    tracked: Vec<Tracked>,
    toggles: Vec<(&'static Field, Element)>,
    /// Siblings, toggles, API identifier and policy for the verdicts.
    ctx: Context,
    /// Where the page shows the API identifier; read at every evaluation, because apps fill it
    /// in after rendering and reuse it across client-side navigations.
    identifier: Option<Element>,
    dark: bool,
    alert: Option<Alert>,
    next_id: u32,
    /// The number input a pointer was just pressed on, and whether on its spin buttons: the
    /// focus that follows comes from the pointer, not the keyboard.
    pointer: Option<(HtmlInputElement, bool)>,
    /// A pointer button is down: notes are not re-rendered until it is released.
    pointer_down: bool,
    pointer_down_ticks: u8,
    render_pending: bool,
    /// `<body>`'s theme attributes are observed (it does not exist yet at `document_start`).
    body_watched: bool,
    scope: Scope,
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
    if let Ok(old) = doc.query_selector_all(&concat(&[dom::NOTE_TAG, ", ", dom::ALERT_TAG])) {
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
        url: location(),
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
}

/// Applies new settings to the running guard.
pub fn configure(config: Config) {
    with_app(|app| {
        let was_enabled = app.config.enabled;
        app.config = config.clone();
        app.ctx.policy = config.policy.clone();
        if app.config.enabled && !was_enabled {
            app.scan_all();
        } else {
            app.evaluate();
        }
        Vec::new()
    });
}

/// The guard's state for the popup and the tests, as a plain object:
/// `{active, page, fields: [{field, label, input, level, blocks_save, equation, messages}],
/// blocking, listeners, observers, timers, memory_bytes}`. Built by hand: the content module
/// carries no serde serializer.
pub fn status() -> Result<JsValue, JsValue> {
    let text = APP.with(|cell| {
        let guard = cell.try_borrow().map_err(|_| JsValue::from_str("busy"))?;
        // `buffer` by name: under wasm2js the memory is a plain object, not a WebAssembly.Memory.
        let buffer =
            js_sys::Reflect::get(&wasm_bindgen::memory(), &JsValue::from_str("buffer")).ok();
        let memory_bytes = buffer
            .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok())
            .map_or(0, |b| u64::from(b.byte_length()));
        let mut j = Json::new();
        j.open('{').key("memory_bytes").num(memory_bytes);
        let Some(app) = guard.as_ref() else {
            j.key("active").bool(false);
            j.key("fields").open('[').close(']');
            j.close('}');
            return Ok::<_, JsValue>(j.finish());
        };
        let (listeners, observers, timers) = app.scope.counts();
        j.key("active").bool(app.config.enabled);
        j.key("page")
            .opt_str(crate::catalog::Page::of_url(&app.url).map(|p| p.code()));
        j.key("blocking")
            .bool(app.tracked.iter().any(Tracked::blocks));
        j.key("listeners").num(listeners as u64);
        j.key("observers").num(observers as u64);
        j.key("timers").num(timers as u64);
        j.key("fields").open('[');
        for t in &app.tracked {
            j.open('{');
            j.key("field").str(t.field.id);
            j.key("label").str(crate::view::display_label(&t.label));
            j.key("input").str(&t.value);
            if let Some(v) = &t.verdict {
                j.key("level").str(v.level.code());
                j.key("blocks_save").bool(v.blocks_save);
                j.key("equation").opt_str(v.equation().as_deref());
                j.key("messages").open('[');
                for m in &v.messages {
                    j.str(&m.text.render());
                }
                j.close(']');
            }
            j.close('}');
        }
        j.close(']').close('}');
        Ok(j.finish())
    })?;
    js_sys::JSON::parse(&text)
}

/// What the page report needs from this page (see `report.rs`), from what the guard tracks now.
pub fn snapshot() -> Result<JsValue, JsValue> {
    let doc = dom::document().ok_or("no document")?;
    let tracked: Vec<HtmlInputElement> = APP.with(|cell| {
        cell.try_borrow()
            .ok()
            .and_then(|a| {
                a.as_ref()
                    .map(|a| a.tracked.iter().map(|t| t.input.clone()).collect())
            })
            .unwrap_or_default()
    });
    super::report::snapshot(&doc, &location(), &tracked)
}

fn location() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// What the guard does with one window event.
type Handler = fn(&mut App, &Event) -> Vec<Effect>;

/// The events the guard listens for on the window, in the capture phase, each with its handler.
const WINDOW_EVENTS: &[(&str, Handler)] = &[
    ("input", App::on_input),
    ("change", |app, _| app.on_change()),
    ("focusin", App::on_focusin),
    ("focusout", App::on_focusout),
    ("pointerdown", App::on_pointerdown),
    ("pointerup", |app, _| app.on_pointerup()),
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
    // One closure type for every event, holding its handler: a closure per event type was a
    // copy of the listener's setup each in the module every page loads.
    for &(event, handler) in WINDOW_EVENTS {
        scope.capture(&window, event, move |e| with_app(|app| handler(app, e)));
    }
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_character_data(true);
    init.set_attributes(true);
    // aria-describedby: frameworks that regenerate ids (Cosmos does on every render) rewrite it
    // and drop the note's id, which must then be put back.
    // disabled/readonly: a switch turned a field off or on.
    let attributes = [
        "aria-checked",
        "for",
        "aria-labelledby",
        "aria-describedby",
        "disabled",
        "readonly",
    ];
    init.set_attribute_filter(
        &attributes
            .iter()
            .map(|a| JsValue::from_str(a))
            .collect::<js_sys::Array>(),
    );
    let root = doc.document_element().ok_or("no root element")?;
    scope.observe(&root, &init, |records, _| {
        with_app(|app| app.on_mutations(&records))
    })?;
    // Theme switches: classes and attributes on <html>, and on <body> once it exists
    // (`App::watch_body`: the guard starts before the parser has made it).
    scope.observe(&root, &theme_attributes(), |_, _| with_app(App::on_theme))?;
    // The system's colour scheme: pages that follow it change theme with it.
    if let Ok(Some(scheme)) = window.match_media("(prefers-color-scheme: dark)") {
        scope.capture(&scheme, "change", |_| with_app(App::on_theme));
    }
    // Frameworks set values without events (loading saved settings), and CSS-in-JS themes switch
    // by inserting style rules, which no observer sees: poll the few tracked inputs and the theme.
    scope.every(400, || with_app(App::on_tick))?;
    Ok(scope)
}

/// What the theme observers watch: the attributes pages switch themes with.
fn theme_attributes() -> web_sys::MutationObserverInit {
    let theme = web_sys::MutationObserverInit::new();
    theme.set_attributes(true);
    theme.set_attribute_filter(&js_sys::Array::of3(
        &"class".into(),
        &"style".into(),
        &"data-theme".into(),
    ));
    theme
}

/// Where focus goes to (`focusout`) or comes from (`focusin`), as seen from the page: a note's
/// host for anything inside its shadow root.
fn related_element(e: &Event) -> Option<Element> {
    e.dyn_ref::<web_sys::FocusEvent>()
        .and_then(web_sys::FocusEvent::related_target)
        .and_then(|r| r.dyn_into::<Element>().ok())
}

fn target_element(e: &Event) -> Option<Element> {
    // Events from inside a shadow root are retargeted to its host; composedPath()[0] is the
    // real origin, which is what a Save inside a web component needs.
    let path = e.composed_path();
    path.get(0)
        .dyn_into::<Element>()
        .ok()
        .or_else(|| e.target()?.dyn_into::<Element>().ok())
}

impl App {
    fn index_of(&self, el: &Element) -> Option<usize> {
        self.tracked.iter().position(|t| {
            let node: &Node = t.input.as_ref();
            node.is_same_node(Some(el.as_ref()))
        })
    }

    /// The tracked field with the catalog id `id`: where a relation's fix is written.
    fn tracked_field(&self, id: &str) -> Option<&Tracked> {
        self.tracked.iter().find(|t| t.field.id == id)
    }

    /// Removes every note and restores every attribute.
    fn reset(&mut self) {
        for t in self.tracked.drain(..) {
            t.release();
        }
        if let Some(alert) = self.alert.take() {
            alert.shadow.remove();
        }
        self.toggles.clear();
    }

    fn scan_all(&mut self) {
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
    }

    /// Observes `<body>`'s theme attributes, once: the guard starts while the page is parsed,
    /// before `<body>` exists, and the first mutation batch after it arrives comes here.
    fn watch_body(&mut self) {
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

    /// Looks for the element showing the API identifier, unless the one found is still there.
    fn find_identifier(&mut self) {
        if !self.identifier.as_ref().is_some_and(|e| e.is_connected()) {
            self.identifier = detect::api_identifier_element(&self.doc);
        }
    }

    /// Tracks `input` if it is a lifetime field and not tracked yet.
    fn consider(&mut self, input: &HtmlInputElement) {
        if self.index_of(input.as_ref()).is_some() {
            return;
        }
        let Some((field, label)) = detect::detect_input(&self.doc, input) else {
            return;
        };
        if field.is_api_token_lifetime() {
            self.find_identifier();
        }
        // The page's theme as it is now: the guard started before the page had styles.
        self.on_theme();
        self.next_id += 1;
        let note_id = concat(&["lifetime-guard-note-", &u64_string(self.next_id as u64)]);
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
            opened: false,
            opened_by_focus: false,
            fix: None,
        };
        if tracked.place_note().is_err() {
            return;
        }
        add_token(input, "aria-describedby", &tracked.note_id);
        // Focus came before the guard (it was switched on, or the page focused the field as it
        // loaded): text entry begins now, the caret after what is there.
        let focused = self
            .doc
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(input.as_ref())));
        if focused {
            tracked.focused = true;
            tracked.entry.begin_late(input);
        }
        self.tracked.push(tracked);
    }

    /// Checks every tracked field against the others and re-renders what changed.
    fn evaluate(&mut self) {
        if !self.config.enabled {
            self.reset();
            return;
        }
        // One context lives as long as the app: rebuilding it per keystroke cloned the policy.
        let ctx = &mut self.ctx;
        ctx.siblings.clear();
        ctx.disabled.clear();
        ctx.api_identifier = self
            .identifier
            .as_ref()
            .filter(|e| e.is_connected())
            .and_then(detect::read_identifier);
        for t in &mut self.tracked {
            t.value = t.input.value();
            ctx.siblings.insert(t.field.id.to_string(), t.value.clone());
        }
        for (field, toggle) in &self.toggles {
            if toggle.is_connected() && !detect::toggle_on(toggle) {
                ctx.disabled.push(field.id.to_string());
            }
        }
        for t in &self.tracked {
            if t.switched_off() && !ctx.disabled.iter().any(|d| d == t.field.id) {
                ctx.disabled.push(t.field.id.to_string());
            }
        }
        let mut verdicts: Vec<Verdict> = self
            .tracked
            .iter()
            .map(|t| check_field(t.field, &t.value, ctx))
            .collect();
        // A disabled input is not sent: whatever it holds, it never blocks.
        for (t, v) in self.tracked.iter().zip(verdicts.iter_mut()) {
            if t.switched_off() {
                v.blocks_save = false;
            }
        }
        // A broken relation's fix is offered on both of its fields.
        for i in 0..self.tracked.len() {
            let id = self.tracked[i].field.id;
            self.tracked[i].fix = self.tracked.iter().zip(&verdicts).find_map(|(o, v)| {
                let fix = v.fix?;
                let other = o.field.relations.iter().find(|r| r.blocks)?.at_most;
                (fix.field == id || other == id).then_some((fix.field, fix.value))
            });
        }
        for (i, verdict) in verdicts.into_iter().enumerate() {
            let t = &self.tracked[i];
            // The field the fix changes, named by its label as the page shows it.
            let fix_text = t.fix.map(|(target, value)| {
                let label = self
                    .tracked_field(target)
                    .map_or(target, |o| o.label.as_str());
                let unit = crate::catalog::field(target).map_or(t.field.unit, |f| f.unit);
                view::fix_button(label, value, unit)
            });
            let t = &mut self.tracked[i];
            add_token(&t.input, "aria-describedby", &t.note_id);
            let mut view = view::note(&verdict, t.field.flows, t.typed.as_deref());
            view.compact = view::is_compact(verdict.level, t.focused, t.opened);
            view.fix = fix_text;
            if self.pointer_down {
                // A note that changes size between the press and the release of a button moves
                // that button from under the pointer (a Save click would miss): later.
                self.render_pending = true;
            } else if let Err(e) = t.note.render(view) {
                web_sys::console::warn_2(&"Lifetime Guard: could not render a note:".into(), &e);
            }
            if verdict.blocks_save {
                let _ = t.input.set_attribute("aria-invalid", "true");
            } else {
                t.restore_invalid();
            }
            t.verdict = Some(verdict);
        }
        self.refresh_alert();
    }

    /// Keeps the message next to Save in step: gone once nothing blocks.
    fn refresh_alert(&mut self) {
        let Some(alert) = &self.alert else { return };
        let lines: Vec<String> = self
            .tracked
            .iter()
            .filter(|t| t.blocks())
            .filter_map(|t| t.verdict.as_ref().map(|v| view::blocked_line(&t.label, v)))
            .collect();
        if lines.is_empty() || !alert.anchor.is_connected() {
            if let Some(a) = self.alert.take() {
                a.shadow.remove();
            }
            return;
        }
        let _ = alert.render(&view::blocked_heading(lines.len()), &lines);
    }

    /// Writes the whole number for what was typed, remembering the text for Escape.
    fn convert(&mut self, input: &HtmlInputElement) -> Vec<Effect> {
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

    fn on_input(&mut self, e: &Event) -> Vec<Effect> {
        let Some(target) = target_element(e) else {
            return Vec::new();
        };
        let Some(i) = self.index_of(&target) else {
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
        self.evaluate();
        Vec::new()
    }

    /// Writes the fix a note offers (the other field of a broken relation set to this one's
    /// limit), the React-safe way.
    fn apply_fix(&mut self, from: &HtmlInputElement) -> Vec<Effect> {
        let Some((target, value)) = self
            .index_of(from.as_ref())
            .and_then(|i| self.tracked[i].fix)
        else {
            return Vec::new();
        };
        match self.tracked_field(target) {
            Some(t) => vec![Effect::Write(t.input.clone(), u64_string(value))],
            None => Vec::new(),
        }
    }

    /// Opens or closes a note's details ("Details" / "Less").
    fn toggle_details(&mut self, input: &HtmlInputElement) -> Vec<Effect> {
        if let Some(i) = self.index_of(input.as_ref()) {
            let t = &mut self.tracked[i];
            t.opened = !t.opened;
            t.opened_by_focus = false;
            self.evaluate();
        }
        Vec::new()
    }

    fn on_change(&mut self) -> Vec<Effect> {
        self.evaluate();
        Vec::new()
    }

    /// A pointer pressed on a tracked number input: remember it for the focus that follows, and
    /// whether it was on the spin buttons (left to the browser).
    /// The pointer released: the notes held back while it was down are drawn (the target of the
    /// click that follows is already decided).
    fn on_pointerup(&mut self) -> Vec<Effect> {
        self.pointer_down = false;
        if std::mem::take(&mut self.render_pending) {
            self.evaluate();
        }
        Vec::new()
    }

    fn on_pointerdown(&mut self, e: &Event) -> Vec<Effect> {
        self.pointer_down = true;
        self.pointer_down_ticks = 0;
        self.pointer = target_element(e)
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .filter(|i| self.index_of(i.as_ref()).is_some())
            .map(|i| {
                let spin = entry::on_spin_buttons(&i, e);
                (i, spin)
            });
        Vec::new()
    }

    fn on_focusin(&mut self, e: &Event) -> Vec<Effect> {
        let pointer = self.pointer.take();
        let Some(i) = target_element(e).and_then(|t| self.index_of(&t)) else {
            return Vec::new();
        };
        let from_pointer =
            pointer.filter(|(p, _)| p.is_same_node(Some(self.tracked[i].input.as_ref())));
        let t = &mut self.tracked[i];
        if !from_pointer.as_ref().is_some_and(|(_, spin)| *spin) {
            t.entry.begin(&t.input, from_pointer.is_none());
        }
        t.focused = true;
        t.opened = false;
        self.evaluate();
        Vec::new()
    }

    /// Focus leaving a note for anything but its field closes the details it opened.
    fn on_note_focusout(&mut self, e: &Event) -> Vec<Effect> {
        let Some(host) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Vec::new();
        };
        let related = related_element(e);
        let t = self.tracked.iter_mut().find(|t| {
            let h: &Node = t.note.shadow.host.as_ref();
            h.is_same_node(Some(host.as_ref()))
        });
        if let Some(t) = t {
            let to_field = related.is_some_and(|r| r.is_same_node(Some(t.input.as_ref())));
            if t.opened_by_focus && !to_field {
                t.opened = false;
                t.opened_by_focus = false;
                self.evaluate();
            }
        }
        Vec::new()
    }

    fn on_focusout(&mut self, e: &Event) -> Vec<Effect> {
        let Some(input) = target_element(e).and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
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
        let into_note =
            related_element(e).is_some_and(|r| r.is_same_node(Some(t.note.shadow.host.as_ref())));
        if into_note && !t.opened {
            t.opened = true;
            t.opened_by_focus = true;
        }
        // A number field cannot keep "24h": it is always converted when left; other fields
        // when the admin wants it (options).
        let numeric = self.tracked[i].entry.numeric;
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
    fn on_paste(&mut self, e: &Event) -> Vec<Effect> {
        if let Some(i) = target_element(e).and_then(|t| self.index_of(&t)) {
            let t = &self.tracked[i];
            t.entry.begin(&t.input, false);
        }
        Vec::new()
    }

    fn on_keydown(&mut self, e: &Event) -> Vec<Effect> {
        let Some(kev) = e.dyn_ref::<KeyboardEvent>() else {
            return Vec::new();
        };
        let key = kev.key();
        let Some(target) = target_element(e) else {
            return Vec::new();
        };
        let tracked = self.index_of(&target);
        if let Some(i) = tracked {
            if key == "Escape" {
                if let Some(typed) = self.tracked[i].typed.take() {
                    e.prevent_default();
                    e.stop_immediate_propagation();
                    return vec![Effect::Write(self.tracked[i].input.clone(), typed)];
                }
                return Vec::new();
            }
            if let Some(effects) = self.entry_key(i, kev, &key) {
                e.prevent_default();
                return effects;
            }
        }
        let is_input = target.dyn_ref::<HtmlInputElement>().is_some();
        let activates = match key.as_str() {
            "Enter" => true,
            " " | "Spacebar" => !is_input,
            _ => false,
        };
        if !activates {
            return Vec::new();
        }
        if is_input {
            // Enter in a text field submits its form (or, in many apps, triggers Save). Outside a
            // form only Enter in a lifetime field itself is guarded, never in a search box.
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
            return effects;
        }
        self.activate(e, control_of(&target))
    }

    /// A button activated (clicked, or Enter/Space on it): guards what it sends when it is a Save
    /// or submits a form (see [`save_scope`]).
    fn activate(&mut self, e: &Event, control: Option<Element>) -> Vec<Effect> {
        let Some(control) = control else {
            return Vec::new();
        };
        match save_scope(&control) {
            Some(scope) => self.guard(e, &scope, Some(&control)),
            None => Vec::new(),
        }
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

    fn on_click(&mut self, e: &Event) -> Vec<Effect> {
        let target = target_element(e);
        if let Some(effects) = target.as_ref().and_then(|t| self.note_button(t)) {
            return effects;
        }
        self.activate(e, target.and_then(|t| control_of(&t)))
    }

    /// What a click on a button of a note asks for (Use, the fix, Details), or `None` for any
    /// other click. The note's buttons are in its shadow root: the window sees the click first
    /// (in the capture phase), with the button at the start of its composed path.
    fn note_button(&mut self, target: &Element) -> Option<Vec<Effect>> {
        let button = target.closest("button").ok()??;
        let host = button.get_root_node().dyn_into::<ShadowRoot>().ok()?.host();
        let input = self
            .tracked
            .iter()
            .find(|t| t.note.shadow.host.is_same_node(Some(host.as_ref())))?
            .input
            .clone();
        Some(match button.class_name().as_str() {
            "convert" => self.convert(&input),
            "fix" => self.apply_fix(&input),
            "details" => self.toggle_details(&input),
            _ => Vec::new(),
        })
    }

    fn on_submit(&mut self, e: &Event) -> Vec<Effect> {
        let Some(form) = target_element(e).and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
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

    /// Stops the event when a field inside `scope` (what this Save sends) blocks the save; lets
    /// it through untouched otherwise.
    fn guard(&mut self, e: &Event, scope: &Element, save: Option<&Element>) -> Vec<Effect> {
        if !self.config.enabled || !self.config.guard_save || self.tracked.is_empty() {
            return Vec::new();
        }
        // Values may have changed without an event since the last evaluation.
        self.evaluate();
        // The first blocking field takes the focus.
        let Some(first) = self
            .tracked
            .iter()
            .find(|t| t.blocks() && scope.contains(Some(t.input.as_ref())))
        else {
            return Vec::new();
        };
        let html: HtmlElement = first.input.clone().into();
        e.prevent_default();
        e.stop_immediate_propagation();
        let anchor = save.cloned().or_else(|| find_save(scope));
        if let Some(anchor) = anchor {
            let same = self
                .alert
                .as_ref()
                .is_some_and(|a| a.anchor.is_same_node(Some(anchor.as_ref())));
            if !same {
                if let Some(old) = self.alert.take() {
                    old.shadow.remove();
                }
                match Alert::new(&anchor) {
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
        }
        self.refresh_alert();
        vec![Effect::Focus(html)]
    }

    fn on_navigation(&mut self) -> Vec<Effect> {
        let url = location();
        if url != self.url {
            self.url = url;
            self.reset();
            self.identifier = None;
            self.scan_all();
        }
        Vec::new()
    }

    fn on_theme(&mut self) -> Vec<Effect> {
        let dark = detect::page_is_dark(&self.doc);
        if dark != self.dark {
            self.dark = dark;
            for t in &self.tracked {
                t.note.shadow.set_theme(dark);
            }
            if let Some(a) = &self.alert {
                a.shadow.set_theme(dark);
            }
        }
        Vec::new()
    }

    fn on_tick(&mut self) -> Vec<Effect> {
        self.watch_body();
        if location() != self.url {
            return self.on_navigation();
        }
        // A release the page never reported (the pointer left the window): after a second.
        if self.pointer_down {
            self.pointer_down_ticks += 1;
            if self.pointer_down_ticks > 2 {
                self.on_pointerup();
            }
        }
        let changed = self
            .tracked
            .iter()
            .any(|t| t.input.value() != t.value || !t.note.shadow.host.is_connected());
        if changed {
            self.revalidate(false);
            self.evaluate();
        }
        self.on_theme()
    }

    /// Drops tracked fields whose input left the page (or whose label no longer names a
    /// lifetime), and puts back notes the app's re-render removed.
    fn revalidate(&mut self, relabel: bool) {
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

    fn on_mutations(&mut self, records: &js_sys::Array) -> Vec<Effect> {
        self.watch_body();
        if !self.config.enabled {
            return Vec::new();
        }
        if location() != self.url {
            return self.on_navigation();
        }
        let mut candidates: Vec<HtmlInputElement> = Vec::new();
        let mut relabel = false;
        let mut toggles_changed = false;
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
                continue;
            };
            match record.type_().as_str() {
                "childList" => {
                    let removed = record.removed_nodes();
                    for k in 0..removed.length() {
                        let ours = removed
                            .item(k)
                            .and_then(|n| n.dyn_into::<Element>().ok())
                            .is_some_and(|e| dom::is_ours(&e));
                        if !ours {
                            relabel = true;
                        }
                    }
                    let added = record.added_nodes();
                    for k in 0..added.length() {
                        let Some(node) = added.item(k) else { continue };
                        match node.dyn_into::<Element>() {
                            Ok(el) if dom::is_ours(&el) => {}
                            Ok(el) => {
                                let found = detect::inputs_in(&el);
                                if found.is_empty() {
                                    // A label, or the text next to an input, came (back). Only
                                    // then look around it: an unrelated node costs nothing more,
                                    // however large the page.
                                    if names_a_field(&el) {
                                        relabel = true;
                                        if let Some(parent) = el.parent_element() {
                                            candidates.extend(detect::inputs_near(&parent));
                                        }
                                    }
                                } else {
                                    toggles_changed |= found
                                        .iter()
                                        .any(|i| i.type_().eq_ignore_ascii_case("checkbox"));
                                    candidates.extend(found);
                                }
                                toggles_changed |= el
                                    .matches("[role=switch], button[aria-checked]")
                                    .unwrap_or(false)
                                    || el
                                        .query_selector("[role=switch], button[aria-checked]")
                                        .ok()
                                        .flatten()
                                        .is_some();
                            }
                            Err(node) => {
                                if let Some(parent) = node.parent_element().filter(names_a_field) {
                                    relabel = true;
                                    candidates.extend(detect::inputs_near(&parent));
                                }
                            }
                        }
                    }
                }
                "characterData" => {
                    if let Some(parent) = record.target().and_then(|t| t.parent_element()) {
                        // A label's text changed: it may now name a field, or no longer.
                        relabel = true;
                        if names_a_field(&parent) {
                            candidates.extend(detect::inputs_near(&parent));
                        }
                    }
                }
                "attributes" => {
                    let name = record.attribute_name().unwrap_or_default();
                    if name == "aria-checked" {
                        toggles_changed = true;
                    } else if ["aria-describedby", "disabled", "readonly"].contains(&name.as_str())
                    {
                        // Re-checked in evaluate() below (a switch turned its field off or on;
                        // the note's id put back); nothing else to look at.
                    } else if let Some(el) =
                        record.target().and_then(|t| t.dyn_into::<Element>().ok())
                    {
                        relabel = true;
                        if let Some(parent) = el.parent_element() {
                            candidates.extend(detect::inputs_near(&parent));
                        }
                    }
                }
                _ => {}
            }
        }
        let before = self.tracked.len();
        self.revalidate(relabel);
        for input in &candidates {
            self.consider(input);
        }
        if !candidates.is_empty() && self.tracked.iter().any(|t| t.field.is_api_token_lifetime()) {
            self.find_identifier();
        }
        if toggles_changed || self.tracked.len() != before {
            self.toggles = detect::find_toggles(&self.doc);
        }
        self.evaluate();
        Vec::new()
    }
}

/// True when an element's own short text is a lifetime label (or it is or holds a `<label>`),
/// so that only then the inputs around it are looked at.
fn names_a_field(el: &Element) -> bool {
    if el.tag_name().eq_ignore_ascii_case("label") {
        return true;
    }
    dom::label_text(el).is_some_and(|t| crate::catalog::match_label(&t).is_some())
        || el.query_selector("label").ok().flatten().is_some()
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
        if n.query_selector("input:not([type=hidden]), select, textarea")
            .ok()
            .flatten()
            .is_some()
        {
            return Some(n);
        }
        node = n.parent_element();
    }
    None
}

/// The Save control inside `container`, for the message after Enter or a form submit.
fn find_save(container: &Element) -> Option<Element> {
    let list = container
        .query_selector_all("button, [role=button], input[type=submit]")
        .ok()?;
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
