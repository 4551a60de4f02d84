//! What each finding code means, for SARIF's rule descriptions (GitHub code scanning shows them
//! beside every result) and the README's table.

/// A code's short description (a title) and its full description: what is wrong and what to do.
pub fn describe(code: &str) -> (&'static str, &'static str) {
    match code {
        "above_maximum" => ("Above the maximum Auth0 accepts", "The value is above the field's hard maximum (the Management API schema, or what the API was observed to refuse): Auth0 refuses the save. Lower it."),
        "below_minimum" => ("Below the minimum", "The value is below the field's minimum: Auth0 refuses it, or (a project rule) a lifetime of 0 expires as it is issued. Raise it."),
        "exceeds_token_lifetime" => ("Browser-flow lifetime above the API's access-token lifetime", "token_lifetime_for_web (Implicit / Hybrid) may not exceed token_lifetime: Auth0 refuses the save. Lower it, or raise token_lifetime."),
        "above_browser_flow_cap" => ("Browser-flow lifetime above the stated cap", "Auth0 staff have stated a cap of 86,400 s for tokens issued to browser flows; longer values may be shortened or refused (observed, not documented)."),
        "above_documented_maximum" => ("Above the documented maximum", "The Auth0 documentation gives a lower maximum than the schema allows; the value may not behave as written."),
        "above_plan_limit" => ("Above the self-service plan's limit", "On self-service plans Auth0 silently uses the plan's limit instead of this value. Lower it, or lint with --plan enterprise if the tenant is on an Enterprise plan."),
        "above_enterprise_limit" => ("Above the Enterprise plan's limit", "Even on Enterprise plans Auth0 silently uses a lower limit than this value."),
        "above_policy_maximum" | "below_policy_minimum" => ("Outside the organisation's policy", "Your organisation's policy (--policy) sets a stricter limit for this field than Auth0 does."),
        "policy_warn_above" | "policy_warn_below" => ("Past the organisation's review threshold", "Your organisation's policy asks for a review of values past this threshold."),
        "idle_exceeds_absolute" | "idle_exceeds_maximum" => ("Idle lifetime longer than the maximum", "An idle (inactivity) lifetime longer than the maximum lifetime it belongs with can never take effect."),
        "long_overlap" => ("Long rotation overlap", "A project rule: a rotated refresh token stays usable for this long; more than an hour weakens reuse detection."),
        "unusually_long" => ("Unusually long", "A project rule: a value worth a second look (such as an ID token valid for more than 30 days)."),
        "mfa_fixed_lifetime" => ("The MFA API's tokens always live 600 s", "Tokens for the MFA API (…/mfa/) always live 600 s, whatever this value says."),
        "not_enforced" => ("Not applied by Auth0", "A switch or flag (infinite_token_lifetime, a non-expiring refresh token) makes Auth0 ignore this lifetime."),
        "not_checked" => ("Not checked", "The value could not be evaluated here (a variable set elsewhere, a function call, a placeholder without --keywords); the message says why. With --fail-on warning it fails the run."),
        "not_a_number" | "negative" => ("Not a lifetime", "The value is not a whole, non-negative number: the Management API refuses it."),
        "not_whole" | "too_large" => ("Not a whole number of the unit", "The value has a fraction of the unit the file writes it in, or is far too large to be a lifetime: the Management API refuses it."),
        "not_sent_by_terraform" => ("Never sent by Terraform", "The Auth0 Terraform provider does not send token_lifetime_for_web for the Management API's resource server: the value is never applied."),
        "terraform_rounds_hours" => ("Rounded by Terraform", "The Auth0 Terraform provider sends session hours of 1 and more as whole hours."),
        "rounded_to_minutes" => ("Rounded to minutes", "The value is converted to the field's unit with a rounding."),
        "long_otp" => ("Long one-time code expiry", "A project rule: a one-time code valid for more than 15 minutes gives an attacker more time to guess it."),
        "not_whole_hours" => ("Decimal hours in a request", "The Management API's request schema takes whole session hours and refuses decimals (Expected type integer but found type number). Send whole hours or the setting's _in_minutes form."),
        "decimal_hours" => ("Decimal hours in an API answer", "The API answers with decimal hours when a session lifetime was set in minutes; the same JSON sent back as a request is refused. Lint request bodies with --api-json request."),
        "rotation_needs_expiration" => ("Rotation without an expiring refresh token", "Refresh token rotation needs expiration_type expiring with a maximum lifetime (infinite_token_lifetime false): Auth0 refuses rotation without one (documented)."),
        "spa_non_expiring_refresh_token" => ("Non-expiring refresh tokens in a single-page app", "Single-page applications cannot have non-expiring refresh tokens (documented). Use expiring tokens with a maximum lifetime, usually with rotation."),
        "terraform_converts_string" | "resolved_from" | "unset_uses_default" | "is_default" => ("Information", "How the value was read (a converted string, a variable's source, a default used for a relation, Auth0's default)."),
        "suppression_without_reason" => ("Suppression without a reason", "A lifetime-guard-ignore comment needs the codes it ignores and a reason; it suppresses nothing without them."),
        "duplicate_key" => ("A key set twice", "A mapping sets the same key more than once: only the last value counts (js-yaml, the Deploy CLI's reader, refuses such a YAML file)."),
        "unreadable" => ("File cannot be read", "The file could not be opened or parsed as its format; nothing in it was checked."),
        "skipped" => ("Entry skipped", "An entry met while walking a directory (a dangling link, a file without permission, binary data) was not read."),
        _ => ("Lifetime finding", "A finding about a lifetime; the message says what and why."),
    }
}
