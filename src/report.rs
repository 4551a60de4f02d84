//! The page report a user can attach to a bug report when the Dashboard page is not recognised:
//! what the guard saw, with nothing of the tenant in it. This module decides what of a URL may
//! appear; the web layer gathers the rest (labels, types, Save buttons), never values.

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
