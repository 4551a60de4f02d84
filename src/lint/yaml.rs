//! YAML (and so JSON, which YAML 1.2 contains) into a [`Node`] tree with byte spans, from
//! saphyr's event stream and its position markers.

use super::tree::{Entry, Node, Value};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::ops::Range;

/// Why a file could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    /// Byte offset of the problem.
    pub at: usize,
}

/// A key a mapping sets more than once. Only the last value counts, as JSON readers and Terraform
/// take it; `at` is the byte offset of the earlier key, which is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub key: String,
    pub at: usize,
}

/// A marker's index → byte offset. saphyr's markers count characters; the JSON reader's are byte
/// offsets already.
struct Offsets<'a> {
    text: &'a str,
    /// Markers are byte offsets: ASCII text, or the JSON reader's events.
    bytes: bool,
    /// Byte offset of every character, built only for saphyr's markers in non-ASCII text.
    table: Vec<usize>,
}

impl<'a> Offsets<'a> {
    /// For saphyr's markers, which count characters.
    fn chars(text: &'a str) -> Self {
        let bytes = text.is_ascii();
        let table = if bytes {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        Offsets { text, bytes, table }
    }

    /// For markers that are byte offsets.
    fn bytes(text: &'a str) -> Self {
        Offsets {
            text,
            bytes: true,
            table: Vec::new(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.bytes {
            char_index.min(self.text.len())
        } else {
            self.table
                .get(char_index)
                .copied()
                .unwrap_or(self.text.len())
        }
    }

    fn span(&self, s: &Span) -> Range<usize> {
        self.byte(s.start.index())..self.byte(s.end.index())
    }
}

enum Frame {
    Map {
        start: usize,
        entries: Vec<Entry>,
        key: Option<(String, Range<usize>)>,
    },
    Seq {
        start: usize,
        items: Vec<Node>,
    },
}

/// Texts at least this long are scanned on a thread of their own while the tree is built.
#[cfg(not(target_arch = "wasm32"))]
const PIPELINE_MIN: usize = 256 * 1024;

/// Events handed from the scanning thread to the building one at a time.
#[cfg(not(target_arch = "wasm32"))]
const BATCH: usize = 2048;

/// Reads the first document of `text`; a key set twice in a mapping goes to `duplicates`.
pub fn read(text: &str, duplicates: &mut Vec<Duplicate>) -> Result<Node, ReadError> {
    read_streaming(text, &[], &mut |_, _| {}, duplicates)
}

/// Reads the first document of `text`, handing each element of the top-level sequences named in
/// `streamed` to `hand_off` (with the sequence's key) as soon as it is complete, instead of
/// keeping it in the tree, where those sequences are left empty; `""` names a sequence that is
/// the root itself. A large export is then checked
/// while it is read and never held whole: on a 4 MB file the memory a whole tree takes (and the
/// first touch of it) cost more than building it.
pub fn read_streaming(
    text: &str,
    streamed: &[&str],
    hand_off: &mut dyn FnMut(&str, Node),
    duplicates: &mut Vec<Duplicate>,
) -> Result<Node, ReadError> {
    #[cfg(not(target_arch = "wasm32"))]
    if text.len() >= PIPELINE_MIN {
        return read_pipelined(text, streamed, hand_off, duplicates);
    }
    build(
        Offsets::chars(text),
        Parser::new_from_str(text),
        streamed,
        hand_off,
        duplicates,
    )
}

/// [`read_streaming`] for a JSON text, read by [`super::json_events`]: each event as soon as it
/// is complete, where saphyr would hold a minified file's every token first.
pub fn read_json_streaming(
    text: &str,
    streamed: &[&str],
    hand_off: &mut dyn FnMut(&str, Node),
    duplicates: &mut Vec<Duplicate>,
) -> Result<Node, ReadError> {
    build(
        Offsets::bytes(text),
        super::json_events::JsonEvents::new(text),
        streamed,
        hand_off,
        duplicates,
    )
}

/// [`read`] on two cores: saphyr's scanner (the larger half of the work on a big export) runs on
/// a thread of its own and hands its events over in batches; this thread builds the tree.
#[cfg(not(target_arch = "wasm32"))]
fn read_pipelined(
    text: &str,
    streamed: &[&str],
    hand_off: &mut dyn FnMut(&str, Node),
    duplicates: &mut Vec<Duplicate>,
) -> Result<Node, ReadError> {
    type Batch<'a> = Vec<Result<(Event<'a>, Span), saphyr_parser::ScanError>>;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<'_>>(8);
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for event in Parser::new_from_str(text) {
                let failed = event.is_err();
                batch.push(event);
                if batch.len() == BATCH || failed {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // A closed channel: the builder has what it needs (the first document).
                    if tx.send(full).is_err() || failed {
                        return;
                    }
                }
            }
            let _ = tx.send(batch);
        });
        build(
            Offsets::chars(text),
            rx.into_iter().flatten(),
            streamed,
            hand_off,
            duplicates,
        )
    })
}

/// The tree of the first document, from saphyr's events (see [`read_streaming`] for `streamed`).
fn build<'a>(
    offsets: Offsets<'a>,
    events: impl Iterator<Item = Result<(Event<'a>, Span), saphyr_parser::ScanError>>,
    streamed: &[&str],
    hand_off: &mut dyn FnMut(&str, Node),
    duplicates: &mut Vec<Duplicate>,
) -> Result<Node, ReadError> {
    let mut tree = Tree::default();
    for event in events {
        let (event, span) = event.map_err(|e| ReadError {
            message: e.info().to_string(),
            at: offsets.byte(e.marker().index()),
        })?;
        if matches!(event, Event::DocumentEnd) && tree.root.is_some() {
            break;
        }
        let range = offsets.span(&span);
        if let Some(node) = tree.complete(event, range, duplicates) {
            tree.place(node, offsets.text, streamed, hand_off);
        }
    }
    Ok(tree.root.unwrap_or(Node::new(0..0, Value::Null)))
}

/// The tree being built from a document's events: the mappings and sequences open, the anchors
/// met, and the root once complete.
#[derive(Default)]
struct Tree {
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: Vec<(usize, Node)>,
    /// The anchor of each open mapping or sequence.
    pending_anchor: Vec<Option<usize>>,
}

impl Tree {
    /// The node an event completes (a scalar, an alias, the end of a mapping or sequence);
    /// `None` for an event that opens one or says nothing of the tree.
    fn complete(
        &mut self,
        event: Event<'_>,
        range: Range<usize>,
        duplicates: &mut Vec<Duplicate>,
    ) -> Option<Node> {
        match event {
            Event::MappingStart(anchor, _) => {
                self.stack.push(Frame::Map {
                    start: range.start,
                    entries: Vec::new(),
                    key: None,
                });
                self.pending_anchor.push((anchor > 0).then_some(anchor));
                None
            }
            Event::SequenceStart(anchor, _) => {
                self.stack.push(Frame::Seq {
                    start: range.start,
                    items: Vec::new(),
                });
                self.pending_anchor.push((anchor > 0).then_some(anchor));
                None
            }
            Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Map { start, entries, .. }) => {
                    let entries = last_of_each_key(merge_keys(entries), duplicates);
                    let node = Node::new(start..range.end.max(start), Value::Map(entries));
                    remember(
                        &mut self.anchors,
                        self.pending_anchor.pop().flatten(),
                        &node,
                    );
                    Some(node)
                }
                _ => None,
            },
            Event::SequenceEnd => match self.stack.pop() {
                Some(Frame::Seq { start, items }) => {
                    let node = Node::new(start..range.end.max(start), Value::Seq(items));
                    remember(
                        &mut self.anchors,
                        self.pending_anchor.pop().flatten(),
                        &node,
                    );
                    Some(node)
                }
                _ => None,
            },
            Event::Scalar(value, style, anchor, _) => {
                let node = Node::new(range, scalar(value, style));
                remember(&mut self.anchors, (anchor > 0).then_some(anchor), &node);
                Some(node)
            }
            Event::Alias(id) => Some(match self.anchors.iter().rev().find(|(a, _)| *a == id) {
                Some((_, n)) => Node::new(range, n.value.clone()),
                None => Node::new(range, Value::Null),
            }),
            _ => None,
        }
    }

    /// Puts a complete node where it belongs: handed over when it is an item of a streamed
    /// sequence, else a mapping's key or value, a sequence's item, or the root.
    fn place(
        &mut self,
        node: Node,
        text: &str,
        streamed: &[&str],
        hand_off: &mut dyn FnMut(&str, Node),
    ) {
        if let [Frame::Map {
            key: Some((k, _)), ..
        }, Frame::Seq { .. }] = self.stack.as_slice()
        {
            if streamed.contains(&k.as_str()) {
                hand_off(k, node);
                return;
            }
        }
        // The items of a sequence at the root (a Management API answer), when "" is streamed.
        if let [Frame::Seq { .. }] = self.stack.as_slice() {
            if streamed.contains(&"") {
                hand_off("", node);
                return;
            }
        }
        match self.stack.last_mut() {
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some((k, key_span)) => entries.push(Entry {
                    key: k,
                    key_span,
                    value: node,
                }),
                None => {
                    let span = node.span;
                    let k = match node.value {
                        Value::Str(s) => s,
                        Value::Num(_) => text.get(span.clone()).unwrap_or_default().to_string(),
                        Value::Bool(b) => b.to_string(),
                        _ => String::new(),
                    };
                    *key = Some((k, span));
                }
            },
            Some(Frame::Seq { items, .. }) => items.push(node),
            None => self.root = Some(node),
        }
    }
}

/// A mapping's entries with its merge keys applied (`<<: *defaults`, `<<: [*a, *b]`), as js-yaml,
/// the Deploy CLI's reader, applies them: the merged mappings' entries that the mapping does not
/// set itself, the earlier mapping first. Merged values keep their place in the file.
fn merge_keys(entries: Vec<Entry>) -> Vec<Entry> {
    if !entries.iter().any(|e| e.key == "<<") {
        return entries;
    }
    let (merges, mut own): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| e.key == "<<");
    for merge in merges {
        let sources = match merge.value.value {
            Value::Seq(items) => items,
            value => vec![Node::new(merge.value.span, value)],
        };
        for source in sources {
            let Value::Map(inherited) = source.value else {
                continue;
            };
            for e in inherited {
                if !own.iter().any(|o| o.key == e.key) {
                    own.push(e);
                }
            }
        }
    }
    own
}

/// A mapping's entries with each key once, at its last value; the earlier ones are reported.
fn last_of_each_key(entries: Vec<Entry>, duplicates: &mut Vec<Duplicate>) -> Vec<Entry> {
    let n = entries.len();
    // Most mappings are small: comparing keys pairwise costs less than hashing them.
    let repeated = |i: usize| entries[i + 1..].iter().any(|e| e.key == entries[i].key);
    let keep: Vec<bool> = if n <= 16 {
        (0..n).map(|i| !repeated(i)).collect()
    } else {
        let mut seen = std::collections::HashSet::with_capacity(n);
        let mut keep: Vec<bool> = (0..n)
            .rev()
            .map(|i| seen.insert(entries[i].key.as_str()))
            .collect();
        keep.reverse();
        keep
    };
    if keep.iter().all(|&k| k) {
        return entries;
    }
    let mut out = Vec::with_capacity(n);
    for (e, keep) in entries.into_iter().zip(keep) {
        if keep {
            out.push(e);
        } else {
            duplicates.push(Duplicate {
                key: e.key,
                at: e.key_span.start,
            });
        }
    }
    out
}

fn remember(anchors: &mut Vec<(usize, Node)>, anchor: Option<usize>, node: &Node) {
    if let Some(a) = anchor {
        anchors.push((a, node.clone()));
    }
}

/// A scalar as the YAML 1.2 core schema reads it: plain scalars may be null, booleans or
/// numbers; quoted and block scalars are strings.
fn scalar(text: std::borrow::Cow<'_, str>, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::Str(text.into_owned());
    }
    match &*text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    // The core schema's octal and hexadecimal integers (`0o14`, `0x15180`).
    for (prefix, radix) in [("0x", 16), ("0o", 8)] {
        if let Some(digits) = text.strip_prefix(prefix) {
            if let Ok(n) = u64::from_str_radix(digits, radix) {
                return Value::Num(n as f64);
            }
        }
    }
    // Only what looks like a number is parsed as one (most scalars are names and URLs).
    let numeric = text
        .trim_start_matches(['-', '+'])
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && text.bytes().any(|b| b.is_ascii_digit());
    match numeric.then(|| text.parse::<f64>()) {
        Some(Ok(n)) if n.is_finite() => Value::Num(n),
        _ => Value::Str(text.into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_schema_integers_in_other_bases() {
        assert_eq!(
            scalar("0x15180".into(), ScalarStyle::Plain),
            Value::Num(86_400.0)
        );
        assert_eq!(
            scalar("0o250600".into(), ScalarStyle::Plain),
            Value::Num(86_400.0)
        );
        assert_eq!(
            scalar("0x15180".into(), ScalarStyle::DoubleQuoted),
            Value::Str("0x15180".into())
        );
        assert_eq!(
            scalar("0xZZ".into(), ScalarStyle::Plain),
            Value::Str("0xZZ".into())
        );
    }

    #[test]
    fn spans_point_at_the_values() {
        let text = "tenant:\n  session_lifetime: 168\n  friendly_name: 'Ünïcode Co'\nresourceServers:\n  - name: API\n    token_lifetime: 86400\n";
        let root = read(text, &mut Vec::new()).expect("reads");
        let v = root.at("tenant.session_lifetime").expect("found");
        assert_eq!(&text[v.span.clone()], "168");
        assert_eq!(v.value, Value::Num(168.0));
        let rs = root.get("resourceServers").expect("seq").items();
        let t = rs[0].get("token_lifetime").expect("found");
        assert_eq!(&text[t.span.clone()], "86400");
    }

    #[test]
    fn json_too() {
        let text = "{\"name\": \"x\", \"token_lifetime\": \"86400\", \"jwt_configuration\": {\"lifetime_in_seconds\": 36000}}";
        let root = read(text, &mut Vec::new()).expect("reads");
        assert_eq!(
            root.get("token_lifetime").map(|n| n.value.clone()),
            Some(Value::Str("86400".into()))
        );
        let l = root
            .at("jwt_configuration.lifetime_in_seconds")
            .expect("found");
        assert_eq!(&text[l.span.clone()], "36000");
    }

    #[test]
    fn errors_say_where() {
        let e = read("a: [1, 2\nb: 3\n", &mut Vec::new()).expect_err("broken");
        assert!(!e.message.is_empty());
    }

    /// The elements of the streamed sequences are handed over in the file's order, as the tree
    /// would have held them, and the tree keeps the keys with empty sequences; other sequences
    /// (nested ones included) stay in the tree.
    #[test]
    fn streamed_elements_are_handed_over_in_order() {
        let text = "clients:\n  - name: A\n    callbacks: [x]\n  - name: B\ntenant:\n  flags: [1]\nresourceServers:\n  - name: R\nother: [1, 2]\n";
        let whole = read(text, &mut Vec::new()).expect("reads");
        let mut handed = Vec::new();
        let root = read_streaming(
            text,
            &["resourceServers", "clients"],
            &mut |k, n| handed.push((k.to_string(), n)),
            &mut Vec::new(),
        )
        .expect("reads");
        let expected: Vec<(String, Node)> =
            [("clients", 0), ("clients", 1), ("resourceServers", 0)]
                .iter()
                .map(|&(k, i)| (k.to_string(), whole.get(k).expect("seq").items()[i].clone()))
                .collect();
        assert_eq!(handed, expected);
        assert_eq!(root.get("clients").map(|n| n.items().len()), Some(0));
        assert_eq!(
            root.get("resourceServers").map(|n| n.items().len()),
            Some(0)
        );
        assert_eq!(root.get("tenant"), whole.get("tenant"));
        assert_eq!(root.get("other"), whole.get("other"));
    }

    /// A text long enough to be read on two threads gives the same tree, and the same error at
    /// the same place, as the one-thread reader.
    #[test]
    fn two_threads_read_what_one_reads() {
        let mut text = String::from("tenant:\n  session_lifetime: 168\nclients:\n");
        while text.len() < 2 * PIPELINE_MIN {
            let i = text.len();
            text += &format!("  - name: App {i}\n    jwt_configuration:\n      lifetime_in_seconds: {i}\n    callbacks: [\"https://a{i}.example/\"]\n");
        }
        let one = build(
            Offsets::chars(&text),
            Parser::new_from_str(&text),
            &[],
            &mut |_, _| {},
            &mut Vec::new(),
        )
        .expect("reads");
        assert_eq!(read(&text, &mut Vec::new()).expect("reads"), one);
        let broken = format!("{text}  - name: [unclosed\n");
        let one = build(
            Offsets::chars(&broken),
            Parser::new_from_str(&broken),
            &[],
            &mut |_, _| {},
            &mut Vec::new(),
        )
        .expect_err("broken");
        assert_eq!(read(&broken, &mut Vec::new()).expect_err("broken"), one);
    }
}
