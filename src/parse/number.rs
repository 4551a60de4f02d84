//! Exact decimal numbers: an integer part and up to nine significant fractional digits, kept as
//! an integer count of billionths so that sums and unit conversions never round.

use super::error::{ErrorKind, ParseError};
use super::scan::{is_unicode_space, Cursor};

/// Billionths in one.
pub(crate) const NANO: u32 = 1_000_000_000;

/// A non-negative number, exactly: a whole part and billionths. 64-bit arithmetic only, which
/// WebAssembly does in single instructions (128-bit division was a library call of 1 KB).
/// Lifetimes go up to 2^53 minutes, about 5.4 × 10^17 seconds, well within 64 bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Exact {
    pub whole: u64,
    /// Below [`NANO`].
    pub nanos: u32,
}

impl Exact {
    /// `self + other`, or `None` when the whole part overflows.
    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        let nanos = self.nanos + other.nanos;
        let (carry, nanos) = if nanos >= NANO {
            (1, nanos - NANO)
        } else {
            (0, nanos)
        };
        Some(Exact {
            whole: self.whole.checked_add(other.whole)?.checked_add(carry)?,
            nanos,
        })
    }

    /// `self × k`, or `None` when the whole part overflows.
    pub fn times(self, k: u64) -> Option<Exact> {
        let fraction = u64::from(self.nanos).checked_mul(k)?;
        Some(Exact {
            whole: self
                .whole
                .checked_mul(k)?
                .checked_add(fraction / u64::from(NANO))?,
            nanos: (fraction % u64::from(NANO)) as u32,
        })
    }
}

/// A non-negative decimal, with the byte range it was read from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decimal {
    pub value: Exact,
    pub start: usize,
    pub end: usize,
    pub grouped: bool,
}

impl Decimal {
    /// The integer value when the number has no fractional part.
    pub fn whole(&self) -> Option<u64> {
        (self.value.nanos == 0).then_some(self.value.whole)
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

/// The value of a run of ASCII digits, or `None` when it exceeds 64 bits.
pub(crate) fn digits_value(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |v, b| {
        v.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    })
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
    let mut int: u64 = 0;
    let mut overflow = false;
    let mut grouped = false;
    let mut push = |d: u8, int: &mut u64| match int
        .checked_mul(10)
        .and_then(|v| v.checked_add(u64::from(d - b'0')))
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
    let mut frac: u32 = 0;
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
        let mut scale = NANO;
        for b in digits.bytes() {
            scale /= 10;
            frac += u32::from(b - b'0') * scale;
        }
    }
    if cur.pos == start {
        return Ok(None);
    }
    if overflow {
        return Err(too_large(start, cur.pos));
    }
    Ok(Some(Decimal {
        value: Exact {
            whole: int,
            nanos: frac,
        },
        start,
        end: cur.pos,
        grouped,
    }))
}

/// Multiplies a decimal by a unit length in seconds, giving seconds.
pub(crate) fn times_seconds(d: &Decimal, seconds: u64) -> Result<Exact, ParseError> {
    d.value
        .times(seconds)
        .ok_or_else(|| too_large(d.start, d.end))
}
