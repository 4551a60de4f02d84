//! Errors of the input language: what went wrong, where, and what the admin probably meant.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The machine-readable kind of a parse error. Serialised in snake_case; the names are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Nothing was typed.
    Empty,
    /// A minus sign: lifetimes cannot be negative.
    Negative,
    /// Months or years: their length in seconds is ambiguous.
    MonthOrYear,
    /// An upper-case `M` on its own: months (ISO 8601) or minutes?
    AmbiguousUnit,
    /// The value does not fit in a safe integer.
    TooLarge,
    /// A character outside the language: non-ASCII digits, invisible characters, emoji, symbols.
    InvalidCharacter,
    /// `86.400`: a dot used as a thousands separator, or a decimal? Refused, not guessed.
    AmbiguousSeparator,
    /// A number whose separators are misplaced (`8,64,00`, `1,5`).
    BadNumber,
    /// The value is not a whole number of the field's unit (`1.5s`).
    NotWhole,
    /// The same unit appears twice (`1h 2h`).
    DuplicateUnit,
    /// A word that is not a unit the language knows.
    UnknownUnit,
    /// A number without a unit inside a compound (`1d 12`).
    MissingUnit,
    /// A unit, separator or the end where a number was expected.
    MissingNumber,
    /// A malformed clock value (`1:5`, `1:75`).
    BadClock,
    /// A malformed ISO 8601 duration (`PT`, `P1H`).
    BadIso,
}

impl ErrorKind {
    /// The stable snake_case name, identical to the serialised form.
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::Negative => "negative",
            ErrorKind::MonthOrYear => "month_or_year",
            ErrorKind::AmbiguousUnit => "ambiguous_unit",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::InvalidCharacter => "invalid_character",
            ErrorKind::AmbiguousSeparator => "ambiguous_separator",
            ErrorKind::BadNumber => "bad_number",
            ErrorKind::NotWhole => "not_whole",
            ErrorKind::DuplicateUnit => "duplicate_unit",
            ErrorKind::UnknownUnit => "unknown_unit",
            ErrorKind::MissingUnit => "missing_unit",
            ErrorKind::MissingNumber => "missing_number",
            ErrorKind::BadClock => "bad_clock",
            ErrorKind::BadIso => "bad_iso",
        }
    }
}

/// A refusal of the input: kind, one-sentence message, the byte range of the offending text in
/// the original input, and a corrected input when one is likely.
///
/// The message and the suggestion are written when asked for ([`ParseError::message`],
/// [`ParseError::suggestion`], [`ParseError::write_to`]): the refusals admins type most (`1 month`,
/// `86.400`) are made without allocating, so refusing costs what accepting does. Two errors are
/// equal when everything they say is.
#[derive(Debug, Clone)]
pub struct ParseError {
    pub kind: ErrorKind,
    /// Byte offset of the first offending byte in the input as given (not trimmed).
    pub start: usize,
    /// Byte offset one past the last offending byte.
    pub end: usize,
    message: Message,
    suggestion: Suggestion,
}

/// What a message is made of.
#[derive(Debug, Clone)]
enum Message {
    /// Written when the refusal was made; most are fixed sentences, borrowed.
    Text(Cow<'static, str>),
    /// A number grouped by one dot (`86.400`), explained when asked.
    DotGrouped(Short),
}

/// What a suggestion is made of.
#[derive(Debug, Clone)]
enum Suggestion {
    None,
    Text(String),
    /// A number of days: `30d`.
    Days(u64),
    /// A number grouped by dots, suggested with commas instead (`86,400`).
    Commas(Short),
}

/// An ASCII text of at most [`Short::CAPACITY`] bytes, kept without allocating: the bytes, then
/// the length in the last one.
///
/// Assembled in a register and stored whole, aligned: copied into place byte by byte, the error
/// that carries it was read back in words straddling those small stores, and each such read
/// waited for them (measured: `86.400` refused in 32 ns, of which 23 after the shortcut).
#[derive(Debug, Clone, Copy)]
#[repr(align(8))]
pub(super) struct Short {
    bytes: [u8; Short::CAPACITY + 1],
}

impl Short {
    const CAPACITY: usize = 15;

    /// `text` when it is ASCII and short enough.
    pub(super) fn new(text: &str) -> Option<Short> {
        let b = text.as_bytes();
        if b.len() > Short::CAPACITY || !b.is_ascii() {
            return None;
        }
        // Two words, little-endian: bytes 0-7, then bytes 8-14 and the length.
        let mut words = [0u64, (b.len() as u64) << 56];
        for (i, &c) in b.iter().enumerate() {
            words[i / 8] |= u64::from(c) << (8 * (i % 8));
        }
        let mut bytes = [0; Short::CAPACITY + 1];
        bytes[..8].copy_from_slice(&words[0].to_le_bytes());
        bytes[8..].copy_from_slice(&words[1].to_le_bytes());
        Some(Short { bytes })
    }

    fn as_str(&self) -> &str {
        let len = usize::from(self.bytes[Short::CAPACITY]);
        // Copied from a `&str` of ASCII bytes: always valid UTF-8, so the default never shows.
        std::str::from_utf8(&self.bytes[..len]).unwrap_or_default()
    }
}

/// The explanation of a number grouped by dots, `body`.
pub(super) fn write_dot_grouped(body: &str, out: &mut String) {
    for part in [
        "“",
        body,
        "” is ambiguous: the dot could separate thousands or start decimals. Write ",
    ] {
        out.push_str(part);
    }
    write_commas(body, out);
    for part in [
        " for thousands, or add a unit to a decimal (such as ",
        body,
        " h).",
    ] {
        out.push_str(part);
    }
}

/// `days` as a suggestion: `30d`.
fn write_days(days: u64, out: &mut String) {
    crate::text::push_u64(out, days);
    out.push('d');
}

/// `body` with its dots written as commas.
fn write_commas(body: &str, out: &mut String) {
    out.extend(body.chars().map(|c| if c == '.' { ',' } else { c }));
}

impl ParseError {
    pub(crate) fn new(
        kind: ErrorKind,
        start: usize,
        end: usize,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        ParseError {
            kind,
            start,
            end,
            message: Message::Text(message.into()),
            suggestion: Suggestion::None,
        }
    }

    /// The refusal of a number grouped by dots, `body`, at `[start, end)`, suggesting commas.
    pub(super) fn dot_grouped(body: &str, start: usize, end: usize) -> Self {
        let (message, suggestion) = match Short::new(body) {
            Some(s) => (Message::DotGrouped(s), Suggestion::Commas(s)),
            None => {
                let mut text = String::new();
                write_dot_grouped(body, &mut text);
                let mut commas = String::with_capacity(body.len());
                write_commas(body, &mut commas);
                (Message::Text(text.into()), Suggestion::Text(commas))
            }
        };
        ParseError {
            kind: ErrorKind::AmbiguousSeparator,
            start,
            end,
            message,
            suggestion,
        }
    }

    pub(crate) fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Suggestion::Text(suggestion.into());
        self
    }

    /// Suggests `days` days (`30d`).
    pub(super) fn suggest_days(mut self, days: u64) -> Self {
        self.suggestion = Suggestion::Days(days);
        self
    }

    /// The suggested number of days, when the suggestion is one.
    pub(super) fn suggested_days(&self) -> Option<u64> {
        match self.suggestion {
            Suggestion::Days(n) => Some(n),
            _ => None,
        }
    }

    /// Takes the suggestion back (it did not parse itself).
    pub(super) fn drop_suggestion(&mut self) {
        self.suggestion = Suggestion::None;
    }

    /// The one-sentence explanation.
    pub fn message(&self) -> Cow<'_, str> {
        match &self.message {
            Message::Text(t) => Cow::Borrowed(t),
            Message::DotGrouped(s) => {
                let mut out = String::new();
                write_dot_grouped(s.as_str(), &mut out);
                Cow::Owned(out)
            }
        }
    }

    /// A corrected input the admin probably meant, to show as "did you mean …?".
    pub fn suggestion(&self) -> Option<Cow<'_, str>> {
        match &self.suggestion {
            Suggestion::None => None,
            Suggestion::Text(t) => Some(Cow::Borrowed(t)),
            Suggestion::Days(_) | Suggestion::Commas(_) => {
                let mut out = String::new();
                self.write_suggestion(&mut out);
                Some(Cow::Owned(out))
            }
        }
    }

    /// Appends the suggestion, if there is one.
    fn write_suggestion(&self, out: &mut String) -> bool {
        match &self.suggestion {
            Suggestion::None => return false,
            Suggestion::Text(t) => out.push_str(t),
            Suggestion::Days(n) => write_days(*n, out),
            Suggestion::Commas(s) => write_commas(s.as_str(), out),
        }
        true
    }

    /// Appends the message and its suggestion, as `Display` writes them (without `core::fmt`,
    /// whose code the content module leaves out).
    pub fn write_to(&self, out: &mut String) {
        match &self.message {
            Message::Text(t) => out.push_str(t),
            Message::DotGrouped(s) => write_dot_grouped(s.as_str(), out),
        }
        if !matches!(self.suggestion, Suggestion::None) {
            out.push_str(" Did you mean “");
            self.write_suggestion(out);
            out.push_str("”?");
        }
    }
}

impl PartialEq for ParseError {
    fn eq(&self, other: &Self) -> bool {
        (self.kind, self.start, self.end) == (other.kind, other.start, other.end)
            && self.message() == other.message()
            && self.suggestion() == other.suggestion()
    }
}

impl Eq for ParseError {}

impl Serialize for ParseError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("ParseError", 5)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("message", &self.message())?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("suggestion", &self.suggestion())?;
        st.end()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

impl std::error::Error for ParseError {}
