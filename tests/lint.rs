//! `lifetime-guard lint` on the fixtures in `tests/lint/`: every format, every finding and every
//! "not checked" reason, spans, keywords, plans, policies, exit statuses and the SARIF shape (the
//! SARIF schema itself is checked by `tests/e2e/lint-sarif.test.mjs`). Files are linted in-process
//! through the library (`lint_json`); the binary is spawned (`json`, `run`) where the command line
//! itself is under test: its flags, settings file, standard input and exit statuses. Every
//! fixture's whole output is compared byte for byte by `tests/lint_snapshots.rs`.

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

/// `paths` linted through the library with the default options, as `lint --format json` would
/// without flags or a settings file: the exit status it would give, and the JSON report.
fn lint_json(paths: &[&str]) -> (i32, Value) {
    use lifetime_guard::lint::{config::FailOn, output, Options};
    // Relative to the crate, as the command line is run (cargo runs tests there).
    let paths: Vec<std::path::PathBuf> = paths.iter().map(std::path::PathBuf::from).collect();
    let report = lifetime_guard::lint::lint(&paths, None, &Options::default());
    let status = i32::from(report.exit_status(FailOn::default()));
    let json = output::json(&report);
    (status, serde_json::from_str(&json).expect("JSON output"))
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

/// The lifetime `field` of `entity` (a prefix of the entity label), or else a rule's finding
/// about the setting `field` of it (`refresh_token.expiration_type`), which is no lifetime.
fn value<'a>(report: &'a Value, entity: &str, field: &str) -> &'a Value {
    let of_entity = |v: &&Value| v["entity"].as_str().is_some_and(|e| e.starts_with(entity));
    let values = report["values"].as_array().expect("values");
    let findings = report["findings"].as_array().expect("findings");
    values
        .iter()
        .filter(of_entity)
        .find(|v| v["field"] == field)
        .or_else(|| {
            findings
                .iter()
                .filter(of_entity)
                .find(|v| v["about"] == field)
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
    let (code, r) = lint_json(&["tests/lint/deploy-cli-yaml"]);
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
    // infinite_token_lifetime: the absolute lifetime is ignored by Auth0, but the Management API
    // still validates what is sent against its schema.
    assert_eq!(
        codes(value(
            &r,
            "client:Acme Web Shop",
            "refresh_token.token_lifetime"
        )),
        ["above_maximum", "not_enforced"]
    );
    assert_eq!(
        codes(value(
            &r,
            "client:Acme Web Shop",
            "refresh_token.idle_token_lifetime"
        )),
        ["above_documented_maximum"]
    );
    // An add-on's and an email link's lifetimes are lifetimes of their own, read as such.
    let saml = value(&r, "client:Acme Web Shop", "addons.samlp.lifetimeInSeconds");
    assert_eq!(saml["raw"], "99999999999");
    let url = value(&r, "email_template:verify_email", "urlLifetimeInSeconds");
    assert_eq!(url["seconds"], 99_999_999_999u64);
    // Rotation with an infinite maximum: refused, pointed at the flag that breaks the rule, a
    // finding about that flag and not a second value of the lifetime.
    let rules: Vec<&Value> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|v| codes(v).contains(&"rotation_needs_expiration"))
        .collect();
    assert_eq!(rules.len(), 1);
    assert_eq!(
        (
            rules[0]["raw"].as_str(),
            rules[0]["line"].as_u64(),
            rules[0]["about"].as_str(),
            rules[0]["field"].as_str()
        ),
        (
            Some("true"),
            Some(26),
            Some("refresh_token.infinite_token_lifetime"),
            Some("refresh_token.token_lifetime")
        )
    );
    assert!(r["values"]
        .as_array()
        .expect("values")
        .iter()
        .all(|v| !codes(v).contains(&"rotation_needs_expiration")));
    assert_eq!(r["values"].as_array().map(Vec::len), Some(13));
}

/// Issue 26: every lifetime an admin sets, in every format, in the file's unit.
#[test]
fn more_lifetimes_in_every_format() {
    let (code, r) = lint_json(&["tests/lint/more-lifetimes"]);
    assert_eq!(code, 1);
    spans_point_at_raw(&r);
    let level_and_codes = |entity: &str, field: &str| {
        let v = value(&r, entity, field);
        (
            v["level"].as_str().unwrap_or_default().to_string(),
            codes(v).join(","),
        )
    };
    let expect = [
        // Deploy CLI YAML.
        (
            "email_template:verify_email",
            "urlLifetimeInSeconds",
            "ok",
            "is_default",
        ),
        (
            "email_template:reset_email",
            "urlLifetimeInSeconds",
            "ok",
            "",
        ),
        (
            "connection:email",
            "options.totp.time_step",
            "error",
            "below_minimum",
        ),
        ("connection:sms", "options.totp.time_step", "ok", ""),
        (
            "attack_protection:attack protection",
            "suspicious_ip_throttling.stage.pre-user-registration.rate",
            "error",
            "below_minimum",
        ),
        (
            "new_device:new device",
            "new_device.remember_for",
            "error",
            "above_maximum",
        ),
        (
            "client:Storefront SPA",
            "par_request_expiry",
            "error",
            "above_maximum",
        ),
        (
            "client:Storefront SPA",
            "addons.aws.lifetime_in_seconds",
            "error",
            "below_minimum",
        ),
        (
            "client:Storefront SPA",
            "addons.azure_blob.expiration",
            "ok",
            "",
        ),
        // A rule's finding about a flag, not a lifetime: looked up by the flag.
        (
            "client:Storefront SPA",
            "refresh_token.expiration_type",
            "error",
            "spa_non_expiring_refresh_token",
        ),
        // Deploy CLI directory.
        (
            "attack_protection:suspicious-ip-throttling",
            "suspicious_ip_throttling.stage.pre-login.rate",
            "error",
            "below_minimum",
        ),
        ("connection:sms", "options.totp.time_step", "ok", ""),
        (
            "email_template:verify_email",
            "urlLifetimeInSeconds",
            "ok",
            "is_default",
        ),
        ("new_device:new-device", "new_device.remember_for", "ok", ""),
        // Terraform.
        (
            "connection:auth0_connection.passwordless_email",
            "options.totp.time_step",
            "error",
            "below_minimum",
        ),
        (
            "attack_protection:auth0_attack_protection.this",
            "suspicious_ip_throttling.stage.pre-login.rate",
            "error",
            "above_maximum",
        ),
        (
            "attack_protection:auth0_attack_protection.this",
            "suspicious_ip_throttling.stage.pre-user-registration.rate",
            "ok",
            "",
        ),
        (
            "client:auth0_client.saml",
            "addons.samlp.lifetimeInSeconds",
            "ok",
            "is_default",
        ),
        (
            "client:auth0_client.saml",
            "addons.aws.lifetime_in_seconds",
            "error",
            "above_maximum",
        ),
        (
            "client:auth0_client.saml",
            "refresh_token.expiration_type",
            "error",
            "rotation_needs_expiration",
        ),
        (
            "email_template:auth0_email_template.verify",
            "urlLifetimeInSeconds",
            "ok",
            "is_default",
        ),
        // The Deploy CLI's current shape: riskAssessment with new_device (a tenant without the
        // feature exports remember_for 0, which the API refuses).
        (
            "new_device:risk assessment",
            "new_device.remember_for",
            "ok",
            "",
        ),
        (
            "new_device:settings",
            "new_device.remember_for",
            "error",
            "below_minimum",
        ),
        (
            "new_device:auth0_risk_assessments_new_device.this",
            "new_device.remember_for",
            "error",
            "above_maximum",
        ),
        // Management API bodies.
        (
            "invitation:",
            "invitation.ttl_sec",
            "error",
            "above_maximum",
        ),
        ("ticket:", "ticket.ttl_sec", "ok", ""),
        (
            "scim_token:",
            "scim_token.token_lifetime",
            "error",
            "below_minimum",
        ),
        ("tenant", "idle_session_lifetime", "ok", "decimal_hours"),
    ];
    for (entity, field, level, want) in expect {
        let got = level_and_codes(entity, field);
        // The directory's entities come first, the YAML file's after: check one of each name.
        if got != (level.to_string(), want.to_string()) {
            let all: Vec<(String, String)> = r["values"]
                .as_array()
                .expect("values")
                .iter()
                .filter(|v| {
                    v["entity"].as_str().is_some_and(|e| e.starts_with(entity))
                        && v["field"] == field
                })
                .map(|v| {
                    (
                        v["level"].as_str().unwrap_or_default().to_string(),
                        codes(v).join(","),
                    )
                })
                .collect();
            assert!(
                all.contains(&(level.to_string(), want.to_string())),
                "{entity} {field}: {all:?}"
            );
        }
    }
    // Units: milliseconds and days in files, in the rule's words.
    let rate = value(
        &r,
        "attack_protection:attack protection",
        "suspicious_ip_throttling.stage.pre-login.rate",
    );
    assert_eq!(
        (rate["unit"].as_str(), rate["seconds"].as_u64()),
        (Some("milliseconds"), Some(864))
    );
    let (_, human) = run(&["lint", "tests/lint/more-lifetimes/deploy-cli-yaml"]);
    assert!(human.contains("^^^ 600 ms = 600 milliseconds"), "{human}");
    assert!(human.contains("^^^ 400 d = 400 days"), "{human}");
    let days = value(&r, "new_device:new device", "new_device.remember_for");
    assert_eq!(
        (days["unit"].as_str(), days["seconds"].as_u64()),
        (Some("days"), Some(400 * 86_400))
    );
    // OTP Length beside OTP Expiry is never read.
    assert!(!serde_json::to_string(&r["values"])
        .expect("json")
        .contains("\"length\""));
    // A request body with decimal hours is refused; the same file as an answer is not.
    let (code, req) = json(&[
        "--api-json",
        "request",
        "tests/lint/more-lifetimes/management-api/tenant-settings-request.json",
    ]);
    assert_eq!(code, 1);
    let idle = value(&req, "tenant", "idle_session_lifetime");
    assert_eq!(
        (idle["level"].as_str(), codes(idle)),
        (Some("error"), vec!["not_whole_hours"])
    );
    assert!(idle["messages"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("90 in idle_session_lifetime_in_minutes")));
    let (code, _) =
        lint_json(&["tests/lint/more-lifetimes/management-api/tenant-settings-request.json"]);
    assert_eq!(code, 0);
}

#[test]
fn deploy_cli_directory_names_entities_by_name() {
    let (code, r) = lint_json(&["tests/lint/deploy-cli-dir"]);
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

/// `docs/linting.md`'s table of finding codes is the one `codes::markdown_table` writes from the
/// enum. `LG_UPDATE_DOCS=1 cargo test` rewrites it; otherwise a difference fails.
#[test]
fn the_docs_table_of_codes_is_generated() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/linting.md");
    let docs = std::fs::read_to_string(path).expect("docs/linting.md");
    let (start, end) = ("<!-- codes:start -->\n", "<!-- codes:end -->");
    let (before, rest) = docs.split_once(start).expect("a codes:start marker");
    let (_, after) = rest.split_once(end).expect("a codes:end marker");
    let want = format!(
        "{before}{start}{}{end}{after}",
        lifetime_guard::codes::markdown_table()
    );
    if std::env::var_os("LG_UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("write docs/linting.md");
    }
    assert!(
        docs == want,
        "docs/linting.md's table of codes is out of date: run LG_UPDATE_DOCS=1 cargo test --test lint"
    );
}

/// A catalog row's codes are reported at the level their code says: a soft limit warns, a
/// relation that blocks is an error.
#[test]
fn catalog_codes_have_their_levels() {
    use lifetime_guard::catalog::FIELDS;
    use lifetime_guard::verdict::Level;
    for f in FIELDS {
        for s in f.soft {
            assert_eq!(s.code.level(), Level::Warning, "{} {}", f.id, s.code);
        }
        for r in f.relations {
            let level = if r.blocks {
                Level::Error
            } else {
                Level::Warning
            };
            assert_eq!(r.code.level(), level, "{} {}", f.id, r.code);
        }
    }
}

/// Terraform refuses a block that sets an attribute twice; the linter says so in its words.
#[test]
fn terraform_attribute_set_twice() {
    let (dir, _) = temp_file(
        "dup-attr",
        "main.tf",
        "resource \"auth0_resource_server\" \"api\" {\n  identifier     = \"https://x\"\n  token_lifetime = 90000000\n  token_lifetime = 3600\n}\n",
    );
    let (code, out) = run(&["lint", dir.to_str().expect("utf-8")]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("“token_lifetime” is set twice in one block; Terraform refuses the file (Attribute redefined)"), "{out}");
    assert!(out.contains("main.tf:4:3"), "{out}");
}

#[test]
fn terraform_hcl() {
    let (code, r) = lint_json(&["tests/lint/terraform"]);
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
            .is_some_and(|t| t.contains("file()"))
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
    let (code, r) = lint_json(&["tests/lint/terraform-json"]);
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
    let (code, r) = lint_json(&["tests/lint/management-api"]);
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
    let (code, r) = lint_json(&["tests/lint/keywords/tenant.yaml"]);
    // The file cannot be read until its placeholders are replaced: nothing in it was checked.
    assert_eq!(code, 2);
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
    let (_, r) = lint_json(&[f.to_str().expect("path")]);
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
    let (_, r) = lint_json(&[f.to_str().expect("path")]);
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
    let (code, r) = lint_json(&["tests/lint/clean"]);
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
        out.ends_with("lifetime-guard lint: 13 lifetimes in 1 file: 4 errors, 5 warnings\n"),
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
    // Without a published docs page, no link is made up.
    assert!(run["tool"]["driver"]["rules"][0].get("helpUri").is_none());
    drop(s);
    // With one, every rule links to its "Finding codes" section.
    let (dir, _) = temp_file(
        "sarif-help",
        ".lifetime-guard.json",
        r#"{"sarif_help_uri": "https://git.example/acme/lifetime-guard/blob/main/docs/linting.md"}"#,
    );
    std::fs::copy("tests/lint/terraform/main.tf", dir.join("main.tf")).expect("copy");
    std::fs::copy(
        "tests/lint/terraform/variables.tf",
        dir.join("variables.tf"),
    )
    .expect("copy");
    let (_, out) = self::run(&["lint", "--format", "sarif", dir.to_str().expect("utf-8")]);
    std::fs::remove_dir_all(&dir).ok();
    let s: Value = serde_json::from_str(&out).expect("json");
    for rule in s["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
    {
        assert_eq!(
            rule["helpUri"],
            "https://git.example/acme/lifetime-guard/blob/main/docs/linting.md#finding-codes"
        );
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
    let root = yaml::read(&text, &mut Vec::new()).expect("reads");
    eprintln!("read {:?}", t.elapsed());
    drop(root);
    let t = std::time::Instant::now();
    let r = entities::read_data(std::path::Path::new("tenant.yaml"), &text, &mut |_, _| {})
        .expect("read");
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

/// What a real repository holds besides configuration: a dangling link (an editor's lock file),
/// binary data with a configuration's name. Each is reported and skipped, and the run goes on; a
/// path named on the command line that does not exist fails the run with 2, after the others
/// were linted.
#[test]
fn unreadable_entries_are_reported_and_skipped() {
    let (dir, _) = temp_file("walk", "tenant.yaml", "tenant:\n  session_lifetime: 9000\n");
    std::fs::write(dir.join("blob.json"), b"{\0\0\x01binary").expect("binary");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("gone.json"), dir.join(".#tenant.json")).expect("link");
    let d = dir.to_str().expect("utf-8 path");
    let (code, out) = run(&["lint", d]);
    assert_eq!(
        code, 1,
        "the finding in tenant.yaml fails the run, nothing else:\n{out}"
    );
    assert!(
        out.contains("warning[skipped]: skipped: binary data"),
        "{out}"
    );
    #[cfg(unix)]
    assert!(
        out.contains(
            "warning[skipped]: cannot be read: no such file or directory (or a link to nothing)"
        ),
        "{out}"
    );
    assert!(
        out.contains("error[above_maximum]"),
        "the YAML file was linted:\n{out}"
    );
    let missing = dir.join("missing.yaml");
    let (code, report) = json(&[d, missing.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2, "a named path that does not exist: {report:#}");
    let skipped: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["skipped"].as_str())
        .collect();
    assert_eq!(skipped.len(), if cfg!(unix) { 3 } else { 2 }, "{report:#}");
    assert!(
        report["values"].as_array().is_some_and(|v| !v.is_empty()),
        "the others were linted"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A byte-order mark at the start of a file, as some Windows editors write it: Terraform reads
/// the file, and so does the linter, with the same lines and columns.
#[test]
fn a_byte_order_mark_is_not_part_of_the_file() {
    let tf =
        "\u{feff}resource \"auth0_resource_server\" \"api\" {\n  token_lifetime = 3000000\n}\n";
    let (dir, file) = temp_file("bom", "main.tf", tf);
    let (code, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{report:#}");
    let v = value(
        &report,
        "resource_server:auth0_resource_server",
        "token_lifetime",
    );
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(2), Some(20)),
        "{v:#}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Terraform converts a string to a number for a number-typed argument: `"86400"` is 86,400, as
/// the provider sends it; a string that is no number stays an error.
#[test]
fn terraform_converts_strings_to_numbers() {
    let tf = "resource \"auth0_resource_server\" \"api\" {\n  token_lifetime = \"86400\"\n  token_lifetime_for_web = \"soon\"\n}\n";
    let (dir, file) = temp_file("tfstr", "main.tf", tf);
    let (code, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    let v = value(
        &report,
        "resource_server:auth0_resource_server",
        "token_lifetime",
    );
    assert_eq!(
        (v["level"].as_str(), v["seconds"].as_u64()),
        (Some("ok"), Some(86_400)),
        "{v:#}"
    );
    assert!(codes(v).contains(&"terraform_converts_string"), "{v:#}");
    let w = value(
        &report,
        "resource_server:auth0_resource_server",
        "token_lifetime_for_web",
    );
    assert_eq!(w["level"], "error", "{w:#}");
    assert_eq!(code, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A module as a Terraform team keeps it: `var.token_lifetime` has a default in variables.tf and
/// its value in terraform.tfvars, which an `*.auto.tfvars`, `--var-file` and `--var` override in
/// Terraform's order. Each value says where it came from; linting main.tf alone reads the module.
#[test]
fn terraform_variables_as_terraform_sets_them() {
    let (dir, main) = temp_file(
        "tfvars",
        "main.tf",
        "resource \"auth0_resource_server\" \"api\" {\n  token_lifetime = var.token_lifetime\n}\n",
    );
    std::fs::write(
        dir.join("variables.tf"),
        "variable \"token_lifetime\" {\n  default = 5000000\n}\n",
    )
    .expect("variables.tf");
    let main = main.to_str().expect("utf-8 path").to_string();
    let d = dir.to_str().expect("utf-8 path").to_string();
    let resolved = |args: &[&str]| {
        let (code, report) = json(args);
        let v = value(
            &report,
            "resource_server:auth0_resource_server",
            "token_lifetime",
        )
        .clone();
        let note = v["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .find(|m| m["code"] == "resolved_from")
            .map(|m| m["text"].as_str().unwrap_or_default().to_string());
        (code, v["seconds"].as_u64(), note.unwrap_or_default())
    };
    let (code, seconds, note) = resolved(&[&main]);
    assert_eq!(
        (code, seconds),
        (1, Some(5_000_000)),
        "the default, from the sibling file"
    );
    assert!(
        note.contains("var.token_lifetime = 5000000, its default"),
        "{note}"
    );

    std::fs::write(dir.join("terraform.tfvars"), "token_lifetime = 3600\n").expect("tfvars");
    let (code, seconds, note) = resolved(&[&d]);
    assert_eq!(
        (code, seconds),
        (0, Some(3600)),
        "terraform.tfvars wins over the default"
    );
    assert!(
        note.contains("var.token_lifetime = 3600, terraform.tfvars:1"),
        "{note}"
    );
    // A changed variable file (what a pre-commit hook passes) lints the module that reads it.
    let tfvars = dir.join("terraform.tfvars");
    let (code, seconds, note) = resolved(&[tfvars.to_str().expect("utf-8 path")]);
    assert_eq!(
        (code, seconds),
        (0, Some(3600)),
        "a variable file named lints its module"
    );
    assert!(note.contains("terraform.tfvars:1"), "{note}");

    std::fs::write(
        dir.join("b.auto.tfvars"),
        "# staging\ntoken_lifetime = 7200\n",
    )
    .expect("auto");
    let (_, seconds, note) = resolved(&[&main]);
    assert_eq!(
        seconds,
        Some(7200),
        "*.auto.tfvars wins over terraform.tfvars"
    );
    assert!(note.contains("b.auto.tfvars:2"), "{note}");

    let extra = dir.join("prod.vars");
    std::fs::write(&extra, "token_lifetime = 10800\n").expect("var file");
    let extra = extra.to_str().expect("utf-8 path").to_string();
    let (_, seconds, _) = resolved(&[&d, "--var-file", &extra]);
    assert_eq!(
        seconds,
        Some(10_800),
        "--var-file wins over the module's files"
    );
    let (_, seconds, note) = resolved(&[&d, "--var-file", &extra, "--var", "token_lifetime=60"]);
    assert_eq!(seconds, Some(60), "--var wins over everything");
    assert!(note.contains("--var token_lifetime"), "{note}");

    let (code, _) = run(&["lint", &d, "--var-file", "/nonexistent/prod.tfvars"]);
    assert_eq!(code, 2, "a --var-file that cannot be read");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Terraform's JSON syntax, as CDKTF writes it: read as Terraform, nested blocks as objects or
/// lists of objects, strings converted as Terraform converts them, `${…}` not checked.
#[test]
fn terraform_json_syntax_is_read() {
    let text = r#"{
  "resource": {
    "auth0_resource_server": {
      "api": { "name": "API", "identifier": "https://api.example/", "token_lifetime": 3000000, "token_lifetime_for_web": "${var.web}" }
    },
    "auth0_client": {
      "spa": { "name": "SPA", "refresh_token": [{ "rotation_type": "rotating", "expiration_type": "expiring", "token_lifetime": "2592000", "idle_token_lifetime": 1296000 }] }
    }
  }
}
"#;
    let (dir, file) = temp_file("tfjson", "main.tf.json", text);
    let (code, report) = lint_json(&[dir.to_str().expect("utf-8 path")]);
    assert_eq!(report["files"][0]["format"], "terraform", "{report:#}");
    assert_eq!(code, 1, "{report:#}");
    let api = value(
        &report,
        "resource_server:auth0_resource_server.api",
        "token_lifetime",
    );
    assert_eq!(api["level"], "error");
    assert_eq!(api["line"], 4);
    let web = value(
        &report,
        "resource_server:auth0_resource_server.api",
        "token_lifetime_for_web",
    );
    assert!(codes(web).contains(&"not_checked"), "{web:#}");
    let rt = value(
        &report,
        "client:auth0_client.spa",
        "refresh_token.token_lifetime",
    );
    assert_eq!(rt["seconds"].as_u64(), Some(2_592_000), "{rt:#}");
    let _ = (file, std::fs::remove_dir_all(&dir));
}

/// A one-line API response (minified JSON) is quoted as an excerpt around each value, so the
/// output grows with the findings, not with the line; a CRLF file's lines are quoted without `\r`.
#[test]
fn output_fits_a_terminal() {
    let filler = "x".repeat(5000);
    let text = format!(
        r#"[{{"name":"A","identifier":"https://a.example/","description":"{filler}","token_lifetime":3000000,"token_lifetime_for_web":7200}},{{"name":"B","identifier":"https://b.example/","token_lifetime":4000000}}]"#
    );
    let (dir, file) = temp_file("minified", "resource-servers.json", &text);
    let (code, out) = run(&["lint", file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[above_maximum]"), "{out}");
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest <= 140, "a line of {longest} characters:\n{out}");
    assert!(out.len() < 3000, "{} bytes of output", out.len());
    assert!(
        out.contains("\",\"token_lifetime\":3000000,\"token_lifetime_for_web\":7200},{\"na…"),
        "an excerpt around the value:\n{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);

    let (dir, file) = temp_file(
        "crlf",
        "tenant.yaml",
        "tenant:\r\n  session_lifetime: 9000\r\n",
    );
    let (_, out) = run(&["lint", file.to_str().expect("utf-8 path")]);
    assert!(out.contains("session_lifetime: 9000\n"), "{out:?}");
    assert!(!out.contains('\r'), "{out:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A broken JSON file is explained in JSON's words, at the place JSON's parser stops.
#[test]
fn broken_json_in_json_words() {
    let (dir, file) = temp_file(
        "badjson",
        "tenant.json",
        "{\n  \"session_lifetime\": 72,\n  \"idle_session_lifetime\": 24,,\n}\n",
    );
    let (code, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    // A file that cannot be read as its format: exit 2, not a finding's 1.
    assert_eq!(code, 2);
    let error = &report["files"][0]["error"];
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("not valid JSON")),
        "{error:#}"
    );
    assert_eq!(error["line"], 3, "{error:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// YAML merge keys, as Deploy CLI exports kept by hand use them for shared settings: the merged
/// lifetimes are checked, at the line where they are written; the mapping's own keys win.
#[test]
fn yaml_merge_keys_are_expanded() {
    let yaml = "defaults: &api\n  token_lifetime: 3000000\n  token_lifetime_for_web: 7200\nresourceServers:\n  - name: A\n    identifier: https://a.example/\n    <<: *api\n  - name: B\n    identifier: https://b.example/\n    <<: [*api]\n    token_lifetime: 3600\n";
    let (dir, file) = temp_file("merge", "tenant.yaml", yaml);
    let (code, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{report:#}");
    let a = value(&report, "resource_server:A", "token_lifetime");
    assert_eq!(
        (a["level"].as_str(), a["line"].as_u64()),
        (Some("error"), Some(2)),
        "{a:#}"
    );
    let b = value(&report, "resource_server:B", "token_lifetime");
    assert_eq!(
        (b["seconds"].as_u64(), b["line"].as_u64()),
        (Some(3600), Some(11)),
        "{b:#}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A key set twice: JSON readers and Terraform take the last value, so the last one is checked,
/// and the repetition is a warning; the rest of the file keeps its findings.
#[test]
fn a_key_set_twice_takes_the_last_value() {
    let (dir, file) = temp_file(
        "dup",
        "tenant.json",
        "{\"session_lifetime\": 72, \"idle_session_lifetime\": 24, \"session_lifetime\": 9000}",
    );
    let (code, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{report:#}");
    let v = value(&report, "tenant", "session_lifetime");
    assert_eq!(
        (v["raw"].as_str(), v["level"].as_str()),
        (Some("9000"), Some("error")),
        "{v:#}"
    );
    let warnings = report["files"][0]["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{report:#}");
    assert!(warnings[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("set more than once")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `dynamic "refresh_token"` blocks: a literal `content` is checked; a value from the iterator is
/// not checked, and says why.
#[test]
fn dynamic_blocks_are_read_through_their_content() {
    let tf = "resource \"auth0_client\" \"c\" {\n  name = \"c\"\n  dynamic \"refresh_token\" {\n    for_each = var.rt\n    content {\n      token_lifetime = refresh_token.value.max\n      idle_token_lifetime = 9999999999\n    }\n  }\n}\n";
    let (dir, file) = temp_file("dynamic", "main.tf", tf);
    let (_, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    let idle = value(
        &report,
        "client:auth0_client.c",
        "refresh_token.idle_token_lifetime",
    );
    assert_eq!(idle["line"], 7, "{idle:#}");
    let max = value(
        &report,
        "client:auth0_client.c",
        "refresh_token.token_lifetime",
    );
    assert!(codes(max).contains(&"not_checked"), "{max:#}");
    assert!(
        max["messages"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("iterator of a dynamic block")),
        "{max:#}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Relations use Auth0's default for a field the file leaves unset, and say so; the schema's
/// limits apply to what is sent, even when a flag makes Auth0 ignore the lifetime.
#[test]
fn relations_use_defaults_and_schema_limits_apply_to_what_is_sent() {
    let tf = "resource \"auth0_resource_server\" \"api\" {\n  token_lifetime_for_web = 90000\n}\nresource \"auth0_client\" \"c\" {\n  name = \"c\"\n  refresh_token {\n    rotation_type = \"non-rotating\"\n    expiration_type = \"expiring\"\n    infinite_token_lifetime = true\n    token_lifetime = 999999999\n  }\n}\n";
    let (dir, file) = temp_file("relations", "main.tf", tf);
    let (code, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    let web = value(
        &report,
        "resource_server:auth0_resource_server.api",
        "token_lifetime_for_web",
    );
    assert_eq!(web["level"], "error", "{web:#}");
    assert!(
        codes(web).contains(&"exceeds_token_lifetime")
            && codes(web).contains(&"unset_uses_default"),
        "{web:#}"
    );
    let rt = value(
        &report,
        "client:auth0_client.c",
        "refresh_token.token_lifetime",
    );
    assert_eq!(rt["level"], "error", "{rt:#}");
    assert!(codes(rt).contains(&"above_maximum"), "{rt:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// What fails the build, as teams gate on it: errors by default, warnings too with
/// `--fail-on warning` ("not checked" included); a `.lifetime-guard.json` found upward from the
/// linted path sets it, with the plan, ignored paths and codes; the command line wins.
#[test]
fn gate_control_and_the_settings_file() {
    let (dir, _) = temp_file(
        "gate",
        "tenant.yaml",
        "tenant:\n  idle_session_lifetime: 1000\n  session_lifetime: 168\n",
    );
    let d = dir.to_str().expect("utf-8 path").to_string();
    // idle 1,000 h is above the self-service plan's limit: a warning.
    assert_eq!(run(&["lint", &d]).0, 0, "warnings do not fail by default");
    assert_eq!(run(&["lint", &d, "--fail-on", "warning"]).0, 1);
    std::fs::create_dir_all(dir.join("legacy")).expect("dir");
    std::fs::write(
        dir.join("legacy/old.yaml"),
        "tenant:\n  session_lifetime: 99999\n",
    )
    .expect("legacy");
    assert_eq!(run(&["lint", &d]).0, 1, "the legacy file's error");
    std::fs::write(
        dir.join(".lifetime-guard.json"),
        r#"{"fail_on": "warning", "ignore_paths": ["legacy/**"]}"#,
    )
    .expect("config");
    let (code, out) = run(&["lint", &d]);
    assert_eq!(code, 1, "the config's fail_on: the warning fails:\n{out}");
    assert!(!out.contains("legacy"), "ignored path:\n{out}");
    assert_eq!(
        run(&["lint", &d, "--fail-on", "error"]).0,
        0,
        "the command line wins"
    );
    std::fs::write(
        dir.join(".lifetime-guard.json"),
        r#"{"fail_on": "warning", "ignore_paths": ["legacy/**"], "ignore_codes": ["above_plan_limit", "idle_exceeds_maximum"]}"#,
    )
    .expect("config");
    let (code, report) = json(&[&d]);
    assert_eq!(code, 0, "{report:#}");
    let idle = value(&report, "tenant", "idle_session_lifetime");
    assert_eq!(
        idle["suppressed"][0]["code"], "above_plan_limit",
        "{idle:#}"
    );
    assert_eq!(idle["suppressed"][0]["by"], "config", "{idle:#}");
    let (_, sarif) = run(&["lint", "--format", "sarif", &d]);
    assert!(
        sarif.contains("\"kind\": \"external\""),
        "the settings file's suppressions are external in SARIF"
    );
    std::fs::write(
        dir.join(".lifetime-guard.json"),
        r#"{"fail_on": "sometimes"}"#,
    )
    .expect("config");
    assert_eq!(
        run(&["lint", &d]).0,
        2,
        "a settings file that cannot be used"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A reviewed finding is suppressed in place, with its reason, in YAML and HCL comments; SARIF
/// carries it as a suppression; a comment without a reason suppresses nothing.
#[test]
fn inline_suppressions_need_a_reason() {
    let yaml = "tenant:\n  # lifetime-guard-ignore: above_plan_limit the tenant is on an Enterprise plan\n  idle_session_lifetime: 1000\n  session_lifetime: 99999 # lifetime-guard-ignore: above_maximum\n";
    let (dir, file) = temp_file("suppress", "tenant.yaml", yaml);
    let f = file.to_str().expect("utf-8 path").to_string();
    let (code, report) = json(&[&f, "--fail-on", "warning"]);
    assert_eq!(code, 1, "{report:#}");
    let idle = value(&report, "tenant", "idle_session_lifetime");
    assert_eq!(idle["level"], "ok", "{idle:#}");
    assert_eq!(
        idle["suppressed"][0]["reason"],
        "the tenant is on an Enterprise plan"
    );
    assert_eq!(idle["suppressed"][0]["by"], "comment");
    let max = value(&report, "tenant", "session_lifetime");
    assert_eq!(max["level"], "error", "no reason, no suppression: {max:#}");
    assert!(
        codes(max).contains(&"suppression_without_reason"),
        "{max:#}"
    );
    let (_, sarif) = run(&["lint", "--format", "sarif", &f]);
    let sarif: Value = serde_json::from_str(&sarif).expect("SARIF");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1, "{sarif:#}");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(
        rules.iter().all(|r| r["fullDescription"]["text"]
            .as_str()
            .is_some_and(|t| t.len() > 20)),
        "{rules:#?}"
    );
    let tf = "resource \"auth0_resource_server\" \"api\" {\n  token_lifetime = 2600000 // lifetime-guard-ignore: above_maximum reviewed: migrating next sprint\n}\n";
    std::fs::write(dir.join("main.tf"), tf).expect("tf");
    let (code, report) = lint_json(&[dir.join("main.tf").to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{report:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-` reads standard input, as the file `--stdin-name` names (which gives its format).
#[test]
fn standard_input_with_its_name() {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lifetime-guard"))
        .args(["lint", "-", "--stdin-name", "main.tf", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"resource \"auth0_resource_server\" \"api\" {\n  token_lifetime = 3000000\n}\n")
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["files"][0]["path"], "main.tf");
    assert_eq!(
        value(&report, "resource_server:", "token_lifetime")["level"],
        "error"
    );
    assert_eq!(run(&["lint", "-"]).0, 2, "- without --stdin-name");
}

/// With keyword mappings, a file that cannot be read names the placeholder that has no value,
/// on its own line — not the first placeholder of the file.
#[test]
fn a_missing_keyword_is_named_where_it_stands() {
    let yaml = "tenant:\n  session_lifetime: @@SESSION@@\n  idle_session_lifetime: @@IDLE@@\n";
    let (dir, file) = temp_file("keyword", "tenant.yaml", yaml);
    std::fs::write(
        dir.join("config.json"),
        r#"{"AUTH0_KEYWORD_REPLACE_MAPPINGS": {"SESSION": 168}}"#,
    )
    .expect("config");
    let (_, report) = json(&[
        "--keywords",
        dir.join("config.json").to_str().expect("utf-8 path"),
        file.to_str().expect("utf-8 path"),
    ]);
    let error = &report["files"][0]["error"];
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("@@IDLE@@ on line 3"), "{error:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A raw state file names each resource as the plan does: its module path and instance key.
#[test]
fn state_entities_keep_their_module_path() {
    let state = r#"{"version": 4, "terraform_version": "1.9.0", "resources": [
 {"module": "module.auth0", "mode": "managed", "type": "auth0_resource_server", "name": "api", "instances": [
   {"index_key": "prod", "attributes": {"name": "API", "identifier": "https://a/", "token_lifetime": 3000000}}]}]}"#;
    let (dir, file) = temp_file("state", "terraform.tfstate", state);
    let (_, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    let v = value(
        &report,
        "resource_server:module.auth0.auth0_resource_server.api[\"prod\"]",
        "token_lifetime",
    );
    assert_eq!(v["level"], "error");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The rotation overlap follows rotation: without rotation it is not applied, and not checked
/// against its review threshold.
#[test]
fn the_rotation_overlap_follows_rotation() {
    let yaml = "clients:\n  - name: A\n    refresh_token:\n      rotation_type: non-rotating\n      leeway: 99999\n  - name: B\n    refresh_token:\n      rotation_type: rotating\n      leeway: 99999\n";
    let (dir, file) = temp_file("leeway", "tenant.yaml", yaml);
    let (_, report) = lint_json(&[file.to_str().expect("utf-8 path")]);
    let a = value(&report, "client:A", "refresh_token.leeway");
    assert_eq!(codes(a), ["not_enforced"], "{a:#}");
    let b = value(&report, "client:B", "refresh_token.leeway");
    assert_eq!(codes(b), ["long_overlap"], "{b:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The pre-commit hooks' `files` pattern is the one the linter's table of Deploy CLI folders and
/// Terraform names gives, and Python's `re` (pre-commit's) matches what lint reads.
#[test]
fn the_pre_commit_hooks_cover_every_file_lint_reads() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .expect(".pre-commit-hooks.yaml");
    let want = lifetime_guard::lint::entities::pre_commit_files();
    let pattern = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("files: &files "))
        .map(|p| p.trim_matches('\''))
        .expect("a files: &files '…' line");
    assert_eq!(
        pattern, want,
        "the hooks' files pattern is not the linter's"
    );
    assert_eq!(
        text.matches("files: *files").count(),
        1,
        "both hooks share it"
    );
    let read = [
        "tenant.yaml",
        "tenant/tenant.yml",
        "main.tf",
        "infra/auth0/apis.tf.json",
        "infra/terraform.tfvars",
        "prod.auto.tfvars",
        "env/prod.tfvars.json",
        "terraform.tfstate",
        "export/tenant.json",
        "export/resource-servers/Payments API.json",
        "export/clients/Storefront.json",
        "export/emails/verify_email.json",
        "export/connections/email.json",
        "export/attack-protection/suspicious-ip-throttling.json",
        "export/risk-assessment/settings.json",
        "export/risk-assessments/new-device.json",
    ];
    let not_read = [
        "package.json",
        ".github/workflows/ci.yml",
        "export/attack-protection/breached-password-detection.json",
        "README.md",
        "main.tfx",
    ];
    let script = "import re,sys\np=re.compile(sys.argv[1])\nfor f in sys.argv[2:]: print(f, bool(p.search(f)))";
    let out = std::process::Command::new("python3")
        .args(["-c", script, pattern])
        .args(read.iter().chain(not_read.iter()))
        .output()
        .expect("python3 runs");
    let out = String::from_utf8_lossy(&out.stdout).to_string();
    for f in read {
        assert!(
            out.contains(&format!("{f} True")),
            "{f} is not linted: {out}"
        );
    }
    for f in not_read {
        assert!(out.contains(&format!("{f} False")), "{f} is linted: {out}");
    }
    // Every kind a catalog row keeps in a Deploy CLI directory has its folder in the table.
    use lifetime_guard::catalog::{Owner, FIELDS};
    let api_only = [
        Owner::ScimToken,
        Owner::Invitation,
        Owner::Ticket,
        Owner::SsoTicket,
    ];
    for f in FIELDS.iter().filter(|f| !f.in_files.is_empty()) {
        assert!(
            api_only.contains(&f.owner)
                || lifetime_guard::lint::kinds::KINDS
                    .iter()
                    .any(|k| k.owner == f.owner && !k.directory.is_empty()),
            "{} ({:?}) has no Deploy CLI folder",
            f.id,
            f.owner
        );
    }
}

/// Terraform values as Terraform computes them before apply: attributes of object variables and
/// their optional() defaults, for_each over a map of objects from terraform.tfvars (one instance
/// each, named by its key) and over a set, lookup/try/coalesce/tonumber, conditionals; what only
/// apply knows stays not checked.
#[test]
fn terraform_values_as_terraform_computes_them() {
    let (code, r) = lint_json(&["tests/lint/terraform-eval"]);
    assert_eq!(code, 1, "{r:#}");
    let seconds = |entity: &str, field: &str| value(&r, entity, field)["seconds"].as_u64();
    let api = "resource_server:auth0_resource_server.api";
    assert_eq!(
        seconds(&format!("{api}[\"payments\"]"), "token_lifetime"),
        Some(2_678_400)
    );
    assert_eq!(
        codes(value(&r, &format!("{api}[\"payments\"]"), "token_lifetime")),
        ["above_maximum", "resolved_from"]
    );
    // Not in terraform.tfvars: the type's optional() defaults.
    assert_eq!(
        seconds(&format!("{api}[\"orders\"]"), "token_lifetime"),
        Some(86_400)
    );
    assert_eq!(
        seconds(&format!("{api}[\"orders\"]"), "token_lifetime_for_web"),
        Some(7_200)
    );
    let web = "client:auth0_client.web";
    assert_eq!(
        seconds(web, "jwt_configuration.lifetime_in_seconds"),
        Some(3_600)
    );
    assert_eq!(
        seconds(web, "refresh_token.token_lifetime"),
        Some(2_592_000)
    );
    assert_eq!(
        seconds(web, "refresh_token.idle_token_lifetime"),
        Some(3_000_000)
    );
    assert!(codes(value(&r, web, "refresh_token.idle_token_lifetime"))
        .contains(&"idle_exceeds_absolute"));
    assert_eq!(seconds(web, "refresh_token.leeway"), Some(0));
    for name in ["mobile", "desktop"] {
        let native = format!("client:auth0_client.native[\"{name}\"]");
        assert_eq!(
            seconds(&native, "jwt_configuration.lifetime_in_seconds"),
            Some(3_600)
        );
    }
    assert_eq!(
        seconds(
            "resource_server:auth0_resource_server.legacy",
            "token_lifetime"
        ),
        Some(7_200)
    );
    let later = value(
        &r,
        "resource_server:auth0_resource_server.later",
        "token_lifetime",
    );
    assert_eq!(codes(later), ["not_checked"]);
}

/// A module of the repository gets the inputs its one caller gives (`apis = var.apis`, with the
/// root's terraform.tfvars), and says where each came from.
#[test]
fn module_inputs_come_from_the_calling_module() {
    let (code, r) = lint_json(&["tests/lint/terraform-modules"]);
    assert_eq!(code, 1, "{r:#}");
    let api = |key: &str| format!("resource_server:auth0_resource_server.api[\"{key}\"]");
    assert_eq!(
        value(&r, &api("billing"), "token_lifetime")["seconds"],
        3_000_000
    );
    assert_eq!(
        value(&r, &api("search"), "token_lifetime")["seconds"],
        86_400
    );
    let jwt = value(
        &r,
        "client:auth0_client.app",
        "jwt_configuration.lifetime_in_seconds",
    );
    assert_eq!(jwt["seconds"], 36_000);
    assert!(jwt["messages"][0]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("var.id_token_lifetime = 36000, module \"auth0\" in ")));
}
