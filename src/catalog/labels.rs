//! Matching the text of a Dashboard label to a catalog field, across label generations.

use super::{Field, FIELDS};

/// Parenthesised suffixes that say the unit or whether the field is required; they differ
/// between Dashboard generations and carry no identity.
const NOISE: &[&str] = &[
    "(seconds)",
    "(in seconds)",
    "(secs)",
    "(sec)",
    "(s)",
    "(minutes)",
    "(in minutes)",
    "(mins)",
    "(min)",
    "(ms)",
    "(milliseconds)",
    "(in milliseconds)",
    "(days)",
    "(in days)",
    "(required)",
    "(optional)",
];

/// Lower-cases, drops asterisks, colons, unit suffixes and extra spaces, and spaces slashes
/// evenly, so that every rendering of one label compares equal.
pub fn normalise_label(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '/' => spaced.push_str(" / "),
            '(' | ')' | '-' => spaced.push(c),
            // Dashboard labels are English: ASCII folding keeps Unicode case tables out of the wasm.
            c if c.is_ascii_alphanumeric() => spaced.push(c.to_ascii_lowercase()),
            _ => spaced.push(' '),
        }
    }
    for noise in NOISE {
        if crate::text::find(&spaced, noise).is_some() {
            spaced = crate::text::replace(&spaced, noise, " ");
        }
    }
    collapse_spaces(&spaced)
}

/// Single spaces between words, none at the ends.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `text` is `label`, or starts with it and then a word boundary.
fn prefix_at_boundary(text: &str, label: &str) -> bool {
    text.strip_prefix(label)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// The field whose label `text` is, preferring exact matches, then the longest label that
/// `text` begins with (so "Idle Session Lifetime (Non-Persistent)" is not taken for
/// "Idle Session Lifetime").
pub fn match_label(text: &str) -> Option<&'static Field> {
    let norm = normalise_label(text);
    if norm.is_empty() || norm.len() > 200 {
        return None;
    }
    let mut best: Option<(usize, &'static Field)> = None;
    for field in FIELDS {
        for label in field.labels {
            let l = normalise_label(label);
            if l == norm {
                return Some(field);
            }
            if prefix_at_boundary(&norm, &l) && best.is_none_or(|(len, _)| l.len() > len) {
                best = Some((l.len(), field));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// What the page around a matched label says, which can change the answer: the text shown in
/// the input's frame (MUI's unit adornment) and the heading of its section (asked only of a
/// label that rows with `section_words` share).
pub fn settle_match(
    field: &'static Field,
    frame_text: Option<&str>,
    heading: impl FnOnce() -> Option<String>,
) -> Option<&'static Field> {
    let mut field = field;
    let shared =
        |f: &&Field| !f.section_words.is_empty() && f.labels.first() == field.labels.first();
    if FIELDS.iter().any(|f| shared(&f) && f.id != field.id) {
        let heading = heading().map(|h| normalise_label(&h)).unwrap_or_default();
        if let Some(f) = FIELDS.iter().filter(shared).find(|f| {
            f.section_words
                .iter()
                .any(|w| crate::text::find(&heading, w).is_some())
        }) {
            field = f;
        }
    }
    // A frame that names another unit, or something that is no unit at all ("per day"), holds
    // another quantity than the catalog's: converting into it would save a wrong value.
    match frame_text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Some(field),
        Some(text) => {
            let word = text.trim_start_matches('(').trim_end_matches(['.', ')']);
            (crate::unit::Unit::from_name(word) == Some(field.unit)).then_some(field)
        }
    }
}

/// The field whose on/off toggle has the label `text`.
pub fn match_toggle(text: &str) -> Option<&'static Field> {
    let norm = normalise_label(text);
    FIELDS
        .iter()
        .find(|f| f.toggle_labels.iter().any(|l| normalise_label(l) == norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> Option<&'static str> {
        match_label(text).map(|f| f.id)
    }

    #[test]
    fn every_generation_matches() {
        for field in FIELDS {
            for label in field.labels {
                // A label two rows share names the first; the section heading settles it.
                let shared = FIELDS.iter().any(|f| {
                    f.id != field.id
                        && f.labels
                            .iter()
                            .any(|l| normalise_label(l) == normalise_label(label))
                });
                if shared && !field.section_words.is_empty() {
                    continue;
                }
                assert_eq!(id(label), Some(field.id), "{label}");
                assert_eq!(id(&label.to_uppercase()), Some(field.id), "{label}");
                assert_eq!(id(&format!("  {label} *")), Some(field.id), "{label}");
            }
        }
    }

    #[test]
    fn the_api_explorer_label_is_settled_by_its_section() {
        let field = match_label("Token Expiration (Seconds)").unwrap();
        let settled = |context: &str| {
            settle_match(field, Some("seconds"), || Some(context.to_string())).map(|f| f.id)
        };
        assert_eq!(
            settled("API Explorer Copy Token Update & Regenerate Token https://manage.auth0.com/"),
            Some("api_explorer.token_expiration")
        );
        assert_eq!(
            settled("https://manage.auth0.com/dashboard/us/acme/apis/management/explorer"),
            Some("api_explorer.token_expiration")
        );
        assert_eq!(
            settled("Token Settings Save https://manage.auth0.com/#/apis/abc/settings"),
            Some("token_lifetime")
        );
    }

    #[test]
    fn variants() {
        assert_eq!(id("Token Expiration (Seconds)"), Some("token_lifetime"));
        assert_eq!(
            id("Token Expiration For Browser Flows (Seconds)"),
            Some("token_lifetime_for_web")
        );
        assert_eq!(
            id("Maximum Access Token Lifetime (seconds) *"),
            Some("token_lifetime")
        );
        assert_eq!(
            id("Implicit/Hybrid Flow Access Token Lifetime"),
            Some("token_lifetime_for_web")
        );
        assert_eq!(
            id("Idle Session Lifetime (Non-Persistent)"),
            Some("idle_ephemeral_session_lifetime")
        );
        assert_eq!(
            id("Idle Session Lifetime (Persistent)"),
            Some("idle_session_lifetime")
        );
        assert_eq!(
            id("Maximum Access Token Lifetime in seconds"),
            Some("token_lifetime")
        );
        assert_eq!(id("Token"), None);
        assert_eq!(id("Name"), None);
        assert_eq!(id(""), None);
        assert_eq!(
            match_toggle("Absolute Expiration").map(|f| f.id),
            Some("refresh_token.token_lifetime")
        );
    }

    #[test]
    fn new_settings_match_and_their_neighbours_do_not() {
        assert_eq!(id("URL Lifetime *"), Some("urlLifetimeInSeconds"));
        assert_eq!(id("OTP Expiry (seconds)"), Some("options.totp.time_step"));
        assert_eq!(id("otp expiry"), Some("options.totp.time_step"));
        assert_eq!(id("OTP Length"), None);
        assert_eq!(
            id("Throttling Rate (milliseconds)"),
            Some("suspicious_ip_throttling.stage.pre-login.rate")
        );
        assert_eq!(
            id("Expiration date in seconds"),
            Some("scim_token.token_lifetime")
        );
        // The docs write "Non-Persistent", the Dashboard "Non-persistent".
        assert_eq!(
            id("Maximum Session Lifetime (Non-persistent)"),
            Some("ephemeral_session_lifetime")
        );
    }

    #[test]
    fn every_label_names_one_field() {
        // A label may repeat only on a row that its section heading tells apart.
        let mut seen = std::collections::HashMap::new();
        for f in FIELDS {
            for l in f.labels.iter().chain(f.toggle_labels) {
                if let Some(other) = seen.insert(normalise_label(l), f.id) {
                    assert!(
                        other == f.id || !f.section_words.is_empty(),
                        "{l} names two fields"
                    );
                }
            }
        }
    }

    #[test]
    fn the_frame_and_the_section_settle_a_match() {
        let rate = match_label("Throttling rate").expect("a row");
        let id = |frame, heading: Option<&str>| {
            settle_match(rate, frame, || heading.map(str::to_string)).map(|f| f.id)
        };
        assert_eq!(id(Some("ms"), Some("Limit login attempts")), Some(rate.id));
        assert_eq!(
            id(Some("milliseconds"), Some("Limit signup attempts")),
            Some("suspicious_ip_throttling.stage.pre-user-registration.rate")
        );
        assert_eq!(
            id(None, Some("Pre-user registration")),
            Some("suspicious_ip_throttling.stage.pre-user-registration.rate")
        );
        // "100 per day" is a rate, not an interval: left alone.
        assert_eq!(id(Some("per day"), None), None);
        assert_eq!(id(Some("seconds"), None), None);
        let access = match_label("Maximum Access Token Lifetime").expect("a row");
        assert_eq!(
            settle_match(access, Some("seconds"), || None).map(|f| f.id),
            Some("token_lifetime")
        );
        assert_eq!(
            settle_match(access, Some("(secs.)"), || None).map(|f| f.id),
            Some("token_lifetime")
        );
        assert_eq!(settle_match(access, Some("minutes"), || None), None);
        assert_eq!(
            settle_match(access, None, || Some("Sign up".into())).map(|f| f.id),
            Some("token_lifetime")
        );
        let session = match_label("Idle Session Lifetime (Persistent)").expect("a row");
        assert_eq!(settle_match(session, Some("hours"), || None), None);
        assert_eq!(
            settle_match(session, Some("minutes"), || None).map(|f| f.id),
            Some(session.id)
        );
    }

    #[test]
    fn files_write_hours_only_where_the_field_counts_minutes() {
        for f in FIELDS {
            for p in f.in_files.iter().filter(|p| p.in_hours) {
                assert_eq!(f.unit, crate::unit::Unit::Minutes, "{} at {}", f.id, p.path);
            }
        }
    }
}
