#![cfg(all(target_arch = "wasm32", feature = "tools"))]
//! The tools module's exports (`--features tools`), called as JavaScript calls them.

use lifetime_guard::web;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn pure_exports_work_from_javascript() {
    let v = web::convert("1d 12h", "seconds").expect("convert");
    assert_eq!(
        js_sys::Reflect::get(&v, &"value".into())
            .ok()
            .and_then(|x| x.as_f64()),
        Some(129_600.0)
    );
    let bad = web::convert("1 month", "seconds").expect("convert");
    let kind = js_sys::Reflect::get(&bad, &"error".into())
        .and_then(|e| js_sys::Reflect::get(&e, &"kind".into()));
    assert_eq!(
        kind.ok().and_then(|k| k.as_string()).as_deref(),
        Some("month_or_year")
    );
    assert!(web::convert("1h", "hours").is_err());
}

#[wasm_bindgen_test]
fn the_fast_path_gives_numbers_and_words_on_demand() {
    assert_eq!(web::value("1d 12h", false), 129_600.0);
    assert_eq!(web::value("1d 12h", true), 2_160.0);
    assert!(web::value("1 month", false).is_nan());
    assert!(
        web::value("90s", true).is_nan(),
        "90 s is not whole minutes"
    );
    assert_eq!(web::equation(86_400.0, false), "86,400 s = 1 day");
    assert_eq!(web::words(2_160.0, true), "1 day 12 hours");
    assert_eq!(web::short(129_600.0, false), "1d 12h");
    // What JavaScript may pass that no value() returns: no words, no panic.
    for bad in [f64::NAN, -1.0, 1.5, 1e300] {
        assert_eq!(web::equation(bad, false), "");
    }
}

#[wasm_bindgen_test]
fn check_reads_a_javascript_context() {
    let ctx = js_sys::JSON::parse(
        r#"{"siblings":{"token_lifetime":"1d"},"api_identifier":"https://acme.eu.auth0.com/mfa/"}"#,
    )
    .expect("json");
    let v = web::check("token_lifetime_for_web", "2d", ctx).expect("check");
    assert_eq!(
        js_sys::Reflect::get(&v, &"blocks_save".into())
            .ok()
            .and_then(|b| b.as_bool()),
        Some(true)
    );
    let messages =
        js_sys::JSON::stringify(&js_sys::Reflect::get(&v, &"messages".into()).expect("messages"))
            .map(String::from)
            .unwrap_or_default();
    assert!(
        messages.contains("exceeds_token_lifetime") && messages.contains("mfa_fixed_lifetime"),
        "{messages}"
    );
    let bad = js_sys::JSON::parse(r#"{"disabled":"nope"}"#).expect("json");
    assert!(
        web::check("token_lifetime", "1h", bad).is_ok(),
        "a malformed optional key is ignored, not fatal"
    );
    assert!(web::check("no_such_field", "1h", wasm_bindgen::JsValue::NULL).is_err());
}

/// The popup's page report, from a snapshot shaped as the content module's `snapshot` sends it.
#[wasm_bindgen_test]
fn the_page_report_is_built_from_a_snapshot() {
    let snapshot = js_sys::JSON::parse(
        r#"{"href":"https://manage.auth0.com/dashboard/eu/acme/apis/6f0/settings","inputs_total":1,
            "inputs":[{"type":"number","label":"Maximum Access Token Lifetime 2","association":"labels",
                       "text_like":true,"tracked":true,"disabled":false}],
            "saves":[{"text":"Save","says_save":true,"submits_form":false}]}"#,
    )
    .expect("snapshot");
    let report = web::page_report(snapshot).expect("report");
    let text = js_sys::JSON::stringify(&report)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    assert_eq!(
        text,
        r#"{"route":"manage.auth0.com/dashboard/{…}/{…}/apis/{…}/settings","page":"api_settings","inputs_total":1,"inputs":[{"type":"number","label":"Maximum Access Token Lifetime #","association":"labels","field":"token_lifetime","why":"guarded","disabled":false}],"saves":[{"text":"Save","says_save":true,"submits_form":false}]}"#
    );
    assert!(web::page_report(js_sys::JSON::parse(r#"{"href":1}"#).expect("json")).is_err());
}
