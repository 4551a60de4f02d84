//! Deploy CLI keyword replacement: `@@KEY@@` becomes the value as JSON, `##KEY##` the value as
//! raw text, in the file's text before it is parsed — as the Deploy CLI does. Positions in the
//! substituted text map back to the file as written.

use std::collections::BTreeMap;

/// Keyword values, from the Deploy CLI's `config.json` (`AUTH0_KEYWORD_REPLACE_MAPPINGS`) or a
/// plain JSON map.
#[derive(Debug, Default, Clone)]
pub struct Keywords(pub BTreeMap<String, serde_json::Value>);

impl Keywords {
    /// Reads a keywords file.
    pub fn from_json(text: &str) -> Result<Keywords, String> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let map = v
            .get("AUTH0_KEYWORD_REPLACE_MAPPINGS")
            .unwrap_or(&v)
            .as_object()
            .ok_or("expected a JSON object of keyword values (or a Deploy CLI config.json with AUTH0_KEYWORD_REPLACE_MAPPINGS)")?;
        Ok(Keywords(
            map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        ))
    }
}

/// One replacement: `[from, from + len)` of the original became `[to, to + new_len)`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    from: usize,
    len: usize,
    to: usize,
    new_len: usize,
}

/// The substituted text and the way back to the original's offsets.
#[derive(Debug, Clone, Default)]
pub struct Substituted {
    /// The text with its placeholders replaced; `None` when nothing was (the original stands,
    /// not a copy of it: an export runs to megabytes).
    replaced: Option<String>,
    edits: Vec<Edit>,
}

impl Substituted {
    /// The text unchanged.
    pub fn unchanged() -> Substituted {
        Substituted::default()
    }

    /// The substituted text of `original` (the text this was made from).
    pub fn text<'a>(&'a self, original: &'a str) -> &'a str {
        self.replaced.as_deref().unwrap_or(original)
    }

    /// An offset of the substituted text as an offset of the original. Inside a replacement it
    /// is the replacement's start (the placeholder as written).
    pub fn original(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for e in &self.edits {
            if offset < e.to {
                break;
            }
            if offset < e.to + e.new_len {
                return e.from;
            }
            shift = (e.from + e.len) as isize - (e.to + e.new_len) as isize;
        }
        (offset as isize + shift).max(0) as usize
    }

    /// A span of the substituted text in the original.
    pub fn span(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.original(r.start);
        let end = if r.end > r.start {
            // The end of a replacement maps to the end of its placeholder.
            let last = r.end - 1;
            match self
                .edits
                .iter()
                .find(|e| last >= e.to && last < e.to + e.new_len)
            {
                Some(e) => e.from + e.len,
                None => self.original(last) + 1,
            }
        } else {
            start
        };
        start..end.max(start)
    }
}

/// A placeholder found in a text: `@@KEY@@` or `##KEY##`, with its byte offset.
pub fn placeholders(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for mark in ["@@", "##"] {
        let mut i = 0;
        while let Some(p) = text[i..].find(mark) {
            let start = i + p;
            let rest = &text[start + 2..];
            let name_len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if name_len > 0 && rest[name_len..].starts_with(mark) {
                out.push((start, format!("{mark}{}{mark}", &rest[..name_len])));
                i = start + 4 + name_len;
            } else {
                i = start + 2;
            }
            if i >= text.len() {
                break;
            }
        }
    }
    out.sort();
    out
}

/// Replaces every placeholder whose key has a value.
pub fn substitute(text: &str, keywords: &Keywords) -> Substituted {
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    for (at, placeholder) in placeholders(text) {
        let key = &placeholder[2..placeholder.len() - 2];
        let Some(value) = keywords.0.get(key) else {
            continue;
        };
        let replacement = if placeholder.starts_with("@@") {
            value.to_string()
        } else {
            match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            }
        };
        out.push_str(&text[copied..at]);
        edits.push(Edit {
            from: at,
            len: placeholder.len(),
            to: out.len(),
            new_len: replacement.len(),
        });
        out.push_str(&replacement);
        copied = at + placeholder.len();
    }
    if edits.is_empty() {
        return Substituted::unchanged();
    }
    out.push_str(&text[copied..]);
    Substituted {
        replaced: Some(out),
        edits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_maps_back() {
        let k = Keywords::from_json(
            r#"{"AUTH0_KEYWORD_REPLACE_MAPPINGS": {"TL": 86400, "NAME": "My API", "WEB": "7200"}}"#,
        )
        .expect("keywords");
        let text = "name: ##NAME##\ntoken_lifetime: @@TL@@\nweb: ##WEB##\nkeep: @@NOPE@@\n";
        let s = substitute(text, &k);
        assert_eq!(
            s.text(text),
            "name: My API\ntoken_lifetime: 86400\nweb: 7200\nkeep: @@NOPE@@\n"
        );
        let at = s.text(text).find("86400").expect("value");
        assert_eq!(
            s.span(at..at + 5),
            text.find("@@TL@@").map(|p| p..p + 6).expect("p")
        );
        let keep = s.text(text).find("keep").expect("keep");
        assert_eq!(s.original(keep), text.find("keep").expect("k"));
        assert_eq!(
            placeholders("a: @@X@@ # ##Y_1## @@ ##"),
            vec![(3, "@@X@@".into()), (11, "##Y_1##".into())]
        );
    }
}
