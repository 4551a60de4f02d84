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
                assert_eq!(id(label), Some(field.id), "{label}");
                assert_eq!(id(&label.to_uppercase()), Some(field.id), "{label}");
                assert_eq!(id(&format!("  {label} *")), Some(field.id), "{label}");
            }
        }
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
        let mut seen = std::collections::HashMap::new();
        for f in FIELDS {
            for l in f.labels.iter().chain(f.toggle_labels) {
                if let Some(other) = seen.insert(normalise_label(l), f.id) {
                    assert_eq!(other, f.id, "{l} names two fields");
                }
            }
        }
    }

    #[test]
    fn files_write_each_field_in_its_unit() {
        use crate::catalog::FileUnit;
        use crate::unit::Unit;
        for f in FIELDS {
            for p in f.in_files {
                let same = matches!(
                    (p.unit, f.unit),
                    (FileUnit::Milliseconds, Unit::Milliseconds)
                        | (FileUnit::Seconds, Unit::Seconds)
                        | (FileUnit::Minutes | FileUnit::Hours, Unit::Minutes)
                        | (FileUnit::Days, Unit::Days)
                );
                assert!(same, "{} at {}", f.id, p.path);
            }
        }
    }
}
