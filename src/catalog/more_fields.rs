//! The lifetimes beyond tokens and sessions: email links, one-time codes, SCIM tokens, add-ons,
//! attack protection, and the Management API's own TTLs. Each is a row of the catalog like the
//! others (`FIELDS` lists them); see "More lifetimes an admin sets" in
//! `shared/facts/auth0-lifetimes.md` and the pinned spec excerpt in `tests/spec/`.

use super::{at, Field, Kind, Measure, Owner, Page, SoftLimit, Sourced};
use crate::codes::Code;
use crate::unit::Unit;

const RULE_MIN: &str = "Lifetime Guard: a lifetime of 0 expires as it is issued";
const DOCS_EMAIL: &str = "Auth0 docs, “Customize Email Templates”";
const DOCS_OTP: &str =
    "Auth0 docs, “Configure Email or SMS for Passwordless Authentication” (“three minutes”)";
const DOCS_ADDONS: &str = "Auth0 docs, the add-on's settings page";
const DOCS_EXPLORER: &str = "Auth0 docs, “Get Management API Access Tokens for Testing” (“by default … 24 hours (86400 seconds)”)";
const DOCS_PAR: &str = "Auth0 docs, “Configure Pushed Authorization Requests”";

const fn spec(value: u64, citation: &'static str) -> Sourced {
    Sourced {
        value,
        kind: Kind::Schema,
        source: citation,
    }
}

const fn documented(value: u64, citation: &'static str) -> Sourced {
    Sourced {
        value,
        kind: Kind::Documented,
        source: citation,
    }
}

const AT_LEAST_ONE: Sourced = Sourced {
    value: 1,
    kind: Kind::ProjectRule,
    source: RULE_MIN,
};

/// A row with no Dashboard field, no switch, no relation and no flow: the shape most of these
/// settings have. Each row below overrides what differs.
const BASE: Field = Field {
    id: "",
    name: "",
    short: "",
    page: Page::ManagementApiOnly,
    labels: &[],
    section_words: &[],
    toggle_labels: &[],
    unit: Unit::Seconds,
    measures: Measure::Lifetime,
    default: None,
    default_note: None,
    min: AT_LEAST_ONE,
    max: None,
    soft: &[],
    relations: &[],
    flows: &[],
    explanation: "",
    owner: Owner::Client,
    in_files: &[],
};

pub(super) const EMAIL_URL_LIFETIME: Field = Field {
    id: "urlLifetimeInSeconds",
    name: "Email link lifetime",
    short: "email link",
    page: Page::EmailTemplates,
    labels: &["URL Lifetime", "URL Lifetime (seconds)"],
    default: Some(documented(432_000, DOCS_EMAIL)),
    min: Sourced { value: 0, kind: Kind::Schema, source: "Management API schema, EmailTemplate.urlLifetimeInSeconds" },
    explanation: "How long the link in this email (verify an address, change a password, unblock an account) keeps working. It is no token's or session's lifetime.",
    owner: Owner::EmailTemplate,
    in_files: &[
        at("urlLifetimeInSeconds"),
        at("url_lifetime_in_seconds"),
    ],
    ..BASE
};

pub(super) const OTP_EXPIRY: Field = Field {
    id: "options.totp.time_step",
    name: "One-time code expiry (passwordless email and SMS)",
    short: "one-time code",
    page: Page::Passwordless,
    labels: &["OTP Expiry", "OTP Expiry (seconds)"],
    default: Some(documented(180, DOCS_OTP)),
    min: spec(60, "Management API schema, ConnectionTotpEmail.time_step"),
    soft: &[SoftLimit {
        above: 900,
        code: Code::LongOtp,
        text: "Above {limit}: a one-time code that lives this long gives an attacker more time to guess it.",
        kind: Kind::ProjectRule,
        source: "Lifetime Guard review threshold (no public source states a limit)",
    }],
    explanation: "How long the one-time code sent by email or SMS can be entered. “OTP Length” beside it is a number of digits, not a lifetime.",
    owner: Owner::Connection,
    in_files: &[at("options.totp.time_step")],
    ..BASE
};

pub(super) const SCIM_TOKEN_LIFETIME: Field = Field {
    id: "scim_token.token_lifetime",
    name: "SCIM token lifetime",
    short: "SCIM token",
    page: Page::ScimProvisioning,
    labels: &["Expiration date in seconds", "Token lifetime in seconds"],
    default_note: Some("a token created without a lifetime never expires (Management API schema: null)"),
    min: documented(900, "Auth0 docs, “Configure Inbound SCIM” (“minimum 900”); the schema's description says “greater than 900”"),
    explanation: "How long this SCIM token lets the identity provider create and update users. Without one, the token never expires: rotate it by hand.",
    owner: Owner::ScimToken,
    in_files: &[at("token_lifetime")],
    ..BASE
};

pub(super) const SSO_TICKET_TTL: Field = Field {
    id: "sso_ticket.ttl_sec",
    name: "Self-service SSO ticket lifetime",
    short: "SSO ticket",
    default: Some(spec(
        432_000,
        "Management API schema, CreateSelfServiceProfileSsoTicketRequestContent.ttl_sec",
    )),
    min: Sourced {
        value: 0,
        kind: Kind::Schema,
        source: "Management API schema, CreateSelfServiceProfileSsoTicketRequestContent.ttl_sec",
    },
    max: Some(spec(
        432_000,
        "Management API schema, CreateSelfServiceProfileSsoTicketRequestContent.ttl_sec",
    )),
    explanation:
        "How long the link that lets a customer's admin set up their own SSO connection works.",
    owner: Owner::SsoTicket,
    in_files: &[at("ttl_sec")],
    ..BASE
};

pub(super) const SAML_ADDON_LIFETIME: Field = Field {
    id: "addons.samlp.lifetimeInSeconds",
    name: "SAML2 Web App add-on: assertion lifetime",
    short: "SAML assertion",
    page: Page::Addons,
    default: Some(documented(3_600, DOCS_ADDONS)),
    explanation: "How long the SAML assertion this application's SAML2 Web App add-on issues is valid (its NotOnOrAfter). Set in the add-on's settings JSON.",
    owner: Owner::Client,
    in_files: &[
        at("addons.samlp.lifetimeInSeconds"),
        at("addons.samlp.lifetime_in_seconds"),
    ],
    ..BASE
};

pub(super) const AWS_ADDON_LIFETIME: Field = Field {
    id: "addons.aws.lifetime_in_seconds",
    name: "AWS add-on: token lifetime",
    short: "AWS token",
    page: Page::Addons,
    min: spec(900, "Management API schema, ClientAddonAWS.lifetime_in_seconds"),
    max: Some(spec(43_200, "Management API schema, ClientAddonAWS.lifetime_in_seconds")),
    explanation: "How long the AWS credentials this application's AWS add-on obtains stay valid (AWS allows 15 minutes to 12 hours).",
    owner: Owner::Client,
    in_files: &[at("addons.aws.lifetime_in_seconds")],
    ..BASE
};

pub(super) const FIREBASE_ADDON_LIFETIME: Field = Field {
    id: "addons.firebase.lifetime_in_seconds",
    name: "Firebase add-on: token lifetime",
    short: "Firebase token",
    page: Page::Addons,
    default: Some(documented(3_600, DOCS_ADDONS)),
    explanation: "How long the Firebase token this application's Firebase add-on issues is valid.",
    owner: Owner::Client,
    in_files: &[at("addons.firebase.lifetime_in_seconds")],
    ..BASE
};

/// The add-ons whose token lifetime is an `expiration` in minutes.
const fn minutes_addon(
    id: &'static str,
    name: &'static str,
    short: &'static str,
    in_files: &'static [super::InFile],
) -> Field {
    Field {
        id,
        name,
        short,
        page: Page::Addons,
        unit: Unit::Minutes,
        default: Some(documented(5, DOCS_ADDONS)),
        explanation: "How long the token (a shared access signature) this add-on issues is valid, in minutes.",
        owner: Owner::Client,
        in_files,
        ..BASE
    }
}

pub(super) const AZURE_BLOB_EXPIRATION: Field = minutes_addon(
    "addons.azure_blob.expiration",
    "Azure Blob Storage add-on: token expiration",
    "Azure Blob token",
    &[at("addons.azure_blob.expiration")],
);

pub(super) const AZURE_SB_EXPIRATION: Field = minutes_addon(
    "addons.azure_sb.expiration",
    "Azure Service Bus add-on: token expiration",
    "Azure Service Bus token",
    &[at("addons.azure_sb.expiration")],
);

pub(super) const LAYER_EXPIRATION: Field = minutes_addon(
    "addons.layer.expiration",
    "Layer add-on: token expiration",
    "Layer token",
    &[at("addons.layer.expiration")],
);

const SPEC_PRE_LOGIN: &str = "Management API schema, SuspiciousIPThrottlingPreLoginStage.rate";
const SPEC_PRE_REGISTRATION: &str =
    "Management API schema, SuspiciousIPThrottlingPreUserRegistrationStage.rate";

pub(super) const THROTTLE_LOGIN_RATE: Field = Field {
    id: "suspicious_ip_throttling.stage.pre-login.rate",
    name: "Suspicious IP throttling: login attempt interval",
    short: "login throttling",
    page: Page::AttackProtection,
    labels: &["Throttling rate", "Login throttling rate", "Pre-login throttling rate"],
    unit: Unit::Milliseconds,
    measures: Measure::Interval,
    default: Some(spec(864_000, SPEC_PRE_LOGIN)),
    min: spec(34_560, SPEC_PRE_LOGIN),
    max: Some(spec(86_400_000, SPEC_PRE_LOGIN)),
    explanation: "A throttled IP address gets one more login attempt each time this interval passes (864,000 ms = 100 a day). Shorter lets an attacker try faster.",
    owner: Owner::AttackProtection,
    in_files: &[
        at("stage.pre-login.rate"),
        at("suspiciousIpThrottling.stage.pre-login.rate"),
        at("suspicious_ip_throttling.pre_login.rate"),
    ],
    ..BASE
};

pub(super) const THROTTLE_SIGNUP_RATE: Field = Field {
    id: "suspicious_ip_throttling.stage.pre-user-registration.rate",
    name: "Suspicious IP throttling: signup attempt interval",
    short: "signup throttling",
    page: Page::AttackProtection,
    labels: &[
        "Throttling rate",
        "Signup throttling rate",
        "Sign-up throttling rate",
        "Pre-user-registration throttling rate",
    ],
    section_words: &["sign up", "signup", "sign-up", "registration", "registrations"],
    unit: Unit::Milliseconds,
    measures: Measure::Interval,
    default: Some(spec(1_728_000, SPEC_PRE_REGISTRATION)),
    min: spec(1_200, SPEC_PRE_REGISTRATION),
    max: Some(spec(86_400_000, SPEC_PRE_REGISTRATION)),
    explanation: "A throttled IP address gets one more signup attempt each time this interval passes (1,728,000 ms = 50 a day).",
    owner: Owner::AttackProtection,
    in_files: &[
        at("stage.pre-user-registration.rate"),
        at("suspiciousIpThrottling.stage.pre-user-registration.rate"),
        at("suspicious_ip_throttling.pre_user_registration.rate"),
    ],
    ..BASE
};

pub(super) const NEW_DEVICE_REMEMBER_FOR: Field = Field {
    id: "new_device.remember_for",
    name: "Risk assessment: days a device is remembered",
    short: "device remembered",
    unit: Unit::Days,
    min: spec(1, "Management API schema, UpdateRiskAssessmentsSettingsNewDeviceRequestContent.remember_for"),
    max: Some(spec(365, "Management API schema, UpdateRiskAssessmentsSettingsNewDeviceRequestContent.remember_for")),
    explanation: "How many days a device a user logged in from stays known to risk assessment; after that, a login from it counts as a new device again.",
    owner: Owner::NewDevice,
    in_files: &[
        at("remember_for"),
        at("new_device.remember_for"),
    ],
    ..BASE
};

pub(super) const PAR_REQUEST_EXPIRY: Field = Field {
    id: "par_request_expiry",
    name: "Pushed authorization request expiry",
    short: "PAR request",
    default: Some(documented(30, DOCS_PAR)),
    min: spec(10, "Management API schema, UpdateClientRequestContent.par_request_expiry"),
    max: Some(spec(600, "Management API schema, UpdateClientRequestContent.par_request_expiry")),
    explanation: "How long the request_uri of this application's pushed authorization requests (PAR) can be used at /authorize.",
    owner: Owner::Client,
    in_files: &[at("par_request_expiry")],
    ..BASE
};

const SPEC_INVITATION: &str =
    "Management API schema, CreateOrganizationInvitationRequestContent.ttl_sec";

pub(super) const INVITATION_TTL: Field = Field {
    id: "invitation.ttl_sec",
    name: "Organization invitation lifetime",
    short: "invitation",
    default: Some(spec(0, SPEC_INVITATION)),
    default_note: Some("0 means 604,800 s (7 days)"),
    min: Sourced {
        value: 0,
        kind: Kind::Schema,
        source: SPEC_INVITATION,
    },
    max: Some(spec(2_592_000, SPEC_INVITATION)),
    explanation:
        "How long the link in an organization invitation works; 0 gives the default of 7 days.",
    owner: Owner::Invitation,
    in_files: &[at("ttl_sec")],
    ..BASE
};

const SPEC_TICKET: &str =
    "Management API schema, CreateVerificationEmailTicketRequestContent.ttl_sec";

pub(super) const TICKET_TTL: Field = Field {
    id: "ticket.ttl_sec",
    name: "Email-verification or password-change ticket lifetime",
    short: "ticket",
    default: Some(spec(0, SPEC_TICKET)),
    default_note: Some("0 means 432,000 s (5 days)"),
    min: Sourced { value: 0, kind: Kind::Schema, source: SPEC_TICKET },
    explanation: "How long the link of an email-verification or password-change ticket works; 0 gives the default of 5 days.",
    owner: Owner::Ticket,
    in_files: &[at("ttl_sec")],
    ..BASE
};

/// The Management API's test token: not a setting of any API, a parameter of the token the
/// Dashboard makes when the admin clicks Update & Regenerate Token. Its label is the one the API
/// page used to carry; the section (the tab, the button beside it) tells them apart.
pub(super) const API_EXPLORER_TOKEN: Field = Field {
    id: "api_explorer.token_expiration",
    name: "API Explorer test token expiration",
    short: "explorer token",
    page: Page::ApiExplorer,
    labels: &["Token Expiration (Seconds)", "Token Expiration"],
    section_words: &["explorer", "regenerate"],
    default: Some(documented(86_400, DOCS_EXPLORER)),
    soft: &[SoftLimit {
        above: 2_592_000,
        code: Code::UnusuallyLong,
        text: "Above {limit}: Auth0 publishes no maximum for this token, but it cannot be revoked — it works for everything its scopes allow until it expires.",
        kind: Kind::ProjectRule,
        source: "Lifetime Guard review threshold: the access-token maximum of every other API; Auth0 docs, “Get Management API Access Tokens for Testing”: these tokens “cannot be revoked”, no maximum is published",
    }],
    explanation: "How long the next test token of the Management API lives, made when you click Update & Regenerate Token. It changes no setting of any API or application; tokens already issued keep their lifetime.",
    owner: Owner::ResourceServer,
    ..BASE
};
