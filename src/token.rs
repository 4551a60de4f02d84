//! What a token shown on a Dashboard page says about its lifetime: how long it lives (`exp` −
//! `iat`), and which setting governs that — the rule admins otherwise work out on jwt.io.
//!
//! Pure: the caller decodes the token (the browser's own base64 and JSON in the web layer) and
//! hands over the claims; nothing here keeps them.

use crate::format;
use crate::unit::Unit;
use crate::verdict::{is_mfa_audience, MFA_TOKEN_LIFETIME};

/// The claims that bear on a lifetime.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    pub iat: Option<u64>,
    pub exp: Option<u64>,
    /// `aud`, one or several.
    pub audiences: Vec<String>,
    /// `scope` is present: an access token (ID tokens carry none).
    pub has_scope: bool,
    /// Auth0's `gty` claim: the grant that issued it (`client-credentials`, `password`, …).
    pub grant: Option<String>,
    /// `nonce`, `auth_time` or `sid`: claims of an ID token.
    pub id_token_claims: bool,
}

/// The setting a token's lifetime follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governed {
    /// An ID token: the application's ID token lifetime.
    IdToken,
    /// An access token for the MFA API: 600 s, whatever any setting says.
    MfaApi,
    /// An access token from a grant Auth0 names (`gty`): the API's Maximum Access Token Lifetime.
    ApiMaximum,
    /// An access token from a user's login: the maximum for the authorization code flow (PKCE
    /// from a browser SDK included), the Implicit / Hybrid lifetime for those two flows.
    ApiMaximumOrImplicit,
    /// A token for the Management API: the API Explorer's Token Expiration when it was made
    /// there, the Management API's own maximum otherwise.
    ManagementApi,
}

impl Governed {
    /// The catalog fields it follows, the first the usual one.
    pub const fn fields(self) -> &'static [&'static str] {
        match self {
            Governed::IdToken => &["jwt_configuration.lifetime_in_seconds"],
            Governed::MfaApi => &[],
            Governed::ApiMaximum => &["token_lifetime"],
            Governed::ApiMaximumOrImplicit => &["token_lifetime", "token_lifetime_for_web"],
            Governed::ManagementApi => &["api_explorer.token_expiration", "token_lifetime"],
        }
    }

    /// How a line names it.
    pub const fn words(self) -> &'static str {
        match self {
            Governed::IdToken => "the application's ID Token Expiration",
            Governed::MfaApi => "nothing: tokens for the MFA API always live 600 s",
            Governed::ApiMaximum => "the API's Maximum Access Token Lifetime",
            Governed::ApiMaximumOrImplicit => "the API's Maximum Access Token Lifetime (Authorization Code, PKCE included), or its Implicit / Hybrid Flow Access Token Lifetime if it came from those flows",
            Governed::ManagementApi => "the API Explorer's Token Expiration if it was made there, else the Management API's Maximum Access Token Lifetime",
        }
    }
}

/// A token read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// `exp` − `iat`, in seconds.
    pub lifetime: Option<u64>,
    pub governed: Governed,
    /// Whether the lifetime is what the governing setting says, where the page shows it.
    pub matches: Option<bool>,
}

/// Reads `claims`; `setting` gives a catalog field's value in seconds when the page shows it.
pub fn read(claims: &Claims, setting: impl Fn(&str) -> Option<u64>) -> Reading {
    let lifetime = match (claims.iat, claims.exp) {
        (Some(iat), Some(exp)) if exp >= iat => Some(exp - iat),
        _ => None,
    };
    let governed = if claims.audiences.iter().any(|a| is_mfa_audience(a)) {
        Governed::MfaApi
    } else if !claims.has_scope
        && (claims.id_token_claims
            || claims
                .audiences
                .iter()
                .all(|a| crate::text::find(a, "://").is_none()))
    {
        Governed::IdToken
    } else if claims
        .audiences
        .iter()
        .any(|a| crate::text::find(a, "/api/v2/").is_some())
    {
        Governed::ManagementApi
    } else if claims.grant.is_some() {
        Governed::ApiMaximum
    } else {
        Governed::ApiMaximumOrImplicit
    };
    let matches = lifetime.and_then(|l| match governed {
        Governed::MfaApi => Some(l == MFA_TOKEN_LIFETIME),
        _ => {
            let known: Vec<u64> = governed
                .fields()
                .iter()
                .filter_map(|f| setting(f))
                .collect();
            (!known.is_empty()).then(|| known.contains(&l))
        }
    });
    Reading {
        lifetime,
        governed,
        matches,
    }
}

/// The line shown beside the token: "Lives 1 day (86,400 s) · expires 08/12/2026, 16:41 (in 23
/// hours 59 minutes) · for https://api.example/ · follows the API's Maximum Access Token Lifetime:
/// matches it". `now` is the page's clock in seconds, `local` the expiry in the admin's local time
/// as the browser writes it.
pub fn line(claims: &Claims, reading: &Reading, now: u64, local: &str) -> String {
    // Written with push_str: the content module, which draws these lines, links no formatter.
    let mut out = String::new();
    match reading.lifetime {
        Some(s) => {
            out.push_str("Lives ");
            out.push_str(&format::words(s, Unit::Seconds));
            out.push_str(" (");
            out.push_str(&format::group(s));
            out.push_str(" s)");
        }
        None => out.push_str("No lifetime (no iat or exp)"),
    }
    if let Some(exp) = claims.exp {
        out.push_str(if exp > now {
            " · expires "
        } else {
            " · expired "
        });
        out.push_str(local);
        out.push_str(" (");
        if exp > now {
            out.push_str("in ");
            out.push_str(&about(exp - now));
        } else {
            out.push_str(&about(now - exp));
            out.push_str(" ago");
        }
        out.push(')');
    }
    for (i, audience) in claims.audiences.iter().enumerate() {
        out.push_str(if i == 0 { " · for " } else { ", " });
        out.push_str(audience);
    }
    out.push_str(" · follows ");
    out.push_str(reading.governed.words());
    match reading.matches {
        Some(true) => out.push_str(": matches it"),
        Some(false) => out.push_str(": the setting on this page says otherwise (tokens issued before a change keep their lifetime)"),
        None => {}
    }
    out
}

/// A span of time to the minute (to the second under a minute), for "in 23 hours 59 minutes".
pub fn about(seconds: u64) -> String {
    let rounded = if seconds < 60 {
        seconds
    } else {
        seconds - seconds % 60
    };
    format::words(rounded, Unit::Seconds)
}

/// Longer than any token a page shows (Auth0's carry a few hundred claims' bytes at most): a
/// longer run of token characters is not read.
pub const MAX_TOKEN: usize = 16_384;

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// The signed JWTs in `text` (three base64url parts, a JSON header and payload: `eyJ…`), each
/// whole, at most `MAX_TOKEN` bytes, at most 8 of them.
pub fn find(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() && out.len() < 8 {
        let starts = bytes[i..].starts_with(b"eyJ") && (i == 0 || !is_token_char(bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut dots = 0;
        while end < bytes.len() && (is_token_char(bytes[end]) || bytes[end] == b'.') {
            dots += usize::from(bytes[end] == b'.');
            end += 1;
        }
        let token = &text[i..end];
        let mut parts = token.split('.');
        let payload_is_json = parts.nth(1).is_some_and(|p| p.starts_with("eyJ"));
        if dots == 2 && payload_is_json && token.len() <= MAX_TOKEN {
            out.push(token);
        }
        i = end;
    }
    out
}

/// A token's payload as standard, padded base64, for the browser's `atob`.
pub fn payload_base64(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let mut out: String = payload
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while out.len() % 4 != 0 {
        out.push('=');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(aud: &[&str], grant: Option<&str>, lifetime: u64) -> Claims {
        Claims {
            iat: Some(1_700_000_000),
            exp: Some(1_700_000_000 + lifetime),
            audiences: aud.iter().map(|a| a.to_string()).collect(),
            has_scope: true,
            grant: grant.map(str::to_string),
            id_token_claims: false,
        }
    }

    #[test]
    fn a_test_tab_token_follows_the_api_maximum_and_is_checked_against_it() {
        let c = access(
            &["https://payments.example/"],
            Some("client-credentials"),
            86_400,
        );
        let r = read(&c, |f| (f == "token_lifetime").then_some(86_400));
        assert_eq!(
            (r.lifetime, r.governed, r.matches),
            (Some(86_400), Governed::ApiMaximum, Some(true))
        );
        assert_eq!(
            line(&c, &r, 1_700_000_000 + 3_700, "14/11/2023, 23:13"),
            "Lives 1 day (86,400 s) · expires 14/11/2023, 23:13 (in 22 hours 58 minutes) · for https://payments.example/ · follows the API's Maximum Access Token Lifetime: matches it"
        );
        assert!(line(&c, &r, 1_700_000_000 + 90_000, "then")
            .contains(" · expired then (1 hour ago) · "));
        let other = read(&c, |f| (f == "token_lifetime").then_some(7_200));
        assert_eq!(other.matches, Some(false));
        assert_eq!(
            read(&c, |_| None).matches,
            None,
            "not known on the page: nothing said"
        );
    }

    #[test]
    fn a_login_token_may_follow_either_browser_setting() {
        let c = access(
            &[
                "https://payments.example/",
                "https://acme.eu.auth0.com/userinfo",
            ],
            None,
            7_200,
        );
        let r = read(&c, |f| match f {
            "token_lifetime" => Some(86_400),
            "token_lifetime_for_web" => Some(7_200),
            _ => None,
        });
        assert_eq!(
            (r.governed, r.matches),
            (Governed::ApiMaximumOrImplicit, Some(true))
        );
    }

    #[test]
    fn mfa_tokens_live_600_seconds_whatever_the_settings() {
        let c = access(&["https://acme.eu.auth0.com/mfa/"], None, 600);
        let r = read(&c, |_| Some(86_400));
        assert_eq!((r.governed, r.matches), (Governed::MfaApi, Some(true)));
    }

    #[test]
    fn an_id_token_follows_the_application() {
        let c = Claims {
            iat: Some(10),
            exp: Some(36_010),
            audiences: vec!["a1B2c3D4e5".into()],
            id_token_claims: true,
            ..Claims::default()
        };
        let r = read(&c, |f| {
            (f == "jwt_configuration.lifetime_in_seconds").then_some(36_000)
        });
        assert_eq!(
            (r.lifetime, r.governed, r.matches),
            (Some(36_000), Governed::IdToken, Some(true))
        );
        assert!(line(&c, &r, 20, "later").starts_with("Lives 10 hours (36,000 s) · expires later (in 9 hours 59 minutes) · for a1B2c3D4e5 · follows the application's ID Token Expiration"));
    }

    #[test]
    fn a_token_without_times_says_so() {
        let c = Claims {
            exp: Some(5),
            iat: Some(10),
            has_scope: true,
            ..Claims::default()
        };
        let r = read(&c, |_| Some(1));
        assert_eq!((r.lifetime, r.matches), (None, None));
        assert!(line(&c, &r, 0, "x").starts_with("No lifetime (no iat or exp)"));
    }

    #[test]
    fn a_management_api_token_follows_the_explorer_where_it_was_made() {
        let c = access(
            &["https://acme.eu.auth0.com/api/v2/"],
            Some("client-credentials"),
            3_600,
        );
        let r = read(&c, |f| {
            (f == "api_explorer.token_expiration").then_some(3_600)
        });
        assert_eq!(
            (r.governed, r.matches),
            (Governed::ManagementApi, Some(true))
        );
        // Without Auth0's `gty` claim (a token made elsewhere for the same audience): the same.
        let without_grant = access(&["https://acme.eu.auth0.com/api/v2/"], None, 3_600);
        assert_eq!(
            read(&without_grant, |_| None).governed,
            Governed::ManagementApi
        );
    }

    #[test]
    fn tokens_are_found_whole_in_text() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjF9.c2ln-_";
        let text = format!("{{\"access_token\":\"{jwt}\",\"token_type\":\"Bearer\"}}");
        assert_eq!(find(&text), vec![jwt]);
        assert_eq!(find(&format!("Bearer {jwt}\n{jwt}")), vec![jwt, jwt]);
        // Not a JWT: two parts, a payload that is no JSON, glued to other letters, too long.
        assert!(find("eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjF9").is_empty());
        assert!(find("eyJhbGciOiJSUzI1NiJ9.abc.def").is_empty());
        assert!(find(&format!("x{jwt}")).is_empty());
        let long = format!("eyJ{}.eyJ{}.x", "a".repeat(MAX_TOKEN), "b");
        assert!(find(&long).is_empty());
        assert!(find("").is_empty() && find("eyJ").is_empty() && find("é eyJ.é").is_empty());
    }

    #[test]
    fn payloads_become_standard_base64() {
        assert_eq!(payload_base64("a.eyJ-_w.c").as_deref(), Some("eyJ+/w=="));
        assert_eq!(payload_base64("abc"), None);
    }
}
