//! `terraform show -json` of a plan (`resource_changes[].change.after`, `planned_values`) or a
//! state (`values`), and a raw state file (`resources[].instances[].attributes`).

use crate::lint::entities::{Entity, Format, Read};
use crate::lint::kinds;
use crate::lint::tree::{Node, Value};

pub(in crate::lint) fn read(root: &Node) -> Read {
    let mut entities = Vec::new();
    let mut push = |r: &Node, address: String, values: Option<&Node>| {
        let kind = r
            .get("type")
            .and_then(Node::as_str)
            .and_then(kinds::of_terraform_type);
        if let (Some(kind), Some(values)) = (kind, values) {
            if matches!(values.value, Value::Map(_)) {
                entities.push(Entity {
                    kind,
                    name: address,
                    node: values.clone(),
                });
            }
        }
    };
    let format;
    if let Some(changes) = root.get("resource_changes") {
        format = Format::TerraformPlan;
        for r in changes.items() {
            push(r, terraform_address(r), r.at("change.after"));
        }
    } else if let Some(module) = root
        .at("planned_values.root_module")
        .or_else(|| root.at("values.root_module"))
    {
        format = if root.get("planned_values").is_some() {
            Format::TerraformPlan
        } else {
            Format::TerraformState
        };
        let mut modules = vec![module];
        while let Some(m) = modules.pop() {
            for r in m.get("resources").map(Node::items).unwrap_or_default() {
                push(r, terraform_address(r), r.get("values"));
            }
            modules.extend(m.get("child_modules").map(Node::items).unwrap_or_default());
        }
    } else {
        // A raw state file: resources[].instances[].attributes.
        format = Format::TerraformState;
        for r in root.get("resources").map(Node::items).unwrap_or_default() {
            let instances = r.get("instances").map(Node::items).unwrap_or_default();
            for (i, inst) in instances.into_iter().enumerate() {
                push(r, instance_address(r, inst, i), inst.get("attributes"));
            }
        }
    }
    Read {
        format: Some(format),
        entities,
        duplicates: Vec::new(),
    }
}

/// A resource's address in a plan or state (`auth0_client.web`), from its type and name when
/// it has none written.
fn terraform_address(r: &Node) -> String {
    r.get("address")
        .and_then(Node::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| {
            format!(
                "{}.{}",
                r.get("type").and_then(Node::as_str).unwrap_or("?"),
                r.get("name").and_then(Node::as_str).unwrap_or("?")
            )
        })
}

/// The address of instance `i` of a raw state file's resource, as the plan writes it: the
/// module path, then the instance key.
fn instance_address(r: &Node, inst: &Node, i: usize) -> String {
    let mut a = terraform_address(r);
    if let Some(module) = r.get("module").and_then(Node::as_str) {
        a = format!("{module}.{a}");
    }
    match inst.get("index_key").map(|k| &k.value) {
        Some(Value::Num(n)) => a.push_str(&format!("[{n}]")),
        Some(Value::Str(k)) => a.push_str(&format!("[\"{k}\"]")),
        _ if i > 0 => a.push_str(&format!("[{i}]")),
        _ => {}
    }
    a
}
