//! A byte cursor over the input with the few character classes the language needs.

/// Non-ASCII characters accepted as spaces: no-break, thin, narrow no-break, figure and
/// en/em-quad-like spaces that word processors and the Dashboard's own number formatting insert.
pub(crate) fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Any character the language treats as a space.
pub(crate) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\r' || is_unicode_space(c)
}

/// Characters that render as nothing; pasted text often carries them.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
    )
}

/// The zero of every run of ten decimal digits outside ASCII (Unicode general category Nd, as of
/// Unicode 14): Arabic-Indic, Devanagari, full-width and the rest, which an input method or a
/// pasted document can put in a field. A table of 65 numbers instead of `char::is_numeric`,
/// whose tables of every numeric character were 586 B gzip of the content module.
const DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The ASCII digit a decimal digit of another script stands for (`'٨'` → `'8'`); `None` for
/// ASCII and for any other character.
pub(crate) fn foreign_digit(c: char) -> Option<char> {
    let c = u32::from(c);
    let zero = DIGIT_ZEROS.iter().rfind(|&&zero| zero <= c)?;
    char::from_digit(c - zero, 10)
}

/// The Unicode minus sign, which some keyboards and documents produce instead of `-`.
pub(crate) const UNICODE_MINUS: char = '\u{2212}';

/// `text[start..end]`, or "" for a range that is out of bounds or splits a character: the
/// parser never panics, and indexing would bring its panic machinery into the wasm.
pub(crate) fn sl(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// A cursor over `text[.. end]` that never panics: every read checks bounds.
pub(crate) struct Cursor<'a> {
    pub text: &'a str,
    pub pos: usize,
    pub end: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, start: usize, end: usize) -> Self {
        Cursor {
            text,
            pos: start,
            end,
        }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.end
    }

    /// The character at the cursor, if any.
    pub fn peek(&self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        // ASCII, nearly always: no slicing or UTF-8 decoding.
        match self.text.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text.get(self.pos..self.end)?.chars().next(),
        }
    }

    /// The character after the one at the cursor.
    pub fn peek2(&self) -> Option<char> {
        let mut it = self.text.get(self.pos..self.end)?.chars();
        it.next();
        it.next()
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if !is_space(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        self.pos > start
    }

    /// Consumes a run of ASCII digits and returns its byte range.
    pub fn digits(&mut self) -> (usize, usize) {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.pos += 1;
        }
        (start, self.pos)
    }

    /// Consumes a run of ASCII letters and returns its byte range.
    pub fn letters(&mut self) -> (usize, usize) {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        (start, self.pos)
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// True when the next bytes are exactly `n` ASCII digits not followed by another digit.
    pub fn exactly_digits_follow(&self, from: usize, n: usize) -> bool {
        let bytes = self.text.as_bytes();
        let end = from + n;
        end <= self.end
            && bytes[from..end].iter().all(u8::is_ascii_digit)
            && !(end < self.end && bytes[end].is_ascii_digit())
    }
}
