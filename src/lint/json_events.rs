//! JSON read as the YAML reader's events, so that a JSON file becomes the same tree, with the same
//! positions, duplicate keys and streaming (see [`super::yaml::read_streaming`]).
//!
//! JSON is YAML, and saphyr reads it, but one minified line is one flow collection that could be
//! an implicit key until the line ends: saphyr's scanner holds every token of the file before the
//! first event, 470 MB for a 16 MB `GET /clients` dump. This reader emits each event as soon as
//! it is complete. Its refusals are brief: the caller explains a broken file in `serde_json`'s
//! words.

use saphyr_parser::{Event, Marker, ScalarStyle, ScanError, Span};
use std::borrow::Cow;

/// How deep arrays and objects may nest: serde_json's limit. Deeper JSON is refused here, as
/// saphyr and hcl-edit refuse deep YAML and HCL, rather than built into a tree whose recursive
/// walks and drop would overflow the stack (200,000 `[` did: exit 134 with no message).
pub const MAX_DEPTH: usize = 128;

/// What may come next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value (the document's, a member's after its colon, or an array item after a comma).
    Value,
    /// An array item or `]` (right after `[`).
    ValueOrEnd,
    /// A key or `}` (right after `{`).
    KeyOrEnd,
    /// A key (after a comma in an object).
    Key,
    Colon,
    CommaOrEnd,
    /// Nothing but whitespace.
    End,
    Done,
}

/// The events of a JSON text: stream and document start, the value's events, document and stream
/// end.
pub struct JsonEvents<'a> {
    text: &'a str,
    /// Byte offset: the markers carry it as their index (saphyr's count characters; the tree
    /// builder is told which, see `yaml::Offsets`), so nothing counts characters.
    pos: usize,
    line: usize,
    /// Open containers: `true` for an object.
    open: Vec<bool>,
    expect: Expect,
    /// Events due before the next token is read.
    pending: Vec<Event<'a>>,
}

impl<'a> JsonEvents<'a> {
    pub fn new(text: &'a str) -> Self {
        JsonEvents {
            text,
            pos: 0,
            line: 1,
            open: Vec::new(),
            expect: Expect::Value,
            // Popped from the end: the stream starts, then the document.
            pending: vec![Event::DocumentStart(false), Event::StreamStart],
        }
    }

    fn marker(&self) -> Marker {
        Marker::new(self.pos, self.line, 0)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Moves past one byte, counting lines.
    fn bump(&mut self) {
        if let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn error(&mut self, what: &str) -> Option<Result<(Event<'a>, Span), ScanError>> {
        self.expect = Expect::Done;
        Some(Err(ScanError::new_str(self.marker(), what)))
    }

    /// What follows a complete value.
    fn after_value(&self) -> Expect {
        if self.open.is_empty() {
            Expect::End
        } else {
            Expect::CommaOrEnd
        }
    }

    /// A one-byte event (`{`, `}`, `[`, `]`) at the current position.
    fn punctuation(&mut self, event: Event<'a>) -> Option<Result<(Event<'a>, Span), ScanError>> {
        let start = self.marker();
        self.bump();
        Some(Ok((event, Span::new(start, self.marker()))))
    }

    fn close(&mut self, object: bool) -> Option<Result<(Event<'a>, Span), ScanError>> {
        self.open.pop();
        self.expect = self.after_value();
        self.punctuation(if object {
            Event::MappingEnd
        } else {
            Event::SequenceEnd
        })
    }

    /// A string at `"`, its escapes decoded (borrowed when it has none).
    fn string(&mut self) -> Result<(Cow<'a, str>, Span), ScanError> {
        let start = self.marker();
        self.bump();
        let from = self.pos;
        let mut owned: Option<String> = None;
        loop {
            match self.peek() {
                None => return Err(ScanError::new_str(self.marker(), "unterminated string")),
                Some(b'"') => break,
                Some(b'\\') => {
                    let text = self.text;
                    let out = owned.get_or_insert_with(|| text[from..self.pos].to_string());
                    self.bump();
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(ScanError::new_str(self.marker(), "invalid escape")),
                    };
                    out.push(escaped);
                    self.bump();
                }
                Some(b) if b < 0x20 => {
                    return Err(ScanError::new_str(
                        self.marker(),
                        "control character in a string",
                    ))
                }
                Some(_) => {
                    let at = self.pos;
                    self.bump();
                    // Whole characters: continuation bytes follow their lead byte here.
                    while self.peek().is_some_and(|b| b & 0xC0 == 0x80) {
                        self.bump();
                    }
                    if let Some(out) = owned.as_mut() {
                        out.push_str(&self.text[at..self.pos]);
                    }
                }
            }
        }
        let value = match owned {
            Some(s) => Cow::Owned(s),
            None => Cow::Borrowed(&self.text[from..self.pos]),
        };
        self.bump();
        Ok((value, Span::new(start, self.marker())))
    }

    /// `\uXXXX` (at the `u`), a surrogate pair joined; a lone surrogate is U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, ScanError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text[self.pos..].starts_with("\\u") {
            self.bump();
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            return Ok(char::from_u32(second).unwrap_or('\u{fffd}'));
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }

    /// The four hex digits after a `u` (at the `u`).
    fn hex4(&mut self) -> Result<u32, ScanError> {
        self.bump();
        let digits = self.text.get(self.pos..self.pos + 4).unwrap_or("");
        let value = u32::from_str_radix(digits, 16)
            .ok()
            .filter(|_| digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| ScanError::new_str(self.marker(), "invalid \\u escape"))?;
        for _ in 0..4 {
            self.bump();
        }
        Ok(value)
    }

    /// A number, `true`, `false` or `null`, as a plain scalar (the tree reads it as YAML does).
    fn literal(&mut self) -> Option<Result<(Event<'a>, Span), ScanError>> {
        let start = self.marker();
        let from = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
        {
            self.bump();
        }
        let word = &self.text[from..self.pos];
        if !(matches!(word, "true" | "false" | "null") || is_json_number(word)) {
            return self.error("invalid value");
        }
        self.expect = self.after_value();
        let event = Event::Scalar(Cow::Borrowed(word), ScalarStyle::Plain, 0, None);
        Some(Ok((event, Span::new(start, self.marker()))))
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
fn is_json_number(word: &str) -> bool {
    let b = word.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let int_start = i;
    let int = digits(&mut i);
    if int == 0 || (int > 1 && b[int_start] == b'0') {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

impl<'a> Iterator for JsonEvents<'a> {
    type Item = Result<(Event<'a>, Span), ScanError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(event) = self.pending.pop() {
            let at = self.marker();
            return Some(Ok((event, Span::new(at, at))));
        }
        loop {
            self.skip_whitespace();
            let c = self.peek();
            match self.expect {
                Expect::Done => return None,
                Expect::End => {
                    if c.is_some() {
                        return self.error("characters after the value");
                    }
                    self.expect = Expect::Done;
                    self.pending.push(Event::StreamEnd);
                    let at = self.marker();
                    return Some(Ok((Event::DocumentEnd, Span::new(at, at))));
                }
                Expect::Colon => {
                    if c != Some(b':') {
                        return self.error("expected a colon");
                    }
                    self.bump();
                    self.expect = Expect::Value;
                }
                Expect::CommaOrEnd => {
                    let object = self.open.last().copied().unwrap_or(false);
                    match c {
                        Some(b',') => {
                            self.bump();
                            self.expect = if object { Expect::Key } else { Expect::Value };
                        }
                        Some(b'}') if object => return self.close(true),
                        Some(b']') if !object => return self.close(false),
                        _ => return self.error("expected a comma or the end of the container"),
                    }
                }
                Expect::KeyOrEnd | Expect::Key => return self.key(c),
                Expect::Value | Expect::ValueOrEnd => return self.value(c),
            }
        }
    }
}

impl<'a> JsonEvents<'a> {
    /// Where a key is expected (or, after `{`, the end of the object), at `c`.
    fn key(&mut self, c: Option<u8>) -> Option<Result<(Event<'a>, Span), ScanError>> {
        match c {
            Some(b'}') if self.expect == Expect::KeyOrEnd => self.close(true),
            Some(b'"') => self.quoted(Expect::Colon),
            _ => self.error("expected a key"),
        }
    }

    /// Where a value is expected (or, after `[`, the end of the array), at `c`.
    fn value(&mut self, c: Option<u8>) -> Option<Result<(Event<'a>, Span), ScanError>> {
        match c {
            Some(b']') if self.expect == Expect::ValueOrEnd => self.close(false),
            Some(b'{' | b'[') if self.open.len() == MAX_DEPTH => {
                self.error("arrays and objects nested more than 128 deep")
            }
            Some(b'{') => {
                self.open.push(true);
                self.expect = Expect::KeyOrEnd;
                self.punctuation(Event::MappingStart(0, None))
            }
            Some(b'[') => {
                self.open.push(false);
                self.expect = Expect::ValueOrEnd;
                self.punctuation(Event::SequenceStart(0, None))
            }
            Some(b'"') => {
                let next = self.after_value();
                self.quoted(next)
            }
            Some(_) => self.literal(),
            None => self.error("unexpected end of the text"),
        }
    }

    /// A string, as a key or a value; `next` is what is expected after it.
    fn quoted(&mut self, next: Expect) -> Option<Result<(Event<'a>, Span), ScanError>> {
        match self.string() {
            Ok((text, span)) => {
                self.expect = next;
                Some(Ok((
                    Event::Scalar(text, ScalarStyle::DoubleQuoted, 0, None),
                    span,
                )))
            }
            Err(e) => {
                self.expect = Expect::Done;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<String> {
        JsonEvents::new(text)
            .map(|e| match e {
                Ok((event, span)) => format!("{event:?}@{}", span.start.index()),
                Err(e) => format!("error@{}", e.marker().index()),
            })
            .collect()
    }

    #[test]
    fn the_events_of_a_document() {
        let got = events(r#"{"a": [1, "x\n", true], "é": null}"#);
        assert_eq!(got.first().map(String::as_str), Some("StreamStart@0"));
        assert!(got
            .iter()
            .any(|e| e.starts_with("MappingStart") && e.ends_with("@0")));
        assert!(got
            .iter()
            .any(|e| e.contains("\"x\\n\"") && e.ends_with("@10")));
        // Positions are byte offsets: "é" is two.
        assert!(got
            .iter()
            .any(|e| e.contains("\"é\"") && e.ends_with("@24")));
        assert_eq!(got.last().map(String::as_str), Some("StreamEnd@35"));
    }

    #[test]
    fn nesting_stops_at_the_limit() {
        let at_limit = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(!events(&at_limit).iter().any(|e| e.starts_with("error")));
        let mixed = format!(
            "{}{}",
            "{\"a\":[".repeat(MAX_DEPTH / 2),
            "]}".repeat(MAX_DEPTH / 2)
        );
        assert!(!events(&mixed).iter().any(|e| e.starts_with("error")));
        for deep in ["[", "{\"a\":"] {
            let text = deep.repeat(200_000);
            let got = events(&text);
            assert_eq!(
                got.last().map(String::as_str),
                Some(format!("error@{}", MAX_DEPTH * deep.chars().count()).as_str())
            );
            assert!(
                got.len() < MAX_DEPTH * 3,
                "stops at once: {} events",
                got.len()
            );
        }
    }

    #[test]
    fn refusals_stop_the_events() {
        for bad in [
            "",
            "{",
            "[1,]",
            r#"{"a" 1}"#,
            r#"{"a":1,}"#,
            "01",
            "1 2",
            r#""\x""#,
            "[tru]",
        ] {
            let got = events(bad);
            assert!(
                got.last().is_some_and(|e| e.starts_with("error")),
                "{bad}: {got:?}"
            );
        }
        for good in [
            "0",
            "-1.5e3",
            "[]",
            "{}",
            r#""\ud83d\ude00""#,
            "  [1, {\"a\": []}]  ",
        ] {
            assert!(
                !events(good).iter().any(|e| e.starts_with("error")),
                "{good}"
            );
        }
    }
}
