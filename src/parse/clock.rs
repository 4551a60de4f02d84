//! Clock notation: `H:MM:SS` or `H:MM` (hours and minutes), as in `1:30:00` or `36:00`.

use super::error::{ErrorKind, ParseError};
use super::number::{digits_value, too_large, Exact};
use super::scan::sl;
use crate::text::concat;

fn bad(start: usize, end: usize, message: impl Into<std::borrow::Cow<'static, str>>) -> ParseError {
    ParseError::new(ErrorKind::BadClock, start, end, message)
}

pub(super) fn parse(input: &str, lo: usize, hi: usize) -> Result<Exact, ParseError> {
    let body = sl(input, lo, hi);
    let mut fields: Vec<(usize, &str)> = Vec::with_capacity(3);
    let mut offset = lo;
    for part in body.split(':') {
        fields.push((offset, part));
        offset += part.len() + 1;
        if fields.len() > 3 {
            return Err(bad(
                lo,
                hi,
                "A clock value is H:MM or H:MM:SS, such as 1:30 or 1:30:00.",
            ));
        }
    }
    for &(start, part) in &fields {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            let end = start + part.len();
            return Err(bad(
                start,
                end.max(start + 1).min(hi),
                "A clock value is H:MM or H:MM:SS with digits only, such as 1:30 or 1:30:00.",
            ));
        }
    }
    let (hstart, hours) = fields[0];
    let hours = digits_value(hours).ok_or_else(|| too_large(hstart, hstart + hours.len()))?;
    let mut total = hours.checked_mul(3_600).ok_or_else(|| too_large(lo, hi))?;
    for (i, &(start, part)) in fields.iter().enumerate().skip(1) {
        let what = if i == 1 { "Minutes" } else { "Seconds" };
        if part.len() != 2 {
            let mut err = bad(
                start,
                start + part.len(),
                concat(&[what, " in a clock value take two digits, as in 1:05."]),
            );
            if part.len() == 1 {
                // The same value with this part given its leading zero.
                let mut fixed = String::with_capacity(hi - lo + 1);
                for (j, &(_, p)) in fields.iter().enumerate() {
                    if j > 0 {
                        fixed.push(':');
                    }
                    if j == i {
                        fixed.push('0');
                    }
                    fixed.push_str(p);
                }
                err = err.suggest(fixed);
            }
            return Err(err);
        }
        let n = digits_value(part).unwrap_or(99);
        if n >= 60 {
            return Err(bad(
                start,
                start + 2,
                concat(&[what, " in a clock value must be below 60."]),
            ));
        }
        total += n * if i == 1 { 60 } else { 1 };
    }
    Ok(Exact {
        whole: total,
        nanos: 0,
    })
}
