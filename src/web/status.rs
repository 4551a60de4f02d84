//! What the popup asks a Dashboard tab: the guard's state (`status`) and what the page report
//! needs (`snapshot`).

use super::app::read_app;
use super::dom;
use super::tracked::Tracked;
use crate::json::Json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// The guard's state for the popup and the tests, as a plain object:
/// `{active, page, fields: [{field, label, input, level, blocks_save, equation, messages}],
/// blocking, listeners, observers, timers, memory_bytes}`. Built by hand: the content module
/// carries no serde serializer.
pub fn status() -> Result<JsValue, JsValue> {
    // `buffer` by name: under wasm2js the memory is a plain object, not a WebAssembly.Memory.
    let buffer = js_sys::Reflect::get(&wasm_bindgen::memory(), &JsValue::from_str("buffer")).ok();
    let memory_bytes = buffer
        .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0, |b| u64::from(b.byte_length()));
    let text = read_app(|app| {
        let mut j = Json::new();
        j.open('{').key("memory_bytes").num(memory_bytes);
        let Some(app) = app else {
            j.key("active").bool(false);
            j.key("fields").open('[').close(']');
            j.close('}');
            return j.finish();
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
        j.finish()
    })?;
    js_sys::JSON::parse(&text)
}

/// What the page report needs from this page (see `report.rs`), from what the guard tracks now.
pub fn snapshot() -> Result<JsValue, JsValue> {
    let doc = dom::document().ok_or("no document")?;
    let tracked: Vec<HtmlInputElement> = read_app(|app| {
        app.map(|a| a.tracked.iter().map(|t| t.input.clone()).collect())
            .unwrap_or_default()
    })
    .unwrap_or_default();
    super::report::snapshot(&doc, &dom::location(), &tracked)
}
