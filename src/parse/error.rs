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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseError {
    pub kind: ErrorKind,
    /// Most messages are fixed sentences: borrowed, so that refusing costs no allocation.
    pub message: Cow<'static, str>,
    /// Byte offset of the first offending byte in the input as given (not trimmed).
    pub start: usize,
    /// Byte offset one past the last offending byte.
    pub end: usize,
    /// A corrected input the admin probably meant, to show as "did you mean …?".
    pub suggestion: Option<String>,
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
            message: message.into(),
            start,
            end,
            suggestion: None,
        }
    }

    pub(crate) fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }
}

impl ParseError {
    /// Appends the message and its suggestion, as `Display` writes them (without `core::fmt`,
    /// whose code the content module leaves out).
    pub fn write_to(&self, out: &mut String) {
        out.push_str(&self.message);
        if let Some(s) = &self.suggestion {
            for part in [" Did you mean “", s, "”?"] {
                out.push_str(part);
            }
        }
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
