//! Terraform's JSON syntax (`*.tf.json`, as CDKTF writes it).

use crate::lint::entities::{Entity, Format, Read};
use crate::lint::kinds;
use crate::lint::tree::{Entry, Node, Value};

/// Terraform's JSON syntax (`*.tf.json`, as CDKTF writes it): `resource.TYPE.NAME` objects (or
/// lists of them), nested blocks as objects or lists of objects. A string holding `${…}` is an
/// expression Terraform evaluates, not a literal.
pub(in crate::lint) fn read(mut root: Node) -> Read {
    let mut entities = Vec::new();
    for group in root
        .take("resource")
        .map(Node::into_items)
        .unwrap_or_default()
    {
        let Value::Map(types) = group.value else {
            continue;
        };
        for t in types {
            let Some(kind) = kinds::of_terraform_type(&t.key) else {
                continue;
            };
            let Value::Map(names) = t.value.value else {
                continue;
            };
            for n in names {
                for body in n.value.into_items() {
                    entities.push(Entity {
                        kind,
                        name: format!("{}.{}", t.key, n.key),
                        node: json_syntax_node(body),
                    });
                }
            }
        }
    }
    Read {
        format: Some(Format::Terraform),
        entities,
        duplicates: Vec::new(),
    }
}

/// A block body of Terraform's JSON syntax as the HCL reader gives it: a nested block written as
/// a list of one object is that object, and a string template is unresolved.
fn json_syntax_node(node: Node) -> Node {
    let value = match node.value {
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|e| Entry {
                    value: json_syntax_node(single_block(e.value)),
                    ..e
                })
                .collect(),
        ),
        Value::Str(s) if s.contains("${") => {
            Value::Unresolved("an expression in a string template (Terraform's JSON syntax)".into())
        }
        value => value,
    };
    Node { value, ..node }
}

/// A nested block written as a list of one object: the object.
fn single_block(node: Node) -> Node {
    match node.value {
        Value::Seq(items) => match <[Node; 1]>::try_from(items) {
            Ok([inner]) if matches!(inner.value, Value::Map(_)) => inner,
            Ok([inner]) => Node {
                value: Value::Seq(vec![inner]),
                ..node
            },
            Err(items) => Node {
                value: Value::Seq(items),
                ..node
            },
        },
        value => Node { value, ..node },
    }
}
