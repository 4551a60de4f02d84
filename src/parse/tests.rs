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
    assert_eq!(e.suggestion.as_deref(), Some("24 hrs"));
    let e = parse("1d 1h 2h", Unit::Seconds).unwrap_err();
    assert_eq!(&"1d 1h 2h"[e.start..e.end], "2h");
    let e = parse("24h\u{200b}", Unit::Seconds).unwrap_err();
    assert_eq!(&"24h\u{200b}"[e.start..e.end], "\u{200b}");
}

#[test]
fn not_whole_explains_the_fraction() {
    let e = parse("1.5s", Unit::Seconds).unwrap_err();
    assert_eq!(
        e.message,
        "This field takes whole seconds; 1.5 s is not a whole number."
    );
    let e = parse("90s", Unit::Minutes).unwrap_err();
    assert_eq!(
        e.message,
        "This field takes whole minutes; 1.5 min is not a whole number."
    );
    assert_eq!(e.suggestion.as_deref(), Some("2"));
    let e = parse("20s", Unit::Minutes).unwrap_err();
    assert!(e.message.contains("≈0.3333"), "{}", e.message);
}

#[test]
fn the_safe_integer_limit_is_the_ceiling() {
    assert_eq!(secs("9007199254740991"), Ok(MAX_VALUE));
    assert_eq!(secs("9007199254740992"), Err(ErrorKind::TooLarge));
    assert_eq!(secs("99999999999999999999w"), Err(ErrorKind::TooLarge));
    assert_eq!(parse("9007199254740991", Unit::Minutes), Ok(MAX_VALUE));
}
