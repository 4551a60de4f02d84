//! Building messages without `format!`: a refusal is built on every keystroke that is wrong,
//! and the formatting machinery costs both time (a tenth of a microsecond per message) and
//! bytes of WebAssembly.

/// `parts` joined into one string, allocated once.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `parts` joined by `sep` (a part goes after `sep` unless nothing is written yet), without
/// collecting them first.
pub fn joined<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, sep: &str) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// Where `needle` first occurs in `haystack`: a plain scan, for the short texts of a page (labels,
/// addresses). `str::contains` with a `&str` brings in std's two-way searcher, 850 bytes of
/// The nearest character boundary at or before `at` (parsers report positions that may fall
/// inside a character).
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// WebAssembly in the module every Dashboard page loads.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    let n = needle.as_bytes();
    haystack.as_bytes().windows(n.len()).position(|w| w == n)
}

/// `text` with every `needle` replaced by `with`, searched as [`find`] does.
pub fn replace(text: &str, needle: &str, with: &str) -> String {
    if needle.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = find(rest, needle) {
        out.push_str(&rest[..i]);
        out.push_str(with);
        rest = &rest[i + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// The integer `s` writes: an optional sign and ASCII digits, as `str::parse::<i64>` reads it,
/// in one small function instead of one monomorph of std's parser per integer type.
pub fn int(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulated negatively, so that i64::MIN parses too.
    let mut v: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_sub(i64::from(d - b'0'))?;
    }
    if negative {
        Some(v)
    } else {
        v.checked_neg()
    }
}

/// Appends the decimal digits of `n`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.reserve(digits.len() - i);
    // ASCII digits: each is one byte of UTF-8, without a validation pass over them.
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

/// The decimal digits of `n`.
pub fn u64_string(n: u64) -> String {
    let mut out = String::with_capacity(20);
    push_u64(&mut out, n);
    out
}

/// A code point as Unicode writes it, without the `U+`: at least four upper-case hex digits.
pub fn code_point(c: char) -> String {
    let n = u32::from(c);
    let mut out = String::with_capacity(6);
    let mut shift = 20;
    while shift >= 16 && n >> shift == 0 {
        shift -= 4;
    }
    loop {
        out.push(char::from(
            b"0123456789ABCDEF"[((n >> shift) & 0xF) as usize],
        ));
        if shift == 0 {
            break;
        }
        shift -= 4;
    }
    out
}

/// The decimal digits of `n`, with a minus sign when it is negative.
pub fn i64_string(n: i64) -> String {
    let mut out = String::with_capacity(20);
    if n < 0 {
        out.push('-');
    }
    push_u64(&mut out, n.unsigned_abs());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_parts() {
        for n in [0, 7, 10, 86_400, u64::MAX] {
            assert_eq!(u64_string(n), n.to_string());
        }
        for c in [
            '\0',
            '\u{ad}',
            '\u{200b}',
            '\u{feff}',
            '\u{1f600}',
            '\u{10ffff}',
        ] {
            assert_eq!(code_point(c), format!("{:04X}", u32::from(c)));
        }
        for n in [0, -1, 42, i64::MIN, i64::MAX] {
            assert_eq!(i64_string(n), n.to_string());
        }
        assert_eq!(concat(&["“", "86.400", "” is"]), "“86.400” is");
        assert_eq!(concat(&[]), "");
        assert_eq!(joined("  a  b c ".split_whitespace(), " "), "a b c");
        for (hay, needle) in [
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("a/apis/b", "/apis/"),
            ("aaab", "ab"),
            ("ab", "abc"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(
                replace(hay, needle, "-"),
                if needle.is_empty() {
                    hay.to_string()
                } else {
                    hay.replace(needle, "-")
                }
            );
        }
        assert_eq!(replace("x (s) y (s)", "(s)", " "), "x   y  ");
        for s in [
            "",
            "0",
            "-0",
            "+7",
            "-",
            "+",
            "42",
            "-42",
            "1e3",
            "1.5",
            " 1",
            "any",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "٣",
        ] {
            assert_eq!(int(s), s.parse::<i64>().ok(), "{s:?}");
        }
    }
}
