//! What a file holds: its format — decided here, from its syntax (`syntax.rs`) and its content —
//! and the entities in it, each as a [`Node`] whose keys follow the Management API's names. Each
//! format's extraction is a module of `formats/`.

use super::formats::{self, deploy_cli, management_api, plan_state};
use super::kinds;
use super::syntax::Syntax;
use super::tree::Node;
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

impl Read {
    /// `entities` read as `format` (the keys set twice are added by the reader).
    pub(super) fn of(format: Format, entities: Vec<Entity>) -> Read {
        Read {
            format: Some(format),
            entities,
            duplicates: Vec::new(),
        }
    }
}

/// An entity named by its `name` (an email template by its `template`), else `fallback`.
pub(super) fn entity(kind: Owner, node: Node, fallback: &str) -> Entity {
    // Email templates are named by `template`, everything else by `name`.
    let name = node
        .get("name")
        .or_else(|| node.get("template"))
        .and_then(Node::as_str)
        .map_or_else(|| fallback.to_string(), str::to_string);
    Entity { kind, name, node }
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
        return Ok(formats::terraform_json::read(read_json(
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
            &management_api::ANSWER_LISTS,
            &mut |_, node| {
                if let Some(entity) = management_api::entity_of(node) {
                    answered = true;
                    streamed(entity, Format::ManagementApi);
                }
            },
            duplicates,
        )?
    } else {
        yaml::read_streaming(
            text,
            &deploy_cli::STREAMED,
            &mut |key, node| {
                if let Some(entity) = deploy_cli::listed(key, node) {
                    streamed(entity, Format::DeployCliYaml);
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
        return Ok(plan_state::read(&root));
    }
    if !is_json {
        return Ok(deploy_cli::yaml_entities(root, deploy_cli));
    }
    if let Some(kind) = kinds::of_directory_file(parent, file) {
        let entity = deploy_cli::directory_entity(kind, root, file);
        return Ok(Read::of(Format::DeployCliDirectory, vec![entity]));
    }
    // Management API answers: one object (an array, or a page of one, was streamed above).
    Ok(management_api::one_object(root, answered))
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
        at: super::hcl::line_col_to_byte(text, e.line(), e.column()),
    })
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
