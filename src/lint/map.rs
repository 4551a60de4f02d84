//! The lifetime map's model: a lint report's entities grouped by profile, for a tenant of hundreds
//! of applications read at a glance (the playground draws it; [`csv`] writes it as a table).
//!
//! Entities of one kind whose lifetimes are the same, with the same verdicts, form one row
//! ("214 applications"); rows with findings come first, then the outliers (a profile of one
//! where others of its kind share theirs), then the profiles, the largest first. Only lifetimes
//! go on the time axis: intervals and grace periods are listed apart, grouped by value.

use super::check::Found;
use super::Report;
use crate::catalog::{Field, Measure, Owner, FIELDS};
use crate::codes::Code;
use crate::format;
use crate::unit::Unit;
use crate::verdict::Level;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct LifetimeMap {
    /// Entities with a lifetime on the axis or a finding.
    pub entities: usize,
    /// The kinds of lifetime on the axis, in catalog order: a row's marks point into it.
    pub legend: Vec<Key>,
    pub rows: Vec<Row>,
    /// What is not drawn, being no lifetime, grouped by field and value.
    pub apart: Vec<Apart>,
}

/// One kind of lifetime, named once.
#[derive(Debug, Serialize)]
pub struct Key {
    pub field: &'static str,
    pub short: &'static str,
    pub name: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// Its lifetimes or settings have a warning or an error.
    Finding,
    /// A profile of one, where others of its kind share a profile.
    Outlier,
    Profile,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub standing: Standing,
    pub level: Level,
    /// The members' kind (`client`, `resource_server`, …).
    pub owner: Owner,
    /// "214 applications", or the one member's name ("API Payments").
    pub label: String,
    pub members: Vec<Member>,
    /// On the axis, shortest first.
    pub marks: Vec<Mark>,
    /// What the warnings and errors say about values not on the axis (a flag, a value not read,
    /// an interval), as "what: message".
    pub findings: Vec<String>,
    /// The lifetimes in words: "ID token 10 hours · refresh (idle) 15 days".
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub struct Member {
    /// "API Payments".
    pub name: String,
    pub path: String,
}

#[derive(Debug, Serialize)]
pub struct Mark {
    /// Index in the legend.
    pub key: usize,
    pub seconds: u64,
    /// "10 hours".
    pub words: String,
    pub raw: String,
    pub unit: &'static str,
    pub level: Level,
    /// The most serious message, when it is a warning or an error.
    pub said: Option<String>,
}

/// A value kept off the axis, with how many entities have it.
#[derive(Debug, Serialize)]
pub struct Apart {
    pub field: &'static str,
    pub short: &'static str,
    pub measures: Measure,
    pub raw: String,
    pub unit: &'static str,
    /// "1 minute"; none when the value could not be read.
    pub words: Option<String>,
    /// For an interval between attempts: how many attempts a day it allows.
    pub per_day: Option<u64>,
    /// "Attack protection auth0_attack_protection.this", or "214 applications".
    pub who: String,
}

/// What makes two entities alike: their kind, and each value's field, reading and verdict codes.
type Profile = (Owner, Vec<(&'static str, Option<u64>, String, Vec<Code>)>);

/// Groups `report`'s entities by profile.
pub fn lifetime_map(report: &Report) -> LifetimeMap {
    let entities = entities(report);
    let legend: Vec<&'static Field> = FIELDS
        .iter()
        .filter(|f| {
            entities
                .iter()
                .any(|e| e.values.iter().any(|v| on_axis(v) && v.field.id == f.id))
        })
        .collect();
    let mut groups: BTreeMap<Profile, Vec<&Entity>> = BTreeMap::new();
    for e in entities
        .iter()
        .filter(|e| e.values.iter().any(|v| on_map(v)))
    {
        groups.entry(profile(e)).or_default().push(e);
    }
    let shared = |owner: Owner| groups.iter().any(|((o, _), m)| *o == owner && m.len() > 1);
    let mut rows: Vec<Row> = groups
        .iter()
        .map(|((owner, _), members)| row(*owner, members, &legend, shared(*owner)))
        .collect();
    rows.sort_by(|a, b| order(a).cmp(&order(b)));
    LifetimeMap {
        entities: groups.values().map(Vec::len).sum(),
        legend: legend
            .iter()
            .map(|f| Key {
                field: f.id,
                short: f.short,
                name: f.name,
            })
            .collect(),
        rows,
        apart: apart(&entities),
    }
}

/// Findings first (errors before warnings), then outliers, then profiles; the largest first.
fn order(r: &Row) -> (Standing, Reverse<Level>, Reverse<usize>, Owner, &str) {
    (
        r.standing,
        Reverse(r.level),
        Reverse(r.members.len()),
        r.owner,
        &r.label,
    )
}

/// One entity's values, in file order.
struct Entity<'a> {
    owner: Owner,
    name: String,
    path: String,
    values: Vec<&'a Found>,
}

fn entities(report: &Report) -> Vec<Entity<'_>> {
    let mut out: Vec<Entity> = Vec::new();
    for f in &report.files {
        let path = f.path.display().to_string();
        // An entity is one file's: the same name in two files is two entities.
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for v in &f.values {
            let at = *index.entry(&v.entity).or_insert_with(|| {
                out.push(Entity {
                    owner: v.field.owner,
                    name: entity_name(&v.entity, v.field.owner),
                    path: path.clone(),
                    values: Vec::new(),
                });
                out.len() - 1
            });
            out[at].values.push(v);
        }
    }
    out
}

/// `resource_server:Payments` → "API Payments"; `tenant` → "Tenant".
pub fn entity_name(entity: &str, owner: Owner) -> String {
    let noun = owner.noun().0;
    let mut out = String::with_capacity(noun.len() + entity.len());
    let mut chars = noun.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    if let Some((_, name)) = entity.split_once(':') {
        out.push(' ');
        out.push_str(name);
    }
    out
}

/// A lifetime read from the file, of a field that measures one.
fn on_axis(v: &Found) -> bool {
    v.is_lifetime() && v.seconds.is_some() && v.field.measures == Measure::Lifetime
}

/// What puts an entity on the map and into its profile: a lifetime to draw, or a finding.
fn on_map(v: &Found) -> bool {
    on_axis(v) || v.level >= Level::Warning
}

fn profile(e: &Entity) -> Profile {
    let mut values: Vec<_> = e
        .values
        .iter()
        .filter(|v| on_map(v))
        .map(|v| {
            let about = v.about.unwrap_or_default().to_string();
            let codes = v
                .messages
                .iter()
                .filter(|m| m.level >= Level::Warning)
                .map(|m| m.code)
                .collect();
            // A value not read is told apart by what the file says.
            let reading = if v.seconds.is_some() {
                about
            } else {
                format!("{about}\u{0}{}", v.raw)
            };
            (v.field.id, v.seconds, reading, codes)
        })
        .collect();
    values.sort();
    (e.owner, values)
}

fn row(owner: Owner, members: &[&Entity], legend: &[&Field], shared: bool) -> Row {
    let first = members[0];
    let level = first
        .values
        .iter()
        .map(|v| v.level)
        .max()
        .unwrap_or(Level::Ok);
    let mut marks: Vec<Mark> = first
        .values
        .iter()
        .filter(|v| on_axis(v))
        .filter_map(|v| {
            let seconds = v.seconds?;
            Some(Mark {
                key: legend.iter().position(|f| f.id == v.field.id)?,
                seconds,
                words: format::words(seconds, Unit::Seconds),
                raw: v.raw.clone(),
                unit: v.unit.name(),
                level: v.level,
                said: headline(v),
            })
        })
        .collect();
    marks.sort_by_key(|m| (m.seconds, m.key));
    let findings = first
        .values
        .iter()
        .filter(|v| !on_axis(v) && v.level >= Level::Warning)
        .filter_map(|v| {
            Some(format!(
                "{}: {}",
                v.about.unwrap_or(v.field.short),
                headline(v)?
            ))
        })
        .collect();
    let summary = marks
        .iter()
        .map(|m| format!("{} {}", legend[m.key].short, m.words))
        .collect::<Vec<_>>()
        .join(" · ");
    let standing = if level >= Level::Warning {
        Standing::Finding
    } else if members.len() == 1 && shared {
        Standing::Outlier
    } else {
        Standing::Profile
    };
    let label = who(members);
    Row {
        standing,
        level,
        owner,
        label,
        members: members
            .iter()
            .map(|e| Member {
                name: e.name.clone(),
                path: e.path.clone(),
            })
            .collect(),
        marks,
        findings,
        summary,
    }
}

/// The most serious message of a value, when it is a warning or an error.
fn headline(v: &Found) -> Option<String> {
    v.messages
        .iter()
        .filter(|m| m.level >= Level::Warning)
        .max_by_key(|m| m.level)
        .map(|m| m.text.clone())
}

/// The one member's name, or how many: "API Payments", "214 applications".
fn who(members: &[&Entity]) -> String {
    match members {
        [one] => one.name.clone(),
        _ => format!(
            "{} {}",
            format::group(members.len() as u64),
            members[0].owner.noun().1
        ),
    }
}

fn apart(entities: &[Entity]) -> Vec<Apart> {
    // Per field (in catalog order), value and kind: the first value read, and who has it.
    type Group<'a> = (&'a Found, Vec<&'a Entity<'a>>);
    let mut groups: BTreeMap<(usize, &str, Owner), Group> = BTreeMap::new();
    for e in entities {
        for v in &e.values {
            if v.is_lifetime() && v.field.measures != Measure::Lifetime {
                let order = FIELDS
                    .iter()
                    .position(|f| f.id == v.field.id)
                    .unwrap_or(usize::MAX);
                let group = groups.entry((order, &v.raw, e.owner));
                group.or_insert_with(|| (v, Vec::new())).1.push(e);
            }
        }
    }
    groups
        .into_values()
        .map(|(v, members)| {
            let value = v.value;
            Apart {
                field: v.field.id,
                short: v.field.short,
                measures: v.field.measures,
                raw: v.raw.clone(),
                unit: v.unit.name(),
                words: value.map(|(n, unit)| format::words(n, unit)),
                per_day: match (v.field.measures, value) {
                    (Measure::Interval, Some((n, unit))) if n > 0 => {
                        Some(86_400_000 / n.saturating_mul(unit.millis()))
                    }
                    _ => None,
                },
                who: who(&members),
            }
        })
        .collect()
}

/// The grouped table as CSV (RFC 4180): a row per map row, a column per kind of lifetime (in
/// seconds), the members named in one cell.
pub fn csv(map: &LifetimeMap) -> String {
    let mut out = String::new();
    let mut header = vec![
        "row".to_string(),
        "standing".into(),
        "level".into(),
        "kind".into(),
        "count".into(),
        "members".into(),
    ];
    header.extend(map.legend.iter().map(|k| format!("{} (seconds)", k.short)));
    header.push("findings".into());
    line(&mut out, &header);
    for r in &map.rows {
        let mut cells = vec![
            r.label.clone(),
            standing_word(r.standing).into(),
            r.level.code().into(),
            r.owner.code().into(),
            r.members.len().to_string(),
            r.members
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ];
        cells.extend((0..map.legend.len()).map(|k| {
            r.marks
                .iter()
                .find(|m| m.key == k)
                .map(|m| m.seconds.to_string())
                .unwrap_or_default()
        }));
        let said = r.marks.iter().filter_map(|m| m.said.clone());
        cells.push(
            said.chain(r.findings.iter().cloned())
                .collect::<Vec<_>>()
                .join(" | "),
        );
        line(&mut out, &cells);
    }
    out
}

fn standing_word(s: Standing) -> &'static str {
    match s {
        Standing::Finding => "finding",
        Standing::Outlier => "outlier",
        Standing::Profile => "profile",
    }
}

fn line(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

/// Quoted when it holds a comma, a quote or a line break. No cell starts with what a spreadsheet
/// runs as a formula: names follow their kind ("Application =x"), findings their field.
fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}
