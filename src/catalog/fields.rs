//! The rows of the catalog. Every number has a kind and a source; see
//! `shared/facts/auth0-lifetimes.md` and the pinned spec excerpt in `tests/spec/`.

use super::flows::{AUTHORIZE_ENDPOINT_FLOWS, REFRESH_TOKEN_FLOWS, TOKEN_ENDPOINT_FLOWS};
use super::more_fields as more;
use super::{at, at_in_hours, Field, Kind, Measure, Owner, Page, Relation, SoftLimit, Sourced};
use crate::codes::Code;
use crate::unit::Unit;

const SPEC_RS: &str =
    src("Management API schema, UpdateResourceServerRequestContent.token_lifetime");
const SPEC_JWT: &str = src("Management API schema, ClientJwtConfiguration.lifetime_in_seconds");
const SPEC_REFRESH: &str = src("Management API schema, ClientRefreshTokenConfiguration");
const SPEC_TENANT: &str =
    src("Management API schema, UpdateTenantSettingsRequestContent (in hours)");
const DOCS_ACCESS: &str = src("Auth0 docs, “Update Access Token Lifetime” and “API Settings”");
const DOCS_WEB: &str = src("Auth0 docs, “API Settings” (“cannot be greater than the token lifetime”); schema description of token_lifetime_for_web");
const COMMUNITY_WEB: &str = src("Auth0 Community thread 10222 (an Auth0 staff answer); users report refusals; the docs are silent");
const DOCS_REFRESH: &str = src("Auth0 docs, “Configure Refresh Token Expiration”");
const DOCS_SESSION: &str =
    src("Auth0 docs, “Session Lifecycle” and “Configure Session Lifetime Settings”");
const OBSERVED_SESSION: &str =
    src("auth0-deploy-cli issue 1110: “Value 20160 is greater than maximum 8760” (8,760 h)");
const RULE_MIN: &str = src("Lifetime Guard: a lifetime of 0 expires as it is issued");

/// A source citation: where a number comes from, shown by the popup, the options page, the
/// playground and the CLI (the notes in the Dashboard name the kind of a limit).
const fn src(citation: &'static str) -> &'static str {
    citation
}

/// 30 days in seconds: the access-token hard maximum.
pub const ACCESS_TOKEN_MAX: u64 = 2_592_000;

const REFRESH_SOFT: &[SoftLimit] = &[SoftLimit {
    above: 31_557_600,
    code: Code::AboveDocumentedMaximum,
    text: "Above {limit}, the maximum the documentation gives.",
    kind: Kind::Documented,
    source: DOCS_REFRESH,
}];

/// Session plan limits for an idle lifetime (persistent and non-persistent alike).
const IDLE_SESSION_SOFT: &[SoftLimit] = &[
    SoftLimit {
        above: 4_320,
        code: Code::AbovePlanLimit,
        text: "Above {limit}, the limit on self-service plans: Auth0 silently uses the plan limit instead.",
        kind: Kind::Documented,
        source: DOCS_SESSION,
    },
    SoftLimit {
        above: 144_000,
        code: Code::AboveEnterpriseLimit,
        text: "Above {limit}, the Enterprise limit: Auth0 silently uses the plan limit instead.",
        kind: Kind::Documented,
        source: DOCS_SESSION,
    },
];

/// Session plan limits for a maximum lifetime (persistent and non-persistent alike); the
/// Enterprise limit is also the hard maximum (see the fields).
const MAX_SESSION_SOFT: &[SoftLimit] = &[SoftLimit {
    above: 43_200,
    code: Code::AbovePlanLimit,
    text: "Above {limit}, the limit on self-service plans: Auth0 silently uses the plan limit instead (Enterprise: up to 525,600 min).",
    kind: Kind::Documented,
    source: DOCS_SESSION,
}];

const SESSION_MIN: Sourced = Sourced {
    value: 1,
    kind: Kind::ProjectRule,
    source: src(
        "Lifetime Guard: at least a minute (the schema's minimum of 1 applies to the hours form)",
    ),
};

/// The catalog.
pub static FIELDS: &[Field] = &[
    Field {
        id: "token_lifetime",
        name: "Access token lifetime",
        short: "access token",
        page: Page::ApiSettings,
        labels: &[
            "Token Expiration (Seconds)",
            "Token Expiration",
            "Maximum Access Token Lifetime",
            "Maximum Access Token Lifetime (Seconds)",
        ],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Seconds,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 86_400, kind: Kind::Documented, source: DOCS_ACCESS }),
        default_note: None,
        min: Sourced { value: 1, kind: Kind::ProjectRule, source: RULE_MIN },
        max: Some(Sourced { value: ACCESS_TOKEN_MAX, kind: Kind::Schema, source: SPEC_RS }),
        soft: &[],
        relations: &[],
        flows: TOKEN_ENDPOINT_FLOWS,
        explanation: "Every access token for this API that comes from the /oauth/token endpoint lives this long — including Authorization Code with PKCE started from a browser SDK such as auth0-spa-js.",
        owner: Owner::ResourceServer,
        in_files: &[at("token_lifetime")],
    },
    Field {
        id: "token_lifetime_for_web",
        name: "Implicit / Hybrid flow access token lifetime",
        short: "implicit/hybrid",
        page: Page::ApiSettings,
        labels: &[
            "Token Expiration For Browser Flows (Seconds)",
            "Token Expiration For Browser Flows",
            "Implicit / Hybrid Flow Access Token Lifetime",
            "Implicit / Hybrid Flow Access Token Lifetime (Seconds)",
        ],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Seconds,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 86_400, kind: Kind::Documented, source: src("Auth0 docs, “API Settings”") }),
        default_note: Some("the API fills in 7,200 s (2 hours) for an API created without it (observed in terraform-provider-auth0's recorded API calls)"),
        min: Sourced { value: 1, kind: Kind::ProjectRule, source: RULE_MIN },
        max: Some(Sourced { value: ACCESS_TOKEN_MAX, kind: Kind::Documented, source: DOCS_WEB }),
        soft: &[SoftLimit {
            above: 86_400,
            code: Code::AboveBrowserFlowCap,
            text: "Auth0 staff have stated a cap of {limit} for tokens issued to browser flows; Auth0 may shorten or refuse longer values.",
            kind: Kind::Observed,
            source: COMMUNITY_WEB,
        }],
        relations: &[Relation {
            at_most: "token_lifetime",
            blocks: true,
            code: Code::ExceedsTokenLifetime,
            text: "Cannot be longer than the maximum access token lifetime ({other}); Auth0 rejects the save.",
            kind: Kind::Documented,
            source: DOCS_WEB,
        }],
        flows: AUTHORIZE_ENDPOINT_FLOWS,
        explanation: "Only access tokens issued straight from /authorize (the Implicit and Hybrid flows) live this long. Authorization Code with PKCE — even from a browser SDK — follows the main access token lifetime instead.",
        // Missing from the spec's request schemas, though the API accepts it (observed 2026-02).
        owner: Owner::ResourceServer,
        in_files: &[at("token_lifetime_for_web")],
    },
    Field {
        id: "jwt_configuration.lifetime_in_seconds",
        name: "ID token lifetime",
        short: "ID token",
        page: Page::ApplicationSettings,
        labels: &["JWT Expiration (seconds)", "JWT Expiration", "ID Token Expiration"],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Seconds,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 36_000, kind: Kind::Schema, source: SPEC_JWT }),
        default_note: None,
        min: Sourced { value: 1, kind: Kind::ProjectRule, source: RULE_MIN },
        max: None,
        soft: &[SoftLimit {
            above: ACCESS_TOKEN_MAX,
            code: Code::UnusuallyLong,
            text: "Above {limit}: no maximum is published, but an ID token this long-lived is unusual; ID tokens prove a login, they do not authorise API calls.",
            kind: Kind::ProjectRule,
            source: src("Lifetime Guard review threshold (no public source states a limit)"),
        }],
        relations: &[],
        flows: &[],
        explanation: "How long ID tokens issued to this application stay valid. It does not change access tokens (set per API) or how long the user stays logged in (tenant session settings).",
        owner: Owner::Client,
        in_files: &[at("jwt_configuration.lifetime_in_seconds")],
    },
    Field {
        id: "refresh_token.token_lifetime",
        name: "Refresh token maximum (absolute) lifetime",
        short: "refresh (absolute)",
        page: Page::ApplicationSettings,
        labels: &["Absolute Lifetime", "Maximum Refresh Token Lifetime"],
        section_words: &[],
        toggle_labels: &["Absolute Expiration", "Set Maximum Refresh Token Lifetime"],
        unit: Unit::Seconds,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 2_592_000, kind: Kind::Documented, source: DOCS_REFRESH }),
        default_note: Some("the Dashboard pre-fills 31,557,600 s (365 days 6 hours) when the switch is turned on (documented: the screenshot of “Configure Refresh Token Expiration”), and clients created through the API got 31,557,600 in 2026 recordings (observed); 2,592,000 is stated for rotation"),
        min: Sourced { value: 1, kind: Kind::Schema, source: SPEC_REFRESH },
        max: Some(Sourced { value: 157_788_000, kind: Kind::Schema, source: SPEC_REFRESH }),
        soft: REFRESH_SOFT,
        relations: &[],
        flows: REFRESH_TOKEN_FLOWS,
        explanation: "A refresh token (and every rotated successor) stops working this long after the user logged in, however often it is used. Ignored while the switch is off (infinite_token_lifetime).",
        owner: Owner::Client,
        in_files: &[at("refresh_token.token_lifetime")],
    },
    Field {
        id: "refresh_token.idle_token_lifetime",
        name: "Refresh token idle (inactivity) lifetime",
        short: "refresh (idle)",
        page: Page::ApplicationSettings,
        labels: &["Inactivity Lifetime", "Idle Refresh Token Lifetime"],
        section_words: &[],
        toggle_labels: &["Inactivity Expiration", "Set Idle Refresh Token Lifetime"],
        unit: Unit::Seconds,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 2_592_000, kind: Kind::Documented, source: DOCS_REFRESH }),
        default_note: Some("the API fills in 1,296,000 s (15 days) for many clients (observed in terraform-provider-auth0's recorded API calls)"),
        min: Sourced { value: 1, kind: Kind::Schema, source: SPEC_REFRESH },
        // No schema maximum; the documented one only warns.
        max: None,
        soft: REFRESH_SOFT,
        relations: &[Relation {
            at_most: "refresh_token.token_lifetime",
            blocks: false,
            code: Code::IdleExceedsAbsolute,
            text: "Longer than the maximum refresh token lifetime ({other}), so it can never take effect; whether Auth0 refuses it is not known.",
            kind: Kind::Documented,
            source: DOCS_REFRESH,
        }],
        flows: REFRESH_TOKEN_FLOWS,
        explanation: "A refresh token that is not used for this long expires, even before its maximum lifetime. Ignored while the switch is off (infinite_idle_token_lifetime).",
        owner: Owner::Client,
        in_files: &[at("refresh_token.idle_token_lifetime")],
    },
    Field {
        id: "refresh_token.leeway",
        name: "Refresh token rotation overlap",
        short: "rotation overlap",
        page: Page::ApplicationSettings,
        labels: &["Reuse Interval", "Rotation Overlap Period"],
        // The overlap follows rotation: without it there is nothing to overlap.
        section_words: &[],
        toggle_labels: &["Allow Refresh Token Rotation"],
        unit: Unit::Seconds,
        measures: Measure::Grace,
        default: Some(Sourced { value: 0, kind: Kind::Schema, source: SPEC_REFRESH }),
        default_note: None,
        min: Sourced { value: 0, kind: Kind::Schema, source: SPEC_REFRESH },
        max: None,
        soft: &[SoftLimit {
            above: 3_600,
            code: Code::LongOverlap,
            text: "Above {limit}: a long overlap lets a stolen refresh token be replayed for that long without triggering reuse detection.",
            kind: Kind::ProjectRule,
            source: src("Lifetime Guard review threshold (no public source states a limit)"),
        }],
        relations: &[],
        flows: &[],
        explanation: "With rotation on, a just-rotated refresh token may still be exchanged for this long (to absorb network retries) before reuse detection revokes the family.",
        owner: Owner::Client,
        in_files: &[at("refresh_token.leeway")],
    },
    Field {
        id: "idle_session_lifetime",
        name: "Idle session lifetime (persistent)",
        short: "session (idle)",
        page: Page::TenantAdvanced,
        labels: &["Inactivity timeout", "Idle Session Lifetime", "Idle Session Lifetime (Persistent)"],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Minutes,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 4_320, kind: Kind::Schema, source: SPEC_TENANT }),
        default_note: None,
        min: SESSION_MIN,
        // No known hard limit.
        max: None,
        soft: IDLE_SESSION_SOFT,
        relations: &[Relation {
            at_most: "session_lifetime",
            blocks: false,
            code: Code::IdleExceedsMaximum,
            text: "Longer than the maximum session lifetime ({other}), so it can never take effect.",
            kind: Kind::Documented,
            source: DOCS_SESSION,
        }],
        flows: &[],
        explanation: "A user's login session at Auth0 (single sign-on) ends after this long without activity. With Online Refresh Tokens (an API's allow_online_access) the refresh tokens tied to the session end with it, and each exchange resets this timer; other tokens keep their own lifetimes.",
        owner: Owner::Tenant,
        in_files: &[at_in_hours("idle_session_lifetime"), at("idle_session_lifetime_in_minutes")],
    },
    Field {
        id: "session_lifetime",
        name: "Maximum session lifetime (persistent)",
        short: "session",
        page: Page::TenantAdvanced,
        labels: &["Require log in after", "Maximum Session Lifetime", "Maximum Session Lifetime (Persistent)"],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Minutes,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 10_080, kind: Kind::Schema, source: SPEC_TENANT }),
        default_note: None,
        min: SESSION_MIN,
        max: Some(Sourced { value: 525_600, kind: Kind::Observed, source: OBSERVED_SESSION }),
        soft: MAX_SESSION_SOFT,
        relations: &[],
        flows: &[],
        explanation: "Users must log in again this long after they logged in, however active they are. With Online Refresh Tokens (an API's allow_online_access) the refresh tokens tied to the session end with it too; other tokens keep their own lifetimes.",
        owner: Owner::Tenant,
        in_files: &[at_in_hours("session_lifetime"), at("session_lifetime_in_minutes")],
    },
    Field {
        id: "idle_ephemeral_session_lifetime",
        name: "Idle session lifetime (non-persistent)",
        short: "non-persistent (idle)",
        page: Page::TenantAdvanced,
        labels: &["Idle Session Lifetime (Non-Persistent)"],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Minutes,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 1_440, kind: Kind::Schema, source: SPEC_TENANT }),
        default_note: None,
        min: SESSION_MIN,
        max: None,
        soft: IDLE_SESSION_SOFT,
        relations: &[Relation {
            at_most: "ephemeral_session_lifetime",
            blocks: false,
            code: Code::IdleExceedsMaximum,
            text: "Longer than the maximum non-persistent session lifetime ({other}), so it can never take effect.",
            kind: Kind::Documented,
            source: DOCS_SESSION,
        }],
        flows: &[],
        explanation: "For sessions that end when the browser closes: the session also ends after this long without activity.",
        owner: Owner::Tenant,
        in_files: &[at_in_hours("idle_ephemeral_session_lifetime"), at("idle_ephemeral_session_lifetime_in_minutes")],
    },
    Field {
        id: "ephemeral_session_lifetime",
        name: "Maximum session lifetime (non-persistent)",
        short: "non-persistent session",
        page: Page::TenantAdvanced,
        labels: &["Maximum Session Lifetime (Non-Persistent)"],
        section_words: &[],
        toggle_labels: &[],
        unit: Unit::Minutes,
        measures: Measure::Lifetime,
        default: Some(Sourced { value: 4_320, kind: Kind::Schema, source: SPEC_TENANT }),
        default_note: None,
        min: SESSION_MIN,
        max: Some(Sourced {
            value: 525_600,
            kind: Kind::Observed,
            source: src("by analogy with session_lifetime (auth0-deploy-cli issue 1110, observed for it only)"),
        }),
        soft: MAX_SESSION_SOFT,
        relations: &[],
        flows: &[],
        explanation: "For sessions that end when the browser closes: users must log in again this long after they logged in.",
        owner: Owner::Tenant,
        in_files: &[at_in_hours("ephemeral_session_lifetime"), at("ephemeral_session_lifetime_in_minutes")],
    },
    more::EMAIL_URL_LIFETIME,
    more::OTP_EXPIRY,
    more::SCIM_TOKEN_LIFETIME,
    more::SSO_TICKET_TTL,
    more::SAML_ADDON_LIFETIME,
    more::AWS_ADDON_LIFETIME,
    more::FIREBASE_ADDON_LIFETIME,
    more::AZURE_BLOB_EXPIRATION,
    more::AZURE_SB_EXPIRATION,
    more::LAYER_EXPIRATION,
    more::THROTTLE_LOGIN_RATE,
    more::THROTTLE_SIGNUP_RATE,
    more::NEW_DEVICE_REMEMBER_FOR,
    more::PAR_REQUEST_EXPIRY,
    more::INVITATION_TTL,
    more::TICKET_TTL,
    more::API_EXPLORER_TOKEN,
];
