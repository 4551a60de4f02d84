//! An organisation's policy: stricter limits and warning thresholds per field. A policy can only
//! tighten the rules; it never loosens a hard limit.

use crate::catalog::Field;
use crate::idmap::IdMap;
use crate::parse::parse;
use crate::text::{concat, u64_string};
use serde::{Deserialize, Serialize};

/// A limit as an IT team writes it: a number in the field's unit, or text in the input
/// language ("1h", "30 days").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PolicyValue {
    Number(u64),
    Text(String),
}

impl PolicyValue {
    /// The value in `field`'s unit, or `None` when the text does not parse.
    pub fn resolve(&self, field: &Field) -> Option<u64> {
        match self {
            PolicyValue::Number(n) => Some(*n),
            PolicyValue::Text(t) => parse(t, field.unit).ok(),
        }
    }
}

/// The policy for one field. Every entry is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldPolicy {
    /// Block a save above this (only when stricter than the hard maximum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<PolicyValue>,
    /// Block a save below this (only when stricter than the hard minimum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<PolicyValue>,
    /// Warn above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_above: Option<PolicyValue>,
    /// Warn below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_below: Option<PolicyValue>,
}

/// Policy for every field, keyed by field id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Policy {
    pub fields: IdMap<FieldPolicy>,
}

impl Policy {
    /// The policy for `field`, if any.
    pub fn for_field(&self, field: &Field) -> Option<&FieldPolicy> {
        self.fields.get(field.id)
    }

    /// Policy entries naming fields the catalog does not know, or values that do not parse:
    /// shown to the IT team rather than silently ignored.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (id, fp) in self.fields.iter() {
            let Some(field) = crate::catalog::FIELDS.iter().find(|f| f.id == id) else {
                out.push(concat(&["unknown field “", id, "”"]));
                continue;
            };
            for (name, v) in [
                ("max", &fp.max),
                ("min", &fp.min),
                ("warn_above", &fp.warn_above),
                ("warn_below", &fp.warn_below),
            ] {
                if let Some(v) = v {
                    if v.resolve(field).is_none() {
                        let text = match v {
                            PolicyValue::Number(n) => u64_string(*n),
                            PolicyValue::Text(t) => t.clone(),
                        };
                        out.push(concat(&[
                            id,
                            ".",
                            name,
                            ": “",
                            &text,
                            "” is not a lifetime",
                        ]));
                    }
                }
            }
        }
        out
    }
}
