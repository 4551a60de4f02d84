//! Lifetimes admins look for and cannot change: listed by `lifetime-guard fields`, the popup and
//! the README, so that nobody searches the Dashboard for a setting that does not exist.

use super::Kind;
use serde::Serialize;

/// A lifetime Auth0 fixes, with the kind and source of the fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fixed {
    /// What it is, as admins call it.
    pub name: &'static str,
    /// How long it lives, in seconds.
    pub seconds: u64,
    /// What else to know, if anything.
    pub note: &'static str,
    pub kind: Kind,
    pub source: &'static str,
}

/// Where these facts come from: the Auth0 documentation, as the project's research collected it;
/// the page of each is not pinned yet, so none is named here.
const FACTS: &str = "Auth0 documentation (collected in the project's facts, “More lifetimes an admin sets”; page not pinned)";

/// Every fixed lifetime the catalog knows.
pub static FIXED: &[Fixed] = &[
    Fixed {
        name: "Access tokens for the MFA API (…/mfa/)",
        seconds: 600,
        note: "whatever the API's Maximum Access Token Lifetime says",
        kind: Kind::Documented,
        source: FACTS,
    },
    Fixed {
        name: "Session transfer token (Native to Web SSO)",
        seconds: 60,
        note: "",
        kind: Kind::Documented,
        source: FACTS,
    },
    Fixed {
        name: "MFA “remember this browser”",
        seconds: 30 * 86_400,
        note: "or 7 days without activity",
        kind: Kind::Documented,
        source: FACTS,
    },
    Fixed {
        name: "MFA enrollment ticket",
        seconds: 5 * 86_400,
        note: "",
        kind: Kind::Documented,
        source: FACTS,
    },
    Fixed {
        name: "Authorization code with FAPI 2",
        seconds: 60,
        note: "",
        kind: Kind::Documented,
        source: FACTS,
    },
    Fixed {
        name: "Device code (Device Authorization Flow)",
        seconds: 900,
        note: "the docs' example response; the response's expires_in says",
        kind: Kind::Documented,
        source: FACTS,
    },
    Fixed {
        name: "Login transaction (the universal login page left open)",
        seconds: 3_600,
        note: "",
        kind: Kind::Documented,
        source: FACTS,
    },
];
