//! Every number the catalog enforces is traceable: each limit has a kind and a source, and every
//! limit marked as the Management API schema's equals the value in the pinned spec excerpt
//! (`tests/spec/management-api-lifetimes.json`, with the commit it was copied from).

#![cfg(not(target_arch = "wasm32"))]

use lifetime_guard::catalog::{Field, Kind, Sourced, FIELDS};
use serde_json::Value;

fn excerpt() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/spec/management-api-lifetimes.json"
    ))
    .expect("the pinned spec excerpt");
    serde_json::from_str(&text).expect("valid JSON")
}

/// Where the schema defines a field, as its schema citations name it: "Management API schema,
/// Schema.property", the property being the field id's last part when the citation leaves it
/// out, and "(in hours)" for the tenant's sessions (minutes here): the schema, the property and
/// how many field units one schema unit is.
fn schema_property(field: &Field) -> Option<(String, String, u64)> {
    let cited = [Some(field.min), field.max, field.default]
        .into_iter()
        .flatten()
        .find(|l| l.kind == Kind::Schema)?
        .source
        .strip_prefix("Management API schema, ")?;
    let (name, scale) = match cited.strip_suffix(" (in hours)") {
        Some(n) => (n, 60),
        None => (cited, 1),
    };
    let last = field.id.rsplit('.').next().unwrap_or(field.id);
    let (schema, property) = name.split_once('.').unwrap_or((name, last));
    Some((schema.to_string(), property.to_string(), scale))
}

/// The schema's value for `keyword` of the field's property, in the field's unit.
fn schema_value(spec: &Value, field: &Field, keyword: &str) -> Option<u64> {
    let (schema, property, scale) = schema_property(field)?;
    let v = spec["schemas"][&schema][&property][keyword].as_u64()?;
    Some(v * scale)
}

fn limits(field: &Field) -> Vec<(&'static str, Sourced)> {
    let mut out = vec![("minimum", field.min)];
    out.extend(field.default.map(|d| ("default", d)));
    out.extend(field.max.map(|m| ("maximum", m)));
    out
}

#[test]
fn the_excerpt_names_its_source_and_commit() {
    let spec = excerpt();
    assert!(spec["source"]
        .as_str()
        .is_some_and(|s| s.contains("management-api-oas.json")));
    let commit = spec["commit"].as_str().unwrap_or_default();
    assert!(
        commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()),
        "{commit}"
    );
}

#[test]
fn every_limit_has_a_kind_and_a_source() {
    for f in FIELDS {
        for (what, l) in limits(f) {
            assert!(!l.source.trim().is_empty(), "{} {what}: no source", f.id);
        }
        for s in f.soft {
            assert!(
                !s.source.trim().is_empty(),
                "{} {}: no source",
                f.id,
                s.code
            );
        }
        for r in f.relations {
            assert!(
                !r.source.trim().is_empty(),
                "{} {}: no source",
                f.id,
                r.code
            );
        }
    }
}

#[test]
fn every_schema_limit_is_the_schemas() {
    let spec = excerpt();
    let mut checked = 0;
    for f in FIELDS {
        for (keyword, l) in limits(f) {
            if l.kind != Kind::Schema {
                continue;
            }
            let want = schema_value(&spec, f, keyword);
            assert_eq!(
                Some(l.value),
                want,
                "{} {keyword}: the catalog says {} (schema)",
                f.id,
                l.value
            );
            assert!(
                l.source.contains("schema"),
                "{} {keyword}: the source must name the schema",
                f.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} schema limits checked");
}

#[test]
fn every_schema_maximum_is_enforced() {
    // A maximum in the spec is a save the API refuses: the catalog must block above it.
    let spec = excerpt();
    for f in FIELDS {
        if let Some(max) = schema_value(&spec, f, "maximum") {
            let ours = f
                .max
                .expect("a field with a schema maximum has a hard maximum");
            assert_eq!((ours.value, ours.kind), (max, Kind::Schema), "{}", f.id);
        }
    }
}

#[test]
fn project_rules_never_claim_to_be_auth0s() {
    for f in FIELDS {
        for (what, l) in limits(f) {
            if l.kind == Kind::ProjectRule {
                assert!(
                    !l.source.contains("schema") || l.source.contains("schema's minimum"),
                    "{} {what}",
                    f.id
                );
                assert!(
                    l.source.starts_with("Lifetime Guard"),
                    "{} {what}: {}",
                    f.id,
                    l.source
                );
            }
        }
        for s in f.soft.iter().filter(|s| s.kind == Kind::ProjectRule) {
            assert!(
                s.source.starts_with("Lifetime Guard"),
                "{} {}",
                f.id,
                s.code
            );
        }
    }
}
