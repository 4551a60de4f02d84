//! Management API answers and request bodies: an object, an array of them, or a page of one
//! (`{"clients": [...]}`), each recognised by the properties its kind has (`kinds.rs`).

use crate::catalog::Owner;
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

/// The kind of a Management API object, from the properties it has.
fn api_kind(node: &Node) -> Option<Owner> {
    kinds::of_api_object(|k| node.get(k).is_some()).map(|k| k.owner)
}

/// A Management API object as an entity, named by its `name`.
fn api_entity(kind: Owner, node: Node) -> Entity {
    let unnamed = kinds::KINDS
        .iter()
        .find(|k| k.owner == kind)
        .map_or("(unnamed)", |k| k.unnamed);
    entity(kind, node, unnamed)
}

/// A Management API object as an entity, when it is one.
pub(in crate::lint) fn entity_of(node: Node) -> Option<Entity> {
    api_kind(&node).map(|kind| api_entity(kind, node))
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
