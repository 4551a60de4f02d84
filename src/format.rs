//! Whole numbers of seconds or minutes back into words, exactly: never rounded.

use crate::text::{concat, push_u64, u64_string};
use crate::unit::{TimeUnit, Unit};

/// Units the formatter uses, largest first. Weeks are left out on purpose: admins read limits
/// as days ("30 days"), and the Auth0 docs state them that way.
const PARTS: [TimeUnit; 4] = [
    TimeUnit::Day,
    TimeUnit::Hour,
    TimeUnit::Minute,
    TimeUnit::Second,
];

fn parts(value: u64, unit: Unit) -> impl Iterator<Item = (u64, TimeUnit)> {
    // Counted in the field's unit, so that nothing overflows (seconds are no part of minutes).
    let mut rest = value;
    PARTS.into_iter().filter_map(move |u| {
        let len = u.seconds() / unit.seconds();
        if len == 0 {
            return None;
        }
        let n = rest / len;
        rest %= len;
        (n > 0).then_some((n, u))
    })
}

/// `value` of `unit` in words: `1 day 12 hours`. Zero is `0 seconds` or `0 minutes`.
pub fn words(value: u64, unit: Unit) -> String {
    let mut out = String::new();
    for (n, u) in parts(value, unit) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&group(n));
        out.push(' ');
        out.push_str(u.singular());
        if n != 1 {
            out.push('s');
        }
    }
    if out.is_empty() {
        out.push_str("0 ");
        out.push_str(unit.name());
    }
    out
}

/// `value` of `unit` in short form: `1d 12h`, which the parser reads back to the same value.
pub fn short(value: u64, unit: Unit) -> String {
    let mut out = String::new();
    for (n, u) in parts(value, unit) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_u64(&mut out, n);
        out.push_str(u.short());
    }
    if out.is_empty() {
        out.push_str(match unit {
            Unit::Seconds => "0s",
            Unit::Minutes => "0m",
        });
    }
    out
}

/// An integer with comma thousands separators: `86,400`.
pub fn group(n: u64) -> String {
    let digits = u64_string(n);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The sentence a note shows: `86,400 s = 1 day`.
pub fn equation(value: u64, unit: Unit) -> String {
    concat(&[
        &group(value),
        " ",
        unit.symbol(),
        " = ",
        &words(value, unit),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_short() {
        assert_eq!(words(86_400, Unit::Seconds), "1 day");
        assert_eq!(words(129_600, Unit::Seconds), "1 day 12 hours");
        assert_eq!(words(2_592_000, Unit::Seconds), "30 days");
        assert_eq!(words(1, Unit::Seconds), "1 second");
        assert_eq!(words(0, Unit::Seconds), "0 seconds");
        assert_eq!(words(0, Unit::Minutes), "0 minutes");
        assert_eq!(words(4_320, Unit::Minutes), "3 days");
        assert_eq!(
            words(90_061, Unit::Seconds),
            "1 day 1 hour 1 minute 1 second"
        );
        assert_eq!(words(157_788_000, Unit::Seconds), "1,826 days 6 hours");
        assert_eq!(short(129_600, Unit::Seconds), "1d 12h");
        assert_eq!(short(61, Unit::Minutes), "1h 1m");
        assert_eq!(short(0, Unit::Minutes), "0m");
        // Counted in the unit, without widening to seconds: the same parts up to u64::MAX.
        for unit in [Unit::Seconds, Unit::Minutes] {
            for v in [59, 61, 1_439, 1_441, 86_399, crate::MAX_VALUE, u64::MAX] {
                let mut rest = u128::from(v) * u128::from(unit.seconds());
                let widened: Vec<(u64, TimeUnit)> = PARTS
                    .into_iter()
                    .filter_map(|u| {
                        let n = rest / u128::from(u.seconds());
                        rest %= u128::from(u.seconds());
                        (n > 0).then_some((n as u64, u))
                    })
                    .collect();
                assert_eq!(parts(v, unit).collect::<Vec<_>>(), widened, "{v}");
            }
        }
    }

    #[test]
    fn grouping() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(2_592_000), "2,592,000");
        assert_eq!(equation(86_400, Unit::Seconds), "86,400 s = 1 day");
        assert_eq!(equation(4_320, Unit::Minutes), "4,320 min = 3 days");
    }
}
