//! Terraform expressions evaluated as Terraform would, where their values are known before
//! apply: literals and arithmetic, comparisons and conditionals, `local.x`, `var.x` (with the
//! attributes and elements of object, map and list variables, and their type's
//! `optional(type, default)` defaults), `each.key` / `each.value` of a `for_each` instance, and
//! the functions tenant modules use on lifetimes (`lookup`, `try`, `coalesce`, `merge`,
//! `tonumber`, `min`, `max`, `toset`, `tolist`, `tomap`). What only apply knows stays
//! [`Value::Unresolved`], with the reason.
//!
//! Our own rather than hcl-rs's `hcl::eval`: that evaluator fails a whole expression on the first
//! unknown variable (a lint must say which part is unknown and go on), evaluates a function's
//! arguments before the call (so `try` cannot catch), takes functions as plain `fn` pointers
//! (no scope), and works on hcl-rs's expression type, without the byte spans the findings
//! point at.

use super::hcl::Scope;
use super::tree::{Entry, Node, Value};
use hcl_edit::expr::{
    BinaryOperator, Expression, FuncCall, Object, ObjectKey, Traversal, TraversalOperator,
    UnaryOperator,
};
use hcl_edit::Span;

/// Deeper than any tenant module nests: an expression past it is not evaluated.
const MAX_DEPTH: u8 = 16;

/// Evaluates an expression into a node at its place in the file.
pub(super) fn eval(e: &Expression, scope: &Scope, depth: u8) -> Node {
    let span = e.span().unwrap_or(0..0);
    let value = if depth > MAX_DEPTH {
        Value::Unresolved("nested too deeply".into())
    } else {
        value_of(e, scope, depth)
    };
    let mut node = Node::new(span, value);
    node.from = origin(e, scope, &node.value);
    node
}

/// Where a reference got its value, said with the value: `var.ttl = 3600, terraform.tfvars:1`,
/// `var.ttl = 3600, its default`, `var.app.ttl = 3600, …`, `each.value.ttl = 3600, for_each
/// key "web"`.
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
    let path = path_text(root.value().as_str(), &t.operators);
    match root.value().as_str() {
        "var" => {
            let from = scope
                .set
                .get(name)
                .map_or("its default", |(_, o)| o.as_str());
            Some(format!("{path} = {shown}, {from}").into())
        }
        "local" => Some(format!("{path} = {shown}").into()),
        "each" => {
            let key = scope.each.as_ref().map_or("", |(k, _)| k.as_str());
            Some(format!("{path} = {shown}, for_each key \"{key}\"").into())
        }
        _ => None,
    }
}

/// A reference as written, for the notes: `var.apis["web"].ttl`.
fn path_text(root: &str, operators: &[hcl_edit::Decorated<TraversalOperator>]) -> String {
    let mut out = root.to_string();
    for op in operators {
        match op.value() {
            TraversalOperator::GetAttr(a) => {
                out.push('.');
                out.push_str(a.value().as_str());
            }
            TraversalOperator::Index(Expression::String(s)) => {
                out.push_str(&format!("[\"{}\"]", s.value().as_str()));
            }
            TraversalOperator::Index(Expression::Number(n)) => {
                out.push_str(&format!("[{}]", n.value()));
            }
            TraversalOperator::LegacyIndex(i) => out.push_str(&format!(".{}", i.value())),
            _ => out.push_str("[…]"),
        }
    }
    out
}

/// The value of an expression, as far as what is known before apply allows.
pub(super) fn value_of(e: &Expression, scope: &Scope, depth: u8) -> Value {
    if depth > MAX_DEPTH {
        return Value::Unresolved("nested too deeply".into());
    }
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
        Expression::BinaryOp(b) => binary(b, scope, depth),
        Expression::Traversal(t) => traversal(t, scope, depth),
        Expression::Variable(v) => Value::Unresolved(format!("refers to {}", v.value().as_str())),
        Expression::FuncCall(f) => call(f, scope, depth),
        Expression::Conditional(c) => match value_of(&c.cond_expr, scope, depth + 1) {
            Value::Bool(true) => value_of(&c.true_expr, scope, depth + 1),
            Value::Bool(false) => value_of(&c.false_expr, scope, depth + 1),
            Value::Unresolved(why) => Value::Unresolved(format!(
                "a conditional on what is not known before apply ({why})"
            )),
            _ => Value::Unresolved("a conditional on a value that is not true or false".into()),
        },
        Expression::StringTemplate(_) | Expression::HeredocTemplate(_) => {
            Value::Unresolved("a string template".into())
        }
        Expression::ForExpr(_) => Value::Unresolved("a for expression".into()),
    }
}

/// An object key written as a name or a string (a computed key is known only when planning).
fn key_name(k: &ObjectKey) -> Option<String> {
    match k {
        ObjectKey::Ident(i) => Some(i.value().as_str().to_string()),
        ObjectKey::Expression(Expression::String(s)) => Some(s.value().to_string()),
        _ => None,
    }
}

/// An object's attributes whose keys are names or strings.
fn object(o: &Object, scope: &Scope, depth: u8) -> Value {
    Value::Map(
        o.iter()
            .filter_map(|(k, v)| {
                let key = key_name(k)?;
                Some(Entry {
                    key,
                    key_span: k.span().unwrap_or(0..0),
                    value: eval(v.expr(), scope, depth + 1),
                })
            })
            .collect(),
    )
}

/// Arithmetic and comparison of numbers, equality of any two known values, `&&` and `||`.
fn binary(b: &hcl_edit::expr::BinaryOp, scope: &Scope, depth: u8) -> Value {
    let l = value_of(&b.lhs_expr, scope, depth + 1);
    let r = value_of(&b.rhs_expr, scope, depth + 1);
    let op = *b.operator.value();
    match (l, r) {
        (Value::Unresolved(why), _) | (_, Value::Unresolved(why)) => Value::Unresolved(why),
        (l, r) if matches!(op, BinaryOperator::Eq | BinaryOperator::NotEq) => {
            Value::Bool((same(&l, &r)) == (op == BinaryOperator::Eq))
        }
        (Value::Bool(x), Value::Bool(y)) if op == BinaryOperator::And => Value::Bool(x && y),
        (Value::Bool(x), Value::Bool(y)) if op == BinaryOperator::Or => Value::Bool(x || y),
        (Value::Num(x), Value::Num(y)) => {
            let v = match op {
                BinaryOperator::Plus => Some(Value::Num(x + y)),
                BinaryOperator::Minus => Some(Value::Num(x - y)),
                BinaryOperator::Mul => Some(Value::Num(x * y)),
                BinaryOperator::Div if y != 0.0 => Some(Value::Num(x / y)),
                BinaryOperator::Mod if y != 0.0 => Some(Value::Num(x % y)),
                BinaryOperator::Less => Some(Value::Bool(x < y)),
                BinaryOperator::LessEq => Some(Value::Bool(x <= y)),
                BinaryOperator::Greater => Some(Value::Bool(x > y)),
                BinaryOperator::GreaterEq => Some(Value::Bool(x >= y)),
                _ => None,
            };
            match v {
                Some(Value::Num(n)) if !n.is_finite() => None,
                v => v,
            }
            .unwrap_or_else(|| {
                Value::Unresolved("an operation that is not arithmetic on numbers".into())
            })
        }
        _ => Value::Unresolved("an operation on values that are not numbers".into()),
    }
}

/// Terraform's equality of two known values (a number and its string are not equal).
fn same(l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Num(x), Value::Num(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Null, Value::Null) => true,
        _ => false,
    }
}

/// `var.NAME…`, `local.NAME…` and `each.key` / `each.value…`, resolved and then followed through
/// their attributes and indexes; other references and iterators are what only a plan knows.
fn traversal(t: &Traversal, scope: &Scope, depth: u8) -> Value {
    let Expression::Variable(root) = &t.expr else {
        // `merge(a, b).ttl`, `{ … }["web"]`: the value, then its attributes.
        return follow(
            value_of(&t.expr, scope, depth + 1),
            &t.operators,
            scope,
            depth,
        );
    };
    let root_name = root.value().as_str();
    let first = t.operators.first().map(|o| o.value());
    let name = match first {
        Some(TraversalOperator::GetAttr(a)) => a.value().as_str(),
        _ if matches!(root_name, "var" | "local" | "each") => {
            return Value::Unresolved(format!("{root_name} with an index"))
        }
        _ => return Value::Unresolved(format!("{root_name} with attribute or index access")),
    };
    let start = match root_name {
        "var" => match var_value(scope, name, depth) {
            Some(v) => v,
            None => return Value::Unresolved(format!(
                "var.{name} has no literal default in this module and no value in its .tfvars files (pass --var {name}=VALUE or --var-file)"
            )),
        },
        "local" => match scope.locals.get(name) {
            Some(expr) => value_of(expr, scope, depth + 1),
            None => {
                return Value::Unresolved(format!(
                    "local.{name} is not defined as a literal in this module"
                ))
            }
        },
        "each" => match (&scope.each, name) {
            (Some((key, _)), "key") => Value::Str(key.clone()),
            (Some((_, value)), "value") => value.clone(),
            _ => return iterator(root_name),
        },
        // A dynamic block's iterator (`refresh_token.value`), which only a plan expands.
        other if matches!(name, "value" | "key") => return iterator(other),
        other if t.operators.len() == 1 => {
            return Value::Unresolved(format!(
                "refers to {other}.{name}, which Terraform knows only when it plans"
            ))
        }
        other => return Value::Unresolved(format!("{other} with attribute or index access")),
    };
    follow(start, &t.operators[1..], scope, depth)
}

fn iterator(root: &str) -> Value {
    Value::Unresolved(format!(
        "refers to {root}.value, the iterator of a dynamic block or for_each, which Terraform knows only when it plans"
    ))
}

/// A variable's value as Terraform sets it (its last setting, else its default), with the
/// defaults its type's `optional()` attributes give.
fn var_value(scope: &Scope, name: &str, depth: u8) -> Option<Value> {
    let value = match scope.set.get(name) {
        Some((value, _)) => value.clone(),
        None => value_of(scope.vars.get(name)?, scope, depth + 1),
    };
    Some(match scope.types.get(name) {
        Some(ty) => with_defaults(value, ty, scope, depth),
        None => value,
    })
}

/// `value` with what its type's `optional(type, default)` attributes give where it leaves them
/// out, in objects and in the maps, lists and sets of objects a type holds.
fn with_defaults(value: Value, ty: &Expression, scope: &Scope, depth: u8) -> Value {
    let Expression::FuncCall(f) = ty else {
        return value;
    };
    let inner = f.args.iter().next();
    match (f.name.name.value().as_str(), value, inner) {
        ("optional", value, Some(t)) => with_defaults(value, t, scope, depth),
        ("object", Value::Map(mut entries), Some(Expression::Object(attributes))) => {
            for (k, v) in attributes.iter() {
                let Some(key) = key_name(k) else {
                    continue;
                };
                let attribute_type = v.expr();
                match entries.iter_mut().find(|e| e.key == key) {
                    Some(e) => {
                        let given = std::mem::replace(&mut e.value.value, Value::Null);
                        e.value.value = with_defaults(given, attribute_type, scope, depth);
                    }
                    None => {
                        if let Some(default) = optional_default(attribute_type) {
                            entries.push(Entry {
                                key,
                                key_span: 0..0,
                                value: eval(default, scope, depth + 1),
                            });
                        }
                    }
                }
            }
            Value::Map(entries)
        }
        ("map", Value::Map(mut entries), Some(t)) => {
            for e in &mut entries {
                let given = std::mem::replace(&mut e.value.value, Value::Null);
                e.value.value = with_defaults(given, t, scope, depth);
            }
            Value::Map(entries)
        }
        ("list" | "set", Value::Seq(mut items), Some(t)) => {
            for n in &mut items {
                let given = std::mem::replace(&mut n.value, Value::Null);
                n.value = with_defaults(given, t, scope, depth);
            }
            Value::Seq(items)
        }
        (_, value, _) => value,
    }
}

/// The default of `optional(type, default)`.
fn optional_default(ty: &Expression) -> Option<&Expression> {
    match ty {
        Expression::FuncCall(f) if f.name.name.value().as_str() == "optional" => {
            f.args.iter().nth(1)
        }
        _ => None,
    }
}

/// A value followed through attributes (`.ttl`) and indexes (`["web"]`, `[0]`).
fn follow(
    mut value: Value,
    operators: &[hcl_edit::Decorated<TraversalOperator>],
    scope: &Scope,
    depth: u8,
) -> Value {
    for op in operators {
        let key = match op.value() {
            TraversalOperator::GetAttr(a) => Value::Str(a.value().as_str().to_string()),
            TraversalOperator::Index(e) => value_of(e, scope, depth + 1),
            TraversalOperator::LegacyIndex(i) => Value::Num(*i.value() as f64),
            TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                return Value::Unresolved("a splat expression".into())
            }
        };
        value = match (value, key) {
            (Value::Unresolved(why), _) | (_, Value::Unresolved(why)) => {
                return Value::Unresolved(why)
            }
            (Value::Map(entries), Value::Str(k)) => {
                match entries.into_iter().rev().find(|e| e.key == k) {
                    Some(e) => e.value.value,
                    None => return Value::Unresolved(format!("has no attribute or key “{k}”")),
                }
            }
            (Value::Seq(items), Value::Num(i)) if i >= 0.0 && i.fract() == 0.0 => {
                match items.into_iter().nth(i as usize) {
                    Some(n) => n.value,
                    None => return Value::Unresolved(format!("has no element {i}")),
                }
            }
            _ => {
                return Value::Unresolved(
                    "attribute or index access on a value that has none".into(),
                )
            }
        };
    }
    value
}

/// The functions tenant modules apply to lifetimes; any other is what only apply knows.
fn call(f: &FuncCall, scope: &Scope, depth: u8) -> Value {
    let name = f.name.name.value().as_str();
    let unknown = || Value::Unresolved(format!("a call to {name}()"));
    if !f.name.namespace.is_empty() {
        return unknown();
    }
    let args = || f.args.iter().map(|e| value_of(e, scope, depth + 1));
    let answer = match name {
        // The first argument that is known: Terraform's try catches what cannot be evaluated.
        "try" => Some(
            args()
                .find(|v| !matches!(v, Value::Unresolved(_)))
                .unwrap_or_else(|| Value::Unresolved("try() of nothing known before apply".into())),
        ),
        "coalesce" => Some(coalesce(args())),
        "lookup" => lookup(args().collect()),
        "merge" => merge(args().collect()),
        "tonumber" => tonumber(args().next()),
        "min" | "max" => min_max(name == "max", args().collect()),
        "toset" | "tolist" | "tomap" => match args().next() {
            Some(v @ (Value::Seq(_) | Value::Map(_) | Value::Unresolved(_))) => Some(v),
            _ => None,
        },
        _ => None,
    };
    answer.unwrap_or_else(unknown)
}

/// The first unresolved value among `values`, as the answer of a function that needs them all.
fn first_unresolved(values: &[Value]) -> Option<Value> {
    values.iter().find_map(|v| match v {
        Value::Unresolved(why) => Some(Value::Unresolved(why.clone())),
        _ => None,
    })
}

/// The first argument that is neither null nor an empty string.
fn coalesce(args: impl Iterator<Item = Value>) -> Value {
    for v in args {
        match v {
            Value::Null => continue,
            Value::Str(s) if s.is_empty() => continue,
            v => return v,
        }
    }
    Value::Unresolved("coalesce() of only null or empty values".into())
}

/// `lookup(map, key, default)`; `None` for arguments of other types.
fn lookup(args: Vec<Value>) -> Option<Value> {
    if let Some(v) = first_unresolved(&args[..args.len().min(2)]) {
        return Some(v);
    }
    match (args.first(), args.get(1), args.get(2)) {
        (Some(Value::Map(entries)), Some(Value::Str(key)), default) => Some(
            entries
                .iter()
                .rev()
                .find(|e| &e.key == key)
                .map(|e| e.value.value.clone())
                .or_else(|| default.cloned())
                .unwrap_or_else(|| {
                    Value::Unresolved(format!("lookup() of a key the map has not (“{key}”)"))
                }),
        ),
        _ => None,
    }
}

/// The maps merged, later keys winning; `None` when an argument is no map.
fn merge(args: Vec<Value>) -> Option<Value> {
    if let Some(v) = first_unresolved(&args) {
        return Some(v);
    }
    let mut merged: Vec<Entry> = Vec::new();
    for v in args {
        let Value::Map(entries) = v else {
            return None;
        };
        for e in entries {
            merged.retain(|m| m.key != e.key);
            merged.push(e);
        }
    }
    Some(Value::Map(merged))
}

/// A number, or a string Terraform reads as one.
fn tonumber(arg: Option<Value>) -> Option<Value> {
    match arg? {
        Value::Num(n) => Some(Value::Num(n)),
        Value::Str(s) => Some(match s.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Value::Num(n),
            _ => Value::Unresolved(format!("tonumber(\"{s}\"), which Terraform refuses")),
        }),
        Value::Unresolved(why) => Some(Value::Unresolved(why)),
        _ => None,
    }
}

/// The largest (`max`) or smallest of numbers; `None` when one is no number.
fn min_max(max: bool, args: Vec<Value>) -> Option<Value> {
    if let Some(v) = first_unresolved(&args) {
        return Some(v);
    }
    let numbers: Vec<f64> = args
        .iter()
        .map(|v| match v {
            Value::Num(n) => Some(*n),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let first = *numbers.first()?;
    Some(Value::Num(numbers.into_iter().fold(first, |a, b| {
        if max {
            a.max(b)
        } else {
            a.min(b)
        }
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, scope: &Scope) -> Value {
        let e = hcl_edit::parser::parse_expr(text).expect("an expression");
        value_of(&e, scope, 0)
    }

    #[test]
    fn functions_conditionals_and_access() {
        let s = Scope::default();
        assert_eq!(
            value("merge({a = 1, b = 2}, {a = 3}).a", &s),
            Value::Num(3.0)
        );
        assert_eq!(
            value("lookup(merge({a = 1}, {a = 3600}), \"a\")", &s),
            Value::Num(3600.0)
        );
        assert_eq!(value("max(60, 3600) + min(1, 2)", &s), Value::Num(3601.0));
        assert_eq!(
            value("1 < 2 && \"x\" == \"x\" ? 86400 : 0", &s),
            Value::Num(86400.0)
        );
        assert_eq!(
            value("try(local.missing, tonumber(\"600\"))", &s),
            Value::Num(600.0)
        );
        assert_eq!(value("coalesce(null, \"\", 7200)", &s), Value::Num(7200.0));
        assert!(
            matches!(value("tonumber(\"1h\")", &s), Value::Unresolved(w) if w.contains("refuses"))
        );
        assert!(
            matches!(value("timeadd(\"x\", \"1h\")", &s), Value::Unresolved(w) if w == "a call to timeadd()")
        );
        assert!(
            matches!(value("each.value.ttl", &s), Value::Unresolved(w) if w.contains("iterator"))
        );
        assert!(
            matches!(value("data.x.y ? 1 : 2", &s), Value::Unresolved(w) if w.contains("not known before apply"))
        );
    }

    #[test]
    fn variables_are_followed_through_their_attributes_and_indexes() {
        let mut s = Scope::default();
        s.set_var(
            "apis",
            value(
                "{ web = { ttl = 3600 }, list = [1, 2, 3] }",
                &Scope::default(),
            ),
            "terraform.tfvars:1".into(),
        );
        assert_eq!(value("var.apis.web.ttl", &s), Value::Num(3600.0));
        assert_eq!(value("var.apis[\"web\"][\"ttl\"]", &s), Value::Num(3600.0));
        assert_eq!(value("var.apis.list[2]", &s), Value::Num(3.0));
        assert!(
            matches!(value("var.apis.web.idle", &s), Value::Unresolved(w) if w.contains("“idle”"))
        );
        assert!(
            matches!(value("var.apis.list[7]", &s), Value::Unresolved(w) if w.contains("element 7"))
        );
    }
}
