#![cfg(not(target_arch = "wasm32"))]
//! The `lifetime-guard` binary: output formats and exit statuses.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lifetime-guard"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> (i32, Value) {
    let (code, out, err) = run(args);
    let v =
        serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{args:?}: {e}: {out} {err}"));
    (code, v)
}

#[test]
fn convert_json_has_the_documented_shape() {
    let (code, v) = json(&["convert", "24h", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(
        v,
        serde_json::json!({"ok": true, "value": 86400, "unit": "seconds", "seconds": 86400, "human": "1 day"})
    );
    let (code, v) = json(&["convert", "3 days", "--unit", "minutes", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["value"], 4320);
    assert_eq!(v["seconds"], 259200);
    let (code, v) = json(&["convert", "24 hurs", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(v["ok"], false);
    assert_eq!(v["error"]["kind"], "unknown_unit");
    assert_eq!(v["error"]["start"], 3);
    assert_eq!(v["error"]["end"], 7);
    assert_eq!(v["error"]["suggestion"], "24 hrs");
    let (code, v) = json(&["convert", "1 month", "--json"]);
    assert_eq!(code, 1);
    assert!(v["error"]["suggestion"].is_string());
    let (_, v) = json(&["convert", "", "--json"]);
    assert_eq!(v["error"]["suggestion"], Value::Null);
}

#[test]
fn convert_plain_prints_number_then_words() {
    let (code, out, _) = run(&["convert", "1d 12h"]);
    assert_eq!(code, 0);
    assert_eq!(out, "129600\n129,600 s = 1 day 12 hours\n");
    let (code, out, err) = run(&["convert", "24 hurs"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("did you mean “24 hrs”?"), "{err}");
    assert!(err.contains("   ^^^^"), "{err}");
}

#[test]
fn negative_input_is_a_refusal_not_a_usage_error() {
    let (code, v) = json(&["convert", "-5", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["kind"], "negative");
    let (code, v) = json(&["check", "token_lifetime", "-1h", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(v["blocks_save"], true);
}

#[test]
fn check_verdicts_and_exit_statuses() {
    let (code, v) = json(&["check", "token_lifetime", "2592000", "--json"]);
    assert_eq!(
        (code, &v["level"], &v["blocks_save"]),
        (0, &"ok".into(), &false.into())
    );
    let (code, v) = json(&["check", "token_lifetime", "2592001", "--json"]);
    assert_eq!((code, &v["blocks_save"]), (1, &true.into()));
    assert_eq!(v["messages"][0]["code"], "above_maximum");
    let (code, v) = json(&["check", "token_lifetime", "31 days", "--json"]);
    assert_eq!((code, &v["blocks_save"]), (1, &true.into()));
    let (code, v) = json(&["check", "token_lifetime", "24h", "--json"]);
    assert_eq!(
        (code, &v["value"], &v["seconds"]),
        (0, &86400.into(), &86400.into())
    );
    assert!(v["flows"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["code"] == "authorization_code_pkce")));
    let (code, v) = json(&[
        "check",
        "token_lifetime_for_web",
        "2d",
        "--with",
        "token_lifetime=1d",
        "--json",
    ]);
    assert_eq!((code, &v["blocks_save"]), (1, &true.into()));
    assert_eq!(v["flows"].as_array().map(Vec::len), Some(2));
    let (code, v) = json(&[
        "check",
        "token_lifetime",
        "1h",
        "--api-identifier",
        "https://acme.eu.auth0.com/mfa/",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert!(v["messages"]
        .as_array()
        .is_some_and(|m| m.iter().any(|m| m["code"] == "mfa_fixed_lifetime"
            && m["text"].as_str().is_some_and(|t| t.contains("600")))));
    let (code, v) = json(&["check", "idle_session_lifetime", "3 days", "--json"]);
    assert_eq!(
        (code, &v["value"], &v["unit"]),
        (0, &4320.into(), &"minutes".into())
    );
    let (code, v) = json(&["check", "session_lifetime", "31 days", "--json"]);
    assert_eq!((code, &v["level"]), (0, &"warning".into()));
}

#[test]
fn policies_come_from_a_file() {
    let dir = std::env::temp_dir().join(format!("lg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("policy.json");
    std::fs::write(
        &file,
        r#"{"token_lifetime": {"max": "1h", "warn_above": 1800}}"#,
    )
    .expect("write");
    let path = file.to_str().expect("utf-8 path");
    let (code, v) = json(&["check", "token_lifetime", "2h", "--policy", path, "--json"]);
    assert_eq!(
        (code, &v["messages"][0]["code"]),
        (1, &"above_policy_maximum".into())
    );
    let (code, v) = json(&["check", "token_lifetime", "45m", "--policy", path, "--json"]);
    assert_eq!((code, &v["level"]), (0, &"warning".into()));
    std::fs::write(&file, r#"{"no_such_field": {"max": 1}}"#).expect("write");
    let (code, _, err) = run(&["check", "token_lifetime", "2h", "--policy", path]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown field"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["convert"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
    assert_eq!(run(&["check", "no_such_field", "1h"]).0, 2);
    assert_eq!(
        run(&["check", "token_lifetime", "1h", "--with", "oops"]).0,
        2
    );
    assert_eq!(run(&["convert", "1h", "--unit", "hours"]).0, 2);
    assert_eq!(run(&["--help"]).0, 0);
}

#[test]
fn fields_lists_the_catalog() {
    let (code, v) = json(&["fields", "--json"]);
    assert_eq!(code, 0);
    // Where each page is, and what no setting changes, with kinds and sources.
    assert_eq!(v["pages"]["api_settings"], "APIs › (an API) › Settings");
    let fixed = v["fixed"].as_array().expect("fixed lifetimes");
    let transfer = fixed
        .iter()
        .find(|f| {
            f["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("Session transfer token"))
        })
        .expect("the session transfer token");
    assert_eq!(transfer["seconds"], 60);
    assert!(fixed
        .iter()
        .all(|f| f["kind"].is_string() && f["source"].as_str().is_some_and(|s| !s.is_empty())));
    assert!(fixed
        .iter()
        .any(|f| f["seconds"] == 600 && f["name"].as_str().is_some_and(|n| n.contains("MFA API"))));
    let ids: Vec<&str> = v["fields"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    for id in [
        "token_lifetime",
        "token_lifetime_for_web",
        "jwt_configuration.lifetime_in_seconds",
        "refresh_token.token_lifetime",
        "refresh_token.idle_token_lifetime",
        "refresh_token.leeway",
        "idle_session_lifetime",
        "session_lifetime",
        "idle_ephemeral_session_lifetime",
        "ephemeral_session_lifetime",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let (code, out, _) = run(&["fields"]);
    assert_eq!(code, 0);
    assert!(out.contains("Maximum Access Token Lifetime"));
    assert!(out.contains("Fixed by Auth0") && out.contains("MFA enrollment ticket"));
}

/// A reader that stops early (`… | head -1`) closes the pipe: the command ends with its own
/// status, not a panic (exit 101), whichever command prints.
#[test]
fn a_closed_pipe_is_not_a_crash() {
    for args in [
        &["convert", "24h"][..],
        &["fields"],
        &["check", "token_lifetime", "31 days"],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_lifetime-guard"))
            .args(args)
            .stdout(writer)
            .status()
            .expect("runs");
        assert_ne!(
            status.code(),
            Some(101),
            "{args:?} panicked on a closed pipe"
        );
        let want = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(status.code(), Some(want), "{args:?}");
    }
}
