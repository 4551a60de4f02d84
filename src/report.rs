//! The page report a user can attach to a bug report when the Dashboard page is not recognised:
//! what the guard saw, with nothing of the tenant in it.
//!
//! The content module only gathers a [`Snapshot`] of the page (labels as found, input types, Save
//! controls, the address; never values); the popup's tools module turns it into the
//! [`PageReport`] here: what of the address may appear, labels with their digits masked, and the
//! field each input was taken for or why not. A rarely used feature is thus paid for by the popup
//! that shows it, not by the module every Dashboard page loads.

use crate::catalog::{match_label, match_toggle, Page};
use serde::Serialize;

/// What the content module saw on the page, unfiltered: it goes from the page's content script
/// to the popup only, and [`page_report`] decides what of it a report may show.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The page's address.
    pub href: String,
    /// Every non-hidden input on the page (the first [`MAX_ITEMS`] are in `inputs`).
    pub inputs_total: u32,
    pub inputs: Vec<SeenInput>,
    /// Controls that say Save or submit a form (at most [`MAX_ITEMS`]).
    pub saves: Vec<SeenSave>,
}

/// One input as the content module saw it.
#[derive(Debug, Clone, Default)]
pub struct SeenInput {
    /// Its `type` (`number`, `text`, `checkbox`…).
    pub kind: String,
    /// Its label as found, and how it was found (`label[for]`, `aria-labelledby`, `nearby text`…).
    pub label: Option<String>,
    pub association: String,
    /// A lifetime could be typed into it (not a checkbox, radio, button…).
    pub text_like: bool,
    /// The guard annotates it now.
    pub tracked: bool,
    /// Disabled or read-only.
    pub disabled: bool,
}

/// One Save control as the content module saw it.
#[derive(Debug, Clone, Default)]
pub struct SeenSave {
    pub text: String,
    pub says_save: bool,
    pub submits_form: bool,
}

/// At most this many inputs and Save controls are listed.
pub const MAX_ITEMS: usize = 60;

/// The report as the popup shows and copies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageReport {
    /// The address reduced to its shape ([`route_shape`]).
    pub route: String,
    pub page: Option<&'static str>,
    pub inputs_total: u32,
    pub inputs: Vec<ReportedInput>,
    pub saves: Vec<ReportedSave>,
}

/// An input in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedInput {
    /// Its `type`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The label with digits masked ([`label`]).
    pub label: Option<String>,
    pub association: String,
    /// The field it was taken for, if any.
    pub field: Option<&'static str>,
    /// Why it is guarded or not, in words.
    pub why: &'static str,
    pub disabled: bool,
}

/// A Save control in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedSave {
    pub text: String,
    pub says_save: bool,
    pub submits_form: bool,
}

/// The report for `seen`: nothing of the tenant, every input's field or why not.
pub fn page_report(seen: &Snapshot) -> PageReport {
    PageReport {
        route: route_shape(&seen.href),
        page: Page::of_url(&seen.href).map(Page::code),
        inputs_total: seen.inputs_total,
        inputs: seen
            .inputs
            .iter()
            .take(MAX_ITEMS)
            .map(reported_input)
            .collect(),
        saves: seen
            .saves
            .iter()
            .take(MAX_ITEMS)
            .map(|s| ReportedSave {
                text: label(&s.text),
                says_save: s.says_save,
                submits_form: s.submits_form,
            })
            .collect(),
    }
}

fn reported_input(input: &SeenInput) -> ReportedInput {
    let text = input.label.as_deref();
    let matched = text.and_then(match_label);
    let toggle = text.and_then(match_toggle);
    let (field, why) = match (input.text_like, matched, toggle) {
        (false, _, Some(f)) => (Some(f.id), "the switch of this field"),
        (false, _, None) => (None, "not a field a lifetime is typed into"),
        (true, Some(f), _) if input.tracked => (Some(f.id), "guarded"),
        (true, Some(f), _) => (Some(f.id), "recognised, not guarded (the guard is off?)"),
        (true, None, _) if text.is_none() => (None, "no label found"),
        (true, None, _) => (None, "its label is not a lifetime label"),
    };
    ReportedInput {
        kind: input.kind.clone(),
        label: text.map(label),
        association: if text.is_some() {
            input.association.clone()
        } else {
            "none".into()
        },
        field,
        why,
        disabled: input.disabled,
    }
}

/// Route words the Dashboard uses; every other path segment (region, tenant, ids) is replaced.
const ROUTE_WORDS: &[&str] = &[
    "dashboard",
    "apis",
    "applications",
    "clients",
    "settings",
    "tenant",
    "advanced",
    "quickstart",
    "permissions",
    "test",
    "credentials",
    "connections",
    "older",
    "plain",
    "organizations",
    "general",
    "signing-keys",
    "sessions",
];

/// The route's shape: known route words kept, anything else as `{…}`; the query is dropped, the
/// fragment kept as a route when it is one (`#/apis/{…}/settings`). The host only as
/// `manage.auth0.com`, `manage.{…}.auth0.com` (private cloud) or `{other}`.
pub fn route_shape(href: &str) -> String {
    let rest = crate::text::find(href, "://").map_or(href, |i| &href[i + 3..]);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    // After the last `@` (credentials in the address), found by byte: `@` is ASCII.
    let host = host
        .bytes()
        .rposition(|b| b == b'@')
        .map_or(host, |i| &host[i + 1..]);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let host = if host == "manage.auth0.com" {
        host
    } else if host.starts_with("manage.") && host.ends_with(".auth0.com") {
        "manage.{…}.auth0.com".to_string()
    } else {
        "{other}".to_string()
    };
    let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
    let path = path.split('?').next().unwrap_or(path);
    let mut out = host;
    out.push('/');
    out.push_str(&shape(path));
    if let Some(route) = fragment.strip_prefix('/') {
        out.push_str("#/");
        out.push_str(&shape(route.split('?').next().unwrap_or(route)));
    }
    out
}

fn shape(path: &str) -> String {
    let words = path.split('/').filter(|s| !s.is_empty()).map(|s| {
        let lower = s.to_ascii_lowercase();
        if ROUTE_WORDS.contains(&lower.as_str()) {
            lower
        } else {
            "{…}".to_string()
        }
    });
    crate::text::joined(words, "/")
}

/// A label as the report shows it: at most 80 characters, digits replaced (a label never needs
/// them to be recognised, and they are the one way a value could slip in).
pub fn label(text: &str) -> String {
    text.chars()
        .take(80)
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_keep_only_their_shape() {
        assert_eq!(
            route_shape(
                "https://manage.auth0.com/dashboard/eu/acme-prod/apis/64f0c0ffee/settings?tab=1"
            ),
            "manage.auth0.com/dashboard/{…}/{…}/apis/{…}/settings"
        );
        assert_eq!(
            route_shape(
                "https://manage.mozilla.auth0.com/dashboard/pi/moz/applications/Xq3v9Z/settings"
            ),
            "manage.{…}.auth0.com/dashboard/{…}/{…}/applications/{…}/settings"
        );
        assert_eq!(
            route_shape("http://127.0.0.1:8080/older/#/apis/abc/settings"),
            "{other}/older#/apis/{…}/settings"
        );
        assert_eq!(route_shape("https://user:pw@evil.example/x"), "{other}/{…}");
        assert_eq!(route_shape(""), "{other}/");
    }

    fn seen(kind: &str, label: Option<&str>, text_like: bool, tracked: bool) -> SeenInput {
        SeenInput {
            kind: kind.into(),
            label: label.map(Into::into),
            association: "label[for]".into(),
            text_like,
            tracked,
            disabled: false,
        }
    }

    #[test]
    fn each_input_says_its_field_or_why_not() {
        let snapshot = Snapshot {
            href: "https://manage.auth0.com/dashboard/eu/acme/apis/64f0c0ffee/settings".into(),
            inputs_total: 6,
            inputs: vec![
                seen("number", Some("Maximum Access Token Lifetime"), true, true),
                seen("number", Some("Maximum Access Token Lifetime"), true, false),
                seen("checkbox", Some("Absolute Expiration"), false, false),
                seen(
                    "checkbox",
                    Some("Allow Skipping User Consent"),
                    false,
                    false,
                ),
                seen("text", None, true, false),
                seen("text", Some("Identifier 42"), true, false),
            ],
            saves: vec![SeenSave {
                text: "Save 2 changes".into(),
                says_save: true,
                submits_form: true,
            }],
        };
        let report = page_report(&snapshot);
        assert_eq!(
            report.route,
            "manage.auth0.com/dashboard/{…}/{…}/apis/{…}/settings"
        );
        assert_eq!(report.page, Some("api_settings"));
        let why: Vec<_> = report.inputs.iter().map(|i| (i.field, i.why)).collect();
        assert_eq!(
            why,
            [
                (Some("token_lifetime"), "guarded"),
                (
                    Some("token_lifetime"),
                    "recognised, not guarded (the guard is off?)"
                ),
                (
                    Some("refresh_token.token_lifetime"),
                    "the switch of this field"
                ),
                (None, "not a field a lifetime is typed into"),
                (None, "no label found"),
                (None, "its label is not a lifetime label"),
            ]
        );
        assert_eq!(report.inputs[4].association, "none");
        assert_eq!(report.inputs[5].label.as_deref(), Some("Identifier ##"));
        assert_eq!(report.saves[0].text, "Save # changes");
        let json = serde_json::to_value(&report).expect("json");
        assert_eq!(json["route"], report.route);
        assert_eq!(json["page"], "api_settings");
        assert_eq!(json["inputs_total"], 6);
        assert_eq!(
            json["inputs"][4],
            serde_json::json!({"type": "text", "label": null, "association": "none", "field": null, "why": "no label found", "disabled": false})
        );
        assert_eq!(json["inputs"][0]["field"], "token_lifetime");
        assert_eq!(
            json["saves"],
            serde_json::json!([{"text": "Save # changes", "says_save": true, "submits_form": true}])
        );
    }

    #[test]
    fn a_report_lists_at_most_max_items_of_each() {
        let snapshot = Snapshot {
            inputs: vec![seen("text", None, true, false); MAX_ITEMS + 5],
            saves: vec![SeenSave::default(); MAX_ITEMS + 5],
            ..Snapshot::default()
        };
        let report = page_report(&snapshot);
        assert_eq!(
            (report.inputs.len(), report.saves.len()),
            (MAX_ITEMS, MAX_ITEMS)
        );
        assert_eq!((report.route.as_str(), report.page), ("{other}/", None));
    }

    #[test]
    fn the_page_comes_from_path_and_hash_routes() {
        let page = |href| Page::of_url(href).map(Page::code);
        assert_eq!(
            page("https://manage.auth0.com/dashboard/us/t/applications/x/settings"),
            Some("application_settings")
        );
        assert_eq!(
            page("http://127.0.0.1:8080/older/#/clients/x/settings"),
            Some("application_settings")
        );
        assert_eq!(
            page("https://manage.auth0.com/dashboard/us/t/tenant/advanced"),
            Some("tenant_advanced")
        );
        assert_eq!(
            page("https://manage.auth0.com/#/settings/advanced"),
            Some("tenant_advanced")
        );
        assert_eq!(
            page("https://manage.auth0.com/dashboard/us/t/APIs/x/settings"),
            Some("api_settings")
        );
        assert_eq!(page("https://manage.auth0.com/dashboard/us/t/users"), None);
    }

    #[test]
    fn labels_carry_no_numbers() {
        assert_eq!(
            label("Token Expiration (Seconds)"),
            "Token Expiration (Seconds)"
        );
        assert_eq!(label("Lifetime 86400"), "Lifetime #####");
        assert_eq!(label(&"x".repeat(200)).len(), 80);
    }
}
