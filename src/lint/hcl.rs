//! Terraform HCL into [`Node`] trees with byte spans: one per `resource` block, with nested
//! blocks (`jwt_configuration`, `refresh_token`) as mappings. Literals and arithmetic on
//! literals are evaluated; `local.x` is resolved where the module's own files define it as a
//! literal, `var.x` as Terraform sets it: its literal default, overridden by `TF_VAR_x`,
//! `terraform.tfvars`, `*.auto.tfvars` and the command line's `--var-file` and `--var`, in that
//! order ([`Scope::set_var`]); anything else is kept as [`Value::Unresolved`] with the reason.

use super::tree::{Entry, Node, Value};
use super::yaml::ReadError;
use hcl_edit::expr::{BinaryOperator, Expression, TraversalOperator, UnaryOperator};
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

/// Literal `locals` and `variable` defaults of a module (all its files), by name, and the values
/// variables are given, with where each comes from.
#[derive(Default, Clone)]
pub struct Scope {
    locals: HashMap<String, Expression>,
    vars: HashMap<String, Expression>,
    set: HashMap<String, (Value, String)>,
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
                    if let Some(d) = b
                        .body
                        .attributes()
                        .find(|a| a.key.value().as_str() == "default")
                    {
                        scope.vars.insert(name, d.value.clone());
                    }
                }
                _ => {}
            }
        }
    }

    /// The `resource` blocks of the file.
    pub fn resources(&self, scope: &Scope) -> Vec<Resource> {
        self.body
            .iter()
            .filter_map(|s| match s {
                Structure::Block(b)
                    if b.ident.value().as_str() == "resource" && b.labels.len() >= 2 =>
                {
                    Some(Resource {
                        kind: label(&b.labels[0]),
                        name: label(&b.labels[1]),
                        node: block_node(b, scope),
                    })
                }
                _ => None,
            })
            .collect()
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

/// Evaluates an expression as far as literals allow.
fn eval(e: &Expression, scope: &Scope, depth: u8) -> Node {
    let span = e.span().unwrap_or(0..0);
    let value = if depth > 16 {
        Value::Unresolved("nested too deeply".into())
    } else {
        value_of(e, scope, depth)
    };
    let mut node = Node::new(span, value);
    node.from = origin(e, scope, &node.value);
    node
}

/// Where a reference to a variable got its value, said with the value: `var.ttl = 3600,
/// terraform.tfvars:1`, or `var.ttl = 3600, its default`.
fn origin(e: &Expression, scope: &Scope, value: &Value) -> Option<Box<str>> {
    let Expression::Traversal(t) = e else {
        return None;
    };
    let Expression::Variable(root) = &t.expr else {
        return None;
    };
    let Some(TraversalOperator::GetAttr(name)) = t.operators.first().map(|o| o.value()) else {
        return None;
    };
    let name = name.value().as_str();
    let shown = match value {
        Value::Num(n) => format!("{n}"),
        Value::Str(s) => format!("\"{s}\""),
        _ => return None,
    };
    match root.value().as_str() {
        "var" => {
            let from = scope
                .set
                .get(name)
                .map_or("its default", |(_, o)| o.as_str());
            Some(format!("var.{name} = {shown}, {from}").into())
        }
        "local" => Some(format!("local.{name} = {shown}").into()),
        _ => None,
    }
}

fn value_of(e: &Expression, scope: &Scope, depth: u8) -> Value {
    match e {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => match n.value().as_f64() {
            Some(f) => Value::Num(f),
            None => Value::Unresolved("a number out of range".into()),
        },
        Expression::String(s) => Value::Str(s.value().to_string()),
        Expression::Parenthesis(p) => value_of(p.inner(), scope, depth + 1),
        Expression::Object(o) => object(o, scope, depth),
        Expression::Array(a) => Value::Seq(a.iter().map(|x| eval(x, scope, depth + 1)).collect()),
        Expression::UnaryOp(u) => match (u.operator.value(), value_of(&u.expr, scope, depth + 1)) {
            (UnaryOperator::Neg, Value::Num(n)) => Value::Num(-n),
            (UnaryOperator::Not, Value::Bool(b)) => Value::Bool(!b),
            (_, Value::Unresolved(why)) => Value::Unresolved(why),
            _ => Value::Unresolved("an operation on a value that is not a number".into()),
        },
        Expression::BinaryOp(b) => arithmetic(b, scope, depth),
        Expression::Traversal(t) => traversal(t, scope, depth),
        Expression::Variable(v) => Value::Unresolved(format!("refers to {}", v.value().as_str())),
        Expression::FuncCall(f) => {
            Value::Unresolved(format!("a call to {}()", f.name.name.value().as_str()))
        }
        Expression::Conditional(_) => Value::Unresolved("a conditional expression".into()),
        Expression::StringTemplate(_) | Expression::HeredocTemplate(_) => {
            Value::Unresolved("a string template".into())
        }
        Expression::ForExpr(_) => Value::Unresolved("a for expression".into()),
    }
}

/// An object's attributes whose keys are names or strings.
fn object(o: &hcl_edit::expr::Object, scope: &Scope, depth: u8) -> Value {
    Value::Map(
        o.iter()
            .filter_map(|(k, v)| {
                let key = match k {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.value().as_str().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().to_string()
                    }
                    _ => return None,
                };
                Some(Entry {
                    key,
                    key_span: k.span().unwrap_or(0..0),
                    value: eval(v.expr(), scope, depth + 1),
                })
            })
            .collect(),
    )
}

/// Arithmetic on two numbers; anything else is unresolved, with why.
fn arithmetic(b: &hcl_edit::expr::BinaryOp, scope: &Scope, depth: u8) -> Value {
    let l = value_of(&b.lhs_expr, scope, depth + 1);
    let r = value_of(&b.rhs_expr, scope, depth + 1);
    match (l, r) {
        (Value::Num(x), Value::Num(y)) => {
            let v = match b.operator.value() {
                BinaryOperator::Plus => Some(x + y),
                BinaryOperator::Minus => Some(x - y),
                BinaryOperator::Mul => Some(x * y),
                BinaryOperator::Div if y != 0.0 => Some(x / y),
                BinaryOperator::Mod if y != 0.0 => Some(x % y),
                _ => None,
            };
            match v {
                Some(v) if v.is_finite() => Value::Num(v),
                _ => Value::Unresolved("an operation that is not arithmetic on numbers".into()),
            }
        }
        (Value::Unresolved(why), _) | (_, Value::Unresolved(why)) => Value::Unresolved(why),
        _ => Value::Unresolved("an operation on values that are not numbers".into()),
    }
}

/// `var.NAME` and `local.NAME`, resolved in the module's scope; other references, attribute
/// and index access, and iterators are what only a plan knows.
fn traversal(t: &hcl_edit::expr::Traversal, scope: &Scope, depth: u8) -> Value {
    let Expression::Variable(root) = &t.expr else {
        return Value::Unresolved("an expression Terraform evaluates at plan time".into());
    };
    let root_name = root.value().as_str();
    let iterator = !matches!(root_name, "var" | "local")
        && t.operators.first().is_some_and(|o| {
            matches!(o.value(), TraversalOperator::GetAttr(a) if matches!(a.value().as_str(), "value" | "key"))
        });
    if iterator {
        return Value::Unresolved(format!(
            "refers to {root_name}.value, the iterator of a dynamic block or for_each, which Terraform knows only when it plans"
        ));
    }
    let (Some(first), 1) = (t.operators.first(), t.operators.len()) else {
        return Value::Unresolved(format!(
            "{} with attribute or index access",
            root.value().as_str()
        ));
    };
    let TraversalOperator::GetAttr(name) = first.value() else {
        return Value::Unresolved(format!("{} with an index", root.value().as_str()));
    };
    let name = name.value().as_str();
    let (map, what) = match root.value().as_str() {
        "local" => (&scope.locals, "local"),
        "var" => (&scope.vars, "var"),
        other => {
            return Value::Unresolved(format!(
                "refers to {other}.{name}, which Terraform knows only when it plans"
            ))
        }
    };
    if what == "var" {
        if let Some((value, _)) = scope.set.get(name) {
            return value.clone();
        }
    }
    match map.get(name) {
        Some(expr) => value_of(expr, scope, depth + 1),
        None if what == "var" => Value::Unresolved(format!(
            "var.{name} has no literal default in this module and no value in its .tfvars files (pass --var {name}=VALUE or --var-file)"
        )),
        None => Value::Unresolved(format!("local.{name} is not defined as a literal in this module")),
    }
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
    idle_token_lifetime = max(1, 2)
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
            matches!(rs[1].node.at("refresh_token.idle_token_lifetime").map(|n| &n.value), Some(Value::Unresolved(w)) if w.contains("max()"))
        );
    }
}
