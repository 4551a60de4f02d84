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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_parts() {
        for n in [0, 7, 10, 86_400, u64::MAX] {
            assert_eq!(u64_string(n), n.to_string());
        }
        assert_eq!(concat(&["“", "86.400", "” is"]), "“86.400” is");
        assert_eq!(concat(&[]), "");
        assert_eq!(joined("  a  b c ".split_whitespace(), " "), "a b c");
    }
}
