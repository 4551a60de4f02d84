//! Exact decimal numbers: an integer part and up to nine significant fractional digits, kept as
//! an integer count of billionths so that sums and unit conversions never round.

use super::error::{ErrorKind, ParseError};
use super::scan::{is_unicode_space, Cursor};

/// Billionths in one.
pub(crate) const NANO: u128 = 1_000_000_000;

/// A non-negative decimal, in billionths, with the byte range it was read from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decimal {
    pub nanos: u128,
    pub start: usize,
    pub end: usize,
    pub grouped: bool,
}

impl Decimal {
    /// The integer value when the number has no fractional part and fits in 64 bits (64-bit, so
    /// that messages never format 128-bit numbers: that code weighed on the wasm).
    pub fn whole(&self) -> Option<u64> {
        // 64-bit arithmetic when it fits (below 584 years): 128-bit division is a library call.
        if let Ok(n) = u64::try_from(self.nanos) {
            const N: u64 = NANO as u64;
            return (n % N == 0).then_some(n / N);
        }
        if self.nanos % NANO != 0 {
            return None;
        }
        u64::try_from(self.nanos / NANO).ok()
    }
}

/// The refusal of a value too large to be a lifetime, for `[start, end)`.
pub(crate) fn too_large(start: usize, end: usize) -> ParseError {
    ParseError::new(
        ErrorKind::TooLarge,
        start,
        end,
        "That number is far too large to be a lifetime.",
    )
}

/// `a × b`, or `None` on overflow. Rust's checked 128-bit multiplication is a library call that
/// cost tens of nanoseconds per digit; a product of two 64-bit numbers cannot overflow 128 bits.
pub(crate) fn mul(a: u128, b: u64) -> Option<u128> {
    match u64::try_from(a) {
        Ok(a) => Some(u128::from(a) * u128::from(b)),
        Err(_) => a.checked_mul(u128::from(b)),
    }
}

/// The value of a run of ASCII digits, or `None` when it exceeds 128 bits.
pub(crate) fn digits_value(digits: &str) -> Option<u128> {
    digits
        .bytes()
        .try_fold(0u128, |v, b| mul(v, 10)?.checked_add(u128::from(b - b'0')))
}

/// Separator allowed between groups of three digits.
fn is_group_separator(c: char) -> bool {
    c == ',' || c == '_' || c == ' ' || is_unicode_space(c)
}

/// Reads a number at the cursor: digits with optional thousands separators (only before groups of
/// exactly three digits), then an optional fraction introduced by `.` (or `,` when `comma_decimal`).
/// Returns `Ok(None)` when no number starts here.
pub(crate) fn read_decimal(
    cur: &mut Cursor<'_>,
    comma_decimal: bool,
) -> Result<Option<Decimal>, ParseError> {
    let start = cur.pos;
    let mut int: u128 = 0;
    let mut overflow = false;
    let mut grouped = false;
    let mut push = |d: u8, int: &mut u128| match mul(*int, 10)
        .and_then(|v| v.checked_add(u128::from(d - b'0')))
    {
        Some(v) => *int = v,
        None => overflow = true,
    };
    let (ds, de) = cur.digits();
    for &b in cur.text.as_bytes()[ds..de].iter() {
        push(b, &mut int);
    }
    if de > ds && !comma_decimal {
        // Thousands groups: a separator followed by exactly three digits.
        while let Some(c) = cur.peek() {
            if !is_group_separator(c) {
                break;
            }
            let after = cur.pos + c.len_utf8();
            if !cur.exactly_digits_follow(after, 3) {
                break;
            }
            grouped = true;
            cur.pos = after;
            let (gs, ge) = cur.digits();
            for &b in cur.text.as_bytes()[gs..ge].iter() {
                push(b, &mut int);
            }
        }
    }
    let mut frac: u64 = 0;
    let is_point = |c: char| c == '.' || (comma_decimal && c == ',');
    if matches!(cur.peek(), Some(c) if is_point(c))
        && matches!(cur.peek2(), Some(c) if c.is_ascii_digit())
    {
        cur.pos += 1;
        let (fs, fe) = cur.digits();
        let digits = cur.slice(fs, fe).trim_end_matches('0');
        if digits.len() > 9 {
            // No unit of time here is a multiple of 2^10 or 5^10 seconds, so more than nine
            // significant decimals can never make a whole number of seconds.
            return Err(ParseError::new(
                ErrorKind::NotWhole,
                start,
                fe,
                "That many decimals cannot be a whole number of seconds.",
            ));
        }
        let mut scale = NANO as u64;
        for b in digits.bytes() {
            scale /= 10;
            frac += u64::from(b - b'0') * scale;
        }
    }
    if cur.pos == start {
        return Ok(None);
    }
    if overflow {
        return Err(too_large(start, cur.pos));
    }
    let nanos = mul(int, NANO as u64)
        .and_then(|v| v.checked_add(u128::from(frac)))
        .ok_or_else(|| too_large(start, cur.pos))?;
    Ok(Some(Decimal {
        nanos,
        start,
        end: cur.pos,
        grouped,
    }))
}

/// Multiplies a decimal by a unit length in seconds, giving billionths of a second.
pub(crate) fn times_seconds(d: &Decimal, seconds: u64) -> Result<u128, ParseError> {
    mul(d.nanos, seconds).ok_or_else(|| too_large(d.start, d.end))
}
