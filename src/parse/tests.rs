use super::*;

fn secs(s: &str) -> Result<u64, ErrorKind> {
    parse(s, Unit::Seconds).map_err(|e| e.kind)
}

#[test]
fn the_issue_examples() {
    assert_eq!(secs("24h"), Ok(86_400));
    assert_eq!(secs("30 days"), Ok(2_592_000));
    assert_eq!(secs("1d 12h"), Ok(129_600));
    assert_eq!(secs("P1D"), Ok(86_400));
    assert_eq!(secs("86,400"), Ok(86_400));
    assert_eq!(parse("3 days", Unit::Minutes), Ok(4_320));
}

#[test]
fn error_ranges_point_at_the_offending_text() {
    let e = parse("  24 hurs", Unit::Seconds).unwrap_err();
    assert_eq!((e.start, e.end), (5, 9));
    assert_eq!(e.suggestion().as_deref(), Some("24 hrs"));
    let e = parse("1d 1h 2h", Unit::Seconds).unwrap_err();
    assert_eq!(&"1d 1h 2h"[e.start..e.end], "2h");
    let e = parse("24h\u{200b}", Unit::Seconds).unwrap_err();
    assert_eq!(&"24h\u{200b}"[e.start..e.end], "\u{200b}");
}

#[test]
fn not_whole_explains_the_fraction() {
    let e = parse("1.5s", Unit::Seconds).unwrap_err();
    assert_eq!(
        e.message(),
        "This field takes whole seconds; 1.5 s is not a whole number."
    );
    let e = parse("90s", Unit::Minutes).unwrap_err();
    assert_eq!(
        e.message(),
        "This field takes whole minutes; 1.5 min is not a whole number."
    );
    assert_eq!(e.suggestion().as_deref(), Some("2"));
    let e = parse("20s", Unit::Minutes).unwrap_err();
    assert!(e.message().contains("≈0.3333"), "{}", e.message());
}

#[test]
fn the_shortcuts_take_the_common_forms() {
    for (s, v) in [
        ("86400", 86_400),
        ("86,400", 86_400),
        ("2,592,000", 2_592_000),
        ("0", 0),
    ] {
        assert_eq!(fast::bare_number(s), Some(v), "{s}");
    }
    for s in [
        "",
        ",",
        "86,40",
        "8640,0",
        "1,0000",
        "86 400",
        "86.400",
        "1234567890123456",
    ] {
        assert_eq!(fast::bare_number(s), None, "{s}");
    }
    for (s, v) in [
        ("24h", 86_400),
        ("1 day, 12 hours", 129_600),
        ("1h30m", 5_400),
        ("2 Weeks", 1_209_600),
        ("1.5 days", 129_600),
        ("0.25h 1s", 901),
    ] {
        assert_eq!(fast::compound_seconds(s).value(), Some(v), "{s}");
    }
    for s in [
        "24",
        "h",
        "1d,",
        "1d 1d",
        "1 and 2h",
        "1.5s",
        "0.0000000001d",
        "1.h",
        " 24h",
        "24h ",
        "1M",
        "1 mo",
    ] {
        assert_eq!(fast::compound_seconds(s).value(), None, "{s}");
    }
    // Refusals it recognises, and near misses it leaves to the grammar.
    for s in [
        "1 month",
        "2yrs",
        "12 MONTHS",
        "86.400",
        "0.500",
        "999999999999999 years",
    ] {
        assert_eq!(fast::compound_seconds(s), fast::Quick::Refused, "{s}");
        for unit in [Unit::Milliseconds, Unit::Seconds, Unit::Minutes, Unit::Days] {
            assert_eq!(quick_refusal(s, unit), parse_slow(s, unit).err(), "{s}");
        }
    }
    for s in [
        "1.5 months",
        "1d 1 month",
        "1 month ",
        "86.40",
        "1 minute.400",
        "1.400.000",
    ] {
        assert_eq!(fast::compound_seconds(s), fast::Quick::Unsure, "{s}");
    }
}

#[test]
fn the_iso_and_clock_shortcuts_answer_only_what_is_certain() {
    for (s, v) in [
        ("P1D", 86_400),
        ("PT36H", 129_600),
        ("P1DT2H30M", 95_400),
        ("p2w", 1_209_600),
        ("P1W1DT1H1M1S", 694_861),
        ("PT0S", 0),
    ] {
        assert_eq!(fast::iso_seconds(s), Some(v), "{s}");
    }
    for s in [
        "P",
        "PT",
        "P1DT",
        "P1M",
        "P1Y",
        "P1H",
        "PT1D",
        "P1D1D",
        "PT1M1H",
        "P1.5D",
        "P1,5D",
        "P 1D",
        "P1D ",
        "P1",
        "PT1H T1M",
        "P1234567890123456D",
    ] {
        assert_eq!(fast::iso_seconds(s), None, "{s}");
    }
    for (s, v) in [
        ("1:30:00", 5_400),
        ("1:30", 5_400),
        ("36:00", 129_600),
        ("0:00:59", 59),
    ] {
        assert_eq!(fast::clock_seconds(s), Some(v), "{s}");
    }
    for s in [
        "1:5",
        "1:60",
        "1:30:60",
        "1:30:",
        ":30",
        "1::30",
        "1:30:00:00",
        "1:300",
        " 1:30",
        "1:30 ",
    ] {
        assert_eq!(fast::clock_seconds(s), None, "{s}");
    }
}

#[test]
fn the_safe_integer_limit_is_the_ceiling() {
    assert_eq!(secs("9007199254740991"), Ok(MAX_VALUE));
    assert_eq!(secs("9007199254740992"), Err(ErrorKind::TooLarge));
    assert_eq!(secs("99999999999999999999w"), Err(ErrorKind::TooLarge));
    assert_eq!(parse("9007199254740991", Unit::Minutes), Ok(MAX_VALUE));
}

/// Property tests (proptest is a native-only dependency).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #[test]
        fn the_bare_number_shortcut_agrees_with_the_grammar(s in "[0-9]{1,16}", minutes: bool) {
            let unit = if minutes { Unit::Minutes } else { Unit::Seconds };
            let general = parse_general(&s, unit).ok();
            match fast::bare_number(&s) {
                Some(v) => proptest::prop_assert_eq!(Some(v), general),
                None => proptest::prop_assert_eq!(s.len(), 16),
            }
        }

        #[test]
        fn grouped_numbers_agree_with_the_grammar(s in "[0-9]{0,4}(,[0-9]{0,4}){0,5},?", minutes: bool) {
            let unit = if minutes { Unit::Minutes } else { Unit::Seconds };
            if let Some(v) = fast::bare_number(&s) {
                proptest::prop_assert_eq!(parse_general(&s, unit), Ok(v), "{:?}", s);
            }
        }
    }

    /// Text made of the pieces the compound shortcut looks at, and some it must step aside for.
    fn compound_soup() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::prop_oneof![
                "[0-9]{1,3}",
                "[0-9]{14,17}",
                proptest::sample::select(vec![
                    " ",
                    "  ",
                    ",",
                    ", ",
                    " and ",
                    "s",
                    "sec",
                    "M",
                    "m",
                    "min",
                    "H",
                    "h",
                    "hours",
                    "d",
                    "Day",
                    "days",
                    "w",
                    "weeks",
                    "mo",
                    "Month",
                    "yrs",
                    "x",
                    ".",
                    ".5",
                    ".400",
                    "secondsxx",
                    "_",
                    "\u{a0}",
                ])
                .prop_map(str::to_string),
            ],
            1..8,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Text made of ISO 8601 pieces, in and out of order.
    fn iso_soup() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::prop_oneof![
                "[0-9]{1,3}",
                "[0-9]{14,17}",
                proptest::sample::select(vec![
                    "T", "t", "W", "D", "d", "H", "M", "m", "S", "Y", ".5", ",", " ",
                ])
                .prop_map(str::to_string),
            ],
            0..8,
        )
        .prop_map(|parts| format!("P{}", parts.concat()))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn the_compound_shortcut_agrees_with_the_grammar(s in compound_soup(), minutes: bool) {
            let unit = if minutes { Unit::Minutes } else { Unit::Seconds };
            match fast::compound_seconds(&s) {
                fast::Quick::Value(secs) => {
                    if secs % (unit.millis() / 1_000) == 0 {
                        proptest::prop_assert_eq!(parse_general(&s, unit), Ok(secs / (unit.millis() / 1_000)), "{:?}", s);
                    }
                }
                fast::Quick::Refused => {
                    proptest::prop_assert!(parse_general(&s, unit).is_err(), "{:?}", s);
                    // The refusal made without the grammar is the grammar's, word for word.
                    proptest::prop_assert_eq!(quick_refusal(&s, unit), parse_slow(&s, unit).err(), "{:?}", s);
                }
                fast::Quick::Unsure => {}
            }
        }

        #[test]
        fn the_iso_shortcut_agrees_with_the_grammar(s in iso_soup(), minutes: bool) {
            let unit = if minutes { Unit::Minutes } else { Unit::Seconds };
            if let Some(secs) = fast::iso_seconds(&s) {
                if secs % (unit.millis() / 1_000) == 0 {
                    proptest::prop_assert_eq!(parse_general(&s, unit), Ok(secs / (unit.millis() / 1_000)), "{:?}", s);
                }
            }
        }

        #[test]
        fn the_clock_shortcut_agrees_with_the_grammar(s in "[0-9]{0,17}(:[0-9]{0,3}){0,3}", minutes: bool) {
            let unit = if minutes { Unit::Minutes } else { Unit::Seconds };
            if let Some(secs) = fast::clock_seconds(&s) {
                if secs % (unit.millis() / 1_000) == 0 {
                    proptest::prop_assert_eq!(parse_general(&s, unit), Ok(secs / (unit.millis() / 1_000)), "{:?}", s);
                }
            }
        }

        #[test]
        fn the_compound_shortcut_answers_the_common_forms(
            parts in proptest::sample::subsequence(vec![("w", 604_800u64), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)], 1..=5),
            n in 0u64..1000,
            sep in proptest::sample::select(vec!["", " ", ", "]),
        ) {
            let s = parts.iter().map(|(u, _)| format!("{n}{u}")).collect::<Vec<_>>().join(sep);
            let secs: u64 = parts.iter().map(|(_, k)| n * k).sum();
            proptest::prop_assert_eq!(fast::compound_seconds(&s).value(), Some(secs), "{:?}", s);
        }
    }
}

#[test]
fn refusals_made_without_allocating_read_as_the_grammar_writes_them() {
    let e = parse("86.400", Unit::Seconds).unwrap_err();
    let message = "“86.400” is ambiguous: the dot could separate thousands or start decimals. \
                   Write 86,400 for thousands, or add a unit to a decimal (such as 86.400 h).";
    assert_eq!(e.message(), message);
    assert_eq!(e.suggestion().as_deref(), Some("86,400"));
    assert_eq!(e.to_string(), [message, " Did you mean “86,400”?"].concat());
    let e = parse("2 years", Unit::Minutes).unwrap_err();
    assert_eq!(e.suggestion().as_deref(), Some("730d"));
    assert_eq!(
        serde_json::to_value(&e).ok(),
        Some(serde_json::json!({
            "kind": "month_or_year",
            "message": "Years have no fixed length in seconds; write days instead, such as 365d.",
            "start": 2,
            "end": 7,
            "suggestion": "730d",
        }))
    );
    // Too many days for the field: no suggestion, as the grammar decides.
    let e = parse("999999999999999 years", Unit::Seconds).unwrap_err();
    assert_eq!(e.suggestion(), None);
    // A longer number grouped by dots is written out when refused: the same words.
    let e = parse("2.592.000", Unit::Seconds).unwrap_err();
    assert_eq!(e.suggestion().as_deref(), Some("2,592,000"));
    assert!(e.message().starts_with("“2.592.000” is ambiguous"));
}

#[test]
fn a_clock_part_without_its_leading_zero_is_suggested_with_it() {
    for (typed, meant) in [
        ("1:5", "1:05"),
        ("1:30:5", "1:30:05"),
        ("1:5:00", "1:05:00"),
    ] {
        let e = parse(typed, Unit::Seconds).unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadClock, "{typed}");
        assert_eq!(e.suggestion().as_deref(), Some(meant), "{typed}");
    }
}

#[test]
fn a_part_past_64_bits_of_seconds_is_too_large_where_it_is() {
    // 2^64 seconds is 35 times the largest lifetime (2^53 minutes): refused at that number,
    // before anything that follows it.
    for (s, at) in [
        ("18446744073709551616", (0, 20)),
        ("1h 40000000000000 weeks 1 fortnight", (3, 17)),
        ("P1DT99999999999999999999H", (4, 24)),
        ("18446744073709551616:00", (0, 20)),
    ] {
        let e = parse(s, Unit::Seconds).unwrap_err();
        assert_eq!(
            (e.kind, e.start, e.end),
            (ErrorKind::TooLarge, at.0, at.1),
            "{s}"
        );
    }
    // The largest lifetimes are exact.
    assert_eq!(parse("9007199254740991 min", Unit::Minutes), Ok(MAX_VALUE));
    assert_eq!(
        parse("6254999482458 d 23 h 59.25 min", Unit::Minutes).map_err(|e| e.kind),
        Err(ErrorKind::NotWhole)
    );
}

#[test]
fn digits_of_other_scripts_are_refused_with_the_ascii_number_offered() {
    let e = parse("８６４００", Unit::Seconds).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidCharacter);
    assert_eq!(
        e.message(),
        "“８” is not one of the digits 0–9; retype the number with ordinary digits."
    );
    assert_eq!(e.suggestion().as_deref(), Some("86400"));
    let e = parse(" ٢٤h ", Unit::Seconds).unwrap_err();
    assert_eq!(e.suggestion().as_deref(), Some("24h"));
    // An invisible character and a foreign digit are both mended in the one suggestion.
    let e = parse("\u{200b} ٢4h", Unit::Seconds).unwrap_err();
    assert!(e.message().contains("invisible character (U+200B)"));
    assert_eq!(e.suggestion().as_deref(), Some("24h"));
    let e = parse("٢٤\u{feff}h", Unit::Seconds).unwrap_err();
    assert!(e.message().contains("is not one of the digits 0–9"));
    assert_eq!(e.suggestion().as_deref(), Some("24h"));
    // Devanagari digits with a Hindi unit word: the ASCII number alone still lacks a unit.
    let e = parse("१ दिन", Unit::Seconds).unwrap_err();
    assert_eq!(e.suggestion(), None);
    // Numeric characters that are not decimal digits are simply not part of a lifetime.
    for other in ["½ day", "2² h", "Ⅻ h"] {
        let e = parse(other, Unit::Seconds).unwrap_err();
        assert!(e.message().contains("is not part of a lifetime"), "{other}");
    }
}

#[test]
fn the_digit_table_holds_runs_of_ten_decimal_digits() {
    use super::scan::foreign_digit;
    assert_eq!(foreign_digit('7'), None);
    assert_eq!(foreign_digit('a'), None);
    let mut runs = 0;
    let mut prev = None;
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        let d = foreign_digit(c);
        if let Some(d) = d {
            // Every digit is a numeric character, and each run counts 0 to 9 in order.
            assert!(c.is_numeric(), "{c:?}");
            let expected = match prev {
                Some('9') | None => '0',
                Some(p) => char::from_digit(p.to_digit(10).unwrap() + 1, 10).unwrap(),
            };
            assert_eq!(d, expected, "{c:?}");
            if d == '0' {
                runs += 1;
            }
        } else {
            assert!(
                prev.is_none() || prev == Some('9'),
                "a run ends early before {c:?}"
            );
        }
        prev = d;
    }
    assert_eq!(runs, 65);
}
