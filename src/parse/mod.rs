//! The input language: what an admin types into a lifetime field, turned into a whole number in
//! the field's unit, or a refusal that says what is wrong, where, and what was probably meant.
//!
//! Accepted forms: bare numbers (`86400`, `86,400`, `86 400`, `86_400`), unit compounds in any
//! order (`1d 12h`, `1 day, 12 hours`, `1 day and 12 hours`, `1.5 days`), ISO 8601 durations
//! (`P1DT2H`), and clock notation (`1:30:00`, `1:30`).

mod clock;
mod compound;
mod error;
mod fast;
mod iso;
mod number;
mod scan;

pub use error::{ErrorKind, ParseError};

use fast::Quick;

use crate::text::{code_point, concat, u64_string};
use crate::unit::Unit;
use number::{too_large, Exact, NANO};
use scan::{foreign_digit, is_invisible, is_space, sl, UNICODE_MINUS};

/// The largest value the parser returns: JavaScript's `Number.MAX_SAFE_INTEGER`, so that every
/// value survives the trip into the browser exactly.
pub const MAX_VALUE: u64 = (1 << 53) - 1;

/// Parses `input` into a whole number of `unit`.
///
/// Never panics, whatever the input; runs in time linear in its length. A suggestion in the
/// error is offered only when it parses itself.
pub fn parse(input: &str, unit: Unit) -> Result<u64, ParseError> {
    // The shortcuts answer with a plain number: the common case never moves an error around.
    match shortcut(input, unit) {
        Quick::Value(v) => Ok(v),
        Quick::Refused => match quick_refusal(input, unit) {
            Some(e) => Err(e),
            None => parse_slow(input, unit),
        },
        Quick::Unsure => parse_slow(input, unit),
    }
}

/// The grammar's refusal of an input the compound shortcut certainly refuses (a whole number of
/// months or years, or a number grouped by one dot), made without the grammar: those inputs
/// start with their digits and have no other shape. A property test checks that it is the
/// grammar's refusal, message and suggestion included; `None` sends the input to the grammar.
#[cold]
#[inline(never)]
fn quick_refusal(input: &str, unit: Unit) -> Option<ParseError> {
    let b = input.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut err;
    let parses = if b.get(digits) == Some(&b'.') {
        err = ParseError::dot_grouped(input, 0, input.len());
        // Up to three digits, a dot and three: with a comma instead, a number of six at most.
        input.len() <= 7
    } else {
        let ws = digits + b[digits..].iter().take_while(|&&c| c == b' ').count();
        let number = fast::bare_number(sl(input, 0, digits));
        err = compound::month_or_year(sl(input, ws, b.len()), ws, b.len(), number)?;
        // The suggestion is a number of days: it parses when they are a safe integer of `unit`
        // and a number of seconds (the grammar counts in seconds).
        let per_day = Unit::Days.millis() / unit.millis();
        err.suggested_days().is_some_and(|n| {
            n.checked_mul(86_400).is_some()
                && n.checked_mul(per_day).is_some_and(|v| v <= MAX_VALUE)
        })
    };
    // As in `parse_slow`: the suggestion is kept only when it parses.
    if !parses {
        err.drop_suggestion();
    }
    Some(err)
}

/// The whole number `input` stands for in `unit`, or `None` when it is refused: [`parse`]'s
/// answer without its explanation, for callers that show the explanation only when asked (the
/// popup's and the playground's `value`). The refusals admins type most (months, numbers grouped
/// by dots, a minus sign, nothing) are recognised without the grammar.
pub fn value(input: &str, unit: Unit) -> Option<u64> {
    match shortcut(input, unit) {
        Quick::Value(v) => Some(v),
        Quick::Refused => None,
        Quick::Unsure => value_slow(input, unit),
    }
}

/// [`value`] past the shortcuts, kept out of line as [`parse_slow`] is: the grammar inlined into
/// `value` would make every call pay for its stack frame.
#[cold]
#[inline(never)]
fn value_slow(input: &str, unit: Unit) -> Option<u64> {
    if fast::refused(input) {
        return None;
    }
    parse_general(input, unit).ok()
}

/// The grammar, with the refusal's suggestion kept only when it parses itself.
#[cold]
#[inline(never)]
fn parse_slow(input: &str, unit: Unit) -> Result<u64, ParseError> {
    let mut e = match parse_general(input, unit) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    if e.suggestion()
        .is_some_and(|s| s == input || parse_unchecked(&s, unit).is_err())
    {
        e.drop_suggestion();
    }
    Err(e)
}

fn parse_unchecked(input: &str, unit: Unit) -> Result<u64, ParseError> {
    match shortcut(input, unit) {
        Quick::Value(v) => Ok(v),
        _ => parse_general(input, unit),
    }
}

/// The forms most admins type, answered without the grammar when the answer is certain (see
/// `fast`), in `unit`.
#[inline]
fn shortcut(input: &str, unit: Unit) -> Quick {
    // A bare number ends with a digit; a compound (`3600s`) need not be read twice.
    if input.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        if let Some(v) = fast::bare_number(input).filter(|&v| v <= unit.max_value()) {
            return Quick::Value(v);
        }
    }
    let quick = match input.as_bytes().first() {
        Some(b'P' | b'p') => fast::iso_seconds(input).map_or(Quick::Unsure, Quick::Value),
        _ => match fast::compound_seconds(input) {
            // Clock notation fails the compound shortcut at its first colon.
            Quick::Unsure if input.bytes().any(|b| b == b':') => {
                fast::clock_seconds(input).map_or(Quick::Unsure, Quick::Value)
            }
            q => q,
        },
    };
    let Quick::Value(seconds) = quick else {
        return quick;
    };
    // Seconds need no division (a 64-bit division by a run-time value is tens of cycles).
    match unit {
        Unit::Seconds => Quick::Value(seconds),
        Unit::Minutes if seconds % 60 == 0 => Quick::Value(seconds / 60),
        Unit::Days if seconds % 86_400 == 0 => Quick::Value(seconds / 86_400),
        Unit::Milliseconds => match seconds.checked_mul(1_000) {
            Some(ms) if ms <= MAX_VALUE => Quick::Value(ms),
            _ => Quick::Unsure,
        },
        _ => Quick::Unsure,
    }
}

/// The whole grammar.
fn parse_general(input: &str, unit: Unit) -> Result<u64, ParseError> {
    let (lo, hi) = trimmed_range(input);
    if lo == hi {
        return Err(ParseError::new(
            ErrorKind::Empty,
            0,
            input.len(),
            "Enter a lifetime, such as 86400, 24h or 30 days.",
        ));
    }
    check_characters(input, lo, hi)?;
    let body = sl(input, lo, hi);
    let first = body.chars().next().unwrap_or(' ');
    if first == '-' || first == UNICODE_MINUS {
        let rest = sl(body, first.len_utf8(), body.len()).trim_start();
        let mut err = ParseError::new(
            ErrorKind::Negative,
            lo,
            lo + first.len_utf8(),
            "A lifetime cannot be negative.",
        );
        err = err.suggest(rest);
        return Err(err);
    }
    let nanos = if first == 'P' || first == 'p' {
        iso::parse(input, lo, hi)?
    } else if body.bytes().any(|b| b == b':') {
        clock::parse(input, lo, hi)?
    } else if body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '_') || is_space(c))
    {
        compound::parse_bare(input, lo, hi, unit)?
    } else {
        compound::parse(input, lo, hi, unit == Unit::Milliseconds)?
    };
    to_unit(nanos, unit, lo, hi)
}

/// Converts an exact number of seconds into a whole number of `unit`, refusing fractions.
fn to_unit(total: Exact, unit: Unit, lo: usize, hi: usize) -> Result<u64, ParseError> {
    // Milliseconds: the same exact number, counted in thousandths of a second.
    let (total, per) = match unit {
        Unit::Milliseconds => (total.times(1_000).ok_or_else(|| too_large(lo, hi))?, 1),
        _ => (total, unit.millis() / 1_000),
    };
    let (value, rest) = (total.whole / per, total.whole % per);
    if rest != 0 || total.nanos != 0 {
        // What is left over, in billionths of a second, out of one `unit` (at most 8.64 × 10^13).
        let den = per * u64::from(NANO);
        let num = rest * u64::from(NANO) + u64::from(total.nanos);
        let nearest = value.checked_add(u64::from(num >= den / 2));
        let exact = format_fraction(value, num, den);
        let mut err = ParseError::new(
            ErrorKind::NotWhole,
            lo,
            hi,
            concat(&[
                "This field takes whole ",
                unit.name(),
                "; ",
                &exact,
                " ",
                unit.symbol(),
                " is not a whole number.",
            ]),
        );
        if let Some(n) = nearest.filter(|&n| n > 0 && n <= MAX_VALUE) {
            err = err.suggest(u64_string(n));
        }
        return Err(err);
    }
    if value > MAX_VALUE {
        return Err(too_large(lo, hi));
    }
    Ok(value)
}

/// `whole + num / den` (with `num < den`) as a short decimal for messages ("1.5", "0.25",
/// "≈1.3333").
fn format_fraction(whole: u64, mut num: u64, den: u64) -> String {
    let mut out = u64_string(whole);
    out.push('.');
    for _ in 0..4 {
        num *= 10;
        out.push(char::from(b'0' + (num / den) as u8));
        num %= den;
        if num == 0 {
            return out;
        }
    }
    concat(&["≈", &out])
}

/// The byte range of `input` without leading and trailing spaces.
fn trimmed_range(input: &str) -> (usize, usize) {
    // Most inputs neither start nor end with a space: two byte tests instead of two scans.
    let plain = |b: Option<&u8>| {
        b.is_some_and(|&b| b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    };
    let b = input.as_bytes();
    if plain(b.first()) && plain(b.last()) {
        return (0, input.len());
    }
    let lo = input.len() - input.trim_start_matches(is_space).len();
    let hi = input.trim_end_matches(is_space).len();
    if hi < lo {
        (lo, lo)
    } else {
        (lo, hi)
    }
}

/// `body` as it was probably meant: without invisible characters, with digits of other scripts
/// in ASCII, and without the spaces that were only next to invisible characters.
fn cleaned(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for c in body.chars().filter(|&c| !is_invisible(c)) {
        out.push(foreign_digit(c).unwrap_or(c));
    }
    out.trim_matches(is_space).to_string()
}

/// Refuses characters outside the language before any grammar runs, so that an emoji or a
/// zero-width space gets a message about itself rather than a confusing grammar error.
fn check_characters(input: &str, lo: usize, hi: usize) -> Result<(), ParseError> {
    let ascii_ok = |b: &u8| {
        b.is_ascii_alphanumeric() || matches!(b, b'.' | b',' | b'_' | b':' | b'-' | b' ' | b'\t')
    };
    if input
        .as_bytes()
        .get(lo..hi)
        .is_some_and(|b| b.iter().all(ascii_ok))
    {
        return Ok(());
    }
    for (i, c) in input[lo..hi].char_indices() {
        let ok = c.is_ascii_alphanumeric()
            || matches!(c, '.' | ',' | '_' | ':' | '-' | ' ' | '\t')
            || c == UNICODE_MINUS
            || is_space(c);
        if ok {
            continue;
        }
        let (start, end) = (lo + i, lo + i + c.len_utf8());
        let err = if is_invisible(c) {
            let cleaned = cleaned(sl(input, lo, hi));
            let e = ParseError::new(
                ErrorKind::InvalidCharacter,
                start,
                end,
                concat(&[
                    "The value contains an invisible character (U+",
                    &code_point(c),
                    "); delete it and retype the value.",
                ]),
            );
            if !cleaned.is_empty() {
                e.suggest(cleaned)
            } else {
                e
            }
        } else if foreign_digit(c).is_some() {
            ParseError::new(
                ErrorKind::InvalidCharacter,
                start,
                end,
                concat(&[
                    "“",
                    c.encode_utf8(&mut [0; 4]),
                    "” is not one of the digits 0–9; retype the number with ordinary digits.",
                ]),
            )
            .suggest(cleaned(sl(input, lo, hi)))
        } else if c.is_control() {
            ParseError::new(
                ErrorKind::InvalidCharacter,
                start,
                end,
                concat(&[
                    "The value contains a control character (U+",
                    &code_point(c),
                    "); retype it.",
                ]),
            )
        } else {
            ParseError::new(
                ErrorKind::InvalidCharacter,
                start,
                end,
                concat(&[
                    "“",
                    c.encode_utf8(&mut [0; 4]),
                    "” is not part of a lifetime; use digits and units, such as 24h or 30 days.",
                ]),
            )
        };
        return Err(err);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
