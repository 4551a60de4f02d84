//! `lifetime-guard lint` on the fixtures in `tests/lint/`: every format, every finding and every
//! "not checked" reason, spans, keywords, plans, policies, exit statuses and the SARIF shape (the
//! SARIF schema itself is checked by `tests/e2e/lint-sarif.test.mjs`).

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lifetime-guard"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out) = run(&all);
    (code, serde_json::from_str(&out).expect("JSON output"))
}

/// `text` written as `name` in a directory of its own under the system's temporary directory
/// (`tag` tells the tests apart); the directory and the file.
fn temp_file(tag: &str, name: &str, text: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("lg-lint-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write");
    (dir, file)
}

/// The value of `field` for `entity` (a prefix of the entity label).
fn value<'a>(report: &'a Value, entity: &str, field: &str) -> &'a Value {
    report["values"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| {
            v["entity"].as_str().is_some_and(|e| e.starts_with(entity)) && v["field"] == field
        })
        .unwrap_or_else(|| panic!("no {entity} {field} in {report:#}"))
}

fn codes(v: &Value) -> Vec<&str> {
    v["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter_map(|m| m["code"].as_str())
        .collect()
}

/// Every value's line and column point at its raw text in the file.
fn spans_point_at_raw(report: &Value) {
    for v in report["values"].as_array().expect("values") {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(v["path"].as_str().expect("path")),
        )
        .expect("file");
        let line = text
            .lines()
            .nth(v["line"].as_u64().expect("line") as usize - 1)
            .expect("line");
        let col = v["column"].as_u64().expect("column") as usize - 1;
        let rest: String = line.chars().skip(col).collect();
        let raw = v["raw"].as_str().expect("raw");
        assert!(
            rest.starts_with(raw.lines().next().unwrap_or("")),
            "{raw:?} not at {}:{}: {line:?}",
            v["line"],
            v["column"]
        );
    }
}

#[test]
fn deploy_cli_yaml() {
    let (code, r) = json(&["tests/lint/deploy-cli-yaml"]);
    assert_eq!(code, 1);
    assert_eq!(r["files"][0]["format"], "deploy-cli-yaml");
    spans_point_at_raw(&r);
    let tl = value(&r, "resource_server:Payments API", "token_lifetime");
    assert_eq!(
        (
            tl["level"].as_str(),
            tl["line"].as_u64(),
            tl["column"].as_u64()
        ),
        (Some("error"), Some(10), Some(21))
    );
    assert_eq!(codes(tl), ["above_maximum"]);
    assert_eq!(tl["seconds"], 2_678_400);
    assert_eq!(
        codes(value(
            &r,
            "resource_server:Payments API",
            "token_lifetime_for_web"
        )),
        ["above_browser_flow_cap"]
    );
    let orders = value(&r, "resource_server:Orders API", "token_lifetime");
    assert_eq!(codes(orders), ["not_checked"]);
    assert!(orders["messages"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("@@ORDERS_TL@@")));
    assert!(
        codes(value(&r, "resource_server:Auth0 MFA API", "token_lifetime"))
            .contains(&"mfa_fixed_lifetime")
    );
    // Hours in the file, minutes in the rules.
    let idle = value(&r, "tenant", "idle_session_lifetime");
    assert_eq!(
        (idle["unit"].as_str(), idle["seconds"].as_u64()),
        (Some("hours"), Some(360_000))
    );
    assert_eq!(codes(idle), ["above_plan_limit"]);
    assert_eq!(
        codes(value(&r, "tenant", "ephemeral_session_lifetime"))[0],
        "above_maximum"
    );
    // infinite_token_lifetime: the absolute lifetime is ignored.
    assert_eq!(
        codes(value(
            &r,
            "client:Acme Web Shop",
            "refresh_token.token_lifetime"
        )),
        ["not_enforced"]
    );
    assert_eq!(
        codes(value(
            &r,
            "client:Acme Web Shop",
            "refresh_token.idle_token_lifetime"
        )),
        ["above_documented_maximum"]
    );
    // Look-alikes are never taken for lifetimes.
    let all = serde_json::to_string(&r["values"]).expect("json");
    assert!(
        !all.contains("99999999999"),
        "addons.*.lifetime_in_seconds or urlLifetimeInSeconds was read"
    );
    assert_eq!(r["values"].as_array().map(Vec::len), Some(11));
}

#[test]
fn deploy_cli_directory_names_entities_by_name() {
    let (code, r) = json(&["tests/lint/deploy-cli-dir"]);
    assert_eq!(code, 1);
    spans_point_at_raw(&r);
    assert!(r["files"]
        .as_array()
        .expect("files")
        .iter()
        .all(|f| f["format"] == "deploy-cli-directory"));
    let tl = value(&r, "resource_server:Payments API", "token_lifetime");
    assert_eq!(codes(tl), ["not_a_number"]);
    assert_eq!(
        codes(value(
            &r,
            "client:Acme Web Shop",
            "jwt_configuration.lifetime_in_seconds"
        )),
        ["not_whole"]
    );
    assert_eq!(
        codes(value(&r, "client:Acme Web Shop", "refresh_token.leeway")),
        ["long_overlap"]
    );
    let s = value(&r, "tenant", "session_lifetime");
    assert_eq!(
        (s["unit"].as_str(), s["raw"].as_str()),
        (Some("minutes"), Some("600000"))
    );
    assert_eq!(codes(s), ["above_maximum", "above_plan_limit"]);
}

#[test]
fn terraform_hcl() {
    let (code, r) = json(&["tests/lint/terraform"]);
    assert_eq!(code, 1);
    spans_point_at_raw(&r);
    let tl = value(
        &r,
        "resource_server:auth0_resource_server.payments",
        "token_lifetime",
    );
    assert_eq!(
        (tl["raw"].as_str(), tl["seconds"].as_u64()),
        (Some("local.day * 31"), Some(2_678_400))
    );
    assert_eq!(codes(tl), ["above_maximum"]);
    assert_eq!(
        value(
            &r,
            "resource_server:auth0_resource_server.payments",
            "token_lifetime_for_web"
        )["seconds"],
        7200
    );
    assert!(codes(value(
        &r,
        "resource_server:auth0_resource_server.management",
        "token_lifetime_for_web"
    ))
    .contains(&"not_sent_by_terraform"));
    let jwt = value(
        &r,
        "client:auth0_client.shop",
        "jwt_configuration.lifetime_in_seconds",
    );
    assert_eq!(codes(jwt), ["not_checked"]);
    assert!(jwt["messages"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("var.from_outside")));
    assert!(
        value(&r, "client:auth0_client.shop", "refresh_token.leeway")["messages"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("max()"))
    );
    assert_eq!(
        value(
            &r,
            "client:auth0_client.shop",
            "refresh_token.idle_token_lifetime"
        )["seconds"],
        259_200
    );
    let s = value(&r, "tenant", "session_lifetime");
    assert_eq!(
        (s["seconds"].as_u64(), codes(s)),
        (Some(7200), vec!["terraform_rounds_hours"])
    );
    assert_eq!(
        value(&r, "tenant", "idle_session_lifetime")["seconds"],
        1800,
        "below 1 h: not rounded"
    );
}

#[test]
fn terraform_plan_and_state_json() {
    let (code, r) = json(&["tests/lint/terraform-json"]);
    assert_eq!(code, 1);
    spans_point_at_raw(&r);
    let formats: Vec<&str> = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["format"].as_str())
        .collect();
    assert_eq!(formats, ["terraform-plan", "terraform-state"]);
    assert_eq!(
        codes(value(
            &r,
            "resource_server:auth0_resource_server.payments",
            "token_lifetime_for_web"
        )),
        ["exceeds_token_lifetime"]
    );
    assert_eq!(
        codes(value(
            &r,
            "client:auth0_client.shop",
            "refresh_token.token_lifetime"
        ))[0],
        "above_maximum"
    );
    assert_eq!(
        value(
            &r,
            "client:auth0_client.shop",
            "jwt_configuration.lifetime_in_seconds"
        )["level"],
        "ok"
    );
    assert_eq!(
        codes(value(&r, "tenant", "session_lifetime"))[0],
        "above_maximum"
    );
}

#[test]
fn management_api_responses() {
    let (code, r) = json(&["tests/lint/management-api"]);
    assert_eq!(code, 1);
    spans_point_at_raw(&r);
    assert_eq!(
        codes(value(
            &r,
            "resource_server:Payments API",
            "token_lifetime_for_web"
        )),
        ["exceeds_token_lifetime", "above_browser_flow_cap"]
    );
    assert!(
        codes(value(&r, "resource_server:Auth0 MFA API", "token_lifetime"))
            .contains(&"mfa_fixed_lifetime")
    );
    assert_eq!(
        codes(value(&r, "tenant", "idle_ephemeral_session_lifetime")),
        ["above_plan_limit", "idle_exceeds_maximum"]
    );
}

#[test]
fn keywords_as_the_deploy_cli_replaces_them() {
    let (code, r) = json(&["tests/lint/keywords/tenant.yaml"]);
    assert_eq!(code, 1);
    let err = r["files"][0]["error"]["message"]
        .as_str()
        .expect("an error");
    assert!(
        err.contains("@@PAYMENTS_TL@@") && err.contains("line 4") && err.contains("--keywords"),
        "{err}"
    );
    let (code, r) = json(&[
        "--keywords",
        "tests/lint/keywords/config.json",
        "tests/lint/keywords/tenant.yaml",
    ]);
    assert_eq!(code, 1);
    let tl = value(&r, "resource_server:Payments API", "token_lifetime");
    assert_eq!(
        (
            tl["raw"].as_str(),
            tl["line"].as_u64(),
            tl["column"].as_u64()
        ),
        (Some("@@PAYMENTS_TL@@"), Some(4), Some(21))
    );
    assert_eq!(codes(tl), ["above_maximum"]);
    let web = value(&r, "resource_server:Payments API", "token_lifetime_for_web");
    assert_eq!(
        (web["raw"].as_str(), web["seconds"].as_u64()),
        (Some("##WEB_TL##"), Some(7200))
    );
    // A comment placeholder without mappings: not checked, with the reason.
    let (dir, f) = temp_file(
        "comment",
        "tenant.yaml",
        "resourceServers:\n  - name: A\n    token_lifetime: ##TL##\n",
    );
    let (_, r) = json(&[f.to_str().expect("path")]);
    let v = value(&r, "resource_server:A", "token_lifetime");
    assert!(
        v["messages"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("##TL##") && t.contains("comment")),
        "{v}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A Deploy CLI YAML file's values come in the file's order, whatever the order of its sections
/// (its APIs and applications are checked while it is read, the tenant after), and a file of
/// terraform-looking keys with the Deploy CLI's sections is still read as a Deploy CLI export.
#[test]
fn yaml_values_in_the_files_order() {
    let (dir, f) = temp_file(
        "order",
        "tenant.yaml",
        "clients:\n  - name: A\n    jwt_configuration:\n      lifetime_in_seconds: 3600\ntenant:\n  session_lifetime: 168\nresourceServers:\n  - name: R\n    identifier: https://r/\n    token_lifetime: 86400\nformat_version: '1.0'\n",
    );
    let (_, r) = json(&[f.to_str().expect("path")]);
    let seen: Vec<(&str, &str, u64)> = r["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["entity"].as_str().unwrap_or(""),
                v["format"].as_str().unwrap_or(""),
                v["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("client:A", "deploy-cli-yaml", 4),
            ("tenant", "deploy-cli-yaml", 6),
            ("resource_server:R", "deploy-cli-yaml", 10)
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn plans_policies_and_exit_statuses() {
    let (code, r) = json(&["tests/lint/clean"]);
    assert_eq!(code, 0, "{r:#}");
    assert!(r["values"]
        .as_array()
        .expect("v")
        .iter()
        .all(|v| v["level"] == "ok"));
    let (_, r) = json(&["--plan", "enterprise", "tests/lint/deploy-cli-yaml"]);
    assert_eq!(
        value(&r, "tenant", "idle_session_lifetime")["level"],
        "ok",
        "Enterprise: 6,000 min is within the plan"
    );
    let (dir, p) = temp_file(
        "policy",
        "policy.json",
        r#"{"token_lifetime": {"max": "1h"}}"#,
    );
    let (code, r) = json(&["--policy", p.to_str().expect("p"), "tests/lint/clean"]);
    assert_eq!(code, 1);
    assert_eq!(
        codes(value(&r, "resource_server:Payments API", "token_lifetime")),
        ["above_policy_maximum"]
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(run(&["lint", "tests/lint/does-not-exist"]).0, 2);
    assert_eq!(
        run(&["lint", "--keywords", "Cargo.toml", "tests/lint/clean"]).0,
        2
    );
    assert_eq!(run(&["lint"]).0, 2);
}

#[test]
fn human_output_reads_like_a_compiler() {
    let (_, out) = run(&["lint", "tests/lint/deploy-cli-yaml"]);
    assert!(out.contains("error[above_maximum]: Above the maximum of 2,592,000 s (30 days); Auth0 rejects the save — Management API schema.\n  --> tests/lint/deploy-cli-yaml/tenant.yaml:10:21\n"), "{out}");
    assert!(out.contains("10 |     token_lifetime: 2678400\n   |                     ^^^^^^^ 2,678,400 s = 31 days\n"), "{out}");
    assert!(
        out.ends_with("lifetime-guard lint: 11 lifetimes in 1 file: 2 errors, 5 warnings\n"),
        "{out}"
    );
}

#[test]
fn sarif_shape() {
    let (_, out) = run(&["lint", "--format", "sarif", "tests/lint/terraform"]);
    let s: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().expect("id")));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1));
    }
}

#[test]
#[ignore = "timing probe on the bench export (cargo xtask bench writes it): cargo test --release --test lint -- --ignored --nocapture"]
fn phases_of_a_large_export() {
    use lifetime_guard::lint::{entities, output, run, yaml, Options, Report};
    let Ok(text) = std::fs::read_to_string("target/bench/lint-export/tenant.yaml") else {
        return;
    };
    let t = std::time::Instant::now();
    let root = yaml::read(&text).expect("reads");
    eprintln!("read {:?}", t.elapsed());
    drop(root);
    let t = std::time::Instant::now();
    let r =
        entities::read_data(std::path::Path::new("tenant.yaml"), &text, &mut drop).expect("read");
    eprintln!(
        "read+entities {:?} ({} entities)",
        t.elapsed(),
        r.entities.len()
    );
    let t = std::time::Instant::now();
    let f = run::lint_text(
        std::path::Path::new("tenant.yaml"),
        &text,
        None,
        &Options::default(),
    );
    eprintln!("lint_text {:?}", t.elapsed());
    let report = Report { files: vec![f] };
    let t = std::time::Instant::now();
    let h = output::human(&report);
    eprintln!("human {:?} {}", t.elapsed(), h.len());
    let t = std::time::Instant::now();
    let j = output::json(&report);
    eprintln!("json {:?} {}", t.elapsed(), j.len());
}
