//! Every lifetime of an entity, read in the file's unit and checked by the same engine as
//! `lifetime-guard check` and the extension: limits, relations between the entity's fields,
//! `infinite_*` flags, the MFA audience, the organisation policy — plus what the deploying tool
//! does to the value (Terraform's rounding, settings its provider does not send).

use super::config::ApiJson;
use super::entities::{Entity, Format};
use super::keywords::placeholders;
use super::tree::{Entry, Node, Value};
use crate::catalog::{self, Field, InFile, Owner};
use crate::codes::Code;
use crate::policy::Policy;
use crate::verdict::{check_field, Context, Level};
use crate::Unit;
use std::ops::Range;

impl Found {
    /// "86,400 s = 1 day", once read (written when shown: most values of an export never are).
    pub fn equation(&self) -> Option<String> {
        self.value
            .map(|(value, unit)| crate::format::equation(value, unit))
    }
}

/// Which plan's session limits warn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Plan {
    #[default]
    SelfService,
    Enterprise,
}

/// What `lint` applies to every value.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub policy: Option<Policy>,
    pub plan: Plan,
    /// Terraform variable definitions files given on the command line (`--var-file`), in order.
    pub var_files: Vec<std::path::PathBuf>,
    /// Terraform variables given on the command line (`--var NAME=VALUE`), in order.
    pub vars: Vec<(String, String)>,
    /// Finding codes never reported (`.lifetime-guard.json`'s `ignore_codes`).
    pub ignore_codes: Vec<Code>,
    /// Files not linted when a directory is walked (`ignore_paths`, matched by
    /// [`super::config::glob_match`] relative to `ignore_base`).
    pub ignore_paths: Vec<String>,
    pub ignore_base: std::path::PathBuf,
    /// What Management API JSON files are (`--api-json`).
    pub api_json: super::config::ApiJson,
    /// Standard input (`-`), with the file name it stands for (which gives its format).
    pub stdin: Option<(std::path::PathBuf, String)>,
}

/// The unit a file writes a value in: the field's own, or hours (the tenant's sessions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileUnit {
    Field(Unit),
    Hours,
}

impl FileUnit {
    fn of(place: &InFile, field: &Field) -> FileUnit {
        if place.in_hours {
            FileUnit::Hours
        } else {
            FileUnit::Field(field.unit)
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            FileUnit::Field(unit) => unit.name(),
            FileUnit::Hours => "hours",
        }
    }
}

/// One message about a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub code: Code,
    pub level: Level,
    pub text: String,
}

/// One lifetime found in a file, with its verdict.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where the value is in the file as written.
    pub span: Range<usize>,
    /// `resource_server:Payments API`, `client:…`, `tenant` (shared by the entity's values).
    pub entity: std::sync::Arc<str>,
    pub field: &'static Field,
    /// The value as the file writes it (filled in from the file's text once checked).
    pub raw: String,
    pub unit: FileUnit,
    /// The value in seconds, once read.
    pub seconds: Option<u64>,
    /// The value in the unit of the verdict, once read (see [`Found::equation`]).
    pub value: Option<(u64, Unit)>,
    pub level: Level,
    pub messages: Vec<Said>,
    /// Findings left out on purpose: by a `lifetime-guard-ignore` comment with its reason, or by
    /// the config's `ignore_codes`.
    pub suppressed: Vec<Suppressed>,
    /// `None` for a lifetime read from the file. For a rule's finding about another setting of
    /// the entity that bears on `field` (`refresh_token.expiration_type: non-expiring` with
    /// rotation), that setting's path: the finding points at it, and it is no lifetime.
    pub about: Option<&'static str>,
}

/// A finding left out on purpose, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    pub said: Said,
    pub reason: String,
    /// Left out by the settings file (`ignore_codes`), not by a comment at the value.
    pub by_config: bool,
}

impl serde::Serialize for Suppressed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Suppressed", 5)?;
        st.serialize_field("code", &self.said.code)?;
        st.serialize_field("level", self.said.level.code())?;
        st.serialize_field("text", &self.said.text)?;
        st.serialize_field("reason", &self.reason)?;
        st.serialize_field("by", if self.by_config { "config" } else { "comment" })?;
        st.end()
    }
}

impl Found {
    /// What the finding is about: the setting it points at, or the lifetime's field.
    pub fn subject(&self) -> &'static str {
        self.about.unwrap_or(self.field.id)
    }

    /// A lifetime read from the file (not a rule's finding about another setting).
    pub fn is_lifetime(&self) -> bool {
        self.about.is_none()
    }

    /// Sorts the messages, most serious first (a diagnostic's headline is its worst), and sets
    /// the value's level from them.
    pub fn settle(&mut self) {
        self.messages.sort_by_key(|m| std::cmp::Reverse(m.level));
        self.level = self
            .messages
            .iter()
            .map(|m| m.level)
            .filter(|l| *l >= Level::Warning)
            .max()
            .unwrap_or(Level::Ok);
    }

    /// Moves the messages `drop` picks into [`Found::suppressed`], with `reason`.
    pub fn suppress(&mut self, drop: impl Fn(&Said) -> bool, reason: &str, by_config: bool) {
        let (gone, kept): (Vec<Said>, Vec<Said>) = std::mem::take(&mut self.messages)
            .into_iter()
            .partition(|m| drop(m));
        self.messages = kept;
        self.suppressed
            .extend(gone.into_iter().map(|said| Suppressed {
                said,
                reason: reason.to_string(),
                by_config,
            }));
        self.settle();
    }
}

/// Where each lifetime of an entity kind is, and in which unit the file writes it: the
/// catalog's rows for that owner.
fn paths(kind: Owner) -> impl Iterator<Item = (&'static InFile, &'static Field)> {
    catalog::FIELDS
        .iter()
        .filter(move |f| f.owner == kind)
        .flat_map(|f| f.in_files.iter().map(move |p| (p, f)))
}

/// The entry at a dotted path (one-element sequences looked through).
fn entry_at<'a>(node: &'a Node, path: &str) -> Option<&'a Entry> {
    let (parent, last) = match path.rsplit_once('.') {
        Some((p, l)) => (node.at(p)?, l),
        None => (node, path),
    };
    match &parent.single().value {
        Value::Map(entries) => entries.iter().find(|e| e.key == last),
        _ => None,
    }
}

/// What a value reads as, in the field's unit.
enum Reading {
    Value { value: u64, notes: Vec<Said> },
    NotChecked(String),
    Invalid(Code, String),
}

/// The number Terraform converts a string to, as it does for a number-typed argument
/// (`token_lifetime = "86400"`): decimal digits with an optional sign, fraction and exponent.
fn terraform_number(s: &str) -> Option<f64> {
    let numeric = !s.is_empty()
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    numeric.then(|| s.parse::<f64>().ok()).flatten()
}

fn read(node: &Node, field: &Field, unit: FileUnit, format: Format, api_json: ApiJson) -> Reading {
    let mut notes = Vec::new();
    let n = match &node.value {
        Value::Num(n) => *n,
        Value::Str(s) => match number_in_string(s, format) {
            Ok((n, note)) => {
                notes.extend(note);
                n
            }
            Err(reading) => return reading,
        },
        Value::Unresolved(why) => return Reading::NotChecked(format!("not checked: {why}")),
        Value::Bool(_) | Value::Map(_) | Value::Seq(_) => {
            return Reading::Invalid(Code::NotANumber, "Not a number.".into())
        }
        Value::Null | Value::Placeholder(_) => {
            return Reading::NotChecked("not checked: the value is null".into())
        }
    };
    if n < 0.0 {
        return Reading::Invalid(Code::Negative, "A lifetime cannot be negative.".into());
    }
    if let Some(from) = &node.from {
        notes.push(Said {
            code: Code::ResolvedFrom,
            level: Level::Info,
            text: format!("{from}."),
        });
    }
    let in_field_unit = match (unit, field.unit) {
        (FileUnit::Hours, Unit::Minutes) => {
            match hours_as_minutes(n, field, format, api_json, &mut notes) {
                Ok(minutes) => minutes,
                Err(reading) => return reading,
            }
        }
        _ => {
            if n.fract() != 0.0 {
                return Reading::Invalid(
                    Code::NotWhole,
                    format!("{n} is not a whole number of {}.", unit.name()),
                );
            }
            n
        }
    };
    if in_field_unit > crate::MAX_VALUE as f64 {
        return Reading::Invalid(Code::TooLarge, "Too large to be a lifetime.".into());
    }
    Reading::Value {
        value: in_field_unit as u64,
        notes,
    }
}

/// The number a string value stands for: in Terraform, what the provider converts it to (and a
/// note saying so); elsewhere a string is refused, as the Management API refuses it.
fn number_in_string(s: &str, format: Format) -> Result<(f64, Option<Said>), Reading> {
    if let Some((_, p)) = placeholders(s).into_iter().next() {
        return Err(Reading::NotChecked(format!(
            "its value is the placeholder {p}; pass --keywords with the Deploy CLI's keyword mappings to check it"
        )));
    }
    if format != Format::Terraform {
        return Err(match s.trim().parse::<f64>() {
            Ok(_) => Reading::Invalid(
                Code::NotANumber,
                format!("“{s}” is a string; the Management API expects a number and refuses a string (Expected type integer but found type string)."),
            ),
            Err(_) => Reading::Invalid(Code::NotANumber, format!("“{s}” is not a number.")),
        });
    }
    match terraform_number(s) {
        Some(n) => Ok((
            n,
            Some(Said {
                code: Code::TerraformConvertsString,
                level: Level::Info,
                text: format!(
                    "Terraform converts the string “{s}” to the number the provider sends."
                ),
            }),
        )),
        None => Err(Reading::Invalid(
            Code::NotANumber,
            format!("“{s}” is not a number; Terraform cannot convert it to one."),
        )),
    }
}

/// A tenant session written in hours (`n`), in the field's minutes, with what the way it is
/// sent changes: Terraform rounds, a Management API request refuses decimals, an answer has them.
fn hours_as_minutes(
    n: f64,
    field: &Field,
    format: Format,
    api_json: ApiJson,
    notes: &mut Vec<Said>,
) -> Result<f64, Reading> {
    // Terraform's provider sends session hours of 1 and more as whole hours.
    let hours = if format.is_terraform() && n >= 1.0 && n.fract() != 0.0 {
        let sent = n.round();
        notes.push(Said {
            code: Code::TerraformRoundsHours,
            level: Level::Warning,
            text: format!(
                "Terraform sends {sent} h, not {n} h: the Auth0 provider rounds session hours of 1 and more to whole hours."
            ),
        });
        sent
    } else {
        n
    };
    // The request schema says integer; answers may carry decimals (an `_in_minutes` setting read
    // back), and the Deploy CLI and Terraform convert before sending.
    if format == Format::ManagementApi && n.fract() != 0.0 {
        let name = field.id;
        match api_json {
            ApiJson::Request => {
                return Err(Reading::Invalid(
                    Code::NotWholeHours,
                    format!(
                        "{n} h is not a whole number of hours: the Management API refuses decimal hours in a request (Expected type integer but found type number). Send whole hours, or {} in {name}_in_minutes — Management API schema.",
                        (n * 60.0).round()
                    ),
                ))
            }
            ApiJson::Response => notes.push(Said {
                code: Code::DecimalHours,
                level: Level::Info,
                text: format!(
                    "Read as the API's answer, where decimal hours are normal. Sent back as it is, the API refuses it: a request takes whole hours or {name}_in_minutes (lint request bodies with --api-json request)."
                ),
            }),
        }
    }
    let minutes = hours * 60.0;
    if minutes.fract() != 0.0 {
        notes.push(Said {
            code: Code::RoundedToMinutes,
            level: Level::Info,
            text: format!(
                "{n} h is not a whole number of minutes; checked as {} min.",
                minutes.round()
            ),
        });
    }
    Ok(minutes.round())
}

/// The first placeholder in a line (`token_lifetime: ##TL##`, which the YAML reader turned into
/// a comment): what [`Node::mark_placeholders`] marks, right after reading.
pub fn placeholder_in_line(line: &str) -> Option<String> {
    placeholders(line).into_iter().next().map(|(_, p)| p)
}

/// The schema's own limits broken by `value` (in the field's unit): the Management API refuses
/// them whatever the other fields say.
fn schema_limits(field: &Field, value: u64) -> Option<Said> {
    let schema = |s: &catalog::Sourced| s.kind == catalog::Kind::Schema;
    let unit = field.unit.symbol();
    match (field.max.filter(schema), field.min) {
        (Some(max), _) if value > max.value => Some(Said {
            code: Code::AboveMaximum,
            level: Level::Error,
            text: format!(
                "Above the maximum of {} {unit}: the Management API refuses it as sent, even though the setting that makes this lifetime ignored is on — Management API schema.",
                crate::format::group(max.value)
            ),
        }),
        (_, min) if schema(&min) && value < min.value => Some(Said {
            code: Code::BelowMinimum,
            level: Level::Error,
            text: format!(
                "Below the minimum of {} {unit}: the Management API refuses it as sent, even though the setting that makes this lifetime ignored is on — Management API schema.",
                crate::format::group(min.value)
            ),
        }),
        _ => None,
    }
}

/// Checks every lifetime of `entity`, read with its spans in the file as written and its
/// placeholders marked.
pub fn check_entity(entity: &Entity, format: Format, options: &Options) -> Vec<Found> {
    let label: std::sync::Arc<str> = match entity.kind {
        Owner::Tenant => "tenant".into(),
        k => crate::text::concat(&[k.code(), ":", &entity.name]).into(),
    };
    let refresh = RefreshFlags::read(&entity.node);
    let mut ctx = context(entity, &refresh, options);
    // Read every value first: relations need the others.
    let readings = readings(entity, format, options, &mut ctx);
    let defaulted = defaults(entity, &readings, &mut ctx);
    let mut out = Vec::new();
    for (field, unit, span, reading) in readings {
        let mut found = Found {
            span,
            entity: label.clone(),
            field,
            raw: String::new(),
            unit,
            seconds: None,
            value: None,
            level: Level::Ok,
            messages: Vec::new(),
            suppressed: Vec::new(),
            about: None,
        };
        match reading {
            Reading::NotChecked(why) => found.messages.push(Said {
                code: Code::NotChecked,
                level: Level::Warning,
                text: why,
            }),
            Reading::Invalid(code, text) => found.messages.push(Said {
                code,
                level: Level::Error,
                text,
            }),
            Reading::Value { value, notes } => {
                judge(&mut found, value, notes, &defaulted, &ctx, options);
            }
        }
        if let Some(said) = not_sent_by_terraform(format, field, &ctx) {
            found.messages.push(said);
        }
        found.settle();
        out.push(found);
    }
    if entity.kind == Owner::Client {
        out.extend(refresh_token_rules(&refresh, &entity.node, &label));
    }
    out
}

/// A value read from an entity: its field, the unit the file writes it in, where it is, and what
/// was read.
type Read = (&'static Field, FileUnit, std::ops::Range<usize>, Reading);

/// A relation checked against the Auth0 default of a field the entity does not set: the field
/// whose relation it is, the other field, and its default.
type Defaulted = (&'static str, &'static Field, catalog::Sourced);

/// What the verdicts of an entity's values share: the policy, the API's identifier, and the
/// lifetimes its flags switch off.
fn context(entity: &Entity, refresh: &RefreshFlags, options: &Options) -> Context {
    let node = &entity.node;
    let mut ctx = Context {
        policy: options.policy.clone(),
        ..Context::default()
    };
    ctx.api_identifier = node
        .get("identifier")
        .and_then(Node::as_str)
        .map(str::to_string);
    if entity.kind == Owner::Client {
        if refresh.non_expiring.is_some() || refresh.infinite.is_some() {
            ctx.disabled.push("refresh_token.token_lifetime".into());
        }
        if refresh.non_expiring.is_some()
            || node
                .at("refresh_token.infinite_idle_token_lifetime")
                .is_some_and(Node::is_true)
        {
            ctx.disabled
                .push("refresh_token.idle_token_lifetime".into());
        }
        // The rotation overlap applies only while rotation is on.
        if refresh.rotation.is_some_and(|t| t != "rotating") {
            ctx.disabled.push("refresh_token.leeway".into());
        }
    }
    ctx
}

/// Every lifetime the entity sets, read; the values go into `ctx` as the others' siblings.
fn readings(entity: &Entity, format: Format, options: &Options, ctx: &mut Context) -> Vec<Read> {
    let mut out = Vec::new();
    for (place, field) in paths(entity.kind) {
        let unit = FileUnit::of(place, field);
        let Some(entry) = entry_at(&entity.node, place.path) else {
            continue;
        };
        let value = &entry.value;
        let reading = match &value.value {
            Value::Null => continue,
            Value::Placeholder(p) => Reading::NotChecked(format!(
                "its value is the placeholder {p}, which YAML reads as a comment; pass --keywords to check it"
            )),
            _ => read(value, field, unit, format, options.api_json),
        };
        if let Reading::Value { value: v, .. } = &reading {
            ctx.siblings.insert(field.id.to_string(), v.to_string());
        }
        let span = if value.span.is_empty() {
            entry.key_span.clone()
        } else {
            value.span.clone()
        };
        out.push((field, unit, span, reading));
    }
    out
}

/// A relation with a field the entity does not set is checked against that field's Auth0
/// default, which is what the tenant gets, and says so: the defaults put into `ctx`.
fn defaults(entity: &Entity, readings: &[Read], ctx: &mut Context) -> Vec<Defaulted> {
    let mut defaulted = Vec::new();
    for (field, _, _, reading) in readings {
        if !matches!(reading, Reading::Value { .. }) {
            continue;
        }
        for r in field.relations {
            let unset = ctx.siblings.get(r.at_most).is_none()
                && !readings.iter().any(|(f, ..)| f.id == r.at_most)
                && !ctx.disabled.iter().any(|d| d == r.at_most)
                && paths(entity.kind).any(|(_, f)| f.id == r.at_most);
            let other = catalog::field(r.at_most);
            if let (true, Some(other), Some(default)) =
                (unset, other, other.and_then(|o| o.default))
            {
                ctx.siblings
                    .insert(other.id.to_string(), default.value.to_string());
                defaulted.push((field.id, other, default));
            }
        }
    }
    defaulted
}

/// The verdict on a value read, into `found`: the catalog's rules, the relations' defaults, the
/// schema's limits where a flag turns the lifetime off, and the notes of the reading.
fn judge(
    found: &mut Found,
    value: u64,
    notes: Vec<Said>,
    defaulted: &[Defaulted],
    ctx: &Context,
    options: &Options,
) {
    let field = found.field;
    let verdict = check_field(field, &value.to_string(), ctx);
    for (_, other, default) in defaulted.iter().filter(|(id, ..)| *id == field.id) {
        found.messages.push(Said {
            code: Code::UnsetUsesDefault,
            level: Level::Info,
            text: format!(
                "{} is not set here: its Auth0 default, {} {}, is used for the relation ({}).",
                other.id,
                crate::format::group(default.value),
                other.unit.symbol(),
                default.kind.label()
            ),
        });
    }
    // What is sent is validated against the schema, even where a flag makes Auth0 ignore the
    // lifetime afterwards (`infinite_token_lifetime`, non-expiring).
    if ctx.disabled.iter().any(|d| d == field.id) {
        found.messages.extend(schema_limits(field, value));
    }
    found.seconds = verdict.seconds;
    found.value = verdict.value.map(|v| (v, verdict.unit));
    found.messages.extend(notes);
    for m in &verdict.messages {
        // A plan's limits: on Enterprise, the self-service limit says nothing.
        if options.plan == Plan::Enterprise && m.code == Code::AbovePlanLimit {
            continue;
        }
        // "This is Auth0's default" is worth saying of a value that is fine only.
        if m.code == Code::IsDefault && verdict.level != Level::Ok {
            continue;
        }
        found.messages.push(Said {
            code: m.code,
            level: m.level,
            text: m.text.to_string(),
        });
    }
}

/// The Terraform provider does not send token_lifetime_for_web for the Management API.
fn not_sent_by_terraform(format: Format, field: &Field, ctx: &Context) -> Option<Said> {
    let management_api = ctx
        .api_identifier
        .as_deref()
        .is_some_and(|i| i.trim_end_matches('/').ends_with("/api/v2"));
    (format.is_terraform() && field.id == "token_lifetime_for_web" && management_api).then(|| Said {
        code: Code::NotSentByTerraform,
        level: Level::Warning,
        text: "The Terraform provider does not send token_lifetime_for_web for the Auth0 Management API resource server: this value is never applied.".into(),
    })
}

/// An application's refresh-token settings that switch its lifetimes off or tie them together:
/// the entries that set them, where a finding about them points.
struct RefreshFlags<'a> {
    /// `expiration_type: non-expiring`.
    non_expiring: Option<&'a Entry>,
    /// `infinite_token_lifetime: true`.
    infinite: Option<&'a Entry>,
    rotation: Option<&'a str>,
}

impl<'a> RefreshFlags<'a> {
    fn read(node: &'a Node) -> Self {
        RefreshFlags {
            non_expiring: entry_at(node, "refresh_token.expiration_type")
                .filter(|e| e.value.as_str() == Some("non-expiring")),
            infinite: entry_at(node, "refresh_token.infinite_token_lifetime")
                .filter(|e| e.value.is_true()),
            rotation: node
                .at("refresh_token.rotation_type")
                .and_then(Node::as_str),
        }
    }
}

/// The refresh-token rules that tie several settings of an application together. Each finding
/// concerns the maximum lifetime and is about the setting that breaks the rule (`about`).
fn refresh_token_rules(
    flags: &RefreshFlags,
    node: &Node,
    label: &std::sync::Arc<str>,
) -> Vec<Found> {
    let Some(field) = catalog::field("refresh_token.token_lifetime") else {
        return Vec::new();
    };
    let non_expiring = flags
        .non_expiring
        .map(|e| (e, "refresh_token.expiration_type"));
    let infinite = flags
        .infinite
        .map(|e| (e, "refresh_token.infinite_token_lifetime"));
    let mut out = Vec::new();
    let mut finding = |(entry, about): (&Entry, &'static str), code: Code, said: &str| {
        let span = if entry.value.span.is_empty() {
            entry.key_span.clone()
        } else {
            entry.value.span.clone()
        };
        let mut found = Found {
            raw: String::new(),
            span,
            entity: label.clone(),
            field,
            unit: FileUnit::Field(field.unit),
            seconds: None,
            value: None,
            level: Level::Ok,
            messages: vec![Said {
                code,
                level: Level::Error,
                text: said.to_string(),
            }],
            suppressed: Vec::new(),
            about: Some(about),
        };
        found.settle();
        out.push(found);
    };
    if flags.rotation == Some("rotating") {
        if let Some(e) = non_expiring.or(infinite) {
            finding(
                e,
                Code::RotationNeedsExpiration,
                "Refresh token rotation needs an expiring refresh token with a maximum lifetime (“If rotation is enabled, an expiration lifetime must be set”); Auth0 refuses this combination — Auth0 documentation, “Configure Refresh Token Expiration”.",
            );
        }
    }
    if node.at("app_type").and_then(Node::as_str) == Some("spa") {
        if let Some(e) = non_expiring {
            finding(
                e,
                Code::SpaNonExpiringRefreshToken,
                "A single-page application cannot have non-expiring refresh tokens; set expiration_type to expiring with a maximum lifetime — Auth0 documentation, refresh token security controls.",
            );
        }
    }
    out
}
