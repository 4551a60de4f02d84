//! Walks the paths given, reads each file in its format (with keyword substitution), and checks
//! what it holds.

use super::check::{check_entity, Found, Options};
use super::entities::{self, Format, Read};
use super::hcl::{self, Scope};
use super::keywords::{placeholders, substitute, Keywords, Substituted};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One file looked at.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The file as written (positions refer to it).
    pub text: String,
    pub format: Option<Format>,
    /// Why it could not be read, with the byte offset of the problem.
    pub error: Option<(String, usize)>,
    /// The lifetimes in it, with spans in `text`.
    pub values: Vec<Found>,
}

/// Everything `lint` found.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
}

impl Report {
    /// True when a value or a file is in error.
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(|f| {
            f.error.is_some()
                || f.values
                    .iter()
                    .any(|v| v.level == crate::verdict::Level::Error)
        })
    }
}

const SKIP_DIRS: &[&str] = &[".git", "node_modules", ".terraform", "target"];

fn is_candidate(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml" | "json" | "tf" | "tfstate")
    )
}

/// The files under `paths`, in a stable order. A directory is walked; a file named is always
/// read, whatever its extension.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
        if meta.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(dir) = stack.pop() {
                let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .map_err(|e| format!("{}: {e}", dir.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .collect();
                entries.sort();
                for e in entries {
                    let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    if e.is_dir() {
                        if !SKIP_DIRS.contains(&name) {
                            stack.push(e);
                        }
                    } else if is_candidate(&e) {
                        out.push(e);
                    }
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Lints the files under `paths`.
pub fn lint(
    paths: &[PathBuf],
    keywords: Option<&Keywords>,
    options: &Options,
) -> Result<Report, String> {
    let files = collect(paths)?;
    let mut texts: Vec<(PathBuf, String, Substituted)> = Vec::new();
    for path in files {
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let substituted = match keywords {
            Some(k) => substitute(&text, k),
            None => Substituted::unchanged(&text),
        };
        texts.push((path, text, substituted));
    }
    // Terraform modules: every .tf of a directory shares its locals and variables.
    let mut parsed_tf: BTreeMap<PathBuf, Result<hcl::HclFile, super::yaml::ReadError>> =
        BTreeMap::new();
    let mut scopes: BTreeMap<PathBuf, Scope> = BTreeMap::new();
    for (path, _, s) in &texts {
        if path.extension().and_then(|e| e.to_str()) == Some("tf") {
            let parsed = hcl::parse(&s.text);
            if let Ok(f) = &parsed {
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                f.collect_scope(scopes.entry(dir).or_default());
            }
            parsed_tf.insert(path.clone(), parsed);
        }
    }
    let empty = Scope::default();
    let mut report = Report::default();
    for (path, text, s) in texts {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let parsed = parsed_tf.remove(&path);
        let scope = scopes.get(&dir).unwrap_or(&empty);
        report.files.push(check_file(
            path,
            text,
            &s,
            parsed,
            scope,
            keywords.is_some(),
            options,
        ));
    }
    Ok(report)
}

/// Lints one text as if it were the file at `path` (no file system: for tests and fuzzing).
/// A `.tf` file gets only its own locals and variables.
pub fn lint_text(
    path: &Path,
    text: &str,
    keywords: Option<&Keywords>,
    options: &Options,
) -> FileReport {
    let s = match keywords {
        Some(k) => substitute(text, k),
        None => Substituted::unchanged(text),
    };
    let mut scope = Scope::default();
    let parsed = (path.extension().and_then(|e| e.to_str()) == Some("tf")).then(|| {
        let parsed = hcl::parse(&s.text);
        if let Ok(f) = &parsed {
            f.collect_scope(&mut scope);
        }
        parsed
    });
    check_file(
        path.to_path_buf(),
        text.to_string(),
        &s,
        parsed,
        &scope,
        keywords.is_some(),
        options,
    )
}

/// Reads one file (already substituted into `s`; `parsed` for a `.tf`) and checks it.
fn check_file(
    path: PathBuf,
    text: String,
    s: &Substituted,
    parsed: Option<Result<hcl::HclFile, super::yaml::ReadError>>,
    scope: &Scope,
    have_keywords: bool,
    options: &Options,
) -> FileReport {
    let read: Result<Read, super::yaml::ReadError> = match parsed {
        Some(Ok(f)) => Ok(entities::read_terraform(&f, scope)),
        Some(Err(e)) => Err(e),
        None => entities::read_data(&path, &s.text),
    };
    let mut file = FileReport {
        path,
        text: String::new(),
        format: None,
        error: None,
        values: Vec::new(),
    };
    match read {
        Ok(read) => {
            file.format = read.format;
            if let Some(format) = read.format {
                for entity in &read.entities {
                    for mut found in check_entity(entity, format, &s.text, options) {
                        found.span = s.span(found.span.clone());
                        found.raw = text
                            .get(found.span.clone())
                            .unwrap_or(&found.raw)
                            .to_string();
                        file.values.push(found);
                    }
                }
            }
        }
        Err(e) => {
            let at = floor_boundary(&text, s.original(e.at));
            file.error = Some((explain_read_error(&text, at, &e.message, have_keywords), at));
        }
    }
    file.text = text;
    file
}

/// The nearest character boundary at or before `at` (parsers report columns in characters).
fn floor_boundary(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// A read error, named after the placeholder that causes it when there is one on its line (an
/// unquoted `@@KEY@@` is a YAML syntax error until the Deploy CLI replaces it).
fn explain_read_error(text: &str, at: usize, message: &str, have_keywords: bool) -> String {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |p| p + 1);
    // The problem may be reported at the start of the next line.
    let prev_start = text[..line_start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let line_end = text[at.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |p| at + p);
    let near = &text[prev_start..line_end];
    match placeholders(near).into_iter().next() {
        Some((off, p)) => {
            let line = text[..prev_start + off].matches('\n').count() + 1;
            if have_keywords {
                format!("cannot be read: the placeholder {p} on line {line} has no value in the keyword mappings ({message})")
            } else {
                format!("cannot be read before the placeholder {p} on line {line} is replaced: pass --keywords with the Deploy CLI's config.json ({message})")
            }
        }
        None => format!("cannot be read: {message}"),
    }
}
