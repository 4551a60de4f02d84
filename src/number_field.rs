//! How an HTML `type="number"` input behaves, for the text entry the extension gives such a
//! field: which text it keeps as its value, and what ArrowUp/ArrowDown make of a value.

use crate::text::int;

/// True for text a number input keeps as its value: empty, or a plain decimal number.
pub fn holds_as_number(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    if t.is_empty() {
        return text.trim().is_empty();
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, "0"));
    !whole.is_empty()
        && !frac.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// The value ArrowUp (`up`) or ArrowDown gives, as a number input steps: by its `step`
/// (default 1), from `current` (the field's value, 0 when empty), kept within `min` and `max`.
pub fn stepped(current: i64, up: bool, step: &str, min: &str, max: &str) -> i64 {
    let step = int(step.trim()).filter(|s| *s > 0).unwrap_or(1);
    let mut next = if up {
        current.saturating_add(step)
    } else {
        current.saturating_sub(step)
    };
    if let Some(max) = int(max.trim()) {
        next = next.min(max);
    }
    if let Some(min) = int(min.trim()) {
        next = next.max(min);
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_number_input_keeps() {
        for ok in ["", " ", "0", "86400", "-5", "1.5", " 42 "] {
            assert!(holds_as_number(ok), "{ok:?}");
        }
        for no in [
            "24h", "86,400", "1:30:00", "P1D", "1.", ".5", "-", "1e3", "1 d",
        ] {
            assert!(!holds_as_number(no), "{no:?}");
        }
    }

    #[test]
    fn stepping_like_the_browser() {
        assert_eq!(stepped(86400, true, "", "", ""), 86401);
        assert_eq!(stepped(86400, false, "60", "", ""), 86340);
        assert_eq!(stepped(0, false, "", "0", ""), 0);
        assert_eq!(stepped(0, false, "any", "", ""), -1);
        assert_eq!(stepped(2592000, true, "1", "1", "2592000"), 2592000);
        assert_eq!(stepped(i64::MAX, true, "", "", ""), i64::MAX);
    }
}
