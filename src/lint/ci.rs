//! Findings as CI systems show them in a change under review: GitHub's workflow commands (an
//! annotation at the line of a pull request, as ruff's and actionlint's `--format github` write
//! them) and GitLab's Code Quality report (the merge request's widget and the diff's gutter).
//!
//! Both show what the human output shows: every warning and error that is not suppressed, and the
//! problems of the files themselves.

use super::output::Lines;
use super::run::{FileReport, Report};
use crate::codes::Code;
use crate::verdict::Level;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// One finding, located.
struct Finding {
    path: String,
    code: Code,
    level: Level,
    message: String,
    /// Line and column (in characters) of the first and last character; none for a file that
    /// was not read at all.
    start: Option<(usize, usize)>,
    end: Option<(usize, usize)>,
    /// What the finding is about, without its position: `entity field`, or empty for the file.
    subject: String,
}

fn path_of(f: &FileReport) -> String {
    let p = f.path.display().to_string().replace('\\', "/");
    match p.strip_prefix("./") {
        Some(rest) => rest.to_string(),
        None => p,
    }
}

/// Every finding of `report` at warning or above, in the files' order.
fn findings(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &report.files {
        let path = path_of(f);
        if let Some(skipped) = &f.skipped {
            let code = if skipped.named {
                Code::Unreadable
            } else {
                Code::Skipped
            };
            out.push(Finding {
                path,
                code,
                level: code.level(),
                message: skipped.why.clone(),
                start: None,
                end: None,
                subject: String::new(),
            });
            continue;
        }
        let lines = Lines::new(&f.text);
        let at = |from: usize, to: usize| {
            (
                Some(lines.line_col(from)),
                Some(lines.line_col(to.max(from + 1) - 1)),
            )
        };
        let problems = f.warnings.iter().map(|w| (w.code, &w.message, w.at));
        let error = f.error.iter().map(|(m, at)| (Code::Unreadable, m, *at));
        for (code, message, offset) in problems.chain(error) {
            let (start, end) = at(offset, offset + 1);
            out.push(Finding {
                path: path.clone(),
                code,
                level: code.level(),
                message: message.clone(),
                start,
                end,
                subject: String::new(),
            });
        }
        for v in &f.values {
            for m in v.messages.iter().filter(|m| m.level >= Level::Warning) {
                let mut message = format!("{} {}: {}", v.entity, v.subject(), m.text);
                if let Some(eq) = v.equation() {
                    let _ = write!(message, " ({eq})");
                }
                let (start, end) = at(v.span.start, v.span.end);
                out.push(Finding {
                    path: path.clone(),
                    code: m.code,
                    level: m.level,
                    message,
                    start,
                    end,
                    subject: format!("{} {}", v.entity, v.subject()),
                });
            }
        }
    }
    out
}

/// A workflow command's data: `%`, CR and LF escaped as GitHub's toolkit does (`escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property: its data, with `:` and `,` escaped too (`escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `--format github`: one `::error` or `::warning` workflow command a finding, with its file,
/// lines, columns, code and title, then the human output's summary line. GitHub Actions turns
/// each command into an annotation at that line of the pull request.
pub fn github(report: &Report) -> String {
    let mut out = String::new();
    for f in findings(report) {
        let command = if f.level == Level::Error {
            "error"
        } else {
            "warning"
        };
        let mut props = format!("file={}", escape_property(&f.path));
        if let (Some((line, col)), Some((end_line, end_col))) = (f.start, f.end) {
            let _ = write!(props, ",line={line},endLine={end_line}");
            // GitHub ignores columns on an annotation of several lines.
            if line == end_line {
                let _ = write!(props, ",col={col},endColumn={end_col}");
            }
        }
        let title = format!("lifetime-guard {}: {}", f.code, f.code.title());
        let _ = writeln!(
            out,
            "::{command} {props},title={}::{}",
            escape_property(&title),
            escape_data(&f.message)
        );
    }
    out.push_str(super::output::summary(report).as_str());
    out
}

/// GitLab's Code Quality severities, from the finding's level.
fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "major",
        Level::Warning => "minor",
        _ => "info",
    }
}

#[derive(Serialize)]
struct Lines1 {
    begin: usize,
    end: usize,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines1,
}

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'a str,
    check_name: Code,
    fingerprint: String,
    severity: &'static str,
    categories: [&'static str; 1],
    location: Location<'a>,
}

/// `--format gitlab`: a Code Quality report (a JSON array of issues) for a job's
/// `artifacts:reports:codequality`. Each issue's fingerprint is the SHA-256 of its file, code,
/// subject and how many alike came before it in the file: the same finding keeps its fingerprint
/// from run to run when lines move, which is how GitLab tells new findings from old ones.
pub fn gitlab(report: &Report) -> String {
    use sha2::{Digest, Sha256};
    let all = findings(report);
    let mut seen: HashMap<(String, Code, String), usize> = HashMap::new();
    let issues: Vec<Issue> = all
        .iter()
        .map(|f| {
            let n = seen
                .entry((f.path.clone(), f.code, f.subject.clone()))
                .or_default();
            *n += 1;
            let key = format!("{}\0{}\0{}\0{n}", f.path, f.code, f.subject);
            let fingerprint = Sha256::digest(key.as_bytes()).iter().fold(
                String::with_capacity(64),
                |mut s, b| {
                    let _ = write!(s, "{b:02x}");
                    s
                },
            );
            let (begin, end) = (f.start.map_or(1, |(l, _)| l), f.end.map_or(1, |(l, _)| l));
            Issue {
                kind: "issue",
                description: &f.message,
                check_name: f.code,
                fingerprint,
                severity: severity(f.level),
                categories: ["Bug Risk"],
                location: Location {
                    path: &f.path,
                    lines: Lines1 { begin, end },
                },
            }
        })
        .collect();
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_as_the_toolkit_does() {
        assert_eq!(escape_data("50% of 1\r\n2"), "50%25 of 1%0D%0A2");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
