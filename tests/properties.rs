#![cfg(not(target_arch = "wasm32"))]
//! Property tests: round trips, robustness on arbitrary input, monotonicity, and agreement with
//! `jiff` on every input both accept.

use lifetime_guard::catalog::FIELDS;
use lifetime_guard::format::{group, short, words};
use lifetime_guard::{parse, Unit};
use proptest::prelude::*;

/// The largest limit in the catalog, hard or soft, in seconds.
fn largest_limit() -> u64 {
    FIELDS
        .iter()
        .flat_map(|f| {
            f.max
                .map(|m| m.value)
                .into_iter()
                .chain(f.soft.iter().map(|s| s.above))
                .map(move |v| v * f.unit.millis() / 1_000)
        })
        .max()
        .unwrap_or(0)
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Milliseconds),
        Just(Unit::Seconds),
        Just(Unit::Minutes),
        Just(Unit::Days)
    ]
}

/// Strings over the language's own alphabet, so that random input reaches deep into the grammar.
fn language_soup() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[0-9dhmswkPTMYyao ,._:\\-\u{a0}]{0,40}").expect("regex")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn format_round_trips(v in 0u64..=157_788_000, unit in unit()) {
        prop_assert!(largest_limit() <= 157_788_000 * 60);
        let v = if unit == Unit::Minutes { v / 60 * 60 / 60 } else { v };
        prop_assert_eq!(parse(&words(v, unit), unit), Ok(v));
        prop_assert_eq!(parse(&short(v, unit), unit), Ok(v));
        prop_assert_eq!(parse(&group(v), unit), Ok(v));
        prop_assert_eq!(parse(&v.to_string(), unit), Ok(v));
    }

    #[test]
    fn never_panics_on_strings(s in any::<String>(), unit in unit()) {
        check_error_shape(&s, unit);
    }

    #[test]
    fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..64), unit in unit()) {
        let s = String::from_utf8_lossy(&b);
        check_error_shape(&s, unit);
    }

    #[test]
    fn never_panics_on_language_soup(s in language_soup(), unit in unit()) {
        check_error_shape(&s, unit);
    }

    /// The refusals `value` recognises without the grammar, and their near misses (unit words,
    /// decimals, other groupings), answered as `parse` answers them.
    #[test]
    fn value_answers_as_parse_on_refusal_shapes(
        s in proptest::string::string_regex(
            "(-?[0-9]{1,16} {0,2}(mo|mos|Mon|mons|mth|MTHS|month|Months|y|yr|yrs|year|years|yy|m|M|d|h|min|mn)|[0-9]{0,4}(\\.[0-9]{0,4}){0,3}| {0,3}|-[0-9a-z ]{0,6})"
        ).expect("regex"),
        unit in unit(),
    ) {
        check_error_shape(&s, unit);
    }

    #[test]
    fn larger_numbers_never_give_smaller_values(
        a in 0u64..1_000_000, extra in 1u64..1_000_000, b in 0u64..1000,
        u1 in prop::sample::select(vec!["s", "min", "h", "d", "w", " seconds", " hours", " days"]),
        u2 in prop::sample::select(vec!["s", "m", "h"]),
        shape in 0usize..4,
    ) {
        let render = |n: u64| match shape {
            0 => format!("{n}{u1}"),
            1 => format!("{n}{u1} {b}{u2}"),
            2 => group(n),
            _ => format!("PT{n}S"),
        };
        let (small, large) = (parse(&render(a), Unit::Seconds), parse(&render(a + extra), Unit::Seconds));
        if let (Ok(s), Ok(l)) = (&small, &large) {
            prop_assert!(l > s, "{} → {s}, {} → {l}", render(a), render(a + extra));
        }
    }

    #[test]
    fn agrees_with_jiff(
        parts in proptest::collection::btree_map(0usize..5, 0u64..10_000, 1..5),
        spaced in any::<bool>(),
        long_names in any::<bool>(),
    ) {
        const SHORT: [&str; 5] = ["w", "d", "h", "m", "s"];
        const LONG: [&str; 5] = ["weeks", "days", "hours", "minutes", "seconds"];
        let text = parts
            .iter()
            .map(|(&i, n)| format!("{n}{}{}", if spaced { " " } else { "" }, if long_names { LONG[i] } else { SHORT[i] }))
            .collect::<Vec<_>>()
            .join(" ");
        let ours = parse(&text, Unit::Seconds);
        let theirs = text.parse::<jiff::Span>().ok().and_then(|span| {
            span.to_duration(jiff::SpanRelativeTo::days_are_24_hours()).ok()
        });
        if let (Ok(v), Some(t)) = (&ours, theirs) {
            prop_assert_eq!(i128::from(*v), i128::from(t.as_secs()), "{}", text);
        } else {
            prop_assert!(ours.is_ok(), "we refused {:?}: {:?}", text, ours);
        }
    }
}

fn check_error_shape(s: &str, unit: Unit) {
    // The number-only answer is the full answer's number.
    assert_eq!(
        lifetime_guard::parse::value(s, unit),
        parse(s, unit).ok(),
        "{s:?}: value() and parse() disagree"
    );
    if let Err(e) = parse(s, unit) {
        assert!(
            e.start <= e.end && e.end <= s.len(),
            "{s:?}: range {}..{}",
            e.start,
            e.end
        );
        assert!(
            s.is_char_boundary(e.start) && s.is_char_boundary(e.end),
            "{s:?}: range splits a character"
        );
        assert!(!e.message().is_empty());
        if let Some(sugg) = e.suggestion() {
            assert!(
                parse(&sugg, unit).is_ok(),
                "{s:?}: suggestion {sugg:?} does not parse itself"
            );
        }
    }
}

#[test]
fn huge_inputs_are_refused_quickly() {
    for s in [
        "9".repeat(100_000),
        "1d ".repeat(20_000),
        "P".to_string() + &"9".repeat(50_000) + "D",
        "1:".repeat(10_000),
    ] {
        let started = std::time::Instant::now();
        assert!(parse(&s, Unit::Seconds).is_err());
        // Generous bound: linear parsing takes microseconds; a quadratic one would take seconds.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{} bytes took {:?}",
            s.len(),
            started.elapsed()
        );
    }
}
