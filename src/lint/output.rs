//! `lint` output: compiler-style diagnostics for people, one JSON object for scripts, and
//! SARIF 2.1.0 for code-scanning upload.

use super::run::{FileReport, Report};
use crate::codes::Code;
use crate::verdict::Level;
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Where the lines of a text start, to turn byte offsets into lines and columns without
/// scanning the text again for every value (a 10,000-client export has 40,000 of them).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Columns are byte distances in an ASCII text.
    ascii: bool,
    /// The last offset asked and its column: values come in order, and counting the characters
    /// from the line's start for each would be quadratic on a minified file's one long line.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        // Counted first: a list grown by doubling would touch twice the memory.
        let mut starts = Vec::with_capacity(1 + text.bytes().filter(|&b| b == b'\n').count());
        starts.push(0);
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let ascii = text.is_ascii();
        Lines {
            text,
            starts,
            ascii,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let text = self.text;
        let at = crate::text::floor_boundary(text, at);
        let line = self.starts.partition_point(|&s| s <= at);
        let start = self.starts[line - 1];
        if self.ascii {
            return (line, at - start + 1);
        }
        let (from, col) = match self.last.get() {
            (last, col) if (start..=at).contains(&last) => (last, col),
            _ => (start, 1),
        };
        let col = col + text[from..at].chars().count();
        self.last.set((at, col));
        (line, col)
    }
}

/// 1-based line and column (in characters) of a byte offset (one value; see [`Lines`]).
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    Lines::new(text).line_col(at)
}

fn display_path(f: &FileReport) -> String {
    f.path.display().to_string()
}

fn level_word(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Ok => "ok",
        Level::Info => "note",
    }
}

/// How many characters of a source line a diagnostic quotes: a longer line (minified JSON, a
/// one-line API response) is quoted as an excerpt around the value.
const EXCERPT: usize = 100;
/// Characters kept on each side of the value in an excerpt.
const CONTEXT: usize = 36;

/// The source line of `span` (line `line`, column `col`), with a caret under the value. The line
/// is quoted as the terminal shows it: without its `\r`, control characters as spaces, and, when
/// it is long, as an excerpt of bounded width around the value, so output grows with the findings,
/// not with the file's line lengths.
fn snippet(
    out: &mut String,
    lines: &Lines,
    (line, col): (usize, usize),
    span: &std::ops::Range<usize>,
    label: &str,
) {
    // The line's bounds from the table of line starts: a minified file is one long line, and
    // finding its ends again for every value would be quadratic. Everything below looks at a
    // bounded window of it.
    let text = lines.text;
    let start = lines.starts.get(line - 1).copied().unwrap_or(0);
    let end = lines
        .starts
        .get(line)
        .map_or(text.len(), |next| next.saturating_sub(1));
    let src = text.get(start..end).unwrap_or("");
    let src = src.strip_suffix('\r').unwrap_or(src);
    let line_end = start + src.len();
    let at = crate::text::floor_boundary(text, span.start.clamp(start, line_end));
    let width = line.to_string().len();
    let span_end = span.end.min(line_end).max(at);
    let len = text
        .get(at..span_end)
        .map_or(1, |s| s.chars().count().max(1));
    // The whole of a short line (a line of EXCERPT bytes or fewer has as many characters at
    // most; a longer one is counted only while that is cheap).
    let short =
        src.len() <= EXCERPT || (src.len() <= 4 * EXCERPT && src.chars().count() <= EXCERPT);
    let (quoted_from, before, take) = if short {
        (start, col - 1, usize::MAX)
    } else {
        // CONTEXT characters before the value, the value (bounded) and CONTEXT after.
        let before = (col - 1).min(CONTEXT);
        let from = match before {
            0 => at,
            n => text[start..at]
                .char_indices()
                .rev()
                .nth(n - 1)
                .map_or(at, |(i, _)| start + i),
        };
        (
            from,
            before,
            before + len.min(EXCERPT - 2 * CONTEXT) + CONTEXT,
        )
    };
    let mut chars = text[quoted_from..line_end].chars();
    let mut quoted: String = chars
        .by_ref()
        .take(take)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let taken = quoted.chars().count();
    let mut caret_at = before;
    if quoted_from > start {
        quoted.insert(0, '…');
        caret_at += 1;
    }
    if chars.next().is_some() {
        quoted.push('…');
    }
    let carets = len.min(taken.saturating_sub(before)).max(1);
    let _ = writeln!(out, "{:width$} |", "");
    let _ = writeln!(out, "{line} | {quoted}");
    let _ = writeln!(
        out,
        "{:width$} | {}{} {label}",
        "",
        " ".repeat(caret_at),
        "^".repeat(carets)
    );
}

/// A diagnostic about a file itself rather than one of its values (`head` is
/// `error[unreadable]`, `warning[duplicate_key]`), at byte offset `at`.
fn file_diagnostic(
    out: &mut String,
    f: &FileReport,
    lines: &Lines,
    head: &str,
    message: &str,
    at: usize,
) {
    let (line, col) = lines.line_col(at);
    let _ = writeln!(out, "{head}: {message}");
    let _ = writeln!(out, "  --> {}:{line}:{col}", display_path(f));
    snippet(out, lines, (line, col), &(at..at + 1), "");
    out.push('\n');
}

/// Compiler-style diagnostics for every value that is not OK, and every file that could not
/// be read; then a summary line.
pub fn human(report: &Report) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and only `str`s are written.
    let _ = write_human(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Bytes of diagnostics gathered before they are written out.
const CHUNK: usize = 1 << 16;

/// [`human`], written to `to` as it goes (a large export's diagnostics run to megabytes; they are
/// never held whole).
pub fn write_human(report: &Report, to: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = String::with_capacity(CHUNK + 1024);
    for f in &report.files {
        if let Some(skipped) = &f.skipped {
            // A path named on the command line fails the run; an entry met in a directory
            // (an editor's lock file, a dangling link) is only reported.
            let word = if skipped.named {
                "error[unreadable]"
            } else {
                "warning[skipped]"
            };
            let _ = writeln!(out, "{word}: {}", skipped.why);
            let _ = writeln!(out, "  --> {}\n", display_path(f));
            continue;
        }
        let lines = Lines::new(&f.text);
        for w in &f.warnings {
            let head = format!("{}[{}]", level_word(w.code.level()), w.code);
            file_diagnostic(&mut out, f, &lines, &head, &w.message, w.at);
        }
        if let Some((message, at)) = &f.error {
            file_diagnostic(&mut out, f, &lines, "error[unreadable]", message, *at);
        }
        for v in &f.values {
            if v.level == Level::Ok {
                continue;
            }
            let (line, col) = lines.line_col(v.span.start);
            let mut shown = v.messages.iter().filter(|m| m.level >= Level::Warning);
            let Some(first) = shown.next() else { continue };
            let _ = writeln!(
                out,
                "{}[{}]: {}",
                level_word(first.level),
                first.code,
                first.text
            );
            let _ = writeln!(out, "  --> {}:{line}:{col}", display_path(f));
            let label = v.equation().unwrap_or_default();
            snippet(&mut out, &lines, (line, col), &v.span, &label);
            let _ = match v.about {
                None => writeln!(
                    out,
                    "  = note: {} {} ({})",
                    v.entity,
                    v.field.id,
                    v.unit.name()
                ),
                Some(about) => writeln!(out, "  = note: {} {about}, for {}", v.entity, v.field.id),
            };
            for m in shown.chain(v.messages.iter().filter(|m| m.level < Level::Warning)) {
                let _ = writeln!(out, "  = {}[{}]: {}", level_word(m.level), m.code, m.text);
            }
            out.push('\n');
            if out.len() >= CHUNK {
                to.write_all(out.as_bytes())?;
                out.clear();
            }
        }
    }
    out.push_str(&summary(report));
    to.write_all(out.as_bytes())
}

/// The last line of the human output: `lifetime-guard lint: 12 lifetimes in 3 files: 1 error, 2
/// warnings (1 suppressed)`. A value counts once, as its worst message; a file that could not be
/// read counts as an error, an entry skipped while walking and a file's own warning as warnings.
pub fn summary(report: &Report) -> String {
    let (mut errors, mut warnings, mut values, mut suppressed) = (0, 0, 0, 0);
    for f in &report.files {
        if let Some(skipped) = &f.skipped {
            if skipped.named {
                errors += 1;
            } else {
                warnings += 1;
            }
            continue;
        }
        warnings += f.warnings.len();
        errors += usize::from(f.error.is_some());
        for v in &f.values {
            values += usize::from(v.is_lifetime());
            suppressed += v
                .suppressed
                .iter()
                .filter(|s| s.said.level >= Level::Warning)
                .count();
            if v.level != Level::Ok && v.messages.iter().any(|m| m.level >= Level::Warning) {
                match v.level {
                    Level::Error => errors += 1,
                    _ => warnings += 1,
                }
            }
        }
    }
    let read = report.files.iter().filter(|f| f.format.is_some()).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut out = format!(
        "lifetime-guard lint: {} in {}: {}, {}",
        plural(values, "lifetime"),
        plural(read, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if suppressed > 0 {
        let _ = write!(out, " ({suppressed} suppressed)");
    }
    out.push('\n');
    out
}

/// One message of a value, as `--format json` writes it.
#[derive(Serialize)]
struct JsonMessage<'a> {
    code: Code,
    level: &'a str,
    text: &'a str,
}

/// A value's messages, serialised as they are read.
struct JsonMessages<'a>(&'a [super::check::Said]);

impl Serialize for JsonMessages<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|m| JsonMessage {
            code: m.code,
            level: m.level.code(),
            text: &m.text,
        }))
    }
}

/// One lifetime, as `--format json` writes it (borrowed: a large export has tens of thousands).
#[derive(Serialize)]
struct JsonValue<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    format: Option<&'static str>,
    entity: &'a str,
    field: &'static str,
    raw: &'a str,
    unit: &'static str,
    seconds: Option<u64>,
    level: &'static str,
    messages: JsonMessages<'a>,
    /// Findings left out on purpose, with why.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suppressed: &'a [super::check::Suppressed],
}

#[derive(Serialize)]
struct JsonError<'a> {
    message: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    format: Option<&'static str>,
    error: Option<JsonError<'a>>,
    /// Why the file was not read at all, if it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a str>,
    /// Warnings about the file itself (a key set twice).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<JsonError<'a>>,
}

/// The files of a report with their displayed paths.
struct JsonFiles<'a>(&'a Report, &'a [String]);

impl Serialize for JsonFiles<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.files.iter().zip(self.1).map(|(f, path)| {
            JsonFile {
                path,
                format: f.format.map(|x| x.code()),
                error: f.error.as_ref().map(|(m, at)| {
                    let (line, column) = line_col(&f.text, *at);
                    JsonError {
                        message: m,
                        line,
                        column,
                    }
                }),
                skipped: f.skipped.as_ref().map(|s| s.why.as_str()),
                warnings: f
                    .warnings
                    .iter()
                    .map(|w| {
                        let (line, column) = line_col(&f.text, w.at);
                        JsonError {
                            message: &w.message,
                            line,
                            column,
                        }
                    })
                    .collect(),
            }
        }))
    }
}

/// A rule's finding about a setting of an entity that is no lifetime, as `--format json` writes
/// it: `about` is the setting it points at, `field` the lifetime it concerns.
#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    format: Option<&'static str>,
    entity: &'a str,
    about: &'static str,
    field: &'static str,
    raw: &'a str,
    level: &'static str,
    messages: JsonMessages<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suppressed: &'a [super::check::Suppressed],
}

/// The lifetimes (`findings == false`) or the rules' findings about other settings of a
/// report, serialised one at a time (never a list of tens of thousands).
struct JsonValues<'a> {
    report: &'a Report,
    paths: &'a [String],
    findings: bool,
}

impl Serialize for JsonValues<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let findings = self.findings;
        s.collect_seq(
            self.report
                .files
                .iter()
                .zip(self.paths)
                .flat_map(move |(f, path)| {
                    let lines = Lines::new(&f.text);
                    let format = f.format.map(|x| x.code());
                    f.values
                        .iter()
                        .filter(move |v| v.is_lifetime() != findings)
                        .map(move |v| {
                            let (line, column) = lines.line_col(v.span.start);
                            let messages = JsonMessages(&v.messages);
                            match v.about {
                                None => JsonEither::Value(JsonValue {
                                    path,
                                    line,
                                    column,
                                    format,
                                    entity: &v.entity,
                                    field: v.field.id,
                                    raw: &v.raw,
                                    unit: v.unit.name(),
                                    seconds: v.seconds,
                                    level: v.level.code(),
                                    messages,
                                    suppressed: &v.suppressed,
                                }),
                                Some(about) => JsonEither::Finding(JsonFinding {
                                    path,
                                    line,
                                    column,
                                    format,
                                    entity: &v.entity,
                                    about,
                                    field: v.field.id,
                                    raw: &v.raw,
                                    level: v.level.code(),
                                    messages,
                                    suppressed: &v.suppressed,
                                }),
                            }
                        })
                }),
        )
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonEither<'a> {
    Value(JsonValue<'a>),
    Finding(JsonFinding<'a>),
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: JsonFiles<'a>,
    values: JsonValues<'a>,
    findings: JsonValues<'a>,
}

/// `{"files": [{path, format, error}], "values": [...], "findings": [...]}`: every lifetime
/// found, then the rules' findings about other settings (a flag that breaks a rule).
pub fn json(report: &Report) -> String {
    let mut out = Vec::new();
    match write_json(report, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// [`json`], written to `to` as it is serialised.
pub fn write_json(report: &Report, to: &mut dyn std::io::Write) -> std::io::Result<()> {
    let paths: Vec<String> = report.files.iter().map(display_path).collect();
    let report = JsonReport {
        files: JsonFiles(report, &paths),
        values: JsonValues {
            report,
            paths: &paths,
            findings: false,
        },
        findings: JsonValues {
            report,
            paths: &paths,
            findings: true,
        },
    };
    serde_json::to_writer(to, &report).map_err(std::io::Error::from)
}

fn sarif_level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        _ => "note",
    }
}

fn region(lines: &Lines, span: &std::ops::Range<usize>) -> Value {
    let (start_line, start_column) = lines.line_col(span.start);
    let (end_line, end_column) = lines.line_col(span.end.max(span.start + 1));
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

/// SARIF 2.1.0: one result per warning or error message, located at the value.
/// `help_uri`: where `docs/linting.md` is published, for each rule's `helpUri`.
pub fn sarif(report: &Report, help_uri: Option<&str>) -> Value {
    let mut log = SarifResults::default();
    for f in &report.files {
        log.file(f);
    }
    let rules: Vec<Value> = log.rules.iter().map(|r| sarif_rule(*r, help_uri)).collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lifetime-guard",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": log.results,
        }],
    })
}

/// A SARIF rule: a finding code's title and description, with where every code is listed.
fn sarif_rule(r: Code, help_uri: Option<&str>) -> Value {
    let (short, full) = (r.title(), r.description());
    let mut rule = json!({
        "id": r,
        "name": r,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": format!("**{short}.** {full}\n\nLimits are of four kinds — Management API schema, Auth0 documentation, observed, and project rule (Lifetime Guard's own review threshold, never Auth0's); each message says which. Every code: docs/linting.md, “Finding codes”.")},
    });
    if let Some(base) = help_uri {
        rule["helpUri"] = json!(format!("{base}#finding-codes"));
    }
    rule
}

/// The results of a SARIF run, and its rules, each listed once in the order first used.
#[derive(Default)]
struct SarifResults {
    rules: Vec<Code>,
    results: Vec<Value>,
}

impl SarifResults {
    /// One result; `suppressions` for a finding left out on purpose.
    fn add(
        &mut self,
        rule: Code,
        level: &str,
        text: &str,
        location: Value,
        suppressions: Option<Value>,
    ) {
        if !self.rules.contains(&rule) {
            self.rules.push(rule);
        }
        let mut result = json!({
            "ruleId": rule,
            "level": level,
            "message": {"text": text},
            "locations": [{"physicalLocation": location}],
        });
        if let Some(s) = suppressions {
            result["suppressions"] = s;
        }
        self.results.push(result);
    }

    /// The results of one file: skipped, its warnings, why it could not be read, its findings.
    fn file(&mut self, f: &FileReport) {
        let lines = Lines::new(&f.text);
        let uri = display_path(f).replace('\\', "/");
        let at = |span: &std::ops::Range<usize>| json!({"artifactLocation": {"uri": uri}, "region": region(&lines, span)});
        if let Some(skipped) = &f.skipped {
            let (rule, level) = if skipped.named {
                (Code::Unreadable, "error")
            } else {
                (Code::Skipped, "warning")
            };
            let location = json!({"artifactLocation": {"uri": uri}});
            self.add(rule, level, &skipped.why, location, None);
            return;
        }
        for w in &f.warnings {
            let level = sarif_level(w.code.level());
            self.add(w.code, level, &w.message, at(&(w.at..w.at + 1)), None);
        }
        if let Some((message, offset)) = &f.error {
            self.add(
                Code::Unreadable,
                "error",
                message,
                at(&(*offset..*offset + 1)),
                None,
            );
        }
        for v in &f.values {
            for m in v.messages.iter().filter(|m| m.level >= Level::Warning) {
                let mut text = format!("{} {}: {}", v.entity, v.subject(), m.text);
                if let Some(eq) = v.equation() {
                    let _ = write!(text, " ({eq})");
                }
                self.add(m.code, sarif_level(m.level), &text, at(&v.span), None);
            }
            // Suppressed findings stay in the log, marked so (code scanning shows them closed).
            for s in v
                .suppressed
                .iter()
                .filter(|s| s.said.level >= Level::Warning)
            {
                let text = format!("{} {}: {}", v.entity, v.subject(), s.said.text);
                let kind = if s.by_config { "external" } else { "inSource" };
                let suppression = json!([{"kind": kind, "justification": s.reason}]);
                self.add(
                    s.said.code,
                    sarif_level(s.said.level),
                    &text,
                    at(&v.span),
                    Some(suppression),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines and columns in characters, whatever order the offsets are asked in.
    #[test]
    fn columns_count_characters_in_any_order() {
        let text = "{\"é\": 1,\n \"naïve\": [2, \"日本\", 3]}\n";
        let naive = |at: usize| {
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[start..].chars().count() + 1)
        };
        let lines = Lines::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &at in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(lines.line_col(at), naive(at), "{at}");
        }
        let ascii = "a\nbc\n";
        let lines = Lines::new(ascii);
        assert_eq!((lines.line_col(3), lines.line_col(1)), ((2, 2), (1, 2)));
    }

    /// A long line is quoted as a window around the value, wherever the value is on it.
    #[test]
    fn excerpts_of_a_long_line() {
        let text = format!("99999999{}", ",x".repeat(200));
        let lines = Lines::new(&text);
        let mut out = String::new();
        snippet(&mut out, &lines, (1, 1), &(0..8), "v");
        let quoted: String = text.chars().take(8 + CONTEXT).collect();
        assert_eq!(out, format!("  |\n1 | {quoted}…\n  | ^^^^^^^^ v\n"));
        let text = format!("{}é 42 {}", "ü".repeat(300), "x".repeat(300));
        let lines = Lines::new(&text);
        let at = text.find("42").expect("the value");
        let mut out = String::new();
        snippet(&mut out, &lines, lines.line_col(at), &(at..at + 2), "v");
        let second = out.lines().nth(1).expect("the quoted line");
        assert!(
            second.starts_with("1 | …ü") && second.contains("é 42 x") && second.ends_with('…'),
            "{out}"
        );
        let caret = out.lines().nth(2).expect("the caret line");
        assert_eq!(
            caret.find('^').map(|i| caret[..i].chars().count()),
            second.find("42").map(|i| second[..i].chars().count())
        );
    }
}
