//! Whole numbers of a field's unit back into words, exactly: never rounded.

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

/// The whole days, hours, minutes and seconds in `value` of `unit`, and what is left below a
/// second (milliseconds, in a milliseconds field).
fn parts(value: u64, unit: Unit) -> (impl Iterator<Item = (u64, TimeUnit)>, u64) {
    // Counted in the field's unit, so that nothing overflows (seconds are no part of minutes).
    let per_second = 1_000 / unit.millis().min(1_000);
    let below_second = value % per_second;
    let mut rest = value - below_second;
    let whole = PARTS.into_iter().filter_map(move |u| {
        let len = u.seconds() * 1_000 / unit.millis();
        if len == 0 {
            return None;
        }
        let n = rest / len;
        rest %= len;
        (n > 0).then_some((n, u))
    });
    (whole, below_second)
}

/// `value` of `unit` in words: `1 day 12 hours`. Zero is `0 seconds`, `0 minutes`, …
pub fn words(value: u64, unit: Unit) -> String {
    let mut out = String::new();
    let (whole, millis) = parts(value, unit);
    for (n, u) in whole {
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
    if millis > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&group(millis));
        out.push_str(if millis == 1 {
            " millisecond"
        } else {
            " milliseconds"
        });
    }
    if out.is_empty() {
        out.push_str("0 ");
        out.push_str(unit.name());
    }
    out
}

/// `value` of `unit` in short form: `1d 12h`, which the parser reads back to the same value.
pub fn short(value: u64, unit: Unit) -> String {
    let (whole, millis) = parts(value, unit);
    if millis > 0 {
        // A milliseconds field reads a bare number as milliseconds.
        return u64_string(value);
    }
    let mut out = String::new();
    for (n, u) in whole {
        if !out.is_empty() {
            out.push(' ');
        }
        push_u64(&mut out, n);
        out.push_str(u.short());
    }
    if out.is_empty() {
        out.push_str(match unit {
            Unit::Milliseconds | Unit::Seconds => "0s",
            Unit::Minutes => "0m",
            Unit::Days => "0d",
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
        for unit in [Unit::Seconds, Unit::Minutes, Unit::Days] {
            for v in [59, 61, 1_439, 1_441, 86_399, crate::MAX_VALUE, u64::MAX] {
                let mut rest = u128::from(v) * u128::from(unit.millis() / 1_000);
                let widened: Vec<(u64, TimeUnit)> = PARTS
                    .into_iter()
                    .filter_map(|u| {
                        let n = rest / u128::from(u.seconds());
                        rest %= u128::from(u.seconds());
                        (n > 0).then_some((n as u64, u))
                    })
                    .collect();
                assert_eq!(parts(v, unit).0.collect::<Vec<_>>(), widened, "{v}");
            }
        }
    }

    #[test]
    fn milliseconds_and_days() {
        assert_eq!(words(864_000, Unit::Milliseconds), "14 minutes 24 seconds");
        assert_eq!(
            words(1_200, Unit::Milliseconds),
            "1 second 200 milliseconds"
        );
        assert_eq!(words(1, Unit::Milliseconds), "1 millisecond");
        assert_eq!(words(0, Unit::Milliseconds), "0 milliseconds");
        assert_eq!(short(864_000, Unit::Milliseconds), "14m 24s");
        assert_eq!(short(1_200, Unit::Milliseconds), "1200");
        assert_eq!(
            equation(86_400_000, Unit::Milliseconds),
            "86,400,000 ms = 1 day"
        );
        assert_eq!(words(14, Unit::Days), "14 days");
        assert_eq!(words(0, Unit::Days), "0 days");
        assert_eq!(short(365, Unit::Days), "365d");
        assert_eq!(equation(30, Unit::Days), "30 d = 30 days");
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
