//! The parser never panics, its error ranges point inside the input on character boundaries,
//! every suggestion parses, and every accepted value formats back to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lifetime_guard::format::{short, words};
use lifetime_guard::{parse, Unit};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for unit in [Unit::Milliseconds, Unit::Seconds, Unit::Minutes, Unit::Days] {
        match parse(text, unit) {
            Ok(v) => {
                assert!(v <= lifetime_guard::MAX_VALUE);
                assert_eq!(parse(&words(v, unit), unit), Ok(v), "words of {v}");
                assert_eq!(parse(&short(v, unit), unit), Ok(v), "short of {v}");
            }
            Err(e) => {
                assert!(e.start <= e.end && e.end <= text.len(), "{text:?}: {}..{}", e.start, e.end);
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{text:?}");
                assert!(!e.message().is_empty());
                if let Some(s) = e.suggestion() {
                    assert!(parse(&s, unit).is_ok(), "{text:?}: suggestion {s:?} does not parse");
                }
            }
        }
    }
});
