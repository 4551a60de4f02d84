//! The field catalog: every lifetime setting the Dashboard shows, as data. Adding a field is
//! adding a row in `fields.rs`; detection, validation, explanations and the CLI read from here.

mod fields;
mod flows;
mod labels;

pub use fields::FIELDS;
pub use flows::{Flow, AUTHORIZE_ENDPOINT_FLOWS, TOKEN_ENDPOINT_FLOWS};
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

    /// Save button labels on this page, newest first.
    pub const fn save_labels(self) -> &'static [&'static str] {
        match self {
            Page::ApiSettings => &["Save", "Save Changes"],
            Page::ApplicationSettings | Page::TenantAdvanced => &["Save Changes", "Save"],
        }
    }
}

/// A number with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sourced {
    pub value: u64,
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
    pub source: &'static str,
}

/// `this ≤ other`, with the severity of a violation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// The id of the other field.
    pub at_most: &'static str,
    /// True when a violation blocks the save (the server rejects it); false for a warning.
    pub blocks: bool,
    pub code: &'static str,
    /// What to tell the admin; `{other}` is replaced with the other field's value in words.
    pub text: &'static str,
    pub source: &'static str,
}

/// One lifetime setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The Management API property, e.g. `token_lifetime`.
    pub id: &'static str,
    /// A short human name.
    pub name: &'static str,
    pub page: Page,
    /// Every generation of the Dashboard label, oldest first.
    pub labels: &'static [&'static str],
    /// Labels of the toggle that switches this setting on, when it has one. A lifetime whose
    /// toggle is off is not enforced by Auth0, so it is not checked.
    pub toggle_labels: &'static [&'static str],
    pub unit: Unit,
    pub default: Sourced,
    /// Other defaults seen in sources, for the record.
    pub default_note: Option<&'static str>,
    pub min: Sourced,
    /// The hard maximum: the Management API rejects anything above it.
    pub max: Option<Sourced>,
    pub soft: &'static [SoftLimit],
    pub relations: &'static [Relation],
    pub flows: &'static [Flow],
    /// One sentence an admin can act on: what this value governs.
    pub explanation: &'static str,
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
