//! A JSON text written in one pass, for the objects the content module hands to JavaScript (the
//! popup's status, the page report). One `JSON.parse` of a string costs the module far less code
//! than a `Reflect.set` per key, each with its key's string, its conversion and its error path.

/// A JSON text being written: keys and values in order, commas put in where they belong.
#[derive(Debug, Default)]
pub struct Json {
    out: String,
    /// A value was just completed: the next key or element needs a comma first.
    comma: bool,
}

impl Json {
    /// An empty text.
    pub fn new() -> Json {
        Json::default()
    }

    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        self.comma = false;
    }

    /// The key of the next value, inside an object.
    pub fn key(&mut self, key: &str) -> &mut Json {
        self.separate();
        self.quoted(key);
        self.out.push(':');
        self
    }

    /// Opens an object (`{`) or an array (`[`).
    pub fn open(&mut self, bracket: char) -> &mut Json {
        self.separate();
        self.out.push(bracket);
        self
    }

    /// Closes what [`Json::open`] opened (`}` or `]`).
    pub fn close(&mut self, bracket: char) -> &mut Json {
        self.out.push(bracket);
        self.comma = true;
        self
    }

    /// A string, escaped as JSON requires.
    pub fn str(&mut self, value: &str) -> &mut Json {
        self.separate();
        self.quoted(value);
        self.comma = true;
        self
    }

    /// A string, or `null`.
    pub fn opt_str(&mut self, value: Option<&str>) -> &mut Json {
        match value {
            Some(v) => self.str(v),
            None => self.raw("null"),
        }
    }

    /// `true` or `false`.
    pub fn bool(&mut self, value: bool) -> &mut Json {
        self.raw(if value { "true" } else { "false" })
    }

    /// A whole number (exact in JavaScript up to 2^53).
    pub fn num(&mut self, value: u64) -> &mut Json {
        self.separate();
        crate::text::push_u64(&mut self.out, value);
        self.comma = true;
        self
    }

    fn raw(&mut self, text: &str) -> &mut Json {
        self.separate();
        self.out.push_str(text);
        self.comma = true;
        self
    }

    fn quoted(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                c if u32::from(c) < 0x20 => {
                    self.out.push_str("\\u00");
                    for shift in [4, 0] {
                        let digit = (u32::from(c) >> shift) & 0xF;
                        self.out
                            .push(char::from(b"0123456789abcdef"[digit as usize]));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_arrays_and_escapes_read_back_as_written() {
        let mut j = Json::new();
        j.open('{');
        j.key("route").str("/dashboard/{…}/apis");
        j.key("page").opt_str(None);
        j.key("awkward")
            .str("a \"quoted\" \\ back\u{1}slash\n\u{2028}é");
        j.key("total").num(u64::from(u32::MAX) + 1);
        j.key("inputs").open('[');
        for (t, d) in [("number", true), ("text", false)] {
            j.open('{')
                .key("type")
                .str(t)
                .key("disabled")
                .bool(d)
                .close('}');
        }
        j.close(']');
        j.key("empty").open('[').close(']');
        j.close('}');
        let text = j.finish();
        let v: serde_json::Value = serde_json::from_str(&text).expect(&text);
        assert_eq!(
            v,
            serde_json::json!({
                "route": "/dashboard/{…}/apis",
                "page": null,
                "awkward": "a \"quoted\" \\ back\u{1}slash\n\u{2028}é",
                "total": 4_294_967_296u64,
                "inputs": [
                    {"type": "number", "disabled": true},
                    {"type": "text", "disabled": false},
                ],
                "empty": [],
            })
        );
    }
}
