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
                for e in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
                    let Ok(e) = e else { continue };
                    let path = e.path();
                    // The entry's own type: no second look at the file system per file.
                    let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                    if is_dir {
                        let name = e.file_name();
                        if !SKIP_DIRS.iter().any(|s| name == *s) {
                            stack.push(path);
                        }
                    } else if is_candidate(&path) {
                        out.push(path);
                    }
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    // By the path's text: comparing paths component by component cost more than the walk.
    out.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out.dedup();
    Ok(out)
}

fn read_text(path: &Path, keywords: Option<&Keywords>) -> Result<(String, Substituted), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    let substituted = substituted(&text, keywords);
    Ok((text, substituted))
}

/// The text with its keywords replaced, or as it is without mappings.
fn substituted(text: &str, keywords: Option<&Keywords>) -> Substituted {
    match keywords {
        Some(k) => substitute(text, k),
        None => Substituted::unchanged(),
    }
}

/// Lints the files under `paths`. Files are read and checked on the machine's cores; the `.tf`
/// files of a directory first, together, since they share a module's locals and variables.
pub fn lint(
    paths: &[PathBuf],
    keywords: Option<&Keywords>,
    options: &Options,
) -> Result<Report, String> {
    let files = collect(paths)?;
    let is_tf = |p: &Path| p.extension().and_then(|e| e.to_str()) == Some("tf");
    let mut tf: Vec<(
        PathBuf,
        String,
        Substituted,
        Result<hcl::HclFile, super::yaml::ReadError>,
    )> = Vec::new();
    let mut scopes: BTreeMap<PathBuf, Scope> = BTreeMap::new();
    for path in files.iter().filter(|p| is_tf(p)) {
        let (text, s) = read_text(path, keywords)?;
        let parsed = hcl::parse(s.text(&text));
        if let Ok(f) = &parsed {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            f.collect_scope(scopes.entry(dir).or_default());
        }
        tf.push((path.clone(), text, s, parsed));
    }
    let empty = Scope::default();
    let mut reports: Vec<FileReport> = tf
        .into_iter()
        .map(|(path, text, s, parsed)| {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let scope = scopes.get(&dir).unwrap_or(&empty);
            check_file(
                path,
                text,
                &s,
                Some(parsed),
                scope,
                keywords.is_some(),
                options,
            )
        })
        .collect();
    let others: Vec<PathBuf> = files.into_iter().filter(|p| !is_tf(p)).collect();
    for r in par_map(others, |path| {
        let (text, s) = read_text(&path, keywords)?;
        Ok::<_, String>(check_file(
            path,
            text,
            &s,
            None,
            &empty,
            keywords.is_some(),
            options,
        ))
    }) {
        reports.push(r?);
    }
    reports.sort_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    Ok(Report { files: reports })
}

/// `items.map(f)`, in order, on the machine's cores when there are enough items to be worth
/// it (a directory export of 12,000 files, a file of 12,000 entities); one thread on wasm32.
fn par_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Asked once: on Linux the answer reads cgroup files, four system calls a time.
        static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        let threads = if items.len() >= 256 {
            *THREADS
                .get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
        } else {
            1
        };
        if threads > 1 {
            let per = items.len().div_ceil(threads);
            let mut chunks: Vec<Vec<T>> = Vec::with_capacity(threads);
            let mut it = items.into_iter();
            loop {
                let chunk: Vec<T> = it.by_ref().take(per).collect();
                if chunk.is_empty() {
                    break;
                }
                chunks.push(chunk);
            }
            let f = &f;
            return std::thread::scope(|scope| {
                let handles: Vec<_> = chunks
                    .into_iter()
                    .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            });
        }
    }
    items.into_iter().map(f).collect()
}

/// Lints one text as if it were the file at `path` (no file system: for tests and fuzzing).
/// A `.tf` file gets only its own locals and variables.
pub fn lint_text(
    path: &Path,
    text: &str,
    keywords: Option<&Keywords>,
    options: &Options,
) -> FileReport {
    let s = substituted(text, keywords);
    let mut scope = Scope::default();
    let parsed = (path.extension().and_then(|e| e.to_str()) == Some("tf")).then(|| {
        let parsed = hcl::parse(s.text(text));
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
    // The APIs and applications of a Deploy CLI YAML file are checked as the reader completes
    // them, so the file is never held whole as a tree. Natively, room for a value every 64 bytes
    // is reserved rather than grown: growing by doubling would copy and touch twice the memory
    // (the bench export has a value every 98 bytes), and room never touched costs nothing. A
    // WebAssembly memory is committed as it grows, so there the list grows as it needs.
    let room = if cfg!(target_arch = "wasm32") {
        0
    } else {
        text.len() / 64
    };
    let mut checked: Vec<Found> = Vec::with_capacity(room);
    let substituted = s.text(&text);
    let read: Result<Read, super::yaml::ReadError> = match parsed {
        Some(Ok(f)) => Ok(entities::read_terraform(&f, scope)),
        Some(Err(e)) => Err(e),
        None => entities::read_data(&path, substituted, &mut |entity| {
            checked.extend(check_entity(
                &entity,
                Format::DeployCliYaml,
                substituted,
                options,
            ))
        }),
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
                let rest = par_map(read.entities, |entity| {
                    check_entity(&entity, format, substituted, options)
                });
                if format == Format::DeployCliYaml {
                    // In the file's order: the few entities not handed over while reading (the
                    // tenant) go where they stand among those that were.
                    for found in rest.into_iter().flatten() {
                        let at = checked.partition_point(|f| f.span.start <= found.span.start);
                        checked.insert(at, found);
                    }
                } else {
                    checked.extend(rest.into_iter().flatten());
                }
                file.values = checked;
                for found in &mut file.values {
                    found.span = s.span(found.span.clone());
                    // The value as written, placeholder and all.
                    if let Some(raw) = text.get(found.span.clone()) {
                        if raw != found.raw {
                            found.raw = raw.to_string();
                        }
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
