//! Terraform HCL into [`Node`] trees with byte spans: one per `resource` block (one per instance
//! of a `for_each` known before apply), with nested blocks (`jwt_configuration`,
//! `refresh_token`) as mappings. Expressions are evaluated by `terraform_eval` as far as what is
//! known before apply allows: `local.x` where the module's own files define it, `var.x` as
//! Terraform sets it: its default, overridden by `TF_VAR_x`, `terraform.tfvars`,
//! `*.auto.tfvars` and the command line's `--var-file` and `--var`, in that order
//! ([`Scope::set_var`]), with its type's `optional()` defaults; anything else is kept as
//! [`Value::Unresolved`] with the reason.

use super::terraform_eval::{eval, value_of};
use super::tree::{Entry, Node, Value};
use super::yaml::ReadError;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, BlockLabel, Body, Structure};
use hcl_edit::Span;
use std::collections::HashMap;

/// A parsed `.tf` file.
pub struct HclFile {
    body: Body,
}

/// A `resource "type" "name" { … }` block.
pub struct Resource {
    pub kind: String,
    pub name: String,
    pub node: Node,
}

/// A `module "name" { source = "./…" … }` block calling a module of the same repository, with
/// the inputs it gives.
pub struct ModuleCall {
    pub name: String,
    pub source: String,
    inputs: Vec<(String, Expression)>,
}

/// Arguments of a module block that are not inputs of the module.
const META_ARGUMENTS: [&str; 6] = [
    "source",
    "version",
    "providers",
    "count",
    "for_each",
    "depends_on",
];

impl ModuleCall {
    /// The inputs, evaluated in the calling module's scope.
    pub fn inputs(&self, caller: &Scope) -> Vec<(String, Value)> {
        self.inputs
            .iter()
            .map(|(name, e)| (name.clone(), value_of(e, caller, 0)))
            .collect()
    }
}

/// Literal `locals` and `variable` defaults of a module (all its files), by name, and the values
/// variables are given, with where each comes from.
#[derive(Default, Clone)]
pub struct Scope {
    pub(super) locals: HashMap<String, Expression>,
    pub(super) vars: HashMap<String, Expression>,
    /// Variables' `type`: the defaults its `optional(type, default)` attributes give.
    pub(super) types: HashMap<String, Expression>,
    pub(super) set: HashMap<String, (Value, String)>,
    /// `each.key` and `each.value` in an instance of a resource with `for_each`.
    pub(super) each: Option<(String, Value)>,
}

impl Scope {
    /// Gives variable `name` a value, from `origin` (`terraform.tfvars:3`, `--var`); a later call
    /// for the same name wins, as the later source does in Terraform.
    pub fn set_var(&mut self, name: &str, value: Value, origin: String) {
        self.set.insert(name.to_string(), (value, origin));
    }

    /// Sets every `name = value` of a variable definitions file (`.tfvars`) with its text, named
    /// `file` in the origins. A file that does not parse is an error, with its position.
    pub fn set_vars_from(&mut self, file: &str, text: &str) -> Result<(), ReadError> {
        let body = parse(text)?.body;
        let empty = Scope::default();
        for a in body.attributes() {
            let line = a.key.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            let value = value_of(&a.value, &empty, 0);
            self.set_var(a.key.value().as_str(), value, format!("{file}:{line}"));
        }
        Ok(())
    }
}

/// The value `--var NAME=VALUE` gives: an HCL expression evaluated as literals, or the text as a
/// string (as Terraform takes `-var name=text`).
pub fn cli_value(text: &str) -> Value {
    match hcl_edit::parser::parse_expr(text) {
        Ok(e) => match value_of(&e, &Scope::default(), 0) {
            Value::Unresolved(_) => Value::Str(text.to_string()),
            v => v,
        },
        Err(_) => Value::Str(text.to_string()),
    }
}

/// Parses a `.tf` file.
pub fn parse(text: &str) -> Result<HclFile, ReadError> {
    hcl_edit::parser::parse_body(text)
        .map(|body| HclFile { body })
        .map_err(|e| {
            let loc = e.location();
            let at = line_col_to_byte(text, loc.line(), loc.column());
            let mut message = e.message().to_string();
            // Terraform refuses the file too ("Attribute redefined"): say so, and name it.
            if message.contains("redefined attribute") {
                let name: String = text
                    .get(at..)
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                message = format!("“{name}” is set twice in one block; Terraform refuses the file (Attribute redefined). Keep one of them");
            }
            ReadError { message, at }
        })
}

/// The byte offset of a 1-based line and column (in bytes).
pub(super) fn line_col_to_byte(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + col.saturating_sub(1)).min(text.len())
}

fn label(l: &BlockLabel) -> String {
    match l {
        BlockLabel::Ident(i) => i.value().as_str().to_string(),
        BlockLabel::String(s) => s.value().to_string(),
    }
}

impl HclFile {
    /// Adds this file's literal locals and variable defaults to the module's scope.
    pub fn collect_scope(&self, scope: &mut Scope) {
        for s in self.body.iter() {
            let Structure::Block(b) = s else { continue };
            match b.ident.value().as_str() {
                "locals" => {
                    for a in b.body.attributes() {
                        scope
                            .locals
                            .insert(a.key.value().as_str().to_string(), a.value.clone());
                    }
                }
                "variable" => {
                    let Some(name) = b.labels.first().map(label) else {
                        continue;
                    };
                    for a in b.body.attributes() {
                        match a.key.value().as_str() {
                            "default" => {
                                scope.vars.insert(name.clone(), a.value.clone());
                            }
                            "type" => {
                                scope.types.insert(name.clone(), a.value.clone());
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The module blocks whose source is a path in the same repository (`./…`, `../…`).
    pub fn module_calls(&self) -> Vec<ModuleCall> {
        let mut out = Vec::new();
        for s in self.body.iter() {
            let Structure::Block(b) = s else { continue };
            if b.ident.value().as_str() != "module" {
                continue;
            }
            let (Some(name), Some(source)) = (
                b.labels.first().map(label),
                b.body
                    .attributes()
                    .find(|a| a.key.value().as_str() == "source")
                    .and_then(|a| match &a.value {
                        Expression::String(s) => Some(s.value().to_string()),
                        _ => None,
                    }),
            ) else {
                continue;
            };
            if !(source.starts_with("./") || source.starts_with("../")) {
                continue;
            }
            let inputs = b
                .body
                .attributes()
                .filter(|a| !META_ARGUMENTS.contains(&a.key.value().as_str()))
                .map(|a| (a.key.value().as_str().to_string(), a.value.clone()))
                .collect();
            out.push(ModuleCall {
                name,
                source,
                inputs,
            });
        }
        out
    }

    /// The `resource` blocks of the file; a resource with a `for_each` over a map or set known
    /// before apply, once per instance (`name["key"]`, as Terraform addresses it).
    pub fn resources(&self, scope: &Scope) -> Vec<Resource> {
        let mut out = Vec::new();
        for s in self.body.iter() {
            let Structure::Block(b) = s else { continue };
            if b.ident.value().as_str() != "resource" || b.labels.len() < 2 {
                continue;
            }
            let (kind, name) = (label(&b.labels[0]), label(&b.labels[1]));
            let instances = b
                .body
                .attributes()
                .find(|a| a.key.value().as_str() == "for_each")
                .and_then(|a| for_each_instances(value_of(&a.value, scope, 0)));
            match instances {
                Some(instances) => {
                    // One copy of the scope per resource, its `each` set per instance.
                    let mut each = scope.clone();
                    for (key, value) in instances {
                        each.each = Some((key.clone(), value));
                        out.push(Resource {
                            kind: kind.clone(),
                            name: format!("{name}[\"{key}\"]"),
                            node: block_node(b, &each),
                        });
                    }
                }
                None => out.push(Resource {
                    kind,
                    name,
                    node: block_node(b, scope),
                }),
            }
        }
        out
    }
}

/// The instances a `for_each` value makes, by key: a map's entries, or a set of strings (each
/// its own key and value). `None` when it is not known before apply.
fn for_each_instances(value: Value) -> Option<Vec<(String, Value)>> {
    match value {
        Value::Map(entries) => Some(
            entries
                .into_iter()
                .map(|e| (e.key, e.value.value))
                .collect(),
        ),
        Value::Seq(items) => items
            .into_iter()
            .map(|n| match n.value {
                Value::Str(s) => Some((s.clone(), Value::Str(s))),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

fn block_node(b: &Block, scope: &Scope) -> Node {
    let span = b.span().unwrap_or(0..0);
    Node::new(span, Value::Map(body_entries(&b.body, scope)))
}

fn body_entries(body: &Body, scope: &Scope) -> Vec<Entry> {
    let mut out = Vec::new();
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => out.push(Entry {
                key: a.key.value().as_str().to_string(),
                key_span: a.key.span().unwrap_or(0..0),
                value: eval(&a.value, scope, 0),
            }),
            // `dynamic "refresh_token" { for_each = …, content { … } }`: the block its
            // `content` makes, checked where its values are literals (a reference to the
            // iterator is not checked, with that reason).
            Structure::Block(b) if b.ident.value().as_str() == "dynamic" => {
                let (Some(name), Some(content)) = (
                    b.labels.first().map(label),
                    b.body
                        .blocks()
                        .find(|c| c.ident.value().as_str() == "content"),
                ) else {
                    continue;
                };
                out.push(Entry {
                    key: name,
                    key_span: b.labels.first().and_then(|l| l.span()).unwrap_or(0..0),
                    value: block_node(content, scope),
                });
            }
            Structure::Block(b) => out.push(Entry {
                key: b.ident.value().as_str().to_string(),
                key_span: b.ident.span().unwrap_or(0..0),
                value: block_node(b, scope),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_literals_arithmetic_locals_vars() {
        let text = r#"
locals {
  day = 24 * 60 * 60
}
variable "web" {
  default = 7200
}
resource "auth0_resource_server" "api" {
  name           = "API"
  identifier     = "https://api.example/"
  token_lifetime = local.day * 2
  token_lifetime_for_web = var.web
}
resource "auth0_client" "spa" {
  name = "SPA"
  jwt_configuration {
    lifetime_in_seconds = 36000
  }
  refresh_token {
    token_lifetime = var.unknown
    idle_token_lifetime = file("idle.txt")
  }
}
"#;
        let file = parse(text).expect("parses");
        let mut scope = Scope::default();
        file.collect_scope(&mut scope);
        let rs = file.resources(&scope);
        assert_eq!(rs.len(), 2);
        assert_eq!(
            (rs[0].kind.as_str(), rs[0].name.as_str()),
            ("auth0_resource_server", "api")
        );
        let tl = rs[0].node.get("token_lifetime").expect("tl");
        assert_eq!(tl.value, Value::Num(172800.0));
        assert_eq!(&text[tl.span.clone()], "local.day * 2");
        assert_eq!(
            rs[0]
                .node
                .get("token_lifetime_for_web")
                .map(|n| n.value.clone()),
            Some(Value::Num(7200.0))
        );
        let jwt = rs[1]
            .node
            .at("jwt_configuration.lifetime_in_seconds")
            .expect("jwt");
        assert_eq!(&text[jwt.span.clone()], "36000");
        assert!(
            matches!(rs[1].node.at("refresh_token.token_lifetime").map(|n| &n.value), Some(Value::Unresolved(w)) if w.contains("var.unknown"))
        );
        assert!(
            matches!(rs[1].node.at("refresh_token.idle_token_lifetime").map(|n| &n.value), Some(Value::Unresolved(w)) if w.contains("file()"))
        );
    }
}
