//! What a file holds: its format, and the APIs (resource servers), applications (clients) and
//! tenant settings in it, each as a [`Node`] whose keys follow the Management API's names.

use super::hcl::{self, Scope};
use super::kinds;
use super::syntax::Syntax;
use super::tree::{Entry, Node, Value};
use super::yaml::{self, ReadError};
use crate::catalog::Owner;
use std::path::Path;

/// The formats `lint` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    DeployCliYaml,
    DeployCliDirectory,
    Terraform,
    TerraformPlan,
    TerraformState,
    ManagementApi,
}

impl Format {
    /// The stable name used in the output.
    pub const fn code(self) -> &'static str {
        match self {
            Format::DeployCliYaml => "deploy-cli-yaml",
            Format::DeployCliDirectory => "deploy-cli-directory",
            Format::Terraform => "terraform",
            Format::TerraformPlan => "terraform-plan",
            Format::TerraformState => "terraform-state",
            Format::ManagementApi => "management-api",
        }
    }

    /// Files that Terraform writes or reads, where its provider's quirks apply.
    pub const fn is_terraform(self) -> bool {
        matches!(
            self,
            Format::Terraform | Format::TerraformPlan | Format::TerraformState
        )
    }
}

/// An API, application or the tenant, as found in a file.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Owner,
    /// Its `name` (or the Terraform address); "tenant" for the tenant.
    pub name: String,
    pub node: Node,
}

/// A file read: its format and entities, or `None` when it holds no tenant configuration.
pub struct Read {
    pub format: Option<Format>,
    pub entities: Vec<Entity>,
    /// Keys set twice in a mapping (the last value was taken).
    pub duplicates: Vec<yaml::Duplicate>,
}

fn entity(kind: Owner, node: Node, fallback: &str) -> Entity {
    // Email templates are named by `template`, everything else by `name`.
    let name = node
        .get("name")
        .or_else(|| node.get("template"))
        .and_then(Node::as_str)
        .map_or_else(|| fallback.to_string(), str::to_string);
    Entity { kind, name, node }
}

/// The kind of a Management API object, from the properties it has.
fn api_kind(node: &Node) -> Option<Owner> {
    kinds::of_api_object(|k| node.get(k).is_some()).map(|k| k.owner)
}

/// Reads a YAML or JSON text (already keyword-substituted) found at `path`. The APIs and
/// applications of a Deploy CLI YAML file go to `streamed` one by one, in the file's order, as the
/// reader completes them (see [`yaml::read_streaming`]); every other entity is in the [`Read`].
pub fn read_data(
    path: &Path,
    text: &str,
    streamed: &mut dyn FnMut(Entity, Format),
) -> Result<Read, ReadError> {
    let mut duplicates = Vec::new();
    let mut read = read_tree(path, text, streamed, &mut duplicates)?;
    read.duplicates = duplicates;
    Ok(read)
}

/// [`read_data`], the keys set twice going to `duplicates`.
fn read_tree(
    path: &Path,
    text: &str,
    streamed: &mut dyn FnMut(Entity, Format),
    duplicates: &mut Vec<yaml::Duplicate>,
) -> Result<Read, ReadError> {
    let parent = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .unwrap_or("");
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let syntax = Syntax::of(path);
    if syntax == Syntax::TerraformJson {
        return Ok(terraform_json_syntax(read_json(
            text,
            &[],
            &mut |_, _| {},
            duplicates,
        )?));
    }
    let is_json = syntax == Syntax::Json;
    // A Management API answer (an array, or a page of one) is checked item by item as it is
    // read: a dump of every client is never held whole.
    let mut answered = false;
    let root = if is_json {
        read_json(
            text,
            &[
                "",
                "clients",
                "resource_servers",
                "connections",
                "invitations",
            ],
            &mut |_, node| {
                if let Some(kind) = api_kind(&node) {
                    answered = true;
                    streamed(api_entity(kind, node), Format::ManagementApi);
                }
            },
            duplicates,
        )?
    } else {
        yaml::read_streaming(
            text,
            &STREAMED,
            &mut |key, node| {
                if let Some((kind, y)) = kinds::yaml_keys().find(|(_, y)| y.key == key) {
                    streamed(entity(kind, node, y.unnamed), Format::DeployCliYaml);
                }
            },
            duplicates,
        )?
    };
    // A YAML file with the Deploy CLI's keys is a Deploy CLI export (its entities have already
    // been handed over), whatever else its root holds.
    let deploy_cli = !is_json && kinds::yaml_keys().any(|(_, y)| root.get(y.key).is_some());
    // Terraform: `terraform show -json` of a plan or a state, or a raw state file.
    if !deploy_cli
        && (root.get("format_version").is_some() || root.get("terraform_version").is_some())
    {
        return Ok(terraform_json(&root));
    }
    if !is_json {
        return Ok(yaml_entities(root, deploy_cli));
    }
    Ok(json_entities(root, parent, file, answered))
}

/// The lists of a Deploy CLI YAML export read item by item as they are completed: the long ones.
const STREAMED: [&str; 2] = ["resourceServers", "clients"];

/// The entities of a YAML file the reader did not stream: the tenant and the settings objects,
/// and the lists (or a lone mapping in place of one).
fn yaml_entities(mut root: Node, deploy_cli: bool) -> Read {
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

/// The entity of a JSON file: a Deploy CLI directory's file (named by its `name`, not the
/// file's), or one Management API object (an array, or a page of one, was streamed: `answered`).
fn json_entities(root: Node, parent: &str, file: &str, answered: bool) -> Read {
    if let Some(kind) = kinds::of_directory_file(parent, file) {
        let stem = file.trim_end_matches(".json");
        return Read {
            format: Some(Format::DeployCliDirectory),
            entities: vec![entity(
                kind,
                root,
                if kind == Owner::Tenant {
                    "tenant"
                } else {
                    stem
                },
            )],
            duplicates: Vec::new(),
        };
    }
    let entities: Vec<Entity> = match root.value {
        Value::Map(_) if !answered => api_kind(&root)
            .map(|kind| api_entity(kind, root))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    Read {
        format: (answered || !entities.is_empty()).then_some(Format::ManagementApi),
        entities,
        duplicates: Vec::new(),
    }
}

/// A Management API object as an entity, named by its `name`.
fn api_entity(kind: Owner, node: Node) -> Entity {
    let unnamed = kinds::KINDS
        .iter()
        .find(|k| k.owner == kind)
        .map_or("(unnamed)", |k| k.unnamed);
    entity(kind, node, unnamed)
}

/// The kind a Terraform resource type of the Auth0 provider holds.
fn terraform_kind(resource_type: &str) -> Option<Owner> {
    kinds::of_terraform_type(resource_type)
}

/// A JSON file's tree, with positions, the items of the sequences named in `streamed` handed
/// over as they are read (see [`yaml::read_json_streaming`]); a broken file is explained in
/// JSON's words, where JSON's own parser stops.
fn read_json(
    text: &str,
    streamed: &[&str],
    hand_off: &mut dyn FnMut(&str, Node),
    duplicates: &mut Vec<yaml::Duplicate>,
) -> Result<Node, ReadError> {
    yaml::read_json_streaming(text, streamed, hand_off, duplicates)
        .map_err(|e| json_error(text).unwrap_or(e))
}

/// What JSON's parser says of `text`, or `None` when it is valid JSON.
fn json_error(text: &str) -> Option<ReadError> {
    let e = serde_json::from_str::<serde::de::IgnoredAny>(text).err()?;
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    Some(ReadError {
        message: format!("not valid JSON: {message}"),
        at: hcl::line_col_to_byte(text, e.line(), e.column()),
    })
}

/// Terraform's JSON syntax (`*.tf.json`, as CDKTF writes it): `resource.TYPE.NAME` objects (or
/// lists of them), nested blocks as objects or lists of objects. A string holding `${…}` is an
/// expression Terraform evaluates, not a literal.
fn terraform_json_syntax(mut root: Node) -> Read {
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
            let Some(kind) = terraform_kind(&t.key) else {
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

fn terraform_json(root: &Node) -> Read {
    let mut entities = Vec::new();
    let mut push = |r: &Node, address: String, values: Option<&Node>| {
        let kind = r
            .get("type")
            .and_then(Node::as_str)
            .and_then(terraform_kind);
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

/// The entities of a parsed `.tf` file, with the module's scope for `local.*` and `var.*`.
pub fn read_terraform(file: &hcl::HclFile, scope: &Scope) -> Read {
    let entities: Vec<Entity> = file
        .resources(scope)
        .into_iter()
        .filter_map(|r| {
            terraform_kind(&r.kind).map(|kind| Entity {
                kind,
                name: format!("{}.{}", r.kind, r.name),
                node: r.node,
            })
        })
        .collect();
    Read {
        format: Some(Format::Terraform),
        entities,
        duplicates: Vec::new(),
    }
}

/// The `files` pattern (a Python regular expression, as pre-commit takes it) of every file
/// `lint` reads by name in a repository: Deploy CLI YAML and every folder of
/// [`kinds::KINDS`], Terraform (`.tf`, `.tf.json`, variable files, state). Management
/// API answers have no fixed names: a team adds theirs.
pub fn pre_commit_files() -> String {
    let mut parts = vec![
        r"tenant\.ya?ml".to_string(),
        r"[^/]+\.tf(\.json)?".to_string(),
        r"[^/]+\.tfvars(\.json)?".to_string(),
        r"[^/]+\.tfstate".to_string(),
    ];
    let escape = |s: &str| s.replace('.', r"\.");
    for d in kinds::directory_files() {
        let folder = match d.folder.strip_suffix('*') {
            Some(prefix) => format!("{}[^/]*/", escape(prefix)),
            None if d.folder.is_empty() => String::new(),
            None => format!("{}/", escape(d.folder)),
        };
        let files = if d.files.is_empty() {
            r"[^/]+\.json".to_string()
        } else {
            let names: Vec<String> = d.files.iter().map(|f| escape(f)).collect();
            if names.len() == 1 {
                names[0].clone()
            } else {
                format!("({})", names.join("|"))
            }
        };
        parts.push(format!("{folder}{files}"));
    }
    format!("(^|/)({})$", parts.join("|"))
}
