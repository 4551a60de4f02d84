//! Deploy CLI exports: a YAML file (`tenant.yaml`) and the directory format's JSON files, their
//! keys and folders given by `kinds.rs`.

use crate::catalog::Owner;
use crate::lint::entities::{entity, Entity, Format, Read};
use crate::lint::kinds;
use crate::lint::tree::{Node, Value};

/// The lists of a Deploy CLI YAML export read item by item as they are completed: the long ones.
pub(in crate::lint) const STREAMED: [&str; 2] = ["resourceServers", "clients"];

/// An item of a streamed list (`resourceServers`, `clients`) as an entity.
pub(in crate::lint) fn listed(key: &str, node: Node) -> Option<Entity> {
    let (kind, y) = kinds::yaml_keys().find(|(_, y)| y.key == key)?;
    Some(entity(kind, node, y.unnamed))
}

/// The entities of a YAML file the reader did not stream: the tenant and the settings objects,
/// and the lists (or a lone mapping in place of one).
pub(in crate::lint) fn yaml_entities(mut root: Node, deploy_cli: bool) -> Read {
    let mut entities = Vec::new();
    for (kind, y) in kinds::yaml_keys() {
        let Some(node) = root.take(y.key) else {
            continue;
        };
        if y.list {
            for item in node.into_items() {
                entities.push(entity(kind, item, y.unnamed));
            }
        } else if matches!(node.value, Value::Map(_)) {
            entities.push(entity(kind, node, y.unnamed));
        }
    }
    Read {
        format: deploy_cli.then_some(Format::DeployCliYaml),
        entities,
        duplicates: Vec::new(),
    }
}

/// The entity of a file of a Deploy CLI directory export (its kind from its folder and name,
/// `kinds::of_directory_file`), named by its `name`, else by the file's.
pub(in crate::lint) fn directory_entity(kind: Owner, root: Node, file: &str) -> Entity {
    let fallback = if kind == Owner::Tenant {
        "tenant"
    } else {
        file.trim_end_matches(".json")
    };
    entity(kind, root, fallback)
}
