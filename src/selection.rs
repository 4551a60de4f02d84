//! What a piece of page text the admin selected says as a lifetime: a number of seconds, a
//! duration in words or ISO 8601, or a moment (a Unix time in seconds or milliseconds), and the
//! popover that shows it in words and in the other units.
//!
//! Pure: the web layer reads the selection, asks the browser for local times and draws.

use crate::format::{group, words};
use crate::parse;
use crate::text::{concat, push_u64, u64_string};
use crate::unit::Unit;

/// Longer selections are sentences, not a lifetime.
const MAX_SELECTED: usize = 40;

/// Unix times between 2001-09-09 and 2100-01-01: a ten-digit number of seconds there (or
/// thirteen of milliseconds) is a moment, as in `iat`, `exp` and log dates.
const EPOCH_SECONDS: std::ops::RangeInclusive<u64> = 1_000_000_000..=4_102_444_800;

/// What a selection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selected {
    /// A duration, in seconds; `bare` when it was written as a number alone (which a setting in
    /// minutes or hours would read otherwise).
    Duration { seconds: u64, bare: bool },
    /// A moment, in milliseconds since 1970; `millis` when it was written in milliseconds.
    Moment { ms: u64, millis: bool },
}

/// Reads a selected text; `None` for everything that is no lifetime (words, dates, times of
/// day, fractions of a second, zero).
pub fn read(text: &str) -> Option<Selected> {
    let text = text
        .trim()
        .trim_matches(|c| matches!(c, '"' | '\'' | ',' | ';'));
    if text.is_empty() || text.len() > MAX_SELECTED || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // "16:41" in a log is a time of day, "2026-12-07" a date: not durations.
    if text.contains([':', '/', '-']) {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        let n = u64::try_from(crate::text::int(text)?).ok()?;
        if text.len() == 10 && EPOCH_SECONDS.contains(&n) {
            return Some(Selected::Moment {
                ms: n * 1000,
                millis: false,
            });
        }
        if text.len() == 13 && EPOCH_SECONDS.contains(&(n / 1000)) {
            return Some(Selected::Moment {
                ms: n,
                millis: true,
            });
        }
    }
    // `parse`, not `value`: the content module links the one parser path the fields use.
    let bare = text.bytes().all(|b| b.is_ascii_digit() || b == b',');
    match parse::parse(text, Unit::Seconds) {
        Ok(0) | Err(_) => None,
        Ok(seconds) => Some(Selected::Duration { seconds, bare }),
    }
}

/// A row of the popover: what it is, the value shown, and what its copy button copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: &'static str,
    pub shown: String,
    pub copy: String,
}

/// The popover's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The first line, what a screen reader announces: "86,400 s = 1 day".
    pub heading: String,
    /// For a number alone, what it would be as minutes and as hours (the tenant's session
    /// settings are in those units): "as minutes: 1 hour 12 minutes · as hours: 3 days".
    pub also: Option<String>,
    pub rows: Vec<Row>,
}

/// `n / d` rounded to three decimals, "≈" when that is not exact: "1.5", "≈ 0.417".
pub fn ratio(n: u64, d: u64) -> String {
    let exact = (n % d) * 1000 % d == 0;
    let thousandths = ((n % d) * 1000 + d / 2) / d;
    let (whole, scaled) = (n / d + thousandths / 1000, thousandths % 1000);
    let mut out = String::new();
    if !exact {
        out.push_str("≈ ");
    }
    out.push_str(&group(whole));
    if scaled > 0 {
        let mut decimals = u64_string(1000 + scaled);
        decimals.remove(0);
        out.push('.');
        out.push_str(decimals.trim_end_matches('0'));
    }
    out
}

/// The number a copy button copies: `ratio` without the grouping and the "≈".
fn plain(n: u64, d: u64) -> String {
    let shown = ratio(n, d);
    shown.strip_prefix("≈ ").unwrap_or(&shown).replace(',', "")
}

/// The popover for `selected`. `now` is the page's clock in milliseconds; `local` writes a moment
/// (milliseconds) in the admin's local time and `iso` in UTC, as the browser does.
pub fn view(
    selected: Selected,
    now: u64,
    local: impl Fn(u64) -> String,
    iso: impl Fn(u64) -> String,
) -> View {
    match selected {
        Selected::Duration { seconds: s, bare } => {
            let also = (bare && s <= parse::MAX_VALUE / 3_600).then(|| {
                concat(&[
                    "as minutes: ",
                    &words(s, Unit::Minutes),
                    " · as hours: ",
                    &words(s * 60, Unit::Minutes),
                ])
            });
            let mut heading = group(s);
            heading.push_str(" s = ");
            heading.push_str(&words(s, Unit::Seconds));
            let row = |label, d| Row {
                label,
                shown: ratio(s, d),
                copy: plain(s, d),
            };
            View {
                heading,
                also,
                rows: vec![
                    row("seconds", 1),
                    row("minutes", 60),
                    row("hours", 3_600),
                    row("days", 86_400),
                ],
            }
        }
        Selected::Moment { ms, millis } => {
            let when = local(ms);
            let mut heading = concat(&[
                if millis {
                    "Unix time (ms): "
                } else {
                    "Unix time: "
                },
                &when,
            ]);
            let (later, span) = if ms >= now {
                (true, ms - now)
            } else {
                (false, now - ms)
            };
            heading.push_str(if later { " (in " } else { " (" });
            heading.push_str(&crate::token::about(span / 1000));
            heading.push_str(if later { ")" } else { " ago)" });
            let mut seconds = String::new();
            push_u64(&mut seconds, ms / 1000);
            View {
                heading,
                also: None,
                rows: vec![
                    Row {
                        label: "local time",
                        shown: when.clone(),
                        copy: when,
                    },
                    Row {
                        label: "UTC",
                        shown: iso(ms),
                        copy: iso(ms),
                    },
                    Row {
                        label: "seconds",
                        shown: group(ms / 1000),
                        copy: seconds,
                    },
                ],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_durations_are_lifetimes() {
        assert_eq!(
            read("3600"),
            Some(Selected::Duration {
                seconds: 3_600,
                bare: true
            })
        );
        assert_eq!(
            read(" 86,400 "),
            Some(Selected::Duration {
                seconds: 86_400,
                bare: true
            })
        );
        assert_eq!(
            read("\"86400\","),
            Some(Selected::Duration {
                seconds: 86_400,
                bare: true
            })
        );
        assert_eq!(
            read("PT1H"),
            Some(Selected::Duration {
                seconds: 3_600,
                bare: false
            })
        );
        assert_eq!(
            read("1d 12h"),
            Some(Selected::Duration {
                seconds: 129_600,
                bare: false
            })
        );
        assert_eq!(
            read("30 days"),
            Some(Selected::Duration {
                seconds: 2_592_000,
                bare: false
            })
        );
    }

    #[test]
    fn moments_are_read_as_such() {
        assert_eq!(
            read("1765123200"),
            Some(Selected::Moment {
                ms: 1_765_123_200_000,
                millis: false
            })
        );
        assert_eq!(
            read("1765123200123"),
            Some(Selected::Moment {
                ms: 1_765_123_200_123,
                millis: true
            })
        );
        // Nine digits: a duration of 11 years, not a date in 1973.
        assert_eq!(
            read("345600000"),
            Some(Selected::Duration {
                seconds: 345_600_000,
                bare: true
            })
        );
    }

    #[test]
    fn words_dates_and_times_of_day_are_not() {
        for text in [
            "",
            "Token",
            "access_token",
            "v2",
            "0",
            "16:41",
            "1:30:00",
            "2026-12-07",
            "12/07",
            "-5",
            "1.5",
            "an unusually long sentence that someone selected by accident 3600",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn the_popover_shows_the_other_units() {
        let v = view(
            Selected::Duration {
                seconds: 5_400,
                bare: false,
            },
            0,
            |_| String::new(),
            |_| String::new(),
        );
        assert_eq!(v.heading, "5,400 s = 1 hour 30 minutes");
        assert_eq!(v.also, None);
        let bare = view(
            Selected::Duration {
                seconds: 72,
                bare: true,
            },
            0,
            |_| String::new(),
            |_| String::new(),
        );
        assert_eq!(
            bare.also.as_deref(),
            Some("as minutes: 1 hour 12 minutes · as hours: 3 days")
        );
        let shown: Vec<(&str, &str, &str)> = v
            .rows
            .iter()
            .map(|r| (r.label, r.shown.as_str(), r.copy.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("seconds", "5,400", "5400"),
                ("minutes", "90", "90"),
                ("hours", "1.5", "1.5"),
                ("days", "≈ 0.063", "0.063"),
            ]
        );
        assert_eq!(ratio(100, 60), "≈ 1.667");
        assert_eq!(ratio(59_999, 60_000), "≈ 1");
        assert_eq!(ratio(86_400_000, 60), "1,440,000");
    }

    #[test]
    fn a_moment_says_when_and_how_far() {
        let v = view(
            Selected::Moment {
                ms: 1_765_123_200_000,
                millis: false,
            },
            1_765_123_200_000 - 7_200_000,
            |_| "08/12/2025, 16:00".into(),
            |_| "2025-12-07T16:00:00.000Z".into(),
        );
        assert_eq!(v.heading, "Unix time: 08/12/2025, 16:00 (in 2 hours)");
        assert_eq!(v.rows[2].copy, "1765123200");
        let past = view(
            Selected::Moment {
                ms: 1_000,
                millis: true,
            },
            61_000,
            |_| "then".into(),
            |_| String::new(),
        );
        assert_eq!(past.heading, "Unix time (ms): then (1 minute ago)");
    }
}
