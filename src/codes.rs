//! Every finding code, in one place: its stable name, the level it is reported at, a title and
//! what it means. The Dashboard's notes, `check`, `lint` (human, JSON, SARIF, GitHub, GitLab) and
//! the playground all name their findings with a [`Code`]; `docs/linting.md`'s table is written
//! from [`Code::ALL`] (a test rewrites it and compares).
//!
//! A code's doc comment is its published description (as ruff's `ViolationMetadata`): the macro
//! below keeps the words in one place.

use crate::verdict::Level;

macro_rules! codes {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident = $name:literal, $level:ident, $title:literal;
    )+) => {
        /// A finding code. Serialised as its [`Code::name`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, in the order of the published table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The stable snake_case name, as every output writes it.
            pub const fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)+ }
            }

            /// The level a finding of this code is reported at.
            pub const fn level(self) -> Level {
                match self { $(Code::$variant => Level::$level,)+ }
            }

            /// A short title (SARIF's short description, a GitHub annotation's title).
            pub const fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)+ }
            }

            /// What is wrong and what to do: the code's doc comment.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),+),)+ }.trim_start()
            }
        }
    };
}

codes! {
    /// The value is above the field's hard maximum (the Management API schema, or what the API
    /// was observed to refuse): Auth0 refuses the save. Lower it.
    AboveMaximum = "above_maximum", Error, "Above the maximum Auth0 accepts";
    /// The value is below the field's minimum: Auth0 refuses it, or (a project rule) a lifetime
    /// of 0 expires as it is issued. Raise it.
    BelowMinimum = "below_minimum", Error, "Below the minimum";
    /// token_lifetime_for_web (Implicit / Hybrid) may not exceed token_lifetime: Auth0 refuses
    /// the save. Lower it, or raise token_lifetime.
    ExceedsTokenLifetime = "exceeds_token_lifetime", Error, "Browser-flow lifetime above the API's access-token lifetime";
    /// Auth0 staff have stated a cap of 86,400 s for tokens issued to browser flows; longer
    /// values may be shortened or refused (observed, not documented).
    AboveBrowserFlowCap = "above_browser_flow_cap", Warning, "Browser-flow lifetime above the stated cap";
    /// The Auth0 documentation gives a lower maximum than the schema allows; the value may not
    /// behave as written.
    AboveDocumentedMaximum = "above_documented_maximum", Warning, "Above the documented maximum";
    /// On self-service plans Auth0 silently uses the plan's limit instead of this value. Lower
    /// it, or lint with --plan enterprise if the tenant is on an Enterprise plan.
    AbovePlanLimit = "above_plan_limit", Warning, "Above the self-service plan's limit";
    /// Even on Enterprise plans Auth0 silently uses a lower limit than this value.
    AboveEnterpriseLimit = "above_enterprise_limit", Warning, "Above the Enterprise plan's limit";
    /// Your organisation's policy (--policy) sets a stricter limit for this field than Auth0
    /// does.
    AbovePolicyMaximum = "above_policy_maximum", Error, "Outside the organisation's policy";
    /// Your organisation's policy (--policy) sets a stricter limit for this field than Auth0
    /// does.
    BelowPolicyMinimum = "below_policy_minimum", Error, "Outside the organisation's policy";
    /// Your organisation's policy asks for a review of values past this threshold.
    PolicyWarnAbove = "policy_warn_above", Warning, "Past the organisation's review threshold";
    /// Your organisation's policy asks for a review of values past this threshold.
    PolicyWarnBelow = "policy_warn_below", Warning, "Past the organisation's review threshold";
    /// An idle (inactivity) lifetime longer than the maximum lifetime it belongs with can never
    /// take effect.
    IdleExceedsAbsolute = "idle_exceeds_absolute", Warning, "Idle lifetime longer than the maximum";
    /// An idle (inactivity) lifetime longer than the maximum lifetime it belongs with can never
    /// take effect.
    IdleExceedsMaximum = "idle_exceeds_maximum", Warning, "Idle lifetime longer than the maximum";
    /// A project rule: a rotated refresh token stays usable for this long; more than an hour
    /// weakens reuse detection.
    LongOverlap = "long_overlap", Warning, "Long rotation overlap";
    /// A project rule: a value worth a second look (such as an ID token valid for more than 30
    /// days).
    UnusuallyLong = "unusually_long", Warning, "Unusually long";
    /// A project rule: a one-time code valid for more than 15 minutes gives an attacker more
    /// time to guess it.
    LongOtp = "long_otp", Warning, "Long one-time code expiry";
    /// Tokens for the MFA API (…/mfa/) always live 600 s, whatever this value says.
    MfaFixedLifetime = "mfa_fixed_lifetime", Warning, "The MFA API's tokens always live 600 s";
    /// A switch or flag (infinite_token_lifetime, a non-expiring refresh token) makes Auth0
    /// ignore this lifetime.
    NotEnforced = "not_enforced", Info, "Not applied by Auth0";
    /// The value could not be evaluated here (a variable set elsewhere, a function call, a
    /// placeholder without --keywords); the message says why. With --fail-on warning it fails
    /// the run.
    NotChecked = "not_checked", Warning, "Not checked";
    /// The value is not a whole, non-negative number: the Management API refuses it.
    NotANumber = "not_a_number", Error, "Not a lifetime";
    /// The value is not a whole, non-negative number: the Management API refuses it.
    Negative = "negative", Error, "Not a lifetime";
    /// The value has a fraction of the unit the file writes it in, or is far too large to be a
    /// lifetime: the Management API refuses it.
    NotWhole = "not_whole", Error, "Not a whole number of the unit";
    /// The value has a fraction of the unit the file writes it in, or is far too large to be a
    /// lifetime: the Management API refuses it.
    TooLarge = "too_large", Error, "Not a whole number of the unit";
    /// The Auth0 Terraform provider does not send token_lifetime_for_web for the Management
    /// API's resource server: the value is never applied.
    NotSentByTerraform = "not_sent_by_terraform", Warning, "Never sent by Terraform";
    /// The Auth0 Terraform provider sends session hours of 1 and more as whole hours.
    TerraformRoundsHours = "terraform_rounds_hours", Warning, "Rounded by Terraform";
    /// The value is converted to the field's unit with a rounding.
    RoundedToMinutes = "rounded_to_minutes", Warning, "Rounded to minutes";
    /// The Management API's request schema takes whole session hours and refuses decimals
    /// (Expected type integer but found type number). Send whole hours or the setting's
    /// _in_minutes form.
    NotWholeHours = "not_whole_hours", Error, "Decimal hours in a request";
    /// The API answers with decimal hours when a session lifetime was set in minutes; the same
    /// JSON sent back as a request is refused. Lint request bodies with --api-json request.
    DecimalHours = "decimal_hours", Info, "Decimal hours in an API answer";
    /// Refresh token rotation needs expiration_type expiring with a maximum lifetime
    /// (infinite_token_lifetime false): Auth0 refuses rotation without one (documented).
    RotationNeedsExpiration = "rotation_needs_expiration", Error, "Rotation without an expiring refresh token";
    /// Single-page applications cannot have non-expiring refresh tokens (documented). Use
    /// expiring tokens with a maximum lifetime, usually with rotation.
    SpaNonExpiringRefreshToken = "spa_non_expiring_refresh_token", Error, "Non-expiring refresh tokens in a single-page app";
    /// Terraform converts a quoted number to the attribute's number type: the value is read as
    /// that number.
    TerraformConvertsString = "terraform_converts_string", Info, "Converted from a string";
    /// The value comes from a variable, a local or a keyword: the message names where.
    ResolvedFrom = "resolved_from", Info, "Resolved from elsewhere";
    /// The setting is not in the file: Auth0's default is used to check the settings related to
    /// it.
    UnsetUsesDefault = "unset_uses_default", Info, "Unset: Auth0's default is used";
    /// The value is Auth0's default for the field.
    IsDefault = "is_default", Info, "Auth0's default";
    /// A lifetime-guard-ignore comment needs the codes it ignores and a reason; it suppresses
    /// nothing without them.
    SuppressionWithoutReason = "suppression_without_reason", Warning, "Suppression without a reason";
    /// A mapping sets the same key more than once: only the last value counts (js-yaml, the
    /// Deploy CLI's reader, refuses such a YAML file).
    DuplicateKey = "duplicate_key", Warning, "A key set twice";
    /// The file could not be opened or parsed as its format; nothing in it was checked.
    Unreadable = "unreadable", Error, "File cannot be read";
    /// An entry met while walking a directory (a dangling link, a file without permission,
    /// binary data) was not read.
    Skipped = "skipped", Warning, "Entry skipped";
    /// Nothing was typed.
    Empty = "empty", Error, "Empty";
    /// Months and years have no fixed length (and one month already exceeds the 30-day
    /// access-token cap): write days.
    MonthOrYear = "month_or_year", Error, "Months or years";
    /// A lone capital M could be months or minutes: write min for minutes.
    AmbiguousUnit = "ambiguous_unit", Error, "Ambiguous unit";
    /// A character that belongs to no lifetime.
    InvalidCharacter = "invalid_character", Error, "Invalid character";
    /// A separator that could be a decimal point or a thousands separator (86.400).
    AmbiguousSeparator = "ambiguous_separator", Error, "Ambiguous separator";
    /// A number that cannot be read.
    BadNumber = "bad_number", Error, "Unreadable number";
    /// A unit given twice in a compound (1h 2h).
    DuplicateUnit = "duplicate_unit", Error, "Unit given twice";
    /// A word that is no unit of time.
    UnknownUnit = "unknown_unit", Error, "Unknown unit";
    /// A number in a compound without its unit.
    MissingUnit = "missing_unit", Error, "Missing unit";
    /// A unit without its number.
    MissingNumber = "missing_number", Error, "Missing number";
    /// Clock notation that cannot be read (H:MM:SS, H:MM).
    BadClock = "bad_clock", Error, "Unreadable clock time";
    /// An ISO 8601 duration that cannot be read (P1D, PT36H).
    BadIso = "bad_iso", Error, "Unreadable ISO 8601 duration";
}

impl Code {
    /// The code named `name`, if there is one (a misspelled code in a suppression or a settings
    /// file is an error, not a silent no-op).
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::from_name(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown finding code “{name}” (docs/linting.md lists them)"
            ))
        })
    }
}

impl From<crate::parse::ErrorKind> for Code {
    fn from(kind: crate::parse::ErrorKind) -> Code {
        use crate::parse::ErrorKind as K;
        match kind {
            K::Empty => Code::Empty,
            K::Negative => Code::Negative,
            K::MonthOrYear => Code::MonthOrYear,
            K::AmbiguousUnit => Code::AmbiguousUnit,
            K::TooLarge => Code::TooLarge,
            K::InvalidCharacter => Code::InvalidCharacter,
            K::AmbiguousSeparator => Code::AmbiguousSeparator,
            K::BadNumber => Code::BadNumber,
            K::NotWhole => Code::NotWhole,
            K::DuplicateUnit => Code::DuplicateUnit,
            K::UnknownUnit => Code::UnknownUnit,
            K::MissingUnit => Code::MissingUnit,
            K::MissingNumber => Code::MissingNumber,
            K::BadClock => Code::BadClock,
            K::BadIso => Code::BadIso,
        }
    }
}

/// `docs/linting.md`'s table of codes, as written from [`Code::ALL`]: one row for the codes
/// next to each other that say the same.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| code | level | title | what it means, what to do |\n|---|---|---|---|\n");
    let same = |a: &Code, b: &Code| {
        (a.level(), a.title(), a.description()) == (b.level(), b.title(), b.description())
    };
    for group in Code::ALL.chunk_by(same) {
        let names: Vec<String> = group.iter().map(|c| format!("`{c}`")).collect();
        let c = group[0];
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            names.join(", "),
            c.level().code(),
            c.title(),
            c.description()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_unique_and_read_back() {
        for c in Code::ALL {
            assert_eq!(Code::from_name(c.name()), Some(*c));
            assert!(!c.description().is_empty() && !c.description().starts_with(' '));
        }
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        assert_eq!(Code::from_name("above_maximun"), None);
    }
}
