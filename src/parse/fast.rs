//! Shortcuts for the forms most admins type (`86400`, `24h`, `30 days`, `1d 12h`,
//! `1 day, 12 hours`). They answer only when the answer is certain and otherwise step aside for
//! the whole grammar, which also explains refusals; property tests check that both agree.

use super::compound::{looks_dot_grouped, month_or_year_days};
use super::MAX_VALUE;
use crate::unit::{pack_letter, unit_from_packed};

/// The value of 1 to 15 ASCII digits, the form the field stores, optionally grouped by commas in
/// threes (`86,400`, as the Dashboard's own documentation writes it). Fifteen digits stay below
/// [`MAX_VALUE`].
pub(super) fn bare_number(input: &str) -> Option<u64> {
    let mut v: u64 = 0;
    let mut digits = 0;
    let mut group = 0;
    let mut grouped = false;
    for &b in input.as_bytes() {
        if b.is_ascii_digit() {
            digits += 1;
            group += 1;
            if digits > 15 {
                return None;
            }
            v = v * 10 + u64::from(b - b'0');
        } else if b == b','
            && (if grouped {
                group == 3
            } else {
                (1..=3).contains(&group)
            })
        {
            grouped = true;
            group = 0;
        } else {
            return None;
        }
    }
    (digits > 0 && (!grouped || group == 3)).then_some(v)
}

/// A shortcut's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quick {
    /// Accepted: the number (seconds from this module's shortcuts; the field's unit from
    /// `parse::shortcut`).
    Value(u64),
    /// Certainly refused: the grammar explains why.
    Refused,
    /// Not certain either way: ask the grammar.
    Unsure,
}

#[cfg(test)]
impl Quick {
    /// The number, when accepted.
    pub(super) fn value(self) -> Option<u64> {
        match self {
            Quick::Value(s) => Some(s),
            _ => None,
        }
    }
}

/// Seconds for numbers with unit words, such as `1d 12h`, `1 day, 12 hours` or `1.5 days`: each
/// number at most 15 digits (and nine decimals) and a whole number of seconds, ASCII spaces and
/// one comma between parts, each unit once, nothing before or after. Also recognises two shapes
/// the grammar certainly refuses: a whole number of months or years (`1 month`, `2 yrs`) and a
/// number grouped by one dot (`86.400`).
pub(super) fn compound_seconds(input: &str) -> Quick {
    let b = input.as_bytes();
    let n = b.len();
    let skip_spaces = |mut i: usize| {
        while i < n && b[i] == b' ' {
            i += 1;
        }
        i
    };
    let mut i = 0;
    let mut total: u64 = 0;
    let mut seen: u8 = 0;
    loop {
        let Some(v) = digits(b, &mut i) else {
            return Quick::Unsure;
        };
        // Where the whole part ends: its length, for the first number (which starts at 0).
        let whole_end = i;
        // A decimal part (`1.5 days`), of at most nine digits: `frac / scale` of the unit.
        let (mut frac, mut scale) = (0u64, 1u64);
        if i + 1 < n && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < n && b[i].is_ascii_digit() {
                if scale == 1_000_000_000 {
                    return Quick::Unsure;
                }
                frac = frac * 10 + u64::from(b[i] - b'0');
                scale *= 10;
                i += 1;
            }
        }
        if i == n {
            // "86.400": a dot as a thousands separator or a decimal point; never guessed.
            let dot_grouped = seen == 0 && scale == 1_000 && whole_end <= 3;
            return if dot_grouped {
                Quick::Refused
            } else {
                Quick::Unsure
            };
        }
        let ws = skip_spaces(i);
        i = ws;
        // The word, packed as it is read.
        let mut key: u64 = 0;
        while i < n && b[i].is_ascii_alphabetic() {
            key = pack_letter(key, b[i]);
            i += 1;
        }
        // A lone capital M may mean months; the grammar decides from what came before.
        if i - ws > 8 || (i - ws == 1 && b[ws] == b'M') {
            return Quick::Unsure;
        }
        let Some(unit) = unit_from_packed(key) else {
            let month_or_year = seen == 0 && scale == 1 && i == n && key != 0;
            return if month_or_year && month_or_year_days(key).is_some() {
                Quick::Refused
            } else {
                Quick::Unsure
            };
        };
        if seen & unit.bit() != 0 {
            return Quick::Unsure;
        }
        seen |= unit.bit();
        let Some(sum) = v
            .checked_mul(unit.seconds())
            .and_then(|part| total.checked_add(part))
        else {
            return Quick::Unsure;
        };
        total = sum;
        if scale > 1 {
            // Whole seconds only; the grammar explains a fraction of a second.
            let part = frac * unit.seconds();
            if part % scale != 0 {
                return Quick::Unsure;
            }
            let Some(sum) = total.checked_add(part / scale) else {
                return Quick::Unsure;
            };
            total = sum;
        }
        if i == n {
            return if total <= MAX_VALUE {
                Quick::Value(total)
            } else {
                Quick::Unsure
            };
        }
        i = skip_spaces(i);
        if i < n && b[i] == b',' {
            i = skip_spaces(i + 1);
        }
        if i == n || !b[i].is_ascii_digit() {
            return Quick::Unsure;
        }
    }
}

/// Seconds for an ISO 8601 duration of whole numbers (`P1D`, `PT36H`, `P1DT2H30M`, `p2w`):
/// weeks and days, then `T` and hours, minutes and seconds, each at most once and in that order.
/// Years, months, fractions and anything else are left to the grammar, which explains them.
pub(super) fn iso_seconds(input: &str) -> Option<u64> {
    let b = input.as_bytes();
    if !matches!(b.first(), Some(b'P' | b'p')) {
        return None;
    }
    let n = b.len();
    let mut i = 1;
    let mut in_time = false;
    // The rank of the last designator: 1 W, 2 D, 3 H, 4 M, 5 S.
    let mut last = 0u8;
    let mut total: u64 = 0;
    while i < n {
        if matches!(b[i], b'T' | b't') {
            if in_time {
                return None;
            }
            in_time = true;
            i += 1;
            continue;
        }
        let v = digits(b, &mut i)?;
        if i == n {
            return None;
        }
        let (rank, seconds) = match (b[i].to_ascii_uppercase(), in_time) {
            (b'W', false) => (1, 604_800),
            (b'D', false) => (2, 86_400),
            (b'H', true) => (3, 3_600),
            (b'M', true) => (4, 60),
            (b'S', true) => (5, 1),
            _ => return None,
        };
        i += 1;
        if rank <= last {
            return None;
        }
        last = rank;
        total = total.checked_add(v.checked_mul(seconds)?)?;
    }
    // Nothing after the P, or a T with nothing after it: the grammar says what is missing.
    if last == 0 || (in_time && last < 3) {
        return None;
    }
    (total <= MAX_VALUE).then_some(total)
}

/// Seconds for clock notation: `H:MM` (hours and minutes) or `H:MM:SS`, hours of 1 to 15 digits,
/// minutes and seconds of exactly two digits below 60.
pub(super) fn clock_seconds(input: &str) -> Option<u64> {
    let b = input.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut total = digits(b, &mut i)?.checked_mul(3_600)?;
    // Minutes, then seconds: ":" and two digits below 60 each.
    for weight in [60, 1] {
        if i == n && weight == 1 {
            break;
        }
        let (Some(b':'), Some(&t), Some(&u)) = (b.get(i), b.get(i + 1), b.get(i + 2)) else {
            return None;
        };
        if !(b'0'..=b'5').contains(&t) || !u.is_ascii_digit() {
            return None;
        }
        total = total.checked_add(u64::from((t - b'0') * 10 + (u - b'0')) * weight)?;
        i += 3;
    }
    (i == n && total <= MAX_VALUE).then_some(total)
}

/// True for inputs the grammar certainly refuses, recognised without it (beyond what
/// [`compound_seconds`] recognises): nothing but spaces, a minus sign first, a number grouped by
/// dots (`2.592.000`). `false` means "ask the grammar", never "accepted"; a property test checks
/// that [`super::value`] answers as [`super::parse`] does.
pub(super) fn refused(input: &str) -> bool {
    let b = input.as_bytes();
    if b.iter().all(|&c| c == b' ') || b[0] == b'-' {
        return true;
    }
    b.iter().all(|&c| c.is_ascii_digit() || c == b'.')
        && b.contains(&b'.')
        && looks_dot_grouped(input)
}

/// The value of the 1 to 15 ASCII digits at `*i` (15 stay below [`MAX_VALUE`]), moving `*i`
/// past them; `None` when there is no digit or more than 15.
fn digits(b: &[u8], i: &mut usize) -> Option<u64> {
    let start = *i;
    let mut v: u64 = 0;
    while let Some(&d) = b.get(*i).filter(|d| d.is_ascii_digit()) {
        if *i - start == 15 {
            return None;
        }
        v = v * 10 + u64::from(d - b'0');
        *i += 1;
    }
    (*i > start).then_some(v)
}
