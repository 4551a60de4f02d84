//! The field catalog: every lifetime setting the Dashboard shows, as data. Adding a field is
//! adding a row in `fields.rs`; detection, validation, explanations and the CLI read from here.

mod fields;
mod fixed;
mod flows;
mod labels;

pub use fields::FIELDS;
pub use fixed::{Fixed, FIXED};
pub use flows::{Flow, AUTHORIZE_ENDPOINT_FLOWS, REFRESH_TOKEN_FLOWS, TOKEN_ENDPOINT_FLOWS};
pub use labels::{match_label, match_toggle, normalise_label};

use crate::unit::Unit;
use serde::Serialize;

/// The Dashboard page a field lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// APIs › (an API) › Settings.
    ApiSettings,
    /// Applications › (an app) › Settings.
    ApplicationSettings,
    /// Settings › Advanced (tenant sessions).
    TenantAdvanced,
}

impl Page {
    /// The stable snake_case name, as serialised.
    pub const fn code(self) -> &'static str {
        match self {
            Page::ApiSettings => "api_settings",
            Page::ApplicationSettings => "application_settings",
            Page::TenantAdvanced => "tenant_advanced",
        }
    }

    /// Where the page is in the Dashboard, as its menus lead to it.
    pub const fn location(self) -> &'static str {
        match self {
            Page::ApiSettings => "APIs › (an API) › Settings",
            Page::ApplicationSettings => "Applications › (an application) › Settings",
            Page::TenantAdvanced => "Settings › Advanced › Session Expiration",
        }
    }

    /// Every page, for the lists of where each field is set.
    pub const ALL: [Page; 3] = [
        Page::ApiSettings,
        Page::ApplicationSettings,
        Page::TenantAdvanced,
    ];

    /// The page a Dashboard URL shows: path routes (`/dashboard/us/acme/apis/…`) and the older
    /// hash routes (`/#/apis/…`).
    pub fn of_url(href: &str) -> Option<Page> {
        let lower = href.to_ascii_lowercase();
        let has = |part| crate::text::find(&lower, part).is_some();
        if has("/apis/") {
            Some(Page::ApiSettings)
        } else if has("/applications/") || has("/clients/") {
            Some(Page::ApplicationSettings)
        } else if has("/tenant/advanced") || has("/settings/advanced") {
            Some(Page::TenantAdvanced)
        } else {
            None
        }
    }
}

/// What kind of fact a limit is, which decides how it may be presented: only `Schema`,
/// `Documented` and `Observed` limits are Auth0's; a `ProjectRule` is Lifetime Guard's own
/// review threshold and is never presented as Auth0's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The Management API v2 OpenAPI spec (`minimum`, `maximum`, `default`): the API refuses
    /// what breaks it.
    Schema,
    /// An Auth0 documentation page states it.
    Documented,
    /// The API's behaviour reported in a public issue or recorded API calls, not in the docs.
    Observed,
    /// Lifetime Guard's own threshold.
    ProjectRule,
}

impl Kind {
    /// The stable snake_case name, as serialised.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Schema => "schema",
            Kind::Documented => "documented",
            Kind::Observed => "observed",
            Kind::ProjectRule => "project_rule",
        }
    }

    /// How a message names the kind: "… — Management API schema".
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Schema => "Management API schema",
            Kind::Documented => "Auth0 documentation",
            Kind::Observed => "observed, not documented",
            Kind::ProjectRule => "project rule",
        }
    }
}

/// A number with its kind and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sourced {
    pub value: u64,
    pub kind: Kind,
    pub source: &'static str,
}

/// A limit that only warns: Auth0 accepts the value but something about it deserves attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SoftLimit {
    /// Warn when the value is above this.
    pub above: u64,
    /// Stable message code.
    pub code: &'static str,
    /// What to tell the admin; `{limit}` is replaced with the limit in words.
    pub text: &'static str,
    pub kind: Kind,
    pub source: &'static str,
}

/// `this ≤ other`, with the severity of a violation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// The id of the other field.
    pub at_most: &'static str,
    /// True when a violation blocks the save (the server rejects it); false for a warning.
    pub blocks: bool,
    /// Stable message code.
    pub code: &'static str,
    /// What to tell the admin; `{other}` is replaced with the other field's value in words.
    pub text: &'static str,
    pub kind: Kind,
    pub source: &'static str,
}

/// Where the Management API schema defines a setting: the pinned spec excerpt
/// (`tests/spec/management-api-lifetimes.json`) is checked against every `Schema` limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SchemaProperty {
    /// The schema (`UpdateResourceServerRequestContent`, …).
    pub schema: &'static str,
    /// The property in it.
    pub property: &'static str,
    /// Field units per schema unit: 60 for tenant sessions (minutes here, hours there).
    pub scale: u64,
}

/// One lifetime setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The Management API property, e.g. `token_lifetime`.
    pub id: &'static str,
    /// A short human name, for the popup, the options page, the playground and the CLI (the
    /// notes in the Dashboard sit at the field's own label).
    pub name: &'static str,
    pub page: Page,
    /// Every generation of the Dashboard label, oldest first.
    pub labels: &'static [&'static str],
    /// Labels of the toggle that switches this setting on, when it has one. A lifetime whose
    /// toggle is off is not enforced by Auth0, so it is not checked.
    pub toggle_labels: &'static [&'static str],
    pub unit: Unit,
    pub default: Sourced,
    /// Where sources disagree on the default: what else is seen. The default is then never
    /// called "Auth0's default" without saying which one.
    pub default_note: Option<&'static str>,
    pub min: Sourced,
    /// The hard maximum: the Management API rejects anything above it.
    pub max: Option<Sourced>,
    pub soft: &'static [SoftLimit],
    pub relations: &'static [Relation],
    pub flows: &'static [Flow],
    /// One sentence an admin can act on: what this value governs.
    pub explanation: &'static str,
    /// Where the Management API schema defines it, if it does.
    pub schema: Option<SchemaProperty>,
}

impl Field {
    /// True for an API's access-token lifetimes, the settings the API's identifier (audience)
    /// bears on: tokens for the MFA API always live 600 s, whatever these say.
    pub fn is_api_token_lifetime(&self) -> bool {
        self.page == Page::ApiSettings
    }
}

/// Looks a field up by its id (`token_lifetime`) or by any of its labels.
pub fn field(id_or_label: &str) -> Option<&'static Field> {
    FIELDS
        .iter()
        .find(|f| f.id.eq_ignore_ascii_case(id_or_label))
        .or_else(|| match_label(id_or_label))
}
