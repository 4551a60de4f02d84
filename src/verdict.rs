//! Verdicts: one call turns a field and what the admin typed into everything the UI shows.

use crate::catalog::{self, Field, Flow, Kind};
use crate::codes::Code;
use crate::format;
use crate::idmap::IdMap;
use crate::parse::{parse, ParseError};
use crate::policy::Policy;
use crate::unit::Unit;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// How serious a verdict or a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth knowing; never changes the verdict.
    Info,
    Ok,
    Warning,
    Error,
}

impl Level {
    /// The stable lowercase name, as serialised.
    pub const fn code(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Ok => "ok",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// One thing to tell the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// Stable, machine-readable code (`above_maximum`, `exceeds_token_lifetime`, …).
    pub code: Code,
    pub level: Level,
    pub text: Text,
}

/// The words of a message. They are put together when read (`to_string`, `{}`, serialising), not
/// when the verdict is made: a keystroke needs the level and the codes, and most verdicts are
/// never read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// Words that never change.
    Fixed(&'static str),
    /// A refusal of the input, with its suggestion.
    Refusal(ParseError),
    /// `template` with its `{…}` placeholder replaced by an amount: "86,400 s (1 day)".
    Amount {
        template: &'static str,
        value: u64,
        unit: Unit,
    },
    /// A limit of the catalog: the amount as in `Amount`, then what kind of fact it is
    /// ("… — Management API schema.").
    Limit {
        template: &'static str,
        value: u64,
        unit: Unit,
        kind: Kind,
    },
    /// "This is Auth0's default" — or, where sources disagree, which default it is.
    Default {
        kind: Kind,
        note: Option<&'static str>,
    },
}

/// Writes `template` with its `{…}` placeholder replaced by the amount in the unit and in words,
/// then, for a catalog limit, its kind: "Above 2,592,000 s (30 days) … — Management API schema."
fn write_amount(out: &mut String, template: &str, value: u64, unit: Unit, kind: Option<Kind>) {
    let (before, rest) = template.split_once('{').unwrap_or((template, ""));
    let after = rest.split_once('}').map_or("", |(_, a)| a);
    for part in [
        before,
        &format::group(value),
        " ",
        unit.symbol(),
        " (",
        &format::words(value, unit),
        ")",
    ] {
        out.push_str(part);
    }
    match kind {
        Some(kind) => {
            for part in [after.trim_end_matches('.'), " — ", kind.label(), "."] {
                out.push_str(part);
            }
        }
        None => out.push_str(after),
    }
}

impl Text {
    /// Appends the words to `out` (without `core::fmt`, whose code the content module leaves out).
    pub fn write_to(&self, out: &mut String) {
        match self {
            Text::Fixed(s) => out.push_str(s),
            Text::Refusal(e) => e.write_to(out),
            Text::Amount {
                template,
                value,
                unit,
            } => write_amount(out, template, *value, *unit, None),
            Text::Limit {
                template,
                value,
                unit,
                kind,
            } => write_amount(out, template, *value, *unit, Some(*kind)),
            Text::Default { kind, note: None } => {
                for part in ["This is Auth0's default — ", kind.label(), "."] {
                    out.push_str(part);
                }
            }
            Text::Default { note: Some(n), .. } => {
                for part in ["This is the default the documentation gives; ", n, "."] {
                    out.push_str(part);
                }
            }
        }
    }

    /// The words, put together.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render())
    }
}

/// A flow the value governs, as serialised: `{"code": "implicit", "name": "Implicit"}`.
struct FlowNote(Flow);

impl Serialize for FlowNote {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FlowNote", 2)?;
        st.serialize_field("code", self.0.code())?;
        st.serialize_field("name", self.0.name())?;
        st.end()
    }
}

/// Everything known around the field being checked.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    /// Current inputs of the other lifetime fields on the page, by field id.
    pub siblings: IdMap<String>,
    /// The API's identifier (audience), when the page shows one.
    pub api_identifier: Option<String>,
    /// Fields whose toggle is known to be off, by id: Auth0 does not enforce them.
    pub disabled: Vec<String>,
    /// The organisation's policy.
    pub policy: Option<Policy>,
}

/// The result of checking one field. Serialised, it also carries `human` and `equation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub field: &'static str,
    pub unit: Unit,
    /// The value in the field's unit, when the input parses.
    pub value: Option<u64>,
    /// The value in seconds.
    pub seconds: Option<u64>,
    /// True when the input already is the plain whole number the field stores, so there is
    /// nothing to convert.
    pub canonical: bool,
    pub level: Level,
    pub blocks_save: bool,
    pub messages: Vec<Message>,
    /// The flows that follow this value.
    pub flows: &'static [Flow],
    /// What the value governs, in one sentence.
    pub explanation: &'static str,
    /// The parse error, when the input does not parse.
    pub error: Option<ParseError>,
    /// The one change that clears a blocking relation: set this field to the other field's value.
    pub fix: Option<Fix>,
}

/// A value that resolves a save-blocking relation between two fields (`token_lifetime_for_web`
/// above `token_lifetime`): write `value` into the field `field`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The field to change (the one whose relation is broken).
    pub field: &'static str,
    /// Its new value, in its own unit: the other field's value.
    pub value: u64,
}

impl Verdict {
    /// The value in words: `1 day 12 hours`.
    pub fn human(&self) -> Option<String> {
        self.value.map(|v| format::words(v, self.unit))
    }

    /// `86,400 s = 1 day`.
    pub fn equation(&self) -> Option<String> {
        self.value.map(|v| format::equation(v, self.unit))
    }
}

impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Verdict", 13)?;
        st.serialize_field("field", self.field)?;
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("seconds", &self.seconds)?;
        st.serialize_field("human", &self.human())?;
        st.serialize_field("equation", &self.equation())?;
        st.serialize_field("canonical", &self.canonical)?;
        st.serialize_field("level", &self.level)?;
        st.serialize_field("blocks_save", &self.blocks_save)?;
        st.serialize_field("messages", &self.messages)?;
        let flows: Vec<FlowNote> = self.flows.iter().map(|&f| FlowNote(f)).collect();
        st.serialize_field("flows", &flows)?;
        st.serialize_field("explanation", self.explanation)?;
        st.serialize_field("error", &self.error)?;
        st.end()
    }
}

/// The field id is not in the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField(pub String);

impl std::fmt::Display for UnknownField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown field “{}”; `lifetime-guard fields` lists them",
            self.0
        )
    }
}

impl std::error::Error for UnknownField {}

/// Access tokens for the MFA API always live 600 seconds.
pub const MFA_TOKEN_LIFETIME: u64 = 600;

/// True for an `https://{tenant-domain}/mfa/` audience.
pub fn is_mfa_audience(identifier: &str) -> bool {
    let id = identifier.trim().to_ascii_lowercase();
    let Some(rest) = id.strip_prefix("https://") else {
        return false;
    };
    let Some((host, path)) = rest.split_once('/') else {
        return false;
    };
    !host.is_empty() && !host.contains(char::is_whitespace) && (path == "mfa" || path == "mfa/")
}

/// Checks what was typed into the field with this id.
pub fn check(field_id: &str, input: &str, ctx: &Context) -> Result<Verdict, UnknownField> {
    let field = catalog::field(field_id).ok_or_else(|| UnknownField(field_id.to_string()))?;
    Ok(check_field(field, input, ctx))
}

/// Checks what was typed into `field`.
pub fn check_field(field: &'static Field, input: &str, ctx: &Context) -> Verdict {
    let mut messages = Vec::new();
    let parsed = parse(input, field.unit);
    let value = parsed.as_ref().ok().copied();
    let error = parsed.err();
    // Only a lifetime that has a switch can be switched off; anything else is always enforced,
    // whatever a caller claims (found by fuzzing).
    let enforced = field.toggle_labels.is_empty() || !ctx.disabled.iter().any(|d| d == field.id);
    let unit = field.unit;

    if let Some(e) = &error {
        messages.push(Message {
            code: e.kind.into(),
            level: Level::Error,
            text: Text::Refusal(e.clone()),
        });
    }
    let mut fix = None;
    if let (Some(v), true) = (value, enforced) {
        fix = limits(field, v, ctx, &mut messages);
    }
    if !enforced {
        messages.push(Message {
            code: Code::NotEnforced,
            level: Level::Info,
            text: Text::Fixed("Its switch is off, so Auth0 does not apply this lifetime."),
        });
    }
    if field.is_api_token_lifetime() && ctx.api_identifier.as_deref().is_some_and(is_mfa_audience) {
        messages.push(Message {
            code: Code::MfaFixedLifetime,
            level: Level::Warning,
            text: Text::Amount {
                template: "This is the MFA API: its access tokens always live {}, whatever this field says.",
                value: MFA_TOKEN_LIFETIME,
                unit: Unit::Seconds,
            },
        });
    }
    // "This is Auth0's default" only of a value that breaks nothing.
    let refused = messages.iter().any(|m| m.level == Level::Error);
    if let Some(default) = field.default.filter(|d| value == Some(d.value) && !refused) {
        messages.push(Message {
            code: Code::IsDefault,
            level: Level::Info,
            text: Text::Default {
                kind: default.kind,
                note: field.default_note,
            },
        });
    }
    // A toggle that is off means Auth0 ignores the value, but a value that does not parse is
    // still refused by the Dashboard's own form, so parse errors keep blocking.
    let blocks_save = messages.iter().any(|m| m.level == Level::Error);
    let level = messages
        .iter()
        .map(|m| m.level)
        .filter(|l| *l >= Level::Warning)
        .max()
        .unwrap_or(Level::Ok);
    Verdict {
        field: field.id,
        unit,
        value,
        seconds: value.and_then(|v| unit.to_seconds(v)),
        canonical: value.is_some() && is_canonical(input),
        level,
        blocks_save,
        messages,
        flows: field.flows,
        explanation: field.explanation,
        error,
        fix,
    }
}

/// True when the text is the plain whole number the field stores: digits, no leading zero
/// (surrounding spaces aside). Only asked of text that parsed, so the digits are the value.
fn is_canonical(input: &str) -> bool {
    let b = input.trim().as_bytes();
    !b.is_empty() && b.iter().all(u8::is_ascii_digit) && (b.len() == 1 || b[0] != b'0')
}

/// Hard limits, policy, soft limits and relations for a parsed value; the fix for a broken
/// blocking relation, when there is one.
fn limits(field: &'static Field, v: u64, ctx: &Context, out: &mut Vec<Message>) -> Option<Fix> {
    let mut fix = None;
    let unit = field.unit;
    let policy = ctx.policy.as_ref().and_then(|p| p.for_field(field));
    // Each limit of the policy for this field, in the field's unit.
    let resolve = |pick: fn(&crate::policy::FieldPolicy) -> Option<&crate::policy::PolicyValue>| {
        policy.and_then(pick).and_then(|x| x.resolve(field))
    };

    if v < field.min.value {
        out.push(Message {
            code: Code::BelowMinimum,
            level: Level::Error,
            text: Text::Limit {
                template: "Must be at least {}.",
                value: field.min.value,
                unit,
                kind: field.min.kind,
            },
        });
    } else if let Some(pmin) = resolve(|p| p.min.as_ref()).filter(|&m| m > field.min.value) {
        if v < pmin {
            out.push(Message {
                code: Code::BelowPolicyMinimum,
                level: Level::Error,
                text: Text::Amount {
                    template: "Your organisation's policy requires at least {}.",
                    value: pmin,
                    unit,
                },
            });
        }
    }
    let hard = field.max.map(|m| m.value);
    if let Some(max) = field.max.filter(|m| v > m.value) {
        out.push(Message {
            code: Code::AboveMaximum,
            level: Level::Error,
            text: Text::Limit {
                template: if max.kind == Kind::Observed {
                    "Above {}: the Management API has refused such values."
                } else {
                    "Above the maximum of {}; Auth0 rejects the save."
                },
                value: max.value,
                unit,
                kind: max.kind,
            },
        });
    } else if let Some(pmax) = resolve(|p| p.max.as_ref()).filter(|&m| hard.is_none_or(|h| m < h)) {
        if v > pmax {
            out.push(Message {
                code: Code::AbovePolicyMaximum,
                level: Level::Error,
                text: Text::Amount {
                    template: "Your organisation's policy allows at most {}.",
                    value: pmax,
                    unit,
                },
            });
        }
    }
    if let Some(w) = resolve(|p| p.warn_above.as_ref()) {
        if v > w {
            out.push(Message {
                code: Code::PolicyWarnAbove,
                level: Level::Warning,
                text: Text::Amount {
                    template: "Your organisation asks for a review above {}.",
                    value: w,
                    unit,
                },
            });
        }
    }
    if let Some(w) = resolve(|p| p.warn_below.as_ref()) {
        if v < w {
            out.push(Message {
                code: Code::PolicyWarnBelow,
                level: Level::Warning,
                text: Text::Amount {
                    template: "Your organisation asks for a review below {}.",
                    value: w,
                    unit,
                },
            });
        }
    }
    // Only the highest soft limit exceeded is worth saying.
    if let Some(soft) = field
        .soft
        .iter()
        .filter(|s| v > s.above)
        .max_by_key(|s| s.above)
    {
        out.push(Message {
            code: soft.code,
            level: Level::Warning,
            text: Text::Limit {
                template: soft.text,
                value: soft.above,
                unit,
                kind: soft.kind,
            },
        });
    }
    for rel in field.relations {
        let Some(other_field) = catalog::FIELDS.iter().find(|f| f.id == rel.at_most) else {
            continue;
        };
        if !other_field.toggle_labels.is_empty() && ctx.disabled.iter().any(|d| d == other_field.id)
        {
            continue;
        }
        let Some(other) = ctx
            .siblings
            .get(rel.at_most)
            .and_then(|t| parse(t, other_field.unit).ok())
        else {
            continue;
        };
        let other_in_unit = unit.convert(other, other_field.unit);
        if v > other_in_unit {
            out.push(Message {
                code: rel.code,
                level: if rel.blocks {
                    Level::Error
                } else {
                    Level::Warning
                },
                text: Text::Limit {
                    template: rel.text,
                    value: other_in_unit,
                    unit,
                    kind: rel.kind,
                },
            });
            if rel.blocks && fix.is_none() {
                fix = Some(Fix {
                    field: field.id,
                    value: other_in_unit,
                });
            }
        }
    }
    fix
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{FieldPolicy, PolicyValue};

    /// Every message of every field, with every kind of limit firing, reads as a finished
    /// sentence: the amount is in place and no `{…}` placeholder is left.
    #[test]
    fn message_texts_fill_their_placeholders() {
        let mut seen = 0;
        for field in catalog::FIELDS {
            let mut ctx = Context {
                api_identifier: Some("https://acme.eu.auth0.com/mfa/".into()),
                ..Context::default()
            };
            for other in catalog::FIELDS {
                ctx.siblings.insert(other.id.to_string(), "1".into());
            }
            let mut policy = Policy::default();
            policy.fields.insert(
                field.id.to_string(),
                FieldPolicy {
                    min: Some(PolicyValue::Number(2)),
                    max: Some(PolicyValue::Number(3)),
                    warn_above: Some(PolicyValue::Number(1)),
                    warn_below: Some(PolicyValue::Number(5)),
                },
            );
            ctx.policy = Some(policy);
            for input in ["0", "1", "4", "86400", "2592001", "31536000", "1 month", ""] {
                for m in &check_field(field, input, &ctx).messages {
                    let text = m.text.to_string();
                    assert!(
                        !text.contains('{') && !text.contains('}'),
                        "{}: {text}",
                        field.id
                    );
                    if let Text::Amount { value, .. } = m.text {
                        assert!(text.contains(&format::group(value)), "{text}");
                    }
                    seen += 1;
                }
            }
        }
        assert!(seen > 100, "only {seen} messages");
    }
}

#[cfg(test)]
mod kinds {
    use super::*;

    fn text(field: &str, input: &str) -> (bool, Vec<String>) {
        let v = check(field, input, &Context::default()).expect("field");
        (
            v.blocks_save,
            v.messages.iter().map(|m| m.text.to_string()).collect(),
        )
    }

    #[test]
    fn every_limit_message_says_its_kind() {
        let (blocks, m) = text("token_lifetime", "31d");
        assert!(blocks);
        assert!(
            m[0].ends_with("Auth0 rejects the save — Management API schema."),
            "{m:?}"
        );
        let (blocks, m) = text("session_lifetime", "400d");
        assert!(
            blocks,
            "above 525,600 min the API refused a save (observed)"
        );
        assert!(
            m.iter().any(|t| t.ends_with("— observed, not documented.")),
            "{m:?}"
        );
        let (blocks, m) = text("ephemeral_session_lifetime", "400d");
        assert!(blocks, "by analogy");
        assert!(m.iter().any(|t| t.contains("observed")), "{m:?}");
        let (blocks, m) = text("refresh_token.leeway", "2h");
        assert!(!blocks);
        assert!(m[0].ends_with("— project rule."), "{m:?}");
        let (blocks, m) = text("token_lifetime", "0");
        assert!(blocks);
        assert_eq!(m[0], "Must be at least 1 s (1 second) — project rule.");
    }

    #[test]
    fn corrections_from_the_sources() {
        // No schema maximum for the idle refresh lifetime: a warning, never a block.
        let (blocks, m) = text("refresh_token.idle_token_lifetime", "157788001");
        assert!(!blocks, "{m:?}");
        assert!(
            m[0].contains("the maximum the documentation gives"),
            "{m:?}"
        );
        // Non-persistent sessions have the persistent plan limits.
        let (blocks, m) = text("idle_ephemeral_session_lifetime", "5000");
        assert!(!blocks);
        assert!(m[0].contains("self-service plans"), "{m:?}");
        let (_, m) = text("ephemeral_session_lifetime", "50000");
        assert!(m[0].contains("self-service plans"), "{m:?}");
        // A default the sources disagree on says which one it is.
        let (_, m) = text("token_lifetime_for_web", "86400");
        assert!(
            m[0].starts_with(
                "This is the default the documentation gives; the API fills in 7,200 s"
            ),
            "{m:?}"
        );
        let (_, m) = text("token_lifetime", "86400");
        assert_eq!(m[0], "This is Auth0's default — Auth0 documentation.");
        // Refresh tokens list the flows that issue them.
        let v = check("refresh_token.token_lifetime", "30d", &Context::default()).expect("f");
        assert_eq!(
            v.flows,
            &[
                Flow::AuthorizationCode,
                Flow::AuthorizationCodePkce,
                Flow::DeviceCode,
                Flow::ResourceOwnerPassword
            ]
        );
    }
}
