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
