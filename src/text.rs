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
    // One copy of ASCII digits, not a character at a time.
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
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
    }
}
