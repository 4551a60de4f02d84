//! ISO 8601 durations: `P1D`, `PT36H`, `P1DT2H30M`, `P2W`, case-insensitive. Years and months
//! are refused (their length varies); a fraction may use `.` or `,` as the standard allows.

use super::error::{ErrorKind, ParseError};
use super::number::{read_decimal, times_seconds, too_large, Exact};
use super::scan::{sl, Cursor};
use crate::text::concat;

/// Designators in the order the standard requires them, with their length in seconds
/// (0 for years and months, which are refused).
const ORDER: [(char, bool, u64); 7] = [
    ('Y', false, 0),
    ('M', false, 0),
    ('W', false, 604_800),
    ('D', false, 86_400),
    ('H', true, 3_600),
    ('M', true, 60),
    ('S', true, 1),
];

fn bad(start: usize, end: usize, message: impl Into<std::borrow::Cow<'static, str>>) -> ParseError {
    ParseError::new(ErrorKind::BadIso, start, end, message)
}

pub(super) fn parse(input: &str, lo: usize, hi: usize) -> Result<Exact, ParseError> {
    let mut cur = Cursor::new(input, lo, hi);
    cur.bump(); // the P
    let mut in_time = false;
    let mut last: Option<usize> = None;
    let mut total = Exact::default();
    let mut parts = 0;
    let mut t_at = None;
    while !cur.at_end() {
        let at = cur.pos;
        if matches!(cur.peek(), Some('T' | 't')) {
            if in_time {
                return Err(bad(at, at + 1, "An ISO 8601 duration has only one T."));
            }
            in_time = true;
            t_at = Some(at);
            cur.bump();
            continue;
        }
        let number = match read_decimal(&mut cur, true)? {
            Some(n) if !n.grouped => n,
            _ => {
                let c = cur.peek().unwrap_or(' ');
                return Err(bad(
                    at,
                    at + c.len_utf8(),
                    concat(&[
                        "Expected a number at “",
                        c.encode_utf8(&mut [0; 4]),
                        "” in the ISO 8601 duration; for example P1DT12H.",
                    ]),
                ));
            }
        };
        let Some(designator) = cur.bump() else {
            return Err(bad(
                number.start,
                number.end,
                "The number needs a designator after it (W, D, H, M or S), as in PT36H.",
            ));
        };
        let d = designator.to_ascii_uppercase();
        let (dstart, dend) = (number.end, number.end + designator.len_utf8());
        let Some(index) = ORDER
            .iter()
            .position(|&(c, time, _)| c == d && time == in_time)
        else {
            return Err(if !in_time && matches!(d, 'H' | 'S') {
                let fixed = concat(&[
                    sl(input, lo, number.start),
                    "T",
                    sl(input, number.start, hi),
                ]);
                bad(
                    dstart,
                    dend,
                    concat(&[
                        "Hours, minutes and seconds go after a T, as in PT",
                        sl(input, number.start, number.end),
                        d.encode_utf8(&mut [0; 4]),
                        ".",
                    ]),
                )
                .suggest(fixed)
            } else if in_time && matches!(d, 'Y' | 'W' | 'D') {
                bad(
                    dstart,
                    dend,
                    "Years, weeks and days go before the T, as in P1DT12H.",
                )
            } else {
                bad(
                    dstart,
                    dend,
                    concat(&[
                        "“",
                        designator.encode_utf8(&mut [0; 4]),
                        "” is not an ISO 8601 duration designator; use W, D, H, M or S.",
                    ]),
                )
            });
        };
        if last.is_some_and(|l| index <= l) {
            return Err(bad(
                number.start,
                dend,
                "ISO 8601 puts each part once, largest first: weeks, days, then T, hours, minutes, seconds.",
            ));
        }
        last = Some(index);
        let seconds = ORDER[index].2;
        if seconds == 0 {
            let (days, what) = if d == 'Y' {
                (365, "years")
            } else {
                (30, "months")
            };
            let mut err = ParseError::new(
                ErrorKind::MonthOrYear,
                dstart,
                dend,
                concat(&[
                    "In ISO 8601, ",
                    d.encode_utf8(&mut [0; 4]),
                    " before the T means ",
                    what,
                    ", which have no fixed length in seconds; write days (P30D) or, for minutes, PT",
                    sl(input, number.start, number.end),
                    "M.",
                ]),
            );
            if let Some(n) = number.whole().and_then(|n| n.checked_mul(days)) {
                let mut s = String::from("P");
                crate::text::push_u64(&mut s, n);
                s.push('D');
                err = err.suggest(s);
            }
            return Err(err);
        }
        total = total
            .checked_add(times_seconds(&number, seconds)?)
            .ok_or_else(|| too_large(lo, hi))?;
        parts += 1;
        if in_time && t_at.is_some() {
            t_at = None;
        }
    }
    if let Some(t) = t_at {
        return Err(bad(
            t,
            t + 1,
            "A T must be followed by hours, minutes or seconds, as in PT12H.",
        ));
    }
    if parts == 0 {
        return Err(bad(
            lo,
            hi,
            "An ISO 8601 duration needs at least one part, such as P1D or PT12H.",
        ));
    }
    Ok(total)
}
