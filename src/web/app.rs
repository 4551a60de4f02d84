//! The running guard on one page: which fields are tracked, their notes, the save guard, and
//! the reaction to the single-page app's mutations and navigations.

use super::content::Config;
use super::detect::{self, control_of, is_save_control, submits_form};
use super::dom::{self, add_token, field_wrapper, remove_token};
use super::note::{Alert, Note};
use super::scope::Scope;
use crate::catalog::Field;
use crate::verdict::{check_field, Context, Verdict};
use crate::view;
use gloo_events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, HtmlElement, HtmlFormElement, HtmlInputElement, KeyboardEvent, Node,
};

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// DOM work that must happen after the app's state is released, because it fires events that
/// come back into the app (writing a value dispatches `input`; focusing fires `focusout`).
enum Effect {
    Write(HtmlInputElement, String),
    Focus(HtmlElement),
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
    _convert_click: EventListener,
}

impl Tracked {
    fn release(&self) {
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

    /// Puts the note right after the input's wrapper.
    fn place_note(&self) -> Result<(), JsValue> {
        field_wrapper(self.input.as_ref())
            .insert_adjacent_element("afterend", &self.note.shadow.host)
            .map(|_| ())
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
    if let Ok(old) = doc.query_selector_all(&format!("{}, {}", dom::NOTE_TAG, dom::ALERT_TAG)) {
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
        scope,
    };
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(app);
        }
    });
    with_app(|app| {
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
    APP.with(|cell| {
        let guard = cell.try_borrow().map_err(|_| JsValue::from_str("busy"))?;
        let out = js_sys::Object::new();
        let set = |o: &js_sys::Object, k: &str, v: JsValue| {
            js_sys::Reflect::set(o, &JsValue::from_str(k), &v).map(|_| ())
        };
        // `buffer` by name: under wasm2js the memory is a plain object, not a WebAssembly.Memory.
        let buffer =
            js_sys::Reflect::get(&wasm_bindgen::memory(), &JsValue::from_str("buffer")).ok();
        let memory_bytes = buffer
            .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok())
            .map_or(0.0, |b| f64::from(b.byte_length()));
        set(&out, "memory_bytes", memory_bytes.into())?;
        let Some(app) = guard.as_ref() else {
            set(&out, "active", false.into())?;
            set(&out, "fields", js_sys::Array::new().into())?;
            return Ok(out.into());
        };
        let (listeners, observers, timers) = app.scope.counts();
        set(&out, "active", app.config.enabled.into())?;
        set(
            &out,
            "page",
            detect::page_kind(&app.url).map_or(JsValue::NULL, |p| JsValue::from_str(p.code())),
        )?;
        set(
            &out,
            "blocking",
            app.tracked.iter().any(Tracked::blocks).into(),
        )?;
        set(
            &out,
            "listeners",
            ((listeners + app.tracked.len()) as u32).into(),
        )?;
        set(&out, "observers", (observers as u32).into())?;
        set(&out, "timers", (timers as u32).into())?;
        let fields = js_sys::Array::new();
        for t in &app.tracked {
            let f = js_sys::Object::new();
            set(&f, "field", t.field.id.into())?;
            set(&f, "label", crate::view::display_label(&t.label).into())?;
            set(&f, "input", t.value.as_str().into())?;
            if let Some(v) = &t.verdict {
                set(&f, "level", v.level.code().into())?;
                set(&f, "blocks_save", v.blocks_save.into())?;
                set(
                    &f,
                    "equation",
                    v.equation()
                        .as_deref()
                        .map_or(JsValue::NULL, JsValue::from_str),
                )?;
                let messages = js_sys::Array::new();
                for m in &v.messages {
                    messages.push(&JsValue::from_str(&m.text.to_string()));
                }
                set(&f, "messages", messages.into())?;
            }
            fields.push(&f);
        }
        set(&out, "fields", fields.into())?;
        Ok(out.into())
    })
}

fn location() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Installs the page-wide listeners and observers. All of them belong to the returned scope.
fn listen(doc: &Document) -> Result<Scope, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let mut scope = Scope::default();
    scope.capture(&window, "input", |e| with_app(|app| app.on_input(e)));
    scope.capture(&window, "change", |_| with_app(|app| app.on_change()));
    scope.capture(&window, "focusout", |e| with_app(|app| app.on_focusout(e)));
    scope.capture(&window, "keydown", |e| with_app(|app| app.on_keydown(e)));
    scope.capture(&window, "click", |e| with_app(|app| app.on_click(e)));
    scope.capture(&window, "submit", |e| with_app(|app| app.on_submit(e)));
    scope.capture(&window, "popstate", |_| with_app(App::on_navigation));
    scope.capture(&window, "hashchange", |_| with_app(App::on_navigation));
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_character_data(true);
    init.set_attributes(true);
    // aria-describedby: frameworks that regenerate ids (Cosmos does on every render) rewrite it
    // and drop the note's id, which must then be put back.
    init.set_attribute_filter(&js_sys::Array::of4(
        &"aria-checked".into(),
        &"for".into(),
        &"aria-labelledby".into(),
        &"aria-describedby".into(),
    ));
    let root = doc.document_element().ok_or("no root element")?;
    scope.observe(&root, &init, |records, _| {
        with_app(|app| app.on_mutations(&records))
    })?;
    // Theme switches: classes and attributes on <html> and <body> only.
    let theme = web_sys::MutationObserverInit::new();
    theme.set_attributes(true);
    theme.set_attribute_filter(&js_sys::Array::of3(
        &"class".into(),
        &"style".into(),
        &"data-theme".into(),
    ));
    scope.observe(&root, &theme, |_, _| with_app(App::on_theme))?;
    if let Some(body) = doc.body() {
        scope.observe(&body, &theme, |_, _| with_app(App::on_theme))?;
    }
    // Frameworks set values without events (loading saved settings): poll the few tracked inputs.
    scope.every(400, || with_app(App::on_tick))?;
    Ok(scope)
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
        self.next_id += 1;
        let note_id = format!("lifetime-guard-note-{}", self.next_id);
        let Ok(note) = Note::new(&note_id) else {
            return;
        };
        note.shadow.set_theme(self.dark);
        let watched = input.clone();
        let convert_click = EventListener::new(&note.shadow.host, "click", move |e| {
            let on_button = e
                .composed_path()
                .get(0)
                .dyn_into::<Element>()
                .ok()
                .and_then(|t| t.closest("button.convert").ok().flatten())
                .is_some();
            if on_button {
                let input = watched.clone();
                with_app(move |app| app.convert(&input));
            }
        });
        let tracked = Tracked {
            field,
            label,
            original_invalid: input.get_attribute("aria-invalid"),
            value: input.value(),
            input: input.clone(),
            note,
            note_id,
            typed: None,
            verdict: None,
            _convert_click: convert_click,
        };
        if tracked.place_note().is_err() {
            return;
        }
        add_token(input, "aria-describedby", &tracked.note_id);
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
        for t in &mut self.tracked {
            add_token(&t.input, "aria-describedby", &t.note_id);
            let verdict = check_field(t.field, &t.value, ctx);
            let view = view::note(&verdict, t.field.flows, t.typed.as_deref());
            if let Err(e) = t.note.render(&view) {
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
                vec![Effect::Write(t.input.clone(), v.to_string())]
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

    fn on_change(&mut self) -> Vec<Effect> {
        self.evaluate();
        Vec::new()
    }

    fn on_focusout(&mut self, e: &Event) -> Vec<Effect> {
        if !self.config.convert_on_blur {
            return Vec::new();
        }
        match target_element(e).and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            Some(input) => self.convert(&input),
            None => Vec::new(),
        }
    }

    fn on_keydown(&mut self, e: &Event) -> Vec<Effect> {
        let Some(key) = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
            return Vec::new();
        };
        let Some(target) = target_element(e) else {
            return Vec::new();
        };
        if key == "Escape" {
            if let Some(i) = self.index_of(&target) {
                if let Some(typed) = self.tracked[i].typed.take() {
                    e.prevent_default();
                    e.stop_immediate_propagation();
                    return vec![Effect::Write(self.tracked[i].input.clone(), typed)];
                }
            }
            return Vec::new();
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
            let form = target.closest("form").ok().flatten();
            if form.is_none() && self.index_of(&target).is_none() {
                return Vec::new();
            }
            return self.guard(e, form.as_ref(), &target, None);
        }
        match control_of(&target) {
            Some(control) if is_save_control(&control) || submits_form(&control) => {
                let form = control.closest("form").ok().flatten();
                self.guard(e, form.as_ref(), &control, Some(&control))
            }
            _ => Vec::new(),
        }
    }

    fn on_click(&mut self, e: &Event) -> Vec<Effect> {
        let Some(control) = target_element(e).and_then(|t| control_of(&t)) else {
            return Vec::new();
        };
        if !(is_save_control(&control) || submits_form(&control)) {
            return Vec::new();
        }
        let form = control.closest("form").ok().flatten();
        if !is_save_control(&control) && form.is_none() {
            return Vec::new();
        }
        self.guard(e, form.as_ref(), &control, Some(&control))
    }

    fn on_submit(&mut self, e: &Event) -> Vec<Effect> {
        let Some(form) = target_element(e).and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return Vec::new();
        };
        let form: Element = form.into();
        self.guard(e, Some(&form), &form, None)
    }

    /// Stops the event when a field in its scope blocks the save; lets it through untouched
    /// otherwise. The scope is the form when there is one, otherwise the nearest container of
    /// the control that holds tracked fields.
    fn guard(
        &mut self,
        e: &Event,
        form: Option<&Element>,
        origin: &Element,
        save: Option<&Element>,
    ) -> Vec<Effect> {
        if !self.config.enabled || !self.config.guard_save || self.tracked.is_empty() {
            return Vec::new();
        }
        // Values may have changed without an event since the last evaluation.
        self.evaluate();
        let container = match form {
            Some(f) => Some(f.clone()),
            None => {
                let mut node = origin.parent_element();
                while let Some(n) = &node {
                    if self
                        .tracked
                        .iter()
                        .any(|t| n.contains(Some(t.input.as_ref())))
                    {
                        break;
                    }
                    node = n.parent_element();
                }
                node
            }
        };
        let Some(container) = container else {
            return Vec::new();
        };
        let blockers: Vec<usize> = (0..self.tracked.len())
            .filter(|&i| {
                self.tracked[i].blocks() && container.contains(Some(self.tracked[i].input.as_ref()))
            })
            .collect();
        if blockers.is_empty() {
            return Vec::new();
        }
        e.prevent_default();
        e.stop_immediate_propagation();
        let anchor = save.cloned().or_else(|| find_save(&container));
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
        let first = &self.tracked[blockers[0]].input;
        let html: &HtmlElement = first.as_ref();
        vec![Effect::Focus(html.clone())]
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
        if location() != self.url {
            return self.on_navigation();
        }
        let changed = self
            .tracked
            .iter()
            .any(|t| t.input.value() != t.value || !t.note.shadow.host.is_connected());
        if changed {
            self.revalidate(false);
            self.evaluate();
        }
        Vec::new()
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
                if !t.note.shadow.host.is_connected() {
                    let _ = t.place_note();
                }
                i += 1;
            } else {
                self.tracked.remove(i).release();
            }
        }
    }

    fn on_mutations(&mut self, records: &js_sys::Array) -> Vec<Effect> {
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
                    } else if name == "aria-describedby" {
                        // Put back in evaluate() below; nothing else to look at.
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
