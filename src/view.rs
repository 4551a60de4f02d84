//! What the injected UI says, computed without any web dependency: the note at a field, the
//! message next to Save, and the page theme. The web layer only puts these strings on screen.

use crate::catalog::Flow;
use crate::text::{concat, u64_string};
use crate::verdict::{Level, Text, Verdict};
use serde::Serialize;

/// Everything a field's note shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    /// `ok`, `warning` or `error`: drives colours and the badge.
    pub level: Level,
    /// "OK", "Warning", "Blocks save".
    pub badge: &'static str,
    /// "86,400 s = 1 day", when the input parses.
    pub equation: Option<String>,
    /// Messages worth showing, most serious first.
    pub messages: Vec<(Level, String)>,
    /// The whole number to write into the field when the admin typed another form ("24h").
    pub convert_to: Option<String>,
    /// What the admin typed before a conversion, for "Esc restores …".
    pub restorable: Option<String>,
    /// "Affects:" or "Affects only:".
    pub flows_label: &'static str,
    pub flows: Vec<&'static str>,
    pub explanation: &'static str,
    /// The words of the button that resolves a broken relation ("Set … to 3,600 s"), on both
    /// fields of the relation.
    pub fix: Option<String>,
    /// One line only (badge, value, actions): the value is fine and the field is not in use.
    pub compact: bool,
}

/// Builds the note for a verdict. `typed` is the text before the last conversion, if any.
pub fn note(verdict: &Verdict, flows: &[Flow], typed: Option<&str>) -> NoteView {
    // Most serious first; a pass per level rather than a sort (the sort's code cost 4.6 KB of wasm).
    let mut messages: Vec<(Level, String)> = Vec::with_capacity(verdict.messages.len());
    for level in [Level::Error, Level::Warning, Level::Ok, Level::Info] {
        for m in verdict.messages.iter().filter(|m| m.level == level) {
            if !matches!(m.text, Text::Default { .. }) || verdict.level == Level::Ok {
                messages.push((m.level, m.text.render()));
            }
        }
    }
    let only_browser = !flows.is_empty()
        && flows
            .iter()
            .all(|f| matches!(f, Flow::Implicit | Flow::Hybrid));
    NoteView {
        level: verdict.level,
        badge: match (verdict.level, verdict.blocks_save) {
            (_, true) => "Blocks save",
            (Level::Warning, _) => "Warning",
            _ => "OK",
        },
        equation: verdict.equation(),
        messages,
        convert_to: verdict.value.filter(|_| !verdict.canonical).map(u64_string),
        restorable: typed.map(str::to_string),
        flows_label: if only_browser {
            "Affects only:"
        } else {
            "Affects:"
        },
        flows: flows.iter().map(|f| f.short_name()).collect(),
        explanation: verdict.explanation,
        fix: None,
        compact: false,
    }
}

/// Whether a note shows one line: only when nothing is wrong, its field does not have focus and
/// the admin has not opened it. Details come back for focus, warnings, errors and "Details".
pub fn is_compact(level: Level, focused: bool, opened: bool) -> bool {
    level == Level::Ok && !focused && !opened
}

/// The button that resolves a blocking relation: "Set Implicit / Hybrid Flow Access Token
/// Lifetime to 3,600 s". `label` is the changed field's label as the page shows it.
pub fn fix_button(label: &str, value: u64, unit: crate::unit::Unit) -> String {
    concat(&[
        "Set ",
        display_label(label),
        " to ",
        &crate::format::group(value),
        " ",
        unit.symbol(),
    ])
}

/// One line of the message next to Save: the field's label as the page shows it, and why.
pub fn blocked_line(label: &str, verdict: &Verdict) -> String {
    match verdict.messages.iter().find(|m| m.level == Level::Error) {
        Some(m) => {
            let mut out = concat(&[display_label(label), ": "]);
            m.text.write_to(&mut out);
            out
        }
        None => concat(&[display_label(label), ": its value is not valid"]),
    }
}

/// A label as the page shows it, without required-field asterisks or a trailing colon.
pub fn display_label(label: &str) -> &str {
    label
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == ':')
}

/// The heading of the message next to Save.
pub fn blocked_heading(count: usize) -> String {
    if count == 1 {
        "Lifetime Guard stopped this save: 1 field needs a fix.".to_string()
    } else {
        concat(&[
            "Lifetime Guard stopped this save: ",
            &u64_string(count as u64),
            " fields need a fix.",
        ])
    }
}

/// Light or dark, from a CSS colour as `getComputedStyle` reports it (`rgb(…)` or `rgba(…)`).
/// `None` for transparent or unparseable colours, so the caller can look further up the tree.
pub fn is_dark_colour(css: &str) -> Option<bool> {
    let css = css.trim();
    let inner = css
        .strip_prefix("rgba(")
        .or_else(|| css.strip_prefix("rgb("))?
        .strip_suffix(')')?
        .as_bytes();
    // Separators are commas, spaces and the slash before alpha. Channels are integers in computed
    // styles (a fraction is skipped); integer maths keeps float parsing out of the wasm.
    let sep = |b: &u8| matches!(b, b',' | b' ' | b'/');
    let mut at = 0;
    let mut rgb = [0u32; 3];
    for channel in &mut rgb {
        at += inner[at..].iter().take_while(|b| sep(b)).count();
        let digits = inner[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 {
            return None;
        }
        for d in &inner[at..at + digits] {
            *channel = channel
                .saturating_mul(10)
                .saturating_add(u32::from(d - b'0'));
        }
        at += digits;
        at += inner[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .count();
    }
    at += inner[at..].iter().take_while(|b| sep(b)).count();
    // Alpha "0", "0.3", ".49": mostly see-through, look further up the tree.
    let alpha = &inner[at..];
    if !alpha.is_empty() {
        let a = &alpha[alpha.iter().take_while(|&&b| b == b'0').count()..];
        if a.is_empty() || a == b"." || (a[0] == b'.' && a.get(1).is_some_and(|&d| d < b'5')) {
            return None;
        }
    }
    let [r, g, b] = rgb;
    // Relative luminance, roughly (weights × 10,000): dark when below the middle grey.
    let lum = 2126 * r.min(255) + 7152 * g.min(255) + 722 * b.min(255);
    Some(lum < 128 * 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::verdict::{check, Context};

    #[test]
    fn note_for_a_convertible_value() {
        let v = check("token_lifetime", "24h", &Context::default()).expect("field");
        let n = note(&v, catalog::field("token_lifetime").expect("f").flows, None);
        assert_eq!(n.badge, "OK");
        assert_eq!(n.equation.as_deref(), Some("86,400 s = 1 day"));
        assert_eq!(n.convert_to.as_deref(), Some("86400"));
        assert_eq!(n.flows_label, "Affects:");
        assert!(n
            .flows
            .contains(&"Authorization Code + PKCE (browser SDKs too)"));
    }

    #[test]
    fn browser_field_says_only() {
        let f = catalog::field("token_lifetime_for_web").expect("f");
        let v = check(f.id, "7200", &Context::default()).expect("field");
        let n = note(&v, f.flows, Some("2h"));
        assert_eq!(n.flows_label, "Affects only:");
        assert_eq!(n.flows, vec!["Implicit", "Hybrid"]);
        assert_eq!(n.convert_to, None);
        assert_eq!(n.restorable.as_deref(), Some("2h"));
    }

    #[test]
    fn blocked_lines_name_the_reason() {
        let v = check("token_lifetime", "31 days", &Context::default()).expect("field");
        let n = note(&v, &[], None);
        assert_eq!(n.badge, "Blocks save");
        assert_eq!(n.messages[0].0, Level::Error);
        assert_eq!(
            blocked_line("Maximum Access Token Lifetime * ", &v),
            "Maximum Access Token Lifetime: Above the maximum of 2,592,000 s (30 days); Auth0 rejects the save — Management API schema."
        );
        assert_eq!(
            blocked_heading(2),
            "Lifetime Guard stopped this save: 2 fields need a fix."
        );
    }

    #[test]
    fn compact_only_when_fine_and_idle() {
        assert!(is_compact(Level::Ok, false, false));
        assert!(!is_compact(Level::Ok, true, false));
        assert!(!is_compact(Level::Ok, false, true));
        assert!(!is_compact(Level::Warning, false, false));
        assert!(!is_compact(Level::Error, false, false));
    }

    #[test]
    fn fix_for_a_broken_relation() {
        let mut ctx = Context::default();
        ctx.siblings.insert("token_lifetime".into(), "1h".into());
        let v = check("token_lifetime_for_web", "7200", &ctx).expect("field");
        assert!(v.blocks_save);
        let fix = v.fix.expect("a fix");
        assert_eq!((fix.field, fix.value), ("token_lifetime_for_web", 3600));
        assert_eq!(
            fix_button(
                "Implicit / Hybrid Flow Access Token Lifetime *",
                fix.value,
                v.unit
            ),
            "Set Implicit / Hybrid Flow Access Token Lifetime to 3,600 s"
        );
        // A relation that only warns offers no fix.
        let mut ctx = Context::default();
        ctx.siblings
            .insert("refresh_token.token_lifetime".into(), "100".into());
        let v = check("refresh_token.idle_token_lifetime", "200", &ctx).expect("field");
        assert!(!v.blocks_save);
        assert_eq!(v.fix, None);
    }

    #[test]
    fn colours() {
        assert_eq!(is_dark_colour("rgb(255, 255, 255)"), Some(false));
        assert_eq!(is_dark_colour("rgb(18, 18, 24)"), Some(true));
        assert_eq!(is_dark_colour("rgba(0, 0, 0, 0)"), None);
        assert_eq!(is_dark_colour("rgba(20, 20, 20, 0.9)"), Some(true));
        assert_eq!(is_dark_colour("rgb(20 20 20 / 1)"), Some(true));
        assert_eq!(is_dark_colour("transparent"), None);
        assert_eq!(is_dark_colour("rgb(1,2)"), None);
        assert_eq!(is_dark_colour(" rgba(250, 250, 250, .49) "), None);
        assert_eq!(is_dark_colour("rgba(250, 250, 250, 0.5)"), Some(false));
        assert_eq!(is_dark_colour("rgba(250, 250, 250, 1)"), Some(false));
        assert_eq!(is_dark_colour("rgb(12.5, 12, 12)"), Some(true));
        assert_eq!(is_dark_colour("rgb(.5, 12, 12)"), None);
        assert_eq!(is_dark_colour("rgb(99999999999, 0, 0)"), Some(true));
        assert_eq!(is_dark_colour("rgb(0, 0, 0"), None);
    }
}
