#![cfg(all(target_arch = "wasm32", not(feature = "tools")))]
//! DOM units in a real browser (wasm-bindgen-test): label association, notes, ARIA, conversion,
//! the save guard and clean teardown, in the content module. `web_tools.rs` tests the tools module. Each test builds its own container (never touching the
//! runner's own output) and stops the guard before the next.

use lifetime_guard::web;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Lets mutation observers and microtasks run.
async fn settle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// A fresh container with `html` (test fixtures only: no page data here).
fn fixture(html: &str) -> Element {
    let c = doc().create_element("div").expect("div");
    c.set_inner_html(html);
    doc()
        .body()
        .expect("body")
        .append_child(&c)
        .expect("append");
    c
}

fn input(c: &Element, sel: &str) -> HtmlInputElement {
    c.query_selector(sel)
        .ok()
        .flatten()
        .expect(sel)
        .dyn_into()
        .expect("input")
}

fn note_for(i: &HtmlInputElement) -> Option<Element> {
    let ids = i.get_attribute("aria-describedby")?;
    ids.split_whitespace()
        .filter(|id| id.starts_with("lifetime-guard-note"))
        .find_map(|id| doc().get_element_by_id(id))
}

fn note_text(i: &HtmlInputElement) -> String {
    note_for(i)
        .and_then(|n| n.shadow_root())
        .and_then(|r| r.text_content())
        .unwrap_or_default()
}

fn notes() -> u32 {
    doc()
        .query_selector_all("lifetime-guard-note")
        .map(|l| l.length())
        .unwrap_or(0)
}

/// Moves focus to the element `sel` in `c` (leaving the field, as Tab would).
fn focus(c: &Element, sel: &str) {
    let el: web_sys::HtmlElement = c
        .query_selector(sel)
        .ok()
        .flatten()
        .expect(sel)
        .dyn_into()
        .expect("an HTML element");
    let _ = el.focus();
}

fn type_into(i: &HtmlInputElement, text: &str) {
    i.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    i.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).expect("event"))
        .expect("dispatch");
}

#[wasm_bindgen_test]
async fn finds_fields_by_every_association() {
    let c = fixture(
        r#"<label for="a">Token Expiration (Seconds)</label><input id="a" value="86400">
           <label>Maximum Access Token Lifetime * <input id="b" value="3600"></label>
           <span id="lb">JWT Expiration (seconds)</span><input id="c" aria-labelledby="lb" value="36000">
           <input id="d" aria-label="Reuse Interval" value="0">
           <div><div>Idle Session Lifetime (Non-Persistent)</div><div><input id="e" value="1440"></div></div>
           <label for="f">Name</label><input id="f" value="Payments">"#,
    );
    web::start(JsValue::NULL).expect("start");
    settle().await;
    for id in ["#a", "#b", "#c", "#d", "#e"] {
        assert!(note_for(&input(&c, id)).is_some(), "{id} has no note");
    }
    assert!(
        note_for(&input(&c, "#f")).is_none(),
        "a Name field is not a lifetime"
    );
    assert_eq!(notes(), 5);
    assert!(note_text(&input(&c, "#a")).contains("86,400 s = 1 day"));
    assert!(note_text(&input(&c, "#e")).contains("1,440 min = 1 day"));
    web::stop();
    assert_eq!(notes(), 0);
    c.remove();
}

/// MUI's frame: the unit shown inside it must be the field's, and a section heading settles a
/// label two sections share.
#[wasm_bindgen_test]
async fn the_frame_and_the_section_decide_what_a_field_holds() {
    let frame = |id: &str, label: &str, unit: &str, value: &str| {
        format!(
            r#"<div><label for="{id}">{label}</label><div class="frame"><input id="{id}" type="number" value="{value}"><div><p>{unit}</p></div><fieldset><legend><span>{label}</span></legend></fieldset></div></div>"#
        )
    };
    let c = fixture(&format!(
        r#"<section><h2>Access Token Settings</h2>{}{}</section>
           <section><h2>Limit login attempts</h2>{}</section>
           <section><h2>Limit signup attempts</h2>{}</section>
           <section><h2>Per day</h2>{}</section>"#,
        frame("s", "Maximum Access Token Lifetime", "seconds", "86400"),
        frame("m", "Token Expiration For Browser Flows", "minutes", "60"),
        frame("l", "Throttling rate", "ms", "20000"),
        frame("r", "Throttling rate", "ms", "2000"),
        frame("d", "Throttling rate", "per day", "100"),
    ));
    web::start(JsValue::NULL).expect("start");
    settle().await;
    assert!(note_text(&input(&c, "#s")).contains("86,400 s = 1 day"));
    assert!(
        note_for(&input(&c, "#m")).is_none(),
        "a frame in minutes is not a field in seconds"
    );
    assert!(
        note_text(&input(&c, "#l")).contains("at least 34,560 ms"),
        "the login rate"
    );
    let signup = note_text(&input(&c, "#r"));
    assert!(
        signup.contains("2,000 ms = 2 seconds") && !signup.contains("at least"),
        "the signup rate: {signup}"
    );
    assert!(
        note_for(&input(&c, "#d")).is_none(),
        "attempts per day are no interval"
    );
    web::stop();
    c.remove();
}

#[wasm_bindgen_test]
async fn aria_is_added_and_restored() {
    let c = fixture(
        r#"<label for="x">Token Expiration</label><input id="x" value="5" aria-describedby="x-helper-text"><p id="x-helper-text">help</p>"#,
    );
    let x = input(&c, "#x");
    web::start(JsValue::NULL).expect("start");
    settle().await;
    let described = x.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described.starts_with("x-helper-text lifetime-guard-note-"),
        "{described}"
    );
    type_into(&x, "31 days");
    assert_eq!(x.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(note_text(&x).contains("Blocks save"));
    type_into(&x, "30 days");
    assert_eq!(x.get_attribute("aria-invalid"), None);
    web::stop();
    assert_eq!(
        x.get_attribute("aria-describedby").as_deref(),
        Some("x-helper-text")
    );
    c.remove();
}

#[wasm_bindgen_test]
async fn converts_on_leaving_and_escape_restores() {
    let c = fixture(
        r#"<label for="t">Token Expiration (Seconds)</label><input id="t" value="86400"><button id="o">other</button>"#,
    );
    let t = input(&c, "#t");
    web::start(JsValue::NULL).expect("start");
    settle().await;
    type_into(&t, "24h");
    assert!(note_text(&t).contains("Use 86400"), "{}", note_text(&t));
    let _ = t.focus();
    focus(&c, "#o");
    assert_eq!(t.value(), "86400");
    assert!(note_text(&t).contains("Converted from “24h”"));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    t.dispatch_event(
        &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("key"),
    )
    .expect("dispatch");
    assert_eq!(t.value(), "24h");
    web::stop();
    c.remove();
}

/// The guard may start after the admin has begun typing (it was switched on, or its core came
/// late): a number field that already has focus and digits enters text entry with the caret after
/// them, so the words that follow are kept and converted when the field is left.
#[wasm_bindgen_test]
async fn a_field_focused_before_the_start_keeps_its_text_and_converts() {
    let c = fixture(
        r#"<label for="t">Token Expiration (Seconds)</label><input id="t" type="number" value="31"><button id="o">other</button>"#,
    );
    let t = input(&c, "#t");
    let _ = t.focus();
    web::start(JsValue::NULL).expect("start");
    settle().await;
    assert_eq!(t.type_(), "text", "text entry begins for the focused field");
    assert_eq!(t.value(), "31", "nothing typed is lost");
    assert_eq!(
        t.selection_start().ok().flatten(),
        Some(2),
        "the caret after the digits"
    );
    type_into(&t, "31h");
    assert!(note_text(&t).contains("Use 111600"), "{}", note_text(&t));
    focus(&c, "#o");
    assert_eq!(t.value(), "111600");
    assert!(note_text(&t).contains("Converted from “31h”"));
    web::stop();
    c.remove();
}

/// The note's buttons live in its shadow root; the guard's one click listener, on the window,
/// finds the note they belong to.
#[wasm_bindgen_test]
async fn the_note_buttons_act_on_their_own_field() {
    let c = fixture(
        r#"<label for="t">Token Expiration (Seconds)</label><input id="t" value="86400">
           <label for="w">Implicit / Hybrid Flow Access Token Lifetime</label><input id="w" value="7200">"#,
    );
    let (t, w) = (input(&c, "#t"), input(&c, "#w"));
    web::start(JsValue::NULL).expect("start");
    settle().await;
    type_into(&t, "24h");
    type_into(&w, "1h");
    let button = |i: &HtmlInputElement, class: &str| -> web_sys::HtmlElement {
        note_for(i)
            .and_then(|n| n.shadow_root())
            .and_then(|r| r.query_selector(&format!("button.{class}")).ok().flatten())
            .and_then(|b| b.dyn_into().ok())
            .unwrap_or_else(|| panic!("button.{class}: {}", note_text(i)))
    };
    button(&w, "convert").click();
    assert_eq!((t.value().as_str(), w.value().as_str()), ("24h", "3600"));
    button(&t, "convert").click();
    assert_eq!(t.value(), "86400");
    let details = button(&t, "details");
    let expanded = details.get_attribute("aria-expanded");
    details.click();
    assert_ne!(
        button(&t, "details").get_attribute("aria-expanded"),
        expanded
    );
    web::stop();
    c.remove();
}

#[wasm_bindgen_test]
async fn guard_blocks_invalid_submit_and_lets_valid_through() {
    let c = fixture(
        r#"<form id="f"><label for="life">Maximum Access Token Lifetime</label><input id="life" value="86400">
           <label for="web">Implicit / Hybrid Flow Access Token Lifetime</label><input id="web" value="7200">
           <button id="save">Save</button></form>"#,
    );
    let submitted = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = submitted.clone();
    let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        count.set(count.get() + 1);
    });
    let form = c.query_selector("#f").ok().flatten().expect("form");
    form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref())
        .expect("listen");
    web::start(JsValue::NULL).expect("start");
    settle().await;
    let save: web_sys::HtmlElement = c
        .query_selector("#save")
        .ok()
        .flatten()
        .expect("save")
        .dyn_into()
        .expect("button");
    save.click();
    assert_eq!(submitted.get(), 1, "a valid save goes through");
    type_into(&input(&c, "#web"), "2d");
    save.click();
    assert_eq!(
        submitted.get(),
        1,
        "browser-flow value above the main one is blocked"
    );
    let alert = doc()
        .get_element_by_id("lifetime-guard-alert")
        .expect("alert next to Save");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    let text = alert
        .shadow_root()
        .and_then(|r| r.text_content())
        .unwrap_or_default();
    assert!(
        text.contains("Implicit / Hybrid Flow Access Token Lifetime"),
        "{text}"
    );
    let active = doc().active_element().map(|e| e.id());
    assert_eq!(
        active.as_deref(),
        Some("web"),
        "focus moves to the offending field"
    );
    type_into(&input(&c, "#web"), "7200");
    assert!(
        doc().get_element_by_id("lifetime-guard-alert").is_none(),
        "the message goes once all is valid"
    );
    save.click();
    assert_eq!(submitted.get(), 2);
    web::stop();
    c.remove();
}

#[wasm_bindgen_test]
async fn replaced_inputs_keep_exactly_one_note() {
    let c = fixture(
        r#"<div id="w"><label for="r">Token Expiration</label><input id="r" value="60"></div>"#,
    );
    web::start(JsValue::NULL).expect("start");
    settle().await;
    assert_eq!(notes(), 1);
    for _ in 0..5 {
        let w = c.query_selector("#w").ok().flatten().expect("w");
        w.set_inner_html(r#"<label for="r">Token Expiration</label><input id="r" value="120">"#);
        settle().await;
        assert_eq!(notes(), 1);
    }
    assert!(note_text(&input(&c, "#r")).contains("120 s = 2 minutes"));
    web::stop();
    c.remove();
}
