//! Management API answers and request bodies: an object, an array of them, or a page of one
//! (`{"clients": [...]}`), each recognised by the properties its kind has (`kinds.rs`).

use crate::lint::entities::{entity, Entity, Format, Read};
use crate::lint::kinds;
use crate::lint::tree::{Node, Value};

/// Where an answer keeps its objects: an array at the root, or a page's list. Their items are
/// checked as they are read: a dump of every client is never held whole.
pub(in crate::lint) const ANSWER_LISTS: [&str; 5] = [
    "",
    "clients",
    "resource_servers",
    "connections",
    "invitations",
];

/// A Management API object as an entity, when it is one: its kind from the properties it has,
/// named by its `name`.
pub(in crate::lint) fn entity_of(node: Node) -> Option<Entity> {
    let kind = kinds::of_api_object(|k| node.get(k).is_some())?;
    Some(entity(kind.owner, node, kind.unnamed))
}

/// A file holding one Management API object (`answered`: its objects were streamed already).
pub(in crate::lint) fn one_object(root: Node, answered: bool) -> Read {
    let entities: Vec<Entity> = match root.value {
        Value::Map(_) if !answered => entity_of(root).into_iter().collect(),
        _ => Vec::new(),
    };
    Read {
        format: (answered || !entities.is_empty()).then_some(Format::ManagementApi),
        entities,
        duplicates: Vec::new(),
    }
}
