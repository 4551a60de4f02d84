//! Which Dashboards Lifetime Guard may be added to. The public cloud's Dashboard is
//! `manage.auth0.com` (the one host the extension asks for at install); private-cloud tenants
//! have their own, `manage.{name}.auth0.com` (e.g. `manage.mozilla.auth0.com`), which an admin
//! adds from the options page.

/// The public cloud's Dashboard.
pub const PUBLIC_DASHBOARD: &str = "manage.auth0.com";

/// The private-cloud Dashboard host an admin means: `mozilla`, `manage.mozilla.auth0.com` or a
/// URL on it all give `manage.mozilla.auth0.com`. Anything else is refused with the reason.
pub fn private_cloud_host(text: &str) -> Result<String, &'static str> {
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Err("Type the Dashboard's host, such as manage.example.auth0.com.");
    }
    let t = t.split_once("://").map_or(
        t.as_str(),
        |(scheme, rest)| {
            if scheme == "https" {
                rest
            } else {
                ""
            }
        },
    );
    if t.is_empty() {
        return Err("Private-cloud Dashboards are served over https.");
    }
    let host = t.split(['/', '?', '#']).next().unwrap_or("");
    let name = match host
        .strip_prefix("manage.")
        .and_then(|h| h.strip_suffix(".auth0.com"))
    {
        Some(name) => name,
        None if host == PUBLIC_DASHBOARD => {
            return Err("manage.auth0.com is always included.");
        }
        None if host.contains('.') => {
            return Err("A private-cloud Dashboard's host reads manage.{name}.auth0.com.");
        }
        None => host,
    };
    let label_ok = !name.is_empty()
        && name.len() <= 63
        && !name.starts_with('-')
        && !name.ends_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !label_ok {
        return Err("The name between “manage.” and “.auth0.com” is letters, digits and hyphens.");
    }
    Ok(crate::text::concat(&["manage.", name, ".auth0.com"]))
}

/// The match pattern of a Dashboard host, for its permission and content script.
pub fn pattern(host: &str) -> String {
    crate::text::concat(&["https://", host, "/*"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_admin_types() {
        for ok in [
            "mozilla",
            "manage.mozilla.auth0.com",
            " https://manage.Mozilla.auth0.com/dashboard/pi/moz/apis ",
        ] {
            assert_eq!(
                private_cloud_host(ok).as_deref(),
                Ok("manage.mozilla.auth0.com"),
                "{ok}"
            );
            assert_eq!(
                pattern(&private_cloud_host(ok).unwrap_or_default()),
                "https://manage.mozilla.auth0.com/*"
            );
        }
        for no in [
            "",
            "manage.auth0.com",
            "http://manage.mozilla.auth0.com",
            "evil.example.com",
            "manage.a.b.auth0.com",
            "-x",
            "manage..auth0.com",
            "ünï",
        ] {
            assert!(private_cloud_host(no).is_err(), "{no:?}");
        }
    }
}
