//! The field catalog: every lifetime setting the Dashboard shows, as data. Adding a field is
//! adding a row in `fields.rs` (tokens and sessions) or `more_fields.rs` (everything else); detection, validation, explanations and the CLI read from here.

mod fields;
mod fixed;
mod flows;
mod labels;
mod more_fields;

pub use fields::FIELDS;
pub use fixed::{Fixed, FIXED};
pub use flows::{Flow, AUTHORIZE_ENDPOINT_FLOWS, REFRESH_TOKEN_FLOWS, TOKEN_ENDPOINT_FLOWS};
pub use labels::{match_label, match_toggle, normalise_label, settle_match};

use crate::codes::Code;
use crate::unit::Unit;
use serde::Serialize;

/// The Dashboard page a field lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// APIs › (an API) › Settings.
    ApiSettings,
    /// APIs › Auth0 Management API › API Explorer (the Management API's test token).
    ApiExplorer,
    /// Applications › (an app) › Settings.
    ApplicationSettings,
    /// Settings › Advanced (tenant sessions).
    TenantAdvanced,
    /// Branding › Email Templates.
    EmailTemplates,
    /// Authentication › Passwordless › Email or SMS.
    Passwordless,
    /// Authentication › Enterprise › (a connection) › Provisioning (SCIM tokens).
    ScimProvisioning,
    /// Applications › (an app) › Addons.
    Addons,
    /// Security › Attack Protection.
    AttackProtection,
    /// No Dashboard field: set through the Management API (and the files that call it).
    ManagementApiOnly,
}

impl Page {
    /// The stable snake_case name, as serialised.
    pub const fn code(self) -> &'static str {
        match self {
            Page::ApiSettings => "api_settings",
            Page::ApiExplorer => "api_explorer",
            Page::ApplicationSettings => "application_settings",
            Page::TenantAdvanced => "tenant_advanced",
            Page::EmailTemplates => "email_templates",
            Page::Passwordless => "passwordless",
            Page::ScimProvisioning => "scim_provisioning",
            Page::Addons => "addons",
            Page::AttackProtection => "attack_protection",
            Page::ManagementApiOnly => "management_api_only",
        }
    }

    /// Where the page is in the Dashboard, as its menus lead to it.
    pub const fn location(self) -> &'static str {
        match self {
            Page::ApiSettings => "APIs › (an API) › Settings",
            Page::ApiExplorer => "APIs › Auth0 Management API › API Explorer",
            Page::ApplicationSettings => "Applications › (an application) › Settings",
            Page::TenantAdvanced => "Settings › Advanced › Session Expiration",
            Page::EmailTemplates => "Branding › Email Templates › (a template)",
            Page::Passwordless => "Authentication › Passwordless › Email or SMS › Settings",
            Page::ScimProvisioning => {
                "Authentication › Enterprise › (a connection) › Provisioning › SCIM tokens"
            }
            Page::Addons => "Applications › (an application) › Addons",
            Page::AttackProtection => "Security › Attack Protection › Suspicious IP Throttling",
            Page::ManagementApiOnly => "no Dashboard field: the Management API only",
        }
    }

    /// Every page, for the lists of where each field is set.
    pub const ALL: [Page; 10] = [
        Page::ApiSettings,
        Page::ApiExplorer,
        Page::ApplicationSettings,
        Page::TenantAdvanced,
        Page::EmailTemplates,
        Page::Passwordless,
        Page::ScimProvisioning,
        Page::Addons,
        Page::AttackProtection,
        Page::ManagementApiOnly,
    ];

    /// The page a Dashboard URL shows: path routes (`/dashboard/us/acme/apis/…`) and the older
    /// hash routes (`/#/apis/…`).
    pub fn of_url(href: &str) -> Option<Page> {
        let lower = href.to_ascii_lowercase();
        let has = |part| crate::text::find(&lower, part).is_some();
        if has("/apis/management/explorer") {
            Some(Page::ApiExplorer)
        } else if has("/apis/") {
            Some(Page::ApiSettings)
        } else if has("/addons") {
            Some(Page::Addons)
        } else if has("/applications/") || has("/clients/") {
            Some(Page::ApplicationSettings)
        } else if has("/tenant/advanced") || has("/settings/advanced") {
            Some(Page::TenantAdvanced)
        } else if has("/templates/emails") || has("/branding/email") {
            Some(Page::EmailTemplates)
        } else if has("/passwordless") {
            Some(Page::Passwordless)
        } else if has("/provisioning") || has("/scim") {
            Some(Page::ScimProvisioning)
        } else if has("/attack-protection") {
            Some(Page::AttackProtection)
        } else {
            None
        }
    }
}

/// What a setting belongs to: the Management API object that holds it, which is also what a
/// configuration file describes (a Deploy CLI entry, a Terraform resource, an API body).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// An API (`resource_servers`).
    ResourceServer,
    /// An application (`clients`).
    Client,
    /// The tenant's settings.
    Tenant,
    /// An email template (`email-templates/{name}`).
    EmailTemplate,
    /// A connection (`connections`).
    Connection,
    /// Attack protection's suspicious IP throttling settings.
    AttackProtection,
    /// Risk assessment's new-device settings.
    NewDevice,
    /// A SCIM token of a connection (`connections/{id}/scim-configuration/tokens`).
    ScimToken,
    /// An organization invitation (`organizations/{id}/invitations`).
    Invitation,
    /// An email-verification or password-change ticket (`tickets/…`).
    Ticket,
    /// A self-service SSO ticket (`self-service-profiles/{id}/sso-ticket`).
    SsoTicket,
}

impl Owner {
    /// How a person names one and several of them: the lifetime map's rows ("API Payments",
    /// "214 applications").
    pub const fn noun(self) -> (&'static str, &'static str) {
        match self {
            Owner::ResourceServer => ("API", "APIs"),
            Owner::Client => ("application", "applications"),
            Owner::Tenant => ("tenant", "tenants"),
            Owner::EmailTemplate => ("email template", "email templates"),
            Owner::Connection => ("connection", "connections"),
            Owner::AttackProtection => ("attack protection", "attack protection settings"),
            Owner::NewDevice => ("new-device setting", "new-device settings"),
            Owner::ScimToken => ("SCIM token", "SCIM tokens"),
            Owner::Invitation => ("invitation", "invitations"),
            Owner::Ticket => ("ticket", "tickets"),
            Owner::SsoTicket => ("SSO ticket", "SSO tickets"),
        }
    }

    /// The stable snake_case name, as serialised and as lint names entities.
    pub const fn code(self) -> &'static str {
        match self {
            Owner::ResourceServer => "resource_server",
            Owner::Client => "client",
            Owner::Tenant => "tenant",
            Owner::EmailTemplate => "email_template",
            Owner::Connection => "connection",
            Owner::AttackProtection => "attack_protection",
            Owner::NewDevice => "new_device",
            Owner::ScimToken => "scim_token",
            Owner::Invitation => "invitation",
            Owner::Ticket => "ticket",
            Owner::SsoTicket => "sso_ticket",
        }
    }
}

/// Where files write a setting: a dotted path in its owner's object (the Management API's and
/// the Deploy CLI's names, or the Terraform provider's), in the field's own unit unless
/// `in_hours` (the tenant's sessions: minutes in the Dashboard, hours in the API and in files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InFile {
    pub path: &'static str,
    pub in_hours: bool,
}

/// `path`, in the field's unit.
pub const fn at(path: &'static str) -> InFile {
    InFile {
        path,
        in_hours: false,
    }
}

/// `path`, in hours.
pub const fn at_in_hours(path: &'static str) -> InFile {
    InFile {
        path,
        in_hours: true,
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
    pub code: Code,
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
    pub code: Code,
    /// What to tell the admin; `{other}` is replaced with the other field's value in words.
    pub text: &'static str,
    pub kind: Kind,
    pub source: &'static str,
}

/// What a field's value measures, which decides what it may be compared with: a lifetime (how
/// long a token, session, link or code stays valid), an interval (attack protection's rate: the
/// time between two attempts an IP address is allowed) or a grace period (how long a used refresh
/// token is still accepted after rotation); no lifetime axis should hold the last two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    Lifetime,
    Interval,
    Grace,
}

/// One lifetime setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The Management API property, e.g. `token_lifetime`.
    pub id: &'static str,
    /// A short human name, for the popup, the options page, the playground and the CLI (the
    /// notes in the Dashboard sit at the field's own label).
    pub name: &'static str,
    /// A few words where space is short: the lifetime map's legend and its rows' summaries
    /// ("ID token", "refresh (idle)").
    pub short: &'static str,
    pub page: Page,
    /// Every generation of the Dashboard label, oldest first.
    pub labels: &'static [&'static str],
    /// Words of the section heading that make a label this row's rather than the row listed
    /// first with the same label (one page shows "Throttling rate" for logins and for signups).
    pub section_words: &'static [&'static str],
    /// Labels of the toggle that switches this setting on, when it has one. A lifetime whose
    /// toggle is off is not enforced by Auth0, so it is not checked.
    pub toggle_labels: &'static [&'static str],
    pub unit: Unit,
    /// What the value measures: how long something lives, or the time between two events.
    pub measures: Measure,
    /// Auth0's default, when one is known (a SCIM token without a lifetime never expires).
    pub default: Option<Sourced>,
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
    /// The object that holds it, in the API and in files.
    pub owner: Owner,
    /// Every place a configuration file writes it (empty: no file format holds it).
    pub in_files: &'static [InFile],
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
