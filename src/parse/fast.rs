//! Shortcuts for the forms most admins type (`86400`, `24h`, `30 days`, `1d 12h`,
//! `1 day, 12 hours`). They answer only when the answer is certain and otherwise step aside for
//! the whole grammar, which also explains refusals; property tests check that both agree.

use super::MAX_VALUE;
use crate::unit::unit_from_word;

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

/// Seconds for whole numbers with unit words, such as `1d 12h` or `1 day, 12 hours`: each number
/// at most 15 digits, ASCII spaces and one comma between parts, each unit once, nothing before
/// or after. `None` means "ask the grammar", never "refused".
pub(super) fn compound_seconds(input: &str) -> Option<u64> {
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
        let start = i;
        let mut v: u64 = 0;
        while i < n && b[i].is_ascii_digit() {
            if i - start == 15 {
                return None;
            }
            v = v * 10 + u64::from(b[i] - b'0');
            i += 1;
        }
        if i == start {
            return None;
        }
        let ws = skip_spaces(i);
        i = ws;
        while i < n && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = input.get(ws..i)?;
        // A lone capital M may mean months; the grammar decides from what came before.
        if word == "M" {
            return None;
        }
        let unit = unit_from_word(word)?;
        if seen & unit.bit() != 0 {
            return None;
        }
        seen |= unit.bit();
        total = total.checked_add(v.checked_mul(unit.seconds())?)?;
        if i == n {
            return (total <= MAX_VALUE).then_some(total);
        }
        i = skip_spaces(i);
        if i < n && b[i] == b',' {
            i = skip_spaces(i + 1);
        }
        if i == n || !b[i].is_ascii_digit() {
            return None;
        }
    }
}
