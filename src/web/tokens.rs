//! A line beside every JWT a page shows (an API's Test tab, the API Explorer, a log event): how
//! long it lives, when it expires, for whom, and which setting governs that (`crate::token`).
//!
//! A token is decoded where it is found, with the browser's own `atob` and `JSON.parse`, and
//! dropped: no token is kept, copied, logged or put in the page report; each line keeps only
//! the words it shows. A malformed or oversized token is passed over without a word.

use super::app::App;
use super::dom::{self, TOKEN_TAG};
use super::note::{add, Shadowed};
use crate::token::{self, Claims};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlTextAreaElement, Node};

/// Text nodes that may hold a token, found by the browser without copying the page's text.
const TEXT_WITH_TOKENS: &str = "//body//text()[contains(., 'eyJ')][not(ancestor::script or ancestor::style or ancestor::textarea or ancestor::noscript)]";

/// Where the page shows a token as a field's value. MUI's multiline fields keep a hidden copy of
/// the text (to measure its height): not a second token.
const FIELDS_WITH_TOKENS: &str =
    "textarea:not([aria-hidden=true]), input:not([type=password]):not([type=hidden])";

/// The lines of one place on the page (a code block, a field): the words shown, nothing else.
pub struct TokenLine {
    anchor: Element,
    shadow: Shadowed,
    lines: Vec<String>,
}

impl TokenLine {
    pub fn set_theme(&self, dark: bool) {
        self.shadow.set_theme(dark);
    }

    pub fn remove(&self) {
        self.shadow.remove();
    }
}

/// A place that shows tokens, and the text they are in.
struct Found {
    anchor: Element,
    text: String,
}

/// Where a line goes for a token in a text node: after its code block, else after the paragraph
/// or cell it is in.
fn text_anchor(text: &Node) -> Option<Element> {
    let parent = text.parent_element()?;
    let block = parent
        .closest("pre")
        .ok()
        .flatten()
        .or_else(|| parent.closest("p, li, td, dd, div").ok().flatten());
    Some(block.unwrap_or(parent))
}

/// The value of a field that may show a token.
fn field_value(el: &Element) -> Option<String> {
    match (
        el.dyn_ref::<HtmlTextAreaElement>(),
        el.dyn_ref::<HtmlInputElement>(),
    ) {
        (Some(area), _) => Some(area.value()),
        (_, Some(input)) => Some(input.value()),
        _ => None,
    }
}

fn fields(doc: &Document) -> impl Iterator<Item = (Element, String)> {
    let list = doc.query_selector_all(FIELDS_WITH_TOKENS).ok();
    let count = list.as_ref().map_or(0, |l| l.length());
    (0..count).filter_map(move |i| {
        let el = list.as_ref()?.item(i)?.dyn_into::<Element>().ok()?;
        let value = field_value(&el)?;
        Some((el, value))
    })
}

fn fields_show_a_token(doc: &Document) -> bool {
    fields(doc).any(|(_, value)| crate::text::find(&value, "eyJ").is_some())
}

fn find(doc: &Document) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut add =
        |anchor: Element, text: String| match found.iter_mut().find(|f| f.anchor == anchor) {
            Some(f) => {
                f.text.push('\n');
                f.text.push_str(&text);
            }
            None => found.push(Found { anchor, text }),
        };
    if let Ok(result) = doc.evaluate_with_opt_callback_and_type_and_result(
        TEXT_WITH_TOKENS,
        doc,
        None,
        web_sys::XPathResult::ORDERED_NODE_SNAPSHOT_TYPE,
        None,
    ) {
        for i in 0..result.snapshot_length().unwrap_or(0).min(200) {
            let Ok(Some(node)) = result.snapshot_item(i) else {
                continue;
            };
            let text = node.text_content().unwrap_or_default();
            if let Some(anchor) = text_anchor(&node).filter(|a| !dom::is_ours(a)) {
                add(anchor, text);
            }
        }
    }
    for (el, value) in fields(doc) {
        if token::find(&value).is_empty() {
            continue;
        }
        let anchor = el
            .closest(".MuiFormControl-root, .MuiTextField-root")
            .ok()
            .flatten()
            .unwrap_or_else(|| dom::field_wrapper(&el));
        add(anchor, value);
    }
    found
}

/// A number claim: whole seconds since 1970, within what a `Date` holds.
fn time(payload: &JsValue, key: &str) -> Option<u64> {
    let v = js_sys::Reflect::get(payload, &key.into()).ok()?.as_f64()?;
    (v.is_finite() && (0.0..1e12).contains(&v)).then_some(v as u64)
}

/// A token's claims, decoded by the browser; `None` for anything that is not a JWT's JSON.
fn claims(jwt: &str) -> Option<Claims> {
    let binary = web_sys::window()?.atob(&token::payload_base64(jwt)?).ok()?;
    let bytes: Option<Vec<u8>> = binary.chars().map(|c| u8::try_from(c).ok()).collect();
    let payload = js_sys::JSON::parse(&String::from_utf8(bytes?).ok()?).ok()?;
    if !payload.is_object() {
        return None;
    }
    let has = |key: &str| {
        js_sys::Reflect::get(&payload, &key.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    let aud = js_sys::Reflect::get(&payload, &"aud".into()).ok()?;
    let audiences = match aud.as_string() {
        Some(one) => vec![one],
        None if js_sys::Array::is_array(&aud) => js_sys::Array::from(&aud)
            .iter()
            .take(8)
            .filter_map(|a| a.as_string())
            .collect(),
        None => Vec::new(),
    };
    Some(Claims {
        iat: time(&payload, "iat"),
        exp: time(&payload, "exp"),
        audiences,
        has_scope: has("scope"),
        grant: js_sys::Reflect::get(&payload, &"gty".into())
            .ok()
            .and_then(|g| g.as_string()),
        id_token_claims: has("nonce") || has("auth_time") || has("sid"),
    })
}

/// What a method of `target` without arguments answers, as text; `None` when it throws.
fn call0(target: &JsValue, method: &str) -> Option<String> {
    let f = js_sys::Reflect::get(target, &method.into()).ok()?;
    js_sys::Reflect::apply(
        f.dyn_ref::<js_sys::Function>()?,
        target,
        &js_sys::Array::new(),
    )
    .ok()?
    .as_string()
}

/// A moment (milliseconds since 1970) as the `Date` method `method` writes it.
fn moment(ms: u64, method: &str) -> String {
    call0(&js_sys::Date::new(&JsValue::from_f64(ms as f64)), method).unwrap_or_default()
}

/// A moment (milliseconds) in the admin's local time, as the browser writes it.
pub fn local_time(ms: u64) -> String {
    moment(ms, "toLocaleString")
}

/// A moment (milliseconds) in UTC, ISO 8601.
pub fn iso_time(ms: u64) -> String {
    moment(ms, "toISOString")
}

impl App {
    /// The value the page shows for a catalog field, in seconds, when it is a valid one.
    fn shown_setting(&self, id: &str) -> Option<u64> {
        self.tracked
            .iter()
            .filter(|t| t.field.id == id)
            .find_map(|t| t.verdict.as_ref().filter(|v| !v.blocks_save)?.seconds)
    }

    /// The lines for the tokens in `text`.
    fn token_lines(&self, text: &str, now: u64) -> Vec<String> {
        let mut tokens = token::find(text);
        // The same token shown twice in one place (a field and its copy): one line.
        tokens.dedup();
        tokens
            .into_iter()
            .filter_map(claims)
            .map(|c| {
                let reading = token::read(&c, |id| self.shown_setting(id));
                let local = c.exp.map(|e| local_time(e * 1000)).unwrap_or_default();
                token::line(&c, &reading, now, &local)
            })
            .collect()
    }

    /// Finds the page's tokens and puts each place's lines beside it, drawing only what changed.
    pub(super) fn show_tokens(&mut self) {
        if self.pointer_down {
            // A line that changes size moves what is under the pointer: after the release.
            self.tokens_dirty = true;
            return;
        }
        self.tokens_dirty = false;
        self.tokens_scanned = js_sys::Date::now();
        if !self.config.enabled {
            return;
        }
        let now = (js_sys::Date::now() / 1000.0) as u64;
        let mut kept: Vec<TokenLine> = Vec::new();
        for found in find(&self.doc) {
            let lines = self.token_lines(&found.text, now);
            if lines.is_empty() {
                continue;
            }
            let old = self.tokens.iter().position(|l| l.anchor == found.anchor);
            let line = match old.map(|i| self.tokens.swap_remove(i)) {
                Some(line) if line.lines == lines && line.shadow.host.is_connected() => line,
                old => {
                    if let Some(old) = old {
                        old.remove();
                    }
                    match self.draw_tokens(&found.anchor, lines) {
                        Ok(line) => line,
                        Err(_) => continue,
                    }
                }
            };
            kept.push(line);
        }
        for gone in self.tokens.drain(..) {
            gone.remove();
        }
        self.tokens = kept;
    }

    fn draw_tokens(&mut self, anchor: &Element, lines: Vec<String>) -> Result<TokenLine, JsValue> {
        self.next_id += 1;
        let id = crate::text::concat(&[
            "lifetime-guard-token-",
            &crate::text::u64_string(u64::from(self.next_id)),
        ]);
        let shadow = Shadowed::new(&self.doc, TOKEN_TAG, &id)?;
        shadow.set_theme(self.dark);
        shadow.body.set_class_name("lg token");
        for text in &lines {
            add(&self.doc, &shadow.body, "div", "tok", Some(text))?;
        }
        anchor.insert_adjacent_element("afterend", &shadow.host)?;
        Ok(TokenLine {
            anchor: anchor.clone(),
            shadow,
            lines,
        })
    }

    /// After a batch of the page's mutations: at once, unless a look was taken in the last
    /// 200 ms (a page being built sends hundreds of batches); the tick takes the rest.
    pub(super) fn tokens_changed(&mut self) {
        self.tokens_dirty = true;
        if js_sys::Date::now() - self.tokens_scanned > 200.0 {
            self.show_tokens();
        }
    }

    /// Every tick: what changed since, the expiry times of the lines shown, and fields' values
    /// (an app sets those without a mutation: a regenerated token in the same field).
    pub(super) fn tokens_tick(&mut self) {
        if self.tokens_dirty || !self.tokens.is_empty() || fields_show_a_token(&self.doc) {
            self.show_tokens();
        }
    }

    pub(super) fn remove_tokens(&mut self) {
        for line in self.tokens.drain(..) {
            line.remove();
        }
    }
}
