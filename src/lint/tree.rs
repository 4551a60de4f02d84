//! A configuration file as a tree whose every node knows where it stands in the file: byte
//! offsets into the text as the reader read it (keywords substituted), mapped once to the text as
//! written right after reading ([`Node::map_spans`]), placeholders marked then too.

use std::ops::Range;

/// A value of a configuration file.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Map(Vec<Entry>),
    Seq(Vec<Node>),
    /// A number (its text as written is the node's span).
    Num(f64),
    /// A string (quoted in YAML, any string in JSON and HCL).
    Str(String),
    Bool(bool),
    Null,
    /// An expression that cannot be evaluated here, and why (`var.x` defined elsewhere, a
    /// function call, …).
    Unresolved(String),
    /// A keyword placeholder of the Deploy CLI (`##KEY##`) that YAML read as a comment, leaving
    /// the key empty: the placeholder, as written.
    Placeholder(String),
}

/// One key of a mapping with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

/// A value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub value: Value,
    /// Where a value that stands elsewhere came from (`var.token_lifetime = 3600,
    /// terraform.tfvars:1`), for a reference resolved to it.
    pub from: Option<Box<str>>,
}

impl Node {
    pub fn new(span: Range<usize>, value: Value) -> Node {
        Node {
            span,
            value,
            from: None,
        }
    }

    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    /// The value at a dotted path (`refresh_token.token_lifetime`). A one-element sequence on
    /// the way is looked through, as Terraform's plan and state write nested blocks.
    pub fn at(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for part in path.split('.') {
            node = node.single().get(part)?;
        }
        Some(node)
    }

    /// The node itself, or the only element of a one-element sequence.
    pub fn single(&self) -> &Node {
        match &self.value {
            Value::Seq(items) if items.len() == 1 => &items[0],
            _ => self,
        }
    }

    /// The string value, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// True for `true`.
    pub fn is_true(&self) -> bool {
        matches!(self.value, Value::Bool(true))
    }

    /// Takes the value under `key` out of a mapping.
    pub fn take(&mut self, key: &str) -> Option<Node> {
        match &mut self.value {
            Value::Map(entries) => {
                let i = entries.iter().position(|e| e.key == key)?;
                Some(entries.remove(i).value)
            }
            _ => None,
        }
    }

    /// The elements of a sequence, owned (a lone mapping counts as one element).
    pub fn into_items(self) -> Vec<Node> {
        match self.value {
            Value::Seq(items) => items,
            Value::Map(_) => vec![self],
            _ => Vec::new(),
        }
    }

    /// Every span of the tree, through `f` (from the text read to the text as written).
    pub fn map_spans(&mut self, f: &dyn Fn(Range<usize>) -> Range<usize>) {
        self.span = f(self.span.clone());
        match &mut self.value {
            Value::Map(entries) => {
                for e in entries {
                    e.key_span = f(e.key_span.clone());
                    e.value.map_spans(f);
                }
            }
            Value::Seq(items) => {
                for n in items {
                    n.map_spans(f);
                }
            }
            _ => {}
        }
    }

    /// Marks the empty values whose key's line holds a placeholder (`placeholder` finds it in a
    /// line of the text as written).
    pub fn mark_placeholders(&mut self, text: &str, placeholder: &dyn Fn(&str) -> Option<String>) {
        match &mut self.value {
            Value::Map(entries) => {
                for e in entries {
                    if e.value.value == Value::Null {
                        let at = e.key_span.start.min(text.len());
                        let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
                        let end = text[start..].find('\n').map_or(text.len(), |p| start + p);
                        if let Some(p) = placeholder(&text[start..end]) {
                            e.value.value = Value::Placeholder(p);
                        }
                    } else {
                        e.value.mark_placeholders(text, placeholder);
                    }
                }
            }
            Value::Seq(items) => {
                for n in items {
                    n.mark_placeholders(text, placeholder);
                }
            }
            _ => {}
        }
    }

    /// The elements of a sequence (a lone mapping counts as one element).
    pub fn items(&self) -> Vec<&Node> {
        match &self.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Map(_) => vec![self],
            _ => Vec::new(),
        }
    }
}
